/* xml.c - the libxml2 glue the XML readers and writers share (GraphML,
 * GEXF): libxml2 kept quiet, its errors caught, DOCTYPEs and entity
 * references refused, and text made safe for XML 1.0 on output. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "internal.h"

/* libxml2 reports some problems through its global handlers; the engine
 * never prints, so they go nowhere (a reader's own handler keeps them). */
static void silent(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

void cm_xml_quiet(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, silent);
}

void cm_xml_on_error(void *ctx, xmlErrorPtr e)
{
	struct cm_xml_err *x = ctx;
	size_t n;

	if (!e || e->level < XML_ERR_ERROR || x->failed)
		return;
	x->failed = 1;
	x->line = e->line;
	snprintf(x->msg, sizeof(x->msg), "%s", e->message ? e->message : "malformed XML");
	n = strlen(x->msg);
	while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
		x->msg[--n] = '\0';
}

/* Line of the first "<!DOCTYPE" in the file's first 64 KiB (the reader
 * knows no line for it), else fallback. */
static long doctype_line(const char *path, long fallback)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n, i;
	long line = 1;

	if (!f)
		return fallback;
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	for (i = 0; i + 9 <= n; i++) {
		if (!memcmp(buf + i, "<!DOCTYPE", 9))
			return line;
		if (buf[i] == '\n')
			line++;
	}
	return fallback;
}

const char *cm_xml_refused(const char *path, int node_type, long *line)
{
	if (node_type == XML_READER_TYPE_DOCUMENT_TYPE) {
		if (path)
			*line = doctype_line(path, *line);
		return CM_XML_NO_DOCTYPE;
	}
	if (node_type == XML_READER_TYPE_ENTITY_REFERENCE)
		return "entity references are not accepted";
	return NULL;
}

/* Length of the UTF-8 sequence at s if XML 1.0 allows it, else 0. */
static size_t xml_char(const unsigned char *s)
{
	if (*s < 0x20)
		return *s == '\t' || *s == '\n' || *s == '\r';
	if (s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF))
		return 0; /* U+FFFE, U+FFFF */
	return 1;
}

const char *cm_xml_safe(const char *s, char **tmp, size_t *stripped)
{
	const unsigned char *p;
	char *w;
	int bad = 0;

	*tmp = NULL;
	for (p = (const unsigned char *)s; *p; p++)
		if (!xml_char(p)) {
			bad = 1;
			break;
		}
	if (!bad)
		return s;
	if (!(*tmp = malloc(strlen(s) + 1)))
		return NULL;
	for (p = (const unsigned char *)s, w = *tmp; *p;) {
		if (xml_char(p)) {
			*w++ = (char)*p++;
		} else {
			p += *p < 0x20 ? 1 : 3;
		}
	}
	*w = '\0';
	if (stripped)
		(*stripped)++;
	return *tmp;
}

const char *cm_xml_attr_type(const struct cm_column *c, size_t nrows)
{
	size_t r;
	int any = 0;

	if (c->kind == CM_INT)
		return "long";
	if (c->kind == CM_REAL)
		return "double";
	for (r = 0; r < nrows; r++) {
		if (c->null[r])
			continue;
		if (strcmp(c->text[r], "true") && strcmp(c->text[r], "false"))
			return "string";
		any = 1;
	}
	return any ? "boolean" : "string";
}

/* ---------------------------------------------------------------- */
/* writing                                                            */

int cm_xml_out_open(struct cm_xml_out *o, FILE *f, size_t *stripped, struct cm_error *err)
{
	xmlOutputBufferPtr buf;

	memset(o, 0, sizeof(*o));
	o->stripped = stripped;
	if (stripped)
		*stripped = 0;
	cm_xml_quiet();
	buf = xmlOutputBufferCreateFile(f, NULL);
	if (!buf || !(o->w = xmlNewTextWriter(buf))) {
		if (buf)
			xmlOutputBufferClose(buf);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	cm_xml_check(o, xmlTextWriterSetIndent(o->w, 1));
	cm_xml_check(o, xmlTextWriterSetIndentString(o->w, (const xmlChar *)"  "));
	cm_xml_check(o, xmlTextWriterStartDocument(o->w, NULL, "UTF-8", NULL));
	return CM_OK;
}

int cm_xml_out_close(struct cm_xml_out *o, FILE *f, struct cm_error *err)
{
	cm_xml_check(o, xmlTextWriterEndDocument(o->w));
	cm_xml_check(o, xmlTextWriterFlush(o->w));
	xmlFreeTextWriter(o->w);
	o->w = NULL;
	if (o->nomem)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (o->failed || ferror(f))
		return cm_error_set(err, CM_EOUTPUT, NULL, 0, 0, "write error");
	return CM_OK;
}

void cm_xml_check(struct cm_xml_out *o, int rc)
{
	if (rc < 0)
		o->failed = 1;
}

void cm_xml_start(struct cm_xml_out *o, const char *element)
{
	cm_xml_check(o, xmlTextWriterStartElement(o->w, (const xmlChar *)element));
}

void cm_xml_end(struct cm_xml_out *o)
{
	cm_xml_check(o, xmlTextWriterEndElement(o->w));
}

void cm_xml_attr(struct cm_xml_out *o, const char *name, const char *value)
{
	char *tmp;
	const char *v = cm_xml_safe(value, &tmp, o->stripped);

	if (!v)
		o->nomem = 1;
	else
		cm_xml_check(o, xmlTextWriterWriteAttribute(o->w, (const xmlChar *)name, (const xmlChar *)v));
	free(tmp);
}

void cm_xml_text(struct cm_xml_out *o, const char *s)
{
	cm_xml_check(o, xmlTextWriterWriteString(o->w, (const xmlChar *)s));
}

const char *cm_xml_cell(struct cm_xml_out *o, const struct cm_column *c, size_t r, char *buf, size_t n,
			char **tmp)
{
	const char *v;

	*tmp = NULL;
	if (c->null[r])
		return NULL;
	if (c->kind == CM_INT)
		return cm_format_int(c->ints[r], buf, n);
	if (c->kind == CM_REAL)
		return cm_format_real(c->reals[r], buf, n);
	if (!(v = cm_xml_safe(c->text[r], tmp, o->stripped)))
		o->nomem = 1;
	return v;
}

long cm_xml_line(struct cm_xml_in *x)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->r);
	long line = n ? xmlGetLineNo(n) : -1;

	return line > 0 ? line : xmlTextReaderGetParserLineNumber(x->r);
}

void cm_xml_problem(struct cm_xml_in *x, enum cm_severity sev, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_diags_problem(x->diags, x->opts, sev, x->path, line, &x->bad, &x->nomem, fmt, ap);
	va_end(ap);
}

char *cm_xml_attr_copy(struct cm_xml_in *x, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
	char *s;

	if (!v)
		return NULL;
	s = strdup((const char *)v);
	xmlFree(v);
	if (!s)
		x->nomem = 1;
	return s;
}

char *cm_xml_content(struct cm_xml_in *x)
{
	xmlChar *v = xmlTextReaderIsEmptyElement(x->r) ? NULL : xmlTextReaderReadString(x->r);
	char *s = strdup(v ? (const char *)v : "");

	xmlFree(v);
	if (!s)
		x->nomem = 1;
	return s;
}
