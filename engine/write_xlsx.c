/* write_xlsx.c - the two tables of cm_landscape_export as an Excel
 * workbook (libxlsxwriter), in coalmap's layout or Kumu's (docs/convert.md):
 *   landscape: sheets "organizations" and "relationships", one column per
 *              table column under its name; numbers as numbers, dates as
 *              text YYYY-MM-DD, the header row bold and frozen
 *   kumu:      sheets "Elements" (Label, Type, Description, Tags, ID, then
 *              the other columns) and "Connections" (From, To, Type,
 *              Direction directed/mutual, then the other columns); From and
 *              To are element Labels when no two organizations share a
 *              name and no name is another organization's ID, else IDs
 * The workbook's creation date is fixed, so the same tables give the same
 * bytes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <xlsxwriter.h>

#include "internal.h"

#define XW_CREATED 946684800 /* 2000-01-01T00:00:00Z */

struct xw {
	lxw_workbook *wb;
	lxw_format *bold;
	struct cm_error *err;
	int rc;
};

/* Records the first failure of a libxlsxwriter call; 0 when all is well. */
static int xw_check(struct xw *x, lxw_error e, const char *sheet, size_t row, const char *col)
{
	if (e == LXW_NO_ERROR || x->rc)
		return x->rc;
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		x->rc = cm_error_set(x->err, CM_EDATA, NULL, 0, 0,
				     "sheet %s, row %zu, column %.60s: a text longer than Excel's 32767 characters",
				     sheet, row + 1, col);
	else if (e == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
		x->rc = cm_error_set(x->err, CM_EDATA, NULL, 0, 0,
				     "sheet %s: more rows or columns than Excel allows (1048576 rows, 16384 "
				     "columns)", sheet);
	else
		x->rc = cm_error_set(x->err, e == LXW_ERROR_MEMORY_MALLOC_FAILED ? CM_ENOMEM : CM_EOUTPUT, NULL,
				     0, 0, "cannot write the workbook: %s", lxw_strerror(e));
	return x->rc;
}

/* A column of the sheet: its header, the table column it shows, and how. */
enum xw_how { XW_CELL, XW_DIRECTION, XW_END };
struct xw_col {
	const char *header;
	int src;
	enum xw_how how;
};

struct xw_sheet {
	const char *name;
	const struct cm_table *t;
	struct xw_col *cols;
	size_t ncols;
	const char *const *end_of; /* XW_END: the text an org id shows as, by org row */
	const struct cm_strset *ids;
};

static void write_cell(struct xw *x, lxw_worksheet *ws, const struct xw_sheet *s, size_t r, size_t j)
{
	const struct cm_column *c = &s->t->cols[s->cols[j].src];
	lxw_row_t row = (lxw_row_t)(r + 1);
	lxw_col_t col = (lxw_col_t)j;
	const char *v;
	lxw_error e = LXW_NO_ERROR;

	if (c->null[r])
		return;
	if (c->kind == CM_INT)
		e = worksheet_write_number(ws, row, col, (double)c->ints[r], NULL);
	else if (c->kind == CM_REAL)
		e = worksheet_write_number(ws, row, col, c->reals[r], NULL);
	else if (!(v = c->text[r]))
		return;
	else if (s->cols[j].how == XW_DIRECTION)
		e = worksheet_write_string(ws, row, col, strcmp(v, "false") ? "directed" : "mutual", NULL);
	else if (s->cols[j].how == XW_END) {
		size_t k = cm_strmap_find(&s->ids->map, s->ids->buf, v, strlen(v));
		e = worksheet_write_string(ws, row, col, k == (size_t)-1 ? v : s->end_of[k], NULL);
	} else
		e = worksheet_write_string(ws, row, col, v, NULL);
	xw_check(x, e, s->name, r + 1, s->cols[j].header);
}

static void write_sheet(struct xw *x, const struct xw_sheet *s)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, s->name);
	size_t r, j;

	if (!ws) {
		xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, s->name, 0, "");
		return;
	}
	for (j = 0; j < s->ncols && !x->rc; j++)
		xw_check(x, worksheet_write_string(ws, 0, (lxw_col_t)j, s->cols[j].header, x->bold), s->name, 0,
			 s->cols[j].header);
	worksheet_freeze_panes(ws, 1, 0);
	for (r = 0; r < s->t->nrows && !x->rc; r++)
		for (j = 0; j < s->ncols && !x->rc; j++)
			write_cell(x, ws, s, r, j);
}

/* Adds the columns of t not yet in s (but skip), under their own names. */
static void add_rest(struct xw_sheet *s, const char *skip)
{
	size_t j, k;

	for (j = 0; j < s->t->ncols; j++) {
		int used = skip && !strcmp(s->t->cols[j].name, skip);
		for (k = 0; k < s->ncols && !used; k++)
			used = s->cols[k].src == (int)j;
		if (!used)
			s->cols[s->ncols++] = (struct xw_col){ s->t->cols[j].name, (int)j, XW_CELL };
	}
}

static void add_col(struct xw_sheet *s, const char *header, int src, enum xw_how how)
{
	if (src >= 0)
		s->cols[s->ncols++] = (struct xw_col){ header, src, how };
}

static int find_ci(const struct cm_table *t, const char *name)
{
	size_t j;

	for (j = 0; j < t->ncols; j++)
		if (!strcasecmp(t->cols[j].name, name))
			return (int)j;
	return -1;
}

/* Kumu's layout: how each sheet's columns come from the tables. */
static void plan_kumu(struct xw_sheet *el, struct xw_sheet *co, int by_label)
{
	const struct cm_table *o = el->t, *t = co->t;

	add_col(el, "Label", cm_table_find(o, cm_org_cols[CM_ORG_NAME].name), XW_CELL);
	add_col(el, "Type", cm_table_find(o, cm_org_cols[CM_ORG_TYPE].name), XW_CELL);
	add_col(el, "Description", find_ci(o, "description"), XW_CELL);
	add_col(el, "Tags", find_ci(o, "tags"), XW_CELL);
	add_col(el, "ID", CM_ORG_ID, XW_CELL);
	add_rest(el, NULL);
	add_col(co, "From", CM_TIE_SOURCE, by_label ? XW_END : XW_CELL);
	add_col(co, "To", CM_TIE_TARGET, by_label ? XW_END : XW_CELL);
	add_col(co, "Type", cm_table_find(t, cm_tie_cols[CM_TIE_TYPE].name), XW_CELL);
	add_col(co, "Direction", cm_table_find(t, cm_tie_cols[CM_TIE_DIRECTED].name), XW_DIRECTION);
	add_rest(co, "kumu_direction");
}

static void plan_plain(struct xw_sheet *s)
{
	add_rest(s, NULL);
}

/* Fills ids with the orgs' ids (row order) and tells whether their names
 * are all different and none is another org's id (then Kumu's From/To can
 * be names: Kumu's reader looks a From/To up among the ids first). */
static int names_unique(const struct cm_table *o, struct cm_strset *ids, const char **names, int *unique)
{
	struct cm_strset seen;
	int name = cm_table_find(o, cm_org_cols[CM_ORG_NAME].name);
	size_t r;
	int rc = CM_OK;

	cm_strset_init(&seen);
	for (r = 0; r < o->nrows && rc == CM_OK; r++) {
		const char *id = o->cols[CM_ORG_ID].text[r], *nm = name >= 0 ? o->cols[name].text[r] : NULL;
		names[r] = nm ? nm : id ? id : "";
		if (cm_strset_add(ids, id ? id : "", id ? strlen(id) : 0) < 0 ||
		    cm_strset_add(&seen, names[r], strlen(names[r])) < 0)
			rc = CM_ENOMEM;
	}
	*unique = rc == CM_OK && seen.n == o->nrows;
	for (r = 0; r < o->nrows && *unique; r++) {
		size_t k = cm_strmap_find(&ids->map, ids->buf, names[r], strlen(names[r]));
		*unique = k == (size_t)-1 || k == r;
	}
	cm_strset_release(&seen);
	return rc;
}

int cm_xlsx_write(const struct cm_table *orgs, const struct cm_table *ties, const char *path, int kumu,
		  struct cm_error *err)
{
	struct xw x = { NULL, NULL, err, CM_OK };
	struct xw_sheet s[2] = { { kumu ? "Elements" : "organizations", orgs, NULL, 0, NULL, NULL },
				 { kumu ? "Connections" : "relationships", ties, NULL, 0, NULL, NULL } };
	lxw_doc_properties props = { .title = "coalmap landscape", .created = XW_CREATED };
	struct cm_strset ids;
	const char **names = NULL;
	int unique = 0;
	lxw_error e;

	if (!cm_export_is_landscape(orgs, ties))
		return cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "tables are not an exported landscape");
	cm_strset_init(&ids);
	s[0].cols = calloc(orgs->ncols + 1, sizeof(*s[0].cols));
	s[1].cols = calloc(ties->ncols + 1, sizeof(*s[1].cols));
	names = calloc(orgs->nrows + 1, sizeof(*names));
	if (!s[0].cols || !s[1].cols || !names ||
	    (kumu && names_unique(orgs, &ids, names, &unique) < 0)) {
		x.rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	s[1].end_of = names;
	s[1].ids = &ids;
	if (kumu)
		plan_kumu(&s[0], &s[1], unique);
	else {
		plan_plain(&s[0]);
		plan_plain(&s[1]);
	}
	if (!(x.wb = workbook_new(path))) {
		x.rc = cm_error_set(err, CM_EOUTPUT, path, 0, 0, "cannot create the workbook");
		goto out;
	}
	workbook_set_properties(x.wb, &props);
	if (!(x.bold = workbook_add_format(x.wb)))
		xw_check(&x, LXW_ERROR_MEMORY_MALLOC_FAILED, "", 0, "");
	else
		format_set_bold(x.bold);
	write_sheet(&x, &s[0]);
	write_sheet(&x, &s[1]);
	e = workbook_close(x.wb); /* writes the file, and frees the workbook even after a failure */
	xw_check(&x, e, "", 0, "");
out:
	free(s[0].cols);
	free(s[1].cols);
	free(names);
	cm_strset_release(&ids);
	return x.rc;
}
