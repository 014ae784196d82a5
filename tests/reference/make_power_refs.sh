#!/bin/sh
# Regenerates the committed power-report and brokerage references
# tests/data/ref/power/NAME.csv from tests/data/ref/power/cases.txt
# (nx_power.py) and tests/data/ref/power/brokerage.txt (sna_brokerage.R).
# Run by hand when a case is added; the test suite only compares against the
# committed files and never regenerates them.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
ref=$top/tests/data/ref/power
py=${PYTHON3:-/usr/bin/python3}
rscript=${RSCRIPT:-Rscript}
grep -v '^#' "$ref/cases.txt" | while IFS='|' read -r name dir opts; do
	[ -n "$name" ] || continue
	# shellcheck disable=SC2086
	"$py" "$top/tests/reference/nx_power.py" "$top/$dir" $opts -o "$ref/$name.csv"
	echo "wrote tests/data/ref/power/$name.csv"
done
grep -v '^#' "$ref/brokerage.txt" | while IFS='|' read -r name dir attr opts; do
	[ -n "$name" ] || continue
	# shellcheck disable=SC2086
	PYTHON3=$py "$rscript" "$top/tests/reference/sna_brokerage.R" "$top/$dir" \
		"$attr" "$ref/$name.csv" $opts
	echo "wrote tests/data/ref/power/$name.csv"
done
