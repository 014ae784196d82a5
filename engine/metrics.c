/* metrics.c - per-organization metrics (SPEC.md "Metrics"). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"

/* Burt's constraint as NetworkX defines it for an undirected weighted
 * graph: p_uv = w_uv / s_u and c_u = sum_v (p_uv + sum_w p_uw p_wv)^2 over
 * u's neighbours v.  (igraph's constraint also counts two-step contacts,
 * which NetworkX does not.)  NaN for isolates.  O(sum of degree^2). */
static int constraint(const struct cm_csr *c, igraph_integer_t n, double *out)
{
	double *pu = calloc((size_t)n + 1, sizeof(*pu));
	igraph_integer_t u, i, j;

	if (!pu)
		return CM_ENOMEM;
	for (u = 0; u < n; u++) {
		double sum = 0;
		if (c->start[u] == c->start[u + 1]) {
			out[u] = NAN;
			continue;
		}
		for (i = c->start[u]; i < c->start[u + 1]; i++)
			pu[c->nbr[i]] = c->w[i] / c->strength[u];
		for (i = c->start[u]; i < c->start[u + 1]; i++) {
			igraph_integer_t v = c->nbr[i];
			double local = pu[v];
			for (j = c->start[v]; j < c->start[v + 1]; j++) {
				igraph_integer_t w = c->nbr[j];
				if (w != u && pu[w] != 0)
					local += pu[w] * (c->w[j] / c->strength[w]);
			}
			sum += local * local;
		}
		for (i = c->start[u]; i < c->start[u + 1]; i++)
			pu[c->nbr[i]] = 0;
		out[u] = sum;
	}
	free(pu);
	return CM_OK;
}

/* Triangles through each vertex and the number of vertices within two
 * steps (reach2: neighbours and their neighbours, not v itself), over the
 * compressed adjacency of the simple collaboration graph: one pass with a
 * mark per vertex.  O(sum of degree^2). */
static int local_counts(const struct cm_csr *c, igraph_integer_t n, double *tri, igraph_integer_t *reach)
{
	igraph_integer_t *mark = malloc(((size_t)n + 1) * sizeof(*mark)), u, i, j;

	if (!mark)
		return CM_ENOMEM;
	for (u = 0; u < n; u++)
		mark[u] = -1;
	for (u = 0; u < n; u++) {
		igraph_integer_t r = 0, t = 0;
		/* mark[x] == u: x is u's neighbour; mark[x] == u + n: two steps */
		for (i = c->start[u]; i < c->start[u + 1]; i++) {
			mark[c->nbr[i]] = u;
			r++;
		}
		for (i = c->start[u]; i < c->start[u + 1]; i++) {
			igraph_integer_t v = c->nbr[i];
			for (j = c->start[v]; j < c->start[v + 1]; j++) {
				igraph_integer_t w = c->nbr[j];
				if (mark[w] == u)
					t++;
				else if (w != u && mark[w] != u + n) {
					mark[w] = u + n;
					r++;
				}
			}
		}
		tri[u] = (double)(t / 2);
		reach[u] = r;
	}
	free(mark);
	return CM_OK;
}

struct comm {
	igraph_integer_t id, size, first;
};

static int comm_cmp(const void *x, const void *y)
{
	const struct comm *p = x, *q = y;

	if (p->size != q->size)
		return p->size > q->size ? -1 : 1;
	return (p->first > q->first) - (p->first < q->first);
}

/* Community labels 1..k, largest community first, ties by first member,
 * so labels do not depend on the algorithm's internal numbering. */
static int relabel(igraph_vector_int_t *memb, igraph_integer_t n)
{
	igraph_integer_t k = 0, i;
	struct comm *cs;
	igraph_integer_t *label;

	for (i = 0; i < n; i++)
		if (VECTOR(*memb)[i] + 1 > k)
			k = VECTOR(*memb)[i] + 1;
	cs = calloc((size_t)k + 1, sizeof(*cs));
	label = malloc(((size_t)k + 1) * sizeof(*label));
	if (!cs || !label) {
		free(cs);
		free(label);
		return CM_ENOMEM;
	}
	for (i = 0; i < k; i++) {
		cs[i].id = i;
		cs[i].first = n;
	}
	for (i = n - 1; i >= 0; i--) {
		cs[VECTOR(*memb)[i]].size++;
		cs[VECTOR(*memb)[i]].first = i;
	}
	qsort(cs, (size_t)k, sizeof(*cs), comm_cmp);
	for (i = 0; i < k; i++)
		label[cs[i].id] = i + 1;
	for (i = 0; i < n; i++)
		VECTOR(*memb)[i] = label[VECTOR(*memb)[i]];
	free(cs);
	free(label);
	return CM_OK;
}

enum col { C_ID, C_NAME, C_TYPE, C_DEGREE, C_STRENGTH, C_IN, C_OUT, C_BTW, C_BTWN,
	   C_HARM, C_EIG, C_PR, C_CONS, C_EFF, C_CLUST, C_CORE, C_REACH2, C_COMM,
	   C_ART, C_FIN, C_FUNDERS, C_FHHI, C_N };

static const struct { const char *name; enum cm_kind kind; } columns[C_N] = {
	{ "id", CM_TEXT }, { "name", CM_TEXT }, { "type", CM_TEXT },
	{ "degree", CM_INT }, { "strength", CM_REAL }, { "in_degree", CM_INT },
	{ "out_degree", CM_INT }, { "betweenness", CM_REAL }, { "betweenness_norm", CM_REAL },
	{ "harmonic", CM_REAL }, { "eigenvector", CM_REAL }, { "pagerank", CM_REAL },
	{ "constraint", CM_REAL }, { "effective_size", CM_REAL }, { "clustering", CM_REAL },
	{ "coreness", CM_INT }, { "reach2", CM_INT }, { "community", CM_INT },
	{ "articulation", CM_INT }, { "funding_in", CM_REAL }, { "funders", CM_INT },
	{ "funding_hhi", CM_REAL },
};

#define IG(call, what) do { igraph_error_t e_ = (call); if (e_) { rc = cm_ig_fail(e_, err, what); goto out; } } while (0)

size_t cm_path_samples(const struct cm_landscape *l, const struct cm_filter *f)
{
	double k;

	if (f && f->exact)
		return 0;
	if (f && f->samples)
		return f->samples < l->norgs ? f->samples : 0;
	if (l->norgs <= CM_EXACT_MAX_ORGS)
		return 0;
	/* one search visits about n vertices and 2m arcs */
	k = CM_SAMPLE_BUDGET / ((double)l->norgs + 2.0 * (double)l->nties);
	k = k > CM_DEFAULT_SAMPLES ? CM_DEFAULT_SAMPLES : k < CM_MIN_SAMPLES ? CM_MIN_SAMPLES : k;
	return (size_t)k;
}

int cm_metrics_compute(const struct cm_landscape *l, const struct cm_filter *f,
		       struct cm_table *out, struct cm_error *err)
{
	return cm_metrics_run(l, f, out, NULL, err);
}

int cm_metrics_run(const struct cm_landscape *l, const struct cm_filter *f, struct cm_table *out,
		   struct cm_paths *keep, struct cm_error *err)
{
	struct cm_graphs g;
	struct cm_csr c;
	igraph_integer_t n = (igraph_integer_t)l->norgs, i;
	igraph_vector_int_t deg, indeg, outdeg, core, reach, memb, art;
	igraph_vector_t eig, pr, clust, tri;
	double *cons = NULL, *fin = NULL, *fhhi = NULL, norm;
	long long *funders = NULL;
	struct cm_paths paths;
	struct cm_paths_run *run = NULL;
	int lrc;
	double *len = NULL;
	size_t samples;
	int rc, built = 0, vecs = 0, have_paths = 0;

	cm_progress("metrics");
	rc = cm_graphs_build(l, f, &g, err);
	if (rc < 0) {
		cm_progress(NULL);
		return rc;
	}
	built = 1;
	memset(&c, 0, sizeof(c));
	rc = CM_ENOMEM;
	/* a zeroed igraph vector is safe to destroy: destroy all if one fails */
	memset(&deg, 0, sizeof(deg)), memset(&indeg, 0, sizeof(indeg)), memset(&outdeg, 0, sizeof(outdeg));
	memset(&core, 0, sizeof(core)), memset(&reach, 0, sizeof(reach)), memset(&memb, 0, sizeof(memb));
	memset(&art, 0, sizeof(art)), memset(&eig, 0, sizeof(eig)), memset(&pr, 0, sizeof(pr));
	memset(&clust, 0, sizeof(clust)), memset(&tri, 0, sizeof(tri));
	vecs = 1;
	if (igraph_vector_int_init(&deg, 0) || igraph_vector_int_init(&indeg, 0) ||
	    igraph_vector_int_init(&outdeg, 0) || igraph_vector_int_init(&core, 0) ||
	    igraph_vector_int_init(&reach, 0) || igraph_vector_int_init(&memb, 0) ||
	    igraph_vector_int_init(&art, 0) || igraph_vector_init(&eig, 0) ||
	    igraph_vector_init(&pr, 0) || igraph_vector_init(&clust, 0) ||
	    igraph_vector_init(&tri, 0)) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}

	if (cm_csr_build(&g.collab, &g.collab_w, &c) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (f && f->weighted) {
		size_t e, m2 = (size_t)c.start[n];
		if (!(len = malloc((m2 + 1) * sizeof(*len)))) {
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		for (e = 0; e < m2; e++)
			len[e] = 1.0 / c.w[e];
	}
	samples = cm_path_samples(l, f);
	/* the path searches on their own threads, while this thread computes
	 * the rest */
	if (cm_paths_start(&c, (size_t)n, len, f ? f->threads : 0, samples, 1, &run) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	IG(igraph_degree(&g.collab, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS), "degree");
	IG(igraph_degree(&g.tie, &indeg, igraph_vss_all(), IGRAPH_IN, IGRAPH_NO_LOOPS), "in-degree");
	IG(igraph_degree(&g.tie, &outdeg, igraph_vss_all(), IGRAPH_OUT, IGRAPH_NO_LOOPS), "out-degree");
	if ((rc = cm_eigenvector(&g, &eig, err)) < 0)
		goto out;
	rc = CM_ENOMEM;
	IG(igraph_pagerank(&g.tie, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, NULL, igraph_vss_all(), IGRAPH_DIRECTED,
			   0.85, &g.tie_w, NULL), "pagerank");
	IG(igraph_vector_resize(&clust, n), "clustering");
	IG(igraph_vector_resize(&tri, n), "triangles");
	IG(igraph_vector_int_resize(&reach, n), "reach");
	if (local_counts(&c, n, VECTOR(tri), VECTOR(reach)) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < n; i++) {
		double d = (double)(c.start[i + 1] - c.start[i]);
		VECTOR(clust)[i] = d < 2 ? 0 : VECTOR(tri)[i] / d / (d - 1) * 2.0;
	}
	IG(igraph_coreness(&g.collab, &core, IGRAPH_ALL), "coreness");
	IG(igraph_articulation_points(&g.collab, &art), "articulation points");

	IG(igraph_vector_int_resize(&memb, n), "communities");
	if ((lrc = cm_louvain(&c, (size_t)n, VECTOR(memb))) < 0) {
		rc = lrc == CM_ETIMEOUT ? cm_ig_fail(IGRAPH_INTERRUPTED, err, "communities") :
			cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (relabel(&memb, n) < 0 ||
	    !(cons = malloc(((size_t)n + 1) * sizeof(*cons))) || constraint(&c, n, cons) < 0 ||
	    !(fin = malloc(((size_t)n + 1) * sizeof(*fin))) || !(fhhi = malloc(((size_t)n + 1) * sizeof(*fhhi))) ||
	    !(funders = malloc(((size_t)n + 1) * sizeof(*funders))) ||
	    cm_funding_per_org(l, f, fin, funders, fhhi) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}

	rc = cm_paths_finish(run, 0, &paths);
	run = NULL;
	cm_progress("metrics");
	if (rc < 0) {
		rc = rc == CM_ETIMEOUT ?
			cm_error_set(err, CM_ETIMEOUT, NULL, 0, 0,
				     "time limit reached while computing betweenness and closeness; nothing written "
				     "(--samples K estimates them faster)") :
			cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	have_paths = 1;

	cm_table_release(out);
	cm_table_init(out, (size_t)n);
	for (i = 0; i < C_N; i++)
		if (cm_table_add_column(out, columns[i].name, columns[i].kind) < 0) {
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
	norm = n > 2 ? (double)(n - 1) * (double)(n - 2) / 2.0 : 0;
	for (i = 0; i < n; i++) {
		size_t r = (size_t)i;
		igraph_integer_t d = VECTOR(deg)[i];
		if (cm_table_set_text(out, C_ID, r, cm_landscape_org_id(l, r)) < 0 ||
		    cm_table_set_text(out, C_NAME, r, cm_landscape_org_name(l, r)) < 0 ||
		    cm_table_set_text(out, C_TYPE, r, cm_landscape_org_type(l, r)) < 0) {
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		cm_table_set_int(out, C_DEGREE, r, d);
		cm_table_set_real(out, C_STRENGTH, r, c.strength[i]);
		cm_table_set_int(out, C_IN, r, VECTOR(indeg)[i]);
		cm_table_set_int(out, C_OUT, r, VECTOR(outdeg)[i]);
		cm_table_set_real(out, C_BTW, r, paths.betweenness[i]);
		cm_table_set_real(out, C_BTWN, r, norm > 0 ? paths.betweenness[i] / norm : 0);
		cm_table_set_real(out, C_HARM, r, paths.harmonic[i]);
		cm_table_set_real(out, C_EIG, r, fabs(VECTOR(eig)[i]));
		cm_table_set_real(out, C_PR, r, VECTOR(pr)[i]);
		cm_table_set_real(out, C_CONS, r, cons[i]);
		cm_table_set_real(out, C_EFF, r, d ? (double)d - 2.0 * VECTOR(tri)[i] / (double)d : NAN);
		cm_table_set_real(out, C_CLUST, r, VECTOR(clust)[i]);
		cm_table_set_int(out, C_CORE, r, VECTOR(core)[i]);
		cm_table_set_int(out, C_REACH2, r, VECTOR(reach)[i]);
		cm_table_set_int(out, C_COMM, r, VECTOR(memb)[i]);
		cm_table_set_int(out, C_ART, r, 0);
		cm_table_set_real(out, C_FIN, r, fin[i]);
		cm_table_set_int(out, C_FUNDERS, r, funders[i]);
		cm_table_set_real(out, C_FHHI, r, fhhi[i]);
	}
	for (i = 0; i < igraph_vector_int_size(&art); i++)
		cm_table_set_int(out, C_ART, (size_t)VECTOR(art)[i], 1);
	if (paths.sampled) {
		int bse = cm_table_add_column(out, "betweenness_se", CM_REAL),
		    hse = cm_table_add_column(out, "harmonic_se", CM_REAL);
		if (bse < 0 || hse < 0) {
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		for (i = 0; i < n; i++) {
			cm_table_set_real(out, (size_t)bse, (size_t)i, paths.betweenness_se[i]);
			cm_table_set_real(out, (size_t)hse, (size_t)i, paths.harmonic_se[i]);
		}
	}
	rc = CM_OK;
out:
	if (run && cm_paths_finish(run, 1, &paths) == CM_OK)
		cm_paths_release(&paths);
	cm_progress(NULL);
	if (have_paths && keep && rc == CM_OK)
		*keep = paths;
	else if (have_paths)
		cm_paths_release(&paths);
	free(len);
	free(cons);
	free(fin);
	free(fhhi);
	free(funders);
	cm_csr_release(&c);
	if (vecs) {
		igraph_vector_int_destroy(&deg);
		igraph_vector_int_destroy(&indeg);
		igraph_vector_int_destroy(&outdeg);
		igraph_vector_int_destroy(&core);
		igraph_vector_int_destroy(&reach);
		igraph_vector_int_destroy(&memb);
		igraph_vector_int_destroy(&art);
		igraph_vector_destroy(&eig);
		igraph_vector_destroy(&pr);
		igraph_vector_destroy(&clust);
		igraph_vector_destroy(&tri);
	}
	if (built)
		cm_graphs_release(&g);
	return rc;
}
