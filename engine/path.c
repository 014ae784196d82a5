/* path.c - introduction chains: the k shortest simple paths between two
 * organizations, ranked by length, then trust, then weight (docs/gaps.md). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

#define PATHS_MAX 4096 /* paths examined to rank ties at the k-th length */
#define TRUST_UNKNOWN 0.5

struct chain {
	igraph_vector_int_t *v;
	double trust, weight;
	igraph_integer_t len;
	const struct cm_landscape *l;
};

static int chain_cmp(const void *a, const void *b)
{
	const struct chain *x = a, *y = b;
	igraph_integer_t i;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (!isnan(x->trust) && fabs(x->trust - y->trust) > 1e-12 * fmax(x->trust, y->trust))
		return x->trust > y->trust ? -1 : 1; /* unknown (NaN) everywhere when no tie has a trust */
	if (fabs(x->weight - y->weight) > 1e-12 * fmax(x->weight, y->weight))
		return x->weight > y->weight ? -1 : 1;
	for (i = 0; i <= x->len; i++) {
		int c = strcmp(cm_landscape_org_id(x->l, (size_t)VECTOR(*x->v)[i]),
			       cm_landscape_org_id(y->l, (size_t)VECTOR(*y->v)[i]));
		if (c)
			return c;
	}
	return 0;
}

/* Highest trust of the (kept, non-conflict) ties behind each edge, NaN
 * when none of them has one; returns how many edges have a trust. */
static size_t edge_trust(const struct cm_landscape *l, const struct cm_filter *f, const igraph_t *g, double *trust)
{
	igraph_integer_t m = igraph_ecount(g), e;
	size_t i, known = 0;

	for (e = 0; e < m; e++)
		trust[e] = NAN;
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		if (!cm_filter_keeps(l, f, t) || cm_tie_type_is_conflict(l->tie_types[t->type]) || isnan(t->trust))
			continue;
		if (igraph_get_eid(g, &e, t->src, t->dst, IGRAPH_UNDIRECTED, 0) || e < 0)
			continue;
		if (isnan(trust[e]) || t->trust > trust[e])
			trust[e] = t->trust;
	}
	for (e = 0; e < m; e++)
		known += !isnan(trust[e]);
	return known;
}

/* An edge without a trust counts TRUST_UNKNOWN, when some edges have one. */
static void default_trust(const igraph_t *g, double *trust)
{
	igraph_integer_t m = igraph_ecount(g), e;

	for (e = 0; e < m; e++)
		if (isnan(trust[e]))
			trust[e] = TRUST_UNKNOWN;
}

int cm_path_trust(struct cm_analysis *a, size_t *known, size_t *pairs, struct cm_error *err)
{
	const igraph_t *g;
	double *trust;
	int rc;

	if ((rc = cm_analysis_graphs(a, err)) < 0)
		return rc;
	g = &a->g.collab;
	if (!(trust = malloc(((size_t)igraph_ecount(g) + 1) * sizeof(*trust))))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	*known = edge_trust(a->l, &a->f, g, trust);
	*pairs = (size_t)igraph_ecount(g);
	free(trust);
	return CM_OK;
}

/* The best chains from s to t in g (at most k, every chain as short as the
 * k-th examined): fills *chains (malloc'd, caller frees with chains_free)
 * and *n, sorted best first. */
struct chains {
	igraph_vector_int_list_t vpaths, epaths;
	struct chain *ch;
	size_t n;
};

static void chains_free(struct chains *c)
{
	igraph_vector_int_list_destroy(&c->vpaths);
	igraph_vector_int_list_destroy(&c->epaths);
	free(c->ch);
	c->ch = NULL;
}

static int best_chains(const struct cm_landscape *l, const struct cm_graphs *g, const double *trust,
		       igraph_integer_t s, igraph_integer_t t, size_t k, struct chains *c, struct cm_error *err)
{
	igraph_integer_t req, got = 0, i, j, limit;

	c->ch = NULL;
	c->n = 0;
	if (igraph_vector_int_list_init(&c->vpaths, 0))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (igraph_vector_int_list_init(&c->epaths, 0)) {
		igraph_vector_int_list_destroy(&c->vpaths);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	/* ask for more paths until every path as short as the k-th is in */
	for (req = (igraph_integer_t)k;; req *= 2) {
		igraph_error_t e;
		if (req > PATHS_MAX)
			req = PATHS_MAX;
		e = igraph_get_k_shortest_paths(&g->collab, NULL, &c->vpaths, &c->epaths, req, s, t, IGRAPH_ALL);
		if (e) {
			chains_free(c);
			return cm_ig_fail(e, err, "shortest paths");
		}
		got = igraph_vector_int_list_size(&c->vpaths);
		if (got < req || req == PATHS_MAX)
			break;
		if (igraph_vector_int_size(igraph_vector_int_list_get_ptr(&c->epaths, got - 1)) >
		    igraph_vector_int_size(igraph_vector_int_list_get_ptr(&c->epaths, (igraph_integer_t)k - 1)))
			break;
	}
	c->ch = calloc((size_t)got + 1, sizeof(*c->ch));
	if (!c->ch) {
		chains_free(c);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	limit = got >= (igraph_integer_t)k ?
		igraph_vector_int_size(igraph_vector_int_list_get_ptr(&c->epaths, (igraph_integer_t)k - 1)) : -1;
	for (i = 0; i < got; i++) {
		igraph_vector_int_t *ev = igraph_vector_int_list_get_ptr(&c->epaths, i);
		struct chain *ch = &c->ch[c->n];
		if (limit >= 0 && igraph_vector_int_size(ev) > limit)
			continue;
		ch->v = igraph_vector_int_list_get_ptr(&c->vpaths, i);
		ch->len = igraph_vector_int_size(ev);
		ch->trust = 1;
		ch->weight = 0;
		ch->l = l;
		for (j = 0; j < ch->len; j++) {
			ch->trust *= trust[VECTOR(*ev)[j]];
			ch->weight += VECTOR(g->collab_w)[VECTOR(*ev)[j]];
		}
		c->n++;
	}
	qsort(c->ch, c->n, sizeof(*c->ch), chain_cmp);
	if (c->n > k)
		c->n = k;
	return CM_OK;
}

/* A chain as text: org names joined by arrows (ids joined by " > " when
 * ids is set).  Returns a malloc'd string or NULL. */
static char *chain_text(const struct cm_landscape *l, const struct chain *c, int ids)
{
	size_t need = 1;
	igraph_integer_t j;
	char *s;

	for (j = 0; j <= c->len; j++)
		need += strlen((ids ? cm_landscape_org_id : cm_landscape_org_name)(l, (size_t)VECTOR(*c->v)[j])) + 8;
	if (!(s = malloc(need)))
		return NULL;
	s[0] = '\0';
	for (j = 0; j <= c->len; j++) {
		size_t v = (size_t)VECTOR(*c->v)[j];
		strcat(s, j == 0 ? "" : ids ? " > " : " \xE2\x86\x92 ");
		strcat(s, (ids ? cm_landscape_org_id : cm_landscape_org_name)(l, v));
	}
	return s;
}

/* Sets columns col (ids joined by " > ") and col + 1 (names joined by
 * arrows) of row r to chain c.  Returns 0 or -1 (out of memory). */
static int set_chain(struct cm_table *out, size_t col, size_t r, const struct cm_landscape *l,
		     const struct chain *c)
{
	char *ids = chain_text(l, c, 1), *names = chain_text(l, c, 0);
	int bad = !ids || !names || cm_table_set_text(out, col, r, ids) < 0 ||
		  cm_table_set_text(out, col + 1, r, names) < 0;

	free(ids);
	free(names);
	return bad ? -1 : 0;
}

int cm_path(struct cm_analysis *a, const char *from, const char *to, size_t k, struct cm_table *out,
	    struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	const struct cm_filter *f = &a->f;
	const struct cm_graphs *g = &a->g;
	struct chains c;
	double *trust = NULL;
	size_t s, t, r;
	int rc, have = 0;

	if ((rc = cm_org_lookup(l, from, &s, err)) < 0 || (rc = cm_org_lookup(l, to, &t, err)) < 0)
		return rc;
	if (s == t)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "FROM and TO are the same organization");
	if (k == 0)
		k = 1;
	if ((rc = cm_analysis_graphs(a, err)) < 0)
		return rc;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	trust = malloc(((size_t)igraph_ecount(&g->collab) + 1) * sizeof(*trust));
	if (!trust)
		goto out;
	if (edge_trust(l, f, &g->collab, trust))
		default_trust(&g->collab, trust);
	/* else every edge's trust is unknown (NaN): so is every chain's, and
	 * chains rank by length, then weight */
	if ((rc = best_chains(l, g, trust, s, t, k, &c, err)) < 0)
		goto out;
	have = 1;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	cm_table_release(out);
	cm_table_init(out, c.n);
	if (cm_table_add_column(out, "rank", CM_INT) < 0 || cm_table_add_column(out, "length", CM_INT) < 0 ||
	    cm_table_add_column(out, "trust", CM_REAL) < 0 || cm_table_add_column(out, "weight", CM_REAL) < 0 ||
	    cm_table_add_column(out, "ids", CM_TEXT) < 0 || cm_table_add_column(out, "path", CM_TEXT) < 0)
		goto out;
	for (r = 0; r < c.n; r++) {
		cm_table_set_int(out, 0, r, (long long)r + 1);
		cm_table_set_int(out, 1, r, c.ch[r].len);
		cm_table_set_real(out, 2, r, c.ch[r].trust);
		cm_table_set_real(out, 3, r, c.ch[r].weight);
		if (set_chain(out, 4, r, l, &c.ch[r]) < 0)
			goto out;
	}
	cm_error_clear(err);
	rc = CM_OK;
out:
	if (have)
		chains_free(&c);
	free(trust);
	return rc;
}

/* One breadth-first search from the orgs in[] marks (one, or a coalition
 * taken as one): dist[v] in steps (-1 = unreachable)
 * and, over the shortest chains only, the most trusted one into each org
 * (then the heaviest), as pred (previous org) and best (its trust).  Orgs
 * at one distance are final before the next distance starts, so one pass
 * settles the maximum.  O(n + m). */
static int best_tree(const struct cm_graphs *g, const double *trust, const unsigned char *in, igraph_integer_t *dist,
		     igraph_integer_t *pred, double *best, struct cm_error *err)
{
	igraph_integer_t n = igraph_vcount(&g->collab), head = 0, tail = 0, *queue, v, i;
	double *wsum;
	igraph_vector_int_t inc;
	igraph_error_t e = IGRAPH_SUCCESS;

	queue = malloc(((size_t)n + 1) * sizeof(*queue));
	wsum = malloc(((size_t)n + 1) * sizeof(*wsum));
	if (!queue || !wsum) {
		free(queue);
		free(wsum);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	/* one vertex's edges at a time (igraph_incident, the order
	 * igraph_inclist_init keeps): igraph 0.10's inclist_init crashed when
	 * an allocation inside it failed (tests/fault/run.sh) */
	if ((e = igraph_vector_int_init(&inc, 0))) {
		free(queue);
		free(wsum);
		return cm_ig_fail(e, err, "adjacency");
	}
	for (v = 0; v < n; v++) {
		dist[v] = pred[v] = -1;
		best[v] = wsum[v] = 0;
		if (in[v]) { /* a source */
			dist[v] = 0;
			best[v] = 1;
			queue[tail++] = v;
		}
	}
	while (head < tail && !e) {
		v = queue[head++];
		if ((e = igraph_incident(&g->collab, &inc, v, IGRAPH_ALL)))
			break;
		for (i = 0; i < igraph_vector_int_size(&inc); i++) {
			igraph_integer_t ed = VECTOR(inc)[i], w = IGRAPH_OTHER(&g->collab, ed, v);
			double t = best[v] * trust[ed], wt = wsum[v] + VECTOR(g->collab_w)[ed];
			if (dist[w] < 0) {
				dist[w] = dist[v] + 1;
				queue[tail++] = w;
			} else if (dist[w] != dist[v] + 1) {
				continue;
			} else if (fabs(t - best[w]) > 1e-12 * fmax(t, best[w])) {
				if (t < best[w])
					continue;
			} else if (!(wt > wsum[w] * (1 + 1e-12))) {
				continue;
			}
			pred[w] = v;
			best[w] = t;
			wsum[w] = wt;
		}
	}
	igraph_vector_int_destroy(&inc);
	free(queue);
	free(wsum);
	return e ? cm_ig_fail(e, err, "adjacency") : CM_OK;
}

struct target_row {
	size_t org;
	igraph_integer_t len; /* -1 when unreachable */
	double trust;
};

static int target_cmp(const void *a, const void *b, void *ctx)
{
	const struct target_row *x = a, *y = b;
	const struct cm_landscape *l = ctx;

	if ((x->len < 0) != (y->len < 0))
		return x->len < 0 ? 1 : -1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (fabs(x->trust - y->trust) > 1e-12 * fmax(x->trust, y->trust))
		return x->trust > y->trust ? -1 : 1;
	return strcmp(cm_landscape_org_id(l, x->org), cm_landscape_org_id(l, y->org));
}

int cm_routes(struct cm_analysis *a, const char *from, const struct cm_strlist *targets, size_t top,
	      struct cm_table *out, struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	const struct cm_filter *f = &a->f;
	const struct cm_graphs *g = &a->g;
	struct target_row *row = NULL;
	unsigned char *target = NULL;
	igraph_integer_t *dist = NULL, *pred = NULL, *chain = NULL;
	double *trust = NULL, *best = NULL;
	size_t s, i, n = 0, r, known;
	int rc;

	if ((rc = cm_org_lookup(l, from, &s, err)) < 0)
		return rc;
	if ((rc = cm_analysis_graphs(a, err)) < 0)
		return rc;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	target = calloc(l->norgs + 1, 1);
	trust = malloc(((size_t)igraph_ecount(&g->collab) + 1) * sizeof(*trust));
	row = calloc(l->norgs + 1, sizeof(*row));
	dist = malloc((l->norgs + 1) * sizeof(*dist));
	pred = malloc((l->norgs + 1) * sizeof(*pred));
	chain = malloc((l->norgs + 1) * sizeof(*chain));
	best = malloc((l->norgs + 1) * sizeof(*best));
	if (!target || !trust || !row || !dist || !pred || !chain || !best)
		goto out;
	/* as in cm_path: with no trust anywhere, every edge counts the same and
	 * chains' trust is left unknown (empty) */
	known = edge_trust(l, f, &g->collab, trust);
	default_trust(&g->collab, trust);
	target[s] = 1; /* the source, for best_tree; cleared before the targets */
	rc = best_tree(g, trust, target, dist, pred, best, err);
	target[s] = 0;
	if (rc < 0)
		goto out;
	cm_mark_targets(l, targets, target);
	for (i = 0; i < l->norgs; i++)
		if (target[i] && i != (size_t)s) {
			row[n].org = i;
			row[n].len = dist[i];
			row[n].trust = best[i];
			n++;
		}
	qsort_r(row, n, sizeof(*row), target_cmp, (void *)l);
	if (top && n > top)
		n = top;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	cm_table_release(out);
	cm_table_init(out, n);
	if (cm_table_add_column(out, "id", CM_TEXT) < 0 || cm_table_add_column(out, "name", CM_TEXT) < 0 ||
	    cm_table_add_column(out, "type", CM_TEXT) < 0 || cm_table_add_column(out, "length", CM_INT) < 0 ||
	    cm_table_add_column(out, "trust", CM_REAL) < 0 || cm_table_add_column(out, "ids", CM_TEXT) < 0 ||
	    cm_table_add_column(out, "path", CM_TEXT) < 0)
		goto out;
	for (r = 0; r < n; r++) {
		const struct target_row *w = &row[r];
		igraph_vector_int_t vv;
		struct chain ch;
		igraph_integer_t len = 0, v;
		if (cm_table_set_text(out, 0, r, cm_landscape_org_id(l, w->org)) < 0 ||
		    cm_table_set_text(out, 1, r, cm_landscape_org_name(l, w->org)) < 0 ||
		    cm_table_set_text(out, 2, r, cm_landscape_org_type(l, w->org)) < 0)
			goto out;
		if (w->len < 0)
			continue; /* unreachable: length, trust and path stay empty */
		for (v = (igraph_integer_t)w->org; v >= 0; v = pred[v])
			chain[w->len - len++] = v;
		igraph_vector_int_view(&vv, chain, len);
		ch.v = &vv;
		ch.len = w->len;
		cm_table_set_int(out, 3, r, w->len);
		if (known)
			cm_table_set_real(out, 4, r, w->trust);
		if (set_chain(out, 5, r, l, &ch) < 0)
			goto out;
	}
	cm_error_clear(err);
	rc = CM_OK;
out:
	free(row);
	free(target);
	free(trust);
	free(dist);
	free(pred);
	free(chain);
	free(best);
	return rc;
}

int cm_intro_tree(struct cm_analysis *a, const unsigned char *in, igraph_integer_t *dist, igraph_integer_t *pred,
		  double *best, int *trust_known, struct cm_error *err)
{
	const struct cm_graphs *g = &a->g;
	double *trust;
	int rc;

	if ((rc = cm_analysis_graphs(a, err)) < 0)
		return rc;
	if (!(trust = malloc(((size_t)igraph_ecount(&g->collab) + 1) * sizeof(*trust))))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	*trust_known = edge_trust(a->l, &a->f, &g->collab, trust) > 0;
	default_trust(&g->collab, trust);
	rc = best_tree(g, trust, in, dist, pred, best, err);
	free(trust);
	return rc;
}

void cm_chain_names(const struct cm_landscape *l, const igraph_integer_t *pred, igraph_integer_t len, size_t v,
		    char *buf, size_t n)
{
	igraph_integer_t u, k;
	size_t at = strlen(buf);

	/* the chain backwards from v, each name put in front */
	for (u = (igraph_integer_t)v, k = 0; u >= 0 && k <= len; u = pred[u], k++) {
		const char *name = cm_landscape_org_name(l, (size_t)u);
		size_t add = strlen(name) + (k ? 5 : 0), tail = strlen(buf + at);
		if (at + tail + add + 1 > n)
			break;
		memmove(buf + at + add, buf + at, tail + 1);
		memcpy(buf + at, name, strlen(name));
		if (k)
			memcpy(buf + at + strlen(name), " \xE2\x86\x92 ", 5);
	}
}
