#!/bin/sh
# cli.sh — the non-interactive modes end to end: --json (valid JSON whose code
# point offsets index the text), stdin with -, refused inputs with their exit
# codes and one-line messages, --encoding, --quotes and --speaker.
. "$TOP_SRCDIR/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is needed to check the JSON"

SAMPLE=$TOP_SRCDIR/samples/kallas-nato.txt

# check_json FILE JSON: valid JSON of the contract whose offsets, read as code
# points into FILE's text (as quoth decodes it: BOM gone, CRLF -> LF), give
# back every text field.
check_json() {
    python3 - "$1" "$2" <<'EOF'
import json, sys
raw = open(sys.argv[1], 'rb').read()
text = raw.decode('utf-8', 'replace')
if text.startswith('\ufeff'):
    text = text[1:]
text = text.replace('\r\n', '\n').replace('\r', '\n')
doc = json.load(open(sys.argv[2], encoding='utf-8'))
bad = []
for key in ('quoth', 'source', 'date', 'offsets', 'quotes', 'entities'):
    if key not in doc:
        bad.append('missing ' + key)
if doc.get('offsets') != 'codepoints':
    bad.append('offsets is not "codepoints"')
def span(where, s):
    if s is None:
        return
    if text[s['start']:s['end']] != s['text']:
        bad.append('%s: text[%d:%d] = %r, not %r' % (where, s['start'], s['end'],
                   text[s['start']:s['end']], s['text']))
for q in doc.get('quotes', []):
    for key in ('id', 'start', 'end', 'text', 'speaker', 'speaker_id', 'source', 'cue'):
        if key not in q:
            bad.append('quote without ' + key)
    inner = text[q['start']:q['end']]
    if '\n' in q['text']:
        # multi-paragraph: the first part starts the span, the last ends it
        parts = q['text'].split('\n')
        if not (inner.startswith(parts[0]) and inner.endswith(parts[-1])):
            bad.append('quote %d: parts do not match its span' % q['id'])
    elif inner != q['text']:
        bad.append('quote %d: text[%d:%d] = %r, not %r' % (q['id'], q['start'], q['end'], inner, q['text']))
    span('quote %d source' % q['id'], q['source'])
    span('quote %d cue' % q['id'], q['cue'])
    if (q['speaker'] is None) != (q['speaker_id'] is None):
        bad.append('quote %d: speaker and speaker_id disagree' % q['id'])
    if q['speaker_id'] is not None and doc['entities'][q['speaker_id']]['name'] != q['speaker']:
        bad.append('quote %d: speaker_id does not name the speaker' % q['id'])
for i, e in enumerate(doc.get('entities', [])):
    if e['id'] != i or e['type'] not in ('person', 'organization', 'place', 'date'):
        bad.append('entity %d: bad id or type' % i)
    for m in e['mentions']:
        span('entity %d mention' % i, m)
for b in bad[:10]:
    print('#', b)
sys.exit(1 if bad else 0)
EOF
}

# jq-like field access: json_get FILE PYTHON-EXPRESSION-ON-d
json_get() {
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

# --- --json on the seed article ---------------------------------------------
"$QUOTH" --json "$SAMPLE" > "$TMP/kallas.json"
is "$?" 0 "--json exits 0"
ok "--json output is valid JSON with code point offsets" check_json "$SAMPLE" "$TMP/kallas.json"
is "$(json_get "$TMP/kallas.json" "d['date']")" "2026-01-28" "date header as metadata"
is "$(json_get "$TMP/kallas.json" "len(d['quotes'])")" 10 "all 10 quotes of the seed"
is "$(json_get "$TMP/kallas.json" "d['quotes'][0]['text']")" \
   "Let me be clear: we want strong transatlantic ties. The United States will remain Europe’s partner and ally," \
   "first quote text, comma kept"
is "$(json_get "$TMP/kallas.json" "d['source']")" "$SAMPLE" "source is the path"
is "$(json_get "$TMP/kallas.json" "d['quoth']")" "$("$QUOTH" --version | sed 's/^quoth //')" "version field"

# Every corpus article: valid JSON whose offsets index the text.
for f in "$TOP_SRCDIR"/tests/corpus/*.txt; do
    "$QUOTH" --json "$f" > "$TMP/c.json" &&
        ok "offsets index the text: $(basename "$f")" check_json "$f" "$TMP/c.json"
done

# Multi-byte text before quotes: code points, not bytes.
printf 'date 2026-02-01 Žemaitytė 😀 said “Ačiū, 中文” and «très bien».\n\n“First part.\n\n“Second part,” she said.\n' > "$TMP/mb.txt"
"$QUOTH" --json "$TMP/mb.txt" > "$TMP/mb.json"
ok "multi-byte: offsets index the text" check_json "$TMP/mb.txt" "$TMP/mb.json"
is "$(json_get "$TMP/mb.json" "d['quotes'][0]['start']")" \
   "$(python3 -c "import sys; print(open(sys.argv[1], encoding='utf-8').read().index('Ačiū'))" "$TMP/mb.txt")" \
   "multi-byte: start in code points"
is "$(json_get "$TMP/mb.json" "d['quotes'][2]['text']")" "First part.
Second part," "multi-paragraph quote joined by one newline"
is "$(json_get "$TMP/mb.json" "d['date']")" "2026-02-01" "date header"

# Dense two-byte text: thousands of continuation bytes between offsets (a
# per-block count once kept them in one byte and wrapped past 255).
python3 -c "
import sys
words = ['Привет', 'мир', 'новости', 'дня', 'Москва']
para = ' '.join(words[i % 5] for i in range(200))
out = []
for k in range(6):
    out.append(para + ' «Цитата номер %d» — сказал он.' % k)
open(sys.argv[1], 'w', encoding='utf-8').write('\\n\\n'.join(out) + '\\n')
" "$TMP/cyr.txt"
"$QUOTH" --json "$TMP/cyr.txt" > "$TMP/cyr.json"
ok "Cyrillic: offsets index the text after long multi-byte runs" check_json "$TMP/cyr.txt" "$TMP/cyr.json"
is "$(json_get "$TMP/cyr.json" "len(d['quotes'])")" 6 "Cyrillic: every guillemet quote is found"

# Strings that need escaping: backslash, tab, a straight double quote, ESC.
printf '\342\200\234a \\ b\tc " d \033[1m e\342\200\235 f\n' > "$TMP/esc.txt"
"$QUOTH" --json "$TMP/esc.txt" > "$TMP/esc.json"
is "$(json_get "$TMP/esc.json" "repr(d['quotes'][0]['text'])")" "'a \\\\ b\\tc \" d \\x1b[1m e'" \
   "JSON escapes backslash, tab, quote and ESC"
ok "JSON output has no raw control characters" sh -c "! LC_ALL=C grep -q \"\$(printf '[\001-\011\013-\037]')\" '$TMP/esc.json'"

# --- stdin ---------------------------------------------------------------------
"$QUOTH" --json - < "$SAMPLE" > "$TMP/stdin.json"
is "$?" 0 "stdin with - exits 0"
is "$(json_get "$TMP/stdin.json" "d['source']")" "-" "stdin: source is -"
is "$(json_get "$TMP/stdin.json" "[q['text'] for q in d['quotes']]")" \
   "$(json_get "$TMP/kallas.json" "[q['text'] for q in d['quotes']]")" "stdin: same quotes as the file"
is "$(cat "$SAMPLE" | "$QUOTH" --quotes - | wc -l)" 10 "stdin from a pipe with --quotes"

# --- refused and odd inputs ------------------------------------------------------
# run_err WANT-CODE WANT-MESSAGE NAME ARGS...: exit code and the one-line stderr.
run_err() {
    want_rc=$1 want_msg=$2 name=$3; shift 3
    "$QUOTH" "$@" > "$TMP/out" 2> "$TMP/err"
    is "$?" "$want_rc" "$name: exit $want_rc"
    is "$(cat "$TMP/err")" "$want_msg" "$name: message"
    is "$(wc -c < "$TMP/out")" 0 "$name: nothing on stdout"
}
run_err 3 "quoth: $TMP/missing.txt: No such file or directory" "missing file" --json "$TMP/missing.txt"
mkdir "$TMP/dir"
run_err 3 "quoth: $TMP/dir: Is a directory" "directory" --json "$TMP/dir"
printf 'PK\003\004\000\000' > "$TMP/bin"
run_err 4 "quoth: $TMP/bin: binary file (NUL byte at offset 4)" "binary file" --json "$TMP/bin"
printf 'caf\351' > "$TMP/latin1.txt"
run_err 4 "quoth: $TMP/latin1.txt: unknown encoding 'klingon'" "unknown encoding" \
    --encoding klingon --json "$TMP/latin1.txt"
run_err 4 "quoth: $TMP/latin1.txt: input is not valid ASCII" "undecodable input" \
    --encoding ASCII --json "$TMP/latin1.txt"
printf 'x' > "$TMP/secret.txt"; chmod 000 "$TMP/secret.txt"
if [ "$(id -u)" -ne 0 ]; then
    run_err 3 "quoth: $TMP/secret.txt: Permission denied" "permission denied" --json "$TMP/secret.txt"
fi
printf 'x' | { "$QUOTH" --json /dev/stdin > /dev/null; }
is "$?" 0 "a path that is a pipe is read"

printf '\253Caf\351,\273 dit-elle. \253Tr\350s\273' > "$TMP/l1.txt"
"$QUOTH" --encoding latin1 --json "$TMP/l1.txt" > "$TMP/l1.json"
is "$?" 0 "--encoding latin1 accepted"
is "$(json_get "$TMP/l1.json" "[q['text'] for q in d['quotes']]")" "['Café,', 'Très']" \
   "Latin-1 guillemets and accents decoded"
printf '\223Caf\351,\224 she said.' > "$TMP/w.txt"
is "$("$QUOTH" --encoding windows-1252 --json "$TMP/w.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["quotes"][0]["text"])')" \
   "Café," "Windows-1252 curly quotes become quotes"

: > "$TMP/empty.txt"
"$QUOTH" --json "$TMP/empty.txt" > "$TMP/empty.json"
is "$?" 0 "empty file exits 0"
is "$(json_get "$TMP/empty.json" "(d['quotes'], d['entities'], d['date'])")" "([], [], None)" "empty file: empty document"

printf '\357\273\277“Bad \377 byte,” she said.\r\n\r\n“Next \300\257 one.”\r\n' > "$TMP/bad.txt"
"$QUOTH" --json "$TMP/bad.txt" > "$TMP/bad.json"
is "$?" 0 "invalid UTF-8 is repaired, not refused"
ok "invalid UTF-8: offsets index the repaired text" check_json "$TMP/bad.txt" "$TMP/bad.json"
is "$(json_get "$TMP/bad.json" "[q['text'] for q in d['quotes']]")" \
   "['Bad � byte,', 'Next �� one.']" "invalid bytes shown as U+FFFD, BOM and CRLF gone"

# --- --quotes ------------------------------------------------------------------
"$QUOTH" --quotes "$SAMPLE" > "$TMP/q.txt"
is "$?" 0 "--quotes exits 0"
is "$(wc -l < "$TMP/q.txt")" 10 "--quotes: one line a quote"
ok "--quotes: speaker, colon, quote in marks" grep -q ': “Let me be clear: we want strong transatlantic ties\. .*ally,”$' "$TMP/q.txt"

printf '“One.\n\n“Two \033[31mred\033]52;c;aGk=\007 \342\200\256evil\302\233x,” she said.\n' > "$TMP/ctl.txt"
"$QUOTH" --quotes "$TMP/ctl.txt" > "$TMP/ctl.out"
is "$(cat "$TMP/ctl.out")" '(unattributed): “One. ¶ Two ^[[31mred^[]52;c;aGk=^G <U+202E>evil<U+009B>x,”' \
   "--quotes: controls made visible, paragraph parts joined by ¶"
ok "--quotes: no raw ESC, BEL, C1 or bidi override reaches the output" \
   sh -c "! LC_ALL=C grep -q \"\$(printf '[\033\007]')\" '$TMP/ctl.out' && ! grep -q \"\$(printf '\342\200\256')\" '$TMP/ctl.out' && ! grep -q \"\$(printf '\302\233')\" '$TMP/ctl.out'"

# --speaker: any alias, any case; each speaker's line count matches --json.
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for e in d["entities"]:
    n = sum(1 for q in d["quotes"] if q["speaker_id"] == e["id"])
    if n:
        aliases = {e["name"]} | {m["text"] for m in e["mentions"]}
        for a in sorted(aliases):
            print("%d\t%s" % (n, a))
' "$TMP/kallas.json" > "$TMP/speakers"
while IFS='	' read -r n alias; do
    upper=$(printf '%s' "$alias" | python3 -c 'import sys; print(sys.stdin.read().upper())')
    is "$("$QUOTH" --quotes --speaker "$upper" "$SAMPLE" | wc -l)" "$n" "--speaker '$upper': $n quotes"
done < "$TMP/speakers"
is "$("$QUOTH" --quotes --speaker kallas "$SAMPLE" | grep -c '^Kaja Kallas: “')" 8 \
   "--speaker kallas: the 8 quotes of Kaja Kallas"
is "$("$QUOTH" --quotes --speaker 'MARK RUTTE' "$SAMPLE" | grep -c '^Mark Rutte: “')" 2 \
   "--speaker 'MARK RUTTE': the 2 quotes of Mark Rutte"
is "$("$QUOTH" --quotes --speaker kallas "$SAMPLE" | grep -vc '^Kaja Kallas: “')" 0 \
   "--speaker kallas: nobody else's quotes"
run_err 1 "quoth: nobody called 'Nobody Atall' in $SAMPLE" "--speaker that names nobody" \
    --quotes --speaker "Nobody Atall" "$SAMPLE"

done_testing
