#!/bin/sh
# coalmap convert L out.xlsx (engine/write_xlsx.c): every cell of the
# workbook, read by openpyxl, against the landscape's CSV export read by
# Python's csv (numbers as numbers, text as text); --kumu's sheets, turned
# into Kumu's CSV export by Python, read back as the same landscape; the
# header bold and frozen; same bytes twice; a failed write leaves nothing.
. "$(dirname "$0")/lib.sh"

if ! "$PYTHON3" -c 'import openpyxl' 2>/dev/null; then
	echo "openpyxl is not installed"
	exit 77
fi

L="$tmp/land"
mk "$L" 'id,name,type,budget,influence,founded,code,note\n007,Zero Zero Seven,ngo,1200.5,7,1999,12,=cmd()\nb,Beta,funder,300,,2001,13,"tabs\tand, commas"\nc,,ngo,,3,,x,-neg\nd,Dee,ngo,5,1,2020,14,\n' \
	'source,target,type,weight,directed,amount,start,evidence\n007,b,funding,2,,1500000,2019-03-01,grant\nb,c,alliance,1,false,,,@mention\nc,d,partnership,1.5,,,2021,\n'

# sheets: the CSV export's cells, read by Python
cat >"$tmp/cmp.py" <<'PY'
import csv, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["organizations", "relationships"], wb.sheetnames
for sheet, name in (("organizations", "organizations.csv"), ("relationships", "relationships.csv")):
    ws = wb[sheet]
    assert ws.freeze_panes == "A2", ws.freeze_panes
    rows = list(ws.iter_rows(values_only=True))
    want = list(csv.reader(open(sys.argv[2] + "/" + name, encoding="utf-8", newline="")))
    assert len(rows) == len(want), (sheet, len(rows), len(want))
    assert all(c.font.b for c in ws[1]), sheet
    assert list(rows[0]) == want[0], (rows[0], want[0])
    for r, (got, exp) in enumerate(zip(rows[1:], want[1:]), 2):
        assert len(got) <= len(exp) and all(v is None for v in got[len(exp):]), (sheet, r)
        for j, e in enumerate(exp):
            g = got[j] if j < len(got) else None
            col = want[0][j]
            if e == "":
                assert g is None, (sheet, r, col, g)
            elif isinstance(g, (int, float)) and not isinstance(g, bool):
                assert float(e) == g, (sheet, r, col, e, g)
            else:
                # the CSV writer puts an apostrophe before formula-like text
                assert isinstance(g, str) and (g == e or "'" + g == e), (sheet, r, col, e, g)
# the types a reader must see
orgs = {r[0]: r for r in list(wb["organizations"].iter_rows(values_only=True))[1:]}
assert orgs["007"][3] == 1200.5 and orgs["007"][4] == 7 and isinstance(orgs["007"][4], int)
# a column with one non-number stays text, numbers included
assert orgs["007"][6] == "12" and orgs["c"][6] == "x" and orgs["007"][7] == "=cmd()"
ties = list(wb["relationships"].iter_rows(values_only=True))
assert ties[1][:4] == ("007", "b", "funding", 2) and ties[1][6] == "2019-03-01", ties[1]
PY

sed '/^# the types a reader must see/,$d' "$tmp/cmp.py" >"$tmp/cmp-any.py"
for d in "$L" "$top_srcdir/datasets/education-coalition" "$top_srcdir/datasets/knoke-wood"; do
	run convert "$d" "$tmp/w.xlsx"; expect_rc 0 "xlsx from $d"
	rm -rf "$tmp/csv"; "$COALMAP" convert "$d" "$tmp/csv" 2>/dev/null
	c="$tmp/cmp-any.py"; [ "$d" = "$L" ] && c="$tmp/cmp.py"
	"$PYTHON3" "$c" "$tmp/w.xlsx" "$tmp/csv" && ok || fail "$d: workbook differs from the CSV"
	rm -f "$tmp/w.xlsx"
done

# the same bytes twice
"$COALMAP" convert "$L" "$tmp/a.xlsx" 2>/dev/null; "$COALMAP" convert "$L" "$tmp/b.xlsx" 2>/dev/null
checks=$((checks + 1)); cmp -s "$tmp/a.xlsx" "$tmp/b.xlsx" && ok || fail "two runs give different bytes"

# --kumu: Kumu's sheets; turned into Kumu's CSV export, they read back as
# the same landscape through the Kumu reader
kumu_csv() { # WORKBOOK FOLDER
	"$PYTHON3" - "$1" "$2" <<'PY'
import csv, os, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Elements", "Connections"], wb.sheetnames
os.makedirs(sys.argv[2])
for s, f in (("Elements", "elements.csv"), ("Connections", "connections.csv")):
    with open(os.path.join(sys.argv[2], f), "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        for row in wb[s].iter_rows(values_only=True):
            w.writerow(["" if v is None else v for v in row])
PY
}
run convert "$L" "$tmp/k.xlsx" --kumu; expect_rc 0 "--kumu"
kumu_csv "$tmp/k.xlsx" "$tmp/kcsv" && ok || fail "--kumu: not Kumu's two sheets"
"$PYTHON3" - "$tmp/k.xlsx" <<'PY' && ok || fail "--kumu: Elements or Connections columns"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
e = list(wb["Elements"].iter_rows(values_only=True)); c = list(wb["Connections"].iter_rows(values_only=True))
assert e[0][:3] == ("Label", "Type", "ID"), e[0]
assert [r[0] for r in e[1:]] == ["Zero Zero Seven", "Beta", "c", "Dee"], e
assert c[0][:4] == ("From", "To", "Type", "Direction"), c[0]
assert [r[:4] for r in c[1:]] == [("Zero Zero Seven", "Beta", "funding", "directed"), ("Beta", "c", "alliance", "mutual"),
                                  ("c", "Dee", "partnership", "mutual")], c
assert "kumu_direction" not in c[0] and "directed" not in c[0]
PY
run metrics "$L" --format csv; want="$out"
run metrics "$tmp/kcsv" --format csv; expect_rc 0 "--kumu sheets as Kumu's CSV"
checks=$((checks + 1)); [ "$out" = "$want" ] && ok || fail "--kumu: the landscape read back differs"

# shared names: From and To are IDs
mk "$tmp/twins" 'id,name\na,Same\nb,Same\nc,Other\n' 'source,target\na,b\nb,c\n'
run convert "$tmp/twins" "$tmp/t.xlsx" --kumu; expect_rc 0 "--kumu with shared names"
"$PYTHON3" - "$tmp/t.xlsx" <<'PY' && ok || fail "--kumu with shared names: From/To are not IDs"
import sys, openpyxl
c = list(openpyxl.load_workbook(sys.argv[1])["Connections"].iter_rows(values_only=True))
assert [r[:2] for r in c[1:]] == [("a", "b"), ("b", "c")], c
PY

# a name that is another org's id: From and To are IDs, so the tie reads
# back a->b (as names it would read back b->b: Kumu's reader tries ids first)
mk "$tmp/crossed" 'id,name\na,b\nb,c\n' 'source,target\na,b\n'
run convert "$tmp/crossed" "$tmp/x.xlsx" --kumu; expect_rc 0 "--kumu with a name that is an id"
kumu_csv "$tmp/x.xlsx" "$tmp/xcsv" && ok || fail "--kumu with a name that is an id: not Kumu's two sheets"
"$PYTHON3" - "$tmp/x.xlsx" <<'PY' && ok || fail "--kumu with a name that is an id: From/To are not IDs"
import sys, openpyxl
c = list(openpyxl.load_workbook(sys.argv[1])["Connections"].iter_rows(values_only=True))
assert [r[:2] for r in c[1:]] == [("a", "b")], c
PY
rm -rf "$tmp/xland"
run convert "$tmp/xcsv" "$tmp/xland"; expect_rc 0 "--kumu with a name that is an id, read back"
"$PYTHON3" - "$tmp/xland/relationships.csv" <<'PY' && ok || fail "--kumu with a name that is an id: the tie read back is not a->b"
import csv, sys
ties = [(r["source"], r["target"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))]
assert ties == [("a", "b")], ties
PY

# refusals: nothing written, no temporary file left
long=$("$PYTHON3" -c 'print("x" * 40000)')
mk "$tmp/long" "id,name\na,$long\nb,B\n" 'source,target\na,b\n'
run convert "$tmp/long" "$tmp/out-dir/long.xlsx"; expect_rc 73 "no such output folder"
mkdir "$tmp/o"
run convert "$tmp/long" "$tmp/o/long.xlsx"; expect_rc 65 "a text over Excel's limit"
expect_err "a text longer than Excel's 32767 characters" "Excel's limit named"
checks=$((checks + 1)); [ -z "$(ls -A "$tmp/o")" ] && ok || fail "a failed workbook left files: $(ls -A "$tmp/o")"
run convert "$L" - --to xlsx; expect_rc 64 "xlsx to standard output"
run convert "$L" "$tmp/x.graphml" --kumu; expect_rc 64 "--kumu with GraphML"
finish
