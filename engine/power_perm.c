/* power_perm.c - permutation tests of the power report's group figures
 * and of money against position (docs/statistics.md): labels shuffled by
 * a generator seeded with (seed, draw), the draws shared out over
 * threads, each figure recomputed from the context's graph in O(n + m)
 * per draw.  A draw's numbers do not depend on the thread that makes it,
 * so the output is the same for every --threads. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "power.h"
#include "rng.h"

/* Each family of tests draws from its own stream, so adding --group-by
 * does not move the money tests' p-values. */
enum { STREAM_GROUPS = 1, STREAM_ACCESS = 2, STREAM_BUDGET = 3 };

/* What every draw reads (read-only while the threads run), and where
 * the figures go.  Figures per draw, in slot order: network E-I and
 * assortativity (when net), E-I of the groups ge[], direct access share
 * of the groups at[], Spearman of budget with the centralities sp[]. */
struct perm_run {
	size_t n, m, ngroups, draws;
	uint64_t seed;
	/* groups: the orgs' groups, the ties' ends (2m), degrees in G */
	const uint32_t *group_of;
	uint32_t *ends;
	double *deg;
	int net;
	uint32_t *ge;
	size_t nge;
	/* access: the members' groups (orgs that are not decision-makers, in
	 * org order), the positions of those with direct access, the members
	 * per group */
	uint32_t *mgroup, *with, *at;
	size_t nmembers, nwith, nat;
	double *members_of;
	/* money: centred ranks of budget and of each centrality over the nb
	 * orgs with a budget, and the product of their norms */
	size_t nb, nsp;
	double *rb, *rc[MONEY_METRICS], norm[MONEY_METRICS];
	uint32_t sp[MONEY_METRICS];
	/* the tests, per slot; the figures, vals[slot * draws + draw] */
	struct perm_test **slot;
	size_t nslots;
	double *vals, *obs;
	size_t done; /* draws finished (progress) */
	int stop;    /* set when the time limit passes */
};

/* A thread's working copies. */
struct scratch {
	uint32_t *lab, *mlab, *idx, *cnt;
	long long *in, *ex;
	double *dsum;
};

static void scratch_release(struct scratch *s)
{
	free(s->lab);
	free(s->mlab);
	free(s->idx);
	free(s->cnt);
	free(s->in);
	free(s->ex);
	free(s->dsum);
}

static int scratch_init(struct scratch *s, const struct perm_run *r)
{
	size_t g = r->ngroups + 1;

	memset(s, 0, sizeof(*s));
	s->lab = malloc((r->n + 1) * sizeof(*s->lab));
	s->mlab = malloc((r->nmembers + 1) * sizeof(*s->mlab));
	s->idx = malloc((r->nb + 1) * sizeof(*s->idx));
	s->cnt = malloc(g * sizeof(*s->cnt));
	s->in = malloc(g * sizeof(*s->in));
	s->ex = malloc(g * sizeof(*s->ex));
	s->dsum = malloc(g * sizeof(*s->dsum));
	if (!s->lab || !s->mlab || !s->idx || !s->cnt || !s->in || !s->ex || !s->dsum) {
		scratch_release(s);
		return CM_ENOMEM;
	}
	return CM_OK;
}

/* E-I indices and assortativity for the groups lab[] into out[slot *
 * stride], from *slot on.  O(m + n + groups). */
static void group_figures(const struct perm_run *r, struct scratch *s, const uint32_t *lab, double *out,
			  size_t stride, size_t *slot)
{
	double m = (double)r->m, sq = 0;
	long long within = 0;
	size_t e, v, g, j;

	if (!r->nge) /* no group's own E-I tested (groups of one org, --group-by id): the count within alone */
		for (e = 0; e < r->m; e++)
			within += lab[r->ends[2 * e]] == lab[r->ends[2 * e + 1]];
	else {
		memset(s->in, 0, r->ngroups * sizeof(*s->in));
		memset(s->ex, 0, r->ngroups * sizeof(*s->ex));
		for (e = 0; e < r->m; e++) {
			uint32_t a = lab[r->ends[2 * e]], b = lab[r->ends[2 * e + 1]];
			if (a == b) {
				within++;
				s->in[a]++;
			} else {
				s->ex[a]++;
				s->ex[b]++;
			}
		}
	}
	if (r->net) {
		/* nominal assortativity (Newman 2003): (sum e_gg - sum a_g^2) /
		 * (1 - sum a_g^2), a_g the share of tie ends in group g */
		memset(s->dsum, 0, r->ngroups * sizeof(*s->dsum));
		for (v = 0; v < r->n; v++)
			s->dsum[lab[v]] += r->deg[v];
		for (g = 0; g < r->ngroups; g++)
			sq += (s->dsum[g] / (2 * m)) * (s->dsum[g] / (2 * m));
		out[(*slot)++ * stride] = ((m - (double)within) - (double)within) / m;
		out[(*slot)++ * stride] = 1 - sq > 0 ? ((double)within / m - sq) / (1 - sq) : NAN;
	}
	for (j = 0; j < r->nge; j++) {
		double in = (double)s->in[r->ge[j]], ex = (double)s->ex[r->ge[j]];
		out[(*slot)++ * stride] = in + ex > 0 ? (ex - in) / (ex + in) : NAN;
	}
}

/* Every figure of one draw: groups lab[] (orgs), mlab[] (members), and
 * the budgets in the order idx[] (budget idx[i] goes to org i). */
static void figures(const struct perm_run *r, struct scratch *s, const uint32_t *lab, const uint32_t *mlab,
		    const uint32_t *idx, double *out, size_t stride)
{
	size_t slot = 0, i, j;

	if (r->net || r->nge)
		group_figures(r, s, lab, out, stride, &slot);
	if (r->nat) {
		memset(s->cnt, 0, r->ngroups * sizeof(*s->cnt));
		for (j = 0; j < r->nwith; j++)
			s->cnt[mlab[r->with[j]]]++;
		for (j = 0; j < r->nat; j++)
			out[slot++ * stride] = (double)s->cnt[r->at[j]] / r->members_of[r->at[j]];
	}
	for (j = 0; j < r->nsp; j++) {
		const double *rc = r->rc[r->sp[j]];
		double dot = 0;
		for (i = 0; i < r->nb; i++)
			dot += r->rb[idx[i]] * rc[i];
		out[slot++ * stride] = dot / r->norm[r->sp[j]];
	}
}

struct job {
	struct perm_run *r;
	size_t first, stride;
	int failed;
};

/* Draws first, first + stride, ...: shuffles the labels, then figures. */
static void *worker(void *arg)
{
	struct job *j = arg;
	struct perm_run *r = j->r;
	struct scratch s;
	size_t k, i;

	if (scratch_init(&s, r) < 0) {
		j->failed = 1;
		return NULL;
	}
	for (k = j->first; k < r->draws; k += j->stride) {
		struct cm_rng g;
		if (__atomic_load_n(&r->stop, __ATOMIC_RELAXED) || cm_time_up()) {
			__atomic_store_n(&r->stop, 1, __ATOMIC_RELAXED);
			break;
		}
		if (r->net || r->nge) {
			memcpy(s.lab, r->group_of, r->n * sizeof(*s.lab));
			cm_rng_init(&g, r->seed, STREAM_GROUPS, k);
			cm_rng_shuffle_u32(&g, s.lab, r->n);
		}
		if (r->nat) {
			memcpy(s.mlab, r->mgroup, r->nmembers * sizeof(*s.mlab));
			cm_rng_init(&g, r->seed, STREAM_ACCESS, k);
			cm_rng_shuffle_u32(&g, s.mlab, r->nmembers);
		}
		if (r->nsp) {
			for (i = 0; i < r->nb; i++)
				s.idx[i] = (uint32_t)i;
			cm_rng_init(&g, r->seed, STREAM_BUDGET, k);
			cm_rng_shuffle_u32(&g, s.idx, r->nb);
		}
		figures(r, &s, s.lab, s.mlab, s.idx, r->vals + k, r->draws);
		__atomic_add_fetch(&r->done, 1, __ATOMIC_RELAXED);
	}
	scratch_release(&s);
	return NULL;
}

static void untested(struct perm_test *t, const char *why)
{
	t->undefined = why;
	t->p = t->mean = t->low = t->high = NAN;
}

/* Test t from the figure's draws v[0 .. draws) and its observed value:
 * draws where the figure is undefined are left out; p two-sided, twice
 * the smaller tail, each tail (1 + count) / (draws + 1). */
static void summarise(const double *v, size_t draws, double obs, double *sorted, struct perm_test *t)
{
	size_t k, nd = 0, le = 0, ge = 0;
	double sum = 0;

	if (isnan(obs)) {
		untested(t, "the figure is undefined");
		return;
	}
	for (k = 0; k < draws; k++) {
		if (isnan(v[k]))
			continue;
		sorted[nd++] = v[k];
		sum += v[k];
		le += v[k] <= obs || cm_same_value(v[k], obs);
		ge += v[k] >= obs || cm_same_value(v[k], obs);
	}
	if (!nd) {
		untested(t, "the figure is undefined in every permutation");
		return;
	}
	cm_sort_doubles(sorted, nd);
	if (cm_same_value(sorted[0], sorted[nd - 1])) {
		untested(t, "every permutation gives the same value");
		return;
	}
	t->undefined = NULL;
	t->mean = sum / (double)nd;
	t->low = cm_quantile(sorted, nd, 0.025);
	t->high = cm_quantile(sorted, nd, 0.975);
	t->p = fmin(1, 2 * fmin((1.0 + (double)le) / ((double)nd + 1), (1.0 + (double)ge) / ((double)nd + 1)));
}

/* Why the network-wide group tests cannot be run, or NULL. */
static const char *groups_reason(const struct cm_groups *gr, size_t m)
{
	size_t g, largest = 0;

	for (g = 0; g < gr->n; g++)
		if (gr->start[g + 1] - gr->start[g] > largest)
			largest = gr->start[g + 1] - gr->start[g];
	if (m == 0)
		return "there are no ties";
	if (gr->n < 2)
		return "all organizations are in one group";
	if (largest < 2)
		return "no two organizations are in the same group";
	return NULL;
}

/* The E-I and assortativity tests: the ties' ends, the degrees, the
 * groups tested. */
static int setup_groups(struct power *x, const struct cm_groups *gr, struct perm_run *r)
{
	const igraph_t *G = &x->g->collab;
	const char *why = groups_reason(gr, (size_t)igraph_ecount(G));
	size_t e, g;

	r->m = (size_t)igraph_ecount(G);
	r->ends = malloc((2 * r->m + 1) * sizeof(*r->ends));
	r->deg = calloc(x->n + 1, sizeof(*r->deg));
	r->ge = malloc((gr->n + 1) * sizeof(*r->ge));
	if (!r->ends || !r->deg || !r->ge)
		return CM_ENOMEM;
	for (e = 0; e < r->m; e++) {
		r->ends[2 * e] = (uint32_t)IGRAPH_FROM(G, e);
		r->ends[2 * e + 1] = (uint32_t)IGRAPH_TO(G, e);
		r->deg[r->ends[2 * e]]++;
		r->deg[r->ends[2 * e + 1]]++;
	}
	if (why) {
		untested(&x->tests.ei, why);
		untested(&x->tests.assort, why);
	} else {
		r->net = 1;
		r->slot[r->nslots++] = &x->tests.ei;
		r->slot[r->nslots++] = &x->tests.assort;
	}
	for (g = 0; g < gr->n; g++)
		if (why || gr->start[g + 1] - gr->start[g] < 3) {
			untested(&x->tests.group_ei[g], why ? why : "the group has fewer than three organizations");
		} else {
			r->ge[r->nge++] = (uint32_t)g;
			r->slot[r->nslots++] = &x->tests.group_ei[g];
		}
	return CM_OK;
}

/* The direct access tests: the members (orgs that are not
 * decision-makers) and which of them have direct access. */
static int setup_access(struct power *x, const struct cm_groups *gr, struct perm_run *r)
{
	struct cm_strlist targets = { x->o->targets, x->o->ntargets };
	unsigned char *tgt = calloc(x->n + 1, 1), *direct = calloc(x->n + 1, 1);
	const char *why = NULL;
	size_t v, g, kinds = 0;

	r->mgroup = malloc((x->n + 1) * sizeof(*r->mgroup));
	r->with = malloc((x->n + 1) * sizeof(*r->with));
	r->at = malloc((gr->n + 1) * sizeof(*r->at));
	r->members_of = calloc(gr->n + 1, sizeof(*r->members_of));
	if (!tgt || !direct || !r->mgroup || !r->with || !r->at || !r->members_of) {
		free(tgt);
		free(direct);
		return CM_ENOMEM;
	}
	cm_mark_targets(x->l, &targets, tgt);
	cm_mark_direct_access(x->l, x->f, x->a->drop, tgt, direct);
	for (v = 0; v < x->n; v++)
		if (!tgt[v]) {
			if (direct[v])
				r->with[r->nwith++] = (uint32_t)r->nmembers;
			r->mgroup[r->nmembers++] = gr->group_of[v];
			kinds += r->members_of[gr->group_of[v]]++ == 0;
		}
	free(tgt);
	free(direct);
	if (kinds < 2)
		why = "all members (organizations that are not decision-makers) are in one group";
	else if (r->nwith == 0)
		why = "no member has direct access";
	else if (r->nwith == r->nmembers)
		why = "every member has direct access";
	for (g = 0; g < gr->n; g++)
		if (why || r->members_of[g] < 3) {
			untested(&x->tests.access[g], why ? why : "the group has fewer than three members");
		} else {
			r->at[r->nat++] = (uint32_t)g;
			r->slot[r->nslots++] = &x->tests.access[g];
		}
	return CM_OK;
}

/* Centred ranks of v[] over the orgs with a budget into *out; the sum of
 * their squares. */
static int centred_ranks(struct power *x, const double *v, size_t nb, double **out, double *ss)
{
	double *c = malloc((nb + 1) * sizeof(*c)), *rk = malloc((nb + 1) * sizeof(*rk));
	size_t i, k = 0;

	*out = rk;
	*ss = 0;
	if (!c || !rk) {
		free(c);
		return CM_ENOMEM;
	}
	for (i = 0; i < x->n; i++)
		if (!isnan(x->l->orgs[i].budget))
			c[k++] = v[i];
	if (cm_ranks(c, nb, rk) < 0) {
		free(c);
		return CM_ENOMEM;
	}
	free(c);
	for (i = 0; i < nb; i++) {
		rk[i] -= (double)(nb + 1) / 2;
		*ss += rk[i] * rk[i];
	}
	return CM_OK;
}

/* The money tests: budget's ranks permuted over the orgs with a budget,
 * each centrality's held. */
static int setup_budget(struct power *x, struct perm_run *r)
{
	double *budget = malloc((x->n + 1) * sizeof(*budget)), sxx, syy;
	size_t i, k;
	int rc;

	if (!budget)
		return CM_ENOMEM;
	for (i = 0; i < x->n; i++) {
		budget[i] = x->l->orgs[i].budget;
		r->nb += !isnan(budget[i]);
	}
	rc = r->nb < 3 ? CM_OK : centred_ranks(x, budget, r->nb, &r->rb, &sxx);
	free(budget);
	if (rc < 0)
		return rc;
	for (k = 0; k < MONEY_METRICS; k++) {
		if (r->nb < 3) {
			untested(&x->tests.spearman[k], "fewer than three budgets");
			continue;
		}
		if ((rc = centred_ranks(x, x->a->v[cm_money_metrics[k]], r->nb, &r->rc[k], &syy)) < 0)
			return rc;
		r->norm[k] = sqrt(sxx * syy);
		if (!(r->norm[k] > 0)) {
			untested(&x->tests.spearman[k], "no variation");
			continue;
		}
		r->sp[r->nsp++] = (uint32_t)k;
		r->slot[r->nslots++] = &x->tests.spearman[k];
	}
	return CM_OK;
}

/* Runs the draws over the threads, then summarises each test. */
static int run_draws(struct power *x, struct perm_run *r)
{
	size_t threads = x->f->threads ? x->f->threads : cm_threads_default(), t, k;
	struct job *jobs;
	double *sorted;
	int rc = CM_ENOMEM;

	if (threads > r->draws)
		threads = r->draws;
	jobs = calloc(threads, sizeof(*jobs));
	sorted = malloc((r->draws + 1) * sizeof(*sorted));
	if (!jobs || !sorted)
		goto out;
	cm_progress_count("permutation tests", &r->done, r->draws);
	for (t = 0; t < threads; t++)
		jobs[t] = (struct job){ r, t, threads, 0 };
	cm_run_jobs(jobs, threads, sizeof(*jobs), worker);
	cm_progress(NULL);
	for (t = 0; t < threads; t++)
		if (jobs[t].failed)
			goto out;
	if (r->stop) {
		rc = CM_ETIMEOUT;
		goto out;
	}
	for (k = 0; k < r->nslots; k++)
		summarise(r->vals + k * r->draws, r->draws, r->obs[k], sorted, r->slot[k]);
	rc = CM_OK;
out:
	free(jobs);
	free(sorted);
	return rc;
}

static void run_release(struct perm_run *r)
{
	size_t k;

	free(r->ends);
	free(r->deg);
	free(r->ge);
	free(r->mgroup);
	free(r->with);
	free(r->at);
	free(r->members_of);
	free(r->rb);
	for (k = 0; k < MONEY_METRICS; k++)
		free(r->rc[k]);
	free(r->slot);
	free(r->vals);
	free(r->obs);
}

/* The observed figures, computed as the draws compute them (so that a
 * draw equal to the data compares equal), then the draws. */
static int observe_and_draw(struct power *x, struct perm_run *r)
{
	struct scratch s;
	size_t i;

	if (r->draws > SIZE_MAX / sizeof(*r->vals) / (r->nslots + 1))
		return CM_ENOMEM;
	r->vals = malloc((r->nslots * r->draws + 1) * sizeof(*r->vals));
	r->obs = malloc((r->nslots + 1) * sizeof(*r->obs));
	if (!r->vals || !r->obs || scratch_init(&s, r) < 0)
		return CM_ENOMEM;
	for (i = 0; i < r->nb; i++)
		s.idx[i] = (uint32_t)i;
	figures(r, &s, r->group_of, r->mgroup, s.idx, r->obs, 1);
	scratch_release(&s);
	return run_draws(x, r);
}

int cm_power_tests_run(struct power *x, const struct cm_groups *gr)
{
	struct perm_run r;
	int rc = CM_ENOMEM;

	memset(&x->tests, 0, sizeof(x->tests));
	memset(&r, 0, sizeof(r));
	if (!x->o || !x->o->permutations)
		return CM_OK;
	x->tests.n = r.draws = x->o->permutations;
	r.n = x->n;
	r.seed = x->o->seed;
	r.ngroups = gr ? gr->n : 0;
	r.group_of = gr ? gr->group_of : NULL;
	r.slot = malloc((2 + 2 * r.ngroups + MONEY_METRICS) * sizeof(*r.slot));
	if (!r.slot)
		goto out;
	if (gr) {
		x->tests.group_ei = calloc(gr->n + 1, sizeof(*x->tests.group_ei));
		x->tests.access = calloc(gr->n + 1, sizeof(*x->tests.access));
		if (!x->tests.group_ei || !x->tests.access || (rc = setup_groups(x, gr, &r)) < 0 ||
		    (rc = setup_access(x, gr, &r)) < 0)
			goto out;
	}
	if ((rc = setup_budget(x, &r)) < 0)
		goto out;
	rc = r.nslots ? observe_and_draw(x, &r) : CM_OK;
out:
	run_release(&r);
	if (rc == CM_ETIMEOUT)
		return cm_error_set(x->err, CM_ETIMEOUT, NULL, 0, 0,
				    "time limit reached during the permutation tests; nothing written (--permutations "
				    "with fewer draws is faster)");
	if (rc < 0)
		return cm_error_set(x->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return CM_OK;
}

void cm_power_tests_release(struct power_tests *t)
{
	free(t->group_ei);
	free(t->access);
	memset(t, 0, sizeof(*t));
}

/* "p = 0.004", or "p < 0.001" (never a p of 0). */
static const char *p_text(double p, char *buf, size_t n)
{
	if (p < 0.001)
		snprintf(buf, n, "p < 0.001");
	else
		snprintf(buf, n, "p = %.3f", p);
	return buf;
}

static void add_row(struct cm_findings *r, const char *section, const char *subject, const char *measure,
		    const double *values, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_findings_vadd(r, section, subject, measure, values, fmt, ap);
	va_end(ap);
}

void cm_power_add(struct power *x, const char *section, const char *subject, const char *measure, double value,
		  const struct perm_test *t, const char *fmt, ...)
{
	double v[5] = { value, NAN, NAN, NAN, NAN };
	char reading[700], p[32];
	size_t len;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reading, sizeof(reading), fmt, ap);
	va_end(ap);
	len = strlen(reading);
	if (x->tests.n && t && !isnan(value) && t->undefined) {
		snprintf(reading + len, sizeof(reading) - len, "; no permutation test: %s", t->undefined);
	} else if (x->tests.n && t && !isnan(value)) {
		v[1] = t->p;
		v[2] = t->mean;
		v[3] = t->low;
		v[4] = t->high;
		snprintf(reading + len, sizeof(reading) - len, "; %s, %s", p_text(t->p, p, sizeof(p)),
			 t->p >= 0.05 ? "within chance" : value > t->mean ? "more than chance" : "less than chance");
	}
	add_row(&x->r, section, subject, measure, v, "%s", reading);
}
