// SPDX-License-Identifier: GPL-3.0-or-later
// The stand-in Hub (fixtures/hub_server.py) as the suites drive it: a Python process on
// 127.0.0.1 that prints its port, then answers one line per command.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace i3test {

class HubServer {
public:
    // Serves the repos that `spec` (a JSON file, see hub_server.py) describes.
    bool start(const QString& spec);
    ~HubServer();
    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(port_); }
    QJsonObject ask(const QByteArray& command);
    void arm(const QByteArray& faults);
    // Lets the bodies that a {"hold": ...} fault holds go on.
    void release();
    void reset();

private:
    QByteArray reply_to(const QByteArray& command);
    // Waits for the next whole line from the server (its state, not a time, ends the wait).
    QByteArray reply();

    QProcess process_;
    int port_ = 0;
};

} // namespace i3test
