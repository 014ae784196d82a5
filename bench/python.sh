#!/bin/sh
# The Python package's cost over the C engine (issue 24: at most 5 %):
# coalmap.load(L).metrics() in Python against `coalmap metrics L --format
# csv` on a generated landscape of ORGS orgs (default 100,000; 3 ties per
# org, seed 1; path metrics sampled as the CLI samples them).  Each side
# runs RUNS times (default 5), alternately; the medians of wall time are
# compared two ways: the whole process (interpreter start and imports
# included) and the call alone (load and metrics, timed inside Python),
# with the part of it that turns the engine's table into the DataFrame.
# The CLI's time includes writing its CSV, which the package skips.
# Run from a build tree after make; needs the extension (python3-dev).
# Usage: bench/python.sh [ORGS]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${top_builddir:-$top}
coalmap=${COALMAP:-$build/cli/coalmap}
py=${PYTHON3:-/usr/bin/python3}
runs=${RUNS:-5}
orgs=${1:-100000}
land="$build/bench/out/python-$orgs"
export PYTHONPATH="$top/bindings/python:$build/bindings/python/.libs"

mkdir -p "$build/bench/out"
[ -f "$land/relationships.csv" ] || "$coalmap" generate --orgs "$orgs" --ties $((orgs * 3)) --seed 1 -o "$land" >/dev/null
tmpf=$(mktemp)
trap 'rm -f "$tmpf"' EXIT

c_times= p_times= call_times= conv_times=
i=0
while [ $i -lt "$runs" ]; do
	/usr/bin/time -f '%e' -o "$tmpf" "$coalmap" metrics "$land" --no-cache --format csv -o /dev/null --quiet
	c_times="$c_times $(cat "$tmpf")"
	/usr/bin/time -f '%e' -o "$tmpf" "$py" -c '
import sys, time
import coalmap
t = time.monotonic()
L = coalmap.load(sys.argv[1])
table = L._run({}, "metrics")
c = time.monotonic()
df = coalmap._frame(table, index="id")
e = time.monotonic()
sys.stdout.write("%.3f %.3f\n" % (e - t, e - c))
' "$land" >"$tmpf.call"
	p_times="$p_times $(cat "$tmpf")"
	read -r call conv <"$tmpf.call"
	call_times="$call_times $call"
	conv_times="$conv_times $conv"
	i=$((i + 1))
done
rm -f "$tmpf.call"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c=$(median $c_times) p=$(median $p_times) call=$(median $call_times) conv=$(median $conv_times)
printf 'metrics on %s orgs, median of %s runs (wall seconds)\n' "$orgs" "$runs"
printf '  C  coalmap metrics --format csv       %6.2f\n' "$c"
printf '  Py process (start, import, call)      %6.2f   ratio %.3f\n' "$p" "$(awk "BEGIN{print $p / $c}")"
printf '  Py load(...).metrics() alone          %6.2f   ratio %.3f  (goal <= 1.05)\n' "$call" \
	"$(awk "BEGIN{print $call / $c}")"
printf '    of which table -> DataFrame         %6.3f\n' "$conv"
