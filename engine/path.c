/* path.c - introduction chains: the k shortest simple paths between two
 * organizations, ranked by length, then trust, then weight (docs/gaps.md). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"

#define PATHS_MAX 4096 /* paths examined to rank ties at the k-th length */
#define TRUST_UNKNOWN 0.5

struct chain {
	igraph_vector_int_t *v;
	double trust, weight;
	igraph_integer_t len;
	const struct cm_landscape *l;
};

static int chain_cmp(const void *a, const void *b)
{
	const struct chain *x = a, *y = b;
	igraph_integer_t i;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (fabs(x->trust - y->trust) > 1e-12 * fmax(x->trust, y->trust))
		return x->trust > y->trust ? -1 : 1;
	if (fabs(x->weight - y->weight) > 1e-12 * fmax(x->weight, y->weight))
		return x->weight > y->weight ? -1 : 1;
	for (i = 0; i <= x->len; i++) {
		int c = strcmp(cm_landscape_org_id(x->l, (size_t)VECTOR(*x->v)[i]),
			       cm_landscape_org_id(y->l, (size_t)VECTOR(*y->v)[i]));
		if (c)
			return c;
	}
	return 0;
}

/* Highest trust of the (kept, non-conflict) ties behind each edge. */
static int edge_trust(const struct cm_landscape *l, const struct cm_filter *f, const igraph_t *g, double *trust)
{
	igraph_integer_t m = igraph_ecount(g), e;
	size_t i;

	for (e = 0; e < m; e++)
		trust[e] = NAN;
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		if (!cm_filter_keeps(l, f, t) || cm_tie_type_is_conflict(l->tie_types[t->type]) || isnan(t->trust))
			continue;
		if (igraph_get_eid(g, &e, t->src, t->dst, IGRAPH_UNDIRECTED, 0) || e < 0)
			continue;
		if (isnan(trust[e]) || t->trust > trust[e])
			trust[e] = t->trust;
	}
	for (e = 0; e < m; e++)
		if (isnan(trust[e]))
			trust[e] = TRUST_UNKNOWN;
	return CM_OK;
}

int cm_path_compute(const struct cm_landscape *l, const struct cm_filter *f, const char *from, const char *to,
		    size_t k, struct cm_table *out, struct cm_error *err)
{
	struct cm_graphs g;
	igraph_vector_int_list_t vpaths, epaths;
	struct chain *ch = NULL;
	double *trust = NULL;
	long s = cm_org_find(l, from), t = cm_org_find(l, to);
	igraph_integer_t req, got = 0, i, j, limit;
	size_t nch = 0, r;
	int rc, lists = 0;

	if (s < 0 || t < 0)
		return cm_error_set(err, CM_EUSAGE, l->orgs_path, 0, 0, "no organization with id '%s'", s < 0 ? from : to);
	if (s == t)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "FROM and TO are the same organization");
	if (k == 0)
		k = 1;
	if ((rc = cm_graphs_build(l, f, &g, err)) < 0)
		return rc;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	trust = malloc(((size_t)igraph_ecount(&g.collab) + 1) * sizeof(*trust));
	if (!trust || igraph_vector_int_list_init(&vpaths, 0))
		goto out;
	if (igraph_vector_int_list_init(&epaths, 0)) {
		igraph_vector_int_list_destroy(&vpaths);
		goto out;
	}
	lists = 1;
	edge_trust(l, f, &g.collab, trust);
	/* ask for more paths until every path as short as the k-th is in */
	for (req = (igraph_integer_t)k;; req *= 2) {
		igraph_error_t e;
		if (req > PATHS_MAX)
			req = PATHS_MAX;
		e = igraph_get_k_shortest_paths(&g.collab, NULL, &vpaths, &epaths, req, s, t, IGRAPH_ALL);
		if (e) {
			rc = cm_ig_fail(e, err, "shortest paths");
			goto out;
		}
		got = igraph_vector_int_list_size(&vpaths);
		if (got < req || req == PATHS_MAX)
			break;
		if (igraph_vector_int_size(igraph_vector_int_list_get_ptr(&epaths, got - 1)) >
		    igraph_vector_int_size(igraph_vector_int_list_get_ptr(&epaths, (igraph_integer_t)k - 1)))
			break;
	}
	ch = calloc((size_t)got + 1, sizeof(*ch));
	if (!ch)
		goto out;
	limit = got >= (igraph_integer_t)k ?
		igraph_vector_int_size(igraph_vector_int_list_get_ptr(&epaths, (igraph_integer_t)k - 1)) : -1;
	for (i = 0; i < got; i++) {
		igraph_vector_int_t *ev = igraph_vector_int_list_get_ptr(&epaths, i);
		struct chain *c = &ch[nch];
		if (limit >= 0 && igraph_vector_int_size(ev) > limit)
			continue;
		c->v = igraph_vector_int_list_get_ptr(&vpaths, i);
		c->len = igraph_vector_int_size(ev);
		c->trust = 1;
		c->weight = 0;
		c->l = l;
		for (j = 0; j < c->len; j++) {
			c->trust *= trust[VECTOR(*ev)[j]];
			c->weight += VECTOR(g.collab_w)[VECTOR(*ev)[j]];
		}
		nch++;
	}
	qsort(ch, nch, sizeof(*ch), chain_cmp);
	if (nch > k)
		nch = k;
	cm_table_release(out);
	cm_table_init(out, nch);
	if (cm_table_add_column(out, "rank", CM_INT) < 0 || cm_table_add_column(out, "length", CM_INT) < 0 ||
	    cm_table_add_column(out, "trust", CM_REAL) < 0 || cm_table_add_column(out, "weight", CM_REAL) < 0 ||
	    cm_table_add_column(out, "ids", CM_TEXT) < 0 || cm_table_add_column(out, "path", CM_TEXT) < 0)
		goto out;
	for (r = 0; r < nch; r++) {
		size_t need = 1;
		char *names, *ids;
		for (j = 0; j <= ch[r].len; j++)
			need += strlen(cm_landscape_org_name(l, (size_t)VECTOR(*ch[r].v)[j])) +
				strlen(cm_landscape_org_id(l, (size_t)VECTOR(*ch[r].v)[j])) + 8;
		names = malloc(need);
		ids = malloc(need);
		if (!names || !ids) {
			free(names);
			free(ids);
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory"); /* never a short list */
			goto out;
		}
		names[0] = ids[0] = '\0';
		for (j = 0; j <= ch[r].len; j++) {
			size_t v = (size_t)VECTOR(*ch[r].v)[j];
			strcat(names, j ? " \xE2\x86\x92 " : "");
			strcat(names, cm_landscape_org_name(l, v));
			strcat(ids, j ? " > " : "");
			strcat(ids, cm_landscape_org_id(l, v));
		}
		cm_table_set_int(out, 0, r, (long long)r + 1);
		cm_table_set_int(out, 1, r, ch[r].len);
		cm_table_set_real(out, 2, r, ch[r].trust);
		cm_table_set_real(out, 3, r, ch[r].weight);
		rc = cm_table_set_text(out, 4, r, ids) < 0 || cm_table_set_text(out, 5, r, names) < 0;
		free(names);
		free(ids);
		if (rc) {
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
	}
	cm_error_clear(err);
	rc = CM_OK;
out:
	free(ch);
	free(trust);
	if (lists) {
		igraph_vector_int_list_destroy(&vpaths);
		igraph_vector_int_list_destroy(&epaths);
	}
	cm_graphs_release(&g);
	return rc;
}
