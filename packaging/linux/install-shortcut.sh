#!/bin/sh
# Adds Presenter to this user's applications menu (no administrator rights needed).
# Run it from the unpacked folder; run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/presenter.png" "$icons/presenter.png"
sed "s|^Exec=presenter|Exec=\"$here/presenter\"|" "$here/presenter.desktop" > "$apps/presenter.desktop"
echo "Presenter is in your applications menu. To remove it: rm $apps/presenter.desktop"
