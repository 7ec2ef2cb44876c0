#!/usr/bin/env bash
# Installs the Debian packages Ladder Studio needs (only the missing ones), then configures and
# builds the release preset. Sourced by scripts/studio and scripts/test; safe to run again.
set -euo pipefail

LADDER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LADDER_PACKAGES=(
    cmake ninja-build g++ clang libclang-rt-14-dev git
    qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-charts-dev qml6-module-qtcharts
    qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
    qml6-module-qtqml qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-shapes qml6-module-qtquick-window qml6-module-qtquick-templates
    qml6-module-qtqml-workerscript qml6-module-qttest qml6-module-qtquick-dialogs
    qml6-module-qtqml-models qml6-module-qt-labs-settings qml6-module-qt-labs-platform
    libqt6sql6-sqlite qtkeychain-qt6-dev libqt6svg6
    libgl1-mesa-dri xvfb xauth
    dbus-daemon dbus-bin gnome-keyring
    libyaml-cpp-dev libhiredis-dev libboost-dev libsimdjson-dev redis-server wrk desktop-file-utils
    appstream dpkg-dev file
)

ladder_install_packages() {
    local missing=()
    for pkg in "${LADDER_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "ladder: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# Node.js and npm run the test peers; a machine that has them (from any source) keeps its own.
ladder_install_node() {
    command -v npm >/dev/null 2>&1 && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "ladder: installing nodejs and npm (Debian) for the test peers"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        nodejs npm
}

ladder_build() {
    cd "$LADDER_ROOT"
    cmake --preset release >/dev/null
    cmake --build --preset release
}

source "$LADDER_ROOT/scripts/peers.sh"

ladder_install_packages
ladder_install_node
ladder_install_peers
ladder_build
