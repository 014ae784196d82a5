"""compare_qap.py SNA.csv COALMAP.csv REPS: coalmap qap's rows against
the rows of tests/reference/qap.R on the same landscape.  Estimates (r,
coefficient, t, r2, adj_r2, n) must agree to 1e-9 (relative); p-values
within Monte-Carlo error of the two independent runs of REPS permutations
each: |p - p_sna| < 4 sqrt(p (1 - p) / REPS) + 0.01."""
import csv
import math
import sys

EXACT = ("n", "r", "coefficient", "t", "r2", "adj_r2")
PVALUES = ("p_ge", "p_le", "p_two_sided")


def rows(path):
    with open(path, newline="") as f:
        return {r["term"]: r for r in csv.DictReader(f, skipinitialspace=True)}


def main():
    sna, ours, reps = rows(sys.argv[1]), rows(sys.argv[2]), int(sys.argv[3])
    bad = []
    if set(sna) != set(ours):
        bad.append("terms differ: sna %s, coalmap %s" % (sorted(sna), sorted(ours)))
    for term in sorted(set(sna) & set(ours)):
        s, o = sna[term], ours[term]
        for k in EXACT:
            if k not in s:
                continue
            a, b = float(s[k]), float(o[k])
            if abs(a - b) > 1e-9 * max(1.0, abs(a)):
                bad.append("%s %s: sna %r, coalmap %r" % (term, k, a, b))
        for k in PVALUES:
            a, b = float(s[k]), float(o[k])
            p = (a + b) / 2
            tol = 4 * math.sqrt(p * (1 - p) / reps) + 0.01
            if abs(a - b) >= tol:
                bad.append("%s %s: sna %g, coalmap %g (tolerance %g)" % (term, k, a, b, tol))
    for b in bad:
        print(b)
    return 1 if bad else 0


sys.exit(main())
