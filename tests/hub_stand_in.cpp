// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub_stand_in.h"

#include "test_support.h"

#include <QDir>
#include <QJsonDocument>
#include <QtTest>

namespace i3test {

bool HubServer::start(const QString& spec)
{
    end_with_this_process(process_);
    process_.start(python(), {QDir(fixtures_dir()).filePath("hub_server.py"), spec});
    if (!process_.waitForStarted())
        return false;
    const QByteArray first = reply();
    if (!first.startsWith("port ")) {
        qWarning("the Hub stand-in did not start: %s", process_.readAllStandardError().constData());
        return false;
    }
    port_ = first.mid(5).trimmed().toInt();
    return port_ > 0;
}

HubServer::~HubServer()
{
    process_.closeWriteChannel(); // the server stops at the end of its input
    if (!process_.waitForFinished(10000))
        process_.kill();
}

QJsonObject HubServer::ask(const QByteArray& command)
{
    process_.write(command + '\n');
    return QJsonDocument::fromJson(reply()).object();
}

void HubServer::arm(const QByteArray& faults) { QCOMPARE(reply_to("fault " + faults), QByteArray("ok")); }

void HubServer::release() { QCOMPARE(reply_to("release"), QByteArray("ok")); }

void HubServer::reset() { QCOMPARE(reply_to("reset"), QByteArray("ok")); }

QByteArray HubServer::reply_to(const QByteArray& command)
{
    process_.write(command + '\n');
    return reply();
}

QByteArray HubServer::reply()
{
    while (!process_.canReadLine() && process_.state() == QProcess::Running)
        process_.waitForReadyRead(60000);
    return process_.readLine().trimmed();
}

} // namespace i3test
