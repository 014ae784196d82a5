"""Landscapes from memory give the same metrics as the same data from
files; bad input raises a clear exception naming the problem."""
import csv
import os

import networkx as nx
import pandas as pd
import pytest

import coalmap
from conftest import EDU, assert_same, cli_csv


def test_from_pandas_equals_files():
    orgs = pd.read_csv(os.path.join(EDU, "organizations.csv"), dtype=str, keep_default_na=False)
    ties = pd.read_csv(os.path.join(EDU, "relationships.csv"), dtype=str, keep_default_na=False)
    assert_same(coalmap.from_pandas(orgs, ties).metrics(), cli_csv("metrics", EDU))
    # typed frames (numbers as numbers, NaN for empty cells), ids as the index
    orgs = pd.read_csv(os.path.join(EDU, "organizations.csv")).set_index("id")
    ties = pd.read_csv(os.path.join(EDU, "relationships.csv"))
    L = coalmap.from_pandas(orgs, ties)
    assert_same(L.metrics(), cli_csv("metrics", EDU))
    assert_same(L.power(group_by="region"), cli_csv("power", EDU, "--group-by", "region"))


def _write_graph(G, folder):
    """G as a landscape folder, in NetworkX's own node and edge order,
    written here with the csv module (not by coalmap)."""
    os.makedirs(folder)
    with open(os.path.join(folder, "organizations.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "type"])
        for n, d in G.nodes(data=True):
            w.writerow([n, d.get("name", ""), d.get("type", "")])
    with open(os.path.join(folder, "relationships.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "type", "weight", "directed"])
        for u, v, d in G.edges(data=True):
            w.writerow([u, v, d.get("type", "partnership"), d.get("weight", 1),
                        "true" if G.is_directed() else "false"])


@pytest.mark.parametrize("directed", [False, True])
def test_from_networkx_equals_files(tmp_path, directed):
    G = nx.les_miserables_graph()
    G = nx.DiGraph(G) if directed else G
    for n in G.nodes:
        G.nodes[n]["name"], G.nodes[n]["type"] = n.upper(), "person"
    folder = str(tmp_path / "lm")
    _write_graph(G, folder)
    assert_same(coalmap.from_networkx(G).metrics(), cli_csv("metrics", folder))


def test_networkx_round_trip(edu):
    back = coalmap.from_networkx(edu.to_networkx()).metrics()
    pd.testing.assert_frame_equal(back, edu.metrics(), check_exact=False, rtol=1e-12)


def _raises(cls, pattern, f, *args, **kw):
    with pytest.raises(cls, match=pattern) as e:
        f(*args, **kw)
    return e.value


def test_bad_frames():
    ties = pd.DataFrame({"source": ["a"], "target": ["b"]})
    e = _raises(coalmap.DataError, "orgs DataFrame: missing required column 'id'", coalmap.from_pandas,
                pd.DataFrame({"name": ["a", "b"]}), ties)
    assert e.exit_status == 65 and e.diagnostics[0]["file"] == "orgs DataFrame"
    _raises(coalmap.DataError, r"orgs DataFrame row 2: duplicate org id 'a' \(first on row 0\)",
            coalmap.from_pandas, pd.DataFrame({"id": ["a", "b", "a"]}), ties)
    _raises(coalmap.DataError, "ties DataFrame row 1: unknown org 'c' in target", coalmap.from_pandas,
            pd.DataFrame({"id": ["a", "b"]}), pd.DataFrame({"source": ["a", "a"], "target": ["b", "c"]}))
    _raises(coalmap.DataError, "orgs DataFrame row 1: budget -2 must be at least 0", coalmap.from_pandas,
            pd.DataFrame({"id": ["a", "b"], "budget": [1, -2]}), ties)
    _raises(coalmap.DataError, "row 1, column 'x' is of type dict", coalmap.from_pandas,
            pd.DataFrame({"id": ["a", "b"], "x": ["1", {"k": 1}]}), ties)
    _raises(TypeError, "ties: a pandas DataFrame, not list", coalmap.from_pandas, pd.DataFrame({"id": ["a"]}), [])


def test_bad_graph():
    G = nx.MultiGraph()
    G.add_edge("a", "b", since={"year": 2001})
    G.add_edge("a", "b")
    _raises(coalmap.DataError, r"edge \('a', 'b'\) attribute 'since' is of type dict", coalmap.from_networkx, G)
    H = nx.Graph()
    H.add_node(("x", 1))
    _raises(coalmap.DataError, "node key must be text or a whole number", coalmap.from_networkx, H)
    M = nx.MultiGraph()
    M.add_edge("a", "b", type="funding", weight=2)
    M.add_edge("a", "b", type="partnership")
    assert coalmap.from_networkx(M).n_ties == 2  # a multigraph keeps every edge


def test_bad_paths_and_names(edu, tmp_path):
    e = _raises(coalmap.NoInputError, "no such file or folder", coalmap.load, str(tmp_path / "nowhere"))
    assert isinstance(e, FileNotFoundError) and e.exit_status == 66
    _raises(coalmap.UsageError, "did you mean 'cfpe'", edu.path, "glai", "cfpx")
    _raises(coalmap.UsageError, "no column 'regon'", edu.metrics, "regon")
    _raises(coalmap.UsageError, "did you mean 'funding'", edu.metrics, types=["fundng"])
    _raises(coalmap.UsageError, "not a date", edu.metrics, at="2020-13-01")
    _raises(TypeError, "unknown option: colour", edu.metrics, colour="red")


def test_data_error_lists_every_problem(tmp_path):
    land = tmp_path / "bad"
    land.mkdir()
    (land / "organizations.csv").write_text("id,budget\na,1\nb,x\nc,-1\n")
    (land / "relationships.csv").write_text("source,target\na,b\na,z\n")
    e = _raises(coalmap.DataError, "3 errors", coalmap.load, str(land))
    text = str(e)
    assert "organizations.csv:3:" in text and "organizations.csv:4:" in text and "relationships.csv:3:" in text


def test_warnings_are_python_warnings(tmp_path):
    land = tmp_path / "warn"
    land.mkdir()
    (land / "organizations.csv").write_text("id\na\nb\n")
    (land / "relationships.csv").write_text("source,target\na,b\na,a\n")
    with pytest.warns(coalmap.CoalmapWarning, match="relationships.csv:3"):
        L = coalmap.load(str(land))
    assert L.n_ties == 1
    with pytest.raises(coalmap.DataError):
        coalmap.load(str(land), strict=True)


def test_sharing_options_as_the_cli(tmp_path):
    import subprocess
    from conftest import COALMAP
    key = tmp_path / "key.csv"
    L = coalmap.load(EDU, anonymise="region=East Africa", drop_columns=["budget"], key=key)
    cli_key = tmp_path / "cli-key.csv"
    assert_same(L.metrics(), cli_csv("metrics", EDU, "--anonymise", "region=East Africa", "--drop-columns",
                                     "budget", "--key", str(cli_key)))
    assert key.read_bytes() == cli_key.read_bytes() and (key.stat().st_mode & 0o777) == 0o600
    assert "budget" not in L.organizations().columns
    # the key read back gives the same pseudonyms, and is not rewritten
    before = key.stat().st_mtime_ns
    again = coalmap.load(EDU, anonymise="all", key=key)
    assert_same(again.metrics(), cli_csv("metrics", EDU, "--anonymise", "all", "--key", str(cli_key)))
    assert key.read_bytes() == cli_key.read_bytes() and key.stat().st_mtime_ns >= before
    (tmp_path / "bad.csv").write_text("not,a,key\n1,2,3\n")
    _raises(coalmap.DataError, "bad.csv:1: not a key coalmap wrote", coalmap.load, EDU, anonymise="all",
            key=tmp_path / "bad.csv")
    assert subprocess.run([COALMAP, "check", EDU, "--anonymise", "all", "--key", str(tmp_path / "bad.csv")],
                          capture_output=True).returncode == 65
