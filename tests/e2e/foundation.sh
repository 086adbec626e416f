#!/bin/sh
# foundation.sh — the parts every user meets first: --help, --version, usage
# errors, the man page, the samples, the README's Quick start and the
# decisions of quickstart.sh (run on a copy with stand-ins for dpkg-query,
# apt-get, id, autoreconf and make, so that nothing is installed or built).
. "$TOP_SRCDIR/tests/lib.sh"

VERSION=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$TOP_BUILDDIR/config.h")
ok "config.h names the version" test -n "$VERSION"

# run ARGS...: runs quoth; sets OUT, ERR (files) and RC.
run() {
    RC=0
    "$QUOTH" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || RC=$?
}

# --- --help and --version ----------------------------------------------------
run --version
is "$RC" 0 "--version exits 0"
is "$(head -n 1 "$TMP/out")" "quoth $VERSION" "--version prints 'quoth VERSION'"
ok "--version writes nothing to stderr" test ! -s "$TMP/err"

run --help
is "$RC" 0 "--help exits 0"
is "$(head -n 1 "$TMP/out")" "Usage: quoth [OPTION]... FILE" "--help starts with the usage line"
ok "--help writes nothing to stderr" test ! -s "$TMP/err"
cp "$TMP/out" "$TMP/help"
for opt in --help --version --json --quotes; do
    ok "--help lists $opt" grep -q -e "$opt\\b" "$TMP/help"
done
run -h
is "$RC" 0 "-h exits 0"
ok "-h prints the same help as --help" cmp -s "$TMP/out" "$TMP/help"

# --- usage errors: exit 2, one line that says what, then the hint -------------
# usage_error NAME WANT ARGS...: quoth ARGS fails with status 2, nothing on
# stdout, the message WANT on the first line of stderr and the hint after it.
usage_error() {
    what=$1 want=$2; shift 2
    run "$@"
    is "$RC" 2 "$what: exit status 2"
    is "$(head -n 1 "$TMP/err")" "$want" "$what: the message says what is wrong"
    is "$(sed -n 2p "$TMP/err")" "Try 'quoth --help' for more information." "$what: then the hint"
    is "$(wc -l <"$TMP/err" | tr -d ' ')" 2 "$what: two lines in all"
    ok "$what: nothing on stdout" test ! -s "$TMP/out"
}
usage_error "unknown long option" "quoth: unknown option '--bogus'" --bogus "$TOP_SRCDIR/samples/kallas-nato.txt"
usage_error "unknown short option" "quoth: unknown option '-Z'" -Z "$TOP_SRCDIR/samples/kallas-nato.txt"
usage_error "unknown short option in a group" "quoth: unknown option '-Z'" -jZ "$TOP_SRCDIR/samples/kallas-nato.txt"
usage_error "missing argument" "quoth: this option needs an argument: '--speaker'" --quotes --speaker
usage_error "no article" "quoth: no article given"

# --- the man page --------------------------------------------------------------
MAN=$TOP_BUILDDIR/man/quoth.1
ok "man/quoth.1 is generated" test -s "$MAN"
ok "the man page names the version" grep -q "^\\.TH QUOTH 1 .*\"quoth $VERSION\"" "$MAN"
ok "no @VARIABLE@ is left unfilled in the man page" sh -c '! grep -n "@[A-Za-z_]*@" "$1"' _ "$MAN"
if command -v groff >/dev/null 2>&1; then
    for page in "$MAN" "$TOP_SRCDIR"/man/*.[1-8]; do
        [ -f "$page" ] || continue
        is "$(groff -man -ww -z "$page" 2>&1)" "" "${page##*/}: groff -man -ww -z prints no warning"
    done
else
    echo "# groff is missing (Debian package groff-base): man page warnings not checked"
fi
# Every long option of --help is documented (as \-\-name), and the reverse.
for opt in $(grep -o -e '--[a-z][a-z-]*' "$TMP/help" | sort -u); do
    troff=$(printf '%s' "$opt" | sed 's/-/\\-/g')
    ok "the man page documents $opt" grep -qF -e "$troff" "$MAN"
done
for opt in $(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$MAN" | grep -o -e '\\-\\-[a-z][a-z-]*' | sed 's/\\//g' | sort -u); do
    ok "--help lists $opt from the man page" grep -q -e "$opt\\b" "$TMP/help"
done
# Every action of the reader's keymap (src/ui/keymap.h) is in KEYS, by name.
sed -n '/^\.SH KEYS/,/^\.SH /p' "$MAN" | sed 's/\\%//g' >"$TMP/keys"
for action in $(sed -n 's/^ *X(\([a-z_]*\), *".*/\1/p' "$TOP_SRCDIR/src/ui/keymap.h"); do
    ok "the man page's KEYS names the action $action" grep -qw -e "$action" "$TMP/keys"
done
# Every exit status of exit_codes.h is in EXIT STATUS.
for code in $(sed -n 's/^ *EXIT_[A-Z_]* = \([0-9]*\),.*/\1/p' "$TOP_SRCDIR/src/exit_codes.h"); do
    ok "the man page explains exit status $code" \
        sh -c 'sed -n "/^\\.SH EXIT STATUS/,/^\\.SH DIAG/p" "$1" | grep -q "^\\.B $2\$"' _ "$MAN" "$code"
done

# --- the samples: each opens with --json and matches the contract -------------
if command -v python3 >/dev/null 2>&1; then HAVE_PY=1; else HAVE_PY=; fi
# check_json FILE JSON: prints what is wrong, nothing when the JSON is right.
check_json() {
    python3 - "$1" "$2" "$VERSION" <<'EOF'
import json, re, sys
path, out, version = sys.argv[1:]
text = open(path, encoding="utf-8").read()
try:
    doc = json.load(open(out, encoding="utf-8"))
except ValueError as e:
    sys.exit(print("not JSON: %s" % e))
want_date = re.match(r"\s*date (\d{4}-\d\d-\d\d)\b", text).group(1)
problems = []
if doc.get("quoth") != version: problems.append("quoth is %r" % doc.get("quoth"))
if doc.get("source") != path: problems.append("source is %r" % doc.get("source"))
if doc.get("date") != want_date: problems.append("date is %r, want %r" % (doc.get("date"), want_date))
if doc.get("offsets") != "codepoints": problems.append("offsets is %r" % doc.get("offsets"))
quotes = doc.get("quotes")
if not isinstance(quotes, list) or not quotes: problems.append("no quotes")
for q in quotes or []:
    span = text[q["start"]:q["end"]]
    # A quote over several paragraphs joins its parts with "\n": each part
    # stands in the span, in order.
    at = 0
    for part in q["text"].split("\n"):
        at = span.find(part, at)
        if at < 0:
            problems.append("quote %d: %r is not at %d..%d" % (q["id"], part, q["start"], q["end"]))
            break
ents = doc.get("entities")
if not isinstance(ents, list) or not ents: problems.append("no entities")
for e in ents or []:
    for m in e["mentions"]:
        if text[m["start"]:m["end"]] != m["text"]:
            problems.append("mention %r is not at %d..%d" % (m["text"], m["start"], m["end"]))
print("; ".join(problems[:5]))
EOF
}
ok "samples/kallas-nato.txt is the corpus article byte for byte" \
    cmp -s "$TOP_SRCDIR/samples/kallas-nato.txt" "$TOP_SRCDIR/tests/corpus/kallas-nato.txt"
ok "the seed and at least two more sample articles" \
    test "$(ls "$TOP_SRCDIR"/samples/*.txt | wc -l)" -ge 3
for f in "$TOP_SRCDIR"/samples/*.txt; do
    base=${f##*/}
    ok "$base starts with a date YYYY-MM-DD line" \
        grep -qE '^ ?date [0-9]{4}-[0-9]{2}-[0-9]{2}( |$)' "$f"
    run --json "$f"
    is "$RC" 0 "$base: --json exits 0"
    ok "$base: --json writes nothing to stderr" test ! -s "$TMP/err"
    if [ -n "$HAVE_PY" ]; then
        is "$(check_json "$f" "$TMP/out")" "" "$base: --json is the contract (version, source, date, quotes and mentions at their offsets)"
    else
        ok "$base: --json prints an object" grep -q '^{' "$TMP/out"
    fi
    run --quotes "$f"
    is "$RC" 0 "$base: --quotes exits 0"
    ok "$base: --quotes prints the quotes" test -s "$TMP/out"
done

# --- README: the Quick start is exactly the two commands ----------------------
README=$TOP_SRCDIR/README.md
qs=$(sed -n '/^## Quick start/,/^## /p' "$README" | awk '/^```/ { inside = !inside; next } inside')
is "$qs" "./quickstart.sh
./quickstart.sh test" "README: the Quick start is ./quickstart.sh and ./quickstart.sh test"
is "$(sed -n '/^## Quick start/,/^## /p' "$README" | grep -c '^```')" 4 "README: one code block each"

# --- quickstart.sh decisions, on a copy, with stand-ins ------------------------
# The stand-ins log their calls to $TMP/calls. dpkg-query reports a package
# installed when it is listed in $TMP/installed; apt-get install adds to it.
QS=$TMP/qs SHIM=$TMP/shim
mkdir -p "$QS/samples" "$SHIM"
cp "$TOP_SRCDIR/quickstart.sh" "$QS/"
touch "$QS/configure.ac" "$QS/Makefile.am" "$QS/samples/kallas-nato.txt"
cat >"$SHIM/dpkg-query" <<EOF
#!/bin/sh
for last; do :; done
grep -qx "\$last" "$TMP/installed" 2>/dev/null && printf 'ii ' && exit 0
echo "dpkg-query: no packages found matching \$last" >&2; exit 1
EOF
cat >"$SHIM/apt-get" <<EOF
#!/bin/sh
echo "apt-get \$*" >>"$TMP/calls"
[ "\$1" = install ] || exit 0
for p; do case \$p in -*|install) ;; *) echo "\$p" >>"$TMP/installed" ;; esac; done
EOF
cat >"$SHIM/id" <<EOF
#!/bin/sh
echo "\${FAKE_UID:-1000}"
EOF
cat >"$SHIM/autoreconf" <<EOF
#!/bin/sh
echo "autoreconf \$*" >>"$TMP/calls"
printf '#!/bin/sh\necho "configure \$*" >>"$TMP/calls"; touch config.status Makefile\n' >configure
chmod +x configure
EOF
cat >"$SHIM/make" <<EOF
#!/bin/sh
echo "make \$*" >>"$TMP/calls"
mkdir -p src
printf '#!/bin/sh\necho "quoth \$*" >>"$TMP/calls"\n' >src/quoth
chmod +x src/quoth
EOF
chmod +x "$SHIM"/*
BUILD_PKGS="autoconf automake pkg-config make gcc libncurses-dev libunistring-dev libiniparser-dev libsqlite3-dev libjansson-dev"
TEST_PKGS="tmux python3 valgrind groff-base"
# qs ARGS...: runs the copy; sets RC, and the files out, err and calls.
qs() {
    : >"$TMP/calls"
    RC=0
    PATH="$SHIM:$PATH" QUOTH_FUZZ=${QS_FUZZ:-0} "$QS/quickstart.sh" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || RC=$?
}

# Not root, packages missing: the exact command, a non-zero exit, nothing run.
: >"$TMP/installed"
qs
is "$RC" 1 "quickstart, not root, packages missing: exit status 1"
ok "quickstart, not root: prints the exact apt-get line for the build" \
    grep -qx "    sudo apt-get install -y --no-install-recommends $BUILD_PKGS" "$TMP/err"
ok "quickstart, not root: runs nothing" test ! -s "$TMP/calls"
qs test
ok "quickstart test, not root: the line adds the test packages" \
    grep -qx "    sudo apt-get install -y --no-install-recommends $BUILD_PKGS $TEST_PKGS" "$TMP/err"
QS_FUZZ=1 qs test
ok "quickstart test with QUOTH_FUZZ=1 (CI): the line adds clang's libFuzzer" \
    grep -qx "    sudo apt-get install -y --no-install-recommends $BUILD_PKGS $TEST_PKGS clang libclang-rt-14-dev" "$TMP/err"
echo "$BUILD_PKGS" | tr ' ' '\n' | grep -v '^gcc$' >"$TMP/installed"
qs
ok "quickstart, not root: only the missing package is named" \
    grep -qx "    sudo apt-get install -y --no-install-recommends gcc" "$TMP/err"

# Root: apt-get update once, install the missing ones, then build.
: >"$TMP/installed"
FAKE_UID=0 qs test
is "$RC" 0 "quickstart test, as root, packages missing: exit status 0"
is "$(grep -c '^apt-get update' "$TMP/calls")" 1 "quickstart, as root: apt-get update once"
ok "quickstart, as root: installs every missing package, without recommends" \
    grep -qx "apt-get install -y -q --no-install-recommends $BUILD_PKGS $TEST_PKGS" "$TMP/calls"
is "$(grep -v '^apt-get' "$TMP/calls" | sed 's/ -j[0-9]*//' | tr '\n' '|')" \
    "autoreconf -fi|configure -q|make|make check|" "quickstart test: autoreconf, configure, make, make check, in that order"

# Second run: nothing to install, configure and autoreconf are not run again.
FAKE_UID=0 qs test
is "$RC" 0 "quickstart test, second run: exit status 0"
is "$(sed 's/ -j[0-9]*//' "$TMP/calls" | tr '\n' '|')" "make|make check|" "quickstart test, second run: only make and make check"
# configure.ac edited: autoreconf and configure again.
sleep 1 && touch "$QS/configure.ac"
FAKE_UID=0 qs
ok "quickstart after configure.ac changed: autoreconf again" grep -q '^autoreconf -fi' "$TMP/calls"
ok "quickstart without a terminal: prints the sample's quotes" \
    grep -qx 'quoth --quotes samples/kallas-nato.txt' "$TMP/calls"
# make check fails: the status is kept.
printf '#!/bin/sh\necho "make $*" >>"%s"\ncase "$*" in *check*) exit 2;; esac\n' "$TMP/calls" >"$SHIM/make"
FAKE_UID=0 qs test
is "$RC" 2 "quickstart test keeps the exit status of make check"
qs bogus
is "$RC" 2 "quickstart with an unknown argument: exit status 2"

done_testing
