/* util.c - errors, diagnostics, string pool, hashing, numbers, dates and
 * jobs on threads. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void cm_error_clear(struct cm_error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

static void error_vset(struct cm_error *err, enum cm_status code, const char *file,
		       long line, long col, const char *fmt, va_list ap)
{
	err->code = code;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->col = col;
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
}

int cm_error_set(struct cm_error *err, enum cm_status code, const char *file,
		 long line, long col, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		error_vset(err, code, file, line, col, fmt, ap);
		va_end(ap);
	}
	return code;
}

int cm_status_exit_code(enum cm_status code)
{
	switch (code) {
	case CM_OK: return 0;
	case CM_EUSAGE: return 64;
	case CM_EDATA: return 65;
	case CM_ENOINPUT: return 66;
	case CM_EOUTPUT: return 73;
	case CM_ENOMEM:
	case CM_EINTERNAL:
	case CM_ETIMEOUT: return 70;
	}
	return 70;
}

const char *cm_status_str(enum cm_status code)
{
	switch (code) {
	case CM_OK: return "success";
	case CM_EUSAGE: return "usage error";
	case CM_EDATA: return "bad data";
	case CM_ENOINPUT: return "missing input";
	case CM_ENOMEM: return "out of memory";
	case CM_EINTERNAL: return "internal error";
	case CM_EOUTPUT: return "cannot write output";
	case CM_ETIMEOUT: return "time limit reached";
	}
	return "unknown error";
}

void cm_diags_init(struct cm_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void cm_diags_release(struct cm_diags *d)
{
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* The kept entry with this severity, code, file and message, or NULL.  At
 * most CM_DIAGS_MAX are kept, so a lookup is a bounded scan of hashes and
 * a file with a million bad rows stays linear. */
static struct cm_diag *diags_find(struct cm_diags *d, enum cm_severity sev, const struct cm_error *e,
				  uint64_t h)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct cm_diag *g = &d->v[i];
		if (g->hash == h && g->severity == sev && g->where.code == e->code &&
		    !strcmp(g->where.message, e->message) && !strcmp(g->where.file, e->file))
			return g;
	}
	return NULL;
}

/* Records one occurrence: counted, then merged into the entry with the
 * same text or kept as a new one while fewer than CM_DIAGS_MAX are. */
static int diags_vadd(struct cm_diags *d, enum cm_severity sev, enum cm_status code, const char *file,
		      long line, long col, const char *fmt, va_list ap)
{
	struct cm_error e;
	struct cm_diag *g;
	uint64_t h;

	if (!d)
		return CM_OK;
	if (sev == CM_ERROR)
		d->n_errors++;
	else if (sev == CM_WARNING)
		d->n_warnings++;
	error_vset(&e, code, file, line, col, fmt, ap);
	h = cm_strmap_hash(e.message, strlen(e.message));
	if ((g = diags_find(d, sev, &e, h))) {
		if (g->count < CM_DIAG_LINES)
			g->lines[g->count] = line;
		g->count++;
		return CM_OK;
	}
	if (d->n >= CM_DIAGS_MAX)
		return CM_OK;
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 8;
		struct cm_diag *v = realloc(d->v, cap * sizeof(*v));
		if (!v)
			return CM_ENOMEM;
		d->v = v;
		d->cap = cap;
	}
	g = &d->v[d->n++];
	memset(g, 0, sizeof(*g));
	g->severity = sev;
	g->where = e;
	g->count = 1;
	g->lines[0] = line;
	g->hash = h;
	return CM_OK;
}

int cm_diags_add(struct cm_diags *d, enum cm_severity sev, enum cm_status code,
		 const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = diags_vadd(d, sev, code, file, line, col, fmt, ap);
	va_end(ap);
	return rc;
}

int cm_diags_vdata(struct cm_diags *d, const struct cm_load_opts *opts, enum cm_severity sev,
		   const char *file, long line, const char *fmt, va_list ap)
{
	if (sev == CM_WARNING && opts && opts->strict)
		sev = CM_ERROR;
	return diags_vadd(d, sev, CM_EDATA, file, line, 0, fmt, ap) < 0 ? CM_ENOMEM : (int)sev;
}

void cm_diags_problem(struct cm_diags *d, const struct cm_load_opts *opts, enum cm_severity sev,
		      const char *file, long line, int *bad, int *nomem, const char *fmt, va_list ap)
{
	int s = cm_diags_vdata(d, opts, sev, file, line, fmt, ap);

	if (s < 0)
		*nomem = 1;
	else if (s == CM_ERROR)
		*bad = 1;
}

/* Strings are copied into blocks freed all at once: one allocation per
 * block instead of one per string (a million-row table has millions of
 * cells).  A big string gets a block of its own. */
struct cm_arena {
	struct cm_arena *next;
	size_t used, size;
	char data[];
};

#define ARENA_BLOCK ((size_t)64 << 10)

char *cm_arena_copy(struct cm_arena **a, const char *s, size_t n)
{
	struct cm_arena *b = *a;
	char *d;

	if (!b || b->size - b->used < n + 1) {
		size_t size = n + 1 > ARENA_BLOCK / 4 ? n + 1 : ARENA_BLOCK;
		if (!(b = malloc(sizeof(*b) + size)))
			return NULL;
		b->used = 0;
		b->size = size;
		if (size == ARENA_BLOCK || !*a) {
			b->next = *a;
			*a = b;
		} else { /* a big string: keep the current block in front */
			b->next = (*a)->next;
			(*a)->next = b;
		}
	}
	d = b->data + b->used;
	memcpy(d, s, n);
	d[n] = '\0';
	b->used += n + 1;
	return d;
}

void cm_arena_free(struct cm_arena **a)
{
	while (*a) {
		struct cm_arena *b = *a;
		*a = b->next;
		free(b);
	}
}

int cm_strpool_init(struct cm_strpool *p)
{
	p->cap = 4096;
	p->buf = malloc(p->cap);
	if (!p->buf)
		return CM_ENOMEM;
	p->buf[0] = '\0';
	p->len = 1;
	return CM_OK;
}

void cm_strpool_release(struct cm_strpool *p)
{
	free(p->buf);
	memset(p, 0, sizeof(*p));
}

int cm_strpool_add(struct cm_strpool *p, const char *s, size_t n, size_t *off)
{
	if (n == 0) {
		*off = 0;
		return CM_OK;
	}
	if (p->len + n + 1 > p->cap) {
		size_t cap = p->cap;
		char *b;
		while (p->len + n + 1 > cap)
			cap *= 2;
		b = realloc(p->buf, cap);
		if (!b)
			return CM_ENOMEM;
		p->buf = b;
		p->cap = cap;
	}
	memcpy(p->buf + p->len, s, n);
	p->buf[p->len + n] = '\0';
	*off = p->len;
	p->len += n + 1;
	return CM_OK;
}

uint64_t cm_hash_bytes(const void *s, size_t n, uint64_t h)
{
	const unsigned char *c = s;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211ull;
	}
	return h;
}

static int u64_cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

void cm_sort_u64(uint64_t *k, size_t n)
{
	size_t i, j;

	if (n > 32) {
		qsort(k, n, sizeof(*k), u64_cmp);
		return;
	}
	for (i = 1; i < n; i++) { /* most groups are a handful of keys */
		uint64_t x = k[i];
		for (j = i; j > 0 && k[j - 1] > x; j--)
			k[j] = k[j - 1];
		k[j] = x;
	}
}

/* Accepts [+-]digits[.digits][e[+-]digits] and nothing else: no hex, no
 * inf/nan, no decimal comma, no surrounding text. */
int cm_parse_number(const char *s, double *v, const char **hint)
{
	const char *p = s;
	int digits = 0, frac = 0, exp = 0;
	unsigned long long m = 0;
	char *end;
	double d;

	*hint = NULL;
	if (*p == '+' || *p == '-')
		p++;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		*hint = "hexadecimal numbers are not accepted";
		return -1;
	}
	while (isdigit((unsigned char)*p)) {
		m = m * 10 + (unsigned)(*p - '0');
		p++;
		digits++;
	}
	if (*p == ',' && isdigit((unsigned char)p[1]) && digits) {
		*hint = "use '.' as the decimal separator";
		return -1;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			m = m * 10 + (unsigned)(*p - '0');
			p++;
			digits++;
			frac++;
		}
	}
	if (!digits)
		return -1;
	if (*p == 'e' || *p == 'E') {
		exp = 1;
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p)
		return -1;
	if (!exp && digits <= 15 && frac <= 22) {
		/* m < 10^15 < 2^53 and 10^frac are exact doubles, so m / 10^frac
		 * is the correctly rounded value, the one strtod returns */
		static const double p10[23] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
						1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
		d = (double)m / p10[frac];
		*v = *s == '-' ? -d : d;
		return 0;
	}
	errno = 0;
	d = strtod(s, &end);
	if (*end || !isfinite(d) || (errno == ERANGE && fabs(d) > 1.0)) {
		*hint = "the number is too large";
		return -1;
	}
	*v = d;
	return 0;
}

int cm_read_number(const char *s, size_t n, double *v, const char **hint)
{
	char buf[64];
	const char *h;

	cm_trim(&s, &n);
	if (!hint)
		hint = &h;
	*hint = NULL;
	if (!n || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return cm_parse_number(buf, v, hint);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil). */
static int32_t days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void cm_date_format(long day, char *buf, size_t n)
{
	/* Howard Hinnant's civil_from_days */
	long z = day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	snprintf(buf, n, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : dm[m - 1];
}

static int digits_at(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int cm_date_parse(const char *s, int allow_year, int year_end, int32_t *day)
{
	size_t n = strlen(s);
	int y, m, d;

	if (n == 4 && allow_year) {
		if ((y = digits_at(s, 4)) < 0)
			return -1;
		*day = year_end ? days_from_civil(y, 12, 31) : days_from_civil(y, 1, 1);
		return 0;
	}
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits_at(s, 4);
	m = digits_at(s + 5, 2);
	d = digits_at(s + 8, 2);
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*day = days_from_civil(y, m, d);
	return 0;
}

size_t cm_utf8_check(const unsigned char *s, size_t n, int *nul)
{
	size_t i = 0;

	*nul = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t k, len;
		unsigned long cp;

		if (c < 0x80) {
			if (c == 0) {
				*nul = 1;
				return i;
			}
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return i;
		}
		if (i + len > n)
			return i;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return i;
		i += len;
	}
	return n;
}

char *cm_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	char *p = malloc(n + strlen(name) + 2);

	if (p)
		sprintf(p, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
	return p;
}

/* CM_EDATA once a data error is in diags (added is cm_diags_add's
 * answer), else CM_ENOMEM with err set. */
static int refused(struct cm_read *rd, int added)
{
	return added < 0 ? cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_EDATA;
}

char *cm_slurp(struct cm_read *rd, size_t max, int text, size_t *len, int *rc)
{
	FILE *f = fopen(rd->path, "rb");
	char *buf = NULL, *b;
	size_t n = 0, cap = 0, k;

	if (!f) {
		*rc = errno == ENOMEM ? cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory")
				      : cm_error_set(rd->err, CM_ENOINPUT, rd->path, 0, 0, "cannot open: %s",
						     strerror(errno));
		return NULL;
	}
	*rc = CM_OK;
	do {
		if (cap - n < 65536) {
			cap = cap ? 2 * cap : 1 << 17;
			if (!(b = realloc(buf, cap + 1))) {
				*rc = cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
				break;
			}
			buf = b;
		}
		k = fread(buf + n, 1, cap - n <= max - n ? cap - n : max - n + 1, f); /* max + 1: too big */
		n += k;
	} while (k && n <= max);
	if (*rc == CM_OK && ferror(f))
		*rc = cm_error_set(rd->err, CM_ENOINPUT, rd->path, 0, 0, "cannot read: %s", strerror(errno));
	fclose(f);
	if (*rc == CM_OK && n > max)
		*rc = refused(rd, cm_diags_add(rd->diags, CM_ERROR, CM_EDATA, rd->path, 0, 0,
					       "the file is larger than %zu MiB; coalmap refuses a file that big",
					       max >> 20));
	if (*rc == CM_OK && text && (b = memchr(buf, '\0', n))) { /* text ends at a NUL: say so rather than cut */
		long line = 1;
		for (k = 0; k < (size_t)(b - buf); k++)
			line += buf[k] == '\n';
		*rc = refused(rd, cm_diags_add(rd->diags, CM_ERROR, CM_EDATA, rd->path, line, 0,
					       "NUL bytes: not a text file (UTF-16? save it as UTF-8)"));
	}
	if (*rc < 0) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

int cm_grow(void *v, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap : 16;
	void *w;

	if (n <= *cap)
		return CM_OK;
	while (c < n)
		c *= 2;
	if (!(w = realloc(*(void **)v, c * size)))
		return CM_ENOMEM;
	*(void **)v = w;
	*cap = c;
	return CM_OK;
}

void cm_run_jobs(void *jobs, size_t n, size_t size, void *(*fn)(void *))
{
	pthread_t *tid = n > 1 ? malloc((n - 1) * sizeof(*tid)) : NULL;
	unsigned char *running = n > 1 ? calloc(n - 1, 1) : NULL;
	size_t k;

	for (k = 1; tid && running && k < n; k++)
		running[k - 1] = pthread_create(&tid[k - 1], NULL, fn, (char *)jobs + k * size) == 0;
	for (k = 0; k < n; k++)
		if (!k || !running || !running[k - 1])
			fn((char *)jobs + k * size);
	for (k = 1; running && k < n; k++)
		if (running[k - 1])
			pthread_join(tid[k - 1], NULL);
	free(tid);
	free(running);
}
