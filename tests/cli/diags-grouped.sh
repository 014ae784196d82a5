#!/bin/sh
# Grouped load diagnostics (issue 15 item 7): the same problem on many rows
# is one line with its count and first rows; an unknown org id gets what
# was probably meant.  Every count below is counted by hand from the
# fixtures, which the test writes itself.
. "$(dirname "$0")/lib.sh"
L="$tmp/l"
O=$L/organizations.csv
R=$L/relationships.csv

mkdir -p "$L"
cat >"$O" <<'CSV'
id,name
ipu,Inter-Parliamentary Union
unep,UN Environment
wwf,World Wildlife Fund
ab,A
ac,C
CSV

# lines MATCH: how many lines of stderr contain MATCH
lines() {
	printf '%s\n' "$err" | grep -cF -- "$1"
}

# expect_lines N MATCH DESCRIPTION
expect_lines() {
	checks=$((checks + 1))
	[ "$(lines "$2")" -eq "$1" ] || fail "$3: $(lines "$2") lines with '$2', expected $1; stderr: $err"
}

# no_output DESCRIPTION: -o wrote nothing
no_output() {
	checks=$((checks + 1))
	[ ! -e "$tmp/out.csv" ] || fail "$1: output file written"
}

# -- 180 rows name 'IPU' (id 'ipu'): line 2 is good, lines 3..182 are not
{
	echo source,target
	echo ipu,wwf
	i=0
	while [ $i -lt 180 ]; do echo IPU,wwf; i=$((i + 1)); done
} >"$R"
run metrics "$L" -o "$tmp/out.csv"
expect_rc 65 "180 unknown 'IPU'"
no_output "180 unknown 'IPU'"
expect_lines 1 "unknown org" "180 unknown 'IPU': one message"
expect_err "$R:3: unknown org 'IPU' in source (180 rows: lines 3, 4, 5, 6, 7 and 175 more); did you mean 'ipu'?" \
	"180 unknown 'IPU': located at the first, counted, first rows, suggestion"
expect_err "180 errors; nothing written" "180 unknown 'IPU': every row counted"
expect_lines 0 "more problems not shown" "180 unknown 'IPU': nothing cut"
expect_lines 2 "" "180 unknown 'IPU': two lines in all"

# the same through convert, which prints with the same printer
run convert "$L" "$tmp/out.graphml"
expect_rc 65 "convert: 180 unknown 'IPU'"
expect_lines 1 "(180 rows: lines 3, 4, 5, 6, 7 and 175 more); did you mean 'ipu'?" "convert: one message"
checks=$((checks + 1))
[ ! -e "$tmp/out.graphml" ] || fail "convert: output file written"

# -- one row each: a letter too many, an org's name, spaces and case, a
# distant id, an id as near to two ids, a two-letter id two edits away
cat >"$R" <<'CSV'
source,target
unepp,wwf
Inter-Parliamentary Union,wwf
I P U,wwf
wwf,zzzzzz
ad,wwf
wwf,xy
CSV
run metrics "$L" -o "$tmp/out.csv"
expect_rc 65 "hints"
no_output "hints"
expect_err "$R:2: unknown org 'unepp' in source; did you mean 'unep'?" "one letter too many"
expect_err "$R:3: unknown org 'Inter-Parliamentary Union' in source; 'Inter-Parliamentary Union' is the name of org 'ipu'; relationships use ids" \
	"an org's name for its id"
expect_err "$R:4: unknown org 'I P U' in source; did you mean 'ipu'?" "case and inner spaces"
expect_lines 1 "unknown org 'zzzzzz' in target" "distant id"
expect_lines 0 "'zzzzzz' in target;" "distant id: no suggestion"
expect_lines 1 "unknown org 'ad' in source" "as near to 'ab' as to 'ac'"
expect_lines 0 "'ad' in source;" "as near to two: no suggestion"
expect_lines 0 "'xy' in target;" "two letters, two edits: no suggestion"
expect_lines 0 "rows:" "one row each: no counts"
expect_err "6 errors; nothing written" "hints: six errors"

# -- two different unknown ids on interleaved rows: two messages, each
# located at its first row; foo on lines 2, 4, 6 and bar on 3, 5
printf 'source,target\nfoo,wwf\nbar,wwf\nfoo,wwf\nbar,wwf\nfoo,wwf\n' >"$R"
run metrics "$L" -o "$tmp/out.csv"
expect_rc 65 "two unknown ids"
no_output "two unknown ids"
expect_lines 2 "unknown org" "two unknown ids: two lines"
expect_err "$R:2: unknown org 'foo' in source (3 rows: lines 2, 4 and 6)" "foo"
expect_err "$R:3: unknown org 'bar' in source (2 rows: lines 3 and 5)" "bar"
checks=$((checks + 1))
[ "$(printf '%s\n' "$err" | head -1 | grep -c "'foo'")" -eq 1 ] || fail "first occurrence first: $err"
expect_err "5 errors; nothing written" "two unknown ids: five errors"

# -- one warning on three rows (self-ties of wwf, lines 3, 4, 6): one
# line; --strict makes each row an error, still one line
printf 'source,target\nipu,wwf\nwwf,wwf\nwwf,wwf\nunep,wwf\nwwf,wwf\n' >"$R"
run metrics "$L" -o "$tmp/out.csv"
expect_rc 0 "repeated warning"
expect_lines 1 "self-tie" "repeated warning: one line"
expect_err "$R:3: warning: self-tie of 'wwf' dropped (3 rows: lines 3, 4 and 6)" "repeated warning"
rm -f "$tmp/out.csv"
run metrics "$L" -o "$tmp/out.csv" --strict
expect_rc 65 "--strict"
no_output "--strict"
expect_lines 1 "self-tie" "--strict: one line"
expect_err "3 errors; nothing written" "--strict: three errors"

finish
