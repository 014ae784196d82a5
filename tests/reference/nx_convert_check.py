#!/usr/bin/python3
"""Does NetworkX read coalmap's GraphML / GML as the landscape it came from?

Reads the landscape's CSV files with Python's csv module (through
nx_metrics.read_table) and the converted file with networkx.read_graphml or
networkx.read_gml (label="label"), then checks:

- the nodes are exactly the org ids;
- every non-empty org cell is the node's attribute of that name, a number
  (int or float, not bool) when the whole column holds numbers, else text,
  with the same value (numbers compared as numbers; `name` defaults to the
  id; `issues`/`skills` lists normalised);
- the edges are exactly the ties (multiset; see landscape_same.norm_tie:
  type, weight, direction, dates and every other column), each edge
  running source -> target with a boolean (GraphML) or 0/1 (GML)
  `directed` attribute.

usage: nx_convert_check.py LANDSCAPE_DIR FILE.graphml|FILE.gml
"""
import os
import sys
from collections import Counter

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nx_metrics import read_table  # noqa: E402
from landscape_same import norm_org, norm_tie, value  # noqa: E402


def as_text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def main():
    land, path = sys.argv[1], sys.argv[2]
    gml = path.endswith(".gml")
    G = nx.read_gml(path, label="label") if gml else nx.read_graphml(path)
    problems = []
    if not G.is_directed():
        problems.append("graph is not directed (edgedefault / directed 1 expected)")
    rows = read_table(os.path.join(land, "organizations.csv"))
    cols = {k for r in rows for k in r if k}
    numeric = {c for c in cols if c not in ("id", "name")
               and all(value(r.get(c, ""))[0] == "num" for r in rows if r.get(c, ""))
               and any(r.get(c, "") for r in rows)}
    ids = [r["id"] for r in rows]
    if set(G.nodes) != set(ids) or G.number_of_nodes() != len(ids):
        problems.append(f"nodes differ: {len(G.nodes)} vs {len(ids)} orgs; "
                        f"missing {sorted(set(ids) - set(G.nodes))[:5]} extra {sorted(set(G.nodes) - set(ids))[:5]}")
    for r in rows:
        i = r["id"]
        if i not in G:
            continue
        attrs = G.nodes[i]
        for c, v in attrs.items():
            if c in numeric and not (isinstance(v, (int, float)) and not isinstance(v, bool)):
                problems.append(f"node {i!r} {c}: {v!r} should be a number")
            if c not in numeric and not isinstance(v, str):
                problems.append(f"node {i!r} {c}: {v!r} should be text")
        want = norm_org(r, False)
        got = norm_org({"id": i, **{k: as_text(v) for k, v in attrs.items()}}, False)
        if want != got:
            problems.append(f"node {i!r}: {got} != {want}")
    want, seen = Counter(), set()
    for r in read_table(os.path.join(land, "relationships.csv")):
        key = tuple(sorted(r.items()))
        if key in seen or r["source"] == r["target"]:
            continue
        seen.add(key)
        want[norm_tie(r, False)] += 1
    got = Counter()
    for u, v, d in G.edges(data=True):
        d = dict(d)
        if gml and "directed" in d:
            d["directed"] = "true" if d["directed"] == 1 else "false" if d["directed"] == 0 else d["directed"]
        if not gml and not isinstance(d.get("directed"), bool):
            problems.append(f"edge {u!r}->{v!r}: directed {d.get('directed')!r} is not a boolean")
        got[norm_tie({"source": u, "target": v, **{k: as_text(x) for k, x in d.items()}}, False)] += 1
    for t in want - got:
        problems.append(f"tie missing: {t}")
    for t in got - want:
        problems.append(f"extra edge: {t}")
    for p in problems[:20]:
        print(p)
    print(f"{path}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
