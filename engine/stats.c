/* stats.c - Gini, top-10 % share, Spearman's rank correlation, Freeman
 * centralization (docs/power.md). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

void cm_sort_doubles(double *v, size_t k)
{
	qsort(v, k, sizeof(*v), dbl_cmp);
}

double cm_quantile(const double *s, size_t k, double q)
{
	double h = (double)(k - 1) * q, lo = floor(h);
	size_t i = (size_t)lo;

	return i + 1 < k ? s[i] + (h - lo) * (s[i + 1] - s[i]) : s[k - 1];
}

/* A sorted copy of v[0..k) (malloc'd), or NULL with *nomem set (k > 0). */
static double *sorted_copy(const double *v, size_t k, int *nomem)
{
	double *s = malloc(k * sizeof(*s));

	if (!s) {
		*nomem = 1;
		return NULL;
	}
	memcpy(s, v, k * sizeof(*s));
	cm_sort_doubles(s, k);
	return s;
}

/* Gini over k values (sorted copy): sum_i (2i - k - 1) x_i / (k * sum). */
double cm_gini(const double *v, size_t k, int *nomem)
{
	double *s, sum = 0, acc = 0;
	size_t i;

	if (k == 0 || !(s = sorted_copy(v, k, nomem)))
		return NAN;
	for (i = 0; i < k; i++) {
		sum += s[i];
		acc += (2.0 * (double)(i + 1) - (double)k - 1.0) * s[i];
	}
	free(s);
	return sum > 0 ? acc / ((double)k * sum) : NAN;
}

/* Share of the total held by the ceil(k/10) largest values. */
double cm_top10_share(const double *v, size_t k, int *nomem)
{
	double *s, sum = 0, top = 0;
	size_t i, nt = (k + 9) / 10;

	if (k == 0 || !(s = sorted_copy(v, k, nomem)))
		return NAN;
	for (i = 0; i < k; i++) {
		sum += s[i];
		if (i >= k - nt)
			top += s[i];
	}
	free(s);
	return sum > 0 ? top / sum : NAN;
}

struct ranked {
	double v;
	size_t i;
};

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	return (x->v > y->v) - (x->v < y->v);
}

/* 1 if a and b are equal but for rounding (relative 1e-9): centralities
 * computed along different paths differ in their last bits, and Spearman's
 * average ranks and the order of listed figures must not depend on that. */
int cm_same_value(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b)) + 1e-12;
}

/* Average ranks (1-based, ties share their mean rank). */
int cm_ranks(const double *v, size_t k, double *out)
{
	struct ranked *r = malloc((k ? k : 1) * sizeof(*r));
	size_t i, j, a;

	if (!r)
		return CM_ENOMEM;
	for (i = 0; i < k; i++)
		r[i] = (struct ranked){ v[i], i };
	qsort(r, k, sizeof(*r), ranked_cmp);
	for (i = 0; i < k; i = j) {
		for (j = i; j < k && cm_same_value(r[j].v, r[i].v); j++)
			;
		for (a = i; a < j; a++)
			out[r[a].i] = (double)(i + j + 1) / 2.0;
	}
	free(r);
	return CM_OK;
}

/* Spearman's rho: Pearson correlation of average ranks. */
double cm_spearman(const double *x, const double *y, size_t k, int *nomem)
{
	double *rx, *ry, mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
	size_t i;

	if (k < 3)
		return NAN;
	rx = malloc(k * sizeof(*rx));
	ry = malloc(k * sizeof(*ry));
	if (!rx || !ry || cm_ranks(x, k, rx) < 0 || cm_ranks(y, k, ry) < 0) {
		free(rx);
		free(ry);
		*nomem = 1;
		return NAN;
	}
	for (i = 0; i < k; i++) {
		mx += rx[i];
		my += ry[i];
	}
	mx /= (double)k;
	my /= (double)k;
	for (i = 0; i < k; i++) {
		sxy += (rx[i] - mx) * (ry[i] - my);
		sxx += (rx[i] - mx) * (rx[i] - mx);
		syy += (ry[i] - my) * (ry[i] - my);
	}
	free(rx);
	free(ry);
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
}

/* Freeman centralization: sum (max - c_i) / tmax; NaN when n < 3. */
double cm_freeman(const double *c, size_t n, double tmax)
{
	double mx = -HUGE_VAL, s = 0;
	size_t i;

	if (n < 3)
		return NAN;
	for (i = 0; i < n; i++)
		if (c[i] > mx)
			mx = c[i];
	for (i = 0; i < n; i++)
		s += mx - c[i];
	return s / tmax;
}

