// SPDX-License-Identifier: GPL-3.0-or-later
#include "advice_list.h"

#include <QLocale>
#include <QStyle>

namespace {

QString gibibytes(double bytes) { return QLocale().toString(bytes / (1024.0 * 1024.0 * 1024.0), 'f', 1); }
QString loss(double value) { return QLocale().toString(value, 'f', 3); }

} // namespace

AdviceList::AdviceList(QWidget* parent) : QListWidget(parent)
{
    setWordWrap(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::NoSelection);
}

QString AdviceList::whatOf(const i3::Advice& advice)
{
    using Kind = i3::Advice::Kind;
    switch (advice.kind) {
    case Kind::WillNotFit:
        return tr("Training needs about %1 GiB, more than the device's %2 GiB.")
            .arg(gibibytes(advice.seen), gibibytes(advice.usual));
    case Kind::SmallData:
        return tr("The planned steps read the %1 training tokens about %2 times over: the model will learn them by "
                  "heart rather than the language.")
            .arg(QLocale().toString(advice.usual, 'f', 0), QLocale().toString(advice.seen, 'f', 0));
    case Kind::NoValidation:
        return tr("No text is held out for validation, so nothing will show when the model starts to memorise.");
    case Kind::LossSpike:
        return tr("Step %1: the training loss jumped to %2, from about %3 over the last logged steps.")
            .arg(advice.step)
            .arg(QLocale().toString(advice.seen, 'f', 2), QLocale().toString(advice.usual, 'f', 2));
    case Kind::Overfitting:
        return advice.widening
                   ? tr("Steps %1 to %2: the gap between validation and training loss grew from %3 to %4: the model "
                        "is learning the training texts by heart.")
                         .arg(advice.from_step)
                         .arg(advice.step)
                         .arg(loss(advice.usual), loss(advice.seen))
                   : tr("Steps %1 to %2: the validation loss rose from %3 to %4: the model is learning the training "
                        "texts by heart.")
                         .arg(advice.from_step)
                         .arg(advice.step)
                         .arg(loss(advice.usual), loss(advice.seen));
    }
    return QString();
}

QString AdviceList::fixOf(const i3::Advice& advice)
{
    using Kind = i3::Advice::Kind;
    switch (advice.kind) {
    case Kind::WillNotFit:
        return tr("Lower the batch (the activations shrink with it) or the context, or on a GPU turn on activation "
                  "checkpointing; the Probe panel measures what fits.");
    case Kind::SmallData:
        return tr("Add text, or plan fewer steps; the best checkpoint (by validation loss) is kept either way.");
    case Kind::NoValidation:
        return tr("Set a validation fraction in the Data panel (0.05 holds out a twentieth of the tokens).");
    case Kind::LossSpike:
        return tr("One spike often passes. If they recur, lower the learning rate (now %1) to half or lengthen the "
                  "warm-up: Fork from the last checkpoint with the new setting.")
            .arg(QLocale().toString(advice.lr, 'g', 3));
    case Kind::Overfitting:
        return tr("The best checkpoint (step %1, validation loss %2) is kept; more text, fewer steps or more weight "
                  "decay help the next run.")
            .arg(advice.best_step)
            .arg(loss(advice.best_loss));
    }
    return QString();
}

void AdviceList::addAdvice(const i3::Advice& advice) { addNote(whatOf(advice), fixOf(advice)); }

void AdviceList::addNote(const QString& what, const QString& fix)
{
    auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                     fix.isEmpty() ? what : what + QLatin1Char('\n') + fix);
    item->setToolTip(item->text());
    insertItem(0, item);
    Q_EMIT countChanged(count());
}

void AdviceList::clearAdvice()
{
    clear();
    Q_EMIT countChanged(0);
}
