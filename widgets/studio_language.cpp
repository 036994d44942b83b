// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

StudioLanguage::StudioLanguage(QObject* parent) : QObject(parent) {}

void StudioLanguage::use(const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    for (QTranslator* old : {ours_, qt_})
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    ours_ = new QTranslator(this);
    // A language without a translation shows the English of the sources, with English's plurals.
    if (ours_->load(locale, "i3studio", "_", ":/i18n") || ours_->load(":/i18n/i3studio_en.qm")) {
        QCoreApplication::installTranslator(ours_);
    } else {
        delete ours_;
        ours_ = nullptr;
    }
    qt_ = new QTranslator(this);
    if (!qt_->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qt_;
        qt_ = nullptr;
    } else {
        QCoreApplication::installTranslator(qt_);
    }
    QLocale::setDefault(locale);
}
