/* write_csv.c - CSV (RFC 4180), with spreadsheet formula injection
 * neutralised; exact numbers for landscapes written by convert. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "write.h"

static void csv_text(const char *s, FILE *f)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	int inject = strchr("=+-@\t\r", s[0]) != NULL && s[0];

	if (!quote && !inject) {
		fputs(s, f);
		return;
	}
	if (quote)
		fputc('"', f);
	if (inject)
		fputc('\'', f);
	for (;;) { /* runs up to and including each quote, the quote then doubled */
		const char *q = strchr(s, '"');
		fwrite(s, 1, q ? (size_t)(q - s) + 1 : strlen(s), f);
		if (!q)
			break;
		fputc('"', f);
		s = q + 1;
	}
	if (quote)
		fputc('"', f);
}

/* exact: every real written so that it reads back the same (convert);
 * otherwise 12 significant digits. */
static void write_csv(const struct cm_table *t, FILE *f, int exact)
{
	size_t r, j;
	char buf[64];

	for (j = 0; j < t->ncols; j++) {
		if (j)
			fputc(',', f);
		csv_text(t->cols[j].name, f);
	}
	fputc('\n', f);
	for (r = 0; r < t->nrows; r++) {
		for (j = 0; j < t->ncols; j++) {
			const struct cm_column *c = &t->cols[j];
			if (j)
				fputc(',', f);
			if (c->kind == CM_TEXT)
				csv_text(c->null[r] ? "" : c->text[r], f);
			else if (exact && c->kind == CM_REAL && !c->null[r])
				fputs(cm_format_real(c->reals[r], buf, sizeof(buf)), f);
			else
				fputs(cm_cell_number(c, r, buf, sizeof(buf), 12), f);
		}
		fputc('\n', f);
	}
}

int cm_write_csv_table(const struct cm_table *t, FILE *f, struct cm_error *err)
{
	write_csv(t, f, 0);
	return cm_write_status(f, err);
}

int cm_write_csv_exact(const struct cm_table *t, FILE *f, struct cm_error *err)
{
	write_csv(t, f, 1);
	return cm_write_status(f, err);
}
