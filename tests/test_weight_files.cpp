// SPDX-License-Identifier: GPL-3.0-or-later
// Weight files: pytorch_model.bin and safetensors, checked against Python's own PyTorch and an
// independent safetensors implementation in fixtures/weight_files.py; bad files must give an
// i3::Error, never a crash, and never run anything.
#include <torch/torch.h>

#include "base/error.h"
#include "formats/pytorch_bin.h"
#include "formats/safetensors.h"
#include "test_support.h"
#include "formats/torch_pickle.h"

#include <caffe2/serialize/inline_container.h>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>

namespace fs = std::filesystem;

namespace {

// The message of the i3::Error that `action` throws; anything else reads as a failure.
std::string error_message(const std::function<void()>& action)
{
    try {
        action();
    } catch (const i3::Error& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("<not an i3::Error> ") + e.what();
    }
    return "<no error>";
}

bool is_i3_error(const std::string& message) { return message.rfind("<", 0) != 0; }

std::string bytes_of(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::string u64_le(uint64_t value)
{
    std::string bytes;
    for (int i = 0; i < 8; ++i)
        bytes += static_cast<char>((value >> (8 * i)) & 0xff);
    return bytes;
}

std::string safetensors_bytes(const std::string& header, const std::string& data)
{
    return u64_le(header.size()) + header + data;
}

at::ScalarType dtype_named(const std::string& name)
{
    const std::map<std::string, at::ScalarType> dtypes = {
        {"float32", at::kFloat}, {"float16", at::kHalf}, {"bfloat16", at::kBFloat16}, {"float64", at::kDouble},
        {"int64", at::kLong},    {"int32", at::kInt},    {"int16", at::kShort},       {"int8", at::kChar},
        {"uint8", at::kByte},    {"bool", at::kBool}};
    return dtypes.at(name);
}

// The tensors fixtures/weight_files.py recorded as raw bytes beside a torch.save file.
i3::NamedTensors expected_tensors(const fs::path& stem)
{
    const auto manifest = nlohmann::json::parse(bytes_of(stem.string() + ".expected.json"));
    const std::string raw = bytes_of(stem.string() + ".expected.raw");
    i3::NamedTensors tensors;
    for (const auto& entry : manifest) {
        const auto options = at::TensorOptions().dtype(dtype_named(entry["dtype"]));
        at::Tensor tensor = torch::empty(entry["shape"].get<std::vector<int64_t>>(), options);
        if (tensor.numel() > 0)
            std::memcpy(tensor.data_ptr(), raw.data() + entry["offset"].get<size_t>(), entry["nbytes"].get<size_t>());
        tensors.emplace_back(entry["name"].get<std::string>(), tensor);
    }
    return tensors;
}

// Same names in the same order, same dtypes and shapes, bit-identical values.
void compare_exactly(const i3::NamedTensors& actual, const i3::NamedTensors& expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto& [name, tensor] = actual[i];
        const std::string& expected_name = expected[i].first;
        const at::Tensor& expected_tensor = expected[i].second;
        QCOMPARE(name, expected_name);
        QVERIFY2(tensor.scalar_type() == expected_tensor.scalar_type(), name.c_str());
        QCOMPARE(tensor.sizes().vec(), expected_tensor.sizes().vec());
        QVERIFY2(tensor.is_contiguous() && tensor.device().is_cpu(), name.c_str());
        QVERIFY2(torch::equal(tensor, expected_tensor), name.c_str());
    }
}

// The same values laid out with different strides, so writers meet non-contiguous input.
i3::NamedTensors non_contiguous(const i3::NamedTensors& tensors)
{
    i3::NamedTensors result;
    for (const auto& [name, tensor] : tensors)
        result.emplace_back(name, tensor.dim() >= 2 ? tensor.t().contiguous().t() : tensor);
    return result;
}

using Records = std::vector<std::pair<std::string, std::string>>;

// The records of a checkpoint archive, without the "version" its writer adds by itself.
Records records_of(const fs::path& path)
{
    caffe2::serialize::PyTorchStreamReader reader(path.string());
    Records records;
    for (const auto& name : reader.getAllRecords()) {
        if (name == "version" || name == ".data/version")
            continue;
        const auto [data, size] = reader.getRecord(name);
        records.emplace_back(name, std::string(static_cast<const char*>(data.get()), size));
    }
    return records;
}

void write_archive(const fs::path& path, const Records& records)
{
    caffe2::serialize::PyTorchStreamWriter writer(path.string());
    for (const auto& [name, data] : records)
        writer.writeRecord(name, data.data(), data.size());
    writer.writeEndOfFile();
}

} // namespace

#define QVERIFY_CONTAINS(text, part)                                                                   \
    QVERIFY2(std::string(text).find(part) != std::string::npos,                                        \
             ("\"" + std::string(text) + "\" does not mention \"" + std::string(part) + "\"").c_str())

class TestWeightFiles : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    fs::path at(const std::string& name) const { return fs::path(dir_.path().toStdString()) / name; }

    void run_fixture(const QStringList& args)
    {
        const auto result = i3test::run_python("weight_files.py", args);
        QVERIFY2(result.exit_code == 0 && !result.crashed,
                 qPrintable(args.join(' ') + ": " + QString::fromUtf8(result.err + result.out)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        run_fixture({"make", dir_.path()});
        run_fixture({"make-bad", dir_.path(), QString::fromStdString(at("PWNED").string())});
    }

    // --- pytorch_model.bin written by Python ---

    void readsATorchSavedStateDictInOrder()
    {
        const auto file = i3::read_pytorch_bin(at("model.bin"));
        QVERIFY(!file.config);
        compare_exactly(file.tensors, expected_tensors(at("model")));
        QCOMPARE(file.tensors.front().first, std::string("embed.weight"));
        QCOMPARE(file.tensors.back().first, std::string("head.bias"));
    }

    void readsViewsSharedStoragesAndEveryDtype()
    {
        auto tensors = i3::read_pytorch_bin(at("mixed.bin")).tensors;
        compare_exactly(tensors, expected_tensors(at("mixed")));
        // "transposed", "corner" and "row" were views of "base": now each owns its memory.
        const at::Tensor transposed = tensors[1].second.clone();
        tensors[0].second.fill_(0);
        QVERIFY(torch::equal(tensors[1].second, transposed));
    }

    void readsTheCheckpointWrapperAndItsConfig()
    {
        const auto file = i3::read_pytorch_bin(at("wrapper.bin"));
        compare_exactly(file.tensors, expected_tensors(at("model")));
        QVERIFY(file.config);
        QCOMPARE(file.config->dump(), nlohmann::json::parse(bytes_of(at("wrapper.config.json"))).dump());
    }

    void readsParameters()
    {
        const auto tensors = i3::read_pytorch_bin(at("parameter.bin")).tensors;
        QCOMPARE(tensors.size(), size_t(1));
        QCOMPARE(tensors[0].first, std::string("p"));
        QVERIFY(torch::equal(tensors[0].second, torch::arange(6, torch::kFloat).reshape({2, 3})));
    }

    void theUnpicklerKeepsPlainValues()
    {
        const auto wrapper = i3::read_torch_zip(at("wrapper.bin"));
        QVERIFY(wrapper.kind == i3::PickleValue::Kind::Dict);
        QCOMPARE(wrapper.find("step")->integer, int64_t(1));
        QCOMPARE(wrapper.find("best_loss")->real, 3.25);
        const auto* betas = wrapper.find("config")->find("betas");
        QVERIFY(betas->kind == i3::PickleValue::Kind::Tuple);
        QCOMPARE(betas->items.at(1).real, 0.95);
        QVERIFY(wrapper.find("optimizer_state_dict")->kind == i3::PickleValue::Kind::Dict);
        QVERIFY(!wrapper.find("missing"));
    }

    // --- pytorch_model.bin written by us, read by Python ---

    void ourPytorchBinLoadsInPythonIntoTheModel()
    {
        const auto original = i3::read_pytorch_bin(at("model.bin")).tensors;
        i3::write_pytorch_bin(at("ours_model.bin"), non_contiguous(original));
        run_fixture({"check-bin", QString::fromStdString(at("ours_model.bin").string()),
                     QString::fromStdString(at("model.bin").string()), "--module"});
        compare_exactly(i3::read_pytorch_bin(at("ours_model.bin")).tensors, original);
    }

    void ourPytorchBinKeepsEveryDtype()
    {
        const auto original = i3::read_pytorch_bin(at("mixed.bin")).tensors;
        i3::write_pytorch_bin(at("ours_mixed.bin"), non_contiguous(original));
        run_fixture({"check-bin", QString::fromStdString(at("ours_mixed.bin").string()),
                     QString::fromStdString(at("mixed.bin").string())});
    }

    void writingPytorchBinRefusesBadInputAndLeavesNothing()
    {
        const fs::path target = at("refused.bin");
        const auto one = torch::ones({2});
        QVERIFY_CONTAINS(error_message([&] { i3::write_pytorch_bin(target, {{"a", one}, {"a", one}}); }),
                         "used twice");
        QVERIFY_CONTAINS(error_message([&] {
                             i3::write_pytorch_bin(target, {{"c", torch::ones({2}, torch::kComplexFloat)}});
                         }),
                         "cannot be saved");
        QVERIFY(!fs::exists(target));
        for (const auto& entry : fs::directory_iterator(dir_.path().toStdString()))
            QVERIFY2(entry.path().filename().string().find(".tmp") == std::string::npos,
                     entry.path().string().c_str());
    }

    // --- safetensors ---

    void ourSafetensorsReadByAnIndependentParser()
    {
        const auto original = i3::read_pytorch_bin(at("mixed.bin")).tensors;
        const std::map<std::string, std::string> metadata = {{"format", "pt"}, {"note", "\u00fcn\u00ef \u2713"}};
        i3::write_safetensors(at("ours.safetensors"), non_contiguous(original), metadata);
        run_fixture({"check-safetensors", QString::fromStdString(at("ours.safetensors").string()),
                     QString::fromStdString(at("mixed.bin").string()),
                     QString::fromStdString(nlohmann::json(metadata).dump())});
        compare_exactly(i3::read_safetensors(at("ours.safetensors")), original);
    }

    void readsSafetensorsWrittenByPython()
    {
        // The header lists the tensors in one order and stores their data in the reverse order.
        compare_exactly(i3::read_safetensors(at("python.safetensors")), expected_tensors(at("mixed")));
    }

    void safetensorsLayoutWorkedOutByHand()
    {
        const fs::path path = at("by_hand.safetensors");
        i3::write_safetensors(path, {{"x", torch::tensor({1, -1}, torch::kInt)}});
        const std::string header = R"({"x":{"dtype":"I32","shape":[2],"data_offsets":[0,8]}})"; // 54 bytes
        const std::string padded = header + "  ";                                                 // to 56
        const std::string data("\x01\x00\x00\x00\xff\xff\xff\xff", 8);
        QCOMPARE(bytes_of(path), safetensors_bytes(padded, data));

        write_bytes(path, safetensors_bytes(header, data));
        const auto tensors = i3::read_safetensors(path);
        QCOMPARE(tensors.size(), size_t(1));
        QVERIFY(torch::equal(tensors[0].second, torch::tensor({1, -1}, torch::kInt)));
    }

    void safetensorsRefusesMalformedFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const std::string& content, const char* expected) {
            QTest::newRow(name) << QByteArray(content.data(), static_cast<int>(content.size())) << expected;
        };
        const std::string f32x2 = R"({"dtype":"F32","shape":[2],"data_offsets":)";
        row("too short", "abc", "too short");
        row("header longer than the file", u64_le(100) + "{}", "header length says 100 bytes but only 2");
        row("huge header length", u64_le(uint64_t(1) << 40) + "{}", "header length says");
        row("not JSON", safetensors_bytes(R"({"a": )", ""), "not valid JSON");
        row("not an object", safetensors_bytes("[]", ""), "must be a JSON object");
        row("unknown dtype", safetensors_bytes(R"({"a":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}})", "abcd"),
            "tensor \"a\": unknown dtype \"F33\"");
        row("unsupported dtype", safetensors_bytes(R"({"a":{"dtype":"U16","shape":[2],"data_offsets":[0,4]}})", "abcd"),
            "dtype \"U16\" is not supported");
        row("shape does not match the bytes",
            safetensors_bytes(R"({"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}})", std::string(20, 'x')),
            "tensor \"w\": shape [2, 3] of F32 needs 24 bytes but \"data_offsets\" [0,20] span 20");
        row("offsets out of bounds", safetensors_bytes(R"({"a":)" + f32x2 + "[0,8]}}", "abcd"),
            "tensor \"a\" ends at byte 8 of the data, but the file holds only 4");
        row("overlapping tensors",
            safetensors_bytes(R"({"a":)" + f32x2 + R"([0,8]},"b":)" + f32x2 + "[4,12]}}", std::string(12, 'x')),
            "tensors \"a\" and \"b\" overlap");
        row("gap between tensors",
            safetensors_bytes(R"({"a":)" + f32x2 + R"([0,8]},"b":)" + f32x2 + "[12,20]}}", std::string(20, 'x')),
            "data bytes 8 to 12 (before tensor \"b\") belong to no tensor");
        row("trailing garbage", safetensors_bytes(R"({"a":)" + f32x2 + "[0,8]}}", std::string(11, 'x')),
            "3 unexpected bytes follow");
        row("a name twice",
            safetensors_bytes(R"({"a":)" + f32x2 + R"([0,8]},"a":)" + f32x2 + "[8,16]}}", std::string(16, 'x')),
            "lists tensor \"a\" twice");
        row("negative size", safetensors_bytes(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", "abcd"),
            "whole number >= 0");
        row("end before begin", safetensors_bytes(R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[4,0]}})", "abcd"),
            "end before they begin");
        row("missing field", safetensors_bytes(R"({"a":{"dtype":"U8","shape":[0]}})", ""),
            "has no \"data_offsets\"");
        row("impossibly large", safetensors_bytes(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],)"
                                                  R"("data_offsets":[0,0]}})", ""),
            "impossibly large");
        row("metadata not strings", safetensors_bytes(R"({"__metadata__":{"n":1}})", ""),
            "\"__metadata__\" entry \"n\" must be a string");
        row("bool bytes", safetensors_bytes(R"({"b":{"dtype":"BOOL","shape":[2],"data_offsets":[0,2]}})",
                                            std::string("\x00\x02", 2)),
            "holds bytes other than 0 and 1");
    }

    void safetensorsRefusesMalformedFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const fs::path path = at("malformed.safetensors");
        write_bytes(path, content.toStdString());
        const std::string message = error_message([&] { i3::read_safetensors(path); });
        QVERIFY_CONTAINS(message, expected.toStdString());
        QVERIFY_CONTAINS(message, path.string());
    }

    void truncatedSafetensorsAreRefused()
    {
        const std::string whole = bytes_of(at("python.safetensors"));
        const fs::path path = at("truncated.safetensors");
        for (size_t length = 0; length < whole.size(); length += 7) {
            write_bytes(path, whole.substr(0, length));
            const std::string message = error_message([&] { i3::read_safetensors(path); });
            QVERIFY2(is_i3_error(message), (std::to_string(length) + ": " + message).c_str());
        }
    }

    // --- pytorch_model.bin that must be refused ---

    void refusesToRunCode()
    {
        const std::string message = error_message([&] { i3::read_pytorch_bin(at("evil.bin")); });
        QVERIFY_CONTAINS(message, "refuses to load: the pickle asks for 'posix.system', which is not part of a state dict");
        QVERIFY(!fs::exists(at("PWNED")));
    }

    void refusesAnUnsupportedOpcode()
    {
        const auto facts = nlohmann::json::parse(bytes_of(at("bad.json")));
        const std::string message = error_message([&] { i3::read_torch_zip(at("opcode.bin")); });
        QVERIFY_CONTAINS(message, "unsupported pickle opcode 0x8f");
        QVERIFY_CONTAINS(message, "pickle byte " + std::to_string(facts["opcode_byte"].get<int>()));
    }

    void refusesWhatIsNotAStateDict_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("legacy format") << "legacy.bin"
                                       << "legacy torch.save format (before PyTorch 1.6) is not supported";
        QTest::newRow("a zip that is not a checkpoint") << "plain.zip" << "zip archive is damaged, truncated or not a PyTorch checkpoint";
        QTest::newRow("no data.pkl") << "no_pkl.bin" << "has no data.pkl";
        QTest::newRow("storage missing") << "missing_storage.bin" << "refers to storage data/0, which the archive lacks";
        QTest::newRow("view outside its storage") << "bad_stride.bin" << "reads element 11 of a storage that holds 6";
        QTest::newRow("a value that is not a tensor") << "not_tensor.bin" << "entry \"b\" is a list, not a tensor";
        QTest::newRow("a list, not a dict") << "list.bin" << "holds a list, not a state dict";
        QTest::newRow("no such file") << "absent.bin" << "cannot open";
    }

    void refusesWhatIsNotAStateDict()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const fs::path path = at(file.toStdString());
        const std::string message = error_message([&] { i3::read_pytorch_bin(path); });
        QVERIFY_CONTAINS(message, expected.toStdString());
        QVERIFY_CONTAINS(message, path.string());
    }

    void refusesRandomBytes()
    {
        std::mt19937 random(7);
        std::string noise(4096, '\0');
        for (char& c : noise)
            c = static_cast<char>(random());
        noise[0] = 'x';
        const fs::path path = at("noise.bin");
        write_bytes(path, noise);
        QVERIFY_CONTAINS(error_message([&] { i3::read_pytorch_bin(path); }), "not a PyTorch checkpoint");
        write_bytes(path, "PK\x03\x04" + noise); // looks like a zip for four bytes
        QVERIFY(is_i3_error(error_message([&] { i3::read_pytorch_bin(path); })));
        write_bytes(path, noise);
        QVERIFY(is_i3_error(error_message([&] { i3::read_safetensors(path); })));
    }

    void truncatedCheckpointsAreRefused()
    {
        const std::string whole = bytes_of(at("model.bin"));
        const fs::path path = at("truncated.bin");
        std::vector<size_t> lengths = {0, 1, 3, 4, 30, whole.size() - 22, whole.size() - 1};
        for (size_t length = 50; length < whole.size(); length += 97)
            lengths.push_back(length);
        for (size_t length : lengths) {
            write_bytes(path, whole.substr(0, length));
            const std::string message = error_message([&] { i3::read_pytorch_bin(path); });
            QVERIFY2(is_i3_error(message), (std::to_string(length) + ": " + message).c_str());
        }
    }

    void corruptedBytesNeverCrash()
    {
        const std::string whole = bytes_of(at("mixed.bin"));
        const fs::path path = at("corrupted.bin");
        int refused = 0;
        for (size_t position = 0; position < whole.size(); position += 13) {
            std::string damaged = whole;
            damaged[position] = static_cast<char>(damaged[position] ^ 0x5a);
            write_bytes(path, damaged);
            const std::string message = error_message([&] { i3::read_pytorch_bin(path); });
            QVERIFY2(message == "<no error>" || is_i3_error(message), (std::to_string(position) + ": " + message).c_str());
            refused += message != "<no error>";
        }
        QVERIFY(refused > 0);
    }

    // The zip's checksums catch most damage before the unpickler sees it; here the unpickler
    // itself gets every truncation and two corruptions of each byte of a valid data.pkl.
    void corruptedPicklesNeverCrash()
    {
        const Records records = records_of(at("mixed.bin"));
        const auto pickle = std::find_if(records.begin(), records.end(),
                                         [](const auto& record) { return record.first == "data.pkl"; });
        QVERIFY(pickle != records.end());
        const size_t pickle_index = static_cast<size_t>(pickle - records.begin());
        const std::string original = pickle->second;
        const fs::path path = at("corrupted_pickle.bin");
        int refused = 0;
        auto check = [&](const std::string& damaged, const std::string& what) {
            Records changed = records;
            changed[pickle_index].second = damaged;
            write_archive(path, changed);
            const std::string message = error_message([&] { i3::read_pytorch_bin(path); });
            refused += message != "<no error>";
            return message == "<no error>" || is_i3_error(message) ? std::string() : what + ": " + message;
        };
        for (size_t position = 0; position < original.size(); ++position) {
            for (unsigned char flip : {0x01, 0xff}) {
                std::string damaged = original;
                damaged[position] = static_cast<char>(damaged[position] ^ flip);
                const std::string problem = check(damaged, "byte " + std::to_string(position));
                QVERIFY2(problem.empty(), problem.c_str());
            }
            const std::string problem = check(original.substr(0, position), "length " + std::to_string(position));
            QVERIFY2(problem.empty(), problem.c_str());
        }
        QVERIFY(refused > int(original.size()));
    }
};

QTEST_GUILESS_MAIN(TestWeightFiles)
#include "test_weight_files.moc"
