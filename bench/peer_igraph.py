"""The per-organization metrics of `coalmap metrics`, written the way an
analyst would with pandas and python-igraph (Debian's python3-igraph).
Usage: peer_igraph.py LANDSCAPE OUT.csv [--no-paths]
--no-paths leaves out betweenness and harmonic closeness (all-pairs work)."""
import sys

import igraph as ig
import pandas as pd

DIRECTED = {"funding", "information", "membership", "access", "distribution"}

d, out = sys.argv[1], sys.argv[2]
paths = "--no-paths" not in sys.argv
orgs = pd.read_csv(f"{d}/organizations.csv", dtype=str, keep_default_na=False)
ties = pd.read_csv(f"{d}/relationships.csv", dtype={"source": str, "target": str})
ties = ties[ties["type"] != "conflict"]
index = pd.Series(range(len(orgs)), index=orgs["id"])
src = index[ties["source"]].to_numpy()
dst = index[ties["target"]].to_numpy()
w = ties["weight"].fillna(1).to_numpy()

g = ig.Graph(n=len(orgs), edges=list(zip(src, dst)), edge_attrs={"weight": w})
g.simplify(combine_edges={"weight": "sum"})
flag = ties["directed"].astype(str).str.lower()
directed = (ties["type"].isin(DIRECTED) & ~flag.isin(["false", "no", "0"])) | flag.isin(["true", "yes", "1"])
directed = directed.to_numpy()
D = ig.Graph(n=len(orgs), edges=list(zip(src, dst)) + list(zip(dst[~directed], src[~directed])),
             directed=True, edge_attrs={"weight": list(w) + list(w[~directed])})
D.simplify(combine_edges={"weight": "sum"})

res = pd.DataFrame({"id": orgs["id"]})
res["degree"] = g.degree()
res["strength"] = g.strength(weights="weight")
res["in_degree"] = D.indegree()
res["out_degree"] = D.outdegree()
if paths:
    res["betweenness"] = g.betweenness()
    res["harmonic"] = g.harmonic_centrality(normalized=False)
res["eigenvector"] = g.eigenvector_centrality(scale=True)
res["pagerank"] = D.pagerank(weights="weight")
res["constraint"] = g.constraint(weights="weight")
res["clustering"] = g.transitivity_local_undirected(mode="zero")
deg = res["degree"].to_numpy()
res["effective_size"] = deg - (res["clustering"].to_numpy() * (deg - 1))  # n - 2t/n with t = c n(n-1)/2
res["coreness"] = g.coreness()
res["reach2"] = g.neighborhood_size(order=2, mindist=1)
res["community"] = g.community_multilevel(weights="weight").membership
art = set(g.articulation_points())
res["articulation"] = [int(v in art) for v in range(g.vcount())]
res.to_csv(out, index=False)
