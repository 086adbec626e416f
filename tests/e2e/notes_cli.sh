#!/bin/sh
# notes_cli.sh — the notes command line: --notes, --export-notes (md, json),
# --list-annotated, re-anchoring after the article changed, orphans, and the
# bad states (corrupt database, read-only folder). Notes are added by
# tests/unit/notes_writer (the reader's keys come in a later phase).
. "$TOP_SRCDIR/tests/lib.sh"
WRITER="$TOP_BUILDDIR/tests/unit/notes_writer"
DB="$XDG_DATA_HOME/quoth/notes.db"
A="$TMP/kallas.txt"
cp "$TOP_SRCDIR/tests/corpus/kallas-nato.txt" "$A"
Q1='Let me be clear: we want strong transatlantic ties.'
Q2='structural, not temporary'

# --- before any note ---------------------------------------------------------
out=$("$QUOTH" --notes "$A"); rc=$?
is "$rc" 0 "--notes without a database: exit 0"
is "$out" "$A: no notes" "--notes without a database: says so"
ok "listing did not create the database" test ! -e "$DB"
out=$("$QUOTH" --list-annotated 2>/dev/null); rc=$?
is "$rc:$out" "0:" "--list-annotated without a database: nothing, exit 0"

# --- add notes, list them ----------------------------------------------------
id1=$("$WRITER" "$A" "$Q1" "the key line" "Kaja Kallas")
id2=$("$WRITER" "$A" "$Q2" "$(printf 'two\nlines \033[31mred')")
ok "two notes added" test -n "$id1" -a -n "$id2"
ok "the database exists now" test -s "$DB"
out=$("$QUOTH" --notes "$A"); rc=$?
is "$rc" 0 "--notes: exit 0"
is "$(printf '%s\n' "$out" | head -n 1)" "$A: 2 notes" "--notes: a summary line"
ok "--notes: the first note with position, speaker, passage, note" \
    sh -c 'printf "%s\n" "$1" | grep -q "^#$2  line 3, [0-9]*-[0-9]*  Kaja Kallas:  “Let me be clear.*”  — the key line$"' _ "$out" "$id1"
ok "--notes: newline and escape in a note are made visible" \
    sh -c 'printf "%s\n" "$1" | grep -q "— two⏎lines ^\[\[31mred$"' _ "$out"
ok "--notes: no raw escape reaches the terminal" sh -c '! printf "%s" "$1" | grep -q "$(printf "\033")"' _ "$out"

# --- export ------------------------------------------------------------------
md=$("$QUOTH" --export-notes "$A"); rc=$?
is "$rc" 0 "--export-notes: exit 0"
is "$(printf '%s\n' "$md" | head -n 1)" "# Notes on kallas.txt" "Markdown: a heading with the article"
ok "Markdown: the passage as a block quote with its speaker, then the note" \
    sh -c 'printf "%s\n" "$1" | grep -A4 "^> $2" | tr "\n" "|" | grep -q "^> $2|>|> — Kaja Kallas||the key line|"' _ "$md" "$Q1"
is "$("$QUOTH" --export-notes "$A" --format md)" "$md" "--format md is the default"
"$QUOTH" --export-notes "$A" --format json > "$TMP/notes.json"; rc=$?
is "$rc" 0 "--format json: exit 0"
if command -v python3 >/dev/null 2>&1; then
    check_json() {
        python3 - "$TMP/notes.json" "$A" "$1" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read()
want_orphans = int(sys.argv[3])
assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
items = doc["first"]["items"]
assert len(items) == doc["total"] == 2, len(items)
orphans = 0
for a in items:
    assert a["type"] == "Annotation" and a["body"]["type"] == "TextualBody"
    q, p = a["target"]["selector"]
    assert q["type"] == "TextQuoteSelector" and p["type"] == "TextPositionSelector"
    assert a["target"]["source"].startswith("file:///") and a["target"]["source"].endswith("/kallas.txt")
    if a["orphan"]:
        orphans += 1
        continue
    # code point offsets index the text, and prefix/suffix surround it
    assert text[p["start"]:p["end"]] == q["exact"], (text[p["start"]:p["end"]], q["exact"])
    assert text[:p["start"]].endswith(q["prefix"]) and text[p["end"]:].startswith(q["suffix"])
    assert len(q["prefix"]) == 32 and len(q["suffix"]) == 32
assert orphans == want_orphans, orphans
bodies = sorted(a["body"]["value"] for a in items)
assert bodies == ["the key line", "two\nlines \x1b[31mred"], bodies
EOF
    }
    ok "JSON: W3C shape, selectors index the text in code points, bodies intact" check_json 0
else
    ok "# SKIP python3 missing" true
fi
ok "JSON: the escape is escaped" sh -c '! grep -q "$(printf "\033")" "$1"' _ "$TMP/notes.json"

# --- the article changes: re-anchoring and an orphan --------------------------
sed -e 's/Speaking at a defence conference/Speaking at a defense conference/' \
    -e 's/structural, not temporary/lasting/' "$A" > "$TMP/new" && mv "$TMP/new" "$A"
out=$("$QUOTH" --notes "$A"); rc=$?
is "$rc" 0 "changed article: exit 0"
is "$(printf '%s\n' "$out" | head -n 1)" "$A: 2 notes (1 orphaned)" "changed article: one orphan, none dropped"
ok "changed article: the surviving note re-anchored" \
    sh -c 'printf "%s\n" "$1" | grep -q "^#$2  line 3, [0-9]*-[0-9]* (re-anchored)  Kaja Kallas:"' _ "$out" "$id1"
ok "changed article: the orphan is marked" \
    sh -c 'printf "%s\n" "$1" | grep -q "^#$2  ORPHAN (was at [0-9]*-[0-9]*)  “structural, not temporary”"' _ "$out" "$id2"
out=$("$QUOTH" --notes "$A")
ok "saved back: the next listing is exact" sh -c '! printf "%s\n" "$1" | grep -q "re-anchored"' _ "$out"
md=$("$QUOTH" --export-notes "$A")
ok "Markdown: orphans in their own section" \
    sh -c 'printf "%s\n" "$1" | sed -n "/^## Orphaned notes/,\$p" | grep -q "^> structural, not temporary"' _ "$md"
"$QUOTH" --export-notes "$A" --format json > "$TMP/notes.json"
if command -v python3 >/dev/null 2>&1; then
    ok "JSON after the change: one orphan, the other still indexes the new text" check_json 1
fi

# --- every annotated article ---------------------------------------------------
B="$TMP/other.txt"
printf 'Rutte said: “We will defend every inch of allied territory.”\n' > "$B"
"$WRITER" "$B" "We will defend every inch" "b's note" "Mark Rutte" >/dev/null
out=$("$QUOTH" --list-annotated); rc=$?
is "$rc" 0 "--list-annotated: exit 0"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 2 "--list-annotated: two articles"
ok "--list-annotated: latest first, with path and count" \
    sh -c 'printf "%s\n" "$1" | head -n 1 | grep -q "^....-..-..T..:..:..Z    1 note   $2  fnv1a64:"' _ "$out" "$B"
ok "--list-annotated: the first article's two notes" \
    sh -c 'printf "%s\n" "$1" | grep -q "  2 notes  $2  fnv1a64:"' _ "$out" "$A"

# --- usage errors ----------------------------------------------------------------
"$QUOTH" --export-notes "$A" --format xml >/dev/null 2>&1
is "$?" 2 "--format xml: usage error"
"$QUOTH" --notes "$A" --format json >/dev/null 2>&1
is "$?" 2 "--format without --export-notes: usage error"
"$QUOTH" --list-annotated "$A" >/dev/null 2>&1
is "$?" 2 "--list-annotated FILE: usage error"
"$QUOTH" --notes >/dev/null 2>&1
is "$?" 2 "--notes without FILE: usage error"
"$QUOTH" --notes "$TMP/missing.txt" >/dev/null 2>&1
is "$?" 3 "--notes on a missing file: exit 3"

# --- bad states ------------------------------------------------------------------
cp "$DB" "$TMP/good.db"
rm -f "$DB-wal" "$DB-shm"
printf 'this is not a database at all, it is garbage that somebody wrote here\n%.0s' 1 2 3 4 5 6 > "$DB"
err=$("$QUOTH" --notes "$A" 2>&1 >/dev/null); rc=$?
is "$rc" 5 "corrupt database: exit 5 (EXIT_NOTES)"
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "corrupt database: one line"
ok "corrupt database: the message names the file and the problem" \
    sh -c 'printf "%s" "$1" | grep -q "^quoth: .*damaged or not a quoth notes database.*$2"' _ "$err" "$DB"
"$QUOTH" --export-notes "$A" >/dev/null 2>&1
is "$?" 5 "corrupt database: --export-notes exit 5"
"$QUOTH" --list-annotated >/dev/null 2>&1
is "$?" 5 "corrupt database: --list-annotated exit 5"
"$WRITER" "$A" "$Q1" "x" >/dev/null 2>&1
is "$?" 5 "corrupt database: adding fails with EXIT_NOTES"
ok "corrupt database: left as it was" grep -q "^this is not a database" "$DB"
cp "$TMP/good.db" "$DB"

# A read-only data folder: root ignores permissions, so run as nobody.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
    AS_USER="setpriv --reuid=65534 --regid=65534 --clear-groups"
elif [ "$(id -u)" != 0 ]; then
    AS_USER=""
else
    AS_USER=none
fi
if [ "$AS_USER" != none ]; then
    chmod 755 "$TMP" "$XDG_DATA_HOME" "$HOME"
    chmod 644 "$A" "$DB"
    chmod 555 "$XDG_DATA_HOME/quoth"
    err=$($AS_USER "$WRITER" "$A" "$Q1" "must fail" 2>&1 >/dev/null); rc=$?
    is "$rc" 5 "read-only folder: adding a note fails with EXIT_NOTES"
    ok "read-only folder: a clear one-line message" sh -c 'printf "%s" "$1" | grep -q "^quoth: .*read-only"' _ "$err"
    out=$($AS_USER "$QUOTH" --notes "$A" 2>&1); rc=$?
    is "$rc" 0 "read-only folder: listing still works"
    is "$(printf '%s\n' "$out" | head -n 1)" "$A: 2 notes (1 orphaned)" "read-only folder: every note listed"
    chmod 700 "$XDG_DATA_HOME/quoth"
    rm -rf "$TMP/nodata"; mkdir -m 555 "$TMP/nodata"
    err=$(XDG_DATA_HOME="$TMP/nodata" $AS_USER "$WRITER" "$A" "$Q1" "x" 2>&1 >/dev/null); rc=$?
    is "$rc" 5 "read-only data home, no database yet: EXIT_NOTES"
    ok "and says why" sh -c 'printf "%s" "$1" | grep -q "^quoth: cannot create the folder.*Permission denied"' _ "$err"
else
    ok "# SKIP cannot drop root privileges (no setpriv)" true
fi
out=$("$QUOTH" --notes "$A")
is "$(printf '%s\n' "$out" | head -n 1)" "$A: 2 notes (1 orphaned)" "after all that: nothing lost"
done_testing
