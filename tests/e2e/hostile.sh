#!/bin/sh
# hostile.sh — the hostile-input table of quoth(1), EXIT STATUS and DIAGNOSTICS.
# Each row feeds quoth one hostile input under `timeout` and asserts the
# outcome: either one line "quoth: ..." on stderr, nothing on stdout and the
# documented exit status, or correct output with status 0. Never a crash
# (status > 128), never a hang (status 124). Inputs are generated in $TMP.
# The reader's side (raw escapes on the pty) is checked by the tmux tests.
# Under QUOTH_WRAPPER (valgrind) the big inputs shrink 100 times: memcheck
# runs ~50x slower, and the code paths are the same.
. "$TOP_SRCDIR/tests/lib.sh"

SCALE=1
[ -n "${QUOTH_WRAPPER:-}" ] && SCALE=100
LIMIT=${HOSTILE_TIMEOUT:-300}   # a hang, not slowness: ASan takes ~90 s on the 100 MB row
ESC=$(printf '\033')
NL='
'

# run ARGS...: runs quoth with stdout in $TMP/out, stderr in $TMP/err, status in $rc.
run() {
    timeout "$LIMIT" "$QUOTH" "$@" > "$TMP/out" 2> "$TMP/err"
    rc=$?
}

# one_line_error NAME STATUS WORD: the last run failed cleanly — status STATUS,
# empty stdout, and exactly one stderr line "quoth: ..." that contains WORD.
one_line_error() {
    is "$rc" "$2" "$1: exit status $2"
    is "$(wc -c < "$TMP/out" | tr -d ' ')" 0 "$1: nothing on stdout"
    err=$(cat "$TMP/err")
    is "$(wc -l < "$TMP/err" | tr -d ' ')" 1 "$1: one line on stderr"
    case $err in
    "quoth: "*"$3"*) ok "$1: message names '$3' ($err)" true ;;
    *) ok "$1: message names '$3' (got: $err)" false ;;
    esac
}

# success NAME: the last run succeeded, quietly.
success() {
    is "$rc" 0 "$1: exit status 0"
    is "$(cat "$TMP/err")" "" "$1: nothing on stderr"
}

# json_eval EXPR: evaluates a Python expression on the parsed JSON in $TMP/out
# (bound to j); prints the result, or "invalid JSON".
json_eval() {
    python3 -c 'import json, sys
try:
    j = json.load(open(sys.argv[1], encoding="utf-8"))
except ValueError as e:
    print("invalid JSON:", e); sys.exit(0)
print(eval(sys.argv[2]))' "$TMP/out" "$1"
}
have_python=false
command -v python3 > /dev/null 2>&1 && have_python=true

# no_raw_controls NAME FILE: FILE holds no ESC, no C1 control (U+0080..U+009F,
# UTF-8 C2 80..C2 9F), no bidi override or isolate (U+202A..U+202E, U+2066..U+2069).
no_raw_controls() {
    n=$(LC_ALL=C grep -c "$ESC" "$2")
    is "$n" 0 "$1: no raw ESC"
    n=$(LC_ALL=C grep -c "$(printf '\302')[$(printf '\200-\237')]" "$2")
    is "$n" 0 "$1: no raw C1 control"
    n=$(LC_ALL=C grep -c "$(printf '\342\200')[$(printf '\252-\256')]\|$(printf '\342\201')[$(printf '\246-\251')]" "$2")
    is "$n" 0 "$1: no raw bidi override or isolate"
}

# --- files that cannot be read: status 3 ---------------------------------------
run --json "$TMP/no-such-file.txt"
one_line_error "missing file" 3 "no-such-file.txt"

mkdir "$TMP/a-directory"
run --json "$TMP/a-directory"
one_line_error "directory" 3 "a-directory"

# Root reads any mode-000 file; a write-only sysctl still refuses root (EACCES).
printf 'secret\n' > "$TMP/locked.txt"
chmod 000 "$TMP/locked.txt"
if [ "$(id -u)" -ne 0 ]; then
    run --json "$TMP/locked.txt"
    one_line_error "permission denied" 3 "locked.txt"
elif [ -f /proc/sys/vm/drop_caches ] && ! cat /proc/sys/vm/drop_caches > /dev/null 2>&1; then
    run --json /proc/sys/vm/drop_caches
    one_line_error "permission denied (root: write-only sysctl)" 3 "drop_caches"
else
    ok "permission denied # SKIP running as root and no file refuses root" true
fi

# --- files that are read and refused: status 4 -----------------------------------
printf 'text\000with a NUL\n' > "$TMP/binary.dat"
run --json "$TMP/binary.dat"
one_line_error "binary with NULs" 4 "binary"
run --quotes - < "$TMP/binary.dat"
one_line_error "binary with NULs on stdin" 4 "binary"
head -c 65536 /dev/urandom > "$TMP/random.dat"
printf '\000' >> "$TMP/random.dat"
run --json "$TMP/random.dat"
one_line_error "random bytes" 4 "binary"

printf 'caf\351\n' > "$TMP/unknown-enc.txt"
run --json --encoding no-such-encoding-42 "$TMP/unknown-enc.txt"
one_line_error "unknown --encoding" 4 "unknown encoding 'no-such-encoding-42'"

# --- inputs that are read correctly: status 0 ------------------------------------
: > "$TMP/empty.txt"
run --json "$TMP/empty.txt"
success "empty file"
$have_python && is "$(json_eval 'len(j["quotes"]), len(j["entities"])')" "(0, 0)" \
    "empty file: no quotes, no entities"
run --quotes - < /dev/null
success "empty stdin"
is "$(cat "$TMP/out")" "" "empty stdin: no quotes listed"

printf '\342\200\234Bad \377\376 bytes,\342\200\235 said Anna Berg.\n' > "$TMP/invalid.txt"
run --json "$TMP/invalid.txt"
success "invalid UTF-8"
$have_python && is "$(json_eval 'j["quotes"][0]["text"]')" "Bad $(printf '\357\277\275\357\277\275') bytes," \
    "invalid UTF-8: repaired to U+FFFD"

printf '\253Le caf\351 est fran\347ais,\273 dit Ren\351e Dupont.\n' > "$TMP/latin1.txt"
run --json --encoding latin1 "$TMP/latin1.txt"
success "Latin-1 with --encoding latin1"
$have_python && is "$(json_eval 'j["quotes"][0]["text"]')" "Le café est français," \
    "Latin-1: decoded through libunistring"
run --json "$TMP/latin1.txt"
success "Latin-1 read as UTF-8"
n=$(LC_ALL=C grep -c "$(printf '\351')" "$TMP/out")
is "$n" 0 "Latin-1 read as UTF-8: no invalid byte in the output"

# quote_line N: N quotes of one speaker, on one line.
quote_line() {
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "\342\200\234Quote %d is here,\342\200\235 said Anna Berg. ", i; print "" }'
}
n=$((10000000 / 40 / SCALE))
quote_line "$n" > "$TMP/long-line.txt"
run --quotes "$TMP/long-line.txt"
success "$((10 / SCALE)) MB single line"
is "$(wc -l < "$TMP/out" | tr -d ' ')" "$n" "$((10 / SCALE)) MB single line: all $n quotes listed"

# 100 MB: short paragraphs (blank lines between), each with one quote.
paras=$((100 * 1024 * 1024 / 60 / SCALE))
yes "$(printf 'The report came out, and \342\200\234Yes,\342\200\235 said Anna Berg today.')$NL" |
    head -n $((paras * 2)) > "$TMP/big.txt"
run --quotes "$TMP/big.txt"
success "$((100 / SCALE)) MB article"
is "$(wc -l < "$TMP/out" | tr -d ' ')" "$paras" "$((100 / SCALE)) MB article: all $paras quotes listed"
rm -f "$TMP/big.txt" "$TMP/long-line.txt"

# 100 000 unbalanced marks of every style: no quote swallows the article.
awk 'BEGIN { split("\342\200\234 \342\200\235 \" \302\253 \342\200\230", m, " ")
    for (i = 0; i < 100000; i++) printf "%s word ", m[i % 5 + 1]; print "" }' > "$TMP/unbalanced.txt"
printf '\n\342\200\234After the storm,\342\200\235 said Anna Berg.\n' >> "$TMP/unbalanced.txt"
run --quotes "$TMP/unbalanced.txt"
success "100 000 unbalanced quote marks"
case $(tail -n 1 "$TMP/out") in
"Anna Berg: "*"After the storm,"*) ok "unbalanced marks: the next paragraph's quote is found and attributed" true ;;
*) ok "unbalanced marks: the next paragraph's quote is found and attributed (got: $(tail -n 1 "$TMP/out" | cut -c1-80))" false ;;
esac

# 10 000 nested quotes, alternating double and single marks, then all closed.
awk 'BEGIN { n = 10000
    for (i = 0; i < n; i++) printf "%s", (i % 2) ? "\342\200\230" : "\342\200\234"
    printf "core"
    for (i = n - 1; i >= 0; i--) printf "%s", (i % 2) ? "\342\200\231" : "\342\200\235"
    print " said Anna Berg." }' > "$TMP/nested.txt"
run --json "$TMP/nested.txt"
success "10 000 nested quotes"
$have_python && is "$(json_eval 'j["quotes"][0]["start"] == 1 and j["quotes"][0]["end"] == 20003')" "True" \
    "10 000 nested quotes: the outer quote spans all the rest"

# 5 MB of one repeated name, with no punctuation between the repeats: a
# name is a few words, never the whole run.
yes 'Kaja Kallas' | head -n $((5 * 1024 * 1024 / 12 / SCALE)) | tr '\n' ' ' > "$TMP/name.txt"
run --json "$TMP/name.txt"
success "$((5 * 1024 / SCALE)) KB of one repeated name"
$have_python && is "$(json_eval '[e["name"] for e in j["entities"] if e["type"] == "person"]')" "['Kaja Kallas']" \
    "one repeated name: one person, Kaja Kallas"
rm -f "$TMP/name.txt"

# --- text that must not reach a terminal raw --------------------------------------
printf '\342\200\234Red \033[31malert\033[0m and \033[2J clear,\342\200\235 said Eve Mallory.\n' > "$TMP/csi.txt"
printf '\342\200\234Copy \033]52;c;ZWNobyBwd25lZA==\007 me,\342\200\235 said Eve Mallory.\n' > "$TMP/osc52.txt"
printf '\342\200\234Click \033]8;;http://evil.example/\033\\here\033]8;;\033\\ now,\342\200\235 said Eve Mallory.\n' > "$TMP/osc8.txt"
printf '\342\200\234Ask \033P+q544e\033\\ the terminal,\342\200\235 said Eve Mallory.\n' > "$TMP/dcs.txt"
printf '\342\200\234C1 \302\233 31m csi \302\235 0;title\302\234 osc,\342\200\235 said Eve Mallory.\n' > "$TMP/c1.txt"
printf '\342\200\234Bidi \342\200\256desrever\342\200\254 and \342\201\247isolate\342\201\251,\342\200\235 said Eve Mallory.\n' > "$TMP/bidi.txt"
WRITER=$TOP_BUILDDIR/tests/unit/notes_writer
for kind in csi osc52 osc8 dcs c1 bidi; do
    run --quotes "$TMP/$kind.txt"
    success "$kind escapes, --quotes"
    is "$(wc -l < "$TMP/out" | tr -d ' ')" 1 "$kind escapes, --quotes: the quote is listed"
    no_raw_controls "$kind escapes, --quotes" "$TMP/out"
    case $(cat "$TMP/out") in
    *"Eve Mallory"*) ok "$kind escapes, --quotes: attributed to Eve Mallory" true ;;
    *) ok "$kind escapes, --quotes: attributed to Eve Mallory (got: $(cat -v "$TMP/out"))" false ;;
    esac
    # A note on the passage, with escapes in its body too: --notes and the
    # Markdown export draw both visibly.
    if [ -x "$WRITER" ] && "$WRITER" "$TMP/$kind.txt" "$(cat "$TMP/$kind.txt")" \
        "$(printf 'note \033]52;c;ZXZpbA==\007 \302\233 \342\200\256body')" > /dev/null; then
        run --notes "$TMP/$kind.txt"
        success "$kind escapes, --notes"
        no_raw_controls "$kind escapes, --notes" "$TMP/out"
        run --export-notes "$TMP/$kind.txt"
        success "$kind escapes, --export-notes"
        no_raw_controls "$kind escapes, --export-notes (Markdown)" "$TMP/out"
    else
        ok "$kind escapes: a note added by $WRITER" false
    fi
    run --json "$TMP/$kind.txt"
    success "$kind escapes, --json"
    n=$(LC_ALL=C grep -c "$ESC" "$TMP/out")
    is "$n" 0 "$kind escapes, --json: ESC only as \\u001b"
done
# The JSON keeps the article's text exactly, escapes and all (machines read it).
run --json "$TMP/csi.txt"
$have_python && is "$(json_eval 'j["quotes"][0]["text"] == "Red \x1b[31malert\x1b[0m and \x1b[2J clear,"')" "True" \
    "csi escapes, --json: the text is kept exactly"

done_testing
