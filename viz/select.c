/* select.c - which orgs and ties a map draws: --where, --ego's
 * neighbourhood, the partners coalmap gaps suggests; one node per org or
 * per group (aggregation), and the ties among them merged into lines. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "viz/viz.h"

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

/* Whether the map draws tie t: 0 when not; with diff, 1 (it existed on
 * the first day only: lost), 2 (the second only: gained) or 3 (both). */
static unsigned tie_change(const struct viz_map *m, size_t t)
{
	if (!m->o->diff)
		return cm_tie_kept(m->l, m->f, t) ? VIZ_DIFF_KEPT : 0;
	return (unsigned)cm_tie_kept(m->l, &m->day[0], t) | (unsigned)cm_tie_kept(m->l, &m->day[1], t) << 1;
}

/* Marks the orgs within radius steps of ego over the ties the filter keeps
 * (any type, either direction).  O(n + m). */
static int ego_reach(const struct viz_map *m, size_t ego, size_t radius, unsigned char *near)
{
	const struct cm_landscape *l = m->l;
	size_t n = cm_landscape_norgs(l), nt = cm_landscape_nties(l), i;
	size_t *start = NULL, *adj = NULL, *queue = NULL, *dist = NULL, head = 0, tail = 0;
	int rc = CM_ENOMEM;

	if (!(start = calloc(n + 1, sizeof(*start))) || !(queue = malloc((n + 1) * sizeof(*queue))) ||
	    !(dist = malloc((n + 1) * sizeof(*dist))))
		goto out;
	for (i = 0; i < nt; i++)
		if (tie_change(m, i)) {
			start[cm_tie_source(l, i) + 1]++;
			start[cm_tie_target(l, i) + 1]++;
		}
	for (i = 0; i < n; i++)
		start[i + 1] += start[i];
	if (!(adj = malloc((start[n] + 1) * sizeof(*adj))))
		goto out;
	{
		size_t *fill = dist; /* reused as insertion cursors */
		memcpy(fill, start, n * sizeof(*fill));
		for (i = 0; i < nt; i++)
			if (tie_change(m, i)) {
				size_t s = cm_tie_source(l, i), t = cm_tie_target(l, i);
				adj[fill[s]++] = t;
				adj[fill[t]++] = s;
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
size_t viz_ties_among_drawn(const struct viz_map *m)
{
	size_t i, n = 0, nt = cm_landscape_nties(m->l);

	for (i = 0; i < nt; i++)
		n += m->drawn[cm_tie_source(m->l, i)] && m->drawn[cm_tie_target(m->l, i)] && tie_change(m, i) != 0;
	return n;
}

/* Keeps the orgs --ego's neighbourhood holds (and the ego itself). */
static int select_ego(struct viz_map *m, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	size_t i, n = cm_landscape_norgs(l), ego;
	unsigned char *near = NULL;
	int rc;

	if ((rc = cm_org_lookup(l, m->o->ego, &ego, err)) < 0)
		return rc;
	if (!(near = calloc(n, 1)))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if ((rc = ego_reach(m, ego, m->o->radius ? m->o->radius : 1, near)) < 0) {
		free(near);
		return cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < n; i++)
		m->drawn[i] = (m->drawn[i] && near[i]) || i == ego;
	m->ego_name = cm_landscape_org_name(l, ego);
	m->ego_org = ego;
	free(near);
	return CM_OK;
}

/* Marks the orgs to draw: --where, then --ego's neighbourhood. */
int viz_select_orgs(struct viz_map *m, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	const struct cm_map_opts *o = m->o;
	size_t i, k, n = cm_landscape_norgs(l);
	int rc;

	if (!(m->drawn = malloc(n + 1)))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	memset(m->drawn, 1, n + 1);
	for (k = 0; k < o->nwhere; k++) {
		int a = cm_attr_find(l, o->where[k].attr);
		if (n && a < 0)
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--where: no column '%s' in %s",
					    o->where[k].attr, cm_landscape_orgs_path(l));
		for (i = 0; i < n; i++)
			if (m->drawn[i] && !value_matches(cm_attr_value(l, (size_t)a, i), o->where[k].value))
				m->drawn[i] = 0;
	}
	if (o->ego && (rc = select_ego(m, err)) < 0)
		return rc;
	m->ndrawn = 0;
	for (i = 0; i < n; i++)
		m->ndrawn += m->drawn[i];
	return CM_OK;
}

/* The highlight_gaps org's top partners as `coalmap gaps --for` ranks them
 * with its defaults (weights 1, decision-makers left out) and the map's
 * filter; they and the org are drawn whatever --where and --ego select.
 * An unknown org fails with cm_recommend's own message. */
int viz_suggest_partners(struct viz_map *m, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	const struct cm_map_opts *o = m->o;
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
	if ((rc = cm_recommend(m->a, &go, &t, err)) < 0)
		goto out;
	cid = cm_table_find(&t, "id");
	cscore = cm_table_find(&t, "score");
	if ((rc = cm_org_lookup(l, o->highlight_gaps, &m->gaps_org, err)) < 0)
		goto out;
	if (cid < 0 || cscore < 0) {
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
		struct viz_suggestion *sg = &m->sug[m->nsug];
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

/* ------------------------------------------------------------------ */
/* Nodes: orgs, or groups of orgs                                       */
/* ------------------------------------------------------------------ */

void viz_groups_free(struct viz_groups *gx)
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

/* One node per drawn org. */
int viz_build_org_nodes(struct viz_map *m)
{
	size_t i, k = 0, n = cm_landscape_norgs(m->l);

	if (!(m->v = calloc(m->ndrawn + 1, sizeof(*m->v))))
		return CM_ENOMEM;
	for (i = 0; i < n; i++) {
		struct viz_node *v;
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
		v->pad = i == m->gaps_org ? VIZ_HALO_PAD : 0;
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

/* Groups of the drawn orgs by column r: *group_of gets each org's group
 * (malloc'd), g the groups with their best-connected member. */
static int group_orgs(const struct viz_map *m, const struct viz_col *r, struct viz_cats *g, size_t **group_of)
{
	size_t i, n = cm_landscape_norgs(m->l);
	char buf[64];

	if (!(*group_of = malloc((n + 1) * sizeof(**group_of))))
		return CM_ENOMEM;
	for (i = 0; i < n; i++) {
		long gi;
		double deg;
		if (!m->drawn[i])
			continue;
		if ((gi = viz_cats_add(g, viz_col_text(m, r, i, buf, sizeof(buf)), 1)) < 0)
			return CM_ENOMEM;
		(*group_of)[i] = (size_t)gi;
		deg = m->c_degree >= 0 ? (double)m->metrics.cols[m->c_degree].ints[i] : 0;
		if (deg > g->v[gi].rep_deg) {
			g->v[gi].rep_deg = deg;
			g->v[gi].rep = i;
		}
	}
	return CM_OK;
}

/* Names the kept groups: "Community 3" (and its best-connected member),
 * or the value. */
static int name_groups(struct viz_map *m, const struct viz_col *r, const struct viz_cats *g, size_t keep)
{
	size_t i;

	for (i = 0; i < keep; i++) {
		struct viz_node *v = &m->v[i];
		v->org = SIZE_MAX;
		v->members = g->v[i].count;
		v->rank = (double)v->members;
		if (r->kind == VIZ_COL_COMMUNITY) {
			size_t n = strlen(g->v[i].name) + 16;
			if (!(m->gx->names[i] = malloc(n)))
				return CM_ENOMEM;
			snprintf(m->gx->names[i], n, "Community %s", g->v[i].name);
			if (g->v[i].rep != SIZE_MAX)
				m->gx->around[i] = cm_landscape_org_name(m->l, g->v[i].rep);
		} else if (!(m->gx->names[i] = strdup(*g->v[i].name ? g->v[i].name : "(no value)")))
			return CM_ENOMEM;
		v->name = m->gx->names[i];
	}
	return CM_OK;
}

/* One node per group of drawn orgs: the CM_MAP_MAX_GROUPS largest; the
 * orgs of the others are counted in folded_orgs and not drawn. */
int viz_build_group_nodes(struct viz_map *m, struct cm_error *err)
{
	const struct cm_landscape *l = m->l;
	struct viz_col r;
	struct viz_cats g;
	size_t i, *rank = NULL, keep, *group_of = NULL, n = cm_landscape_norgs(l);
	int rc = CM_ENOMEM;

	memset(&g, 0, sizeof(g));
	if (viz_col_resolve(m, m->agg_by, &r) < 0)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--aggregate: no column '%s' in %s", m->agg_by,
				    cm_landscape_orgs_path(l));
	if (group_orgs(m, &r, &g, &group_of) < 0 || viz_cats_rank(&g, &rank) < 0)
		goto out;
	keep = g.n > CM_MAP_MAX_GROUPS ? CM_MAP_MAX_GROUPS : g.n;
	m->folded = g.n - keep;
	m->ngroups = g.n;
	m->nv = keep;
	if (!(m->v = calloc(m->nv + 1, sizeof(*m->v))) || !(m->gx = calloc(1, sizeof(*m->gx))) ||
	    !(m->gx->names = calloc(m->nv + 1, sizeof(char *))) ||
	    !(m->gx->around = calloc(m->nv + 1, sizeof(char *))))
		goto out;
	m->gx->n = m->nv;
	if (name_groups(m, &r, &g, keep) < 0)
		goto out;
	m->folded_orgs = 0;
	for (i = keep; i < g.n; i++)
		m->folded_orgs += g.v[i].count;
	for (i = 0; i < n; i++)
		if (m->drawn[i]) {
			size_t gr = rank[group_of[i]];
			m->node_of[i] = gr < keep ? (uint32_t)gr : UINT32_MAX;
		}
	rc = CM_OK;
out:
	free(rank);
	free(group_of);
	viz_cats_release(&g);
	if (rc < 0)
		return cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	return rc;
}

/* ------------------------------------------------------------------ */
/* Lines: ties between drawn nodes, merged                              */
/* ------------------------------------------------------------------ */

/* Order of lines: by pair, type, direction. */
static int edge_cmp(const void *x, const void *y)
{
	const struct viz_edge *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	if (p->type != q->type)
		return p->type < q->type ? -1 : 1;
	return p->directed - q->directed;
}

/* Ties between drawn orgs, merged per (pair, type, direction). */
static void merge_edges(struct viz_map *m)
{
	size_t i, w = 0;

	qsort(m->e, m->ne, sizeof(*m->e), edge_cmp);
	for (i = 0; i < m->ne; i++) {
		if (w && !edge_cmp(&m->e[w - 1], &m->e[i])) {
			m->e[w - 1].count += m->e[i].count;
			m->e[w - 1].change |= m->e[i].change;
		} else
			m->e[w++] = m->e[i];
	}
	m->ne = w;
}

static const struct viz_edge *thin_base;

static int by_count_desc(const void *x, const void *y)
{
	const struct viz_edge *p = &thin_base[*(const size_t *)x], *q = &thin_base[*(const size_t *)y];

	if (p->count != q->count)
		return p->count > q->count ? -1 : 1;
	return edge_cmp(p, q);
}

/* An aggregate map draws by width the links between groups that carry
 * weight: at least 1/40 of the strongest, and at most three per group
 * (conflict links apart, one per group); the others are weak, drawn thin
 * and light so that the groups they join still look joined. */
static int thin_edges(struct viz_map *m)
{
	size_t *order = malloc((m->ne + 1) * sizeof(*order)), i, kept[2] = { 0, 0 };
	double cmax[2] = { 0, 0 };

	if (!order)
		return CM_ENOMEM;
	for (i = 0; i < m->ne; i++) {
		order[i] = i;
		if (m->e[i].count > cmax[m->e[i].type])
			cmax[m->e[i].type] = m->e[i].count;
	}
	thin_base = m->e;
	qsort(order, m->ne, sizeof(*order), by_count_desc);
	m->weak_links = 0;
	m->weak_max = 0;
	for (i = 0; i < m->ne; i++) {
		struct viz_edge *e = &m->e[order[i]];
		size_t cap = e->type == VIZ_AGG_TIES ? 3 * m->nv : m->nv;
		if (e->count * 40 >= cmax[e->type] && kept[e->type] < cap)
			kept[e->type]++;
		else {
			e->weak = 1;
			m->weak_links++;
			if (e->count > m->weak_max)
				m->weak_max = e->count;
		}
	}
	free(order);
	return CM_OK;
}

/* Line order at one node: partners by degree, highest first, then by node
 * (then type, direction); incident[] holds line indices. */
static const struct viz_map *cap_map;
static uint32_t cap_node;

static double partner_degree(const struct viz_edge *e, uint32_t *partner)
{
	const struct viz_map *m = cap_map;

	*partner = e->a == cap_node ? e->b : e->a;
	return m->c_degree >= 0 ? (double)m->metrics.cols[m->c_degree].ints[m->v[*partner].org] : 0;
}

static int by_partner(const void *x, const void *y)
{
	const struct viz_edge *p = &cap_map->e[*(const size_t *)x], *q = &cap_map->e[*(const size_t *)y];
	uint32_t pp, qp;
	double dp = partner_degree(p, &pp), dq = partner_degree(q, &qp);

	if (dp != dq)
		return dp > dq ? -1 : 1;
	if (pp != qp)
		return pp < qp ? -1 : 1;
	return edge_cmp(p, q);
}

/* rank[i]: the best place line i holds in the order of its two ends'
 * lines (0: one end's best-connected partner). */
static int line_ranks(struct viz_map *m, size_t *rank)
{
	size_t *start = calloc(m->nv + 2, sizeof(*start)), *inc = malloc((2 * m->ne + 1) * sizeof(*inc)), i, v;

	if (!start || !inc) {
		free(start);
		free(inc);
		return CM_ENOMEM;
	}
	for (i = 0; i < m->ne; i++) {
		start[m->e[i].a + 2]++;
		start[m->e[i].b + 2]++;
		rank[i] = SIZE_MAX;
	}
	for (v = 2; v < m->nv + 2; v++)
		start[v] += start[v - 1];
	for (i = 0; i < m->ne; i++) {
		inc[start[m->e[i].a + 1]++] = i;
		inc[start[m->e[i].b + 1]++] = i;
	}
	cap_map = m;
	for (v = 0; v < m->nv; v++) {
		size_t k, n = start[v + 1] - start[v];
		cap_node = (uint32_t)v;
		qsort(inc + start[v], n, sizeof(*inc), by_partner);
		for (k = 0; k < n; k++)
			if (k < rank[inc[start[v] + k]])
				rank[inc[start[v] + k]] = k;
	}
	free(start);
	free(inc);
	return CM_OK;
}

/* Above CM_MAP_MAX_LINES lines, each org keeps its lines to its K
 * best-connected partners (by degree, then drawing order), K the largest
 * that keeps at most CM_MAP_MAX_LINES lines, and at least 1; so every org
 * with a tie keeps a line, and the hubs keep theirs. */
static int cap_lines(struct viz_map *m)
{
	size_t *rank, *hist, i, k, kept, w = 0;

	m->lines_all = m->lines_k = 0;
	if (m->ne <= CM_MAP_MAX_LINES)
		return CM_OK;
	rank = malloc(m->ne * sizeof(*rank));
	hist = calloc(m->ne + 1, sizeof(*hist));
	if (!rank || !hist || line_ranks(m, rank) < 0) {
		free(rank);
		free(hist);
		return CM_ENOMEM;
	}
	for (i = 0; i < m->ne; i++)
		hist[rank[i]]++;
	for (k = 1, kept = hist[0]; k < m->ne && kept + hist[k] <= CM_MAP_MAX_LINES; k++)
		kept += hist[k];
	m->lines_all = m->ne;
	m->lines_k = k;
	for (i = 0; i < m->ne; i++)
		if (rank[i] < k)
			m->e[w++] = m->e[i];
	m->ne = w;
	free(rank);
	free(hist);
	return CM_OK;
}

/* Collects the ties among drawn nodes as lines (node_of gives each org's
 * node): merged, and on an aggregate map thinned, with the ties inside a
 * group counted on its node; on a map of orgs at most CM_MAP_MAX_LINES. */
int viz_collect_edges(struct viz_map *m)
{
	const struct cm_landscape *l = m->l;
	size_t i, nt = cm_landscape_nties(l);

	free(m->e);
	m->e = NULL;
	m->ne = 0;
	m->nties = 0;
	if (!(m->e = malloc((nt + 1) * sizeof(*m->e))))
		return CM_ENOMEM;
	for (i = 0; i < nt; i++) {
		uint32_t a = m->node_of[cm_tie_source(l, i)], b = m->node_of[cm_tie_target(l, i)];
		size_t type = cm_tie_type(l, i);
		struct viz_edge *e;
		int conflict;
		unsigned change = tie_change(m, i);
		if (!change || a == UINT32_MAX || b == UINT32_MAX)
			continue;
		conflict = cm_tie_type_conflict(l, type);
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
			e->type = conflict ? VIZ_AGG_CONFLICT : VIZ_AGG_TIES;
			e->directed = 0;
		} else {
			int dir = cm_tie_directed(l, i) && !conflict;
			e = &m->e[m->ne++];
			e->a = dir || a < b ? a : b;
			e->b = dir || a < b ? b : a;
			e->type = (uint32_t)type;
			e->directed = dir;
		}
		e->count = 1;
		e->change = change;
		e->weak = 0;
	}
	merge_edges(m);
	return m->aggregate ? thin_edges(m) : cap_lines(m);
}
