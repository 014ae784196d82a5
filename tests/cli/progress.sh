#!/bin/sh
# Progress on a terminal (a pseudo-terminal from script(1)): once a run has
# lasted COALMAP_PROGRESS_AFTER seconds, stderr shows one line with the
# stage and the percent done; it is cleared before the program's own note,
# and the output file is the same as without a terminal.  --quiet shows no
# progress (limits.sh checks a non-terminal stderr).
. "$(dirname "$0")/lib.sh"
# (--no-cache: a run that takes its measures from the cache computes
# nothing, so it has no progress to show)

if ! command -v script >/dev/null 2>&1; then
	echo "script(1) (bsdutils) is not installed"
	exit 77
fi
if [ -n "${COALMAP_WRAPPER:-}" ]; then
	echo "not under a wrapper: script(1) runs the program itself"
	exit 77
fi

"$COALMAP" generate --orgs 8000 --ties 24000 --seed 2 -o "$tmp/g" || fail "generate"
run metrics "$tmp/g" --exact --no-cache --threads 1 --format csv -o "$tmp/plain.csv"; expect_rc 0 "metrics, no terminal"

# on a terminal, the line appears at once (COALMAP_PROGRESS_AFTER=0)
COALMAP_PROGRESS_AFTER=0 script -q -e -c "'$COALMAP' metrics '$tmp/g' --exact --no-cache --threads 1 --format csv -o '$tmp/tty.csv'" \
	"$tmp/typescript" </dev/null >/dev/null 2>&1
rc=$?
checks=$((checks + 1)); [ "$rc" -eq 0 ] || fail "metrics on a terminal: exit status $rc"
checks=$((checks + 1)); grep -q 'betweenness and closeness  *[0-9][0-9]* %, about [0-9][0-9]* s left' "$tmp/typescript" ||
	fail "no progress line with a percent and the time left: $(tr '\r' '\n' <"$tmp/typescript" | head -5)"
checks=$((checks + 1)); cmp -s "$tmp/plain.csv" "$tmp/tty.csv" || fail "the output differs on a terminal"
# the line is cleared (carriage return, erase to end of line) before the note
checks=$((checks + 1)); LC_ALL=C grep -q "$(printf '\r\033\\[K')" "$tmp/typescript" || fail "the progress line is never cleared"

# --quiet: none
COALMAP_PROGRESS_AFTER=0 script -q -e -c "'$COALMAP' metrics '$tmp/g' --exact --no-cache --threads 1 --quiet --format csv -o '$tmp/q.csv'" \
	"$tmp/typescript2" </dev/null >/dev/null 2>&1
checks=$((checks + 1)); ! grep -q 'betweenness and closeness' "$tmp/typescript2" || fail "--quiet still shows progress"
checks=$((checks + 1)); cmp -s "$tmp/plain.csv" "$tmp/q.csv" || fail "the output differs with --quiet"
finish
