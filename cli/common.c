/* common.c - landscape loading, the progress display and error reporting
 * shared by the commands. */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <sys/stat.h>

#include "cli.h"

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

/* "1-4, 7, 9-10": the certain ranks of a bound's top k. */
static void rank_list(const struct cm_bound_info *b, char *buf, size_t n)
{
	size_t i = 0, w = 0;

	buf[0] = '\0';
	while (i < b->top_k && w + 1 < n) {
		size_t j = i;
		if (!b->certain[i]) {
			i++;
			continue;
		}
		while (j + 1 < b->top_k && b->certain[j + 1])
			j++;
		w += (size_t)snprintf(buf + w, n - w, j > i ? "%s%zu-%zu" : "%s%zu", w ? ", " : "", i + 1, j + 1);
		i = j + 1;
	}
}

void cli_note_estimates(const struct cm_table *t, const struct cm_analysis *a)
{
	const struct cm_landscape *l = cm_analysis_landscape(a);
	const struct cm_filter *f = cm_analysis_filter(a);
	struct cm_bound_info b;
	size_t k = cm_path_samples(l, f), r;
	int mcol = cm_table_find(t, "measure"), se = cm_table_find(t, "betweenness_se") >= 0, estimated = se;
	int bounded = cm_analysis_bound(a, &b) == CM_OK;
	char ranks[256];

	/* findings tables say so in a path_sources row */
	for (r = 0; mcol >= 0 && r < t->nrows && !estimated; r++)
		estimated = !t->cols[mcol].null[r] && !strcmp(t->cols[mcol].text[r], "path_sources");
	cli_progress_end();
	if (bounded) {
		fprintf(stderr, "%s: note: betweenness is estimated from %zu random shortest paths%s: every org's "
			"betweenness_norm is within %g of its exact value with probability at least %g %%%s\n",
			cli_progname, b.samples, b.capped ? " (all the bound could need)" : "", b.epsilon,
			100 * (1 - b.delta),
			cm_table_find(t, "betweenness_low") >= 0 ? " (the interval: betweenness_low, betweenness_high)" : "");
		if (b.top_k) {
			rank_list(&b, ranks, sizeof(ranks));
			if (b.certified == b.top_k)
				fprintf(stderr, "%s: note: the order of the top %zu by betweenness is certain\n", cli_progname,
					b.top_k);
			else
				fprintf(stderr, "%s: note: of the top %zu by betweenness, %s%s%s; %s intervals overlap "
					"(equal, or too close to tell at --epsilon %g)\n", cli_progname, b.top_k,
					!b.certified ? "no rank is certain" : b.certified == 1 ? "rank " : "ranks ", ranks,
					!b.certified ? "" : b.certified == 1 ? " is certain" : " are certain",
					b.certified ? "the others'" : "their", b.epsilon);
		}
	}
	if (cm_analysis_why_empty(a, CM_M_EIGENVECTOR))
		fprintf(stderr, "%s: note: %s\n", cli_progname, cm_analysis_why_empty(a, CM_M_EIGENVECTOR));
	if (cm_analysis_why_empty(a, CM_M_CP_CORENESS))
		fprintf(stderr, "%s: note: %s\n", cli_progname, cm_analysis_why_empty(a, CM_M_CP_CORENESS));
	if (k && estimated)
		fprintf(stderr, "%s: note: %s estimated from %zu of %zu sources%s; --exact computes %s exactly\n",
			cli_progname, bounded ? "harmonic closeness is" : "betweenness and harmonic closeness are", k,
			cm_landscape_norgs(l), se ? (bounded ? " (standard errors in harmonic_se)" :
							 " (standard errors in betweenness_se, harmonic_se)") : "",
			bounded ? "it" : "them");
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
	if (cli_choice_find(cli_format_choices, dot + 1, &c->format) < 0)
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

const char *cli_severity_word(enum cm_severity s)
{
	return s == CM_WARNING ? "warning: " : s == CM_NOTE ? "note: " : "";
}

/* " (180 rows: lines 12, 15, 19, 22, 40 and 175 more)" for a message that
 * occurs more than once; nothing for one that occurs once. */
static void print_rows(const struct cm_diag *g)
{
	size_t i, shown = g->count < CM_DIAG_LINES ? g->count : CM_DIAG_LINES;

	if (g->count < 2)
		return;
	if (g->where.line <= 0) {
		fprintf(stderr, " (%zu times)", g->count);
		return;
	}
	fprintf(stderr, " (%zu rows: lines ", g->count);
	for (i = 0; i < shown; i++)
		fprintf(stderr, "%s%ld", !i ? "" : i + 1 == shown && shown == g->count ? " and " : ", ", g->lines[i]);
	if (g->count > shown)
		fprintf(stderr, " and %zu more", g->count - shown);
	fputc(')', stderr);
}

void cli_print_diags(const struct cm_diags *d)
{
	size_t i, shown = 0;

	for (i = 0; i < d->n; i++) {
		const struct cm_diag *g = &d->v[i];
		fprintf(stderr, "%s: ", cli_progname);
		print_location(&g->where);
		fprintf(stderr, "%s%s", cli_severity_word(g->severity), g->where.message);
		print_rows(g);
		fprintf(stderr, "%s%s\n", g->hint[0] ? "; " : "", g->hint);
		if (g->severity != CM_NOTE)
			shown += g->count;
	}
	if (d->n_errors + d->n_warnings > shown)
		fprintf(stderr, "%s: ... and %zu more problems not shown\n", cli_progname,
			d->n_errors + d->n_warnings - shown);
}

int cli_load(const char *dir, const struct cm_load_opts *opts, struct cm_landscape **l)
{
	return cli_load_then(dir, opts, l, "nothing written");
}

int cli_load_then(const char *dir, const struct cm_load_opts *opts, struct cm_landscape **l, const char *then)
{
	struct cm_diags d;
	struct cm_error err;
	int rc, resume = 0;

	cm_diags_init(&d);
	cm_error_clear(&err);
	rc = cm_landscape_open(l, dir, opts, &d, &err);
	if (d.n) { /* messages: the progress line goes, and comes back after */
		cli_progress_end();
		resume = progress.enabled;
	}
	cli_print_diags(&d);
	if (rc < 0) {
		if (rc == CM_EDATA && d.n_errors)
			fprintf(stderr, "%s: %s: %zu error%s; %s\n", cli_progname, dir, d.n_errors,
				d.n_errors == 1 ? "" : "s", then);
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

int cli_finish(const struct cm_table *t, const struct cli_common *c, const struct cm_analysis *a)
{
	const struct cm_landscape *l = cm_analysis_landscape(a);
	const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };

	cli_note_estimates(t, a);
	return cli_emit(t, c, inputs);
}

int cli_missing_shares(const char *cmd, const struct cli_list *missing, double *shares)
{
	size_t i;

	if (missing->n > CLI_MAX_SHARES)
		return cli_usage_error(cmd, "--missing: at most %d shares", CLI_MAX_SHARES);
	for (i = 0; i < missing->n; i++) {
		char *end;
		shares[i] = strtod(missing->v[i], &end);
		if (end == missing->v[i] || *end || !(shares[i] >= 0 && shares[i] < 1))
			return cli_usage_error(cmd, "--missing: '%s' is not a share from 0 to below 1 (0.1 is 10 %%)",
					       missing->v[i]);
	}
	return 0;
}

const char *cli_chart_format(const char *path)
{
	static const char *const ok[] = { "png", "svg", "pdf" };
	const char *dot = path ? strrchr(path, '.') : NULL;
	size_t k;

	for (k = 0; dot && k < 3; k++)
		if (!strcasecmp(dot + 1, ok[k]))
			return ok[k];
	return NULL;
}

/* The default title: the landscape folder's own name, as written
 * ("eies-t1", "RyanAir", not "Eies t1"), the landscape data holding no name
 * of its own; "." and ".." name the folder they stand for; a landscape
 * file gives its name without the extension. */
const char *cli_folder_title(const char *dir, char *buf, size_t n)
{
	char *s, *real = NULL;
	size_t len = strlen(dir);

	while (len > 1 && dir[len - 1] == '/')
		len--;
	snprintf(buf, n, "%.*s", (int)len, dir);
	s = strrchr(buf, '/');
	s = s && s[1] ? s + 1 : buf;
	if ((!strcmp(s, ".") || !strcmp(s, "..")) && (real = realpath(dir, NULL))) {
		const char *r = strrchr(real, '/');
		snprintf(buf, n, "%s", r && r[1] ? r + 1 : real);
		s = buf;
	}
	free(real);
	{ /* a landscape file: its name without the extension ("ties.csv": "ties") */
		struct stat st;
		char *dot = strrchr(s, '.');
		if (dot && dot != s && stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
			*dot = '\0';
	}
	return s;
}

/* ---- sharing (docs/sharing.md) */

int cli_share_start(struct cli_common *c)
{
	struct cm_share *s = &c->share;
	struct cm_error err;
	struct cm_diags d;
	struct stat st;
	int rc;

	s->anonymise = (const char *const *)c->anonymise.v;
	s->nanonymise = c->anonymise.n;
	s->anonymise_drop = (const char *const *)c->anonymise_drop.v;
	s->nanonymise_drop = c->anonymise_drop.n;
	s->drop = (const char *const *)c->drop.v;
	s->ndrop = c->drop.n;
	s->include_sensitive = c->include_sensitive;
	c->load.share = s;
	/* one key for every landscape the command reads (diff's two agree) */
	if (!(s->key = cm_pseudonyms_new())) {
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		return 70;
	}
	if (!c->key)
		return 0;
	if (stat(c->key, &st) < 0) { /* a new key */
		c->key_new = 1;
		return 0;
	}
	cm_diags_init(&d);
	cm_error_clear(&err);
	rc = cm_pseudonyms_read(s->key, c->key, &d, &err);
	cli_print_diags(&d);
	cm_diags_release(&d);
	return rc < 0 ? cli_fail(&err) : 0;
}

int cli_share_finish(struct cli_common *c, int rc)
{
	struct cm_table t;
	struct cm_error err;
	struct cli_out o;
	int wrc;

	if (!c->share.key)
		return rc;
	if (!rc && c->key && (c->key_new || cm_pseudonyms_changed(c->share.key))) {
		cm_error_clear(&err);
		if (cm_pseudonyms_table(c->share.key, &t, &err) < 0)
			rc = cli_fail(&err);
		else {
			if (!(wrc = cli_out_open(&o, c->key, NULL))) {
				o.private = 1;
				if (cli_write_csv_exact(&t, o.f) < 0) {
					cli_out_abort(&o);
					fprintf(stderr, "%s: %s: cannot write\n", cli_progname, c->key);
					wrc = 73;
				} else
					wrc = cli_out_commit(&o);
			}
			rc = wrc;
			cm_table_release(&t);
		}
		if (!rc && !c->quiet)
			fprintf(stderr, "%s: %s: note: the pseudonym key (keep it private: it names who is who)\n",
				cli_progname, c->key);
	}
	cm_pseudonyms_free(c->share.key);
	c->share.key = NULL;
	return rc;
}
