// SPDX-License-Identifier: GPL-3.0-or-later
#include "distributed/local_launcher.h"

#include "base/error.h"
#include "distributed/rank_place.h"
#include "distributed/rank_store.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace i3 {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kPollInterval{20};
// After the timeout, how long the ranks still left get to take in SIGTERM before SIGKILL.
constexpr std::chrono::seconds kTermGrace{5};

// argv or envp as execve takes it; the strings live in `texts`.
struct CArray {
    std::vector<std::string> texts;
    std::vector<char*> pointers;

    char** get()
    {
        pointers.clear();
        for (auto& text : texts)
            pointers.push_back(text.data());
        pointers.push_back(nullptr);
        return pointers.data();
    }
};

// This process's environment with `set` added, and OMP_NUM_THREADS unless the user chose.
CArray environment_with(const std::vector<std::pair<std::string, std::string>>& set, int threads)
{
    std::map<std::string, std::string> variables;
    for (char** entry = environ; *entry; ++entry) {
        const std::string text = *entry;
        const size_t equals = text.find('=');
        if (equals != std::string::npos)
            variables[text.substr(0, equals)] = text.substr(equals + 1);
    }
    for (const auto& [name, value] : set)
        variables[name] = value;
    if (threads > 0 && !variables.count("OMP_NUM_THREADS") && !variables.count("MKL_NUM_THREADS"))
        variables["OMP_NUM_THREADS"] = std::to_string(threads);
    CArray array;
    for (const auto& [name, value] : variables)
        array.texts.push_back(name + "=" + value);
    return array;
}

struct Child {
    int rank = 0;
    pid_t pid = -1;
    bool running = true;
};

// Starts a copy of this program. Between fork and exec only async-signal-safe calls: everything
// is prepared before.
pid_t start_copy(CArray& argv, CArray& envp, int output_fd)
{
    const pid_t parent = ::getpid();
    char** args = argv.get();
    char** env = envp.get();
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    // The terminal's Ctrl-C reaches the launcher only, which passes it on once; and a launcher
    // that dies takes its ranks with it.
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        ::_exit(127);
    if (output_fd >= 0)
        ::dup2(output_fd, STDOUT_FILENO);
    ::execve("/proc/self/exe", args, env);
    ::_exit(127);
}

std::string ending_of(int status)
{
    if (WIFEXITED(status))
        return "exit code " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return "signal " + std::to_string(WTERMSIG(status)) + " (" + ::strsignal(WTERMSIG(status)) + ")";
    return "status " + std::to_string(status);
}

bool succeeded(int status) { return WIFEXITED(status) && WEXITSTATUS(status) == 0; }

// The exit code of a rank that stopped on Ctrl-C (cli_interrupt.h: 128 + SIGINT).
bool stopped_on_interrupt(int status) { return WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGINT; }

CArray program_arguments(const std::vector<std::string>& arguments)
{
    CArray argv;
    argv.texts.push_back("/proc/self/exe");
    argv.texts.insert(argv.texts.end(), arguments.begin(), arguments.end());
    return argv;
}

int open_output(const std::filesystem::path& file)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error("cannot write " + file.string() + ": " + std::strerror(errno));
    return fd;
}

} // namespace

LaunchOutcome launch_local_ranks(const LaunchPlan& plan, const CancelToken* cancel)
{
    if (plan.master_port == 0 && plan.nodes > 1)
        throw Error("ranks on several machines need a --master-port that every machine knows");
    RankStore store = plan.node_rank == 0 ? RankStore::host(plan.master_addr, plan.master_port, plan.timeout)
                                          : RankStore::connect(plan.master_addr, plan.master_port, plan.timeout);

    const int output_fd = plan.first_rank_output ? open_output(*plan.first_rank_output) : -1;
    std::vector<Child> children;
    LaunchOutcome outcome;
    for (int local = 0; local < plan.ranks_per_node; ++local) {
        RankPlace place;
        place.local_rank = local;
        place.local_world_size = plan.ranks_per_node;
        place.world_size = plan.ranks_per_node * plan.nodes;
        place.rank = plan.node_rank * plan.ranks_per_node + local;
        place.master_addr = plan.master_addr;
        place.master_port = store.port();
        place.agent_store = true;
        CArray argv = program_arguments(plan.arguments);
        CArray envp = environment_with(place.variables(), plan.threads_per_rank);
        const pid_t pid = start_copy(argv, envp, local == 0 ? output_fd : -1);
        if (pid < 0) {
            const std::string message = "cannot start " + place.name() + ": " + std::strerror(errno);
            store.report_failure(message);
            for (const Child& child : children)
                ::kill(child.pid, SIGKILL);
            for (const Child& child : children)
                ::waitpid(child.pid, nullptr, 0);
            if (output_fd >= 0)
                ::close(output_fd);
            throw Error(message);
        }
        children.push_back({place.rank, pid, true});
    }
    if (output_fd >= 0)
        ::close(output_fd);

    bool any_failed = false, passed_on = false, terminated = false;
    std::optional<Clock::time_point> deadline;
    size_t running = children.size();
    while (running > 0) {
        int status = 0;
        const pid_t ended = ::waitpid(-1, &status, WNOHANG);
        if (ended > 0) {
            for (Child& child : children) {
                if (child.pid != ended)
                    continue;
                child.running = false;
                --running;
                if (succeeded(status) || (passed_on && stopped_on_interrupt(status)))
                    break;
                const std::string report = "rank " + std::to_string(child.rank) + " ended with " + ending_of(status);
                outcome.reports.push_back(report);
                if (!any_failed) {
                    any_failed = true;
                    store.report_failure(report);
                    deadline = Clock::now() + plan.timeout;
                }
            }
            continue;
        }
        if (cancel && cancel->cancelled() && !passed_on) {
            passed_on = true;
            for (const Child& child : children)
                if (child.running)
                    ::kill(child.pid, SIGINT);
        }
        if (deadline && Clock::now() > *deadline) {
            for (const Child& child : children)
                if (child.running) {
                    ::kill(child.pid, terminated ? SIGKILL : SIGTERM);
                    if (!terminated)
                        outcome.reports.push_back("rank " + std::to_string(child.rank) + " did not stop within " +
                                                  std::to_string(plan.timeout.count() / 1000) +
                                                  " s of the failure and was ended");
                }
            terminated = true;
            deadline = Clock::now() + kTermGrace;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    outcome.interrupted = passed_on;
    outcome.all_succeeded = !any_failed;
    return outcome;
}

} // namespace i3

namespace i3 {

bool run_alone(const std::vector<std::string>& arguments, int threads, const std::filesystem::path& output)
{
    CArray argv = program_arguments(arguments);
    CArray envp = environment_with({}, threads);
    const int output_fd = open_output(output);
    const pid_t pid = start_copy(argv, envp, output_fd);
    ::close(output_fd);
    if (pid < 0)
        throw Error(std::string("cannot start the program again: ") + std::strerror(errno));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return succeeded(status);
}

} // namespace i3
