#!/usr/bin/python3
"""Compare coalmap's per-organization metrics with the NetworkX reference.

usage: compare_metrics.py REF.csv OUT.csv [LANDSCAPE_DIR [--types a,b] [--at DATE]]

REF.csv is written by nx_metrics.py; OUT.csv is coalmap's output (any column
order, extra columns ignored, rows matched by id).  Exit 0 when everything
agrees, 1 on any mismatch, 2 on malformed input.  cp_coreness and cp_core
have no REF column: with LANDSCAPE_DIR they are checked by
nx_coreperiphery.py (scipy's minimisation, brute force or local search).
"""
import argparse
import datetime
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import networkx as nx  # noqa: E402
import compare_common  # noqa: E402
import nx_metrics  # noqa: E402
import nx_coreperiphery  # noqa: E402

INT_COLS = {"degree", "in_degree", "out_degree", "coreness", "reach2",
            "articulation"}
ABS_COLS = {"eigenvector"}
REL, ABS_FLOOR, EIG_ABS, MOD_SLACK = 1e-6, 1e-9, 1e-6, 0.02


def malformed(msg):
    compare_common.malformed("compare_metrics", msg)


def read_rows(path, what):
    try:
        rows = nx_metrics.read_table(path)
    except (OSError, UnicodeDecodeError) as e:
        malformed("%s: %s" % (what, e))
    if rows and "id" not in rows[0]:
        malformed("%s: no id column" % what)
    table = {}
    for i, r in enumerate(rows, 2):
        rid = compare_common.unprotect(r.get("id") or "")
        if not rid:
            malformed("%s: row %d has no id" % (what, i))
        if rid in table:
            malformed("%s: duplicate id %r" % (what, rid))
        table[rid] = r
    return table, (list(rows[0]) if rows else [])


def as_number(s):
    try:
        return float(s)
    except ValueError:
        return None


def same(col, a, b):
    """a: reference cell, b: coalmap cell (both non-empty strings)."""
    x, y = as_number(a), as_number(b)
    if x is None or y is None:
        return False
    if col in INT_COLS:
        return x == y
    if col in ABS_COLS:
        return abs(x - y) <= EIG_ABS
    return abs(x - y) <= REL * max(abs(x), abs(y)) + ABS_FLOOR


def check_community(out, landscape, types, at):
    """Coalmap's partition must reach the reference Louvain modularity - 0.02."""
    _, G, _ = nx_metrics.load_graphs(landscape, types, at)
    labels = {}
    for v in G:
        lab = out[v].get("community", "") if v in out else ""
        if not lab:
            return ["%s community: expected a label got empty" % v]
        labels.setdefault(lab, set()).add(v)
    _, q_ref = nx_metrics.communities(G)
    if q_ref is None:
        print("note: no ties, community modularity not compared")
        return []
    q = nx.community.modularity(G, list(labels.values()), weight="weight")
    print("community modularity: reference %.6f, coalmap %.6f" % (q_ref, q))
    if q < q_ref - MOD_SLACK:
        return ["community modularity: expected >= %.6f got %.6f"
                % (q_ref - MOD_SLACK, q)]
    return []


def check_core_periphery(out, landscape, types, at):
    """cp_coreness and cp_core against nx_coreperiphery.py: scipy's
    minimisation and the brute-force (or local-search) discrete optimum."""
    _, G, _ = nx_metrics.load_graphs(landscape, types, at)
    bad = nx_coreperiphery.check(G, {v: out.get(v, {}) for v in G})
    print("core/periphery: %d mismatch(es)" % len(bad))
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ref")
    ap.add_argument("out")
    ap.add_argument("landscape", nargs="?")
    ap.add_argument("--types")
    ap.add_argument("--at")
    ap.add_argument("--weighted", action="store_true",
                    help="accepted for symmetry with nx_metrics.py; the community "
                    "check does not depend on it")
    a = ap.parse_args(argv)

    ref, ref_cols = read_rows(a.ref, "REF")
    out, out_cols = read_rows(a.out, "OUT")
    cols = [c for c in ref_cols if c != "id"]
    missing_cols = [c for c in cols if c not in out_cols]
    if ref and missing_cols:
        malformed("OUT: missing column(s) " + ", ".join(missing_cols))

    bad = []
    bad += ["%s: missing from OUT" % v for v in ref if v not in out]
    bad += ["%s: not in REF" % v for v in out if v not in ref]
    for v, r in ref.items():
        if v not in out:
            continue
        for c in cols:
            if c == "community":
                continue
            e, g = r.get(c, ""), out[v].get(c, "")
            ok = e == g if "" in (e, g) else same(c, e, g)
            if not ok:
                bad.append("%s %s: expected %s got %s"
                           % (v, c, e or "<empty>", g or "<empty>"))
    cp_cols = [c for c in ("cp_coreness", "cp_core") if c in out_cols]
    if cp_cols:
        if a.landscape:
            types = {t.strip() for t in a.types.split(",")} if a.types else None
            at = datetime.date.fromisoformat(a.at) if a.at else None
            bad += check_core_periphery(out, a.landscape, types, at)
        else:
            print("note: %s skipped (no LANDSCAPE_DIR given)" % ", ".join(cp_cols))
    if "community" in cols:
        if a.landscape:
            types = {t.strip() for t in a.types.split(",")} if a.types else None
            at = datetime.date.fromisoformat(a.at) if a.at else None
            bad += check_community(out, a.landscape, types, at)
        else:
            print("note: community skipped (no LANDSCAPE_DIR given)")

    for line in bad:
        print(line)
    print("%s: %d orgs, %d columns, %d mismatch(es)"
          % ("FAIL" if bad else "OK", len(ref), len(cols), len(bad)))
    if len(ref) != len(out):
        malformed("row count differs: REF %d, OUT %d" % (len(ref), len(out)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
