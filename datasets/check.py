#!/usr/bin/env python3
"""Validate the landscapes in this folder against the data format in SPEC.md.

    python3 datasets/check.py                 # all landscapes below datasets/
    python3 datasets/check.py datasets/florentine

Generic checks (every landscape): header has the required columns; ids unique
and non-empty; every row has as many fields as the header; every tie names
existing orgs; no self-ties; no exact duplicate rows; budget/influence/amount
>= 0, weight > 0, trust in [0, 1]; stance in support|neutral|oppose; directed
in true|false; start/end are YYYY or YYYY-MM-DD dates and end >= start.

Extra checks for the three shipped landscapes (need networkx):
  florentine          marriage ties == nx.florentine_families_graph() edges;
                      15 business ties; 16 families with Pucci present.
  knoke-wood          49 information and 22 funding ties, the published
                      CONCOR correlation matrix is reproduced.
  education-coalition planted structure (dominant donor, single-funder
                      dependants, GLAI gatekeeper, isolate, tiny component).
Exit status 0 if everything passes, 1 otherwise.
"""

import csv
import datetime as dt
import math
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
STANCES = {"support", "neutral", "oppose"}
DEFAULT_DIRECTED = {"funding", "information", "membership", "access", "distribution"}
FAILS = []


def fail(msg):
    FAILS.append(msg)
    print("FAIL:", msg)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if "\x00" in text:
        fail(f"{path}: NUL byte")
    rows = list(csv.reader(text.splitlines(True)))
    header, body = rows[0], [r for r in rows[1:] if r]
    for i, r in enumerate(body, 2):
        if len(r) != len(header):
            fail(f"{path}:{i}: {len(r)} fields, header has {len(header)}")
    return header, body


def num(path, line, col, val, lo=None, lo_open=False, hi=None):
    if val == "":
        return None
    try:
        x = float(val)
    except ValueError:
        fail(f"{path}:{line}: {col}={val!r} is not a number")
        return None
    if not math.isfinite(x):
        fail(f"{path}:{line}: {col}={val!r} not finite")
    if lo is not None and (x < lo or (lo_open and x == lo)):
        fail(f"{path}:{line}: {col}={val!r} out of range")
    if hi is not None and x > hi:
        fail(f"{path}:{line}: {col}={val!r} out of range")
    return x


def date_range(path, line, col, val):
    """Return (first day, last day) of a YYYY or YYYY-MM-DD value."""
    if val == "":
        return None
    if re.fullmatch(r"\d{4}", val):
        y = int(val)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", val):
        try:
            d = dt.date.fromisoformat(val)
            return d, d
        except ValueError:
            pass
    fail(f"{path}:{line}: {col}={val!r} is not a date")
    return None


def check_generic(folder):
    op = os.path.join(folder, "organizations.csv")
    rp = os.path.join(folder, "relationships.csv")
    oh, orows = read(op)
    rh, rrows = read(rp)
    if "id" not in oh:
        fail(f"{op}: no id column")
    for c in ("source", "target"):
        if c not in rh:
            fail(f"{rp}: no {c} column")
    orgs = [dict(zip(oh, r)) for r in orows]
    ties = [dict(zip(rh, r)) for r in rrows]
    ids = [o["id"] for o in orgs]
    for k, n in Counter(ids).items():
        if n > 1:
            fail(f"{op}: duplicate id {k}")
    if any(i == "" for i in ids):
        fail(f"{op}: empty id")
    idset = set(ids)
    for i, o in enumerate(orgs, 2):
        num(op, i, "budget", o.get("budget", ""), lo=0)
        num(op, i, "influence", o.get("influence", ""), lo=0)
        if o.get("stance", "") not in STANCES | {""}:
            fail(f"{op}:{i}: stance {o['stance']!r}")
    for k, n in Counter(tuple(r) for r in rrows).items():
        if n > 1:
            fail(f"{rp}: exact duplicate row {k}")
    for i, t in enumerate(ties, 2):
        s, g = t["source"], t["target"]
        if s not in idset or g not in idset:
            fail(f"{rp}:{i}: unknown org in {s}->{g}")
        if s == g:
            fail(f"{rp}:{i}: self-tie {s}")
        num(rp, i, "weight", t.get("weight", ""), lo=0, lo_open=True)
        num(rp, i, "trust", t.get("trust", ""), lo=0, hi=1)
        num(rp, i, "amount", t.get("amount", ""), lo=0)
        if t.get("directed", "") not in ("", "true", "false"):
            fail(f"{rp}:{i}: directed {t['directed']!r}")
        a = date_range(rp, i, "start", t.get("start", ""))
        b = date_range(rp, i, "end", t.get("end", ""))
        if a and b and b[1] < a[0]:
            fail(f"{rp}:{i}: end {t['end']} before start {t['start']}")
    print(f"{os.path.basename(folder)}: {len(orgs)} orgs, {len(ties)} ties, "
          f"by type {dict(sorted(Counter(t.get('type') or 'partnership' for t in ties).items()))}")
    return orgs, ties


def collab_graph(nx, orgs, ties, types=None):
    G = nx.Graph()
    G.add_nodes_from(o["id"] for o in orgs)
    for t in ties:
        ty = t.get("type") or "partnership"
        if ty == "conflict" or (types and ty not in types):
            continue
        w = float(t.get("weight") or 1)
        u, v = t["source"], t["target"]
        G.add_edge(u, v, weight=G[u][v]["weight"] + w if G.has_edge(u, v) else w)
    return G


def check_florentine(nx, orgs, ties):
    ids = {o["id"] for o in orgs}
    if len(ids) != 16 or "Pucci" not in ids:
        fail("florentine: expected 16 families including Pucci")
    M = {frozenset((t["source"], t["target"])) for t in ties if t["type"] == "marriage"}
    B = {frozenset((t["source"], t["target"])) for t in ties if t["type"] == "business"}
    ref = {frozenset(e) for e in nx.florentine_families_graph().edges()}
    if M != ref:
        fail(f"florentine: marriage ties differ from networkx: {M ^ ref}")
    if len(B) != 15 or sum(t["type"] == "business" for t in ties) != 15:
        fail("florentine: expected 15 business ties")
    G = collab_graph(nx, orgs, ties, {"marriage"})
    if G.degree("Pucci") != 0:
        fail("florentine: Pucci should be isolated in the marriage network")
    print("  florentine: marriage == nx.florentine_families_graph() (20 edges); "
          "15 business ties; Pucci isolate in marriage")


def check_knoke(nx, orgs, ties):
    order = ["COUN", "COMM", "EDUC", "INDU", "MAYR", "WRO", "NEWS", "UWAY", "WELF", "WEST"]
    ix = {k: i for i, k in enumerate(order)}
    I = [[0] * 10 for _ in range(10)]
    Mo = [[0] * 10 for _ in range(10)]
    for t in ties:
        m = I if t["type"] == "information" else Mo
        m[ix[t["source"]]][ix[t["target"]]] = 1
    if sum(map(sum, I)) != 49 or sum(map(sum, Mo)) != 22:
        fail("knoke: expected 49 information and 22 funding ties")
    # CONCOR first step published with the CASOS copy of KNOKI/KNOKM
    # (column correlations of rbind(KNOKI, t(KNOKI), KNOKM, t(KNOKM))).
    ref_row1 = [1.0, 0.14169568, 0.14978617, 0.45054945, 0.27814338,
                0.10482848, 0.29773258, 0.25677630, 0.34065934, 0.10669059]
    ref_c56 = 0.31706324  # MAYR x WRO
    T = lambda A: [list(r) for r in zip(*A)]
    cols = T(I + T(I) + Mo + T(Mo))

    def corr(a, b):
        n = len(a)
        ma, mb = sum(a) / n, sum(b) / n
        sab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
        return sab / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))

    got = [corr(cols[0], cols[j]) for j in range(10)]
    if max(abs(a - b) for a, b in zip(got, ref_row1)) > 1e-6 or abs(corr(cols[4], cols[5]) - ref_c56) > 1e-6:
        fail("knoke: CONCOR correlations do not match the published values")
    print("  knoke-wood: 49 information + 22 funding ties; CONCOR correlations match")


def check_education(nx, orgs, ties):
    typ = {o["id"]: o["type"] for o in orgs}
    G = collab_graph(nx, orgs, ties)
    targets = [o for o in typ if typ[o] in ("decision_maker", "government", "un_agency")]
    grass = [o for o in typ if typ[o] == "grassroots"]
    for g in grass:
        if any(t["source"] == g and t["type"] == "access" for t in ties):
            fail(f"education: grassroots {g} has an access tie")
        for tg in targets:
            paths = list(nx.all_shortest_paths(G, g, tg))
            if not all("glai" in p for p in paths):
                fail(f"education: a shortest path {g}->{tg} avoids glai")
    # funding concentration
    given = defaultdict(float)
    funders = defaultdict(set)
    for t in ties:
        if t["type"] == "funding":
            given[t["source"]] += float(t["amount"])
            funders[t["target"]].add(t["source"])
    tot = sum(given.values())
    top = max(given, key=given.get)
    hhi = sum((v / tot) ** 2 for v in given.values())
    only = sorted(o for o, f in funders.items() if f == {"hallworth"})
    if top != "hallworth" or given[top] / tot < 0.6 or len(only) < 6:
        fail("education: funding web not dominated by hallworth")
    comps = sorted(nx.connected_components(G), key=len, reverse=True)
    sizes = [len(c) for c in comps]
    comm = nx.algorithms.community.louvain_communities(G, weight="weight", seed=42)
    Q = nx.algorithms.community.modularity(G, comm, weight="weight")
    if sizes[1:] != [2, 1]:
        fail(f"education: components {sizes}")
    if not any(o["stance"] == "oppose" for o in orgs) or not any(t["type"] == "conflict" for t in ties):
        fail("education: need an oppose org and a conflict tie")
    years = Counter((t["start"] or "")[:4] for t in ties)
    print(f"  education-coalition: hallworth gives {given[top] / tot:.1%} of {tot:,.0f} USD "
          f"(funder HHI {hhi:.2f}); {len(only)} orgs funded by hallworth only")
    print(f"  components {sizes}; Louvain(seed 42) {len(comm)} communities, modularity {Q:.3f}; "
          f"articulation points {sorted(nx.articulation_points(G))}")
    print(f"  every shortest path from {len(grass)} grassroots groups to {len(targets)} "
          f"decision-makers/UN agency runs through glai")
    print(f"  tie start years {dict(sorted(years.items()))}; ended ties "
          f"{sum(bool(t['end']) for t in ties)}; bare-year dates "
          f"{sum(len(t['start']) == 4 or len(t['end']) == 4 for t in ties)}; "
          f"directed overrides {sum(bool(t['directed']) for t in ties)}")


def main(argv):
    folders = argv[1:] or sorted(
        os.path.join(HERE, d) for d in os.listdir(HERE)
        if os.path.isfile(os.path.join(HERE, d, "organizations.csv")))
    try:
        import networkx as nx
    except ImportError:
        nx = None
        print("networkx not available: landscape-specific checks skipped")
    for folder in folders:
        orgs, ties = check_generic(folder)
        name = os.path.basename(os.path.normpath(folder))
        special = {"florentine": check_florentine, "knoke-wood": check_knoke,
                   "education-coalition": check_education}.get(name)
        if special and nx:
            special(nx, orgs, ties)
    print("OK" if not FAILS else f"{len(FAILS)} problem(s)")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
