/* inequality.c - cm_inequality_curves: the curves behind the power
 * report's inequality figures (Lorenz curves) and the degree
 * distribution, for charts (the report's, `coalmap power --chart`). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "internal.h"

#define LORENZ_POINTS 100 /* segments of a drawn Lorenz curve */

struct curves {
	struct cm_table *t;
	int chart, measure, label, x, y, reading;
	int nomem;
};

/* Appends point (x, y) of curve chart/measure; label and reading (NULL:
 * empty) go on a curve's first row only. */
static void point(struct curves *c, const char *chart, const char *measure, const char *label, double x, double y,
		  const char *reading)
{
	long r = cm_table_add_row(c->t);

	if (r < 0 || cm_table_set_text(c->t, (size_t)c->chart, (size_t)r, chart) < 0 ||
	    cm_table_set_text(c->t, (size_t)c->measure, (size_t)r, measure) < 0 ||
	    (label && cm_table_set_text(c->t, (size_t)c->label, (size_t)r, label) < 0) ||
	    (reading && cm_table_set_text(c->t, (size_t)c->reading, (size_t)r, reading) < 0)) {
		c->nomem = 1;
		return;
	}
	cm_table_set_real(c->t, (size_t)c->x, (size_t)r, x);
	cm_table_set_real(c->t, (size_t)c->y, (size_t)r, y);
}

/* The Lorenz curve of the finite values of v[0..n): the share of the
 * total held by the share x of orgs with least, at x = 0, 1/100, ..., 1
 * (each an exact point of the curve, i k / 100 orgs rounded half up to a
 * whole number), or at every org when there are fewer than 100.  Left out when the values have
 * no positive total or one is negative (a Lorenz curve needs amounts). */
static void lorenz(struct curves *c, const char *measure, const char *label, const double *v, size_t n)
{
	double *s = malloc((n + 1) * sizeof(*s)), *cum = NULL, sum = 0, g, top;
	size_t i, k = 0, steps;
	char reading[200];

	if (!s) {
		c->nomem = 1;
		return;
	}
	for (i = 0; i < n; i++)
		if (isfinite(v[i]))
			s[k++] = v[i];
	cm_sort_doubles(s, k);
	if (k < 2 || s[0] < 0)
		goto out;
	if (!(cum = malloc((k + 1) * sizeof(*cum)))) {
		c->nomem = 1;
		goto out;
	}
	cum[0] = 0;
	for (i = 0; i < k; i++)
		cum[i + 1] = cum[i] + s[i];
	sum = cum[k];
	if (!(sum > 0))
		goto out;
	g = cm_gini(s, k, &c->nomem);
	top = cm_top10_share(s, k, &c->nomem);
	snprintf(reading, sizeof(reading), "Gini %.2f; the top 10 %% hold %.0f %%", g, 100 * top);
	steps = k < LORENZ_POINTS ? k : LORENZ_POINTS;
	for (i = 0; i <= steps; i++) {
		size_t j = (2 * i * k + steps) / (2 * steps); /* i k / steps, rounded half up */
		point(c, "lorenz", measure, i ? NULL : label, (double)j / (double)k, cum[j] / sum, i ? NULL : reading);
	}
out:
	free(cum);
	free(s);
}

/* The number of orgs of each degree, lowest first (degrees are counts). */
static void degree_distribution(struct curves *c, const double *deg, size_t n)
{
	double *s = malloc((n + 1) * sizeof(*s)), mean = 0;
	size_t i, k = 0;
	char reading[200];

	if (!s) {
		c->nomem = 1;
		return;
	}
	for (i = 0; i < n; i++)
		if (isfinite(deg[i]))
			mean += s[k++] = deg[i];
	cm_sort_doubles(s, k);
	if (k) {
		mean /= (double)k;
		for (i = 0; i < k && s[i] == 0; i++)
			;
		snprintf(reading, sizeof(reading), "mean %.1f, median %g, most %g; %zu with none", mean,
			 cm_quantile(s, k, 0.5), s[k - 1], i);
	}
	for (i = 0; i < k;) {
		size_t j = i;
		while (j < k && s[j] == s[i])
			j++;
		point(c, "degree_distribution", "degree", i ? NULL : cm_metric_info(CM_M_DEGREE)->label, s[i],
		      (double)(j - i), i ? NULL : reading);
		i = j;
	}
	free(s);
}

int cm_inequality_curves(struct cm_analysis *a, struct cm_table *out, struct cm_error *err)
{
	static const enum cm_metric ms[] = { CM_M_DEGREE, CM_M_BETWEENNESS, CM_M_FUNDING_IN };
	struct curves c;
	const double *v[3];
	double *budget;
	size_t i, k;
	int rc;

	memset(&c, 0, sizeof(c));
	c.t = out;
	for (k = 0; k < 3; k++)
		if ((rc = cm_analysis_values(a, ms[k], &v[k], err)) < 0)
			return rc;
	if ((c.chart = cm_table_add_column(out, "chart", CM_TEXT)) < 0 ||
	    (c.measure = cm_table_add_column(out, "measure", CM_TEXT)) < 0 ||
	    (c.label = cm_table_add_column(out, "label", CM_TEXT)) < 0 ||
	    (c.x = cm_table_add_column(out, "x", CM_REAL)) < 0 || (c.y = cm_table_add_column(out, "y", CM_REAL)) < 0 ||
	    (c.reading = cm_table_add_column(out, "reading", CM_TEXT)) < 0 ||
	    !(budget = malloc((a->n + 1) * sizeof(*budget))))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < a->n; i++)
		budget[i] = a->l->orgs[i].budget;
	/* in the power report's order: degree, betweenness, budget, funding */
	lorenz(&c, cm_metric_info(ms[0])->name, cm_metric_info(ms[0])->label, v[0], a->n);
	lorenz(&c, cm_metric_info(ms[1])->name, cm_metric_info(ms[1])->label, v[1], a->n);
	lorenz(&c, "budget", "budget", budget, a->n);
	lorenz(&c, cm_metric_info(ms[2])->name, cm_metric_info(ms[2])->label, v[2], a->n);
	degree_distribution(&c, v[0], a->n);
	free(budget);
	if (c.nomem)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return CM_OK;
}
