/* check.c - the landscape summary behind `coalmap check`. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"

struct count {
	const char *name;
	long long n;
};

static int count_cmp(const void *x, const void *y)
{
	const struct count *a = x, *b = y;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* Adds one (section, item, value) row. */
static int row(struct cm_table *t, const char *section, const char *item, long long v)
{
	long r = cm_table_add_row(t);

	if (r < 0 || cm_table_set_text(t, 0, (size_t)r, section) < 0 ||
	    cm_table_set_text(t, 1, (size_t)r, item) < 0)
		return CM_ENOMEM;
	cm_table_set_int(t, 2, (size_t)r, v);
	return CM_OK;
}

/* Counts distinct names (n items, name(i) each) and adds sorted rows. */
static int tally(struct cm_table *t, const char *section, size_t n,
		 const char *(*name)(const void *, size_t), const void *ctx)
{
	struct count *c = NULL;
	size_t nc = 0, i, j;
	int rc = CM_ENOMEM;

	for (i = 0; i < n; i++) {
		const char *s = name(ctx, i);
		if (!s)
			continue;
		if (!*s)
			s = "(none)";
		for (j = 0; j < nc && strcmp(c[j].name, s); j++)
			;
		if (j == nc) {
			struct count *v = realloc(c, (nc + 1) * sizeof(*v));
			if (!v)
				goto out;
			c = v;
			c[nc].name = s;
			c[nc++].n = 0;
		}
		c[j].n++;
	}
	if (nc)
		qsort(c, nc, sizeof(*c), count_cmp);
	for (j = 0; j < nc; j++)
		if (row(t, section, c[j].name, c[j].n) < 0)
			goto out;
	rc = CM_OK;
out:
	free(c);
	return rc;
}

static const char *org_type(const void *ctx, size_t i)
{
	return cm_landscape_org_type(ctx, i);
}

/* The kept ties by type: counted by type index (one pass over millions
 * of ties, no string compared), then sorted as tally() sorts. */
static int tally_ties(struct cm_table *t, const struct cm_landscape *l, const struct cm_filter *f)
{
	size_t *n = calloc(l->ntie_types ? l->ntie_types : 1, sizeof(*n)), i, nc = 0;
	struct count *c = malloc((l->ntie_types ? l->ntie_types : 1) * sizeof(*c));
	int rc = CM_ENOMEM;

	if (!n || !c)
		goto out;
	for (i = 0; i < l->nties; i++)
		if (cm_filter_keeps(l, f, &l->ties[i]))
			n[l->ties[i].type]++;
	for (i = 0; i < l->ntie_types; i++)
		if (n[i]) {
			/* interned types are distinct and never empty */
			c[nc].name = l->tie_types[i];
			c[nc++].n = (long long)n[i];
		}
	if (nc)
		qsort(c, nc, sizeof(*c), count_cmp);
	for (i = 0; i < nc; i++)
		if (row(t, "ties by type", c[i].name, c[i].n) < 0)
			goto out;
	rc = CM_OK;
out:
	free(n);
	free(c);
	return rc;
}

/* The root of v's set, halving the path on the way. */
int cm_check(struct cm_analysis *a, struct cm_table *out, struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	const struct cm_filter *f = &a->f;
	const struct cm_graphs *g = &a->g;
	igraph_integer_t ncomp = 0, largest = 0, isolates = 0, i;
	size_t kept = 0;
	int rc;

	cm_table_release(out);
	cm_table_init(out, 0);
	if (cm_table_add_column(out, "section", CM_TEXT) < 0 || cm_table_add_column(out, "item", CM_TEXT) < 0 ||
	    cm_table_add_column(out, "value", CM_INT) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	rc = cm_analysis_graphs(a, err);
	if (rc < 0)
		return rc;
	if ((rc = cm_analysis_need(a, CM_K_COMPONENTS, err)) < 0)
		return rc;
	for (i = 0; i < (igraph_integer_t)a->ncomp; i++) {
		if ((igraph_integer_t)a->comp_size[i] > largest)
			largest = (igraph_integer_t)a->comp_size[i];
		isolates += a->comp_size[i] == 1;
	}
	ncomp = (igraph_integer_t)a->ncomp;
	for (i = 0; i < (igraph_integer_t)l->nties; i++)
		kept += cm_filter_keeps(l, f, &l->ties[i]);
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (row(out, "landscape", "organizations", (long long)l->norgs) < 0 ||
	    row(out, "landscape", "ties", (long long)kept) < 0 ||
	    row(out, "landscape", "collaboration edges", igraph_ecount(&g->collab)) < 0 ||
	    row(out, "landscape", "directed arcs", igraph_ecount(&g->tie)) < 0 ||
	    tally(out, "organizations by type", l->norgs, org_type, l) < 0 ||
	    tally_ties(out, l, f) < 0 ||
	    row(out, "components", "components", ncomp) < 0 ||
	    row(out, "components", "largest component", largest) < 0 ||
	    row(out, "components", "isolates", isolates) < 0)
		return rc;
	cm_error_clear(err);
	return CM_OK;
}
