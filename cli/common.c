/* common.c - option handling, landscape loading and error reporting
 * shared by the commands. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

void cli_common_init(struct cli_common *c)
{
	memset(c, 0, sizeof(*c));
	c->format = FMT_TABLE;
}

void cli_common_release(struct cli_common *c)
{
	size_t i;

	for (i = 0; i < c->filter.ntypes; i++)
		free(c->types[i]);
	free(c->types);
	memset(c, 0, sizeof(*c));
}

int cli_parse_long(const char *s, long lo, long hi, long *v)
{
	char *end;
	long x;

	errno = 0;
	x = strtol(s, &end, 10);
	if (errno || end == s || *end || x < lo || x > hi)
		return -1;
	*v = x;
	return 0;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_progname);
	if (cmd)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 64;
}

static int parse_format(const char *s, enum cli_format *f)
{
	static const struct { const char *name; enum cli_format f; } fmts[] = {
		{ "table", FMT_TABLE }, { "csv", FMT_CSV }, { "json", FMT_JSON }, { "md", FMT_MD },
		{ "markdown", FMT_MD }, { "html", FMT_HTML }, { "htm", FMT_HTML },
	};
	size_t i;

	for (i = 0; i < sizeof(fmts) / sizeof(*fmts); i++)
		if (strcmp(s, fmts[i].name) == 0) {
			*f = fmts[i].f;
			return 0;
		}
	return -1;
}

int cli_split_list(const char *arg, char ***items, size_t *n)
{
	const char *p = arg;

	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len) {
			char **v = realloc(*items, (*n + 1) * sizeof(*v));
			if (!v)
				return -1;
			*items = v;
			if (!(v[*n] = strndup(p, len)))
				return -1;
			(*n)++;
		}
		p += len + (e != NULL);
	}
	return *n ? 0 : -1;
}

int cli_common_option(struct cli_common *c, int opt, const char *arg)
{
	switch (opt) {
	case 'T':
		if (cli_split_list(arg, &c->types, &c->filter.ntypes) < 0)
			return cli_usage_error(NULL, "--types needs a comma-separated list of tie types"), -1;
		c->filter.types = (const char *const *)c->types;
		return 1;
	case 'A':
		if (cm_date_parse(arg, 0, 0, &c->filter.at) < 0)
			return cli_usage_error(NULL, "--at '%s' is not a date (YYYY-MM-DD)", arg), -1;
		c->filter.has_at = 1;
		return 1;
	case 'W':
		c->filter.weighted = 1;
		return 1;
	case 'S':
		c->load.strict = 1;
		return 1;
	case 'J':
	case 'K': {
		char *end;
		unsigned long long v;
		errno = 0;
		v = strtoull(arg, &end, 10);
		if (errno || *end || !*arg || *arg == '-' || v == 0 || v > 1000000000ull)
			return cli_usage_error(NULL, "--%s needs a positive whole number, not '%s'",
					       opt == 'J' ? "threads" : "samples", arg), -1;
		if (opt == 'J')
			c->filter.threads = (size_t)v;
		else
			c->filter.samples = (size_t)v;
		return 1;
	}
	case 'E':
		c->filter.exact = 1;
		return 1;
	case 'L': {
		char *end;
		double v;
		errno = 0;
		v = strtod(arg, &end);
		if (errno || *end || !(v > 0) || v > 1e7)
			return cli_usage_error(NULL, "--time-limit needs a number of seconds, not '%s'", arg), -1;
		cm_set_time_limit(v);
		return 1;
	}
	case 'q':
		c->quiet = 1;
		return 1;
	case 'f':
		if (parse_format(arg, &c->format) < 0)
			return cli_usage_error(NULL, "unknown format '%s' (table, csv, json, md, html)", arg), -1;
		c->format_set = 1;
		return 1;
	case 'o':
		c->output = arg;
		return 1;
	}
	return 0;
}

void cli_note_estimates(const struct cm_table *t, const struct cm_landscape *l, const struct cm_filter *f)
{
	size_t k = cm_path_samples(l, f), r;
	int mcol = cm_table_find(t, "measure"), se = cm_table_find(t, "betweenness_se") >= 0, estimated = se;

	/* findings tables say so in a path_sources row */
	for (r = 0; mcol >= 0 && r < t->nrows && !estimated; r++)
		estimated = !t->cols[mcol].null[r] && !strcmp(t->cols[mcol].text[r], "path_sources");
	cli_progress_end();
	if (k && estimated)
		fprintf(stderr, "%s: note: betweenness and harmonic closeness are estimated from %zu of %zu "
			"sources%s; --exact computes them exactly\n", cli_progname, k, cm_landscape_norgs(l),
			se ? " (standard errors in betweenness_se, harmonic_se)" : "");
}

/* Progress on a terminal: a thread of the CLI's own redraws one line of
 * stderr every half second, once the command has run for two seconds,
 * from what the engine reports (cm_progress_get): the stage, and the
 * percent done and time left where the engine knows them, else the time
 * the stage has taken.  The engine's threads are busy computing (often
 * inside one long library call), so they cannot draw it themselves. */
struct progress {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct timespec begun;    /* display start (the command's) */
	struct timespec stage_at; /* when the current stage began */
	const char *stage;
	double after;             /* seconds before the line appears */
	int enabled, running, stop, shown;
};

static struct progress progress = { .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER };

static double since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void draw(void)
{
	const char *stage;
	double done, el;

	cm_progress_get(&stage, &done);
	if (!stage)
		return;
	if (stage != progress.stage) {
		progress.stage = stage;
		clock_gettime(CLOCK_MONOTONIC, &progress.stage_at);
	}
	if (since(&progress.begun) < progress.after)
		return;
	el = since(&progress.stage_at);
	if (done > 0.01 && done < 1)
		fprintf(stderr, "\r\033[K%s: %s %3.0f %%, about %.0f s left", cli_progname, stage, 100 * done,
			el * (1 - done) / done);
	else
		fprintf(stderr, "\r\033[K%s: %s ... %.0f s", cli_progname, stage, el);
	fflush(stderr);
	progress.shown = 1;
}

static void *progress_main(void *arg)
{
	struct timespec at;

	(void)arg;
	pthread_mutex_lock(&progress.lock);
	while (!progress.stop) {
		clock_gettime(CLOCK_REALTIME, &at);
		at.tv_nsec += 500000000L;
		if (at.tv_nsec >= 1000000000L) {
			at.tv_sec++;
			at.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&progress.wake, &progress.lock, &at);
		if (!progress.stop)
			draw();
	}
	pthread_mutex_unlock(&progress.lock);
	return NULL;
}

/* Starts the display (stderr a terminal, no --quiet). */
static void progress_start(void)
{
	if (progress.running)
		return;
	if (!progress.begun.tv_sec)
		clock_gettime(CLOCK_MONOTONIC, &progress.begun);
	progress.stop = 0;
	progress.running = pthread_create(&progress.thread, NULL, progress_main, NULL) == 0;
}

void cli_progress_end(void)
{
	if (!progress.running)
		return;
	pthread_mutex_lock(&progress.lock);
	progress.stop = 1;
	pthread_cond_signal(&progress.wake);
	pthread_mutex_unlock(&progress.lock);
	pthread_join(progress.thread, NULL);
	progress.running = 0;
	if (progress.shown)
		fprintf(stderr, "\r\033[K");
	progress.shown = 0;
}

void cli_common_finish(struct cli_common *c)
{
	if (!c->quiet && isatty(STDERR_FILENO)) {
		const char *after = getenv("COALMAP_PROGRESS_AFTER");
		char *end;
		progress.after = 2;
		if (after && *after) {
			double x = strtod(after, &end);
			if (!*end && x >= 0 && x < 1e6)
				progress.after = x;
		}
		progress.enabled = 1;
		progress_start();
	}
	const char *dot;

	if (c->format_set || !c->output || !(dot = strrchr(c->output, '.')))
		return;
	if (parse_format(dot + 1, &c->format) < 0)
		c->format = FMT_TABLE;
}

static void print_location(const struct cm_error *e)
{
	if (e->file[0] && e->line > 0 && e->col > 0)
		fprintf(stderr, "%s:%ld:%ld: ", e->file, e->line, e->col);
	else if (e->file[0] && e->line > 0)
		fprintf(stderr, "%s:%ld: ", e->file, e->line);
	else if (e->file[0])
		fprintf(stderr, "%s: ", e->file);
}

int cli_fail(const struct cm_error *err)
{
	cli_progress_end();
	fprintf(stderr, "%s: ", cli_progname);
	print_location(err);
	fprintf(stderr, "%s\n", err->message[0] ? err->message : cm_status_str(err->code));
	return cm_status_exit_code(err->code ? err->code : CM_EINTERNAL);
}

int cli_load(const char *dir, const struct cli_common *c, struct cm_landscape **l)
{
	struct cm_diags d;
	struct cm_error err;
	size_t i, shown;
	int rc, resume = 0;

	cm_diags_init(&d);
	cm_error_clear(&err);
	rc = cm_landscape_load(l, dir, &c->load, &d, &err);
	if (d.n) { /* messages: the progress line goes, and comes back after */
		cli_progress_end();
		resume = progress.enabled;
	}
	for (i = 0; i < d.n; i++) {
		fprintf(stderr, "%s: ", cli_progname);
		print_location(&d.v[i].where);
		fprintf(stderr, "%s%s\n", d.v[i].severity == CM_WARNING ? "warning: " : "", d.v[i].where.message);
	}
	shown = d.n;
	if (d.n_errors + d.n_warnings > shown)
		fprintf(stderr, "%s: ... and %zu more problems not shown\n", cli_progname,
			d.n_errors + d.n_warnings - shown);
	if (rc < 0) {
		if (rc == CM_EDATA)
			fprintf(stderr, "%s: %s: %zu error%s; nothing written\n", cli_progname, dir, d.n_errors,
				d.n_errors == 1 ? "" : "s");
		else
			cli_fail(&err);
		cm_diags_release(&d);
		return cm_status_exit_code(rc);
	}
	cm_diags_release(&d);
	if (resume)
		progress_start();
	return 0;
}

int cli_begin(const char *cmd, int argc, char **argv, int nargs, struct cli_common *c,
	      struct cm_landscape **l)
{
	if (optind + nargs != argc)
		return cli_usage_error(cmd, "expected %s; see 'coalmap %s --help'",
				       nargs == 1 ? "one LANDSCAPE folder" : "LANDSCAPE and its arguments", cmd);
	cli_common_finish(c);
	return cli_load(argv[optind], c, l);
}

int cli_finish(const struct cm_table *t, const struct cli_common *c, const struct cm_landscape *l)
{
	const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };

	cli_note_estimates(t, l, &c->filter);
	return cli_emit(t, c, inputs);
}

/* A title from a landscape folder's name: "datasets/education-coalition/"
 * gives "Education coalition".  Returns a pointer into buf. */
const char *cli_folder_title(const char *dir, char *buf, size_t n)
{
	size_t len = strlen(dir);
	char *s, *p;

	while (len > 1 && dir[len - 1] == '/')
		len--;
	snprintf(buf, n, "%.*s", (int)len, dir);
	s = strrchr(buf, '/');
	s = s && s[1] ? s + 1 : buf;
	for (p = s; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	if (*s >= 'a' && *s <= 'z')
		*s = (char)(*s - 'a' + 'A');
	return s;
}
