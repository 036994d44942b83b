// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/pytorch_bin.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "formats/torch_pickle.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/torch.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace i3 {

namespace {

// ---------------------------------------------------------------------------------------------
// Reading

nlohmann::json plain_value_to_json(const PickleValue& value, const std::string& where)
{
    using K = PickleValue::Kind;
    switch (value.kind) {
    case K::None: return nullptr;
    case K::Bool: return value.boolean;
    case K::Int: return value.integer;
    case K::Float: return value.real;
    case K::String: return value.text;
    case K::List:
    case K::Tuple: {
        nlohmann::json array = nlohmann::json::array();
        for (size_t i = 0; i < value.items.size(); ++i)
            array.push_back(plain_value_to_json(value.items[i], where + "[" + std::to_string(i) + "]"));
        return array;
    }
    case K::Dict: {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& [key, item] : value.entries) {
            if (key.kind != K::String)
                throw Error(where + " has a key that is a " + kind_name(key.kind) + ", not a string");
            object[key.text] = plain_value_to_json(item, where + "." + key.text);
        }
        return object;
    }
    case K::Bytes:
    case K::Tensor: break;
    }
    throw Error(where + " is a " + kind_name(value.kind) + ", not a plain value");
}

NamedTensors state_dict_tensors(const PickleValue& dict, const std::string& file)
{
    NamedTensors tensors;
    for (const auto& [key, value] : dict.entries) {
        if (key.kind != PickleValue::Kind::String)
            throw Error(file + ": the state dict has a key that is a " + kind_name(key.kind) + ", not a name");
        if (value.kind != PickleValue::Kind::Tensor)
            throw Error(file + ": state-dict entry \"" + key.text + "\" is a " + kind_name(value.kind) +
                        ", not a tensor");
        tensors.emplace_back(key.text, value.tensor);
    }
    return tensors;
}

// ---------------------------------------------------------------------------------------------
// Writing: a protocol-2 pickle of the same shape torch.save gives a state dict, using only the
// opcodes and globals that Python's weights_only loader (PyTorch 1.13 and later) accepts.

const char* storage_type_name(at::ScalarType dtype)
{
    switch (dtype) {
    case at::kFloat: return "FloatStorage";
    case at::kDouble: return "DoubleStorage";
    case at::kHalf: return "HalfStorage";
    case at::kBFloat16: return "BFloat16Storage";
    case at::kLong: return "LongStorage";
    case at::kInt: return "IntStorage";
    case at::kShort: return "ShortStorage";
    case at::kChar: return "CharStorage";
    case at::kByte: return "ByteStorage";
    case at::kBool: return "BoolStorage";
    default: return nullptr;
    }
}

class StateDictPickler {
public:
    // name -> _rebuild_tensor_v2(storage data/<key>, 0, size, stride, False, OrderedDict())
    std::string pickle(const NamedTensors& contiguous_tensors)
    {
        out_ = "\x80\x02"; // PROTO 2
        empty_ordered_dict();
        out_ += '('; // MARK
        for (size_t i = 0; i < contiguous_tensors.size(); ++i) {
            const auto& [name, tensor] = contiguous_tensors[i];
            string(name);
            global("torch._utils", "_rebuild_tensor_v2");
            out_ += '(';
            persistent_storage(tensor, std::to_string(i));
            integer(0);
            integer_tuple(tensor.sizes());
            integer_tuple(tensor.strides());
            out_ += '\x89'; // NEWFALSE: requires_grad
            empty_ordered_dict();
            out_ += 't';    // TUPLE
            out_ += 'R';    // REDUCE
        }
        out_ += 'u'; // SETITEMS
        out_ += '.'; // STOP
        return out_;
    }

private:
    std::string out_;

    void little_endian(uint64_t value, int bytes)
    {
        for (int i = 0; i < bytes; ++i)
            out_ += static_cast<char>((value >> (8 * i)) & 0xff);
    }

    void global(const std::string& module, const std::string& name) { out_ += "c" + module + "\n" + name + "\n"; }

    void string(const std::string& text)
    {
        out_ += 'X'; // BINUNICODE
        little_endian(text.size(), 4);
        out_ += text;
    }

    void integer(int64_t value)
    {
        if (value >= INT32_MIN && value <= INT32_MAX) {
            out_ += 'J'; // BININT
            little_endian(static_cast<uint64_t>(value), 4);
        } else {
            out_ += "\x8a\x08"; // LONG1 of 8 bytes
            little_endian(static_cast<uint64_t>(value), 8);
        }
    }

    void integer_tuple(at::IntArrayRef values)
    {
        out_ += '(';
        for (int64_t value : values)
            integer(value);
        out_ += 't';
    }

    void empty_ordered_dict()
    {
        global("collections", "OrderedDict");
        out_ += ')'; // EMPTY_TUPLE
        out_ += 'R'; // REDUCE
    }

    // ('storage', torch.<Type>Storage, key, 'cpu', numel), then BINPERSID
    void persistent_storage(const at::Tensor& tensor, const std::string& key)
    {
        out_ += '(';
        string("storage");
        global("torch", storage_type_name(tensor.scalar_type()));
        string(key);
        string("cpu");
        integer(tensor.numel());
        out_ += 't';
        out_ += 'Q';
    }
};

NamedTensors contiguous_cpu_copies(const NamedTensors& tensors, const std::string& file)
{
    NamedTensors prepared;
    std::set<std::string> names;
    for (const auto& [name, tensor] : tensors) {
        const std::string where = file + ": tensor \"" + name + "\"";
        if (!names.insert(name).second)
            throw Error(where + ": the name is used twice");
        if (!tensor.defined())
            throw Error(where + ": has no value");
        if (!storage_type_name(tensor.scalar_type()))
            throw Error(where + ": dtype " + std::string(c10::toString(tensor.scalar_type())) +
                        " cannot be saved in pytorch_model.bin");
        prepared.emplace_back(name, tensor.to(at::kCPU).contiguous());
    }
    return prepared;
}

void write_archive(const fs::path& temporary, const fs::path& target, const std::string& pickle,
                   const NamedTensors& tensors)
{
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
        throw Error("cannot create " + target.string() + ": " + std::strerror(errno));
    // The writer is always told its bytes were taken: a reported failure would make its
    // destructor throw (PyTorch 1.13). A failed stream is noticed once everything is written.
    caffe2::serialize::PyTorchStreamWriter writer([&out](const void* data, size_t size) -> size_t {
        out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        return size;
    });
    writer.writeRecord("data.pkl", pickle.data(), pickle.size());
    writer.writeRecord("byteorder", "little", 6);
    for (size_t i = 0; i < tensors.size(); ++i) {
        const at::Tensor& tensor = tensors[i].second;
        writer.writeRecord("data/" + std::to_string(i), tensor.data_ptr(),
                           static_cast<size_t>(tensor.numel()) * tensor.element_size());
    }
    writer.writeEndOfFile();
    out.flush();
    if (!out)
        throw write_error(target);
}

} // namespace

StateDictFile read_pytorch_bin(const fs::path& path)
{
    const std::string file = path.string();
    const PickleValue top = read_torch_zip(path);
    if (top.kind != PickleValue::Kind::Dict)
        throw Error(file + ": holds a " + kind_name(top.kind) + ", not a state dict");

    StateDictFile result;
    const PickleValue* wrapped = top.find("model_state_dict");
    if (!wrapped) {
        result.tensors = state_dict_tensors(top, file);
        return result;
    }
    if (wrapped->kind != PickleValue::Kind::Dict)
        throw Error(file + ": \"model_state_dict\" is a " + kind_name(wrapped->kind) + ", not a state dict");
    result.tensors = state_dict_tensors(*wrapped, file);
    const PickleValue* config = top.find("config");
    if (config && config->kind != PickleValue::Kind::None) {
        if (config->kind != PickleValue::Kind::Dict)
            throw Error(file + ": \"config\" is a " + kind_name(config->kind) + ", not a dict");
        result.config = plain_value_to_json(*config, file + ": config");
    }
    return result;
}

void write_pytorch_bin(const fs::path& path, const NamedTensors& tensors)
{
    const std::string file = path.string();
    const NamedTensors prepared = contiguous_cpu_copies(tensors, file);
    const std::string pickle = StateDictPickler().pickle(prepared);
    write_atomically(path, [&](const fs::path& temporary) {
        try {
            write_archive(temporary, path, pickle, prepared);
        } catch (const c10::Error& e) {
            throw Error("could not write " + file + ": " + e.what_without_backtrace());
        }
    });
}

} // namespace i3
