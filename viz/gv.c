/* gv.c - the Graphviz bridge (libgvc, libcgraph): the only file of coalmap
 * that includes Graphviz headers.  The rest of viz/ describes what to draw
 * as a struct viz_draw; this file records it, builds it through the
 * cgraph API, lays it out and renders it in-process, and turns Graphviz's
 * messages into our error record. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "viz/viz.h"

/* ------------------------------------------------------------------ */
/* The drawing, recorded                                                */
/* ------------------------------------------------------------------ */

/* Operations besides making a node or an edge. */
enum { OP_SET = VIZ_OF_EDGE + 1, OP_DEFAULT };

/* One step of a drawing, replayed in order by build(). */
struct viz_op {
	unsigned char kind;  /* VIZ_OF_NODE, VIZ_OF_EDGE (make one), OP_SET or OP_DEFAULT */
	unsigned char of;    /* OP_DEFAULT: the kind of object it is for */
	size_t obj, head;    /* OP_SET: the object; VIZ_OF_EDGE: tail and head */
	const char *name;    /* attribute name (static) */
	size_t val;          /* attribute value: offset in pool */
};

void viz_draw_init(struct viz_draw *d)
{
	memset(d, 0, sizeof(*d));
	d->nobj = 1; /* the graph */
}

void viz_draw_release(struct viz_draw *d)
{
	free(d->op);
	free(d->pool);
	free(d->geom);
	memset(d, 0, sizeof(*d));
}

/* The next operation, or NULL (and nomem) when memory ran out. */
static struct viz_op *op_add(struct viz_draw *d, unsigned char kind)
{
	struct viz_op *op;

	if (d->nomem)
		return NULL;
	if (d->nop == d->opcap) {
		size_t nc = d->opcap ? 2 * d->opcap : 256;
		struct viz_op *nv = realloc(d->op, nc * sizeof(*nv));
		if (!nv) {
			d->nomem = 1;
			return NULL;
		}
		d->op = nv;
		d->opcap = nc;
	}
	op = &d->op[d->nop++];
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	return op;
}

/* Records an attribute operation with a copy of value. */
static void op_attr(struct viz_draw *d, unsigned char kind, unsigned char of, size_t obj, const char *name,
		    const char *value)
{
	size_t n = strlen(value) + 1;
	struct viz_op *op;

	if (d->nomem)
		return;
	if (d->poollen + n > d->poolcap) {
		size_t nc = d->poolcap ? 2 * d->poolcap : 4096;
		char *np;
		while (nc < d->poollen + n)
			nc *= 2;
		if (!(np = realloc(d->pool, nc))) {
			d->nomem = 1;
			return;
		}
		d->pool = np;
		d->poolcap = nc;
	}
	if (!(op = op_add(d, kind)))
		return;
	op->of = of;
	op->obj = obj;
	op->name = name;
	op->val = d->poollen;
	memcpy(d->pool + d->poollen, value, n);
	d->poollen += n;
}

size_t viz_draw_node(struct viz_draw *d)
{
	op_add(d, VIZ_OF_NODE);
	return d->nobj++;
}

size_t viz_draw_edge(struct viz_draw *d, size_t tail, size_t head)
{
	struct viz_op *op = op_add(d, VIZ_OF_EDGE);

	if (op) {
		op->obj = tail;
		op->head = head;
	}
	return d->nobj++;
}

void viz_draw_set(struct viz_draw *d, size_t obj, const char *name, const char *value)
{
	op_attr(d, OP_SET, 0, obj, name, value);
}

void viz_draw_setf(struct viz_draw *d, size_t obj, const char *name, double value)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.4f", value);
	viz_draw_set(d, obj, name, buf);
}

void viz_draw_pos(struct viz_draw *d, size_t node, double x, double y)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%.2f,%.2f", x, y);
	viz_draw_set(d, node, "pos", buf);
}

void viz_draw_default(struct viz_draw *d, enum viz_of of, const char *name, const char *value)
{
	op_attr(d, OP_DEFAULT, (unsigned char)of, VIZ_GRAPH, name, value);
}

/* ------------------------------------------------------------------ */
/* Graphviz's messages: kept for our error record, never printed        */
/* ------------------------------------------------------------------ */

static char gv_msg[512];

static int gv_collect(char *s)
{
	size_t n = strlen(gv_msg);

	if (!strcmp(s, "Error") || !strcmp(s, "Warning"))
		n = 0; /* a new message begins */
	snprintf(gv_msg + n, sizeof(gv_msg) - n, "%s", s);
	return 0;
}

/* The last message Graphviz gave, without its prefix and newline. */
static const char *gv_reason(void)
{
	char *p = gv_msg;
	size_t n;

	if (!strncmp(p, "Error: ", 7))
		p += 7;
	n = strlen(p);
	while (n && (p[n - 1] == '\n' || p[n - 1] == ' '))
		p[--n] = '\0';
	if (n > 12 && !strcmp(p + n - 12, " Use one of:"))
		p[n -= 12] = '\0'; /* no engine to list: no plugins were found */
	return *p ? p : "no reason given";
}

/* One Graphviz context for the life of the process, never freed: Graphviz
 * 2.42's pango plugin keeps a pointer to the last font name it measured,
 * which lives in the context, so a second context read freed memory
 * (found by tests/fuzz/pipeline.c).  The context holds the plugin
 * configuration only; every graph is freed after each map. */
static GVC_t *gvc_shared;
static agusererrf prev_errf;
static agerrlevel_t prev_level = AGWARN;
static int begun;

int viz_gv_begin(struct cm_error *err)
{
	prev_errf = agseterrf(gv_collect);
	prev_level = agseterr(AGERR);
	begun = 1;
	if (!gvc_shared && !(gvc_shared = gvContext()))
		return cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "cannot start Graphviz");
	return CM_OK;
}

void viz_gv_end(void)
{
	if (!begun)
		return;
	agseterrf(prev_errf);
	agseterr(prev_level);
	begun = 0;
}

/* ------------------------------------------------------------------ */
/* The drawing, built through cgraph                                    */
/* ------------------------------------------------------------------ */

/* Builds d as a graph in *g, its objects in *objs (malloc'd, object k at
 * k), nodes named n0, n1, ... in order.  CM_ENOMEM when d ran out of
 * memory or cgraph fails. */
static int build(const struct viz_draw *d, Agraph_t **g, void ***objs)
{
	static const int kinds[] = { AGRAPH, AGNODE, AGEDGE };
	size_t i, k = 1, serial = 0;
	char name[32];

	*g = NULL;
	if (d->nomem || !(*objs = calloc(d->nobj + 1, sizeof(**objs))))
		return CM_ENOMEM;
	if (!(*g = agopen((char *)"map", Agdirected, NULL)))
		return CM_ENOMEM;
	(*objs)[VIZ_GRAPH] = *g;
	for (i = 0; i < d->nop; i++) {
		const struct viz_op *op = &d->op[i];
		char *val = d->pool + op->val;
		switch (op->kind) {
		case VIZ_OF_NODE:
			snprintf(name, sizeof(name), "n%zu", serial++);
			if (!((*objs)[k++] = agnode(*g, name, 1)))
				return CM_ENOMEM;
			break;
		case VIZ_OF_EDGE:
			if (!((*objs)[k++] = agedge(*g, (*objs)[op->obj], (*objs)[op->head], NULL, 1)))
				return CM_ENOMEM;
			break;
		case OP_SET:
			agsafeset((*objs)[op->obj], (char *)op->name, val, (char *)"");
			break;
		case OP_DEFAULT:
			agattr(*g, kinds[op->of], (char *)op->name, val);
			break;
		}
	}
	return CM_OK;
}

int viz_gv_layout(struct viz_draw *d, const char *engine, const char *what, struct cm_error *err)
{
	Agraph_t *g = NULL;
	void **objs = NULL;
	size_t i;
	int rc = CM_ENOMEM, laid = 0;

	free(d->geom);
	if (!(d->geom = calloc(4 * d->nobj + 1, sizeof(*d->geom))) || build(d, &g, &objs) < 0)
		goto out;
	gv_msg[0] = '\0';
	if (gvLayout(gvc_shared, g, engine) != 0) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "%s failed: %s", what, gv_reason());
		goto out;
	}
	laid = 1;
	for (i = 1; i < d->nobj; i++)
		if (agobjkind(objs[i]) == AGNODE) {
			Agnode_t *n = objs[i];
			d->geom[4 * i] = ND_coord(n).x;
			d->geom[4 * i + 1] = ND_coord(n).y;
			d->geom[4 * i + 2] = ND_width(n) * 72;
			d->geom[4 * i + 3] = ND_height(n) * 72;
		}
	d->bb[0] = GD_bb(g).LL.x;
	d->bb[1] = GD_bb(g).LL.y;
	d->bb[2] = GD_bb(g).UR.x;
	d->bb[3] = GD_bb(g).UR.y;
	rc = CM_OK;
out:
	if (rc == CM_ENOMEM)
		cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	if (laid)
		gvFreeLayout(gvc_shared, g);
	if (g)
		agclose(g);
	free(objs);
	return rc;
}

/* cairo stamps PDFs with the time they were made; a map is the same
 * whenever it is drawn, so the dates become 1 January 1970 (same length,
 * so the cross-reference offsets stay right). */
static void pdf_undate(char *d, size_t n)
{
	static const char *const keys[] = { "/CreationDate (D:", "/ModDate (D:" };
	static const char epoch[] = "19700101000000";
	size_t k, i;

	for (k = 0; k < 2; k++) {
		size_t kl = strlen(keys[k]);
		for (i = 0; i + kl < n; i++)
			if (!memcmp(d + i, keys[k], kl)) {
				char *p = d + i + kl;
				size_t j = 0;
				for (; p < d + n && *p != ')'; p++)
					if (*p >= '0' && *p <= '9')
						*p = j < sizeof(epoch) - 1 ? epoch[j++] : '0';
			}
	}
}

int viz_gv_render(const struct viz_draw *d, const char *format, char **data, size_t *len, struct cm_error *err)
{
	Agraph_t *g = NULL;
	void **objs = NULL;
	char *buf = NULL;
	unsigned int blen = 0;
	int rc = CM_ENOMEM, laid = 0;
	const char *device = !strcmp(format, "svg") ? "svg:svg:core" : !strcmp(format, "png") ? "png:cairo:cairo" :
			     !strcmp(format, "pdf") ? "pdf:cairo:cairo" : "dot";

	if (build(d, &g, &objs) < 0)
		goto out;
	gv_msg[0] = '\0';
	if (gvLayout(gvc_shared, g, "nop2") != 0) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "map drawing failed: %s", gv_reason());
		goto out;
	}
	laid = 1;
	gv_msg[0] = '\0';
	if (gvRenderData(gvc_shared, g, device, &buf, &blen) != 0 || !buf) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "rendering the map as %s failed: %s", format,
				  gv_reason());
		goto out;
	}
	if (!(*data = malloc(blen + 1)))
		goto out;
	memcpy(*data, buf, blen);
	(*data)[blen] = '\0';
	*len = blen;
	if (!strcmp(format, "pdf"))
		pdf_undate(*data, *len);
	rc = CM_OK;
out:
	if (rc == CM_ENOMEM)
		cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	if (buf)
		gvFreeRenderData(buf);
	if (laid)
		gvFreeLayout(gvc_shared, g);
	if (g)
		agclose(g);
	free(objs);
	return rc;
}
