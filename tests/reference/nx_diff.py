#!/usr/bin/python3
"""Independent NetworkX reference for `coalmap diff`.

Written from docs/diff.md, SPEC.md and docs/power.md only, never from
coalmap's sources.  Landscapes are read by nx_metrics.py and the power
report's figures come from nx_power.py (same tie rules, same graphs G and
D).  Assumes valid input.

usage: nx_diff.py BEFORE AFTER [--types a,b] [--weighted] [--group-by ATTR]
                  [-o OUT.csv]
       nx_diff.py LANDSCAPE --at DATE1 --at DATE2 [...]

Writes section,subject,measure,before,after,change for every row of
`coalmap diff --top 0` except the community rows whose values depend on
the Louvain partition found (position/community, communities/communities,
communities/mean_community_change); communities/modularity holds the
modularity of NetworkX's own Louvain partition, which compare_diff.py uses
as a lower bound (as compare_metrics.py does).
"""
import argparse
import datetime
import os
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nx_metrics  # noqa: E402
import nx_power  # noqa: E402

# docs/diff.md: values this close (relative) are unchanged
REL_EQ, ABS_EQ = 1e-9, 1e-12
POWER_SECTIONS = ("network", "centralization", "inequality", "money_and_position", "funding")
ORG_TEXT = ("name", "type", "country", "region", "issues", "skills")
POSITION = ("degree", "betweenness_norm", "pagerank")


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return abs(a - b) <= REL_EQ * max(abs(a), abs(b)) + ABS_EQ


def minus(a, b):
    return None if a is None or b is None else float(a) - float(b)


class Side:
    def __init__(self, landscape, types, at, weighted, group_by=None):
        self.L = nx_power.Landscape(landscape, types, at)
        self.orgs = self.L.orgs
        self.m, self.q = nx_metrics.compute(self.L.G, self.L.D, weighted)
        self.power = nx_power.power(self.L, weighted, group_by, nx_power.DEFAULT_TARGETS, 0)
        self.ties = self.tie_keys(landscape, types, at)

    def tie_keys(self, landscape, types, at):
        """{(s, d, type, directed): [weight, trusts, amount]}: a tie is its
        ends (in id order when mutual), type and direction; rows sharing
        all four are merged (weights and amounts summed, trust averaged)."""
        rows = nx_power.kept_relationship_rows(landscape, types, at)
        keys = {}
        for r, (src, dst, ttype, w, directed) in zip(rows, self.L.ties):
            s, d = (src, dst) if directed or src <= dst else (dst, src)
            # Python compares str by code point, as strcmp does bytes of UTF-8
            k = (s, d, ttype, directed)
            e = keys.setdefault(k, [Fraction(0), [], None])
            e[0] += w
            if r.get("trust"):
                e[1].append(Fraction(r["trust"]))
            if r.get("amount"):
                e[2] = (e[2] or 0) + Fraction(r["amount"])
        return {k: (v[0], sum(v[1]) / len(v[1]) if v[1] else None, v[2]) for k, v in keys.items()}

    def attr(self, v, name):
        a = self.L.attr(v, name)
        if name == "name" and not a:
            return v  # SPEC: name defaults to id
        return a


def subject(k):
    s, d, t, directed = k
    return "%s %s %s (%s)" % (s, "->" if directed else "--", d, t)


def diff(b, a, one_landscape, group_by=None):
    rows = []
    add = lambda *r: rows.append(r)  # noqa: E731
    gained_orgs = [v for v in a.orgs if v not in b.L.index]
    lost_orgs = [v for v in b.orgs if v not in a.L.index]
    common = [v for v in b.orgs if v in a.L.index]

    # orgs
    for v in gained_orgs:
        add("orgs_gained", v, "organization", None, a.L.G.degree(v), None)
    for v in lost_orgs:
        add("orgs_lost", v, "organization", b.L.G.degree(v), None, None)
    changed_orgs = 0
    for v in (common if not one_landscape else []):
        any_ = False
        for f in ORG_TEXT:
            if b.attr(v, f) != a.attr(v, f):
                any_ = True
                add("orgs_changed", v, f, None, None, None)
        for f in ("budget", "influence"):
            x = Fraction(b.attr(v, f)) if b.attr(v, f) else None
            y = Fraction(a.attr(v, f)) if a.attr(v, f) else None
            if not same(x, y):
                any_ = True
                add("orgs_changed", v, f, x, y, minus(y, x))
        if b.attr(v, "stance").lower() != a.attr(v, "stance").lower():
            any_ = True
            add("orgs_changed", v, "stance", None, None, None)
        changed_orgs += any_

    # ties
    tg = sorted(set(a.ties) - set(b.ties))
    tl = sorted(set(b.ties) - set(a.ties))
    tc = 0
    for k in tg:
        add("ties_gained", subject(k), "tie", None, a.ties[k][0], None)
    for k in tl:
        add("ties_lost", subject(k), "tie", b.ties[k][0], None, None)
    for k in sorted(set(a.ties) & set(b.ties)):
        any_ = False
        for i, name in enumerate(("weight", "trust", "amount")):
            x, y = b.ties[k][i], a.ties[k][i]
            if not same(x, y):
                any_ = True
                add("ties_changed", subject(k), name, x, y, minus(y, x))
        tc += any_

    # position: every org on both sides whose figure changed (--top 0)
    for col in POSITION:
        for v in common:
            x, y = b.m[v][col], a.m[v][col]
            if not same(x, y):
                add("position", v, col, x, y, minus(y, x))

    # network-wide figures of the power report
    def figures(side):
        # with --group-by, every figure of the groups and access sections
        return {(s, subj, m): val for s, subj, m, val in side.power
                if (s in POWER_SECTIONS and subj == "") or
                (group_by is not None and s in ("groups", "access"))}
    fb, fa = figures(b), figures(a)
    for k in list(fb) + [k for k in fa if k not in fb]:
        x, y = fb.get(k), fa.get(k)
        add(k[0], k[1], k[2], x, y, minus(y, x))
    add("communities", "", "modularity", b.q, a.q, None)

    def active(side):
        return sum(1 for v in side.orgs if side.L.G.degree(v) > 0)
    nb, na = len(b.orgs), len(a.orgs)
    summary = [
        ("organizations", nb, na, na - nb),
        ("organizations_with_ties", active(b), active(a), active(a) - active(b)),
        ("organizations_gained", None, None, len(gained_orgs)),
        ("organizations_lost", None, None, len(lost_orgs)),
    ]
    if not one_landscape:  # docs/diff.md: only when comparing two landscapes
        summary.append(("organizations_changed", None, None, changed_orgs))
    summary += [
        ("ties", len(b.ties), len(a.ties), len(a.ties) - len(b.ties)),
        ("ties_gained", None, None, len(tg)),
        ("ties_lost", None, None, len(tl)),
        ("ties_changed", None, None, tc),
    ]
    return [("summary", "", m, x, y, c) for m, x, y, c in summary] + rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("landscapes", nargs="+")
    ap.add_argument("--at", action="append", default=[])
    ap.add_argument("--types")
    ap.add_argument("--weighted", action="store_true")
    ap.add_argument("--group-by", metavar="ATTR")
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args(argv)
    types = {t.strip().lower() for t in a.types.split(",")} if a.types else None
    g = a.group_by.strip().lower() if a.group_by else None
    if len(a.landscapes) == 2 and not a.at:
        b = Side(a.landscapes[0], types, None, a.weighted, g)
        s = Side(a.landscapes[1], types, None, a.weighted, g)
    elif len(a.landscapes) == 1 and len(a.at) == 2:
        d1, d2 = (datetime.date.fromisoformat(d) for d in a.at)
        b = Side(a.landscapes[0], types, d1, a.weighted, g)
        s = Side(a.landscapes[0], types, d2, a.weighted, g)
    else:
        ap.error("BEFORE AFTER, or LANDSCAPE --at D1 --at D2")
    rows = diff(b, s, len(a.landscapes) == 1, g)
    nx_power.write_csv(a.output, ["section", "subject", "measure", "before", "after", "change"],
                       [(r[0], r[1], r[2]) + tuple(nx_power.fmt(x) for x in r[3:]) for r in rows])
    return 0


if __name__ == "__main__":
    sys.exit(main())
