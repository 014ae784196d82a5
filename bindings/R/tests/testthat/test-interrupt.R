# An interrupt (Ctrl-C, RStudio's stop button: SIGINT to R) stops a long
# kernel: exact betweenness on a generated 20,000-org landscape, on one
# thread, takes minutes; the child notes when the interrupt reached it, and
# a few seconds after the signal, even on a loaded machine, show that the
# signal stopped the kernel (not a speed target).
test_that("SIGINT stops a long analysis within seconds", {
  d <- file.path(tempdir(), "gen20k")
  system2(coalmap_bin, c("generate", "--orgs", "20000", "--seed", "3", "-o", d))
  ready <- file.path(tempdir(), "ready")
  out <- file.path(tempdir(), "interrupted")
  child <- file.path(tempdir(), "child.R")
  writeLines(c(
    "library(coalmap)",
    sprintf("L <- cm_load('%s', exact = TRUE, threads = 1)", d),
    sprintf("invisible(file.create('%s'))", ready),
    "r <- tryCatch(cm_metrics(L), interrupt = function(c) 'interrupted')",
    sprintf("writeLines(format(as.numeric(Sys.time()), digits = 15), '%s')", paste0(out, ".t")),
    "ids <- coalmap:::.cm_export(L)$orgs$id",  # the landscape is still usable:
    "x <- cm_path(L, ids[1], ids[2])",
    sprintf("writeLines(c(if (is.character(r)) r else 'finished', length(ids), class(x)), '%s')", out)), child)
  script <- sprintf(paste(
    "Rscript '%s' & pid=$!;",
    "while [ ! -f '%s' ]; do sleep 0.1; done; sleep 1;",
    "t0=$(date +%%s.%%N); kill -INT $pid; wait $pid; t1=$(cat '%s.t');",
    "awk \"BEGIN { print $t1 - $t0 }\""), child, ready, out)
  said <- system2("sh", c("-c", shQuote(script)), stdout = TRUE)
  took <- as.numeric(said[length(said)])
  expect_identical(readLines(out), c("interrupted", "20000", "data.frame"))
  expect_lt(took, 5)
})
