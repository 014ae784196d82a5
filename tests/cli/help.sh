#!/bin/sh
# --help on the program and on every command; usage errors exit 64; the
# man page is the one the program prints, and every long option of every
# command is in both its --help and the man page.
. "$(dirname "$0")/lib.sh"

run --help; expect_rc 0 "coalmap --help"; expect_out "commands:" "coalmap --help"
for c in check metrics power qap stakeholders gaps path diff trend map explore report convert init generate; do
	run "$c" --help; expect_rc 0 "$c --help"; expect_out "usage: coalmap $c" "$c --help"
	cp "$tmp/out" "$tmp/help-$c"
	run help "$c"; expect_rc 0 "help $c"; expect_out "usage: coalmap $c" "help $c"
	checks=$((checks + 1)); cmp -s "$tmp/out" "$tmp/help-$c" || fail "help $c differs from $c --help"
done
run; expect_rc 64 "no command"
run frobnicate; expect_rc 64 "unknown command"; expect_err "unknown command 'frobnicate'" "unknown command"
run m; expect_rc 64 "ambiguous command"; expect_err "ambiguous command 'm'" "ambiguous command"
run metrics; expect_rc 64 "metrics without landscape"
run metrics a b; expect_rc 64 "metrics with two landscapes"
run metrics "$top_srcdir/datasets/florentine" --format xml; expect_rc 64 "bad format"
run metrics "$top_srcdir/datasets/florentine" --at 2020-13-01; expect_rc 64 "bad --at"
run metrics "$top_srcdir/datasets/florentine" --top x; expect_rc 64 "bad --top"
run metrics "$top_srcdir/datasets/florentine" --sort nosuch; expect_rc 64 "bad --sort"
run metrics "$top_srcdir/datasets/florentine" --bogus; expect_rc 64 "unknown option"
run metrics "$top_srcdir/datasets/florentine" --t 3; expect_rc 64 "ambiguous option"
run met "$top_srcdir/datasets/florentine" --top 1; expect_rc 0 "unique prefix of a command"
run met "$top_srcdir/datasets/florentine" --so degree --to 1; expect_rc 0 "unique prefixes of options"
run --version; expect_rc 0 "--version"; expect_out "coalmap " "--version"

# coalmap.1 is generated: 'make update-man' writes it again
run help --man; expect_rc 0 "help --man"
checks=$((checks + 1))
cmp -s "$tmp/out" "$top_srcdir/coalmap.1" ||
	fail "coalmap.1 differs from 'coalmap help --man'; run 'make update-man': $(diff "$top_srcdir/coalmap.1" "$tmp/out" | head -5)"
# the man page as text: font changes dropped, \- as -
sed 's/\\f[BIRP]//g; s/\\-/-/g' "$top_srcdir/coalmap.1" >"$tmp/man.txt"

# every long option the parser takes, "COMMAND --NAME" a line
run help --options; expect_rc 0 "help --options"
cp "$tmp/out" "$tmp/options"
checks=$((checks + 1)); [ "$(wc -l <"$tmp/options")" -gt 100 ] || fail "help --options lists too few options"
while read -r c o; do
	checks=$((checks + 1))
	grep -qE -- "(^|[^a-z-])$o([^a-z-]|\$)" "$tmp/help-$c" || fail "$c $o: not in 'coalmap $c --help'"
	checks=$((checks + 1))
	grep -qE -- "(^|[^a-z-])$o([^a-z-]|\$)" "$tmp/man.txt" || fail "$c $o: not in coalmap.1"
done <"$tmp/options"

# the page renders without warnings
if command -v groff >/dev/null 2>&1; then
	checks=$((checks + 1))
	groff -man -Tutf8 -ww "$top_srcdir/coalmap.1" >/dev/null 2>"$tmp/groff.err" && [ ! -s "$tmp/groff.err" ] ||
		fail "groff warns about coalmap.1: $(head -3 "$tmp/groff.err")"
fi
finish
