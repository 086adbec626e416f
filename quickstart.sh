#!/bin/bash
# quickstart.sh — the two Quick start commands of README.md:
#   ./quickstart.sh          install what is missing, build, open samples/kallas-nato.txt
#   ./quickstart.sh test     the same set-up, then the whole test suite (make check)
# Set-up is idempotent: a second run installs nothing and rebuilds only what
# changed. It assumes a Debian (12) base system with build-essential and
# nothing else: no git, python3, tmux or groff.
set -eu

# Debian packages, one list per purpose. A helper that needs another tool adds
# it to the list of the mode that needs it (e.g. clang for fuzzing in CI).
BUILD_PKGS=(autoconf automake pkg-config make gcc libncurses-dev libunistring-dev
    libiniparser-dev libsqlite3-dev libjansson-dev)
TEST_PKGS=(tmux python3 valgrind groff-base)
# The CI's fuzz stage (.ci/run sets QUOTH_FUZZ=1): clang and its libFuzzer.
FUZZ_PKGS=(clang libclang-rt-14-dev)
SAMPLE=samples/kallas-nato.txt

say() { printf 'quickstart: %s\n' "$*"; }
die() { printf 'quickstart: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<EOF
Usage: ./quickstart.sh [test]
  (no argument)  install the missing Debian packages, build quoth, open $SAMPLE
  test           the same set-up, then run the whole test suite (make check)
Packages needed to build: ${BUILD_PKGS[*]}
Packages needed by the tests: ${TEST_PKGS[*]}
EOF
}

mode=open
case "${1-}" in
"") ;;
test) mode="test" ;;
-h | --help) usage; exit 0 ;;
*) usage >&2; exit 2 ;;
esac
[ $# -le 1 ] || { usage >&2; exit 2; }

cd "$(dirname "$0")"

# missing PKG...: prints the packages that dpkg does not list as installed.
missing() {
    for p in "$@"; do
        status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null) || status=
        case $status in ii*) ;; *) printf '%s ' "$p" ;; esac
    done
}

install_missing() {
    local want=("${BUILD_PKGS[@]}") need still
    [ "$mode" = test ] && want+=("${TEST_PKGS[@]}")
    [ "$mode" = test ] && [ "${QUOTH_FUZZ:-0}" = 1 ] && want+=("${FUZZ_PKGS[@]}")
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "dpkg-query not found (not Debian?): cannot check packages; make sure these"
        say "or their equivalents are installed: ${want[*]}"
        return 0
    fi
    need=$(missing "${want[@]}")
    [ -n "$need" ] || return 0
    need=${need% }
    if [ "$(id -u)" -ne 0 ]; then
        {
            say "these Debian packages are missing: $need"
            say "install them with this command (it needs root), then run this script again:"
            printf '\n    sudo apt-get install -y --no-install-recommends %s\n\n' "$need"
            say "(if apt-get cannot find a package, run 'sudo apt-get update' first)"
        } >&2
        exit 1
    fi
    say "installing: $need"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q </dev/null ||
        die "apt-get update failed (no network? see the messages above)"
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $need </dev/null ||
        die "apt-get install failed for: $need (see the messages above)"
    # shellcheck disable=SC2086
    still=$(missing $need)
    [ -z "$still" ] || die "still missing after apt-get install: $still"
}

build() {
    if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt configure ]; then
        say "autoreconf -fi"
        autoreconf -fi || die "autoreconf failed (see the messages above)"
    fi
    # config.status re-runs itself from make when configure changes; run
    # configure only when there is no build yet or configure is newer.
    if [ ! -f config.status ] || [ ! -f Makefile ] || [ configure -nt config.status ]; then
        say "./configure"
        ./configure -q || die "configure failed: its last message says what is missing (config.log has details)"
    fi
    njobs=$(nproc 2>/dev/null || echo 2)
    say "make -j$njobs"
    make -j"$njobs" || die "the build failed (see the messages above)"
}

install_missing
build

if [ "$mode" = test ]; then
    say "make check"
    rc=0
    make -j"$njobs" check || rc=$?
    if [ "$rc" -eq 0 ]; then say "all tests passed"
    else say "make check failed (exit status $rc): see the messages above, test-suite.log and tests/*/*.log"; fi
    exit "$rc"
fi

# A fresh system often has no locale set (C, ASCII): the sample is UTF-8.
if [ "$(locale charmap 2>/dev/null)" != UTF-8 ]; then
    say "the locale is not UTF-8; using LC_ALL=C.UTF-8"
    export LC_ALL=C.UTF-8
fi
if [ -t 1 ]; then
    say "opening $SAMPLE (q quits, h shows the keys)"
    exec ./src/quoth "$SAMPLE"
fi
# No terminal to draw on (a pipe, CI): print the quotes instead of the reader.
say "no terminal on standard output: the quotes of $SAMPLE instead of the reader"
exec ./src/quoth --quotes "$SAMPLE"
