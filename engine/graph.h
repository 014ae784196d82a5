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
 * caller releases g with cm_graphs_release.  O(m log m). */
int cm_graphs_build(const struct cm_landscape *l, const struct cm_filter *f,
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

/* Maps an igraph error code to a status, with the reason igraph gave to
 * the engine's handler.  Use as: if ((e = igraph_x(...))) return cm_ig_fail(e, err, "x"); */
int cm_ig_fail(igraph_error_t e, struct cm_error *err, const char *what);

#endif
