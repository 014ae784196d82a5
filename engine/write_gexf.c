/* write_gexf.c - writes the exported landscape tables as GEXF 1.2 (the
 * version NetworkX's read_gexf and Gephi both read; docs/convert.md). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define GEXF_NS "http://www.gexf.net/1.2draft"

/* What a column becomes: an <attvalue>, or something of the element's
 * own (the reader's mapping, read_gexf.c, the other way). */
enum role { R_ATTR, R_OWN, R_VIZ };

/* The columns GEXF holds in its own attributes. */
static const char *const own_node[] = { "id", "name", NULL };
static const char *const own_edge[] = { "source", "target", "directed", "weight", "start", "end", "label", NULL };
/* viz columns (as read_gexf.c names them) and their viz element */
static const struct {
	const char *col, *elem, *attr;
	int number;
} viz_cols[] = {
	{ "viz_color", "viz:color", NULL, 0 }, { "viz_x", "viz:position", "x", 1 },
	{ "viz_y", "viz:position", "y", 1 },  { "viz_size", "viz:size", "value", 1 },
	{ "viz_thickness", "viz:thickness", "value", 1 },
};
#define NVIZ (sizeof(viz_cols) / sizeof(viz_cols[0]))

/* The columns a row's element reads by name (looked up once). */
enum named { C_ID, C_NAME, C_SOURCE, C_TARGET, C_DIRECTED, C_WEIGHT, C_START, C_END, C_LABEL, NNAMED };

struct part {
	const struct cm_table *t;
	const char *cls;     /* node, edge */
	unsigned char *role; /* per column */
	int at[NNAMED];      /* the column of each named one, or -1 */
	int viz[NVIZ];       /* the column of each viz one, or -1 */
};

static int is_hex_color(const char *s)
{
	return strlen(s) == 7 && s[0] == '#' && strspn(s + 1, "0123456789abcdefABCDEF") == 6;
}

/* A viz column: numbers, or #rrggbb colours in every row. */
static int viz_index(const struct cm_table *t, size_t j)
{
	const struct cm_column *c = &t->cols[j];
	size_t k, r;

	for (k = 0; k < NVIZ; k++) {
		if (strcmp(c->name, viz_cols[k].col))
			continue;
		if (viz_cols[k].number)
			return c->kind != CM_TEXT ? (int)k : -1;
		if (c->kind != CM_TEXT)
			return -1;
		for (r = 0; r < t->nrows; r++)
			if (!c->null[r] && !is_hex_color(c->text[r]))
				return -1;
		return (int)k;
	}
	return -1;
}

/* Each column's role; the named columns' indices. */
static int roles(struct part *p, const char *const *own)
{
	const char *named[NNAMED] = {
		[C_ID] = cm_org_cols[CM_ORG_ID].name,	      [C_NAME] = cm_org_cols[CM_ORG_NAME].name,
		[C_SOURCE] = cm_tie_cols[CM_TIE_SOURCE].name,     [C_TARGET] = cm_tie_cols[CM_TIE_TARGET].name,
		[C_DIRECTED] = cm_tie_cols[CM_TIE_DIRECTED].name, [C_WEIGHT] = cm_tie_cols[CM_TIE_WEIGHT].name,
		[C_START] = "start", [C_END] = "end", [C_LABEL] = "label",
	};
	size_t j, k;

	for (k = 0; k < NNAMED; k++)
		p->at[k] = cm_table_find(p->t, named[k]);

	if (!(p->role = calloc(p->t->ncols ? p->t->ncols : 1, 1)))
		return CM_ENOMEM;
	for (j = 0; j < p->t->ncols; j++) {
		for (k = 0; own[k]; k++)
			if (!strcmp(p->t->cols[j].name, own[k]))
				p->role[j] = R_OWN;
		/* an edge label is its own only as text */
		if (p->role[j] == R_OWN && !strcmp(p->t->cols[j].name, "label") && p->t->cols[j].kind != CM_TEXT)
			p->role[j] = R_ATTR;
		if (p->role[j] == R_ATTR && viz_index(p->t, j) >= 0)
			p->role[j] = R_VIZ;
	}
	for (k = 0; k < NVIZ; k++) {
		int c = cm_table_find(p->t, viz_cols[k].col);
		p->viz[k] = c >= 0 && p->role[c] == R_VIZ ? c : -1;
	}
	return CM_OK;
}

static void w_attributes(struct cm_xml_out *o, const struct part *p)
{
	size_t j;
	char id[32];

	cm_xml_start(o, "attributes");
	cm_xml_attr(o, "class", p->cls);
	cm_xml_attr(o, "mode", "static");
	for (j = 0; j < p->t->ncols; j++) {
		if (p->role[j] != R_ATTR)
			continue;
		snprintf(id, sizeof(id), "%c%zu", p->cls[0], j);
		cm_xml_start(o, "attribute");
		cm_xml_attr(o, "id", id);
		cm_xml_attr(o, "title", p->t->cols[j].name);
		cm_xml_attr(o, "type", cm_xml_attr_type(&p->t->cols[j], p->t->nrows));
		cm_xml_end(o);
	}
	cm_xml_end(o);
}

/* Row r's value of viz column k, or NULL. */
static const char *viz_value(struct cm_xml_out *o, const struct part *p, size_t r, size_t k, char *buf, size_t n,
			     char **tmp)
{
	int j = p->viz[k];

	*tmp = NULL;
	return j < 0 ? NULL : cm_xml_cell(o, &p->t->cols[j], r, buf, n, tmp);
}

/* Row r's viz elements: viz columns with the same element (position's x
 * and y) make one. */
static void w_viz(struct cm_xml_out *o, const struct part *p, size_t r)
{
	size_t k, m;
	char buf[64], *tmp;
	const char *v;

	for (k = 0; k < NVIZ; k++) {
		int open = 0;
		if (k && !strcmp(viz_cols[k].elem, viz_cols[k - 1].elem))
			continue; /* written with the first of its element */
		for (m = k; m < NVIZ && !strcmp(viz_cols[m].elem, viz_cols[k].elem); m++) {
			if (!(v = viz_value(o, p, r, m, buf, sizeof(buf), &tmp)))
				continue;
			if (!open++)
				cm_xml_start(o, viz_cols[k].elem);
			if (viz_cols[m].attr) {
				cm_xml_attr(o, viz_cols[m].attr, v);
			} else {
				static const char *const rgb[3] = { "r", "g", "b" };
				unsigned x;
				for (int i = 0; i < 3; i++) {
					snprintf(buf, sizeof(buf), "%u", sscanf(v + 1 + 2 * i, "%2x", &x) == 1 ? x : 0);
					cm_xml_attr(o, rgb[i], buf);
				}
			}
			free(tmp);
		}
		if (open)
			cm_xml_end(o);
	}
}

/* The element's attvalues and viz elements for row r. */
static void w_values(struct cm_xml_out *o, const struct part *p, size_t r)
{
	size_t j;
	int open = 0;
	char id[32], buf[64], *tmp;
	const char *v;

	for (j = 0; j < p->t->ncols; j++) {
		if (p->role[j] != R_ATTR || !(v = cm_xml_cell(o, &p->t->cols[j], r, buf, sizeof(buf), &tmp)))
			continue;
		if (!open++)
			cm_xml_start(o, "attvalues");
		snprintf(id, sizeof(id), "%c%zu", p->cls[0], j);
		cm_xml_start(o, "attvalue");
		cm_xml_attr(o, "for", id);
		cm_xml_attr(o, "value", v);
		cm_xml_end(o);
		free(tmp);
	}
	if (open)
		cm_xml_end(o);
	w_viz(o, p, r);
}

/* Row r's text cell of named column k, or NULL. */
static const char *cell(const struct part *p, enum named k, size_t r)
{
	int j = p->at[k];

	return j < 0 || p->t->cols[j].kind != CM_TEXT || p->t->cols[j].null[r] ? NULL : p->t->cols[j].text[r];
}

static void w_nodes(struct cm_xml_out *o, const struct part *p)
{
	size_t r;
	const char *name;

	cm_xml_start(o, "nodes");
	for (r = 0; r < p->t->nrows && !o->failed && !o->nomem; r++) {
		cm_xml_start(o, "node");
		cm_xml_attr(o, "id", cell(p, C_ID, r));
		name = cell(p, C_NAME, r);
		cm_xml_attr(o, "label", name ? name : cell(p, C_ID, r));
		w_values(o, p, r);
		cm_xml_end(o);
	}
	cm_xml_end(o);
}

/* In a directed graph, an undirected tie is "mutual" (NetworkX's
 * read_gexf refuses an undirected edge there; it reads a mutual edge as
 * both arcs). */
static void w_edges(struct cm_xml_out *o, const struct part *p, int any_directed)
{
	static const struct {
		enum named k;
		const char *attr;
	} own[] = { { C_START, "start" }, { C_END, "end" }, { C_LABEL, "label" } };
	int wcol = p->at[C_WEIGHT];
	size_t r, k;
	char buf[64];
	const char *v, *dir;

	cm_xml_start(o, "edges");
	for (r = 0; r < p->t->nrows && !o->failed && !o->nomem; r++) {
		cm_xml_start(o, "edge");
		snprintf(buf, sizeof(buf), "%zu", r);
		cm_xml_attr(o, "id", buf);
		cm_xml_attr(o, "source", cell(p, C_SOURCE, r));
		cm_xml_attr(o, "target", cell(p, C_TARGET, r));
		dir = cell(p, C_DIRECTED, r);
		cm_xml_attr(o, "type", dir && !strcmp(dir, "true") ? "directed" : any_directed ? "mutual" : "undirected");
		if (wcol >= 0 && p->t->cols[wcol].kind == CM_REAL && !p->t->cols[wcol].null[r])
			cm_xml_attr(o, "weight", cm_format_real(p->t->cols[wcol].reals[r], buf, sizeof(buf)));
		for (k = 0; k < sizeof(own) / sizeof(own[0]); k++)
			if ((v = cell(p, own[k].k, r)))
				cm_xml_attr(o, own[k].attr, v);
		w_values(o, p, r);
		cm_xml_end(o);
	}
	cm_xml_end(o);
}

static int any_true(const struct part *p, enum named k)
{
	size_t r;

	for (r = 0; r < p->t->nrows; r++) {
		const char *v = cell(p, k, r);
		if (v && !strcmp(v, "true"))
			return 1;
	}
	return 0;
}

int cm_gexf_write(const struct cm_table *orgs, const struct cm_table *ties, FILE *f, size_t *stripped,
		  struct cm_error *err)
{
	struct cm_xml_out o;
	struct part nodes = { .t = orgs, .cls = "node" }, edges = { .t = ties, .cls = "edge" };
	int rc, directed, dynamic;

	if (stripped)
		*stripped = 0;
	if (!cm_export_is_landscape(orgs, ties))
		return cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "tables are not an exported landscape");
	if (roles(&nodes, own_node) < 0 || roles(&edges, own_edge) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if ((rc = cm_xml_out_open(&o, f, stripped, err)) < 0)
		goto out;
	directed = any_true(&edges, C_DIRECTED);
	dynamic = edges.at[C_START] >= 0 || edges.at[C_END] >= 0;
	cm_xml_start(&o, "gexf");
	cm_xml_attr(&o, "xmlns", GEXF_NS);
	cm_xml_attr(&o, "xmlns:viz", GEXF_NS "/viz");
	cm_xml_attr(&o, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	cm_xml_attr(&o, "xsi:schemaLocation", GEXF_NS " " GEXF_NS "/gexf.xsd");
	cm_xml_attr(&o, "version", "1.2");
	cm_xml_start(&o, "meta");
	cm_xml_start(&o, "creator");
	cm_xml_text(&o, "coalmap");
	cm_xml_end(&o);
	cm_xml_end(&o);
	cm_xml_start(&o, "graph");
	cm_xml_attr(&o, "defaultedgetype", directed ? "directed" : "undirected");
	cm_xml_attr(&o, "mode", dynamic ? "dynamic" : "static");
	if (dynamic)
		cm_xml_attr(&o, "timeformat", "date");
	w_attributes(&o, &nodes);
	w_attributes(&o, &edges);
	w_nodes(&o, &nodes);
	w_edges(&o, &edges, directed);
	cm_xml_end(&o);
	rc = cm_xml_out_close(&o, f, err);
out:
	free(nodes.role);
	free(edges.role);
	return rc;
}
