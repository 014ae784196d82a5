/*
 * coalmap.c - the R package's .Call entry points over libcoalmap.
 *
 * A landscape is an external pointer to struct rland: the loaded landscape
 * and its analysis context (one per landscape and filter, so metrics,
 * power, gaps, the map and the report computed on it never compute a
 * measure twice), freed by a finalizer.  Every analysis fills a struct
 * cm_table that one converter (table_to_df) turns into a data.frame.
 *
 * Engine calls run on a worker thread while the R thread polls
 * R_CheckUserInterrupt every 100 ms (inside R_ToplevelExec, so its
 * longjmp lands here); on an interrupt it calls cm_interrupt, waits for
 * the engine to stop, frees what the call holds and only then signals
 * R's interrupt.  Only one engine call runs at a time (R is blocked in
 * the poll), as the engine, not thread-safe, needs.  Engine failures are
 * signalled by the R function .cm_stop as classed conditions.
 */
#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>
#include <Rinterface.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coalmap.h"
#include "map.h"

struct rland {
	struct cm_landscape *l;
	struct cm_analysis *a;
	char *types;          /* the filter's tie types, "\0"-separated */
	const char **typev;
};

/* ---- conditions */

/* Signals the engine's error as an R condition (.cm_stop in R/coalmap.R);
 * does not return.  Everything the caller held must be freed already. */
static void stop_with(const struct cm_error *err, const char *hint, int interrupted)
{
	SEXP ns, call, args[5];

	if (interrupted) {
		Rf_onintr();
		Rf_error("interrupted"); /* when interrupts are suspended */
	}
	ns = PROTECT(R_FindNamespace(Rf_mkString("coalmap")));
	args[0] = PROTECT(Rf_ScalarInteger(err->code));
	args[1] = PROTECT(Rf_ScalarString(Rf_mkCharCE(err->message, CE_UTF8)));
	args[2] = PROTECT(Rf_ScalarString(Rf_mkCharCE(err->file, CE_UTF8)));
	args[3] = PROTECT(Rf_ScalarReal((double)err->line));
	args[4] = PROTECT(Rf_ScalarString(Rf_mkCharCE(hint ? hint : "", CE_UTF8)));
	call = PROTECT(Rf_lang6(Rf_install(".cm_stop"), args[0], args[1], args[2], args[3], args[4]));
	Rf_eval(call, ns);
	UNPROTECT(7);
	Rf_error("%s", err->message); /* not reached: .cm_stop signals */
}

/* ---- running the engine off the R thread */

struct job {
	int (*fn)(void *);
	void *arg;
	int rc, done;
	pthread_mutex_t m;
	pthread_cond_t c;
};

static void *job_main(void *p)
{
	struct job *j = p;
	int rc = j->fn(j->arg);

	pthread_mutex_lock(&j->m);
	j->rc = rc;
	j->done = 1;
	pthread_cond_signal(&j->c);
	pthread_mutex_unlock(&j->m);
	return NULL;
}

static void check_interrupt(void *unused)
{
	(void)unused;
	R_CheckUserInterrupt();
}

/* Runs fn(arg) on a worker thread, polling for the user's interrupt; sets
 * *interrupted when there was one.  Returns fn's status. */
static int run_engine(int (*fn)(void *), void *arg, int *interrupted, struct cm_error *err)
{
	/* R runs event handlers while it checks for interrupts: one of them
	 * calling coalmap would run the engine twice at once */
	static int busy;
	struct job j = { fn, arg, 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
	pthread_t t;
	pthread_attr_t at;
	int e;

	*interrupted = 0;
	if (busy)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "coalmap is running an analysis already (called from an event handler?)");
	cm_set_time_limit(0); /* clears an earlier interrupt */
	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, (size_t)64 << 20);
	e = pthread_create(&t, &at, job_main, &j);
	pthread_attr_destroy(&at);
	if (e)
		return cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "cannot start a thread: %s", strerror(e));
	busy = 1;
	pthread_mutex_lock(&j.m);
	while (!j.done) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&j.c, &j.m, &ts);
		if (j.done || *interrupted)
			continue;
		pthread_mutex_unlock(&j.m);
		if (!R_ToplevelExec(check_interrupt, NULL)) {
			*interrupted = 1;
			cm_interrupt();
		}
		pthread_mutex_lock(&j.m);
	}
	pthread_mutex_unlock(&j.m);
	pthread_join(t, NULL);
	busy = 0;
	return j.rc;
}

/* ---- the one converter: struct cm_table -> data.frame */

static SEXP table_to_df(const struct cm_table *t)
{
	SEXP df = PROTECT(Rf_allocVector(VECSXP, (R_xlen_t)t->ncols));
	SEXP names = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)t->ncols));
	SEXP rn = PROTECT(Rf_allocVector(INTSXP, 2));
	size_t j, r, n = t->nrows;

	for (j = 0; j < t->ncols; j++) {
		const struct cm_column *c = &t->cols[j];
		SEXP v;
		int fits = 1;
		SET_STRING_ELT(names, (R_xlen_t)j, Rf_mkCharCE(c->name, CE_UTF8));
		if (c->kind == CM_INT)
			for (r = 0; r < n && fits; r++)
				fits = c->null[r] || (c->ints[r] > -2147483647LL && c->ints[r] <= 2147483647LL);
		if (c->kind == CM_TEXT) {
			v = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
			for (r = 0; r < n; r++)
				SET_STRING_ELT(v, (R_xlen_t)r, c->null[r] || !c->text[r] ? NA_STRING
								: Rf_mkCharCE(c->text[r], CE_UTF8));
		} else if (c->kind == CM_INT && fits) {
			int *p;
			v = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)n));
			p = INTEGER(v);
			for (r = 0; r < n; r++)
				p[r] = c->null[r] ? NA_INTEGER : (int)c->ints[r];
		} else {
			double *p;
			v = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
			p = REAL(v);
			for (r = 0; r < n; r++)
				p[r] = c->null[r] ? NA_REAL : c->kind == CM_INT ? (double)c->ints[r] : c->reals[r];
		}
		SET_VECTOR_ELT(df, (R_xlen_t)j, v);
		UNPROTECT(1);
	}
	INTEGER(rn)[0] = NA_INTEGER;
	INTEGER(rn)[1] = -(int)n;
	Rf_setAttrib(df, R_NamesSymbol, names);
	Rf_setAttrib(df, R_RowNamesSymbol, rn);
	Rf_setAttrib(df, R_ClassSymbol, Rf_mkString("data.frame"));
	UNPROTECT(3);
	return df;
}

/* ---- arguments */

/* A string argument: NULL for R's NULL, NA or "". */
static const char *opt_str(SEXP s)
{
	if (Rf_isNull(s) || !Rf_isString(s) || XLENGTH(s) < 1 || STRING_ELT(s, 0) == NA_STRING)
		return NULL;
	return Rf_translateCharUTF8(STRING_ELT(s, 0));
}

/* A character vector as a cm_strlist, its array allocated with R_alloc
 * (freed by R at the end of the .Call). */
static struct cm_strlist opt_list(SEXP s)
{
	struct cm_strlist l = { NULL, 0 };
	const char **v;
	R_xlen_t i;

	if (Rf_isNull(s) || !Rf_isString(s) || XLENGTH(s) == 0)
		return l;
	v = (const char **)R_alloc((size_t)XLENGTH(s), sizeof(*v));
	for (i = 0; i < XLENGTH(s); i++)
		v[i] = Rf_translateCharUTF8(STRING_ELT(s, i));
	l.v = v;
	l.n = (size_t)XLENGTH(s);
	return l;
}

static size_t opt_size(SEXP s)
{
	double d = Rf_isNull(s) ? 0 : Rf_asReal(s);
	return ISNAN(d) || d < 0 ? 0 : (size_t)d;
}

/* ---- the landscape */

static void rland_free(struct rland *h)
{
	if (!h)
		return;
	cm_analysis_free(h->a);
	cm_landscape_free(h->l);
	free(h->types);
	free(h->typev);
	free(h);
}

static void rland_finalize(SEXP p)
{
	rland_free(R_ExternalPtrAddr(p));
	R_ClearExternalPtr(p);
}

static struct rland *rland_of(SEXP p)
{
	struct rland *h;

	if (TYPEOF(p) != EXTPTRSXP || R_ExternalPtrTag(p) != Rf_install("coalmap_landscape") ||
	    !(h = R_ExternalPtrAddr(p)))
		Rf_error("not a coalmap landscape (or one saved and restored: load it again)");
	return h;
}

struct load_job {
	const char *path;
	struct cm_load_opts opts;
	struct cm_filter filter;
	struct cm_diags diags;
	struct rland *h;
	struct cm_error err;
};

static int load_run(void *p)
{
	struct load_job *j = p;

	if (cm_landscape_open(&j->h->l, j->path, &j->opts, &j->diags, &j->err) < 0)
		return j->err.code ? j->err.code : CM_EINTERNAL;
	if (cm_analysis_new(&j->h->a, j->h->l, &j->filter, &j->err) < 0)
		return j->err.code ? j->err.code : CM_EINTERNAL;
	return 0;
}

/* The filter's tie types, copied into h (the filter is copied by the
 * context, the strings it points to are not). */
static int keep_types(struct rland *h, struct cm_strlist types, struct cm_filter *f)
{
	size_t i, len = 0;
	char *p;

	if (!types.n)
		return 0;
	for (i = 0; i < types.n; i++)
		len += strlen(types.v[i]) + 1;
	if (!(h->types = malloc(len)) || !(h->typev = malloc(types.n * sizeof(*h->typev))))
		return -1;
	for (i = 0, p = h->types; i < types.n; i++) {
		h->typev[i] = p;
		p = stpcpy(p, types.v[i]) + 1;
	}
	f->types = h->typev;
	f->ntypes = types.n;
	return 0;
}

/* The diagnostics as a data.frame (severity, file, line, message, hint,
 * count), for warnings and notes in R. */
static SEXP diags_df(const struct cm_diags *d)
{
	struct cm_table t;
	SEXP df;
	size_t i;

	cm_table_init(&t, d->n);
	cm_table_add_column(&t, "severity", CM_TEXT);
	cm_table_add_column(&t, "file", CM_TEXT);
	cm_table_add_column(&t, "line", CM_INT);
	cm_table_add_column(&t, "message", CM_TEXT);
	cm_table_add_column(&t, "hint", CM_TEXT);
	cm_table_add_column(&t, "count", CM_INT);
	if (t.ncols != 6) {
		cm_table_release(&t);
		Rf_error("out of memory");
	}
	for (i = 0; i < d->n; i++) {
		const struct cm_diag *g = &d->v[i];
		cm_table_set_text(&t, 0, i, g->severity == CM_ERROR ? "error" : g->severity == CM_WARNING ? "warning"
											  : "note");
		cm_table_set_text(&t, 1, i, g->where.file);
		cm_table_set_int(&t, 2, i, g->where.line);
		cm_table_set_text(&t, 3, i, g->where.message);
		cm_table_set_text(&t, 4, i, g->hint);
		cm_table_set_int(&t, 5, i, (long long)g->count);
	}
	df = table_to_df(&t);
	cm_table_release(&t);
	return df;
}

/* .Call("cmr_load", path, format, schema, strict, types, at, weighted,
 * exact, samples, threads, epsilon, delta, certify, sample_seed):
 * list(landscape, diagnostics). */
static SEXP cmr_load(SEXP path, SEXP format, SEXP schema, SEXP strict, SEXP types, SEXP at, SEXP weighted, SEXP exact,
	      SEXP samples, SEXP threads, SEXP epsilon, SEXP delta, SEXP certify, SEXP sample_seed)
{
	struct load_job j;
	SEXP ptr, out, diags;
	int rc, intr;
	const char *day = opt_str(at);

	memset(&j, 0, sizeof(j));
	cm_error_clear(&j.err);
	cm_diags_init(&j.diags);
	j.path = opt_str(path);
	j.opts.format = opt_str(format);
	j.opts.schema = Rf_isNull(schema) ? NULL : Rf_translateCharUTF8(STRING_ELT(schema, 0));
	j.opts.strict = Rf_asLogical(strict) == 1;
	j.filter.weighted = Rf_asLogical(weighted) == 1;
	j.filter.exact = Rf_asLogical(exact) == 1;
	j.filter.samples = opt_size(samples);
	j.filter.threads = opt_size(threads);
	j.filter.epsilon = Rf_asReal(epsilon);
	j.filter.delta = Rf_asReal(delta);
	j.filter.certify = opt_size(certify);
	j.filter.seed = (uint64_t)opt_size(sample_seed);
	if (!(j.filter.epsilon >= 0 && j.filter.epsilon <= 0.5 && j.filter.delta >= 0 && j.filter.delta <= 0.5) ||
	    ((j.filter.delta > 0 || j.filter.certify) && !(j.filter.epsilon > 0)) ||
	    (j.filter.epsilon > 0 && (j.filter.weighted || j.filter.exact)))
		Rf_error("epsilon and delta are between 0 and 0.5; delta and certify go with epsilon, which goes "
			 "with neither weighted nor exact");
	if (!j.path)
		Rf_error("path: give the landscape's folder or file");
	if (day) {
		if (cm_date_parse(day, 0, 0, &j.filter.at) < 0)
			Rf_error("at: '%s' is not a date (YYYY-MM-DD)", day);
		j.filter.has_at = 1;
	}
	if (!(j.h = calloc(1, sizeof(*j.h))) || keep_types(j.h, opt_list(types), &j.filter) < 0) {
		rland_free(j.h);
		Rf_error("out of memory");
	}
	rc = run_engine(load_run, &j, &intr, &j.err);
	if (rc == 0 && j.filter.ntypes &&
	    cm_names_check((const struct cm_landscape *const *)&j.h->l, 1, CM_NAME_TIE_TYPE, "types", j.filter.types,
			   j.filter.ntypes, &j.err) < 0)
		rc = j.err.code;
	diags = PROTECT(diags_df(&j.diags));
	if (rc < 0) {
		struct cm_error e = j.err;
		char hint[256] = "";
		size_t i;
		/* the first error among the diagnostics says where */
		for (i = 0; i < j.diags.n; i++)
			if (j.diags.v[i].severity == CM_ERROR) {
				e = j.diags.v[i].where;
				snprintf(hint, sizeof(hint), "%s", j.diags.v[i].hint);
				break;
			}
		if (!e.code)
			e.code = (enum cm_status)rc;
		cm_diags_release(&j.diags);
		rland_free(j.h);
		UNPROTECT(1);
		stop_with(&e, hint, intr);
	}
	cm_diags_release(&j.diags);
	ptr = PROTECT(R_MakeExternalPtr(j.h, Rf_install("coalmap_landscape"), R_NilValue));
	R_RegisterCFinalizerEx(ptr, rland_finalize, TRUE);
	out = PROTECT(Rf_allocVector(VECSXP, 2));
	SET_VECTOR_ELT(out, 0, ptr);
	SET_VECTOR_ELT(out, 1, diags);
	UNPROTECT(3);
	return out;
}

/* ---- analyses: one job shape, one finisher */

enum what { W_METRICS, W_ROBUST, W_POWER, W_CURVES, W_GAPS, W_RECOMMEND, W_PATH, W_STAKE, W_CAMPS, W_EXPORT, W_MAP, W_REPORT };

struct ajob {
	enum what what;
	struct cm_analysis *a;
	struct cm_table t, t2;
	struct cm_error err;
	const char *group_by, *from, *to;
	size_t k;
	struct cm_power_opts po;
	struct cm_gaps_opts go;
	struct cm_stake_opts so;
	struct cm_map_opts mo;
	struct cm_report_opts ro;
	struct cm_rank_opts rk;
	double shares[20]; /* --missing's */
	const char *doc_format;
	char *data, *svg[CM_DOC_FIGURES]; /* rendered bytes (map; report document and its figures) */
	char *file[CM_DOC_FIGURES];       /* a Markdown report's figure files (cm_doc_name_figures) */
	size_t len, svg_len[CM_DOC_FIGURES];
	char notes[1024];
};

/* The report and its figures, drawn as `coalmap report` draws them (viz's
 * cm_map_report); for a Markdown report at the path j->notes holds, the
 * files beside it the document links the figures to, which R writes. */
static int report_run(struct ajob *j)
{
	struct cm_doc d;
	FILE *f;
	int rc, k;

	cm_doc_init(&d);
	if ((rc = cm_report_build(j->a, &j->ro, &d, &j->err)) < 0 || (rc = cm_map_report(j->a, &j->ro, &d, &j->err)) < 0)
		goto out;
	rc = cm_error_set(&j->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (j->notes[0] && cm_doc_name_figures(&d, j->notes) < 0)
		goto out;
	for (k = 0; k < CM_DOC_FIGURES; k++) {
		struct cm_doc_figure *g = &d.fig[k];
		if (!g->file)
			continue;
		if (!(j->svg[k] = malloc(g->len ? g->len : 1)) || !(j->file[k] = strdup(g->file)))
			goto out;
		memcpy(j->svg[k], g->svg, g->len);
		j->svg_len[k] = g->len;
	}
	j->notes[0] = '\0';
	if (!(f = open_memstream(&j->data, &j->len)))
		goto out;
	rc = cm_write_doc(cm_writer_find(j->doc_format), &d, f, &j->err);
	if (fclose(f) != 0 && rc == 0)
		rc = cm_error_set(&j->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
out:
	cm_doc_release(&d);
	return rc;
}

static int analysis_run(void *p)
{
	struct ajob *j = p;
	struct cm_map_info info;

	switch (j->what) {
	case W_METRICS:
		if (cm_metrics(j->a, &j->t, &j->err) < 0)
			return j->err.code;
		return j->group_by ? cm_brokerage(j->a, j->group_by, &j->t, &j->err) : 0;
	case W_ROBUST:
		return cm_rank_robustness(j->a, &j->rk, &j->t, &j->err);
	case W_POWER:
		return cm_power(j->a, &j->po, &j->t, &j->err);
	case W_CURVES:
		return cm_inequality_curves(j->a, &j->t, &j->err);
	case W_GAPS:
		return cm_gaps(j->a, &j->go, &j->t, &j->err);
	case W_RECOMMEND:
		if (cm_recommend(j->a, &j->go, &j->t, &j->err) < 0)
			return j->err.code;
		return cm_recommend_limits(j->a, &j->go, j->notes, sizeof(j->notes), &j->err);
	case W_PATH:
		return cm_path(j->a, j->from, j->to, j->k, &j->t, &j->err);
	case W_STAKE:
		return cm_stakeholders(j->a, &j->so, &j->t, &j->err);
	case W_CAMPS:
		return cm_stake_camps(j->a, &j->so, &j->t, &j->err);
	case W_EXPORT:
		return cm_landscape_export(cm_analysis_landscape(j->a), &j->t, &j->t2, &j->err);
	case W_MAP:
		return cm_map_render(j->a, &j->mo, &j->data, &j->len, &info, &j->err);
	case W_REPORT:
		return report_run(j);
	}
	return cm_error_set(&j->err, CM_EINTERNAL, NULL, 0, 0, "unknown analysis");
}

static void ajob_init(struct ajob *j, SEXP land, enum what what)
{
	memset(j, 0, sizeof(*j));
	j->what = what;
	j->a = rland_of(land)->a;
	cm_table_init(&j->t, 0);
	cm_table_init(&j->t2, 0);
	cm_error_clear(&j->err);
}

static SEXP raw_of(const char *data, size_t len)
{
	SEXP r = Rf_allocVector(RAWSXP, (R_xlen_t)len);
	if (len)
		memcpy(RAW(r), data, len);
	return r;
}

static void ajob_free_bytes(struct ajob *j)
{
	int k;

	free(j->data);
	for (k = 0; k < CM_DOC_FIGURES; k++)
		free(j->svg[k]), free(j->file[k]);
}

/* Runs the job and hands back its result: a data.frame with attribute
 * "notes" when there are some; for W_EXPORT a list of two; for W_MAP a
 * raw vector; for W_REPORT list(document, figures), figures a list of raw
 * vectors named by the files a Markdown report links them to.  Frees the
 * job. */
static SEXP ajob_finish(struct ajob *j)
{
	SEXP out;
	int intr, rc = run_engine(analysis_run, j, &intr, &j->err);
	const char *notes = j->what == W_STAKE || j->what == W_CAMPS ? j->so.notes : j->notes;

	if (rc < 0) {
		struct cm_error e = j->err;
		if (!e.code)
			e.code = (enum cm_status)rc;
		cm_table_release(&j->t);
		cm_table_release(&j->t2);
		ajob_free_bytes(j);
		stop_with(&e, NULL, intr);
	}
	if (j->what == W_MAP)
		out = PROTECT(raw_of(j->data, j->len));
	else if (j->what == W_REPORT) {
		SEXP figs, names;
		int k, m = 0;
		out = PROTECT(Rf_allocVector(VECSXP, 2));
		SET_VECTOR_ELT(out, 0, raw_of(j->data, j->len));
		for (k = 0; k < CM_DOC_FIGURES; k++)
			m += j->file[k] != NULL;
		figs = Rf_allocVector(VECSXP, m);
		SET_VECTOR_ELT(out, 1, figs);
		names = PROTECT(Rf_allocVector(STRSXP, m));
		for (k = 0, m = 0; k < CM_DOC_FIGURES; k++)
			if (j->file[k]) {
				SET_VECTOR_ELT(figs, m, raw_of(j->svg[k], j->svg_len[k]));
				SET_STRING_ELT(names, m++, Rf_mkCharCE(j->file[k], CE_UTF8));
			}
		Rf_setAttrib(figs, R_NamesSymbol, names);
		UNPROTECT(1);
	} else if (j->what == W_EXPORT) {
		out = PROTECT(Rf_allocVector(VECSXP, 2));
		SET_VECTOR_ELT(out, 0, table_to_df(&j->t));
		SET_VECTOR_ELT(out, 1, table_to_df(&j->t2));
	} else {
		out = PROTECT(table_to_df(&j->t));
		if (notes && notes[0])
			Rf_setAttrib(out, Rf_install("notes"), Rf_mkString(notes));
	}
	cm_table_release(&j->t);
	cm_table_release(&j->t2);
	ajob_free_bytes(j);
	UNPROTECT(1);
	return out;
}

static SEXP cmr_metrics(SEXP land, SEXP group_by)
{
	struct ajob j;

	ajob_init(&j, land, W_METRICS);
	j.group_by = opt_str(group_by);
	return ajob_finish(&j);
}

/* Shares of missing data (a numeric vector, at most 20) into j->shares. */
static size_t opt_shares(struct ajob *j, SEXP s)
{
	R_xlen_t i, n = Rf_isNull(s) ? 0 : XLENGTH(s);

	if (n && !Rf_isReal(s))
		Rf_error("missing: shares of the data, such as c(0.1, 0.3)");
	if (n > 20)
		Rf_error("missing: at most 20 shares");
	for (i = 0; i < n; i++)
		j->shares[i] = REAL(s)[i];
	return (size_t)n;
}

static SEXP cmr_robustness(SEXP land, SEXP args)
{
	struct ajob j;
	const char *by = opt_str(VECTOR_ELT(args, 1));
	int m = cm_metric_find(by ? by : "betweenness");

	ajob_init(&j, land, W_ROBUST);
	if (m < 0)
		Rf_error("by: no measure '%s'", by);
	j.rk.by = (enum cm_metric)m;
	j.rk.nshares = opt_shares(&j, VECTOR_ELT(args, 0));
	j.rk.shares = j.shares;
	j.rk.top = opt_size(VECTOR_ELT(args, 2));
	j.rk.resamples = opt_size(VECTOR_ELT(args, 3));
	j.rk.orgs = Rf_asLogical(VECTOR_ELT(args, 4)) == 1;
	j.rk.seed = (uint64_t)opt_size(VECTOR_ELT(args, 5));
	if (j.rk.top < 1 || j.rk.resamples > 1000000)
		Rf_error("top: a number from 1; resamples: from 1 to 1000000");
	return ajob_finish(&j);
}

static SEXP cmr_power(SEXP land, SEXP group_by, SEXP targets, SEXP key_players, SEXP permutations, SEXP seed,
		      SEXP missing, SEXP resamples, SEXP missing_orgs)
{
	struct ajob j;
	struct cm_strlist t = opt_list(targets);

	ajob_init(&j, land, W_POWER);
	j.po.nmissing = opt_shares(&j, missing);
	j.po.missing = j.shares;
	j.po.resamples = opt_size(resamples);
	j.po.missing_orgs = Rf_asLogical(missing_orgs) == 1;
	if (j.po.resamples < 1 || j.po.resamples > 100000)
		Rf_error("resamples: a number from 1 to 100000");
	j.po.group_by = opt_str(group_by);
	j.po.targets = t.v;
	j.po.ntargets = t.n;
	j.po.key_players = opt_size(key_players);
	j.po.permutations = opt_size(permutations);
	j.po.seed = (uint64_t)opt_size(seed);
	if (j.po.permutations > 100000)
		Rf_error("permutations: a number from 0 (no tests) to 100000");
	if (j.po.nmissing && !j.po.key_players && !j.po.group_by)
		Rf_error("missing ranks the key players and the gatekeepers: it needs key_players above 0 or group_by");
	return ajob_finish(&j);
}

static SEXP cmr_curves(SEXP land)
{
	struct ajob j;

	ajob_init(&j, land, W_CURVES);
	return ajob_finish(&j);
}

/* gaps: for_ or for_group set: recommendations in role; else the
 * landscape's gaps.  weights: a named numeric vector (balanced role). */
static SEXP cmr_gaps(SEXP land, SEXP args)
{
	struct ajob j;
	SEXP w;
	size_t k;
	R_xlen_t i;

	ajob_init(&j, land, W_GAPS);
	cm_gaps_opts_init(&j.go);
	j.go.for_org = opt_str(VECTOR_ELT(args, 0));
	j.go.for_group = opt_str(VECTOR_ELT(args, 1));
	j.go.group_by = opt_str(VECTOR_ELT(args, 2));
	j.go.targets = opt_list(VECTOR_ELT(args, 3));
	j.go.include_targets = Rf_asLogical(VECTOR_ELT(args, 4)) == 1;
	j.go.type = opt_list(VECTOR_ELT(args, 6));
	j.go.region = opt_list(VECTOR_ELT(args, 7));
	j.go.exclude_stance = opt_list(VECTOR_ELT(args, 8));
	j.go.need_skills = opt_list(VECTOR_ELT(args, 9));
	j.go.need_types = opt_list(VECTOR_ELT(args, 10));
	j.go.need_regions = opt_list(VECTOR_ELT(args, 11));
	j.go.top = opt_size(VECTOR_ELT(args, 12));
	w = VECTOR_ELT(args, 13);
	if (!Rf_isNull(w)) {
		SEXP wn = Rf_getAttrib(w, R_NamesSymbol);
		for (i = 0; i < XLENGTH(w); i++) {
			const char *name = CHAR(STRING_ELT(wn, i));
			for (k = 0; k < CM_GAP_NCOMPONENTS && strcmp(cm_gaps_component_name(k), name); k++)
				;
			j.go.weights[k] = REAL(w)[i]; /* names checked in R */
		}
	}
	if (j.go.for_org || j.go.for_group) {
		const char *role = opt_str(VECTOR_ELT(args, 5));
		int r = role ? cm_partner_role_of(role) : Rf_isNull(w) ? CM_PARTNER_STRATEGIC : CM_PARTNER_BALANCED;
		if (r < 0)
			Rf_error("role: no role '%s' (strategic, implementing, distribution, access, balanced or all)",
				 role);
		j.go.role = (enum cm_partner_role)r;
		j.what = W_RECOMMEND;
	}
	return ajob_finish(&j);
}

static SEXP cmr_path(SEXP land, SEXP from, SEXP to, SEXP k)
{
	struct ajob j;

	ajob_init(&j, land, W_PATH);
	j.from = opt_str(from);
	j.to = opt_str(to);
	j.k = opt_size(k);
	if (!j.from || !j.to)
		Rf_error("from and to: give two organizations (ids or names)");
	return ajob_finish(&j);
}

static SEXP cmr_stakeholders(SEXP land, SEXP focus, SEXP targets, SEXP camps, SEXP top)
{
	struct ajob j;

	ajob_init(&j, land, Rf_asLogical(camps) == 1 ? W_CAMPS : W_STAKE);
	j.so.focus = opt_list(focus);
	j.so.targets = opt_list(targets);
	j.so.top = opt_size(top);
	j.so.notes = j.notes;
	j.so.notes_size = sizeof(j.notes);
	return ajob_finish(&j);
}

static SEXP cmr_export(SEXP land)
{
	struct ajob j;

	ajob_init(&j, land, W_EXPORT);
	return ajob_finish(&j);
}

/* args: format, layout, color_by, size_by, labels ("auto", "all", "none"
 * or a number), title, no_legend, ego, radius, aggregate, dpi, name,
 * highlight_gaps, gaps_top. */
static void map_opts(struct cm_map_opts *mo, SEXP args)
{
	SEXP labels = VECTOR_ELT(args, 4);

	memset(mo, 0, sizeof(*mo));
	mo->format = opt_str(VECTOR_ELT(args, 0));
	mo->layout = opt_str(VECTOR_ELT(args, 1));
	mo->color_by = opt_str(VECTOR_ELT(args, 2));
	mo->size_by = opt_str(VECTOR_ELT(args, 3));
	if (Rf_isNumeric(labels)) {
		mo->labels = CM_MAP_LABELS_TOP_N;
		mo->labels_top = opt_size(labels);
	} else {
		const char *s = opt_str(labels);
		mo->labels = !s || !strcmp(s, "auto") ? CM_MAP_LABELS_AUTO
			     : !strcmp(s, "all")      ? CM_MAP_LABELS_ALL
						      : CM_MAP_LABELS_NONE;
	}
	mo->title = opt_str(VECTOR_ELT(args, 5));
	mo->no_legend = Rf_asLogical(VECTOR_ELT(args, 6)) == 1;
	mo->ego = opt_str(VECTOR_ELT(args, 7));
	mo->radius = opt_size(VECTOR_ELT(args, 8));
	mo->aggregate = opt_str(VECTOR_ELT(args, 9));
	mo->dpi = Rf_isNull(VECTOR_ELT(args, 10)) ? 0 : Rf_asReal(VECTOR_ELT(args, 10));
	mo->name = opt_str(VECTOR_ELT(args, 11));
	mo->highlight_gaps = opt_str(VECTOR_ELT(args, 12));
	mo->gaps_top = opt_size(VECTOR_ELT(args, 13));
}

static SEXP cmr_map(SEXP land, SEXP args)
{
	struct ajob j;

	ajob_init(&j, land, W_MAP);
	map_opts(&j.mo, args);
	return ajob_finish(&j);
}

/* args: format ("html" or "md"), for, group_by, targets, key_players,
 * top, title, name, path (a Markdown report's, whose figures go beside
 * it; or NULL). */
static SEXP cmr_report(SEXP land, SEXP args)
{
	struct ajob j;
	const char *path = opt_str(VECTOR_ELT(args, 8));

	ajob_init(&j, land, W_REPORT);
	j.doc_format = opt_str(VECTOR_ELT(args, 0));
	if (!j.doc_format || (strcmp(j.doc_format, "html") && strcmp(j.doc_format, "md")))
		Rf_error("format: a report is html or md");
	j.ro.for_org = opt_str(VECTOR_ELT(args, 1));
	j.ro.group_by = opt_str(VECTOR_ELT(args, 2));
	j.ro.targets = opt_list(VECTOR_ELT(args, 3));
	j.ro.key_players = opt_size(VECTOR_ELT(args, 4));
	j.ro.top = opt_size(VECTOR_ELT(args, 5));
	j.ro.title = opt_str(VECTOR_ELT(args, 6));
	j.ro.name = opt_str(VECTOR_ELT(args, 7));
	j.ro.missing = Rf_asReal(VECTOR_ELT(args, 9));
	j.ro.resamples = opt_size(VECTOR_ELT(args, 10));
	if (!(j.ro.missing >= 0 && j.ro.missing < 1) || j.ro.resamples < 1 || j.ro.resamples > 100000)
		Rf_error("missing: a share from 0 (none) to below 1; resamples: from 1 to 100000");
	snprintf(j.notes, sizeof(j.notes), "%s", path ? path : "");
	return ajob_finish(&j);
}

/* The metric registry as a data.frame: name, label, definition, unit,
 * reference, kind. */
static SEXP cmr_metric_info(void)
{
	static const char *const kinds[] = { "text", "int", "real" };
	struct cm_table t;
	SEXP df;
	size_t m;

	cm_table_init(&t, CM_METRIC_N);
	cm_table_add_column(&t, "name", CM_TEXT);
	cm_table_add_column(&t, "label", CM_TEXT);
	cm_table_add_column(&t, "definition", CM_TEXT);
	cm_table_add_column(&t, "unit", CM_TEXT);
	cm_table_add_column(&t, "reference", CM_TEXT);
	cm_table_add_column(&t, "kind", CM_TEXT);
	if (t.ncols != 6) {
		cm_table_release(&t);
		Rf_error("out of memory");
	}
	for (m = 0; m < CM_METRIC_N; m++) {
		const struct cm_metric_info *i = cm_metric_info((enum cm_metric)m);
		cm_table_set_text(&t, 0, m, i->name);
		cm_table_set_text(&t, 1, m, i->label);
		cm_table_set_text(&t, 2, m, i->definition);
		cm_table_set_text(&t, 3, m, i->unit);
		cm_table_set_text(&t, 4, m, i->reference);
		cm_table_set_text(&t, 5, m, kinds[i->kind]);
	}
	df = table_to_df(&t);
	cm_table_release(&t);
	return df;
}

/* .Call("cmr_bound", landscape): what bounded betweenness promised, after
 * the metrics, or NULL. */
static SEXP cmr_bound(SEXP land)
{
	struct rland *h = rland_of(land);
	struct cm_bound_info b;
	static const char *names[] = { "epsilon", "delta", "samples", "cap", "capped", "certain_ranks", "" };
	SEXP r, ranks;
	size_t i, k = 0;

	if (cm_analysis_bound(h->a, &b) < 0)
		return R_NilValue;
	for (i = 0; i < b.top_k; i++)
		k += b.certain[i];
	r = PROTECT(Rf_mkNamed(VECSXP, names));
	SET_VECTOR_ELT(r, 0, Rf_ScalarReal(b.epsilon));
	SET_VECTOR_ELT(r, 1, Rf_ScalarReal(b.delta));
	SET_VECTOR_ELT(r, 2, Rf_ScalarReal((double)b.samples));
	SET_VECTOR_ELT(r, 3, Rf_ScalarReal((double)b.cap));
	SET_VECTOR_ELT(r, 4, Rf_ScalarLogical(b.capped));
	ranks = Rf_allocVector(INTSXP, (R_xlen_t)k);
	SET_VECTOR_ELT(r, 5, ranks);
	for (i = 0, k = 0; i < b.top_k; i++)
		if (b.certain[i])
			INTEGER(ranks)[k++] = (int)(i + 1);
	UNPROTECT(1);
	return r;
}

static SEXP cmr_size(SEXP land)
{
	struct rland *h = rland_of(land);
	SEXP r = Rf_allocVector(REALSXP, 2);

	REAL(r)[0] = (double)cm_landscape_norgs(h->l);
	REAL(r)[1] = (double)cm_landscape_nties(h->l);
	return r;
}

/* (through void (*)(void), the cast C allows between function types) */
#define CALL(f, n) { #f, (DL_FUNC)(void (*)(void))f, n }
static const R_CallMethodDef calls[] = {
	CALL(cmr_load, 14),
	CALL(cmr_metrics, 2),
	CALL(cmr_power, 9),
	CALL(cmr_robustness, 2),
	CALL(cmr_curves, 1),
	CALL(cmr_gaps, 2),
	CALL(cmr_path, 4),
	CALL(cmr_stakeholders, 5),
	CALL(cmr_export, 1),
	CALL(cmr_map, 2),
	CALL(cmr_report, 2),
	CALL(cmr_metric_info, 0),
	CALL(cmr_size, 1),
	CALL(cmr_bound, 1),
	{ NULL, NULL, 0 },
};

void R_init_coalmap(DllInfo *dll);
void R_init_coalmap(DllInfo *dll)
{
	cm_init();
	R_registerRoutines(dll, NULL, calls, NULL, NULL);
	R_useDynamicSymbols(dll, FALSE);
	R_forceSymbols(dll, TRUE);
}
