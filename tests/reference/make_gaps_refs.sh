#!/bin/sh
# Regenerates the committed gaps and path references tests/data/ref/gaps/NAME.csv
# from tests/data/ref/gaps/cases.txt (nx_gaps.py, nx_path.py).  Run by hand
# when a case is added; the test suite only compares against the committed
# files and never regenerates them.
#
# Landscape-gaps cases need coalmap's community labels (Louvain partitions
# are not unique): NAME.communities.csv (id,community) is rewritten from
# `$COALMAP metrics LANDSCAPE [--types ..] [--at ..] --format csv` when
# $COALMAP (default cli/coalmap) runs, and the committed file is used
# otherwise.  It is the only input taken from coalmap.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
ref=$top/tests/data/ref/gaps
py=${PYTHON3:-/usr/bin/python3}
coalmap=${COALMAP:-$top/cli/coalmap}

# the --types/--at options of ARGS, for `coalmap metrics`
graph_opts() {
	out=
	while [ $# -gt 0 ]; do
		case $1 in
		--types|--at) out="$out $1 $2"; shift ;;
		esac
		shift
	done
	echo "$out"
}

grep -v '^#' "$ref/cases.txt" | while IFS='|' read -r name kind dir args; do
	[ -n "$name" ] || continue
	case $kind in
	recs)
		# shellcheck disable=SC2086
		"$py" "$top/tests/reference/nx_gaps.py" "$top/$dir" $args -o "$ref/$name.csv" ;;
	landscape)
		comm=$ref/$name.communities.csv
		# shellcheck disable=SC2086,SC2046
		if "$coalmap" metrics "$top/$dir" $(graph_opts $args) --format csv \
			-o "$ref/.metrics.$$.csv" 2>/dev/null; then
			"$py" -c 'import csv, sys
r = csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""))
w = csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8"), lineterminator="\n")
w.writerow(["id", "community"])
for row in r:
    w.writerow([row["id"][1:] if row["id"][:1] == "\x27" and row["id"][1:2] in "=+-@\t\r" else row["id"], row["community"]])
' "$ref/.metrics.$$.csv" "$comm"
			rm -f "$ref/.metrics.$$.csv"
			echo "wrote tests/data/ref/gaps/$name.communities.csv (from coalmap metrics)"
		else
			rm -f "$ref/.metrics.$$.csv"
			[ -f "$comm" ] || { echo "$0: $comm missing and $coalmap metrics failed" >&2; exit 1; }
			echo "using committed tests/data/ref/gaps/$name.communities.csv" >&2
		fi
		# shellcheck disable=SC2086
		"$py" "$top/tests/reference/nx_gaps.py" "$top/$dir" $args \
			--communities "$comm" -o "$ref/$name.csv" ;;
	path)
		# shellcheck disable=SC2086
		"$py" "$top/tests/reference/nx_path.py" "$top/$dir" $args -o "$ref/$name.csv" 2>/dev/null ;;
	*)
		echo "$0: $name: unknown kind $kind" >&2; exit 1 ;;
	esac
	echo "wrote tests/data/ref/gaps/$name.csv"
done
