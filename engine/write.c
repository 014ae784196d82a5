/* write.c - the writers, found by name: every analysis's table (and the
 * report's document) in every format. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "write.h"

static const struct cm_writer writers[] = {
	{ "table", cm_write_text_table, NULL },
	{ "csv", cm_write_csv_table, NULL },
	{ "json", cm_write_json_table, NULL },
	{ "md", cm_write_md_table, cm_write_md_doc },
	{ "html", cm_write_html_table, cm_write_html_doc },
};

const struct cm_writer *cm_writer_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(writers) / sizeof(*writers); i++)
		if (!strcmp(writers[i].name, name))
			return &writers[i];
	return NULL;
}

int cm_write_status(FILE *f, struct cm_error *err)
{
	int e = errno;

	if (!ferror(f))
		return CM_OK;
	cm_error_set(err, CM_EOUTPUT, NULL, 0, 0, "write error: %s", strerror(e));
	errno = e; /* for the caller: EPIPE means the reader went away */
	return CM_EOUTPUT;
}

int cm_write_table(const struct cm_writer *w, const struct cm_table *t, FILE *f, struct cm_error *err)
{
	return w->table(t, f, err);
}

int cm_write_doc(const struct cm_writer *w, const struct cm_doc *d, FILE *f, struct cm_error *err)
{
	if (!w->doc)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "%s cannot hold a document", w->name);
	return w->doc(d, f, err);
}

/* Formats a numeric cell into buf; returns buf ("" when empty). */
const char *cm_cell_number(const struct cm_column *c, size_t r, char *buf, size_t n, int digits)
{
	if (c->null[r])
		buf[0] = '\0';
	else if (c->kind == CM_INT)
		cm_format_int(c->ints[r], buf, n);
	else
		cm_format_g(c->reals[r], digits, buf, n);
	return buf;
}

/* Characters that could start Markdown markup: emphasis, code, links,
 * images, raw HTML, table cells, headings, strikethrough. */
int cm_md_special(unsigned char c)
{
	return c && strchr("|\\*_`<>[]!#~", c) != NULL;
}

/* Copies text for display: control characters become spaces, at most max
 * characters (UTF-8 aware) kept, with an ellipsis when cut.  Returns the
 * number of characters (display columns, approximately). */
size_t cm_display_text(const char *s, char *out, size_t outsz, size_t max, int md)
{
	size_t chars = 0, w = 0;

	for (; *s && w + 8 < outsz; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xC0) == 0x80) { /* continuation byte */
			out[w++] = (char)c;
			continue;
		}
		if (chars == max) {
			memcpy(out + w - 0, "\xE2\x80\xA6", 3); /* ... */
			w += 3;
			chars++;
			break;
		}
		chars++;
		if (c < 0x20 || c == 0x7f)
			c = ' ';
		if (md && cm_md_special(c))
			out[w++] = '\\';
		out[w++] = (char)c;
	}
	out[w] = '\0';
	return chars;
}
