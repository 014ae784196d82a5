#!/usr/bin/python3
"""Independent reference for coalmap's core/periphery (Borgatti & Everett 1999).

Written from the definitions in docs/statistics.md ("Core and periphery"),
not from engine/coreperiphery.c: the continuous coreness by
scipy.optimize.minimize of sum over i != j of (a_ij - c_i c_j)^2 from several
starts; the discrete optimum by brute force over every subset (n <= 16), or
for larger graphs by a different search (best-improvement moves from many
random starts); correlations computed over explicit pair lists.

usage: nx_coreperiphery.py LANDSCAPE METRICS.csv POWER.csv [--types a,b] [--at DATE]
METRICS.csv and POWER.csv are `coalmap metrics` and `coalmap power
--permutations 0` as CSV.  Exit 0 when coalmap agrees, 1 otherwise.
"""
import argparse
import datetime
import itertools
import math
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
import nx_metrics  # noqa: E402

BRUTE_MAX = 16
CONT_TOL, FIT_TOL = 1e-5, 1e-6
OBJ_TOL = 1e-4
GAP = 0.02  # allowed shortfall of coalmap's r where no brute force is run


def adjacency(G):
    nodes = list(G.nodes())
    idx = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((len(nodes), len(nodes)))
    for u, v in G.edges():
        if u != v:
            A[idx[u], idx[v]] = A[idx[v], idx[u]] = 1
    return nodes, A


def pearson(x, y):
    """Plain Pearson r of two equal-length vectors, None when undefined."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) < 2 or x.std() == 0 or y.std() < 1e-12 * max(1.0, abs(y).max()):
        return None
    return float(np.corrcoef(x, y)[0, 1])


def offdiag(M):
    n = M.shape[0]
    return M[~np.eye(n, dtype=bool)]


def objective(c, A):
    R = A - np.outer(c, c)
    np.fill_diagonal(R, 0)
    return float((R * R).sum())


def gradient(c, A):
    R = A - np.outer(c, c)
    np.fill_diagonal(R, 0)
    return -4 * R @ c


def best_objective(v, A):
    """min over t of objective(t v): the direction's own best scale."""
    P = np.outer(v, v)
    den = float((offdiag(P) ** 2).sum())
    t2 = max(float((offdiag(A) * offdiag(P)).sum()) / den, 0) if den > 0 else 0
    return objective(math.sqrt(t2) * v, A)


def continuous(A, starts=8, seed=1):
    n = A.shape[0]
    rng = np.random.default_rng(seed)
    inits = [A.sum(1) / max(A.sum(1).max(), 1), np.ones(n)]
    inits += [rng.uniform(0.01, 1, n) for _ in range(starts)]
    best = None
    for c0 in inits:
        r = minimize(objective, c0, args=(A,), jac=gradient, method="L-BFGS-B",
                     options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 20000})
        if best is None or r.fun < best.fun:
            best = r
    c = best.x * (1 if best.x.sum() >= 0 else -1)
    return c / abs(c).max() if abs(c).max() > 0 else c


def discrete_r(A, core):
    """Correlation of A with the ideal pattern over the pairs within the
    core (ideal 1) and within the periphery (ideal 0)."""
    n = A.shape[0]
    xs, ys = [], []
    for i, j in itertools.combinations(range(n), 2):
        if core[i] == core[j]:
            xs.append(A[i, j])
            ys.append(1 if core[i] else 0)
    return pearson(xs, ys)


def brute_force(A):
    """Best correlation over every subset as the core (vectorised)."""
    n = A.shape[0]
    pairs = np.array(list(itertools.combinations(range(n), 2)))
    a = A[pairs[:, 0], pairs[:, 1]]
    best = None
    masks = np.arange(1 << n, dtype=np.int64)
    M = ((masks[:, None] >> np.arange(n)) & 1).astype(bool)
    for lo in range(0, len(M), 4096):
        S = M[lo:lo + 4096]
        i, j = S[:, pairs[:, 0]], S[:, pairs[:, 1]]
        inc = (i == j).astype(float)
        y = (i & j).astype(float)
        N, sx, sy, sxy = inc.sum(1), inc @ a, y.sum(1), y @ a
        den = (N * sx - sx * sx) * (N * sy - sy * sy)
        with np.errstate(invalid="ignore", divide="ignore"):
            r = np.where(den > 0, (N * sxy - sx * sy) / np.sqrt(np.where(den > 0, den, 1)), -np.inf)
        k = int(np.argmax(r))
        if r[k] > -np.inf and (best is None or r[k] > best):
            best = float(r[k])
    return best


def phi(n, k, e1, e0):
    """Pearson r of two 0/1 pair vectors from counts (arrays): P1 = k(k-1)/2
    core pairs (ideal 1), P0 periphery pairs, e1 and e0 ties among them."""
    p1, p0 = k * (k - 1) / 2, (n - k) * (n - k - 1) / 2
    N, E = p1 + p0, e1 + e0
    den = E * (N - E) * p1 * p0
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, (N * e1 - E * p1) / np.sqrt(np.where(den > 0, den, 1)), -2)


def local_search(A, seed=1, starts=200):
    """Best-improvement single moves from random starts (for n > BRUTE_MAX)."""
    n = A.shape[0]
    deg, m = A.sum(1), A.sum() / 2
    rng = np.random.default_rng(seed)
    best = -2
    for _ in range(starts):
        core = rng.random(n) < rng.uniform(0.05, 0.6)
        while True:
            inn = A @ core
            k, e1 = core.sum(), (inn * core).sum() / 2
            e0 = m - e1 - (inn * ~core).sum()
            r = float(phi(n, k, e1, e0))
            cand = np.where(core, phi(n, k - 1, e1 - inn, e0 + deg - inn),
                            phi(n, k + 1, e1 + inn, e0 - (deg - inn)))
            v = int(np.argmax(cand))
            if cand[v] <= r + 1e-12:
                break
            core[v] = ~core[v]
        best = max(best, r)
    return best


def cell(row, col):
    return (row.get(col) or "").strip()


def check_columns(nodes, A, metrics):
    """Checks cp_coreness and cp_core; returns (mismatches, c, core), c and
    core None where the model is undefined."""
    n, m = len(nodes), int(A.sum() / 2)
    cc = [cell(metrics[v], "cp_coreness") for v in nodes]
    cd = [cell(metrics[v], "cp_core") for v in nodes]
    if n < 2 or m == 0 or m == n * (n - 1) // 2:
        if any(cc) or any(cd):
            return ["degenerate graph: cp_coreness/cp_core should be empty"], None, None
        return [], None, None
    if not all(cc):
        return ["cp_coreness: empty values on a graph with structure"], None, None
    bad = []
    c = np.array([float(x) for x in cc])
    ref = continuous(A)
    diff = float(abs(c - ref).max())
    fo, fr = best_objective(c, A), best_objective(ref, A)
    print("continuous: max |coalmap - scipy| = %.2g, objective %.10g vs scipy %.10g" % (diff, fo, fr))
    # no worse than scipy but for OBJ_TOL of the empty fit's sum a_ij^2 (a
    # star's best fit is only approached as the hub grows without bound)
    if diff > CONT_TOL and fo > fr + OBJ_TOL * A.sum():
        bad.append("continuous coreness: differs by %.3g and objective %.10g > scipy's %.10g" % (diff, fo, fr))
    if n < 4:
        if any(cd):
            bad.append("fewer than four orgs: the discrete core should be empty")
        return bad, c, None
    if any(x not in ("0", "1") for x in cd):
        return bad + ["cp_core: values other than 0/1: %s" % sorted(set(cd))], c, None
    core = np.array([x == "1" for x in cd])
    r = discrete_r(A, core)
    opt = brute_force(A) if n <= BRUTE_MAX else local_search(A)
    how = "brute force" if n <= BRUTE_MAX else "best of 200 local searches"
    print("discrete: coalmap r = %.9f, %s %.9f (core %d of %d)" % (r, how, opt, core.sum(), n))
    if r < opt - (1e-9 if n <= BRUTE_MAX else GAP):
        bad.append("discrete: coalmap's core has r = %.9f, %s finds %.9f" % (r, how, opt))
    return bad, c, core


def check_power(nodes, A, c, core, power):
    """Checks power's core_periphery rows against the columns' c and core."""
    n = len(nodes)
    cp = {r["measure"]: r for r in power if r.get("section") == "core_periphery"}
    missing = [k for k in ("continuous_fit", "discrete_fit") if k not in cp]
    if missing:
        return ["power: no core_periphery %s row" % k for k in missing]
    bad = []
    if c is None:
        if cell(cp["continuous_fit"], "value") or not cell(cp["continuous_fit"], "reading").startswith("undefined: "):
            bad.append("continuous_fit should be undefined with a reason")
    else:
        # corenesses within 1e-6 of each other count as equal: no fit
        rc = pearson(offdiag(A), offdiag(np.outer(c, c))) if np.ptp(c) > 1e-6 else None
        got = cell(cp["continuous_fit"], "value")
        if rc is None and got:
            bad.append("continuous_fit: expected empty, got %s" % got)
        elif rc is not None and (not got or abs(float(got) - rc) > FIT_TOL):
            bad.append("continuous_fit: expected %.9f got %s" % (rc, got or "<empty>"))
    if core is None:
        if cell(cp["discrete_fit"], "value") or not cell(cp["discrete_fit"], "reading").startswith("undefined: "):
            bad.append("discrete_fit should be undefined with a reason")
        return bad
    r = discrete_r(A, core)
    got = cell(cp["discrete_fit"], "value")
    if not got or abs(float(got) - r) > FIT_TOL:
        bad.append("discrete_fit: expected %.9f got %s" % (r, got or "<empty>"))
    size = cell(cp.get("core_size", {}), "value")
    if size != str(int(core.sum())):
        bad.append("core_size: expected %d got %s" % (core.sum(), size))
    members = {cell(r, "subject") for r in power if r.get("measure") == "core_member"}
    listed = {nodes[i] for i in range(n) if core[i]}
    if len(listed) <= 10 and members != listed:
        bad.append("core_member rows %s differ from cp_core %s" % (sorted(members), sorted(listed)))
    k = core.sum()
    blocks = {"density_core": (A[np.ix_(core, core)].sum() / 2, k * (k - 1) / 2),
              "density_periphery": (A[np.ix_(~core, ~core)].sum() / 2, (n - k) * (n - k - 1) / 2),
              "density_between": (A[np.ix_(core, ~core)].sum(), k * (n - k))}
    for name, (ties, pairs) in blocks.items():
        got = cell(cp.get(name, {}), "value")
        if not got or abs(float(got) - ties / pairs) > FIT_TOL:
            bad.append("%s: expected %.9f got %s" % (name, ties / pairs, got or "<empty>"))
    return bad


def check(G, metrics, power=None):
    """Mismatches of coalmap's columns (and power's rows, when given)."""
    nodes, A = adjacency(G)
    bad, c, core = check_columns(nodes, A, metrics)
    if power is not None:
        bad += check_power(nodes, A, c, core, power)
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("landscape")
    ap.add_argument("metrics")
    ap.add_argument("power")
    ap.add_argument("--types")
    ap.add_argument("--at")
    a = ap.parse_args(argv)
    types = {t.strip() for t in a.types.split(",")} if a.types else None
    at = datetime.date.fromisoformat(a.at) if a.at else None
    _, G, _ = nx_metrics.load_graphs(a.landscape, types, at)
    metrics = {r["id"]: r for r in nx_metrics.read_table(a.metrics)}
    power = nx_metrics.read_table(a.power)
    bad = check(G, metrics, power)
    for line in bad:
        print(line)
    print("%s: %d orgs, %d mismatch(es)" % ("FAIL" if bad else "OK", G.number_of_nodes(), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
