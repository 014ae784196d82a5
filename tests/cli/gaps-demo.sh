#!/bin/sh
# coalmap gaps and coalmap path on the demo landscape and on bad options.
# Reference values for every component come from tests/reference (see
# gaps-reference.sh); here: shape, filters, determinism and errors.
. "$(dirname "$0")/lib.sh"
D="$top_srcdir/datasets/education-coalition"

run gaps "$D" --for ke_kibanda --format csv --top 0
expect_rc 0 "recommendations"
printf '%s\n' "$out" >"$tmp/r.csv"
"$PYTHON3" - "$tmp/r.csv" <<'PY' && ok || fail "recommendations for ke_kibanda"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
ids = [r["id"] for r in rows]
assert "ke_kibanda" not in ids
# current partners and decision-makers are not candidates
assert "glai" not in ids and "moe_zembara" not in ids, ids[:5]
scores = [float(r["score"]) for r in rows]
assert scores == sorted(scores, reverse=True)
for r in rows:
    for k in ("score", "closeness", "fit", "complementarity", "reach", "constraint_drop", "influence", "access"):
        assert 0 <= float(r[k]) <= 1, (r["id"], k, r[k])
    assert r["why"], r
assert [int(r["rank"]) for r in rows] == list(range(1, len(rows) + 1))
PY

run gaps "$D" --for ke_kibanda --top 3 --format csv; expect_rc 0 "--top 3"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ] || fail "--top 3 gives 3 rows"
run gaps "$D" --for ke_kibanda --include-targets --top 0 --format csv; expect_rc 0 "--include-targets"
expect_out ",moe_zembara," "decision-makers become candidates"
run gaps "$D" --for ke_kibanda --exclude-stance oppose --type ngo,ingo --top 0 --format csv; expect_rc 0 "filters"
printf '%s\n' "$out" | tail -n +2 | cut -d, -f4 | sort -u >"$tmp/types"
checks=$((checks + 1)); grep -qvE '^(ngo|ingo)$' "$tmp/types" && fail "--type filter leaks: $(cat "$tmp/types")"
run gaps "$D" --for ke_kibanda --need skills=legal --top 0 --format json; expect_rc 0 "--need"
printf '%s' "$out" >"$tmp/need.json"
"$PYTHON3" - "$tmp/need.json" "$D/organizations.csv" <<'PY' && ok || fail "--need skills=legal keeps only orgs with the legal skill"
import csv, json, sys
recs = json.load(open(sys.argv[1], encoding="utf-8"))
skills = {r["id"]: r["skills"].split(";") for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
assert recs, "no candidate"
assert all("legal" in skills[r["id"]] for r in recs), [(r["id"], skills[r["id"]]) for r in recs]
PY
run gaps "$D" --for nosuch; expect_rc 64 "unknown org"; expect_err "no organization with id 'nosuch'" "unknown org named"
run gaps "$D" --for glai --weights fit=x; expect_rc 64 "bad weight"
run gaps "$D" --for glai --weights nosuch=1; expect_rc 64 "unknown weight name"
run gaps "$D" --for glai --need wishes=x; expect_rc 64 "bad --need"

run gaps "$D" --format csv; expect_rc 0 "landscape gaps"
expect_out "isolates,np_annapurna,isolate,1" "the demo's isolate"
expect_out "unreached,br_radiogiz,component_size,2" "the demo's cut-off pair"

run path "$D" ke_kibanda moe_zembara -k 5 --format csv; expect_rc 0 "path"
printf '%s\n' "$out" >"$tmp/p.csv"
"$PYTHON3" - "$tmp/p.csv" <<'PY' && ok || fail "paths through the INGO"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == 5
assert rows[0]["ids"] == "ke_kibanda > glai > moe_zembara", rows[0]
assert [int(r["length"]) for r in rows] == sorted(int(r["length"]) for r in rows)
PY
run path "$D" ke_kibanda np_annapurna; expect_rc 0 "no path"; expect_err "no chain of ties connects" "no path message"
run path "$D" ke_kibanda nosuch; expect_rc 64 "path to an unknown org"
run path "$D" ke_kibanda; expect_rc 64 "path needs FROM and TO"
run path "$D" ke_kibanda moe_zembara -k 0; expect_rc 64 "-k 0"

# Absent types and skills are judged against the landscape's own words
# (docs/gaps.md): the built-in words count only when most recorded values
# are built-in ones; types named with --targets always count.  Hand-counted:
# own/ has 3 of 4 types and every skill its own; adv/ 3 of 4 types built-in.
mk "$tmp/own" 'id,type,skills\na,party,lobbying\nb,party,drafting\nc,forum,lobbying\nd,ngo,\n' \
	'source,target\na,b\nb,c\nc,d\n'
run gaps "$tmp/own" --format csv; expect_rc 0 "own words"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | grep -c ',0,absent')" -eq 0 ] || fail "own words: no absent row"
expect_out "coverage,type:ngo,share,0.25," "own words: the built-in type present is listed"
run gaps "$tmp/own" --targets party,cabinet --format csv; expect_rc 0 "own words, --targets"
expect_out "coverage,type:cabinet,share,0,absent: no organization has type 'cabinet'" "a named target type no org has"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | grep -c ',0,absent')" -eq 1 ] || fail "own words: only cabinet absent"
mk "$tmp/adv" 'id,type,skills\na,ngo,legal;hearings\nb,donor,\nc,ngo,\nd,party,\n' 'source,target\na,b\n'
run gaps "$tmp/adv" --format csv; expect_rc 0 "built-in words"
expect_out "coverage,type:ingo,share,0,absent: no organization has type 'ingo'" "built-in types: absent ones listed"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | grep -c 'absent: no organization has skill')" -eq 0 ] ||
	fail "skills half built-in (1 of 2): no absent skill"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | grep -c 'absent: no organization has type')" -eq 9 ] ||
	fail "built-in types: the 9 of 11 built-in types no org has"
finish
