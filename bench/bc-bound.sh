#!/bin/sh
# Betweenness within a bound (issue 21, item 3): `coalmap metrics --epsilon
# E` against today's sampled estimate (source sampling, the default above
# 20,000 orgs) on the same generated landscape, and the bound checked
# against exact values over repeated seeds.
#
#   1. Time and error on ORGS orgs (default 100,000; seed 1, three ties per
#      org): the default `coalmap metrics` (285 sampled sources) and
#      --epsilon 0.02, 0.01 and 0.005, median wall and CPU seconds of RUNS
#      runs (default 3) run alternately, each with its largest error on
#      betweenness_norm over all orgs, the median and largest relative
#      error of the exact top 10, and how many of the exact top 10 it puts
#      in its top 10.  The exact values come from `coalmap metrics --exact`
#      (checked against NetworkX by tests/cli/metrics-reference.sh), kept
#      in bench/out/ (several minutes on 2 cores the first time).
#   2. The promise: SEEDS runs (default 10, seeds 1..SEEDS) of --epsilon
#      0.01 --delta 0.1 on a generated 20,000-org landscape and on each
#      LANDSCAPE given (e.g. /tmp/realland/polblogs), checked by
#      tests/reference/nx_bc_bound.py against python-igraph's exact
#      betweenness: runs with an org off by more than epsilon, or whose
#      exact value falls outside [betweenness_low, betweenness_high].
#
# Usage: bench/bc-bound.sh [ORGS [LANDSCAPE...]]
# Needs: python3-pandas, python3-networkx, python3-igraph.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
runs=${RUNS:-3}
seeds=${SEEDS:-10}
orgs=${1:-100000}
[ $# -gt 0 ] && shift
py=${PYTHON3:-/usr/bin/python3}
tmpf=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$tmpf" "$out"' EXIT

. "$top/bench/lib.sh" # landscape N

big=$(landscape "$orgs")
exact=$top/bench/out/bc-exact-$orgs.csv
if [ ! -s "$exact" ]; then
	echo "exact betweenness of $orgs orgs (once, kept in $exact) ..."
	"$coalmap" metrics "$big" --exact --no-cache --quiet --format csv -o "$exact.tmp" && mv "$exact.tmp" "$exact"
fi

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

echo
echo "1. betweenness on $orgs orgs: the default sampled estimate against --epsilon (median of $runs runs)"
printf '%-16s %8s %8s  %s\n' "run" "wall s" "CPU s" "error against the exact values"
for opt in "" "--epsilon 0.02" "--epsilon 0.01" "--epsilon 0.005"; do
	walls= cpus=
	i=0
	while [ $i -lt "$runs" ]; do
		# shellcheck disable=SC2086
		/usr/bin/time -f '%e %U %S' -o "$tmpf" "$coalmap" metrics "$big" $opt --no-cache --quiet --format csv \
			-o "$out/run.csv" 2>/dev/null
		read -r w u s <"$tmpf"
		walls="$walls $w" cpus="$cpus $(awk "BEGIN{print $u + $s}")"
		i=$((i + 1))
	done
	err=$("$py" - "$exact" "$out/run.csv" <<'PY'
import sys
import pandas as pd
ex = pd.read_csv(sys.argv[1], usecols=["id", "betweenness_norm"]).set_index("id").betweenness_norm
r = pd.read_csv(sys.argv[2], usecols=["id", "betweenness_norm"]).set_index("id").betweenness_norm
top = ex.sort_values(ascending=False).index[:10]
e = (r - ex).abs()
rel = e[top] / ex[top]
hit = len(set(top) & set(r.sort_values(ascending=False).index[:10]))
print("largest %.5f; top 10: median %.1f %%, largest %.1f %% relative; %d of the top 10 found"
      % (e.max(), 100 * rel.median(), 100 * rel.max(), hit))
PY
)
	printf '%-16s %8s %8s  %s\n' "${opt:-default (285 sources)}" "$(echo "$walls" | median)" \
		"$(echo "$cpus" | median)" "$err"
done

echo
echo "2. the promise of --epsilon 0.01 --delta 0.1 over $seeds seeds (exact values: python-igraph)"
set -- "$(landscape 20000)" "$@"
for l in "$@"; do
	files=
	s=1
	while [ "$s" -le "$seeds" ]; do
		"$coalmap" metrics "$l" --no-cache --epsilon 0.01 --delta 0.1 --sample-seed "$s" --quiet --format csv \
			-o "$out/seed-$s.csv" 2>/dev/null
		files="$files $out/seed-$s.csv"
		s=$((s + 1))
	done
	# shellcheck disable=SC2086
	PYTHONPATH="$top/tests/reference" "$py" "$top/tests/reference/nx_bc_bound.py" --igraph "$l" 0.01 0.1 $files ||
		echo "FAILED: $l"
done
