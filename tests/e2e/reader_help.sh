#!/bin/sh
# Help (h, F1) is generated from the keymap table and shows the keys as the
# config file binds them; [keys] rebinding works in the reader.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
ART="$TOP_SRCDIR/tests/corpus/kallas-nato.txt"

tmux_start 80 24 -- "$QUOTH" "$ART"
ok "the reader starts" wait_for "kallas-nato.txt"
tmux_keys h
ok "h opens the help" wait_for "quoth keys"
ok "it lists next quote with its key" sh -c "tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_T' | grep -q '^ *\] *next quote'"
ok "and search with smart case" wait_for "search forward (smart case"
tmux_keys G
ok "G scrolls the help to its end" wait_for "quit"
tmux_keys q
ok "q closes the help, not the reader" wait_gone "quoth keys"
ok "the article is back" wait_for "kallas-nato.txt"
tmux_keys F1
ok "F1 opens the help too" wait_for "quoth keys"
tmux_keys Escape
ok "Esc closes it" wait_gone "quoth keys"
tmux_keys q
ok "q quits" wait_exit

# Rebinding: next_quote on x, quit on Q, help unbound.
mkdir -p "$XDG_CONFIG_HOME/quoth"
cat > "$XDG_CONFIG_HOME/quoth/config.ini" <<'INI'
[keys]
next_quote = "x"
quit = "Q"
INI
tmux_start 80 24 -- "$QUOTH" "$ART"
ok "the reader starts with the config" wait_for "kallas-nato.txt"
tmux_keys g
wait_settled
before=$(tmux_screen | tail -1 | sed -n 's/.*quote \([0-9]*\)\/.*/\1/p')
tmux_keys x
ok "x (rebound) goes to the next quote" wait_for "quote $((before + 1))/"
tmux_keys ']'
wait_settled    # a key that does nothing leaves nothing to wait for
ok "] does nothing now" wait_for "quote $((before + 1))/"
tmux_keys h
ok "help shows the new key" poll "tmux_screen | grep -q '^ *x *next quote'" 10
tmux_keys G
ok "and Q for quit" poll "tmux_screen | grep -q '^ *Q *quit'" 10
tmux_keys Q Q
ok "Q quits" wait_exit
is "$(exit_status)" "0" "exit status 0"

# A bad binding is refused before the screen is touched, naming the line.
cat > "$XDG_CONFIG_HOME/quoth/config.ini" <<'INI'
[keys]
next_quote = "]"
jump_around = "j"
INI
"$QUOTH" "$ART" </dev/null >/dev/null 2>"$TMP/err"
is "$?" "7" "an unknown action exits with EXIT_CONFIG (7)"
ok "the message names the file and line 3: $(cat "$TMP/err")" grep -q "config.ini:3:.*jump_around" "$TMP/err"
printf '[keys]\nnext_quote = "F99"\n' > "$XDG_CONFIG_HOME/quoth/config.ini"
"$QUOTH" "$ART" </dev/null >/dev/null 2>"$TMP/err"
is "$?" "7" "a bad key exits with EXIT_CONFIG"
ok "the message names the key: $(cat "$TMP/err")" grep -q "config.ini:2:.*F99" "$TMP/err"
done_testing
