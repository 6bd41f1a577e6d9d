#!/usr/bin/env bash
# Set up a development checkout: the system libraries Qt needs (Debian/Ubuntu, when we can install
# them), a virtual environment in .venv, and the app installed into it (editable).
#   bash scripts/setup.sh          # the app
#   bash scripts/setup.sh --test   # the app plus the test tools and a virtual X server for CI
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

# Qt's offscreen and xcb platforms need these shared libraries (the README lists them too).
qt_libs=(libegl1 libgl1 libopengl0 libfontconfig1 fonts-dejavu-core libxkbcommon0 libdbus-1-3 libglib2.0-0
         libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1)
test_tools=(xvfb xauth desktop-file-utils binutils)

if command -v apt-get >/dev/null 2>&1; then
  wanted=("${qt_libs[@]}")
  [ "$with_tests" = 1 ] && wanted+=("${test_tools[@]}")
  missing=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "setup: installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian/Ubuntu system; install Qt's libraries yourself (see README, 'System libraries')."
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$with_tests" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "setup: ready (.venv)"
