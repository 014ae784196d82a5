/* draw.c - pass 2, the drawing: each node's shape with its label under it
 * at the place pass 1 found, the lines, the suggested partners' lines
 * with their plates, the title and the legend; then rendered by gv.c
 * with nothing moved. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "viz/viz.h"

/* The nodes: shapes (the highlight_gaps org on a shaded disc; thick
 * outlines for the ego and the suggested partners), labels under them;
 * obj[i] gets node i's shape. */
static void draw_nodes(const struct viz_map *m, struct viz_draw *d, size_t *obj)
{
	size_t i;

	for (i = 0; i < m->nv; i++) {
		const struct viz_node *v = &m->v[i];
		double cx, cy;
		viz_shape_centre(v, &cx, &cy);
		if (m->gaps_org != SIZE_MAX && v->org == m->gaps_org) {
			/* a shaded disc behind it, so it stands out on a crowded map */
			size_t h = viz_shape_node(d, 0, v->side + 2 * v->pad, cx, cy);
			viz_draw_set(d, h, "fillcolor", VIZ_SUGGEST_COLOR "55");
			viz_draw_set(d, h, "color", VIZ_SUGGEST_COLOR "00");
		}
		obj[i] = viz_shape_node(d, v->slot, v->side, cx, cy);
		if (v->ego) {
			viz_draw_set(d, obj[i], "penwidth", "3.5");
			viz_draw_set(d, obj[i], "color", "#000000");
		} else if (v->suggested) {
			viz_draw_set(d, obj[i], "penwidth", "2.5");
			viz_draw_set(d, obj[i], "color", VIZ_SUGGEST_COLOR);
		}
		if (v->label) {
			size_t t = viz_draw_node(d);
			viz_draw_set(d, t, "shape", "box");
			viz_draw_set(d, t, "style", "filled,rounded");
			viz_draw_set(d, t, "fillcolor", "#FFFFFFC8");
			viz_draw_set(d, t, "color", "#FFFFFF00");
			viz_draw_set(d, t, "label", v->label);
			viz_draw_setf(d, t, "fontsize", m->label_fs);
			viz_draw_set(d, t, "fontcolor", VIZ_INK);
			viz_draw_pos(d, t, v->x, v->y - v->side / 2 - v->pad);
		}
	}
}

/* Arrowheads smaller than this (0.8 is the size they have by default)
 * are not drawn smaller. */
#define ARROW_MIN 0.3

/* Per node the size of the arrowheads that point at it: those of its
 * incoming lines, side by side around its outline with room between them
 * (an arrowhead of size s is about 7 s points wide, plus its outline's
 * width), fit on it, so that many ties into a small node do not pile into
 * a dark blob.  NULL when out of memory. */
static double *arrow_sizes(const struct viz_map *m, const struct viz_styles *st)
{
	double *s = calloc(m->nv + 1, sizeof(*s)), *pen = calloc(m->nv + 1, sizeof(*pen));
	size_t i;

	if (!s || !pen) {
		free(s);
		free(pen);
		return NULL;
	}
	for (i = 0; i < m->ne; i++)
		if (m->e[i].directed && !m->aggregate) {
			const struct viz_tie_style *ts = m->o->diff ? viz_diff_style(m->e[i].change)
								    : st->of_type[m->e[i].type];
			s[m->e[i].b]++;
			pen[m->e[i].b] = fmax(pen[m->e[i].b], ts->pen);
		}
	for (i = 0; i < m->nv; i++) {
		double fit = s[i] > 0 ? (3.14159 * m->v[i].side / (1.5 * s[i]) - pen[i]) / 7 : 0.8;
		s[i] = fit >= 0.8 ? 0.8 : fit <= ARROW_MIN ? ARROW_MIN : fit;
	}
	free(pen);
	return s;
}

/* The lines: links between groups by width, or ties by type (by change
 * with --diff-at; conflicts keep their bars), fainter on crowded maps,
 * arrowheads smaller on nodes many lines point at. */
static int draw_lines(const struct viz_map *m, const struct viz_styles *st, struct viz_draw *d, const size_t *obj)
{
	int crowd = m->nv > 300 ? 2 : m->nv > 40;
	double cmax = 0, *arrow = arrow_sizes(m, st);
	size_t i;

	if (!arrow)
		return CM_ENOMEM;
	for (i = 0; i < m->ne; i++)
		if (m->e[i].type == VIZ_AGG_TIES && m->e[i].count > cmax)
			cmax = m->e[i].count;
	for (i = 0; i < m->ne; i++) {
		const struct viz_edge *ve = &m->e[i];
		size_t e = viz_draw_edge(d, obj[ve->a], obj[ve->b]);
		if (m->aggregate) {
			if (ve->weak)
				viz_style_weak(d, e, ve->type == VIZ_AGG_CONFLICT);
			else if (ve->type == VIZ_AGG_CONFLICT)
				viz_style_tie(d, e, &viz_conflict_style, 0, 1, 0);
			else {
				viz_draw_set(d, e, "dir", "none");
				viz_draw_set(d, e, "color", "#77777799");
				viz_draw_setf(d, e, "penwidth", viz_agg_pen(ve->count, cmax));
			}
		} else if (m->o->diff) {
			const struct viz_tie_style *ds = viz_diff_style(ve->change);
			viz_style_tie(d, e, ds, ve->directed, cm_tie_type_conflict(m->l, ve->type), crowd);
			viz_draw_set(d, e, "class", ds->type);
		} else
			viz_style_tie(d, e, st->of_type[ve->type], ve->directed, cm_tie_type_conflict(m->l, ve->type),
				      crowd);
		if (!m->aggregate && ve->directed && arrow[ve->b] < 0.8)
			viz_draw_setf(d, e, "arrowsize", arrow[ve->b]);
	}
	free(arrow);
	return CM_OK;
}

/* The suggested partners, over the ties, each with its rank and score on
 * a plate (plates: x, y, w, h each, as placed). */
static void draw_suggestions(const struct viz_map *m, const struct viz_legend *lg, struct viz_draw *d,
			     const size_t *obj, double *plates)
{
	size_t i;

	for (i = 0; i < m->nsug; i++) {
		const struct viz_suggestion *sg = &m->sug[i];
		const struct viz_text *t = &lg->t.v[lg->sug_plates[i]];
		char rank[64];
		double ax, ay, bx, by, *pl = &plates[4 * i];
		size_t p, pa, pb, band, line;
		/* the band joins points at the two centres: a second edge between
		 * the same nodes would be drawn apart from the first */
		viz_shape_centre(&m->v[sg->a], &ax, &ay);
		viz_shape_centre(&m->v[sg->b], &bx, &by);
		pa = viz_point_node(d, ax, ay);
		pb = viz_point_node(d, bx, by);
		band = viz_draw_edge(d, pa, pb);
		line = viz_draw_edge(d, obj[sg->a], obj[sg->b]);
		viz_style_band(d, band);
		viz_style_suggested(d, line);
		viz_place_plate(m, sg, t->w + 6, t->h + 2, plates, i, pl);
		p = viz_draw_node(d);
		viz_text_style(d, p, t);
		snprintf(rank, sizeof(rank), "#%zu (%.2f)", i + 1, sg->score); /* centred, not left-justified */
		viz_draw_set(d, p, "label", rank);
		viz_draw_set(d, p, "shape", "box");
		viz_draw_set(d, p, "style", "filled,rounded");
		viz_draw_set(d, p, "fillcolor", "#FFFFFFE0");
		viz_draw_set(d, p, "color", VIZ_SUGGEST_COLOR);
		viz_draw_set(d, p, "penwidth", "1");
		viz_draw_set(d, p, "fixedsize", "true");
		viz_draw_setf(d, p, "width", pl[2] / 72);
		viz_draw_setf(d, p, "height", pl[3] / 72);
		viz_draw_pos(d, p, pl[0], pl[1]);
	}
}

/* Draws the map (bb: pass 1's bounding box) with its title and legend in
 * o->format into *data (malloc'd) and *len. */
int viz_draw_map(const struct viz_map *m, const double *bb, const struct viz_styles *st,
		 const struct viz_legend *lg, char **data, size_t *len, struct cm_error *err)
{
	struct viz_draw d;
	size_t *obj = NULL;
	double *plates = NULL;
	int rc;

	viz_new_drawing(&d);
	if (!(obj = calloc(m->nv + 1, sizeof(*obj))) || !(plates = calloc(4 * m->nsug + 1, sizeof(*plates)))) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	viz_draw_set(&d, VIZ_GRAPH, "splines", "line");
	viz_draw_set(&d, VIZ_GRAPH, "outputorder", "edgesfirst");
	viz_draw_set(&d, VIZ_GRAPH, "bgcolor", "white");
	viz_draw_set(&d, VIZ_GRAPH, "pad", "0.3");
	if (!strcmp(m->o->format, "png"))
		viz_draw_setf(&d, VIZ_GRAPH, "dpi", m->o->dpi > 0 ? m->o->dpi : 96);
	draw_nodes(m, &d, obj);
	if (draw_lines(m, st, &d, obj) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	draw_suggestions(m, lg, &d, obj, plates);
	viz_draw_legend(m, &d, st, lg, bb);
	rc = viz_gv_render(&d, m->o->format, data, len, err);
out:
	viz_draw_release(&d);
	free(obj);
	free(plates);
	return rc;
}
