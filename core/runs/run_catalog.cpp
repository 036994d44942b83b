// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_catalog.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"
#include "config/model_config.h"
#include "config/preset.h"
#include "runs/run_folder.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <fstream>
#include <limits>

namespace fs = std::filesystem;

namespace i3 {

namespace {

// How many bytes before the read position a poll checks again, to notice a file that was
// rewritten with other content (a resumed copy, a fresh sync) rather than appended to.
constexpr std::size_t kTailCheckBytes = 64;

double number_or_nan(const nlohmann::json& line, const char* key)
{
    const auto found = line.find(key);
    if (found == line.end() || !found->is_number())
        return std::numeric_limits<double>::quiet_NaN();
    return found->get<double>();
}

// Seconds since the newest of the files that exist was written; 0 when none exists.
double seconds_since_newest(const std::vector<fs::path>& files)
{
    std::optional<fs::file_time_type> newest;
    for (const auto& file : files) {
        std::error_code error;
        const auto written = fs::last_write_time(file, error);
        if (!error && (!newest || written > *newest))
            newest = written;
    }
    if (!newest)
        return 0;
    const auto age = fs::file_time_type::clock::now() - *newest;
    return std::max(0.0, std::chrono::duration<double>(age).count());
}

std::string last_bytes(const std::string& bytes)
{
    return bytes.size() > kTailCheckBytes ? bytes.substr(bytes.size() - kTailCheckBytes) : bytes;
}

// Whether the `tail.size()` bytes before `offset` are still `tail`.
bool ends_with(std::ifstream& in, std::uintmax_t offset, const std::string& tail)
{
    if (tail.empty())
        return true;
    std::string bytes(tail.size(), '\0');
    in.seekg(static_cast<std::streamoff>(offset - tail.size()));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return in.gcount() == static_cast<std::streamsize>(bytes.size()) && bytes == tail;
}

std::string describe(const ModelConfig& config)
{
    const std::string layers = config.layer_pattern.empty()
                                   ? std::to_string(config.hybrid_layers) + "+" + std::to_string(config.attn_layers)
                                   : config.layer_pattern;
    return "d_model " + std::to_string(config.d_model) + ", " + layers + " layers, context " +
           std::to_string(config.max_seq_len);
}

// Fills what run.json says; throws i3::Error when it cannot be understood.
void read_run_info(const RunFolder& run, RunSummary& summary)
{
    const RunInfo info = run.read_info();
    summary.status = info.status;
    summary.description = describe(info.model);
    summary.parameters = info.parameters;
    summary.world_size = info.world_size;
    summary.backend = info.backend;
    summary.total_steps = info.training.steps;
    summary.steps_done = info.completed_steps;
    summary.last_loss = info.last_loss;
    summary.preset = preset_of(info.model);
    summary.info = info;
}

// The metrics log is newer than run.json while a run trains: its last lines win.
void read_metrics(const RunFolder& run, RunSummary& summary)
{
    const RunMetrics metrics = read_run_metrics(run.root());
    if (!metrics.step.empty()) {
        if (std::isfinite(metrics.step.back()))
            summary.steps_done = static_cast<int64_t>(metrics.step.back());
        if (std::isfinite(metrics.loss.back()))
            summary.last_loss = metrics.loss.back();
    }
    for (const double loss : metrics.validation_loss)
        if (std::isfinite(loss) && (!summary.best_validation_loss || loss < *summary.best_validation_loss))
            summary.best_validation_loss = loss;
}

} // namespace

RunSummary summarize_run(const fs::path& folder)
{
    const RunFolder run(folder);
    if (!fs::is_regular_file(run.run_file()))
        throw Error(folder.string() + " is not a training run (no run.json)");
    RunSummary summary;
    summary.folder = folder;
    summary.name = (folder.has_filename() ? folder : folder.parent_path()).filename().string(); // "runs/a/" too
    try {
        read_run_info(run, summary);
    } catch (const Error& error) {
        summary.status.reset();
        summary.problem = error.what();
    }
    try {
        read_metrics(run, summary);
    } catch (const Error& error) {
        if (summary.problem.empty())
            summary.problem = error.what(); // the run is listed; its curves are what is missing
    }
    try {
        summary.annotations = read_run_annotations(folder);
    } catch (const Error& error) {
        if (summary.problem.empty())
            summary.problem = error.what();
    }
    summary.seconds_since_update = seconds_since_newest({run.metrics_file(), run.run_file()});
    return summary;
}

std::vector<RunSummary> list_runs(const fs::path& workspace)
{
    std::vector<RunSummary> runs;
    std::error_code error;
    for (fs::directory_iterator entry(workspace, error), end; !error && entry != end; entry.increment(error)) {
        std::error_code ignored;
        if (!entry->is_directory(ignored) || !fs::is_regular_file(entry->path() / run_files::kRunInfo, ignored))
            continue;
        try {
            runs.push_back(summarize_run(entry->path()));
        } catch (const std::exception& failure) {
            // Removed between the listing and the reading, or not readable at all.
            RunSummary broken;
            broken.folder = entry->path();
            broken.name = entry->path().filename().string();
            broken.problem = failure.what();
            runs.push_back(broken);
        }
    }
    std::sort(runs.begin(), runs.end(), [](const RunSummary& a, const RunSummary& b) {
        if (a.seconds_since_update != b.seconds_since_update)
            return a.seconds_since_update < b.seconds_since_update;
        return a.name < b.name;
    });
    return runs;
}

void RunMetrics::add_line(const nlohmann::json& line)
{
    if (!line.is_object())
        return;
    using namespace metric_keys;
    const std::string kind = line.value(kKind, std::string());
    if (kind == kTrainKind) {
        step.push_back(number_or_nan(line, kStep));
        loss.push_back(number_or_nan(line, kLoss));
        perplexity.push_back(number_or_nan(line, kPerplexity));
        lr.push_back(number_or_nan(line, kLearningRate));
        grad_norm.push_back(number_or_nan(line, kGradNorm));
        tokens_per_second.push_back(number_or_nan(line, kTokensPerSecond));
        elapsed_seconds.push_back(number_or_nan(line, kElapsedSeconds));
        std::vector<double> ranks;
        if (const auto found = line.find(kRankTokensPerSecond); found != line.end() && found->is_array())
            for (const auto& speed : *found)
                ranks.push_back(speed.is_number() ? speed.get<double>() : std::numeric_limits<double>::quiet_NaN());
        rank_tokens_per_second.push_back(std::move(ranks));
    } else if (kind == kEvalKind) {
        eval_step.push_back(number_or_nan(line, kStep));
        train_loss_mean.push_back(number_or_nan(line, kTrainLossMean));
        validation_loss.push_back(number_or_nan(line, kValidationLoss));
        eval_elapsed_seconds.push_back(number_or_nan(line, kElapsedSeconds));
    }
}

MetricsFollower::Update MetricsFollower::poll()
{
    Update update;
    std::error_code error;
    const std::uintmax_t size = fs::file_size(file_, error);
    if (error) { // not there (yet, or any more)
        if (offset_ > 0) {
            restart();
            update.reset = true;
        }
        return update;
    }
    std::ifstream in(file_, std::ios::binary);
    if (!in)
        throw Error("cannot open " + file_.string());
    if (size < offset_ || !ends_with(in, offset_, tail_)) {
        restart();
        update.reset = true;
    }
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset_));
    std::string appended(static_cast<std::size_t>(size - offset_), '\0');
    in.read(appended.data(), static_cast<std::streamsize>(appended.size()));
    appended.resize(static_cast<std::size_t>(in.gcount())); // the file may have shrunk meanwhile
    offset_ += appended.size();
    tail_ = last_bytes(tail_ + last_bytes(appended));

    partial_ += appended;
    std::size_t start = 0;
    for (std::size_t end; (end = partial_.find('\n', start)) != std::string::npos; start = end + 1) {
        std::string line = partial_.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        nlohmann::json json;
        try {
            json = parse_json(line, file_.string());
        } catch (const Error&) {
        } // left null: skipped below
        if (json.is_object())
            update.lines.push_back(std::move(json));
        else
            ++update.skipped_lines; // not JSON, or JSON that is not a metrics object
    }
    partial_.erase(0, start); // the unfinished last line waits for the rest of it
    return update;
}

void MetricsFollower::restart()
{
    offset_ = 0;
    partial_.clear();
    tail_.clear();
}

RunMetrics read_run_metrics(const fs::path& run_folder)
{
    MetricsFollower follower(RunFolder(run_folder).metrics_file());
    RunMetrics metrics;
    for (const auto& line : follower.poll().lines)
        metrics.add_line(line);
    return metrics;
}

} // namespace i3
