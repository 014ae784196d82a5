/* igraph_bridge.c - igraph set-up, error mapping and graph construction. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "graph.h"

#ifdef HAVE_OMP_SET_NUM_THREADS
void omp_set_num_threads(int n); /* from libgomp, which igraph uses */
#endif

static char last_reason[256];
static igraph_error_t last_code; /* the code of the error last_reason describes */
static struct timespec deadline; /* tv_sec 0 = no limit */
static cm_progress_fn *progress_fn;
static void *progress_ctx;

void cm_set_time_limit(double seconds)
{
	memset(&deadline, 0, sizeof(deadline));
	if (seconds > 0) {
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		deadline.tv_sec += (time_t)seconds;
		deadline.tv_nsec += (long)((seconds - floor(seconds)) * 1e9);
		if (deadline.tv_nsec >= 1000000000L) {
			deadline.tv_sec++;
			deadline.tv_nsec -= 1000000000L;
		}
	}
}

int cm_time_up(void)
{
	struct timespec now;

	if (!deadline.tv_sec)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec);
}

void cm_set_progress(cm_progress_fn *fn, void *ctx)
{
	progress_fn = fn;
	progress_ctx = ctx;
}

void cm_progress(const char *stage, double done)
{
	if (progress_fn)
		progress_fn(stage, done, progress_ctx);
}

/* igraph polls this during long computations: stop at the deadline.
 * IGRAPH_ALLOW_INTERRUPTION returns without freeing the function's
 * temporaries, so the handler must free them (as igraph's R and Python
 * interfaces do); otherwise the caller's error handling later frees
 * entries that point into stack frames already gone (a crash in `path
 * --time-limit`). */
static igraph_error_t interruption_handler(void *data)
{
	(void)data;
	if (!cm_time_up())
		return IGRAPH_SUCCESS;
	IGRAPH_FINALLY_FREE();
	return IGRAPH_INTERRUPTED;
}

/* igraph calls this instead of aborting: keep the first non-empty reason,
 * free igraph's temporaries, and let the failing call return its code. */
static void error_handler(const char *reason, const char *file, int line, igraph_error_t e)
{
	(void)file;
	(void)line;
	if (reason && *reason && !last_reason[0]) {
		snprintf(last_reason, sizeof(last_reason), "%s", reason);
		last_code = e;
	}
	IGRAPH_FINALLY_FREE();
}

static void warning_handler(const char *reason, const char *file, int line)
{
	(void)reason;
	(void)file;
	(void)line;
}

void cm_ig_interruptible(int on)
{
	igraph_set_interruption_handler(on ? interruption_handler : NULL);
}

int cm_eigenvector(const struct cm_graphs *g, igraph_vector_t *eig, struct cm_error *err)
{
	igraph_arpack_options_t arpack;
	igraph_error_t e;

	if (igraph_ecount(&g->collab) == 0) {
		if (igraph_vector_resize(eig, igraph_vcount(&g->collab)))
			return cm_ig_fail(IGRAPH_ENOMEM, err, "eigenvector centrality");
		igraph_vector_null(eig);
		return CM_OK;
	}
	if (cm_time_up())
		return cm_ig_fail(IGRAPH_INTERRUPTED, err, "eigenvector centrality");
	igraph_arpack_options_init(&arpack);
	/* ARPACK stops when the Ritz residual is below tol times the
	 * eigenvalue: the vector is then within about tol / (relative gap to
	 * the second eigenvalue) of the true one, far inside SPEC.md's 1e-6,
	 * and 30-40 % sooner than at the default (machine precision) */
	arpack.tol = 1e-10;
	cm_ig_interruptible(0); /* see graph.h */
	e = igraph_eigenvector_centrality(&g->collab, eig, NULL, IGRAPH_UNDIRECTED, 1, NULL, &arpack);
	cm_ig_interruptible(1);
	if (e || cm_time_up())
		return cm_ig_fail(e ? e : IGRAPH_INTERRUPTED, err, "eigenvector centrality");
	return CM_OK;
}

void cm_init(void)
{
#ifdef HAVE_OMP_SET_NUM_THREADS
	/* igraph's PRPACK PageRank sums in parallel in a varying order: one
	 * OpenMP thread keeps results byte-identical from run to run */
	omp_set_num_threads(1);
#endif
	igraph_set_error_handler(error_handler);
	igraph_set_warning_handler(warning_handler);
	igraph_set_interruption_handler(interruption_handler);
	igraph_rng_seed(igraph_rng_default(), 42);
}

int cm_ig_fail(igraph_error_t e, struct cm_error *err, const char *what)
{
	/* igraph may report a failure inside (out of memory in ARPACK's
	 * work vectors) with a code of its own: the first error decides */
	int code = e == IGRAPH_ENOMEM || (last_reason[0] && last_code == IGRAPH_ENOMEM) ? CM_ENOMEM :
		   e == IGRAPH_INTERRUPTED ? CM_ETIMEOUT : CM_EINTERNAL;

	if (code == CM_ETIMEOUT)
		cm_error_set(err, code, NULL, 0, 0, "time limit reached during %s; nothing written", what);
	else if (code == CM_ENOMEM)
		cm_error_set(err, code, NULL, 0, 0, "out of memory during %s", what);
	else
		cm_error_set(err, code, NULL, 0, 0, "%s failed: %s", what,
			     last_reason[0] ? last_reason : igraph_strerror(e));
	last_reason[0] = '\0';
	return code;
}

struct arc {
	uint32_t a, b;
	double w;
};

/* Sorts arcs by (a, b), stably (equal arcs keep their order, so merged
 * weights are summed in file order): counting sort by b, then by a.
 * O(n + nv). */
static int sort_arcs(struct arc *arcs, size_t n, size_t nv)
{
	size_t *first = malloc((nv + 1) * sizeof(*first)), i, v;
	struct arc *tmp = malloc((n ? n : 1) * sizeof(*tmp));

	if (!first || !tmp) {
		free(first);
		free(tmp);
		return CM_ENOMEM;
	}
	memset(first, 0, (nv + 1) * sizeof(*first));
	for (i = 0; i < n; i++)
		first[arcs[i].b + 1]++;
	for (v = 0; v < nv; v++)
		first[v + 1] += first[v];
	for (i = 0; i < n; i++)
		tmp[first[arcs[i].b]++] = arcs[i];
	memset(first, 0, (nv + 1) * sizeof(*first));
	for (i = 0; i < n; i++)
		first[tmp[i].a + 1]++;
	for (v = 0; v < nv; v++)
		first[v + 1] += first[v];
	for (i = 0; i < n; i++)
		arcs[first[tmp[i].a]++] = tmp[i];
	free(first);
	free(tmp);
	return CM_OK;
}

/* Sorts arcs, merges equal ones (summing weights) and makes the graph. */
static int make_graph(igraph_t *g, igraph_vector_t *w, struct arc *arcs, size_t n,
		      size_t nv, int directed, struct cm_error *err)
{
	igraph_vector_int_t edges;
	size_t i, k = 0;
	igraph_error_t e;

	if (sort_arcs(arcs, n, nv) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++) {
		if (k && arcs[k - 1].a == arcs[i].a && arcs[k - 1].b == arcs[i].b)
			arcs[k - 1].w += arcs[i].w;
		else
			arcs[k++] = arcs[i];
	}
	if ((e = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * k))))
		return cm_ig_fail(e, err, "graph");
	if ((e = igraph_vector_init(w, (igraph_integer_t)k))) {
		igraph_vector_int_destroy(&edges);
		return cm_ig_fail(e, err, "graph");
	}
	for (i = 0; i < k; i++) {
		VECTOR(edges)[2 * i] = arcs[i].a;
		VECTOR(edges)[2 * i + 1] = arcs[i].b;
		VECTOR(*w)[i] = arcs[i].w;
	}
	e = igraph_create(g, &edges, (igraph_integer_t)nv, directed);
	igraph_vector_int_destroy(&edges);
	if (e) {
		igraph_vector_destroy(w);
		return cm_ig_fail(e, err, "graph");
	}
	return CM_OK;
}

int cm_graphs_build(const struct cm_landscape *l, const struct cm_filter *f,
		    struct cm_graphs *g, struct cm_error *err)
{
	struct arc *und = NULL, *dir = NULL;
	size_t nu = 0, nd = 0, i;
	int rc = CM_ENOMEM;

	und = malloc((l->nties ? l->nties : 1) * sizeof(*und));
	dir = malloc((l->nties ? 2 * l->nties : 1) * sizeof(*dir));
	if (!und || !dir) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		if (!cm_filter_keeps(l, f, t) || cm_tie_type_is_conflict(l->tie_types[t->type]))
			continue;
		und[nu].a = t->src < t->dst ? t->src : t->dst;
		und[nu].b = t->src < t->dst ? t->dst : t->src;
		und[nu++].w = t->weight;
		dir[nd].a = t->src;
		dir[nd].b = t->dst;
		dir[nd++].w = t->weight;
		if (!t->directed) {
			dir[nd].a = t->dst;
			dir[nd].b = t->src;
			dir[nd++].w = t->weight;
		}
	}
	rc = make_graph(&g->collab, &g->collab_w, und, nu, l->norgs, IGRAPH_UNDIRECTED, err);
	if (rc < 0)
		goto out;
	rc = make_graph(&g->tie, &g->tie_w, dir, nd, l->norgs, IGRAPH_DIRECTED, err);
	if (rc < 0) {
		igraph_destroy(&g->collab);
		igraph_vector_destroy(&g->collab_w);
	}
out:
	free(und);
	free(dir);
	return rc;
}

void cm_graphs_release(struct cm_graphs *g)
{
	igraph_destroy(&g->collab);
	igraph_vector_destroy(&g->collab_w);
	igraph_destroy(&g->tie);
	igraph_vector_destroy(&g->tie_w);
}

void cm_csr_release(struct cm_csr *c)
{
	free(c->start);
	free(c->nbr);
	free(c->w);
	free(c->strength);
	memset(c, 0, sizeof(*c)); /* releasing twice is harmless */
}

int cm_csr_build(const igraph_t *g, const igraph_vector_t *w, struct cm_csr *c)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), e, i;
	igraph_integer_t *fill;

	memset(c, 0, sizeof(*c));
	c->start = calloc((size_t)n + 1, sizeof(*c->start));
	c->nbr = malloc(((size_t)m * 2 + 1) * sizeof(*c->nbr));
	c->w = malloc(((size_t)m * 2 + 1) * sizeof(*c->w));
	c->strength = calloc((size_t)n + 1, sizeof(*c->strength));
	fill = calloc((size_t)n + 1, sizeof(*fill));
	if (!c->start || !c->nbr || !c->w || !c->strength || !fill) {
		free(fill);
		cm_csr_release(c);
		return CM_ENOMEM;
	}
	for (e = 0; e < m; e++) {
		c->start[IGRAPH_FROM(g, e) + 1]++;
		c->start[IGRAPH_TO(g, e) + 1]++;
	}
	for (i = 0; i < n; i++)
		c->start[i + 1] += c->start[i];
	for (e = 0; e < m; e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		double x = VECTOR(*w)[e];
		c->nbr[c->start[a] + fill[a]] = b;
		c->w[c->start[a] + fill[a]++] = x;
		c->nbr[c->start[b] + fill[b]] = a;
		c->w[c->start[b] + fill[b]++] = x;
		c->strength[a] += x;
		c->strength[b] += x;
	}
	free(fill);
	return CM_OK;
}
