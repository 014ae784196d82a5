#!/bin/sh
# Reading a workbook against reading the same data as CSV: `coalmap check`
# on an .xlsx and on the CSV landscape holding the same cells; prints both
# times (best of 3) and their ratio (issue 15's goal: at most 3x).
# Usage: bench/xlsx.sh [TIES | BOOK.xlsx]
#   TIES (default 1000000): `coalmap generate` makes a landscape of TIES
#   ties and TIES/3 orgs, and openpyxl (write_only) writes the same rows as
#   a workbook with sheets Organizations and Relationships (numbers as
#   numbers, the rest as text);
#   BOOK.xlsx: that workbook, against `coalmap convert BOOK.xlsx` as CSV.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
py=${PYTHON3:-/usr/bin/python3}
arg=${1:-1000000}

case "$arg" in
*[!0-9]*)
	book=$arg
	out=$top/bench/out/xlsx-$(basename "$book" .xlsx)
	mkdir -p "$out"
	rm -rf "$out/csv"
	"$coalmap" convert "$book" "$out/csv" 2>/dev/null
	;;
*)
	out=$top/bench/out/xlsx-$arg
	book=$out/book.xlsx
	mkdir -p "$out"
	if [ ! -s "$book" ]; then
		echo "generating $arg ties and their workbook in $out ..."
		rm -rf "$out/csv"
		"$coalmap" generate --orgs $((arg / 3)) --ties "$arg" --seed 1 -o "$out/csv"
		"$py" - "$out/csv" "$book" <<'PY'
import csv, sys
from openpyxl import Workbook
wb = Workbook(write_only=True)
def cell(v):
    try:
        f = float(v)
        return int(v) if v.lstrip("-").isdigit() else f
    except ValueError:
        return v
for name in ("organizations", "relationships"):
    ws = wb.create_sheet(name.capitalize())
    with open(f"{sys.argv[1]}/{name}.csv", encoding="utf-8") as f:
        r = csv.reader(f)
        ws.append(next(r))
        for row in r:
            ws.append([cell(v) if v else None for v in row])
wb.save(sys.argv[2])
PY
	fi
	;;
esac

# best NAME PATH: the best of 3 runs of `coalmap check PATH`: wall and CPU
# (user + system) seconds, on a shared machine the CPU time is the steadier
best() {
	b=
	for i in 1 2 3; do
		/usr/bin/time -f '%e %U %S %M' -o "$out/time" "$coalmap" check "$2" >/dev/null 2>"$out/stderr" || {
			echo "$1 failed:"; cat "$out/stderr"; exit 1; }
		read -r t u s m <"$out/time"
		c=$(awk "BEGIN{print $u + $s}")
		if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; rss=$m; fi
		if [ -z "${cb:-}" ] || awk "BEGIN{exit !($c < $cb)}"; then cb=$c; fi
	done
	printf '%-6s %8.2f s wall %8.2f s CPU %8.0f MiB peak  %s\n' "$1" "$b" "$cb" \
		"$(awk "BEGIN{print $rss / 1024}")" "$2"
	eval "w_$1=$b c_$1=$cb"
	cb=
}
best xlsx "$book"
best csv "$out/csv"
echo "workbook $(wc -c <"$book") bytes; CSV $(cat "$out/csv"/*.csv | wc -c) bytes"
awk "BEGIN{printf \"xlsx / csv: %.2fx wall, %.2fx CPU (goal: at most 3x)\\n\", $w_xlsx / ($w_csv > 0 ? $w_csv : 0.01),
	$c_xlsx / ($c_csv > 0 ? $c_csv : 0.01)}"
