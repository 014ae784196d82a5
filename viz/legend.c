/* legend.c - the title, the subtitle (what was drawn, with the filters)
 * and the legend (colours, area scale, line styles, notes): their texts,
 * measured with the map's labels, then drawn above and beside the map. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "viz/viz.h"

#define LEGEND_FS 12
#define SWATCH 13.0
#define SAMPLE_LEN 40.0

/* A legend heading for a column: a measure's label from the registry,
 * else the column's own name. */
static const char *friendly_metric(const char *name)
{
	int m = cm_metric_find(name);

	return m >= 0 && !(cm_metric_info(m)->flags & CM_MF_LABEL) ? cm_metric_info(m)->label : name;
}

void viz_legend_release(struct viz_legend *lg)
{
	viz_texts_release(&lg->t);
	free(lg->color_rows);
	free(lg->color_slot);
	free(lg->tie_rows);
	free(lg->sug_plates);
	memset(lg, 0, sizeof(*lg));
}

/* ------------------------------------------------------------------ */
/* Title and subtitle                                                   */
/* ------------------------------------------------------------------ */

/* Default title: the landscape's name. */
static const char *title_of(const struct viz_map *m)
{
	if (m->o->title)
		return m->o->title;
	return m->o->name ? m->o->name : "Landscape map";
}

/* The ties drawn, "768 ties" into ties, and what was left out into note.
 * On a --diff-at map they are the lines (the rows of either day merged per
 * pair, type and direction), and the note counts the rows between drawn
 * orgs, of the types kept, that existed on neither day. */
static void tie_counts(const struct viz_map *m, char *ties, char *note, size_t n)
{
	struct cm_filter undated = m->day[0];
	size_t i, nt = cm_landscape_nties(m->l), rows = 0, drawn = m->o->diff ? m->ne : m->nties;
	char a[32];

	snprintf(ties, n, "%s tie%s", viz_num(drawn, a), drawn == 1 ? "" : "s");
	*note = 0;
	if (!m->o->diff)
		return;
	undated.has_at = 0;
	for (i = 0; i < nt; i++)
		rows += m->drawn[cm_tie_source(m->l, i)] && m->drawn[cm_tie_target(m->l, i)] &&
			cm_tie_kept(m->l, &undated, i);
	if (rows > m->nties)
		snprintf(note, n, " (%s relationship row%s dated on neither day left out)",
			 viz_num(rows - m->nties, a), rows - m->nties == 1 ? "" : "s");
}

/* What was drawn: orgs (in groups), ties, the ego's neighbourhood and the
 * orgs drawn only for --highlight-gaps, counted apart. */
static void subtitle_counts(const struct viz_map *m, char *buf, size_t n)
{
	char a[32], b[32], c[32], d[32], plus[512] = "", ties[128], note[128];
	int comm = !strcasecmp(m->agg_by ? m->agg_by : "", "community");
	size_t base = m->ndrawn - m->sug_added - (size_t)m->gaps_added, radius = m->o->radius ? m->o->radius : 1;

	if (m->gaps_added)
		snprintf(plus, sizeof(plus), " plus %s and %zu suggested partner%s", m->gaps_name, m->sug_added,
			 m->sug_added == 1 ? "" : "s");
	else if (m->sug_added)
		snprintf(plus, sizeof(plus), " plus %zu suggested partner%s", m->sug_added, m->sug_added == 1 ? "" : "s");
	tie_counts(m, ties, note, sizeof(ties));

	if (m->aggregate && m->folded_orgs)
		snprintf(buf, n, "%s organizations in %s %s%s; the %zu largest (%s orgs) drawn, with the %s ties among them",
			 viz_num(m->ndrawn, a), viz_num(m->ngroups, b), comm ? "communities" : "groups by ",
			 comm ? "" : m->agg_by, m->nv, viz_num(m->ndrawn - m->folded_orgs, c), viz_num(m->nties, d));
	else if (m->aggregate)
		snprintf(buf, n, "%s organizations in %zu %s%s, %s ties", viz_num(m->ndrawn, a), m->nv,
			 comm ? "communities" : "groups by ", comm ? "" : m->agg_by, viz_num(m->nties, b));
	else if (m->ego_name)
		snprintf(buf, n, "%s organization%s within %zu step%s of %s%s, %s among them%s", viz_num(base, a),
			 base == 1 ? "" : "s", radius, radius == 1 ? "" : "s", m->ego_name, plus, ties, note);
	else
		snprintf(buf, n, "%s organization%s%s, %s%s", viz_num(base, a), base == 1 ? "" : "s", plus, ties, note);
}

/* Past CM_MAP_MAX_LINES, appended: which lines were drawn. */
static void subtitle_lines(const struct viz_map *m, char *buf, size_t n)
{
	char a[32], b[32];
	size_t len = strlen(buf);

	if (m->lines_all)
		snprintf(buf + len, n - len, "; %s of %s lines drawn: each organization's %zu to its best-connected "
			 "partner%s", viz_num(m->ne, a), viz_num(m->lines_all, b), m->lines_k, m->lines_k == 1 ? "" : "s");
}

/* The filters, appended: tie types, the day(s), --where. */
static void subtitle_filters(const struct viz_map *m, char *buf, size_t n)
{
	const struct cm_filter *f = m->f;
	size_t len, i;

	if (f && f->types) {
		len = strlen(buf);
		snprintf(buf + len, n - len, "; ties of type ");
		for (i = 0; i < f->ntypes; i++) {
			len = strlen(buf);
			snprintf(buf + len, n - len, "%s%s", i ? ", " : "", f->types[i]);
		}
	}
	if (m->o->diff) {
		char d1[32], d2[32];
		viz_civil(m->o->diff_from, d1, sizeof(d1));
		viz_civil(m->o->diff_to, d2, sizeof(d2));
		len = strlen(buf);
		snprintf(buf + len, n - len, "; ties on %s and on %s, sizes and colours as on %s", d1, d2, d2);
	} else if (f && f->has_at) {
		char day[32];
		viz_civil(f->at, day, sizeof(day));
		len = strlen(buf);
		snprintf(buf + len, n - len, "; as on %s", day);
	}
	for (i = 0; i < m->o->nwhere; i++) {
		len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s = %s", i ? ", " : "; where ", m->o->where[i].attr,
			 m->o->where[i].value);
	}
}

/* ------------------------------------------------------------------ */
/* The legend's texts                                                   */
/* ------------------------------------------------------------------ */

/* The colour heading and a row per category shown; the categories past
 * the seventh share the grey "other" row when there are more than eight. */
static int legend_colours(const struct viz_map *m, struct viz_legend *lg)
{
	const struct viz_cats *c = m->colors;
	char buf[1024];
	size_t i, coloured = c->n <= VIZ_NSLOTS ? c->n : VIZ_NSLOTS - 1;
	int other = c->n > coloured, by_group = m->aggregate && !m->o->color_by;

	snprintf(buf, sizeof(buf), "Colour: %s",
		 !strcasecmp(m->color_by, "community") ? "community" : friendly_metric(m->color_by));
	if (by_group)
		snprintf(buf, sizeof(buf), "Colour: group");
	else if (m->by_stance && m->color_by[6] == ':')
		snprintf(buf, sizeof(buf), "Colour: stance on %s", m->color_by + 7);
	if ((lg->color_head = viz_text_add(&lg->t, buf, LEGEND_FS + 1, 60, 0, VIZ_INK)) < 0)
		return CM_ENOMEM;
	if (!(lg->color_rows = calloc(coloured + 2, sizeof(long))) ||
	    !(lg->color_slot = calloc(coloured + 2, sizeof(unsigned))))
		return CM_ENOMEM;
	for (i = 0; i < coloured + other; i++) {
		if (i == coloured) {
			size_t k, rest = 0, len;
			for (k = i; k < c->n; k++)
				rest += c->v[k].count;
			if (by_group)
				snprintf(buf, sizeof(buf), "other groups (%zu)", rest);
			else {
				snprintf(buf, sizeof(buf), "other (%zu): ", rest);
				for (k = i; k < c->n && (len = strlen(buf)) < 200; k++)
					snprintf(buf + len, sizeof(buf) - len, "%s%s", k > i ? ", " : "",
						 *c->v[k].name ? c->v[k].name : "(no value)");
			}
		} else
			snprintf(buf, sizeof(buf), "%s (%zu)", *c->v[i].name ? c->v[i].name : "(no value)",
				 c->v[i].count);
		if ((lg->color_rows[i] = viz_text_add(&lg->t, buf, LEGEND_FS, i == coloured ? 90 : 56,
						      i == coloured ? 44 : 0, VIZ_INK)) < 0)
			return CM_ENOMEM;
		lg->color_slot[i] = i == coloured ? VIZ_OTHER : viz_color_slot(m, i);
		lg->ncolor++;
	}
	return CM_OK;
}

/* 1 when every value drawn is a whole number (degree, partners, members):
 * its legend shows whole numbers only. */
static int whole_values(const struct viz_map *m)
{
	size_t i;

	for (i = 0; i < m->nv; i++)
		if (!isnan(m->v[i].value) && m->v[i].value != floor(m->v[i].value))
			return 0;
	return 1;
}

/* The area heading and up to three sample values: a round value near the
 * largest, and two smaller ones that are still drawn above the minimum
 * size and not below the data (and whole when the data are). */
static int legend_sizes(const struct viz_map *m, struct viz_legend *lg)
{
	char buf[1024], v[64];
	size_t k, nv = 0;
	int whole = whole_values(m);

	if (m->aggregate && !m->o->size_by)
		snprintf(buf, sizeof(buf), "Area: organizations in the group");
	else
		snprintf(buf, sizeof(buf), "Area: %s%s", m->aggregate ? "total " : "", friendly_metric(m->size_by));
	if ((lg->size_head = viz_text_add(&lg->t, buf, LEGEND_FS + 1, 60, 0, VIZ_INK)) < 0)
		return CM_ENOMEM;
	if (m->vmax > 0) {
		double top = viz_round_below(m->vmax), vals[3];
		vals[0] = top;
		vals[1] = viz_nice_below(top / 2.5);
		vals[2] = viz_nice_below(top / 8);
		for (k = 0; k < 3; k++) {
			if (whole)
				vals[k] = floor(vals[k]);
			if (k && (vals[k] >= lg->size_vals[nv - 1] || vals[k] * 25 < m->vmax || (whole && vals[k] < 1)))
				continue;
			lg->size_vals[nv++] = vals[k];
		}
		for (k = 0; k < nv; k++) {
			viz_human(lg->size_vals[k], v, sizeof(v));
			if ((lg->size_rows[k] = viz_text_add(&lg->t, v, LEGEND_FS, 40, 0, VIZ_INK)) < 0)
				return CM_ENOMEM;
		}
		lg->nsize = nv;
	} else {
		lg->size_vals[0] = 0;
		if ((lg->size_rows[0] = viz_text_add(&lg->t, "all 0", LEGEND_FS, 40, 0, VIZ_INK)) < 0)
			return CM_ENOMEM;
		lg->nsize = 1;
	}
	if (m->nmissing) {
		snprintf(buf, sizeof(buf), "smallest also: no data (%zu)", m->nmissing);
		if ((lg->missing_row = viz_text_add(&lg->t, buf, LEGEND_FS - 1, 60, 0, VIZ_MUTED)) < 0)
			return CM_ENOMEM;
	}
	return CM_OK;
}

/* The largest number of ties on a line between groups. */
static double agg_cmax(const struct viz_map *m)
{
	double cmax = 0;
	size_t i;

	for (i = 0; i < m->ne; i++)
		if (m->e[i].type == VIZ_AGG_TIES && m->e[i].count > cmax)
			cmax = m->e[i].count;
	return cmax;
}

/* An aggregate map's lines: up to three sample widths and conflict. */
static int legend_links(const struct viz_map *m, struct viz_legend *lg)
{
	char buf[64];
	double cmax = agg_cmax(m);
	size_t i, k, nc = 0;
	int conflict = 0;

	for (i = 0; i < m->ne; i++)
		conflict |= m->e[i].type == VIZ_AGG_CONFLICT;
	if (!m->ne) {
		lg->tie_head = -1;
		return CM_OK;
	}
	if ((lg->tie_head = viz_text_add(&lg->t, "Lines: ties between groups", LEGEND_FS + 1, 60, 0, VIZ_INK)) < 0)
		return CM_ENOMEM;
	if (cmax > 0) {
		double vals[3] = { cmax, viz_nice_below(cmax / 4 > 1 ? cmax / 4 : 1), 1 };
		for (k = 0; k < 3; k++) {
			if (nc && vals[k] >= lg->agg_counts[nc - 1])
				continue;
			lg->agg_counts[nc] = vals[k];
			snprintf(buf, sizeof(buf), "%.0f tie%s", vals[k], vals[k] == 1 ? "" : "s");
			if ((lg->agg_rows[nc++] = viz_text_add(&lg->t, buf, LEGEND_FS, 40, 0, VIZ_INK)) < 0)
				return CM_ENOMEM;
		}
	}
	lg->nagg = nc;
	if (conflict && (lg->agg_conflict = viz_text_add(&lg->t, "conflict ties", LEGEND_FS, 40, 0, VIZ_INK)) < 0)
		return CM_ENOMEM;
	if (m->weak_links) {
		snprintf(buf, sizeof(buf), "%zu weaker link%s (up to %.0f tie%s each)", m->weak_links,
			 m->weak_links == 1 ? "" : "s", m->weak_max, m->weak_max == 1 ? "" : "s");
		if ((lg->agg_weak = viz_text_add(&lg->t, buf, LEGEND_FS, 60, 0, VIZ_INK)) < 0)
			return CM_ENOMEM;
	}
	return CM_OK;
}

/* An org map's lines: a row per tie style, and the suggested partners'. */
static int legend_ties(const struct viz_map *m, const struct viz_styles *st, struct viz_legend *lg)
{
	char buf[1024];
	size_t i;

	if (!st->nrows && !m->nsug) {
		lg->tie_head = -1;
		return CM_OK;
	}
	if ((lg->tie_head = viz_text_add(&lg->t, "Ties", LEGEND_FS + 1, 60, 0, VIZ_INK)) < 0)
		return CM_ENOMEM;
	if (!(lg->tie_rows = calloc(st->nrows + 1, sizeof(long))))
		return CM_ENOMEM;
	for (i = 0; i < st->nrows; i++) {
		snprintf(buf, sizeof(buf), "%s (%zu)", st->rows[i].names, st->rows[i].count);
		if ((lg->tie_rows[i] = viz_text_add(&lg->t, buf, LEGEND_FS, 60, 0, VIZ_INK)) < 0)
			return CM_ENOMEM;
	}
	if (m->nsug &&
	    (lg->sug_row = viz_text_add(&lg->t, "suggested partner (coalmap gaps)", LEGEND_FS, 60, 0, VIZ_INK)) < 0)
		return CM_ENOMEM;
	return CM_OK;
}

/* Appends a note to buf, after "; " unless it is the first. */
static void note(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void note(char *buf, size_t n, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len)
		snprintf(buf + len, n - len, "; ");
	len = strlen(buf);
	va_start(ap, fmt);
	vsnprintf(buf + len, n - len, fmt, ap);
	va_end(ap);
}

/* The notes under the legend: what is left out, the thick outlines, what
 * the suggestions are. */
static int legend_notes(const struct viz_map *m, const struct cm_map_info *info, struct viz_legend *lg)
{
	char buf[1024] = "", a[32], b[32];

	if (info->labels_limited)
		snprintf(buf, sizeof(buf), "Labels: the %zu %s of %zu", info->labelled,
			 m->aggregate ? "largest groups" : "top brokers (betweenness)", m->nv);
	if (m->folded_orgs)
		note(buf, sizeof(buf), "%s smaller groups (%s orgs) not drawn", viz_num(m->ngroups - m->nv, a),
		     viz_num(m->folded_orgs, b));
	if (m->ego_name && m->ego_org != m->gaps_org)
		note(buf, sizeof(buf), "Thick outline: %s", m->ego_name);
	if (buf[0] && (lg->note = viz_text_add(&lg->t, buf, LEGEND_FS - 1, 90, 0, VIZ_MUTED)) < 0)
		return CM_ENOMEM;
	if (!m->o->highlight_gaps)
		return CM_OK;
	snprintf(buf, sizeof(buf), "Thick outline, shaded: %s", m->gaps_name);
	if ((lg->sug_note[0] = viz_text_add(&lg->t, buf, LEGEND_FS - 1, 90, 0, VIZ_MUTED)) < 0)
		return CM_ENOMEM;
	if (m->nsug == 1)
		snprintf(buf, sizeof(buf), "purple outline: its top suggested partner, #rank (score)");
	else if (m->nsug)
		snprintf(buf, sizeof(buf), "purple outline: its %zu top suggested partners, #rank (score)", m->nsug);
	else
		snprintf(buf, sizeof(buf), "coalmap gaps suggests no partner for it");
	if ((lg->sug_note[1] = viz_text_add(&lg->t, buf, LEGEND_FS - 1, 90, 0, VIZ_MUTED)) < 0)
		return CM_ENOMEM;
	return CM_OK;
}

/* Every text outside the map, in the order they are measured: the
 * suggestion plates, the title, the subtitle, then the legend (unless
 * --no-legend).  Returns CM_OK or CM_ENOMEM. */
int viz_build_legend(const struct viz_map *m, const struct viz_styles *st, const struct cm_map_info *info,
		     struct viz_legend *lg)
{
	char buf[1024];
	size_t i;
	int rc;

	memset(lg, 0, sizeof(*lg));
	lg->missing_row = lg->note = lg->agg_conflict = lg->agg_weak = lg->sug_row = lg->sug_note[0] = -1;
	if (!(lg->sug_plates = calloc(m->nsug + 1, sizeof(long))))
		return CM_ENOMEM;
	for (i = 0; i < m->nsug; i++) {
		snprintf(buf, sizeof(buf), "#%zu (%.2f)", i + 1, m->sug[i].score);
		if ((lg->sug_plates[i] = viz_text_add(&lg->t, buf, m->label_fs, 40, 0, VIZ_SUGGEST_COLOR)) < 0)
			return CM_ENOMEM;
	}
	if ((lg->title = viz_text_add(&lg->t, title_of(m), 24, 100, 0, VIZ_INK)) < 0)
		return CM_ENOMEM;
	subtitle_counts(m, buf, sizeof(buf));
	subtitle_lines(m, buf, sizeof(buf));
	subtitle_filters(m, buf, sizeof(buf));
	if ((lg->subtitle = viz_text_add(&lg->t, buf, 12.5, VIZ_TEXT_MAX, 110, VIZ_MUTED)) < 0)
		return CM_ENOMEM;
	if (m->o->no_legend)
		return CM_OK;
	if ((rc = legend_colours(m, lg)) < 0 || (rc = legend_sizes(m, lg)) < 0)
		return rc;
	rc = m->aggregate ? legend_links(m, lg) : legend_ties(m, st, lg);
	return rc < 0 ? rc : legend_notes(m, info, lg);
}

/* ------------------------------------------------------------------ */
/* The legend, drawn                                                    */
/* ------------------------------------------------------------------ */

/* Where the next legend row goes: rows stack downwards from y at x; wmax
 * is the widest row so far. */
struct cursor {
	struct viz_draw *d;
	const struct viz_text *T;
	double x, y, wmax;
};

/* Takes a row of height h off the top; returns its centre. */
static double row(struct cursor *c, double h)
{
	c->y -= h;
	return c->y + h / 2;
}

/* A row holding text t alone, extra points taller than the text. */
static void text_row(struct cursor *c, long t, double extra)
{
	viz_text_node(c->d, &c->T[t], c->x, row(c, c->T[t].h + extra));
	c->wmax = fmax(c->wmax, c->T[t].w);
}

/* A line sample at height cy: the edge between two invisible points,
 * for the caller to style. */
static size_t sample_line(struct cursor *c, double cy)
{
	size_t a = viz_point_node(c->d, c->x, cy), b = viz_point_node(c->d, c->x + SAMPLE_LEN, cy);

	return viz_draw_edge(c->d, a, b);
}

/* Text t after a line sample at height cy. */
static void sample_text(struct cursor *c, long t, double cy)
{
	viz_text_node(c->d, &c->T[t], c->x + SAMPLE_LEN + 8, cy);
	c->wmax = fmax(c->wmax, SAMPLE_LEN + 8 + c->T[t].w);
}

/* The centre of a sample row for text t, at least minh tall. */
static double sample_row(struct cursor *c, long t, double minh)
{
	return row(c, fmax(c->T[t].h, minh) + 4);
}

/* The colour heading, then a swatch of each colour's shape with its text. */
static void draw_colours(const struct viz_legend *lg, struct cursor *c)
{
	size_t i;

	text_row(c, lg->color_head, 4);
	for (i = 0; i < lg->ncolor; i++) {
		const struct viz_text *t = &c->T[lg->color_rows[i]];
		double side = viz_slot_side(lg->color_slot[i], SWATCH * SWATCH);
		double h = fmax(t->h, side) + 3, cy = row(c, h);
		viz_shape_node(c->d, lg->color_slot[i], side, c->x + SWATCH / 2 + 1, cy);
		viz_text_node(c->d, t, c->x + SWATCH + 8, cy);
		c->wmax = fmax(c->wmax, SWATCH + 8 + t->w);
	}
}

/* The area heading, then grey circles of the sample values. */
static void draw_sizes(const struct viz_map *m, const struct viz_legend *lg, struct cursor *c)
{
	size_t i;

	text_row(c, lg->size_head, 4);
	for (i = 0; i < lg->nsize; i++) {
		const struct viz_text *t = &c->T[lg->size_rows[i]];
		double a_ = m->vmax > 0 ? fmax(m->dmin * m->dmin, m->dmax * m->dmax * lg->size_vals[i] / m->vmax)
					: m->dmax * m->dmax / 4;
		double d = sqrt(a_), h = fmax(t->h, d) + 4, cy = row(c, h);
		size_t s = viz_shape_node(c->d, 0, d, c->x + m->dmax / 2, cy);
		viz_draw_set(c->d, s, "fillcolor", "#DDDDDD");
		viz_text_node(c->d, t, c->x + m->dmax + 8, cy);
		c->wmax = fmax(c->wmax, m->dmax + 8 + t->w);
	}
	if (lg->missing_row >= 0)
		text_row(c, lg->missing_row, 2);
}

/* An aggregate map's line samples: widths by ties, and conflict. */
static void draw_links(const struct viz_map *m, const struct viz_legend *lg, struct cursor *c)
{
	double cmax = agg_cmax(m);
	size_t i;

	for (i = 0; i < lg->nagg + (lg->agg_conflict >= 0); i++) {
		int conflict = i == lg->nagg;
		long t = conflict ? lg->agg_conflict : lg->agg_rows[i];
		double cy = sample_row(c, t, 10);
		size_t e = sample_line(c, cy);
		viz_draw_set(c->d, e, "dir", "none");
		if (conflict)
			viz_style_tie(c->d, e, &viz_conflict_style, 0, 1, 0);
		else {
			viz_draw_setf(c->d, e, "penwidth", viz_agg_pen(lg->agg_counts[i], cmax));
			viz_draw_set(c->d, e, "color", "#777777");
		}
		sample_text(c, t, cy);
	}
	if (lg->agg_weak >= 0) {
		double cy = sample_row(c, lg->agg_weak, 10);
		viz_style_weak(c->d, sample_line(c, cy), 0);
		sample_text(c, lg->agg_weak, cy);
	}
}

/* The tie heading and samples: groups' links or tie styles, and the
 * suggested partners' line (its band under it). */
static void draw_ties(const struct viz_map *m, const struct viz_styles *st, const struct viz_legend *lg,
		      struct cursor *c)
{
	size_t i;

	text_row(c, lg->tie_head, 4);
	if (m->aggregate)
		draw_links(m, lg, c);
	else
		for (i = 0; i < st->nrows; i++) {
			const struct viz_type_row *r = &st->rows[i];
			double cy = sample_row(c, lg->tie_rows[i], 10);
			viz_style_tie(c->d, sample_line(c, cy), r->st, r->directed, r->st == &viz_conflict_style, 0);
			sample_text(c, lg->tie_rows[i], cy);
		}
	if (lg->sug_row >= 0) {
		double cy = sample_row(c, lg->sug_row, 12);
		viz_style_band(c->d, sample_line(c, cy));
		viz_style_suggested(c->d, sample_line(c, cy));
		sample_text(c, lg->sug_row, cy);
	}
}

/* The legend with its top-left corner at (x0, y0), in a frame. */
static void draw_legend(const struct viz_map *m, struct viz_draw *d, const struct viz_styles *st,
			const struct viz_legend *lg, double x0, double y0)
{
	const double pad = 12, gap = 10;
	struct cursor c = { d, lg->t.v, x0 + pad, y0 - pad, 0 };
	size_t i, n;

	draw_colours(lg, &c);
	c.y -= gap;
	draw_sizes(m, lg, &c);
	if (lg->tie_head >= 0) {
		c.y -= gap;
		draw_ties(m, st, lg, &c);
	}
	if (lg->note >= 0) {
		c.y -= gap;
		text_row(&c, lg->note, 2);
	}
	for (i = 0; lg->sug_note[0] >= 0 && i < 2; i++) {
		c.y -= i ? 0 : lg->note >= 0 ? 2 : gap;
		text_row(&c, lg->sug_note[i], 2);
	}
	c.y -= pad;
	/* the frame: an outline only, so nothing drawn before it is hidden */
	n = viz_draw_node(d);
	viz_draw_set(d, n, "shape", "box");
	viz_draw_set(d, n, "style", "rounded");
	viz_draw_set(d, n, "color", "#BBBBBB");
	viz_draw_set(d, n, "fixedsize", "true");
	viz_draw_setf(d, n, "width", (c.wmax + 2 * pad) / 72);
	viz_draw_setf(d, n, "height", (y0 - c.y) / 72);
	viz_draw_pos(d, n, x0 + (c.wmax + 2 * pad) / 2, (y0 + c.y) / 2);
}

/* The title and subtitle above the map (bb: its bounding box), and the
 * legend to its right unless --no-legend. */
void viz_draw_legend(const struct viz_map *m, struct viz_draw *d, const struct viz_styles *st,
		     const struct viz_legend *lg, const double *bb)
{
	const struct viz_text *tt = &lg->t.v[lg->title], *ts = &lg->t.v[lg->subtitle];
	double top = bb[3], sy = top + 14 + ts->h / 2, ty = sy + ts->h / 2 + 4 + tt->h / 2;

	viz_text_node(d, ts, bb[0], sy);
	viz_text_node(d, tt, bb[0], ty);
	if (!m->o->no_legend)
		draw_legend(m, d, st, lg, bb[2] + 36, top);
}
