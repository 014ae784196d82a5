/* graph.h - the analysis graphs of SPEC.md, built in igraph (engine-private). */
#ifndef CM_GRAPH_H
#define CM_GRAPH_H

#include <igraph.h>

#include "internal.h"

/* Vertex i is org i in both graphs. */
struct cm_graphs {
	igraph_t collab;          /* undirected, simple, conflict excluded */
	igraph_vector_t collab_w; /* merged (summed) weights per edge */
	igraph_t tie;             /* directed, simple, mutual ties both ways */
	igraph_vector_t tie_w;
};

/* Builds both graphs from the ties the filter keeps.  On success the
 * caller releases g with cm_graphs_release.  O(n + m), plus sorting each
 * org's ties by their other end. */
int cm_graphs_build(const struct cm_landscape *l, const struct cm_filter *f,
		    struct cm_graphs *g, struct cm_error *err);
/* The same without the ties drop[] marks (one flag per tie of l; NULL:
 * none), for resamples of the network (engine/ranking.c). */
int cm_graphs_build_without(const struct cm_landscape *l, const struct cm_filter *f, const unsigned char *drop,
			    struct cm_graphs *g, struct cm_error *err);
void cm_graphs_release(struct cm_graphs *g);

/* Compressed adjacency of an undirected graph with edge weights: the
 * neighbours of v are nbr[start[v] .. start[v+1]). */
struct cm_csr {
	igraph_integer_t *start; /* n + 1 */
	igraph_integer_t *nbr;
	double *w;
	double *strength;
};

/* Builds c from g and its weights; O(n + m).  Release with cm_csr_release. */
int cm_csr_build(const igraph_t *g, const igraph_vector_t *w, struct cm_csr *c);
void cm_csr_release(struct cm_csr *c);

/* Betweenness (unnormalized, each unordered pair once) and harmonic
 * closeness of every vertex of an undirected graph (engine/paths.c). */
struct cm_paths {
	double *betweenness, *harmonic;
	double *betweenness_se, *harmonic_se; /* standard errors when sampled */
	int sampled;
	size_t sources;                       /* sources searched */
	/* per vertex v, filled when v was a source (searched[v]): the sum of
	 * distances to, the number of, and the farthest distance of the
	 * vertices it reaches */
	unsigned char *searched;
	double *dist_sum, *ecc;
	size_t *reached;
};

/* One search per source (BFS, or Dijkstra when len, the length of each CSR
 * entry, is given), over `threads` threads (0 = all cores).  samples = 0 or
 * >= n: exact; else that many sources drawn without replacement with the
 * seed, and unbiased estimates with standard errors.  The same for any
 * thread count.  O(sources * (n + m)) time, O(threads * n) memory. */
int cm_paths_compute(const struct cm_csr *c, size_t n, const double *len, size_t threads,
		     size_t samples, uint64_t seed, struct cm_paths *out);
void cm_paths_release(struct cm_paths *p);
/* The same in two steps: cm_paths_start starts the searches on their own
 * threads and returns at once, so the caller may use igraph meanwhile (the
 * workers never call it); cm_paths_finish waits for them (reporting
 * progress), or stops them when cancel is set, and fills out.  Every
 * started run must be finished.  Results do not depend on the thread
 * count: sums across sources are exact integer (fixed-point) sums.
 * betweenness 0: harmonic closeness only (betweenness left 0). */
struct cm_paths_run;
int cm_paths_start(const struct cm_csr *c, size_t n, const double *len, size_t threads,
		   size_t samples, uint64_t seed, int betweenness, struct cm_paths_run **run);
int cm_paths_finish(struct cm_paths_run *run, int cancel, struct cm_paths *out);
/* Betweenness within eps of every vertex's share b(v) of ordered pairs
 * (betweenness / (n(n-1)/2)) with probability at least 1 - delta, by
 * adaptive sampling of random shortest paths (engine/bc_bound.c); low and
 * high bound each b(v) jointly, and of the topk vertices with the highest
 * estimates, certified have a certain rank (certain[i] for rank i + 1,
 * ranks in estimate order, ties by vertex number).  Unweighted graphs.
 * The same for any thread count.  O(cap * the bidirectional searches),
 * cap = 0.5 / eps^2 * (log2(vertex diameter) + 1 + ln(2 / delta)), usually
 * far fewer; O(threads * n) memory.  CM_ENOMEM or CM_ETIMEOUT. */
struct cm_bc_bound {
	double *b, *low, *high;
	unsigned char *certain;
	double eps, delta;
	size_t topk, certified, samples, cap;
	int capped;
};
int cm_bc_bound_compute(const struct cm_csr *c, size_t n, double eps, double delta, size_t topk, size_t threads,
			uint64_t seed, struct cm_bc_bound *out);
void cm_bc_bound_release(struct cm_bc_bound *o);
/* Online processors. */
size_t cm_threads_default(void);

/* Communities by modularity (Louvain method, engine/louvain.c): memb[v]
 * receives v's community, numbered from 0, for the n vertices of c.
 * Deterministic.  O(m) per sweep.  CM_ENOMEM or CM_ETIMEOUT on failure. */
int cm_louvain(const struct cm_csr *c, size_t n, igraph_integer_t *memb);

/* Connected components of c by union-find: comp[v] (n entries, caller's)
 * numbered by each component's first vertex, as igraph numbers them;
 * *sizes (malloc'd, *ncomp entries) their sizes.  O(n + m). */
int cm_components(const struct cm_csr *c, size_t n, uint32_t *comp, size_t **sizes, size_t *ncomp);

/* The depth-first search forest behind cm_cut_vertices: parent (-1 at a
 * root), subtree size, low point and discovery time per vertex, component
 * index per vertex and size per component. */
struct cm_dfs {
	igraph_integer_t *parent, *sub, *low, *disc, *comp;
	double *comp_size;
};

/* For every vertex v not removed (removed may be NULL): after[v] = the sum
 * of s(s-1) over the component sizes s left when v is removed too, and
 * largest_piece[v] = the largest piece left of v's component (either may be
 * NULL); dfs (may be NULL) receives the search forest, released with
 * cm_dfs_release.  O(n + m), no recursion. */
int cm_cut_vertices(const struct cm_csr *c, size_t n, const unsigned char *removed, double *after,
		    double *largest_piece, struct cm_dfs *dfs);
void cm_dfs_release(struct cm_dfs *d);

/* Maps an igraph error code to a status, with the reason igraph gave to
 * the engine's handler.  Use as: if ((e = igraph_x(...))) return cm_ig_fail(e, err, "x"); */
int cm_ig_fail(igraph_error_t e, struct cm_error *err, const char *what);
/* Before an igraph kernel whose result could depend on the thread or on
 * the process's history: one OpenMP thread on the calling thread, and
 * igraph's generator at its seed. */
void cm_ig_pin(void);
/* Eigenvector centrality of the collaboration graph (c, n orgs) into
 * eig[n], scaled so the largest is 1 (zeros without ties), by igraph's
 * ARPACK with the products computed here: stops within a product of the
 * time limit; *converged 0 (and eig NaN) when ARPACK needs more products
 * than a budget of about 1e9 steps (the two largest eigenvalues
 * almost equal, as on a long chain).  O(products * (n + m)). */
int cm_eigenvector(const struct cm_csr *c, size_t n, double *eig, int *converged, struct cm_error *err);

#endif
