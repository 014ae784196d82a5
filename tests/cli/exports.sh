#!/bin/sh
# exports.sh - the installed libraries export exactly the functions their
# public headers declare (CM_API in engine/coalmap.h, viz/map.h), nothing
# the engine keeps to itself (issue 14).  Skipped without shared libraries.
. "$(dirname "$0")/lib.sh"

# compare LIB HEADER...: the defined dynamic symbols of LIB against the
# functions the headers declare with CM_API
compare() {
	lib=$1
	shift
	if [ ! -f "$lib" ]; then
		echo "no $lib (built without shared libraries)"
		exit 77
	fi
	sed -n 's/^CM_API [^(]*[ *]\(cm_[a-z0-9_]*\)(.*/\1/p' "$@" | sort -u >"$tmp/declared"
	# __bss_start, _edata, _end: the linker's own markers of the data
	# segment (ld puts them in .dynsym of some libraries), never functions
	nm -D --defined-only "$lib" | awk '$2 != "w" && $2 != "U" && $3 !~ /^(__bss_start|_edata|_end)$/ {print $3}' |
		sort -u >"$tmp/exported"
	if [ ! -s "$tmp/declared" ]; then
		fail "$*: no CM_API declarations found"
		return
	fi
	extra=$(comm -13 "$tmp/declared" "$tmp/exported" | tr '\n' ' ')
	missing=$(comm -23 "$tmp/declared" "$tmp/exported" | tr '\n' ' ')
	[ -z "$extra" ] && ok "$lib exports nothing undeclared" ||
		fail "$lib exports symbols no public header declares: $extra"
	[ -z "$missing" ] && ok "$lib exports every declared function" ||
		fail "$lib does not export declared functions: $missing"
	echo "$(basename "$lib"): $(wc -l <"$tmp/exported") exported, $(wc -l <"$tmp/declared") declared"
}

command -v nm >/dev/null 2>&1 || { echo "nm is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
compare "$top_builddir/engine/.libs/libcoalmap.so" "$top_srcdir/engine/coalmap.h"
compare "$top_builddir/viz/.libs/libcoalmap-viz.so" "$top_srcdir/viz/map.h"
finish
