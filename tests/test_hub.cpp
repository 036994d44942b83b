// SPDX-License-Identifier: GPL-3.0-or-later
// The Hub client against a stand-in Hub (fixtures/hub_server.py on 127.0.0.1) that speaks the
// Hub's endpoints and headers and injects faults on request: downloads into the cache layout
// Python's huggingface_hub uses, reuse without transfer, a cache laid out by hand as
// huggingface_hub lays it out, resumes, corrupted bytes, a full disk, the Hub's refusals,
// retries, offline mode, cancellation and the token's secrecy. What the files must be (bytes, SHA-256, git blob
// sha1, commit) comes from the server, computed by Python's hashlib.
#include "hub_stand_in.h"
#include "test_support.h"

#include "base/error.h"
#include "hub/hub_client.h"

#include <QtTest>

#include <unistd.h>

namespace {

const QString kToken = QStringLiteral("hf_SeCrEt_t0ken_4_tests");

using i3test::read_file;
using i3test::write_file;

// Bytes that do not compress or repeat, the same on every run.
QByteArray noise(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, '\0');
    for (char& byte : bytes)
        byte = static_cast<char>(random.generate() & 0xff);
    return bytes;
}

QString link_target(const QString& path)
{
    char target[4096];
    const ssize_t size = ::readlink(QFile::encodeName(path).constData(), target, sizeof target);
    return size < 0 ? QString() : QString::fromUtf8(target, static_cast<int>(size));
}

// Every file under `folder` (links not followed), relative to it.
QStringList files_under(const QString& folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(folder).relativeFilePath(it.next());
    files.sort();
    return files;
}

struct CliResult {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
    QString last_line() const { return QString::fromUtf8(out).trimmed().split('\n').last(); }
};

} // namespace

class TestHub : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    i3test::HubServer server_;
    QJsonObject info_; // "model:owner/name" -> {commit, files: {path: {etag, sha256, size, lfs}}}
    QString model_folder_;

    QString repo_folder(const QString& key) const { return dir_.filePath("repos/" + QString(key).replace(':', '_')); }
    QJsonObject repo_info(const QString& key) const { return info_.value(key).toObject(); }
    QString commit(const QString& key) const { return repo_info(key).value("commit").toString(); }
    QJsonObject file_info(const QString& key, const QString& path) const
    {
        return repo_info(key).value("files").toObject().value(path).toObject();
    }

    // Runs i3lm with only the Hub's variables that are given (HF_HOME too, so no token saved by
    // huggingface-cli on this machine is found).
    CliResult cli(const QStringList& args, const QString& cache, const QMap<QString, QString>& extra = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"HF_ENDPOINT", "HF_HUB_CACHE", "HF_HOME", "HF_TOKEN", "HF_HUB_OFFLINE", "XDG_CACHE_HOME"})
            environment.remove(name);
        environment.insert("HF_ENDPOINT", server_.endpoint());
        environment.insert("HF_HUB_CACHE", cache);
        environment.insert("HF_HOME", dir_.filePath("hf-home"));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            environment.insert(it.key(), it.value());
        QProcess process;
        process.setProcessEnvironment(environment);
        i3test::end_with_this_process(process);
        process.start(i3test::cli(), args);
        CliResult result;
        if (!process.waitForStarted() || !process.waitForFinished(300000))
            return result;
        result.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    i3::HubSettings settings(const QString& cache) const
    {
        i3::HubSettings settings;
        settings.endpoint = server_.endpoint().toStdString();
        settings.cache_dir = cache.toStdString();
        return settings;
    }

    int body_gets() { return server_.ask("stats").value("body_gets").toInt(); }
    int requests() { return server_.ask("stats").value("requests").toArray().size(); }

    // Checks that a snapshot holds exactly `paths` of the repo, each a relative link into
    // ../blobs/<etag> whose bytes are the repo's file, with refs/main naming the commit.
    void check_snapshot(const QString& cache, const QString& key, const QString& cache_folder, const QStringList& paths)
    {
        const QString repo = cache + "/" + cache_folder;
        const QString snapshot = repo + "/snapshots/" + commit(key);
        QCOMPARE(read_file(repo + "/refs/main"), commit(key).toUtf8());
        QCOMPARE(files_under(snapshot), paths);
        for (const QString& path : paths) {
            const QString etag = file_info(key, path).value("etag").toString();
            const QString up = QString("../").repeated(path.count('/') + 2);
            QCOMPARE(link_target(snapshot + "/" + path), up + "blobs/" + etag);
            QCOMPARE(read_file(snapshot + "/" + path), read_file(repo_folder(key) + "/" + path));
            if (file_info(key, path).value("lfs").toBool())
                QCOMPARE(etag, file_info(key, path).value("sha256").toString());
        }
        for (const QString& blob : files_under(repo + "/blobs"))
            QVERIFY2(!blob.endsWith(".incomplete"), qPrintable(blob));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString files = repo_folder("model:owner/files");
        write_file(files + "/config.json", "{\"hidden_size\": 8}\n");
        write_file(files + "/notes/readme.md", "# Notes\n\nA nested file kept in git.\n");
        write_file(files + "/weights.bin", noise(1 << 20, 1));
        write_file(files + "/big/part.bin", noise(300000, 2));
        const QString texts = repo_folder("dataset:owner/texts");
        write_file(texts + "/README.md", "# Texts\n");
        write_file(texts + "/data/train-00000-of-00001.jsonl", "{\"text\": \"Once upon a time.\"}\n");
        write_file(texts + "/data/test-00000-of-00001.jsonl", "{\"text\": \"The end.\"}\n");

        // A real model, so generate and eval can run from a Hub repo.
        QString story;
        for (int i = 0; i < 120; ++i)
            story += "Once upon a time there was a little cat. The cat liked to play in the sun.\n\n";
        write_file(dir_.filePath("stories.txt"), story.toUtf8());
        const auto trained = i3test::run_cli({"train", "--preset", "tiny", "--steps", "2", "--data",
                                              dir_.filePath("stories.txt"), "--out", dir_.filePath("run"),
                                              "--eval-every", "2", "--checkpoint-every", "2"});
        QVERIFY2(trained.exit_code == 0, trained.err.constData());
        model_folder_ = dir_.filePath("run/i3-model-artifacts");
        const QString model = repo_folder("model:owner/tiny-i3");
        for (const QString& name : QDir(model_folder_).entryList(QDir::Files))
            write_file(model + "/" + name, read_file(model_folder_ + "/" + name));

        const QJsonArray repos{
            QJsonObject{{"type", "model"}, {"id", "owner/files"}, {"folder", files},
                        {"lfs", QJsonArray{"weights.bin", "big/part.bin"}}},
            QJsonObject{{"type", "dataset"}, {"id", "owner/texts"}, {"folder", texts}},
            QJsonObject{{"type", "model"}, {"id", "owner/tiny-i3"}, {"folder", model},
                        {"lfs", QJsonArray{"model.safetensors", "pytorch_model.bin"}}},
        };
        write_file(dir_.filePath("spec.json"), QJsonDocument(QJsonObject{{"repos", repos}}).toJson());
        QVERIFY(server_.start(dir_.filePath("spec.json")));
        info_ = server_.ask("info");
        QCOMPARE(commit("model:owner/files").size(), 40);
    }

    void init() { server_.reset(); }

    void freshDownloadLaysOutTheCacheAndASecondTransfersNothing()
    {
        const QString cache = dir_.filePath("cache-fresh");
        const auto first = cli({"download", "owner/files"}, cache);
        QVERIFY2(first.exit_code == 0, first.err.constData());
        const QString snapshot = cache + "/models--owner--files/snapshots/" + commit("model:owner/files");
        QCOMPARE(first.last_line(), snapshot);
        check_snapshot(cache, "model:owner/files", "models--owner--files",
                       {"big/part.bin", "config.json", "notes/readme.md", "weights.bin"});
        QCOMPARE(body_gets(), 4);
        QVERIFY(first.err.contains("weights.bin"));

        server_.reset();
        const auto second = cli({"download", "owner/files"}, cache);
        QVERIFY2(second.exit_code == 0, second.err.constData());
        QCOMPARE(second.last_line(), snapshot);
        QCOMPARE(body_gets(), 0);
        QCOMPARE(requests(), 1); // the file list; every file was found in the snapshot
    }

    void datasetWithIncludePatterns()
    {
        const QString cache = dir_.filePath("cache-dataset");
        const auto result = cli({"download", "owner/texts", "--repo-type", "dataset", "--include", "data/train-*"}, cache);
        QVERIFY2(result.exit_code == 0, result.err.constData());
        QCOMPARE(result.last_line(), cache + "/datasets--owner--texts/snapshots/" + commit("dataset:owner/texts"));
        check_snapshot(cache, "dataset:owner/texts", "datasets--owner--texts", {"data/train-00000-of-00001.jsonl"});
        const auto none = cli({"download", "owner/texts", "--repo-type", "dataset", "--include", "*.parquet"}, cache);
        QCOMPARE(none.exit_code, 1);
        QVERIFY2(none.err.contains("no file of dataset owner/texts") && none.err.contains("*.parquet"),
                 none.err.constData());
    }

    // A cache as huggingface_hub writes it: blobs named by ETag, snapshots of relative links,
    // refs/main holding the commit (no newline). Offline it answers without a request; online
    // the files it holds are not transferred again.
    void cacheLaidOutByHuggingfaceHubIsReused()
    {
        const QString cache = dir_.filePath("cache-by-hand");
        const QString key = "model:owner/files";
        const QString repo = cache + "/models--owner--files";
        const QString snapshot = repo + "/snapshots/" + commit(key);
        const QStringList paths{"big/part.bin", "config.json", "notes/readme.md", "weights.bin"};
        for (const QString& path : paths) {
            const QString etag = file_info(key, path).value("etag").toString();
            write_file(repo + "/blobs/" + etag, read_file(repo_folder(key) + "/" + path));
            QDir().mkpath(QFileInfo(snapshot + "/" + path).path());
            const QByteArray target = (QString("../").repeated(path.count('/') + 2) + "blobs/" + etag).toUtf8();
            QCOMPARE(::symlink(target.constData(), QFile::encodeName(snapshot + "/" + path).constData()), 0);
        }
        write_file(repo + "/refs/main", commit(key).toUtf8());

        const auto offline = cli({"download", "owner/files"}, cache, {{"HF_HUB_OFFLINE", "1"}});
        QVERIFY2(offline.exit_code == 0, offline.err.constData());
        QCOMPARE(offline.last_line(), snapshot);
        const auto by_commit = cli({"download", "owner/files", "--revision", commit(key)}, cache, {{"HF_HUB_OFFLINE", "1"}});
        QCOMPARE(by_commit.last_line(), snapshot);
        QCOMPARE(requests(), 0);

        const auto online = cli({"download", "owner/files"}, cache);
        QVERIFY2(online.exit_code == 0, online.err.constData());
        QCOMPARE(online.last_line(), snapshot);
        QCOMPARE(body_gets(), 0);
        check_snapshot(cache, key, "models--owner--files", paths);
    }

    void offlineMakesNoRequest()
    {
        const QString cache = dir_.filePath("cache-offline");
        const auto missing = cli({"download", "owner/files"}, cache, {{"HF_HUB_OFFLINE", "1"}});
        QCOMPARE(missing.exit_code, 1);
        QVERIFY2(missing.err.contains("model owner/files at revision main is not in the cache") &&
                     missing.err.contains("HF_HUB_OFFLINE"),
                 missing.err.constData());
        const auto model = cli({"generate", "--model", "owner/tiny-i3", "--prompt", "once"}, cache,
                               {{"HF_HUB_OFFLINE", "1"}});
        QCOMPARE(model.exit_code, 1);
        QVERIFY2(model.err.contains("model owner/tiny-i3 at revision main is not in the cache"), model.err.constData());
        QCOMPARE(requests(), 0);
    }

    // The connection drops once in the middle of an LFS file: the same run asks for the rest with
    // a Range request and the blob is whole.
    void droppedConnectionResumesWithRange()
    {
        const QString cache = dir_.filePath("cache-resume");
        server_.arm("{\"drop_after\": {\"weights.bin\": 100000}}");
        const auto result = cli({"download", "owner/files", "--include", "weights.bin"}, cache);
        QVERIFY2(result.exit_code == 0, result.err.constData());
        const QJsonObject stats = server_.ask("stats");
        QCOMPARE(stats.value("ranges").toArray(), QJsonArray{"bytes=100000-"});
        QCOMPARE(stats.value("body_gets").toInt(), 2);
        check_snapshot(cache, "model:owner/files", "models--owner--files", {"weights.bin"});
        QVERIFY2(result.err.contains("connection dropped"), result.err.constData());
    }

    void corruptedBlobIsNotPlaced()
    {
        const QString cache = dir_.filePath("cache-corrupt");
        server_.arm("{\"corrupt\": [\"weights.bin\"]}");
        const auto result = cli({"download", "owner/files"}, cache);
        QCOMPARE(result.exit_code, 1);
        QVERIFY2(result.err.contains("weights.bin of model owner/files") && result.err.contains("SHA-256") &&
                     result.err.contains(file_info("model:owner/files", "weights.bin").value("sha256").toString().toUtf8()),
                 result.err.constData());
        const QString repo = cache + "/models--owner--files";
        QVERIFY(!QFileInfo::exists(repo + "/snapshots/" + commit("model:owner/files") + "/weights.bin"));
        QVERIFY(!files_under(repo + "/blobs").contains(file_info("model:owner/files", "weights.bin").value("etag").toString()));
        for (const QString& blob : files_under(repo + "/blobs"))
            QVERIFY2(!blob.endsWith(".incomplete"), qPrintable(blob));
    }

    // A full disk: /dev/full, standing in for the .incomplete file, answers every write with
    // ENOSPC. The message says so and names the file; nothing reaches the snapshot.
    void fullDiskIsReported()
    {
        if (!QFileInfo::exists("/dev/full"))
            QSKIP("no /dev/full");
        const QString cache = dir_.filePath("cache-full");
        const QString repo = cache + "/models--owner--files";
        const QString etag = file_info("model:owner/files", "weights.bin").value("etag").toString();
        QDir().mkpath(repo + "/blobs");
        QCOMPARE(::symlink("/dev/full", QFile::encodeName(repo + "/blobs/" + etag + ".incomplete").constData()), 0);
        const auto result = cli({"download", "owner/files", "--include", "weights.bin"}, cache);
        QCOMPARE(result.exit_code, 1);
        QVERIFY2(result.err.contains("the disk is full: could not write weights.bin of model owner/files"),
                 result.err.constData());
        QVERIFY(!QFileInfo::exists(repo + "/snapshots/" + commit("model:owner/files") + "/weights.bin"));
        QVERIFY(!QFileInfo::exists(repo + "/blobs/" + etag));
    }

    void refusalsNameTheRepoAndFile()
    {
        const QString cache = dir_.filePath("cache-errors");
        const auto no_repo = cli({"download", "owner/nothing"}, cache);
        QCOMPARE(no_repo.exit_code, 1);
        QVERIFY2(no_repo.err.contains("there is no model owner/nothing on " + server_.endpoint().toUtf8()),
                 no_repo.err.constData());
        const auto no_dataset = cli({"download", "owner/files", "--repo-type", "dataset"}, cache);
        QVERIFY2(no_dataset.err.contains("there is no dataset owner/files"), no_dataset.err.constData());
        const auto no_revision = cli({"download", "owner/files", "--revision", "v9"}, cache);
        QCOMPARE(no_revision.exit_code, 1);
        QVERIFY2(no_revision.err.contains("model owner/files has no revision \"v9\""), no_revision.err.constData());

        i3::HubClient hub(settings(cache));
        try {
            hub.download_file({i3::RepoType::model, "owner/files"}, "main", "missing.txt", {});
            QFAIL("a missing file was downloaded");
        } catch (const i3::Error& error) {
            QVERIFY2(QString(error.what()).contains("model owner/files has no file \"missing.txt\" at revision main"),
                     error.what());
        }

        QMap<QString, QString> unreachable{{"HF_ENDPOINT", "http://127.0.0.1:1"}};
        const auto no_network = cli({"download", "owner/files"}, cache, unreachable);
        QCOMPARE(no_network.exit_code, 1);
        QVERIFY2(no_network.err.contains("model owner/files at revision main: cannot reach http://127.0.0.1:1"),
                 no_network.err.constData());
    }

    // A private repo: 401 without the token; with it, the download works and the token shows up
    // in no output and no file, and is never sent to the host an LFS redirect leads to.
    void tokenIsSentOnlyToTheHubAndWrittenNowhere()
    {
        const QString cache = dir_.filePath("cache-token");
        server_.arm("{\"token\": \"" + kToken.toUtf8() + "\"}");
        const auto refused = cli({"download", "owner/files"}, cache);
        QCOMPARE(refused.exit_code, 1);
        QVERIFY2(refused.err.contains("model owner/files at revision main: access refused (HTTP 401)") &&
                     refused.err.contains("HF_TOKEN"),
                 refused.err.constData());

        const auto wrong = cli({"download", "owner/files"}, cache, {{"HF_TOKEN", "hf_wrong"}});
        QVERIFY2(wrong.err.contains("the token in HF_TOKEN may not read this repo"), wrong.err.constData());

        const auto allowed = cli({"download", "owner/files"}, cache, {{"HF_TOKEN", kToken}});
        QVERIFY2(allowed.exit_code == 0, allowed.err.constData());
        check_snapshot(cache, "model:owner/files", "models--owner--files",
                       {"big/part.bin", "config.json", "notes/readme.md", "weights.bin"});
        const QJsonObject stats = server_.ask("stats");
        QVERIFY(stats.value("authorized").toInt() >= 5); // the list, four HEADs, the git files' bodies
        QCOMPARE(stats.value("leaks").toInt(), 0);
        QVERIFY(stats.value("requests").toArray().contains(
            QJsonValue("GET /lfs/" + file_info("model:owner/files", "weights.bin").value("etag").toString() +
                       "?repo=model%3Aowner%2Ffiles&path=weights.bin")));

        const QByteArray token = kToken.toUtf8();
        for (const auto* result : {&refused, &wrong, &allowed})
            QVERIFY(!result->out.contains(token) && !result->err.contains(token));
        QDirIterator it(cache, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QVERIFY2(!read_file(file).contains(token), qPrintable(file));
            QVERIFY2(!file.contains(kToken) && !link_target(file).contains(kToken), qPrintable(file));
        }
    }

    void busyAndFailingServerIsRetried()
    {
        const QString cache = dir_.filePath("cache-retry");
        server_.arm("{\"fail\": {\"config.json\": [429, 1], \"api\": [503, 1]}}");
        const auto result = cli({"download", "owner/files", "--include", "config.json"}, cache);
        QVERIFY2(result.exit_code == 0, result.err.constData());
        QVERIFY2(result.err.contains("HTTP 429; trying again in 1.0 s"), result.err.constData());
        QVERIFY2(result.err.contains("HTTP 503; trying again"), result.err.constData());
        check_snapshot(cache, "model:owner/files", "models--owner--files", {"config.json"});

        // A server that keeps failing: a bounded number of tries, then a message.
        server_.reset();
        server_.arm("{\"fail\": {\"api\": [500, 100]}}");
        i3::HubClient hub(settings(dir_.filePath("cache-failing")), i3::RetryPolicy{3, 0.01, 0.02, 0.02});
        try {
            hub.download({i3::RepoType::model, "owner/files"}, "main", {}, {});
            QFAIL("a failing server gave a download");
        } catch (const i3::Error& error) {
            QVERIFY2(QString(error.what()).contains("failed (HTTP 500) again and again"), error.what());
        }
        QCOMPARE(requests(), 3);
    }

    // Cancelled in the middle of an LFS file: nothing of it in the snapshot or in blobs/ under its
    // name, only the .incomplete part, from which the next download resumes.
    void cancelMidFileLeavesNothingInTheSnapshot()
    {
        const QString cache = dir_.filePath("cache-cancel");
        const QString key = "model:owner/files";
        const auto total = static_cast<uint64_t>(file_info(key, "weights.bin").value("size").toInt());
        i3::HubClient hub(settings(cache));
        i3::CancelToken cancel;
        uint64_t seen = 0;
        i3::DownloadCallbacks callbacks;
        callbacks.cancel = &cancel;
        callbacks.progress = [&](const i3::DownloadProgress& progress) {
            if (progress.file == "weights.bin" && progress.bytes_done > 0 && progress.bytes_done < total) {
                seen = progress.bytes_done;
                cancel.cancel();
            }
        };
        QVERIFY_THROWS_EXCEPTION(i3::Cancelled,
                                 hub.download({i3::RepoType::model, "owner/files"}, "main", {"weights.bin"}, callbacks));
        QVERIFY(seen > 0);
        const QString repo = cache + "/models--owner--files";
        const QString etag = file_info(key, "weights.bin").value("etag").toString();
        QVERIFY(!QFileInfo::exists(repo + "/snapshots/" + commit(key) + "/weights.bin"));
        QCOMPARE(files_under(repo + "/blobs"), QStringList{etag + ".incomplete"});
        const qint64 kept = QFileInfo(repo + "/blobs/" + etag + ".incomplete").size();
        QVERIFY(kept > 0 && kept < static_cast<qint64>(total));

        server_.reset();
        const auto resumed = hub.download({i3::RepoType::model, "owner/files"}, "main", {"weights.bin"}, {});
        QCOMPARE(QString::fromStdString(resumed.string()), repo + "/snapshots/" + commit(key));
        QCOMPARE(server_.ask("stats").value("ranges").toArray(), QJsonArray{QString("bytes=%1-").arg(kept)});
        check_snapshot(cache, key, "models--owner--files", {"weights.bin"});
    }

    // generate and eval take a Hub repo id where no such folder exists, and give exactly what
    // the same model gives from its folder; offline, the cache alone serves it.
    void generateAndEvalFromAHubRepo()
    {
        const QString cache = dir_.filePath("cache-model");
        const QStringList generate{"generate", "--prompt", "once upon", "--seed", "3", "--length", "12"};
        const auto local = i3test::run_cli(QStringList(generate) << "--model" << model_folder_);
        QVERIFY2(local.exit_code == 0, local.err.constData());
        const auto hub = cli(QStringList(generate) << "--model" << "owner/tiny-i3", cache);
        QVERIFY2(hub.exit_code == 0, hub.err.constData());
        QCOMPARE(hub.out, local.out);
        QVERIFY(body_gets() > 0);

        server_.reset();
        const auto local_eval = i3test::run_cli({"eval", "--model_dir", model_folder_, dir_.filePath("stories.txt")});
        QVERIFY2(local_eval.exit_code == 0, local_eval.err.constData());
        const auto hub_eval = cli({"eval", "--model", "owner/tiny-i3", dir_.filePath("stories.txt")}, cache,
                                  {{"HF_HUB_OFFLINE", "1"}});
        QVERIFY2(hub_eval.exit_code == 0, hub_eval.err.constData());
        QCOMPARE(hub_eval.out, local_eval.out);
        QCOMPARE(requests(), 0);
    }

    void commandLineMistakes()
    {
        const QString cache = dir_.filePath("cache-usage");
        QCOMPARE(cli({"download"}, cache).exit_code, 2);
        const auto type = cli({"download", "owner/files", "--repo-type", "space"}, cache);
        QCOMPARE(type.exit_code, 2);
        QVERIFY2(type.err.contains("unknown repo type \"space\""), type.err.constData());
        const auto id = cli({"download", "owner--x/files"}, cache);
        QCOMPARE(id.exit_code, 2);
        QVERIFY2(id.err.contains("is not a Hub repo id"), id.err.constData());
        const auto both = cli({"generate", "--model", "a/b", "--model_dir", "a/b", "--prompt", "x"}, cache);
        QCOMPARE(both.exit_code, 2);
        QCOMPARE(requests(), 0);
        QVERIFY(cli({"download", "--help"}, cache).out.contains("usage: i3lm download REPO"));
    }
};

QTEST_GUILESS_MAIN(TestHub)
#include "test_hub.moc"
