#!/usr/bin/env python3
"""Checks what `coalmap metrics --epsilon E --delta D` promises against
NetworkX's exact betweenness (docs/statistics.md, "Betweenness within a
bound"): over runs with different --sample-seed, every org's
betweenness_norm is within E of the exact value, and inside
[betweenness_low, betweenness_high], in all but a share D of the runs.

usage: nx_bc_bound.py [--igraph] LANDSCAPE EPSILON DELTA RUN.csv...

--igraph: the exact values from python-igraph's betweenness on the same
graph (NetworkX's reading of the landscape), for graphs too large for
NetworkX's (bench/bc-bound.sh).

Prints one line of figures and exits 1 when a promise fails, when the runs
are not estimates (every run equal, or equal to the exact values), or when
the estimates are biased (the mean over the runs of the most central org's
estimate is off by more than four standard errors of that mean).
"""
import csv
import math
import sys

import networkx as nx

import nx_metrics


def main():
    args = sys.argv[1:]
    use_igraph = args[0] == "--igraph"
    if use_igraph:
        args = args[1:]
    landscape, eps, delta = args[0], float(args[1]), float(args[2])
    runs = args[3:]
    orgs, G, _ = nx_metrics.load_graphs(landscape)
    n = len(orgs)
    pairs = n * (n - 1) / 2
    norm = (n - 1) * (n - 2) / 2
    if use_igraph:
        import igraph
        index = {o: i for i, o in enumerate(orgs)}
        g = igraph.Graph(n=n, edges=[(index[u], index[v]) for u, v in G.edges()], directed=False)
        exact = {o: b / norm for o, b in zip(orgs, g.betweenness(directed=False))}
    else:
        exact = nx.betweenness_centrality(G, normalized=True)
    top = max(orgs, key=lambda o: (exact[o], o))
    bad_runs = outside_runs = bad_cells = 0
    worst = 0.0
    tops, columns = [], set()
    for path in runs:
        with open(path, newline="", encoding="utf-8") as f:
            rows = {r["id"]: r for r in csv.DictReader(f)}
        if set(rows) != set(orgs):
            print("FAIL: %s: orgs differ from the landscape's" % path)
            return 1
        bad = outside = 0
        for o in orgs:
            r = rows[o]
            est = float(r["betweenness_norm"])
            err = abs(est - exact[o])
            worst = max(worst, err)
            if err > eps + 1e-12:
                bad += 1
            b = exact[o] * norm
            if not float(r["betweenness_low"]) - 1e-9 * pairs <= b <= float(r["betweenness_high"]) + 1e-9 * pairs:
                outside += 1
        bad_cells += bad
        bad_runs += bad > 0
        outside_runs += outside > 0
        tops.append(float(rows[top]["betweenness_norm"]))
        columns.add(tuple(float(rows[o]["betweenness_norm"]) for o in orgs))
    k = len(runs)
    mean = sum(tops) / k
    sd = math.sqrt(sum((t - mean) ** 2 for t in tops) / (k - 1)) if k > 1 else 0
    print("%s: n=%d runs=%d eps=%g delta=%g: largest error %.5f; runs with an org off by more than eps %d; "
          "runs with an exact value outside its interval %d; (run, org) pairs off %d of %d; "
          "top org %s exact %.5f, mean estimate %.5f (sd %.5f)"
          % (landscape, n, k, eps, delta, worst, bad_runs, outside_runs, bad_cells, k * n, top, exact[top],
             mean, sd))
    failed = 0
    # the promise holds jointly with probability 1 - delta: allow the
    # binomial's upper tail (k runs, p = delta) at one in a thousand
    allowed = 0
    while sum(math.comb(k, j) * delta ** j * (1 - delta) ** (k - j) for j in range(allowed + 1)) < 0.999:
        allowed += 1
    if bad_runs > allowed or outside_runs > allowed:
        print("FAIL: the bound failed in more runs than delta allows (%d allowed)" % allowed)
        failed = 1
    if bad_cells > delta * k * n:
        print("FAIL: the share of (run, org) pairs off by more than eps is above delta")
        failed = 1
    if k > 1 and len(columns) == 1:
        print("FAIL: every seed gave the same estimates")
        failed = 1
    if all(abs(t - exact[top]) < 1e-12 for t in tops):
        print("FAIL: the estimates are the exact values (nothing was sampled)")
        failed = 1
    if k > 1 and abs(mean - exact[top]) > 4 * sd / math.sqrt(k) + 1e-12:
        print("FAIL: the most central org's estimate looks biased")
        failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
