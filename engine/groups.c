/* groups.c - organizations grouped by an attribute (--group-by). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

const char *cm_org_attr(const struct cm_landscape *l, size_t i, const char *attr)
{
	int c = cm_attr_find(l, attr);

	return c < 0 ? NULL : cm_attr_value(l, (size_t)c, i);
}

void cm_groups_release(struct cm_groups *g)
{
	cm_strset_release(&g->values);
	free(g->names);
	free(g->group_of);
	free(g->start);
	free(g->member);
	memset(g, 0, sizeof(*g));
}

int cm_groups_build(const struct cm_landscape *l, const char *attr, struct cm_groups *g,
		    struct cm_error *err)
{
	int c = cm_attr_find(l, attr);
	size_t i, n = l->norgs;

	memset(g, 0, sizeof(*g));
	cm_strset_init(&g->values);
	if (c < 0 && n)
		return cm_error_set(err, CM_EUSAGE, l->orgs_path, 0, 0, "no column '%s' to group by", attr);
	if (!(g->group_of = malloc((n + 1) * sizeof(*g->group_of))) || !(g->member = malloc((n + 1) * sizeof(*g->member))))
		goto nomem;
	for (i = 0; i < n; i++) {
		const char *v = cm_attr_value(l, (size_t)c, i);
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

long cm_org_find(const struct cm_landscape *l, const char *id)
{
	size_t i = cm_strmap_find(&l->ids, l->pool.buf, id, strlen(id));

	return i == (size_t)-1 ? -1 : (long)i;
}

void cm_mark_targets(const struct cm_landscape *l, const struct cm_strlist *targets, unsigned char *target)
{
	size_t i, k;

	for (i = 0; i < l->norgs; i++) {
		const char *t = l->pool.buf + l->orgs[i].type;
		target[i] = 0;
		if (!targets || !targets->n)
			for (k = 0; cm_decision_maker_types[k] && !target[i]; k++)
				target[i] = !strcasecmp(t, cm_decision_maker_types[k]);
		for (k = 0; targets && k < targets->n && !target[i]; k++)
			target[i] = !strcasecmp(t, targets->v[k]);
	}
}

void cm_mark_direct_access(const struct cm_landscape *l, const struct cm_filter *f, const unsigned char *target,
			   unsigned char *access)
{
	size_t i;

	memset(access, 0, l->norgs);
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		if (!(l->tie_roles[t->type] & CM_ROLE_ACCESS) || !cm_filter_keeps(l, f, t))
			continue;
		if (target[t->dst])
			access[t->src] = 1;
		if (!t->directed && target[t->src])
			access[t->dst] = 1;
	}
}
