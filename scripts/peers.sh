#!/usr/bin/env bash
# Installs the real peers the export and serve tests talk to (tests/peers/package.json: the Portkey
# gateway and the official openai client) from the npm registry into build/peers, once; later runs
# reuse it. Without npm it says so and returns 0: the tests that need a peer then skip themselves.
# Sourced by scripts/setup.sh; safe to run again.
ladder_install_peers() {
    local manifest="$LADDER_ROOT/tests/peers/package.json"
    local target="$LADDER_ROOT/build/peers"
    if ! command -v npm >/dev/null 2>&1; then
        echo "ladder: npm not found; the Portkey gateway and openai client tests will be skipped"
        return 0
    fi
    if [ -f "$target/.installed" ] && cmp -s "$manifest" "$target/package.json"; then
        return 0
    fi
    mkdir -p "$target"
    cp "$manifest" "$target/package.json"
    echo "ladder: installing the test peers (npm) into build/peers"
    if (cd "$target" && npm install --no-audit --no-fund --no-package-lock --loglevel=error); then
        touch "$target/.installed"
    else
        echo "ladder: npm install failed; the tests that need these peers will be skipped"
    fi
}
