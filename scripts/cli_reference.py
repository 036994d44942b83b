#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reference of the i3lm command line, made from its own --help texts, so that the help, the
documentation, the man page and the shell completions cannot disagree.

Usage: cli_reference.py [--output FILE | --check FILE] PROGRAM FORMAT
  FORMAT markdown     docs/cli.md: every command's --help (PROGRAM is i3lm)
         man          a help2man --include file: a COMMANDS section with every command's --help
         bash         a bash completion script for i3lm
         zsh          a zsh completion function for i3lm
         studio-bash  a bash completion script for i3-studio (PROGRAM is i3-studio)
  --output FILE       write FILE (and its folder) instead of printing
  --check FILE        compare with FILE; exit 1 with a diff when they differ

The commands are found by walking the help: a help with a "commands:" list names subcommands,
any other help lists its options under "options:".
"""
import difflib
import os
import re
import subprocess
import sys

PROGRAM = "i3lm"


def help_text(i3lm, words):
    result = subprocess.run([i3lm, *words, "--help"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"cli_reference.py: '{' '.join([PROGRAM, *words])} --help' failed: {result.stderr}")
    return result.stdout


def listed(text, heading):
    """The indented block under `heading` ("commands:", "options:"), as its lines."""
    lines = text.splitlines()
    if heading not in lines:
        return []
    block = []
    for line in lines[lines.index(heading) + 1:]:
        if not line.startswith("  "):
            break
        block.append(line)
    return block


class Command:
    def __init__(self, words, text, summary):
        self.words = words  # ["tokenizer", "build"]
        self.text = text
        self.summary = summary
        self.subcommands = []
        self.options = []  # (name, value name or "", first line of help)
        for line in listed(text, "options:"):
            match = re.match(r"  (--[a-z0-9-]+)(?: (\S+))?\s{2,}(.*)", line)
            if match:
                self.options.append((match.group(1), match.group(2) or "", match.group(3)))
        if "--help" not in [name for name, _, _ in self.options]:
            self.options.append(("--help", "", "show this help"))

    @property
    def name(self):
        return " ".join([PROGRAM, *self.words])


def walk(i3lm, words=(), summary=""):
    command = Command(list(words), help_text(i3lm, list(words)), summary)
    for line in listed(command.text, "commands:"):
        name, _, sub_summary = line.strip().partition(" ")
        command.subcommands.append(walk(i3lm, [*words, name], sub_summary.strip()))
    return command


def every(command):
    yield command
    for sub in command.subcommands:
        yield from every(sub)


def leaves(command):
    return [c for c in every(command) if not c.subcommands]


def markdown(root):
    out = [
        "# The i3lm command line",
        "",
        "<!-- Made by scripts/cli_reference.py from the commands' --help; do not edit. After changing a",
        "     help text: scripts/cli_reference.py build/app/i3lm markdown > docs/cli.md -->",
        "",
        "Every command, as its `--help` describes it. The same texts make the man page `i3lm(1)`",
        "and the shell completions.",
        "",
    ]
    for command in every(root):
        out += [f"## {command.name}", "", "```text", command.text.rstrip("\n"), "```", ""]
    return "\n".join(out)


def roff(text):
    lines = []
    for line in text.rstrip("\n").splitlines():
        line = line.replace("\\", "\\e").replace("-", "\\-")
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def man(root):
    out = ["[COMMANDS]"]
    for command in every(root):
        if command is root:
            continue
        out += [f'.SS "{command.name}"', ".nf", roff(command.text), ".fi"]
    out += ["[SEE ALSO]", ".BR i3\\-studio (1)", "", "The same reference, as Markdown: docs/cli.md in the sources."]
    return "\n".join(out) + "\n"


def studio_options(i3_studio):
    result = subprocess.run([i3_studio, "--help"], capture_output=True, text=True, check=True)
    return re.findall(r"(--[a-z][a-z-]*)", "\n".join(listed(result.stdout, "Options:")))


def bash(root):
    out = [
        "# SPDX-License-Identifier: GPL-3.0-or-later",
        "# bash completion for i3lm, made by scripts/cli_reference.py from its --help texts.",
        "_i3lm()",
        "{",
        "    local cur=${COMP_WORDS[COMP_CWORD]} path=${COMP_WORDS[1]} first=2",
        "    COMPREPLY=()",
        f"    if ((COMP_CWORD == 1)); then",
        f'        COMPREPLY=($(compgen -W "{" ".join(c.words[0] for c in root.subcommands)} --help --version" -- "$cur"))',
        "        return",
        "    fi",
    ]
    for group in every(root):
        if group is root or not group.subcommands:
            continue
        depth = len(group.words)
        out += [
            f'    if [[ $path == "{" ".join(group.words)}" ]]; then',
            f"        if ((COMP_CWORD == {depth + 1})); then",
            f'            COMPREPLY=($(compgen -W "{" ".join(c.words[-1] for c in group.subcommands)} --help" -- "$cur"))',
            "            return",
            "        fi",
            f'        path+=" ${{COMP_WORDS[{depth + 1}]}}"',
            f"        first={depth + 2}",
            "    fi",
        ]
    out += ["    local options", '    case $path in']
    for command in leaves(root):
        names = " ".join(name for name, _, _ in command.options)
        out.append(f'        "{" ".join(command.words)}") options="{names}" ;;')
    out += [
        "        *) return ;;",
        "    esac",
        "    # An option after '--' is a file; without a match, bash completes file names (-o default).",
        '    if [[ $cur == --* ]] && ! [[ " ${COMP_WORDS[*]:first:COMP_CWORD-first} " == *" -- "* ]]; then',
        '        COMPREPLY=($(compgen -W "$options" -- "$cur"))',
        "    fi",
        "}",
        "complete -o default -F _i3lm i3lm",
    ]
    return "\n".join(out) + "\n"


def studio_bash(i3_studio):
    return "\n".join([
        "# SPDX-License-Identifier: GPL-3.0-or-later",
        "# bash completion for i3-studio, made by scripts/cli_reference.py from its --help.",
        f'complete -o default -W "{" ".join(studio_options(i3_studio))}" i3-studio',
    ]) + "\n"


def zsh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def zsh_option(name, value, help_line):
    description = re.sub(r"[\[\]:\\]", lambda m: "\\" + m.group(0), help_line)
    spec = f"{name}[{description}]"
    if value:
        spec += f":{value.lower().replace(':', '')}:_files" if value in ("FILE", "DIR", "SOURCE", "DIR|REPO") else f":{value}:"
    return zsh_quote(spec)


def zsh(root):
    out = [
        "#compdef i3lm",
        "# SPDX-License-Identifier: GPL-3.0-or-later",
        "# zsh completion for i3lm, made by scripts/cli_reference.py from its --help texts.",
        "",
        "_i3lm() {",
        "  local -a commands options",
        "  local path_ skip",
    ]

    def describe(group, depth):
        entries = " ".join(zsh_quote(f"{c.words[-1]}:{c.summary}") for c in group.subcommands)
        return [
            f"  if (( CURRENT == {depth + 2} )); then",
            f"    commands=({entries})",
            "    _describe command commands",
            "    return",
            "  fi",
        ]

    out += describe(root, 0)
    out += ["  path_=$words[2]", "  skip=2"]
    for group in every(root):
        if group is root or not group.subcommands:
            continue
        depth = len(group.words)
        out.append(f"  if [[ $path_ == {zsh_quote(' '.join(group.words))} ]]; then")
        out += ["  " + line for line in describe(group, depth)]
        out += [f'    path_+=" $words[{depth + 2}]"', f"    skip={depth + 2}", "  fi"]
    out.append("  case $path_ in")
    for command in leaves(root):
        specs = " ".join(zsh_option(*option) for option in command.options)
        out.append(f"    ({zsh_quote(' '.join(command.words))}) options=({specs}) ;;")
    out += [
        "    (*) return 1 ;;",
        "  esac",
        "  words=(${words[$skip,-1]})",
        "  (( CURRENT -= skip - 1 ))",
        "  _arguments -S $options '*:file:_files'",
        "}",
        "",
        '_i3lm "$@"',
    ]
    return "\n".join(out) + "\n"


FORMATS = {"markdown": markdown, "man": man, "bash": bash, "zsh": zsh}


def main(argv):
    mode, target = None, None
    if argv[:1] in (["--output"], ["--check"]) and len(argv) > 1:
        mode, target, argv = argv[0], argv[1], argv[2:]
    if len(argv) != 2 or argv[1] not in [*FORMATS, "studio-bash"]:
        sys.exit(__doc__)
    program, kind = argv
    text = studio_bash(program) if kind == "studio-bash" else FORMATS[kind](walk(program))
    if mode is None:
        sys.stdout.write(text)
    elif mode == "--output":
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        with open(target, "w", encoding="utf-8") as file:
            file.write(text)
    else:
        with open(target, encoding="utf-8") as file:
            current = file.read()
        if current != text:
            sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), text.splitlines(True), target,
                                                       "the help texts"))
            sys.exit(f"{target} differs from the help texts; make it again with: "
                     f"scripts/cli_reference.py {program} {kind} > {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
