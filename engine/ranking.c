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
	int dir;                    /* +1: the highest value ranks first; -1: the lowest */
	size_t n, k;                /* orgs; the observed top (k <= n) */
	size_t *top, *obs;          /* the observed top k in rank order; their ranks */
	size_t *base, *pool, npool; /* what may go missing (ties kept by the filter, or orgs), a working copy */
	unsigned char *drop, *gone; /* per tie; per org (orgs mode) */
	size_t *rank;               /* per org, in the current resample (0: missing) */
	struct keyed *keys;         /* sorting room, n */
	uint32_t *ranks;            /* ranks[(s * k + j) * resamples + r]; 0: the org was missing */
	size_t done;                /* resamples finished (progress) */
};

struct keyed {
	double v; /* the value times the direction; NaN last */
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

/* rank[i] = 1 + the present orgs with a strictly better value (0 for an
 * org gone); the present orgs in rank order into keys.  O(n log n). */
static size_t rank_all(struct rank_run *r, const double *v, const unsigned char *gone)
{
	size_t i, p = 0;

	for (i = 0; i < r->n; i++) {
		r->rank[i] = 0;
		if (!gone || !gone[i])
			r->keys[p++] = (struct keyed){ r->dir * tidy(v[i]), i };
	}
	qsort(r->keys, p, sizeof(*r->keys), keyed_cmp);
	for (i = 0; i < p; i++) {
		const struct keyed *k = &r->keys[i];
		int same = i && (k->v == k[-1].v || (isnan(k->v) && isnan(k[-1].v)));
		r->rank[k->i] = same ? r->rank[k[-1].i] : i + 1;
	}
	return p;
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

/* One resample: draw, recompute the measure in a context of its own,
 * keep the ranks of the observed top. */
static int resample(struct rank_run *r, size_t si, size_t ri, struct cm_error *err)
{
	struct cm_analysis *c = NULL;
	const double *v;
	size_t j, R = r->o->resamples;
	int rc;

	draw(r, si, ri);
	if ((rc = cm_analysis_new(&c, r->a->l, &r->a->f, err)) < 0)
		return rc;
	c->drop = r->drop;
	if ((rc = cm_analysis_values(c, r->o->by, &v, err)) == CM_OK) {
		rank_all(r, v, r->o->orgs ? r->gone : NULL);
		for (j = 0; j < r->k; j++)
			r->ranks[(si * r->k + j) * R + ri] = (uint32_t)r->rank[r->top[j]];
	}
	cm_analysis_free(c);
	return rc;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return (a > b) - (a < b);
}

/* A probability as people read it: "97 %", never "100 %" or "0 %"
 * unless it is exactly that. */
static void percent(char *buf, size_t n, double p)
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

/* The row of the org top[j] at share si: sorts its ranks in place. */
static int row(struct rank_run *r, struct cm_table *t, size_t j, size_t si, const double *obs_v)
{
	size_t R = r->o->resamples, i, p = 0, keeps = 0, in = 0, org = r->top[j];
	uint32_t *x = r->ranks + (si * r->k + j) * R;
	char reading[320], ps[32], pk[16], pt[16];
	long row_i = cm_table_add_row(t);
	const char *what = r->o->orgs ? "orgs" : "ties";

	if (row_i < 0)
		return CM_ENOMEM;
	for (i = 0; i < R; i++)
		if (x[i])
			x[p++] = x[i];
	qsort(x, p, sizeof(*x), cmp_u32);
	for (i = 0; i < p; i++) {
		keeps += x[i] <= r->obs[j];
		in += x[i] <= r->k;
	}
	if (cm_table_set_text(t, 0, (size_t)row_i, cm_landscape_org_id(r->a->l, org)) < 0 ||
	    cm_table_set_text(t, 1, (size_t)row_i, cm_landscape_org_name(r->a->l, org)) < 0)
		return CM_ENOMEM;
	if (cm_metric_info(r->o->by)->kind == CM_INT) {
		if (!isnan(obs_v[org]))
			cm_table_set_int(t, 2, (size_t)row_i, llround(obs_v[org]));
	} else
		cm_table_set_real(t, 2, (size_t)row_i, obs_v[org]);
	cm_table_set_int(t, 3, (size_t)row_i, (long long)r->obs[j]);
	cm_table_set_real(t, 4, (size_t)row_i, r->o->shares[si]);
	cm_table_set_int(t, 5, (size_t)row_i, (long long)p);
	if (!p)
		return cm_table_set_text(t, 10, (size_t)row_i, "missing from every resample");
	cm_table_set_real(t, 6, (size_t)row_i, (double)keeps / (double)p);
	cm_table_set_real(t, 7, (size_t)row_i, (double)in / (double)p);
		cm_table_set_int(t, 8, (size_t)row_i, quantile(x, p, 0.025));
	cm_table_set_int(t, 9, (size_t)row_i, quantile(x, p, 0.975));
	snprintf(ps, sizeof(ps), "%g %%", r->o->shares[si] * 100);
	percent(pk, sizeof(pk), (double)keeps / (double)p);
	percent(pt, sizeof(pt), (double)in / (double)p);
	snprintf(reading, sizeof(reading), "rank %zu%s in %s of resamples with %s of %s missing; top %zu in %s; "
		 "95 %% of ranks %u to %u", r->obs[j], r->obs[j] > 1 ? " or better" : "", pk, ps, what, r->k, pt,
		 quantile(x, p, 0.025), quantile(x, p, 0.975));
	return cm_table_set_text(t, 10, (size_t)row_i, reading);
}

static int table(struct rank_run *r, const double *obs_v, struct cm_table *t, struct cm_error *err)
{
	static const char *const names[] = { "rank", "missing", "resamples", "keeps_rank", "in_top",
					     "rank_low", "rank_high", "reading" };
	static const enum cm_kind kinds[] = { CM_INT, CM_REAL, CM_INT, CM_REAL, CM_REAL, CM_INT, CM_INT, CM_TEXT };
	size_t i, j, si;

	cm_table_release(t);
	cm_table_init(t, 0);
	if (cm_table_add_metric(t, CM_M_ID) < 0 || cm_table_add_metric(t, CM_M_NAME) < 0 ||
	    cm_table_add_metric(t, r->o->by) < 0)
		goto nomem;
	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (cm_table_add_column(t, names[i], kinds[i]) < 0)
			goto nomem;
	for (j = 0; j < r->k; j++)
		for (si = 0; si < r->o->nshares; si++)
			if (row(r, t, j, si, obs_v) < 0)
				goto nomem;
	return CM_OK;
nomem:
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

/* The options make sense: CM_OK or CM_EUSAGE with the reason. */
static int check(const struct cm_rank_opts *o, struct cm_error *err)
{
	const struct cm_metric_info *m = cm_metric_info(o->by);
	size_t i;

	if (!m || !cm_metric_kernel(o->by) || !m->direction || (m->flags & (CM_MF_CATEGORY | CM_MF_SAMPLED)))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "'%s' is not a measure that ranks orgs",
				    m ? m->name : "?");
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
	free(r->top);
	free(r->obs);
	free(r->base);
	free(r->pool);
	free(r->drop);
	free(r->gone);
	free(r->rank);
	free(r->keys);
	free(r->ranks);
}

/* What may go missing: the orgs, or the ties the analysis graphs use. */
static int run_init(struct rank_run *r, struct cm_analysis *a, const struct cm_rank_opts *o)
{
	const struct cm_landscape *l = a->l;
	size_t n = a->n, m = l->nties, i, cells;

	memset(r, 0, sizeof(*r));
	r->a = a;
	r->o = o;
	r->n = n;
	r->k = o->top < n ? o->top : n;
	r->dir = cm_metric_info(o->by)->direction;
	cells = r->k * o->nshares;
	r->top = malloc((r->k + 1) * sizeof(*r->top));
	r->obs = malloc((r->k + 1) * sizeof(*r->obs));
	r->base = malloc((n + m + 1) * sizeof(*r->base));
	r->pool = malloc((n + m + 1) * sizeof(*r->pool));
	r->drop = malloc(m + 1);
	r->gone = malloc(n + 1);
	r->rank = malloc((n + 1) * sizeof(*r->rank));
	r->keys = malloc((n + 1) * sizeof(*r->keys));
	if (cells && o->resamples > SIZE_MAX / sizeof(*r->ranks) / cells)
		return CM_ENOMEM;
	r->ranks = malloc(cells * o->resamples * sizeof(*r->ranks) + 1);
	if (!r->top || !r->obs || !r->base || !r->pool || !r->drop || !r->gone || !r->rank || !r->keys || !r->ranks)
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

int cm_rank_robustness(struct cm_analysis *a, const struct cm_rank_opts *o, struct cm_table *out,
		       struct cm_error *err)
{
	struct rank_run r;
	const double *v;
	size_t j, si, ri, total;
	int rc;

	if ((rc = check(o, err)) < 0 || (rc = cm_analysis_values(a, o->by, &v, err)) < 0)
		return rc;
	if (run_init(&r, a, o) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	rank_all(&r, v, NULL);
	for (j = 0; j < r.k; j++) {
		r.top[j] = r.keys[j].i;
		r.obs[j] = r.rank[r.top[j]];
	}
	total = o->nshares * o->resamples;
	cm_progress_hold("resamples", &r.done, total);
	for (si = 0; si < o->nshares; si++)
		for (ri = 0; ri < o->resamples; ri++) {
			if (cm_time_up() || (rc = resample(&r, si, ri, err)) == CM_ETIMEOUT) {
				rc = cm_error_set(err, CM_ETIMEOUT, NULL, 0, 0,
						  "time limit reached after %zu of %zu resamples; nothing written "
						  "(fewer --resamples or a cheaper --by finish sooner)", r.done, total);
				goto out;
			}
			if (rc < 0)
				goto out;
			__atomic_add_fetch(&r.done, 1, __ATOMIC_RELAXED);
		}
	rc = table(&r, v, out, err);
out:
	cm_progress_hold(NULL, NULL, 0);
	run_release(&r);
	return rc;
}
