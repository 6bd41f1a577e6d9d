#!/usr/bin/env bash
# Set up a development checkout: the system libraries Qt needs (Debian/Ubuntu, when we can install
# them), a virtual environment in .venv, and the app installed into it (editable).
#   bash scripts/setup.sh          # the app
#   bash scripts/setup.sh --test   # the app plus the test tools and a virtual X server for CI
#   bash scripts/setup.sh --build  # the app plus PyInstaller and binutils (objdump, strip) to build the bundle
# --test and --build combine. PYTHON picks the interpreter for a new .venv (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
with_build=0
for arg in "$@"; do
  case "$arg" in
    --test) with_tests=1 ;;
    --build) with_build=1 ;;
    *) echo "setup: unknown option '$arg' (use --test, --build or both)" >&2; exit 2 ;;
  esac
done

# Qt's offscreen and xcb platforms need these shared libraries (the README lists them too).
qt_libs=(libegl1 libgl1 libopengl0 libfontconfig1 fonts-dejavu-core libxkbcommon0 libdbus-1-3 libglib2.0-0
         libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1)
test_tools=(xvfb xauth desktop-file-utils)
# PyInstaller reads shared libraries' dependencies with objdump, and the Linux spec strips them.
build_tools=(binutils)

if command -v apt-get >/dev/null 2>&1; then
  wanted=("${qt_libs[@]}")
  [ "$with_tests" = 1 ] && wanted+=("${test_tools[@]}")
  [ "$with_build" = 1 ] && wanted+=("${build_tools[@]}")
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
extras=()
[ "$with_tests" = 1 ] && extras+=(test)
[ "$with_build" = 1 ] && extras+=(build)
if [ ${#extras[@]} -gt 0 ]; then
  .venv/bin/python -m pip install -q -e ".[$(IFS=,; echo "${extras[*]}")]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "setup: ready (.venv)"
