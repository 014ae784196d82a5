#!/bin/sh
# coalmap map: every bundled landscape in every format (valid SVG, PNG and
# PDF signatures, DOT), legend entries and node colours matching the data,
# ego, aggregate and filter variants, byte-identical repeated runs, usage
# errors (64), a missing landscape (66), a failed layout (70, no file).
. "$(dirname "$0")/lib.sh"
graphviz_leaks
D="$top_srcdir/datasets"
E="$D/education-coalition"
have_xmllint=0
command -v xmllint >/dev/null 2>&1 && have_xmllint=1

# valid_svg FILE DESCRIPTION
valid_svg() {
	checks=$((checks + 1))
	if [ "$have_xmllint" -eq 1 ]; then
		xmllint --noout "$1" 2>"$tmp/xmllint.err" || fail "$2: invalid SVG: $(head -3 "$tmp/xmllint.err")"
	else
		"$PYTHON3" -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$1" ||
			fail "$2: invalid SVG"
	fi
}

# magic FILE BYTES DESCRIPTION: FILE is non-empty and starts with BYTES.
magic() {
	checks=$((checks + 1))
	[ -s "$1" ] && [ "$(head -c ${#2} "$1")" = "$2" ] || fail "$3: $1 is empty or not a $2 file"
}

for d in education-coalition florentine knoke-wood; do
	for f in svg png pdf dot; do
		run map "$D/$d" -o "$tmp/$d.$f"; expect_rc 0 "$d .$f"
	done
	valid_svg "$tmp/$d.svg" "$d"
	magic "$tmp/$d.png" "$(printf '\211PNG')" "$d png"
	magic "$tmp/$d.pdf" "%PDF" "$d pdf"
	magic "$tmp/$d.dot" "digraph" "$d dot"
	checks=$((checks + 1)); grep -q 'pos="' "$tmp/$d.dot" || fail "$d: DOT without positions"
	has_text "$tmp/$d.svg" "Colour: .*" "$d legend"
	has_text "$tmp/$d.svg" "$d" "$d default title"
done

# The legend names every region with its count, and every org is filled
# with its region's colour (the shape node followed by its label node);
# with the default colouring by type (12 values) the 7 largest get colours
# and the rest share the grey "other" row.
run map "$E" --color-by region -o "$tmp/region.svg"; expect_rc 0 "--color-by region"
run map "$E" -o "$tmp/type.svg"; expect_rc 0 "default colours"
expect_err "'type' has 12 values; the 7 largest have colours" "note on grey categories"
"$PYTHON3" - "$E/organizations.csv" "$tmp/region.svg" "$tmp/type.svg" <<'PY' && ok || fail "legend and node colours match the data"
import collections, csv, sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
orgs = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))

def pairs(path):
    root = ET.parse(path).getroot()
    nodes = [g for g in root.iter(S + "g") if g.get("class") == "node"]
    def text(g):
        return " ".join(t.text or "" for t in g.iter(S + "text"))
    def fill(g):
        for el in g:
            if el.tag in (S + "ellipse", S + "polygon") and el.get("fill") not in (None, "none", "#ffffff", "white"):
                return el.get("fill").lower()
    out = []
    for a, b in zip(nodes, nodes[1:]):
        if not text(a) and fill(a) and text(b):
            out.append((fill(a), text(b)))
    return out

def label(name):
    return name if len(name) <= 40 else name[:39].rstrip() + "\u2026"

def check(path, col, top):
    p = pairs(path)
    by_text = collections.defaultdict(set)
    for f, t in p:
        by_text[t].add(f)
    counts = collections.Counter(o[col] for o in orgs)
    ranked = sorted(counts, key=lambda v: (-counts[v], [o[col] for o in orgs].index(v)))
    coloured = ranked if len(ranked) <= 8 else ranked[:7]
    fills = {}
    for v in coloured:
        row = "%s (%d)" % (v, counts[v])
        assert len(by_text[row]) == 1, (path, "legend row", row, by_text.get(row))
        fills[v] = next(iter(by_text[row]))
    assert len(set(fills.values())) == len(fills), ("colours not distinct", fills)
    if len(ranked) > len(coloured):
        rest = [r for r in p if r[1].startswith("other (%d): " % sum(counts[v] for v in ranked[7:]))]
        assert len(rest) == 1, ("other row", [t for f, t in p if t.startswith("other")])
        fills.update({v: rest[0][0] for v in ranked[7:]})
        assert rest[0][0] == "#bbbbbb", rest[0]
    for o in orgs:
        f = by_text.get(label(o["name"]))
        assert f and fills[o[col]] in f, (path, o["name"], o[col], f, fills[o[col]])
    return len(coloured)

assert check(sys.argv[2], "region", 8) == 6
assert check(sys.argv[3], "type", 7) == 7
PY

# ego: the subtitle counts the orgs within 2 steps over any tie
run map "$E" --ego glai --radius 2 -o "$tmp/ego.svg"; expect_rc 0 "--ego --radius"
valid_svg "$tmp/ego.svg" "ego"
n=$("$PYTHON3" - "$E/relationships.csv" <<'PY'
import csv, sys
adj = {}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    adj.setdefault(r["source"], set()).add(r["target"])
    adj.setdefault(r["target"], set()).add(r["source"])
seen, frontier = {"glai"}, {"glai"}
for _ in range(2):
    frontier = {w for v in frontier for w in adj.get(v, ())} - seen
    seen |= frontier
print(len(seen))
PY
)
has_text "$tmp/ego.svg" "$n organizations within 2 steps of Global Learning Alliance International, [0-9]* ties among them" "ego subtitle"
has_text "$tmp/ego.svg" "Thick outline: Global Learning Alliance International" "ego note"
run map "$E" --ego "Global Learning Alliance International" -o "$tmp/ego-name.svg"; expect_rc 0 "--ego by exact name"

# aggregate: one node per region with its size, in the legend too
run map "$E" --aggregate region -o "$tmp/agg.svg"; expect_rc 0 "--aggregate region"
valid_svg "$tmp/agg.svg" "aggregate"
has_text "$tmp/agg.svg" "64 organizations in 6 groups by region, 256 ties" "aggregate subtitle"
has_text "$tmp/agg.svg" "East Africa (17)" "aggregate legend"
has_text "$tmp/agg.svg" "17 orgs, [0-9]* ties inside" "aggregate label"
run map "$E" --aggregate community -o "$tmp/aggc.png"; expect_rc 0 "--aggregate community"
magic "$tmp/aggc.png" "$(printf '\211PNG')" "aggregate png"

# filters: --types and --at reach the legend; --where the subtitle
run map "$E" --types funding --at 2020-01-01 -o "$tmp/funding.svg"; expect_rc 0 "--types --at"
n=$("$PYTHON3" - "$E/relationships.csv" <<'PY'
import csv, sys
def day(s, end):
    return s if len(s) != 4 else s + ("-12-31" if end else "-01-01")
n = 0
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["type"] == "funding" and (not r["start"] or day(r["start"], 0) <= "2020-01-01") and \
       (not r["end"] or day(r["end"], 1) >= "2020-01-01"):
        n += 1
print(n)
PY
)
has_text "$tmp/funding.svg" "funding (money flows →) ($n)" "funding legend row counts the ties on the day"
has_text "$tmp/funding.svg" "64 organizations, $n ties; ties of type funding; as on 2020-01-01" "filters in the subtitle"
checks=$((checks + 1)); texts "$tmp/funding.svg" | grep -q "^information" && fail "--types funding still shows information ties"
run map "$E" --where region=Europe --where type=ingo -o "$tmp/where.svg"; expect_rc 0 "--where"
has_text "$tmp/where.svg" "2 organizations, [0-9]* ties\{0,1\}; where region = Europe, type = ingo" "--where subtitle"
run map "$E" --where issues=early_childhood -o "$tmp/list.svg"; expect_rc 0 "--where on a list column"

# labels and legend switches
run map "$E" --labels none --no-legend --title "Education coalition, 2024" -o "$tmp/bare.svg"; expect_rc 0 "--labels none --no-legend"
checks=$((checks + 1)); texts "$tmp/bare.svg" | grep -q "^Colour:" && fail "--no-legend drew a legend"
has_text "$tmp/bare.svg" "Education coalition, 2024" "--title"
checks=$((checks + 1)); [ "$(texts "$tmp/bare.svg" | wc -l)" -eq 2 ] || fail "--labels none left labels"
run map "$E" --labels top:5 --no-legend -o "$tmp/top5.dot"; expect_rc 0 "--labels top:5"
checks=$((checks + 1)); [ "$(grep -c 'fillcolor="#FFFFFFC8"' "$tmp/top5.dot")" -eq 5 ] || fail "--labels top:5 did not label 5 orgs"
run map "$E" --size-by budget --color-by stance --layout fdp --dpi 72 -o "$tmp/budget.png"; expect_rc 0 "--size-by budget --color-by stance --layout fdp"
run map "$E" --size-by betweenness --layout sfdp -o "$tmp/btw.svg"; expect_rc 0 "--size-by betweenness --layout sfdp"
has_text "$tmp/btw.svg" "Area: brokerage (betweenness)" "size legend title"
run map "$D/knoke-wood" --layout dot -o "$tmp/dot.svg"; expect_rc 0 "--layout dot"
run map "$D/florentine" --layout circo -o "$tmp/circo.svg"; expect_rc 0 "--layout circo"
run map "$D/florentine" --format svg -o -; expect_rc 0 "-o - --format svg"
expect_out "<svg" "SVG on standard output"

# same input, same options: the same bytes
for f in svg png pdf dot; do
	"$COALMAP" map "$E" -o "$tmp/a.$f" 2>/dev/null
	"$COALMAP" map "$E" -o "$tmp/b.$f" 2>/dev/null
	checks=$((checks + 1)); cmp -s "$tmp/a.$f" "$tmp/b.$f" || fail "two runs gave different $f files"
done
"$COALMAP" map "$E" --aggregate community -o "$tmp/a.pdf" 2>/dev/null
"$COALMAP" map "$E" --aggregate community -o "$tmp/b.pdf" 2>/dev/null
checks=$((checks + 1)); cmp -s "$tmp/a.pdf" "$tmp/b.pdf" || fail "two aggregate runs gave different PDFs"
checks=$((checks + 1)); grep -aq "CreationDate (D:2" "$tmp/a.pdf" && fail "PDF carries the time it was made"

# help and usage errors
run map --help; expect_rc 0 "map --help"; expect_out "usage: coalmap map" "map --help"
run help map; expect_rc 0 "help map"; expect_out "--aggregate ATTR" "help map"
for args in "--layout twopi" "--labels some" "--labels top:x" "--color-by nosuch" "--size-by name" \
	"--size-by nosuch" "--ego nosuch" "--radius 2" "--ego glai --radius 0" "--dpi 0" "--where region" \
	"--where nosuch=1" "--aggregate nosuch" "--format jpg" "--bogus" "--at 2020-02-30"; do
	# shellcheck disable=SC2086
	run map "$E" $args -o "$tmp/bad.svg"; expect_rc 64 "map $args"
done
run map "$E" -o "$tmp/map.jpg"; expect_rc 64 "unknown extension"; expect_err "cannot tell the format" "unknown extension"
run map "$E"; expect_rc 64 "no -o"
run map -o "$tmp/x.svg"; expect_rc 64 "no landscape"
checks=$((checks + 1)); [ -e "$tmp/bad.svg" ] && fail "a usage error wrote a map"
run map "$E" --ego nosuch -o "$tmp/bad.svg"; expect_err "no organization 'nosuch'" "unknown ego named"

# missing input, unwritable output
run map "$tmp/nowhere" -o "$tmp/x.svg"; expect_rc 66 "missing landscape"
run map "$E" -o "$tmp/no/such/dir/x.svg"; expect_rc 73 "-o in a missing folder"

# a layout that fails (Graphviz without its plugins): exit 70, a clear
# message, the old file untouched, no temporary file
mkdir -p "$tmp/noplugins"
printf 'old\n' >"$tmp/keep.svg"
GVBINDIR="$tmp/noplugins" "$COALMAP" map "$E" -o "$tmp/keep.svg" >"$tmp/out" 2>"$tmp/err"
rc=$?; err=$(cat "$tmp/err")
expect_rc 70 "failed layout"; expect_err "map layout (neato) failed" "failed layout message"
checks=$((checks + 1)); [ "$(cat "$tmp/keep.svg")" = old ] || fail "failed layout touched the old map"
checks=$((checks + 1)); ls -a "$tmp" | grep -q '^\.coalmap-' && fail "temporary file left behind"
finish
