#!/bin/sh
# Notes in the reader, in tmux: a on a quote (UTF-8 and wide characters in
# the editor), quit and reopen (marker, underline, note panel), the sidebar's
# Notes section, a selection note (v, arrows, o), edit, delete with y/n,
# export (E) and --notes / --export-notes, a SIGKILL right after a save, a
# save refused by a held lock (said, text kept, retried), another program's
# note appearing, an orphan in the sidebar, quoth - (stdin),
# a corrupt database and a read-only one (runuser).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/e2e/tmux.sh"
# The default export path is ./ARTICLE.notes.md: keep it in the test's folder.
cd "$TMP" || exit 1
ART=art.txt
cat > "$ART" <<'EOF'
date 2026-02-01 The transport minister spoke in Bergen on Monday.

“We will build the bridge by spring,” said Anna Berg, the transport minister. She added that the money was already set aside.

Critics were unconvinced. “This is a fantasy,” said Olaf Lund, who leads the opposition in the city council.

“The tunnel costs less and floods less,” Lund said.
EOF
# Enough text after the quotes that G leaves them off screen.
i=1; while [ $i -le 40 ]; do printf '\nBackground paragraph %d on the ferry timetable.\n' $i >> "$ART"; i=$((i + 1)); done
notes() { "$QUOTH" --notes "$ART"; }
has_note() { notes | grep -qF -- "$1"; }
# underlined TEXT: the screen line holding TEXT has underlined characters.
UL=$(printf '\033[4m')
underlined() { tm capture-pane -e -p -t "$TMUX_T" | grep -F -- "$1" | grep -qF -- "$UL"; }
# The pid of quoth in the pane (the pane's shell runs it as its child).
quoth_pid() { pgrep -P "$(tm list-panes -t "$TMUX_T" -F '#{pane_pid}')" | head -1; }

# --- a note on the current quote, typed with wide characters and edited ---
tmux_start 100 24 -- "$QUOTH" "$ART"
ok "the reader starts on quote 1" wait_for "quote 1/3 · Anna Berg"
tmux_keys a
ok "a opens the note editor" wait_for "Note:"
ok "the panel names the passage" wait_for "new note on “We will build the bridge by spring,”"
tmux_type "bridge 橋橋!"
tmux_keys Left BSpace End
tmux_type " ok"
ok "Left and Backspace remove one wide character" wait_for "Note: bridge 橋! ok"
tmux_keys Enter
ok "Enter saves: 'note saved'" wait_for "note saved"
ok "--notes lists it with the quote and the speaker" \
    sh -c "'$QUOTH' --notes '$ART' | grep -F 'Anna Berg:' | grep -F '“We will build the bridge by spring,”' | grep -qF 'bridge 橋! ok'"
tmux_keys Escape a
ok "a on a quote with a note edits it" wait_for "Edit note: bridge 橋! ok"
tmux_keys Escape
ok "Esc cancels the edit" wait_for "edit cancelled"
tmux_keys q
ok "q quits" wait_exit

# --- reopen: marker, highlight, panel, sidebar ---
tmux_start 100 24 -- "$QUOTH" "$ART"
ok "reopened: the note is in the panel" wait_for "1/1 Anna Berg: bridge 橋! ok"
ok "a marker in the margin" sh -c "tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_T' | grep -q '✎“We will build'"
# capture-pane -e keeps the attributes: the annotated passage is underlined.
ok "the annotated passage is underlined" underlined "We will build"
ok "the text without a note is not" sh -c "! tmux -L '$TMUX_SOCK' capture-pane -e -p -t '$TMUX_T' | grep -F 'Critics were' | grep -qF '$UL'"
tmux_keys G
ok "G: the quote and its note scroll away" wait_for "1 note, none on this screen"
tmux_keys Tab G
ok "the sidebar's Notes section lists the note" wait_for "Notes (1)"
tmux_keys Enter
ok "Enter on the note jumps back to it" wait_for "1/1 Anna Berg: bridge 橋! ok"
ok "... and the passage is on screen" wait_for "✎“We will build"
tmux_keys Tab

# --- a selection note: v, Right, o; edit; delete with confirmation ---
tmux_keys ']'
ok "] to quote 2" wait_for "quote 2/3 · Olaf Lund"
tmux_keys v
ok "v selects the first word of the quote" wait_for "selection “This”"
tmux_keys Escape
ok "Esc cancels the selection" wait_for "selection cancelled"
tmux_keys v Right Right Right
ok "Right extends it by words" wait_for "selection “This is a fantasy”"
tmux_keys o Right
ok "o and Right move the other end" wait_for "selection “is a fantasy”"
tmux_keys a
ok "a annotates the selection" wait_for "new note on “is a fantasy”"
tmux_type "sceptic"
tmux_keys Enter
ok "the selection note is saved" wait_for "note saved"
ok "--notes: the selected passage exactly, with the quote's speaker" \
    sh -c "'$QUOTH' --notes '$ART' | grep -F '“is a fantasy”' | grep -F 'Olaf Lund' | grep -qF -- '— sceptic'"
ok "the panel shows it" wait_for "2/2 Olaf Lund: sceptic"
tmux_keys e
ok "e edits the note under the cursor" wait_for "Edit note: sceptic"
tmux_keys C-u
tmux_type "very sceptic"
tmux_keys Enter
ok "the edit is saved" wait_for "note updated"
ok "--notes shows the edit" has_note "— very sceptic"
tmux_keys x
ok "x asks first" wait_for "delete the note “very sceptic”? (y/n)"
tmux_keys n
ok "n keeps it" wait_for "the note is kept"
ok "... still in --notes" has_note "very sceptic"
tmux_keys x
wait_for "(y/n)" >/dev/null
tmux_keys y
ok "y deletes it" wait_for "note deleted"
ok "... gone from --notes" sh -c "! '$QUOTH' --notes '$ART' | grep -qF sceptic"
ok "... the other note stays" has_note "bridge 橋! ok"

# --- export ---
tmux_keys E
ok "E proposes ./art.notes.md" wait_for "Export notes to: ./art.notes.md"
tmux_keys Enter
ok "the status line says where it went" wait_for "exported 1 note to ./art.notes.md"
ok "the file is the Markdown of --export-notes" sh -c "'$QUOTH' --export-notes '$ART' | cmp -s - '$TMP/art.notes.md'"
ok "... with the passage and the note" sh -c "grep -qF '> We will build the bridge by spring,' '$TMP/art.notes.md' && grep -qF 'bridge 橋! ok' '$TMP/art.notes.md'"
tmux_keys E Enter
ok "an existing file: overwrite? (y/n)" wait_for "art.notes.md exists: overwrite it? (y/n)"
tmux_keys n
ok "n: not exported" wait_for "not exported"
tmux_keys E C-u
tmux_type "$TMP/no-such-folder/x.md"
tmux_keys Enter
ok "an export that fails says so" wait_for "cannot export the notes to"
tmux_keys h
ok "help lists the note keys" wait_for "add a note to the current quote"
tmux_keys q q
ok "quit" wait_exit

# --- SIGKILL right after a save ---
tmux_start 100 24 -- "$QUOTH" "$ART"
wait_for "quote 1/3" >/dev/null
tmux_keys ']' ']'
ok "] ] to quote 3" wait_for "quote 3/3"
tmux_keys a
tmux_type "saved before the kill"
tmux_keys Enter
ok "saved" wait_for "note saved"
pid=$(quoth_pid)
ok "found the reader's pid ($pid)" test -n "$pid"
kill -9 "$pid"
ok "killed with SIGKILL" wait_for "[exit 137]"
ok "the note survived the kill" has_note "saved before the kill"

# --- a save that fails (another program holds the lock): said, text kept ---
if command -v python3 >/dev/null 2>&1 && python3 -c 'import sqlite3' 2>/dev/null; then
    tmux_start 100 24 -- "$QUOTH" "$ART"
    wait_for "quote 1/3" >/dev/null
    python3 - "$XDG_DATA_HOME/quoth/notes.db" "$TMP/locked" "$TMP/unlock" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
db.execute("ROLLBACK")
PY
    locker=$!
    ok "another program holds the write lock" poll 'test -f "$TMP/locked"' 10
    tmux_keys ']'
    wait_for "quote 2/3" >/dev/null
    tmux_keys a
    tmux_type "held up"
    tmux_keys Enter
    ok "locked: NOT SAVED, and why" wait_for "NOT SAVED (Enter retries, Esc discards): cannot save the note: the notes database is locked"
    ok "locked: the typed text stays in the editor" wait_for "Note: held up"
    ok "locked: nothing was saved" sh -c "! '$QUOTH' --notes '$ART' | grep -qF 'held up'"
    touch "$TMP/unlock"; wait "$locker"
    tmux_keys Enter
    ok "unlocked: Enter retries and saves" wait_for "note saved"
    ok "unlocked: in --notes" has_note "held up"
    # Another reader deletes the note being edited: the text is not lost.
    tmux_keys e
    wait_for "Edit note: held up" >/dev/null
    tmux_keys C-u
    tmux_type "edited after all"
    python3 -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("DELETE FROM notes WHERE body = ?", ("held up",)); db.commit()' \
        "$XDG_DATA_HOME/quoth/notes.db"
    tmux_keys Enter
    ok "deleted meanwhile: said, and the text stays" wait_for "deleted by another reader; Enter saves this text as a new note"
    ok "... in the editor" wait_for "Note: edited after all"
    tmux_keys Enter
    ok "... Enter saves it as a new note" wait_for "note saved"
    ok "... on the same passage" sh -c "'$QUOTH' --notes '$ART' | grep -F '“This is a fantasy,”' | grep -qF 'edited after all'"
    tmux_keys q
    wait_exit >/dev/null
else
    TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP a held lock: needs python3 with sqlite3"
fi

# --- another program's note shows up without a restart ---
WRITER="$TOP_BUILDDIR/tests/unit/notes_writer"
if [ -x "$WRITER" ]; then
    tmux_start 100 24 -- "$QUOTH" "$ART"
    wait_for "quote 1/3" >/dev/null
    ok "another program adds a note" sh -c "'$WRITER' '$ART' 'already set aside' 'from elsewhere' >/dev/null"
    tmux_keys j k
    ok "the reader marks it after the next key" wait_for "✎transport minister. She added"
    tmux_keys q
    wait_exit >/dev/null
else
    TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP another writer: no $WRITER"
fi

# --- an orphan: marked in the sidebar, Enter says so, x deletes it there ---
sed '1s/Monday/Tuesday/' "$ART" > art2.txt
tmux_start 100 24 -- "$QUOTH" art2.txt
wait_for "quote 1/3" >/dev/null
tmux_keys a
tmux_type "will be orphaned"
tmux_keys Enter
ok "a note on art2.txt" wait_for "note saved"
tmux_keys q
wait_exit >/dev/null
sed -i 's/We will build the bridge by spring/Nothing is decided yet/' art2.txt
tmux_start 100 24 -- "$QUOTH" art2.txt
wait_for "quote 1/3" >/dev/null
tmux_keys Tab G
ok "the sidebar marks the orphan" wait_for "(orphan) will be orphaned"
tmux_keys Enter
ok "Enter on it: the passage is gone" wait_for "no longer in the article"
ok "the panel shows the orphan's note" wait_for "(orphan: passage gone) Anna Berg: will be orphaned"
tmux_keys x
ok "x on the sidebar's note asks" wait_for "delete the note “will be orphaned”? (y/n)"
tmux_keys y
ok "y deletes the orphan" wait_for "note deleted"
ok "... gone from --notes" sh -c "! '$QUOTH' --notes art2.txt | grep -qF orphaned"
tmux_keys q
wait_exit >/dev/null

# --- quoth - : the article is known by its fingerprint ---
tmux_start 100 24 -- sh -c 'cat "$1" | "$2" -' sh "$TMP/$ART" "$QUOTH"
ok "quoth - reads the pipe and shows the notes" wait_for "Anna Berg: bridge 橋! ok"
tmux_keys ']' ']' v Right a
tmux_type "from a pipe"
tmux_keys Enter
ok "a note from stdin is saved" wait_for "note saved"
tmux_keys q
wait_exit >/dev/null
ok "--notes - < FILE lists it" sh -c "'$QUOTH' --notes - < '$TMP/$ART' | grep -qF 'from a pipe'"
ok "--notes FILE too (same text)" has_note "from a pipe"

# --- a corrupt database: one message, the article readable, the file untouched ---
mkdir -p "$TMP/bad/quoth"
i=0; while [ $i -lt 200 ]; do echo "this is not a database"; i=$((i + 1)); done > "$TMP/bad/quoth/notes.db"
cp "$TMP/bad/quoth/notes.db" "$TMP/garbage"
tmux_start 100 24 XDG_DATA_HOME="$TMP/bad" -- "$QUOTH" "$ART"
ok "corrupt: notes unavailable on the status line" wait_for "notes unavailable: cannot"
ok "corrupt: the article is shown" wait_for "We will build the bridge"
tmux_keys ']'
ok "corrupt: the reader still works" wait_for "quote 2/3"
tmux_keys a
ok "corrupt: a says why it cannot" wait_for "notes unavailable: cannot"
ok "corrupt: the file is untouched" cmp -s "$TMP/garbage" "$TMP/bad/quoth/notes.db"
tmux_keys q
wait_exit >/dev/null

# --- a read-only data folder (root ignores permissions: run as nobody) ---
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1 && runuser -u nobody -- true 2>/dev/null; then
    mkdir -p "$TMP/ro/quoth"
    cp "$XDG_DATA_HOME/quoth/notes.db" "$TMP/ro/quoth/"
    for f in "$XDG_DATA_HOME"/quoth/notes.db-wal; do [ -f "$f" ] && cp "$f" "$TMP/ro/quoth/"; done
    chmod 755 "$TMP" "$TMP/ro" "$TMP/ro/quoth"; chmod 644 "$TMP/ro/quoth"/* "$TMP/$ART"
    tmux_start 100 24 XDG_DATA_HOME="$TMP/ro" -- runuser -u nobody -- "$QUOTH" "$ART"
    ok "read-only: says so" wait_for "notes are read-only"
    ok "read-only: the notes are still shown" wait_for "Anna Berg: bridge 橋! ok"
    tmux_keys a
    ok "read-only: a says the notes are read-only" wait_for "notes are read-only"
    tmux_keys ']'
    ok "read-only: the reader still works" wait_for "quote 2/3"
    tmux_keys q
    wait_exit >/dev/null
    # No database at all in a folder nobody may write: unavailable, readable.
    mkdir -p "$TMP/ro2"; chmod 755 "$TMP/ro2"
    tmux_start 100 24 XDG_DATA_HOME="$TMP/ro2" -- runuser -u nobody -- "$QUOTH" "$ART"
    ok "no folder to write in: notes unavailable" wait_for "notes unavailable: cannot create the folder"
    ok "... the article is shown" wait_for "We will build the bridge"
    tmux_keys q
    wait_exit >/dev/null
else
    TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP read-only folder: needs root and runuser"
fi

done_testing
