// SPDX-License-Identifier: GPL-3.0-or-later
// The runs of a workspace at a glance: every run folder with its name, status, progress, recipe
// (preset, learning rate, batch, precision) and losses, refreshed every few seconds (read by a
// RunScanner); how the configurations of the selected runs differ, and the training loss of the
// selected runs overlaid in one plot. A run's context menu opens, resumes, forks, renames,
// annotates and deletes it.
#pragma once

#include "run_scan.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

class MetricPlot;
class QLabel;
class QMenu;
class QTableWidget;
class RunScanner;

class RunBrowser : public QWidget {
    Q_OBJECT
public:
    explicit RunBrowser(QWidget* parent = nullptr);
    // The colour a run's curves are drawn in, here and in the Training panel's overlays.
    QColor colorFor(const QString& folder);

    void setWorkspace(const QString& dir);
    QString workspace() const { return workspace_; }
    QStringList selectedRuns() const;
    // Selects the listed runs among `folders` (only those); returns how many are selected.
    int selectRuns(const QStringList& folders);
    MetricPlot* comparePlot() const { return comparePlot_; }
    // A run.json status ("training", "stopped", ...) in the user's language.
    static QString statusText(std::optional<i3::RunStatus> status);
    // The table of differing settings of the selected runs.
    QTableWidget* diffTable() const { return diffTable_; }

    // The run's display name (the folder keeps its name); empty: the folder's. Returns the
    // problem in words, or "" when it was saved.
    QString renameRun(const QString& folder, const QString& name);
    QString setRunNotes(const QString& folder, const QString& notes);
    // Moves the run to the trash (or, when `permanently`, removes it); never a run in training.
    QString deleteRun(const QString& folder, bool permanently = false);
    // The context menu of the run in `folder`, as a right click opens it.
    QMenu* contextMenuFor(const QString& folder);

public Q_SLOTS:
    // Lists the runs again now (the list also refreshes every few seconds on its own).
    void refresh();

Q_SIGNALS:
    // A run was double-clicked or Enter was pressed on it.
    void runActivated(const QString& folder);
    void selectionChanged(const QStringList& folders);
    // From the context menu: continue the run; start a new run from one of its checkpoints.
    void resumeRequested(const QString& folder);
    void forkRequested(const QString& folder, const QString& checkpoint);
    // A scan finished and the table shows its result.
    void refreshed();

private:
    void onScanned(const RunScan& scan);
    void showRuns(const std::vector<i3::RunSummary>& runs);
    void onSelectionChanged();
    void showDifferences();
    void renameInteractively(const QString& folder);
    void editNotesInteractively(const QString& folder);
    void deleteInteractively(const QString& folder);
    const i3::RunSummary* summaryOf(const QString& folder) const;

    QString workspace_;
    QTableWidget* table_ = nullptr;
    QTableWidget* diffTable_ = nullptr;
    QMenu* contextMenu_ = nullptr;
    std::vector<i3::RunSummary> runs_; // as last listed
    QLabel* emptyLabel_ = nullptr;
    MetricPlot* comparePlot_ = nullptr;
    RunScanner* scanner_ = nullptr;
    QTimer refreshTimer_;
    std::map<QString, QColor> colors_;
    int nextColor_ = 0;
};
