// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio_settings.h"

#include "runs/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>

StudioSettings::StudioSettings() : settings_(QSettings::IniFormat, QSettings::UserScope, "i3-studio", "i3-studio")
{
    moveWorkspaceToEngine();
}

// Earlier studios kept the workspace in their own settings, where the command line cannot see it.
void StudioSettings::moveWorkspaceToEngine()
{
    const QString saved = settings_.value("workspace").toString();
    if (saved.isEmpty())
        return;
    try {
        if (!std::filesystem::exists(i3::workspace_choice_file()))
            i3::choose_workspace(saved.toStdString());
        settings_.remove("workspace");
    } catch (const std::exception&) {
        // Unwritable configuration folder: keep the old entry, and try again next time.
    }
}

QString StudioSettings::workspace() const { return QString::fromStdString(i3::default_workspace().folder.string()); }

void StudioSettings::setWorkspace(const QString& folder) { i3::choose_workspace(folder.toStdString()); }

QString StudioSettings::language() const { return settings_.value("language").toString(); }

void StudioSettings::setLanguage(const QString& language) { settings_.setValue("language", language); }

int StudioSettings::deviceSamplesPerSecond() const
{
    return std::clamp(settings_.value("deviceSamplesPerSecond", 1).toInt(), 1, 10);
}

void StudioSettings::setDeviceSamplesPerSecond(int samples)
{
    settings_.setValue("deviceSamplesPerSecond", std::clamp(samples, 1, 10));
}

double StudioSettings::peakTflops() const { return std::max(0.0, settings_.value("peakTflops", 0.0).toDouble()); }

void StudioSettings::setPeakTflops(double tflops) { settings_.setValue("peakTflops", std::max(0.0, tflops)); }

DataChoice StudioSettings::dataChoice() const
{
    DataChoice choice;
    choice.builtinCorpus = settings_.value("data/builtinCorpus", choice.builtinCorpus).toBool();
    choice.files = settings_.value("data/files").toStringList();
    choice.textField = settings_.value("data/textField", choice.textField).toString();
    choice.hub.repo = settings_.value("data/hubDataset").toString();
    choice.hub.config = settings_.value("data/hubConfig").toString();
    choice.hub.split = settings_.value("data/hubSplit", choice.hub.split).toString();
    choice.hub.textField = settings_.value("data/hubTextField").toString();
    choice.maxTexts = settings_.value("data/maxTexts", choice.maxTexts).toLongLong();
    choice.tokenizerFile = settings_.value("data/tokenizerFile").toString();
    choice.validationFraction = settings_.value("data/validationFraction", choice.validationFraction).toDouble();
    return choice;
}

void StudioSettings::setDataChoice(const DataChoice& choice)
{
    settings_.setValue("data/builtinCorpus", choice.builtinCorpus);
    settings_.setValue("data/files", choice.files);
    settings_.setValue("data/textField", choice.textField);
    settings_.setValue("data/hubDataset", choice.hub.repo);
    settings_.setValue("data/hubConfig", choice.hub.config);
    settings_.setValue("data/hubSplit", choice.hub.split);
    settings_.setValue("data/hubTextField", choice.hub.textField);
    settings_.setValue("data/maxTexts", choice.maxTexts);
    settings_.setValue("data/tokenizerFile", choice.tokenizerFile);
    settings_.setValue("data/validationFraction", choice.validationFraction);
}

namespace {

// A saved configuration is JSON text; anything unreadable is treated as never saved.
template <typename Config>
std::optional<Config> read_config(const QSettings& settings, const char* key)
{
    const QString text = settings.value(key).toString();
    if (text.isEmpty())
        return std::nullopt;
    try {
        return Config::from_json(nlohmann::json::parse(text.toStdString()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

std::optional<i3::ModelConfig> StudioSettings::modelConfig() const
{
    return read_config<i3::ModelConfig>(settings_, "config/model");
}

void StudioSettings::setModelConfig(const i3::ModelConfig& config)
{
    settings_.setValue("config/model", QString::fromStdString(config.to_json().dump()));
}

std::optional<i3::TrainConfig> StudioSettings::trainConfig() const
{
    return read_config<i3::TrainConfig>(settings_, "config/training");
}

void StudioSettings::setTrainConfig(const i3::TrainConfig& config)
{
    settings_.setValue("config/training", QString::fromStdString(config.to_json().dump()));
}

QByteArray StudioSettings::windowGeometry() const { return settings_.value("window/geometry").toByteArray(); }

QByteArray StudioSettings::windowState() const { return settings_.value("window/state").toByteArray(); }

void StudioSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& state)
{
    settings_.setValue("window/geometry", geometry);
    settings_.setValue("window/state", state);
}
