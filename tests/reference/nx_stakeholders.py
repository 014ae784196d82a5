#!/usr/bin/python3
"""Independent reference for `coalmap stakeholders` (docs/stakeholders.md).

Written from the definitions in docs/stakeholders.md, never from coalmap's
sources: PageRank and betweenness from NetworkX (through nx_metrics.py, the
metrics reference), the percentile ranks, access, alignment and quadrants
in plain Python, triangles by enumerating every triple, and the frustration
index by brute force over every 2-block partition of each component of the
signed network (numpy), so only for small components.

Assumes valid input without coalmap.ini: tie types of the built-in table,
stances as words or numbers from -2 to 2.

usage: nx_stakeholders.py LANDSCAPE [--for ID,ID] [--exact-max K] -o OUT.json
"""
import argparse
import csv
import itertools
import json
import math
import os
import sys

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nx_metrics  # noqa: E402

ACCESS_TYPES = {"partnership", "coalition", "collaboration", "information", "membership", "access"}
KNOWN_TYPES = ACCESS_TYPES | {"funding", "distribution", "conflict"}
TARGET_TYPES = {"decision_maker", "government"}
WORDS = {"support": 1, "neutral": 0, "oppose": -1}


def stance(cell):
    """+1, 0, -1, or None for an empty cell."""
    s = cell.strip()
    if not s:
        return None
    if s.lower() in WORDS:
        return WORDS[s.lower()]
    v = float(s)
    assert -2 <= v <= 2, s
    return (v > 0) - (v < 0)


def percentiles(values):
    """Mid-rank percentile among the non-None values: (below + (equal-1)/2) / (k-1)."""
    known = [v for v in values if v is not None]
    k = len(known)
    out = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        below = sum(1 for w in known if w < v and not math.isclose(w, v, rel_tol=1e-9, abs_tol=1e-12))
        equal = sum(1 for w in known if math.isclose(w, v, rel_tol=1e-9, abs_tol=1e-12))
        out.append((below + (equal - 1) / 2) / (k - 1) if k > 1 else 0.5)
    return out


def read_orgs(landscape):
    with open(os.path.join(landscape, "organizations.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return rows


def influence(landscape, rows):
    ids = [r["id"] for r in rows]
    _, ties = nx_metrics.load_ties(landscape)
    G, D = nx_metrics.build_graphs(ids, ties)
    pr = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    btw = nx.betweenness_centrality(G, normalized=False)
    target = {r["id"] for r in rows if r.get("type", "").strip().lower() in TARGET_TYPES}
    access = set(target)
    for src, dst, ttype, _w, directed in ties:
        if ttype in ACCESS_TYPES or ttype not in KNOWN_TYPES:
            if dst in target:
                access.add(src)
            if src in target and not directed:
                access.add(dst)
    prp = percentiles([pr[i] for i in ids])
    btp = percentiles([btw[i] for i in ids])
    stated = [float(r["influence"]) if r.get("influence", "").strip() else None for r in rows]
    stp = percentiles(stated)
    out = {}
    for k, i in enumerate(ids):
        net = (prp[k] + btp[k] + (1 if i in access else 0)) / 3
        inf = net if stp[k] is None else (net + stp[k]) / 2
        out[i] = {"pagerank_pct": prp[k], "betweenness_pct": btp[k], "access": int(i in access),
                  "network_influence": net, "influence": inf}
    infl = sorted(v["influence"] for v in out.values())
    n = len(infl)
    med = infl[n // 2] if n % 2 else (infl[n // 2 - 1] + infl[n // 2]) / 2
    for v in out.values():
        v["high"] = v["influence"] > med and not math.isclose(v["influence"], med, rel_tol=1e-9)
        v["near_median"] = math.isclose(v["influence"], med, rel_tol=1e-9, abs_tol=1e-12)
    return out, ties


def alignment(rows, focus):
    cols = [c for c in rows[0].keys() if c.strip().lower() == "stance" or c.strip().lower().startswith("stance:")]
    cols = [c for c in cols if any(r[c].strip() for r in rows)]
    st = {r["id"]: [stance(r[c]) for c in cols] for r in rows}
    if focus:
        fs = []
        for k in range(len(cols)):
            known = [st[f][k] for f in focus if st[f][k] is not None]
            fs.append(None if not known else (sum(known) > 0) - (sum(known) < 0))
    else:
        fs = [1] * len(cols)
    out = {}
    for i, s in st.items():
        pairs = [a * b for a, b in zip(s, fs) if a is not None and b is not None]
        out[i] = (sum(pairs) / len(pairs) if pairs else None, len(pairs))
    return out


def signed_network(ids, ties):
    sign = {}
    for src, dst, ttype, _w, _d in ties:
        if src == dst:
            continue
        key = frozenset((src, dst))
        neg = ttype == "conflict"
        sign[key] = -1 if neg or sign.get(key) == -1 else 1
    S = nx.Graph()
    for key, s in sign.items():
        u, v = sorted(key)
        S.add_edge(u, v, sign=s)
    tri = bal = 0
    for u, v, w in itertools.combinations(sorted(S.nodes), 3):
        if S.has_edge(u, v) and S.has_edge(v, w) and S.has_edge(u, w):
            tri += 1
            bal += S[u][v]["sign"] * S[v][w]["sign"] * S[u][w]["sign"] > 0
    return S, tri, bal


def frustration(S, exact_max):
    """Brute force per component: the fewest violated pairs over every 2-block partition."""
    total = 0
    for comp in nx.connected_components(S):
        nodes = sorted(comp)
        k = len(nodes)
        if k > exact_max:
            return None
        pos = {v: j for j, v in enumerate(nodes)}
        masks = np.arange(1 << (k - 1), dtype=np.int64) << 1  # node 0 always on side 0
        cost = np.zeros(len(masks), dtype=np.int64)
        for u, v, d in S.subgraph(nodes).edges(data=True):
            same = ((masks >> pos[u]) & 1) == ((masks >> pos[v]) & 1)
            cost += (~same) if d["sign"] > 0 else same
        total += int(cost.min())
    return total


def partition_cost(S, camp):
    return sum(1 for u, v, d in S.edges(data=True)
               if (d["sign"] > 0) == (camp.get(u) != camp.get(v)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("landscape")
    ap.add_argument("--for", dest="focus", default="")
    ap.add_argument("--exact-max", type=int, default=20)
    ap.add_argument("-o", required=True)
    a = ap.parse_args()
    rows = read_orgs(a.landscape)
    focus = [x for x in a.focus.split(",") if x]
    orgs, ties = influence(a.landscape, rows)
    al = alignment(rows, focus)
    for i, v in orgs.items():
        v["alignment"], v["issues_compared"] = al[i]
        x = v["alignment"]
        v["quadrant"] = ("focus" if i in focus else "low_priority" if not v["high"] else
                         "persuadable" if x is None or x == 0 else "champion" if x > 0 else "blocker")
    S, tri, bal = signed_network([r["id"] for r in rows], ties)
    neg = sum(1 for _u, _v, d in S.edges(data=True) if d["sign"] < 0)
    res = {"orgs": orgs, "positive_pairs": S.number_of_edges() - neg, "negative_pairs": neg,
           "triangles": tri, "balanced_triangles": bal,
           "frustration_exact": frustration(S, a.exact_max) if neg else 0,
           "signed_edges": [[u, v, d["sign"]] for u, v, d in S.edges(data=True)]}
    with open(a.o, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
