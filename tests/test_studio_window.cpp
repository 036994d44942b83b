// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's main window as a user drives it: an invalid hyperparameter disables Train and says
// why; Train with the tiny preset on the built-in corpus runs a real training whose points reach
// the loss plot; the run browser lists the run; the playground generates from its checkpoint;
// the German and Romanian translations are complete and take effect; a Hub dataset and a Hub
// model to fine-tune, chosen in the panels, make the run the command line's --data hf: and
// --init-from would.
#include "data/builtin_corpus.h"
#include "text/chunk_tokenizer.h"
#include "data/data_source.h"
#include "model/model_artifacts.h"

#include "data_job.h"
#include "data_panel.h"
#include "engine_job.h"
#include "main_window.h"
#include "runs/run_folder.h"
#include "training/trainer.h"
#include "metric_plot.h"
#include "model_panel.h"
#include "playground_panel.h"
#include "run_browser.h"
#include "studio_language.h"
#include "studio_settings.h"
#include "training_panel.h"

#include "hub_stand_in.h"
#include "test_support.h"

#include <QtTest>
#include <QtWidgets>

namespace {

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* found = parent->findChild<T*>(name);
    if (!found)
        qFatal("no widget named %s", name);
    return found;
}

// The source texts of one .ts file with their translations (empty when missing or unfinished).
QMap<QString, QString> translations(const QString& file)
{
    QFile ts(file);
    if (!ts.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    QMap<QString, QString> entries;
    QXmlStreamReader xml(&ts);
    QString context, source, translation;
    bool unfinished = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == u"source")
            source = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == u"translation") {
            const auto type = xml.attributes().value("type");
            unfinished = type == u"unfinished" || type == u"vanished" || type == u"obsolete";
            translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (xml.isEndElement() && xml.name() == u"message") {
            entries.insert(context + "|" + source, unfinished ? QString() : translation);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(file), qPrintable(xml.errorString()));
    return entries;
}

// Forgets what earlier windows of the test saved on closing (QSettings' test-mode file), so the
// next window starts as on a first start.
void forgetStudioSettings() { QSettings(QSettings::IniFormat, QSettings::UserScope, "i3-studio", "i3-studio").clear(); }

// Sets an environment variable (or unsets it, for an empty value) until the end of the scope.
class ScopedVariable {
public:
    ScopedVariable(const char* name, const QByteArray& value)
        : name_(name), had_(qEnvironmentVariableIsSet(name)), old_(qgetenv(name))
    {
        value.isEmpty() ? qunsetenv(name) : qputenv(name, value);
    }
    ~ScopedVariable() { had_ ? qputenv(name_, old_) : qunsetenv(name_); }

private:
    const char* name_;
    bool had_;
    QByteArray old_;
};

} // namespace

class TestStudioWindow : public QObject {
    Q_OBJECT

    static QString runStatus(const QString& run)
    {
        return QJsonDocument::fromJson(i3test::read_file(run + "/run.json")).object().value("status").toString();
    }

    // Trains the tiny preset for `steps`, closes the window once steps are logged, and answers
    // the question with the button `answer`; returns the run folder once the window has closed.
    static QString startRunAndClose(const QString& workspace, const char* answer, qint64 steps)
    {
        // Closing saves the settings: the next test's window must not start from this one's.
        const auto forget = qScopeGuard(forgetStudioSettings);
        MainWindow window;
        window.setWorkspace(workspace);
        DataChoice data;
        data.maxTexts = 300;
        window.dataPanel()->setChoice(data);
        window.modelPanel()->selectPreset("tiny");
        auto training = window.modelPanel()->trainConfig();
        training.steps = steps;
        training.log_every = 1;
        training.eval_every = 1000;
        training.checkpoint_every = 1000;
        training.sample_tokens = 4;
        window.modelPanel()->setTrainConfig(training);
        window.show();
        window.startTraining();
        if (!QTest::qWaitFor([&] { return window.trainingPanel()->currentStep() > 0; }, 120000))
            return {};
        const QString run = window.trainingPanel()->currentRunFolder();
        bool asked = false;
        QTimer::singleShot(0, &window, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            asked = box && box->objectName() == "closeWhileTrainingBox";
            if (box)
                box->findChild<QPushButton*>(answer)->click();
        });
        if (window.close()) // the window waits for the checkpoint
            return {};
        if (!asked || !window.isVisible())
            return {};
        if (!QTest::qWaitFor([&] { return !window.isVisible(); }, 120000))
            return {};
        return window.trainingPanel()->isTraining() ? QString() : run;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Train with a stopped run open asks whether to resume it; Resume continues it to its end; a
    // fork from its checkpoint trains with the Model panel's settings and says where it came from.
    void resumeAndForkAStoppedRun()
    {
        QTemporaryDir workspace;
        const QString stopped = QDir(workspace.path()).filePath("stopped");
        {
            i3::TrainConfig config;
            config.steps = 20;
            config.batch_size = 4;
            config.log_every = 1;
            config.eval_every = 10;
            config.checkpoint_every = 10;
            config.eval_windows = 2;
            config.sample_tokens = 0;
            DataChoice data;
            data.maxTexts = 300;
            const std::vector<std::string> texts = i3::read_data_texts(data.toSpec());
            const i3::ModelConfig model = i3::ModelConfig::preset("tiny");
            i3::Trainer trainer(stopped.toStdString(), model, config,
                                i3::prepare_training_data(texts, i3::ChunkTokenizer::build(texts), {"test"}, config,
                                                          model.max_seq_len));
            i3::CancelToken cancel;
            trainer.run([&](const i3::TrainEvent& event) {
                if (event.kind == i3::TrainEvent::Kind::Checkpoint)
                    cancel.cancel(); // stopped after step 10
            }, &cancel);
        }
        QCOMPARE(i3::RunFolder(stopped.toStdString()).read_info().status, i3::RunStatus::Stopped);

        MainWindow window;
        window.setWorkspace(workspace.path());
        window.modelPanel()->selectPreset("tiny");
        window.show();
        window.trainingPanel()->showRun(stopped);
        auto* resume = window.findChild<QAction*>("resumeRunAction");
        QVERIFY(resume);
        QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled(), 10000);
        QCOMPARE(window.resumableRun(), stopped);

        // Train asks; the answer here is "Resume it".
        bool asked = false;
        std::function<void()> answer = [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != "trainChoice") {
                QTimer::singleShot(20, answer);
                return;
            }
            asked = true;
            box->findChild<QPushButton*>("resumeChoice")->click();
        };
        QTimer::singleShot(0, answer);
        window.startTraining();
        QVERIFY(asked);
        QVERIFY(window.trainingPanel()->isTraining());
        QCOMPARE(window.trainingPanel()->currentRunFolder(), stopped);
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingPanel()->isTraining(), 300000);
        const i3::RunInfo resumed = i3::RunFolder(stopped.toStdString()).read_info();
        QCOMPARE(resumed.status, i3::RunStatus::Finished);
        QCOMPARE(resumed.completed_steps, int64_t(20));
        QVERIFY(!resume->isEnabled());

        auto training = window.modelPanel()->trainConfig();
        training.steps = 4;
        training.lr = 5e-4;
        training.eval_every = 2;
        training.checkpoint_every = 2;
        training.sample_tokens = 0;
        training.device = "cpu";
        window.modelPanel()->setTrainConfig(training);
        const QString checkpoint = QString::fromStdString(i3::RunFolder(stopped.toStdString()).checkpoint_dir(10).string());
        window.forkRun(stopped, checkpoint);
        QTRY_VERIFY_WITH_TIMEOUT(window.trainingPanel()->isTraining(), 5000);
        const QString fork = window.trainingPanel()->currentRunFolder();
        QVERIFY(fork != stopped);
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingPanel()->isTraining(), 300000);
        const i3::RunInfo forked = i3::RunFolder(fork.toStdString()).read_info();
        QCOMPARE(forked.status, i3::RunStatus::Finished);
        QVERIFY(forked.forked_from);
        QCOMPARE(forked.forked_from->step, int64_t(10));
        QCOMPARE(forked.training.lr, 5e-4);
    }

    void invalidHyperparameterDisablesTrain()
    {
        MainWindow window;
        window.modelPanel()->selectPreset("tiny");
        auto* train = child<QPushButton>(window.trainingPanel(), "trainButton");
        QVERIFY(train->isEnabled());
        auto* width = child<QSpinBox>(window.modelPanel(), "dModelSpin");
        width->clear();
        QTest::keyClicks(width, "30"); // not divisible by the preset's 4 heads
        QTest::keyClick(width, Qt::Key_Tab);
        QVERIFY(!train->isEnabled());
        const QString problems = child<QLabel>(window.modelPanel(), "problemsLabel")->text();
        QVERIFY2(problems.contains("head"), qPrintable(problems));
        width->clear();
        QTest::keyClicks(width, "64");
        QTest::keyClick(width, Qt::Key_Tab);
        QVERIFY(train->isEnabled());
    }

    void trainBrowseAndPlay()
    {
        QTemporaryDir workspace;
        MainWindow window;
        window.setWorkspace(workspace.path());
        window.resize(1280, 800);
        window.show();

        DataChoice data;
        data.maxTexts = 300;
        window.dataPanel()->setChoice(data);
        window.modelPanel()->selectPreset("tiny");
        auto training = window.modelPanel()->trainConfig();
        training.steps = 30;
        training.log_every = 2;
        training.eval_every = 15;
        training.checkpoint_every = 15;
        training.sample_tokens = 8;
        training.device = "cpu";
        window.modelPanel()->setTrainConfig(training);

        QTest::mouseClick(child<QPushButton>(window.trainingPanel(), "trainButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.trainingPanel()->isTraining(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.trainingPanel()->lossPlot()->pointCount("train") > 0 ||
                                     window.trainingPanel()->currentStep() > 0,
                                 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingPanel()->isTraining(), 300000);
        const QString run = window.trainingPanel()->currentRunFolder();
        QVERIFY(run.startsWith(workspace.path()));
        QVERIFY(QFileInfo::exists(run + "/i3-model-artifacts/model.safetensors"));
        QCOMPARE(window.trainingPanel()->currentStep(), qint64(30));

        window.runBrowser()->refresh();
        auto* table = child<QTableView>(window.runBrowser(), "runTable");
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 10000);

        // "Load run…" opens in the workspace, or in the run selected in the browser.
        auto* playground = window.playgroundPanel();
        QCOMPARE(playground->runDialogFolder(), window.workspace());
        QCOMPARE(window.runBrowser()->selectRuns({run}), 1);
        QCOMPARE(QFileInfo(playground->runDialogFolder()).canonicalFilePath(), QFileInfo(run).canonicalFilePath());
        window.runBrowser()->selectRuns({});
        QCOMPARE(playground->runDialogFolder(), window.workspace());

        // One set of export actions, in the File menu and behind the Training panel's Export button.
        QMenu* fileMenu = window.menuBar()->actions().first()->menu();
        auto* exportButton = child<QToolButton>(window.trainingPanel(), "exportButton");
        for (QAction* action : window.trainingPanel()->exportActions()) {
            QVERIFY(fileMenu->actions().contains(action));
            QVERIFY(exportButton->menu()->actions().contains(action));
        }
        QCOMPARE(window.trainingPanel()->exportActions().size(), 3);

        playground->loadRunCheckpoint(run);
        QTRY_VERIFY_WITH_TIMEOUT(playground->hasModel(), 60000);
        QCOMPARE(playground->loadedCheckpointStep(), qint64(30));
        playground->setPrompt("once upon a time");
        playground->setSeed(3);
        playground->setLength(12);
        QTest::mouseClick(child<QPushButton>(playground, "generateButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!playground->isGenerating() && !playground->generatedText().isEmpty(), 60000);
        QVERIFY(!child<QLabel>(&window, "jobLabel")->text().isEmpty());
    }

    // Shown with fresh settings, the window analyses the built-in corpus by itself: the Model
    // panel counts with its real vocabulary (that of a tokenizer built here from the same texts),
    // and never with a preset's assumed one.
    void theBuiltinCorpusIsAnalysedOnStart()
    {
        forgetStudioSettings();
        MainWindow window;
        auto* vocabulary = child<QLabel>(window.modelPanel(), "vocabularyLabel");
        QStringList shown;
        connect(window.modelPanel(), &ModelPanel::configurationChanged, &window,
                [&] { shown << vocabulary->text(); });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.dataPanel()->lastSummary().has_value(), 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.dataPanel()->isAnalysing(), 10000);

        const qint64 expected = i3::ChunkTokenizer::build(i3::builtin_corpus_texts()).vocab_size();
        QCOMPARE(window.modelPanel()->vocabularySize(), expected);
        i3::ModelConfig model = window.modelPanel()->modelConfig();
        QCOMPARE(model.vocab_size, int64_t(expected));
        const QString parameters = child<QLabel>(window.modelPanel(), "parameterLabel")->text();
        QVERIFY2(parameters.contains(QLocale().toString(qint64(model.parameter_count()))), qPrintable(parameters));
        QVERIFY2(vocabulary->text().contains(QLocale().toString(expected)), qPrintable(vocabulary->text()));
        shown << vocabulary->text();
        for (const QString& text : shown)
            QVERIFY2(!text.contains("assumed"), qPrintable(text));
    }

    // A run that fails says so in the status bar ("failed", not "done"); its error goes once the
    // inputs it came from change, and so does the Data panel's.
    void aFailureIsReportedAndItsErrorClearedWhenTheInputsChange()
    {
        QTemporaryDir workspace;
        MainWindow window;
        window.setWorkspace(workspace.path());
        DataChoice data;
        data.builtinCorpus = false;
        data.files = {workspace.filePath("missing.txt")};
        window.dataPanel()->setChoice(data);
        window.modelPanel()->selectPreset("tiny");
        window.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingPanel()->isTraining(), 60000);
        auto* error = child<QLabel>(window.trainingPanel(), "errorLabel");
        QVERIFY(error->isVisibleTo(window.trainingPanel()));
        QCOMPARE(child<QLabel>(&window, "jobLabel")->text(), QStringLiteral("Training: failed"));

        data.files.clear();
        window.dataPanel()->setChoice(data); // nothing chosen
        QVERIFY(!error->isVisibleTo(window.trainingPanel()));
        auto* dataError = child<QLabel>(window.dataPanel(), "errorLabel");
        window.dataPanel()->analyse();
        QVERIFY(dataError->isVisibleTo(window.dataPanel()));
        child<QCheckBox>(window.dataPanel(), "builtinCheck")->setChecked(true);
        QVERIFY(!dataError->isVisibleTo(window.dataPanel()));
    }

    // The window opens no larger than the screen's free area, its status bar on screen; at the
    // 1280 x 800 it is made for, every panel fits without scrolling sideways, in English, German
    // and Romanian (the longest labels).
    void theWindowFitsTheScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QString();
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("ro") << QStringLiteral("ro");
    }

    void theWindowFitsTheScreen()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral(I3_QM_DIR "/i3studio_%1.qm").arg(language)));
            QCoreApplication::installTranslator(&translator);
        }
        const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        forgetStudioSettings();
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect available = window.screen()->availableGeometry();
        QVERIFY2(available.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("%1 x %2 on %3 x %4")
                                .arg(window.frameGeometry().width()).arg(window.frameGeometry().height())
                                .arg(available.width()).arg(available.height())));
        QVERIFY(window.statusBar()->isVisible());
        QVERIFY(window.rect().contains(window.statusBar()->geometry()));

        window.setWindowState(Qt::WindowNoState);
        window.resize(1280, 768); // 1280 x 800 less a title bar
        QCoreApplication::processEvents();
        QVERIFY2(window.width() == 1280, qPrintable(QStringLiteral("the window needs %1 px: runs %2, panels %3")
                                                        .arg(window.minimumSizeHint().width())
                                                        .arg(child<QDockWidget>(&window, "runsDock")->minimumSizeHint().width())
                                                        .arg(window.centralWidget()->minimumSizeHint().width())));
        // The Training panel's status line as long as it gets: a long run, paused, in a deep folder.
        const QLocale locale;
        child<QLabel>(window.trainingPanel(), "stepLabel")->setText(QCoreApplication::translate("TrainingPanel", "Step %1 / %2").arg(locale.toString(123456), locale.toString(123456)));
        auto* state = child<QLabel>(window.trainingPanel(), "stateLabel");
        state->setText(QCoreApplication::translate("TrainingPanel", "Stopping…"));
        state->setVisible(true);
        child<QLabel>(window.trainingPanel(), "etaLabel")->setText(QCoreApplication::translate("TrainingPanel", "ETA %1").arg("12:34:56"));
        child<QLabel>(window.trainingPanel(), "speedLabel")->setText(QCoreApplication::translate("TrainingPanel", "%1 tokens/s").arg(locale.toString(123456)));
        child<QLabel>(window.trainingPanel(), "checkpointLabel")->setText(QCoreApplication::translate("TrainingPanel", "Checkpoint: step %1").arg(locale.toString(123456)));
        auto* folder = child<QLabel>(window.trainingPanel(), "runLabel");
        folder->setText(QCoreApplication::translate("TrainingPanel", "Run folder: %1").arg(QString(200, QLatin1Char('x'))));
        folder->setVisible(true);
        for (const MainWindow::Panel panel : {MainWindow::Panel::Data, MainWindow::Panel::Model,
                                             MainWindow::Panel::Training, MainWindow::Panel::Probe,
                                             MainWindow::Panel::Playground, MainWindow::Panel::ModelMap,
                                             MainWindow::Panel::Workbench}) {
            window.showPanel(panel);
            QCoreApplication::processEvents();
            auto* tabs = child<QTabWidget>(&window, "panelTabs");
            QWidget* current = tabs->currentWidget();
            QVERIFY2(window.width() == 1280, qPrintable(QStringLiteral("%1 widens the window to %2 px")
                                                            .arg(tabs->tabText(tabs->currentIndex()))
                                                            .arg(window.width())));
            QVERIFY2(current->minimumSizeHint().width() <= current->width(),
                     qPrintable(QStringLiteral("%1 needs %2 px, has %3")
                                    .arg(tabs->tabText(tabs->currentIndex()))
                                    .arg(current->minimumSizeHint().width())
                                    .arg(current->width())));
            for (auto* scroll : current->findChildren<QScrollArea*>())
                QVERIFY2(!scroll->horizontalScrollBar()->isVisible(),
                         qPrintable(QStringLiteral("%1: %2 px in %3")
                                        .arg(tabs->tabText(tabs->currentIndex()))
                                        .arg(scroll->widget()->minimumSizeHint().width())
                                        .arg(scroll->viewport()->width())));
        }
    }

    // Closing while a run trains asks first. "Keep training in the background" stops the run at a
    // checkpoint, closes the window, and i3lm continues the run to its end without it.
    void closingWhileTrainingCanKeepTrainingInTheBackground()
    {
        QTemporaryDir workspace;
        // The studio's own i3lm is found beside it; here the built one, through PATH.
        const ScopedVariable path("PATH", (QFileInfo(i3test::cli()).absolutePath() + ":" + qgetenv("PATH")).toUtf8());
        const QString run = startRunAndClose(workspace.path(), "keepTrainingButton", 60);
        QVERIFY(!run.isEmpty());
        // The detached trainer finishes the run: the studio that started it is gone.
        QTRY_VERIFY_WITH_TIMEOUT(runStatus(run) == "finished", 300000);
        QCOMPARE(QJsonDocument::fromJson(i3test::read_file(run + "/run.json")).object().value("completed_steps").toInt(), 60);
        QVERIFY(QFileInfo::exists(run + "/i3-model-artifacts/model.safetensors"));
        QVERIFY(i3test::read_file(run + "/background.log").contains("step 60/60"));
    }

    // "Stop training" leaves the run stopped at a checkpoint, to be resumed later.
    void closingWhileTrainingCanStopTheRun()
    {
        QTemporaryDir workspace;
        const QString run = startRunAndClose(workspace.path(), "stopTrainingButton", 100000);
        QVERIFY(!run.isEmpty());
        QCOMPARE(runStatus(run), QString("stopped"));
        QVERIFY(!QFileInfo::exists(run + "/background.log"));
    }

    // Analyse, then Train on the same data: the run takes the analysed tokenizer and tokens
    // instead of building and encoding again; after the data changes it prepares its own.
    void analysedDataIsReusedByTheNextRun()
    {
        QTemporaryDir workspace;
        MainWindow window;
        window.setWorkspace(workspace.path());
        DataChoice data;
        data.maxTexts = 200;
        window.dataPanel()->setChoice(data);
        window.dataPanel()->analyse();
        QTRY_VERIFY_WITH_TIMEOUT(!window.dataPanel()->isAnalysing(), 120000);
        QVERIFY(window.dataPanel()->lastSummary());
        const auto prepared = window.dataPanel()->lastSummary()->prepared;
        QVERIFY(prepared);

        window.modelPanel()->selectPreset("tiny");
        auto training = window.modelPanel()->trainConfig();
        training.steps = 2;
        training.eval_every = 2;
        training.checkpoint_every = 2;
        training.sample_tokens = 4;
        window.modelPanel()->setTrainConfig(training);

        // Trains once, recording the job's progress messages (all of them: the recorder is
        // connected before the job starts, and the messages arrive queued, in order).
        auto trainAndRecord = [&](QStringList& messages) {
            auto recording = connect(window.trainingPanel(), &TrainingPanel::jobStarted, &window, [&](EngineJob* job) {
                connect(job, &EngineJob::progress, &window,
                        [&messages](double, const QString& message) { messages << message; });
            });
            QTest::mouseClick(child<QPushButton>(window.trainingPanel(), "trainButton"), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!window.trainingPanel()->isTraining(), 300000);
            disconnect(recording);
        };
        const QString building = DataJob::phaseText(i3::PreparationPhase::BuildingTokenizer);
        const QString encoding = DataJob::phaseText(i3::PreparationPhase::Encoding);

        QStringList reused;
        trainAndRecord(reused);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(reused.contains(DataJob::phaseText(i3::PreparationPhase::CreatingFolder)), qPrintable(reused.join('|')));
        QVERIFY2(!reused.contains(building) && !reused.contains(encoding), qPrintable(reused.join('|')));
        const QString run = window.trainingPanel()->currentRunFolder();
        QVERIFY(QFileInfo::exists(run + "/i3-model-artifacts/model.safetensors"));
        const QString analysed = workspace.filePath("analysed.json");
        prepared->tokenizer.save(analysed.toStdString());
        QFile runTokenizer(run + "/tokenizer.json"), analysedTokenizer(analysed);
        QVERIFY(runTokenizer.open(QIODevice::ReadOnly) && analysedTokenizer.open(QIODevice::ReadOnly));
        QCOMPARE(runTokenizer.readAll(), analysedTokenizer.readAll());

        data.maxTexts = 150;
        window.dataPanel()->setChoice(data);
        QStringList fresh;
        trainAndRecord(fresh);
        QVERIFY2(fresh.contains(building), qPrintable(fresh.join('|')));
        // That run built its own tokenizer: the Model panel now counts with its vocabulary.
        const QString freshRun = window.trainingPanel()->currentRunFolder();
        const QJsonObject freshConfig = QJsonDocument::fromJson(i3test::read_file(freshRun + "/config.json")).object();
        QCOMPARE(window.modelPanel()->vocabularySize(), qint64(freshConfig.value("vocab_size").toInt()));
    }

    // The workspace the studio remembers is the command line's (runs/workspace.h): `i3lm info`
    // names it; and a workspace an earlier studio kept in its own settings moves there.
    void workspaceIsSharedWithTheCommandLine()
    {
        QTemporaryDir config;
        const ScopedVariable configHome("XDG_CONFIG_HOME", config.path().toUtf8());
        const ScopedVariable variable("I3_WORKSPACE", {});
        const QString chosen = config.filePath("my runs");
        StudioSettings().setWorkspace(chosen);
        {
            MainWindow window;
            QCOMPARE(window.workspace(), chosen);
        }
        const auto info = i3test::run_in(QProcessEnvironment::systemEnvironment(), i3test::cli(), {"info"});
        QVERIFY2(info.out.contains(("\nworkspace " + chosen + " (chosen in i3-studio").toUtf8()), info.out.constData());

        QVERIFY(QFile::remove(config.filePath("i3-studio/workspace")));
        QSettings(QSettings::IniFormat, QSettings::UserScope, "i3-studio", "i3-studio").setValue("workspace", "/old/runs");
        QCOMPARE(StudioSettings().workspace(), QString("/old/runs"));
        QVERIFY(!QSettings(QSettings::IniFormat, QSettings::UserScope, "i3-studio", "i3-studio").contains("workspace"));
        QCOMPARE(i3test::read_file(config.filePath("i3-studio/workspace")), QByteArray("/old/runs\n"));
    }

    // A Hub dataset in the Data panel and a Hub model to fine-tune in the Model panel: the Data
    // panel encodes with the model's tokenizer, and Train makes the run that
    // `i3lm train --data hf:owner/lines --init-from owner/tiny-i3` makes, pinned to the commits read.
    void fineTunesAHubModelOnAHubDataset()
    {
        QTemporaryDir dir;
        auto texts = i3::builtin_corpus_texts();
        texts.resize(200);
        const auto tokenizer = i3::ChunkTokenizer::build(texts);
        auto config = i3::ModelConfig::preset("tiny");
        config.vocab_size = tokenizer.vocab_size();
        config.max_seq_len = 32;
        i3::I3Model model(config);
        const QString modelFolder = dir.filePath("repos/tiny-i3");
        i3::save_model_folder(modelFolder.toStdString(), config, model, tokenizer);
        QByteArray lines;
        for (size_t i = 0; i < texts.size(); ++i)
            lines += QJsonDocument(QJsonObject{{"text", QString::fromStdString(texts[i])}}).toJson(QJsonDocument::Compact) + "\n";
        i3test::write_file(dir.filePath("repos/lines/train.jsonl"), lines);
        const QString spec = dir.filePath("spec.json");
        i3test::write_file(
            spec, QJsonDocument(QJsonObject{{"repos", QJsonArray{QJsonObject{{"type", "model"}, {"id", "owner/tiny-i3"},
                                                                            {"folder", modelFolder}},
                                                                QJsonObject{{"type", "dataset"}, {"id", "owner/lines"},
                                                                            {"folder", dir.filePath("repos/lines")}}}}})
                      .toJson());
        i3test::HubServer hub;
        QVERIFY(hub.start(spec));
        const QJsonObject info = hub.ask("info");
        qputenv("HF_ENDPOINT", hub.endpoint().toUtf8());
        qputenv("HF_HUB_CACHE", dir.filePath("hf-cache").toUtf8());
        qunsetenv("HF_HUB_OFFLINE");
        qunsetenv("HF_TOKEN");

        MainWindow window;
        window.setWorkspace(dir.filePath("runs"));
        DataChoice data;
        data.builtinCorpus = false;
        data.hub.repo = "owner/lines";
        window.dataPanel()->setChoice(data);
        window.modelPanel()->fineTuneHubModel("owner/tiny-i3");
        QTRY_VERIFY_WITH_TIMEOUT(!window.modelPanel()->isLoadingFineTuneBase(), 120000);
        const auto base = window.modelPanel()->fineTuneBase();
        QVERIFY2(base, qPrintable(window.modelPanel()->fineTuneError()));

        // The Data panel encodes with the model's tokenizer, locked, and says why.
        auto* load = child<QRadioButton>(window.dataPanel(), "loadTokenizerRadio");
        QVERIFY(load->isChecked() && !load->isEnabled());
        QCOMPARE(window.dataPanel()->choice().tokenizerFile, base->tokenizerFile);
        QVERIFY(child<QLabel>(window.dataPanel(), "requiredTokenizerNote")->isVisibleTo(window.dataPanel()));
        QVERIFY(window.dataPanel()->ownChoice().tokenizerFile.isEmpty()); // what the settings keep

        auto training = window.modelPanel()->trainConfig();
        training.steps = 2;
        training.log_every = 1;
        training.eval_every = 2;
        training.checkpoint_every = 2;
        training.sample_tokens = 4;
        window.modelPanel()->setTrainConfig(training);
        const TrainingRequest request = window.trainingRequest();
        QCOMPARE(request.initFrom, base->folder);
        const i3::RunSpec runSpec = request.toSpec();
        QCOMPARE(runSpec.init_from.string(), base->folder.toStdString());
        QCOMPARE(runSpec.data.sources.size(), size_t(1));
        QVERIFY(runSpec.data.sources.front() == i3::parse_data_source("hf:owner/lines"));

        window.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(window.trainingPanel()->isTraining(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingPanel()->isTraining(), 300000);
        const QString run = window.trainingPanel()->currentRunFolder();
        QVERIFY2(QFileInfo::exists(run + "/i3-model-artifacts/model.safetensors"),
                 qPrintable(child<QLabel>(window.trainingPanel(), "errorLabel")->text()));
        const QJsonObject runInfo = QJsonDocument::fromJson(i3test::read_file(run + "/run.json")).object();
        QCOMPARE(runInfo.value("init_from").toString(), base->folder);
        const QJsonObject runConfig = QJsonDocument::fromJson(i3test::read_file(run + "/config.json")).object();
        const QString commit = info.value("dataset:owner/lines").toObject().value("commit").toString();
        QCOMPARE(runConfig.value("dataset_sources").toArray(), QJsonArray{"hf:owner/lines@" + commit + " (split train)"});
        QCOMPARE(runConfig.value("vocab_size").toInt(), int(config.vocab_size));

        // Start from scratch: the Data panel's own tokenizer choice is back, and runs start fresh.
        window.modelPanel()->startFromScratch();
        QVERIFY(child<QRadioButton>(window.dataPanel(), "buildTokenizerRadio")->isChecked());
        QVERIFY(load->isEnabled());
        QVERIFY(!child<QLabel>(window.dataPanel(), "requiredTokenizerNote")->isVisibleTo(window.dataPanel()));
        QVERIFY(window.trainingRequest().initFrom.isEmpty());
        for (const char* name : {"HF_ENDPOINT", "HF_HUB_CACHE"})
            qunsetenv(name);
    }

    // Every string the sources mark for translation has a finished German and Romanian
    // translation (the source list comes from lupdate run over the sources now, into a scratch
    // file), and the compiled German file changes what the window shows.
    void translationsAreCompleteAndWork()
    {
        QTemporaryDir scratch;
        const QString fresh = scratch.filePath("fresh.ts");
        QProcess lupdate;
        lupdate.start(I3_LUPDATE, {"-silent", "-no-obsolete", "-locations", "none", I3_SOURCE_DIR "/widgets",
                                   I3_SOURCE_DIR "/app", "-ts", fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const auto sources = translations(fresh);
        QVERIFY(sources.size() > 100);
        for (const char* language : {"de", "ro"}) {
            const auto ours = translations(QString(I3_SOURCE_DIR "/translations/i3studio_%1.ts").arg(language));
            QStringList missing;
            for (auto it = sources.keyBegin(); it != sources.keyEnd(); ++it)
                if (ours.value(*it).isEmpty())
                    missing << *it;
            QVERIFY2(missing.isEmpty(), qPrintable(QString("%1: %2 untranslated, e.g. %3")
                                                       .arg(language)
                                                       .arg(missing.size())
                                                       .arg(missing.mid(0, 5).join("; "))));
        }

        QTranslator german;
        QVERIFY(german.load(I3_QM_DIR "/i3studio_de.qm"));
        QCoreApplication::installTranslator(&german);
        {
            MainWindow window;
            const auto* tabs = child<QTabWidget>(&window, "panelTabs");
            QCOMPARE(tabs->tabText(2), german.translate("MainWindow", "&Training"));
            QVERIFY(window.menuBar()->actions().first()->text() != "&File");
        }
        QCoreApplication::removeTranslator(&german);

        // English has its plural forms: "1 core", "2 cores", not the source's "core(s)".
        QTranslator english;
        QVERIFY(english.load(I3_QM_DIR "/i3studio_en.qm"));
        QCoreApplication::installTranslator(&english);
        QCOMPARE(QCoreApplication::translate("DeviceName", "CPU (%n core(s))", "", 1), QString("CPU (1 core)"));
        QCOMPARE(QCoreApplication::translate("DeviceName", "CPU (%n core(s))", "", 2), QString("CPU (2 cores)"));
        QCoreApplication::removeTranslator(&english);
        for (auto it = sources.keyBegin(); it != sources.keyEnd(); ++it)
            if (it->contains("%n") || it->contains("%Ln")) {
                const auto [context, source] = std::pair(it->section('|', 0, 0), it->section('|', 1));
                QVERIFY2(!english.translate(qPrintable(context), qPrintable(source), "", 2).isEmpty(), qPrintable(*it));
            }
    }

    // Choosing another language in the Settings menu: once no job runs the window saves its
    // settings and asks to be built again in it (studio_main.cpp does), and the default locale of
    // that language formats the numbers ("0,5" in German).
    void choosingALanguageAsksForTheWindowAgain()
    {
        forgetStudioSettings();
        MainWindow window;
        QTRY_VERIFY_WITH_TIMEOUT(!window.hasRunningJobs(), 120000); // the built-in corpus's analysis
        QSignalSpy chosen(&window, &MainWindow::languageChosen);
        QAction* deutsch = nullptr;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->text() == "Deutsch")
                deutsch = action;
        QVERIFY(deutsch);
        deutsch->trigger();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QString("de"));
        QCOMPARE(StudioSettings().language(), QString("de"));

        StudioLanguage language;
        language.use("de");
        QCOMPARE(QLocale().toString(0.5, 'f', 1), QString("0,5"));
        language.use("en");
        QCOMPARE(QLocale().toString(0.5, 'f', 1), QString("0.5"));
        QLocale::setDefault(QLocale::c());
        forgetStudioSettings();
    }
};

QTEST_MAIN(TestStudioWindow)
#include "test_studio_window.moc"
