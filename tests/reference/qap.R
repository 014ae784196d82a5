# qap.R - the reference for tests/cli/qap.sh: reads a landscape's CSV files
# itself (not coalmap's output), builds each term's matrix and runs
# sna::gcor + sna::qaptest (one x) or sna::netlm with nullhyp "qapspp"
# (several), mode "digraph".  Prints one CSV row per term.
# usage: Rscript qap.R DIR REPS SEED Y X [X...]
suppressMessages(library(sna))
a <- commandArgs(trailingOnly = TRUE)
dir <- a[1]; reps <- as.integer(a[2]); set.seed(as.integer(a[3])); yt <- a[4]; xt <- a[5:length(a)]
orgs <- read.csv(file.path(dir, "organizations.csv"), colClasses = "character", na.strings = NULL)
ties <- read.csv(file.path(dir, "relationships.csv"), colClasses = "character", na.strings = NULL)
names(orgs) <- tolower(names(orgs))
directed_types <- c("funding", "information", "membership", "access", "distribution")
num <- function(v) suppressWarnings(as.numeric(v))
# orgs without a number for a diff: term are left out
keep <- rep(TRUE, nrow(orgs))
for (t in c(yt, xt)) if (startsWith(t, "diff:")) keep <- keep & !is.na(num(orgs[[sub("diff:", "", t)]]))
orgs <- orgs[keep, ]
n <- nrow(orgs)
term <- function(t) {
	m <- matrix(0, n, n)
	if (startsWith(t, "same:")) {
		v <- orgs[[sub("same:", "", t)]]
		m <- outer(v, v, function(a, b) as.numeric(a == b & a != ""))
	} else if (startsWith(t, "diff:")) {
		v <- num(orgs[[sub("diff:", "", t)]])
		m <- abs(outer(v, v, "-"))
	} else {
		parts <- strsplit(t, ":")[[1]]
		type <- parts[1]; value <- if (length(parts) > 1) parts[2] else "tie"
		for (k in seq_len(nrow(ties))) {
			if (tolower(ties$type[k]) != type) next
			s <- match(ties$source[k], orgs$id); d <- match(ties$target[k], orgs$id)
			if (is.na(s) || is.na(d) || s == d) next
			dirv <- if (is.null(ties$directed)) "" else tolower(ties$directed[k])
			dirct <- if (dirv %in% c("true", "yes", "1")) TRUE else if (dirv %in% c("false", "no", "0")) FALSE else type %in% directed_types
			w <- if (value == "tie") 1 else num(ties[[value]][k])
			if (is.na(w)) w <- 0
			if (value == "tie") { m[s, d] <- 1; if (!dirct) m[d, s] <- 1 }
			else { m[s, d] <- m[s, d] + w; if (!dirct) m[d, s] <- m[d, s] + w }
		}
	}
	diag(m) <- 0
	m
}
y <- term(yt)
xs <- lapply(xt, term)
q <- function(d) quantile(d, c(0.025, 0.975), names = FALSE)
f <- function(v) paste(sapply(v, format, digits = 17), collapse = ",")
if (length(xs) == 1) {
	r <- gcor(y, xs[[1]])
	qt <- qaptest(list(y, xs[[1]]), gcor, g1 = 1, g2 = 2, reps = reps)
	cat("term,n,r,p_ge,p_le,p_two_sided,null_mean,null_low,null_high\n")
	cat(xt, n * (n - 1), f(r), qt$pgreq, qt$pleeq, mean(abs(qt$dist) >= abs(qt$testval)), f(mean(qt$dist)),
	    f(q(qt$dist)), sep = ",")
	cat("\n")
} else {
	fit <- netlm(y, xs, nullhyp = "qapspp", reps = reps)
	yv <- fit$fitted.values + fit$residuals
	r2 <- 1 - sum(fit$residuals^2) / sum((yv - mean(yv))^2)
	adj <- 1 - (1 - r2) * (fit$n - 1) / fit$df.residual
	cat("term,n,coefficient,t,p_two_sided,p_le,p_ge,null_mean,null_low,null_high,r2,adj_r2\n")
	nm <- c("(intercept)", xt)
	for (i in seq_along(nm)) {
		cat(nm[i], fit$n, f(fit$coefficients[i]), f(fit$tstat[i]), fit$pgreqabs[i], fit$pleeq[i], fit$pgreq[i],
		    f(mean(fit$dist[, i])), f(q(fit$dist[, i])), f(r2), f(adj), sep = ",")
		cat("\n")
	}
}
