/* grid.c - cm_map_grid_render: the stakeholders' influence x alignment grid
 * (docs/stakeholders.md), each org a dot at a pinned position, coloured by
 * its quadrant, the most influential labelled where no other label is;
 * rendered by the Graphviz bridge (gv.c) with nothing moved. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "viz/viz.h"

/* The plot, in points: alignment -1..1 across [X0, X1], influence 0..1 up
 * [Y0, Y1]; orgs of unknown alignment in a strip centred on XU. */
#define X0 110.0
#define X1 650.0
#define XU 45.0
#define Y0 60.0
#define Y1 500.0
#define XL 690.0   /* the legend's left edge */
#define DOT 7.0    /* a dot's diameter */
#define LABEL_FS 10.0

/* Okabe-Ito colours, told apart with any colour vision. */
const struct viz_grid_quad viz_grid_quads[] = {
	{ "champion", "champion", "#009E73" },
	{ "persuadable", "persuadable", "#E69F00" },
	{ "blocker", "blocker", "#D55E00" },
	{ "low_priority", "low priority", "#999999" },
	{ "focus", "focus", "#0072B2" },
};
#define NQUADS VIZ_GRID_NQUADS

struct grid {
	const struct cm_table *t;
	int c_name, c_id, c_infl, c_align, c_quad;
	double *x, *y;       /* per row: the dot's centre */
	int *q;              /* per row: index into quads, -1 unknown */
	size_t *node;        /* per row: its dot's drawing object */
	size_t counts[NQUADS];
	double line_y;       /* the median line, NAN when not drawn */
};

static const char *text_of(const struct cm_table *t, int c, size_t r)
{
	return c >= 0 && !t->cols[c].null[r] && t->cols[c].text[r] ? t->cols[c].text[r] : "";
}

static double real_of(const struct cm_table *t, int c, size_t r)
{
	return c < 0 || t->cols[c].null[r] ? NAN : t->cols[c].reals[r];
}

/* Where each dot goes; a small deterministic jitter across spreads the
 * orgs that share an alignment (stances are mostly -1, 0 or 1). */
static void place(struct grid *g)
{
	const struct cm_table *t = g->t;
	double lo = -INFINITY, hi = INFINITY;
	size_t r, k;

	for (r = 0; r < t->nrows; r++) {
		double a = real_of(t, g->c_align, r), inf = real_of(t, g->c_infl, r);
		uint32_t h = (uint32_t)(r * 2654435761u);
		double jit = ((double)(h >> 8 & 0xffff) / 65535.0 - 0.5) * 10;
		g->q[r] = -1;
		for (k = 0; k < NQUADS; k++)
			if (!strcmp(text_of(t, g->c_quad, r), viz_grid_quads[k].name))
				g->q[r] = (int)k;
		if (g->q[r] >= 0)
			g->counts[g->q[r]]++;
		g->x[r] = (isnan(a) ? XU : X0 + (a + 1) / 2 * (X1 - X0)) + jit;
		g->y[r] = Y0 + (isnan(inf) ? 0 : inf) * (Y1 - Y0);
		if (g->q[r] == 3 && inf > lo)
			lo = inf;
		else if (g->q[r] >= 0 && g->q[r] <= 2 && inf < hi)
			hi = inf;
	}
	/* the median line: between the most influential low-priority org and
	 * the least influential of the others */
	g->line_y = isfinite(lo) && isfinite(hi) ? Y0 + (lo + hi) / 2 * (Y1 - Y0) : NAN;
}

static size_t point(struct viz_draw *d, double x, double y)
{
	size_t n = viz_draw_node(d);

	viz_draw_set(d, n, "shape", "point");
	viz_draw_set(d, n, "style", "invis");
	viz_draw_pos(d, n, x, y);
	return n;
}

static void rule(struct viz_draw *d, double x0, double y0, double x1, double y1, const char *style)
{
	size_t e = viz_draw_edge(d, point(d, x0, y0), point(d, x1, y1));

	viz_draw_set(d, e, "dir", "none");
	viz_draw_set(d, e, "color", "#888888");
	viz_draw_set(d, e, "style", style);
}

/* A text centred on (x, y). */
static void text_at(struct viz_draw *d, struct viz_texts *tx, long i, double x, double y)
{
	if (i >= 0)
		viz_text_node(d, &tx->v[i], x - tx->v[i].w / 2, y);
}

/* The frame, the zero and median lines, the ticks and the axis titles. */
static int frame(struct grid *g, struct viz_draw *d, const struct cm_map_grid_opts *o, struct cm_error *err)
{
	struct viz_texts tx = { 0 };
	static const char *const ticks[] = { "-1", "-0.5", "0", "0.5", "1" }, *const yticks[] = { "0", "0.5", "1" };
	long ti[5], yi[3], xt, yt, unk, title, q[3];
	size_t k;
	int rc;

	for (k = 0; k < 5; k++)
		ti[k] = viz_text_add(&tx, ticks[k], 10, 10, 0, VIZ_MUTED);
	for (k = 0; k < 3; k++)
		yi[k] = viz_text_add(&tx, yticks[k], 10, 10, 0, VIZ_MUTED);
	xt = viz_text_add(&tx, o->x_title ? o->x_title : "alignment", 12, 80, 0, VIZ_INK);
	yt = viz_text_add(&tx, "influence", 12, 20, 0, VIZ_INK);
	unk = viz_text_add(&tx, "unknown", 10, 20, 0, VIZ_MUTED);
	title = viz_text_add(&tx, o->title ? o->title : "Stakeholders", 16, 90, 0, VIZ_INK);
	q[0] = viz_text_add(&tx, "blockers", 12, 20, 0, "#D55E00");
	q[1] = viz_text_add(&tx, "champions", 12, 20, 0, "#009E73");
	q[2] = viz_text_add(&tx, "low priority", 12, 20, 0, VIZ_MUTED);
	if ((rc = viz_measure(&tx, err)) < 0) {
		viz_texts_release(&tx);
		return rc;
	}
	rule(d, X0, Y0, X1, Y0, "solid");
	rule(d, X0, Y1, X1, Y1, "solid");
	rule(d, X0, Y0, X0, Y1, "solid");
	rule(d, X1, Y0, X1, Y1, "solid");
	rule(d, XU - 25, Y0, XU + 25, Y0, "solid");
	rule(d, (X0 + X1) / 2, Y0, (X0 + X1) / 2, Y1, "dashed");
	if (!isnan(g->line_y)) { /* across the plot and the unknown strip, not the ticks */
		rule(d, X0, g->line_y, X1, g->line_y, "dashed");
		rule(d, XU - 25, g->line_y, XU + 25, g->line_y, "dashed");
	}
	for (k = 0; k < 5; k++)
		text_at(d, &tx, ti[k], X0 + (double)k / 4 * (X1 - X0), Y0 - 12);
	for (k = 0; k < 3; k++)
		text_at(d, &tx, yi[k], X0 - 14, Y0 + (double)k / 2 * (Y1 - Y0));
	text_at(d, &tx, xt, (X0 + X1) / 2, Y0 - 32);
	text_at(d, &tx, yt, X0 - 14, Y1 + 30);
	text_at(d, &tx, unk, XU, Y0 - 12);
	text_at(d, &tx, title, (X0 + X1) / 2, Y1 + 52);
	text_at(d, &tx, q[0], X0 + tx.v[q[0]].w / 2, Y1 + 12);
	text_at(d, &tx, q[1], X1 - tx.v[q[1]].w / 2, Y1 + 12);
	if (!isnan(g->line_y))
		text_at(d, &tx, q[2], X1 - 45, Y0 + 12);
	viz_texts_release(&tx);
	return CM_OK;
}

/* The legend: a dot and a line per quadrant present, with its count. */
static int legend(struct grid *g, struct viz_draw *d, struct cm_error *err)
{
	struct viz_texts tx = { 0 };
	long head, row[NQUADS];
	double y = Y1 - 10;
	size_t k;
	int rc;

	head = viz_text_add(&tx, "quadrant", 12, 20, 0, VIZ_INK);
	for (k = 0; k < NQUADS; k++) {
		char buf[64];
		snprintf(buf, sizeof(buf), "%s (%zu)", viz_grid_quads[k].legend, g->counts[k]);
		row[k] = g->counts[k] ? viz_text_add(&tx, buf, 11, 40, 0, VIZ_INK) : -1;
	}
	if ((rc = viz_measure(&tx, err)) < 0) {
		viz_texts_release(&tx);
		return rc;
	}
	if (head >= 0)
		viz_text_node(d, &tx.v[head], XL, y);
	for (k = 0; k < NQUADS; k++) {
		size_t n;
		if (row[k] < 0)
			continue;
		y -= 20;
		n = viz_draw_node(d);
		viz_draw_set(d, n, "shape", "circle");
		viz_draw_set(d, n, "style", "filled");
		viz_draw_set(d, n, "fillcolor", viz_grid_quads[k].color);
		viz_draw_set(d, n, "color", "#FFFFFF");
		viz_draw_set(d, n, "fixedsize", "true");
		viz_draw_setf(d, n, "width", 9 / 72.0);
		viz_draw_pos(d, n, XL + 5, y);
		viz_text_node(d, &tx.v[row[k]], XL + 16, y);
	}
	viz_texts_release(&tx);
	return CM_OK;
}

static void dots(struct grid *g, struct viz_draw *d)
{
	size_t r;

	for (r = g->t->nrows; r-- > 0;) { /* the most influential on top */
		size_t n = viz_draw_node(d);
		viz_draw_set(d, n, "shape", "circle");
		viz_draw_set(d, n, "style", "filled");
		viz_draw_set(d, n, "fillcolor", g->q[r] >= 0 ? viz_grid_quads[g->q[r]].color : "#999999");
		viz_draw_set(d, n, "color", "#FFFFFF");
		viz_draw_set(d, n, "penwidth", "0.6");
		viz_draw_set(d, n, "fixedsize", "true");
		viz_draw_setf(d, n, "width", DOT / 72);
		viz_draw_pos(d, n, g->x[r], g->y[r]);
		g->node[r] = n;
	}
}

static int overlaps(const double *box, const double *placed, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const double *p = placed + 4 * i;
		if (box[0] < p[2] && p[0] < box[2] && box[1] < p[3] && p[1] < box[3])
			return 1;
	}
	return 0;
}

#define RINGS 3        /* rings of places farther out, with a leader line */
#define RING_STEP 22.0 /* points between rings */
#define RING_SPOTS 12

/* Place k of a label w x h for dot r: the eight around the dot first,
 * then RING_SPOTS on each of RINGS rings farther out; the centre into c. */
static void spot(const struct grid *g, size_t r, size_t k, double w, double h, double *c)
{
	static const double near[8][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 },
					   { 1, 1 }, { -1, 1 }, { 1, -1 }, { -1, -1 } };
	double dx = w / 2 + DOT, dy = h / 2 + DOT / 2;

	if (k < 8) {
		c[0] = g->x[r] + near[k][0] * dx;
		c[1] = g->y[r] + near[k][1] * dy;
	} else {
		double a = 2 * 3.14159265358979 * (double)((k - 8) % RING_SPOTS) / RING_SPOTS;
		double out = RING_STEP * (double)((k - 8) / RING_SPOTS + 1);
		c[0] = g->x[r] + cos(a) * (dx + out);
		c[1] = g->y[r] + sin(a) * (dy + out);
	}
}

/* Draws text t centred on c, with a leader line from dot r when far. */
static void put_label(struct grid *g, struct viz_draw *d, const struct viz_text *t, size_t r, const double *c,
		      int far)
{
	size_t n = viz_draw_node(d);

	viz_text_style(d, n, t);
	viz_draw_set(d, n, "shape", "box");
	viz_draw_set(d, n, "style", "filled,rounded");
	viz_draw_set(d, n, "fillcolor", "#FFFFFFC8");
	viz_draw_set(d, n, "color", "#FFFFFF00");
	viz_draw_pos(d, n, c[0], c[1]);
	if (far) {
		size_t e = viz_draw_edge(d, g->node[r], n);
		viz_draw_set(d, e, "dir", "none");
		viz_draw_set(d, e, "color", "#555555");
		viz_draw_set(d, e, "penwidth", "0.6");
	}
}

/* Labels for the first `top` rows (the most influential: the table comes
 * sorted), each at the first place (spot) that overlaps no label placed
 * before it and stays in the plot; a label with no free place is left
 * out.  Returns the number placed, or a status. */
static long labels(struct grid *g, struct viz_draw *d, size_t top, struct cm_error *err)
{
	struct viz_texts tx = { 0 };
	size_t r, k, n = top < g->t->nrows ? top : g->t->nrows, placed = 0;
	double *box = malloc((4 * n + 4) * sizeof(*box));
	int rc = CM_OK;

	for (r = 0; box && r < n; r++)
		if (viz_text_add(&tx, text_of(g->t, g->c_name, r)[0] ? text_of(g->t, g->c_name, r) :
				 text_of(g->t, g->c_id, r), LABEL_FS, 28, 0, VIZ_INK) < 0)
			break;
	if (!box || r < n)
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	else
		rc = viz_measure(&tx, err);
	if (rc < 0) {
		free(box);
		viz_texts_release(&tx);
		return rc;
	}
	for (r = 0; r < n; r++) {
		double w = tx.v[r].w + 4, h = tx.v[r].h + 2, c[2], *b = box + 4 * placed;
		for (k = 0; k < 8 + RINGS * RING_SPOTS; k++) {
			spot(g, r, k, w, h, c);
			b[0] = c[0] - w / 2, b[1] = c[1] - h / 2, b[2] = c[0] + w / 2, b[3] = c[1] + h / 2;
			if (b[0] < 0 || b[2] > XL - 5 || b[1] < Y0 - 2 || b[3] > Y1 + 2 || overlaps(b, box, placed))
				continue;
			put_label(g, d, &tx.v[r], r, c, k >= 8);
			placed++;
			break;
		}
	}
	free(box);
	viz_texts_release(&tx);
	return (long)placed;
}

static int grid_columns(struct grid *g, struct cm_error *err)
{
	const struct cm_table *t = g->t;

	g->c_id = cm_table_find(t, "id");
	g->c_name = cm_table_find(t, "name");
	g->c_infl = cm_table_find(t, "influence");
	g->c_align = cm_table_find(t, "alignment");
	g->c_quad = cm_table_find(t, "quadrant");
	if (g->c_id < 0 || g->c_infl < 0 || g->c_align < 0 || g->c_quad < 0 ||
	    t->cols[g->c_infl].kind != CM_REAL || t->cols[g->c_align].kind != CM_REAL ||
	    t->cols[g->c_quad].kind != CM_TEXT || (g->c_name >= 0 && t->cols[g->c_name].kind != CM_TEXT) ||
	    t->cols[g->c_id].kind != CM_TEXT)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "the grid needs cm_stakeholders' table");
	return CM_OK;
}

int viz_grid_places(const struct cm_table *t, double *x, double *y, int *q, struct viz_grid_frame *f,
		    struct cm_error *err)
{
	struct grid g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.t = t;
	if ((rc = grid_columns(&g, err)) < 0)
		return rc;
	g.x = x;
	g.y = y;
	g.q = q;
	place(&g);
	f->x0 = X0, f->x1 = X1, f->xu = XU, f->y0 = Y0, f->y1 = Y1, f->line_y = g.line_y;
	return CM_OK;
}

int cm_map_grid_render(const struct cm_table *t, const struct cm_map_grid_opts *o, char **data, size_t *len,
		       size_t *labelled, struct cm_error *err)
{
	struct grid g;
	struct viz_draw d;
	size_t top = o->labels ? o->labels : t->nrows <= CM_MAP_LABEL_ALL_MAX / 2 ? t->nrows : CM_MAP_LABELS_TOP;
	long placed = 0;
	int rc;

	*data = NULL;
	*len = 0;
	memset(&g, 0, sizeof(g));
	g.t = t;
	if (!o->format || (strcmp(o->format, "svg") && strcmp(o->format, "png") && strcmp(o->format, "pdf") &&
			   strcmp(o->format, "dot")))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "unknown picture format '%s' (svg, png, pdf, dot)",
				    o->format ? o->format : "");
	if ((rc = grid_columns(&g, err)) < 0)
		return rc;
	g.x = malloc((t->nrows + 1) * sizeof(double));
	g.y = malloc((t->nrows + 1) * sizeof(double));
	g.q = malloc((t->nrows + 1) * sizeof(int));
	g.node = malloc((t->nrows + 1) * sizeof(size_t));
	viz_new_drawing(&d);
	if (!g.x || !g.y || !g.q || !g.node) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	place(&g);
	viz_draw_set(&d, VIZ_GRAPH, "splines", "line");
	viz_draw_set(&d, VIZ_GRAPH, "outputorder", "edgesfirst");
	viz_draw_set(&d, VIZ_GRAPH, "bgcolor", "white");
	viz_draw_set(&d, VIZ_GRAPH, "pad", "0.3");
	viz_draw_set(&d, VIZ_GRAPH, "id", "grid"); /* SVG ids grid_*: unique beside a map in one page */
	if (!strcmp(o->format, "png"))
		viz_draw_setf(&d, VIZ_GRAPH, "dpi", o->dpi > 0 ? o->dpi : 96);
	if ((rc = viz_gv_begin(err)) < 0 || (rc = frame(&g, &d, o, err)) < 0 || (rc = legend(&g, &d, err)) < 0)
		goto end;
	dots(&g, &d);
	if ((placed = labels(&g, &d, top, err)) < 0) {
		rc = (int)placed;
		goto end;
	}
	rc = d.nomem ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") :
		       viz_gv_render(&d, o->format, data, len, err);
end:
	viz_gv_end();
out:
	if (labelled)
		*labelled = placed > 0 ? (size_t)placed : 0;
	viz_draw_release(&d);
	free(g.x), free(g.y), free(g.q), free(g.node);
	return rc;
}
