# coalmap.R - the R face of libcoalmap: a landscape (an external pointer
# to the loaded landscape and its analysis context) and the analyses run
# on it, each returning what the engine's result table holds as a
# data.frame.  The C side is src/coalmap.c.

## ---- conditions

# The condition class of each engine status (enum cm_status), and its
# words (cm_status_str).
.cm_classes <- c("coalmap_error_usage", "coalmap_error_data", "coalmap_error_input", "coalmap_error_memory",
                 "coalmap_error_internal", "coalmap_error_output", "coalmap_error_timeout")
.cm_status <- c("usage error", "bad data", "missing input", "out of memory", "internal error",
                "cannot write output", "time limit reached")

# Builds a coalmap condition: message "FILE:LINE: MESSAGE; HINT" as the
# command prints it, and the parts as fields.  code: a cm_status (< 0).
.cm_condition <- function(code, message, file = "", line = 0, hint = "") {
  where <- if (nzchar(file)) paste0(file, if (line > 0) paste0(":", line), ": ") else ""
  text <- paste0(where, message, if (nzchar(hint)) paste0("; ", hint) else "")
  k <- if (code <= -1 && code >= -7) -code else 5
  structure(class = c(.cm_classes[k], "coalmap_error", "error", "condition"),
            list(message = text, call = NULL, status = .cm_status[k], file = file,
                 line = as.integer(line), hint = hint, text = message))
}

# Called by src/coalmap.c with the engine's error (everything freed).
.cm_stop <- function(code, message, file, line, hint) {
  stop(.cm_condition(code, message, file, line, hint))
}

.cm_usage <- function(fmt, ...) stop(.cm_condition(-1, sprintf(fmt, ...)))
.cm_data <- function(fmt, ...) stop(.cm_condition(-2, sprintf(fmt, ...)))

## ---- the landscape

.cm_landscape <- function(res, source) {
  d <- res[[2]]
  for (i in seq_len(nrow(d))) {
    if (d$severity[i] == "warning") {
      where <- if (nzchar(d$file[i])) paste0(d$file[i], if (d$line[i] > 0) paste0(":", d$line[i]), ": ")
      warning(paste0(where, d$message[i],
                     if (d$count[i] > 1) paste0(" (", d$count[i], " times)"),
                     if (nzchar(d$hint[i])) paste0("; ", d$hint[i])), call. = FALSE)
    }
  }
  structure(list(ptr = res[[1]], source = source, diagnostics = d), class = "coalmap_landscape")
}

cm_load <- function(path, format = NULL, schema = NULL, strict = FALSE, types = NULL, at = NULL,
                    weighted = FALSE, exact = FALSE, samples = 0, threads = 0, epsilon = 0, delta = 0,
                    certify = 0, sample_seed = 0) {
  if (!is.character(path) || length(path) != 1 || is.na(path))
    .cm_usage("path: give one landscape folder or file")
  path <- path.expand(path)
  if (!is.null(at)) at <- format(as.Date(at), "%Y-%m-%d")
  if (!is.null(schema)) schema <- as.character(schema)[1]
  if (!is.null(format)) format <- as.character(format)[1]
  .cm_landscape(.Call(cmr_load, path, format, schema, strict, as.character(types), at, weighted, exact,
                      samples, threads, as.numeric(epsilon), as.numeric(delta), certify, sample_seed), path)
}

cm_diagnostics <- function(L) .cm_ptr(L)$diagnostics

.cm_ptr <- function(L) {
  if (!inherits(L, "coalmap_landscape"))
    .cm_usage("expected a landscape from cm_load() or cm_from_data_frames(), not %s", class(L)[1])
  L
}

print.coalmap_landscape <- function(x, ...) {
  n <- .Call(cmr_size, x$ptr)
  cat(sprintf("<coalmap landscape: %s orgs, %s ties, from %s>\n",
              format(n[1], big.mark = ","), format(n[2], big.mark = ","), x$source))
  invisible(x)
}

## ---- data frames in: written as a landscape folder and loaded, so that
## every check and message of the loader applies

# One column as the CSV loader reads it: numbers that read back exactly,
# logicals true/false, dates YYYY-MM-DD, NA empty.
.cm_csv_column <- function(x) {
  if (is.factor(x)) x <- as.character(x)
  if (inherits(x, "Date")) x <- format(x, "%Y-%m-%d")
  if (is.logical(x)) x <- ifelse(x, "true", "false")
  if (is.numeric(x)) {
    s <- ifelse(is.na(x), NA_character_, as.character(x))
    bad <- !is.na(x) & as.numeric(s) != x
    s[bad] <- sprintf("%.17g", x[bad])
    x <- s
  }
  x <- as.character(x)
  x[is.na(x)] <- ""
  x
}

.cm_write_csv <- function(df, file) {
  out <- as.data.frame(lapply(df, .cm_csv_column), stringsAsFactors = FALSE, optional = TRUE)
  names(out) <- names(df)
  utils::write.table(out, file, sep = ",", quote = TRUE, row.names = FALSE, col.names = TRUE,
                     na = "", qmethod = "double", fileEncoding = "UTF-8")
}

# An error in the temporary files, told as the data frame and its row.
.cm_retell <- function(e, dir) {
  f <- basename(e$file)
  if (identical(dirname(normalizePath(e$file, mustWork = FALSE)), normalizePath(dir))) {
    what <- if (f == "organizations.csv") "orgs" else if (f == "relationships.csv") "ties" else f
    msg <- paste0(what, if (e$line > 1) paste0(" row ", e$line - 1), ": ", e$text,
                  if (nzchar(e$hint)) paste0("; ", e$hint))
    e$message <- msg
    e$file <- what
    e$line <- e$line - 1L
  }
  stop(e)
}

cm_from_data_frames <- function(orgs, ties, ...) {
  if (!is.data.frame(orgs)) .cm_usage("orgs: expected a data.frame of organizations")
  if (!is.data.frame(ties)) .cm_usage("ties: expected a data.frame of ties")
  if (!"id" %in% names(orgs))
    .cm_data("orgs has no column 'id' (its columns: %s)", paste(names(orgs), collapse = ", "))
  ids <- as.character(orgs$id)
  dup <- which(duplicated(ids) & !is.na(ids))
  if (length(dup))
    .cm_data("orgs row %d: duplicate id '%s' (first on row %d)", dup[1], ids[dup[1]], match(ids[dup[1]], ids))
  for (col in c("source", "target"))
    if (!col %in% names(ties))
      .cm_data("ties has no column '%s' (its columns: %s)", col, paste(names(ties), collapse = ", "))
  dir <- tempfile("coalmap-")
  dir.create(dir, mode = "0700")
  on.exit(unlink(dir, recursive = TRUE))
  .cm_write_csv(orgs, file.path(dir, "organizations.csv"))
  .cm_write_csv(ties, file.path(dir, "relationships.csv"))
  L <- withCallingHandlers(
    tryCatch(cm_load(dir, format = "landscape", schema = "", ...),
             coalmap_error = function(e) .cm_retell(e, dir)),
    warning = function(w) {
      m <- gsub(paste0(dir, "/organizations.csv"), "orgs", conditionMessage(w), fixed = TRUE)
      m <- gsub(paste0(dir, "/relationships.csv"), "ties", m, fixed = TRUE)
      warning(m, call. = FALSE)
      invokeRestart("muffleWarning")
    })
  L$source <- "data frames"
  L
}

## ---- analyses

cm_metrics <- function(L, group_by = NULL) .Call(cmr_metrics, .cm_ptr(L)$ptr, group_by)

# What betweenness within a bound (cm_load(epsilon = ...)) promised, once
# the metrics are computed: epsilon, delta, samples, cap, capped and the
# certain ranks among the top certify; NULL without epsilon.
cm_betweenness_bound <- function(L) {
  L <- .cm_ptr(L)
  b <- .Call(cmr_bound, L$ptr)
  if (is.null(b)) return(NULL)
  b
}

# missing (e.g. c(0.1, 0.3)): after each key player and gatekeeper, a row
# per share with the share of `resamples` copies lacking that share of the
# ties (of the orgs with missing_orgs) that still list it (power --missing)
cm_power <- function(L, group_by = NULL, targets = NULL, key_players = 5, permutations = 1000, seed = 1,
                     missing = NULL, resamples = 100, missing_orgs = FALSE)
  .Call(cmr_power, .cm_ptr(L)$ptr, group_by, as.character(targets), key_players, permutations, seed,
        if (is.null(missing)) NULL else as.numeric(missing), resamples, missing_orgs)

# How far the ranking by `by` holds when data are missing, as `coalmap
# metrics --missing` (docs/statistics.md, "Robustness of rankings"): one
# row per org of the observed top `top` and share
cm_robustness <- function(L, missing, by = "betweenness", top = 10, resamples = 100, orgs = FALSE, seed = 1)
  .Call(cmr_robustness, .cm_ptr(L)$ptr, list(as.numeric(missing), by, top, resamples, orgs, seed))

# The Lorenz curves of power's inequality figures and the degree
# distribution, as the report draws them (docs/power.md)
cm_inequality_curves <- function(L) .Call(cmr_curves, .cm_ptr(L)$ptr)

.cm_gap_components <- c("closeness", "fit", "complementarity", "reach", "constraint_drop", "influence",
                        "access")

cm_gaps <- function(L, `for` = NULL, role = NULL, for_group = NULL, group_by = NULL, targets = NULL,
                    include_targets = FALSE, type = NULL, region = NULL, exclude_stance = NULL,
                    need_skills = NULL, need_types = NULL, need_regions = NULL, top = 10,
                    weights = NULL) {
  if (!is.null(weights)) {
    if (!is.numeric(weights) || is.null(names(weights)) || !all(names(weights) %in% .cm_gap_components) ||
        any(is.na(weights) | weights < 0))
      .cm_usage("weights: a named vector of weights >= 0 named among %s",
                paste(.cm_gap_components, collapse = ", "))
    if (!is.null(role) && role != "balanced")
      .cm_usage("weights weighs the balanced score; it does not go with role '%s'", role)
  }
  if (!is.null(`for`) && !is.null(for_group))
    .cm_usage("for and for_group name the focus twice; give one")
  if (is.null(`for`) && is.null(for_group) && !is.null(role))
    .cm_usage("role goes with for = ORG or for_group = \"ATTR=VALUE\"")
  focus <- if (is.null(`for`)) NULL else paste(`for`, collapse = ",")
  .Call(cmr_gaps, .cm_ptr(L)$ptr,
        list(focus, for_group, group_by, as.character(targets), include_targets, role,
             as.character(type), as.character(region), as.character(exclude_stance),
             as.character(need_skills), as.character(need_types), as.character(need_regions), top,
             if (is.null(weights)) NULL else as.double(weights) |> stats::setNames(names(weights))))
}

cm_path <- function(L, from, to, k = 3) .Call(cmr_path, .cm_ptr(L)$ptr, from, to, k)

cm_stakeholders <- function(L, focus = NULL, targets = NULL, camps = FALSE, top = 0)
  .Call(cmr_stakeholders, .cm_ptr(L)$ptr, as.character(focus), as.character(targets), camps, top)

cm_describe <- function(metric = NULL) {
  reg <- .Call(cmr_metric_info)
  if (is.null(metric)) return(reg)
  row <- reg[tolower(reg$name) == tolower(metric), ]
  if (!nrow(row)) .cm_usage("no metric '%s' (known: %s)", metric, paste(reg$name, collapse = ", "))
  as.list(row)
}

## ---- files out

# Writes bytes to file whole or not at all: a temporary file beside it,
# then renamed.
.cm_write_bytes <- function(bytes, file) {
  tmp <- paste0(file, ".tmp", Sys.getpid())
  con <- file(tmp, "wb")
  ok <- FALSE
  on.exit(if (!ok) unlink(tmp))
  writeBin(bytes, con)
  close(con)
  if (!file.rename(tmp, file))
    stop(.cm_condition(-6, "cannot write", file))
  ok <- TRUE
  invisible(file)
}

.cm_map_args <- function(format, layout, color_by, size_by, labels, title, legend, ego, radius, aggregate,
                         dpi, name, highlight_gaps, gaps_top)
  list(format, layout, color_by, size_by, labels, title, !legend, ego, radius, aggregate, dpi, name,
       highlight_gaps, gaps_top)

.cm_name <- function(L) {
  if (L$source == "data frames") return(NULL)
  sub("\\.[^./]*$", "", basename(sub("/+$", "", L$source)))
}

cm_map_svg <- function(L, layout = NULL, color_by = NULL, size_by = NULL, labels = "auto", title = NULL,
                       legend = TRUE, ego = NULL, radius = 0, aggregate = NULL, highlight_gaps = NULL,
                       gaps_top = 0, format = "svg", dpi = 0) {
  r <- .Call(cmr_map, .cm_ptr(L)$ptr,
             .cm_map_args(format, layout, color_by, size_by, labels, title, legend, ego, radius, aggregate,
                          dpi, .cm_name(L), highlight_gaps, gaps_top))
  if (format %in% c("svg", "dot")) rawToChar(r) else r
}

cm_map <- function(L, file, format = NULL, ...) {
  if (is.null(format)) format <- tolower(tools::file_ext(file))
  if (!format %in% c("svg", "png", "pdf", "dot"))
    .cm_usage("file: a map is .svg, .png, .pdf or .dot (or give format), not '%s'", file)
  r <- cm_map_svg(L, format = format, ...)
  .cm_write_bytes(if (is.raw(r)) r else charToRaw(r), file)
}

cm_report <- function(L, file, `for` = NULL, group_by = NULL, targets = NULL, key_players = 5, top = 0,
                      title = NULL, format = NULL, missing = 0, resamples = 100) {
  if (is.null(format)) format <- tolower(tools::file_ext(file))
  if (format == "htm") format <- "html"
  if (format == "markdown") format <- "md"
  if (!format %in% c("html", "md"))
    .cm_usage("file: a report is .html or .md (or give format), not '%s'", file)
  r <- .Call(cmr_report, .cm_ptr(L)$ptr,
             list(format, `for`, group_by, as.character(targets), key_players, top, title, .cm_name(L),
                  if (format == "md") file else NULL, as.numeric(missing), resamples))
  # a Markdown report's figures beside it, before it (as the command writes them)
  for (f in names(r[[2]])) .cm_write_bytes(r[[2]][[f]], f)
  .cm_write_bytes(r[[1]], file)
}

## ---- the network out

.cm_export <- function(L) {
  r <- .Call(cmr_export, .cm_ptr(L)$ptr)
  r[[2]]$directed <- r[[2]]$directed == "true"
  names(r) <- c("orgs", "ties")
  r
}

as_igraph <- function(L) {
  if (!requireNamespace("igraph", quietly = TRUE))
    .cm_usage("as_igraph needs the igraph package (Debian: r-cran-igraph)")
  x <- .cm_export(L)
  v <- x$orgs
  names(v)[names(v) == "name"] <- "label"
  names(v)[names(v) == "id"] <- "name"
  igraph::graph_from_data_frame(x$ties, directed = any(x$ties$directed), vertices = v)
}
