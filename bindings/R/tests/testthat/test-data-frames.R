# cm_from_data_frames gives the landscape the same data give from files.
test_that("data frames give the files' metrics", {
  orgs <- utils::read.csv(file.path(edu, "organizations.csv"), na.strings = "")
  ties <- utils::read.csv(file.path(edu, "relationships.csv"), na.strings = "")
  expect_type(ties$weight, "integer")
  F <- cm_from_data_frames(orgs, ties)
  L <- cm_load(edu)
  expect_identical(cm_metrics(F), cm_metrics(L))
  expect_identical(cm_power(F, group_by = "type"), cm_power(L, group_by = "type"))
  expect_identical(cm_stakeholders(F), cm_stakeholders(L))
})

test_that("numbers, logicals, factors and dates go in exactly", {
  orgs <- data.frame(id = factor(c("a", "b", "c")), name = c("A", "B", "C"), budget = c(1 / 3, 2e10, NA))
  ties <- data.frame(source = c("a", "b"), target = c("b", "c"), type = "partnership",
                     weight = c(0.1 + 0.2, 2), directed = c(TRUE, FALSE),
                     start = as.Date(c("2020-01-01", NA)))
  F <- cm_from_data_frames(orgs, ties)
  x <- coalmap:::.cm_export(F)
  expect_identical(x$orgs$budget, c(1 / 3, 2e10, NA))
  expect_identical(x$ties$weight, c(0.1 + 0.2, 2))
  expect_identical(x$ties$directed, c(TRUE, FALSE))
  expect_identical(x$ties$start, c("2020-01-01", NA))
})
