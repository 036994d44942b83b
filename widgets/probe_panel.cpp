// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe_panel.h"

#include "custom_plot.h"
#include "telemetry/context_probe.h"
#include "telemetry/device_telemetry.h"
#include "base/error.h"
#include "config/model_config.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kGiB = 1024.0 * kMiB;

enum Column { ContextColumn, MiBColumn, GiBColumn, SecondsColumn, ReferenceColumn, NoteColumn, ColumnCount };

QTableWidgetItem* numberItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ProbePanel::ProbePanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(buildResults());
    splitter->addWidget(table_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    statusLabel_ = new QLabel(tr("Choose a model shape, a batch and a range of contexts, then press Start."));
    statusLabel_->setObjectName("probeStatus");
    statusLabel_->setWordWrap(true);
    errorLabel_ = new QLabel;
    errorLabel_->setObjectName("probeError");
    errorLabel_->setWordWrap(true);
    errorLabel_->setStyleSheet("color: #c62828;");
    errorLabel_->hide();
    progressBar_ = new QProgressBar;
    progressBar_->setObjectName("probeProgress");
    progressBar_->setRange(0, 1000);
    progressBar_->hide();
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(statusLabel_, 1);
    statusRow->addWidget(progressBar_);
    layout->addLayout(statusRow);
    layout->addWidget(errorLabel_);

    updateModelSummary();
    updateReferenceSeries();
    setRunning(false);
}

ProbePanel::~ProbePanel() = default;

QWidget* ProbePanel::buildControls()
{
    presetCombo_ = new QComboBox;
    presetCombo_->setObjectName("probePreset");
    for (const auto& name : i3::ModelConfig::preset_names())
        presetCombo_->addItem(QString::fromStdString(name), QString::fromStdString(name));
    connect(presetCombo_, &QComboBox::currentIndexChanged, this, [this] { updateModelSummary(); });

    batchSpin_ = new QSpinBox;
    batchSpin_->setObjectName("probeBatch");
    batchSpin_->setRange(1, 1024);
    batchSpin_->setValue(1);
    connect(batchSpin_, &QSpinBox::valueChanged, this, [this] { updateReferenceSeries(); });

    fromSpin_ = new QSpinBox;
    fromSpin_->setObjectName("probeFrom");
    fromSpin_->setRange(1, 1 << 20);
    fromSpin_->setValue(256);
    fromSpin_->setGroupSeparatorShown(true);
    toSpin_ = new QSpinBox;
    toSpin_->setObjectName("probeTo");
    toSpin_->setRange(1, 1 << 20);
    toSpin_->setValue(8192);
    toSpin_->setGroupSeparatorShown(true);

    deviceCombo_ = new QComboBox;
    deviceCombo_->setObjectName("probeDevice");
    for (const auto& device : i3::available_devices())
        deviceCombo_->addItem(QString::fromStdString(i3::device_display_name(device)), QString::fromStdString(device));
    // A GPU, when there is one, is what the probe is most often asked about.
    deviceCombo_->setCurrentIndex(deviceCombo_->count() - 1);

    startButton_ = new QPushButton(tr("Start"));
    startButton_->setObjectName("probeStart");
    connect(startButton_, &QPushButton::clicked, this, &ProbePanel::startProbe);
    stopButton_ = new QPushButton(tr("Stop"));
    stopButton_->setObjectName("probeStop");
    connect(stopButton_, &QPushButton::clicked, this, &ProbePanel::stopProbe);

    auto* box = new QWidget;
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Model shape:")), 0, 0);
    grid->addWidget(presetCombo_, 0, 1);
    grid->addWidget(new QLabel(tr("Batch:")), 0, 2);
    grid->addWidget(batchSpin_, 0, 3);
    grid->addWidget(new QLabel(tr("Device:")), 0, 4);
    grid->addWidget(deviceCombo_, 0, 5);
    grid->addWidget(new QLabel(tr("Contexts from:")), 1, 0);
    grid->addWidget(fromSpin_, 1, 1);
    grid->addWidget(new QLabel(tr("to:")), 1, 2);
    grid->addWidget(toSpin_, 1, 3);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(stopButton_);
    grid->addLayout(buttons, 1, 4, 1, 2);
    modelSummary_ = new QLabel;
    modelSummary_->setWordWrap(true);
    grid->addWidget(modelSummary_, 2, 0, 1, -1);
    grid->setColumnStretch(6, 1);
    return box;
}

QWidget* ProbePanel::buildResults()
{
    plot_ = new QCustomPlot;
    plot_->setObjectName("probePlot");
    plot_->setMinimumHeight(180);

    // Memory grows roughly with the square of the context: both axes logarithmic make it a line.
    QSharedPointer<QCPAxisTickerLog> contextTicker(new QCPAxisTickerLog);
    contextTicker->setLogBase(2);
    contextTicker->setSubTickCount(0);
    contextTicker->setTickCount(12); // every power of two over a typical sweep
    plot_->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->xAxis->setTicker(contextTicker);
    plot_->xAxis->setNumberFormat("f");
    plot_->xAxis->setNumberPrecision(0);
    plot_->xAxis->setLabel(tr("Context window (tokens)"));
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot_->yAxis->setNumberFormat("gb");
    plot_->yAxis->setLabel(tr("Peak memory per step (GiB)"));

    ours_ = plot_->addGraph();
    ours_->setName(tr("ours"));
    ours_->setPen(QPen(QColor(0x15, 0x65, 0xc0), 2));
    ours_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    reference_ = plot_->addGraph();
    reference_->setName(tr("reference (H200, PyTorch)"));
    reference_->setPen(QPen(QColor(0x75, 0x75, 0x75), 1.5, Qt::DashLine));
    reference_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 7));
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    table_ = new QTableWidget(0, ColumnCount);
    table_->setObjectName("probeTable");
    table_->setHorizontalHeaderLabels({tr("Context"), tr("Peak (MiB)"), tr("Peak (GiB)"), tr("Time (s)"),
                                       tr("Reference (GiB)"), tr("Note")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    return plot_;
}

void ProbePanel::setPreset(const QString& name)
{
    const int index = presetCombo_->findData(name);
    if (index >= 0)
        presetCombo_->setCurrentIndex(index);
}

void ProbePanel::setBatchSize(int batch) { batchSpin_->setValue(batch); }

void ProbePanel::setContextRange(qint64 from, qint64 to)
{
    fromSpin_->setValue(static_cast<int>(std::min<qint64>(from, fromSpin_->maximum())));
    toSpin_->setValue(static_cast<int>(std::min<qint64>(to, toSpin_->maximum())));
}

void ProbePanel::setDevice(const QString& device)
{
    const int index = deviceCombo_->findData(device);
    if (index >= 0)
        deviceCombo_->setCurrentIndex(index);
}

int ProbePanel::pointCount() const { return table_->rowCount(); }

void ProbePanel::updateModelSummary()
{
    const auto config = i3::ModelConfig::preset(presetCombo_->currentData().toString().toStdString());
    modelSummary_->setText(tr("%1 hybrid + %2 attention layers, d_model %3, vocabulary %L4: %L5 parameters. "
                              "The reference's figures are for the i3-80M shape in float32.")
                               .arg(config.hybrid_layers)
                               .arg(config.attn_layers)
                               .arg(config.d_model)
                               .arg(config.vocab_size)
                               .arg(config.parameter_count()));
}

void ProbePanel::updateReferenceSeries()
{
    reference_->data()->clear();
    for (const auto& figure : i3::reference_memory_figures())
        if (figure.batch_size == batchSpin_->value() && figure.gib)
            reference_->addData(double(figure.context), *figure.gib);
    rescalePlot();
}

void ProbePanel::rescalePlot()
{
    plot_->rescaleAxes();
    // Room around the points, in the logarithmic axes' terms.
    const auto x = plot_->xAxis->range();
    const auto y = plot_->yAxis->range();
    if (x.lower > 0)
        plot_->xAxis->setRange(x.lower / 1.5, x.upper * 1.5);
    if (y.lower > 0)
        plot_->yAxis->setRange(y.lower / 2, y.upper * 2);
    plot_->replot();
}

QString ProbePanel::referenceText(qint64 context) const
{
    for (const auto& figure : i3::reference_memory_figures())
        if (figure.batch_size == sweepBatch_ && figure.context == context)
            return figure.gib ? QString::number(*figure.gib, 'f', 2) : tr("out of memory");
    return QStringLiteral("–");
}

void ProbePanel::startProbe()
{
    if (job_)
        return;
    errorLabel_->hide();
    std::vector<int64_t> contexts;
    i3::ModelConfig model;
    try {
        if (fromSpin_->value() > toSpin_->value())
            throw i3::Error(tr("The first context (%L1) is larger than the last (%L2).")
                                .arg(fromSpin_->value())
                                .arg(toSpin_->value())
                                .toStdString());
        contexts = i3::doubling_contexts(fromSpin_->value(), toSpin_->value());
        model = i3::ModelConfig::preset(presetCombo_->currentData().toString().toStdString());
    } catch (const i3::Error& error) {
        showError(QString::fromStdString(error.what()));
        return;
    }

    table_->setRowCount(0);
    ours_->data()->clear();
    sweepBatch_ = batchSpin_->value();
    const QString device = deviceCombo_->currentData().toString();
    ours_->setName(tr("ours (%1)").arg(deviceCombo_->currentText()));
    rescalePlot();
    oomMessage_.clear();

    job_ = std::make_unique<JobThread<ProbeJob>>(model, sweepBatch_,
                                                 QVector<qint64>(contexts.begin(), contexts.end()), device);
    ProbeJob* job = &job_->job();
    connect(job, &ProbeJob::readingTaken, this, &ProbePanel::addReading);
    connect(job, &EngineJob::progress, this, [this](double fraction, const QString& message) {
        statusLabel_->setText(message);
        progressBar_->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
    });
    connect(job, &EngineJob::failed, this, &ProbePanel::showError);
    connect(job, &EngineJob::finished, this, &ProbePanel::onJobFinished);
    setRunning(true);
    statusLabel_->setText(tr("Starting the probe…"));
    Q_EMIT jobStarted(job); // before start(), so listeners hear the job's first signals
    job_->start();
}

void ProbePanel::stopProbe()
{
    if (job_) {
        job_->job().cancel();
        statusLabel_->setText(tr("Stopping after the current step…"));
    }
}

void ProbePanel::addReading(const i3::ProbePoint& reading)
{
    const qint64 context = reading.context;
    const qint64 peakBytes = reading.peak_bytes;
    const QString noteText = QString::fromStdString(reading.note);
    const int row = table_->rowCount();
    table_->insertRow(row);
    table_->setItem(row, ContextColumn, numberItem(QString("%L1").arg(context)));
    auto* note = new QTableWidgetItem(noteText);
    if (reading.not_tried) {
        const QString need = QString("%L1").arg(reading.estimated_bytes / kGiB, 0, 'f', 1);
        const QString limit = QString("%L1").arg(reading.limit_bytes / kGiB, 0, 'f', 1);
        const int share = static_cast<int>(std::lround(100 * i3::kProbeUsableRamShare));
        table_->setItem(row, MiBColumn, numberItem(tr("not tried")));
        note->setText(tr("estimated %1 GiB, above the limit of %2 GiB (%3% of the available RAM)")
                          .arg(need, limit)
                          .arg(share));
        oomMessage_ = tr("Context %L1 was not tried: one step would need about %2 GiB, more than the %3 GiB "
                         "(%4% of the available RAM) the probe lets a step take; the sweep stopped there.")
                          .arg(context)
                          .arg(need, limit)
                          .arg(share);
    } else if (reading.out_of_memory) {
        table_->setItem(row, MiBColumn, numberItem(tr("out of memory")));
        note->setText(noteText.isEmpty() ? tr("does not fit") : noteText);
        oomMessage_ = tr("Context %L1 does not fit in memory on %2 at batch %3; the sweep stopped there.")
                          .arg(context)
                          .arg(deviceCombo_->currentText())
                          .arg(qint64(reading.batch_size));
    } else {
        auto* mib = numberItem(QString("%L1").arg(peakBytes / kMiB, 0, 'f', 1));
        mib->setData(Qt::UserRole, peakBytes);
        table_->setItem(row, MiBColumn, mib);
        table_->setItem(row, GiBColumn, numberItem(QString("%L1").arg(peakBytes / kGiB, 0, 'f', 3)));
        if (peakBytes > 0)
            ours_->addData(double(context), peakBytes / kGiB);
    }
    table_->item(row, ContextColumn)->setData(Qt::UserRole, context);
    table_->setItem(row, SecondsColumn, numberItem(QString("%L1").arg(reading.seconds, 0, 'f', 2)));
    table_->setItem(row, ReferenceColumn, numberItem(referenceText(context)));
    table_->setItem(row, NoteColumn, note);
    if (reading.out_of_memory)
        markUnfit(row);
    table_->scrollToBottom();
    rescalePlot();
}

// A context the sweep ended at: no measured figures, the row in red, the note in full on hover.
void ProbePanel::markUnfit(int row)
{
    table_->setItem(row, GiBColumn, numberItem(QStringLiteral("–")));
    table_->setItem(row, SecondsColumn, numberItem(QStringLiteral("–")));
    for (int column = ContextColumn; column < ColumnCount; ++column)
        if (auto* item = table_->item(row, column)) {
            item->setForeground(QColor(0xc6, 0x28, 0x28));
            item->setToolTip(table_->item(row, NoteColumn)->text());
        }
}

void ProbePanel::onJobFinished(bool cancelled)
{
    job_.release()->deleteLater();
    setRunning(false);
    if (!oomMessage_.isEmpty())
        statusLabel_->setText(oomMessage_);
    else if (cancelled)
        statusLabel_->setText(tr("Stopped after %n context(s).", nullptr, pointCount()));
    else if (errorLabel_->isHidden())
        statusLabel_->setText(tr("Done: %n context(s) measured.", nullptr, pointCount()));
    else
        statusLabel_->setText(QString());
    Q_EMIT probeFinished(cancelled);
}

void ProbePanel::showError(const QString& message)
{
    errorLabel_->setText(message);
    errorLabel_->show();
}

void ProbePanel::setRunning(bool running)
{
    progressBar_->setVisible(running);
    if (running)
        progressBar_->setValue(0);
    for (QWidget* control : {static_cast<QWidget*>(presetCombo_), static_cast<QWidget*>(batchSpin_),
                             static_cast<QWidget*>(fromSpin_), static_cast<QWidget*>(toSpin_),
                             static_cast<QWidget*>(deviceCombo_), static_cast<QWidget*>(startButton_)})
        control->setEnabled(!running);
    stopButton_->setEnabled(running);
}
