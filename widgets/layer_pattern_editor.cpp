// SPDX-License-Identifier: GPL-3.0-or-later
#include "layer_pattern_editor.h"

#include "flops_text.h"

#include "telemetry/training_flops.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QChar kHybrid = QLatin1Char(i3::kHybridBlock);
const QChar kAttention = QLatin1Char(i3::kAttentionBlock);

// Hybrid blocks blue, attention blocks orange; the selected one filled.
const char* const kBlockStyle =
    "QToolButton { border-radius: 3px; font-weight: bold; }"
    "QToolButton[kind=\"H\"] { background: #dbe9f7; border: 1px solid #6a8fb5; color: #0d47a1; }"
    "QToolButton[kind=\"H\"]:checked { background: #1565c0; border: 2px solid #0d47a1; color: white; }"
    "QToolButton[kind=\"A\"] { background: #fde7cf; border: 1px solid #c77c2b; color: #8a3c00; }"
    "QToolButton[kind=\"A\"]:checked { background: #e65100; border: 2px solid #8a3c00; color: white; }";

const char* const kEndStyle = "QLabel { background: #eeeeee; border: 1px solid #9e9e9e; border-radius: 3px; padding: 0 6px; }";

constexpr int kBlockWidth = 26;
constexpr int kBlockHeight = 30;
constexpr int kStripMargin = 2;

} // namespace

LayerPatternEditor::LayerPatternEditor(QWidget* parent) : QWidget(parent)
{
    auto* strip = new QWidget;
    strip->setObjectName("layerStrip");
    strip->setStyleSheet(QLatin1String(kBlockStyle));
    blocksLayout_ = new QHBoxLayout(strip);
    blocksLayout_->setContentsMargins(kStripMargin, kStripMargin, kStripMargin, kStripMargin);
    blocksLayout_->setSpacing(3);
    blockGroup_ = new QButtonGroup(this);
    blockGroup_->setExclusive(true);
    connect(blockGroup_, &QButtonGroup::idClicked, this, [this](int index) {
        selected_ = index;
        updateControls();
    });
    auto* scroll = new QScrollArea;
    scroll->setWidget(strip);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A row of boxes and, when it is longer than the panel is wide, a scroll bar below it.
    scroll->setFixedHeight(kBlockHeight + 2 * kStripMargin + scroll->horizontalScrollBar()->sizeHint().height());

    auto makeButton = [this](const char* name, const QString& text, const QString& toolTip) {
        auto* button = new QPushButton(text);
        button->setObjectName(QLatin1String(name));
        button->setToolTip(toolTip);
        return button;
    };
    addHybridButton_ = makeButton("addHybridButton", tr("+ Hybrid"), tr("Adds a hybrid block after the selected one."));
    addAttentionButton_ =
        makeButton("addAttentionButton", tr("+ Attention"), tr("Adds an attention block after the selected one."));
    switchButton_ = makeButton("switchKindButton", tr("Switch kind"),
                               tr("Makes the selected block an attention block if it is hybrid, and hybrid if it is "
                                  "attention."));
    removeButton_ = makeButton("removeBlockButton", tr("Remove"), tr("Removes the selected block."));
    earlierButton_ = makeButton("moveEarlierButton", tr("◀ Earlier"), tr("Moves the selected block one place earlier."));
    laterButton_ = makeButton("moveLaterButton", tr("Later ▶"), tr("Moves the selected block one place later."));
    referenceButton_ = makeButton("referenceOrderButton", tr("Reference order"),
                                  tr("The same blocks in the reference's order: every hybrid block first, then the "
                                     "attention blocks."));
    connect(addHybridButton_, &QPushButton::clicked, this, [this] { insertBlock(kHybrid); });
    connect(addAttentionButton_, &QPushButton::clicked, this, [this] { insertBlock(kAttention); });
    connect(switchButton_, &QPushButton::clicked, this, &LayerPatternEditor::switchKind);
    connect(removeButton_, &QPushButton::clicked, this, &LayerPatternEditor::removeBlock);
    connect(earlierButton_, &QPushButton::clicked, this, [this] { moveBlock(-1); });
    connect(laterButton_, &QPushButton::clicked, this, [this] { moveBlock(1); });
    connect(referenceButton_, &QPushButton::clicked, this, [this] {
        const auto hybrid = static_cast<int64_t>(order_.count(kHybrid));
        const auto attention = static_cast<int64_t>(order_.count(kAttention));
        edit(QString::fromStdString(i3::reference_layer_order(hybrid, attention)), -1);
    });

    patternEdit_ = new QLineEdit;
    patternEdit_->setObjectName("layerPatternEdit");
    patternEdit_->setToolTip(tr("The blocks in order, one letter each: H a hybrid block, A an attention block."));
    patternEdit_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[HAha]*")), patternEdit_));
    connect(patternEdit_, &QLineEdit::textEdited, this, [this](const QString& text) {
        const int cursor = patternEdit_->cursorPosition();
        edit(text.toUpper(), -1);
        patternEdit_->setCursorPosition(cursor);
    });

    auto* controls = new QHBoxLayout;
    for (QPushButton* button : {addHybridButton_, addAttentionButton_, switchButton_, removeButton_, earlierButton_,
                                laterButton_, referenceButton_})
        controls->addWidget(button);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Pattern:")));
    controls->addWidget(patternEdit_, 1);

    orderLabel_ = new QLabel;
    orderLabel_->setObjectName("layerOrderLabel");
    orderLabel_->setWordWrap(true);
    costLabel_ = new QLabel;
    costLabel_->setObjectName("blockCostLabel");
    costLabel_->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    layout->addLayout(controls);
    layout->addWidget(orderLabel_);
    layout->addWidget(costLabel_);
    display(QString::fromStdString(shape_.layer_order()), -1);
}

void LayerPatternEditor::setOrder(const QString& order) { display(order, selected_ < order.size() ? selected_ : -1); }

void LayerPatternEditor::setCounts(int hybrid, int attention)
{
    QString order = order_;
    for (const auto& [kind, wanted] : {std::pair{kHybrid, hybrid}, std::pair{kAttention, attention}}) {
        while (order.count(kind) > wanted)
            order.remove(order.lastIndexOf(kind), 1);
        while (order.count(kind) < wanted) {
            const qsizetype last = order.lastIndexOf(kind);
            const qsizetype at = last >= 0 ? last + 1 : (kind == kHybrid ? 0 : order.size());
            order.insert(at, kind);
        }
    }
    setOrder(order);
}

void LayerPatternEditor::setShape(const i3::ModelConfig& shape)
{
    shape_ = shape;
    for (int i = 0; i < static_cast<int>(blockButtons_.size()); ++i)
        blockButtons_[static_cast<size_t>(i)]->setToolTip(blockToolTip(i));
    updateSummary();
}

void LayerPatternEditor::selectBlock(int index)
{
    selected_ = index >= 0 && index < order_.size() ? index : -1;
    // An exclusive group keeps one button checked: none selected needs it lifted for a moment.
    blockGroup_->setExclusive(false);
    for (int i = 0; i < static_cast<int>(blockButtons_.size()); ++i)
        blockButtons_[static_cast<size_t>(i)]->setChecked(i == selected_);
    blockGroup_->setExclusive(true);
    updateControls();
}

void LayerPatternEditor::edit(const QString& order, int selected)
{
    display(order, selected);
    Q_EMIT orderEdited();
}

void LayerPatternEditor::display(const QString& order, int selected)
{
    const bool sameBlocks = order == order_;
    order_ = order;
    if (!sameBlocks)
        rebuildBlocks();
    if (patternEdit_->text() != order_)
        patternEdit_->setText(order_);
    selectBlock(selected);
    updateSummary();
}

void LayerPatternEditor::rebuildBlocks()
{
    // Every box goes, the embedding's and the head's too, and the row is laid out again.
    while (QLayoutItem* item = blocksLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    blockButtons_.clear();
    auto endBox = [](const QString& text, const QString& toolTip) {
        auto* label = new QLabel(text);
        label->setStyleSheet(QLatin1String(kEndStyle));
        label->setFixedHeight(kBlockHeight);
        label->setToolTip(toolTip);
        label->setAlignment(Qt::AlignCenter);
        return label;
    };
    blocksLayout_->addWidget(endBox(tr("Embedding"), tr("The token and position embeddings (embed, pos_embed).")));
    for (int i = 0; i < order_.size(); ++i) {
        auto* button = new QToolButton;
        button->setObjectName(QStringLiteral("layerBlock%1").arg(i));
        button->setCheckable(true);
        button->setText(order_.at(i));
        button->setProperty("kind", QString(order_.at(i)));
        button->setFixedSize(kBlockWidth, kBlockHeight);
        button->setToolTip(blockToolTip(i));
        blockGroup_->addButton(button, i);
        blocksLayout_->addWidget(button);
        blockButtons_.push_back(button);
    }
    blocksLayout_->addWidget(endBox(tr("Head"), tr("The final norm and the head that gives the logits (ln_f, head).")));
    blocksLayout_->addStretch();
}

void LayerPatternEditor::updateControls()
{
    const bool chosen = selected_ >= 0;
    switchButton_->setEnabled(chosen);
    removeButton_->setEnabled(chosen);
    earlierButton_->setEnabled(chosen && selected_ > 0);
    laterButton_->setEnabled(chosen && selected_ + 1 < order_.size());
    const auto hybrid = static_cast<int64_t>(order_.count(kHybrid));
    const auto attention = static_cast<int64_t>(order_.count(kAttention));
    referenceButton_->setEnabled(order_ != QString::fromStdString(i3::reference_layer_order(hybrid, attention)));
}

void LayerPatternEditor::updateSummary()
{
    const int hybrid = static_cast<int>(order_.count(kHybrid));
    const int attention = static_cast<int>(order_.count(kAttention));
    const QString counts =
        tr("%n block(s): %1 hybrid, %2 attention", "", static_cast<int>(order_.size())).arg(hybrid).arg(attention);
    const bool reference = order_ == QString::fromStdString(i3::reference_layer_order(hybrid, attention));
    orderLabel_->setText(reference ? tr("%1, in the reference's order.").arg(counts)
                                   : tr("%1, in an order of your own: config.json records it as layer_pattern, and the "
                                        "reference's scripts, which build the hybrid blocks first, cannot load the "
                                        "model.")
                                         .arg(counts));
    const QLocale locale;
    costLabel_->setText(
        tr("Each hybrid block: %1 parameters, %2 per token in training. Each attention block: %3 parameters, %4 per "
           "token (its part of the attention grows with the context).")
            .arg(locale.toString(shape_.block_parameter_count(i3::kHybridBlock)),
                 flopsText(i3::block_training_flops_per_token(shape_, i3::kHybridBlock)),
                 locale.toString(shape_.block_parameter_count(i3::kAttentionBlock)),
                 flopsText(i3::block_training_flops_per_token(shape_, i3::kAttentionBlock))));
    updateControls();
}

void LayerPatternEditor::insertBlock(QChar kind)
{
    const int at = selected_ >= 0 ? selected_ + 1 : static_cast<int>(order_.size());
    QString order = order_;
    order.insert(at, kind);
    edit(order, at);
}

void LayerPatternEditor::switchKind()
{
    QString order = order_;
    order[selected_] = order_.at(selected_) == kHybrid ? kAttention : kHybrid;
    edit(order, selected_);
}

void LayerPatternEditor::removeBlock()
{
    QString order = order_;
    order.remove(selected_, 1);
    edit(order, std::min(selected_, static_cast<int>(order.size()) - 1));
}

void LayerPatternEditor::moveBlock(int by)
{
    QString order = order_;
    const int to = selected_ + by;
    std::swap(order[selected_], order[to]);
    edit(order, to);
}

QString LayerPatternEditor::blockToolTip(int index) const
{
    const bool hybrid = order_.at(index) == kHybrid;
    const char kind = hybrid ? i3::kHybridBlock : i3::kAttentionBlock;
    const QString what = hybrid ? tr("hybrid block (RWKV-Mamba recurrence)") : tr("attention block (causal self-attention)");
    return tr("Block %1 of %2, layers.%3: %4\n%5 parameters, %6 per token in training")
        .arg(index + 1)
        .arg(order_.size())
        .arg(index)
        .arg(what, QLocale().toString(shape_.block_parameter_count(kind)),
             flopsText(i3::block_training_flops_per_token(shape_, kind)));
}
