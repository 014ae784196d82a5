#!/bin/sh
# coalmap map --diff-at D1,D2: on tests/data/diff/dated (the changes its
# README lists) the SVG is valid, draws exactly 7 gained, 5 lost and 11
# unchanged lines, each kind in its own style that needs no colour (gained
# bold solid, lost dashed, unchanged thin solid), with a legend row for
# each; the subtitle counts the lines drawn and the rows on neither day;
# two runs give the same bytes; bad uses exit 64.
. "$(dirname "$0")/lib.sh"
graphviz_leaks
need_xmllint
D="$top_srcdir/tests/data/diff/dated"

run map "$D" --diff-at 2019-06-01,2023-06-01 -o "$tmp/a.svg"
expect_rc 0 "map --diff-at"
checks=$((checks + 1))
xmllint --noout "$tmp/a.svg" 2>"$tmp/xml" || fail "SVG is not valid XML: $(cat "$tmp/xml")"
run map "$D" --diff-at 2019-06-01,2023-06-01 -o "$tmp/b.svg"
checks=$((checks + 1))
cmp -s "$tmp/a.svg" "$tmp/b.svg" || fail "two runs give different SVG"

# every map line is one of the three kinds, styled as the legend says
checks=$((checks + 1))
"$PYTHON3" - "$tmp/a.svg" >"$tmp/check" 2>&1 <<'PY' || fail "SVG lines: $(cat "$tmp/check")"
import sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
count = {"gained": 0, "lost": 0, "unchanged": 0}
problems = []
for g in root.iter(NS + "g"):
    cls = (g.get("class") or "").split()
    if cls[:1] != ["edge"] or len(cls) != 2:
        continue
    kind = cls[1]
    path = g.find(NS + "path")
    width = float(path.get("stroke-width", "1"))
    dashed = path.get("stroke-dasharray") is not None
    count[kind] += 1
    if kind == "gained" and not (width >= 3 and not dashed):
        problems.append("gained line not bold solid: %s" % path.attrib)
    if kind == "lost" and not dashed:
        problems.append("lost line not dashed: %s" % path.attrib)
    if kind == "unchanged" and not (width <= 1.2 and not dashed):
        problems.append("unchanged line not thin solid: %s" % path.attrib)
if count != {"gained": 7, "lost": 5, "unchanged": 11}:
    problems.append("lines drawn: %s, expected 7 gained, 5 lost, 11 unchanged" % count)
text = " ".join("".join(t.itertext()) for t in root.iter(NS + "text"))
for row in ("gained: on 2023-06-01, not on 2019-06-01 (7)", "lost: on 2019-06-01, not on 2023-06-01 (5)",
            "unchanged: on both days (11)", "ties on 2019-06-01 and on 2023-06-01"):
    if row not in text:
        problems.append("legend lacks %r" % row)
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY

# the other formats
run map "$D" --diff-at 2019-06-01,2023-06-01 -o "$tmp/a.dot"
expect_rc 0 "map --diff-at as DOT"
checks=$((checks + 1))
[ "$(grep -c 'class=gained' "$tmp/a.dot")" -eq 7 ] || fail "DOT: gained lines"
run map "$D" --diff-at 2019-06-01,2023-06-01 -o "$tmp/a.png"
expect_rc 0 "map --diff-at as PNG"

# the days swapped: gained and lost swap
run map "$D" --diff-at 2023-06-01,2019-06-01 -o "$tmp/swap.svg"
expect_rc 0 "days swapped"
checks=$((checks + 1))
[ "$(grep -c 'class="edge lost"' "$tmp/swap.svg")" -eq 7 ] || fail "days swapped: lost lines"

# the subtitle counts the lines drawn, not the rows: on a hand-made
# landscape a -- b is two rows (one per day, merged into one unchanged
# line), b -- c is gained, a -- c lost, and two rows exist on neither day
# (an old information tie, a tie that starts later): 3 lines, 2 rows left out
mkdir "$tmp/nd"
cat >"$tmp/nd/organizations.csv" <<'CSV'
id,name
a,Alpha
b,Beta
c,Gamma
CSV
cat >"$tmp/nd/relationships.csv" <<'CSV'
source,target,type,directed,start,end
a,b,partnership,,2015-01-01,2020-12-31
b,a,partnership,,2021-01-01,
b,c,partnership,,2022-01-01,
a,c,partnership,,2015-01-01,2019-12-31
a,c,information,true,2010-01-01,2012-12-31
c,b,partnership,,2024-01-01,
CSV
subtitle() { # SVG: its texts joined, entities decoded
	"$PYTHON3" -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(" ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")))' "$1"
}
run map "$tmp/nd" --diff-at 2019-06-01,2023-06-01 -o "$tmp/nd.svg"
expect_rc 0 "map --diff-at, rows merged and left out"
out=$(subtitle "$tmp/nd.svg")
expect_out "3 organizations, 3 ties (2 relationship rows dated on neither day left out); ties on 2019-06-01" \
	"subtitle with rows merged and left out"
expect_out "unchanged: on both days (1)" "legend counts"
run map "$D" --diff-at 2019-06-01,2023-06-01 -o "$tmp/a.svg"
out=$(subtitle "$tmp/a.svg")
expect_out "10 organizations, 23 ties; ties on 2019-06-01" "subtitle: 7 + 5 + 11 lines, none left out"

# bad uses: 64, nothing written
for bad in "2019-06-01" "2019-06-01,2020-13-01" "2019-06-01,2020-01-01,2021-01-01" "06/01/2019,2020-01-01" ","; do
	run map "$D" --diff-at "$bad" -o "$tmp/bad.svg"
	expect_rc 64 "--diff-at '$bad'"
	expect_err "--diff-at needs two dates" "--diff-at '$bad'"
done
run map "$D" --diff-at 2019-06-01,2023-06-01 --at 2020-01-01 -o "$tmp/bad.svg"
expect_rc 64 "--diff-at with --at"
expect_err "leave --at out" "--diff-at with --at"
run map "$D" --diff-at 2019-06-01,2023-06-01 --aggregate community -o "$tmp/bad.svg"
expect_rc 64 "--diff-at with --aggregate"
run map "$D" --diff-at 2019-06-01,2023-06-01 --highlight-gaps a -o "$tmp/bad.svg"
expect_rc 64 "--diff-at with --highlight-gaps"
checks=$((checks + 1))
[ ! -e "$tmp/bad.svg" ] || fail "a bad use wrote the map"
finish
