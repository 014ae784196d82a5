#!/usr/bin/python3
"""Checks the "reached from your side" part of `coalmap stakeholders
--for F --camps --top 0` swing rows against NetworkX.

usage: nx_reach.py LANDSCAPE GRID.csv CAMPS.csv

Your side: the --for orgs (quadrant "focus" in the grid), and the orgs of
their camp (the camp most of them are in) aligned with them (alignment > 0)
that are not swing actors themselves.  For each swing actor the reading
must name a chain of collaboration ties (any tie type but conflict) that
starts on your side, is as short as any such chain (multi-source BFS),
and is the most trusted of those chains (product of the ties' trust, the
highest trust of a pair's ties, 0.5 for a pair without one when some tie
has one; all such chains enumerated here), or say that no chain reaches it.
Exit 0 when all agree, 1 with the differences on stderr."""
import csv
import math
import re
import sys

import networkx as nx

ARROW = " \u2192 "


def main():
    land, grid_path, camps_path = sys.argv[1:4]
    grid = list(csv.DictReader(open(grid_path, encoding="utf-8")))
    camps = list(csv.DictReader(open(camps_path, encoding="utf-8")))
    by_name = {r["name"]: r["id"] for r in grid}
    orgs = {r["id"]: r for r in grid}
    G = nx.Graph()
    G.add_nodes_from(orgs)
    trust_given = False
    for t in csv.DictReader(open(land + "/relationships.csv", encoding="utf-8")):
        if t["type"].strip().lower() == "conflict":
            continue
        u, v = t["source"], t["target"]
        tr = t.get("trust", "") or ""
        tr = float(tr) if tr.strip() else None
        trust_given |= tr is not None
        if G.has_edge(u, v):
            old = G[u][v]["trust"]
            G[u][v]["trust"] = tr if old is None else (old if tr is None else max(old, tr))
        else:
            G.add_edge(u, v, trust=tr)
    for u, v in G.edges:
        if G[u][v]["trust"] is None:
            G[u][v]["trust"] = 0.5 if trust_given else 1.0
    swing = [r for r in camps if r["section"] == "swing" and r["measure"] == "influence"]
    swing_ids = {by_name[r["subject"]] for r in swing}
    focus = [i for i, r in orgs.items() if r["quadrant"] == "focus"]
    in1 = sum(orgs[i]["camp"] == "1" for i in focus)
    in2 = sum(orgs[i]["camp"] == "2" for i in focus)
    camp = "1" if in1 >= in2 and in1 else ("2" if in2 > in1 else "")
    side = set(focus)
    for i, r in orgs.items():
        if camp and i not in swing_ids and r["camp"] == camp and r["alignment"] and float(r["alignment"]) > 0:
            side.add(i)
    dist = nx.multi_source_dijkstra_path_length(G, side, weight=lambda u, v, d: 1)
    bad = []
    for r in swing:
        z = by_name[r["subject"]]
        m = re.search(r"reached from your side in (\d+) steps?: (.*?)(?: \(trust ([0-9.e-]+)\))?$", r["reading"])
        if z not in dist:
            if "no chain of ties from your side reaches it" not in r["reading"]:
                bad.append("%s: unreachable, reading %r" % (z, r["reading"]))
            continue
        if not m:
            bad.append("%s: reachable in %d, reading %r" % (z, dist[z], r["reading"]))
            continue
        steps, chain = int(m.group(1)), [by_name[n] for n in m.group(2).split(ARROW)]
        if steps != dist[z] or len(chain) != steps + 1:
            bad.append("%s: %d steps said, %d by BFS; chain %s" % (z, steps, dist[z], chain))
            continue
        if chain[0] not in side or chain[-1] != z or not all(G.has_edge(a, b) for a, b in zip(chain, chain[1:])):
            bad.append("%s: the chain %s does not start on your side %s or is no chain of ties" % (z, chain, sorted(side)))
            continue
        best = 0.0
        for s in side:
            if dist.get(s) == 0 and s in G and nx.has_path(G, s, z) and nx.shortest_path_length(G, s, z) == steps:
                for p in nx.all_shortest_paths(G, s, z):
                    best = max(best, math.prod(G[a][b]["trust"] for a, b in zip(p, p[1:])))
        got = math.prod(G[a][b]["trust"] for a, b in zip(chain, chain[1:]))
        if not math.isclose(got, best, rel_tol=1e-9):
            bad.append("%s: the chain's trust %g, the best shortest chain's %g" % (z, got, best))
        if trust_given and (m.group(3) is None or not math.isclose(float(m.group(3)), best, rel_tol=0.01)):
            bad.append("%s: trust said %s, expected %.2g" % (z, m.group(3), best))
    for b in bad:
        print(b, file=sys.stderr)
    print("%d swing actors checked, %d on your side" % (len(swing), len(side)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
