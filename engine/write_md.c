/* write_md.c - Markdown tables and documents. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "write.h"

void cm_md_text(const char *s, FILE *f)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			c = ' ';
		if (cm_md_special(c))
			fputc('\\', f);
		fputc(c, f);
	}
}

static void write_md(const struct cm_table *t, FILE *f)
{
	size_t r, j;
	char buf[1024];

	if (t->title)
		fprintf(f, "## %s\n\n", t->title);
	for (j = 0; j < t->ncols; j++) {
		cm_display_text(t->cols[j].name, buf, sizeof(buf), 200, 1);
		fprintf(f, "| %s ", buf);
	}
	fputs("|\n", f);
	for (j = 0; j < t->ncols; j++)
		fputs(t->cols[j].kind == CM_TEXT ? "|---" : "|---:", f);
	fputs("|\n", f);
	for (r = 0; r < t->nrows; r++) {
		for (j = 0; j < t->ncols; j++) {
			const struct cm_column *c = &t->cols[j];
			if (c->kind == CM_TEXT)
				cm_display_text(c->null[r] ? "" : c->text[r], buf, sizeof(buf), 200, 1);
			else
				cm_cell_number(c, r, buf, sizeof(buf), 6);
			fprintf(f, "| %s ", buf);
		}
		fputs("|\n", f);
	}
}

int cm_write_md_table(const struct cm_table *t, FILE *f, struct cm_error *err)
{
	write_md(t, f);
	return cm_write_status(f, err);
}

static void md_line(FILE *f, const char *s)
{
	cm_md_text(s, f);
	fputs("\n\n", f);
}

/* A figure: a relative link to its file beside the document, or how to
 * draw it when it has none. */
static void md_figure(const struct cm_doc_figure *g, int id, FILE *f)
{
	static const char *const alt[CM_DOC_FIGURES] = { "Map of the landscape", "Stakeholders: influence and alignment",
							 "Lorenz curves and the degree distribution",
							 "The network's figures at the end of each year" };
	static const char *const how[CM_DOC_FIGURES] = {
		"(The map is written next to the report when the report goes to a file; 'coalmap map' draws it on its "
		"own.)",
		"(The grid is written next to the report when the report goes to a file; 'coalmap stakeholders "
		"--grid FILE' draws it on its own.)",
		"(The curves are written next to the report when the report goes to a file; 'coalmap power --chart "
		"FILE' draws them on their own.)",
		"(The trend lines are written next to the report when the report goes to a file; 'coalmap trend "
		"--at D1,D2,... --chart FILE' draws them on their own.)",
	};
	const char *base;

	if (!g->svg)
		return;
	if (!g->file) {
		md_line(f, how[id]);
	} else {
		base = strrchr(g->file, '/');
		fprintf(f, "![%s](", alt[id]);
		/* a relative link: the figure sits next to the report */
		for (base = base ? base + 1 : g->file; *base; base++)
			if (*base == ' ' || *base == '(' || *base == ')' || *base == '<' || *base == '>')
				fprintf(f, "%%%02X", (unsigned char)*base);
			else
				fputc(*base, f);
		fputs(")\n\n", f);
	}
	if (g->caption)
		md_line(f, g->caption);
}

static void write_md_doc(const struct cm_doc *r, FILE *f)
{
	size_t i;

	fputs("# ", f);
	md_line(f, r->title);
	md_line(f, r->lede);
	for (i = 0; i < r->nparts; i++) {
		const struct cm_doc_part *p = &r->parts[i];
		fputs("## ", f);
		md_line(f, p->heading);
		if (p->intro)
			md_line(f, p->intro);
		if (p->figure)
			md_figure(&r->fig[p->figure - 1], p->figure - 1, f);
		if (p->table.nrows) {
			write_md(&p->table, f);
			fputc('\n', f);
		}
		if (p->note)
			md_line(f, p->note);
	}
	fputs("---\n\n", f);
	md_line(f, r->footer);
}

int cm_write_md_doc(const struct cm_doc *d, FILE *f, struct cm_error *err)
{
	write_md_doc(d, f);
	return cm_write_status(f, err);
}
