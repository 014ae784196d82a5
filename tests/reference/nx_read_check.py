#!/usr/bin/python3
"""Did coalmap read a NetworkX-written GraphML / GML file faithfully?

Reads FILE with networkx (read_graphml, or read_gml with label="label") and
the landscape coalmap converted it to with Python's csv module, then checks:

- the org ids are exactly the nodes, and every node attribute is the org's
  cell of that name with the same value and kind (numbers stay numbers);
- the ties are exactly the edges: a tie per edge, both ends the same (either
  order for an undirected graph), `directed` saying whether the graph is
  directed, and every edge attribute (weight included) the same;
- with METRICS.csv (coalmap metrics --format csv on the landscape): degree,
  strength and betweenness agree with NetworkX on the graph itself (as a
  simple undirected graph, parallel edges' weights summed; strength uses
  `weight`, default 1): G.degree(), G.degree(weight=), and
  betweenness_centrality(G, normalized=False), to 1e-9 relative.

usage: nx_read_check.py FILE LANDSCAPE_DIR [METRICS.csv]
"""
import csv
import math
import os
import sys
from collections import Counter

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nx_metrics import read_table  # noqa: E402
from landscape_same import value  # noqa: E402


def norm(v):
    if isinstance(v, bool):
        return ("text", "true" if v else "false")
    if isinstance(v, (int, float)):
        return ("num", float(v))
    return value(str(v))


def main():
    path, land = sys.argv[1], sys.argv[2]
    G = nx.read_gml(path, label="label") if path.endswith(".gml") else nx.read_graphml(path)
    problems = []
    orgs = {r["id"]: r for r in read_table(os.path.join(land, "organizations.csv"))}
    nodes = {str(n) for n in G.nodes}
    if nodes != set(orgs) or len(orgs) != G.number_of_nodes():
        problems.append(f"orgs {len(orgs)} vs nodes {G.number_of_nodes()}")
    for n, attrs in G.nodes(data=True):
        r = orgs.get(str(n))
        if r is None:
            continue
        for k, v in attrs.items():
            if norm(v) != value(r.get(k.lower(), "")):
                problems.append(f"node {n!r} {k}: {v!r} vs {r.get(k.lower())!r}")
        extra = {k for k, v in r.items() if v and k not in ("id", "name") and k not in {a.lower() for a in attrs}}
        if extra:
            problems.append(f"org {n!r} has attributes the node lacks: {sorted(extra)}")
    directed = G.is_directed()

    def key(u, v, d):
        ends = (u, v) if directed else tuple(sorted((u, v)))
        return (ends, tuple(sorted((k.lower(), norm(x)) for k, x in d.items())))

    want = Counter(key(str(u), str(v), d) for u, v, d in G.edges(data=True))
    got = Counter()
    for r in read_table(os.path.join(land, "relationships.csv")):
        if r.get("directed", "").lower() != ("true" if directed else "false"):
            problems.append(f"tie {r['source']}-{r['target']}: directed {r.get('directed')!r}")
        d = {k: v for k, v in r.items() if v and k not in ("source", "target", "directed")}
        if d.get("type") == "partnership" and "type" not in {k.lower() for _, _, e in G.edges(data=True) for k in e}:
            del d["type"]  # coalmap's default type, not in the file
        if "weight" not in {k for _, _, e in G.edges(data=True) for k in e} and d.get("weight") in ("1", "1.0"):
            del d["weight"]  # coalmap's default weight, not in the file
        got[key(r["source"], r["target"], {k: value(v)[1] for k, v in d.items()})] += 1
    for t in want - got:
        problems.append(f"edge without a tie: {t}")
    for t in got - want:
        problems.append(f"tie without an edge: {t}")
    if len(sys.argv) > 3:
        S = nx.Graph()
        S.add_nodes_from(str(n) for n in G.nodes)
        for u, v, d in G.edges(data=True):
            w = d.get("weight", 1)
            u, v = str(u), str(v)
            if S.has_edge(u, v):
                S[u][v]["weight"] += w
            else:
                S.add_edge(u, v, weight=w)
        ref = {"degree": dict(S.degree()), "strength": dict(S.degree(weight="weight")),
               "betweenness": nx.betweenness_centrality(S, normalized=False)}
        with open(sys.argv[3], encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if len(rows) != S.number_of_nodes():
            problems.append(f"metrics rows {len(rows)} vs {S.number_of_nodes()} nodes")
        for r in rows:
            for m, vals in ref.items():
                a, b = float(r[m]), float(vals[r["id"]])
                if not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
                    problems.append(f"{r['id']} {m}: coalmap {a} networkx {b}")
    for p in problems[:20]:
        print(p)
    print(f"{path}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
