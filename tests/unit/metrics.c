/* metrics.c - unit tests of cm_metrics (engine/metrics.c) on
 * graphs small enough to work out by hand.  Every expected value below is
 * derived in the comment above it from the definitions in SPEC.md
 * "Metrics" (the NetworkX functions named there). */
#include "config.h"

#include "coalmap.h"
#include "test.h"

/* Loads a landscape from two strings and computes its metrics into t
 * (initialised here; the caller releases it). */
static int compute(const char *orgs, const char *ties, const struct cm_filter *f,
		   struct cm_table *t)
{
	char dir[4096];
	struct cm_landscape *l = NULL;
	struct cm_error err;
	int rc;

	cm_table_init(t, 0);
	test_landscape(dir, sizeof(dir), orgs, strlen(orgs), ties, strlen(ties));
	rc = cm_landscape_load(&l, dir, NULL, NULL, &err);
	test_rmdir(dir);
	if (rc < 0) {
		fprintf(stderr, "load failed: %s:%ld: %s\n", err.file, err.line, err.message);
		return rc;
	}
	{
		struct cm_analysis *a;
		if ((rc = cm_analysis_new(&a, l, f, &err)) == CM_OK)
			rc = cm_metrics(a, t, &err);
		cm_analysis_free(a);
	}
	if (rc < 0)
		fprintf(stderr, "metrics failed: %s\n", err.message);
	else
		test_check((size_t)t->nrows == cm_landscape_norgs(l), __FILE__, __LINE__,
			   "one row per org (%zu rows, %zu orgs)", t->nrows, cm_landscape_norgs(l));
	cm_landscape_free(l);
	return rc;
}

static long row_of(const struct cm_table *t, const char *id)
{
	int c = cm_table_find(t, "id");
	size_t i;

	if (c < 0)
		return -1;
	for (i = 0; i < t->nrows; i++)
		if (!t->cols[c].null[i] && strcmp(t->cols[c].text[i], id) == 0)
			return (long)i;
	return -1;
}

/* The cell as a number; NaN when empty; -1 in *state when missing. */
static double cell(const struct cm_table *t, const char *id, const char *col, int *state)
{
	long r = row_of(t, id);
	int c = cm_table_find(t, col);
	const struct cm_column *k;

	*state = 0;
	if (r < 0 || c < 0) {
		*state = -1;
		return NAN;
	}
	k = &t->cols[c];
	if (k->null[r]) {
		*state = 1;
		return NAN;
	}
	return k->kind == CM_INT ? (double)k->ints[r] : k->kind == CM_REAL ? k->reals[r] : NAN;
}

/* Relative tolerance 1e-6 (SPEC.md "Metrics"), absolute below 1. */
static void check_metric(const struct cm_table *t, const char *id, const char *col, double want,
			 const char *file, int line)
{
	int st;
	double v = cell(t, id, col, &st);

	test_check(st == 0 && fabs(v - want) <= 1e-6 * fmax(1.0, fabs(want)), file, line,
		   "%s of '%s' = %.10g%s, want %.10g", col, id, v,
		   st < 0 ? " (missing)" : st > 0 ? " (empty)" : "", want);
}

static void check_empty(const struct cm_table *t, const char *id, const char *col,
			const char *file, int line)
{
	int st;
	double v = cell(t, id, col, &st);

	test_check(st == 1, file, line, "%s of '%s' = %.10g%s, want empty", col, id, v,
		   st < 0 ? " (missing)" : "");
}

#define M(t, id, col, want) check_metric(t, id, col, want, __FILE__, __LINE__)
#define EMPTY(t, id, col) check_empty(t, id, col, __FILE__, __LINE__)

/* One expected cell of an org's row: the number v, or empty when v is NaN. */
struct want {
	const char *col;
	double v;
};

/* M or EMPTY for each of the n cells in w, in order. */
static void check_row(const struct cm_table *t, const char *id, const struct want *w, size_t n,
		      const char *file, int line)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (isnan(w[i].v))
			check_empty(t, id, w[i].col, file, line);
		else
			check_metric(t, id, w[i].col, w[i].v, file, line);
	}
}

#define ROW(t, id, w) check_row(t, id, w, sizeof(w) / sizeof(*(w)), __FILE__, __LINE__)

/* M for one column of several orgs: ids are names separated by single
 * spaces, want[i] the value of the i-th. */
static void check_column(const struct cm_table *t, const char *col, const char *ids, const double *want,
			 size_t n, const char *file, int line)
{
	char id[64];
	size_t i, len;

	for (i = 0; *ids; i++, ids += len + (ids[len] == ' ')) {
		len = strcspn(ids, " ");
		if (i >= n || len >= sizeof(id))
			break;
		memcpy(id, ids, len);
		id[len] = '\0';
		check_metric(t, id, col, want[i], file, line);
	}
	if (*ids || i != n) { /* a mistake in the test itself */
		fprintf(stderr, "%s:%d: COL: the ids and values of %s do not pair up\n", file, line, col);
		abort();
	}
}

#define COL(t, col, ids, ...) \
	check_column(t, col, ids, (const double[]){ __VA_ARGS__ }, \
		     sizeof((const double[]){ __VA_ARGS__ }) / sizeof(double), __FILE__, __LINE__)

static void test_columns(void)
{
	static const char *const cols[] = {
		"id", "name", "type", "degree", "strength", "in_degree", "out_degree",
		"betweenness", "betweenness_norm", "harmonic", "eigenvector", "pagerank",
		"constraint", "effective_size", "clustering", "coreness", "reach2",
		"community", "articulation",
	};
	struct cm_table t;
	size_t i;
	long r;

	CHECK_EQ_INT(compute("id,name,type\nx,Ex,ngo\ny,,donor\n", "source,target\nx,y\n", NULL, &t), CM_OK);
	for (i = 0; i < sizeof(cols) / sizeof(*cols); i++)
		test_check(cm_table_find(&t, cols[i]) >= 0, __FILE__, __LINE__, "column '%s'", cols[i]);
	r = row_of(&t, "y");
	CHECK(r >= 0);
	if (r >= 0 && cm_table_find(&t, "name") >= 0 && cm_table_find(&t, "type") >= 0) {
		CHECK_STR(t.cols[cm_table_find(&t, "name")].text[r], "y"); /* name defaults to id */
		CHECK_STR(t.cols[cm_table_find(&t, "type")].text[r], "donor");
	}
	cm_table_release(&t);
}

/* Star: hub h with leaves a, b, c, d (n = 5). */
static void test_star(void)
{
	static const char *const leaves[] = { "a", "b", "c", "d" };
	/* each metric of the hub, and of every leaf */
	static const struct {
		const char *col;
		double hub, leaf;
	} want[] = {
		/* degree and strength: hub 4 neighbours of weight 1 */
		{ "degree", 4, 1 },
		{ "strength", 4, 1 },
		{ "in_degree", 4, 1 },
		{ "out_degree", 4, 1 },
		/* betweenness: each of the C(4,2) = 6 leaf pairs has its one shortest
		 * path through h; normalised by (n-1)(n-2)/2 = 6 */
		{ "betweenness", 6, 0 },
		{ "betweenness_norm", 1, 0 },
		/* harmonic: h sees 4 orgs at distance 1; a leaf
		 * 1 (hub) + 3 * 1/2 (other leaves) */
		{ "harmonic", 4, 2.5 },
		/* eigenvector: A x = 2 x with x_h = 2 x_leaf (lambda = sqrt(4) = 2);
		 * scaled to max 1: hub 1, leaves 0.5 */
		{ "eigenvector", 1, 0.5 },
		/* pagerank, mutual ties both ways: p_h = 0.15/5 + 0.85 * 4 p_l,
		 * p_l = 0.03 + 0.85 p_h / 4 -> 0.2775 p_h = 0.132, p_h = 0.47567568,
		 * p_l = (1 - p_h) / 4 = 0.13108108 */
		{ "pagerank", 0.132 / 0.2775, (1 - 0.132 / 0.2775) / 4 },
		/* constraint: p_hv = 1/4 for each leaf, no leaf-to-leaf ties:
		 * 4 * (1/4)^2 = 0.25; a leaf's one contact: p = 1 -> 1 */
		{ "constraint", 0.25, 1 },
		/* effective size: n - 2t/n = 4 - 0 */
		{ "effective_size", 4, 1 },
		{ "clustering", 0, 0 },
		{ "coreness", 1, 1 },
		/* a leaf: hub and the 3 other leaves */
		{ "reach2", 4, 4 },
		{ "articulation", 1, 0 },
	};
	struct cm_table t;
	size_t i, j;

	CHECK_EQ_INT(compute("id\nh\na\nb\nc\nd\n", "source,target\nh,a\nh,b\nh,c\nh,d\n", NULL, &t), CM_OK);
	for (i = 0; i < sizeof(want) / sizeof(*want); i++) {
		M(&t, "h", want[i].col, want[i].hub);
		for (j = 0; j < 4; j++)
			M(&t, leaves[j], want[i].col, want[i].leaf);
	}
	cm_table_release(&t);
}

/* Any org without a tie: on no path, with no contacts for constraint and
 * effective size to be defined. */
static const struct want isolated[] = {
	{ "degree", 0 },
	{ "betweenness", 0 },
	{ "betweenness_norm", 0 },
	{ "harmonic", 0 },
	{ "clustering", 0 },
	{ "coreness", 0 },
	{ "reach2", 0 },
	{ "articulation", 0 },
	{ "constraint", NAN },
	{ "effective_size", NAN },
};

/* Triangle a, b, c and an isolate z (n = 4). */
static void test_triangle_isolate(void)
{
	static const char *const tri[] = { "a", "b", "c" };
	static const struct want corner[] = {
		{ "degree", 2 },
		{ "betweenness", 0 },
		{ "betweenness_norm", 0 },
		{ "harmonic", 2 },
		{ "eigenvector", 1 },
		/* z is dangling, its rank spread evenly: p_z = 0.15/4 + 0.85 p_z / 4
		 * -> p_z = 0.0375 / 0.7875 = 1/21; the triangle shares the rest */
		{ "pagerank", (1 - 1.0 / 21) / 3 },
		/* p = 1/2 to each contact, who is tied to the other:
		 * 2 * (1/2 + 1/2 * 1/2)^2 = 2 * 9/16 = 1.125 */
		{ "constraint", 1.125 },
		/* 2 - 2 * 1 / 2 */
		{ "effective_size", 1 },
		{ "clustering", 1 },
		{ "coreness", 2 },
		{ "reach2", 2 },
		{ "articulation", 0 },
	};
	struct cm_table t;
	size_t i;

	CHECK_EQ_INT(compute("id\na\nb\nc\nz\n", "source,target\na,b\nb,c\nc,a\n", NULL, &t), CM_OK);
	for (i = 0; i < 3; i++)
		ROW(&t, tri[i], corner);
	ROW(&t, "z", isolated);
	M(&t, "z", "strength", 0);
	M(&t, "z", "in_degree", 0);
	M(&t, "z", "out_degree", 0);
	M(&t, "z", "eigenvector", 0);
	M(&t, "z", "pagerank", 1.0 / 21);
	/* the isolate is in a community of its own */
	{
		int s;
		double ca = cell(&t, "a", "community", &s), cz = cell(&t, "z", "community", &s);
		CHECK(ca == cell(&t, "b", "community", &s) && ca == cell(&t, "c", "community", &s));
		CHECK(ca != cz);
	}
	cm_table_release(&t);
}

/* Path a -1- b -2- c -3- d (weights on the ties). */
static void test_path_weighted(void)
{
	static const char orgs[] = "id\na\nb\nc\nd\n";
	static const char ties[] = "source,target,weight\na,b,1\nb,c,2\nc,d,3\n";
	struct cm_filter f = { 0 };
	struct cm_table t;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		f.weighted = pass;
		CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
		COL(&t, "degree", "a b", 1, 2);
		COL(&t, "strength", "a b c d", 1, 3, 5, 3);
		/* shortest paths are unique in a path either way: b lies on a-c and
		 * a-d, c on a-d and b-d; n = 4 normalises by 3 */
		COL(&t, "betweenness", "a b c d", 0, 2, 2, 0);
		M(&t, "b", "betweenness_norm", 2.0 / 3);
		if (pass) {
			/* distances 1/w: a-b 1, b-c 1/2, c-d 1/3
			 * a: 1/1 + 1/(3/2) + 1/(11/6) = 1 + 2/3 + 6/11 = 73/33
			 * b: 1/1 + 1/(1/2) + 1/(5/6) = 1 + 2 + 6/5 = 4.2
			 * c: 1/(3/2) + 1/(1/2) + 1/(1/3) = 2/3 + 2 + 3 = 17/3
			 * d: 1/(1/3) + 1/(5/6) + 1/(11/6) = 3 + 6/5 + 6/11 */
			COL(&t, "harmonic", "a b c d", 73.0 / 33, 4.2, 17.0 / 3, 3 + 1.2 + 6.0 / 11);
		} else {
			/* a: 1 + 1/2 + 1/3; b: 1 + 1 + 1/2 */
			COL(&t, "harmonic", "a b c d", 11.0 / 6, 2.5, 2.5, 11.0 / 6);
		}
		/* eigenvector is unweighted: the path P4 has lambda = golden ratio
		 * phi and x = (1, phi, phi, 1); scaled: ends 1/phi = 0.618034 */
		COL(&t, "eigenvector", "a b c d", 2 / (1 + sqrt(5)), 1, 1, 2 / (1 + sqrt(5)));
		/* constraint is always weighted:
		 * a, d: one contact -> 1
		 * b: p_ba = 1/3, p_bc = 2/3, a and c not tied: 1/9 + 4/9 = 5/9
		 * c: p_cb = 2/5, p_cd = 3/5: 4/25 + 9/25 = 0.52 */
		COL(&t, "constraint", "a b c d", 1, 5.0 / 9, 0.52, 1);
		/* effective size is unweighted: no ties among contacts */
		COL(&t, "effective_size", "b d", 2, 1);
		M(&t, "b", "clustering", 0);
		M(&t, "b", "coreness", 1);
		COL(&t, "reach2", "a b c d", 2, 3, 3, 2);
		COL(&t, "articulation", "a b c d", 0, 1, 1, 0);
		cm_table_release(&t);
	}
}

/* Triangle with a weak tie a-c (weight 0.1, distance 10): weighted
 * shortest paths go round through b. */
static void test_triangle_weighted(void)
{
	static const char orgs[] = "id\na\nb\nc\n";
	static const char ties[] = "source,target,weight\na,b,1\nb,c,1\na,c,0.1\n";
	struct cm_filter f = { 0 };
	struct cm_table t;

	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	M(&t, "b", "betweenness", 0);
	M(&t, "a", "harmonic", 2);
	cm_table_release(&t);

	f.weighted = 1;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	/* a-c: direct 10, through b 2: b carries the pair; n = 3 normalises by 1 */
	M(&t, "b", "betweenness", 1);
	M(&t, "b", "betweenness_norm", 1);
	M(&t, "a", "betweenness", 0);
	/* a: 1/1 + 1/2; b: 1 + 1 */
	COL(&t, "harmonic", "a b c", 1.5, 2, 1.5);
	/* constraint, s_a = 1.1, s_b = 2, s_c = 1.1:
	 * a: (p_ab + p_ac p_cb)^2 + (p_ac + p_ab p_bc)^2
	 *    = (10/11 + 1/11 * 10/11)^2 + (1/11 + 10/11 * 1/2)^2
	 *    = (120/121)^2 + (6/11)^2 = 18756/14641
	 * b: 2 * (1/2 + 1/2 * 1/11)^2 = 2 * (6/11)^2 = 72/121 */
	COL(&t, "constraint", "a b c", 18756.0 / 14641, 72.0 / 121, 18756.0 / 14641);
	M(&t, "a", "strength", 1.1);
	M(&t, "a", "clustering", 1);
	cm_table_release(&t);
}

static void test_pagerank_and_direction(void)
{
	struct cm_table t;

	/* a 2-cycle: by symmetry 0.5 each */
	CHECK_EQ_INT(compute("id\na\nb\n", "source,target\na,b\n", NULL, &t), CM_OK);
	COL(&t, "pagerank", "a b", 0.5, 0.5);
	/* n = 2: normalised betweenness is 0 */
	M(&t, "a", "betweenness_norm", 0);
	cm_table_release(&t);
	CHECK_EQ_INT(compute("id\na\nb\n", "source,target,type,weight\na,b,funding,1\nb,a,funding,5\n", NULL, &t),
		     CM_OK);
	COL(&t, "pagerank", "a b", 0.5, 0.5);
	M(&t, "a", "in_degree", 1);
	M(&t, "a", "out_degree", 1);
	/* collaboration graph: one tie of weight 1 + 5 */
	M(&t, "a", "degree", 1);
	M(&t, "a", "strength", 6);
	cm_table_release(&t);

	/* one funding tie a -> b: directed on the tie graph */
	CHECK_EQ_INT(compute("id\na\nb\n", "source,target,type,amount\na,b,funding,100\n", NULL, &t), CM_OK);
	M(&t, "a", "out_degree", 1);
	COL(&t, "in_degree", "a b", 0, 1);
	M(&t, "b", "out_degree", 0);
	COL(&t, "degree", "a b", 1, 1);
	/* b dangles: p_a = 0.075 + 0.85 p_b / 2 with p_b = 1 - p_a
	 * -> 1.425 p_a = 0.5, p_a = 20/57, p_b = 37/57 */
	COL(&t, "pagerank", "a b", 20.0 / 57, 37.0 / 57);
	cm_table_release(&t);

	/* the directed column turns funding mutual */
	CHECK_EQ_INT(compute("id\na\nb\n", "source,target,type,directed\na,b,funding,false\n", NULL, &t), CM_OK);
	M(&t, "b", "out_degree", 1);
	M(&t, "a", "in_degree", 1);
	M(&t, "a", "pagerank", 0.5);
	cm_table_release(&t);
	/* ... and partnership directed */
	CHECK_EQ_INT(compute("id\na\nb\n", "source,target,directed\nb,a,true\n", NULL, &t), CM_OK);
	M(&t, "b", "out_degree", 1);
	M(&t, "b", "in_degree", 0);
	M(&t, "a", "out_degree", 0);
	M(&t, "a", "pagerank", 37.0 / 57);
	cm_table_release(&t);

	/* weighted PageRank: a -> b (3), a -> c (1), b -> a, c -> a (funding):
	 * p_a = 0.05 + 0.85 (p_b + p_c), p_b = 0.05 + 0.85 * 3/4 p_a,
	 * p_c = 0.05 + 0.85 * 1/4 p_a -> p_a = 0.135 / 0.2775 = 18/37,
	 * p_b = 13.325/37, p_c = 5.675/37 */
	CHECK_EQ_INT(compute("id\na\nb\nc\n",
			     "source,target,type,weight\na,b,funding,3\na,c,funding,1\nb,a,funding,1\nc,a,funding,1\n",
			     NULL, &t), CM_OK);
	COL(&t, "pagerank", "a b c", 18.0 / 37, 13.325 / 37, 5.675 / 37);
	M(&t, "a", "out_degree", 2);
	COL(&t, "in_degree", "a b", 2, 1);
	/* collaboration: a-b 3 + 1 = 4, a-c 1 + 1 = 2 */
	COL(&t, "strength", "a b", 6, 4);
	M(&t, "a", "degree", 2);
	cm_table_release(&t);

	/* parallel ties of several types are merged, weights summed */
	CHECK_EQ_INT(compute("id\na\nb\n",
			     "source,target,type,weight\na,b,partnership,1\na,b,coalition,2\nb,a,funding,1.5\n",
			     NULL, &t), CM_OK);
	M(&t, "a", "degree", 1);
	M(&t, "a", "strength", 4.5);
	M(&t, "a", "in_degree", 1);
	M(&t, "a", "out_degree", 1);
	M(&t, "a", "pagerank", 0.5);
	cm_table_release(&t);

	/* --weighted uses the merged weight: distance 1 / (1 + 1) */
	{
		struct cm_filter f = { 0 };
		f.weighted = 1;
		CHECK_EQ_INT(compute("id\na\nb\n", "source,target,type\na,b,partnership\na,b,coalition\n", &f, &t),
			     CM_OK);
		M(&t, "a", "harmonic", 2);
		M(&t, "a", "strength", 2);
		cm_table_release(&t);
	}
}

static void test_conflict(void)
{
	struct cm_table t;

	/* a-b partnership (2) and conflict (5), b-c conflict only */
	CHECK_EQ_INT(compute("id\na\nb\nc\n",
			     "source,target,type,weight\na,b,partnership,2\na,b,conflict,5\nb,c,conflict,1\n",
			     NULL, &t), CM_OK);
	M(&t, "a", "degree", 1);
	M(&t, "a", "strength", 2);
	M(&t, "b", "degree", 1);
	M(&t, "b", "betweenness", 0);
	M(&t, "c", "degree", 0);
	M(&t, "c", "strength", 0);
	M(&t, "c", "in_degree", 0);
	M(&t, "c", "out_degree", 0);
	M(&t, "c", "harmonic", 0);
	M(&t, "c", "reach2", 0);
	EMPTY(&t, "c", "constraint");
	M(&t, "b", "articulation", 0);
	cm_table_release(&t);
}

static void test_filters(void)
{
	static const char orgs[] = "id\na\nb\nc\nd\n";
	static const char ties[] = "source,target,type,start,end\n"
				   "a,b,partnership,,\n"
				   "b,c,funding,,\n"
				   "c,d,information,2020,2020\n"
				   "a,d,coalition,2022-06-01,\n";
	static const char *const funding[] = { "funding" };
	static const char *const two[] = { "funding", "coalition" };
	static const char *const info[] = { "information" };
	struct cm_filter f = { 0 };
	struct cm_table t;
	int32_t day;

	/* no filter: a cycle a-b-c-d-a */
	CHECK_EQ_INT(compute(orgs, ties, NULL, &t), CM_OK);
	COL(&t, "degree", "a d", 2, 2);
	cm_table_release(&t);

	f.types = funding;
	f.ntypes = 1;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	COL(&t, "degree", "a b c d", 0, 1, 1, 0);
	M(&t, "b", "out_degree", 1);
	COL(&t, "in_degree", "c b", 1, 0);
	cm_table_release(&t);

	f.types = two;
	f.ntypes = 2;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	COL(&t, "degree", "a b c d", 1, 1, 1, 1);
	M(&t, "a", "betweenness", 0);
	cm_table_release(&t);

	/* at: both ends of a period are included; undated ties always exist */
	f.types = NULL;
	f.ntypes = 0;
	f.has_at = 1;
	CHECK_EQ_INT(cm_date_parse("2020-12-31", 0, 0, &day), 0);
	f.at = day;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	M(&t, "a", "degree", 1); /* a-d not yet */
	M(&t, "c", "degree", 2); /* c-d on its last day */
	M(&t, "d", "degree", 1);
	M(&t, "b", "betweenness", 2); /* path a-b-c-d */
	cm_table_release(&t);

	CHECK_EQ_INT(cm_date_parse("2020-01-01", 0, 0, &day), 0);
	f.at = day;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	M(&t, "d", "degree", 1); /* c-d on its first day */
	cm_table_release(&t);

	CHECK_EQ_INT(cm_date_parse("2021-01-01", 0, 0, &day), 0);
	f.at = day;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	COL(&t, "degree", "d a c", 0, 1, 1);
	cm_table_release(&t);

	CHECK_EQ_INT(cm_date_parse("2019-12-31", 0, 0, &day), 0);
	f.at = day;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	M(&t, "d", "degree", 0);
	cm_table_release(&t);

	CHECK_EQ_INT(cm_date_parse("2022-06-01", 0, 0, &day), 0);
	f.at = day;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	COL(&t, "degree", "a d c", 2, 1, 1);
	cm_table_release(&t);

	/* types and at together */
	CHECK_EQ_INT(cm_date_parse("2020-06-15", 0, 0, &day), 0);
	f.at = day;
	f.types = info;
	f.ntypes = 1;
	CHECK_EQ_INT(compute(orgs, ties, &f, &t), CM_OK);
	COL(&t, "degree", "a b c", 0, 0, 1);
	M(&t, "c", "out_degree", 1);
	M(&t, "d", "in_degree", 1);
	cm_table_release(&t);
}

/* Two 4-cliques a1..a4 and b1..b4 joined by the bridge a1-b1. */
static void test_two_cliques(void)
{
	static const char orgs[] = "id\na1\na2\na3\na4\nb1\nb2\nb3\nb4\n";
	static const char ties[] = "source,target\n"
				   "a1,a2\na1,a3\na1,a4\na2,a3\na2,a4\na3,a4\n"
				   "b1,b2\nb1,b3\nb1,b4\nb2,b3\nb2,b4\nb3,b4\n"
				   "a1,b1\n";
	static const char *const as[] = { "a1", "a2", "a3", "a4" };
	static const char *const bs[] = { "b1", "b2", "b3", "b4" };
	struct cm_table t;
	double ca, cb;
	int s;
	size_t i;

	CHECK_EQ_INT(compute(orgs, ties, NULL, &t), CM_OK);
	/* a1 carries every pair {a2,a3,a4} x {b1..b4}: 3 * 4 = 12;
	 * normalised by 7 * 6 / 2 = 21 */
	COL(&t, "betweenness", "a1 b1", 12, 12);
	M(&t, "a1", "betweenness_norm", 12.0 / 21);
	M(&t, "a2", "betweenness", 0);
	/* a1: 3 + 1 (b1) + 3 * 1/2; a2: 3 + 1/2 (b1) + 3 * 1/3 */
	COL(&t, "harmonic", "a1 a2", 5.5, 4.5);
	/* a1: 3 of the 6 pairs among {a2,a3,a4,b1} are tied */
	COL(&t, "clustering", "a1 a2", 0.5, 1);
	COL(&t, "coreness", "a1 a2", 3, 3);
	COL(&t, "articulation", "a1 b1 a2", 1, 1, 0);
	/* effective size: a1 4 - 2*3/4 = 2.5, a2 3 - 2*3/3 = 1 */
	COL(&t, "effective_size", "a1 a2", 2.5, 1);
	/* constraint a1: contacts at 1/4; for a2: 1/4 + 2 * (1/4 * 1/3) = 5/12,
	 * three such; for b1: 1/4 -> 3 * 25/144 + 9/144 = 84/144
	 * a2: contacts at 1/3; for a1: 1/3 + 2 * (1/3 * 1/3) = 5/9;
	 * for a3: 1/3 + 1/3 * 1/4 + 1/3 * 1/3 = 19/36 (same for a4)
	 * -> 25/81 + 2 * 361/1296 = 1122/1296 */
	COL(&t, "constraint", "a1 a2", 84.0 / 144, 1122.0 / 1296);
	COL(&t, "reach2", "a1 a2", 7, 4);
	/* communities: the two cliques */
	ca = cell(&t, "a1", "community", &s);
	cb = cell(&t, "b1", "community", &s);
	CHECK(ca != cb);
	for (i = 0; i < 4; i++) {
		test_check(cell(&t, as[i], "community", &s) == ca, __FILE__, __LINE__, "%s with a1", as[i]);
		test_check(cell(&t, bs[i], "community", &s) == cb, __FILE__, __LINE__, "%s with b1", bs[i]);
	}
	cm_table_release(&t);
}

/* Triangle a,b,c, tie d-e, isolate z: the principal eigenvector lives on
 * the triangle (lambda 2 > 1), so d and e score 0. */
static void test_disconnected(void)
{
	struct cm_table t;

	CHECK_EQ_INT(compute("id\na\nb\nc\nd\ne\nz\n", "source,target\na,b\nb,c\nc,a\nd,e\n", NULL, &t), CM_OK);
	COL(&t, "eigenvector", "a c d e z", 1, 1, 0, 0, 0);
	COL(&t, "coreness", "a d", 2, 1);
	M(&t, "d", "harmonic", 1);
	M(&t, "d", "constraint", 1);
	M(&t, "d", "reach2", 1);
	M(&t, "d", "articulation", 0);
	EMPTY(&t, "z", "constraint");
	cm_table_release(&t);
}

/* Every metric defined (a number, or empty where SPEC says so). */
static void check_all_defined(const struct cm_table *t, const char *id)
{
	static const char *const cols[] = {
		"degree", "strength", "in_degree", "out_degree", "betweenness",
		"betweenness_norm", "harmonic", "pagerank", "clustering",
		"coreness", "reach2", "community", "articulation",
	};
	size_t i;
	int s;

	for (i = 0; i < sizeof(cols) / sizeof(*cols); i++) {
		double v = cell(t, id, cols[i], &s);
		test_check(s == 0 && isfinite(v), __FILE__, __LINE__, "%s of '%s' defined (state %d)",
			   cols[i], id, s);
	}
}

static void test_edgeless_and_single(void)
{
	static const char *const ids[] = { "a", "b", "c" };
	struct cm_table t;
	size_t i;
	int s;

	CHECK_EQ_INT(compute("id\na\nb\nc\n", "source,target\n", NULL, &t), CM_OK);
	CHECK_EQ_INT(t.nrows, 3);
	for (i = 0; i < 3; i++) {
		double e;
		check_all_defined(&t, ids[i]);
		ROW(&t, ids[i], isolated);
		M(&t, ids[i], "pagerank", 1.0 / 3);
		e = cell(&t, ids[i], "eigenvector", &s);
		CHECK(s == 1 || (s == 0 && e == 0));
	}
	cm_table_release(&t);

	/* relationships with only conflict ties: edgeless too */
	CHECK_EQ_INT(compute("id\na\nb\n", "source,target,type\na,b,conflict\n", NULL, &t), CM_OK);
	check_all_defined(&t, "a");
	M(&t, "a", "degree", 0);
	M(&t, "a", "pagerank", 0.5);
	cm_table_release(&t);

	CHECK_EQ_INT(compute("id,name\nsolo,Solo\n", "source,target\n", NULL, &t), CM_OK);
	CHECK_EQ_INT(t.nrows, 1);
	check_all_defined(&t, "solo");
	M(&t, "solo", "degree", 0);
	M(&t, "solo", "pagerank", 1);
	M(&t, "solo", "betweenness_norm", 0);
	M(&t, "solo", "harmonic", 0);
	EMPTY(&t, "solo", "constraint");
	cm_table_release(&t);

	/* a filter that keeps nothing */
	{
		static const char *const none[] = { "nosuchtype" };
		struct cm_filter f = { .types = none, .ntypes = 1, .weighted = 1 };
		CHECK_EQ_INT(compute("id\na\nb\n", "source,target\na,b\n", &f, &t), CM_OK);
		check_all_defined(&t, "b");
		M(&t, "b", "degree", 0);
		cm_table_release(&t);
	}
}

int main(void)
{
	cm_init();
	test_columns();
	test_star();
	test_triangle_isolate();
	test_path_weighted();
	test_triangle_weighted();
	test_pagerank_and_direction();
	test_conflict();
	test_filters();
	test_two_cliques();
	test_disconnected();
	test_edgeless_and_single();
	return test_done();
}
