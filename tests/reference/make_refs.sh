#!/bin/sh
# Regenerates the committed NetworkX references tests/data/ref/NAME.csv from
# tests/data/ref/cases.txt.  Run by hand when a case is added; the test suite
# only compares against the committed files and never regenerates them.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
py=${PYTHON3:-/usr/bin/python3}
grep -v '^#' "$top/tests/data/ref/cases.txt" | while IFS='|' read -r name dir opts; do
	[ -n "$name" ] || continue
	# shellcheck disable=SC2086
	"$py" "$top/tests/reference/nx_metrics.py" "$top/$dir" $opts \
		-o "$top/tests/data/ref/$name.csv" 2>/dev/null
	echo "wrote tests/data/ref/$name.csv"
done
