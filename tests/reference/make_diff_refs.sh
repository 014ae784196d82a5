#!/bin/sh
# Regenerates the committed diff references tests/data/ref/diff/NAME.csv
# from tests/data/ref/diff/cases.txt (nx_diff.py).  Run by hand when a case
# is added; the test suite only compares against the committed files.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
ref=$top/tests/data/ref/diff
py=${PYTHON3:-/usr/bin/python3}
grep -v '^#' "$ref/cases.txt" | while IFS='|' read -r name dirs opts; do
	[ -n "$name" ] || continue
	set --
	for d in $dirs; do
		set -- "$@" "$top/$d"
	done
	# shellcheck disable=SC2086
	"$py" "$top/tests/reference/nx_diff.py" "$@" $opts -o "$ref/$name.csv"
	echo "wrote tests/data/ref/diff/$name.csv"
done
