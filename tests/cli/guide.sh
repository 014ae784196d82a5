#!/bin/sh
# The worked examples of docs/bring-your-data.md, as the guide writes them
# (issue 15 item 8): each example's file is taken from the guide's own
# code block or table, its commands are the guide's shell block run as
# shown (with `coalmap` this build), the notes the guide shows must appear
# word for word, and what coalmap made of the data is checked against an
# independent reading of the same file (NetworkX, pandas, openpyxl's
# cells, Python's json and ElementTree, or the rule the guide states,
# worked out by hand next to the check).
. "$(dirname "$0")/lib.sh"
graphviz_leaks

if ! "$PYTHON3" -c 'import openpyxl, networkx, pandas' 2>/dev/null; then
	echo "openpyxl, networkx or pandas missing"
	exit 77
fi
GUIDE="$top_srcdir/docs/bring-your-data.md"
H="$tmp/guide.py"
cat >"$H" <<'PY'
"""Pieces of the guide: guide.py GUIDE block|table SECTION K [OUT]."""
import csv
import re
import sys


def sections(path):
    """heading -> list of ('code', lang, text) and ('table', rows)."""
    out, head, lines = {}, None, open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("#"):
            head = ln.lstrip("#").strip()
            out.setdefault(head, [])
        elif ln.startswith("```"):
            lang, body = ln[3:].strip(), []
            i += 1
            while not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            out[head].append(("code", lang, "\n".join(body) + "\n"))
        elif ln.startswith("| sheet `"):
            name = re.match(r"\| sheet `([^`]*)`", ln).group(1)
            rows = []
            i += 2  # the separator
            while i < len(lines) and lines[i].startswith("|"):
                cells = re.split(r"(?<!\\)\|", lines[i].strip())[1:-1]
                rows.append([c.strip().replace("\\|", "|").strip("*")
                             for c in cells])
                i += 1
            out[head].append(("table", name, rows))
            continue
        i += 1
    return out


def main():
    guide, what, sec, k = sys.argv[1:5]
    items = [x for x in sections(guide)[sec] if x[0] == ("code" if what == "block" else "table")]
    item = items[int(k) - 1]
    if what == "block":
        sys.stdout.write(item[2])
    else:  # table: its sheet name, then the rows as CSV
        print(item[1])
        csv.writer(sys.stdout, lineterminator="\n").writerows(item[2])


main()
PY
# block SECTION K: the K-th code block under the heading SECTION
block() { "$PYTHON3" "$H" "$GUIDE" block "$1" "$2"; }
# table SECTION K: the K-th "sheet" table under SECTION: its name, then CSV
table() { "$PYTHON3" "$H" "$GUIDE" table "$1" "$2"; }
# runsh DIR SECTION K: runs the K-th code block of SECTION in DIR, as a
# shell script in which `coalmap` is this build; $out, $err, $rc as run's
runsh() {
	{
		echo 'coalmap() { "$COALMAP" "$@"; }'
		echo 'set -e'
		block "$2" "$3"
	} >"$tmp/cmd.sh"
	(cd "$1" && COALMAP="$COALMAP" sh "$tmp/cmd.sh") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
	checks=$((checks + 1))
	[ "$rc" -eq 0 ] || fail "$2, block $3: exit $rc: $err"
}
# notes SECTION K: the lines of that block appear together, in that order,
# in the standard error of the last runsh
notes() {
	block "$1" "$2" >"$tmp/want"
	checks=$((checks + 1))
	"$PYTHON3" - "$tmp/want" "$tmp/err" <<'PY' || fail "$1: the notes shown are not what coalmap says: $err"
import sys
want = open(sys.argv[1]).read().splitlines()
got = open(sys.argv[2]).read().splitlines()
sys.exit(0 if any(got[i:i + len(want)] == want for i in range(len(got))) else 1)
PY
}
# py DESCRIPTION: runs the Python on stdin with the remaining arguments
py() {
	what=$1
	shift
	checks=$((checks + 1))
	"$PYTHON3" - "$@" || fail "$what"
}

# ---- A list of ties ------------------------------------------------------
S="A list of ties: a spreadsheet, R or NetworkX"
D="$tmp/edges"
mkdir -p "$D/survey"
block "$S" 1 >"$D/ties.csv"
cp "$D/ties.csv" "$D/survey/relationships.csv"
runsh "$D" "$S" 2
notes "$S" 3
"$COALMAP" metrics "$D/ties.csv" --format csv >"$D/m.csv" 2>/dev/null
"$COALMAP" metrics "$D/survey" --format csv >"$D/s.csv" 2>/dev/null
py "edge list: degrees and strengths differ from NetworkX's" "$D" <<'PY'
import csv, sys
import networkx as nx
d = sys.argv[1]
g = nx.Graph()
for r in csv.DictReader(open(d + "/ties.csv")):
    g.add_edge(r["from"], r["to"], weight=float(r["weight"]))
for f in ("m.csv", "s.csv"):
    rows = list(csv.DictReader(open(d + "/" + f)))
    assert sorted(r["id"] for r in rows) == sorted(g), rows
    for r in rows:
        assert int(r["degree"]) == g.degree(r["id"])
        assert float(r["strength"]) == g.degree(r["id"], weight="weight")
PY
# the guide's NetworkX line, as written, on the same graph
line='nx.to_pandas_edgelist(G).to_csv("ties.csv", index=False)'
checks=$((checks + 1))
grep -qF "\`$line\`" "$GUIDE" || fail "the guide no longer gives the NetworkX line tested here"
mkdir "$D/nx"
(cd "$D/nx" && "$PYTHON3" -c "
import csv
import networkx as nx
G = nx.Graph()
for r in csv.DictReader(open('../ties.csv')):
    G.add_edge(r['from'], r['to'], weight=float(r['weight']))
$line")
"$COALMAP" metrics "$D/nx/ties.csv" --format csv >"$D/n.csv" 2>"$tmp/err"
checks=$((checks + 1))
cmp -s "$D/m.csv" "$D/n.csv" || fail "NetworkX's edge list reads differently: $(cat "$tmp/err")"

# ---- Excel, LibreOffice, Google Sheets -----------------------------------
S="Excel, LibreOffice, Google Sheets"
D="$tmp/excel"
mkdir -p "$D"
table "$S" 1 >"$D/t1"
table "$S" 2 >"$D/t2"
py "excel: the workbook could not be written" "$D" <<'PY'
import csv, datetime, re, sys
import openpyxl
d = sys.argv[1]
wb = openpyxl.Workbook()
wb.remove(wb.active)
for t in ("t1", "t2"):
    lines = open("%s/%s" % (d, t)).read().splitlines()
    ws = wb.create_sheet(lines[0])
    for row in csv.reader(lines[1:]):
        ws.append([datetime.date.fromisoformat(v) if re.fullmatch(r"\d{4}-\d\d-\d\d", v)
                   else v for v in row])
wb.save(d + "/coalition.xlsx")
PY
runsh "$D" "$S" 1
notes "$S" 2
py "excel: the converted landscape is not the guide's tables" "$D" <<'PY'
import csv, sys
d = sys.argv[1]
for t, f in (("t1", "organizations.csv"), ("t2", "relationships.csv")):
    want = list(csv.reader(open("%s/%s" % (d, t)).read().splitlines()[1:]))
    got = list(csv.DictReader(open("%s/coalition/%s" % (d, f))))
    assert [[r[c] for c in want[0]] for r in got] == want[1:], (got, want)
PY

# ---- Kumu ----------------------------------------------------------------
S="Kumu"
D="$tmp/kumu"
mkdir -p "$D"
table "$S" 1 >"$D/t1"
table "$S" 2 >"$D/t2"
py "kumu: the workbook could not be written" "$D" <<'PY'
import csv, sys
import openpyxl
d = sys.argv[1]
wb = openpyxl.Workbook()
wb.remove(wb.active)
for t in ("t1", "t2"):
    lines = open("%s/%s" % (d, t)).read().splitlines()
    ws = wb.create_sheet(lines[0])
    for row in csv.reader(lines[1:]):
        ws.append([int(v) if v.isdigit() else v or None for v in row])
wb.save(d + "/project.xlsx")
PY
runsh "$D" "$S" 1
# The guide: Label is the id and the name, Type the type, Tags one text
# value, other fields columns; From/To name elements, Direction directed.
py "kumu workbook: not what the guide says it gives" "$D" <<'PY'
import csv, sys
d = sys.argv[1]
el = list(csv.DictReader(open(d + "/t1").read().splitlines()[1:]))
co = list(csv.DictReader(open(d + "/t2").read().splitlines()[1:]))
orgs = list(csv.DictReader(open(d + "/project/organizations.csv")))
ties = list(csv.DictReader(open(d + "/project/relationships.csv")))
assert [(o["id"], o["name"], o["type"], o["Tags"], o["Staff"]) for o in orgs] == \
    [(e["Label"], e["Label"], e["Type"], e["Tags"], e["Staff"]) for e in el], orgs
assert orgs[0]["Tags"] == "air|health" and orgs[0]["Staff"] == "12"
assert [(t["source"], t["target"], t["type"], t["directed"], t["Strength"]) for t in ties] == \
    [(c["From"], c["To"], c["Type"], "true", c["Strength"]) for c in co], ties
PY
block "$S" 2 >"$D/clean-air.json"
runsh "$D" "$S" 3
py "kumu json: not what the guide's rules give" "$D" <<'PY'
import csv, json, sys
d = sys.argv[1]
p = json.load(open(d + "/clean-air.json"))
pos = {e["element"]: e["position"] for e in p["maps"][0]["elements"]}
label = {e["_id"]: e["attributes"]["label"] for e in p["elements"]}
orgs = list(csv.DictReader(open(d + "/clean-air/organizations.csv")))
assert [o["id"] for o in orgs] == [label[e["_id"]] for e in p["elements"]]
for o, e in zip(orgs, p["elements"]):
    a = e["attributes"]
    assert o["name"] == a["label"] and o["type"] == a["element type"]
    assert o["Tags"] == "|".join(a.get("tags", []))
    assert o["Budget Size"] == ("%g" % a["budget size"] if "budget size" in a else "")
    xy = pos.get(e["_id"])
    assert (o["kumu_x"], o["kumu_y"]) == (("%g" % xy["x"], "%g" % xy["y"]) if xy else ("", ""))
ties = list(csv.DictReader(open(d + "/clean-air/relationships.csv")))
assert [(t["source"], t["target"], t["type"], t["directed"]) for t in ties] == \
    [(label[c["from"]], label[c["to"]], c["attributes"]["connection type"],
      "true" if c["direction"] == "directed" else "false") for c in p["connections"]], ties
PY

# ---- Gephi: a GEXF file --------------------------------------------------
S="A GEXF file"
D="$tmp/gexf"
mkdir -p "$D"
block "$S" 1 >"$D/network.gexf"
runsh "$D" "$S" 2
checks=$((checks + 1))
[ -s "$D/report.html" ] || fail "gexf: no report"
# NetworkX 2.8 reads GEXF 1.1 and 1.2 only: the guide's 1.3 file is read
# with ElementTree, by the rules the guide states
py "gexf: not the guide's reading of its file" "$D" <<'PY'
import csv, sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
G, V = "{http://gexf.net/1.3}", "{http://gexf.net/1.3/viz}"
root = ET.parse(d + "/network.gexf").getroot()
graph = root.find(G + "graph")
title = {a.get("id"): a.get("title") for a in graph.iter(G + "attribute")}
orgs = list(csv.DictReader(open(d + "/my-landscape/organizations.csv")))
nodes = list(graph.iter(G + "node"))
assert [o["id"] for o in orgs] == [n.get("id") for n in nodes]
for o, n in zip(orgs, nodes):
    assert o["name"] == n.get("label")
    vals = {title[v.get("for")]: v.get("value") for v in n.iter(G + "attvalue")}
    for t in title.values():
        assert o[t] == vals.get(t, ""), (o, t)
    c, p, z = n.find(V + "color"), n.find(V + "position"), n.find(V + "size")
    assert o["viz_color"] == ("#%02x%02x%02x" % tuple(int(c.get(k)) for k in "rgb") if c is not None else "")
    assert (o["viz_x"], o["viz_y"]) == (("%g" % float(p.get("x")), "%g" % float(p.get("y")))
                                        if p is not None else ("", ""))
    assert o["viz_size"] == ("%g" % float(z.get("value")) if z is not None else "")
# the edges: type (else the default) gives direction, weight 1 by default
default = graph.get("defaultedgetype")
want = [(e.get("source"), e.get("target"),
         "true" if e.get("type", default) == "directed" else "false",
         float(e.get("weight", "1")), e.get("label", ""))
        for e in graph.iter(G + "edge")]
got = [(t["source"], t["target"], t["directed"], float(t["weight"]), t["label"])
       for t in csv.DictReader(open(d + "/my-landscape/relationships.csv"))]
assert got == want, (got, want)
PY

# the guide's NetworkX line, as written, on a graph of the same shape
line='nx.write_gexf(G, "network.gexf")'
checks=$((checks + 1))
grep -qF "\`$line\`" "$GUIDE" || fail "the guide no longer gives the write_gexf line tested here"
mkdir "$D/nx"
(cd "$D/nx" && "$PYTHON3" -c "
import networkx as nx
G = nx.DiGraph()
G.add_node('n1', label='Clean Water Alliance', sector='ngo', staff=12)
G.add_node('n2', label='Ministry of Water')
G.add_edge('n1', 'n2', weight=2.0)
$line")
"$COALMAP" convert "$D/nx/network.gexf" "$D/nx/out" 2>"$tmp/err"
py "gexf from NetworkX: not what NetworkX wrote" "$D/nx" <<'PY'
import csv, sys
import networkx as nx
d = sys.argv[1]
g = nx.read_gexf(d + "/network.gexf")
orgs = list(csv.DictReader(open(d + "/out/organizations.csv")))
assert [(o["id"], o["name"], o["sector"], o["staff"]) for o in orgs] == \
    [(v, a["label"], a.get("sector", ""), str(a.get("staff", ""))) for v, a in g.nodes(data=True)], orgs
ties = [(t["source"], t["target"], float(t["weight"]), t["directed"])
        for t in csv.DictReader(open(d + "/out/relationships.csv"))]
assert ties == [(u, v, w, "true") for u, v, w in g.edges(data="weight")], ties
PY

# ---- Gephi's CSV tables --------------------------------------------------
S="Gephi's CSV tables"
D="$tmp/gephi"
mkdir -p "$D/gephi"
block "$S" 1 >"$D/gephi/organizations.csv"
block "$S" 2 >"$D/gephi/relationships.csv"
runsh "$D" "$S" 3
notes "$S" 4
"$COALMAP" metrics "$D/gephi" --format csv >"$D/m.csv" 2>/dev/null
# Directed: one arc; Undirected: both ways (the guide: out 2, in 1 for n1)
py "gephi tables: degrees differ from the Type column's directions" "$D" <<'PY'
import csv, sys
import networkx as nx
d = sys.argv[1]
g = nx.DiGraph()
names = {r["Id"]: r["Label"] for r in csv.DictReader(open(d + "/gephi/organizations.csv"))}
g.add_nodes_from(names)
for r in csv.DictReader(open(d + "/gephi/relationships.csv")):
    g.add_edge(r["Source"], r["Target"])
    if r["Type"] == "Undirected":
        g.add_edge(r["Target"], r["Source"])
rows = list(csv.DictReader(open(d + "/m.csv")))
assert [r["id"] for r in rows] == list(names)
for r in rows:
    assert r["name"] == names[r["id"]]
    assert (int(r["in_degree"]), int(r["out_degree"])) == (g.in_degree(r["id"]), g.out_degree(r["id"])), r
assert (g.out_degree("n1"), g.in_degree("n1")) == (2, 1)
PY

# ---- A survey matrix -----------------------------------------------------
S="A survey matrix"
D="$tmp/matrix"
mkdir -p "$D/survey"
block "$S" 1 >"$D/advice.csv"
runsh "$D" "$S" 2
"$COALMAP" convert "$D/advice.csv" "$D/advice" 2>/dev/null
# pandas reads the matrix; NetworkX makes it a directed graph (not
# symmetric: row -> column), each cell the weight; the type is the name
py "survey matrix: ties differ from pandas and NetworkX's reading" "$D" <<'PY'
import csv, sys
import networkx as nx
import pandas as pd
d = sys.argv[1]
m = pd.read_csv(d + "/advice.csv", index_col=0)
assert not (m.values == m.values.T).all()
g = nx.from_pandas_adjacency(m, create_using=nx.DiGraph)
want = sorted((u, v, "advice", float(w), "true") for u, v, w in g.edges(data="weight"))
got = sorted((t["source"], t["target"], t["type"], float(t["weight"]), t["directed"])
             for t in csv.DictReader(open(d + "/advice/relationships.csv")))
assert got == want, (got, want)
PY
# the folder of three questions: advice as above, friendship symmetric,
# information one-way, each written by pandas as the guide says
cp "$D/advice.csv" "$D/survey/advice.csv"
"$PYTHON3" - "$D/survey" <<'PY'
import sys
import networkx as nx
f = nx.Graph([("Ada", "Bo"), ("Cy", "Dee")])
f.add_nodes_from(["Ada", "Bo", "Cy", "Dee"])
nx.to_pandas_adjacency(f, nodelist=["Ada", "Bo", "Cy", "Dee"]).to_csv(sys.argv[1] + "/friendship.csv")
i = nx.DiGraph([("Bo", "Dee")])
i.add_nodes_from(["Ada", "Bo", "Cy", "Dee"])
nx.to_pandas_adjacency(i, nodelist=["Ada", "Bo", "Cy", "Dee"]).to_csv(sys.argv[1] + "/information.csv")
PY
runsh "$D" "$S" 3
checks=$((checks + 1))
[ "$out" = "advice.csv  friendship.csv  information.csv" ] || [ "$(echo $out)" = "advice.csv friendship.csv information.csv" ] ||
	fail "survey: ls shows '$out'"
checks=$((checks + 1))
[ -s "$D/advice.svg" ] || fail "survey: no advice.svg"
"$COALMAP" convert "$D/survey" "$D/survey-csv" 2>/dev/null
py "survey folder: one tie type per file, friendship mutual" "$D" <<'PY'
import csv, sys
d = sys.argv[1]
ties = list(csv.DictReader(open(d + "/survey-csv/relationships.csv")))
by = {}
for t in ties:
    by.setdefault(t["type"], []).append((t["source"], t["target"], t["directed"]))
assert sorted(by) == ["advice", "friendship", "information"], sorted(by)
assert len(by["advice"]) == 5 and all(x[2] == "true" for x in by["advice"])
assert sorted(tuple(sorted(x[:2])) + (x[2],) for x in by["friendship"]) == \
    [("Ada", "Bo", "false"), ("Cy", "Dee", "false")], by["friendship"]
assert by["information"] == [("Bo", "Dee", "true")], by["information"]
PY

# ---- Pajek ---------------------------------------------------------------
S="Pajek"
D="$tmp/pajek"
mkdir -p "$D"
block "$S" 1 >"$D/network.net"
runsh "$D" "$S" 2
expect_err "network.net:11: note: 1 tie with a zero or negative value: kept with weight 1, the value in column pajek_value" "pajek: the note"
# NetworkX's read_pajek for the vertices and the pairs; the guide's table
# for the rest: *Arcs directed, *Edges mutual, -1 -> pajek_value, weight 1
py "pajek: not NetworkX's reading with the guide's table" "$D" <<'PY'
import csv, sys
import networkx as nx
d = sys.argv[1]
g = nx.read_pajek(d + "/network.net")
orgs = list(csv.DictReader(open(d + "/my-landscape/organizations.csv")))
assert [o["id"] for o in orgs] == list(g.nodes) == ["Red Cross", "Oxfam", "WWF", "Amnesty"]
for o in orgs:
    a = g.nodes[o["id"]]
    assert (o["pajek_x"], o["pajek_y"]) == (("%g" % a["x"], "%g" % a["y"]) if "x" in a else ("", ""))
ties = [(t["source"], t["target"], float(t["weight"]), t["directed"], t["pajek_value"])
        for t in csv.DictReader(open(d + "/my-landscape/relationships.csv"))]
assert sorted(t[:2] for t in ties) == sorted((u, v) for u, v in g.edges()), (ties, list(g.edges()))
assert ties == [("Red Cross", "Oxfam", 2.5, "true", ""), ("WWF", "Red Cross", 1.0, "true", ""),
                ("Oxfam", "WWF", 1.0, "false", "-1")], ties
PY

# ---- UCINET ----------------------------------------------------------------
S="UCINET"
D="$tmp/dl"
mkdir -p "$D"
block "$S" 1 >"$D/manual.dl"
block "$S" 2 >"$D/survey.dl"
runsh "$D" "$S" 3
checks=$((checks + 1))
[ -s "$D/advice.svg" ] || fail "dl: no advice.svg"
"$COALMAP" convert "$D/manual.dl" "$D/manual" 2>/dev/null
"$COALMAP" convert "$D/survey.dl" "$D/survey" 2>/dev/null
# the manual's matrix, read row by row: symmetric, so one mutual tie per
# pair; sna's two relations, worked out by hand: advice 1->2 (1), 2->3 (2)
# is not symmetric (directed); friendship 1->3 and 3->1 is (one mutual tie)
py "dl: not the matrices' reading" "$D" <<'PY'
import csv, sys
d = sys.argv[1]
text = open(d + "/manual.dl").read().split("data:\n")[1].split("\n")
labels = text[0].split()
m = {r.split()[0]: [int(x) for x in r.split()[1:]] for r in text[1:] if r.strip()}
assert all(m[a][j] == m[b][i] for i, a in enumerate(labels) for j, b in enumerate(labels))
want = sorted((a, b) for i, a in enumerate(labels) for j, b in enumerate(labels) if i < j and m[a][j])
got = sorted(tuple(sorted((t["source"], t["target"])))
             for t in csv.DictReader(open(d + "/manual/relationships.csv")) if t["directed"] == "false")
assert got == sorted(tuple(sorted(p)) for p in want) and len(got) == 4, (got, want)
ties = [(t["source"], t["target"], t["type"], float(t["weight"]), t["directed"])
        for t in csv.DictReader(open(d + "/survey/relationships.csv"))]
assert ties == [("Ann", "Ben", "advice", 1.0, "true"), ("Ben", "Cat", "advice", 2.0, "true"),
                ("Ann", "Cat", "friendship", 1.0, "false")], ties
PY
finish
