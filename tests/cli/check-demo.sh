#!/bin/sh
# coalmap check on the bundled landscapes: counts match the datasets'
# READMEs (Florentine: 16 families, 20 marriage + 15 business ties, Pucci
# isolated; Knoke: 10 orgs, 49 information + 22 funding ties).
. "$(dirname "$0")/lib.sh"

run check "$top_srcdir/datasets/florentine" --format csv
expect_rc 0 "check florentine"
printf '%s\n' "$out" >"$tmp/flo.csv"
if diff -u "$top_srcdir/tests/cli/expected/check-florentine.csv" "$tmp/flo.csv" >"$tmp/diff"; then ok; else fail "check florentine: $(cat "$tmp/diff")"; fi

run check "$top_srcdir/datasets/knoke-wood" --format csv
expect_rc 0 "check knoke"
expect_out "landscape,organizations,10" "knoke orgs"
expect_out "ties by type,information,49" "knoke information ties"
expect_out "ties by type,funding,22" "knoke funding ties"

run check "$top_srcdir/datasets/education-coalition"
expect_rc 0 "check demo"
expect_out "organizations by type" "demo summary"
[ -z "$err" ] && ok || fail "demo landscape gives warnings: $err"

run check "$top_srcdir/datasets/florentine" --types business --format csv
expect_out "landscape,ties,15" "--types business keeps 15 ties"
expect_out "components,isolates,5" "business network leaves 5 families isolated"
finish
