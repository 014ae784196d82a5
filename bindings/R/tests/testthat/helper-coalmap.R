# Shared by the tests: the package, this build's coalmap command (COALMAP)
# and the CLI's CSV of the same analysis, for the oracle "the data.frame
# equals the command's CSV to the last digit".
library(coalmap)
top <- Sys.getenv("top_srcdir", "../../../..")
coalmap_bin <- Sys.getenv("COALMAP", file.path(top, "cli/coalmap"))
edu <- file.path(top, "datasets/education-coalition")

# The command's CSV output, every cell as text.
cli_csv <- function(...) {
  out <- system2(coalmap_bin, c(..., "--format", "csv", "--quiet"), stdout = TRUE, stderr = FALSE)
  status <- attr(out, "status")
  if (!is.null(status)) stop("coalmap ", paste(..., collapse = " "), " exited ", status)
  utils::read.csv(text = paste(out, collapse = "\n"), colClasses = "character", check.names = FALSE,
                  na.strings = character(), encoding = "UTF-8")
}

# A data.frame written as the CSV writer writes it: integers in full, reals
# with 12 significant digits ("%.12g"), empty cells empty, text starting
# with a formula character prefixed with "'".
as_cli_text <- function(df) {
  out <- lapply(df, function(x) {
    s <- if (is.integer(x)) as.character(x)
         else if (is.double(x)) sprintf("%.12g", x)
         else as.character(x)
    s[is.na(x)] <- ""
    inject <- substr(s, 1, 1) %in% c("=", "+", "-", "@", "\t", "\r") & !is.double(x) & !is.integer(x)
    s[inject] <- paste0("'", s[inject])
    s
  })
  out <- as.data.frame(out, stringsAsFactors = FALSE, optional = TRUE)
  names(out) <- names(df)
  out
}

expect_same_as_cli <- function(df, ...) {
  want <- cli_csv(...)
  got <- as_cli_text(df)
  expect_identical(names(got), names(want))
  expect_identical(nrow(got), nrow(want))
  for (col in names(want))
    expect_identical(got[[col]], want[[col]], label = paste("column", col))
}
