#!/bin/sh
# Header synonyms (README's table) and Gephi's edge table: From/To,
# Label, Kind, Strength-free Value, Start_Date ... are read as the known
# columns with one note per file; a Type column holding Directed /
# Undirected is the direction.  Degrees against NetworkX on the same rows.
. "$(dirname "$0")/lib.sh"

# Gephi: Id,Label / Source,Target,Type,Weight
G="$tmp/gephi"
mk "$G" 'Id,Label\n1,Alpha\n2,Beta\n3,Gamma\n4,Delta\n' \
	'Source,Target,Type,Weight\n1,2,Directed,2\n2,3,Directed,1\n3,1,Directed,1\n1,3,Directed,1\n4,1,Undirected,1\n'
run metrics "$G" --format csv; expect_rc 0 "Gephi tables"
expect_err "organizations.csv:1: note: read the column 'Label' as name" "Label note"
expect_err "relationships.csv:2: note: type 'Directed' read as the tie's direction (Gephi's edge table)" "Type note"
checks=$((checks + 1)); [ "$(printf '%s\n' "$err" | grep -c note)" -eq 2 ] || fail "one note per file: $err"
printf '%s\n' "$out" >"$tmp/g.csv"
"$PYTHON3" - "$G" "$tmp/g.csv" <<'PY' && ok || fail "Gephi directions: degrees differ from NetworkX"
import csv, sys
import networkx as nx
g = nx.MultiDiGraph()
nodes = list(csv.DictReader(open(sys.argv[1] + "/organizations.csv", encoding="utf-8")))
g.add_nodes_from(r["Id"] for r in nodes)
for r in csv.DictReader(open(sys.argv[1] + "/relationships.csv", encoding="utf-8")):
    g.add_edge(r["Source"], r["Target"])
    if r["Type"] == "Undirected":
        g.add_edge(r["Target"], r["Source"])
got = {r["id"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
names = {r["Id"]: r["Label"] for r in nodes}
for v in g:
    assert got[v]["name"] == names[v], (v, got[v]["name"])
    assert int(got[v]["in_degree"]) == g.in_degree(v), (v, got[v]["in_degree"], g.in_degree(v))
    assert int(got[v]["out_degree"]) == g.out_degree(v), (v, got[v]["out_degree"], g.out_degree(v))
PY
# with a directed column, Type is a kind of tie as always
mk "$tmp/typed" 'id\na\nb\n' 'source,target,type,directed\na,b,directed,false\n'
run check "$tmp/typed" --format csv; expect_rc 0 "a type named directed beside a directed column"
expect_out "ties by type,directed,1" "type kept when directed is given"

# synonyms, any case, '_' or '-' for a space ('ID' is id itself, in another case)
S="$tmp/syn"
mk "$S" 'ID,Organisation Name,Kind\na,Org A,ngo\nb,Org B,donor\nc,Org C,ngo\n' \
	'From,TO,Value,Relationship,Start_Date,end-date\nb,a,3,funding,2019,2020\na,c,1,,2018-05-01,\n'
run convert "$S" "$tmp/syn-out"; expect_rc 0 "synonyms"
expect_err "organizations.csv:1: note: read the columns 'Organisation Name' as name, 'Kind' as type" "orgs note"
expect_err "relationships.csv:1: note: read the columns 'From' as source, 'TO' as target, 'Value' as weight, 'Relationship' as type, 'Start_Date' as start, 'end-date' as end" "ties note"
checks=$((checks + 1))
[ "$(cat "$tmp/syn-out/organizations.csv")" = "$(printf 'id,name,type\na,Org A,ngo\nb,Org B,donor\nc,Org C,ngo')" ] ||
	fail "orgs by synonyms: $(cat "$tmp/syn-out/organizations.csv")"
checks=$((checks + 1))
[ "$(cut -d, -f1-4,6,7 "$tmp/syn-out/relationships.csv")" = "$(printf 'source,target,type,weight,start,end\nb,a,funding,3,2019-01-01,2020-12-31\na,c,partnership,1,2018-05-01,')" ] ||
	fail "ties by synonyms: $(cat "$tmp/syn-out/relationships.csv")"
# a synonym never displaces the column's own name: 'from' stays an attribute
mk "$tmp/both" 'id\na\nb\n' 'source,target,from\na,b,x\n'
run convert "$tmp/both" "$tmp/both-out"; expect_rc 0 "source and from"
checks=$((checks + 1)); [ -z "$err" ] || fail "no note when the names are the schema's own: $err"
checks=$((checks + 1)); head -1 "$tmp/both-out/relationships.csv" | grep -q ',from$' || fail "from kept as an attribute"
finish
