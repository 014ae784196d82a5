#!/bin/bash
# bench/linkpred.sh REALLAND_DIR [OUT_DIR]
#
# Issue 17 item 6: how well `coalmap gaps --for ORG` recovers real ties, on
# the real landscapes under REALLAND_DIR (written by
# /work/shared/realdata/convert.py; none is committed): hidden 10 % of the
# ties, and eies-t1 -> eies-t2 tie formation, recall@10 and precision@10 of
# coalmap's four role lists (`--role all`) against common neighbours,
# Adamic-Adar, Jaccard, preferential attachment (NetworkX) and random.
# See bench/linkpred.py and the section "How well the recommendations
# recover real ties" of docs/gaps.md.
#
# Prints one markdown table and writes it to OUT_DIR/linkpred.md (default
# bench/out/linkpred; the reduced landscapes go to OUT_DIR/reduced).
# Seeded and deterministic; at most 2 coalmap processes at a time.
# Environment: COALMAP (default: the built cli/coalmap beside this script),
# SEED (17), MAX_ORGS (orgs scored per network, 100), MAX_SANITY (orgs per
# network for the closeness-only check, 25), BALANCED=1 (also score
# `--role balanced`, the old default: twice the runs).  Not part of make
# check.

set -u
LC_ALL=C.UTF-8
export LC_ALL
usage() { echo "usage: bench/linkpred.sh REALLAND_DIR [OUT_DIR]" >&2; exit 2; }
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
[ -d "$1" ] || { echo "bench/linkpred.sh: $1: not a folder" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${2:-$ROOT/bench/out/linkpred}
C=${COALMAP:-$ROOT/cli/coalmap}
[ -x "$C" ] || { echo "bench/linkpred.sh: $C: not built (make)" >&2; exit 2; }
mkdir -p "$OUT" || exit 2
exec /usr/bin/python3 "$ROOT/bench/linkpred.py" "$1" "$OUT" "$C"
