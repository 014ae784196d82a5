"""Shared by the coalmap package's tests (run by tests/python.sh, which
sets COALMAP to the build's CLI and top_srcdir)."""
import csv
import io
import math
import os
import subprocess

import pandas as pd
import pytest

TOP = os.environ.get("top_srcdir") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
COALMAP = os.environ.get("COALMAP") or os.path.join(TOP, "cli", "coalmap")
EDU = os.path.join(TOP, "datasets", "education-coalition")


def cli_csv(*args):
    """The rows (header first) of the CLI's CSV output for args."""
    out = subprocess.run([COALMAP, *args, "--format", "csv", "--quiet"], check=True, capture_output=True,
                         text=True).stdout
    return list(csv.reader(io.StringIO(out)))


def _text(s):
    # the CSV writer neutralises spreadsheet formulas with a leading quote
    return "'" + s if s and s[0] in "=+-@\t\r" else s


def _cell(v, dtype):
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    if pd.api.types.is_integer_dtype(dtype):
        return str(int(v))
    if pd.api.types.is_float_dtype(dtype):
        return "%.12g" % v  # the CLI's 12 significant digits (cm_format_g)
    return _text(str(v))


def frame_rows(df):
    """df as the rows of the CLI's CSV: the index (if named) first, every
    number as the CLI writes it, so that equal rows mean equal to the last
    digit printed."""
    if df.index.name is not None:
        df = df.reset_index()
    rows = [list(df.columns)]
    dtypes = list(df.dtypes)
    for rec in df.itertuples(index=False, name=None):
        rows.append([_cell(v, t) for v, t in zip(rec, dtypes)])
    return rows


def assert_same(df, cli_rows):
    got = frame_rows(df)
    assert got[0] == cli_rows[0], "columns differ"
    assert len(got) == len(cli_rows), "%d rows, the CLI %d" % (len(got) - 1, len(cli_rows) - 1)
    for i, (a, b) in enumerate(zip(got[1:], cli_rows[1:])):
        assert a == b, "row %d differs:\n  python %s\n  cli    %s" % (i, a, b)


@pytest.fixture(scope="session")
def edu():
    import coalmap
    return coalmap.load(EDU)
