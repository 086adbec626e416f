#!/bin/sh
# Colour modes, checked on the bytes quoth writes (tmux pipe-pane):
# 256 colours by default on xterm-256color; 8 colours on xterm; attributes
# only with --no-color, NO_COLOR (set and non-empty) and config color = never.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
ART="$TOP_SRCDIR/tests/corpus/kallas-nato.txt"
E=$(printf '\033')

# record [ENV=VALUE...] -- [OPTION...]: runs the reader, jumps to a quote,
# quits; the bytes written are in $TMP/bytes.
record() {
    envs=""
    while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
    shift
    rm -f "$TMP/go" "$TMP/bytes"
    # shellcheck disable=SC2086
    tmux_start 80 24 $envs -- sh -c 'while [ ! -e "$1" ]; do sleep 0.05; done; shift; exec "$@"' \
        sh "$TMP/go" "$QUOTH" "$@" "$ART"
    tm pipe-pane -o -t "$TMUX_T" "cat >> '$TMP/bytes'"
    touch "$TMP/go"
    wait_for "kallas-nato.txt" || return 1
    tmux_keys ']' ']' q
    wait_exit || return 1
    tm pipe-pane -t "$TMUX_T"
}
has() { LC_ALL=C grep -qE -- "$1" "$TMP/bytes"; }
# lacks RE: bytes were recorded and none match RE.
lacks() { test -s "$TMP/bytes" && ! LC_ALL=C grep -qE -- "$1" "$TMP/bytes"; }
C256="$E\\[[0-9;]*[34]8;5;"             # 256-colour foreground/background
C8="$E\\[([0-9;]*;)?[34][0-7]m"          # 8-colour setaf/setab
REV="$E\\[([0-9;]*;)?7m"                 # reverse video (status line in mono)

ok "runs: --" record --
ok "xterm-256color: 256-colour sequences" has "$C256"
ok "runs: TERM=xterm --" record TERM=xterm --
ok "xterm (8 colours): no 256-colour sequence" lacks "$C256"
ok "xterm: 8-colour sequences" has "$C8"
ok "runs: -- --no-color" record -- --no-color
ok "--no-color: no 256-colour sequence" lacks "$C256"
ok "--no-color: no 8-colour sequence" lacks "$C8"
ok "--no-color: attributes instead (reverse status line)" has "$REV"
ok "runs: NO_COLOR=1 --" record NO_COLOR=1 --
ok "NO_COLOR=1: no colour" lacks "$C256|$C8"
ok "NO_COLOR=1: attributes" has "$REV"
ok "runs: NO_COLOR= --" record NO_COLOR= --
ok "NO_COLOR set but empty: colours" has "$C256"
mkdir -p "$XDG_CONFIG_HOME/quoth"
printf '[options]\ncolor = never\n' > "$XDG_CONFIG_HOME/quoth/config.ini"
ok "runs: --" record --
ok "config color = never: no colour" lacks "$C256|$C8"
rm "$XDG_CONFIG_HOME/quoth/config.ini"
ok "runs: --theme themes/mono.ini" record -- --theme "$TOP_SRCDIR/themes/mono.ini"
ok "--theme mono: no colour" lacks "$C256|$C8"
"$QUOTH" --theme no-such-theme "$ART" </dev/null >/dev/null 2>"$TMP/err"
is "$?" "7" "an unknown theme: EXIT_CONFIG"
ok "with a message: $(cat "$TMP/err")" grep -q "no-such-theme" "$TMP/err"
done_testing
