/* layout.c - where things go: the layout engine, pass 1 (one box per node
 * holding its shape and the label band under it, laid out with overlap
 * removal), and the places pass 2 puts shapes and suggestion plates. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "viz/viz.h"

static const char *const engines[] = { "neato", "fdp", "sfdp", "dot", "circo" };

/* The engine: neato up to 150 nodes, sfdp above, or the one asked for
 * (dot and circo only up to 300 nodes). */
int viz_choose_layout(const struct viz_map *m, const char **engine, struct cm_error *err)
{
	const char *asked = m->o->layout;
	size_t i;

	if (!asked) {
		*engine = m->nv <= 150 ? "neato" : "sfdp";
		return CM_OK;
	}
	for (i = 0; i < sizeof(engines) / sizeof(*engines); i++)
		if (!strcmp(asked, engines[i]))
			break;
	if (i == sizeof(engines) / sizeof(*engines))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "unknown layout '%s' (neato, fdp, sfdp, dot, circo)", asked);
	if ((i == 3 || i == 4) && m->nv > 300)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "--layout %s does not finish in reasonable time on %zu nodes; "
				    "use sfdp (the default) above 300", asked, m->nv);
	*engine = engines[i];
	return CM_OK;
}

/* Label band height under a shape, points. */
static double label_height(const struct viz_map *m, const struct viz_node *v)
{
	return v->label ? v->lines * m->label_fs * 1.2 + 2 * 0.01 * 72 + 2 : 0;
}

/* The engine's settings for pass 1. */
static void layout_settings(struct viz_draw *d, const char *engine)
{
	viz_draw_set(d, VIZ_GRAPH, "splines", "");
	viz_draw_set(d, VIZ_GRAPH, "outputorder", "edgesfirst");
	if (!strcmp(engine, "neato") || !strcmp(engine, "sfdp") || !strcmp(engine, "fdp")) {
		viz_draw_set(d, VIZ_GRAPH, "overlap", "prism");
		viz_draw_set(d, VIZ_GRAPH, "sep", "+7");
		/* prism first spreads the layout to 4 label sizes per edge by
		 * default; 2 keeps maps compact and labels large on the page */
		viz_draw_set(d, VIZ_GRAPH, "overlap_scaling", "-2");
		viz_draw_set(d, VIZ_GRAPH, "start", "1"); /* fixed seed: same input, same map */
		if (!strcmp(engine, "neato")) {
			viz_draw_set(d, VIZ_GRAPH, "pack", "true");
			viz_draw_set(d, VIZ_GRAPH, "mode", "major");
		}
	} else if (!strcmp(engine, "dot")) {
		viz_draw_set(d, VIZ_GRAPH, "nodesep", "0.25");
		viz_draw_set(d, VIZ_GRAPH, "ranksep", "0.5");
	} else
		viz_draw_set(d, VIZ_GRAPH, "mindist", "0.4");
}

/* Pass 1: lays out a box per node (its shape, with room for the
 * highlight_gaps org's disc, and its label band), one edge per linked pair
 * and per suggestion; fills each node's x, y, w, h and the bounding box
 * bb (LL.x, LL.y, UR.x, UR.y; zeros without nodes). */
int viz_layout(struct viz_map *m, const char *engine, double *bb, struct cm_error *err)
{
	struct viz_draw d;
	char what[64];
	size_t i, first = 1;
	int rc;

	viz_new_drawing(&d);
	layout_settings(&d, engine);
	for (i = 0; i < m->nv; i++) {
		struct viz_node *v = &m->v[i];
		size_t n = viz_draw_node(&d);
		if (!i)
			first = n;
		/* a box, so that bounding boxes, not just shapes, stay apart */
		viz_draw_set(&d, n, "shape", "box");
		if (v->label) {
			viz_draw_set(&d, n, "label", v->label);
			viz_draw_setf(&d, n, "fontsize", m->label_fs);
		} else
			viz_draw_set(&d, n, "fixedsize", "true");
		viz_draw_setf(&d, n, "width", (v->side + 2 * v->pad) / 72);
		viz_draw_setf(&d, n, "height", (v->side + 2 * v->pad + label_height(m, v)) / 72);
	}
	for (i = 0; i < m->ne; i++) {
		const struct viz_edge *e = &m->e[i];
		/* one edge per pair is enough for the layout */
		if (!i || m->e[i - 1].a != e->a || m->e[i - 1].b != e->b)
			viz_draw_edge(&d, first + e->a, first + e->b);
	}
	for (i = 0; i < m->nsug; i++)
		viz_draw_edge(&d, first + m->sug[i].a, first + m->sug[i].b);
	snprintf(what, sizeof(what), "map layout (%s)", engine);
	if ((rc = viz_gv_layout(&d, engine, what, err)) == CM_OK) {
		for (i = 0; i < m->nv; i++) {
			const double *g = &d.geom[4 * (first + i)];
			m->v[i].x = g[0];
			m->v[i].y = g[1];
			m->v[i].w = g[2];
			m->v[i].h = g[3];
		}
		memcpy(bb, d.bb, sizeof(d.bb));
		if (m->nv == 0)
			bb[0] = bb[1] = bb[2] = bb[3] = 0;
	}
	viz_draw_release(&d);
	return rc;
}

/* Centre of a node's shape in the drawing (its label hangs below). */
void viz_shape_centre(const struct viz_node *v, double *x, double *y)
{
	*x = v->x;
	*y = v->label ? v->y + v->h / 2 - v->pad - v->side / 2 : v->y;
}

/* Area shared by two boxes given as centre and size. */
static double box_overlap(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh)
{
	double w = fmin(ax + aw / 2, bx + bw / 2) - fmax(ax - aw / 2, bx - bw / 2);
	double h = fmin(ay + ah / 2, by + bh / 2) - fmax(ay - ah / 2, by - bh / 2);

	return w > 0 && h > 0 ? w * h : 0;
}

/* Puts the w x h plate of a suggested partner's line on the line, or else
 * beside it, at the first of a few places around its middle that covers
 * least of the pass-1 boxes (shapes with their labels) and of the nplaced
 * plates before it (x, y, w, h each); out gets x, y, w, h. */
void viz_place_plate(const struct viz_map *m, const struct viz_suggestion *sg, double w, double h,
		     const double *placed, size_t nplaced, double *out)
{
	static const double at[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82 };
	static const double side[] = { 0, 1, -1 };
	double ax, ay, bx, by, nx, ny, len, off, best = INFINITY;
	size_t k, i, s;

	viz_shape_centre(&m->v[sg->a], &ax, &ay);
	viz_shape_centre(&m->v[sg->b], &bx, &by);
	out[0] = (ax + bx) / 2;
	out[1] = (ay + by) / 2;
	out[2] = w;
	out[3] = h;
	len = hypot(bx - ax, by - ay);
	nx = len > 0 ? -(by - ay) / len : 0;
	ny = len > 0 ? (bx - ax) / len : 1;
	off = fabs(nx) * w / 2 + fabs(ny) * h / 2 + 2; /* the plate just clear of the line */
	for (s = 0; s < sizeof(side) / sizeof(*side) && best > 0; s++)
		for (k = 0; k < sizeof(at) / sizeof(*at) && best > 0; k++) {
			double x = ax + at[k] * (bx - ax) + side[s] * off * nx;
			double y = ay + at[k] * (by - ay) + side[s] * off * ny, cover = 0;
			for (i = 0; i < m->nv; i++) {
				const struct viz_node *v = &m->v[i];
				cover += box_overlap(x, y, w, h, v->x, v->y, v->w + 8, v->h + 8);
			}
			for (i = 0; i < nplaced; i++)
				cover += 4 * box_overlap(x, y, w, h, placed[4 * i], placed[4 * i + 1],
							 placed[4 * i + 2], placed[4 * i + 3]);
			if (cover < best - 1e-9) {
				best = cover;
				out[0] = x;
				out[1] = y;
			}
		}
}
