/* text.c - the map's words: data-derived text escaped so that Graphviz
 * draws it literally (UTF-8, control and invisible characters, fitting to
 * a length, one line break), number formats for legends, the nodes'
 * labels, and texts measured before they are placed. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "viz/viz.h"

/* ------------------------------------------------------------------ */
/* UTF-8 and escaping                                                   */
/* ------------------------------------------------------------------ */

/* Next code point of s; a byte that does not start valid UTF-8 gives U+FFFD. */
static uint32_t utf8_next(const unsigned char **s)
{
	const unsigned char *p = *s;
	uint32_t c = p[0], min;
	int k, i;

	if (c < 0x80) {
		*s = p + 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0)
		k = 1, c &= 0x1F, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		k = 2, c &= 0x0F, min = 0x800;
	else if ((c & 0xF8) == 0xF0)
		k = 3, c &= 0x07, min = 0x10000;
	else {
		*s = p + 1;
		return 0xFFFD;
	}
	for (i = 1; i <= k; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s = p + 1;
			return 0xFFFD;
		}
		c = (c << 6) | (p[i] & 0x3F);
	}
	*s = p + k + 1;
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD;
	return c;
}

static size_t utf8_put(uint32_t c, char *o)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Formatting characters that would reorder or hide the text around them. */
static int invisible(uint32_t c)
{
	return c == 0x061C || c == 0x200B || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFDD0 && c <= 0xFDEF) ||
	       (c & 0xFFFE) == 0xFFFE;
}

/* The code points of s as a label shows them (see label_text_just) into
 * cp (VIZ_TEXT_MAX + 2 entries): at most max, an ellipsis ending a cut
 * text.  Returns how many. */
static size_t fit(const char *s, size_t max, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = 0;
	int more = 0;
	uint32_t c;

	while (*p) {
		c = utf8_next(&p);
		if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029)
			c = ' ';
		if (invisible(c) || (c == ' ' && (n == 0 || cp[n - 1] == ' ')))
			continue;
		if (n == max + 1) {
			more = 1;
			break;
		}
		cp[n++] = c;
	}
	while (n && cp[n - 1] == ' ')
		n--;
	if (more || n > max) {
		n = max ? max - 1 : 0;
		while (n && cp[n - 1] == ' ')
			n--;
		cp[n++] = 0x2026;
	}
	return n;
}

/* Data-derived text as a Graphviz plain label that draws it literally:
 * control characters become spaces, bidirectional overrides and
 * non-characters are dropped, runs of spaces collapse, at most max
 * characters are kept (an ellipsis ends a cut text), with one line break
 * at the space nearest the middle when longer than wrap characters (0 =
 * never).  Then Graphviz's escapes are disarmed: every backslash is doubled
 * (\N, \G, \l, a trailing \ stay text) and every & becomes &amp; (entities
 * stay text).  A line break is a newline character, which Graphviz honours
 * and which no data can produce; with left set, lines are left-justified
 * (Graphviz's \l) instead.  Returns a malloc'd string or NULL; *lines (may
 * be NULL) gets the number of lines. */
static char *label_text_just(const char *s, size_t max, size_t wrap, int left, int *lines)
{
	uint32_t cp[VIZ_TEXT_MAX + 2];
	size_t n, i, brk = SIZE_MAX, best = SIZE_MAX, w = 0;
	char *out;

	n = fit(s, max > VIZ_TEXT_MAX ? VIZ_TEXT_MAX : max, cp);
	if (wrap && n > wrap)
		for (i = 1; i + 1 < n; i++)
			if (cp[i] == ' ') {
				size_t d = i > n / 2 ? i - n / 2 : n / 2 - i;
				if (d < best) {
					best = d;
					brk = i;
				}
			}
	if (lines)
		*lines = brk != SIZE_MAX ? 2 : 1;
	if (!(out = malloc(n * 5 + 8)))
		return NULL;
	for (i = 0; i < n; i++) {
		if (i == brk && left) {
			out[w++] = '\\';
			out[w++] = 'l';
		} else if (i == brk)
			out[w++] = '\n';
		else if (cp[i] == '\\') {
			out[w++] = '\\';
			out[w++] = '\\';
		} else if (cp[i] == '&') {
			memcpy(out + w, "&amp;", 5);
			w += 5;
		} else
			w += utf8_put(cp[i], out + w);
	}
	if (left && n) {
		out[w++] = '\\';
		out[w++] = 'l';
	}
	out[w] = '\0';
	return out;
}

/* label_text_just, centred. */
static char *label_text(const char *s, size_t max, size_t wrap, int *lines)
{
	return label_text_just(s, max, wrap, 0, lines);
}

/* ------------------------------------------------------------------ */
/* Numbers                                                              */
/* ------------------------------------------------------------------ */

/* Formats a value for a legend: 850 M, 12,500, 0.031. */
void viz_human(double v, char *buf, size_t n)
{
	double a = fabs(v);

	if (a >= 1e9)
		snprintf(buf, n, "%.3g bn", v / 1e9);
	else if (a >= 1e6)
		snprintf(buf, n, "%.3g M", v / 1e6);
	else if (a >= 1000 && v == floor(v)) {
		long x = (long)a;
		snprintf(buf, n, "%s%ld,%03ld", v < 0 ? "-" : "", x / 1000, x % 1000);
	} else
		snprintf(buf, n, "%.3g", v);
}

/* x with thousands separators: 100,000 (buf: 32 bytes). */
const char *viz_num(size_t x, char *buf)
{
	char t[32];
	size_t len, i, w = 0;

	snprintf(t, sizeof(t), "%zu", x);
	len = strlen(t);
	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[w++] = ',';
		buf[w++] = t[i];
	}
	buf[w] = '\0';
	return buf;
}

/* The largest of 1, 2, 5 times a power of ten not above v (v > 0). */
double viz_nice_below(double v)
{
	double p = pow(10, floor(log10(v))), m = v / p;

	return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/* The largest of 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten not above v
 * (v > 0): the top of a size legend, close to the largest value. */
double viz_round_below(double v)
{
	static const double steps[] = { 8, 6, 5, 4, 3, 2, 1.5, 1 };
	double p = pow(10, floor(log10(v)));
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(*steps); i++)
		if (steps[i] * p <= v * (1 + 1e-12))
			return steps[i] * p;
	return p;
}

/* YYYY-MM-DD of a day number (Howard Hinnant's civil_from_days). */
void viz_civil(int32_t day, char *buf, size_t n)
{
	long z = (long)day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;

	snprintf(buf, n, "%04d-%02d-%02d", (int)(y + (m <= 2)) % 100000, (int)m % 100, (int)d % 100);
}

/* ------------------------------------------------------------------ */
/* Labels under the nodes                                               */
/* ------------------------------------------------------------------ */

static int rank_cmp_desc(const struct viz_node *a, const struct viz_node *b)
{
	if (a->rank != b->rank)
		return a->rank > b->rank ? -1 : 1;
	if (a->rank2 != b->rank2)
		return a->rank2 > b->rank2 ? -1 : 1;
	return 0;
}

/* How many nodes --labels labels by rank. */
static size_t labels_top(const struct viz_map *m, struct cm_map_info *info)
{
	const struct cm_map_opts *o = m->o;
	size_t n = m->nv, top = SIZE_MAX;

	switch (o->labels) {
	case CM_MAP_LABELS_NONE:
		top = 0;
		break;
	case CM_MAP_LABELS_ALL:
		top = n;
		break;
	case CM_MAP_LABELS_TOP_N:
		top = o->labels_top;
		break;
	case CM_MAP_LABELS_AUTO:
		top = n <= CM_MAP_LABEL_ALL_MAX ? n : CM_MAP_LABELS_TOP;
		info->labels_limited = top < n;
		break;
	}
	return top > n ? n : top;
}

/* order[0..top) gets the top nodes by rank (ties by index), the rest
 * follows: a partial selection, as a full sort would be n log n. */
static void rank_order(const struct viz_map *m, size_t top, size_t *order)
{
	size_t i, j, n = m->nv;

	for (i = 0; i < n; i++)
		order[i] = i;
	if (top >= n)
		return;
	for (i = 0; i < top; i++) {
		size_t best = i;
		for (j = i + 1; j < n; j++)
			if (rank_cmp_desc(&m->v[order[j]], &m->v[order[best]]) < 0 ||
			    (!rank_cmp_desc(&m->v[order[j]], &m->v[order[best]]) && order[j] < order[best]))
				best = j;
		if (best != i) {
			size_t t = order[i];
			order[i] = order[best];
			order[best] = t;
		}
	}
}

/* A group's label: its name, "around" its best-connected member, its size. */
static int group_label(struct viz_node *v, const char *around)
{
	char count[64], *name, *near = NULL, *raw = NULL;
	size_t len;
	int lines, nlines = 0;

	if (v->members > 1)
		snprintf(count, sizeof(count), "%zu orgs, %zu tie%s inside", v->members, v->inside,
			 v->inside == 1 ? "" : "s");
	else
		snprintf(count, sizeof(count), "1 org");
	if (around) {
		len = strlen(around) + 8;
		if (!(raw = malloc(len)))
			return CM_ENOMEM;
		snprintf(raw, len, "%s %s", v->members == 1 ? "" : "around", around);
		near = label_text(raw, 30, 0, &nlines);
		free(raw);
		if (!near)
			return CM_ENOMEM;
	}
	if (!(name = label_text(v->name, CM_MAP_LABEL_MAX, 22, &lines))) {
		free(near);
		return CM_ENOMEM;
	}
	len = strlen(name) + (near ? strlen(near) : 0) + strlen(count) + 3;
	if ((v->label = malloc(len))) {
		snprintf(v->label, len, "%s\n%s%s%s", name, near ? near : "", near ? "\n" : "", count);
		v->lines = lines + 1 + nlines;
	}
	free(name);
	free(near);
	return v->label ? CM_OK : CM_ENOMEM;
}

/* Labels the nodes --labels asks for, and the ego and suggested partners
 * unless --labels none. */
int viz_assign_labels(struct viz_map *m, struct cm_map_info *info)
{
	size_t i, n = m->nv, top = labels_top(m, info);
	size_t *order = NULL;
	int rc = CM_ENOMEM;

	if (!(order = malloc((n + 1) * sizeof(*order))))
		return CM_ENOMEM;
	rank_order(m, top, order);
	m->label_fs = n <= 80 ? 11 : 10;
	for (i = 0; i < n; i++) {
		struct viz_node *v = &m->v[order[i]];
		if (i >= top && !((v->ego || v->suggested) && m->o->labels != CM_MAP_LABELS_NONE))
			continue;
		if (m->aggregate) {
			if (group_label(v, m->gx->around[order[i]]) < 0)
				goto out;
		} else if (!(v->label = label_text(v->name, CM_MAP_LABEL_MAX, 22, &v->lines)))
			goto out;
		info->labelled++;
	}
	rc = CM_OK;
out:
	free(order);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Texts outside the map (title, legend), measured before placing them  */
/* ------------------------------------------------------------------ */

void viz_texts_release(struct viz_texts *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].label);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

/* Adds data-derived (raw) or our own text, left-justified; returns its
 * index or -1. */
long viz_text_add(struct viz_texts *t, const char *raw, double fs, size_t max, size_t wrap, const char *color)
{
	if (t->n == t->cap) {
		size_t nc = t->cap ? 2 * t->cap : 32;
		struct viz_text *nv = realloc(t->v, nc * sizeof(*nv));
		if (!nv)
			return -1;
		t->v = nv;
		t->cap = nc;
	}
	memset(&t->v[t->n], 0, sizeof(t->v[t->n]));
	if (!(t->v[t->n].label = label_text_just(raw, max, wrap, 1, NULL)))
		return -1;
	t->v[t->n].fs = fs;
	t->v[t->n].color = color ? color : VIZ_INK;
	return (long)t->n++;
}

void viz_text_style(struct viz_draw *d, size_t n, const struct viz_text *t)
{
	viz_draw_set(d, n, "shape", "plaintext");
	viz_draw_set(d, n, "margin", "0");
	viz_draw_set(d, n, "label", t->label);
	viz_draw_setf(d, n, "fontsize", t->fs);
	viz_draw_set(d, n, "fontcolor", t->color);
}

/* A text with its left edge at left, centred vertically on cy. */
size_t viz_text_node(struct viz_draw *d, const struct viz_text *t, double left, double cy)
{
	size_t n = viz_draw_node(d);

	viz_text_style(d, n, t);
	viz_draw_pos(d, n, left + t->w / 2, cy);
	return n;
}

/* Measures every text with Graphviz's own text layout (the nop2 engine
 * places nothing, it only sizes the nodes). */
int viz_measure(struct viz_texts *t, struct cm_error *err)
{
	struct viz_draw d;
	size_t i, first = 0;
	int rc;

	viz_new_drawing(&d);
	for (i = 0; i < t->n; i++) {
		size_t n = viz_draw_node(&d);
		if (!i)
			first = n;
		viz_text_style(&d, n, &t->v[i]);
		viz_draw_set(&d, n, "pos", "0,0");
	}
	if ((rc = viz_gv_layout(&d, "nop2", "measuring the legend", err)) == CM_OK)
		for (i = 0; i < t->n; i++) {
			t->v[i].w = d.geom[4 * (first + i) + 2];
			t->v[i].h = d.geom[4 * (first + i) + 3];
		}
	viz_draw_release(&d);
	return rc;
}
