// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "device_name.h"
#include "runs/run_folder.h"
#include "runs/run_schema.h"
#include "runs/workspace.h"

#include "background_training.h"
#include "data_panel.h"
#include "telemetry/device_memory.h"
#include "engine_job.h"
#include "model_panel.h"
#include "inspect_panel.h"
#include "model_map_panel.h"
#include "workbench_panel.h"
#include "playground_panel.h"
#include "probe_panel.h"
#include "run_browser.h"
#include "training_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <memory>

namespace {

constexpr int kDefaultWidth = 1280;
constexpr int kDefaultHeight = 800;
constexpr int kRunsDockWidth = 280;
constexpr int kFrameAllowance = 64; // a title bar and window borders, which Qt learns only once shown

QString gibibytes(int64_t bytes) { return QLocale().toString(static_cast<double>(bytes) / (1024.0 * 1024 * 1024), 'f', 1); }

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("i3 Studio"));
    createPanels();
    createActions();
    createMenus();
    createStatusBar();
    connectPanels();
    restoreSettings();

    auto* telemetryTimer = new QTimer(this);
    connect(telemetryTimer, &QTimer::timeout, this, &MainWindow::updateTelemetry);
    telemetryTimer->start(2000);
    updateTelemetry();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanels()
{
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName("panelTabs");
    tabs_->setDocumentMode(true);
    data_ = new DataPanel(tabs_);
    model_ = new ModelPanel(tabs_);
    training_ = new TrainingPanel(tabs_);
    probe_ = new ProbePanel(tabs_);
    playground_ = new PlaygroundPanel(tabs_);
    inspect_ = new InspectPanel(tabs_);
    modelMap_ = new ModelMapPanel(tabs_);
    workbench_ = new WorkbenchPanel(tabs_);
    tabs_->addTab(data_, tr("&Data"));
    tabs_->addTab(model_, tr("&Model && hyperparameters"));
    tabs_->addTab(training_, tr("&Training"));
    tabs_->addTab(probe_, tr("Context &probe"));
    tabs_->addTab(playground_, tr("P&layground"));
    tabs_->addTab(inspect_, tr("&Inspect"));
    tabs_->addTab(modelMap_, tr("Model m&ap"));
    tabs_->addTab(workbench_, tr("Token &workbench"));
    setCentralWidget(tabs_);

    runs_ = new RunBrowser(this);
    auto* dock = new QDockWidget(tr("Runs"), this);
    dock->setObjectName("runsDock");
    dock->setWidget(runs_);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    // As wide as the run names need, whatever the language of its texts: the panels get the rest.
    resizeDocks({dock}, {kRunsDockWidth}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    trainAction_ = new QAction(QIcon::fromTheme("media-playback-start"), tr("&Train"), this);
    trainAction_->setShortcut(QKeySequence(tr("Ctrl+T")));
    trainAction_->setToolTip(tr("Start a training run with the chosen data and configuration (Ctrl+T)"));
    connect(trainAction_, &QAction::triggered, this, &MainWindow::startTraining);

    resumeAction_ = new QAction(QIcon::fromTheme("media-seek-forward"), tr("&Resume run"), this);
    resumeAction_->setObjectName("resumeRunAction");
    resumeAction_->setToolTip(tr("Continue the open run from its latest checkpoint"));
    connect(resumeAction_, &QAction::triggered, this, [this] { resumeRun(); });

    forkAction_ = new QAction(tr("&Fork from a checkpoint…"), this);
    forkAction_->setObjectName("forkRunAction");
    forkAction_->setToolTip(tr("A new run from a checkpoint of the open run, with the Model panel's settings "
                               "(the model's shape stays)"));
    connect(forkAction_, &QAction::triggered, this, [this] { forkRun(); });

    pauseAction_ = new QAction(QIcon::fromTheme("media-playback-pause"), tr("&Pause"), this);
    pauseAction_->setShortcut(QKeySequence(tr("Ctrl+P")));
    pauseAction_->setCheckable(true);
    connect(pauseAction_, &QAction::toggled, this, [this](bool paused) {
        if (paused && !training_->isPaused())
            training_->pauseTraining();
        else if (!paused && training_->isPaused())
            training_->resumeTraining();
    });

    stopAction_ = new QAction(QIcon::fromTheme("media-playback-stop"), tr("&Stop"), this);
    stopAction_->setShortcut(QKeySequence(tr("Ctrl+.")));
    stopAction_->setToolTip(tr("Stop training after the current step; a checkpoint is saved"));
    connect(stopAction_, &QAction::triggered, training_, &TrainingPanel::stopTraining);
    updateTrainingActions();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Choose &workspace…"), this, &MainWindow::chooseWorkspace);
    file->addAction(tr("&Open run…"), QKeySequence::Open, this, &MainWindow::openRunFolder);
    file->addAction(tr("&Load model into the playground…"), this, &MainWindow::loadModelIntoPlayground);
    file->addSeparator();
    file->addActions(training_->exportActions());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    training->addAction(trainAction_);
    training->addAction(resumeAction_);
    training->addAction(forkAction_);
    training->addAction(pauseAction_);
    training->addAction(stopAction_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QList<QPair<QString, Panel>> panels = {{tr("Data"), Panel::Data},
                                                 {tr("Model && hyperparameters"), Panel::Model},
                                                 {tr("Training"), Panel::Training},
                                                 {tr("Context probe"), Panel::Probe},
                                                 {tr("Playground"), Panel::Playground},
                                                 {tr("Inspect"), Panel::Inspect},
                                                 {tr("Model map"), Panel::ModelMap},
                                                 {tr("Token workbench"), Panel::Workbench}};
    for (int i = 0; i < panels.size(); ++i) {
        QAction* action = view->addAction(panels[i].first);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        const Panel panel = panels[i].second;
        connect(action, &QAction::triggered, this, [this, panel] { showPanel(panel); });
    }
    view->addSeparator();
    view->addAction(findChild<QDockWidget*>("runsDock")->toggleViewAction());

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QMenu* language = settings->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QList<QPair<QString, QString>> choices = {
        {tr("System language"), QString()}, {"English", "en"}, {"Deutsch", "de"}, {"Română", "ro"}};
    for (const auto& [label, code] : choices) {
        QAction* action = language->addAction(label);
        action->setCheckable(true);
        action->setChecked(settings_.language() == code);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] { chooseLanguage(code); });
    }

    QMenu* sampling = settings->addMenu(tr("Device &samples per second"));
    auto* rates = new QActionGroup(this);
    for (const int samples : {1, 2, 5, 10}) {
        QAction* action = sampling->addAction(QLocale().toString(samples));
        action->setObjectName(QStringLiteral("samplesPerSecond%1").arg(samples));
        action->setCheckable(true);
        action->setChecked(settings_.deviceSamplesPerSecond() == samples);
        rates->addAction(action);
        connect(action, &QAction::triggered, this, [this, samples] {
            settings_.setDeviceSamplesPerSecond(samples);
            training_->setDeviceSamplesPerSecond(samples);
        });
    }
    settings->addAction(tr("&Peak rate for MFU…"), this, &MainWindow::choosePeakRate);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About i3 Studio"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* toolbar = addToolBar(tr("Training"));
    toolbar->setObjectName("trainingToolbar");
    toolbar->addAction(trainAction_);
    toolbar->addAction(resumeAction_);
    toolbar->addAction(pauseAction_);
    toolbar->addAction(stopAction_);
}

void MainWindow::createStatusBar()
{
    deviceLabel_ = new QLabel(this);
    memoryLabel_ = new QLabel(this);
    jobLabel_ = new QLabel(tr("Ready"), this);
    jobLabel_->setObjectName("jobLabel");
    jobProgress_ = new QProgressBar(this);
    jobProgress_->setObjectName("jobProgress");
    jobProgress_->setMaximumWidth(160);
    jobProgress_->setVisible(false);
    jobCancel_ = new QToolButton(this);
    jobCancel_->setText(tr("Cancel"));
    jobCancel_->setVisible(false);
    connect(jobCancel_, &QToolButton::clicked, this, [this] {
        if (currentJob_)
            currentJob_->cancel();
    });
    statusBar()->addWidget(jobLabel_, 1);
    statusBar()->addWidget(jobProgress_);
    statusBar()->addWidget(jobCancel_);
    statusBar()->addPermanentWidget(memoryLabel_);
    statusBar()->addPermanentWidget(deviceLabel_);
}

void MainWindow::connectPanels()
{
    connect(data_, &DataPanel::analysed, model_, [this](qint64 vocabulary, qint64) { model_->setVocabularySize(vocabulary); });
    connect(model_, &ModelPanel::validityChanged, this, [this](bool valid, const QString& problems) {
        training_->setTrainingAllowed(valid, problems);
        updateTrainingActions();
    });
    connect(training_, &TrainingPanel::trainRequested, this, &MainWindow::startTraining);
    // A failed run's error is about the inputs it had; once they change it is only in the log.
    connect(data_, &DataPanel::choiceChanged, training_, &TrainingPanel::dismissError);
    connect(model_, &ModelPanel::configurationChanged, training_, &TrainingPanel::dismissError);
    connect(training_, &TrainingPanel::runStarted, runs_, &RunBrowser::refresh);
    connect(training_, &TrainingPanel::runFinished, runs_, &RunBrowser::refresh);
    connect(training_, &TrainingPanel::runStarted, this, &MainWindow::updateTrainingActions);
    connect(training_, &TrainingPanel::runFinished, this, &MainWindow::updateTrainingActions);
    connect(training_, &TrainingPanel::runFinished, this, &MainWindow::onRunFinishedWhileClosing);
    // The model map shows the run the Training panel shows.
    connect(training_, &TrainingPanel::runStarted, modelMap_, &ModelMapPanel::showRun);
    connect(runs_, &RunBrowser::runActivated, this, [this](const QString& folder) {
        training_->showRun(folder);
        modelMap_->showRun(folder);
        showPanel(Panel::Training);
        updateTrainingActions();
    });
    connect(runs_, &RunBrowser::resumeRequested, this, [this](const QString& folder) { resumeRun(folder); });
    connect(runs_, &RunBrowser::forkRequested, this, &MainWindow::forkRun);
    connect(runs_, &RunBrowser::selectionChanged, this, &MainWindow::showComparedRuns);
    connect(runs_, &RunBrowser::selectionChanged, this, &MainWindow::updatePlaygroundRunFolder);
    // A fine-tuned run keeps its model's tokenizer: the Data panel analyses with it.
    connect(model_, &ModelPanel::fineTuneBaseChanged, this, [this] {
        const auto base = model_->fineTuneBase();
        data_->requireTokenizer(base ? base->tokenizerFile : QString(), base ? base->name : QString());
    });
    connect(data_, &DataPanel::jobStarted, this, &MainWindow::watchJob);
    connect(data_, &DataPanel::jobStarted, model_, [this](EngineJob* job) {
        model_->setVocabularyCounting(true);
        connect(job, &EngineJob::finished, model_, [this] { model_->setVocabularyCounting(false); });
    });
    connect(training_, &TrainingPanel::runStarted, this, &MainWindow::takeVocabularyOfRun);
    connect(model_, &ModelPanel::jobStarted, this, &MainWindow::watchJob);
    connect(training_, &TrainingPanel::jobStarted, this, &MainWindow::watchJob);
    connect(probe_, &ProbePanel::jobStarted, this, &MainWindow::watchJob);
    connect(playground_, &PlaygroundPanel::jobStarted, this, &MainWindow::watchJob);
    connect(inspect_, &InspectPanel::jobStarted, this, &MainWindow::watchJob);
    connect(workbench_, &WorkbenchPanel::jobStarted, this, &MainWindow::watchJob);
}

// For devices whose peak rate the studio does not know (every CPU, most GPUs), the user may state
// it, so that the speed shows the model-FLOPs utilisation against it.
void MainWindow::choosePeakRate()
{
    bool ok = false;
    const double tflops = QInputDialog::getDouble(
        this, tr("Peak rate for MFU"),
        tr("The device's peak rate in TFLOP/s, for devices whose own the studio does not know\n"
           "(it knows the H100's and the H200's). 0 shows no MFU on them. Used from the next run on."),
        settings_.peakTflops(), 0, 100000, 3, &ok);
    if (!ok)
        return;
    settings_.setPeakTflops(tflops);
    training_->setPeakTflops(tflops);
}

void MainWindow::restoreSettings()
{
    data_->setChoice(settings_.dataChoice());
    if (const auto config = settings_.modelConfig())
        model_->setModelConfig(*config);
    if (const auto config = settings_.trainConfig())
        model_->setTrainConfig(*config);
    setWorkspace(settings_.workspace());
    training_->setDeviceSamplesPerSecond(settings_.deviceSamplesPerSecond());
    training_->setPeakTflops(settings_.peakTflops());
    if (!restoreGeometry(settings_.windowGeometry()))
        fitToScreen();
    restoreState(settings_.windowState());
}

// The size the panels are laid out for, or the whole screen when it has no more room: a window
// of that size plus its title bar would hide the status bar below the screen's edge.
void MainWindow::fitToScreen()
{
    const QSize wanted(kDefaultWidth, kDefaultHeight);
    const QRect available = screen()->availableGeometry();
    if (available.width() > wanted.width() + kFrameAllowance && available.height() > wanted.height() + kFrameAllowance)
        resize(wanted);
    else
        setWindowState(windowState() | Qt::WindowMaximized);
}

void MainWindow::saveSettings()
{
    settings_.setDataChoice(data_->ownChoice());
    settings_.setModelConfig(model_->ownModelConfig());
    settings_.setTrainConfig(model_->ownTrainConfig());
    settings_.setWindowLayout(saveGeometry(), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (training_->isTraining() && !closeAfterStop_) {
        switch (askAboutRunningTraining()) {
        case CloseChoice::Cancel:
            event->ignore();
            return;
        case CloseChoice::KeepTraining:
            // The run stops cleanly first: a checkpoint, then the detached trainer continues from
            // it while this window waits (onRunFinishedWhileClosing closes it).
            continueInBackground_ = true;
            closeAfterStop_ = true;
            training_->stopTraining();
            statusBar()->showMessage(tr("Saving a checkpoint; the run then continues in the background…"));
            event->ignore();
            return;
        case CloseChoice::Stop:
            break;
        }
    }
    if (training_->isTraining()) {
        // A run stops at its next step and saves a checkpoint; the window goes once it has.
        closeAfterStop_ = true;
        training_->stopTraining();
        statusBar()->showMessage(tr("Saving a checkpoint; i3 Studio closes once it is written…"));
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

MainWindow::CloseChoice MainWindow::askAboutRunningTraining()
{
    QMessageBox box(QMessageBox::Question, tr("A run is training"),
                    tr("The run in %1 is training. Whatever you choose, it is saved: it stops after the current "
                       "step and writes a checkpoint.")
                        .arg(QDir::toNativeSeparators(training_->currentRunFolder())),
                    QMessageBox::NoButton, this);
    box.setObjectName("closeWhileTrainingBox");
    const QString program = BackgroundTraining::program();
    QPushButton* keep = box.addButton(tr("Keep training in the background"), QMessageBox::AcceptRole);
    keep->setObjectName("keepTrainingButton");
    QPushButton* stop = box.addButton(tr("Stop training"), QMessageBox::DestructiveRole);
    stop->setObjectName("stopTrainingButton");
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    if (program.isEmpty()) {
        keep->setEnabled(false);
        box.setInformativeText(tr("Training cannot go on in the background here: i3lm, which would continue the run "
                                  "without a window, was found neither beside i3 Studio nor on PATH."));
    } else {
        box.setInformativeText(
            tr("Keep training in the background: once the checkpoint is written, %1 train --resume continues the run "
               "without a window until its last step (its output goes to %2 in the run folder). Open the run in "
               "i3 Studio later to see its curves.\nStop training: the run waits for you to resume it.")
                .arg(QDir::toNativeSeparators(program), QString::fromLatin1(i3::run_files::kBackgroundLog)));
    }
    box.exec();
    if (box.clickedButton() == keep)
        return CloseChoice::KeepTraining;
    if (box.clickedButton() == stop)
        return CloseChoice::Stop;
    return CloseChoice::Cancel;
}

// The run asked to stop for closing has stopped: continue it without a window if so chosen.
void MainWindow::onRunFinishedWhileClosing(const QString& runFolder, bool cancelled)
{
    if (!closeAfterStop_)
        return;
    if (continueInBackground_ && cancelled) {
        QString error;
        if (!BackgroundTraining::resume(runFolder, &error)) {
            closeAfterStop_ = continueInBackground_ = false;
            QMessageBox::warning(this, tr("Keep training in the background"),
                                 tr("The run is stopped and saved, but it could not continue in the background: "
                                    "%1\nResume it later in i3 Studio or with i3lm train --resume %2.")
                                     .arg(error, QDir::toNativeSeparators(runFolder)));
            return;
        }
    }
    close();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!shownBefore_) {
        shownBefore_ = true;
        QTimer::singleShot(0, this, &MainWindow::analyseBuiltinCorpus);
    }
}

// The built-in corpus is analysed in seconds: its real vocabulary makes the Model panel's
// parameter count and memory estimate right from the start. Other data waits for Analyse.
void MainWindow::analyseBuiltinCorpus()
{
    const DataChoice choice = data_->choice();
    const bool builtinOnly = choice.builtinCorpus && choice.files.isEmpty() && choice.hub.isEmpty();
    if (builtinOnly && !data_->isAnalysing() && !data_->lastSummary() && !model_->fineTuneBase())
        data_->analyse();
}

// A run that was not analysed first built its own tokenizer: the counts follow its vocabulary.
void MainWindow::takeVocabularyOfRun(const QString& runFolder)
{
    if (model_->fineTuneBase())
        return;
    try {
        model_->setVocabularySize(i3::RunFolder(runFolder.toStdString()).read_info().model.vocab_size);
    } catch (const std::exception&) {
        // The panel keeps what it had; the Training panel reports a broken run folder.
    }
}

QList<QWidget*> MainWindow::panelsInOrder() const
{
    return {data_, model_, training_, probe_, playground_, inspect_, modelMap_, workbench_};
}

void MainWindow::showPanel(Panel panel) { tabs_->setCurrentWidget(panelsInOrder().at(static_cast<int>(panel))); }

MainWindow::Panel MainWindow::currentPanel() const
{
    return static_cast<Panel>(std::max<qsizetype>(0, panelsInOrder().indexOf(tabs_->currentWidget())));
}

QString MainWindow::workspace() const { return runs_->workspace(); }

void MainWindow::setWorkspace(const QString& folder)
{
    runs_->setWorkspace(folder);
    inspect_->setWorkspace(folder);
    workbench_->setWorkspace(folder);
    updatePlaygroundRunFolder();
}

// The Playground's "Load run…" opens in the run selected in the browser, else in the workspace.
void MainWindow::updatePlaygroundRunFolder()
{
    const QStringList selected = runs_->selectedRuns();
    playground_->setRunDialogFolder(selected.isEmpty() ? workspace() : selected.first());
}

void MainWindow::chooseWorkspace()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Workspace folder for training runs"), workspace());
    if (folder.isEmpty())
        return;
    setWorkspace(folder);
    try {
        settings_.setWorkspace(folder);
    } catch (const std::exception& error) {
        statusBar()->showMessage(tr("This workspace is used until i3 Studio closes; it could not be remembered: %1")
                                     .arg(QString::fromUtf8(error.what())),
                                 15000);
        return;
    }
    if (qEnvironmentVariableIsSet(i3::kWorkspaceVariable))
        statusBar()->showMessage(tr("%1 is set, so the next start opens its folder instead of this one.")
                                     .arg(QString::fromLatin1(i3::kWorkspaceVariable)),
                                 15000);
}

TrainingRequest MainWindow::trainingRequest() const
{
    TrainingRequest request;
    request.data = data_->choice();
    request.model = model_->modelConfig();
    request.train = model_->trainConfig();
    if (const auto base = model_->fineTuneBase())
        request.initFrom = base->folder;
    request.runFolder = newRunFolder(model_->presetName());
    if (const auto summary = data_->lastSummary())
        request.prepared = summary->prepared; // create_run reuses it only for the same data
    return request;
}

// A folder name in the workspace that no run has: PREFIX-yyyyMMdd-HHmmss, with -2, -3 ... if needed.
QString MainWindow::newRunFolder(const QString& prefix) const
{
    const QString stamp = QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss");
    QString name = QString("%1-%2").arg(prefix, stamp);
    for (int n = 2; QDir(workspace()).exists(name); ++n)
        name = QString("%1-%2-%3").arg(prefix, stamp).arg(n);
    return QDir(workspace()).filePath(name);
}

QString MainWindow::resumableRun() const
{
    const QString folder = training_->currentRunFolder();
    if (folder.isEmpty() || training_->isTraining())
        return {};
    try {
        const i3::RunStatus status = i3::RunFolder(folder.toStdString()).read_info().status;
        return status == i3::RunStatus::Stopped || status == i3::RunStatus::Failed ? folder : QString();
    } catch (const std::exception&) {
        return {};
    }
}

void MainWindow::startTraining()
{
    if (training_->isTraining() || !model_->isValid())
        return;
    const QString open = resumableRun();
    if (!open.isEmpty()) {
        // Train must not quietly leave the open run behind: say which of the two it does.
        QMessageBox question(QMessageBox::Question, tr("Train"),
                             tr("The open run %1 was stopped before its end. Resume it, or start a new run with "
                                "the current settings?")
                                 .arg(QFileInfo(open).fileName()),
                             QMessageBox::Cancel, this);
        question.setObjectName("trainChoice");
        QPushButton* resume = question.addButton(tr("Resume it"), QMessageBox::AcceptRole);
        resume->setObjectName("resumeChoice");
        QPushButton* fresh = question.addButton(tr("Start a new run"), QMessageBox::AcceptRole);
        fresh->setObjectName("newRunChoice");
        question.setDefaultButton(resume);
        question.exec();
        if (question.clickedButton() == resume)
            resumeRun(open);
        else if (question.clickedButton() == fresh)
            startNewRun();
        return;
    }
    startNewRun();
}

void MainWindow::resumeRun(const QString& folder)
{
    const QString run = folder.isEmpty() ? resumableRun() : folder;
    if (run.isEmpty() || training_->isTraining())
        return;
    training_->resumeRun(run);
    showPanel(Panel::Training);
}

void MainWindow::forkRun(const QString& folder, const QString& checkpoint)
{
    const QString parent = folder.isEmpty() ? training_->currentRunFolder() : folder;
    if (parent.isEmpty() || training_->isTraining() || !model_->isValid())
        return;
    QString chosen = checkpoint;
    if (chosen.isEmpty()) {
        const i3::RunFolder run(parent.toStdString());
        QStringList names;
        if (std::filesystem::exists(run.best_checkpoint_dir()))
            names << QString::fromStdString(run.best_checkpoint_dir().filename().string());
        const auto steps = run.step_checkpoints();
        for (auto it = steps.rbegin(); it != steps.rend(); ++it)
            names << QString::fromStdString(it->filename().string());
        if (names.isEmpty()) {
            statusBar()->showMessage(tr("%1 has no checkpoint yet.").arg(parent), 10000);
            return;
        }
        bool ok = false;
        const QString name = QInputDialog::getItem(this, tr("Fork from a checkpoint"),
                                                   tr("Checkpoint of %1:").arg(QFileInfo(parent).fileName()), names,
                                                   0, false, &ok);
        if (!ok)
            return;
        chosen = QString::fromStdString(run.checkpoints_dir().string()) + QLatin1Char('/') + name;
    }
    ForkRequest request;
    request.parent = parent;
    request.checkpoint = chosen;
    request.runFolder = newRunFolder(QFileInfo(parent).fileName() + QStringLiteral("-fork"));
    request.model = model_->modelConfig();
    request.train = model_->trainConfig();
    training_->forkRun(request);
    showPanel(Panel::Training);
}

void MainWindow::showComparedRuns(const QStringList& folders)
{
    std::vector<ComparedRun> runs;
    if (folders.size() >= 2)
        for (const QString& folder : folders)
            runs.push_back({folder, QFileInfo(folder).fileName(), runs_->colorFor(folder)});
    training_->setComparedRuns(runs);
}

void MainWindow::startNewRun()
{
    if (!QDir().mkpath(workspace())) {
        statusBar()->showMessage(tr("Cannot create the workspace folder %1").arg(workspace()), 10000);
        return;
    }
    training_->startTraining(trainingRequest());
    showPanel(Panel::Training);
}

void MainWindow::watchJob(EngineJob* job)
{
    ++runningJobs_;
    connect(job, &EngineJob::finished, this, [this] { --runningJobs_; });
    currentJob_ = job;
    shownJob_ = job;
    const QString title = job->title();
    jobLabel_->setText(title);
    jobProgress_->setRange(0, 0);
    jobProgress_->setVisible(true);
    jobCancel_->setVisible(true);
    // The job's last queued signals can arrive after its owner has deleted it: the slots below
    // compare its address and use the title kept here, and never touch the job itself.
    connect(job, &EngineJob::progress, this, [this, job, title](double fraction, const QString& message) {
        if (shownJob_ != job)
            return;
        jobLabel_->setText(message.isEmpty() ? title : QString("%1: %2").arg(title, message));
        if (fraction >= 0) {
            jobProgress_->setRange(0, 1000);
            jobProgress_->setValue(static_cast<int>(fraction * 1000));
        } else {
            jobProgress_->setRange(0, 0); // a phase of unknown length: not the last phase's fraction
        }
    });
    // failed() comes before finished(false): the pair is one failure, not a success.
    auto failed = std::make_shared<bool>(false);
    connect(job, &EngineJob::finished, this, [this, job, title, failed](bool cancelled) {
        if (shownJob_ != job)
            return;
        jobLabel_->setText(*failed ? tr("%1: failed").arg(title)
                           : cancelled ? tr("%1: stopped").arg(title)
                                       : tr("%1: done").arg(title));
        jobProgress_->setVisible(false);
        jobCancel_->setVisible(false);
        updateTrainingActions();
    });
    connect(job, &EngineJob::failed, this, [this, title, failed](const QString& message) {
        *failed = true;
        statusBar()->showMessage(tr("%1 failed: %2").arg(title, message), 15000);
    });
    updateTrainingActions();
}

void MainWindow::updateTrainingActions()
{
    const bool training = training_->isTraining();
    trainAction_->setEnabled(!training && model_->isValid());
    const QString open = training ? QString() : training_->currentRunFolder();
    resumeAction_->setEnabled(!resumableRun().isEmpty());
    forkAction_->setEnabled(!open.isEmpty() && model_->isValid());
    pauseAction_->setEnabled(training);
    {
        const QSignalBlocker blocker(pauseAction_);
        pauseAction_->setChecked(training && training_->isPaused());
    }
    stopAction_->setEnabled(training);
}

void MainWindow::updateTelemetry()
{
    const auto sample = telemetry_.sample();
    if (sample.gpu) {
        deviceLabel_->setText(tr("GPU: %1").arg(QString::fromStdString(sample.gpu->name)));
        memoryLabel_->setText(tr("GPU memory %1 / %2 GiB").arg(gibibytes(sample.gpu->memory_used_bytes),
                                                                gibibytes(sample.gpu->memory_total_bytes)));
    } else {
        deviceLabel_->setText(deviceName(QStringLiteral("cpu")));
        deviceLabel_->setToolTip(QString::fromStdString(telemetry_.gpu_unavailable_reason()));
        if (sample.host.ram_total_bytes > 0)
            memoryLabel_->setText(tr("RAM %1 / %2 GiB").arg(gibibytes(sample.host.ram_used_bytes),
                                                             gibibytes(sample.host.ram_total_bytes)));
    }
    updateTrainingActions();
}

// The window is built again in the new language, which loses what the panels hold beyond the
// settings (a loaded model, an inspection); with a job running that would stop it, so then the
// language waits for the next start.
void MainWindow::chooseLanguage(const QString& language)
{
    settings_.setLanguage(language);
    if (hasRunningJobs()) {
        statusBar()->showMessage(
            tr("The language changes when i3 Studio starts again, or choose it again once the running work has ended."),
            15000);
        return;
    }
    saveSettings();
    Q_EMIT languageChosen(language);
}

void MainWindow::openRunFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a run folder"), workspace());
    if (folder.isEmpty())
        return;
    training_->showRun(folder);
    modelMap_->showRun(folder);
    showPanel(Panel::Training);
}

void MainWindow::loadModelIntoPlayground()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("A model folder (config.json, weights, tokenizer.json) or a run folder"), workspace());
    if (folder.isEmpty())
        return;
    if (QFileInfo::exists(QDir(folder).filePath(QString::fromLatin1(i3::run_files::kRunInfo))))
        playground_->loadRunCheckpoint(folder);
    else
        playground_->loadModelFolder(folder);
    showPanel(Panel::Playground);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About i3 Studio"),
                       tr("<h3>i3 Studio %1</h3><p>Train, watch and play with i3 hybrid language models "
                          "(RWKV-Mamba recurrent blocks and full attention).</p>"
                          "<p>Free software under the GNU General Public License, version 3 or later.</p>")
                           .arg(I3_VERSION));
}
