#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, as ctest's `fuzz` tests do:
#     run_fuzzer.sh FUZZER SECONDS ARTIFACT_DIR [-dict=FILE] SEED_DIR...
# New inputs go to a temporary corpus that is deleted afterwards (the seed folders are only read),
# so every run starts from the seeds. A crash, leak, timeout or failed check keeps the input in
# ARTIFACT_DIR and fails with a message that says how to reproduce it.
set -euo pipefail

fuzzer=$1
seconds=$2
artifacts=$3
shift 3
name=$(basename "$fuzzer")
corpus=$(mktemp -d "${TMPDIR:-/tmp}/${name}.XXXXXX")
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$artifacts"

status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "$corpus" "$@" || status=$?
if [ "$status" -ne 0 ]; then
    echo "FUZZ FAILURE: $name exited with $status; the failing input is in $artifacts/" \
         "(reproduce: $fuzzer $artifacts/$name-<crash|leak|timeout>-<hash>)" >&2
fi
exit "$status"
