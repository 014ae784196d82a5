#!/usr/bin/python3
"""Does a landscape hold what a GEXF file holds?  (tests/cli/gexf.sh)

usage: gexf_check.py read FILE.gexf LANDSCAPE_DIR [METRICS.csv]
       gexf_check.py written LANDSCAPE_DIR FILE.gexf
       gexf_check.py same A.gexf B.gexf

read: FILE is parsed with Python's ElementTree (independently of coalmap)
and, when NetworkX can read it (no undirected edge in a directed graph),
with networkx.read_gexf too, the two agreeing on the edges.  The
landscape's orgs are the nodes (name = label), every node attribute is the
org's cell of its title, the ties are the edges (direction from the edge's
type or the graph's defaultedgetype; weight; every edge attribute).  With
METRICS.csv (coalmap metrics --format csv): degree is NetworkX's on the
simple undirected graph, in_degree/out_degree on the simple directed one
(an undirected edge both ways).

written: FILE, written by coalmap from LANDSCAPE, read by networkx.read_gexf:
nodes, labels, node attributes, and the edges (a directed tie one arc, a
mutual one both arcs, or an edge in an undirected graph) with their weight
and attributes are the landscape's CSV as Python's csv reads it.

same: every node and edge attribute of A is in B with the same value.
"""
import csv
import math
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx


def local(tag):
    return tag.rsplit("}", 1)[-1]


def num(v):
    """A number when the text is one, else the text (so 2 == 2.0)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    try:
        x = float(v)
        if math.isfinite(x):
            return x
    except (TypeError, ValueError):
        pass
    return "" if v is None else str(v)


def parse(path):
    """nodes {id: {label, attrs}}, edges [(src, dst, directed, attrs)]."""
    root = ET.parse(path).getroot()
    graph = next(e for e in root if local(e.tag) == "graph")
    default = graph.get("defaultedgetype", "undirected")
    titles = {}
    for a in graph:
        if local(a.tag) == "attributes":
            for at in a:
                titles[(a.get("class"), at.get("id"))] = at.get("title")

    def values(elem, cls):
        d = {}
        for av in elem.iter():
            if local(av.tag) == "attvalue":
                d[titles[(cls, av.get("for"))]] = av.get("value")
        return d

    nodes, edges = {}, []
    for e in graph.iter():
        t = local(e.tag)
        if t == "node":
            nodes[e.get("id")] = (e.get("label"), values(e, "node"))
        elif t == "edge":
            d = values(e, "edge")
            for k in ("weight", "label", "start", "end"):
                if e.get(k) is not None:
                    d[k] = e.get(k)
            typ = e.get("type", default)
            edges.append((e.get("source"), e.get("target"), typ == "directed", d))
    return nodes, edges


def table(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def check_read(path, land, metrics):
    problems = []
    nodes, edges = parse(path)
    try:
        G = nx.read_gexf(path)
    except nx.NetworkXError:
        G = None  # a mixed graph: NetworkX refuses it
    if G is not None:
        arcs = Counter((str(u), str(v)) for u, v in G.edges())
        mine = Counter()
        for s, t, d, _ in edges:
            mine[(s, t)] += 1
            if not d and G.is_directed():
                mine[(t, s)] += 1  # mutual
        if not G.is_directed():
            arcs = Counter(tuple(sorted(k)) for k in arcs.elements())
            mine = Counter(tuple(sorted(k)) for k in mine.elements())
        if arcs != mine or set(map(str, G.nodes)) != set(nodes):
            problems.append("ElementTree and NetworkX disagree on the file")
    orgs = {r["id"]: r for r in table(os.path.join(land, "organizations.csv"))}
    if set(orgs) != set(nodes):
        problems.append(f"orgs {sorted(orgs)} vs nodes {sorted(nodes)}")
    for n, (label, attrs) in nodes.items():
        r = orgs.get(n, {})
        if label is not None and r.get("name") != label:
            problems.append(f"node {n}: name {r.get('name')!r} vs label {label!r}")
        for k, v in attrs.items():
            if num(r.get(k)) != num(v):
                problems.append(f"node {n} {k}: {r.get(k)!r} vs {v!r}")
    want = Counter()
    for s, t, d, attrs in edges:
        key = (s, t) if d else tuple(sorted((s, t)))
        want[(key, d, num(attrs.get("weight", 1)))] += 1
    got = Counter()
    ties = table(os.path.join(land, "relationships.csv"))
    for r in ties:
        d = r["directed"] == "true"
        key = (r["source"], r["target"]) if d else tuple(sorted((r["source"], r["target"])))
        got[(key, d, num(r["weight"]))] += 1
    if want != got:
        problems.append(f"ties {sorted(got - want)} vs edges {sorted(want - got)}")
    for (s, t, d, attrs), r in zip(edges, ties):
        for k, v in attrs.items():
            if k != "weight" and num(r.get(k)) != num(v):
                problems.append(f"edge {s}-{t} {k}: {r.get(k)!r} vs {v!r}")
    if metrics:
        S, D = nx.Graph(), nx.DiGraph()
        S.add_nodes_from(nodes)
        D.add_nodes_from(nodes)
        for s, t, d, _ in edges:
            S.add_edge(s, t)
            D.add_edge(s, t)
            if not d:
                D.add_edge(t, s)
        rows = table(metrics)
        if sorted(r["id"] for r in rows) != sorted(nodes):
            problems.append(f"metrics rows {sorted(r['id'] for r in rows)} are not the nodes {sorted(nodes)}")
        for r in rows:
            n = r["id"]
            for m, ref in (("degree", S.degree(n)), ("in_degree", D.in_degree(n)),
                           ("out_degree", D.out_degree(n))):
                if float(r[m]) != ref:
                    problems.append(f"{n} {m}: coalmap {r[m]} networkx {ref}")
            if r["name"] != (nodes[n][0] or n):
                problems.append(f"{n} name in metrics: {r['name']!r}")
    return problems


def check_written(land, path):
    problems = []
    G = nx.read_gexf(path)
    orgs = table(os.path.join(land, "organizations.csv"))
    if set(map(str, G.nodes)) != {r["id"] for r in orgs}:
        problems.append("nodes are not the orgs")
    for r in orgs:
        d = dict(G.nodes.get(r["id"], {}))
        viz = d.pop("viz", {})
        if "color" in viz:
            d["viz_color"] = "#%02x%02x%02x" % (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"])
        if "position" in viz:
            d["viz_x"], d["viz_y"] = viz["position"]["x"], viz["position"]["y"]
        if "size" in viz:
            d["viz_size"] = viz["size"]
        if d.get("label") != r["name"]:
            problems.append(f"{r['id']}: label {d.get('label')!r} vs name {r['name']!r}")
        for k, v in r.items():
            # an org column `label`: NetworkX keeps the node's label instead
            if k not in ("id", "name", "label") and v and num(d.get(k)) != num(v):
                problems.append(f"{r['id']} {k}: {d.get(k)!r} vs {v!r}")
    want = Counter()
    for r in table(os.path.join(land, "relationships.csv")):
        attrs = tuple(sorted((k, num(v)) for k, v in r.items()
                             if v and k not in ("source", "target", "directed")))
        s, t = r["source"], r["target"]
        if not G.is_directed():
            s, t = sorted((s, t))
        want[(s, t, attrs)] += 1
        if G.is_directed() and r["directed"] != "true":
            want[(t, s, attrs)] += 1
    got = Counter()
    for u, v, d in G.edges(data=True):
        attrs = tuple(sorted((k, num(x)) for k, x in d.items() if k != "id"))
        u, v = str(u), str(v)
        if not G.is_directed():
            u, v = sorted((u, v))
        got[(u, v, attrs)] += 1
    if want != got:
        problems.append(f"edges {sorted(got - want)[:3]} vs ties {sorted(want - got)[:3]}")
    return problems


def canon(k, v):
    """What coalmap makes of a value: lists ';'-separated, years dates."""
    if v is None:
        return None
    if v.startswith("[") and v.endswith("]"):
        return ";".join(x.strip() for x in v[1:-1].split(","))
    if "|" in v:
        return ";".join(v.split("|"))
    if k in ("start", "end") and len(v) == 4 and v.isdigit():
        return v + ("-01-01" if k == "start" else "-12-31")
    return num(v)


def check_same(a, b):
    problems = []
    na, ea = parse(a)
    nb, eb = parse(b)
    for n, (label, attrs) in na.items():
        battrs = nb.get(n, (None, {}))[1]
        for k, v in attrs.items():
            if num(battrs.get(k)) != canon(k, v):
                problems.append(f"node {n} {k}: {v!r} became {battrs.get(k)!r}")
    if len(ea) != len(eb):
        problems.append(f"{len(ea)} edges became {len(eb)}")
    for (s, t, d, attrs), (s2, t2, d2, attrs2) in zip(ea, eb):
        if (s, t, d) != (s2, t2, d2):
            problems.append(f"edge {s}-{t} became {s2}-{t2}")
        for k, v in attrs.items():
            if num(attrs2.get(k, 1 if k == "weight" else None)) != canon(k, v):
                problems.append(f"edge {s}-{t} {k}: {v!r} became {attrs2.get(k)!r}")
    return problems


def main():
    mode = sys.argv[1]
    if mode == "read":
        problems = check_read(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif mode == "written":
        problems = check_written(sys.argv[2], sys.argv[3])
    else:
        problems = check_same(sys.argv[2], sys.argv[3])
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
