#!/usr/bin/python3
"""Do two landscape folders hold the same landscape?  (coalmap convert tests)

Written from SPEC.md "Data format" only, reading both folders with Python's
csv module through nx_metrics.read_table (header names trimmed and
lower-cased, delimiter detected, BOM and blank lines handled).  The
comparison is semantic:

- orgs are matched by id; a missing `name` is the id; `issues` and `skills`
  are lists (items trimmed, empty items dropped); `stance` ignores case;
  empty cells and missing columns are the same thing;
- values that are numbers on both sides are compared as numbers (`5.80`
  equals `5.8`, `1e3` equals `1000`); other values as text;
- ties are a multiset of (source, target, type [default partnership],
  weight [default 1], direction [the `directed` column, else the type's
  default], trust, amount, start, end [bare years: 1 Jan / 31 Dec], every
  other column); self-ties are dropped and exact duplicate rows kept once;
- text that coalmap's CSV writer neutralised against formula injection
  (a leading apostrophe before = + - @ tab CR) in the SECOND folder is
  read back without the apostrophe.

usage: landscape_same.py A_DIR B_DIR     (exit 0 same, 1 different)
"""
import math
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nx_metrics import DIRECTED_TYPES, TRUE, FALSE, parse_date, read_table  # noqa: E402

LISTS = {"issues", "skills"}


def unneutralise(v, second):
    if second and len(v) > 1 and v[0] == "'" and v[1] in "=+-@\t\r":
        return v[1:]
    return v


def value(v):
    """A number when the text is one (finite), else the text."""
    try:
        x = float(v)
        if math.isfinite(x) and v.strip().lower() not in ("nan", "inf", "infinity"):
            return ("num", x)
    except ValueError:
        pass
    return ("text", v)


def norm_org(r, second):
    r = {k: unneutralise(v, second) for k, v in r.items() if k}
    out = {}
    for k, v in r.items():
        if k in LISTS:
            v = ";".join(i.strip() for i in v.split(";") if i.strip())
        if k == "stance":
            v = v.lower()
        if v == "":
            continue
        out[k] = ("text", v) if k in ("id", "name") else value(v)
    if "name" not in out:
        out["name"] = out["id"]
    return out


def norm_tie(r, second):
    r = {k: unneutralise(v, second) for k, v in r.items() if k}
    typ = (r.get("type") or "partnership").lower()
    d = (r.get("directed") or "").lower()
    directed = True if d in TRUE else False if d in FALSE else typ in DIRECTED_TYPES
    weight = float(r["weight"]) if r.get("weight") else 1.0
    start = str(parse_date(r["start"], False)) if r.get("start") else None
    end = str(parse_date(r["end"], True)) if r.get("end") else None
    rest = []
    for k, v in sorted(r.items()):
        if k in ("source", "target", "type", "directed", "weight", "start", "end") or v == "":
            continue
        rest.append((k, value(v)))
    return (r["source"], r["target"], typ, weight, directed, start, end, tuple(rest))


def load(d, second):
    orgs = {}
    for r in read_table(os.path.join(d, "organizations.csv")):
        o = norm_org(r, second)
        orgs[o["id"][1]] = o
    ties, seen = Counter(), set()
    for r in read_table(os.path.join(d, "relationships.csv")):
        key = tuple(sorted(r.items()))
        if key in seen:
            continue
        seen.add(key)
        if unneutralise(r["source"], second) == unneutralise(r["target"], second):
            continue
        ties[norm_tie(r, second)] += 1
    return orgs, ties


def main():
    a_orgs, a_ties = load(sys.argv[1], False)
    b_orgs, b_ties = load(sys.argv[2], True)
    problems = []
    for i in a_orgs.keys() - b_orgs.keys():
        problems.append(f"org {i!r} missing from {sys.argv[2]}")
    for i in b_orgs.keys() - a_orgs.keys():
        problems.append(f"org {i!r} not in {sys.argv[1]}")
    for i in a_orgs.keys() & b_orgs.keys():
        if a_orgs[i] != b_orgs[i]:
            problems.append(f"org {i!r}: {a_orgs[i]} != {b_orgs[i]}")
    for t in (a_ties - b_ties):
        problems.append(f"tie only in {sys.argv[1]}: {t}")
    for t in (b_ties - a_ties):
        problems.append(f"tie only in {sys.argv[2]}: {t}")
    for p in problems[:20]:
        print(p)
    print(f"{len(a_orgs)} orgs, {sum(a_ties.values())} ties; {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
