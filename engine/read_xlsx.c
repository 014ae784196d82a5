/* read_xlsx.c - Excel workbooks (.xlsx, also as LibreOffice and Google
 * Sheets save them) as a landscape (docs/bring-your-data.md).
 *
 * The file is a zip (libzip) of SpreadsheetML parts, each streamed from
 * the inflating entry: the sheets through libxml2's SAX2 push parser (no
 * tree: a node per cell cost half the time), the small parts through its
 * text reader; a sheet is never held whole.  The zip is hostile until read: every entry read is bounded
 * in size and compression ratio, by its header and by the bytes actually
 * inflated; a DOCTYPE or an entity reference ends the read.
 *
 * Sheets: a Kumu export (sheets Elements and Connections) is mapped as the
 * Kumu CSV export is (cm_kumu_map); otherwise the ties are the sheet whose
 * header names two ends (or --sheet), the orgs the sheet whose header has
 * an id and no ends, else the ties' ends.  Each sheet's first non-empty row
 * is its header; rows keep their spreadsheet numbers for messages, which
 * cite "book.xlsx[Sheet]". */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <zip.h>
#include <zlib.h>

#include "internal.h"

#define ENTRY_MAX ((zip_uint64_t)1 << 30)       /* bytes one entry may inflate to */
#define TOTAL_MAX ((zip_uint64_t)4 << 30)       /* bytes all entries read may inflate to */
#define RATIO_MAX 200                           /* inflated / compressed, */
#define RATIO_FROM ((zip_uint64_t)1 << 20)      /* on entries over 1 MiB */
#define ENTRIES_MAX 100000
#define SHEETS_MAX 4096
#define COLS_MAX 16384                          /* Excel's: A..XFD */
#define ROWS_MAX 1048576L                       /* Excel's */

enum { F_DATE = 1, F_TIME = 2 }; /* what a number format shows */

struct sheet {
	char *name, *rid, *part;
};

struct book {
	struct cm_read *rd;
	const char *path;
	zip_t *za;
	zip_uint64_t inflated;   /* by every entry read so far */
	int date1904;
	struct sheet *sheets;
	size_t nsheets, capsheets;
	char *strings_part, *styles_part;
	struct cm_strpool pool;  /* the shared strings' text */
	size_t *strings;         /* shared string i: its offset in pool */
	size_t nstrings, capstrings;
	unsigned char *xf;       /* F_* per cell style (cellXfs index) */
	size_t nxf;
	struct cm_diags *probe;  /* while probing headers: their problems */
	int nomem, bad, probe_bad;
};

/* One part being streamed. */
struct part {
	struct book *b;
	char *file;              /* "book.xlsx[part]" for messages */
	zip_file_t *zf;
	zip_uint64_t comp, size, got;
	const char *limit;       /* the bound crossed, or NULL */
	int zip_failed;
	int xml_nomem;           /* libxml2 ran out of memory */
	xmlTextReaderPtr r;
	struct cm_xml_err xml;
};

struct text {
	char *s;
	size_t n, cap;
};

static void problem(struct book *b, enum cm_severity sev, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Reports a problem, or while probing headers keeps it in b->probe. */
static void problem(struct book *b, enum cm_severity sev, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	int s;

	va_start(ap, fmt);
	s = cm_diags_vdata(b->probe ? b->probe : b->rd->diags, b->rd->opts, sev, file, line, fmt, ap);
	va_end(ap);
	if (s < 0)
		b->nomem = 1;
	else if (s == CM_ERROR)
		*(b->probe ? &b->probe_bad : &b->bad) = 1;
}

static int text_add(struct text *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		char *v;
		while (cap < t->n + n + 1)
			cap *= 2;
		if (!(v = realloc(t->s, cap)))
			return CM_ENOMEM;
		t->s = v;
		t->cap = cap;
	}
	memcpy(t->s + t->n, s, n);
	t->n += n;
	t->s[t->n] = '\0';
	return CM_OK;
}

static char *concat(const char *a, const char *b, const char *c)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = malloc(na + nb + strlen(c) + 1);

	if (s) {
		memcpy(s, a, na);
		memcpy(s + na, b, nb);
		strcpy(s + na + nb, c);
	}
	return s;
}

/* "book.xlsx[inner]", as messages cite a part or a sheet. */
static char *cite(const char *path, const char *inner)
{
	char *s = malloc(strlen(path) + strlen(inner) + 3);

	if (s)
		sprintf(s, "%s[%s]", path, inner);
	return s;
}

/* ---------------------------------------------------------------- */
/* telling the format                                                 */

static const char cfb_magic[8] = { '\xD0', '\xCF', '\x11', '\xE0', '\xA1', '\xB1', '\x1A', '\xE1' };

int cm_sniff_xlsx(const struct cm_peek *p)
{
	int ext = !strcasecmp(p->ext, "xlsx") || !strcasecmp(p->ext, "xlsm");
	zip_t *za;

	if (p->is_dir)
		return CM_NOT_MINE;
	/* an old .xls or an encrypted .xlsx: the reader says which */
	if (p->n >= 8 && !memcmp(p->head, cfb_magic, 8))
		return CM_BY_CONTENT;
	if (p->n < 4 || memcmp(p->head, "PK\x03\x04", 4))
		return ext || !strcasecmp(p->ext, "xls") ? CM_BY_NAME : CM_NOT_MINE;
	if (ext)
		return CM_BY_CONTENT;
	/* another zip (.docx, .ods, ...): a workbook only if it holds one */
	if (!(za = zip_open(p->path, ZIP_RDONLY, NULL)))
		return CM_NOT_MINE;
	ext = zip_name_locate(za, "xl/workbook.xml", 0) >= 0;
	zip_discard(za);
	return ext ? CM_BY_CONTENT : CM_NOT_MINE;
}

/* ---------------------------------------------------------------- */
/* the zip                                                            */

/* Whether the file starts with the n bytes of magic. */
static int starts_with(const char *path, const char *magic, size_t n)
{
	char head[8] = { 0 };
	FILE *f = fopen(path, "rb");
	int yes = f && fread(head, 1, n, f) == n && !memcmp(head, magic, n);

	if (f)
		fclose(f);
	return yes;
}

/* libzip says "not a zip" also when an allocation failed while it looked
 * for the central directory: a file that starts as a zip gets a second
 * try, and a second "not a zip" is believed. */
static zip_t *zip_open_twice(const char *path, int *code)
{
	zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, code);

	if (!za && *code == ZIP_ER_NOZIP && starts_with(path, "PK\x03\x04", 4))
		za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, code);
	return za;
}

static int book_open(struct book *b)
{
	zip_error_t ze;
	int code = 0;

	errno = 0;
	if ((b->za = zip_open_twice(b->path, &code)))
		return zip_get_num_entries(b->za, 0) > ENTRIES_MAX
			       ? (problem(b, CM_ERROR, b->path, 0, "more than %d files inside the workbook; "
								  "refused", ENTRIES_MAX), CM_EDATA)
			       : CM_OK;
	if (code == ZIP_ER_MEMORY || (code == ZIP_ER_OPEN && errno == ENOMEM)) /* fopen's */
		return CM_ENOMEM;
	if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT)
		return CM_ENOINPUT;
	zip_error_init_with_code(&ze, code);
	if (code == ZIP_ER_NOZIP && starts_with(b->path, cfb_magic, 8))
		problem(b, CM_ERROR, b->path, 0,
			"an old .xls workbook, or a workbook protected by a password: save it as .xlsx "
			"without a password");
	else if (code == ZIP_ER_NOZIP)
		problem(b, CM_ERROR, b->path, 0, "not an Excel workbook: not a zip file (an .xlsx is one)");
	else
		problem(b, CM_ERROR, b->path, 0, "a damaged workbook: %s; open it in Excel or LibreOffice "
			"and save it again", zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return CM_EDATA;
}

/* libxml2 reads the entry through this, and it counts what inflates. */
static int part_read(void *ctx, char *buf, int len)
{
	struct part *p = ctx;
	zip_int64_t n = zip_fread(p->zf, buf, (zip_uint64_t)len);

	if (n < 0) {
		p->zip_failed = 1;
		return -1;
	}
	p->got += (zip_uint64_t)n;
	p->b->inflated += (zip_uint64_t)n;
	if (p->got > p->size)
		p->limit = "it inflates to more than its header says";
	else if (p->got > ENTRY_MAX)
		p->limit = "it inflates to more than 1 GiB";
	else if (p->b->inflated > TOTAL_MAX)
		p->limit = "the parts read inflate to more than 4 GiB";
	else if (p->got > RATIO_FROM && p->got / (p->comp ? p->comp : 1) > RATIO_MAX)
		p->limit = "it inflates more than 200 times";
	return p->limit ? -1 : (int)n;
}

static void part_close(struct part *p)
{
	if (p->r)
		xmlFreeTextReader(p->r);
	if (p->zf)
		zip_fclose(p->zf);
	free(p->file);
	memset(p, 0, sizeof(*p));
}

/* Whether libzip failed for want of memory (its own, or zlib's). */
static int zip_nomem(zip_error_t *e)
{
	int code = e ? zip_error_code_zip(e) : 0;

	return code == ZIP_ER_MEMORY || (code == ZIP_ER_ZLIB && zip_error_code_system(e) == Z_MEM_ERROR);
}

static int entry_open(struct book *b, struct part *p, const char *name)
{
	zip_stat_t st;
	zip_int64_t i;

	memset(p, 0, sizeof(*p));
	p->b = b;
	xmlResetLastError();
	zip_error_clear(b->za);
	if (!(p->file = cite(b->path, name)))
		return CM_ENOMEM;
	if ((i = zip_name_locate(b->za, name, 0)) < 0)
		return zip_nomem(zip_get_error(b->za)) ? CM_ENOMEM : 1;
	zip_stat_init(&st);
	if (zip_stat_index(b->za, (zip_uint64_t)i, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    !(st.valid & ZIP_STAT_COMP_SIZE)) {
		if (zip_nomem(zip_get_error(b->za)))
			return CM_ENOMEM;
		problem(b, CM_ERROR, p->file, 0, "a damaged workbook: %s", zip_strerror(b->za));
		return CM_EDATA;
	}
	p->size = st.size;
	p->comp = st.comp_size;
	if (p->size > ENTRY_MAX || (p->size > RATIO_FROM && p->size / (p->comp ? p->comp : 1) > RATIO_MAX) ||
	    b->inflated + p->size > TOTAL_MAX) {
		problem(b, CM_ERROR, p->file, 0, "refused: it would inflate to %llu bytes from %llu (a zip bomb?)",
			(unsigned long long)p->size, (unsigned long long)p->comp);
		return CM_EDATA;
	}
	if (!(p->zf = zip_fopen_index(b->za, (zip_uint64_t)i, 0))) {
		if (zip_nomem(zip_get_error(b->za)))
			return CM_ENOMEM;
		problem(b, CM_ERROR, p->file, 0, "cannot read: %s", zip_strerror(b->za));
		return CM_EDATA;
	}
	return CM_OK;
}

/* Opens part name's zip entry (read through part_read).  CM_OK; 1 when
 * the zip has no such entry; CM_EDATA after a problem; CM_ENOMEM (and
 * b->nomem set). */
static int part_entry(struct book *b, struct part *p, const char *name)
{
	int rc = entry_open(b, p, name);

	if (rc == CM_ENOMEM)
		b->nomem = 1;
	return rc;
}

/* libxml2's errors: the first kept for the message; running out of
 * memory noted. */
static void part_on_error(void *ctx, xmlErrorPtr e)
{
	struct part *p = ctx;

	if (e && e->code == XML_ERR_NO_MEMORY)
		p->xml_nomem = 1;
	cm_xml_on_error(&p->xml, e);
}

/* Reports why reading part p stopped: a bound crossed, the zip, the XML;
 * or sets b->nomem.  libxml2 reports its parse errors, so a failure it
 * reported nothing about is one of memory (an allocation it let fail). */
static void part_failed(struct part *p)
{
	xmlErrorPtr last = xmlGetLastError();

	if (p->limit)
		problem(p->b, CM_ERROR, p->file, 0, "refused: %s (a zip bomb?)", p->limit);
	else if (p->zip_failed && zip_nomem(zip_file_get_error(p->zf)))
		p->b->nomem = 1;
	else if (p->zip_failed)
		problem(p->b, CM_ERROR, p->file, 0, "a damaged workbook: %s", zip_file_strerror(p->zf));
	else if (p->xml_nomem || (last && last->code == XML_ERR_NO_MEMORY) || !p->xml.failed)
		p->b->nomem = 1;
	else
		problem(p->b, CM_ERROR, p->file, p->xml.line, "malformed XML: %s", p->xml.msg);
}

/* Opens part name for streaming through the text reader; as part_entry. */
static int part_open(struct book *b, struct part *p, const char *name)
{
	int rc = part_entry(b, p, name);

	if (rc != CM_OK)
		return rc;
	cm_xml_quiet();
	/* no URL: libxml2 2.9 leaks the input when copying it fails (our
	 * messages name the part themselves) */
	p->r = xmlReaderForIO(part_read, NULL, p, NULL, NULL,
			      XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
	if (!p->r && (p->limit || p->zip_failed)) {
		part_failed(p);
		return p->b->nomem ? CM_ENOMEM : CM_EDATA;
	}
	if (!p->r)
		return CM_ENOMEM;
	xmlTextReaderSetStructuredErrorHandler(p->r, part_on_error, p);
	return CM_OK;
}

/* The next node's type; 0 at the end; -1 after a problem, reported. */
static int part_next(struct part *p)
{
	int ret = xmlTextReaderRead(p->r), type;
	const char *why;
	long line;

	if (ret == 0)
		return 0;
	if (ret < 0 || p->limit || p->zip_failed || p->xml_nomem) {
		part_failed(p);
		return -1;
	}
	type = xmlTextReaderNodeType(p->r);
	line = xmlTextReaderGetParserLineNumber(p->r);
	if ((why = cm_xml_refused(NULL, type, &line))) { /* the part is no file to look in */
		problem(p->b, CM_ERROR, p->file, line, "%s", why);
		return -1;
	}
	return type;
}

static const char *local_name(struct part *p)
{
	const char *n = (const char *)xmlTextReaderConstLocalName(p->r);

	return n ? n : "";
}

/* A copy of the current element's attribute whose local name is name,
 * or NULL; sets b->nomem.  With ns, one in a namespace (r:id) is
 * preferred to one in none (id): libxml2 may drop a namespace it has no
 * memory for, without a word. */
static char *attr(struct part *p, const char *name, int ns)
{
	int found = 0;
	char *v = NULL;

	while (!found && !p->b->nomem && xmlTextReaderMoveToNextAttribute(p->r) == 1)
		if (!strcmp(local_name(p), name)) {
			const xmlChar *s = xmlTextReaderConstValue(p->r);
			found = !ns || xmlTextReaderConstNamespaceUri(p->r);
			if (found || !v) {
				free(v);
				if (!(v = strdup(s ? (const char *)s : "")))
					p->b->nomem = 1;
			}
		}
	xmlTextReaderMoveToElement(p->r);
	return v;
}

static int is_text(int type)
{
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE ||
	       type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* ---------------------------------------------------------------- */
/* the workbook, its relationships, strings and styles                 */

static int add_sheet(struct book *b, struct part *p)
{
	struct sheet *s;

	if (b->nsheets == SHEETS_MAX) {
		problem(b, CM_ERROR, p->file, 0, "more than %d sheets", SHEETS_MAX);
		return -1;
	}
	if (cm_grow(&b->sheets, &b->capsheets, b->nsheets + 1, sizeof(*b->sheets)) < 0) {
		b->nomem = 1;
		return -1;
	}
	s = &b->sheets[b->nsheets++];
	s->part = NULL;
	s->name = attr(p, "name", 0);
	s->rid = attr(p, "id", 1);
	if (!b->nomem && (!s->name || !s->rid))
		problem(b, CM_ERROR, p->file, xmlTextReaderGetParserLineNumber(p->r), "a <sheet> without a %s",
			s->name ? "relationship id" : "name");
	return b->nomem || b->bad ? -1 : 0;
}

static void read_workbook(struct book *b)
{
	struct part p;
	int type, rc = part_open(b, &p, "xl/workbook.xml");

	if (rc == 1) {
		zip_int64_t bin = zip_name_locate(b->za, "xl/workbook.bin", 0);
		problem(b, CM_ERROR, b->path, 0, bin >= 0 ? "a binary workbook (.xlsb): save it as .xlsx"
							  : "not an Excel workbook: the zip holds no xl/workbook.xml");
	}
	if (rc == CM_ENOMEM)
		b->nomem = 1;
	while (rc == CM_OK && (type = part_next(&p)) > 0 && !b->nomem && !b->bad) {
		const char *name = local_name(&p);
		char *v;
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (!strcmp(name, "sheet"))
			add_sheet(b, &p);
		else if (!strcmp(name, "workbookPr") && (v = attr(&p, "date1904", 0))) {
			b->date1904 = !strcmp(v, "1") || !strcasecmp(v, "true");
			free(v);
		}
	}
	part_close(&p);
	if (!b->bad && !b->nomem && !b->nsheets)
		problem(b, CM_ERROR, b->path, 0, "the workbook has no sheets");
}

/* A relationship's target as a zip entry name: relative to xl/, or
 * absolute from the zip's root. */
static char *target_part(const char *t)
{
	return t[0] == '/' ? strdup(t + 1) : concat("xl/", t, "");
}

static int sheet_rid_cmp(const void *x, const void *y)
{
	const struct sheet *a = *(const struct sheet *const *)x, *b = *(const struct sheet *const *)y;
	int c = strcmp(a->rid, b->rid);

	return c ? c : (a > b) - (a < b);
}

static int rid_cmp(const void *key, const void *x)
{
	return strcmp(key, (*(const struct sheet *const *)x)->rid);
}

/* byrid: the sheets sorted by relationship id (n of them). */
static void on_relationship(struct book *b, struct part *p, struct sheet **byrid, size_t n)
{
	char *id = attr(p, "Id", 0), *type = attr(p, "Type", 0), *target = attr(p, "Target", 0);
	size_t len = type ? strlen(type) : 0;
	struct sheet **hit;

	if (id && type && target) {
		char **slot = NULL;
		if (len >= 14 && !strcmp(type + len - 14, "/sharedStrings"))
			slot = &b->strings_part;
		else if (len >= 7 && !strcmp(type + len - 7, "/styles"))
			slot = &b->styles_part;
		if (slot && !*slot && !(*slot = target_part(target)))
			b->nomem = 1;
		/* every sheet of that id (a workbook may repeat one) */
		if ((hit = bsearch(id, byrid, n, sizeof(*byrid), rid_cmp))) {
			while (hit > byrid && !strcmp(hit[-1]->rid, id))
				hit--;
			for (; hit < byrid + n && !strcmp((*hit)->rid, id); hit++)
				if (!(*hit)->part && !((*hit)->part = target_part(target)))
					b->nomem = 1;
		}
	}
	free(id);
	free(type);
	free(target);
}

static void read_rels(struct book *b)
{
	struct part p;
	struct sheet **byrid = malloc(b->nsheets * sizeof(*byrid));
	int type, rc = byrid ? part_open(b, &p, "xl/_rels/workbook.xml.rels") : CM_ENOMEM;
	size_t i;

	for (i = 0; byrid && i < b->nsheets; i++)
		byrid[i] = &b->sheets[i];
	if (byrid)
		qsort(byrid, b->nsheets, sizeof(*byrid), sheet_rid_cmp);
	if (rc == CM_ENOMEM)
		b->nomem = 1;
	while (rc == CM_OK && (type = part_next(&p)) > 0 && !b->nomem)
		if (type == XML_READER_TYPE_ELEMENT && !strcmp(local_name(&p), "Relationship"))
			on_relationship(b, &p, byrid, b->nsheets);
	if (byrid)
		part_close(&p);
	free(byrid);
	if (!b->strings_part && !b->nomem && !(b->strings_part = strdup("xl/sharedStrings.xml")))
		b->nomem = 1;
	if (!b->styles_part && !b->nomem && !(b->styles_part = strdup("xl/styles.xml")))
		b->nomem = 1;
	for (i = 0; i < b->nsheets && !b->nomem && !b->bad; i++)
		if (!b->sheets[i].part)
			problem(b, CM_ERROR, b->path, 0, "sheet '%s' has no part in xl/_rels/workbook.xml.rels",
				b->sheets[i].name);
}

static int push_string(struct book *b, const struct text *t)
{
	if (cm_grow(&b->strings, &b->capstrings, b->nstrings + 1, sizeof(*b->strings)) < 0 ||
	    cm_strpool_add(&b->pool, t->s, t->n, &b->strings[b->nstrings]) < 0)
		return CM_ENOMEM;
	b->nstrings++;
	return CM_OK;
}

/* <sst><si><t>text</t></si><si><r><t>rich</t></r><r><t> text</t></r></si>;
 * phonetic runs (<rPh>) are not the text. */
static void read_strings(struct book *b)
{
	struct part p;
	struct text t = { NULL, 0, 0 };
	int type, in_t = 0, in_rph = 0, rc = part_open(b, &p, b->strings_part);

	if (rc == CM_ENOMEM)
		b->nomem = 1;
	while (rc == CM_OK && !b->nomem && (type = part_next(&p)) > 0) {
		const char *name = local_name(&p);
		if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(p.r);
			if (!strcmp(name, "si")) {
				t.n = 0;
				if (empty && push_string(b, &t) < 0)
					b->nomem = 1;
			} else if (!strcmp(name, "t") && !empty) {
				in_t = 1;
			} else if (!strcmp(name, "rPh") && !empty) {
				in_rph = 1;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (!strcmp(name, "si") && push_string(b, &t) < 0)
				b->nomem = 1;
			else if (!strcmp(name, "t"))
				in_t = 0;
			else if (!strcmp(name, "rPh"))
				in_rph = 0;
		} else if (in_t && !in_rph && is_text(type)) {
			const char *v = (const char *)xmlTextReaderConstValue(p.r);
			if (v && text_add(&t, v, strlen(v)) < 0)
				b->nomem = 1;
		}
	}
	part_close(&p);
	free(t.s);
}

/* What a number format code shows: y, d (and m without h or s) a date;
 * h, s a time.  Quoted text, [brackets] and escaped characters are not
 * the format's letters. */
static int format_kind(const char *code)
{
	int date = 0, time = 0, month = 0;
	const char *s;

	for (s = code; *s; s++) {
		char c = (char)(*s | 0x20);
		if (*s == '"') {
			while (s[1] && s[1] != '"')
				s++;
			s += !!s[1];
		} else if (*s == '[') {
			while (s[1] && s[1] != ']')
				s++;
		} else if ((*s == '\\' || *s == '_' || *s == '*') && s[1]) {
			s++;
		} else if (c == 'y' || c == 'd') {
			date = 1;
		} else if (c == 'h' || c == 's') {
			time = 1;
		} else if (c == 'm') {
			month = 1;
		}
	}
	if (month && !time)
		date = 1;
	return (date ? F_DATE : 0) | (time ? F_TIME : 0);
}

/* Excel's built-in formats: 14-17 dates, 18-21 times, 22 both, 45-47
 * times; 27-36 and 50-58 the East Asian dates. */
static int builtin_kind(long id)
{
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return F_DATE;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return F_TIME;
	return id == 22 ? F_DATE | F_TIME : 0;
}

/* What styles.xml declares: its number formats (<numFmt>) and, per cell
 * style (<cellXfs><xf>), the id of its format. */
struct styles {
	struct numfmt {
		long id, seq;
		int kind;
	} *fmts;
	size_t nfmts, capfmts;
	long *xf;
	size_t nxf, capxf;
};

static void on_numfmt(struct book *b, struct part *p, struct styles *st)
{
	char *id = attr(p, "numFmtId", 0), *code = attr(p, "formatCode", 0);

	if (id && code && cm_grow(&st->fmts, &st->capfmts, st->nfmts + 1, sizeof(*st->fmts)) == CM_OK) {
		struct numfmt *f = &st->fmts[st->nfmts];
		f->id = strtol(id, NULL, 10);
		f->seq = (long)st->nfmts++;
		f->kind = format_kind(code);
	} else if (id && code) {
		b->nomem = 1;
	}
	free(id);
	free(code);
}

static void on_xf(struct book *b, struct part *p, struct styles *st)
{
	char *id = attr(p, "numFmtId", 0);

	if (cm_grow(&st->xf, &st->capxf, st->nxf + 1, sizeof(*st->xf)) < 0)
		b->nomem = 1;
	else
		st->xf[st->nxf++] = id ? strtol(id, NULL, 10) : 0;
	free(id);
}

/* By id, then by order: a format declared twice is its last. */
static int numfmt_cmp(const void *x, const void *y)
{
	const struct numfmt *a = x, *b = y;

	return a->id != b->id ? (a->id > b->id) - (a->id < b->id) : (a->seq > b->seq) - (a->seq < b->seq);
}

static int numfmt_id_cmp(const void *key, const void *x)
{
	long id = *(const long *)key, k = ((const struct numfmt *)x)->id;

	return (id > k) - (id < k);
}

/* b->xf: what each cell style shows, from its format (declared, else
 * built in). */
static void resolve_styles(struct book *b, struct styles *st)
{
	size_t i, n = 0;

	if (st->nfmts)
		qsort(st->fmts, st->nfmts, sizeof(*st->fmts), numfmt_cmp);
	for (i = 0; i < st->nfmts; i++) /* keep each id's last */
		if (i + 1 == st->nfmts || st->fmts[i + 1].id != st->fmts[i].id)
			st->fmts[n++] = st->fmts[i];
	if (st->nxf && !(b->xf = malloc(st->nxf))) {
		b->nomem = 1;
		return;
	}
	for (i = 0; i < st->nxf; i++) {
		const struct numfmt *f = n ? bsearch(&st->xf[i], st->fmts, n, sizeof(*f), numfmt_id_cmp) : NULL;
		b->xf[i] = (unsigned char)(f ? f->kind : builtin_kind(st->xf[i]));
	}
	b->nxf = st->nxf;
}

/* The cell styles (<cellXfs><xf numFmtId=...>) that show dates or times. */
static void read_styles(struct book *b)
{
	struct part p;
	struct styles st;
	int type, in_xfs = 0, rc = part_open(b, &p, b->styles_part);

	memset(&st, 0, sizeof(st));
	if (rc == CM_ENOMEM)
		b->nomem = 1;
	while (rc == CM_OK && !b->nomem && (type = part_next(&p)) > 0) {
		const char *name = local_name(&p);
		if (type == XML_READER_TYPE_ELEMENT) {
			if (!strcmp(name, "numFmt"))
				on_numfmt(b, &p, &st);
			else if (!strcmp(name, "cellXfs"))
				in_xfs = !xmlTextReaderIsEmptyElement(p.r);
			else if (!strcmp(name, "xf") && in_xfs)
				on_xf(b, &p, &st);
		} else if (type == XML_READER_TYPE_END_ELEMENT && !strcmp(name, "cellXfs")) {
			in_xfs = 0;
		}
	}
	part_close(&p);
	if (!b->nomem)
		resolve_styles(b, &st);
	free(st.fmts);
	free(st.xf);
}

/* ---------------------------------------------------------------- */
/* cell values                                                        */

/* A date serial as text: YYYY-MM-DD, with HH:MM:SS when the format shows
 * a time of day; a time alone when the format shows no date (or the serial
 * is under a day).  Day 60 of the 1900 system is Excel's 1900-02-29. */
static void serial_text(double v, int kind, int date1904, char *buf, size_t n)
{
	long days = (long)floor(v), secs = lround((v - floor(v)) * 86400.0);

	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if ((kind & F_TIME) && (!(kind & F_DATE) || days == 0)) {
		snprintf(buf, n, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
		return;
	}
	if (!date1904 && days == 60) {
		snprintf(buf, n, "1900-02-29");
	} else {
		/* days since 1970-01-01 */
		cm_date_format(date1904 ? days - 24107 : days < 60 ? days - 25568 : days - 25569, buf, n);
	}
	if ((kind & F_TIME) && secs)
		snprintf(buf + strlen(buf), n - strlen(buf), " %02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60,
			 secs % 60);
}

/* 1 when v is a decimal as cm_format_real writes it: digits without
 * leading zeros, a fraction without trailing zeros, at most 15 significant
 * digits, no exponent ("12", "-0.25", "0.001"). */
static int is_shortest(const char *v)
{
	const char *s = v + (*v == '-'), *dot;
	size_t lead, digits;

	lead = strspn(s, "0123456789");
	if (!lead || (lead > 1 && *s == '0'))
		return 0;
	if (!s[lead])
		return lead <= 15;
	if (s[lead] != '.')
		return 0;
	dot = s + lead + 1;
	digits = strspn(dot, "0123456789");
	if (!digits || dot[digits] || dot[digits - 1] == '0')
		return 0;
	if (*s != '0')
		return lead + digits <= 15;
	lead = strspn(dot, "0"); /* 0.000ddd: %g writes at most 4 zeros */
	return lead <= 3 && digits - lead <= 15;
}

/* A number cell's text: integers as they are, other numbers as the
 * shortest decimal that reads back the same, dates as dates; NULL when v
 * is not a plain decimal. */
static const char *number_text(const struct book *b, const char *v, long style, char *buf, size_t n)
{
	double x;
	const char *hint;
	int kind = style >= 0 && (size_t)style < b->nxf ? b->xf[style] : 0;

	if (!kind && is_shortest(v))
		return v;
	if (cm_parse_number(v, &x, &hint) < 0) /* a plain decimal, as Excel writes */
		return NULL;
	if (kind && x >= 0 && x < 2958466) /* up to 9999-12-31 */
		serial_text(x, kind, b->date1904, buf, n);
	else
		cm_format_real(x, buf, n);
	return buf;
}

/* ---------------------------------------------------------------- */
/* sheets                                                             */

struct sheet_read {
	struct book *b;
	struct part p;
	struct cm_rows *rows;
	int header_only;       /* stop once the header is read */
	long row, col;         /* current cell, both from 1 */
	long header_row;       /* 0 until found */
	long *map;             /* column -> rows column, -1 = none */
	size_t nmap;
	long cur;              /* rows index of the current row, or -1 */
	xmlParserCtxtPtr ctxt; /* the sheet's SAX parser */
	int done;              /* the parse is over: stop it */
	const char *refused;   /* why the part was refused (a DOCTYPE) */
	long refused_line;
	/* the current cell */
	char ref[16], type[12];
	long style;
	int has_f, in_v, in_is, in_t, in_rph;
	struct text text;
	/* for the warnings at the sheet's end */
	long headless_col, headless_row, nof_row;
	char nof_ref[16];
	size_t nof;
};

static void col_name(long col, char *buf)
{
	char tmp[8];
	int n = 0;

	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	while (n)
		*buf++ = tmp[--n];
	*buf = '\0';
}

/* The column of a reference such as "BC12" (from 1), or -1. */
static long ref_col(const char *ref)
{
	long col = 0;
	int n = 0;

	for (; *ref >= 'A' && *ref <= 'Z' && n < 4; ref++, n++)
		col = col * 26 + (*ref - 'A' + 1);
	return n && n < 4 && col <= COLS_MAX ? col : -1;
}

/* The header's cells become the rows' columns, their names trimmed as
 * the CSV reader trims them; an empty or blank header cell names none. */
static int header_cell(struct sheet_read *s, const char *v)
{
	size_t n = strlen(v);
	char *name;
	long *m, k;

	cm_trim(&v, &n);
	if (!n)
		return CM_OK;
	if ((size_t)s->col > s->nmap) {
		if (!(m = realloc(s->map, (size_t)s->col * sizeof(*m))))
			return CM_ENOMEM;
		while (s->nmap < (size_t)s->col)
			m[s->nmap++] = -1;
		s->map = m;
	}
	s->header_row = s->row;
	s->rows->header_line = s->row;
	if (!(name = strndup(v, n)))
		return CM_ENOMEM;
	k = cm_rows_append_column(s->rows, name, CM_DECL_ANY, s->row);
	free(name);
	if (k < 0)
		return CM_ENOMEM;
	s->map[s->col - 1] = k;
	return CM_OK;
}

static int data_cell(struct sheet_read *s, long k, const char *v)
{
	if (k < 0) {
		if (!s->headless_col) {
			s->headless_col = s->col;
			s->headless_row = s->row;
		}
		return CM_OK;
	}
	if (s->cur < 0 && (s->cur = cm_rows_add(s->rows, s->row)) < 0)
		return CM_ENOMEM;
	return cm_rows_set(s->rows, (size_t)s->cur, (size_t)k, v, strlen(v));
}

/* The value of the cell just read, or NULL when it has none (or a bad
 * one: reported, but not while probing a header). */
static const char *cell_value(struct sheet_read *s, char *buf, size_t n)
{
	struct book *b = s->b;
	const char *v = s->text.n ? s->text.s : "", *t = s->type;
	const char *file = s->rows->file;

	if (!*t || !strcmp(t, "n")) {
		const char *x;
		if (!*v)
			return NULL;
		if (!(x = number_text(b, v, s->style, buf, n)) && !s->header_only)
			problem(b, CM_ERROR, file, s->row, "cell %s: '%.40s' is not a number", s->ref, v);
		return x;
	}
	if (!strcmp(t, "s")) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		if (*v && !*end && i < b->nstrings)
			return cm_strpool_get(&b->pool, b->strings[i]);
		if (!s->header_only)
			problem(b, CM_ERROR, file, s->row, "cell %s names shared string '%.40s', which the "
				"workbook does not hold", s->ref, v);
		return NULL;
	}
	if (!strcmp(t, "b"))
		return !strcmp(v, "1") ? "true" : !strcmp(v, "0") ? "false" : v;
	if (!strcmp(t, "e")) {
		if (!s->header_only)
			problem(b, CM_ERROR, file, s->row, "cell %s holds the error %.40s", s->ref, v);
		return NULL;
	}
	return v; /* inlineStr, str (a formula's text), d (an ISO date) */
}

static int end_cell(struct sheet_read *s)
{
	char buf[64];
	const char *v;
	long k = (size_t)s->col <= s->nmap ? s->map[s->col - 1] : -1;

	if (s->has_f && !s->text.n && (s->header_row == 0 || k >= 0) && !s->nof++) {
		memcpy(s->nof_ref, s->ref, sizeof(s->ref));
		s->nof_row = s->row;
	}
	/* a cell in no column matters only for the warning */
	if (s->header_row && s->row > s->header_row && k < 0)
		v = s->text.n ? "" : NULL;
	else
		v = cell_value(s, buf, sizeof(buf));
	s->text.n = 0;
	if (!v || (!*v && k >= 0))
		return CM_OK;
	if (!s->header_row || s->row == s->header_row)
		return *v ? header_cell(s, v) : CM_OK;
	return data_cell(s, k, v);
}

/* Copies the n bytes at v into buf (size bytes), cut short if need be. */
static void copy(char *buf, size_t size, const xmlChar *v, size_t n)
{
	n = n < size ? n : size - 1;
	memcpy(buf, v, n);
	buf[n] = '\0';
}

/* SAX2's attributes: localname, prefix, URI, value, end per attribute. */
static void start_cell(struct sheet_read *s, int nattr, const xmlChar **at)
{
	long col = -1;
	char num[24];
	int i;

	s->type[0] = s->ref[0] = '\0';
	s->style = -1;
	s->has_f = s->in_v = s->in_is = s->in_t = s->in_rph = 0;
	s->text.n = 0;
	for (i = 0; i < nattr; i++, at += 5) {
		const char *name = (const char *)at[0];
		size_t n = (size_t)(at[4] - at[3]);
		if (!strcmp(name, "r")) {
			copy(s->ref, sizeof(s->ref), at[3], n);
			col = ref_col(s->ref);
		} else if (!strcmp(name, "t")) {
			copy(s->type, sizeof(s->type), at[3], n);
		} else if (!strcmp(name, "s")) {
			copy(num, sizeof(num), at[3], n);
			s->style = strtol(num, NULL, 10);
		}
	}
	s->col = col > 0 ? col : s->col + 1;
	if (!s->ref[0] || col < 0) {
		char c[8];
		col_name(s->col, c);
		snprintf(s->ref, sizeof(s->ref), "%s%ld", c, s->row);
	}
}

static void start_row(struct sheet_read *s, int nattr, const xmlChar **at)
{
	long n = s->row + 1;
	char num[24];
	int i;

	for (i = 0; i < nattr; i++, at += 5)
		if (!strcmp((const char *)at[0], "r")) {
			copy(num, sizeof(num), at[3], (size_t)(at[4] - at[3]));
			n = strtol(num, NULL, 10);
		}
	s->row = n > s->row && n <= ROWS_MAX ? n : s->row + 1;
	s->col = 0;
	s->cur = -1;
}

/* Ends the parse from inside a callback. */
static void sheet_stop(struct sheet_read *s)
{
	s->done = 1;
	xmlStopParser(s->ctxt);
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
		     const xmlChar **ns, int nattr, int ndefaulted, const xmlChar **at)
{
	struct sheet_read *s = ctx;
	const char *name = (const char *)local;

	(void)prefix, (void)uri, (void)nns, (void)ns, (void)ndefaulted;
	if (s->done)
		return;
	if (!strcmp(name, "c")) {
		start_cell(s, nattr, at);
	} else if (!strcmp(name, "row")) {
		if (s->header_only && s->header_row)
			sheet_stop(s);
		else
			start_row(s, nattr, at);
	} else if (!strcmp(name, "v")) {
		s->in_v = 1;
	} else if (!strcmp(name, "t")) {
		s->in_t = 1;
	} else if (!strcmp(name, "rPh")) {
		s->in_rph = 1;
	} else if (!strcmp(name, "is")) {
		s->in_is = 1;
	} else if (!strcmp(name, "f")) {
		s->has_f = 1;
	}
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	struct sheet_read *s = ctx;
	const char *name = (const char *)local;

	(void)prefix, (void)uri;
	if (s->done)
		return;
	if (!strcmp(name, "c")) {
		if (end_cell(s) < 0) {
			s->b->nomem = 1;
			sheet_stop(s);
		}
	} else if (!strcmp(name, "v")) {
		s->in_v = 0;
	} else if (!strcmp(name, "t")) {
		s->in_t = 0;
	} else if (!strcmp(name, "rPh")) {
		s->in_rph = 0;
	} else if (!strcmp(name, "is")) {
		s->in_is = 0;
	} else if (!strcmp(name, "sheetData")) {
		sheet_stop(s);
	}
}

static void on_text(void *ctx, const xmlChar *v, int n)
{
	struct sheet_read *s = ctx;

	if (!s->done && (s->in_v || (s->in_is && s->in_t && !s->in_rph)) &&
	    text_add(&s->text, (const char *)v, (size_t)n) < 0) {
		s->b->nomem = 1;
		sheet_stop(s);
	}
}

/* A DOCTYPE (whose entities could expand without bound) ends the parse. */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *id, const xmlChar *sys)
{
	struct sheet_read *s = ctx;

	(void)name, (void)id, (void)sys;
	s->refused_line = xmlSAX2GetLineNumber(s->ctxt);
	s->refused = cm_xml_refused(NULL, XML_READER_TYPE_DOCUMENT_TYPE, &s->refused_line);
	sheet_stop(s);
}

static void on_entity(void *ctx, const xmlChar *name)
{
	struct sheet_read *s = ctx;

	(void)name;
	s->refused_line = xmlSAX2GetLineNumber(s->ctxt);
	s->refused = cm_xml_refused(NULL, XML_READER_TYPE_ENTITY_REFERENCE, &s->refused_line);
	sheet_stop(s);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	struct sheet_read *s = ctx;

	part_on_error(&s->p, e);
}

/* Feeds the sheet's part to a SAX2 push parser, chunk by chunk as it
 * inflates (no tree, no node per cell).  CM_OK, or -1 after a problem. */
static int sheet_parse(struct sheet_read *s)
{
	xmlSAXHandler sax;
	char buf[65536];
	int n = part_read(&s->p, buf, sizeof(buf)), rc = 0;

	/* only these callbacks: SAX2's own would build a tree (and take their
	 * ctx for the parser's, which here is s) */
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = sax.ignorableWhitespace = sax.cdataBlock = on_text;
	sax.internalSubset = sax.externalSubset = on_doctype;
	sax.reference = on_entity;
	sax.serror = on_error;
	cm_xml_quiet();
	/* no file name: as part_open's URL */
	if (n >= 0 && !(s->ctxt = xmlCreatePushParserCtxt(&sax, s, buf, n, NULL))) {
		s->b->nomem = 1;
		return -1;
	}
	if (s->ctxt)
		xmlCtxtUseOptions(s->ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
	if (n == 0)
		rc = xmlParseChunk(s->ctxt, NULL, 0, 1);
	while (n > 0 && !s->done && !rc)
		if ((n = part_read(&s->p, buf, sizeof(buf))) >= 0)
			rc = xmlParseChunk(s->ctxt, buf, n, n == 0);
	if (s->b->nomem)
		return -1;
	if (s->done && !s->refused)
		return CM_OK;
	if (s->refused && !s->p.limit && !s->p.zip_failed)
		problem(s->b, CM_ERROR, s->p.file, s->refused_line, "%s", s->refused);
	else if (s->ctxt && s->ctxt->errNo == XML_ERR_NO_MEMORY)
		s->b->nomem = 1;
	else if (s->p.limit || s->p.zip_failed || rc || !s->ctxt || !s->ctxt->wellFormed)
		part_failed(&s->p);
	else
		return CM_OK;
	return -1;
}

static void sheet_warnings(struct sheet_read *s)
{
	const char *file = s->rows->file;
	char c[8];

	if (s->headless_col) {
		col_name(s->headless_col, c);
		problem(s->b, CM_WARNING, file, s->headless_row, "column %s has values but no header (a merged "
			"header names its first column only); ignored", c);
	}
	if (s->nof)
		problem(s->b, CM_WARNING, file, s->nof_row, "cell %s%s holds a formula with no saved value, read "
			"as empty (open and save the workbook in Excel or LibreOffice to compute it)", s->nof_ref,
			s->nof > 1 ? " and others" : "");
}

/* Reads sheet sh into rows (named "book.xlsx[Sheet]"): its header only,
 * or every row.  CM_OK, CM_EDATA (problems reported), CM_ENOMEM. */
static int read_sheet(struct book *b, const struct sheet *sh, struct cm_rows *rows, int header_only)
{
	struct sheet_read s;
	char *file = cite(b->path, sh->name);
	int rc;

	memset(&s, 0, sizeof(s));
	s.b = b;
	s.rows = rows;
	s.header_only = header_only;
	s.cur = -1;
	if (!file || text_add(&s.text, "", 0) < 0 || cm_rows_rename(rows, file) < 0)
		b->nomem = 1;
	rc = b->nomem ? CM_ENOMEM : part_entry(b, &s.p, sh->part);
	if (rc == 1)
		problem(b, CM_ERROR, b->path, 0, "sheet '%s' is missing from the file (%s)", sh->name, sh->part);
	if (rc == CM_OK && sheet_parse(&s) == CM_OK && !header_only && !b->nomem)
		sheet_warnings(&s);
	if (s.ctxt)
		xmlFreeParserCtxt(s.ctxt);
	part_close(&s.p);
	free(s.text.s);
	free(s.map);
	free(file);
	return b->nomem || rc == CM_ENOMEM ? CM_ENOMEM : b->bad || b->probe_bad ? CM_EDATA : CM_OK;
}

/* ---------------------------------------------------------------- */
/* which sheets                                                       */

static const struct sheet *sheet_named(const struct book *b, const char *name)
{
	size_t i;

	for (i = 0; i < b->nsheets; i++)
		if (!strcmp(b->sheets[i].name, name))
			return &b->sheets[i];
	for (i = 0; i < b->nsheets; i++)
		if (!strcasecmp(b->sheets[i].name, name))
			return &b->sheets[i];
	return NULL;
}

/* 'A', 'B', ... for messages (bounded). */
static void sheet_list(const struct book *b, char *buf, size_t n)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < b->nsheets && used + 1 < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s'%s'", i ? ", " : "", b->sheets[i].name);
	if (used >= n && n > 4)
		strcpy(buf + n - 4, "...");
}

/* Probes sheet sh's header for the ends of a tie and an org's id (-1 for
 * none).  Its problems are kept in b->probe: a sheet whose header cannot
 * be read is no candidate, and a bad cell reads as empty.  CM_OK, or
 * CM_EDATA (the sheet failed), CM_ENOMEM (b->nomem set). */
static int probe(struct book *b, const struct sheet *sh, long *src, long *dst, long *id)
{
	struct cm_rows h;
	int rc;

	*src = *dst = *id = -1;
	if (cm_rows_init(&h, b->path) < 0) {
		b->nomem = 1;
		return CM_ENOMEM;
	}
	b->probe_bad = 0;
	rc = read_sheet(b, sh, &h, 1);
	if (rc == CM_OK && cm_tie_ends(b->rd, &h, src, dst, id) < 0)
		b->nomem = 1;
	cm_rows_release(&h);
	return b->nomem ? CM_ENOMEM : rc;
}

/* Finds the sheets of ties (--sheet, else the first whose header names
 * two ends) and of orgs (the first other whose header has an id and no
 * ends; NULL when none).  When no sheet has ends, the first problem of a
 * sheet that could not be probed is the error, else that no sheet has. */
static int find_sheets(struct book *b, const struct sheet **ties, const struct sheet **orgs)
{
	const char *want = b->rd->opts ? b->rd->opts->sheet : NULL;
	struct cm_diags quiet;
	char list[400];
	size_t i;

	*ties = want && *want ? sheet_named(b, want) : NULL;
	*orgs = NULL;
	if (want && *want && !*ties) {
		sheet_list(b, list, sizeof(list));
		return cm_error_set(b->rd->err, CM_EUSAGE, b->path, 0, 0, "no sheet '%.80s' in the workbook; its "
				    "sheets: %s", want, list);
	}
	cm_diags_init(&quiet);
	b->probe = &quiet;
	for (i = 0; i < b->nsheets && !b->nomem; i++) {
		const struct sheet *sh = &b->sheets[i];
		long src, dst, id;
		if (sh == *ties || (*ties && *orgs) || probe(b, sh, &src, &dst, &id) != CM_OK)
			continue;
		if (src >= 0 && dst >= 0 && !*ties)
			*ties = sh;
		else if (id >= 0 && (src < 0 || dst < 0) && !*orgs)
			*orgs = sh;
	}
	b->probe = NULL;
	for (i = 0; i < quiet.n && !*ties && !b->nomem && !b->bad; i++)
		if (quiet.v[i].severity == CM_ERROR)
			problem(b, CM_ERROR, quiet.v[i].where.file, quiet.v[i].where.line, "%s",
				quiet.v[i].where.message);
	cm_diags_release(&quiet);
	if (b->nomem)
		return CM_ENOMEM;
	if (!b->bad && !*ties) {
		sheet_list(b, list, sizeof(list));
		problem(b, CM_ERROR, b->path, 0, "no sheet has a header naming the two ends of a tie (source and "
			"target, or from and to); sheets: %s; name the sheet of ties with --sheet", list);
	}
	return b->bad ? CM_EDATA : CM_OK;
}

static int read_kumu(struct book *b, const struct sheet *elements, const struct sheet *connections)
{
	int rc = read_sheet(b, elements, b->rd->orgs, 0), bad = 0;

	if (rc == CM_OK)
		rc = read_sheet(b, connections, b->rd->ties, 0);
	if (rc == CM_OK && cm_kumu_map(b->rd->orgs, b->rd->ties, b->rd->diags, &bad) < 0)
		rc = CM_ENOMEM;
	return rc == CM_OK && bad ? CM_EDATA : rc;
}

static int read_sheets(struct book *b)
{
	const struct cm_load_opts *opts = b->rd->opts;
	const struct sheet *ties, *orgs, *el, *co;
	int rc;

	if (!(opts && opts->sheet && *opts->sheet) && (el = sheet_named(b, "Elements")) &&
	    (co = sheet_named(b, "Connections")))
		return read_kumu(b, el, co);
	if ((rc = find_sheets(b, &ties, &orgs)) < 0)
		return rc;
	if ((rc = read_sheet(b, ties, b->rd->ties, 0)) < 0)
		return rc;
	if (orgs && (rc = read_sheet(b, orgs, b->rd->orgs, 0)) < 0)
		return rc;
	if (b->nsheets > 1 && cm_diags_add(b->rd->diags, CM_NOTE, CM_OK, b->path, 0, 0,
					   "ties from sheet '%s'%s%s%s", ties->name,
					   orgs ? ", organizations from sheet '" : "", orgs ? orgs->name : "",
					   orgs ? "'" : "") < 0)
		return CM_ENOMEM;
	return orgs ? CM_OK : cm_edges_alone(b->rd);
}

static void book_release(struct book *b)
{
	size_t i;

	if (b->za)
		zip_discard(b->za);
	for (i = 0; i < b->nsheets; i++) {
		free(b->sheets[i].name);
		free(b->sheets[i].rid);
		free(b->sheets[i].part);
	}
	free(b->sheets);
	cm_strpool_release(&b->pool);
	free(b->strings);
	free(b->xf);
	free(b->strings_part);
	free(b->styles_part);
}

int cm_read_xlsx(struct cm_read *rd)
{
	struct book b;
	int rc;

	memset(&b, 0, sizeof(b));
	b.rd = rd;
	b.path = rd->path;
	rc = cm_strpool_init(&b.pool) < 0 ? CM_ENOMEM : book_open(&b);
	if (rc == CM_OK) {
		read_workbook(&b);
		if (!b.bad && !b.nomem)
			read_rels(&b);
		if (!b.bad && !b.nomem)
			read_strings(&b);
		if (!b.bad && !b.nomem)
			read_styles(&b);
		rc = b.nomem ? CM_ENOMEM : b.bad ? CM_EDATA : read_sheets(&b);
	}
	book_release(&b);
	if (rc == CM_ENOMEM || b.nomem)
		return cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc == CM_ENOINPUT)
		return cm_error_set(rd->err, CM_ENOINPUT, rd->path, 0, 0, "cannot open the workbook");
	return rc == CM_OK && b.bad ? CM_EDATA : rc;
}
