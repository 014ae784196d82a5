/* landscape.c - loads organizations.csv and relationships.csv into a
 * struct cm_landscape, checking every rule of SPEC.md "Bad input". */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

struct loader {
	struct cm_landscape *l;
	struct cm_diags *diags;
	const struct cm_load_opts *opts;
	const char *file;
	int is_ties;
	int nomem;
	/* column map for the current file: known[k] = field index or -1 */
	long known[CM_KNOWN_MAX];
	long *extra_field;   /* field index of each extra attribute */
	size_t nextra;
	size_t nfields;
	struct cm_strmap ids;   /* org ids */
	struct cm_strmap rows;  /* tie rows, for exact duplicates */
	size_t cap_orgs, cap_ties;
	size_t nrows;        /* data rows seen in this file */
	unsigned ordinal_said; /* bit k: known column k's words were noted (this file) */
	unsigned gephi_said;   /* ties whose type held the direction (this file) */
	const int *decl;     /* declared type per field (enum cm_decl), or NULL */
	const struct cm_schema_file *sf; /* the landscape's coalmap.ini, or NULL */
};

static int diag(struct loader *ld, enum cm_severity sev, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int diag(struct loader *ld, enum cm_severity sev, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (cm_diags_vdata(ld->diags, ld->opts, sev, ld->file, line, fmt, ap) < 0)
		ld->nomem = 1;
	va_end(ap);
	return 0;
}

/* Quotes a value for a message, shortened so messages stay readable. */
static const char *q(const char *s, char *buf, size_t n)
{
	size_t len = strlen(s);

	if (len + 1 <= n) {
		memcpy(buf, s, len + 1);
	} else {
		size_t k = n - 4;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--; /* do not cut a UTF-8 sequence */
		memcpy(buf, s, k);
		memcpy(buf + k, "...", 4);
	}
	return buf;
}


/* ---------------------------------------------------------------- */
/* headers                                                            */

/* One note naming the columns a synonym matched ("From" as source). */
static void note_synonyms(struct loader *ld, const struct cm_csv_row *row, const int *col)
{
	const struct cm_schema *sc = &cm_schemas[ld->is_ties];
	char msg[400];
	size_t i, at = 0, said = 0;

	for (i = 0; i < row->n && at < sizeof(msg); i++) {
		const char *f = row->fields[i];
		size_t n = row->lens[i];
		int w;
		cm_trim(&f, &n);
		if (col[i] < 0 || cm_schema_find(sc, f, n, 0) >= 0)
			continue;
		w = snprintf(msg + at, sizeof(msg) - at, "%s'%.*s' as %s", said++ ? ", " : "",
			     (int)(n > 40 ? 40 : n), f, sc->col[col[i]].name);
		at = w < 0 ? sizeof(msg) : at + (size_t)w;
	}
	if (said)
		diag(ld, CM_NOTE, row->line, "read the column%s %s", said > 1 ? "s" : "", msg);
}

/* "'Org', 'Partner Org' and 2 more" for a message. */
static void header_list(const struct cm_csv_row *row, char *buf, size_t n)
{
	size_t i, at = 0;

	buf[0] = '\0';
	for (i = 0; i < row->n && at + 60 < n; i++) {
		const char *f = row->fields[i];
		size_t len = row->lens[i];
		cm_trim(&f, &len);
		at += (size_t)snprintf(buf + at, n - at, "%s'%.*s'", i ? ", " : "", (int)(len > 40 ? 40 : len), f);
	}
	if (i < row->n)
		snprintf(buf + at, n - at, " and %zu more", row->n - i);
	if (!row->n)
		snprintf(buf, n, "no columns");
}

/* Matches the header against the schema, with coalmap.ini's renames
 * first: a renamed field is read as the column it names. */
static int match_header(struct loader *ld, const struct cm_csv_row *row, int *col)
{
	const struct cm_schema *sc = &cm_schemas[ld->is_ties];
	const char **names;
	size_t *lens, i;

	if (!ld->sf || !ld->sf->nrenames) {
		cm_schema_match(sc, row->fields, row->lens, row->n, ld->known, col);
		return 0;
	}
	names = malloc((row->n ? row->n : 1) * sizeof(*names));
	lens = malloc((row->n ? row->n : 1) * sizeof(*lens));
	if (!names || !lens) {
		free(names);
		free(lens);
		return -1;
	}
	for (i = 0; i < row->n; i++) {
		const char *f = row->fields[i], *to;
		size_t n = row->lens[i];
		cm_trim(&f, &n);
		to = cm_schema_file_rename(ld->sf, f, n);
		names[i] = to ? to : row->fields[i];
		lens[i] = to ? strlen(to) : row->lens[i];
	}
	cm_schema_match(sc, names, lens, row->n, ld->known, col);
	free(names);
	free(lens);
	return 0;
}

static int header(struct loader *ld, const struct cm_csv_row *row)
{
	const struct cm_schema *sc = &cm_schemas[ld->is_ties];
	struct cm_attr **attrs = ld->is_ties ? &ld->l->tie_attrs : &ld->l->org_attrs;
	size_t *nattrs = ld->is_ties ? &ld->l->ntie_attrs : &ld->l->norg_attrs;
	unsigned *present = ld->is_ties ? &ld->l->tie_present : &ld->l->org_present;
	int *col = malloc((row->n ? row->n : 1) * sizeof(*col));
	size_t i, k, j;
	char b1[80];
	int rc = CM_ENOMEM;

	ld->nfields = row->n;
	ld->extra_field = calloc(row->n, sizeof(*ld->extra_field));
	*attrs = calloc(row->n, sizeof(**attrs));
	if (!col || !ld->extra_field || !*attrs)
		goto out;
	if (match_header(ld, row, col) < 0)
		goto out;
	note_synonyms(ld, row, col);
	for (i = 0; i < row->n; i++) {
		const char *s = row->fields[i];
		size_t n = row->lens[i];
		char *name;

		cm_trim(&s, &n);
		if (n == 0) {
			diag(ld, CM_WARNING, row->line, "column %zu has no name; ignored", i + 1);
			continue;
		}
		name = strndup(s, n);
		if (!name)
			goto out;
		for (j = 0; j < i; j++) {
			const char *o = row->fields[j];
			size_t on = row->lens[j];
			cm_trim(&o, &on);
			if (on == n && strncasecmp(o, s, n) == 0) {
				diag(ld, CM_ERROR, row->line, "duplicate column name '%s'", q(name, b1, sizeof(b1)));
				break;
			}
		}
		if (col[i] >= 0) {
			*present |= 1u << col[i];
			free(name);
			continue;
		}
		(*attrs)[*nattrs].name = name;
		ld->extra_field[ld->nextra++] = (long)i;
		(*nattrs)++;
	}
	for (k = 0; k < sc->ncols; k++)
		if ((sc->col[k].flags & CM_COL_REQUIRED) && ld->known[k] < 0) {
			char have[200];
			header_list(row, have, sizeof(have));
			diag(ld, CM_ERROR, row->line, "missing required column '%s' (the header has %s; rename one, "
			     "or name it in coalmap.ini's [columns]: docs/schema.md)", sc->col[k].name, have);
		}
	rc = ld->nomem ? CM_ENOMEM : CM_OK;
out:
	free(col);
	return rc;
}

/* Field k of the row under a column map (known[k] = field index or -1),
 * trimmed; "" when the column is absent. */
static const char *column_field(const long *known, const struct cm_csv_row *row, int k, size_t *n)
{
	const char *s;

	if (known[k] < 0) {
		*n = 0;
		return "";
	}
	s = row->fields[known[k]];
	*n = row->lens[known[k]];
	cm_trim(&s, n);
	return s;
}

static const char *field(struct loader *ld, const struct cm_csv_row *row, int k, size_t *n)
{
	return column_field(ld->known, row, k, n);
}

static int pool_add(struct loader *ld, const char *s, size_t n, size_t *off)
{
	if (cm_strpool_add(&ld->l->pool, s, n, off) < 0) {
		ld->nomem = 1;
		return CM_ENOMEM;
	}
	return CM_OK;
}

/* Stores a list (items separated by ';', or coalmap.ini's list separator)
 * as ';'-separated, with items trimmed and empty items dropped. */
static int pool_add_list(struct loader *ld, const char *s, size_t n, size_t *off)
{
	char small[256] = "", *tmp, *w;
	char sep = ld->sf && ld->sf->list_sep ? ld->sf->list_sep : ';';
	size_t i = 0;
	int rc;

	if (n == 0) {
		*off = 0;
		return CM_OK;
	}
	tmp = n < sizeof(small) ? small : malloc(n + 1);
	w = tmp;
	if (!tmp) {
		ld->nomem = 1;
		return CM_ENOMEM;
	}
	while (i < n) {
		size_t a = i, len;
		const char *it;
		while (i < n && s[i] != sep)
			i++;
		it = s + a;
		len = i - a;
		cm_trim(&it, &len);
		if (len) {
			if (w != tmp)
				*w++ = ';';
			memcpy(w, it, len);
			w += len;
		}
		i++;
	}
	rc = pool_add(ld, tmp, (size_t)(w - tmp), off);
	if (tmp != small)
		free(tmp);
	return rc;
}

/* 1 when v is in number column c's range. */
static int in_range(double v, const struct cm_column_info *c)
{
	return !(v < c->min || ((c->flags & CM_COL_MIN_OPEN) && v == c->min) || v > c->max);
}

/* Parses optional number column k; its default (NaN: none) when empty.
 * Returns -1 after reporting. */
static int number(struct loader *ld, const struct cm_csv_row *row, int k, double *v)
{
	size_t n;
	const char *s = field(ld, row, k, &n), *hint;
	const struct cm_column_info *c = &cm_schemas[ld->is_ties].col[k];
	const char *col = c->name;
	char *tmp, b1[80], small[64];
	int rc, level;

	*v = c->dflt;
	if (n == 0)
		return 0;
	tmp = n < sizeof(small) ? memcpy(small, s, n) : malloc(n + 1);
	if (!tmp) {
		ld->nomem = 1;
		return -1;
	}
	tmp[n] = '\0';
	rc = cm_parse_number(tmp, v, &hint);
	if (rc < 0 && (c->flags & CM_COL_ORDINAL) && (level = cm_ordinal_level(tmp))) {
		*v = cm_ordinal_value(c, level);
		rc = 0;
		if (!(ld->ordinal_said & 1u << k)) {
			ld->ordinal_said |= 1u << k;
			diag(ld, CM_WARNING, row->line,
			     "%s '%s' read as %g: %s words are read on the scale very low, low, medium, high, "
			     "very high = %g, %g, %g, %g, %g", col, q(tmp, b1, sizeof(b1)), *v, col,
			     cm_ordinal_value(c, 1), cm_ordinal_value(c, 2), cm_ordinal_value(c, 3),
			     cm_ordinal_value(c, 4), cm_ordinal_value(c, 5));
		}
	} else if (rc < 0) {
		diag(ld, CM_ERROR, row->line, "%s '%s' is not a number%s%s", col,
		     q(tmp, b1, sizeof(b1)), hint ? "; " : "", hint ? hint : "");
	} else if (!in_range(*v, c)) {
		rc = -1;
		if (c->max < HUGE_VAL)
			diag(ld, CM_ERROR, row->line, "%s %s is outside [%g, %g]", col, tmp, c->min, c->max);
		else
			diag(ld, CM_ERROR, row->line, "%s %s must be %s %g", col, tmp,
			     c->flags & CM_COL_MIN_OPEN ? "greater than" : "at least", c->min);
	}
	if (tmp != small)
		free(tmp);
	return rc;
}

static int text_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

static void store_extras(struct loader *ld, const struct cm_csv_row *row,
			 struct cm_attr *attrs, size_t at)
{
	size_t a;

	for (a = 0; a < ld->nextra; a++) {
		const char *s = row->fields[ld->extra_field[a]];
		size_t n = row->lens[ld->extra_field[a]];
		cm_trim(&s, &n);
		if (n && ld->decl && ld->decl[ld->extra_field[a]] == CM_DECL_NUMBER) {
			const char *hint;
			char *t = strndup(s, n), b1[80];
			double v;
			if (t && cm_parse_number(t, &v, &hint) < 0)
				diag(ld, CM_ERROR, row->line, "%s '%s' is not a number%s%s", attrs[a].name,
				     q(t, b1, sizeof(b1)), hint ? "; " : "", hint ? hint : "");
			free(t);
		}
		if (pool_add(ld, s, n, &attrs[a].val[at]) < 0)
			return;
	}
}

static int grow_attrs(struct cm_attr *attrs, size_t nattrs, size_t cap)
{
	size_t a;

	for (a = 0; a < nattrs; a++) {
		size_t *v = realloc(attrs[a].val, cap * sizeof(*v));
		if (!v)
			return CM_ENOMEM;
		attrs[a].val = v;
	}
	return CM_OK;
}

/* ---------------------------------------------------------------- */
/* organizations                                                      */

static int org_eq(const void *ctx, size_t a, size_t b)
{
	const struct cm_landscape *l = ctx;

	return strcmp(l->pool.buf + l->orgs[a].id, l->pool.buf + l->orgs[b].id) == 0;
}

static int org_row(void *ctx, const struct cm_csv_row *row)
{
	struct loader *ld = ctx;
	struct cm_landscape *l = ld->l;
	struct cm_org *o;
	const char *s;
	size_t n, i, found;
	int bad = 0;
	char b1[80];

	if (row->index == 0)
		return header(ld, row);
	ld->nrows++;
	if (ld->known[CM_ORG_ID] < 0)
		return CM_OK;
	if (l->norgs == ld->cap_orgs) {
		size_t cap = ld->cap_orgs ? 2 * ld->cap_orgs : 256;
		struct cm_org *v = realloc(l->orgs, cap * sizeof(*v));
		if (!v || grow_attrs(l->org_attrs, l->norg_attrs, cap) < 0) {
			if (v)
				l->orgs = v;
			return CM_ENOMEM;
		}
		l->orgs = v;
		ld->cap_orgs = cap;
	}
	i = l->norgs;
	o = &l->orgs[i];
	memset(o, 0, sizeof(*o));
	o->line = row->line;

	s = field(ld, row, CM_ORG_ID, &n);
	if (n == 0) {
		diag(ld, CM_ERROR, row->line, "empty id");
		return CM_OK;
	}
	pool_add(ld, s, n, &o->id);
	s = field(ld, row, CM_ORG_NAME, &n);
	for (size_t k = 0; k < n; k++)
		if (((unsigned char)s[k] < 0x20 && s[k] != '\t' && s[k] != '\n' && s[k] != '\r') || s[k] == 0x7f) {
			diag(ld, CM_WARNING, row->line, "control character in the name of '%s'; it will not be drawn",
			     q(l->pool.buf + o->id, b1, sizeof(b1)));
			break;
		}
	if (n)
		pool_add(ld, s, n, &o->name);
	else
		o->name = o->id;
	s = field(ld, row, CM_ORG_TYPE, &n);
	pool_add(ld, s, n, &o->type);
	s = field(ld, row, CM_ORG_COUNTRY, &n);
	pool_add(ld, s, n, &o->country);
	s = field(ld, row, CM_ORG_REGION, &n);
	pool_add(ld, s, n, &o->region);
	s = field(ld, row, CM_ORG_ISSUES, &n);
	pool_add_list(ld, s, n, &o->issues);
	s = field(ld, row, CM_ORG_SKILLS, &n);
	pool_add_list(ld, s, n, &o->skills);
	if (number(ld, row, CM_ORG_BUDGET, &o->budget) < 0)
		bad = 1;
	if (number(ld, row, CM_ORG_INFLUENCE, &o->influence) < 0)
		bad = 1;
	s = field(ld, row, CM_ORG_STANCE, &n);
	o->stance = cm_schema_file_stance(ld->sf, s, n);
	if (o->stance < 0) {
		char *t = strndup(s, n);
		double lo = ld->sf ? ld->sf->scale_lo : -2, hi = ld->sf ? ld->sf->scale_hi : 2;
		if (o->stance == -2)
			diag(ld, CM_ERROR, row->line, "stance '%s' is off the scale %g..%g (coalmap.ini's [stance] "
						      "scale sets another: docs/schema.md)", t ? q(t, b1, sizeof(b1)) : "?", lo, hi);
		else
			diag(ld, CM_ERROR, row->line, "stance '%s' is not support, neutral or oppose, nor a number from "
						      "%g to %g (coalmap.ini's [stance] can name other words: docs/schema.md)",
			     t ? q(t, b1, sizeof(b1)) : "?", lo, hi);
		free(t);
		o->stance = CM_STANCE_NONE;
		bad = 1;
	}
	store_extras(ld, row, l->org_attrs, i);
	if (ld->nomem)
		return CM_ENOMEM;
	n = strlen(l->pool.buf + o->id);
	found = cm_strmap_put(&ld->ids, cm_hash_mix(cm_hash_bytes(l->pool.buf + o->id, n, CM_HASH_INIT)),
			   i, cm_strmap_key(l->pool.buf + o->id, n, o->id), org_eq, l);
	if (found == (size_t)-2)
		return CM_ENOMEM;
	if (found != (size_t)-1) {
		diag(ld, CM_ERROR, row->line, "duplicate org id '%s' (first on line %ld)",
		     q(l->pool.buf + o->id, b1, sizeof(b1)), l->orgs[found].line);
		return CM_OK;
	}
	(void)bad;
	l->norgs++;
	return CM_OK;
}

/* ---------------------------------------------------------------- */
/* relationships                                                      */

static long find_org(struct loader *ld, const char *s, size_t n)
{
	return (long)cm_strmap_find(&ld->ids, ld->l->pool.buf, s, n);
}

/* The index of tie type s[0..n) (without case) in *types, added in
 * lower case, with its roles in *roles, when new. */
static int intern(char ***types, unsigned **roles, size_t *ntypes, const char *s, size_t n, uint32_t *out,
		  const struct cm_schema_file *sf)
{
	size_t i;
	char *t, **v;
	unsigned *r;

	for (i = 0; i < *ntypes; i++)
		if (strlen((*types)[i]) == n && strncasecmp((*types)[i], s, n) == 0) {
			*out = (uint32_t)i;
			return CM_OK;
		}
	t = strndup(s, n);
	v = t ? realloc(*types, (*ntypes + 1) * sizeof(*v)) : NULL;
	if (v)
		*types = v;
	r = v ? realloc(*roles, (*ntypes + 1) * sizeof(*r)) : NULL;
	if (!r) {
		free(t);
		return CM_ENOMEM;
	}
	*roles = r;
	for (i = 0; i < n; i++)
		t[i] = (char)tolower((unsigned char)t[i]);
	(*types)[*ntypes] = t;
	(*roles)[*ntypes] = cm_tie_type_roles(t);
	cm_schema_file_roles(sf, t, &(*roles)[*ntypes]);
	*out = (uint32_t)(*ntypes)++;
	return CM_OK;
}

/* A tie type's index; a new type takes its roles from coalmap.ini when
 * the file describes it. */
static int intern_type(struct loader *ld, const char *s, size_t n, uint32_t *out)
{
	return intern(&ld->l->tie_types, &ld->l->tie_roles, &ld->l->ntie_types, s, n, out, ld->sf);
}

static int date_field(struct loader *ld, const struct cm_csv_row *row, int k, int32_t *day)
{
	size_t n;
	const char *s = field(ld, row, k, &n);
	char tmp[64], b1[80];
	int end = (cm_tie_cols[k].flags & CM_COL_PERIOD_END) != 0;

	*day = end ? CM_DAY_MAX : CM_DAY_MIN;
	if (n == 0)
		return 0;
	if (n >= sizeof(tmp) || (memcpy(tmp, s, n), tmp[n] = '\0', cm_date_parse(tmp, 1, end, day) < 0)) {
		char *t = strndup(s, n);
		diag(ld, CM_ERROR, row->line, "%s '%s' is not a date (YYYY-MM-DD or YYYY)",
		     cm_tie_cols[k].name, t ? q(t, b1, sizeof(b1)) : "?");
		free(t);
		return -1;
	}
	return 0;
}

/* 1 for true/yes/1, 0 for false/no/0 (without case), else -1. */
static int parse_bool(const char *s, size_t n)
{
	if (text_is(s, n, "true") || text_is(s, n, "yes") || text_is(s, n, "1"))
		return 1;
	if (text_is(s, n, "false") || text_is(s, n, "no") || text_is(s, n, "0"))
		return 0;
	return -1;
}

static int same_num(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

/* 1 when two ties agree in every column but the extra ones. */
static int same_tie(const struct cm_tie *x, const struct cm_tie *y)
{
	return x->src == y->src && x->dst == y->dst && x->type == y->type &&
	       x->directed == y->directed && x->weight == y->weight &&
	       same_num(x->trust, y->trust) && same_num(x->amount, y->amount) &&
	       x->start == y->start && x->end == y->end;
}

static int tie_eq(const void *ctx, size_t a, size_t b)
{
	const struct cm_landscape *l = ctx;
	size_t k;

	if (!same_tie(&l->ties[a], &l->ties[b]))
		return 0;
	for (k = 0; k < l->ntie_attrs; k++)
		if (strcmp(l->pool.buf + l->tie_attrs[k].val[a], l->pool.buf + l->tie_attrs[k].val[b]))
			return 0;
	return 1;
}

static uint64_t tie_hash(const struct cm_landscape *l, size_t i)
{
	const struct cm_tie *t = &l->ties[i];
	uint64_t h = CM_HASH_INIT;
	size_t k;

	h = cm_hash_bytes(&t->src, sizeof(t->src), h);
	h = cm_hash_bytes(&t->dst, sizeof(t->dst), h);
	h = cm_hash_bytes(&t->type, sizeof(t->type), h);
	h = cm_hash_bytes(&t->weight, sizeof(t->weight), h);
	h = cm_hash_bytes(&t->start, sizeof(t->start), h);
	for (k = 0; k < l->ntie_attrs; k++) {
		const char *s = l->pool.buf + l->tie_attrs[k].val[i];
		h = cm_hash_bytes(s, strlen(s), h);
	}
	return h;
}

/* One relationships.csv row, checked and stored.  Over 100 lines, kept
 * whole: its checks report in column order, as users read a row, and
 * ahead_row repeats them in the same order for the read-ahead. */
/* A Gephi edge table's Type column holds the direction, Directed or
 * Undirected, not a kind of tie. */
static int is_gephi_direction(const char *s, size_t n)
{
	return (n == 8 && !strncasecmp(s, "directed", 8)) || (n == 10 && !strncasecmp(s, "undirected", 10));
}

/* The tie's type and direction: 0, -1 after reporting, or CM_ENOMEM.
 * Without a directed column, a type Directed or Undirected (Gephi's
 * convention) is read as the direction, said once per file, and the tie
 * takes the default type. */
static int tie_kind(struct loader *ld, const struct cm_csv_row *row, struct cm_tie *t)
{
	size_t n, dn = 0;
	const char *s = field(ld, row, CM_TIE_TYPE, &n), *dir = NULL;
	char b1[80], *v;
	int d;

	if (ld->known[CM_TIE_DIRECTED] < 0 && is_gephi_direction(s, n)) {
		if (!ld->gephi_said++)
			diag(ld, CM_NOTE, row->line, "type '%.*s' read as the tie's direction (Gephi's edge "
			     "table); such ties take the default type, %s", (int)n, s, cm_tie_type_default());
		dir = n == 8 ? "true" : "false";
		dn = strlen(dir);
		n = 0;
	}
	if (n == 0) {
		s = cm_tie_type_default();
		n = strlen(s);
	}
	if (intern_type(ld, s, n, &t->type) < 0)
		return CM_ENOMEM;
	t->directed = (ld->l->tie_roles[t->type] & CM_ROLE_DIRECTED) != 0;
	if (!dir)
		dir = field(ld, row, CM_TIE_DIRECTED, &dn);
	if (!dn)
		return 0;
	if ((d = parse_bool(dir, dn)) >= 0) {
		t->directed = d;
		return 0;
	}
	v = strndup(dir, dn);
	diag(ld, CM_ERROR, row->line, "directed '%s' is not true or false", v ? q(v, b1, sizeof(b1)) : "?");
	free(v);
	return ld->nomem ? CM_ENOMEM : -1;
}

/* 1 when a and b are the same without case and white space ("I P U" and
 * "ipu"). */
static int same_loosely(const char *a, const char *b)
{
	for (;;) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a++) != tolower((unsigned char)*b++))
			return 0;
	}
}

/* What an unknown org id in a relationship probably meant, as g's hint:
 * an org's name given for its id, the one id equal to it without case and
 * white space, or the one nearest within an edit or two (names.c's
 * measure).  Called once per distinct message, so at most CM_DIAGS_MAX
 * times: O(orgs) each. */
static void unknown_org_hint(const struct loader *ld, const char *key, struct cm_diag *g)
{
	const struct cm_landscape *l = ld->l;
	const char *p = l->pool.buf, *meant = NULL;
	size_t j, named = 0, first = 0, loose = 0, which = 0;
	struct cm_near x;
	char b1[80], b2[80];

	cm_near_init(&x, key);
	for (j = 0; j < l->norgs; j++) {
		const char *id = p + l->orgs[j].id;
		if (!strcmp(p + l->orgs[j].name, key) && !named++)
			first = j;
		if (same_loosely(id, key) && !loose++)
			which = j;
		cm_near_offer(&x, id, j);
	}
	q(key, b1, sizeof(b1));
	if (named)
		q(p + l->orgs[first].id, b2, sizeof(b2));
	if (named == 1)
		snprintf(g->hint, sizeof(g->hint), "'%s' is the name of org '%s'; relationships use ids", b1, b2);
	else if (named)
		snprintf(g->hint, sizeof(g->hint), "'%s' is the name of %zu orgs ('%s', ...); relationships use ids",
			 b1, named, b2);
	else if (loose == 1)
		meant = p + l->orgs[which].id;
	else if (!loose && x.best && !x.tie)
		meant = x.best;
	if (meant)
		snprintf(g->hint, sizeof(g->hint), "did you mean '%s'?", q(meant, b1, sizeof(b1)));
}

static int tie_row(void *ctx, const struct cm_csv_row *row)
{
	struct loader *ld = ctx;
	struct cm_landscape *l = ld->l;
	struct cm_tie *t;
	const char *s;
	size_t n, i, dup;
	long src, dst;
	int bad = 0, rc;
	char b1[80], b2[80];

	if (row->index == 0)
		return header(ld, row);
	ld->nrows++;
	if (ld->known[CM_TIE_SOURCE] < 0 || ld->known[CM_TIE_TARGET] < 0)
		return CM_OK;
	if (l->nties == ld->cap_ties) {
		size_t cap = ld->cap_ties ? 2 * ld->cap_ties : 1024;
		struct cm_tie *v = realloc(l->ties, cap * sizeof(*v));
		if (!v || grow_attrs(l->tie_attrs, l->ntie_attrs, cap) < 0) {
			if (v)
				l->ties = v;
			return CM_ENOMEM;
		}
		l->ties = v;
		ld->cap_ties = cap;
	}
	i = l->nties;
	t = &l->ties[i];
	memset(t, 0, sizeof(*t));
	t->line = row->line;

	s = field(ld, row, CM_TIE_SOURCE, &n);
	src = n ? find_org(ld, s, n) : -2;
	s = field(ld, row, CM_TIE_TARGET, &n);
	dst = n ? find_org(ld, s, n) : -2;
	for (int k = CM_TIE_SOURCE; k <= CM_TIE_TARGET; k++) {
		long v = k == CM_TIE_SOURCE ? src : dst;
		if (v == -2) {
			diag(ld, CM_ERROR, row->line, "empty %s", cm_tie_cols[k].name);
			bad = 1;
		} else if (v == -1) {
			size_t kept = ld->diags->n;
			char *id;
			s = field(ld, row, k, &n);
			id = strndup(s, n);
			diag(ld, CM_ERROR, row->line, "unknown org '%s' in %s", id ? q(id, b1, sizeof(b1)) : "?",
			     cm_tie_cols[k].name);
			if (id && ld->diags->n > kept) /* a new message, not one more row of one */
				unknown_org_hint(ld, id, &ld->diags->v[kept]);
			free(id);
			bad = 1;
		}
	}
	if ((rc = tie_kind(ld, row, t)) == CM_ENOMEM)
		return CM_ENOMEM;
	bad |= rc < 0;
	if (number(ld, row, CM_TIE_WEIGHT, &t->weight) < 0)
		bad = 1;
	if (number(ld, row, CM_TIE_TRUST, &t->trust) < 0)
		bad = 1;
	if (number(ld, row, CM_TIE_AMOUNT, &t->amount) < 0)
		bad = 1;
	if (date_field(ld, row, CM_TIE_START, &t->start) < 0 || date_field(ld, row, CM_TIE_END, &t->end) < 0)
		bad = 1;
	else if (t->end < t->start) {
		size_t n1, n2;
		const char *a = field(ld, row, CM_TIE_START, &n1), *b = field(ld, row, CM_TIE_END, &n2);
		diag(ld, CM_ERROR, row->line, "end %.*s is before start %.*s", (int)n2, b, (int)n1, a);
		bad = 1;
	}
	if (bad)
		return ld->nomem ? CM_ENOMEM : CM_OK;
	t->src = (uint32_t)src;
	t->dst = (uint32_t)dst;
	if (src == dst) {
		diag(ld, CM_WARNING, row->line, "self-tie of '%s' dropped",
		     q(l->pool.buf + l->orgs[src].id, b1, sizeof(b1)));
		return ld->nomem ? CM_ENOMEM : CM_OK;
	}
	store_extras(ld, row, l->tie_attrs, i);
	if (ld->nomem)
		return CM_ENOMEM;
	dup = cm_strmap_put(&ld->rows, cm_hash_mix(tie_hash(l, i)), i, 0, tie_eq, l);
	if (dup == (size_t)-2)
		return CM_ENOMEM;
	if (dup != (size_t)-1) {
		diag(ld, CM_WARNING, row->line, "duplicate of the tie on line %ld ('%s' - '%s'); merged",
		     l->ties[dup].line, q(l->pool.buf + l->orgs[src].id, b1, sizeof(b1)),
		     q(l->pool.buf + l->orgs[dst].id, b2, sizeof(b2)));
		return ld->nomem ? CM_ENOMEM : CM_OK;
	}
	l->nties++;
	return CM_OK;
}

/* ---------------------------------------------------------------- */

static void infer_types(const struct cm_landscape *l, struct cm_attr *attrs,
			size_t nattrs, size_t nrows)
{
	size_t a, i;

	for (a = 0; a < nattrs; a++) {
		int numeric = 0;
		for (i = 0; i < nrows; i++) {
			const char *s = l->pool.buf + attrs[a].val[i], *hint;
			double v;
			if (!*s)
				continue;
			if (cm_parse_number(s, &v, &hint) < 0) {
				numeric = 0;
				break;
			}
			numeric = 1;
		}
		attrs[a].numeric = numeric;
	}
}

/* Declared types win over the inferred ones (an importer's typed columns). */
static void apply_decl(const struct loader *ld, struct cm_attr *attrs, size_t nattrs)
{
	size_t a;

	if (!ld->decl)
		return;
	for (a = 0; a < nattrs && a < ld->nextra; a++) {
		int d = ld->decl[ld->extra_field[a]];
		if (d == CM_DECL_TEXT)
			attrs[a].numeric = 0;
	}
}

/* Forgets the previous file's columns before reading file. */
static void start_file(struct loader *ld, const char *file, const int *decl)
{
	ld->file = file;
	ld->nrows = 0;
	ld->nextra = 0;
	free(ld->extra_field);
	ld->extra_field = NULL;
	ld->decl = decl;
	ld->ordinal_said = 0;
	ld->gephi_said = 0;
}

static int load_file(struct loader *ld, const char *path, cm_csv_row_fn fn, struct cm_error *err)
{
	int rc;

	start_file(ld, path, NULL);
	rc = cm_csv_read(path, path, fn, ld, ld->diags, err);
	if (rc == CM_ENOMEM || ld->nomem)
		return cm_error_set(err, CM_ENOMEM, path, 0, 0, "out of memory");
	return rc;
}

/* 1 when s[0..n) is valid UTF-8. */
static int utf8(const char *s, size_t n)
{
	int nul;

	return cm_utf8_check((const unsigned char *)s, n, &nul) == n;
}

/* Feeds an importer's rows to fn as if they came from a CSV file. */
static int feed_rows(struct loader *ld, const struct cm_rows *r, cm_csv_row_fn fn, struct cm_error *err)
{
	const char **fields = calloc(r->ncols ? r->ncols : 1, sizeof(*fields));
	size_t *lens = calloc(r->ncols ? r->ncols : 1, sizeof(*lens)), i, j;
	struct cm_csv_row row;
	int rc = CM_ENOMEM;

	start_file(ld, r->file, r->decl);
	if (!fields || !lens)
		goto out;
	for (j = 0; j < r->ncols; j++) {
		fields[j] = r->names[j];
		lens[j] = strlen(r->names[j]);
		if (!utf8(fields[j], lens[j])) {
			diag(ld, CM_ERROR, r->header_line, "a column name is not valid UTF-8 text");
			rc = ld->nomem ? CM_ENOMEM : CM_OK;
			goto out;
		}
	}
	row.fields = fields;
	row.lens = lens;
	row.n = r->ncols;
	row.line = r->header_line;
	row.index = 0;
	rc = fn(ld, &row);
	for (i = 0; rc == CM_OK && i < r->nrows; i++) {
		const struct cm_row *x = &r->rows[i];
		int too_long = 0, bad_text = 0;
		for (j = 0; j < r->ncols; j++) {
			fields[j] = j < x->n && x->cell[j] ? x->cell[j] : "";
			lens[j] = strlen(fields[j]);
			if (lens[j] > CM_FIELD_MAX)
				too_long = 1;
			else if (!utf8(fields[j], lens[j]))
				bad_text = 1;
		}
		if (too_long || bad_text) {
			/* importers pass bytes as the file had them: the CSV
			 * reader's own rule, so no writer meets invalid text */
			diag(ld, CM_ERROR, x->line, too_long ? "a value is longer than 1 MiB"
							     : "a value is not valid UTF-8 text (save the file as UTF-8)");
			ld->nrows++;
			continue;
		}
		row.line = x->line;
		row.index = i + 1;
		rc = fn(ld, &row);
	}
out:
	free(fields);
	free(lens);
	if (rc == CM_ENOMEM || ld->nomem)
		return cm_error_set(err, CM_ENOMEM, r->file, 0, 0, "out of memory");
	return rc;
}

/* ---------------------------------------------------------------- */
/* relationships.csv read ahead                                       */

/* While the main thread loads organizations.csv, a second thread reads
 * relationships.csv and parses every row it can without the org ids:
 * types, directions, numbers, dates.  The ids are resolved once the id
 * table is complete.  This read-ahead only covers a file that holds
 * nothing to report: any problem a row could be blamed for (a structural
 * CSV error, a bad value, an unknown org, a self-tie, a duplicate), an
 * unusual header (extra, unnamed or repeated columns) or a failure makes
 * it give up, and the file is then loaded again by the ordinary serial
 * path, which finds and reports the problems in file order as before.
 * The shortcut therefore never changes a result or a message. */
int cm_load_serial_only;

struct ahead {
	pthread_t thread;
	const char *path;
	int cancel;           /* set by the main thread: stop early (atomic) */
	int ok;               /* 1: every row read, nothing to report */
	long known[CM_TIE_NCOLS]; /* field index of each known column, or -1 */
	char **names;         /* header fields as read, for header() */
	size_t *name_lens, nnames;
	struct cm_tie *ties;  /* src and dst not yet resolved */
	size_t nties, cap;
	uint64_t *ref;        /* per tie, source and target: cm_strmap_key(), long ids in pool */
	struct cm_strpool pool;
	char **types;         /* interned as intern_type would, in file order */
	unsigned *roles;      /* and their roles */
	size_t ntypes;
	const struct cm_schema_file *sf; /* coalmap.ini (read-only), or NULL */
};

/* The row's header fields, checked: 0 when header() would report nothing
 * and find only known columns, each once, with source and target. */
static int ahead_header(struct ahead *a, const struct cm_csv_row *row)
{
	int *col = malloc((row->n ? row->n : 1) * sizeof(*col));
	size_t i;
	int rc = CM_ENOMEM;

	a->names = calloc(row->n, sizeof(*a->names));
	a->name_lens = calloc(row->n, sizeof(*a->name_lens));
	if (!col || !a->names || !a->name_lens)
		goto out;
	for (i = 0; i < row->n; i++) {
		a->names[i] = strndup(row->fields[i], row->lens[i]);
		if (!a->names[i])
			goto out;
		a->name_lens[i] = row->lens[i];
		a->nnames++;
	}
	cm_schema_match(&cm_schemas[CM_TIES_FILE], row->fields, row->lens, row->n, a->known, col);
	rc = CM_EDATA;
	for (i = 0; i < row->n; i++)
		if (col[i] < 0 || a->known[col[i]] != (long)i ||
		    cm_schema_find(&cm_schemas[CM_TIES_FILE], row->fields[i], row->lens[i], 0) < 0)
			goto out; /* an unnamed, extra, repeated or renamed column */
	if (a->known[CM_TIE_SOURCE] >= 0 && a->known[CM_TIE_TARGET] >= 0)
		rc = CM_OK;
out:
	free(col);
	return rc;
}

/* Field k of a read-ahead row, trimmed, as field() gives it. */
static const char *ahead_field(const struct ahead *a, const struct cm_csv_row *row, int k, size_t *n)
{
	return column_field(a->known, row, k, n);
}

/* An optional number in range, as number() reads it; -1 when number()
 * would report something. */
static int ahead_number(const struct ahead *a, const struct cm_csv_row *row, int k, double *v)
{
	size_t n;
	const char *s = ahead_field(a, row, k, &n), *hint;
	char tmp[64];

	*v = cm_tie_cols[k].dflt;
	if (n == 0)
		return 0;
	if (n >= sizeof(tmp))
		return -1; /* unusual: let the serial path decide */
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	return cm_parse_number(tmp, v, &hint) == 0 && in_range(*v, &cm_tie_cols[k]) ? 0 : -1;
}

static int ahead_date(const struct ahead *a, const struct cm_csv_row *row, int k, int32_t *day)
{
	size_t n;
	const char *s = ahead_field(a, row, k, &n);
	char tmp[64];
	int end = (cm_tie_cols[k].flags & CM_COL_PERIOD_END) != 0;

	*day = end ? CM_DAY_MAX : CM_DAY_MIN;
	if (n == 0)
		return 0;
	if (n >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	return cm_date_parse(tmp, 1, end, day);
}

/* cm_csv_read's row callback on the read-ahead thread: tie_row's rules,
 * without ids; CM_EDATA stops the reading at the first thing to report. */
static int ahead_row(void *ctx, const struct cm_csv_row *row)
{
	struct ahead *a = ctx;
	struct cm_tie *t;
	const char *s;
	size_t n;
	int k, d;

	if (__atomic_load_n(&a->cancel, __ATOMIC_RELAXED))
		return CM_EDATA;
	if (row->index == 0)
		return ahead_header(a, row);
	if (a->nties == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 1024;
		struct cm_tie *v = realloc(a->ties, cap * sizeof(*v));
		uint64_t *r = v ? realloc(a->ref, 2 * cap * sizeof(*r)) : NULL;
		if (v)
			a->ties = v;
		if (!r)
			return CM_ENOMEM;
		a->ref = r;
		a->cap = cap;
	}
	t = &a->ties[a->nties];
	memset(t, 0, sizeof(*t));
	t->line = row->line;
	for (k = CM_TIE_SOURCE; k <= CM_TIE_TARGET; k++) {
		size_t off = 0;
		s = ahead_field(a, row, k, &n);
		if (n == 0)
			return CM_EDATA;
		if (n > 7 && cm_strpool_add(&a->pool, s, n, &off) < 0)
			return CM_ENOMEM;
		a->ref[2 * a->nties + (size_t)k] = cm_strmap_key(s, n, off);
	}
	s = ahead_field(a, row, CM_TIE_TYPE, &n);
	if (a->known[CM_TIE_DIRECTED] < 0 && is_gephi_direction(s, n))
		return CM_EDATA; /* a note to make: the serial path says it */
	if (n == 0) {
		s = cm_tie_type_default();
		n = strlen(s);
	}
	if (intern(&a->types, &a->roles, &a->ntypes, s, n, &t->type, a->sf) < 0)
		return CM_ENOMEM;
	t->directed = (a->roles[t->type] & CM_ROLE_DIRECTED) != 0;
	s = ahead_field(a, row, CM_TIE_DIRECTED, &n);
	if (n) {
		if ((d = parse_bool(s, n)) < 0)
			return CM_EDATA;
		t->directed = d;
	}
	if (ahead_number(a, row, CM_TIE_WEIGHT, &t->weight) < 0 ||
	    ahead_number(a, row, CM_TIE_TRUST, &t->trust) < 0 ||
	    ahead_number(a, row, CM_TIE_AMOUNT, &t->amount) < 0 ||
	    ahead_date(a, row, CM_TIE_START, &t->start) < 0 || ahead_date(a, row, CM_TIE_END, &t->end) < 0 ||
	    t->end < t->start)
		return CM_EDATA;
	a->nties++;
	return CM_OK;
}

static void ahead_release(struct ahead *a)
{
	size_t i;

	for (i = 0; i < a->nnames; i++)
		free(a->names[i]);
	free(a->names);
	free(a->name_lens);
	free(a->ties);
	free(a->ref);
	cm_strpool_release(&a->pool);
	for (i = 0; i < a->ntypes; i++)
		free(a->types[i]);
	free(a->types);
	free(a->roles);
}

static uint32_t key_hash(uint64_t key, const struct cm_strpool *kpool)
{
	const char *s;
	char b[8];
	size_t n;

	if (key & CM_STRMAP_LONG) {
		s = kpool->buf + (key & ~CM_STRMAP_LONG);
		n = strlen(s);
	} else {
		memcpy(b, &key, 8);
		s = b;
		n = (size_t)(key >> 56);
	}
	return (uint32_t)cm_hash_mix(cm_hash_bytes(s, n, CM_HASH_INIT));
}

/* Resolves the ids of read-ahead ties [from, to); 0 when one is unknown
 * or a tie joins an org to itself (the serial path reports those).  The
 * lookups go in blocks: hash a block, prefetch its slots, then probe, so
 * the cache misses of a block overlap. */
struct resolve {
	struct ahead *a;
	const struct cm_strmap *ids;
	const struct cm_strpool *pool;
	size_t from, to;
	int ok;
};

static void *resolve_range(void *arg)
{
	enum { BLOCK = 32 };
	struct resolve *r = arg;
	struct ahead *a = r->a;
	const struct cm_strmap *ids = r->ids;
	uint32_t h[2 * BLOCK];
	size_t b, j, n;

	r->ok = 0;
	for (b = r->from; b < r->to; b += BLOCK) {
		n = r->to - b < BLOCK ? r->to - b : BLOCK;
		for (j = 0; j < 2 * n; j++) {
			h[j] = key_hash(a->ref[2 * b + j], &a->pool);
			__builtin_prefetch(&ids->slots[h[j] & (ids->cap - 1)]);
		}
		for (j = 0; j < n; j++) {
			struct cm_tie *t = &a->ties[b + j];
			size_t s = cm_strmap_find_key(ids, r->pool->buf, h[2 * j], a->ref[2 * (b + j)], a->pool.buf);
			size_t d = cm_strmap_find_key(ids, r->pool->buf, h[2 * j + 1], a->ref[2 * (b + j) + 1], a->pool.buf);
			if (s == (size_t)-1 || d == (size_t)-1 || s == d)
				return NULL;
			t->src = (uint32_t)s;
			t->dst = (uint32_t)d;
		}
	}
	r->ok = 1;
	return NULL;
}

/* Resolves every read-ahead tie, the second half on another thread. */
static int ahead_resolve(struct ahead *a, const struct cm_strmap *ids, const struct cm_strpool *pool)
{
	struct resolve r1 = { a, ids, pool, 0, a->nties / 2, 0 }, r2 = { a, ids, pool, a->nties / 2, a->nties, 0 };
	pthread_t thread;

	if (!ids->cap)
		return a->nties == 0;
	if (pthread_create(&thread, NULL, resolve_range, &r2) == 0) {
		resolve_range(&r1);
		pthread_join(thread, NULL);
	} else {
		resolve_range(&r1);
		resolve_range(&r2);
	}
	return r1.ok && r2.ok;
}

/* 1 when ids x and y (see id_key; long ids in pool) are the same. */
static int same_id(uint64_t x, uint64_t y, const struct cm_strpool *pool)
{
	if (!(x & CM_STRMAP_LONG) || !(y & CM_STRMAP_LONG))
		return x == y;
	return strcmp(pool->buf + (x & ~CM_STRMAP_LONG), pool->buf + (y & ~CM_STRMAP_LONG)) == 0;
}

/* 1 when two read-ahead ties are exact duplicates (the serial path warns
 * and merges them), 0 when none are, CM_ENOMEM.  Runs on the read-ahead
 * thread before the ids are resolved: ids are unique, so two ties are
 * duplicates exactly when their id texts and other columns agree.  The
 * ties are sorted by a hash of their ends (radix sort, two 16-bit
 * passes); duplicates then have equal hashes and sit side by side. */
static int ahead_dups(const struct ahead *a)
{
	size_t n = a->nties, i, p, q, pass;
	uint64_t *k = malloc((n ? n : 1) * sizeof(*k)), *tmp = malloc((n ? n : 1) * sizeof(*tmp)), *x;
	size_t *count = malloc(65537 * sizeof(*count));
	int rc = CM_ENOMEM;

	if (!k || !tmp || !count || n >= UINT32_MAX)
		goto out;
	for (i = 0; i < n; i++) {
		uint64_t h = (uint64_t)key_hash(a->ref[2 * i], &a->pool) << 32 | key_hash(a->ref[2 * i + 1], &a->pool);
		k[i] = (uint64_t)(uint32_t)cm_hash_mix(h) << 32 | i;
	}
	for (pass = 32; pass < 64; pass += 16) {
		memset(count, 0, 65537 * sizeof(*count));
		for (i = 0; i < n; i++)
			count[(k[i] >> pass & 0xffff) + 1]++;
		for (i = 0; i < 65536; i++)
			count[i + 1] += count[i];
		for (i = 0; i < n; i++)
			tmp[count[k[i] >> pass & 0xffff]++] = k[i];
		x = k;
		k = tmp;
		tmp = x;
	}
	rc = 0;
	for (p = 0; p < n && !rc; p++)
		for (q = p + 1; q < n && k[q] >> 32 == k[p] >> 32; q++) {
			size_t u = (uint32_t)k[p], v = (uint32_t)k[q];
			if (same_id(a->ref[2 * u], a->ref[2 * v], &a->pool) &&
			    same_id(a->ref[2 * u + 1], a->ref[2 * v + 1], &a->pool) &&
			    same_tie(&a->ties[u], &a->ties[v])) {
				rc = 1;
				break;
			}
		}
out:
	free(k);
	free(tmp);
	free(count);
	return rc;
}

static void *ahead_main(void *arg)
{
	struct ahead *a = arg;
	struct cm_diags d;
	struct cm_error e;

	cm_diags_init(&d);
	a->ok = cm_csv_read(a->path, a->path, ahead_row, a, &d, &e) == CM_OK && d.n_errors == 0 &&
		d.n_warnings == 0 && a->names && ahead_dups(a) == 0;
	cm_diags_release(&d);
	return NULL;
}

/* Starts reading path ahead; 0 when the thread could not be started. */
static int ahead_start(struct ahead *a, const char *path, const struct cm_schema_file *sf)
{
	memset(a, 0, sizeof(*a));
	a->path = path;
	a->sf = sf;
	if (cm_strpool_init(&a->pool) < 0)
		return 0;
	if (pthread_create(&a->thread, NULL, ahead_main, a) != 0) {
		cm_strpool_release(&a->pool);
		return 0;
	}
	return 1;
}

/* Takes the read-ahead ties into the landscape when they hold nothing to
 * report: 1 when taken, 0 when the file must be loaded the serial way,
 * CM_ENOMEM. */
static int ahead_adopt(struct loader *ld, struct ahead *a)
{
	struct cm_landscape *l = ld->l;
	struct cm_csv_row row;

	if (!a->ok || !ahead_resolve(a, &ld->ids, &l->pool))
		return 0;
	/* the header, as load_file and tie_row would see it */
	ld->file = ld->l->ties_path;
	ld->nrows = a->nties;
	ld->nextra = 0;
	free(ld->extra_field);
	ld->extra_field = NULL;
	ld->decl = NULL;
	row.fields = (const char *const *)a->names;
	row.lens = a->name_lens;
	row.n = a->nnames;
	row.line = 1; /* unused: this header has nothing to report */
	row.index = 0;
	if (header(ld, &row) < 0)
		return CM_ENOMEM;
	l->ties = a->ties;
	l->nties = a->nties;
	ld->cap_ties = a->cap;
	a->ties = NULL;
	l->tie_types = a->types;
	l->tie_roles = a->roles;
	l->ntie_types = a->ntypes;
	a->types = NULL;
	a->roles = NULL;
	a->ntypes = 0;
	return 1;
}

/* Reads the landscape's coalmap.ini, when it has one, into l->schema;
 * a note says it was read. */
static int load_schema(struct loader *ld, const char *where, struct cm_error *err)
{
	size_t errors_before = ld->diags->n_errors;
	int nomem, rc;
	char *path = cm_schema_file_path(where, ld->opts, &nomem);

	if (!path)
		return nomem ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
	if (!(ld->l->schema = calloc(1, sizeof(*ld->l->schema)))) {
		free(path);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	rc = cm_schema_file_read(ld->l->schema, path, ld->diags, err);
	if (rc == CM_EDATA)
		rc = cm_read_failed(ld->diags, errors_before, path, "the schema file", err);
	else if (rc == CM_OK) {
		const struct cm_schema_file *sf = ld->l->schema;
		char stance[96] = "", sep[32] = "";
		ld->sf = sf;
		if (sf->nstances || sf->scale_set)
			snprintf(stance, sizeof(stance), ", %zu stance word%s, stance scale %g..%g", sf->nstances,
				 sf->nstances == 1 ? "" : "s", sf->scale_lo, sf->scale_hi);
		if (sf->list_sep)
			snprintf(sep, sizeof(sep), ", lists separated by '%c'", sf->list_sep);
		if (cm_diags_add(ld->diags, CM_NOTE, CM_OK, path, 0, 0,
				 "read the landscape's schema: %zu tie type%s, %zu renamed column%s%s%s%s", sf->ntypes,
				 sf->ntypes == 1 ? "" : "s", sf->nrenames, sf->nrenames == 1 ? "" : "s",
				 sf->dm_set ? ", its decision-makers" : "", stance, sep) < 0)
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	free(path);
	return rc;
}

/* The shared body of the loaders: the orgs file (CSV at orgs_path, or
 * rows), then the ties file, then the verdict. */
static int load(struct cm_landscape **out, const char *where, const char *orgs_path, const char *ties_path,
		const struct cm_rows *orgs, const struct cm_rows *ties, const struct cm_load_opts *opts,
		struct cm_diags *diags, struct cm_error *err)
{
	struct cm_landscape *l;
	struct loader ld;
	struct cm_diags own;
	struct ahead ahead;
	size_t errors_before;
	int rc = CM_ENOMEM, ahead_started = 0, ahead_running = 0, taken = 0;

	*out = NULL;
	if (!diags) {
		cm_diags_init(&own);
		diags = &own;
	}
	errors_before = diags->n_errors;
	memset(&ld, 0, sizeof(ld));
	l = calloc(1, sizeof(*l));
	if (!l) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	ld.l = l;
	ld.diags = diags;
	ld.opts = opts;
	l->orgs_path = strdup(orgs_path);
	l->ties_path = strdup(ties_path);
	if (!l->orgs_path || !l->ties_path || cm_strpool_init(&l->pool) < 0) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}

	if ((rc = load_schema(&ld, where, err)) < 0)
		goto out;
	/* the read-ahead takes coalmap's own headers only (else the serial path) */
	if (!orgs && !cm_load_serial_only)
		ahead_started = ahead_running = ahead_start(&ahead, l->ties_path, ld.sf);
	rc = orgs ? feed_rows(&ld, orgs, org_row, err) : load_file(&ld, l->orgs_path, org_row, err);
	if (rc < 0)
		goto out;
	if (ld.nrows == 0 && diags->n_errors == errors_before)
		diag(&ld, CM_ERROR, orgs ? orgs->header_line : 1,
		     orgs ? "no organizations: the file holds no nodes" :
			    "no organizations: the file needs a header line and one row per organization");
	infer_types(l, l->org_attrs, l->norg_attrs, l->norgs);
	apply_decl(&ld, l->org_attrs, l->norg_attrs);

	ld.is_ties = 1;
	if (ahead_running) {
		pthread_join(ahead.thread, NULL);
		ahead_running = 0;
		taken = ahead_adopt(&ld, &ahead);
		if (taken < 0) {
			rc = cm_error_set(err, CM_ENOMEM, ld.file, 0, 0, "out of memory");
			goto out;
		}
	}
	if (!taken)
		rc = ties ? feed_rows(&ld, ties, tie_row, err) : load_file(&ld, l->ties_path, tie_row, err);
	if (rc < 0)
		goto out;
	infer_types(l, l->tie_attrs, l->ntie_attrs, l->nties);
	apply_decl(&ld, l->tie_attrs, l->ntie_attrs);
	if (!orgs && (rc = cm_stances_load(l, &ld.ids, where, diags, err)) < 0)
		goto out;

	if (diags->n_errors > errors_before) {
		struct cm_diag *first = NULL;
		size_t i;
		for (i = 0; i < diags->n; i++)
			if (diags->v[i].severity == CM_ERROR) {
				first = &diags->v[i];
				break;
			}
		rc = cm_error_set(err, CM_EDATA, first ? first->where.file : where, first ? first->where.line : 0, 0,
				  "%zu error%s in the landscape", diags->n_errors - errors_before,
				  diags->n_errors - errors_before == 1 ? "" : "s");
		goto out;
	}
	l->ids = ld.ids; /* kept: cm_org_find */
	memset(&ld.ids, 0, sizeof(ld.ids));
	if ((rc = cm_share_apply(l, opts, err)) < 0)
		goto out;
	*out = l;
	l = NULL;
	rc = CM_OK;
out:
	if (ahead_running) {
		__atomic_store_n(&ahead.cancel, 1, __ATOMIC_RELAXED);
		pthread_join(ahead.thread, NULL);
	}
	if (ahead_started)
		ahead_release(&ahead);
	cm_strmap_release(&ld.ids);
	cm_strmap_release(&ld.rows);
	free(ld.extra_field);
	cm_landscape_free(l);
	if (diags == &own)
		cm_diags_release(&own);
	return rc;
}

int cm_landscape_load(struct cm_landscape **out, const char *dir,
		      const struct cm_load_opts *opts, struct cm_diags *diags,
		      struct cm_error *err)
{
	struct stat st;
	char *op = NULL, *tp = NULL;
	int rc;

	*out = NULL;
	if (stat(dir, &st) < 0)
		return cm_error_set(err, CM_ENOINPUT, dir, 0, 0, "no such landscape folder: %s", strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return cm_error_set(err, CM_ENOINPUT, dir, 0, 0,
				    "not a folder; a landscape is a folder holding organizations.csv and relationships.csv");
	op = cm_path_join(dir, "organizations.csv");
	tp = cm_path_join(dir, "relationships.csv");
	if (!op || !tp)
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	else {
		cm_progress("loading");
		rc = load(out, dir, op, tp, NULL, NULL, opts, diags, err);
		cm_progress(NULL);
	}
	free(op);
	free(tp);
	return rc;
}

int cm_landscape_load_rows(struct cm_landscape **out, const struct cm_rows *orgs,
			   const struct cm_rows *ties, const struct cm_load_opts *opts,
			   struct cm_diags *diags, struct cm_error *err)
{
	return load(out, orgs->file, orgs->file, ties->file, orgs, ties, opts, diags, err);
}

static void attrs_free(struct cm_attr *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(a[i].name);
		free(a[i].val);
	}
	free(a);
}

void cm_landscape_free(struct cm_landscape *l)
{
	size_t i;

	if (!l)
		return;
	free(l->orgs_path);
	free(l->ties_path);
	cm_schema_file_release(l->schema);
	free(l->schema);
	cm_strmap_release(&l->ids);
	cm_strpool_release(&l->pool);
	free(l->orgs);
	free(l->ties);
	for (i = 0; i < l->ntie_types; i++)
		free(l->tie_types[i]);
	free(l->tie_types);
	free(l->tie_roles);
	attrs_free(l->org_attrs, l->norg_attrs);
	attrs_free(l->tie_attrs, l->ntie_attrs);
	free(l->hidden.org);
	free(l->hidden.id);
	free(l->hidden.name);
	free(l);
}

size_t cm_landscape_norgs(const struct cm_landscape *l) { return l->norgs; }
size_t cm_landscape_nties(const struct cm_landscape *l) { return l->nties; }
const char *cm_landscape_org_id(const struct cm_landscape *l, size_t i) { return l->pool.buf + l->orgs[i].id; }
const char *cm_landscape_org_name(const struct cm_landscape *l, size_t i) { return l->pool.buf + l->orgs[i].name; }
const char *cm_landscape_org_type(const struct cm_landscape *l, size_t i) { return l->pool.buf + l->orgs[i].type; }
const char *cm_landscape_orgs_path(const struct cm_landscape *l) { return l->orgs_path; }
const char *cm_landscape_ties_path(const struct cm_landscape *l) { return l->ties_path; }

int cm_filter_keeps(const struct cm_landscape *l, const struct cm_filter *f, const struct cm_tie *t)
{
	size_t i;

	if (!f)
		return 1;
	if (f->has_at && (f->at < t->start || f->at > t->end))
		return 0;
	if (f->types) {
		for (i = 0; i < f->ntypes; i++)
			if (strcasecmp(f->types[i], l->tie_types[t->type]) == 0)
				return 1;
		return 0;
	}
	return 1;
}
