/* access.c - a landscape's columns and ties by index, for clients of the
 * public API (viz/, bindings) that may not see struct cm_landscape. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* The text columns every landscape has, in the order of their indices. */
static const char *const known[] = {
	"id", "name", "type", "country", "region", "issues", "skills", "stance"
};
#define NKNOWN (sizeof(known) / sizeof(*known))

size_t cm_attr_count(const struct cm_landscape *l)
{
	return NKNOWN + l->norg_attrs;
}

int cm_attr_find(const struct cm_landscape *l, const char *name)
{
	size_t k;

	for (k = 0; k < NKNOWN; k++)
		if (!strcasecmp(name, known[k]))
			return (int)k;
	for (k = 0; k < l->norg_attrs; k++)
		if (!strcasecmp(name, l->org_attrs[k].name))
			return (int)(NKNOWN + k);
	return -1;
}

const char *cm_attr_name(const struct cm_landscape *l, size_t attr)
{
	return attr < NKNOWN ? known[attr] : l->org_attrs[attr - NKNOWN].name;
}

int cm_attr_numeric(const struct cm_landscape *l, size_t attr)
{
	return attr >= NKNOWN && l->org_attrs[attr - NKNOWN].numeric;
}

const char *cm_attr_value(const struct cm_landscape *l, size_t attr, size_t i)
{
	const struct cm_org *o = &l->orgs[i];
	const char *p = l->pool.buf;

	switch (attr) {
	case 0: return p + o->id;
	case 1: return p + o->name;
	case 2: return p + o->type;
	case 3: return p + o->country;
	case 4: return p + o->region;
	case 5: return p + o->issues;
	case 6: return p + o->skills;
	case 7:
		switch (o->stance) {
		case CM_STANCE_SUPPORT: return "support";
		case CM_STANCE_NEUTRAL: return "neutral";
		case CM_STANCE_OPPOSE: return "oppose";
		}
		return "";
	}
	return p + l->org_attrs[attr - NKNOWN].val[i];
}

double cm_attr_number(const struct cm_landscape *l, size_t attr, size_t i)
{
	const char *s = cm_attr_value(l, attr, i), *hint;
	double v;

	return *s && cm_parse_number(s, &v, &hint) == 0 ? v : NAN;
}

double cm_landscape_org_budget(const struct cm_landscape *l, size_t i) { return l->orgs[i].budget; }
double cm_landscape_org_influence(const struct cm_landscape *l, size_t i) { return l->orgs[i].influence; }

size_t cm_tie_type_count(const struct cm_landscape *l) { return l->ntie_types; }
const char *cm_tie_type_name(const struct cm_landscape *l, size_t type) { return l->tie_types[type]; }

int cm_tie_type_conflict(const struct cm_landscape *l, size_t type)
{
	return cm_tie_type_is_conflict(l->tie_types[type]);
}

size_t cm_tie_source(const struct cm_landscape *l, size_t tie) { return l->ties[tie].src; }
size_t cm_tie_target(const struct cm_landscape *l, size_t tie) { return l->ties[tie].dst; }
size_t cm_tie_type(const struct cm_landscape *l, size_t tie) { return l->ties[tie].type; }
int cm_tie_directed(const struct cm_landscape *l, size_t tie) { return l->ties[tie].directed; }
double cm_tie_weight(const struct cm_landscape *l, size_t tie) { return l->ties[tie].weight; }
double cm_tie_trust(const struct cm_landscape *l, size_t tie) { return l->ties[tie].trust; }
double cm_tie_amount(const struct cm_landscape *l, size_t tie) { return l->ties[tie].amount; }
int32_t cm_tie_start(const struct cm_landscape *l, size_t tie) { return l->ties[tie].start; }
int32_t cm_tie_end(const struct cm_landscape *l, size_t tie) { return l->ties[tie].end; }

int cm_tie_kept(const struct cm_landscape *l, const struct cm_filter *f, size_t tie)
{
	return cm_filter_keeps(l, f, &l->ties[tie]);
}

void cm_progress_set(const char *stage)
{
	cm_progress(stage);
}
