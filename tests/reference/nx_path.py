#!/usr/bin/python3
"""Independent NetworkX reference for `coalmap path` (introduction paths).

Written from docs/gaps.md ("Introduction paths") and SPEC.md only, never
from coalmap's sources.  The landscape is read by nx_metrics.py / nx_power.py
(same tie rules, same collaboration graph G).  Assumes valid input.

usage: nx_path.py LANDSCAPE FROM TO [-k K] [--via-types a,b] [--at DATE]
                  [-o OUT.csv]

Writes rank,length,trust,weight,path (path = ids joined by ' > ').
"""
import argparse
import csv
import datetime
import os
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import networkx as nx  # noqa: E402
import nx_metrics  # noqa: E402
import nx_power  # noqa: E402

COLUMNS = ("rank", "length", "trust", "weight", "path")
SEP = " > "
MISSING_TRUST = Fraction(1, 2)


def tie_trust(landscape, types=None, at=None, bare_counts_half=False):
    """(orgs, G, {frozenset(u, v): trust of the merged tie}).

    CHOICE: the trust of a merged tie is the highest trust among its (kept,
    non-conflict) ties that have one, and 0.5 when none of them has a trust.
    docs/gaps.md's wording ("a tie without trust counts 0.5") also reads as
    "every bare tie is a 0.5 in the maximum"; bare_counts_half
    (--bare-tie-counts-half) implements that reading.  The two differ for
    one tie with trust 0.2 and one without: 0.2 here, 0.5 there.

    When no tie of G has a trust (docs/gaps.md), every trust is None
    (unknown): chains then rank by length, then weight."""
    orgs, ties = nx_metrics.load_ties(landscape, types, at)
    G, _ = nx_metrics.build_graphs(orgs, ties)
    rows = nx_power.kept_relationship_rows(landscape, types, at)
    assert len(rows) == len(ties), "loader mismatch"
    given, bare = {}, set()
    for r, (src, dst, ttype, _, _) in zip(rows, ties):
        assert (r["source"], r["target"]) == (src, dst), "loader mismatch"
        if ttype == "conflict":
            continue
        key = frozenset((src, dst))
        if r.get("trust"):
            t = Fraction(r["trust"])
            given[key] = max(given.get(key, t), t)
        else:
            bare.add(key)
    trust = {}
    for u, v in G.edges():
        key = frozenset((u, v))
        values = [given[key]] if key in given else []
        if key in bare and (bare_counts_half or not values):
            values.append(MISSING_TRUST)
        trust[key] = max(values) if given else None
    return orgs, G, trust


def paths(G, trust, src, dst, k):
    """[(length, trust, weight, [ids])]: the k best of the shortest simple
    paths, collecting every path up to the length of the k-th one."""
    found = []
    if k <= 0:
        return []
    try:
        for p in nx.shortest_simple_paths(G, src, dst):
            length = len(p) - 1
            if len(found) >= k and length > found[k - 1][0]:
                break
            t, w = Fraction(1), Fraction(0)
            for u, v in zip(p, p[1:]):
                e = trust[frozenset((u, v))]
                t = None if t is None or e is None else t * e
                w += G[u][v]["exact"]
            found.append((length, t, w, p))
    except nx.NetworkXNoPath:
        return []
    # ranked by length, then trust (higher first), weight (higher first), ids
    # (trust None everywhere when no tie has one: ranked by weight)
    found.sort(key=lambda x: (x[0], -(x[1] or 0), -x[2], x[3]))
    return found[:k]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("landscape")
    ap.add_argument("source", metavar="FROM")
    ap.add_argument("target", metavar="TO")
    ap.add_argument("-k", type=int, default=3)
    ap.add_argument("--via-types", help="use only ties of these types")
    ap.add_argument("--at", help="keep ties that existed on YYYY-MM-DD")
    ap.add_argument("--bare-tie-counts-half", action="store_true",
                    help="diagnostic: every tie without trust counts 0.5 in "
                    "the maximum, also next to ties with a trust")
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args(argv)
    types = {t.strip().lower() for t in a.via_types.split(",") if t.strip()} \
        if a.via_types else None
    at = datetime.date.fromisoformat(a.at) if a.at else None
    orgs, G, trust = tie_trust(a.landscape, types, at, a.bare_tie_counts_half)
    for v in (a.source, a.target):
        if v not in G:
            print("nx_path: unknown organization %r" % v, file=sys.stderr)
            return 2
    if a.source == a.target:
        print("nx_path: FROM and TO are the same organization", file=sys.stderr)
        return 2
    found = paths(G, trust, a.source, a.target, a.k)
    if not found:
        print("nx_path: %s and %s are not connected" % (a.source, a.target),
              file=sys.stderr)
    out = open(a.output, "w", newline="", encoding="utf-8") \
        if a.output != "-" else sys.stdout
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for i, (length, t, wt, p) in enumerate(found, 1):
        w.writerow([i, length, "" if t is None else "%.17g" % float(t), "%.17g" % float(wt),
                    SEP.join(p)])
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
