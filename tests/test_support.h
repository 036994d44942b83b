// SPDX-License-Identifier: GPL-3.0-or-later
// What the test suites share: where the CLI, Python and the fixture scripts are, and running them.
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <string>

class QProcess;

namespace i3test {

struct ProcessResult {
    int exit_code = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

QString python();       // a python3 that can import torch
QString fixtures_dir(); // tests/fixtures in the source tree
QString cli();          // the built `i3lm` command
QString studio();       // the built `i3-studio` (in a build with the studio)

// Makes a process about to be started end when this one does, however this one ends (a test
// stopped by QtTest's watchdog must leave no training behind).
void end_with_this_process(QProcess& process);

// The i3::Error message of `action`, or "" when it does not throw one.
std::string error_of(const std::function<void()>& action);

// 480 short paragraphs of a few sentences, blank lines between: a small corpus that trains fast.
QByteArray stories();

// Trains the tiny preset on 200 texts of the built-in corpus on the CPU for `steps` steps into
// the run folder `folder`, with a checkpoint every `checkpoint_every` steps, all of them kept.
void train_tiny_run(const std::string& folder, int64_t steps, int64_t checkpoint_every);

// Writes `bytes` to `path`, making its folder first; a failure fails the calling test.
void write_file(const QString& path, const QByteArray& bytes);
// The file's bytes; empty when it cannot be read.
QByteArray read_file(const QString& path);

// Runs a program to completion (or kills it after timeout_ms); never throws.
ProcessResult run(const QString& program, const QStringList& args, int timeout_ms = 600000,
                  const QByteArray& standard_input = {});
// The same, with `environment` instead of this process's.
ProcessResult run_in(const QProcessEnvironment& environment, const QString& program, const QStringList& args,
                     const QByteArray& standard_input = {}, int timeout_ms = 600000);
// Runs fixtures/<script> with python(); args follow the script name.
ProcessResult run_python(const QString& script, const QStringList& args, int timeout_ms = 600000);
// Runs the `i3lm` command line.
ProcessResult run_cli(const QStringList& args, int timeout_ms = 600000, const QByteArray& standard_input = {});

} // namespace i3test
