/* convert.c - unit tests of the conversion pieces: the importers' row
 * loader (engine/rows.c + cm_landscape_load_rows), declared column types,
 * cm_landscape_export's typed tables and cm_format_real. */
#include "config.h"

#include <stdlib.h>

#include "internal.h"
#include "test.h"

static void set(struct cm_rows *r, long row, const char *col, const char *v)
{
	long c = cm_rows_find(r, col);

	if (!CHECK(c >= 0) || !v)
		return;
	CHECK(cm_rows_set(r, (size_t)row, (size_t)c, v, strlen(v)) == 0);
}

/* Orgs a (line 10) and b (line 12), one tie (line 20); score_b is b's score. */
static int load(struct cm_landscape **l, const char *score_b, const char *target, struct cm_diags *d)
{
	struct cm_rows o, t;
	struct cm_error err;
	long r;
	int rc;

	CHECK(cm_rows_init(&o, "in.graphml") == 0);
	CHECK(cm_rows_init(&t, "in.graphml") == 0);
	cm_rows_column(&o, "id", CM_DECL_TEXT, 1);
	cm_rows_column(&o, "zip", CM_DECL_TEXT, 2);
	cm_rows_column(&o, "score", CM_DECL_NUMBER, 3);
	cm_rows_column(&o, "plain", CM_DECL_ANY, 4);
	cm_rows_column(&t, "source", CM_DECL_TEXT, 1);
	cm_rows_column(&t, "target", CM_DECL_TEXT, 1);
	cm_rows_column(&t, "directed", CM_DECL_TEXT, 1);
	cm_rows_column(&t, "start", CM_DECL_TEXT, 1);
	cm_rows_column(&t, "end", CM_DECL_TEXT, 1);
	r = cm_rows_add(&o, 10);
	set(&o, r, "id", "a");
	set(&o, r, "zip", "02139");
	set(&o, r, "score", "1.5");
	set(&o, r, "plain", "3");
	r = cm_rows_add(&o, 12);
	set(&o, r, "id", "b");
	set(&o, r, "zip", "10115");
	set(&o, r, "score", score_b);
	set(&o, r, "plain", "-4");
	r = cm_rows_add(&t, 20);
	set(&t, r, "source", "a");
	set(&t, r, "target", target);
	set(&t, r, "directed", "true");
	set(&t, r, "start", "2019");
	set(&t, r, "end", "2019");
	cm_error_clear(&err);
	rc = cm_landscape_load_rows(l, &o, &t, NULL, d, &err);
	cm_rows_release(&o);
	cm_rows_release(&t);
	return rc;
}

static int has_diag(const struct cm_diags *d, long line, const char *sub)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].where.line == line && strstr(d->v[i].where.message, sub) &&
		    !strcmp(d->v[i].where.file, "in.graphml"))
			return 1;
	return 0;
}

static void test_rows(void)
{
	struct cm_landscape *l = NULL;
	struct cm_diags d;
	struct cm_table orgs, ties;
	struct cm_error err;
	int c;

	/* the CSV loader's checks, at the importer's lines */
	cm_diags_init(&d);
	CHECK_EQ_INT(load(&l, "abc", "b", &d), CM_EDATA);
	CHECK(has_diag(&d, 12, "score 'abc' is not a number"));
	cm_diags_release(&d);
	cm_diags_init(&d);
	CHECK_EQ_INT(load(&l, "2", "zz", &d), CM_EDATA);
	CHECK(has_diag(&d, 20, "unknown org 'zz' in target"));
	cm_diags_release(&d);

	cm_diags_init(&d);
	CHECK_EQ_INT(load(&l, "2", "b", &d), CM_OK);
	cm_diags_release(&d);
	if (!CHECK(l))
		return;
	cm_table_init(&orgs, 0);
	cm_table_init(&ties, 0);
	cm_error_clear(&err);
	CHECK_EQ_INT(cm_landscape_export(l, &orgs, &ties, &err), CM_OK);
	CHECK_EQ_INT(orgs.nrows, 2);
	CHECK_EQ_INT(cm_table_find(&orgs, "id"), 0);
	CHECK_EQ_INT(cm_table_find(&orgs, "name"), 1);
	CHECK_EQ_INT(cm_table_find(&orgs, "type"), -1); /* absent columns stay absent */
	c = cm_table_find(&orgs, "zip"); /* declared text: stays text */
	if (CHECK(c >= 0)) {
		CHECK_EQ_INT(orgs.cols[c].kind, CM_TEXT);
		CHECK_STR(orgs.cols[c].text[0], "02139");
	}
	c = cm_table_find(&orgs, "score");
	if (CHECK(c >= 0)) {
		CHECK_EQ_INT(orgs.cols[c].kind, CM_REAL);
		CHECK_NEAR(orgs.cols[c].reals[0], 1.5, 0);
	}
	c = cm_table_find(&orgs, "plain"); /* inferred: whole numbers */
	if (CHECK(c >= 0)) {
		CHECK_EQ_INT(orgs.cols[c].kind, CM_INT);
		CHECK_EQ_INT(orgs.cols[c].ints[1], -4);
	}
	CHECK_STR(orgs.cols[1].text[0], "a"); /* name defaults to the id */
	c = cm_table_find(&ties, "type");
	if (CHECK(c >= 0))
		CHECK_STR(ties.cols[c].text[0], "partnership");
	c = cm_table_find(&ties, "directed");
	if (CHECK(c >= 0))
		CHECK_STR(ties.cols[c].text[0], "true");
	c = cm_table_find(&ties, "start");
	if (CHECK(c >= 0))
		CHECK_STR(ties.cols[c].text[0], "2019-01-01");
	c = cm_table_find(&ties, "end");
	if (CHECK(c >= 0))
		CHECK_STR(ties.cols[c].text[0], "2019-12-31");
	c = cm_table_find(&ties, "weight");
	if (CHECK(c >= 0))
		CHECK_NEAR(ties.cols[c].reals[0], 1, 0);
	cm_table_release(&orgs);
	cm_table_release(&ties);
	cm_landscape_free(l);
}

static void test_format_real(void)
{
	static const double v[] = { 0.1, 1.0 / 3, 42000000, 1e21, 5e-324, 123456789012345678.0, -2.5, 0.85 };
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(*v); i++) {
		cm_format_real(v[i], buf, sizeof(buf));
		CHECK(strtod(buf, NULL) == v[i]);
	}
	CHECK_STR(cm_format_real(0.1, buf, sizeof(buf)), "0.1");
	CHECK_STR(cm_format_real(42000000, buf, sizeof(buf)), "42000000");
	CHECK_STR(cm_format_real(0.85, buf, sizeof(buf)), "0.85");
}

int main(void)
{
	test_rows();
	test_format_real();
	return test_done();
}
