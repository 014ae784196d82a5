/* output.c - the writers (terminal table, CSV, JSON, Markdown, HTML) and atomic
 * output files.  Every analysis result is a struct cm_table. */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define TABLE_TEXT_MAX 32 /* characters of text shown per terminal cell */

/* Formats a numeric cell into buf; returns buf ("" when empty). */
static const char *number(const struct cm_column *c, size_t r, char *buf, size_t n, int digits)
{
	if (c->null[r])
		buf[0] = '\0';
	else if (c->kind == CM_INT)
		cm_format_int(c->ints[r], buf, n);
	else
		cm_format_g(c->reals[r], digits, buf, n);
	return buf;
}

/* ---- CSV (RFC 4180), with spreadsheet formula injection neutralised */

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
				fputs(number(c, r, buf, sizeof(buf), 12), f);
		}
		fputc('\n', f);
	}
}

int cli_write_csv_exact(const struct cm_table *t, FILE *f)
{
	write_csv(t, f, 1);
	return ferror(f) ? -1 : 0;
}

/* ---- JSON */

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
				fputs(number(c, r, buf, sizeof(buf), 12), f);
		}
		fputc('}', f);
	}
	fputs(t->nrows ? "\n]\n" : "]\n", f);
}

/* ---- Markdown and the terminal table share cell rendering */

/* Characters that could start Markdown markup: emphasis, code, links,
 * images, raw HTML, table cells, headings, strikethrough. */
static int md_special(unsigned char c)
{
	return c && strchr("|\\*_`<>[]!#~", c) != NULL;
}

void cli_md_text(const char *s, FILE *f)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			c = ' ';
		if (md_special(c))
			fputc('\\', f);
		fputc(c, f);
	}
}

/* Copies text for display: control characters become spaces, at most max
 * characters (UTF-8 aware) kept, with an ellipsis when cut.  Returns the
 * number of characters (display columns, approximately). */
static size_t display_text(const char *s, char *out, size_t outsz, size_t max, int md)
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
		if (md && md_special(c))
			out[w++] = '\\';
		out[w++] = (char)c;
	}
	out[w] = '\0';
	return chars;
}

static void write_md(const struct cm_table *t, FILE *f)
{
	size_t r, j;
	char buf[1024];

	if (t->title)
		fprintf(f, "## %s\n\n", t->title);
	for (j = 0; j < t->ncols; j++) {
		display_text(t->cols[j].name, buf, sizeof(buf), 200, 1);
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
				display_text(c->null[r] ? "" : c->text[r], buf, sizeof(buf), 200, 1);
			else
				number(c, r, buf, sizeof(buf), 6);
			fprintf(f, "| %s ", buf);
		}
		fputs("|\n", f);
	}
}

/* Display width of cell (r, j) and its text in buf.  The last column is
 * not shortened: it holds readings meant to be read whole. */
static size_t cell(const struct cm_table *t, size_t r, size_t j, char *buf, size_t n)
{
	const struct cm_column *c = &t->cols[j];
	size_t max = j + 1 == t->ncols ? n : TABLE_TEXT_MAX;

	if (c->kind == CM_TEXT)
		return display_text(c->null[r] ? "" : c->text[r], buf, n, max, 0);
	return strlen(number(c, r, buf, n, 6));
}

/* An aligned table for a terminal.  A first column named "section" is
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
		width[j] = display_text(t->cols[j].name, buf, sizeof(buf), TABLE_TEXT_MAX, 0);
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
				display_text(s, buf, sizeof(buf), 200, 0);
				fprintf(f, "\n%s\n", buf);
			}
		}
		for (j = first; j < t->ncols; j++) {
			const struct cm_column *c = &t->cols[j];
			int right = c->kind != CM_TEXT;
			size_t w = r == 0 ? display_text(c->name, buf, sizeof(buf), TABLE_TEXT_MAX, 0) :
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

/* ---- HTML */

void cli_html_text(const char *s, FILE *f)
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

void cli_html_begin(const char *title, FILE *f)
{
	fputs("<!DOCTYPE html>\n"
	      "<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
	      "<meta charset=\"utf-8\"/>\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	      "<meta name=\"generator\" content=\"coalmap " PACKAGE_VERSION "\"/>\n<title>", f);
	cli_html_text(title, f);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
}

void cli_html_end(FILE *f)
{
	fputs("</body>\n</html>\n", f);
}

void cli_html_table(const struct cm_table *t, FILE *f)
{
	int sections = t->ncols > 1 && strcmp(t->cols[0].name, "section") == 0 && t->cols[0].kind == CM_TEXT;
	size_t first = sections ? 1 : 0, r, j;
	const char *prev = NULL;
	char buf[64];

	fputs("<table>\n<thead><tr>", f);
	for (j = first; j < t->ncols; j++) {
		fputs(t->cols[j].kind == CM_TEXT ? "<th>" : "<th class=\"num\">", f);
		cli_html_text(t->cols[j].name, f);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (r = 0; r < t->nrows; r++) {
		if (sections) {
			const char *s = t->cols[0].null[r] ? "" : t->cols[0].text[r];
			if (!prev || strcmp(prev, s)) {
				fprintf(f, "<tr class=\"section\"><th colspan=\"%zu\">", t->ncols - first);
				cli_html_text(s, f);
				fputs("</th></tr>\n", f);
			}
			prev = s;
		}
		fputs("<tr>", f);
		for (j = first; j < t->ncols; j++) {
			const struct cm_column *c = &t->cols[j];
			if (c->kind == CM_TEXT) {
				fputs("<td>", f);
				cli_html_text(c->null[r] ? "" : c->text[r], f);
			} else {
				fputs("<td class=\"num\">", f); /* four digits: for readers */
				fputs(number(c, r, buf, sizeof(buf), 4), f);
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

	cli_html_begin(title, f);
	fputs("<h1>", f);
	cli_html_text(title, f);
	fputs("</h1>\n", f);
	cli_html_table(t, f);
	cli_html_end(f);
}

int cli_write_table(const struct cm_table *t, enum cli_format fmt, FILE *f)
{
	switch (fmt) {
	case FMT_TABLE:
		if (write_aligned(t, f) < 0) {
			errno = ENOMEM;
			return -1;
		}
		break;
	case FMT_CSV: write_csv(t, f, 0); break;
	case FMT_JSON: write_json(t, f); break;
	case FMT_MD: write_md(t, f); break;
	case FMT_HTML: write_html(t, f); break;
	}
	return ferror(f) ? -1 : 0;
}

/* ---- atomic output */

int cli_out_open(struct cli_out *o, const char *path, const char *const *inputs)
{
	struct stat so, si;
	char *dircopy;
	int fd;

	memset(o, 0, sizeof(*o));
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->path = path;
	if (stat(path, &so) == 0) {
		for (; inputs && *inputs; inputs++)
			if (stat(*inputs, &si) == 0 && si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
				fprintf(stderr, "%s: %s: refusing to overwrite an input file\n", cli_progname, path);
				return 73;
			}
		if (S_ISDIR(so.st_mode)) {
			fprintf(stderr, "%s: %s: is a folder\n", cli_progname, path);
			return 73;
		}
		if (!S_ISREG(so.st_mode)) {
			/* a device or pipe (/dev/null, /dev/stdout): write in place,
			 * never rename over it */
			if (!(o->f = fopen(path, "w"))) {
				fprintf(stderr, "%s: %s: cannot open: %s\n", cli_progname, path, strerror(errno));
				return 73;
			}
			o->direct = 1;
			return 0;
		}
	}
	dircopy = strdup(path);
	o->tmp = malloc(strlen(path) + 16);
	if (!dircopy || !o->tmp) {
		free(dircopy);
		free(o->tmp);
		o->tmp = NULL;
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		return 70;
	}
	sprintf(o->tmp, "%s/.coalmap-XXXXXX", dirname(dircopy));
	free(dircopy);
	fd = mkstemp(o->tmp);
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		int nomem = errno == ENOMEM;
		fprintf(stderr, "%s: %s: cannot create: %s\n", cli_progname, path, nomem ? "out of memory" : strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return nomem ? 70 : 73;
	}
	return 0;
}

void cli_out_abort(struct cli_out *o)
{
	if (o->direct)
		fclose(o->f);
	if (o->tmp) {
		fclose(o->f);
		unlink(o->tmp);
		free(o->tmp);
	}
	memset(o, 0, sizeof(*o));
}

int cli_out_commit(struct cli_out *o)
{
	int bad;
	mode_t mask;

	if (!o->tmp) {
		bad = fflush(o->f) != 0 || ferror(o->f);
		if (o->direct)
			bad |= fclose(o->f) != 0;
		if (bad && errno != EPIPE) {
			fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname,
				o->direct ? o->path : "standard output", strerror(errno));
			return 73;
		}
		return 0;
	}
	mask = umask(0);
	umask(mask);
	bad = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
	bad |= fclose(o->f) != 0;
	o->f = NULL;
	if (bad || chmod(o->tmp, 0666 & ~mask) != 0 || rename(o->tmp, o->path) != 0) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, o->path, strerror(errno));
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return 73;
	}
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

int cli_emit(const struct cm_table *t, const struct cli_common *c, const char *const *inputs)
{
	cli_progress_end();
	struct cli_out o;
	int rc = cli_out_open(&o, c->output, inputs);

	if (rc)
		return rc;
	if (cli_write_table(t, c->format, o.f) < 0) {
		if (errno == EPIPE && o.f == stdout) {
			/* the reader went away (| head): nothing more to say */
			cli_out_abort(&o);
			return 0;
		}
		int nomem = errno == ENOMEM;
		fprintf(stderr, "%s: %s: %s: %s\n", cli_progname, c->output ? c->output : "stdout",
			nomem ? "cannot write" : "write error", nomem ? "out of memory" : strerror(errno));
		cli_out_abort(&o);
		return nomem ? 70 : 73;
	}
	return cli_out_commit(&o);
}
