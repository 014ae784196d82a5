/* write_text.c - an aligned table for a terminal. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "write.h"

#define TABLE_NAME_MAX 32 /* characters of a name shown per terminal cell */

/* 1 when column j holds display names, the one text a terminal table
 * shortens (with an ellipsis): ids, subjects, groups, measures are what
 * users copy into --for, path and --group-by, and the last column holds
 * readings meant to be read whole, so every other cell is printed whole. */
static int shortened(const struct cm_table *t, size_t j)
{
	const struct cm_column *c = &t->cols[j];

	return j + 1 < t->ncols && (c->metric == CM_M_NAME || !strcmp(c->name, "name"));
}

/* Display width of cell (r, j) and its text in buf. */
static size_t cell(const struct cm_table *t, size_t r, size_t j, char *buf, size_t n)
{
	const struct cm_column *c = &t->cols[j];
	size_t max = shortened(t, j) ? TABLE_NAME_MAX : n;

	if (c->kind == CM_TEXT)
		return cm_display_text(c->null[r] ? "" : c->text[r], buf, n, max, 0);
	return strlen(cm_cell_number(c, r, buf, n, 6));
}

/* An aligned table for a terminal (headings whole).  A first column named "section" is
 * printed as a heading whenever it changes instead of on every row. */
static int write_aligned(const struct cm_table *t, FILE *f)
{
	size_t *width = calloc(t->ncols + 1, sizeof(*width)), r, j, k, first;
	int sections = t->ncols > 1 && strcmp(t->cols[0].name, "section") == 0 && t->cols[0].kind == CM_TEXT;
	char buf[4096];

	if (!width)
		return -1;
	first = sections ? 1 : 0;
	for (j = first; j < t->ncols; j++)
		width[j] = cm_display_text(t->cols[j].name, buf, sizeof(buf), sizeof(buf), 0);
	for (r = 0; r < t->nrows; r++)
		for (j = first; j < t->ncols; j++) {
			size_t w = cell(t, r, j, buf, sizeof(buf));
			if (w > width[j])
				width[j] = w;
		}
	for (r = 0; r <= t->nrows; r++) {
		if (sections && r > 0) {
			const char *s = t->cols[0].null[r - 1] ? "" : t->cols[0].text[r - 1];
			const char *prev = r > 1 && !t->cols[0].null[r - 2] ? t->cols[0].text[r - 2] : NULL;
			if (!prev || strcmp(prev, s)) {
				cm_display_text(s, buf, sizeof(buf), 200, 0);
				fprintf(f, "\n%s\n", buf);
			}
		}
		for (j = first; j < t->ncols; j++) {
			const struct cm_column *c = &t->cols[j];
			int right = c->kind != CM_TEXT;
			size_t w = r == 0 ? cm_display_text(c->name, buf, sizeof(buf), sizeof(buf), 0) :
					    cell(t, r - 1, j, buf, sizeof(buf));
			fputs(j > first ? "  " : sections ? "  " : "", f);
			if (right)
				for (k = w; k < width[j]; k++)
					fputc(' ', f);
			fputs(buf, f);
			if (!right && j + 1 < t->ncols)
				for (k = w; k < width[j]; k++)
					fputc(' ', f);
		}
		fputc('\n', f);
	}
	free(width);
	return 0;
}

int cm_write_text_table(const struct cm_table *t, FILE *f, struct cm_error *err)
{
	if (write_aligned(t, f) < 0) {
		errno = ENOMEM;
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	return cm_write_status(f, err);
}
