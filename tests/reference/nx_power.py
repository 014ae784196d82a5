#!/usr/bin/python3
"""Independent NetworkX reference for coalmap's power report.

Written from docs/power.md and SPEC.md ("Data format", "Analysis graphs",
"Network-level measures") only, never from coalmap's sources.  Landscapes are
read by nx_metrics.py (same tie rules, same graphs G and D).  Assumes valid
input.  Where docs/power.md leaves a choice open, the choice made here is
written next to the code (search for "CHOICE").

usage: nx_power.py LANDSCAPE [--types a,b] [--at DATE] [--weighted]
                   [--group-by ATTR] [--targets t1,t2] [--key-players K]
                   [-o OUT.csv] [--org-funding OUT2.csv]
                   [--export-tie-graph DIR]
"""
import argparse
import csv
import datetime
import math
import os
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import networkx as nx  # noqa: E402
import nx_metrics  # noqa: E402

DEFAULT_TARGETS = ("decision_maker", "government")
# docs/power.md gives no default for the number of key players; 5 is the
# default of `coalmap power --help` ("default 5; 0 for none").
DEFAULT_KEY_PLAYERS = 5
TOP_FUNDERS = 5
TOP_GATEKEEPERS = 10
# Values closer than this (relative) are ties when ranking for Spearman.
RANK_TIE_REL, RANK_TIE_ABS = 1e-9, 1e-12


# ---------------------------------------------------------------- loading

def kept_relationship_rows(landscape, types=None, at=None):
    """The relationships.csv rows nx_metrics.load_ties keeps, in its order.

    nx_metrics.load_ties drops the `amount` column; this applies the same
    filters to the rows it reads (with its own read_table/parse_date) so that
    the money of each kept tie is known.  build() checks that both agree."""
    rows, seen = [], set()
    for r in nx_metrics.read_table(os.path.join(landscape, "relationships.csv")):
        key = tuple(sorted(r.items()))
        if key in seen:
            continue
        seen.add(key)
        if r["source"] == r["target"]:
            continue
        ttype = (r.get("type") or "partnership").lower()
        if types is not None and ttype not in types:
            continue
        if at is not None:
            if r.get("start") and nx_metrics.parse_date(r["start"], False) > at:
                continue
            if r.get("end") and nx_metrics.parse_date(r["end"], True) < at:
                continue
        rows.append(r)
    return rows


class Landscape:
    """Orgs (file order), their attributes, ties, G, D and the funding arcs."""

    def __init__(self, landscape, types=None, at=None):
        self.orgs, self.ties = nx_metrics.load_ties(landscape, types, at)
        self.G, self.D = nx_metrics.build_graphs(self.orgs, self.ties)
        self.attrs = {r["id"]: r for r in nx_metrics.read_table(
            os.path.join(landscape, "organizations.csv"))}
        self.index = {v: i for i, v in enumerate(self.orgs)}
        rows = kept_relationship_rows(landscape, types, at)
        assert len(rows) == len(self.ties), "loader mismatch"
        # funding flow arcs (giver, receiver, money); every tie counts
        self.money_arcs = []
        for r, (src, dst, ttype, w, directed) in zip(rows, self.ties):
            assert (r["source"], r["target"]) == (src, dst), "loader mismatch"
            if ttype != "funding":
                continue
            money = Fraction(r["amount"]) if r.get("amount") else w
            self.money_arcs.append((src, dst, money))
            if not directed:
                self.money_arcs.append((dst, src, money))

    def attr(self, v, name):
        return self.attrs[v].get(name, "")

    def budget(self, v):
        b = self.attr(v, "budget")
        return Fraction(b) if b else None


# ---------------------------------------------------------------- helpers

def frac(x):
    """Exact Fraction of an int, Fraction or float."""
    return x if isinstance(x, Fraction) else Fraction(x)


def ratio(a, b):
    return None if b == 0 else Fraction(a) / Fraction(b)


def gini(values):
    """sum_i sum_j |x_i - x_j| / (2 k^2 mean); None if k = 0 or sum is 0."""
    xs = [frac(x) for x in values]
    k, s = len(xs), sum(xs)
    if k == 0 or s == 0:
        return None
    diff = sum(abs(a - b) for a in xs for b in xs)
    return diff / (2 * k * k * (s / k))


def top10_share(values):
    """Share of the total held by the ceil(k/10) largest values."""
    xs = sorted((frac(x) for x in values), reverse=True)
    s = sum(xs)
    if not xs or s == 0:
        return None
    return sum(xs[:math.ceil(len(xs) / 10)]) / s


def snap(values):
    """Replace values equal within a tiny tolerance by one representative, so
    that mathematically tied scores (e.g. symmetric orgs' eigenvector values
    differing in the last bit) get average ranks as the definition intends."""
    out = list(map(float, values))
    order = sorted(range(len(out)), key=lambda i: out[i])
    rep = None
    for i in order:
        x = out[i]
        if rep is not None and abs(x - rep) <= RANK_TIE_REL * max(abs(x), abs(rep)) + RANK_TIE_ABS:
            out[i] = rep
        else:
            rep = x
    return out


def spearman(xs, ys):
    """scipy.stats.spearmanr (average ranks); None if < 3 pairs or constant."""
    from scipy.stats import spearmanr
    if len(xs) < 3:
        return None
    xs, ys = snap(xs), snap(ys)
    if len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    rho = spearmanr(xs, ys)[0]
    return None if math.isnan(rho) else float(rho)


def freeman(scores, T):
    """sum(max - c_i) / T."""
    xs = [frac(x) for x in scores]
    top = max(xs)
    return sum(top - x for x in xs) / T


def largest_component(G, index):
    """Largest component of G; CHOICE: among equally large ones, the one
    holding the org that comes first in organizations.csv."""
    comps = list(nx.connected_components(G))
    if not comps:
        return set()
    return max(comps, key=lambda c: (len(c), -min(index[v] for v in c)))


# ---------------------------------------------------------------- sections

def network_section(L, weighted):
    G, D, n = L.G, L.D, len(L.G)
    rows = []
    add = lambda m, v: rows.append(("network", "", m, v))  # noqa: E731
    add("organizations", n)
    add("ties", G.number_of_edges())
    add("density", nx.density(G) if n >= 2 else None)
    add("components", nx.number_connected_components(G))
    big = largest_component(G, L.index)
    add("largest_component_share", ratio(len(big), n))
    add("transitivity", nx.transitivity(G))
    add("average_clustering", nx.average_clustering(G))
    add("reciprocity", nx.reciprocity(D) if D.number_of_edges() else None)
    H = G.subgraph(big)
    if len(H) >= 2:
        w = "distance" if weighted else None
        add("average_path_length", nx.average_shortest_path_length(H, weight=w))
        sp = dict(nx.all_pairs_dijkstra_path_length(H, weight="distance")) \
            if weighted else None
        add("diameter", nx.diameter(H, e=nx.eccentricity(H, sp=sp)))
    else:
        add("average_path_length", None)
        # CHOICE: nx.diameter of a one-org component is 0
        add("diameter", nx.diameter(H) if len(H) == 1 else None)
    return rows


def centralization_section(L, m):
    n = len(L.orgs)
    rows = []
    T = {"degree": (n - 1) * (n - 2),
         "betweenness": Fraction((n - 1) ** 2 * (n - 2), 2),
         "harmonic": Fraction((n - 1) * (n - 2), 2),
         # CHOICE: T = n - 2 as the table says (igraph's theoretical maximum
         # for eigenvector centralization), not the star graph's own sum.
         "eigenvector": n - 2}
    for c in ("degree", "betweenness", "harmonic", "eigenvector"):
        v = freeman([m[o][c] for o in L.orgs], T[c]) if n >= 3 else None
        rows.append(("centralization", "", c, v))
    return rows


def funding_flows(L):
    """funding_in, giving and {receiver: {giver: money}} from the money arcs."""
    fin = {v: Fraction(0) for v in L.orgs}
    giving = {v: Fraction(0) for v in L.orgs}
    by = {v: {} for v in L.orgs}
    for u, v, money in L.money_arcs:
        fin[v] += money
        giving[u] += money
        by[v][u] = by[v].get(u, Fraction(0)) + money
    return fin, giving, by


def org_funding(L):
    """{org: (funding_in, funders, funding_hhi)}.

    CHOICE: a funder is an org whose money to the receiver is > 0 (an
    `amount` of 0 gives no money)."""
    fin, _, by = funding_flows(L)
    out = {}
    for v in L.orgs:
        givers = {u: x for u, x in by[v].items() if x > 0}
        hhi = sum((x / fin[v]) ** 2 for x in givers.values()) if givers else None
        out[v] = (fin[v], len(givers), hhi)
    return out


def inequality_series(L, m):
    """(name, values) of each inequality figure: budget over the orgs that
    have one, funding received over every org."""
    fin, _, _ = funding_flows(L)
    return [
        ("degree", [m[v]["degree"] for v in L.orgs]),
        ("betweenness", [m[v]["betweenness"] for v in L.orgs]),
        ("budget", [L.budget(v) for v in L.orgs if L.budget(v) is not None]),
        ("funding_in", [fin[v] for v in L.orgs]),
    ]


def inequality_section(L, m):
    rows = []
    for name, xs in inequality_series(L, m):
        rows.append(("inequality", "", "gini_" + name, gini(xs)))
        rows.append(("inequality", "", "top10_share_" + name, top10_share(xs)))
    return rows


def lorenz_points(xs, steps=100):
    """Exact points of the Lorenz curve of xs: (share of orgs, share of the
    total held by that many orgs with least), at j = floor(i k / n + 1/2)
    orgs for i = 0..n, n = min(k, steps); [] without a curve (fewer than two
    values, a negative one, no positive total)."""
    xs = sorted(frac(x) for x in xs)
    k = len(xs)
    if k < 2 or xs[0] < 0 or sum(xs) <= 0:
        return []
    n, total = min(k, steps), sum(xs)
    out = []
    for i in range(n + 1):
        j = math.floor(Fraction(i * k, n) + Fraction(1, 2))
        out.append((Fraction(j, k), sum(xs[:j]) / total))
    return out


def curves(L, m):
    """Rows (chart, measure, x, y) of cm_inequality_curves: the Lorenz curve
    of each inequality series, then the degree distribution."""
    rows = []
    for name, xs in inequality_series(L, m):
        rows += [("lorenz", name, x, y) for x, y in lorenz_points(xs)]
    degs = [m[v]["degree"] for v in L.orgs]
    rows += [("degree_distribution", "degree", d, degs.count(d)) for d in sorted(set(degs))]
    return rows


def money_section(L, m):
    with_budget = [v for v in L.orgs if L.budget(v) is not None]
    rows = []
    for c in ("degree", "betweenness", "harmonic", "eigenvector", "pagerank"):
        rho = spearman([L.budget(v) for v in with_budget],
                       [m[v][c] for v in with_budget])
        rows.append(("money_and_position", "", "spearman_budget_" + c, rho))
    return rows


def groups_of(L, attr):
    """{org: group value} and the group values in order of first appearance."""
    grp = {v: L.attr(v, attr) for v in L.orgs}
    order = []
    for v in L.orgs:
        if grp[v] not in order:
            order.append(grp[v])
    return grp, order


def groups_section(L, attr):
    G = L.G
    grp, order = groups_of(L, attr)
    E = G.number_of_edges()
    rows = []
    for g in order:
        internal = sum(1 for a, b in G.edges() if grp[a] == g and grp[b] == g)
        external = sum(1 for a, b in G.edges() if (grp[a] == g) != (grp[b] == g))
        rows += [("groups", g, "size", sum(1 for v in L.orgs if grp[v] == g)),
                 ("groups", g, "tie_share", ratio(internal + external, E)),
                 ("groups", g, "internal_ties", internal),
                 ("groups", g, "external_ties", external),
                 ("groups", g, "ei_index", ratio(external - internal, external + internal))]
    r = assortativity(G, grp)
    rows.append(("groups", "", "assortativity", r))
    between = sum(1 for a, b in G.edges() if grp[a] != grp[b])
    rows.append(("groups", "", "network_ei_index", ratio(between - (E - between), E)))
    return rows


def assortativity(G, grp):
    """Nominal assortativity (Newman 2003) of G by the group values, exact:
    r = (sum_i e_ii - sum_i a_i b_i) / (1 - sum_i a_i b_i), every edge counted
    in both directions; None when undefined (no edges, or one group only).
    Checked against nx.attribute_assortativity_coefficient, whose last bits
    depend on set order (string hashing), hence the exact computation."""
    E = G.number_of_edges()
    if E == 0:
        return None
    e, a = {}, {}
    for u, v in G.edges():
        for x, y in ((grp[u], grp[v]), (grp[v], grp[u])):
            e[x, y] = e.get((x, y), 0) + Fraction(1, 2 * E)
            a[x] = a.get(x, 0) + Fraction(1, 2 * E)
    trace = sum(x for (p, q), x in e.items() if p == q)
    aa = sum(x * x for x in a.values())
    r = None if aa == 1 else (trace - aa) / (1 - aa)
    import numpy as np
    H = G.copy()
    nx.set_node_attributes(H, grp, "__group")
    with np.errstate(all="ignore"):
        ref = nx.attribute_assortativity_coefficient(H, "__group")
    assert (r is None and math.isnan(ref)) or \
        (r is not None and abs(float(r) - ref) <= 1e-9), (r, ref)
    return r


def decision_makers(L, targets):
    """CHOICE: org types are compared without case, like tie types."""
    return {v for v in L.orgs if L.attr(v, "type").lower() in targets}


# Tie types whose ties give their source no access to the target
# (docs/power.md, section access): money, spreading content, conflict.  Every
# other type, those SPEC.md names and any other, gives access.
NO_ACCESS_TYPES = {"funding", "distribution", "conflict"}


def direct_access(L, dms):
    """Orgs with a tie of a type giving access (every type but funding,
    distribution and conflict) to a decision-maker (as source, or mutual)."""
    out = set()
    for src, dst, ttype, _, directed in L.ties:
        if ttype in NO_ACCESS_TYPES:
            continue
        if dst in dms:
            out.add(src)
        if not directed and src in dms:
            out.add(dst)
    return out


def routes_to_nearest(G, m, dms, weighted):
    """All shortest paths in G from m to its nearest decision-makers
    (brute force), or [] when no decision-maker is reachable.

    Routes count steps (introductions) even with --weighted
    (docs/power.md, section access), so `weighted` is ignored here."""
    weighted = False
    w = None
    dist = nx.single_source_dijkstra_path_length(G, m, weight=w) if weighted \
        else nx.single_source_shortest_path_length(G, m)
    reach = [t for t in dms if t in dist and t != m]
    if not reach:
        return []
    d = min(dist[t] for t in reach)
    paths = []
    for t in sorted(reach, key=str):
        if dist[t] == d:
            paths += list(nx.all_shortest_paths(G, m, t, weight=w))
    return paths


def access_sections(L, attr, targets, weighted):
    """Rows of sections access and gatekeepers."""
    grp, order = groups_of(L, attr)
    dms = decision_makers(L, targets)
    direct = direct_access(L, dms)
    rows, gate = [], []
    for g in order:
        members = [v for v in L.orgs if grp[v] == g and v not in dms]
        without = [v for v in members if v not in direct]
        cut = mediated = own = 0
        flow = {}
        for m in without:
            paths = routes_to_nearest(L.G, m, dms, weighted)
            if not paths:
                cut += 1
                continue
            if not all(any(grp[x] != g for x in p[1:-1]) for p in paths):
                own += 1
                continue
            mediated += 1
            share = Fraction(1, len(paths))
            for p in paths:
                for x in p[1:-1]:
                    if grp[x] != g and x not in dms:
                        flow[x] = flow.get(x, Fraction(0)) + share
        # the four categories partition the members: every share is of all
        # members (docs/power.md); empty when the group has none
        n = len(members)
        rows += [("access", g, "decision_makers",
                  sum(1 for v in L.orgs if grp[v] == g and v in dms)),
                 ("access", g, "members", n),
                 ("access", g, "direct_access_share", ratio(n - len(without), n)),
                 ("access", g, "own_route_share", ratio(own, n)),
                 ("access", g, "mediated_share", ratio(mediated, n)),
                 ("access", g, "cut_off_share", ratio(cut, n))]
        # the 10 largest flows > 0 of each group, ties by file order
        top = sorted((x for x in flow if flow[x] > 0),
                     key=lambda x: (-flow[x], L.index[x]))[:TOP_GATEKEEPERS]
        gate += [("gatekeepers", x, "routes:" + g, flow[x]) for x in top]
    return rows + gate


def fragmentation(G, removed):
    """F = 1 - sum s(s-1) / (r(r-1)) of G without `removed`; None if r < 2."""
    H = G.subgraph(v for v in G if v not in removed)
    r = len(H)
    if r < 2:
        return None
    pairs = sum(len(c) * (len(c) - 1) for c in nx.connected_components(H))
    return 1 - Fraction(pairs, r * (r - 1))


def kpp_neg(L, k):
    """Greedy KPP-Neg: [(org, F after removing the chosen so far)].

    CHOICE: k rows (at most n) even when fewer than 2 orgs remain; F is then
    undefined (empty) and the choice falls to degree, then file order."""
    chosen, out = [], []
    for _ in range(min(k, len(L.orgs))):
        best = None
        for v in L.orgs:
            if v in chosen:
                continue
            F = fragmentation(L.G, set(chosen) | {v})
            # ties: higher degree in G (the whole graph), then file order
            key = (-1 if F is None else F, L.G.degree(v), -L.index[v])
            if best is None or key > best[0]:
                best = (key, v, F)
        chosen.append(best[1])
        out.append((best[1], best[2]))
    return out


def reached(S, ball):
    """The members of S and the orgs within 2 steps in G of some member."""
    out = set(S)
    for s in S:
        out |= ball[s]
    return out


def kpp_pos(L, k):
    """Greedy KPP-Pos: [(org, |reached| after adding it)].  Each step adds
    the org that adds the most orgs not yet reached (itself included when it
    was not reached yet); ties by file order."""
    ball = {v: set(nx.single_source_shortest_path_length(L.G, v, cutoff=2))
            for v in L.orgs}   # includes v itself (distance 0)
    chosen, out = [], []
    for _ in range(min(k, len(L.orgs))):
        R = reached(chosen, ball)
        best = None
        for v in L.orgs:
            if v in chosen:
                continue
            gain = len(ball[v] - R)
            if best is None or gain > best[0]:   # ties: file order
                best = (gain, v)
        chosen.append(best[1])
        out.append((best[1], len(reached(chosen, ball))))
    return out


def key_players_section(L, k):
    rows = []
    for i, (v, F) in enumerate(kpp_neg(L, k), 1):
        rows += [("key_players", v, "kpp_neg_rank", i),
                 ("key_players", v, "kpp_neg_fragmentation", F)]
    for i, (v, reach) in enumerate(kpp_pos(L, k), 1):
        rows += [("key_players", v, "kpp_pos_rank", i),
                 ("key_players", v, "kpp_pos_reach", reach)]
    return rows


def funding_section(L):
    _, giving, _ = funding_flows(L)
    total = sum(giving.values())
    funders = [v for v in L.orgs if giving[v] > 0]
    rows = [("funding", "", "total", total),
            ("funding", "", "funders", len(funders)),
            ("funding", "", "hhi",
             sum((giving[v] / total) ** 2 for v in funders) if total else None)]
    # top 5 with giving > 0, ties by file order
    top = sorted(funders, key=lambda v: (-giving[v], L.index[v]))[:TOP_FUNDERS]
    rows += [("funding", v, "giving_share", giving[v] / total) for v in top]
    _, _, by = funding_flows(L)
    sole = {}   # receiver -> its only funder
    for v in L.orgs:
        givers = [u for u, x in by[v].items() if x > 0]
        if len(givers) == 1:
            sole[v] = givers[0]
    rows.append(("funding", "", "single_funder_orgs", len(sole)))
    count = {}
    for f in sole.values():
        count[f] = count.get(f, 0) + 1
    rows += [("funding", f, "sole_funder_of", count[f])
             for f in sorted(count, key=lambda f: (-count[f], L.index[f]))]
    rows += [("funding", v, "single_funder", 1) for v in L.orgs if v in sole]
    return rows


def power(L, weighted=False, group_by=None, targets=DEFAULT_TARGETS,
          key_players=DEFAULT_KEY_PLAYERS):
    """All rows (section, subject, measure, value) of the power report."""
    m, _ = nx_metrics.compute(L.G, L.D, weighted)
    rows = network_section(L, weighted)
    rows += centralization_section(L, m)
    rows += inequality_section(L, m)
    rows += money_section(L, m)
    if group_by is not None:
        rows += groups_section(L, group_by)
        rows += access_sections(L, group_by, set(targets), weighted)
    if key_players:
        rows += key_players_section(L, key_players)
    rows += funding_section(L)
    return rows


# ---------------------------------------------------------------- output

def fmt(x):
    if x is None:
        return ""
    if isinstance(x, bool):
        x = int(x)
    if isinstance(x, int):
        return str(x)
    x = float(x)
    return "" if math.isnan(x) else "%.17g" % x


def write_csv(path, header, rows):
    out = open(path, "w", newline="", encoding="utf-8") if path != "-" else sys.stdout
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    if out is not sys.stdout:
        out.close()


def export_tie_graph(L, attr, directory):
    """DIR/nodes.csv (id,group in file order) and DIR/arcs.csv (from,to):
    the tie graph D, for sna_brokerage.R."""
    os.makedirs(directory, exist_ok=True)
    grp = {v: L.attr(v, attr) for v in L.orgs} if attr else {v: "" for v in L.orgs}
    write_csv(os.path.join(directory, "nodes.csv"), ["id", "group"],
              [(v, grp[v]) for v in L.orgs])
    write_csv(os.path.join(directory, "arcs.csv"), ["from", "to"],
              sorted(L.D.edges(), key=lambda e: (L.index[e[0]], L.index[e[1]])))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("landscape")
    ap.add_argument("--types", help="comma-separated tie types to keep")
    ap.add_argument("--at", help="keep ties that existed on YYYY-MM-DD")
    ap.add_argument("--weighted", action="store_true")
    ap.add_argument("--group-by", metavar="ATTR")
    ap.add_argument("--targets", help="decision-maker types (replace the "
                    "default decision_maker,government)")
    ap.add_argument("--key-players", type=int, default=DEFAULT_KEY_PLAYERS,
                    metavar="K")
    ap.add_argument("-o", "--output", help="power report CSV ('-' = stdout)")
    ap.add_argument("--curves", metavar="OUT.csv",
                    help="write the Lorenz curves and degree distribution (chart,measure,x,y)")
    ap.add_argument("--org-funding", metavar="OUT2.csv",
                    help="write id,funding_in,funders,funding_hhi")
    ap.add_argument("--export-tie-graph", metavar="DIR",
                    help="write DIR/nodes.csv and DIR/arcs.csv (tie graph D)")
    a = ap.parse_args(argv)
    types = {t.strip().lower() for t in a.types.split(",")} if a.types else None
    at = datetime.date.fromisoformat(a.at) if a.at else None
    targets = tuple(t.strip().lower() for t in a.targets.split(",")) \
        if a.targets else DEFAULT_TARGETS
    group_by = a.group_by.strip().lower() if a.group_by else None

    L = Landscape(a.landscape, types, at)
    if group_by is not None and L.orgs and group_by not in L.attrs[L.orgs[0]]:
        print("nx_power: organizations.csv has no column %r" % group_by,
              file=sys.stderr)
        return 2
    if a.export_tie_graph:
        export_tie_graph(L, group_by, a.export_tie_graph)
    if a.org_funding:
        of = org_funding(L)
        write_csv(a.org_funding, ["id", "funding_in", "funders", "funding_hhi"],
                  [(v, fmt(of[v][0]), fmt(of[v][1]), fmt(of[v][2])) for v in L.orgs])
    if a.curves:
        m, _ = nx_metrics.compute(L.G, L.D, a.weighted)
        write_csv(a.curves, ["chart", "measure", "x", "y"],
                  [(c, meas, fmt(x), fmt(y)) for c, meas, x, y in curves(L, m)])
    if a.output or not (a.org_funding or a.export_tie_graph or a.curves):
        rows = power(L, a.weighted, group_by, targets, a.key_players)
        write_csv(a.output or "-", ["section", "subject", "measure", "value"],
                  [(s, subj, meas, fmt(v)) for s, subj, meas, v in rows])
    return 0


if __name__ == "__main__":
    sys.exit(main())
