#!/usr/bin/python3
"""Compare coalmap's gaps / path output with the NetworkX reference.

usage: compare_gaps.py REF.csv OUT.csv --kind recs|landscape|path

REF.csv is written by nx_gaps.py (recs, landscape) or nx_path.py (path);
OUT.csv is coalmap's `--format csv` output (extra columns and any column
order allowed; a cell protected against formula injection with a leading '
is read without it).

  recs       the same ids in the same order (OUT may list only the top N of
             REF's rows: coalmap's default --top), where rows whose REF scores are
             within 1e-9 of each other form a group whose members may come
             in any order; every numeric column of REF within 1e-6 relative
             (+1e-9 absolute); risk flags equal as sets (only the flag word
             of each ';'-separated item counts: "conflict:x" is "conflict").
  landscape  the same keys (section, subject, measure), values within 1e-6
             relative (+1e-9 absolute); "u | v" subjects and best_bridge:A|B
             measures compare as unordered pairs; a key listed more than once
             (type `media` and skill `media` in coverage) is a multiset; a
             coverage subject may carry its list's name ("skill:media");
             summary rows with an empty subject (isolates count,
             articulation_points, bridges ...) must equal REF's row counts.
  path       the same paths in the same order (OUT's `ids` column when it has
             one, else `path`), rank and length equal, trust and weight
             within 1e-9 relative (+1e-12 absolute).

Exit 0 when everything agrees, 1 on any mismatch, 2 on malformed input
(unreadable file, missing column, duplicate id, different row counts).
"""
import argparse
import csv
import os
import re
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_common  # noqa: E402
import nx_metrics  # noqa: E402
from compare_common import unprotect  # noqa: E402

REL, ABS_FLOOR = 1e-6, 1e-9
PATH_REL, PATH_ABS = 1e-9, 1e-12
SCORE_TIE = 1e-9
LANDSCAPE_KEY = ("section", "subject", "measure")


def malformed(msg):
    compare_common.malformed("compare_gaps", msg)


def read(path, what, need):
    try:
        rows = nx_metrics.read_table(path)
        with open(path, encoding="utf-8-sig", newline="") as f:
            head = f.readline()
    except (OSError, UnicodeDecodeError) as e:
        malformed("%s: %s" % (what, e))
    if not head.strip():
        malformed("%s: empty file (no header)" % what)
    header = [h.strip().lower() for h in
              next(csv.reader([head], delimiter=nx_metrics.detect_delimiter(head)))]
    missing = [c for c in need if c not in header]
    if missing:
        malformed("%s: missing column(s) %s" % (what, ", ".join(missing)))
    return rows, header


def number(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def same(a, b, rel=REL, floor=ABS_FLOOR):
    """a: REF cell, b: OUT cell."""
    if "" in (a, b):
        return a == b
    x, y = number(a), number(b)
    if x is None or y is None:
        return a == b
    return abs(x - y) <= rel * max(abs(x), abs(y)) + floor


def flags(cell):
    """Risk flag words: 'conflict:apex; opposes' -> {'conflict', 'opposes'}."""
    out = set()
    for item in re.split(r"[;,]", unprotect(cell or "")):
        m = re.match(r"\s*([A-Za-z_]+)", item)
        if m:
            out.add(m.group(1).lower())
    return out


# ---------------------------------------------------------------- recs

def compare_recs(ref_path, out_path):
    ref, ref_cols = read(ref_path, "REF", ("id", "score", "risk"))
    out, _ = read(out_path, "OUT", [c for c in ref_cols])
    bad, notes = [], []
    for what, rows in (("REF", ref), ("OUT", out)):
        ids = [unprotect(r["id"]) for r in rows]
        if "" in ids:
            malformed("%s: a row has no id" % what)
        if len(set(ids)) != len(ids):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            malformed("%s: duplicate id(s) %s" % (what, ", ".join(dup)))
    ref_ids = [unprotect(r["id"]) for r in ref]
    out_ids = [unprotect(r["id"]) for r in out]
    ref_by = {unprotect(r["id"]): r for r in ref}
    out_by = {unprotect(r["id"]): r for r in out}
    n = min(len(ref), len(out))
    # groups of REF rows whose scores are within SCORE_TIE of the previous one
    i = 0
    while i < n:
        j = i + 1
        while j < len(ref) and abs(float(ref[j]["score"]) - float(ref[j - 1]["score"])) <= SCORE_TIE:
            j += 1
        want, got = set(ref_ids[i:j]), set(out_ids[i:min(j, n)])
        if j > n and got <= want:
            pass    # OUT (shorter: coalmap's --top) cuts this tied group
        elif j >= len(ref) and j - i > 1 and want != got:
            # the last group may have been cut by --top: other ids with the
            # same score may legitimately fill it
            s = float(ref[i]["score"])
            strange = [v for v in got - want
                       if number(out_by[v].get("score")) is None
                       or abs(number(out_by[v]["score"]) - s) > SCORE_TIE]
            if strange:
                bad.append("rows %d-%d: expected ids %s (score %s) got %s"
                           % (i + 1, j, sorted(want), ref[i]["score"], sorted(got)))
            else:
                notes.append("note: rows %d-%d: tied last group (cut by --top?) "
                             "holds other ids with the same score: %s"
                             % (i + 1, j, sorted(got - want)))
        elif want != got:
            if j - i == 1:
                bad.append("row %d: expected %s got %s"
                           % (i + 1, ref_ids[i], ", ".join(sorted(got))))
            else:
                bad.append("rows %d-%d (tied scores): expected ids %s got %s"
                           % (i + 1, j, sorted(want), sorted(got)))
        i = j
    # values: every REF id when OUT lists them all, else every OUT id (the
    # group check above has placed them)
    for v in ref_ids if len(out) >= len(ref) else [x for x in out_ids if x in ref_by]:
        if v not in out_by:
            bad.append("%s: missing from OUT" % v)
            continue
        r, o = ref_by[v], out_by[v]
        for c in ref_cols:
            if c == "id":
                continue
            if c == "risk":
                if flags(r[c]) != flags(o.get(c, "")):
                    bad.append("%s risk: expected {%s} got {%s}"
                               % (v, ",".join(sorted(flags(r[c]))),
                                  ",".join(sorted(flags(o.get(c, ""))))))
                continue
            if not same(r[c], o.get(c, "")):
                bad.append("%s %s: expected %s got %s"
                           % (v, c, r[c] or "<empty>", o.get(c) or "<empty>"))
    extra = [v for v in out_ids if v not in ref_by]
    bad += ["%s: not in REF" % v for v in extra]
    for line in notes + bad:
        print(line)
    print("%s: %d candidates%s, %d mismatch(es)"
          % ("FAIL" if bad else "OK", n,
             "" if n == len(ref) else " (the top %d of REF's %d)" % (n, len(ref)),
             len(bad)))
    if len(ref) < len(out):
        malformed("row count differs: REF %d, OUT %d (OUT ids not in REF: %s)"
                  % (len(ref), len(out), ", ".join(extra) or "none"))
    return 1 if bad else 0


# ---------------------------------------------------------------- landscape

def pair(s, sep):
    parts = [unprotect(p.strip()) for p in s.split(sep)]
    return sep.join(sorted(parts)) if len(parts) == 2 else s


def landscape_key(r):
    section, subject, measure = r["section"], unprotect(r["subject"]), r["measure"]
    if measure in ("ties_between", "bridge_cuts_off"):
        subject = pair(subject, " | ")
    if measure.startswith("best_bridge:"):
        measure = "best_bridge:" + pair(measure[len("best_bridge:"):].replace(" ", ""), "|")
    return (section, subject, measure)


def order(values):
    return sorted(values, key=lambda s: (s != "", number(s) if number(s) is not None else 0, s))


# Summary rows (empty subject) that coalmap adds and docs/gaps.md's table
# does not list: each must equal the number of REF rows with that measure.
SUMMARY = {("isolates", "count"): ("isolates", "isolate"),
           ("unreached", "count"): ("unreached", "component_size"),
           ("single_points", "articulation_points"): ("single_points", "cuts_off"),
           ("single_points", "bridges"): ("single_points", "bridge_cuts_off"),
           ("holes", "count"): ("holes", "ties_between")}
PREFIX = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:")


def compare_landscape(ref_path, out_path):
    tables = []
    for path, what in ((ref_path, "REF"), (out_path, "OUT")):
        rows, _ = read(path, what, LANDSCAPE_KEY + ("value",))
        t = {}
        for r in rows:
            t.setdefault(landscape_key(r), []).append(r["value"])
        tables.append(t)
    ref, out = tables
    show = lambda k: "|".join(k)  # noqa: E731
    bad, notes = [], []
    # coverage subjects may carry the list's name ("type:media",
    # "skill:media", "region:East"): strip it when the bare value is a REF
    # subject and the prefixed one is not
    ref_cov = {k[1] for k in ref if k[0] == "coverage"}
    merged = {}
    for key, vals in out.items():
        section, subject, measure = key
        if section == "coverage" and subject not in ref_cov and PREFIX.match(subject):
            bare = PREFIX.sub("", subject, count=1)
            if bare in ref_cov:
                key = (section, bare, measure)
        if subject == "" and (section, measure) in SUMMARY and key not in ref:
            counted = sum(len(v) for k, v in ref.items()
                          if (k[0], k[2]) == SUMMARY[section, measure])
            for v in vals:
                if number(v) != counted:
                    bad.append("%s: expected %d (REF rows) got %s" % (show(key), counted, v or "<empty>"))
            notes.append("note: summary row %s = %s checked against REF's row count"
                         % (show(key), " ".join(vals)))
            continue
        merged.setdefault(key, []).extend(vals)
    out = merged
    for key, vals in ref.items():
        if key not in out:
            bad.append("%s: missing from OUT (expected %s)"
                       % (show(key), " ".join(v or "<empty>" for v in vals)))
            continue
        got = out[key]
        if len(got) != len(vals):
            bad.append("%s: expected %d row(s) (%s) got %d (%s)"
                       % (show(key), len(vals), " ".join(vals), len(got), " ".join(got)))
            continue
        for e, g in zip(order(vals), order(got)):
            if not same(e, g):
                bad.append("%s: expected %s got %s" % (show(key), e or "<empty>", g or "<empty>"))
    for key, vals in out.items():
        if key not in ref:
            bad.append("%s: not in REF (got %s)" % (show(key), " ".join(v or "<empty>" for v in vals)))
    for line in notes + bad:
        print(line)
    print("%s: %d rows, %d mismatch(es)"
          % ("FAIL" if bad else "OK", sum(map(len, ref.values())), len(bad)))
    return 1 if bad else 0


# ---------------------------------------------------------------- path

def path_ids(cell):
    cell = unprotect(cell or "")
    for sep in (" > ", ">", ";", "|", ","):
        if sep in cell:
            return [unprotect(p.strip()) for p in cell.split(sep)]
    return [p for p in cell.split()] if cell.strip() else []


def compare_path(ref_path, out_path):
    ref, _ = read(ref_path, "REF", ("rank", "length", "trust", "weight", "path"))
    out, out_cols = read(out_path, "OUT", ("rank", "length", "trust", "weight", "path"))
    col = "ids" if "ids" in out_cols else "path"
    bad = []
    for i, (r, o) in enumerate(zip(ref, out), 1):
        want, got = path_ids(r["path"]), path_ids(o[col])
        if want != got:
            bad.append("row %d path: expected %s got %s" % (i, " > ".join(want), " > ".join(got)))
        for c in ("rank", "length"):
            if number(r[c]) != number(o[c]):
                bad.append("row %d %s: expected %s got %s" % (i, c, r[c], o[c] or "<empty>"))
        for c in ("trust", "weight"):
            if not same(r[c], o[c], PATH_REL, PATH_ABS):
                bad.append("row %d %s: expected %s got %s" % (i, c, r[c], o[c] or "<empty>"))
    for line in bad:
        print(line)
    print("%s: %d paths, %d mismatch(es)" % ("FAIL" if bad else "OK", len(ref), len(bad)))
    if len(ref) != len(out):
        for o in out[len(ref):]:
            print("extra in OUT: %s" % " > ".join(path_ids(o[col])))
        for r in ref[len(out):]:
            print("missing from OUT: %s" % r["path"])
        malformed("row count differs: REF %d, OUT %d" % (len(ref), len(out)))
    return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ref")
    ap.add_argument("out")
    ap.add_argument("--kind", required=True, choices=("recs", "landscape", "path"))
    a = ap.parse_args(argv)
    return {"recs": compare_recs, "landscape": compare_landscape,
            "path": compare_path}[a.kind](a.ref, a.out)


if __name__ == "__main__":
    sys.exit(main())
