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

#include "internal.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

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
	struct cm_xml_in in; /* the stream, where messages go, failures */
	struct cm_rows *orgs, *ties;
	struct key *keys;
	size_t nkeys;
	int graphs, edge_directed, in_graph;
	long cur;         /* current row, or -1 */
	int cur_domain;   /* D_NODE, D_EDGE, or 0 (graph level) */
	long dir_col;     /* the ties' directed column */
	int warned_graph, warned_yfiles;
	struct cm_xml_err xe;
};

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
	char *id = cm_xml_attr_copy(&rd->in, "id"), *dom = cm_xml_attr_copy(&rd->in, "for"), *name = cm_xml_attr_copy(&rd->in, "attr.name");
	char *type = cm_xml_attr_copy(&rd->in, "attr.type"), *yf = cm_xml_attr_copy(&rd->in, "yfiles.type");
	struct key *k, *v;
	size_t i;

	if (rd->in.nomem)
		goto out;
	if (!id) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "<key> without an id");
		goto out;
	}
	for (i = 0; i < rd->nkeys; i++)
		if (strcmp(rd->keys[i].id, id) == 0) {
			cm_xml_problem(&rd->in, CM_ERROR, line, "duplicate key id '%.80s' (first on line %ld)", id, rd->keys[i].line);
			goto out;
		}
	v = realloc(rd->keys, (rd->nkeys + 1) * sizeof(*v));
	if (!v) {
		rd->in.nomem = 1;
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
			cm_xml_problem(&rd->in, CM_WARNING, line, "key '%.80s' holds no plain values (yEd graphics?); ignored", k->id);
		goto out;
	}
	k->name = name ? name : strdup(k->id);
	name = NULL;
	if (!k->name) {
		rd->in.nomem = 1;
		goto out;
	}
	if ((k->domain & D_NODE) && is_key(CM_ORGS_FILE, k->name)) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "node attribute '%s' clashes with the node ids; rename it",
			cm_org_cols[CM_ORG_ID].name);
		k->skip = 1; /* its <data> has no column to go to */
		goto out;
	}
	if ((k->domain & D_EDGE) && is_key(CM_TIES_FILE, k->name)) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "edge attribute '%s' clashes with the edges' ends; rename it", k->name);
		k->skip = 1;
		goto out;
	}
	if (k->domain & D_NODE && (k->ncol = cm_rows_column(rd->orgs, k->name, k->decl, line)) < 0)
		rd->in.nomem = 1;
	if (k->domain & D_EDGE && (k->ecol = cm_rows_column(rd->ties, k->name, k->decl, line)) < 0)
		rd->in.nomem = 1;
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
		rd->in.nomem = 1;
}

static void on_node(struct reader *rd, long line)
{
	char *id = cm_xml_attr_copy(&rd->in, "id");

	if (!id) {
		if (!rd->in.nomem)
			cm_xml_problem(&rd->in, CM_ERROR, line, "<node> without an id");
		return;
	}
	rd->cur = cm_rows_add(rd->orgs, line);
	rd->cur_domain = D_NODE;
	if (rd->cur < 0)
		rd->in.nomem = 1;
	else
		set(rd, rd->orgs, rd->cur, CM_ORG_ID, id);
	free(id);
}

static void on_edge(struct reader *rd, long line)
{
	char *src = cm_xml_attr_copy(&rd->in, "source"), *dst = cm_xml_attr_copy(&rd->in, "target"), *dir = cm_xml_attr_copy(&rd->in, "directed");

	if (!src || !dst) {
		if (!rd->in.nomem)
			cm_xml_problem(&rd->in, CM_ERROR, line, "<edge> without a source or target");
		goto out;
	}
	rd->cur = cm_rows_add(rd->ties, line);
	rd->cur_domain = D_EDGE;
	if (rd->cur < 0) {
		rd->in.nomem = 1;
		goto out;
	}
	set(rd, rd->ties, rd->cur, CM_TIE_SOURCE, src);
	set(rd, rd->ties, rd->cur, CM_TIE_TARGET, dst);
	if (dir && strcmp(dir, "true") && strcmp(dir, "false"))
		cm_xml_problem(&rd->in, CM_ERROR, line, "directed=\"%.40s\" is not true or false", dir);
	set(rd, rd->ties, rd->cur, rd->dir_col,
	    dir ? dir : rd->edge_directed ? "true" : "false");
out:
	free(src);
	free(dst);
	free(dir);
}

static void on_data(struct reader *rd, long line)
{
	char *id = cm_xml_attr_copy(&rd->in, "key"), *v;
	struct key *k;

	if (!id) {
		if (!rd->in.nomem)
			cm_xml_problem(&rd->in, CM_ERROR, line, "<data> without a key");
		return;
	}
	k = find_key(rd, id);
	if (!k) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "<data> names an undeclared key '%.80s'", id);
		goto out;
	}
	if (k->skip)
		goto out;
	if (rd->cur < 0 || !rd->cur_domain) {
		if (!rd->warned_graph++)
			cm_xml_problem(&rd->in, CM_WARNING, line, "graph attributes such as '%.80s' are not kept", k->name);
		goto out;
	}
	if (!(k->domain & rd->cur_domain)) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "key '%.80s' is declared for %s, not %s", id,
			k->domain == D_NODE ? "nodes" : k->domain == D_EDGE ? "edges" : "the graph",
			rd->cur_domain == D_NODE ? "nodes" : "edges");
		goto out;
	}
	if (!(v = cm_xml_content(&rd->in)))
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

	for (i = 0; i < rd->nkeys && !rd->in.nomem; i++) {
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
		rd->in.nomem = 1;
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
			cm_xml_problem(&rd->in, CM_ERROR, line, "not GraphML: the root element is <%.40s>, not <graphml>", name);
		return;
	}
	if (!strcmp(name, "key")) {
		on_key(rd, line);
	} else if (!strcmp(name, "default")) {
		if (rd->nkeys && !rd->keys[rd->nkeys - 1].dflt && !rd->cur_domain && !rd->in_graph)
			rd->keys[rd->nkeys - 1].dflt = cm_xml_content(&rd->in);
	} else if (!strcmp(name, "graph")) {
		char *ed;
		if (rd->graphs++) {
			cm_xml_problem(&rd->in, CM_ERROR, line, rd->cur_domain ? "nested graphs are not supported" :
								    "more than one graph; coalmap reads one");
			return;
		}
		rd->in_graph = 1;
		ed = cm_xml_attr_copy(&rd->in, "edgedefault");
		rd->edge_directed = ed && !strcmp(ed, "directed");
		if (ed && strcmp(ed, "directed") && strcmp(ed, "undirected"))
			cm_xml_problem(&rd->in, CM_ERROR, line, "edgedefault=\"%.40s\" is not directed or undirected", ed);
		free(ed);
	} else if (!strcmp(name, "node")) {
		if (rd->cur_domain)
			cm_xml_problem(&rd->in, CM_ERROR, line, "<node> inside another node or edge");
		else
			on_node(rd, line);
	} else if (!strcmp(name, "edge")) {
		if (rd->cur_domain)
			cm_xml_problem(&rd->in, CM_ERROR, line, "<edge> inside another node or edge");
		else
			on_edge(rd, line);
	} else if (!strcmp(name, "data")) {
		on_data(rd, line);
	} else if (!strcmp(name, "hyperedge") || !strcmp(name, "port") || !strcmp(name, "endpoint")) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "<%s> is not supported", name);
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
	rd.in.path = path;
	rd.in.diags = diags;
	rd.in.opts = c->opts;
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
	rd.in.r = xmlReaderForFd(fd, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (!rd.in.r) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	xmlTextReaderSetStructuredErrorHandler(rd.in.r, cm_xml_on_error, &rd.xe);
	while (!rd.in.nomem && (ret = xmlTextReaderRead(rd.in.r)) == 1) {
		int type = xmlTextReaderNodeType(rd.in.r);
		const char *name = (const char *)xmlTextReaderConstLocalName(rd.in.r);
		int depth = xmlTextReaderDepth(rd.in.r);
		long line = cm_xml_line(&rd.in);

		const char *why = cm_xml_refused(path, type, &line);

		if (why) {
			cm_xml_problem(&rd.in, CM_ERROR, line, "%s", why);
			break;
		}
		if (type == XML_READER_TYPE_ELEMENT && name) {
			int empty = xmlTextReaderIsEmptyElement(rd.in.r);
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
	if (rd.in.nomem) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (rd.xe.failed)
		cm_xml_problem(&rd.in, CM_ERROR, rd.xe.line, "malformed XML: %s", rd.xe.msg);
	else if (ret < 0 && !rd.in.bad)
		cm_xml_problem(&rd.in, CM_ERROR, xmlTextReaderGetParserLineNumber(rd.in.r), "malformed XML");
	else if (!rd.in.bad && !rd.graphs)
		cm_xml_problem(&rd.in, CM_ERROR, 1, "no <graph> element");
	if (rd.in.bad || diags->n_errors > errors_before) {
		rc = CM_EDATA;
		goto out;
	}
	apply_defaults(&rd);
	name_from_label(&rd);
	if (rd.in.nomem) {
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	rc = CM_OK;
out:
	if (rd.in.r)
		xmlFreeTextReader(rd.in.r);
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

static void w_keys(struct cm_xml_out *wr, const struct cm_table *t, const char *domain, char prefix, size_t skip)
{
	size_t j;
	char id[32];

	for (j = skip; j < t->ncols; j++) {
		snprintf(id, sizeof(id), "%c%zu", prefix, j);
		cm_xml_start(wr, "key");
		cm_xml_attr(wr, "id", id);
		cm_xml_attr(wr, "for", domain);
		cm_xml_attr(wr, "attr.name", t->cols[j].name);
		cm_xml_attr(wr, "attr.type", cm_xml_attr_type(&t->cols[j], t->nrows));
		cm_xml_end(wr);
	}
}

static void w_data(struct cm_xml_out *wr, const struct cm_table *t, size_t r, char prefix, size_t skip)
{
	size_t j;
	char id[32], buf[64];

	for (j = skip; j < t->ncols; j++) {
		char *tmp;
		const char *v = cm_xml_cell(wr, &t->cols[j], r, buf, sizeof(buf), &tmp);
		if (!v)
			continue;
		snprintf(id, sizeof(id), "%c%zu", prefix, j);
		cm_xml_start(wr, "data");
		cm_xml_attr(wr, "key", id);
		cm_xml_text(wr, v);
		cm_xml_end(wr);
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
	struct cm_xml_out wr;
	size_t r, norg_keys = cm_schemas[CM_ORGS_FILE].nkeys, ntie_keys = cm_schemas[CM_TIES_FILE].nkeys;
	int rc;

	if (stripped)
		*stripped = 0;
	if (!cm_export_is_landscape(orgs, ties))
		return cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "tables are not an exported landscape");
	if ((rc = cm_xml_out_open(&wr, f, stripped, err)) < 0)
		return rc;
	cm_xml_start(&wr, "graphml");
	cm_xml_attr(&wr, "xmlns", GRAPHML_NS);
	cm_xml_attr(&wr, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	cm_xml_attr(&wr, "xsi:schemaLocation", GRAPHML_NS " " GRAPHML_NS "/1.0/graphml.xsd");
	w_keys(&wr, orgs, "node", 'n', norg_keys);
	w_keys(&wr, ties, "edge", 'e', ntie_keys);
	cm_xml_start(&wr, "graph");
	cm_xml_attr(&wr, "id", "G");
	cm_xml_attr(&wr, "edgedefault", "directed");
	for (r = 0; r < orgs->nrows && !wr.failed && !wr.nomem; r++) {
		cm_xml_start(&wr, "node");
		cm_xml_attr(&wr, "id", cell_text(orgs, cm_org_cols[CM_ORG_ID].name, r));
		w_data(&wr, orgs, r, 'n', norg_keys);
		cm_xml_end(&wr);
	}
	for (r = 0; r < ties->nrows && !wr.failed && !wr.nomem; r++) {
		cm_xml_start(&wr, "edge");
		cm_xml_attr(&wr, "source", cell_text(ties, cm_tie_cols[CM_TIE_SOURCE].name, r));
		cm_xml_attr(&wr, "target", cell_text(ties, cm_tie_cols[CM_TIE_TARGET].name, r));
		w_data(&wr, ties, r, 'e', ntie_keys);
		cm_xml_end(&wr);
	}
	return cm_xml_out_close(&wr, f, err);
}
