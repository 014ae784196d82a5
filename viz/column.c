/* column.c - the columns a map colours, sizes or groups by (org columns,
 * budget and influence, metrics, communities) and categories: the
 * distinct values of a column with their counts. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "viz/viz.h"

/* Resolves a column name with the engine's resolver (cm_column_find, the
 * one --group-by uses too): community, budget, influence, an org column,
 * a measure; -1 when there is none, or the measure is not in the
 * metrics (a sampled standard error when paths are exact). */
int viz_col_resolve(const struct viz_map *m, const char *name, struct viz_col *r)
{
	struct cm_colref c;

	memset(r, 0, sizeof(*r));
	if (cm_column_find(m->l, name, &c) < 0)
		return -1;
	switch (c.kind) {
	case CM_COL_ATTR:
		r->kind = VIZ_COL_ATTR;
		r->attr = c.index;
		break;
	case CM_COL_BUDGET:
		r->kind = VIZ_COL_BUDGET;
		break;
	case CM_COL_INFLUENCE:
		r->kind = VIZ_COL_INFLUENCE;
		break;
	case CM_COL_METRIC:
		r->kind = c.index == CM_M_COMMUNITY ? VIZ_COL_COMMUNITY : VIZ_COL_METRIC;
		r->mcol = cm_table_col(&m->metrics, (enum cm_metric)c.index);
		if (r->mcol < 0)
			return -1;
		break;
	}
	return 0;
}

int viz_col_unknown(const struct viz_map *m, const char *option, const char *name, struct cm_error *err)
{
	char names[400];

	cm_column_names(m->l, names, sizeof(names));
	return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "%s: no column '%s' in %s or the metrics; there are: %s",
			    option, name, cm_landscape_orgs_path(m->l), names);
}

/* The column's value for org i as text (borrowed, or formatted into buf). */
const char *viz_col_text(const struct viz_map *m, const struct viz_col *r, size_t i, char *buf, size_t n)
{
	const struct cm_column *c;
	double v;

	switch (r->kind) {
	case VIZ_COL_ATTR:
		return cm_attr_value(m->l, (size_t)r->attr, i);
	case VIZ_COL_BUDGET:
	case VIZ_COL_INFLUENCE:
		v = r->kind == VIZ_COL_BUDGET ? cm_landscape_org_budget(m->l, i) : cm_landscape_org_influence(m->l, i);
		if (isnan(v))
			return "";
		snprintf(buf, n, "%g", v);
		return buf;
	case VIZ_COL_METRIC:
	case VIZ_COL_COMMUNITY:
		c = &m->metrics.cols[r->mcol];
		if (c->null[i])
			return "";
		if (c->kind == CM_TEXT)
			return c->text[i];
		if (c->kind == CM_INT)
			snprintf(buf, n, "%lld", c->ints[i]);
		else
			snprintf(buf, n, "%g", c->reals[i]);
		return buf;
	}
	return "";
}

/* The column's value for org i as a number; NaN when empty or not a number. */
double viz_col_number(const struct viz_map *m, const struct viz_col *r, size_t i)
{
	const struct cm_column *c;

	switch (r->kind) {
	case VIZ_COL_BUDGET:
		return cm_landscape_org_budget(m->l, i);
	case VIZ_COL_INFLUENCE:
		return cm_landscape_org_influence(m->l, i);
	case VIZ_COL_ATTR:
		return cm_attr_number(m->l, (size_t)r->attr, i);
	case VIZ_COL_METRIC:
	case VIZ_COL_COMMUNITY:
		c = &m->metrics.cols[r->mcol];
		if (c->null[i] || c->kind == CM_TEXT)
			return NAN;
		return c->kind == CM_INT ? (double)c->ints[i] : c->reals[i];
	}
	return NAN;
}

/* ------------------------------------------------------------------ */
/* Categories: distinct values with counts, hashed                      */
/* ------------------------------------------------------------------ */

/* FNV-1a of a string: where a name sits in the table, nothing more (the
 * categories keep their order of appearance). */
static size_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (size_t)h;
}

void viz_cats_release(struct viz_cats *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].name);
	free(c->v);
	free(c->table);
	memset(c, 0, sizeof(*c));
}

static int cats_grow(struct viz_cats *c)
{
	size_t ts = c->tsize ? 2 * c->tsize : 64, i;
	size_t *t = calloc(ts, sizeof(*t));

	if (!t)
		return CM_ENOMEM;
	for (i = 0; i < c->n; i++) {
		size_t h = hash(c->v[i].name) & (ts - 1);
		while (t[h])
			h = (h + 1) & (ts - 1);
		t[h] = i + 1;
	}
	free(c->table);
	c->table = t;
	c->tsize = ts;
	return CM_OK;
}

/* Adds weight to the category named s (created if new); returns its index
 * or -1 when memory ran out. */
long viz_cats_add(struct viz_cats *c, const char *s, size_t weight)
{
	size_t h;

	if ((c->n + 1) * 2 > c->tsize && cats_grow(c) < 0)
		return -1;
	h = hash(s) & (c->tsize - 1);
	while (c->table[h]) {
		struct viz_cat *k = &c->v[c->table[h] - 1];
		if (!strcmp(k->name, s)) {
			k->count += weight;
			return (long)(c->table[h] - 1);
		}
		h = (h + 1) & (c->tsize - 1);
	}
	if (c->n == c->cap) {
		size_t nc = c->cap ? 2 * c->cap : 16;
		struct viz_cat *nv = realloc(c->v, nc * sizeof(*nv));
		if (!nv)
			return -1;
		c->v = nv;
		c->cap = nc;
	}
	memset(&c->v[c->n], 0, sizeof(c->v[c->n]));
	if (!(c->v[c->n].name = strdup(s)))
		return -1;
	c->v[c->n].count = weight;
	c->v[c->n].first = c->n;
	c->v[c->n].rep = SIZE_MAX;
	c->v[c->n].rep_deg = -1;
	c->table[h] = ++c->n;
	return (long)(c->n - 1);
}

static int cat_cmp(const void *x, const void *y)
{
	const struct viz_cat *p = x, *q = y;

	if (p->count != q->count)
		return p->count > q->count ? -1 : 1;
	return (p->first > q->first) - (p->first < q->first);
}

/* Sorts categories largest first (ties by appearance); rank[old] = new.
 * The hash table is dropped. */
int viz_cats_rank(struct viz_cats *c, size_t **rank)
{
	size_t i;

	free(c->table);
	c->table = NULL;
	c->tsize = 0;
	if (!(*rank = malloc((c->n + 1) * sizeof(**rank))))
		return CM_ENOMEM;
	qsort(c->v, c->n, sizeof(*c->v), cat_cmp);
	for (i = 0; i < c->n; i++)
		(*rank)[c->v[i].first] = i;
	return CM_OK;
}
