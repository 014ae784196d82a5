#!/bin/sh
# Every metric of `coalmap metrics` on the bundled real landscapes (and the
# dirty fixture) equals the committed NetworkX reference
# (tests/reference/nx_metrics.py, regenerated only by make_refs.sh), and the
# community partition is within 0.02 of Louvain's modularity.
. "$(dirname "$0")/lib.sh"

grep -v '^#' "$top_srcdir/tests/data/ref/cases.txt" | {
	while IFS='|' read -r name dir opts; do
		[ -n "$name" ] || continue
		# shellcheck disable=SC2086
		"$COALMAP" metrics "$top_srcdir/$dir" $opts --format csv -o "$tmp/$name.csv" 2>"$tmp/err"
		if [ $? -ne 0 ]; then
			fail "$name: coalmap metrics failed: $(cat "$tmp/err")"
			continue
		fi
		# shellcheck disable=SC2086
		if "$PYTHON3" "$top_srcdir/tests/reference/compare_metrics.py" \
			"$top_srcdir/tests/data/ref/$name.csv" "$tmp/$name.csv" "$top_srcdir/$dir" $opts >"$tmp/cmp" 2>&1; then
			ok
		else
			fail "$name: differs from NetworkX: $(cat "$tmp/cmp")"
		fi
	done
	finish
}
