#!/usr/bin/python3
"""Independent NetworkX reference for coalmap's gaps (recommendations and
landscape gaps).

Written from docs/gaps.md, docs/power.md (money, decision-makers) and
SPEC.md only, never from coalmap's sources.  Landscapes are read by
nx_metrics.py / nx_power.py (same tie rules, same graph G, same funding
arcs).  Assumes valid input.  Where docs/gaps.md leaves a choice open, the
choice made here is written next to the code (search for "CHOICE").

usage: nx_gaps.py LANDSCAPE --for ORG [--types a,b] [--at DATE]
                  [--group-by ATTR] [--targets a,b] [--include-targets]
                  [--weights name=w,...] [--type T,..] [--region R,..]
                  [--exclude-stance S,..] [--need skills=a,b] [--top N]
                  [-o OUT.csv]
       nx_gaps.py LANDSCAPE [--group-by ATTR] [--targets a,b] [--types a,b]
                  [--at DATE] [--communities METRICS.csv] [-o OUT.csv]
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
import nx_power  # noqa: E402

COMPONENTS = ("closeness", "fit", "complementarity", "reach",
              "constraint_drop", "influence", "access")
REC_COLUMNS = ("role", "id", "score") + COMPONENTS + ("new_reach", "shared_partners",
                                              "risk")
GAP_COLUMNS = ("section", "subject", "measure", "value")
# SPEC.md, "Data format": the types and skills it names.  The skills list
# ends in "…"; only the six named skills are "known" (CHOICE).
KNOWN_TYPES = ("ngo", "ingo", "grassroots", "network", "donor", "government",
               "decision_maker", "un_agency", "media", "corporate", "academic")
KNOWN_SKILLS = ("research", "media", "organizing", "legal", "funding",
                "policy_access")
# docs/gaps.md: "for each bridge of G, the size of the smaller side", so
# pendant ties (smaller side 1) are bridges too (CHOICE: the literal reading;
# coalmap at the time of writing lists only bridges with >= 2 orgs on each
# side: set 2 here to follow it).
MIN_BRIDGE_SIDE = 2
# Scores (and betweenness values) this close are ties, broken by id (file
# order); floating-point noise must not decide a ranking.
TIE_REL, TIE_ABS = 1e-12, 1e-15


class UsageError(Exception):
    pass


# ---------------------------------------------------------------- helpers

def split_list(s):
    """An org's `issues`/`skills` cell: ';'-separated, trimmed, no empties."""
    return {x.strip() for x in (s or "").split(";") if x.strip()}


def split_opt(s):
    """A command-line list: ','-separated, trimmed, no empties."""
    return [x.strip() for x in (s or "").split(",") if x.strip()]


def close(a, b):
    return abs(a - b) <= TIE_REL * max(abs(a), abs(b)) + TIE_ABS


def number(s):
    return Fraction(s) if s not in (None, "") else None


def rank_desc(items, value, key):
    """Sort items by value (higher first), values within TIE_REL being ties
    broken by key (ascending)."""
    items = sorted(items, key=lambda x: (-value(x), key(x)))
    out, i = [], 0
    while i < len(items):
        j = i + 1
        while j < len(items) and close(value(items[j]), value(items[j - 1])):
            j += 1
        out += sorted(items[i:j], key=key)
        i = j
    return out


def parse_weights(s):
    w = {c: Fraction(1) for c in COMPONENTS}
    for item in split_opt(s):
        if "=" not in item:
            raise UsageError("--weights: expected name=w, got %r" % item)
        name, val = (x.strip() for x in item.split("=", 1))
        if name not in w:
            raise UsageError("--weights: unknown component %r" % name)
        try:
            val = Fraction(val)
        except (ValueError, ZeroDivisionError):
            raise UsageError("--weights: not a number: %r" % item)
        if val < 0:
            raise UsageError("--weights: negative weight %r" % item)
        w[name] = val
    if sum(w.values()) == 0:
        raise UsageError("--weights: all weights are 0")
    return w


def parse_need(values):
    """--need skills=a,b (repeatable; 'skills=a;types=b' also accepted):
    {kind: [values]} with kind in skills, types, regions."""
    need = {}
    for v in values or []:
        for part in v.split(";"):
            if not part.strip():
                continue
            if "=" not in part:
                raise UsageError("--need: expected skills=a,b, types=.. or "
                                 "regions=.., got %r" % part)
            kind, vals = (x.strip() for x in part.split("=", 1))
            kind = kind.lower()
            if kind not in ("skills", "types", "regions"):
                raise UsageError("--need: unknown list %r" % kind)
            need.setdefault(kind, []).extend(split_opt(vals))
    return need


# ---------------------------------------------------------------- the landscape

class Gaps:
    def __init__(self, landscape, types=None, at=None, targets=None,
                 group_by=None):
        self.L = L = nx_power.Landscape(landscape, types, at)
        self.G = L.G
        self.orgs = L.orgs
        self.index = L.index
        # the --targets types count as the landscape's own type words
        self.declared = tuple(targets) if targets else ()
        targets = tuple(targets) if targets else nx_power.DEFAULT_TARGETS
        # decision-makers: org types compared without case (nx_power CHOICE)
        self.dms = nx_power.decision_makers(L, set(t.lower() for t in targets))
        # CHOICE: the group of --group-by is the attribute's trimmed value,
        # compared exactly (as nx_power's groups); the default is `type`.
        self.group_by = (group_by or "type").strip().lower()
        # CHOICE: without --group-by a landscape without a type column has
        # no groups (every group empty); an explicit unknown column is an error
        if group_by and L.orgs and self.group_by not in L.attrs[L.orgs[0]]:
            raise UsageError("organizations.csv has no column %r" % self.group_by)

    def attr(self, v, name):
        return self.L.attr(v, name)

    def type_of(self, v):
        return self.attr(v, "type").lower()


# ---------------------------------------------------------------- recommendations

def candidates(gp, org, include_targets=False, cand_types=None, regions=None,
               exclude_stances=None, need=None):
    """org: one org id, or a set of them (a coalition taken as one)."""
    G = gp.G
    members = org if isinstance(org, (set, frozenset)) else {org}
    out = []
    for c in gp.orgs:
        if c in members or any(G.has_edge(m, c) for m in members):
            continue
        if c in gp.dms and not include_targets:
            continue
        # CHOICE: --type and need types= compare types without case (like
        # decision-maker types); regions, stances and skills exactly.
        if cand_types and gp.type_of(c) not in {t.lower() for t in cand_types}:
            continue
        if regions and gp.attr(c, "region") not in set(regions):
            continue
        if exclude_stances and gp.attr(c, "stance") in set(exclude_stances):
            continue
        if need:
            if "skills" in need and not split_list(gp.attr(c, "skills")) & set(need["skills"]):
                continue
            if "types" in need and gp.type_of(c) not in {t.lower() for t in need["types"]}:
                continue
            if "regions" in need and gp.attr(c, "region") not in set(need["regions"]):
                continue
        out.append(c)
    return out


def jaccard(a, b):
    if not a and not b:
        return Fraction(0)
    return Fraction(len(a & b), len(a | b))


def constraint_of(H, v):
    """Burt's weighted constraint of v in H (nx.constraint); None if isolated."""
    if H.degree(v) == 0:
        return None
    return nx.constraint(H, nodes=[v], weight="weight")[v]


def recommend(gp, org, weights=None, include_targets=False, cand_types=None,
              regions=None, exclude_stances=None, need=None,
              normalise_over_all=False, role="strategic"):
    """[(candidate, {column: value})] in rank order, for one partner role
    (docs/gaps.md, Roles): the candidates passing the role's gate."""
    G, L = gp.G, gp.L
    members = org if isinstance(org, (set, frozenset)) else {org}
    if len(members) == 1:
        org = next(iter(members))
    for m in members:
        if m not in G:
            raise UsageError("unknown organization %r" % m)
    weights = weights or {c: Fraction(1) for c in COMPONENTS}
    cands = candidates(gp, org, include_targets, cand_types, regions,
                       exclude_stances, need)
    # CHOICE: "the largest value among the candidates" is over the candidates
    # left after every filter (--type, --region, --exclude-stance, --need,
    # decision-makers), not over all non-neighbours.  normalise_over_all
    # (--normalise-over-all) takes the maximum over all non-neighbours
    # instead (decision-makers excluded unless --include-targets), for
    # diagnosing a disagreement.
    pool = candidates(gp, org, include_targets) if normalise_over_all else cands
    pool_set = set(pool) | set(cands)

    partners = set().union(*(set(G[m]) for m in members)) - members
    # closeness: Adamic-Adar, raw; a coalition's: the sum over its partners
    # (the members taken as one) that c shares of 1/ln(degree in G)
    if len(members) == 1:
        aa = {c: float(p) for _, c, p in nx.adamic_adar_index(G, [(org, c) for c in pool_set])}
    else:
        aa = {c: sum(1 / math.log(G.degree(z)) for z in partners & set(G[c])) for c in pool_set}
    # new reach: |({c} u N(c)) \ N2[org]|
    if len(members) == 1:
        n2 = set(nx.single_source_shortest_path_length(G, org, cutoff=2))
    else:
        n2 = members | partners | set().union(*(set(G[z]) for z in partners))
    new_reach = {c: len(({c} | set(G[c])) - n2) for c in pool_set}
    # constraint drop: brute force, the tie org-c of weight 1 added to a copy;
    # CHOICE (docs/gaps.md): a coalition has none (0)
    base = constraint_of(G, org) if len(members) == 1 else None
    drop = {}
    for c in pool_set:
        if base is None:          # an isolated org has no constraint
            drop[c] = 0.0
            continue
        H = G.copy()
        H.add_edge(org, c, weight=1.0)
        drop[c] = max(0.0, base - constraint_of(H, org))

    def normaliser(raw):
        """c -> raw[c] / the largest raw value over the pool (0 when 0)."""
        top = max((raw[x] for x in pool), default=0)
        return lambda c: raw[c] / top if top > 0 else 0 * raw[c]

    closeness = normaliser(aa)
    reach = normaliser({c: Fraction(x) for c, x in new_reach.items()})
    cdrop = normaliser(drop)

    eig = nx_metrics.eigenvector(G)
    infl = {v: number(gp.attr(v, "influence")) for v in gp.orgs}
    top_infl = max((x for x in infl.values() if x is not None), default=None)
    access = nx_power.direct_access(L, gp.dms)
    funders = nx_power.org_funding(L)
    conflicts = {}   # org -> set of orgs it has a (filtered) conflict tie with
    for src, dst, ttype, _, _ in L.ties:
        if ttype == "conflict":
            conflicts.setdefault(src, set()).add(dst)
            conflicts.setdefault(dst, set()).add(src)

    own_skills, own_regions, own_groups = set(), set(), set()
    for p in members | partners:
        own_skills |= split_list(gp.attr(p, "skills"))
        own_regions.add(gp.attr(p, "region"))
        own_groups.add(gp.attr(p, gp.group_by))
    org_issues = set().union(*(split_list(gp.attr(m, "issues")) for m in members))
    # a coalition's stance: the one every member with a stance has, else none
    stances = {gp.attr(m, "stance") for m in members} - {""}
    org_stance = stances.pop() if len(stances) == 1 else ""
    any_stance = any(gp.attr(v, "stance") for v in gp.orgs)
    org_degree = len(partners)
    reachable = set().union(*(nx.node_connected_component(G, m) for m in members))
    skills_new = {c: len(split_list(gp.attr(c, "skills")) - own_skills) for c in cands}
    top_skills = max(skills_new.values(), default=0)

    rows = {}
    for c in cands:
        r = {}
        r["closeness"] = float(closeness(c))
        stance = gp.attr(c, "stance")
        r["fit"] = float(Fraction(1, 2) * jaccard(org_issues, split_list(gp.attr(c, "issues")))
                         + Fraction(1, 2) * (1 if stance and stance == org_stance else 0))
        skills = split_list(gp.attr(c, "skills"))
        part1 = Fraction(len(skills - own_skills), len(skills)) if skills else Fraction(0)
        region = gp.attr(c, "region")
        part2 = 1 if region and region not in own_regions else 0
        group = gp.attr(c, gp.group_by)
        part3 = 1 if group and group not in own_groups else 0
        r["complementarity"] = float((part1 + part2 + part3) / 3)
        r["reach"] = float(reach(c))
        r["constraint_drop"] = float(cdrop(c))
        i = infl[c]
        ishare = (i / top_infl) if (i is not None and top_infl) else Fraction(0)
        r["influence"] = 0.5 * eig[c] + 0.5 * float(ishare)
        r["access"] = 1 if c in access else 0
        r["score"] = sum(float(weights[k]) * r[k] for k in COMPONENTS) \
            / float(sum(weights.values()))
        r["new_reach"] = new_reach[c]
        r["shared_partners"] = len(partners & set(G[c]))
        flags = []
        if stance == "oppose":
            flags.append("opposes")
        if conflicts.get(c, set()) & (partners | members):
            flags.append("conflict")
        if funders[c][1] == 1:
            flags.append("single_funder")
        if any_stance and not stance:
            flags.append("unknown_stance")
        # CHOICE (docs/gaps.md): "dominant" = at least 3 times the focus's
        # partners (an isolated focus counts as 1) and at least 6
        if G.degree(c) >= 6 and G.degree(c) >= 3 * max(org_degree, 1):
            flags.append("dominant")
        if G.degree(c) > 0 and not set(G[c]) - partners - members:
            flags.append("redundant")
        if c not in reachable:
            flags.append("no_introduction")
        r["risk"] = ";".join(sorted(flags))
        r["id"] = c
        r["balanced"] = r["score"]
        rows[c] = r
    goal = bool(org_issues) or bool(org_stance)

    def role_score(c):
        """The role's score, or None when c fails its gate."""
        r = rows[c]
        opposes = gp.attr(c, "stance") == "oppose"
        if role == "strategic":
            if opposes or (goal and r["fit"] <= 0):
                return None
            return (r["closeness"] + r["fit"]) / 2 if goal else r["closeness"]
        if role == "implementing":
            if opposes or skills_new[c] <= 0:
                return None
            return (skills_new[c] / top_skills + r["closeness"]) / 2
        if role == "distribution":
            if opposes or r["new_reach"] <= 0:
                return None
            return (r["reach"] + r["influence"]) / 2
        if role == "access":
            if opposes or not r["access"]:
                return None
            return (r["closeness"] + r["influence"]) / 2
        return r["balanced"]

    keep = []
    for c in list(rows):
        v = role_score(c)
        if v is not None:
            rows[c]["score"] = v
            rows[c]["role"] = role
            keep.append(c)
    # ranked by score (higher first), then (roles) by partners (more
    # first: preferential attachment where nothing is shared), then by id
    if role == "balanced":
        order = rank_desc(keep, lambda c: rows[c]["score"], lambda c: c)
    else:
        order = rank_desc(keep, lambda c: rows[c]["score"],
                          lambda c: (-G.degree(c), c))
    return [(c, rows[c]) for c in order]


# ---------------------------------------------------------------- landscape gaps

def read_communities(path):
    labels = {}
    for r in nx_metrics.read_table(path):
        labels[r["id"]] = r["community"]
    return labels


def label_key(s):
    try:
        return (0, float(s), s)
    except ValueError:
        return (1, 0.0, s)


def landscape_gaps(gp, communities=None, group_by=None):
    """Rows (section, subject, measure, value) of docs/gaps.md's table."""
    G, orgs, index = gp.G, gp.orgs, gp.index
    rows = []
    # isolates, in file order
    rows += [("isolates", v, "isolate", 1) for v in orgs if G.degree(v) == 0]
    # unreached: components of >= 2 orgs without a decision-maker; subject =
    # the component's first org in file order; listed in that order
    comps = sorted(nx.connected_components(G), key=lambda c: min(index[v] for v in c))
    for comp in comps:
        if len(comp) >= 2 and not comp & gp.dms:
            first = min(comp, key=index.get)
            rows.append(("unreached", first, "component_size", len(comp)))
    # holes
    if communities is None:
        print("nx_gaps: warning: no --communities; using the reference's own "
              "Louvain labels (coalmap's may differ)", file=sys.stderr)
        labels, _ = nx_metrics.communities(G)
        labels = {v: str(k) for v, k in labels.items()}
    else:
        labels = communities
        missing = [v for v in orgs if v not in labels]
        if missing:
            raise UsageError("--communities: no label for %s" % ", ".join(missing[:5]))
    members = {}
    for v in orgs:
        members.setdefault(labels[v], []).append(v)
    big = sorted((k for k in members if len(members[k]) >= 3), key=label_key)
    btw = nx.betweenness_centrality(G, normalized=False)
    between = {}
    for u, v in G.edges():
        a, b = labels[u], labels[v]
        if a != b:
            key = tuple(sorted((a, b), key=label_key))
            between[key] = between.get(key, 0) + 1
    for i, a in enumerate(big):
        for b in big[i + 1:]:
            t = between.get((a, b), 0)
            if t > 1:
                continue
            rows.append(("holes", "%s | %s" % (a, b), "ties_between", t))
            for side in (a, b):
                # highest betweenness, ties (within TIE_REL) by file order
                best = rank_desc(members[side], lambda v: btw[v], index.get)[0]
                # CHOICE: subject = the member, value = its betweenness
                # (unnormalized), like power's routes:g rows.
                rows.append(("holes", best, "best_bridge:%s|%s" % (a, b), btw[best]))
    # single points of failure
    arts = set(nx.articulation_points(G))
    for v in orgs:
        if v not in arts:
            continue
        comp = nx.node_connected_component(G, v)
        H = G.subgraph(comp - {v})
        largest = max(len(p) for p in nx.connected_components(H))
        rows.append(("single_points", v, "cuts_off", len(comp) - 1 - largest))
    bridges = []
    for u, v in nx.bridges(G):
        if index[u] > index[v]:
            u, v = v, u
        bridges.append((u, v))
    for u, v in sorted(bridges, key=lambda e: (index[e[0]], index[e[1]])):
        H = G.copy()
        H.remove_edge(u, v)
        side = min(len(nx.node_connected_component(H, u)),
                   len(nx.node_connected_component(H, v)))
        # CHOICE: "u | v" with u the org that comes first in the file
        if side >= MIN_BRIDGE_SIDE:
            rows.append(("single_points", "%s | %s" % (u, v), "bridge_cuts_off", side))
    rows += coverage(gp, group_by)
    return rows


def coverage(gp, group_by=None):
    """share of orgs having each type, region, skill, issue (and --group-by)
    value.  Absent values (share 0): the --targets types, and the built-in
    words of SPEC.md only when more than half of the values recorded
    (counted once per org) are built-in ones, of two different words or
    more (docs/gaps.md).
    CHOICE: types compare without case (lower-cased); with an
    explicit --group-by, its attribute's (non-empty, whole) values are
    listed too, as the table says, even when that repeats the type or region
    rows; values shared by two lists (type `media`, skill `media`) give two
    rows with the same key (compare_gaps.py compares them as a multiset)."""
    orgs = gp.orgs
    n = len(orgs)
    if n == 0:
        return []
    lists = [
        (lambda v: {gp.type_of(v)} - {""}, KNOWN_TYPES, gp.declared),
        (lambda v: {gp.attr(v, "region")} - {""}, (), ()),
        (lambda v: split_list(gp.attr(v, "skills")), KNOWN_SKILLS, ()),
        (lambda v: split_list(gp.attr(v, "issues")), (), ()),
    ]
    if group_by:
        lists.append((lambda v: {gp.attr(v, gp.group_by)} - {""}, (), ()))
    rows = []
    for values_of, known, declared in lists:
        count, order = {}, []
        for v in orgs:
            for x in sorted(values_of(v)):
                if x not in count:
                    count[x] = 0
                    order.append(x)
                count[x] += 1
        recorded = sum(count.values())
        builtin = sum(c for x, c in count.items() if x.lower() in known)
        words = len([x for x in count if x.lower() in known])  # values as written
        if 2 * builtin <= recorded or words < 2:
            known = ()
        for x in tuple(declared) + tuple(known):
            if x not in count:
                count[x] = 0
                order.append(x)
        rows += [("coverage", x, "share", Fraction(count[x], n)) for x in order]
    return rows


# ---------------------------------------------------------------- output

def fmt(x):
    if x is None:
        return ""
    if isinstance(x, bool):
        x = int(x)
    if isinstance(x, int):
        return str(x)
    if isinstance(x, str):
        return x
    x = float(x)
    return "" if math.isnan(x) else "%.17g" % x


def write_csv(path, header, rows):
    out = open(path, "w", newline="", encoding="utf-8") if path and path != "-" \
        else sys.stdout
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([fmt(x) for x in r])
    if out is not sys.stdout:
        out.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("landscape")
    ap.add_argument("--for", dest="org", metavar="ORG",
                    help="an org id, or several separated by commas (a coalition)")
    ap.add_argument("--for-group", metavar="ATTR=VALUE",
                    help="the coalition of the orgs whose ATTR column is VALUE")
    ap.add_argument("--types", help="comma-separated tie types to keep")
    ap.add_argument("--at", help="keep ties that existed on YYYY-MM-DD")
    ap.add_argument("--group-by", metavar="ATTR")
    ap.add_argument("--targets", help="decision-maker types (replace the "
                    "default decision_maker,government)")
    ap.add_argument("--include-targets", action="store_true")
    ap.add_argument("--weights", metavar="name=w,...")
    ap.add_argument("--role", choices=("strategic", "implementing", "distribution",
                                       "access", "balanced"))
    ap.add_argument("--type", dest="cand_types", metavar="T,..")
    ap.add_argument("--region", metavar="R,..")
    ap.add_argument("--exclude-stance", metavar="S,..")
    ap.add_argument("--need", action="append", metavar="skills=a,b")
    ap.add_argument("--top", type=int, metavar="N")
    ap.add_argument("--communities", metavar="METRICS.csv",
                    help="landscape gaps: community labels (columns id, "
                    "community) from `coalmap metrics --format csv`")
    ap.add_argument("--normalise-over-all", action="store_true",
                    help="diagnostic: normalise closeness, reach and "
                    "constraint_drop over all non-neighbours, not only the "
                    "filtered candidates")
    ap.add_argument("-o", "--output", default="-", help="output CSV ('-' = stdout)")
    a = ap.parse_args(argv)
    types = {t.lower() for t in split_opt(a.types)} if a.types else None
    at = datetime.date.fromisoformat(a.at) if a.at else None
    targets = [t.lower() for t in split_opt(a.targets)] if a.targets else None
    try:
        gp = Gaps(a.landscape, types, at, targets, a.group_by)
        if a.for_group:
            attr, _, value = a.for_group.partition("=")
            a.org = {v for v in gp.orgs if gp.attr(v, attr) == value}
            if not a.org:
                raise UsageError("no organization has %s" % a.for_group)
        elif a.org and "," in a.org:
            a.org = {x.strip() for x in a.org.split(",") if x.strip()}
        if a.org is None:
            comms = read_communities(a.communities) if a.communities else None
            write_csv(a.output, GAP_COLUMNS, landscape_gaps(gp, comms, a.group_by))
            return 0
        ranked = recommend(
            gp, a.org, parse_weights(a.weights), a.include_targets,
            split_opt(a.cand_types) or None, split_opt(a.region) or None,
            split_opt(a.exclude_stance) or None, parse_need(a.need),
            a.normalise_over_all,
            a.role or ("balanced" if a.weights else "strategic"))
    except UsageError as e:
        print("nx_gaps: %s" % e, file=sys.stderr)
        return 2
    if a.top is not None:
        ranked = ranked[:max(a.top, 0)]
    write_csv(a.output, REC_COLUMNS, [[r[k] for k in REC_COLUMNS] for _, r in ranked])
    return 0


if __name__ == "__main__":
    sys.exit(main())
