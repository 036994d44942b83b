// SPDX-License-Identifier: GPL-3.0-or-later
// The model map's picture: the model's blocks top to bottom in the order a token goes through
// them, each a box with its parameters and training FLOPs per token (and their shares of the
// model's) in columns under a header, and a bar for how fast its weights move: the update-to-weight ratio of its latest
// recorded step, on a log scale. A click selects a block.
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

struct BlockBox {
    enum class Kind { Embedding, Hybrid, Attention, Head };
    Kind kind = Kind::Embedding;
    QString name;            // "hybrid 3", as shown
    qint64 parameters = 0;
    double parameterShare = 0; // of the model's, 0..1
    double flopsPerToken = 0;
    double flopsShare = 0;     // 0..1
    double updateRatio = -1;   // update / weight at the shown step; negative or NaN: not recorded
};

class BlockMap : public QWidget {
    Q_OBJECT
public:
    explicit BlockMap(QWidget* parent = nullptr);

    void setBlocks(const std::vector<BlockBox>& blocks);
    // Only the ratios change as records arrive; the boxes stay.
    void setUpdateRatios(const std::vector<double>& ratios);
    const std::vector<BlockBox>& blocks() const { return blocks_; }
    void setSelected(int index);
    int selected() const { return selected_; }

    // Where box `index` is drawn, and the texts in it, left to right (for tests and read-outs).
    QRect boxRect(int index) const;
    QStringList boxTexts(int index) const;
    // The bar's length for a ratio, 0..1: log10 from 1e-6 (empty) to 1e-1 (full).
    static double barFraction(double ratio);
    // 3,150,336 as "3.15 M", 18,900,000 as "18.9 M": three significant digits and a unit.
    static QString compact(double value);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void blockClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    int rowHeight() const;
    QStringList headers() const;
    std::vector<int> columnWidths() const;
    int barMinimum() const;
    int boxAt(const QPoint& point) const;
    static QColor kindColor(BlockBox::Kind kind);
    static QColor ratioColor(double ratio);

    std::vector<BlockBox> blocks_;
    int selected_ = -1;
};
