#!/bin/sh
# run_with_keyring.sh TEST [ARGS...]: runs TEST in a throwaway D-Bus session with a throwaway
# GNOME keyring, unlocked with a password given on stdin. HOME and the XDG directories point into
# a temporary directory, so the user's own keyrings are never read or written. Exits 77 (ctest:
# skipped) when dbus-run-session, dbus-send or gnome-keyring-daemon is missing.
set -eu

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (Debian: dbus-daemon, dbus-bin, gnome-keyring)"
        exit 77
    fi
done

home=$(mktemp -d "${TMPDIR:-/tmp}/ladder-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -p "$home/data" "$home/config" "$home/cache" "$home/runtime"
chmod 700 "$home/runtime"

HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime" LADDER_TEST_KEYRING=1 \
    dbus-run-session -- sh -c '
        # --unlock creates the login keyring with this password, or unlocks it; the daemon
        # serves org.freedesktop.secrets on this session bus and leaves with it.
        printf "%s" "ladder-test-keyring" |
            gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
        daemon=$!
        # Until the daemon owns the name, a request would start an activated one that has no
        # password (and a locked keyring).
        tries=0
        until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
                grep -q "boolean true"; do
            tries=$((tries + 1))
            if [ "$tries" -gt 200 ] || ! kill -0 "$daemon" 2>/dev/null; then
                echo "FAIL: gnome-keyring-daemon did not come up on the session bus"
                exit 1
            fi
            sleep 0.05
        done
        code=0
        "$@" || code=$?
        kill "$daemon" 2>/dev/null || true
        wait "$daemon" 2>/dev/null || true
        exit "$code"
    ' sh "$@"
