#!/usr/bin/env bash
# Start BodyMap. Sets up what it needs first (see scripts/setup.sh).
# With no display (a server, a container), it starts inside a virtual X display (Xvfb).
# Any arguments are passed to the app, e.g.: scripts/run.sh --region calf
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

case "${1:-}" in
  check|-h|--help|--version)  # command-line tools: no window, so no display is needed
    "$here/scripts/setup.sh"
    exec "$here/.venv/bin/python" "$here/main.py" "$@" ;;
esac

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  "$here/scripts/setup.sh" --with-xvfb
  echo "run: no display found; starting BodyMap on a virtual display (Xvfb)."
  exec xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" \
    "$here/.venv/bin/python" "$here/main.py" "$@"
fi
"$here/scripts/setup.sh"
exec "$here/.venv/bin/python" "$here/main.py" "$@"
