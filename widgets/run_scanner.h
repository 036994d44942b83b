// SPDX-License-Identifier: GPL-3.0-or-later
// The reading behind the run browser and the Training panel, done off the interface's thread so
// that a long metrics file never stalls it. The scanner owns its thread and joins it in its own
// destructor; the worker touches only copies and the followers it was handed.
#pragma once

#include "run_scan.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

class QThread;

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
