"""Landscapes from data in memory: DataFrames and NetworkX graphs.

The frames are written as a landscape folder in the CLI's CSV layout (a
private temporary folder, removed after) and loaded by the engine's own
loader, so their values are checked, and problems reported, exactly as for
files; the messages then name the frame and its row instead of the
temporary file and line.
"""
import csv
import datetime
import numbers
import os
import re
import shutil
import tempfile

import numpy as np
import pandas as pd

from . import Error, DataError, Landscape, _coalmap, _diag, load

_FILES = (("organizations.csv", "orgs"), ("relationships.csv", "ties"))


def _bad(message, file=""):
    return DataError(message, _coalmap.EDATA, file)


def _cell_text(v, where):
    """One cell as the CSV text the loader reads; DataError for a value
    that is none of text, number, boolean, date or a list of text."""
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA or v is pd.NaT:
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, str):
        return v
    if isinstance(v, numbers.Integral):
        return str(int(v))
    if isinstance(v, numbers.Real):
        return repr(float(v))
    if isinstance(v, (datetime.date, pd.Timestamp)):
        return v.isoformat()[:10]
    if isinstance(v, (list, tuple, set, frozenset)) and all(isinstance(x, str) for x in v):
        return ";".join(sorted(v) if isinstance(v, (set, frozenset)) else v)
    raise _bad("%s is of type %s (%r); coalmap reads text, numbers, booleans, dates and lists of text"
               % (where[1], type(v).__name__, v), where[0])


def _frame_rows(df, what):
    """The header and rows of df as text, each cell checked."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("%s: a pandas DataFrame, not %s" % (what, type(df).__name__))
    cols = [str(c) for c in df.columns]
    if len(set(cols)) != len(cols):
        dup = sorted({c for c in cols if cols.count(c) > 1})
        raise _bad("%s DataFrame: column %s given twice" % (what, ", ".join(repr(c) for c in dup)), what)
    rows = []
    for i, rec in enumerate(df.itertuples(index=False, name=None)):
        rows.append([_cell_text(v, ("%s DataFrame" % what, "row %d, column '%s'" % (i, c)))
                     for v, c in zip(rec, cols)])
    return cols, rows


def _orgs_frame(orgs):
    """An index named id (pandas' usual place for a key) becomes the id
    column; otherwise the frame goes as it is, and the loader says what
    it lacks."""
    if isinstance(orgs, pd.DataFrame) and "id" not in orgs.columns and orgs.index.name == "id":
        orgs = orgs.reset_index()
    return orgs


def _write(path, cols, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)


def _row_of_line(path, line):
    """The data row (0-based) whose record starts on physical line `line`."""
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        start, row = 1, -1
        for _ in r:
            if start >= line:
                return row
            start, row = r.line_num + 1, row + 1
    return None


def _retarget(e, folder):
    """The error's files and lines as the frames' names and rows."""
    def where(file, line):
        for fname, what in _FILES:
            p = os.path.join(folder, fname)
            if file == p:
                row = _row_of_line(p, line) if line else None
                return "%s DataFrame" % what, (row if row is not None and row >= 0 else 0), row
        return file, line, None

    def msg(s, file=None):
        for fname, what in _FILES:
            s = s.replace(os.path.join(folder, fname), "%s DataFrame" % what)
        if file and file.startswith(folder + os.sep):  # "first on line 2": a row of the same frame
            s = re.sub(r"\bline (\d+)", lambda m: "row %s" % _row_of_line(file, int(m.group(1))), s)
        return s.replace(folder + os.sep, "")

    diags = []
    for d in e.diagnostics:
        d = dict(d)
        d["message"], d["hint"] = msg(d["message"], d["file"]), msg(d["hint"], d["file"])
        d["file"], d["line"], row = where(d["file"], d["line"])
        if row is not None and d["line"] is not None and row >= 0:
            d["file"], d["line"] = "%s row %d" % (d["file"], row), 0
        diags.append(d)
    message = msg(e.message, e.file)
    file, line, row = where(e.file, e.line)
    if row is not None and row >= 0:
        file, line = "%s row %d" % (file, row), 0
    return type(e)(message, e.code, file, line, 0 if row is not None else e.col, diags)


def landscape_from_frames(orgs, ties, name, strict):
    orgs = _orgs_frame(orgs)
    ocols, orows = _frame_rows(orgs, "orgs")
    tcols, trows = _frame_rows(ties, "ties")
    folder = tempfile.mkdtemp(prefix="coalmap-")
    try:
        _write(os.path.join(folder, "organizations.csv"), ocols, orows)
        _write(os.path.join(folder, "relationships.csv"), tcols, trows)
        try:
            L = load(folder, schema="", strict=strict, name=name)
        except Error as e:
            raise _retarget(e, folder) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return L


def _key_text(v, what):
    if isinstance(v, str):
        return v
    if isinstance(v, numbers.Integral) and not isinstance(v, bool):
        return str(int(v))
    raise _bad("%s %r: a node key must be text or a whole number to be an org id, not %s"
               % (what, v, type(v).__name__), "graph")


def frames_from_networkx(G):
    """(orgs, ties) DataFrames from a NetworkX graph; DataError naming the
    node or edge and attribute whose value coalmap cannot read."""
    nodes, edges = [], []
    for n, attrs in G.nodes(data=True):
        row = {"id": _key_text(n, "node")}
        for k, v in attrs.items():
            if k != "id":
                _cell_text(v, ("graph", "node %r attribute '%s'" % (n, k)))
                row[k] = v
        nodes.append(row)
    default_directed = G.is_directed()
    for e in (G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)):
        u, v, attrs = e[0], e[1], e[-1]
        row = {"source": _key_text(u, "node"), "target": _key_text(v, "node")}
        for k, val in attrs.items():
            if k not in ("source", "target"):
                _cell_text(val, ("graph", "edge (%r, %r) attribute '%s'" % (u, v, k)))
                row[k] = val
        row.setdefault("directed", default_directed)
        edges.append(row)
    orgs = pd.DataFrame(nodes, columns=_columns(nodes, ["id"]))
    ties = pd.DataFrame(edges, columns=_columns(edges, ["source", "target"]))
    return orgs, ties


def _columns(rows, first):
    cols = list(first)
    for r in rows:
        cols.extend(k for k in r if k not in cols)
    return cols
