#!/bin/sh
# Loading benchmark: generates a landscape (default 1,000,000 orgs and
# 3,000,000 ties, seed 1), then times `coalmap check` (parse and validate both
# CSV files, build the collaboration and tie graphs in igraph, count
# components) against a pandas + python-igraph script doing the same reading
# and graph building.  Prints throughput (MB/s of CSV), wall time and peak
# RSS for each, and the ratio.  Usage: bench/load.sh [ORGS [TIES]]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
py=${PYTHON3:-/usr/bin/python3}
orgs=${1:-1000000}
ties=${2:-$((3 * orgs))}
out=$top/bench/out/load-$orgs-$ties
mkdir -p "$out"

if [ ! -s "$out/relationships.csv" ]; then
	echo "generating $orgs orgs / $ties ties in $out ..."
	"$coalmap" generate --orgs "$orgs" --ties "$ties" --seed 1 -o "$out"
fi
bytes=$(cat "$out/organizations.csv" "$out/relationships.csv" | wc -c)
mb=$(echo "$bytes" | awk '{printf "%.1f", $1 / 1e6}')

# measure NAME CMD...: best of 3 runs; prints wall seconds and peak RSS (MiB)
measure() {
	name=$1
	shift
	best=
	rss=
	for i in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$out/time" "$@" >/dev/null 2>"$out/stderr" || {
			echo "$name failed:"; cat "$out/stderr"; exit 1; }
		read -r t m <"$out/time"
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=$m; fi
	done
	printf '%-28s %8.2f s %9.1f MB/s %8.0f MiB peak\n' "$name" "$best" \
		"$(awk "BEGIN{print $bytes / 1e6 / ($best > 0 ? $best : 0.01)}")" "$(awk "BEGIN{print $rss / 1024}")"
	eval "t_$2=$best" 2>/dev/null || true
	last=$best
}

echo "landscape: $orgs orgs, $ties ties, $mb MB of CSV ($(nproc) cores)"
measure "coalmap check" "$coalmap" check "$out"
t_coalmap=$last
if "$py" -c 'import pandas, igraph' 2>/dev/null; then
	measure "pandas + python-igraph" "$py" "$top/bench/peer_load.py" "$out"
	t_peer=$last
	awk "BEGIN{printf \"ratio coalmap / pandas+igraph: %.2f\n\", $t_coalmap / $t_peer}"
else
	echo "pandas + python-igraph: not installed (apt-get install python3-pandas python3-igraph)"
fi
