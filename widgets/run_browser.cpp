// SPDX-License-Identifier: GPL-3.0-or-later
#include "run_browser.h"

#include "metric_plot.h"
#include "run_scanner.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace {

constexpr int kRefreshIntervalMs = 3000;
constexpr int kFolderRole = Qt::UserRole;
constexpr int kSortRole = Qt::UserRole + 1;

enum Column { NameColumn, StatusColumn, StepsColumn, LastLossColumn, BestValidationColumn, UpdatedColumn, ColumnCount };

// Sorts by a number stored beside the text, so "9 / 10" comes before "10 / 10".
class SortableItem : public QTableWidgetItem {
public:
    bool operator<(const QTableWidgetItem& other) const override
    {
        const QVariant mine = data(kSortRole), theirs = other.data(kSortRole);
        if (mine.isValid() && theirs.isValid())
            return mine.toDouble() < theirs.toDouble();
        return QTableWidgetItem::operator<(other);
    }
};

QVector<double> toQVector(const std::vector<double>& values) { return QVector<double>(values.begin(), values.end()); }

} // namespace

RunBrowser::RunBrowser(QWidget* parent) : QWidget(parent)
{
    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setObjectName("runTable");
    table_->setHorizontalHeaderLabels(
        {tr("Run"), tr("Status"), tr("Steps"), tr("Last loss"), tr("Best val. loss"), tr("Updated")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = StatusColumn; column < ColumnCount; ++column)
        table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table_->setSortingEnabled(true);
    table_->sortByColumn(UpdatedColumn, Qt::AscendingOrder);
    connect(table_, &QTableWidget::activated, this, [this](const QModelIndex& index) {
        const QTableWidgetItem* item = table_->item(index.row(), NameColumn);
        if (item)
            Q_EMIT runActivated(item->data(kFolderRole).toString());
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this, &RunBrowser::onSelectionChanged);

    emptyLabel_ = new QLabel(tr("No runs in this workspace yet."), this);
    emptyLabel_->setVisible(false);
    auto* hint = new QLabel(tr("Select several runs to compare their loss; double-click one to open it."), this);
    hint->setWordWrap(true);

    comparePlot_ = new MetricPlot(tr("Training loss of the selected runs"), this);
    comparePlot_->setObjectName("compareLoss");
    comparePlot_->setAxisLabels(tr("step"), tr("loss"));
    comparePlot_->setLegendAlwaysShown(true); // the legend names the runs

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(hint);
    topLayout->addWidget(emptyLabel_);
    topLayout->addWidget(table_, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(comparePlot_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    scanner_ = new RunScanner(this);
    connect(scanner_, &RunScanner::scanned, this, &RunBrowser::onScanned);
    refreshTimer_.setInterval(kRefreshIntervalMs);
    connect(&refreshTimer_, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
}

void RunBrowser::setWorkspace(const QString& dir)
{
    if (dir == workspace_)
        return;
    workspace_ = dir;
    table_->setRowCount(0);
    scanner_->setWorkspace(dir);
    if (dir.isEmpty())
        refreshTimer_.stop();
    else
        refreshTimer_.start();
    refresh();
}

QStringList RunBrowser::selectedRuns() const
{
    QStringList folders;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows(NameColumn))
        folders << index.data(kFolderRole).toString();
    return folders;
}

void RunBrowser::refresh() { scanner_->scan(); }

void RunBrowser::onScanned(const RunScan& scan)
{
    if (scan.listed)
        showRuns(scan.runs);
    for (const RunCurves& curves : scan.curves) {
        if (!comparePlot_->hasSeries(curves.folder))
            continue;
        const QVector<double> steps = toQVector(curves.metrics.step), losses = toQVector(curves.metrics.loss);
        if (curves.reset)
            comparePlot_->setSeries(curves.folder, steps, losses);
        else
            comparePlot_->appendPoints(curves.folder, steps, losses);
    }
    Q_EMIT refreshed();
}

QString RunBrowser::statusText(std::optional<i3::RunStatus> status)
{
    if (!status)
        return tr("unreadable");
    switch (*status) {
    case i3::RunStatus::Created:
        return tr("created");
    case i3::RunStatus::Training:
        return tr("training");
    case i3::RunStatus::Stopped:
        return tr("stopped");
    case i3::RunStatus::Finished:
        return tr("finished");
    case i3::RunStatus::Failed:
        return tr("failed");
    }
    return QString::fromLatin1(i3::status_name(*status));
}

namespace {

QString agoText(double seconds)
{
    const int s = static_cast<int>(std::max(0.0, seconds));
    if (s < 10)
        return RunBrowser::tr("just now");
    if (s < 60)
        return RunBrowser::tr("%n s ago", "", s);
    if (s < 3600)
        return RunBrowser::tr("%n min ago", "", s / 60);
    if (s < 86400)
        return RunBrowser::tr("%n h ago", "", s / 3600);
    return RunBrowser::tr("%n d ago", "", s / 86400);
}

QString lossText(const std::optional<double>& loss)
{
    return loss ? QString::number(*loss, 'f', 4) : RunBrowser::tr("–");
}

double lossKey(const std::optional<double>& loss) { return loss ? *loss : std::numeric_limits<double>::infinity(); }

void setCell(QTableWidget* table, int row, int column, const QString& text, const QVariant& sortKey,
             const QString& toolTip)
{
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = new SortableItem;
        table->setItem(row, column, item);
    }
    item->setText(text);
    item->setData(kSortRole, sortKey);
    item->setToolTip(toolTip);
}

} // namespace

// Updates the table in place, so the selection and the scroll position survive a refresh.
void RunBrowser::showRuns(const std::vector<i3::RunSummary>& runs)
{
    table_->setSortingEnabled(false);
    QHash<QString, int> rowOf;
    for (int row = 0; row < table_->rowCount(); ++row)
        rowOf.insert(table_->item(row, NameColumn)->data(kFolderRole).toString(), row);
    QSet<QString> listed;
    for (const i3::RunSummary& run : runs) {
        const QString folder = QString::fromStdString(run.folder.string());
        listed.insert(folder);
        int row = rowOf.value(folder, -1);
        if (row < 0) {
            row = table_->rowCount();
            table_->insertRow(row);
        }
        const bool unreadable = !run.status;
        QString toolTip = unreadable ? QString::fromStdString(run.problem)
                                     : tr("%1\n%2, %3 parameters")
                                           .arg(folder, QString::fromStdString(run.description))
                                           .arg(run.parameters);
        if (!unreadable && run.world_size > 1)
            toolTip += QLatin1Char('\n') +
                       tr("trained on %1 ranks (%2)").arg(run.world_size).arg(QString::fromStdString(run.backend));
        setCell(table_, row, NameColumn, QString::fromStdString(run.name), QVariant(), toolTip);
        table_->item(row, NameColumn)->setData(kFolderRole, folder);
        setCell(table_, row, StatusColumn, statusText(run.status), QVariant(), toolTip);
        setCell(table_, row, StepsColumn, tr("%1 / %2").arg(run.steps_done).arg(run.total_steps),
                double(run.steps_done), toolTip);
        setCell(table_, row, LastLossColumn, lossText(run.last_loss), lossKey(run.last_loss), toolTip);
        setCell(table_, row, BestValidationColumn, lossText(run.best_validation_loss),
                lossKey(run.best_validation_loss), toolTip);
        setCell(table_, row, UpdatedColumn, agoText(run.seconds_since_update), run.seconds_since_update, toolTip);
        const QBrush foreground = unreadable ? QBrush(Qt::darkRed) : QBrush();
        for (int column = 0; column < ColumnCount; ++column)
            table_->item(row, column)->setForeground(foreground);
    }
    for (int row = table_->rowCount() - 1; row >= 0; --row)
        if (!listed.contains(table_->item(row, NameColumn)->data(kFolderRole).toString()))
            table_->removeRow(row);
    table_->setSortingEnabled(true);
    emptyLabel_->setVisible(runs.empty());
}

void RunBrowser::onSelectionChanged()
{
    const QStringList folders = selectedRuns();
    const QStringList followed = scanner_->followed();
    if (QSet<QString>(folders.begin(), folders.end()) == QSet<QString>(followed.begin(), followed.end()))
        return;
    for (const QString& id : comparePlot_->seriesIds())
        if (!folders.contains(id))
            comparePlot_->removeSeries(id);
    for (const QString& folder : folders) {
        if (comparePlot_->hasSeries(folder))
            continue;
        comparePlot_->addSeries(folder, QFileInfo(folder).fileName(), colorFor(folder));
    }
    scanner_->setFollowed(folders);
    scanner_->scan();
    Q_EMIT selectionChanged(folders);
}

QColor RunBrowser::colorFor(const QString& folder)
{
    static const QColor palette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                     QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75),
                                     QColor(227, 119, 194), QColor(127, 127, 127)};
    const auto it = colors_.find(folder);
    if (it != colors_.end())
        return it->second;
    const QColor color = palette[nextColor_++ % (sizeof palette / sizeof palette[0])];
    colors_[folder] = color;
    return color;
}
