#!/bin/sh
# --help on the program and on every command; usage errors exit 64.
. "$(dirname "$0")/lib.sh"

run --help; expect_rc 0 "coalmap --help"; expect_out "commands:" "coalmap --help"
for c in check metrics power gaps path map generate; do
	run "$c" --help; expect_rc 0 "$c --help"; expect_out "usage: coalmap $c" "$c --help"
	run help "$c"; expect_rc 0 "help $c"; expect_out "usage: coalmap $c" "help $c"
done
run; expect_rc 64 "no command"
run frobnicate; expect_rc 64 "unknown command"; expect_err "unknown command 'frobnicate'" "unknown command"
run metrics; expect_rc 64 "metrics without landscape"
run metrics a b; expect_rc 64 "metrics with two landscapes"
run metrics "$top_srcdir/datasets/florentine" --format xml; expect_rc 64 "bad format"
run metrics "$top_srcdir/datasets/florentine" --at 2020-13-01; expect_rc 64 "bad --at"
run metrics "$top_srcdir/datasets/florentine" --top x; expect_rc 64 "bad --top"
run metrics "$top_srcdir/datasets/florentine" --sort nosuch; expect_rc 64 "bad --sort"
run metrics "$top_srcdir/datasets/florentine" --bogus; expect_rc 64 "unknown option"
run met "$top_srcdir/datasets/florentine" --top 1; expect_rc 0 "unique prefix of a command"
run --version; expect_rc 0 "--version"; expect_out "coalmap " "--version"
finish
