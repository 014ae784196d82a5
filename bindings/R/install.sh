#!/bin/sh
# install.sh TOP_SRCDIR TOP_BUILDDIR WORK LIB RPATH: builds the R package
# of TOP_SRCDIR/bindings/R against the libraries of TOP_BUILDDIR (engine/
# and viz/ .libs) and installs it into LIB, the shared object finding
# libcoalmap at run time in RPATH (the build tree's .libs for the build
# tree's copy, LIBDIR for make install).  The package is copied into WORK
# first: R CMD INSTALL compiles in the package's folder, which may be a
# read-only source tree (make distcheck).  Quiet unless it fails.
set -eu
src=$1/bindings/R top=$1 build=$2 work=$3 lib=$4 rpath=$5
: "${R_CMD:=R}"
# R CMD INSTALL runs make of its own (one file to compile): not a child of ours
unset MAKEFLAGS MFLAGS MAKELEVEL

rm -rf "$work"
mkdir -p "$work/coalmap" "$lib"
cp -R "$src/DESCRIPTION" "$src/NAMESPACE" "$src/LICENSE" "$src/R" "$src/src" "$src/man" "$work/coalmap/"
rm -f "$work/coalmap/src/"*.o "$work/coalmap/src/"*.so "$work/coalmap/src/Makevars"
chmod -R u+w "$work/coalmap"
cat >"$work/coalmap/src/Makevars" <<MK
PKG_CPPFLAGS = -I$top/engine -I$top/viz
PKG_CFLAGS = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
PKG_LIBS = -L$build/viz/.libs -L$build/engine/.libs -lcoalmap-viz -lcoalmap -lpthread -Wl,-rpath,$rpath
MK
if ! "$R_CMD" CMD INSTALL --no-test-load --no-multiarch -l "$lib" "$work/coalmap" >"$work/install.log" 2>&1; then
	cat "$work/install.log" >&2
	exit 1
fi
# the compiler's warnings, which R CMD INSTALL's log would hide
grep -i 'warning:' "$work/install.log" >&2 || true
