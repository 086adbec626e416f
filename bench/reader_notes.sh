#!/bin/sh
# bench/reader_notes.sh — what notes cost the reader, on a 5 MB article made
# from tests/corpus (as bench/reader.sh makes it), through quoth --bench=KEYS
# (a private pseudo-terminal, 160x50; see bench/reader.sh for the columns):
#   add       N notes added with the reader's own keys (] ... a TEXT Enter):
#             each is one committed SQLite transaction and a re-read list
#   start     the first screen with N notes in the database (open, bind,
#             fingerprint of the text, list and re-anchor every note)
#   scroll    j/k/Space/b with N notes (the highlight, markers and the
#             two stat() calls per key that notice other readers' changes)
#   select    v, word steps and row steps over a page, then Esc
# A keystroke's CPU time should not grow with N or with the article.
#   bench/reader_notes.sh [path/to/quoth] [N]
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
QUOTH=${1:-${QUOTH:-$top/src/quoth}}
N=${2:-100}
[ -x "$QUOTH" ] || { echo "build quoth first (or pass its path)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quoth-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" LC_ALL=C.UTF-8

printf 'date 2026-01-28 A generated article for the notes benchmark.\n\n' > "$tmp/5m.txt"
for f in "$top"/tests/corpus/*.txt; do sed '1s/^ *date [0-9-]* *//' "$f"; printf '\n\n'; done > "$tmp/one"
while [ "$(wc -c < "$tmp/5m.txt")" -lt 5242880 ]; do cat "$tmp/one" >> "$tmp/5m.txt"; done

rep() { n=$2; out=""; while [ "$n" -gt 0 ]; do out="$out$1"; n=$((n - 1)); done; printf '%s' "$out"; }
cr=$(printf '\r')
esc=$(printf '\033')
SCROLL=$(rep j 200)$(rep k 100)$(rep ' ' 50)$(rep b 50)
SELECT=$(rep "v$(rep w 20)$(rep j 20)$(rep b 5)o$(rep w 3)$esc" 10)

run() {
    line=$("$QUOTH" --bench="$2" "$tmp/5m.txt")
    set -- "$1" $line
    printf '%-10s %10s %10s %8s %10s %10s %10s\n' "$1" "$7" "$9" "${11}" "${13}" "${15}" "${17}"
}

printf 'reader notes benchmark, %s, %d notes, %s bytes\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$N" "$(wc -c < "$tmp/5m.txt")"
printf '%-10s %10s %10s %8s %10s %10s %10s\n' run first_ms reader_ms keys mean_ms median_ms max_ms
run "start-0" "q"
run "scroll-0" "$SCROLL"
run "add" "$(rep "$(rep ']' 3)anote$cr" "$N")"
have=$("$QUOTH" --notes "$tmp/5m.txt" | head -1)
run "start-$N" "q"
run "scroll-$N" "$SCROLL"
run "select" "$SELECT"
echo "$have"
