# Maps and reports are the command's bytes; the igraph graph is the
# landscape's network.
L <- cm_load(edu)

test_that("a map is the command's", {
  f <- file.path(tempdir(), "edu.svg")
  cm_map(L, f)
  g <- file.path(tempdir(), "edu-cli.svg")
  system2(coalmap_bin, c("map", edu, "-o", g, "--quiet"), stderr = FALSE)
  expect_identical(readBin(f, "raw", 1e7), readBin(g, "raw", 1e7))
  expect_identical(cm_map_svg(L), rawToChar(readBin(g, "raw", 1e7)))
  expect_error(cm_map(L, file.path(tempdir(), "x.txt")), class = "coalmap_error_usage")
  expect_error(cm_map(L, f, color_by = "nope"), class = "coalmap_error_usage")
})

test_that("a report is the command's", {
  f <- file.path(tempdir(), "edu-report.html")
  cm_report(L, f, `for` = "glai")
  g <- file.path(tempdir(), "edu-report-cli.html")
  system2(coalmap_bin, c("report", edu, "--for", "glai", "-o", g, "--quiet"), stderr = FALSE)
  expect_identical(readBin(f, "raw", 1e7), readBin(g, "raw", 1e7))
  # Markdown: the document and its three figures beside it, as the command writes them
  m <- file.path(tempdir(), "edu-report.md")
  cm_report(L, m)
  n <- file.path(tempdir(), "cli", "edu-report.md")
  dir.create(dirname(n), showWarnings = FALSE)
  system2(coalmap_bin, c("report", edu, "-o", n, "--quiet"), stderr = FALSE)
  for (s in c(".md", "-map.svg", "-inequality.svg", "-stakeholders.svg"))
    expect_identical(readBin(sub("\\.md$", s, m), "raw", 1e7), readBin(sub("\\.md$", s, n), "raw", 1e7))
})

test_that("as_igraph hands the network on", {
  skip_if_not_installed("igraph")
  g <- as_igraph(L)
  ties <- utils::read.csv(file.path(edu, "relationships.csv"), colClasses = "character")
  orgs <- utils::read.csv(file.path(edu, "organizations.csv"), colClasses = "character")
  expect_identical(igraph::V(g)$name, orgs$id)
  expect_identical(igraph::V(g)$label, orgs$name)
  e <- igraph::as_data_frame(g, "edges")
  expect_identical(paste(e$from, e$to, e$type), paste(ties$source, ties$target, ties$type))
  expect_true(igraph::is_directed(g))
})
