/* groups.c - organizations grouped by a column (--group-by): a text
 * column, or a computed one (community, coreness...). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "internal.h"

void cm_groups_release(struct cm_groups *g)
{
	cm_strset_release(&g->values);
	free(g->names);
	free(g->group_of);
	free(g->start);
	free(g->member);
	memset(g, 0, sizeof(*g));
}

/* Where an org's group value comes from: a text column, or numbers (a
 * measure, budget, influence) written as text. */
struct source {
	const struct cm_landscape *l;
	int attr;           /* a text column, or -1 */
	const double *v;    /* else numbers per org (NaN = "") */
	int integer;        /* written as whole numbers */
	double *own;        /* v when it is ours to free */
};

static const char *value_of(const struct source *s, size_t i, char *buf, size_t n)
{
	if (s->attr >= 0)
		return cm_attr_value(s->l, (size_t)s->attr, i);
	if (isnan(s->v[i]))
		return "";
	return s->integer ? cm_format_int((long long)s->v[i], buf, n) : cm_format_g(s->v[i], 6, buf, n);
}

/* Groups by the values of s; g is zeroed first. */
static int build(const struct source *s, struct cm_groups *g, struct cm_error *err)
{
	size_t i, n = s->l->norgs;
	char buf[64];

	memset(g, 0, sizeof(*g));
	cm_strset_init(&g->values);
	if (!(g->group_of = malloc((n + 1) * sizeof(*g->group_of))) || !(g->member = malloc((n + 1) * sizeof(*g->member))))
		goto nomem;
	for (i = 0; i < n; i++) {
		const char *v = value_of(s, i, buf, sizeof(buf));
		long k = cm_strset_add(&g->values, v, strlen(v));
		if (k < 0)
			goto nomem;
		g->group_of[i] = (uint32_t)k;
	}
	g->n = g->values.n;
	if (!(g->names = malloc((g->n + 1) * sizeof(*g->names))) || !(g->start = calloc(g->n + 2, sizeof(*g->start))))
		goto nomem;
	for (i = 0; i < g->n; i++)
		g->names[i] = cm_strset_get(&g->values, i);
	/* members by counting sort, in org order within each group */
	for (i = 0; i < n; i++)
		g->start[g->group_of[i] + 2]++;
	for (i = 2; i < g->n + 2; i++)
		g->start[i] += g->start[i - 1];
	for (i = 0; i < n; i++)
		g->member[g->start[g->group_of[i] + 1]++] = i;
	return CM_OK;
nomem:
	cm_groups_release(g);
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

/* CM_EUSAGE naming the columns there are: every column cm_column_find
 * knows, or (text_only) the text columns. */
static int no_column(const struct cm_landscape *l, const char *name, int text_only, struct cm_error *err)
{
	char names[400];
	size_t k, w = 0;

	if (!text_only)
		cm_column_names(l, names, sizeof(names));
	for (k = 0; text_only && k < cm_attr_count(l) && w < sizeof(names); k++) {
		int c = snprintf(names + w, sizeof(names) - w, "%s%s", k ? ", " : "", cm_attr_name(l, k));
		w = c < 0 ? sizeof(names) : w + (size_t)c;
	}
	return cm_error_set(err, CM_EUSAGE, l->orgs_path, 0, 0, "no column '%s' to group by; there are: %s", name,
			    names);
}

int cm_groups_build(const struct cm_landscape *l, const char *attr, struct cm_groups *g,
		    struct cm_error *err)
{
	struct source s = { l, cm_attr_find(l, attr), NULL, 0, NULL };

	if (s.attr < 0 && l->norgs) {
		memset(g, 0, sizeof(*g));
		return no_column(l, attr, 1, err);
	}
	return build(&s, g, err);
}

int cm_groups_of(struct cm_analysis *a, const char *name, struct cm_groups *g, struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	struct source s = { l, -1, NULL, 0, NULL };
	struct cm_colref r;
	size_t i;
	int rc;

	memset(g, 0, sizeof(*g));
	if (cm_column_find(l, name, &r) < 0)
		return l->norgs ? no_column(l, name, 0, err) : build(&s, g, err);
	switch (r.kind) {
	case CM_COL_ATTR:
		s.attr = r.index;
		break;
	case CM_COL_METRIC:
		if ((rc = cm_analysis_values(a, (enum cm_metric)r.index, &s.v, err)) < 0)
			return rc;
		s.integer = cm_metric_info((enum cm_metric)r.index)->kind == CM_INT;
		break;
	case CM_COL_BUDGET:
	case CM_COL_INFLUENCE:
		if (!(s.v = s.own = malloc((l->norgs + 1) * sizeof(*s.own))))
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		for (i = 0; i < l->norgs; i++)
			s.own[i] = r.kind == CM_COL_BUDGET ? l->orgs[i].budget : l->orgs[i].influence;
		break;
	}
	rc = build(&s, g, err);
	free(s.own);
	return rc;
}

long cm_org_find(const struct cm_landscape *l, const char *id)
{
	size_t i = cm_strmap_find(&l->ids, l->pool.buf, id, strlen(id));

	return i == (size_t)-1 ? -1 : (long)i;
}

size_t cm_decision_maker_types_of(const struct cm_landscape *l, const struct cm_strlist *targets,
				  const char *const **v)
{
	size_t n = 0;

	if (targets && targets->n) {
		*v = targets->v;
		return targets->n;
	}
	if (l->schema && l->schema->dm_set) {
		*v = (const char *const *)l->schema->dm;
		return l->schema->ndm;
	}
	*v = cm_decision_maker_types;
	while (cm_decision_maker_types[n])
		n++;
	return n;
}

void cm_mark_targets(const struct cm_landscape *l, const struct cm_strlist *targets, unsigned char *target)
{
	const char *const *v;
	size_t i, k, n = cm_decision_maker_types_of(l, targets, &v);

	for (i = 0; i < l->norgs; i++) {
		const char *t = l->pool.buf + l->orgs[i].type;
		target[i] = 0;
		for (k = 0; k < n && !target[i]; k++)
			target[i] = !strcasecmp(t, v[k]);
	}
}

void cm_mark_direct_access(const struct cm_landscape *l, const struct cm_filter *f, const unsigned char *drop,
			   const unsigned char *target, unsigned char *access)
{
	size_t i;

	memset(access, 0, l->norgs);
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		if (!(l->tie_roles[t->type] & CM_ROLE_ACCESS) || !cm_filter_keeps(l, f, t) || (drop && drop[i]))
			continue;
		if (target[t->dst])
			access[t->src] = 1;
		if (!t->directed && target[t->src])
			access[t->dst] = 1;
	}
}
