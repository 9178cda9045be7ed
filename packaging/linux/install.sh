#!/bin/sh
# Install the frozen one-folder build with its desktop integration.
#   packaging/linux/install.sh [PREFIX]      (default: ~/.local)
# Run from the repository root after `make dist`. Puts the app in
# PREFIX/lib/crmdesk, a `crmdesk` link in PREFIX/bin, the .desktop file (so
# file managers offer "Open with crmdesk" for CSV/XLSX/XLS/ODS), the AppStream
# metainfo and the icon in every hicolor size. Uninstall: remove those paths.
set -eu
PREFIX=${1:-"$HOME/.local"}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP_ID=io.github.crmdesk.CrmDesk
DIST="$ROOT/dist/crmdesk"
ICONS="$ROOT/build/icons"

[ -x "$DIST/crmdesk" ] || { echo "install.sh: no $DIST/crmdesk; run 'make dist' first" >&2; exit 1; }
[ -f "$ICONS/crmdesk-256.png" ] || { echo "install.sh: no icons in $ICONS; run 'make dist' first" >&2; exit 1; }

mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo"
rm -rf "$PREFIX/lib/crmdesk"
cp -a "$DIST" "$PREFIX/lib/crmdesk"
ln -sf "$PREFIX/lib/crmdesk/crmdesk" "$PREFIX/bin/crmdesk"
# Exec by absolute path: PREFIX/bin need not be on the desktop session's PATH.
sed -e "s|^Exec=crmdesk |Exec=$PREFIX/bin/crmdesk |" -e "s|^TryExec=crmdesk|TryExec=$PREFIX/bin/crmdesk|" \
    "$HERE/$APP_ID.desktop" > "$PREFIX/share/applications/$APP_ID.desktop"
cp "$HERE/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/"
for size in 16 24 32 48 64 128 256 512; do
    dir="$PREFIX/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    cp "$ICONS/crmdesk-$size.png" "$dir/$APP_ID.png"
done
mkdir -p "$PREFIX/share/icons/hicolor/scalable/apps"
cp "$ROOT/resources/icons/crmdesk.svg" "$PREFIX/share/icons/hicolor/scalable/apps/$APP_ID.svg"

# Refresh the caches where the tools exist (desktop environments do it too).
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
# An icon cache that exists must be refreshed; one that doesn't is not
# created (a stale user-level cache would hide other programs' icons).
if [ -f "$PREFIX/share/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t -f "$PREFIX/share/icons/hicolor" || true
fi
echo "crmdesk installed in $PREFIX (run: $PREFIX/bin/crmdesk)"
