// SPDX-License-Identifier: GPL-3.0-or-later
#include "distributed/rank_store.h"

#include "base/error.h"

#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <thread>

namespace i3 {

namespace {

constexpr std::chrono::milliseconds kPollInterval{50};

std::string seconds_text(std::chrono::milliseconds timeout)
{
    return std::to_string((timeout.count() + 999) / 1000) + " s";
}

std::vector<uint8_t> bytes_of(const std::string& text) { return {text.begin(), text.end()}; }
std::string text_of(const std::vector<uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

bool says(const std::exception& error, const char* words) { return std::string(error.what()).find(words) != std::string::npos; }

} // namespace

RankStore::RankStore(c10::intrusive_ptr<c10d::Store> store, std::string where, std::chrono::milliseconds timeout)
    : store_(std::move(store)), where_(std::move(where)), timeout_(timeout)
{
}

RankStore RankStore::host(const std::string& address, int port, std::chrono::milliseconds timeout)
{
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(port);
    options.isServer = true;
    options.waitWorkers = false; // the ranks count themselves in (rank_group.cpp)
    options.timeout = timeout;
    try {
        auto store = c10::make_intrusive<c10d::TCPStore>(address, options);
        const int bound = store->getPort();
        return RankStore(store, address + ":" + std::to_string(bound), timeout);
    } catch (const std::exception& error) {
        if (says(error, "Address already in use"))
            throw Error("port " + std::to_string(port) + " is in use on this machine: choose another with " +
                        "--master-port (MASTER_PORT for ranks started by another launcher), or stop the program " +
                        "that holds it");
        throw Error("cannot open the ranks' store on port " + std::to_string(port) + ": " + error.what());
    }
}

RankStore RankStore::connect(const std::string& address, int port, std::chrono::milliseconds timeout)
{
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(port);
    options.isServer = false;
    options.timeout = timeout;
    const std::string where = address + ":" + std::to_string(port);
    try {
        return RankStore(c10::make_intrusive<c10d::TCPStore>(address, options), where, timeout);
    } catch (const std::exception& error) {
        throw Error("no answer from the master at " + where + " within " + seconds_text(timeout) +
                    ": start rank 0 (or the launcher) there, and check MASTER_ADDR and MASTER_PORT (" + error.what() +
                    ")");
    }
}

int RankStore::port() const { return static_cast<c10d::TCPStore&>(*store_).getPort(); }

void RankStore::set(const std::string& key, const std::string& value)
{
    try {
        store_->set(key, bytes_of(value));
    } catch (const std::exception& error) {
        throw Error("lost the ranks' store at " + where_ + ": " + error.what());
    }
}

std::string RankStore::get(const std::string& key, const std::string& waiting_for)
{
    try {
        store_->wait({key}, timeout_);
        return text_of(store_->get(key));
    } catch (const std::exception& error) {
        if (says(error, "imeout") || says(error, "timed out"))
            throw Error("waited " + seconds_text(timeout_) + " for " + waiting_for + " in vain (--rank-timeout)");
        throw Error("lost the ranks' store at " + where_ + " while waiting for " + waiting_for + ": " + error.what());
    }
}

std::string RankStore::await(const std::string& key)
{
    try {
        for (;;) {
            if (store_->check({rank_keys::kFailed}))
                throw Error(text_of(store_->get(rank_keys::kFailed)));
            if (store_->check({key}))
                return text_of(store_->get(key));
            std::this_thread::sleep_for(kPollInterval);
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& error) {
        throw Error("lost the ranks' store at " + where_ + " (did rank 0 stop?): " + error.what());
    }
}

void RankStore::report_failure(const std::string& message) noexcept
{
    try {
        // compareSet with an empty expectation sets the key only when it is absent.
        store_->compareSet(rank_keys::kFailed, {}, bytes_of(message));
    } catch (...) {
    } // the store is gone: the others find out by themselves
}

} // namespace i3
