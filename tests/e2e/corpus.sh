#!/bin/sh
# corpus.sh — the engine's quality on the development corpus (tests/corpus):
# score.py must report quote F1 >= 0.98, attribution >= 0.95 and entity
# F1 >= 0.90, and kallas-nato.txt must have all 10 quotes, 8 by Kaja Kallas
# and 2 by Mark Rutte. python3 is a test dependency (README): no skip.
. "$TOP_SRCDIR/tests/lib.sh"
CORPUS="$TOP_SRCDIR/tests/corpus"

ok "python3 is installed (a listed test dependency)" command -v python3

scores_at_least "$CORPUS" quote_f1=0.98 attribution=0.95 entity_f1=0.90

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
