#!/bin/sh
# An article full of terminal escape sequences: the reader shows them as
# visible text (^[, <U+202E>) and none of their raw bytes reach the terminal.
# tmux pipe-pane records every byte quoth writes to the pane.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
ESC=$(printf '\033')
A="$TMP/hostile.txt"
{
    printf 'date 2026-02-01 A hostile article.\n\n'
    printf 'CSI: \033[6n and \033[42;1337H and \033[2J in the text.\n\n'
    printf 'OSC 52 clipboard: \033]52;c;SGVsbG8gd29ybGQ=\007 done.\n\n'
    printf 'OSC 8 link: \033]8;;http://evil.example/\033\\click\033]8;;\033\\ done.\n\n'
    printf 'Title: \033]0;pwned-title\007 and DCS: \033P+q544e\033\\ done.\n\n'
    printf 'C1 controls: \302\2336n and \302\2350;c1-title\302\234 and NEL\302\205 done.\n\n'
    printf 'Bidi: \342\200\256evil\342\200\254 and \342\201\246iso\342\201\251 done.\n\n'
    printf 'The minister said: \342\200\234Quote with \033[5m blink and \342\200\256 RLO inside,\342\200\235 she said.\n\n'
    printf 'DEL \177 and BEL \007 and BS \010 end.\n'
} > "$A"

# The reader starts only once the pane is being recorded.
tmux_start 120 30 -- sh -c 'while [ ! -e "$1" ]; do sleep 0.05; done; exec "$2" "$3"' sh "$TMP/go" "$QUOTH" "$A"
tm pipe-pane -o -t "$TMUX_T" "cat >> '$TMP/bytes'"
touch "$TMP/go"
ok "the reader starts" wait_for "hostile.txt"
ok "CSI shown as ^[[6n" wait_for "CSI: ^[[6n and ^[[42;1337H and ^[[2J"
ok "OSC 52 shown with ^[ and ^G" wait_for "^[]52;c;SGVsbG8gd29ybGQ=^G"
ok "OSC 8 shown" wait_for "^[]8;;http://evil.example/^[\\click"
ok "DCS shown" wait_for "^[P+q544e^[\\"
ok "C1 CSI shown as <U+009B>" wait_for "<U+009B>6n"
ok "C1 OSC and ST shown" wait_for "<U+009D>0;c1-title<U+009C>"
ok "RLO and PDF shown" wait_for "<U+202E>evil<U+202C>"
ok "isolates shown" wait_for "<U+2066>iso<U+2069>"
ok "DEL, BEL, BS shown" wait_for "DEL ^? and BEL ^G and BS ^H end."
tmux_keys / ; tmux_type "$(printf 'x\016\035y')"
ok "control characters typed in the prompt are not inserted" wait_for "/xy"
tmux_keys Escape
tmux_keys q
ok "q quits" wait_exit
tm pipe-pane -t "$TMUX_T"
ok "bytes were recorded" test -s "$TMP/bytes"

# Not one of the article's sequences is in what quoth wrote.
has() { LC_ALL=C grep -qF -- "$(printf "$1")" "$TMP/bytes"; }
for seq in '\033[6n' '\033[42;1337H' '\033]52' '\033]8;' '\033]0;' '\033P' '\033[5m' \
           '\302\233' '\302\235' '\302\234' '\302\205' '\342\200\256' '\342\200\254' '\342\201\246' '\342\201\251' '\177' '\007'; do
    ok "no raw $seq in the output" sh -c '! LC_ALL=C grep -qF -- "$(printf "$1")" "$2"' sh "$seq" "$TMP/bytes"
done
# ...while curses' own sequences are there (the recording is real).
ok "curses' own escape sequences are in the recording" has '\033['
ok "and the article's text around them" has 'OSC 52 clipboard: '
done_testing
