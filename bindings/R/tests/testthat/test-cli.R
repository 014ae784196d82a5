# Every analysis: the data.frame equals `coalmap CMD --format csv` on the
# same landscape, cell by cell, to the CSV's last digit.
L <- cm_load(edu)

test_that("metrics equal the command's", {
  m <- cm_metrics(L)
  expect_identical(names(m)[1], "id")
  expect_type(m$degree, "integer")
  expect_type(m$pagerank, "double")
  expect_same_as_cli(m, "metrics", edu)
  expect_same_as_cli(cm_metrics(L, group_by = "type"), "metrics", edu, "--group-by", "type")
})

test_that("bounded betweenness equals the command's", {
  B <- cm_load(edu, epsilon = 0.02, certify = 3, sample_seed = 5)
  m <- cm_metrics(B)
  expect_true(all(c("betweenness_low", "betweenness_high") %in% names(m)))
  expect_same_as_cli(m, "metrics", edu, "--epsilon", "0.02", "--certify", "3", "--sample-seed", "5")
  b <- cm_betweenness_bound(B)
  expect_equal(b$epsilon, 0.02)
  expect_equal(b$delta, 0.1)
  expect_true(b$samples > 0 && b$samples <= b$cap)
  expect_null(cm_betweenness_bound(L))
  expect_error(cm_load(edu, epsilon = 0.02, weighted = TRUE), "epsilon")
})

test_that("power equals the command's", {
  expect_same_as_cli(cm_power(L), "power", edu)
  expect_same_as_cli(cm_power(L, group_by = "region", key_players = 3), "power", edu, "--group-by", "region",
                     "--key-players", "3")
  # the permutation tests: the same draws for the same seed and count
  expect_same_as_cli(cm_power(L, group_by = "region", permutations = 200, seed = 7), "power", edu,
                     "--group-by", "region", "--permutations", "200", "--seed", "7")
})

test_that("robustness of rankings equals the command's", {
  expect_same_as_cli(cm_robustness(L, c(0.1, 0.3), top = 5, resamples = 30), "metrics", edu, "--missing",
                     "0.1,0.3", "--top", "5", "--resamples", "30")
  expect_same_as_cli(cm_robustness(L, 0.2, by = "pagerank", orgs = TRUE, resamples = 20, seed = 4), "metrics",
                     edu, "--missing", "0.2", "--by", "pagerank", "--missing-orgs", "--resamples", "20",
                     "--seed", "4")
  expect_same_as_cli(cm_power(L, group_by = "region", missing = c(0.1, 0.3), resamples = 20, permutations = 0),
                     "power", edu, "--group-by", "region", "--missing", "0.1,0.3", "--resamples", "20",
                     "--permutations", "0")
  expect_error(cm_robustness(L, 1.5), "share")
  expect_error(cm_power(L, missing = 0.1, key_players = 0), "key_players")
})

test_that("gaps and recommendations equal the command's", {
  expect_same_as_cli(cm_gaps(L), "gaps", edu)
  expect_same_as_cli(cm_gaps(L, `for` = "glai", role = "all"), "gaps", edu, "--for", "glai", "--role", "all")
  expect_same_as_cli(cm_gaps(L, `for` = "edujustice", top = 0), "gaps", edu, "--for", "edujustice",
                     "--top", "0")
  expect_same_as_cli(cm_gaps(L, `for` = "glai", weights = c(fit = 2, reach = 0.5)), "gaps", edu, "--for",
                     "glai", "--weights", "fit=2,reach=0.5")
})

test_that("path equals the command's", {
  p <- cm_path(L, "ke_kibanda", "moe_zembara", k = 5)
  expect_identical(nrow(p), 5L)
  expect_same_as_cli(p, "path", edu, "ke_kibanda", "moe_zembara", "-k", "5")
  expect_same_as_cli(cm_path(L, "Kibanda Mothers' Reading Circle", "glai"), "path", edu, "ke_kibanda", "glai")
})

test_that("stakeholders equal the command's", {
  expect_same_as_cli(cm_stakeholders(L), "stakeholders", edu)
  expect_same_as_cli(cm_stakeholders(L, camps = TRUE), "stakeholders", edu, "--camps")
})

test_that("a filter and sampled path metrics equal the command's", {
  at <- cm_load(edu, at = "2019-06-30", types = c("funding", "partnership"))
  expect_same_as_cli(cm_metrics(at), "metrics", edu, "--at", "2019-06-30", "--types", "funding,partnership")
  g <- file.path(tempdir(), "gen3000")
  system2(coalmap_bin, c("generate", "--orgs", "3000", "--seed", "7", "-o", g))
  s <- cm_metrics(cm_load(g, samples = 40))
  expect_true(all(c("betweenness_se", "harmonic_se") %in% names(s)))
  expect_same_as_cli(s, "metrics", g, "--samples", "40")
})

test_that("the registry describes the columns", {
  d <- cm_describe("betweenness_norm")
  expect_identical(d$name, "betweenness_norm")
  expect_true(nchar(d$definition) > 10)
  expect_true(all(names(cm_metrics(L)) %in% cm_describe()$name))
})

test_that("the inequality curves equal the NetworkX reference", {
  # the same rows as the reference (tests/reference/nx_power.py --curves)
  ref <- tempfile(fileext = ".csv")
  st <- system2("/usr/bin/python3", c(file.path(top, "tests", "reference", "nx_power.py"), edu, "--curves", ref))
  skip_if(st != 0, "the NetworkX reference could not run")
  want <- utils::read.csv(ref, stringsAsFactors = FALSE)
  got <- cm_inequality_curves(L)
  expect_identical(names(got), c("chart", "measure", "label", "x", "y", "reading"))
  expect_identical(got$chart, want$chart)
  expect_identical(got$measure, want$measure)
  expect_equal(got$x, want$x, tolerance = 1e-12)
  expect_equal(got$y, want$y, tolerance = 1e-9)
})
