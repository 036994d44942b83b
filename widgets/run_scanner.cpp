// SPDX-License-Identifier: GPL-3.0-or-later
#include "run_scanner.h"

#include "curves/curve_axis.h"
#include "runs/run_folder.h"

#include <QThread>

#include <exception>
#include <filesystem>

namespace {

// What run.json says about a followed run: its status and planned steps.
void readRunInfo(const QString& folder, RunCurves& curves)
{
    try {
        const i3::RunInfo info = i3::RunFolder(folder.toStdString()).read_info();
        curves.status = info.status;
        curves.totalSteps = info.training.steps;
        curves.tokensPerStep = i3::tokens_per_step(info);
    } catch (const std::exception&) {
        curves.status.reset();
    }
}

} // namespace

struct RunScanner::Follower {
    explicit Follower(const QString& folder)
        : follower(i3::RunFolder(folder.toStdString()).metrics_file()),
          samples(i3::RunFolder(folder.toStdString()).samples_file())
    {
    }
    i3::MetricsFollower follower;
    i3::MetricsFollower samples; // samples.jsonl, a JSON-lines log like metrics.jsonl
    bool polled = false;
};

RunScanner::RunScanner(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RunScan>();
}

RunScanner::~RunScanner()
{
    if (thread_)
        thread_->wait();
}

void RunScanner::setFollowed(const QStringList& folders)
{
    std::map<QString, std::shared_ptr<Follower>> kept;
    for (const QString& folder : folders) {
        const auto it = followers_.find(folder);
        kept[folder] = it != followers_.end() ? it->second : std::make_shared<Follower>(folder);
    }
    followers_ = std::move(kept);
}

QStringList RunScanner::followed() const
{
    QStringList folders;
    for (const auto& entry : followers_)
        folders << entry.first;
    return folders;
}

void RunScanner::scan()
{
    if (thread_) {
        again_ = true;
        return;
    }
    auto result = std::make_shared<RunScan>();
    std::vector<QString> folders;
    std::vector<std::shared_ptr<Follower>> followers;
    for (const auto& [folder, follower] : followers_) {
        folders.push_back(folder);
        followers.push_back(follower);
    }
    const std::filesystem::path workspace = workspace_.toStdString();
    const bool list = !workspace_.isEmpty();
    // The worker touches only its copies and the followers, which nothing else uses meanwhile.
    thread_.reset(QThread::create([result, folders, followers, workspace, list] {
        if (list) {
            try {
                result->runs = i3::list_runs(workspace);
                result->listed = true;
            } catch (const std::exception&) {
                // An unreadable workspace keeps the previous list; the next scan tries again.
            }
        }
        for (size_t i = 0; i < followers.size(); ++i) {
            RunCurves curves;
            curves.folder = folders[i];
            // The status first: a run that had ended before the poll has all its lines in it.
            readRunInfo(folders[i], curves);
            try {
                const auto update = followers[i]->follower.poll();
                curves.reset = update.reset || !followers[i]->polled;
                for (const auto& line : update.lines)
                    curves.metrics.add_line(line);
            } catch (const std::exception&) {
                // A metrics file that cannot be read yet shows no curve; the next scan tries again.
            }
            try {
                const auto update = followers[i]->samples.poll();
                curves.samplesReset = update.reset || !followers[i]->polled;
                for (const auto& line : update.lines)
                    if (const auto sample = i3::RunSample::from_line(line))
                        curves.samples.push_back(*sample);
            } catch (const std::exception&) {
                // Likewise for the samples.
            }
            followers[i]->polled = true;
            result->curves.push_back(std::move(curves));
        }
    }));
    connect(thread_.get(), &QThread::finished, this,
            [this, result, followers] { onThreadFinished(result, followers); });
    thread_->start();
}

void RunScanner::onThreadFinished(const std::shared_ptr<RunScan>& result,
                                  const std::vector<std::shared_ptr<Follower>>& followers)
{
    thread_->wait();
    thread_.reset();
    // A run unfollowed (or followed afresh) during the scan: its curves belong to nobody now.
    RunScan delivered;
    delivered.listed = result->listed;
    delivered.runs = std::move(result->runs);
    for (size_t i = 0; i < result->curves.size(); ++i) {
        const auto it = followers_.find(result->curves[i].folder);
        if (it != followers_.end() && it->second == followers[i])
            delivered.curves.push_back(std::move(result->curves[i]));
    }
    Q_EMIT scanned(delivered);
    if (again_) {
        again_ = false;
        scan();
    }
}
