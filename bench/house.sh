#!/bin/sh
# The targets of issue 14 (the analysis context computes each measure once;
# groups have member lists), as ratios of coalmap to itself on the same
# generated landscapes (seed 1, three ties per org), median wall and CPU
# seconds of RUNS runs (default 3), the two sides run alternately:
#
#   1. coalmap report vs coalmap metrics, 10,000 orgs: the report holds the
#      metrics, the power briefing, the gaps and the map, and should cost
#      little more than the metrics it is built on (target <= 1.25)
#   2. coalmap power --group-by id vs --group-by region, 100,000 orgs: one
#      group per org should cost about what a few groups cost (<= 1.2)
#   3. (issue 17) coalmap gaps --for ORG --role all vs coalmap metrics,
#      100,000 orgs (<= 1), and the same for a coalition of 50 members vs
#      one org (<= 2)
#   4. (issue 18) coalmap stakeholders --camps vs coalmap metrics, 10,000
#      orgs: balance, frustration, camps and swing actors (<= 1)
#
# Usage: bench/house.sh   (about 4 minutes on 2 cores; `make bench` runs it)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
runs=${RUNS:-3}
tmpf=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$tmpf" "$out"' EXIT

. "$top/bench/lib.sh" # landscape N

# timed WORK: runs one side of a row under /usr/bin/time into $tmpf
timed() {
	case $1 in
	report) set -- "$coalmap" report "$s10k" --no-cache -o "$out/report.html" --quiet ;;
	metrics) set -- "$coalmap" metrics "$s10k" --no-cache --format csv ;;
	by_id) set -- "$coalmap" power "$s100k" --no-cache --group-by id --format csv ;;
	by_region) set -- "$coalmap" power "$s100k" --no-cache --group-by region --format csv ;;
	metrics100k) set -- "$coalmap" metrics "$s100k" --no-cache --format csv ;;
	gaps_one) set -- "$coalmap" gaps "$s100k" --no-cache --for o1 --role all --format csv ;;
	gaps_50) set -- "$coalmap" gaps "$s100k" --no-cache --for "$fifty" --role all --format csv ;;
	camps) set -- "$coalmap" stakeholders "$s10k" --no-cache --camps --format csv ;;
	esac
	/usr/bin/time -f '%e %U %S' -o "$tmpf" "$@" >/dev/null 2>&1
}

# pair A B: runs the works A and B alternately RUNS times each (so that
# load from elsewhere falls on both alike); sets wa, wb (median wall
# seconds) and ca, cb (median CPU seconds, user + system, all threads)
pair() {
	ta= tb= ua= ub=
	i=0
	while [ $i -lt "$runs" ]; do
		timed "$1"
		read -r w u s <"$tmpf"
		ta="$ta $w" ua="$ua $(awk "BEGIN{print $u + $s}")"
		timed "$2"
		read -r w u s <"$tmpf"
		tb="$tb $w" ub="$ub $(awk "BEGIN{print $u + $s}")"
		i=$((i + 1))
	done
	wa=$(med $ta) wb=$(med $tb) ca=$(med $ua) cb=$(med $ub)
}
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
verdict() { awk "BEGIN{print ($1 <= $2) ? \"met\" : \"MISSED\"}"; }

s10k=$(landscape 10000)
s100k=$(landscape 100000)
echo "coalmap house benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median of $runs runs, the two sides of a row run alternately; wall seconds and CPU (user + system) seconds"
echo
pair report metrics
r=$wa m=$wb rc=$ca mc=$cb
pair by_id by_region
pi=$wa pr=$wb pic=$ca prc=$cb
fifty=$(awk -F, 'NR > 1 && NR <= 51 { printf "%s%s", (NR > 2 ? "," : ""), $1 }' "$s100k/organizations.csv")
pair gaps_one metrics100k
g1=$wa m100=$wb g1c=$ca m100c=$cb
pair gaps_50 gaps_one
g50=$wa g50c=$ca
pair camps metrics
sc=$wa m2=$wb scc=$ca m2c=$cb
echo "| work | coalmap | against | ratio (wall) | ratio (CPU) | target | |"
echo "|---|---|---|---|---|---|---|"
echo "| report, 10,000 orgs / 30,000 ties | $r s (CPU $rc s) | metrics $m s (CPU $mc s) | $(ratio "$r" "$m") | $(ratio "$rc" "$mc") | <= 1.25 | $(verdict "$(ratio "$r" "$m")" 1.25) |"
echo "| power --group-by id, 100,000 orgs / 300,000 ties | $pi s (CPU $pic s) | --group-by region $pr s (CPU $prc s) | $(ratio "$pi" "$pr") | $(ratio "$pic" "$prc") | <= 1.2 | $(verdict "$(ratio "$pi" "$pr")" 1.2) |"
echo "| gaps --for ORG --role all, 100,000 orgs / 300,000 ties | $g1 s (CPU $g1c s) | metrics $m100 s (CPU $m100c s) | $(ratio "$g1" "$m100") | $(ratio "$g1c" "$m100c") | <= 1 | $(verdict "$(ratio "$g1" "$m100")" 1) |"
echo "| the same for a coalition of 50 | $g50 s (CPU $g50c s) | one org $g1 s (CPU $g1c s) | $(ratio "$g50" "$g1") | $(ratio "$g50c" "$g1c") | <= 2 | $(verdict "$(ratio "$g50" "$g1")" 2) |"
echo "| stakeholders --camps, 10,000 orgs / 30,000 ties | $sc s (CPU $scc s) | metrics $m2 s (CPU $m2c s) | $(ratio "$sc" "$m2") | $(ratio "$scc" "$m2c") | <= 1 | $(verdict "$(ratio "$sc" "$m2")" 1) |"
