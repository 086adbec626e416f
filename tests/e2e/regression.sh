#!/bin/sh
# regression.sh — the engine's quality on the regression corpus
# (tests/regression: articles first used as held-out sets). The floors lie
# just under today's totals (quote F1 1.000, attribution 0.989, entity F1
# 0.970): a rule that helps one article and breaks others fails here.
. "$TOP_SRCDIR/tests/lib.sh"
scores_at_least "$TOP_SRCDIR/tests/regression" quote_f1=0.99 attribution=0.985 entity_f1=0.969

done_testing
