#!/bin/sh
# Remove what install.sh put under ~/.local (or PREFIX). Settings, conversations and logs stay
# (~/.config/runyard-desktop, ~/.local/share/runyard-desktop, ~/.local/state/runyard-desktop);
# delete those folders yourself to forget everything. Models stay in Ollama.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
case $here in
  */lib/runyard-desktop) prefix=${PREFIX:-${here%/lib/runyard-desktop}};;  # the installed copy knows its prefix
  *) prefix=${PREFIX:-$HOME/.local};;
esac
app_dir=$prefix/lib/runyard-desktop
share=$prefix/share

link=$prefix/bin/runyard-desktop
# Only our own link: a runyard-desktop installed some other way (pip) is left alone.
if [ -L "$link" ] && [ "$(readlink "$link")" = "$app_dir/Runyard" ]; then
  rm -f "$link"
fi
rm -f "$share/applications/runyard-desktop.desktop" "$share/metainfo/dev.runyard.desktop.metainfo.xml"
rm -f "$share"/icons/hicolor/*/apps/runyard-desktop.png "$share"/icons/hicolor/*/apps/runyard-desktop.svg
rm -rf "$app_dir"

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
touch "$share/icons/hicolor" 2>/dev/null || true
echo "Runyard is removed. Your settings and conversations are kept; Ollama's models too."
