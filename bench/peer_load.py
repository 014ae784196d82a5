"""What an analyst would write instead of `coalmap check`: read the landscape
with pandas and build the collaboration graph (undirected, conflict ties left
out, parallel ties merged with weights summed) and the directed tie graph
with python-igraph, then count components."""
import sys

import igraph as ig
import pandas as pd

DIRECTED = {"funding", "information", "membership", "access", "distribution"}

d = sys.argv[1]
orgs = pd.read_csv(f"{d}/organizations.csv", dtype={"id": str}, keep_default_na=False)
ties = pd.read_csv(f"{d}/relationships.csv", dtype={"source": str, "target": str})
index = pd.Series(range(len(orgs)), index=orgs["id"])
ties = ties[ties["type"] != "conflict"]
src = index[ties["source"]].to_numpy()
dst = index[ties["target"]].to_numpy()
w = ties["weight"].fillna(1).to_numpy()

g = ig.Graph(n=len(orgs), edges=list(zip(src, dst)), edge_attrs={"weight": w})
g.simplify(combine_edges={"weight": "sum"})
flag = ties["directed"].astype(str).str.lower() if "directed" in ties else None
directed = ties["type"].isin(DIRECTED)
if flag is not None:
    directed = (directed & ~flag.isin(["false", "no", "0"])) | flag.isin(["true", "yes", "1"])
directed = directed.to_numpy()
arcs = list(zip(src, dst)) + list(zip(dst[~directed], src[~directed]))
wd = list(w) + list(w[~directed])
D = ig.Graph(n=len(orgs), edges=arcs, directed=True, edge_attrs={"weight": wd})
D.simplify(combine_edges={"weight": "sum"})
print(len(g.connected_components()), g.ecount(), D.ecount())
