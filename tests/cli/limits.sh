#!/bin/sh
# --time-limit stops a long analysis with exit status 70, a clear message
# and no output file (an existing one is left as it was); bad limits are
# usage errors; no progress display when stderr is not a terminal.
. "$(dirname "$0")/lib.sh"

"$COALMAP" generate --orgs 4000 --ties 12000 --seed 5 -o "$tmp/g" || fail "generate"
printf 'old\n' >"$tmp/keep.csv"
for cmd in metrics power "gaps"; do
	run $cmd "$tmp/g" --exact --threads 1 --time-limit 0.05 -o "$tmp/keep.csv"
	expect_rc 70 "$cmd --time-limit"
	expect_err "time limit reached" "$cmd time-limit message"
	checks=$((checks + 1)); [ "$(cat "$tmp/keep.csv")" = old ] || fail "$cmd: output touched after the time limit"
done
run metrics "$tmp/g" --time-limit 0 -o "$tmp/x.csv"; expect_rc 64 "--time-limit 0"
run metrics "$tmp/g" --time-limit abc -o "$tmp/x.csv"; expect_rc 64 "--time-limit abc"
run metrics "$tmp/g" --time-limit 600 --format csv -o "$tmp/ok.csv"; expect_rc 0 "a generous limit"
checks=$((checks + 1)); [ -z "$err" ] || fail "no progress or other output on a non-terminal stderr: $err"
finish
