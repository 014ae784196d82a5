/* export.c - a landscape as two typed tables (orgs, ties), the shape the
 * converters' writers take (docs/convert.md). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

char *cm_format_real(double v, char *buf, size_t n)
{
	int digits;

	for (digits = 15; digits <= 17; digits++) {
		snprintf(buf, n, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

/* 10^k for 0 <= k <= 27, all exact in a long double (64-bit mantissa) */
static const long double pow10_exact[28] = { 1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L,
	1e10L, 1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L, 1e21L, 1e22L, 1e23L,
	1e24L, 1e25L, 1e26L, 1e27L };

char *cm_format_g(double v, int digits, char *buf, size_t n)
{
	long double a, s, fl, frac, lim_hi, lim_lo;
	unsigned long long d;
	char dig[24], *o = buf;
	int e, k, len, i;

	/* printf's own formatting costs about 280 ns a number; this one a
	 * tenth of that.  a * 10^k is rounded once in a long double, an
	 * error under 10^-7 units of the last digit kept, so the digits are
	 * printf's unless the value lies that close to a rounding boundary:
	 * those (and the cases below) go to snprintf, and the result is always
	 * exactly snprintf's "%.*g". */
	if (v == 0 && n >= 3) {
		strcpy(buf, signbit(v) ? "-0" : "0");
		return buf;
	}
	if (digits < 1 || digits > 15 || n < 32 || !isfinite(v) ||
	    fabs(v) < 1e-250 || fabs(v) > 1e250)
		goto fallback;
	a = fabsl((long double)v);
	lim_hi = pow10_exact[digits];
	lim_lo = lim_hi / 10;
	e = (int)floor(log10(fabs(v)));
	for (i = 0; i < 2; i++) { /* log10 may be one off near a power of 10 */
		k = digits - 1 - e;
		if (k > 27 || k < -27)
			goto fallback;
		s = k >= 0 ? a * pow10_exact[k] : a / pow10_exact[-k];
		if (s >= lim_hi)
			e++;
		else if (s < lim_lo)
			e--;
		else
			break;
	}
	if (i == 2)
		goto fallback;
	fl = floorl(s);
	frac = s - fl;
	if (fabsl(frac - 0.5L) < 1e-3L)
		goto fallback;
	d = (unsigned long long)fl + (frac > 0.5L);
	if ((long double)d >= lim_hi) { /* 9.99..5 rounded up to 10.0 */
		d /= 10;
		e++;
	}
	/* the significant digits, trailing zeros dropped as %g does */
	for (i = digits; i-- > 0; d /= 10)
		dig[i] = (char)('0' + d % 10);
	len = digits;
	while (len > 1 && dig[len - 1] == '0')
		len--;
	if (signbit(v))
		*o++ = '-';
	if (e < -4 || e >= digits) {
		*o++ = dig[0];
		if (len > 1) {
			*o++ = '.';
			memcpy(o, dig + 1, (size_t)len - 1);
			o += len - 1;
		}
		sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
	} else if (e >= 0) {
		for (i = 0; i <= e; i++)
			*o++ = i < len ? dig[i] : '0';
		if (len > e + 1) {
			*o++ = '.';
			memcpy(o, dig + e + 1, (size_t)(len - e - 1));
			o += len - e - 1;
		}
		*o = '\0';
	} else {
		*o++ = '0';
		*o++ = '.';
		for (i = 0; i < -e - 1; i++)
			*o++ = '0';
		memcpy(o, dig, (size_t)len);
		o[len] = '\0';
	}
	return buf;
fallback:
	snprintf(buf, n, "%.*g", digits, v);
	return buf;
}

char *cm_format_int(long long v, char *buf, size_t n)
{
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	char tmp[24];
	size_t i = 0, o = 0;

	if (n < 24) {
		snprintf(buf, n, "%lld", v);
		return buf;
	}
	do {
		tmp[i++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[o++] = '-';
	while (i)
		buf[o++] = tmp[--i];
	buf[o] = '\0';
	return buf;
}

/* Whole numbers written without '.' or exponent, safely inside a double. */
static int is_whole(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-');

	if (!*p || strlen(p) > 15)
		return 0;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

struct out {
	struct cm_table *t;
	int nomem;
};

static int col(struct out *o, const char *name, enum cm_kind kind)
{
	int c = cm_table_add_column(o->t, name, kind);

	if (c < 0)
		o->nomem = 1;
	return c;
}

static void text(struct out *o, int c, size_t r, const char *s)
{
	if (c >= 0 && *s && cm_table_set_text(o->t, (size_t)c, r, s) < 0)
		o->nomem = 1;
}

static void real(struct out *o, int c, size_t r, double v)
{
	if (c >= 0 && !isnan(v))
		cm_table_set_real(o->t, (size_t)c, r, v);
}

/* Adds the extra columns with their types and fills them. */
static void extras(struct out *o, const struct cm_landscape *l, const struct cm_attr *attrs,
		   size_t nattrs, size_t nrows)
{
	size_t a, r;

	for (a = 0; a < nattrs; a++) {
		enum cm_kind kind = CM_TEXT;
		int c;
		if (attrs[a].numeric) {
			kind = CM_INT;
			for (r = 0; r < nrows; r++) {
				const char *s = cm_strpool_get(&l->pool, attrs[a].val[r]);
				if (*s && !is_whole(s)) {
					kind = CM_REAL;
					break;
				}
			}
		}
		if ((c = col(o, attrs[a].name, kind)) < 0)
			return;
		for (r = 0; r < nrows; r++) {
			const char *s = cm_strpool_get(&l->pool, attrs[a].val[r]), *hint;
			double v;
			if (!*s)
				continue;
			if (kind == CM_TEXT)
				text(o, c, r, s);
			else if (cm_parse_number(s, &v, &hint) == 0) {
				if (kind == CM_INT)
					cm_table_set_int(o->t, (size_t)c, r, strtoll(s, NULL, 10));
				else
					cm_table_set_real(o->t, (size_t)c, r, v);
			}
		}
	}
}

const char *cm_cell_text(const struct cm_landscape *l, const struct cm_column_info *c, const void *row,
			 char *buf, size_t n)
{
	const void *f = cm_field(c, row);

	switch (c->value) {
	case CM_VAL_TEXT:
	case CM_VAL_LIST:
		return cm_strpool_get(&l->pool, *(const size_t *)f);
	case CM_VAL_STANCE:
		return cm_stance_words[*(const int *)f];
	case CM_VAL_BOOL:
		return *(const int *)f ? "true" : "false";
	case CM_VAL_DATE:
		if (*(const int32_t *)f == CM_DAY_MIN || *(const int32_t *)f == CM_DAY_MAX)
			return "";
		cm_date_format(*(const int32_t *)f, buf, n);
		return buf;
	case CM_VAL_ORG:
		return cm_strpool_get(&l->pool, l->orgs[*(const uint32_t *)f].id);
	case CM_VAL_TIE_TYPE:
		return l->tie_types[*(const uint32_t *)f];
	case CM_VAL_NUMBER:
		break;
	}
	return NULL;
}

/* The orgs (is_ties 0) or ties of l as table t: the known columns, those
 * flagged CM_COL_ALWAYS and those the input had, in the schema's order,
 * then the extra ones. */
static int export_rows(const struct cm_landscape *l, int is_ties, struct cm_table *t)
{
	const struct cm_schema *s = &cm_schemas[is_ties];
	unsigned present = is_ties ? l->tie_present : l->org_present;
	size_t nrows = is_ties ? l->nties : l->norgs, r, k;
	struct out o = { t, 0 };
	int c[CM_KNOWN_MAX];
	char buf[32];

	for (r = 0; r < nrows; r++)
		if (cm_table_add_row(t) < 0)
			return CM_ENOMEM;
	for (k = 0; k < s->ncols; k++)
		c[k] = (s->col[k].flags & CM_COL_ALWAYS) || (present >> k & 1) ?
			       col(&o, s->col[k].name, cm_value_kind(s->col[k].value)) : -1;
	if (o.nomem)
		return CM_ENOMEM;
	for (r = 0; r < nrows && !o.nomem; r++) {
		const void *row = is_ties ? (const void *)&l->ties[r] : (const void *)&l->orgs[r];
		for (k = 0; k < s->ncols; k++) {
			const struct cm_column_info *ci = &s->col[k];
			if (c[k] < 0)
				continue;
			if (ci->value == CM_VAL_NUMBER)
				real(&o, c[k], r, *(const double *)cm_field(ci, row));
			else
				text(&o, c[k], r, cm_cell_text(l, ci, row, buf, sizeof(buf)));
		}
	}
	if (!o.nomem)
		extras(&o, l, is_ties ? l->tie_attrs : l->org_attrs, is_ties ? l->ntie_attrs : l->norg_attrs, nrows);
	return o.nomem ? CM_ENOMEM : CM_OK;
}

int cm_export_is_landscape(const struct cm_table *orgs, const struct cm_table *ties)
{
	const struct cm_table *t[2] = { [CM_ORGS_FILE] = orgs, [CM_TIES_FILE] = ties };
	size_t f, k;

	for (f = 0; f < 2; f++)
		for (k = 0; k < cm_schemas[f].nkeys; k++)
			if (cm_table_find(t[f], cm_schemas[f].col[k].name) != (int)k)
				return 0;
	return 1;
}

int cm_landscape_export(const struct cm_landscape *l, struct cm_table *orgs,
			struct cm_table *ties, struct cm_error *err)
{
	if (export_rows(l, CM_ORGS_FILE, orgs) < 0 || export_rows(l, CM_TIES_FILE, ties) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return CM_OK;
}
