<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AdviceList</name>
    <message>
        <source>Training needs about %1 GiB, more than the device&apos;s %2 GiB.</source>
        <translation>Das Training braucht etwa %1 GiB, mehr als die %2 GiB des Geräts.</translation>
    </message>
    <message>
        <source>The planned steps read the %1 training tokens about %2 times over: the model will learn them by heart rather than the language.</source>
        <translation>Die geplanten Schritte lesen die %1 Trainings-Tokens etwa %2-mal: Das Modell lernt sie auswendig statt der Sprache.</translation>
    </message>
    <message>
        <source>No text is held out for validation, so nothing will show when the model starts to memorise.</source>
        <translation>Kein Text ist für die Validierung zurückgehalten, also zeigt nichts, wann das Modell anfängt auswendig zu lernen.</translation>
    </message>
    <message>
        <source>Step %1: the training loss jumped to %2, from about %3 over the last logged steps.</source>
        <translation>Schritt %1: Der Trainings-Loss sprang auf %2, von etwa %3 in den letzten protokollierten Schritten.</translation>
    </message>
    <message>
        <source>Steps %1 to %2: the gap between validation and training loss grew from %3 to %4: the model is learning the training texts by heart.</source>
        <translation>Schritte %1 bis %2: Der Abstand zwischen Validierungs- und Trainings-Loss wuchs von %3 auf %4: Das Modell lernt die Trainingstexte auswendig.</translation>
    </message>
    <message>
        <source>Steps %1 to %2: the validation loss rose from %3 to %4: the model is learning the training texts by heart.</source>
        <translation>Schritte %1 bis %2: Der Validierungs-Loss stieg von %3 auf %4: Das Modell lernt die Trainingstexte auswendig.</translation>
    </message>
    <message>
        <source>Lower the batch (the activations shrink with it) or the context, or on a GPU turn on activation checkpointing; the Probe panel measures what fits.</source>
        <translation>Verkleinern Sie den Batch (die Aktivierungen schrumpfen mit ihm) oder den Kontext, oder schalten Sie auf einer GPU Activation Checkpointing ein; der Bereich Kontextmessung misst, was passt.</translation>
    </message>
    <message>
        <source>Add text, or plan fewer steps; the best checkpoint (by validation loss) is kept either way.</source>
        <translation>Fügen Sie Text hinzu oder planen Sie weniger Schritte; der beste Checkpoint (nach Validierungs-Loss) bleibt in jedem Fall erhalten.</translation>
    </message>
    <message>
        <source>Set a validation fraction in the Data panel (0.05 holds out a twentieth of the tokens).</source>
        <translation>Stellen Sie im Bereich Daten einen Validierungsanteil ein (0,05 hält ein Zwanzigstel der Tokens zurück).</translation>
    </message>
    <message>
        <source>One spike often passes. If they recur, lower the learning rate (now %1) to half or lengthen the warm-up: Fork from the last checkpoint with the new setting.</source>
        <translation>Eine einzelne Spitze vergeht oft. Wenn sie wiederkehren, halbieren Sie die Lernrate (jetzt %1) oder verlängern Sie das Warm-up: Abzweigen vom letzten Checkpoint mit der neuen Einstellung.</translation>
    </message>
    <message>
        <source>The best checkpoint (step %1, validation loss %2) is kept; more text, fewer steps or more weight decay help the next run.</source>
        <translation>Der beste Checkpoint (Schritt %1, Validierungs-Loss %2) bleibt erhalten; mehr Text, weniger Schritte oder mehr Weight Decay helfen dem nächsten Lauf.</translation>
    </message>
</context>
<context>
    <name>BackgroundTraining</name>
    <message>
        <source>%1 was found neither beside i3 Studio nor on PATH.</source>
        <translation>%1 wurde weder neben i3 Studio noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>BlockMap</name>
    <message>
        <source>Click a block for its tensors. The bar shows how far the last recorded optimizer step moved the block&apos;s weights, relative to their size (log scale, 1e-6 to 1e-1): around 1e-3 is usual, far below means the block barely learns, far above that it takes large steps.</source>
        <translation>Klicken Sie auf einen Block, um seine Tensoren zu sehen. Der Balken zeigt, wie weit der letzte aufgezeichnete Optimiererschritt die Gewichte des Blocks bewegt hat, relativ zu ihrer Größe (logarithmisch, 1e-6 bis 1e-1): um 1e-3 ist üblich, weit darunter lernt der Block kaum, weit darüber macht er große Schritte.</translation>
    </message>
    <message>
        <source>block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Δw / w</source>
        <translation>Δw / w</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
</context>
<context>
    <name>DataJob</name>
    <message>
        <source>Analysing the data</source>
        <translation>Datenanalyse</translation>
    </message>
    <message>
        <source>Reading the texts…</source>
        <translation>Texte werden gelesen…</translation>
    </message>
    <message>
        <source>Building the tokenizer…</source>
        <translation>Tokenizer wird erstellt…</translation>
    </message>
    <message>
        <source>Loading the tokenizer…</source>
        <translation>Tokenizer wird geladen…</translation>
    </message>
    <message>
        <source>Loaded from %1</source>
        <translation>Geladen aus %1</translation>
    </message>
    <message>
        <source>Encoding the texts…</source>
        <translation>Texte werden kodiert…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Built from these texts (%1)</source>
        <translation>Aus diesen Texten erstellt (%1)</translation>
    </message>
    <message>
        <source>Creating the run folder…</source>
        <translation>Laufordner wird erstellt…</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>%1 or more</source>
        <translation>%1 oder mehr</translation>
    </message>
    <message>
        <source>The chunks the corpus holds most often, with their counts (␣ is a space).</source>
        <translation>Die Chunks, die im Korpus am häufigsten vorkommen, mit ihrer Anzahl (␣ ist ein Leerzeichen).</translation>
    </message>
    <message>
        <source>How many texts have each length, in characters.</source>
        <translation>Wie viele Texte jede Länge haben, in Zeichen.</translation>
    </message>
    <message>
        <source>Most frequent chunks:</source>
        <translation>Häufigste Chunks:</translation>
    </message>
    <message>
        <source>Text lengths:</source>
        <translation>Textlängen:</translation>
    </message>
    <message>
        <source>Token store:</source>
        <translation>Token-Speicher:</translation>
    </message>
    <message>
        <source>reused from the token cache</source>
        <translation>aus dem Token-Cache wiederverwendet</translation>
    </message>
    <message>
        <source>encoded now, kept in the token cache</source>
        <translation>jetzt kodiert, im Token-Cache abgelegt</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The last part of the tokens is held out to measure validation loss.</source>
        <translation>Der letzte Teil der Tokens wird zurückgehalten, um den Validierungs-Loss zu messen.</translation>
    </message>
    <message>
        <source>Validation split:</source>
        <translation>Validierungsanteil:</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <source>Read the texts, build or load the tokenizer and count the tokens.</source>
        <translation>Texte lesen, Tokenizer erstellen oder laden und Tokens zählen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Built-in corpus</source>
        <translation>Integriertes Korpus</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Use only the first texts, counted over all sources in order (0: all).</source>
        <translation>Nur die ersten Texte verwenden, der Reihe nach über alle Quellen gezählt (0: alle).</translation>
    </message>
    <message>
        <source>Max texts:</source>
        <translation>Max. Texte:</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>Build from these texts</source>
        <translation>Aus diesen Texten erstellen</translation>
    </message>
    <message>
        <source>Load tokenizer.json…</source>
        <translation>tokenizer.json laden…</translation>
    </message>
    <message>
        <source>tokenizer.json or vocab.json</source>
        <translation>tokenizer.json oder vocab.json</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>What the data holds</source>
        <translation>Was die Daten enthalten</translation>
    </message>
    <message>
        <source>The share of tokens that the tokenizer could not represent (&lt;UNK&gt;).</source>
        <translation>Der Anteil der Tokens, die der Tokenizer nicht darstellen konnte (&lt;UNK&gt;).</translation>
    </message>
    <message>
        <source>Texts:</source>
        <translation>Texte:</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Zeichen:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>Vokabular:</translation>
    </message>
    <message>
        <source>Unknown tokens:</source>
        <translation>Unbekannte Tokens:</translation>
    </message>
    <message>
        <source>Train / validation:</source>
        <translation>Training / Validierung:</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>Tokenizer:</translation>
    </message>
    <message>
        <source>Save tokenizer…</source>
        <translation>Tokenizer speichern…</translation>
    </message>
    <message>
        <source>Write the built vocabulary as tokenizer.json (the reference&apos;s format).</source>
        <translation>Das erstellte Vokabular als tokenizer.json speichern (im Format der Referenz).</translation>
    </message>
    <message>
        <source>The data changed since this analysis: press Analyse again.</source>
        <translation>Die Daten haben sich seit dieser Analyse geändert: Klicken Sie erneut auf „Analysieren“.</translation>
    </message>
    <message>
        <source>Preview (first texts):</source>
        <translation>Vorschau (erste Texte):</translation>
    </message>
    <message>
        <source>Add text files</source>
        <translation>Textdateien hinzufügen</translation>
    </message>
    <message>
        <source>Load tokenizer</source>
        <translation>Tokenizer laden</translation>
    </message>
    <message>
        <source>Tokenizer (tokenizer.json vocab.json *.json);;All files (*)</source>
        <translation>Tokenizer (tokenizer.json vocab.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save tokenizer</source>
        <translation>Tokenizer speichern</translation>
    </message>
    <message>
        <source>Tokenizer (*.json)</source>
        <translation>Tokenizer (*.json)</translation>
    </message>
    <message>
        <source>There is no tokenizer yet: press Analyse first.</source>
        <translation>Es gibt noch keinen Tokenizer: Klicken Sie zuerst auf „Analysieren“.</translation>
    </message>
    <message>
        <source>Could not save the tokenizer: %1</source>
        <translation>Der Tokenizer konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1; saved to %2</source>
        <translation>%1; gespeichert unter %2</translation>
    </message>
    <message>
        <source>Choose the tokenizer.json to load, or build the tokenizer from the texts.</source>
        <translation>Wählen Sie die zu ladende tokenizer.json oder erstellen Sie den Tokenizer aus den Texten.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1 (%2 bytes of UTF-8)</source>
        <translation>%1 (%2 Bytes UTF-8)</translation>
    </message>
    <message>
        <source>%1 chunks</source>
        <translation>%1 Chunks</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3 tokens)</source>
        <translation>%1 % (%2 von %3 Tokens)</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Tokens</translation>
    </message>
    <message>
        <source>Text files (.txt, .jsonl, .csv, .parquet):</source>
        <translation>Textdateien (.txt, .jsonl, .csv, .parquet):</translation>
    </message>
    <message>
        <source>The JSON field (.jsonl), CSV column (.csv) or Parquet column (.parquet) that holds the text.</source>
        <translation>Das JSON-Feld (.jsonl), die CSV-Spalte (.csv) oder die Parquet-Spalte (.parquet), die den Text enthält.</translation>
    </message>
    <message>
        <source>Texts (*.txt *.jsonl *.csv *.parquet);;All files (*)</source>
        <translation>Texte (*.txt *.jsonl *.csv *.parquet);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Text field of the files:</source>
        <translation>Textfeld der Dateien:</translation>
    </message>
    <message>
        <source>Fine-tuning %1: its own tokenizer encodes the data, as in the run.</source>
        <translation>Feinabstimmung von %1: Sein eigener Tokenizer kodiert die Daten, wie im Lauf.</translation>
    </message>
    <message>
        <source>No data chosen: tick the built-in corpus, add at least one file or choose a Hugging Face dataset.</source>
        <translation>Keine Daten gewählt: Aktivieren Sie das integrierte Korpus, fügen Sie mindestens eine Datei hinzu oder wählen Sie einen Hugging-Face-Datensatz.</translation>
    </message>
</context>
<context>
    <name>DeviceName</name>
    <message numerus="yes">
        <source>CPU (%n core(s))</source>
        <translation>
            <numerusform>CPU (%n Kern)</numerusform>
            <numerusform>CPU (%n Kerne)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
</context>
<context>
    <name>DownloadText</name>
    <message>
        <source>%1 (file %2 of %3)</source>
        <translation>%1 (Datei %2 von %3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2, already in the cache</source>
        <translation>%1, %2, bereits im Cache</translation>
    </message>
    <message>
        <source>Downloading %1, %2 of %3</source>
        <translation>Lade %1 herunter, %2 von %3</translation>
    </message>
    <message>
        <source>Downloading %1, %2</source>
        <translation>Lade %1 herunter, %2</translation>
    </message>
    <message>
        <source>%1, %2/s</source>
        <translation>%1, %2/s</translation>
    </message>
    <message>
        <source>%1, %2 s left</source>
        <translation>%1, noch %2 s</translation>
    </message>
</context>
<context>
    <name>EigenvaluePlot</name>
    <message>
        <source>Re λ</source>
        <translation>Re λ</translation>
    </message>
    <message>
        <source>Im λ</source>
        <translation>Im λ</translation>
    </message>
    <message>
        <source>unit circle</source>
        <translation>Einheitskreis</translation>
    </message>
    <message>
        <source>eigenvalues</source>
        <translation>Eigenwerte</translation>
    </message>
</context>
<context>
    <name>EngineJob</name>
    <message>
        <source>Out of memory: try a smaller model, batch or context.</source>
        <translation>Nicht genügend Speicher: Versuchen Sie ein kleineres Modell, einen kleineren Batch oder Kontext.</translation>
    </message>
    <message>
        <source>The job failed for an unknown reason.</source>
        <translation>Der Vorgang ist aus unbekanntem Grund fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>FineTuneBox</name>
    <message>
        <source>Start from a trained model (fine-tuning)</source>
        <translation>Von einem trainierten Modell ausgehen (Feinabstimmung)</translation>
    </message>
    <message>
        <source>a Hub model repo such as FlameF0X/i3-80m, or a model folder</source>
        <translation>ein Modell-Repo des Hubs wie FlameF0X/i3-80m oder ein Modellordner</translation>
    </message>
    <message>
        <source>A Hub repo is downloaded into the Hugging Face cache (shared with Python&apos;s huggingface_hub) unless it is there already.</source>
        <translation>Ein Repo des Hubs wird in den Hugging-Face-Cache heruntergeladen (den Pythons huggingface_hub mitbenutzt), sofern es dort noch nicht liegt.</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>A model folder: config.json, weights and tokenizer.json, as exported or downloaded</source>
        <translation>Ein Modellordner: config.json, Gewichte und tokenizer.json, wie exportiert oder heruntergeladen</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Start from scratch</source>
        <translation>Von vorn beginnen</translation>
    </message>
    <message>
        <source>Train fresh weights again, with the settings from before the model was chosen</source>
        <translation>Wieder frische Gewichte trainieren, mit den Einstellungen von vor der Wahl des Modells</translation>
    </message>
    <message>
        <source>A model folder to fine-tune</source>
        <translation>Ein Modellordner zum Feinabstimmen</translation>
    </message>
    <message>
        <source>Type a Hub model repo (owner/name) or choose a model folder.</source>
        <translation>Geben Sie ein Modell-Repo des Hubs ein (Besitzer/Name) oder wählen Sie einen Modellordner.</translation>
    </message>
    <message>
        <source>New runs start from fresh weights. Choose a trained model to fine-tune it on the Data panel&apos;s texts instead.</source>
        <translation>Neue Läufe beginnen mit frischen Gewichten. Wählen Sie ein trainiertes Modell, um es stattdessen mit den Texten des Daten-Panels feinabzustimmen.</translation>
    </message>
    <message>
        <source>Fine-tuning %1: %2 hybrid + %3 attention layers, d_model %4, %5 heads, d_state %6, context %L7, vocabulary %L8 chunks.</source>
        <translation>Feinabstimmung von %1: %2 Hybrid- + %3 Attention-Schichten, d_model %4, %5 Köpfe, d_state %6, Kontext %L7, Vokabular %L8 Chunks.</translation>
    </message>
    <message>
        <source>Its weights start the run, its tokenizer encodes the data, and its shape stays as it is.</source>
        <translation>Seine Gewichte beginnen den Lauf, sein Tokenizer kodiert die Daten, und seine Form bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>FlopsText</name>
    <message>
        <source>%1 TFLOP</source>
        <translation>%1 TFLOP</translation>
    </message>
    <message>
        <source>%1 GFLOP</source>
        <translation>%1 GFLOP</translation>
    </message>
    <message>
        <source>%1 MFLOP</source>
        <translation>%1 MFLOP</translation>
    </message>
    <message>
        <source>%1 kFLOP</source>
        <translation>%1 kFLOP</translation>
    </message>
    <message>
        <source>%1 FLOP</source>
        <translation>%1 FLOP</translation>
    </message>
</context>
<context>
    <name>GenerationJob</name>
    <message>
        <source>Generating text</source>
        <translation>Textgenerierung</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Laden Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>%L1 of %L2 tokens</source>
        <translation>%L1 von %L2 Tokens</translation>
    </message>
</context>
<context>
    <name>HeatmapPlot</name>
    <message>
        <source>Point at a cell to read its value.</source>
        <translation>Zeigen Sie auf eine Zelle, um ihren Wert zu lesen.</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>%1 %2, %3 %4: %5 = %L6</source>
        <translation>%1 %2, %3 %4: %5 = %L6</translation>
    </message>
</context>
<context>
    <name>HubDatasetBox</name>
    <message>
        <source>Hugging Face dataset</source>
        <translation>Hugging-Face-Datensatz</translation>
    </message>
    <message>
        <source>Train on a dataset of the Hugging Face Hub, as i3lm train --data hf:owner/name does</source>
        <translation>Mit einem Datensatz des Hugging Face Hubs trainieren, wie i3lm train --data hf:owner/name es tut</translation>
    </message>
    <message>
        <source>e.g. roneneldan/TinyStories</source>
        <translation>z. B. roneneldan/TinyStories</translation>
    </message>
    <message>
        <source>The dataset&apos;s repo id on the Hub (owner/name); Enter looks it up.</source>
        <translation>Die Repo-ID des Datensatzes im Hub (Besitzer/Name); die Eingabetaste schlägt sie nach.</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Nachschlagen</translation>
    </message>
    <message>
        <source>List the repo&apos;s files, fill the pickers and show the first rows of the split (its first file is downloaded into the cache unless it is there).</source>
        <translation>Die Dateien des Repos auflisten, die Auswahlfelder füllen und die ersten Zeilen des Splits zeigen (seine erste Datei wird in den Cache heruntergeladen, sofern sie dort noch nicht liegt).</translation>
    </message>
    <message>
        <source>The dataset&apos;s configuration (--hf-config).</source>
        <translation>Die Konfiguration des Datensatzes (--hf-config).</translation>
    </message>
    <message>
        <source>The split to train on (--hf-split).</source>
        <translation>Der Split, mit dem trainiert wird (--hf-split).</translation>
    </message>
    <message>
        <source>The column that holds the text (--text-field).</source>
        <translation>Die Spalte mit dem Text (--text-field).</translation>
    </message>
    <message>
        <source>Repo:</source>
        <translation>Repo:</translation>
    </message>
    <message>
        <source>Config:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
    <message>
        <source>Text column:</source>
        <translation>Textspalte:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the download; what arrived waits in the cache to be resumed.</source>
        <translation>Den Download anhalten; was angekommen ist, wartet im Cache auf die Fortsetzung.</translation>
    </message>
    <message>
        <source>Shared with Python&apos;s huggingface_hub: what either downloaded serves both. HF_HUB_CACHE or HF_HOME move it; HF_HUB_OFFLINE=1 uses it without asking the Hub.</source>
        <translation>Gemeinsam mit Pythons huggingface_hub: Was eines der beiden heruntergeladen hat, dient beiden. HF_HUB_CACHE oder HF_HOME verlegen ihn; HF_HUB_OFFLINE=1 benutzt ihn, ohne den Hub zu fragen.</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>Erste Zeilen:</translation>
    </message>
    <message>
        <source>(whole paragraphs)</source>
        <translation>(ganze Absätze)</translation>
    </message>
    <message>
        <source>Commit %1. Files in split “%2”: %3, %4 of them in the cache.</source>
        <translation>Commit %1. Dateien im Split „%2“: %3, davon %4 im Cache.</translation>
    </message>
    <message>
        <source>The first file was in the cache already: nothing was downloaded.</source>
        <translation>Die erste Datei lag bereits im Cache: Nichts wurde heruntergeladen.</translation>
    </message>
    <message>
        <source>The first file was downloaded for these rows.</source>
        <translation>Die erste Datei wurde für diese Zeilen heruntergeladen.</translation>
    </message>
    <message>
        <source>The others are downloaded when the data is analysed or a run starts.</source>
        <translation>Die übrigen werden heruntergeladen, wenn die Daten analysiert werden oder ein Lauf beginnt.</translation>
    </message>
    <message>
        <source>Offline (HF_HUB_OFFLINE): the cache answered, and the Hub was not asked.</source>
        <translation>Offline (HF_HUB_OFFLINE): Der Cache hat geantwortet, der Hub wurde nicht gefragt.</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>Cache: %1</translation>
    </message>
    <message>
        <source>Type the dataset&apos;s repo id first, such as roneneldan/TinyStories.</source>
        <translation>Geben Sie zuerst die Repo-ID des Datensatzes ein, etwa roneneldan/TinyStories.</translation>
    </message>
</context>
<context>
    <name>HubDatasetJob</name>
    <message>
        <source>Looking at a Hub dataset</source>
        <translation>Ein Datensatz des Hubs wird angesehen</translation>
    </message>
    <message>
        <source>Looking for %1 in the Hugging Face cache…</source>
        <translation>Suche %1 im Hugging-Face-Cache…</translation>
    </message>
    <message>
        <source>Asking the Hugging Face Hub for %1…</source>
        <translation>Frage den Hugging Face Hub nach %1…</translation>
    </message>
    <message>
        <source>Reading the first rows of %1…</source>
        <translation>Lese die ersten Zeilen von %1…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>InspectPanel</name>
    <message>
        <source>Load run…</source>
        <translation>Lauf laden…</translation>
    </message>
    <message>
        <source>The latest checkpoint of a training run, also one still training</source>
        <translation>Der neueste Checkpoint eines Trainingslaufs, auch eines, der noch trainiert</translation>
    </message>
    <message>
        <source>Load model folder…</source>
        <translation>Modellordner laden…</translation>
    </message>
    <message>
        <source>A prompt to follow through the model</source>
        <translation>Ein Prompt, der durch das Modell verfolgt wird</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>h (the w_mix average of the inputs)</source>
        <translation>h (das w_mix-Mittel der Eingaben)</translation>
    </message>
    <message>
        <source>s (the state that A carries)</source>
        <translation>s (der Zustand, den A weiterträgt)</translation>
    </message>
    <message>
        <source>Inside the recurrence</source>
        <translation>Im Inneren der Rekurrenz</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>Block:</translation>
    </message>
    <message>
        <source>Attention map</source>
        <translation>Attention-Karte</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Kopf:</translation>
    </message>
    <message>
        <source>Eigenvalues of A and the memory they imply</source>
        <translation>Eigenwerte von A und das Gedächtnis, das sie ergeben</translation>
    </message>
    <message>
        <source>w_mix (the share of h kept from one token to the next)</source>
        <translation>w_mix (der Anteil von h, der von Token zu Token bleibt)</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Distribution of w_mix</source>
        <translation>Verteilung von w_mix</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>Laufordner wählen</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>Modellordner wählen</translation>
    </message>
    <message>
        <source>Wait until the current work is done, then try again.</source>
        <translation>Warten Sie, bis die laufende Arbeit fertig ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Load a model first: a run or an exported model folder.</source>
        <translation>Laden Sie zuerst ein Modell: einen Lauf oder einen exportierten Modellordner.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tokens through %1 blocks.</source>
        <translation>
            <numerusform>%Ln Token durch %1 Blöcke.</numerusform>
            <numerusform>%Ln Token durch %1 Blöcke.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>layers.%1 (hybrid)</source>
        <translation>layers.%1 (hybrid)</translation>
    </message>
    <message>
        <source>layers.%1 (attention)</source>
        <translation>layers.%1 (Attention)</translation>
    </message>
    <message>
        <source>The model has no hybrid block.</source>
        <translation>Das Modell hat keinen hybriden Block.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>channel of h</source>
        <translation>Kanal von h</translation>
    </message>
    <message>
        <source>component of s</source>
        <translation>Komponente von s</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message numerus="yes">
        <source>%Ln channels: mean %L1, from %L2 to %L3; </source>
        <translation>
            <numerusform>%Ln Kanal: Mittel %L1, von %L2 bis %L3; </numerusform>
            <numerusform>%Ln Kanäle: Mittel %L1, von %L2 bis %L3; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln below 0 (h flips its sign each token), </source>
        <translation>
            <numerusform>%Ln unter 0 (h wechselt mit jedem Token das Vorzeichen), </numerusform>
            <numerusform>%Ln unter 0 (h wechselt mit jedem Token das Vorzeichen), </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln above 1 (h grows).</source>
        <translation>
            <numerusform>%Ln über 1 (h wächst).</numerusform>
            <numerusform>%Ln über 1 (h wächst).</numerusform>
        </translation>
    </message>
    <message>
        <source>Half-lives of s: %L1 to %L2 tokens (t with |λ|^t = 1/2).</source>
        <translation>Halbwertszeiten von s: %L1 bis %L2 Token (t mit |λ|^t = 1/2).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the unit circle: kept for ever.</source>
        <translation>
            <numerusform>%Ln auf dem Einheitskreis: bleibt für immer erhalten.</numerusform>
            <numerusform>%Ln auf dem Einheitskreis: bleiben für immer erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outside the unit circle: no half-life, s grows along them.</source>
        <translation>
            <numerusform>%Ln außerhalb des Einheitskreises: keine Halbwertszeit, s wächst entlang dieser Richtung.</numerusform>
            <numerusform>%Ln außerhalb des Einheitskreises: keine Halbwertszeit, s wächst entlang dieser Richtungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>w_mix</source>
        <translation>w_mix</translation>
    </message>
    <message>
        <source>Over training</source>
        <translation>Im Lauf des Trainings</translation>
    </message>
    <message>
        <source>Read the checkpoints</source>
        <translation>Checkpoints lesen</translation>
    </message>
    <message>
        <source>Every periodic checkpoint the loaded run kept (--keep-checkpoints 0 keeps all)</source>
        <translation>Jeder periodische Checkpoint, den der geladene Lauf behalten hat (--keep-checkpoints 0 behält alle)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>largest |λ| of A</source>
        <translation>größtes |λ| von A</translation>
    </message>
    <message>
        <source>w_mix mean</source>
        <translation>w_mix-Mittel</translation>
    </message>
    <message>
        <source>w_mix lowest</source>
        <translation>w_mix-Minimum</translation>
    </message>
    <message>
        <source>w_mix highest</source>
        <translation>w_mix-Maximum</translation>
    </message>
    <message>
        <source>Load a run, then read its checkpoints.</source>
        <translation>Laden Sie einen Lauf und lesen Sie dann seine Checkpoints.</translation>
    </message>
    <message>
        <source>Load a run first: a model folder has no checkpoints.</source>
        <translation>Laden Sie zuerst einen Lauf: Ein Modellordner hat keine Checkpoints.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln checkpoint(s), from step %1 to %2.</source>
        <translation>
            <numerusform>%Ln Checkpoint, von Schritt %1 bis %2.</numerusform>
            <numerusform>%Ln Checkpoints, von Schritt %1 bis %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionJob</name>
    <message>
        <source>Inspecting the model</source>
        <translation>Das Modell wird untersucht</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Laden Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Geben Sie zuerst einen Prompt ein.</translation>
    </message>
    <message numerus="yes">
        <source>The prompt has %Ln tokens; the model&apos;s context holds %L1.</source>
        <translation>
            <numerusform>Der Prompt hat %Ln Token; der Kontext des Modells fasst %L1.</numerusform>
            <numerusform>Der Prompt hat %Ln Token; der Kontext des Modells fasst %L1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inspecting %Ln tokens…</source>
        <translation>
            <numerusform>%Ln Token wird untersucht…</numerusform>
            <numerusform>%Ln Token werden untersucht…</numerusform>
        </translation>
    </message>
    <message>
        <source>Block %1 of %2</source>
        <translation>Block %1 von %2</translation>
    </message>
</context>
<context>
    <name>LayerPatternEditor</name>
    <message>
        <source>+ Hybrid</source>
        <translation>+ Hybrid</translation>
    </message>
    <message>
        <source>Adds a hybrid block after the selected one.</source>
        <translation>Fügt nach dem gewählten Block einen Hybridblock ein.</translation>
    </message>
    <message>
        <source>+ Attention</source>
        <translation>+ Attention</translation>
    </message>
    <message>
        <source>Adds an attention block after the selected one.</source>
        <translation>Fügt nach dem gewählten Block einen Attention-Block ein.</translation>
    </message>
    <message>
        <source>Switch kind</source>
        <translation>Art wechseln</translation>
    </message>
    <message>
        <source>Makes the selected block an attention block if it is hybrid, and hybrid if it is attention.</source>
        <translation>Macht den gewählten Block zu einem Attention-Block, wenn er hybrid ist, und zu einem Hybridblock, wenn er ein Attention-Block ist.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removes the selected block.</source>
        <translation>Entfernt den gewählten Block.</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ Früher</translation>
    </message>
    <message>
        <source>Moves the selected block one place earlier.</source>
        <translation>Verschiebt den gewählten Block um eine Stelle nach vorn.</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>Später ▶</translation>
    </message>
    <message>
        <source>Moves the selected block one place later.</source>
        <translation>Verschiebt den gewählten Block um eine Stelle nach hinten.</translation>
    </message>
    <message>
        <source>Reference order</source>
        <translation>Referenzreihenfolge</translation>
    </message>
    <message>
        <source>The same blocks in the reference&apos;s order: every hybrid block first, then the attention blocks.</source>
        <translation>Dieselben Blöcke in der Reihenfolge der Referenz: zuerst alle Hybridblöcke, dann die Attention-Blöcke.</translation>
    </message>
    <message>
        <source>The blocks in order, one letter each: H a hybrid block, A an attention block.</source>
        <translation>Die Blöcke der Reihe nach, je ein Buchstabe: H ein Hybridblock, A ein Attention-Block.</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Muster:</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <source>The token and position embeddings (embed, pos_embed).</source>
        <translation>Die Token- und Positions-Embeddings (embed, pos_embed).</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>The final norm and the head that gives the logits (ln_f, head).</source>
        <translation>Die letzte Normierung und der Kopf, der die Logits liefert (ln_f, head).</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s): %1 hybrid, %2 attention</source>
        <translation>
            <numerusform>%n Block: %1 hybrid, %2 Attention</numerusform>
            <numerusform>%n Blöcke: %1 hybrid, %2 Attention</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, in the reference&apos;s order.</source>
        <translation>%1, in der Reihenfolge der Referenz.</translation>
    </message>
    <message>
        <source>%1, in an order of your own: config.json records it as layer_pattern, and the reference&apos;s scripts, which build the hybrid blocks first, cannot load the model.</source>
        <translation>%1, in einer eigenen Reihenfolge: config.json hält sie als layer_pattern fest, und die Skripte der Referenz, die die Hybridblöcke zuerst bauen, können das Modell nicht laden.</translation>
    </message>
    <message>
        <source>Each hybrid block: %1 parameters, %2 per token in training. Each attention block: %3 parameters, %4 per token (its part of the attention grows with the context).</source>
        <translation>Jeder Hybridblock: %1 Parameter, %2 pro Token im Training. Jeder Attention-Block: %3 Parameter, %4 pro Token (sein Anteil der Attention wächst mit dem Kontext).</translation>
    </message>
    <message>
        <source>hybrid block (RWKV-Mamba recurrence)</source>
        <translation>Hybridblock (RWKV-Mamba-Rekurrenz)</translation>
    </message>
    <message>
        <source>attention block (causal self-attention)</source>
        <translation>Attention-Block (kausale Self-Attention)</translation>
    </message>
    <message>
        <source>Block %1 of %2, layers.%3: %4
%5 parameters, %6 per token in training</source>
        <translation>Block %1 von %2, layers.%3: %4
%5 Parameter, %6 pro Token im Training</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>i3 Studio</source>
        <translation>i3 Studio</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Date&amp;n</translation>
    </message>
    <message>
        <source>&amp;Model &amp;&amp; hyperparameters</source>
        <translation>&amp;Modell &amp;&amp; Hyperparameter</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>Context &amp;probe</source>
        <translation>&amp;Kontextmessung</translation>
    </message>
    <message>
        <source>P&amp;layground</source>
        <translation>P&amp;layground</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Start a training run with the chosen data and configuration (Ctrl+T)</source>
        <translation>Einen Trainingslauf mit den gewählten Daten und der gewählten Konfiguration starten (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Stop training after the current step; a checkpoint is saved</source>
        <translation>Training nach dem aktuellen Schritt beenden; ein Checkpoint wird gespeichert</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Choose &amp;workspace…</source>
        <translation>&amp;Arbeitsbereich wählen…</translation>
    </message>
    <message>
        <source>&amp;Open run…</source>
        <translation>Lauf ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Load model into the playground…</source>
        <translation>Modell in den &amp;Playground laden…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Model &amp;&amp; hyperparameters</source>
        <translation>Modell &amp;&amp; Hyperparameter</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Context probe</source>
        <translation>Kontextmessung</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Playground</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About i3 Studio</source>
        <translation>Ü&amp;ber i3 Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Workspace folder for training runs</source>
        <translation>Arbeitsbereichsordner für Trainingsläufe</translation>
    </message>
    <message>
        <source>Cannot create the workspace folder %1</source>
        <translation>Der Arbeitsbereichsordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>%1: stopped</source>
        <translation>%1: gestoppt</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: fertig</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <source>GPU memory %1 / %2 GiB</source>
        <translation>GPU-Speicher %1 / %2 GiB</translation>
    </message>
    <message>
        <source>RAM %1 / %2 GiB</source>
        <translation>RAM %1 / %2 GiB</translation>
    </message>
    <message>
        <source>Open a run folder</source>
        <translation>Laufordner öffnen</translation>
    </message>
    <message>
        <source>A model folder (config.json, weights, tokenizer.json) or a run folder</source>
        <translation>Ein Modellordner (config.json, Gewichte, tokenizer.json) oder ein Laufordner</translation>
    </message>
    <message>
        <source>About i3 Studio</source>
        <translation>Über i3 Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;i3 Studio %1&lt;/h3&gt;&lt;p&gt;Train, watch and play with i3 hybrid language models (RWKV-Mamba recurrent blocks and full attention).&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;i3 Studio %1&lt;/h3&gt;&lt;p&gt;Trainieren, beobachten und erkunden Sie hybride i3-Sprachmodelle (rekurrente RWKV-Mamba-Blöcke und volle Attention).&lt;/p&gt;&lt;p&gt;Freie Software unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This workspace is used until i3 Studio closes; it could not be remembered: %1</source>
        <translation>Dieser Arbeitsbereich gilt, bis i3 Studio geschlossen wird; er konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1 is set, so the next start opens its folder instead of this one.</source>
        <translation>%1 ist gesetzt, daher öffnet der nächste Start dessen Ordner statt dieses.</translation>
    </message>
    <message>
        <source>&amp;Resume run</source>
        <translation>Lauf &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Continue the open run from its latest checkpoint</source>
        <translation>Den geöffneten Lauf ab seinem neuesten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Fork from a checkpoint…</source>
        <translation>Von einem Checkpoint &amp;abzweigen…</translation>
    </message>
    <message>
        <source>A new run from a checkpoint of the open run, with the Model panel&apos;s settings (the model&apos;s shape stays)</source>
        <translation>Ein neuer Lauf aus einem Checkpoint des geöffneten Laufs, mit den Einstellungen des Modell-Bereichs (die Form des Modells bleibt)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>The open run %1 was stopped before its end. Resume it, or start a new run with the current settings?</source>
        <translation>Der geöffnete Lauf %1 wurde vor seinem Ende gestoppt. Ihn fortsetzen oder einen neuen Lauf mit den aktuellen Einstellungen starten?</translation>
    </message>
    <message>
        <source>Resume it</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Start a new run</source>
        <translation>Neuen Lauf starten</translation>
    </message>
    <message>
        <source>%1 has no checkpoint yet.</source>
        <translation>%1 hat noch keinen Checkpoint.</translation>
    </message>
    <message>
        <source>Fork from a checkpoint</source>
        <translation>Von einem Checkpoint abzweigen</translation>
    </message>
    <message>
        <source>Checkpoint of %1:</source>
        <translation>Checkpoint von %1:</translation>
    </message>
    <message>
        <source>Saving a checkpoint; the run then continues in the background…</source>
        <translation>Checkpoint wird gespeichert; danach läuft der Lauf im Hintergrund weiter…</translation>
    </message>
    <message>
        <source>Saving a checkpoint; i3 Studio closes once it is written…</source>
        <translation>Checkpoint wird gespeichert; i3 Studio schließt, sobald er geschrieben ist…</translation>
    </message>
    <message>
        <source>A run is training</source>
        <translation>Ein Lauf trainiert</translation>
    </message>
    <message>
        <source>The run in %1 is training. Whatever you choose, it is saved: it stops after the current step and writes a checkpoint.</source>
        <translation>Der Lauf in %1 trainiert. Was Sie auch wählen, er wird gespeichert: Er hält nach dem aktuellen Schritt an und schreibt einen Checkpoint.</translation>
    </message>
    <message>
        <source>Keep training in the background</source>
        <translation>Im Hintergrund weitertrainieren</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>Training stoppen</translation>
    </message>
    <message>
        <source>Training cannot go on in the background here: i3lm, which would continue the run without a window, was found neither beside i3 Studio nor on PATH.</source>
        <translation>Das Training kann hier nicht im Hintergrund weiterlaufen: i3lm, das den Lauf ohne Fenster fortsetzen würde, wurde weder neben i3 Studio noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>Keep training in the background: once the checkpoint is written, %1 train --resume continues the run without a window until its last step (its output goes to %2 in the run folder). Open the run in i3 Studio later to see its curves.
Stop training: the run waits for you to resume it.</source>
        <translation>Im Hintergrund weitertrainieren: Sobald der Checkpoint geschrieben ist, setzt %1 train --resume den Lauf ohne Fenster bis zu seinem letzten Schritt fort (seine Ausgabe geht nach %2 im Laufordner). Öffnen Sie den Lauf später in i3 Studio, um seine Kurven zu sehen.
Training stoppen: Der Lauf wartet, bis Sie ihn fortsetzen.</translation>
    </message>
    <message>
        <source>The run is stopped and saved, but it could not continue in the background: %1
Resume it later in i3 Studio or with i3lm train --resume %2.</source>
        <translation>Der Lauf ist gestoppt und gespeichert, konnte aber nicht im Hintergrund weiterlaufen: %1
Setzen Sie ihn später in i3 Studio oder mit i3lm train --resume %2 fort.</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1: fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <source>Device &amp;samples per second</source>
        <translation>Geräte&amp;messwerte pro Sekunde</translation>
    </message>
    <message>
        <source>&amp;Peak rate for MFU…</source>
        <translation>&amp;Spitzenrate für MFU…</translation>
    </message>
    <message>
        <source>Peak rate for MFU</source>
        <translation>Spitzenrate für MFU</translation>
    </message>
    <message>
        <source>The device&apos;s peak rate in TFLOP/s, for devices whose own the studio does not know
(it knows the H100&apos;s and the H200&apos;s). 0 shows no MFU on them. Used from the next run on.</source>
        <translation>Die Spitzenrate des Geräts in TFLOP/s, für Geräte, deren eigene das Studio nicht kennt
(es kennt die der H100 und der H200). 0 zeigt auf ihnen keine MFU. Gilt ab dem nächsten Lauf.</translation>
    </message>
    <message>
        <source>The language changes when i3 Studio starts again, or choose it again once the running work has ended.</source>
        <translation>Die Sprache wechselt beim nächsten Start von i3 Studio, oder wählen Sie sie erneut, sobald die laufende Arbeit beendet ist.</translation>
    </message>
    <message>
        <source>Model m&amp;ap</source>
        <translation>Modell&amp;karte</translation>
    </message>
    <message>
        <source>Model map</source>
        <translation>Modellkarte</translation>
    </message>
    <message>
        <source>Token &amp;workbench</source>
        <translation>Token-&amp;Werkbank</translation>
    </message>
    <message>
        <source>Token workbench</source>
        <translation>Token-Werkbank</translation>
    </message>
</context>
<context>
    <name>MetricPlot</name>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <source>Logarithmic y axis</source>
        <translation>Logarithmische y-Achse</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>Alles einpassen</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>⋯</source>
        <translation>⋯</translation>
    </message>
    <message>
        <source>Fit, export</source>
        <translation>Einpassen, exportieren</translation>
    </message>
    <message>
        <source>Export plot as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Export data as CSV</source>
        <translation>Daten als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1: %2 bei %3</translation>
    </message>
    <message>
        <source> (smoothed %1)</source>
        <translation> (geglättet %1)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
</context>
<context>
    <name>ModelLoadJob</name>
    <message>
        <source>Loading a model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Could not create a temporary folder for the checkpoint: %1</source>
        <translation>Für den Checkpoint konnte kein temporärer Ordner erstellt werden: %1</translation>
    </message>
    <message>
        <source>Copying the latest checkpoint of %1…</source>
        <translation>Neuester Checkpoint von %1 wird kopiert…</translation>
    </message>
    <message>
        <source>Loading the checkpoint…</source>
        <translation>Checkpoint wird geladen…</translation>
    </message>
    <message>
        <source>Model “%1”</source>
        <translation>Modell „%1“</translation>
    </message>
    <message>
        <source>%1: %2 hybrid + %3 attention layers, d_model %4, %5 heads, d_state %6, context %L7, vocabulary %L8; %L9 parameters, on %10.</source>
        <translation>%1: %2 Hybrid- + %3 Attention-Schichten, d_model %4, %5 Heads, d_state %6, Kontext %L7, Vokabular %L8; %L9 Parameter, auf %10.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Asking the Hugging Face Hub for %1…</source>
        <translation>Frage den Hugging Face Hub nach %1…</translation>
    </message>
    <message>
        <source>Hub model “%1”</source>
        <translation>Hub-Modell „%1“</translation>
    </message>
    <message>
        <source>Copying the checkpoint %1…</source>
        <translation>Checkpoint %1 wird kopiert…</translation>
    </message>
    <message>
        <source>Run “%1” at step %L2</source>
        <translation>Lauf „%1“ bei Schritt %L2</translation>
    </message>
</context>
<context>
    <name>ModelMapPanel</name>
    <message>
        <source>The recorded step whose numbers the map, the table and the histograms show</source>
        <translation>Der aufgezeichnete Schritt, dessen Zahlen Karte, Tabelle und Histogramme zeigen</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Schritt:</translation>
    </message>
    <message>
        <source>Each block: parameters and their share, training FLOPs per token and their share; the bar: update / weight of the shown step (log scale, 1e-6 to 1e-1).</source>
        <translation>Jeder Block: Parameter und ihr Anteil, Trainings-FLOPs pro Token und ihr Anteil; der Balken: Update / Gewicht des gezeigten Schritts (logarithmisch, 1e-6 bis 1e-1).</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Weight norm</source>
        <translation>Gewichtsnorm</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>Update / weight</source>
        <translation>Update / Gewicht</translation>
    </message>
    <message>
        <source>Norms</source>
        <translation>Normen</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>gradient (clipped)</source>
        <translation>Gradient (beschnitten)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>weight norm</source>
        <translation>Gewichtsnorm</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>whole block</source>
        <translation>ganzer Block</translation>
    </message>
    <message>
        <source>update norm / weight norm</source>
        <translation>Update-Norm / Gewichtsnorm</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>gradient value</source>
        <translation>Gradientenwert</translation>
    </message>
    <message>
        <source>No run open.</source>
        <translation>Kein Lauf geöffnet.</translation>
    </message>
    <message>
        <source>Train or open a run: its blocks appear here, and their weights&apos; statistics as the run records them.</source>
        <translation>Trainieren oder öffnen Sie einen Lauf: Seine Blöcke erscheinen hier und die Statistik ihrer Gewichte, sobald der Lauf sie aufzeichnet.</translation>
    </message>
    <message>
        <source>Run %1: %2, %3 parameters</source>
        <translation>Lauf %1: %2, %3 Parameter</translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocks</source>
        <translation>
            <numerusform>%Ln Block</numerusform>
            <numerusform>%Ln Blöcke</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>Einbettung</translation>
    </message>
    <message>
        <source>hybrid %1</source>
        <translation>Hybrid %1</translation>
    </message>
    <message>
        <source>attention %1</source>
        <translation>Attention %1</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Kopf</translation>
    </message>
    <message numerus="yes">
        <source>No weight statistics yet: the run records them every %Ln steps.</source>
        <translation>
            <numerusform>Noch keine Gewichtsstatistik: Der Lauf zeichnet sie bei jedem Schritt auf.</numerusform>
            <numerusform>Noch keine Gewichtsstatistik: Der Lauf zeichnet sie alle %Ln Schritte auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>This run records no weight statistics (Weight statistics every: off).</source>
        <translation>Dieser Lauf zeichnet keine Gewichtsstatistik auf (Gewichtsstatistik alle: aus).</translation>
    </message>
    <message>
        <source>%1, every %2.</source>
        <translation>%1, alle %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>%Ln Aufzeichnung</numerusform>
            <numerusform>%Ln Aufzeichnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln steps</source>
        <translation>
            <numerusform>%Ln Schritt</numerusform>
            <numerusform>%Ln Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>latest (%1)</source>
        <translation>neuester (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %3 parameters, %4 % of the model; %5 FLOPs per token in training, %6 %</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2): %3 Parameter, %4 % des Modells; %5 FLOPs pro Token im Training, %6 %</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>Weights at step %1</source>
        <translation>Gewichte bei Schritt %1</translation>
    </message>
    <message>
        <source>Gradient at step %1</source>
        <translation>Gradient bei Schritt %1</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <source>An estimate, not a measurement: weights, gradients and AdamW&apos;s two moments take 4 × parameters × 4 bytes; the activations are counted as batch × context × d_model × (12 × layers + 2) floats, plus 2 × batch × heads × context² per attention layer and 2 × batch × context × vocabulary for the loss. The Context probe measures the real peak.</source>
        <translation>Eine Schätzung, keine Messung: Gewichte, Gradienten und die zwei Momente von AdamW belegen 4 × Parameter × 4 Bytes; die Aktivierungen werden als Batch × Kontext × d_model × (12 × Schichten + 2) Floats gezählt, dazu 2 × Batch × Heads × Kontext² pro Attention-Schicht und 2 × Batch × Kontext × Vokabular für den Loss. Die Kontextmessung misst den tatsächlichen Spitzenwert.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Width (d_model):</source>
        <translation>Breite (d_model):</translation>
    </message>
    <message>
        <source>The size of every token&apos;s vector; must be divisible by the heads.</source>
        <translation>Die Größe des Vektors jedes Tokens; muss durch die Anzahl der Heads teilbar sein.</translation>
    </message>
    <message>
        <source>Attention heads:</source>
        <translation>Attention-Heads:</translation>
    </message>
    <message>
        <source>Heads of each attention layer; each sees d_model / heads dimensions.</source>
        <translation>Heads jeder Attention-Schicht; jeder sieht d_model / Heads Dimensionen.</translation>
    </message>
    <message>
        <source>Recurrent state (d_state):</source>
        <translation>Rekurrenter Zustand (d_state):</translation>
    </message>
    <message>
        <source>The size of the hybrid layers&apos; state s (the A matrix is d_state × d_state).</source>
        <translation>Die Größe des Zustands s der Hybridschichten (die Matrix A ist d_state × d_state).</translation>
    </message>
    <message>
        <source>Hybrid layers:</source>
        <translation>Hybridschichten:</translation>
    </message>
    <message>
        <source>Attention layers:</source>
        <translation>Attention-Schichten:</translation>
    </message>
    <message>
        <source>Context (tokens):</source>
        <translation>Kontext (Tokens):</translation>
    </message>
    <message>
        <source>The longest window the model sees (max_seq_len).</source>
        <translation>Das längste Fenster, das das Modell sieht (max_seq_len).</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>Vokabular:</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>Optimizer steps to train.</source>
        <translation>Anzahl der Optimierer-Schritte.</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Windows per micro-batch.</source>
        <translation>Fenster pro Micro-Batch.</translation>
    </message>
    <message>
        <source>Gradient accumulation:</source>
        <translation>Gradientenakkumulation:</translation>
    </message>
    <message>
        <source>Micro-batches per optimizer step.</source>
        <translation>Micro-Batches pro Optimierer-Schritt.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>The peak learning rate, reached after the warm-up.</source>
        <translation>Die höchste Lernrate, erreicht nach dem Warm-up.</translation>
    </message>
    <message>
        <source>Warm-up steps:</source>
        <translation>Warm-up-Schritte:</translation>
    </message>
    <message>
        <source>Final lr ratio:</source>
        <translation>Finaler lr-Anteil:</translation>
    </message>
    <message>
        <source>The cosine schedule ends at this fraction of the peak.</source>
        <translation>Der Kosinus-Verlauf endet bei diesem Anteil des Spitzenwerts.</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>Weight Decay:</translation>
    </message>
    <message>
        <source>AdamW&apos;s decoupled weight decay.</source>
        <translation>Entkoppelter Weight Decay von AdamW.</translation>
    </message>
    <message>
        <source>Adam β1:</source>
        <translation>Adam β1:</translation>
    </message>
    <message>
        <source>AdamW&apos;s first beta.</source>
        <translation>Erstes Beta von AdamW.</translation>
    </message>
    <message>
        <source>Adam β2:</source>
        <translation>Adam β2:</translation>
    </message>
    <message>
        <source>AdamW&apos;s second beta.</source>
        <translation>Zweites Beta von AdamW.</translation>
    </message>
    <message>
        <source>Adam ε:</source>
        <translation>Adam ε:</translation>
    </message>
    <message>
        <source>AdamW&apos;s epsilon.</source>
        <translation>Epsilon von AdamW.</translation>
    </message>
    <message>
        <source>Gradient clip (norm):</source>
        <translation>Gradient-Clipping (Norm):</translation>
    </message>
    <message>
        <source>Gradients are scaled down to this norm when larger.</source>
        <translation>Größere Gradienten werden auf diese Norm herunterskaliert.</translation>
    </message>
    <message>
        <source>The same seed, data and settings give the same run.</source>
        <translation>Gleicher Seed, gleiche Daten und gleiche Einstellungen ergeben den gleichen Lauf.</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Logging, evaluation and samples</source>
        <translation>Protokoll, Auswertung und Textproben</translation>
    </message>
    <message>
        <source>Log every (steps):</source>
        <translation>Protokoll alle (Schritte):</translation>
    </message>
    <message>
        <source>How often loss, perplexity, gradient norm and lr are recorded.</source>
        <translation>Wie oft Loss, Perplexität, Gradientennorm und lr aufgezeichnet werden.</translation>
    </message>
    <message>
        <source>Evaluate every (steps):</source>
        <translation>Auswertung alle (Schritte):</translation>
    </message>
    <message>
        <source>How often validation loss is measured and samples are written.</source>
        <translation>Wie oft der Validierungs-Loss gemessen und Textproben geschrieben werden.</translation>
    </message>
    <message>
        <source>Checkpoint every (steps):</source>
        <translation>Checkpoint alle (Schritte):</translation>
    </message>
    <message>
        <source>How often the model is saved.</source>
        <translation>Wie oft das Modell gespeichert wird.</translation>
    </message>
    <message>
        <source>Loss window (steps):</source>
        <translation>Loss-Fenster (Schritte):</translation>
    </message>
    <message>
        <source>The running mean of this many training losses decides the best model.</source>
        <translation>Der gleitende Mittelwert über so viele Trainings-Loss-Werte bestimmt das beste Modell.</translation>
    </message>
    <message>
        <source>Evaluation windows:</source>
        <translation>Auswertungsfenster:</translation>
    </message>
    <message>
        <source>Validation windows averaged per evaluation.</source>
        <translation>Pro Auswertung gemittelte Validierungsfenster.</translation>
    </message>
    <message>
        <source>One prompt per line; each evaluation writes a sample for every prompt.</source>
        <translation>Ein Prompt pro Zeile; jede Auswertung schreibt für jeden Prompt eine Textprobe.</translation>
    </message>
    <message>
        <source>Sample prompts:</source>
        <translation>Prompts für Textproben:</translation>
    </message>
    <message>
        <source>Sample length (tokens):</source>
        <translation>Probenlänge (Tokens):</translation>
    </message>
    <message>
        <source>New tokens per sample.</source>
        <translation>Neue Tokens pro Textprobe.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (not available here)</source>
        <translation>%1 (hier nicht verfügbar)</translation>
    </message>
    <message>
        <source>the seed must be a whole number from 0 to %1</source>
        <translation>der Seed muss eine ganze Zahl von 0 bis %1 sein</translation>
    </message>
    <message>
        <source>the device %1 is not available on this machine</source>
        <translation>das Gerät %1 ist auf diesem Rechner nicht verfügbar</translation>
    </message>
    <message>
        <source>Parameters: – (see the problems below)</source>
        <translation>Parameter: – (siehe die Probleme unten)</translation>
    </message>
    <message>
        <source>Training memory: –</source>
        <translation>Trainingsspeicher: –</translation>
    </message>
    <message>
        <source>%1 chunks, from the tokenizer</source>
        <translation>%1 Chunks, vom Tokenizer</translation>
    </message>
    <message>
        <source>%1 chunks (assumed until the data is analysed)</source>
        <translation>%1 Chunks (angenommen, bis die Daten analysiert sind)</translation>
    </message>
    <message>
        <source>That is more than the %1 of %2: it will not fit.</source>
        <translation>Das ist mehr als die %1 von %2: Es passt nicht.</translation>
    </message>
    <message>
        <source>%1 has %2.</source>
        <translation>%1 hat %2.</translation>
    </message>
    <message>
        <source>Training memory ≈ %1: weights, gradients and AdamW state %2 + activations %3 (batch %4, context %5). %6</source>
        <translation>Trainingsspeicher ≈ %1: Gewichte, Gradienten und AdamW-Zustand %2 + Aktivierungen %3 (Batch %4, Kontext %5). %6</translation>
    </message>
    <message>
        <source>Steps of linear warm-up: step i (counting from 0) uses lr × (i + 1) / warm-up steps.</source>
        <translation>Schritte des linearen Warm-ups: Schritt i (ab 0 gezählt) verwendet lr × (i + 1) / Warm-up-Schritte.</translation>
    </message>
    <message>
        <source>Checkpoints kept:</source>
        <translation>Behaltene Checkpoints:</translation>
    </message>
    <message>
        <source>The newest this many periodic checkpoints stay on disk, besides the best.</source>
        <translation>So viele der neuesten regelmäßigen Checkpoints bleiben auf der Festplatte, dazu der beste.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Set for fine-tuning (change them as you like): learning rate %1 (was %2), %3 steps (was %4), %5 warm-up steps (was %6).</source>
        <translation>Für die Feinabstimmung gesetzt (nach Belieben änderbar): Lernrate %1 (war %2), %3 Schritte (waren %4), %5 Aufwärmschritte (waren %6).</translation>
    </message>
    <message>
        <source>%1 is %2 here but %3 in %4, the model being fine-tuned, whose shape cannot change (Start from scratch for another shape)</source>
        <translation>%1 ist hier %2, aber %3 in %4, dem feinabgestimmten Modell, dessen Form sich nicht ändern kann („Von vorn beginnen“ für eine andere Form)</translation>
    </message>
    <message>
        <source>%1 chunks, the tokenizer of %2</source>
        <translation>%1 Chunks, der Tokenizer von %2</translation>
    </message>
    <message>
        <source>The Data panel&apos;s last analysis used another tokenizer (%1 chunks); the run encodes the data with the model&apos;s, so analyse again to see its counts.</source>
        <translation>Die letzte Analyse des Daten-Panels benutzte einen anderen Tokenizer (%1 Chunks); der Lauf kodiert die Daten mit dem des Modells, also analysieren Sie erneut, um dessen Zahlen zu sehen.</translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation>fp32 (exakt)</translation>
    </message>
    <message>
        <source>bf16 (CUDA: 2–3× faster)</source>
        <translation>bf16 (CUDA: 2–3× schneller)</translation>
    </message>
    <message>
        <source>bf16 runs the matrix products and attention in bfloat16 over float32 weights and optimizer state; the loss stays within a fraction of a percent of fp32&apos;s. CUDA devices only.</source>
        <translation>bf16 rechnet Matrixprodukte und Attention in bfloat16 über float32-Gewichten und -Optimiererzustand; der Verlust bleibt innerhalb eines Bruchteils eines Prozents von fp32. Nur auf CUDA-Geräten.</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <source>recompute activations</source>
        <translation>Aktivierungen neu berechnen</translation>
    </message>
    <message>
        <source>Activation checkpointing: keeps only each block&apos;s input during the forward pass and recomputes the rest in the backward pass: much less memory at long contexts, for about a third more compute.</source>
        <translation>Aktivierungs-Checkpointing: behält im Vorwärtsdurchlauf nur die Eingabe jedes Blocks und berechnet den Rest im Rückwärtsdurchlauf neu: viel weniger Speicher bei langen Kontexten, für etwa ein Drittel mehr Rechenaufwand.</translation>
    </message>
    <message>
        <source>Checkpointing:</source>
        <translation>Checkpointing:</translation>
    </message>
    <message>
        <source>Each preset brings a shape and the training recipe that suits it. i3-80m and i3-22m are the published models, with the reference&apos;s recipe; small, the default without a GPU, writes readable sentences within minutes on a CPU; tiny is for quick tests.</source>
        <translation>Jede Vorgabe bringt eine Form und das passende Trainingsrezept mit. i3-80m und i3-22m sind die veröffentlichten Modelle, mit dem Rezept der Referenz; small, die Vorgabe ohne GPU, schreibt auf einer CPU innerhalb von Minuten lesbare Sätze; tiny ist für schnelle Tests.</translation>
    </message>
    <message>
        <source>Parameters: – (counted once the data&apos;s vocabulary is known)</source>
        <translation>Parameter: – (gezählt, sobald das Vokabular der Daten bekannt ist)</translation>
    </message>
    <message>
        <source>counting the data&apos;s chunks…</source>
        <translation>Chunks der Daten werden gezählt…</translation>
    </message>
    <message>
        <source>RWKV-Mamba recurrent blocks; the layer pattern below orders them.</source>
        <translation>Rekurrente RWKV-Mamba-Blöcke; das Schichtmuster unten ordnet sie.</translation>
    </message>
    <message>
        <source>Full causal attention blocks; the layer pattern below orders them.</source>
        <translation>Blöcke mit voller kausaler Attention; das Schichtmuster unten ordnet sie.</translation>
    </message>
    <message>
        <source>Layer pattern</source>
        <translation>Schichtmuster</translation>
    </message>
    <message>
        <source>Parameters: %1 (%2 million); training: %3 per token</source>
        <translation>Parameter: %1 (%2 Millionen); Training: %3 pro Token</translation>
    </message>
    <message>
        <source>Weight statistics every (steps):</source>
        <translation>Gewichtsstatistik alle (Schritte):</translation>
    </message>
    <message>
        <source>How often each weight tensor&apos;s norms and histograms, and its gradient&apos;s, are recorded for the Model map.</source>
        <translation>Wie oft Normen und Histogramme jedes Gewichtstensors und seines Gradienten für die Modellkarte aufgezeichnet werden.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source>Load folder…</source>
        <translation>Ordner laden…</translation>
    </message>
    <message>
        <source>An exported model folder: config.json, weights and tokenizer.json</source>
        <translation>Ein exportierter Modellordner: config.json, Gewichte und tokenizer.json</translation>
    </message>
    <message>
        <source>Load run…</source>
        <translation>Lauf laden…</translation>
    </message>
    <message>
        <source>A run folder: its latest checkpoint, also while it trains</source>
        <translation>Ein Laufordner: sein neuester Checkpoint, auch während des Trainings</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>All the way left turns the top-k cut off.</source>
        <translation>Ganz nach links schaltet die Top-k-Begrenzung ab.</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Type a prompt, e.g. “once upon a time”, then press Generate (Ctrl+Return).</source>
        <translation>Geben Sie einen Prompt ein, z. B. „once upon a time“, und klicken Sie dann auf „Generieren“ (Ctrl+Return).</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Choose an exported model folder</source>
        <translation>Exportierten Modellordner wählen</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>Laufordner wählen</translation>
    </message>
    <message>
        <source>A model is still loading; try again when it is ready.</source>
        <translation>Ein Modell wird noch geladen; versuchen Sie es erneut, wenn es bereit ist.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Load a model first: an exported model folder or a run.</source>
        <translation>Laden Sie zuerst ein Modell: einen exportierten Modellordner oder einen Lauf.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird generiert…</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) · %1 tokens/s</source>
        <translation>
            <numerusform>%n Token · %1 Tokens/s</numerusform>
            <numerusform>%n Tokens · %1 Tokens/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Gestoppt: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fertig: %1</translation>
    </message>
    <message>
        <source>From the Hugging Face Hub…</source>
        <translation>Vom Hugging Face Hub…</translation>
    </message>
    <message>
        <source>A model repo such as FlameF0X/i3-80m, downloaded into the Hugging Face cache (shared with Python&apos;s huggingface_hub) unless it is there already</source>
        <translation>Ein Modell-Repo wie FlameF0X/i3-80m, in den Hugging-Face-Cache heruntergeladen (den Pythons huggingface_hub mitbenutzt), sofern es dort noch nicht liegt</translation>
    </message>
    <message>
        <source>Model from the Hugging Face Hub</source>
        <translation>Modell vom Hugging Face Hub</translation>
    </message>
    <message>
        <source>Model repo (owner/name):</source>
        <translation>Modell-Repo (Besitzer/Name):</translation>
    </message>
    <message>
        <source>The run&apos;s checkpoints; pick one to load it instead</source>
        <translation>Die Checkpoints des Laufs; wählen Sie einen, um stattdessen ihn zu laden</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>Checkpoint:</translation>
    </message>
    <message>
        <source>Greedy: always the most likely token</source>
        <translation>Greedy: immer das wahrscheinlichste Token</translation>
    </message>
    <message>
        <source>As i3lm generate --top-k 1: the same text for every seed; temperature, top-k and top-p do not apply</source>
        <translation>Wie i3lm generate --top-k 1: derselbe Text für jeden Seed; Temperatur, Top-k und Top-p gelten nicht</translation>
    </message>
    <message>
        <source>Best: step %L1</source>
        <translation>Bester: Schritt %L1</translation>
    </message>
    <message>
        <source>Latest: step %L1</source>
        <translation>Neuester: Schritt %L1</translation>
    </message>
    <message>
        <source>Step %L1</source>
        <translation>Schritt %L1</translation>
    </message>
    <message>
        <source>Loaded: step %L1, the latest checkpoint and the best evaluation so far</source>
        <translation>Geladen: Schritt %L1, der neueste Checkpoint und die bisher beste Auswertung</translation>
    </message>
    <message>
        <source>Loaded: step %L1, the latest checkpoint</source>
        <translation>Geladen: Schritt %L1, der neueste Checkpoint</translation>
    </message>
    <message>
        <source>Loaded: step %L1, the checkpoint of the best evaluation</source>
        <translation>Geladen: Schritt %L1, der Checkpoint der besten Auswertung</translation>
    </message>
    <message>
        <source>Loaded: step %L1, an earlier checkpoint</source>
        <translation>Geladen: Schritt %L1, ein früherer Checkpoint</translation>
    </message>
</context>
<context>
    <name>PlotExportDialog</name>
    <message>
        <source>Export the plots</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>PNG image (pixels)</source>
        <translation>PNG-Bild (Pixel)</translation>
    </message>
    <message>
        <source>PDF, vector graphics (points)</source>
        <translation>PDF, Vektorgrafik (Punkt)</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Each plot goes into its own file: loss, perplexity, learning-rate, gradient-norm, tokens-per-second and device; files of the same name are replaced.</source>
        <translation>Jedes Diagramm kommt in eine eigene Datei: loss, perplexity, learning-rate, gradient-norm, tokens-per-second und device; gleichnamige Dateien werden ersetzt.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Folder for the plots</source>
        <translation>Ordner für die Diagramme</translation>
    </message>
</context>
<context>
    <name>ProbeJob</name>
    <message>
        <source>Context probe</source>
        <translation>Kontextmessung</translation>
    </message>
    <message>
        <source>Context %L1 done</source>
        <translation>Kontext %L1 fertig</translation>
    </message>
    <message>
        <source>Context %L1 (%2 of %3)</source>
        <translation>Kontext %L1 (%2 von %3)</translation>
    </message>
    <message>
        <source>%1: estimating its memory…</source>
        <translation>%1: sein Speicherbedarf wird geschätzt…</translation>
    </message>
    <message>
        <source>%1: a first step that is not measured (setting up the threads)…</source>
        <translation>%1: ein erster, nicht gemessener Schritt (die Threads werden eingerichtet)…</translation>
    </message>
    <message>
        <source>%1: building the model…</source>
        <translation>%1: das Modell wird aufgebaut…</translation>
    </message>
    <message>
        <source>%1: forward and backward pass…</source>
        <translation>%1: Vorwärts- und Rückwärtsdurchlauf…</translation>
    </message>
</context>
<context>
    <name>ProbePanel</name>
    <message>
        <source>Choose a model shape, a batch and a range of contexts, then press Start.</source>
        <translation>Wählen Sie eine Modellform, einen Batch und einen Kontextbereich und klicken Sie dann auf „Start“.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Model shape:</source>
        <translation>Modellform:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Contexts from:</source>
        <translation>Kontexte von:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <source>Context window (tokens)</source>
        <translation>Kontextfenster (Tokens)</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <source>reference (H200, PyTorch)</source>
        <translation>Referenz (H200, PyTorch)</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Peak (MiB)</source>
        <translation>Spitze (MiB)</translation>
    </message>
    <message>
        <source>Peak (GiB)</source>
        <translation>Spitze (GiB)</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Reference (GiB)</source>
        <translation>Referenz (GiB)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 hybrid + %2 attention layers, d_model %3, vocabulary %L4: %L5 parameters. The reference&apos;s figures are for the i3-80M shape in float32.</source>
        <translation>%1 Hybrid- + %2 Attention-Schichten, d_model %3, Vokabular %L4: %L5 Parameter. Die Referenzwerte gelten für die i3-80M-Form in float32.</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>Speicher erschöpft</translation>
    </message>
    <message>
        <source>The first context (%L1) is larger than the last (%L2).</source>
        <translation>Der erste Kontext (%L1) ist größer als der letzte (%L2).</translation>
    </message>
    <message>
        <source>ours (%1)</source>
        <translation>gemessen (%1)</translation>
    </message>
    <message>
        <source>Starting the probe…</source>
        <translation>Messung wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Wird nach dem aktuellen Schritt gestoppt…</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>passt nicht</translation>
    </message>
    <message>
        <source>Context %L1 does not fit in memory on %2 at batch %3; the sweep stopped there.</source>
        <translation>Kontext %L1 passt bei Batch %3 nicht in den Speicher von %2; die Messreihe endete dort.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n context(s).</source>
        <translation>
            <numerusform>Nach %n Kontext gestoppt.</numerusform>
            <numerusform>Nach %n Kontexten gestoppt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n context(s) measured.</source>
        <translation>
            <numerusform>Fertig: %n Kontext gemessen.</numerusform>
            <numerusform>Fertig: %n Kontexte gemessen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Peak memory per step (GiB)</source>
        <translation>Spitzenspeicher je Schritt (GiB)</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>nicht versucht</translation>
    </message>
    <message>
        <source>estimated %1 GiB, above the limit of %2 GiB (%3% of the available RAM)</source>
        <translation>geschätzt %1 GiB, über der Grenze von %2 GiB (%3 % des verfügbaren RAM)</translation>
    </message>
    <message>
        <source>Context %L1 was not tried: one step would need about %2 GiB, more than the %3 GiB (%4% of the available RAM) the probe lets a step take; the sweep stopped there.</source>
        <translation>Kontext %L1 wurde nicht versucht: Ein Schritt bräuchte etwa %2 GiB, mehr als die %3 GiB (%4 % des verfügbaren RAM), die die Messung einem Schritt erlaubt; die Messreihe endete dort.</translation>
    </message>
</context>
<context>
    <name>RecurrenceHistoryJob</name>
    <message>
        <source>Reading the run&apos;s checkpoints</source>
        <translation>Die Checkpoints des Laufs werden gelesen</translation>
    </message>
    <message>
        <source>Reading the checkpoints of %1…</source>
        <translation>Die Checkpoints von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Checkpoint %1 of %2</source>
        <translation>Checkpoint %1 von %2</translation>
    </message>
    <message>
        <source>%1 has no periodic checkpoint yet.</source>
        <translation>%1 hat noch keinen periodischen Checkpoint.</translation>
    </message>
</context>
<context>
    <name>RunBrowser</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Last loss</source>
        <translation>Letzter Loss</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>Bester Val.-Loss</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>No runs in this workspace yet.</source>
        <translation>Noch keine Läufe in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Training loss of the selected runs</source>
        <translation>Trainings-Loss der ausgewählten Läufe</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>training</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1
%2, %3 parameters</source>
        <translation>%1
%2, %3 Parameter</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Select several runs to compare them; double-click one to open it, right-click for more.</source>
        <translation>Wählen Sie mehrere Läufe, um sie zu vergleichen; Doppelklick öffnet einen, Rechtsklick bietet mehr.</translation>
    </message>
    <message>
        <source>The settings in which the selected runs differ</source>
        <translation>Die Einstellungen, in denen sich die gewählten Läufe unterscheiden</translation>
    </message>
    <message>
        <source>

Notes:
%1</source>
        <translation>

Notizen:
%1</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>%1 could not be moved to the trash.</source>
        <translation>%1 konnte nicht in den Papierkorb verschoben werden.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Fork from checkpoint</source>
        <translation>Von Checkpoint &amp;abzweigen</translation>
    </message>
    <message>
        <source>A new run from a checkpoint of this one, with the settings of the Model panel</source>
        <translation>Ein neuer Lauf aus einem Checkpoint dieses Laufs, mit den Einstellungen des Modell-Bereichs</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Notes…</source>
        <translation>&amp;Notizen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <source>Name shown for %1 (empty: the folder&apos;s name):</source>
        <translation>Angezeigter Name für %1 (leer: der Name des Ordners):</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Notes on %1:</source>
        <translation>Notizen zu %1:</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <source>Move the run %1 to the trash?</source>
        <translation>Den Lauf %1 in den Papierkorb verschieben?</translation>
    </message>
    <message>
        <source>%1
Delete it for good instead?</source>
        <translation>%1
Stattdessen endgültig löschen?</translation>
    </message>
    <message>
        <source>trained on %1 ranks (%2)</source>
        <translation>auf %1 Rängen trainiert (%2)</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>the data analysis</source>
        <translation>die Datenanalyse</translation>
    </message>
    <message>
        <source>the training run</source>
        <translation>den Trainingslauf</translation>
    </message>
    <message>
        <source>the context probe</source>
        <translation>die Kontextmessung</translation>
    </message>
    <message>
        <source>loading the trained model</source>
        <translation>das Laden des trainierten Modells</translation>
    </message>
    <message>
        <source>the generation</source>
        <translation>die Generierung</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Timed out waiting for %1</source>
        <translation>Zeitüberschreitung beim Warten auf %1</translation>
    </message>
    <message>
        <source>the forked run</source>
        <translation>den abgezweigten Lauf</translation>
    </message>
    <message>
        <source>the run list</source>
        <translation>die Liste der Läufe</translation>
    </message>
    <message>
        <source>Cannot write the training run&apos;s samples into %1</source>
        <translation>Die Messwerte des Trainingslaufs lassen sich nicht in %1 schreiben</translation>
    </message>
    <message>
        <source>loading the model to inspect</source>
        <translation>das Laden des zu untersuchenden Modells</translation>
    </message>
    <message>
        <source>the inspection</source>
        <translation>die Untersuchung</translation>
    </message>
    <message>
        <source>the run&apos;s weight statistics</source>
        <translation>die Gewichtsstatistik des Laufs</translation>
    </message>
    <message>
        <source>loading the model into the workbench</source>
        <translation>das Laden des Modells in die Werkbank</translation>
    </message>
    <message>
        <source>loading the fork into the workbench</source>
        <translation>das Laden der Abzweigung in die Werkbank</translation>
    </message>
    <message>
        <source>the workbench&apos;s generation</source>
        <translation>die Erzeugung der Werkbank</translation>
    </message>
</context>
<context>
    <name>TokenChips</name>
    <message>
        <source>Token %L1, id %L2: “%3”</source>
        <translation>Token %L1, ID %L2: „%3“</translation>
    </message>
    <message>
        <source>The unknown token: the vocabulary has no chunk for the text here (a prompt&apos;s last single letter often becomes it, as in the reference)</source>
        <translation>Das unbekannte Token: Das Vokabular hat keinen Chunk für den Text hier (der letzte einzelne Buchstabe eines Prompts wird oft dazu, wie in der Referenz)</translation>
    </message>
    <message>
        <source>The first token: nothing before it predicts it.</source>
        <translation>Das erste Token: Nichts davor sagt es vorher.</translation>
    </message>
    <message>
        <source>Probability %1 (rank %L2), entropy %L3 bits</source>
        <translation>Wahrscheinlichkeit %1 (Rang %L2), Entropie %L3 Bit</translation>
    </message>
    <message>
        <source>Drawn with probability %1 by the sampler</source>
        <translation>Vom Sampler mit Wahrscheinlichkeit %1 gezogen</translation>
    </message>
    <message>
        <source>Picked by hand: the text branches here</source>
        <translation>Von Hand gewählt: Hier zweigt der Text ab</translation>
    </message>
    <message>
        <source>Click for the alternatives.</source>
        <translation>Klicken für die Alternativen.</translation>
    </message>
</context>
<context>
    <name>TokenDetails</name>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>When sampling</source>
        <translation>Beim Sampling</translation>
    </message>
    <message>
        <source>Branch with the chosen token</source>
        <translation>Mit dem gewählten Token abzweigen</translation>
    </message>
    <message>
        <source>Put the chosen token here and sample on from it with the same seed and the sliders&apos; settings (a double click on a row does the same)</source>
        <translation>Das gewählte Token hier einsetzen und von dort mit demselben Seed und den Einstellungen der Regler weiter sampeln (ein Doppelklick auf eine Zeile tut dasselbe)</translation>
    </message>
    <message>
        <source>from the prompt</source>
        <translation>aus dem Prompt</translation>
    </message>
    <message>
        <source>sampled with probability %1</source>
        <translation>mit Wahrscheinlichkeit %1 gezogen</translation>
    </message>
    <message>
        <source>picked by hand</source>
        <translation>von Hand gewählt</translation>
    </message>
    <message>
        <source>%1 · token %L2 “%3” (id %L4), %5</source>
        <translation>%1 · Token %L2 „%3“ (ID %L4), %5</translation>
    </message>
    <message>
        <source>Probability %1, rank %L2 of %L3; entropy at this place %L4 nats (%L5 bits)</source>
        <translation>Wahrscheinlichkeit %1, Rang %L2 von %L3; Entropie an dieser Stelle %L4 Nat (%L5 Bit)</translation>
    </message>
    <message>
        <source>The first token: nothing before it predicts it, so it has no probability and no alternatives.</source>
        <translation>Das erste Token: Nichts davor sagt es vorher, daher hat es keine Wahrscheinlichkeit und keine Alternativen.</translation>
    </message>
    <message>
        <source>Click a token to see what else the model thought could come there.</source>
        <translation>Klicken Sie auf ein Token, um zu sehen, was nach Ansicht des Modells sonst dort hätte stehen können.</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>The token in the text</source>
        <translation>Das Token im Text</translation>
    </message>
    <message numerus="yes">
        <source>Inside the cut-off (shaded): %Ln token(s) holding %1 of the probability; the sampler&apos;s entropy %L2 bits.</source>
        <translation>
            <numerusform>Innerhalb der Begrenzung (schattiert): %Ln Token mit %1 der Wahrscheinlichkeit; Entropie des Samplers %L2 Bit.</numerusform>
            <numerusform>Innerhalb der Begrenzung (schattiert): %Ln Tokens mit %1 der Wahrscheinlichkeit; Entropie des Samplers %L2 Bit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <source>Generated tokens appear here, coloured by probability.</source>
        <translation>Generierte Tokens erscheinen hier, eingefärbt nach Wahrscheinlichkeit.</translation>
    </message>
    <message>
        <source>Probability of each chosen token:</source>
        <translation>Wahrscheinlichkeit jedes gewählten Tokens:</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>Token %L1, id %L2
“%3”
probability %4</source>
        <translation>Token %L1, ID %L2
„%3“
Wahrscheinlichkeit %4</translation>
    </message>
</context>
<context>
    <name>TrainingJob</name>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Loading the latest checkpoint…</source>
        <translation>Neuester Checkpoint wird geladen…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training läuft…</translation>
    </message>
    <message>
        <source>Step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
    <message>
        <source>Loading the checkpoint to fork from…</source>
        <translation>Checkpoint zum Abzweigen wird geladen…</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Texts the model writes at each evaluation appear here.</source>
        <translation>Texte, die das Modell bei jeder Auswertung schreibt, erscheinen hier.</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Textproben</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Start a new run with the data and model chosen in the other panels</source>
        <translation>Einen neuen Lauf mit den Daten und dem Modell starten, die in den anderen Bereichen gewählt sind</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint to resume from</source>
        <translation>Nach dem aktuellen Schritt stoppen und einen Checkpoint zum Fortsetzen speichern</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Noch kein Lauf</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Some plots could not be written into %1.</source>
        <translation>Einige Diagramme konnten nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Export the metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>norm (before clipping)</source>
        <translation>Norm (vor dem Clipping)</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>A run is under way; stop it before starting another.</source>
        <translation>Ein Lauf ist im Gange; stoppen Sie ihn, bevor Sie einen weiteren starten.</translation>
    </message>
    <message>
        <source>New run in %1</source>
        <translation>Neuer Lauf in %1</translation>
    </message>
    <message>
        <source>A run is under way; stop it before resuming another.</source>
        <translation>Ein Lauf ist im Gange; stoppen Sie ihn, bevor Sie einen anderen fortsetzen.</translation>
    </message>
    <message>
        <source>Resuming %1</source>
        <translation>%1 wird fortgesetzt</translation>
    </message>
    <message>
        <source>Run folder: %1</source>
        <translation>Laufordner: %1</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Paused (after the current step).</source>
        <translation>Pausiert (nach dem aktuellen Schritt).</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Wird nach dem aktuellen Schritt gestoppt…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Training started: %1</source>
        <translation>Training gestartet: %1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <source>Step %1: validation loss %2, training loss %3 (best so far)</source>
        <translation>Schritt %1: Validierungs-Loss %2, Trainings-Loss %3 (bisher bester)</translation>
    </message>
    <message>
        <source>Step %1: validation loss %2, training loss %3</source>
        <translation>Schritt %1: Validierungs-Loss %2, Trainings-Loss %3</translation>
    </message>
    <message>
        <source>Step %1: training loss %2 (best so far)</source>
        <translation>Schritt %1: Trainings-Loss %2 (bisher bester)</translation>
    </message>
    <message>
        <source>Step %1: training loss %2</source>
        <translation>Schritt %1: Trainings-Loss %2</translation>
    </message>
    <message>
        <source>Step %1:
%2
</source>
        <translation>Schritt %1:
%2
</translation>
    </message>
    <message>
        <source>Checkpoint: step %1</source>
        <translation>Checkpoint: Schritt %1</translation>
    </message>
    <message>
        <source>Checkpoint saved at step %1: %2</source>
        <translation>Checkpoint bei Schritt %1 gespeichert: %2</translation>
    </message>
    <message>
        <source>Finished at step %1; the model is in %2</source>
        <translation>Bei Schritt %1 abgeschlossen; das Modell liegt in %2</translation>
    </message>
    <message>
        <source>Stopped at step %1; resume it later from %2</source>
        <translation>Bei Schritt %1 gestoppt; später fortsetzen aus %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Stopped before training began</source>
        <translation>Vor Trainingsbeginn gestoppt</translation>
    </message>
    <message>
        <source>A run is under way; stop it before opening another.</source>
        <translation>Ein Lauf ist im Gange; stoppen Sie ihn, bevor Sie einen anderen öffnen.</translation>
    </message>
    <message>
        <source>Reading the run…</source>
        <translation>Lauf wird gelesen…</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>%1 wird angezeigt</translation>
    </message>
    <message>
        <source>%1 is not a readable run folder (its run.json is missing or broken).</source>
        <translation>%1 ist kein lesbarer Laufordner (seine run.json fehlt oder ist beschädigt).</translation>
    </message>
    <message>
        <source>Run status: %1</source>
        <translation>Laufstatus: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>allocated (MiB)</source>
        <translation>belegt (MiB)</translation>
    </message>
    <message>
        <source>reserved (MiB)</source>
        <translation>reserviert (MiB)</translation>
    </message>
    <message>
        <source>peak (MiB)</source>
        <translation>Spitze (MiB)</translation>
    </message>
    <message>
        <source>GPU use (%)</source>
        <translation>GPU-Auslastung (%)</translation>
    </message>
    <message>
        <source>power (W)</source>
        <translation>Leistung (W)</translation>
    </message>
    <message>
        <source>temperature (°C)</source>
        <translation>Temperatur (°C)</translation>
    </message>
    <message>
        <source>memory (MiB)</source>
        <translation>Speicher (MiB)</translation>
    </message>
    <message>
        <source>%, W, °C</source>
        <translation>%, W, °C</translation>
    </message>
    <message>
        <source>RAM used (MiB)</source>
        <translation>RAM belegt (MiB)</translation>
    </message>
    <message>
        <source>this program (MiB)</source>
        <translation>dieses Programm (MiB)</translation>
    </message>
    <message>
        <source>CPU use (%)</source>
        <translation>CPU-Auslastung (%)</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>Plots saved in %1</source>
        <translation>Diagramme gespeichert in %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Metrics saved in %1</source>
        <translation>Metriken gespeichert in %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Exponential moving average of the curves, debiased as in TensorBoard; the raw curve stays faint behind</source>
        <translation>Exponentieller gleitender Mittelwert der Kurven, wie in TensorBoard entzerrt; die Rohkurve bleibt blass dahinter</translation>
    </message>
    <message>
        <source>tokens seen</source>
        <translation>gesehene Tokens</translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation>Trainingszeit (s)</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>log x</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>x-Achse</translation>
    </message>
    <message>
        <source>%1 (validation)</source>
        <translation>%1 (Validierung)</translation>
    </message>
    <message>
        <source>New run in %1, forked from %2</source>
        <translation>Neuer Lauf in %1, abgezweigt von %2</translation>
    </message>
    <message>
        <source>Export the device samples</source>
        <translation>Gerätemesswerte exportieren</translation>
    </message>
    <message>
        <source>used on the card (MiB)</source>
        <translation>auf der Karte belegt (MiB)</translation>
    </message>
    <message>
        <source>Device samples saved in %1</source>
        <translation>Gerätemesswerte in %1 gespeichert</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation>Rang %1</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>waiting for data</source>
        <translation>Warten auf Daten</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Advice (%1)</source>
        <translation>Hinweise (%1)</translation>
    </message>
    <message>
        <source>%1, MFU %2%</source>
        <translation>%1, MFU %2 %</translation>
    </message>
    <message>
        <source>Step %1: %2% of the time since the last step logged went to reading the data (a slow disk, or token files not cached yet)</source>
        <translation>Schritt %1: %2 % der Zeit seit dem letzten protokollierten Schritt gingen an das Lesen der Daten (eine langsame Festplatte, oder Token-Dateien noch nicht im Cache)</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export &amp;plots…</source>
        <translation>&amp;Diagramme exportieren…</translation>
    </message>
    <message>
        <source>Every plot as a PNG or PDF file of the size you choose</source>
        <translation>Jedes Diagramm als PNG- oder PDF-Datei in der gewählten Größe</translation>
    </message>
    <message>
        <source>Export &amp;metrics as CSV…</source>
        <translation>&amp;Metriken als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;device samples as CSV…</source>
        <translation>Gerätemess&amp;werte als CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>WorkbenchJob</name>
    <message>
        <source>Scoring tokens</source>
        <translation>Tokens bewerten</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Laden Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Model %1 of %2: %L3 of %L4 tokens</source>
        <translation>Modell %1 von %2: %L3 von %L4 Tokens</translation>
    </message>
</context>
<context>
    <name>WorkbenchPanel</name>
    <message>
        <source>A prompt, e.g. “once upon a time”, then Generate (Return)</source>
        <translation>Ein Prompt, z. B. „once upon a time“, dann Generieren (Eingabe)</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>The prompt through the model (and the one compared with it): the prompt scored, the continuation sampled with the same seed</source>
        <translation>Der Prompt durch das Modell (und das damit verglichene): der Prompt bewertet, die Fortsetzung mit demselben Seed gezogen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Probability under the model:</source>
        <translation>Wahrscheinlichkeit laut Modell:</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>Grey outline: a prompt token. Blue outline: a token picked by hand.</source>
        <translation>Grauer Rand: ein Token des Prompts. Blauer Rand: ein von Hand gewähltes Token.</translation>
    </message>
    <message>
        <source>Load run…</source>
        <translation>Lauf laden…</translation>
    </message>
    <message>
        <source>The latest checkpoint of a training run, also one still training</source>
        <translation>Der neueste Checkpoint eines Trainingslaufs, auch eines, der noch trainiert</translation>
    </message>
    <message>
        <source>Load folder…</source>
        <translation>Ordner laden…</translation>
    </message>
    <message>
        <source>An exported model folder: config.json, weights and tokenizer.json</source>
        <translation>Ein exportierter Modellordner: config.json, Gewichte und tokenizer.json</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Optional: a second model (another checkpoint or run) beside the first, on the same prompt and seed.</source>
        <translation>Optional: ein zweites Modell (ein anderer Checkpoint oder Lauf) neben dem ersten, mit demselben Prompt und Seed.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Remove the comparison</source>
        <translation>Vergleich entfernen</translation>
    </message>
    <message>
        <source>All the way left turns the top-k cut off.</source>
        <translation>Ganz nach links schaltet die Top-k-Begrenzung ab.</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>New tokens after the prompt; prompt and continuation fit in one context</source>
        <translation>Neue Tokens nach dem Prompt; Prompt und Fortsetzung passen in einen Kontext</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>The shading of the cut-off follows the sliders at once; Generate samples with them.</source>
        <translation>Die Schattierung der Begrenzung folgt den Reglern sofort; Generieren sampelt mit ihnen.</translation>
    </message>
    <message>
        <source>Compared model</source>
        <translation>Verglichenes Modell</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>Laufordner wählen</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>Modellordner wählen</translation>
    </message>
    <message>
        <source>Wait until the current work is done, then try again.</source>
        <translation>Warten Sie, bis die laufende Arbeit fertig ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Generate to see the tokens.</source>
        <translation>Erzeugen, um die Tokens zu sehen.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Load a model first: a run or an exported model folder.</source>
        <translation>Laden Sie zuerst ein Modell: einen Lauf oder einen exportierten Modellordner.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message numerus="yes">
        <source>Prompt perplexity %L1 over %Ln predicted token(s)</source>
        <translation>
            <numerusform>Perplexität des Prompts %L1 über %Ln vorhergesagtes Token</numerusform>
            <numerusform>Perplexität des Prompts %L1 über %Ln vorhergesagte Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Prompt perplexity: the prompt needs two tokens or more (the first is never predicted)</source>
        <translation>Perplexität des Prompts: Der Prompt braucht zwei Tokens oder mehr (das erste wird nie vorhergesagt)</translation>
    </message>
    <message numerus="yes">
        <source>continuation %L1 over %Ln token(s)</source>
        <translation>
            <numerusform>Fortsetzung %L1 über %Ln Token</numerusform>
            <numerusform>Fortsetzung %L1 über %Ln Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>vorzeitig gestoppt</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
</context>
</TS>
