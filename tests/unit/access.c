/* access.c - unit tests of the public accessors (engine/access.c): a
 * landscape read through coalmap.h alone, as viz/ and bindings read it. */
#include "config.h"

#include <math.h>
#include <stdint.h>

#include "coalmap.h"
#include "test.h"

static const char orgs[] =
	"id,name,type,region,budget,influence,stance,founded,note,score\n"
	"a,Alpha,NGO,North,1000,7,support,1994,x,1.5\n"
	"b,,funder,South,,,oppose,2001,,n/a\n"
	"c,Gamma,ngo,,20,,,,007,2\n";
static const char ties[] =
	"source,target,type,weight,directed,trust,amount,start,end\n"
	"a,b,Funding,2,,0.5,300,2015-01-01,\n"
	"b,c,partnership,1,,,,,2020-12-31\n"
	"c,a,conflict,1,true,,,2010,2011\n";

static void columns(const struct cm_landscape *l)
{
	int founded = cm_attr_find(l, "FOUNDED"), note = cm_attr_find(l, "note"), score = cm_attr_find(l, "score");
	int stance = cm_attr_find(l, "stance"), region = cm_attr_find(l, "Region");

	CHECK_EQ_INT(cm_attr_count(l), 8 + 3);
	CHECK_EQ_INT(cm_attr_find(l, "id"), 0);
	CHECK_EQ_INT(cm_attr_find(l, "country"), 3); /* known: always there, empty */
	CHECK_EQ_INT(cm_attr_find(l, "budget"), -1); /* a number: cm_landscape_org_budget */
	CHECK_EQ_INT(cm_attr_find(l, "nosuch"), -1);
	CHECK(founded >= 8 && note >= 8 && score >= 8);
	CHECK_STR(cm_attr_name(l, (size_t)founded), "founded");
	CHECK_STR(cm_attr_name(l, (size_t)region), "region");
	CHECK_STR(cm_attr_value(l, (size_t)region, 0), "North");
	CHECK_STR(cm_attr_value(l, (size_t)region, 2), "");
	CHECK_STR(cm_attr_value(l, 3, 1), "");
	CHECK_STR(cm_attr_value(l, 1, 1), "b"); /* an empty name is the id */
	CHECK_STR(cm_attr_value(l, (size_t)stance, 0), "support");
	CHECK_STR(cm_attr_value(l, (size_t)stance, 1), "oppose");
	CHECK_STR(cm_attr_value(l, (size_t)stance, 2), "");
	CHECK_STR(cm_attr_value(l, (size_t)note, 2), "007");
	CHECK(cm_attr_numeric(l, (size_t)founded));
	CHECK(!cm_attr_numeric(l, (size_t)score)); /* "n/a" */
	CHECK(!cm_attr_numeric(l, (size_t)stance));
	CHECK_NEAR(cm_attr_number(l, (size_t)founded, 1), 2001, 0);
	CHECK(isnan(cm_attr_number(l, (size_t)founded, 2)));
	CHECK_NEAR(cm_attr_number(l, (size_t)score, 0), 1.5, 0);
	CHECK(isnan(cm_attr_number(l, (size_t)score, 1)));
	CHECK_NEAR(cm_attr_number(l, (size_t)note, 2), 7, 0);
	CHECK(isnan(cm_attr_number(l, (size_t)region, 0)));
	CHECK_NEAR(cm_landscape_org_budget(l, 0), 1000, 0);
	CHECK(isnan(cm_landscape_org_budget(l, 1)));
	CHECK_NEAR(cm_landscape_org_influence(l, 0), 7, 0);
	CHECK(isnan(cm_landscape_org_influence(l, 2)));
}

static void tie_fields(const struct cm_landscape *l)
{
	size_t k;

	CHECK_EQ_INT(cm_tie_type_count(l), 3);
	CHECK_STR(cm_tie_type_name(l, 0), "funding");
	CHECK_STR(cm_tie_type_name(l, 2), "conflict");
	CHECK(!cm_tie_type_conflict(l, 0) && cm_tie_type_conflict(l, 2));
	CHECK_EQ_INT(cm_tie_source(l, 0), 0);
	CHECK_EQ_INT(cm_tie_target(l, 0), 1);
	CHECK_EQ_INT(cm_tie_type(l, 1), 1);
	CHECK(cm_tie_directed(l, 0));  /* funding's default */
	CHECK(!cm_tie_directed(l, 1));
	CHECK(cm_tie_directed(l, 2));  /* the column */
	CHECK_NEAR(cm_tie_weight(l, 0), 2, 0);
	CHECK_NEAR(cm_tie_trust(l, 0), 0.5, 0);
	CHECK(isnan(cm_tie_trust(l, 1)));
	CHECK_NEAR(cm_tie_amount(l, 0), 300, 0);
	CHECK(isnan(cm_tie_amount(l, 2)));
	CHECK_EQ_INT(cm_tie_start(l, 0), 16436); /* 2015-01-01 */
	CHECK_EQ_INT(cm_tie_end(l, 0), INT32_MAX);
	CHECK_EQ_INT(cm_tie_start(l, 1), INT32_MIN);
	CHECK_EQ_INT(cm_tie_end(l, 1), 18627);   /* 2020-12-31 */
	CHECK_EQ_INT(cm_tie_end(l, 2), 15339);   /* the last day of 2011 */
	for (k = 0; k < 3; k++)
		CHECK(cm_tie_kept(l, NULL, k));
}

static void filters(const struct cm_landscape *l)
{
	static const char *const funding[] = { "FUNDING" };
	struct cm_filter f = { 0 };

	f.types = funding;
	f.ntypes = 1;
	CHECK(cm_tie_kept(l, &f, 0) && !cm_tie_kept(l, &f, 1) && !cm_tie_kept(l, &f, 2));
	f.types = NULL;
	f.ntypes = 0;
	f.has_at = 1;
	f.at = 16436; /* 2015-01-01: the first day of tie 0 */
	CHECK(cm_tie_kept(l, &f, 0) && cm_tie_kept(l, &f, 1) && !cm_tie_kept(l, &f, 2));
	f.at = 16435;
	CHECK(!cm_tie_kept(l, &f, 0));
}

int main(void)
{
	char dir[4096];
	struct cm_landscape *l = NULL;
	struct cm_diags d;
	struct cm_error err;
	const char *stage;
	double done;

	cm_init();
	test_landscape(dir, sizeof(dir), TL(orgs), TL(ties));
	cm_diags_init(&d);
	if (!CHECK(cm_landscape_load(&l, dir, NULL, &d, &err) == CM_OK)) {
		fprintf(stderr, "%s\n", err.message);
		return test_done();
	}
	columns(l);
	tie_fields(l);
	filters(l);
	cm_progress_set("drawing");
	cm_progress_get(&stage, &done);
	CHECK_STR(stage, "drawing");
	CHECK(done == -1);
	cm_progress_set(NULL);
	cm_progress_get(&stage, &done);
	CHECK(stage == NULL);
	cm_landscape_free(l);
	cm_diags_release(&d);
	test_rmdir(dir);
	return test_done();
}
