#!/usr/bin/env python3
"""Independent reference for `coalmap power --missing` (the robustness of
the key players and the gatekeepers; docs/statistics.md, "Robustness of
rankings").

Reads a small landscape (organizations.csv with id, type and region;
relationships.csv with source and target, every tie a partnership, so
that a tie to a decision-maker is direct access), and computes with
NetworkX, from their definitions in docs/power.md:

  - KPP-Neg, greedy: each step removes the org whose removal leaves the
    fewest pairs able to reach each other (ties: more partners, then file
    order);
  - KPP-Pos, greedy: each step adds the org that brings the most orgs not
    yet within two steps of the set (ties: file order);
  - each region's gatekeepers: every member with no direct access and no
    shortest route to a decision-maker through its own region alone sends
    one unit split equally over all its shortest routes to the nearest
    decision-makers; an org of another region (not a decision-maker) is
    credited with the share of routes through it.  Listed: the 10 with
    most, then file order.

For each share s it leaves out exactly round(s * m) ties (or round(s * n)
orgs with --orgs) in EVERY possible way (the exact distribution coalmap's
resamples estimate), ranks each list there (1 + orgs scoring strictly
more; an org not listed is off the list), and checks coalmap's CSV: the
lists themselves, and for each listed org and share the value (the share
of resamples keeping it in its list) within 4 Monte-Carlo standard errors,
the reading's share keeping its place within the same error (plus its
rounding to whole percents), and the reading's 95 % interval of places.

usage: nx_power_ranking.py LANDSCAPE COALMAP.csv --k K --resamples R [--orgs]
"""
import argparse
import csv
import itertools
import math
import os
import re
import sys

import networkx as nx

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nx_ranking import quantile_ok, within  # noqa: E402

LISTED = 10


def load(folder):
    with open(f"{folder}/organizations.csv", encoding="utf-8") as f:
        orgs = list(csv.DictReader(f))
    with open(f"{folder}/relationships.csv", encoding="utf-8") as f:
        ties = [(r["source"], r["target"]) for r in csv.DictReader(f)]
    return orgs, ties


def graph(ids, ties):
    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from(ties)
    return g


def same(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b)) + 1e-12


def kpp_neg(g, ids, k):
    removed, out = set(), []
    for step in range(min(k, len(ids))):
        r = len(ids) - step - 1
        best, bi, bdeg = None, None, -1
        for v in ids:
            if v in removed:
                continue
            h = g.subgraph([u for u in ids if u not in removed and u != v])
            after = sum(len(c) * (len(c) - 1) for c in nx.connected_components(h))
            f = 1 - after / (r * (r - 1)) if r >= 2 else 0
            deg = g.degree(v)
            if best is None or (f > best and not same(f, best)) or (same(f, best) and deg > bdeg):
                best, bi, bdeg = f, v, deg
        removed.add(bi)
        out.append(bi)
    return out


def kpp_pos(g, ids, k):
    within = {v: {v} | set(nx.single_source_shortest_path_length(g, v, cutoff=2)) for v in ids}
    reached, chosen = set(), []
    for _ in range(min(k, len(ids))):
        best, bg = None, -1
        for v in ids:
            if v in chosen:
                continue
            gain = len(within[v] - reached)
            if gain > bg:
                best, bg = v, gain
        chosen.append(best)
        reached |= within[best]
    return chosen


def gatekeepers(g, ids, region, dms):
    """{region: {org: routes carried}} (only orgs carrying some)."""
    out = {}
    targets = [v for v in ids if v in dms]
    h = g.copy()
    h.add_node("__T__")
    h.add_edges_from(("__T__", t) for t in targets)
    for reg in sorted(set(region[v] for v in ids)):
        flow = {}
        for v in ids:
            if region[v] != reg or v in dms or any(u in dms for u in g[v]):
                continue
            if not nx.has_path(h, v, "__T__"):
                continue
            paths = list(nx.all_shortest_paths(h, v, "__T__"))
            inner = [p[1:-2] for p in paths]  # between v and the decision-maker
            if len(paths[0]) <= 3:  # a decision-maker one step away: direct
                continue
            if any(all(region[u] == reg for u in p) for p in inner):
                continue  # a route through its own region alone
            for p in inner:
                for u in p:
                    if region[u] != reg:
                        flow[u] = flow.get(u, 0) + 1 / len(paths)
        out[reg] = flow
    return out


def ranked(score, ids):
    """{org: place}: 1 + orgs scoring strictly more; orgs without a score are off the list."""
    vals = list(score.values())
    return {v: (1 + sum(1 for x in vals if x > score[v] and not same(x, score[v])) if v in score else math.inf)
            for v in ids}


def lists(ids, ties, orgs, k):
    """Every list: {name: (ordered list, {org: place})}."""
    g = graph(ids, ties)
    region = {o["id"]: o["region"] for o in orgs}
    dms = {o["id"] for o in orgs if o["type"] == "decision_maker"}
    out = {}
    neg, pos = kpp_neg(g, ids, k), kpp_pos(g, ids, k)
    out["kpp_neg"] = (neg, ranked({v: len(neg) - i for i, v in enumerate(neg)}, ids))
    out["kpp_pos"] = (pos, ranked({v: len(pos) - i for i, v in enumerate(pos)}, ids))
    for reg, flow in gatekeepers(g, ids, region, dms).items():
        order = sorted(flow, key=lambda v: (-round(flow[v], 9), ids.index(v)))
        out["routes:" + reg] = (order[:LISTED], ranked(flow, ids))
    return out


def exact(orgs, ties, k, share, use_orgs):
    ids = [o["id"] for o in orgs]
    pool = ids if use_orgs else ties
    want = math.floor(share * len(pool) + 0.5)
    res = []
    for gone in itertools.combinations(range(len(pool)), want):
        gone = set(gone)
        if use_orgs:
            left = [v for i, v in enumerate(ids) if i not in gone]
            t = [(a, b) for a, b in ties if a in left and b in left]
        else:
            left, t = ids, [e for i, e in enumerate(ties) if i not in gone]
        res.append(lists(left, t, orgs, k))
    return res


def percent(text):
    """A reading's percent as a share, with the half-percent its rounding allows."""
    if text.startswith(">"):
        return 0.995, 0.005
    if text.startswith("<"):
        return 0.005, 0.005
    return int(text) / 100, 0.005


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("landscape")
    ap.add_argument("table")
    ap.add_argument("--k", type=int, required=True)
    ap.add_argument("--orgs", action="store_true")
    ap.add_argument("--resamples", type=int, required=True)
    a = ap.parse_args()
    orgs, ties = load(a.landscape)
    ids = [o["id"] for o in orgs]
    obs = lists(ids, ties, orgs, a.k)
    with open(a.table, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    errors, cache, checked = [], {}, 0
    # the lists as coalmap shows them
    shown = {}
    for r in rows:
        if r["measure"] in ("kpp_neg_rank", "kpp_pos_rank"):
            shown.setdefault(r["measure"][:7], []).append(r["subject"])
        elif r["measure"].startswith("routes:"):
            shown.setdefault(r["measure"], []).append(r["subject"])
    for name, (order, _) in obs.items():
        if order and shown.get(name, []) != order:
            errors.append(f"{name}: coalmap lists {shown.get(name)}, reference {order}")
    for r in rows:
        m = re.fullmatch(r"(kpp_neg|kpp_pos|routes)_kept:(.*):([0-9.e-]+)|(kpp_neg|kpp_pos)_kept:([0-9.e-]+)",
                         r["measure"])
        if not m:
            continue
        if m.group(4):
            name, s = m.group(4), float(m.group(5))
        else:
            name, s = "routes:" + m.group(2), float(m.group(3))
        org = r["subject"]
        order, place = obs[name]
        if s not in cache:
            cache[s] = exact(orgs, ties, a.k, s, a.orgs)
        dist = [res[name][1][org] for res in cache[s] if name in res and org in res[name][1]]
        what = f"{name} {org} at {s}"
        held = len(dist) / len(cache[s])
        if not dist:
            if r["value"]:
                errors.append(f"{what}: coalmap {r['value']}, but no resample holds it")
            continue
        k = len(order)
        n = max(1, round(a.resamples * held))
        within(float(r["value"]), sum(x <= k for x in dist) / len(dist), n, what + " in the list", errors)
        t = re.search(r"place (\d+)(?: or better)? in ([<>]?\d+) %; 95 % of places (.*)$", r["reading"])
        if not t:
            errors.append(f"{what}: reading without its place: {r['reading']}")
            continue
        if int(t.group(1)) != place[org]:
            errors.append(f"{what}: observed place {t.group(1)}, reference {place[org]}")
        p, slack = percent(t.group(2))
        within(p, sum(x <= place[org] for x in dist) / len(dist), n, what + " keeping its place", errors, slack)
        rng = t.group(3)
        off = len(ids) + 1
        if rng == "off the list":
            lo = hi = off
        elif rng.startswith("from "):
            lo, hi = int(rng.split()[1]), off
        elif " to " in rng:
            lo, hi = (int(x) for x in rng.split(" to "))
        else:
            lo = hi = int(rng)
        finite = [min(x, off) for x in dist]
        quantile_ok(lo, finite, 0.025, n, what + " low place", errors)
        quantile_ok(hi, finite, 0.975, n, what + " high place", errors)
        checked += 1
    if not checked:
        errors.append("no robustness row in coalmap's table")
    for e in errors:
        print(e)
    print(f"{checked} rows checked, {len(errors)} differ")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
