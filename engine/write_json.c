/* write_json.c - a JSON array of objects, one per row. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "write.h"

static void json_string(const char *s, FILE *f)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void write_json(const struct cm_table *t, FILE *f)
{
	size_t r, j;
	char buf[64];

	fputs("[", f);
	for (r = 0; r < t->nrows; r++) {
		fputs(r ? ",\n  {" : "\n  {", f);
		for (j = 0; j < t->ncols; j++) {
			const struct cm_column *c = &t->cols[j];
			if (j)
				fputs(", ", f);
			json_string(c->name, f);
			fputs(": ", f);
			if (c->null[r])
				fputs("null", f);
			else if (c->kind == CM_TEXT)
				json_string(c->text[r], f);
			else
				fputs(cm_cell_number(c, r, buf, sizeof(buf), 12), f);
		}
		fputc('}', f);
	}
	fputs(t->nrows ? "\n]\n" : "]\n", f);
}

int cm_write_json_table(const struct cm_table *t, FILE *f, struct cm_error *err)
{
	write_json(t, f);
	return cm_write_status(f, err);
}
