// SPDX-License-Identifier: GPL-3.0-or-later
// Asks where and how to export the Training panel's plots: a folder, the pictures' width and
// height, and the format (PNG, or PDF as vector graphics).
#pragma once

#include "metric_plot.h"

#include <QDialog>
#include <QString>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

struct PlotExportChoice {
    QString folder;
    int width = 1200; // pixels; points for PDF
    int height = 750;
    PlotFormat format = PlotFormat::Png;
};

class PlotExportDialog : public QDialog {
    Q_OBJECT
public:
    PlotExportDialog(const PlotExportChoice& initial, QWidget* parent = nullptr);
    PlotExportChoice choice() const;

private:
    void chooseFolder();
    void updateOk();

    QLineEdit* folderEdit_ = nullptr;
    QSpinBox* widthSpin_ = nullptr;
    QSpinBox* heightSpin_ = nullptr;
    QComboBox* formatCombo_ = nullptr;
    QPushButton* okButton_ = nullptr;
};
