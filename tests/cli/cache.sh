#!/bin/sh
# The cache beside the landscape (docs/cache.md; issue 21, item 4): a
# second command reuses what the first computed and writes the same bytes;
# a change to the data, the options or the cache file itself never gives
# stale or wrong results; --no-cache leaves no folder.
. "$(dirname "$0")/lib.sh"
graphviz_leaks # the report draws the map

L="$tmp/edu"
cp -r "$top_srcdir/datasets/education-coalition" "$L"
rm -rf "$L/.coalmap-cache"

run metrics "$L" --format csv
expect_rc 0 "first run"
first=$out
checks=$((checks + 1))
[ "$(ls "$L/.coalmap-cache" | grep -c '\.cmcache$')" = 1 ] || fail "no cache file after the first run: $(ls -a "$L")"
run metrics "$L" --format csv --no-cache
checks=$((checks + 1))
[ "$out" = "$first" ] || fail "the cached run differs from a run without the cache"
run metrics "$L" --format csv
checks=$((checks + 1))
[ "$out" = "$first" ] || fail "the second run (from the cache) differs"

# every command reading the same graphs takes the same file; a report
# from the cache equals one without
run report "$L" -o "$tmp/with.html"
expect_rc 0 "report with the cache"
run report "$L" --no-cache -o "$tmp/without.html"
checks=$((checks + 1))
cmp -s "$tmp/with.html" "$tmp/without.html" || fail "the report from the cache differs"
run power "$L" --format csv
with=$out
run power "$L" --format csv --no-cache
checks=$((checks + 1))
[ "$out" = "$with" ] || fail "power from the cache differs"

# the file is read: a value changed in it shows (the first kept measure is
# betweenness: its first org's value, after the 120-byte header and the
# measure's number)
f=$(ls "$L/.coalmap-cache"/*.cmcache)
cp "$f" "$tmp/saved"
"$PYTHON3" -c 'import struct, sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[124:132] = struct.pack("<d", 12345.0)
open(p, "wb").write(b)' "$f"
run metrics "$L" --format csv
expect_out "glai,Global Learning Alliance International,ingo,34,120,30,30,12345," "a value changed in the cache file is read"
cp "$tmp/saved" "$f"

# a damaged file is ignored and written again
head -c 1000 "$tmp/saved" >"$f"
run metrics "$L" --format csv
checks=$((checks + 1))
[ "$out" = "$first" ] || fail "a truncated cache file changed the output"
checks=$((checks + 1))
cmp -s "$f" "$tmp/saved" || fail "the truncated file was not written again"

# never stale: other options, other data
run metrics "$L" --format csv --types partnership,funding
typed=$out
run metrics "$L" --format csv --types partnership,funding --no-cache
checks=$((checks + 1))
[ "$out" = "$typed" ] && [ "$out" != "$first" ] || fail "--types with the cache differs from without"
printf 'glai,moe_zembara,access,,,,,,,\n' >>"$L/relationships.csv"
run metrics "$L" --format csv
changed=$out
expect_rc 0 "changed data"
run metrics "$L" --format csv --no-cache
checks=$((checks + 1))
[ "$out" = "$changed" ] && [ "$out" != "$first" ] || fail "a changed relationships.csv gave stale results"
checks=$((checks + 1))
[ "$(ls "$L/.coalmap-cache" | grep -c '\.cmcache$')" = 3 ] || fail "expected three cache files: $(ls "$L/.coalmap-cache")"
checks=$((checks + 1))
[ -z "$(ls "$L/.coalmap-cache" | grep -v '\.cmcache$')" ] || fail "temporary files left: $(ls "$L/.coalmap-cache")"

# --no-cache writes nothing; a landscape given as a file gets the folder
# beside it
M="$tmp/plain"
cp -r "$top_srcdir/datasets/florentine" "$M"
rm -rf "$M/.coalmap-cache"
run metrics "$M" --no-cache
checks=$((checks + 1))
[ ! -e "$M/.coalmap-cache" ] || fail "--no-cache made a folder"
mkdir "$tmp/one"
cp "$top_srcdir/datasets/florentine/relationships.csv" "$tmp/one/ties.csv"
run metrics "$tmp/one/ties.csv"
expect_rc 0 "an edge list"
checks=$((checks + 1))
[ -d "$tmp/one/.coalmap-cache" ] || fail "no cache folder beside a landscape given as a file"

# a folder that cannot be written: no cache, same output (root ignores
# permissions, so this check needs another user)
if [ "$(id -u)" != 0 ]; then
	R="$tmp/ro"
	cp -r "$top_srcdir/datasets/florentine" "$R"
	rm -rf "$R/.coalmap-cache"
	chmod a-w "$R"
	run metrics "$R" --format csv
	expect_rc 0 "a read-only folder"
	chmod u+w "$R"
	checks=$((checks + 1))
	[ ! -e "$R/.coalmap-cache" ] || fail "a cache in a read-only folder"
fi

finish
