/* funding.c - who gives money to whom: funding ties as gifts. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int cm_funding_gifts(const struct cm_landscape *l, const struct cm_filter *f,
		     struct cm_gift **out, size_t *n)
{
	struct cm_gift *v;
	size_t i, k = 0;

	*out = NULL;
	*n = 0;
	v = malloc((2 * l->nties + 1) * sizeof(*v));
	if (!v)
		return CM_ENOMEM;
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		double money;
		if (!(l->tie_roles[t->type] & CM_ROLE_MONEY) || !cm_filter_keeps(l, f, t))
			continue;
		money = isnan(t->amount) ? t->weight : t->amount;
		if (money <= 0)
			continue; /* an amount of 0 gives nothing and makes no funder */
		v[k++] = (struct cm_gift){ t->src, t->dst, money };
		if (!t->directed)
			v[k++] = (struct cm_gift){ t->dst, t->src, money };
	}
	*out = v;
	*n = k;
	return CM_OK;
}

static int gift_cmp(const void *a, const void *b)
{
	const struct cm_gift *x = a, *y = b;

	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return (x->from > y->from) - (x->from < y->from);
}

int cm_funding_per_org(const struct cm_landscape *l, const struct cm_filter *f,
		       double *in, long long *funders, double *hhi)
{
	struct cm_gift *g;
	size_t n, i, j;

	if (cm_funding_gifts(l, f, &g, &n) < 0)
		return CM_ENOMEM;
	qsort(g, n, sizeof(*g), gift_cmp);
	for (i = 0; i < l->norgs; i++) {
		in[i] = 0;
		funders[i] = 0;
		hhi[i] = NAN;
	}
	for (i = 0; i < n; i = j) {
		uint32_t to = g[i].to;
		double total = 0, sq = 0;
		size_t a, b;
		for (j = i; j < n && g[j].to == to; j++)
			total += g[j].money;
		for (a = i; a < j; a = b) {
			double from_one = 0;
			for (b = a; b < j && g[b].from == g[a].from; b++)
				from_one += g[b].money;
			funders[to]++;
			if (total > 0)
				sq += (from_one / total) * (from_one / total);
		}
		in[to] = total;
		hhi[to] = total > 0 ? sq : NAN;
	}
	free(g);
	return CM_OK;
}
