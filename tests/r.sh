#!/bin/sh
# The R package (bindings/R, docs/r.md): its testthat tests and the code of
# docs/r.md, run against the package make installed in the build tree.
# Skips (77) only when the package was not built (configure found no
# r-base-dev) or testthat (r-cran-testthat) is missing.
. "$(dirname "$0")/cli/lib.sh"

R_LIBS="$top_builddir/bindings/R/lib${R_LIBS:+:$R_LIBS}"
export R_LIBS top_srcdir COALMAP
if [ ! -f "$top_builddir/bindings/R/lib/coalmap/DESCRIPTION" ]; then
	echo "the R package was not built (configure's 'R package:' line says why: r-base-dev missing," \
		"--without-r, or a sanitizer build)"
	exit 77
fi
if ! Rscript -e 'library(testthat)' >/dev/null 2>&1; then
	echo "testthat (r-cran-testthat) is missing"
	exit 77
fi
rc=0
Rscript -e 'r <- testthat::test_dir(file.path(Sys.getenv("top_srcdir"), "bindings/R/tests/testthat"),
  reporter = "summary", stop_on_failure = FALSE, load_package = "none")
r <- as.data.frame(r)
cat(sprintf("testthat: %d passed, %d failed, %d skipped\n", sum(r$passed), sum(r$failed), sum(r$skipped)))
if (sum(r$failed) || any(r$error)) quit(status = 1)' || rc=1
(cd "$tmp" && Rscript "$top_srcdir/tests/r-guide.R" "$top_srcdir/docs/r.md") || rc=1
exit $rc
