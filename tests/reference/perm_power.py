#!/usr/bin/python3
"""Check coalmap power's permutation tests against an independent reference.

usage: perm_power.py LANDSCAPE OUT.csv --draws N [--group-by ATTR]
                     [--targets a,b] (--exact | --mc M [--seed S])

OUT.csv is `coalmap power LANDSCAPE --format csv --permutations N` with the
same --group-by and --targets.  The reference is written from
docs/statistics.md only, with NetworkX (the landscape and its graph, through
nx_power.py) and NumPy; it shares no code with coalmap and none of its
random numbers.  For every tested figure (network_ei_index, assortativity,
each group's ei_index and direct_access_share, spearman_budget_*), it builds
the null distribution:

  --exact  every distinct relabelling (every arrangement of the group labels
           over the orgs, of the members' labels over the members, every
           order of the budgets), so p, the mean and the quantiles are exact;
  --mc M   M random relabellings of its own (numpy, seed S).

and checks coalmap's row: an empty p_value exactly where the test is
undefined (fewer than three orgs or members, one group, no ties, no
variation, the same value in every relabelling, an undefined figure); else
p within 4 Monte-Carlo standard errors (plus the 1/(N+1) of the estimator),
null_mean within 4 standard errors, null_low and null_high between the
reference's 1.5 and 3.5 (96.5 and 98.5) percentiles.  Prints one line per
failure; exit 0 when all agree, 1 otherwise.
"""
import argparse
import csv
import itertools
import math
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402
from scipy.stats import rankdata  # noqa: E402

import nx_metrics  # noqa: E402
import nx_power  # noqa: E402

CENTRALITIES = ("degree", "betweenness", "harmonic", "eigenvector", "pagerank")
TOL = 1e-9


def distinct_arrangements(codes):
    """Every distinct order of the multiset codes, as rows of an array."""
    return np.array(sorted(set(itertools.permutations(codes))), dtype=np.int64).reshape(-1, len(codes))


def shuffled(rng, codes, m):
    return np.array([rng.permutation(codes) for _ in range(m)], dtype=np.int64).reshape(m, len(codes))


class Setup:
    """The landscape's arrays: ties, degrees, group codes, members, budgets."""

    def __init__(self, L, attr, targets):
        n = len(L.orgs)
        self.idx = {v: i for i, v in enumerate(L.orgs)}
        edges = list(L.G.edges())
        self.U = np.array([self.idx[a] for a, _ in edges], dtype=np.int64)
        self.V = np.array([self.idx[b] for _, b in edges], dtype=np.int64)
        self.m = len(edges)
        self.deg = np.array([L.G.degree(v) for v in L.orgs], dtype=float)
        self.groups = []
        if attr:
            grp, order = nx_power.groups_of(L, attr)
            self.groups = order
            self.code = np.array([order.index(grp[v]) for v in L.orgs], dtype=np.int64)
            dms = nx_power.decision_makers(L, set(targets))
            direct = nx_power.direct_access(L, dms)
            members = [v for v in L.orgs if v not in dms]
            self.mcode = np.array([order.index(grp[v]) for v in members], dtype=np.int64)
            self.mdirect = np.array([v in direct for v in members], dtype=bool)
        self.size = [int((self.code == g).sum()) for g in range(len(self.groups))] if attr else []
        self.msize = [int((self.mcode == g).sum()) for g in range(len(self.groups))] if attr else []
        # budgets: average ranks (values equal but for rounding tied, as
        # nx_power.snap) of budget and of each centrality over orgs with one
        cent, _ = nx_metrics.compute(L.G, L.D, False)
        wb = [v for v in L.orgs if L.budget(v) is not None]
        self.nb = len(wb)
        self.rb = rankdata(nx_power.snap([L.budget(v) for v in wb]))
        self.rc = {c: rankdata(nx_power.snap([cent[v][c] for v in wb])) for c in CENTRALITIES}
        self.n = n


def group_figures(S, lab):
    """Rows of lab are labellings of the orgs: E-I, assortativity, E-I per group."""
    out = {}
    lu, lv = lab[:, S.U], lab[:, S.V]
    same = lu == lv
    within = same.sum(axis=1).astype(float)
    m = float(S.m)
    out[("groups", "", "network_ei_index")] = (m - 2 * within) / m
    sq = np.zeros(len(lab))
    for g in range(len(S.groups)):
        a = ((lab == g) * S.deg).sum(axis=1) / (2 * m)
        sq += a * a
        inn = ((lu == g) & same).sum(axis=1).astype(float)
        ex = ((lu == g) ^ (lv == g)).sum(axis=1).astype(float)
        with np.errstate(all="ignore"):
            out[("groups", S.groups[g], "ei_index")] = np.where(inn + ex > 0, (ex - inn) / (inn + ex), np.nan)
    with np.errstate(all="ignore"):
        out[("groups", "", "assortativity")] = np.where(1 - sq > 1e-15, (within / m - sq) / (1 - sq), np.nan)
    return out


def access_figures(S, mlab):
    out = {}
    for g in range(len(S.groups)):
        cnt = ((mlab == g) & S.mdirect).sum(axis=1).astype(float)
        out[("access", S.groups[g], "direct_access_share")] = cnt / S.msize[g] if S.msize[g] else \
            np.full(len(mlab), np.nan)
    return out


def budget_figures(S, perm):
    """Rows of perm: budget perm[k, i]'s rank goes to org i."""
    out = {}
    if S.nb < 3:
        return {("money_and_position", "", "spearman_budget_" + c): np.full(len(perm), np.nan)
                for c in CENTRALITIES}
    rb = S.rb[perm] - S.rb.mean()
    for c in CENTRALITIES:
        rc = S.rc[c] - S.rc[c].mean()
        norm = math.sqrt(float((rb[0] ** 2).sum()) * float((rc ** 2).sum()))
        out[("money_and_position", "", "spearman_budget_" + c)] = rb @ rc / norm if norm > 0 else \
            np.full(len(perm), np.nan)
    return out


def why_untested(S, key):
    """The reason a test is not run, before any draw (docs/statistics.md)."""
    section, subject, measure = key
    if section == "money_and_position":
        return "fewer than three budgets" if S.nb < 3 else None
    if section == "groups":
        if S.m == 0:
            return "no ties"
        if len(S.groups) < 2:
            return "one group"
        if max(S.size) < 2:
            return "no two orgs share a group"
        if subject and S.size[S.groups.index(subject)] < 3:
            return "fewer than three orgs"
        return None
    kinds = sum(1 for s in S.msize if s)
    nwith = int(S.mdirect.sum())
    if kinds < 2 or nwith == 0 or nwith == len(S.mdirect):
        return "members in one group, or direct access does not vary"
    if S.msize[S.groups.index(subject)] < 3:
        return "fewer than three members"
    return None


def summary(values, obs):
    """p (exact or estimated from the draws, without the +1), mean, the
    smaller tail, sd, and the draws where the figure is defined."""
    v = values[~np.isnan(values)]
    if math.isnan(obs) or len(v) == 0 or v.max() - v.min() <= TOL * max(abs(v.max()), abs(v.min()), 1):
        return None
    le = float(np.mean(v <= obs + TOL * max(abs(obs), 1)))
    ge = float(np.mean(v >= obs - TOL * max(abs(obs), 1)))
    return {"p": min(1.0, 2 * min(le, ge)), "tail": min(le, ge), "mean": float(v.mean()),
            "sd": float(v.std()), "v": v}


def number(s):
    return None if s == "" else float(s)


def check(S, ref, obs, rows, n, m):
    """Compares each tested figure; returns the failures."""
    bad = []
    for key, values in sorted(ref.items()):
        row = rows.get(key)
        if row is None:
            bad.append("%s: no such row in coalmap's output" % "|".join(key))
            continue
        value, p = number(row["value"]), number(row["p_value"])
        if (value is None) != math.isnan(obs[key]) or (value is not None and abs(value - obs[key]) > 1e-9):
            bad.append("%s: value %s, reference %r" % ("|".join(key), row["value"], obs[key]))
            continue
        s = None if why_untested(S, key) else summary(values, obs[key])
        if s is None:
            if p is not None:
                bad.append("%s: p %s, but the test is undefined" % ("|".join(key), row["p_value"]))
            continue
        if p is None:
            bad.append("%s: no p, reference %.6f" % ("|".join(key), s["p"]))
            continue
        # standard errors: coalmap's N draws, and the reference's M when sampled
        se_p = 2 * math.sqrt(max(s["tail"] * (1 - s["tail"]), 0) * (1 / n + (1 / m if m else 0)))
        slack = 2 / (n + 1) + (2 / (m + 1) if m else 0) + 1e-9
        if abs(p - s["p"]) > 4 * se_p + slack:
            bad.append("%s: p %.6f, reference %.6f (4 SE %.6f)" % ("|".join(key), p, s["p"], 4 * se_p))
        mean = number(row["null_mean"])
        se_m = s["sd"] * math.sqrt(1 / n + (1 / m if m else 0))
        if abs(mean - s["mean"]) > 4 * se_m + 1e-9:
            bad.append("%s: null mean %.6f, reference %.6f" % ("|".join(key), mean, s["mean"]))
        for col, q in (("null_low", 0.025), ("null_high", 0.975)):
            lo = np.quantile(s["v"], q - 0.01, method="lower")
            hi = np.quantile(s["v"], q + 0.01, method="higher")
            x = number(row[col])
            if not (lo - 1e-9 <= x <= hi + 1e-9):
                bad.append("%s: %s %.6f outside the reference's [%.6f, %.6f]" % ("|".join(key), col, x, lo, hi))
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("landscape")
    ap.add_argument("output")
    ap.add_argument("--draws", type=int, required=True, help="coalmap's --permutations")
    ap.add_argument("--group-by")
    ap.add_argument("--targets")
    how = ap.add_mutually_exclusive_group(required=True)
    how.add_argument("--exact", action="store_true")
    how.add_argument("--mc", type=int, metavar="M")
    ap.add_argument("--seed", type=int, default=20)
    a = ap.parse_args(argv)
    targets = tuple(t.strip().lower() for t in a.targets.split(",")) if a.targets else nx_power.DEFAULT_TARGETS
    L = nx_power.Landscape(a.landscape)
    S = Setup(L, a.group_by, targets)
    rng = np.random.default_rng(a.seed)
    ref, obs = {}, {}
    # (figures, the labels in data order, every distinct order of them)
    figs = [(budget_figures, np.arange(S.nb, dtype=np.int64),
             lambda c: np.array(list(itertools.permutations(c)), dtype=np.int64).reshape(-1, len(c)))]
    if a.group_by:
        figs += [(group_figures, S.code, distinct_arrangements), (access_figures, S.mcode, distinct_arrangements)]
    for fn, codes, every in figs:
        draws = every(list(codes)) if a.exact else shuffled(rng, codes, a.mc)
        for key, v in fn(S, codes.reshape(1, -1)).items():
            obs[key] = float(v[0])
        ref.update(fn(S, draws))
    rows = {(r["section"], r["subject"], r["measure"]): r
            for r in csv.DictReader(open(a.output, encoding="utf-8"))}
    bad = check(S, ref, obs, rows, a.draws, 0 if a.exact else a.mc)
    for b in bad:
        print(b)
    print("%d figures compared, %d disagree" % (len(ref), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
