#!/bin/sh
# Output formats of coalmap metrics: table, csv, json, md; --sort and --top;
# format from the -o extension; same input, same bytes.
. "$(dirname "$0")/lib.sh"
F="$top_srcdir/datasets/florentine"

run metrics "$F"; expect_rc 0 "table"
expect_out "Medici" "table has Medici"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | wc -l)" -eq 17 ] || fail "table: header + 16 rows"

run metrics "$F" --format csv --sort betweenness --top 3; expect_rc 0 "csv sorted"
checks=$((checks + 1))
# Medici has the highest betweenness in Padgett's combined network (checked against NetworkX in metrics-reference)
[ "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)" = "Medici" ] || fail "--sort betweenness: Medici first"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ] || fail "--top 3: header + 3 rows"

run metrics "$F" --sort id --top 2 --format csv; expect_rc 0 "sort by text"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)" = "Acciaiuoli" ] || fail "--sort id ascending"

run metrics "$F" --format json; expect_rc 0 "json"
printf '%s' "$out" >"$tmp/m.json"
"$PYTHON3" -c "
import json,sys
rows=json.load(open(sys.argv[1]))
assert len(rows)==16
p=[r for r in rows if r['id']=='Pucci'][0]
assert p['constraint'] is None and p['degree']==0
" "$tmp/m.json" && ok || fail "json parses, isolate constraint null"

run metrics "$F" --format md; expect_rc 0 "md"
expect_out "| id | name | type | degree" "md header"
expect_out "|---|---|---|---:|" "md alignment row"

run metrics "$F" -o "$tmp/m.json"; expect_rc 0 "-o .json"
"$PYTHON3" -m json.tool "$tmp/m.json" >/dev/null && ok || fail "-o x.json writes JSON"
run metrics "$F" -o "$tmp/m.csv"; expect_rc 0 "-o .csv"
checks=$((checks + 1)); head -1 "$tmp/m.csv" | grep -q '^id,name,type,degree,strength,in_degree' || fail "-o x.csv writes CSV"
checks=$((checks + 1)); [ -z "$out" ] || fail "-o leaves stdout empty"

"$COALMAP" metrics "$top_srcdir/datasets/education-coalition" --format csv >"$tmp/a.csv"
"$COALMAP" metrics "$top_srcdir/datasets/education-coalition" --format csv >"$tmp/b.csv"
checks=$((checks + 1)); cmp -s "$tmp/a.csv" "$tmp/b.csv" || fail "two runs differ"
finish
