#!/bin/sh
# ROBUSTNESS.md semantics: empty-of-ties, single-org, edgeless and
# disconnected landscapes are accepted and every metric is defined or
# written as empty (null), never NaN or a crash.
. "$(dirname "$0")/lib.sh"

# assert_json FILE PYTHON-EXPRESSION-OVER-rows DESCRIPTION
assert_json() {
	"$PYTHON3" -c "
import json, math, sys
rows = json.load(open(sys.argv[1]))
for r in rows:
    for k, v in r.items():
        assert not (isinstance(v, float) and not math.isfinite(v)), (k, v)
assert $2
" "$1" && ok || fail "$3"
}

mk "$tmp/one" 'id,name\nsolo,Solo\n' 'source,target\n'
run metrics "$tmp/one" --format json; expect_rc 0 "single org"
printf '%s' "$out" >"$tmp/one.json"
assert_json "$tmp/one.json" "len(rows) == 1 and rows[0]['degree'] == 0 and rows[0]['betweenness_norm'] == 0 and rows[0]['constraint'] is None and rows[0]['pagerank'] == 1" "single org values"

mk "$tmp/edgeless" 'id\na\nb\nc\n' ''
run metrics "$tmp/edgeless" --format json; expect_rc 0 "edgeless, empty relationships file"
printf '%s' "$out" >"$tmp/e.json"
assert_json "$tmp/e.json" "[r['eigenvector'] for r in rows] == [0, 0, 0] and len({r['community'] for r in rows}) == 3 and all(abs(r['pagerank'] - 1/3) < 1e-12 for r in rows)" "edgeless values"

mk "$tmp/conflict" 'id\na\nb\n' 'source,target,type\na,b,conflict\n'
run metrics "$tmp/conflict" --format json; expect_rc 0 "only a conflict tie"
printf '%s' "$out" >"$tmp/c.json"
assert_json "$tmp/c.json" "all(r['degree'] == 0 for r in rows)" "conflict ties are not collaboration"

mk "$tmp/disc" 'id\na\nb\nc\nd\ne\n' 'source,target\na,b\nc,d\nd,e\n'
run metrics "$tmp/disc" --format json; expect_rc 0 "disconnected"
printf '%s' "$out" >"$tmp/d.json"
# d is the middle of the path c-d-e: betweenness 1, the only articulation point
assert_json "$tmp/d.json" "[r['betweenness'] for r in rows] == [0, 0, 0, 1, 0] and [r['articulation'] for r in rows] == [0, 0, 0, 1, 0]" "disconnected values"
run check "$tmp/disc" --format csv; expect_out "components,components,2" "two components"

# filters that keep no tie: a day before every tie began, and a type the
# landscape has but not on that day; a type it lacks is a usage error
mk "$tmp/dated" 'id\na\nb\nc\n' 'source,target,type,start\na,b,funding,2005\nb,c,partnership,2001\n'
run metrics "$tmp/dated" --at 2003-01-01 --types funding --format csv; expect_rc 0 "filters that keep no tie"
expect_out "a,a,,0," "no tie kept: degree 0"
run metrics "$tmp/disc" --types nosuchtype --format csv; expect_rc 64 "a type the landscape lacks"

# the power report on the same degenerate landscapes: undefined figures are
# null with a reason, never NaN, and key players stop when nothing is left
for l in one edgeless conflict disc; do
	run power "$tmp/$l" --group-by id --key-players 3 --format json; expect_rc 0 "power on $l"
	printf '%s' "$out" >"$tmp/p.json"
	assert_json "$tmp/p.json" "all(r['reading'] for r in rows)" "power on $l: every figure has a reading"
done
run power "$tmp/one" --format json; printf '%s' "$out" >"$tmp/p1.json"
assert_json "$tmp/p1.json" "[r['value'] for r in rows if r['measure'] == 'density'] == [None] and [r['value'] for r in rows if r['measure'] == 'hhi'] == [None]" "single org: density and hhi undefined"
finish
