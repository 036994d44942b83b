// SPDX-License-Identifier: GPL-3.0-or-later
// Coaching in plain words: each piece of advice about a run (training/training_advice.h) as what was
// seen, with its figures and step, and what to try, in the user's language; newest first.
#pragma once

#include "training/training_advice.h"

#include <QListWidget>
#include <QString>

class AdviceList : public QListWidget {
    Q_OBJECT
public:
    explicit AdviceList(QWidget* parent = nullptr);

    void addAdvice(const i3::Advice& advice);
    // Something the engine said itself (a failure), shown as advice of its own.
    void addNote(const QString& what, const QString& fix);
    void clearAdvice();

    static QString whatOf(const i3::Advice& advice);
    static QString fixOf(const i3::Advice& advice);

Q_SIGNALS:
    void countChanged(int count);
};
