#!/bin/sh
# The reader's search in tmux at 80x24: / ? n N, smart case, wrap-around and
# not-found messages, Esc cancels, the bottom-line editor.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
ART="$TOP_SRCDIR/tests/corpus/kallas-nato.txt"
first_row() { tmux_screen | head -1; }

tmux_start 80 24 -- "$QUOTH" "$ART"
ok "the reader starts" wait_for "kallas-nato.txt"

# "coercive" is far down and occurs once.
tmux_keys /
ok "/ opens the prompt on the bottom line" poll "tmux_screen | tail -1 | grep -q '^/'" 10
tmux_type "coercivx"
tmux_keys BSpace
tmux_type "e"
ok "typing and Backspace edit the query" wait_for "/coercive"
tmux_keys Enter
ok "the match is brought into view" wait_for "coercive power politics"
ok "the status line is back" wait_for "kallas-nato.txt"
tmux_keys n
ok "n with one match wraps, and says so" wait_for "search wrapped to the top"
ok "... staying on the match" wait_for "coercive power politics"

# Smart case: lower case matches any case; a capital makes it exact.
tmux_keys g / ; tmux_type "greenland"; tmux_keys Enter
ok "lower-case query finds 'Greenland'" wait_for "seize Greenland"
tmux_keys g / ; tmux_type "GREENLAND"; tmux_keys Enter
ok "a capital makes the search exact: GREENLAND is not found" wait_for "not found: GREENLAND"
tmux_keys g / ; tmux_type "Greenland"; tmux_keys Enter
ok "Greenland (exact) is found" wait_for "seize Greenland"

# Backward from the end.
tmux_keys G ? ; tmux_type "brussels"; tmux_keys Enter
ok "? searches backward" wait_for "headquartered in Brussels"
tmux_keys n
ok "n repeats backward: the earlier Brussels" wait_for "conference in Brussels"
tmux_keys N
ok "N goes the other way" wait_for "headquartered in Brussels"

# Esc cancels; an empty query repeats the last one.
tmux_keys g / ; tmux_type "zzz"
ok "typing in the prompt" wait_for "/zzz"
tmux_keys Escape
ok "Esc cancels the prompt" wait_gone "/zzz"
ok "... nothing was searched" sh -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_T' | grep -q 'not found'"
tmux_keys / ; tmux_type "xyzzy"; tmux_keys Enter
ok "a missing word: not found" wait_for "not found: xyzzy"
tmux_keys j
ok "the message goes at the next key" wait_gone "not found"

# Wide characters and cursor movement in the editor: type, move left, insert.
tmux_keys /
tmux_type "日本"
tmux_keys Left
tmux_type "X"
ok "insert before a wide character after Left" wait_for "/日X本"
tmux_keys Home; tmux_type "<"; tmux_keys End; tmux_type ">"
ok "Home and End" wait_for "/<日X本>"
tmux_keys Escape
tmux_keys q
ok "q quits" wait_exit
is "$(exit_status)" "0" "exit status 0"
done_testing
