#!/usr/bin/env bash
# ctest package_deb_e2e: builds the Debian packages from an already built tree (cpack, no
# rebuild), unpacks them into a throwaway root with `dpkg-deb -x` and runs what a user who
# installed them runs: `ladder --version`, `ladder validate` on an example, `ladder-studio
# --version` (no display). Also checks that every file the packages promise is in them.
#   test-package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "package test: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
shopt -s nullglob
debs=("$work"/out/*.deb)
[ ${#debs[@]} -eq 2 ] || fail "expected 2 packages, got: ${debs[*]##*/}"
root=$work/root
for deb in "${debs[@]}"; do
    echo "== $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
    dpkg-deb -f "$deb" Depends
    dpkg-deb -x "$deb" "$root"
done
cli_deb=
for deb in "${debs[@]}"; do
    if [ "$(dpkg-deb -f "$deb" Package)" = ladder-cli ]; then cli_deb=$deb; fi
done
[ -n "$cli_deb" ] || fail "no ladder-cli package"
dpkg-deb -c "$cli_deb" | grep -q '\./usr/bin/ladder$' || fail "ladder-cli lacks /usr/bin/ladder"

for f in usr/bin/ladder usr/bin/ladder-studio \
         usr/share/applications/io.github.ladderstudio.LadderStudio.desktop \
         usr/share/metainfo/io.github.ladderstudio.LadderStudio.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.ladderstudio.LadderStudio.svg; do
    [ -e "$root/$f" ] || fail "missing /$f"
done
for ts in "$source"/translations/*.ts; do
    qm=usr/share/ladder-studio/translations/$(basename "${ts%.ts}").qm
    [ -s "$root/$qm" ] || fail "missing /$qm"
done

# The binaries link the Qt of the system (the packages' Depends); nothing else is needed.
unset DISPLAY WAYLAND_DISPLAY
export HOME=$work/home XDG_CONFIG_HOME=$work/home/config XDG_DATA_HOME=$work/home/data
out=$("$root/usr/bin/ladder" --version) || fail "ladder --version failed"
echo "ladder --version: $out"
[[ $out == *0.* ]] || fail "ladder --version printed '$out'"
"$root/usr/bin/ladder" validate "$source/resources/ladders/framing.json" \
    || fail "ladder validate failed on framing.json"
printf '{"format": "ladder/1", "tiers": 3}' >"$work/bad.json"
if "$root/usr/bin/ladder" validate "$work/bad.json" >/dev/null 2>&1; then
    fail "ladder validate accepted a bad ladder"
fi
out=$(QT_QPA_PLATFORM=xcb "$root/usr/bin/ladder-studio" --version) \
    || fail "ladder-studio --version failed without a display"
echo "ladder-studio --version: $out"
[[ $out == "ladder-studio "* ]] || fail "ladder-studio --version printed '$out'"
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/ladder-studio" --help) \
    || fail "ladder-studio --help failed"
[[ $out == *--screenshot* ]] || fail "ladder-studio --help lacks the options"
echo "package test: ok"
