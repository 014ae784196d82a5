#!/bin/sh
# ROBUSTNESS.md Outputs: formula injection neutralised but negative numbers
# kept; names with quotes, commas and newlines round-trip through Python's
# csv; -o naming an input (also through a link) refused; unwritable output
# exits 73 and leaves nothing; existing files replaced whole; closed pipe quiet.
. "$(dirname "$0")/lib.sh"
L="$tmp/l"
mk "$L" 'id,name\n=cmd,"=HYPERLINK(""x"")"\n+a,"say ""hi"", then\nbye"\n@b,-minus\n-c,"|pipe"\n' \
	'source,target\n=cmd,+a\n+a,@b\n@b,-c\n'

run metrics "$L" --format csv; expect_rc 0 "hostile names"
printf '%s\n' "$out" >"$tmp/h.csv"
"$PYTHON3" - "$tmp/h.csv" <<'PY' && ok || fail "CSV neutralised and round-trips"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
ids = [r["id"] for r in rows]
assert ids == ["'=cmd", "'+a", "'@b", "'-c"], ids
names = [r["name"] for r in rows]
assert names == ["'=HYPERLINK(\"x\")", 'say "hi", then\nbye', "'-minus", "|pipe"], names
for r in rows:
    float(r["betweenness"]); int(r["degree"])
PY
run metrics "$L" --format json; expect_rc 0 "json hostile"
printf '%s' "$out" | "$PYTHON3" -c "import json,sys; r=json.load(sys.stdin); assert r[0]['id']=='=cmd' and r[2]['name']=='-minus'" && ok || fail "JSON keeps text exact and escapes control characters"

# -o naming an input file, directly and through a symbolic link
cp "$L/organizations.csv" "$tmp/orgs.bak"
run metrics "$L" -o "$L/organizations.csv"; expect_rc 73 "-o an input"
checks=$((checks + 1)); cmp -s "$L/organizations.csv" "$tmp/orgs.bak" || fail "input modified"
ln -s "$L/relationships.csv" "$tmp/link.csv"
run metrics "$L" -o "$tmp/link.csv"; expect_rc 73 "-o a link to an input"
expect_err "refusing to overwrite an input file" "refusal message"

# unwritable destinations
run metrics "$L" -o "$tmp/no/such/dir/x.csv"; expect_rc 73 "-o in a missing folder"
if [ -w /dev/full ]; then
	run metrics "$L" --format csv -o /dev/full; expect_rc 73 "/dev/full"
	checks=$((checks + 1)); [ -c /dev/full ] || fail "/dev/full replaced by a file"
fi

# an existing output is replaced whole, and only on success
printf 'old\n' >"$tmp/keep.csv"
mk "$tmp/bad" 'id\na\n' 'source,target\na,zz\n'
run metrics "$tmp/bad" -o "$tmp/keep.csv"; expect_rc 65 "bad data"
checks=$((checks + 1)); [ "$(cat "$tmp/keep.csv")" = old ] || fail "failed run touched the old output"
run metrics "$L" -o "$tmp/keep.csv"; expect_rc 0 "replace"
checks=$((checks + 1)); head -1 "$tmp/keep.csv" | grep -q '^id,' || fail "output not replaced"
checks=$((checks + 1)); ls -a "$tmp" | grep -q '^\.coalmap-' && fail "temporary file left behind"

# closed pipe: quiet
"$COALMAP" generate --orgs 3000 --ties 9000 -o "$tmp/g" >/dev/null 2>&1
"$COALMAP" metrics "$tmp/g" --format csv 2>"$tmp/pipe.err" | head -1 >/dev/null
checks=$((checks + 1)); [ ! -s "$tmp/pipe.err" ] || fail "closed pipe printed: $(cat "$tmp/pipe.err")"
finish
