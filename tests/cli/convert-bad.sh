#!/bin/sh
# coalmap convert on bad input: every problem as FILE:LINE: message, exit
# 65, nothing written.  GraphML, GML and Kumu inputs meet the CSV loader's
# own checks (unknown org, duplicate id, bad numbers, dates ...).
. "$(dirname "$0")/lib.sh"

G='<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
KEYS='<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n<key id="s" for="node" attr.name="score" attr.type="double"/>\n<key id="b" for="node" attr.name="budget" attr.type="double"/>\n'

# bad FILE LINE MESSAGE DESCRIPTION: converting FILE fails at LINE with MESSAGE
bad() {
	rm -rf "$tmp/res" "$tmp/res.graphml"
	run convert "$1" "$tmp/res"
	expect_rc 65 "$4"
	expect_err "$1:$2: $3" "$4"
	checks=$((checks + 1)); [ ! -e "$tmp/res" ] || fail "$4: output written"
	run convert "$1" "$tmp/res.graphml" --to graphml
	checks=$((checks + 1)); [ ! -e "$tmp/res.graphml" ] || fail "$4: GraphML output written"
}

f="$tmp/g.graphml"
printf "$G$KEYS"'<graph edgedefault="undirected">\n<node id="a"/>\n<node id="b">\n</graph>\n</graphml>\n' >"$f"
bad "$f" 9 "malformed XML" "unclosed element"
printf "$G"'<graph edgedefault="undirected">\n<node id="a"/>\n<node id="b"/>\n<edge source="a" target="zz"/>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 6 "unknown org 'zz' in target" "edge to an unknown node"
printf "$G"'<graph edgedefault="undirected">\n<node id="a"/>\n<node id="b"/>\n<node id="a"/>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 6 "duplicate org id 'a' (first on line 4)" "duplicate node id"
printf "$G$KEYS"'<graph edgedefault="undirected">\n<node id="a"><data key="s">abc</data></node>\n<node id="b"/>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 7 "score 'abc' is not a number" "text in a double key"
printf "$G$KEYS"'<graph edgedefault="undirected">\n<node id="a"><data key="b">-5</data></node>\n<node id="b"/>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 7 "budget -5 must be at least 0" "negative budget"
printf "$G$KEYS"'<graph edgedefault="undirected">\n<node id="a"/>\n<node id="b"/>\n<edge source="a" target="b">\n<data key="w">0</data></edge>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 9 "weight 0 must be greater than 0" "zero weight"
printf "$G"'<graph edgedefault="sideways">\n<node id="a"/>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 3 "edgedefault=\"sideways\" is not directed or undirected" "bad edgedefault"
printf "$G"'<graph edgedefault="directed">\n<node id="a"/>\n<node id="b"/>\n<edge source="a" target="b"><data key="nokey">1</data></edge>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 6 "<data> names an undeclared key 'nokey'" "undeclared key"
printf "$G"'<key id="i" for="node" attr.name="id" attr.type="string"/>\n<graph edgedefault="directed">\n<node id="a"/>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 3 "node attribute 'id' clashes with the node ids" "key named id"
# the clashing key's values have no column to go to (a fuzzer found this freed memory)
printf "$G"'<key id="i" for="node" attr.name="id" attr.type="string"/>\n<key id="t" for="edge" attr.name="target"/>\n<graph edgedefault="directed">\n<node id="a"><data key="i">x</data></node>\n<node id="b"/>\n<edge source="a" target="b"><data key="t">a</data></edge>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 3 "node attribute 'id' clashes with the node ids" "data for a key named id"
expect_err "$f:4: edge attribute 'target' clashes with the edges' ends" "data for a key named target"
printf '<?xml version="1.0"?>\n<html><body/></html>\n' >"$f"
bad "$f" 2 "not GraphML" "not GraphML"
printf "$G"'</graphml>\n' >"$f"
bad "$f" 1 "no <graph> element" "no graph"
printf "$G"'<graph edgedefault="directed">\n<node id="a"><graph edgedefault="directed"/></node>\n</graph>\n</graphml>\n' >"$f"
bad "$f" 4 "nested graphs are not supported" "nested graph"
printf '\357\273\277<?xml version="1.0"?>\n<graphml><graph edgedefault="directed"><node id="\377"/></graph></graphml>\n' >"$f"
bad "$f" 2 "malformed XML" "invalid UTF-8"
# entity expansion (billion laughs) and external entities are refused
cat >"$f" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE graphml [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY x SYSTEM "file:///etc/passwd">
]>
<graphml><key id="n" for="node" attr.name="name" attr.type="string"/>
<graph edgedefault="directed"><node id="a"><data key="n">&f;&x;</data></node></graph></graphml>
XML
rm -rf "$tmp/res"; run convert "$f" "$tmp/res"; expect_rc 65 "billion laughs"
expect_err "$f:" "billion laughs located"
checks=$((checks + 1)); [ ! -e "$tmp/res" ] || fail "billion laughs: output written"
printf '<?xml version="1.0"?>\n<!DOCTYPE graphml [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<graphml><key id="n" for="node" attr.name="name"/><graph edgedefault="directed"><node id="a"><data key="n">&x;</data></node></graph></graphml>\n' >"$f"
bad "$f" 2 "a <!DOCTYPE> is not accepted" "external entity"
printf '<?xml version="1.0"?>\n<!DOCTYPE graphml SYSTEM "http://example.invalid/graphml.dtd">\n<graphml><graph edgedefault="directed"><node id="a"/></graph></graphml>\n' >"$f"
bad "$f" 2 "a <!DOCTYPE> is not accepted" "DOCTYPE"

f="$tmp/g.gml"
printf 'graph [\n  node [ id 0 label "a" ]\n  node [ id 1 label "b\n  ]\n]\n' >"$f"
bad "$f" 3 "unterminated string" "GML unterminated string"
printf 'graph [\n  node [ id 0 label "a" ]\n  node [ id 1 label "b" ]\n  edge [ source 0 target 7 ]\n]\n' >"$f"
bad "$f" 4 "edge target names an unknown node id 7" "GML edge to an unknown node"
printf 'graph [\n  node [ id 0 label "a" ]\n  node [ id 0 label "b" ]\n]\n' >"$f"
bad "$f" 3 "duplicate node id 0 (first on line 2)" "GML duplicate node id"
printf 'graph [\n  node [ id 0 label "a" ]\n  node [ id 1 label "a" ]\n]\n' >"$f"
bad "$f" 3 "duplicate org id 'a' (first on line 2)" "GML duplicate label"
printf 'graph [\n  node [ id 0 label "a" budget NAN ]\n]\n' >"$f"
bad "$f" 2 "budget 'NAN' is not a number" "GML NAN budget"
printf 'graph [\n  node [ id 0 label "a" score +INF ]\n]\n' >"$f"
bad "$f" 2 "score '+INF' is not a number" "GML infinite attribute"
printf 'graph [\n  node [ id 0 label "a" ]\n  node [ id 1 label "b" ]\n  edge [ source 0 target 1 start "2023-02-30" ]\n]\n' >"$f"
bad "$f" 4 "start '2023-02-30' is not a date" "GML bad date"
printf 'graph [\n  node [ id 0 label "\351t\351" ]\n]\n' >"$f"
bad "$f" 2 "invalid UTF-8" "GML Latin-1"
printf 'graph [\n  node [ id 0 label "a&#0;b" ]\n]\n' >"$f"
bad "$f" 2 "character reference &#0; is not a character" "GML NUL reference"
printf 'graph [\n  node [ id 0 label "a" ]\n' >"$f"
bad "$f" 3 "unexpected end of file: a ']' is missing" "GML missing ]"
printf 'graph [\n  node [ id 0 label "a" ] }\n]\n' >"$f"
bad "$f" 2 "expected a key (letters, digits and _), not '}'" "GML stray character"
"$PYTHON3" -c "print('graph [ x ' + '[ y '*5000 + ']'*5000 + ' ]')" >"$f"
bad "$f" 1 "lists nested more than" "GML deep nesting"
printf 'Creator "x"\ngraph 5\n' >"$f"
bad "$f" 2 "graph is not a [ list ]" "GML graph not a list"
printf 'graph [ node [ id 0 label "a" ] ]\ngraph [ node [ id 0 label "b" ] ]\n' >"$f"
bad "$f" 2 "more than one graph; coalmap reads one" "GML two graphs"
printf '# nothing\n' >"$f"
bad "$f" 1 "no graph [ ... ] in the file" "GML without a graph"

mkdir -p "$tmp/k"
printf 'Label,Type\nA,ngo\nB,ngo\nA,donor\n' >"$tmp/k/elements.csv"
printf 'From,To,Direction\nA,B,\n' >"$tmp/k/connections.csv"
rm -rf "$tmp/res"; run convert "$tmp/k" "$tmp/res"; expect_rc 65 "Kumu duplicate label"
expect_err "$tmp/k/elements.csv:4: duplicate org id 'A' (first on line 2)" "Kumu duplicate label message"
printf 'Label,Type\nA,ngo\nB,ngo\n' >"$tmp/k/elements.csv"
printf 'From,To,Direction\nA,B,sideways\nA,C,\n' >"$tmp/k/connections.csv"
run convert "$tmp/k" "$tmp/res"; expect_rc 65 "Kumu bad direction"
expect_err "$tmp/k/connections.csv:2: Direction 'sideways' is not directed, mutual or undirected" "Kumu bad direction"
printf 'From,To,Direction\nA,B,\nA,C,\n' >"$tmp/k/connections.csv"
run convert "$tmp/k" "$tmp/res"; expect_rc 65 "Kumu unknown element"
expect_err "$tmp/k/connections.csv:3: unknown org 'C' in target" "Kumu unknown element"
printf 'Name,Type\nA,ngo\n' >"$tmp/k/elements.csv"
run convert "$tmp/k" "$tmp/res"; expect_rc 65 "Kumu without Label"
expect_err "missing Kumu column 'Label'" "Kumu without Label"
checks=$((checks + 1)); [ ! -e "$tmp/res" ] || fail "Kumu errors: output written"

# GML column names must be GML keys
mkdir -p "$tmp/sp"; printf 'id,founded year\na,1990\n' >"$tmp/sp/organizations.csv"; printf 'source,target\n' >"$tmp/sp/relationships.csv"
run convert "$tmp/sp" "$tmp/sp.gml"; expect_rc 65 "column name that is not a GML key"
expect_err "cannot be a GML key" "GML key message"
checks=$((checks + 1)); [ ! -e "$tmp/sp.gml" ] || fail "bad GML key: output written"
run convert "$tmp/sp" "$tmp/sp.graphml"; expect_rc 0 "any column name in GraphML"
finish
