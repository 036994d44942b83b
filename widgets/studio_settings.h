// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's preferences, kept with QSettings: the workspace folder, the language, the last data
// choice and configuration, and the window's layout.
#pragma once

#include "data_choice.h"
#include "config/model_config.h"
#include "config/train_config.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <optional>

class StudioSettings {
public:
    StudioSettings();

    // Where run folders are created and listed; defaults to "i3 Studio runs" in the documents folder.
    QString workspace() const;
    void setWorkspace(const QString& folder);

    // A locale name such as "de" or "ro"; empty follows the system.
    QString language() const;
    void setLanguage(const QString& language);

    DataChoice dataChoice() const;
    void setDataChoice(const DataChoice& choice);

    // Empty when nothing usable was saved (first start, or a file from another version).
    std::optional<i3::ModelConfig> modelConfig() const;
    void setModelConfig(const i3::ModelConfig& config);
    std::optional<i3::TrainConfig> trainConfig() const;
    void setTrainConfig(const i3::TrainConfig& config);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

private:
    QSettings settings_;
};
