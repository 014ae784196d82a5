#!/usr/bin/python3
"""Independent NetworkX reference for coalmap's per-organization metrics.

Written from /work/shared/SPEC.md ("Data format", "Analysis graphs",
"Metrics (per organization)") only, never from coalmap's sources.  Assumes
valid input: it does not report the SPEC's data errors.

usage: nx_metrics.py LANDSCAPE_DIR [--types a,b] [--at YYYY-MM-DD]
                     [--weighted] [-o OUT.csv] [--modularity-out FILE]
"""
import argparse
import csv
from fractions import Fraction
import datetime
import io
import math
import os
import sys
import warnings

import networkx as nx

COLUMNS = ["id", "degree", "strength", "in_degree", "out_degree",
           "betweenness", "betweenness_norm", "harmonic", "eigenvector",
           "pagerank", "constraint", "effective_size", "clustering",
           "coreness", "reach2", "community", "articulation"]
DIRECTED_TYPES = {"funding", "information", "membership", "access",
                  "distribution"}
TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no"}


# ---------------------------------------------------------------- loading

def detect_delimiter(header_line):
    """Most frequent of ',', ';', tab outside quotes; ',' wins ties/none."""
    counts, quoted = {",": 0, ";": 0, "\t": 0}, False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: counts[d])  # dict order: ',' first
    return best if counts[best] else ","


def read_table(path):
    """Return a list of {lowercased header: stripped value} dicts."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    # newline="": lines end at CRLF, LF or CR, and nothing is translated.
    first = next((ln for ln in io.StringIO(text, newline="") if ln.strip()), "")
    rows = csv.reader(io.StringIO(text, newline=""),
                      delimiter=detect_delimiter(first))
    rows = [r for r in rows if any(c.strip() for c in r)]  # skip blank lines
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    return [dict(zip(header, (c.strip() for c in r))) for r in rows[1:]]


def parse_date(s, end):
    """YYYY-MM-DD, or bare YYYY = 1 Jan (start) / 31 Dec (end)."""
    if len(s) == 4 and s.isdigit():
        return datetime.date(int(s), 12, 31) if end else datetime.date(int(s), 1, 1)
    return datetime.date.fromisoformat(s)


def load_ties(landscape, types=None, at=None):
    """Org ids in file order and kept ties (src, dst, type, weight, directed).

    Self-ties are dropped and exact duplicate rows (all fields identical)
    are kept once; conflict ties are returned (the graphs drop them)."""
    orgs = [r["id"] for r in read_table(os.path.join(landscape, "organizations.csv"))]
    ties, seen = [], set()
    for r in read_table(os.path.join(landscape, "relationships.csv")):
        key = tuple(sorted(r.items()))
        if key in seen:
            continue
        seen.add(key)
        src, dst = r["source"], r["target"]
        if src == dst:
            continue
        # tie types are words; coalmap compares them case-insensitively
        ttype = (r.get("type") or "partnership").lower()
        if types is not None and ttype not in types:
            continue
        if at is not None:
            if r.get("start") and parse_date(r["start"], False) > at:
                continue
            if r.get("end") and parse_date(r["end"], True) < at:
                continue
        weight = Fraction(r["weight"]) if r.get("weight") else Fraction(1)
        flag = (r.get("directed") or "").lower()
        directed = True if flag in TRUE else False if flag in FALSE \
            else ttype in DIRECTED_TYPES
        ties.append((src, dst, ttype, weight, directed))
    return orgs, ties


def build_graphs(orgs, ties):
    """Collaboration graph G (undirected) and tie graph D (directed)."""
    G, D = nx.Graph(), nx.DiGraph()
    G.add_nodes_from(orgs)
    D.add_nodes_from(orgs)

    def add(H, u, v, w):
        if H.has_edge(u, v):
            H[u][v]["exact"] += w
        else:
            H.add_edge(u, v, exact=w)
        H[u][v]["weight"] = float(H[u][v]["exact"])

    for src, dst, ttype, w, directed in ties:
        if ttype == "conflict":
            continue
        add(G, src, dst, w)
        add(D, src, dst, w)
        if not directed:
            add(D, dst, src, w)
    for u, v, d in G.edges(data=True):
        # Exact rational distances: floating-point 1/3+1/3+1/3 != 1 would
        # make NetworkX miss ties between equally short weighted paths,
        # which the definition counts (igraph compares with a tolerance).
        d["distance"] = 1 / d["exact"]
    return G, D


def load_graphs(landscape, types=None, at=None):
    orgs, ties = load_ties(landscape, types, at)
    G, D = build_graphs(orgs, ties)
    return orgs, G, D


# ---------------------------------------------------------------- metrics

def eigenvector(G):
    """eigenvector_centrality_numpy(G) / max, absolute values."""
    if G.number_of_edges() == 0:
        return {v: 0.0 for v in G}          # deviation: undefined -> 0
    import numpy as np
    A = None
    if len(G) <= 2000:                      # warn if the leading eigenvalue
        A = nx.to_numpy_array(G, weight=None)   # is degenerate (ambiguous)
        lam = np.linalg.eigvalsh(A)
        if lam[-1] - lam[-2] < 1e-9 * max(1.0, lam[-1]):
            print("nx_metrics: warning: leading eigenvalue is degenerate; "
                  "eigenvector is not unique", file=sys.stderr)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            ev = nx.eigenvector_centrality_numpy(G)
    except (TypeError, nx.NetworkXException, ArithmeticError):
        # ARPACK refuses n <= 2; use a dense symmetric solver instead.
        if A is None:
            return {v: None for v in G}
        vec = np.linalg.eigh(A)[1][:, -1]
        ev = dict(zip(G, vec))
    ev = {v: abs(x) for v, x in ev.items()}
    top = max(ev.values())
    return {v: x / top for v, x in ev.items()}


def communities(G):
    """Louvain (seed 42) labels 1..k by decreasing size, and modularity.

    An edgeless graph has no modularity: every org is its own community and
    the modularity is None."""
    order = {v: i for i, v in enumerate(G)}
    if G.number_of_edges() == 0:
        parts = [{v} for v in G]
        q = None
    else:
        parts = nx.community.louvain_communities(G, weight="weight", seed=42)
        q = nx.community.modularity(G, parts, weight="weight")
    parts.sort(key=lambda c: (-len(c), min(order[v] for v in c)))
    return {v: k for k, c in enumerate(parts, 1) for v in c}, q


def compute(G, D, weighted=False):
    """Return ({org: {column: value}}, modularity)."""
    n = len(G)
    dist = "distance" if weighted else None
    btw = nx.betweenness_centrality(G, normalized=False, weight=dist)
    btw_nx = nx.betweenness_centrality(G, normalized=True, weight=dist)
    scale = (n - 1) * (n - 2) / 2
    btw_norm = {v: (b / scale if n > 2 else 0.0) for v, b in btw.items()}
    for v in G:
        assert math.isclose(btw_norm[v], btw_nx[v], rel_tol=1e-9, abs_tol=1e-12)
    harmonic = nx.harmonic_centrality(G, distance=dist)
    eig = eigenvector(G)
    # tol tightened from the default 1e-6 to 1e-13 so the reference itself is
    # accurate well beyond the 1e-6 relative tolerance used in comparisons.
    pr = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-13,
                     max_iter=100000) if n else {}
    cons = nx.constraint(G, weight="weight")
    effs = nx.effective_size(G)
    clus = nx.clustering(G)
    core = nx.core_number(G)
    comm, q = communities(G)
    arts = set(nx.articulation_points(G))
    rows = {}
    for v in G:
        isolate = G.degree(v) == 0
        rows[v] = {
            "id": v,
            "degree": G.degree(v),
            "strength": float(G.degree(v, weight="weight")),
            "in_degree": D.in_degree(v),
            "out_degree": D.out_degree(v),
            "betweenness": float(btw[v]),
            "betweenness_norm": float(btw_norm[v]),
            "harmonic": float(harmonic[v]),
            "eigenvector": eig[v],
            "pagerank": pr[v],
            "constraint": None if isolate else cons[v],
            "effective_size": None if isolate else float(effs[v]),
            "clustering": float(clus[v]),
            "coreness": core[v],
            "reach2": len(nx.ego_graph(G, v, 2)) - 1,
            "community": comm[v],
            "articulation": int(v in arts),
        }
    return rows, q


def fmt(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if isinstance(x, float):
        return "%.17g" % x
    return str(x)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("landscape")
    ap.add_argument("--types", help="comma-separated tie types to keep")
    ap.add_argument("--at", help="keep ties that existed on YYYY-MM-DD")
    ap.add_argument("--weighted", action="store_true",
                    help="path metrics use distance 1/weight")
    ap.add_argument("-o", "--output", help="output CSV (default stdout)")
    ap.add_argument("--modularity-out", help="write modularity here instead "
                    "of printing it on stderr")
    a = ap.parse_args(argv)
    types = {t.strip().lower() for t in a.types.split(",")} if a.types else None
    at = datetime.date.fromisoformat(a.at) if a.at else None

    orgs, G, D = load_graphs(a.landscape, types, at)
    rows, q = compute(G, D, a.weighted)
    out = open(a.output, "w", newline="", encoding="utf-8") if a.output else sys.stdout
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for v in orgs:
        w.writerow([fmt(rows[v][c]) for c in COLUMNS])
    if a.output:
        out.close()
    qs = fmt(q)
    if a.modularity_out:
        with open(a.modularity_out, "w") as f:
            f.write(qs + "\n")
    else:
        print("modularity: " + (qs or "undefined (no ties)"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
