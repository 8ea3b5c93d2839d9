#!/usr/bin/env bash
# Run the whole test suite: ruff (lint and format), mypy, the import contracts
# (import-linter: the Qt-free core and the layers, see pyproject.toml), then pytest headless.
# Sets up what it needs first (see scripts/setup.sh). Extra arguments go to pytest.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
scripts/setup.sh --with-tests

export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== import contracts"
.venv/bin/lint-imports --no-cache
echo "== pytest"
.venv/bin/python -m pytest "$@"
