// SPDX-License-Identifier: GPL-3.0-or-later
// Training that outlives the studio's window: a stopped run continued by `i3lm train --resume`
// in a process of its own, detached, so that it goes on after the studio has quit. The run folder
// receives its metrics, samples and checkpoints as from any trainer, and background.log what the
// command printed; the studio shows the run again when it is opened.
#pragma once

#include <QString>

namespace BackgroundTraining {

// The i3lm beside the studio's executable, else the one on PATH; empty when there is none.
QString program();

// Starts `i3lm train --resume runFolder`; false, with the reason in `error`, when it cannot.
bool resume(const QString& runFolder, QString* error);

} // namespace BackgroundTraining
