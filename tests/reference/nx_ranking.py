#!/usr/bin/env python3
"""Independent reference for `coalmap metrics --missing` (engine/ranking.c,
docs/statistics.md "Robustness of rankings").

Reads a small landscape (organizations.csv, relationships.csv with source
and target; no conflict ties), and for each share s leaves out exactly
round(s * m) ties (or round(s * n) orgs with --orgs) in EVERY possible way
(brute force over all subsets: the exact distribution that coalmap's
resamples estimate), recomputes the measure with NetworkX, and ranks the
orgs present: rank = 1 + orgs with a strictly better value.  Then checks
coalmap's CSV (the long table: id, rank, missing, resamples, keeps_rank,
in_top, rank_low, rank_high) against the exact values within Monte-Carlo
error (4 standard errors of coalmap's own resamples).

usage: nx_ranking.py LANDSCAPE COALMAP.csv --top K --resamples R [--by MEASURE] [--orgs]
"""
import argparse
import csv
import itertools
import math
import sys

import networkx as nx

MEASURES = {
    "betweenness": lambda g: nx.betweenness_centrality(g, normalized=False),
    "degree": lambda g: dict(g.degree()),
    "harmonic": nx.harmonic_centrality,
}


def load(folder):
    with open(f"{folder}/organizations.csv", encoding="utf-8") as f:
        orgs = [r["id"] for r in csv.DictReader(f)]
    with open(f"{folder}/relationships.csv", encoding="utf-8") as f:
        ties = [(r["source"], r["target"]) for r in csv.DictReader(f)]
    return orgs, ties


def ranks(orgs, value):
    """1 + orgs present with a strictly larger value (competition ranking);
    values equal but for rounding (sums of 1/d in another order) tie."""
    vals = sorted(value.values(), reverse=True)
    return {v: 1 + sum(1 for x in vals if x > value[v] + 1e-9 * max(1.0, abs(value[v])))
            for v in orgs if v in value}


def measure(by, orgs, ties):
    g = nx.Graph()
    g.add_nodes_from(orgs)
    g.add_edges_from(ties)
    return MEASURES[by](g)


def exact(orgs, ties, by, share, use_orgs):
    """Every resample's ranks: a list of {org: rank} (orgs missing absent)."""
    pool = orgs if use_orgs else ties
    want = math.floor(share * len(pool) + 0.5)
    out = []
    for gone in itertools.combinations(range(len(pool)), want):
        gone = set(gone)
        if use_orgs:
            left = [o for i, o in enumerate(orgs) if i not in gone]
            kept = set(left)
            t = [(a, b) for a, b in ties if a in kept and b in kept]
        else:
            left = orgs
            t = [e for i, e in enumerate(ties) if i not in gone]
        out.append(ranks(left, measure(by, left, t)))
    return out


def within(est, p, n, what, errors, slack=0.0):
    """est is p within 4 standard errors of n draws (plus slack)."""
    se = math.sqrt(p * (1 - p) / n)
    if abs(est - p) > 4 * se + slack + 1e-9:
        errors.append(f"{what}: coalmap {est:.4f}, exact {p:.4f} (4 SE = {4 * se:.4f})")


def quantile_ok(lo, dist, q, n, what, errors):
    """lo is a plausible nearest-rank q-quantile of dist given n draws:
    the exact CDF just below and at lo brackets q within 4 SE."""
    tol = 4 * math.sqrt(q * (1 - q) / n) + 1e-9
    below = sum(1 for x in dist if x < lo) / len(dist)
    at = sum(1 for x in dist if x <= lo) / len(dist)
    if not (below <= q + tol and at >= q - tol):
        errors.append(f"{what}: coalmap {lo}, exact P(< {lo}) = {below:.4f}, P(<= {lo}) = {at:.4f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("landscape")
    ap.add_argument("table")
    ap.add_argument("--top", type=int, required=True)
    ap.add_argument("--by", default="betweenness", choices=sorted(MEASURES))
    ap.add_argument("--orgs", action="store_true")
    ap.add_argument("--resamples", type=int, required=True)
    a = ap.parse_args()
    orgs, ties = load(a.landscape)
    obs = measure(a.by, orgs, ties)
    obs_rank = ranks(orgs, obs)
    order = sorted(range(len(orgs)), key=lambda i: (obs_rank[orgs[i]], i))
    top = [orgs[i] for i in order[: a.top]]
    with open(a.table, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    errors, cache = [], {}
    seen = [r["id"] for r in rows]
    if sorted(set(seen), key=seen.index) != top:
        errors.append(f"top {a.top}: coalmap {sorted(set(seen), key=seen.index)}, reference {top}")
    for r in rows:
        org, s, n = r["id"], float(r["missing"]), int(r["resamples"])
        if int(r["rank"]) != obs_rank[org]:
            errors.append(f"{org}: observed rank {r['rank']}, reference {obs_rank[org]}")
        if s not in cache:
            cache[s] = exact(orgs, ties, a.by, s, a.orgs)
        dist = [rk[org] for rk in cache[s] if org in rk]
        what = f"{org} at {s}"
        within(n / a.resamples, len(dist) / len(cache[s]), a.resamples, what + " present", errors)
        within(float(r["keeps_rank"]), sum(x <= obs_rank[org] for x in dist) / len(dist), n,
               what + " keeps_rank", errors)
        within(float(r["in_top"]), sum(x <= a.top for x in dist) / len(dist), n, what + " in_top", errors)
        quantile_ok(int(r["rank_low"]), dist, 0.025, n, what + " rank_low", errors)
        quantile_ok(int(r["rank_high"]), dist, 0.975, n, what + " rank_high", errors)
    for e in errors:
        print(e)
    print(f"{len(rows)} rows, {len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
