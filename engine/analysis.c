/* analysis.c - the analysis context: lifecycle, and kernels run once on first request. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

/* Which kernel fills each measure. */
static const unsigned kernel_of[CM_METRIC_N] = {
	[CM_M_DEGREE] = CM_K_DEGREE, [CM_M_STRENGTH] = CM_K_DEGREE, [CM_M_IN_DEGREE] = CM_K_DEGREE,
	[CM_M_OUT_DEGREE] = CM_K_DEGREE, [CM_M_BETWEENNESS] = CM_K_PATHS, [CM_M_BETWEENNESS_NORM] = CM_K_PATHS,
	[CM_M_HARMONIC] = CM_K_PATHS, [CM_M_BETWEENNESS_SE] = CM_K_PATHS, [CM_M_HARMONIC_SE] = CM_K_PATHS,
	[CM_M_BETWEENNESS_LOW] = CM_K_PATHS, [CM_M_BETWEENNESS_HIGH] = CM_K_PATHS,
	[CM_M_EIGENVECTOR] = CM_K_EIGEN, [CM_M_PAGERANK] = CM_K_PAGERANK, [CM_M_CLUSTERING] = CM_K_LOCAL,
	[CM_M_EFFECTIVE_SIZE] = CM_K_LOCAL, [CM_M_REACH2] = CM_K_LOCAL, [CM_M_CONSTRAINT] = CM_K_CONSTRAINT,
	[CM_M_CORENESS] = CM_K_CORE, [CM_M_CP_CORENESS] = CM_K_CP, [CM_M_CP_CORE] = CM_K_CP, [CM_M_ARTICULATION] = CM_K_CUTS, [CM_M_COMMUNITY] = CM_K_COMMUNITY,
	[CM_M_FUNDING_IN] = CM_K_FUNDING, [CM_M_FUNDERS] = CM_K_FUNDING, [CM_M_FUNDING_HHI] = CM_K_FUNDING,
};

/* The kernels this thread runs, in the order they run while the path
 * searches go on beside them. */
static const struct {
	unsigned bit;
	int (*run)(struct cm_analysis *, struct cm_error *);
} kernels[] = {
	{ CM_K_DEGREE, cm_kernel_degree }, { CM_K_EIGEN, cm_kernel_eigen },
	{ CM_K_PAGERANK, cm_kernel_pagerank }, { CM_K_LOCAL, cm_kernel_local },
	{ CM_K_CORE, cm_kernel_core }, { CM_K_CUTS, cm_kernel_cuts },
	{ CM_K_COMMUNITY, cm_kernel_community }, { CM_K_CONSTRAINT, cm_kernel_constraint },
	{ CM_K_FUNDING, cm_kernel_funding }, { CM_K_CP, cm_kernel_core_periphery }, { CM_K_COMPONENTS, cm_kernel_components },
};

unsigned cm_metric_kernel(enum cm_metric m)
{
	return (unsigned)m < CM_METRIC_N ? kernel_of[m] : 0;
}

int cm_analysis_new(struct cm_analysis **out, const struct cm_landscape *l, const struct cm_filter *f,
		    struct cm_error *err)
{
	struct cm_analysis *a = calloc(1, sizeof(*a));
	size_t i;

	*out = NULL;
	if (!a)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	a->l = l;
	a->n = l->norgs;
	if (f) {
		a->f = *f;
		if (f->types && f->ntypes) {
			if (!(a->types = calloc(f->ntypes, sizeof(*a->types))))
				goto nomem;
			for (i = 0; i < f->ntypes; i++)
				if (!(a->types[i] = strdup(f->types[i])))
					goto nomem;
			a->f.types = (const char *const *)a->types;
		}
	}
	*out = a;
	return CM_OK;
nomem:
	cm_analysis_free(a);
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

void cm_analysis_free(struct cm_analysis *a)
{
	size_t i;

	if (!a)
		return;
	if (a->known & CM_K_GRAPHS) {
		cm_csr_release(&a->c);
		cm_graphs_release(&a->g);
	}
	if (a->known & CM_K_PATHS)
		cm_paths_release(&a->paths);
	cm_bc_bound_release(&a->bc);
	free(a->cache_dir);
	for (i = 0; i < CM_METRIC_N; i++)
		free(a->v[i]);
	free(a->comp);
	free(a->comp_size);
	if (a->types)
		for (i = 0; i < a->f.ntypes; i++)
			free(a->types[i]);
	free(a->types);
	free(a);
}

const struct cm_landscape *cm_analysis_landscape(const struct cm_analysis *a)
{
	return a->l;
}

const struct cm_filter *cm_analysis_filter(const struct cm_analysis *a)
{
	return &a->f;
}

int cm_analysis_graphs(struct cm_analysis *a, struct cm_error *err)
{
	int rc;

	if (a->known & CM_K_GRAPHS)
		return CM_OK;
	a->runs[0]++;
	if ((rc = cm_graphs_build_without(a->l, &a->f, a->drop, &a->g, err)) < 0)
		return rc;
	if (cm_csr_build(&a->g.collab, &a->g.collab_w, &a->c) < 0) {
		cm_graphs_release(&a->g);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	a->known |= CM_K_GRAPHS;
	return CM_OK;
}

/* Starts the path searches on their own threads; *len receives the arc
 * lengths of a weighted search (freed by the caller after finishing). */
static int paths_start(struct cm_analysis *a, double **len, struct cm_paths_run **run, struct cm_error *err)
{
	size_t n = a->n;

	*len = NULL;
	if (a->f.weighted) {
		size_t e, m2 = (size_t)a->c.start[n];
		if (!(*len = malloc((m2 + 1) * sizeof(**len))))
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		for (e = 0; e < m2; e++)
			(*len)[e] = 1.0 / a->c.w[e];
	}
	if (cm_paths_start(&a->c, n, *len, a->f.threads, cm_path_samples(a->l, &a->f), a->f.seed ? a->f.seed : 1,
			   !(a->f.epsilon > 0),
			   run) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return CM_OK;
}

/* Betweenness within f.epsilon of its normalized value (f.epsilon > 0):
 * the promise on betweenness_norm = b * n / (n - 2), b the share of pairs
 * that bc_bound.c bounds, asks b within epsilon * (n - 2) / n. */
static int bound(struct cm_analysis *a, struct cm_error *err)
{
	double n = (double)a->n;
	int rc;

	if (!(a->f.epsilon > 0))
		return CM_OK;
	rc = cm_bc_bound_compute(&a->c, a->n, n > 2 ? a->f.epsilon * (n - 2) / n : a->f.epsilon,
				 a->f.delta > 0 ? a->f.delta : CM_BC_DELTA, a->f.certify, a->f.threads,
				 a->f.seed ? a->f.seed : 1, &a->bc);
	if (rc == CM_ETIMEOUT)
		return cm_error_set(err, CM_ETIMEOUT, NULL, 0, 0,
				    "time limit reached while sampling shortest paths for betweenness; nothing "
				    "written (a larger --epsilon needs fewer)");
	return rc < 0 ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
}

int cm_analysis_need(struct cm_analysis *a, unsigned mask, struct cm_error *err)
{
	struct cm_paths_run *run = NULL;
	struct cm_paths p;
	double *len = NULL;
	unsigned todo = mask & ~a->known;
	size_t k;
	int rc;

	if (!todo)
		return CM_OK;
	if ((todo & CM_K_PATHS) && a->f.epsilon > 0 && (a->f.weighted || !(a->f.epsilon < 1) ||
							  (a->f.delta != 0 && !(a->f.delta > 0 && a->f.delta < 1))))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    a->f.weighted ? "bounded betweenness (epsilon) is unweighted only" :
				    "epsilon and delta must be between 0 and 1");
	cm_progress("metrics");
	if ((rc = cm_analysis_graphs(a, err)) < 0)
		goto out;
	if (a->cache_dir && !cm_cache_load(a, todo) && !(todo &= ~a->known)) {
		rc = CM_OK;
		goto out;
	}
	if ((todo & CM_K_PATHS) && (rc = paths_start(a, &len, &run, err)) < 0)
		goto out;
	if (run)
		a->runs[__builtin_ctz(CM_K_PATHS)]++;
	for (k = 0; k < sizeof(kernels) / sizeof(*kernels); k++)
		if (todo & kernels[k].bit) {
			a->runs[__builtin_ctz(kernels[k].bit)]++;
			if ((rc = kernels[k].run(a, err)) < 0)
				goto out;
			a->known |= kernels[k].bit;
		}
	if (run) {
		rc = cm_paths_finish(run, 0, &a->paths);
		run = NULL;
		cm_progress("metrics");
		if (rc < 0) {
			rc = rc == CM_ETIMEOUT ?
				cm_error_set(err, CM_ETIMEOUT, NULL, 0, 0,
					     "time limit reached while computing betweenness and closeness; nothing "
					     "written (--samples K estimates them faster)") :
				cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		if ((rc = bound(a, err)) < 0 || (rc = cm_kernel_paths_store(a, err)) < 0) {
			cm_paths_release(&a->paths);
			cm_bc_bound_release(&a->bc);
			goto out;
		}
		a->known |= CM_K_PATHS;
	}
	cm_cache_save(a);
	rc = CM_OK;
out:
	if (run && cm_paths_finish(run, 1, &p) == CM_OK)
		cm_paths_release(&p);
	cm_progress(NULL);
	free(len);
	return rc;
}

int cm_analysis_values(struct cm_analysis *a, enum cm_metric m, const double **v, struct cm_error *err)
{
	int rc;

	*v = NULL;
	if (!cm_metric_kernel(m))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "'%s' is not a per-organization measure",
				    cm_metric_info(m) ? cm_metric_info(m)->name : "?");
	if ((rc = cm_analysis_need(a, cm_metric_kernel(m), err)) < 0)
		return rc;
	if (!a->v[m])
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "'%s' is only computed when path metrics are sampled",
				    cm_metric_info(m)->name);
	*v = a->v[m];
	return CM_OK;
}

int cm_analysis_has(const struct cm_analysis *a, enum cm_metric m)
{
	unsigned k = cm_metric_kernel(m);

	return k && (a->known & k) == k;
}

int cm_analysis_sampled(const struct cm_analysis *a)
{
	return cm_path_samples(a->l, &a->f) > 0;
}

int cm_analysis_set_cache(struct cm_analysis *a, const char *dir)
{
	char *d = dir ? strdup(dir) : NULL;

	if (dir && !d)
		return CM_ENOMEM;
	free(a->cache_dir);
	a->cache_dir = d;
	return CM_OK;
}

const char *cm_analysis_why_empty(const struct cm_analysis *a, enum cm_metric m)
{
	if ((m == CM_M_CP_CORENESS || m == CM_M_CP_CORE) && (a->known & CM_K_CP) && a->cp_caveat[0])
		return a->cp_caveat;
	if (m == CM_M_EIGENVECTOR && (a->known & CM_K_EIGEN) && a->eigen_failed)
		return "eigenvector centrality does not converge on this network (its two largest eigenvalues are "
		       "almost equal, as on a long chain of orgs), so it is left empty; pagerank and harmonic "
		       "closeness rank orgs there";
	return NULL;
}

int cm_analysis_bound(const struct cm_analysis *a, struct cm_bound_info *out)
{
	memset(out, 0, sizeof(*out));
	if (!(a->f.epsilon > 0) || !(a->known & CM_K_PATHS))
		return CM_EUSAGE;
	out->epsilon = a->f.epsilon;
	out->delta = a->bc.delta;
	out->samples = a->bc.samples;
	out->cap = a->bc.cap;
	out->capped = a->bc.capped;
	out->top_k = a->bc.topk;
	out->certified = a->bc.certified;
	out->certain = a->bc.certain;
	return CM_OK;
}
