#!/bin/sh
# valgrind.sh — run a command under valgrind memcheck for make check:
#   make check-valgrind   (LOG_COMPILER for the C tests, QUOTH_WRAPPER for the shell tests)
# Any memory error and any definite or indirect leak makes the command exit 99.
# tests/valgrind.supp hides only library-internal still-reachable blocks.
# With QUOTH_VALGRIND_LOGS set (tests/lib.sh sets it), reports go to a file per
# process there instead of stderr.
here=$(cd "$(dirname "$0")" && pwd)
# Time guards in the C tests allow for memcheck's slowdown.
QUOTH_TIME_SCALE=${QUOTH_TIME_SCALE:-20}
export QUOTH_TIME_SCALE
set --${QUOTH_VALGRIND_LOGS:+ --log-file="$QUOTH_VALGRIND_LOGS/vg.%p.log"} "$@"
exec valgrind -q --tool=memcheck --leak-check=full \
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
    --error-exitcode=99 --suppressions="$here/valgrind.supp" \
    --num-callers=30 ${VALGRIND_OPTS:-} "$@"
