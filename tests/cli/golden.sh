#!/bin/sh
# Golden files: a fixed list of coalmap invocations, covering every command
# and every output format, whose outputs must stay byte for byte what the
# build of commit d06a241 wrote (tests/golden, README there).  A safety net
# for refactors that must not change behaviour; not a test of correctness
# (tests/reference holds those, from NetworkX and R).
#
# Each invocation NAME of a group (a landscape) leaves, under $res/GROUP/:
#   NAME.out     its standard output, when not empty
#   NAME.status  "exit N", then its standard error (warnings, errors, notes)
#   NAME.EXT     what it wrote to -o @EXT ('@' alone: a folder NAME)
# Paths and the version are normalised (see "Normalise" below); nothing
# else.  Every file must equal tests/golden/GROUP/FILE, or its line in
# tests/golden/SHA256SUMS: PNG and PDF (binary), and the whole group of the
# generated 2,000-org landscape (megabytes) except its .status files.  A
# file missing, new or different is named, with the start of a diff.
#
#   GOLDEN_KEEP=DIR  also copy every output, in full, to DIR: run it against
#                    the build of an older commit (COALMAP=...) and this one
#                    and compare the two folders with diff -r
#   GOLDEN_UPDATE=1  rewrite tests/golden from this build (tests/golden/make.sh);
#                    only when a change of output is intended and reviewed
. "$(dirname "$0")/lib.sh"
graphviz_leaks

# Run the program itself rather than libtool's wrapper script around it (a
# shell started for each of 200 invocations, a third of the CPU time):
# libtool --mode=execute names the program and sets its library path.
if [ -z "${COALMAP_WRAPPER:-}" ] && [ -x "$top_builddir/libtool" ]; then
	eval "$("$top_builddir/libtool" --config | grep '^shlibpath_var=')"
	lt_prog=$("$top_builddir/libtool" --mode=execute sh -c 'printf %s "$1"' sh "$COALMAP")
	if [ -n "${shlibpath_var:-}" ] && [ "$lt_prog" != "$COALMAP" ] && [ -x "$lt_prog" ]; then
		lt_path=$("$top_builddir/libtool" --mode=execute sh -c "printf %s \"\${$shlibpath_var:-}\"" sh "$COALMAP")
		eval "$shlibpath_var=\$lt_path; export $shlibpath_var"
		COALMAP=$lt_prog
	fi
fi
GOLDEN="$top_srcdir/tests/golden"
E="$top_srcdir/datasets/education-coalition"
F="$top_srcdir/datasets/florentine"
K="$top_srcdir/datasets/knoke-wood"
D="$top_srcdir/tests/data/diff"
C="$top_srcdir/tests/data/convert"
H="$top_srcdir/tests/data/hostile"
# not $out: run() of lib.sh sets that one to the last standard output
res="$tmp/golden"
readonly res
mkdir -p "$res" || exit 99
invocations=0

# lit STRING: STRING as a sed basic regular expression matching itself.
lit() {
	printf '%s\n' "$1" | sed 's/[]\/$*.^[]/\\&/g'
}

# group NAME: the following invocations write under $res/NAME.
group() {
	g="$1"
	mkdir -p "$res/$g" || exit 99
}

# c NAME ARGS...: runs coalmap ARGS; an argument '@EXT' is
# $res/GROUP/NAME.EXT, '@' alone $res/GROUP/NAME.  COALMAP_WRAPPER as in
# lib.sh's run().
c() {
	name=$1
	shift
	for a do
		shift
		case $a in
		@) a="$res/$g/$name" ;;
		@*) a="$res/$g/$name.${a#@}" ;;
		esac
		set -- "$@" "$a"
	done
	if [ -n "${COALMAP_WRAPPER:-}" ]; then
		# shellcheck disable=SC2086
		"$top_builddir/libtool" --mode=execute $COALMAP_WRAPPER "$COALMAP" "$@" >"$tmp/o" 2>"$tmp/e"
	else
		"$COALMAP" "$@" >"$tmp/o" 2>"$tmp/e"
	fi
	echo "exit $?" >"$res/$g/$name.status"
	[ -s "$tmp/e" ] && cat "$tmp/e" >>"$res/$g/$name.status"
	[ -s "$tmp/o" ] && mv "$tmp/o" "$res/$g/$name.out"
	invocations=$((invocations + 1))
}

# Every command in every format on the richest landscape (dates, weights,
# directions, money, attributes of every kind).
group education-coalition
for f in table csv json md html; do
	c check-$f check "$E" -f $f
	c metrics-$f metrics "$E" -f $f
	c power-$f power "$E" -f $f
	c gaps-$f gaps "$E" -f $f
	c gaps-for-$f gaps "$E" --for ke_kibanda -f $f
	c path-$f path "$E" ke_kibanda moe_zembara -f $f
done
for f in table csv json md; do
	c diff-at-$f diff "$E" --at 2018-01-01 --at 2022-06-01 -f $f
done
c check-types-csv check "$E" --types funding,membership -f csv
c check-at-csv check "$E" --at 2020-01-01 -f csv
c metrics-sort-top-table metrics "$E" --sort betweenness --top 10
c metrics-weighted-csv metrics "$E" --weighted -f csv
c metrics-at-csv metrics "$E" --at 2018-06-01 -f csv
c metrics-types-csv metrics "$E" --types partnership,coalition,collaboration -f csv
c metrics-group-by-region-csv metrics "$E" --group-by region -f csv
c metrics-group-by-type-md metrics "$E" --group-by type --sort brokerage --top 12 -f md
c metrics-top-o-json metrics "$E" --sort pagerank --top 5 -o @json
c power-group-by-region-table power "$E" --group-by region
c power-group-by-region-csv power "$E" --group-by region --key-players 3 -f csv
c power-group-by-type-json power "$E" --group-by type --targets un_agency -f json
c power-no-key-players-md power "$E" --key-players 0 -f md
c power-weighted-at-csv power "$E" --weighted --at 2020-01-01 -f csv
c power-o-html power "$E" --group-by region -o @html
c gaps-for-all-region-csv gaps "$E" --for ke_kibanda --top 0 --group-by region -f csv
c gaps-for-filtered-csv gaps "$E" --for ke_kibanda --need skills=legal --exclude-stance oppose --type ngo,ingo -f csv
c gaps-for-weights-csv gaps "$E" --for glai --weights fit=2,access=3 --include-targets --region "Europe,East Africa" -f csv
c gaps-types-at-csv gaps "$E" --types funding,partnership --at 2019-01-01 -f csv
c path-k5-via-csv path "$E" ke_kibanda moe_zembara -k 5 --via-types partnership,coalition,collaboration,access -f csv
c path-weighted-at-csv path "$E" ke_kibanda parl_cttee --weighted --at 2021-01-01 -f csv
c diff-at-group-by-region-csv diff "$E" --at 2018-01-01 --at 2022-06-01 --group-by region --top 0 -f csv
c diff-at-types-weighted-o-csv diff "$E" --at 2016-01-01 --at 2024-01-01 --types funding --weighted --top 3 -o @csv
c trend-at-table trend "$E" --at 2016-01-01,2019-01-01,2022-01-01,2025-01-01
c trend-at-group-by-region-csv trend "$E" --at 2016-01-01,2019-01-01,2022-01-01,2025-01-01 --group-by region --top 0 -f csv
for f in svg dot png pdf; do
	c map-$f map "$E" -o @$f
done
c map-color-size-dot map "$E" --color-by region --size-by betweenness -o @dot
c map-ego-name-dot map "$E" --ego "Global Learning Alliance International" -o @dot
c map-ego-gaps-svg map "$E" --ego ke_kibanda --highlight-gaps ke_kibanda -o @svg
c map-where-svg map "$E" --where region=Europe --where type=ingo -o @svg
c map-where-list-dot map "$E" --where issues=early_childhood -o @dot
c map-aggregate-region-svg map "$E" --aggregate region -o @svg
c map-aggregate-community-dot map "$E" --aggregate community -o @dot
c map-types-at-dot map "$E" --types funding --at 2020-01-01 -o @dot
c map-gaps-dot map "$E" --highlight-gaps ke_kibanda --gaps-top 5 -o @dot
c report-for-html report "$E" --for ke_kibanda --group-by region -o @html
c report-md-stdout report "$E" -f md --at 2019-01-01 --types funding,partnership,membership --key-players 3 --top 5 --title "Kibanda's field"
for f in graphml gml; do
	c convert-$f convert "$E" @$f
done
c convert-landscape convert "$E" @

# Padgett's families: undirected, two tie types, an isolate.
group florentine
for f in table csv; do
	c check-$f check "$F" -f $f
	c power-$f power "$F" -f $f
done
for f in table csv json; do
	c metrics-$f metrics "$F" -f $f
done
c check-types-csv check "$F" --types business -f csv
c metrics-sort-top-csv metrics "$F" --sort betweenness --top 3 -f csv
c metrics-sort-id-csv metrics "$F" --sort id --top 2 -f csv
c metrics-types-csv metrics "$F" --types marriage -f csv
c metrics-weighted-csv metrics "$F" --weighted -f csv
c power-group-by-type-csv power "$F" --group-by type --key-players 2 -f csv
c gaps-table gaps "$F"
c gaps-for-table gaps "$F" --for Medici
c gaps-for-csv gaps "$F" --for Pazzi --top 0 -f csv
c path-table path "$F" Acciaiuoli Strozzi
c path-k5-csv path "$F" Pazzi Lamberteschi -k 5 -f csv
c path-unreachable path "$F" Medici Pucci
c diff-at-csv diff "$F" --at 1400-01-01 --at 1500-01-01 -f csv
for f in svg dot png pdf; do
	c map-$f map "$F" -o @$f
done
c map-stdout-svg map "$F" --format svg -o -
c map-circo-dot map "$F" --layout circo -o @dot
c map-labels-all-dot map "$F" --labels all --size-by budget --color-by community -o @dot
c report-html report "$F" -o @html
c report-md report "$F" -o @md
c report-for-html report "$F" --for Strozzi --group-by type -o @html
for f in graphml gml; do
	c convert-$f convert "$F" @$f
done
c convert-landscape convert "$F" @
c convert-stdout-graphml convert "$F" - --to graphml
c convert-stdout-gml convert "$F" - --to gml

# Knoke and Wood: directed information and funding ties, a sector column.
group knoke-wood
c check-table check "$K"
for f in table csv; do
	c metrics-$f metrics "$K" -f $f
	c gaps-for-$f gaps "$K" --for WRO -f $f
	c path-$f path "$K" WEST MAYR -f $f
done
c power-table power "$K"
c power-json power "$K" -f json
c metrics-group-by-sector-csv metrics "$K" --group-by sector -f csv
c metrics-types-csv metrics "$K" --types information -f csv
c power-group-by-sector-csv power "$K" --group-by sector --targets government -f csv
c power-group-by-type-table power "$K" --group-by type
c gaps-csv gaps "$K" -f csv
c path-types-csv path "$K" WEST MAYR --types funding -k 2 -f csv
for f in svg dot; do
	c map-$f map "$K" -o @$f
done
c map-layout-dot map "$K" --layout dot --types information -o @dot
# No --layout fdp: Graphviz's fdp orders some edges by their addresses in
# memory, so that with address space randomisation one run in about 80
# draws another map (graphviz issue 1214); neato, sfdp, dot and circo
# gave the same bytes in every run.
c map-rating-sector-dot map "$K" --size-by rating --color-by sector -o @dot
c map-bare-dot map "$K" --labels top:3 --no-legend --title "Knoke & Wood, 1978" -o @dot
c map-ego-radius-svg map "$K" --ego WRO --radius 2 -o @svg
c report-html report "$K" -o @html
c report-for-md report "$K" --for WRO --group-by sector -o @md
for f in graphml gml; do
	c convert-$f convert "$K" @$f
done
c convert-landscape convert "$K" @

# The diff fixtures (tests/data/diff/README.md): known changes.
group diff
for f in table csv json md; do
	c two-$f diff "$D/before" "$D/after" -f $f
done
c two-group-by-csv diff "$D/before" "$D/after" --group-by region --top 0 -f csv
c two-o-json diff "$D/before" "$D/after" --top 2 -o @json
c reversed-csv diff "$D/after" "$D/before" -f csv
c dated-table diff "$D/dated" --at 2019-06-01 --at 2023-06-01
c dated-csv diff "$D/dated" --at 2019-06-01 --at 2023-06-01 --top 0 -f csv
c dated-back-csv diff "$D/dated" --at 2023-06-01 --at 2019-06-01 --top 0 -f csv
c trend-three-md trend "$D/before" "$D/after" "$D/before" --by degree -f md
c trend-three-json trend "$D/before" "$D/after" "$D/dated" --top 2 -o @json
c map-diff-at-svg map "$D/dated" --diff-at 2019-06-01,2023-06-01 -o @svg
c map-diff-at-dot map "$D/dated" --diff-at 2019-06-01,2023-06-01 -o @dot

# Conversion from the other formats, and Kumu's export.
group convert
c features-graphml convert "$C/features.graphml" @
c features-gml convert "$C/features.gml" @
c kumu convert "$C/kumu" @
c kumu-ids convert "$C/kumu-ids" @
c nx-florentine-gml convert "$C/nx/florentine.gml" @graphml
c nx-karate-graphml convert "$C/nx/karate.graphml" @gml

# Generated landscapes: a small one stored in full; the 2,000-org one in
# SHA256SUMS (its outputs are megabytes).  Its betweenness stays exact
# (about 0.3 s at this size); one sampled run covers the estimate.  A map
# of all 2,000 orgs takes seconds: the whole map is the one report-md
# writes beside the report (the same bytes as 'map -o x.svg'); --ego,
# --where and --aggregate draw parts.
group generate
c small generate --orgs 60 --ties 150 --seed 5 -o @
c default-seed generate --orgs 30 -o @

group generated-2000
c generated-2000 generate --orgs 2000 --seed 2024 -o @
L="$res/$g/generated-2000"
c check-table check "$L"
c check-csv check "$L" -f csv
c metrics-csv metrics "$L" -f csv
c metrics-json metrics "$L" -f json
c metrics-weighted-at-csv metrics "$L" --weighted --at 2018-06-01 -f csv
c metrics-samples-csv metrics "$L" --samples 200 -f csv
c metrics-group-by-region-csv metrics "$L" --group-by region --sort brokerage --top 100 -f csv
c power-table power "$L"
c power-group-by-region-csv power "$L" --group-by region -f csv
c power-group-by-type-json power "$L" --group-by type --key-players 3 -f json
c gaps-csv gaps "$L" -f csv
c gaps-for-csv gaps "$L" --for o1 -f csv
c path-csv path "$L" o1 o1500 -k 5 -f csv
c diff-at-csv diff "$L" --at 2015-01-01 --at 2022-01-01 -f csv
c map-ego-svg map "$L" --ego o1 --radius 2 -o @svg
c map-where-dot map "$L" --where region="East Africa" -o @dot
c map-aggregate-region-svg map "$L" --aggregate region -o @svg
c report-md report "$L" -o @md
c convert-graphml convert "$L" @graphml
c convert-gml convert "$L" @gml

# Bad input, warnings and usage errors: exit status and messages.
group errors
c check-dirty-csv check "$top_srcdir/tests/data/dirty" -f csv
c check-dirty-strict check "$top_srcdir/tests/data/dirty" --strict
c check-missing check "$top_srcdir/tests/data/nonexistent"
c metrics-dirty-csv metrics "$top_srcdir/tests/data/dirty" -f csv
c metrics-bad-sort metrics "$F" --sort nosuch
c metrics-bad-date metrics "$F" --at 2020-13-01
c metrics-bad-format metrics "$F" --format xml
c power-bad-group power "$E" --group-by nosuchcolumn
c gaps-bad-org gaps "$E" --for nosuch
c gaps-bad-weight gaps "$E" --for glai --weights nosuch=1
c path-bad-org path "$E" ke_kibanda nosuch
c diff-one-at diff "$D/dated" --at 2019-06-01
c map-bad-ego map "$E" --ego nosuch -o @svg
c map-bad-ext map "$E" -o @jpg
c convert-bad-to convert "$F" @graphml --to kumu
c convert-stdout-no-to convert "$F" -
c unknown-command frobnicate "$F"
c hostile-metrics-html metrics "$H" -f html
c hostile-map-dot map "$H" -o @dot
c hostile-report-html report "$H" -o @html

# Normalise what would differ between checkouts and releases, in text
# outputs only: the paths of the source tree and of the temporary folders
# (in messages, and in the footer of reports) become $top_srcdir, $res and
# $tmp; "coalmap X.Y.Z" (the generator of HTML pages and reports) becomes
# "coalmap VERSION".  Nothing else varies: two runs write the same bytes,
# maps, PNG and PDF (whose dates coalmap sets to 1970) included.
version='coalmap [0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9A-Za-z.+~-]*'
# Markdown writes a path with its markup characters escaped (a_b as a\_b).
mdlit() { lit "$(printf '%s\n' "$1" | sed 's/[]|\\*_`<>!#~[]/\\&/g')"; }
normalise="s/$(mdlit "$res")/\$res/g; s/$(mdlit "$tmp")/\$tmp/g; s/$(mdlit "$top_srcdir")/\$top_srcdir/g"
normalise="$normalise; s/$(lit "$res")/\$res/g; s/$(lit "$tmp")/\$tmp/g; s/$(lit "$top_srcdir")/\$top_srcdir/g; s/$version/coalmap VERSION/g"
LC_ALL=C grep -rl --exclude='*.png' --exclude='*.pdf' -e "$(lit "$tmp")" -e "$(lit "$top_srcdir")" \
	-e "$(mdlit "$tmp")" -e "$(mdlit "$top_srcdir")" -e "$version" "$res" >"$tmp/paths"
while IFS= read -r f; do
	LC_ALL=C sed "$normalise" "$f" >"$tmp/n" && mv "$tmp/n" "$f"
done <"$tmp/paths"

# hashed PATH: whether PATH (GROUP/FILE) is kept as a line of SHA256SUMS
# rather than in full.
hashed() {
	case $1 in
	generated-2000/*.status) return 1 ;;
	generated-2000/* | *.png | *.pdf) return 0 ;;
	esac
	return 1
}

# sha256 FILE: its SHA-256 in hex.
sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum <"$1" | cut -d' ' -f1
	else
		shasum -a 256 <"$1" | cut -d' ' -f1
	fi
}

# (the cache files beside a landscape are named by the build's own bytes)
(cd "$res" && find . -type f ! -path '*/.coalmap-cache/*' | sed 's|^\./||' | LC_ALL=C sort) >"$tmp/have"

if [ -n "${GOLDEN_KEEP:-}" ]; then
	mkdir -p "$GOLDEN_KEEP" && cp -R "$res/." "$GOLDEN_KEEP/" ||
		fail "cannot copy the outputs to $GOLDEN_KEEP"
	echo "outputs of $invocations invocations copied to $GOLDEN_KEEP"
fi

if [ -n "${GOLDEN_UPDATE:-}" ]; then
	[ -f "$GOLDEN/README.md" ] || { echo "golden.sh: no $GOLDEN/README.md; not writing there" >&2; exit 99; }
	for d in "$GOLDEN"/*/; do
		[ -d "$d" ] && rm -rf "$d"
	done
	: >"$GOLDEN/SHA256SUMS"
	while IFS= read -r f; do
		if hashed "$f"; then
			printf '%s  %s\n' "$(sha256 "$res/$f")" "$f" >>"$GOLDEN/SHA256SUMS"
		else
			mkdir -p "$GOLDEN/$(dirname "$f")"
			cp "$res/$f" "$GOLDEN/$f"
		fi
	done <"$tmp/have"
	echo "wrote the golden files of $invocations invocations to $GOLDEN"
	finish
fi

# What the golden files expect: every stored file and every SHA256SUMS line.
{
	(cd "$GOLDEN" && find . -type f | sed 's|^\./||' | grep /)
	cut -c67- "$GOLDEN/SHA256SUMS"
} | LC_ALL=C sort >"$tmp/want"
LC_ALL=C comm -13 "$tmp/have" "$tmp/want" >"$tmp/missing"
while IFS= read -r f; do
	fail "$f: no such output (the golden file expects it)"
done <"$tmp/missing"

while IFS= read -r f; do
	checks=$((checks + 1))
	if hashed "$f"; then
		want=$(awk -v f="$f" 'substr($0, 67) == f { print $1 }' "$GOLDEN/SHA256SUMS")
		got=$(sha256 "$res/$f")
		if [ -z "$want" ]; then
			fail "$f: a new output, not in tests/golden/SHA256SUMS"
		elif [ "$got" != "$want" ]; then
			fail "$f: sha256 $got, golden $want (GOLDEN_KEEP=DIR keeps the outputs for diff -r against an older build)"
		fi
	elif [ ! -f "$GOLDEN/$f" ]; then
		fail "$f: a new output, not in tests/golden"
	elif ! cmp -s "$GOLDEN/$f" "$res/$f"; then
		fail "$f differs from tests/golden/$f:
$(diff -u "$GOLDEN/$f" "$res/$f" | head -20)"
	fi
done <"$tmp/have"
echo "$invocations invocations"
finish
