/* brokerage.c - Gould-Fernandez brokerage roles, counted as R's
 * sna::brokerage counts them (docs/power.md). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"

enum { COORD, ITIN, REPR, GATE, LIAIS, NROLES };

/* For every broker v and open two-path u -> v -> w (u != w, no arc u -> w)
 * classify by the groups of u, v, w.  O(sum over v of indeg(v) * (outdeg(u)
 * + outdeg(v))). */
static int count_roles(const igraph_t *d, const uint32_t *grp, long long (*roles)[NROLES])
{
	igraph_integer_t n = igraph_vcount(d), v, i, j, k;
	igraph_adjlist_t out, in;
	igraph_integer_t *mark;

	if (igraph_adjlist_init(d, &out, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE))
		return CM_ENOMEM;
	if (igraph_adjlist_init(d, &in, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE)) {
		igraph_adjlist_destroy(&out);
		return CM_ENOMEM;
	}
	mark = calloc((size_t)n + 1, sizeof(*mark));
	if (!mark) {
		igraph_adjlist_destroy(&out);
		igraph_adjlist_destroy(&in);
		return CM_ENOMEM;
	}
	for (v = 0; v < n; v++) {
		igraph_vector_int_t *iv = igraph_adjlist_get(&in, v), *ov = igraph_adjlist_get(&out, v);
		for (i = 0; i < igraph_vector_int_size(iv); i++) {
			igraph_integer_t u = VECTOR(*iv)[i];
			igraph_vector_int_t *ou = igraph_adjlist_get(&out, u);
			for (k = 0; k < igraph_vector_int_size(ou); k++)
				mark[VECTOR(*ou)[k]] = u + 1;
			for (j = 0; j < igraph_vector_int_size(ov); j++) {
				igraph_integer_t w = VECTOR(*ov)[j];
				int r;
				if (w == u || mark[w] == u + 1)
					continue;
				if (grp[u] == grp[v])
					r = grp[v] == grp[w] ? COORD : REPR;
				else if (grp[v] == grp[w])
					r = GATE;
				else
					r = grp[u] == grp[w] ? ITIN : LIAIS;
				roles[v][r]++;
			}
			for (k = 0; k < igraph_vector_int_size(ou); k++)
				mark[VECTOR(*ou)[k]] = 0;
		}
	}
	free(mark);
	igraph_adjlist_destroy(&out);
	igraph_adjlist_destroy(&in);
	return CM_OK;
}

int cm_brokerage(struct cm_analysis *a, const char *group_by, struct cm_table *t, struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	struct cm_groups gr;
	long long (*roles)[NROLES] = NULL;
	int rc, col[NROLES + 1], gcol = -1, r;
	size_t i;

	if (t->nrows != l->norgs)
		return cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "brokerage: table rows are not the orgs");
	rc = cm_groups_of(a, group_by, &gr, err);
	if (rc < 0)
		return rc;
	rc = cm_analysis_graphs(a, err);
	if (rc < 0) {
		cm_groups_release(&gr);
		return rc;
	}
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	roles = calloc(l->norgs + 1, sizeof(*roles));
	if (!roles || count_roles(&a->g.tie, gr.group_of, roles) < 0)
		goto out;
	if (cm_table_find(t, group_by) < 0 && (gcol = cm_table_add_column(t, group_by, CM_TEXT)) < 0)
		goto out;
	for (r = 0; r < NROLES; r++)
		if ((col[r] = cm_table_add_metric(t, (enum cm_metric)(CM_M_COORDINATOR + r))) < 0)
			goto out;
	if ((col[NROLES] = cm_table_add_metric(t, CM_M_BROKERAGE)) < 0)
		goto out;
	for (i = 0; i < l->norgs; i++) {
		long long total = 0;
		if (gcol >= 0 && cm_table_set_text(t, (size_t)gcol, i, gr.names[gr.group_of[i]]) < 0)
			goto out;
		for (r = 0; r < NROLES; r++) {
			cm_table_set_int(t, (size_t)col[r], i, roles[i][r]);
			total += roles[i][r];
		}
		cm_table_set_int(t, (size_t)col[NROLES], i, total);
	}
	cm_error_clear(err);
	rc = CM_OK;
out:
	free(roles);
	cm_groups_release(&gr);
	return rc;
}
