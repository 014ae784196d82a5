#!/usr/bin/python3
"""Issue 17 item 6: how well `coalmap gaps --for ORG` recovers real ties.

Usage: bench/linkpred.py REALLAND_DIR OUT_DIR COALMAP  (run it through
bench/linkpred.sh).

(a) Hidden ties.  For each real landscape under REALLAND_DIR with at least
MIN_ORGS organizations (and the ones named in ALWAYS), build the
collaboration graph G as SPEC.md does (undirected, simple: conflict ties and
self-ties left out, parallel ties merged; chemnet with --types
political_info), hide a seeded random 10 % of its edges, and write a reduced
landscape (organizations.csv unchanged, relationships.csv without any row
of a hidden pair).  For a seeded sample of up to MAX_ORGS orgs that have a
hidden tie, run `coalmap gaps REDUCED --for ORG --top 10 --format csv
--include-targets` with `--role all` (one list per role: strategic, the
default, implementing, distribution, access), with `--role balanced` (the
old default; only with BALANCED=1: it doubles the runs), and with closeness=1 and the other weights 0 on a smaller
sample, and rank the same candidates (every org but ORG and
its neighbours in the reduced G, decision-makers included) by common
neighbours, Adamic-Adar, Jaccard, preferential attachment (NetworkX) and a
seeded random order, ties broken by id.  recall@10 = hidden ties of ORG in
its top 10 / hidden ties of ORG, precision@10 = those hits / the length of
the top 10 list, both micro-averaged over the sampled orgs; a role whose
gate leaves every sampled org an empty list has no precision ("empty").
A second table gives each role's mean list length.

(b) Tie formation: eies-t1 -> eies-t2, recommend from wave 1, score against
the ties of wave 2's G that wave 1's G does not have.

Prints one markdown table and writes it to OUT_DIR/linkpred.md.
"""

import csv
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import networkx as nx

SEED = int(os.environ.get("SEED", "17"))
HIDE = 0.10
TOP = 10
MAX_ORGS = int(os.environ.get("MAX_ORGS", "100"))
MAX_SANITY = int(os.environ.get("MAX_SANITY", "25"))
MIN_ORGS = 30
ALWAYS = ["bristol", "chemnet", "eies-t1", "ryanair", "kumu-euro",
          "landing-teams"]
# eies is the union of eies-t1 and eies-t2 (each tie once per wave): part
# (b) measures those waves properly.
SKIP = {"eies", "eies-t2", "_original"}
TYPES = {"chemnet": ["political_info"]}
JOBS = 2
COMPONENTS = ["closeness", "fit", "complementarity", "reach",
              "constraint_drop", "influence", "access"]
CLOSENESS_ONLY = ",".join("%s=%d" % (c, c == "closeness") for c in COMPONENTS)
ROLES = ["strategic", "implementing", "distribution", "access"]
BALANCED = os.environ.get("BALANCED", "0") == "1"
METHODS = ROLES + (["balanced"] if BALANCED else []) + ["adamic_adar", "common_neighbours", "jaccard",
           "pref_attachment", "random"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def load(folder, types):
    """Org ids (file order), the rows of relationships.csv, and G."""
    orgs = read_csv(os.path.join(folder, "organizations.csv"))
    col = orgs[0].index("id")
    ids = [r[col] for r in orgs[1:] if len(r) > col and r[col] != ""]
    rels = read_csv(os.path.join(folder, "relationships.csv"))
    head = rels[0]
    s, t = head.index("source"), head.index("target")
    ty = head.index("type") if "type" in head else None
    g = nx.Graph()
    g.add_nodes_from(ids)
    known = set(ids)
    for r in rels[1:]:
        if len(r) <= max(s, t):
            continue
        kind = r[ty] if ty is not None and len(r) > ty else ""
        if kind == "conflict" or (types and kind not in types):
            continue
        u, v = r[s], r[t]
        if u == v or u not in known or v not in known:
            continue
        g.add_edge(u, v)
    return ids, rels, (s, t), g


def pair(u, v):
    return (u, v) if u < v else (v, u)


def write_reduced(folder, out, rels, ends, hidden):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(folder, "organizations.csv"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "organizations.csv"), "wb") as f:
        f.write(data)
    s, t = ends
    with open(os.path.join(out, "relationships.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(rels[0])
        for r in rels[1:]:
            if len(r) > max(s, t) and pair(r[s], r[t]) in hidden:
                continue
            w.writerow(r)


def coalmap_top(coalmap, land, org, types, how):
    """role -> its top ids; how: a role, or --weights for balanced."""
    cmd = [coalmap, "gaps", land, "--for", org, "--top", str(TOP),
           "--format", "csv", "--include-targets", "--threads", "1",
           "--quiet"]
    if types:
        cmd += ["--types", ",".join(types)]
    cmd += ["--weights", how] if "=" in how else ["--role", how]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("linkpred: %s: exit %d: %s" % (" ".join(cmd), p.returncode,
                                                p.stderr.strip()))
    rows = list(csv.reader(p.stdout.splitlines()))
    role, col = rows[0].index("role"), rows[0].index("id")
    out = {r: [] for r in ROLES + ["balanced"]}
    for r in rows[1:]:
        out[r[role]].append(r[col])
    return out


def rank(scores):
    """Top ids by score (higher first), then id."""
    return [c for c, _ in sorted(scores, key=lambda x: (-x[1], x[0]))[:TOP]]


def predictors(g, org, cands, rng):
    ebunch = [(org, c) for c in cands]
    out = {}
    # Rounded so that equal sums computed in another order tie, as the
    # real numbers do; ranks then fall back on the id.
    out["adamic_adar"] = rank([(v, round(p, 9)) for _, v, p in
                               nx.adamic_adar_index(g, ebunch)])
    out["common_neighbours"] = rank(
        [(c, len(list(nx.common_neighbors(g, org, c)))) for c in cands])
    out["jaccard"] = rank([(v, round(p, 9)) for _, v, p in
                           nx.jaccard_coefficient(g, ebunch)])
    out["pref_attachment"] = rank([(v, p) for _, v, p in
                                   nx.preferential_attachment(g, ebunch)])
    shuffled = sorted(cands)
    rng.shuffle(shuffled)
    out["random"] = shuffled[:TOP]
    return out


def evaluate(name, coalmap, land, g, truth, types, rng):
    """truth: org -> set of ties to find.  Returns the table row."""
    withties = sorted(o for o in truth if truth[o])
    sample = sorted(rng.sample(withties, min(MAX_ORGS, len(withties))))
    sanity = set(rng.sample(sample, min(MAX_SANITY, len(sample))))
    jobs = [(o, "all") for o in sample] + \
           [(o, "balanced") for o in sample if BALANCED] + \
           [(o, CLOSENESS_ONLY) for o in sorted(sanity)]
    with ThreadPoolExecutor(JOBS) as ex:
        got = list(ex.map(lambda j: coalmap_top(coalmap, land, j[0], types,
                                                j[1]), jobs))
    tops = {j: r for j, r in zip(jobs, got)}
    hits = {m: 0 for m in METHODS}
    listed = {m: 0 for m in METHODS}
    total = 0
    ncands = 0
    same = 0
    mismatches = []
    for o in sample:
        cands = [c for c in g.nodes if c != o and not g.has_edge(o, c)]
        ncands += len(cands)
        lists = predictors(g, o, cands, rng)
        lists.update(tops[(o, "all")])
        if BALANCED:
            lists["balanced"] = tops[(o, "balanced")]["balanced"]
        total += len(truth[o])
        for m in METHODS:
            hits[m] += len(set(lists[m]) & truth[o])
            listed[m] += len(lists[m])
        if o in sanity:
            if tops[(o, CLOSENESS_ONLY)]["balanced"] == lists["adamic_adar"]:
                same += 1
            else:
                mismatches.append(o)
    res = {"network": name, "orgs": len(sample),
           "hidden": sum(len(v) for v in truth.values()) // 2,
           "scored": total, "cands": ncands / len(sample) if sample else 0,
           "sanity": (same, len(sanity), mismatches)}
    for m in METHODS:
        res[m] = (hits[m] / total if total else 0.0,
                  hits[m] / listed[m] if listed[m] else None)
        res["len_" + m] = listed[m] / len(sample) if sample else 0.0
    return res


def hidden_ties(name, folder, work, coalmap):
    types = TYPES.get(name)
    rng = random.Random("%d:%s" % (SEED, name))
    ids, rels, ends, g = load(folder, types)
    edges = sorted(pair(u, v) for u, v in g.edges)
    k = max(1, round(HIDE * len(edges)))
    hidden = set(rng.sample(edges, k))
    land = os.path.join(work, name)
    write_reduced(folder, land, rels, ends, hidden)
    g.remove_edges_from(hidden)
    truth = {o: set() for o in ids}
    for u, v in hidden:
        truth[u].add(v)
        truth[v].add(u)
    return evaluate(name, coalmap, land, g, truth, types, rng)


def formation(before, after, coalmap):
    rng = random.Random("%d:eies-t1->t2" % SEED)
    ids, _, _, g1 = load(before, None)
    _, _, _, g2 = load(after, None)
    truth = {o: set() for o in ids}
    for u, v in g2.edges:
        if u in truth and v in truth and not g1.has_edge(u, v):
            truth[u].add(v)
            truth[v].add(u)
    return evaluate("eies-t1 → eies-t2 (new ties)", coalmap, before, g1,
                    truth, None, rng)


def fmt(res):
    cells = ["empty" if res[m][1] is None else "%.3f / %.3f" % res[m]
             for m in METHODS]
    same, n, _ = res["sanity"]
    return "| %s | %d | %d | %d | %.0f | %s | %d/%d |" % (
        res["network"], res["orgs"], res["hidden"], res["scored"],
        res["cands"],
        " | ".join(cells), same, n)


def fmt_lengths(res):
    return "| %s | %s |" % (res["network"], " | ".join(
        "%.1f" % res["len_" + m] for m in ROLES))


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: linkpred.py REALLAND_DIR OUT_DIR COALMAP")
    lands, out, coalmap = sys.argv[1:]
    work = os.path.join(out, "reduced")
    start = time.time()
    names = []
    for n in sorted(os.listdir(lands)):
        folder = os.path.join(lands, n)
        if n in SKIP or not os.path.isfile(
                os.path.join(folder, "relationships.csv")):
            continue
        norgs = len(read_csv(os.path.join(folder, "organizations.csv"))) - 1
        if n in ALWAYS or norgs >= MIN_ORGS:
            names.append(n)
    for n in ALWAYS:
        if n not in names:
            print("linkpred: %s missing under %s" % (n, lands),
                  file=sys.stderr)
    lines = [
        "recall@10 / precision@10, seed %d, %d %% of G's ties hidden; "
        "up to %d orgs with a hidden tie per network; coalmap with "
        "--include-targets (the same candidates as the predictors)." %
        (SEED, round(100 * HIDE), MAX_ORGS), "",
        "| network | orgs scored | hidden ties | ties to find | candidates | "
        + " | ".join(METHODS) + " | closeness-only = AA |",
        "|---" * (len(METHODS) + 6) + "|"]
    notes = []
    rows = [hidden_ties(n, os.path.join(lands, n), work, coalmap)
            for n in names]
    b1, b2 = os.path.join(lands, "eies-t1"), os.path.join(lands, "eies-t2")
    if os.path.isdir(b1) and os.path.isdir(b2):
        rows.append(formation(b1, b2, coalmap))
    for r in rows:
        lines.append(fmt(r))
        if r["sanity"][2]:
            notes.append("closeness-only differs from Adamic-Adar on %s "
                         "for: %s" % (r["network"],
                                      ", ".join(r["sanity"][2])))
    lines += ["", "Mean length of each role's list (at most %d):" % TOP, "",
              "| network | " + " | ".join(ROLES) + " |",
              "|---" * (len(ROLES) + 1) + "|"]
    lines += [fmt_lengths(r) for r in rows]
    lines += ["", "hidden ties: pairs hidden (for the eies waves: pairs "
              "new in wave 2); ties to find: the hidden ties of the scored "
              "orgs, counted once per end (recall's denominator); candidates: "
              "their mean number per scored org (with 10 or fewer, every "
              "method finds everything); strategic, implementing, distribution, access: "
              "coalmap's four role lists (`--role all`); %sempty: no sampled org "
              "got a list in that role.  "
              "closeness-only = AA: sampled orgs whose top 10 by `--weights "
              "%s` is exactly Adamic-Adar's." % (
                  "balanced: `--role balanced`, the old default; "
                  if BALANCED else "", CLOSENESS_ONLY)]
    lines += [""] + notes if notes else []
    lines += ["", "time: %.0f s" % (time.time() - start)]
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    with open(os.path.join(out, "linkpred.md"), "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
