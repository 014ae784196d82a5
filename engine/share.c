/* share.c - what a landscape shows when it is passed on (docs/sharing.md):
 * organisations anonymised under pseudonyms, columns dropped, and free
 * text scrubbed of the anonymised organisations' own ids and names.  It is
 * the last step of loading (cm_share_apply, called by every reader's
 * load), so every analysis, writer, map and report sees only what may be
 * shared: no writer has a special case.  What the user types (an org's
 * own id or name in --for, path, --where id=...) still finds the org. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "rng.h"
#include "schema.h"

#define PSEUDONYM_WORD "Organisation"
#define AMBIGUOUS "[anonymised]" /* a text naming two anonymised orgs at once */

/* ---- the key: pseudonym <-> org, kept by the owner */

struct key_entry {
	char *pseudonym, *id, *name;
};

struct cm_pseudonyms {
	struct key_entry *v;
	size_t n, cap;
	size_t nread;          /* entries read from the key file */
	char *path;            /* that file, for messages */
	struct cm_strset ids;  /* index = entry */
	struct cm_strset names; /* pseudonyms; index = entry */
	unsigned long next;    /* the next number to give */
	int changed;           /* entries were added since it was read */
};

struct cm_pseudonyms *cm_pseudonyms_new(void)
{
	struct cm_pseudonyms *k = calloc(1, sizeof(*k));

	if (k) {
		cm_strset_init(&k->ids);
		cm_strset_init(&k->names);
		k->next = 1;
	}
	return k;
}

void cm_pseudonyms_free(struct cm_pseudonyms *k)
{
	size_t i;

	if (!k)
		return;
	for (i = 0; i < k->n; i++) {
		free(k->v[i].pseudonym);
		free(k->v[i].id);
		free(k->v[i].name);
	}
	free(k->v);
	free(k->path);
	cm_strset_release(&k->ids);
	cm_strset_release(&k->names);
	free(k);
}

int cm_pseudonyms_changed(const struct cm_pseudonyms *k)
{
	return k && k->changed;
}

static long key_find(const struct cm_pseudonyms *k, const char *id)
{
	size_t i = k->ids.n ? cm_strmap_find(&k->ids.map, k->ids.buf, id, strlen(id)) : (size_t)-1;

	return i == (size_t)-1 ? -1 : (long)i;
}

/* N when s is "Organisation N", else 0. */
static unsigned long pseudonym_number(const char *s)
{
	size_t w = strlen(PSEUDONYM_WORD);
	char *end;
	unsigned long n;

	if (strncmp(s, PSEUDONYM_WORD " ", w + 1) || !isdigit((unsigned char)s[w + 1]))
		return 0;
	n = strtoul(s + w + 1, &end, 10);
	return *end ? 0 : n;
}

/* Adds an entry; 0, 1 when id or pseudonym is already there, CM_ENOMEM. */
static int key_add(struct cm_pseudonyms *k, const char *pseudonym, const char *id, const char *name)
{
	struct key_entry *e;
	long a, b;
	unsigned long num;

	if (key_find(k, id) >= 0 ||
	    (k->names.n && cm_strmap_find(&k->names.map, k->names.buf, pseudonym, strlen(pseudonym)) != (size_t)-1))
		return 1;
	if (cm_grow((void **)&k->v, &k->cap, k->n + 1, sizeof(*k->v)) < 0)
		return CM_ENOMEM;
	e = &k->v[k->n];
	e->pseudonym = strdup(pseudonym);
	e->id = strdup(id);
	e->name = strdup(name);
	a = cm_strset_add(&k->ids, id, strlen(id));
	b = cm_strset_add(&k->names, pseudonym, strlen(pseudonym));
	if (!e->pseudonym || !e->id || !e->name || a < 0 || b < 0) {
		free(e->pseudonym);
		free(e->id);
		free(e->name);
		return CM_ENOMEM;
	}
	k->n++;
	if ((num = pseudonym_number(pseudonym)) >= k->next)
		k->next = num + 1;
	return 0;
}

int cm_pseudonyms_read(struct cm_pseudonyms *k, const char *path, struct cm_diags *diags, struct cm_error *err)
{
	struct cm_rows r;
	long col[3];
	static const char *const want[3] = { "pseudonym", "id", "name" };
	size_t i, j;
	int rc;

	if (cm_rows_init(&r, path) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if ((rc = cm_rows_read_csv(&r, path, diags, err)) < 0)
		goto out;
	if (diags && diags->n_errors) {
		rc = cm_error_set(err, CM_EDATA, path, 0, 0, "not a key coalmap wrote: the file is not clean CSV");
		goto out;
	}
	for (j = 0; j < 3; j++)
		if ((col[j] = cm_rows_find(&r, want[j])) < 0) {
			rc = cm_error_set(err, CM_EDATA, path, r.header_line ? r.header_line : 1, 0,
					  "not a key coalmap wrote: no column '%s' (a key has pseudonym,id,name)",
					  want[j]);
			goto out;
		}
	for (i = 0; i < r.nrows; i++) {
		const char *p = cm_rows_get(&r, i, (size_t)col[0]), *id = cm_rows_get(&r, i, (size_t)col[1]);
		const char *name = cm_rows_get(&r, i, (size_t)col[2]);
		if (!p || !id) {
			rc = cm_error_set(err, CM_EDATA, path, r.rows[i].line, 0, "a key row needs a pseudonym and an id");
			goto out;
		}
		if ((rc = key_add(k, p, id, name ? name : "")) < 0) {
			cm_error_set(err, rc, NULL, 0, 0, "out of memory");
			goto out;
		}
		if (rc) {
			rc = cm_error_set(err, CM_EDATA, path, r.rows[i].line, 0,
					  "the id '%.80s' or the pseudonym '%.80s' is in the key twice", id, p);
			goto out;
		}
	}
	k->nread = k->n;
	if (!(k->path = strdup(path)))
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
out:
	cm_rows_release(&r);
	return rc;
}

int cm_pseudonyms_table(const struct cm_pseudonyms *k, struct cm_table *t, struct cm_error *err)
{
	size_t i;
	int c[3];

	cm_table_init(t, 0);
	c[0] = cm_table_add_column(t, "pseudonym", CM_TEXT);
	c[1] = cm_table_add_column(t, "id", CM_TEXT);
	c[2] = cm_table_add_column(t, "name", CM_TEXT);
	if (c[0] < 0 || c[1] < 0 || c[2] < 0)
		goto nomem;
	for (i = 0; k && i < k->n; i++) {
		long r = cm_table_add_row(t);
		if (r < 0 || cm_table_set_text(t, (size_t)c[0], (size_t)r, k->v[i].pseudonym) < 0 ||
		    cm_table_set_text(t, (size_t)c[1], (size_t)r, k->v[i].id) < 0 ||
		    cm_table_set_text(t, (size_t)c[2], (size_t)r, k->v[i].name) < 0)
			goto nomem;
	}
	return CM_OK;
nomem:
	cm_table_release(t);
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

/* ---- which columns: a name the user gives, resolved in both files */

/* A column of one file: a known one (k >= 0) or an attribute (a >= 0). */
struct colref {
	int file, k, a;
};

/* The columns called name, in either file; *n of them (at most 2).
 * Required columns and those every row has (a tie's type, weight,
 * direction) cannot be dropped: CM_EUSAGE.  A name in neither file:
 * CM_EUSAGE listing the columns there are, with the nearest. */
static int resolve_column(const struct cm_landscape *l, const char *option, const char *name,
			  struct colref out[2], size_t *n, struct cm_error *err)
{
	struct cm_near x;
	char list[300];
	size_t at = 0, f, k;

	*n = 0;
	for (f = 0; f < 2; f++) {
		const struct cm_schema *s = &cm_schemas[f];
		const struct cm_attr *attrs = f ? l->tie_attrs : l->org_attrs;
		size_t na = f ? l->ntie_attrs : l->norg_attrs;
		int c = cm_schema_find(s, name, strlen(name), 0);
		if (c >= 0 && (f ? l->tie_present : l->org_present) >> c & 1) {
			unsigned fl = s->col[c].flags;
			if ((fl & (CM_COL_REQUIRED | CM_COL_ALWAYS)) && !(f == CM_ORGS_FILE && c == CM_ORG_NAME)) {
				if (f == CM_TIES_FILE && *n)
					continue; /* "type": the orgs' is meant */
				return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
						    "%s: the %s column '%s' cannot be dropped: %s", option,
						    f ? "relationships" : "organizations", name,
						    fl & CM_COL_REQUIRED ? "it identifies the rows (--anonymise hides ids)"
									 : "the network is made of it");
			}
			out[(*n)++] = (struct colref){ (int)f, c, -1 };
			continue;
		}
		for (k = 0; k < na; k++)
			if (!strcasecmp(attrs[k].name, name)) {
				out[(*n)++] = (struct colref){ (int)f, -1, (int)k };
				break;
			}
	}
	if (*n)
		return CM_OK;
	cm_near_init(&x, name);
	list[0] = '\0';
	for (f = 0; f < 2; f++) {
		const struct cm_schema *s = &cm_schemas[f];
		const struct cm_attr *attrs = f ? l->tie_attrs : l->org_attrs;
		size_t na = f ? l->ntie_attrs : l->norg_attrs, shown = 0;
		for (k = 0; k < s->ncols + na; k++) {
			const char *c = k < s->ncols ? s->col[k].name : attrs[k - s->ncols].name;
			if (k < s->ncols && (!((f ? l->tie_present : l->org_present) >> k & 1) ||
					     ((s->col[k].flags & (CM_COL_REQUIRED | CM_COL_ALWAYS)) &&
					      !(f == CM_ORGS_FILE && k == CM_ORG_NAME))))
				continue; /* absent, or not to be dropped */
			cm_near_offer(&x, c, 0);
			if (at < sizeof(list))
				at += (size_t)snprintf(list + at, sizeof(list) - at, "%s%s",
						       shown++ ? ", " : f ? "; relationships: " : "organizations: ", c);
		}
	}
	if (x.best && !x.tie)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "%s: no column '%.80s'; did you mean '%s'? The columns: %s",
				    option, name, x.best, list);
	return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "%s: no column '%.80s'. The columns: %s", option, name, list);
}

/* Empties column c of row i (org or tie). */
static void clear_cell(struct cm_landscape *l, const struct colref *c, size_t i)
{
	void *row = c->file ? (void *)&l->ties[i] : (void *)&l->orgs[i];

	if (c->a >= 0) {
		(c->file ? l->tie_attrs : l->org_attrs)[c->a].val[i] = 0;
		return;
	}
	const struct cm_column_info *ci = &cm_schemas[c->file].col[c->k];
	void *f = (char *)row + ci->offset;
	switch (ci->value) {
	case CM_VAL_TEXT:
	case CM_VAL_LIST: *(size_t *)f = c->file == CM_ORGS_FILE && c->k == CM_ORG_NAME ? l->orgs[i].id : 0; break;
	case CM_VAL_NUMBER: *(double *)f = NAN; break;
	case CM_VAL_STANCE: *(int *)f = CM_STANCE_NONE; break;
	case CM_VAL_DATE: *(int32_t *)f = ci->flags & CM_COL_PERIOD_END ? CM_DAY_MAX : CM_DAY_MIN; break;
	default: break; /* never droppable */
	}
}

/* Drops column c: every cell emptied, and it is no longer written. */
static void drop_column(struct cm_landscape *l, const struct colref *c)
{
	size_t i, n = c->file ? l->nties : l->norgs;

	for (i = 0; i < n; i++)
		clear_cell(l, c, i);
	if (c->a < 0) {
		if (!(c->file == CM_ORGS_FILE && c->k == CM_ORG_NAME))
			*(c->file ? &l->tie_present : &l->org_present) &= ~(1u << c->k);
		return;
	}
	struct cm_attr *attrs = c->file ? l->tie_attrs : l->org_attrs;
	size_t *na = c->file ? &l->ntie_attrs : &l->norg_attrs;
	free(attrs[c->a].name);
	free(attrs[c->a].val);
	memmove(&attrs[c->a], &attrs[c->a + 1], (*na - (size_t)c->a - 1) * sizeof(*attrs));
	(*na)--;
}

/* ---- which organisations */

/* 1 if s is v, or holds v among its ;-separated items. */
static int value_has(const char *s, const char *v, size_t n)
{
	while (1) {
		const char *e = strchr(s, ';');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (len == n && !strncasecmp(s, v, n))
			return 1;
		if (!e)
			return 0;
		s = e + 1;
	}
}

struct values {
	struct cm_strset set;
	int nomem;
};

/* Adds an item of a ;-separated list (a cm_list_each callback). */
static void add_item(const char *s, size_t n, void *ctx)
{
	struct values *v = ctx;

	if (!v->nomem && cm_strset_add(&v->set, s, n) < 0)
		v->nomem = 1;
}

/* The usage error for a value v[0..n) no org has in column a: the nearest,
 * and the values there are. */
static int no_value(const struct cm_landscape *l, size_t a, const char *attr, const char *v, size_t n,
		    struct cm_error *err)
{
	struct values vals = { .nomem = 0 };
	struct cm_near x;
	char word[128], list[240] = "";
	size_t i, at = 0;
	int rc;

	snprintf(word, sizeof(word), "%.*s", (int)(n < 120 ? n : 120), v);
	cm_near_init(&x, word);
	cm_strset_init(&vals.set);
	for (i = 0; i < l->norgs && !vals.nomem; i++)
		cm_list_each(cm_attr_value(l, a, i), add_item, &vals);
	if (vals.nomem) {
		cm_strset_release(&vals.set);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < vals.set.n; i++) {
		const char *x_i = cm_strset_get(&vals.set, i);
		cm_near_offer(&x, x_i, 0);
		if (at < sizeof(list))
			at += (size_t)snprintf(list + at, sizeof(list) - at, "%s%s", i ? ", " : "", x_i);
	}
	if (at >= sizeof(list))
		memcpy(list + sizeof(list) - 5, " ...", 5);
	if (x.best && !x.tie)
		rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				  "--anonymise: no organization has %s '%s'; did you mean '%.80s'? The values: %s", attr,
				  word, x.best, list);
	else
		rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--anonymise: no organization has %s '%s'. The values: %s",
				  attr, word, vals.set.n ? list : "none");
	cm_strset_release(&vals.set);
	return rc;
}

/* Marks in hide the orgs filter selects: "all", or ATTR=V1,V2 (any of
 * the values; an id or a name also by the org's own, before anonymising).
 * A column or a value no org has: CM_EUSAGE with what exists. */
static int select_orgs(const struct cm_landscape *l, const char *filter, unsigned char *hide, struct cm_error *err)
{
	const char *eq = strchr(filter, '='), *v, *e;
	char attr[128];
	size_t i;
	int a;

	if (!strcasecmp(filter, "all")) {
		memset(hide, 1, l->norgs);
		return CM_OK;
	}
	if (!eq || eq == filter || !eq[1] || (size_t)(eq - filter) >= sizeof(attr))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "--anonymise takes 'all' or ATTR=VALUE[,VALUE...] (e.g. type=grassroots), not '%.80s'",
				    filter);
	memcpy(attr, filter, (size_t)(eq - filter));
	attr[eq - filter] = '\0';
	if ((a = cm_attr_find(l, attr)) < 0) {
		struct colref c[2];
		size_t n;
		int rc = resolve_column(l, "--anonymise", attr, c, &n, err);
		return rc < 0 ? rc : cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
						 "--anonymise: '%s' is not a column of organizations", attr);
	}
	for (v = eq + 1; *v; v = *e ? e + 1 : e) {
		size_t n, hits = 0;
		e = v + strcspn(v, ",");
		n = (size_t)(e - v);
		for (i = 0; i < l->norgs; i++)
			if (n && value_has(cm_attr_value(l, (size_t)a, i), v, n)) {
				hide[i] = 1;
				hits++;
			}
		if (!hits && n)
			return no_value(l, (size_t)a, attr, v, n, err);
	}
	return CM_OK;
}

/* ---- pseudonyms */

static uint64_t splitmix(uint64_t *s)
{
	return cm_splitmix64(s);
}

/* The "another landscape" check: a key read from a file must name orgs
 * of this landscape, with their names. */
static int key_fits(const struct cm_landscape *l, const struct cm_pseudonyms *k, struct cm_error *err)
{
	size_t i, found = 0, other = 0, first_other = 0;

	for (i = 0; i < k->nread; i++) {
		long o = cm_org_find(l, k->v[i].id);
		if (o < 0)
			continue;
		found++;
		if (*k->v[i].name && strcmp(k->v[i].name, cm_landscape_org_name(l, (size_t)o)) && !other++)
			first_other = i;
	}
	if (!k->nread || (found && 2 * other <= found))
		return CM_OK;
	if (!found)
		return cm_error_set(err, CM_EDATA, k->path, 0, 0,
				    "this key was made for another landscape: none of its %zu organizations is in %s",
				    k->nread, l->orgs_path);
	return cm_error_set(err, CM_EDATA, k->path, 0, 0,
			    "this key was made for another landscape: %zu of the %zu organizations it shares with %s "
			    "have another name there (id '%.60s': '%.60s' in the key)",
			    other, found, l->orgs_path, k->v[first_other].id, k->v[first_other].name);
}

/* Gives every org in hide a pseudonym from the key, and the others new
 * numbers in a seeded random order (a hash of their own ids and names:
 * neither file order nor alphabetical order shows), added to the key.
 * pseud[i] gets the key entry of org i. */
static int assign(const struct cm_landscape *l, const unsigned char *hide, struct cm_pseudonyms *k, size_t *pseud,
		  struct cm_error *err)
{
	const char *p = l->pool.buf;
	size_t i, n = 0, *fresh = NULL;
	uint64_t seed = CM_HASH_INIT;
	int rc = CM_OK;

	if ((rc = key_fits(l, k, err)) < 0)
		return rc;
	if (!(fresh = malloc((l->norgs + 1) * sizeof(*fresh))))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < l->norgs; i++) {
		long e;
		if (!hide[i])
			continue;
		if ((e = key_find(k, p + l->orgs[i].id)) >= 0) {
			long other = cm_org_find(l, k->v[e].pseudonym);
			if (other >= 0 && (size_t)other != i) {
				rc = cm_error_set(err, CM_EDATA, k->path, 0, 0,
						  "the key's pseudonym '%.60s' is the id of another organization here",
						  k->v[e].pseudonym);
				goto out;
			}
			pseud[i] = (size_t)e;
			continue;
		}
		fresh[n++] = i;
		seed = cm_hash_bytes(p + l->orgs[i].id, strlen(p + l->orgs[i].id) + 1, seed);
		seed = cm_hash_bytes(p + l->orgs[i].name, strlen(p + l->orgs[i].name) + 1, seed);
	}
	for (i = n; i > 1; i--) { /* Fisher-Yates */
		size_t j = (size_t)(splitmix(&seed) % i), t = fresh[i - 1];
		fresh[i - 1] = fresh[j];
		fresh[j] = t;
	}
	for (i = 0; i < n; i++) {
		size_t o = fresh[i];
		char name[64];
		int added = 0;
		do {
			snprintf(name, sizeof(name), PSEUDONYM_WORD " %lu", k->next++);
		} while (cm_org_find(l, name) >= 0 || (added = key_add(k, name, p + l->orgs[o].id, p + l->orgs[o].name)) == 1);
		if (added < 0) {
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		pseud[o] = k->n - 1;
		k->changed = 1;
	}
out:
	free(fresh);
	return rc;
}

/* ---- scrubbing free text */

/* The anonymised orgs' own ids and names, lower case, with the pseudonym
 * each stands for (an index into k, or -1 when two orgs share it). */
struct secrets {
	struct cm_strset set, first; /* whole strings; their first words */
	size_t *orig;                /* as written (pool offsets): short ones match by case */
	long *who;
	size_t cap, longest;
	char *buf;                   /* a cell in lower case */
	size_t bufcap;
};

static int is_word(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

static size_t first_word(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_word((unsigned char)s[i]))
		i++;
	return i;
}

static int lower_into(char **buf, size_t *cap, const char *s, size_t n)
{
	size_t i;

	if (cm_grow((void **)buf, cap, n + 1, 1) < 0)
		return CM_ENOMEM;
	for (i = 0; i < n; i++)
		(*buf)[i] = (char)tolower((unsigned char)s[i]);
	(*buf)[n] = '\0';
	return CM_OK;
}

static int secret_add(struct secrets *s, const struct cm_landscape *l, size_t off, long who)
{
	const char *str = l->pool.buf + off;
	size_t n = strlen(str);
	long i;

	if (!n || !is_word((unsigned char)*str))
		return CM_OK;
	if (lower_into(&s->buf, &s->bufcap, str, n) < 0 || (i = cm_strset_add(&s->set, s->buf, n)) < 0)
		return CM_ENOMEM;
	if ((size_t)i == s->set.n - 1) { /* new */
		size_t cap = s->cap;
		long *w2;
		if (cm_grow((void **)&s->orig, &cap, s->set.n, sizeof(*s->orig)) < 0)
			return CM_ENOMEM;
		if (!(w2 = realloc(s->who, cap * sizeof(*s->who))))
			return CM_ENOMEM; /* s->cap unchanged: who still holds the old size */
		s->who = w2;
		s->cap = cap;
		s->orig[i] = off;
		s->who[i] = who;
		if (n > s->longest)
			s->longest = n;
		size_t w = first_word(s->buf, n);
		if (w && cm_strset_add(&s->first, s->buf, w) < 0)
			return CM_ENOMEM;
	} else if (s->who[i] != who) {
		s->who[i] = -1;
	}
	return CM_OK;
}

static void secrets_release(struct secrets *s)
{
	cm_strset_release(&s->set);
	cm_strset_release(&s->first);
	free(s->orig);
	free(s->who);
	free(s->buf);
}

/* The secret matching low[0..n) (cell text at orig), or -1: one of four
 * letters or more without case, a shorter one as written. */
static long secret_at(const struct secrets *s, const char *pool, const char *low, const char *orig, size_t n)
{
	size_t i = cm_strmap_find(&s->set.map, s->set.buf, low, n);

	if (i == (size_t)-1)
		return -1;
	if (n < 4 && strncmp(pool + s->orig[i], orig, n))
		return -1;
	return (long)i;
}

/* A string being built (a scrubbed cell). */
struct text {
	char *v;
	size_t n, cap;
};

static int text_add(struct text *t, const char *s, size_t n)
{
	if (cm_grow((void **)&t->v, &t->cap, t->n + n + 1, 1) < 0)
		return CM_ENOMEM;
	memcpy(t->v + t->n, s, n);
	t->n += n;
	t->v[t->n] = '\0';
	return CM_OK;
}

/* The pool offset of cell *off with every anonymised id or name in it (a
 * whole word or words) replaced by its pseudonym; unchanged when none is.
 * A one-letter id only as the whole cell; with keep_whole (a public org's
 * own name), a cell that is all one secret stays: it is that org's name. */
static int scrub(struct cm_landscape *l, struct secrets *s, const struct cm_pseudonyms *k, size_t *off,
		 int keep_whole)
{
	const char *c = l->pool.buf + *off;
	size_t n = strlen(c), p, done = 0;
	struct text out = { 0 };
	int rc = CM_OK;

	if (!n || !s->set.n || lower_into(&s->buf, &s->bufcap, c, n) < 0)
		return n && s->set.n ? CM_ENOMEM : CM_OK;
	for (p = 0; p < n; p++) {
		size_t w, q, best = 0;
		long hit = -1, i;
		if (!is_word((unsigned char)s->buf[p]) || (p && is_word((unsigned char)s->buf[p - 1])))
			continue;
		w = first_word(s->buf + p, n - p);
		if (cm_strmap_find(&s->first.map, s->first.buf, s->buf + p, w) == (size_t)-1)
			continue;
		for (q = p + w; q <= n && q - p <= s->longest; q++)
			if ((q == n || !is_word((unsigned char)s->buf[q])) &&
			    (i = secret_at(s, l->pool.buf, s->buf + p, c + p, q - p)) >= 0 && (q - p > 1 || n == 1)) {
				hit = i;
				best = q;
			}
		if (hit < 0 || (keep_whole && p == 0 && best == n))
			continue;
		const char *with = s->who[hit] < 0 ? AMBIGUOUS : k->v[s->who[hit]].pseudonym;
		if (text_add(&out, c + done, p - done) < 0 || text_add(&out, with, strlen(with)) < 0) {
			rc = CM_ENOMEM;
			goto out;
		}
		done = best;
		p = best - 1;
	}
	if (out.v && (text_add(&out, c + done, n - done) < 0 || cm_strpool_add(&l->pool, out.v, out.n, off) < 0))
		rc = CM_ENOMEM;
out:
	free(out.v);
	return rc;
}

/* Every text cell that may name an anonymised org: the others' names,
 * the orgs' and ties' text attributes.  Not the categories the analyses
 * read (type, country, region, issues, skills): a type "un" is not the org
 * "un", and those columns are kept as they are. */
static int scrub_all(struct cm_landscape *l, const unsigned char *hide, struct secrets *s,
		     const struct cm_pseudonyms *k)
{
	size_t i, j;

	for (i = 0; i < l->norgs; i++) {
		if (!hide[i] && scrub(l, s, k, &l->orgs[i].name, 1) < 0)
			return CM_ENOMEM;
		for (j = 0; j < l->norg_attrs; j++)
			if (!l->org_attrs[j].numeric && scrub(l, s, k, &l->org_attrs[j].val[i], 0) < 0)
				return CM_ENOMEM;
	}
	for (j = 0; j < l->ntie_attrs; j++)
		for (i = 0; !l->tie_attrs[j].numeric && i < l->nties; i++)
			if (scrub(l, s, k, &l->tie_attrs[j].val[i], 0) < 0)
				return CM_ENOMEM;
	return CM_OK;
}

/* ---- the whole step */

/* What the options and the schema file ask for. */
struct plan {
	const char *const *filters;
	size_t nfilters;
	struct colref *drop, *also; /* dropped everywhere; cleared for anonymised orgs */
	size_t ndrop, nalso;
};

static int add_columns(const struct cm_landscape *l, const char *option, const char *const *names, size_t n,
		       int lenient, struct colref **v, size_t *nv, struct cm_error *err)
{
	size_t i, j, got;
	struct colref c[2];
	int rc;

	for (i = 0; i < n; i++) {
		struct cm_error quiet;
		if ((rc = resolve_column(l, option, names[i], c, &got, lenient ? &quiet : err)) < 0) {
			if (lenient && rc == CM_EUSAGE)
				continue; /* a sensitive column this landscape lacks */
			return rc;
		}
		struct colref *nw = realloc(*v, (*nv + got) * sizeof(**v));
		if (!nw)
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		*v = nw;
		for (j = 0; j < got; j++) {
			size_t x;
			for (x = 0; x < *nv && memcmp(&(*v)[x], &c[j], sizeof(c[j])); x++)
				;
			if (x == *nv) /* once, though named twice */
				(*v)[(*nv)++] = c[j];
		}
	}
	return CM_OK;
}

/* Drops attribute columns last to first, so indices stay right. */
static int by_attr_desc(const void *a, const void *b)
{
	const struct colref *x = a, *y = b;

	if (x->file != y->file)
		return x->file - y->file;
	return y->a - x->a;
}

static int plan_make(const struct cm_landscape *l, const struct cm_share *sh, struct plan *pl, struct cm_error *err)
{
	const struct cm_schema_file *sf = l->schema;
	int rc;

	memset(pl, 0, sizeof(*pl));
	if (sh && sh->nanonymise) {
		pl->filters = sh->anonymise;
		pl->nfilters = sh->nanonymise;
	} else if (sf && sf->nanonymise) {
		pl->filters = (const char *const *)sf->anonymise;
		pl->nfilters = sf->nanonymise;
	}
	if (pl->nfilters == 1 && !strcasecmp(pl->filters[0], "none"))
		pl->nfilters = 0;
	if (sh && (rc = add_columns(l, "--drop-columns", sh->drop, sh->ndrop, 0, &pl->drop, &pl->ndrop, err)) < 0)
		return rc;
	if (sf && !(sh && sh->include_sensitive) &&
	    (rc = add_columns(l, "sensitive", (const char *const *)sf->sensitive, sf->nsensitive, 1, &pl->drop,
			      &pl->ndrop, err)) < 0)
		return rc;
	if (sh && (rc = add_columns(l, "--anonymise-drop", sh->anonymise_drop, sh->nanonymise_drop, 0, &pl->also,
				    &pl->nalso, err)) < 0)
		return rc;
	if (sh && sh->nanonymise_drop && !pl->nfilters)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--anonymise-drop needs --anonymise");
	if (pl->ndrop > 1)
		qsort(pl->drop, pl->ndrop, sizeof(*pl->drop), by_attr_desc);
	return CM_OK;
}

/* 1 for the columns that hold where an org is drawn, which stay (Kumu's
 * map positions, GEXF's viz attributes, x and y). */
static int is_layout(const char *name)
{
	static const char *const cols[] = { "kumu_x", "kumu_y", "viz_x", "viz_y", "viz_z", "viz_size", "viz_color",
					    "x", "y", NULL };
	size_t i;

	for (i = 0; cols[i]; i++)
		if (!strcasecmp(name, cols[i]))
			return 1;
	return 0;
}

/* assign() made sure no org has the pseudonym as its id */
static int never_equal(const void *ctx, size_t a, size_t b)
{
	(void)ctx, (void)a, (void)b;
	return 0;
}

/* Renames org i to its pseudonym, clears what else could name it (its
 * attributes, the columns plan->also lists, its ties' text attributes)
 * and records its own id and name. */
static int hide_org(struct cm_landscape *l, size_t i, const char *pseudonym, const struct plan *pl)
{
	struct cm_hidden *h = &l->hidden;
	size_t off, j;
	long e;

	if (cm_strpool_add(&l->pool, pseudonym, strlen(pseudonym), &off) < 0)
		return CM_ENOMEM;
	h->id[h->n] = l->orgs[i].id;
	h->name[h->n] = l->orgs[i].name;
	h->org[h->n++] = i;
	l->orgs[i].id = l->orgs[i].name = off;
	for (j = 0; j < l->norg_attrs; j++)
		if (!is_layout(l->org_attrs[j].name))
			l->org_attrs[j].val[i] = 0;
	for (j = 0; j < pl->nalso; j++)
		if (pl->also[j].file == CM_ORGS_FILE)
			clear_cell(l, &pl->also[j], i);
	e = (long)cm_strmap_put(&l->ids, cm_hash_mix(cm_hash_bytes(pseudonym, strlen(pseudonym), CM_HASH_INIT)), i,
				cm_strmap_key(pseudonym, strlen(pseudonym), off), never_equal, NULL);
	return e == -2 ? CM_ENOMEM : CM_OK;
}

static int run(struct cm_landscape *l, const struct plan *pl, struct cm_pseudonyms *k, struct cm_error *err)
{
	unsigned char *hide = calloc(l->norgs + 1, 1);
	size_t *pseud = malloc((l->norgs + 1) * sizeof(*pseud)), i, j;
	struct secrets s;
	struct cm_hidden *h = &l->hidden;
	int rc = CM_OK;

	memset(&s, 0, sizeof(s));
	cm_strset_init(&s.set);
	cm_strset_init(&s.first);
	if (!hide || !pseud)
		goto nomem;
	for (i = 0; i < pl->nfilters && rc == CM_OK; i++)
		rc = select_orgs(l, pl->filters[i], hide, err);
	if (rc < 0 || (pl->nfilters && (rc = assign(l, hide, k, pseud, err)) < 0))
		goto out;
	if (!(h->org = malloc((l->norgs + 1) * sizeof(*h->org))) || !(h->id = malloc((l->norgs + 1) * sizeof(*h->id))) ||
	    !(h->name = malloc((l->norgs + 1) * sizeof(*h->name))))
		goto nomem;
	for (i = 0; i < l->norgs; i++)
		if (hide[i] && (secret_add(&s, l, l->orgs[i].id, (long)pseud[i]) < 0 ||
				secret_add(&s, l, l->orgs[i].name, (long)pseud[i]) < 0))
			goto nomem;
	for (i = 0; i < pl->ndrop; i++)
		drop_column(l, &pl->drop[i]);
	for (j = 0; j < l->nties; j++) /* an anonymised org's ties lose their notes */
		if (hide[l->ties[j].src] || hide[l->ties[j].dst])
			for (i = 0; i < l->ntie_attrs; i++)
				if (!l->tie_attrs[i].numeric)
					l->tie_attrs[i].val[j] = 0;
	for (i = 0; i < l->norgs; i++)
		if (hide[i] && hide_org(l, i, k->v[pseud[i]].pseudonym, pl) < 0)
			goto nomem;
	if (scrub_all(l, hide, &s, k) < 0)
		goto nomem;
	goto out;
nomem:
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
out:
	secrets_release(&s);
	free(hide);
	free(pseud);
	return rc;
}

int cm_share_apply(struct cm_landscape *l, const struct cm_load_opts *opts, struct cm_error *err)
{
	const struct cm_share *sh = opts ? opts->share : NULL;
	struct cm_pseudonyms *own = NULL, *k = sh ? sh->key : NULL;
	struct plan pl;
	int rc;

	if ((rc = plan_make(l, sh, &pl, err)) < 0)
		goto out;
	if (!pl.nfilters && !pl.ndrop)
		goto out;
	if (!k && !(k = own = cm_pseudonyms_new())) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	rc = run(l, &pl, k, err);
out:
	cm_pseudonyms_free(own);
	free(pl.drop);
	free(pl.also);
	return rc;
}

size_t cm_landscape_anonymised(const struct cm_landscape *l)
{
	return l->hidden.n;
}

long cm_hidden_find_name(const struct cm_landscape *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->hidden.n; i++)
		if (!strcmp(l->pool.buf + l->hidden.name[i], name))
			return (long)l->hidden.org[i];
	return -1;
}

/* Whether word w (n bytes) occurs in s as a whole word: without case from
 * 4 bytes, as written below (a short id such as "un" is a word of prose
 * only in another case). */
static const char *word_in(const char *s, const char *w, size_t n)
{
	const char *p;

	if (n < 2)
		return NULL;
	for (p = s; *p; p++) {
		if ((n >= 4 ? strncasecmp(p, w, n) : strncmp(p, w, n)) != 0)
			continue;
		if ((p == s || !is_word((unsigned char)p[-1])) && !is_word((unsigned char)p[n]))
			return p;
	}
	return NULL;
}

long cm_hidden_mention(const struct cm_landscape *l, const char *text, size_t *at, size_t *len)
{
	size_t i, k;

	for (i = 0; i < l->hidden.n; i++)
		for (k = 0; k < 2; k++) {
			const char *w = l->pool.buf + (k ? l->hidden.name[i] : l->hidden.id[i]), *p;
			if ((p = word_in(text, w, strlen(w)))) {
				*at = (size_t)(p - text);
				*len = strlen(w);
				return (long)l->hidden.org[i];
			}
		}
	return -1;
}
