// SPDX-License-Identifier: GPL-3.0-or-later
#include "background_training.h"

#include "runs/run_schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>

namespace BackgroundTraining {

namespace {

constexpr const char* kProgramName = "i3lm";

} // namespace

QString program()
{
    const QString beside =
        QStandardPaths::findExecutable(QString::fromLatin1(kProgramName), {QCoreApplication::applicationDirPath()});
    return beside.isEmpty() ? QStandardPaths::findExecutable(QString::fromLatin1(kProgramName)) : beside;
}

bool resume(const QString& runFolder, QString* error)
{
    const QString executable = program();
    if (executable.isEmpty()) {
        *error = QCoreApplication::translate("BackgroundTraining", "%1 was found neither beside i3 Studio nor on PATH.")
                     .arg(QString::fromLatin1(kProgramName));
        return false;
    }
    QProcess process;
    process.setProgram(executable);
    process.setArguments({QStringLiteral("train"), QStringLiteral("--resume"), runFolder});
    process.setWorkingDirectory(runFolder);
    // Its log goes with the run; nothing of it reaches a terminal that may close with the studio.
    const QString log = QDir(runFolder).filePath(QString::fromLatin1(i3::run_files::kBackgroundLog));
    process.setStandardOutputFile(log, QIODevice::Append);
    process.setStandardErrorFile(log, QIODevice::Append);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!process.startDetached()) {
        *error = QCoreApplication::translate("BackgroundTraining", "%1 could not be started: %2")
                     .arg(executable, process.errorString());
        return false;
    }
    return true;
}

} // namespace BackgroundTraining
