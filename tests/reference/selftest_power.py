#!/usr/bin/python3
"""Hand-checked examples for nx_power.py and sna_brokerage.R.

Every expected number below was worked out by hand (the working is in the
comments).  Exit 0 when all checks pass, 1 otherwise.  The brokerage check
needs Rscript with package sna; without it that check is skipped.

usage: selftest_power.py
"""
import math
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import nx_metrics  # noqa: E402
import nx_power  # noqa: E402

failures = []


def landscape(tmp, name, orgs, rels):
    d = os.path.join(tmp, name)
    os.makedirs(d)
    with open(os.path.join(d, "organizations.csv"), "w") as f:
        f.write(orgs.strip() + "\n")
    with open(os.path.join(d, "relationships.csv"), "w") as f:
        f.write(rels.strip() + "\n")
    return d


def report(d, **kw):
    rows = nx_power.power(nx_power.Landscape(d), **kw)
    table = {}
    for s, subj, m, v in rows:
        table.setdefault((s, subj, m), []).append(None if v is None else float(v))
    return table


def check(table, what, key, expected):
    got = table.get(key)
    if got is None:
        failures.append("%s %s: missing (expected %r)" % (what, key, expected))
        return
    exp = expected if isinstance(expected, list) else [expected]
    ok = len(got) == len(exp) and all(
        (e is None and g is None) or (e is not None and g is not None and
                                      math.isclose(g, e, rel_tol=1e-12, abs_tol=1e-12))
        for e, g in zip(sorted(exp, key=lambda x: (x is not None, x or 0)),
                        sorted(got, key=lambda x: (x is not None, x or 0))))
    if not ok:
        failures.append("%s %s: expected %r got %r" % (what, key, expected, got))


def absent(table, what, section, measure=None):
    keys = [k for k in table if k[0] == section and measure in (None, k[2])]
    if keys:
        failures.append("%s: unexpected rows %r" % (what, keys))


def star(tmp):
    """Star c - l1..l4 (n = 5)."""
    d = landscape(tmp, "star", """
id,type,budget
c,ngo,10
l1,ngo,1
l2,ngo,2
l3,ngo,3
l4,ngo,4
""", """
source,target
c,l1
c,l2
c,l3
c,l4
""")
    t = report(d, key_players=1)
    w = "star"
    check(t, w, ("network", "", "organizations"), 5)
    check(t, w, ("network", "", "ties"), 4)
    check(t, w, ("network", "", "density"), 0.4)          # 4 / 10
    check(t, w, ("network", "", "components"), 1)
    check(t, w, ("network", "", "largest_component_share"), 1)
    check(t, w, ("network", "", "transitivity"), 0)
    check(t, w, ("network", "", "average_clustering"), 0)
    check(t, w, ("network", "", "reciprocity"), 1)        # mutual ties
    check(t, w, ("network", "", "average_path_length"), 1.6)  # (4*1 + 6*2) / 10
    check(t, w, ("network", "", "diameter"), 2)
    # the star is the most centralized graph for degree, betweenness, harmonic
    for c in ("degree", "betweenness", "harmonic"):
        check(t, w, ("centralization", "", c), 1)
    # eigenvector: centre 1, leaves 1/sqrt(4) = 0.5; sum 4 * 0.5 = 2, T = n-2 = 3
    check(t, w, ("centralization", "", "eigenvector"), 2 / 3)
    # degrees 4,1,1,1,1: sum|xi-xj| = 2*4*3 = 24; 24 / (2 * 25 * 8/5) = 0.3
    check(t, w, ("inequality", "", "gini_degree"), 0.3)
    check(t, w, ("inequality", "", "top10_share_degree"), 0.5)  # ceil(5/10)=1: 4/8
    # betweenness 6,0,0,0,0: gini = 2*4*6 / (2*25*6/5) = 0.8, top share 1
    check(t, w, ("inequality", "", "gini_betweenness"), 0.8)
    check(t, w, ("inequality", "", "top10_share_betweenness"), 1)
    # budgets 10,1,2,3,4: sum|xi-xj| = 2*(9+8+7+6+1+2+3+1+2+1) = 80; 80/(2*25*4) = 0.4
    check(t, w, ("inequality", "", "gini_budget"), 0.4)
    check(t, w, ("inequality", "", "top10_share_budget"), 0.5)   # 10 / 20
    check(t, w, ("inequality", "", "gini_funding_in"), None)     # no money
    check(t, w, ("inequality", "", "top10_share_funding_in"), None)
    # budget ranks 5,1,2,3,4 vs degree ranks 5,2.5,2.5,2.5,2.5:
    # sum dx*dy = 5, sum dx^2 = 10, sum dy^2 = 5 -> 5 / sqrt(50)
    check(t, w, ("money_and_position", "", "spearman_budget_degree"), 5 / math.sqrt(50))
    check(t, w, ("money_and_position", "", "spearman_budget_betweenness"), 5 / math.sqrt(50))
    # removing the centre leaves 4 isolates: F = 1 - 0 = 1; it reaches
    # itself and the 4 leaves
    check(t, w, ("key_players", "c", "kpp_neg_rank"), 1)
    check(t, w, ("key_players", "c", "kpp_neg_fragmentation"), 1)
    check(t, w, ("key_players", "c", "kpp_pos_rank"), 1)
    check(t, w, ("key_players", "c", "kpp_pos_reach"), 5)
    check(t, w, ("funding", "", "total"), 0)
    check(t, w, ("funding", "", "funders"), 0)
    check(t, w, ("funding", "", "hhi"), None)
    absent(t, w, "groups")
    absent(t, w, "access")


def path3(tmp):
    """Path a - b - c: also a star, centralizations 1."""
    d = landscape(tmp, "path3", "id\na\nb\nc", "source,target\na,b\nb,c")
    t = report(d, key_players=0)
    w = "path3"
    for c in ("degree", "betweenness", "harmonic"):
        check(t, w, ("centralization", "", c), 1)
    # eigenvector 1/sqrt2, 1, 1/sqrt2: sum 2(1 - 1/sqrt2) / (n-2 = 1)
    check(t, w, ("centralization", "", "eigenvector"), 2 - math.sqrt(2))
    check(t, w, ("network", "", "average_path_length"), 4 / 3)
    check(t, w, ("network", "", "diameter"), 2)
    check(t, w, ("network", "", "density"), 2 / 3)
    absent(t, w, "key_players")     # --key-players 0
    # the default k is 5; with n = 3 all three orgs are ranked.  KPP-Neg:
    # b first (F = 1: two isolates), then a, c by degree/file order; F after
    # a: one org left -> undefined.  KPP-Pos: every org reaches all 3 within
    # 2 steps, so file order: a, b, c, each with reach 3.
    t = report(d)
    check(t, w, ("key_players", "b", "kpp_neg_rank"), 1)
    check(t, w, ("key_players", "b", "kpp_neg_fragmentation"), 1)
    check(t, w, ("key_players", "a", "kpp_neg_rank"), 2)
    check(t, w, ("key_players", "a", "kpp_neg_fragmentation"), None)
    check(t, w, ("key_players", "c", "kpp_neg_rank"), 3)
    check(t, w, ("key_players", "c", "kpp_neg_fragmentation"), None)
    for i, v in enumerate("abc", 1):
        check(t, w, ("key_players", v, "kpp_pos_rank"), i)
        check(t, w, ("key_players", v, "kpp_pos_reach"), 3)


def two_triangles(tmp):
    """Triangles a,b,c and d,e,f joined by the bridge c - d."""
    rels = "source,target\na,b\nb,c\na,c\nd,e\ne,f\nd,f\nc,d"
    d = landscape(tmp, "triangles", "id\na\nb\nc\nd\ne\nf", rels)
    t = report(d, key_players=2)
    w = "two triangles"
    # remove c: {a,b} {d,e,f}: 1 - (2 + 6)/(5*4) = 0.6; d ties (same degree,
    # later in the file).  Then remove d: {a,b} {e,f}: 1 - 4/12 = 2/3 (e, f
    # give the same F but have degree 2 < 3).
    check(t, w, ("key_players", "c", "kpp_neg_rank"), 1)
    check(t, w, ("key_players", "c", "kpp_neg_fragmentation"), 0.6)
    check(t, w, ("key_players", "d", "kpp_neg_rank"), 2)
    check(t, w, ("key_players", "d", "kpp_neg_fragmentation"), 2 / 3)
    # c reaches itself, a, b, d in 1 step, e, f in 2: 6.  Then everyone is
    # reached, every org adds 0 and file order picks a.
    check(t, w, ("key_players", "c", "kpp_pos_rank"), 1)
    check(t, w, ("key_players", "c", "kpp_pos_reach"), 6)
    check(t, w, ("key_players", "a", "kpp_pos_rank"), 2)
    check(t, w, ("key_players", "a", "kpp_pos_reach"), 6)
    # transitivity: 2 triangles * 3 / connected triples (a,b:1 c,d:3+... )
    # triples: a 1, b 1, c 3, d 3, e 1, f 1 = 10 -> 6/10
    check(t, w, ("network", "", "transitivity"), 0.6)
    # clustering a,b,e,f = 1, c,d = 1/3 -> (4 + 2/3)/6
    check(t, w, ("network", "", "average_clustering"), (4 + 2 / 3) / 6)
    # file order d before c: d is chosen first
    d2 = landscape(tmp, "triangles2", "id\na\nb\nd\nc\ne\nf", rels)
    t2 = report(d2, key_players=1)
    check(t2, w + " (d first)", ("key_players", "d", "kpp_neg_rank"), 1)
    check(t2, w + " (d first)", ("key_players", "d", "kpp_pos_rank"), 1)


def access(tmp):
    """Groups and mediated access to one decision-maker `min`."""
    d = landscape(tmp, "access", """
id,type,bloc
min,government,Z
m1,ngo,X
m2,ngo,X
m3,ngo,X
m4,ngo,X
m5,ngo,X
m6,ngo,X
m7,ngo,X
m8,ngo,X
b,ngo,Y
c,media,W
""", """
source,target,type,directed
m1,min,access,
m2,b,partnership,
b,min,partnership,
m3,m1,partnership,
m5,b,partnership,
m5,m1,partnership,
min,m6,access,
m7,b,partnership,
m7,c,partnership,
c,min,partnership,
min,m8,access,false
m4,min,conflict,
""")
    t = report(d, group_by="bloc")
    w = "access"
    # X: 8 members; m1 (access tie) and m8 (mutual access tie) have direct
    # access; m6's tie points the wrong way.  Without: m2..m7 (6).
    # m4 is cut off (its conflict tie is not in G).  m2 (via b) and m7 (via b
    # or c) are mediated; m3 goes via m1 (own group), m5 via b or m1, m6 is at
    # distance 1: own route (3).  The four shares are of all 8 members.
    check(t, w, ("access", "X", "members"), 8)
    check(t, w, ("access", "X", "decision_makers"), 0)
    check(t, w, ("access", "X", "direct_access_share"), 2 / 8)
    check(t, w, ("access", "X", "own_route_share"), 3 / 8)
    check(t, w, ("access", "X", "mediated_share"), 2 / 8)
    check(t, w, ("access", "X", "cut_off_share"), 1 / 8)
    # b's mutual partnership with min gives it access
    check(t, w, ("access", "Y", "members"), 1)
    check(t, w, ("access", "Y", "direct_access_share"), 1)
    check(t, w, ("access", "Y", "cut_off_share"), 0)
    check(t, w, ("access", "Y", "mediated_share"), 0)
    check(t, w, ("access", "Z", "members"), 0)
    check(t, w, ("access", "Z", "decision_makers"), 1)
    for m in ("direct_access_share", "own_route_share", "cut_off_share", "mediated_share"):
        check(t, w, ("access", "Z", m), None)
    check(t, w, ("access", "W", "members"), 1)
    # m2 sends 1 through b; m7 sends 1/2 through b and 1/2 through c
    check(t, w, ("gatekeepers", "b", "routes:X"), 1.5)
    check(t, w, ("gatekeepers", "c", "routes:X"), 0.5)
    gk = sorted(k for k in t if k[0] == "gatekeepers")
    if gk != [("gatekeepers", "b", "routes:X"), ("gatekeepers", "c", "routes:X")]:
        failures.append("access: gatekeeper rows %r" % gk)
    # G has 11 edges.  X: internal m3-m1, m5-m1; external 7.  Y: 4 external.
    check(t, w, ("groups", "X", "size"), 8)
    check(t, w, ("groups", "X", "internal_ties"), 2)
    check(t, w, ("groups", "X", "external_ties"), 7)
    check(t, w, ("groups", "X", "tie_share"), 9 / 11)
    check(t, w, ("groups", "X", "ei_index"), 5 / 9)
    check(t, w, ("groups", "Y", "tie_share"), 4 / 11)
    check(t, w, ("groups", "Y", "ei_index"), 1)
    check(t, w, ("groups", "Z", "external_ties"), 5)
    check(t, w, ("groups", "W", "external_ties"), 2)
    # network-wide: 9 edges between groups, 2 within -> 7/11.
    check(t, w, ("groups", "", "ei_index"), 7 / 11)
    # mixing: XX 2, XY 3, XZ 3, XW 1, YZ 1, ZW 1 of 11; a = (11,4,5,2)/22,
    # trace e = 4/22: r = (88 - 166)/(484 - 166) = -13/53
    check(t, w, ("groups", "", "assortativity"), -13 / 53)
    # --targets replaces the default: with media as the only target, c is
    # the decision-maker; X member m7's partnership with c gives it direct
    # access.
    t2 = report(d, group_by="bloc", targets=("media",))
    check(t2, w + " targets", ("access", "Z", "members"), 1)
    check(t2, w + " targets", ("access", "W", "members"), 0)
    check(t2, w + " targets", ("access", "X", "direct_access_share"), 1 / 8)


def top_gatekeepers(tmp):
    """Members m1..m13 (X) reach the decision-maker only through gk1..gk12
    (Y): m_i through gk_i for i <= 11, m12 and m13 both through gk12.  Only
    the 10 largest flows are listed: gk12 (2), then gk1..gk9 (1 each, file
    order); gk10 and gk11 are left out."""
    orgs = ["id,type,bloc", "dm,government,Z"]
    rels = ["source,target"]
    for i in range(1, 13):
        orgs.append("gk%d,ngo,Y" % i)
        rels.append("gk%d,dm" % i)
    for i in range(1, 14):
        orgs.append("m%d,ngo,X" % i)
        rels.append("m%d,gk%d" % (i, min(i, 12)))
    d = landscape(tmp, "top_gatekeepers", "\n".join(orgs), "\n".join(rels))
    t = report(d, group_by="bloc", key_players=0)
    w = "top gatekeepers"
    check(t, w, ("access", "X", "mediated_share"), 1)
    check(t, w, ("gatekeepers", "gk12", "routes:X"), 2)
    for i in range(1, 10):
        check(t, w, ("gatekeepers", "gk%d" % i, "routes:X"), 1)
    n = sum(1 for k in t if k[0] == "gatekeepers")
    if n != 10:
        failures.append("top gatekeepers: %d rows, expected 10" % n)


def funding(tmp):
    d = landscape(tmp, "funding", "id\nf1\nf2\nf3\nr1\nr2\nr3", """
source,target,type,weight,directed,amount,start
f1,r1,funding,1,,100,2020
f1,r1,funding,1,,50,2021
f2,r1,funding,2,,,
f1,f2,funding,1,false,10,
f2,r2,funding,1,,30,
f3,r3,funding,1,,0,
""")
    L = nx_power.Landscape(d)
    of = nx_power.org_funding(L)
    w = "funding"
    # r1: 100 + 50 from f1, 2 (the weight) from f2
    exp = {"f1": (10, 1, 1), "f2": (10, 1, 1), "f3": (0, 0, None),
           "r1": (152, 2, (150 / 152) ** 2 + (2 / 152) ** 2), "r2": (30, 1, 1),
           "r3": (0, 0, None)}
    for v, (fin, n, hhi) in exp.items():
        got = of[v]
        if float(got[0]) != fin or got[1] != n or \
                (hhi is None) != (got[2] is None) or \
                (hhi is not None and not math.isclose(float(got[2]), hhi, rel_tol=1e-12)):
            failures.append("funding %s: expected %r got %r" % (v, (fin, n, hhi), got))
    t = report(d)
    # giving f1 = 150 + 10, f2 = 2 + 10 + 30 (mutual tie counts both ways)
    check(t, w, ("funding", "", "total"), 202)
    check(t, w, ("funding", "", "funders"), 2)
    check(t, w, ("funding", "", "hhi"), (160 / 202) ** 2 + (42 / 202) ** 2)
    check(t, w, ("funding", "f1", "giving_share"), 160 / 202)
    check(t, w, ("funding", "f2", "giving_share"), 42 / 202)
    for v in ("f1", "f2", "r2"):
        check(t, w, ("funding", v, "single_funder"), 1)
    # f1's only funder is f2, f2's is f1, r2's is f2
    check(t, w, ("funding", "", "single_funder_orgs"), 3)
    check(t, w, ("funding", "f2", "sole_funder_of"), 2)
    check(t, w, ("funding", "f1", "sole_funder_of"), 1)
    absent_keys = [k for k in t if k[0] == "funding" and k[1] in ("r1", "f3", "r3")]
    if absent_keys:
        failures.append("funding: unexpected rows %r" % absent_keys)
    # funding_in of f1, f2, r1, r2 = 10, 10, 152, 30 (total 202, k = 6)
    check(t, w, ("inequality", "", "top10_share_funding_in"), 152 / 202)
    t2 = nx_power.power(nx_power.Landscape(d, types={"partnership"}))
    if ("funding", "", "total", 0) not in t2:
        failures.append("funding: --types partnership should leave no money")


def brokerage(tmp):
    """a(A) b(A) c(B) d(C) e(A) f(B).  Arcs of D:
    a->b b->c c->d a<->c d->e b->e b->f; a-d conflict (not in D).
    Two-paths u->v->w, u != w, no arc u->w:
      a: c->a->b            (B A A) gatekeeper
      b: a->b->e (A A A) coordinator; a->b->f (A A B) representative;
         a->b->c blocked by a->c
      c: b->c->d (A B C) liaison; b->c->a (A B A) itinerant;
         a->c->d (A B C) liaison
      d: c->d->e (B C A) liaison
    A directed 3-cycle x->y->z->x (one group): each brokers once (an arc
    w->u does not close u->v->w)."""
    if not shutil.which("Rscript"):
        print("SKIP brokerage: no Rscript")
        return
    d = landscape(tmp, "brokerage", """
id,bloc
a,A
b,A
c,B
d,C
e,A
f,B
x,A
y,A
z,A
""", """
source,target,type
a,b,information
b,c,information
c,d,information
a,c,partnership
d,e,information
b,e,information
b,f,information
a,d,conflict
x,y,information
y,z,information
z,x,information
""")
    out = os.path.join(tmp, "brokerage.csv")
    subprocess.run(["Rscript", os.path.join(HERE, "sna_brokerage.R"), d, "bloc",
                    out], check=True)
    got = {r["id"]: tuple(int(r[c]) for c in (
        "coordinator", "itinerant", "representative", "gatekeeper", "liaison",
        "brokerage")) for r in nx_metrics.read_table(out)}
    exp = {"a": (0, 0, 0, 1, 0, 1), "b": (1, 0, 1, 0, 0, 2),
           "c": (0, 1, 0, 0, 2, 3), "d": (0, 0, 0, 0, 1, 1),
           "e": (0,) * 6, "f": (0,) * 6,
           "x": (1, 0, 0, 0, 0, 1), "y": (1, 0, 0, 0, 0, 1), "z": (1, 0, 0, 0, 0, 1)}
    if got != exp:
        failures.append("brokerage: expected %r got %r" % (exp, got))


def main():
    tmp = tempfile.mkdtemp(prefix="selftest_power")
    try:
        for test in (star, path3, two_triangles, access, top_gatekeepers,
                     funding, brokerage):
            test(tmp)
    finally:
        shutil.rmtree(tmp)
    for f in failures:
        print("FAIL " + f)
    print("%s: %d failure(s)" % ("FAIL" if failures else "OK", len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
