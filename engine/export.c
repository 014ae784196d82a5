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

/* y-m-d of a day number (Howard Hinnant's civil_from_days). */
static void civil(int32_t day, char *buf, size_t n)
{
	long z = (long)day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	snprintf(buf, n, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m, (int)d);
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

static int export_orgs(const struct cm_landscape *l, struct cm_table *t)
{
	static const char *const texts[] = { "type", "country", "region", "issues", "skills" };
	static const char *const stances[] = { "", "support", "neutral", "oppose" };
	struct out o = { t, 0 };
	int cid, cname, ct[5], cb, ci, cs;
	size_t r, k;

	for (r = 0; r < l->norgs; r++)
		if (cm_table_add_row(t) < 0)
			return CM_ENOMEM;
	cid = col(&o, "id", CM_TEXT);
	cname = col(&o, "name", CM_TEXT);
	for (k = 0; k < 5; k++)
		ct[k] = cm_landscape_has_column(l, 0, texts[k]) ? col(&o, texts[k], CM_TEXT) : -1;
	cb = cm_landscape_has_column(l, 0, "budget") ? col(&o, "budget", CM_REAL) : -1;
	ci = cm_landscape_has_column(l, 0, "influence") ? col(&o, "influence", CM_REAL) : -1;
	cs = cm_landscape_has_column(l, 0, "stance") ? col(&o, "stance", CM_TEXT) : -1;
	if (o.nomem)
		return CM_ENOMEM;
	for (r = 0; r < l->norgs && !o.nomem; r++) {
		const struct cm_org *g = &l->orgs[r];
		size_t off[5] = { g->type, g->country, g->region, g->issues, g->skills };
		text(&o, cid, r, cm_strpool_get(&l->pool, g->id));
		text(&o, cname, r, cm_strpool_get(&l->pool, g->name));
		for (k = 0; k < 5; k++)
			text(&o, ct[k], r, cm_strpool_get(&l->pool, off[k]));
		real(&o, cb, r, g->budget);
		real(&o, ci, r, g->influence);
		text(&o, cs, r, stances[g->stance]);
	}
	if (!o.nomem)
		extras(&o, l, l->org_attrs, l->norg_attrs, l->norgs);
	return o.nomem ? CM_ENOMEM : CM_OK;
}

static int export_ties(const struct cm_landscape *l, struct cm_table *t)
{
	struct out o = { t, 0 };
	int cs, cd, cty, cw, cdir, ctr, ca, cst, ce;
	size_t r;
	char buf[32];

	for (r = 0; r < l->nties; r++)
		if (cm_table_add_row(t) < 0)
			return CM_ENOMEM;
	cs = col(&o, "source", CM_TEXT);
	cd = col(&o, "target", CM_TEXT);
	cty = col(&o, "type", CM_TEXT);
	cw = col(&o, "weight", CM_REAL);
	cdir = col(&o, "directed", CM_TEXT);
	ctr = cm_landscape_has_column(l, 1, "trust") ? col(&o, "trust", CM_REAL) : -1;
	ca = cm_landscape_has_column(l, 1, "amount") ? col(&o, "amount", CM_REAL) : -1;
	cst = cm_landscape_has_column(l, 1, "start") ? col(&o, "start", CM_TEXT) : -1;
	ce = cm_landscape_has_column(l, 1, "end") ? col(&o, "end", CM_TEXT) : -1;
	if (o.nomem)
		return CM_ENOMEM;
	for (r = 0; r < l->nties && !o.nomem; r++) {
		const struct cm_tie *x = &l->ties[r];
		text(&o, cs, r, cm_strpool_get(&l->pool, l->orgs[x->src].id));
		text(&o, cd, r, cm_strpool_get(&l->pool, l->orgs[x->dst].id));
		text(&o, cty, r, l->tie_types[x->type]);
		real(&o, cw, r, x->weight);
		text(&o, cdir, r, x->directed ? "true" : "false");
		real(&o, ctr, r, x->trust);
		real(&o, ca, r, x->amount);
		if (x->start != CM_DAY_MIN) {
			civil(x->start, buf, sizeof(buf));
			text(&o, cst, r, buf);
		}
		if (x->end != CM_DAY_MAX) {
			civil(x->end, buf, sizeof(buf));
			text(&o, ce, r, buf);
		}
	}
	if (!o.nomem)
		extras(&o, l, l->tie_attrs, l->ntie_attrs, l->nties);
	return o.nomem ? CM_ENOMEM : CM_OK;
}

int cm_landscape_export(const struct cm_landscape *l, struct cm_table *orgs,
			struct cm_table *ties, struct cm_error *err)
{
	if (export_orgs(l, orgs) < 0 || export_ties(l, ties) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return CM_OK;
}
