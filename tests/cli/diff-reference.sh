#!/bin/sh
# Every row of `coalmap diff --top 0` on the cases of tests/data/ref/diff
# equals the committed independent reference (tests/reference/nx_diff.py):
# orgs and ties gained, lost and changed, the position figures of every org
# that moved, and every network-wide figure before, after and the change.
# References are regenerated only by tests/reference/make_diff_refs.sh.
. "$(dirname "$0")/lib.sh"
ref="$top_srcdir/tests/data/ref/diff"

grep -v '^#' "$ref/cases.txt" | {
	while IFS='|' read -r name dirs opts; do
		[ -n "$name" ] || continue
		set --
		for d in $dirs; do
			set -- "$@" "$top_srcdir/$d"
		done
		# shellcheck disable=SC2086
		run diff "$@" $opts --top 0 --format csv -o "$tmp/$name.csv"
		if [ "$rc" -ne 0 ]; then
			fail "$name: coalmap diff failed: $err"
			continue
		fi
		if "$PYTHON3" "$top_srcdir/tests/reference/compare_diff.py" "$ref/$name.csv" "$tmp/$name.csv" >"$tmp/cmp" 2>&1; then
			ok
		else
			fail "$name: differs from the reference: $(cat "$tmp/cmp")"
		fi
	done
	finish
}
