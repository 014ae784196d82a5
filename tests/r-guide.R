# r-guide.R DOC [--update]: runs the R code blocks of a guide (docs/r.md)
# in order, in one session, in a fresh folder where datasets/ is the
# project's, and checks that each block's printed output is the
# ```output block that follows it in the guide, line for line.  With
# --update, writes the outputs into the guide instead (review the diff).
args <- commandArgs(TRUE)
doc <- normalizePath(args[1])
update <- "--update" %in% args
top <- dirname(dirname(doc))
lines <- readLines(doc, encoding = "UTF-8")
options(width = 80, warn = 1)

# The blocks: code, and the lines of the output block after it (or NA).
blocks <- list()
i <- 1
while (i <= length(lines)) {
  if (lines[i] == "```r") {
    j <- i + 1
    while (lines[j] != "```") j <- j + 1
    b <- list(code = lines[(i + 1):(j - 1)], out_from = NA, out_to = NA)
    k <- j + 1
    while (k <= length(lines) && lines[k] == "") k <- k + 1
    if (k <= length(lines) && lines[k] == "```output") {
      e <- k + 1
      while (lines[e] != "```") e <- e + 1
      b$out_from <- k + 1
      b$out_to <- e - 1
    }
    blocks[[length(blocks) + 1]] <- b
    i <- j
  }
  i <- i + 1
}
if (!length(blocks)) stop(doc, ": no ```r blocks")

dir <- tempfile("r-guide-")
dir.create(dir)
invisible(file.symlink(file.path(top, "datasets"), file.path(dir, "datasets")))
here <- setwd(dir)
env <- new.env(parent = globalenv())
failures <- 0
new <- lines
for (n in rev(seq_along(blocks))) blocks[[n]]$n <- n
for (b in blocks) {
  got <- capture.output(for (e in parse(text = b$code, keep.source = FALSE)) {
    r <- withVisible(eval(e, env))
    if (r$visible) print(r$value)
  })
  if (is.na(b$out_from)) {
    if (length(got)) {
      cat(sprintf("%s: block %d prints output but has no ```output block after it\n", doc, b$n))
      failures <- failures + 1
    }
    next
  }
  want <- if (b$out_to >= b$out_from) lines[b$out_from:b$out_to] else character()
  if (!identical(got, want)) {
    if (!update) {
      cat(sprintf("%s: block %d: output differs\n--- guide\n%s\n--- now\n%s\n", doc, b$n,
                  paste(want, collapse = "\n"), paste(got, collapse = "\n")))
      failures <- failures + 1
    }
  }
  b$got <- got
  blocks[[b$n]] <- b
}
if (update) {
  for (b in rev(blocks)) {
    if (is.na(b$out_from)) next
    keep_after <- if (b$out_to < length(new)) new[(b$out_to + 1):length(new)] else character()
    new <- c(new[seq_len(b$out_from - 1)], b$got, keep_after)
  }
  writeLines(new, doc, useBytes = TRUE)
  cat(sprintf("%s: %d blocks run, outputs written\n", doc, length(blocks)))
} else {
  cat(sprintf("%s: %d blocks run, %d differ\n", doc, length(blocks), failures))
}
setwd(here)
unlink(dir, recursive = TRUE)
quit(status = if (failures) 1 else 0)
