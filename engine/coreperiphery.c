/* coreperiphery.c - kernel: Borgatti and Everett's core/periphery models
 * (docs/statistics.md "Core and periphery") on the collaboration graph,
 * unweighted: the continuous coreness and the discrete core. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

#define CP_TOL 1e-10        /* largest change of a coreness (max = 1) at convergence */
#define CP_MAX_ITER 10000   /* sweeps; then the last iterate is kept */
#define CP_BUDGET 3e9       /* at most this many steps in all (a sweep visits n + 2m):
			     * 4,000 sweeps at 100,000 orgs, 430 at a million */
#define CP_EXTRAPOLATE 10  /* sweeps between Aitken steps */
#define CP_START_DEGREE 1e-3 /* share of the degrees in the start, so no org starts at 0 */
#define CP_EQUAL 1e-6      /* corenesses closer than this are all equal: no fit */
#define CP_MAX_SWEEPS 1000  /* passes of single-org moves */
#define CP_STARTS 8         /* prefixes the moves start from at least (the best local maxima of r) */
#define CP_START_WORK 2e7   /* more while starts * (n + 2m) stays below this: every prefix on small graphs */

static int nomem(struct cm_error *err)
{
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

static igraph_integer_t deg(const struct cm_csr *c, size_t v)
{
	return c->start[v + 1] - c->start[v];
}

const char *cm_cp_undefined(const struct cm_analysis *a, int discrete)
{
	double n = (double)a->n, m = (double)a->c.start[a->n] / 2;

	if (a->n < 2)
		return "fewer than two organizations";
	if (m == 0)
		return "no collaboration ties";
	if (m == n * (n - 1) / 2)
		return "every pair of organizations works together (nothing to tell core from periphery)";
	if (discrete && a->n < 4)
		return "fewer than four organizations (a core and a periphery need two each)";
	return NULL;
}

/* The objective sum over i != j of (a_ij - x_i x_j)^2 = 2m - 2 x'Ax +
 * (sum x^2)^2 - sum x^4, and *s = sum x^2.  O(n + m). */
static double objective(const struct cm_csr *c, size_t n, const double *x, double *s)
{
	double xax = 0, s2 = 0, s4 = 0;
	size_t v;
	igraph_integer_t i;

	for (v = 0; v < n; v++) {
		s2 += x[v] * x[v];
		s4 += x[v] * x[v] * x[v] * x[v];
		for (i = c->start[v]; i < c->start[v + 1]; i++)
			xax += x[v] * x[c->nbr[i]];
	}
	*s = s2;
	return (double)c->start[n] - 2 * xax + s2 * s2 - s4;
}

/* One sweep of coordinate descent: for fixed others the best x_v is
 * (A x)_v / (sum_j x_j^2 - x_v^2), applied in file order with the sum of
 * squares *s kept up to date, so the objective never rises.  d[v] the
 * move; returns the largest.  O(n + m). */
static double sweep(const struct cm_csr *c, size_t n, double *x, double *s, double *d)
{
	double change = 0;
	size_t v;
	igraph_integer_t i;

	for (v = 0; v < n; v++) {
		double ax = 0, rest = *s - x[v] * x[v], y;
		for (i = c->start[v]; i < c->start[v + 1]; i++)
			ax += x[c->nbr[i]];
		y = ax > 0 && rest > 0 ? ax / rest : 0;
		d[v] = y - x[v];
		change = fmax(change, fabs(d[v]));
		*s = rest + y * y;
		x[v] = y;
	}
	return change;
}

/* The minres fit: x minimising sum over i != j of (a_ij - x_i x_j)^2, by
 * sweeps of coordinate descent from the principal eigenvector (plus a
 * little of the degrees, so that no org starts at 0), until no value moves
 * by CP_TOL of the largest.  The error shrinks by a near-constant ratio q
 * per sweep on large graphs (slowly: q near 1), so every CP_EXTRAPOLATE
 * sweeps the last move is extended by q / (1 - q) (Aitken), or a quarter,
 * a sixteenth ... of that while at least one move, the first that lowers
 * the objective kept; at most CP_BUDGET steps in all, and caveat says so
 * when the fit stops before the tolerance.  Scaled to max 1.
 * O(sweeps * (n + m)). */
static int continuous(const struct cm_csr *c, size_t n, const double *eig, double *x, char *caveat, size_t ncaveat,
		      struct cm_error *err)
{
	double *d = malloc((n + 1) * sizeof(*d)), *y = malloc((n + 1) * sizeof(*y));
	double top = 0, etop = 0, s, change = INFINITY, last;
	size_t v, it, most = (size_t)fmin(CP_MAX_ITER, CP_BUDGET / ((double)n + (double)c->start[n] + 1));

	if (!d || !y) {
		free(d);
		free(y);
		return nomem(err);
	}
	for (v = 0; v < n; v++) {
		top = fmax(top, (double)deg(c, v));
		etop = fmax(etop, fabs(eig[v]));
	}
	for (v = 0; v < n; v++)
		x[v] = (etop > 0 ? fabs(eig[v]) / etop : 0) + CP_START_DEGREE * (double)deg(c, v) / top;
	objective(c, n, x, &s);
	for (it = 0, top = 1; change > CP_TOL * top && it < most; it++) {
		if (cm_time_up()) {
			free(d);
			free(y);
			return cm_ig_fail(IGRAPH_INTERRUPTED, err, "core/periphery");
		}
		last = change;
		change = sweep(c, n, x, &s, d);
		for (top = 0, v = 0; v < n; v++)
			top = fmax(top, x[v]);
		if (it % CP_EXTRAPOLATE == CP_EXTRAPOLATE - 1 && change < last) {
			double q = change / last, s2, f = objective(c, n, x, &s2), t;
			for (t = q / (1 - q); t >= 1; t /= 4) {
				for (v = 0; v < n; v++)
					y[v] = fmax(0, x[v] + d[v] * t);
				if (objective(c, n, y, &s2) < f) {
					memcpy(x, y, n * sizeof(*x));
					s = s2;
					break;
				}
			}
		}
	}
	if (change > CP_TOL * top)
		snprintf(caveat, ncaveat,
			 "cp_coreness stopped after %zu sweeps, before converging (its largest last step was %.2g of "
			 "the largest value), so it is close to the fit, not the fit", it, change / top);
	for (top = 0, v = 0; v < n; v++)
		top = fmax(top, x[v]);
	for (v = 0; v < n; v++)
		x[v] /= top;
	free(d);
	free(y);
	return CM_OK;
}

/* Pearson's r of a_ij and c_i c_j over the ordered pairs i != j, from
 * sums: sum a = sum a^2 = 2m, sum cc = (sum c)^2 - sum c^2,
 * sum (cc)^2 = (sum c^2)^2 - sum c^4, sum a cc = c'Ac; NaN when every c
 * is within CP_EQUAL of the others.  O(n + m). */
static double continuous_r(const struct cm_csr *c, size_t n, const double *x)
{
	double np = (double)n * ((double)n - 1), sa = (double)c->start[n], s1 = 0, s2 = 0, s4 = 0, sac = 0;
	double sy, syy, cov, va, vy, lo = INFINITY, hi = -INFINITY;
	size_t v;
	igraph_integer_t i;

	for (v = 0; v < n; v++) {
		s1 += x[v];
		lo = fmin(lo, x[v]);
		hi = fmax(hi, x[v]);
		s2 += x[v] * x[v];
		s4 += x[v] * x[v] * x[v] * x[v];
		for (i = c->start[v]; i < c->start[v + 1]; i++)
			sac += x[v] * x[c->nbr[i]];
	}
	sy = s1 * s1 - s2;
	syy = s2 * s2 - s4;
	cov = np * sac - sa * sy;
	va = np * sa - sa * sa;
	vy = np * syy - sy * sy;
	return va > 0 && hi - lo > CP_EQUAL ? cov / sqrt(va * vy) : NAN;
}

/* Pearson's r of a_ij and the ideal pattern over the unordered pairs
 * within the core (k orgs, pattern 1, e1 ties) and within the periphery
 * (n - k orgs, pattern 0, e0 ties); core-periphery pairs left out:
 * r = (N e1 - E P1) / sqrt(E (N - E) P1 P0), P1 = k(k-1)/2,
 * P0 = (n-k)(n-k-1)/2, N = P1 + P0, E = e1 + e0.  NaN when undefined. */
static double discrete_r(double n, double k, double e1, double e0)
{
	double p1 = k * (k - 1) / 2, p0 = (n - k) * (n - k - 1) / 2, np = p1 + p0, e = e1 + e0;

	if (p1 <= 0 || p0 <= 0 || e <= 0 || e >= np)
		return NAN;
	return (np * e1 - e * p1) / sqrt(e * (np - e) * p1 * p0);
}

static const double *sort_key;

static int by_coreness(const void *p, const void *q)
{
	size_t i = *(const size_t *)p, j = *(const size_t *)q;

	if (sort_key[i] != sort_key[j])
		return sort_key[i] > sort_key[j] ? -1 : 1;
	return (i > j) - (i < j);
}

/* The prefixes of the orgs ranked by coreness x as cores: r[k - 1] the
 * fit of the first k (NaN when undefined).  Adding org v to the core adds
 * its ties to the core (e1) and moves deg(v) - 2 * (its ties to the core)
 * ties into or out of the cross pairs; e0 = m - e1 - cross.  order[]
 * receives the ranking.  O(n log n + m). */
static void prefixes(const struct cm_csr *c, size_t n, const double *x, unsigned char *core, size_t *order,
		     double *r)
{
	double m = (double)c->start[n] / 2, e1 = 0, cross = 0;
	size_t k;
	igraph_integer_t i;

	for (k = 0; k < n; k++)
		order[k] = k;
	sort_key = x; /* the kernels run on one thread */
	qsort(order, n, sizeof(*order), by_coreness);
	memset(core, 0, n);
	for (k = 0; k < n; k++) {
		size_t v = order[k];
		double in = 0;
		for (i = c->start[v]; i < c->start[v + 1]; i++)
			in += core[c->nbr[i]];
		core[v] = 1;
		e1 += in;
		cross += (double)deg(c, v) - 2 * in;
		r[k] = discrete_r((double)n, (double)k + 1, e1, m - e1 - cross);
	}
}

/* Whether prefix k's r is a local maximum: defined, and no lower than
 * either neighbour's. */
static int is_peak(const double *r, size_t n, size_t k)
{
	return !isnan(r[k]) && !(k > 0 && r[k - 1] > r[k]) && !(k + 1 < n && r[k + 1] > r[k]);
}

/* The core sizes to start the moves from, best first, into ks (n
 * entries): the prefixes whose r is a local maximum, then the others
 * with a defined r, each by r (ties by size); returns how many.
 * O(n log n). */
static const double *start_r;

static int by_start(const void *p, const void *q)
{
	size_t i = *(const size_t *)p - 1, j = *(const size_t *)q - 1;
	double a = start_r[i], b = start_r[j];

	if (a != b)
		return a > b ? -1 : 1;
	return (i > j) - (i < j);
}

static size_t starts_of(const double *r, size_t n, size_t *ks)
{
	size_t k, npeak = 0, ns;

	for (k = 0; k < n; k++)
		if (is_peak(r, n, k))
			ks[npeak++] = k + 1;
	for (ns = npeak, k = 0; k < n; k++)
		if (!isnan(r[k]) && !is_peak(r, n, k))
			ks[ns++] = k + 1;
	start_r = r; /* the kernels run on one thread */
	qsort(ks, npeak, sizeof(*ks), by_start);
	qsort(ks + npeak, ns - npeak, sizeof(*ks), by_start);
	return ns;
}

/* Moves single orgs between core and periphery, in file order, while r
 * rises (by more than rounding); in[v] counts v's partners in the core.
 * O(sweeps * (n + m)). */
static double improve(const struct cm_csr *c, size_t n, unsigned char *core, size_t k, double *in)
{
	double m = (double)c->start[n] / 2, e1 = 0, e0, cross = 0, r;
	size_t v, sweep;
	igraph_integer_t i;
	int moved = 1;

	for (v = 0; v < n; v++) {
		in[v] = 0;
		for (i = c->start[v]; i < c->start[v + 1]; i++)
			in[v] += core[c->nbr[i]];
		if (core[v])
			e1 += in[v] / 2;
		else
			cross += in[v];
	}
	e0 = m - e1 - cross;
	r = discrete_r((double)n, (double)k, e1, e0);
	for (sweep = 0; moved && sweep < CP_MAX_SWEEPS && !isnan(r); sweep++)
		for (moved = 0, v = 0; v < n; v++) {
			double out = (double)deg(c, v) - in[v], k2 = core[v] ? (double)k - 1 : (double)k + 1;
			double f1 = core[v] ? e1 - in[v] : e1 + in[v], f0 = core[v] ? e0 + out : e0 - out;
			double r2 = discrete_r((double)n, k2, f1, f0);
			if (!(r2 > r + 1e-12))
				continue;
			core[v] ^= 1;
			k = (size_t)k2;
			e1 = f1;
			e0 = f0;
			r = r2;
			moved = 1;
			for (i = c->start[v]; i < c->start[v + 1]; i++)
				in[c->nbr[i]] += core[v] ? 1 : -1;
		}
	return r;
}

/* The start of the continuous fit: the principal eigenvector (the eigen
 * kernel's, else computed), which the fit approaches as n grows; the
 * degrees where it does not converge (a long chain). */
static int start_from(struct cm_analysis *a, igraph_vector_t *eig, struct cm_error *err)
{
	size_t i;
	int rc, converged = 1;

	if (igraph_vector_init(eig, (igraph_integer_t)a->n))
		return nomem(err);
	if (a->known & CM_K_EIGEN) {
		for (i = 0; i < a->n; i++)
			VECTOR(*eig)[(igraph_integer_t)i] = a->v[CM_M_EIGENVECTOR][i];
		converged = a->n == 0 || !isnan(a->v[CM_M_EIGENVECTOR][0]);
	} else if ((rc = cm_eigenvector(&a->c, a->n, VECTOR(*eig), &converged, err)) < 0) {
		igraph_vector_destroy(eig);
		return rc;
	}
	if (!converged)
		for (i = 0; i < a->n; i++)
			VECTOR(*eig)[(igraph_integer_t)i] = (double)(a->c.start[i + 1] - a->c.start[i]);
	return CM_OK;
}

int cm_kernel_core_periphery(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_CP_CORENESS, CM_M_CP_CORE };
	size_t n = a->n, *order = NULL, k, v, *ks = NULL, ns, s, limit;
	unsigned char *core = NULL, *best = NULL;
	double *x = NULL, *r = NULL, fit, best_fit = -2, work;
	igraph_vector_t eig;
	int rc;

	if ((rc = cm_alloc_values(a, ms, 2, err)) < 0 || cm_cp_undefined(a, 0))
		return rc;
	x = a->v[CM_M_CP_CORENESS];
	if ((rc = start_from(a, &eig, err)) < 0)
		return rc;
	rc = continuous(&a->c, n, VECTOR(eig), x, a->cp_caveat, sizeof(a->cp_caveat), err);
	igraph_vector_destroy(&eig);
	if (rc < 0)
		return rc;
	if (cm_cp_undefined(a, 1))
		return CM_OK;
	order = malloc((n + 1) * sizeof(*order));
	core = malloc(n + 1);
	best = malloc(n + 1);
	r = malloc((n + 1) * sizeof(*r));
	ks = malloc((n + 1) * sizeof(*ks));
	if (!order || !core || !best || !r || !ks) {
		rc = nomem(err);
		goto out;
	}
	/* single-org moves from each of the best prefixes; the best result
	 * (the earlier start on a tie) */
	prefixes(&a->c, n, x, core, order, r);
	ns = starts_of(r, n, ks);
	work = CP_START_WORK / ((double)n + (double)a->c.start[n]); /* starts * (n + 2m) */
	limit = work > CP_STARTS ? (size_t)work : CP_STARTS;
	if (ns > limit)
		ns = limit;
	memset(best, 0, n);
	for (s = 0; s < ns; s++) {
		memset(core, 0, n);
		for (k = 0; k < ks[s]; k++)
			core[order[k]] = 1;
		fit = improve(&a->c, n, core, ks[s], a->v[CM_M_CP_CORE]);
		if (fit > best_fit + 1e-12) {
			best_fit = fit;
			memcpy(best, core, n);
		}
	}
	for (v = 0; v < n; v++)
		a->v[CM_M_CP_CORE][v] = best[v];
out:
	free(order);
	free(core);
	free(best);
	free(r);
	free(ks);
	return rc;
}

int cm_cp_fit(const struct cm_analysis *a, struct cm_cp_fit *f)
{
	const struct cm_csr *c = &a->c;
	const double *core = a->v[CM_M_CP_CORE];
	size_t v;
	igraph_integer_t i;

	memset(f, 0, sizeof(*f));
	f->r_continuous = f->r_discrete = NAN;
	if (cm_cp_undefined(a, 0))
		return CM_OK;
	f->r_continuous = continuous_r(c, a->n, a->v[CM_M_CP_CORENESS]);
	if (cm_cp_undefined(a, 1))
		return CM_OK;
	for (v = 0; v < a->n; v++) {
		f->core += core[v] == 1;
		for (i = c->start[v]; i < c->start[v + 1]; i++) {
			double both = core[v] + core[c->nbr[i]];
			if (both == 2)
				f->e_core += 0.5;
			else if (both == 0)
				f->e_periphery += 0.5;
			else
				f->e_between += 0.5;
		}
	}
	f->r_discrete = discrete_r((double)a->n, (double)f->core, f->e_core, f->e_periphery);
	return CM_OK;
}
