"""coalmap: map advocacy coalitions (docs/python.md).

A thin package over libcoalmap, the C engine of the coalmap program: the
same loader, the same analyses and the same numbers, as pandas DataFrames.

    import coalmap
    L = coalmap.load("datasets/education-coalition")
    L.metrics()                 # one row per org, indexed by id
    coalmap.describe("betweenness")

Supported: Python 3.9+ (Debian 12's 3.11), pandas >= 1.3 (Debian 12's
1.5), NumPy >= 1.20, NetworkX >= 2.6 (for from_networkx and to_networkx),
python-igraph >= 0.10 (for to_igraph).
"""
import os
import tempfile
import warnings

import numpy as np
import pandas as pd

try:  # installed: the extension sits in the package
    from . import _coalmap
except ImportError:  # the build tree: bindings/python/.libs on PYTHONPATH
    import _coalmap

__all__ = [
    "load", "from_pandas", "from_networkx", "describe", "set_time_limit", "Landscape",
    "Error", "UsageError", "DataError", "NoInputError", "OutputError",
    "TimeLimitError", "InternalError", "CoalmapWarning",
]


# ---- errors: one class per engine status, carrying its message and place

class Error(Exception):
    """A failure of coalmap: message, file, line, col as the CLI prints them,
    and diagnostics (the loader's errors and warnings, each a dict)."""

    exit_status = 70

    def __init__(self, message, code=None, file="", line=0, col=0, diags=None):
        super().__init__(message)
        self.message, self.code = message, code
        self.file, self.line, self.col = file or "", line or 0, col or 0
        self.diagnostics = [_diag(d) for d in (diags or [])]

    def __str__(self):
        errors = [d for d in self.diagnostics if d["severity"] == "error"]
        if errors:  # the loader's own lines, as the CLI prints them
            lines = [_diag_line(d) for d in errors]
            return "%d error%s:\n%s" % (len(errors), "" if len(errors) == 1 else "s", "\n".join(lines))
        return _place(self.file, self.line, self.col) + self.message


class UsageError(Error, ValueError):
    """A bad option or name (the CLI's exit 64): an unknown org, column or type."""
    exit_status = 64


class DataError(Error, ValueError):
    """Bad input data (exit 65): the file, line and what is wrong."""
    exit_status = 65


class NoInputError(Error, FileNotFoundError):
    """A landscape folder or file that is not there (exit 66)."""
    exit_status = 66


class OutputError(Error, OSError):
    """Output that cannot be written (exit 73)."""
    exit_status = 73


class TimeLimitError(Error):
    """The analysis reached its time limit."""


class InternalError(Error):
    """A bug or a library failure (exit 70)."""


class CoalmapWarning(UserWarning):
    """A warning of the loader (a self-tie dropped, a duplicate row merged)."""


_coalmap.set_error_classes({
    _coalmap.EUSAGE: UsageError, _coalmap.EDATA: DataError, _coalmap.ENOINPUT: NoInputError,
    _coalmap.EOUTPUT: OutputError, _coalmap.ETIMEOUT: TimeLimitError, _coalmap.EINTERNAL: InternalError,
})


def _place(file, line, col):
    if file and line and col:
        return "%s:%d:%d: " % (file, line, col)
    if file and line:
        return "%s:%d: " % (file, line)
    return "%s: " % file if file else ""


def _diag(t):
    if isinstance(t, dict):
        return t
    sev, file, line, col, message, hint, count = t
    return {"severity": sev, "file": file, "line": line, "col": col, "message": message,
            "hint": hint, "count": count}


def _diag_line(d):
    s = _place(d["file"], d["line"], d["col"]) + d["message"]
    if d["count"] > 1:
        s += " (%d times)" % d["count"]
    return s + ("; " + d["hint"] if d["hint"] else "")


# ---- tables: the engine's one result shape as a DataFrame

def _frame(table, index=None):
    """(title, columns) from the extension -> DataFrame.  Numbers arrive as
    bytearrays of int64 or float64 and become writable arrays over them,
    without a copy."""
    _, cols = table
    data = {}
    for name, kind, payload, nulls, _metric in cols:
        if kind == "int":
            values = np.frombuffer(payload, dtype=np.int64)
            if nulls is not None:
                values = pd.arrays.IntegerArray(values, np.frombuffer(nulls, dtype=np.bool_).copy())
        elif kind == "real":
            values = np.frombuffer(payload, dtype=np.float64)
        else:
            values = pd.array(payload, dtype=object)
        data[name] = values
    df = pd.DataFrame(data, copy=False)
    if index is not None and index in df.columns:
        df = df.set_index(index)
    return df


def set_time_limit(seconds):
    """Every later analysis stops with TimeLimitError once it has run this
    many seconds (the CLI's --time-limit; 0, the default: no limit)."""
    _coalmap.set_time_limit(seconds)


def describe(name=None):
    """The registry's entry for a metrics column: its label, definition,
    unit and the independent implementation it is checked against (a dict);
    without a name, every entry as a DataFrame indexed by column name."""
    if name is None:
        return pd.DataFrame(_coalmap.metric_info()).set_index("name")
    info = _coalmap.metric_info(name)
    if info is None:
        known = [m["name"] for m in _coalmap.metric_info()]
        near = _nearest(name, known)
        raise UsageError("no metric '%s'%s" % (name, "; did you mean '%s'?" % near if near else ""),
                         _coalmap.EUSAGE)
    return info


def _nearest(s, names):
    import difflib
    m = difflib.get_close_matches(s, names, n=1)
    return m[0] if m else None


# ---- loading

def load(path, format=None, sheet=None, schema=None, strict=False, name=None, anonymise=None,
         anonymise_drop=None, drop_columns=None, include_sensitive=False, key=None):
    """A Landscape from anything the CLI reads: a landscape folder
    (organizations.csv and relationships.csv), an edge list, a workbook,
    GraphML, GML, GEXF, Kumu, Pajek, UCINET DL, a matrix
    (docs/bring-your-data.md).  format names the reader instead of telling
    it from the content; sheet picks a workbook's sheet of ties; schema a
    schema file ("" for none); strict turns warnings into errors.  The
    sharing options of docs/sharing.md apply as the CLI's: anonymise
    ("all", "none" or "ATTR=V1,V2", or a list of them), anonymise_drop,
    drop_columns, include_sensitive, and key (the pseudonym key file: read
    when there, written, readable by its owner only, when new or extended).
    Warnings are issued as CoalmapWarning; errors raise DataError (file and
    line of each problem in .diagnostics), NoInputError, UsageError."""
    path = os.fspath(path)
    key = os.fspath(key) if key is not None else None
    handle, diags, new_key = _coalmap.open(
        path, format=format, sheet=sheet, schema=schema, strict=strict, anonymise=anonymise,
        anonymise_drop=anonymise_drop, drop_columns=drop_columns, include_sensitive=include_sensitive, key=key)
    if new_key is not None:
        _write_whole(key, new_key, private=True)
    for d in map(_diag, diags):
        if d["severity"] == "warning":
            warnings.warn(_diag_line(d), CoalmapWarning, stacklevel=2)
    return Landscape(handle, name if name is not None else _title(path))


def _title(path):
    """The folder's own name, or a file's without its extension (the CLI's
    default title)."""
    base = os.path.basename(os.path.normpath(os.path.abspath(path)))
    if not os.path.isdir(path):
        base = os.path.splitext(base)[0] or base
    return base


def from_pandas(orgs, ties, name="landscape", strict=False):
    """A Landscape from two DataFrames laid out as organizations.csv
    (an id column, or an index named id; name, type, ... and any attribute)
    and relationships.csv (source, target; type, weight, directed, ...).
    They go through the CLI's loader, so types are checked and problems
    reported as the CLI does; a DataError names the frame and the row."""
    from ._frames import landscape_from_frames
    return landscape_from_frames(orgs, ties, name, strict)


def from_networkx(G, name="landscape", strict=False):
    """A Landscape from a NetworkX graph: each node an org (its key the id,
    its attributes columns), each edge a tie (its attributes columns; a
    directed graph's edges directed, an undirected graph's mutual, unless
    an edge's own 'directed' says otherwise).  Multigraphs keep every
    edge.  Attribute values must be text, numbers, booleans or dates."""
    from ._frames import frames_from_networkx, landscape_from_frames
    orgs, ties = frames_from_networkx(G)
    return landscape_from_frames(orgs, ties, name, strict)


# ---- the landscape and its analyses

_FILTER = ("types", "at", "weighted", "threads", "samples", "exact", "epsilon", "delta", "certify", "sample_seed")


class Landscape:
    """A loaded landscape.  Every analysis takes the filter options of the
    CLI: types (tie types kept), at ("YYYY-MM-DD": ties that existed that
    day), weighted (path metrics use distance 1/weight), exact (never
    sample path metrics), samples, threads, sample_seed, and epsilon,
    delta and certify (betweenness within epsilon of its exact normalized
    value with probability 1 - delta; betweenness_bound() says what was
    promised; docs/statistics.md).  Each filter has one analysis
    context, so measures computed for metrics() are not computed again for
    power(), gaps() or map()."""

    def __init__(self, handle, name):
        self._h = handle
        self.name = name
        self._contexts = {}

    def __repr__(self):
        n, m = self._h.size()
        return "<coalmap.Landscape %r: %d organizations, %d ties>" % (self.name, n, m)

    @property
    def n_orgs(self):
        return self._h.size()[0]

    @property
    def n_ties(self):
        return self._h.size()[1]

    def _ctx(self, filt):
        bad = set(filt) - set(_FILTER)
        if bad:
            raise TypeError("unknown option%s: %s" % ("s" if len(bad) > 1 else "", ", ".join(sorted(bad))))
        if isinstance(filt.get("types"), str):
            filt["types"] = [filt["types"]]
        key = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(filt.items()))
        ctx = self._contexts.get(key)
        if ctx is None:
            ctx = self._contexts[key] = _coalmap.analysis(self._h, **filt)
        return ctx

    def _run(self, filt, method, *args, **kw):
        """One engine call on the context of filt; a context a Ctrl-C or the
        time limit cut short is dropped (the next call starts afresh)."""
        ctx = self._ctx(dict(filt))
        try:
            return getattr(ctx, method)(*args, **kw)
        except (KeyboardInterrupt, TimeLimitError):
            self._contexts = {k: v for k, v in self._contexts.items() if v is not ctx}
            raise

    def organizations(self):
        """The organizations as loaded: a DataFrame indexed by id, numbers typed."""
        orgs, _ = self._h.export()
        return _frame(orgs, index="id")

    def relationships(self):
        """The ties as loaded (self-ties dropped, exact duplicates merged)."""
        _, ties = self._h.export()
        return _frame(ties)

    def metrics(self, group_by=None, **filt):
        """The per-org metrics of `coalmap metrics` (SPEC.md; describe() for
        each column), indexed by id; with group_by, the Gould-Fernandez
        brokerage roles too.  Sampled estimates (over 20,000 orgs) come with
        betweenness_se and harmonic_se."""
        return _frame(self._run(filt, "metrics", group_by=group_by), index="id")

    def betweenness_bound(self, **filt):
        """What betweenness within a bound (epsilon=...) promised for the
        metrics of this filter: a dict of epsilon, delta, samples (random
        shortest paths drawn), cap, capped, top_k (certify) and
        certain_ranks (the ranks among the top_k that are certain); None
        without epsilon.  Computes the metrics when they are not yet."""
        if not filt.get("epsilon"):
            return None
        self._run(filt, "metrics")
        return self._run(filt, "bound")

    def power(self, group_by=None, targets=None, key_players=5, permutations=1000, seed=1, missing=None,
              resamples=100, missing_orgs=False, **filt):
        """The power briefing of `coalmap power` (docs/power.md): rows
        section, subject, measure, value, p_value, null_mean, null_low,
        null_high, reading; the p-values from `permutations` seeded label
        permutations, as the command's (docs/statistics.md; 0: none).
        missing (a share or a list, e.g. [0.1, 0.3]): after each key player
        and gatekeeper, a row per share (kpp_neg_kept:S, kpp_pos_kept:S,
        routes_kept:GROUP:S) with the share of `resamples` copies lacking
        that share of the ties (of the orgs with missing_orgs) that still
        list it, as `coalmap power --missing`."""
        return _frame(self._run(filt, "power", group_by=group_by, targets=targets, key_players=key_players,
                                permutations=permutations, seed=seed, missing=missing, resamples=resamples,
                                missing_orgs=missing_orgs))

    def robustness(self, missing, by="betweenness", top=10, resamples=100, orgs=False, seed=1, **filt):
        """How far the ranking by `by` holds when data are missing, as
        `coalmap metrics --missing` (docs/statistics.md, "Robustness of
        rankings"): for each share in missing (a share or a list),
        `resamples` copies lacking that share of the ties (of the orgs with
        orgs=True); one row per org of the observed top `top` and share:
        id, name, the measure, rank, missing, resamples, keeps_rank,
        in_top, rank_low, rank_high, reading."""
        return _frame(self._run(filt, "robustness", missing, by=by, top=top, resamples=resamples, orgs=orgs,
                                seed=seed))

    def inequality_curves(self, **filt):
        """The curves behind power()'s inequality figures, as the report
        draws them: rows chart ("lorenz": x the share of orgs, those with
        least first, y the share of the total they hold, for degree,
        betweenness, budget and funding_in; "degree_distribution": x a
        degree, y how many orgs have it), measure, label, x, y, reading
        (the Gini and top-10 % share, on a curve's first row)."""
        return _frame(self._run(filt, "inequality_curves"))

    def gaps(self, for_=None, role=None, for_group=None, group_by=None, targets=None, include_targets=False,
             weights=None, type=None, region=None, exclude_stance=None, need_skills=None, need_types=None,
             need_regions=None, top=10, **filt):
        """`coalmap gaps` (docs/gaps.md): with for_ (an org's id or name, or
        a list of them taken as one coalition) or for_group ("ATTR=VALUE"),
        its partners ranked per role (strategic, implementing,
        distribution, access, balanced with weights={component: w}, all);
        without, the gaps of the whole landscape.  What the data could not
        assess is in the frame's attrs["limits"]."""
        if isinstance(for_, (list, tuple)):
            for_ = ",".join(for_)
        table, limits = self._run(
            filt, "gaps", for_org=for_, for_group=for_group, group_by=group_by, role=role, top=top,
            include_targets=include_targets, weights=weights, targets=targets, type=type, region=region,
            exclude_stance=exclude_stance, need_skills=need_skills, need_types=need_types,
            need_regions=need_regions)
        df = _frame(table)
        df.attrs["limits"] = [s for s in limits.split("\n") if s]
        return df

    def path(self, a, b, k=3, **filt):
        """The k shortest, most trusted introduction chains from a to b
        (`coalmap path`): rows rank, length, trust, weight, ids, path.  No
        rows when no chain connects them."""
        table, known, pairs = self._run(filt, "path", a, b, k=k)
        df = _frame(table)
        df.attrs["trust_known"], df.attrs["trust_pairs"] = known, pairs
        return df

    def stakeholders(self, for_=None, targets=None, camps=False, top=20, **filt):
        """`coalmap stakeholders` (docs/stakeholders.md): influence and
        alignment per org, indexed by id; with camps=True the signed
        network's findings instead.  Notes on what the data leave out are
        in attrs["notes"]."""
        table, notes = self._run(filt, "stakeholders", focus=for_, targets=targets, camps=camps, top=top)
        df = _frame(table, index=None if camps else "id")
        df.attrs["notes"] = [s for s in notes.split("\n") if s]
        return df

    def check(self, **filt):
        """The summary of `coalmap check`: rows section, item, value."""
        return _frame(self._run(filt, "check"))

    def diff(self, other=None, at=None, group_by=None, top=10, **filt):
        """What changed (`coalmap diff`, docs/diff.md): from this landscape
        to other, or in this one between two days at=(DAY1, DAY2)."""
        if (other is None) == (at is None):
            raise UsageError("diff compares this landscape with other=, or on two days at=(DAY1, DAY2)",
                             _coalmap.EUSAGE)
        if other is not None:
            before, after = self._ctx(dict(filt)), other._ctx(dict(filt))
        else:
            if len(at) != 2:
                raise UsageError("at= is two days: (DAY1, DAY2)", _coalmap.EUSAGE)
            before, after = self._ctx(dict(filt, at=at[0])), self._ctx(dict(filt, at=at[1]))
        return _frame(before.diff(after, group_by=group_by, top=top))

    def map_svg(self, **opts):
        """The map of `coalmap map` as SVG text (docs/maps.md).  Options:
        layout, color_by, size_by, labels ("auto", "all", "none" or N),
        title, no_legend, ego and radius, aggregate, where (a dict or a
        list of (column, value)), highlight_gaps and gaps_top, and the
        filter options."""
        return self._render("svg", opts).decode("utf-8")

    def _repr_svg_(self):
        return self.map_svg()

    def map(self, path, format=None, **opts):
        """Draws the map into path, written whole or not at all; the format
        comes from its extension (.svg, .png, .pdf, .dot) unless given."""
        path = os.fspath(path)
        fmt = format or os.path.splitext(path)[1].lstrip(".").lower()
        if fmt not in ("svg", "png", "pdf", "dot"):
            raise UsageError("%s: a map is .svg, .png, .pdf or .dot (or format=)" % path, _coalmap.EUSAGE)
        _write_whole(path, self._render(fmt, opts))

    def _render(self, fmt, opts):
        filt = {k: opts.pop(k) for k in list(opts) if k in _FILTER}
        where = opts.pop("where", None)
        if isinstance(where, dict):
            where = list(where.items())
        opts.setdefault("name", self.name)
        data, _orgs, _aggregated, _limited, _suggested = self._run(filt, "map", format=fmt, where=where, **opts)
        return data

    def report(self, path, format=None, for_=None, group_by=None, targets=None, key_players=5, top=0,
               title=None, missing=0, resamples=100, **filt):
        """The report of `coalmap report` for people who do not run coalmap,
        as HTML (the map, the inequality curves and the stakeholders' grid
        inline) or Markdown (the figures beside it, as STEM-map.svg,
        STEM-inequality.svg and STEM-stakeholders.svg); the
        format comes from the extension (.html, .htm, .md) unless given.
        missing (a share, e.g. 0.1): how far its rankings hold with that
        share of the ties missing, as `coalmap report --missing`."""
        path = os.fspath(path)
        ext = os.path.splitext(path)[1]
        fmt = format or {".html": "html", ".htm": "html", ".md": "md"}.get(ext.lower())
        if fmt not in ("html", "md"):
            raise UsageError("%s: a report is .html, .htm or .md (or format=)" % path, _coalmap.EUSAGE)
        doc, figures = self._run(filt, "report", format=fmt, for_org=for_, group_by=group_by, targets=targets,
                                 key_players=key_players, top=top, title=title, name=self.name,
                                 path=path if fmt == "md" else None, missing=missing, resamples=resamples)
        for file, svg in figures:  # first: a report never points at a missing figure
            _write_whole(file, svg)
        _write_whole(path, doc)

    def to_networkx(self):
        """The landscape as a NetworkX graph: MultiGraph when every tie is
        mutual, else MultiDiGraph whose mutual ties are one edge each with
        directed=False.  Node and edge attributes are the columns."""
        import networkx as nx
        orgs, ties = self.organizations(), self.relationships()
        directed = bool(ties["directed"].eq("true").any()) if len(ties) else False
        G = nx.MultiDiGraph() if directed else nx.MultiGraph()
        for oid, row in zip(orgs.index, orgs.to_dict("records")):
            G.add_node(oid, **_clean(row))
        for row in ties.to_dict("records"):
            row = _clean(row)
            s, t = row.pop("source"), row.pop("target")
            row["directed"] = row.get("directed") == "true"
            G.add_edge(s, t, **row)
        return G

    def to_igraph(self):
        """The landscape as a python-igraph Graph (directed when any tie
        is): each vertex's "name" is the org's id (igraph's key), "label"
        the org's name, the other columns attributes; each edge has the
        tie's columns, directed a bool."""
        import igraph
        orgs, ties = self.organizations(), self.relationships()
        directed = bool(ties["directed"].eq("true").any()) if len(ties) else False
        index = {oid: i for i, oid in enumerate(orgs.index)}
        g = igraph.Graph(n=len(orgs), directed=directed)
        g.vs["name"] = list(orgs.index)
        for col in orgs.columns:  # igraph's "name" is the vertex's key: the org's name is its label
            g.vs["label" if col == "name" else col] = [_cell(v) for v in orgs[col]]
        g.add_edges([(index[s], index[t]) for s, t in zip(ties["source"], ties["target"])])
        for col in ties.columns:
            if col not in ("source", "target"):
                g.es[col] = [_cell(v) for v in ties[col]]
        if len(ties):
            g.es["directed"] = [v == "true" for v in ties["directed"]]
        return g


def _cell(v):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    return v.item() if isinstance(v, np.generic) else v


def _clean(row):
    return {k: c for k, c in ((k, _cell(v)) for k, v in row.items()) if c is not None}


def _write_whole(path, data, private=False):
    """data to path through a temporary file in the same folder, renamed
    into place: whole or not at all (readable by its owner only when
    private)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".coalmap-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask():
    m = os.umask(0)
    os.umask(m)
    return m
