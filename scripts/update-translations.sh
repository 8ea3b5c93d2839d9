#!/usr/bin/env bash
# Keep the interface's translations in step with the code (Qt Linguist's own tools):
#   1. pyside6-lupdate collects every tr() / translate() / QT_TRANSLATE_NOOP string of the
#      window's code into resources/translations/bodymap_<code>.ts (new strings are marked
#      unfinished for the translator; strings gone from the code are dropped);
#   2. pyside6-lrelease compiles each .ts into the .qm the app loads (bodymap/ui/i18n.py).
# Translate the new strings in the .ts (Qt Linguist: .venv/bin/pyside6-linguist), then run
# this again. tests/ui/test_translations.py fails while a .qm is not the .ts compiled, or
# while the code has a string the .ts lacks.
# Usage: scripts/update-translations.sh [--release-only]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bin=.venv/bin
if [ ! -x "$bin/pyside6-lupdate" ]; then scripts/setup.sh; fi

# Every module that shows words in the window (the Qt-free core has its own word tables).
mapfile -t sources < <(ls bodymap/ui/*.py bodymap/qtshared/*.py | LC_ALL=C sort)
for ts in resources/translations/bodymap_*.ts; do
  if [ "${1:-}" != "--release-only" ]; then
    # No line numbers in the .ts: a moved line does not change the file.
    "$bin/pyside6-lupdate" -silent -no-obsolete -locations none "${sources[@]}" -ts "$ts"
  fi
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
