#!/bin/sh
# reader_hostile.sh — the reader on the hostile inputs of hostile.sh: it opens
# each within a bounded time, answers keys (jump to the end, next quote,
# search), quits with status 0, and no byte of the article's escapes reaches
# the pty (tmux pipe-pane records every byte quoth writes). Refused input
# ends the reader before the screen is taken, with the one-line message.
# Inputs are generated in $TMP; big ones shrink under QUOTH_WRAPPER (valgrind).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
SCALE=1
[ -n "${QUOTH_WRAPPER:-}" ] && SCALE=20
SLOW=$((30 * SCALE))   # seconds allowed for the first screen of a big input

# open_reader NAME FILE: starts the reader on FILE once the pane is recorded.
open_reader() {
    rm -f "$TMP/go" "$TMP/bytes"
    tmux_start 80 24 -- sh -c 'while [ ! -e "$1" ]; do sleep 0.05; done; exec "$2" "$3"' sh "$TMP/go" "$QUOTH" "$2"
    tm pipe-pane -o -t "$TMUX_T" "cat >> '$TMP/bytes'"
    touch "$TMP/go"
}

# no_raw NAME SEQ...: none of the article's sequences is in the recorded
# bytes (each with the article text next to it: curses itself sends ESC [ 2 J).
no_raw() {
    _nr_name=$1; shift
    for seq in "$@"; do
        ok "$_nr_name: no raw $seq on the pty" sh -c '! LC_ALL=C grep -qF -- "$(printf "$1")" "$2"' sh "$seq" "$TMP/bytes"
    done
}

# browse NAME FILE: open, move around, quit; asserts each step.
browse() {
    open_reader "$1" "$2"
    ok "$1: the first screen" wait_for "$(basename "$2")" "$SLOW"
    tmux_keys G
    tmux_keys ']'
    tmux_keys g
    tmux_keys / ; tmux_type "Berg"; tmux_keys Enter
    tmux_keys q
    ok "$1: quits" wait_exit "$SLOW"
    is "$(exit_status)" 0 "$1: exit status 0"
    tm pipe-pane -t "$TMUX_T"
    ok "$1: bytes were recorded" test -s "$TMP/bytes"
}

# A 10 MB single line of attributed quotes, with escapes inside.
awk -v n=$((10000000 / 60 / SCALE)) 'BEGIN { for (i = 0; i < n; i++)
    printf "\342\200\234Quote %d \033[31mred\033[0m here,\342\200\235 said Anna Berg. ", i; print "" }' > "$TMP/long-line.txt"
browse "$((10 / SCALE)) MB single line" "$TMP/long-line.txt"
no_raw "$((10 / SCALE)) MB single line" '\033[31mred' '\033[0m here'

rm -f "$TMP/long-line.txt"

# 100 000 unbalanced marks.
awk 'BEGIN { split("\342\200\234 \342\200\235 \" \302\253 \342\200\230", m, " ")
    for (i = 0; i < 100000; i++) printf "%s word ", m[i % 5 + 1]; print ""
    print ""; print "\342\200\234After the storm,\342\200\235 said Anna Berg." }' > "$TMP/unbalanced.txt"
browse "100 000 unbalanced marks" "$TMP/unbalanced.txt"

# 10 000 nested quotes.
awk 'BEGIN { n = 10000
    for (i = 0; i < n; i++) printf "%s", (i % 2) ? "\342\200\230" : "\342\200\234"
    printf "core"
    for (i = n - 1; i >= 0; i--) printf "%s", (i % 2) ? "\342\200\231" : "\342\200\235"
    print " said Anna Berg." }' > "$TMP/nested.txt"
browse "10 000 nested quotes" "$TMP/nested.txt"

# Escapes, C1 controls and bidi overrides in a window of 20x5.
{
    printf '\342\200\234Red \033[31malert\033[0m \033[2J,\342\200\235 said Anna Berg.\n\n'
    printf 'Copy \033]52;c;ZXZpbA==\007 and \033]8;;http://evil.example/\033\\link\033]8;;\033\\ and \033P+q544e\033\\ end.\n\n'
    printf 'C1 \302\233 31m \302\235 0;t\302\234 and bidi \342\200\256rev\342\200\254 \342\201\247iso\342\201\251.\n'
} > "$TMP/escapes.txt"
rm -f "$TMP/go" "$TMP/bytes"
tmux_start 20 5 -- sh -c 'while [ ! -e "$1" ]; do sleep 0.05; done; exec "$2" "$3"' sh "$TMP/go" "$QUOTH" "$TMP/escapes.txt"
tm pipe-pane -o -t "$TMUX_T" "cat >> '$TMP/bytes'"
touch "$TMP/go"
ok "escapes at 20x5: the first screen" wait_for "Red" 10
tmux_keys j j j j G ']' '[' g
tmux_resize 60 12
ok "escapes at 60x12: redrawn" wait_for "^[" 10
tmux_keys q
ok "escapes: quits" wait_exit 10
is "$(exit_status)" 0 "escapes: exit status 0"
tm pipe-pane -t "$TMUX_T"
no_raw "escapes" '\033[31malert' '\033[2J,' '\033]52;c;ZXZpbA' '\033]8;;http' '\033P+q' \
    '\302\233 31m' '\302\235 0;t' '\302\234 and' '\342\200\256rev' '\342\201\247iso'


# Refused input: the message and status, the screen never taken.
printf 'text\000with a NUL\n' > "$TMP/binary.dat"
tmux_start 80 24 -- "$QUOTH" "$TMP/binary.dat"
ok "binary file: ends" wait_exit 10
is "$(exit_status)" 4 "binary file: exit status 4"
ok "binary file: the message is on the screen" wait_for "binary.dat: binary file" 2

: > "$TMP/empty.txt"
browse "empty file" "$TMP/empty.txt"

done_testing
