/* graph.c - unit tests of cm_graphs_build (engine/igraph_bridge.c), which
 * fills igraph's edge indexes itself: on random landscapes (parallel,
 * reversed and self ties, directed, mutual and conflict types, filters),
 * the graphs must equal, vector by vector, the ones igraph_create makes
 * from the merged edge list, and the weights must be summed in file
 * order. */
#include "config.h"

#include <stdlib.h>

#include "graph.h"
#include "test.h"

static const char *const types[] = { "partnership", "funding", "conflict", "access", "coalition" };

struct ref_arc {
	igraph_integer_t a, b;
	size_t seq; /* file order */
	double w;
};

static int ref_cmp(const void *x, const void *y)
{
	const struct ref_arc *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* The graph as igraph_create makes it from the sorted, merged arcs. */
static void reference(const struct cm_landscape *l, const struct cm_filter *f, int directed,
		      igraph_t *g, igraph_vector_t *w)
{
	struct ref_arc *arcs = calloc(2 * l->nties + 1, sizeof(*arcs));
	igraph_vector_int_t edges;
	size_t n = 0, k = 0, i;

	if (!arcs)
		exit(2);
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		if (!cm_filter_keeps(l, f, t) || cm_tie_type_is_conflict(l->tie_types[t->type]))
			continue;
		if (!directed) {
			arcs[n].a = t->src < t->dst ? t->src : t->dst;
			arcs[n].b = t->src < t->dst ? t->dst : t->src;
		} else {
			arcs[n].a = t->src;
			arcs[n].b = t->dst;
		}
		arcs[n].seq = n;
		arcs[n].w = t->weight;
		n++;
		if (directed && !t->directed) {
			arcs[n].a = t->dst;
			arcs[n].b = t->src;
			arcs[n].seq = n;
			arcs[n].w = t->weight;
			n++;
		}
	}
	qsort(arcs, n, sizeof(*arcs), ref_cmp);
	for (i = 0; i < n; i++) {
		if (k && arcs[k - 1].a == arcs[i].a && arcs[k - 1].b == arcs[i].b)
			arcs[k - 1].w += arcs[i].w;
		else
			arcs[k++] = arcs[i];
	}
	if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * k)) || igraph_vector_init(w, (igraph_integer_t)k))
		exit(2);
	for (i = 0; i < k; i++) {
		VECTOR(edges)[2 * i] = arcs[i].a;
		VECTOR(edges)[2 * i + 1] = arcs[i].b;
		VECTOR(*w)[i] = arcs[i].w;
	}
	if (igraph_create(g, &edges, (igraph_integer_t)l->norgs, directed))
		exit(2);
	igraph_vector_int_destroy(&edges);
	free(arcs);
}

static int same_ints(const igraph_vector_int_t *a, const igraph_vector_int_t *b)
{
	return igraph_vector_int_size(a) == igraph_vector_int_size(b) &&
	       igraph_vector_int_all_e(a, b);
}

static void compare(const igraph_t *g, const igraph_vector_t *w, const igraph_t *r,
		    const igraph_vector_t *rw, int seed)
{
	test_check(g->n == r->n && g->directed == r->directed, __FILE__, __LINE__, "seed %d: size", seed);
	test_check(same_ints(&g->from, &r->from) && same_ints(&g->to, &r->to), __FILE__, __LINE__,
		   "seed %d: edge list", seed);
	test_check(same_ints(&g->oi, &r->oi) && same_ints(&g->ii, &r->ii), __FILE__, __LINE__,
		   "seed %d: edge order", seed);
	test_check(same_ints(&g->os, &r->os) && same_ints(&g->is, &r->is), __FILE__, __LINE__,
		   "seed %d: vertex starts", seed);
	/* exact: the same additions in the same order */
	test_check(igraph_vector_size(w) == igraph_vector_size(rw) && igraph_vector_all_e(w, rw),
		   __FILE__, __LINE__, "seed %d: weights", seed);
}

/* One random landscape: norgs orgs, nties ties among few pairs, so that
 * many ties are parallel or reversed. */
static void random_case(int seed, size_t norgs, size_t nties, const struct cm_filter *f)
{
	char dir[4096], *orgs, *ties;
	size_t ol = 0, tl = 0, i;
	struct cm_landscape *l = NULL;
	struct cm_graphs g;
	struct cm_error err;
	igraph_t rc, rt;
	igraph_vector_t rcw, rtw;

	srand((unsigned)seed);
	orgs = malloc(16 + norgs * 16);
	ties = malloc(64 + nties * 80);
	if (!orgs || !ties)
		exit(2);
	ol += (size_t)sprintf(orgs + ol, "id\n");
	for (i = 0; i < norgs; i++)
		ol += (size_t)sprintf(orgs + ol, "o%zu\n", i);
	tl += (size_t)sprintf(ties + tl, "source,target,type,weight,directed,start\n");
	for (i = 0; i < nties; i++) {
		size_t a = (size_t)rand() % norgs, b = (size_t)rand() % norgs;
		if (a == b)
			b = (b + 1) % norgs;
		tl += (size_t)sprintf(ties + tl, "o%zu,o%zu,%s,%d.%d,%s,%d\n", a, b, types[rand() % 5],
				      1 + rand() % 3, rand() % 10, rand() % 4 ? "" : rand() % 2 ? "true" : "false",
				      2000 + rand() % 20);
	}
	test_landscape(dir, sizeof(dir), orgs, ol, ties, tl);
	if (cm_landscape_load(&l, dir, NULL, NULL, &err) < 0) {
		fprintf(stderr, "load failed: %s:%ld: %s\n", err.file, err.line, err.message);
		exit(2);
	}
	test_rmdir(dir);
	CHECK_EQ_INT(cm_graphs_build(l, f, &g, &err), CM_OK);
	reference(l, f, 0, &rc, &rcw);
	reference(l, f, 1, &rt, &rtw);
	compare(&g.collab, &g.collab_w, &rc, &rcw, seed);
	compare(&g.tie, &g.tie_w, &rt, &rtw, seed);
	/* igraph's own view agrees too: simple graphs, the same degrees */
	{
		igraph_bool_t simple = 0;
		igraph_is_simple(&g.collab, &simple);
		CHECK(simple);
		igraph_is_simple(&g.tie, &simple);
		CHECK(simple);
	}
	igraph_destroy(&rc);
	igraph_destroy(&rt);
	igraph_vector_destroy(&rcw);
	igraph_vector_destroy(&rtw);
	cm_graphs_release(&g);
	cm_landscape_free(l);
	free(orgs);
	free(ties);
}

int main(void)
{
	static const char *const only[] = { "funding", "partnership" };
	struct cm_filter at = { 0 }, some = { 0 };
	int seed;

	cm_init();
	at.has_at = 1;
	at.at = 365 * 40; /* 2009-07-24: keeps the ties that started by 2009 */
	some.types = only;
	some.ntypes = 2;
	for (seed = 1; seed <= 40; seed++)
		random_case(seed, 1 + (size_t)seed % 23, (size_t)seed * 7, NULL);
	/* a hub with a bucket larger than the insertion-sort cut-off */
	random_case(41, 3, 400, NULL);
	random_case(42, 2000, 20000, NULL);
	random_case(43, 50, 600, &at);
	random_case(44, 50, 600, &some);
	random_case(45, 1, 0, NULL);
	return test_done();
}
