#!/bin/sh
# corpus.sh — the engine's quality on the development corpus (tests/corpus):
# score.py must report quote F1 >= 0.98, attribution >= 0.95 and entity
# F1 >= 0.90, and kallas-nato.txt must have all 10 quotes, 8 by Kaja Kallas
# and 2 by Mark Rutte. python3 is a test dependency (README): no skip.
. "$TOP_SRCDIR/tests/lib.sh"
CORPUS="$TOP_SRCDIR/tests/corpus"

ok "python3 is installed (a listed test dependency)" command -v python3

python3 "$CORPUS/score.py" --json "$CORPUS" -- "$QUOTH" --json {} > "$TMP/score.json" 2> "$TMP/score.err"
ok "score.py runs" test -s "$TMP/score.json"
metric() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$TMP/score.json" "$1"; }
at_least() { python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$1" "$2"; }
for m in "quote_f1 0.98" "attribution 0.95" "entity_f1 0.90"; do
    set -- $m
    v=$(metric "$1" 2>/dev/null || echo 0)
    echo "# $1 = $v"
    ok "$1 $v >= $2" at_least "$v" "$2"
done

# the thresholds, as score.py itself enforces them
ok "score.py --min-* thresholds pass" python3 "$CORPUS/score.py" --min-quote-f1 0.98 --min-attr 0.95 \
    --min-entity-f1 0.90 "$CORPUS" -- "$QUOTH" --json {}

"$QUOTH" --json "$CORPUS/kallas-nato.txt" > "$TMP/kallas.json"
split=$(python3 -c '
import json, sys, collections
d = json.load(open(sys.argv[1]))
c = collections.Counter(q["speaker"] for q in d["quotes"])
print(len(d["quotes"]), c["Kaja Kallas"], c["Mark Rutte"])' "$TMP/kallas.json")
is "$split" "10 8 2" "kallas-nato: 10 quotes, 8 Kaja Kallas, 2 Mark Rutte"

done_testing
