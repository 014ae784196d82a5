#!/bin/sh
# Map benchmark: `coalmap map` at default settings on a generated landscape
# of 2,000 orgs (6,000 ties; sfdp, every org drawn, the 30 top brokers
# labelled) and `--aggregate community` on one of 100,000 orgs (300,000
# ties), as PNG and SVG; wall time and peak RSS from /usr/bin/time, best of
# 3.  Usage: bench/map.sh [ORGS [BIG_ORGS]]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
small=${1:-2000}
big=${2:-100000}

. "$top/bench/lib.sh" # landscape N

# bench LABEL LANDSCAPE OUTPUT ARGS...: best of 3
bench() {
	label=$1 dir=$2 out=$3
	shift 3
	best=
	for i in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$dir/time" "$coalmap" map "$dir" --no-cache -o "$out" "$@" 2>/dev/null
		read -r t m <"$dir/time"
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=$m; fi
	done
	printf '%-58s %6.2f s %6.0f MiB peak  %s\n' "$label" "$best" "$(awk "BEGIN{print $rss / 1024}")" \
		"$(wc -c <"$out" | awk '{printf "%.1f MB", $1 / 1e6}')"
}

s=$(landscape "$small")
b=$(landscape "$big")
echo "coalmap map ($(nproc) cores)"
bench "$small orgs, default settings, PNG" "$s" "$s/map.png"
bench "$small orgs, default settings, SVG" "$s" "$s/map.svg"
bench "$big orgs, --aggregate community, PNG" "$b" "$b/map.png" --aggregate community
bench "$big orgs, --aggregate community, SVG" "$b" "$b/map.svg" --aggregate community
