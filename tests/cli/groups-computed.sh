#!/bin/sh
# --group-by takes computed columns like any attribute (issue 16): the
# same resolver as map --color-by, so community, coreness, articulation
# group power, metrics, gaps and diff.  Fixture: two cliques of 4 (a, b)
# joined by a1-b1, and c1 hanging off b2.  By hand: Louvain's communities
# are the cliques, c1 with b (5 orgs: community 1, the largest; a is 2);
# b has 6 + 1 = 7 ties inside and a1-b1 out, a 6 inside and a1-b1 out;
# network E-I (1 - 13) / 14.  Cores: the 8 clique members 3, c1 1.
# Single points of failure a1, b1, b2: 2 ties among them, 8 out, 4 among
# the other 6.
. "$(dirname "$0")/lib.sh"
graphviz_leaks # map --color-by below
L="$tmp/cliques"
mk "$L" 'id,name,type,region\na1,A1,ngo,north\na2,A2,ngo,north\na3,A3,ngo,north\na4,A4,ngo,south\nb1,B1,ngo,south\nb2,B2,ngo,south\nb3,B3,ngo,south\nb4,B4,ngo,south\nc1,C1,ngo,south\n' \
	'source,target\na1,a2\na1,a3\na1,a4\na2,a3\na2,a4\na3,a4\nb1,b2\nb1,b3\nb1,b4\nb2,b3\nb2,b4\nb3,b4\na1,b1\nb2,c1\n'

# power --group-by community and coreness: sizes and ties against the hand count
check_groups() { # ATTR "group:size:internal:external ..." "ties-between ties-within"
	run power "$L" --group-by "$1" --format csv; expect_rc 0 "power --group-by $1"
	printf '%s\n' "$out" >"$tmp/p.csv"
	"$PYTHON3" - "$tmp/p.csv" "$2" "$3" <<'PY' && ok || fail "power --group-by $1: groups differ from the hand count"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["section"] == "groups"]
got = {}
for r in rows:
    if r["subject"]:
        got.setdefault(r["subject"], {})[r["measure"]] = float(r["value"])
want = {}
for g in sys.argv[2].split():
    name, size, inside, outside = g.split(":")
    want[name] = {"size": float(size), "internal_ties": float(inside), "external_ties": float(outside)}
assert set(got) == set(want), (sorted(got), sorted(want))
for name, w in want.items():
    for k, v in w.items():
        assert got[name][k] == v, (name, k, got[name][k], v)
ei = [r for r in rows if r["measure"] == "network_ei_index"][0]
ext, inside = map(float, sys.argv[3].split())
assert abs(float(ei["value"]) - (ext - inside) / (ext + inside)) < 1e-9, (ei["value"], sys.argv[3])
PY
}
check_groups community "1:5:7:1 2:4:6:1" "1 13"
check_groups coreness "3:8:13:1 1:1:0:1" "1 13"
check_groups articulation "1:3:2:8 0:6:4:8" "8 6"

# the same groups through metrics (brokerage roles), gaps and diff
run metrics "$L" --group-by community --format csv; expect_rc 0 "metrics --group-by community"
printf '%s\n' "$out" >"$tmp/m.csv"
"$PYTHON3" - "$tmp/m.csv" <<'PY' && ok || fail "metrics --group-by community: communities or roles"
import csv, sys
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
assert {i for i, r in rows.items() if r["community"] == "1"} == {"b1", "b2", "b3", "b4", "c1"}, rows
assert {i for i, r in rows.items() if r["community"] == "2"} == {"a1", "a2", "a3", "a4"}, rows
# on the tie graph (undirected: both directions) a1 and b1 are the only
# brokers between the two communities: a1 passes its clique's ties to b1
# (representative) and lets b1's into its own (gatekeeper), and so b1
assert all(int(r["brokerage"]) == 0 for i, r in rows.items() if i not in ("a1", "b1", "b2")), rows
assert int(rows["a1"]["representative"]) > 0 and int(rows["a1"]["gatekeeper"]) > 0, rows["a1"]
PY
run gaps "$L" --group-by community --format csv; expect_rc 0 "gaps --group-by community"
expect_out "community:1,share,0.555555555556" "gaps: community 1 covers 5 of 9"
# gaps --for: b1 brings a community a4's side lacks (a third of complementarity;
# no skills, and its region, south, is a4's own)
run gaps "$L" --for a4 --role balanced --group-by community --format csv; expect_rc 0 "gaps --for --group-by community"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep '^balanced,[0-9]*,b1,' | cut -d, -f9)" = 0.333333333333 ] || fail "gaps --for: a new community complements"
run gaps "$L" --for a4 --role balanced --group-by region --format csv
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep '^balanced,[0-9]*,b1,' | cut -d, -f9)" = 0 ] || fail "gaps --for: region south is a4's own"
run diff "$L" "$L" --group-by coreness --format csv; expect_rc 0 "diff --group-by coreness"
expect_out "groups,3,size,8,8,0" "diff: the core-3 group"
run map "$L" --color-by coreness -o "$tmp/m.dot"; expect_rc 0 "map --color-by coreness"

# an unknown column: exit 64, naming the columns there are, computed ones too
for cmd in power metrics gaps; do
	run "$cmd" "$L" --group-by nosuch; expect_rc 64 "$cmd --group-by nosuch"
	expect_err "no column 'nosuch' to group by; there are: id, name, type, country, region" "$cmd: the columns"
	expect_err "coreness, reach2, cp_coreness, cp_core, community, articulation" "$cmd: the computed columns"
done
run map "$L" --color-by nosuch -o "$tmp/m.dot"; expect_rc 64 "map --color-by nosuch"
expect_err "coreness, reach2, cp_coreness, cp_core, community, articulation" "map: the computed columns"
finish
