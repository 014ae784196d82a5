#!/bin/sh
# --time-limit stops a long analysis with exit status 70, a clear message
# and no output file (an existing one is left as it was); bad limits are
# usage errors; no progress display when stderr is not a terminal.  Also
# (ROBUSTNESS.md Size): path and map stop at the limit too; a field of
# exactly 1 MiB and 10,000 columns are accepted, one byte or one column
# more is a clear error; a 1 MiB name is whole in CSV and JSON and cut in
# maps; 20,000 orgs and 100,000 ties load; a 100,000-org chain and a
# 2,000-step path need no deep recursion.
. "$(dirname "$0")/lib.sh"
graphviz_leaks

"$COALMAP" generate --orgs 4000 --ties 12000 --seed 5 -o "$tmp/g" || fail "generate"
printf 'old\n' >"$tmp/keep.csv"
for cmd in metrics power "gaps"; do
	run $cmd "$tmp/g" --exact --threads 1 --time-limit 0.05 -o "$tmp/keep.csv"
	expect_rc 70 "$cmd --time-limit"
	expect_err "time limit reached" "$cmd time-limit message"
	checks=$((checks + 1)); [ "$(cat "$tmp/keep.csv")" = old ] || fail "$cmd: output touched after the time limit"
done
run metrics "$tmp/g" --time-limit 0 -o "$tmp/x.csv"; expect_rc 64 "--time-limit 0"
run metrics "$tmp/g" --time-limit abc -o "$tmp/x.csv"; expect_rc 64 "--time-limit abc"
run metrics "$tmp/g" --time-limit 600 --format csv -o "$tmp/ok.csv"; expect_rc 0 "a generous limit"
checks=$((checks + 1)); [ -z "$err" ] || fail "no progress or other output on a non-terminal stderr: $err"

# path (k shortest chains: a crash in igraph's clean-up before the fix) and map
for t in 0.01 0.1; do
	run path "$tmp/g" o1 o2 -k 50 --time-limit $t -o "$tmp/keep.csv"
	expect_rc 70 "path --time-limit $t"
	expect_err "time limit reached" "path time-limit message"
done
checks=$((checks + 1)); [ "$(cat "$tmp/keep.csv")" = old ] || fail "path: output touched after the time limit"
printf 'old\n' >"$tmp/keep.svg"
run map "$tmp/g" --time-limit 0.001 -o "$tmp/keep.svg"; expect_rc 70 "map --time-limit"
expect_err "time limit reached" "map time-limit message"
checks=$((checks + 1)); [ "$(cat "$tmp/keep.svg")" = old ] || fail "map: output touched after the time limit"

# field size: 1 MiB exactly is accepted, 1 MiB + 1 byte is not
mkdir -p "$tmp/f"
printf 'source,target\n' >"$tmp/f/relationships.csv"
field() { # BYTES
	{ printf 'id,name\nbig,'; head -c "$1" /dev/zero | tr '\0' 'n'; printf '\nsmall,s\n'; } >"$tmp/f/organizations.csv"
}
field 1048576
run metrics "$tmp/f" --format csv -o "$tmp/f.csv"; expect_rc 0 "a field of exactly 1 MiB"
checks=$((checks + 1))
"$PYTHON3" -c "
import csv, sys
csv.field_size_limit(1 << 24)
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
assert len(rows[0]['name']) == 1048576, len(rows[0]['name'])
" "$tmp/f.csv" || fail "1 MiB name not whole in CSV"
run metrics "$tmp/f" --format json -o "$tmp/f.json"; expect_rc 0 "1 MiB name, JSON"
checks=$((checks + 1))
"$PYTHON3" -c "
import json, sys
r = json.load(open(sys.argv[1], encoding='utf-8'))
assert len(r[0]['name']) == 1048576
" "$tmp/f.json" || fail "1 MiB name not whole in JSON"
if command -v xmllint >/dev/null 2>&1; then
	run map "$tmp/f" -o "$tmp/f.svg" --labels all; expect_rc 0 "map of a 1 MiB name"
	checks=$((checks + 1)); xmllint --noout "$tmp/f.svg" || fail "map of a 1 MiB name: invalid SVG"
	checks=$((checks + 1)); [ "$(wc -c <"$tmp/f.svg")" -lt 100000 ] || fail "map of a 1 MiB name: label not cut"
	checks=$((checks + 1)); grep -q 'nnnn…' "$tmp/f.svg" || fail "map of a 1 MiB name: no ellipsis"
fi
field 1048577
run check "$tmp/f"; expect_rc 65 "a field of 1 MiB + 1 byte"
expect_err "organizations.csv:2: " "field too long: location"
expect_err "longer than 1 MiB" "field too long: message"

# column count: 10,000 accepted, 10,001 not
"$PYTHON3" -c "
n = 10000
print('id,' + ','.join('c%d' % i for i in range(n - 1)))
print('a,' + ','.join('1' for i in range(n - 1)))
" >"$tmp/f/organizations.csv"
run check "$tmp/f"; expect_rc 0 "10,000 columns"
"$PYTHON3" -c "
n = 10001
print('id,' + ','.join('c%d' % i for i in range(n - 1)))
print('a,' + ','.join('1' for i in range(n - 1)))
" >"$tmp/f/organizations.csv"
run check "$tmp/f"; expect_rc 65 "10,001 columns"
expect_err "more than 10000 fields" "10,001 columns message"

# org and tie counts
"$COALMAP" generate --orgs 20000 --ties 100000 --seed 9 -o "$tmp/big" >/dev/null || fail "generate 20000"
run check "$tmp/big" --format csv; expect_rc 0 "20,000 orgs, 100,000 ties"
expect_out "landscape,organizations,20000" "20,000 orgs counted"
expect_out "landscape,ties,100000" "100,000 ties counted"

# long chains: no recursion deep enough to overflow the stack
mkdir -p "$tmp/chain"
"$PYTHON3" -c "
import sys
n = 100000
open(sys.argv[1] + '/organizations.csv', 'w').write('id\n' + ''.join('o%d\n' % i for i in range(n)))
open(sys.argv[1] + '/relationships.csv', 'w').write('source,target\n' + ''.join('o%d,o%d\n' % (i, i + 1) for i in range(n - 1)))
" "$tmp/chain"
run check "$tmp/chain" --format csv; expect_rc 0 "a 100,000-org chain"
expect_out "components,largest component,100000" "the chain is one component"
head -2001 "$tmp/chain/organizations.csv" >"$tmp/chain/o2k"
head -2000 "$tmp/chain/relationships.csv" >"$tmp/chain/r2k"
mv "$tmp/chain/o2k" "$tmp/chain/organizations.csv"
mv "$tmp/chain/r2k" "$tmp/chain/relationships.csv"
run path "$tmp/chain" o0 o1999 -k 1 --format csv; expect_rc 0 "a 1,999-step path"
expect_out "1,1999," "the path has 1,999 steps"
finish
