#!/usr/bin/python3
"""Compare coalmap's brokerage columns with R's sna::brokerage.

usage: compare_brokerage.py REF.csv OUT.csv

REF.csv is written by sna_brokerage.R; OUT.csv is `coalmap metrics
--group-by ATTR --format csv` (extra columns ignored, rows matched by id).
The role counts must be exactly equal integers (`3` = `3.0`).
Exit 0 when everything agrees, 1 on any mismatch, 2 on malformed input.
"""
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_common  # noqa: E402

PROG = "compare_brokerage"
COLUMNS = ["coordinator", "itinerant", "representative", "gatekeeper",
           "liaison", "brokerage"]


def malformed(msg):
    compare_common.malformed(PROG, msg)


def read(path, what):
    table = {}
    for r in compare_common.read_rows(PROG, path, what, ["id"] + COLUMNS):
        rid = compare_common.unprotect(r["id"])
        if rid in table:
            malformed("%s: duplicate id %r" % (what, rid))
        table[rid] = r
    return table


def integer(s):
    try:
        x = float(s)
    except ValueError:
        return None
    return int(x) if x == int(x) else None


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    ref, out = read(argv[0], "REF"), read(argv[1], "OUT")
    bad = ["%s: missing from OUT" % v for v in ref if v not in out]
    bad += ["%s: not in REF" % v for v in out if v not in ref]
    for v, r in ref.items():
        if v not in out:
            continue
        for c in COLUMNS:
            e, g = integer(r[c]), integer(out[v][c])
            if e is None or e != g:
                bad.append("%s %s: expected %s got %s"
                           % (v, c, r[c] or "<empty>", out[v][c] or "<empty>"))
    for line in bad:
        print(line)
    print("%s: %d orgs, %d mismatch(es)" % ("FAIL" if bad else "OK", len(ref), len(bad)))
    if len(ref) != len(out):
        malformed("row count differs: REF %d, OUT %d" % (len(ref), len(out)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
