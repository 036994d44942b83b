// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm export-tensorboard`: a real run's metrics.jsonl, written as a TensorBoard event file, read
// back by a decoder of the record format written apart from ours (fixtures/read_tfevents.py,
// Python's standard library only: Debian 12 packages no TensorBoard), gives every scalar of every
// line at its step, as float32, with the run's creation time plus the line's training time.
#include "formats/tfrecord.h"
#include "test_support.h"

#include <QtTest>

namespace {

using i3test::read_file;

QByteArray stories()
{
    QByteArray text;
    const char* parts[] = {"Once upon a time there was a little cat.", "The cat liked to play in the sun.",
                           "One day the cat met a dog.", "They became friends and played all day."};
    for (int i = 0; i < 120; ++i)
        text += QByteArray(parts[i % 4]) + ' ' + parts[(i + 3) % 4] + "\n\n";
    return text;
}

QList<QJsonObject> json_lines(const QByteArray& text)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : text.split('\n'))
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

// Our TensorBoard name of each metrics.jsonl key, per kind of line.
const QList<QPair<QString, QString>> kTrainTags = {{"loss", "train/loss"},
                                                   {"ppl", "train/perplexity"},
                                                   {"lr", "train/learning_rate"},
                                                   {"grad_norm", "train/grad_norm"},
                                                   {"tokens_per_s", "train/tokens_per_second"}};
const QList<QPair<QString, QString>> kEvalTags = {{"train_loss_mean", "eval/train_loss_mean"},
                                                  {"val_loss", "eval/validation_loss"},
                                                  {"val_ppl", "eval/validation_perplexity"}};

} // namespace

class TestTensorBoardExport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString run_;

    // The events of `file` as the independent decoder reads them.
    QList<QJsonObject> decoded(const QString& file)
    {
        const auto result = i3test::run_python("read_tfevents.py", {file});
        if (result.exit_code != 0)
            qWarning("read_tfevents.py: %s", result.err.constData());
        return result.exit_code == 0 ? json_lines(result.out) : QList<QJsonObject>{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        i3test::write_file(dir_.filePath("stories.txt"), stories());
        run_ = dir_.filePath("run");
        const auto result = i3test::run_cli({"train", "--preset", "tiny", "--steps", "12", "--log-every", "2",
                                             "--eval-every", "6", "--checkpoint-every", "12", "--data",
                                             dir_.filePath("stories.txt"), "--out", run_});
        QVERIFY2(result.exit_code == 0, result.err.constData());
    }

    // The check value every CRC-32C implementation gives for "123456789" (RFC 3720, B.4).
    void crc32cCheckValue()
    {
        QCOMPARE(i3::crc32c("123456789"), 0xE3069283u);
        QCOMPARE(i3::crc32c(""), 0u);
        std::string record;
        i3::append_tfrecord(record, "abc");
        QCOMPARE(record.size(), size_t(8 + 4 + 3 + 4));
        QCOMPARE(record.substr(0, 8), std::string("\x03\0\0\0\0\0\0\0", 8));
        QCOMPARE(record.substr(12, 3), std::string("abc"));
    }

    void everyScalarAtItsStep()
    {
        const auto exported = i3test::run_cli({"export-tensorboard", run_});
        QVERIFY2(exported.exit_code == 0, exported.err.constData());
        const QStringList files = QDir(run_ + "/tensorboard").entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QVERIFY2(files.front().startsWith("events.out.tfevents."), qPrintable(files.front()));
        QVERIFY(exported.out.contains(files.front().toUtf8()));

        const QJsonObject info = QJsonDocument::fromJson(read_file(run_ + "/run.json")).object();
        const double created =
            static_cast<double>(QDateTime::fromString(info["created"].toString(), Qt::ISODate).toSecsSinceEpoch());
        QVERIFY(created > 1.6e9);
        const QList<QJsonObject> metrics = json_lines(read_file(run_ + "/metrics.jsonl"));
        QCOMPARE(metrics.size(), 6 + 2); // a line every 2 steps, an evaluation every 6
        const QList<QJsonObject> events = decoded(run_ + "/tensorboard/" + files.front());
        QCOMPARE(events.size(), 1 + metrics.size());
        QCOMPARE(events.front()["file_version"].toString(), QString("brain.Event:2"));
        QCOMPARE(events.front()["wall_time"].toDouble(), created);

        int evaluations = 0;
        for (int i = 0; i < metrics.size(); ++i) {
            const QJsonObject& line = metrics[i];
            const QJsonObject event = events[i + 1];
            QCOMPARE(event["step"].toInteger(), line["step"].toInteger());
            QCOMPARE(event["wall_time"].toDouble(), created + line["elapsed_s"].toDouble());
            const bool eval = line["kind"].toString() == "eval";
            evaluations += eval;
            const QJsonObject scalars = event["scalars"].toObject();
            QCOMPARE(scalars.size(), eval ? 3 : 5); // this run has a validation split
            for (const auto& [key, tag] : eval ? kEvalTags : kTrainTags) {
                QVERIFY2(line.contains(key), qPrintable(key));
                const double expected = static_cast<float>(line[key].toDouble());
                QCOMPARE(scalars[tag].toDouble(), expected);
            }
        }
        QCOMPARE(evaluations, 2);
    }

    // A second export replaces the first (TensorBoard would show both files' points), and OUT is
    // any folder.
    void exportAgainAndElsewhere()
    {
        QVERIFY(i3test::run_cli({"export-tensorboard", run_}).exit_code == 0);
        QVERIFY(i3test::run_cli({"export-tensorboard", run_}).exit_code == 0);
        QCOMPARE(QDir(run_ + "/tensorboard").entryList(QDir::Files).size(), 1);
        const QString out = dir_.filePath("elsewhere/tb");
        const auto result = i3test::run_cli({"export-tensorboard", run_, out});
        QVERIFY2(result.exit_code == 0, result.err.constData());
        const QStringList files = QDir(out).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QCOMPARE(read_file(out + "/" + files.front()), read_file(run_ + "/tensorboard/" + files.front()));
    }

    void badRunFolders()
    {
        const auto none = i3test::run_cli({"export-tensorboard", dir_.filePath("missing")});
        QCOMPARE(none.exit_code, 1);
        QVERIFY2(none.err.contains("run.json"), none.err.constData());
        const auto usage = i3test::run_cli({"export-tensorboard"});
        QCOMPARE(usage.exit_code, 2);
        QVERIFY2(usage.err.contains("give a run folder"), usage.err.constData());

        // A run that has not logged a step yet: its run.json, no metrics.jsonl.
        const QString fresh = dir_.filePath("fresh");
        i3test::write_file(fresh + "/run.json", read_file(run_ + "/run.json"));
        const auto empty = i3test::run_cli({"export-tensorboard", fresh});
        QCOMPARE(empty.exit_code, 1);
        QVERIFY2(empty.err.contains("metrics.jsonl"), empty.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTensorBoardExport)
#include "test_tensorboard_export.moc"
