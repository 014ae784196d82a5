#!/bin/sh
# coalmap power --missing (issue 20, item 5; docs/statistics.md,
# "Robustness of rankings"): how far the key players and each group's
# gatekeepers hold when a share of the ties or orgs is missing at random.
# Checked against the exact distribution over every possible resample
# (tests/reference/nx_power_ranking.py: KPP-Neg, KPP-Pos and the
# gatekeepers' routes written again with NetworkX) within Monte-Carlo
# error; share 0 changes nothing; the same bytes at any --threads; bad
# values are usage errors.
. "$(dirname "$0")/lib.sh"
ref="$top_srcdir/tests/reference/nx_power_ranking.py"

# 15 orgs in four regions, two decision-makers, 22 partnerships: region S
# reaches them only through E and N, region W only through S, E and N
mk "$tmp/t" 'id,name,type,region\ndm1,DM One,decision_maker,N\ndm2,DM Two,decision_maker,E\na,A,ngo,N\nb,B,ngo,N\nc,C,ngo,N\nd,D,ngo,S\ne,E,ngo,S\nf,F,ngo,S\ng,G,ngo,S\nh,H,ngo,E\ni,I,ngo,E\nj,J,ngo,E\nk,K,ngo,E\nl,L,ngo,W\nm,M,ngo,W\n' \
	'source,target,type\na,dm1,partnership\nb,a,partnership\nc,b,partnership\nc,d,partnership\nd,e,partnership\ne,f,partnership\nf,g,partnership\ng,h,partnership\nh,dm2,partnership\ni,h,partnership\nj,i,partnership\nk,j,partnership\nb,d,partnership\ne,h,partnership\na,i,partnership\nf,k,partnership\nc,a,partnership\nd,g,partnership\nl,d,partnership\nl,k,partnership\nm,l,partnership\nm,c,partnership\n'
P="--group-by region --key-players 3 --permutations 0"

# reference REFARGS ARGS...: coalmap's rows (power ARGS) against every
# possible resample (nx_power_ranking.py REFARGS)
reference() {
	refargs=$1
	shift
	# shellcheck disable=SC2086
	if ! "$COALMAP" power "$tmp/t" $P --resamples 1500 --format csv -o "$tmp/r.csv" "$@" 2>"$tmp/err"; then
		fail "power $*: $(cat "$tmp/err")"
		return
	fi
	# shellcheck disable=SC2086
	if "$PYTHON3" "$ref" "$tmp/t" "$tmp/r.csv" --k 3 --resamples 1500 $refargs >"$tmp/cmp" 2>&1; then
		ok
	else
		fail "power $*: differs from the reference: $(cat "$tmp/cmp")"
	fi
}
reference "" --missing 0.1,0.15
reference "--orgs" --missing 0.2 --missing-orgs
# the reference notices other lists (two key players instead of three)
"$PYTHON3" "$ref" "$tmp/t" "$tmp/r.csv" --k 2 --resamples 1500 --orgs >/dev/null 2>&1 &&
	fail "the reference accepts two key players for three" || ok
# and a changed figure
sed 's/^\(key_players,a,kpp_neg_kept:0.2\),[0-9.]*,/\1,0.5,/' "$tmp/r.csv" >"$tmp/bad.csv"
cmp -s "$tmp/r.csv" "$tmp/bad.csv" && fail "the figure to change is not in the table"
"$PYTHON3" "$ref" "$tmp/t" "$tmp/bad.csv" --k 3 --resamples 1500 --orgs >/dev/null 2>&1 &&
	fail "the reference accepts a changed figure" || ok

# the rows follow each listed org's place on its list
# shellcheck disable=SC2086
run power "$tmp/t" $P --missing 0.1 --resamples 50 --format csv
expect_rc 0 "--missing 0.1"
printf '%s\n' "$out" | grep -A1 '^key_players,a,kpp_neg_rank,' | tail -1 | grep -q '^key_players,a,kpp_neg_kept:0.1,' &&
	ok || fail "A's robustness does not follow its place: $out"
printf '%s\n' "$out" | grep -A1 '^key_players,d,kpp_pos_rank,' | tail -1 | grep -q '^key_players,d,kpp_pos_kept:0.1,' &&
	ok || fail "D's robustness does not follow its place: $out"
printf '%s\n' "$out" | grep -A1 '^gatekeepers,h,routes:S,' | tail -1 | grep -q '^gatekeepers,h,routes_kept:S:0.1,' &&
	ok || fail "H's robustness is not after its row"
expect_out "among the 3 key players by removal in" "the reading"
expect_out "among the 4 gatekeepers listed for S in" "the gatekeepers' reading"

# without --missing, the same report as before (no robustness rows)
# shellcheck disable=SC2086
run power "$tmp/t" $P --format csv
printf '%s\n' "$out" | grep -q '_kept:' && fail "robustness rows without --missing" || ok

# share 0: every listed org keeps its place in every resample
# shellcheck disable=SC2086
run power "$tmp/t" $P --missing 0 --resamples 20 --format csv
expect_rc 0 "--missing 0"
"$PYTHON3" - "$out" <<'PY' && ok || fail "share 0 moves a place"
import csv, io, re, sys
table = list(csv.DictReader(io.StringIO(sys.argv[1])))
rows = [r for r in table if "_kept:" in r["measure"]]
# one row per listed org: each key player of both lists, each gatekeeper shown
listed = [r for r in table if r["measure"] in ("kpp_neg_rank", "kpp_pos_rank") or r["measure"].startswith("routes:")]
assert len(rows) == len(listed) > 0, (len(rows), len(listed))
for r in rows:
    assert r["value"] == "1", r
    m = re.search(r"place (\d+)(?: or better)? in 100 %; 95 % of places (\d+)$", r["reading"])
    assert m and m.group(1) == m.group(2), r
PY

# the same bytes at any --threads; the seed matters
E="$top_srcdir/datasets/education-coalition"
for t in 1 2; do
	run power "$E" --group-by region --missing 0.1,0.3 --missing-orgs --resamples 20 --threads $t --format csv
	expect_rc 0 "--threads $t"
	printf '%s\n' "$out" >"$tmp/threads$t.csv"
done
cmp -s "$tmp/threads1.csv" "$tmp/threads2.csv" && ok || fail "--threads 1 and 2 differ"
run power "$E" --group-by region --missing 0.1,0.3 --missing-orgs --resamples 20 --seed 2 --format csv
[ "$out" != "$(cat "$tmp/threads1.csv")" ] && ok || fail "--seed 2 gives the same figures as seed 1"

# bad values are usage errors, before anything is computed
for bad in "--missing 1" "--missing 0.1,x" "--missing 0.1 --resamples 0" "--resamples 5" "--missing-orgs" \
	"--missing 0.1 --key-players 0"; do
	# shellcheck disable=SC2086
	run power "$tmp/t" --permutations 0 $bad
	expect_rc 64 "$bad"
	[ -z "$out" ] && ok || fail "$bad: wrote a table"
done
run power "$tmp/t" --missing 0.1 --key-players 0
expect_err "needs --key-players K above 0 or --group-by" "--missing without a list"

finish
