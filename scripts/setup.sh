#!/usr/bin/env bash
# Prepare this checkout to run BodyMap: the Debian libraries Qt needs (when missing), a local
# virtual environment in .venv, and the Python packages from pyproject.toml.
# Safe to run again: it only installs what is missing or changed.
# Usage: scripts/setup.sh [--with-tests] [--with-xvfb]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

with_tests=0
with_xvfb=0
for arg in "$@"; do
  case "$arg" in
    --with-tests) with_tests=1 ;;
    --with-xvfb) with_xvfb=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

# Libraries the Qt 6 wheels load at run time (xcb for a real screen, offscreen for tests),
# and a font so text can be drawn at all on a bare machine.
debian_packages=(
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
  libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libsm6
  libice6 fonts-dejavu-core
)
if [ "$with_xvfb" = 1 ]; then
  debian_packages+=(xvfb xauth)
fi
if [ "$with_tests" = 1 ]; then
  # The validators of the desktop file and the AppStream metainfo, and git for the
  # shared clinic folder (tests/install).
  debian_packages+=(desktop-file-utils appstream git)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${debian_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages Qt needs: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd=(sudo)
    else
      echo "setup: please install these as root: apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating the virtual environment in .venv"
  "$python" -m venv .venv
fi

extras=""
stamp=".venv/.bodymap-installed"
if [ "$with_tests" = 1 ]; then
  extras="[test]"
  stamp=".venv/.bodymap-installed-test"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$extras"
  touch "$stamp"
fi
