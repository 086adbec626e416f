#!/bin/sh
# bench/reader.sh — the reader's speed: time to the first full screen and the
# cost of a keystroke (recalc + repaint + doupdate) on a 50 KB and a 5 MB
# article made from tests/corpus. quoth --bench=KEYS opens the reader on a
# private pseudo-terminal (160x50 unless QUOTH_BENCH_SIZE=COLSxROWS), replays
# KEYS, and prints timings; a keystroke should cost the same on both sizes.
#   bench/reader.sh [path/to/quoth]
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
QUOTH=${1:-${QUOTH:-$top/src/quoth}}
[ -x "$QUOTH" ] || { echo "build quoth first (or pass its path)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quoth-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" LC_ALL=C.UTF-8

# make SIZE FILE: the corpus articles, date lines dropped, repeated to SIZE bytes.
make_article() {
    printf 'date 2026-01-28 A generated article for the reader benchmark.\n\n' > "$2"
    for f in "$top"/tests/corpus/*.txt; do sed '1s/^ *date [0-9-]* *//' "$f"; printf '\n\n'; done > "$tmp/one"
    while [ "$(wc -c < "$2")" -lt "$1" ]; do cat "$tmp/one" >> "$2"; done
    head -c "$1" "$2" > "$2.cut" && mv "$2.cut" "$2"
}
make_article 51200 "$tmp/50k.txt"
make_article 5242880 "$tmp/5m.txt"

rep() { n=$2; out=""; while [ "$n" -gt 0 ]; do out="$out$1"; n=$((n - 1)); done; printf '%s' "$out"; }
cr=$(printf '\r')
SCROLL=$(rep j 200)$(rep k 100)
PAGE=$(rep ' ' 100)$(rep b 100)$(rep d 50)$(rep u 50)
QUOTES=$(rep ']' 150)$(rep '[' 50)$(rep '}' 30)$(rep '{' 30)
JUMPS=$(rep Gg 50)
SEARCH="/said$cr$(rep n 100)"

printf 'reader benchmark, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
echo "first_ms: process start (ingest + analysis + reader) to the first full screen;"
echo "reader_ms: the reader's part of it (wall clock); mean/median/max: CPU time of one"
echo "keystroke (recalc, repaint, doupdate; CPU time so that other load on the machine does"
echo "not count); wrapped: paragraph blocks wrapped over the run / blocks in the article."
printf '%-8s %-8s %10s %10s %8s %10s %10s %10s %s\n' article keys first_ms reader_ms keys mean_ms median_ms max_ms wrapped
for a in 50k 5m; do
    for k in SCROLL PAGE QUOTES JUMPS SEARCH; do
        eval keys=\$$k
        line=$("$QUOTH" --bench="$keys" "$tmp/$a.txt")
        set -- $line
        # size WxH bytes N first_screen_ms F reader_ms R keys K key_mean_ms M key_median_ms D key_max_ms X blocks_wrapped W of B
        printf '%-8s %-8s %10s %10s %8s %10s %10s %10s %s\n' "$a" "$k" "$6" "$8" "${10}" "${12}" "${14}" "${16}" "${18}/${20}"
    done
done
