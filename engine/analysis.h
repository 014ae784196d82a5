/* analysis.h - struct cm_analysis, the object that owns a run (engine-private).
 *
 * One context per landscape and filter: the graphs, the path searches and
 * every per-org measure are computed on first request and kept, so no
 * analysis computes what another already has (SQLite's schema-loaded bits,
 * igraph's property cache). */
#ifndef CM_ANALYSIS_H
#define CM_ANALYSIS_H

#include "graph.h"

/* Kernels: each fills one or more measures of the registry. */
enum {
	CM_K_GRAPHS = 1u << 0,     /* the collaboration and tie graphs, the CSR */
	CM_K_DEGREE = 1u << 1,     /* degree, strength, in/out degree */
	CM_K_PATHS = 1u << 2,      /* betweenness, harmonic (threads; sampled when large) */
	CM_K_EIGEN = 1u << 3,      /* eigenvector */
	CM_K_PAGERANK = 1u << 4,   /* PageRank */
	CM_K_LOCAL = 1u << 5,      /* triangles: clustering, effective size; reach2 */
	CM_K_CONSTRAINT = 1u << 6, /* Burt's constraint */
	CM_K_CORE = 1u << 7,       /* coreness */
	CM_K_CUTS = 1u << 8,       /* articulation points */
	CM_K_COMMUNITY = 1u << 9,  /* Louvain */
	CM_K_FUNDING = 1u << 10,   /* money received, funders, HHI */
	CM_K_COMPONENTS = 1u << 11, /* connected components (not a per-org column) */
	CM_K_CP = 1u << 12,        /* core/periphery: continuous coreness, the discrete core */
	CM_K_ALL = ((1u << 11) - 1) | CM_K_CP /* every per-org measure */
};

struct cm_analysis {
	const struct cm_landscape *l;
	struct cm_filter f;       /* a copy; f.types points into types */
	char **types;
	const unsigned char *drop; /* ties left out of the graphs (a resample's, engine/ranking.c), or NULL */
	size_t n;                 /* orgs */
	unsigned known;           /* CM_K_* computed so far */
	struct cm_graphs g;
	struct cm_csr c;
	struct cm_paths paths;    /* the searches behind betweenness and harmonic */
	struct cm_bc_bound bc;    /* betweenness within f.epsilon (with CM_K_PATHS), or zeros */
	int eigen_failed;         /* eigenvector centrality did not converge (left empty) */
	char cp_caveat[200];      /* why cp_coreness is approximate, or "" */
	char *cache_dir;          /* where computed measures are kept (engine/cache.c), or NULL */
	unsigned cached;          /* CM_K_* the cache file holds already */
	uint64_t cache_key[2];    /* its key, once computed (the graphs do not change) */
	int cache_keyed;
	double *v[CM_METRIC_N];   /* per-org values (NaN = empty), NULL until computed */
	/* connected components of the collaboration graph, numbered by their
	 * first org: comp[i] is org i's, comp_size[k] component k's size */
	uint32_t *comp;
	size_t *comp_size, ncomp;
	unsigned runs[16];        /* times each kernel ran (bit k: runs[k]); tests read it */
};

/* The cache (engine/cache.c): cm_cache_load takes from a's file the
 * kernels of want that it holds (0; -1 when the file is unusable, which is
 * then ignored), cm_cache_save writes the kernels known to it when it
 * lacks some; both need the graphs, and do nothing without a->cache_dir or
 * for a resample (a->drop).  Never an error: the cache only saves time. */
int cm_cache_load(struct cm_analysis *a, unsigned want);
void cm_cache_save(struct cm_analysis *a);
/* The kernel that computes metric m (0 for labels and grouped measures). */
unsigned cm_metric_kernel(enum cm_metric m);

/* Computes every kernel of mask not known yet, the path searches on their
 * own threads while this one does the rest.  Returns 0 or a status (err
 * filled); kernels that finished stay known. */
int cm_analysis_need(struct cm_analysis *a, unsigned mask, struct cm_error *err);

/* The graphs and the CSR of the collaboration graph, built on first use. */
int cm_analysis_graphs(struct cm_analysis *a, struct cm_error *err);
/* The best introduction chain from the orgs in[] marks (one org, or a
 * coalition taken as one) to every org (engine/path.c), as `coalmap path`
 * and the routes rank chains: over the shortest, the most trusted, then
 * the heaviest.  dist[v] in steps (-1: no chain), pred[v] the org before v
 * (-1 at a source), best[v] the chain's trust (1 per tie when no tie has
 * one: *trust_known 0).  Arrays of norgs.  O(n + m). */
int cm_intro_tree(struct cm_analysis *a, const unsigned char *in, igraph_integer_t *dist, igraph_integer_t *pred,
		  double *best, int *trust_known, struct cm_error *err);
/* Appends the chain to v of len steps that pred (cm_intro_tree) holds to
 * the string in buf[0..n), by name ("A -> B -> C", arrows U+2192); the names nearest v
 * are kept when it does not fit.  O(len). */
void cm_chain_names(const struct cm_landscape *l, const igraph_integer_t *pred, igraph_integer_t len, size_t v,
		    char *buf, size_t n);

/* The kernels (engine/metrics.c): each fills a->v[] for its measures. */
int cm_kernel_degree(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_eigen(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_pagerank(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_local(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_constraint(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_core(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_cuts(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_community(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_funding(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_components(struct cm_analysis *a, struct cm_error *err);
int cm_kernel_core_periphery(struct cm_analysis *a, struct cm_error *err); /* engine/coreperiphery.c */
/* Turns finished path searches into betweenness, harmonic and their
 * errors, with betweenness from a->bc when it is bounded. */
int cm_kernel_paths_store(struct cm_analysis *a, struct cm_error *err);

/* The value arrays of the k measures ms, allocated and NaN-filled unless
 * they exist (engine/metrics.c). */
int cm_alloc_values(struct cm_analysis *a, const enum cm_metric *ms, size_t k, struct cm_error *err);

/* Core/periphery (engine/coreperiphery.c, after CM_K_CP): why the
 * continuous model (discrete 0) or the discrete one (1) is undefined on
 * a's collaboration graph, or NULL; the fit correlations (NaN when
 * undefined or when every org is equally central), the core's size and
 * the ties within the core, within the periphery and between.  O(n + m). */
struct cm_cp_fit {
	double r_continuous, r_discrete;
	size_t core;
	double e_core, e_periphery, e_between;
};
const char *cm_cp_undefined(const struct cm_analysis *a, int discrete);
int cm_cp_fit(const struct cm_analysis *a, struct cm_cp_fit *f);

/* Ranked lists under missing data (engine/ranking.c; docs/statistics.md,
 * "Robustness of rankings").  L->score(c, gone, arg, sc, err) fills
 * sc[l * n + i], list l's score of org i on context c, for each of the
 * L->nlists lists: the higher, the better the rank (1 + the orgs scoring
 * strictly more); NaN ranks last (or, with nan_beyond, beyond every list:
 * n + 1, for lists that name some orgs only).  gone marks the orgs missing from the
 * resample (NULL when ties go missing; their ties are left out of c's
 * graphs either way).  The caller gives each list's observed top,
 * top[l * kmax + j] for j < k[l].  cm_rank_lists_run scores a itself
 * (unless given observed) for the observed ranks (obs[l * kmax + j]),
 * then each of o's resamples in a
 * context of its own, and fills cell[(l * kmax + j) * nshares + s]: the
 * resamples holding the org, the shares of them ranking it at its observed
 * rank or better (keeps) and within its list's top k (in_top; NaN when
 * none holds it), and the 95 % interval of its rank (nearest rank).
 * Resample r of share s draws from (o->seed, s, r), so the figures are the
 * same for every thread count.  Free obs and cell with
 * cm_rank_lists_release (also on error). */
struct cm_rank_cell {
	size_t held;
	double keeps, in_top;
	uint32_t low, high;
};
struct cm_rank_lists {
	size_t nlists, kmax;
	const size_t *k, *top;
	int nan_beyond;            /* 1: an org scored NaN is in no list (rank n + 1); 0: it ranks last */
	int (*score)(struct cm_analysis *c, const unsigned char *gone, void *arg, double *sc, struct cm_error *err);
	void *arg;
	const double *observed;    /* the lists' scores on a itself when the caller has them, or NULL */
	size_t *obs;               /* out */
	struct cm_rank_cell *cell; /* out */
};
int cm_rank_lists_run(struct cm_analysis *a, const struct cm_rank_opts *o, struct cm_rank_lists *L,
		      struct cm_error *err);
void cm_rank_lists_release(struct cm_rank_lists *L);
/* CM_OK, or CM_EUSAGE for no share, a share outside [0, 1) or resamples
 * outside 1 .. UINT32_MAX. */
int cm_rank_check(const struct cm_rank_opts *o, struct cm_error *err);
/* p as people read it: "97 %", never "100 %" or "0 %" unless exact. */
void cm_rank_percent(char *buf, size_t n, double p);

#endif
