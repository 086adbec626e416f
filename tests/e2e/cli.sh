#!/bin/sh
. "$TOP_SRCDIR/tests/lib.sh"
ok "quoth --version" "$QUOTH" --version
done_testing
