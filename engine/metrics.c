/* metrics.c - per-organization metrics (SPEC.md "Metrics"). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

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

static int nomem(struct cm_error *err)
{
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

/* The value arrays of the given measures, allocated (NaN-filled). */
static int alloc_values(struct cm_analysis *a, const enum cm_metric *ms, size_t k, struct cm_error *err)
{
	size_t i, j;

	for (j = 0; j < k; j++) {
		if (a->v[ms[j]])
			continue;
		if (!(a->v[ms[j]] = malloc((a->n + 1) * sizeof(double))))
			return nomem(err);
		for (i = 0; i < a->n; i++)
			a->v[ms[j]][i] = NAN;
	}
	return CM_OK;
}

int cm_alloc_values(struct cm_analysis *a, const enum cm_metric *ms, size_t k, struct cm_error *err)
{
	return alloc_values(a, ms, k, err);
}

/* Copies an igraph integer vector into the values of m. */
static void from_int(struct cm_analysis *a, enum cm_metric m, const igraph_vector_int_t *v)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		a->v[m][i] = (double)VECTOR(*v)[(igraph_integer_t)i];
}

/* The result e of an igraph call that filled v: its values as m's, or
 * the error (what names the call). */
static int take_int(struct cm_analysis *a, enum cm_metric m, igraph_error_t e, const igraph_vector_int_t *v,
		    const char *what, struct cm_error *err)
{
	if (e)
		return cm_ig_fail(e, err, what);
	from_int(a, m, v);
	return CM_OK;
}

int cm_kernel_degree(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_DEGREE, CM_M_STRENGTH, CM_M_IN_DEGREE, CM_M_OUT_DEGREE };
	igraph_vector_int_t v;
	size_t i;
	int rc;

	if ((rc = alloc_values(a, ms, 4, err)) < 0)
		return rc;
	if (igraph_vector_int_init(&v, 0))
		return nomem(err);
	if ((rc = take_int(a, CM_M_DEGREE, igraph_degree(&a->g.collab, &v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS),
			   &v, "degree", err)) == CM_OK &&
	    (rc = take_int(a, CM_M_IN_DEGREE, igraph_degree(&a->g.tie, &v, igraph_vss_all(), IGRAPH_IN, IGRAPH_NO_LOOPS),
			   &v, "in-degree", err)) == CM_OK)
		rc = take_int(a, CM_M_OUT_DEGREE, igraph_degree(&a->g.tie, &v, igraph_vss_all(), IGRAPH_OUT, IGRAPH_NO_LOOPS),
			      &v, "out-degree", err);
	igraph_vector_int_destroy(&v);
	if (rc < 0)
		return rc;
	for (i = 0; i < a->n; i++)
		a->v[CM_M_STRENGTH][i] = a->c.strength[i];
	return CM_OK;
}

int cm_kernel_eigen(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_EIGENVECTOR };
	int rc, converged;

	if ((rc = alloc_values(a, ms, 1, err)) < 0)
		return rc;
	if ((rc = cm_eigenvector(&a->c, a->n, a->v[CM_M_EIGENVECTOR], &converged, err)) < 0)
		return rc;
	a->eigen_failed = !converged;
	return CM_OK;
}

/* PageRank of the weighted tie graph (damping 0.85; an org without
 * outgoing ties passes its share to everyone, as NetworkX and igraph do)
 * by power iteration, pulling each org's share over its incoming arcs in
 * a fixed order, until the shares move by less than 1e-15 in all (about
 * 200 steps of O(n + m)): the same bytes on every run, and the time limit
 * (or Ctrl-C) is checked at every step, where igraph's PRPACK could not
 * be interrupted. */
int cm_kernel_pagerank(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_PAGERANK };
	const igraph_t *g = &a->g.tie;
	size_t n = a->n, m = (size_t)igraph_ecount(g), i, e, it;
	size_t *start = NULL, *fill = NULL;
	uint32_t *from = NULL;
	double *coef = NULL, *outw = NULL, *y = NULL, *x;
	const double d = 0.85;
	int rc;

	if ((rc = alloc_values(a, ms, 1, err)) < 0)
		return rc;
	x = a->v[CM_M_PAGERANK];
	if (!n)
		return CM_OK;
	start = calloc(n + 2, sizeof(*start));
	fill = malloc((n + 1) * sizeof(*fill));
	from = malloc((m + 1) * sizeof(*from));
	coef = malloc((m + 1) * sizeof(*coef));
	outw = calloc(n + 1, sizeof(*outw));
	y = malloc((n + 1) * sizeof(*y));
	rc = nomem(err);
	if (!start || !fill || !from || !coef || !outw || !y)
		goto out;
	/* incoming arcs grouped by their head, in edge order */
	for (e = 0; e < m; e++) {
		start[IGRAPH_TO(g, (igraph_integer_t)e) + 1]++;
		outw[IGRAPH_FROM(g, (igraph_integer_t)e)] += VECTOR(a->g.tie_w)[(igraph_integer_t)e];
	}
	for (i = 0; i < n; i++) {
		start[i + 1] += start[i];
		fill[i] = start[i];
	}
	for (e = 0; e < m; e++) {
		size_t h = (size_t)IGRAPH_TO(g, (igraph_integer_t)e), t = (size_t)IGRAPH_FROM(g, (igraph_integer_t)e);
		from[fill[h]] = (uint32_t)t;
		coef[fill[h]++] = VECTOR(a->g.tie_w)[(igraph_integer_t)e] / outw[t];
	}
	for (i = 0; i < n; i++)
		x[i] = 1.0 / (double)n;
	rc = cm_error_set(err, CM_ETIMEOUT, NULL, 0, 0, "time limit reached during pagerank; nothing written");
	for (it = 0; it < 10000; it++) {
		double dangling = 0, change = 0, base;
		if (cm_time_up())
			goto out;
		for (i = 0; i < n; i++) {
			y[i] = x[i];
			if (outw[i] <= 0)
				dangling += x[i];
		}
		base = (1 - d) / (double)n + d * dangling / (double)n;
		for (i = 0; i < n; i++) {
			double sum = 0, v;
			for (e = start[i]; e < start[i + 1]; e++)
				sum += coef[e] * y[from[e]];
			v = base + d * sum;
			change += fabs(v - x[i]);
			x[i] = v;
		}
		if (change < 1e-15)
			break;
	}
	rc = CM_OK;
out:
	free(start);
	free(fill);
	free(from);
	free(coef);
	free(outw);
	free(y);
	return rc;
}

int cm_kernel_local(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_CLUSTERING, CM_M_EFFECTIVE_SIZE, CM_M_REACH2 };
	igraph_integer_t n = (igraph_integer_t)a->n, i;
	double *tri = malloc(((size_t)n + 1) * sizeof(*tri));
	igraph_integer_t *reach = malloc(((size_t)n + 1) * sizeof(*reach));
	int rc;

	if (!tri || !reach || (rc = alloc_values(a, ms, 3, err)) < 0 || local_counts(&a->c, n, tri, reach) < 0) {
		free(tri);
		free(reach);
		return nomem(err);
	}
	for (i = 0; i < n; i++) {
		double d = (double)(a->c.start[i + 1] - a->c.start[i]);
		a->v[CM_M_CLUSTERING][i] = d < 2 ? 0 : tri[i] / d / (d - 1) * 2.0;
		a->v[CM_M_EFFECTIVE_SIZE][i] = d > 0 ? d - 2.0 * tri[i] / d : NAN;
		a->v[CM_M_REACH2][i] = (double)reach[i];
	}
	free(tri);
	free(reach);
	return CM_OK;
}

int cm_kernel_constraint(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_CONSTRAINT };
	int rc;

	if ((rc = alloc_values(a, ms, 1, err)) < 0)
		return rc;
	return constraint(&a->c, (igraph_integer_t)a->n, a->v[CM_M_CONSTRAINT]) < 0 ? nomem(err) : CM_OK;
}

int cm_kernel_core(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_CORENESS };
	igraph_vector_int_t core;
	int rc;

	if ((rc = alloc_values(a, ms, 1, err)) < 0)
		return rc;
	if (igraph_vector_int_init(&core, 0))
		return nomem(err);
	rc = take_int(a, CM_M_CORENESS, igraph_coreness(&a->g.collab, &core, IGRAPH_ALL), &core, "coreness", err);
	igraph_vector_int_destroy(&core);
	return rc;
}

int cm_kernel_cuts(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_ARTICULATION };
	igraph_vector_int_t art;
	igraph_error_t e;
	igraph_integer_t i;
	int rc;

	if ((rc = alloc_values(a, ms, 1, err)) < 0)
		return rc;
	if (igraph_vector_int_init(&art, 0))
		return nomem(err);
	if ((e = igraph_articulation_points(&a->g.collab, &art))) {
		igraph_vector_int_destroy(&art);
		return cm_ig_fail(e, err, "articulation points");
	}
	for (i = 0; i < (igraph_integer_t)a->n; i++)
		a->v[CM_M_ARTICULATION][i] = 0;
	for (i = 0; i < igraph_vector_int_size(&art); i++)
		a->v[CM_M_ARTICULATION][VECTOR(art)[i]] = 1;
	igraph_vector_int_destroy(&art);
	return CM_OK;
}

int cm_kernel_community(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_COMMUNITY };
	igraph_vector_int_t memb;
	int rc;

	if ((rc = alloc_values(a, ms, 1, err)) < 0)
		return rc;
	if (igraph_vector_int_init(&memb, (igraph_integer_t)a->n))
		return nomem(err);
	if ((rc = cm_louvain(&a->c, a->n, VECTOR(memb))) < 0) {
		igraph_vector_int_destroy(&memb);
		return rc == CM_ETIMEOUT ? cm_ig_fail(IGRAPH_INTERRUPTED, err, "communities") : nomem(err);
	}
	if (relabel(&memb, (igraph_integer_t)a->n) < 0) {
		igraph_vector_int_destroy(&memb);
		return nomem(err);
	}
	from_int(a, CM_M_COMMUNITY, &memb);
	igraph_vector_int_destroy(&memb);
	return CM_OK;
}

int cm_kernel_funding(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_FUNDING_IN, CM_M_FUNDERS, CM_M_FUNDING_HHI };
	long long *funders = malloc((a->n + 1) * sizeof(*funders));
	size_t i;
	int rc;

	if (!funders || (rc = alloc_values(a, ms, 3, err)) < 0 ||
	    cm_funding_per_org(a->l, &a->f, a->v[CM_M_FUNDING_IN], funders, a->v[CM_M_FUNDING_HHI]) < 0) {
		free(funders);
		return nomem(err);
	}
	for (i = 0; i < a->n; i++)
		a->v[CM_M_FUNDERS][i] = (double)funders[i];
	free(funders);
	return CM_OK;
}

int cm_kernel_components(struct cm_analysis *a, struct cm_error *err)
{
	if (!(a->comp = malloc((a->n + 1) * sizeof(*a->comp))) ||
	    cm_components(&a->c, a->n, a->comp, &a->comp_size, &a->ncomp) < 0)
		return nomem(err);
	return CM_OK;
}

int cm_kernel_paths_store(struct cm_analysis *a, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_BETWEENNESS, CM_M_BETWEENNESS_NORM, CM_M_HARMONIC,
					     CM_M_BETWEENNESS_SE, CM_M_HARMONIC_SE, CM_M_BETWEENNESS_LOW,
					     CM_M_BETWEENNESS_HIGH };
	double n = (double)a->n, norm = n > 2 ? (n - 1) * (n - 2) / 2.0 : 0, pairs = n * (n - 1) / 2;
	int bounded = a->bc.b != NULL;
	size_t i, k = bounded ? 7 : a->paths.sampled ? 5 : 3;
	int rc;

	if ((rc = alloc_values(a, ms, k, err)) < 0)
		return rc;
	for (i = 0; i < a->n; i++) {
		a->v[CM_M_HARMONIC][i] = a->paths.harmonic[i];
		if (a->paths.sampled || bounded)
			a->v[CM_M_HARMONIC_SE][i] = a->paths.sampled ? a->paths.harmonic_se[i] : 0;
		if (bounded) {
			/* a share of pairs, and its Bernoulli standard error */
			double b = a->bc.b[i];
			a->v[CM_M_BETWEENNESS][i] = b * pairs;
			a->v[CM_M_BETWEENNESS_SE][i] =
				a->bc.samples ? pairs * sqrt(b * (1 - b) / (double)a->bc.samples) : 0;
			a->v[CM_M_BETWEENNESS_LOW][i] = a->bc.low[i] * pairs;
			a->v[CM_M_BETWEENNESS_HIGH][i] = a->bc.high[i] * pairs;
		} else {
			a->v[CM_M_BETWEENNESS][i] = a->paths.betweenness[i];
			if (a->paths.sampled)
				a->v[CM_M_BETWEENNESS_SE][i] = a->paths.betweenness_se[i];
		}
		a->v[CM_M_BETWEENNESS_NORM][i] = norm > 0 ? a->v[CM_M_BETWEENNESS][i] / norm : 0;
	}
	return CM_OK;
}

/* One cell of the per-org table from the context's values. */
static int set_cell(struct cm_table *t, size_t col, size_t r, const struct cm_analysis *a, enum cm_metric m)
{
	const struct cm_metric_info *mi = cm_metric_info(m);

	switch (mi->kind) {
	case CM_TEXT:
		return cm_table_set_text(t, col, r, m == CM_M_ID ? cm_landscape_org_id(a->l, r) :
					 m == CM_M_NAME ? cm_landscape_org_name(a->l, r) :
					 cm_landscape_org_type(a->l, r));
	case CM_INT:
		if (isnan(a->v[m][r]))
			return CM_OK; /* left empty */
		cm_table_set_int(t, col, r, (long long)a->v[m][r]);
		return CM_OK;
	case CM_REAL:
		cm_table_set_real(t, col, r, a->v[m][r]);
		return CM_OK;
	}
	return CM_EINTERNAL;
}

int cm_metrics(struct cm_analysis *a, struct cm_table *out, struct cm_error *err)
{
	enum cm_metric cols[CM_METRIC_N];
	size_t ncols = 0, j, r;
	int m, rc;

	if ((rc = cm_analysis_need(a, CM_K_ALL, err)) < 0)
		return rc;
	for (m = 0; m < CM_METRIC_N; m++) {
		unsigned fl = cm_metric_info(m)->flags;
		if ((fl & CM_MF_GROUPED) || ((fl & CM_MF_SAMPLED) && !a->paths.sampled && !a->bc.b) ||
		    ((fl & CM_MF_BOUNDED) && !a->bc.b))
			continue;
		cols[ncols++] = (enum cm_metric)m;
	}
	cm_table_release(out);
	cm_table_init(out, a->n);
	for (j = 0; j < ncols; j++)
		if (cm_table_add_metric(out, cols[j]) < 0)
			return nomem(err);
	for (r = 0; r < a->n; r++)
		for (j = 0; j < ncols; j++)
			if (set_cell(out, j, r, a, cols[j]) < 0)
				return nomem(err);
	return CM_OK;
}
