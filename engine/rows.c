/* rows.c - rows of strings an importer (GraphML, GML, Kumu) fills for
 * cm_landscape_load_rows, so imported data meets the CSV loader's checks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

int cm_rows_init(struct cm_rows *r, const char *file)
{
	memset(r, 0, sizeof(*r));
	r->header_line = 1;
	r->file = strdup(file);
	return r->file ? CM_OK : CM_ENOMEM;
}

void cm_rows_release(struct cm_rows *r)
{
	size_t i, j;

	for (i = 0; i < r->nrows; i++)
		free(r->rows[i].cell);
	cm_arena_free(&r->text);
	free(r->rows);
	for (j = 0; j < r->ncols; j++)
		free(r->names[j]);
	free(r->names);
	free(r->decl);
	free(r->where);
	free(r->file);
	memset(r, 0, sizeof(*r));
}

long cm_rows_find(const struct cm_rows *r, const char *name)
{
	size_t j;

	for (j = 0; j < r->ncols; j++)
		if (strcmp(r->names[j], name) == 0)
			return (long)j;
	return -1;
}

long cm_rows_column(struct cm_rows *r, const char *name, int decl, long line)
{
	long j = cm_rows_find(r, name);

	return j >= 0 ? j : cm_rows_append_column(r, name, decl, line);
}

/* Appends the column name[0..n). */
static long append_column(struct cm_rows *r, const char *name, size_t n, int decl, long line)
{
	char **names;
	int *d;
	long *w;

	names = realloc(r->names, (r->ncols + 1) * sizeof(*names));
	if (!names)
		return -1;
	r->names = names;
	d = realloc(r->decl, (r->ncols + 1) * sizeof(*d));
	if (!d)
		return -1;
	r->decl = d;
	w = realloc(r->where, (r->ncols + 1) * sizeof(*w));
	if (!w)
		return -1;
	r->where = w;
	if (!(r->names[r->ncols] = strndup(name, n)))
		return -1;
	r->decl[r->ncols] = decl;
	r->where[r->ncols] = line;
	return (long)r->ncols++;
}

long cm_rows_append_column(struct cm_rows *r, const char *name, int decl, long line)
{
	return append_column(r, name, strlen(name), decl, line);
}

int cm_rows_add_keys(struct cm_rows *orgs, struct cm_rows *ties, long line, long *dir_col)
{
	struct cm_rows *rows[2] = { [CM_ORGS_FILE] = orgs, [CM_TIES_FILE] = ties };
	size_t f, k;

	for (f = 0; f < 2; f++)
		for (k = 0; k < cm_schemas[f].nkeys; k++)
			if (cm_rows_column(rows[f], cm_schemas[f].col[k].name, CM_DECL_TEXT, line) < 0)
				return CM_ENOMEM;
	*dir_col = cm_rows_column(ties, cm_tie_cols[CM_TIE_DIRECTED].name, CM_DECL_TEXT, line);
	return *dir_col < 0 ? CM_ENOMEM : CM_OK;
}

long cm_rows_add(struct cm_rows *r, long line)
{
	if (r->nrows == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 64;
		struct cm_row *v = realloc(r->rows, cap * sizeof(*v));
		if (!v)
			return -1;
		r->rows = v;
		r->cap = cap;
	}
	memset(&r->rows[r->nrows], 0, sizeof(r->rows[r->nrows]));
	r->rows[r->nrows].line = line;
	return (long)r->nrows++;
}

int cm_rows_set(struct cm_rows *r, size_t row, size_t col, const char *s, size_t n)
{
	struct cm_row *x;
	char *v;

	if (row >= r->nrows || col >= r->ncols)
		return CM_EINTERNAL; /* a row or column that was never added */
	x = &r->rows[row];
	if (col >= x->n) { /* room for every column at once: one realloc a row */
		char **cell = realloc(x->cell, r->ncols * sizeof(*cell));
		if (!cell)
			return CM_ENOMEM;
		memset(cell + x->n, 0, (r->ncols - x->n) * sizeof(*cell));
		x->cell = cell;
		x->n = r->ncols;
	}
	if (!(v = cm_arena_copy(&r->text, s, n))) /* a replaced value stays until cm_rows_release */
		return CM_ENOMEM;
	x->cell[col] = v;
	return CM_OK;
}

const char *cm_rows_get(const struct cm_rows *r, size_t row, size_t col)
{
	const struct cm_row *x = &r->rows[row];

	return col < x->n ? x->cell[col] : NULL;
}

/* Collects a CSV file's rows: header names trimmed (cm_trim), repeated
 * ones kept for the loader to report; cells as they are. */
static int collect_row(void *ctx, const struct cm_csv_row *row)
{
	struct cm_rows *rows = ctx;
	size_t j;
	long r;

	if (row->index == 0) {
		rows->header_line = row->line;
		for (j = 0; j < row->n; j++) {
			const char *s = row->fields[j];
			size_t n = row->lens[j];
			cm_trim(&s, &n);
			if (append_column(rows, s, n, CM_DECL_ANY, row->line) < 0)
				return CM_ENOMEM;
		}
		return CM_OK;
	}
	if ((r = cm_rows_add(rows, row->line)) < 0)
		return CM_ENOMEM;
	for (j = 0; j < row->n && j < rows->ncols; j++)
		if (row->lens[j] && cm_rows_set(rows, (size_t)r, j, row->fields[j], row->lens[j]) < 0)
			return CM_ENOMEM;
	return CM_OK;
}

int cm_rows_read_csv(struct cm_rows *r, const char *path, struct cm_diags *diags, struct cm_error *err)
{
	int rc = cm_csv_read(path, r->file, collect_row, r, diags, err);

	if (rc == CM_ENOMEM)
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return rc;
}

int cm_rows_rename(struct cm_rows *r, const char *file)
{
	char *f = strdup(file);

	if (!f)
		return CM_ENOMEM;
	free(r->file);
	r->file = f;
	return CM_OK;
}
