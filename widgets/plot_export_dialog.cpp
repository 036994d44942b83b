// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot_export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

// From a thumbnail to a poster.
constexpr int kSmallestSide = 100;
constexpr int kLargestSide = 10000;

QSpinBox* makeSideSpin(const char* objectName, int value)
{
    auto* spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(kSmallestSide, kLargestSide);
    spin->setValue(value);
    spin->setGroupSeparatorShown(true);
    return spin;
}

} // namespace

PlotExportDialog::PlotExportDialog(const PlotExportChoice& initial, QWidget* parent) : QDialog(parent)
{
    setObjectName("plotExportDialog");
    setWindowTitle(tr("Export the plots"));

    folderEdit_ = new QLineEdit(QDir::toNativeSeparators(initial.folder));
    folderEdit_->setObjectName("exportFolderEdit");
    folderEdit_->setMinimumWidth(320);
    connect(folderEdit_, &QLineEdit::textChanged, this, &PlotExportDialog::updateOk);
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, &PlotExportDialog::chooseFolder);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folderEdit_, 1);
    folderRow->addWidget(browse);

    widthSpin_ = makeSideSpin("exportWidthSpin", initial.width);
    heightSpin_ = makeSideSpin("exportHeightSpin", initial.height);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(widthSpin_);
    sizeRow->addWidget(new QLabel(tr("×")));
    sizeRow->addWidget(heightSpin_);
    sizeRow->addStretch(1);

    formatCombo_ = new QComboBox;
    formatCombo_->setObjectName("exportFormatCombo");
    formatCombo_->addItem(tr("PNG image (pixels)"), int(PlotFormat::Png));
    formatCombo_->addItem(tr("PDF, vector graphics (points)"), int(PlotFormat::Pdf));
    formatCombo_->setCurrentIndex(formatCombo_->findData(int(initial.format)));

    auto* form = new QFormLayout;
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("Size:"), sizeRow);
    form->addRow(tr("Format:"), formatCombo_);
    auto* note = new QLabel(tr("Each plot goes into its own file: loss, perplexity, learning-rate, gradient-norm, "
                               "tokens-per-second and device; files of the same name are replaced."));
    note->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    okButton_ = buttons->button(QDialogButtonBox::Ok);
    okButton_->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    updateOk();
}

PlotExportChoice PlotExportDialog::choice() const
{
    PlotExportChoice choice;
    choice.folder = QDir::fromNativeSeparators(folderEdit_->text().trimmed());
    choice.width = widthSpin_->value();
    choice.height = heightSpin_->value();
    choice.format = static_cast<PlotFormat>(formatCombo_->currentData().toInt());
    return choice;
}

void PlotExportDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the plots"), choice().folder);
    if (!folder.isEmpty())
        folderEdit_->setText(QDir::toNativeSeparators(folder));
}

void PlotExportDialog::updateOk() { okButton_->setEnabled(!folderEdit_->text().trimmed().isEmpty()); }
