// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_run.h"

#include "base/cancel_token.h"
#include "base/error.h"
#include "cli_args.h"
#include "cli_interrupt.h"

#include <filesystem>
#include <iostream>
#include <new>

namespace i3::cli {

namespace {

// "cannot rename A to B: Permission denied" rather than "filesystem error: cannot rename: ... []".
std::string filesystem_error_text(const std::filesystem::filesystem_error& error)
{
    std::string action = error.what();
    const std::string prefix = "filesystem error: ";
    if (action.rfind(prefix, 0) == 0)
        action = action.substr(prefix.size());
    action = action.substr(0, action.find(": "));
    std::string text = action;
    if (!error.path1().empty())
        text += " " + error.path1().string();
    if (!error.path2().empty())
        text += " to " + error.path2().string();
    return text + ": " + error.code().message();
}

} // namespace

int run_command(const std::string& name, const std::function<int()>& run, const std::string& who)
{
    const std::string prefix = std::string(kProgram) + ' ' + name + who + ": ";
    try {
        const int code = run();
        throw_if_output_failed();
        return code;
    } catch (const UsageError& error) {
        std::cerr << prefix << error.what() << "\nTry '" << kProgram << ' ' << name << " --help'.\n";
        return 2;
    } catch (const SettingsError& error) {
        std::cerr << prefix << error.what() << "\nTry '" << kProgram << ' ' << name << " --help'.\n";
        return 2;
    } catch (const Cancelled&) {
        std::cerr << prefix << "stopped before anything was written\n";
        return interrupted_exit_code();
    } catch (const Error& error) {
        std::cerr << prefix << "error: " << error.what() << '\n';
    } catch (const std::bad_alloc&) {
        std::cerr << prefix << "error: out of memory\n";
    } catch (const std::filesystem::filesystem_error& error) {
        std::cerr << prefix << "error: " << filesystem_error_text(error) << '\n';
    } catch (const std::exception& error) {
        std::cerr << prefix << "error: " << error.what() << '\n';
    }
    return 1;
}

} // namespace i3::cli
