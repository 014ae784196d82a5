/* power_access.c - the power report's groups: ties within and between
 * them, access to decision-makers, and the gatekeepers who carry the
 * routes of members without direct access (docs/power.md). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "power.h"

int cm_power_groups(struct power *x, const struct cm_groups *gr)
{
	long long *in = calloc(gr->n + 1, sizeof(*in)), *ex = calloc(gr->n + 1, sizeof(*ex)),
		  *size = calloc(gr->n + 1, sizeof(*size));
	igraph_vector_int_t types;
	double m = (double)igraph_ecount(&x->g->collab), assort = NAN, E = 0, I = 0;
	igraph_integer_t e;
	igraph_error_t ie;
	size_t g, i;

	if (!in || !ex || !size || igraph_vector_int_init(&types, (igraph_integer_t)x->n)) {
		free(in);
		free(ex);
		free(size);
		return CM_ENOMEM;
	}
	for (i = 0; i < x->n; i++) {
		size[gr->group_of[i]]++;
		VECTOR(types)[i] = gr->group_of[i];
	}
	for (e = 0; e < igraph_ecount(&x->g->collab); e++) {
		uint32_t a = gr->group_of[IGRAPH_FROM(&x->g->collab, e)], b = gr->group_of[IGRAPH_TO(&x->g->collab, e)];
		if (a == b) {
			in[a]++;
			I++;
		} else {
			ex[a]++;
			ex[b]++;
			E++;
		}
	}
	if (m > 0 && (ie = igraph_assortativity_nominal(&x->g->collab, &types, &assort, IGRAPH_UNDIRECTED, 1))) {
		igraph_vector_int_destroy(&types);
		free(in);
		free(ex);
		free(size);
		return cm_ig_fail(ie, x->err, "assortativity");
	}
	if (isnan(assort))
		cm_findings_add(&x->r, "groups", "", "assortativity", NAN, "undefined: no ties, or a single group");
	else
		cm_power_add(x, "groups", "", "assortativity", assort, &x->tests.assort,
		    "%s (nominal assortativity %.2f: 1 = ties only within groups)",
		    assort >= 0.3 ? "organizations mostly work within their own group" :
		    assort <= -0.1 ? "organizations mostly work across groups" : "ties mix groups freely", assort);
	if (E + I > 0)
		cm_power_add(x, "groups", "", "network_ei_index", (E - I) / (E + I), &x->tests.ei,
		    "E-I index %.2f: %.0f ties between groups, %.0f within (-1 = all within)", (E - I) / (E + I), E, I);
	else
		cm_findings_add(&x->r, "groups", "", "network_ei_index", NAN, "undefined: no ties");
	for (g = 0; g < gr->n; g++) {
		const char *s = gr->names[g];
		double tot = (double)(in[g] + ex[g]);
		cm_findings_add(&x->r, "groups", s, "size", (double)size[g], "%lld organizations", size[g]);
		cm_findings_add(&x->r, "groups", s, "tie_share", m > 0 ? tot / m : NAN,
		    m > 0 ? "involved in %.0f %% of all ties" : "undefined: no ties", pct(m > 0 ? tot / m : 0));
		cm_findings_add(&x->r, "groups", s, "internal_ties", (double)in[g], "%lld ties within the group", in[g]);
		cm_findings_add(&x->r, "groups", s, "external_ties", (double)ex[g], "%lld ties to other groups", ex[g]);
		if (tot > 0)
			cm_power_add(x, "groups", s, "ei_index", ((double)ex[g] - (double)in[g]) / tot,
			    x->tests.group_ei ? &x->tests.group_ei[g] : NULL,
			    "E-I index %.2f (-1 = closed in, +1 = only outward)", ((double)ex[g] - (double)in[g]) / tot);
		else
			cm_findings_add(&x->r, "groups", s, "ei_index", NAN, "undefined: the group has no ties");
	}
	igraph_vector_int_destroy(&types);
	free(in);
	free(ex);
	free(size);
	return CM_OK;
}

int cm_flow_cmp(const void *a, const void *b)
{
	const struct flow_item *x = a, *y = b;

	if (!cm_same_value(x->v, y->v))
		return x->v > y->v ? -1 : 1;
	return (x->org > y->org) - (x->org < y->org);
}

/* Shortest routes to decision-makers, shared by every group: distance to
 * the nearest decision-maker (multi-source BFS on the collaboration
 * graph), order[] the reached orgs by distance (pos[] the inverse), the
 * number of shortest routes from each org, and each group's reached
 * members in that order (byd[gr->start[g] ..]). */
struct routes {
	size_t tail;
	int32_t *dist;
	size_t *order, *pos, *byd, *nbyd, *heap, *touched;
	unsigned char *direct, *ok, *tgt;
	double *paths, *flow;
	struct flow_item *items;
};

static void routes_release(struct routes *rt)
{
	free(rt->dist);
	free(rt->order);
	free(rt->pos);
	free(rt->byd);
	free(rt->nbyd);
	free(rt->heap);
	free(rt->touched);
	free(rt->direct);
	free(rt->ok);
	free(rt->tgt);
	free(rt->paths);
	free(rt->flow);
	free(rt->items);
}

static int routes_build(struct power *x, const struct cm_groups *gr, struct routes *rt)
{
	const struct cm_csr *c = x->c;
	size_t n = x->n, i, head = 0;
	struct cm_strlist targets = { x->o ? x->o->targets : NULL, x->o ? x->o->ntargets : 0 };

	memset(rt, 0, sizeof(*rt));
	rt->dist = malloc((n + 1) * sizeof(*rt->dist));
	rt->order = malloc((n + 1) * sizeof(*rt->order));
	rt->pos = malloc((n + 1) * sizeof(*rt->pos));
	rt->byd = malloc((n + 1) * sizeof(*rt->byd));
	rt->nbyd = calloc(gr->n + 1, sizeof(*rt->nbyd));
	rt->heap = malloc((n + 1) * sizeof(*rt->heap));
	rt->touched = malloc((n + 1) * sizeof(*rt->touched));
	rt->direct = calloc(n + 1, 1);
	rt->ok = calloc(n + 1, 1);
	rt->tgt = calloc(n + 1, 1);
	rt->paths = malloc((n + 1) * sizeof(*rt->paths));
	rt->flow = calloc(n + 1, sizeof(*rt->flow));
	rt->items = malloc((n + 1) * sizeof(*rt->items));
	if (!rt->dist || !rt->order || !rt->pos || !rt->byd || !rt->nbyd || !rt->heap || !rt->touched ||
	    !rt->direct || !rt->ok || !rt->tgt || !rt->paths || !rt->flow || !rt->items)
		return CM_ENOMEM;
	cm_mark_targets(x->l, &targets, rt->tgt);
	cm_mark_direct_access(x->l, x->f, x->a->drop, rt->tgt, rt->direct);
	for (i = 0; i < n; i++) {
		rt->dist[i] = -1;
		if (rt->tgt[i]) {
			rt->dist[i] = 0;
			rt->order[rt->tail++] = i;
		}
	}
	while (head < rt->tail) {
		size_t v = rt->order[head++];
		igraph_integer_t k;
		for (k = c->start[v]; k < c->start[v + 1]; k++) {
			igraph_integer_t u = c->nbr[k];
			if (rt->dist[u] < 0) {
				rt->dist[u] = rt->dist[v] + 1;
				rt->order[rt->tail++] = (size_t)u;
			}
		}
	}
	for (i = 0; i < rt->tail; i++) {
		size_t v = rt->order[i], g = gr->group_of[v];
		igraph_integer_t k;
		rt->pos[v] = i;
		rt->byd[gr->start[g] + rt->nbyd[g]++] = v;
		if (rt->dist[v] == 0) {
			rt->paths[v] = 1;
			continue;
		}
		rt->paths[v] = 0;
		for (k = c->start[v]; k < c->start[v + 1]; k++)
			if (rt->dist[c->nbr[k]] == rt->dist[v] - 1)
				rt->paths[v] += rt->paths[c->nbr[k]];
	}
	return CM_OK;
}

/* A max-heap of orgs by position in the route order. */
static void heap_push(struct routes *rt, size_t *nh, size_t v)
{
	size_t i = (*nh)++;

	while (i > 0 && rt->pos[rt->heap[(i - 1) / 2]] < rt->pos[v]) {
		rt->heap[i] = rt->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	rt->heap[i] = v;
}

static size_t heap_pop(struct routes *rt, size_t *nh)
{
	size_t top = rt->heap[0], last = rt->heap[--*nh], i = 0;

	for (;;) {
		size_t k = 2 * i + 1;
		if (k >= *nh)
			break;
		if (k + 1 < *nh && rt->pos[rt->heap[k + 1]] > rt->pos[rt->heap[k]])
			k++;
		if (rt->pos[rt->heap[k]] <= rt->pos[last])
			break;
		rt->heap[i] = rt->heap[k];
		i = k;
	}
	rt->heap[i] = last;
	return top;
}

/* Pushes a unit from each mediated member of group g (flow[v] = 1 on
 * them, in the heap) along its shortest routes, farthest orgs first, and
 * lists the orgs of other groups it runs through.  Only the orgs on those
 * routes are visited; flow is zero again afterwards.  Returns the items. */
static size_t push_routes(const struct power *x, const struct cm_groups *gr, size_t g, struct routes *rt, size_t nh)
{
	const struct cm_csr *c = x->c;
	size_t nitems = 0, ntouched = 0, i;

	for (i = 0; i < nh; i++)
		rt->touched[ntouched++] = rt->heap[i];
	while (nh) {
		size_t v = heap_pop(rt, &nh);
		igraph_integer_t k;
		if (rt->dist[v] == 0)
			continue;
		for (k = c->start[v]; k < c->start[v + 1]; k++) {
			igraph_integer_t u = c->nbr[k];
			if (rt->dist[u] != rt->dist[v] - 1)
				continue;
			if (rt->flow[u] == 0) {
				heap_push(rt, &nh, (size_t)u);
				rt->touched[ntouched++] = (size_t)u;
			}
			rt->flow[u] += rt->flow[v] * rt->paths[u] / rt->paths[v];
		}
		if (gr->group_of[v] != g && !rt->tgt[v])
			rt->items[nitems++] = (struct flow_item){ rt->flow[v], v };
	}
	for (i = 0; i < ntouched; i++)
		rt->flow[rt->touched[i]] = 0;
	return nitems;
}

/* The four categories of access that partition a group's members (the
 * orgs that are not decision-makers), in the order of their rows. */
enum { ACC_DIRECT, ACC_OWN, ACC_MEDIATED, ACC_CUT, ACC_N };

/* One row per category, each a share of all members, so that the four
 * shares add up to the group's members (docs/power.md, "access"); n[] the
 * members in each, dms the group's decision-makers, t the permutation
 * test of the direct access share (NULL: none). */
static void access_say(struct power *x, const char *s, const struct perm_test *t, size_t dms, const size_t n[ACC_N])
{
	static const char *const measure[ACC_N] = { "direct_access_share", "own_route_share", "mediated_share",
						   "cut_off_share" };
	static const char *const reading[ACC_N] = {
		"have a tie giving them direct access to a decision-maker",
		"reach decision-makers without direct access and without another group in between",
		"reach decision-makers only through other groups",
		"cannot reach any decision-maker",
	};
	size_t members = n[ACC_DIRECT] + n[ACC_OWN] + n[ACC_MEDIATED] + n[ACC_CUT], k;

	cm_findings_add(&x->r, "access", s, "decision_makers", (double)dms,
	    "%zu of the group's organizations are decision-makers themselves (not counted below)", dms);
	cm_findings_add(&x->r, "access", s, "members", (double)members,
	    "%zu members that are not decision-makers, each in one of the four shares below", members);
	for (k = 0; k < ACC_N; k++)
		if (members)
			cm_power_add(x, "access", s, measure[k], (double)n[k] / (double)members, k == ACC_DIRECT ? t : NULL,
			    "%zu of %zu (%.0f %%) %s", n[k], members, pct((double)n[k] / (double)members), reading[k]);
		else
			cm_findings_add(&x->r, "access", s, measure[k], NAN,
			    "undefined: every organization of the group is a decision-maker");
}

/* Access to decision-makers per group: direct ties (of a type whose role
 * gives access, cm_mark_direct_access), and whether each member without
 * one has a shortest route with only its own group's orgs between it and
 * the decision-maker (ok: own route), else is mediated, with how its
 * routes flow through other groups' orgs (the gatekeepers), or cut off.  O(n + m) for the routes,
 * then per group its members' ties and the routes of its mediated
 * members, so one group per org costs no more than a few groups. */
int cm_power_access(struct power *x, const struct cm_groups *gr, int gatekeepers)
{
	const struct cm_csr *c = x->c;
	struct routes rt;
	size_t i, g;
	int rc = CM_ENOMEM;

	if (routes_build(x, gr, &rt) < 0)
		goto out;
	for (g = 0; g < gr->n; g++) {
		const char *s = gr->names[g];
		size_t n[ACC_N] = { 0 }, dms = 0, nitems, shown, nh = 0;
		/* ok[v] for the group's reached members, nearest first */
		for (i = gr->start[g]; i < gr->start[g] + rt.nbyd[g]; i++) {
			size_t v = rt.byd[i];
			igraph_integer_t k;
			rt.ok[v] = 0;
			if (rt.dist[v] == 0)
				continue;
			for (k = c->start[v]; k < c->start[v + 1] && !rt.ok[v]; k++) {
				igraph_integer_t u = c->nbr[k];
				if (rt.dist[u] == rt.dist[v] - 1 && (rt.dist[u] == 0 || (gr->group_of[u] == g && rt.ok[u])))
					rt.ok[v] = 1;
			}
		}
		for (i = gr->start[g]; i < gr->start[g + 1]; i++) {
			size_t v = gr->member[i];
			if (rt.tgt[v])
				dms++;
			else if (rt.direct[v])
				n[ACC_DIRECT]++;
			else if (rt.dist[v] < 0)
				n[ACC_CUT]++;
			else if (rt.dist[v] >= 2 && !rt.ok[v]) {
				n[ACC_MEDIATED]++;
				if (gatekeepers) {
					rt.flow[v] = 1;
					heap_push(&rt, &nh, v);
				}
			} else
				n[ACC_OWN]++;
		}
		if (!gatekeepers) {
			access_say(x, s, x->tests.access ? &x->tests.access[g] : NULL, dms, n);
			continue;
		}
		nitems = push_routes(x, gr, g, &rt, nh);
		qsort(rt.items, nitems, sizeof(*rt.items), cm_flow_cmp);
		shown = nitems < GATEKEEPERS_LISTED ? nitems : GATEKEEPERS_LISTED;
		if (x->quiet) {
			struct power_lists *q = x->quiet;
			size_t l = POWER_LIST_GATEKEEPERS + g;
			for (i = 0; i < nitems; i++)
				q->sc[l * x->n + rt.items[i].org] = rt.items[i].v;
			for (i = 0; i < shown; i++)
				q->top[l * q->kmax + i] = rt.items[i].org;
			q->k[l] = shown;
			continue;
		}
		for (i = 0; i < shown; i++) {
			char measure[300], one[340], many[340];
			snprintf(measure, sizeof(measure), "routes:%s", s);
			cm_findings_add(&x->r, "gatekeepers", org_id(x, rt.items[i].org), measure, rt.items[i].v,
			    "%s carries the routes of %.1f of %s's %zu mediated members to decision-makers",
			    org_name(x, rt.items[i].org), rt.items[i].v, *s ? s : "(none)", n[ACC_MEDIATED]);
			snprintf(measure, sizeof(measure), "routes_kept:%s", s);
			snprintf(one, sizeof(one), "gatekeeper listed for %s", *s ? s : "(none)");
			snprintf(many, sizeof(many), "gatekeepers listed for %s", *s ? s : "(none)");
			cm_power_robust_say(x, "gatekeepers", measure, one, many, POWER_LIST_GATEKEEPERS + g, i,
					    rt.items[i].org);
		}
	}
	rc = CM_OK;
out:
	routes_release(&rt);
	return rc;
}

