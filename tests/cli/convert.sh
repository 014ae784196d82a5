#!/bin/sh
# coalmap convert: CSV landscape -> GraphML / GML -> CSV gives the same
# landscape (same `check` and `metrics`, and the same data read back by an
# independent Python reader) on every bundled dataset, the dirty fixture, a
# generated landscape and hostile names; NetworkX reads coalmap's GraphML and
# GML with the same nodes, edges and attributes; output is deterministic;
# output-folder rules; Kumu's CSV export.
. "$(dirname "$0")/lib.sh"
R="$top_srcdir/tests/reference"
K="$top_srcdir/tests/data/convert"

run convert --help; expect_rc 0 "convert --help"; expect_out "usage: coalmap convert" "convert --help"
run help convert; expect_rc 0 "help convert"; expect_out "usage: coalmap convert" "help convert"

run generate --orgs 300 --ties 900 --seed 3 -o "$tmp/generated"; expect_rc 0 "generate"
mk "$tmp/hostile" 'id,name,notes,score\n=cmd,"=HYPERLINK(""x"")",<b>&amp;</b>,1.5\n+a,"say ""hi"", then\nbye",]]>-->,-2\n@b,-minus,"{|}<>\\N\\l\\",3e2\n-c,"\342\200\256RTL",javascript:alert(1),\n' \
	'source,target,type,weight,since\n=cmd,+a,funding,0.125,2001\n+a,@b,,3,x\n@b,-c,conflict,1,\n'

# same: A B NAME -- A and B hold the same landscape, by three measures
same() {
	run check "$1" --format csv; a_check=$out
	run metrics "$1" --format csv; a_metrics=$out
	run check "$2" --format csv; expect_rc 0 "$3: check"
	checks=$((checks + 1)); [ "$out" = "$a_check" ] || fail "$3: check output differs"
	run metrics "$2" --format csv; expect_rc 0 "$3: metrics"
	checks=$((checks + 1)); [ "$out" = "$a_metrics" ] || fail "$3: metrics output differs"
	if "$PYTHON3" "$R/landscape_same.py" "$1" "$2" >"$tmp/same.out" 2>&1; then ok; else fail "$3: $(cat "$tmp/same.out")"; fi
}

for src in "$top_srcdir"/datasets/education-coalition "$top_srcdir"/datasets/florentine \
	"$top_srcdir"/datasets/knoke-wood "$top_srcdir"/tests/data/dirty "$tmp/generated" "$tmp/hostile"; do
	n=$(basename "$src")
	d="$tmp/$n"-out
	mkdir -p "$d"
	run convert "$src" "$d/a.graphml"; expect_rc 0 "$n: to GraphML"
	run convert "$src" "$d/a.gml"; expect_rc 0 "$n: to GML"
	run convert "$d/a.graphml" "$d/from-graphml"; expect_rc 0 "$n: GraphML back"
	run convert "$d/a.gml" "$d/from-gml/"; expect_rc 0 "$n: GML back"
	run convert "$d/a.graphml" "$d/b.gml"; expect_rc 0 "$n: GraphML to GML"
	run convert "$d/b.gml" "$d/b.graphml"; expect_rc 0 "$n: GML to GraphML"
	run convert "$d/b.graphml" "$d/from-chain"; expect_rc 0 "$n: chain back"
	run convert "$src" "$d/from-csv"; expect_rc 0 "$n: landscape to landscape"
	for x in from-graphml from-gml from-chain from-csv; do
		same "$src" "$d/$x" "$n $x"
	done
	if "$PYTHON3" "$R/nx_convert_check.py" "$src" "$d/a.graphml" >"$tmp/nx.out" 2>&1; then ok; else fail "$n: NetworkX read_graphml: $(cat "$tmp/nx.out")"; fi
	if "$PYTHON3" "$R/nx_convert_check.py" "$src" "$d/a.gml" >"$tmp/nx.out" 2>&1; then ok; else fail "$n: NetworkX read_gml: $(cat "$tmp/nx.out")"; fi
	if command -v xmllint >/dev/null; then
		xmllint --noout "$d/a.graphml" 2>"$tmp/xl" && ok || fail "$n: xmllint: $(cat "$tmp/xl")"
	fi
	run convert "$src" "$d/again.graphml"; run convert "$src" "$d/again.gml"
	checks=$((checks + 1)); cmp -s "$d/a.graphml" "$d/again.graphml" || fail "$n: GraphML not byte-identical"
	checks=$((checks + 1)); cmp -s "$d/a.gml" "$d/again.gml" || fail "$n: GML not byte-identical"
done

# the comparisons can fail: one changed weight, one changed attribute
cp -r "$tmp/education-coalition-out/from-graphml" "$tmp/changed"
sed -i '2s/,5,true,/,6,true,/' "$tmp/changed/relationships.csv"
checks=$((checks + 1)); "$PYTHON3" "$R/landscape_same.py" "$top_srcdir/datasets/education-coalition" "$tmp/changed" >/dev/null && fail "landscape_same misses a changed weight"
sed 's/>Global Learning Alliance International</>Global Learning Alliance</' "$tmp/education-coalition-out/a.graphml" >"$tmp/changed.graphml"
checks=$((checks + 1)); "$PYTHON3" "$R/nx_convert_check.py" "$top_srcdir/datasets/education-coalition" "$tmp/changed.graphml" >/dev/null && fail "nx_convert_check misses a changed name"

# GraphML's representation: directed graph, each tie's direction in `directed`
g="$tmp/education-coalition-out/a.graphml"
grep -q 'edgedefault="directed"' "$g" && ok || fail "edgedefault directed"
grep -q 'attr.name="directed" attr.type="boolean"' "$g" && ok || fail "boolean directed key"
grep -q 'attr.name="founded" attr.type="long"' "$g" && ok || fail "whole-number column is long"
grep -q 'attr.name="budget" attr.type="double"' "$g" && ok || fail "budget is double"

# control characters: XML 1.0 cannot hold them; left out with a warning
mk "$tmp/ctl" 'id,name\na,"x\001y"\nb,B\n' 'source,target\na,b\n'
run convert "$tmp/ctl" "$tmp/ctl.graphml"; expect_rc 0 "control character"
expect_err "characters XML 1.0 cannot hold" "control character warning"
grep -q '<data key="n1">xy</data>' "$tmp/ctl.graphml" && ok || fail "control character left out"
run convert "$tmp/ctl" "$tmp/ctl.gml"; expect_rc 0 "control character in GML"
"$PYTHON3" -c "
import networkx as nx, sys
G = nx.read_gml(sys.argv[1])
assert G.nodes['a']['name'] == 'x\x01y', G.nodes['a']
" "$tmp/ctl.gml" && ok || fail "GML keeps control characters as character references"

# output rules
mkdir -p "$tmp/full"; echo keep >"$tmp/full/other.txt"
run convert "$top_srcdir/datasets/florentine" "$tmp/full"; expect_rc 73 "non-empty folder"
expect_err "use --force" "non-empty folder message"
checks=$((checks + 1)); [ ! -e "$tmp/full/organizations.csv" ] || fail "wrote into a non-empty folder"
run convert "$top_srcdir/datasets/florentine" "$tmp/full" --force; expect_rc 0 "--force"
checks=$((checks + 1)); [ -s "$tmp/full/organizations.csv" ] && [ -s "$tmp/full/relationships.csv" ] && [ -e "$tmp/full/other.txt" ] || fail "--force result"
checks=$((checks + 1)); ls -a "$tmp/full" | grep -q coalmap- && fail "temporary files left"
cp -r "$top_srcdir/datasets/florentine" "$tmp/flo"
run convert "$tmp/flo" "$tmp/flo" --force; expect_rc 73 "output is the input folder"
run convert "$tmp/flo" "$tmp/flo/../flo/" --force; expect_rc 73 "output is the input folder, another name"
checks=$((checks + 1)); cmp -s "$tmp/flo/organizations.csv" "$top_srcdir/datasets/florentine/organizations.csv" || fail "input changed"
cp "$tmp/education-coalition-out/a.graphml" "$tmp/in.graphml"
run convert "$tmp/in.graphml" "$tmp/in.graphml"; expect_rc 73 "output is the input file"
run convert "$top_srcdir/datasets/florentine" - --to gml; expect_rc 0 "GML to stdout"
expect_out "graph [" "GML on stdout"
run convert "$top_srcdir/datasets/florentine" - --to graphml; expect_rc 0 "GraphML to stdout"
expect_out "<graphml" "GraphML on stdout"
run convert "$top_srcdir/datasets/florentine" -; expect_rc 64 "- without --to"
run convert "$top_srcdir/datasets/florentine" "$tmp/x.txt"; expect_rc 64 "unknown output extension"
run convert "$top_srcdir/datasets/florentine" "$tmp/x.txt" --to gml; expect_rc 0 "--to gml"
run convert "$tmp/no-such" "$tmp/y.graphml"; expect_rc 66 "missing input"
run convert "$top_srcdir/datasets/florentine"; expect_rc 64 "one argument"
run convert "$top_srcdir/datasets/florentine" "$tmp/z.graphml" --to kumu; expect_rc 64 "kumu is input only"
run convert "$tmp/education-coalition-out/a.graphml" "$tmp/fromxml" --from gml; expect_rc 65 "--from names the wrong format"
checks=$((checks + 1)); [ ! -e "$tmp/fromxml" ] || fail "bad input created the output folder"
run convert "$top_srcdir/datasets" "$tmp/k"; expect_rc 66 "neither a landscape nor a Kumu export"

# Kumu's CSV export, against landscapes written by hand
for k in kumu kumu-ids; do
	run convert "$K/$k" "$tmp/$k"; expect_rc 0 "$k"
	if "$PYTHON3" "$R/landscape_same.py" "$K/$k-expected" "$tmp/$k" >"$tmp/same.out" 2>&1; then ok; else fail "$k: $(cat "$tmp/same.out")"; fi
done
# GraphML features: keys for all, <default>, CDATA, entities, an edge's own
# directed="true" in an undirected graph, a label key giving names, edge ids
run convert "$K/features.graphml" "$tmp/features"; expect_rc 0 "GraphML features"
if "$PYTHON3" "$R/landscape_same.py" "$K/features-expected" "$tmp/features" >"$tmp/same.out" 2>&1; then ok; else fail "GraphML features: $(cat "$tmp/same.out")"; fi
run convert "$K/features.gml" "$tmp/features-gml"; expect_rc 0 "GML features"
expect_err "features.gml:11: warning: nested attribute 'graphics'" "nested GML list reported"
if "$PYTHON3" "$R/landscape_same.py" "$K/features-gml-expected" "$tmp/features-gml" >"$tmp/same.out" 2>&1; then ok; else fail "GML features: $(cat "$tmp/same.out")"; fi
run check "$tmp/kumu" --format csv; expect_rc 0 "kumu landscape checks"
expect_out "landscape,organizations,4" "kumu orgs"

# ordinal words on influence, weight and trust (Kumu's Influence: High /
# Medium / Low) are read on the documented five-point scale, one warning
# per column and file: influence and weight 1-5, trust 0-1 in quarters
mkdir -p "$tmp/kord"
printf 'Label,Type,Influence\nAda,NGO,High\nBo,NGO,medium\nCy,Donor,2.5\nDi,Donor,Very Low\n' >"$tmp/kord/elements.csv"
printf 'From,To,Type,Weight,Trust\nAda,Bo,partnership,low,very_high\nBo,Cy,funding,3,Medium\nCy,Di,partnership,VERY-HIGH,\n' >"$tmp/kord/connections.csv"
run convert "$tmp/kord" "$tmp/kord-out"; expect_rc 0 "ordinal words convert"
expect_err "elements.csv:2: warning: influence 'High' read as 4" "one influence warning"
expect_err "connections.csv:2: warning: weight 'low' read as 2" "one weight warning"
expect_err "connections.csv:2: warning: trust 'very_high' read as 1" "one trust warning"
checks=$((checks + 1)); [ "$(printf '%s\n' "$err" | grep -c warning)" -eq 3 ] || fail "ordinal warnings not one per column: $err"
checks=$((checks + 1))
[ "$(cut -d, -f4 "$tmp/kord-out/organizations.csv" | tr '\n' ' ')" = "influence 4 3 2.5 1 " ] ||
	fail "influence on the scale: $(cat "$tmp/kord-out/organizations.csv")"
checks=$((checks + 1))
[ "$(cut -d, -f4,6 "$tmp/kord-out/relationships.csv" | tr '\n' ' ')" = "weight,trust 2,1 3,0.5 5, " ] ||
	fail "weight and trust on the scale: $(cat "$tmp/kord-out/relationships.csv")"
mk "$tmp/ordbad" 'id,budget,influence\na,High,huge\n' 'source,target\n'
run check "$tmp/ordbad"; expect_rc 65 "words on budget and unknown words stay errors"
expect_err "budget 'High' is not a number" "budget takes no words"
expect_err "influence 'huge' is not a number" "an unknown word is an error"
finish
