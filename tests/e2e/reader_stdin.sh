#!/bin/sh
# quoth - : the article from a pipe, the keys from the terminal (/dev/tty);
# without any terminal, a clear message and EXIT_TERMINAL (6).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
ART="$TOP_SRCDIR/tests/corpus/kallas-nato.txt"

tmux_start 80 24 -- sh -c 'cat "$1" | "$2" -' sh "$ART" "$QUOTH"
ok "the article from the pipe is shown" wait_for "European Union foreign policy chief"
ok "the status line names stdin" wait_for "(stdin)"
ok "and the date header" wait_for "2026-01-28"
tmux_keys G
ok "keys are read from the terminal: G" wait_for " end"
tmux_keys g ']'
ok "] moves between quotes" wait_for "quote 2/"
tmux_keys / ; tmux_type "greenland"; tmux_keys Enter
ok "search works" wait_for "seize Greenland"
tmux_keys q
ok "q quits" wait_exit
is "$(exit_status)" "0" "exit status 0"

# The output may be a pipe too: the screen still goes to the terminal.
tmux_start 80 24 -- sh -c '"$2" "$1" | cat' sh "$ART" "$QUOTH"
ok "stdout a pipe: the reader draws on the terminal" wait_for "European Union foreign policy chief"
tmux_keys q
ok "... and quits" wait_exit

# No terminal at all (a new session has no /dev/tty): a message, exit 6.
if command -v setsid >/dev/null 2>&1; then
    setsid -w sh -c '"$1" - < "$2" > "$3" 2> "$4"; echo $? > "$5"' sh "$QUOTH" "$ART" "$TMP/out" "$TMP/err" "$TMP/rc"
    is "$(cat "$TMP/rc")" "6" "no terminal: exit status 6 (EXIT_TERMINAL)"
    ok "the message says there is no terminal: $(cat "$TMP/err")" grep -q "no terminal" "$TMP/err"
    ok "nothing is written to stdout" test ! -s "$TMP/out"
else
    ok "setsid is available (util-linux)" false
fi
done_testing
