// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/tensorboard_export.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "formats/tensorboard_event.h"
#include "formats/tfrecord.h"
#include "runs/run_catalog.h"
#include "runs/run_folder.h"

#include <ctime>
#include <iomanip>
#include <sstream>

namespace fs = std::filesystem;

namespace i3 {

namespace {

struct TagOfKey {
    const char* key; // in a metrics line
    const char* tag; // in TensorBoard
};

using namespace metric_keys;
const TagOfKey kTrainTags[] = {{kLoss, "train/loss"},
                               {kPerplexity, "train/perplexity"},
                               {kLearningRate, "train/learning_rate"},
                               {kGradNorm, "train/grad_norm"},
                               {kTokensPerSecond, "train/tokens_per_second"}};
const TagOfKey kEvalTags[] = {{kTrainLossMean, "eval/train_loss_mean"},
                              {kValidationLoss, "eval/validation_loss"},
                              {kValidationPerplexity, "eval/validation_perplexity"}};

// run.json's "created", "2026-12-02T02:48:33Z", in seconds since 1970.
int64_t creation_time(const RunInfo& info, const fs::path& file)
{
    std::tm time{};
    std::istringstream text(info.created);
    text >> std::get_time(&time, "%Y-%m-%dT%H:%M:%SZ");
    if (text.fail())
        throw Error(file.string() + ": \"created\" is not a UTC time such as 2026-12-02T02:48:33Z: \"" + info.created +
                    "\"");
    return static_cast<int64_t>(::timegm(&time));
}

template <size_t N>
std::vector<Scalar> scalars_of(const nlohmann::json& line, const TagOfKey (&tags)[N])
{
    std::vector<Scalar> scalars;
    for (const TagOfKey& tag : tags) {
        const auto found = line.find(tag.key);
        if (found != line.end() && found->is_number())
            scalars.push_back({tag.tag, found->get<float>()});
    }
    return scalars;
}

std::vector<Scalar> line_scalars(const nlohmann::json& line)
{
    const std::string kind = line.value(kKind, std::string());
    if (kind == kTrainKind)
        return scalars_of(line, kTrainTags);
    if (kind == kEvalKind)
        return scalars_of(line, kEvalTags);
    return {};
}

} // namespace

TensorBoardExport export_tensorboard(const fs::path& run_folder, const fs::path& out_folder)
{
    const RunFolder run(run_folder);
    const int64_t created = creation_time(run.read_info(), run.run_file());
    if (!fs::exists(run.metrics_file()))
        throw Error(run.metrics_file().string() + " does not exist: the run has logged no step yet");
    const MetricsFollower::Update metrics = MetricsFollower(run.metrics_file()).poll();

    TensorBoardExport result;
    result.skipped_lines = metrics.skipped_lines;
    std::string records;
    append_tfrecord(records, file_version_event(static_cast<double>(created)));
    for (const nlohmann::json& line : metrics.lines) {
        const std::vector<Scalar> scalars = line_scalars(line);
        const auto step = line.find(kStep);
        if (scalars.empty() || step == line.end() || !step->is_number_integer())
            continue;
        const auto elapsed = line.find(kElapsedSeconds);
        const double seconds = elapsed != line.end() && elapsed->is_number() ? elapsed->get<double>() : 0.0;
        const double wall_time = static_cast<double>(created) + seconds;
        append_tfrecord(records, scalars_event(wall_time, step->get<int64_t>(), scalars));
        ++result.events;
        result.scalars += scalars.size();
    }
    result.file = out_folder / ("events.out.tfevents." + std::to_string(created) + ".i3lm");
    write_file_atomically(result.file, records);
    return result;
}

} // namespace i3
