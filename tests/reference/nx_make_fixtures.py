#!/usr/bin/python3
"""Writes the NetworkX-made fixtures coalmap must read (committed under
tests/data/convert/nx/): NetworkX's built-in data sets as GraphML
(write_graphml) and GML (write_gml).  Graph-level attributes that GraphML
cannot hold (lists) are dropped; nothing else is changed.

usage: nx_make_fixtures.py OUT_DIR
"""
import os
import sys

import networkx as nx


def graphs():
    yield "karate", nx.karate_club_graph()              # node club, edge weight
    yield "florentine", nx.florentine_families_graph()  # names only
    yield "lesmis", nx.les_miserables_graph()           # edge weight
    g = nx.davis_southern_women_graph()                 # node bipartite
    g.graph.clear()                                     # top/bottom lists
    yield "davis", g


def main():
    out = sys.argv[1]
    for name, g in graphs():
        nx.write_graphml(g, os.path.join(out, name + ".graphml"))
        nx.write_gml(g, os.path.join(out, name + ".gml"))
    print(f"networkx {nx.__version__}")


if __name__ == "__main__":
    main()
