/* groups.c - organizations grouped by an attribute (--group-by). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

static const char *stance_name(int s)
{
	switch (s) {
	case CM_STANCE_SUPPORT: return "support";
	case CM_STANCE_NEUTRAL: return "neutral";
	case CM_STANCE_OPPOSE: return "oppose";
	}
	return "";
}

const char *cm_org_attr(const struct cm_landscape *l, size_t i, const char *attr)
{
	const struct cm_org *o = &l->orgs[i];
	const char *p = l->pool.buf;
	size_t k;

	if (!strcasecmp(attr, "id")) return p + o->id;
	if (!strcasecmp(attr, "name")) return p + o->name;
	if (!strcasecmp(attr, "type")) return p + o->type;
	if (!strcasecmp(attr, "country")) return p + o->country;
	if (!strcasecmp(attr, "region")) return p + o->region;
	if (!strcasecmp(attr, "issues")) return p + o->issues;
	if (!strcasecmp(attr, "skills")) return p + o->skills;
	if (!strcasecmp(attr, "stance")) return stance_name(o->stance);
	for (k = 0; k < l->norg_attrs; k++)
		if (!strcasecmp(attr, l->org_attrs[k].name))
			return p + l->org_attrs[k].val[i];
	return NULL;
}

void cm_groups_release(struct cm_groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->names[i]);
	free(g->names);
	free(g->group_of);
	memset(g, 0, sizeof(*g));
}

int cm_groups_build(const struct cm_landscape *l, const char *attr, struct cm_groups *g,
		    struct cm_error *err)
{
	size_t i, j, cap = 0;

	memset(g, 0, sizeof(*g));
	if (l->norgs && !cm_org_attr(l, 0, attr))
		return cm_error_set(err, CM_EUSAGE, l->orgs_path, 0, 0, "no column '%s' to group by", attr);
	g->group_of = malloc((l->norgs ? l->norgs : 1) * sizeof(*g->group_of));
	if (!g->group_of)
		goto nomem;
	/* linear search per org is fine for the few groups an attribute has;
	 * an attribute with a value per org (id) costs O(n^2), so hash would
	 * be needed there; group-by is for categories */
	for (i = 0; i < l->norgs; i++) {
		const char *v = cm_org_attr(l, i, attr);
		for (j = 0; j < g->n && strcmp(g->names[j], v); j++)
			;
		if (j == g->n) {
			if (g->n == cap) {
				size_t nc = cap ? 2 * cap : 16;
				char **nn = realloc(g->names, nc * sizeof(*nn));
				if (!nn)
					goto nomem;
				g->names = nn;
				cap = nc;
			}
			if (!(g->names[g->n] = strdup(v)))
				goto nomem;
			g->n++;
		}
		g->group_of[i] = (uint32_t)j;
	}
	return CM_OK;
nomem:
	cm_groups_release(g);
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

long cm_org_find(const struct cm_landscape *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->norgs; i++)
		if (!strcmp(l->pool.buf + l->orgs[i].id, id))
			return (long)i;
	return -1;
}

void cm_mark_targets(const struct cm_landscape *l, const struct cm_strlist *targets, unsigned char *target)
{
	size_t i, k;

	for (i = 0; i < l->norgs; i++) {
		const char *t = l->pool.buf + l->orgs[i].type;
		target[i] = 0;
		if (!targets || !targets->n)
			target[i] = !strcasecmp(t, "decision_maker") || !strcasecmp(t, "government");
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
		if (strcmp(l->tie_types[t->type], "access") || !cm_filter_keeps(l, f, t))
			continue;
		if (target[t->dst])
			access[t->src] = 1;
		if (!t->directed && target[t->src])
			access[t->dst] = 1;
	}
}
