#!/bin/sh
# GEXF in and out (engine/read_gexf.c, engine/write_gexf.c): files written
# by NetworkX's write_gexf and by hand load with the same nodes, edges,
# directions and attributes (tests/reference/gexf_check.py parses them with
# ElementTree and NetworkX), coalmap's degrees agree with NetworkX's, what
# coalmap writes NetworkX's read_gexf reads back as the landscape's CSV,
# and bad files are refused with FILE:LINE.
. "$(dirname "$0")/lib.sh"
CHECK="$top_srcdir/tests/reference/gexf_check.py"

# check_read FILE: convert, metrics, and the reference check
check_read() {
	n=$(basename "$1")
	run convert "$1" "$tmp/$n.d/"; expect_rc 0 "convert $n"
	run metrics "$1" --format csv -o "$tmp/$n.csv"; expect_rc 0 "metrics on $n"
	if "$PYTHON3" "$CHECK" read "$1" "$tmp/$n.d" "$tmp/$n.csv" >"$tmp/chk" 2>&1; then ok; else fail "$n: $(cat "$tmp/chk")"; fi
}

# ---- fixtures written by NetworkX
"$PYTHON3" - "$tmp" <<'PY' || fail "NetworkX could not write the fixtures"
import sys
import networkx as nx
d = sys.argv[1]
G = nx.DiGraph()
G.add_node("n1", sector="ngo", staff=12, score=2.5, active=True)
G.add_node("n2", sector="gov", staff=300, score=0.25, active=False)
G.add_node("n3", sector="ngo", staff=7)
G.add_node("n4", label="Fourth org", sector="firm")
G.add_node("n5")
G.add_edge("n1", "n2", weight=2.0, since=2001, note="first")
G.add_edge("n2", "n1", weight=0.5)
G.add_edge("n2", "n3", weight=1.5, since=2010)
G.add_edge("n3", "n4", weight=3.0)
G.add_edge("n4", "n1", weight=1.0)
nx.write_gexf(G, f"{d}/directed.gexf")
U = nx.Graph()
U.add_nodes_from([("a", {"members": 10}), ("b", {"members": 20}), ("c", {}), ("d", {"members": 5})])
U.add_weighted_edges_from([("a", "b", 1.0), ("b", "c", 2.5), ("a", "c", 1.0), ("c", "d", 4.0)])
nx.write_gexf(U, f"{d}/undirected.gexf")
nx.write_gexf(nx.krackhardt_kite_graph(), f"{d}/kite.gexf")
PY
check_read "$tmp/directed.gexf"
check_read "$tmp/undirected.gexf"
check_read "$tmp/kite.gexf"

# a NetworkX file name carries the label as the name; detection by content
cp "$tmp/directed.gexf" "$tmp/directed.txt"
run metrics "$tmp/directed.txt" --format csv; expect_rc 0 "a GEXF file named .txt loads"
case "$out" in *"n4,Fourth org,"*) ok ;; *) fail "label is the name: $out" ;; esac

# ---- mixed directions, by hand (NetworkX cannot read it): per-edge types
cat >"$tmp/mixed.gexf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes>
      <node id="1" label="One"/>
      <node id="2" label="Two"/>
      <node id="3" label="Three"/>
      <node id="4" label="Four"/>
    </nodes>
    <edges>
      <edge id="a" source="1" target="2"/>
      <edge id="b" source="2" target="3" type="undirected" weight="2"/>
      <edge id="c" source="3" target="4" type="mutual" kind="funding"/>
      <edge id="d" source="4" target="1" type="directed" label="back"/>
    </edges>
  </graph>
</gexf>
EOF
check_read "$tmp/mixed.gexf"
if grep -q '^3,4,funding,1,false,$' "$tmp/mixed.gexf.d/relationships.csv" &&
	grep -q '^4,1,partnership,1,true,back$' "$tmp/mixed.gexf.d/relationships.csv"; then ok; else
	fail "kind is the tie type, label a column: $(cat "$tmp/mixed.gexf.d/relationships.csv")"; fi

# ---- GEXF 1.2 with spells, liststring, defaults and viz, by hand
cat >"$tmp/spells.gexf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
    <attributes class="node" mode="static">
      <attribute id="0" title="topics" type="liststring"/>
      <attribute id="1" title="members" type="integer"><default>1</default></attribute>
    </attributes>
    <nodes>
      <node id="x" label="Ex">
        <attvalues><attvalue for="0" value="[water, energy]"/><attvalue for="1" value="40"/></attvalues>
        <viz:color r="255" g="16" b="0" a="0.5"/>
        <viz:position x="1.5" y="-2" z="0"/>
        <viz:size value="12"/>
      </node>
      <node id="y" label="Why">
        <attvalues><attvalue for="0" value="water|health"/></attvalues>
      </node>
    </nodes>
    <edges>
      <edge source="x" target="y">
        <spells><spell start="2001-03-01" end="2002-01-01"/><spell start="2005-01-01" end="2009-12-31T12:00:00"/></spells>
      </edge>
      <edge source="y" target="x" start="1999" end="2003"/>
    </edges>
  </graph>
</gexf>
EOF
run convert "$tmp/spells.gexf" "$tmp/spells.gexf.d/"; expect_rc 0 "GEXF 1.2 with spells and viz"
if "$PYTHON3" - "$tmp/spells.gexf.d" <<'PY'; then ok; else fail "spells and viz: $(cat "$tmp/spells.gexf.d"/*.csv)"; fi
import csv, sys
o = {r["id"]: r for r in csv.DictReader(open(sys.argv[1] + "/organizations.csv"))}
t = list(csv.DictReader(open(sys.argv[1] + "/relationships.csv")))
assert o["x"]["name"] == "Ex" and o["x"]["topics"] == "water;energy", o
assert o["y"]["topics"] == "water;health" and o["y"]["members"] == "1" and o["x"]["members"] == "40", o
assert (o["x"]["viz_color"], o["x"]["viz_x"], o["x"]["viz_y"], o["x"]["viz_size"]) == ("#ff1000", "1.5", "-2", "12"), o
assert (t[0]["start"], t[0]["end"], t[0]["directed"]) == ("2001-03-01", "2009-12-31", "false"), t
assert (t[1]["start"], t[1]["end"]) == ("1999-01-01", "2003-12-31"), t
PY
# time slots that are not dates stay as attributes
sed 's/timeformat="date"/timeformat="integer"/; s/start="2001-03-01" end="2002-01-01"/start="1" end="2"/' "$tmp/spells.gexf" >"$tmp/slots.gexf"
run convert "$tmp/slots.gexf" "$tmp/slots.d/"; expect_rc 0 "integer time slots"
expect_err "kept as the attributes time_start and time_end" "time slots reported"
if head -1 "$tmp/slots.d/relationships.csv" | grep -q 'time_start,time_end'; then ok; else fail "time slots kept: $(cat "$tmp/slots.d/relationships.csv")"; fi

# ---- out: NetworkX reads what coalmap writes as the landscape's CSV
for f in directed undirected spells; do
	run convert "$tmp/$f.gexf" "$tmp/$f.out.gexf"; expect_rc 0 "write $f.gexf"
	if "$PYTHON3" "$CHECK" written "$tmp/$f.gexf.d" "$tmp/$f.out.gexf" >"$tmp/chk" 2>&1; then ok; else
		fail "NetworkX reads $f.out.gexf: $(cat "$tmp/chk")"; fi
	# and GEXF -> landscape -> GEXF keeps every attribute
	if "$PYTHON3" "$CHECK" same "$tmp/$f.gexf" "$tmp/$f.out.gexf" >"$tmp/chk" 2>&1; then ok; else fail "$f keeps its attributes: $(cat "$tmp/chk")"; fi
done
grep -q '<viz:color r="255" g="16" b="0"/>' "$tmp/spells.out.gexf" && ok || fail "viz written back: $(cat "$tmp/spells.out.gexf")"
grep -q 'mode="dynamic" timeformat="date"' "$tmp/spells.out.gexf" && ok || fail "dates make a dynamic graph"
# a landscape with mixed directions: mutual ties are type="mutual"
mk "$tmp/L" 'id,name,kind,budget,label\nA,Alpha,ngo,100,a\nB,Beta & Co,gov,,\nC,"Gamma <C>",ngo,2.5,c\n' \
	'source,target,type,weight,start,extra,label\nA,B,funding,2,2001-01-01,x,ab\nB,C,partnership,1,,,\nC,A,information,0.5,,7,\n'
run convert "$tmp/L" "$tmp/L.gexf"; expect_rc 0 "landscape to GEXF"
# what the file must hold, written by hand: 'kind' is the org type, and each
# tie's direction is its type's (SPEC.md: funding and information one-way)
mk "$tmp/Lwant" 'id,name,type,budget,label\nA,Alpha,ngo,100,a\nB,Beta & Co,gov,,\nC,"Gamma <C>",ngo,2.5,c\n' \
	'source,target,type,weight,directed,start,extra,label\nA,B,funding,2,true,2001-01-01,x,ab\nB,C,partnership,1,false,,,\nC,A,information,0.5,true,,7,\n'
if "$PYTHON3" "$CHECK" written "$tmp/Lwant" "$tmp/L.gexf" >"$tmp/chk" 2>&1; then ok; else fail "mixed landscape: $(cat "$tmp/chk")"; fi
# the round trip below ends where coalmap's own CSV export does
run convert "$tmp/L" "$tmp/L2" --to landscape; expect_rc 0 "landscape as coalmap exports it"
grep -q 'source="B" target="C" type="mutual"' "$tmp/L.gexf" && ok || fail "mutual tie"
run convert "$tmp/L" - --to gexf; expect_rc 0 "--to gexf on stdout"
[ "$out" = "$(cat "$tmp/L.gexf")" ] && ok || fail "same bytes on stdout and in the file"
run convert "$tmp/L.gexf" "$tmp/L3"; expect_rc 0 "coalmap reads its own GEXF"
cmp -s "$tmp/L2/relationships.csv" "$tmp/L3/relationships.csv" && cmp -s "$tmp/L2/organizations.csv" "$tmp/L3/organizations.csv" &&
	ok || fail "landscape -> GEXF -> landscape: $(diff "$tmp/L2/relationships.csv" "$tmp/L3/relationships.csv")"
# control characters are left out and counted
mk "$tmp/C" 'id,name\nA,"bell\007"\nB,b\n' 'source,target\nA,B\n'
run convert "$tmp/C" "$tmp/C.gexf"; expect_rc 0 "control characters"
expect_err "1 value held characters XML 1.0 cannot hold" "stripped values counted"

# ---- bad input: exit 65, FILE:LINE, nothing written
bad() { # NAME MESSAGE CONTENT
	printf '%s' "$3" >"$tmp/$1.gexf"
	run convert "$tmp/$1.gexf" "$tmp/$1.d/"; expect_rc 65 "$1"
	expect_err "$2" "$1 message"
	[ ! -e "$tmp/$1.d" ] && ok || fail "$1: something written"
}
bad doctype "doctype.gexf:2: a <!DOCTYPE> is not accepted" '<?xml version="1.0"?>
<!DOCTYPE gexf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
<gexf><graph><nodes><node id="&b;"/></nodes></graph></gexf>
'
bad malformed "malformed.gexf:4: malformed XML" '<gexf>
<graph>
<nodes><node id="1"/>
</graph></gexf>
'
bad unknown "unknown.gexf:5: unknown org '3' in target" '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
<graph defaultedgetype="directed">
<nodes><node id="1"/><node id="2"/></nodes>
<edges>
<edge source="1" target="3"/>
</edges></graph></gexf>
'
bad deep "elements nested deeper than 32 levels" "<gexf><graph><nodes>$(i=0; while [ $i -lt 40 ]; do printf '<x>'; i=$((i + 1)); done)"
bad hier "hier.gexf:1: nodes inside a node" '<gexf><graph><nodes><node id="a"><nodes><node id="b"/></nodes></node></nodes></graph></gexf>'
bad direction "direction.gexf:1: defaultedgetype=\"both\"" '<gexf><graph defaultedgetype="both"/></gexf>'
bad clash "clash.gexf:1: node attribute 'id' clashes" '<gexf><graph><attributes class="node"><attribute id="0" title="id"/></attributes></graph></gexf>'
finish
