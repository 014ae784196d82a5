"""Every analysis: the DataFrame equals the CLI's CSV on the same landscape
to the last digit the CLI prints."""
import os
import subprocess

import numpy as np
import pandas as pd
import pytest

import coalmap

from conftest import COALMAP, EDU, TOP, assert_same, cli_csv


def test_metrics_equal_cli(edu):
    df = edu.metrics()
    assert df.index.name == "id" and df.index[0] == "glai"
    assert df["degree"].dtype == np.int64 and df["betweenness"].dtype == np.float64
    assert_same(df, cli_csv("metrics", EDU))


def test_metrics_group_by_and_filters(edu):
    assert_same(edu.metrics(group_by="region"), cli_csv("metrics", EDU, "--group-by", "region"))
    assert_same(edu.metrics(types=["funding", "partnership"], weighted=True),
                cli_csv("metrics", EDU, "--types", "funding,partnership", "--weighted"))
    assert_same(edu.metrics(at="2018-06-30"), cli_csv("metrics", EDU, "--at", "2018-06-30"))


def test_metrics_sampled_equal_cli(tmp_path):
    # above 20,000 orgs path metrics are estimated: the standard errors come too
    land = str(tmp_path / "g")
    subprocess.run([COALMAP, "generate", "--orgs", "20100", "--ties", "40000", "--seed", "3", "-o", land],
                   check=True, capture_output=True)
    L = coalmap.load(land)
    df = L.metrics(samples=100)
    assert "betweenness_se" in df.columns
    assert_same(df, cli_csv("metrics", land, "--samples", "100"))


def test_metrics_bounded_equal_cli(edu):
    # betweenness within a bound: the same draws for the same seed, the
    # interval columns, and the promise the CLI states on stderr
    df = edu.metrics(epsilon=0.02, certify=3, sample_seed=5)
    assert {"betweenness_low", "betweenness_high"} <= set(df.columns)
    assert_same(df, cli_csv("metrics", EDU, "--epsilon", "0.02", "--certify", "3", "--sample-seed", "5"))
    b = edu.betweenness_bound(epsilon=0.02, certify=3, sample_seed=5)
    out = subprocess.run([COALMAP, "metrics", EDU, "--epsilon", "0.02", "--certify", "3", "--sample-seed", "5",
                          "--format", "csv"], check=True, capture_output=True, text=True)
    assert "estimated from %d random shortest paths" % b["samples"] in out.stderr
    assert b["epsilon"] == 0.02 and b["delta"] == 0.1 and b["top_k"] == 3 and 0 < b["samples"] <= b["cap"]
    assert edu.betweenness_bound() is None
    with pytest.raises(coalmap.UsageError):
        edu.metrics(epsilon=0.02, weighted=True)


def test_power_equal_cli(edu):
    assert_same(edu.power(), cli_csv("power", EDU))
    assert_same(edu.power(group_by="region", key_players=3), cli_csv("power", EDU, "--group-by", "region",
                                                                     "--key-players", "3"))
    # the permutation tests: the same draws for the same seed and count
    assert_same(edu.power(group_by="region", permutations=200, seed=7),
                cli_csv("power", EDU, "--group-by", "region", "--permutations", "200", "--seed", "7"))
    assert_same(edu.power(permutations=0), cli_csv("power", EDU, "--permutations", "0"))
    assert "p_value" not in edu.power(permutations=0).columns


def test_robustness_equal_cli(edu):
    # how far rankings hold with data missing: the same resamples for the same seed
    df = edu.robustness([0.1, 0.3], top=5, resamples=30)
    assert list(df.columns[:4]) == ["id", "name", "betweenness", "rank"] and df["id"].iloc[0] == "glai"
    assert_same(df, cli_csv("metrics", EDU, "--missing", "0.1,0.3", "--top", "5", "--resamples", "30"))
    assert_same(edu.robustness(0.2, by="pagerank", orgs=True, resamples=20, seed=4),
                cli_csv("metrics", EDU, "--missing", "0.2", "--by", "pagerank", "--missing-orgs",
                        "--resamples", "20", "--seed", "4"))
    assert_same(edu.power(group_by="region", missing=[0.1, 0.3], resamples=20, permutations=0),
                cli_csv("power", EDU, "--group-by", "region", "--missing", "0.1,0.3", "--resamples", "20",
                        "--permutations", "0"))
    with pytest.raises(coalmap.UsageError):
        edu.robustness(1.5)
    with pytest.raises(coalmap.UsageError):
        edu.power(missing=0.1, key_players=0)


def test_gaps_equal_cli(edu):
    assert_same(edu.gaps(), cli_csv("gaps", EDU))
    assert_same(edu.gaps(for_="glai"), cli_csv("gaps", EDU, "--for", "glai"))
    assert_same(edu.gaps(for_="glai", role="all", top=0), cli_csv("gaps", EDU, "--for", "glai", "--role", "all",
                                                                  "--top", "0"))
    assert_same(edu.gaps(for_=["glai", "cfpe"], weights={"fit": 2, "access": 3}, exclude_stance=["oppose"]),
                cli_csv("gaps", EDU, "--for", "glai,cfpe", "--weights", "fit=2,access=3", "--exclude-stance",
                        "oppose"))


def test_path_equal_cli(edu):
    df = edu.path("glai", "cfpe", k=5)
    assert len(df) == 5
    assert_same(df, cli_csv("path", EDU, "glai", "cfpe", "-k", "5"))


def test_stakeholders_equal_cli(edu):
    assert_same(edu.stakeholders(), cli_csv("stakeholders", EDU))
    assert_same(edu.stakeholders(for_="glai"), cli_csv("stakeholders", EDU, "--for", "glai"))
    assert_same(edu.stakeholders(camps=True), cli_csv("stakeholders", EDU, "--camps"))


def test_check_and_diff_equal_cli(edu, tmp_path):
    assert_same(edu.check(), cli_csv("check", EDU))
    assert_same(edu.diff(at=("2016-01-01", "2023-01-01")),
                cli_csv("diff", EDU, "--at", "2016-01-01", "--at", "2023-01-01"))
    # two landscapes: the dataset and a copy of it without its first 40 ties
    later = tmp_path / "later"
    later.mkdir()
    lines = open(os.path.join(EDU, "relationships.csv"), encoding="utf-8").read().split("\n")
    (later / "relationships.csv").write_text("\n".join(lines[:1] + lines[41:]), encoding="utf-8")
    (later / "organizations.csv").write_bytes(open(os.path.join(EDU, "organizations.csv"), "rb").read())
    assert_same(edu.diff(coalmap.load(later), group_by="region", top=0),
                cli_csv("diff", EDU, str(later), "--group-by", "region", "--top", "0"))


def test_map_and_report_equal_cli(edu, tmp_path):
    svg = tmp_path / "cli.svg"
    subprocess.run([COALMAP, "map", EDU, "-o", str(svg), "--quiet"], check=True)
    assert edu.map_svg() == svg.read_text()
    assert edu._repr_svg_().startswith("<?xml") or edu._repr_svg_().lstrip().startswith("<svg")
    edu.map(tmp_path / "py.png", color_by="region")
    subprocess.run([COALMAP, "map", EDU, "-o", str(tmp_path / "cli.png"), "--color-by", "region", "--quiet"],
                   check=True)
    assert (tmp_path / "py.png").read_bytes() == (tmp_path / "cli.png").read_bytes()
    edu.report(tmp_path / "py.md", for_="glai")
    subprocess.run([COALMAP, "report", EDU, "-o", str(tmp_path / "cli.md"), "--for", "glai", "--quiet"],
                   check=True)
    figures = ("-map.svg", "-inequality.svg", "-trend.svg", "-stakeholders.svg")
    cli_md = (tmp_path / "cli.md").read_text()
    for figure in figures:
        assert "](cli%s)" % figure in cli_md
        cli_md = cli_md.replace("cli" + figure, "py" + figure)
    assert (tmp_path / "py.md").read_text() == cli_md
    for figure in figures:  # the map, the power part's curves, the trend lines and the stakeholders' grid
        assert (tmp_path / ("py" + figure)).read_bytes() == (tmp_path / ("cli" + figure)).read_bytes()
    edu.report(tmp_path / "py.html")
    subprocess.run([COALMAP, "report", EDU, "-o", str(tmp_path / "cli.html"), "--quiet"], check=True)
    assert (tmp_path / "py.html").read_bytes() == (tmp_path / "cli.html").read_bytes()


def test_describe_is_the_registry():
    b = coalmap.describe("betweenness")
    assert b["unit"] == "paths" and "networkx" in b["reference"] and b["definition"]
    every = coalmap.describe()
    assert list(every.index[:4]) == ["id", "name", "type", "degree"]
    with pytest.raises(coalmap.UsageError, match="did you mean 'betweenness'"):
        coalmap.describe("betweeness")


def test_to_networkx_and_igraph(edu):
    G = edu.to_networkx()
    assert G.number_of_nodes() == edu.n_orgs and G.number_of_edges() == edu.n_ties
    assert G.nodes["glai"]["name"] == "Global Learning Alliance International"
    igraph = pytest.importorskip("igraph")
    g = edu.to_igraph()
    assert isinstance(g, igraph.Graph) and g.vcount() == edu.n_orgs and g.ecount() == edu.n_ties
    assert g.vs[0]["name"] == "glai"


def test_frames_are_ordinary(edu):
    # the arrays over the engine's numbers are the frame's own: writable
    p = edu.path("glai", "cfpe")
    p.loc[0, "length"] = 9
    p.loc[0, "trust"] = 0.5
    assert p.loc[0, "length"] == 9 and p.loc[0, "trust"] == 0.5
    m = edu.metrics()
    m.loc["glai", "degree"] = 0
    assert edu.metrics().loc["glai", "degree"] == 34  # a copy each time: the context is not changed


@pytest.mark.parametrize("land", [EDU, os.path.join(TOP, "datasets", "florentine")])
def test_inequality_curves_equal_networkx(land, tmp_path):
    # the Lorenz points and the degree distribution against tests/reference/nx_power.py,
    # which computes degree and betweenness with NetworkX and the curves with fractions
    ref = tmp_path / "curves.csv"
    subprocess.run(["/usr/bin/python3", os.path.join(TOP, "tests", "reference", "nx_power.py"), land,
                    "--curves", str(ref)], check=True)
    want = pd.read_csv(ref)
    got = coalmap.load(land).inequality_curves()
    assert list(got.columns) == ["chart", "measure", "label", "x", "y", "reading"]
    assert len(got) == len(want) and len(got) > 20
    assert list(got["chart"]) == list(want["chart"]) and list(got["measure"]) == list(want["measure"])
    np.testing.assert_allclose(got["x"], want["x"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(got["y"], want["y"], rtol=0, atol=1e-9)
    # the reading on each curve's first row gives the power report's Gini
    power = coalmap.load(land).power(permutations=0).set_index("measure")["value"]
    first = got[got["reading"].notna()]
    for _, row in first[first["chart"] == "lorenz"].iterrows():
        assert row["reading"].startswith("Gini %.2f;" % power["gini_" + row["measure"]])
