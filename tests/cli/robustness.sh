#!/bin/sh
# coalmap metrics --missing (issue 20, item 5; docs/statistics.md,
# "Robustness of rankings"): how far a ranking holds when a share of the
# ties or orgs is missing at random.  Checked against the exact
# distribution over every possible resample (tests/reference/nx_ranking.py,
# NetworkX) within Monte-Carlo error; share 0 changes nothing; a star's hub
# stays first; the same bytes at any --threads; bad values are usage errors.
. "$(dirname "$0")/lib.sh"
ref="$top_srcdir/tests/reference/nx_ranking.py"

# nine orgs, twelve ties: two triangles and a square joined through d and h
mk "$tmp/t" 'id,name\na,A\nb,B\nc,C\nd,D\ne,E\nf,F\ng,G\nh,H\ni,I\n' \
	'source,target\na,b\na,c\nb,c\nc,d\nd,e\ne,f\ne,g\nf,g\ng,h\nd,h\nh,i\nb,d\n'

# reference REFARGS ARGS...: coalmap's table (metrics ARGS) against every
# possible resample (nx_ranking.py REFARGS)
reference() {
	refargs=$1
	shift
	if ! "$COALMAP" metrics "$tmp/t" --resamples 1500 --format csv -o "$tmp/r.csv" "$@" 2>"$tmp/err"; then
		fail "metrics $*: $(cat "$tmp/err")"
		return
	fi
	# shellcheck disable=SC2086
	if "$PYTHON3" "$ref" "$tmp/t" "$tmp/r.csv" --resamples 1500 $refargs >"$tmp/cmp" 2>&1; then
		ok
	else
		fail "metrics $*: differs from the reference: $(cat "$tmp/cmp")"
	fi
}
reference "--top 4" --missing 0.25,0.5 --top 4
reference "--top 4 --orgs" --missing 0.25 --missing-orgs --top 4
reference "--top 3 --by harmonic" --missing 0.2 --top 3 --by harmonic
# the reference notices a wrong measure
"$PYTHON3" "$ref" "$tmp/t" "$tmp/r.csv" --resamples 1500 --top 3 --by degree >/dev/null 2>&1 &&
	fail "the reference accepts degree for harmonic" || ok

# share 0: every org keeps its rank in every resample, interval = its rank
run metrics "$top_srcdir/datasets/florentine" --missing 0 --top 100 --resamples 20 --format csv -o "$tmp/zero.csv"
expect_rc 0 "--missing 0"
"$PYTHON3" - "$tmp/zero.csv" <<'PY' && ok || fail "share 0 moves a rank"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == 16, len(rows)
for r in rows:
    assert r["resamples"] == "20" and r["keeps_rank"] == "1" and r["in_top"] == "1", r
    assert r["rank_low"] == r["rank"] == r["rank_high"], r
PY

# a star of ten leaves: the hub stays rank 1 in every resample
mk "$tmp/star" 'id\nhub\nl0\nl1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\n' \
	'source,target\nhub,l0\nhub,l1\nhub,l2\nhub,l3\nhub,l4\nhub,l5\nhub,l6\nhub,l7\nhub,l8\nhub,l9\n'
run metrics "$tmp/star" --missing 0.1,0.2,0.3 --top 1 --format csv
expect_rc 0 "star"
[ "$(printf '%s\n' "$out" | cut -d, -f1,4- | sed 1d | cut -d, -f1-8)" = "hub,1,0.1,100,1,1,1,1
hub,1,0.2,100,1,1,1,1
hub,1,0.3,100,1,1,1,1" ] && ok || fail "star: the hub moves: $out"
expect_out "rank 1 in 100 % of resamples with 10 % of ties missing" "star: the reading"

# the same bytes at any --threads; the seed matters
for t in 1 2 3; do
	run metrics "$top_srcdir/datasets/education-coalition" --missing 0.1,0.3 --resamples 30 --threads $t --format csv
	expect_rc 0 "--threads $t"
	printf '%s\n' "$out" >"$tmp/threads$t.csv"
	run metrics "$top_srcdir/datasets/education-coalition" --missing 0.2 --missing-orgs --by pagerank \
		--resamples 30 --threads $t --format csv
	printf '%s\n' "$out" >"$tmp/orgs$t.csv"
done
cmp -s "$tmp/threads1.csv" "$tmp/threads2.csv" && cmp -s "$tmp/threads1.csv" "$tmp/threads3.csv" && ok ||
	fail "--threads 1, 2 and 3 differ"
cmp -s "$tmp/orgs1.csv" "$tmp/orgs2.csv" && cmp -s "$tmp/orgs1.csv" "$tmp/orgs3.csv" && ok ||
	fail "--missing-orgs: --threads 1, 2 and 3 differ"
run metrics "$top_srcdir/datasets/education-coalition" --missing 0.1,0.3 --resamples 30 --seed 1 --format csv
[ "$out" = "$(cat "$tmp/threads1.csv")" ] && ok || fail "--seed 1 is not the default"
run metrics "$top_srcdir/datasets/education-coalition" --missing 0.1,0.3 --resamples 30 --seed 2 --format csv
[ "$out" != "$(cat "$tmp/threads1.csv")" ] && ok || fail "--seed 2 gives the same table as seed 1"

# bad values are usage errors, before anything is computed
for bad in "--missing 1" "--missing -0.1" "--missing 0.1,x" "--missing 0.1 --resamples 0" \
	"--missing 0.1 --by community" "--missing 0.1 --by nosuch" "--resamples 5" "--missing-orgs" \
	"--missing 0.1 --sort degree"; do
	# shellcheck disable=SC2086
	run metrics "$tmp/t" $bad
	expect_rc 64 "$bad"
	[ -z "$out" ] && ok || fail "$bad: wrote a table"
done
run metrics "$tmp/t" --missing 0.1 --by nosuch
expect_err "no measure 'nosuch'" "--by nosuch"

# on a terminal, the progress line counts the resamples (not each one's
# searches); more resamples than can finish in 2 s (about 4,000 a second
# here), stopped by --time-limit, so the run lasts long enough for the line
# to be drawn on any machine
if command -v script >/dev/null 2>&1 && [ -z "${COALMAP_WRAPPER:-}" ]; then
	COALMAP_PROGRESS_AFTER=0 script -q -c "'$COALMAP' metrics '$top_srcdir/datasets/education-coalition' \
		--missing 0.1,0.2 --resamples 200000 --time-limit 2 --format csv -o '$tmp/p.csv'" "$tmp/typescript" </dev/null >/dev/null 2>&1
	grep -aq 'coalmap: resamples ' "$tmp/typescript" && ok || fail "no progress line counting the resamples"
	grep -aq 'betweenness and closeness' "$tmp/typescript" && fail "a resample's searches show their own progress" || ok
fi

# --time-limit stops the resamples: exit 70, nothing written
run metrics "$top_srcdir/datasets/education-coalition" --missing 0.1 --resamples 1000000 --time-limit 0.5
expect_rc 70 "--time-limit"
expect_err "time limit reached after" "--time-limit"
[ -z "$out" ] && ok || fail "--time-limit: wrote a table"

finish
