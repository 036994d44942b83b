// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/torch_pickle.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/host_memory.h"
#include "formats/zip_directory.h"
#include "text/unicode_text.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/torch.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <new>

namespace fs = std::filesystem;

namespace i3 {

const PickleValue* PickleValue::find(const std::string& key) const
{
    for (const auto& [name, value] : entries)
        if (name.is_string(key))
            return &value;
    return nullptr;
}

std::string kind_name(PickleValue::Kind kind)
{
    switch (kind) {
    case PickleValue::Kind::None: return "None";
    case PickleValue::Kind::Bool: return "bool";
    case PickleValue::Kind::Int: return "int";
    case PickleValue::Kind::Float: return "float";
    case PickleValue::Kind::String: return "str";
    case PickleValue::Kind::Bytes: return "bytes";
    case PickleValue::Kind::List: return "list";
    case PickleValue::Kind::Tuple: return "tuple";
    case PickleValue::Kind::Dict: return "dict";
    case PickleValue::Kind::Tensor: return "tensor";
    }
    return "value";
}

namespace {

// ---------------------------------------------------------------------------------------------
// The Python globals a state dict needs. Everything else is refused by name, before it could
// be called: this list is the whole of what a pickle can make us do.

enum class Callable { OrderedDict, RebuildTensor, RebuildParameter, RebuildParameterWithState, StorageType };

struct AllowedGlobal {
    const char* module;
    const char* name;
    Callable callable;
    at::ScalarType storage_dtype; // for StorageType only
};

const AllowedGlobal kAllowedGlobals[] = {
    {"collections", "OrderedDict", Callable::OrderedDict, at::kByte},
    {"torch._utils", "_rebuild_tensor_v2", Callable::RebuildTensor, at::kByte},
    {"torch._utils", "_rebuild_parameter", Callable::RebuildParameter, at::kByte},
    {"torch._utils", "_rebuild_parameter_with_state", Callable::RebuildParameterWithState, at::kByte},
    {"torch", "FloatStorage", Callable::StorageType, at::kFloat},
    {"torch", "DoubleStorage", Callable::StorageType, at::kDouble},
    {"torch", "HalfStorage", Callable::StorageType, at::kHalf},
    {"torch", "BFloat16Storage", Callable::StorageType, at::kBFloat16},
    {"torch", "LongStorage", Callable::StorageType, at::kLong},
    {"torch", "IntStorage", Callable::StorageType, at::kInt},
    {"torch", "ShortStorage", Callable::StorageType, at::kShort},
    {"torch", "CharStorage", Callable::StorageType, at::kChar},
    {"torch", "ByteStorage", Callable::StorageType, at::kByte},
    {"torch", "BoolStorage", Callable::StorageType, at::kBool},
    // PyTorch 2.x names untyped (byte) storages by where the class is defined.
    {"torch", "UntypedStorage", Callable::StorageType, at::kByte},
    {"torch.storage", "UntypedStorage", Callable::StorageType, at::kByte},
};

const AllowedGlobal* find_allowed_global(const std::string& module, const std::string& name)
{
    for (const auto& allowed : kAllowedGlobals)
        if (module == allowed.module && name == allowed.name)
            return &allowed;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The unpickler's own objects. Pickles share and mutate objects (a dict is memoized while still
// empty, then filled), so while reading, objects live in one table and refer to each other by
// index; the result is copied out into a plain PickleValue tree at the end.

// The raw bytes of one storage record, shared by every tensor that views it.
struct StorageBytes {
    at::DataPtr data;
    size_t size = 0;
};

using StorageLoader =
    std::function<std::shared_ptr<StorageBytes>(const std::string& key, at::ScalarType dtype, int64_t numel)>;

struct Object {
    enum class Kind { Value, Global, Storage };
    Kind kind = Kind::Value;
    PickleValue::Kind value_kind = PickleValue::Kind::None; // when kind == Value
    bool boolean = false;
    int64_t integer = 0;
    double real = 0.0;
    std::string text;
    std::vector<size_t> items;
    std::vector<std::pair<size_t, size_t>> entries;
    at::Tensor tensor;
    const AllowedGlobal* global = nullptr;    // when kind == Global
    std::shared_ptr<StorageBytes> storage;    // when kind == Storage
    at::ScalarType storage_dtype = at::kByte; // when kind == Storage
    int64_t storage_numel = 0;                // when kind == Storage

    bool is(PickleValue::Kind k) const { return kind == Kind::Value && value_kind == k; }
};

Object value_object(PickleValue::Kind kind)
{
    Object object;
    object.value_kind = kind;
    return object;
}

std::string describe(const Object& object)
{
    switch (object.kind) {
    case Object::Kind::Global: return std::string(object.global->module) + "." + object.global->name;
    case Object::Kind::Storage: return "a storage";
    case Object::Kind::Value: break;
    }
    return "a " + kind_name(object.value_kind);
}

std::string hex_byte(unsigned value)
{
    const char* digits = "0123456789abcdef";
    return std::string("0x") + digits[(value >> 4) & 0xf] + digits[value & 0xf];
}

// Views into a storage may be arbitrary (transposes, slices); the result is always a
// contiguous tensor that owns its memory.
at::Tensor view_of_storage(const Object& storage, int64_t offset, const std::vector<int64_t>& size,
                           const std::vector<int64_t>& stride, const std::string& where)
{
    if (size.size() != stride.size())
        throw Error(where + ": a tensor has " + std::to_string(size.size()) + " sizes but " +
                    std::to_string(stride.size()) + " strides");
    const auto options = at::TensorOptions().dtype(storage.storage_dtype);
    bool empty = false;
    for (size_t i = 0; i < size.size(); ++i) {
        if (size[i] < 0 || stride[i] < 0)
            throw Error(where + ": a tensor has a negative size or stride");
        empty = empty || size[i] == 0;
    }
    if (offset < 0)
        throw Error(where + ": a tensor has a negative storage offset");
    if (empty)
        return at::empty(size, options);

    // The last element the view touches must lie inside the storage.
    int64_t last = offset;
    for (size_t i = 0; i < size.size(); ++i) {
        const int64_t steps = size[i] - 1;
        if (stride[i] != 0 && steps > (INT64_MAX - last) / stride[i])
            throw Error(where + ": a tensor's sizes and strides reach beyond any storage");
        last += steps * stride[i];
    }
    if (last >= storage.storage_numel)
        throw Error(where + ": a tensor reads element " + std::to_string(last) + " of a storage that holds " +
                    std::to_string(storage.storage_numel));
    const at::Tensor whole = at::from_blob(storage.storage->data.get(), {storage.storage_numel}, options);
    return whole.as_strided(size, stride, offset).clone(at::MemoryFormat::Contiguous);
}

class Unpickler {
public:
    Unpickler(const std::string& pickle, std::string where, StorageLoader load_storage)
        : bytes_(pickle), where_(std::move(where)), load_storage_(std::move(load_storage))
    {
    }

    PickleValue run()
    {
        while (true) {
            opcode_at_ = position_;
            const unsigned char opcode = byte();
            if (opcode == '.') // STOP
                break;
            step(opcode);
        }
        const size_t result = pop();
        size_t budget = kMaxValues;
        return to_value(result, 0, budget);
    }

private:
    // A plain tree is at most this deep and this large; deeper means a self-referring pickle,
    // larger means one that shares values to blow up when copied.
    static constexpr int kMaxDepth = 100;
    static constexpr size_t kMaxValues = 10'000'000;

    const std::string& bytes_;
    const std::string where_;
    StorageLoader load_storage_;
    size_t position_ = 0;
    size_t opcode_at_ = 0;
    std::vector<Object> objects_;
    std::vector<size_t> stack_; // indices into objects_
    std::vector<size_t> marks_; // stack heights at each MARK
    std::map<uint64_t, size_t> memo_;

    [[noreturn]] void fail(const std::string& what) const
    {
        throw Error(where_ + ": " + what + " (pickle byte " + std::to_string(opcode_at_) + ")");
    }

    // -- reading the byte stream --

    unsigned char byte()
    {
        if (position_ >= bytes_.size())
            fail("the pickle ends unexpectedly");
        return static_cast<unsigned char>(bytes_[position_++]);
    }

    uint64_t little_endian(int count)
    {
        uint64_t value = 0;
        for (int i = 0; i < count; ++i)
            value |= static_cast<uint64_t>(byte()) << (8 * i);
        return value;
    }

    std::string take(uint64_t count)
    {
        if (count > bytes_.size() - position_)
            fail("a string or bytes value runs past the end of the pickle");
        std::string text = bytes_.substr(position_, count);
        position_ += count;
        return text;
    }

    std::string line()
    {
        const size_t end = bytes_.find('\n', position_);
        if (end == std::string::npos)
            fail("a global's name runs past the end of the pickle");
        std::string text = bytes_.substr(position_, end - position_);
        position_ = end + 1;
        return text;
    }

    // -- the stack --

    size_t push(Object object)
    {
        objects_.push_back(std::move(object));
        stack_.push_back(objects_.size() - 1);
        return objects_.size() - 1;
    }

    size_t pop()
    {
        if (stack_.empty() || (!marks_.empty() && stack_.size() == marks_.back()))
            fail("the pickle is malformed (it takes a value from an empty stack)");
        const size_t top = stack_.back();
        stack_.pop_back();
        return top;
    }

    Object& top()
    {
        if (stack_.empty() || (!marks_.empty() && stack_.size() == marks_.back()))
            fail("the pickle is malformed (it changes a value on an empty stack)");
        return objects_[stack_.back()];
    }

    std::vector<size_t> pop_to_mark()
    {
        if (marks_.empty())
            fail("the pickle is malformed (a MARK is missing)");
        std::vector<size_t> items(stack_.begin() + static_cast<std::ptrdiff_t>(marks_.back()), stack_.end());
        stack_.resize(marks_.back());
        marks_.pop_back();
        return items;
    }

    void push_scalar(PickleValue::Kind kind, int64_t integer)
    {
        Object object = value_object(kind);
        object.integer = integer;
        object.boolean = integer != 0;
        push(std::move(object));
    }

    void push_text(PickleValue::Kind kind, std::string text)
    {
        if (kind == PickleValue::Kind::String && !is_valid_utf8(text))
            fail("a string is not valid UTF-8");
        Object object = value_object(kind);
        object.text = std::move(text);
        push(std::move(object));
    }

    void push_sequence(PickleValue::Kind kind, std::vector<size_t> items)
    {
        Object object = value_object(kind);
        object.items = std::move(items);
        push(std::move(object));
    }

    void push_global(const std::string& module, const std::string& name)
    {
        const AllowedGlobal* allowed = find_allowed_global(module, name);
        if (!allowed)
            fail("refuses to load: the pickle asks for '" + module + "." + name +
                 "', which is not part of a state dict");
        Object object;
        object.kind = Object::Kind::Global;
        object.global = allowed;
        push(std::move(object));
    }

    void memoize(uint64_t index)
    {
        if (stack_.empty())
            fail("the pickle is malformed (it memoizes from an empty stack)");
        memo_[index] = stack_.back();
    }

    void recall(uint64_t index)
    {
        const auto found = memo_.find(index);
        if (found == memo_.end())
            fail("the pickle is malformed (it recalls memo entry " + std::to_string(index) + ", never stored)");
        stack_.push_back(found->second);
    }

    // -- containers --

    Object& container_on_top(PickleValue::Kind kind, const char* operation)
    {
        Object& target = top();
        if (!target.is(kind))
            fail(std::string("the pickle uses ") + operation + " on " + describe(target));
        return target;
    }

    bool same_key(size_t a, size_t b) const
    {
        const Object& x = objects_[a];
        const Object& y = objects_[b];
        if (x.kind != Object::Kind::Value || y.kind != Object::Kind::Value || x.value_kind != y.value_kind)
            return false;
        switch (x.value_kind) {
        case PickleValue::Kind::None: return true;
        case PickleValue::Kind::Bool:
        case PickleValue::Kind::Int: return x.integer == y.integer;
        case PickleValue::Kind::String:
        case PickleValue::Kind::Bytes: return x.text == y.text;
        default: return a == b;
        }
    }

    // A later value for an existing key replaces it, keeping its place, as in Python.
    void set_item(size_t dict_index, size_t key, size_t value)
    {
        for (auto& entry : objects_[dict_index].entries)
            if (same_key(entry.first, key)) {
                entry.second = value;
                return;
            }
        objects_[dict_index].entries.emplace_back(key, value);
    }

    void set_items(const std::vector<size_t>& items)
    {
        if (items.size() % 2 != 0)
            fail("the pickle is malformed (a key without a value)");
        container_on_top(PickleValue::Kind::Dict, "SETITEMS");
        const size_t dict = stack_.back();
        for (size_t i = 0; i < items.size(); i += 2)
            set_item(dict, items[i], items[i + 1]);
    }

    // -- calls to allowed globals --

    const Object& argument(const std::vector<size_t>& args, size_t i, PickleValue::Kind kind, const char* function)
    {
        const Object& value = objects_[args[i]];
        if (!value.is(kind))
            fail(std::string(function) + " expects argument " + std::to_string(i + 1) + " to be a " +
                 kind_name(kind) + ", not " + describe(value));
        return value;
    }

    std::vector<int64_t> integer_tuple(const std::vector<size_t>& args, size_t i, const char* function)
    {
        std::vector<int64_t> numbers;
        for (size_t item : argument(args, i, PickleValue::Kind::Tuple, function).items) {
            if (!objects_[item].is(PickleValue::Kind::Int))
                fail(std::string(function) + " expects whole numbers in argument " + std::to_string(i + 1));
            numbers.push_back(objects_[item].integer);
        }
        return numbers;
    }

    Object rebuild_tensor(const std::vector<size_t>& args)
    {
        const char* function = "_rebuild_tensor_v2";
        if (args.size() != 6 && args.size() != 7)
            fail(std::string(function) + " expects 6 or 7 arguments, not " + std::to_string(args.size()));
        const Object& storage = objects_[args[0]];
        if (storage.kind != Object::Kind::Storage)
            fail(std::string(function) + " expects a storage, not " + describe(storage));
        const int64_t offset = argument(args, 1, PickleValue::Kind::Int, function).integer;
        const auto size = integer_tuple(args, 2, function);
        const auto stride = integer_tuple(args, 3, function);
        argument(args, 4, PickleValue::Kind::Bool, function); // requires_grad: irrelevant for weights
        argument(args, 5, PickleValue::Kind::Dict, function); // backward hooks: never restored
        Object tensor = value_object(PickleValue::Kind::Tensor);
        tensor.tensor = view_of_storage(storage, offset, size, stride, where_);
        return tensor;
    }

    Object rebuild_parameter(const std::vector<size_t>& args, size_t expected)
    {
        const char* function = "_rebuild_parameter";
        if (args.size() != expected)
            fail(std::string(function) + " expects " + std::to_string(expected) + " arguments, not " +
                 std::to_string(args.size()));
        Object parameter = value_object(PickleValue::Kind::Tensor);
        parameter.tensor = argument(args, 0, PickleValue::Kind::Tensor, function).tensor;
        return parameter;
    }

    void reduce()
    {
        const size_t args_index = pop();
        const Object& callable = objects_[pop()];
        if (callable.kind != Object::Kind::Global)
            fail("the pickle calls " + describe(callable) + ", which is not a function");
        const std::string function = describe(callable);
        if (!objects_[args_index].is(PickleValue::Kind::Tuple))
            fail("the pickle calls " + function + " with " + describe(objects_[args_index]) +
                 " instead of a tuple of arguments");
        const std::vector<size_t> args = objects_[args_index].items;
        // Pushing may move objects_, so `callable` is not used past this point.
        switch (callable.global->callable) {
        case Callable::OrderedDict:
            if (!args.empty())
                fail("collections.OrderedDict is only supported without arguments");
            push(value_object(PickleValue::Kind::Dict));
            return;
        case Callable::RebuildTensor: push(rebuild_tensor(args)); return;
        case Callable::RebuildParameter: push(rebuild_parameter(args, 3)); return;
        case Callable::RebuildParameterWithState: push(rebuild_parameter(args, 4)); return;
        case Callable::StorageType: break;
        }
        fail("the pickle calls " + function + ", which only names a storage type");
    }

    // pid = ('storage', storage type, key, location, number of elements)
    void persistent_load()
    {
        const Object& pid = objects_[pop()];
        const auto& parts = pid.items;
        if (!pid.is(PickleValue::Kind::Tuple) || parts.size() != 5 || !objects_[parts[0]].is(PickleValue::Kind::String) ||
            objects_[parts[0]].text != "storage")
            fail("the pickle refers to external data that is not a tensor storage");
        const Object& type = objects_[parts[1]];
        if (type.kind != Object::Kind::Global || type.global->callable != Callable::StorageType)
            fail("a storage reference names " + describe(type) + " instead of a storage type");
        if (!objects_[parts[2]].is(PickleValue::Kind::String) || !objects_[parts[4]].is(PickleValue::Kind::Int))
            fail("a storage reference is malformed");
        Object storage;
        storage.kind = Object::Kind::Storage;
        storage.storage_dtype = type.global->storage_dtype;
        storage.storage_numel = objects_[parts[4]].integer;
        storage.storage = load_storage_(objects_[parts[2]].text, storage.storage_dtype, storage.storage_numel);
        push(std::move(storage));
    }

    // -- one opcode --

    void step(unsigned char opcode)
    {
        using K = PickleValue::Kind;
        switch (opcode) {
        case 0x80: // PROTO
            if (byte() > 5)
                fail("the pickle uses a protocol newer than 5");
            return;
        case 0x95: little_endian(8); return; // FRAME: only a read-ahead hint
        case '(': marks_.push_back(stack_.size()); return; // MARK
        case '}': push(value_object(K::Dict)); return;     // EMPTY_DICT
        case ']': push(value_object(K::List)); return;     // EMPTY_LIST
        case ')': push(value_object(K::Tuple)); return;    // EMPTY_TUPLE
        case 't': push_sequence(K::Tuple, pop_to_mark()); return; // TUPLE
        case 0x85: case 0x86: case 0x87: {                 // TUPLE1, TUPLE2, TUPLE3
            std::vector<size_t> items(opcode - 0x84);
            for (size_t i = items.size(); i-- > 0;)
                items[i] = pop();
            push_sequence(K::Tuple, std::move(items));
            return;
        }
        case 'l': push_sequence(K::List, pop_to_mark()); return; // LIST
        case 'd': {                                              // DICT
            const auto items = pop_to_mark();
            push(value_object(K::Dict));
            set_items(items);
            return;
        }
        case 'J': push_scalar(K::Int, static_cast<int32_t>(little_endian(4))); return; // BININT
        case 'K': push_scalar(K::Int, static_cast<int64_t>(little_endian(1))); return; // BININT1
        case 'M': push_scalar(K::Int, static_cast<int64_t>(little_endian(2))); return; // BININT2
        case 0x8a: {                                                                  // LONG1
            const int count = byte();
            if (count > 8)
                fail("the pickle holds an integer wider than 64 bits");
            uint64_t value = little_endian(count);
            if (count > 0 && count < 8 && (value >> (8 * count - 1)) & 1) // sign-extend
                value |= ~uint64_t(0) << (8 * count);
            push_scalar(K::Int, static_cast<int64_t>(value));
            return;
        }
        case 'G': { // BINFLOAT: big-endian
            uint64_t bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | byte();
            Object object = value_object(K::Float);
            std::memcpy(&object.real, &bits, sizeof bits);
            push(std::move(object));
            return;
        }
        case 'X': push_text(K::String, take(little_endian(4))); return;  // BINUNICODE
        case 0x8c: push_text(K::String, take(little_endian(1))); return; // SHORT_BINUNICODE
        case 0x8d: push_text(K::String, take(little_endian(8))); return; // BINUNICODE8
        case 'T': {                                                       // BINSTRING
            const auto length = static_cast<int32_t>(little_endian(4));
            if (length < 0)
                fail("the pickle holds a string of negative length");
            push_text(K::String, take(static_cast<uint64_t>(length)));
            return;
        }
        case 'U': push_text(K::String, take(little_endian(1))); return;  // SHORT_BINSTRING
        case 'B': push_text(K::Bytes, take(little_endian(4))); return;   // BINBYTES
        case 'C': push_text(K::Bytes, take(little_endian(1))); return;   // SHORT_BINBYTES
        case 0x8e: push_text(K::Bytes, take(little_endian(8))); return;  // BINBYTES8
        case 0x88: push_scalar(K::Bool, 1); return;                       // NEWTRUE
        case 0x89: push_scalar(K::Bool, 0); return;                       // NEWFALSE
        case 'N': push(value_object(K::None)); return;                    // NONE
        case 'q': memoize(little_endian(1)); return;                      // BINPUT
        case 'r': memoize(little_endian(4)); return;                      // LONG_BINPUT
        case 0x94: memoize(memo_.size()); return;                         // MEMOIZE
        case 'h': recall(little_endian(1)); return;                       // BINGET
        case 'j': recall(little_endian(4)); return;                       // LONG_BINGET
        case 'c': {                                                       // GLOBAL
            const std::string module = line();
            push_global(module, line());
            return;
        }
        case 0x93: { // STACK_GLOBAL
            const Object name = objects_[pop()];
            const Object module = objects_[pop()];
            if (!module.is(K::String) || !name.is(K::String))
                fail("the pickle names a global with something other than strings");
            push_global(module.text, name.text);
            return;
        }
        case 'R': reduce(); return;          // REDUCE
        case 'Q': persistent_load(); return; // BINPERSID
        case 'b': {                          // BUILD
            const Object& state = objects_[pop()];
            // torch.save attaches the modules' `_metadata` (versions) to the OrderedDict; unused.
            if (!top().is(K::Dict))
                fail("the pickle sets the state of " + describe(top()) + " to " + describe(state) +
                     "; only a dict's state is accepted (and ignored)");
            return;
        }
        case 's': { // SETITEM
            const size_t value = pop();
            const size_t key = pop();
            container_on_top(K::Dict, "SETITEM");
            set_item(stack_.back(), key, value);
            return;
        }
        case 'u': set_items(pop_to_mark()); return; // SETITEMS
        case 'a': {                                 // APPEND
            const size_t value = pop();
            container_on_top(K::List, "APPEND").items.push_back(value);
            return;
        }
        case 'e': { // APPENDS
            const auto items = pop_to_mark();
            auto& list = container_on_top(K::List, "APPENDS").items;
            list.insert(list.end(), items.begin(), items.end());
            return;
        }
        default: fail("unsupported pickle opcode " + hex_byte(opcode));
        }
    }

    // -- the result --

    PickleValue to_value(size_t index, int depth, size_t& budget) const
    {
        const Object& object = objects_[index];
        if (object.kind != Object::Kind::Value)
            fail("the pickle's result holds " + describe(object) + " where data was expected");
        if (depth > kMaxDepth)
            fail("the pickle nests values more than " + std::to_string(kMaxDepth) + " deep (or refers to itself)");
        if (budget-- == 0)
            fail("the pickle expands to more than " + std::to_string(kMaxValues) + " values");
        PickleValue value;
        value.kind = object.value_kind;
        value.boolean = object.boolean;
        value.integer = object.integer;
        value.real = object.real;
        value.text = object.text;
        value.tensor = object.tensor;
        for (size_t item : object.items)
            value.items.push_back(to_value(item, depth + 1, budget));
        for (const auto& [key, item] : object.entries)
            value.entries.emplace_back(to_value(key, depth + 1, budget), to_value(item, depth + 1, budget));
        return value;
    }
};

// ---------------------------------------------------------------------------------------------
// The zip container.

// The zip reader's own messages are cryptic for a wrong kind of file; recognise those first.
void check_looks_like_zip(const fs::path& path, const std::string& file)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot open " + file + ": " + std::strerror(errno));
    char magic[4] = {};
    in.read(magic, 4);
    if (in.gcount() == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0)
        return;
    if (in.gcount() == 0)
        throw Error(file + ": the file is empty");
    if (static_cast<unsigned char>(magic[0]) == 0x80)
        throw Error(file + ": legacy torch.save format (before PyTorch 1.6) is not supported; "
                           "re-save it with a newer PyTorch");
    throw Error(file + ": not a PyTorch checkpoint (it is not a zip archive)");
}

std::string record_text(caffe2::serialize::PyTorchStreamReader& reader, const std::string& name)
{
    const auto record = reader.getRecord(name);
    return std::string(static_cast<const char*>(std::get<0>(record).get()), std::get<1>(record));
}

PickleValue read_checkpoint(const std::string& file)
{
    caffe2::serialize::PyTorchStreamReader reader(file);
    if (!reader.hasRecord("data.pkl"))
        throw Error(file + ": the archive has no data.pkl, so it was not written by torch.save");
    if (reader.hasRecord("byteorder") && record_text(reader, "byteorder") != "little")
        throw Error(file + ": the tensors are stored big-endian, which is not supported");
    const std::string pickle = record_text(reader, "data.pkl");

    std::map<std::string, std::shared_ptr<StorageBytes>> loaded;
    auto load_storage = [&](const std::string& key, at::ScalarType dtype, int64_t numel) {
        const std::string name = "data/" + key;
        auto& storage = loaded[key];
        if (!storage) {
            if (!reader.hasRecord(name))
                throw Error(file + ": the pickle refers to storage " + name + ", which the archive lacks");
            auto record = reader.getRecord(name);
            storage = std::make_shared<StorageBytes>();
            storage->data = std::move(std::get<0>(record));
            storage->size = std::get<1>(record);
        }
        const auto element_size = static_cast<int64_t>(c10::elementSize(dtype));
        if (numel < 0 || numel > INT64_MAX / element_size ||
            static_cast<uint64_t>(numel * element_size) != storage->size)
            throw Error(file + ": storage " + name + " holds " + std::to_string(storage->size) +
                        " bytes, but the pickle expects " + std::to_string(numel) + " values of " +
                        std::to_string(element_size) + " bytes");
        return storage;
    };
    return Unpickler(pickle, file + ": data.pkl", load_storage).run();
}

// What the archive holds is checked before anything is unpacked: a record that would expand
// (torch.save never compresses) or more bytes than the memory available are refused by name.
void check_record_sizes(const fs::path& path, const std::string& file)
{
    uint64_t total = 0;
    for (const ZipEntry& entry : read_zip_directory(path)) {
        if (entry.method != 0 || entry.uncompressed_size != entry.compressed_size)
            throw Error(file + ": record " + entry.name + " is compressed (" + std::to_string(entry.compressed_size) +
                        " bytes claiming to expand to " + std::to_string(entry.uncompressed_size) +
                        "); torch.save stores records as they are, so this file was not written by it");
        total += entry.uncompressed_size;
    }
    check_host_memory(static_cast<double>(total), "unpacking the records of " + file);
}

} // namespace

PickleValue read_torch_zip(const fs::path& path)
{
    const std::string file = path.string();
    check_regular_file(path);
    check_looks_like_zip(path, file);
    check_record_sizes(path, file);
    try {
        return read_checkpoint(file);
    } catch (const c10::Error& e) {
        throw Error(file + ": the zip archive is damaged, truncated or not a PyTorch checkpoint (" +
                    e.what_without_backtrace() + ")");
    } catch (const std::bad_alloc&) {
        throw Error(file + ": the archive claims sizes too large to load (is it damaged?)");
    }
}

} // namespace i3
