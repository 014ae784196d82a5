# lib.sh - helpers for the CLI tests (sourced).  Each test script runs under
# `make check` with COALMAP, PYTHON3, top_srcdir and top_builddir set.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${COALMAP:=$top_builddir/cli/coalmap}"
: "${PYTHON3:=/usr/bin/python3}"
export LC_ALL=C.UTF-8

failures=0
checks=0

# graphviz_leaks: for tests that draw maps.  Graphviz and fontconfig keep
# caches for the life of the process (a little "leak" by design); these
# suppressions let LeakSanitizer and valgrind still catch ours.
graphviz_leaks() {
	# print_suppressions=0: no statistics on stderr, which tests compare
	LSAN_OPTIONS="suppressions=$top_srcdir/tests/cli/map-leaks.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
	export LSAN_OPTIONS
	case "${COALMAP_WRAPPER:-}" in
	*valgrind*) COALMAP_WRAPPER="$COALMAP_WRAPPER --suppressions=$top_srcdir/tests/cli/map-valgrind.supp" ;;
	esac
}

# need_xmllint: skips the test (status 77) when xmllint is missing.
need_xmllint() {
	if ! command -v xmllint >/dev/null 2>&1; then
		echo "xmllint (libxml2-utils) is not installed"
		exit 77
	fi
}
# texts FILE: the text of every <text> element of an SVG, one a line.
texts() {
	"$PYTHON3" -c 'import signal, sys, xml.etree.ElementTree as E
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
for t in E.parse(sys.argv[1]).iter("{http://www.w3.org/2000/svg}text"): print(t.text or "")' "$1"
}

# has_text FILE LINE DESCRIPTION: some <text> of FILE is exactly LINE (a
# basic regular expression when it holds one).
has_text() {
	checks=$((checks + 1))
	texts "$1" | grep -qx -- "$2" || fail "$3: no text '$2' in $1"
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/coalmap-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

fail() {
	failures=$((failures + 1))
	echo "FAIL: $*" >&2
}

# ok DESCRIPTION: count a passed check.
ok() {
	checks=$((checks + 1))
}

# mk DIR ORGS TIES: a landscape from printf(1) format strings.
mk() {
	rm -rf "$1"
	mkdir -p "$1"
	printf "$2" >"$1/organizations.csv"
	printf "$3" >"$1/relationships.csv"
}

# run ARGS...: runs coalmap, leaving $out, $err and $rc.  With
# COALMAP_WRAPPER set (e.g. "valgrind --error-exitcode=99"), coalmap runs
# under it through libtool, so the wrapper sees the real program.
run() {
	if [ -n "${COALMAP_WRAPPER:-}" ]; then
		# shellcheck disable=SC2086
		"$top_builddir/libtool" --mode=execute $COALMAP_WRAPPER "$COALMAP" "$@" >"$tmp/out" 2>"$tmp/err"
	else
		"$COALMAP" "$@" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# expect_rc CODE DESCRIPTION
expect_rc() {
	checks=$((checks + 1))
	[ "$rc" -eq "$1" ] || fail "$2: exit status $rc, expected $1; stderr: $err"
}

# expect_err SUBSTRING DESCRIPTION: stderr contains SUBSTRING (fixed string).
expect_err() {
	checks=$((checks + 1))
	case "$err" in
	*"$1"*) ;;
	*) fail "$2: stderr lacks '$1'; got: $err" ;;
	esac
}

# expect_out SUBSTRING DESCRIPTION
expect_out() {
	checks=$((checks + 1))
	case "$out" in
	*"$1"*) ;;
	*) fail "$2: stdout lacks '$1'" ;;
	esac
}

finish() {
	echo "$checks checks, $failures failed"
	[ "$failures" -eq 0 ]
	exit $?
}
