// SPDX-License-Identifier: GPL-3.0-or-later
// The layer-pattern editor: the model's blocks in order as a row of boxes (H hybrid, A attention)
// between the embedding and the head. A selected block can switch its kind, be removed or move;
// blocks of either kind are added after it; a pattern can be typed; "Reference order" puts the
// hybrid blocks first again. It shows what one block of each kind costs for the shape it is
// given: parameters and training FLOPs per token, from the engine's own counts.
#pragma once

#include "config/model_config.h"

#include <QString>
#include <QWidget>

#include <vector>

class QButtonGroup;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

class LayerPatternEditor : public QWidget {
    Q_OBJECT
public:
    explicit LayerPatternEditor(QWidget* parent = nullptr);

    // The blocks in order, as i3::ModelConfig::layer_order() spells them.
    QString order() const { return order_; }
    // Shows `order` (not reported as an edit); the selection stays where it was if it can.
    void setOrder(const QString& order);
    // The numbers of blocks, changed elsewhere (the layer spin boxes): blocks go from the end of
    // their kind, and new ones come after the last of their kind (hybrid blocks before the first
    // attention block when there is none yet), so that the reference's order stays the
    // reference's. Not reported as an edit.
    void setCounts(int hybrid, int attention);
    // The shape the blocks belong to, for what each costs.
    void setShape(const i3::ModelConfig& shape);

    // The selected block, -1 when none.
    int selectedBlock() const { return selected_; }
    void selectBlock(int index);

Q_SIGNALS:
    // The user changed the order.
    void orderEdited();

private:
    void edit(const QString& order, int selected);
    void display(const QString& order, int selected);
    void rebuildBlocks();
    void updateControls();
    void updateSummary();
    void insertBlock(QChar kind);
    void switchKind();
    void removeBlock();
    void moveBlock(int by);
    QString blockToolTip(int index) const;

    QString order_;
    int selected_ = -1;
    i3::ModelConfig shape_;

    QHBoxLayout* blocksLayout_ = nullptr;
    QButtonGroup* blockGroup_ = nullptr;
    std::vector<QToolButton*> blockButtons_;
    QPushButton* addHybridButton_ = nullptr;
    QPushButton* addAttentionButton_ = nullptr;
    QPushButton* switchButton_ = nullptr;
    QPushButton* removeButton_ = nullptr;
    QPushButton* earlierButton_ = nullptr;
    QPushButton* laterButton_ = nullptr;
    QPushButton* referenceButton_ = nullptr;
    QLineEdit* patternEdit_ = nullptr;
    QLabel* orderLabel_ = nullptr;
    QLabel* costLabel_ = nullptr;
};
