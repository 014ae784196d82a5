/* write_html.c - self-contained HTML: a page for a table, and documents. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "write.h"

void cm_html_text(const char *s, FILE *f)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		case '\t': case '\n': case '\r': fputc(' ', f); break;
		default:
			if (c >= 0x20 && c != 0x7f)
				fputc(c, f);
		}
	}
}

/* The page's only styles: inline, as the Content-Security-Policy allows
 * nothing else. */
static const char html_style[] =
	":root{color-scheme:light;--ink:#1d2733;--muted:#5b6775;--rule:#d5dbe2;--band:#f3f5f8;--accent:#0a5f8a}\n"
	"body{font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;color:var(--ink);"
	"max-width:62rem;margin:2rem auto;padding:0 1.25rem}\n"
	"h1{font-size:1.9rem;margin:0 0 .2rem}h2{font-size:1.35rem;margin:2.2rem 0 .4rem;"
	"padding-bottom:.2rem;border-bottom:2px solid var(--accent)}\n"
	".lede{font-size:1.05rem;color:var(--muted);margin:.2rem 0 1rem}p.intro{margin:.3rem 0 .8rem}\n"
	"nav ol{columns:2;padding-left:1.2rem;margin:.5rem 0}nav a{color:var(--accent)}\n"
	"table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}\n"
	"th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--rule);"
	"unicode-bidi:isolate;overflow-wrap:break-word}\n"
	"thead th{background:var(--band);font-weight:600}td.num,th.num{text-align:right;"
	"font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tr.section th{background:#e4edf3;color:var(--accent);font-size:.95rem;padding-top:.5rem}\n"
	"figure{margin:1rem 0}figure svg{display:block;max-width:100%;height:auto;margin:0 auto}\n"
	"figcaption,.note{color:var(--muted);font-size:.85rem}\n"
	"footer{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid var(--rule);color:var(--muted);"
	"font-size:.8rem}\n"
	"@media print{@page{size:A4;margin:16mm 14mm}body{margin:0;max-width:none;font-size:10pt}"
	"nav{display:none}h2{break-after:avoid}tr,figure{break-inside:avoid}"
	"figure svg{max-height:230mm}thead{display:table-header-group}}\n";

void cm_html_begin(const char *title, FILE *f)
{
	fputs("<!DOCTYPE html>\n"
	      "<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
	      "<meta charset=\"utf-8\"/>\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	      "<meta name=\"generator\" content=\"coalmap " PACKAGE_VERSION "\"/>\n<title>", f);
	cm_html_text(title, f);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
}

void cm_html_end(FILE *f)
{
	fputs("</body>\n</html>\n", f);
}

void cm_html_table(const struct cm_table *t, FILE *f)
{
	int sections = t->ncols > 1 && strcmp(t->cols[0].name, "section") == 0 && t->cols[0].kind == CM_TEXT;
	size_t first = sections ? 1 : 0, r, j;
	const char *prev = NULL;
	char buf[64];

	fputs("<table>\n<thead><tr>", f);
	for (j = first; j < t->ncols; j++) {
		fputs(t->cols[j].kind == CM_TEXT ? "<th>" : "<th class=\"num\">", f);
		cm_html_text(t->cols[j].name, f);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (r = 0; r < t->nrows; r++) {
		if (sections) {
			const char *s = t->cols[0].null[r] ? "" : t->cols[0].text[r];
			if (!prev || strcmp(prev, s)) {
				fprintf(f, "<tr class=\"section\"><th colspan=\"%zu\">", t->ncols - first);
				cm_html_text(s, f);
				fputs("</th></tr>\n", f);
			}
			prev = s;
		}
		fputs("<tr>", f);
		for (j = first; j < t->ncols; j++) {
			const struct cm_column *c = &t->cols[j];
			if (c->kind == CM_TEXT) {
				fputs("<td>", f);
				cm_html_text(c->null[r] ? "" : c->text[r], f);
			} else {
				fputs("<td class=\"num\">", f); /* four digits: for readers */
				fputs(cm_cell_number(c, r, buf, sizeof(buf), 4), f);
			}
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

static void write_html(const struct cm_table *t, FILE *f)
{
	const char *title = t->title ? t->title : "coalmap";

	cm_html_begin(title, f);
	fputs("<h1>", f);
	cm_html_text(title, f);
	fputs("</h1>\n", f);
	cm_html_table(t, f);
	cm_html_end(f);
}

int cm_write_html_table(const struct cm_table *t, FILE *f, struct cm_error *err)
{
	write_html(t, f);
	return cm_write_status(f, err);
}

static void write_part_html(const struct cm_doc *r, const struct cm_doc_part *p, FILE *f)
{
	fprintf(f, "<section id=\"%s\">\n<h2>", p->anchor);
	cm_html_text(p->heading, f);
	fputs("</h2>\n", f);
	if (p->intro) {
		fputs("<p class=\"intro\">", f);
		cm_html_text(p->intro, f);
		fputs("</p>\n", f);
	}
	if (p->figure && r->fig[p->figure - 1].svg) {
		const struct cm_doc_figure *g = &r->fig[p->figure - 1];
		const char *svg = strstr(g->svg, "<svg");
		fputs("<figure>\n", f);
		if (svg)
			fwrite(svg, 1, g->len - (size_t)(svg - g->svg), f);
		if (g->caption) {
			fputs("<figcaption>", f);
			cm_html_text(g->caption, f);
			fputs("</figcaption>\n", f);
		}
		fputs("</figure>\n", f);
	}
	if (p->table.nrows)
		cm_html_table(&p->table, f);
	if (p->note) {
		fputs("<p class=\"note\">", f);
		cm_html_text(p->note, f);
		fputs("</p>\n", f);
	}
	fputs("</section>\n", f);
}

static void write_html_doc(const struct cm_doc *r, FILE *f)
{
	size_t i;

	cm_html_begin(r->title, f);
	fputs("<header>\n<h1>", f);
	cm_html_text(r->title, f);
	fputs("</h1>\n<p class=\"lede\">", f);
	cm_html_text(r->lede, f);
	fputs("</p>\n</header>\n<nav>\n<ol>\n", f);
	for (i = 0; i < r->nparts; i++) {
		fprintf(f, "<li><a href=\"#%s\">", r->parts[i].anchor);
		cm_html_text(r->parts[i].heading, f);
		fputs("</a></li>\n", f);
	}
	fputs("</ol>\n</nav>\n", f);
	for (i = 0; i < r->nparts; i++)
		write_part_html(r, &r->parts[i], f);
	fputs("<footer>", f);
	cm_html_text(r->footer, f);
	fputs("</footer>\n", f);
	cm_html_end(f);
}

int cm_write_html_doc(const struct cm_doc *d, FILE *f, struct cm_error *err)
{
	write_html_doc(d, f);
	return cm_write_status(f, err);
}
