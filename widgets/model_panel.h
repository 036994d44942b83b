// SPDX-License-Identifier: GPL-3.0-or-later
// The Model & hyperparameters panel: a preset or every field of the model's shape, every training
// hyperparameter, and, live as the user types, the problems, the parameter count and an estimate
// of the memory a training step needs.
#pragma once

#include "model/model_config.h"
#include "training/train_config.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace i3 {
class DeviceTelemetry;
}

// A rough size of a float32 training step, for the panel's hint. Weights, gradients and AdamW's
// two moments take 4 x parameters x 4 bytes. The activations kept for the backward pass are
// counted in floats as
//     B*T*d * (12 * layers + 2)              each block's layer-norm inputs and outputs, mixer
//                                            and FFN (4d before and after GELU); embeddings, ln_f
//   + 2 * B*heads*T^2 * attention layers     the attention scores and their softmax
//   + 2 * B*T*V                              the logits and their softmax in the loss
// with B the batch, T the context, d the width and V the vocabulary. With the optimizer state
// left out, this lands within about 15% of the reference's measured peaks (i3-reference.md §8),
// mostly above them.
struct TrainingMemoryEstimate {
    double stateBytes = 0;
    double activationBytes = 0;
    double totalBytes() const { return stateBytes + activationBytes; }
};
TrainingMemoryEstimate estimateTrainingMemory(const i3::ModelConfig& model, int64_t batchSize);

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(QWidget* parent = nullptr);
    ~ModelPanel() override;

    // The fields as they stand, valid or not; vocab_size is the tokenizer's.
    i3::ModelConfig modelConfig() const;
    // validation_fraction and anything else the panel does not show pass through from
    // setTrainConfig() (the Data panel owns the split).
    i3::TrainConfig trainConfig() const;
    void setModelConfig(const i3::ModelConfig& config);
    void setTrainConfig(const i3::TrainConfig& config);

    // Fills the model fields from i3::ModelConfig::preset(name); the vocabulary stays the
    // tokenizer's. An unknown name changes nothing.
    void selectPreset(const QString& name);
    // The preset whose shape the fields match, or "Custom".
    QString presetName() const;

    void setVocabularySize(qint64 vocab);
    qint64 vocabularySize() const { return vocabulary_; }

    // Every problem with the current values, in words; empty when training can start.
    QStringList problems() const;
    bool isValid() const { return problems().isEmpty(); }

Q_SIGNALS:
    // Any field changed (once per programmatic set).
    void configurationChanged();
    // When validity or the list of problems changes; `problems` is one problem per line.
    void validityChanged(bool valid, const QString& problems);

private:
    QWidget* createModelBox();
    QWidget* createOptimisationBox();
    QWidget* createScheduleBox();
    QSpinBox* addIntegerField(QFormLayout* form, const QString& objectName, const QString& label,
                              int minimum, int maximum, const QString& toolTip);
    QDoubleSpinBox* addDecimalField(QFormLayout* form, const QString& objectName, const QString& label,
                                    double minimum, double maximum, double step, bool logarithmicSteps,
                                    const QString& toolTip);

    void fillModelFields(const i3::ModelConfig& config);
    void fillTrainFields(const i3::TrainConfig& config);
    void fillDeviceCombo(const std::string& device);
    void onFieldEdited();
    void refresh();
    void updatePresetCombo();
    void updateVocabularyLabel();
    void updateDeviceMemory();
    QString memoryText() const;
    QString sizeText(double bytes) const;

    QComboBox* presetCombo_ = nullptr;
    QSpinBox* dModelSpin_ = nullptr;
    QSpinBox* headsSpin_ = nullptr;
    QSpinBox* dStateSpin_ = nullptr;
    QSpinBox* hybridLayersSpin_ = nullptr;
    QSpinBox* attentionLayersSpin_ = nullptr;
    QSpinBox* contextSpin_ = nullptr;
    QLabel* vocabularyLabel_ = nullptr;

    QSpinBox* stepsSpin_ = nullptr;
    QSpinBox* batchSpin_ = nullptr;
    QSpinBox* gradAccumSpin_ = nullptr;
    QDoubleSpinBox* lrSpin_ = nullptr;
    QSpinBox* warmupSpin_ = nullptr;
    QDoubleSpinBox* finalLrSpin_ = nullptr;
    QDoubleSpinBox* weightDecaySpin_ = nullptr;
    QDoubleSpinBox* beta1Spin_ = nullptr;
    QDoubleSpinBox* beta2Spin_ = nullptr;
    QDoubleSpinBox* epsSpin_ = nullptr;
    QDoubleSpinBox* gradClipSpin_ = nullptr;
    QLineEdit* seedEdit_ = nullptr;
    QComboBox* deviceCombo_ = nullptr;

    QSpinBox* logEverySpin_ = nullptr;
    QSpinBox* evalEverySpin_ = nullptr;
    QSpinBox* checkpointEverySpin_ = nullptr;
    QSpinBox* lossWindowSpin_ = nullptr;
    QSpinBox* evalWindowsSpin_ = nullptr;
    QPlainTextEdit* samplePromptsEdit_ = nullptr;
    QSpinBox* sampleTokensSpin_ = nullptr;

    QLabel* parameterLabel_ = nullptr;
    QLabel* memoryLabel_ = nullptr;
    QLabel* problemsLabel_ = nullptr;

    i3::ModelConfig modelBase_; // what the panel does not show (tokenizer type, sources, unknown keys)
    i3::TrainConfig trainBase_; // likewise (the validation fraction)
    qint64 vocabulary_ = 0;
    bool vocabularyFromTokenizer_ = false;
    QStringList availableDevices_; // i3::available_devices(), asked once
    std::unique_ptr<i3::DeviceTelemetry> telemetry_;
    int64_t deviceMemoryBytes_ = -1; // what the chosen device has in all; -1 when unknown
    bool filling_ = false;           // set*() changes many fields and reports once
    bool lastValid_ = true;
    QString lastProblems_;
};
