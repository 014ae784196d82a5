#!/bin/sh
# How each command grows with the landscape (issue 21, item 5): check,
# metrics, power, landscape gaps, an aggregated map and the report on
# generated landscapes of 10,000, 100,000 and 1,000,000 orgs (three ties
# per org, seed 1; SIZES overrides, e.g. SIZES="10000 100000 1000000
# 3000000"), wall seconds and peak RSS of one run each (RUNS=N for the
# median of N), --no-cache, and the growth exponent fitted by least squares
# on log(time) against log(orgs) (1 = linear), over every size and between
# the two largest alone: path metrics are exact up to 20,000 orgs and
# sampled above, so the first size costs more than the trend suggests.
#
# Usage: bench/scaling.sh   (about 8 minutes on 2 cores at the default sizes)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
sizes=${SIZES:-10000 100000 1000000}
runs=${RUNS:-1}
tmpf=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$tmpf" "$out"' EXIT

. "$top/bench/lib.sh" # landscape N

# one CMD LANDSCAPE: median wall seconds and the largest peak RSS (MiB) of
# RUNS runs, as "SECONDS MIB"
one() {
	cmd=$1 l=$2
	walls= mem=0
	i=0
	while [ $i -lt "$runs" ]; do
		case $cmd in
		check) set -- check "$l" ;;
		metrics) set -- metrics "$l" --format csv -o "$out/m.csv" ;;
		power) set -- power "$l" --format csv -o "$out/p.csv" ;;
		gaps) set -- gaps "$l" --format csv -o "$out/g.csv" ;;
		map) set -- map "$l" --aggregate community -o "$out/map.svg" ;;
		report) set -- report "$l" -o "$out/r.html" ;;
		esac
		/usr/bin/time -f '%e %M' -o "$tmpf" "$coalmap" "$@" --no-cache --quiet >/dev/null 2>&1 ||
			echo "FAILED: coalmap $*" >&2
		read -r w m <"$tmpf"
		walls="$walls $w"
		[ "$m" -gt "$mem" ] && mem=$m
		i=$((i + 1))
	done
	printf '%s %s\n' "$(echo "$walls" | tr ' ' '\n' | grep . | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')" \
		$((mem / 1024))
}

cmds="check metrics power gaps map report"
printf '%-8s' "command"
for n in $sizes; do printf ' %18s' "$n orgs"; done
printf ' %9s %9s\n' "exponent" "last two"
for c in $cmds; do
	printf '%-8s' "$c"
	pts=
	for n in $sizes; do
		l=$(landscape "$n")
		set -- $(one "$c" "$l")
		printf ' %9s s %5s MiB' "$1" "$2"
		pts="$pts $n:$1"
	done
	echo "$pts" | tr ' ' '\n' | grep . | awk -F: '{x = log($1); y = log($2 > 0.005 ? $2 : 0.005);
		sx += x; sy += y; sxx += x * x; sxy += x * y; k++; px = lx; py = ly; lx = x; ly = y}
		END {printf " %9.2f %9.2f\n", (k * sxy - sx * sy) / (k * sxx - sx * sx), (ly - py) / (lx - px)}'
done
