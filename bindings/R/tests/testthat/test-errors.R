# Bad input: a condition of a coalmap class naming the problem; nothing
# half-built comes back.
ties <- data.frame(source = "a", target = "b")

test_that("a data.frame without an id column", {
  e <- expect_error(cm_from_data_frames(data.frame(name = c("a", "b")), ties), class = "coalmap_error_data")
  expect_match(conditionMessage(e), "no column 'id'")
})

test_that("duplicate ids", {
  e <- expect_error(cm_from_data_frames(data.frame(id = c("a", "b", "a")), ties), class = "coalmap_error_data")
  expect_match(conditionMessage(e), "row 3: duplicate id 'a' \\(first on row 1\\)")
})

test_that("a path that does not exist", {
  e <- expect_error(cm_load(file.path(tempdir(), "no-such-landscape")), class = "coalmap_error_input")
  expect_match(conditionMessage(e), "no-such-landscape")
})

test_that("bad data in a file: its file, line and 'did you mean'", {
  d <- file.path(tempdir(), "bad")
  dir.create(d)
  writeLines(c("id,name", "alpha,Alpha", "beta,Beta"), file.path(d, "organizations.csv"))
  writeLines(c("source,target,type", "alpha,beta,partnership", "alpha,betta,partnership"),
             file.path(d, "relationships.csv"))
  e <- expect_error(cm_load(d, strict = TRUE), class = "coalmap_error_data")
  expect_match(conditionMessage(e), "relationships.csv:3: .*betta")
  expect_match(conditionMessage(e), "did you mean 'beta'")
  expect_identical(e$line, 3L)
})

test_that("bad data in a data frame: told as its row", {
  e <- expect_error(cm_from_data_frames(data.frame(id = c("alpha", "beta")),
                                        data.frame(source = c("alpha", "alpha"), target = c("beta", "betta")),
                                        strict = TRUE),
                    class = "coalmap_error_data")
  expect_match(conditionMessage(e), "^ties row 2: .*betta.*did you mean 'beta'")
})

test_that("an unknown org in an analysis: usage error with 'did you mean'", {
  L <- cm_load(edu)
  e <- expect_error(cm_path(L, "glia", "edujustice"), class = "coalmap_error_usage")
  expect_match(conditionMessage(e), "glai")
  expect_error(cm_metrics(list()), class = "coalmap_error_usage")
  expect_error(cm_gaps(L, role = "strategic"), "role goes with")
})
