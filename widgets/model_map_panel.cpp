// SPDX-License-Identifier: GPL-3.0-or-later
#include "model_map_panel.h"

#include "custom_plot.h"
#include "metric_plot.h"

#include "base/error.h"
#include "runs/run_folder.h"
#include "telemetry/training_flops.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kFollowIntervalMs = 2000;

BlockBox::Kind boxKind(i3::BlockKind kind)
{
    switch (kind) {
    case i3::BlockKind::Embedding:
        return BlockBox::Kind::Embedding;
    case i3::BlockKind::Hybrid:
        return BlockBox::Kind::Hybrid;
    case i3::BlockKind::Attention:
        return BlockBox::Kind::Attention;
    case i3::BlockKind::Head:
        return BlockBox::Kind::Head;
    }
    return BlockBox::Kind::Embedding;
}

QString number(double value, char format = 'g', int precision = 4)
{
    return std::isfinite(value) ? QLocale().toString(value, format, precision) : QStringLiteral("–");
}

QString shapeText(const std::vector<int64_t>& shape)
{
    QStringList sizes;
    for (const int64_t size : shape)
        sizes << QLocale().toString(qint64(size));
    return sizes.join(QStringLiteral(" × "));
}

QTableWidgetItem* cell(const QString& text, bool number)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QCustomPlot* histogramPlot(const QString& objectName, const QString& xLabel, const QString& yLabel, QCPBars** bars)
{
    auto* plot = new QCustomPlot;
    plot->setObjectName(objectName);
    plot->setMinimumHeight(120);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    *bars = new QCPBars(plot->xAxis, plot->yAxis);
    (*bars)->setPen(QPen(QColor(0x3b, 0x6e, 0xa8)));
    (*bars)->setBrush(QColor(0x3b, 0x6e, 0xa8, 120));
    return plot;
}

QGroupBox* group(const QString& objectName, QWidget* view)
{
    auto* box = new QGroupBox;
    box->setObjectName(objectName);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(view);
    return box;
}

} // namespace

ModelMapPanel::ModelMapPanel(QWidget* parent) : QWidget(parent)
{
    runLabel_ = new QLabel;
    runLabel_->setObjectName("modelMapRunLabel");
    runLabel_->setWordWrap(true);
    stepCombo_ = new QComboBox;
    stepCombo_->setObjectName("modelMapStepCombo");
    stepCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    stepCombo_->setToolTip(tr("The recorded step whose numbers the map, the table and the histograms show"));
    connect(stepCombo_, &QComboBox::activated, this, [this](int index) { selectStep(stepCombo_->itemData(index).toLongLong()); });
    auto* top = new QHBoxLayout;
    top->addWidget(runLabel_, 1);
    top->addWidget(new QLabel(tr("Step:")));
    top->addWidget(stepCombo_);

    blockMap_ = new BlockMap;
    connect(blockMap_, &BlockMap::blockClicked, this, &ModelMapPanel::selectBlock);
    scroll_ = new QScrollArea;
    scroll_->setWidget(blockMap_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    noteLabel_ = new QLabel;
    noteLabel_->setObjectName("modelMapNote");
    noteLabel_->setWordWrap(true);
    left_ = new QWidget;
    auto* left = left_;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* legend = new QLabel(tr("Each block: parameters and their share, training FLOPs per token and their share; the "
                                 "bar: update / weight of the shown step (log scale, 1e-6 to 1e-1)."));
    legend->setWordWrap(true);
    leftLayout->addWidget(legend);
    leftLayout->addWidget(scroll_, 1);
    leftLayout->addWidget(noteLabel_);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(buildPlots());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    followTimer_.setInterval(kFollowIntervalMs);
    connect(&followTimer_, &QTimer::timeout, this, &ModelMapPanel::poll);
    showRun(QString());
}

ModelMapPanel::~ModelMapPanel() = default;

QWidget* ModelMapPanel::buildPlots()
{
    blockLabel_ = new QLabel;
    blockLabel_->setObjectName("modelMapBlockLabel");
    blockLabel_->setWordWrap(true);
    table_ = new QTableWidget(0, 6);
    table_->setObjectName("modelMapTensorTable");
    table_->setHorizontalHeaderLabels({tr("Tensor"), tr("Shape"), tr("Parameters"), tr("Weight norm"),
                                       tr("Gradient norm"), tr("Update / weight")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setMinimumHeight(110);
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = table_->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            selectTensor(table_->item(rows.front().row(), TensorColumn)->text());
    });

    normPlot_ = new MetricPlot(tr("Norms"));
    normPlot_->setObjectName("modelMapNormPlot");
    normPlot_->addSeries(weightNormSeries(), tr("weights"), QColor(0x1f, 0x77, 0xb4));
    normPlot_->addSeries(gradNormSeries(), tr("gradient (clipped)"), QColor(0xd6, 0x27, 0x28), MetricPlot::Axis::Right);
    normPlot_->setAxisLabels(tr("step"), tr("weight norm"), tr("gradient norm"));
    normPlot_->setLegendAlwaysShown(true);
    ratioPlot_ = new MetricPlot(tr("Update / weight"));
    ratioPlot_->setObjectName("modelMapRatioPlot");
    ratioPlot_->addSeries(tensorRatioSeries(), tr("tensor"), QColor(0x2c, 0xa0, 0x2c));
    ratioPlot_->addSeries(blockRatioSeries(), tr("whole block"), QColor(0x75, 0x75, 0x75));
    ratioPlot_->setAxisLabels(tr("step"), tr("update norm / weight norm"));
    ratioPlot_->setLogScale(true);
    ratioPlot_->setLegendAlwaysShown(true);
    weightPlot_ = histogramPlot("modelMapWeightHistogram", tr("weight value"), tr("values"), &weightBars_);
    gradPlot_ = histogramPlot("modelMapGradHistogram", tr("gradient value"), tr("values"), &gradBars_);

    auto* plots = new QGridLayout;
    plots->addWidget(normPlot_, 0, 0);
    plots->addWidget(ratioPlot_, 0, 1);
    plots->addWidget(group("modelMapWeightBox", weightPlot_), 1, 0);
    plots->addWidget(group("modelMapGradBox", gradPlot_), 1, 1);
    plots->setRowStretch(0, 1);
    plots->setRowStretch(1, 1);

    auto* right = new QWidget;
    auto* layout = new QVBoxLayout(right);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(blockLabel_);
    layout->addWidget(table_, 2);
    layout->addLayout(plots, 5);
    return right;
}

QString ModelMapPanel::noteText() const { return noteLabel_->text(); }

qint64 ModelMapPanel::shownStep() const
{
    const auto* record = shownRecord();
    return record ? record->step : -1;
}

void ModelMapPanel::showRun(const QString& runFolder)
{
    runFolder_ = runFolder;
    records_.clear();
    follower_.reset();
    blocks_.clear();
    tensor_.clear();
    wantedStep_ = -1;
    followTimer_.stop();
    if (runFolder.isEmpty()) {
        runLabel_->setText(tr("No run open."));
        noteLabel_->setText(tr("Train or open a run: its blocks appear here, and their weights' statistics as the run "
                               "records them."));
    } else {
        try {
            const i3::RunFolder folder(runFolder.toStdString());
            const i3::RunInfo info = folder.read_info();
            config_ = info.model;
            weightsEvery_ = info.training.weights_every;
            blocks_ = i3::model_blocks(config_);
            follower_ = std::make_unique<i3::MetricsFollower>(folder.weights_file());
            runLabel_->setText(tr("Run %1: %2, %3 parameters")
                                   .arg(QString::fromStdString(folder.root().filename().string()),
                                        tr("%Ln blocks", "", int(blocks_.size())),
                                        QLocale().toString(qint64(config_.parameter_count()))));
            followTimer_.start();
        } catch (const std::exception& error) {
            runLabel_->setText(tr("Cannot show %1: %2").arg(runFolder, QString::fromUtf8(error.what())));
        }
    }
    showBlocks();
    poll();
    fillSteps();
    showRecord();
    showTensorCurves();
}

void ModelMapPanel::showBlocks()
{
    const double parameters = double(config_.parameter_count());
    const double flops = i3::training_flops_per_token(config_);
    std::vector<BlockBox> boxes;
    for (const auto& block : blocks_) {
        BlockBox box;
        box.kind = boxKind(block.kind);
        box.name = blockName(block);
        box.parameters = block.parameters;
        box.parameterShare = double(block.parameters) / parameters;
        box.flopsPerToken = i3::training_flops_per_token(block, config_);
        box.flopsShare = box.flopsPerToken / flops;
        boxes.push_back(box);
    }
    blockMap_->setBlocks(boxes);
    // The map takes the width its columns need; the plots get the rest.
    const int scrollBar = scroll_->verticalScrollBar()->sizeHint().width();
    scroll_->setMinimumWidth(blockMap_->minimumSizeHint().width() + scrollBar);
    left_->setMaximumWidth(std::max(blockMap_->sizeHint().width() + scrollBar, left_->minimumSizeHint().width()));
    // The first hybrid (or attention) block: the embedding and the head are the plainest.
    blockMap_->setSelected(blocks_.size() > 2 ? 1 : 0);
}

QString ModelMapPanel::blockName(const i3::ModelBlock& block) const
{
    switch (block.kind) {
    case i3::BlockKind::Embedding:
        return tr("embedding");
    case i3::BlockKind::Hybrid:
        return tr("hybrid %1").arg(block.layer);
    case i3::BlockKind::Attention:
        return tr("attention %1").arg(block.layer);
    case i3::BlockKind::Head:
        return tr("head");
    }
    return QString();
}

void ModelMapPanel::poll()
{
    if (!follower_)
        return;
    i3::MetricsFollower::Update update;
    try {
        update = follower_->poll();
    } catch (const std::exception&) {
        return; // unreadable for now; the next poll tries again
    }
    if (update.reset)
        records_.clear();
    bool added = false;
    for (const auto& line : update.lines)
        if (auto record = i3::WeightRecord::from_line(line)) {
            records_.push_back(std::move(*record));
            added = true;
        }
    if (records_.empty())
        noteLabel_->setText(weightsEvery_ > 0
                                ? tr("No weight statistics yet: the run records them every %Ln steps.", "", int(weightsEvery_))
                                : tr("This run records no weight statistics (Weight statistics every: off)."));
    else
        noteLabel_->setText(tr("%1, every %2.").arg(tr("%Ln records", "", int(records_.size())),
                                                    tr("%Ln steps", "", int(weightsEvery_))));
    if (!added && !update.reset)
        return;
    fillSteps();
    showRecord();
    showTensorCurves();
}

void ModelMapPanel::fillSteps()
{
    const QSignalBlocker blocker(stepCombo_);
    stepCombo_->clear();
    if (records_.empty()) {
        stepCombo_->setEnabled(false);
        return;
    }
    stepCombo_->setEnabled(true);
    stepCombo_->addItem(tr("latest (%1)").arg(records_.back().step), qint64(-1));
    for (auto it = records_.rbegin(); it != records_.rend(); ++it)
        stepCombo_->addItem(QString::number(it->step), qint64(it->step));
    const int index = stepCombo_->findData(wantedStep_);
    stepCombo_->setCurrentIndex(std::max(0, index));
}

const i3::WeightRecord* ModelMapPanel::shownRecord() const
{
    if (records_.empty())
        return nullptr;
    if (wantedStep_ < 0)
        return &records_.back();
    const i3::WeightRecord* shown = &records_.front();
    for (const auto& record : records_)
        if (record.step <= wantedStep_)
            shown = &record;
    return shown;
}

void ModelMapPanel::selectBlock(int index)
{
    if (index < 0 || index >= int(blocks_.size()))
        return;
    blockMap_->setSelected(index);
    tensor_.clear();
    showRecord();
    showTensorCurves();
}

void ModelMapPanel::selectTensor(const QString& name)
{
    if (name == tensor_)
        return;
    tensor_ = name;
    const QSignalBlocker blocker(table_);
    const auto found = table_->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        table_->selectRow(found.front()->row());
    showHistograms();
    showTensorCurves();
}

void ModelMapPanel::selectStep(qint64 step)
{
    wantedStep_ = step;
    if (const auto* record = shownRecord(); record && step >= 0)
        wantedStep_ = record->step;
    fillSteps();
    showRecord();
}

void ModelMapPanel::showRecord()
{
    const int selected = blockMap_->selected();
    const i3::WeightRecord* record = shownRecord();
    std::vector<double> ratios;
    if (record)
        for (const auto& block : blocks_)
            ratios.push_back(i3::block_statistics(*record, block).update_ratio());
    blockMap_->setUpdateRatios(ratios);

    const QSignalBlocker blocker(table_);
    table_->setRowCount(0);
    if (selected < 0 || selected >= int(blocks_.size())) {
        blockLabel_->clear();
        showHistograms();
        return;
    }
    const i3::ModelBlock& block = blocks_[size_t(selected)];
    const BlockBox& box = blockMap_->blocks()[size_t(selected)];
    QStringList prefixes;
    for (const auto& prefix : block.prefixes)
        prefixes << QString::fromStdString(prefix) + QStringLiteral("*");
    blockLabel_->setText(tr("<b>%1</b> (%2): %3 parameters, %4 % of the model; %5 FLOPs per token in training, %6 %")
                             .arg(box.name, prefixes.join(QStringLiteral(", ")),
                                  QLocale().toString(qint64(block.parameters)),
                                  QLocale().toString(box.parameterShare * 100, 'f', 1),
                                  BlockMap::compact(box.flopsPerToken),
                                  QLocale().toString(box.flopsShare * 100, 'f', 1)));
    if (!record) {
        showHistograms();
        return;
    }
    const i3::TensorStatistics* chosen = nullptr; // the chosen tensor, else the block's largest
    const i3::TensorStatistics* largest = nullptr;
    for (const auto& tensor : record->tensors) {
        if (!block.owns(tensor.name))
            continue;
        if (QString::fromStdString(tensor.name) == tensor_)
            chosen = &tensor;
        if (!largest || tensor.size() > largest->size())
            largest = &tensor;
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, TensorColumn, cell(QString::fromStdString(tensor.name), false));
        table_->setItem(row, ShapeColumn, cell(shapeText(tensor.shape), true));
        table_->setItem(row, ParametersColumn, cell(QLocale().toString(qint64(tensor.size())), true));
        table_->setItem(row, WeightNormColumn, cell(number(tensor.weight_norm), true));
        table_->setItem(row, GradNormColumn, cell(number(tensor.grad_norm), true));
        table_->setItem(row, RatioColumn, cell(number(tensor.update_ratio(), 'e', 2), true));
    }
    if (!chosen)
        chosen = largest;
    if (!chosen)
        return;
    tensor_ = QString::fromStdString(chosen->name);
    const auto found = table_->findItems(tensor_, Qt::MatchExactly);
    if (!found.isEmpty())
        table_->selectRow(found.front()->row());
    showHistograms();
}

void ModelMapPanel::showHistograms()
{
    const i3::WeightRecord* record = shownRecord();
    const i3::TensorStatistics* tensor = record ? record->find(tensor_.toStdString()) : nullptr;
    auto* weightBox = qobject_cast<QGroupBox*>(weightPlot_->parentWidget());
    auto* gradBox = qobject_cast<QGroupBox*>(gradPlot_->parentWidget());
    if (!tensor) {
        weightBox->setTitle(tr("Weights"));
        gradBox->setTitle(tr("Gradient"));
        showHistogram(weightPlot_, weightBars_, {});
        showHistogram(gradPlot_, gradBars_, {});
        return;
    }
    // Short titles: a group box is as wide as its title, and the tensor's name is long.
    weightBox->setTitle(tr("Weights at step %1").arg(record->step));
    gradBox->setTitle(tr("Gradient at step %1").arg(record->step));
    showHistogram(weightPlot_, weightBars_, tensor->weights);
    showHistogram(gradPlot_, gradBars_, tensor->grads);
}

void ModelMapPanel::showHistogram(QCustomPlot* plot, QCPBars* bars, const i3::ValueHistogram& histogram)
{
    QVector<double> centres, counts;
    for (size_t bin = 0; bin < histogram.counts.size(); ++bin) {
        centres << histogram.bin_centre(bin);
        counts << double(histogram.counts[bin]);
    }
    bars->setData(centres, counts, true);
    if (!counts.isEmpty() && std::isfinite(histogram.bin_width())) {
        bars->setWidth(histogram.bin_width());
        plot->xAxis->setRange(histogram.low - histogram.bin_width(), histogram.high + histogram.bin_width());
        plot->yAxis->setRange(0, *std::max_element(counts.begin(), counts.end()) * 1.1);
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void ModelMapPanel::showTensorCurves()
{
    normPlot_->clear();
    ratioPlot_->clear();
    const int selected = blockMap_->selected();
    if (selected < 0 || selected >= int(blocks_.size()))
        return;
    const i3::ModelBlock& block = blocks_[size_t(selected)];
    const std::string name = tensor_.toStdString();
    QVector<double> steps, weights, grads, tensorRatios, blockRatios;
    for (const auto& record : records_) {
        const auto* tensor = record.find(name);
        if (!tensor)
            continue;
        steps << double(record.step);
        weights << tensor->weight_norm;
        grads << tensor->grad_norm;
        tensorRatios << tensor->update_ratio();
        blockRatios << i3::block_statistics(record, block).update_ratio();
    }
    normPlot_->setSeries(weightNormSeries(), steps, weights);
    normPlot_->setSeries(gradNormSeries(), steps, grads);
    ratioPlot_->setSeries(tensorRatioSeries(), steps, tensorRatios);
    ratioPlot_->setSeries(blockRatioSeries(), steps, blockRatios);
}
