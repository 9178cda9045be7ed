#!/bin/sh
# `make dist-test`: what `make dist` built, installed and run the way a user
# would, from outside the checkout: the wheel in a fresh venv, the frozen
# folder copied elsewhere (it must not depend on where it was built), each
# driven through packaging/smoke.py from a temporary folder, Qt offscreen.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY="$ROOT/.venv/bin/python"
WHEEL=$(ls -t "$ROOT"/dist/crmdesk-*.whl 2>/dev/null | head -n 1)
[ -n "$WHEEL" ] || { echo "dist-test: no wheel in dist/; run 'make dist'" >&2; exit 1; }
[ -x "$ROOT/dist/crmdesk/crmdesk" ] || { echo "dist-test: no dist/crmdesk; run 'make dist'" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/crmdesk-dist-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
echo "dist-test: installing $(basename "$WHEEL") into a fresh venv in $TMP"
"$PY" -m venv "$TMP/venv"
# (pip's notes about this machine's package mirrors go to a log, shown on failure)
"$TMP/venv/bin/python" -m pip install --quiet "$WHEEL" 2>"$TMP/pip.log" || { cat "$TMP/pip.log" >&2; exit 1; }
FROZEN="$TMP/venv/bin/crmdesk"  # replaced by the installed frozen app where it can be
case "$(uname -s)" in
Linux)
    echo "dist-test: packaging/linux/install.sh into $TMP/prefix"
    sh "$ROOT/packaging/linux/install.sh" "$TMP/prefix"
    FROZEN="$TMP/prefix/bin/crmdesk"
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$TMP/prefix/share/applications/io.github.crmdesk.CrmDesk.desktop"
    fi
    ;;
*)
    echo "dist-test: copying the frozen app to $TMP/app"
    cp -a "$ROOT/dist/crmdesk" "$TMP/app"
    FROZEN="$TMP/app/crmdesk"
    ;;
esac
export QT_QPA_PLATFORM=offscreen
"$PY" "$ROOT/packaging/smoke.py" "$TMP/venv/bin/crmdesk" "$FROZEN"
