#!/bin/sh
# Any input path (engine/read.c): an edge list alone, as a CSV file or as a
# folder holding only relationships.csv (its organizations are the ties'
# ends); a GraphML or GML file given to any command; the format told from
# the content before the name; clear refusals.  Degrees against NetworkX.
. "$(dirname "$0")/lib.sh"

E="$tmp/edges.csv"
printf 'from,to,weight\nAda,Bo,2\nBo,Cy,1\nCy,Ada,1\nAda,Cy,3\nDee,Ada,1\nEve,Dee,1\n' >"$E"
run metrics "$E" --format csv; expect_rc 0 "an edge list file"
expect_err "edges.csv: note: an edge list alone: its 5 organizations are the ends of its ties" "edge-list note"
printf '%s\n' "$out" >"$tmp/e.csv"
"$PYTHON3" - "$E" "$tmp/e.csv" <<'PY' && ok || fail "edge list: degrees or strengths differ from NetworkX"
import csv, sys
import networkx as nx
g = nx.Graph()
order = []
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    for v in (r["from"], r["to"]):
        if v not in order:
            order.append(v)
    w = float(r["weight"])
    if g.has_edge(r["from"], r["to"]):
        g[r["from"]][r["to"]]["weight"] += w
    else:
        g.add_edge(r["from"], r["to"], weight=w)
got = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
assert [r["id"] for r in got] == order, [r["id"] for r in got]
for r in got:
    v = r["id"]
    assert r["name"] == v
    assert int(r["degree"]) == g.degree(v), (v, r["degree"], g.degree(v))
    assert float(r["strength"]) == g.degree(v, weight="weight"), (v, r["strength"])
PY

# a folder with relationships.csv alone reads the same
mkdir "$tmp/only"; cp "$E" "$tmp/only/relationships.csv"
run metrics "$tmp/only" --format csv; expect_rc 0 "a folder holding relationships.csv alone"
[ "$out" = "$(cat "$tmp/e.csv")" ] && ok || fail "folder and file differ"
expect_err "only/relationships.csv: note: an edge list alone" "folder note names the file"

# a landscape's GraphML and GML go straight into any command, told by content
L="$top_srcdir/datasets/education-coalition"
run metrics "$L" --format csv --top 8; expect_rc 0 "the landscape"; want="$out"
"$COALMAP" convert "$L" "$tmp/ec.graphml" 2>/dev/null && "$COALMAP" convert "$L" "$tmp/ec.gml" 2>/dev/null
cp "$tmp/ec.graphml" "$tmp/graphml.dat"; cp "$tmp/ec.gml" "$tmp/gml.csv"
for f in ec.graphml ec.gml graphml.dat gml.csv; do
	run metrics "$tmp/$f" --format csv --top 8; expect_rc 0 "metrics on $f"
	[ "$out" = "$want" ] && ok || fail "$f: metrics differ from the landscape's"
done
run check "$E" --from gml; expect_rc 65 "--from gml on an edge list"
expect_err "edges.csv:1: expected a number, a \"string\" or a [ list ]" "read as GML, as asked"

# refusals
printf '\001\002binary\n' >"$tmp/blob.bin"
run metrics "$tmp/blob.bin"; expect_rc 65 "unknown content"
expect_err "cannot tell the file's format from its content or name; name it with --from" "format unknown"
: >"$tmp/empty.csv"
run metrics "$tmp/empty.csv"; expect_rc 65 "an empty file"; expect_err "empty.csv: the file is empty" "empty"
run metrics "$E" --from nosuch; expect_rc 64 "unknown --from"
expect_err "unknown input format 'nosuch'; formats: landscape, kumu, kumu-json, graphml, gml, gexf, xlsx, pajek, dl, matrix, edges" "formats listed"
mkdir "$tmp/nothing"
run metrics "$tmp/nothing"; expect_rc 66 "a folder of nothing known"; expect_err "not a landscape" "folder refused"
run metrics "$tmp/missing.csv"; expect_rc 66 "a missing path"
printf 'a,b\nx,y\n' >"$tmp/noheader.csv"
run metrics "$tmp/noheader.csv"; expect_rc 65 "no ends in the header"
expect_err "noheader.csv:1: an edge list needs a header naming its two ends" "header refused"
# a map of a file is titled with its name without the extension
graphviz_leaks
run map "$E" -o "$tmp/edges.svg"; expect_rc 0 "a map of an edge list"
has_text "$tmp/edges.svg" "edges" "title: the file's name without .csv"

# the input is never overwritten
cp "$E" "$tmp/keep.csv"
run metrics "$tmp/keep.csv" -o "$tmp/keep.csv"; expect_rc 73 "-o naming the input"
expect_err "refusing to overwrite an input file" "the refusal said"
checks=$((checks + 1)); cmp -s "$E" "$tmp/keep.csv" || fail "the edge list was overwritten"
finish
