/* paths.c - betweenness and harmonic closeness from one shortest-path
 * search per source (Brandes 2001), over a read-only compressed adjacency,
 * split over threads, exact or from a seeded sample of sources.
 *
 * igraph is never called from the worker threads (Debian's igraph 0.10 is
 * not thread-safe): they only read struct cm_csr. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "graph.h"
#include "rng.h"

/* Two weighted distances closer than this (relative) are equal, so that
 * 1/3 + 1/3 + 1/3 and 1 are one length, as igraph treats them. */
#define DIST_EPS 1e-10

/* Sums across sources are kept in fixed point (62 fractional bits in a
 * 128-bit integer): integer addition is associative, so totals do not
 * depend on how sources are split over threads, and the output is the
 * same for every --threads.  Every term is non-negative. */
typedef __int128 fx_t;
#define FX_FRAC 62
#define FX_ONE 4611686018427387904.0 /* 2^62 */

static inline void fx_add(fx_t *a, double x)
{
	int64_t ip = (int64_t)x;

	*a += ((fx_t)ip << FX_FRAC) + (fx_t)(int64_t)((x - (double)ip) * FX_ONE);
}

static double fx_get(fx_t a)
{
	return (double)(int64_t)(a >> FX_FRAC) + (double)(int64_t)(a & (((fx_t)1 << FX_FRAC) - 1)) / FX_ONE;
}

/* Sampled sums per vertex: dependencies, their squares, 1/d credited by
 * the sources that reach it, and their squares. */
struct acc4 {
	fx_t b, b2;
	int64_t h, h2;
};

struct job {
	const igraph_integer_t *start;
	const uint32_t *nbr;      /* the neighbours as 32-bit vertex numbers */
	size_t n;
	const double *len;        /* length per CSR entry, NULL = unweighted */
	const size_t *sources;
	size_t nsources;
	size_t first, stride;     /* this thread's share of sources */
	int sampled;
	int btw_too;              /* 0: harmonic closeness only */
	double hone;              /* sampled: 2^(fractional bits of h, h2) */
	int *stop;                /* shared: set when the time limit passes */
	size_t *done;             /* shared: sources begun */
	size_t *completed;        /* shared: sources finished, for progress */
	double *dsum, *ecc;       /* per source, shared: each source has one thread */
	size_t *reached;
	fx_t *btw;                /* exact: sums of dependencies */
	struct acc4 *acc;         /* sampled: per vertex, one cache line */
	double *harm;             /* exact: per source, shared like dsum */
	int failed;
};

/* Min-heap of (distance, vertex) for Dijkstra. */
struct heap {
	double *d;
	igraph_integer_t *v;
	size_t n;
};

static void heap_push(struct heap *h, double d, igraph_integer_t v)
{
	size_t i = h->n++;

	while (i > 0) {
		size_t p = (i - 1) / 2;
		if (h->d[p] <= d)
			break;
		h->d[i] = h->d[p];
		h->v[i] = h->v[p];
		i = p;
	}
	h->d[i] = d;
	h->v[i] = v;
}

static void heap_pop(struct heap *h, double *d, igraph_integer_t *v)
{
	double ld;
	igraph_integer_t lv;
	size_t i = 0;

	*d = h->d[0];
	*v = h->v[0];
	ld = h->d[--h->n];
	lv = h->v[h->n];
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= h->n)
			break;
		if (c + 1 < h->n && h->d[c + 1] < h->d[c])
			c++;
		if (h->d[c] >= ld)
			break;
		h->d[i] = h->d[c];
		h->v[i] = h->v[c];
		i = c;
	}
	h->d[i] = ld;
	h->v[i] = lv;
}

static int same_dist(double a, double b)
{
	return fabs(a - b) <= DIST_EPS * fmax(a, b);
}

/* The breadth-first search reads, for every arc, the level of the vertex
 * at its far end: whether it is new, on the next level or neither.  Two
 * adjacent vertices' levels differ by at most one, so the level modulo 255
 * answers that, in one byte a vertex (TAG_NONE: not reached); 100,000
 * orgs' tags take 100 KB and a million's 1 MB, inside a core's L2 cache,
 * where four-byte hop counts beside the path counts did not fit.  The true
 * hop count is written once per vertex, when it is reached. */
#define TAG_NONE 255

static inline unsigned char tag_next(unsigned char t)
{
	return t == TAG_NONE - 1 ? 0 : (unsigned char)(t + 1);
}

/* Adds one source's contribution to vertex v at distance d > 0 with
 * dependency delta.  Sampled sums of 1/d and 1/d^2 (at most 1 each) fit
 * 64-bit fixed point with j->hfrac fractional bits; dependencies of 0
 * (vertices no shortest path passes through) add nothing. */
static inline void credit(struct job *j, size_t v, double d, double delta)
{
	if (j->sampled) {
		struct acc4 *a = &j->acc[v];
		double x = 1.0 / d, one = j->hone;
		a->h += (int64_t)(x * one);
		a->h2 += (int64_t)(x * x * one);
		if (delta > 0) {
			fx_add(&a->b, delta);
			fx_add(&a->b2, delta * delta);
		}
	} else if (delta > 0) {
		fx_add(&j->btw[v], delta);
	}
}

/* One thread's search state, reused from source to source. */
struct search {
	double *dist;          /* Dijkstra's distances, only with lengths */
	/* sigma: shortest paths from the source; once the vertex's dependency
	 * is known, (1 + delta) / sigma, which its predecessors pull */
	double *sigma, *delta;
	int32_t *hop;
	unsigned char *tag, *settled;
	uint32_t *order;       /* vertices in search order */
	/* the breadth-first search's shortest-path arcs, grouped by their
	 * tail in search order: dag[first[i] .. first[i + 1]) are the
	 * successors of order[i], which the dependency pass reads instead of
	 * testing every arc again */
	uint32_t *dag;
	size_t *first;
	struct heap h;
	size_t tail;           /* vertices reached, the source included */
	double far, dsum, hsum;
};

static void search_free(struct search *sr)
{
	free(sr->dist);
	free(sr->sigma);
	free(sr->delta);
	free(sr->hop);
	free(sr->tag);
	free(sr->order);
	free(sr->dag);
	free(sr->first);
	free(sr->settled);
	free(sr->h.d);
	free(sr->h.v);
}

static int search_alloc(struct search *sr, const struct job *j)
{
	size_t n = j->n, m2 = (size_t)j->start[n], k;

	memset(sr, 0, sizeof(*sr));
	sr->sigma = malloc((n + 1) * sizeof(*sr->sigma));
	sr->delta = malloc((n + 1) * sizeof(*sr->delta));
	sr->hop = malloc((n + 1) * sizeof(*sr->hop));
	sr->tag = malloc(n + 1);
	sr->order = malloc((n + 1) * sizeof(*sr->order));
	if (j->len) { /* Dijkstra's state only when lengths are given */
		sr->dist = malloc((n + 1) * sizeof(*sr->dist));
		sr->settled = calloc(n + 1, 1);
		sr->h.d = malloc((m2 + n + 1) * sizeof(*sr->h.d));
		sr->h.v = malloc((m2 + n + 1) * sizeof(*sr->h.v));
	} else {
		sr->dag = malloc((m2 + 1) * sizeof(*sr->dag));
		sr->first = malloc((n + 2) * sizeof(*sr->first));
	}
	if (!sr->sigma || !sr->delta || !sr->hop || !sr->tag || !sr->order ||
	    (j->len && (!sr->dist || !sr->settled || !sr->h.d || !sr->h.v)) || (!j->len && (!sr->dag || !sr->first)))
		return CM_ENOMEM;
	for (k = 0; k < n; k++) {
		if (sr->dist)
			sr->dist[k] = -1;
		sr->tag[k] = TAG_NONE;
	}
	return CM_OK;
}

/* Breadth-first search from s: hops, path counts, the shortest-path arcs. */
static void bfs(const struct job *j, struct search *sr, uint32_t s)
{
	const uint32_t *nbr = j->nbr;
	const igraph_integer_t *start = j->start;
	double *sigma = sr->sigma;
	int32_t *hop = sr->hop;
	unsigned char *tag = sr->tag;
	uint32_t *order = sr->order, *dag = sr->dag;
	size_t *first = sr->first, head = 0, tail = 0, q = 0, i;
	igraph_integer_t e;

	sigma[s] = 1;
	hop[s] = 0;
	tag[s] = 0;
	order[tail++] = s;
	while (head < tail) {
		uint32_t v = order[head];
		unsigned char tn = tag_next(tag[v]);
		int32_t hv = hop[v] + 1;
		double sv = sigma[v];
		first[head++] = q;
		for (e = start[v]; e < start[v + 1]; e++) {
			uint32_t w = nbr[e];
			if (tag[w] == TAG_NONE) {
				tag[w] = tn;
				hop[w] = hv;
				sigma[w] = sv;
				order[tail++] = w;
				dag[q++] = w;
			} else if (tag[w] == tn) {
				sigma[w] += sv;
				dag[q++] = w;
			}
		}
	}
	first[tail] = q;
	sr->tail = tail;
	sr->far = hop[order[tail - 1]];
	sr->dsum = sr->hsum = 0;
	for (i = 1; i < tail; i++) {
		double d = hop[order[i]];
		sr->dsum += d;
		if (!j->sampled)
			sr->hsum += 1.0 / d;
	}
}

/* Dijkstra from s; order[] receives vertices as they are settled. */
static void dijkstra(const struct job *j, struct search *sr, uint32_t s)
{
	const uint32_t *nbr = j->nbr;
	const igraph_integer_t *start = j->start;
	double *dist = sr->dist, *sigma = sr->sigma;
	size_t tail = 0, i;
	igraph_integer_t e;

	sigma[s] = 1;
	dist[s] = 0;
	sr->h.n = 0;
	heap_push(&sr->h, 0, s);
	while (sr->h.n) {
		double d;
		igraph_integer_t v;
		heap_pop(&sr->h, &d, &v);
		if (sr->settled[v])
			continue;
		sr->settled[v] = 1;
		sr->order[tail++] = (uint32_t)v;
		for (e = start[v]; e < start[v + 1]; e++) {
			uint32_t w = nbr[e];
			double nd = dist[v] + j->len[e];
			if (sr->settled[w])
				continue;
			if (dist[w] < 0 || (nd < dist[w] && !same_dist(nd, dist[w]))) {
				dist[w] = nd;
				sigma[w] = sigma[v];
				heap_push(&sr->h, nd, w);
			} else if (same_dist(nd, dist[w])) {
				sigma[w] += sigma[v];
			}
		}
	}
	sr->tail = tail;
	sr->far = dist[sr->order[tail - 1]];
	sr->dsum = sr->hsum = 0;
	for (i = 1; i < tail; i++) {
		double d = dist[sr->order[i]];
		sr->dsum += d;
		if (d > sr->far)
			sr->far = d;
		if (!j->sampled)
			sr->hsum += 1.0 / d;
	}
}

/* Dependencies, in reverse order of distance: w pulls (1 + delta_u) /
 * sigma_u from each successor u (Brandes: delta_w = sigma_w * that sum),
 * reading its neighbours instead of writing to them. */
static void dependencies(const struct job *j, struct search *sr)
{
	double *sigma = sr->sigma, *delta = sr->delta;
	size_t i, q;

	for (i = sr->tail; i-- > 0;) {
		uint32_t w = sr->order[i];
		double pull = 0;
		if (!j->len) {
			for (q = sr->first[i]; q < sr->first[i + 1]; q++)
				pull += sigma[sr->dag[q]];
		} else {
			igraph_integer_t e;
			for (e = j->start[w]; e < j->start[w + 1]; e++) {
				uint32_t u = j->nbr[e];
				if (sr->dist[u] > sr->dist[w] && same_dist(sr->dist[w] + j->len[e], sr->dist[u]))
					pull += sigma[u];
			}
		}
		delta[w] = sigma[w] * pull;
		sigma[w] = 1 / sigma[w] + pull;
	}
}

/* Credits every reached vertex but the source s and clears the search
 * (fixed-point sums do not depend on the order): in index order when the
 * search reached much of the graph, so the sums stream through memory,
 * else in search order. */
static void credit_all(struct job *j, struct search *sr, uint32_t s)
{
	size_t n = j->n, i, v;

	if (sr->tail > n / 8) {
		for (v = 0; v < n; v++) {
			if (j->len) {
				if (sr->dist[v] > 0)
					credit(j, v, sr->dist[v], j->btw_too ? sr->delta[v] : 0);
				sr->dist[v] = -1;
				sr->settled[v] = 0;
			} else {
				if (sr->tag[v] != TAG_NONE && v != s)
					credit(j, v, (double)sr->hop[v], j->btw_too ? sr->delta[v] : 0);
				sr->tag[v] = TAG_NONE;
			}
		}
		return;
	}
	for (i = 1; i < sr->tail; i++) {
		v = sr->order[i];
		credit(j, v, j->len ? sr->dist[v] : (double)sr->hop[v], j->btw_too ? sr->delta[v] : 0);
	}
	for (i = 0; i < sr->tail; i++) {
		sr->tag[sr->order[i]] = TAG_NONE;
		if (j->len) {
			sr->dist[sr->order[i]] = -1;
			sr->settled[sr->order[i]] = 0;
		}
	}
}

static void *worker(void *arg)
{
	struct job *j = arg;
	struct search sr;
	size_t k;

	if (search_alloc(&sr, j) < 0) {
		j->failed = 1;
		goto out;
	}
	for (k = j->first; k < j->nsources; k += j->stride) {
		uint32_t s = (uint32_t)j->sources[k];
		size_t begun;
		if (__atomic_load_n(j->stop, __ATOMIC_RELAXED))
			break;
		begun = __atomic_add_fetch(j->done, 1, __ATOMIC_RELAXED);
		if ((begun & 63) == 0 && cm_time_up()) {
			__atomic_store_n(j->stop, 1, __ATOMIC_RELAXED);
			break;
		}
		if (j->len)
			dijkstra(j, &sr, s);
		else
			bfs(j, &sr, s);
		/* harmonic closeness: exact sums belong to the source; a sample
		 * credits 1/d to every reached vertex instead (distances are
		 * symmetric), which estimates every vertex's sum */
		j->reached[s] = sr.tail - 1;
		j->ecc[s] = sr.tail > 1 ? sr.far : 0;
		j->dsum[s] = sr.dsum;
		if (!j->sampled)
			j->harm[s] = sr.hsum;
		if (j->btw_too)
			dependencies(j, &sr);
		credit_all(j, &sr, s);
		__atomic_add_fetch(j->completed, 1, __ATOMIC_RELAXED);
	}
out:
	search_free(&sr);
	return NULL;
}

size_t cm_threads_default(void)
{
	long k = sysconf(_SC_NPROCESSORS_ONLN);

	return k > 0 ? (size_t)k : 1;
}

struct cm_paths_run {
	struct cm_paths out;
	struct job *jobs;
	pthread_t *tid;
	unsigned char *running; /* per job: a thread was started for it */
	uint32_t *nbr;
	size_t *sources;
	unsigned char *in_sample;
	size_t n, ns, threads, done, completed;
	int stop, sampled;
};

static void run_free(struct cm_paths_run *r)
{
	size_t t;

	if (!r)
		return;
	if (r->jobs)
		for (t = 0; t < r->threads; t++) {
			free(r->jobs[t].btw);
			free(r->jobs[t].acc);
		}
	free(r->jobs);
	free(r->tid);
	free(r->running);
	free(r->nbr);
	free(r->sources);
	free(r->in_sample);
	cm_paths_release(&r->out);
	free(r);
}

/* Partial Fisher-Yates with splitmix64: the first ns entries of sources
 * (0 .. n-1) become a uniform sample without replacement, the same for a
 * seed. */
static void draw_sources(size_t *sources, size_t n, size_t ns, uint64_t seed)
{
	uint64_t st = seed;
	size_t i;

	for (i = 0; i < ns; i++) {
		uint64_t z = cm_splitmix64(&st);
		size_t x, tmp;
		x = i + (size_t)(z % (uint64_t)(n - i));
		tmp = sources[i];
		sources[i] = sources[x];
		sources[x] = tmp;
	}
}

int cm_paths_start(const struct cm_csr *c, size_t n, const double *len, size_t threads,
		   size_t samples, uint64_t seed, int betweenness, struct cm_paths_run **runp)
{
	struct cm_paths_run *r;
	struct cm_paths *out;
	size_t ns, t, i, m2 = (size_t)c->start[n];
	int sampled = samples > 0 && samples < n, hbits = 0;
	double hone;

	*runp = NULL;
	if (n >= UINT32_MAX)
		return CM_ENOMEM;
	r = calloc(1, sizeof(*r));
	if (!r)
		return CM_ENOMEM;
	out = &r->out;
	out->sampled = r->sampled = sampled;
	ns = sampled ? samples : n;
	out->sources = r->ns = ns;
	r->n = n;
	if (threads == 0)
		threads = cm_threads_default();
	if (threads > ns)
		threads = ns ? ns : 1;
	r->threads = threads;
	/* sums of ns terms of at most 1 stay below 2^62 */
	while (((size_t)1 << hbits) <= ns)
		hbits++;
	hone = ldexp(1, 62 - hbits);
	out->betweenness = calloc(n + 1, sizeof(double));
	out->harmonic = calloc(n + 1, sizeof(double));
	out->dist_sum = calloc(n + 1, sizeof(double));
	out->ecc = calloc(n + 1, sizeof(double));
	out->reached = calloc(n + 1, sizeof(size_t));
	out->searched = calloc(n + 1, 1);
	r->nbr = malloc((m2 + 1) * sizeof(*r->nbr));
	r->sources = malloc((n + 1) * sizeof(*r->sources));
	r->jobs = calloc(threads, sizeof(*r->jobs));
	r->tid = calloc(threads, sizeof(*r->tid));
	r->running = calloc(threads, 1);
	if (!out->betweenness || !out->harmonic || !out->dist_sum || !out->ecc || !out->reached ||
	    !out->searched || !r->nbr || !r->sources || !r->jobs || !r->tid || !r->running)
		goto fail;
	for (i = 0; i < m2; i++)
		r->nbr[i] = (uint32_t)c->nbr[i];
	for (i = 0; i < n; i++)
		r->sources[i] = i;
	if (sampled) {
		draw_sources(r->sources, n, ns, seed);
		out->betweenness_se = calloc(n + 1, sizeof(double));
		out->harmonic_se = calloc(n + 1, sizeof(double));
		r->in_sample = calloc(n + 1, 1);
		if (!out->betweenness_se || !out->harmonic_se || !r->in_sample)
			goto fail;
		for (i = 0; i < ns; i++)
			r->in_sample[r->sources[i]] = 1;
	}
	for (t = 0; t < threads; t++) {
		struct job *j = &r->jobs[t];
		j->start = c->start;
		j->nbr = r->nbr;
		j->n = n;
		j->len = len;
		j->sources = r->sources;
		j->nsources = ns;
		j->first = t;
		j->stride = threads;
		j->sampled = sampled;
		j->btw_too = betweenness;
		j->hone = hone;
		j->stop = &r->stop;
		j->done = &r->done;
		j->completed = &r->completed;
		j->dsum = out->dist_sum;
		j->ecc = out->ecc;
		j->reached = out->reached;
		j->harm = out->harmonic;
		if (sampled)
			j->acc = calloc(n + 1, sizeof(*j->acc));
		else
			j->btw = calloc(n + 1, sizeof(fx_t));
		if (sampled ? !j->acc : !j->btw)
			goto fail;
	}
	/* every share on its own thread, so the caller is free meanwhile; a
	 * share whose thread cannot start runs in cm_paths_finish */
	cm_progress_count("betweenness and closeness", &r->completed, ns);
	for (t = 0; t < threads; t++)
		r->running[t] = pthread_create(&r->tid[t], NULL, worker, &r->jobs[t]) == 0;
	*runp = r;
	return CM_OK;
fail:
	run_free(r);
	return CM_ENOMEM;
}

int cm_paths_finish(struct cm_paths_run *r, int cancel, struct cm_paths *out)
{
	size_t t, i, n, ns;
	int rc = CM_ENOMEM;

	memset(out, 0, sizeof(*out));
	if (!r)
		return CM_ENOMEM;
	n = r->n;
	ns = r->ns;
	if (cancel)
		__atomic_store_n(&r->stop, 1, __ATOMIC_RELAXED);
	for (t = 0; t < r->threads; t++)
		if (r->running[t])
			pthread_join(r->tid[t], NULL);
		else if (!cancel)
			worker(&r->jobs[t]);
	cm_progress(NULL); /* before r->completed goes */
	for (t = 0; t < r->threads; t++)
		if (r->jobs[t].failed)
			goto out;
	if (r->stop) {
		rc = CM_ETIMEOUT;
		goto out;
	}
	for (i = 0; i < ns; i++)
		r->out.searched[r->sources[i]] = 1;
	/* combine: integer sums, the same for any thread count */
	for (i = 0; i < n; i++) {
		fx_t b = 0, b2 = 0;
		int64_t h = 0, h2 = 0;
		for (t = 0; t < r->threads; t++) {
			if (r->sampled) {
				const struct acc4 *a = &r->jobs[t].acc[i];
				b += a->b;
				b2 += a->b2;
				h += a->h;
				h2 += a->h2;
			} else {
				b += r->jobs[t].btw[i];
			}
		}
		if (!r->sampled) {
			r->out.betweenness[i] = fx_get(b) / 2;
		} else {
			/* each source's dependency on v is one draw; scale the mean
			 * to all n sources, with the finite-population standard
			 * error.  The draws for i's closeness are the sampled
			 * sources other than i. */
			size_t hc = ns - r->in_sample[i];
			double k = (double)ns, fpc = 1 - k / (double)n, mean = fx_get(b) / k,
			       var = k > 1 ? (fx_get(b2) - k * mean * mean) / (k - 1) : 0, kh = (double)hc,
			       hs = (double)h / r->jobs[0].hone, hs2 = (double)h2 / r->jobs[0].hone,
			       hmean = kh > 0 ? hs / kh : 0, hvar = kh > 1 ? (hs2 - kh * hmean * hmean) / (kh - 1) : 0;
			r->out.betweenness[i] = (double)n * mean / 2;
			r->out.betweenness_se[i] = (double)n / 2 * sqrt(fmax(var, 0) / k * fpc);
			r->out.harmonic[i] = (double)(n - 1) * hmean;
			r->out.harmonic_se[i] = (double)(n - 1) * sqrt(fmax(hvar, 0) / fmax(kh, 1) * fpc);
		}
	}
	*out = r->out;
	memset(&r->out, 0, sizeof(r->out));
	rc = CM_OK;
out:
	run_free(r);
	return rc;
}

int cm_paths_compute(const struct cm_csr *c, size_t n, const double *len, size_t threads,
		     size_t samples, uint64_t seed, struct cm_paths *out)
{
	struct cm_paths_run *r;
	int rc = cm_paths_start(c, n, len, threads, samples, seed, 1, &r);

	memset(out, 0, sizeof(*out));
	return rc < 0 ? rc : cm_paths_finish(r, 0, out);
}

void cm_paths_release(struct cm_paths *p)
{
	free(p->betweenness);
	free(p->harmonic);
	free(p->betweenness_se);
	free(p->harmonic_se);
	free(p->dist_sum);
	free(p->ecc);
	free(p->reached);
	free(p->searched);
	memset(p, 0, sizeof(*p));
}
