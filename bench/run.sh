#!/bin/sh
# The benchmark table of issue 6 in one command (`make bench` runs it):
# generated landscapes (seed 1, three ties per org), whole processes timed
# with /usr/bin/time (wall seconds, peak RSS), median of RUNS runs (default
# 3; the 1,000,000-org rows run once unless RUNS_1M says otherwise), and the
# ratio coalmap / peer for every target row.
#
#   1. all per-org metrics, exact, 10,000 orgs: coalmap vs python-igraph
#      (bench/peer_igraph.py) and NetworkX (bench/peer_networkx.py)
#   2. all per-org metrics, 100,000 orgs (coalmap's path metrics sampled):
#      coalmap vs python-igraph without betweenness and harmonic closeness
#   3. load + all per-org metrics, 1,000,000 orgs: time and peak RSS (and
#      python-igraph without paths on the same file unless NO_PEER_1M=1)
#   4. load + build graphs (coalmap check), 1,000,000 orgs: MB/s of CSV
#   5. coalmap map, 2,000 orgs, default settings (PNG)
#
# NetworkX is run on 1,000 orgs; on 10,000 it runs only when the 1,000-org
# time scaled by the O(n*m) growth of its betweenness and closeness (100x)
# stays under 10 minutes, otherwise the table says it was skipped and why.
# Usage: bench/run.sh            (about 15-25 minutes on 2 cores)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
py=${PYTHON3:-/usr/bin/python3}
runs=${RUNS:-3}
runs_1m=${RUNS_1M:-1}
nx_limit=600   # NetworkX runs stop after 10 minutes
limit=3600     # any other run after an hour
tmpf=$(mktemp)
trap 'rm -f "$tmpf" "$tmpf.err"' EXIT

. "$top/bench/lib.sh" # landscape N

# measure RUNS CMD...: sets med (median wall s, or "fail"), best (fastest)
# and rss (largest peak RSS, MiB) over RUNS runs
measure() {
	n=$1
	shift
	echo "  ($(date -u +%H:%M:%S)) $n x $*" | sed "s|$top/||g" >&2
	times=
	rss=0
	i=0
	while [ $i -lt "$n" ]; do
		if ! timeout "$limit" /usr/bin/time -f '%e %M %U %S' -o "$tmpf" "$@" >/dev/null 2>"$tmpf.err"; then
			med=fail
			best=fail
			return 0
		fi
		read -r t m u sy <"$tmpf"
		times="$times $t"
		cpu=$(awk "BEGIN{print $u + $sy}")
		[ "$m" -gt "$rss" ] && rss=$m
		i=$((i + 1))
	done
	med=$(printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	best=$(printf '%s\n' $times | sort -n | head -1)
	rss=$(awk "BEGIN{printf \"%.0f\", $rss / 1024}")
}

ratio() { awk "BEGIN{printf \"%.3f\", $1 / $2}"; }
verdict() { awk "BEGIN{print ($1 <= $2) ? \"met\" : \"MISSED\"}"; }

echo "coalmap benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(uname -srm), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores," \
	"$(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median of $runs runs ($runs_1m at 1,000,000 orgs); wall seconds; peak RSS in MiB;"
echo "CPU = user + system seconds of the last run (less sensitive to other load than wall time)"
echo

s1k=$(landscape 1000)
s10k=$(landscape 10000)
s100k=$(landscape 100000)
s1m=$(landscape 1000000)
s2k=$(landscape 2000)

out=$top/bench/out
rows=

# 1. 10,000 orgs, exact
measure "$runs" "$coalmap" metrics "$s10k" --no-cache --exact --format csv -o "$s10k/coalmap.csv"
c10=$med c10r=$rss c10c=$cpu
measure "$runs" "$py" "$top/bench/peer_igraph.py" "$s10k" "$s10k/igraph.csv"
i10=$med i10r=$rss i10c=$cpu
limit=$nx_limit
measure 1 "$py" "$top/bench/peer_networkx.py" "$s1k" "$s1k/networkx.csv"
limit=3600
nx1k=$med
nxest=$(awk "BEGIN{printf \"%.0f\", $nx1k * 100}")
if [ "$nxest" -gt "$nx_limit" ]; then
	nx10="skipped: would take about $nxest s (1,000 orgs: $nx1k s, x100 for n*m)"
	nxratio="about $(ratio "$c10" "$nxest") against the estimate; < $(ratio "$c10" "$nx_limit") against 600 s"
	nxv="$(verdict "$(ratio "$c10" "$nxest")" 0.02) (estimated)"
else
	limit=$nx_limit
	measure 1 "$py" "$top/bench/peer_networkx.py" "$s10k" "$s10k/networkx.csv"
	limit=3600
	if [ "$med" = fail ]; then
		nx10="> 600 s, stopped"
		nxratio="< $(ratio "$c10" "$nx_limit")"
		nxv=$(verdict "$(ratio "$c10" "$nx_limit")" 0.02)
	else
		nx10="$med s, $rss MiB"
		nxratio=$(ratio "$c10" "$med")
		nxv=$(verdict "$nxratio" 0.02)
	fi
fi
r10=$(ratio "$c10" "$i10")

# 2. 100,000 orgs, sampled paths vs python-igraph without paths
measure "$runs" "$coalmap" metrics "$s100k" --no-cache --format csv -o "$s100k/coalmap.csv"
c100=$med c100r=$rss c100c=$cpu
k100=$(sed -n 's/.*estimated from \([0-9]*\) of.*/\1/p' "$tmpf.err")
measure "$runs" "$py" "$top/bench/peer_igraph.py" "$s100k" "$s100k/igraph.csv" --no-paths
i100=$med i100r=$rss i100c=$cpu
r100=$(ratio "$c100" "$i100")

# 3. 1,000,000 orgs, load + all metrics
measure "$runs_1m" "$coalmap" metrics "$s1m" --no-cache --format csv -o "$s1m/coalmap.csv"
c1m=$med c1mr=$rss c1mc=$cpu
k1m=$(sed -n 's/.*estimated from \([0-9]*\) of.*/\1/p' "$tmpf.err")
if [ "${NO_PEER_1M:-0}" = 1 ]; then
	i1m="not run (NO_PEER_1M=1)"
else
	measure "$runs_1m" "$py" "$top/bench/peer_igraph.py" "$s1m" "$s1m/igraph.csv" --no-paths
	if [ "$med" = fail ]; then i1m="failed or > 1 h"; else i1m="$med s, $rss MiB (CPU $cpu s)"; fi
fi

# 4. loading, 1,000,000 orgs
bytes=$(cat "$s1m/organizations.csv" "$s1m/relationships.csv" | wc -c)
measure "$runs" "$coalmap" check "$s1m"
lbest=$best lrss=$rss lc=$cpu
mbs=$(awk "BEGIN{printf \"%.0f\", $bytes / 1e6 / $lbest}")
measure "$runs" "$py" "$top/bench/peer_load.py" "$s1m"
pl=$best plr=$rss
pmbs=$(awk "BEGIN{printf \"%.0f\", $bytes / 1e6 / $pl}")

# 5. map, 2,000 orgs
measure "$runs" "$coalmap" map "$s2k" --no-cache -o "$s2k/map.png"
mp=$med mpr=$rss mpc=$cpu

echo "| work | coalmap | peer | ratio | target | |"
echo "|---|---|---|---|---|---|"
echo "| all per-org metrics, exact, 10,000 orgs / 30,000 ties | $c10 s, $c10r MiB (CPU $c10c s) | python-igraph $i10 s, $i10r MiB (CPU $i10c s) | $r10 | <= 0.5 | $(verdict "$r10" 0.5) |"
echo "| (same) | | NetworkX $nx10 | $nxratio | <= 0.02 | $nxv |"
echo "| all per-org metrics, 100,000 orgs / 300,000 ties (betweenness and harmonic from $k100 sampled sources) | $c100 s, $c100r MiB (CPU $c100c s) | python-igraph without betweenness and harmonic $i100 s, $i100r MiB (CPU $i100c s) | $r100 | <= 0.5 | $(verdict "$r100" 0.5) |"
echo "| load + all per-org metrics, 1,000,000 orgs / 3,000,000 ties (betweenness and harmonic from $k1m sampled sources) | $c1m s, $c1mr MiB (CPU $c1mc s) | python-igraph without betweenness and harmonic: $i1m | | < 60 s, < 3072 MiB | $(awk "BEGIN{print ($c1m < 60 && $c1mr < 3072) ? \"met\" : \"MISSED\"}") |"
echo "| load + build graphs (coalmap check), 1,000,000 orgs, $(awk "BEGIN{printf \"%.0f\", $bytes / 1e6}") MB of CSV | $lbest s = $mbs MB/s, $lrss MiB (CPU $lc s) | pandas + python-igraph $pl s = $pmbs MB/s, $plr MiB | $(ratio "$lbest" "$pl") | >= 150 MB/s | $(verdict 150 "$mbs") |"
echo "| coalmap map, 2,000 orgs, default settings (PNG) | $mp s, $mpr MiB (CPU $mpc s) | | | < 10 s | $(verdict "$mp" 10) |"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
