#!/usr/bin/python3
"""Compares `coalmap stakeholders` (grid CSV) and `coalmap stakeholders
--camps` (findings CSV) with nx_stakeholders.py's JSON.

usage: compare_stakeholders.py REF.json GRID.csv CAMPS.csv [--at-most K]
  --at-most K: the frustration index is a heuristic's and must be at most K
  (a planted partition's cost), reported exact only when it meets its lower
  bound; without it the reference's exact value must be matched and
  reported exact.  The lower bound must never exceed the index.
Exit 0 when they agree, 1 with the differences on stderr.
"""
import argparse
import csv
import json
import math
import sys

REAL = ["pagerank_pct", "betweenness_pct", "network_influence", "influence", "alignment"]
INT = ["access", "issues_compared"]


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def num(s):
    return None if s == "" else float(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ref")
    ap.add_argument("grid")
    ap.add_argument("camps")
    ap.add_argument("--at-most", type=int)
    a = ap.parse_args()
    ref = json.load(open(a.ref, encoding="utf-8"))
    grid = {r["id"]: r for r in csv.DictReader(open(a.grid, encoding="utf-8"))}
    camps = list(csv.DictReader(open(a.camps, encoding="utf-8")))
    bad = []
    if set(grid) != set(ref["orgs"]):
        bad.append("orgs differ: %s" % sorted(set(grid) ^ set(ref["orgs"])))
    for i, want in ref["orgs"].items():
        got = grid.get(i)
        if got is None:
            continue
        for c in REAL + INT:
            if not close(num(got[c]), want[c]):
                bad.append("%s %s: coalmap %s, reference %s" % (i, c, got[c], want[c]))
        if not want["near_median"] and got["quadrant"] != want["quadrant"]:
            bad.append("%s quadrant: coalmap %s, reference %s" % (i, got["quadrant"], want["quadrant"]))

    def val(measure):
        m = [r for r in camps if r["section"] == "signed" and r["measure"] == measure]
        if len(m) != 1:
            bad.append("camps: %d rows for %s" % (len(m), measure))
            return None, ""
        return num(m[0]["value"]), m[0]["reading"]

    for m in ("positive_pairs", "negative_pairs"):
        if val(m)[0] != ref[m]:
            bad.append("%s: coalmap %s, reference %s" % (m, val(m)[0], ref[m]))
    if ref["negative_pairs"] == 0:
        v, reading = val("balance")
        if v != 1 or "no conflict ties: balance is trivially 1" not in reading:
            bad.append("no conflict ties: balance %s, '%s'" % (v, reading))
        if any(g["camp"] for g in grid.values()):
            bad.append("camps without conflict ties")
    else:
        for m in ("triangles", "balanced_triangles"):
            if val(m)[0] != ref[m]:
                bad.append("%s: coalmap %s, reference %s" % (m, val(m)[0], ref[m]))
        if ref["triangles"] and not close(val("balance")[0], ref["balanced_triangles"] / ref["triangles"]):
            bad.append("balance: coalmap %s" % val("balance")[0])
        fi, reading = val("frustration_index")
        exact = val("exact")[0]
        lb = val("frustration_lower_bound")[0]
        if a.at_most is None:
            if fi != ref["frustration_exact"] or exact != 1 or not reading.startswith("exact"):
                bad.append("frustration: coalmap %s (exact %s, '%s'), brute force %s"
                           % (fi, exact, reading, ref["frustration_exact"]))
        elif fi is None or fi > a.at_most or exact != (lb == fi) or \
                not reading.startswith("exact" if lb == fi else "upper bound"):
            bad.append("frustration: coalmap %s (exact %s, '%s'), planted %s" % (fi, exact, reading, a.at_most))
        if lb is None or lb > fi:
            bad.append("frustration lower bound %s above the index %s" % (lb, fi))
        # the camps attain the frustration index: count their errors here
        camp = {i: g["camp"] for i, g in grid.items()}
        cost = sum(1 for u, v, s in ref["signed_edges"] if (s > 0) == (camp[u] != camp[v]))
        err = [num(r["value"]) for r in camps if r["section"] == "camps" and r["measure"] == "error"]
        if cost != fi or err != [fi]:
            bad.append("camps: their errors %s, camps error %s, frustration index %s" % (cost, err, fi))
        if any(camp[u] == "" for u, v, s in ref["signed_edges"]):
            bad.append("an org with a signed tie has no camp")
    for b in bad:
        print(b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
