#!/bin/sh
# make.sh [BUILDDIR]: rewrites the golden files (tests/golden) from the
# coalmap built in BUILDDIR (default: the source tree, an in-tree build).
# Only when a change of output is intended and has been reviewed: see
# README.md here.
set -u
top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
top_builddir=$(cd "${1:-$top_srcdir}" && pwd) || exit 1
COALMAP="${COALMAP:-$top_builddir/cli/coalmap}"
if [ ! -x "$COALMAP" ]; then
	echo "make.sh: no $COALMAP; build first (./configure && make -j2)" >&2
	exit 1
fi
export top_srcdir top_builddir COALMAP
GOLDEN_UPDATE=1 exec sh "$top_srcdir/tests/cli/golden.sh"
