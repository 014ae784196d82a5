/* graphml.c - the libxml2 bridge: reads GraphML into importer rows and
 * writes the exported landscape tables as GraphML (docs/convert.md). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "internal.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

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

/* ---------------------------------------------------------------- */
/* reading                                                            */

enum domain { D_NODE = 1, D_EDGE = 2, D_GRAPH = 4, D_ALL = 7 };

struct key {
	char *id, *name, *dflt;
	int domain, decl, skip;
	long line;
	long ncol, ecol; /* column in orgs / ties, -1 = none */
};

struct reader {
	const char *path;
	xmlTextReaderPtr r;
	struct cm_rows *orgs, *ties;
	struct cm_diags *diags;
	const struct cm_load_opts *opts;
	struct key *keys;
	size_t nkeys;
	int graphs, edge_directed, in_graph;
	long cur;         /* current row, or -1 */
	int cur_domain;   /* D_NODE, D_EDGE, or 0 (graph level) */
	long dir_col;     /* the ties' directed column */
	int warned_graph, warned_yfiles;
	struct cm_xml_error xml;
	int nomem, bad;
};

void cm_xml_on_error(void *ctx, xmlErrorPtr e)
{
	struct cm_xml_error *x = ctx;
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

static long line_of(struct reader *rd)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(rd->r);
	long line = n ? xmlGetLineNo(n) : -1;

	return line > 0 ? line : xmlTextReaderGetParserLineNumber(rd->r);
}

static void problem(struct reader *rd, enum cm_severity sev, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

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

static void problem(struct reader *rd, enum cm_severity sev, long line, const char *fmt, ...)
{
	va_list ap;
	int s;

	va_start(ap, fmt);
	s = cm_diags_vdata(rd->diags, rd->opts, sev, rd->path, line, fmt, ap);
	va_end(ap);
	if (s < 0)
		rd->nomem = 1;
	else if (s == CM_ERROR)
		rd->bad = 1;
}

/* A copy of an attribute's value, or NULL. */
static char *attr(struct reader *rd, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(rd->r, (const xmlChar *)name);
	char *s;

	if (!v)
		return NULL;
	s = strdup((const char *)v);
	xmlFree(v);
	if (!s)
		rd->nomem = 1;
	return s;
}

/* The text inside the current element (NULL on ENOMEM). */
static char *content(struct reader *rd)
{
	xmlChar *v = xmlTextReaderIsEmptyElement(rd->r) ? NULL : xmlTextReaderReadString(rd->r);
	char *s = strdup(v ? (const char *)v : "");

	xmlFree(v);
	if (!s)
		rd->nomem = 1;
	return s;
}

static int decl_of(const char *type)
{
	static const char *const numbers[] = { "int", "long", "float", "double" };
	size_t i;

	if (!type)
		return CM_DECL_TEXT;
	for (i = 0; i < 4; i++)
		if (strcmp(type, numbers[i]) == 0)
			return CM_DECL_NUMBER;
	return CM_DECL_TEXT; /* string, boolean */
}

/* 1 when name is a required column of the file (ASCII case ignored): the
 * node ids and edge ends fill those. */
static int is_key(int file, const char *name)
{
	int k = cm_schema_find(&cm_schemas[file], name, strlen(name), 0);

	return k >= 0 && (size_t)k < cm_schemas[file].nkeys;
}

static void on_key(struct reader *rd, long line)
{
	char *id = attr(rd, "id"), *dom = attr(rd, "for"), *name = attr(rd, "attr.name");
	char *type = attr(rd, "attr.type"), *yf = attr(rd, "yfiles.type");
	struct key *k, *v;
	size_t i;

	if (rd->nomem)
		goto out;
	if (!id) {
		problem(rd, CM_ERROR, line, "<key> without an id");
		goto out;
	}
	for (i = 0; i < rd->nkeys; i++)
		if (strcmp(rd->keys[i].id, id) == 0) {
			problem(rd, CM_ERROR, line, "duplicate key id '%.80s' (first on line %ld)", id, rd->keys[i].line);
			goto out;
		}
	v = realloc(rd->keys, (rd->nkeys + 1) * sizeof(*v));
	if (!v) {
		rd->nomem = 1;
		goto out;
	}
	rd->keys = v;
	k = &rd->keys[rd->nkeys++];
	memset(k, 0, sizeof(*k));
	k->id = id;
	id = NULL;
	k->line = line;
	k->ncol = k->ecol = -1;
	k->decl = decl_of(type);
	k->domain = !dom || !strcmp(dom, "all") ? D_ALL : !strcmp(dom, "node") ? D_NODE :
		    !strcmp(dom, "edge") ? D_EDGE : D_GRAPH;
	if (yf || (!name && !type && k->domain != D_GRAPH)) {
		/* yEd's graphics and similar structured keys */
		k->skip = 1;
		if (!rd->warned_yfiles++)
			problem(rd, CM_WARNING, line, "key '%.80s' holds no plain values (yEd graphics?); ignored", k->id);
		goto out;
	}
	k->name = name ? name : strdup(k->id);
	name = NULL;
	if (!k->name) {
		rd->nomem = 1;
		goto out;
	}
	if ((k->domain & D_NODE) && is_key(CM_ORGS_FILE, k->name)) {
		problem(rd, CM_ERROR, line, "node attribute '%s' clashes with the node ids; rename it",
			cm_org_cols[CM_ORG_ID].name);
		k->skip = 1; /* its <data> has no column to go to */
		goto out;
	}
	if ((k->domain & D_EDGE) && is_key(CM_TIES_FILE, k->name)) {
		problem(rd, CM_ERROR, line, "edge attribute '%s' clashes with the edges' ends; rename it", k->name);
		k->skip = 1;
		goto out;
	}
	if (k->domain & D_NODE && (k->ncol = cm_rows_column(rd->orgs, k->name, k->decl, line)) < 0)
		rd->nomem = 1;
	if (k->domain & D_EDGE && (k->ecol = cm_rows_column(rd->ties, k->name, k->decl, line)) < 0)
		rd->nomem = 1;
	if (k->ecol >= 0 && k->ecol == rd->dir_col)
		rd->ties->decl[k->ecol] = CM_DECL_TEXT;
out:
	free(id);
	free(dom);
	free(name);
	free(type);
	free(yf);
}

static struct key *find_key(struct reader *rd, const char *id)
{
	size_t i;

	for (i = 0; i < rd->nkeys; i++)
		if (strcmp(rd->keys[i].id, id) == 0)
			return &rd->keys[i];
	return NULL;
}

static void set(struct reader *rd, struct cm_rows *rows, long row, long col, const char *s)
{
	if (row < 0 || col < 0)
		return;
	if (cm_rows_set(rows, (size_t)row, (size_t)col, s, strlen(s)) < 0)
		rd->nomem = 1;
}

static void on_node(struct reader *rd, long line)
{
	char *id = attr(rd, "id");

	if (!id) {
		if (!rd->nomem)
			problem(rd, CM_ERROR, line, "<node> without an id");
		return;
	}
	rd->cur = cm_rows_add(rd->orgs, line);
	rd->cur_domain = D_NODE;
	if (rd->cur < 0)
		rd->nomem = 1;
	else
		set(rd, rd->orgs, rd->cur, CM_ORG_ID, id);
	free(id);
}

static void on_edge(struct reader *rd, long line)
{
	char *src = attr(rd, "source"), *dst = attr(rd, "target"), *dir = attr(rd, "directed");

	if (!src || !dst) {
		if (!rd->nomem)
			problem(rd, CM_ERROR, line, "<edge> without a source or target");
		goto out;
	}
	rd->cur = cm_rows_add(rd->ties, line);
	rd->cur_domain = D_EDGE;
	if (rd->cur < 0) {
		rd->nomem = 1;
		goto out;
	}
	set(rd, rd->ties, rd->cur, CM_TIE_SOURCE, src);
	set(rd, rd->ties, rd->cur, CM_TIE_TARGET, dst);
	if (dir && strcmp(dir, "true") && strcmp(dir, "false"))
		problem(rd, CM_ERROR, line, "directed=\"%.40s\" is not true or false", dir);
	set(rd, rd->ties, rd->cur, rd->dir_col,
	    dir ? dir : rd->edge_directed ? "true" : "false");
out:
	free(src);
	free(dst);
	free(dir);
}

static void on_data(struct reader *rd, long line)
{
	char *id = attr(rd, "key"), *v;
	struct key *k;

	if (!id) {
		if (!rd->nomem)
			problem(rd, CM_ERROR, line, "<data> without a key");
		return;
	}
	k = find_key(rd, id);
	if (!k) {
		problem(rd, CM_ERROR, line, "<data> names an undeclared key '%.80s'", id);
		goto out;
	}
	if (k->skip)
		goto out;
	if (rd->cur < 0 || !rd->cur_domain) {
		if (!rd->warned_graph++)
			problem(rd, CM_WARNING, line, "graph attributes such as '%.80s' are not kept", k->name);
		goto out;
	}
	if (!(k->domain & rd->cur_domain)) {
		problem(rd, CM_ERROR, line, "key '%.80s' is declared for %s, not %s", id,
			k->domain == D_NODE ? "nodes" : k->domain == D_EDGE ? "edges" : "the graph",
			rd->cur_domain == D_NODE ? "nodes" : "edges");
		goto out;
	}
	if (!(v = content(rd)))
		goto out;
	if (rd->cur_domain == D_NODE)
		set(rd, rd->orgs, rd->cur, k->ncol, v);
	else
		set(rd, rd->ties, rd->cur, k->ecol, v);
	free(v);
out:
	free(id);
}

/* Keys' <default> values fill the cells their nodes and edges leave empty. */
static void apply_defaults(struct reader *rd)
{
	size_t i, r;

	for (i = 0; i < rd->nkeys && !rd->nomem; i++) {
		struct key *k = &rd->keys[i];
		if (!k->dflt || k->skip)
			continue;
		if (k->ncol >= 0)
			for (r = 0; r < rd->orgs->nrows; r++)
				if (!cm_rows_get(rd->orgs, r, (size_t)k->ncol))
					set(rd, rd->orgs, (long)r, k->ncol, k->dflt);
		if (k->ecol >= 0)
			for (r = 0; r < rd->ties->nrows; r++)
				if (!cm_rows_get(rd->ties, r, (size_t)k->ecol))
					set(rd, rd->ties, (long)r, k->ecol, k->dflt);
	}
}

/* Gephi and yEd name nodes with a `label` key: without a `name` key, it
 * also gives the orgs' names (the label column is kept too). */
static void name_from_label(struct reader *rd)
{
	struct cm_rows *o = rd->orgs;
	long label = -1, name;
	size_t j, r;

	for (j = 0; j < o->ncols; j++) {
		if (!strcasecmp(o->names[j], cm_org_cols[CM_ORG_NAME].name))
			return;
		if (!strcasecmp(o->names[j], "label") && label < 0)
			label = (long)j;
	}
	if (label < 0)
		return;
	if ((name = cm_rows_column(o, cm_org_cols[CM_ORG_NAME].name, CM_DECL_TEXT, o->where[label])) < 0) {
		rd->nomem = 1;
		return;
	}
	for (r = 0; r < o->nrows; r++) {
		const char *v = cm_rows_get(o, r, (size_t)label);
		if (v)
			set(rd, o, (long)r, name, v);
	}
}

static void on_element(struct reader *rd, const char *name, int depth, long line)
{
	if (depth == 0) {
		if (strcmp(name, "graphml"))
			problem(rd, CM_ERROR, line, "not GraphML: the root element is <%.40s>, not <graphml>", name);
		return;
	}
	if (!strcmp(name, "key")) {
		on_key(rd, line);
	} else if (!strcmp(name, "default")) {
		if (rd->nkeys && !rd->keys[rd->nkeys - 1].dflt && !rd->cur_domain && !rd->in_graph)
			rd->keys[rd->nkeys - 1].dflt = content(rd);
	} else if (!strcmp(name, "graph")) {
		char *ed;
		if (rd->graphs++) {
			problem(rd, CM_ERROR, line, rd->cur_domain ? "nested graphs are not supported" :
								    "more than one graph; coalmap reads one");
			return;
		}
		rd->in_graph = 1;
		ed = attr(rd, "edgedefault");
		rd->edge_directed = ed && !strcmp(ed, "directed");
		if (ed && strcmp(ed, "directed") && strcmp(ed, "undirected"))
			problem(rd, CM_ERROR, line, "edgedefault=\"%.40s\" is not directed or undirected", ed);
		free(ed);
	} else if (!strcmp(name, "node")) {
		if (rd->cur_domain)
			problem(rd, CM_ERROR, line, "<node> inside another node or edge");
		else
			on_node(rd, line);
	} else if (!strcmp(name, "edge")) {
		if (rd->cur_domain)
			problem(rd, CM_ERROR, line, "<edge> inside another node or edge");
		else
			on_edge(rd, line);
	} else if (!strcmp(name, "data")) {
		on_data(rd, line);
	} else if (!strcmp(name, "hyperedge") || !strcmp(name, "port") || !strcmp(name, "endpoint")) {
		problem(rd, CM_ERROR, line, "<%s> is not supported", name);
	}
}

/* Over 100 lines, kept whole: one exit path owns the libxml2 reader, the
 * file, the keys and both row sets while the reader's loop runs. */
int cm_read_graphml(struct cm_read *c)
{
	struct reader rd;
	struct cm_diags *diags = c->diags;
	struct cm_error *err = c->err;
	const char *path = c->path;
	size_t i, errors_before = diags->n_errors;
	int fd = -1, ret = 0, rc = CM_ENOMEM;

	memset(&rd, 0, sizeof(rd));
	rd.path = path;
	rd.diags = diags;
	rd.opts = c->opts;
	rd.cur = -1;
	rd.orgs = c->orgs;
	rd.ties = c->ties;
	if (cm_rows_add_keys(c->orgs, c->ties, 0, &rd.dir_col) < 0) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		rc = cm_error_set(err, CM_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
		goto out;
	}
	cm_xml_quiet();
	/* no network, no entity substitution, no DTD loading; a DOCTYPE is
	 * refused below, so no entity can expand */
	rd.r = xmlReaderForFd(fd, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (!rd.r) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	xmlTextReaderSetStructuredErrorHandler(rd.r, cm_xml_on_error, &rd.xml);
	while (!rd.nomem && (ret = xmlTextReaderRead(rd.r)) == 1) {
		int type = xmlTextReaderNodeType(rd.r);
		const char *name = (const char *)xmlTextReaderConstLocalName(rd.r);
		int depth = xmlTextReaderDepth(rd.r);
		long line = line_of(&rd);

		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			problem(&rd, CM_ERROR, doctype_line(path, line), "%s", CM_XML_NO_DOCTYPE);
			break;
		}
		if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
			problem(&rd, CM_ERROR, line, "entity references are not accepted");
			break;
		}
		if (type == XML_READER_TYPE_ELEMENT && name) {
			int empty = xmlTextReaderIsEmptyElement(rd.r);
			on_element(&rd, name, depth, line);
			if (empty && (!strcmp(name, "node") || !strcmp(name, "edge"))) {
				rd.cur = -1;
				rd.cur_domain = 0;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT && name &&
			   (!strcmp(name, "node") || !strcmp(name, "edge"))) {
			rd.cur = -1;
			rd.cur_domain = 0;
		}
		if (diags->n_errors - errors_before >= CM_DIAGS_MAX)
			break;
	}
	if (rd.nomem) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (rd.xml.failed)
		problem(&rd, CM_ERROR, rd.xml.line, "malformed XML: %s", rd.xml.msg);
	else if (ret < 0 && !rd.bad)
		problem(&rd, CM_ERROR, xmlTextReaderGetParserLineNumber(rd.r), "malformed XML");
	else if (!rd.bad && !rd.graphs)
		problem(&rd, CM_ERROR, 1, "no <graph> element");
	if (rd.bad || diags->n_errors > errors_before) {
		rc = CM_EDATA;
		goto out;
	}
	apply_defaults(&rd);
	name_from_label(&rd);
	if (rd.nomem) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	rc = CM_OK;
out:
	if (rd.r)
		xmlFreeTextReader(rd.r);
	if (fd >= 0)
		close(fd);
	for (i = 0; i < rd.nkeys; i++) {
		free(rd.keys[i].id);
		free(rd.keys[i].name);
		free(rd.keys[i].dflt);
	}
	free(rd.keys);
	return rc;
}

/* ---------------------------------------------------------------- */
/* writing                                                            */

/* Length of the UTF-8 sequence at s if XML 1.0 allows it, else 0. */
static size_t xml_char(const unsigned char *s)
{
	if (*s < 0x20)
		return *s == '\t' || *s == '\n' || *s == '\r';
	if (s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF))
		return 0; /* U+FFFE, U+FFFF */
	return 1;
}

/* s, or a copy without the characters XML cannot hold (*tmp owns it). */
static const char *xml_safe(const char *s, char **tmp, size_t *stripped)
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

static const char *attr_type(const struct cm_column *c, size_t nrows)
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

struct writer {
	xmlTextWriterPtr w;
	size_t *stripped;
	int failed, nomem;
};

static void w_check(struct writer *wr, int rc)
{
	if (rc < 0)
		wr->failed = 1;
}

static void w_attr(struct writer *wr, const char *name, const char *value)
{
	char *tmp;
	const char *v = xml_safe(value, &tmp, wr->stripped);

	if (!v)
		wr->nomem = 1;
	else
		w_check(wr, xmlTextWriterWriteAttribute(wr->w, (const xmlChar *)name, (const xmlChar *)v));
	free(tmp);
}

static void w_keys(struct writer *wr, const struct cm_table *t, const char *domain, char prefix, size_t skip)
{
	size_t j;
	char id[32];

	for (j = skip; j < t->ncols; j++) {
		snprintf(id, sizeof(id), "%c%zu", prefix, j);
		w_check(wr, xmlTextWriterStartElement(wr->w, (const xmlChar *)"key"));
		w_attr(wr, "id", id);
		w_attr(wr, "for", domain);
		w_attr(wr, "attr.name", t->cols[j].name);
		w_attr(wr, "attr.type", attr_type(&t->cols[j], t->nrows));
		w_check(wr, xmlTextWriterEndElement(wr->w));
	}
}

static void w_data(struct writer *wr, const struct cm_table *t, size_t r, char prefix, size_t skip)
{
	size_t j;
	char id[32], buf[64];

	for (j = skip; j < t->ncols; j++) {
		const struct cm_column *c = &t->cols[j];
		const char *v;
		char *tmp = NULL;
		if (c->null[r])
			continue;
		if (c->kind == CM_INT) {
			snprintf(buf, sizeof(buf), "%lld", c->ints[r]);
			v = buf;
		} else if (c->kind == CM_REAL) {
			v = cm_format_real(c->reals[r], buf, sizeof(buf));
		} else if (!(v = xml_safe(c->text[r], &tmp, wr->stripped))) {
			wr->nomem = 1;
			return;
		}
		snprintf(id, sizeof(id), "%c%zu", prefix, j);
		w_check(wr, xmlTextWriterStartElement(wr->w, (const xmlChar *)"data"));
		w_attr(wr, "key", id);
		w_check(wr, xmlTextWriterWriteString(wr->w, (const xmlChar *)v));
		w_check(wr, xmlTextWriterEndElement(wr->w));
		free(tmp);
	}
}

static const char *cell_text(const struct cm_table *t, const char *col, size_t r)
{
	int j = cm_table_find(t, col);

	return j < 0 || t->cols[j].kind != CM_TEXT || t->cols[j].null[r] ? "" : t->cols[j].text[r];
}

int cm_graphml_write(const struct cm_table *orgs, const struct cm_table *ties, FILE *f,
		     size_t *stripped, struct cm_error *err)
{
	struct writer wr = { NULL, stripped, 0, 0 };
	xmlOutputBufferPtr buf;
	size_t r, norg_keys = cm_schemas[CM_ORGS_FILE].nkeys, ntie_keys = cm_schemas[CM_TIES_FILE].nkeys;

	if (stripped)
		*stripped = 0;
	if (!cm_export_is_landscape(orgs, ties))
		return cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "tables are not an exported landscape");
	cm_xml_quiet();
	buf = xmlOutputBufferCreateFile(f, NULL);
	if (!buf || !(wr.w = xmlNewTextWriter(buf))) {
		if (buf)
			xmlOutputBufferClose(buf);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	w_check(&wr, xmlTextWriterSetIndent(wr.w, 1));
	w_check(&wr, xmlTextWriterSetIndentString(wr.w, (const xmlChar *)"  "));
	w_check(&wr, xmlTextWriterStartDocument(wr.w, NULL, "UTF-8", NULL));
	w_check(&wr, xmlTextWriterStartElement(wr.w, (const xmlChar *)"graphml"));
	w_attr(&wr, "xmlns", GRAPHML_NS);
	w_attr(&wr, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	w_attr(&wr, "xsi:schemaLocation", GRAPHML_NS " " GRAPHML_NS "/1.0/graphml.xsd");
	w_keys(&wr, orgs, "node", 'n', norg_keys);
	w_keys(&wr, ties, "edge", 'e', ntie_keys);
	w_check(&wr, xmlTextWriterStartElement(wr.w, (const xmlChar *)"graph"));
	w_attr(&wr, "id", "G");
	w_attr(&wr, "edgedefault", "directed");
	for (r = 0; r < orgs->nrows && !wr.failed && !wr.nomem; r++) {
		w_check(&wr, xmlTextWriterStartElement(wr.w, (const xmlChar *)"node"));
		w_attr(&wr, "id", cell_text(orgs, cm_org_cols[CM_ORG_ID].name, r));
		w_data(&wr, orgs, r, 'n', norg_keys);
		w_check(&wr, xmlTextWriterEndElement(wr.w));
	}
	for (r = 0; r < ties->nrows && !wr.failed && !wr.nomem; r++) {
		w_check(&wr, xmlTextWriterStartElement(wr.w, (const xmlChar *)"edge"));
		w_attr(&wr, "source", cell_text(ties, cm_tie_cols[CM_TIE_SOURCE].name, r));
		w_attr(&wr, "target", cell_text(ties, cm_tie_cols[CM_TIE_TARGET].name, r));
		w_data(&wr, ties, r, 'e', ntie_keys);
		w_check(&wr, xmlTextWriterEndElement(wr.w));
	}
	w_check(&wr, xmlTextWriterEndDocument(wr.w));
	w_check(&wr, xmlTextWriterFlush(wr.w));
	xmlFreeTextWriter(wr.w);
	if (wr.nomem)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (wr.failed || ferror(f))
		return cm_error_set(err, CM_EOUTPUT, NULL, 0, 0, "write error");
	return CM_OK;
}
