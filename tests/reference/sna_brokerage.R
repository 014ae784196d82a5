#!/usr/bin/Rscript
# Gould-Fernandez brokerage roles of every org, counted by R's sna::brokerage
# on the tie graph D (every tie except conflict; directed ties source -> target,
# mutual ties both ways; simple).  The landscape is read by nx_power.py
# --export-tie-graph (the same loader as nx_metrics.py), never by coalmap.
#
# usage: sna_brokerage.R LANDSCAPE ATTR OUT.csv [--types a,b] [--at DATE]
#
# OUT.csv: id,coordinator,itinerant,representative,gatekeeper,liaison,brokerage
# in organizations.csv order, from $raw.nli columns w_I, w_O, b_IO, b_OI, b_O, t.

args <- commandArgs(trailingOnly = TRUE)
usage <- function() {
  cat("usage: sna_brokerage.R LANDSCAPE ATTR OUT.csv [--types a,b] [--at DATE]\n",
      file = stderr())
  quit(status = 2)
}
if (length(args) < 3) usage()
landscape <- args[1]; attr <- args[2]; out <- args[3]
extra <- args[-(1:3)]
i <- 1
while (i <= length(extra)) {
  if (!(extra[i] %in% c("--types", "--at")) || i == length(extra)) usage()
  i <- i + 2
}

suppressPackageStartupMessages(library(sna))

# Where this script lives (for nx_power.py).
file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
here <- dirname(normalizePath(sub("^--file=", "", file_arg[1])))
python <- Sys.getenv("PYTHON3", "/usr/bin/python3")

dir <- tempfile("sna_brokerage")
status <- system2(python, c(shQuote(file.path(here, "nx_power.py")),
                            shQuote(landscape), "--group-by", shQuote(attr),
                            "--export-tie-graph", shQuote(dir),
                            vapply(extra, shQuote, "")))
if (status != 0) quit(status = 2)

read <- function(f) read.csv(file.path(dir, f), colClasses = "character",
                             na.strings = character(0), encoding = "UTF-8",
                             check.names = FALSE)
nodes <- read("nodes.csv")
arcs <- read("arcs.csv")
unlink(dir, recursive = TRUE)

n <- nrow(nodes)
adj <- matrix(0, n, n)
if (nrow(arcs) > 0) {
  from <- match(arcs$from, nodes$id)
  to <- match(arcs$to, nodes$id)
  stopifnot(!anyNA(from), !anyNA(to), all(from != to))
  adj[cbind(from, to)] <- 1
}

raw <- sna::brokerage(adj, nodes$group)$raw.nli
res <- data.frame(id = nodes$id,
                  coordinator = as.integer(raw[, "w_I"]),
                  itinerant = as.integer(raw[, "w_O"]),
                  representative = as.integer(raw[, "b_IO"]),
                  gatekeeper = as.integer(raw[, "b_OI"]),
                  liaison = as.integer(raw[, "b_O"]),
                  brokerage = as.integer(raw[, "t"]),
                  check.names = FALSE, stringsAsFactors = FALSE)
write.csv(res, out, row.names = FALSE, fileEncoding = "UTF-8")
