#!/bin/sh
# coalmap generate: valid landscapes, deterministic for a seed, different
# for another seed, every tie type present, metrics equal to NetworkX on a
# generated landscape.
. "$(dirname "$0")/lib.sh"

run generate --orgs 400 --ties 1200 --seed 7 -o "$tmp/g1"; expect_rc 0 "generate"
run generate --orgs 400 --ties 1200 --seed 7 -o "$tmp/g2"; expect_rc 0 "generate again"
run generate --orgs 400 --ties 1200 --seed 8 -o "$tmp/g3"; expect_rc 0 "generate other seed"
checks=$((checks + 1))
cmp -s "$tmp/g1/relationships.csv" "$tmp/g2/relationships.csv" && cmp -s "$tmp/g1/organizations.csv" "$tmp/g2/organizations.csv" ||
	fail "same seed, different files"
checks=$((checks + 1))
cmp -s "$tmp/g1/relationships.csv" "$tmp/g3/relationships.csv" && fail "different seeds, same files"

run check "$tmp/g1" --format csv --strict
expect_rc 0 "generated landscape is valid even with --strict"
expect_out "landscape,organizations,400" "400 orgs"
expect_out "landscape,ties,1200" "1200 ties"
for t in partnership coalition collaboration information funding membership access distribution conflict; do
	expect_out "ties by type,$t," "tie type $t generated"
done
"$PYTHON3" - "$tmp/g1/organizations.csv" <<'PY' && ok || fail "org attributes"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
for col in ["id", "name", "type", "country", "region", "issues", "skills", "budget", "influence", "stance"]:
    assert any(r[col] for r in rows), col
PY

run metrics "$tmp/g1" -o "$tmp/g1.csv"; expect_rc 0 "metrics on generated"
"$PYTHON3" "$top_srcdir/tests/reference/nx_metrics.py" "$tmp/g1" -o "$tmp/g1.ref.csv" 2>/dev/null
if "$PYTHON3" "$top_srcdir/tests/reference/compare_metrics.py" "$tmp/g1.ref.csv" "$tmp/g1.csv" "$tmp/g1" >"$tmp/cmp" 2>&1; then ok; else fail "generated vs NetworkX: $(tail -5 "$tmp/cmp")"; fi
run metrics "$tmp/g1" --weighted --at 2018-06-01 -o "$tmp/g1w.csv"; expect_rc 0 "weighted metrics on generated"
"$PYTHON3" "$top_srcdir/tests/reference/nx_metrics.py" "$tmp/g1" --weighted --at 2018-06-01 -o "$tmp/g1w.ref.csv" 2>/dev/null
if "$PYTHON3" "$top_srcdir/tests/reference/compare_metrics.py" "$tmp/g1w.ref.csv" "$tmp/g1w.csv" "$tmp/g1" --at 2018-06-01 >"$tmp/cmp" 2>&1; then ok; else fail "generated --weighted --at vs NetworkX: $(tail -5 "$tmp/cmp")"; fi

run power "$tmp/g1" --group-by region --key-players 3 -o "$tmp/p1.csv"; expect_rc 0 "power on generated"
"$PYTHON3" "$top_srcdir/tests/reference/nx_power.py" "$tmp/g1" --group-by region --key-players 3 -o "$tmp/p1.ref.csv"
if "$PYTHON3" "$top_srcdir/tests/reference/compare_power.py" "$tmp/p1.ref.csv" "$tmp/p1.csv" >"$tmp/cmp" 2>&1; then ok; else fail "generated power vs reference: $(tail -5 "$tmp/cmp")"; fi

run generate --orgs 3 --ties 100 -o "$tmp/g4"; expect_rc 64 "too many ties for the orgs"
run generate --orgs x -o "$tmp/g4"; expect_rc 64 "bad --orgs"
finish
