#!/bin/sh
# run.sh - allocation-failure tests: for each scenario below, runs coalmap
# once to count its allocations (tests/fault/failmalloc.c, an LD_PRELOAD
# shim), then once for every N from 1 to that count with the Nth
# allocation failing, and checks each run either
#   - exits 0 with stdout and the output file byte-identical to the run
#     without a failure (the failure was absorbed, e.g. by stdio), or
#   - exits 70 with "out of memory" on stderr, nothing on stdout, the old
#     output file untouched and no temporary file left,
# and never crashes, hangs or (in a sanitizer build, through LeakSanitizer;
# or under valgrind, every FAULT_VALGRIND_EVERY-th N) leaks.
#
# Environment: FAULT_STRIDE=K tries every Kth N only (default 1: all);
# FAULT_JOBS=J runs J at a time (default: the number of cores);
# FAULT_VALGRIND_EVERY=K also runs every Kth N under valgrind (0 = never);
# FAULT_ONLY=PATTERN runs only the scenarios whose name matches (a glob).
# Scenarios named "threads: ..." fail the allocations of the worker threads
# instead of the main thread's (COALMAP_FAIL_THREADS=1); their order
# varies from run to run, so each run fails whichever comes Nth.
# Prints "FAULTS: scenarios S, injected N, failed F" at the end.
. "$(dirname "$0")/../cli/lib.sh"

shim=$top_builddir/tests/fault/.libs/libfailmalloc.so
[ -f "$shim" ] || { echo "no $shim: run make check first"; exit 1; }
# the real program and its library path, without libtool's wrapper script
llp=$("$top_builddir/libtool" --mode=execute sh -c 'printf %s "${LD_LIBRARY_PATH:-}"' sh "$COALMAP")
prog=$("$top_builddir/libtool" --mode=execute echo "$COALMAP")
stride=${FAULT_STRIDE:-1}
jobs=${FAULT_JOBS:-$(nproc 2>/dev/null || echo 2)}
vg_every=${FAULT_VALGRIND_EVERY:-0}
# in a sanitizer build the shim comes before libasan; LeakSanitizer exits 23
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:detect_leaks=1:exitcode=86
LSAN_OPTIONS=suppressions=$top_srcdir/tests/fault/lsan.supp:exitcode=87
export ASAN_OPTIONS LSAN_OPTIONS

# the output file's name (@OUT@): its extension may choose the format
FAULT_OUT=${FAULT_OUT:-out.x}
export FAULT_OUT
T="$tmp/tiny"
mk "$T" 'id,name,type\na,Alpha,ngo\nb,Beta,funder\nc,"Gamma, Inc",decision_maker\nd,Delta,ngo\n' \
	'source,target,type,weight\na,b,partnership,2\nb,c,access,1\nc,d,funding,1\na,d,information,1\n'
F=$top_srcdir/datasets/florentine
# stances per issue and conflict ties, for stakeholders
S="$tmp/stake"
mk "$S" 'id,type,stance,stance:tax\na,ngo,support,oppose\nb,government,,support\nc,ngo,oppose,\nd,ngo,neutral,1\n' \
	'source,target,type\na,b,partnership\nb,c,partnership\nc,a,conflict\nc,d,partnership\nd,a,conflict\n'
# an edge list alone, read through a coalmap.ini that renames its ends
E="$tmp/edges"
mkdir -p "$E"
printf 'Org,Partner,type\na,b,advice\nb,c,partnership\nc,a,funding\n' >"$E/ties.csv"
printf '[tie types]\nadvice = directed, access\n[organizations]\ndecision makers = ngo\n[columns]\nOrg = source\nPartner = target\n' >"$E/coalmap.ini"

# one coalmap run with the Nth allocation failing (0 = none) in its own
# folder $tmp/r$N; leaves $tmp/r$N/{rc,out,err,count}
one() { # N WRAPPER ARGS... (ARGS may use @OUT@ for the output file)
	n=$1 wrap=$2
	shift 2
	d=$tmp/r$n
	rm -rf "$d"
	mkdir -p "$d/o"
	printf 'old\n' >"$d/o/$FAULT_OUT"
	# @LAND@: a fresh copy of $FAULT_LAND for this run (its cache folder
	# is the run's own); every other scenario runs without the cache, so
	# that each run makes the same allocations as the one that counted them
	[ -z "${FAULT_LAND:-}" ] || cp -r "$FAULT_LAND" "$d/land"
	args=
	for a in "$@"; do
		[ "$a" = @OUT@ ] && a=$d/o/$FAULT_OUT
		[ "$a" = @LAND@ ] && a=$d/land
		args="$args '$a'"
	done
	[ "${FAULT_CACHE:-0}" = 1 ] || args="$args --no-cache"
	# shellcheck disable=SC2086
	eval "COALMAP_FAIL_AT=$n COALMAP_FAIL_REPORT='$d/count' COALMAP_FAIL_THREADS=${FAULT_THREADS:-0} \
		LD_PRELOAD='$shim' LD_LIBRARY_PATH='$llp' \
		timeout 120 $wrap '$prog' $args" >"$d/out" 2>"$d/err"
	echo $? >"$d/rc"
}

scenarios=0
injected=0
nfail=0

# judge N: compares run N with the baseline run 0; prints nothing if fine
judge() {
	n=$1 d=$tmp/r$1 b=$tmp/r0
	rc=$(cat "$d/rc")
	# the run must have failed an allocation (the count is deterministic)
	case $rc in 0 | 70) [ "$(cut -d' ' -f2 "$d/count" 2>/dev/null)" = 1 ] ||
		{ echo "N=$n: no allocation was failed (count $(cat "$d/count" 2>/dev/null))"; return; } ;;
	esac
	case $rc in
	0)
		cmp -s "$d/out" "$b/out" || { echo "N=$n: exit 0 but stdout differs from a run without failure"; return; }
		cmp -s "$d/o/$FAULT_OUT" "$b/o/$FAULT_OUT" || { echo "N=$n: exit 0 but the output file differs"; return; }
		;;
	70)
		grep -q "out of memory" "$d/err" || { echo "N=$n: exit 70 without 'out of memory': $(head -3 "$d/err")"; return; }
		[ ! -s "$d/out" ] || { echo "N=$n: exit 70 but wrote to stdout"; return; }
		[ "$(cat "$d/o/$FAULT_OUT")" = old ] || { echo "N=$n: exit 70 but the old output file changed"; return; }
		[ "$(ls -A "$d/o")" = $FAULT_OUT ] || { echo "N=$n: temporary files left: $(ls -A "$d/o")"; return; }
		;;
	*)
		echo "N=$n: exit status $rc: $(grep -v '^==' "$d/err" | head -3) $(grep -m3 'ERROR\|SUMMARY\|definitely' "$d/err")"
		return
		;;
	esac
}

# scenario NAME ARGS...: the whole loop for one command line
scenario() {
	name=$1
	shift
	scenarios=$((scenarios + 1))
	one 0 "" "$@"
	if [ "$(cat "$tmp/r0/rc")" != 0 ]; then
		fail "$name: the run without failure exits $(cat "$tmp/r0/rc"): $(head -3 "$tmp/r0/err")"
		return
	fi
	total=$(cut -d' ' -f1 "$tmp/r0/count")
	step=$((stride * ${sparse:-1}))
	seq "$step" "$step" "$total" >"$tmp/ns"
	: >"$tmp/bad"
	# shellcheck disable=SC2016
	while read -r n; do echo "$n"; done <"$tmp/ns" |
		xargs -P "$jobs" -n 16 sh -c 'for n; do sh "$0" --one "$n"; done' "$0" >>"$tmp/bad" 2>&1
	tried=$(wc -l <"$tmp/ns")
	injected=$((injected + tried))
	bad=$(wc -l <"$tmp/bad")
	checks=$((checks + 1))
	if [ "$bad" -ne 0 ]; then
		nfail=$((nfail + bad))
		fail "$name: $bad of $tried failures handled badly, e.g.:"
		head -5 "$tmp/bad" >&2
	fi
	echo "$name: $total allocations, $tried failures injected, $bad bad"
	if [ "$vg_every" -gt 0 ] && command -v valgrind >/dev/null; then
		vbad=0 vn=0
		vg="valgrind -q --soname-synonyms=somalloc=nouserintercepts --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 --suppressions=$top_srcdir/tests/cli/map-valgrind.supp --suppressions=$top_srcdir/tests/fault/valgrind.supp"
		# under valgrind some of glibc's allocations bypass the shim, so
		# the count comes from a run under valgrind without a failure
		mv "$tmp/r0" "$tmp/rbase"
		one 0 "$vg" "$@"
		vtotal=$(cut -d' ' -f1 "$tmp/r0/count" 2>/dev/null)
		[ "$(cat "$tmp/r0/rc")" = 0 ] && [ -n "$vtotal" ] ||
			{ vbad=$((vbad + 1)); vtotal=0; echo "valgrind N=0: exit status $(cat "$tmp/r0/rc"): $(head -3 "$tmp/r0/err")" >&2; }
		rm -rf "$tmp/r0"
		mv "$tmp/rbase" "$tmp/r0"
		for n in $(seq "$vg_every" "$vg_every" "$vtotal"); do
			vn=$((vn + 1))
			one "$n" "$vg" "$@"
			r=$(judge "$n")
			rm -rf "$tmp/r$n"
			[ -z "$r" ] || { vbad=$((vbad + 1)); echo "valgrind $r" >&2; }
		done
		checks=$((checks + 1))
		[ "$vbad" -eq 0 ] || fail "$name: $vbad of $vn runs under valgrind failed"
		injected=$((injected + vn))
		echo "$name: $vn more under valgrind, $vbad bad"
	fi
}

if [ "${1:-}" = --one ]; then
	# a worker: FAULT_SCENARIO_ARGS holds the scenario's arguments
	rm -rf "$tmp"
	trap - EXIT
	tmp=$FAULT_BASE
	n=$2
	eval "set -- $FAULT_SCENARIO_ARGS"
	one "$n" "" "$@"
	judge "$n"
	rm -rf "$tmp/r$n"
	exit 0
fi

# each scenario exports its arguments for the workers, quoted
run_scenario() {
	name=$1
	shift
	case "$name" in ${FAULT_ONLY:-*}) ;; *) return ;; esac
	FAULT_SCENARIO_ARGS=
	for a in "$@"; do
		FAULT_SCENARIO_ARGS="$FAULT_SCENARIO_ARGS '$a'"
	done
	export FAULT_SCENARIO_ARGS
	# the workers need the baseline in their own $tmp: share it
	FAULT_BASE=$tmp
	export FAULT_BASE
	case "$name" in "threads: "*) FAULT_THREADS=1 ;; *) FAULT_THREADS=0 ;; esac
	export FAULT_THREADS
	scenario "$name" "$@"
}

run_scenario "metrics tiny" metrics "$T" --threads 1 --format csv
run_scenario "metrics florentine" metrics "$F" --threads 1 -o @OUT@ --format json
run_scenario "power florentine" power "$F" --threads 1
# permutation tests: two blocs of three or four and budgets, so every test runs
P="$tmp/perm"
mk "$P" 'id,type,bloc,budget\na,ngo,A,1\nb,ngo,A,5\nc,ngo,A,2\nd,ngo,B,9\ne,ngo,B,3\nf,government,B,\ng,ngo,B,4\n' \
	'source,target,type\na,b,partnership\nb,c,partnership\nc,d,partnership\nd,e,partnership\ne,f,access\na,f,access\ng,d,partnership\n'
run_scenario "power --permutations" power "$P" --group-by bloc --permutations 20 --threads 1 -o @OUT@ --format csv
run_scenario "gaps florentine" gaps "$F" --threads 1
run_scenario "gaps --for tiny" gaps "$T" --for a --threads 1 -o @OUT@ --format csv
run_scenario "path florentine" path "$F" Pazzi Lamberteschi -o @OUT@ --format csv
run_scenario "check tiny" check "$T"
run_scenario "stakeholders --camps" stakeholders "$S" --for a --camps --threads 1 -o @OUT@ --format csv
run_scenario "check edge list + coalmap.ini" check "$E/ties.csv"
# sharing: anonymised, a column dropped, names scrubbed from notes, a key read
printf 'id,name,type,notes\na,Alpha,ngo,\nb,Beta,funder,knows Alpha\nc,Gamma,decision_maker,\n' >"$tmp/share-orgs.csv"
SH="$tmp/share"
mk "$SH" "$(cat "$tmp/share-orgs.csv")\n" 'source,target,type,notes\na,b,partnership,met Beta\nb,c,access,via Alpha\n'
run_scenario "metrics --anonymise tiny" metrics "$SH" --anonymise type=ngo --drop-columns notes -o @OUT@ --format csv
"$COALMAP" metrics "$SH" --anonymise all --key "$tmp/share-key.csv" >/dev/null 2>&1
run_scenario "path --anonymise --key tiny" path "$SH" a c --anonymise all --key "$tmp/share-key.csv" -o @OUT@ -f csv
# a workbook written by openpyxl (two sheets: ties, orgs): libzip, zlib and
# libxml2 failing inside the reader must say "out of memory", not "damaged"
# libzip is built without frame pointers, so ASan's fast unwinder stops in
# it and LeakSanitizer cannot match lsan.supp's libzip leak by its caller:
# this scenario records full stacks
asan_was=$ASAN_OPTIONS
ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0
sparse=${FAULT_XLSX_SPARSE:-3} run_scenario "check xlsx" check "$top_srcdir/tests/fault/tiny.xlsx"
ASAN_OPTIONS=$asan_was
run_scenario "init tiny" init "$T" -o @OUT@ --force
run_scenario "map tiny" map "$T" -o @OUT@ --format svg
# the report runs every analysis and Graphviz (1,257 allocations, about a
# second each under ASan): every 7th, which still meets each of its steps
sparse=7 run_scenario "report --for tiny" report "$T" --for a --threads 1 -f md
# the inference and time commands: QAP regression, two waves, ranking
# robustness under missing ties, and the explorer with a story
# the chart drawn with cairo (the inequality curves): an SVG and a PNG
FAULT_OUT=out.svg
run_scenario "power --chart svg" power "$F" --permutations 0 --threads 1 --chart @OUT@
FAULT_OUT=out.png
run_scenario "power --chart png" power "$T" --permutations 0 --threads 1 --chart @OUT@
FAULT_OUT=out.x
run_scenario "qap perm" qap "$P" --y partnership --x access --x diff:budget --permutations 20 --threads 1 -o @OUT@ --format csv
W2="$tmp/wave2"
mk "$W2" 'id,type,bloc,budget\na,ngo,A,1\nb,ngo,A,5\nc,ngo,A,2\nd,ngo,B,9\ne,ngo,B,3\nf,government,B,\ng,ngo,B,4\n' \
	'source,target,type\na,b,partnership\nb,c,partnership\nc,d,partnership\ne,f,access\na,f,access\ng,d,partnership\ng,a,partnership\n'
run_scenario "trend two waves" trend "$P" "$W2" --threads 1 -o @OUT@ --format csv
run_scenario "metrics --missing" metrics "$P" --missing 0.2 --resamples 5 --threads 1 -o @OUT@ --format csv
run_scenario "power --missing" power "$P" --group-by bloc --key-players 2 --permutations 0 --missing 0.2 \
	--missing-orgs --resamples 3 --threads 1 -o @OUT@ --format csv
printf '# Story\n\n## The A bloc\n\nThree partners.\n\n- a\n- b\n- c\n\n## Access\n\n- f\n' >"$tmp/story.md"
sparse=3 run_scenario "explore --story" explore "$P" --story "$tmp/story.md" -o @OUT@
# the worker threads' allocations (not in a sanitizer build: as a thread
# starts, AddressSanitizer's runtime allocates through the C library in it,
# and aborts when that fails, before any of coalmap's code runs there):
# path searches (betweenness and
# harmonic closeness, and harmonic alone beside bounded betweenness),
# permutation tests and resamples on two threads
G="$tmp/gen"
"$COALMAP" generate --orgs 300 --seed 2 -o "$G" >/dev/null
if ldd "$prog" "$top_builddir/engine/.libs/libcoalmap.so" 2>/dev/null | grep -q libasan; then
	echo "threads: skipped in a sanitizer build (the release build runs them)"
else
	run_scenario "threads: metrics" metrics "$G" --threads 2 -o @OUT@ --format csv
	run_scenario "threads: metrics --samples" metrics "$G" --samples 50 --threads 2 -o @OUT@ --format csv
	run_scenario "threads: metrics --epsilon" metrics "$G" --epsilon 0.05 --threads 2 -o @OUT@ --format csv
	run_scenario "threads: power --permutations" power "$P" --group-by bloc --permutations 50 --threads 2 -o @OUT@ \
		--format csv
	run_scenario "threads: metrics --missing" metrics "$P" --missing 0.2 --resamples 5 --threads 2 -o @OUT@ --format csv
fi
# the cache (engine/cache.c): written by a run on a fresh copy, and read
# from a copy whose cache holds every measure (a failure while reading
# falls back to computing; one while writing only means no cache)
FAULT_CACHE=1
export FAULT_CACHE
FAULT_LAND=$P
export FAULT_LAND
run_scenario "cache: write" metrics @LAND@ --threads 1 -o @OUT@ --format csv
CR="$tmp/cached"
cp -r "$P" "$CR"
"$COALMAP" metrics "$CR" --threads 1 >/dev/null 2>&1
FAULT_LAND=$CR
run_scenario "cache: read" metrics @LAND@ --threads 1 -o @OUT@ --format csv
FAULT_CACHE=0 FAULT_LAND=
echo "FAULTS: scenarios $scenarios, injected $injected, failed $nfail"
finish
