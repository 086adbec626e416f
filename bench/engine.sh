#!/bin/bash
# engine.sh — speed and memory of the whole engine (ingest, quotes, entities,
# attribution and the JSON rendering) on large generated news text.
#   bench/engine.sh [QUOTH]      (default: ./src/quoth, or QUOTH_BUILD/src/quoth)
# For each size in BENCH_SIZES (MB, default "10 50 100") it generates text from
# the corpus articles (bench/gen_text.py, varied: not one article repeated) in
# a temporary folder under /tmp, then, in the same run, times `wc -w FILE` and
# `quoth --json FILE > /dev/null` BENCH_RUNS times each, in turns (default 3,
# the fastest counts) and prints MB/s, the ratio to wc -w, the peak RSS as a multiple of
# the input, and at the end the time per MB at the largest size against the
# smallest (linear time gives about 1.0). Times are CPU seconds (user + system,
# the "one core" figure that a loaded shared machine does not distort; to the
# millisecond, by bench/cputime.py), with wall seconds beside them.
# Targets (issue 3): >= 50 MB/s on one core, <= 3x wc -w, peak RSS <= 6x the
# input, linear. Prints figures; it is not a test and exits 0 unless quoth fails.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
QUOTH=${1:-${QUOTH:-}}
if [ -z "$QUOTH" ]; then
    for q in ./src/quoth "${QUOTH_BUILD:-.}/src/quoth"; do [ -x "$q" ] && QUOTH=$q && break; done
fi
[ -n "$QUOTH" ] && [ -x "$QUOTH" ] || { echo "engine.sh: no quoth binary; pass its path" >&2; exit 2; }
command -v python3 >/dev/null || { echo "engine.sh: python3 is needed to generate the text and time" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "engine.sh: /usr/bin/time (Debian package time) is needed for the peak memory" >&2; exit 2; }
SIZES=${BENCH_SIZES:-10 50 100}
RUNS=${BENCH_RUNS:-3}
export LC_ALL=C.UTF-8
TMP=$(mktemp -d /tmp/quoth-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# measure FILE: wc -w and quoth --json on FILE, taking turns RUNS times, so
# that a burst of load on the shared machine hits both alike; prints
# "WC_WALL WC_CPU Q_WALL Q_CPU Q_PEAK_KB", each time the fastest of its runs
# (stdout discarded). CPU is user + system time: on a shared, loaded machine
# it is the honest "one core" figure; wall time is printed beside it.
measure() {
    local wc="" wcw="" q="" qw="" kb e c
    for _ in $(seq "$RUNS"); do
        read -r e c < <(python3 "$HERE/cputime.py" wc -w "$1") && [ -n "$c" ] || return 1
        if [ -z "$wc" ] || awk -v a="$c" -v b="$wc" 'BEGIN { exit !(a < b) }'; then wc=$c; wcw=$e; fi
        read -r e c < <(python3 "$HERE/cputime.py" "$QUOTH" --json "$1") && [ -n "$c" ] || return 1
        if [ -z "$q" ] || awk -v a="$c" -v b="$q" 'BEGIN { exit !(a < b) }'; then q=$c; qw=$e; fi
    done
    # one more run, for the peak
    /usr/bin/time -f %M -o "$TMP/time" "$QUOTH" --json "$1" > /dev/null || return 1
    read -r kb < "$TMP/time"
    echo "$wcw $wc $qw $q $kb"
}

echo "quoth engine benchmark: $("$QUOTH" --version), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "times are CPU seconds (user + system) of the fastest of $RUNS runs; wall seconds in brackets"
printf '%7s %10s %14s %14s %7s %6s %8s %7s %7s\n' \
    size_MB bytes 'wc -w s' 'quoth s' MB/s x_wc peak_MB x_input s/MB
first_spm="" last_spm="" status=0
for mb in $SIZES; do
    f=$TMP/text-$mb.txt
    python3 "$HERE/gen_text.py" "$mb" "$f" "$HERE/../tests/corpus" "$mb" || exit 1
    bytes=$(stat -c %s "$f")
    if ! read -r wc_wall wc_s q_wall q_s q_kb < <(measure "$f"); then
        echo "quoth failed on $f" >&2; status=1; continue
    fi
    awk -v mb="$mb" -v bytes="$bytes" -v wc="$wc_s" -v ww="$wc_wall" -v q="$q_s" -v qw="$q_wall" -v kb="$q_kb" 'BEGIN {
        m = bytes / 1048576; qs = q > 0 ? q : 0.001; ws = wc > 0 ? wc : 0.001
        printf "%7s %10d %6.3f (%5.2f) %6.3f (%5.2f) %7.1f %6.2f %8.1f %7.2f %7.4f\n",
               mb, bytes, wc, ww, q, qw, m / qs, qs / ws, kb / 1024, kb * 1024 / bytes, qs / m }'
    spm=$(awk -v b="$bytes" -v q="$q_s" 'BEGIN { printf "%.5f", q / (b / 1048576) }')
    [ -z "$first_spm" ] && first_spm=$spm
    last_spm=$spm
done
if [ -n "$first_spm" ] && [ "$first_spm" != "$last_spm" ]; then
    awk -v a="$first_spm" -v b="$last_spm" 'BEGIN {
        r = a > 0 ? b / a : 0
        printf "linearity: time per MB at the largest size / at the smallest = %.2f%s\n",
               r, (r > 1.3 ? "  (SUPERLINEAR?)" : "") }'
fi
echo "targets: MB/s >= 50, x_wc <= 3, x_input <= 6, linearity about 1"
exit $status
