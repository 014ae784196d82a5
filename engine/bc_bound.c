/* bc_bound.c - betweenness within a stated error: adaptive sampling of
 * random shortest paths (Borassi and Natale 2016, "KADABRA is an ADaptive
 * Algorithm for Betweenness via Random Approximation"), on an unweighted
 * undirected compressed adjacency.
 *
 * Each sample draws an ordered pair (s, t), s != t, uniformly, finds every
 * shortest s-t path by a balanced bidirectional breadth-first search, and
 * picks one of them uniformly; every vertex inside it scores 1.  A vertex's
 * share of samples estimates b(v), its betweenness as a share of all
 * ordered pairs (betweenness / (n(n-1)/2)), without bias.
 *
 * The guarantee (docs/statistics.md): with probability at least 1 - delta,
 * |estimate - b(v)| <= eps for every vertex at once.  Half of delta goes to
 * the cap: omega = (c / eps^2) (floor(log2(VD - 2)) + 1 + ln(2 / delta))
 * samples, c = 0.5, VD a bound on the vertex diameter, are enough for every
 * vertex by Riondato and Kornaropoulos (2016).  The other half is split over
 * the vertices' two tails (delta_L(v) + delta_U(v)), and sampling stops
 * earlier as soon as every vertex's Freedman bound, which holds at every
 * step up to omega at once and so at any stopping time, is within eps:
 *   b(v) >= est - f,  f = (L/tau) (1/3 - omega/tau + sqrt((1/3 - omega/tau)^2 + 2 est omega / L))
 *   b(v) <= est + g,  g = (L/tau) (1/3 + omega/tau + sqrt((1/3 + omega/tau)^2 + 2 est omega / L))
 * with L = ln(1/delta_L(v)) (or delta_U(v)) and tau samples so far.  The
 * split gives each vertex 1/(2n) of the tail budget plus a part in
 * proportion to its estimate from a separate pilot sample (discarded), so
 * central vertices, which need the most samples, get the larger share.
 *
 * Sample number i always draws from the generator (seed, stream, i) and
 * scores are integer counts, so results are the same for any thread count;
 * the stopping rule is checked between batches whose bounds do not depend
 * on the threads either. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "rng.h"

#define STREAM_PILOT 0xB7C0u
#define STREAM_MAIN 0xB7C1u
#define RK_C 0.5

/* One thread's search state: hop counts from either end (-1: not reached)
 * and path counts, the levels being expanded, and every vertex touched (to
 * reset). */
struct bside {
	int32_t *d;
	double *sigma;
	uint32_t *cur, *next; /* the frontier and the level being built */
	size_t ncur, nnext;
	uint32_t *seen;
	size_t nseen;
	double deg;           /* the frontier's degree sum */
};

struct bworker {
	const struct cm_csr *c;
	size_t n;
	struct bside side[2];
	uint32_t *meet;
	uint32_t *path;
	/* this batch's samples: first, first + stride, ... < end */
	uint64_t seed, stream;
	size_t first, end, stride;
	uint32_t *count;      /* shared, atomic increments */
	size_t *done;         /* shared, for progress */
	int *stop;            /* shared: the time limit passed */
	int failed;
};

static void side_free(struct bside *s)
{
	free(s->d);
	free(s->sigma);
	free(s->cur);
	free(s->next);
	free(s->seen);
}

static int side_alloc(struct bside *s, size_t n)
{
	size_t v;

	memset(s, 0, sizeof(*s));
	s->d = malloc((n + 1) * sizeof(*s->d));
	s->sigma = malloc((n + 1) * sizeof(*s->sigma));
	s->cur = malloc((n + 1) * sizeof(*s->cur));
	s->next = malloc((n + 1) * sizeof(*s->next));
	s->seen = malloc((n + 1) * sizeof(*s->seen));
	if (!s->d || !s->sigma || !s->cur || !s->next || !s->seen)
		return CM_ENOMEM;
	for (v = 0; v < n; v++)
		s->d[v] = -1;
	return CM_OK;
}

static void side_start(struct bside *s, const struct cm_csr *c, uint32_t v)
{
	s->d[v] = 0;
	s->sigma[v] = 1;
	s->cur[0] = v;
	s->ncur = 1;
	s->seen[0] = v;
	s->nseen = 1;
	s->deg = (double)(c->start[v + 1] - c->start[v]);
}

static void side_reset(struct bside *s)
{
	size_t i;

	for (i = 0; i < s->nseen; i++)
		s->d[s->seen[i]] = -1;
	s->nseen = 0;
}

/* Expands side x by one level; vertices it reaches that side y has reached
 * go to meet (*nmeet). */
static void expand(struct bworker *w, struct bside *x, const struct bside *y, size_t *nmeet)
{
	const igraph_integer_t *start = w->c->start, *nbr = w->c->nbr;
	size_t i;
	uint32_t *tmp;

	x->nnext = 0;
	x->deg = 0;
	for (i = 0; i < x->ncur; i++) {
		uint32_t u = x->cur[i];
		int32_t du = x->d[u] + 1;
		double su = x->sigma[u];
		igraph_integer_t e;
		for (e = start[u]; e < start[u + 1]; e++) {
			uint32_t v = (uint32_t)nbr[e];
			if (x->d[v] < 0) {
				x->d[v] = du;
				x->sigma[v] = su;
				x->next[x->nnext++] = v;
				x->seen[x->nseen++] = v;
				x->deg += (double)(start[v + 1] - start[v]);
				if (y->d[v] >= 0)
					w->meet[(*nmeet)++] = v;
			} else if (x->d[v] == du) {
				x->sigma[v] += su;
			}
		}
	}
	tmp = x->cur;
	x->cur = x->next;
	x->next = tmp;
	x->ncur = x->nnext;
}

/* From v back to its side's start, choosing each predecessor with
 * probability sigma(u) / sigma(v); appends the vertices passed, v
 * excluded and the start included, to w->path. */
static size_t walk_back(struct bworker *w, const struct bside *x, uint32_t v, struct cm_rng *r, size_t k)
{
	const igraph_integer_t *start = w->c->start, *nbr = w->c->nbr;

	while (x->d[v] > 0) {
		double pick = (double)(cm_rng_next(r) >> 11) * 0x1.0p-53 * x->sigma[v], acc = 0;
		uint32_t last = v;
		igraph_integer_t e;
		for (e = start[v]; e < start[v + 1]; e++) {
			uint32_t u = (uint32_t)nbr[e];
			if (x->d[u] == x->d[v] - 1) {
				last = u;
				acc += x->sigma[u];
				if (pick < acc)
					break;
			}
		}
		v = last; /* rounding: the last predecessor */
		w->path[k++] = v;
	}
	return k;
}

/* One sample: scores the inside of one uniformly chosen shortest path of
 * a uniformly chosen ordered pair (nothing when it has none). */
static void sample(struct bworker *w, uint64_t index)
{
	struct cm_rng r;
	struct bside *s = &w->side[0], *t = &w->side[1];
	uint32_t a, b, mid = 0;
	size_t nmeet = 0, k = 0, i;
	double total = 0, pick, acc = 0;

	cm_rng_init(&r, w->seed, w->stream, index);
	a = (uint32_t)cm_rng_below(&r, w->n);
	b = (uint32_t)cm_rng_below(&r, w->n - 1);
	if (b >= a)
		b++;
	side_start(s, w->c, a);
	side_start(t, w->c, b);
	while (!nmeet && s->ncur && t->ncur) {
		if (s->deg <= t->deg)
			expand(w, s, t, &nmeet);
		else
			expand(w, t, s, &nmeet);
	}
	if (nmeet) {
		for (i = 0; i < nmeet; i++)
			total += s->sigma[w->meet[i]] * t->sigma[w->meet[i]];
		pick = (double)(cm_rng_next(&r) >> 11) * 0x1.0p-53 * total;
		mid = w->meet[nmeet - 1];
		for (i = 0; i < nmeet; i++) {
			acc += s->sigma[w->meet[i]] * t->sigma[w->meet[i]];
			if (pick < acc) {
				mid = w->meet[i];
				break;
			}
		}
		w->path[k++] = mid;
		k = walk_back(w, s, mid, &r, k);
		k = walk_back(w, t, mid, &r, k);
		for (i = 0; i < k; i++)
			if (w->path[i] != a && w->path[i] != b)
				__atomic_add_fetch(&w->count[w->path[i]], 1, __ATOMIC_RELAXED);
	}
	side_reset(s);
	side_reset(t);
}

static void *bworker_run(void *arg)
{
	struct bworker *w = arg;
	size_t i, k = 0;

	for (i = w->first; i < w->end; i += w->stride) {
		if ((++k & 63) == 0 && (__atomic_load_n(w->stop, __ATOMIC_RELAXED) || cm_time_up())) {
			__atomic_store_n(w->stop, 1, __ATOMIC_RELAXED);
			break;
		}
		sample(w, i);
		__atomic_add_fetch(w->done, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

struct pool {
	struct bworker *w;
	pthread_t *tid;
	size_t threads;
};

static void pool_free(struct pool *p)
{
	size_t t;

	if (p->w)
		for (t = 0; t < p->threads; t++) {
			side_free(&p->w[t].side[0]);
			side_free(&p->w[t].side[1]);
			free(p->w[t].meet);
			free(p->w[t].path);
		}
	free(p->w);
	free(p->tid);
}

static int pool_alloc(struct pool *p, const struct cm_csr *c, size_t n, size_t threads)
{
	size_t t;

	p->threads = threads;
	p->w = calloc(threads, sizeof(*p->w));
	p->tid = calloc(threads, sizeof(*p->tid));
	if (!p->w || !p->tid)
		return CM_ENOMEM;
	for (t = 0; t < threads; t++) {
		struct bworker *w = &p->w[t];
		w->c = c;
		w->n = n;
		if (side_alloc(&w->side[0], n) < 0 || side_alloc(&w->side[1], n) < 0 ||
		    !(w->meet = malloc((n + 1) * sizeof(*w->meet))) || !(w->path = malloc((n + 1) * sizeof(*w->path))))
			return CM_ENOMEM;
	}
	return CM_OK;
}

/* Samples [from, to) of a stream into count, over the pool's threads. */
static int run_batch(struct pool *p, uint64_t seed, uint64_t stream, size_t from, size_t to, uint32_t *count,
		     size_t *done)
{
	size_t t, started = 0;
	int stop = 0;

	for (t = 0; t < p->threads; t++) {
		struct bworker *w = &p->w[t];
		w->seed = seed;
		w->stream = stream;
		w->first = from + t;
		w->end = to;
		w->stride = p->threads;
		w->count = count;
		w->done = done;
		w->stop = &stop;
	}
	for (t = 1; t < p->threads; t++) {
		if (pthread_create(&p->tid[t], NULL, bworker_run, &p->w[t]) != 0) {
			stop = 1;
			break;
		}
		started = t;
	}
	if (!stop)
		bworker_run(&p->w[0]);
	for (t = 1; t <= started; t++)
		pthread_join(p->tid[t], NULL);
	if (stop && !cm_time_up())
		return CM_ENOMEM; /* a thread could not be started */
	return stop ? CM_ETIMEOUT : CM_OK;
}

/* An upper bound on the vertex diameter (the most vertices on a shortest
 * path): twice the eccentricity of one vertex per component, plus one.
 * One breadth-first search over the whole graph. */
static int vertex_diameter(const struct cm_csr *c, size_t n, size_t *vd)
{
	int32_t *d = malloc((n + 1) * sizeof(*d));
	uint32_t *q = malloc((n + 1) * sizeof(*q));
	size_t v, best = 0;

	if (!d || !q) {
		free(d);
		free(q);
		return CM_ENOMEM;
	}
	for (v = 0; v < n; v++)
		d[v] = -1;
	for (v = 0; v < n; v++) {
		size_t head = 0, tail = 0;
		int32_t ecc = 0;
		if (d[v] >= 0)
			continue;
		d[v] = 0;
		q[tail++] = (uint32_t)v;
		while (head < tail) {
			uint32_t u = q[head++];
			igraph_integer_t e;
			ecc = d[u];
			for (e = c->start[u]; e < c->start[u + 1]; e++)
				if (d[c->nbr[e]] < 0) {
					d[c->nbr[e]] = d[u] + 1;
					q[tail++] = (uint32_t)c->nbr[e];
				}
		}
		if (2 * (size_t)ecc + 1 > best)
			best = 2 * (size_t)ecc + 1;
	}
	free(d);
	free(q);
	*vd = best;
	return CM_OK;
}

/* Freedman's bounds on either side of an estimate (see the top). */
static double bound_below(double est, double L, double omega, double tau)
{
	double a = 1.0 / 3 - omega / tau;

	return L / tau * (a + sqrt(a * a + 2 * est * omega / L));
}

static double bound_above(double est, double L, double omega, double tau)
{
	double a = 1.0 / 3 + omega / tau;

	return L / tau * (a + sqrt(a * a + 2 * est * omega / L));
}

struct rank {
	double est;
	size_t v;
};

static int rank_cmp(const void *x, const void *y)
{
	const struct rank *a = x, *b = y;

	if (a->est != b->est)
		return a->est > b->est ? -1 : 1;
	return a->v < b->v ? -1 : a->v > b->v;
}

/* Of the top k by estimate (ties by vertex number), how many have a rank
 * the intervals make certain: above every interval below and below every
 * interval above.  certain[i] for rank i + 1 when certain is given. */
static int top_certified(const double *est, const double *low, const double *high, size_t n, size_t k,
			 unsigned char *certain, size_t *ncertain)
{
	struct rank *r = malloc((n + 1) * sizeof(*r));
	double *below = malloc((k + 2) * sizeof(*below)), above = INFINITY, rest = -INFINITY;
	size_t i;

	if (!r || !below) {
		free(r);
		free(below);
		return CM_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		r[i].est = est[i];
		r[i].v = i;
	}
	qsort(r, n, sizeof(*r), rank_cmp);
	if (k > n)
		k = n;
	for (i = k; i < n; i++)
		rest = fmax(rest, high[r[i].v]);
	/* below[i]: the highest upper end among ranks i + 1 .. n (0-based i) */
	below[k] = rest;
	for (i = k; i-- > 0;)
		below[i] = fmax(below[i + 1], high[r[i].v]);
	*ncertain = 0;
	for (i = 0; i < k; i++) {
		int ok = low[r[i].v] > below[i + 1] && high[r[i].v] < above;
		if (certain)
			certain[i] = (unsigned char)ok;
		*ncertain += (size_t)ok;
		above = fmin(above, low[r[i].v]);
	}
	free(r);
	free(below);
	return CM_OK;
}

void cm_bc_bound_release(struct cm_bc_bound *o)
{
	free(o->b);
	free(o->low);
	free(o->high);
	free(o->certain);
	memset(o, 0, sizeof(*o));
}

/* The intervals after tau samples; 1 when every one is within eps. */
static int intervals(const uint32_t *count, size_t n, const double *Ll, const double *Lu, double omega,
		     double tau, double eps, int capped, struct cm_bc_bound *o)
{
	size_t v;
	int within = 1;

	for (v = 0; v < n; v++) {
		double est = (double)count[v] / tau, f = bound_below(est, Ll[v], omega, tau),
		       g = bound_above(est, Lu[v], omega, tau);
		if (capped) {
			f = fmin(f, eps);
			g = fmin(g, eps);
		}
		within &= f <= eps && g <= eps;
		o->b[v] = est;
		o->low[v] = fmax(0, est - f);
		o->high[v] = fmin(1, est + g);
	}
	return within;
}

int cm_bc_bound_compute(const struct cm_csr *c, size_t n, double eps, double delta, size_t topk, size_t threads,
			uint64_t seed, struct cm_bc_bound *o)
{
	struct pool p = { 0 };
	uint32_t *count = NULL;
	double *Ll = NULL, *Lu = NULL, omega, sum = 0;
	size_t vd, pilot, tau = 0, v, done = 0, ncert = 0;
	int rc;

	memset(o, 0, sizeof(*o));
	o->eps = eps;
	o->delta = delta;
	o->topk = topk < n ? topk : n;
	if (!(o->b = calloc(n + 1, sizeof(*o->b))) || !(o->low = calloc(n + 1, sizeof(*o->low))) ||
	    !(o->high = calloc(n + 1, sizeof(*o->high))) || !(o->certain = calloc(o->topk + 1, 1)))
		goto nomem;
	if ((rc = vertex_diameter(c, n, &vd)) < 0)
		goto fail;
	if (vd < 3 || n < 3) { /* no path has an inside: every value is 0 */
		rc = top_certified(o->b, o->low, o->high, n, o->topk, o->certain, &ncert);
		o->certified = ncert;
		if (rc < 0)
			goto fail;
		return CM_OK;
	}
	omega = ceil(RK_C / (eps * eps) * (floor(log2((double)vd - 2)) + 1 + log(2 / delta)));
	o->cap = (size_t)omega;
	if (threads == 0)
		threads = cm_threads_default();
	if (!(count = calloc(n + 1, sizeof(*count))) || !(Ll = malloc((n + 1) * sizeof(*Ll))) ||
	    !(Lu = malloc((n + 1) * sizeof(*Lu))) || pool_alloc(&p, c, n, threads) < 0)
		goto nomem;
	/* pilot: where the tail budget goes */
	pilot = o->cap / 100 > 1000 ? o->cap / 100 : 1000;
	if (pilot > o->cap)
		pilot = o->cap;
	cm_progress_count("betweenness", &done, pilot + o->cap);
	if ((rc = run_batch(&p, seed, STREAM_PILOT, 0, pilot, count, &done)) < 0)
		goto fail;
	for (v = 0; v < n; v++)
		sum += count[v];
	for (v = 0; v < n; v++) {
		double share = 0.5 / (double)n + (sum > 0 ? 0.5 * count[v] / sum : 0.5 / (double)n);
		Ll[v] = Lu[v] = -log(delta / 4 * share);
	}
	memset(count, 0, n * sizeof(*count));
	/* sampling, checked between batches of 5 % (at least 256) */
	for (;;) {
		size_t next = tau + (tau / 20 > 256 ? tau / 20 : 256);
		int within;
		if (next > o->cap)
			next = o->cap;
		if ((rc = run_batch(&p, seed, STREAM_MAIN, tau, next, count, &done)) < 0)
			goto fail;
		tau = next;
		within = intervals(count, n, Ll, Lu, omega, (double)tau, eps, tau == o->cap, o);
		if (within && o->topk &&
		    (rc = top_certified(o->b, o->low, o->high, n, o->topk, NULL, &ncert)) < 0)
			goto fail;
		if (tau == o->cap || (within && ncert == o->topk))
			break;
	}
	o->samples = tau;
	o->capped = tau == o->cap;
	if ((rc = top_certified(o->b, o->low, o->high, n, o->topk, o->certain, &ncert)) < 0)
		goto fail;
	o->certified = ncert;
	rc = CM_OK;
	goto out;
nomem:
	rc = CM_ENOMEM;
fail:
	cm_bc_bound_release(o);
out:
	cm_progress(NULL);
	pool_free(&p);
	free(count);
	free(Ll);
	free(Lu);
	return rc;
}
