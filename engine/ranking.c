/* ranking.c - how far to trust a ranking when data are missing
 * (docs/statistics.md, "Robustness of rankings"; Borgatti, Carley and
 * Krackhardt 2006): resamples that each leave out a random share of the
 * ties (or of the orgs), the measure recomputed on each by a context of
 * its own whose graphs lack them, and for every org of the observed top k
 * the share of resamples that keep it there and a 95 % interval of its
 * rank.  Resample r of share s draws from a generator seeded with (seed,
 * s, r), and every kernel gives the same numbers on any thread count, so
 * the table is the same for every --threads. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "rng.h"
#include "schema.h"

/* One run: what every resample reads, and the ranks they leave. */
struct rank_run {
	const struct cm_analysis *a;
	const struct cm_rank_opts *o;
	struct cm_rank_lists *L;
	size_t n;
	size_t *base, *pool, npool; /* what may go missing (ties kept by the filter, or orgs), a working copy */
	unsigned char *drop, *gone; /* per tie; per org (orgs mode) */
	size_t *rank;               /* per org, in the current list (0: missing; n + 1: off a list, nan_beyond) */
	double *sc;                 /* the lists' scores, nlists * n */
	struct keyed *keys;         /* sorting room, n */
	uint32_t *ranks;            /* ranks[((l * kmax + j) * nshares + s) * resamples + r]; 0: the org was missing */
	size_t done;                /* resamples finished (progress) */
};

struct keyed {
	double v; /* the score (a measure's value times its direction); NaN last */
	size_t i;
};

/* Best first: larger keys, NaN last, then file order. */
static int keyed_cmp(const void *x, const void *y)
{
	const struct keyed *a = x, *b = y;
	int na = isnan(a->v), nb = isnan(b->v);

	if (na != nb)
		return na - nb;
	if (!na && a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* v to 12 significant digits: values that differ only by the rounding of
 * a sum taken in another order (harmonic closeness) tie. */
static double tidy(double v)
{
	char buf[32];

	if (!isfinite(v))
		return v;
	snprintf(buf, sizeof(buf), "%.12g", v);
	return strtod(buf, NULL);
}

/* rank[i] = 1 + the present orgs with a strictly better score (0 for an
 * org gone or unranked).  O(n log n). */
static void rank_all(struct rank_run *r, const double *v, const unsigned char *gone)
{
	size_t i, p = 0;

	for (i = 0; i < r->n; i++) {
		r->rank[i] = 0;
		if (!gone || !gone[i])
			r->keys[p++] = (struct keyed){ tidy(v[i]), i };
	}
	qsort(r->keys, p, sizeof(*r->keys), keyed_cmp);
	for (i = 0; i < p; i++) {
		const struct keyed *k = &r->keys[i];
		int same = i && (k->v == k[-1].v || (isnan(k->v) && isnan(k[-1].v)));
		r->rank[k->i] = isnan(k->v) && r->L->nan_beyond ? r->n + 1 : same ? r->rank[k[-1].i] : i + 1;
	}
}

/* Marks which ties (and orgs) resample ri of share si leaves out: the
 * first round(s * npool) of a partial Fisher-Yates shuffle.  O(n + m). */
static void draw(struct rank_run *r, size_t si, size_t ri)
{
	const struct cm_landscape *l = r->a->l;
	double s = r->o->shares[si];
	size_t want = (size_t)floor(s * (double)r->npool + 0.5), i;
	uint64_t stream;
	struct cm_rng g;

	memcpy(&stream, &s, sizeof(stream));
	cm_rng_init(&g, r->o->seed, stream, ri);
	memcpy(r->pool, r->base, r->npool * sizeof(*r->pool));
	for (i = 0; i < want; i++) {
		size_t j = i + (size_t)cm_rng_below(&g, r->npool - i), t = r->pool[i];
		r->pool[i] = r->pool[j];
		r->pool[j] = t;
	}
	memset(r->drop, 0, l->nties ? l->nties : 1);
	if (!r->o->orgs) {
		for (i = 0; i < want; i++)
			r->drop[r->pool[i]] = 1;
		return;
	}
	memset(r->gone, 0, r->n);
	for (i = 0; i < want; i++)
		r->gone[r->pool[i]] = 1;
	for (i = 0; i < l->nties; i++)
		r->drop[i] = r->gone[l->ties[i].src] || r->gone[l->ties[i].dst];
}

/* One resample: draw, score the lists in a context of its own, keep the
 * ranks of each list's observed top. */
static int resample(struct rank_run *r, size_t si, size_t ri, struct cm_error *err)
{
	struct cm_rank_lists *L = r->L;
	struct cm_analysis *c = NULL;
	const unsigned char *gone = r->o->orgs ? r->gone : NULL;
	size_t l, j, R = r->o->resamples, S = r->o->nshares;
	int rc;

	draw(r, si, ri);
	if ((rc = cm_analysis_new(&c, r->a->l, &r->a->f, err)) < 0)
		return rc;
	c->drop = r->drop;
	if ((rc = L->score(c, gone, L->arg, r->sc, err)) == CM_OK)
		for (l = 0; l < L->nlists; l++) {
			rank_all(r, r->sc + l * r->n, gone);
			for (j = 0; j < L->k[l]; j++)
				r->ranks[((l * L->kmax + j) * S + si) * R + ri] =
					(uint32_t)r->rank[L->top[l * L->kmax + j]];
		}
	cm_analysis_free(c);
	return rc;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return (a > b) - (a < b);
}

void cm_rank_percent(char *buf, size_t n, double p)
{
	double x = floor(p * 100 + 0.5);

	if (p > 0.99 && p < 1)
		snprintf(buf, n, ">99 %%");
	else if (p > 0 && p < 0.01)
		snprintf(buf, n, "<1 %%");
	else
		snprintf(buf, n, "%.0f %%", x);
}

/* The nearest-rank q-quantile of the sorted x[0..p), p > 0. */
static uint32_t quantile(const uint32_t *x, size_t p, double q)
{
	size_t i = (size_t)ceil(q * (double)p);

	return x[i ? i - 1 : 0];
}

/* The figures of one org of one list at one share from its ranks x[0..R)
 * (sorted in place); obs its observed rank, k its list's top. */
static struct cm_rank_cell cell_of(uint32_t *x, size_t R, size_t obs, size_t k)
{
	struct cm_rank_cell c = { 0, NAN, NAN, 0, 0 };
	size_t i, p = 0, keeps = 0, in = 0;

	for (i = 0; i < R; i++)
		if (x[i])
			x[p++] = x[i];
	if (!p)
		return c;
	qsort(x, p, sizeof(*x), cmp_u32);
	for (i = 0; i < p; i++) {
		keeps += x[i] <= obs;
		in += x[i] <= k;
	}
	c.held = p;
	c.keeps = (double)keeps / (double)p;
	c.in_top = (double)in / (double)p;
	c.low = quantile(x, p, 0.025);
	c.high = quantile(x, p, 0.975);
	return c;
}

int cm_rank_check(const struct cm_rank_opts *o, struct cm_error *err)
{
	size_t i;

	if (!o->nshares)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "no share of missing data given");
	for (i = 0; i < o->nshares; i++)
		if (!(o->shares[i] >= 0 && o->shares[i] < 1))
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
					    "a missing share must be from 0 to below 1, not %g", o->shares[i]);
	if (!o->resamples || o->resamples > UINT32_MAX)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "resamples must be from 1 to %u", UINT32_MAX);
	return CM_OK;
}

static void run_release(struct rank_run *r)
{
	free(r->base);
	free(r->pool);
	free(r->drop);
	free(r->gone);
	free(r->rank);
	free(r->sc);
	free(r->keys);
	free(r->ranks);
}

/* What may go missing: the orgs, or the ties the analysis graphs use. */
static int run_init(struct rank_run *r, struct cm_analysis *a, const struct cm_rank_opts *o, struct cm_rank_lists *L)
{
	const struct cm_landscape *l = a->l;
	size_t n = a->n, m = l->nties, i, cells = L->nlists * L->kmax * o->nshares;

	memset(r, 0, sizeof(*r));
	r->a = a;
	r->o = o;
	r->L = L;
	r->n = n;
	if (L->nlists && n > SIZE_MAX / sizeof(*r->sc) / L->nlists)
		return CM_ENOMEM;
	if (cells && o->resamples > SIZE_MAX / sizeof(*r->ranks) / cells)
		return CM_ENOMEM;
	r->base = malloc((n + m + 1) * sizeof(*r->base));
	r->pool = malloc((n + m + 1) * sizeof(*r->pool));
	r->drop = malloc(m + 1);
	r->gone = malloc(n + 1);
	r->rank = malloc((n + 1) * sizeof(*r->rank));
	r->sc = malloc((L->nlists * n + 1) * sizeof(*r->sc));
	r->keys = malloc((n + 1) * sizeof(*r->keys));
	r->ranks = calloc(cells * o->resamples + 1, sizeof(*r->ranks));
	L->obs = malloc((L->nlists * L->kmax + 1) * sizeof(*L->obs));
	L->cell = malloc((cells + 1) * sizeof(*L->cell));
	if (!r->base || !r->pool || !r->drop || !r->gone || !r->rank || !r->sc || !r->keys || !r->ranks || !L->obs ||
	    !L->cell)
		return CM_ENOMEM;
	if (o->orgs)
		for (i = 0; i < n; i++)
			r->base[r->npool++] = i;
	else
		for (i = 0; i < m; i++) {
			const struct cm_tie *t = &l->ties[i];
			if (cm_filter_keeps(l, &a->f, t) && !cm_tie_type_is_conflict(l->tie_types[t->type]))
				r->base[r->npool++] = i;
		}
	return CM_OK;
}

void cm_rank_lists_release(struct cm_rank_lists *L)
{
	free(L->obs);
	free(L->cell);
	L->obs = NULL;
	L->cell = NULL;
}

int cm_rank_lists_run(struct cm_analysis *a, const struct cm_rank_opts *o, struct cm_rank_lists *L,
		      struct cm_error *err)
{
	struct rank_run r;
	size_t l, j, si, ri, total, S = o->nshares, R = o->resamples;
	int rc;

	L->obs = NULL;
	L->cell = NULL;
	if ((rc = cm_rank_check(o, err)) < 0)
		return rc;
	if (run_init(&r, a, o, L) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (!L->observed && (rc = L->score(a, NULL, L->arg, r.sc, err)) < 0)
		goto out;
	for (l = 0; l < L->nlists; l++) {
		rank_all(&r, (L->observed ? L->observed : r.sc) + l * r.n, NULL);
		for (j = 0; j < L->k[l]; j++)
			L->obs[l * L->kmax + j] = r.rank[L->top[l * L->kmax + j]];
	}
	total = S * R;
	cm_progress_hold("resamples", &r.done, total);
	for (si = 0; si < S; si++)
		for (ri = 0; ri < R; ri++) {
			if (cm_time_up() || (rc = resample(&r, si, ri, err)) == CM_ETIMEOUT) {
				rc = cm_error_set(err, CM_ETIMEOUT, NULL, 0, 0,
						  "time limit reached after %zu of %zu resamples; nothing written "
						  "(fewer --resamples finish sooner)", r.done, total);
				goto out;
			}
			if (rc < 0)
				goto out;
			__atomic_add_fetch(&r.done, 1, __ATOMIC_RELAXED);
		}
	for (l = 0; l < L->nlists; l++)
		for (j = 0; j < L->k[l]; j++)
			for (si = 0; si < S; si++) {
				size_t at = (l * L->kmax + j) * S + si;
				L->cell[at] = cell_of(r.ranks + at * R, R, L->obs[l * L->kmax + j], L->k[l]);
			}
	rc = CM_OK;
out:
	cm_progress_hold(NULL, NULL, 0);
	run_release(&r);
	if (rc < 0)
		cm_rank_lists_release(L);
	return rc;
}

/* ---- coalmap metrics --missing: one measure's ranking ---- */

struct by_measure {
	enum cm_metric by;
	int dir; /* +1: the highest value ranks first; -1: the lowest */
};

static int score_measure(struct cm_analysis *c, const unsigned char *gone, void *arg, double *sc,
			 struct cm_error *err)
{
	const struct by_measure *b = arg;
	const double *v;
	size_t i;
	int rc;

	(void)gone;
	if ((rc = cm_analysis_values(c, b->by, &v, err)) < 0)
		return rc;
	for (i = 0; i < c->n; i++)
		sc[i] = b->dir * v[i];
	return CM_OK;
}

/* The row of org top[j] at share si. */
static int row(const struct cm_analysis *a, const struct cm_rank_opts *o, const struct cm_rank_lists *L,
	       size_t j, size_t si, const double *obs_v, struct cm_table *t)
{
	const struct cm_rank_cell *c = &L->cell[j * o->nshares + si];
	size_t org = L->top[j], obs = L->obs[j];
	char reading[320], ps[32], pk[16], pt[16];
	long row_i = cm_table_add_row(t);

	if (row_i < 0)
		return CM_ENOMEM;
	if (cm_table_set_text(t, 0, (size_t)row_i, cm_landscape_org_id(a->l, org)) < 0 ||
	    cm_table_set_text(t, 1, (size_t)row_i, cm_landscape_org_name(a->l, org)) < 0)
		return CM_ENOMEM;
	if (cm_metric_info(o->by)->kind == CM_INT) {
		if (!isnan(obs_v[org]))
			cm_table_set_int(t, 2, (size_t)row_i, llround(obs_v[org]));
	} else
		cm_table_set_real(t, 2, (size_t)row_i, obs_v[org]);
	cm_table_set_int(t, 3, (size_t)row_i, (long long)obs);
	cm_table_set_real(t, 4, (size_t)row_i, o->shares[si]);
	cm_table_set_int(t, 5, (size_t)row_i, (long long)c->held);
	if (!c->held)
		return cm_table_set_text(t, 10, (size_t)row_i, "missing from every resample");
	cm_table_set_real(t, 6, (size_t)row_i, c->keeps);
	cm_table_set_real(t, 7, (size_t)row_i, c->in_top);
	cm_table_set_int(t, 8, (size_t)row_i, c->low);
	cm_table_set_int(t, 9, (size_t)row_i, c->high);
	snprintf(ps, sizeof(ps), "%g %%", o->shares[si] * 100);
	cm_rank_percent(pk, sizeof(pk), c->keeps);
	cm_rank_percent(pt, sizeof(pt), c->in_top);
	snprintf(reading, sizeof(reading), "rank %zu%s in %s of resamples with %s of %s missing; top %zu in %s; "
		 "95 %% of ranks %u to %u", obs, obs > 1 ? " or better" : "", pk, ps, o->orgs ? "orgs" : "ties",
		 L->k[0], pt, c->low, c->high);
	return cm_table_set_text(t, 10, (size_t)row_i, reading);
}

static int table(const struct cm_analysis *a, const struct cm_rank_opts *o, const struct cm_rank_lists *L,
		 const double *obs_v, struct cm_table *t, struct cm_error *err)
{
	static const char *const names[] = { "rank", "missing", "resamples", "keeps_rank", "in_top",
					     "rank_low", "rank_high", "reading" };
	static const enum cm_kind kinds[] = { CM_INT, CM_REAL, CM_INT, CM_REAL, CM_REAL, CM_INT, CM_INT, CM_TEXT };
	size_t i, j, si;

	cm_table_release(t);
	cm_table_init(t, 0);
	if (cm_table_add_metric(t, CM_M_ID) < 0 || cm_table_add_metric(t, CM_M_NAME) < 0 ||
	    cm_table_add_metric(t, o->by) < 0)
		goto nomem;
	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (cm_table_add_column(t, names[i], kinds[i]) < 0)
			goto nomem;
	for (j = 0; j < L->k[0]; j++)
		for (si = 0; si < o->nshares; si++)
			if (row(a, o, L, j, si, obs_v, t) < 0)
				goto nomem;
	return CM_OK;
nomem:
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

int cm_rank_robustness(struct cm_analysis *a, const struct cm_rank_opts *o, struct cm_table *out,
		       struct cm_error *err)
{
	const struct cm_metric_info *m = cm_metric_info(o->by);
	struct by_measure b;
	struct cm_rank_lists L;
	struct keyed *keys = NULL;
	size_t *top = NULL, i, k, n = a->n;
	const double *v;
	int rc;

	memset(&L, 0, sizeof(L));
	if (!m || !cm_metric_kernel(o->by) || !m->direction || (m->flags & (CM_MF_CATEGORY | CM_MF_SAMPLED)))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "'%s' is not a measure that ranks orgs",
				    m ? m->name : "?");
	if ((rc = cm_rank_check(o, err)) < 0 || (rc = cm_analysis_values(a, o->by, &v, err)) < 0)
		return rc;
	/* the observed top k: best first, ties in file order */
	k = o->top < n ? o->top : n;
	keys = malloc((n + 1) * sizeof(*keys));
	top = malloc((k + 1) * sizeof(*top));
	if (!keys || !top) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	b.by = o->by;
	b.dir = m->direction;
	for (i = 0; i < n; i++)
		keys[i] = (struct keyed){ tidy(b.dir * v[i]), i };
	qsort(keys, n, sizeof(*keys), keyed_cmp);
	for (i = 0; i < k; i++)
		top[i] = keys[i].i;
	L.nlists = 1;
	L.kmax = k;
	L.k = &k;
	L.top = top;
	L.score = score_measure;
	L.arg = &b;
	if ((rc = cm_rank_lists_run(a, o, &L, err)) == CM_OK)
		rc = table(a, o, &L, v, out, err);
out:
	cm_rank_lists_release(&L);
	free(keys);
	free(top);
	return rc;
}
