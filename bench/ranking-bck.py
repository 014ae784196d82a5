#!/usr/bin/env python3
"""The curves of docs/statistics.md, "Robustness of rankings": coalmap
metrics --missing on Erdos-Renyi graphs of 100 orgs (the design of
Borgatti, Carley and Krackhardt 2006) and on real landscapes, summarised as
their accuracy measures:

  top1     share of resamples in which the observed first org is still first
  top10    mean in_top of the observed top 10 (the expected share of the
           observed top 10 still in the top 10: their "top 10 %" overlap
           on 100 orgs)

usage: bench/ranking-bck.py [COALMAP] [LANDSCAPE...]
"""
import csv
import io
import os
import subprocess
import sys
import tempfile

import networkx as nx

SHARES = "0.1,0.2,0.3,0.5"
GRAPHS = 5  # per density


def curves(coalmap, folder, by, missing_orgs=False):
    cmd = [coalmap, "metrics", folder, "--missing", SHARES, "--by", by, "--top", "10", "--format", "csv"]
    if missing_orgs:
        cmd.append("--missing-orgs")
    rows = list(csv.DictReader(io.StringIO(subprocess.run(cmd, check=True, capture_output=True,
                                                          text=True).stdout)))
    out = {}
    for s in SHARES.split(","):
        rs = [r for r in rows if abs(float(r["missing"]) - float(s)) < 1e-12]
        first = [r for r in rs if r["rank"] == "1"][0]
        out[s] = (float(first["keeps_rank"]), sum(float(r["in_top"]) for r in rs) / len(rs))
    return out


def er_landscape(folder, n, p, seed):
    g = nx.gnp_random_graph(n, p, seed=seed)
    os.makedirs(folder, exist_ok=True)
    with open(f"{folder}/organizations.csv", "w", encoding="utf-8") as f:
        f.write("id\n" + "".join(f"o{v}\n" for v in g))
    with open(f"{folder}/relationships.csv", "w", encoding="utf-8") as f:
        f.write("source,target\n" + "".join(f"o{a},o{b}\n" for a, b in g.edges()))


def show(label, by, res):
    print(f"{label:28} {by:12} " + "  ".join(f"{res[s][0]:.2f}/{res[s][1]:.2f}" for s in SHARES.split(",")))


def main():
    coalmap = sys.argv[1] if len(sys.argv) > 1 else "cli/coalmap"
    print(f"{'network':28} {'measure':12} top1/top10 with " + ", ".join(SHARES.split(",")) + " of ties missing")
    with tempfile.TemporaryDirectory() as tmp:
        for p in (0.05, 0.1, 0.2, 0.3, 0.5):
            for by in ("betweenness", "degree"):
                acc = {s: [0.0, 0.0] for s in SHARES.split(",")}
                for k in range(GRAPHS):
                    d = f"{tmp}/er{p}-{k}"
                    er_landscape(d, 100, p, 1000 * k + int(p * 100))
                    for s, (t1, t10) in curves(coalmap, d, by).items():
                        acc[s][0] += t1 / GRAPHS
                        acc[s][1] += t10 / GRAPHS
                show(f"ER n=100 density {p}", by, acc)
    for folder in sys.argv[2:]:
        for by in ("betweenness", "degree"):
            show(os.path.basename(folder.rstrip("/")), by, curves(coalmap, folder, by))
        show(os.path.basename(folder.rstrip("/")) + " (orgs missing)", "betweenness",
             curves(coalmap, folder, "betweenness", True))


if __name__ == "__main__":
    main()
