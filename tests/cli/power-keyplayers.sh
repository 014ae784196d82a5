#!/bin/sh
# coalmap power's key-player readings say plainly when a step changes
# nothing (issue 16, item 7): on a complete graph no removal fragments the
# network and after the first pick no addition reaches anyone new.  Values
# hand-counted: K5 minus any 3 orgs leaves a connected pair (F = 0); every
# org of K5 is within one step of any other (reach 5 from the first pick).
. "$(dirname "$0")/lib.sh"

# K5: a..e, every pair tied
mk "$tmp/k5" 'id,name\na,A\nb,B\nc,C\nd,D\ne,E\n' \
	'source,target\na,b\na,c\na,d\na,e\nb,c\nb,d\nb,e\nc,d\nc,e\nd,e\n'
run power "$tmp/k5" --permutations 0 --key-players 3 --format csv
expect_rc 0 "power on K5"
printf '%s\n' "$out" >"$tmp/k5.csv"
"$PYTHON3" - "$tmp/k5.csv" <<'PY' && ok || fail "K5 key-player readings"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["section"] == "key_players"]
def get(subject, measure):
    m = [r for r in rows if (r["subject"], r["measure"]) == (subject, measure)]
    assert len(m) == 1, (subject, measure, m)
    return m[0]
for s, rank in (("a", 1), ("b", 2), ("c", 3)):
    neg = get(s, "kpp_neg_rank")
    assert float(neg["value"]) == rank, neg
    assert "fragment the network most" not in neg["reading"], neg
    assert "in one piece" in neg["reading"], neg
    f = get(s, "kpp_neg_fragmentation")
    assert float(f["value"]) == 0, f
    assert "every remaining organization can still reach every other" in f["reading"], f
    assert float(get(s, "kpp_pos_reach")["value"]) == 5
assert get("a", "kpp_neg_rank")["reading"].startswith("removing any single organization leaves the network in one piece")
assert get("b", "kpp_neg_rank")["reading"].startswith("removing any one more organization leaves the rest in one piece")
assert get("a", "kpp_pos_rank")["reading"] == "A reaches the most organizations within two steps"
for s, before in (("b", 1), ("c", 2)):
    r = get(s, "kpp_pos_rank")["reading"]
    assert "adds the most" not in r, r
    assert r.startswith("every organization is already within two steps of the first %d;" % before), r
PY

# a path a - b - c - d - e - f - g: a removal that fragments keeps the old words
# (removing d leaves two triples: F = 1 - (6 + 6) / (6 * 5) = 0.6)
mk "$tmp/path" 'id,name\na,A\nb,B\nc,C\nd,D\ne,E\nf,F\ng,G\n' \
	'source,target\na,b\nb,c\nc,d\nd,e\ne,f\nf,g\n'
run power "$tmp/path" --permutations 0 --key-players 1
expect_rc 0 "power on a path"
expect_out "removing D would fragment the network most" "a real fragmentation is named"
expect_out "60 % of pairs of organizations could no longer reach each other" "its share"
# C (a..e) and D (b..f) both reach 5 in two steps: C by file order
expect_out "C reaches the most organizations within two steps" "the first addition"

# a - b, c - d, c - e by hand: removing c leaves a, b, d, e with 2 of 12
# ordered pairs joined (F = 5/6), then a (or b) leaves b, d, e apart (1);
# removing b next changes nothing (still 1), and with one org or none left
# the share is undefined: each step says so instead of "fragment most"
mk "$tmp/split" 'id\na\nb\nc\nd\ne\n' 'source,target\na,b\nc,d\nc,e\n'
run power "$tmp/split" --permutations 0 --key-players 5 --format csv
expect_rc 0 "power on a split network"
expect_out "c,kpp_neg_fragmentation,0.833333333333," "c first: 5/6"
expect_out "a,kpp_neg_rank,2,removing a next would fragment the network most" "a second"
expect_out "b,kpp_neg_rank,3,removing any one more organization fragments the rest no further" "b changes nothing"
expect_out "d,kpp_neg_rank,4,removing d next leaves fewer than two organizations" "d: undefined"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c 'would fragment the network most')" -eq 2 ] || fail "only c and a fragment"
finish
