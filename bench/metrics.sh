#!/bin/sh
# Per-organization metrics: coalmap against the pandas + python-igraph and
# NetworkX scripts an analyst would write (bench/peer_igraph.py,
# bench/peer_networkx.py), on generated landscapes of 1,000 / 10,000 /
# 100,000 / 1,000,000 orgs with 3 ties per org (seed 1), whole process timed,
# median of RUNS runs (default 3), peak RSS.  Prints one table with the
# ratios coalmap / peer.  Above 20,000 orgs coalmap estimates betweenness and
# harmonic closeness from 1,000 sampled sources and python-igraph runs
# without them (--no-paths), as issue 6's targets define; NetworkX is skipped
# where it would take more than 10 minutes.
# Usage: bench/metrics.sh [SIZES...]   e.g. bench/metrics.sh 1000 10000
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
py=${PYTHON3:-/usr/bin/python3}
runs=${RUNS:-3}
sizes=${*:-1000 10000 100000 1000000}
nx_limit=600

# median_of CMD...: runs CMD $runs times; sets $med (s) and $rss (MiB), or med=skip on timeout/failure
median_of() {
	times=
	rss=0
	i=0
	while [ $i -lt "$runs" ]; do
		if ! timeout "$nx_limit" /usr/bin/time -f '%e %M' -o "$tmpf" "$@" >/dev/null 2>"$tmpf.err"; then
			med=skip
			return 0
		fi
		read -r t m <"$tmpf"
		times="$times $t"
		[ "$m" -gt "$rss" ] && rss=$m
		i=$((i + 1))
	done
	med=$(printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	rss=$(awk "BEGIN{printf \"%.0f\", $rss / 1024}")
}

tmpf=$(mktemp)
trap 'rm -f "$tmpf" "$tmpf.err"' EXIT
printf '%-9s %-22s %9s %9s   %s\n' orgs tool "median s" "peak MiB" "coalmap/peer"
for n in $sizes; do
	dir=$top/bench/out/load-$n-$((3 * n))
	[ -s "$dir/relationships.csv" ] || "$coalmap" generate --orgs "$n" --ties $((3 * n)) --seed 1 -o "$dir"
	median_of "$coalmap" metrics "$dir" --no-cache --format csv -o "$dir/coalmap.csv"
	cm=$med
	printf '%-9s %-22s %9s %9s\n' "$n" coalmap "$cm" "$rss"
	if [ "$n" -gt 20000 ]; then
		median_of "$py" "$top/bench/peer_igraph.py" "$dir" "$dir/igraph.csv" --no-paths
		label="python-igraph (no paths)"
	else
		median_of "$py" "$top/bench/peer_igraph.py" "$dir" "$dir/igraph.csv"
		label="python-igraph"
	fi
	if [ "$med" = skip ]; then
		printf '%-9s %-22s %9s\n' "$n" "$label" "skipped"
	else
		printf '%-9s %-22s %9s %9s   %.3f\n' "$n" "$label" "$med" "$rss" "$(awk "BEGIN{print $cm / $med}")"
	fi
	if [ "$n" -le 10000 ]; then
		runs_save=$runs
		runs=1
		median_of "$py" "$top/bench/peer_networkx.py" "$dir" "$dir/networkx.csv"
		runs=$runs_save
		if [ "$med" = skip ]; then
			printf '%-9s %-22s %9s\n' "$n" networkx "> 600 s, skipped"
		else
			printf '%-9s %-22s %9s %9s   %.3f\n' "$n" networkx "$med" "$rss" "$(awk "BEGIN{print $cm / $med}")"
		fi
	else
		printf '%-9s %-22s %9s\n' "$n" networkx "skipped (would take > 10 min)"
	fi
done
