#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a finished build and checks it as a user's system would meet
# it: no /usr/bin/i3 (Debian's i3 window manager owns it), no lintian error, valid desktop file
# and AppStream metadata, the control fields, the man pages, completions and icons; then unpacks
# it into a scratch root and runs its programs from there, without a display.
# Usage: packaging/check_package.sh BUILD_DIR   (ctest -L package runs it)
set -euo pipefail
build=$(cd "${1:?usage: check_package.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package.sh: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
debs=("$work"/out/*.deb)
[ "${#debs[@]}" -eq 1 ] && [ -f "${debs[0]}" ] || fail "cpack made ${#debs[@]} packages: ${debs[*]}"
deb=${debs[0]}
name=$(dpkg-deb -f "$deb" Package)
echo "== $(basename "$deb"): $(du -h "$deb" | cut -f1)"

echo "== the files"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/files"
if grep -qx '/usr/bin/i3' "$work/files"; then fail "the package installs /usr/bin/i3"; fi
for file in /usr/bin/i3lm /usr/libexec/i3-studio/i3lm-engine /usr/share/man/man1/i3lm.1.gz /usr/share/doc/$name/copyright \
            /usr/share/doc/$name/changelog.gz /usr/share/bash-completion/completions/i3lm \
            /usr/share/zsh/vendor-completions/_i3lm; do
    grep -qx "$file" "$work/files" || fail "$file is not in the package"
done

echo "== the control fields"
dpkg-deb -f "$deb" > "$work/control"
cat "$work/control"
grep -Eq '^Maintainer: [^<]+ <[^@ ]+@[^> ]+>$' "$work/control" || fail "Maintainer is not 'Name <address>'"
[ "$(dpkg-deb -f "$deb" Description | wc -l)" -ge 4 ] || fail "the extended description is missing"

echo "== lintian"
# Errors fail; warnings are printed, and docs/packaging.md explains those that remain.
lintian --tag-display-limit 0 "$deb" > "$work/lintian" 2>&1 || true
cat "$work/lintian"
if grep -q '^E: ' "$work/lintian"; then fail "lintian reports errors"; fi

echo "== unpacked into a scratch root"
root=$work/root
dpkg -x "$deb" "$root"
i3lm=$root/usr/bin/i3lm
for program in "$i3lm" "$root/usr/libexec/i3-studio/i3lm-engine"; do
    file "$program" | grep -q 'stripped' && ! file "$program" | grep -q 'not stripped' || fail "$program is not stripped"
done
# The front runs the tokenizer itself and finds the engine relative to itself, here in the scratch root.
printf 'The cat\n' > "$work/cat.txt"
"$i3lm" tokenizer build --data "$work/cat.txt" --out "$work/tokenizer.json" > /dev/null || fail "i3lm tokenizer build failed"
"$i3lm" --help > "$work/help" || fail "i3lm --help failed (it runs the engine)"
grep -q '^usage: i3lm ' "$work/help" || fail "i3lm --help printed no usage"
"$i3lm" --version | grep -qx "i3lm $(dpkg-deb -f "$deb" Version)" || fail "i3lm --version is not the package's"
zcat "$root/usr/share/man/man1/i3lm.1.gz" | grep -q 'i3lm export\\-tensorboard' || fail "the man page lacks the commands"
bash -c "source '$root/usr/share/bash-completion/completions/i3lm'; COMP_WORDS=(i3lm export-t); COMP_CWORD=1; _i3lm; [ \"\${COMPREPLY[*]}\" = export-tensorboard ]" \
    || fail "bash completion does not complete i3lm export-t"
if command -v zsh > /dev/null; then
    zsh -n "$root/usr/share/zsh/vendor-completions/_i3lm" || fail "the zsh completion is not valid zsh"
fi

if [ -e "$root/usr/bin/i3-studio" ]; then
    echo "== the studio's files"
    id=io.github.i3studio.I3Studio
    desktop=$root/usr/share/applications/$id.desktop
    metainfo=$root/usr/share/metainfo/$id.metainfo.xml
    desktop-file-validate "$desktop" || fail "desktop-file-validate: $desktop"
    appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate: $metainfo"
    grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "the metainfo names another desktop file"
    grep -qx "Icon=$id" "$desktop" || fail "the desktop file names another icon"
    for size in 16 22 24 32 48 64 128 256 512; do
        icon=$root/usr/share/icons/hicolor/${size}x$size/apps/$id.png
        file "$icon" | grep -q "PNG image data, $size x $size" || fail "no $size px icon"
    done
    [ -s "$root/usr/share/icons/hicolor/scalable/apps/$id.svg" ] || fail "no scalable icon"
    # No display of any kind: --help and --version must not need one.
    studio() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/i3-studio" "$@"; }
    studio --help | grep -q -- '--workspace' || fail "i3-studio --help failed without a display"
    studio --version | grep -qx "i3-studio $(dpkg-deb -f "$deb" Version)" || fail "i3-studio --version failed without a display"
    grep -q 'Recommends:.*qt6-translations-l10n' "$work/control" || fail "qt6-translations-l10n is not recommended"
fi
if [ "$name" = i3-studio ]; then
    grep -q '^Depends:.*libopenblas0-openmp' "$work/control" || fail "libopenblas0-openmp is not a dependency"
fi
echo "check_package.sh: $(basename "$deb") is fine"
