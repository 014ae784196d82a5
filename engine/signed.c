/* signed.c - the signed network of a landscape (docs/stakeholders.md):
 * conflict ties negative, the others positive; triangle balance; the
 * frustration index and the two camps that attain it (exact on small
 * components, else the best of greedy starts with local moves). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "schema.h"
#include "stakeholders.h"

#define LOCAL_RUNS 16      /* greedy starts per component too large to enumerate */
#define LOCAL_PASSES 50    /* sweeps of one local search at most */
#define EXACT_BUDGET 1e9   /* adjacency visits the enumerations may take in all */

/* ---- pairs and adjacency */

/* Pair keys: (low << 33) | (high << 1) | negative, sorted so that the
 * ties of one pair are adjacent. */
static int collect_pairs(struct stake *x, uint64_t **keys, size_t *nkeys)
{
	const struct cm_landscape *l = x->l;
	const struct cm_filter *f = cm_analysis_filter(x->a);
	size_t t, k = 0;
	uint64_t *v = malloc((l->nties ? l->nties : 1) * sizeof(*v));

	if (!v)
		return CM_ENOMEM;
	for (t = 0; t < l->nties; t++) {
		const struct cm_tie *e = &l->ties[t];
		uint64_t lo = e->src < e->dst ? e->src : e->dst, hi = e->src < e->dst ? e->dst : e->src;
		if (e->src == e->dst || !cm_filter_keeps(l, f, e))
			continue;
		v[k++] = lo << 33 | hi << 1 | ((l->tie_roles[e->type] & CM_ROLE_CONFLICT) != 0);
	}
	cm_sort_u64(v, k);
	*keys = v;
	*nkeys = k;
	return CM_OK;
}

static int build_pairs(struct stake *x, struct signed_net *g)
{
	uint64_t *keys;
	size_t nk, i, p, *fill;
	int rc = collect_pairs(x, &keys, &nk);

	if (rc < 0)
		return rc;
	g->pu = malloc((nk ? nk : 1) * sizeof(*g->pu));
	g->pv = malloc((nk ? nk : 1) * sizeof(*g->pv));
	g->psign = malloc(nk ? nk : 1);
	g->start = calloc(x->n + 1, sizeof(*g->start));
	if (!g->pu || !g->pv || !g->psign || !g->start) {
		free(keys);
		return CM_ENOMEM;
	}
	for (i = 0; i < nk; i++) {
		uint32_t u = (uint32_t)(keys[i] >> 33), v = (uint32_t)(keys[i] >> 1 & 0xffffffffu);
		if (g->npairs && g->pu[g->npairs - 1] == u && g->pv[g->npairs - 1] == v) {
			if (keys[i] & 1)
				g->psign[g->npairs - 1] = -1; /* a conflict tie makes the pair negative */
			continue;
		}
		g->pu[g->npairs] = u;
		g->pv[g->npairs] = v;
		g->psign[g->npairs++] = keys[i] & 1 ? -1 : 1;
	}
	free(keys);
	for (p = 0; p < g->npairs; p++) {
		g->nneg += g->psign[p] < 0;
		g->start[g->pu[p] + 1]++;
		g->start[g->pv[p] + 1]++;
	}
	for (i = 0; i < x->n; i++)
		g->start[i + 1] += g->start[i];
	g->nbr = malloc((2 * g->npairs + 1) * sizeof(*g->nbr));
	g->pair = malloc((2 * g->npairs + 1) * sizeof(*g->pair));
	fill = malloc((x->n + 1) * sizeof(*fill));
	if (!g->nbr || !g->pair || !fill) {
		free(fill);
		return CM_ENOMEM;
	}
	memcpy(fill, g->start, x->n * sizeof(*fill));
	for (p = 0; p < g->npairs; p++) {
		g->nbr[fill[g->pu[p]]] = g->pv[p];
		g->pair[fill[g->pu[p]]++] = p;
		g->nbr[fill[g->pv[p]]] = g->pu[p];
		g->pair[fill[g->pv[p]]++] = p;
	}
	free(fill);
	return CM_OK;
}

/* ---- triangles: each once, from its lowest-ranked corner (degree, then
 * index), O(m^1.5) */

static int before(const struct signed_net *g, size_t u, size_t v)
{
	size_t du = g->start[u + 1] - g->start[u], dv = g->start[v + 1] - g->start[v];

	return du < dv || (du == dv && u < v);
}

/* Counts the triangles and the balanced ones, and packs unbalanced ones
 * that share no pair (first come, first taken): each needs a flip of its
 * own, so their number is a lower bound of the frustration index. */
static int count_triangles(struct stake *x, struct signed_net *g)
{
	signed char *mark = calloc(x->n ? x->n : 1, 1);
	size_t *via = malloc((x->n ? x->n : 1) * sizeof(*via)), u, a, b;
	unsigned char *used = calloc(g->npairs ? g->npairs : 1, 1);

	if (!mark || !via || !used) {
		free(mark), free(via), free(used);
		return CM_ENOMEM;
	}
	for (u = 0; u < x->n; u++) {
		for (a = g->start[u]; a < g->start[u + 1]; a++)
			if (before(g, u, g->nbr[a])) {
				mark[g->nbr[a]] = g->psign[g->pair[a]];
				via[g->nbr[a]] = g->pair[a];
			}
		for (a = g->start[u]; a < g->start[u + 1]; a++) {
			size_t v = g->nbr[a];
			if (!before(g, u, v))
				continue;
			for (b = g->start[v]; b < g->start[v + 1]; b++) {
				size_t w = g->nbr[b];
				if (!before(g, v, w) || !mark[w])
					continue;
				g->triangles++;
				if (g->psign[g->pair[a]] * g->psign[g->pair[b]] * mark[w] > 0)
					g->balanced++;
				else if (!used[g->pair[a]] && !used[g->pair[b]] && !used[via[w]]) {
					used[g->pair[a]] = used[g->pair[b]] = used[via[w]] = 1;
					g->lower++;
				}
			}
		}
		for (a = g->start[u]; a < g->start[u + 1]; a++)
			mark[g->nbr[a]] = 0;
	}
	free(mark), free(via), free(used);
	return CM_OK;
}

/* ---- the partition: side[v] in {0, 1}; a pair is violated when positive
 * across the sides or negative within one */

static int violated(const struct signed_net *g, size_t e, size_t v)
{
	int same = g->side[v] == g->side[g->nbr[e]];

	return g->psign[g->pair[e]] > 0 ? !same : same;
}

/* The change in violated pairs if v changed side. */
static long flip_delta(const struct signed_net *g, size_t v)
{
	long d = 0;
	size_t e;

	for (e = g->start[v]; e < g->start[v + 1]; e++)
		d += violated(g, e, v) ? -1 : 1;
	return d;
}

static size_t comp_cost(const struct signed_net *g, const size_t *vs, size_t k)
{
	size_t i, e, c = 0;

	for (i = 0; i < k; i++)
		for (e = g->start[vs[i]]; e < g->start[vs[i] + 1]; e++)
			c += vs[i] < g->nbr[e] && violated(g, e, vs[i]);
	return c;
}

/* The component of vs[0] into vs (breadth first), each org on the side
 * its first tie in the search says (a positive tie the same side, a
 * negative one the other): violation-free when the component is balanced. */
static size_t bfs_colour(struct signed_net *g, unsigned char *seen, size_t *vs)
{
	size_t head = 0, k = 1, e;

	seen[vs[0]] = 1;
	g->side[vs[0]] = 0;
	while (head < k) {
		size_t v = vs[head++];
		for (e = g->start[v]; e < g->start[v + 1]; e++) {
			size_t w = g->nbr[e];
			if (seen[w])
				continue;
			seen[w] = 1;
			g->side[w] = (unsigned char)(g->side[v] ^ (g->psign[g->pair[e]] < 0));
			vs[k++] = w;
		}
	}
	return k;
}

/* Every partition of the k <= CM_STAKE_EXACT_MAX orgs of vs, vs[0] fixed,
 * in Gray-code order (one org changes side per step); the best is left
 * in side.  Returns its cost. */
static size_t exact(struct signed_net *g, const size_t *vs, size_t k)
{
	uint32_t mask = 0, best_mask = 0, i, steps = (uint32_t)1 << (k - 1);
	size_t j;
	long cost, best;

	for (j = 0; j < k; j++)
		g->side[vs[j]] = 0;
	best = cost = (long)comp_cost(g, vs, k);
	for (i = 1; i < steps && best > 0; i++) {
		unsigned bit = (unsigned)__builtin_ctz(i);
		size_t v = vs[bit + 1];
		cost += flip_delta(g, v);
		g->side[v] ^= 1;
		mask ^= (uint32_t)1 << bit;
		if (cost < best) {
			best = cost;
			best_mask = mask;
		}
	}
	for (j = 1; j < k; j++)
		g->side[vs[j]] = (unsigned char)(best_mask >> (j - 1) & 1);
	return (size_t)best;
}

/* Moves single orgs while that lowers the violations. */
static void descend(struct signed_net *g, const size_t *vs, size_t k)
{
	size_t i, pass;
	int moved = 1;

	for (pass = 0; pass < LOCAL_PASSES && moved; pass++)
		for (moved = 0, i = 0; i < k; i++)
			if (flip_delta(g, vs[i]) < 0) {
				g->side[vs[i]] ^= 1;
				moved = 1;
			}
}

/* A greedy start: the component in breadth-first order from vs[root],
 * each org on the side that violates fewer of its ties to the orgs placed
 * before it.  order[] (k entries) and placed[] are the caller's scratch. */
static void greedy(struct signed_net *g, const size_t *vs, size_t k, size_t root, size_t *order,
		   unsigned char *placed)
{
	size_t head = 0, tail = 1, i, e;

	for (i = 0; i < k; i++)
		placed[vs[i]] = 0;
	order[0] = vs[root];
	placed[vs[root]] = 2; /* 2: queued, 1: placed */
	while (head < tail) {
		size_t v = order[head++];
		long against = 0; /* violations on side 0 minus those on side 1 */
		for (e = g->start[v]; e < g->start[v + 1]; e++) {
			size_t w = g->nbr[e];
			if (placed[w] == 1)
				against += (g->psign[g->pair[e]] > 0) == (g->side[w] == 1) ? 1 : -1;
			else if (!placed[w]) {
				placed[w] = 2;
				order[tail++] = w;
			}
		}
		g->side[v] = against > 0;
		placed[v] = 1;
	}
}

/* Multi-start local search: LOCAL_RUNS greedy starts from roots spread
 * over the component, each followed by single moves while they lower the
 * violations.  Deterministic.  Leaves the best in side; returns its cost. */
static size_t local_search(struct signed_net *g, const size_t *vs, size_t k, unsigned char *best, size_t *order,
			   unsigned char *placed)
{
	size_t i, run, c, bc = (size_t)-1;

	for (run = 0; run < LOCAL_RUNS && bc > 0; run++) {
		greedy(g, vs, k, run * k / LOCAL_RUNS, order, placed);
		descend(g, vs, k);
		if ((c = comp_cost(g, vs, k)) < bc) {
			bc = c;
			for (i = 0; i < k; i++)
				best[i] = g->side[vs[i]];
		}
	}
	for (i = 0; i < k; i++)
		g->side[vs[i]] = best[i];
	return bc;
}

/* Which side is camp 1: the one holding the focus, else the one whose
 * known alignments sum higher, else the side of the component's first
 * org in file order. */
static void orient(struct stake *x, const size_t *vs, size_t k)
{
	struct signed_net *g = &x->g;
	double sum[2] = { 0, 0 };
	size_t i, first = vs[0];
	int one = -1;

	for (i = 0; i < k; i++) {
		if (!isnan(x->align[vs[i]]))
			sum[g->side[vs[i]]] += x->align[vs[i]];
		if (x->focus[vs[i]] && one < 0)
			one = g->side[vs[i]];
		if (vs[i] < first)
			first = vs[i];
	}
	if (one < 0)
		one = sum[0] > sum[1] ? 0 : sum[1] > sum[0] ? 1 : g->side[first];
	for (i = 0; i < k; i++)
		g->camp[vs[i]] = g->side[vs[i]] == one ? 1 : 2;
}

static int partition(struct stake *x)
{
	struct signed_net *g = &x->g;
	unsigned char *seen = calloc(x->n ? x->n : 1, 1), *best = malloc(x->n ? x->n : 1);
	unsigned char *placed = malloc(x->n ? x->n : 1);
	size_t *vs = malloc((x->n ? x->n : 1) * sizeof(*vs)), *order = malloc((x->n ? x->n : 1) * sizeof(*order));
	size_t v, k, c;
	double budget = EXACT_BUDGET;

	g->side = calloc(x->n ? x->n : 1, 1);
	g->camp = calloc(x->n ? x->n : 1, sizeof(*g->camp));
	if (!seen || !best || !placed || !vs || !order || !g->side || !g->camp) {
		free(seen), free(best), free(placed), free(vs), free(order);
		return CM_ENOMEM;
	}
	for (v = 0; v < x->n; v++) {
		if (seen[v] || g->start[v] == g->start[v + 1])
			continue;
		vs[0] = v;
		k = bfs_colour(g, seen, vs);
		c = comp_cost(g, vs, k);
		if (c > 0) {
			size_t i, adj = 0;
			double work;
			for (i = 0; i < k; i++)
				adj += g->start[vs[i] + 1] - g->start[vs[i]];
			/* each step visits one org's ties: 2^(k-1) steps of mean degree */
			work = ldexp(1, (int)(k < 60 ? k : 60) - 1) * ((double)adj / (double)k + 1);
			if (k <= CM_STAKE_EXACT_MAX && work <= budget) {
				budget -= work;
				c = exact(g, vs, k);
			} else {
				g->heuristic_comps++;
				if (k > g->heuristic_largest)
					g->heuristic_largest = k;
				c = local_search(g, vs, k, best, order, placed);
			}
		}
		g->frustration += c;
		orient(x, vs, k);
	}
	free(seen), free(best), free(placed), free(vs), free(order);
	return CM_OK;
}

int cm_stake_signed(struct stake *x, struct cm_error *err)
{
	struct signed_net *g = &x->g;
	size_t p;
	int rc;

	if ((rc = build_pairs(x, g)) < 0 || (rc = count_triangles(x, g)) < 0 ||
	    (g->nneg && (rc = partition(x)) < 0))
		return cm_error_set(err, rc, NULL, 0, 0, "out of memory");
	for (p = 0; g->nneg && p < g->npairs; p++) {
		int same = g->camp[g->pu[p]] == g->camp[g->pv[p]];
		g->pos_between += g->psign[p] > 0 && !same;
		g->neg_within += g->psign[p] < 0 && same;
	}
	return CM_OK;
}

void cm_stake_signed_release(struct signed_net *g)
{
	free(g->pu), free(g->pv), free(g->psign), free(g->start), free(g->nbr), free(g->pair);
	free(g->side), free(g->camp);
	memset(g, 0, sizeof(*g));
}
