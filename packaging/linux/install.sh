#!/bin/sh
# Install this Runyard bundle for the current user, under ~/.local (no root, no system files):
#   ~/.local/lib/runyard-desktop/            the bundle (copied from where this script lies)
#   ~/.local/bin/runyard-desktop             a link to its binary, for the terminal commands
#   ~/.local/share/applications/runyard-desktop.desktop     the menu entry
#   ~/.local/share/icons/hicolor/*/apps/runyard-desktop.*   its icons
#   ~/.local/share/metainfo/dev.runyard.desktop.metainfo.xml
# Run it again to upgrade. PREFIX=DIR installs under DIR instead of ~/.local.
# uninstall.sh (in the same folder) removes all of it; settings and conversations are kept.
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
prefix=${PREFIX:-$HOME/.local}
app_dir=$prefix/lib/runyard-desktop
share=$prefix/share

[ -x "$here/Runyard" ] || { echo "install.sh: no Runyard binary next to this script ($here)" >&2; exit 1; }
case $app_dir in
  *[\"\`\$\\%]*) echo "install.sh: cannot write a menu entry for a path with \" \` \$ \\ or %: $app_dir" >&2; exit 1;;
esac

mkdir -p "$prefix/lib" "$prefix/bin" "$share/applications" "$share/metainfo"
if [ "$here" != "$(cd "$app_dir" 2>/dev/null && pwd -P)" ]; then
  rm -rf "$app_dir.new"
  cp -a "$here" "$app_dir.new"
  rm -rf "$app_dir"
  mv "$app_dir.new" "$app_dir"
fi
ln -sfn "$app_dir/Runyard" "$prefix/bin/runyard-desktop"

for icon in "$app_dir"/share/icons/hicolor/*/apps/runyard-desktop.*; do
  size_dir=$(basename "$(dirname "$(dirname "$icon")")")
  mkdir -p "$share/icons/hicolor/$size_dir/apps"
  cp "$icon" "$share/icons/hicolor/$size_dir/apps/"
done

# The packaged entry says Exec=runyard-desktop; point it at this bundle so the menu works even
# when ~/.local/bin is not on PATH. (Escape the path for sed's replacement: | & and \.)
binary=$(printf '%s' "$app_dir/Runyard" | sed 's/[|&\\]/\\&/g')
sed -e "s|^Exec=.*|Exec=\"$binary\"|" -e "/^Exec=/a TryExec=$binary" \
  "$app_dir/share/applications/runyard-desktop.desktop" > "$share/applications/runyard-desktop.desktop"
cp "$app_dir/share/metainfo/dev.runyard.desktop.metainfo.xml" "$share/metainfo/"

# Menus and icon caches notice new files by themselves on most desktops; refresh where we can.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ] \
  && gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
touch "$share/icons/hicolor" 2>/dev/null || true

echo "Runyard is installed in $app_dir and in your applications menu."
case ":$PATH:" in
  *":$prefix/bin:"*) echo "Terminal commands: runyard-desktop detect | fit | pull | chat";;
  *) echo "Terminal commands: $prefix/bin/runyard-desktop detect | fit | pull | chat ($prefix/bin is not on your PATH)";;
esac
echo "To remove it: $app_dir/uninstall.sh"
