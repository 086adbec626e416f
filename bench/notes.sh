#!/bin/bash
# notes.sh — the cost of the notes store: adding a note (one committed
# transaction with fsync, synchronous=FULL), listing an article's notes, and
# re-anchoring every note after the article changed, on the corpus article
# and on a large generated one.
#   bench/notes.sh [BUILD]   (the build folder holding tests/unit/notes_bench;
#                             default: . or QUOTH_BUILD; `make check` builds it)
# NOTES_N notes per article (default 200). The store lives in a temporary
# XDG_DATA_HOME under /tmp. Prints figures; it is not a test.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-${QUOTH_BUILD:-.}}
BENCH=$BUILD/tests/unit/notes_bench
[ -x "$BENCH" ] || { echo "notes.sh: no $BENCH; run make check (or make tests/unit/notes_bench) first" >&2; exit 2; }
N=${NOTES_N:-200}
export LC_ALL=C.UTF-8
TMP=$(mktemp -d /tmp/quoth-notes-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
run() {
    XDG_DATA_HOME="$TMP/data-$2" "$BENCH" "$1" "$N" || echo "notes_bench failed on $1"
    echo
}
run "$HERE/../tests/corpus/kallas-nato.txt" small
# About 5 MB of varied news text, if the generator is there.
if command -v python3 >/dev/null && [ -f "$HERE/gen_text.py" ]; then
    python3 "$HERE/gen_text.py" 5 "$TMP/big.txt" >/dev/null 2>&1 || \
        for i in $(seq 400); do cat "$HERE"/../tests/corpus/*.txt; done > "$TMP/big.txt"
else
    for i in $(seq 400); do cat "$HERE"/../tests/corpus/*.txt; done > "$TMP/big.txt"
fi
run "$TMP/big.txt" big
echo "database: $(du -k "$TMP"/data-big/quoth/notes.db | cut -f1) KB for $N notes"
