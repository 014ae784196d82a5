/* read_gexf.c - reads GEXF (1.1, 1.2, 1.3: Gephi's format, NetworkX's
 * read_gexf/write_gexf) into importer rows; docs/convert.md says what
 * each part becomes.  A streaming libxml2 reader: no network, no DTD, no
 * entity, nesting bounded. */
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

#define MAX_DEPTH 32 /* a GEXF file nests 6 levels; hierarchies are refused */

enum cls { C_NONE = -1, C_NODE = 0, C_EDGE = 1 };
enum akind { A_TEXT, A_NUMBER, A_LIST };

/* A declared <attribute>: its values go to column col of its class. */
struct gattr {
	char *id, *title, *dflt;
	int cls, kind, skip;
	long col, line;
};

struct reader {
	struct cm_xml_in in; /* the stream, where messages go, failures */
	struct cm_rows *rows[2]; /* C_NODE: orgs, C_EDGE: ties */
	struct gattr *attrs;
	size_t nattrs;
	int graphs, default_directed;
	int attr_cls;            /* class of the open <attributes>, or C_NONE */
	long cur;                /* current node or edge row, or -1 */
	int cur_cls;
	int spells;              /* spells read in the current element */
	long tcol[2][2];         /* [class][start, end] time columns, -1 */
	long dir_col;
	int name_attr;           /* a node attribute is the name: labels go to `label` */
	int warned_dynamic, warned_timestamps;
	struct cm_xml_err xe;
};

static const char *const cls_word[2] = { "node", "edge" };

static void set(struct reader *rd, int cls, long row, long col, const char *s)
{
	if (row < 0 || col < 0)
		return;
	if (cm_rows_set(rd->rows[cls], (size_t)row, (size_t)col, s, strlen(s)) < 0)
		rd->in.nomem = 1;
}

/* The column called name in class cls, added with decl if missing. */
static long column(struct reader *rd, int cls, const char *name, int decl)
{
	long c = cm_rows_column(rd->rows[cls], name, decl, cm_xml_line(&rd->in));

	if (c < 0)
		rd->in.nomem = 1;
	return c;
}

static int kind_of(const char *type)
{
	static const char *const numbers[] = { "integer", "long", "float", "double", "short", "byte",
					       "bigdecimal", "biginteger", "int" };
	size_t i;

	if (!type)
		return A_TEXT;
	if (!strncmp(type, "list", 4))
		return A_LIST;
	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		if (!strcmp(type, numbers[i]))
			return A_NUMBER;
	return A_TEXT; /* string, boolean, date, anyURI, char */
}

/* A GEXF list, "[a, b]" (1.3) or "a|b" (Gephi 0.8), as "a;b" in out
 * (strlen(v) + 1 bytes). */
static void list_value(const char *v, char *out)
{
	size_t n = strlen(v);
	char sep = '|', *w = out;
	const char *p, *end;

	if (n >= 2 && v[0] == '[' && v[n - 1] == ']') {
		v++;
		n -= 2;
		sep = ',';
	}
	for (p = v, end = v + n; p <= end;) {
		const char *q = memchr(p, sep, (size_t)(end - p));
		const char *e = q ? q : end;
		while (p < e && (*p == ' ' || *p == '\'' || *p == '"'))
			p++;
		while (e > p && (e[-1] == ' ' || e[-1] == '\'' || e[-1] == '"'))
			e--;
		if (e > p) {
			if (w > out)
				*w++ = ';';
			memcpy(w, p, (size_t)(e - p));
			w += e - p;
		}
		if (!q)
			break;
		p = q + 1;
	}
	*w = '\0';
}

/* Sets an attribute's value in row, converted by its kind. */
static void set_value(struct reader *rd, const struct gattr *a, long row, const char *v)
{
	char *tmp;

	if (a->kind == A_NUMBER && (!strcasecmp(v, "NaN") || !*v))
		return; /* NetworkX writes a missing float as NaN */
	if (a->kind != A_LIST) {
		set(rd, a->cls, row, a->col, v);
		return;
	}
	if (!(tmp = malloc(strlen(v) + 1))) {
		rd->in.nomem = 1;
		return;
	}
	list_value(v, tmp);
	set(rd, a->cls, row, a->col, tmp);
	free(tmp);
}

/* 1 when title is a column the reader fills itself: a node's id, an
 * edge's ends. */
static int is_key(int cls, const char *title)
{
	int f = cls == C_NODE ? CM_ORGS_FILE : CM_TIES_FILE;
	int k = cm_schema_find(&cm_schemas[f], title, strlen(title), 0);

	return k >= 0 && (size_t)k < cm_schemas[f].nkeys;
}

static void on_attribute(struct reader *rd, long line)
{
	char *id = cm_xml_attr_copy(&rd->in, "id"), *title = cm_xml_attr_copy(&rd->in, "title"), *type = cm_xml_attr_copy(&rd->in, "type");
	struct gattr *a, *v;
	size_t i;

	if (rd->in.nomem)
		goto out;
	if (!id) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "<attribute> without an id");
		goto out;
	}
	for (i = 0; i < rd->nattrs; i++)
		if (rd->attrs[i].cls == rd->attr_cls && !strcmp(rd->attrs[i].id, id)) {
			cm_xml_problem(&rd->in, CM_ERROR, line, "duplicate %s attribute id '%.80s' (first on line %ld)",
				cls_word[rd->attr_cls], id, rd->attrs[i].line);
			goto out;
		}
	if (!(v = realloc(rd->attrs, (rd->nattrs + 1) * sizeof(*v)))) {
		rd->in.nomem = 1;
		goto out;
	}
	rd->attrs = v;
	a = &rd->attrs[rd->nattrs++];
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->title = title ? title : strdup(id);
	id = title = NULL;
	a->cls = rd->attr_cls;
	a->kind = kind_of(type);
	a->line = line;
	a->col = -1;
	if (!a->title) {
		rd->in.nomem = 1;
	} else if (is_key(a->cls, a->title)) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "%s attribute '%.80s' clashes with the %s; rename it", cls_word[a->cls],
			a->title, a->cls == C_NODE ? "node ids" : "edges' ends");
		a->skip = 1;
	} else {
		a->col = column(rd, a->cls, a->title, a->kind == A_NUMBER ? CM_DECL_NUMBER : CM_DECL_TEXT);
		if (a->cls == C_NODE &&
		    cm_schema_find(&cm_schemas[CM_ORGS_FILE], a->title, strlen(a->title), 0) == CM_ORG_NAME)
			rd->name_attr = 1;
	}
out:
	free(id);
	free(title);
	free(type);
}

static struct gattr *find_attr(struct reader *rd, int cls, const char *id)
{
	size_t i;

	for (i = 0; i < rd->nattrs; i++)
		if (rd->attrs[i].cls == cls && !strcmp(rd->attrs[i].id, id))
			return &rd->attrs[i];
	return NULL;
}

static void on_attvalue(struct reader *rd, long line)
{
	char *id = cm_xml_attr_copy(&rd->in, "for"), *v = cm_xml_attr_copy(&rd->in, "value"), *start = cm_xml_attr_copy(&rd->in, "start"), *end = cm_xml_attr_copy(&rd->in, "end");
	struct gattr *a;

	if (!id) /* GEXF 1.1 named it id */
		id = cm_xml_attr_copy(&rd->in, "id");
	if (rd->in.nomem)
		goto out;
	if (!id || !v) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "<attvalue> without %s", id ? "a value" : "a for (its attribute's id)");
		goto out;
	}
	if (!(a = find_attr(rd, rd->cur_cls, id))) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "<attvalue> names an undeclared %s attribute '%.80s'", cls_word[rd->cur_cls],
			id);
		goto out;
	}
	if ((start || end) && !rd->warned_dynamic++)
		cm_xml_problem(&rd->in, CM_WARNING, line,
			"attribute '%.80s' has values over time (start/end on <attvalue>); each node or edge "
			"keeps its last", a->title);
	if (!a->skip)
		set_value(rd, a, rd->cur, v);
out:
	free(id);
	free(v);
	free(start);
	free(end);
}

/* Times (start/end attributes, spells): held as they are in the class's
 * start and end columns, made dates at the end (finish_times). */
static void set_time(struct reader *rd, int which, const char *v)
{
	static const char *const names[2] = { "start", "end" };
	long *c = &rd->tcol[rd->cur_cls][which];

	if (*c < 0 && (*c = column(rd, rd->cur_cls, names[which], CM_DECL_TEXT)) < 0)
		return;
	set(rd, rd->cur_cls, rd->cur, *c, v ? v : "");
}

static void on_times(struct reader *rd)
{
	char *start = cm_xml_attr_copy(&rd->in, "start"), *end = cm_xml_attr_copy(&rd->in, "end");

	if (start)
		set_time(rd, 0, start);
	if (end)
		set_time(rd, 1, end);
	free(start);
	free(end);
}

/* A <spell> (or GEXF 1.1 <slice>): the first gives the start, the last
 * the end (an open end clears it). */
static void on_spell(struct reader *rd)
{
	char *start = cm_xml_attr_copy(&rd->in, "start"), *end = cm_xml_attr_copy(&rd->in, "end");

	if (!rd->spells++)
		set_time(rd, 0, start);
	set_time(rd, 1, end);
	free(start);
	free(end);
}

static void on_node(struct reader *rd, long line)
{
	char *id = cm_xml_attr_copy(&rd->in, "id"), *label = cm_xml_attr_copy(&rd->in, "label");

	if (!id) {
		if (!rd->in.nomem)
			cm_xml_problem(&rd->in, CM_ERROR, line, "<node> without an id");
		goto out;
	}
	rd->cur = cm_rows_add(rd->rows[C_NODE], line);
	rd->cur_cls = C_NODE;
	rd->spells = 0;
	if (rd->cur < 0) {
		rd->in.nomem = 1;
		goto out;
	}
	set(rd, C_NODE, rd->cur, CM_ORG_ID, id);
	if (label) {
		const char *col = rd->name_attr ? "label" : cm_org_cols[CM_ORG_NAME].name;
		set(rd, C_NODE, rd->cur, column(rd, C_NODE, col, CM_DECL_TEXT), label);
	}
	on_times(rd);
out:
	free(id);
	free(label);
}

/* The edge's direction: its type, else the graph's defaultedgetype. */
static void edge_direction(struct reader *rd, const char *type, const char *kind, long line)
{
	int directed = rd->default_directed;

	if (type && !strcmp(type, "directed"))
		directed = 1;
	else if (type && (!strcmp(type, "undirected") || !strcmp(type, "mutual")))
		directed = 0;
	else if (type) {
		/* NetworkX writes an edge attribute `type` there */
		cm_xml_problem(&rd->in, CM_WARNING, line,
			"type=\"%.40s\" is not a direction (directed, undirected, mutual); taken as the tie's type%s",
			type, kind ? " but kind gives it" : "");
		if (!kind)
			set(rd, C_EDGE, rd->cur, column(rd, C_EDGE, cm_tie_cols[CM_TIE_TYPE].name, CM_DECL_TEXT), type);
	}
	set(rd, C_EDGE, rd->cur, rd->dir_col, directed ? "true" : "false");
}

static void on_edge(struct reader *rd, long line)
{
	char *src = cm_xml_attr_copy(&rd->in, "source"), *dst = cm_xml_attr_copy(&rd->in, "target"), *type = cm_xml_attr_copy(&rd->in, "type");
	char *weight = cm_xml_attr_copy(&rd->in, "weight"), *label = cm_xml_attr_copy(&rd->in, "label"), *kind = cm_xml_attr_copy(&rd->in, "kind");

	if (!src || !dst) {
		if (!rd->in.nomem)
			cm_xml_problem(&rd->in, CM_ERROR, line, "<edge> without a source or target");
		goto out;
	}
	rd->cur = cm_rows_add(rd->rows[C_EDGE], line);
	rd->cur_cls = C_EDGE;
	rd->spells = 0;
	if (rd->cur < 0) {
		rd->in.nomem = 1;
		goto out;
	}
	set(rd, C_EDGE, rd->cur, CM_TIE_SOURCE, src);
	set(rd, C_EDGE, rd->cur, CM_TIE_TARGET, dst);
	edge_direction(rd, type, kind, line);
	if (weight)
		set(rd, C_EDGE, rd->cur, column(rd, C_EDGE, cm_tie_cols[CM_TIE_WEIGHT].name, CM_DECL_NUMBER), weight);
	if (label)
		set(rd, C_EDGE, rd->cur, column(rd, C_EDGE, "label", CM_DECL_TEXT), label);
	if (kind)
		set(rd, C_EDGE, rd->cur, column(rd, C_EDGE, cm_tie_cols[CM_TIE_TYPE].name, CM_DECL_TEXT), kind);
	on_times(rd);
out:
	free(src);
	free(dst);
	free(type);
	free(weight);
	free(label);
	free(kind);
}

/* viz:color as #rrggbb (r, g, b in 0..255, or GEXF 1.3's hex). */
static void on_color(struct reader *rd, long line)
{
	char *hex = cm_xml_attr_copy(&rd->in, "hex"), *rgb[3] = { cm_xml_attr_copy(&rd->in, "r"), cm_xml_attr_copy(&rd->in, "g"), cm_xml_attr_copy(&rd->in, "b") };
	char out[8], *end;
	long v[3];
	int i, ok = 1;

	if (hex && strlen(hex) == 7 && hex[0] == '#' && strspn(hex + 1, "0123456789abcdefABCDEF") == 6) {
		snprintf(out, sizeof(out), "%s", hex);
	} else {
		for (i = 0; i < 3; i++) {
			v[i] = rgb[i] ? strtol(rgb[i], &end, 10) : -1;
			if (!rgb[i] || !*rgb[i] || *end || v[i] < 0 || v[i] > 255)
				ok = 0;
		}
		if (ok)
			snprintf(out, sizeof(out), "#%02lx%02lx%02lx", v[0], v[1], v[2]);
	}
	if (!ok)
		cm_xml_problem(&rd->in, CM_WARNING, line, "viz:color without r, g, b from 0 to 255; ignored");
	else
		set(rd, rd->cur_cls, rd->cur, column(rd, rd->cur_cls, "viz_color", CM_DECL_TEXT), out);
	free(hex);
	for (i = 0; i < 3; i++)
		free(rgb[i]);
}

/* viz:position's x and y, viz:size and viz:thickness's value. */
static void on_viz_number(struct reader *rd, const char *name)
{
	static const struct {
		const char *elem, *attr, *col;
	} map[] = { { "position", "x", "viz_x" }, { "position", "y", "viz_y" }, { "size", "value", "viz_size" },
		    { "thickness", "value", "viz_thickness" } };
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		char *v;
		if (strcmp(name, map[i].elem) || !(v = cm_xml_attr_copy(&rd->in, map[i].attr)))
			continue;
		set(rd, rd->cur_cls, rd->cur, column(rd, rd->cur_cls, map[i].col, CM_DECL_NUMBER), v);
		free(v);
	}
}

static void on_viz(struct reader *rd, const char *name, long line)
{
	if (!strcmp(name, "color"))
		on_color(rd, line);
	else
		on_viz_number(rd, name);
}

static void on_graph(struct reader *rd, long line)
{
	char *ed;

	if (rd->graphs++) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "more than one <graph>; coalmap reads one");
		return;
	}
	ed = cm_xml_attr_copy(&rd->in, "defaultedgetype");
	rd->default_directed = ed && !strcmp(ed, "directed");
	if (ed && strcmp(ed, "directed") && strcmp(ed, "undirected") && strcmp(ed, "mutual"))
		cm_xml_problem(&rd->in, CM_ERROR, line, "defaultedgetype=\"%.40s\" is not directed, undirected or mutual", ed);
	free(ed);
}

static void on_attributes(struct reader *rd, long line)
{
	char *c = cm_xml_attr_copy(&rd->in, "class");

	rd->attr_cls = C_NONE;
	if (c && !strcmp(c, "node"))
		rd->attr_cls = C_NODE;
	else if (c && !strcmp(c, "edge"))
		rd->attr_cls = C_EDGE;
	else if (!rd->in.nomem)
		cm_xml_problem(&rd->in, CM_ERROR, line, "<attributes> class=\"%.40s\" is not node or edge", c ? c : "");
	free(c);
}

static void on_default(struct reader *rd)
{
	struct gattr *a = rd->nattrs ? &rd->attrs[rd->nattrs - 1] : NULL;

	if (a && !a->dflt && rd->attr_cls != C_NONE && !xmlTextReaderIsEmptyElement(rd->in.r))
		a->dflt = cm_xml_content(&rd->in);
}

/* Elements inside a node or an edge. */
static void in_element(struct reader *rd, const char *name, long line)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(rd->in.r);

	if (ns && strstr(ns, "viz")) {
		on_viz(rd, name, line);
	} else if (!strcmp(name, "attvalue")) {
		on_attvalue(rd, line);
	} else if (!strcmp(name, "spell") || !strcmp(name, "slice")) {
		on_spell(rd);
	} else if (!strcmp(name, "nodes")) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "nodes inside a node (a hierarchical graph) are not supported");
	} else if (!strcmp(name, "edge")) {
		cm_xml_problem(&rd->in, CM_ERROR, line, "<edge> inside a node or an edge");
	} else if (!strcmp(name, "timestamp") && !rd->warned_timestamps++) {
		cm_xml_problem(&rd->in, CM_WARNING, line, "timestamps are not read (spells and start/end are)");
	}
}

static void on_element(struct reader *rd, const char *name, int depth, long line)
{
	if (depth == 0) {
		if (strcmp(name, "gexf"))
			cm_xml_problem(&rd->in, CM_ERROR, line, "not GEXF: the root element is <%.40s>, not <gexf>", name);
		return;
	}
	if (rd->cur_cls != C_NONE)
		in_element(rd, name, line);
	else if (!strcmp(name, "graph"))
		on_graph(rd, line);
	else if (!strcmp(name, "attributes"))
		on_attributes(rd, line);
	else if (!strcmp(name, "attribute") && rd->attr_cls != C_NONE)
		on_attribute(rd, line);
	else if (!strcmp(name, "default"))
		on_default(rd);
	else if (!strcmp(name, "node"))
		on_node(rd, line);
	else if (!strcmp(name, "edge"))
		on_edge(rd, line);
}

static void on_end(struct reader *rd, const char *name)
{
	if (!strcmp(name, "node") || !strcmp(name, "edge")) {
		rd->cur = -1;
		rd->cur_cls = C_NONE;
	} else if (!strcmp(name, "attributes")) {
		rd->attr_cls = C_NONE;
	}
}

/* A GEXF time as a date the loader reads: YYYY-MM-DD (a dateTime's
 * date), or a year YYYY (also as a double, 2005.0).  0, or -1. */
static int as_date(const char *v, char *out)
{
	size_t n = strlen(v);
	int32_t day;

	if (n >= 10 && (n == 10 || v[10] == 'T' || v[10] == ' ')) {
		memcpy(out, v, 10);
		out[10] = '\0';
		return cm_date_parse(out, 0, 0, &day);
	}
	if (n == 4 || (n > 5 && v[4] == '.' && strspn(v + 5, "0") == n - 5)) {
		memcpy(out, v, 4);
		out[4] = '\0';
		return strspn(out, "0123456789") == 4 ? 0 : -1;
	}
	return -1;
}

/* The edges' times become the ties' start and end dates when every one is
 * a date or a year; else (integer time slots, doubles) they stay, as the
 * attributes time_start and time_end. */
static void finish_times(struct reader *rd)
{
	struct cm_rows *t = rd->rows[C_EDGE];
	static const char *const kept[2] = { "time_start", "time_end" };
	char buf[16];
	const char *bad = NULL;
	size_t r;
	int k;

	for (k = 0; k < 2 && !bad; k++)
		for (r = 0; rd->tcol[C_EDGE][k] >= 0 && r < t->nrows && !bad; r++) {
			const char *v = cm_rows_get(t, r, (size_t)rd->tcol[C_EDGE][k]);
			if (v && *v && as_date(v, buf) < 0)
				bad = v;
		}
	for (k = 0; k < 2; k++) {
		long c = rd->tcol[C_EDGE][k];
		char *name;
		if (c < 0)
			continue;
		if (bad) {
			if (!(name = strdup(kept[k]))) {
				rd->in.nomem = 1;
				return;
			}
			free(t->names[c]);
			t->names[c] = name;
			t->decl[c] = CM_DECL_ANY;
			continue;
		}
		for (r = 0; r < t->nrows; r++) {
			const char *v = cm_rows_get(t, r, (size_t)c);
			if (v && *v && as_date(v, buf) == 0)
				set(rd, C_EDGE, (long)r, c, buf);
		}
	}
	if (bad)
		cm_xml_problem(&rd->in, CM_WARNING, 0,
			"the edges' times are not dates or years ('%.40s': time slots?); kept as the attributes "
			"time_start and time_end, the ties have no dates", bad);
}

/* Attributes' <default> values fill the cells their nodes and edges leave
 * empty; the edges' times are made dates. */
static void finish(struct reader *rd)
{
	size_t i, r;

	for (i = 0; i < rd->nattrs && !rd->in.nomem; i++) {
		struct gattr *a = &rd->attrs[i];
		if (a->dflt && !a->skip)
			for (r = 0; r < rd->rows[a->cls]->nrows; r++)
				if (!cm_rows_get(rd->rows[a->cls], r, (size_t)a->col))
					set_value(rd, a, (long)r, a->dflt);
	}
	if (!rd->in.nomem)
		finish_times(rd);
}

/* Reads the file to its end (or its first refusal). */
static int read_all(struct reader *rd, size_t errors_before)
{
	int ret;

	while (!rd->in.nomem && (ret = xmlTextReaderRead(rd->in.r)) == 1) {
		int type = xmlTextReaderNodeType(rd->in.r);
		const char *name = (const char *)xmlTextReaderConstLocalName(rd->in.r);
		int depth = xmlTextReaderDepth(rd->in.r);
		long line = cm_xml_line(&rd->in);
		const char *why = cm_xml_refused(rd->in.path, type, &line);

		if (why) {
			cm_xml_problem(&rd->in, CM_ERROR, line, "%s", why);
			return 0;
		}
		if (depth > MAX_DEPTH) {
			cm_xml_problem(&rd->in, CM_ERROR, line, "elements nested deeper than %d levels", MAX_DEPTH);
			return 0;
		}
		if (type == XML_READER_TYPE_ELEMENT && name) {
			int empty = xmlTextReaderIsEmptyElement(rd->in.r);
			on_element(rd, name, depth, line);
			if (empty)
				on_end(rd, name);
		} else if (type == XML_READER_TYPE_END_ELEMENT && name) {
			on_end(rd, name);
		}
		if (rd->in.diags->n_errors - errors_before >= CM_DIAGS_MAX)
			return 0;
	}
	return ret;
}

int cm_read_gexf(struct cm_read *c)
{
	struct reader rd;
	size_t i, errors_before = c->diags->n_errors;
	int fd = -1, ret, rc = CM_ENOMEM;

	memset(&rd, 0, sizeof(rd));
	rd.in.path = c->path;
	rd.in.diags = c->diags;
	rd.in.opts = c->opts;
	rd.cur = -1;
	rd.cur_cls = rd.attr_cls = C_NONE;
	rd.rows[C_NODE] = c->orgs;
	rd.rows[C_EDGE] = c->ties;
	memset(rd.tcol, 0xff, sizeof(rd.tcol)); /* all -1 */
	if (cm_rows_add_keys(c->orgs, c->ties, 0, &rd.dir_col) < 0)
		goto out;
	if ((fd = open(c->path, O_RDONLY)) < 0) {
		rc = cm_error_set(c->err, CM_ENOINPUT, c->path, 0, 0, "cannot open: %s", strerror(errno));
		goto out;
	}
	cm_xml_quiet();
	/* no network, no entity substitution, no DTD loading; a DOCTYPE is
	 * refused, so no entity can expand */
	if (!(rd.in.r = xmlReaderForFd(fd, c->path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES)))
		goto out;
	xmlTextReaderSetStructuredErrorHandler(rd.in.r, cm_xml_on_error, &rd.xe);
	ret = read_all(&rd, errors_before);
	if (rd.in.nomem)
		goto out;
	if (rd.xe.failed)
		cm_xml_problem(&rd.in, CM_ERROR, rd.xe.line, "malformed XML: %s", rd.xe.msg);
	else if (ret < 0 && !rd.in.bad)
		cm_xml_problem(&rd.in, CM_ERROR, xmlTextReaderGetParserLineNumber(rd.in.r), "malformed XML");
	else if (!rd.in.bad && !rd.graphs)
		cm_xml_problem(&rd.in, CM_ERROR, 1, "no <graph> element");
	if (rd.in.bad || c->diags->n_errors > errors_before) {
		rc = CM_EDATA;
		goto out;
	}
	finish(&rd);
	rc = rd.in.nomem ? CM_ENOMEM : CM_OK;
out:
	if (rc == CM_ENOMEM)
		cm_error_set(c->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rd.in.r)
		xmlFreeTextReader(rd.in.r);
	if (fd >= 0)
		close(fd);
	for (i = 0; i < rd.nattrs; i++) {
		free(rd.attrs[i].id);
		free(rd.attrs[i].title);
		free(rd.attrs[i].dflt);
	}
	free(rd.attrs);
	return rc;
}

/* An XML file whose first element (after the prolog and comments) is
 * <gexf>; else a .gexf name. */
int cm_sniff_gexf(const struct cm_peek *p)
{
	if (p->is_dir)
		return CM_NOT_MINE;
	if (cm_xml_root_is(p, "gexf"))
		return CM_BY_CONTENT;
	return !strcasecmp(p->ext, "gexf") ? CM_BY_NAME : CM_NOT_MINE;
}
