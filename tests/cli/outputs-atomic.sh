#!/bin/sh
# ROBUSTNESS.md Outputs, the file rules: -o naming an input is refused also
# through a hard link, a relative symbolic link and for maps; a write that
# fails half-way (file size limit) exits 73, keeps the old file and leaves no
# temporary file; a process killed half-way keeps the old file; a full
# device exits 73 with a message; a closed pipe exits quietly whether
# SIGPIPE is ignored or not.
. "$(dirname "$0")/lib.sh"
graphviz_leaks
L="$tmp/l"
mk "$L" 'id,name,type\na,Alpha,ngo\nb,Beta,donor\nc,Gamma,ngo\n' 'source,target\na,b\nb,c\n'
cp "$L/organizations.csv" "$tmp/orgs.bak"
cp "$L/relationships.csv" "$tmp/ties.bak"
inputs_intact() { # DESCRIPTION
	checks=$((checks + 1))
	cmp -s "$L/organizations.csv" "$tmp/orgs.bak" && cmp -s "$L/relationships.csv" "$tmp/ties.bak" ||
		fail "$1: an input file changed"
}

# -- -o naming an input: hard link, relative symbolic link, maps
ln "$L/organizations.csv" "$tmp/hard.csv"
run metrics "$L" -o "$tmp/hard.csv"; expect_rc 73 "-o a hard link to an input"
expect_err "refusing to overwrite an input file" "hard link refusal message"
inputs_intact "hard link"
mkdir -p "$tmp/sub"
ln -s ../l/relationships.csv "$tmp/sub/rel.csv"
run power "$L" -o "$tmp/sub/rel.csv"; expect_rc 73 "-o a relative symbolic link to an input"
inputs_intact "relative link"
checks=$((checks + 1)); [ -L "$tmp/sub/rel.csv" ] || fail "the link was replaced"
run map "$L" -o "$L/organizations.csv" --format svg; expect_rc 73 "map -o an input"
expect_err "refusing to overwrite an input file" "map refusal message"
inputs_intact "map -o input"
run gaps "$L" --for a -o "$tmp/hard.csv"; expect_rc 73 "gaps -o a hard link to an input"
inputs_intact "gaps -o hard link"

# -- a write that fails half-way: file size limit with SIGXFSZ ignored
"$COALMAP" generate --orgs 3000 --ties 9000 --seed 3 -o "$tmp/g" >/dev/null 2>&1 || fail "generate"
mkdir -p "$tmp/dest"
printf 'old\n' >"$tmp/dest/keep.csv"
(
	ulimit -f 64 # 32 KiB (dash) or 64 KiB (bash); the CSV is about 400 KB
	trap '' XFSZ
	run metrics "$tmp/g" --format csv -o "$tmp/dest/keep.csv"
	echo "$rc" >"$tmp/fsz.rc"
	printf '%s' "$err" >"$tmp/fsz.err"
)
rc=$(cat "$tmp/fsz.rc"); err=$(cat "$tmp/fsz.err")
expect_rc 73 "write failing half-way"
expect_err "keep.csv" "the write error names the file"
checks=$((checks + 1)); [ "$(cat "$tmp/dest/keep.csv")" = old ] || fail "failed write touched the old file"
checks=$((checks + 1)); [ "$(ls -A "$tmp/dest")" = keep.csv ] || fail "temporary file left behind: $(ls -A "$tmp/dest")"

# -- killed half-way (SIGXFSZ's default action): the old file stays whole
if [ -z "${COALMAP_WRAPPER:-}" ]; then
	(
		ulimit -f 64
		trap - XFSZ
		exec "$COALMAP" metrics "$tmp/g" --format csv -o "$tmp/dest/keep.csv"
	) >/dev/null 2>&1
	rc=$?
	checks=$((checks + 1)); [ "$rc" -gt 128 ] || fail "expected death by signal, exit status $rc"
	checks=$((checks + 1)); [ "$(cat "$tmp/dest/keep.csv")" = old ] || fail "killed run touched the old file"
fi

# -- full device, as -o and as standard output (devices are written in place)
if [ -w /dev/full ]; then
	run map "$L" --format svg -o /dev/full; expect_rc 73 "map to /dev/full"
	expect_err "/dev/full" "map /dev/full message"
	if [ -n "${COALMAP_WRAPPER:-}" ]; then
		# shellcheck disable=SC2086
		"$top_builddir/libtool" --mode=execute $COALMAP_WRAPPER "$COALMAP" metrics "$L" --format csv >/dev/full 2>"$tmp/full.err"
	else
		"$COALMAP" metrics "$L" --format csv >/dev/full 2>"$tmp/full.err"
	fi
	rc=$? err=$(cat "$tmp/full.err")
	expect_rc 73 "stdout on /dev/full"
	expect_err "standard output" "stdout /dev/full message"
	checks=$((checks + 1)); [ -c /dev/full ] || fail "/dev/full is no longer a device"
fi

# -- closed pipe: quiet, status 0 (SIGPIPE ignored) or 0/141 (default)
pipe_run() { # "ignore" or "default"
	(
		[ "$1" = ignore ] && trap '' PIPE
		{
			"$COALMAP" metrics "$tmp/g" --format csv 2>"$tmp/pipe.err"
			echo $? >"$tmp/pipe.rc"
		} | head -1 >/dev/null
	)
}
pipe_run ignore
checks=$((checks + 1)); [ "$(cat "$tmp/pipe.rc")" = 0 ] || fail "closed pipe, SIGPIPE ignored: exit status $(cat "$tmp/pipe.rc")"
checks=$((checks + 1)); [ ! -s "$tmp/pipe.err" ] || fail "closed pipe, SIGPIPE ignored: printed $(cat "$tmp/pipe.err")"
pipe_run default
checks=$((checks + 1)); case $(cat "$tmp/pipe.rc") in 0 | 141) ;; *) fail "closed pipe: exit status $(cat "$tmp/pipe.rc")" ;; esac
checks=$((checks + 1)); [ ! -s "$tmp/pipe.err" ] || fail "closed pipe: printed $(cat "$tmp/pipe.err")"
finish
