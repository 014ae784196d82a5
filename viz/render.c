/* render.c - the Graphviz bridge (libgvc, libcgraph): styles a landscape as
 * a cgraph graph, lays it out and renders it in-process.  The only file that
 * includes Graphviz headers; docs/maps.md describes the styling.
 *
 * A map is drawn in two passes.  Pass 1 lays out one box per node that
 * holds the node's shape with its label underneath, with overlap removal,
 * so no shape or label can overlap another.  Pass 2 draws the shapes and
 * the labels at the positions pass 1 found, adds the title and the legend
 * beside the map, and routes the edges (Graphviz's "nop2" engine: nothing
 * moves).  Data-derived text only ever reaches Graphviz as a plain `label`
 * of a node with a synthetic name, escaped so that it is drawn literally. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gvc.h>

#include "internal.h"
#include "viz/map.h"

/* DejaVu Sans ships with Graphviz's dependencies (fontconfig-config pulls in
 * fonts-dejavu-core); the generic family is the fallback SVG viewers use. */
#define FONT "DejaVu Sans,sans-serif"
#define INK "#222222"
#define MUTED "#555555"

/* ------------------------------------------------------------------ */
/* Palette: Okabe-Ito, each colour paired with a shape so that groups stay */
/* apart for colour-blind readers and in grey-scale print.                */
/* ------------------------------------------------------------------ */

#define NSLOTS 8
#define OTHER NSLOTS

static const struct slot {
	const char *fill, *shape;
	double ratio; /* area of the shape Graphviz draws in a side x side box, / side^2
			 (measured from its SVG polygons) */
} slots[NSLOTS + 1] = {
	{ "#0072B2", "circle", 0.7854 },      /* blue */
	{ "#E69F00", "square", 1.0 },         /* orange */
	{ "#009E73", "triangle", 0.375 },     /* bluish green */
	{ "#CC79A7", "diamond", 0.5 },        /* reddish purple */
	{ "#56B4E9", "invtriangle", 0.375 },  /* sky blue */
	{ "#D55E00", "star", 0.311 },         /* vermillion */
	{ "#F0E442", "pentagon", 0.625 },     /* yellow */
	{ "#000000", "octagon", 0.828 },      /* black: an eighth category */
	{ "#BBBBBB", "octagon", 0.828 },      /* grey: "other" */
};

/* ------------------------------------------------------------------ */
/* Edge styles by tie type: told apart by line and arrowhead, not colour  */
/* ------------------------------------------------------------------ */

struct tie_style {
	const char *type;
	const char *style;
	double pen;
	const char *arrow;  /* head for directed ties */
	const char *color;
	const char *meaning;
};

static const struct tie_style directed_styles[] = {
	{ "funding", "solid", 2.2, "normal", "#333333", "funding (money flows \xE2\x86\x92)" },
	{ "information", "dashed", 1.3, "vee", "#444444", "information (informs \xE2\x86\x92)" },
	{ "access", "dotted", 2.0, "normal", "#333333", "access (can reach \xE2\x86\x92)" },
	{ "membership", "solid", 1.0, "empty", "#555555", "membership (member of \xE2\x86\x92)" },
	{ "distribution", "solid", 1.0, "vee", "#555555", "distribution (spreads \xE2\x86\x92)" },
};

static const struct tie_style conflict_style = {
	"conflict", "dashed", 1.8, "tee", "#C0392B", "conflict"
};

/* Mutual types in order of appearance; partnership, coalition and
 * collaboration share the first style ("works with"). */
static const struct tie_style mutual_styles[] = {
	{ NULL, "solid", 1.2, "none", "#888888", NULL },
	{ NULL, "solid", 3.4, "none", "#B0B0B0", NULL },
	{ NULL, "dashed", 1.3, "none", "#666666", NULL },
	{ NULL, "dotted", 1.6, "none", "#666666", NULL },
};
#define NMUTUAL (sizeof(mutual_styles) / sizeof(*mutual_styles))

static const struct tie_style other_directed_style = {
	NULL, "solid", 1.3, "normal", "#555555", NULL
};

/* --diff-at: gained, lost and unchanged ties, told apart by weight and
 * dash, not colour: bold solid, dashed, thin light solid. */
enum { DIFF_LOST = 1, DIFF_GAINED = 2, DIFF_KEPT = 3 };
static const struct tie_style diff_styles[] = {
	{ "gained", "solid", 3.2, "normal", "#000000", NULL },
	{ "lost", "dashed", 1.8, "normal", "#555555", NULL },
	{ "unchanged", "solid", 1.0, "normal", "#AAAAAA", NULL },
};

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

/* ------------------------------------------------------------------ */
/* Text                                                                  */
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

#define TEXT_MAX 200 /* code points kept by label_text at most */

static char *label_text_just(const char *s, size_t max, size_t wrap, int left, int *lines);

/* Data-derived text as a Graphviz plain label that draws it literally:
 * control characters become spaces, bidirectional overrides and
 * non-characters are dropped, runs of spaces collapse, at most max
 * characters are kept (an ellipsis ends a cut text), with one line break
 * at the space nearest the middle when longer than wrap characters (0 =
 * never).  Then Graphviz's escapes are disarmed: every backslash is doubled
 * (\N, \G, \l, a trailing \ stay text) and every & becomes &amp; (entities
 * stay text).  A line break is a newline character, which Graphviz honours
 * and which no data can produce.  Returns a malloc'd string or NULL; *lines
 * (may be NULL) gets the number of lines. */
static char *label_text(const char *s, size_t max, size_t wrap, int *lines)
{
	return label_text_just(s, max, wrap, 0, lines);
}

/* label_text, with left-justified lines (Graphviz's \l) when left is set. */
static char *label_text_just(const char *s, size_t max, size_t wrap, int left, int *lines)
{
	uint32_t cp[TEXT_MAX + 2], c;
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = 0, i, brk = SIZE_MAX, best = SIZE_MAX, w = 0;
	int more = 0;
	char *out;

	if (max > TEXT_MAX)
		max = TEXT_MAX;
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

/* Formats a value for a legend: 850 M, 12,500, 0.031. */
static void human(double v, char *buf, size_t n)
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

/* x with thousands separators: 100,000. */
static const char *num(size_t x, char *buf)
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
static double nice_below(double v)
{
	double p = pow(10, floor(log10(v))), m = v / p;

	return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/* The largest of 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten not above v
 * (v > 0): the top of a size legend, close to the largest value. */
static double round_below(double v)
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
static void civil(int32_t day, char *buf, size_t n)
{
	long z = (long)day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;

	snprintf(buf, n, "%04d-%02d-%02d", (int)(y + (m <= 2)) % 100000, (int)m % 100, (int)d % 100);
}

/* ------------------------------------------------------------------ */
/* Columns: org attributes, budget and influence, metrics                */
/* ------------------------------------------------------------------ */

enum colkind { COL_ATTR, COL_BUDGET, COL_INFLUENCE, COL_METRIC, COL_COMMUNITY };

struct colref {
	enum colkind kind;
	const char *attr;
	int mcol;
};

struct map {
	const struct cm_landscape *l;
	const struct cm_filter *f;
	const struct cm_map_opts *o;
	struct cm_filter day[2]; /* diff: the filter on diff_from and on diff_to */
	struct cm_table metrics;
	int c_degree, c_btw, c_comm;
	struct vnode *v;
	size_t nv;
	struct vedge *e;
	size_t ne;
	uint32_t *node_of;  /* org -> vnode, UINT32_MAX when not drawn */
	unsigned char *drawn;
	size_t ndrawn;
	size_t nties;       /* ties drawn, before merging */
	size_t hidden_links; /* weak links between groups left out */
	double hidden_max;  /* ties on the strongest of them */
	size_t folded_orgs; /* orgs in the groups too small to draw */
	size_t ngroups;     /* groups before folding */
	int aggregate;
	const char *agg_by;
	struct cats *colors;
	size_t *color_of;   /* vnode -> category (ranked) */
	const char *color_by;
	const char *size_by;
	double vmax;
	size_t nmissing;
	double dmax, dmin;  /* shape diameters for the largest and smallest value, points */
	double label_fs;
	const char *ego_name;
	size_t ego_org;     /* SIZE_MAX without --ego */
	struct group_extra *gx;
	struct suggestion *sug; /* highlight_gaps: the suggested partners, best first */
	size_t nsug;
	size_t gaps_org;    /* the highlight_gaps org, SIZE_MAX without */
	const char *gaps_name;
	size_t sug_added;   /* suggested partners drawn only because they are suggested */
	int gaps_added;     /* the highlight_gaps org is drawn only because of it */
};

/* A partner coalmap gaps suggests for the highlight_gaps org. */
struct suggestion {
	size_t org;
	uint32_t a, b;      /* vnodes of the highlight_gaps org and of the partner */
	double score;
};

struct vnode {
	size_t org;        /* org index, or SIZE_MAX for a group */
	size_t members;
	size_t inside;     /* ties inside a group */
	const char *name;  /* text for the label (borrowed) */
	double value;      /* size-by value, NaN when missing */
	double rank, rank2; /* label priority (betweenness, then degree), higher first */
	unsigned slot;     /* colour and shape */
	int ego;           /* the --ego or the highlight_gaps org: thick outline, always labelled */
	size_t suggested;  /* rank (from 1) of a suggested partner, else 0 */
	char *label;       /* escaped label, or NULL */
	int lines;
	double side;       /* width = height of the shape, points */
	double pad;        /* room around the shape for the highlight_gaps org's disc, points */
	double x, y, w, h; /* pass-1 box: centre and size, points */
};

enum { AGG_TIES, AGG_CONFLICT };

/* A line: vnodes a -> b (a < b when undirected), a tie type (org maps) or
 * AGG_TIES/AGG_CONFLICT (aggregate maps), and the ties merged into it. */
struct vedge {
	uint32_t a, b;
	uint32_t type;
	int directed;
	double count;
	unsigned change;   /* diff: 1 on the first day, 2 on the second, 3 on both */
};

static int col_resolve(struct map *m, const char *name, struct colref *r)
{
	memset(r, 0, sizeof(*r));
	r->attr = name;
	if (!strcasecmp(name, "community")) {
		r->kind = COL_COMMUNITY;
		r->mcol = m->c_comm;
		return 0;
	}
	if (!strcasecmp(name, "budget")) {
		r->kind = COL_BUDGET;
		return 0;
	}
	if (!strcasecmp(name, "influence")) {
		r->kind = COL_INFLUENCE;
		return 0;
	}
	if (m->l->norgs && cm_org_attr(m->l, 0, name)) {
		r->kind = COL_ATTR;
		return 0;
	}
	if ((r->mcol = cm_table_find(&m->metrics, name)) >= 0) {
		r->kind = COL_METRIC;
		return 0;
	}
	return -1;
}

/* The column's value for org i as text (borrowed, or formatted into buf). */
static const char *col_text(const struct map *m, const struct colref *r, size_t i, char *buf, size_t n)
{
	const struct cm_column *c;
	double v;

	switch (r->kind) {
	case COL_ATTR:
		return cm_org_attr(m->l, i, r->attr);
	case COL_BUDGET:
	case COL_INFLUENCE:
		v = r->kind == COL_BUDGET ? m->l->orgs[i].budget : m->l->orgs[i].influence;
		if (isnan(v))
			return "";
		snprintf(buf, n, "%g", v);
		return buf;
	case COL_METRIC:
	case COL_COMMUNITY:
		c = &m->metrics.cols[r->mcol];
		if (c->null[i])
			return "";
		if (c->kind == CM_TEXT)
			return c->text[i];
		if (c->kind == CM_INT)
			snprintf(buf, n, "%lld", c->ints[i]);
		else
			snprintf(buf, n, "%g", c->reals[i]);
		return buf;
	}
	return "";
}

/* The column's value for org i as a number; NaN when empty or not a number. */
static double col_number(const struct map *m, const struct colref *r, size_t i)
{
	const struct cm_column *c;
	const char *s, *hint;
	double v;

	switch (r->kind) {
	case COL_BUDGET:
		return m->l->orgs[i].budget;
	case COL_INFLUENCE:
		return m->l->orgs[i].influence;
	case COL_ATTR:
		s = cm_org_attr(m->l, i, r->attr);
		return s && *s && cm_parse_number(s, &v, &hint) == 0 ? v : NAN;
	case COL_METRIC:
	case COL_COMMUNITY:
		c = &m->metrics.cols[r->mcol];
		if (c->null[i] || c->kind == CM_TEXT)
			return NAN;
		return c->kind == CM_INT ? (double)c->ints[i] : c->reals[i];
	}
	return NAN;
}

/* ------------------------------------------------------------------ */
/* Categories: distinct values with counts, hashed                       */
/* ------------------------------------------------------------------ */

struct cat {
	char *name;
	size_t count;
	size_t first;    /* order of appearance */
	size_t rep;      /* org with the highest degree (for community names) */
	double rep_deg;
};

struct cats {
	struct cat *v;
	size_t n, cap;
	size_t *table;   /* open addressing: index + 1, 0 = free */
	size_t tsize;
};

static void cats_release(struct cats *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].name);
	free(c->v);
	free(c->table);
	memset(c, 0, sizeof(*c));
}

static int cats_grow(struct cats *c)
{
	size_t ts = c->tsize ? 2 * c->tsize : 64, i;
	size_t *t = calloc(ts, sizeof(*t));

	if (!t)
		return CM_ENOMEM;
	for (i = 0; i < c->n; i++) {
		const char *s = c->v[i].name;
		size_t h = (size_t)cm_hash_bytes(s, strlen(s), CM_HASH_INIT) & (ts - 1);
		while (t[h])
			h = (h + 1) & (ts - 1);
		t[h] = i + 1;
	}
	free(c->table);
	c->table = t;
	c->tsize = ts;
	return CM_OK;
}

/* Adds weight to the category named s (created if new); returns its index
 * or -1 when memory ran out. */
static long cats_add(struct cats *c, const char *s, size_t weight)
{
	size_t h;

	if ((c->n + 1) * 2 > c->tsize && cats_grow(c) < 0)
		return -1;
	h = (size_t)cm_hash_bytes(s, strlen(s), CM_HASH_INIT) & (c->tsize - 1);
	while (c->table[h]) {
		struct cat *k = &c->v[c->table[h] - 1];
		if (!strcmp(k->name, s)) {
			k->count += weight;
			return (long)(c->table[h] - 1);
		}
		h = (h + 1) & (c->tsize - 1);
	}
	if (c->n == c->cap) {
		size_t nc = c->cap ? 2 * c->cap : 16;
		struct cat *nv = realloc(c->v, nc * sizeof(*nv));
		if (!nv)
			return -1;
		c->v = nv;
		c->cap = nc;
	}
	memset(&c->v[c->n], 0, sizeof(c->v[c->n]));
	if (!(c->v[c->n].name = strdup(s)))
		return -1;
	c->v[c->n].count = weight;
	c->v[c->n].first = c->n;
	c->v[c->n].rep = SIZE_MAX;
	c->v[c->n].rep_deg = -1;
	c->table[h] = ++c->n;
	return (long)(c->n - 1);
}

static int cat_cmp(const void *x, const void *y)
{
	const struct cat *p = x, *q = y;

	if (p->count != q->count)
		return p->count > q->count ? -1 : 1;
	return (p->first > q->first) - (p->first < q->first);
}

/* Sorts categories largest first (ties by appearance); rank[old] = new.
 * The hash table is dropped. */
static int cats_rank(struct cats *c, size_t **rank)
{
	size_t i;

	free(c->table);
	c->table = NULL;
	c->tsize = 0;
	if (!(*rank = malloc((c->n + 1) * sizeof(**rank))))
		return CM_ENOMEM;
	qsort(c->v, c->n, sizeof(*c->v), cat_cmp);
	for (i = 0; i < c->n; i++)
		(*rank)[c->v[i].first] = i;
	return CM_OK;
}

/* Colour slot of the category ranked r among n. */
static unsigned slot_of(size_t r, size_t n)
{
	if (n <= NSLOTS)
		return (unsigned)r;
	return r < NSLOTS - 1 ? (unsigned)r : OTHER;
}

/* Room around the highlight_gaps org's shape for its shaded disc, points. */
#define HALO_PAD 9.0

/* ------------------------------------------------------------------ */
/* Which orgs and ties are drawn                                        */
/* ------------------------------------------------------------------ */

/* 1 if the org's column value is v, or has v among its ;-separated items. */
static int value_matches(const char *s, const char *v)
{
	size_t n = strlen(v);

	if (!strcmp(s, v))
		return 1;
	while (*s) {
		const char *e = strchr(s, ';');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (len == n && !strncmp(s, v, n))
			return 1;
		if (!e)
			break;
		s = e + 1;
	}
	return 0;
}

/* Whether the map draws a tie: 0 when not; with diff, 1 (it existed on the
 * first day only: lost), 2 (the second only: gained) or 3 (both). */
static unsigned tie_change(const struct map *m, const struct cm_tie *t)
{
	if (!m->o->diff)
		return cm_filter_keeps(m->l, m->f, t) ? DIFF_KEPT : 0;
	return (unsigned)cm_filter_keeps(m->l, &m->day[0], t) | (unsigned)cm_filter_keeps(m->l, &m->day[1], t) << 1;
}

/* Marks the orgs within radius steps of ego over the ties the filter keeps
 * (any type, either direction).  O(n + m). */
static int ego_reach(const struct map *m, size_t ego, size_t radius, unsigned char *near)
{
	const struct cm_landscape *l = m->l;
	size_t n = l->norgs, i, *start = NULL, *adj = NULL, *queue = NULL, *dist = NULL, head = 0, tail = 0;
	int rc = CM_ENOMEM;

	if (!(start = calloc(n + 1, sizeof(*start))) || !(queue = malloc((n + 1) * sizeof(*queue))) ||
	    !(dist = malloc((n + 1) * sizeof(*dist))))
		goto out;
	for (i = 0; i < l->nties; i++)
		if (tie_change(m, &l->ties[i])) {
			start[l->ties[i].src + 1]++;
			start[l->ties[i].dst + 1]++;
		}
	for (i = 0; i < n; i++)
		start[i + 1] += start[i];
	if (!(adj = malloc((start[n] + 1) * sizeof(*adj))))
		goto out;
	{
		size_t *fill = dist; /* reused as insertion cursors */
		memcpy(fill, start, n * sizeof(*fill));
		for (i = 0; i < l->nties; i++)
			if (tie_change(m, &l->ties[i])) {
				adj[fill[l->ties[i].src]++] = l->ties[i].dst;
				adj[fill[l->ties[i].dst]++] = l->ties[i].src;
			}
	}
	for (i = 0; i < n; i++)
		dist[i] = SIZE_MAX;
	dist[ego] = 0;
	queue[tail++] = ego;
	while (head < tail) {
		size_t u = queue[head++], k;
		near[u] = 1;
		if (dist[u] == radius)
			continue;
		for (k = start[u]; k < start[u + 1]; k++)
			if (dist[adj[k]] == SIZE_MAX) {
				dist[adj[k]] = dist[u] + 1;
				queue[tail++] = adj[k];
			}
	}
	rc = CM_OK;
out:
	free(start);
	free(adj);
	free(queue);
	free(dist);
	return rc;
}

/* Ties the filter keeps between drawn orgs. */
static size_t ties_among_drawn(const struct map *m)
{
	size_t i, n = 0;

	for (i = 0; i < m->l->nties; i++) {
		const struct cm_tie *t = &m->l->ties[i];
		n += m->drawn[t->src] && m->drawn[t->dst] && tie_change(m, t) != 0;
	}
	return n;
}

/* 1 if a column name is a metric computed from shortest paths. */
static int uses_paths(const char *col)
{
	return col && (!strncasecmp(col, "betweenness", 11) || !strncasecmp(col, "harmonic", 8));
}

/* Marks the orgs to draw: --where, then --ego's neighbourhood. */
static int select_orgs(struct map *m, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	const struct cm_map_opts *o = m->o;
	size_t i, k, ego = SIZE_MAX;
	unsigned char *near = NULL;
	int rc;

	if (!(m->drawn = malloc(l->norgs + 1)))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	memset(m->drawn, 1, l->norgs + 1);
	for (k = 0; k < o->nwhere; k++) {
		if (l->norgs && !cm_org_attr(l, 0, o->where[k].attr))
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--where: no column '%s' in %s",
					    o->where[k].attr, l->orgs_path);
		for (i = 0; i < l->norgs; i++)
			if (m->drawn[i] && !value_matches(cm_org_attr(l, i, o->where[k].attr), o->where[k].value))
				m->drawn[i] = 0;
	}
	if (o->ego) {
		ego = (size_t)cm_org_find(l, o->ego); /* -1 becomes SIZE_MAX */
		for (i = 0; i < l->norgs && ego == SIZE_MAX; i++)
			if (!strcmp(cm_landscape_org_name(l, i), o->ego))
				ego = i;
		if (ego == SIZE_MAX)
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--ego: no org '%s' in %s", o->ego,
					    l->orgs_path);
		if (!(near = calloc(l->norgs, 1)))
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		if ((rc = ego_reach(m, ego, o->radius ? o->radius : 1, near)) < 0) {
			free(near);
			return cm_error_set(err, rc, NULL, 0, 0, "out of memory");
		}
		for (i = 0; i < l->norgs; i++)
			m->drawn[i] = (m->drawn[i] && near[i]) || i == ego;
		m->ego_name = cm_landscape_org_name(l, ego);
		m->ego_org = ego;
		free(near);
	}
	m->ndrawn = 0;
	for (i = 0; i < l->norgs; i++)
		m->ndrawn += m->drawn[i];
	return CM_OK;
}

/* The highlight_gaps org's top partners as `coalmap gaps --for` ranks them
 * with its defaults (weights 1, decision-makers left out) and the map's
 * filter; they and the org are drawn whatever --where and --ego select.
 * An unknown org fails with cm_gaps_recommend's own message. */
static int suggest_partners(struct map *m, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	const struct cm_map_opts *o = m->o;
	const struct cm_filter all = { 0 };
	struct cm_gaps_opts go;
	struct cm_table t;
	size_t r, top = o->gaps_top ? o->gaps_top : CM_MAP_GAPS_TOP;
	int rc, cid, cscore;

	if (top > CM_MAP_GAPS_MAX)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--gaps-top needs a number from 1 to %d, not %zu",
				    CM_MAP_GAPS_MAX, top);
	cm_gaps_opts_init(&go);
	go.for_org = o->highlight_gaps;
	go.top = top;
	cm_table_init(&t, 0);
	if ((rc = cm_gaps_recommend(l, m->f ? m->f : &all, &go, &t, err)) < 0)
		goto out;
	cid = cm_table_find(&t, "id");
	cscore = cm_table_find(&t, "score");
	if (cid < 0 || cscore < 0 || (m->gaps_org = (size_t)cm_org_find(l, o->highlight_gaps)) == SIZE_MAX) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "coalmap gaps gave no ids and scores");
		goto out;
	}
	if (!(m->sug = calloc(t.nrows + 1, sizeof(*m->sug)))) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	m->gaps_name = cm_landscape_org_name(l, m->gaps_org);
	if (!*m->gaps_name)
		m->gaps_name = cm_landscape_org_id(l, m->gaps_org);
	for (r = 0; r < t.nrows; r++) {
		struct suggestion *sg = &m->sug[m->nsug];
		if (t.cols[cid].null[r] || (sg->org = (size_t)cm_org_find(l, t.cols[cid].text[r])) == SIZE_MAX)
			continue;
		sg->score = t.cols[cscore].null[r] ? 0 : t.cols[cscore].reals[r];
		if (!m->drawn[sg->org]) {
			m->drawn[sg->org] = 1;
			m->sug_added++;
			m->ndrawn++;
		}
		m->nsug++;
	}
	if (!m->drawn[m->gaps_org]) {
		m->drawn[m->gaps_org] = 1;
		m->gaps_added = 1;
		m->ndrawn++;
	}
	rc = CM_OK;
out:
	cm_table_release(&t);
	return rc;
}

/* Ties between drawn orgs, merged per (pair, type, direction). */
static int vedge_cmp(const void *x, const void *y)
{
	const struct vedge *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	if (p->type != q->type)
		return p->type < q->type ? -1 : 1;
	return p->directed - q->directed;
}

static void merge_edges(struct map *m)
{
	size_t i, w = 0;

	qsort(m->e, m->ne, sizeof(*m->e), vedge_cmp);
	for (i = 0; i < m->ne; i++) {
		if (w && !vedge_cmp(&m->e[w - 1], &m->e[i])) {
			m->e[w - 1].count += m->e[i].count;
			m->e[w - 1].change |= m->e[i].change;
		} else
			m->e[w++] = m->e[i];
	}
	m->ne = w;
}

static const struct vedge *thin_base;

static int by_count_desc(const void *x, const void *y)
{
	const struct vedge *p = &thin_base[*(const size_t *)x], *q = &thin_base[*(const size_t *)y];

	if (p->count != q->count)
		return p->count > q->count ? -1 : 1;
	return vedge_cmp(p, q);
}

/* An aggregate map keeps the links between groups that carry weight: at
 * least 1/40 of the strongest, and at most three per group (conflict
 * links apart, one per group). */
static int thin_edges(struct map *m)
{
	size_t *order = malloc((m->ne + 1) * sizeof(*order)), i, w = 0, kept[2] = { 0, 0 };
	double cmax[2] = { 0, 0 };
	unsigned char *keep = calloc(m->ne + 1, 1);

	if (!order || !keep) {
		free(order);
		free(keep);
		return CM_ENOMEM;
	}
	for (i = 0; i < m->ne; i++) {
		order[i] = i;
		if (m->e[i].count > cmax[m->e[i].type])
			cmax[m->e[i].type] = m->e[i].count;
	}
	thin_base = m->e;
	qsort(order, m->ne, sizeof(*order), by_count_desc);
	m->hidden_links = 0;
	m->hidden_max = 0;
	for (i = 0; i < m->ne; i++) {
		const struct vedge *e = &m->e[order[i]];
		size_t cap = e->type == AGG_TIES ? 3 * m->nv : m->nv;
		if (e->count * 40 >= cmax[e->type] && kept[e->type] < cap) {
			keep[order[i]] = 1;
			kept[e->type]++;
		} else {
			m->hidden_links++;
			if (e->count > m->hidden_max)
				m->hidden_max = e->count;
		}
	}
	for (i = 0; i < m->ne; i++)
		if (keep[i])
			m->e[w++] = m->e[i];
	m->ne = w;
	free(order);
	free(keep);
	return CM_OK;
}

/* Collects ties among drawn orgs; node(org) gives the vnode of an org. */
static int collect_edges(struct map *m)
{
	const struct cm_landscape *l = m->l;
	size_t i;

	free(m->e);
	m->e = NULL;
	m->ne = 0;
	m->nties = 0;
	if (!(m->e = malloc((l->nties + 1) * sizeof(*m->e))))
		return CM_ENOMEM;
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		uint32_t a, b;
		struct vedge *e;
		int conflict;
		unsigned change = tie_change(m, t);
		if (!change || m->node_of[t->src] == UINT32_MAX || m->node_of[t->dst] == UINT32_MAX)
			continue;
		a = m->node_of[t->src];
		b = m->node_of[t->dst];
		conflict = cm_tie_type_is_conflict(l->tie_types[t->type]);
		m->nties++;
		if (m->aggregate) {
			if (a == b) {
				if (!conflict)
					m->v[a].inside++; /* a tie inside a group */
				continue;
			}
			e = &m->e[m->ne++];
			e->a = a < b ? a : b;
			e->b = a < b ? b : a;
			e->type = conflict ? AGG_CONFLICT : AGG_TIES;
			e->directed = 0;
		} else {
			int dir = t->directed && !conflict;
			e = &m->e[m->ne++];
			e->a = dir || a < b ? a : b;
			e->b = dir || a < b ? b : a;
			e->type = t->type;
			e->directed = dir;
		}
		e->count = 1;
		e->change = change;
	}
	merge_edges(m);
	return m->aggregate ? thin_edges(m) : CM_OK;
}

/* ------------------------------------------------------------------ */
/* Nodes: orgs, or groups of orgs                                       */
/* ------------------------------------------------------------------ */

static const char *friendly_metric(const char *name)
{
	static const struct { const char *col, *text; } names[] = {
		{ "degree", "partners (degree)" },
		{ "strength", "tie strength" },
		{ "betweenness", "brokerage (betweenness)" },
		{ "betweenness_norm", "brokerage (betweenness)" },
		{ "harmonic", "closeness (harmonic)" },
		{ "eigenvector", "eigenvector centrality" },
		{ "pagerank", "PageRank" },
		{ "reach2", "orgs within two steps" },
		{ "funding_in", "funding received" },
		{ "in_degree", "incoming ties" },
		{ "out_degree", "outgoing ties" },
		{ "coreness", "core number" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcasecmp(name, names[i].col))
			return names[i].text;
	return name;
}

/* "Community 3, around NAME" (its best-connected member) for a community. */
static int community_name(const struct map *m, const struct cat *c, char **out)
{
	const char *around = c->rep != SIZE_MAX ? cm_landscape_org_name(m->l, c->rep) : "";
	size_t n = strlen(c->name) + strlen(around) + 32;

	if (!(*out = malloc(n)))
		return CM_ENOMEM;
	if (*around && c->count == 1)
		snprintf(*out, n, "Community %s: %s", c->name, around);
	else if (*around)
		snprintf(*out, n, "Community %s, around %s", c->name, around);
	else
		snprintf(*out, n, "Community %s", c->name);
	return CM_OK;
}

struct group_extra {
	char **names;         /* display name per vnode (owned) */
	const char **around;  /* a community's best-connected member, or NULL */
	size_t n;
};

static void gx_release(struct group_extra *gx)
{
	size_t i;

	if (!gx)
		return;
	for (i = 0; i < gx->n; i++)
		free(gx->names[i]);
	free(gx->names);
	free(gx->around);
	free(gx);
}

/* One vnode per drawn org. */
static int build_org_nodes(struct map *m)
{
	size_t i, k = 0;

	if (!(m->v = calloc(m->ndrawn + 1, sizeof(*m->v))))
		return CM_ENOMEM;
	for (i = 0; i < m->l->norgs; i++) {
		struct vnode *v;
		if (!m->drawn[i])
			continue;
		v = &m->v[k];
		v->org = i;
		v->members = 1;
		v->name = cm_landscape_org_name(m->l, i);
		if (!*v->name)
			v->name = cm_landscape_org_id(m->l, i);
		v->rank = m->c_btw >= 0 ? m->metrics.cols[m->c_btw].reals[i] : 0;
		v->rank2 = m->c_degree >= 0 ? (double)m->metrics.cols[m->c_degree].ints[i] : 0;
		if (isnan(v->rank))
			v->rank = 0;
		v->ego = i == m->ego_org || i == m->gaps_org;
		v->pad = i == m->gaps_org ? HALO_PAD : 0;
		m->node_of[i] = (uint32_t)k++;
	}
	m->nv = k;
	for (i = 0; i < m->nsug; i++) {
		m->sug[i].a = m->node_of[m->gaps_org];
		m->sug[i].b = m->node_of[m->sug[i].org];
		m->v[m->sug[i].b].suggested = i + 1;
	}
	return CM_OK;
}

/* One vnode per group of drawn orgs: the CM_MAP_MAX_GROUPS largest; the
 * orgs of the others are counted in folded_orgs and not drawn. */
static int build_group_nodes(struct map *m, size_t *folded, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	struct colref r;
	struct cats g;
	size_t i, *rank = NULL, keep, *group_of = NULL;
	char buf[64];
	int rc = CM_ENOMEM;

	memset(&g, 0, sizeof(g));
	if (col_resolve(m, m->agg_by, &r) < 0)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--aggregate: no column '%s' in %s", m->agg_by,
				    l->orgs_path);
	if (!(group_of = malloc((l->norgs + 1) * sizeof(*group_of))))
		goto out;
	for (i = 0; i < l->norgs; i++) {
		long gi;
		double deg;
		if (!m->drawn[i])
			continue;
		if ((gi = cats_add(&g, col_text(m, &r, i, buf, sizeof(buf)), 1)) < 0)
			goto out;
		group_of[i] = (size_t)gi;
		deg = m->c_degree >= 0 ? (double)m->metrics.cols[m->c_degree].ints[i] : 0;
		if (deg > g.v[gi].rep_deg) {
			g.v[gi].rep_deg = deg;
			g.v[gi].rep = i;
		}
	}
	if (cats_rank(&g, &rank) < 0)
		goto out;
	keep = g.n > CM_MAP_MAX_GROUPS ? CM_MAP_MAX_GROUPS : g.n;
	*folded = g.n - keep;
	m->ngroups = g.n;
	m->nv = keep;
	if (!(m->v = calloc(m->nv + 1, sizeof(*m->v))) || !(m->gx = calloc(1, sizeof(*m->gx))) ||
	    !(m->gx->names = calloc(m->nv + 1, sizeof(char *))) ||
	    !(m->gx->around = calloc(m->nv + 1, sizeof(char *))))
		goto out;
	m->gx->n = m->nv;
	for (i = 0; i < keep; i++) {
		struct vnode *v = &m->v[i];
		v->org = SIZE_MAX;
		v->members = g.v[i].count;
		v->rank = (double)v->members;
		if (r.kind == COL_COMMUNITY) {
			size_t n = strlen(g.v[i].name) + 16;
			if (!(m->gx->names[i] = malloc(n)))
				goto out;
			snprintf(m->gx->names[i], n, "Community %s", g.v[i].name);
			if (g.v[i].rep != SIZE_MAX)
				m->gx->around[i] = cm_landscape_org_name(l, g.v[i].rep);
		} else if (!(m->gx->names[i] = strdup(*g.v[i].name ? g.v[i].name : "(no value)")))
			goto out;
		v->name = m->gx->names[i];
	}
	m->folded_orgs = 0;
	for (i = keep; i < g.n; i++)
		m->folded_orgs += g.v[i].count;
	for (i = 0; i < l->norgs; i++)
		if (m->drawn[i]) {
			size_t gr = rank[group_of[i]];
			m->node_of[i] = gr < keep ? (uint32_t)gr : UINT32_MAX;
		}
	rc = CM_OK;
out:
	free(rank);
	free(group_of);
	cats_release(&g);
	if (rc < 0)
		return cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	return rc;
}

/* ------------------------------------------------------------------ */
/* Colours, sizes, labels                                               */
/* ------------------------------------------------------------------ */

/* Per vnode its colour category; categories ranked by size. */
static int assign_colors(struct map *m, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	struct colref r;
	size_t i, *rank = NULL, *cat_of_org = NULL;
	char buf[64];
	int rc = CM_ENOMEM;
	const char *by = m->o->color_by;

	if (!(m->colors = calloc(1, sizeof(*m->colors))) ||
	    !(m->color_of = calloc(m->nv + 1, sizeof(*m->color_of))))
		goto out;
	if (m->aggregate && !by) {
		/* each group its own colour: the group's rank */
		m->color_by = m->agg_by;
		for (i = 0; i < m->nv; i++) {
			long c;
			char *nm = NULL;
			if (m->gx->around[i]) {
				size_t n = strlen(m->v[i].name) + strlen(m->gx->around[i]) + 16;
				if (!(nm = malloc(n)))
					goto out;
				snprintf(nm, n, "%s, around %s", m->v[i].name, m->gx->around[i]);
			}
			c = cats_add(m->colors, nm ? nm : m->v[i].name, m->v[i].members);
			free(nm);
			if (c < 0)
				goto out;
			m->color_of[i] = (size_t)c;
		}
		if (cats_rank(m->colors, &rank) < 0)
			goto out;
		for (i = 0; i < m->nv; i++) {
			m->color_of[i] = rank[m->color_of[i]];
			m->v[i].slot = slot_of(m->color_of[i], m->colors->n);
		}
		rc = CM_OK;
		goto out;
	}
	if (!by) {
		/* type when it tells orgs apart, else community */
		const char *t0 = NULL;
		by = "community";
		for (i = 0; i < l->norgs; i++) {
			const char *t = cm_landscape_org_type(l, i);
			if (!m->drawn[i] || !*t)
				continue;
			if (!t0)
				t0 = t;
			else if (strcmp(t0, t)) {
				by = "type";
				break;
			}
		}
	}
	m->color_by = by;
	if (col_resolve(m, by, &r) < 0) {
		free(rank);
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--color-by: no column '%s' in %s or the metrics",
				    by, l->orgs_path);
	}
	if (!(cat_of_org = malloc((l->norgs + 1) * sizeof(*cat_of_org))))
		goto out;
	for (i = 0; i < l->norgs; i++) {
		long c;
		double deg;
		if (!m->drawn[i])
			continue;
		if ((c = cats_add(m->colors, col_text(m, &r, i, buf, sizeof(buf)), 1)) < 0)
			goto out;
		cat_of_org[i] = (size_t)c;
		deg = m->c_degree >= 0 ? (double)m->metrics.cols[m->c_degree].ints[i] : 0;
		if (deg > m->colors->v[c].rep_deg) {
			m->colors->v[c].rep_deg = deg;
			m->colors->v[c].rep = i;
		}
	}
	if (cats_rank(m->colors, &rank) < 0)
		goto out;
	if (r.kind == COL_COMMUNITY)
		for (i = 0; i < m->colors->n; i++) {
			char *nm;
			if (community_name(m, &m->colors->v[i], &nm) < 0)
				goto out;
			free(m->colors->v[i].name);
			m->colors->v[i].name = nm;
		}
	if (!m->aggregate) {
		for (i = 0; i < l->norgs; i++)
			if (m->drawn[i]) {
				uint32_t k = m->node_of[i];
				m->color_of[k] = rank[cat_of_org[i]];
				m->v[k].slot = slot_of(m->color_of[k], m->colors->n);
			}
	} else {
		/* a group takes the most common colour among its members */
		size_t nc = m->colors->n, g;
		size_t *tally = calloc(m->nv * (nc <= 256 ? nc : 1) + 1, sizeof(*tally));
		if (!tally)
			goto out;
		if (nc <= 256) {
			for (i = 0; i < l->norgs; i++)
				if (m->drawn[i] && m->node_of[i] != UINT32_MAX) /* not in a folded group */
					tally[(size_t)m->node_of[i] * nc + rank[cat_of_org[i]]]++;
			for (g = 0; g < m->nv; g++) {
				size_t best = 0, c;
				for (c = 1; c < nc; c++)
					if (tally[g * nc + c] > tally[g * nc + best])
						best = c;
				m->color_of[g] = best;
				m->v[g].slot = slot_of(best, nc);
			}
		} else {
			/* too many values to colour by: everything is "other" */
			for (g = 0; g < m->nv; g++) {
				m->color_of[g] = NSLOTS;
				m->v[g].slot = OTHER;
			}
		}
		free(tally);
	}
	rc = CM_OK;
out:
	free(rank);
	free(cat_of_org);
	if (rc < 0)
		return cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	return rc;
}

static int assign_sizes(struct map *m, struct cm_error *err)
{
	struct colref r;
	size_t i, n = m->nv;
	double amax, amin;

	m->size_by = m->o->size_by;
	if (m->aggregate && !m->size_by) {
		for (i = 0; i < n; i++)
			m->v[i].value = (double)m->v[i].members;
	} else {
		if (!m->size_by)
			m->size_by = "degree";
		if (col_resolve(m, m->size_by, &r) < 0)
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
					    "--size-by: no column '%s' in %s or the metrics", m->size_by,
					    m->l->orgs_path);
		if (r.kind == COL_ATTR || r.kind == COL_METRIC) {
			/* must be numeric somewhere */
			int numeric = 0;
			for (i = 0; i < m->l->norgs && !numeric; i++)
				numeric = !isnan(col_number(m, &r, i));
			if (!numeric && m->l->norgs)
				return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
						    "--size-by: column '%s' holds no numbers", m->size_by);
		}
		for (i = 0; i < n; i++)
			m->v[i].value = 0;
		if (m->aggregate) {
			/* groups: the sum over members */
			for (i = 0; i < m->l->norgs; i++)
				if (m->drawn[i]) {
					double x = col_number(m, &r, i);
					if (!isnan(x) && x > 0)
						m->v[m->node_of[i]].value += x;
				}
		} else
			for (i = 0; i < n; i++) {
				double x = col_number(m, &r, m->v[i].org);
				m->v[i].value = isnan(x) || x < 0 ? NAN : x;
			}
	}
	m->vmax = 0;
	m->nmissing = 0;
	for (i = 0; i < n; i++) {
		double x = m->v[i].value;
		if (isnan(x)) {
			m->nmissing++;
			continue;
		}
		if (x > m->vmax)
			m->vmax = x;
	}
	/* diameters by the number of nodes: big shapes on small maps */
	m->dmax = n <= 20 ? 64 : n <= 80 ? 52 : n <= 150 ? 42 : n <= 500 ? 30 : 22;
	m->dmin = m->dmax * 0.2;
	amax = m->dmax * m->dmax;
	amin = m->dmin * m->dmin;
	for (i = 0; i < n; i++) {
		struct vnode *v = &m->v[i];
		double a;
		if (m->vmax <= 0)
			a = amax / 4;
		else if (isnan(v->value))
			a = amin;
		else
			a = fmax(amin, amax * v->value / m->vmax);
		/* the same area whatever the shape: a circle of diameter d has
		 * area d^2 * pi/4 */
		v->side = sqrt(a * slots[0].ratio / slots[v->slot].ratio);
	}
	return CM_OK;
}

static int rank_cmp_desc(const struct vnode *a, const struct vnode *b)
{
	if (a->rank != b->rank)
		return a->rank > b->rank ? -1 : 1;
	if (a->rank2 != b->rank2)
		return a->rank2 > b->rank2 ? -1 : 1;
	return 0;
}

static int assign_labels(struct map *m, struct cm_map_info *info)
{
	const struct cm_map_opts *o = m->o;
	size_t i, j, n = m->nv, top = SIZE_MAX;
	size_t *order = NULL;

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
	if (top > n)
		top = n;
	if (!(order = malloc((n + 1) * sizeof(*order))))
		return CM_ENOMEM;
	/* insertion by rank is fine for a top-N; a full sort would be n log n */
	for (i = 0; i < n; i++)
		order[i] = i;
	if (top < n) {
		/* partial selection: top picks, stable by index */
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
	m->label_fs = n <= 80 ? 11 : 10;
	for (i = 0; i < n; i++) {
		struct vnode *v = &m->v[order[i]];
		if (i >= top && !((v->ego || v->suggested) && o->labels != CM_MAP_LABELS_NONE))
			continue;
		if (m->aggregate) {
			/* name, "around" its best-connected member, size */
			const char *around = m->gx->around[order[i]];
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
					goto nomem;
				snprintf(raw, len, "%s %s", v->members == 1 ? "" : "around", around);
				near = label_text(raw, 30, 0, &nlines);
				free(raw);
				if (!near)
					goto nomem;
			}
			if (!(name = label_text(v->name, CM_MAP_LABEL_MAX, 22, &lines))) {
				free(near);
				goto nomem;
			}
			len = strlen(name) + (near ? strlen(near) : 0) + strlen(count) + 3;
			if (!(v->label = malloc(len))) {
				free(name);
				free(near);
				goto nomem;
			}
			snprintf(v->label, len, "%s\n%s%s%s", name, near ? near : "", near ? "\n" : "", count);
			v->lines = lines + 1 + nlines;
			free(name);
			free(near);
		} else if (!(v->label = label_text(v->name, CM_MAP_LABEL_MAX, 22, &v->lines)))
			goto nomem;
		info->labelled++;
	}
	free(order);
	return CM_OK;
nomem:
	free(order);
	return CM_ENOMEM;
}

/* ------------------------------------------------------------------ */
/* cgraph helpers                                                        */
/* ------------------------------------------------------------------ */

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void setf(void *obj, const char *name, double value)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.4f", value);
	set(obj, name, buf);
}

static void set_pos(Agnode_t *n, double x, double y)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%.2f,%.2f", x, y);
	set(n, "pos", buf);
}

static Agnode_t *node(Agraph_t *g, size_t *serial)
{
	char name[32];

	snprintf(name, sizeof(name), "n%zu", (*serial)++);
	return agnode(g, name, 1);
}

static Agraph_t *new_graph(void)
{
	Agraph_t *g = agopen((char *)"map", Agdirected, NULL);

	if (!g)
		return NULL;
	agattr(g, AGNODE, (char *)"fontname", (char *)FONT);
	agattr(g, AGEDGE, (char *)"fontname", (char *)FONT);
	agattr(g, AGRAPH, (char *)"fontname", (char *)FONT);
	agattr(g, AGNODE, (char *)"label", (char *)"");
	agattr(g, AGNODE, (char *)"width", (char *)"0");
	agattr(g, AGNODE, (char *)"height", (char *)"0");
	agattr(g, AGNODE, (char *)"margin", (char *)"0.03,0.01");
	return g;
}

/* ------------------------------------------------------------------ */
/* Pass 1: layout                                                        */
/* ------------------------------------------------------------------ */

static const char *const engines[] = { "neato", "fdp", "sfdp", "dot", "circo" };

static int choose_layout(const struct map *m, const char **engine, struct cm_error *err)
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
static double label_height(const struct map *m, const struct vnode *v)
{
	return v->label ? v->lines * m->label_fs * 1.2 + 2 * 0.01 * 72 + 2 : 0;
}

static int layout_pass1(struct map *m, GVC_t *gvc, const char *engine, double *bb, struct cm_error *err)
{
	Agraph_t *g = new_graph();
	Agnode_t **nodes = NULL;
	size_t i, serial = 0;
	int rc = CM_ENOMEM, laid = 0;

	if (!g || !(nodes = calloc(m->nv + 1, sizeof(*nodes))))
		goto out;
	set(g, "splines", "");
	set(g, "outputorder", "edgesfirst");
	if (!strcmp(engine, "neato") || !strcmp(engine, "sfdp") || !strcmp(engine, "fdp")) {
		set(g, "overlap", "prism");
		set(g, "sep", "+7");
		/* prism first spreads the layout to 4 label sizes per edge by
		 * default; 2 keeps maps compact and labels large on the page */
		set(g, "overlap_scaling", "-2");
		set(g, "start", "1"); /* fixed seed: same input, same map */
		if (!strcmp(engine, "neato")) {
			set(g, "pack", "true");
			set(g, "mode", "major");
		}
	} else if (!strcmp(engine, "dot")) {
		set(g, "nodesep", "0.25");
		set(g, "ranksep", "0.5");
	} else
		set(g, "mindist", "0.4");
	for (i = 0; i < m->nv; i++) {
		struct vnode *v = &m->v[i];
		Agnode_t *n = nodes[i] = node(g, &serial);
		if (!n)
			goto out;
		if (v->label) {
			set(n, "shape", "box");
			set(n, "label", v->label);
			setf(n, "fontsize", m->label_fs);
			setf(n, "width", (v->side + 2 * v->pad) / 72);
			setf(n, "height", (v->side + 2 * v->pad + label_height(m, v)) / 72);
		} else {
			/* a box, so that bounding boxes, not just shapes, stay apart */
			set(n, "shape", "box");
			set(n, "fixedsize", "true");
			setf(n, "width", (v->side + 2 * v->pad) / 72);
			setf(n, "height", (v->side + 2 * v->pad) / 72);
		}
	}
	for (i = 0; i < m->ne; i++) {
		const struct vedge *e = &m->e[i];
		/* one edge per pair is enough for the layout */
		if (i && m->e[i - 1].a == e->a && m->e[i - 1].b == e->b)
			continue;
		if (!agedge(g, nodes[e->a], nodes[e->b], NULL, 1))
			goto out;
	}
	for (i = 0; i < m->nsug; i++)
		if (!agedge(g, nodes[m->sug[i].a], nodes[m->sug[i].b], NULL, 1))
			goto out;
	gv_msg[0] = '\0';
	if (gvLayout(gvc, g, engine) != 0) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "map layout (%s) failed: %s", engine, gv_reason());
		goto out;
	}
	laid = 1;
	for (i = 0; i < m->nv; i++) {
		struct vnode *v = &m->v[i];
		v->x = ND_coord(nodes[i]).x;
		v->y = ND_coord(nodes[i]).y;
		v->w = ND_width(nodes[i]) * 72;
		v->h = ND_height(nodes[i]) * 72;
	}
	bb[0] = GD_bb(g).LL.x;
	bb[1] = GD_bb(g).LL.y;
	bb[2] = GD_bb(g).UR.x;
	bb[3] = GD_bb(g).UR.y;
	if (m->nv == 0)
		bb[0] = bb[1] = bb[2] = bb[3] = 0;
	rc = CM_OK;
out:
	if (rc == CM_ENOMEM)
		cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	if (laid)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	free(nodes);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Texts outside the map (title, legend), measured before placing them  */
/* ------------------------------------------------------------------ */

struct text {
	char *label;   /* escaped */
	double fs;
	double w, h;   /* measured, points */
	const char *color;
};

struct texts {
	struct text *v;
	size_t n, cap;
};

static void texts_release(struct texts *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].label);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

/* Adds data-derived (raw) or our own text; returns its index or -1. */
static long text_add(struct texts *t, const char *raw, double fs, size_t max, size_t wrap, const char *color)
{
	if (t->n == t->cap) {
		size_t nc = t->cap ? 2 * t->cap : 32;
		struct text *nv = realloc(t->v, nc * sizeof(*nv));
		if (!nv)
			return -1;
		t->v = nv;
		t->cap = nc;
	}
	memset(&t->v[t->n], 0, sizeof(t->v[t->n]));
	if (!(t->v[t->n].label = label_text_just(raw, max, wrap, 1, NULL)))
		return -1;
	t->v[t->n].fs = fs;
	t->v[t->n].color = color ? color : INK;
	return (long)t->n++;
}

static void text_style(Agnode_t *n, const struct text *t)
{
	set(n, "shape", "plaintext");
	set(n, "margin", "0");
	set(n, "label", t->label);
	setf(n, "fontsize", t->fs);
	set(n, "fontcolor", t->color);
}

/* Measures every text with Graphviz's own text layout (the nop2 engine
 * places nothing, it only sizes the nodes). */
static int measure(GVC_t *gvc, struct texts *t, struct cm_error *err)
{
	Agraph_t *g = new_graph();
	Agnode_t **nodes = calloc(t->n + 1, sizeof(*nodes));
	size_t i, serial = 0;
	int rc = CM_ENOMEM;

	if (!g || !nodes)
		goto out;
	for (i = 0; i < t->n; i++) {
		if (!(nodes[i] = node(g, &serial)))
			goto out;
		text_style(nodes[i], &t->v[i]);
		set(nodes[i], "pos", "0,0");
	}
	gv_msg[0] = '\0';
	if (gvLayout(gvc, g, "nop2") != 0) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "measuring the legend failed: %s", gv_reason());
		goto out;
	}
	for (i = 0; i < t->n; i++) {
		t->v[i].w = ND_width(nodes[i]) * 72;
		t->v[i].h = ND_height(nodes[i]) * 72;
	}
	gvFreeLayout(gvc, g);
	rc = CM_OK;
out:
	if (rc == CM_ENOMEM)
		cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	if (g)
		agclose(g);
	free(nodes);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Tie styles                                                            */
/* ------------------------------------------------------------------ */

static int is_collab(const char *type)
{
	return !strcasecmp(type, "partnership") || !strcasecmp(type, "coalition") ||
	       !strcasecmp(type, "collaboration");
}

/* Style of each tie type drawn, in legend order. */
struct type_row {
	uint32_t type;            /* first type index of the row */
	const struct tie_style *st;
	int directed;             /* the legend sample's direction */
	char names[256];          /* the types the row stands for */
	size_t count;
};

struct styles {
	const struct tie_style **of_type;  /* per tie type index */
	struct type_row *rows;
	size_t nrows;
};

static void styles_release(struct styles *s)
{
	free(s->of_type);
	free(s->rows);
	memset(s, 0, sizeof(*s));
}

static void append_name(char *buf, size_t n, const char *name)
{
	size_t len = strlen(buf);

	snprintf(buf + len, n - len, "%s%s", len ? ", " : "", name);
}

static int assign_styles(struct map *m, struct styles *s)
{
	const struct cm_landscape *l = m->l;
	size_t t, i, nt = l->ntie_types, nmut = 0, *dircount = NULL, *count = NULL;
	long collab_row = -1, *row_of = NULL;
	int rc = CM_ENOMEM;

	memset(s, 0, sizeof(*s));
	if (!(s->of_type = calloc(nt + 1, sizeof(*s->of_type))) || !(s->rows = calloc(nt + 4, sizeof(*s->rows))) ||
	    !(dircount = calloc(nt + 1, sizeof(*dircount))) || !(count = calloc(nt + 1, sizeof(*count))) ||
	    !(row_of = malloc((nt + 1) * sizeof(*row_of))))
		goto out;
	if (m->aggregate) {
		rc = CM_OK;
		goto out;
	}
	if (m->o->diff) {
		/* three rows, always, so the legend explains every style */
		static const unsigned change[3] = { DIFF_GAINED, DIFF_LOST, DIFF_KEPT };
		char d1[32], d2[32];
		civil(m->o->diff_from, d1, sizeof(d1));
		civil(m->o->diff_to, d2, sizeof(d2));
		for (t = 0; t < 3; t++) {
			struct type_row *r = &s->rows[s->nrows++];
			r->st = &diff_styles[t];
			for (i = 0; i < m->ne; i++)
				r->count += m->e[i].change == change[t];
		}
		snprintf(s->rows[0].names, sizeof(s->rows[0].names), "gained: on %s, not on %s", d2, d1);
		snprintf(s->rows[1].names, sizeof(s->rows[1].names), "lost: on %s, not on %s", d1, d2);
		snprintf(s->rows[2].names, sizeof(s->rows[2].names), "unchanged: on both days");
		rc = CM_OK;
		goto out;
	}
	for (i = 0; i < m->ne; i++) {
		count[m->e[i].type]++;
		dircount[m->e[i].type] += m->e[i].directed;
	}
	/* rows in a fixed order: the known directed types, conflict, then
	 * the others in order of appearance */
	for (t = 0; t < nt; t++)
		row_of[t] = -1;
	for (i = 0; i < sizeof(directed_styles) / sizeof(*directed_styles); i++)
		for (t = 0; t < nt; t++)
			if (count[t] && !strcasecmp(l->tie_types[t], directed_styles[i].type)) {
				struct type_row *r = &s->rows[s->nrows];
				s->of_type[t] = &directed_styles[i];
				r->type = (uint32_t)t;
				r->st = &directed_styles[i];
				r->directed = 2 * dircount[t] >= count[t];
				snprintf(r->names, sizeof(r->names), "%s", directed_styles[i].meaning);
				if (!r->directed)
					snprintf(r->names, sizeof(r->names), "%s", l->tie_types[t]);
				r->count = count[t];
				row_of[t] = (long)s->nrows++;
			}
	for (t = 0; t < nt; t++) {
		struct type_row *r;
		if (!count[t] || row_of[t] >= 0)
			continue;
		if (cm_tie_type_is_conflict(l->tie_types[t])) {
			s->of_type[t] = &conflict_style;
			r = &s->rows[s->nrows];
			r->type = (uint32_t)t;
			r->st = &conflict_style;
			snprintf(r->names, sizeof(r->names), "%s", l->tie_types[t]);
			r->count = count[t];
			row_of[t] = (long)s->nrows++;
			continue;
		}
		if (2 * dircount[t] >= count[t]) {
			s->of_type[t] = &other_directed_style;
			r = &s->rows[s->nrows];
			r->type = (uint32_t)t;
			r->st = &other_directed_style;
			r->directed = 1;
			snprintf(r->names, sizeof(r->names), "%s \xE2\x86\x92", l->tie_types[t]);
			r->count = count[t];
			row_of[t] = (long)s->nrows++;
			continue;
		}
		if (is_collab(l->tie_types[t]) && collab_row >= 0) {
			r = &s->rows[collab_row];
			s->of_type[t] = r->st;
			append_name(r->names, sizeof(r->names), l->tie_types[t]);
			r->count += count[t];
			row_of[t] = collab_row;
			continue;
		}
		r = &s->rows[s->nrows];
		r->type = (uint32_t)t;
		r->st = &mutual_styles[nmut < NMUTUAL ? nmut : NMUTUAL - 1];
		if (nmut < NMUTUAL)
			nmut++;
		s->of_type[t] = r->st;
		snprintf(r->names, sizeof(r->names), "%s", l->tie_types[t]);
		r->count = count[t];
		if (is_collab(l->tie_types[t]))
			collab_row = (long)s->nrows;
		row_of[t] = (long)s->nrows++;
	}
	rc = CM_OK;
out:
	free(dircount);
	free(count);
	free(row_of);
	return rc;
}

/* Styles an edge; crowd 0 (a few nodes), 1 (up to 300) or 2 (more) makes
 * lines more see-through, and thinner on large maps. */
static void style_edge(Agedge_t *e, const struct tie_style *st, int directed, int conflict, int crowd)
{
	char c[16];

	set(e, "style", st->style);
	setf(e, "penwidth", crowd == 2 ? st->pen * 0.6 : st->pen);
	snprintf(c, sizeof(c), "%s%s", st->color, crowd == 2 ? "80" : crowd == 1 ? "C8" : "");
	set(e, "color", c);
	set(e, "arrowsize", "0.8");
	if (conflict) {
		set(e, "dir", "both");
		set(e, "arrowhead", "tee");
		set(e, "arrowtail", "tee");
	} else if (directed) {
		set(e, "dir", "forward");
		set(e, "arrowhead", st->arrow);
	} else
		set(e, "dir", "none");
}

/* A partner coalmap gaps suggests: a heavy dashed line in a colour no tie
 * or palette entry has, ended by open circles, so it stays apart from every
 * tie style in colour, in grey-scale and in print. */
#define SUGGEST_COLOR "#6A3D9A"
#define SUGGEST_PEN 4.0

static void style_suggested(Agedge_t *e)
{
	set(e, "class", "suggested");
	set(e, "style", "dashed");
	setf(e, "penwidth", SUGGEST_PEN);
	set(e, "color", SUGGEST_COLOR);
	set(e, "dir", "both");
	set(e, "arrowhead", "odot");
	set(e, "arrowtail", "odot");
	set(e, "arrowsize", "0.7");
}

/* A wide translucent band under a suggested line, like a highlighter, so
 * that it stands out on a crowded map. */
static void style_band(Agedge_t *e)
{
	set(e, "class", "suggested-band");
	set(e, "style", "solid");
	setf(e, "penwidth", SUGGEST_PEN * 2.5);
	set(e, "color", SUGGEST_COLOR "40");
	set(e, "dir", "none");
}

/* ------------------------------------------------------------------ */
/* Pass 2: the drawing                                                   */
/* ------------------------------------------------------------------ */

/* Centre of a node's shape in the drawing (its label hangs below). */
static void shape_centre(const struct vnode *v, double *x, double *y)
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
static void place_plate(const struct map *m, const struct suggestion *sg, double w, double h,
			const double *placed, size_t nplaced, double *out)
{
	static const double at[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82 };
	static const double side[] = { 0, 1, -1 };
	double ax, ay, bx, by, nx, ny, len, off, best = INFINITY;
	size_t k, i, s;

	shape_centre(&m->v[sg->a], &ax, &ay);
	shape_centre(&m->v[sg->b], &bx, &by);
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
				const struct vnode *v = &m->v[i];
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

struct legend {
	struct texts t;
	long title, subtitle;
	long color_head, size_head, tie_head, note;
	long *color_rows;   /* per shown category */
	size_t ncolor;
	unsigned *color_slot;
	long size_rows[3];
	double size_vals[3];
	size_t nsize;
	long *tie_rows;
	long missing_row;
	long agg_rows[3];
	double agg_counts[3];
	size_t nagg;
	long agg_conflict;
	long sug_row;       /* the suggested-partner line, or -1 */
	long sug_note[2];   /* what the suggestions are, or -1 */
	long *sug_plates;   /* per suggestion the text on its line (measured with the legend) */
};

static void legend_release(struct legend *lg)
{
	texts_release(&lg->t);
	free(lg->color_rows);
	free(lg->color_slot);
	free(lg->tie_rows);
	free(lg->sug_plates);
	memset(lg, 0, sizeof(*lg));
}

/* Default title: the landscape's name. */
static const char *title_of(const struct map *m)
{
	if (m->o->title)
		return m->o->title;
	return m->o->name ? m->o->name : "Landscape map";
}

static void subtitle_of(const struct map *m, char *buf, size_t n)
{
	const struct cm_filter *f = m->f;
	size_t len, i;

	char a[32], b[32], c[32], d[32], plus[512] = "";
	int comm = !strcasecmp(m->agg_by ? m->agg_by : "", "community");
	size_t base = m->ndrawn - m->sug_added - (size_t)m->gaps_added;

	/* orgs drawn only for --highlight-gaps are counted apart */
	if (m->gaps_added)
		snprintf(plus, sizeof(plus), " plus %s and %zu suggested partner%s", m->gaps_name, m->sug_added,
			 m->sug_added == 1 ? "" : "s");
	else if (m->sug_added)
		snprintf(plus, sizeof(plus), " plus %zu suggested partner%s", m->sug_added, m->sug_added == 1 ? "" : "s");

	if (m->aggregate && m->folded_orgs)
		snprintf(buf, n, "%s organizations in %s %s%s; the %zu largest (%s orgs) drawn, with the %s ties among them",
			 num(m->ndrawn, a), num(m->ngroups, b), comm ? "communities" : "groups by ", comm ? "" : m->agg_by,
			 m->nv, num(m->ndrawn - m->folded_orgs, c), num(m->nties, d));
	else if (m->aggregate)
		snprintf(buf, n, "%s organizations in %zu %s%s, %s ties", num(m->ndrawn, a), m->nv,
			 comm ? "communities" : "groups by ", comm ? "" : m->agg_by, num(m->nties, b));
	else if (m->ego_name)
		snprintf(buf, n, "%s organization%s within %zu step%s of %s%s, %s tie%s among them", num(base, a),
			 base == 1 ? "" : "s", m->o->radius ? m->o->radius : 1,
			 (m->o->radius ? m->o->radius : 1) == 1 ? "" : "s", m->ego_name, plus, num(m->nties, b),
			 m->nties == 1 ? "" : "s");
	else
		snprintf(buf, n, "%s organization%s%s, %s tie%s", num(base, a), base == 1 ? "" : "s", plus,
			 num(m->nties, b), m->nties == 1 ? "" : "s");
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
		civil(m->o->diff_from, d1, sizeof(d1));
		civil(m->o->diff_to, d2, sizeof(d2));
		len = strlen(buf);
		snprintf(buf + len, n - len, "; ties on %s and on %s, sizes and colours as on %s", d1, d2, d2);
	} else if (f && f->has_at) {
		char day[32];
		civil(f->at, day, sizeof(day));
		len = strlen(buf);
		snprintf(buf + len, n - len, "; as on %s", day);
	}
	for (i = 0; i < m->o->nwhere; i++) {
		len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s = %s", i ? ", " : "; where ", m->o->where[i].attr,
			 m->o->where[i].value);
	}
}

#define LEGEND_FS 12
#define SWATCH 13.0
#define SAMPLE_LEN 40.0

static int build_legend(struct map *m, const struct styles *st, const struct cm_map_info *info, struct legend *lg)
{
	char buf[1024], v[64];
	size_t i, coloured;
	int other;
	const struct cats *c = m->colors;

	memset(lg, 0, sizeof(*lg));
	lg->missing_row = lg->note = lg->agg_conflict = lg->sug_row = lg->sug_note[0] = -1;
	if (!(lg->sug_plates = calloc(m->nsug + 1, sizeof(long))))
		return CM_ENOMEM;
	for (i = 0; i < m->nsug; i++) {
		snprintf(buf, sizeof(buf), "#%zu (%.2f)", i + 1, m->sug[i].score);
		if ((lg->sug_plates[i] = text_add(&lg->t, buf, m->label_fs, 40, 0, SUGGEST_COLOR)) < 0)
			return CM_ENOMEM;
	}
	if ((lg->title = text_add(&lg->t, title_of(m), 24, 100, 0, INK)) < 0)
		return CM_ENOMEM;
	subtitle_of(m, buf, sizeof(buf));
	if ((lg->subtitle = text_add(&lg->t, buf, 12.5, TEXT_MAX, 110, MUTED)) < 0)
		return CM_ENOMEM;
	if (m->o->no_legend)
		return CM_OK;

	/* colours */
	snprintf(buf, sizeof(buf), "Colour: %s",
		 !strcasecmp(m->color_by, "community") ? "community" : friendly_metric(m->color_by));
	if (m->aggregate && !m->o->color_by)
		snprintf(buf, sizeof(buf), "Colour: group");
	if ((lg->color_head = text_add(&lg->t, buf, LEGEND_FS + 1, 60, 0, INK)) < 0)
		return CM_ENOMEM;
	coloured = c->n <= NSLOTS ? c->n : NSLOTS - 1;
	other = c->n > coloured;
	if (!(lg->color_rows = calloc(coloured + 2, sizeof(long))) ||
	    !(lg->color_slot = calloc(coloured + 2, sizeof(unsigned))))
		return CM_ENOMEM;
	for (i = 0; i < coloured + other; i++) {
		if (i == coloured) {
			size_t k, rest = 0, len;
			for (k = i; k < c->n; k++)
				rest += c->v[k].count;
			if (m->aggregate && !m->o->color_by)
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
		if ((lg->color_rows[i] = text_add(&lg->t, buf, LEGEND_FS, i == coloured ? 90 : 56,
						  i == coloured ? 44 : 0, INK)) < 0)
			return CM_ENOMEM;
		lg->color_slot[i] = i == coloured ? OTHER : (unsigned)i;
		lg->ncolor++;
	}

	/* sizes */
	if (m->aggregate && !m->o->size_by)
		snprintf(buf, sizeof(buf), "Area: organizations in the group");
	else
		snprintf(buf, sizeof(buf), "Area: %s%s", m->aggregate ? "total " : "", friendly_metric(m->size_by));
	if ((lg->size_head = text_add(&lg->t, buf, LEGEND_FS + 1, 60, 0, INK)) < 0)
		return CM_ENOMEM;
	if (m->vmax > 0) {
		/* a round value near the largest, and two smaller ones that are
		 * still drawn above the minimum size and not below the data */
		double top = round_below(m->vmax), vals[3];
		size_t k, nv = 0;
		vals[0] = top;
		vals[1] = nice_below(top / 2.5);
		vals[2] = nice_below(top / 8);
		for (k = 0; k < 3; k++) {
			if (k && (vals[k] >= lg->size_vals[nv - 1] || vals[k] * 25 < m->vmax))
				continue;
			lg->size_vals[nv++] = vals[k];
		}
		for (k = 0; k < nv; k++) {
			human(lg->size_vals[k], v, sizeof(v));
			if ((lg->size_rows[k] = text_add(&lg->t, v, LEGEND_FS, 40, 0, INK)) < 0)
				return CM_ENOMEM;
		}
		lg->nsize = nv;
	} else {
		lg->size_vals[0] = 0;
		if ((lg->size_rows[0] = text_add(&lg->t, "all 0", LEGEND_FS, 40, 0, INK)) < 0)
			return CM_ENOMEM;
		lg->nsize = 1;
	}
	if (m->nmissing) {
		snprintf(buf, sizeof(buf), "smallest also: no data (%zu)", m->nmissing);
		if ((lg->missing_row = text_add(&lg->t, buf, LEGEND_FS - 1, 60, 0, MUTED)) < 0)
			return CM_ENOMEM;
	}

	/* ties */
	if (m->aggregate) {
		double cmax = 0;
		size_t k, nc = 0;
		int conflict = 0;
		for (i = 0; i < m->ne; i++) {
			if (m->e[i].type == AGG_CONFLICT)
				conflict = 1;
			else if (m->e[i].count > cmax)
				cmax = m->e[i].count;
		}
		if (m->ne) {
			if ((lg->tie_head = text_add(&lg->t, "Lines: ties between groups", LEGEND_FS + 1, 60, 0, INK)) < 0)
				return CM_ENOMEM;
			if (cmax > 0) {
				double vals[3] = { cmax, nice_below(cmax / 4 > 1 ? cmax / 4 : 1), 1 };
				for (k = 0; k < 3; k++) {
					if (nc && vals[k] >= lg->agg_counts[nc - 1])
						continue;
					lg->agg_counts[nc] = vals[k];
					snprintf(buf, sizeof(buf), "%.0f tie%s", vals[k], vals[k] == 1 ? "" : "s");
					if ((lg->agg_rows[nc++] = text_add(&lg->t, buf, LEGEND_FS, 40, 0, INK)) < 0)
						return CM_ENOMEM;
				}
			}
			lg->nagg = nc;
			if (conflict && (lg->agg_conflict = text_add(&lg->t, "conflict ties", LEGEND_FS, 40, 0, INK)) < 0)
				return CM_ENOMEM;
		} else
			lg->tie_head = -1;
	} else if (st->nrows || m->nsug) {
		if ((lg->tie_head = text_add(&lg->t, "Ties", LEGEND_FS + 1, 60, 0, INK)) < 0)
			return CM_ENOMEM;
		if (!(lg->tie_rows = calloc(st->nrows + 1, sizeof(long))))
			return CM_ENOMEM;
		for (i = 0; i < st->nrows; i++) {
			snprintf(buf, sizeof(buf), "%s (%zu)", st->rows[i].names, st->rows[i].count);
			if ((lg->tie_rows[i] = text_add(&lg->t, buf, LEGEND_FS, 60, 0, INK)) < 0)
				return CM_ENOMEM;
		}
		if (m->nsug && (lg->sug_row = text_add(&lg->t, "suggested partner (coalmap gaps)", LEGEND_FS, 60, 0,
						       INK)) < 0)
			return CM_ENOMEM;
	} else
		lg->tie_head = -1;

	/* notes */
	buf[0] = '\0';
	if (info->labels_limited)
		snprintf(buf, sizeof(buf), "Labels: the %zu %s of %zu", info->labelled,
			 m->aggregate ? "largest groups" : "top brokers (betweenness)", m->nv);
	if (m->folded_orgs) {
		size_t len = strlen(buf);
		char a[32], b[32];
		snprintf(buf + len, sizeof(buf) - len, "%s%s smaller groups (%s orgs) not drawn", len ? "; " : "",
			 num(m->ngroups - m->nv, a), num(m->folded_orgs, b));
	}
	if (m->hidden_links) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof(buf) - len, "%s%zu weaker links (up to %.0f ties) not drawn", len ? "; " : "",
			 m->hidden_links, m->hidden_max);
	}
	if (m->ego_name && m->ego_org != m->gaps_org) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof(buf) - len, "%sThick outline: %s", len ? "; " : "", m->ego_name);
	}
	if (buf[0] && (lg->note = text_add(&lg->t, buf, LEGEND_FS - 1, 90, 0, MUTED)) < 0)
		return CM_ENOMEM;
	if (m->o->highlight_gaps) {
		snprintf(buf, sizeof(buf), "Thick outline, shaded: %s", m->gaps_name);
		if ((lg->sug_note[0] = text_add(&lg->t, buf, LEGEND_FS - 1, 90, 0, MUTED)) < 0)
			return CM_ENOMEM;
		if (m->nsug == 1)
			snprintf(buf, sizeof(buf), "purple outline: its top suggested partner, #rank (score)");
		else if (m->nsug)
			snprintf(buf, sizeof(buf), "purple outline: its %zu top suggested partners, #rank (score)",
				 m->nsug);
		else
			snprintf(buf, sizeof(buf), "coalmap gaps suggests no partner for it");
		if ((lg->sug_note[1] = text_add(&lg->t, buf, LEGEND_FS - 1, 90, 0, MUTED)) < 0)
			return CM_ENOMEM;
	}
	return CM_OK;
}

/* Draws a shape of colour slot s and area-equivalent diameter d at (x, y). */
static Agnode_t *shape_node(Agraph_t *g, size_t *serial, unsigned s, double side, double x, double y)
{
	Agnode_t *n = node(g, serial);

	if (!n)
		return NULL;
	set(n, "shape", slots[s].shape);
	set(n, "fixedsize", "true");
	set(n, "style", "filled");
	set(n, "fillcolor", slots[s].fill);
	set(n, "color", "#333333");
	set(n, "penwidth", "0.8");
	setf(n, "width", side / 72);
	setf(n, "height", side / 72);
	set_pos(n, x, y);
	return n;
}

static Agnode_t *text_node(Agraph_t *g, size_t *serial, const struct text *t, double left, double cy)
{
	Agnode_t *n = node(g, serial);

	if (!n)
		return NULL;
	text_style(n, t);
	set_pos(n, left + t->w / 2, cy);
	return n;
}

static Agnode_t *point_node(Agraph_t *g, size_t *serial, double x, double y)
{
	Agnode_t *n = node(g, serial);

	if (!n)
		return NULL;
	set(n, "shape", "point");
	set(n, "style", "invis");
	set(n, "width", "0.01");
	set(n, "height", "0.01");
	set_pos(n, x, y);
	return n;
}

/* Aggregate edge width for count c of cmax. */
static double agg_pen(double c, double cmax)
{
	return 0.8 + 6.0 * sqrt(c / (cmax > 0 ? cmax : 1));
}

/* Places the legend with its top-left corner at (x0, y0); returns 0 or -1. */
static int draw_legend(const struct map *m, Agraph_t *g, size_t *serial, const struct styles *st,
		       struct legend *lg, double x0, double y0)
{
	const struct text *T = lg->t.v;
	double y = y0, pad = 12, wmax = 0, x = x0 + pad, gap = 10, cmax = 0;
	size_t i;
	Agnode_t *n, *a, *b;
	Agedge_t *e;

#define ROW(h) (y -= (h), y + (h) / 2)
	y -= pad;
	/* colours */
	n = text_node(g, serial, &T[lg->color_head], x, ROW(T[lg->color_head].h + 4));
	if (!n)
		return -1;
	wmax = fmax(wmax, T[lg->color_head].w);
	for (i = 0; i < lg->ncolor; i++) {
		const struct text *t = &T[lg->color_rows[i]];
		double side = sqrt(SWATCH * SWATCH * slots[0].ratio / slots[lg->color_slot[i]].ratio);
		double h = fmax(t->h, side) + 3, cy = ROW(h);
		if (!shape_node(g, serial, lg->color_slot[i], side, x + SWATCH / 2 + 1, cy) ||
		    !text_node(g, serial, t, x + SWATCH + 8, cy))
			return -1;
		wmax = fmax(wmax, SWATCH + 8 + t->w);
	}
	y -= gap;
	/* sizes */
	if (!text_node(g, serial, &T[lg->size_head], x, ROW(T[lg->size_head].h + 4)))
		return -1;
	wmax = fmax(wmax, T[lg->size_head].w);
	for (i = 0; i < lg->nsize; i++) {
		const struct text *t = &T[lg->size_rows[i]];
		double a_ = m->vmax > 0 ? fmax(m->dmin * m->dmin, m->dmax * m->dmax * lg->size_vals[i] / m->vmax)
					: m->dmax * m->dmax / 4;
		double d = sqrt(a_), h = fmax(t->h, d) + 4, cy = ROW(h);
		Agnode_t *s = shape_node(g, serial, 0, d, x + m->dmax / 2, cy);
		if (!s)
			return -1;
		set(s, "fillcolor", "#DDDDDD");
		if (!text_node(g, serial, t, x + m->dmax + 8, cy))
			return -1;
		wmax = fmax(wmax, m->dmax + 8 + t->w);
	}
	if (lg->missing_row >= 0) {
		const struct text *t = &T[lg->missing_row];
		if (!text_node(g, serial, t, x, ROW(t->h + 2)))
			return -1;
		wmax = fmax(wmax, t->w);
	}
	/* ties */
	if (lg->tie_head >= 0) {
		y -= gap;
		if (!text_node(g, serial, &T[lg->tie_head], x, ROW(T[lg->tie_head].h + 4)))
			return -1;
		wmax = fmax(wmax, T[lg->tie_head].w);
		for (i = 0; i < m->ne; i++)
			if (m->e[i].type == AGG_TIES && m->e[i].count > cmax)
				cmax = m->e[i].count;
		if (m->aggregate) {
			for (i = 0; i < lg->nagg + (lg->agg_conflict >= 0); i++) {
				int conflict = i == lg->nagg;
				const struct text *t = &T[conflict ? lg->agg_conflict : lg->agg_rows[i]];
				double cy = ROW(fmax(t->h, 10) + 4);
				if (!(a = point_node(g, serial, x, cy)) || !(b = point_node(g, serial, x + SAMPLE_LEN, cy)) ||
				    !(e = agedge(g, a, b, NULL, 1)))
					return -1;
				set(e, "dir", "none");
				if (conflict) {
					style_edge(e, &conflict_style, 0, 1, 0);
				} else {
					setf(e, "penwidth", agg_pen(lg->agg_counts[i], cmax));
					set(e, "color", "#777777");
				}
				if (!text_node(g, serial, t, x + SAMPLE_LEN + 8, cy))
					return -1;
				wmax = fmax(wmax, SAMPLE_LEN + 8 + t->w);
			}
		} else
			for (i = 0; i < st->nrows; i++) {
				const struct text *t = &T[lg->tie_rows[i]];
				const struct type_row *r = &st->rows[i];
				int conflict = r->st == &conflict_style;
				double cy = ROW(fmax(t->h, 10) + 4);
				if (!(a = point_node(g, serial, x, cy)) || !(b = point_node(g, serial, x + SAMPLE_LEN, cy)) ||
				    !(e = agedge(g, a, b, NULL, 1)))
					return -1;
				style_edge(e, r->st, r->directed, conflict, 0);
				if (!text_node(g, serial, t, x + SAMPLE_LEN + 8, cy))
					return -1;
				wmax = fmax(wmax, SAMPLE_LEN + 8 + t->w);
			}
		if (lg->sug_row >= 0) {
			const struct text *t = &T[lg->sug_row];
			double cy = ROW(fmax(t->h, 12) + 4);
			if (!(a = point_node(g, serial, x, cy)) || !(b = point_node(g, serial, x + SAMPLE_LEN, cy)) ||
			    !(e = agedge(g, a, b, NULL, 1)))
				return -1;
			style_band(e);
			if (!(a = point_node(g, serial, x, cy)) || !(b = point_node(g, serial, x + SAMPLE_LEN, cy)) ||
			    !(e = agedge(g, a, b, NULL, 1)))
				return -1;
			style_suggested(e);
			if (!text_node(g, serial, t, x + SAMPLE_LEN + 8, cy))
				return -1;
			wmax = fmax(wmax, SAMPLE_LEN + 8 + t->w);
		}
	}
	if (lg->note >= 0) {
		const struct text *t = &T[lg->note];
		y -= gap;
		if (!text_node(g, serial, t, x, ROW(t->h + 2)))
			return -1;
		wmax = fmax(wmax, t->w);
	}
	for (i = 0; lg->sug_note[0] >= 0 && i < 2; i++) {
		const struct text *t = &T[lg->sug_note[i]];
		y -= i ? 0 : lg->note >= 0 ? 2 : gap;
		if (!text_node(g, serial, t, x, ROW(t->h + 2)))
			return -1;
		wmax = fmax(wmax, t->w);
	}
#undef ROW
	y -= pad;
	/* the frame: an outline only, so nothing drawn before it is hidden */
	if (!(n = node(g, serial)))
		return -1;
	set(n, "shape", "box");
	set(n, "style", "rounded");
	set(n, "color", "#BBBBBB");
	set(n, "fixedsize", "true");
	setf(n, "width", (wmax + 2 * pad) / 72);
	setf(n, "height", (y0 - y) / 72);
	set_pos(n, x0 + (wmax + 2 * pad) / 2, (y0 + y) / 2);
	return 0;
}

static int draw(struct map *m, GVC_t *gvc, const double *bb, const struct styles *st, struct legend *lg,
		char **data, size_t *len, struct cm_error *err)
{
	Agraph_t *g = new_graph();
	Agnode_t **nodes = NULL;
	size_t i, serial = 0;
	int rc = CM_ENOMEM, laid = 0, crowd = m->nv > 300 ? 2 : m->nv > 40;
	char *buf = NULL;
	unsigned int blen = 0;
	const char *fmt = m->o->format;
	double cmax = 0, top, *plates = NULL;

	if (!g || !(nodes = calloc(m->nv + 1, sizeof(*nodes))) || !(plates = calloc(4 * m->nsug + 1, sizeof(*plates))))
		goto out;
	set(g, "splines", "line");
	set(g, "outputorder", "edgesfirst");
	set(g, "bgcolor", "white");
	set(g, "pad", "0.3");
	if (!strcmp(fmt, "png"))
		setf(g, "dpi", m->o->dpi > 0 ? m->o->dpi : 96);

	/* the map: shapes, labels under them */
	for (i = 0; i < m->nv; i++) {
		struct vnode *v = &m->v[i];
		double cx, cy;
		shape_centre(v, &cx, &cy);
		if (m->gaps_org != SIZE_MAX && v->org == m->gaps_org) {
			/* a shaded disc behind it, so it stands out on a crowded map */
			Agnode_t *h = shape_node(g, &serial, 0, v->side + 2 * v->pad, cx, cy);
			if (!h)
				goto out;
			set(h, "fillcolor", SUGGEST_COLOR "55");
			set(h, "color", SUGGEST_COLOR "00");
		}
		if (!(nodes[i] = shape_node(g, &serial, v->slot, v->side, cx, cy)))
			goto out;
		if (v->ego) {
			set(nodes[i], "penwidth", "3.5");
			set(nodes[i], "color", "#000000");
		} else if (v->suggested) {
			set(nodes[i], "penwidth", "2.5");
			set(nodes[i], "color", SUGGEST_COLOR);
		}
		if (v->label) {
			Agnode_t *t = node(g, &serial);
			if (!t)
				goto out;
			set(t, "shape", "box");
			set(t, "style", "filled,rounded");
			set(t, "fillcolor", "#FFFFFFC8");
			set(t, "color", "#FFFFFF00");
			set(t, "label", v->label);
			setf(t, "fontsize", m->label_fs);
			set(t, "fontcolor", INK);
			set_pos(t, v->x, v->y - v->side / 2 - v->pad);
		}
	}
	/* the ties */
	for (i = 0; i < m->ne; i++)
		if (m->e[i].type == AGG_TIES && m->e[i].count > cmax)
			cmax = m->e[i].count;
	for (i = 0; i < m->ne; i++) {
		const struct vedge *ve = &m->e[i];
		Agedge_t *e = agedge(g, nodes[ve->a], nodes[ve->b], NULL, 1);
		if (!e)
			goto out;
		if (m->aggregate) {
			if (ve->type == AGG_CONFLICT)
				style_edge(e, &conflict_style, 0, 1, 0);
			else {
				set(e, "dir", "none");
				set(e, "color", "#77777799");
				setf(e, "penwidth", agg_pen(ve->count, cmax));
			}
		} else if (m->o->diff) {
			/* by change, not by type; conflicts keep their bars */
			const char *type = m->l->tie_types[ve->type];
			unsigned k = ve->change == DIFF_GAINED ? 0 : ve->change == DIFF_LOST ? 1 : 2;
			style_edge(e, &diff_styles[k], ve->directed, cm_tie_type_is_conflict(type), crowd);
			set(e, "class", diff_styles[k].type);
		} else {
			const char *type = m->l->tie_types[ve->type];
			style_edge(e, st->of_type[ve->type], ve->directed, cm_tie_type_is_conflict(type), crowd);
		}
	}
	/* the suggested partners, over the ties, each with its rank on a plate */
	for (i = 0; i < m->nsug; i++) {
		struct suggestion *sg = &m->sug[i];
		const struct text *t = &lg->t.v[lg->sug_plates[i]];
		char rank[64];
		double ax, ay, bx, by;
		Agnode_t *p, *pa, *pb;
		Agedge_t *band, *line;
		/* the band joins points at the two centres: a second edge between
		 * the same nodes would be drawn apart from the first */
		shape_centre(&m->v[sg->a], &ax, &ay);
		shape_centre(&m->v[sg->b], &bx, &by);
		if (!(pa = point_node(g, &serial, ax, ay)) || !(pb = point_node(g, &serial, bx, by)) ||
		    !(band = agedge(g, pa, pb, NULL, 1)) || !(line = agedge(g, nodes[sg->a], nodes[sg->b], NULL, 1)))
			goto out;
		style_band(band);
		style_suggested(line);
		place_plate(m, sg, t->w + 6, t->h + 2, plates, i, &plates[4 * i]);
		if (!(p = node(g, &serial)))
			goto out;
		text_style(p, t);
		snprintf(rank, sizeof(rank), "#%zu (%.2f)", i + 1, sg->score); /* centred, not left-justified */
		set(p, "label", rank);
		set(p, "shape", "box");
		set(p, "style", "filled,rounded");
		set(p, "fillcolor", "#FFFFFFE0");
		set(p, "color", SUGGEST_COLOR);
		set(p, "penwidth", "1");
		set(p, "fixedsize", "true");
		setf(p, "width", plates[4 * i + 2] / 72);
		setf(p, "height", plates[4 * i + 3] / 72);
		set_pos(p, plates[4 * i], plates[4 * i + 1]);
	}
	/* title above, legend to the right */
	top = bb[3];
	{
		const struct text *tt = &lg->t.v[lg->title], *ts = &lg->t.v[lg->subtitle];
		double sy = top + 14 + ts->h / 2, ty = sy + ts->h / 2 + 4 + tt->h / 2;
		if (!text_node(g, &serial, ts, bb[0], sy) || !text_node(g, &serial, tt, bb[0], ty))
			goto out;
	}
	if (!m->o->no_legend && draw_legend(m, g, &serial, st, lg, bb[2] + 36, top) < 0)
		goto out;

	gv_msg[0] = '\0';
	if (gvLayout(gvc, g, "nop2") != 0) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "map drawing failed: %s", gv_reason());
		goto out;
	}
	laid = 1;
	gv_msg[0] = '\0';
	if (gvRenderData(gvc, g, !strcmp(fmt, "svg") ? "svg:svg:core" : !strcmp(fmt, "png") ? "png:cairo:cairo" :
				 !strcmp(fmt, "pdf") ? "pdf:cairo:cairo" : "dot",
			 &buf, &blen) != 0 || !buf) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "rendering the map as %s failed: %s", fmt,
				  gv_reason());
		goto out;
	}
	if (!(*data = malloc(blen + 1)))
		goto out;
	memcpy(*data, buf, blen);
	(*data)[blen] = '\0';
	*len = blen;
	rc = CM_OK;
out:
	if (rc == CM_ENOMEM)
		cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	if (buf)
		gvFreeRenderData(buf);
	if (laid)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	free(nodes);
	free(plates);
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

/* One Graphviz context for the life of the process, never freed: Graphviz
 * 2.42's pango plugin keeps a pointer to the last font name it measured,
 * which lives in the context, so a second context read freed memory
 * (found by tests/fuzz/pipeline.c).  The context holds the plugin
 * configuration only; every graph is freed after each map. */
static GVC_t *gvc_shared;

int cm_map_render(const struct cm_landscape *l, const struct cm_filter *f, const struct cm_map_opts *o,
		  char **data, size_t *len, struct cm_map_info *info, struct cm_error *err)
{
	struct map m;
	struct cm_map_info dummy;
	struct cm_filter mf;
	struct styles st;
	struct legend lg;
	GVC_t *gvc = NULL;
	agusererrf prev_errf = NULL;
	agerrlevel_t prev_level = AGWARN;
	const char *engine = NULL;
	size_t folded = 0, k;
	double bb[4] = { 0, 0, 0, 0 };
	int rc, gv = 0;

	*data = NULL;
	*len = 0;
	if (!info)
		info = &dummy;
	memset(info, 0, sizeof(*info));
	memset(&m, 0, sizeof(m));
	memset(&st, 0, sizeof(st));
	memset(&lg, 0, sizeof(lg));
	cm_table_init(&m.metrics, 0);
	m.l = l;
	m.f = f;
	m.o = o;
	m.ego_org = SIZE_MAX;
	m.gaps_org = SIZE_MAX;
	if (!o->format || (strcmp(o->format, "svg") && strcmp(o->format, "png") && strcmp(o->format, "pdf") &&
			   strcmp(o->format, "dot"))) {
		rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "unknown map format '%s' (svg, png, pdf, dot)",
				  o->format ? o->format : "");
		goto out;
	}
	if (o->highlight_gaps && o->aggregate) {
		rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				  "--highlight-gaps draws organizations one by one; it cannot be used with --aggregate");
		goto out;
	}
	if (o->diff) {
		if (o->aggregate || o->highlight_gaps) {
			rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--diff-at draws organizations one by one; it "
					  "cannot be used with %s", o->aggregate ? "--aggregate" : "--highlight-gaps");
			goto out;
		}
		if (f && f->has_at) {
			rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--diff-at compares two days; leave --at out");
			goto out;
		}
		m.day[0] = m.day[1] = f ? *f : (struct cm_filter){ 0 };
		m.day[0].has_at = m.day[1].has_at = 1;
		m.day[0].at = o->diff_from;
		m.day[1].at = o->diff_to;
		m.f = &m.day[1]; /* metrics, sizes and colours: the second day */
	}
	if ((rc = select_orgs(&m, err)) < 0)
		goto out;
	if (o->highlight_gaps && (rc = suggest_partners(&m, err)) < 0)
		goto out;
	m.aggregate = o->aggregate != NULL;
	m.agg_by = o->aggregate;
	if (!m.aggregate && (m.ndrawn > CM_MAP_MAX_ORGS || (info->ties = ties_among_drawn(&m)) > CM_MAP_MAX_TIES)) {
		if (o->diff) {
			rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
					  "--diff-at: %zu orgs and %zu ties are more than a map can draw one by one "
					  "(%d, %d); select fewer with --ego, --where or --types",
					  m.ndrawn, info->ties ? info->ties : ties_among_drawn(&m), CM_MAP_MAX_ORGS,
					  CM_MAP_MAX_TIES);
			goto out;
		}
		if (o->highlight_gaps) {
			rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
					  "--highlight-gaps: %zu orgs and %zu ties are more than a map can draw one by "
					  "one (%d, %d); select fewer with --ego, --where, --types or --at",
					  m.ndrawn, info->ties ? info->ties : ties_among_drawn(&m), CM_MAP_MAX_ORGS,
					  CM_MAP_MAX_TIES);
			goto out;
		}
		/* too many to draw one by one: communities */
		m.aggregate = 1;
		m.agg_by = "community";
		info->auto_aggregate = m.ndrawn > CM_MAP_MAX_ORGS ? 1 : 2;
	}

	/* metrics: betweenness ranks labels, degree sizes shapes, community
	 * colours; an aggregate map ranks groups by size, so unless a column
	 * it draws is a path metric, one sampled source is enough */
	mf = m.f ? *m.f : (struct cm_filter){ 0 };
	if (m.aggregate && !uses_paths(o->size_by) && !uses_paths(o->color_by))
		mf.samples = 1, mf.exact = 0;
	if ((rc = cm_metrics_compute(l, &mf, &m.metrics, err)) < 0)
		goto out;
	m.c_degree = cm_table_find(&m.metrics, "degree");
	m.c_btw = cm_table_find(&m.metrics, "betweenness");
	m.c_comm = cm_table_find(&m.metrics, "community");

	rc = CM_ENOMEM;
	if (!(m.node_of = malloc((l->norgs + 1) * sizeof(*m.node_of))))
		goto nomem;
	memset(m.node_of, 0xff, (l->norgs + 1) * sizeof(*m.node_of));
	if (m.aggregate) {
		if ((rc = build_group_nodes(&m, &folded, err)) < 0)
			goto out;
	} else if ((rc = build_org_nodes(&m)) < 0)
		goto nomem;
	if ((rc = collect_edges(&m)) < 0)
		goto nomem;
	if ((rc = assign_colors(&m, err)) < 0 || (rc = assign_sizes(&m, err)) < 0)
		goto out;
	if ((rc = assign_labels(&m, info)) < 0 || (rc = assign_styles(&m, &st)) < 0)
		goto nomem;
	if ((rc = choose_layout(&m, &engine, err)) < 0)
		goto out;

	/* Graphviz from here: its messages come to us, not to stderr */
	cm_progress("laying out and drawing the map");
	prev_errf = agseterrf(gv_collect);
	prev_level = agseterr(AGERR);
	gv = 1;
	if (!gvc_shared && !(gvc_shared = gvContext())) {
		rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "cannot start Graphviz");
		goto out;
	}
	gvc = gvc_shared;
	if ((rc = layout_pass1(&m, gvc, engine, bb, err)) < 0)
		goto out;
	if ((rc = build_legend(&m, &st, info, &lg)) < 0)
		goto nomem;
	if ((rc = measure(gvc, &lg.t, err)) < 0)
		goto out;
	if ((rc = draw(&m, gvc, bb, &st, &lg, data, len, err)) < 0)
		goto out;
	if (!strcmp(o->format, "pdf"))
		pdf_undate(*data, *len);

	info->orgs = m.ndrawn;
	info->ties = m.nties;
	info->nodes = m.nv;
	info->edges = m.ne;
	info->folded_groups = folded;
	info->layout = engine;
	info->color_by = m.color_by;
	info->other_categories = m.colors->n > NSLOTS && !(m.aggregate && !o->color_by) ? m.colors->n - (NSLOTS - 1) : 0;
	info->suggested = m.nsug;
	info->suggested_added = m.sug_added + (size_t)m.gaps_added;
	rc = CM_OK;
	goto out;
nomem:
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
out:
	cm_progress(NULL);
	if (gv) {
		agseterrf(prev_errf);
		agseterr(prev_level);
	}
	legend_release(&lg);
	styles_release(&st);
	for (k = 0; m.v && k < m.nv; k++)
		free(m.v[k].label);
	free(m.v);
	free(m.e);
	free(m.node_of);
	free(m.drawn);
	free(m.sug);
	free(m.color_of);
	if (m.colors) {
		cats_release(m.colors);
		free(m.colors);
	}
	gx_release(m.gx);
	cm_table_release(&m.metrics);
	if (rc < 0) {
		free(*data);
		*data = NULL;
		*len = 0;
	}
	return rc;
}
