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

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

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

size_t cm_kumu_lower(char *dst, size_t cap, const char *src)
{
	size_t i;

	for (i = 0; src[i] && i + 1 < cap; i++)
		dst[i] = (char)(src[i] >= 'A' && src[i] <= 'Z' ? src[i] - 'A' + 'a' : src[i]);
	dst[i] = '\0';
	return i;
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
				size_t len = strlen(r->names[j]);
				char *v = malloc(len + 6);
				if (!v)
					return CM_ENOMEM;
				memcpy(v, "kumu_", 5);
				cm_kumu_lower(v + 5, len + 1, r->names[j]);
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

static int map_connections(struct cm_rows *c, const struct cm_rows *e, struct cm_diags *diags, int *bad)
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
		cm_kumu_lower(t, sizeof(t), d ? d : "");
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

/* Finds Kumu's two files in dir: the only *.csv whose name holds
 * "element" and the only one holding "connection". */
static int find_files(const char *dir, char **elements, char **connections, struct cm_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int ne = 0, nc = 0, rc = CM_OK;

	*elements = *connections = NULL;
	if (!d)
		return cm_error_set(err, CM_ENOINPUT, dir, 0, 0, "cannot open: %s", strerror(errno));
	while ((e = readdir(d))) {
		const char *x = strrchr(e->d_name, '.');
		char **slot = NULL;
		if (!x || strcasecmp(x, ".csv"))
			continue;
		if (strcasestr(e->d_name, "element"))
			slot = elements, ne++;
		else if (strcasestr(e->d_name, "connection"))
			slot = connections, nc++;
		if (slot && !*slot && !(*slot = cm_path_join(dir, e->d_name)))
			rc = CM_ENOMEM;
	}
	closedir(d);
	if (rc == CM_OK && ne == 1 && nc == 1)
		return CM_OK;
	free(*elements);
	free(*connections);
	*elements = *connections = NULL;
	if (rc == CM_ENOMEM)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (ne > 1 || nc > 1)
		return cm_error_set(err, CM_ENOINPUT, dir, 0, 0, "more than one Kumu %s file; keep one",
				    ne > 1 ? "elements" : "connections");
	return cm_error_set(err, CM_ENOINPUT, dir, 0, 0, "no Kumu %s file (*%s*.csv)", ne ? "connections" : "elements",
			    ne ? "connections" : "elements");
}

int cm_kumu_has_files(const char *dir)
{
	char *e, *c;
	struct cm_error err;
	int ok = find_files(dir, &e, &c, &err) == CM_OK;

	if (ok) {
		free(e);
		free(c);
	}
	return ok;
}

int cm_kumu_map(struct cm_rows *e, struct cm_rows *c, struct cm_diags *diags, int *bad)
{
	int rc = map_elements(e, diags, bad);

	return rc == CM_OK && !*bad ? map_connections(c, e, diags, bad) : rc;
}

int cm_read_kumu_csv(struct cm_read *rd)
{
	char *elements = NULL, *connections = NULL;
	size_t errors_before = rd->diags->n_errors;
	int rc, bad = 0;

	if ((rc = find_files(rd->path, &elements, &connections, rd->err)) < 0)
		return rc;
	if (cm_rows_rename(rd->orgs, elements) < 0 || cm_rows_rename(rd->ties, connections) < 0)
		rc = cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	else if ((rc = cm_rows_read_csv(rd->orgs, elements, rd->diags, rd->err)) == CM_OK)
		rc = cm_rows_read_csv(rd->ties, connections, rd->diags, rd->err);
	if (rc == CM_OK && rd->diags->n_errors == errors_before &&
	    cm_kumu_map(rd->orgs, rd->ties, rd->diags, &bad) < 0)
		rc = cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc == CM_OK && (bad || rd->diags->n_errors > errors_before))
		rc = CM_EDATA;
	free(elements);
	free(connections);
	return rc;
}
