// SPDX-License-Identifier: GPL-3.0-or-later
// The runs of a workspace at a glance: every run folder with its status, progress and losses,
// refreshed every few seconds, and the training loss of the selected runs overlaid in one plot.
// Also RunScanner, which does the reading for the browser and the Training panel on a worker
// thread, so a long metrics file never stalls the interface.
#pragma once

#include "runs/run_catalog.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

class MetricPlot;
class QLabel;
class QTableWidget;
class QThread;

// What a followed run's files held at one scan.
struct RunCurves {
    QString folder;
    bool reset = false;     // the metrics replace what was shown (first scan, or the file was rewritten)
    i3::RunMetrics metrics; // the lines metrics.jsonl gained since the previous scan
    std::string status;     // run.json's status; "unreadable" when it cannot be read
    int64_t totalSteps = 0; // run.json's planned steps
};

struct RunScan {
    bool listed = false; // `runs` holds the workspace's list (otherwise it was not asked for)
    std::vector<i3::RunSummary> runs;
    std::vector<RunCurves> curves;
};
Q_DECLARE_METATYPE(RunScan)

// Lists a workspace's runs and reads what followed runs' metrics.jsonl gained, on a worker thread.
// One scan at a time; asking for one while another is under way runs it right after.
class RunScanner : public QObject {
    Q_OBJECT
public:
    explicit RunScanner(QObject* parent = nullptr);
    // Waits for a scan under way.
    ~RunScanner() override;

    // The workspace to list; empty: none.
    void setWorkspace(const QString& dir) { workspace_ = dir; }
    // The runs whose metrics to follow; a newly followed run is read from its start.
    void setFollowed(const QStringList& folders);
    QStringList followed() const;

public Q_SLOTS:
    void scan();

Q_SIGNALS:
    void scanned(const RunScan& scan);

private:
    struct Follower; // a MetricsFollower and whether it has been polled yet
    void onThreadFinished(const std::shared_ptr<RunScan>& result,
                          const std::vector<std::shared_ptr<Follower>>& followers);

    QString workspace_;
    std::map<QString, std::shared_ptr<Follower>> followers_;
    std::unique_ptr<QThread> thread_;
    bool again_ = false;
};

class RunBrowser : public QWidget {
    Q_OBJECT
public:
    explicit RunBrowser(QWidget* parent = nullptr);

    void setWorkspace(const QString& dir);
    QString workspace() const { return workspace_; }
    QStringList selectedRuns() const;
    MetricPlot* comparePlot() const { return comparePlot_; }
    // A run.json status ("training", "stopped", ...) in the user's language.
    static QString statusText(const std::string& status);

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
