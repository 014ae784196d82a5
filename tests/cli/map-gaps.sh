#!/bin/sh
# coalmap map --highlight-gaps ORG [--gaps-top N] (issue 5): the DOT holds
# exactly N suggested lines from ORG's node to the nodes of the ids
# `coalmap gaps --for ORG --top N` lists, with their rank and score; ORG
# and its partners are drawn and labelled even when --ego, --where or
# --labels would leave them out; the legend names the suggestions; the SVG
# is valid (hostile names too); two runs give the same bytes; bad uses
# exit 64 (an unknown ORG with the message of coalmap gaps).
. "$(dirname "$0")/lib.sh"
graphviz_leaks
E="$top_srcdir/datasets/education-coalition"
ORG=ke_kibanda
need_xmllint

# check_dot DOT GAPS_CSV ORGS_CSV [IDS...]: the suggested lines of DOT
# (class "suggested") join ORG's node to the node of each id GAPS_CSV lists,
# once each; each carries "#rank (score)"; ORG has the thick outline; the
# legend has its row; with IDS, the orgs drawn are exactly IDS plus the
# suggested partners.
check_dot() {
	"$PYTHON3" - "$ORG" "$@" <<'PY'
import csv, re, sys
org, dot_path, gaps_path, orgs_path = sys.argv[1:5]
want_drawn = set(sys.argv[5:])
dot = open(dot_path, encoding="utf-8").read().replace("\\\n", "")
value = r'"(?:[^"\\]|\\.)*"|[^,\s\]]+'
stmt = re.compile(r'(n\d+)(?:\s*->\s*(n\d+))?\s*\[((?:[^\]"]|"(?:[^"\\]|\\.)*")*)\]', re.S)
attr = re.compile(r'(\w+)=(' + value + ')', re.S)

def unq(v):
    if v.startswith('"'):
        v = v[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return v

nodes, edges = {}, []
for m in stmt.finditer(dot):
    a = {k: unq(v) for k, v in attr.findall(m.group(3))}
    if m.group(2):
        edges.append((m.group(1), m.group(2), a))
    else:
        nodes[m.group(1)] = a

def label(name):
    return name if len(name) <= 40 else name[:39].rstrip() + "\u2026"

orgs = list(csv.DictReader(open(orgs_path, encoding="utf-8")))
id_of = {label(o["name"]): o["id"] for o in orgs}
# an org is a shape node followed by its label plate (n<k>, n<k+1>)
org_node = {}
for name, a in nodes.items():
    if a.get("fillcolor") == "#FFFFFFC8":
        text = " ".join(a.get("label", "").replace("&amp;", "&").split())
        shape = "n%d" % (int(name[1:]) - 1)
        org_node[shape] = id_of[text]
rows = list(csv.DictReader(open(gaps_path, encoding="utf-8")))
assert rows, "coalmap gaps listed no partner"
ids = [r["id"] for r in rows]
sug = [(org_node.get(a), org_node.get(b)) for a, b, e in edges if e.get("class") == "suggested"]
on_map = [p for p in sug if p != (None, None)]
assert len(on_map) == len(ids), ("suggested lines", on_map, ids)
assert all(a == org for a, b in on_map), ("not from " + org, on_map)
assert sorted(b for a, b in on_map) == sorted(ids), (on_map, ids)
assert len(sug) == len(ids) + 1, ("legend sample", sug)
plates = sorted(a["label"] for a in nodes.values() if a.get("label", "").startswith("#"))
assert plates == sorted("#%d (%.2f)" % (i + 1, float(r["score"])) for i, r in enumerate(rows)), plates
ego = [n for n, i in org_node.items() if i == org]
assert len(ego) == 1 and nodes[ego[0]].get("penwidth") == "3.5", ("thick outline", ego)
for n, i in org_node.items():
    if i in ids:
        assert nodes[n].get("color") == "#6A3D9A", ("partner outline", i, nodes[n])
assert any(a.get("label") == "suggested partner (coalmap gaps)\\l" for a in nodes.values()), "legend row"
if want_drawn:
    drawn = set(org_node.values())
    assert drawn == want_drawn | set(ids), (sorted(drawn), sorted(want_drawn | set(ids)))
PY
}

# neighbours ORG: ORG and the orgs one tie away (any type, either direction)
neighbours() {
	"$PYTHON3" - "$E/relationships.csv" "$1" <<'PY'
import csv, sys
near = {sys.argv[2]}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if sys.argv[2] in (r["source"], r["target"]):
        near |= {r["source"], r["target"]}
print(" ".join(sorted(near)))
PY
}

# default top 3 and --gaps-top 5, the whole landscape
for n in 3 5; do
	if [ "$n" -eq 3 ]; then top=""; else top="--gaps-top $n"; fi
	# shellcheck disable=SC2086
	run map "$E" --highlight-gaps "$ORG" $top -o "$tmp/whole$n.dot"; expect_rc 0 "--highlight-gaps $top"
	"$COALMAP" gaps "$E" --for "$ORG" --top "$n" --format csv >"$tmp/gaps$n.csv" 2>/dev/null
	check_dot "$tmp/whole$n.dot" "$tmp/gaps$n.csv" "$E/organizations.csv" && ok ||
		fail "top $n: suggested lines match coalmap gaps --for $ORG --top $n"
done

# --ego ORG --radius 1: the suggested partners are added to the drawn orgs
run map "$E" --ego "$ORG" --radius 1 --highlight-gaps "$ORG" -o "$tmp/ego.dot"; expect_rc 0 "--ego --highlight-gaps"
# shellcheck disable=SC2046
check_dot "$tmp/ego.dot" "$tmp/gaps3.csv" "$E/organizations.csv" $(neighbours "$ORG") && ok ||
	fail "--ego $ORG: the neighbourhood plus the suggested partners"
run map "$E" --ego "$ORG" --radius 1 --highlight-gaps "$ORG" -o "$tmp/ego.svg"; expect_rc 0 "--ego --highlight-gaps svg"
"$PYTHON3" - "$tmp/ego.svg" "$(neighbours "$ORG" | wc -w)" <<'PY' && ok || fail "ego subtitle counts the added partners apart"
import sys, xml.etree.ElementTree as ET
texts = [t.text or "" for t in ET.parse(sys.argv[1]).iter("{http://www.w3.org/2000/svg}text")]
want = "%s organizations within 1 step of Kibanda Mothers' Reading Circle plus 3 suggested partners," % sys.argv[2]
assert any(t.startswith(want) for t in texts), [t for t in texts if "organizations" in t]
assert "suggested partner (coalmap gaps)" in texts
PY

# --where leaves ORG (East Africa) and its partners out: they are drawn anyway
run map "$E" --where region=Europe --highlight-gaps "$ORG" -o "$tmp/where.dot"; expect_rc 0 "--where --highlight-gaps"
where=$("$PYTHON3" -c 'import csv, sys
print(" ".join(o["id"] for o in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if o["region"] == "Europe"))' "$E/organizations.csv")
# shellcheck disable=SC2086
check_dot "$tmp/where.dot" "$tmp/gaps3.csv" "$E/organizations.csv" $where $ORG && ok ||
	fail "--where: ORG and its suggested partners drawn"

# --labels top:2 and a filter: ORG and its partners stay labelled; the
# suggestions come from the same --types filter
run map "$E" --labels top:2 --types funding,membership --highlight-gaps "$ORG" -o "$tmp/top2.dot"
expect_rc 0 "--labels top:2 --types"
"$COALMAP" gaps "$E" --types funding,membership --for "$ORG" --top 3 --format csv >"$tmp/gapsf.csv" 2>/dev/null
check_dot "$tmp/top2.dot" "$tmp/gapsf.csv" "$E/organizations.csv" && ok ||
	fail "--labels top:2 --types: suggested partners labelled, from the filtered gaps"

# SVG: valid, the suggested class on N lines plus the legend sample
for f in svg png pdf dot; do
	run map "$E" --highlight-gaps "$ORG" -o "$tmp/a.$f"; expect_rc 0 "--highlight-gaps .$f"
	run map "$E" --highlight-gaps "$ORG" -o "$tmp/b.$f"; expect_rc 0 "--highlight-gaps .$f again"
	checks=$((checks + 1)); cmp -s "$tmp/a.$f" "$tmp/b.$f" || fail "two runs gave different $f files"
done
checks=$((checks + 1)); xmllint --noout "$tmp/a.svg" 2>"$tmp/x.err" || fail "invalid SVG: $(head -3 "$tmp/x.err")"
checks=$((checks + 1)); [ "$(grep -c 'class="edge suggested"' "$tmp/a.svg")" -eq 4 ] || fail "SVG: not 3 suggested lines and a legend sample"

# hostile names as ORG and as partners: drawn literally, valid SVG
H="$top_srcdir/tests/data/hostile"
for f in svg dot; do
	run map "$H" --highlight-gaps html --gaps-top 10 -o "$tmp/h.$f"; expect_rc 0 "hostile --highlight-gaps .$f"
done
checks=$((checks + 1)); xmllint --noout "$tmp/h.svg" 2>"$tmp/x.err" || fail "hostile: invalid SVG: $(head -3 "$tmp/x.err")"
checks=$((checks + 1)); grep -q '<script>\|href=' "$tmp/h.svg" && fail "hostile: markup or a link in the SVG"

# fewer candidates than asked: what there is, and a note; none: a map anyway
mk "$tmp/three" 'id,name,type\na,Alpha,ngo\nb,Beta,ngo\nc,Gamma,donor\n' 'source,target,type\na,b,partnership\n'
run map "$tmp/three" --highlight-gaps a -o "$tmp/three.dot"; expect_rc 0 "one candidate"
expect_err "coalmap gaps suggests only 1 partner for 'a'" "one candidate noted"
checks=$((checks + 1)); [ "$(grep -c 'class=suggested' "$tmp/three.dot")" -eq 2 ] || fail "one candidate: not 1 line and a legend sample"
mk "$tmp/two" 'id,name,type\na,Alpha,ngo\nb,Beta,ngo\n' 'source,target,type\na,b,partnership\n'
run map "$tmp/two" --highlight-gaps a -o "$tmp/two.svg"; expect_rc 0 "no candidate"
expect_err "coalmap gaps suggests 0 partners for 'a'" "no candidate noted"
checks=$((checks + 1)); grep -q 'coalmap gaps suggests no partner for it' "$tmp/two.svg" || fail "no candidate: legend note"

# help and bad uses: 64, nothing written; an unknown ORG as coalmap gaps says
run map --help; expect_rc 0 "map --help"; expect_out "--highlight-gaps ORG" "help names --highlight-gaps"
expect_out "--gaps-top N" "help names --gaps-top"
"$COALMAP" gaps "$E" --for nosuch >/dev/null 2>"$tmp/gaps.err"
run map "$E" --highlight-gaps nosuch -o "$tmp/bad.svg"; expect_rc 64 "unknown ORG"
checks=$((checks + 1)); [ "$err" = "$(cat "$tmp/gaps.err")" ] || fail "unknown ORG: '$err', coalmap gaps says '$(cat "$tmp/gaps.err")'"
for args in "--highlight-gaps $ORG --aggregate region" "--highlight-gaps $ORG --aggregate community" \
	"--gaps-top 3" "--highlight-gaps $ORG --gaps-top 0" "--highlight-gaps $ORG --gaps-top 11" \
	"--highlight-gaps $ORG --gaps-top x" "--highlight-gaps $ORG --gaps-top 2.5" "--highlight-gaps"; do
	# shellcheck disable=SC2086
	run map "$E" $args -o "$tmp/bad.svg"; expect_rc 64 "map $args"
done
run map "$E" --highlight-gaps "$ORG" --aggregate region -o "$tmp/bad.svg"
expect_err "cannot be used with --aggregate" "--aggregate refused by name"
checks=$((checks + 1)); [ -e "$tmp/bad.svg" ] && fail "a usage error wrote a map"
finish
