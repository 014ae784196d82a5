/* kumu.c - Kumu's CSV export (an elements file and a connections file)
 * as a landscape.  The mapping is documented in docs/convert.md:
 *   elements:    ID (if any) or Label -> id; Label -> name; Type -> type;
 *                every other column kept under its own name
 *   connections: From -> source, To -> target (an element's ID or Label);
 *                Type -> type; Direction -> directed (directed, or empty:
 *                true; mutual, undirected: false) and kumu_direction;
 *                every other column kept under its own name
 * A column that would clash with these (e.g. a Kumu field "Name") is kept
 * as kumu_<name>. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* Collects a CSV file as rows, header names as they are. */
struct collect {
	struct cm_rows *rows;
	int nomem;
};

static int collect_row(void *ctx, const struct cm_csv_row *row)
{
	struct collect *c = ctx;
	size_t j;
	long r;

	if (row->index == 0) {
		c->rows->header_line = row->line;
		for (j = 0; j < row->n; j++) {
			/* names as they are: the loader trims them and reports
			 * repeated ones */
			const char *s = row->fields[j];
			size_t n = row->lens[j];
			char *name;
			long k;
			while (n && (*s == ' ' || *s == '\t'))
				s++, n--;
			while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
				n--;
			if (!(name = strndup(s, n)))
				return CM_ENOMEM;
			k = cm_rows_append_column(c->rows, name, CM_DECL_ANY, row->line);
			free(name);
			if (k < 0)
				return CM_ENOMEM;
		}
		return CM_OK;
	}
	if ((r = cm_rows_add(c->rows, row->line)) < 0)
		return CM_ENOMEM;
	for (j = 0; j < row->n && j < c->rows->ncols; j++)
		if (row->lens[j] && cm_rows_set(c->rows, (size_t)r, j, row->fields[j], row->lens[j]) < 0)
			return CM_ENOMEM;
	return CM_OK;
}

static long find_ci(const struct cm_rows *r, const char *name)
{
	size_t j;

	for (j = 0; j < r->ncols; j++)
		if (!strcasecmp(r->names[j], name))
			return (long)j;
	return -1;
}

/* Gives column j the name of known column c. */
static int rename_to(struct cm_rows *r, long j, const struct cm_column_info *c)
{
	char *nm = strdup(c->name);

	if (!nm)
		return CM_ENOMEM;
	free(r->names[j]);
	r->names[j] = nm;
	return CM_OK;
}

/* Renames a column that clashes with one of ours to kumu_<name>. */
static int rename_clash(struct cm_rows *r, long keep1, long keep2, const char *const *ours, size_t n)
{
	size_t j, k;

	for (j = 0; j < r->ncols; j++) {
		if ((long)j == keep1 || (long)j == keep2)
			continue;
		for (k = 0; k < n; k++)
			if (!strcasecmp(r->names[j], ours[k])) {
				char *v = malloc(strlen(r->names[j]) + 6), *p;
				if (!v)
					return CM_ENOMEM;
				sprintf(v, "kumu_%s", r->names[j]);
				for (p = v; *p; p++)
					if (*p >= 'A' && *p <= 'Z')
						*p = (char)(*p - 'A' + 'a');
				free(r->names[j]);
				r->names[j] = v;
				break;
			}
	}
	return CM_OK;
}

struct alias {
	const char *key;
	const char *id;
};

static int alias_cmp(const void *a, const void *b)
{
	return strcmp(((const struct alias *)a)->key, ((const struct alias *)b)->key);
}

static const char *lookup(const struct alias *v, size_t n, const char *key)
{
	struct alias k = { key, NULL };
	const struct alias *hit = bsearch(&k, v, n, sizeof(*v), alias_cmp);

	return hit ? hit->id : NULL;
}

/* Renames the known Kumu columns of elements: Label -> name, ID/Label -> id. */
static int map_elements(struct cm_rows *e, struct cm_diags *diags, int *bad)
{
	const char *const ours[] = { cm_org_cols[CM_ORG_ID].name, cm_org_cols[CM_ORG_NAME].name };
	long label = find_ci(e, "Label"), id = find_ci(e, "ID");
	size_t r;

	if (label < 0) {
		cm_diags_add(diags, CM_ERROR, CM_EDATA, e->file, e->header_line, 0,
			     "missing Kumu column 'Label' (is this Kumu's elements export?)");
		*bad = 1;
		return CM_OK;
	}
	if (rename_clash(e, label, id, ours, 2) < 0)
		return CM_ENOMEM;
	if (rename_to(e, label, &cm_org_cols[CM_ORG_NAME]) < 0)
		return CM_ENOMEM;
	if (id >= 0) {
		if (rename_to(e, id, &cm_org_cols[CM_ORG_ID]) < 0)
			return CM_ENOMEM;
		/* an element without an ID goes by its Label */
		for (r = 0; r < e->nrows; r++) {
			const char *l = cm_rows_get(e, r, (size_t)label);
			if (!cm_rows_get(e, r, (size_t)id) && l && cm_rows_set(e, r, (size_t)id, l, strlen(l)) < 0)
				return CM_ENOMEM;
		}
	} else {
		long c = cm_rows_column(e, cm_org_cols[CM_ORG_ID].name, CM_DECL_TEXT, e->header_line);
		if (c < 0)
			return CM_ENOMEM;
		for (r = 0; r < e->nrows; r++) {
			const char *l = cm_rows_get(e, r, (size_t)label);
			if (l && cm_rows_set(e, r, (size_t)c, l, strlen(l)) < 0)
				return CM_ENOMEM;
		}
	}
	return CM_OK;
}

static int map_connections(struct cm_rows *c, const struct cm_rows *e, struct cm_diags *diags,
			   const struct cm_load_opts *opts, int *bad)
{
	const char *const ours[] = { cm_tie_cols[CM_TIE_SOURCE].name, cm_tie_cols[CM_TIE_TARGET].name,
				     cm_tie_cols[CM_TIE_DIRECTED].name };
	long from = find_ci(c, "From"), to = find_ci(c, "To"), dir = find_ci(c, "Direction");
	long eid = cm_rows_find(e, cm_org_cols[CM_ORG_ID].name);
	long elabel = cm_rows_find(e, cm_org_cols[CM_ORG_NAME].name), dcol;
	struct alias *ids = NULL, *labels = NULL;
	size_t r, n = 0;
	int rc = CM_ENOMEM;
	char *nm;

	(void)opts;
	if (from < 0 || to < 0) {
		cm_diags_add(diags, CM_ERROR, CM_EDATA, c->file, c->header_line, 0,
			     "missing Kumu column '%s' (is this Kumu's connections export?)", from < 0 ? "From" : "To");
		*bad = 1;
		return CM_OK;
	}
	if (rename_clash(c, from, to, ours, 3) < 0)
		return CM_ENOMEM;
	if (rename_to(c, from, &cm_tie_cols[CM_TIE_SOURCE]) < 0 || rename_to(c, to, &cm_tie_cols[CM_TIE_TARGET]) < 0)
		return CM_ENOMEM;
	if (dir >= 0) {
		if (!(nm = strdup("kumu_direction")))
			return CM_ENOMEM;
		free(c->names[dir]);
		c->names[dir] = nm;
	}
	if ((dcol = cm_rows_column(c, cm_tie_cols[CM_TIE_DIRECTED].name, CM_DECL_TEXT, c->header_line)) < 0)
		return CM_ENOMEM;
	for (r = 0; r < c->nrows; r++) {
		const char *d = dir >= 0 ? cm_rows_get(c, r, (size_t)dir) : NULL, *v;
		char t[16];
		size_t k;
		snprintf(t, sizeof(t), "%s", d ? d : "");
		for (k = 0; t[k]; k++)
			t[k] = (char)(t[k] >= 'A' && t[k] <= 'Z' ? t[k] - 'A' + 'a' : t[k]);
		if (!d || !*d || !strcmp(t, "directed"))
			v = "true";
		else if (!strcmp(t, "mutual") || !strcmp(t, "undirected"))
			v = "false";
		else {
			cm_diags_add(diags, CM_ERROR, CM_EDATA, c->file, c->rows[r].line, 0,
				     "Direction '%.40s' is not directed, mutual or undirected", d);
			*bad = 1;
			continue;
		}
		if (cm_rows_set(c, r, (size_t)dcol, v, strlen(v)) < 0)
			return CM_ENOMEM;
	}
	/* From and To name an element by its ID or, failing that, its Label */
	ids = malloc((e->nrows + 1) * sizeof(*ids));
	labels = malloc((e->nrows + 1) * sizeof(*labels));
	if (!ids || !labels)
		goto out;
	for (r = 0; r < e->nrows; r++) {
		const char *i = cm_rows_get(e, r, (size_t)eid), *l = cm_rows_get(e, r, (size_t)elabel);
		if (!i)
			continue;
		ids[n].key = i;
		ids[n].id = i;
		labels[n].key = l ? l : i;
		labels[n].id = i;
		n++;
	}
	qsort(ids, n, sizeof(*ids), alias_cmp);
	qsort(labels, n, sizeof(*labels), alias_cmp);
	for (r = 0; r < c->nrows; r++) {
		long ends[2] = { from, to };
		for (int k = 0; k < 2; k++) {
			const char *v = cm_rows_get(c, r, (size_t)ends[k]), *id;
			if (!v || lookup(ids, n, v))
				continue;
			if ((id = lookup(labels, n, v)) && cm_rows_set(c, r, (size_t)ends[k], id, strlen(id)) < 0)
				goto out;
		}
	}
	rc = CM_OK;
out:
	free(ids);
	free(labels);
	return rc;
}

int cm_landscape_load_kumu(struct cm_landscape **out, const char *elements,
			   const char *connections, const struct cm_load_opts *opts,
			   struct cm_diags *diags, struct cm_error *err)
{
	struct cm_rows e, c;
	struct collect ce = { &e, 0 }, cc = { &c, 0 };
	struct cm_diags own;
	size_t errors_before, i;
	int rc, bad = 0;

	*out = NULL;
	if (!diags) {
		cm_diags_init(&own);
		diags = &own;
	}
	errors_before = diags->n_errors;
	if (cm_rows_init(&e, elements) < 0 || cm_rows_init(&c, connections) < 0) {
		cm_rows_release(&e);
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out_rows;
	}
	rc = cm_csv_read(elements, elements, collect_row, &ce, diags, err);
	if (rc == CM_OK)
		rc = cm_csv_read(connections, connections, collect_row, &cc, diags, err);
	if (rc == CM_ENOMEM)
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc < 0)
		goto out;
	if (diags->n_errors == errors_before) {
		rc = map_elements(&e, diags, &bad);
		if (rc == CM_OK && !bad)
			rc = map_connections(&c, &e, diags, opts, &bad);
		if (rc < 0) {
			cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
	}
	if (bad || diags->n_errors > errors_before) {
		struct cm_diag *first = NULL;
		for (i = 0; i < diags->n; i++)
			if (diags->v[i].severity == CM_ERROR && !first)
				first = &diags->v[i];
		rc = cm_error_set(err, CM_EDATA, first ? first->where.file : elements, first ? first->where.line : 0, 0,
				  "%zu error%s in the Kumu export", diags->n_errors - errors_before,
				  diags->n_errors - errors_before == 1 ? "" : "s");
		goto out;
	}
	rc = cm_landscape_load_rows(out, &e, &c, opts, diags, err);
out:
	cm_rows_release(&e);
	cm_rows_release(&c);
out_rows:
	if (diags == &own)
		cm_diags_release(&own);
	return rc;
}
