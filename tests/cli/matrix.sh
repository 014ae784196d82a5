#!/bin/sh
# Matrices and the network formats researchers keep (engine/read_matrix.c,
# read_pajek.c, read_dl.c): an adjacency matrix CSV written by pandas from
# a NetworkX graph, a folder of them, Pajek written by nx.write_pajek, UCINET
# DL written by R's sna::write.dl and the UCINET manual's own example.
# Degrees, in/out degrees, strengths and names against NetworkX (or sna) on
# the same graph; detection by content; bad files exit 65 at their line
# with nothing written.
. "$(dirname "$0")/lib.sh"

# The graphs, their files and what NetworkX says of them (ref.json):
# degree and strength on the undirected simple graph (weights of both
# directions summed), in/out degree on the directed one.
"$PYTHON3" - "$tmp" <<'PY' || fail "NetworkX could not write the fixtures"
import json, os, sys
import networkx as nx
d = sys.argv[1]
ref = {}
def expect(name, g):
    u = nx.Graph()
    u.add_nodes_from(g)
    for a, b, w in g.edges(data="weight", default=1):
        if u.has_edge(a, b):
            u[a][b]["weight"] += w
        else:
            u.add_edge(a, b, weight=w)
    dg = g if g.is_directed() else g.to_directed()
    ref[name] = {str(v): [u.degree(v), u.degree(v, weight="weight"), dg.in_degree(v), dg.out_degree(v)]
                 for v in g}
# a directed advice network, an isolate included
advice = nx.DiGraph()
advice.add_weighted_edges_from([("Ada", "Bo", 2), ("Bo", "Cy", 1), ("Cy", "Ada", 1), ("Ada", "Cy", 3),
                                ("Dee", "Ada", 1), ("Cy", "Bo", 0.5)])
advice.add_node("Eve")
nx.to_pandas_adjacency(advice).to_csv(os.path.join(d, "advice.csv"))
expect("advice.csv", advice)
# a symmetric one: mutual ties, rows in another order than the columns
friends = nx.Graph()
friends.add_weighted_edges_from([("Ada", "Bo", 2), ("Bo", "Cy", 1), ("Dee", "Ada", 1), ("Eve", "Cy", 4)])
m = nx.to_pandas_adjacency(friends)
m.iloc[::-1].to_csv(os.path.join(d, "friendship.csv"))
expect("friendship.csv", friends)
# Pajek: a directed graph with a label holding a blank; an undirected one
# with a negative value
g = nx.DiGraph()
g.add_weighted_edges_from([("Red Cross", "Oxfam", 2.5), ("Oxfam", "WWF", 1), ("WWF", "Red Cross", 1),
                           ("Amnesty", "Oxfam", 3)])
nx.write_pajek(g, os.path.join(d, "dir.net"))
expect("dir.net", g)
h = nx.Graph()
h.add_weighted_edges_from([("a", "b", 1), ("b", "c", 2), ("c", "d", 1), ("a", "c", 1)])
h.add_edge("d", "e", weight=-1)
nx.write_pajek(h, os.path.join(d, "und.net"))
h["d"]["e"]["weight"] = 1  # a negative value: kept with weight 1
expect("und.net", h)
# a header longer than the 4 KiB the format is first told from
big = nx.relabel_nodes(nx.gnp_random_graph(300, 0.02, seed=7, directed=True),
                       lambda i: "organisation-number-%03d" % i)
nx.to_pandas_adjacency(big).to_csv(os.path.join(d, "long.csv"))
expect("long.csv", big)
# the UCINET manual's fullmatrix example, labels embedded
ucinet = nx.Graph([("Bill", "Jim"), ("Jan", "Sue"), ("Jan", "Zoe"), ("Jim", "Sue")])
expect("manual.dl", ucinet)
json.dump(ref, open(os.path.join(d, "ref.json"), "w"))
PY
cat >"$tmp/manual.dl" <<'EOF'
dl
n = 5
labels embedded
format = fullmatrix
data:
Bill Jan Jim Sue Zoe
Bill 0 0 1 0 0
Jan 0 0 0 1 1
Jim 1 0 0 1 0
Sue 0 1 1 0 0
Zoe 0 1 0 0 0
EOF

# check FILE METRICS.csv: coalmap's metrics against ref.json's
check() {
	"$PYTHON3" - "$tmp/ref.json" "$1" "$2" <<'PY' >"$tmp/chk" 2>&1 && ok || fail "$1: $(cat "$tmp/chk")"
import csv, json, sys
ref = json.load(open(sys.argv[1]))[sys.argv[2]]
got = {r["id"]: r for r in csv.DictReader(open(sys.argv[3], encoding="utf-8"))}
assert sorted(got) == sorted(ref), (sorted(got), sorted(ref))
for v, (deg, s, i, o) in ref.items():
    r = got[v]
    assert r["name"] == v, (v, r["name"])
    assert (int(r["degree"]), int(r["in_degree"]), int(r["out_degree"])) == (deg, i, o), (v, r, deg, i, o)
    assert abs(float(r["strength"]) - s) < 1e-9, (v, r["strength"], s)
PY
}

for f in advice.csv friendship.csv long.csv dir.net und.net manual.dl; do
	run metrics "$tmp/$f" --format csv -o "$tmp/$f.m.csv"; expect_rc 0 "metrics on $f"
	check "$f" "$tmp/$f.m.csv"
done
run convert "$tmp/advice.csv" "$tmp/adv"; expect_rc 0 "convert a matrix"
checks=$((checks + 1))
grep -q '^Ada,Bo,advice,2,true$' "$tmp/adv/relationships.csv" && ok || fail "advice: type, weight, direction: $(cat "$tmp/adv/relationships.csv")"
run convert "$tmp/friendship.csv" "$tmp/fr"; checks=$((checks + 1))
[ "$(grep -c ',friendship,.*,false$' "$tmp/fr/relationships.csv")" = 4 ] && ok || fail "friendship: 4 mutual ties: $(cat "$tmp/fr/relationships.csv")"
run convert "$tmp/und.net" "$tmp/und"; expect_rc 0 "convert Pajek"
expect_err "und.net:12: note: 1 tie with a zero or negative value: kept with weight 1, the value in column pajek_value" "negative value noted"
checks=$((checks + 2))
grep -q '^d,e,partnership,1,false,-1$' "$tmp/und/relationships.csv" && ok || fail "und.net: pajek_value: $(cat "$tmp/und/relationships.csv")"
grep -q '^a,a,0,0$' "$tmp/und/organizations.csv" && ok || fail "und.net: pajek_x, pajek_y: $(cat "$tmp/und/organizations.csv")"

# detection by content, whatever the name
cp "$tmp/advice.csv" "$tmp/advice.txt"; cp "$tmp/dir.net" "$tmp/dir.dat"; cp "$tmp/manual.dl" "$tmp/manual.csv"
for pair in advice.txt:advice.csv dir.dat:dir.net manual.csv:manual.dl; do
	f=${pair%:*}
	run metrics "$tmp/$f" --format csv; expect_rc 0 "metrics on $f"
	checks=$((checks + 1))
	[ "$out" = "$(cat "$tmp/${pair#*:}.m.csv")" ] && ok || fail "$f: not read as ${pair#*:} is"
done

# Pajek's two-mode vertices, repeated labels (ids become the numbers), a
# vertex with no line, a relation's name, *Edgeslist, a loop, a *Partition
# after the network (hand-counted)
printf '*Network two\n*Vertices 4 2\n1 "p1"\n2 "p1"\n3 "c1"\n*Arcs :1 "member"\n1 3\n2 4 2\n1 1\n*Edgeslist\n1 2 4\n*Partition x\n1\n' >"$tmp/tm.net"
run convert "$tmp/tm.net" "$tmp/tm"; expect_rc 0 "Pajek's corners"
expect_err "tm.net:4: note: vertex labels repeat ('p1'): organizations go by their vertex number" "repeated labels noted"
expect_err "tm.net:9: note: 1 self-tie" "loop noted"
expect_err "tm.net:12: note: '*Partition x' and what follows it not read" "partition noted"
checks=$((checks + 2))
[ "$(cat "$tmp/tm/organizations.csv")" = "$(printf 'id,name,pajek_mode\n1,p1,1\n2,p1,1\n3,c1,2\n4,4,2')" ] \
	&& ok || fail "Pajek vertices: $(cat "$tmp/tm/organizations.csv")"
[ "$(cat "$tmp/tm/relationships.csv")" = "$(printf 'source,target,type,weight,directed\n1,3,member,1,true\n2,4,member,2,true\n1,2,partnership,1,false\n1,4,partnership,1,false')" ] \
	&& ok || fail "Pajek ties: $(cat "$tmp/tm/relationships.csv")"

# the examples of docs/bring-your-data.md, as they are there (hand-counted)
printf '%% a comment\n*Vertices 4\n1 "Red Cross" 0.1 0.2 0.5\n2 Oxfam 0.4 0.6 0.5\n3 WWF\n4 "Amnesty"\n*Arcs\n1 2 2.5\n3 1\n*Edges\n2 3 -1\n' >"$tmp/doc.net"
run convert "$tmp/doc.net" "$tmp/docnet"; expect_rc 0 "the Pajek example"; checks=$((checks + 1))
[ "$(cat "$tmp/docnet/organizations.csv" "$tmp/docnet/relationships.csv")" = "$(printf 'id,name,pajek_x,pajek_y\nRed Cross,Red Cross,0.1,0.2\nOxfam,Oxfam,0.4,0.6\nWWF,WWF,,\nAmnesty,Amnesty,,\nsource,target,type,weight,directed,pajek_value\nRed Cross,Oxfam,partnership,2.5,true,\nWWF,Red Cross,partnership,1,true,\nOxfam,WWF,partnership,1,false,-1')" ] \
	&& ok || fail "the Pajek example: $(cat "$tmp/docnet/"*.csv)"
printf 'DL n = 3, nm = 2, format = edgelist1\nlabels:\n"Ann","Ben","Cat"\nmatrix labels:\n"advice","friendship"\ndata:\n1 2 1\n2 3 2\n!\n1 3 1\n3 1 1\n' >"$tmp/doc.dl"
run convert "$tmp/doc.dl" "$tmp/docdl"; expect_rc 0 "the DL example"; checks=$((checks + 1))
[ "$(cat "$tmp/docdl/relationships.csv")" = "$(printf 'source,target,type,weight,directed\nAnn,Ben,advice,1,true\nBen,Cat,advice,2,true\nAnn,Cat,friendship,1,false')" ] \
	&& ok || fail "the DL example: $(cat "$tmp/docdl/relationships.csv")"
printf ',Ada,Bo,Cy,Dee\nAda,0,2,3,0\nBo,0,0,1,0\nCy,1,0,0,0\nDee,1,0,0,0\n' >"$tmp/doc-advice.csv"
run convert "$tmp/doc-advice.csv" "$tmp/docadv"; expect_rc 0 "the matrix example"; checks=$((checks + 1))
[ "$(cat "$tmp/docadv/relationships.csv")" = "$(printf 'source,target,type,weight,directed\nAda,Bo,doc-advice,2,true\nAda,Cy,doc-advice,3,true\nBo,Cy,doc-advice,1,true\nCy,Ada,doc-advice,1,true\nDee,Ada,doc-advice,1,true')" ] \
	&& ok || fail "the matrix example: $(cat "$tmp/docadv/relationships.csv")"

# UCINET's half matrices, diagonal absent (hand-counted: A-B 1, B-C 2,
# A-D 1, C-D 3, mutual); labels before N and no N
printf 'DL N=4 FORMAT=LOWERHALF DIAGONAL ABSENT\nLABELS:\nA B C D\nDATA:\n1\n0 2\n1 0 3\n' >"$tmp/lh.dl"
run convert "$tmp/lh.dl" "$tmp/lh"; expect_rc 0 "lowerhalf"; checks=$((checks + 1))
[ "$(cat "$tmp/lh/relationships.csv")" = "$(printf 'source,target,type,weight,directed\nA,B,partnership,1,false\nA,D,partnership,1,false\nB,C,partnership,2,false\nC,D,partnership,3,false')" ] \
	&& ok || fail "lowerhalf: $(cat "$tmp/lh/relationships.csv")"
printf 'DL\nlabels:\nx y z\nformat=fullmatrix diagonal absent\ndata:\n1 0\n1 1\n0 -2\n' >"$tmp/fa.dl"
run convert "$tmp/fa.dl" "$tmp/fa"; expect_rc 0 "diagonal absent, no N"; checks=$((checks + 1))
[ "$(cat "$tmp/fa/relationships.csv")" = "$(printf 'source,target,type,weight,directed,dl_value\nx,y,partnership,1,true,\ny,x,partnership,1,true,\ny,z,partnership,1,true,\nz,y,partnership,1,true,-2')" ] \
	&& ok || fail "diagonal absent: $(cat "$tmp/fa/relationships.csv")"

# an edge list keeps its ties as a list, not an N x N matrix: N=100000
# with a few ties reads (hand-counted: 1-2 last given 3, mirrored: mutual;
# 99999-100000 mutual; the self-tie 5-5 left out; 7-8 valued 0, no tie)
printf 'DL N=100000 format=edgelist1\ndata:\n1 2 9\n99999 100000\n2 1 3\n100000 99999\n5 5\n7 8 0\n1 2 3\n' >"$tmp/big.dl"
run convert "$tmp/big.dl" "$tmp/bigdl"; expect_rc 0 "an edge list with N=100000"; checks=$((checks + 1))
[ "$(wc -l <"$tmp/bigdl/organizations.csv")" -eq 100001 ] && [ "$(sed -n 100001p "$tmp/bigdl/organizations.csv")" = 100000,100000 ] &&
[ "$(cat "$tmp/bigdl/relationships.csv")" = "$(printf 'source,target,type,weight,directed\n1,2,partnership,3,false\n99999,100000,partnership,1,false')" ] \
	&& ok || fail "N=100000 edge list: $(cat "$tmp/bigdl/relationships.csv")"
# the same directed ties as a full matrix and as edge and node lists (a
# later 0 removes 1->3; hand-counted: 1->2 2, 2->1 1, 3->2 4)
printf 'DL N=3\ndata:\n0 2 0\n1 0 0\n0 4 0\n' >"$tmp/same-m.dl"
printf 'DL N=3 format=edgelist1\ndata:\n1 2 2\n1 3 5\n2 1 1\n3 2 4\n1 3 0\n' >"$tmp/same-e.dl"
for f in same-m same-e; do
	run convert "$tmp/$f.dl" "$tmp/$f"; expect_rc 0 "$f.dl"; checks=$((checks + 1))
	[ "$(cat "$tmp/$f/relationships.csv")" = "$(printf 'source,target,type,weight,directed\n1,2,partnership,2,true\n2,1,partnership,1,true\n3,2,partnership,4,true')" ] \
		&& ok || fail "$f.dl: $(cat "$tmp/$f/relationships.csv")"
done
printf 'DL N=3 format=nodelist1\ndata:\n1 2 3\n2 1\n3 1\n' >"$tmp/nl.dl"
run convert "$tmp/nl.dl" "$tmp/nl"; expect_rc 0 "nodelist1"; checks=$((checks + 1))
[ "$(cat "$tmp/nl/relationships.csv")" = "$(printf 'source,target,type,weight,directed\n1,2,partnership,1,false\n1,3,partnership,1,false')" ] \
	&& ok || fail "nodelist1: $(cat "$tmp/nl/relationships.csv")"

# bad FILE MESSAGE [--from FORMAT]: exit 65 with MESSAGE, nothing written
bad() { # FILE MESSAGE [--from FORMAT]
	f=$1 msg=$2; shift 2
	rm -rf "$tmp/none"
	run convert "$tmp/$f" "$tmp/none" "$@"; expect_rc 65 "$f refused"
	expect_err "$msg" "$f: message"
	checks=$((checks + 1)); [ ! -e "$tmp/none" ] && ok || fail "$f: something was written"
}

# a folder of matrices: one tie type per file, the organizations their union
mkdir "$tmp/survey"; cp "$tmp/advice.csv" "$tmp/friendship.csv" "$tmp/survey/"
run convert "$tmp/survey" "$tmp/sv"; expect_rc 0 "a folder of matrices"
checks=$((checks + 1))
[ "$(cut -d, -f3 "$tmp/sv/relationships.csv" | sort | uniq -c | tr -s ' ')" = "$(printf ' 6 advice\n 4 friendship\n 1 type')" ] \
	&& ok || fail "folder: tie types: $(cat "$tmp/sv/relationships.csv")"

# beside an organizations.csv: its organizations (and their columns), the
# matrices' ties
printf 'id,name,type\nAda,Ada Trust,ngo\nBo,Bo Group,business\nCy,Cy Council,government\nDee,Dee Fund,funder\nEve,Eve Net,ngo\nFay,Fay Inc,business\n' >"$tmp/survey/organizations.csv"
run convert "$tmp/survey" "$tmp/sv2"; expect_rc 0 "organizations.csv and matrices"
checks=$((checks + 2))
grep -q '^Fay,Fay Inc,business$' "$tmp/sv2/organizations.csv" && ok || fail "organizations.csv not read: $(cat "$tmp/sv2/organizations.csv")"
[ "$(tail -n +2 "$tmp/sv2/relationships.csv" | sort)" = "$(tail -n +2 "$tmp/sv/relationships.csv" | sort)" ] && ok || fail "organizations.csv changed the ties"
cp "$tmp/survey/organizations.csv" "$tmp/orgs.keep"
grep -v '^Eve' "$tmp/orgs.keep" >"$tmp/survey/organizations.csv"
bad survey "survey/advice.csv:1:6: 'Eve' is not an organization of organizations.csv"

# R's sna writes DL (edgelist1, labels, matrix labels, two relations
# separated by !); sna's own degrees are the reference
if Rscript -e 'suppressMessages(library(sna))' >/dev/null 2>&1; then
	Rscript - "$tmp" >/dev/null 2>&1 <<'R' || fail "R could not write the DL fixture"
suppressMessages(library(sna))
d <- commandArgs(TRUE)[1]
a <- matrix(c(0,1,1,0,0, 1,0,0,2,0, 0,0,0,1,0, 0,3,1,0,0, 0,0,0,0,0), 5, 5, byrow = TRUE)
b <- matrix(c(0,1,0,0,0, 1,0,0,0,0, 0,0,0,0,1, 0,0,0,0,0, 0,0,1,0,0), 5, 5, byrow = TRUE)
x <- array(0, c(2, 5, 5)); x[1, , ] <- a; x[2, , ] <- b
write.dl(x, file.path(d, "r.dl"), vertex.lab = c("Ann", "Ben", "Cat", "Dan", "Eli"),
         matrix.lab = c("advice", "friendship"))
write.csv(data.frame(id = c("Ann", "Ben", "Cat", "Dan", "Eli"),
                     indeg = degree(a, cmode = "indegree", ignore.eval = TRUE),
                     outdeg = degree(a, cmode = "outdegree", ignore.eval = TRUE)),
          file.path(d, "r-ref.csv"), row.names = FALSE)
R
	run convert "$tmp/r.dl" "$tmp/rdl"; expect_rc 0 "sna's DL"
	run metrics "$tmp/r.dl" --types advice --format csv -o "$tmp/rdl.csv"; expect_rc 0 "metrics on sna's DL"
	"$PYTHON3" - "$tmp/r-ref.csv" "$tmp/rdl.csv" <<'PY' >"$tmp/chk" 2>&1 && ok || fail "sna's DL: degrees differ from sna's: $(cat "$tmp/chk")"
import csv, sys
ref = {r["id"]: (int(r["indeg"]), int(r["outdeg"])) for r in csv.DictReader(open(sys.argv[1]))}
got = {r["id"]: (int(r["in_degree"]), int(r["out_degree"])) for r in csv.DictReader(open(sys.argv[2]))}
assert got == ref, (got, ref)
PY
	"$PYTHON3" - "$tmp/r-ref.csv" "$tmp/rdl/relationships.csv" <<'PY' >"$tmp/chk" 2>&1 && ok || fail "sna's DL: $(cat "$tmp/chk")"
import csv, sys
ref = {r["id"]: (int(r["indeg"]), int(r["outdeg"])) for r in csv.DictReader(open(sys.argv[1]))}
ties = list(csv.DictReader(open(sys.argv[2])))
adv = [t for t in ties if t["type"] == "advice"]
assert all(t["directed"] == "true" for t in adv), adv
got = {v: (sum(t["target"] == v for t in adv), sum(t["source"] == v for t in adv)) for v in ref}
assert got == ref, (got, ref)
fr = [(t["source"], t["target"]) for t in ties if t["type"] == "friendship"]
assert sorted(fr) == [("Ann", "Ben"), ("Cat", "Eli")] and all(t["directed"] == "false" for t in ties if t["type"] == "friendship"), fr
assert [t["weight"] for t in adv if (t["source"], t["target"]) == ("Dan", "Ben")] == ["3"], adv
PY
	checks=$((checks + 1))
else
	echo "R's sna is missing: the sna DL case is skipped"
fi

# bad files: exit 65 at their line, nothing written
printf ',A,B,C\nA,0,1,0\nB,1,0\nC,0,1,0\n' >"$tmp/ragged.csv"
bad ragged.csv "ragged.csv:3:"
printf ',A,B\nA,0,x\nB,1,0\n' >"$tmp/nan.csv"
bad nan.csv "nan.csv:2:3: cell (row 'A', column 'B') is not a number: 'x'"
printf ',A,B\nA,0,1\nC,1,0\n' >"$tmp/names.csv"
bad names.csv "names.csv:3:1: row 'C' has no column of that name" --from matrix
# bytes that are not UTF-8 in a label (a Latin-1 export) are refused as
# the CSV reader refuses them, so no writer meets them (found by fuzzing)
printf '*Vertices 2\n1 "Caf\351"\n2 "B"\n*Arcs\n1 2\n' >"$tmp/latin1.net"
bad latin1.net "latin1.net:2: a value is not valid UTF-8 text"
# a NUL byte (UTF-16, a binary file) is named, not read as the end of a label
printf '*Vertices 2\n1 "A\000x"\n2 "B"\n*Arcs\n1 2\n' >"$tmp/nul.net"
bad nul.net "nul.net:2: NUL bytes: not a text file"
printf 'DL N=2\ndata:\n0 1\n1\0000\n' >"$tmp/nul.dl"
bad nul.dl "nul.dl:4: NUL bytes: not a text file"
bad names.csv "names.csv:1: an edge list needs a header naming its two ends"
printf ',A,B,C\nA,0,1,0\nB,1,0,1\n' >"$tmp/oblong.csv"
bad oblong.csv "oblong.csv:1: the matrix has 2 rows and 3 columns: an adjacency matrix is square" --from matrix
printf '*Vertices 5\n1 "a"\n2 "b"\n*Arcs\n1 2\n3 99\n' >"$tmp/far.net"
bad far.net "far.net:6: vertex '99' is not a number from 1 to 5 (*Vertices 5)"
printf '*Vertices 2\n1 a\n2 b\n*Edges\n1 2 heavy\n' >"$tmp/word.net"
bad word.net "word.net:5: the tie's value 'heavy' is not a number"
# a read error is one (a folder given as a Pajek file: fopen succeeds,
# fread fails), not an empty network
mkdir "$tmp/folder.net"
run convert "$tmp/folder.net" "$tmp/none" --from pajek; expect_rc 66 "a folder read as Pajek"
expect_err "folder.net: cannot read" "a folder read as Pajek: message"
# a *Vertices line without its count: that one error, not a follow-on
# "a tie before *Vertices" for each vertex and tie line after it
printf '*Vertices many\n1 "a"\n2 "b"\n*Arcs\n1 2\n' >"$tmp/count.net"
bad count.net "count.net:1: *Vertices needs the number of vertices (0 to 10000000)"
expect_err "count.net: 1 error; nothing written" "count.net: one error, no follow-on"
printf 'DL N=3\nDATA:\n0 1 0\n1 0 1\n0 1 0\n1 1 1\n' >"$tmp/long.dl"
bad long.dl "long.dl:6: more data than N=3 and NM=1 hold"
printf 'DL N=3\nDATA:\n0 1 0 1\n0 1\n0 1 0\n' >"$tmp/shift.dl"
bad shift.dl "shift.dl:3: row 2 starts in the middle of a line"
printf 'DL N=3 format=edgelist1\nDATA:\n1 2\n2 7\n' >"$tmp/far.dl"
bad far.dl "far.dl:4: vertex '7' is not a number from 1 to N=3"
printf 'DL N=3 format=blockmatrix\nDATA:\n' >"$tmp/fmt.dl"
bad fmt.dl "fmt.dl:1: format 'blockmatrix' is not read"
# a folder with two bad matrices: both files' errors, not the first's alone
mkdir "$tmp/twobad"
printf ',A,B\nA,0,x\nB,1,0\n' >"$tmp/twobad/a.csv"
printf ',A,B\nA,0,1\nB,y,0\n' >"$tmp/twobad/b.csv"
bad twobad "twobad/a.csv:2:3: cell (row 'A', column 'B') is not a number: 'x'" --from matrix
expect_err "twobad/b.csv:3:2: cell (row 'B', column 'A') is not a number: 'y'" "second bad matrix reported"
# a value keeps every digit it needs to read back exactly (Python's
# repr(0.1 + 0.2)), not 15 of them (0.3)
printf ',A,B\nA,0,0.30000000000000004\nB,0,0\n' >"$tmp/exact.csv"
run convert "$tmp/exact.csv" "$tmp/exact"; expect_rc 0 "convert exact.csv"
checks=$((checks + 1))
grep -q '^A,B,exact,0.30000000000000004,true$' "$tmp/exact/relationships.csv" && ok \
	|| fail "exact.csv: weight: $(cat "$tmp/exact/relationships.csv")"
# DL: MATRIX LABELS before NM= are all read and counted against NM (one
# was kept and the second relation took the next word, 'nm', as its type);
# hand-counted: a symmetric first matrix (one mutual tie), an asymmetric second
printf 'DL N=2\nMATRIX LABELS: advice friendship\nNM=2\nDATA:\n0 1\n1 0\n0 1\n0 0\n' >"$tmp/ml.dl"
run convert "$tmp/ml.dl" "$tmp/ml"; expect_rc 0 "convert ml.dl"
checks=$((checks + 1))
[ "$(cat "$tmp/ml/relationships.csv")" = "$(printf 'source,target,type,weight,directed\n1,2,advice,1,false\n1,2,friendship,1,true')" ] \
	&& ok || fail "ml.dl: matrix labels: $(cat "$tmp/ml/relationships.csv")"
printf 'DL N=2\nMATRIX LABELS:\nadvice\nNM=2\nDATA:\n0 1\n1 0\n0 1\n0 0\n' >"$tmp/ml1.dl"
bad ml1.dl "ml1.dl:3: 1 matrix labels where NM=2"
# numbers as the CSV loader reads them: no hexadecimal (0x10 was 16), a
# hint for a decimal comma
printf ';A;B\nA;0;0,5\nB;0;0\n' >"$tmp/comma.csv"
bad comma.csv "comma.csv:2:3: cell (row 'A', column 'B') is not a number: '0,5'; use '.' as the decimal separator"
printf '*Vertices 2\n1 a\n2 b\n*Arcs\n1 2 0x10\n' >"$tmp/hex.net"
bad hex.net "hex.net:5: the tie's value '0x10' is not a number; hexadecimal numbers are not accepted"
printf 'DL N=2\nDATA:\n0 0x1\n0 0\n' >"$tmp/hex.dl"
bad hex.dl "hex.dl:3: '0x1' is not a number; hexadecimal numbers are not accepted"
finish
