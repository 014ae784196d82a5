#!/bin/sh
# Spreadsheet-dirty but valid input (tests/data/dirty: BOM, ';' and tab
# delimiters, CRLF, blank lines, quoted newlines, unicode names, extra
# columns, mixed-case headers and types) is accepted; warnings carry their
# physical line; --strict turns them into errors.  Metrics are checked
# against NetworkX in metrics-reference.sh (case "dirty").
. "$(dirname "$0")/lib.sh"
D="$top_srcdir/tests/data/dirty"

run check "$D" --format csv
expect_rc 0 "dirty landscape accepted"
expect_err "$D/relationships.csv:12: warning: duplicate of the tie on line 6" "duplicate tie warning with physical line"
expect_err "$D/relationships.csv:14: warning: self-tie of 'moe' dropped" "self-tie warning with physical line"
expect_out "landscape,organizations,10" "10 orgs"

run check "$D" --strict -o "$tmp/x.csv"
expect_rc 65 "--strict makes warnings errors"
checks=$((checks + 1)); [ ! -e "$tmp/x.csv" ] || fail "--strict failure wrote output"

run metrics "$D" --format json
expect_rc 0 "metrics json"
printf '%s' "$out" >"$tmp/m.json"
"$PYTHON3" - "$tmp/m.json" <<'PY' && ok || fail "dirty names/ids in JSON"
import json, sys
rows = {r["id"]: r for r in json.load(open(sys.argv[1], encoding="utf-8"))}
assert set(rows) == {"fawe", "niños", "фонд", "mu", "007", "7", "moe", "lone", "e1", "e2"}, rows.keys()
assert rows["niños"]["name"] == "Asociación Niñez\nSegunda línea"
assert rows["fawe"]["name"] == 'Forum "Éducation"; Afrique'
assert rows["mu"]["name"] == "مؤسسة التعليم"
assert rows["lone"]["degree"] == 0 and rows["lone"]["constraint"] is None
assert rows["007"]["degree"] == 1 and rows["7"]["degree"] == 1   # the conflict tie 007-7 is not counted
PY
finish
