// SPDX-License-Identifier: GPL-3.0-or-later
// The runs of a workspace at a glance: every run folder with its status, progress and losses,
// refreshed every few seconds (read by a RunScanner), and the training loss of the selected runs
// overlaid in one plot.
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
class QTableWidget;
class RunScanner;

class RunBrowser : public QWidget {
    Q_OBJECT
public:
    explicit RunBrowser(QWidget* parent = nullptr);

    void setWorkspace(const QString& dir);
    QString workspace() const { return workspace_; }
    QStringList selectedRuns() const;
    MetricPlot* comparePlot() const { return comparePlot_; }
    // A run.json status ("training", "stopped", ...) in the user's language.
    static QString statusText(std::optional<i3::RunStatus> status);

public Q_SLOTS:
    // Lists the runs again now (the list also refreshes every few seconds on its own).
    void refresh();

Q_SIGNALS:
    // A run was double-clicked or Enter was pressed on it.
    void runActivated(const QString& folder);
    void selectionChanged(const QStringList& folders);
    // A scan finished and the table shows its result.
    void refreshed();

private:
    void onScanned(const RunScan& scan);
    void showRuns(const std::vector<i3::RunSummary>& runs);
    void onSelectionChanged();
    QColor colorFor(const QString& folder);

    QString workspace_;
    QTableWidget* table_ = nullptr;
    QLabel* emptyLabel_ = nullptr;
    MetricPlot* comparePlot_ = nullptr;
    RunScanner* scanner_ = nullptr;
    QTimer refreshTimer_;
    std::map<QString, QColor> colors_;
    int nextColor_ = 0;
};
