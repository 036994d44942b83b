// SPDX-License-Identifier: GPL-3.0-or-later
// The Context probe panel: pick a model shape, a batch and a range of context windows, measure
// the peak memory of one training step at each on a worker, and compare it with the reference's
// published figures in a log-log plot and a table. The sweep ends cleanly at the first context
// that does not fit.
#pragma once

#include "job_thread.h"
#include "probe_job.h"

#include <QString>
#include <QWidget>

#include <memory>

class EngineJob;
class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

class ProbePanel : public QWidget {
    Q_OBJECT
public:
    explicit ProbePanel(QWidget* parent = nullptr);
    ~ProbePanel() override;

    // A name from i3::ModelConfig::preset_names(); unknown names are ignored.
    void setPreset(const QString& name);
    void setBatchSize(int batch);
    // The sweep doubles from `from` up to and including `to`.
    void setContextRange(qint64 from, qint64 to);
    // "cpu", "cuda:0", ...; devices this machine lacks are ignored.
    void setDevice(const QString& device);

    bool isRunning() const { return job_ != nullptr; }
    // Readings of the current (or last) sweep.
    int pointCount() const;

public Q_SLOTS:
    void startProbe();
    void stopProbe();

Q_SIGNALS:
    void jobStarted(EngineJob* job);
    void probeFinished(bool cancelled);

private:
    QWidget* buildControls();
    QWidget* buildResults();
    void addReading(const i3::ProbePoint& reading);
    void onJobFinished(bool cancelled);
    void updateModelSummary();
    void updateReferenceSeries();
    void rescalePlot();
    void showError(const QString& message);
    void setRunning(bool running);
    QString referenceText(qint64 context) const;
    void markUnfit(int row);

    QComboBox* presetCombo_ = nullptr;
    QSpinBox* batchSpin_ = nullptr;
    QSpinBox* fromSpin_ = nullptr;
    QSpinBox* toSpin_ = nullptr;
    QComboBox* deviceCombo_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* modelSummary_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QLabel* errorLabel_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QCPGraph* ours_ = nullptr;
    QCPGraph* reference_ = nullptr;
    QTableWidget* table_ = nullptr;

    std::unique_ptr<JobThread<ProbeJob>> job_;
    qint64 sweepBatch_ = 1;
    QString oomMessage_; // set when the sweep ended at a context that did not fit
};
