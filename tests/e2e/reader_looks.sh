#!/bin/sh
# The reader's looks and index in tmux: the sidebar (shown at >= 100 columns,
# config sidebar/sidebar_side, Tab + j + Enter jumps to a quote), colour modes
# (256 colours, 8 colours, NO_COLOR, --no-color, the mono and light themes),
# and config / theme errors (exit 7, one message naming file and line).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"

ART="$TMP/two.txt"
printf '%s\n' \
    '“First words of the day,” said Anna Berg, the mayor of Oslo.' '' \
    'The council met on Monday.' '' \
    '“Second words of the night,” Anna Berg said.' > "$ART"
mkdir -p "$XDG_CONFIG_HOME/quoth"
CFG="$XDG_CONFIG_HOME/quoth/config.ini"

# start W H [ENV...] -- CMD...: tmux_start on a fresh server socket (a new
# session sent to a server that is still exiting dies with it).
STARTS=0
start() {
    tm kill-server 2>/dev/null
    STARTS=$((STARTS + 1))
    TMUX_SOCK="quoth-$$-$STARTS"
    TMUX_T="$TMUX_SOCK:0"
    tmux_start "$@"
}
# screen_e: the pane with its colours and attributes as escape sequences.
screen_e() { tm capture-pane -p -e -t "$TMUX_T"; }
# screen_has PATTERN: the coloured pane matches the grep pattern.
screen_has() { screen_e | grep -q -- "$1"; }

# --- sidebar: auto width rule, toggle, side ---------------------------------
start 120 20 -- "$QUOTH" "$ART"
ok "120 columns: the sidebar shows the Quotes section" wait_for "Quotes (2)"
ok "the sidebar lists the entity Oslo" wait_for "Oslo"
tmux_keys s
ok "s hides the sidebar" wait_gone "Quotes (2)"
tmux_keys s
ok "s shows it again" wait_for "Quotes (2)"
col=$(tmux_screen | grep -F "Quotes (2)" | head -1 | awk '{ print index($0, "- Quotes") }')
ok "on the right by default (column $col)" test "${col:-0}" -gt 60

start 90 20 -- "$QUOTH" "$ART"
ok "90 columns: article shown" wait_for "council met"
is "$(tmux_screen | grep -c 'Quotes (2)')" 0 "90 columns: no sidebar (auto needs 100)"

printf '[options]\nsidebar = on\nsidebar_side = left\nsidebar_width = 24\n' > "$CFG"
start 90 20 -- "$QUOTH" "$ART"
ok "sidebar = on: shown at 90 columns" wait_for "Quotes (2)"
first=$(tmux_screen | head -1)
case $first in "- "*) r=0 ;; *) r=1 ;; esac
ok "sidebar_side = left: the first line starts with a section title ($first)" test $r -eq 0

printf '[options]\nsidebar = off\n' > "$CFG"
start 140 20 -- "$QUOTH" "$ART"
ok "sidebar = off: article shown" wait_for "council met"
is "$(tmux_screen | grep -c 'Quotes (2)')" 0 "sidebar = off: hidden at 140 columns"
rm -f "$CFG"

# --- sidebar focus and Enter --------------------------------------------------
start 120 20 -- "$QUOTH" "$ART"
wait_for "Quotes (2)" >/dev/null
tmux_keys Tab
# j until the row of the second quote is the focused selection (colour 25
# is sidebar_focus's background in the default theme).
# Only the sidebar's part of each line (after the border) counts.
focused_second() { screen_e | sed 's/.*│//' | grep -F "Second words" | grep -q '48;5;25m'; }
presses=0
while [ $presses -lt 12 ] && ! poll focused_second 1; do tmux_keys j; presses=$((presses + 1)); done
ok "Tab then j reaches the second quote's row ($presses presses)" focused_second
tmux_keys Enter
ok "Enter on it jumps: the status line shows quote 2/2" wait_for "quote 2/2"

# --- colour modes ---------------------------------------------------------------
start 120 20 -- "$QUOTH" "$ART"
wait_for "Quotes (2)" >/dev/null
screen_e > "$TMP/c256"
ok "256 colours: the sidebar's background colour 236 is used" grep -q '48;5;236m' "$TMP/c256"

start 120 20 NO_COLOR=1 -- "$QUOTH" "$ART"
wait_for "Quotes (2)" >/dev/null
screen_e > "$TMP/nocolor"
is "$(grep -c '38;5;\|48;5;\|\[3[0-7]m\|\[4[0-7]m\|\[3[0-7];\|\[4[0-7];' "$TMP/nocolor")" 0 "NO_COLOR: no colour at all"
ok "NO_COLOR: attributes still used (reverse status line)" grep -q '\[7m\|;7m\|;7;' "$TMP/nocolor"

start 120 20 NO_COLOR= -- "$QUOTH" "$ART"
wait_for "Quotes (2)" >/dev/null
ok "NO_COLOR set but empty: colours" screen_has '48;5;'

start 120 20 -- "$QUOTH" --no-color "$ART"
wait_for "Quotes (2)" >/dev/null
is "$(screen_e | grep -c '38;5;\|48;5;')" 0 "--no-color: no colour"

start 120 20 -- "$QUOTH" --theme mono "$ART"
wait_for "Quotes (2)" >/dev/null
is "$(screen_e | grep -c '38;5;\|48;5;')" 0 "--theme mono: no colour on a colour terminal"

start 120 20 -- "$QUOTH" --theme light "$ART"
wait_for "Quotes (2)" >/dev/null
ok "--theme light: its sidebar background (255)" screen_has '48;5;255m'

start 120 20 TERM=xterm -- "$QUOTH" "$ART"
wait_for "Quotes (2)" >/dev/null
screen_e > "$TMP/c8"
is "$(grep -c '38;5;\|48;5;' "$TMP/c8")" 0 "TERM=xterm: no 256-colour sequences"
ok "TERM=xterm: still in colour (8 colours)" grep -q '\[3[0-7]m\|\[4[0-7]m\|;3[0-7]m\|;4[0-7]m\|\[3[0-7];\|\[4[0-7];' "$TMP/c8"

printf '[options]\ncolor = never\n' > "$CFG"
start 120 20 -- "$QUOTH" "$ART"
wait_for "Quotes (2)" >/dev/null
is "$(screen_e | grep -c '38;5;\|48;5;')" 0 "config color = never: no colour"
rm -f "$CFG"

# A user theme from $XDG_CONFIG_HOME/quoth/themes, partial: one role changed.
mkdir -p "$XDG_CONFIG_HOME/quoth/themes"
printf '[color]\nsidebar = color250 color52\n' > "$XDG_CONFIG_HOME/quoth/themes/red.ini"
start 120 20 -- "$QUOTH" --theme red "$ART"
wait_for "Quotes (2)" >/dev/null
ok "a user theme by name: its sidebar background (52)" screen_has '48;5;52m'

# --- errors: before the screen is touched, exit 7, file and line ---------------
printf '[options]\ntext_width = 72\nsidebar_wdth = 30\n' > "$TMP/bad.ini"
out=$("$QUOTH" --config "$TMP/bad.ini" "$ART" 2>&1 </dev/null); rc=$?
is "$rc" 7 "unknown option: exit 7"
is "$out" "quoth: $TMP/bad.ini:3: unknown option 'sidebar_wdth' in [options] (one of: text_width sidebar sidebar_side sidebar_width theme mouse color)" "unknown option: the message names the line"

printf '[keys]\nnext_quote = "]"\nfly = "f"\n' > "$TMP/bad.ini"
out=$("$QUOTH" --config "$TMP/bad.ini" "$ART" 2>&1 </dev/null); rc=$?
is "$rc" 7 "unknown action: exit 7"
case $out in "quoth: $TMP/bad.ini:3: unknown action"*) r=0 ;; *) r=1 ;; esac
ok "unknown action: file and line ($out)" test $r -eq 0

printf '[options]\nmouse\n' > "$TMP/bad.ini"
out=$("$QUOTH" --config "$TMP/bad.ini" "$ART" 2>&1 </dev/null); rc=$?
is "$rc" 7 "syntax error: exit 7"
case $out in "quoth: $TMP/bad.ini:2: syntax error"*) r=0 ;; *) r=1 ;; esac
ok "syntax error: file and line ($out)" test $r -eq 0

printf '[color]\ntext = default\nquote = purple-ish\n' > "$TMP/badtheme.ini"
out=$("$QUOTH" --theme "$TMP/badtheme.ini" "$ART" 2>&1 </dev/null); rc=$?
is "$rc" 7 "bad theme file: exit 7"
is "$out" "quoth: $TMP/badtheme.ini:3: unknown colour or attribute 'purple-ish' for quote" "bad theme: the message names the line"

out=$("$QUOTH" --theme nosuch "$ART" 2>&1 </dev/null); rc=$?
is "$rc" 7 "unknown theme: exit 7"
case $out in "quoth: theme 'nosuch' not found"*) r=0 ;; *) r=1 ;; esac
ok "unknown theme: says so ($out)" test $r -eq 0

out=$("$QUOTH" --config "$TMP/none.ini" "$ART" 2>&1 </dev/null); rc=$?
is "$rc" 7 "--config to a missing file: exit 7"

done_testing
