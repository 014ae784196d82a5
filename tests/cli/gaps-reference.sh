#!/bin/sh
# coalmap gaps (recommendations and landscape gaps) and coalmap path agree
# with the independent references in tests/data/ref/gaps (NetworkX,
# tests/reference/nx_gaps.py and nx_path.py; regenerated only by
# make_gaps_refs.sh), including the hand-built landscapes of tests/data/gaps
# where one candidate is plainly best or carries each risk flag.
. "$(dirname "$0")/lib.sh"
ref="$top_srcdir/tests/data/ref/gaps"

grep -v '^#' "$ref/cases.txt" | {
	while IFS='|' read -r name kind dir args; do
		[ -n "$name" ] || continue
		case $kind in
		recs) cmd="gaps"; case " $args " in *" --top "*) extra="" ;; *) extra="--top 0" ;; esac ;;
		landscape) cmd="gaps"; extra="" ;;
		path) cmd="path"; extra="" ;;
		esac
		# shellcheck disable=SC2086
		if ! "$COALMAP" $cmd "$top_srcdir/$dir" $args $extra --format csv -o "$tmp/$name.csv" 2>"$tmp/err"; then
			fail "$name: coalmap $cmd failed: $(cat "$tmp/err")"
			continue
		fi
		if "$PYTHON3" "$top_srcdir/tests/reference/compare_gaps.py" "$ref/$name.csv" "$tmp/$name.csv" \
			--kind "$kind" >"$tmp/cmp" 2>&1; then
			ok
		else
			fail "$name: differs from the reference: $(cat "$tmp/cmp")"
		fi
	done
	finish
}
