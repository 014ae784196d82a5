#!/bin/sh
# coalmap power's permutation tests (issue 20, item 1; docs/statistics.md):
# p-values, null means and intervals agree with an independent reference
# (tests/reference/perm_power.py: every relabelling of a tiny landscape, a
# Monte-Carlo run of its own on a bundled one); the same seed gives the same
# bytes whatever --threads; a test that cannot be run says why and leaves p
# empty, never a p of 0 or 1 by accident.
. "$(dirname "$0")/lib.sh"
ref="$top_srcdir/tests/reference/perm_power.py"

# reference LANDSCAPE N ARGS... : coalmap with N draws against perm_power.py
reference() {
	d=$1 n=$2
	shift 2
	# shellcheck disable=SC2086
	if ! "$COALMAP" power "$d" --permutations "$n" $opts --format csv -o "$tmp/p.csv" 2>"$tmp/err"; then
		fail "$d: coalmap power failed: $(cat "$tmp/err")"
		return
	fi
	# shellcheck disable=SC2086
	if "$PYTHON3" "$ref" "$d" "$tmp/p.csv" --draws "$n" $opts "$@" >"$tmp/cmp" 2>&1; then
		ok
	else
		fail "$d $opts: differs from the reference: $(cat "$tmp/cmp")"
	fi
}

# A tiny landscape, three blocs of three; dm (government, bloc C) is no
# member, so C has two members.  Direct access: a1 (access), a2
# (information), b1 (partnership); c1's funding tie gives none, c2-a1 is a
# conflict (not in G).  Exact: 1,680 arrangements of the blocs, 560 of the
# members' blocs, 8! orders of the budgets.
mk "$tmp/tiny" 'id,type,bloc,budget,one\na1,ngo,A,100,x\na2,ngo,A,250,x\na3,ngo,A,40,x\nb1,ngo,B,900,x\nb2,ngo,B,40,x\nb3,ngo,B,75,x\nc1,grassroots,C,10,x\nc2,grassroots,C,30,x\ndm,government,C,,x\n' \
	'source,target,type\na1,a2,partnership\na2,a3,partnership\na1,a3,partnership\nb1,b2,partnership\nb2,b3,partnership\na3,b1,partnership\nc1,c2,partnership\nc2,b3,partnership\na1,dm,access\na2,dm,information\nb1,dm,partnership\nc1,dm,funding\nc2,a1,conflict\nb2,c1,collaboration\n'
opts="--group-by bloc"
reference "$tmp/tiny" 20000 --exact
# a bundled landscape against the reference's own 20,000 draws
opts="--group-by region"
reference "$top_srcdir/datasets/education-coalition" 20000 --mc 20000
opts="--group-by type --targets decision_maker,un_agency"
reference "$top_srcdir/datasets/education-coalition" 5000 --mc 20000
opts="--group-by sector --targets government"
reference "$top_srcdir/datasets/knoke-wood" 5000 --mc 20000

# the same seed, the same bytes, whatever the threads; another seed moves p
for t in 1 2 3; do
	run power "$top_srcdir/datasets/education-coalition" --group-by region --threads $t --format csv
	expect_rc 0 "--threads $t"
	printf '%s\n' "$out" >"$tmp/threads$t.csv"
done
cmp -s "$tmp/threads1.csv" "$tmp/threads2.csv" && cmp -s "$tmp/threads1.csv" "$tmp/threads3.csv" && ok ||
	fail "--threads 1, 2 and 3 differ"
run power "$top_srcdir/datasets/education-coalition" --group-by region --seed 1 --threads 2 --format csv
[ "$out" = "$(cat "$tmp/threads1.csv")" ] && ok || fail "--seed 1 is not the default"
run power "$top_srcdir/datasets/education-coalition" --group-by region --seed 2 --format csv
[ "$out" != "$(cat "$tmp/threads1.csv")" ] && ok || fail "--seed 2 gives the same p-values as seed 1"

# --permutations 0: no tests, the table of before
run power "$tmp/tiny" --group-by bloc --permutations 0 --format csv
expect_rc 0 "--permutations 0"
[ "$(printf '%s\n' "$out" | head -n 1)" = "section,subject,measure,value,reading" ] && ok ||
	fail "--permutations 0 still has test columns: $(printf '%s\n' "$out" | head -n 1)"
printf '%s\n' "$out" | grep -qx 'access,C,direct_access_share,0,0 of 2 (0 %) have a tie giving them direct access to a decision-maker' &&
	ok || fail "--permutations 0: a test in the reading"
for bad in -1 abc 100001; do
	run power "$tmp/tiny" --permutations "$bad"
	expect_rc 64 "--permutations $bad"
done

# row FILE SECTION SUBJECT MEASURE: the CSV row (python's csv module)
row() {
	"$PYTHON3" -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if (r["section"], r["subject"], r["measure"]) == tuple(sys.argv[2:5]):
        print("%s|%s|%s" % (r["value"], r["p_value"], r["reading"]))' "$@"
}
# untested FILE SECTION SUBJECT MEASURE REASON: p empty, the reason read
untested() {
	got=$(row "$1" "$2" "$3" "$4")
	checks=$((checks + 1))
	case "$got" in
	*"|"*"|"*"$5"*) [ "$(printf '%s' "$got" | cut -d'|' -f2)" = "" ] || fail "$2|$3|$4: a p-value: $got" ;;
	*) fail "$2|$3|$4: expected '$5', got '$got'" ;;
	esac
}

# the undefined cases: each says why, p stays empty
run power "$tmp/tiny" --group-by bloc --format csv -o "$tmp/u.csv"
untested "$tmp/u.csv" access C direct_access_share "no permutation test: the group has fewer than three members"
run power "$tmp/tiny" --group-by one --format csv -o "$tmp/u.csv"
untested "$tmp/u.csv" groups "" network_ei_index "no permutation test: all organizations are in one group"
untested "$tmp/u.csv" groups x ei_index "no permutation test: all organizations are in one group"
untested "$tmp/u.csv" groups "" assortativity "undefined: no ties, or a single group"
run power "$tmp/tiny" --group-by id --format csv -o "$tmp/u.csv"
untested "$tmp/u.csv" groups "" network_ei_index "no permutation test: no two organizations are in the same group"
untested "$tmp/u.csv" groups a1 ei_index "no permutation test: no two organizations are in the same group"
run power "$tmp/tiny" --group-by type --format csv -o "$tmp/u.csv"
untested "$tmp/u.csv" groups government ei_index "no permutation test: the group has fewer than three organizations"
mk "$tmp/flat" 'id,type,bloc,budget\na,ngo,A,5\nb,ngo,A,5\nc,ngo,B,5\nd,ngo,B,5\ndm,government,B,5\n' \
	'source,target,type\na,b,partnership\nb,c,partnership\nc,d,partnership\na,dm,access\nb,dm,access\nc,dm,access\nd,dm,access\n'
run power "$tmp/flat" --group-by bloc --format csv -o "$tmp/u.csv"
untested "$tmp/u.csv" money_and_position "" spearman_budget_degree "undefined: fewer than three budgets, or no variation"
untested "$tmp/u.csv" access B direct_access_share "no permutation test: every member has direct access"
# K4 in two pairs: every arrangement has 2 ties within, 4 between
mk "$tmp/k4" 'id,bloc\na,A\nb,A\nc,B\nd,B\n' \
	'source,target\na,b\na,c\na,d\nb,c\nb,d\nc,d\n'
run power "$tmp/k4" --group-by bloc --format csv -o "$tmp/u.csv"
untested "$tmp/u.csv" groups "" network_ei_index "no permutation test: every permutation gives the same value"
mk "$tmp/none" 'id,bloc,budget\na,A,1\nb,A,2\nc,A,3\nd,B,4\ne,B,5\nf,B,6\n' 'source,target\n'
run power "$tmp/none" --group-by bloc --format csv -o "$tmp/u.csv"
expect_rc 0 "power on a landscape without ties"
untested "$tmp/u.csv" groups "" network_ei_index "undefined: no ties"
untested "$tmp/u.csv" money_and_position "" spearman_budget_degree "undefined"

# few draws: the smallest p is 2/(N + 1), never 0; every p is in (0, 1]
run power "$top_srcdir/datasets/education-coalition" --group-by region --permutations 10 --format csv -o "$tmp/few.csv"
"$PYTHON3" - "$tmp/few.csv" <<'PY' && ok || fail "p-values with 10 draws"
import csv, sys
ps = [float(r["p_value"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["p_value"]]
assert ps and all(0 < p <= 1 for p in ps), ps
assert abs(min(ps) - 2 / 11) < 1e-9, min(ps)
PY
finish
