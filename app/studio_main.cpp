// SPDX-License-Identifier: GPL-3.0-or-later
// i3-studio: the desktop studio. `--screenshot DIR` lays out every panel with real data and saves
// the pictures; `--language de|ro|en` overrides the system's language for one run.
#include "main_window.h"
#include "screenshot_tour.h"
#include "studio_settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

// Our strings and Qt's own (dialog buttons and the like) in the chosen or the system language.
void installTranslations(QApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, "i3studio", "_", ":/i18n"))
        app.installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("i3-studio");
    QApplication::setApplicationDisplayName("i3 Studio");
    QApplication::setApplicationVersion(I3_VERSION);
    QApplication::setWindowIcon(QIcon(":/i3-studio.png"));

    QCommandLineParser parser;
    parser.setApplicationDescription("Train, watch and play with i3 hybrid language models.");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot("screenshot", "Save a picture of every panel, with real data, into DIR, then quit.",
                                        "DIR");
    const QCommandLineOption language("language", "Use this language (de, ro, en) instead of the system's.", "CODE");
    const QCommandLineOption workspace("workspace", "Use DIR as the workspace of training runs.", "DIR");
    parser.addOptions({screenshot, language, workspace});
    parser.process(app);

    installTranslations(app, parser.isSet(language) ? parser.value(language) : StudioSettings().language());

    MainWindow window;
    if (parser.isSet(workspace))
        window.setWorkspace(parser.value(workspace));
    if (!parser.isSet(screenshot)) {
        window.show();
        return app.exec();
    }

    ScreenshotTour tour(&window, parser.value(screenshot));
    int status = 0;
    QObject::connect(&tour, &ScreenshotTour::finished, &app, [&](bool ok, const QString& message) {
        if (!ok) {
            std::fprintf(stderr, "i3-studio: %s\n", qPrintable(message));
            status = 1;
        }
        app.exit(status);
    });
    tour.start();
    app.exec();
    return status;
}
