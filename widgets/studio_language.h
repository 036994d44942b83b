// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's language: our translations and Qt's own (dialog buttons and the like), and the
// default locale, so that numbers read "0,80" in German wherever the studio formats them with
// QLocale(). Switching replaces the installed translators; windows built afterwards speak the new
// language (MainWindow is rebuilt for that, see studio_main.cpp).
#pragma once

#include <QObject>
#include <QString>

class QTranslator;

class StudioLanguage : public QObject {
    Q_OBJECT
public:
    explicit StudioLanguage(QObject* parent = nullptr);

    // A locale name such as "de" or "ro"; empty: the system's.
    void use(const QString& language);

private:
    QTranslator* ours_ = nullptr;
    QTranslator* qt_ = nullptr;
};
