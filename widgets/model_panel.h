// SPDX-License-Identifier: GPL-3.0-or-later
// The Model & hyperparameters panel: a preset or every field of the model's shape, or a trained
// model to fine-tune (its shape and tokenizer, with the fine-tuning recipe suggested), every
// training hyperparameter, the order of the blocks (the layer-pattern editor), and, live as the
// user types, the problems, the parameter count, the training FLOPs per token and an estimate of
// the memory a training step needs.
#pragma once

#include "config/model_config.h"
#include "config/train_config.h"
#include "fine_tune_base.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class EngineJob;
class FineTuneBox;
class LayerPatternEditor;
class QAbstractSpinBox;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QSpinBox;

namespace i3 {
class DeviceTelemetry;
}

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
    // Orders the blocks as `order` (H hybrid, A attention), as if typed into the layer-pattern
    // editor, selects block `selected` (-1: none) and scrolls the editor into view.
    void showLayerOrder(const QString& order, int selected = -1);

    void setVocabularySize(qint64 vocab);
    // While the data is being analysed the vocabulary is not known yet: the counts wait for it
    // rather than show a preset's assumed vocabulary.
    void setVocabularyCounting(bool counting);
    qint64 vocabularySize() const { return vocabulary_; }

    // The trained model new runs fine-tune; empty: they start from fresh weights. While there is
    // one, the shape fields are its own and locked, and the vocabulary is its tokenizer's.
    std::optional<FineTuneBase> fineTuneBase() const;
    bool isLoadingFineTuneBase() const;
    // Why the last model chosen to fine-tune could not be loaded; empty when it could.
    QString fineTuneError() const;
    // Loads a model to fine-tune (a Hub repo is downloaded first, with progress and Cancel);
    // once loaded, its configuration fills the fields and the fine-tuning recipe is suggested.
    void fineTuneModelFolder(const QString& folder);
    void fineTuneHubModel(const QString& repo);
    // Drops the model to fine-tune and brings back the settings from before it was chosen.
    void startFromScratch();
    // The configuration of a run from fresh weights: while fine-tuning, what the fields held
    // before the model was chosen. What is worth remembering for the next session.
    i3::ModelConfig ownModelConfig() const { return scratchModel_ ? *scratchModel_ : modelConfig(); }
    i3::TrainConfig ownTrainConfig() const { return scratchTrain_ ? *scratchTrain_ : trainConfig(); }

    // Every problem with the current values, in words; empty when training can start.
    QStringList problems() const;
    bool isValid() const { return problems().isEmpty(); }

Q_SIGNALS:
    // Any field changed (once per programmatic set).
    void configurationChanged();
    // When validity or the list of problems changes; `problems` is one problem per line.
    void validityChanged(bool valid, const QString& problems);
    // A model to fine-tune was chosen, or dropped.
    void fineTuneBaseChanged();
    void jobStarted(EngineJob* job);

private:
    QWidget* createModelBox();
    QWidget* createOptimisationBox();
    QWidget* createScheduleBox();
    QWidget* createLayerBox();
    QSpinBox* addIntegerField(QFormLayout* form, const QString& objectName, const QString& label,
                              int minimum, int maximum, const QString& toolTip);
    QDoubleSpinBox* addDecimalField(QFormLayout* form, const QString& objectName, const QString& label,
                                    double minimum, double maximum, double step, bool logarithmicSteps,
                                    const QString& toolTip);
    // Ties a number box to the setting `key` of the configuration's table: filling and reading
    // the form go through the table, so no field is listed twice.
    void bindModelField(const char* key, QAbstractSpinBox* box);
    void bindTrainField(const char* key, QAbstractSpinBox* box);

    void fillModelFields(const i3::ModelConfig& config);
    void fillTrainFields(const i3::TrainConfig& config);
    void fillDeviceCombo(const std::string& device);
    void onFieldEdited();
    // The layer spin boxes and the layer-pattern editor follow each other.
    void onLayerCountsEdited();
    void onLayerOrderEdited();
    void refresh();
    void updatePresetCombo();
    void updateVocabularyLabel();
    bool waitsForVocabulary() const;
    void onFineTuneBaseChanged();
    QString recipeText(const i3::TrainConfig& before, const i3::TrainConfig& suggested) const;
    void updateDeviceMemory();
    QString memoryText() const;
    QString sizeText(double bytes) const;

    // A number box and the setting it shows.
    template <class Config>
    struct Field {
        const i3::Setting<Config>* setting;
        QAbstractSpinBox* box;
        double value() const;
        void show(const Config& config) const;
    };
    std::vector<Field<i3::ModelConfig>> modelFields_;
    std::vector<Field<i3::TrainConfig>> trainFields_;

    FineTuneBox* fineTuneBox_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QComboBox* presetCombo_ = nullptr;
    QLabel* vocabularyLabel_ = nullptr;
    QLineEdit* seedEdit_ = nullptr;
    QComboBox* deviceCombo_ = nullptr;
    QComboBox* precisionCombo_ = nullptr;
    QCheckBox* checkpointBox_ = nullptr;
    QPlainTextEdit* samplePromptsEdit_ = nullptr;
    QSpinBox* hybridLayersSpin_ = nullptr;
    QSpinBox* attentionLayersSpin_ = nullptr;
    LayerPatternEditor* layerEditor_ = nullptr;

    QLabel* parameterLabel_ = nullptr;
    QLabel* memoryLabel_ = nullptr;
    QLabel* problemsLabel_ = nullptr;

    i3::ModelConfig modelBase_; // what the panel does not show (tokenizer type, sources, unknown keys)
    i3::TrainConfig trainBase_; // likewise (the validation fraction)
    qint64 vocabulary_ = 0;
    bool vocabularyFromTokenizer_ = false;
    bool vocabularyCounting_ = false;
    // While fine-tuning: what the fields held before, and the vocabulary of the Data panel's last
    // analysis (-1: none since the model was chosen).
    std::optional<i3::ModelConfig> scratchModel_;
    std::optional<i3::TrainConfig> scratchTrain_;
    bool scratchVocabularyFromTokenizer_ = false;
    qint64 dataVocabulary_ = -1;
    QStringList availableDevices_; // i3::available_devices(), asked once
    std::unique_ptr<i3::DeviceTelemetry> telemetry_;
    int64_t deviceMemoryBytes_ = -1; // what the chosen device has in all; -1 when unknown
    bool filling_ = false;           // set*() changes many fields and reports once
    bool lastValid_ = true;
    QString lastProblems_;
};
