// SPDX-License-Identifier: GPL-3.0-or-later
// i3-studio: the desktop studio. `--screenshot DIR` lays out every panel with real data and saves
// the pictures; `--language de|ro|en` overrides the system's language for one run.
#include "main_window.h"
#include "screenshot_tour.h"
#include "studio_language.h"
#include "studio_settings.h"

#include "base/openmp_wait.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

namespace {

// The desktop file's and the AppStream metadata's name: the window manager finds the icon by it.
const char* const kDesktopId = "io.github.i3studio.I3Studio";

struct StudioOptions {
    QCommandLineOption screenshot{"screenshot", "Save a picture of every panel, with real data, into DIR, then quit.",
                                  "DIR"};
    QCommandLineOption language{"language", "Use this language (de, ro, en) instead of the system's.", "CODE"};
    QCommandLineOption workspace{"workspace",
                                 "Create and list training runs in DIR for this session (default: $I3_WORKSPACE, "
                                 "else the folder chosen with File > Choose workspace, else 'i3 Studio runs' in the "
                                 "documents folder; the same as i3lm's).",
                                 "DIR"};
};

void describe(QCoreApplication& app)
{
    app.setApplicationName("i3-studio");
    app.setApplicationVersion(I3_VERSION);
}

void addOptions(QCommandLineParser& parser, const StudioOptions& options)
{
    parser.setApplicationDescription("Train, watch and play with i3 hybrid language models.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.screenshot, options.language, options.workspace});
}

// --help and --version, answered before any window exists, so that they work without a display
// (a man page's generator, a terminal over ssh). Any other arguments wait for QApplication, which
// first takes out its own (-platform, -style...), and mistakes are reported then.
std::optional<int> answerWithoutDisplay(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    describe(app);
    QCommandLineParser parser;
    const StudioOptions options;
    addOptions(parser, options);
    if (!parser.parse(app.arguments()))
        return std::nullopt;
    if (parser.isSet("help")) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet("version")) {
        std::printf("%s %s\n", qPrintable(app.applicationName()), qPrintable(app.applicationVersion()));
        return 0;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char* argv[])
{
    i3::wait_passively_in_openmp(argv);
    if (const auto status = answerWithoutDisplay(argc, argv))
        return *status;

    QApplication app(argc, argv);
    describe(app);
    QApplication::setApplicationDisplayName("i3 Studio");
    QApplication::setDesktopFileName(kDesktopId);
    QApplication::setWindowIcon(QIcon(":/i3-studio.png"));

    QCommandLineParser parser;
    const StudioOptions options;
    addOptions(parser, options);
    parser.process(app);

    StudioLanguage language;
    language.use(parser.isSet(options.language) ? parser.value(options.language) : StudioSettings().language());

    const auto makeWindow = [&] {
        auto made = std::make_unique<MainWindow>();
        if (parser.isSet(options.workspace))
            made->setWorkspace(parser.value(options.workspace));
        return made;
    };
    std::unique_ptr<MainWindow> window = makeWindow();
    if (!parser.isSet(options.screenshot)) {
        // Another language from the Settings menu: the window is built again in it, showing the
        // same panel (its settings were saved; the old window goes once its signal has returned).
        std::function<void()> followLanguage = [&] {
            QObject::connect(window.get(), &MainWindow::languageChosen, &app, [&](const QString& code) {
                language.use(code);
                const MainWindow::Panel panel = window->currentPanel();
                std::unique_ptr<MainWindow> next = makeWindow();
                next->showPanel(panel);
                next->show();
                window.release()->deleteLater();
                window = std::move(next);
                followLanguage();
            });
        };
        followLanguage();
        window->show();
        return app.exec();
    }

    ScreenshotTour tour(window.get(), parser.value(options.screenshot));
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
