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

/* Two weighted distances closer than this (relative) are equal, so that
 * 1/3 + 1/3 + 1/3 and 1 are one length, as igraph treats them. */
#define DIST_EPS 1e-10

struct job {
	const struct cm_csr *c;
	size_t n;
	const double *len;        /* length per CSR entry, NULL = unweighted */
	const size_t *sources;
	size_t nsources;
	size_t first, stride;     /* this thread's share of sources */
	int sampled;
	int *stop;                /* shared: set when the time limit passes */
	size_t *done;             /* shared: sources finished, for progress */
	double *dsum, *ecc;       /* per source, shared: each source has one thread */
	size_t *reached;
	double *btw, *btw2;       /* partial sums (and sums of squares when sampled) */
	double *harm, *harm2;
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

static void *worker(void *arg)
{
	struct job *j = arg;
	const struct cm_csr *c = j->c;
	size_t n = j->n, k;
	double *dist = malloc((n + 1) * sizeof(*dist)), *sigma = malloc((n + 1) * sizeof(*sigma)),
	       *delta = malloc((n + 1) * sizeof(*delta));
	igraph_integer_t *order = malloc((n + 1) * sizeof(*order));
	unsigned char *settled = calloc(n + 1, 1);
	int32_t *hop = malloc((n + 1) * sizeof(*hop));
	struct heap h = { NULL, NULL, 0 };
	size_t m2 = (size_t)c->start[n];

	if (j->len) {
		h.d = malloc((m2 + n + 1) * sizeof(*h.d));
		h.v = malloc((m2 + n + 1) * sizeof(*h.v));
	}
	if (!dist || !sigma || !delta || !order || !settled || !hop || (j->len && (!h.d || !h.v))) {
		j->failed = 1;
		goto out;
	}
	for (k = 0; k < n; k++) {
		dist[k] = -1;
		hop[k] = -1;
	}
	for (k = j->first; k < j->nsources; k += j->stride) {
		igraph_integer_t s = (igraph_integer_t)j->sources[k], v, e;
		size_t head = 0, tail = 0, i, finished;
		if (__atomic_load_n(j->stop, __ATOMIC_RELAXED))
			break;
		finished = __atomic_add_fetch(j->done, 1, __ATOMIC_RELAXED);
		if ((finished & 63) == 0) {
			if (cm_time_up()) {
				__atomic_store_n(j->stop, 1, __ATOMIC_RELAXED);
				break;
			}
			if (j->first == 0) /* progress from the calling thread only */
				cm_progress("betweenness and closeness", (double)finished / (double)j->nsources);
		}

		dist[s] = 0;
		sigma[s] = 1;
		if (!j->len) {
			hop[s] = 0;
			order[tail++] = s;
			while (head < tail) {
				int32_t hv;
				double sv;
				v = order[head++];
				hv = hop[v] + 1;
				sv = sigma[v];
				for (e = c->start[v]; e < c->start[v + 1]; e++) {
					igraph_integer_t w = c->nbr[e];
					if (hop[w] < 0) {
						hop[w] = hv;
						sigma[w] = 0;
						order[tail++] = w;
					}
					if (hop[w] == hv)
						sigma[w] += sv;
				}
			}
			for (i = 1; i < tail; i++)
				dist[order[i]] = hop[order[i]];
		} else {
			/* Dijkstra; order[] receives vertices as they are settled */
			h.n = 0;
			heap_push(&h, 0, s);
			while (h.n) {
				double d;
				heap_pop(&h, &d, &v);
				if (settled[v])
					continue;
				settled[v] = 1;
				order[tail++] = v;
				for (e = c->start[v]; e < c->start[v + 1]; e++) {
					igraph_integer_t w = c->nbr[e];
					double nd = dist[v] + j->len[e];
					if (settled[w])
						continue;
					if (dist[w] < 0 || (nd < dist[w] && !same_dist(nd, dist[w]))) {
						dist[w] = nd;
						sigma[w] = sigma[v];
						heap_push(&h, nd, w);
					} else if (same_dist(nd, dist[w])) {
						sigma[w] += sigma[v];
					}
				}
			}
		}
		/* harmonic closeness: exact sums belong to the source; a sample
		 * credits 1/d to every reached vertex instead (distances are
		 * symmetric), which estimates every vertex's sum */
		j->reached[s] = tail - 1;
		j->ecc[s] = dist[order[tail - 1]];
		j->dsum[s] = 0;
		for (i = 1; i < tail; i++) {
			double x = 1.0 / dist[order[i]];
			j->dsum[s] += dist[order[i]];
			if (j->len && dist[order[i]] > j->ecc[s])
				j->ecc[s] = dist[order[i]];
			if (j->sampled) {
				j->harm[order[i]] += x;
				j->harm2[order[i]] += x * x;
			} else {
				j->harm[s] += x;
			}
		}
		/* dependencies, in reverse order of distance */
		for (i = 0; i < tail; i++)
			delta[order[i]] = 0;
		for (i = tail; i-- > 1;) {
			igraph_integer_t w = order[i];
			double cw = (1 + delta[w]) / sigma[w];
			if (!j->len) {
				int32_t hw = hop[w] - 1;
				for (e = c->start[w]; e < c->start[w + 1]; e++) {
					igraph_integer_t u = c->nbr[e];
					if (hop[u] == hw)
						delta[u] += sigma[u] * cw;
				}
			} else {
				for (e = c->start[w]; e < c->start[w + 1]; e++) {
					igraph_integer_t u = c->nbr[e];
					if (dist[u] >= 0 && same_dist(dist[u] + j->len[e], dist[w]))
						delta[u] += sigma[u] * cw;
				}
			}
			j->btw[w] += delta[w];
			if (j->sampled)
				j->btw2[w] += delta[w] * delta[w];
		}
		for (i = 0; i < tail; i++) {
			dist[order[i]] = -1;
			hop[order[i]] = -1;
			settled[order[i]] = 0;
		}
	}
out:
	free(dist);
	free(sigma);
	free(delta);
	free(order);
	free(settled);
	free(hop);
	free(h.d);
	free(h.v);
	return NULL;
}

size_t cm_threads_default(void)
{
	long k = sysconf(_SC_NPROCESSORS_ONLN);

	return k > 0 ? (size_t)k : 1;
}

int cm_paths_compute(const struct cm_csr *c, size_t n, const double *len, size_t threads,
		     size_t samples, uint64_t seed, struct cm_paths *out)
{
	struct job *jobs = NULL;
	pthread_t *tid = NULL;
	size_t *sources = NULL, ns, t, i, started = 0, done = 0;
	int stop = 0;
	unsigned char *in_sample = NULL;
	int sampled = samples > 0 && samples < n, rc = CM_ENOMEM;

	memset(out, 0, sizeof(*out));
	out->sampled = sampled;
	ns = sampled ? samples : n;
	out->sources = ns;
	if (threads == 0)
		threads = cm_threads_default();
	if (threads > ns)
		threads = ns ? ns : 1;
	out->betweenness = calloc(n + 1, sizeof(double));
	out->harmonic = calloc(n + 1, sizeof(double));
	out->dist_sum = calloc(n + 1, sizeof(double));
	out->ecc = calloc(n + 1, sizeof(double));
	out->reached = calloc(n + 1, sizeof(size_t));
	out->searched = calloc(n + 1, 1);
	sources = malloc((n + 1) * sizeof(*sources));
	jobs = calloc(threads, sizeof(*jobs));
	tid = calloc(threads, sizeof(*tid));
	if (!out->betweenness || !out->harmonic || !out->dist_sum || !out->ecc || !out->reached ||
	    !out->searched || !sources || !jobs || !tid)
		goto out;
	for (i = 0; i < n; i++)
		sources[i] = i;
	if (sampled) {
		/* partial Fisher-Yates with splitmix64: the first ns entries are
		 * a uniform sample without replacement, the same for a seed */
		uint64_t st = seed;
		for (i = 0; i < ns; i++) {
			uint64_t z = (st += 0x9E3779B97F4A7C15ull);
			size_t r, tmp;
			z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
			z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
			z ^= z >> 31;
			r = i + (size_t)(z % (uint64_t)(n - i));
			tmp = sources[i];
			sources[i] = sources[r];
			sources[r] = tmp;
		}
		out->betweenness_se = calloc(n + 1, sizeof(double));
		out->harmonic_se = calloc(n + 1, sizeof(double));
		in_sample = calloc(n + 1, 1);
		if (!out->betweenness_se || !out->harmonic_se || !in_sample)
			goto out;
		for (i = 0; i < ns; i++)
			in_sample[sources[i]] = 1;
	}
	for (t = 0; t < threads; t++) {
		struct job *j = &jobs[t];
		j->c = c;
		j->n = n;
		j->len = len;
		j->sources = sources;
		j->nsources = ns;
		j->first = t;
		j->stride = threads;
		j->sampled = sampled;
		j->stop = &stop;
		j->done = &done;
		j->dsum = out->dist_sum;
		j->ecc = out->ecc;
		j->reached = out->reached;
		j->btw = calloc(n + 1, sizeof(double));
		j->harm = calloc(n + 1, sizeof(double));
		if (!j->btw || !j->harm)
			goto join;
		if (sampled) {
			j->btw2 = calloc(n + 1, sizeof(double));
			j->harm2 = calloc(n + 1, sizeof(double));
			if (!j->btw2 || !j->harm2)
				goto join;
		}
	}
	for (t = 1; t < threads; t++) {
		if (pthread_create(&tid[t], NULL, worker, &jobs[t]) != 0)
			break;
		started = t;
	}
	worker(&jobs[0]); /* the calling thread takes share 0 */
join:
	for (t = 1; t <= started; t++)
		pthread_join(tid[t], NULL);
	if (started + 1 < threads && t > 0) {
		/* a thread could not start: run its share here */
		for (t = started + 1; t < threads; t++)
			if (jobs[t].btw && jobs[t].harm && (!sampled || (jobs[t].btw2 && jobs[t].harm2)))
				worker(&jobs[t]);
			else
				jobs[t].failed = 1;
	}
	for (t = 0; t < threads; t++)
		if (jobs[t].failed || !jobs[t].btw || !jobs[t].harm || (sampled && (!jobs[t].btw2 || !jobs[t].harm2)))
			goto out; /* a share that did not run: out of memory */
	if (stop) {
		rc = CM_ETIMEOUT;
		goto out;
	}
	for (i = 0; i < ns; i++)
		out->searched[sources[i]] = 1;
	/* combine in thread order: deterministic for a thread count */
	for (i = 0; i < n; i++) {
		double b = 0, b2 = 0, h = 0, h2 = 0;
		/* sampled sources other than i: the draws for i's closeness */
		size_t hc = ns - (sampled && in_sample[i]);
		for (t = 0; t < threads; t++) {
			b += jobs[t].btw[i];
			h += jobs[t].harm[i];
			if (sampled) {
				b2 += jobs[t].btw2[i];
				h2 += jobs[t].harm2[i];
			}
		}
		if (!sampled) {
			out->betweenness[i] = b / 2;
			out->harmonic[i] = h;
		} else {
			/* each source's dependency on v is one draw; scale the mean
			 * to all n sources, with the finite-population standard error */
			double k = (double)ns, fpc = 1 - k / (double)n, mean = b / k,
			       var = k > 1 ? (b2 - k * mean * mean) / (k - 1) : 0, kh = (double)hc,
			       hmean = kh > 0 ? h / kh : 0, hvar = kh > 1 ? (h2 - kh * hmean * hmean) / (kh - 1) : 0;
			out->betweenness[i] = (double)n * mean / 2;
			out->betweenness_se[i] = (double)n / 2 * sqrt(fmax(var, 0) / k * fpc);
			out->harmonic[i] = (double)(n - 1) * hmean;
			out->harmonic_se[i] = (double)(n - 1) * sqrt(fmax(hvar, 0) / fmax(kh, 1) * fpc);
		}
	}
	rc = CM_OK;
out:
	if (jobs)
		for (t = 0; t < threads; t++) {
			free(jobs[t].btw);
			free(jobs[t].btw2);
			free(jobs[t].harm);
			free(jobs[t].harm2);
		}
	free(jobs);
	free(tid);
	free(sources);
	free(in_sample);
	if (rc < 0)
		cm_paths_release(out);
	return rc;
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
