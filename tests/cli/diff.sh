#!/bin/sh
# coalmap diff on landscapes built with known changes (tests/data/diff,
# README there) reports exactly those changes, in both modes (two
# landscapes; one landscape --at two days); its formats, determinism and
# errors.
. "$(dirname "$0")/lib.sh"
d="$top_srcdir/tests/data/diff"

# rows FILE SECTION: "subject|measure|before|after|change" of a section, sorted
rows() {
	"$PYTHON3" -c '
import csv, sys
out = sorted("|".join((r["subject"], r["measure"], r["before"], r["after"], r["change"]))
             for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["section"] == sys.argv[2])
print("\n".join(out))' "$1" "$2"
}

# expect_rows FILE SECTION EXPECTED DESCRIPTION
expect_rows() {
	got=$(rows "$1" "$2")
	checks=$((checks + 1))
	[ "$got" = "$3" ] || fail "$4: section $2 is
$got
expected
$3"
}

check_changes() { # FILE MODE
	f=$1
	expect_rows "$f" ties_gained "a -- y (partnership)|tie||1|
c -- e (coalition)|tie||1|
d -- f (partnership)|tie||1|
d -- g (partnership)|tie||1|
d -- h (partnership)|tie||1|
g -> h (information)|tie||1|
y -> d (membership)|tie||1|" "$2: ties gained"
	expect_rows "$f" ties_lost "a -- d (partnership)|tie|1||
a -- x (partnership)|tie|1||
b -- d (partnership)|tie|1||
c -- d (partnership)|tie|1||
h -> g (information)|tie|1||" "$2: ties lost"
	expect_rows "$f" ties_changed "a -- b (partnership)|trust|0.5|0.9|0.4
a -> e (funding)|amount|1000|1500|500
e -- f (partnership)|weight|1|3|2" "$2: ties changed"
	got=$(rows "$f" position | grep '|community|' | cut -d'|' -f1,5 | tr '\n' ' ')
	checks=$((checks + 1))
	[ "$got" = "$3" ] || fail "$2: community changes are '$got', expected '$3'"
}

# ---- two landscapes
run diff "$d/before" "$d/after" --top 0 --format csv -o "$tmp/two.csv"
expect_rc 0 "two landscapes"
# d moved from {a,b,c} to {e,f,g,h}: Jaccard distances of co-members
# among the orgs on both sides (a..h): d 1, a b c 1/3, e f g h 1/4
check_changes "$tmp/two.csv" "two landscapes" \
	"a|0.333333333333 b|0.333333333333 c|0.333333333333 d|1 e|0.25 f|0.25 g|0.25 h|0.25 "
expect_rows "$tmp/two.csv" orgs_gained "y|organization||2|" "orgs gained"
expect_rows "$tmp/two.csv" orgs_lost "x|organization|1||" "orgs lost"
expect_rows "$tmp/two.csv" orgs_changed "b|budget|100|200|100
c|type|||" "orgs changed"
# the summary by hand (tests/data/diff/README.md); --top never cuts it
summary="|organizations_changed|||2
|organizations_gained|||1
|organizations_lost|||1
|organizations_with_ties|9|9|0
|organizations|9|9|0
|ties_changed|||3
|ties_gained|||7
|ties_lost|||5
|ties|16|18|2"
expect_rows "$tmp/two.csv" summary "$summary" "summary"
got=$(grep '^communities,,mean_community_change,' "$tmp/two.csv" | cut -d, -f6)
checks=$((checks + 1))
[ "$got" = "0.375" ] || fail "mean community change $got, expected 0.375"

# ---- one landscape on two days: the same tie changes, every org on both days
run diff "$d/dated" --at 2019-06-01 --at 2023-06-01 --top 0 --format csv -o "$tmp/dated.csv"
expect_rc 0 "--at twice"
# x and y are on both days now: x in a's community on the first day and
# alone on the second, y the other way round; so a's co-members go from
# {b,c,d,x} to {b,c,y} (3/5 changed), x and y change wholly
check_changes "$tmp/dated.csv" "--at twice" \
	"a|0.6 b|0.6 c|0.6 d|1 e|0.25 f|0.25 g|0.25 h|0.25 x|1 y|1 "
expect_rows "$tmp/dated.csv" orgs_gained "" "--at: no org gained"
expect_rows "$tmp/dated.csv" orgs_lost "" "--at: no org lost"
checks=$((checks + 1))
grep -q '^summary,,organizations_with_ties,9,9,0,' "$tmp/dated.csv" || fail "--at: x and y are isolates on one day each"
# the days swapped: gained and lost swap
run diff "$d/dated" --at 2023-06-01 --at 2019-06-01 --top 0 --format csv -o "$tmp/back.csv"
expect_rc 0 "--at swapped"
checks=$((checks + 1))
[ "$(rows "$tmp/back.csv" ties_gained | cut -d'|' -f1)" = "$(rows "$tmp/dated.csv" ties_lost | cut -d'|' -f1)" ] ||
	fail "swapped days: gained ties are not the lost ones"

# --top: at most N orgs per position measure, largest change first
run diff "$d/before" "$d/after" --top 2 --format csv -o "$tmp/top.csv"
expect_rc 0 "--top 2"
for m in degree betweenness_norm pagerank community; do
	checks=$((checks + 1))
	n=$(grep -c "^position,[^,]*,$m," "$tmp/top.csv")
	[ "$n" -eq 2 ] || fail "--top 2: $n rows of $m"
done
checks=$((checks + 1))
grep -q '^position,d,community,3,4,1,' "$tmp/top.csv" || fail "--top 2: d's community change is not listed first"

# --top also cuts the org and tie lists (first N in their order, whole
# entries), closing each cut list with a 'more' row; the summary still
# counts all (README: 7 gained, 5 lost, 3 changed ties; 1 org joined,
# 1 left, 2 changed; y has partners a and d)
expect_rows "$tmp/top.csv" ties_gained "a -- y (partnership)|tie||1|
c -- e (coalition)|tie||1|
|more|||5" "--top 2: ties gained"
expect_rows "$tmp/top.csv" ties_lost "a -- d (partnership)|tie|1||
a -- x (partnership)|tie|1||
|more|||3" "--top 2: ties lost"
expect_rows "$tmp/top.csv" ties_changed "a -- b (partnership)|trust|0.5|0.9|0.4
a -> e (funding)|amount|1000|1500|500
|more|||1" "--top 2: ties changed"
expect_rows "$tmp/top.csv" orgs_gained "y|organization||2|" "--top 2: orgs gained (not cut)"
expect_rows "$tmp/top.csv" summary "$summary" "--top 2: summary counts everything"
checks=$((checks + 1))
grep -q '^ties_gained,,more,,,5,… and 5 more gained ties (--top 0 lists all)$' "$tmp/top.csv" ||
	fail "--top 2: no '… and 5 more gained ties' row"
run diff "$d/before" "$d/after" --top 1 --format csv -o "$tmp/top1.csv"
expect_rc 0 "--top 1"
expect_rows "$tmp/top1.csv" orgs_changed "b|budget|100|200|100
|more|||1" "--top 1: orgs changed"
run diff "$d/before" "$d/after" --top 1
expect_rc 0 "--top 1 table"
expect_out "… and 6 more gained ties (--top 0 lists all)" "--top 1 table"

# ---- formats, stdout, determinism
for fmt in table csv json md; do
	run diff "$d/before" "$d/after" --format $fmt
	expect_rc 0 "format $fmt"
	printf '%s\n' "$out" >"$tmp/a.$fmt"
	run diff "$d/before" "$d/after" --format $fmt
	printf '%s\n' "$out" >"$tmp/b.$fmt"
	checks=$((checks + 1))
	cmp -s "$tmp/a.$fmt" "$tmp/b.$fmt" || fail "format $fmt: two runs differ"
done
checks=$((checks + 1))
"$PYTHON3" -c 'import json,sys; t=json.load(open(sys.argv[1])); assert any(r["section"]=="ties_gained" and r["subject"]=="y -> d (membership)" for r in t)' "$tmp/a.json" ||
	fail "json: not valid or lacks a gained tie"
checks=$((checks + 1))
grep -q '^ties_changed$' "$tmp/a.table" || fail "table: no ties_changed heading"
checks=$((checks + 1))
grep -q '^| section | subject | measure | before | after | change | reading |$' "$tmp/a.md" || fail "md: header"
run diff "$d/before" "$d/after" -o "$tmp/out.json"
expect_rc 0 "-o FILE.json"
checks=$((checks + 1))
"$PYTHON3" -m json.tool "$tmp/out.json" >/dev/null || fail "-o FILE.json is not JSON"

# ---- usage errors: 64, nothing written
run diff "$d/dated" --at 2019-06-01 -o "$tmp/x.csv"
expect_rc 64 "--at once"
expect_err "one landscape needs two days: --at DATE1 --at DATE2 (one given)" "--at once"
run diff "$d/dated"
expect_rc 64 "one landscape, no --at"
expect_err "(none given)" "one landscape, no --at"
run diff "$d/dated" --at 2019-06-01 --at 2020-01-01 --at 2021-01-01
expect_rc 64 "--at three times"
expect_err "--at is given twice at most" "--at three times"
run diff "$d/dated" --at 06/01/2019 --at 2020-01-01
expect_rc 64 "bad date"
expect_err "--at '06/01/2019' is not a date (YYYY-MM-DD)" "bad date"
run diff "$d/dated" --at 2019-02-30 --at 2020-01-01
expect_rc 64 "impossible date"
run diff "$d/before" "$d/after" --at 2019-06-01 --at 2020-01-01
expect_rc 64 "two landscapes and --at"
expect_err "with two landscapes leave it out" "two landscapes and --at"
run diff "$d/before" "$d/after" "$d/dated"
expect_rc 64 "three landscapes"
expect_err "expected BEFORE AFTER, or LANDSCAPE --at DATE1 --at DATE2" "three landscapes"
run diff
expect_rc 64 "no landscape"
run diff "$d/before" "$d/after" --top -1
expect_rc 64 "--top -1"
run diff "$d/before" "$d/after" --format xml
expect_rc 64 "--format xml"
run diff "$d/before" "$d/after" --group-by nosuchcolumn
expect_rc 64 "--group-by unknown column"
checks=$((checks + 1))
[ ! -e "$tmp/x.csv" ] || fail "a usage error wrote its output"
run diff --help
expect_rc 0 "--help"
expect_out "coalmap diff LANDSCAPE --at DATE1 --at DATE2" "--help"
run help diff
expect_rc 0 "help diff"

# ---- missing and bad input
run diff "$d/before" "$tmp/nowhere"
expect_rc 66 "missing AFTER"
mk "$tmp/bad" 'id,name\na,A\nb,B\n' 'source,target,weight\na,b,-1\n'
run diff "$d/before" "$tmp/bad" -o "$tmp/bad.csv"
expect_rc 65 "bad AFTER"
expect_err "relationships.csv:2:" "bad AFTER names the line"
checks=$((checks + 1))
[ ! -e "$tmp/bad.csv" ] || fail "bad data wrote its output"
run diff "$d/before" "$d/after" -o "$tmp/nodir/out.csv"
expect_rc 73 "output in a missing folder"
run diff "$d/before" "$d/after" -f csv -o "$d/after/relationships.csv"
expect_rc 73 "-o an input file"

# ---- hostile names (ROBUSTNESS.md Outputs): every tie of tests/data/hostile
# gained against a copy without ties; CSV round-trips with formula
# injection neutralised, JSON loads, Markdown keeps one row per line
H="$top_srcdir/tests/data/hostile"
mkdir -p "$tmp/h0"
cp "$H/organizations.csv" "$tmp/h0/"
printf 'source,target\n' >"$tmp/h0/relationships.csv"
run diff "$tmp/h0" "$H" --top 0 --format csv -o "$tmp/h.csv"
expect_rc 0 "hostile csv"
checks=$((checks + 1))
"$PYTHON3" - "$tmp/h.csv" "$H/relationships.csv" <<'PY' || fail "hostile csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
ties = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
gained = [r for r in rows if r["section"] == "ties_gained"]
assert len(gained) == len({(t["source"], t["target"], t["type"]) for t in ties}), len(gained)
for r in rows:
    for k, v in r.items():
        assert not (v[:1] in ("=", "+", "@", "\t", "\r") or (v[:1] == "-" and k in ("section", "subject", "measure", "reading"))), (k, v)
PY
run diff "$tmp/h0" "$H" --format json -o "$tmp/h.json"
expect_rc 0 "hostile json"
checks=$((checks + 1))
"$PYTHON3" -m json.tool "$tmp/h.json" >/dev/null || fail "hostile json does not load"
run diff "$tmp/h0" "$H" --format md -o "$tmp/h.md"
expect_rc 0 "hostile md"
checks=$((checks + 1))
[ "$(grep -c '^|' "$tmp/h.md")" -eq "$(wc -l <"$tmp/h.md")" ] || fail "hostile md: a row spans lines"

# ---- degenerate: empty of ties, one org
mk "$tmp/one" 'id\na\n' 'source,target\n'
mk "$tmp/two" 'id\na\nb\n' 'source,target\na,b\n'
run diff "$tmp/one" "$tmp/two" --format csv
expect_rc 0 "one org to two"
expect_out "ties_gained,a -- b (partnership),tie,,1,," "one org to two: the tie"
run diff "$tmp/two" "$tmp/one" --format json
expect_rc 0 "two orgs to one"
checks=$((checks + 1))
printf '%s\n' "$out" | "$PYTHON3" -m json.tool >/dev/null || fail "degenerate json"

# ---- stance per issue between two waves (hand-counted): a turns against
# climate; tax is dropped (its stances become unknown), housing added; c's
# -2 on the -2..2 scale and "oppose" are the same stance; "Stance:Climate"
# is the same column as "stance:climate".
mk "$tmp/w1" 'id,name,stance,stance:climate,stance:tax
a,A,support,support,oppose
b,B,oppose,,1
c,C,neutral,-2,
' 'source,target\na,b\n'
mk "$tmp/w2" 'id,name,stance,Stance:Climate,stance:housing
a,A,support,oppose,
b,B,oppose,,
c,C,neutral,oppose,support
' 'source,target\na,b\n'
run diff "$tmp/w1" "$tmp/w2" --format csv -o "$tmp/w.csv"
expect_rc 0 "stance waves"
expect_rows "$tmp/w.csv" orgs_changed "a|stance:climate|||
a|stance:tax|||
b|stance:tax|||
c|stance:housing|||" "stance changes per issue"
run diff "$tmp/w1" "$tmp/w2" --format csv
expect_out "A: stance on climate support became oppose" "stance change reading"
expect_out "B: stance on tax support became (none)" "a dropped issue: unknown"
expect_out "C: stance on housing (none) became support" "an added issue"
expect_out "summary,,organizations_changed,,,3," "three orgs changed"
printf 'd,D,,maybe,\n' >>"$tmp/w2/organizations.csv"
run diff "$tmp/w1" "$tmp/w2" --format csv -o "$tmp/wbad.csv"
expect_rc 65 "a cell that is no stance"
expect_err "w2/organizations.csv:5" "its file and line"
checks=$((checks + 1)); [ ! -e "$tmp/wbad.csv" ] || fail "a diff was written despite the bad stance"
# the core/periphery rows (left out of the NetworkX diff reference: an
# optimisation whose optimum need not be unique): each side's model is
# checked against tests/reference/nx_coreperiphery.py, and the diff's
# before and after are those sides' figures
E="$top_srcdir/datasets/education-coalition"
run diff "$E" --at 2018-01-01 --at 2022-01-01 --top 0 --format csv -o "$tmp/cp-diff.csv"
expect_rc 0 "diff --at: core/periphery"
for d in 2018-01-01 2022-01-01; do
	"$COALMAP" metrics "$E" --at $d --format csv -o "$tmp/cp-m-$d.csv" &&
		"$COALMAP" power "$E" --at $d --permutations 0 --format csv -o "$tmp/cp-p-$d.csv" ||
		fail "metrics or power --at $d"
	"$PYTHON3" "$top_srcdir/tests/reference/nx_coreperiphery.py" "$E" "$tmp/cp-m-$d.csv" "$tmp/cp-p-$d.csv" \
		--at $d >"$tmp/cp-ref" 2>&1 && ok || fail "core/periphery on $d differs from the reference: $(cat "$tmp/cp-ref")"
done
"$PYTHON3" - "$tmp/cp-diff.csv" "$tmp/cp-p-2018-01-01.csv" "$tmp/cp-p-2022-01-01.csv" "$tmp/cp-m-2018-01-01.csv" \
	"$tmp/cp-m-2022-01-01.csv" <<'PY' && ok || fail "the diff's core/periphery rows are not the two sides' figures"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
def fig(path):
    return {r["measure"]: r["value"] for r in csv.DictReader(open(path, encoding="utf-8"))
            if r["section"] == "core_periphery" and not r["subject"] and r["measure"] != "core_members_not_listed"}
b, a = fig(sys.argv[2]), fig(sys.argv[3])
cp = {r["measure"]: r for r in rows if r["section"] == "core_periphery"}
assert set(cp) == set(b) == {"continuous_fit", "discrete_fit", "core_size", "density_core", "density_periphery",
                             "density_between"}, (set(cp), set(b))
for m, r in cp.items():
    assert abs(float(r["before"]) - float(b[m])) < 1e-9 and abs(float(r["after"]) - float(a[m])) < 1e-9, (m, r)
cb = {r["id"]: float(r["cp_coreness"]) for r in csv.DictReader(open(sys.argv[4], encoding="utf-8"))}
ca = {r["id"]: float(r["cp_coreness"]) for r in csv.DictReader(open(sys.argv[5], encoding="utf-8"))}
moved = [r for r in rows if r["section"] == "position" and r["measure"] == "cp_coreness"]
assert moved
for r in moved:
    assert abs(float(r["before"]) - cb[r["subject"]]) < 1e-9 and abs(float(r["after"]) - ca[r["subject"]]) < 1e-9, r
# --top 0 lists every org whose coreness moved
assert len(moved) == sum(1 for k in cb if abs(cb[k] - ca[k]) > 1e-9 * max(abs(cb[k]), abs(ca[k])) + 1e-12)
PY

finish
