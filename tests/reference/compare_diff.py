#!/usr/bin/python3
"""Compare `coalmap diff --top 0 --format csv` with the NetworkX reference.

usage: compare_diff.py REF.csv OUT.csv

REF.csv is written by nx_diff.py.  Rows are matched by (section, subject,
measure); both files must hold the same keys, except the rows that depend
on the Louvain partition coalmap found, which the reference leaves out
(position/community, communities/communities,
communities/mean_community_change), and the rows of the core/periphery
model (core_periphery/*, position/cp_coreness): an optimisation whose
optimum need not be unique, checked side by side against
nx_coreperiphery.py in tests/cli/diff.sh instead.  before, after and change agree when
|a-b| <= 1e-6*max(|a|,|b|) + 1e-9; an empty value matches only an empty
value.  communities/modularity: coalmap's before and after must each be at
least the reference Louvain modularity - 0.02 (as compare_metrics.py).
Exit 0 when everything agrees, 1 on any mismatch, 2 on malformed input.
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_common  # noqa: E402

PROG = "compare_diff"
REL, ABS_FLOOR, MODULARITY_SLACK = 1e-6, 1e-9, 0.02
KEY = ("section", "subject", "measure")
VALUES = ("before", "after", "change")
PARTITION_ROWS = {("communities", "communities"), ("communities", "mean_community_change")}


def malformed(msg):
    compare_common.malformed(PROG, msg)


def read(path, what):
    out = {}
    for r in compare_common.read_rows(PROG, path, what, KEY + VALUES):
        k = tuple(compare_common.unprotect(r[c]) for c in KEY)
        if k in out:
            malformed("%s: row %s listed twice" % (what, k))
        out[k] = r
    return out


def close(a, b):
    if a == "" or b == "":
        return a == b
    x, y = float(a), float(b)
    return abs(x - y) <= REL * max(abs(x), abs(y)) + ABS_FLOOR


def main(argv):
    if len(argv) != 3:
        malformed("usage: compare_diff.py REF.csv OUT.csv")
    ref, out = read(argv[1], "reference"), read(argv[2], "coalmap")
    out = {k: v for k, v in out.items()
           if not (k[0] == "position" and k[2] in ("community", "cp_coreness")) and
           (k[0], k[2]) not in PARTITION_ROWS and k[0] != "core_periphery"}
    bad = 0
    for k in sorted(set(ref) | set(out)):
        if k not in out:
            print("%s: missing from coalmap's output" % (k,))
            bad += 1
            continue
        if k not in ref:
            print("%s: not in the reference" % (k,))
            bad += 1
            continue
        if k == ("communities", "", "modularity"):
            for c in ("before", "after"):
                r, o = ref[k][c], out[k][c]
                if (r == "") != (o == "") or (r != "" and float(o) < float(r) - MODULARITY_SLACK):
                    print("%s %s: coalmap %s, reference Louvain %s" % (k, c, o or "empty", r or "empty"))
                    bad += 1
            continue
        for c in VALUES:
            if not close(ref[k][c], out[k][c]):
                print("%s %s: expected %s got %s" % (k, c, ref[k][c] or "empty", out[k][c] or "empty"))
                bad += 1
    print("compare_diff: %d rows, %d mismatches" % (len(ref), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
