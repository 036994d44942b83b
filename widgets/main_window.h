// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's window: the panels as tabs (Data, Model & hyperparameters, Training, Context
// probe, Playground, Inspect, Model map), the run browser as a dock, menus, a toolbar, and a status bar that shows the
// device, its memory and the job at work. It wires the panels together: the data analysis feeds
// the model panel's vocabulary, the model panel's validity gates Train, a model chosen to
// fine-tune gives the Data panel its tokenizer, and Train gathers a TrainingRequest from the Data
// and Model panels.
#pragma once

#include "telemetry/device_telemetry.h"
#include "studio_settings.h"
#include "training_request.h"

#include <QMainWindow>
#include <QPointer>

class DataPanel;
class EngineJob;
class ModelMapPanel;
class ModelPanel;
class InspectPanel;
class PlaygroundPanel;
class ProbePanel;
class QAction;
class QLabel;
class QProgressBar;
class QTabWidget;
class QToolButton;
class RunBrowser;
class TrainingPanel;
class WorkbenchPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Panel { Data, Model, Training, Probe, Playground, Inspect, ModelMap, Workbench };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    DataPanel* dataPanel() const { return data_; }
    ModelPanel* modelPanel() const { return model_; }
    TrainingPanel* trainingPanel() const { return training_; }
    ProbePanel* probePanel() const { return probe_; }
    PlaygroundPanel* playgroundPanel() const { return playground_; }
    InspectPanel* inspectPanel() const { return inspect_; }
    ModelMapPanel* modelMapPanel() const { return modelMap_; }
    WorkbenchPanel* workbenchPanel() const { return workbench_; }
    RunBrowser* runBrowser() const { return runs_; }

    void showPanel(Panel panel);
    Panel currentPanel() const;
    // Whether any panel's job (analysis, training, probe, generation, ...) is running.
    bool hasRunningJobs() const { return runningJobs_ > 0; }
    QString workspace() const;
    // For this session only; File > Choose workspace also remembers it.
    void setWorkspace(const QString& folder);
    // What Train would start now: the data choice, the configuration, a new run folder.
    TrainingRequest trainingRequest() const;
    // The run open in the Training panel, when it can be resumed (stopped or failed); else "".
    QString resumableRun() const;

public Q_SLOTS:
    // Train: a new run; with a resumable run open, asks first whether to resume it instead.
    void startTraining();
    // Continues a run (the open one when `folder` is empty) from its latest checkpoint.
    void resumeRun(const QString& folder = QString());
    // A new run from `checkpoint` of `folder` with the Model panel's settings (the open run and a
    // checkpoint chosen in a dialog when empty).
    void forkRun(const QString& folder = QString(), const QString& checkpoint = QString());
    void chooseWorkspace();

Q_SIGNALS:
    // The user chose another language and no job runs: the settings are saved, and the owner
    // builds the window again in that language (StudioLanguage).
    void languageChosen(const QString& language);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    enum class CloseChoice { KeepTraining, Stop, Cancel };

    void createPanels();
    QList<QWidget*> panelsInOrder() const; // as Panel numbers them
    void createActions();
    void createMenus();
    void createStatusBar();
    void connectPanels();
    void restoreSettings();
    void analyseBuiltinCorpus();
    void takeVocabularyOfRun(const QString& runFolder);
    void fitToScreen();
    void saveSettings();
    CloseChoice askAboutRunningTraining();
    void onRunFinishedWhileClosing(const QString& runFolder, bool cancelled);
    void watchJob(EngineJob* job);
    void updateTelemetry();
    void updateTrainingActions();
    void startNewRun();
    QString newRunFolder(const QString& prefix) const;
    void showComparedRuns(const QStringList& folders);
    void updatePlaygroundRunFolder();
    void chooseLanguage(const QString& language);
    void choosePeakRate();
    void openRunFolder();
    void loadModelIntoPlayground();
    void showAbout();

    StudioSettings settings_;
    i3::DeviceTelemetry telemetry_;
    QTabWidget* tabs_ = nullptr;
    DataPanel* data_ = nullptr;
    ModelPanel* model_ = nullptr;
    TrainingPanel* training_ = nullptr;
    ProbePanel* probe_ = nullptr;
    PlaygroundPanel* playground_ = nullptr;
    InspectPanel* inspect_ = nullptr;
    ModelMapPanel* modelMap_ = nullptr;
    WorkbenchPanel* workbench_ = nullptr;
    RunBrowser* runs_ = nullptr;

    QAction* trainAction_ = nullptr;
    QAction* resumeAction_ = nullptr;
    QAction* forkAction_ = nullptr;
    QAction* pauseAction_ = nullptr;
    QAction* stopAction_ = nullptr;

    QLabel* deviceLabel_ = nullptr;
    QLabel* memoryLabel_ = nullptr;
    QLabel* jobLabel_ = nullptr;
    QProgressBar* jobProgress_ = nullptr;
    QToolButton* jobCancel_ = nullptr;
    QPointer<EngineJob> currentJob_;
    int runningJobs_ = 0;
    const EngineJob* shownJob_ = nullptr; // the job the status bar shows; compared, never dereferenced
    bool shownBefore_ = false;
    bool closeAfterStop_ = false;       // the window closes once the run under way has stopped
    bool continueInBackground_ = false; // ...and i3lm continues it
};
