#!/usr/bin/python3
"""Hand-checked examples for nx_gaps.py, nx_path.py and compare_gaps.py.

Every expected number below was worked out by hand (the working is in the
comments).  Exit 0 when all checks pass, 1 otherwise.

usage: selftest_gaps.py
"""
import io
import math
import os
import shutil
import sys
import tempfile
from contextlib import redirect_stdout, redirect_stderr
from fractions import Fraction as F

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import networkx as nx  # noqa: E402
import compare_gaps  # noqa: E402
import nx_gaps  # noqa: E402
import nx_path  # noqa: E402

failures = []
checks = [0]


def landscape(tmp, name, orgs, rels):
    d = os.path.join(tmp, name)
    os.makedirs(d)
    with open(os.path.join(d, "organizations.csv"), "w") as f:
        f.write(orgs.strip() + "\n")
    with open(os.path.join(d, "relationships.csv"), "w") as f:
        f.write(rels.strip() + "\n")
    return d


def check(what, got, expected, tol=1e-12):
    checks[0] += 1
    if isinstance(expected, (int, float, F)) and not isinstance(expected, bool) \
            and isinstance(got, (int, float, F)):
        ok = math.isclose(float(got), float(expected), rel_tol=tol, abs_tol=tol)
    else:
        ok = got == expected
    if not ok:
        failures.append("%s: expected %r got %r" % (what, expected, got))


def recs(d, org, **kw):
    gp = nx_gaps.Gaps(d, group_by=kw.pop("group_by", None))
    return dict(nx_gaps.recommend(gp, org, **kw)), \
        [c for c, _ in nx_gaps.recommend(gp, org, **kw)]


# ---------------------------------------------------------------- square

SQUARE_ORGS = """
id,type,region,issues,skills,stance,influence
a,ngo,E,x;y,r,support,2
b,ngo,E,,m,,1
c,network,W,y;z,r;l;q,support,4
d,grassroots,E,,,,1
e,media,E,,,oppose,8
g,government,E,,,,10
f,donor,N,,funding,,5
"""
SQUARE_RELS = """
source,target,type,amount
a,b,partnership,
b,c,partnership,
c,d,partnership,
d,a,partnership,
e,b,partnership,
e,g,access,
e,d,conflict,
f,c,funding,10
"""


def square(tmp):
    """The square a-b-c-d-a, e tied to b with an access tie to the
    government g and a conflict tie with d, the donor f funding c.
    Degrees: a 2, b 3 (a, c, e), c 3 (b, d, f), d 2, e 2 (b, g), f 1, g 1.
    Candidates of a: c, e, f (b, d are partners; g is a decision-maker)."""
    d = landscape(tmp, "square", SQUARE_ORGS, SQUARE_RELS)
    w = {k: F(1) for k in nx_gaps.COMPONENTS}
    w["constraint_drop"] = w["influence"] = F(0)
    r, order = recs(d, "a", weights=w)
    check("square candidates", sorted(r), ["c", "e", "f"])
    # Adamic-Adar: c shares b (deg 3) and d (deg 2), e shares b only, f none
    aa_c = 1 / math.log(3) + 1 / math.log(2)
    check("square AA raw", [p for _, _, p in nx.adamic_adar_index(
        nx_gaps.Gaps(d).G, [("a", "c")])][0], aa_c)
    check("square closeness c", r["c"]["closeness"], 1)
    check("square closeness e", r["e"]["closeness"], math.log(2) / math.log(6))
    check("square closeness f", r["f"]["closeness"], 0)
    check("square shared c", r["c"]["shared_partners"], 2)
    check("square shared e", r["e"]["shared_partners"], 1)
    # N2[a] = {a, b, d, c, e}; c adds f, e adds g, f adds itself (c known)
    check("square new_reach", [r[x]["new_reach"] for x in "cef"], [1, 1, 1])
    check("square reach", [r[x]["reach"] for x in "cef"], [1, 1, 1])
    # fit: Jaccard({x,y},{y,z}) = 1/3 -> 1/6, same stance support -> + 1/2
    check("square fit c", r["c"]["fit"], F(2, 3))
    check("square fit e", r["e"]["fit"], 0)       # no issues, other stance
    check("square fit f", r["f"]["fit"], 0)       # no issues, no stance
    # complementarity: a and partners have skills {r, m}, region {E},
    # types {ngo, grassroots}.  c: l, q new (2/3), W new, network new
    check("square compl c", r["c"]["complementarity"], F(8, 9))
    check("square compl e", r["e"]["complementarity"], F(1, 3))  # media only
    check("square compl f", r["f"]["complementarity"], 1)
    check("square access", [r[x]["access"] for x in "cef"], [0, 1, 0])
    # influence: half eigenvector + half influence / 10 (g has the most)
    ev = nx_gaps.nx_metrics.eigenvector(nx_gaps.Gaps(d).G)
    check("square influence c", r["c"]["influence"], 0.5 * ev["c"] + 0.2)
    check("square influence e", r["e"]["influence"], 0.5 * ev["e"] + 0.4)
    # score with constraint_drop and influence weighted 0: mean of five
    check("square score c", r["c"]["score"], F(32, 45))   # (1+2/3+8/9+1+0)/5
    check("square score e", r["e"]["score"],
          (math.log(2) / math.log(6) + 0 + 1 / 3 + 1 + 1) / 5)
    check("square score f", r["f"]["score"], F(2, 5))    # (0+0+1+1+0)/5
    check("square order", order, ["c", "e", "f"])
    check("square risk c", r["c"]["risk"], "single_funder")
    check("square risk e", r["e"]["risk"], "conflict;opposes")
    check("square risk f", r["f"]["risk"], "")
    # --group-by region: the group part is the region again: c 1, e 0, f 1
    r2, _ = recs(d, "a", group_by="region")
    check("square group-by region e", r2["e"]["complementarity"], 0)
    check("square group-by region c", r2["c"]["complementarity"], F(8, 9))
    # filters: --need skills=l keeps c only; --exclude-stance oppose drops e,
    # and closeness is then normalised over c, f only (c stays 1)
    r3, _ = recs(d, "a", need={"skills": ["l"]})
    check("square need", sorted(r3), ["c"])
    r4, _ = recs(d, "a", exclude_stances=["oppose"])
    check("square exclude-stance", sorted(r4), ["c", "f"])
    r5, _ = recs(d, "a", include_targets=True)
    check("square include-targets", sorted(r5), ["c", "e", "f", "g"])
    r6, _ = recs(d, "a", cand_types=["DONOR"])
    check("square --type", sorted(r6), ["f"])


# ---------------------------------------------------------------- star

def star(tmp):
    """Weighted star o-p1 (weight 2), o-p2 (weight 1); v tied to p2; u alone.

    constraint(o) = (2/3)^2 + (1/3)^2 = 5/9 (p1, p2 not tied).
    + o-u: p = 1/2, 1/4, 1/4, no indirect terms: 1/4 + 1/16 + 1/16 = 3/8,
      drop 5/9 - 3/8 = 13/72.
    + o-v: p_o = 1/2 (p1), 1/4 (p2), 1/4 (v); p_v,p2 = p_p2,v = 1/2.
      p1: (1/2)^2 = 1/4; p2: (1/4 + 1/4*1/2)^2 = 9/64; v: the same 9/64;
      total 17/32, drop 5/9 - 17/32 = 7/288.  Normalised: u 1, v 7/52."""
    d = landscape(tmp, "star", "id\no\np1\np2\nv\nu", """
source,target,weight
o,p1,2
o,p2,1
v,p2,1
""")
    G = nx_gaps.Gaps(d).G
    check("star constraint(o)", nx_gaps.constraint_of(G, "o"), F(5, 9))
    H = G.copy()
    H.add_edge("o", "v", weight=1.0)
    check("star constraint(o + v)", nx_gaps.constraint_of(H, "o"), F(17, 32))
    r, order = recs(d, "o")
    check("star constraint_drop u", r["u"]["constraint_drop"], 1)
    check("star constraint_drop v", r["v"]["constraint_drop"], F(7, 52))
    # u: reach 1 + drop 1 (nothing else: no attributes, eigenvector 0) = 2/7
    # v: closeness 1 + drop 7/52 + half its eigenvector on the path
    # p1-o-p2-v (sin(pi/5)/sin(2pi/5) = 0.618) = 1.444/7 < 2/7
    check("star score u", r["u"]["score"], F(2, 7))
    check("star score v", r["v"]["score"],
          (1 + 7 / 52 + 0.5 * math.sin(math.pi / 5) / math.sin(2 * math.pi / 5)) / 7, 1e-9)
    check("star order", order, ["u", "v"])
    # an isolated org has no constraint: every drop is 0
    r, _ = recs(d, "u")
    check("star isolated org drops", sorted({x["constraint_drop"] for x in r.values()}), [0])


# ---------------------------------------------------------------- new reach

def new_reach(tmp):
    """Path a-b-c-d-e with f tied to d.  N2[a] = {a, b, c}.
    c: {c, b, d} -> {d} = 1;  d: {d, c, e, f} -> 3;  e: {e, d} -> 2;
    f: {f, d} -> 2.  reach = new_reach / 3."""
    d = landscape(tmp, "line", "id\na\nb\nc\nd\ne\nf", """
source,target
a,b
b,c
c,d
d,e
f,d
""")
    r, _ = recs(d, "a")
    check("new_reach", {x: r[x]["new_reach"] for x in r}, {"c": 1, "d": 3, "e": 2, "f": 2})
    check("reach e", r["e"]["reach"], F(2, 3))
    check("closeness c", r["c"]["closeness"], 1)   # only c shares a partner
    check("closeness d", r["d"]["closeness"], 0)


# ---------------------------------------------------------------- landscape gaps

def gaps(tmp):
    """Triangles a,b,c and d,e,f joined by the bridge c-d; the government g
    hangs off a; a pair p-q without a decision-maker; an isolate i.
    Communities (given): 1 = a,b,c,g; 2 = d,e,f; 3 = p,q; 4 = i.
    Betweenness: c 9 ({a,b,g} x {d,e,f}), d 8 ({a,b,c,g} x {e,f}), a 5
    (g to the other five).  Removing a cuts off g (1); c: {a,b,g} and
    {d,e,f}, 3 left out; d: {e,f}, 2."""
    d = landscape(tmp, "gaps", """
id,type,skills
a,ngo,research;media
b,ngo,media
c,ngo,
d,network,
e,grassroots,
f,grassroots,
g,government,
p,ngo,
q,ngo,
i,donor,
""", """
source,target,type
a,b,partnership
b,c,partnership
a,c,partnership
c,d,partnership
d,e,partnership
e,f,partnership
d,f,partnership
a,g,access
p,q,partnership
""")
    comm = {"a": "1", "b": "1", "c": "1", "g": "1", "d": "2", "e": "2",
            "f": "2", "p": "3", "q": "3", "i": "4"}
    rows = nx_gaps.landscape_gaps(nx_gaps.Gaps(d), comm)
    t = {}
    for s, subj, m, v in rows:
        t.setdefault((s, subj, m), []).append(float(v))
    check("isolates", [k[1] for k in t if k[0] == "isolates"], ["i"])
    check("unreached", {k[1]: v for k, v in t.items() if k[0] == "unreached"}, {"p": [2]})
    check("holes", t.get(("holes", "1 | 2", "ties_between")), [1])
    check("best bridge 1", t.get(("holes", "c", "best_bridge:1|2")), [9])
    check("best bridge 2", t.get(("holes", "d", "best_bridge:1|2")), [8])
    check("holes count", len([k for k in t if k[0] == "holes"]), 3)
    check("cuts_off", {k[1]: v for k, v in t.items() if k[2] == "cuts_off"},
          {"a": [1], "c": [3], "d": [2]})
    check("bridges", {k[1]: v for k, v in t.items() if k[2] == "bridge_cuts_off"},
          {"c | d": [3]})   # pendant ties (a-g, p-q) cut off one org: not listed
    check("coverage ngo", t.get(("coverage", "ngo", "share")), [0.5])
    check("coverage ingo", t.get(("coverage", "ingo", "share")), [0])
    # type media (none) and skill media (a, b) share a key
    check("coverage media", sorted(t.get(("coverage", "media", "share"))), [0, 0.2])
    check("coverage legal", t.get(("coverage", "legal", "share")), [0])
    # with --group-by type the group values are listed again
    rows = nx_gaps.landscape_gaps(nx_gaps.Gaps(d, group_by="type"), comm, "type")
    check("coverage group-by type", [float(v) for s_, subj, m, v in rows
                                     if s_ == "coverage" and subj == "ngo"], [0.5, 0.5])


# ---------------------------------------------------------------- paths

def paths(tmp):
    """s-a-t: s-a has ties with trust 0.3 and none (merged: 0.3), a-t 0.5:
    0.15, weight 1+1+1 = 3.  s-b-t: 0.9 * 0.8 = 0.72, weight 2.  s-c-t: no
    trust (0.5 each): 0.25, weight 2+2 = 4.  s-d-e-t: trust 1, longer.
    s-x-t runs over a conflict tie (not in G); its trust 1 is ignored.
    Ranking: b (0.72), c (0.25), a (0.15), then d-e.  With every bare tie
    counting 0.5 (--bare-tie-counts-half) s-a is 0.5 and s-a-t 0.25, still
    after s-c-t on weight (3 < 4)."""
    d = landscape(tmp, "paths", "id\ns\na\nb\nc\nd\ne\nx\nt\nz", """
source,target,type,weight,trust
s,a,partnership,1,0.3
s,a,information,1,
a,t,partnership,1,0.5
s,b,partnership,1,0.9
b,t,partnership,1,0.8
s,c,partnership,2,
c,t,partnership,2,
s,d,partnership,1,1
d,e,partnership,1,1
e,t,partnership,1,1
s,x,conflict,1,1
x,t,partnership,1,1
""")
    _, G, trust = nx_path.tie_trust(d)
    got = [(float(t), float(w), "-".join(p)) for _, t, w, p in nx_path.paths(G, trust, "s", "t", 4)]
    check("paths k=4", got, [(0.72, 2.0, "s-b-t"), (0.25, 4.0, "s-c-t"),
                             (0.15, 3.0, "s-a-t"), (1.0, 3.0, "s-d-e-t")])
    got = ["-".join(p) for _, _, _, p in nx_path.paths(G, trust, "s", "t", 2)]
    check("paths k=2", got, ["s-b-t", "s-c-t"])
    # the k-th path is chosen among all equally long ones, not NetworkX's
    # first: shortest_simple_paths yields s-a-t first
    got = ["-".join(p) for _, _, _, p in nx_path.paths(G, trust, "s", "t", 1)]
    check("paths k=1", got, ["s-b-t"])
    check("paths disconnected", nx_path.paths(G, trust, "s", "z", 3), [])
    check("trust s-a", trust[frozenset("sa")], F(3, 10))
    check("trust s-c (no trust)", trust[frozenset("sc")], F(1, 2))
    _, G2, trust2 = nx_path.tie_trust(d, bare_counts_half=True)
    check("trust bare-counts-half s-a", trust2[frozenset("sa")], F(1, 2))
    got = [(float(t), "-".join(p)) for _, t, _, p in nx_path.paths(G2, trust2, "s", "t", 3)]
    check("paths bare-counts-half", got, [(0.72, "s-b-t"), (0.25, "s-c-t"), (0.25, "s-a-t")])
    _, G3, trust3 = nx_path.tie_trust(d, types={"partnership"})
    check("trust via partnership s-a", trust3[frozenset("sa")], F(3, 10))
    # no tie with a trust: every trust unknown, ranked by length then
    # weight: s-c-t (weight 4) before s-a-t (1+1+1 = 3, the merged s-a) and
    # s-b-t (2)
    d = landscape(tmp, "notrust", "id\ns\na\nb\nc\nt", """
source,target,type,weight
s,a,partnership,1
s,a,information,1
a,t,partnership,1
s,b,partnership,1
b,t,partnership,1
s,c,partnership,2
c,t,partnership,2
""")
    _, G4, trust4 = nx_path.tie_trust(d)
    got = [(t, float(w), "-".join(p)) for _, t, w, p in nx_path.paths(G4, trust4, "s", "t", 3)]
    check("paths without trust", got, [(None, 4.0, "s-c-t"), (None, 3.0, "s-a-t"), (None, 2.0, "s-b-t")])


# ---------------------------------------------------------------- compare

def compare(tmp):
    def write(name, text):
        p = os.path.join(tmp, name)
        with open(p, "w") as f:
            f.write(text.strip() + "\n")
        return p

    def run(kind, a, b):
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            try:
                return {"recs": compare_gaps.compare_recs,
                        "landscape": compare_gaps.compare_landscape,
                        "path": compare_gaps.compare_path}[kind](a, b)
            except SystemExit as e:
                return e.code
    head = "id,score,closeness,fit,complementarity,reach,constraint_drop,influence,access,new_reach,shared_partners,risk\n"
    ref = write("ref.csv", head + """
a,0.5,1,1,1,0,0,0,0,0,1,opposes;single_funder
b,0.4,1,1,1,0,0,0,0,0,1,
c,0.4000000000001,1,1,1,0,0,0,0,0,1,
-d,0.1,1,1,1,0,0,0,0,0,1,conflict
""")
    ok = write("ok.csv", "rank,id,name,score,closeness,fit,complementarity,reach,constraint_drop,influence,access,new_reach,shared_partners,risk,why\n" + """
1,a,A,0.5,1,1,1,0,0,0,0,0,1,single_funder; opposes,x
2,c,C,0.4,1,1,1,0,0,0,0,0,1,,y
3,b,B,0.4,1,1,1,0,0,0,0,0,1,,z
4,'-d,D,0.1000000001,1,1,1,0,0,0,0,0,1,conflict:a,w
""")
    check("compare recs tie swap", run("recs", ref, ok), 0)
    bad = write("bad.csv", head + """
b,0.4,1,1,1,0,0,0,0,0,1,
a,0.5,1,1,1,0,0,0,0,0,1,opposes;single_funder
c,0.4,1,1,1,0,0,0,0,0,1,
-d,0.1,1,1,1,0,0,0,0,0,1,
""")
    check("compare recs order/risk", run("recs", ref, bad), 1)
    # coalmap's --top: OUT may list only the top rows, even cutting a tie
    short = write("short.csv", head + "a,0.5,1,1,1,0,0,0,0,0,1,opposes;single_funder\n"
                  "c,0.4,1,1,1,0,0,0,0,0,1,\n")
    check("compare recs top rows", run("recs", ref, short), 0)
    wrong = write("wrong.csv", head + "b,0.4,1,1,1,0,0,0,0,0,1,\n")
    check("compare recs wrong top row", run("recs", ref, wrong), 1)
    longer = write("longer.csv", open(ref).read() + "e,0.05,1,1,1,0,0,0,0,0,1,\n")
    check("compare recs rows", run("recs", ref, longer), 2)
    lref = write("lref.csv", """
section,subject,measure,value
holes,1 | 2,ties_between,1
holes,c,best_bridge:1|2,9
coverage,media,share,0
coverage,media,share,0.2
single_points,a | g,bridge_cuts_off,1
""")
    lout = write("lout.csv", """
section,subject,measure,value,reading
holes,,count,1,r
single_points,,bridges,1,r
holes,2 | 1,ties_between,1,r
holes,c,best_bridge:2|1,9.0000000001,r
coverage,skill:media,share,0.2,r
coverage,type:media,share,0,r
single_points,g | a,bridge_cuts_off,1,r
""")
    check("compare landscape", run("landscape", lref, lout), 0)
    lbad = write("lbad.csv", """
section,subject,measure,value
holes,1 | 2,ties_between,1
coverage,media,share,0.2
single_points,a | g,bridge_cuts_off,2
""")
    check("compare landscape bad", run("landscape", lref, lbad), 1)
    lsum = write("lsum.csv", open(lout).read().replace("single_points,,bridges,1", "single_points,,bridges,2"))
    check("compare landscape summary row", run("landscape", lref, lsum), 1)
    pref = write("pref.csv", "rank,length,trust,weight,path\n1,2,0.72,2,s > b > t\n2,2,0.25,4,s > c > t\n")
    pout = write("pout.csv", "rank,length,trust,weight,path,ids\n1,2,0.72,2,S > B > T,s > b > t\n2,2,0.25,4,S > C > T,s > c > t\n")
    check("compare path", run("path", pref, pout), 0)
    pbad = write("pbad.csv", "rank,length,trust,weight,path\n1,2,0.25,4,s > c > t\n2,2,0.72,2,s > b > t\n")
    check("compare path bad", run("path", pref, pbad), 1)


def main():
    tmp = tempfile.mkdtemp(prefix="selftest_gaps.")
    try:
        for test in (square, star, new_reach, gaps, paths, compare):
            try:
                test(tmp)
            except Exception as e:  # a crash is a failure, not a skip
                failures.append("%s: %s: %s" % (test.__name__, type(e).__name__, e))
    finally:
        shutil.rmtree(tmp)
    for f in failures:
        print("FAIL " + f)
    print("%s: %d checks, %d failure(s)" % ("FAIL" if failures else "OK",
                                            checks[0], len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
