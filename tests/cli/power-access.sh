#!/bin/sh
# Access to decision-makers follows the tie roles of the schema, and the four
# categories (direct, own route, mediated, cut off) partition every group's
# members (issue 16, item 6; docs/power.md, section access).  Hand-counted
# fixture, one member per rule:
#   i1 -> dm information      direct (the member informs the decision-maker)
#   dm -> i2 information      own route: tied, but the tie gives dm, not i2, access
#   f1 -> dm funding          own route: money gives no access
#   d1 -> dm distribution     own route: spreading dm's content gives no access
#   u1 -> dm lobbying         direct: a type SPEC does not name, mutual by default
#   dm -> u2 lobbying, directed  own route: wrong way
#   dm -> u3 lobbying         direct: mutual
#   m1 -> dm membership       direct
#   k1 - dm conflict          cut off (conflict is not in the collaboration graph)
#   o1 - i1 partnership       own route, through its own group (i1)
#   z1 - y partnership, y - dm partnership   mediated through y (group Y); y direct
#   dm2: a decision-maker in group X with no ties
# X: 1 decision-maker, 11 members: 4 direct, 5 own route, 1 mediated, 1 cut off.
. "$(dirname "$0")/lib.sh"

mk "$tmp/a" 'id,type,bloc\ndm,government,Z\ni1,ngo,X\ni2,ngo,X\nf1,ngo,X\nd1,ngo,X\nu1,ngo,X\nu2,ngo,X\nu3,ngo,X\nm1,ngo,X\nk1,ngo,X\no1,ngo,X\nz1,ngo,X\ny,ngo,Y\ndm2,government,X\n' \
	'source,target,type,directed\ni1,dm,information,\ndm,i2,information,\nf1,dm,funding,\nd1,dm,distribution,\nu1,dm,lobbying,\ndm,u2,lobbying,true\ndm,u3,lobbying,\nm1,dm,membership,\nk1,dm,conflict,\no1,i1,partnership,\nz1,y,partnership,\ny,dm,partnership,\n'
run power "$tmp/a" --group-by bloc --key-players 0 --permutations 0 --format csv
expect_rc 0 "power --group-by"
printf '%s\n' "$out" >"$tmp/a.csv"
"$PYTHON3" - "$tmp/a.csv" <<'PY' && ok || fail "access categories by tie role"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
def get(section, subject, measure):
    m = [r for r in rows if (r["section"], r["subject"], r["measure"]) == (section, subject, measure)]
    assert len(m) == 1, (section, subject, measure, m)
    return m[0]
def val(subject, measure):
    v = get("access", subject, measure)["value"]
    return None if v == "" else float(v)
exp = {"X": (1, 11, 4, 5, 1, 1), "Y": (0, 1, 1, 0, 0, 0), "Z": (1, 0, None, None, None, None)}
for g, (dms, n, direct, own, med, cut) in exp.items():
    assert val(g, "decision_makers") == dms, (g, val(g, "decision_makers"))
    assert val(g, "members") == n, (g, val(g, "members"))
    for m, k in (("direct_access_share", direct), ("own_route_share", own),
                 ("mediated_share", med), ("cut_off_share", cut)):
        want = None if k is None else k / n
        got = val(g, m)
        assert (got is None and want is None) or abs(got - want) < 1e-12, (g, m, got, want)
# the readings give counts of the same denominator, which add up to the members
r = [get("access", "X", m)["reading"] for m in
     ("direct_access_share", "own_route_share", "mediated_share", "cut_off_share")]
assert r[0] == "4 of 11 (36 %) have a tie giving them direct access to a decision-maker", r[0]
assert r[1].startswith("5 of 11 (45 %) reach decision-makers without direct access"), r[1]
assert r[2] == "1 of 11 (9 %) reach decision-makers only through other groups", r[2]
assert r[3] == "1 of 11 (9 %) cannot reach any decision-maker", r[3]
assert sum(int(x.split()[0]) for x in r) == 11
assert get("access", "Z", "direct_access_share")["reading"] == \
    "undefined: every organization of the group is a decision-maker"
# z1's route runs through y
assert float(get("gatekeepers", "y", "routes:X")["value"]) == 1
PY

# --types keeps only information ties: i1 direct, i2 own route (distance 1),
# every other X member cut off (9)
run power "$tmp/a" --group-by bloc --key-players 0 --types information --format csv
expect_rc 0 "power --types information"
expect_out "access,X,direct_access_share,0.0909" "one direct member with --types"
expect_out "access,X,cut_off_share,0.8181" "nine cut off with --types"
finish
