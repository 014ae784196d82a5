#!/bin/sh
# Excel workbooks (engine/read_xlsx.c), written by openpyxl or part by part
# with Python's zipfile (tests/cli/xlsx-fixtures.py): orgs and ties sheets
# found by their headers, Kumu's Elements/Connections, ties alone, --sheet;
# dates, numbers, booleans, shared/rich/inline strings, cached formula
# values; degrees against NetworkX and converted cells against the values
# written; hostile files (zip bombs, entities, old .xls, damaged zips)
# refused with exit 65 and nothing written.
. "$(dirname "$0")/lib.sh"

if ! "$PYTHON3" -c 'import openpyxl, networkx' 2>/dev/null; then
	echo "openpyxl or networkx missing"
	exit 77
fi
X="$tmp/x"
mkdir "$X"
"$PYTHON3" "$top_srcdir/tests/cli/xlsx-fixtures.py" "$X" || { echo "FAIL: fixtures"; exit 1; }

# degrees METRICS.csv KIND: degrees, in/out degrees and strengths against
# NetworkX built from the rows written (expect.json): KIND book, kumu, or
# a list of ties alone (ties, later) whose ends are the orgs
degrees() {
	"$PYTHON3" - "$X/expect.json" "$1" "$2" <<'PY'
import csv, json, sys
import networkx as nx
e = json.load(open(sys.argv[1]))
got = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
kind = sys.argv[3]
if kind == "book":
    orgs = [r[0] for r in e["book"]["orgs"]]
    ties = [(r[0], r[1], float(r[3]), r[2] == "funding") for r in e["book"]["ties"]]
    names = {r[0]: r[1] for r in e["book"]["orgs"]}
elif kind == "kumu":
    orgs = [r[0] for r in e["kumu"]["elements"]]
    ties = [(r[0], r[1], 1.0, r[3] != "mutual") for r in e["kumu"]["connections"]]
    names = {o: o for o in orgs}
else:
    ties = [(r[0], r[1], float(r[2]), False) for r in e[kind]]
    orgs = []
    for s, t, _, _ in ties:
        orgs += [v for v in (s, t) if v not in orgs]
    names = {o: o for o in orgs}
g = nx.Graph()
dg = nx.DiGraph()
g.add_nodes_from(orgs)
dg.add_nodes_from(orgs)
for s, t, w, directed in ties:
    g.add_edge(s, t, weight=w)
    dg.add_edge(s, t)
    if not directed:
        dg.add_edge(t, s)
assert [r["id"] for r in got] == orgs, ([r["id"] for r in got], orgs)
for r in got:
    v = r["id"]
    assert r["name"] == names[v], (v, r["name"])
    assert int(r["degree"]) == g.degree(v), (v, r["degree"], g.degree(v))
    assert float(r["strength"]) == g.degree(v, weight="weight"), (v, r["strength"])
    assert int(r["in_degree"]) == dg.in_degree(v), (v, "in", r["in_degree"], dg.in_degree(v))
    assert int(r["out_degree"]) == dg.out_degree(v), (v, "out", r["out_degree"], dg.out_degree(v))
PY
}

# cells OUT-FOLDER KIND: converted cells against the values written
cells() {
	"$PYTHON3" - "$X/expect.json" "$1" "$2" <<'PY'
import csv, json, sys
e = json.load(open(sys.argv[1]))
orgs = list(csv.DictReader(open(sys.argv[2] + "/organizations.csv", encoding="utf-8")))
ties = list(csv.DictReader(open(sys.argv[2] + "/relationships.csv", encoding="utf-8")))
def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v) if v != int(v) else str(int(v))  # Python's repr: the shortest decimal
    return str(v)
if sys.argv[3] == "book":
    cols = ["id", "name", "type", "founded", "budget", "active", "score"]
    for want, r in zip(e["book"]["orgs"], orgs, strict=True):
        for c, v in zip(cols, want):
            assert r[c] == fmt(v), (c, r[c], fmt(v))
    for want, r in zip(e["book"]["ties"], ties, strict=True):
        for c, v in zip(["source", "target", "type", "weight", "start"], want):
            assert r[c] == fmt(v), (c, r[c], fmt(v))
elif sys.argv[3] == "kumu":
    for want, r in zip(e["kumu"]["elements"], orgs, strict=True):
        got = [r["id"], r["type"], r["Description"], r["Tags"], r["Members"]]
        assert r["name"] == want[0]
        assert got == [fmt(v) for v in want], (got, want)
    for want, r in zip(e["kumu"]["connections"], ties, strict=True):
        assert [r["source"], r["target"], r["type"]] == [want[0], want[1], want[2].lower()], (r, want)
        assert r["directed"] == ("false" if want[3] == "mutual" else "true"), (r, want)
        assert r["kumu_direction"] == fmt(want[3]), (r, want)
else:  # hand: cells written part by part
    cols = ["source", "target", "weight", "since", "note", "checked", "when"]
    for want, r in zip(e["hand"], ties, strict=True):
        got = [r[c] for c in cols]
        assert got == [v.strip() for v in want], (got, want)
PY
}

# 1. orgs and ties sheets, after a sheet of notes
run metrics "$X/book.xlsx" --format csv; expect_rc 0 "two-sheet workbook"
expect_err "book.xlsx: note: ties from sheet 'Ties', organizations from sheet 'Organisations'" "sheets note"
printf '%s\n' "$out" >"$tmp/m.csv"
degrees "$tmp/m.csv" book && ok || fail "book.xlsx: degrees differ from NetworkX"
cp "$X/book.xlsx" "$X/book.dat"
run metrics "$X/book.dat" --format csv; expect_rc 0 "a workbook under another name"
checks=$((checks + 1)); [ "$out" = "$(cat "$tmp/m.csv")" ] && ok || fail "book.dat: told by content, reads the same"
run convert "$X/book.xlsx" "$tmp/book"; expect_rc 0 "convert book.xlsx"
cells "$tmp/book" book && ok || fail "book.xlsx: converted cells differ from the values written"

# 2. Kumu's Elements and Connections, as Kumu's CSV export
run metrics "$X/kumu.xlsx" --format csv; expect_rc 0 "Kumu workbook"
printf '%s\n' "$out" >"$tmp/k.csv"
degrees "$tmp/k.csv" kumu && ok || fail "kumu.xlsx: degrees differ from NetworkX"
run convert "$X/kumu.xlsx" "$tmp/kumu"; expect_rc 0 "convert kumu.xlsx"
cells "$tmp/kumu" kumu && ok || fail "kumu.xlsx: converted cells differ from the values written"
run check "$X/kumu-bad.xlsx"; expect_rc 65 "Kumu workbook naming an unknown element"
expect_err "kumu-bad.xlsx[Connections]:6: unknown org 'Nobody'" "message cites the sheet and its row"

# 3. ties alone; several sheets of ties: the first, or --sheet
run metrics "$X/ties.xlsx" --format csv; expect_rc 0 "ties-only workbook"
expect_err "ties.xlsx[2019]: note: an edge list alone: its 4 organizations are the ends of its ties" "ends note"
printf '%s\n' "$out" >"$tmp/t.csv"
degrees "$tmp/t.csv" ties && ok || fail "ties.xlsx: degrees differ from NetworkX"
run metrics "$X/years.xlsx" --format csv; expect_rc 0 "two sheets of ties"
checks=$((checks + 1)); [ "$out" = "$(cat "$tmp/t.csv")" ] && ok || fail "years.xlsx: not its first sheet"
run metrics "$X/years.xlsx" --sheet 2020 --format csv; expect_rc 0 "--sheet 2020"
printf '%s\n' "$out" >"$tmp/y.csv"
degrees "$tmp/y.csv" later && ok || fail "years.xlsx --sheet 2020: degrees differ from NetworkX"
run convert "$X/years.xlsx" --sheet 2020 "$tmp/y2020"; expect_rc 0 "convert --sheet 2020"
checks=$((checks + 1))
[ "$(cut -d, -f1,2 "$tmp/y2020/relationships.csv")" = "$(printf 'source,target\nAda,Bo\nEve,Bo')" ] && ok ||
	fail "convert --sheet 2020: not that sheet's ties"
run check "$X/years.xlsx" --sheet 2021; expect_rc 64 "--sheet naming no sheet"
expect_err "no sheet '2021' in the workbook; its sheets: '2019', '2020'" "the sheets listed"

# 4. written part by part: strings, cached formulas, 1904 dates, merged header
run convert "$X/hand.xlsx" "$tmp/hand"; expect_rc 0 "convert hand.xlsx"
expect_err "hand.xlsx[Ties]:5: warning: column G has values but no header" "headless column"
cells "$tmp/hand" hand && ok || fail "hand.xlsx: converted cells differ from the values written"
run check "$X/hand.xlsx" --from xlsx; expect_rc 0 "--from xlsx"

# 4b. headers as the loader reads them: padded names, coalmap.ini's renames
# (hand-counted degrees: a path a-b-c, a triangle)
run metrics "$X/padded.xlsx" --format csv; expect_rc 0 "headers ' source', 'target '"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | cut -d, -f1,4)" = "$(printf 'id,degree\na,1\nb,2\nc,1')" ] && ok ||
	fail "padded.xlsx: not the path a-b-c"
run metrics "$X/renamed/links.xlsx" --format csv; expect_rc 0 "headers coalmap.ini renames, without --sheet"
expect_err "links.xlsx[Links]:1: note: read the columns 'Org' as source, 'Partner Org' as target" "renames used"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | cut -d, -f1,4)" = "$(printf 'id,degree\na,2\nb,2\nc,2')" ] && ok ||
	fail "renamed/links.xlsx: not the triangle a-b-c"

# a sheet of notes with an error cell in its first row, or of broken XML,
# is no candidate for the ties, and no reason to refuse the workbook
for f in notes junk; do
	run metrics "$X/$f.xlsx" --format csv; expect_rc 0 "$f.xlsx: a sheet of ties after a bad one"
	expect_err "$f.xlsx: note: ties from sheet 'Ties'" "$f.xlsx: the sheet of ties found"
	checks=$((checks + 1))
	[ "$(printf '%s\n' "$out" | cut -d, -f1,4)" = "$(printf 'id,degree\na,1\nb,2\nc,1')" ] && ok ||
		fail "$f.xlsx: not the path a-b-c"
done
run check "$X/notes.xlsx" --sheet Ties; expect_rc 0 "notes.xlsx --sheet Ties"
run check "$X/notes.xlsx" --sheet Notes; expect_rc 65 "notes.xlsx --sheet Notes"
expect_err "notes.xlsx[Notes]:1: cell B1 holds the error #N/A" "the error cell of the sheet named"

# 5. hostile and broken files: exit 65, a clear message, nothing written
bad() { # FILE MESSAGE
	run convert "$X/$1" "$tmp/never"; expect_rc 65 "$1"
	expect_err "$2" "$1: message"
	checks=$((checks + 1)); [ ! -e "$tmp/never" ] && ok || fail "$1: something was written"
}
bad bomb.xlsx "bomb.xlsx[xl/worksheets/s1.xml]: refused: it would inflate to 25166235 bytes from"
bad liar.xlsx "liar.xlsx[xl/worksheets/s1.xml]: refused: it inflates to more than its header says"
bad entity.xlsx "entity.xlsx[xl/worksheets/s1.xml]:1: a <!DOCTYPE> is not accepted"
bad errcell.xlsx "errcell.xlsx[Ties]:3: cell B3 holds the error #REF!"
bad hex.xlsx "hex.xlsx[Ties]:2: cell C2: '0x1A' is not a number"
bad blank.xlsx "blank.xlsx[Ties]:2: cell C2: ' 12' is not a number"
bad truncated.xlsx "truncated.xlsx: not an Excel workbook: not a zip file"
bad notbook.xlsx "notbook.xlsx: not an Excel workbook: the zip holds no xl/workbook.xml"
bad old.xls "old.xls: an old .xls workbook, or a workbook protected by a password: save it as .xlsx"
cp "$X/old.xls" "$X/locked.xlsx"
bad locked.xlsx "locked.xlsx: an old .xls workbook, or a workbook protected by a password"

finish
