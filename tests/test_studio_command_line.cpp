// SPDX-License-Identifier: GPL-3.0-or-later
// i3-studio's command line: --help and --version answer without any display (no X, no Wayland,
// no Qt platform named), as a man page's generator or a terminal over ssh runs them, and the
// help names the options and the shared workspace.
#include "test_support.h"

#include <QtTest>

namespace {

// This process's environment without any way to reach a display.
QProcessEnvironment without_display()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"})
        environment.remove(name);
    return environment;
}

} // namespace

class TestStudioCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void helpWithoutDisplay()
    {
        const auto result = i3test::run_in(without_display(), i3test::studio(), {"--help"}, {}, 60000);
        QVERIFY2(!result.crashed, result.err.constData());
        QCOMPARE(result.exit_code, 0);
        for (const char* part : {"Usage: ", "--screenshot <DIR>", "--language <CODE>", "--workspace <DIR>", "I3_WORKSPACE",
                                 "--version"})
            QVERIFY2(result.out.contains(part), part);
        QCOMPARE(i3test::run_in(without_display(), i3test::studio(), {"-h"}, {}, 60000).out, result.out);
    }

    void versionWithoutDisplay()
    {
        const auto result = i3test::run_in(without_display(), i3test::studio(), {"--version"}, {}, 60000);
        QCOMPARE(result.exit_code, 0);
        QCOMPARE(result.out, QByteArray("i3-studio " I3_VERSION "\n"));
    }

    // A mistake is reported (with a display to reach: here the offscreen one) and nothing opens.
    void unknownOptionIsRefused()
    {
        QProcessEnvironment environment = without_display();
        environment.insert("QT_QPA_PLATFORM", "offscreen");
        const auto result = i3test::run_in(environment, i3test::studio(), {"--frobnicate"}, {}, 60000);
        QCOMPARE(result.exit_code, 1);
        QVERIFY2(result.err.contains("frobnicate"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestStudioCommandLine)
#include "test_studio_command_line.moc"
