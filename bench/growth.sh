#!/bin/bash
# growth.sh — does quoth's time grow linearly on pathological inputs?
#   bench/growth.sh [QUOTH]        (default: ./src/quoth, then src/quoth of the
#                                   build folder given as QUOTH_BUILD)
# For each input shape it generates size N and 2N in a temporary folder, runs
# `quoth --json FILE > /dev/null` (the whole analysis and the JSON rendering)
# GROWTH_RUNS times (default 3), keeps the fastest run, and prints both times,
# the peak memory and the ratio t(2N)/t(N). Linear time gives about 2; a ratio
# above 2.5 is flagged "SUPERLINEAR?" (noise on a shared machine can also do
# that: rerun the shape). N is set by GROWTH_MB (default 4 MB of text).
# Prints figures; it is not a test and always exits 0 unless quoth fails.
set -u
QUOTH=${1:-${QUOTH:-}}
if [ -z "$QUOTH" ]; then
    for q in ./src/quoth "${QUOTH_BUILD:-.}/src/quoth"; do [ -x "$q" ] && QUOTH=$q && break; done
fi
[ -n "$QUOTH" ] && [ -x "$QUOTH" ] || { echo "growth.sh: no quoth binary; pass its path" >&2; exit 2; }
MB=${GROWTH_MB:-4}
RUNS=${GROWTH_RUNS:-3}
LIMIT=${GROWTH_TIMEOUT:-120}     # seconds per run; a run that takes longer is reported
export LC_ALL=C.UTF-8
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quoth-growth.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# gen SHAPE BYTES > FILE: about BYTES bytes of the shape.
gen() {
    local shape=$1 bytes=$2
    case $shape in
    unbalanced)     # opening and stray closing marks of every style, never paired
        awk -v n="$((bytes / 8))" 'BEGIN { split("\342\200\234 \" \302\253 \342\200\230 \342\200\235", m, " ")
            for (i = 0; i < n; i++) printf "%s word ", m[i % 5 + 1]; print "" }' ;;
    nested)         # one quote nested N deep, alternating double and single marks
        awk -v n="$((bytes / 6))" 'BEGIN {
            for (i = 0; i < n; i++) printf "%s", (i % 2) ? "\342\200\230" : "\342\200\234"
            printf "core"
            for (i = n - 1; i >= 0; i--) printf "%s", (i % 2) ? "\342\200\231" : "\342\200\235"
            print " said Anna Berg." }' ;;
    nested-groups)  # many short quotes, each nested 3 deep
        yes '“She said ‘he told me “no” twice’ today,” said Anna Berg.' | head -c "$bytes" ;;
    one-name)       # one name, repeated
        yes 'Kallas' | head -c "$bytes" | tr '\n' ' ' ;;
    long-line)      # attributed quotes on a single line
        awk -v n="$((bytes / 40))" 'BEGIN { for (i = 0; i < n; i++)
            printf "\342\200\234Quote %d is here,\342\200\235 said Anna Berg. ", i; print "" }' ;;
    short-paras)    # many one-line paragraphs
        yes "$(printf 'Short paragraph, “a quote,” she said.\n')" | head -c "$bytes" ;;
    names)          # many distinct names (entity clustering)
        awk -v n="$((bytes / 48))" 'BEGIN { for (i = 0; i < n; i++)
            printf "Minister Name%c%c%d Surname%d met Dr. Other%d.\n\n", 65 + i % 26, 97 + (i / 26) % 26, i, i % 997, i }' ;;
    esac
}

# measure FILE: prints "SECONDS PEAK_KB" of the fastest of RUNS runs.
measure() {
    local best= best_kb= i t0 t1 t kb
    for ((i = 0; i < RUNS; i++)); do
        t0=$(date +%s%N)
        if [ -x /usr/bin/time ]; then
            timeout "$LIMIT" /usr/bin/time -o "$TMP/time" -f %M "$QUOTH" --json "$1" >/dev/null
            rc=$? kb=$(tail -n 1 "$TMP/time")
        else
            timeout "$LIMIT" "$QUOTH" --json "$1" >/dev/null; rc=$? kb=0
        fi
        t1=$(date +%s%N)
        [ "$rc" -ne 124 ] || { echo "growth.sh: quoth took over $LIMIT s on $1" >&2; return 1; }
        [ "$rc" -eq 0 ] || { echo "growth.sh: quoth failed on $1 (status $rc)" >&2; return 1; }
        t=$((t1 - t0))
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t best_kb=$kb; fi
    done
    awk -v ns="$best" -v kb="$best_kb" 'BEGIN { printf "%.3f %s\n", ns / 1e9, kb }'
}

printf 'quoth growth check: N = %s MB, fastest of %s runs, %s\n' "$MB" "$RUNS" "$("$QUOTH" --version)"
printf '%-14s %9s %9s %7s %10s %10s  %s\n' shape "t(N) s" "t(2N) s" ratio "RSS(N) MB" "RSS(2N) MB" verdict
status=0 flagged=0
for shape in unbalanced nested nested-groups one-name long-line short-paras names; do
    gen "$shape" $((MB * 1024 * 1024)) > "$TMP/n.txt"
    gen "$shape" $((2 * MB * 1024 * 1024)) > "$TMP/2n.txt"
    if ! a=$(measure "$TMP/n.txt") || ! b=$(measure "$TMP/2n.txt"); then
        printf '%-14s quoth failed or timed out: SUPERLINEAR?\n' "$shape" | tee -a "$TMP/report"
        status=1; continue
    fi
    read -r ta ka <<<"$a"
    read -r tb kb <<<"$b"
    awk -v s="$shape" -v ta="$ta" -v tb="$tb" -v ka="$ka" -v kb="$kb" 'BEGIN {
        r = (ta > 0.0005) ? tb / ta : 0
        v = (ta < 0.05) ? "too fast to judge (raise GROWTH_MB)" : (r > 2.5 ? "SUPERLINEAR?" : "linear")
        printf "%-14s %9.3f %9.3f %7.2f %10.1f %10.1f  %s\n", s, ta, tb, r, ka / 1024, kb / 1024, v }' |
        tee -a "$TMP/report"
done
flagged=$(grep -c 'SUPERLINEAR' "$TMP/report" 2>/dev/null)
echo "shapes flagged: ${flagged:-0}"
exit "$status"
