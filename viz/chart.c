/* chart.c - cm_map_chart_render: line charts of a trend table, one small
 * panel per figure, and the inequality curves (Lorenz curves, the degree
 * distribution), drawn with cairo (the only file that includes it). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "viz/map.h"
#include "viz/viz.h"

#define PANEL_W 340.0  /* points */
#define PANEL_H 200.0
#define MARGIN_L 46.0  /* y tick labels */
#define MARGIN_R 56.0  /* the value beside the last point; a group's name needs more: */
#define MARGIN_R_GROUPS 130.0
#define MARGIN_T 42.0  /* the panel's title and its scale */
#define MARGIN_B 30.0  /* wave labels */
#define COLS 2
#define FONT_PT 10.0
#define SERIES_MAX VIZ_NSLOTS /* lines per panel; more groups: the largest shares */

/* A panel: the rows of section/measure (subject empty, or every subject
 * when per_group). */
struct panel_def {
	const char *section, *measure, *title, *scale;
	int per_group;
};

static const struct panel_def panels[] = {
	{ "network", "density", "Density", "share of all pairs tied", 0 },
	{ "centralization", "degree", "Degree centralization", "0 = all equal, 1 = a star", 0 },
	{ "centralization", "betweenness", "Betweenness centralization", "0 = all equal, 1 = a star", 0 },
	{ "inequality", "gini_degree", "Gini of degree", "0 = equal, 1 = one org holds all", 0 },
	{ "access", "direct_access_share", "Direct access share, by group",
	  "members tied to a decision-maker", 1 },
	{ "groups", "ei_index", "E-I index, by group", "-1 = ties all within, +1 = all outward", 1 },
};
#define NPANELS (sizeof(panels) / sizeof(*panels))

struct chart {
	const struct cm_table *t;
	size_t nw;                  /* waves: columns 3 .. 3 + nw */
	size_t rows[NPANELS][SERIES_MAX];
	size_t nrows[NPANELS];
	size_t shown[NPANELS];      /* panels drawn, in order */
	size_t nshown;
};

static const char *text_of(const struct cm_table *t, size_t col, size_t r)
{
	return t->cols[col].null[r] ? "" : t->cols[col].text[r];
}

static double value(const struct chart *c, size_t row, size_t w)
{
	const struct cm_column *col = &c->t->cols[3 + w];

	return col->null[row] ? NAN : col->reals[row];
}

/* Whether t has the trend table's columns; sets c->nw. */
static int is_trend(struct chart *c, const struct cm_table *t)
{
	size_t k = t->ncols;

	if (k < 7 || strcmp(t->cols[0].name, "section") || strcmp(t->cols[1].name, "subject") ||
	    strcmp(t->cols[2].name, "measure") || strcmp(t->cols[k - 2].name, "change") ||
	    strcmp(t->cols[k - 1].name, "reading"))
		return 0;
	c->t = t;
	c->nw = k - 5;
	return 1;
}

/* The rows of each panel, in table order; panels with no defined value are dropped. */
static void find_rows(struct chart *c)
{
	size_t p, r, w;

	for (p = 0; p < NPANELS; p++) {
		int any = 0;
		c->nrows[p] = 0;
		for (r = 0; r < c->t->nrows && c->nrows[p] < SERIES_MAX; r++) {
			if (strcmp(text_of(c->t, 0, r), panels[p].section) || strcmp(text_of(c->t, 2, r), panels[p].measure) ||
			    (*text_of(c->t, 1, r) != 0) != panels[p].per_group)
				continue;
			c->rows[p][c->nrows[p]++] = r;
			for (w = 0; w < c->nw; w++)
				any |= !isnan(value(c, r, w));
		}
		if (any)
			c->shown[c->nshown++] = p;
	}
}

/* A hex colour "#RRGGBB" as cairo's source. */
static void set_hex(cairo_t *cr, const char *hex)
{
	unsigned v = (unsigned)strtoul(hex + 1, NULL, 16);

	cairo_set_source_rgb(cr, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0);
}

/* s drawn with its left (align 0), centre (0.5) or right (1) at x, baseline y. */
static void text_at(cairo_t *cr, const char *s, double x, double y, double align)
{
	cairo_text_extents_t e;

	cairo_text_extents(cr, s, &e);
	cairo_move_to(cr, x - align * e.x_advance, y);
	cairo_show_text(cr, s);
}

/* A value as a label: 3 significant digits, whole numbers whole. */
static void label_of(double v, char *buf, size_t n)
{
	if (fabs(v) < 1e15 && v == floor(v))
		snprintf(buf, n, "%.0f", v);
	else
		snprintf(buf, n, "%.3g", v);
}

/* A step of 1, 2, 2.5 or 5 times a power of ten near x. */
static double nice_step(double x)
{
	static const double m[] = { 1, 2, 2.5, 5, 10 };
	double p = pow(10, floor(log10(x)));
	size_t k;

	for (k = 0; k < 4 && m[k] * p < x; k++)
		;
	return m[k] * p;
}

/* The y range of panel p and its tick step: the data's, widened to whole
 * steps (about three), and at least 0.2 wide (the figures are shares,
 * indices from -1 to 1, Gini), so that a move of 0.01 does not fill the
 * panel; a range of positive values starts at 0 when that is near. */
static void y_range(const struct chart *c, size_t p, double *lo, double *hi, double *step)
{
	size_t i, w;
	double a = INFINITY, b = -INFINITY;

	for (i = 0; i < c->nrows[p]; i++)
		for (w = 0; w < c->nw; w++) {
			double v = value(c, c->rows[p][i], w);
			if (!isnan(v)) {
				a = fmin(a, v);
				b = fmax(b, v);
			}
		}
	if (b - a < 0.2 * fmax(1, fabs(b))) { /* small moves stay small, within the data's side of 0 and 1 */
		double m = (a + b) / 2, d = 0.1 * fmax(1, fabs(b)), shift = 0;
		if (a >= 0 && m - d < 0)
			shift = d - m;
		else if (b <= 1 && m + d > 1)
			shift = 1 - (m + d);
		a = m - d + shift;
		b = m + d + shift;
	}
	if (a > 0 && a < (b - a) / 2)
		a = 0;
	*step = nice_step((b - a) / 3);
	*lo = floor(a / *step + 1e-9) * *step;
	*hi = ceil(b / *step - 1e-9) * *step;
}

struct frame {
	double x0, y0, w, h, lo, hi, step;
	size_t nw;
};

static double fx(const struct frame *f, size_t w)
{
	return f->x0 + (f->nw > 1 ? f->w * (double)w / (double)(f->nw - 1) : f->w / 2);
}

static double fy(const struct frame *f, double v)
{
	return f->y0 + f->h - f->h * (v - f->lo) / (f->hi - f->lo);
}

/* The label of wave w: its name, or only the year when every wave is a
 * date on the same day of the year. */
static const char *wave_label(const struct chart *c, size_t w, char *buf, size_t n)
{
	const char *name = c->t->cols[3 + w].name, *first = c->t->cols[3].name;
	size_t k;
	int years = 1;

	for (k = 0; k < c->nw && years; k++) {
		const char *d = c->t->cols[3 + k].name;
		years = strlen(d) == 10 && d[4] == '-' && d[7] == '-' && !strcmp(d + 4, first + 4);
	}
	snprintf(buf, n, "%.*s", years ? 4 : 200, name);
	return buf;
}

/* Every how many waves a label fits. */
static size_t label_every(cairo_t *cr, const struct chart *c, const struct frame *f)
{
	double widest = 0, gap = c->nw > 1 ? f->w / (double)(c->nw - 1) : f->w;
	size_t w, every = 1;
	char buf[220];

	for (w = 0; w < c->nw; w++) {
		cairo_text_extents_t e;
		cairo_text_extents(cr, wave_label(c, w, buf, sizeof(buf)), &e);
		widest = fmax(widest, e.x_advance);
	}
	while (every < c->nw && gap * (double)every < widest + 8)
		every++;
	return every;
}

/* Title, scale, grid lines at each tick, wave labels. */
static void draw_axes(cairo_t *cr, const struct chart *c, const struct frame *f, const struct panel_def *pd)
{
	size_t w, every;
	double v;
	char buf[220];

	cairo_set_font_size(cr, FONT_PT + 2);
	set_hex(cr, VIZ_INK);
	text_at(cr, pd->title, f->x0 - MARGIN_L + 8, f->y0 - 24, 0);
	cairo_set_font_size(cr, FONT_PT - 1);
	set_hex(cr, VIZ_MUTED);
	text_at(cr, pd->scale, f->x0 - MARGIN_L + 8, f->y0 - 10, 0);
	for (v = f->lo; v <= f->hi + f->step / 2; v += f->step) {
		double y = fy(f, v);
		set_hex(cr, "#DDDDDD");
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, f->x0 - 3, y);
		cairo_line_to(cr, f->x0 + f->w + 3, y);
		cairo_stroke(cr);
		set_hex(cr, VIZ_MUTED);
		label_of(fabs(v) < f->step * 1e-6 ? 0 : v, buf, sizeof(buf));
		text_at(cr, buf, f->x0 - 7, y + 3.5, 1);
	}
	every = label_every(cr, c, f);
	for (w = 0; w < c->nw; w += every)
		text_at(cr, wave_label(c, w, buf, sizeof(buf)), fx(f, w), f->y0 + f->h + 16, 0.5);
}

struct tag {
	double y;
	size_t i;
};

static int by_y(const void *x, const void *y)
{
	const struct tag *p = x, *q = y;

	return p->y < q->y ? -1 : p->y > q->y ? 1 : (p->i > q->i) - (p->i < q->i);
}

/* The labels beside the last points, pushed apart to a line's height. */
static void draw_tags(cairo_t *cr, const struct chart *c, size_t p, const struct frame *f, const size_t *last)
{
	struct tag tags[SERIES_MAX];
	size_t i, n = 0;
	char buf[200], num[40];

	for (i = 0; i < c->nrows[p]; i++)
		if (last[i] < c->nw)
			tags[n++] = (struct tag){ fy(f, value(c, c->rows[p][i], last[i])) + 3.5, i };
	qsort(tags, n, sizeof(*tags), by_y);
	for (i = 1; i < n; i++) /* apart downwards, then kept above the wave labels */
		if (tags[i].y < tags[i - 1].y + FONT_PT)
			tags[i].y = tags[i - 1].y + FONT_PT;
	if (n && tags[n - 1].y > f->y0 + f->h + 3.5)
		tags[n - 1].y = f->y0 + f->h + 3.5;
	for (i = n - 1; i > 0; i--)
		if (tags[i - 1].y > tags[i].y - FONT_PT)
			tags[i - 1].y = tags[i].y - FONT_PT;
	cairo_set_font_size(cr, FONT_PT - 1);
	for (i = 0; i < n; i++) {
		size_t r = c->rows[p][tags[i].i];
		label_of(value(c, r, last[tags[i].i]), num, sizeof(num));
		if (panels[p].per_group)
			snprintf(buf, sizeof(buf), "%s %.24s", num, text_of(c->t, 1, r));
		else
			snprintf(buf, sizeof(buf), "%s", num);
		set_hex(cr, panels[p].per_group ? viz_slot_colour((unsigned)tags[i].i) : VIZ_INK);
		text_at(cr, buf, fx(f, last[tags[i].i]) + 7, tags[i].y, 0);
	}
}

/* One panel: its lines (broken where a wave has no value) and points. */
static void draw_panel(cairo_t *cr, const struct chart *c, size_t p, double x, double y)
{
	struct frame f = { x + MARGIN_L + 6, y + MARGIN_T,
			   PANEL_W - MARGIN_L - 12 - (panels[p].per_group ? MARGIN_R_GROUPS : MARGIN_R),
			   PANEL_H - MARGIN_T - MARGIN_B, 0, 1, 1, c->nw };
	size_t i, w, last[SERIES_MAX];

	y_range(c, p, &f.lo, &f.hi, &f.step);
	draw_axes(cr, c, &f, &panels[p]);
	for (i = 0; i < c->nrows[p]; i++) {
		size_t r = c->rows[p][i];
		int down = 0;
		set_hex(cr, panels[p].per_group ? viz_slot_colour((unsigned)i) : viz_slot_colour(0));
		cairo_set_line_width(cr, 1.8);
		last[i] = c->nw;
		for (w = 0; w < c->nw; w++) {
			double v = value(c, r, w);
			if (isnan(v)) {
				down = 0;
				continue;
			}
			if (down)
				cairo_line_to(cr, fx(&f, w), fy(&f, v));
			else
				cairo_move_to(cr, fx(&f, w), fy(&f, v));
			down = 1;
			last[i] = w;
		}
		cairo_stroke(cr);
		for (w = 0; w < c->nw; w++)
			if (!isnan(value(c, r, w))) {
				cairo_arc(cr, fx(&f, w), fy(&f, value(c, r, w)), 2.6, 0, 2 * M_PI);
				cairo_fill(cr);
			}
	}
	draw_tags(cr, c, p, &f, last);
}

/* ---- output: cairo's stream into a growing buffer */

struct sink {
	char *data;
	size_t len, cap;
	int nomem;
};

static cairo_status_t sink_write(void *closure, const unsigned char *bytes, unsigned int n)
{
	struct sink *s = closure;

	if (s->len + n > s->cap) {
		size_t cap = s->cap ? s->cap : 65536;
		char *d;
		while (cap < s->len + n)
			cap *= 2;
		if (!(d = realloc(s->data, cap))) {
			s->nomem = 1;
			return CAIRO_STATUS_NO_MEMORY;
		}
		s->data = d;
		s->cap = cap;
	}
	memcpy(s->data + s->len, bytes, n);
	s->len += n;
	return CAIRO_STATUS_SUCCESS;
}

static void draw_title(cairo_t *cr, const char *title)
{
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	if (title) {
		cairo_set_font_size(cr, FONT_PT + 3);
		set_hex(cr, VIZ_INK);
		text_at(cr, title, 12, 22, 0);
	}
}

static void draw_trend(cairo_t *cr, const void *ctx, double top)
{
	const struct chart *c = ctx;
	size_t k;

	for (k = 0; k < c->nshown; k++)
		draw_panel(cr, c, c->shown[k], (double)(k % COLS) * PANEL_W, top + (double)(k / COLS) * PANEL_H);
}

/* ---- the inequality curves (cm_inequality_curves): a Lorenz curve per
 * measure and the degree distribution */

struct curve {
	size_t first, n;     /* rows [first, first + n) */
	int lorenz;
};

struct curves {
	const struct cm_table *t;
	int chart, measure, label, x, y, reading;
	struct curve c[8];
	size_t nc;
};

static int is_curves(struct curves *k, const struct cm_table *t)
{
	size_t r;

	memset(k, 0, sizeof(*k));
	k->t = t;
	if ((k->chart = cm_table_find(t, "chart")) != 0 || (k->measure = cm_table_find(t, "measure")) < 0 ||
	    (k->label = cm_table_find(t, "label")) < 0 || (k->x = cm_table_find(t, "x")) < 0 ||
	    (k->y = cm_table_find(t, "y")) < 0 || (k->reading = cm_table_find(t, "reading")) < 0 ||
	    t->cols[k->x].kind != CM_REAL || t->cols[k->y].kind != CM_REAL)
		return 0;
	for (r = 0; r < t->nrows; r++) {
		const char *ch = text_of(t, (size_t)k->chart, r);
		if (!r || strcmp(ch, text_of(t, (size_t)k->chart, r - 1)) ||
		    strcmp(text_of(t, (size_t)k->measure, r), text_of(t, (size_t)k->measure, r - 1))) {
			if (k->nc == sizeof(k->c) / sizeof(*k->c))
				break;
			k->c[k->nc++] = (struct curve){ r, 0, !strcmp(ch, "lorenz") };
		}
		k->c[k->nc - 1].n++;
	}
	return 1;
}

static double cur_x(const struct curves *k, size_t r)
{
	return k->t->cols[k->x].reals[r];
}

static double cur_y(const struct curves *k, size_t r)
{
	return k->t->cols[k->y].reals[r];
}

/* The title (from the measure's label) and the
 * reading under it: the numbers beside the curve. */
static void curve_heading(cairo_t *cr, const struct curves *k, const struct curve *cv, double x, double y)
{
	char buf[260];
	const char *label = text_of(k->t, (size_t)k->label, cv->first);

	cairo_set_font_size(cr, FONT_PT + 2);
	set_hex(cr, VIZ_INK);
	snprintf(buf, sizeof(buf), cv->lorenz ? "Lorenz curve of %.200s" : "Distribution of %.200s",
		 *label ? label : text_of(k->t, (size_t)k->measure, cv->first));
	text_at(cr, buf, x + 8, y + 18, 0);
	cairo_set_font_size(cr, FONT_PT - 1);
	set_hex(cr, VIZ_MUTED);
	text_at(cr, text_of(k->t, (size_t)k->reading, cv->first), x + 8, y + 32, 0);
}

/* A Lorenz curve: the share of the total (up) held by the share of orgs
 * with the least (across), the diagonal of equal shares dashed, the area
 * between them (half the Gini) tinted. */
static void draw_lorenz(cairo_t *cr, const struct curves *k, const struct curve *cv, double x, double y)
{
	double x0 = x + MARGIN_L + 6, y0 = y + MARGIN_T, h = PANEL_H - MARGIN_T - MARGIN_B, w = h * 1.5;
	size_t i;
	static const char *const ticks[] = { "0 %", "50 %", "100 %" };

	curve_heading(cr, k, cv, x, y);
	cairo_set_font_size(cr, FONT_PT - 1);
	for (i = 0; i < 3; i++) {
		double v = (double)i / 2;
		set_hex(cr, "#DDDDDD");
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, x0 - 3, y0 + h - h * v);
		cairo_line_to(cr, x0 + w, y0 + h - h * v);
		cairo_stroke(cr);
		set_hex(cr, VIZ_MUTED);
		text_at(cr, ticks[i], x0 - 7, y0 + h - h * v + 3.5, 1);
		text_at(cr, ticks[i], x0 + w * v, y0 + h + 13, 0.5);
	}
	text_at(cr, "organizations, fewest first", x0 + w / 2, y0 + h + 25, 0.5);
	/* the tinted area, then the curve over it */
	cairo_move_to(cr, x0, y0 + h);
	for (i = 0; i < cv->n; i++)
		cairo_line_to(cr, x0 + w * cur_x(k, cv->first + i), y0 + h - h * cur_y(k, cv->first + i));
	cairo_close_path(cr);
	set_hex(cr, "#D9E8F5");
	cairo_fill(cr);
	set_hex(cr, VIZ_MUTED);
	cairo_set_line_width(cr, 0.8);
	cairo_set_dash(cr, (const double[]){ 3, 3 }, 2, 0);
	cairo_move_to(cr, x0, y0 + h);
	cairo_line_to(cr, x0 + w, y0);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	text_at(cr, "equal shares", x0 + w * 0.42, y0 + h * 0.42, 1);
	set_hex(cr, viz_slot_colour(0));
	cairo_set_line_width(cr, 1.8);
	for (i = 0; i < cv->n; i++) {
		double px = x0 + w * cur_x(k, cv->first + i), py = y0 + h - h * cur_y(k, cv->first + i);
		if (i)
			cairo_line_to(cr, px, py);
		else
			cairo_move_to(cr, px, py);
	}
	cairo_stroke(cr);
}

/* A light grid line across [x0, x0 + w] at py, labelled at its left. */
static void grid_line(cairo_t *cr, double x0, double w, double py, double v)
{
	char buf[40];

	set_hex(cr, "#DDDDDD");
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, x0 - 3, py);
	cairo_line_to(cr, x0 + w, py);
	cairo_stroke(cr);
	set_hex(cr, VIZ_MUTED);
	label_of(v, buf, sizeof(buf));
	text_at(cr, buf, x0 - 7, py + 3.5, 1);
}

/* The degree distribution: a bar per degree up to 40, else points on
 * log-log axes (orgs without partners are in the reading). */
static void draw_degrees(cairo_t *cr, const struct curves *k, const struct curve *cv, double x, double y)
{
	double x0 = x + MARGIN_L + 6, y0 = y + MARGIN_T, h = PANEL_H - MARGIN_T - MARGIN_B,
	       w = PANEL_W - MARGIN_L - 12 - 20, dmax = 0, nmax = 0, step, v;
	size_t i;
	int logs;
	char buf[40];

	for (i = 0; i < cv->n; i++) {
		dmax = fmax(dmax, cur_x(k, cv->first + i));
		nmax = fmax(nmax, cur_y(k, cv->first + i));
	}
	logs = dmax > 40;
	curve_heading(cr, k, cv, x, y);
	cairo_set_font_size(cr, FONT_PT - 1);
	if (!logs) {
		double bw = w / (dmax + 1);
		step = nice_step(nmax / 3);
		for (v = 0; v <= ceil(nmax / step) * step + step / 2; v += step)
			grid_line(cr, x0, w, y0 + h - h * v / (ceil(nmax / step) * step), v);
		set_hex(cr, viz_slot_colour(0));
		for (i = 0; i < cv->n; i++) {
			double d = cur_x(k, cv->first + i), n = cur_y(k, cv->first + i);
			double bh = h * n / (ceil(nmax / step) * step);
			cairo_rectangle(cr, x0 + bw * d + bw * 0.1, y0 + h - bh, bw * 0.8, bh);
		}
		cairo_fill(cr);
		set_hex(cr, VIZ_MUTED);
		step = nice_step((dmax + 1) / 6);
		for (v = 0; v <= dmax; v += step) {
			label_of(v, buf, sizeof(buf));
			text_at(cr, buf, x0 + bw * (v + 0.5), y0 + h + 13, 0.5);
		}
		text_at(cr, "partners (degree); bars: organizations", x0 + w / 2, y0 + h + 25, 0.5);
		return;
	}
	/* log-log: decades from 1 */
	{
		double lx = log10(dmax) > 0 ? ceil(log10(dmax)) : 1, ly = log10(nmax) > 0 ? ceil(log10(nmax)) : 1;
		for (v = 0; v <= ly; v++)
			grid_line(cr, x0, w, y0 + h - h * v / ly, pow(10, v));
		for (v = 0; v <= lx; v++) {
			label_of(pow(10, v), buf, sizeof(buf));
			text_at(cr, buf, x0 + w * v / lx, y0 + h + 13, 0.5);
		}
		text_at(cr, "partners (degree, log scale); points: organizations", x0 + w / 2, y0 + h + 25, 0.5);
		set_hex(cr, viz_slot_colour(0));
		for (i = 0; i < cv->n; i++) {
			double d = cur_x(k, cv->first + i), n = cur_y(k, cv->first + i);
			if (d < 1)
				continue;
			cairo_arc(cr, x0 + w * log10(d) / lx, y0 + h - h * log10(n) / ly, 2.2, 0, 2 * M_PI);
			cairo_fill(cr);
		}
	}
}

static void draw_curves(cairo_t *cr, const void *ctx, double top)
{
	const struct curves *k = ctx;
	size_t i;

	for (i = 0; i < k->nc; i++) {
		double x = (double)(i % COLS) * PANEL_W, y = top + (double)(i / COLS) * PANEL_H;
		if (k->c[i].lorenz)
			draw_lorenz(cr, k, &k->c[i], x, y);
		else
			draw_degrees(cr, k, &k->c[i], x, y);
	}
}

/* One pass over an SVG chart's bytes, which stay the same from process to
 * process and can share a page: cairo names the group of every surface by
 * a counter global to the process ("surface294" after a Python session
 * drew 293 surfaces), so those are renumbered from 1 in order of
 * appearance; and with prefix, every id and every reference to one (id="X",
 * href="#X", url(#X)) gets prefix before it.  Returns 0, or -1 (memory; s
 * unchanged). */
static int tidy_svg(struct sink *s, const char *prefix)
{
	static const char word[] = "surface";
	static const char *const marks[] = { "id=\"", "href=\"#", "url(#" };
	unsigned long seen[64];
	size_t np = prefix ? strlen(prefix) : 0, nmarks = 0, nseen = 0, i, w = 0, k, cap;
	char *out;

	for (i = 0; np && i < s->len; i++)
		for (k = 0; k < 3; k++)
			nmarks += s->len - i >= strlen(marks[k]) && !memcmp(s->data + i, marks[k], strlen(marks[k]));
	/* a surface token of 8 bytes or more becomes at most "surface65": one byte more */
	cap = s->len + s->len / 8 + 32 + nmarks * np;
	if (!(out = malloc(cap)))
		return -1;
	for (i = 0; i < s->len;) {
		for (k = 0; np && k < 3; k++)
			if (s->len - i >= strlen(marks[k]) && !memcmp(s->data + i, marks[k], strlen(marks[k])))
				break;
		if (np && k < 3) {
			memcpy(out + w, marks[k], strlen(marks[k]));
			w += strlen(marks[k]);
			i += strlen(marks[k]);
			memcpy(out + w, prefix, np);
			w += np;
			continue;
		}
		if (s->len - i > sizeof(word) && !memcmp(s->data + i, word, sizeof(word) - 1) &&
		    s->data[i + sizeof(word) - 1] >= '0' && s->data[i + sizeof(word) - 1] <= '9') {
			unsigned long v = 0;
			i += sizeof(word) - 1;
			while (i < s->len && s->data[i] >= '0' && s->data[i] <= '9' && v < 100000000UL)
				v = v * 10 + (unsigned long)(s->data[i++] - '0');
			for (k = 0; k < nseen && seen[k] != v; k++)
				;
			if (k == nseen && nseen < sizeof(seen) / sizeof(*seen))
				seen[nseen++] = v;
			w += (size_t)snprintf(out + w, cap - w, "%s%zu", word, k + 1);
			continue;
		}
		out[w++] = s->data[i++];
	}
	free(s->data);
	s->data = out;
	s->len = s->cap = w;
	return 0;
}

/* Draws panels panels (COLS across) with draw(ctx) on a surface of fmt
 * into *data. */
static int render(const char *fmt, const struct cm_map_chart_opts *o, size_t npanels,
		  void (*draw)(cairo_t *, const void *, double), const void *ctx, char **data, size_t *len,
		  struct cm_error *err)
{
	struct sink s = { NULL, 0, 0, 0 };
	cairo_surface_t *sf = NULL;
	cairo_t *cr = NULL;
	double top = o && o->title ? 32 : 0, w, h, scale = (o && o->dpi > 0 ? o->dpi : 144) / 72.0;
	cairo_status_t st;

	w = COLS * PANEL_W;
	h = top + (double)((npanels + COLS - 1) / COLS) * PANEL_H;
	if (!strcmp(fmt, "png"))
		sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w * scale), (int)ceil(h * scale));
	else if (!strcmp(fmt, "svg"))
		sf = cairo_svg_surface_create_for_stream(sink_write, &s, w, h);
	else
		sf = cairo_pdf_surface_create_for_stream(sink_write, &s, w, h);
	if (!strcmp(fmt, "pdf")) /* a fixed date: the same table, the same bytes */
		cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
	cr = cairo_create(sf);
	if (!strcmp(fmt, "png"))
		cairo_scale(cr, scale, scale);
	draw_title(cr, o ? o->title : NULL);
	draw(cr, ctx, top);
	/* a failure while drawing leaves the context in error, and the rest
	 * undrawn, without touching the surface's status */
	if ((st = cairo_status(cr)) == CAIRO_STATUS_NO_MEMORY)
		s.nomem = 1;
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS && !strcmp(fmt, "png") &&
	    (st = cairo_surface_status(sf)) == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(sf, sink_write, &s); /* libpng's failures too */
	cairo_surface_finish(sf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (st == CAIRO_STATUS_SUCCESS && !s.nomem && !strcmp(fmt, "svg") &&
	    tidy_svg(&s, o ? o->id_prefix : NULL) < 0)
		s.nomem = 1;
	if (st != CAIRO_STATUS_SUCCESS || s.nomem) {
		free(s.data);
		return cm_error_set(err, s.nomem ? CM_ENOMEM : CM_EINTERNAL, NULL, 0, 0, "%s",
				    s.nomem ? "out of memory" : cairo_status_to_string(st));
	}
	*data = s.data;
	*len = s.len;
	return CM_OK;
}

int cm_map_chart_render(const struct cm_table *t, const struct cm_map_chart_opts *o, char **data, size_t *len,
			struct cm_error *err)
{
	struct chart c;
	struct curves k;
	const char *fmt = o && o->format ? o->format : "svg";

	*data = NULL;
	*len = 0;
	memset(&c, 0, sizeof(c));
	if (strcmp(fmt, "png") && strcmp(fmt, "svg") && strcmp(fmt, "pdf"))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "chart format '%s' is not png, svg or pdf", fmt);
	if (is_curves(&k, t)) {
		if (!k.nc)
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "no curve to chart: no measure has a positive total");
		return render(fmt, o, k.nc, draw_curves, &k, data, len, err);
	}
	if (!is_trend(&c, t))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "the chart draws a trend table (coalmap trend) or inequality curves");
	find_rows(&c);
	if (!c.nshown)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "no figure to chart: every one is undefined in every wave");
	return render(fmt, o, c.nshown, draw_trend, &c, data, len, err);
}
