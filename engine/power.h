/* power.h - the power report's parts, shared by power.c, power_access.c
 * and keyplayers.c (engine-private). */
#ifndef CM_POWER_H
#define CM_POWER_H

#include "analysis.h"

#define GATEKEEPERS_LISTED 10 /* per group */

/* One power report being written: its context, the graphs and path
 * searches it reads, and the findings table it fills. */
struct power {
	struct cm_analysis *a;
	const struct cm_landscape *l;
	const struct cm_filter *f;
	const struct cm_power_opts *o;
	const struct cm_graphs *g;
	const struct cm_csr *c;
	const struct cm_paths *paths; /* the path searches behind betweenness */
	size_t n;
	struct cm_findings r;
	struct cm_error *err;
};


static inline double pct(double x)
{
	return 100.0 * x;
}

static inline const char *org_name(const struct power *x, size_t i)
{
	return cm_landscape_org_name(x->l, i);
}

static inline const char *org_id(const struct power *x, size_t i)
{
	return cm_landscape_org_id(x->l, i);
}

/* An org and a value to list them by: largest first, then file order. */
struct flow_item {
	double v;
	size_t org;
};
int cm_flow_cmp(const void *a, const void *b);

/* Groups (sizes, ties within and between, E-I index, assortativity) and
 * access to decision-makers per group; with gatekeepers, who carries the
 * routes of each group's mediated members (power_access.c). */
int cm_power_groups(struct power *x, const struct cm_groups *gr);
int cm_power_access(struct power *x, const struct cm_groups *gr, int gatekeepers);
/* Key players: KPP-Neg and KPP-Pos, k of each (keyplayers.c). */
int cm_power_kpp_neg(struct power *x, size_t k);
int cm_power_kpp_pos(struct power *x, size_t k);

#endif
