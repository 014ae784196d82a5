#!/bin/bash
# bench/realdata.sh LANDSCAPES_DIR [OUT_DIR]
#
# Issue 16's habit before a release: runs every command on every real
# landscape under LANDSCAPES_DIR (one folder per landscape, each with
# organizations.csv and relationships.csv; _original/ holds unconverted
# exports), checks each output for the readings issue 16 fixed, renders every
# map and report, and tiles the maps into OUT_DIR/contact-sheet.png for a
# person to look at.  No real data is committed: the landscapes come from
# /work/shared/realdata/convert.py (or any folder of landscapes).
#
# Prints one line per landscape and check, PASS, FAIL or NOTE, then
# "N checks, N failed".  Exit status 1 when a check failed, 2 on bad usage.
#
# Environment: COALMAP (default: the built cli/coalmap beside this script),
# TIMEOUT seconds per command (default 300), SLOW seconds per landscape above
# which a NOTE is printed (default 60), NO_SHEET=1 (skip the
# contact sheet).

set -u
LC_ALL=C.UTF-8
export LC_ALL

usage() { echo "usage: bench/realdata.sh LANDSCAPES_DIR [OUT_DIR]" >&2; exit 2; }
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
LANDS=$1
[ -d "$LANDS" ] || { echo "bench/realdata.sh: $LANDS: not a folder" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${2:-$ROOT/bench/out/realdata}
C=${COALMAP:-$ROOT/cli/coalmap}
[ -x "$C" ] || { echo "bench/realdata.sh: $C not built (./configure && make)" >&2; exit 2; }
TIMEOUT=${TIMEOUT:-300}
SLOW=${SLOW:-60}
mkdir -p "$OUT" || exit 2

checks=0; failed=0; notes=0

# result STATUS LANDSCAPE CHECK MESSAGE
result() {
    checks=$((checks + 1))
    case $1 in
        FAIL) failed=$((failed + 1)) ;;
        NOTE) notes=$((notes + 1)) ;;
    esac
    printf '%-4s %-17s %-15s %s\n' "$1" "$2" "$3" "$4"
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# run NAME OUTFILE coalmap-args...: runs coalmap with stdout to OUTFILE and
# stderr to OUTFILE.err; sets rc and took (seconds).
run() {
    local name=$1 out=$2 t0
    shift 2
    t0=$(now)
    timeout "$TIMEOUT" "$C" "$@" >"$out" 2>"$out.err" </dev/null
    rc=$?
    took=$(secs "$t0" "$(now)")
    echo "$name	$rc	$took	coalmap $*" >>"$dir/commands.log"
}

# cmd LANDSCAPE NAME OUTFILE coalmap-args...: a command that must exit 0
cmd() {
    local l=$1 name=$2
    shift 2
    run "$name" "$@"
    if [ "$rc" = 0 ]; then result PASS "$l" "$name" "exit 0, ${took} s"
    elif [ "$rc" = 124 ]; then result FAIL "$l" "$name" "timed out after $TIMEOUT s: coalmap ${*:2}"
    else result FAIL "$l" "$name" "exit $rc: coalmap ${*:2}: $(head -c 300 "$1.err" | tr '\n' ' ')"; fi
}

# csvfield N: prints field N of each CSV record on stdin (quoted fields with
# commas and doubled quotes; one record per line, as coalmap writes them).
CSV_AWK='
function split_csv(line, f,    n, i, c, q, cur) {
    n = 0; cur = ""; q = 0
    for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (q) {
            if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { cur = cur "\""; i++ } else q = 0 }
            else cur = cur c
        } else if (c == "\"") q = 1
        else if (c == ",") { f[++n] = cur; cur = "" }
        else cur = cur c
    }
    f[++n] = cur
    return n
}'

# misspell WORD: drops the third letter (political_info -> poitical_info)
misspell() { printf '%s' "$1" | awk '{ print (length($0) > 3 ? substr($0, 1, 2) substr($0, 4) : $0 "x") }'; }

# The built-in advocacy vocabulary of SPEC.md that no generic landscape has
# by chance; a landscape using none of it should not be told 'ingo' or
# 'un_agency' is missing.
ADVOCACY_TYPES='ngo
ingo
grassroots
network
donor
un_agency'

landscape() {
    local L=$1 l dir t0 from fromname to ttype bad n
    l=$(basename "$L")
    dir=$OUT/$l
    rm -rf "$dir"; mkdir -p "$dir"
    t0=$(now)

    cmd "$l" check "$dir/check.txt" check "$L"
    cmd "$l" metrics "$dir/metrics.txt" metrics "$L"
    cmd "$l" metrics-csv "$dir/metrics.csv" metrics "$L" -f csv
    # FROM: the first org; TO: the best-connected other org
    from=$(awk "$CSV_AWK"' NR == 2 { split_csv($0, f); print f[1]; exit }' "$dir/metrics.csv")
    fromname=$(awk "$CSV_AWK"' NR == 2 { split_csv($0, f); print f[2]; exit }' "$dir/metrics.csv")
    to=$(awk "$CSV_AWK"' NR > 2 { split_csv($0, f); if (f[4] + 0 > best || to == "") { best = f[4] + 0; to = f[1] } } END { print to }' "$dir/metrics.csv")
    cmd "$l" power "$dir/power.csv" power "$L" -f csv
    cmd "$l" power-type "$dir/power-type.csv" power "$L" --group-by type -f csv
    # 4. power --group-by community
    cmd "$l" power-community "$dir/power-community.txt" power "$L" --group-by community
    cmd "$l" gaps "$dir/gaps.csv" gaps "$L" -f csv
    cmd "$l" gaps-for "$dir/gaps-for.txt" gaps "$L" --for "$from"
    # path exits 0 also when no chain joins the two, saying so on stderr
    run path "$dir/path.csv" path "$L" "$from" "$to" -f csv
    if [ "$rc" != 0 ]; then result FAIL "$l" path "exit $rc: coalmap path $L $from $to: $(head -c 200 "$dir/path.csv.err" | tr '\n' ' ')"
    elif [ "$(wc -l <"$dir/path.csv")" -gt 1 ]; then result PASS "$l" path "exit 0, ${took} s ($from to $to)"
    elif grep -q 'no chain of ties connects' "$dir/path.csv.err"; then
        result NOTE "$l" path "exit 0, said so: $(grep -m1 'no chain of ties connects' "$dir/path.csv.err")"
    else result FAIL "$l" path "exit 0 but no chain and no message: coalmap path $L $from $to"; fi
    cmd "$l" map-svg "$dir/map-svg.log" map "$L" -o "$dir/map.svg" --quiet
    cmd "$l" map-png "$dir/map-png.log" map "$L" -o "$dir/map.png" --quiet
    cmd "$l" report-html "$dir/report-html.log" report "$L" -o "$dir/report.html" --quiet
    cmd "$l" report-md "$dir/report-md.log" report "$L" -o "$dir/report.md" --quiet
    cmd "$l" convert "$dir/convert.log" convert "$L" "$dir/landscape.graphml" --force

    # renders: a real PNG, an SVG and report map that parse, a whole report
    if [ -s "$dir/map.png" ] && [ "$(head -c 8 "$dir/map.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
        result PASS "$l" render-png "$(wc -c <"$dir/map.png") bytes"
    else result FAIL "$l" render-png "no PNG in $dir/map.png"; fi
    bad=""
    for f in "$dir/map.svg" "$dir/report-map.svg"; do
        xmllint --noout "$f" 2>/dev/null || bad="$bad $(basename "$f")"
    done
    grep -q '</html>' "$dir/report.html" 2>/dev/null || bad="$bad report.html"
    grep -q '<svg' "$dir/report.html" 2>/dev/null || bad="$bad report.html(no map)"
    if [ -z "$bad" ]; then result PASS "$l" render "map.svg, report-map.svg parse; report.html whole with its map"
    else result FAIL "$l" render "does not parse or is cut:$bad"; fi

    # 1. a misspelt real tie type: exit 64 and a suggestion
    ttype=$(awk "$CSV_AWK"' NR == 1 { n = split_csv($0, f); for (i = 1; i <= n; i++) if (f[i] == "type") c = i; next }
                          c { split_csv($0, f); if (f[c] != "") { print f[c]; exit } }' "$L/relationships.csv")
    if [ -n "$ttype" ]; then
        run types-typo "$dir/types-typo.txt" check "$L" --types "$(misspell "$ttype")"
        if [ "$rc" = 64 ] && grep -qiF "did you mean '$ttype'" "$dir/types-typo.txt.err"; then
            result PASS "$l" types-typo "--types $(misspell "$ttype"): exit 64, did you mean '$ttype'"
        else result FAIL "$l" types-typo "--types $(misspell "$ttype"): exit $rc, $(head -c 200 "$dir/types-typo.txt.err")"; fi
    fi

    # 2. the first org by its exact name works as by its id
    n=$(awk "$CSV_AWK"' NR > 1 { split_csv($0, f); if (f[2] == name) n++ } END { print n + 0 }' name="$fromname" "$dir/metrics.csv")
    if [ "$fromname" != "$from" ] && [ "$n" = 1 ]; then
        bad=""
        run by-name "$dir/gaps-for-name.txt" gaps "$L" --for "$fromname"
        cmp -s "$dir/gaps-for.txt" "$dir/gaps-for-name.txt" || bad="$bad gaps(exit $rc)"
        run by-name "$dir/path-name.csv" path "$L" "$fromname" "$to" -f csv
        cmp -s "$dir/path.csv" "$dir/path-name.csv" || bad="$bad path(exit $rc)"
        run by-name "$dir/ego-id.log" map "$L" --ego "$from" -o "$dir/ego-id.dot" --quiet
        run by-name "$dir/ego-name.log" map "$L" --ego "$fromname" -o "$dir/ego-name.dot" --quiet
        { [ "$rc" = 0 ] && cmp -s "$dir/ego-id.dot" "$dir/ego-name.dot"; } || bad="$bad map--ego(exit $rc)"
        if [ -z "$bad" ]; then result PASS "$l" name-as-id "'$fromname' = $from in gaps --for, path, map --ego"
        else result FAIL "$l" name-as-id "'$fromname' differs from $from in:$bad"; fi
    fi

    # 3. the id column of terminal tables is never cut
    n=$(awk 'NR > 1 && $1 ~ /…/' "$dir/metrics.txt" | wc -l)
    if [ "$n" = 0 ]; then result PASS "$l" ids-whole "no id cut in the metrics table"
    else result FAIL "$l" ids-whole "$n ids cut with … in the metrics table, e.g. $(awk 'NR > 1 && $1 ~ /…/ { print $1; exit }' "$dir/metrics.txt")"; fi

    # 6. the four access shares of each group add up to 1
    bad=$(awk "$CSV_AWK"' { split_csv($0, f) }
        f[1] == "access" && f[3] ~ /^(direct_access|own_route|mediated|cut_off)_share$/ && f[4] != "" { s[f[2]] += f[4]; seen[f[2]] = 1 }
        END { for (g in seen) if (s[g] < 1 - 1e-9 || s[g] > 1 + 1e-9) printf " %s=%.6g", g, s[g] }' "$dir/power-type.csv")
    n=$(grep -c '^access,.*_share,[0-9]' "$dir/power-type.csv")
    if [ -z "$bad" ]; then result PASS "$l" access-sum "access shares add up to 1 in every group ($n shares)"
    else result FAIL "$l" access-sum "groups whose shares do not add up to 1:$bad"; fi

    # 7. no key player "would fragment the network most" at 0 % fragmentation
    bad=$(awk "$CSV_AWK"' { split_csv($0, f) }
        f[1] == "key_players" && f[3] == "kpp_neg_rank" && f[5] ~ /fragment the network most/ { claim[f[2]] = 1 }
        f[1] == "key_players" && f[3] == "kpp_neg_fragmentation" && f[4] != "" && f[4] + 0 == 0 && claim[f[2]] { printf " %s", f[2] }' "$dir/power.csv")
    if [ -z "$bad" ]; then result PASS "$l" key-players "no 'fragment the network most' at 0 fragmentation"
    else result FAIL "$l" key-players "claimed to fragment most at 0:$bad"; fi

    # 8. no trust values in the data: no trust number in path
    if [ -s "$dir/path.csv" ] && ! head -1 "$L/relationships.csv" | tr ',' '\n' | tr -d '"\r' | grep -qx trust; then
        n=$(awk "$CSV_AWK"' NR > 1 { split_csv($0, f); if (f[3] != "") n++ } END { print n + 0 }' "$dir/path.csv")
        if [ "$n" = 0 ]; then result PASS "$l" path-trust "no trust column in the data, none printed"
        else result FAIL "$l" path-trust "no trust column in the data, yet $n chains print a trust"; fi
    fi

    # 9. no absent built-in types on a landscape that never uses them
    n=$(awk "$CSV_AWK"' NR == 1 { k = split_csv($0, f); for (i = 1; i <= k; i++) if (f[i] == "type") c = i; next }
                      c { split_csv($0, f); print f[c] }' "$L/organizations.csv" | sort -u |
        grep -cxF -f <(printf '%s\n' "$ADVOCACY_TYPES"))
    if [ "$n" = 0 ]; then
        bad=$(grep -oE "type '(ingo|un_agency)'" "$dir/gaps.csv" | sort -u | paste -sd, -)
        if [ -z "$bad" ]; then result PASS "$l" gaps-vocab "no absent 'ingo'/'un_agency' on a landscape without that vocabulary"
        else result FAIL "$l" gaps-vocab "gaps lists absent $bad"; fi
    fi

    # 10. the report points to no docs/ file and says "no budget recorded" at most once
    bad=""
    for f in "$dir/report.html" "$dir/report.md"; do
        grep -q 'docs/' "$f" && bad="$bad $(basename "$f"):docs/"
        n=$(grep -o 'no budget recorded' "$f" | wc -l)
        [ "$n" -gt 1 ] && bad="$bad $(basename "$f"):'no budget recorded'x$n"
    done
    if [ -z "$bad" ]; then result PASS "$l" report-text "no docs/ reference, no repeated 'no budget recorded'"
    else result FAIL "$l" report-text "${bad# }"; fi

    # 12. the SVG map stays under 2 MB (political blogs: 1,490 orgs, 19k ties)
    n=$(wc -c <"$dir/map.svg" 2>/dev/null || echo 0)
    if [ "$n" -lt 2000000 ]; then result PASS "$l" svg-size "map.svg $n bytes"
    else result FAIL "$l" svg-size "map.svg $n bytes, over 2 MB"; fi

    took=$(secs "$t0" "$(now)")
    if awk -v t="$took" -v s="$SLOW" 'BEGIN { exit !(t > s) }'; then
        result NOTE "$l" time "$took s for every command, over $SLOW s"
    else result PASS "$l" time "$took s for every command"; fi
    total_time=$(awk -v a="$total_time" -v b="$took" 'BEGIN { printf "%.2f", a + b }')
}

total_time=0
start=$(now)
found=0
for L in "$LANDS"/*/; do
    L=${L%/}
    if [ ! -f "$L/organizations.csv" ] || [ ! -f "$L/relationships.csv" ]; then continue; fi
    found=$((found + 1))
    landscape "$L"
done
[ "$found" -gt 0 ] || { echo "bench/realdata.sh: no landscape (organizations.csv + relationships.csv) under $LANDS" >&2; exit 2; }

# 5. ordinal words: Kumu's PayPal export, Influence High/Medium/Low
dir=$OUT/_original; mkdir -p "$dir"
K=$LANDS/_original/kumu-paypal-csv
if [ -d "$K" ]; then
    rm -rf "$dir/kumu-paypal"
    run ordinal "$dir/kumu-paypal.log" convert "$K" "$dir/kumu-paypal"
    if [ "$rc" = 0 ]; then result PASS kumu-paypal-csv ordinal "convert of Kumu's export (Influence High/Medium/Low): exit 0"
    else result FAIL kumu-paypal-csv ordinal "convert exit $rc: $(head -c 300 "$dir/kumu-paypal.log.err")"; fi
else result NOTE kumu-paypal-csv ordinal "skipped: no $K"; fi

# 11. diff --top 5 between the two EIES waves: 5 gained ties and a 'more' row
if [ -d "$LANDS/eies-t1" ] && [ -d "$LANDS/eies-t2" ]; then
    run diff "$dir/eies-diff.csv" diff "$LANDS/eies-t1" "$LANDS/eies-t2" --top 5 -f csv
    n=$(grep -c '^ties_gained,.*,tie,' "$dir/eies-diff.csv")
    m=$(grep -c '^ties_gained,,more,' "$dir/eies-diff.csv")
    if [ "$rc" = 0 ] && [ "$n" -le 5 ] && [ "$m" = 1 ]; then
        result PASS eies-t1:t2 diff-top "diff --top 5: $n gained ties and a 'more' row, ${took} s"
    else result FAIL eies-t1:t2 diff-top "diff --top 5: exit $rc, $n gained ties, $m 'more' rows"; fi
else result NOTE eies-t1:t2 diff-top "skipped: no eies-t1 and eies-t2"; fi

# The contact sheet: every map, named, for a person to look at
if [ "${NO_SHEET:-0}" != 1 ]; then
    if command -v montage >/dev/null 2>&1; then
        set --
        for p in "$OUT"/*/map.png; do
            [ -f "$p" ] && set -- "$@" -label "$(basename "$(dirname "$p")")" "$p"
        done
        if [ $# -gt 0 ] && montage "$@" -tile 5x -geometry 400x400+6+6 -pointsize 18 -background white \
                "$OUT/contact-sheet.png" 2>"$OUT/contact-sheet.err"; then
            result PASS contact-sheet montage "$OUT/contact-sheet.png: $(($# / 3)) maps; look at it before a release"
        else result FAIL contact-sheet montage "montage failed: $(head -c 300 "$OUT/contact-sheet.err")"; fi
    else result FAIL contact-sheet montage "no montage: apt-get install imagemagick (or NO_SHEET=1)"; fi
fi

echo "$found landscapes, $(secs "$start" "$(now)") s in all (commands: $total_time s)"
echo "$checks checks, $failed failed ($notes notes)"
[ "$failed" = 0 ]
