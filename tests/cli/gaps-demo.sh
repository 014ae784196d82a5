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
run gaps "$D" --for ke_kibanda --role balanced --include-targets --top 0 --format csv; expect_rc 0 "--include-targets"
expect_out ",moe_zembara," "decision-makers become candidates"
run gaps "$D" --for ke_kibanda --role balanced --exclude-stance oppose --type ngo,ingo --top 0 --format csv; expect_rc 0 "filters"
printf '%s\n' "$out" | tail -n +2 | cut -d, -f5 | sort -u >"$tmp/types"
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
run gaps "$D" --for nosuch; expect_rc 64 "unknown org"; expect_err "no organization 'nosuch' (neither an id nor a name)" "unknown org named"
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

# trust on a hand-made landscape: s reaches t through a, b or c (two ties
# each; s-a is two rows, merged: weight 2).  TRUST gives the trust of the
# rows s-a, a-t, s-b, b-t, s-c, c-t ("-" = none); expected rows by hand.
trust_case() { # NAME TRUST...
	name=$1
	shift
	mkdir "$tmp/$name"
	printf 'id\ns\na\nb\nc\nt\n' >"$tmp/$name/organizations.csv"
	{
		echo "source,target,type,weight,trust"
		for e in "s,a,partnership,1" "a,t,partnership,1" "s,b,partnership,1" "b,t,partnership,1" \
			"s,c,partnership,2" "c,t,partnership,2"; do
			t=$1
			shift
			[ "$t" = - ] && t=
			echo "$e,$t"
		done
		echo "s,a,information,1,"
	} >"$tmp/$name/relationships.csv"
	run path "$tmp/$name" s t --format csv
	expect_rc 0 "path, $name"
}
# none: trust unknown (empty), ranked by length then weight (c 4, a 3, b 2)
trust_case notrust - - - - - -
expect_out "rank,length,trust,weight,ids,path
1,2,,4,s > c > t,s → c → t
2,2,,3,s > a > t,s → a → t
3,2,,2,s > b > t,s → b → t" "path without trust"
expect_err "note: no tie has a trust value: trust is unknown, and chains are ranked by length, then weight" \
	"path without trust: the note"
run path "$tmp/notrust" s t --format json -k 1
expect_out '"trust": null' "path without trust: JSON null"
# all: the products, 0.9 * 0.8, 0.5 * 0.5, 0.3 * 0.5; no note
trust_case alltrust 0.3 0.5 0.9 0.8 0.5 0.5
expect_out "rank,length,trust,weight,ids,path
1,2,0.72,2,s > b > t,s → b → t
2,2,0.25,4,s > c > t,s → c → t
3,2,0.15,3,s > a > t,s → a → t" "path with trust"
checks=$((checks + 1))
[ -z "$err" ] || fail "path with trust: stderr is '$err'"
# some: s-c and c-t count 0.5 each (0.25), and the note says so
trust_case sometrust 0.3 0.5 0.9 0.8 - -
expect_out "2,2,0.25,4,s > c > t" "path with some trust"
expect_err "note: 2 of the 6 pairs of partners have no trust value; each counts 0.5" "path with some trust: the note"
# Absent types and skills are judged against the landscape's own words
# (docs/gaps.md): the built-in words count only when most recorded values
# are built-in ones.  Hand-counted:
# own/ has 3 of 4 types and every skill its own; adv/ 3 of 4 types built-in.
mk "$tmp/own" 'id,type,skills\na,party,lobbying\nb,party,drafting\nc,forum,lobbying\nd,ngo,\n' \
	'source,target\na,b\nb,c\nc,d\n'
run gaps "$tmp/own" --format csv; expect_rc 0 "own words"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | grep -c ',0,absent')" -eq 0 ] || fail "own words: no absent row"
expect_out "coverage,type:ngo,share,0.25," "own words: the built-in type present is listed"
# a --targets type no org has is a usage error (names.sh), not an absent row
run gaps "$tmp/own" --targets party,cabinet --format csv; expect_rc 64 "own words, --targets cabinet"
expect_err "--targets: no organization has type 'cabinet'. The types present: party, forum, ngo" "an unknown target type"
# one built-in word for everyone is no vocabulary (EIES: all academic)
mk "$tmp/one" 'id,type\na,academic\nb,academic\nc,academic\n' 'source,target\na,b\n'
run gaps "$tmp/one" --format csv; expect_rc 0 "one built-in type"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | grep -c ',0,absent')" -eq 0 ] || fail "one built-in word: no absent row"
mk "$tmp/adv" 'id,type,skills\na,ngo,legal;hearings\nb,donor,\nc,ngo,\nd,party,\n' 'source,target\na,b\n'
run gaps "$tmp/adv" --format csv; expect_rc 0 "built-in words"
expect_out "coverage,type:ingo,share,0,absent: no organization has type 'ingo'" "built-in types: absent ones listed"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | grep -c 'absent: no organization has skill')" -eq 0 ] ||
	fail "skills half built-in (1 of 2): no absent skill"
checks=$((checks + 1)); [ "$(printf '%s\n' "$out" | grep -c 'absent: no organization has type')" -eq 9 ] ||
	fail "built-in types: the 9 of 11 built-in types no org has"
finish
