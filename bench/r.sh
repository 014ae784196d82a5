#!/bin/sh
# The R package against the command (issue 24: the binding adds at most
# 5 % to the C time of metrics): on a generated landscape of N orgs
# (default 100,000, 3 ties per org, seed 1), the median of RUNS runs
# (default 3) of
#   C: `coalmap metrics DIR --format csv >/dev/null`, the whole process;
#   R: cm_metrics(cm_load(DIR)) timed inside an R session (what a user
#      waits for: load, analysis, the data.frame), R's start-up left out;
# and the ratio R / C.  Needs the R package built (make, with r-base-dev).
# Usage: bench/r.sh [N]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${top_builddir:-$top}
coalmap=${COALMAP:-$build/cli/coalmap}
runs=${RUNS:-3}
n=${1:-100000}
R_LIBS="$build/bindings/R/lib${R_LIBS:+:$R_LIBS}"
export R_LIBS
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$coalmap" generate --orgs "$n" --seed 1 -o "$dir/land" 2>/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
i=0
while [ $i -lt "$runs" ]; do
	/usr/bin/time -f '%e' -o "$dir/t" "$coalmap" metrics "$dir/land" --format csv --quiet >/dev/null 2>"$dir/err"
	tail -n 1 "$dir/t" >>"$dir/c"
	i=$((i + 1))
done
Rscript -e 'library(coalmap)
for (i in seq_len(as.integer(Sys.getenv("RUNS", "3")))) {
  t <- system.time(m <- cm_metrics(cm_load(commandArgs(TRUE)[1])))[["elapsed"]]
  cat(t, "\n")
}' "$dir/land" >"$dir/r"
c=$(median <"$dir/c")
r=$(median <"$dir/r")
printf 'orgs     C metrics (s)  R cm_metrics (s)  R / C\n'
printf '%-8s %13s  %16s  %5.3f\n' "$n" "$c" "$r" "$(awk "BEGIN { print $r / $c }")"
