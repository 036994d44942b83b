// SPDX-License-Identifier: GPL-3.0-or-later
// The TCP store the ranks of a run meet in (c10d's TCPStore): rank 0, or the launcher of the
// local ranks, holds it at MASTER_ADDR:MASTER_PORT and every rank connects to it. Besides the
// process group's own rendezvous it carries what the ranks tell each other before training:
// each one's description (to find ranks started differently), the run folder rank 0 made, and
// the first failure, so that ranks waiting for rank 0 stop as soon as anyone gives up.
#pragma once

#include <torch/csrc/distributed/c10d/Store.hpp>

#include <chrono>
#include <string>

namespace i3 {

class RankStore {
public:
    // Holds the store on `address`:`port` (0: a free port, which port() then says). A port in use
    // is an i3::Error saying so.
    static RankStore host(const std::string& address, int port, std::chrono::milliseconds timeout);
    // Connects to the store there, trying until `timeout`; an i3::Error says when no one answered.
    static RankStore connect(const std::string& address, int port, std::chrono::milliseconds timeout);

    int port() const;
    std::chrono::milliseconds timeout() const { return timeout_; }

    void set(const std::string& key, const std::string& value);
    // The value of `key`, waiting for it up to the timeout; `waiting_for` says for what, in the
    // message when it does not come ("rank 1 to join").
    std::string get(const std::string& key, const std::string& waiting_for);
    // Waits without a time limit until `key` is set and returns it, unless a failure is reported
    // first (then it throws an i3::Error with that message); a store that goes away is an
    // i3::Error too. For the long wait while rank 0 prepares the data.
    std::string await(const std::string& key);

    // Records the first failure of the run, for the ranks that await(); later ones are dropped.
    // Never throws: it is said on the way out of an error.
    void report_failure(const std::string& message) noexcept;

    const c10::intrusive_ptr<c10d::Store>& c10d_store() const { return store_; }

private:
    RankStore(c10::intrusive_ptr<c10d::Store> store, std::string where, std::chrono::milliseconds timeout);
    c10::intrusive_ptr<c10d::Store> store_;
    std::string where_; // "127.0.0.1:29500"
    std::chrono::milliseconds timeout_;
};

// What the ranks tell each other through the store.
namespace rank_keys {
inline constexpr const char* kFailed = "i3/failed";           // the first failure's message
inline constexpr const char* kRunFolder = "i3/run-folder";    // the folder rank 0 trains in
inline constexpr const char* kDescription = "i3/description/"; // + the rank: how it was started
inline constexpr const char* kCompared = "i3/compared/";       // + the rank: it has read rank 0's
} // namespace rank_keys

} // namespace i3
