#!/bin/sh
# The reader in tmux at 80x24: status line, quote navigation ] [ and by
# speaker } {, scrolling. Expected speakers come from quoth --json, so the
# test checks that the reader shows what the engine found.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
ART="$TOP_SRCDIR/tests/corpus/kallas-nato.txt"
# The quotes of the JSON output (one a line), not the entities.
"$QUOTH" --json "$ART" | sed -n '/"quotes": *\[/,/^ *\]/p' > "$TMP/a.json"
NQ=$(grep -c '^ *{"id":' "$TMP/a.json")
# speaker I: the speaker of quote I (0-based) as the status line names it.
speaker() {
    line=$(grep "^ *{\"id\":$1," "$TMP/a.json")
    name=$(printf '%s\n' "$line" | sed -n 's/.*"speaker":"\([^"]*\)".*/\1/p')
    printf '%s\n' "${name:-(no speaker)}"
}
# next_same I DIR: the next quote after I (DIR 1) or before it (-1) with the same speaker.
next_same() {
    s=$(speaker "$1"); j=$(($1 + $2))
    while [ "$j" -ge 0 ] && [ "$j" -lt "$NQ" ]; do
        [ "$(speaker "$j")" = "$s" ] && { echo "$j"; return; }
        j=$((j + $2))
    done
    echo "$1"
}
# The text column of the screen as one line (gutter and minimap glyphs out).
flat() { tmux_screen | sed '$d' | sed 's/[▎▐█┃│~]//g' | tr '\n' ' ' | tr -s ' '; }
# The first words of quote I's text (up to 30 characters, no JSON escapes).
quote_text() { grep "^ *{\"id\":$1," "$TMP/a.json" | sed -n 's/.*"text":"\([^"\\]\{1,30\}\).*/\1/p'; }
# on_screen TEXT: the text column shows TEXT (never true for an empty TEXT).
on_screen() { [ -n "$1" ] && flat | grep -qF -- "$1"; }
want() { echo "quote $(($1 + 1))/$NQ · $(speaker "$1")"; }

ok "the article has quotes ($NQ)" test "$NQ" -ge 5

tmux_start 80 24 -- "$QUOTH" "$ART"
ok "the reader starts" wait_for "2026-01-28"
ok "status: file name" sh -c "tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_T' | tail -1 | grep -q 'kallas-nato.txt'"
ok "the date header is not in the text" sh -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_T' | head -1 | grep -q '^ *date '"
ok "the first row is the article" sh -c "tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_T' | head -1 | grep -q 'European Union foreign policy'"

tmux_keys G
ok "G: the end of the article" wait_for " end"
tmux_keys g
ok "g: back at the top" wait_for "European Union foreign policy chief"

# ] from the top: the first quote on screen is current; ] steps on.
first=$(tmux_screen | tail -1 | sed -n 's/.*quote \([0-9]*\)\/.*/\1/p')
ok "a quote on the first screen is current ($first)" test -n "$first"
i=$((first - 1))
tmux_keys ']'; i=$((i + 1))
ok "] -> $(want $i)" wait_for "$(want $i)"
tmux_keys ']' ']' ']'; i=$((i + 3))
ok "] ] ] -> $(want $i)" wait_for "$(want $i)"
ok "the quote is on screen" on_screen "$(quote_text $i)"
tmux_keys '['; i=$((i - 1))
ok "[ -> $(want $i)" wait_for "$(want $i)"

# To the last quote, and one more: a message, the position stays.
n=0; while [ $n -lt "$NQ" ]; do tmux_keys ']'; n=$((n + 1)); done
ok "] at the end stops on the last quote" wait_for "$(want $((NQ - 1)))"
ok "... and says so" wait_for "no more quotes"
tmux_keys '['
ok "[ goes back" wait_for "$(want $((NQ - 2)))"
ok "the message is gone after a key" wait_gone "no more quotes"
ok "the last quote's text is on screen after the jump" on_screen "$(quote_text $((NQ - 2)))"

# } and { follow the speaker of the current quote.
tmux_keys g ']'
wait_settled
cur=$(tmux_screen | tail -1 | sed -n 's/.*quote \([0-9]*\)\/.*/\1/p'); cur=$((cur - 1))
nxt=$(next_same "$cur" 1)
tmux_keys '}'
ok "} -> $(want "$nxt") (next by $(speaker "$cur"))" wait_for "$(want "$nxt")"
nxt2=$(next_same "$nxt" 1)
tmux_keys '}'
ok "} again -> $(want "$nxt2")" wait_for "$(want "$nxt2")"
prv=$(next_same "$nxt2" -1)
tmux_keys '{'
ok "{ -> $(want "$prv")" wait_for "$(want "$prv")"

# Scrolling keeps the current quote while it is on screen, then follows.
tmux_keys G
ok "after G the status shows the end" wait_for " end"
tmux_keys k k k
ok "k scrolls up a line at a time" wait_gone " end"
tmux_keys Space
ok "Space pages down to the end" wait_for " end"
tmux_keys b b b b b
ok "b pages up" wait_gone " end"
tmux_keys q
ok "q quits" wait_exit
is "$(exit_status)" "0" "exit status 0"

# With no quote on screen, ] goes to the first quote below, [ to the last above.
B="$TMP/filler.txt"
{
    i=0; while [ $i -lt 12 ]; do printf 'Filler paragraph %d about the harbour works.\n\n' $i; i=$((i + 1)); done
    printf '\342\200\234We will build it,\342\200\235 said Anna Berg, the engineer.\n\n'
    printf '\342\200\234It will be late,\342\200\235 said Jon Dahl, the mayor.\n\n'
    i=0; while [ $i -lt 12 ]; do printf 'Closing paragraph %d about the harbour works.\n\n' $i; i=$((i + 1)); done
} > "$B"
BN=$("$QUOTH" --json "$B" | sed -n '/"quotes": *\[/,/^ *\]/p' | grep -c '^ *{"id":')
ok "the filler article has quotes ($BN)" test "$BN" -ge 2
tmux_start 60 8 -- "$QUOTH" "$B"
ok "no quote on the first screen" wait_for "quote -/$BN"
tmux_keys ']'
ok "] goes to the first quote below" wait_for "quote 1/$BN"
ok "... and shows it" wait_for "We will build it"
tmux_keys G
ok "at the end, no quote on screen" wait_for "quote -/$BN"
tmux_keys '['
ok "[ goes to the last quote above" wait_for "quote $BN/$BN"
tmux_keys q
ok "q quits" wait_exit
done_testing
