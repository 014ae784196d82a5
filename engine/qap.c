/* qap.c - QAP: the graph correlation of two dyadic matrices and its
 * permutation test (as sna::gcor and sna::qaptest), and multiple-regression
 * QAP with Dekker's double semi-partialling (as sna::netlm, nullhyp
 * "qapspp"), over matrices made from a landscape: tie types, shared
 * attribute values, numeric differences (docs/qap.md). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "graph.h"
#include "internal.h"
#include "rng.h"

/* ---- terms: what --y and --x name */

enum term_kind { T_TIE, T_SAME, T_DIFF, T_ONES };
enum tie_value { V_TIE, V_WEIGHT, V_AMOUNT };
enum num_col { N_ATTR, N_BUDGET, N_INFLUENCE };

struct term {
	const char *text;     /* as given; "(intercept)" for T_ONES */
	enum term_kind kind;
	size_t type;          /* T_TIE */
	enum tie_value value; /* T_TIE */
	enum num_col col;     /* T_DIFF */
	int attr;             /* T_SAME, T_DIFF with N_ATTR */
};

/* One term over the n kept orgs: v[i*n + j], diagonal 0; the cells that
 * are not 0 listed when they are few (a sparse tie type). */
struct mat {
	double *v;      /* NULL for T_ONES: 1 off the diagonal */
	uint32_t *nz;   /* row, column of each off-diagonal cell != 0 (row-major), or NULL: dense */
	size_t nnz;
	double sum, ss; /* over the off-diagonal cells */
	int constant;   /* every off-diagonal cell has the same value */
	double first;   /* that value */
};

static int is_prefix(const char *s, const char *p)
{
	return !strncasecmp(s, p, strlen(p));
}

/* "no org column" with the nearest name as "did you mean". */
static int no_column(const struct cm_landscape *l, const char *option, const char *text, const char *name,
		     int numeric, struct cm_error *err)
{
	struct cm_near x;
	size_t k;

	cm_near_init(&x, name);
	if (numeric) {
		cm_near_offer(&x, "budget", 0);
		cm_near_offer(&x, "influence", 0);
	}
	for (k = 0; k < cm_attr_count(l); k++)
		if (!numeric || cm_attr_numeric(l, k))
			cm_near_offer(&x, cm_attr_name(l, k), 0);
	if (x.best && !x.tie)
		return cm_error_set(err, CM_EUSAGE, cm_landscape_orgs_path(l), 0, 0,
				    "%s '%.80s': no %sorg column '%.80s'; did you mean '%s'?", option, text,
				    numeric ? "numeric " : "", name, x.best);
	return cm_error_set(err, CM_EUSAGE, cm_landscape_orgs_path(l), 0, 0, "%s '%.80s': no %sorg column '%.80s'",
			    option, text, numeric ? "numeric " : "", name);
}

/* The tie type called name (without case), or -1. */
static long tie_type_find(const struct cm_landscape *l, const char *name, size_t len)
{
	size_t k;

	for (k = 0; k < cm_tie_type_count(l); k++) {
		const char *t = cm_tie_type_name(l, k);
		if (strlen(t) == len && !strncasecmp(t, name, len))
			return (long)k;
	}
	return -1;
}

/* Reads one TERM: TYPE, TYPE:weight, TYPE:amount, same:ATTR, diff:ATTR. */
static int term_parse(const struct cm_landscape *l, const char *option, const char *text, struct term *t,
		      struct cm_error *err)
{
	const char *colon;
	long k;

	memset(t, 0, sizeof(*t));
	t->text = text;
	if (is_prefix(text, "same:") || is_prefix(text, "diff:")) {
		const char *name = text + 5;
		t->kind = is_prefix(text, "same:") ? T_SAME : T_DIFF;
		if (t->kind == T_DIFF && !strcasecmp(name, "budget")) {
			t->col = N_BUDGET;
			return CM_OK;
		}
		if (t->kind == T_DIFF && !strcasecmp(name, "influence")) {
			t->col = N_INFLUENCE;
			return CM_OK;
		}
		t->attr = cm_attr_find(l, name);
		if (t->attr < 0 || (t->kind == T_DIFF && !cm_attr_numeric(l, (size_t)t->attr)))
			return no_column(l, option, text, name, t->kind == T_DIFF, err);
		return CM_OK;
	}
	t->kind = T_TIE;
	if ((k = tie_type_find(l, text, strlen(text))) >= 0) {
		t->type = (size_t)k;
		return CM_OK;
	}
	colon = strrchr(text, ':');
	if (colon && (k = tie_type_find(l, text, (size_t)(colon - text))) >= 0) {
		t->type = (size_t)k;
		if (!strcasecmp(colon + 1, "weight"))
			t->value = V_WEIGHT;
		else if (!strcasecmp(colon + 1, "amount"))
			t->value = V_AMOUNT;
		else
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
					    "%s '%.80s': after the tie type comes ':weight' or ':amount'", option, text);
		return CM_OK;
	}
	{
		char name[128];
		const char *names[1] = { name };
		snprintf(name, sizeof(name), "%.*s", colon ? (int)(colon - text) : (int)strlen(text), text);
		if (cm_names_check(&l, 1, CM_NAME_TIE_TYPE, option, names, 1, err) < 0)
			return err ? err->code : CM_EUSAGE;
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "%s '%.80s': not a tie type", option, text);
	}
}

/* CM_EUSAGE when --types leaves out the tie type of term t. */
static int type_kept(const struct cm_landscape *l, const struct cm_filter *f, const char *option,
		     const struct term *t, struct cm_error *err)
{
	size_t k;

	if (t->kind != T_TIE || !f || !f->types)
		return CM_OK;
	for (k = 0; k < f->ntypes; k++)
		if (!strcasecmp(f->types[k], cm_tie_type_name(l, t->type)))
			return CM_OK;
	return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "%s '%.80s': --types leaves out the ties of type '%s'",
			    option, t->text, cm_tie_type_name(l, t->type));
}

/* Org i's number for a diff: term; NaN when it has none. */
static double term_number(const struct cm_landscape *l, const struct term *t, size_t i)
{
	if (t->col == N_BUDGET)
		return cm_landscape_org_budget(l, i);
	if (t->col == N_INFLUENCE)
		return cm_landscape_org_influence(l, i);
	return cm_attr_number(l, (size_t)t->attr, i);
}

/* ---- matrices */

static void mat_release(struct mat *m)
{
	free(m->v);
	free(m->nz);
	memset(m, 0, sizeof(*m));
}

/* Sums, constancy and, when few cells are not 0, their list. */
static int mat_finish(struct mat *m, size_t n)
{
	size_t i, j, k = 0;
	long double s = 0, ss = 0;

	m->nnz = 0;
	m->constant = 1;
	m->first = n > 1 ? m->v[1] : 0;
	for (i = 0; i < n; i++) {
		double *row = m->v + i * n, rs = 0, rss = 0;
		row[i] = 0; /* dot relies on it */
		for (j = 0; j < n; j++) {
			if (j == i)
				continue;
			rs += row[j];
			rss += row[j] * row[j];
			m->nnz += row[j] != 0;
			if (row[j] != m->first)
				m->constant = 0;
		}
		s += rs;
		ss += rss;
	}
	m->sum = (double)s;
	m->ss = (double)ss;
	if (m->nnz * 4 > n * (n - 1))
		return CM_OK;
	m->nz = malloc((m->nnz + 1) * 2 * sizeof(*m->nz));
	if (!m->nz)
		return CM_ENOMEM;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (j != i && m->v[i * n + j] != 0) {
				m->nz[k++] = (uint32_t)i;
				m->nz[k++] = (uint32_t)j;
			}
	return CM_OK;
}

/* The n x n matrix of term t over the orgs keep[0..n) (idx: org -> its
 * place, or -1), ties as the analysis' filter keeps them. */
static int mat_build(const struct cm_landscape *l, const struct cm_filter *f, const struct term *t,
		     const long *idx, const size_t *keep, size_t n, struct mat *m)
{
	size_t i, j, e;

	memset(m, 0, sizeof(*m));
	if (t->kind == T_ONES) {
		m->sum = m->ss = (double)n * (double)(n - 1);
		m->constant = 1;
		m->first = 1;
		return CM_OK;
	}
	m->v = calloc(n * n + 1, sizeof(double));
	if (!m->v)
		return CM_ENOMEM;
	if (t->kind == T_TIE) {
		for (e = 0; e < cm_landscape_nties(l); e++) {
			long s, d;
			double w;
			if (cm_tie_type(l, e) != t->type || !cm_tie_kept(l, f, e))
				continue;
			s = idx[cm_tie_source(l, e)];
			d = idx[cm_tie_target(l, e)];
			if (s < 0 || d < 0)
				continue;
			w = t->value == V_WEIGHT ? cm_tie_weight(l, e) : t->value == V_AMOUNT ? cm_tie_amount(l, e) : 1;
			if (isnan(w))
				w = 0;
			if (t->value == V_TIE) {
				m->v[(size_t)s * n + (size_t)d] = 1;
				if (!cm_tie_directed(l, e))
					m->v[(size_t)d * n + (size_t)s] = 1;
			} else {
				m->v[(size_t)s * n + (size_t)d] += w;
				if (!cm_tie_directed(l, e))
					m->v[(size_t)d * n + (size_t)s] += w;
			}
		}
	} else {
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++) {
				if (i == j)
					continue;
				if (t->kind == T_SAME) {
					const char *a = cm_attr_value(l, (size_t)t->attr, keep[i]);
					m->v[i * n + j] = *a && !strcmp(a, cm_attr_value(l, (size_t)t->attr, keep[j]));
				} else {
					m->v[i * n + j] = fabs(term_number(l, t, keep[i]) - term_number(l, t, keep[j]));
				}
			}
	}
	return mat_finish(m, n);
}

/* Sum over the off-diagonal cells (i, j) of a[perm[i]][perm[j]] * b[i][j]
 * (perm NULL: the identity).  Either of them may be the intercept.  Four
 * running sums in a fixed order: fast, and the same result every time. */
static double dot(const struct mat *a, const struct mat *b, const uint32_t *perm, size_t n)
{
	long double s = 0;
	size_t i, j, k;

	if (!b->v)
		return a->sum; /* a permutation keeps the off-diagonal cells off it */
	if (!a->v)
		return b->sum;
	if (b->nz) {
		for (k = 0; k < b->nnz; k += 1024) {
			size_t end = k + 1024 < b->nnz ? k + 1024 : b->nnz, c;
			double part = 0;
			for (c = k; c < end; c++) {
				uint32_t r = b->nz[2 * c], q = b->nz[2 * c + 1];
				part += b->v[(size_t)r * n + q] *
					(perm ? a->v[(size_t)perm[r] * n + perm[q]] : a->v[(size_t)r * n + q]);
			}
			s += part;
		}
		return (double)s;
	}
	for (i = 0; i < n; i++) {
		const double *ra = a->v + (perm ? (size_t)perm[i] : i) * n, *rb = b->v + i * n;
		double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
		if (perm) {
			for (j = 0; j + 4 <= n; j += 4) {
				p0 += ra[perm[j]] * rb[j];
				p1 += ra[perm[j + 1]] * rb[j + 1];
				p2 += ra[perm[j + 2]] * rb[j + 2];
				p3 += ra[perm[j + 3]] * rb[j + 3];
			}
			for (; j < n; j++)
				p0 += ra[perm[j]] * rb[j];
		} else {
			for (j = 0; j + 4 <= n; j += 4) {
				p0 += ra[j] * rb[j];
				p1 += ra[j + 1] * rb[j + 1];
				p2 += ra[j + 2] * rb[j + 2];
				p3 += ra[j + 3] * rb[j + 3];
			}
			for (; j < n; j++)
				p0 += ra[j] * rb[j];
		}
		s += (p0 + p1) + (p2 + p3); /* the diagonal of b is 0 */
	}
	return (double)s;
}

/* ---- small dense algebra (p is the number of regressors, a few) */

/* inv = the inverse of g (p x p, symmetric) without row and column skip
 * (p: none), by Cholesky.  -1 when a pivot is below 1e-12 of its diagonal
 * (a regressor is a linear combination of those before it); then *bad is
 * its index in g. */
static int spd_inverse(const long double *g, size_t p, size_t skip, long double *inv, size_t *bad)
{
	long double L[CM_QAP_MAX_TERMS + 1][CM_QAP_MAX_TERMS + 1] = { { 0 } }, Li[CM_QAP_MAX_TERMS + 1][CM_QAP_MAX_TERMS + 1] = { { 0 } };
	size_t map[CM_QAP_MAX_TERMS + 1], q = 0, i, j, k;

	for (i = 0; i < p; i++)
		if (i != skip)
			map[q++] = i;
	for (j = 0; j < q; j++) {
		long double d = g[map[j] * p + map[j]];
		for (k = 0; k < j; k++)
			d -= L[j][k] * L[j][k];
		if (!(d > 1e-12L * g[map[j] * p + map[j]])) {
			*bad = map[j];
			return -1;
		}
		L[j][j] = sqrtl(d);
		for (i = j + 1; i < q; i++) {
			long double s = g[map[i] * p + map[j]];
			for (k = 0; k < j; k++)
				s -= L[i][k] * L[j][k];
			L[i][j] = s / L[j][j];
		}
	}
	for (j = 0; j < q; j++) { /* Li = L^-1, lower triangular */
		Li[j][j] = 1 / L[j][j];
		for (i = j + 1; i < q; i++) {
			long double s = 0;
			for (k = j; k < i; k++)
				s -= L[i][k] * Li[k][j];
			Li[i][j] = s / L[i][i];
		}
	}
	for (i = 0; i < q; i++) /* inv = Li' Li */
		for (j = 0; j < q; j++) {
			long double s = 0;
			for (k = i > j ? i : j; k < q; k++)
				s += Li[k][i] * Li[k][j];
			inv[i * q + j] = s;
		}
	return 0;
}

/* ---- permutations: each drawn from (seed, stream, index) alone */

/* Permutation number k of stream s (rng.h: the same numbers whichever
 * thread draws it) and its inverse. */
static void draw_perm(uint64_t seed, uint64_t s, uint64_t k, uint32_t *perm, uint32_t *inv, size_t n)
{
	struct cm_rng g;
	size_t i;

	for (i = 0; i < n; i++)
		perm[i] = (uint32_t)i;
	cm_rng_init(&g, seed, s, k);
	cm_rng_shuffle_u32(&g, perm, n);
	for (i = 0; i < n; i++)
		inv[perm[i]] = (uint32_t)i;
}

/* ---- the statistics */

struct qap {
	size_t n;                /* orgs kept */
	double m;                /* cells: n (n - 1) */
	const struct mat *y;
	/* gcor */
	const struct mat *x;
	/* DSP for one regressor: e its residual on the others (z[0..q)),
	 * zy = Z'y, ginv = (Z'Z)^-1, gy = ginv Z'y, rssz = y'M_Z y */
	const struct mat *e, *const *z;
	size_t q, p;
	double ee;
	long double ginv[CM_QAP_MAX_TERMS * CM_QAP_MAX_TERMS], gy[CM_QAP_MAX_TERMS], rssz;
	/* the run */
	uint64_t seed, stream;
	size_t reps, threads, done;
	double *dist;
	int stop, nomem;
};

/* Pearson correlation over the cells, from the sums; NaN when either is constant. */
static double pearson(const struct qap *r, double sxy)
{
	long double m = r->m, mx = r->x->sum / m, my = r->y->sum / m;
	long double vx = r->x->ss - m * mx * mx, vy = r->y->ss - m * my * my;

	if (r->x->constant || r->y->constant || !(vx > 0) || !(vy > 0))
		return NAN;
	return (double)((sxy - m * mx * my) / sqrtl(vx * vy));
}

/* gcor of y permuted by perm with x: the cheaper side is walked. */
static double stat_gcor(const struct qap *r, const uint32_t *perm, const uint32_t *inv)
{
	if (!r->x->nz && r->y->nz)
		return pearson(r, dot(r->x, r->y, inv, r->n));
	return pearson(r, dot(r->y, r->x, perm, r->n));
}

/* The t-value of the last regressor when y is regressed on z[0..q) and
 * the residual e permuted (Frisch-Waugh-Lovell: no refit). */
static double stat_dsp(const struct qap *r, const uint32_t *perm, const uint32_t *inv)
{
	long double c[CM_QAP_MAX_TERMS], d = r->ee, num = dot(r->e, r->y, perm, r->n), rss;
	size_t i, j;

	(void)inv;
	for (i = 0; i < r->q; i++)
		c[i] = dot(r->e, r->z[i], perm, r->n);
	for (i = 0; i < r->q; i++) {
		num -= c[i] * r->gy[i];
		for (j = 0; j < r->q; j++)
			d -= c[i] * r->ginv[i * r->q + j] * c[j];
	}
	if (!(d > 1e-12L * r->ee))
		return NAN;
	rss = r->rssz - num * num / d;
	if (!(rss > 0))
		return NAN;
	return (double)(num / sqrtl(d * rss / (r->m - (double)r->p)));
}

struct worker {
	struct qap *r;
	double (*stat)(const struct qap *, const uint32_t *, const uint32_t *);
	size_t first;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct qap *r = w->r;
	uint32_t *perm = malloc((r->n + 1) * 2 * sizeof(*perm));
	size_t k;

	if (!perm) {
		__atomic_store_n(&r->nomem, 1, __ATOMIC_RELAXED);
		return NULL;
	}
	for (k = w->first; k < r->reps; k += r->threads) {
		if (__atomic_load_n(&r->stop, __ATOMIC_RELAXED) || cm_time_up()) {
			__atomic_store_n(&r->stop, 1, __ATOMIC_RELAXED);
			break;
		}
		draw_perm(r->seed, r->stream, k, perm, perm + r->n, r->n);
		r->dist[k] = w->stat(r, perm, perm + r->n);
		__atomic_add_fetch(&r->done, 1, __ATOMIC_RELAXED);
	}
	free(perm);
	return NULL;
}

/* r->dist[0..reps) for stat, over r->threads threads; the value of each
 * permutation depends on its index alone. */
static int permute(struct qap *r, double (*stat)(const struct qap *, const uint32_t *, const uint32_t *))
{
	struct worker w[64];
	size_t t;

	if (r->threads > 64)
		r->threads = 64;
	if (r->threads > r->reps)
		r->threads = r->reps ? r->reps : 1;
	r->done = 0;
	r->stop = r->nomem = 0;
	cm_progress_count("QAP permutations", &r->done, r->reps);
	for (t = 0; t < r->threads; t++)
		w[t] = (struct worker){ r, stat, t };
	cm_run_jobs(w, r->threads, sizeof(*w), work);
	cm_progress(NULL);
	if (r->nomem)
		return CM_ENOMEM;
	return r->stop ? CM_ETIMEOUT : CM_OK;
}

/* ---- the table */

struct summary {
	double p_ge, p_le, p_abs, mean, low, high;
};

/* The p-values of obs against dist[0..k) (as sna: shares of the
 * permutations, NaN ones never counted), its mean and 95 % interval. */
static int summarise(double *dist, size_t k, double obs, struct summary *s)
{
	size_t i, ge = 0, le = 0, ab = 0, ok = 0;
	long double sum = 0;

	for (i = 0; i < k; i++) {
		if (isnan(dist[i]))
			continue;
		ge += dist[i] >= obs;
		le += dist[i] <= obs;
		ab += fabs(dist[i]) >= fabs(obs);
		sum += dist[i];
		dist[ok++] = dist[i];
	}
	s->p_ge = s->p_le = s->p_abs = s->mean = s->low = s->high = NAN;
	if (!ok || isnan(obs))
		return 0;
	s->p_ge = (double)ge / (double)ok;
	s->p_le = (double)le / (double)ok;
	s->p_abs = (double)ab / (double)ok;
	s->mean = (double)(sum / ok);
	cm_sort_doubles(dist, ok);
	s->low = cm_quantile(dist, ok, 0.025);
	s->high = cm_quantile(dist, ok, 0.975);
	return (int)ok;
}

static const char *const gcor_cols[] = { "y", "term", "n", "r", "p_ge", "p_le", "p_two_sided", "null_mean",
					 "null_low", "null_high", "permutations", "note" };
static const char *const netlm_cols[] = { "y", "term", "n", "coefficient", "t", "p_two_sided", "p_le", "p_ge",
					  "null_mean", "null_low", "null_high", "r2", "adj_r2", "permutations",
					  "note" };

static int add_columns(struct cm_table *t, const char *const *names, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++) {
		enum cm_kind kind = !strcmp(names[i], "y") || !strcmp(names[i], "term") || !strcmp(names[i], "note")
			? CM_TEXT : !strcmp(names[i], "n") || !strcmp(names[i], "permutations") ? CM_INT : CM_REAL;
		if (cm_table_add_column(t, names[i], kind) < 0)
			return CM_ENOMEM;
	}
	return CM_OK;
}

/* Sets the named real cell (NaN: empty). */
static void put(struct cm_table *t, size_t row, const char *col, double v)
{
	int c = cm_table_find(t, col);

	if (c >= 0)
		cm_table_set_real(t, (size_t)c, row, v);
}

/* Appends the row of term name: y, term, n and the test's figures. */
static int add_row(struct cm_table *t, const char *y, const char *term, double n, const struct summary *s,
		   int perms, const char *note)
{
	long row = cm_table_add_row(t);

	if (row < 0 || cm_table_set_text(t, 0, (size_t)row, y) < 0 || cm_table_set_text(t, 1, (size_t)row, term) < 0 ||
	    (note && *note && cm_table_set_text(t, t->ncols - 1, (size_t)row, note) < 0))
		return CM_ENOMEM;
	cm_table_set_int(t, 2, (size_t)row, (long long)n);
	if (perms > 0) {
		put(t, (size_t)row, "p_ge", s->p_ge);
		put(t, (size_t)row, "p_le", s->p_le);
		put(t, (size_t)row, "p_two_sided", s->p_abs);
		put(t, (size_t)row, "null_mean", s->mean);
		put(t, (size_t)row, "null_low", s->low);
		put(t, (size_t)row, "null_high", s->high);
		cm_table_set_int(t, t->ncols - 2, (size_t)row, perms);
	}
	return CM_OK;
}

/* Why a term's figure is undefined, or NULL. */
static const char *undefined(const struct qap *r, const struct mat *m, int is_y, char *buf, size_t size)
{
	if (r->n < 3) {
		snprintf(buf, size, "undefined: fewer than 3 organizations");
		return buf;
	}
	if (m->constant) {
		snprintf(buf, size, "undefined: %s is constant (%g for every pair)", is_y ? "y" : "the term", m->first);
		return buf;
	}
	return NULL;
}

/* One row: the graph correlation of y and x and its QAP test. */
static int run_gcor(struct qap *r, struct cm_table *out, const char *ytext, const char *xtext)
{
	struct summary s;
	char buf[160];
	const char *why = undefined(r, r->y, 1, buf, sizeof(buf));
	int rc, perms = 0;
	double obs = NAN;
	long row;

	if (!why)
		why = undefined(r, r->x, 0, buf, sizeof(buf));
	if (add_columns(out, gcor_cols, sizeof(gcor_cols) / sizeof(*gcor_cols)) < 0)
		return CM_ENOMEM;
	memset(&s, 0, sizeof(s));
	if (!why) {
		obs = stat_gcor(r, NULL, NULL);
		if (r->reps && (rc = permute(r, stat_gcor)) < 0)
			return rc;
		perms = summarise(r->dist, r->reps, obs, &s);
	}
	if ((rc = add_row(out, ytext, xtext, r->m, &s, perms, why)) < 0)
		return rc;
	row = (long)out->nrows - 1;
	put(out, (size_t)row, "r", obs);
	return CM_OK;
}

static double cell(const struct mat *m, size_t c)
{
	return m->v ? m->v[c] : 1;
}

/* The sum of squares of y - sum_k b[k] z[k] over the off-diagonal cells. */
static double resid_ss(const struct qap *r, const struct mat *const *z, size_t q, const long double *b)
{
	long double s = 0;
	size_t i, j, k, n = r->n;

	for (i = 0; i < n; i++) {
		double part = 0;
		for (j = 0; j < n; j++) {
			size_t c = i * n + j;
			long double e = r->y->v[c];
			if (j == i)
				continue;
			for (k = 0; k < q; k++)
				e -= b[k] * cell(z[k], c);
			part += (double)(e * e);
		}
		s += part;
	}
	return (double)s;
}

/* inv (q x q) times v into out. */
static void mul(const long double *inv, const long double *v, size_t q, long double *out)
{
	size_t i, j;

	for (i = 0; i < q; i++) {
		out[i] = 0;
		for (j = 0; j < q; j++)
			out[i] += inv[i * q + j] * v[j];
	}
}

/* Regressor i's permutation distribution under DSP: its residual on the
 * other regressors, permuted, in place of it.  Fills *s. */
static int dsp_term(struct qap *r, const struct mat *const *x, size_t p, const long double *g,
		    const long double *gyv, size_t i, struct summary *s, int *perms)
{
	const struct mat *z[CM_QAP_MAX_TERMS + 1];
	long double zx[CM_QAP_MAX_TERMS + 1], gx[CM_QAP_MAX_TERMS + 1], zy[CM_QAP_MAX_TERMS + 1];
	struct mat e;
	size_t q = 0, k, c, n = r->n, bad;
	double obs;
	int rc;

	for (k = 0; k < p; k++)
		if (k != i) {
			zx[q] = g[k * p + i];
			zy[q] = gyv[k];
			z[q++] = x[k];
		}
	if (spd_inverse(g, p, i, r->ginv, &bad) < 0)
		return CM_EINTERNAL; /* the whole set was invertible */
	mul(r->ginv, zx, q, gx);
	mul(r->ginv, zy, q, r->gy);
	memset(&e, 0, sizeof(e));
	e.v = calloc(n * n + 1, sizeof(double));
	if (!e.v)
		return CM_ENOMEM;
	for (c = 0; c < n * n; c++) {
		long double v = cell(x[i], c);
		if (c / n == c % n)
			continue;
		for (k = 0; k < q; k++)
			v -= gx[k] * cell(z[k], c);
		e.v[c] = (double)v;
	}
	if ((rc = mat_finish(&e, n)) < 0)
		goto out;
	r->e = &e;
	r->z = z;
	r->q = q;
	r->p = p;
	r->ee = e.ss;
	r->rssz = resid_ss(r, z, q, r->gy);
	r->stream = i + 1;
	obs = stat_dsp(r, NULL, NULL); /* the observed t, computed as the permuted ones are */
	*perms = 0;
	if (r->reps && (rc = permute(r, stat_dsp)) < 0)
		goto out;
	*perms = summarise(r->dist, r->reps, obs, s);
	rc = CM_OK;
out:
	mat_release(&e);
	r->e = NULL;
	return rc;
}

/* The row of regressor k (X index, or none: a constant term) of netlm. */
static int netlm_row(struct qap *r, struct cm_table *out, const char *ytext, const char *term, const double *fig,
		     const struct summary *s, int perms, const char *why)
{
	size_t row = out->nrows;
	int rc = add_row(out, ytext, term, r->m, s, perms, why);

	if (rc < 0 || !fig)
		return rc;
	put(out, row, "coefficient", fig[0]);
	put(out, row, "t", fig[1]);
	put(out, row, "r2", fig[2]);
	put(out, row, "adj_r2", fig[3]);
	return CM_OK;
}

/* Every row of netlm (the intercept's, then each x's) empty, saying why. */
static int all_undefined(struct qap *r, struct cm_table *out, const char *ytext, const struct term *xt, size_t nx,
			 const char *why)
{
	struct summary s;
	size_t j;
	int rc;

	memset(&s, 0, sizeof(s));
	for (j = 0; j <= nx; j++)
		if ((rc = netlm_row(r, out, ytext, j ? xt[j - 1].text : "(intercept)", NULL, &s, 0, why)) < 0)
			return rc;
	return CM_OK;
}

/* Multiple-regression QAP: one row for the intercept, then one per x. */
static int run_netlm(struct qap *r, struct cm_table *out, const char *ytext, const struct term *xt,
		     const struct mat *xm, size_t nx, struct cm_error *err)
{
	const struct mat *x[CM_QAP_MAX_TERMS + 1];
	long double g[(CM_QAP_MAX_TERMS + 1) * (CM_QAP_MAX_TERMS + 1)] = { 0 }, xy[CM_QAP_MAX_TERMS + 1] = { 0 };
	long double inv[(CM_QAP_MAX_TERMS + 1) * (CM_QAP_MAX_TERMS + 1)], b[CM_QAP_MAX_TERMS + 1];
	size_t at[CM_QAP_MAX_TERMS + 1], p = 1, i, j, bad;
	struct mat one;
	struct summary s;
	char buf[160];
	const char *why = undefined(r, r->y, 1, buf, sizeof(buf));
	double rss, tss, fig[4];
	int rc, perms;

	if (add_columns(out, netlm_cols, sizeof(netlm_cols) / sizeof(*netlm_cols)) < 0)
		return CM_ENOMEM;
	memset(&s, 0, sizeof(s));
	memset(&one, 0, sizeof(one));
	one.sum = one.ss = r->m;
	one.constant = 1;
	one.first = 1;
	x[0] = &one;
	for (j = 0; j < nx; j++) {
		at[j] = 0;
		if (!why && !undefined(r, &xm[j], 0, buf, sizeof(buf))) {
			at[j] = p;
			x[p++] = &xm[j];
		}
	}
	if (!why && r->m <= (double)p)
		why = "undefined: no more pairs than terms";
	if (why) {
		return all_undefined(r, out, ytext, xt, nx, why);
	}
	for (i = 0; i < p; i++) {
		xy[i] = dot(x[i], r->y, NULL, r->n);
		for (j = 0; j <= i; j++)
			g[i * p + j] = g[j * p + i] = dot(x[i], x[j], NULL, r->n);
	}
	if (spd_inverse(g, p, p, inv, &bad) < 0) {
		for (j = 0; j < nx && at[j] != bad; j++)
			;
		return cm_error_set(err, CM_EDATA, NULL, 0, 0,
				    "--x '%.80s' is collinear with the terms before it (a linear combination of them "
				    "and the intercept): the regression has no unique solution; leave one of them out",
				    j < nx ? xt[j].text : "?");
	}
	mul(inv, xy, p, b);
	rss = resid_ss(r, x, p, b);
	if (!(rss > 1e-12 * r->y->ss)) {
		why = "undefined: the terms fit y exactly (no residual to test against)";
		return all_undefined(r, out, ytext, xt, nx, why);
	}
	tss = r->y->ss - r->y->sum * (r->y->sum / r->m);
	fig[2] = 1 - rss / tss;
	fig[3] = 1 - (1 - fig[2]) * (r->m - 1) / (r->m - (double)p);
	for (j = 0; j <= nx; j++) {
		const char *name = j ? xt[j - 1].text : "(intercept)";
		i = j ? at[j - 1] : 0;
		if (j && !i) {
			why = undefined(r, &xm[j - 1], 0, buf, sizeof(buf));
			memset(&s, 0, sizeof(s));
			if ((rc = netlm_row(r, out, ytext, name, NULL, &s, 0, why)) < 0)
				return rc;
			continue;
		}
		fig[0] = (double)b[i];
		fig[1] = (double)(b[i] / sqrtl(inv[i * p + i] * rss / (r->m - (double)p)));
		if ((rc = dsp_term(r, x, p, g, xy, i, &s, &perms)) < 0)
			return cm_error_set(err, rc, NULL, 0, 0, "%s", rc == CM_ETIMEOUT ? "time limit reached" :
					    rc == CM_ENOMEM ? "out of memory" : "QAP: the regressors became singular");
		if ((rc = netlm_row(r, out, ytext, name, fig, &s, perms, NULL)) < 0)
			return rc;
	}
	return CM_OK;
}

/* The orgs every diff: term has a number for: keep[0..*n), idx[org]. */
static int keep_orgs(const struct cm_landscape *l, const struct term *t, size_t nt, long *idx, size_t *keep,
		     size_t *n, char *notes, size_t notes_size)
{
	size_t i, k, dropped = 0, first = 0;
	const struct term *why = NULL;

	*n = 0;
	for (i = 0; i < cm_landscape_norgs(l); i++) {
		for (k = 0; k < nt && !(t[k].kind == T_DIFF && isnan(term_number(l, &t[k], i))); k++)
			;
		if (k < nt) {
			if (!dropped++) {
				first = i;
				why = &t[k];
			}
			idx[i] = -1;
			continue;
		}
		idx[i] = (long)*n;
		keep[(*n)++] = i;
	}
	if (dropped && notes && notes_size)
		snprintf(notes, notes_size, "%zu organization%s left out: no value for '%s' (the first: "
				      "'%s'); the test is on the other %zu", dropped, dropped == 1 ? "" : "s",
				      why->text, cm_landscape_org_id(l, first), *n);
	return CM_OK;
}

int cm_qap(struct cm_analysis *a, const struct cm_qap_opts *o, struct cm_table *out, struct cm_error *err)
{
	const struct cm_landscape *l = cm_analysis_landscape(a);
	const struct cm_filter *f = cm_analysis_filter(a);
	struct term t[CM_QAP_MAX_TERMS + 1];
	struct mat m[CM_QAP_MAX_TERMS + 1];
	struct qap r;
	size_t norgs = cm_landscape_norgs(l), i, nt = o->nx + 1;
	long *idx = NULL;
	size_t *keep = NULL;
	int rc;

	cm_table_release(out);
	cm_table_init(out, 0);
	memset(m, 0, sizeof(m));
	memset(&r, 0, sizeof(r));
	if (o->notes && o->notes_size)
		o->notes[0] = '\0';
	if (!o->y || !o->nx)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "QAP needs --y and at least one --x");
	if (o->nx > CM_QAP_MAX_TERMS)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "%zu --x terms, more than the %d QAP takes", o->nx,
				    CM_QAP_MAX_TERMS);
	for (i = 0; i < nt; i++)
		if ((rc = term_parse(l, i ? "--x" : "--y", i ? o->x[i - 1] : o->y, &t[i], err)) < 0 ||
		    (rc = type_kept(l, f, i ? "--x" : "--y", &t[i], err)) < 0)
			return rc;
	if (norgs > CM_QAP_MAX_ORGS)
		return cm_error_set(err, CM_EDATA, cm_landscape_orgs_path(l), 0, 0,
				    "%zu organizations: QAP holds an n x n matrix per term and takes at most %d "
				    "organizations", norgs, CM_QAP_MAX_ORGS);
	rc = CM_ENOMEM;
	idx = malloc((norgs + 1) * sizeof(*idx));
	keep = malloc((norgs + 1) * sizeof(*keep));
	r.dist = malloc((o->permutations + 1) * sizeof(*r.dist));
	if (!idx || !keep || !r.dist)
		goto out;
	keep_orgs(l, t, nt, idx, keep, &r.n, o->notes, o->notes_size);
	for (i = 0; i < nt; i++)
		if ((rc = mat_build(l, f, &t[i], idx, keep, r.n, &m[i])) < 0)
			goto out;
	r.m = (double)r.n * (double)(r.n ? r.n - 1 : 0);
	r.y = &m[0];
	r.reps = o->permutations;
	r.seed = o->seed;
	r.threads = f && f->threads ? f->threads : cm_threads_default();
	if (o->nx == 1) {
		r.x = &m[1];
		rc = run_gcor(&r, out, t[0].text, t[1].text);
		if (rc == CM_ETIMEOUT)
			cm_error_set(err, rc, NULL, 0, 0, "time limit reached");
	} else {
		rc = run_netlm(&r, out, t[0].text, t + 1, m + 1, o->nx, err);
	}
out:
	if (rc == CM_ENOMEM)
		cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	for (i = 0; i < nt; i++)
		mat_release(&m[i]);
	free(idx);
	free(keep);
	free(r.dist);
	return rc;
}
