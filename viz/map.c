/* map.c - cm_map_render: the options checked, then which orgs and ties
 * (select.c), how they look (style.c), their labels (text.c), where they
 * go (layout.c), the title and legend (legend.c), and the drawing
 * (draw.c) rendered by the Graphviz bridge (gv.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "viz/viz.h"

static int nomem(struct cm_error *err)
{
	return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

/* Options that cannot go together; with --diff-at, the filters of the
 * two days (the second one's for metrics, sizes and colours). */
static int check_options(struct viz_map *m, struct cm_error *err)
{
	const struct cm_map_opts *o = m->o;
	const struct cm_filter *f = m->f;

	if (!o->format || (strcmp(o->format, "svg") && strcmp(o->format, "png") && strcmp(o->format, "pdf") &&
			   strcmp(o->format, "dot")))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "unknown map format '%s' (svg, png, pdf, dot)",
				    o->format ? o->format : "");
	if (o->highlight_gaps && o->aggregate)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "--highlight-gaps draws organizations one by one; it cannot be used with --aggregate");
	if (!o->diff)
		return CM_OK;
	if (o->aggregate || o->highlight_gaps)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--diff-at draws organizations one by one; it "
				    "cannot be used with %s", o->aggregate ? "--aggregate" : "--highlight-gaps");
	if (f && f->has_at)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--diff-at compares two days; leave --at out");
	m->day[0] = m->day[1] = f ? *f : (struct cm_filter){ 0 };
	m->day[0].has_at = m->day[1].has_at = 1;
	m->day[0].at = o->diff_from;
	m->day[1].at = o->diff_to;
	m->f = &m->day[1];
	return CM_OK;
}

/* A map with more than CM_MAP_MAX_ORGS orgs or CM_MAP_MAX_TIES ties draws
 * communities, unless it must draw orgs one by one (an error then). */
static int check_size(struct viz_map *m, struct cm_map_info *info, struct cm_error *err)
{
	const struct cm_map_opts *o = m->o;

	m->aggregate = o->aggregate != NULL;
	m->agg_by = o->aggregate;
	if (m->aggregate ||
	    (m->ndrawn <= CM_MAP_MAX_ORGS && (info->ties = viz_ties_among_drawn(m)) <= CM_MAP_MAX_TIES))
		return CM_OK;
	if (o->diff)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "--diff-at: %zu orgs and %zu ties are more than a map can draw one by one "
				    "(%d, %d); select fewer with --ego, --where or --types",
				    m->ndrawn, info->ties ? info->ties : viz_ties_among_drawn(m), CM_MAP_MAX_ORGS,
				    CM_MAP_MAX_TIES);
	if (o->highlight_gaps)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "--highlight-gaps: %zu orgs and %zu ties are more than a map can draw one by "
				    "one (%d, %d); select fewer with --ego, --where, --types or --at",
				    m->ndrawn, info->ties ? info->ties : viz_ties_among_drawn(m), CM_MAP_MAX_ORGS,
				    CM_MAP_MAX_TIES);
	/* too many to draw one by one: communities */
	m->aggregate = 1;
	m->agg_by = "community";
	info->auto_aggregate = m->ndrawn > CM_MAP_MAX_ORGS ? 1 : 2;
	return CM_OK;
}

/* 1 if a column name is a metric computed from shortest paths. */
static int uses_paths(const char *col)
{
	return col && (!strncasecmp(col, "betweenness", 11) || !strncasecmp(col, "harmonic", 8));
}

/* The metrics: betweenness ranks labels, degree sizes shapes, community
 * colours; an aggregate map ranks groups by size, so unless a column it
 * draws is a path metric, one sampled source is enough. */
static int map_metrics(struct viz_map *m, struct cm_error *err)
{
	struct cm_filter mf = *m->f;
	struct cm_analysis *a = m->a;
	int rc;

	if (m->aggregate && !uses_paths(m->o->size_by) && !uses_paths(m->o->color_by) &&
	    !cm_analysis_has(m->a, CM_M_BETWEENNESS))
		mf.samples = 1, mf.exact = 0;
	if (m->f != cm_analysis_filter(m->a) || mf.samples != m->f->samples) {
		if ((rc = cm_analysis_new(&m->own, m->l, &mf, err)) < 0)
			return rc;
		a = m->own;
	}
	if ((rc = cm_metrics(a, &m->metrics, err)) < 0)
		return rc;
	m->c_degree = cm_table_col(&m->metrics, CM_M_DEGREE);
	m->c_btw = cm_table_col(&m->metrics, CM_M_BETWEENNESS);
	m->c_comm = cm_table_col(&m->metrics, CM_M_COMMUNITY);
	return CM_OK;
}

/* Nodes and lines, then their colours, sizes and labels. */
static int build(struct viz_map *m, struct cm_map_info *info, struct cm_error *err)
{
	size_t n = cm_landscape_norgs(m->l);
	int rc;

	if (!(m->node_of = malloc((n + 1) * sizeof(*m->node_of))))
		return nomem(err);
	memset(m->node_of, 0xff, (n + 1) * sizeof(*m->node_of));
	if (m->aggregate) {
		if ((rc = viz_build_group_nodes(m, err)) < 0)
			return rc;
	} else if (viz_build_org_nodes(m) < 0)
		return nomem(err);
	if (viz_collect_edges(m) < 0)
		return nomem(err);
	if ((rc = viz_assign_colors(m, err)) < 0 || (rc = viz_assign_sizes(m, err)) < 0)
		return rc;
	if (viz_assign_labels(m, info) < 0)
		return nomem(err);
	return CM_OK;
}

/* Lays the map out, measures its title and legend, draws it. */
static int render(struct viz_map *m, struct cm_map_info *info, char **data, size_t *len, struct cm_error *err)
{
	struct viz_styles st;
	struct viz_legend lg;
	const char *engine = NULL;
	double bb[4] = { 0, 0, 0, 0 };
	int rc;

	memset(&lg, 0, sizeof(lg));
	if (viz_assign_styles(m, &st) < 0) {
		rc = nomem(err);
		goto out;
	}
	if ((rc = viz_choose_layout(m, &engine, err)) < 0)
		goto out;
	cm_progress_set("laying out and drawing the map");
	if ((rc = viz_gv_begin(err)) < 0 || (rc = viz_layout(m, engine, bb, err)) < 0)
		goto out;
	if (viz_build_legend(m, &st, info, &lg) < 0) {
		rc = nomem(err);
		goto out;
	}
	if ((rc = viz_measure(&lg.t, err)) < 0 || (rc = viz_draw_map(m, bb, &st, &lg, data, len, err)) < 0)
		goto out;
	info->layout = engine;
out:
	viz_gv_end();
	viz_legend_release(&lg);
	viz_styles_release(&st);
	return rc;
}

static void map_release(struct viz_map *m)
{
	size_t k;

	for (k = 0; m->v && k < m->nv; k++)
		free(m->v[k].label);
	free(m->v);
	free(m->e);
	free(m->node_of);
	free(m->drawn);
	free(m->sug);
	free(m->color_of);
	if (m->colors) {
		viz_cats_release(m->colors);
		free(m->colors);
	}
	viz_groups_free(m->gx);
	cm_table_release(&m->metrics);
	cm_analysis_free(m->own);
}

/* A map of a under o, its orgs selected, measured and styled: what every
 * map needs before it is laid out. */
static int prepare(struct viz_map *m, struct cm_analysis *a, const struct cm_map_opts *o,
		   struct cm_map_info *info, struct cm_error *err)
{
	int rc;

	memset(info, 0, sizeof(*info));
	memset(m, 0, sizeof(*m));
	cm_table_init(&m->metrics, 0);
	m->a = a;
	m->l = cm_analysis_landscape(a);
	m->f = cm_analysis_filter(a);
	m->o = o;
	m->ego_org = SIZE_MAX;
	m->gaps_org = SIZE_MAX;
	if ((rc = check_options(m, err)) < 0 || (rc = viz_select_orgs(m, err)) < 0 ||
	    (o->highlight_gaps && (rc = viz_suggest_partners(m, err)) < 0) ||
	    (rc = check_size(m, info, err)) < 0 || (rc = map_metrics(m, err)) < 0)
		return rc;
	return build(m, info, err);
}

int cm_map_render(struct cm_analysis *a, const struct cm_map_opts *o, char **data, size_t *len,
		  struct cm_map_info *info, struct cm_error *err)
{
	struct viz_map m;
	struct cm_map_info dummy;
	int rc;

	*data = NULL;
	*len = 0;
	if (!info)
		info = &dummy;
	if ((rc = prepare(&m, a, o, info, err)) < 0 || (rc = render(&m, info, data, len, err)) < 0)
		goto out;
	info->orgs = m.ndrawn;
	info->ties = m.nties;
	info->nodes = m.nv;
	info->edges = m.ne;
	info->folded_groups = m.folded;
	info->color_by = m.color_by;
	info->other_categories = m.colors->n > VIZ_NSLOTS && !(m.aggregate && !o->color_by) ?
					 m.colors->n - (VIZ_NSLOTS - 1) : 0;
	info->suggested = m.nsug;
	info->suggested_added = m.sug_added + (size_t)m.gaps_added;
	info->lines_all = m.lines_all;
	info->lines_per_org = m.lines_k;
out:
	cm_progress_set(NULL);
	map_release(&m);
	if (rc < 0) {
		free(*data);
		*data = NULL;
		*len = 0;
	}
	return rc;
}

/* A map of groups: each org's group and the lines between groups. */
static int copy_groups(const struct viz_map *m, struct cm_map_places *p)
{
	size_t i, n = cm_landscape_norgs(m->l);

	p->by = m->agg_by;
	if (!(p->group_of = malloc((n + 1) * sizeof(*p->group_of))) ||
	    !(p->links = calloc(m->ne + 1, sizeof(*p->links))))
		return CM_ENOMEM;
	for (i = 0; i < n; i++)
		p->group_of[i] = m->node_of[i] == UINT32_MAX ? SIZE_MAX : m->node_of[i];
	for (i = 0; i < m->ne; i++) {
		struct cm_map_link *k = &p->links[i];
		k->a = m->e[i].a;
		k->b = m->e[i].b;
		k->ties = m->e[i].count;
		k->conflict = m->e[i].type == VIZ_AGG_CONFLICT;
		k->weak = m->e[i].weak;
	}
	p->nlinks = m->ne;
	return CM_OK;
}

/* The places of the nodes laid out, and the colour categories. */
static int copy_places(const struct viz_map *m, struct cm_map_places *p)
{
	size_t i;

	if (!(p->v = calloc(m->nv + 1, sizeof(*p->v))) ||
	    !(p->categories = calloc(m->colors->n + 1, sizeof(*p->categories))))
		return CM_ENOMEM;
	for (i = 0; i < m->colors->n; i++, p->ncategories++)
		if (!(p->categories[i] = strdup(m->colors->v[i].name)))
			return CM_ENOMEM;
	for (i = 0; i < m->nv; i++) {
		struct cm_map_place *q = &p->v[i];
		viz_shape_centre(&m->v[i], &q->x, &q->y);
		q->org = m->v[i].org;
		q->side = m->v[i].side;
		q->slot = m->v[i].slot;
		q->category = m->color_of[i];
		q->members = m->v[i].members;
		q->inside = m->v[i].inside;
		if (m->aggregate && !(q->name = strdup(m->v[i].name)))
			return CM_ENOMEM;
	}
	p->n = m->nv;
	p->color_by = m->color_by;
	return m->aggregate ? copy_groups(m, p) : CM_OK;
}

int cm_map_places(struct cm_analysis *a, const struct cm_map_opts *o, struct cm_map_places *p, struct cm_error *err)
{
	struct viz_map m;
	struct cm_map_info info;
	int rc;

	memset(p, 0, sizeof(*p));
	memset(&info, 0, sizeof(info));
	if ((rc = prepare(&m, a, o, &info, err)) == CM_OK && m.aggregate)
		p->aggregate = info.auto_aggregate ? 1 + info.auto_aggregate : 1;
	if (rc == CM_OK && (rc = viz_choose_layout(&m, &p->layout, err)) == CM_OK) {
		cm_progress_set("laying out the map");
		if ((rc = viz_gv_begin(err)) == CM_OK && (rc = viz_layout(&m, p->layout, p->bb, err)) == CM_OK)
			rc = copy_places(&m, p) < 0 ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
		viz_gv_end();
	}
	cm_progress_set(NULL);
	map_release(&m);
	return rc;
}

void cm_map_places_release(struct cm_map_places *p)
{
	size_t i;

	for (i = 0; p->categories && i < p->ncategories; i++)
		free(p->categories[i]);
	for (i = 0; p->v && i < p->n; i++)
		free(p->v[i].name);
	free(p->categories);
	free(p->v);
	free(p->group_of);
	free(p->links);
	memset(p, 0, sizeof(*p));
}
