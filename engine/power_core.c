/* power_core.c - the power report's core_periphery section: how well the
 * Borgatti-Everett models fit, the core's members and the densities of
 * its blocks (docs/power.md, docs/statistics.md "Core and periphery"). */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "power.h"

#define CORE_LISTED 10

static const char *fit_word(double r)
{
	return r >= 0.7 ? "a clear" : r >= 0.4 ? "a moderate" : r >= 0.2 ? "a weak" : "no real";
}

/* Ties over pairs, or NaN when there are no pairs. */
static double density(double ties, double pairs)
{
	return pairs > 0 ? ties / pairs : NAN;
}

static void densities(struct power *x, const struct cm_cp_fit *f)
{
	double k = (double)f->core, p = (double)x->n - k;
	double d[3] = { density(f->e_core, k * (k - 1) / 2), density(f->e_periphery, p * (p - 1) / 2),
			density(f->e_between, k * p) };
	static const char *const name[3] = { "density_core", "density_periphery", "density_between" };
	static const char *const what[3] = { "within the core", "within the periphery",
					     "between core and periphery" };
	size_t j;

	for (j = 0; j < 3; j++)
		cm_findings_add(&x->r, "core_periphery", "", name[j], d[j], "%.1f %% of the pairs %s work together",
		    pct(d[j]), what[j]);
}

/* The core's members, most central (continuous coreness) first. */
static int members(struct power *x, const struct cm_cp_fit *f)
{
	const double *c = x->a->v[CM_M_CP_CORENESS], *in = x->a->v[CM_M_CP_CORE];
	struct flow_item *items = malloc((f->core + 1) * sizeof(*items));
	size_t i, k = 0;

	if (!items)
		return cm_error_set(x->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < x->n; i++)
		if (in[i] == 1)
			items[k++] = (struct flow_item){ c[i], i };
	qsort(items, k, sizeof(*items), cm_flow_cmp);
	for (i = 0; i < k && i < CORE_LISTED; i++)
		cm_findings_add(&x->r, "core_periphery", org_id(x, items[i].org), "core_member", items[i].v,
		    "%s is in the core (coreness %.2f)", org_name(x, items[i].org), items[i].v);
	if (k > CORE_LISTED)
		cm_findings_add(&x->r, "core_periphery", "", "core_members_not_listed", (double)(k - CORE_LISTED),
		    "and %zu more core members (cp_core in coalmap metrics lists them all)", k - CORE_LISTED);
	free(items);
	return CM_OK;
}

int cm_power_core_periphery(struct power *x)
{
	struct cm_cp_fit f;
	const char *why;
	int rc;

	if ((rc = cm_analysis_need(x->a, CM_K_CP, x->err)) < 0)
		return rc;
	cm_cp_fit(x->a, &f);
	if ((why = cm_cp_undefined(x->a, 0)))
		cm_findings_add(&x->r, "core_periphery", "", "continuous_fit", NAN, "undefined: %s", why);
	else if (isnan(f.r_continuous))
		cm_findings_add(&x->r, "core_periphery", "", "continuous_fit", NAN,
		    "undefined: every organization is equally central");
	else
		cm_findings_add(&x->r, "core_periphery", "", "continuous_fit", f.r_continuous,
		    "continuous coreness fits the ties at r = %.2f: %s core/periphery gradient", f.r_continuous,
		    fit_word(f.r_continuous));
	if ((why = cm_cp_undefined(x->a, 1)) || isnan(f.r_discrete)) {
		cm_findings_add(&x->r, "core_periphery", "", "discrete_fit", NAN, "undefined: %s",
		    why ? why : "no partition has ties both inside and missing from its blocks");
		return CM_OK;
	}
	cm_findings_add(&x->r, "core_periphery", "", "discrete_fit", f.r_discrete,
	    "a core that works together and a periphery that does not fit the ties at r = %.2f: %s core", f.r_discrete,
	    fit_word(f.r_discrete));
	cm_findings_add(&x->r, "core_periphery", "", "core_size", (double)f.core,
	    "%zu organizations (%.0f %%) form the core", f.core, pct((double)f.core / (double)x->n));
	densities(x, &f);
	if ((rc = members(x, &f)) < 0)
		return rc;
	return x->r.nomem ? cm_error_set(x->err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
}
