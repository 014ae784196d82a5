/* trend.c - unit tests of cm_trend (engine/trend.c) on waves small enough
 * to rank by hand. */
#include "config.h"

#include "coalmap.h"
#include "test.h"

static struct cm_landscape *load(const char *orgs, const char *ties)
{
	char dir[4096];
	struct cm_landscape *l = NULL;
	struct cm_error err;

	test_landscape(dir, sizeof(dir), orgs, strlen(orgs), ties, strlen(ties));
	if (cm_landscape_load(&l, dir, NULL, NULL, &err) < 0)
		fprintf(stderr, "load failed: %s\n", err.message);
	test_rmdir(dir);
	return l;
}

/* The first row with this section and measure, or -1. */
static long row_of(const struct cm_table *t, const char *section, const char *measure)
{
	size_t r;

	for (r = 0; r < t->nrows; r++)
		if (!strcmp(t->cols[0].text[r], section) && !strcmp(t->cols[2].text[r], measure))
			return (long)r;
	return -1;
}

static size_t count(const struct cm_table *t, const char *section)
{
	size_t r, n = 0;

	for (r = 0; r < t->nrows; r++)
		n += !strcmp(t->cols[0].text[r], section);
	return n;
}

int main(void)
{
	/* w1: a star around a; w2: a star around d.  Betweenness: the centre
	 * 3 (the pairs of its three leaves), the leaves 0.  Ranks among the
	 * four orgs: the centre 1, the three leaves share (2 + 3 + 4) / 3 = 3.
	 * So d rose from 3 to 1 (change -2) and a fell from 1 to 3 (+2); b
	 * and c stayed at 3.  Density 3 / 6 = 0.5 in both waves. */
	struct cm_landscape *l1 = load("id\na\nb\nc\nd\n", "source,target\na,b\na,c\na,d\n");
	struct cm_landscape *l2 = load("id\na\nb\nc\nd\n", "source,target\nd,a\nd,b\nd,c\n");
	struct cm_landscape *l3 = load("id\nx\ny\n", "source,target\nx,y\n");
	const char *names[] = { "W1", "W2" };
	struct cm_analysis *a[3] = { NULL, NULL, NULL }, *pair[2];
	struct cm_trend_opts o = { NULL, -1, 0 };
	struct cm_table t;
	struct cm_error err;
	long r;

	if (!l1 || !l2 || !l3)
		return 1;
	CHECK(cm_analysis_new(&a[0], l1, NULL, &err) == CM_OK);
	CHECK(cm_analysis_new(&a[1], l2, NULL, &err) == CM_OK);
	CHECK(cm_analysis_new(&a[2], l3, NULL, &err) == CM_OK);
	cm_table_init(&t, 0);

	CHECK(cm_trend(a, names, 2, &o, &t, &err) == CM_OK);
	CHECK_EQ_INT(t.ncols, 7);
	CHECK_STR(t.cols[3].name, "W1");
	CHECK_STR(t.cols[4].name, "W2");
	CHECK_STR(t.cols[5].name, "change");
	if ((r = row_of(&t, "network", "density")) >= 0) {
		CHECK_NEAR(t.cols[3].reals[r], 0.5, 1e-12);
		CHECK_NEAR(t.cols[4].reals[r], 0.5, 1e-12);
		CHECK_NEAR(t.cols[5].reals[r], 0, 1e-12);
	} else
		CHECK(!"a density row");
	CHECK_EQ_INT(count(&t, "rising"), 1);
	CHECK_EQ_INT(count(&t, "falling"), 1);
	if ((r = row_of(&t, "rising", "betweenness_norm_rank")) >= 0) {
		CHECK_STR(t.cols[1].text[r], "d");
		CHECK_NEAR(t.cols[3].reals[r], 3, 0);
		CHECK_NEAR(t.cols[4].reals[r], 1, 0);
		CHECK_NEAR(t.cols[5].reals[r], -2, 0);
	}
	if ((r = row_of(&t, "falling", "betweenness_norm_rank")) >= 0) {
		CHECK_STR(t.cols[1].text[r], "a");
		CHECK_NEAR(t.cols[5].reals[r], 2, 0);
	}

	/* no org in common: each wave noted, position undefined, nobody listed */
	pair[0] = a[0];
	pair[1] = a[2];
	CHECK(cm_trend(pair, names, 2, &o, &t, &err) == CM_OK);
	CHECK_EQ_INT(count(&t, "rising") + count(&t, "falling"), 0);
	CHECK(row_of(&t, "notes", "no_common_orgs") >= 0);
	CHECK(row_of(&t, "notes", "position") >= 0);

	/* one wave; a measure that is not a position */
	CHECK(cm_trend(a, names, 1, &o, &t, &err) == CM_EUSAGE);
	CHECK_STR(err.message, "trend needs two waves or more");
	o.by = CM_M_COMMUNITY;
	CHECK(cm_trend(a, names, 2, &o, &t, &err) == CM_EUSAGE);

	cm_table_release(&t);
	cm_analysis_free(a[0]);
	cm_analysis_free(a[1]);
	cm_analysis_free(a[2]);
	cm_landscape_free(l1);
	cm_landscape_free(l2);
	cm_landscape_free(l3);
	return test_done();
}
