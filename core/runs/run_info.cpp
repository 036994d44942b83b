// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_info.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"

namespace i3 {

namespace {

using namespace run_keys;

const char* const kKeys[] = {kFormat,     kCreated,     kUpdated,           kStatus,          kModel,   kTraining,
                             kParameters, kTrainTokens, kValidationTokens, kCompletedSteps, kLastLoss, kInitFrom,
                             kForkedFrom, kWorldSize,   kBackend};

bool is_known(const std::string& key)
{
    for (const char* known : kKeys)
        if (key == known)
            return true;
    return false;
}

} // namespace

nlohmann::json RunInfo::to_json() const
{
    nlohmann::json json = other_keys;
    json[kFormat] = kFormatVersion;
    json[kCreated] = created;
    if (!updated.empty())
        json[kUpdated] = updated;
    json[kStatus] = status_name(status);
    json[kModel] = model.to_json();
    json[kTraining] = training.to_json();
    json[kParameters] = parameters;
    json[kTrainTokens] = train_tokens;
    json[kValidationTokens] = validation_tokens;
    json[kCompletedSteps] = completed_steps;
    if (last_loss)
        json[kLastLoss] = *last_loss;
    if (!init_from.empty())
        json[kInitFrom] = init_from;
    if (forked_from)
        json[kForkedFrom] = {{kForkRun, forked_from->run.string()},
                             {kForkCheckpoint, forked_from->checkpoint.string()},
                             {kForkStep, forked_from->step}};
    json[kWorldSize] = world_size;
    if (!backend.empty())
        json[kBackend] = backend;
    return json;
}

RunInfo RunInfo::from_json(const nlohmann::json& json, const std::filesystem::path& file)
{
    if (!json.is_object())
        throw Error(file.string() + ": not a JSON object");
    RunInfo info;
    try {
        const std::string status = json.at(kStatus).get<std::string>();
        const auto parsed = parse_status(status);
        if (!parsed)
            throw Error("unknown status \"" + status + "\"");
        info.status = *parsed;
        info.model = ModelConfig::from_json(json.at(kModel));
        // A run made before checkpoint retention existed keeps every checkpoint it has.
        TrainConfig older;
        older.keep_checkpoints = kKeepAllCheckpoints;
        info.training = TrainConfig::from_json(json.at(kTraining), older);
        info.created = json.value(kCreated, std::string());
        info.updated = json.value(kUpdated, std::string());
        info.parameters = json.contains(kParameters) ? json.at(kParameters).get<int64_t>() : info.model.parameter_count();
        info.train_tokens = json.value(kTrainTokens, int64_t(0));
        info.validation_tokens = json.value(kValidationTokens, int64_t(0));
        info.completed_steps = json.value(kCompletedSteps, int64_t(0));
        if (const auto last = json.find(kLastLoss); last != json.end() && last->is_number())
            info.last_loss = last->get<double>();
        info.init_from = json.value(kInitFrom, std::string());
        if (const auto origin = json.find(kForkedFrom); origin != json.end())
            info.forked_from = RunOrigin{origin->at(kForkRun).get<std::string>(),
                                         origin->at(kForkCheckpoint).get<std::string>(),
                                         origin->at(kForkStep).get<int64_t>()};
        info.world_size = json.value(kWorldSize, int64_t(1));
        if (info.world_size < 1)
            throw Error(std::string(kWorldSize) + " must be at least 1, not " + std::to_string(info.world_size));
        info.backend = json.value(kBackend, std::string());
    } catch (const nlohmann::json::exception& error) {
        throw Error(file.string() + ": incomplete (" + error.what() + ")");
    } catch (const Error& error) {
        throw Error(file.string() + ": " + error.what());
    }
    for (const auto& [key, value] : json.items())
        if (!is_known(key))
            info.other_keys[key] = value;
    return info;
}

RunInfo read_run_info(const std::filesystem::path& file)
{
    return RunInfo::from_json(read_json_file(file), file);
}

void write_run_info(const std::filesystem::path& file, const RunInfo& info)
{
    write_file_atomically(file, info.to_json().dump(2) + "\n");
}

} // namespace i3
