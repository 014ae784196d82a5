/* style.c - how a map looks: the palette and its shapes, colour and size
 * by column, tie styles, and the styling of the drawing's objects.  A new
 * map style is an entry in the tables below. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "viz/viz.h"

/* ------------------------------------------------------------------ */
/* Palette: Okabe-Ito, each colour paired with a shape so that groups stay */
/* apart for colour-blind readers and in grey-scale print.                */
/* ------------------------------------------------------------------ */

static const struct slot {
	const char *fill, *shape;
	double ratio; /* area of the shape Graphviz draws in a side x side box, / side^2
			 (measured from its SVG polygons) */
	const char *style; /* NULL: "filled" */
} slots[VIZ_STANCE + VIZ_NSTANCE] = {
	{ "#0072B2", "circle", 0.7854, NULL },      /* blue */
	{ "#E69F00", "square", 1.0, NULL },         /* orange */
	{ "#009E73", "triangle", 0.375, NULL },     /* bluish green */
	{ "#CC79A7", "diamond", 0.5, NULL },        /* reddish purple */
	{ "#56B4E9", "invtriangle", 0.375, NULL },  /* sky blue */
	{ "#D55E00", "star", 0.311, NULL },         /* vermillion */
	{ "#F0E442", "pentagon", 0.625, NULL },     /* yellow */
	{ "#000000", "octagon", 0.828, NULL },      /* black: an eighth category */
	{ "#BBBBBB", "octagon", 0.828, NULL },      /* grey: "other" */
	/* --color-by stance, diverging: blue against vermillion (apart for
	 * every colour vision), grey between, unknown white with a dashed
	 * outline; shapes tell them apart in grey-scale print too. */
	{ "#0072B2", "circle", 0.7854, NULL },      /* support: blue */
	{ "#BBBBBB", "diamond", 0.5, NULL },        /* neutral: grey */
	{ "#D55E00", "square", 1.0, NULL },         /* oppose: vermillion */
	{ "#FFFFFF", "circle", 0.7854, "filled,dashed" }, /* unknown: white, dashed */
};

/* The stance categories in legend order, with their slots. */
static const char *const stance_names[VIZ_NSTANCE] = { "support", "neutral", "oppose", "unknown (no stance)" };

/* ------------------------------------------------------------------ */
/* Edge styles by tie type: told apart by line and arrowhead, not colour  */
/* ------------------------------------------------------------------ */

static const struct viz_tie_style directed_styles[] = {
	{ "funding", "solid", 2.2, "normal", "#333333", "funding (money flows \xE2\x86\x92)" },
	{ "information", "dashed", 1.3, "vee", "#444444", "information (informs \xE2\x86\x92)" },
	{ "access", "dotted", 2.0, "normal", "#333333", "access (can reach \xE2\x86\x92)" },
	{ "membership", "solid", 1.0, "empty", "#555555", "membership (member of \xE2\x86\x92)" },
	{ "distribution", "solid", 1.0, "vee", "#555555", "distribution (spreads \xE2\x86\x92)" },
};

const struct viz_tie_style viz_conflict_style = {
	"conflict", "dashed", 1.8, "tee", "#C0392B", "conflict"
};

/* Partnership, coalition and collaboration share one style ("works with"). */
static const struct viz_tie_style collab_style = { NULL, "solid", 1.2, "none", "#888888", NULL };

/* Every other type, directed or mutual, in order of appearance: its own
 * colour (Okabe-Ito, as the palette) and dash, the pen heavier from the
 * fourth on, so that no two share colour and neighbours never share a
 * dash; past VIZ_TYPED_MAX the types share the light grey "other" style.
 * A map whose only line style would be the first draws it dark grey
 * instead: one type needs no colour to be told apart. */
#define VIZ_TYPED_MAX 6
static const struct viz_tie_style typed_styles[VIZ_TYPED_MAX] = {
	{ NULL, "solid", 1.4, "normal", "#0072B2", NULL },  /* blue */
	{ NULL, "dashed", 1.6, "vee", "#E69F00", NULL },    /* orange */
	{ NULL, "dotted", 2.2, "normal", "#009E73", NULL }, /* bluish green */
	{ NULL, "solid", 2.8, "empty", "#CC79A7", NULL },   /* reddish purple */
	{ NULL, "dashed", 2.8, "vee", "#56B4E9", NULL },    /* sky blue */
	{ NULL, "dotted", 2.8, "normal", "#D55E00", NULL }, /* vermillion */
};

static const struct viz_tie_style lone_style = { NULL, "solid", 1.3, "normal", "#555555", NULL };

static const struct viz_tie_style other_typed_style = { NULL, "solid", 1.0, "normal", "#999999", NULL };

/* --diff-at: gained, lost and unchanged ties, told apart by weight and
 * dash, not colour: bold solid, dashed, thin light solid. */
static const struct viz_tie_style diff_styles[] = {
	{ "gained", "solid", 3.2, "normal", "#000000", NULL },
	{ "lost", "dashed", 1.8, "normal", "#555555", NULL },
	{ "unchanged", "solid", 1.0, "normal", "#AAAAAA", NULL },
};

/* The style of a tie that was gained, lost or kept. */
const struct viz_tie_style *viz_diff_style(unsigned change)
{
	return &diff_styles[change == VIZ_DIFF_GAINED ? 0 : change == VIZ_DIFF_LOST ? 1 : 2];
}

/* A suggested partner's line: heavy and dashed, in VIZ_SUGGEST_COLOR. */
#define SUGGEST_PEN 4.0

/* ------------------------------------------------------------------ */
/* Colours                                                              */
/* ------------------------------------------------------------------ */

/* Colour slot of the category ranked r among n. */
static unsigned slot_of(size_t r, size_t n)
{
	if (n <= VIZ_NSLOTS)
		return (unsigned)r;
	return r < VIZ_NSLOTS - 1 ? (unsigned)r : VIZ_OTHER;
}

/* The fill colour of palette slot s (taken modulo the colour slots). */
const char *viz_slot_colour(unsigned s)
{
	return slots[s % VIZ_NSLOTS].fill;
}

/* Colour slot of the map's category ranked r. */
unsigned viz_color_slot(const struct viz_map *m, size_t r)
{
	return m->by_stance ? m->cat_slot[r] : slot_of(r, m->colors->n);
}

/* The side of a shape of colour slot s whose area is that of a circle of
 * the given area: a circle of diameter d has area d^2 * pi/4. */
double viz_slot_side(unsigned s, double area)
{
	return sqrt(area * slots[0].ratio / slots[s].ratio);
}

/* "Community 3, around NAME" (its best-connected member) for a community. */
static int community_name(const struct viz_map *m, const struct viz_cat *c, char **out)
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

/* An aggregate map without --color-by: each group its own colour, the
 * group's rank. */
static int colors_per_group(struct viz_map *m)
{
	size_t i, *rank = NULL;

	m->color_by = m->agg_by;
	for (i = 0; i < m->nv; i++) {
		long c;
		char *nm = NULL;
		if (m->gx->around[i]) {
			size_t n = strlen(m->v[i].name) + strlen(m->gx->around[i]) + 16;
			if (!(nm = malloc(n)))
				return CM_ENOMEM;
			snprintf(nm, n, "%s, around %s", m->v[i].name, m->gx->around[i]);
		}
		c = viz_cats_add(m->colors, nm ? nm : m->v[i].name, m->v[i].members);
		free(nm);
		if (c < 0)
			return CM_ENOMEM;
		m->color_of[i] = (size_t)c;
	}
	if (viz_cats_rank(m->colors, &rank) < 0)
		return CM_ENOMEM;
	for (i = 0; i < m->nv; i++) {
		m->color_of[i] = rank[m->color_of[i]];
		m->v[i].slot = slot_of(m->color_of[i], m->colors->n);
	}
	free(rank);
	return CM_OK;
}

/* Without --color-by: type when it tells the drawn orgs apart, else community. */
static const char *default_color_by(const struct viz_map *m)
{
	const char *t0 = NULL;
	size_t i, n = cm_landscape_norgs(m->l);

	for (i = 0; i < n; i++) {
		const char *t = cm_landscape_org_type(m->l, i);
		if (!m->drawn[i] || !*t)
			continue;
		if (!t0)
			t0 = t;
		else if (strcmp(t0, t))
			return "type";
	}
	return "community";
}

/* The categories of the drawn orgs by column r, ranked (*rank), with
 * cat_of_org[i] the category of org i; communities are named after their
 * best-connected member. */
static int colors_of_orgs(struct viz_map *m, const struct viz_col *r, size_t *cat_of_org, size_t **rank)
{
	size_t i, n = cm_landscape_norgs(m->l);
	char buf[64];

	for (i = 0; i < n; i++) {
		long c;
		double deg;
		if (!m->drawn[i])
			continue;
		if ((c = viz_cats_add(m->colors, viz_col_text(m, r, i, buf, sizeof(buf)), 1)) < 0)
			return CM_ENOMEM;
		cat_of_org[i] = (size_t)c;
		deg = m->c_degree >= 0 ? (double)m->metrics.cols[m->c_degree].ints[i] : 0;
		if (deg > m->colors->v[c].rep_deg) {
			m->colors->v[c].rep_deg = deg;
			m->colors->v[c].rep = i;
		}
	}
	if (viz_cats_rank(m->colors, rank) < 0)
		return CM_ENOMEM;
	if (r->kind == VIZ_COL_COMMUNITY)
		for (i = 0; i < m->colors->n; i++) {
			char *nm;
			if (community_name(m, &m->colors->v[i], &nm) < 0)
				return CM_ENOMEM;
			free(m->colors->v[i].name);
			m->colors->v[i].name = nm;
		}
	return CM_OK;
}

/* On an aggregate map a group takes the most common colour among its
 * members; with more than 256 values everything is "other". */
static int colors_by_majority(struct viz_map *m, const size_t *rank, const size_t *cat_of_org)
{
	size_t nc = m->colors->n, g, i, n = cm_landscape_norgs(m->l);
	size_t *tally = calloc(m->nv * (nc <= 256 ? nc : 1) + 1, sizeof(*tally));

	if (!tally)
		return CM_ENOMEM;
	if (nc <= 256) {
		for (i = 0; i < n; i++)
			if (m->drawn[i] && m->node_of[i] != UINT32_MAX) /* not in a folded group */
				tally[(size_t)m->node_of[i] * nc + rank[cat_of_org[i]]]++;
		for (g = 0; g < m->nv; g++) {
			size_t best = 0, c;
			for (c = 1; c < nc; c++)
				if (tally[g * nc + c] > tally[g * nc + best])
					best = c;
			m->color_of[g] = best;
			m->v[g].slot = viz_color_slot(m, best);
		}
	} else
		for (g = 0; g < m->nv; g++) {
			m->color_of[g] = VIZ_NSLOTS;
			m->v[g].slot = VIZ_OTHER;
		}
	free(tally);
	return CM_OK;
}

/* 1 when --color-by names a stance: "stance" or a "stance:ISSUE" column. */
static int is_stance(const char *by)
{
	return !strcasecmp(by, "stance") || (!strncasecmp(by, "stance:", 7) && by[7]);
}

/* --color-by stance: the categories support, neutral, oppose, unknown (those
 * drawn, in that order, each its fixed slot), cat_of_org[i] the category of
 * org i, rank the identity. */
static int colors_of_stances(struct viz_map *m, size_t *cat_of_org, size_t **rank, struct cm_error *err)
{
	size_t i, k, n = cm_landscape_norgs(m->l), count[VIZ_NSTANCE] = { 0 }, cat[VIZ_NSTANCE];
	signed char *s = malloc(n + 1);
	int rc;

	if (!s)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if ((rc = cm_org_stances(m->l, m->color_by, s, err)) < 0) {
		free(s);
		return rc;
	}
	for (i = 0; i < n; i++) /* 1, 0, -1, unknown -> 0, 1, 2, 3 */
		s[i] = s[i] == CM_STANCE_UNKNOWN ? 3 : (signed char)(1 - s[i]);
	for (i = 0; i < n; i++)
		if (m->drawn[i])
			count[(size_t)s[i]]++;
	m->by_stance = 1;
	for (k = 0; k < VIZ_NSTANCE; k++)
		if (count[k]) {
			m->cat_slot[m->colors->n] = VIZ_STANCE + (unsigned)k;
			cat[k] = m->colors->n;
			if (viz_cats_add(m->colors, stance_names[k], count[k]) < 0)
				goto nomem;
		}
	for (i = 0; i < n; i++)
		if (m->drawn[i])
			cat_of_org[i] = cat[(size_t)s[i]];
	if (!(*rank = malloc(VIZ_NSTANCE * sizeof(**rank))))
		goto nomem;
	for (k = 0; k < VIZ_NSTANCE; k++)
		(*rank)[k] = k;
	free(s);
	return CM_OK;
nomem:
	free(s);
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

/* Per node its colour category; categories ranked by size. */
int viz_assign_colors(struct viz_map *m, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	struct viz_col r;
	size_t i, *rank = NULL, *cat_of_org = NULL, n = cm_landscape_norgs(l);
	int rc = CM_ENOMEM;
	const char *by = m->o->color_by;

	if (!(m->colors = calloc(1, sizeof(*m->colors))) ||
	    !(m->color_of = calloc(m->nv + 1, sizeof(*m->color_of))))
		goto out;
	if (m->aggregate && !by) {
		rc = colors_per_group(m);
		goto out;
	}
	m->color_by = by = by ? by : default_color_by(m);
	if (viz_col_resolve(m, by, &r) < 0)
		return viz_col_unknown(m, "--color-by", by, err);
	if (!(cat_of_org = malloc((n + 1) * sizeof(*cat_of_org))))
		goto out;
	if (is_stance(by)) {
		if ((rc = colors_of_stances(m, cat_of_org, &rank, err)) < 0) {
			free(cat_of_org);
			return rc;
		}
	} else if (colors_of_orgs(m, &r, cat_of_org, &rank) < 0)
		goto out;
	if (m->aggregate)
		rc = colors_by_majority(m, rank, cat_of_org);
	else {
		for (i = 0; i < n; i++)
			if (m->drawn[i]) {
				uint32_t k = m->node_of[i];
				m->color_of[k] = rank[cat_of_org[i]];
				m->v[k].slot = viz_color_slot(m, m->color_of[k]);
			}
		rc = CM_OK;
	}
out:
	free(rank);
	free(cat_of_org);
	if (rc < 0)
		return cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	return rc;
}

/* ------------------------------------------------------------------ */
/* Sizes                                                                */
/* ------------------------------------------------------------------ */

/* Each node's value of --size-by (a group's: the sum over its members);
 * NaN when missing. */
static int size_values(struct viz_map *m, struct cm_error *err)
{
	struct viz_col r;
	size_t i, n = cm_landscape_norgs(m->l);

	if (!m->size_by)
		m->size_by = "degree";
	if (viz_col_resolve(m, m->size_by, &r) < 0)
		return viz_col_unknown(m, "--size-by", m->size_by, err);
	if (r.kind == VIZ_COL_ATTR || r.kind == VIZ_COL_METRIC) {
		/* must be numeric somewhere */
		int numeric = 0;
		for (i = 0; i < n && !numeric; i++)
			numeric = !isnan(viz_col_number(m, &r, i));
		if (!numeric && n)
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--size-by: column '%s' holds no numbers",
					    m->size_by);
	}
	for (i = 0; i < m->nv; i++)
		m->v[i].value = 0;
	if (m->aggregate) {
		for (i = 0; i < n; i++)
			if (m->drawn[i]) {
				double x = viz_col_number(m, &r, i);
				if (!isnan(x) && x > 0)
					m->v[m->node_of[i]].value += x;
			}
	} else
		for (i = 0; i < m->nv; i++) {
			double x = viz_col_number(m, &r, m->v[i].org);
			m->v[i].value = isnan(x) || x < 0 ? NAN : x;
		}
	return CM_OK;
}

/* Each node's shape: its area in proportion to its value, the largest and
 * smallest diameters by the number of nodes (big shapes on small maps). */
int viz_assign_sizes(struct viz_map *m, struct cm_error *err)
{
	size_t i, n = m->nv;
	double amax, amin;
	int rc;

	m->size_by = m->o->size_by;
	if (m->aggregate && !m->size_by) {
		for (i = 0; i < n; i++)
			m->v[i].value = (double)m->v[i].members;
	} else if ((rc = size_values(m, err)) < 0)
		return rc;
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
	m->dmax = n <= 20 ? 64 : n <= 80 ? 52 : n <= 150 ? 42 : n <= 500 ? 30 : 22;
	m->dmin = m->dmax * 0.2;
	amax = m->dmax * m->dmax;
	amin = m->dmin * m->dmin;
	for (i = 0; i < n; i++) {
		struct viz_node *v = &m->v[i];
		double a;
		if (m->vmax <= 0)
			a = amax / 4;
		else if (isnan(v->value))
			a = amin;
		else
			a = fmax(amin, amax * v->value / m->vmax);
		v->side = viz_slot_side(v->slot, a);
	}
	return CM_OK;
}

/* ------------------------------------------------------------------ */
/* Tie styles                                                           */
/* ------------------------------------------------------------------ */

static int is_collab(const char *type)
{
	return !strcasecmp(type, "partnership") || !strcasecmp(type, "coalition") ||
	       !strcasecmp(type, "collaboration");
}

void viz_styles_release(struct viz_styles *s)
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

/* --diff-at: three rows, always, so the legend explains every style. */
static void diff_rows(const struct viz_map *m, struct viz_styles *s)
{
	static const unsigned change[3] = { VIZ_DIFF_GAINED, VIZ_DIFF_LOST, VIZ_DIFF_KEPT };
	char d1[32], d2[32];
	size_t t, i;

	viz_civil(m->o->diff_from, d1, sizeof(d1));
	viz_civil(m->o->diff_to, d2, sizeof(d2));
	for (t = 0; t < 3; t++) {
		struct viz_type_row *r = &s->rows[s->nrows++];
		r->st = &diff_styles[t];
		for (i = 0; i < m->ne; i++)
			r->count += m->e[i].change == change[t];
	}
	snprintf(s->rows[0].names, sizeof(s->rows[0].names), "gained: on %s, not on %s", d2, d1);
	snprintf(s->rows[1].names, sizeof(s->rows[1].names), "lost: on %s, not on %s", d1, d2);
	snprintf(s->rows[2].names, sizeof(s->rows[2].names), "unchanged: on both days");
}

/* Lines per tie type: count[t], of which dircount[t] directed; row_of[t]
 * the legend row of type t (-1: none yet). */
struct type_counts {
	size_t *count, *dircount;
	long *row_of;
};

/* The rows of the known directed types, in the order of directed_styles. */
static void directed_rows(const struct viz_map *m, struct viz_styles *s, const struct type_counts *tc)
{
	size_t i, t, nt = cm_tie_type_count(m->l);

	for (i = 0; i < sizeof(directed_styles) / sizeof(*directed_styles); i++)
		for (t = 0; t < nt; t++)
			if (tc->count[t] && !strcasecmp(cm_tie_type_name(m->l, t), directed_styles[i].type)) {
				struct viz_type_row *r = &s->rows[s->nrows];
				s->of_type[t] = &directed_styles[i];
				r->type = (uint32_t)t;
				r->st = &directed_styles[i];
				r->directed = 2 * tc->dircount[t] >= tc->count[t];
				snprintf(r->names, sizeof(r->names), "%s", directed_styles[i].meaning);
				if (!r->directed)
					snprintf(r->names, sizeof(r->names), "%s", cm_tie_type_name(m->l, t));
				r->count = tc->count[t];
				tc->row_of[t] = (long)s->nrows++;
			}
}

/* A new row for type t in style st, named name and suffix. */
static struct viz_type_row *new_row(struct viz_styles *s, const struct type_counts *tc, size_t t,
				    const struct viz_tie_style *st, const char *name, const char *suffix)
{
	struct viz_type_row *r = &s->rows[s->nrows];

	s->of_type[t] = st;
	r->type = (uint32_t)t;
	r->st = st;
	snprintf(r->names, sizeof(r->names), "%s%s", name, suffix);
	r->count = tc->count[t];
	tc->row_of[t] = (long)s->nrows++;
	return r;
}

/* Type t joins row k (its names and count). */
static void join_row(struct viz_styles *s, const struct type_counts *tc, size_t t, long k, const char *name)
{
	struct viz_type_row *r = &s->rows[k];

	s->of_type[t] = r->st;
	append_name(r->names, sizeof(r->names), name);
	r->count += tc->count[t];
	tc->row_of[t] = k;
}

/* The rows of the other types in order of appearance: conflict, the
 * collaboration types (one row), then each other type its own style up
 * to VIZ_TYPED_MAX, the rest one grey "other" row. */
static void other_rows(const struct viz_map *m, struct viz_styles *s, const struct type_counts *tc)
{
	size_t t, nt = cm_tie_type_count(m->l), ntyped = 0;
	long collab_row = -1, other_row = -1;

	for (t = 0; t < nt; t++) {
		const char *name = cm_tie_type_name(m->l, t);
		int directed = 2 * tc->dircount[t] >= tc->count[t];
		if (!tc->count[t] || tc->row_of[t] >= 0)
			continue;
		if (cm_tie_type_conflict(m->l, t))
			new_row(s, tc, t, &viz_conflict_style, name, "");
		else if (is_collab(name) && !directed && collab_row >= 0)
			join_row(s, tc, t, collab_row, name);
		else if (is_collab(name) && !directed) {
			collab_row = (long)s->nrows;
			new_row(s, tc, t, &collab_style, name, "");
		} else if (ntyped < VIZ_TYPED_MAX)
			new_row(s, tc, t, &typed_styles[ntyped++], name, directed ? " \xE2\x86\x92" : "")->directed =
				directed;
		else if (other_row >= 0)
			join_row(s, tc, t, other_row, name);
		else {
			other_row = (long)s->nrows;
			new_row(s, tc, t, &other_typed_style, "other: ", name)->directed = directed;
		}
	}
}

/* Style of each tie type drawn, in legend order: the known directed
 * types, conflict, then the others in order of appearance; by change
 * with --diff-at; none on an aggregate map. */
int viz_assign_styles(const struct viz_map *m, struct viz_styles *s)
{
	size_t t, i, nt = cm_tie_type_count(m->l);
	struct type_counts tc = { NULL, NULL, NULL };
	int rc = CM_ENOMEM;

	memset(s, 0, sizeof(*s));
	if (!(s->of_type = calloc(nt + 1, sizeof(*s->of_type))) || !(s->rows = calloc(nt + 4, sizeof(*s->rows))) ||
	    !(tc.dircount = calloc(nt + 1, sizeof(*tc.dircount))) || !(tc.count = calloc(nt + 1, sizeof(*tc.count))) ||
	    !(tc.row_of = malloc((nt + 1) * sizeof(*tc.row_of))))
		goto out;
	rc = CM_OK;
	if (m->aggregate)
		goto out;
	if (m->o->diff) {
		diff_rows(m, s);
		goto out;
	}
	for (i = 0; i < m->ne; i++) {
		tc.count[m->e[i].type]++;
		tc.dircount[m->e[i].type] += m->e[i].directed;
	}
	for (t = 0; t < nt; t++)
		tc.row_of[t] = -1;
	directed_rows(m, s, &tc);
	other_rows(m, s, &tc);
	if (s->nrows == 1 && s->rows[0].st == &typed_styles[0]) {
		s->rows[0].st = &lone_style;
		for (t = 0; t < nt; t++)
			if (s->of_type[t] == &typed_styles[0])
				s->of_type[t] = &lone_style;
	}
out:
	free(tc.dircount);
	free(tc.count);
	free(tc.row_of);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The drawing's objects                                                */
/* ------------------------------------------------------------------ */

/* A new drawing with the defaults every graph of a map starts with. */
void viz_new_drawing(struct viz_draw *d)
{
	viz_draw_init(d);
	viz_draw_default(d, VIZ_OF_NODE, "fontname", VIZ_FONT);
	viz_draw_default(d, VIZ_OF_EDGE, "fontname", VIZ_FONT);
	viz_draw_default(d, VIZ_OF_GRAPH, "fontname", VIZ_FONT);
	viz_draw_default(d, VIZ_OF_NODE, "label", "");
	viz_draw_default(d, VIZ_OF_NODE, "width", "0");
	viz_draw_default(d, VIZ_OF_NODE, "height", "0");
	viz_draw_default(d, VIZ_OF_NODE, "margin", "0.03,0.01");
}

/* Styles an edge; crowd 0 (a few nodes), 1 (up to 300) or 2 (more) makes
 * lines more see-through, and thinner on large maps. */
void viz_style_tie(struct viz_draw *d, size_t e, const struct viz_tie_style *st, int directed, int conflict,
		   int crowd)
{
	char c[16];

	viz_draw_set(d, e, "style", st->style);
	viz_draw_setf(d, e, "penwidth", crowd == 2 ? st->pen * 0.6 : st->pen);
	snprintf(c, sizeof(c), "%s%s", st->color, crowd == 2 ? "80" : crowd == 1 ? "C8" : "");
	viz_draw_set(d, e, "color", c);
	viz_draw_set(d, e, "arrowsize", "0.8");
	if (conflict) {
		viz_draw_set(d, e, "dir", "both");
		viz_draw_set(d, e, "arrowhead", "tee");
		viz_draw_set(d, e, "arrowtail", "tee");
	} else if (directed) {
		viz_draw_set(d, e, "dir", "forward");
		viz_draw_set(d, e, "arrowhead", st->arrow);
	} else
		viz_draw_set(d, e, "dir", "none");
}

/* A partner coalmap gaps suggests: a heavy dashed line ended by open
 * circles, so it stays apart from every tie style in colour, in
 * grey-scale and in print. */
void viz_style_suggested(struct viz_draw *d, size_t e)
{
	viz_draw_set(d, e, "class", "suggested");
	viz_draw_set(d, e, "style", "dashed");
	viz_draw_setf(d, e, "penwidth", SUGGEST_PEN);
	viz_draw_set(d, e, "color", VIZ_SUGGEST_COLOR);
	viz_draw_set(d, e, "dir", "both");
	viz_draw_set(d, e, "arrowhead", "odot");
	viz_draw_set(d, e, "arrowtail", "odot");
	viz_draw_set(d, e, "arrowsize", "0.7");
}

/* A wide translucent band under a suggested line, like a highlighter, so
 * that it stands out on a crowded map. */
void viz_style_band(struct viz_draw *d, size_t e)
{
	viz_draw_set(d, e, "class", "suggested-band");
	viz_draw_set(d, e, "style", "solid");
	viz_draw_setf(d, e, "penwidth", SUGGEST_PEN * 2.5);
	viz_draw_set(d, e, "color", VIZ_SUGGEST_COLOR "40");
	viz_draw_set(d, e, "dir", "none");
}

/* A weaker link between groups: thin and light, so that the groups it
 * joins look joined without it competing with the links drawn by width. */
void viz_style_weak(struct viz_draw *d, size_t e, int conflict)
{
	if (conflict)
		viz_style_tie(d, e, &viz_conflict_style, 0, 1, 0);
	else
		viz_draw_set(d, e, "color", "#AAAAAA");
	viz_draw_set(d, e, "dir", conflict ? "both" : "none");
	viz_draw_set(d, e, "penwidth", "0.7");
}

/* Aggregate edge width for count c of cmax. */
double viz_agg_pen(double c, double cmax)
{
	return 0.8 + 6.0 * sqrt(c / (cmax > 0 ? cmax : 1));
}

/* A shape of colour slot s and the given side at (x, y). */
size_t viz_shape_node(struct viz_draw *d, unsigned s, double side, double x, double y)
{
	size_t n = viz_draw_node(d);

	viz_draw_set(d, n, "shape", slots[s].shape);
	viz_draw_set(d, n, "fixedsize", "true");
	viz_draw_set(d, n, "style", slots[s].style ? slots[s].style : "filled");
	viz_draw_set(d, n, "fillcolor", slots[s].fill);
	viz_draw_set(d, n, "color", "#333333");
	viz_draw_set(d, n, "penwidth", "0.8");
	viz_draw_setf(d, n, "width", side / 72);
	viz_draw_setf(d, n, "height", side / 72);
	viz_draw_pos(d, n, x, y);
	return n;
}

/* An invisible point at (x, y), an end of a legend sample or a band. */
size_t viz_point_node(struct viz_draw *d, double x, double y)
{
	size_t n = viz_draw_node(d);

	viz_draw_set(d, n, "shape", "point");
	viz_draw_set(d, n, "style", "invis");
	viz_draw_set(d, n, "width", "0.01");
	viz_draw_set(d, n, "height", "0.01");
	viz_draw_pos(d, n, x, y);
	return n;
}
