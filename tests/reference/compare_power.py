#!/usr/bin/python3
"""Compare coalmap's power report with the NetworkX reference.

usage: compare_power.py REF.csv OUT.csv

REF.csv is written by nx_power.py; OUT.csv is `coalmap power --format csv`
(columns section,subject,measure,value[,reading,...], any order).  Rows are
matched by (section, subject, measure) and both files must hold the same keys.
Values agree when |a-b| <= 1e-6*max(|a|,|b|) + 1e-9; an empty value matches
only an empty value.  A key listed more than once (the network-wide
`groups,,ei_index` row and a group named "") is compared as a multiset.
Exit 0 when everything agrees, 1 on any mismatch, 2 on malformed input.
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_common  # noqa: E402

PROG = "compare_power"
REL, ABS_FLOOR = 1e-6, 1e-9
KEY = ("section", "subject", "measure")
# sections another reference checks: core_periphery by nx_coreperiphery.py
# (brute force, scipy) in tests/cli/coreperiphery.sh
ELSEWHERE = {"core_periphery"}


def read(path, what):
    table = {}
    for r in compare_common.read_rows(PROG, path, what, KEY + ("value",)):
        subject = compare_common.unprotect(r["subject"])
        if r["section"] in ELSEWHERE:
            continue
        table.setdefault((r["section"], subject, r["measure"]), []).append(r["value"])
    return table


def number(s):
    try:
        return float(s)
    except ValueError:
        return None


def same(a, b):
    if "" in (a, b):
        return a == b
    x, y = number(a), number(b)
    if x is None or y is None:
        return False
    return abs(x - y) <= REL * max(abs(x), abs(y)) + ABS_FLOOR


def order(values):
    return sorted(values, key=lambda s: (s != "", number(s) if number(s) is not None else 0, s))


def show(key):
    return "%s|%s|%s" % key


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    ref, out = read(argv[0], "REF"), read(argv[1], "OUT")
    bad = []
    for key, vals in ref.items():
        if key not in out:
            bad.append("%s: missing from OUT (expected %s)"
                       % (show(key), " ".join(v or "<empty>" for v in vals)))
            continue
        got = out[key]
        if len(got) != len(vals):
            bad.append("%s: expected %d row(s) got %d" % (show(key), len(vals), len(got)))
            continue
        for e, g in zip(order(vals), order(got)):
            if not same(e, g):
                bad.append("%s: expected %s got %s"
                           % (show(key), e or "<empty>", g or "<empty>"))
    for key, vals in out.items():
        if key not in ref:
            bad.append("%s: not in REF (got %s)"
                       % (show(key), " ".join(v or "<empty>" for v in vals)))
    for line in bad:
        print(line)
    print("%s: %d rows, %d mismatch(es)"
          % ("FAIL" if bad else "OK", sum(map(len, ref.values())), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
