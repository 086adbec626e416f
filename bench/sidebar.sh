#!/bin/sh
# bench/sidebar.sh — the sidebar model's cost at two sizes (5 000 and 500 000
# quotes): building is linear, a keystroke (j/k, g/G, following the reader,
# PgDn + redraw of a 50-line sidebar) must cost the same at both sizes.
#   bench/sidebar.sh [build-dir]     (default: the current directory)
set -e
build=${1:-.}
make -s -C "$build" bench/sidebar_bench >/dev/null
for n in 5000 500000; do "$build/bench/sidebar_bench" "$n" 40; done
