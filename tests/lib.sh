# lib.sh — TAP helpers for the shell tests; source it first:
#   . "$TOP_SRCDIR/tests/lib.sh"
#   ok "name" test -s file;  is "$(cmd)" "want" "name";  done_testing
# The environment (set by make check): QUOTH the binary, TOP_SRCDIR, TOP_BUILDDIR.
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=$TOP_SRCDIR}"
: "${QUOTH:=$TOP_BUILDDIR/src/quoth}"
export LC_ALL=C.UTF-8
TAP_N=0
TAP_FAILED=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quoth-test.XXXXXX")
# Tests never touch the user's config or notes.
export XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" HOME="$TMP/home"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$HOME"
trap 'rm -rf "$TMP"' EXIT
# QUOTH_WRAPPER (make check-valgrind sets it to tests/valgrind.sh) runs every
# quoth of the shell tests under that tool; QUOTH stays one word. valgrind.sh
# logs into QUOTH_VALGRIND_LOGS (stderr stays quoth's own, and the reader in
# tmux is covered too); done_testing fails on any report there.
if [ -n "${QUOTH_WRAPPER:-}" ]; then
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$QUOTH_WRAPPER" "$QUOTH" > "$TMP/quoth-wrapped"
    chmod +x "$TMP/quoth-wrapped"
    QUOTH_UNWRAPPED=$QUOTH QUOTH=$TMP/quoth-wrapped
    QUOTH_VALGRIND_LOGS=$TMP/valgrind-logs
    mkdir -p "$QUOTH_VALGRIND_LOGS"
    chmod 1777 "$QUOTH_VALGRIND_LOGS"  # tests that drop root (setpriv) log too
    # memcheck runs quoth ~20-50x slower: the tmux tests' polls wait longer.
    : "${QUOTH_TIME_SCALE:=5}"
    export QUOTH_TIME_SCALE
    export QUOTH_VALGRIND_LOGS
fi

# ok NAME COMMAND...: passes when COMMAND succeeds.
ok() {
    name=$1; shift
    TAP_N=$((TAP_N + 1))
    if "$@"; then echo "ok $TAP_N - $name"
    else echo "not ok $TAP_N - $name"; TAP_FAILED=$((TAP_FAILED + 1)); fi
}

# is GOT WANT NAME: passes when the strings are equal.
is() {
    TAP_N=$((TAP_N + 1))
    if [ "$1" = "$2" ]; then echo "ok $TAP_N - $3"
    else
        echo "not ok $TAP_N - $3"; TAP_FAILED=$((TAP_FAILED + 1))
        printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
    fi
}

# scores_at_least CORPUS METRIC=FLOOR...: scores quoth on the gold articles in
# CORPUS (tests/corpus/score.py) and checks each metric of the summary
# (quote_f1, attribution, entity_f1) against its floor. python3 is a test
# dependency (README): no skip.
scores_at_least() {
    corpus=$1; shift
    python3 "$TOP_SRCDIR/tests/corpus/score.py" --json "$corpus" -- "$QUOTH" --json {} \
        > "$TMP/score.json" 2> "$TMP/score.err"
    ok "score.py runs on $(basename "$corpus")" test -s "$TMP/score.json"
    for floor in "$@"; do
        metric=${floor%%=*} min=${floor#*=}
        v=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' \
            "$TMP/score.json" "$metric" 2>/dev/null || echo 0)
        echo "# $metric = $v"
        ok "$metric $v >= $min" python3 -c 'import sys; sys.exit(float(sys.argv[1]) < float(sys.argv[2]))' "$v" "$min"
    done
}

# skip_all REASON: the whole script is skipped (a missing tool, not a failure).
skip_all() { echo "1..0 # SKIP $1"; exit 0; }

done_testing() {
    if [ -n "${QUOTH_VALGRIND_LOGS:-}" ]; then
        TAP_N=$((TAP_N + 1))
        if [ -z "$(find "$QUOTH_VALGRIND_LOGS" -type f -size +0 2>/dev/null)" ]; then
            echo "ok $TAP_N - valgrind: no memory error or leak in any quoth run"
        else
            echo "not ok $TAP_N - valgrind: memory errors or leaks"; TAP_FAILED=$((TAP_FAILED + 1))
            find "$QUOTH_VALGRIND_LOGS" -type f -size +0 -exec cat {} + | sed 's/^/# /'
        fi
    fi
    echo "1..$TAP_N"; [ "$TAP_FAILED" -eq 0 ]
}
