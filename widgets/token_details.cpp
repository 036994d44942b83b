// SPDX-License-Identifier: GPL-3.0-or-later
#include "token_details.h"

#include "probability_text.h"
#include "visible_token.h"

#include "model/model_artifacts.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace {

const QColor kInsideCut(0xdc, 0xed, 0xc8);
const QColor kOutsideCut(0x9e, 0x9e, 0x9e);

} // namespace

TokenDetails::TokenDetails(QWidget* parent) : QWidget(parent)
{
    tokenLabel_ = new QLabel;
    tokenLabel_->setObjectName("tokenDetailsLabel");
    tokenLabel_->setWordWrap(true);
    tokenLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cutLabel_ = new QLabel;
    cutLabel_->setObjectName("cutLabel");
    cutLabel_->setWordWrap(true);

    table_ = new QTableWidget(0, ColumnCount);
    table_->setObjectName("alternativesTable");
    table_->setHorizontalHeaderLabels({tr("Token"), tr("Id"), tr("Probability"), tr("When sampling")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->setVisible(false);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(table_, &QTableWidget::cellDoubleClicked, this, &TokenDetails::requestBranch);
    connect(table_, &QTableWidget::itemSelectionChanged, this,
            [this] { branchButton_->setEnabled(branching_ && table_->currentRow() >= 0); });

    branchButton_ = new QPushButton(tr("Branch with the chosen token"));
    branchButton_->setObjectName("branchButton");
    branchButton_->setToolTip(tr("Put the chosen token here and sample on from it with the same seed and the "
                                 "sliders' settings (a double click on a row does the same)"));
    branchButton_->setEnabled(false);
    connect(branchButton_, &QPushButton::clicked, this, &TokenDetails::requestBranch);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tokenLabel_);
    layout->addWidget(cutLabel_);
    layout->addWidget(table_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(branchButton_);
    layout->addLayout(buttons);
    clear();
}

void TokenDetails::showToken(const ModelHandle& model, const QString& name, const SharedTokenSequence& sequence,
                             int index, const i3::SamplingOptions& sampling)
{
    model_ = model;
    sequence_ = sequence;
    index_ = index;
    sampling_ = sampling;
    const auto& token = sequence->tokens.at(size_t(index));
    const QString text = visibleToken(QString::fromStdString(token.text));
    QString source;
    switch (token.source) {
    case i3::TokenSource::Prompt:
        source = tr("from the prompt");
        break;
    case i3::TokenSource::Sampled:
        source = tr("sampled with probability %1").arg(probabilityText(*token.sampled_probability));
        break;
    case i3::TokenSource::Picked:
        source = tr("picked by hand");
        break;
    }
    QString description = tr("%1 · token %L2 “%3” (id %L4), %5").arg(name).arg(index).arg(text).arg(token.id).arg(source);
    if (token.probability)
        description += QLatin1Char('\n') + tr("Probability %1, rank %L2 of %L3; entropy at this place %L4 nats (%L5 bits)")
                                               .arg(probabilityText(*token.probability))
                                               .arg(token.rank)
                                               .arg(sequence->logits.size(1))
                                               .arg(token.entropy_nats, 0, 'f', 3)
                                               .arg(i3::nats_to_bits(token.entropy_nats), 0, 'f', 3);
    else
        description += QLatin1Char('\n') + tr("The first token: nothing before it predicts it, so it has no "
                                              "probability and no alternatives.");
    tokenLabel_->setText(description);
    fill();
}

void TokenDetails::setSampling(const i3::SamplingOptions& sampling)
{
    sampling_ = sampling;
    if (sequence_)
        fill();
}

void TokenDetails::clear()
{
    model_ = {};
    sequence_.reset();
    index_ = -1;
    distribution_ = {};
    tokenLabel_->setText(tr("Click a token to see what else the model thought could come there."));
    cutLabel_->clear();
    table_->setRowCount(0);
    branchButton_->setEnabled(false);
}

void TokenDetails::setBranchingEnabled(bool enabled)
{
    branching_ = enabled;
    branchButton_->setEnabled(branching_ && table_->currentRow() >= 0);
}

void TokenDetails::fill()
{
    const int keepRow = table_->currentRow();
    table_->setRowCount(0);
    distribution_ = {};
    cutLabel_->clear();
    if (index_ < 1)
        return setBranchingEnabled(branching_);
    const auto& token = sequence_->tokens.at(size_t(index_));
    distribution_ = i3::next_token_distribution(sequence_->logits_before(size_t(index_)), sampling_, kAlternatives);
    auto rows = distribution_.top;
    // The token in the text, when the list does not reach down to it.
    if (std::none_of(rows.begin(), rows.end(), [&](const auto& row) { return row.id == token.id; })) {
        const auto all = i3::next_token_distribution(sequence_->logits_before(size_t(index_)), sampling_, token.rank);
        rows.push_back(all.top.back());
    }
    const auto& tokenizer = model_.model->tokenizer;
    table_->setRowCount(int(rows.size()));
    for (int row = 0; row < int(rows.size()); ++row) {
        const auto& alternative = rows[size_t(row)];
        const bool inside = alternative.sampling_probability > 0;
        const QStringList cells = {visibleToken(QString::fromStdString(tokenizer.token_text(alternative.id))),
                                   QString::number(alternative.id), probabilityText(alternative.probability),
                                   inside ? probabilityText(alternative.sampling_probability) : tr("cut off")};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column != TokenColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (inside)
                item->setBackground(kInsideCut);
            else
                item->setForeground(kOutsideCut);
            if (alternative.id == token.id) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setToolTip(tr("The token in the text"));
            }
            item->setData(Qt::UserRole, QVariant::fromValue<qint64>(alternative.id));
            table_->setItem(row, column, item);
        }
    }
    if (keepRow >= 0 && keepRow < table_->rowCount())
        table_->selectRow(keepRow);
    cutLabel_->setText(tr("Inside the cut-off (shaded): %Ln token(s) holding %1 of the probability; "
                          "the sampler's entropy %L2 bits.",
                          "", int(std::min<int64_t>(distribution_.kept, std::numeric_limits<int>::max())))
                           .arg(probabilityText(distribution_.kept_probability))
                           .arg(i3::nats_to_bits(distribution_.sampling_entropy_nats), 0, 'f', 3));
    setBranchingEnabled(branching_);
}

QString TokenDetails::summaryText() const { return tokenLabel_->text() + QLatin1Char('\n') + cutLabel_->text(); }

qint64 TokenDetails::rowToken(int row) const
{
    const auto* item = table_->item(row, TokenColumn);
    return item ? item->data(Qt::UserRole).toLongLong() : -1;
}

bool TokenDetails::rowInsideCut(int row) const
{
    const auto* item = table_->item(row, TokenColumn);
    return item && item->background().color() == kInsideCut;
}

void TokenDetails::requestBranch()
{
    const int row = table_->currentRow();
    if (!branching_ || row < 0 || index_ < 1)
        return;
    Q_EMIT branchRequested(index_, rowToken(row));
}
