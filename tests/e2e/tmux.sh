# tmux.sh — run quoth in a private tmux server at a fixed size; sourced by the
# reader's end-to-end tests after tests/lib.sh:
#   tmux_start W H [ENV=VALUE...] -- COMMAND...   start COMMAND in a W x H pane
#   tmux_keys KEY...          send-keys (tmux key names: Enter Escape Tab BSpace ...)
#   tmux_type TEXT            send TEXT literally
#   tmux_screen               the pane as text (capture-pane -p)
#   wait_for TEXT [SECS]      poll the screen until it shows TEXT (fixed string)
#   wait_gone TEXT [SECS]     poll until TEXT is no longer on screen
#   wait_exit [SECS]          poll until the command has ended
#   status_line               the last line of the screen
#   tmux_resize W H           resize the window (the pane follows)
# The server uses its own socket (tmux -L quoth-$$-N) and dies with the test.
# Polls every 0.05 s; nothing sleeps for a fixed time.
command -v tmux >/dev/null 2>&1 || { echo "1..0 # tmux is required for the reader tests (apt-get install tmux)"; exit 1; }
TMUX_N=0
TMUX_SOCK="quoth-$$-0"
TMUX_T="$TMUX_SOCK:0"
unset TMUX TMUX_PANE
tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
tmux_cleanup() { tm kill-server 2>/dev/null; rm -rf "$TMP"; }
trap tmux_cleanup EXIT

tmux_start() {
    _ts_w=$1 _ts_h=$2; shift 2
    _ts_envs=""
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do _ts_envs="$_ts_envs $(printf '%s' "$1" | sed "s/'/'\\\\''/g; s/^/'/; s/\$/'/")"; shift; done
    [ "$1" = "--" ] && shift
    _ts_cmd=""
    for _ts_a in "$@"; do _ts_cmd="$_ts_cmd $(printf '%s' "$_ts_a" | sed "s/'/'\\\\''/g; s/^/'/; s/\$/'/")"; done
    # Each start gets a server of its own: a dying one cannot be reused.
    tm kill-server 2>/dev/null
    TMUX_N=$((TMUX_N + 1)); TMUX_SOCK="quoth-$$-$TMUX_N"; TMUX_T="$TMUX_SOCK:0"
    # The pane outlives quoth (its exit status shows, the screen stays).
    tm new-session -d -s "$TMUX_SOCK" -x "$_ts_w" -y "$_ts_h" \
        "env TERM=xterm-256color LC_ALL=C.UTF-8 XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' HOME='$HOME' $_ts_envs $_ts_cmd; echo \"[exit \$?]\"; sleep 600"
    tm set-option -t "$TMUX_SOCK" -g status off >/dev/null
    tm set-window-option -t "$TMUX_T" -g aggressive-resize off >/dev/null 2>&1
    tm resize-window -t "$TMUX_T" -x "$_ts_w" -y "$_ts_h" >/dev/null 2>&1
}

tmux_keys() { tm send-keys -t "$TMUX_T" "$@"; }
tmux_type() { tm send-keys -t "$TMUX_T" -l "$1"; }
tmux_screen() { tm capture-pane -p -t "$TMUX_T" 2>/dev/null; }
status_line() { tmux_screen | sed -n "${1:-\$}p"; }
tmux_resize() { tm resize-window -t "$TMUX_T" -x "$1" -y "$2"; }

# poll COND-COMMAND SECS: runs COND every 0.05 s until it succeeds or time is up.
# (Its variables start with _poll_: a test's own variables are safe.)
poll() {
    _poll_cond=$1
    # QUOTH_TIME_SCALE (5 under valgrind, set by lib.sh) stretches every wait.
    _poll_n=$((${2:-10} * 20 * ${QUOTH_TIME_SCALE:-1}))
    while [ "$_poll_n" -gt 0 ]; do
        if eval "$_poll_cond"; then return 0; fi
        sleep 0.05
        _poll_n=$((_poll_n - 1))
    done
    return 1
}

wait_for() {
    WAIT_TEXT=$1
    if poll 'tmux_screen | grep -qF -- "$WAIT_TEXT"' "${2:-10}"; then return 0; fi
    echo "# timed out waiting for: $1"; tmux_screen | sed 's/^/#   | /'
    return 1
}

wait_gone() {
    WAIT_TEXT=$1
    if poll '! tmux_screen | grep -qF -- "$WAIT_TEXT"' "${2:-10}"; then return 0; fi
    echo "# timed out waiting for this to go: $1"; tmux_screen | sed 's/^/#   | /'
    return 1
}

wait_exit() { wait_for "[exit " "${1:-10}"; }

# wait_settled [SECS]: waits until the screen has stopped changing (the same
# capture twice, a quarter second apart, stretched like every wait), for keys
# whose end state has no text of its own to wait for (a run of j).
wait_settled() {
    _settle_gap=$(awk -v s="${QUOTH_TIME_SCALE:-1}" 'BEGIN { print 0.25 * s }')
    _settle_prev=$(tmux_screen)
    poll 'sleep "$_settle_gap"; _settle_now=$(tmux_screen); [ "$_settle_now" = "$_settle_prev" ] || { _settle_prev=$_settle_now; false; }' "${1:-10}"
}

# The exit status shown after the command ended.
exit_status() { tmux_screen | sed -n 's/.*\[exit \([0-9]*\)\].*/\1/p' | tail -1; }
