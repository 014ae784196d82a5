#!/bin/sh
# Every figure of `coalmap power` on the bundled landscapes equals the
# committed independent reference (tests/reference/nx_power.py), and the
# brokerage roles of `coalmap metrics --group-by` equal R's sna::brokerage
# exactly.  References are regenerated only by make_power_refs.sh.
. "$(dirname "$0")/lib.sh"
ref="$top_srcdir/tests/data/ref/power"

grep -v '^#' "$ref/cases.txt" | {
	while IFS='|' read -r name dir opts; do
		[ -n "$name" ] || continue
		# shellcheck disable=SC2086
		if ! "$COALMAP" power "$top_srcdir/$dir" $opts --format csv -o "$tmp/$name.csv" 2>"$tmp/err"; then
			fail "$name: coalmap power failed: $(cat "$tmp/err")"
			continue
		fi
		if "$PYTHON3" "$top_srcdir/tests/reference/compare_power.py" "$ref/$name.csv" "$tmp/$name.csv" >"$tmp/cmp" 2>&1; then
			ok
		else
			fail "$name: differs from the reference: $(cat "$tmp/cmp")"
		fi
	done
	grep -v '^#' "$ref/brokerage.txt" | {
		while IFS='|' read -r name dir attr opts; do
			[ -n "$name" ] || continue
			# shellcheck disable=SC2086
			if ! "$COALMAP" metrics "$top_srcdir/$dir" --group-by "$attr" $opts --format csv -o "$tmp/$name.csv" 2>"$tmp/err"; then
				fail "$name: coalmap metrics failed: $(cat "$tmp/err")"
				continue
			fi
			if "$PYTHON3" "$top_srcdir/tests/reference/compare_brokerage.py" "$ref/$name.csv" "$tmp/$name.csv" >"$tmp/cmp" 2>&1; then
				ok
			else
				fail "$name: differs from sna::brokerage: $(cat "$tmp/cmp")"
			fi
		done
		finish
	}
}
