/* power.h - the power report's parts, shared by power.c, power_access.c
 * and keyplayers.c (engine-private). */
#ifndef CM_POWER_H
#define CM_POWER_H

#include "analysis.h"

#define GATEKEEPERS_LISTED 10 /* per group */

/* The centralities money_and_position ranks budget against (power.c). */
#define MONEY_METRICS 5
extern const enum cm_metric cm_money_metrics[MONEY_METRICS];

/* A permutation test of one figure (docs/statistics.md): why there is
 * none (undefined, a static reason), or the two-sided p-value and the
 * permutation distribution's mean and 2.5 and 97.5 percentiles. */
struct perm_test {
	const char *undefined;
	double p, mean, low, high;
};

/* The report's permutation tests (power_perm.c); n = 0: none. */
struct power_tests {
	size_t n;
	struct perm_test ei, assort, spearman[MONEY_METRICS];
	struct perm_test *group_ei, *access; /* per group; NULL without groups */
};

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
	struct power_tests tests;
	struct cm_error *err;
	/* --missing (engine/ranking.c).  In a resample's run (quiet set) the
	 * key players and gatekeepers are scored, not said: list l's score of
	 * org v in quiet->sc[l * n + v] (NaN: not listed), the list itself in
	 * quiet->top[l * kmax ..] and quiet->k[l]; lists 0 KPP-Neg, 1 KPP-Pos,
	 * 2 + g group g's gatekeepers.  gone: the orgs missing from the
	 * resample (NULL when ties are).  In the observed run rob holds the
	 * figures of each listed org, said after its row. */
	struct power_lists *quiet;
	const unsigned char *gone;
	const struct cm_rank_lists *rob;
	const struct cm_rank_opts *ro;
};

struct power_lists {
	double *sc;
	size_t *top, *k, kmax;
};
#define POWER_LIST_KPP_NEG 0
#define POWER_LIST_KPP_POS 1
#define POWER_LIST_GATEKEEPERS 2

/* After the row giving org v its place j (0-based) on list l, a row per
 * missing share with the figures of x->rob (none without): measure
 * "PREFIX:S", the share of resamples keeping v among the list's k, and
 * the reading "among the k MANY in 87 % of resamples with 10 % of ties
 * missing; ..." ("as the ONE ..." when the list holds one org). */
void cm_power_robust_say(struct power *x, const char *section, const char *prefix, const char *one,
			 const char *many, size_t l, size_t j, size_t v);


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
/* Runs the permutation tests of x->o (none when it asks for none) into
 * x->tests: the groups' tests when gr is not NULL.  O(N*(n + m)) on the
 * filter's threads; the same for a seed whatever their number. */
int cm_power_tests_run(struct power *x, const struct cm_groups *gr);
void cm_power_tests_release(struct power_tests *t);
/* cm_findings_add, with test t's columns (t NULL: none) and, when the
 * value is defined and tests were run, its outcome in the reading. */
void cm_power_add(struct power *x, const char *section, const char *subject, const char *measure, double value,
		  const struct perm_test *t, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Key players: KPP-Neg and KPP-Pos, k of each (keyplayers.c). */
int cm_power_kpp_neg(struct power *x, size_t k);
int cm_power_kpp_pos(struct power *x, size_t k);

/* Core/periphery: both models' fit, the core, its densities (power_core.c). */
int cm_power_core_periphery(struct power *x);

#endif
