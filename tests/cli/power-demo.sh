#!/bin/sh
# coalmap power on the demo landscape tells, in plain words, the stories
# planted in it (datasets/education-coalition/README.md): one dominant donor
# (Hallworth), orgs that depend on it alone, and grassroots groups whose
# routes to decision-makers run through one international NGO (glai).
. "$(dirname "$0")/lib.sh"
D="$top_srcdir/datasets/education-coalition"

run power "$D" --group-by region --key-players 3 --format csv
expect_rc 0 "power"
printf '%s\n' "$out" >"$tmp/p.csv"
"$PYTHON3" - "$tmp/p.csv" <<'PY' && ok || fail "planted structure in the power report"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
def get(section, subject, measure):
    m = [r for r in rows if (r["section"], r["subject"], r["measure"]) == (section, subject, measure)]
    assert len(m) == 1, (section, subject, measure, m)
    return m[0]
# the dominant donor gives most of the money, and is named in words
top = [r for r in rows if r["measure"] == "giving_share"][0]
assert top["subject"] == "hallworth" and float(top["value"]) > 0.7, top
assert "Hallworth Family Foundation gives 75 % of all money" in top["reading"], top["reading"]
sole = [r for r in rows if r["measure"] == "sole_funder_of"][0]
assert sole["subject"] == "hallworth" and int(float(sole["value"])) >= 17, sole
# Global-South grassroots regions reach decision-makers through glai
for region in ["East Africa", "West Africa", "South Asia", "Latin America"]:
    gk = [r for r in rows if r["section"] == "gatekeepers" and r["measure"] == "routes:" + region]
    assert gk and gk[0]["subject"] == "glai", (region, gk[:2])
    assert "Global Learning Alliance" in gk[0]["reading"], gk[0]["reading"]
    assert float(get("access", region, "mediated_share")["value"]) >= 0.8
assert get("network", "", "organizations")["value"] == "64"
PY

run power "$D" --group-by nosuchcolumn; expect_rc 64 "unknown group column"
expect_err "no column 'nosuchcolumn'" "unknown group column named"
run power "$D" --key-players x; expect_rc 64 "bad --key-players"
run power "$D" --targets un_agency --group-by type --format json; expect_rc 0 "--targets"
printf '%s' "$out" | "$PYTHON3" -c "import json,sys; r=json.load(sys.stdin); assert any(x['section']=='access' for x in r)" && ok || fail "json power"
run power "$D"; expect_rc 0 "terminal briefing"
expect_out "centralization" "briefing has sections"
finish
