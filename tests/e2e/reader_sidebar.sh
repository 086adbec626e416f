#!/bin/sh
# The reader with the sidebar (120 columns): Tab focus, Enter on a speaker
# sets the speaker filter that ] and [ follow, Esc clears it; opt-in mouse:
# the wheel scrolls, a click on a sidebar entry jumps.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
ART="$TOP_SRCDIR/tests/corpus/kallas-nato.txt"
"$QUOTH" --json "$ART" | sed -n '/"quotes": *\[/,/^ *\]/p' > "$TMP/q.json"
speakers() { sed -n 's/.*"speaker":"\([^"]*\)".*/\1/p' "$TMP/q.json"; }
TOPSPK=$(speakers | sort | uniq -c | sort -k1,1nr -s | head -1 | sed 's/^ *[0-9]* //')
NTOP=$(speakers | grep -cxF "$TOPSPK")
ok "the article has a most quoted speaker: $TOPSPK ($NTOP quotes)" test "$NTOP" -ge 2
st() { tmux_screen | tail -1; }

tmux_start 120 30 -- "$QUOTH" "$ART"
ok "the reader starts with the sidebar" wait_for "Speakers ("
tmux_keys Tab g j Enter
ok "Enter on the first speaker sets the filter" wait_for "filter: $TOPSPK"
ok "and jumps to their first quote" sh -c "tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_T' | tail -1 | grep -qF '· $TOPSPK'"
seen=1 other=0 n=0
while [ $n -lt $((NTOP + 2)) ]; do
    before=$(st)
    tmux_keys ']'
    poll '[ "$(st)" != "$before" ]' 2 || break
    case "$(st)" in *"no later quote"*) break ;; esac
    case "$(st)" in *"· $TOPSPK"*) seen=$((seen + 1)) ;; *) other=$((other + 1)) ;; esac
    n=$((n + 1))
done
ok "] follows the filter: only $TOPSPK's quotes" test "$other" -eq 0
ok "at the end: no later quote by $TOPSPK" wait_for "no later quote by $TOPSPK"
is "$seen" "$NTOP" "] visited all $NTOP of them"
tmux_keys '['
ok "[ goes back within the filter" wait_for "· $TOPSPK"
tmux_keys Escape
ok "Esc clears the filter" wait_for "filter cleared"
ok "the filter is gone from the status line" wait_gone "filter: "
tmux_keys s Tab
ok "Tab with the sidebar hidden says so" wait_for "sidebar is hidden"
tmux_keys q
ok "q quits" wait_exit

# Mouse, opt-in.
mkdir -p "$XDG_CONFIG_HOME/quoth"
printf '[options]\nmouse = true\n' > "$XDG_CONFIG_HOME/quoth/config.ini"
tmux_start 120 30 -- "$QUOTH" "$ART"
ok "the reader starts with mouse = true" wait_for "Speakers ("
top=$(tmux_screen | head -1)
# An xterm SGR wheel-down report at column 10, row 5.
tmux_type "$(printf '\033[<65;10;5M')"
ok "the wheel scrolls the article" poll '[ "$(tmux_screen | head -1)" != "$top" ]' 5
# Click the sidebar row of the last quote (its excerpt as the sidebar shows it).
last=$(grep -c '^ *{"id":' "$TMP/q.json")
row=$(tmux_screen | grep -n "│ *Putin will love" | head -1 | cut -d: -f1)
col=$(tmux_screen | sed -n "${row:-1}p" | awk '{ print index($0, "Putin") }')
if [ -n "$row" ] && [ "${col:-0}" -gt 0 ]; then
    # columns in the capture are characters; the line-drawing chars before are 1 column each
    tmux_type "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' 100 "$row" 100 "$row")"
    ok "a click on a sidebar entry jumps to that quote" wait_for "quote $last/$last"
else
    ok "the sidebar lists the last quote" false
fi
tmux_keys q
ok "q quits" wait_exit
done_testing
