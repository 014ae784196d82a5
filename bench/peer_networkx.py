"""The per-organization metrics of `coalmap metrics`, written the way an
analyst would with NetworkX (Debian's python3-networkx).
Usage: peer_networkx.py LANDSCAPE OUT.csv"""
import csv
import sys

import networkx as nx

DIRECTED = {"funding", "information", "membership", "access", "distribution"}

d, out = sys.argv[1], sys.argv[2]
with open(f"{d}/organizations.csv", encoding="utf-8") as f:
    ids = [r["id"] for r in csv.DictReader(f)]
G, D = nx.Graph(), nx.DiGraph()
G.add_nodes_from(ids)
D.add_nodes_from(ids)


def add(H, u, v, w):
    if H.has_edge(u, v):
        H[u][v]["weight"] += w
    else:
        H.add_edge(u, v, weight=w)


with open(f"{d}/relationships.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["type"] == "conflict":
            continue
        w = float(r["weight"] or 1)
        flag = r.get("directed", "").lower()
        directed = flag in ("true", "yes", "1") or (r["type"] in DIRECTED and flag not in ("false", "no", "0"))
        add(G, r["source"], r["target"], w)
        add(D, r["source"], r["target"], w)
        if not directed:
            add(D, r["target"], r["source"], w)

m = {
    "degree": dict(G.degree()),
    "strength": dict(G.degree(weight="weight")),
    "in_degree": dict(D.in_degree()),
    "out_degree": dict(D.out_degree()),
    "betweenness": nx.betweenness_centrality(G, normalized=False),
    "harmonic": nx.harmonic_centrality(G),
    "eigenvector": nx.eigenvector_centrality_numpy(G),
    "pagerank": nx.pagerank(D, alpha=0.85, weight="weight"),
    "constraint": nx.constraint(G, weight="weight"),
    "effective_size": nx.effective_size(G),
    "clustering": nx.clustering(G),
    "coreness": nx.core_number(G),
    "reach2": {v: len(nx.ego_graph(G, v, 2)) - 1 for v in G},
    "articulation": {v: 1 for v in nx.articulation_points(G)},
}
comm = {}
for i, c in enumerate(nx.community.louvain_communities(G, weight="weight", seed=42), 1):
    for v in c:
        comm[v] = i
m["community"] = comm
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id"] + list(m))
    for v in ids:
        w.writerow([v] + [m[k].get(v, 0) for k in m])
