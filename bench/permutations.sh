#!/bin/sh
# Permutation tests' cost (issue 20, item 1): `coalmap power --group-by
# region` on a generated landscape (default 10,000 orgs and 30,000 ties,
# seed 1) with --permutations 0 and with --permutations 1000 (the default),
# median wall and CPU (user + system) seconds of RUNS runs (default 3), the
# two run alternately; target: with the tests, under 10 s on 2 cores.
# Usage: bench/permutations.sh [ORGS [TIES]]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
runs=${RUNS:-3}
orgs=${1:-10000}
ties=${2:-$((3 * orgs))}
out=$top/bench/out/load-$orgs-$ties
tmpf=$(mktemp)
trap 'rm -f "$tmpf"' EXIT
mkdir -p "$out"
[ -s "$out/relationships.csv" ] || "$coalmap" generate --orgs "$orgs" --ties "$ties" --seed 1 -o "$out" >/dev/null

# timed N: one run with N permutations; appends wall and CPU to w$N, c$N
timed() {
	/usr/bin/time -f '%e %U %S' -o "$tmpf" "$coalmap" power "$out" --no-cache --group-by region --permutations "$1" \
		--format csv -o "$out/power-perm$1.csv" 2>/dev/null
	read -r w u s <"$tmpf"
	eval "w$1=\"\${w$1:-} $w\" c$1=\"\${c$1:-} $(awk "BEGIN{print $u + $s}")\""
}
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

i=0
while [ $i -lt "$runs" ]; do
	timed 0
	timed 1000
	i=$((i + 1))
done
# shellcheck disable=SC2154,SC2086
{ a=$(med $w0) ac=$(med $c0) b=$(med $w1000) bc=$(med $c1000); }
echo "landscape: $orgs orgs, $ties ties ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)); median of $runs runs"
echo "coalmap power --group-by region --permutations 0:    $a s (CPU $ac s)"
echo "coalmap power --group-by region --permutations 1000: $b s (CPU $bc s)"
echo "the tests: $(awk "BEGIN{printf \"%.2f\", $b - $a}") s wall, $(awk "BEGIN{printf \"%.2f\", $bc - $ac}") s CPU;" \
	"target: the whole run under 10 s: $(awk "BEGIN{print ($b < 10) ? \"met\" : \"MISSED\"}")"
