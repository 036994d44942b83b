<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro">
<context>
    <name>AdviceList</name>
    <message>
        <source>Training needs about %1 GiB, more than the device&apos;s %2 GiB.</source>
        <translation>Antrenarea are nevoie de aproximativ %1 GiB, mai mult decât cei %2 GiB ai dispozitivului.</translation>
    </message>
    <message>
        <source>The planned steps read the %1 training tokens about %2 times over: the model will learn them by heart rather than the language.</source>
        <translation>Pașii planificați citesc cele %1 tokenuri de antrenare de aproximativ %2 ori: modelul le va învăța pe de rost, nu limba.</translation>
    </message>
    <message>
        <source>No text is held out for validation, so nothing will show when the model starts to memorise.</source>
        <translation>Niciun text nu este păstrat pentru validare, deci nimic nu va arăta când modelul începe să memoreze.</translation>
    </message>
    <message>
        <source>Step %1: the training loss jumped to %2, from about %3 over the last logged steps.</source>
        <translation>Pasul %1: pierderea de antrenare a sărit la %2, de la aproximativ %3 în ultimii pași înregistrați.</translation>
    </message>
    <message>
        <source>Steps %1 to %2: the gap between validation and training loss grew from %3 to %4: the model is learning the training texts by heart.</source>
        <translation>Pașii %1–%2: diferența dintre pierderea de validare și cea de antrenare a crescut de la %3 la %4: modelul învață textele de antrenare pe de rost.</translation>
    </message>
    <message>
        <source>Steps %1 to %2: the validation loss rose from %3 to %4: the model is learning the training texts by heart.</source>
        <translation>Pașii %1–%2: pierderea de validare a crescut de la %3 la %4: modelul învață textele de antrenare pe de rost.</translation>
    </message>
    <message>
        <source>Lower the batch (the activations shrink with it) or the context, or on a GPU turn on activation checkpointing; the Probe panel measures what fits.</source>
        <translation>Micșorați lotul (activările scad odată cu el) sau contextul, ori porniți pe un GPU checkpointing-ul activărilor; panoul de măsurare a contextului măsoară ce încape.</translation>
    </message>
    <message>
        <source>Add text, or plan fewer steps; the best checkpoint (by validation loss) is kept either way.</source>
        <translation>Adăugați text sau planificați mai puțini pași; cel mai bun checkpoint (după pierderea de validare) se păstrează oricum.</translation>
    </message>
    <message>
        <source>Set a validation fraction in the Data panel (0.05 holds out a twentieth of the tokens).</source>
        <translation>Setați o fracție de validare în panoul Date (0,05 păstrează deoparte a douăzecea parte din tokenuri).</translation>
    </message>
    <message>
        <source>One spike often passes. If they recur, lower the learning rate (now %1) to half or lengthen the warm-up: Fork from the last checkpoint with the new setting.</source>
        <translation>Un singur vârf trece adesea. Dacă revin, înjumătățiți rata de învățare (acum %1) sau prelungiți încălzirea: ramificați din ultimul checkpoint cu noua setare.</translation>
    </message>
    <message>
        <source>The best checkpoint (step %1, validation loss %2) is kept; more text, fewer steps or more weight decay help the next run.</source>
        <translation>Cel mai bun checkpoint (pasul %1, pierderea de validare %2) se păstrează; mai mult text, mai puțini pași sau mai mult weight decay ajută următoarea rulare.</translation>
    </message>
</context>
<context>
    <name>BackgroundTraining</name>
    <message>
        <source>%1 was found neither beside i3 Studio nor on PATH.</source>
        <translation>%1 nu a fost găsit nici lângă i3 Studio, nici în PATH.</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 nu a putut fi pornit: %2</translation>
    </message>
</context>
<context>
    <name>BlockMap</name>
    <message>
        <source>Click a block for its tensors. The bar shows how far the last recorded optimizer step moved the block&apos;s weights, relative to their size (log scale, 1e-6 to 1e-1): around 1e-3 is usual, far below means the block barely learns, far above that it takes large steps.</source>
        <translation>Faceți clic pe un bloc pentru tensorii lui. Bara arată cât de mult a mutat ultimul pas înregistrat al optimizatorului ponderile blocului, raportat la mărimea lor (scară logaritmică, 1e-6 până la 1e-1): în jur de 1e-3 este obișnuit, mult sub înseamnă că blocul abia învață, mult peste că face pași mari.</translation>
    </message>
    <message>
        <source>block</source>
        <translation>bloc</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>parametri</translation>
    </message>
    <message>
        <source>share</source>
        <translation>pondere</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOP</translation>
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
        <translation>Analiza datelor</translation>
    </message>
    <message>
        <source>Reading the texts…</source>
        <translation>Se citesc textele…</translation>
    </message>
    <message>
        <source>Building the tokenizer…</source>
        <translation>Se construiește tokenizatorul…</translation>
    </message>
    <message>
        <source>Loading the tokenizer…</source>
        <translation>Se încarcă tokenizatorul…</translation>
    </message>
    <message>
        <source>Loaded from %1</source>
        <translation>Încărcat din %1</translation>
    </message>
    <message>
        <source>Encoding the texts…</source>
        <translation>Se codifică textele…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gata</translation>
    </message>
    <message>
        <source>Built from these texts (%1)</source>
        <translation>Construit din aceste texte (%1)</translation>
    </message>
    <message>
        <source>Creating the run folder…</source>
        <translation>Se creează dosarul rulării…</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>%1 or more</source>
        <translation>%1 sau mai mult</translation>
    </message>
    <message>
        <source>The chunks the corpus holds most often, with their counts (␣ is a space).</source>
        <translation>Fragmentele care apar cel mai des în corpus, cu numărul lor (␣ este un spațiu).</translation>
    </message>
    <message>
        <source>How many texts have each length, in characters.</source>
        <translation>Câte texte au fiecare lungime, în caractere.</translation>
    </message>
    <message>
        <source>Most frequent chunks:</source>
        <translation>Cele mai frecvente fragmente:</translation>
    </message>
    <message>
        <source>Text lengths:</source>
        <translation>Lungimile textelor:</translation>
    </message>
    <message>
        <source>Token store:</source>
        <translation>Depozitul de tokeni:</translation>
    </message>
    <message>
        <source>reused from the token cache</source>
        <translation>refolosit din memoria cache de tokeni</translation>
    </message>
    <message>
        <source>encoded now, kept in the token cache</source>
        <translation>codificat acum, păstrat în memoria cache de tokeni</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The last part of the tokens is held out to measure validation loss.</source>
        <translation>Ultima parte a tokenurilor este păstrată deoparte pentru a măsura pierderea de validare.</translation>
    </message>
    <message>
        <source>Validation split:</source>
        <translation>Proporție de validare:</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analizează</translation>
    </message>
    <message>
        <source>Read the texts, build or load the tokenizer and count the tokens.</source>
        <translation>Citește textele, construiește sau încarcă tokenizatorul și numără tokenurile.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Surse</translation>
    </message>
    <message>
        <source>Built-in corpus</source>
        <translation>Corpus integrat</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Adaugă fișiere…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Elimină</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toate</translation>
    </message>
    <message>
        <source>Use only the first texts, counted over all sources in order (0: all).</source>
        <translation>Folosește doar primele texte, numărate în ordine din toate sursele (0: toate).</translation>
    </message>
    <message>
        <source>Max texts:</source>
        <translation>Max. texte:</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizator</translation>
    </message>
    <message>
        <source>Build from these texts</source>
        <translation>Construiește din aceste texte</translation>
    </message>
    <message>
        <source>Load tokenizer.json…</source>
        <translation>Încarcă tokenizer.json…</translation>
    </message>
    <message>
        <source>tokenizer.json or vocab.json</source>
        <translation>tokenizer.json sau vocab.json</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Răsfoiește…</translation>
    </message>
    <message>
        <source>What the data holds</source>
        <translation>Ce conțin datele</translation>
    </message>
    <message>
        <source>The share of tokens that the tokenizer could not represent (&lt;UNK&gt;).</source>
        <translation>Proporția tokenurilor pe care tokenizatorul nu le-a putut reprezenta (&lt;UNK&gt;).</translation>
    </message>
    <message>
        <source>Texts:</source>
        <translation>Texte:</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Caractere:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokenuri:</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>Vocabular:</translation>
    </message>
    <message>
        <source>Unknown tokens:</source>
        <translation>Tokenuri necunoscute:</translation>
    </message>
    <message>
        <source>Train / validation:</source>
        <translation>Antrenare / validare:</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>Tokenizator:</translation>
    </message>
    <message>
        <source>Save tokenizer…</source>
        <translation>Salvează tokenizatorul…</translation>
    </message>
    <message>
        <source>Write the built vocabulary as tokenizer.json (the reference&apos;s format).</source>
        <translation>Scrie vocabularul construit ca tokenizer.json (în formatul referinței).</translation>
    </message>
    <message>
        <source>The data changed since this analysis: press Analyse again.</source>
        <translation>Datele s-au schimbat de la această analiză: apăsați din nou „Analizează”.</translation>
    </message>
    <message>
        <source>Preview (first texts):</source>
        <translation>Previzualizare (primele texte):</translation>
    </message>
    <message>
        <source>Add text files</source>
        <translation>Adaugă fișiere text</translation>
    </message>
    <message>
        <source>Load tokenizer</source>
        <translation>Încarcă tokenizatorul</translation>
    </message>
    <message>
        <source>Tokenizer (tokenizer.json vocab.json *.json);;All files (*)</source>
        <translation>Tokenizator (tokenizer.json vocab.json *.json);;Toate fișierele (*)</translation>
    </message>
    <message>
        <source>Save tokenizer</source>
        <translation>Salvează tokenizatorul</translation>
    </message>
    <message>
        <source>Tokenizer (*.json)</source>
        <translation>Tokenizator (*.json)</translation>
    </message>
    <message>
        <source>There is no tokenizer yet: press Analyse first.</source>
        <translation>Nu există încă un tokenizator: apăsați mai întâi „Analizează”.</translation>
    </message>
    <message>
        <source>Could not save the tokenizer: %1</source>
        <translation>Tokenizatorul nu a putut fi salvat: %1</translation>
    </message>
    <message>
        <source>%1; saved to %2</source>
        <translation>%1; salvat în %2</translation>
    </message>
    <message>
        <source>Choose the tokenizer.json to load, or build the tokenizer from the texts.</source>
        <translation>Alegeți fișierul tokenizer.json de încărcat sau construiți tokenizatorul din texte.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Se pornește…</translation>
    </message>
    <message>
        <source>%1 (%2 bytes of UTF-8)</source>
        <translation>%1 (%2 de octeți UTF-8)</translation>
    </message>
    <message>
        <source>%1 chunks</source>
        <translation>%1 de fragmente</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3 tokens)</source>
        <translation>%1 % (%2 din %3 de tokenuri)</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 de tokenuri</translation>
    </message>
    <message>
        <source>Text files (.txt, .jsonl, .csv, .parquet):</source>
        <translation>Fișiere text (.txt, .jsonl, .csv, .parquet):</translation>
    </message>
    <message>
        <source>The JSON field (.jsonl), CSV column (.csv) or Parquet column (.parquet) that holds the text.</source>
        <translation>Câmpul JSON (.jsonl), coloana CSV (.csv) sau coloana Parquet (.parquet) care conține textul.</translation>
    </message>
    <message>
        <source>Texts (*.txt *.jsonl *.csv *.parquet);;All files (*)</source>
        <translation>Texte (*.txt *.jsonl *.csv *.parquet);;Toate fișierele (*)</translation>
    </message>
    <message>
        <source>Text field of the files:</source>
        <translation>Câmp text al fișierelor:</translation>
    </message>
    <message>
        <source>Fine-tuning %1: its own tokenizer encodes the data, as in the run.</source>
        <translation>Ajustare fină a lui %1: propriul său tokenizator codifică datele, ca în rulare.</translation>
    </message>
    <message>
        <source>No data chosen: tick the built-in corpus, add at least one file or choose a Hugging Face dataset.</source>
        <translation>Nu s-au ales date: bifați corpusul integrat, adăugați cel puțin un fișier sau alegeți un set de date Hugging Face.</translation>
    </message>
</context>
<context>
    <name>DeviceName</name>
    <message numerus="yes">
        <source>CPU (%n core(s))</source>
        <translation>
            <numerusform>CPU (%n nucleu)</numerusform>
            <numerusform>CPU (%n nuclee)</numerusform>
            <numerusform>CPU (%n de nuclee)</numerusform>
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
        <translation>%1 (fișierul %2 din %3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2, already in the cache</source>
        <translation>%1, %2, deja în cache</translation>
    </message>
    <message>
        <source>Downloading %1, %2 of %3</source>
        <translation>Se descarcă %1, %2 din %3</translation>
    </message>
    <message>
        <source>Downloading %1, %2</source>
        <translation>Se descarcă %1, %2</translation>
    </message>
    <message>
        <source>%1, %2/s</source>
        <translation>%1, %2/s</translation>
    </message>
    <message>
        <source>%1, %2 s left</source>
        <translation>%1, încă %2 s</translation>
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
        <translation>cercul unitate</translation>
    </message>
    <message>
        <source>eigenvalues</source>
        <translation>valori proprii</translation>
    </message>
</context>
<context>
    <name>EngineJob</name>
    <message>
        <source>Out of memory: try a smaller model, batch or context.</source>
        <translation>Memorie insuficientă: încercați un model, un lot sau un context mai mic.</translation>
    </message>
    <message>
        <source>The job failed for an unknown reason.</source>
        <translation>Operația a eșuat dintr-un motiv necunoscut.</translation>
    </message>
</context>
<context>
    <name>FineTuneBox</name>
    <message>
        <source>Start from a trained model (fine-tuning)</source>
        <translation>Pornește de la un model antrenat (ajustare fină)</translation>
    </message>
    <message>
        <source>a Hub model repo such as FlameF0X/i3-80m, or a model folder</source>
        <translation>un depozit de model din Hub precum FlameF0X/i3-80m sau un dosar de model</translation>
    </message>
    <message>
        <source>A Hub repo is downloaded into the Hugging Face cache (shared with Python&apos;s huggingface_hub) unless it is there already.</source>
        <translation>Un depozit din Hub este descărcat în memoria cache Hugging Face (folosită și de huggingface_hub din Python), dacă nu se află deja acolo.</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Dosar…</translation>
    </message>
    <message>
        <source>A model folder: config.json, weights and tokenizer.json, as exported or downloaded</source>
        <translation>Un dosar de model: config.json, ponderi și tokenizer.json, așa cum a fost exportat sau descărcat</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Încarcă</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <source>Start from scratch</source>
        <translation>Pornește de la zero</translation>
    </message>
    <message>
        <source>Train fresh weights again, with the settings from before the model was chosen</source>
        <translation>Antrenează din nou ponderi noi, cu setările dinainte de alegerea modelului</translation>
    </message>
    <message>
        <source>A model folder to fine-tune</source>
        <translation>Un dosar de model pentru ajustare fină</translation>
    </message>
    <message>
        <source>Type a Hub model repo (owner/name) or choose a model folder.</source>
        <translation>Introduceți un depozit de model din Hub (proprietar/nume) sau alegeți un dosar de model.</translation>
    </message>
    <message>
        <source>New runs start from fresh weights. Choose a trained model to fine-tune it on the Data panel&apos;s texts instead.</source>
        <translation>Rulările noi pornesc de la ponderi noi. Alegeți un model antrenat pentru a-l ajusta fin pe textele din panoul Date.</translation>
    </message>
    <message>
        <source>Fine-tuning %1: %2 hybrid + %3 attention layers, d_model %4, %5 heads, d_state %6, context %L7, vocabulary %L8 chunks.</source>
        <translation>Ajustare fină a lui %1: %2 straturi hibride + %3 de atenție, d_model %4, %5 capete, d_state %6, context %L7, vocabular de %L8 fragmente.</translation>
    </message>
    <message>
        <source>Its weights start the run, its tokenizer encodes the data, and its shape stays as it is.</source>
        <translation>Ponderile sale pornesc rularea, tokenizatorul său codifică datele, iar forma sa rămâne aceeași.</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dosar: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notă: %1</translation>
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
        <translation>Generare de text</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Încărcați mai întâi un model.</translation>
    </message>
    <message>
        <source>%L1 of %L2 tokens</source>
        <translation>%L1 din %L2 de tokenuri</translation>
    </message>
</context>
<context>
    <name>HeatmapPlot</name>
    <message>
        <source>Point at a cell to read its value.</source>
        <translation>Indicați o celulă pentru a-i citi valoarea.</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>„%1” (%2)</translation>
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
        <translation>Set de date Hugging Face</translation>
    </message>
    <message>
        <source>Train on a dataset of the Hugging Face Hub, as i3lm train --data hf:owner/name does</source>
        <translation>Antrenează pe un set de date din Hugging Face Hub, cum face i3lm train --data hf:owner/name</translation>
    </message>
    <message>
        <source>e.g. roneneldan/TinyStories</source>
        <translation>de ex. roneneldan/TinyStories</translation>
    </message>
    <message>
        <source>The dataset&apos;s repo id on the Hub (owner/name); Enter looks it up.</source>
        <translation>Identificatorul depozitului setului de date în Hub (proprietar/nume); Enter îl caută.</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Caută</translation>
    </message>
    <message>
        <source>List the repo&apos;s files, fill the pickers and show the first rows of the split (its first file is downloaded into the cache unless it is there).</source>
        <translation>Listează fișierele depozitului, completează listele de alegere și arată primele rânduri ale diviziunii (primul ei fișier este descărcat în cache, dacă nu se află deja acolo).</translation>
    </message>
    <message>
        <source>The dataset&apos;s configuration (--hf-config).</source>
        <translation>Configurația setului de date (--hf-config).</translation>
    </message>
    <message>
        <source>The split to train on (--hf-split).</source>
        <translation>Diviziunea pe care se antrenează (--hf-split).</translation>
    </message>
    <message>
        <source>The column that holds the text (--text-field).</source>
        <translation>Coloana care conține textul (--text-field).</translation>
    </message>
    <message>
        <source>Repo:</source>
        <translation>Depozit:</translation>
    </message>
    <message>
        <source>Config:</source>
        <translation>Configurație:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Diviziune:</translation>
    </message>
    <message>
        <source>Text column:</source>
        <translation>Coloana de text:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <source>Stop the download; what arrived waits in the cache to be resumed.</source>
        <translation>Oprește descărcarea; ce a sosit așteaptă în cache pentru a fi reluat.</translation>
    </message>
    <message>
        <source>Shared with Python&apos;s huggingface_hub: what either downloaded serves both. HF_HUB_CACHE or HF_HOME move it; HF_HUB_OFFLINE=1 uses it without asking the Hub.</source>
        <translation>Comună cu huggingface_hub din Python: ce a descărcat oricare dintre ele servește ambelor. HF_HUB_CACHE sau HF_HOME o mută; HF_HUB_OFFLINE=1 o folosește fără a întreba Hub-ul.</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>Primele rânduri:</translation>
    </message>
    <message>
        <source>(whole paragraphs)</source>
        <translation>(paragrafe întregi)</translation>
    </message>
    <message>
        <source>Commit %1. Files in split “%2”: %3, %4 of them in the cache.</source>
        <translation>Commit %1. Fișiere în diviziunea „%2”: %3, dintre care %4 în cache.</translation>
    </message>
    <message>
        <source>The first file was in the cache already: nothing was downloaded.</source>
        <translation>Primul fișier era deja în cache: nu s-a descărcat nimic.</translation>
    </message>
    <message>
        <source>The first file was downloaded for these rows.</source>
        <translation>Primul fișier a fost descărcat pentru aceste rânduri.</translation>
    </message>
    <message>
        <source>The others are downloaded when the data is analysed or a run starts.</source>
        <translation>Celelalte sunt descărcate când datele sunt analizate sau pornește o rulare.</translation>
    </message>
    <message>
        <source>Offline (HF_HUB_OFFLINE): the cache answered, and the Hub was not asked.</source>
        <translation>Offline (HF_HUB_OFFLINE): a răspuns memoria cache, iar Hub-ul nu a fost întrebat.</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>Cache: %1</translation>
    </message>
    <message>
        <source>Type the dataset&apos;s repo id first, such as roneneldan/TinyStories.</source>
        <translation>Introduceți mai întâi identificatorul depozitului setului de date, de exemplu roneneldan/TinyStories.</translation>
    </message>
</context>
<context>
    <name>HubDatasetJob</name>
    <message>
        <source>Looking at a Hub dataset</source>
        <translation>Se examinează un set de date din Hub</translation>
    </message>
    <message>
        <source>Looking for %1 in the Hugging Face cache…</source>
        <translation>Se caută %1 în memoria cache Hugging Face…</translation>
    </message>
    <message>
        <source>Asking the Hugging Face Hub for %1…</source>
        <translation>Se cere %1 de la Hugging Face Hub…</translation>
    </message>
    <message>
        <source>Reading the first rows of %1…</source>
        <translation>Se citesc primele rânduri din %1…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gata</translation>
    </message>
</context>
<context>
    <name>InspectPanel</name>
    <message>
        <source>Load run…</source>
        <translation>Încarcă rulare…</translation>
    </message>
    <message>
        <source>The latest checkpoint of a training run, also one still training</source>
        <translation>Cel mai recent punct de control al unei rulări de antrenare, chiar și al uneia încă în desfășurare</translation>
    </message>
    <message>
        <source>Load model folder…</source>
        <translation>Încarcă dosar de model…</translation>
    </message>
    <message>
        <source>A prompt to follow through the model</source>
        <translation>Un prompt de urmărit prin model</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Inspectează</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Oprește</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Niciun model încărcat.</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>h (the w_mix average of the inputs)</source>
        <translation>h (media w_mix a intrărilor)</translation>
    </message>
    <message>
        <source>s (the state that A carries)</source>
        <translation>s (starea purtată de A)</translation>
    </message>
    <message>
        <source>Inside the recurrence</source>
        <translation>În interiorul recurenței</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>Bloc:</translation>
    </message>
    <message>
        <source>Attention map</source>
        <translation>Harta atenției</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Cap:</translation>
    </message>
    <message>
        <source>Eigenvalues of A and the memory they imply</source>
        <translation>Valorile proprii ale lui A și memoria pe care o implică</translation>
    </message>
    <message>
        <source>w_mix (the share of h kept from one token to the next)</source>
        <translation>w_mix (partea din h păstrată de la un token la următorul)</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>canale</translation>
    </message>
    <message>
        <source>Distribution of w_mix</source>
        <translation>Distribuția lui w_mix</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>Alegeți un dosar de rulare</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>Alegeți un dosar de model</translation>
    </message>
    <message>
        <source>Wait until the current work is done, then try again.</source>
        <translation>Așteptați până se termină lucrul curent, apoi încercați din nou.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Se încarcă %1…</translation>
    </message>
    <message>
        <source>Load a model first: a run or an exported model folder.</source>
        <translation>Încărcați mai întâi un model: o rulare sau un dosar de model exportat.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tokens through %1 blocks.</source>
        <translation>
            <numerusform>%Ln token prin %1 blocuri.</numerusform>
            <numerusform>%Ln tokenuri prin %1 blocuri.</numerusform>
            <numerusform>%Ln de tokenuri prin %1 blocuri.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Oprit.</translation>
    </message>
    <message>
        <source>layers.%1 (hybrid)</source>
        <translation>layers.%1 (hibrid)</translation>
    </message>
    <message>
        <source>layers.%1 (attention)</source>
        <translation>layers.%1 (atenție)</translation>
    </message>
    <message>
        <source>The model has no hybrid block.</source>
        <translation>Modelul nu are niciun bloc hibrid.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>channel of h</source>
        <translation>canal al lui h</translation>
    </message>
    <message>
        <source>component of s</source>
        <translation>componentă a lui s</translation>
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
        <translation>cheie</translation>
    </message>
    <message>
        <source>query</source>
        <translation>interogare</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>pondere</translation>
    </message>
    <message numerus="yes">
        <source>%Ln channels: mean %L1, from %L2 to %L3; </source>
        <translation>
            <numerusform>%Ln canal: media %L1, de la %L2 la %L3; </numerusform>
            <numerusform>%Ln canale: media %L1, de la %L2 la %L3; </numerusform>
            <numerusform>%Ln de canale: media %L1, de la %L2 la %L3; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln below 0 (h flips its sign each token), </source>
        <translation>
            <numerusform>%Ln sub 0 (h își schimbă semnul la fiecare token), </numerusform>
            <numerusform>%Ln sub 0 (h își schimbă semnul la fiecare token), </numerusform>
            <numerusform>%Ln sub 0 (h își schimbă semnul la fiecare token), </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln above 1 (h grows).</source>
        <translation>
            <numerusform>%Ln peste 1 (h crește).</numerusform>
            <numerusform>%Ln peste 1 (h crește).</numerusform>
            <numerusform>%Ln peste 1 (h crește).</numerusform>
        </translation>
    </message>
    <message>
        <source>Half-lives of s: %L1 to %L2 tokens (t with |λ|^t = 1/2).</source>
        <translation>Timpi de înjumătățire ai lui s: de la %L1 la %L2 tokenuri (t cu |λ|^t = 1/2).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the unit circle: kept for ever.</source>
        <translation>
            <numerusform>%Ln pe cercul unitate: păstrată pentru totdeauna.</numerusform>
            <numerusform>%Ln pe cercul unitate: păstrate pentru totdeauna.</numerusform>
            <numerusform>%Ln pe cercul unitate: păstrate pentru totdeauna.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outside the unit circle: no half-life, s grows along them.</source>
        <translation>
            <numerusform>%Ln în afara cercului unitate: fără timp de înjumătățire, s crește de-a lungul ei.</numerusform>
            <numerusform>%Ln în afara cercului unitate: fără timp de înjumătățire, s crește de-a lungul lor.</numerusform>
            <numerusform>%Ln în afara cercului unitate: fără timp de înjumătățire, s crește de-a lungul lor.</numerusform>
        </translation>
    </message>
    <message>
        <source>w_mix</source>
        <translation>w_mix</translation>
    </message>
    <message>
        <source>Over training</source>
        <translation>De-a lungul antrenării</translation>
    </message>
    <message>
        <source>Read the checkpoints</source>
        <translation>Citește checkpointurile</translation>
    </message>
    <message>
        <source>Every periodic checkpoint the loaded run kept (--keep-checkpoints 0 keeps all)</source>
        <translation>Fiecare checkpoint periodic păstrat de rularea încărcată (--keep-checkpoints 0 le păstrează pe toate)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>largest |λ| of A</source>
        <translation>cel mai mare |λ| al lui A</translation>
    </message>
    <message>
        <source>w_mix mean</source>
        <translation>media w_mix</translation>
    </message>
    <message>
        <source>w_mix lowest</source>
        <translation>minimul w_mix</translation>
    </message>
    <message>
        <source>w_mix highest</source>
        <translation>maximul w_mix</translation>
    </message>
    <message>
        <source>Load a run, then read its checkpoints.</source>
        <translation>Încărcați o rulare, apoi citiți-i checkpointurile.</translation>
    </message>
    <message>
        <source>Load a run first: a model folder has no checkpoints.</source>
        <translation>Încărcați mai întâi o rulare: un dosar de model nu are checkpointuri.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln checkpoint(s), from step %1 to %2.</source>
        <translation>
            <numerusform>%Ln checkpoint, de la pasul %1 la %2.</numerusform>
            <numerusform>%Ln checkpointuri, de la pasul %1 la %2.</numerusform>
            <numerusform>%Ln de checkpointuri, de la pasul %1 la %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionJob</name>
    <message>
        <source>Inspecting the model</source>
        <translation>Se inspectează modelul</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Încărcați mai întâi un model.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Introduceți mai întâi un prompt.</translation>
    </message>
    <message numerus="yes">
        <source>The prompt has %Ln tokens; the model&apos;s context holds %L1.</source>
        <translation>
            <numerusform>Promptul are %Ln token; contextul modelului cuprinde %L1.</numerusform>
            <numerusform>Promptul are %Ln tokenuri; contextul modelului cuprinde %L1.</numerusform>
            <numerusform>Promptul are %Ln de tokenuri; contextul modelului cuprinde %L1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inspecting %Ln tokens…</source>
        <translation>
            <numerusform>Se inspectează %Ln token…</numerusform>
            <numerusform>Se inspectează %Ln tokenuri…</numerusform>
            <numerusform>Se inspectează %Ln de tokenuri…</numerusform>
        </translation>
    </message>
    <message>
        <source>Block %1 of %2</source>
        <translation>Blocul %1 din %2</translation>
    </message>
</context>
<context>
    <name>LayerPatternEditor</name>
    <message>
        <source>+ Hybrid</source>
        <translation>+ Hibrid</translation>
    </message>
    <message>
        <source>Adds a hybrid block after the selected one.</source>
        <translation>Adaugă un bloc hibrid după cel selectat.</translation>
    </message>
    <message>
        <source>+ Attention</source>
        <translation>+ Atenție</translation>
    </message>
    <message>
        <source>Adds an attention block after the selected one.</source>
        <translation>Adaugă un bloc de atenție după cel selectat.</translation>
    </message>
    <message>
        <source>Switch kind</source>
        <translation>Schimbă tipul</translation>
    </message>
    <message>
        <source>Makes the selected block an attention block if it is hybrid, and hybrid if it is attention.</source>
        <translation>Face din blocul selectat un bloc de atenție dacă este hibrid și unul hibrid dacă este de atenție.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Elimină</translation>
    </message>
    <message>
        <source>Removes the selected block.</source>
        <translation>Elimină blocul selectat.</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ Mai devreme</translation>
    </message>
    <message>
        <source>Moves the selected block one place earlier.</source>
        <translation>Mută blocul selectat cu o poziție mai devreme.</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>Mai târziu ▶</translation>
    </message>
    <message>
        <source>Moves the selected block one place later.</source>
        <translation>Mută blocul selectat cu o poziție mai târziu.</translation>
    </message>
    <message>
        <source>Reference order</source>
        <translation>Ordinea de referință</translation>
    </message>
    <message>
        <source>The same blocks in the reference&apos;s order: every hybrid block first, then the attention blocks.</source>
        <translation>Aceleași blocuri în ordinea referinței: întâi toate blocurile hibride, apoi blocurile de atenție.</translation>
    </message>
    <message>
        <source>The blocks in order, one letter each: H a hybrid block, A an attention block.</source>
        <translation>Blocurile în ordine, câte o literă: H un bloc hibrid, A un bloc de atenție.</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <source>The token and position embeddings (embed, pos_embed).</source>
        <translation>Embedding-urile tokenurilor și pozițiilor (embed, pos_embed).</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Cap</translation>
    </message>
    <message>
        <source>The final norm and the head that gives the logits (ln_f, head).</source>
        <translation>Normalizarea finală și capul care dă logiții (ln_f, head).</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s): %1 hybrid, %2 attention</source>
        <translation>
            <numerusform>%n bloc: %1 hibride, %2 de atenție</numerusform>
            <numerusform>%n blocuri: %1 hibride, %2 de atenție</numerusform>
            <numerusform>%n de blocuri: %1 hibride, %2 de atenție</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, in the reference&apos;s order.</source>
        <translation>%1, în ordinea referinței.</translation>
    </message>
    <message>
        <source>%1, in an order of your own: config.json records it as layer_pattern, and the reference&apos;s scripts, which build the hybrid blocks first, cannot load the model.</source>
        <translation>%1, într-o ordine proprie: config.json o reține ca layer_pattern, iar scripturile referinței, care construiesc întâi blocurile hibride, nu pot încărca modelul.</translation>
    </message>
    <message>
        <source>Each hybrid block: %1 parameters, %2 per token in training. Each attention block: %3 parameters, %4 per token (its part of the attention grows with the context).</source>
        <translation>Fiecare bloc hibrid: %1 parametri, %2 per token la antrenare. Fiecare bloc de atenție: %3 parametri, %4 per token (partea atenției crește cu contextul).</translation>
    </message>
    <message>
        <source>hybrid block (RWKV-Mamba recurrence)</source>
        <translation>bloc hibrid (recurență RWKV-Mamba)</translation>
    </message>
    <message>
        <source>attention block (causal self-attention)</source>
        <translation>bloc de atenție (self-attention cauzală)</translation>
    </message>
    <message>
        <source>Block %1 of %2, layers.%3: %4
%5 parameters, %6 per token in training</source>
        <translation>Blocul %1 din %2, layers.%3: %4
%5 parametri, %6 per token la antrenare</translation>
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
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Model &amp;&amp; hyperparameters</source>
        <translation>&amp;Model &amp;&amp; hiperparametri</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>A&amp;ntrenare</translation>
    </message>
    <message>
        <source>Context &amp;probe</source>
        <translation>Sondă de &amp;context</translation>
    </message>
    <message>
        <source>P&amp;layground</source>
        <translation>P&amp;layground</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Rulări</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Antrenează</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Start a training run with the chosen data and configuration (Ctrl+T)</source>
        <translation>Pornește o rulare de antrenare cu datele și configurația alese (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pauză</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Oprește</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Stop training after the current step; a checkpoint is saved</source>
        <translation>Oprește antrenarea după pasul curent; se salvează un punct de control</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fișier</translation>
    </message>
    <message>
        <source>Choose &amp;workspace…</source>
        <translation>Alege spațiul de &amp;lucru…</translation>
    </message>
    <message>
        <source>&amp;Open run…</source>
        <translation>&amp;Deschide o rulare…</translation>
    </message>
    <message>
        <source>&amp;Load model into the playground…</source>
        <translation>În&amp;carcă modelul în Playground…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ieșire</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vizualizare</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Model &amp;&amp; hyperparameters</source>
        <translation>Model &amp;&amp; hiperparametri</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Antrenare</translation>
    </message>
    <message>
        <source>Context probe</source>
        <translation>Sondă de context</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Playground</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Setări</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Limbă</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Limba sistemului</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ajutor</translation>
    </message>
    <message>
        <source>&amp;About i3 Studio</source>
        <translation>&amp;Despre i3 Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Despre &amp;Qt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pregătit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulează</translation>
    </message>
    <message>
        <source>Workspace folder for training runs</source>
        <translation>Dosarul spațiului de lucru pentru rulările de antrenare</translation>
    </message>
    <message>
        <source>Cannot create the workspace folder %1</source>
        <translation>Dosarul spațiului de lucru %1 nu poate fi creat</translation>
    </message>
    <message>
        <source>%1: stopped</source>
        <translation>%1: oprit</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: gata</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a eșuat: %2</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <source>GPU memory %1 / %2 GiB</source>
        <translation>Memorie GPU %1 / %2 GiB</translation>
    </message>
    <message>
        <source>RAM %1 / %2 GiB</source>
        <translation>RAM %1 / %2 GiB</translation>
    </message>
    <message>
        <source>Open a run folder</source>
        <translation>Deschide un dosar de rulare</translation>
    </message>
    <message>
        <source>A model folder (config.json, weights, tokenizer.json) or a run folder</source>
        <translation>Un dosar de model (config.json, ponderi, tokenizer.json) sau un dosar de rulare</translation>
    </message>
    <message>
        <source>About i3 Studio</source>
        <translation>Despre i3 Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;i3 Studio %1&lt;/h3&gt;&lt;p&gt;Train, watch and play with i3 hybrid language models (RWKV-Mamba recurrent blocks and full attention).&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;i3 Studio %1&lt;/h3&gt;&lt;p&gt;Antrenați, urmăriți și experimentați cu modele de limbaj hibride i3 (blocuri recurente RWKV-Mamba și atenție completă).&lt;/p&gt;&lt;p&gt;Software liber sub licența GNU General Public License, versiunea 3 sau ulterioară.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This workspace is used until i3 Studio closes; it could not be remembered: %1</source>
        <translation>Acest spațiu de lucru este folosit până la închiderea i3 Studio; nu a putut fi reținut: %1</translation>
    </message>
    <message>
        <source>%1 is set, so the next start opens its folder instead of this one.</source>
        <translation>%1 este setată, așa că la următoarea pornire se deschide dosarul ei în locul acestuia.</translation>
    </message>
    <message>
        <source>&amp;Resume run</source>
        <translation>&amp;Reia rularea</translation>
    </message>
    <message>
        <source>Continue the open run from its latest checkpoint</source>
        <translation>Continuă rularea deschisă de la cel mai recent checkpoint</translation>
    </message>
    <message>
        <source>&amp;Fork from a checkpoint…</source>
        <translation>&amp;Ramifică dintr-un checkpoint…</translation>
    </message>
    <message>
        <source>A new run from a checkpoint of the open run, with the Model panel&apos;s settings (the model&apos;s shape stays)</source>
        <translation>O rulare nouă dintr-un checkpoint al rulării deschise, cu setările panoului Model (forma modelului rămâne)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Antrenează</translation>
    </message>
    <message>
        <source>The open run %1 was stopped before its end. Resume it, or start a new run with the current settings?</source>
        <translation>Rularea deschisă %1 a fost oprită înainte de final. O reluați sau porniți o rulare nouă cu setările actuale?</translation>
    </message>
    <message>
        <source>Resume it</source>
        <translation>Reia-o</translation>
    </message>
    <message>
        <source>Start a new run</source>
        <translation>Pornește o rulare nouă</translation>
    </message>
    <message>
        <source>%1 has no checkpoint yet.</source>
        <translation>%1 nu are încă niciun checkpoint.</translation>
    </message>
    <message>
        <source>Fork from a checkpoint</source>
        <translation>Ramifică dintr-un checkpoint</translation>
    </message>
    <message>
        <source>Checkpoint of %1:</source>
        <translation>Checkpoint al rulării %1:</translation>
    </message>
    <message>
        <source>Saving a checkpoint; the run then continues in the background…</source>
        <translation>Se salvează un checkpoint; apoi rularea continuă în fundal…</translation>
    </message>
    <message>
        <source>Saving a checkpoint; i3 Studio closes once it is written…</source>
        <translation>Se salvează un checkpoint; i3 Studio se închide după ce este scris…</translation>
    </message>
    <message>
        <source>A run is training</source>
        <translation>O rulare se antrenează</translation>
    </message>
    <message>
        <source>The run in %1 is training. Whatever you choose, it is saved: it stops after the current step and writes a checkpoint.</source>
        <translation>Rularea din %1 se antrenează. Orice ați alege, este salvată: se oprește după pasul curent și scrie un checkpoint.</translation>
    </message>
    <message>
        <source>Keep training in the background</source>
        <translation>Continuă antrenarea în fundal</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>Oprește antrenarea</translation>
    </message>
    <message>
        <source>Training cannot go on in the background here: i3lm, which would continue the run without a window, was found neither beside i3 Studio nor on PATH.</source>
        <translation>Antrenarea nu poate continua aici în fundal: i3lm, care ar continua rularea fără fereastră, nu a fost găsit nici lângă i3 Studio, nici în PATH.</translation>
    </message>
    <message>
        <source>Keep training in the background: once the checkpoint is written, %1 train --resume continues the run without a window until its last step (its output goes to %2 in the run folder). Open the run in i3 Studio later to see its curves.
Stop training: the run waits for you to resume it.</source>
        <translation>Continuă antrenarea în fundal: după ce checkpoint-ul este scris, %1 train --resume continuă rularea fără fereastră până la ultimul ei pas (ieșirea sa merge în %2 din dosarul rulării). Deschideți rularea mai târziu în i3 Studio pentru a-i vedea curbele.
Oprește antrenarea: rularea așteaptă să o reluați.</translation>
    </message>
    <message>
        <source>The run is stopped and saved, but it could not continue in the background: %1
Resume it later in i3 Studio or with i3lm train --resume %2.</source>
        <translation>Rularea este oprită și salvată, dar nu a putut continua în fundal: %1
Reluați-o mai târziu în i3 Studio sau cu i3lm train --resume %2.</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1: eșuat</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Inspectează</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspectează</translation>
    </message>
    <message>
        <source>Device &amp;samples per second</source>
        <translation>&amp;Eșantioane de dispozitiv pe secundă</translation>
    </message>
    <message>
        <source>&amp;Peak rate for MFU…</source>
        <translation>Rata de &amp;vârf pentru MFU…</translation>
    </message>
    <message>
        <source>Peak rate for MFU</source>
        <translation>Rata de vârf pentru MFU</translation>
    </message>
    <message>
        <source>The device&apos;s peak rate in TFLOP/s, for devices whose own the studio does not know
(it knows the H100&apos;s and the H200&apos;s). 0 shows no MFU on them. Used from the next run on.</source>
        <translation>Rata de vârf a dispozitivului în TFLOP/s, pentru dispozitivele a căror rată studioul nu o cunoaște
(o cunoaște pe a lui H100 și H200). 0 nu arată MFU pe ele. Se folosește de la următoarea rulare.</translation>
    </message>
    <message>
        <source>The language changes when i3 Studio starts again, or choose it again once the running work has ended.</source>
        <translation>Limba se schimbă când i3 Studio pornește din nou, sau alegeți-o din nou după ce s-a încheiat lucrul în curs.</translation>
    </message>
    <message>
        <source>Model m&amp;ap</source>
        <translation>H&amp;arta modelului</translation>
    </message>
    <message>
        <source>Model map</source>
        <translation>Harta modelului</translation>
    </message>
    <message>
        <source>Token &amp;workbench</source>
        <translation>Atelier de &amp;tokenuri</translation>
    </message>
    <message>
        <source>Token workbench</source>
        <translation>Atelier de tokenuri</translation>
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
        <translation>Axă y logaritmică</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Scară logaritmică</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>Încadrează tot</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exportă PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportă CSV…</translation>
    </message>
    <message>
        <source>⋯</source>
        <translation>⋯</translation>
    </message>
    <message>
        <source>Fit, export</source>
        <translation>Încadrare, export</translation>
    </message>
    <message>
        <source>Export plot as PNG</source>
        <translation>Exportă graficul ca PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagini PNG (*.png)</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Exportă graficul</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Nu s-a putut scrie %1.</translation>
    </message>
    <message>
        <source>Export data as CSV</source>
        <translation>Exportă datele ca CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fișiere CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exportă datele</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Nu s-a putut scrie %1: %2</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1: %2 la %3</translation>
    </message>
    <message>
        <source> (smoothed %1)</source>
        <translation> (netezit %1)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 la %2</translation>
    </message>
</context>
<context>
    <name>ModelLoadJob</name>
    <message>
        <source>Loading a model</source>
        <translation>Încărcare model</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Se încarcă %1…</translation>
    </message>
    <message>
        <source>Could not create a temporary folder for the checkpoint: %1</source>
        <translation>Nu s-a putut crea un dosar temporar pentru punctul de control: %1</translation>
    </message>
    <message>
        <source>Copying the latest checkpoint of %1…</source>
        <translation>Se copiază ultimul punct de control din %1…</translation>
    </message>
    <message>
        <source>Loading the checkpoint…</source>
        <translation>Se încarcă punctul de control…</translation>
    </message>
    <message>
        <source>Model “%1”</source>
        <translation>Modelul „%1”</translation>
    </message>
    <message>
        <source>%1: %2 hybrid + %3 attention layers, d_model %4, %5 heads, d_state %6, context %L7, vocabulary %L8; %L9 parameters, on %10.</source>
        <translation>%1: %2 straturi hibride + %3 de atenție, d_model %4, %5 capete, d_state %6, context %L7, vocabular %L8; %L9 de parametri, pe %10.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notă: %1</translation>
    </message>
    <message>
        <source>Asking the Hugging Face Hub for %1…</source>
        <translation>Se cere %1 de la Hugging Face Hub…</translation>
    </message>
    <message>
        <source>Hub model “%1”</source>
        <translation>Modelul din Hub „%1”</translation>
    </message>
    <message>
        <source>Copying the checkpoint %1…</source>
        <translation>Se copiază checkpointul %1…</translation>
    </message>
    <message>
        <source>Run “%1” at step %L2</source>
        <translation>Rularea „%1” la pasul %L2</translation>
    </message>
</context>
<context>
    <name>ModelMapPanel</name>
    <message>
        <source>The recorded step whose numbers the map, the table and the histograms show</source>
        <translation>Pasul înregistrat ale cărui valori le arată harta, tabelul și histogramele</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Pasul:</translation>
    </message>
    <message>
        <source>Each block: parameters and their share, training FLOPs per token and their share; the bar: update / weight of the shown step (log scale, 1e-6 to 1e-1).</source>
        <translation>Fiecare bloc: parametrii și ponderea lor, FLOP-urile de antrenare per token și ponderea lor; bara: actualizare / pondere la pasul arătat (scară logaritmică, 1e-6 până la 1e-1).</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Formă</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametri</translation>
    </message>
    <message>
        <source>Weight norm</source>
        <translation>Norma ponderilor</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Norma gradientului</translation>
    </message>
    <message>
        <source>Update / weight</source>
        <translation>Actualizare / pondere</translation>
    </message>
    <message>
        <source>Norms</source>
        <translation>Norme</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>ponderi</translation>
    </message>
    <message>
        <source>gradient (clipped)</source>
        <translation>gradient (limitat)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>weight norm</source>
        <translation>norma ponderilor</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>norma gradientului</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>tensor</translation>
    </message>
    <message>
        <source>whole block</source>
        <translation>blocul întreg</translation>
    </message>
    <message>
        <source>update norm / weight norm</source>
        <translation>norma actualizării / norma ponderilor</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valoarea ponderii</translation>
    </message>
    <message>
        <source>values</source>
        <translation>valori</translation>
    </message>
    <message>
        <source>gradient value</source>
        <translation>valoarea gradientului</translation>
    </message>
    <message>
        <source>No run open.</source>
        <translation>Nicio rulare deschisă.</translation>
    </message>
    <message>
        <source>Train or open a run: its blocks appear here, and their weights&apos; statistics as the run records them.</source>
        <translation>Antrenați sau deschideți o rulare: blocurile ei apar aici, iar statisticile ponderilor pe măsură ce rularea le înregistrează.</translation>
    </message>
    <message>
        <source>Run %1: %2, %3 parameters</source>
        <translation>Rularea %1: %2, %3 parametri</translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocks</source>
        <translation>
            <numerusform>%Ln bloc</numerusform>
            <numerusform>%Ln blocuri</numerusform>
            <numerusform>%Ln de blocuri</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>%1 nu poate fi afișată: %2</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>încorporare</translation>
    </message>
    <message>
        <source>hybrid %1</source>
        <translation>hibrid %1</translation>
    </message>
    <message>
        <source>attention %1</source>
        <translation>atenție %1</translation>
    </message>
    <message>
        <source>head</source>
        <translation>cap</translation>
    </message>
    <message numerus="yes">
        <source>No weight statistics yet: the run records them every %Ln steps.</source>
        <translation>
            <numerusform>Încă nu există statistici ale ponderilor: rularea le înregistrează la fiecare pas.</numerusform>
            <numerusform>Încă nu există statistici ale ponderilor: rularea le înregistrează la fiecare %Ln pași.</numerusform>
            <numerusform>Încă nu există statistici ale ponderilor: rularea le înregistrează la fiecare %Ln de pași.</numerusform>
        </translation>
    </message>
    <message>
        <source>This run records no weight statistics (Weight statistics every: off).</source>
        <translation>Această rulare nu înregistrează statistici ale ponderilor (Statistici ale ponderilor la fiecare: oprit).</translation>
    </message>
    <message>
        <source>%1, every %2.</source>
        <translation>%1, la fiecare %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>%Ln înregistrare</numerusform>
            <numerusform>%Ln înregistrări</numerusform>
            <numerusform>%Ln de înregistrări</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln steps</source>
        <translation>
            <numerusform>%Ln pas</numerusform>
            <numerusform>%Ln pași</numerusform>
            <numerusform>%Ln de pași</numerusform>
        </translation>
    </message>
    <message>
        <source>latest (%1)</source>
        <translation>cel mai recent (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %3 parameters, %4 % of the model; %5 FLOPs per token in training, %6 %</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2): %3 parametri, %4 % din model; %5 FLOP per token la antrenare, %6 %</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Ponderi</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>Weights at step %1</source>
        <translation>Ponderile la pasul %1</translation>
    </message>
    <message>
        <source>Gradient at step %1</source>
        <translation>Gradientul la pasul %1</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <source>An estimate, not a measurement: weights, gradients and AdamW&apos;s two moments take 4 × parameters × 4 bytes; the activations are counted as batch × context × d_model × (12 × layers + 2) floats, plus 2 × batch × heads × context² per attention layer and 2 × batch × context × vocabulary for the loss. The Context probe measures the real peak.</source>
        <translation>O estimare, nu o măsurătoare: ponderile, gradienții și cele două momente ale AdamW ocupă 4 × parametri × 4 octeți; activările sunt socotite ca lot × context × d_model × (12 × straturi + 2) valori float, plus 2 × lot × capete × context² pentru fiecare strat de atenție și 2 × lot × context × vocabular pentru pierdere. Sonda de context măsoară vârful real.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizat</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Presetare:</translation>
    </message>
    <message>
        <source>Width (d_model):</source>
        <translation>Lățime (d_model):</translation>
    </message>
    <message>
        <source>The size of every token&apos;s vector; must be divisible by the heads.</source>
        <translation>Dimensiunea vectorului fiecărui token; trebuie să fie divizibilă cu numărul de capete.</translation>
    </message>
    <message>
        <source>Attention heads:</source>
        <translation>Capete de atenție:</translation>
    </message>
    <message>
        <source>Heads of each attention layer; each sees d_model / heads dimensions.</source>
        <translation>Capetele fiecărui strat de atenție; fiecare vede d_model / capete dimensiuni.</translation>
    </message>
    <message>
        <source>Recurrent state (d_state):</source>
        <translation>Stare recurentă (d_state):</translation>
    </message>
    <message>
        <source>The size of the hybrid layers&apos; state s (the A matrix is d_state × d_state).</source>
        <translation>Dimensiunea stării s a straturilor hibride (matricea A este d_state × d_state).</translation>
    </message>
    <message>
        <source>Hybrid layers:</source>
        <translation>Straturi hibride:</translation>
    </message>
    <message>
        <source>Attention layers:</source>
        <translation>Straturi de atenție:</translation>
    </message>
    <message>
        <source>Context (tokens):</source>
        <translation>Context (tokenuri):</translation>
    </message>
    <message>
        <source>The longest window the model sees (max_seq_len).</source>
        <translation>Cea mai lungă fereastră pe care o vede modelul (max_seq_len).</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>Vocabular:</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimizare</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Pași:</translation>
    </message>
    <message>
        <source>Optimizer steps to train.</source>
        <translation>Numărul de pași ai optimizatorului.</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Mărimea lotului:</translation>
    </message>
    <message>
        <source>Windows per micro-batch.</source>
        <translation>Ferestre per micro-lot.</translation>
    </message>
    <message>
        <source>Gradient accumulation:</source>
        <translation>Acumulare de gradienți:</translation>
    </message>
    <message>
        <source>Micro-batches per optimizer step.</source>
        <translation>Micro-loturi per pas al optimizatorului.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Rată de învățare:</translation>
    </message>
    <message>
        <source>The peak learning rate, reached after the warm-up.</source>
        <translation>Rata de învățare maximă, atinsă după încălzire.</translation>
    </message>
    <message>
        <source>Warm-up steps:</source>
        <translation>Pași de încălzire:</translation>
    </message>
    <message>
        <source>Final lr ratio:</source>
        <translation>Raport lr final:</translation>
    </message>
    <message>
        <source>The cosine schedule ends at this fraction of the peak.</source>
        <translation>Programul cosinus se încheie la această fracțiune din valoarea maximă.</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>Atenuarea ponderilor:</translation>
    </message>
    <message>
        <source>AdamW&apos;s decoupled weight decay.</source>
        <translation>Atenuarea decuplată a ponderilor din AdamW.</translation>
    </message>
    <message>
        <source>Adam β1:</source>
        <translation>Adam β1:</translation>
    </message>
    <message>
        <source>AdamW&apos;s first beta.</source>
        <translation>Primul beta al AdamW.</translation>
    </message>
    <message>
        <source>Adam β2:</source>
        <translation>Adam β2:</translation>
    </message>
    <message>
        <source>AdamW&apos;s second beta.</source>
        <translation>Al doilea beta al AdamW.</translation>
    </message>
    <message>
        <source>Adam ε:</source>
        <translation>Adam ε:</translation>
    </message>
    <message>
        <source>AdamW&apos;s epsilon.</source>
        <translation>Epsilonul AdamW.</translation>
    </message>
    <message>
        <source>Gradient clip (norm):</source>
        <translation>Limitare gradient (normă):</translation>
    </message>
    <message>
        <source>Gradients are scaled down to this norm when larger.</source>
        <translation>Gradienții mai mari sunt reduși la această normă.</translation>
    </message>
    <message>
        <source>The same seed, data and settings give the same run.</source>
        <translation>Aceeași sămânță, aceleași date și setări dau aceeași rulare.</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Sămânță:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispozitiv:</translation>
    </message>
    <message>
        <source>Logging, evaluation and samples</source>
        <translation>Jurnal, evaluare și mostre</translation>
    </message>
    <message>
        <source>Log every (steps):</source>
        <translation>Jurnal la fiecare (pași):</translation>
    </message>
    <message>
        <source>How often loss, perplexity, gradient norm and lr are recorded.</source>
        <translation>Cât de des se înregistrează pierderea, perplexitatea, norma gradientului și lr.</translation>
    </message>
    <message>
        <source>Evaluate every (steps):</source>
        <translation>Evaluare la fiecare (pași):</translation>
    </message>
    <message>
        <source>How often validation loss is measured and samples are written.</source>
        <translation>Cât de des se măsoară pierderea de validare și se scriu mostre.</translation>
    </message>
    <message>
        <source>Checkpoint every (steps):</source>
        <translation>Punct de control la fiecare (pași):</translation>
    </message>
    <message>
        <source>How often the model is saved.</source>
        <translation>Cât de des se salvează modelul.</translation>
    </message>
    <message>
        <source>Loss window (steps):</source>
        <translation>Fereastră de pierdere (pași):</translation>
    </message>
    <message>
        <source>The running mean of this many training losses decides the best model.</source>
        <translation>Media mobilă a atâtor pierderi de antrenare decide cel mai bun model.</translation>
    </message>
    <message>
        <source>Evaluation windows:</source>
        <translation>Ferestre de evaluare:</translation>
    </message>
    <message>
        <source>Validation windows averaged per evaluation.</source>
        <translation>Ferestre de validare mediate la fiecare evaluare.</translation>
    </message>
    <message>
        <source>One prompt per line; each evaluation writes a sample for every prompt.</source>
        <translation>Un prompt pe linie; fiecare evaluare scrie o mostră pentru fiecare prompt.</translation>
    </message>
    <message>
        <source>Sample prompts:</source>
        <translation>Prompturi pentru mostre:</translation>
    </message>
    <message>
        <source>Sample length (tokens):</source>
        <translation>Lungime mostră (tokenuri):</translation>
    </message>
    <message>
        <source>New tokens per sample.</source>
        <translation>Tokenuri noi per mostră.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (not available here)</source>
        <translation>%1 (indisponibil aici)</translation>
    </message>
    <message>
        <source>the seed must be a whole number from 0 to %1</source>
        <translation>sămânța trebuie să fie un număr întreg de la 0 la %1</translation>
    </message>
    <message>
        <source>the device %1 is not available on this machine</source>
        <translation>dispozitivul %1 nu este disponibil pe acest calculator</translation>
    </message>
    <message>
        <source>Parameters: – (see the problems below)</source>
        <translation>Parametri: – (vedeți problemele de mai jos)</translation>
    </message>
    <message>
        <source>Training memory: –</source>
        <translation>Memorie de antrenare: –</translation>
    </message>
    <message>
        <source>%1 chunks, from the tokenizer</source>
        <translation>%1 de fragmente, de la tokenizator</translation>
    </message>
    <message>
        <source>%1 chunks (assumed until the data is analysed)</source>
        <translation>%1 de fragmente (presupus până la analiza datelor)</translation>
    </message>
    <message>
        <source>That is more than the %1 of %2: it will not fit.</source>
        <translation>Depășește memoria de %1 a dispozitivului %2: nu va încăpea.</translation>
    </message>
    <message>
        <source>%1 has %2.</source>
        <translation>%1 are %2.</translation>
    </message>
    <message>
        <source>Training memory ≈ %1: weights, gradients and AdamW state %2 + activations %3 (batch %4, context %5). %6</source>
        <translation>Memorie de antrenare ≈ %1: ponderi, gradienți și starea AdamW %2 + activări %3 (lot %4, context %5). %6</translation>
    </message>
    <message>
        <source>Steps of linear warm-up: step i (counting from 0) uses lr × (i + 1) / warm-up steps.</source>
        <translation>Pași de încălzire liniară: pasul i (numărând de la 0) folosește lr × (i + 1) / pașii de încălzire.</translation>
    </message>
    <message>
        <source>Checkpoints kept:</source>
        <translation>Puncte de control păstrate:</translation>
    </message>
    <message>
        <source>The newest this many periodic checkpoints stay on disk, besides the best.</source>
        <translation>Atâtea dintre cele mai noi puncte de control periodice rămân pe disc, pe lângă cel mai bun.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toate</translation>
    </message>
    <message>
        <source>Set for fine-tuning (change them as you like): learning rate %1 (was %2), %3 steps (was %4), %5 warm-up steps (was %6).</source>
        <translation>Setat pentru ajustare fină (modificați după dorință): rata de învățare %1 (era %2), %3 pași (erau %4), %5 pași de încălzire (erau %6).</translation>
    </message>
    <message>
        <source>%1 is %2 here but %3 in %4, the model being fine-tuned, whose shape cannot change (Start from scratch for another shape)</source>
        <translation>%1 este aici %2, dar %3 în %4, modelul ajustat fin, a cărui formă nu se poate schimba („Pornește de la zero” pentru altă formă)</translation>
    </message>
    <message>
        <source>%1 chunks, the tokenizer of %2</source>
        <translation>%1 de fragmente, tokenizatorul lui %2</translation>
    </message>
    <message>
        <source>The Data panel&apos;s last analysis used another tokenizer (%1 chunks); the run encodes the data with the model&apos;s, so analyse again to see its counts.</source>
        <translation>Ultima analiză din panoul Date a folosit alt tokenizator (%1 fragmente); rularea codifică datele cu cel al modelului, deci analizați din nou pentru a-i vedea numerele.</translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation>fp32 (exact)</translation>
    </message>
    <message>
        <source>bf16 (CUDA: 2–3× faster)</source>
        <translation>bf16 (CUDA: de 2–3× mai rapid)</translation>
    </message>
    <message>
        <source>bf16 runs the matrix products and attention in bfloat16 over float32 weights and optimizer state; the loss stays within a fraction of a percent of fp32&apos;s. CUDA devices only.</source>
        <translation>bf16 calculează produsele de matrice și atenția în bfloat16, peste ponderi și stare a optimizatorului în float32; pierderea rămâne la o fracțiune de procent de cea din fp32. Doar pe dispozitive CUDA.</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Precizie:</translation>
    </message>
    <message>
        <source>recompute activations</source>
        <translation>recalculează activările</translation>
    </message>
    <message>
        <source>Activation checkpointing: keeps only each block&apos;s input during the forward pass and recomputes the rest in the backward pass: much less memory at long contexts, for about a third more compute.</source>
        <translation>Checkpointing al activărilor: păstrează la propagarea înainte doar intrarea fiecărui bloc și recalculează restul la propagarea înapoi: mult mai puțină memorie la contexte lungi, pentru cu aproximativ o treime mai mult calcul.</translation>
    </message>
    <message>
        <source>Checkpointing:</source>
        <translation>Checkpointing:</translation>
    </message>
    <message>
        <source>Each preset brings a shape and the training recipe that suits it. i3-80m and i3-22m are the published models, with the reference&apos;s recipe; small, the default without a GPU, writes readable sentences within minutes on a CPU; tiny is for quick tests.</source>
        <translation>Fiecare presetare aduce o formă și rețeta de antrenare potrivită. i3-80m și i3-22m sunt modelele publicate, cu rețeta referinței; small, implicita fără GPU, scrie propoziții lizibile în câteva minute pe un CPU; tiny este pentru teste rapide.</translation>
    </message>
    <message>
        <source>Parameters: – (counted once the data&apos;s vocabulary is known)</source>
        <translation>Parametri: – (numărați după ce vocabularul datelor este cunoscut)</translation>
    </message>
    <message>
        <source>counting the data&apos;s chunks…</source>
        <translation>se numără fragmentele datelor…</translation>
    </message>
    <message>
        <source>RWKV-Mamba recurrent blocks; the layer pattern below orders them.</source>
        <translation>Blocuri recurente RWKV-Mamba; modelul de straturi de mai jos le ordonează.</translation>
    </message>
    <message>
        <source>Full causal attention blocks; the layer pattern below orders them.</source>
        <translation>Blocuri de atenție cauzală completă; modelul de straturi de mai jos le ordonează.</translation>
    </message>
    <message>
        <source>Layer pattern</source>
        <translation>Modelul straturilor</translation>
    </message>
    <message>
        <source>Parameters: %1 (%2 million); training: %3 per token</source>
        <translation>Parametri: %1 (%2 milioane); antrenare: %3 per token</translation>
    </message>
    <message>
        <source>Weight statistics every (steps):</source>
        <translation>Statistici ale ponderilor la fiecare (pași):</translation>
    </message>
    <message>
        <source>How often each weight tensor&apos;s norms and histograms, and its gradient&apos;s, are recorded for the Model map.</source>
        <translation>Cât de des se înregistrează normele și histogramele fiecărui tensor de ponderi și ale gradientului său pentru harta modelului.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Oprit</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source>Load folder…</source>
        <translation>Încarcă dosar…</translation>
    </message>
    <message>
        <source>An exported model folder: config.json, weights and tokenizer.json</source>
        <translation>Un dosar de model exportat: config.json, ponderi și tokenizer.json</translation>
    </message>
    <message>
        <source>Load run…</source>
        <translation>Încarcă rulare…</translation>
    </message>
    <message>
        <source>A run folder: its latest checkpoint, also while it trains</source>
        <translation>Un dosar de rulare: ultimul său punct de control, chiar și în timpul antrenării</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Niciun model încărcat.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispozitiv:</translation>
    </message>
    <message>
        <source>All the way left turns the top-k cut off.</source>
        <translation>Complet la stânga dezactivează limitarea top-k.</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> de tokenuri</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Eșantionare</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatură:</translation>
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
        <translation>Lungime:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Sămânță:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generează</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Oprește</translation>
    </message>
    <message>
        <source>Type a prompt, e.g. “once upon a time”, then press Generate (Ctrl+Return).</source>
        <translation>Scrieți un prompt, de ex. „once upon a time”, apoi apăsați „Generează” (Ctrl+Return).</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokenuri</translation>
    </message>
    <message>
        <source>off</source>
        <translation>oprit</translation>
    </message>
    <message>
        <source>Choose an exported model folder</source>
        <translation>Alegeți un dosar de model exportat</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>Alegeți un dosar de rulare</translation>
    </message>
    <message>
        <source>A model is still loading; try again when it is ready.</source>
        <translation>Un model încă se încarcă; încercați din nou când este gata.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Se încarcă %1…</translation>
    </message>
    <message>
        <source>Load a model first: an exported model folder or a run.</source>
        <translation>Încărcați mai întâi un model: un dosar de model exportat sau o rulare.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Se generează…</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) · %1 tokens/s</source>
        <translation>
            <numerusform>%n token · %1 tokenuri/s</numerusform>
            <numerusform>%n tokenuri · %1 tokenuri/s</numerusform>
            <numerusform>%n de tokenuri · %1 tokenuri/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Oprit: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Gata: %1</translation>
    </message>
    <message>
        <source>From the Hugging Face Hub…</source>
        <translation>De pe Hugging Face Hub…</translation>
    </message>
    <message>
        <source>A model repo such as FlameF0X/i3-80m, downloaded into the Hugging Face cache (shared with Python&apos;s huggingface_hub) unless it is there already</source>
        <translation>Un depozit de model precum FlameF0X/i3-80m, descărcat în memoria cache Hugging Face (folosită și de huggingface_hub din Python), dacă nu se află deja acolo</translation>
    </message>
    <message>
        <source>Model from the Hugging Face Hub</source>
        <translation>Model de pe Hugging Face Hub</translation>
    </message>
    <message>
        <source>Model repo (owner/name):</source>
        <translation>Depozitul modelului (proprietar/nume):</translation>
    </message>
    <message>
        <source>The run&apos;s checkpoints; pick one to load it instead</source>
        <translation>Checkpointurile rulării; alegeți unul pentru a-l încărca pe acela</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>Checkpoint:</translation>
    </message>
    <message>
        <source>Greedy: always the most likely token</source>
        <translation>Greedy: mereu tokenul cel mai probabil</translation>
    </message>
    <message>
        <source>As i3lm generate --top-k 1: the same text for every seed; temperature, top-k and top-p do not apply</source>
        <translation>Ca i3lm generate --top-k 1: același text pentru orice seed; temperatura, top-k și top-p nu se aplică</translation>
    </message>
    <message>
        <source>Best: step %L1</source>
        <translation>Cel mai bun: pasul %L1</translation>
    </message>
    <message>
        <source>Latest: step %L1</source>
        <translation>Cel mai recent: pasul %L1</translation>
    </message>
    <message>
        <source>Step %L1</source>
        <translation>Pasul %L1</translation>
    </message>
    <message>
        <source>Loaded: step %L1, the latest checkpoint and the best evaluation so far</source>
        <translation>Încărcat: pasul %L1, cel mai recent checkpoint și cea mai bună evaluare de până acum</translation>
    </message>
    <message>
        <source>Loaded: step %L1, the latest checkpoint</source>
        <translation>Încărcat: pasul %L1, cel mai recent checkpoint</translation>
    </message>
    <message>
        <source>Loaded: step %L1, the checkpoint of the best evaluation</source>
        <translation>Încărcat: pasul %L1, checkpointul celei mai bune evaluări</translation>
    </message>
    <message>
        <source>Loaded: step %L1, an earlier checkpoint</source>
        <translation>Încărcat: pasul %L1, un checkpoint anterior</translation>
    </message>
</context>
<context>
    <name>PlotExportDialog</name>
    <message>
        <source>Export the plots</source>
        <translation>Exportă graficele</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Răsfoiește…</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>PNG image (pixels)</source>
        <translation>Imagine PNG (pixeli)</translation>
    </message>
    <message>
        <source>PDF, vector graphics (points)</source>
        <translation>PDF, grafică vectorială (puncte)</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dosar:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Dimensiune:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Each plot goes into its own file: loss, perplexity, learning-rate, gradient-norm, tokens-per-second and device; files of the same name are replaced.</source>
        <translation>Fiecare grafic merge în fișierul lui: loss, perplexity, learning-rate, gradient-norm, tokens-per-second și device; fișierele cu același nume sunt înlocuite.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportă</translation>
    </message>
    <message>
        <source>Folder for the plots</source>
        <translation>Dosarul pentru grafice</translation>
    </message>
</context>
<context>
    <name>ProbeJob</name>
    <message>
        <source>Context probe</source>
        <translation>Sondă de context</translation>
    </message>
    <message>
        <source>Context %L1 done</source>
        <translation>Contextul %L1 gata</translation>
    </message>
    <message>
        <source>Context %L1 (%2 of %3)</source>
        <translation>Contextul %L1 (%2 din %3)</translation>
    </message>
    <message>
        <source>%1: estimating its memory…</source>
        <translation>%1: se estimează memoria necesară…</translation>
    </message>
    <message>
        <source>%1: a first step that is not measured (setting up the threads)…</source>
        <translation>%1: un prim pas, nemăsurat (se pregătesc firele de execuție)…</translation>
    </message>
    <message>
        <source>%1: building the model…</source>
        <translation>%1: se construiește modelul…</translation>
    </message>
    <message>
        <source>%1: forward and backward pass…</source>
        <translation>%1: trecerea înainte și înapoi…</translation>
    </message>
</context>
<context>
    <name>ProbePanel</name>
    <message>
        <source>Choose a model shape, a batch and a range of contexts, then press Start.</source>
        <translation>Alegeți o formă de model, un lot și un interval de contexte, apoi apăsați „Pornește”.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Pornește</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Oprește</translation>
    </message>
    <message>
        <source>Model shape:</source>
        <translation>Forma modelului:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Lot:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispozitiv:</translation>
    </message>
    <message>
        <source>Contexts from:</source>
        <translation>Contexte de la:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>până la:</translation>
    </message>
    <message>
        <source>Context window (tokens)</source>
        <translation>Fereastră de context (tokenuri)</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>măsurat</translation>
    </message>
    <message>
        <source>reference (H200, PyTorch)</source>
        <translation>referință (H200, PyTorch)</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Peak (MiB)</source>
        <translation>Vârf (MiB)</translation>
    </message>
    <message>
        <source>Peak (GiB)</source>
        <translation>Vârf (GiB)</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Timp (s)</translation>
    </message>
    <message>
        <source>Reference (GiB)</source>
        <translation>Referință (GiB)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notă</translation>
    </message>
    <message>
        <source>%1 hybrid + %2 attention layers, d_model %3, vocabulary %L4: %L5 parameters. The reference&apos;s figures are for the i3-80M shape in float32.</source>
        <translation>%1 straturi hibride + %2 de atenție, d_model %3, vocabular %L4: %L5 de parametri. Valorile de referință sunt pentru forma i3-80M în float32.</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>memorie insuficientă</translation>
    </message>
    <message>
        <source>The first context (%L1) is larger than the last (%L2).</source>
        <translation>Primul context (%L1) este mai mare decât ultimul (%L2).</translation>
    </message>
    <message>
        <source>ours (%1)</source>
        <translation>măsurat (%1)</translation>
    </message>
    <message>
        <source>Starting the probe…</source>
        <translation>Se pornește sonda…</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Se oprește după pasul curent…</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>nu încape</translation>
    </message>
    <message>
        <source>Context %L1 does not fit in memory on %2 at batch %3; the sweep stopped there.</source>
        <translation>Contextul %L1 nu încape în memorie pe %2 cu un lot de %3; seria de măsurători s-a oprit acolo.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n context(s).</source>
        <translation>
            <numerusform>Oprit după %n context.</numerusform>
            <numerusform>Oprit după %n contexte.</numerusform>
            <numerusform>Oprit după %n de contexte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n context(s) measured.</source>
        <translation>
            <numerusform>Gata: %n context măsurat.</numerusform>
            <numerusform>Gata: %n contexte măsurate.</numerusform>
            <numerusform>Gata: %n de contexte măsurate.</numerusform>
        </translation>
    </message>
    <message>
        <source>Peak memory per step (GiB)</source>
        <translation>Memorie maximă pe pas (GiB)</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>neîncercat</translation>
    </message>
    <message>
        <source>estimated %1 GiB, above the limit of %2 GiB (%3% of the available RAM)</source>
        <translation>estimat %1 GiB, peste limita de %2 GiB (%3% din RAM-ul disponibil)</translation>
    </message>
    <message>
        <source>Context %L1 was not tried: one step would need about %2 GiB, more than the %3 GiB (%4% of the available RAM) the probe lets a step take; the sweep stopped there.</source>
        <translation>Contextul %L1 nu a fost încercat: un pas ar avea nevoie de circa %2 GiB, mai mult decât cei %3 GiB (%4% din RAM-ul disponibil) pe care sonda îi permite unui pas; seria de măsurători s-a oprit acolo.</translation>
    </message>
</context>
<context>
    <name>RecurrenceHistoryJob</name>
    <message>
        <source>Reading the run&apos;s checkpoints</source>
        <translation>Se citesc checkpointurile rulării</translation>
    </message>
    <message>
        <source>Reading the checkpoints of %1…</source>
        <translation>Se citesc checkpointurile din %1…</translation>
    </message>
    <message>
        <source>Checkpoint %1 of %2</source>
        <translation>Checkpointul %1 din %2</translation>
    </message>
    <message>
        <source>%1 has no periodic checkpoint yet.</source>
        <translation>%1 nu are încă niciun checkpoint periodic.</translation>
    </message>
</context>
<context>
    <name>RunBrowser</name>
    <message>
        <source>Run</source>
        <translation>Rulare</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pași</translation>
    </message>
    <message>
        <source>Last loss</source>
        <translation>Ultima pierdere</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>Cea mai bună pierdere val.</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizat</translation>
    </message>
    <message>
        <source>No runs in this workspace yet.</source>
        <translation>Încă nu există rulări în acest spațiu de lucru.</translation>
    </message>
    <message>
        <source>Training loss of the selected runs</source>
        <translation>Pierderea de antrenare a rulărilor selectate</translation>
    </message>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pierdere</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creată</translation>
    </message>
    <message>
        <source>training</source>
        <translation>în antrenare</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>oprită</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminată</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>eșuată</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilizibilă</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>chiar acum</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>acum %n s</numerusform>
            <numerusform>acum %n s</numerusform>
            <numerusform>acum %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>acum %n min</numerusform>
            <numerusform>acum %n min</numerusform>
            <numerusform>acum %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>acum %n h</numerusform>
            <numerusform>acum %n h</numerusform>
            <numerusform>acum %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>acum %n zi</numerusform>
            <numerusform>acum %n zile</numerusform>
            <numerusform>acum %n de zile</numerusform>
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
%2, %3 de parametri</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Presetare</translation>
    </message>
    <message>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precizie</translation>
    </message>
    <message>
        <source>Select several runs to compare them; double-click one to open it, right-click for more.</source>
        <translation>Selectați mai multe rulări pentru a le compara; dublu clic deschide una, clic dreapta oferă mai mult.</translation>
    </message>
    <message>
        <source>The settings in which the selected runs differ</source>
        <translation>Setările în care diferă rulările selectate</translation>
    </message>
    <message>
        <source>

Notes:
%1</source>
        <translation>

Note:
%1</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setare</translation>
    </message>
    <message>
        <source>%1 could not be moved to the trash.</source>
        <translation>%1 nu a putut fi mutat în coșul de gunoi.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Deschide</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reia</translation>
    </message>
    <message>
        <source>&amp;Fork from checkpoint</source>
        <translation>&amp;Ramifică din checkpoint</translation>
    </message>
    <message>
        <source>A new run from a checkpoint of this one, with the settings of the Model panel</source>
        <translation>O rulare nouă dintr-un checkpoint al acesteia, cu setările panoului Model</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Rede&amp;numește…</translation>
    </message>
    <message>
        <source>&amp;Notes…</source>
        <translation>&amp;Note…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Ș&amp;terge…</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>Redenumește rularea</translation>
    </message>
    <message>
        <source>Name shown for %1 (empty: the folder&apos;s name):</source>
        <translation>Numele afișat pentru %1 (gol: numele dosarului):</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Notes on %1:</source>
        <translation>Note despre %1:</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Șterge rularea</translation>
    </message>
    <message>
        <source>Move the run %1 to the trash?</source>
        <translation>Mutați rularea %1 în coșul de gunoi?</translation>
    </message>
    <message>
        <source>%1
Delete it for good instead?</source>
        <translation>%1
O ștergeți definitiv în schimb?</translation>
    </message>
    <message>
        <source>trained on %1 ranks (%2)</source>
        <translation>antrenat pe %1 ranguri (%2)</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Dosarul %1 nu poate fi creat</translation>
    </message>
    <message>
        <source>the data analysis</source>
        <translation>analizei datelor</translation>
    </message>
    <message>
        <source>the training run</source>
        <translation>rulării de antrenare</translation>
    </message>
    <message>
        <source>the context probe</source>
        <translation>sondei de context</translation>
    </message>
    <message>
        <source>loading the trained model</source>
        <translation>încărcării modelului antrenat</translation>
    </message>
    <message>
        <source>the generation</source>
        <translation>generării</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Nu se poate scrie %1</translation>
    </message>
    <message>
        <source>Timed out waiting for %1</source>
        <translation>Timp expirat în așteptarea %1</translation>
    </message>
    <message>
        <source>the forked run</source>
        <translation>rularea ramificată</translation>
    </message>
    <message>
        <source>the run list</source>
        <translation>lista rulărilor</translation>
    </message>
    <message>
        <source>Cannot write the training run&apos;s samples into %1</source>
        <translation>Măsurătorile rulării de antrenare nu pot fi scrise în %1</translation>
    </message>
    <message>
        <source>loading the model to inspect</source>
        <translation>încărcarea modelului de inspectat</translation>
    </message>
    <message>
        <source>the inspection</source>
        <translation>inspecției</translation>
    </message>
    <message>
        <source>the run&apos;s weight statistics</source>
        <translation>statisticile ponderilor rulării</translation>
    </message>
    <message>
        <source>loading the model into the workbench</source>
        <translation>încărcarea modelului în atelier</translation>
    </message>
    <message>
        <source>loading the fork into the workbench</source>
        <translation>încărcarea ramificației în atelier</translation>
    </message>
    <message>
        <source>the workbench&apos;s generation</source>
        <translation>generarea din atelier</translation>
    </message>
</context>
<context>
    <name>TokenChips</name>
    <message>
        <source>Token %L1, id %L2: “%3”</source>
        <translation>Tokenul %L1, id %L2: „%3”</translation>
    </message>
    <message>
        <source>The unknown token: the vocabulary has no chunk for the text here (a prompt&apos;s last single letter often becomes it, as in the reference)</source>
        <translation>Tokenul necunoscut: vocabularul nu are niciun fragment pentru textul de aici (ultima literă singură a unui prompt devine adesea acesta, ca în referință)</translation>
    </message>
    <message>
        <source>The first token: nothing before it predicts it.</source>
        <translation>Primul token: nimic dinaintea lui nu îl prezice.</translation>
    </message>
    <message>
        <source>Probability %1 (rank %L2), entropy %L3 bits</source>
        <translation>Probabilitate %1 (locul %L2), entropie %L3 biți</translation>
    </message>
    <message>
        <source>Drawn with probability %1 by the sampler</source>
        <translation>Extras de eșantionator cu probabilitatea %1</translation>
    </message>
    <message>
        <source>Picked by hand: the text branches here</source>
        <translation>Ales de mână: textul se ramifică aici</translation>
    </message>
    <message>
        <source>Click for the alternatives.</source>
        <translation>Clic pentru alternative.</translation>
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
        <translation>Id</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilitate</translation>
    </message>
    <message>
        <source>When sampling</source>
        <translation>La eșantionare</translation>
    </message>
    <message>
        <source>Branch with the chosen token</source>
        <translation>Ramifică cu tokenul ales</translation>
    </message>
    <message>
        <source>Put the chosen token here and sample on from it with the same seed and the sliders&apos; settings (a double click on a row does the same)</source>
        <translation>Pune aici tokenul ales și eșantionează mai departe cu aceeași sămânță și setările cursoarelor (un dublu clic pe un rând face la fel)</translation>
    </message>
    <message>
        <source>from the prompt</source>
        <translation>din prompt</translation>
    </message>
    <message>
        <source>sampled with probability %1</source>
        <translation>extras cu probabilitatea %1</translation>
    </message>
    <message>
        <source>picked by hand</source>
        <translation>ales de mână</translation>
    </message>
    <message>
        <source>%1 · token %L2 “%3” (id %L4), %5</source>
        <translation>%1 · tokenul %L2 „%3” (id %L4), %5</translation>
    </message>
    <message>
        <source>Probability %1, rank %L2 of %L3; entropy at this place %L4 nats (%L5 bits)</source>
        <translation>Probabilitate %1, locul %L2 din %L3; entropia în acest loc %L4 nați (%L5 biți)</translation>
    </message>
    <message>
        <source>The first token: nothing before it predicts it, so it has no probability and no alternatives.</source>
        <translation>Primul token: nimic dinaintea lui nu îl prezice, deci nu are probabilitate și nici alternative.</translation>
    </message>
    <message>
        <source>Click a token to see what else the model thought could come there.</source>
        <translation>Faceți clic pe un token pentru a vedea ce altceva credea modelul că ar putea urma acolo.</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>tăiat</translation>
    </message>
    <message>
        <source>The token in the text</source>
        <translation>Tokenul din text</translation>
    </message>
    <message numerus="yes">
        <source>Inside the cut-off (shaded): %Ln token(s) holding %1 of the probability; the sampler&apos;s entropy %L2 bits.</source>
        <translation>
            <numerusform>În interiorul limitării (umbrit): %Ln token cu %1 din probabilitate; entropia eșantionatorului %L2 biți.</numerusform>
            <numerusform>În interiorul limitării (umbrit): %Ln tokenuri cu %1 din probabilitate; entropia eșantionatorului %L2 biți.</numerusform>
            <numerusform>În interiorul limitării (umbrit): %Ln de tokenuri cu %1 din probabilitate; entropia eșantionatorului %L2 biți.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <source>Generated tokens appear here, coloured by probability.</source>
        <translation>Tokenurile generate apar aici, colorate după probabilitate.</translation>
    </message>
    <message>
        <source>Probability of each chosen token:</source>
        <translation>Probabilitatea fiecărui token ales:</translation>
    </message>
    <message>
        <source>low</source>
        <translation>mică</translation>
    </message>
    <message>
        <source>high</source>
        <translation>mare</translation>
    </message>
    <message>
        <source>Token %L1, id %L2
“%3”
probability %4</source>
        <translation>Tokenul %L1, id %L2
„%3”
probabilitate %4</translation>
    </message>
</context>
<context>
    <name>TrainingJob</name>
    <message>
        <source>Training</source>
        <translation>Antrenare</translation>
    </message>
    <message>
        <source>Loading the latest checkpoint…</source>
        <translation>Se încarcă ultimul punct de control…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Antrenare în curs…</translation>
    </message>
    <message>
        <source>Step %1 / %2</source>
        <translation>Pasul %1 / %2</translation>
    </message>
    <message>
        <source>Loading the checkpoint to fork from…</source>
        <translation>Se încarcă checkpointul din care se ramifică…</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Texts the model writes at each evaluation appear here.</source>
        <translation>Textele scrise de model la fiecare evaluare apar aici.</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Mostre</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Jurnal</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Antrenează</translation>
    </message>
    <message>
        <source>Start a new run with the data and model chosen in the other panels</source>
        <translation>Pornește o rulare nouă cu datele și modelul alese în celelalte panouri</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pauză</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Oprește</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint to resume from</source>
        <translation>Oprește după pasul curent și salvează un punct de control pentru reluare</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Nicio rulare încă</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportă</translation>
    </message>
    <message>
        <source>Some plots could not be written into %1.</source>
        <translation>Unele grafice nu au putut fi scrise în %1.</translation>
    </message>
    <message>
        <source>Export the metrics</source>
        <translation>Exportă metricile</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fișiere CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Nu s-a putut scrie %1.</translation>
    </message>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pierdere</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pierdere</translation>
    </message>
    <message>
        <source>training</source>
        <translation>antrenare</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validare</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexitate</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>perplexitate</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Rată de învățare</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>rată de învățare</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Norma gradientului</translation>
    </message>
    <message>
        <source>norm (before clipping)</source>
        <translation>normă (înainte de limitare)</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>norma gradientului</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Viteză</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>tokenuri/s</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispozitiv</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>timp (s)</translation>
    </message>
    <message>
        <source>A run is under way; stop it before starting another.</source>
        <translation>O rulare este în curs; opriți-o înainte de a porni alta.</translation>
    </message>
    <message>
        <source>New run in %1</source>
        <translation>Rulare nouă în %1</translation>
    </message>
    <message>
        <source>A run is under way; stop it before resuming another.</source>
        <translation>O rulare este în curs; opriți-o înainte de a relua alta.</translation>
    </message>
    <message>
        <source>Resuming %1</source>
        <translation>Se reia %1</translation>
    </message>
    <message>
        <source>Run folder: %1</source>
        <translation>Dosarul rulării: %1</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Se pregătește…</translation>
    </message>
    <message>
        <source>Paused (after the current step).</source>
        <translation>În pauză (după pasul curent).</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Reluat.</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Se oprește după pasul curent…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reia</translation>
    </message>
    <message>
        <source>Step %1 / %2</source>
        <translation>Pasul %1 / %2</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Pasul %1</translation>
    </message>
    <message>
        <source>Training started: %1</source>
        <translation>Antrenare pornită: %1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Timp rămas %1</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 tokenuri/s</translation>
    </message>
    <message>
        <source>Step %1: validation loss %2, training loss %3 (best so far)</source>
        <translation>Pasul %1: pierdere de validare %2, pierdere de antrenare %3 (cea mai bună până acum)</translation>
    </message>
    <message>
        <source>Step %1: validation loss %2, training loss %3</source>
        <translation>Pasul %1: pierdere de validare %2, pierdere de antrenare %3</translation>
    </message>
    <message>
        <source>Step %1: training loss %2 (best so far)</source>
        <translation>Pasul %1: pierdere de antrenare %2 (cea mai bună până acum)</translation>
    </message>
    <message>
        <source>Step %1: training loss %2</source>
        <translation>Pasul %1: pierdere de antrenare %2</translation>
    </message>
    <message>
        <source>Step %1:
%2
</source>
        <translation>Pasul %1:
%2
</translation>
    </message>
    <message>
        <source>Checkpoint: step %1</source>
        <translation>Punct de control: pasul %1</translation>
    </message>
    <message>
        <source>Checkpoint saved at step %1: %2</source>
        <translation>Punct de control salvat la pasul %1: %2</translation>
    </message>
    <message>
        <source>Finished at step %1; the model is in %2</source>
        <translation>Terminat la pasul %1; modelul este în %2</translation>
    </message>
    <message>
        <source>Stopped at step %1; resume it later from %2</source>
        <translation>Oprit la pasul %1; reluați mai târziu din %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Eroare: %1</translation>
    </message>
    <message>
        <source>Stopped before training began</source>
        <translation>Oprit înainte de începerea antrenării</translation>
    </message>
    <message>
        <source>A run is under way; stop it before opening another.</source>
        <translation>O rulare este în curs; opriți-o înainte de a deschide alta.</translation>
    </message>
    <message>
        <source>Reading the run…</source>
        <translation>Se citește rularea…</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>Se afișează %1</translation>
    </message>
    <message>
        <source>%1 is not a readable run folder (its run.json is missing or broken).</source>
        <translation>%1 nu este un dosar de rulare lizibil (fișierul run.json lipsește sau este deteriorat).</translation>
    </message>
    <message>
        <source>Run status: %1</source>
        <translation>Starea rulării: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Dispozitiv: %1</translation>
    </message>
    <message>
        <source>allocated (MiB)</source>
        <translation>alocat (MiB)</translation>
    </message>
    <message>
        <source>reserved (MiB)</source>
        <translation>rezervat (MiB)</translation>
    </message>
    <message>
        <source>peak (MiB)</source>
        <translation>vârf (MiB)</translation>
    </message>
    <message>
        <source>GPU use (%)</source>
        <translation>utilizare GPU (%)</translation>
    </message>
    <message>
        <source>power (W)</source>
        <translation>putere (W)</translation>
    </message>
    <message>
        <source>temperature (°C)</source>
        <translation>temperatură (°C)</translation>
    </message>
    <message>
        <source>memory (MiB)</source>
        <translation>memorie (MiB)</translation>
    </message>
    <message>
        <source>%, W, °C</source>
        <translation>%, W, °C</translation>
    </message>
    <message>
        <source>RAM used (MiB)</source>
        <translation>RAM utilizată (MiB)</translation>
    </message>
    <message>
        <source>this program (MiB)</source>
        <translation>acest program (MiB)</translation>
    </message>
    <message>
        <source>CPU use (%)</source>
        <translation>utilizare CPU (%)</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>Plots saved in %1</source>
        <translation>Grafice salvate în %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Nu s-a putut scrie %1: %2</translation>
    </message>
    <message>
        <source>Metrics saved in %1</source>
        <translation>Metrici salvate în %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notă: %1</translation>
    </message>
    <message>
        <source>Exponential moving average of the curves, debiased as in TensorBoard; the raw curve stays faint behind</source>
        <translation>Medie mobilă exponențială a curbelor, corectată ca în TensorBoard; curba brută rămâne estompată în spate</translation>
    </message>
    <message>
        <source>tokens seen</source>
        <translation>tokeni văzuți</translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation>timp de antrenare (s)</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>log x</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Netezire</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>axa x</translation>
    </message>
    <message>
        <source>%1 (validation)</source>
        <translation>%1 (validare)</translation>
    </message>
    <message>
        <source>New run in %1, forked from %2</source>
        <translation>Rulare nouă în %1, ramificată din %2</translation>
    </message>
    <message>
        <source>Export the device samples</source>
        <translation>Exportă măsurătorile dispozitivului</translation>
    </message>
    <message>
        <source>used on the card (MiB)</source>
        <translation>ocupat pe placă (MiB)</translation>
    </message>
    <message>
        <source>Device samples saved in %1</source>
        <translation>Măsurătorile dispozitivului au fost salvate în %1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>În pauză</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Se oprește…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminat</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Oprit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Eșuat</translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation>rangul %1</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>evaluare</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>checkpoint</translation>
    </message>
    <message>
        <source>waiting for data</source>
        <translation>așteptare după date</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Sfaturi</translation>
    </message>
    <message>
        <source>Advice (%1)</source>
        <translation>Sfaturi (%1)</translation>
    </message>
    <message>
        <source>%1, MFU %2%</source>
        <translation>%1, MFU %2%</translation>
    </message>
    <message>
        <source>Step %1: %2% of the time since the last step logged went to reading the data (a slow disk, or token files not cached yet)</source>
        <translation>Pasul %1: %2% din timpul de la ultimul pas înregistrat s-a dus pe citirea datelor (un disc lent sau fișiere de tokenuri încă neaflate în cache)</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>Rularea a eșuat: %1</translation>
    </message>
    <message>
        <source>Export &amp;plots…</source>
        <translation>Exportă &amp;graficele…</translation>
    </message>
    <message>
        <source>Every plot as a PNG or PDF file of the size you choose</source>
        <translation>Fiecare grafic ca fișier PNG sau PDF, la dimensiunea aleasă</translation>
    </message>
    <message>
        <source>Export &amp;metrics as CSV…</source>
        <translation>Exportă &amp;metricile ca CSV…</translation>
    </message>
    <message>
        <source>Export &amp;device samples as CSV…</source>
        <translation>Exportă măsurătorile &amp;dispozitivului ca CSV…</translation>
    </message>
</context>
<context>
    <name>WorkbenchJob</name>
    <message>
        <source>Scoring tokens</source>
        <translation>Evaluarea tokenurilor</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Încărcați mai întâi un model.</translation>
    </message>
    <message>
        <source>Model %1 of %2: %L3 of %L4 tokens</source>
        <translation>Modelul %1 din %2: %L3 din %L4 tokenuri</translation>
    </message>
</context>
<context>
    <name>WorkbenchPanel</name>
    <message>
        <source>A prompt, e.g. “once upon a time”, then Generate (Return)</source>
        <translation>Un prompt, de ex. „once upon a time”, apoi Generează (Enter)</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generează</translation>
    </message>
    <message>
        <source>The prompt through the model (and the one compared with it): the prompt scored, the continuation sampled with the same seed</source>
        <translation>Promptul prin model (și prin cel comparat cu el): promptul evaluat, continuarea eșantionată cu aceeași sămânță</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Oprește</translation>
    </message>
    <message>
        <source>Probability under the model:</source>
        <translation>Probabilitatea după model:</translation>
    </message>
    <message>
        <source>low</source>
        <translation>mică</translation>
    </message>
    <message>
        <source>high</source>
        <translation>mare</translation>
    </message>
    <message>
        <source>Grey outline: a prompt token. Blue outline: a token picked by hand.</source>
        <translation>Contur gri: un token din prompt. Contur albastru: un token ales de mână.</translation>
    </message>
    <message>
        <source>Load run…</source>
        <translation>Încarcă rulare…</translation>
    </message>
    <message>
        <source>The latest checkpoint of a training run, also one still training</source>
        <translation>Cel mai recent punct de control al unei rulări de antrenare, chiar și al uneia încă în desfășurare</translation>
    </message>
    <message>
        <source>Load folder…</source>
        <translation>Încarcă dosar…</translation>
    </message>
    <message>
        <source>An exported model folder: config.json, weights and tokenizer.json</source>
        <translation>Un dosar de model exportat: config.json, ponderi și tokenizer.json</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Niciun model încărcat.</translation>
    </message>
    <message>
        <source>Optional: a second model (another checkpoint or run) beside the first, on the same prompt and seed.</source>
        <translation>Opțional: un al doilea model (alt punct de control sau altă rulare) lângă primul, cu același prompt și aceeași sămânță.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Compară cu</translation>
    </message>
    <message>
        <source>Remove the comparison</source>
        <translation>Elimină comparația</translation>
    </message>
    <message>
        <source>All the way left turns the top-k cut off.</source>
        <translation>Complet la stânga dezactivează limitarea top-k.</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> de tokenuri</translation>
    </message>
    <message>
        <source>New tokens after the prompt; prompt and continuation fit in one context</source>
        <translation>Tokenuri noi după prompt; promptul și continuarea încap într-un context</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Eșantionare</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatură:</translation>
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
        <translation>Lungime:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Sămânță:</translation>
    </message>
    <message>
        <source>The shading of the cut-off follows the sliders at once; Generate samples with them.</source>
        <translation>Umbrirea limitării urmează imediat cursoarele; Generează eșantionează cu ele.</translation>
    </message>
    <message>
        <source>Compared model</source>
        <translation>Modelul comparat</translation>
    </message>
    <message>
        <source>off</source>
        <translation>oprit</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>Alegeți un dosar de rulare</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>Alegeți un dosar de model</translation>
    </message>
    <message>
        <source>Wait until the current work is done, then try again.</source>
        <translation>Așteptați până se termină lucrul curent, apoi încercați din nou.</translation>
    </message>
    <message>
        <source>Generate to see the tokens.</source>
        <translation>Generați pentru a vedea tokenurile.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Se încarcă %1…</translation>
    </message>
    <message>
        <source>Load a model first: a run or an exported model folder.</source>
        <translation>Încărcați mai întâi un model: o rulare sau un dosar de model exportat.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Se lucrează…</translation>
    </message>
    <message numerus="yes">
        <source>Prompt perplexity %L1 over %Ln predicted token(s)</source>
        <translation>
            <numerusform>Perplexitatea promptului %L1 pe %Ln token prezis</numerusform>
            <numerusform>Perplexitatea promptului %L1 pe %Ln tokenuri prezise</numerusform>
            <numerusform>Perplexitatea promptului %L1 pe %Ln de tokenuri prezise</numerusform>
        </translation>
    </message>
    <message>
        <source>Prompt perplexity: the prompt needs two tokens or more (the first is never predicted)</source>
        <translation>Perplexitatea promptului: promptul are nevoie de două tokenuri sau mai multe (primul nu este niciodată prezis)</translation>
    </message>
    <message numerus="yes">
        <source>continuation %L1 over %Ln token(s)</source>
        <translation>
            <numerusform>continuarea %L1 pe %Ln token</numerusform>
            <numerusform>continuarea %L1 pe %Ln tokenuri</numerusform>
            <numerusform>continuarea %L1 pe %Ln de tokenuri</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>oprit devreme</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Oprit.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Gata.</translation>
    </message>
</context>
</TS>
