#!/bin/sh
# regression.sh — the engine's quality on the regression corpus
# (tests/regression: articles first used as held-out sets). The floors lie
# just under today's totals (quote F1 1.000, attribution 0.979, entity F1
# 0.977): a rule that helps one article and breaks others fails here.
. "$TOP_SRCDIR/tests/lib.sh"
CORPUS="$TOP_SRCDIR/tests/regression"

python3 "$TOP_SRCDIR/tests/corpus/score.py" --json "$CORPUS" -- "$QUOTH" --json {} > "$TMP/score.json" 2> "$TMP/score.err"
ok "score.py runs on the regression corpus" test -s "$TMP/score.json"
metric() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$TMP/score.json" "$1"; }
at_least() { python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$1" "$2"; }
for m in "quote_f1 0.99" "attribution 0.97" "entity_f1 0.96"; do
    set -- $m
    v=$(metric "$1" 2>/dev/null || echo 0)
    echo "# $1 = $v"
    ok "$1 $v >= $2" at_least "$v" "$2"
done

done_testing
