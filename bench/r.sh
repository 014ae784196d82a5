#!/bin/sh
# The R package against the command (issue 24: the binding adds at most
# 5 % to the C time of metrics): on a generated landscape of N orgs
# (default 100,000, 3 ties per org, seed 1), RUNS rounds (default 3), each
# running the two sides one after the other:
#   C: `coalmap metrics DIR --format csv >/dev/null`, the whole process;
#   R: cm_metrics(cm_load(DIR)) timed inside one R session (what a user
#      waits for: load, analysis, the data.frame), R's start-up left out;
# median wall and CPU (user + system, every thread) seconds of each, and
# the ratios R / C.  The machine's load moves wall times by a third: CPU
# is the steadier measure.  Needs the R package built (make, r-base-dev).
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
# the R side: one session, told by a file when to run its next round
cat >"$dir/r.R" <<'R'
library(coalmap)
args <- commandArgs(TRUE)
for (i in seq_len(as.integer(args[2]))) {
  while (!file.exists(sprintf("%s/go%d", dirname(args[1]), i))) Sys.sleep(0.05)
  t0 <- proc.time()
  m <- cm_metrics(cm_load(args[1]))
  t <- proc.time() - t0
  cat(t[["elapsed"]], t[["user.self"]] + t[["sys.self"]], "\n", file = sprintf("%s/r%d", dirname(args[1]), i))
}
R
Rscript "$dir/r.R" "$dir/land" "$runs" &
rpid=$!
i=1
while [ $i -le "$runs" ]; do
	/usr/bin/time -f '%e %U %S' -o "$dir/t" "$coalmap" metrics "$dir/land" --no-cache --format csv --quiet >/dev/null 2>"$dir/err"
	tail -n 1 "$dir/t" | awk '{ print $1, $2 + $3 }' >>"$dir/c"
	touch "$dir/go$i"
	while [ ! -s "$dir/r$i" ]; do sleep 0.1; done
	sleep 0.2
	cat "$dir/r$i" >>"$dir/r"
	i=$((i + 1))
done
wait $rpid
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cw=$(cut -d' ' -f1 <"$dir/c" | median) cc=$(cut -d' ' -f2 <"$dir/c" | median)
rw=$(cut -d' ' -f1 <"$dir/r" | median) rc=$(cut -d' ' -f2 <"$dir/r" | median)
printf 'orgs     C wall  R wall  R/C wall   C cpu   R cpu  R/C cpu\n'
printf '%-8s %6s  %6s  %8.3f  %6s  %6s  %7.3f\n' "$n" "$cw" "$rw" "$(awk "BEGIN { print $rw / $cw }")" \
	"$cc" "$rc" "$(awk "BEGIN { print $rc / $cc }")"
