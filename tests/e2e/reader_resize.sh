#!/bin/sh
# Resizing keeps the reading position (a byte offset, re-wrapped); a storm of
# resizes down to tiny windows does not crash; below the minimum a short
# "window too small" line is drawn.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
ART="$TOP_SRCDIR/tests/corpus/kallas-nato.txt"
flat() { tmux_screen | sed '$d' | sed 's/[▎▐█┃│~]//g' | tr '\n' ' ' | tr -s ' '; }
first_words() { tmux_screen | head -1 | sed 's/[▎▐█┃│]//g; s/^ *//' | cut -d' ' -f1-4; }

tmux_start 80 24 -- "$QUOTH" "$ART"
ok "the reader starts" wait_for "kallas-nato.txt"
tmux_keys j j j j j j j j j j j j j j j j j j j j
ok "scrolled down 20 rows" wait_gone "European Union foreign policy chief"
ok "the scrolling has finished" wait_settled
top=$(first_words)
ok "the top row reads: $top" test -n "$top"
tmux_resize 50 20
poll 'flat | grep -qF -- "$top"' 5
ok "after a resize to 50x20 the old top row's text is still on screen" sh -c "printf '%s' \"\$0\" | grep -qF -- \"\$1\"" "$(flat)" "$top"
wait_settled
first50=$(first_words)
tmux_resize 120 40
poll 'flat | grep -qF -- "$top"' 5
ok "and at 120x40" sh -c "printf '%s' \"\$0\" | grep -qF -- \"\$1\"" "$(flat)" "$top"
ok "the top row at 120x40 still starts near the old top ($first50)" sh -c "printf '%s' \"\$0\" | grep -qF -- \"\$1\"" "$(flat)" "$first50"

# Quote state survives a resize.
tmux_keys ']' ']'
wait_settled
cur=$(tmux_screen | tail -1 | sed -n 's/.*\(quote [0-9]*\/[0-9]*\).*/\1/p')
ok "a current quote ($cur)" test -n "$cur"
tmux_resize 70 15
ok "after a resize the status still shows $cur" wait_for "$cur"

# A storm of resizes, down to 20x5 and below.
for s in 20x5 100x30 15x4 60x10 21x6 3x2 80x24 20x5 33x7 1x1 90x20 20x5 25x9 200x50 20x5; do
    tmux_resize "${s%x*}" "${s#*x}"
done
tmux_resize 20 5
ok "at 20x5 the article is drawn" wait_for "quote"
tmux_keys j ']' G g
ok "keys work at 20x5" wait_for "quote"
tmux_resize 15 4
ok "below the minimum: too small" wait_for "too small"
tmux_resize 80 24
ok "back at 80x24" wait_for "kallas-nato.txt"
ok "the reader is still running" sh -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_T' | grep -q 'exit '"
tmux_keys q
ok "q quits" wait_exit
is "$(exit_status)" "0" "exit status 0 after the storm"
done_testing
