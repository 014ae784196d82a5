/* analysis.c - unit tests of the analysis context (engine/analysis.c) and
 * the metric registry (engine/metric.c): every measure is declared once
 * and whole, every kernel runs at most once per context however many
 * analyses ask, and a context gives what a fresh one gives. */
#include "config.h"

#include "analysis.h"
#include "test.h"

/* A small landscape with every tie type, funding, access and a conflict. */
static const char orgs_csv[] =
	"id,name,type,region,issues,skills,budget,influence,stance\n"
	"a,Alpha,ngo,north,health;education,research,100,3,support\n"
	"b,Beta,network,north,education,media,200,2,support\n"
	"c,Gamma,donor,south,health,funding,900,4,neutral\n"
	"d,Delta,government,south,education,,,5,oppose\n"
	"e,Epsilon,grassroots,east,health,organizing,50,1,support\n"
	"f,Phi,media,east,,media,70,2,\n";
static const char ties_csv[] =
	"source,target,type,weight,amount\n"
	"a,b,partnership,2,\n"
	"b,c,coalition,1,\n"
	"c,a,funding,1,5000\n"
	"c,e,funding,1,2000\n"
	"b,d,access,1,\n"
	"e,f,information,1,\n"
	"a,e,partnership,1,\n"
	"f,d,conflict,1,\n";

static struct cm_landscape *load(void)
{
	char dir[4096];
	struct cm_landscape *l = NULL;
	struct cm_error err;

	test_landscape(dir, sizeof(dir), orgs_csv, sizeof(orgs_csv) - 1, ties_csv, sizeof(ties_csv) - 1);
	if (cm_landscape_load(&l, dir, NULL, NULL, &err) < 0)
		fprintf(stderr, "load failed: %s\n", err.message);
	test_rmdir(dir);
	return l;
}

static void test_registry(void)
{
	int m, k;

	for (m = 0; m < CM_METRIC_N; m++) {
		const struct cm_metric_info *mi = cm_metric_info(m);
		CHECK(mi && mi->name && *mi->name);
		CHECK(mi->label && *mi->label && mi->short_label && *mi->short_label);
		CHECK(mi->definition && *mi->definition);
		CHECK(mi->unit && mi->reference);
		CHECK(mi->direction >= -1 && mi->direction <= 1);
		CHECK_EQ_INT(cm_metric_find(mi->name), m);
		for (k = 0; k < m; k++)
			test_check(strcmp(cm_metric_info(k)->name, mi->name) != 0, __FILE__, __LINE__,
				   "metric name '%s' declared twice", mi->name);
		/* every measure (not a label or a grouped count) has a kernel */
		if (!(mi->flags & (CM_MF_LABEL | CM_MF_GROUPED)))
			test_check(cm_metric_kernel(m) != 0, __FILE__, __LINE__, "'%s' has no kernel", mi->name);
	}
	CHECK(cm_metric_info(CM_METRIC_N) == NULL);
	CHECK_EQ_INT(cm_metric_find("BETWEENNESS"), CM_M_BETWEENNESS);
	CHECK_EQ_INT(cm_metric_find("no such measure"), -1);
	CHECK_STR(cm_metric_info(CM_M_BETWEENNESS)->label, "brokerage (betweenness)");
}

/* The metrics table follows the registry: its columns in order, tagged. */
static void test_table_columns(struct cm_analysis *a)
{
	struct cm_table t;
	struct cm_error err;
	size_t j;

	cm_table_init(&t, 0);
	if (!CHECK(cm_metrics(a, &t, &err) == CM_OK))
		return;
	CHECK_EQ_INT(t.ncols, CM_M_FUNDING_HHI + 1); /* exact: no standard errors */
	for (j = 0; j < t.ncols; j++) {
		CHECK_EQ_INT(t.cols[j].metric, (int)j);
		CHECK_STR(t.cols[j].name, cm_metric_info((enum cm_metric)j)->name);
		CHECK_EQ_INT(cm_table_col(&t, (enum cm_metric)j), (long long)j);
	}
	cm_table_release(&t);
}

/* Metrics, power, gaps, recommendations, routes and check on one context:
 * each kernel runs once, and the numbers equal a fresh context's. */
static void test_once(const struct cm_landscape *l)
{
	struct cm_analysis *a = NULL, *fresh = NULL;
	struct cm_table t, u;
	struct cm_error err;
	struct cm_power_opts po = { .group_by = "region", .key_players = 2 };
	struct cm_gaps_opts go;
	const double *v1, *v2, *w;
	size_t k, i;

	cm_table_init(&t, 0);
	cm_table_init(&u, 0);
	if (!CHECK(cm_analysis_new(&a, l, NULL, &err) == CM_OK) || !CHECK(cm_analysis_new(&fresh, l, NULL, &err) == CM_OK))
		goto out;
	for (k = 0; k < 16; k++)
		CHECK_EQ_INT(a->runs[k], 0); /* nothing computed up front */
	cm_gaps_opts_init(&go);
	go.for_org = "a";
	CHECK(cm_power(a, &po, &t, &err) == CM_OK);
	CHECK(cm_metrics(a, &t, &err) == CM_OK);
	CHECK(cm_gaps(a, &go, &t, &err) == CM_OK);
	CHECK(cm_recommend(a, &go, &t, &err) == CM_OK);
	CHECK(cm_routes(a, "a", &go.targets, 0, &t, &err) == CM_OK);
	CHECK(cm_check(a, &t, &err) == CM_OK);
	CHECK(cm_power(a, &po, &t, &err) == CM_OK);
	CHECK(cm_metrics(a, &t, &err) == CM_OK);
	for (k = 0; k < 12; k++)
		test_check(a->runs[k] == 1, __FILE__, __LINE__, "kernel %zu ran %u times", k, a->runs[k]);
	/* the same numbers as a context that computes betweenness alone */
	CHECK(cm_analysis_values(a, CM_M_BETWEENNESS, &v1, &err) == CM_OK);
	CHECK(cm_analysis_values(a, CM_M_BETWEENNESS, &w, &err) == CM_OK);
	CHECK(v1 == w); /* kept, not recomputed */
	CHECK(cm_analysis_values(fresh, CM_M_BETWEENNESS, &v2, &err) == CM_OK);
	for (i = 0; v1 && v2 && i < cm_landscape_norgs(l); i++)
		CHECK_NEAR(v1[i], v2[i], 0);
	CHECK_EQ_INT(fresh->runs[__builtin_ctz(CM_K_PAGERANK)], 0); /* only what was asked */
	CHECK(cm_metrics(fresh, &u, &err) == CM_OK);
	CHECK(cm_metrics(a, &t, &err) == CM_OK);
	CHECK_EQ_INT(t.nrows, u.nrows);
	for (k = 0; k < t.ncols && k < u.ncols; k++)
		for (i = 0; i < t.nrows; i++)
			if (t.cols[k].kind == CM_REAL)
				/* exact, but for the eigenvector: ARPACK keeps a random
				 * seed of its own from call to call in a process, so a
				 * second solve differs in the 11th digit */
				test_check(t.cols[k].null[i] == u.cols[k].null[i] &&
					   (t.cols[k].null[i] || t.cols[k].reals[i] == u.cols[k].reals[i] ||
					    (t.cols[k].metric == CM_M_EIGENVECTOR &&
					     fabs(t.cols[k].reals[i] - u.cols[k].reals[i]) < 1e-9)), __FILE__,
					   __LINE__, "%s of org %zu: %.17g vs %.17g", t.cols[k].name, i, t.cols[k].reals[i],
					   u.cols[k].reals[i]);
	/* labels and grouped counts are not per-org values of a context */
	CHECK(cm_analysis_values(a, CM_M_NAME, &w, &err) == CM_EUSAGE);
	CHECK(cm_analysis_values(a, CM_M_BETWEENNESS_SE, &w, &err) == CM_EUSAGE);
	test_table_columns(a);
out:
	cm_table_release(&t);
	cm_table_release(&u);
	cm_analysis_free(a);
	cm_analysis_free(fresh);
}

/* Degree and funding against the landscape worked out by hand. */
static void test_values(const struct cm_landscape *l)
{
	struct cm_analysis *a = NULL;
	struct cm_error err;
	const double *deg, *fin, *funders;

	if (!CHECK(cm_analysis_new(&a, l, NULL, &err) == CM_OK))
		return;
	/* collaboration graph (conflict excluded): a-b a-c a-e b-c b-d c-e e-f */
	if (CHECK(cm_analysis_values(a, CM_M_DEGREE, &deg, &err) == CM_OK)) {
		CHECK_NEAR(deg[0], 3, 0); /* a: b, c, e */
		CHECK_NEAR(deg[1], 3, 0); /* b: a, c, d */
		CHECK_NEAR(deg[3], 1, 0); /* d: b (the conflict with f does not count) */
		CHECK_NEAR(deg[5], 1, 0); /* f: e */
	}
	if (CHECK(cm_analysis_values(a, CM_M_FUNDING_IN, &fin, &err) == CM_OK) &&
	    CHECK(cm_analysis_values(a, CM_M_FUNDERS, &funders, &err) == CM_OK)) {
		CHECK_NEAR(fin[0], 5000, 0);
		CHECK_NEAR(fin[4], 2000, 0);
		CHECK_NEAR(funders[0], 1, 0);
		CHECK_NEAR(funders[2], 0, 0);
	}
	CHECK_EQ_INT(a->runs[__builtin_ctz(CM_K_DEGREE)], 1);
	CHECK_EQ_INT(a->runs[__builtin_ctz(CM_K_PATHS)], 0);
	cm_analysis_free(a);
}

int main(void)
{
	struct cm_landscape *l;

	cm_init();
	test_registry();
	if ((l = load())) {
		test_once(l);
		test_values(l);
		cm_landscape_free(l);
	} else {
		CHECK(!"the landscape loads");
	}
	return test_done();
}
