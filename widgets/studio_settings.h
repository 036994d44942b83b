// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's preferences, kept with QSettings: the language, the last data choice and
// configuration, and the window's layout. The workspace is the engine's (runs/workspace.h), shared
// with the command line.
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

    // Where run folders are created and listed: i3::default_workspace().
    QString workspace() const;
    // Remembers the folder for the studio and the command line (i3::choose_workspace).
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

    // The device plot's samples per second while a job runs: 1 to 10, 1 unless chosen.
    int deviceSamplesPerSecond() const;
    void setDeviceSamplesPerSecond(int samples);
    // The peak TFLOP/s that the speed's MFU is stated against on devices whose own is not known
    // (telemetry/training_flops.h knows the H100's and the H200's); 0: no MFU on those.
    double peakTflops() const;
    void setPeakTflops(double tflops);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

private:
    void moveWorkspaceToEngine();

    QSettings settings_;
};
