// SPDX-License-Identifier: GPL-3.0-or-later
#include "run_browser.h"

#include "metric_plot.h"
#include "run_scanner.h"
#include "base/atomic_file.h"
#include "runs/config_diff.h"
#include "runs/run_annotations.h"
#include "runs/run_folder.h"
#include "runs/run_removal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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

enum Column {
    NameColumn,
    StatusColumn,
    StepsColumn,
    PresetColumn,
    LrColumn,
    BatchColumn,
    PrecisionColumn,
    LastLossColumn,
    BestValidationColumn,
    UpdatedColumn,
    ColumnCount
};

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
    table_->setHorizontalHeaderLabels({tr("Run"), tr("Status"), tr("Steps"), tr("Preset"), tr("LR"), tr("Batch"),
                                       tr("Precision"), tr("Last loss"), tr("Best val. loss"), tr("Updated")});
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table_, &QTableWidget::customContextMenuRequested, this, [this](const QPoint& position) {
        const QTableWidgetItem* item = table_->itemAt(position);
        if (!item)
            return;
        const QTableWidgetItem* name = table_->item(item->row(), NameColumn);
        contextMenuFor(name->data(kFolderRole).toString())->popup(table_->viewport()->mapToGlobal(position));
    });
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    // Run names differ at their end (the time they were made): cut them in the middle.
    table_->setTextElideMode(Qt::ElideMiddle);
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
    auto* hint = new QLabel(tr("Select several runs to compare them; double-click one to open it, right-click for "
                               "more."),
                            this);
    hint->setWordWrap(true);

    diffTable_ = new QTableWidget(this);
    diffTable_->setObjectName("configDiff");
    diffTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    diffTable_->verticalHeader()->setVisible(false);
    diffTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    diffTable_->setToolTip(tr("The settings in which the selected runs differ"));
    diffTable_->setVisible(false);

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
    splitter->addWidget(diffTable_);
    splitter->addWidget(comparePlot_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);
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

int RunBrowser::selectRuns(const QStringList& folders)
{
    table_->clearSelection();
    for (int row = 0; row < table_->rowCount(); ++row)
        if (folders.contains(table_->item(row, NameColumn)->data(kFolderRole).toString()))
            table_->selectionModel()->select(table_->model()->index(row, 0),
                                             QItemSelectionModel::Select | QItemSelectionModel::Rows);
    return static_cast<int>(selectedRuns().size());
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
    return loss ? QLocale().toString(*loss, 'f', 4) : RunBrowser::tr("–");
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
    runs_ = runs;
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
        if (!run.annotations.notes.empty())
            toolTip += tr("\n\nNotes:\n%1").arg(QString::fromStdString(run.annotations.notes));
        setCell(table_, row, NameColumn, QString::fromStdString(run.shown_name()), QVariant(), toolTip);
        table_->item(row, NameColumn)->setData(kFolderRole, folder);
        setCell(table_, row, StatusColumn, statusText(run.status), QVariant(), toolTip);
        setCell(table_, row, StepsColumn, tr("%1 / %2").arg(run.steps_done).arg(run.total_steps),
                double(run.steps_done), toolTip);
        const i3::TrainConfig* training = run.info ? &run.info->training : nullptr;
        setCell(table_, row, PresetColumn, QString::fromStdString(run.preset), QVariant(), toolTip);
        setCell(table_, row, LrColumn, training ? QLocale().toString(training->lr, 'g', 3) : tr("–"),
                training ? training->lr : 0.0, toolTip);
        setCell(table_, row, BatchColumn, training ? QString::number(training->batch_size * training->grad_accum) : tr("–"),
                training ? double(training->batch_size * training->grad_accum) : 0.0, toolTip);
        setCell(table_, row, PrecisionColumn, training ? QString::fromStdString(training->precision) : tr("–"), QVariant(),
                toolTip);
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
    showDifferences();
    Q_EMIT selectionChanged(folders);
}

const i3::RunSummary* RunBrowser::summaryOf(const QString& folder) const
{
    for (const i3::RunSummary& run : runs_)
        if (QString::fromStdString(run.folder.string()) == folder)
            return &run;
    return nullptr;
}

// One row per setting in which the selected runs differ, one column per run.
void RunBrowser::showDifferences()
{
    QStringList names;
    std::vector<std::map<std::string, std::string>> configurations;
    for (const QString& folder : selectedRuns()) {
        const i3::RunSummary* run = summaryOf(folder);
        if (!run || !run->info)
            continue;
        names << QString::fromStdString(run->shown_name());
        configurations.push_back(i3::run_configuration(*run->info));
    }
    const auto differences = i3::config_differences(configurations);
    diffTable_->clear();
    diffTable_->setColumnCount(names.size() + 1);
    diffTable_->setHorizontalHeaderLabels(QStringList{tr("Setting")} + names);
    diffTable_->setRowCount(static_cast<int>(differences.size()));
    for (int row = 0; row < static_cast<int>(differences.size()); ++row) {
        const i3::ConfigDifference& difference = differences[static_cast<size_t>(row)];
        diffTable_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(difference.key)));
        for (size_t run = 0; run < difference.values.size(); ++run) {
            const auto& value = difference.values[run];
            diffTable_->setItem(row, static_cast<int>(run) + 1,
                                new QTableWidgetItem(value ? QString::fromStdString(*value) : tr("–")));
        }
    }
    diffTable_->setVisible(configurations.size() >= 2);
}

QString RunBrowser::renameRun(const QString& folder, const QString& name)
{
    try {
        i3::rename_run(folder.toStdString(), name.toStdString());
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    refresh();
    return {};
}

QString RunBrowser::setRunNotes(const QString& folder, const QString& notes)
{
    try {
        i3::set_run_notes(folder.toStdString(), notes.toStdString());
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    refresh();
    return {};
}

QString RunBrowser::deleteRun(const QString& folder, bool permanently)
{
    try {
        // The lock is held until the folder is gone, so no trainer can start in it meanwhile.
        const auto claim = i3::claim_run_for_removal(folder.toStdString());
        if (permanently)
            i3::remove_tree(folder.toStdString());
        else if (!QFile::moveToTrash(folder))
            return tr("%1 could not be moved to the trash.").arg(folder);
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    refresh();
    return {};
}

QMenu* RunBrowser::contextMenuFor(const QString& folder)
{
    delete contextMenu_;
    contextMenu_ = new QMenu(this);
    contextMenu_->setObjectName("runMenu");
    const i3::RunSummary* run = summaryOf(folder);
    const bool resumable = run && run->status && !i3::is_live(*run->status) && *run->status != i3::RunStatus::Finished;
    contextMenu_->addAction(tr("&Open"), this, [this, folder] { Q_EMIT runActivated(folder); });
    QAction* resume = contextMenu_->addAction(tr("&Resume"), this, [this, folder] { Q_EMIT resumeRequested(folder); });
    resume->setEnabled(resumable);
    QMenu* fork = contextMenu_->addMenu(tr("&Fork from checkpoint"));
    fork->setToolTip(tr("A new run from a checkpoint of this one, with the settings of the Model panel"));
    const i3::RunFolder runFolder(folder.toStdString());
    std::vector<std::filesystem::path> checkpoints = runFolder.step_checkpoints();
    if (std::filesystem::exists(runFolder.best_checkpoint_dir()))
        checkpoints.push_back(runFolder.best_checkpoint_dir());
    for (auto it = checkpoints.rbegin(); it != checkpoints.rend(); ++it) {
        const QString checkpoint = QString::fromStdString(it->string());
        fork->addAction(QString::fromStdString(it->filename().string()), this,
                        [this, folder, checkpoint] { Q_EMIT forkRequested(folder, checkpoint); });
    }
    fork->setEnabled(!checkpoints.empty());
    contextMenu_->addSeparator();
    contextMenu_->addAction(tr("Re&name…"), this, [this, folder] { renameInteractively(folder); });
    contextMenu_->addAction(tr("&Notes…"), this, [this, folder] { editNotesInteractively(folder); });
    contextMenu_->addSeparator();
    QAction* remove = contextMenu_->addAction(tr("&Delete…"), this, [this, folder] { deleteInteractively(folder); });
    remove->setEnabled(run && run->status != i3::RunStatus::Training);
    return contextMenu_;
}

void RunBrowser::renameInteractively(const QString& folder)
{
    const i3::RunSummary* run = summaryOf(folder);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename run"),
                                               tr("Name shown for %1 (empty: the folder's name):").arg(QFileInfo(folder).fileName()),
                                               QLineEdit::Normal,
                                               run ? QString::fromStdString(run->annotations.display_name) : QString(), &ok);
    if (!ok)
        return;
    const QString problem = renameRun(folder, name);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Rename run"), problem);
}

void RunBrowser::editNotesInteractively(const QString& folder)
{
    const i3::RunSummary* run = summaryOf(folder);
    bool ok = false;
    const QString notes = QInputDialog::getMultiLineText(
        this, tr("Notes"), tr("Notes on %1:").arg(run ? QString::fromStdString(run->shown_name()) : folder),
        run ? QString::fromStdString(run->annotations.notes) : QString(), &ok);
    if (!ok)
        return;
    const QString problem = setRunNotes(folder, notes);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Notes"), problem);
}

void RunBrowser::deleteInteractively(const QString& folder)
{
    if (QMessageBox::question(this, tr("Delete run"), tr("Move the run %1 to the trash?").arg(folder)) != QMessageBox::Yes)
        return;
    QString problem = deleteRun(folder);
    if (problem.isEmpty())
        return;
    if (QFileInfo::exists(QDir(folder).filePath(QString::fromLatin1(i3::run_files::kRunInfo))) &&
        problem == tr("%1 could not be moved to the trash.").arg(folder) &&
        QMessageBox::question(this, tr("Delete run"), tr("%1\nDelete it for good instead?").arg(problem)) == QMessageBox::Yes)
        problem = deleteRun(folder, true);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Delete run"), problem);
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
