/* igraph_bridge.c - igraph set-up, error mapping and graph construction. */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
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
static int interrupted; /* set by cm_interrupt, atomically */
/* What cm_progress_get reports: set by the engine's thread, read by the
 * display's; the counter is read atomically, the rest under the lock. */
static pthread_mutex_t progress_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *progress_stage;
static const size_t *progress_counter;
static size_t progress_total;

void cm_set_time_limit(double seconds)
{
	__atomic_store_n(&interrupted, 0, __ATOMIC_RELAXED);
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

void cm_interrupt(void)
{
	__atomic_store_n(&interrupted, 1, __ATOMIC_RELAXED);
}

int cm_interrupted(void)
{
	return __atomic_load_n(&interrupted, __ATOMIC_RELAXED);
}

int cm_time_up(void)
{
	struct timespec now;

	if (cm_interrupted())
		return 1;
	if (!deadline.tv_sec)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec);
}

/* 1 while an outer stage (cm_progress_hold) keeps the stages within it
 * from showing. */
static int progress_held;

void cm_progress_hold(const char *stage, const size_t *counter, size_t total)
{
	pthread_mutex_lock(&progress_lock);
	progress_held = stage != NULL;
	progress_stage = stage;
	progress_counter = counter;
	progress_total = total;
	pthread_mutex_unlock(&progress_lock);
}

void cm_progress_count(const char *stage, const size_t *counter, size_t total)
{
	pthread_mutex_lock(&progress_lock);
	if (progress_held) {
		pthread_mutex_unlock(&progress_lock);
		return;
	}
	progress_stage = stage;
	progress_counter = counter;
	progress_total = total;
	pthread_mutex_unlock(&progress_lock);
}

void cm_progress(const char *stage)
{
	cm_progress_count(stage, NULL, 0);
}

void cm_progress_get(const char **stage, double *done)
{
	pthread_mutex_lock(&progress_lock);
	*stage = progress_stage;
	*done = progress_counter && progress_total ?
		(double)__atomic_load_n(progress_counter, __ATOMIC_RELAXED) / (double)progress_total : -1;
	pthread_mutex_unlock(&progress_lock);
	if (*done > 1)
		*done = 1;
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

/* The product of the collaboration graph's adjacency matrix with a vector,
 * ARPACK's one question, over the CSR (each org's neighbours in order, as
 * igraph's adjacency list holds them, so the sums are igraph's).  Between
 * products it checks the time limit (and Ctrl-C, which sets it): a product
 * takes milliseconds, so eigenvector centrality stops within one; and it
 * gives up after a budget of products, so that a network whose two largest
 * eigenvalues are almost equal (a long chain) fails in seconds instead of
 * minutes. */
struct eig_mul {
	const struct cm_csr *c;
	size_t calls, budget;
	int over;
};

static igraph_error_t eig_mul(igraph_real_t *to, const igraph_real_t *from, int n, void *extra)
{
	struct eig_mul *m = extra;
	const igraph_integer_t *start = m->c->start, *nbr = m->c->nbr;
	int i;

	for (i = 0; i < n; i++) {
		double sum = 0;
		igraph_integer_t e;
		for (e = start[i]; e < start[i + 1]; e++)
			sum += from[nbr[e]];
		to[i] = sum;
	}
	if (cm_time_up())
		return IGRAPH_INTERRUPTED;
	if (++m->calls > m->budget) {
		m->over = 1;
		return IGRAPH_DIVERGED;
	}
	return IGRAPH_SUCCESS;
}

int cm_eigenvector(const struct cm_csr *c, size_t n, double *eig, int *converged, struct cm_error *err)
{
	igraph_arpack_options_t arpack;
	igraph_vector_t values;
	igraph_matrix_t vectors;
	struct eig_mul m = { c, 0, 0, 0 };
	double arcs = (double)c->start[n], amax = 0, scale;
	size_t i, which = 0;
	igraph_error_t e;

	*converged = 1;
	for (i = 0; i < n; i++)
		eig[i] = 0;
	if (arcs == 0)
		return CM_OK;
	if (n > INT_MAX)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "too many organizations for eigenvector centrality");
	if (cm_time_up())
		return cm_ig_fail(IGRAPH_INTERRUPTED, err, "eigenvector centrality");
	/* about 1e9 steps (a product visits every arc, and ARPACK's own work
	 * per product is about 40n with its 20 vectors), between 1,000 and
	 * 100,000 products: real networks converge within 20 to 100 */
	m.budget = (size_t)fmin(1e5, fmax(1000, 1e9 / (arcs + 40 * (double)n)));
	if (igraph_vector_init(&values, 0))
		return cm_ig_fail(IGRAPH_ENOMEM, err, "eigenvector centrality");
	if (igraph_matrix_init(&vectors, (igraph_integer_t)n, 1)) {
		igraph_vector_destroy(&values);
		return cm_ig_fail(IGRAPH_ENOMEM, err, "eigenvector centrality");
	}
	/* NetworkX's start, all ones: when the largest eigenvalue is shared
	 * (two equal parts), the answer is the start's projection onto its
	 * eigenvectors, NetworkX's answer too */
	igraph_matrix_fill(&vectors, 1);
	igraph_arpack_options_init(&arpack);
	arpack.n = (int)n;
	arpack.nev = 1;
	arpack.ncv = 0;
	arpack.which[0] = 'L';
	arpack.which[1] = 'A';
	arpack.start = 1;
	/* ARPACK stops when the Ritz residual is below tol times the
	 * eigenvalue: the vector is then within about tol / (relative gap to
	 * the second eigenvalue) of the true one, far inside SPEC.md's 1e-6,
	 * and 30-40 % sooner than at the default (machine precision) */
	arpack.tol = 1e-10;
	cm_ig_pin();
	e = igraph_arpack_rssolve(eig_mul, &m, &arpack, NULL, &values, &vectors);
	if (e == IGRAPH_SUCCESS && VECTOR(values)[0] > 0) {
		for (i = 0; i < n; i++)
			if (fabs(MATRIX(vectors, (igraph_integer_t)i, 0)) > amax) {
				amax = fabs(MATRIX(vectors, (igraph_integer_t)i, 0));
				which = i;
			}
		scale = amax > 0 ? 1 / MATRIX(vectors, (igraph_integer_t)which, 0) : 0;
		for (i = 0; i < n; i++)
			eig[i] = fmax(0, MATRIX(vectors, (igraph_integer_t)i, 0) * scale);
	}
	igraph_matrix_destroy(&vectors);
	igraph_vector_destroy(&values);
	if (e == IGRAPH_DIVERGED || (e == IGRAPH_ARPACK_MAXIT && !cm_time_up())) {
		last_reason[0] = '\0'; /* what igraph said of it: not an error here */
		*converged = 0;
		for (i = 0; i < n; i++)
			eig[i] = NAN;
		return CM_OK;
	}
	if (e || cm_time_up())
		return cm_ig_fail(e ? e : IGRAPH_INTERRUPTED, err, "eigenvector centrality");
	return CM_OK;
}

void cm_ig_pin(void)
{
#ifdef HAVE_OMP_SET_NUM_THREADS
	/* igraph kernels that sum in parallel (OpenMP) do so in a varying
	 * order: one thread keeps results byte-identical from run to run
	 * (none is called now that PageRank is coalmap's own; kept for the
	 * next).  The setting is the calling thread's: a language binding runs
	 * the engine on threads of its own, hence here and not once. */
	omp_set_num_threads(1);
#endif
	/* ARPACK draws from igraph's generator: the same seed on every call,
	 * so that a result does not depend on what the process computed
	 * before (a binding runs many analyses in one process) */
	igraph_rng_seed(igraph_rng_default(), 42);
}

void cm_init(void)
{
	igraph_set_error_handler(error_handler);
	igraph_set_warning_handler(warning_handler);
	igraph_set_interruption_handler(interruption_handler);
	cm_ig_pin();
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

/* Arcs of one graph, bucketed by their first end a in file order: arc p
 * of bucket a has its far end in arc[p].key >> 32 and its weight in
 * arc[p].w (together, so placing an arc costs one cache miss, not two). */
struct arc {
	uint64_t key; /* far end << 32, then its rank in the bucket while sorting */
	double w;
};

struct buckets {
	size_t *start; /* nv + 1: bucket a is [start[a], start[a + 1]) */
	size_t *fill;  /* nv + 1: scratch cursor */
	struct arc *arc;
};

/* The arcs tie t gives: the collaboration graph one (min, max), the tie
 * graph (src, dst) and, for a mutual tie, (dst, src).  Returns how many. */
static int tie_arcs(const struct cm_tie *t, int directed, uint32_t a[2], uint32_t b[2])
{
	if (!directed) {
		a[0] = t->src < t->dst ? t->src : t->dst;
		b[0] = t->src < t->dst ? t->dst : t->src;
		return 1;
	}
	a[0] = t->src;
	b[0] = t->dst;
	a[1] = t->dst;
	b[1] = t->src;
	return t->directed ? 1 : 2;
}

/* Bucket sort of the kept ties' arcs by first end; O(m + nv). */
static void bucket_arcs(const struct cm_landscape *l, const unsigned char *keep, int directed,
			size_t nv, struct buckets *bk)
{
	size_t i, v;
	uint32_t a[2], b[2];
	int j, n;

	memset(bk->start, 0, (nv + 1) * sizeof(*bk->start));
	for (i = 0; i < l->nties; i++) {
		if (!keep[i])
			continue;
		n = tie_arcs(&l->ties[i], directed, a, b);
		for (j = 0; j < n; j++)
			bk->start[a[j] + 1]++;
	}
	for (v = 0; v < nv; v++)
		bk->start[v + 1] += bk->start[v];
	memcpy(bk->fill, bk->start, (nv + 1) * sizeof(*bk->fill));
	for (i = 0; i < l->nties; i++) {
		if (!keep[i])
			continue;
		n = tie_arcs(&l->ties[i], directed, a, b);
		for (j = 0; j < n; j++) {
			struct arc *x = &bk->arc[bk->fill[a[j]]++];
			x->key = (uint64_t)b[j] << 32;
			x->w = l->ties[i].weight;
		}
	}
}

static int arc_cmp(const void *x, const void *y)
{
	uint64_t a = ((const struct arc *)x)->key, b = ((const struct arc *)y)->key;

	return a < b ? -1 : a > b;
}

/* Sorts a bucket by far end, equal ends in file order: the rank made
 * part of the key keeps qsort stable; most buckets are a handful of arcs
 * and take an insertion sort (stable anyway). */
static void sort_bucket(struct arc *arc, size_t n)
{
	size_t i, j;

	if (n > 32) {
		for (i = 0; i < n; i++)
			arc[i].key |= i;
		qsort(arc, n, sizeof(*arc), arc_cmp);
		return;
	}
	for (i = 1; i < n; i++) {
		struct arc x = arc[i];
		for (j = i; j > 0 && arc[j - 1].key > x.key; j--)
			arc[j] = arc[j - 1];
		arc[j] = x;
	}
}

/* Fills g, made by igraph_empty with nv vertices, from the bucketed arcs,
 * merging parallel arcs (weights summed in file order) into w.  igraph
 * keeps from/to per edge, the edge ids ordered by (from, to) in oi and by
 * (to, from) in ii, and where each vertex's run starts in os and is
 * (igraph_add_edges in igraph's src/graph/type_indexededgelist.c); an
 * undirected edge is stored with from > to.  The edges come out ordered
 * by (a, b), as igraph_create made them from the sorted edge list before,
 * so edge ids and every result stay the same, without igraph sorting the
 * edges twice more.  tests/unit/metrics.c compares the result with
 * igraph_create's. */
static void fill_graph(igraph_t *g, igraph_vector_t *w, struct buckets *bk, size_t nv,
		       int directed, size_t *nedges)
{
	/* arcs run from a to b; a is igraph's `from` for a directed graph
	 * and `to` (the smaller end) for an undirected one */
	igraph_vector_int_t *a_end = directed ? &g->from : &g->to, *b_end = directed ? &g->to : &g->from;
	igraph_vector_int_t *a_idx = directed ? &g->oi : &g->ii, *b_idx = directed ? &g->ii : &g->oi;
	igraph_vector_int_t *a_start = directed ? &g->os : &g->is, *b_start = directed ? &g->is : &g->os;
	size_t k = 0, v, p, e;

	for (v = 0; v < nv; v++) {
		size_t s = bk->start[v], n = bk->start[v + 1] - s;
		VECTOR(*a_start)[v] = (igraph_integer_t)k;
		sort_bucket(bk->arc + s, n);
		for (p = s; p < s + n; p++) {
			uint32_t b = (uint32_t)(bk->arc[p].key >> 32);
			double x = bk->arc[p].w;
			if (k > (size_t)VECTOR(*a_start)[v] && VECTOR(*b_end)[k - 1] == b) {
				VECTOR(*w)[k - 1] += x;
				continue;
			}
			VECTOR(*a_end)[k] = (igraph_integer_t)v;
			VECTOR(*b_end)[k] = b;
			VECTOR(*a_idx)[k] = (igraph_integer_t)k;
			VECTOR(*w)[k] = x;
			k++;
		}
	}
	VECTOR(*a_start)[nv] = (igraph_integer_t)k;
	/* the other index: edges by b, stably, so by (b, a) */
	memset(bk->fill, 0, (nv + 1) * sizeof(*bk->fill));
	for (e = 0; e < k; e++)
		bk->fill[VECTOR(*b_end)[e] + 1]++;
	for (v = 0; v < nv; v++)
		bk->fill[v + 1] += bk->fill[v];
	for (v = 0; v <= nv; v++)
		VECTOR(*b_start)[v] = (igraph_integer_t)bk->fill[v];
	for (e = 0; e < k; e++)
		VECTOR(*b_idx)[bk->fill[VECTOR(*b_end)[e]]++] = (igraph_integer_t)e;
	*nedges = k;
}

/* One graph being built: igraph's vectors allocated on the calling
 * thread for every arc, filled (no igraph call) possibly on another, then
 * shrunk to the merged edges; the pages past them are never touched. */
struct job {
	igraph_t *g;
	igraph_vector_t *w;
	const struct cm_landscape *l;
	const unsigned char *keep;
	int directed;
	struct buckets bk;
	size_t nedges;
};

static int job_alloc(struct job *j, size_t narcs, struct cm_error *err)
{
	size_t nv = j->l->norgs;
	igraph_integer_t n = (igraph_integer_t)narcs;
	igraph_error_t e;

	j->bk.start = malloc((nv + 1) * sizeof(*j->bk.start));
	j->bk.fill = malloc((nv + 1) * sizeof(*j->bk.fill));
	j->bk.arc = malloc((narcs ? narcs : 1) * sizeof(*j->bk.arc));
	if (!j->bk.start || !j->bk.fill || !j->bk.arc)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if ((e = igraph_empty(j->g, (igraph_integer_t)nv, j->directed)))
		return cm_ig_fail(e, err, "graph");
	if ((e = igraph_vector_init(j->w, n))) {
		igraph_destroy(j->g);
		return cm_ig_fail(e, err, "graph");
	}
	if ((e = igraph_vector_int_resize(&j->g->from, n)) || (e = igraph_vector_int_resize(&j->g->to, n)) ||
	    (e = igraph_vector_int_resize(&j->g->oi, n)) || (e = igraph_vector_int_resize(&j->g->ii, n))) {
		igraph_destroy(j->g);
		igraph_vector_destroy(j->w);
		return cm_ig_fail(e, err, "graph");
	}
	return CM_OK;
}

static void *job_fill(void *arg)
{
	struct job *j = arg;

	bucket_arcs(j->l, j->keep, j->directed, j->l->norgs, &j->bk);
	fill_graph(j->g, j->w, &j->bk, j->l->norgs, j->directed, &j->nedges);
	return NULL;
}

static void job_finish(struct job *j)
{
	igraph_integer_t k = (igraph_integer_t)j->nedges;

	/* shrinking never fails */
	igraph_vector_int_resize(&j->g->from, k);
	igraph_vector_int_resize(&j->g->to, k);
	igraph_vector_int_resize(&j->g->oi, k);
	igraph_vector_int_resize(&j->g->ii, k);
	igraph_vector_resize(j->w, k);
	igraph_invalidate_cache(j->g);
}

static void job_release(struct job *j)
{
	free(j->bk.start);
	free(j->bk.fill);
	free(j->bk.arc);
}

int cm_graphs_build(const struct cm_landscape *l, const struct cm_filter *f,
		    struct cm_graphs *g, struct cm_error *err)
{
	return cm_graphs_build_without(l, f, NULL, g, err);
}

int cm_graphs_build_without(const struct cm_landscape *l, const struct cm_filter *f, const unsigned char *drop,
			    struct cm_graphs *g, struct cm_error *err)
{
	struct job collab, tie;
	unsigned char *keep = NULL, *conflict = NULL;
	size_t nu = 0, nd = 0, i;
	pthread_t thread;
	int rc = CM_ENOMEM, made = 0; /* 1: the collaboration graph exists */

	memset(&collab, 0, sizeof(collab));
	memset(&tie, 0, sizeof(tie));
	keep = malloc(l->nties ? l->nties : 1);
	conflict = malloc(l->ntie_types ? l->ntie_types : 1);
	if (!keep || !conflict) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < l->ntie_types; i++)
		conflict[i] = (unsigned char)cm_tie_type_is_conflict(l->tie_types[i]);
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		keep[i] = cm_filter_keeps(l, f, t) && !conflict[t->type] && !(drop && drop[i]);
		nu += keep[i];
		nd += keep[i] ? 2u - (t->directed != 0) : 0u;
	}
	/* a bucket's ranks must fit the keys' low 32 bits */
	if (nd >= UINT32_MAX) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	collab = (struct job){ &g->collab, &g->collab_w, l, keep, IGRAPH_UNDIRECTED, { NULL, NULL, NULL }, 0 };
	tie = (struct job){ &g->tie, &g->tie_w, l, keep, IGRAPH_DIRECTED, { NULL, NULL, NULL }, 0 };
	if ((rc = job_alloc(&collab, nu, err)) < 0)
		goto out;
	made = 1;
	if ((rc = job_alloc(&tie, nd, err)) < 0)
		goto out;
	/* the two graphs are filled at the same time, the tie graph on a
	 * thread of its own (or here, when none can be started) */
	if (pthread_create(&thread, NULL, job_fill, &tie) == 0) {
		job_fill(&collab);
		pthread_join(thread, NULL);
	} else {
		job_fill(&collab);
		job_fill(&tie);
	}
	job_finish(&collab);
	job_finish(&tie);
	rc = CM_OK;
out:
	if (rc < 0 && made >= 1) {
		igraph_destroy(&g->collab);
		igraph_vector_destroy(&g->collab_w);
	}
	job_release(&collab);
	job_release(&tie);
	free(keep);
	free(conflict);
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
