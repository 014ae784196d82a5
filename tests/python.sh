#!/bin/sh
# The Python package (bindings/python, docs/python.md) on this build: its
# pytest suite (bindings/python/tests: every analysis against the CLI's
# CSV, landscapes from pandas and NetworkX, bad input, Ctrl-C, the guide's
# code blocks), importing the package from the source tree and its
# extension from the build tree.  Skipped (77) when the extension was not
# built (python3-dev missing at configure time) or pytest, pandas or
# NetworkX is missing.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${COALMAP:=$top_builddir/cli/coalmap}"
py=${PYTHON3:-/usr/bin/python3}
libs="$top_builddir/bindings/python/.libs"

if [ ! -f "$libs/_coalmap.so" ]; then
	echo "SKIP: the Python bindings were not built (configure said: python3-dev missing)"
	exit 77
fi
if ! "$py" -c 'import pytest, pandas, numpy, networkx' 2>/dev/null; then
	echo "SKIP: $py lacks pytest, pandas, numpy or networkx (Debian: python3-pytest python3-pandas python3-networkx)"
	exit 77
fi
# In a sanitizer build (./configure --enable-asan) the extension needs
# AddressSanitizer's runtime loaded first, which python3 is not built with:
# it is preloaded, and leaks are not counted (the interpreter's own would be).
asan=$(ldd "$libs/_coalmap.so" 2>/dev/null | sed -n 's/^[[:space:]]*libasan[^ ]* => \([^ ]*\) .*/\1/p' | head -1)
if [ -n "$asan" ]; then
	LD_PRELOAD="$asan${LD_PRELOAD:+:$LD_PRELOAD}"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export LD_PRELOAD ASAN_OPTIONS
fi
# the source tree may be read-only (make distcheck): no caches written there
PYTHONPATH="$top_srcdir/bindings/python:$libs${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1 \
	COALMAP="$COALMAP" top_srcdir="$top_srcdir" \
	exec "$py" -m pytest -q -p no:cacheprovider "$top_srcdir/bindings/python/tests"
