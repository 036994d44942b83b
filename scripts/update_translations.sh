#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Brings translations/ up to date with the sources: German and Romanian get every new string (to
# be translated in the .ts files), English only the strings with a count, whose plural forms are
# filled in by scripts/english_plurals.py. Prints how many entries still wait for a translator.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$lupdate" -silent -no-obsolete -locations none widgets app -ts translations/i3studio_de.ts translations/i3studio_ro.ts
"$lupdate" -silent -pluralonly -no-obsolete -locations none widgets app -ts translations/i3studio_en.ts
python3 scripts/english_plurals.py translations/i3studio_en.ts
for ts in translations/*.ts; do
    echo "$ts: $(grep -c 'type="unfinished"' "$ts" || true) unfinished"
done
