/* landscape.c - unit tests of cm_landscape_load (engine/landscape.c):
 * defaults, directions, dates, attributes, and every rule of SPEC.md
 * "Bad input". */
#include "config.h"

#include <math.h>

#include "internal.h"
#include "test.h"

static char dir[4096];
static struct cm_diags diags;
static struct cm_error err;

/* Writes a landscape (NULL omits a file) and loads it. */
static int load(struct cm_landscape **l, const char *orgs, size_t olen,
		const char *ties, size_t tlen, int strict)
{
	struct cm_load_opts o = { strict };

	test_landscape(dir, sizeof(dir), orgs, olen, ties, tlen);
	cm_diags_init(&diags);
	cm_error_clear(&err);
	return cm_landscape_load(l, dir, &o, &diags, &err);
}

static void unload(struct cm_landscape *l)
{
	cm_landscape_free(l);
	cm_diags_release(&diags);
	test_rmdir(dir);
}

#define ORGS(s) (s), (sizeof(s) - 1)
#define NOFILE NULL, 0

/* Index of the first diag of severity sev in file (basename) at line whose
 * message contains sub, or -1. */
static int find_diag(enum cm_severity sev, const char *file, long line, const char *sub)
{
	size_t i, fl = strlen(file);

	for (i = 0; i < diags.n; i++) {
		const struct cm_diag *g = &diags.v[i];
		size_t gl = strlen(g->where.file);
		if (g->severity == sev && g->where.line == line && strstr(g->where.message, sub) &&
		    gl >= fl && strcmp(g->where.file + gl - fl, file) == 0 &&
		    (gl == fl || g->where.file[gl - fl - 1] == '/'))
			return (int)i;
	}
	return -1;
}

#define CHECK_DIAG(sev, fname, ln, sub) \
	test_check(find_diag(sev, fname, ln, sub) >= 0, __FILE__, __LINE__, \
		   "diag %s:%ld containing '%s' (have %zu: first %s:%ld: %s)", fname, (long)(ln), sub, \
		   diags.n, diags.n ? diags.v[0].where.file : "", diags.n ? diags.v[0].where.line : 0L, \
		   diags.n ? diags.v[0].where.message : "")

/* Loads a landscape that must fail with CM_EDATA and the given diag. */
#define CHECK_BAD(orgs, ties, fname, ln, sub) do { \
	struct cm_landscape *l_ = (struct cm_landscape *)1; \
	CHECK_EQ_INT(load(&l_, orgs, ties, 0), CM_EDATA); \
	CHECK(l_ == NULL); \
	CHECK_EQ_INT(err.code, CM_EDATA); \
	CHECK(diags.n_errors >= 1); \
	CHECK_DIAG(CM_ERROR, fname, ln, sub); \
	unload(l_); \
} while (0)

static const char *type_of(const struct cm_landscape *l, size_t tie)
{
	return l->tie_types[l->ties[tie].type];
}

static void test_basic(void)
{
	struct cm_landscape *l = NULL;

	CHECK_EQ_INT(load(&l, ORGS("id,name,type\na,Alpha,ngo\nb,,donor\nc,Gamma,\n"),
			  ORGS("source,target,type,weight\na,b,funding,2.5\nb,c,,\n"), 0), CM_OK);
	CHECK(l != NULL);
	if (!l) {
		unload(l);
		return;
	}
	CHECK_EQ_INT(diags.n, 0);
	CHECK_EQ_INT(cm_landscape_norgs(l), 3);
	CHECK_EQ_INT(cm_landscape_nties(l), 2);
	CHECK_STR(cm_landscape_org_id(l, 0), "a");
	CHECK_STR(cm_landscape_org_name(l, 0), "Alpha");
	CHECK_STR(cm_landscape_org_type(l, 0), "ngo");
	CHECK_STR(cm_landscape_org_id(l, 1), "b");
	CHECK_STR(cm_landscape_org_name(l, 1), "b"); /* name defaults to id */
	CHECK_STR(cm_landscape_org_type(l, 1), "donor");
	CHECK_STR(cm_landscape_org_type(l, 2), ""); /* never NULL */
	CHECK_EQ_INT(l->ties[0].src, 0);
	CHECK_EQ_INT(l->ties[0].dst, 1);
	CHECK_STR(type_of(l, 0), "funding");
	CHECK_NEAR(l->ties[0].weight, 2.5, 0);
	CHECK_EQ_INT(l->ties[0].directed, 1);
	CHECK_EQ_INT(l->ties[0].line, 2);
	CHECK_EQ_INT(l->ties[1].src, 1);
	CHECK_EQ_INT(l->ties[1].dst, 2);
	CHECK_STR(type_of(l, 1), "partnership"); /* default type */
	CHECK_NEAR(l->ties[1].weight, 1, 0);     /* default weight */
	CHECK_EQ_INT(l->ties[1].directed, 0);
	CHECK(isnan(l->ties[1].trust));
	CHECK(isnan(l->ties[1].amount));
	CHECK_EQ_INT(l->ties[1].start, CM_DAY_MIN); /* open dates */
	CHECK_EQ_INT(l->ties[1].end, CM_DAY_MAX);
	CHECK(strstr(cm_landscape_orgs_path(l), "organizations.csv") != NULL);
	CHECK(strstr(cm_landscape_ties_path(l), "relationships.csv") != NULL);
	unload(l);

	/* numbers, stance and lists are read */
	CHECK_EQ_INT(load(&l, ORGS("id,budget,influence,stance,issues\n"
				   "a,1200.5,3,support, education ; ;gender\nb,0,,oppose,\nc,1e3,0,neutral,\n"),
			  ORGS("source,target,trust,amount,weight\na,b,0,100,0.5\nb,c,1,0,1e-3\n"), 0), CM_OK);
	if (l) {
		CHECK_NEAR(l->orgs[0].budget, 1200.5, 0);
		CHECK_NEAR(l->orgs[0].influence, 3, 0);
		CHECK_EQ_INT(l->orgs[0].stance, CM_STANCE_SUPPORT);
		CHECK_STR(cm_strpool_get(&l->pool, l->orgs[0].issues), "education;gender");
		CHECK_NEAR(l->orgs[1].budget, 0, 0);
		CHECK(isnan(l->orgs[1].influence));
		CHECK_EQ_INT(l->orgs[1].stance, CM_STANCE_OPPOSE);
		CHECK_EQ_INT(l->orgs[2].stance, CM_STANCE_NEUTRAL);
		CHECK_NEAR(l->orgs[2].budget, 1000, 0);
		CHECK_NEAR(l->ties[0].trust, 0, 0);
		CHECK_NEAR(l->ties[0].amount, 100, 0);
		CHECK_NEAR(l->ties[0].weight, 0.5, 0);
		CHECK_NEAR(l->ties[1].trust, 1, 0);
		CHECK_NEAR(l->ties[1].weight, 0.001, 1e-15);
	}
	unload(l);
}

static void test_directions(void)
{
	struct cm_landscape *l = NULL;
	static const struct { const char *type; int directed; } want[] = {
		{ "partnership", 0 }, { "coalition", 0 }, { "collaboration", 0 },
		{ "funding", 1 }, { "information", 1 }, { "membership", 1 },
		{ "access", 1 }, { "distribution", 1 }, { "conflict", 0 },
		{ "mentoring", 0 },
		/* the directed column overrides the type's default */
		{ "partnership", 1 }, { "funding", 0 }, { "mentoring", 1 }, { "access", 1 },
	};
	size_t i;

	CHECK_EQ_INT(load(&l, ORGS("id\na\nb\nc\nd\n"),
			  ORGS("source,target,type,directed\n"
			       "a,b,partnership,\na,b,coalition,\na,b,collaboration,\n"
			       "a,b,funding,\na,b,information,\na,b,membership,\n"
			       "a,b,access,\na,b,distribution,\na,b,conflict,\n"
			       "a,b,mentoring,\n"
			       "c,d,partnership,true\nc,d,funding,false\nc,d,mentoring,true\n"
			       "c,d,access,true\n"), 0), CM_OK);
	CHECK_EQ_INT(diags.n, 0);
	if (l) {
		CHECK_EQ_INT(cm_landscape_nties(l), sizeof(want) / sizeof(*want));
		for (i = 0; i < cm_landscape_nties(l) && i < sizeof(want) / sizeof(*want); i++) {
			test_check(strcmp(type_of(l, i), want[i].type) == 0, __FILE__, __LINE__,
				   "tie %zu type '%s', want '%s'", i, type_of(l, i), want[i].type);
			test_check(l->ties[i].directed == want[i].directed, __FILE__, __LINE__,
				   "tie %zu (%s) directed %d, want %d", i, want[i].type,
				   l->ties[i].directed, want[i].directed);
		}
	}
	unload(l);

	/* a bad directed value */
	CHECK_BAD(ORGS("id\na\nb\n"), ORGS("source,target,directed\na,b,sometimes\n"),
		  "relationships.csv", 2, "directed");
}

static void test_dates(void)
{
	struct cm_landscape *l = NULL;
	int32_t day = 0;

	/* days since 1970-01-01, by hand: 2020-01-01 is 50 years with 12 leap
	 * days (1972..2016) = 18250 + 12 = 18262 */
	CHECK_EQ_INT(cm_date_parse("1970-01-01", 0, 0, &day), 0);
	CHECK_EQ_INT(day, 0);
	CHECK_EQ_INT(cm_date_parse("1969-12-31", 0, 0, &day), 0);
	CHECK_EQ_INT(day, -1);
	CHECK_EQ_INT(cm_date_parse("2020-01-01", 0, 0, &day), 0);
	CHECK_EQ_INT(day, 18262);
	CHECK_EQ_INT(cm_date_parse("2020-03-15", 0, 0, &day), 0);
	CHECK_EQ_INT(day, 18262 + 31 + 29 + 14);
	CHECK_EQ_INT(cm_date_parse("2000-02-29", 0, 0, &day), 0);
	CHECK_EQ_INT(cm_date_parse("1900-02-29", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("2023-02-29", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("2023-02-30", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("2023-04-31", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("2023-13-01", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("2023-00-10", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("03/04/2023", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("2023-1-05", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("2023-01-05x", 0, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("", 1, 0, &day), -1);
	CHECK_EQ_INT(cm_date_parse("2021", 0, 0, &day), -1); /* bare year not allowed */
	CHECK_EQ_INT(cm_date_parse("2021", 1, 0, &day), 0);
	CHECK_EQ_INT(day, 18262 + 366);
	CHECK_EQ_INT(cm_date_parse("2021", 1, 1, &day), 0);
	CHECK_EQ_INT(day, 18262 + 366 + 364);
	CHECK_EQ_INT(cm_date_parse("20x1", 1, 0, &day), -1);
	/* and back: day numbers from Python's datetime.date (d - 1970-01-01) */
	{
		static const struct { long day; const char *s; } back[] = {
			{ -719162, "0001-01-01" }, { -25509, "1900-02-28" }, { -25508, "1900-03-01" },
			{ -1, "1969-12-31" },	   { 0, "1970-01-01" },	     { 11016, "2000-02-29" },
			{ 20088, "2024-12-31" },   { 2932896, "9999-12-31" },
		};
		char buf[32];
		for (size_t i = 0; i < sizeof(back) / sizeof(back[0]); i++) {
			cm_date_format(back[i].day, buf, sizeof(buf));
			CHECK_STR(buf, back[i].s);
		}
	}

	CHECK_EQ_INT(load(&l, ORGS("id\na\nb\nc\n"),
			  ORGS("source,target,start,end\n"
			       "a,b,2020-03-15,2021\n"
			       "b,c,2021,2021\n"
			       "a,c,,2020-01-01\n"
			       "c,a,2020-01-01,2020-01-01\n"), 0), CM_OK);
	CHECK_EQ_INT(diags.n, 0);
	if (l && cm_landscape_nties(l) == 4) {
		int32_t a = 0, b = 0;
		CHECK_EQ_INT(l->ties[0].start, 18262 + 31 + 29 + 14);
		CHECK_EQ_INT(l->ties[0].end, 18262 + 366 + 364);   /* 2021-12-31 */
		cm_date_parse("2021-01-01", 0, 0, &a);
		cm_date_parse("2021-12-31", 0, 0, &b);
		CHECK_EQ_INT(l->ties[1].start, a);
		CHECK_EQ_INT(l->ties[1].end, b);
		CHECK_EQ_INT(l->ties[2].start, CM_DAY_MIN);
		CHECK_EQ_INT(l->ties[2].end, 18262);
		CHECK_EQ_INT(l->ties[3].start, 18262);
		CHECK_EQ_INT(l->ties[3].end, 18262);
	} else {
		CHECK(!"4 ties loaded");
	}
	unload(l);
}

/* The loader's error battery (ROBUSTNESS.md), one case after another: a
 * long function on purpose, so that each case reads as the input it feeds
 * and the exact message it expects. */
static void test_errors(void)
{
	static const char orgs2[] = "id\na\nb\n";
	static const char ties0[] = "source,target\n";

	/* duplicate id, citing the first line */
	CHECK_BAD(ORGS("id,name\na,A\nb,B\na,C\n"), ORGS(ties0), "organizations.csv", 4, "line 2");
	CHECK_BAD(ORGS("id,name\na,A\nb,B\na,C\n"), ORGS(ties0), "organizations.csv", 4, "'a'");
	/* ... with a quoted multi-line name in between: lines stay physical */
	CHECK_BAD(ORGS("id,name\na,\"multi\nline\"\nb,B\nb,C\n"), ORGS(ties0), "organizations.csv", 5,
		  "line 4");
	/* unknown org, named */
	CHECK_BAD(ORGS(orgs2), ORGS("source,target\na,b\na,zz\n"), "relationships.csv", 3, "'zz'");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target\nqq,b\n"), "relationships.csv", 2, "'qq'");
	/* ids are case-sensitive */
	CHECK_BAD(ORGS(orgs2), ORGS("source,target\nA,b\n"), "relationships.csv", 2, "'A'");
	/* empty id */
	CHECK_BAD(ORGS("id,name\na,A\n,B\n"), ORGS(ties0), "organizations.csv", 3, "id");
	CHECK_BAD(ORGS("id,name\na,A\n  ,B\n"), ORGS(ties0), "organizations.csv", 3, "id");
	/* empty source */
	CHECK_BAD(ORGS(orgs2), ORGS("source,target\n,b\n"), "relationships.csv", 2, "source");

	/* numbers */
	CHECK_BAD(ORGS("id,budget\na,-1\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,NaN\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,nan\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,inf\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,Infinity\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,1e999\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,0x10\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,12abc\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,\"1,5\"\n"), ORGS(ties0), "organizations.csv", 2, "decimal");
	CHECK_BAD(ORGS("id;budget\na;1,5\n"), ORGS(ties0), "organizations.csv", 2, "decimal");
	CHECK_BAD(ORGS("id,influence\na,-0.5\n"), ORGS(ties0), "organizations.csv", 2, "influence");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,weight\na,b,0\n"), "relationships.csv", 2, "weight");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,weight\na,b,-2\n"), "relationships.csv", 2, "weight");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,weight\na,b,1e999\n"), "relationships.csv", 2, "weight");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,trust\na,b,1.5\n"), "relationships.csv", 2, "trust");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,trust\na,b,-0.1\n"), "relationships.csv", 2, "trust");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,amount\na,b,-5\n"), "relationships.csv", 2, "amount");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,amount\na,b,NaN\n"), "relationships.csv", 2, "amount");

	CHECK_BAD(ORGS("id,budget\na,1e\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,1.5.2\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,.\n"), ORGS(ties0), "organizations.csv", 2, "budget");
	CHECK_BAD(ORGS("id,budget\na,--1\n"), ORGS(ties0), "organizations.csv", 2, "budget");

	/* a bad value does not make its org unknown to relationships.csv */
	{
		struct cm_landscape *l = NULL;
		CHECK_EQ_INT(load(&l, ORGS("id,budget\na,-1\nb,1\n"), ORGS("source,target\na,b\n"), 0), CM_EDATA);
		CHECK_EQ_INT(diags.n_errors, 1);
		unload(l);
	}

	/* stance */
	CHECK_BAD(ORGS("id,stance\na,support\nb,maybe\n"), ORGS(ties0), "organizations.csv", 3, "stance");

	/* dates */
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,start\na,b,2023-02-30\n"), "relationships.csv", 2, "start");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,end\na,b,03/04/2023\n"), "relationships.csv", 2, "end");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,start\na,b,23\n"), "relationships.csv", 2, "start");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,start,end\na,b,2023-05-01,2023-04-30\n"),
		  "relationships.csv", 2, "before");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,start,end\na,b,2024,2023\n"),
		  "relationships.csv", 2, "before");

	/* structure */
	CHECK_BAD(ORGS("name,type\nA,ngo\n"), ORGS(ties0), "organizations.csv", 1, "id");
	CHECK_BAD(ORGS(orgs2), ORGS("source,weight\na,1\n"), "relationships.csv", 1, "target");
	CHECK_BAD(ORGS("id,name\na,A,extra\n"), ORGS(ties0), "organizations.csv", 2,
		  "expected 2 fields, got 3");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target,type\na,b\n"), "relationships.csv", 2,
		  "expected 3 fields, got 2");
	CHECK_BAD(ORGS("id,name,ID\na,A,x\n"), ORGS(ties0), "organizations.csv", 1, "duplicate");
	CHECK_BAD(ORGS("id,\"a\"x\na,1\n"), ORGS(ties0), "organizations.csv", 1, "quote");
	CHECK_BAD(ORGS("id,name\na,\"A\n"), ORGS(ties0), "organizations.csv", 2, "quote");
	CHECK_BAD(ORGS("id,name\na,Caf\xE9\n"), ORGS(ties0), "organizations.csv", 2, "UTF-8");
	CHECK_BAD(ORGS("id,name\na,A\0B\n"), ORGS(ties0), "organizations.csv", 2, "NUL");
	CHECK_BAD(ORGS("\xFF\xFEi\0d\0\n\0a\0\n\0"), ORGS(ties0), "organizations.csv", 1, "UTF-8");
	CHECK_BAD(ORGS(orgs2), ORGS("source,target\na,b\xC0\xAF\n"), "relationships.csv", 2, "UTF-8");

	/* relationships.csv with a header lacking a required column, even without rows */
	CHECK_BAD(ORGS(orgs2), ORGS("origin,to\n"), "relationships.csv", 1, "source");

	/* an empty organizations file, or a header only, is an error */
	CHECK_BAD(ORGS("\n\n"), ORGS(ties0), "organizations.csv", 1, "");
	CHECK_BAD(ORGS(""), ORGS(ties0), "organizations.csv", 1, "");
	CHECK_BAD(ORGS("id,name\n"), ORGS(ties0), "organizations.csv", 1, "");
	CHECK_BAD(ORGS("\xEF\xBB\xBF" "id\r\n\r\n"), ORGS(ties0), "organizations.csv", 1, "");

	/* several errors in one file are all listed, in order */
	{
		struct cm_landscape *l = NULL;
		CHECK_EQ_INT(load(&l, ORGS("id,budget,stance\na,-1,\n\nb,1,oops\nc,x,\n"),
				  ORGS("source,target,weight\na,zz,1\nb,c,0\n"), 0), CM_EDATA);
		CHECK(l == NULL);
		CHECK_EQ_INT(diags.n_errors, 5);
		CHECK_DIAG(CM_ERROR, "organizations.csv", 2, "budget");
		CHECK_DIAG(CM_ERROR, "organizations.csv", 4, "stance");
		CHECK_DIAG(CM_ERROR, "organizations.csv", 5, "budget");
		CHECK_DIAG(CM_ERROR, "relationships.csv", 2, "'zz'");
		CHECK_DIAG(CM_ERROR, "relationships.csv", 3, "weight");
		CHECK(diags.n >= 2 && diags.v[0].where.line == 2 && diags.v[1].where.line == 4);
		unload(l);
	}
}

static void test_warnings(void)
{
	struct cm_landscape *l = NULL;
	static const char orgs[] = "id\na\nb\nc\n";
	static const char self[] = "source,target\na,b\nb,b\nb,c\n";
	static const char dup[] = "source,target,type,weight\na,b,funding,2\nb,c,,\na,b,funding,2\n";

	/* a self-tie: warning, dropped */
	CHECK_EQ_INT(load(&l, ORGS(orgs), ORGS(self), 0), CM_OK);
	CHECK(l != NULL);
	CHECK_EQ_INT(diags.n_errors, 0);
	CHECK_EQ_INT(diags.n_warnings, 1);
	CHECK_DIAG(CM_WARNING, "relationships.csv", 3, "self");
	if (l) {
		CHECK_EQ_INT(cm_landscape_nties(l), 2);
		CHECK_EQ_INT(l->ties[1].src, 1);
		CHECK_EQ_INT(l->ties[1].dst, 2);
	}
	unload(l);
	/* --strict: an error */
	l = (struct cm_landscape *)1;
	CHECK_EQ_INT(load(&l, ORGS(orgs), ORGS(self), 1), CM_EDATA);
	CHECK(l == NULL);
	CHECK_EQ_INT(diags.n_errors, 1);
	CHECK_DIAG(CM_ERROR, "relationships.csv", 3, "self");
	unload(l);

	/* an exact duplicate: warning citing the first, merged into one */
	CHECK_EQ_INT(load(&l, ORGS(orgs), ORGS(dup), 0), CM_OK);
	CHECK(l != NULL);
	CHECK_EQ_INT(diags.n_errors, 0);
	CHECK_EQ_INT(diags.n_warnings, 1);
	CHECK_DIAG(CM_WARNING, "relationships.csv", 4, "line 2");
	if (l) {
		CHECK_EQ_INT(cm_landscape_nties(l), 2);
		CHECK_NEAR(l->ties[0].weight, 2, 0);
	}
	unload(l);
	l = (struct cm_landscape *)1;
	CHECK_EQ_INT(load(&l, ORGS(orgs), ORGS(dup), 1), CM_EDATA);
	CHECK(l == NULL);
	CHECK_DIAG(CM_ERROR, "relationships.csv", 4, "line 2");
	unload(l);

	/* control characters in a name: a warning (ROBUSTNESS.md), still loaded */
	CHECK_EQ_INT(load(&l, ORGS("id,name\na,A\x01" "B\nb,B\n"), ORGS("source,target\n"), 0),
		     CM_OK);
	CHECK(l != NULL);
	CHECK_EQ_INT(diags.n_errors, 0);
	CHECK(diags.n_warnings >= 1);
	CHECK(find_diag(CM_WARNING, "organizations.csv", 2, "") >= 0);
	if (l)
		CHECK_EQ_INT(cm_landscape_norgs(l), 2);
	unload(l);

	/* not duplicates: another weight, another type, another date */
	CHECK_EQ_INT(load(&l, ORGS(orgs),
			  ORGS("source,target,type,weight,start\na,b,,1,\na,b,,2,\na,b,coalition,1,\n"
			       "a,b,,1,2020\n"), 0), CM_OK);
	CHECK_EQ_INT(diags.n, 0);
	if (l)
		CHECK_EQ_INT(cm_landscape_nties(l), 4);
	unload(l);
}

static void test_ids_and_headers(void)
{
	struct cm_landscape *l = NULL;

	/* 007 and 7 are distinct strings */
	CHECK_EQ_INT(load(&l, ORGS("id\n007\n7\n"), ORGS("source,target\n007,7\n7,007\n"), 0), CM_OK);
	CHECK_EQ_INT(diags.n, 0);
	if (l) {
		CHECK_EQ_INT(cm_landscape_norgs(l), 2);
		CHECK_STR(cm_landscape_org_id(l, 0), "007");
		CHECK_STR(cm_landscape_org_id(l, 1), "7");
		CHECK_EQ_INT(cm_landscape_nties(l), 2);
		CHECK_EQ_INT(l->ties[0].src, 0);
		CHECK_EQ_INT(l->ties[0].dst, 1);
		CHECK_EQ_INT(l->ties[1].src, 1);
		CHECK_EQ_INT(l->ties[1].dst, 0);
	}
	unload(l);

	/* header case and surrounding spaces, quoted or not; values trimmed */
	CHECK_EQ_INT(load(&l, ORGS("\" ID \", Name ,\"TYPE\"\n x , Ex ,NGO\ny,,\n"),
			  ORGS(" Source ;\"TARGET \";Weight\nx;y;3\n"), 0), CM_OK);
	CHECK_EQ_INT(diags.n_errors, 0);
	if (l) {
		CHECK_EQ_INT(cm_landscape_norgs(l), 2);
		CHECK_STR(cm_landscape_org_id(l, 0), "x");
		CHECK_STR(cm_landscape_org_name(l, 0), "Ex");
		CHECK_STR(cm_landscape_org_type(l, 0), "NGO");
		CHECK_STR(cm_landscape_org_name(l, 1), "y");
		CHECK_EQ_INT(cm_landscape_nties(l), 1);
		CHECK_EQ_INT(l->norg_attrs, 0);
		CHECK_EQ_INT(l->ntie_attrs, 0);
		if (cm_landscape_nties(l) == 1)
			CHECK_NEAR(l->ties[0].weight, 3, 0);
	}
	unload(l);

	/* BOM, CRLF, tab delimiter, no final newline */
	CHECK_EQ_INT(load(&l, ORGS("\xEF\xBB\xBFid\tname\r\na\tA b\r\nb\tB"),
			  ORGS("source\ttarget\r\na\tb"), 0), CM_OK);
	CHECK_EQ_INT(diags.n, 0);
	if (l) {
		CHECK_EQ_INT(cm_landscape_norgs(l), 2);
		CHECK_STR(cm_landscape_org_id(l, 0), "a");
		CHECK_STR(cm_landscape_org_name(l, 0), "A b");
		CHECK_STR(cm_landscape_org_name(l, 1), "B");
		CHECK_EQ_INT(cm_landscape_nties(l), 1);
	}
	unload(l);
}

static void test_files(void)
{
	struct cm_landscape *l = NULL;

	/* inputs are never modified */
	{
		static const char o[] = "\xEF\xBB\xBFid,name\r\na,\"A\"\r\n\r\nb,B";
		static const char t[] = "source,target\na,b\na,b\n";
		char path[4200], got[256];
		FILE *f;
		size_t n;
		CHECK_EQ_INT(load(&l, ORGS(o), ORGS(t), 0), CM_OK);
		snprintf(path, sizeof(path), "%s/organizations.csv", dir);
		f = fopen(path, "rb");
		n = f ? fread(got, 1, sizeof(got), f) : 0;
		if (f)
			fclose(f);
		CHECK(n == sizeof(o) - 1 && memcmp(got, o, n) == 0);
		snprintf(path, sizeof(path), "%s/relationships.csv", dir);
		f = fopen(path, "rb");
		n = f ? fread(got, 1, sizeof(got), f) : 0;
		if (f)
			fclose(f);
		CHECK(n == sizeof(t) - 1 && memcmp(got, t, n) == 0);
		unload(l);
	}

	/* relationships: header only, or an empty file, is a landscape without ties */
	CHECK_EQ_INT(load(&l, ORGS("id\na\nb\n"), ORGS("source,target,type\n"), 0), CM_OK);
	CHECK(l != NULL);
	CHECK_EQ_INT(diags.n_errors, 0);
	if (l) {
		CHECK_EQ_INT(cm_landscape_norgs(l), 2);
		CHECK_EQ_INT(cm_landscape_nties(l), 0);
	}
	unload(l);
	CHECK_EQ_INT(load(&l, ORGS("id\na\n"), "", 0, 0), CM_OK);
	CHECK(l != NULL);
	if (l)
		CHECK_EQ_INT(cm_landscape_nties(l), 0);
	unload(l);

	/* missing folder, missing files, a file instead of a folder */
	cm_diags_init(&diags);
	cm_error_clear(&err);
	l = (struct cm_landscape *)1;
	CHECK_EQ_INT(cm_landscape_load(&l, "/nonexistent/coalmap/landscape", NULL, &diags, &err), CM_ENOINPUT);
	CHECK(l == NULL);
	CHECK_EQ_INT(err.code, CM_ENOINPUT);
	cm_diags_release(&diags);

	l = (struct cm_landscape *)1;
	CHECK_EQ_INT(load(&l, NOFILE, ORGS("source,target\n"), 0), CM_ENOINPUT);
	CHECK(l == NULL);
	CHECK_EQ_INT(err.code, CM_ENOINPUT);
	unload(l);

	l = (struct cm_landscape *)1;
	CHECK_EQ_INT(load(&l, ORGS("id\na\n"), NOFILE, 0), CM_ENOINPUT);
	CHECK(l == NULL);
	CHECK_EQ_INT(err.code, CM_ENOINPUT);
	unload(l);

	{
		char path[4200];
		test_landscape(dir, sizeof(dir), ORGS("id\na\n"), ORGS("source,target\n"));
		snprintf(path, sizeof(path), "%s/organizations.csv", dir);
		cm_diags_init(&diags);
		l = (struct cm_landscape *)1;
		CHECK_EQ_INT(cm_landscape_load(&l, path, NULL, &diags, NULL), CM_ENOINPUT);
		CHECK(l == NULL);
		/* NULL opts, diags and err are allowed */
		l = NULL;
		CHECK_EQ_INT(cm_landscape_load(&l, dir, NULL, NULL, NULL), CM_OK);
		CHECK(l != NULL);
		unload(l);
	}
}

static const struct cm_attr *attr(const struct cm_attr *a, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(a[i].name, name) == 0)
			return &a[i];
	return NULL;
}

static void test_attributes(void)
{
	struct cm_landscape *l = NULL;
	const struct cm_attr *a;

	CHECK_EQ_INT(load(&l, ORGS("id,bloc,score,mixed,name,neg\n"
				   "a,G77,1.5,3,A,-2\nb,EU,,x,B,0\nc,G77,2e3,,C,-0.5\n"),
			  ORGS("source,target,note,round\na,b,old friends,2001\nb,c,,2002\n"), 0), CM_OK);
	CHECK_EQ_INT(diags.n, 0);
	if (!l) {
		unload(l);
		return;
	}
	CHECK_EQ_INT(l->norg_attrs, 4);
	a = attr(l->org_attrs, l->norg_attrs, "bloc");
	CHECK(a != NULL);
	if (a) {
		CHECK_EQ_INT(a->numeric, 0);
		CHECK_STR(cm_strpool_get(&l->pool, a->val[0]), "G77");
		CHECK_STR(cm_strpool_get(&l->pool, a->val[1]), "EU");
	}
	a = attr(l->org_attrs, l->norg_attrs, "score");
	CHECK(a != NULL);
	if (a) {
		CHECK_EQ_INT(a->numeric, 1); /* empty cells do not spoil a numeric column */
		CHECK_STR(cm_strpool_get(&l->pool, a->val[1]), "");
		CHECK_STR(cm_strpool_get(&l->pool, a->val[2]), "2e3");
	}
	a = attr(l->org_attrs, l->norg_attrs, "mixed");
	CHECK(a != NULL);
	if (a)
		CHECK_EQ_INT(a->numeric, 0);
	a = attr(l->org_attrs, l->norg_attrs, "neg");
	CHECK(a != NULL);
	if (a)
		CHECK_EQ_INT(a->numeric, 1);
	CHECK(attr(l->org_attrs, l->norg_attrs, "name") == NULL); /* a known column */
	CHECK_EQ_INT(l->ntie_attrs, 2);
	a = attr(l->tie_attrs, l->ntie_attrs, "note");
	CHECK(a != NULL);
	if (a) {
		CHECK_EQ_INT(a->numeric, 0);
		CHECK_STR(cm_strpool_get(&l->pool, a->val[0]), "old friends");
	}
	a = attr(l->tie_attrs, l->ntie_attrs, "round");
	CHECK(a != NULL);
	if (a)
		CHECK_EQ_INT(a->numeric, 1);
	unload(l);

	/* an attribute with a non-number in its last row is text */
	CHECK_EQ_INT(load(&l, ORGS("id,size\na,1\nb,2\nc,big\n"), ORGS("source,target\n"), 0), CM_OK);
	if (l) {
		a = attr(l->org_attrs, l->norg_attrs, "size");
		CHECK(a != NULL);
		if (a)
			CHECK_EQ_INT(a->numeric, 0);
	}
	unload(l);
}

static void test_many_errors(void)
{
	struct cm_landscape *l = NULL;
	char buf[4096];
	size_t len, i;

	/* 60 different messages (each its own budget) */
	len = (size_t)sprintf(buf, "id,budget\n");
	for (i = 0; i < 60; i++)
		len += (size_t)sprintf(buf + len, "o%zu,-%zu\n", i, i + 1);
	CHECK_EQ_INT(load(&l, buf, len, ORGS("source,target\n"), 0), CM_EDATA);
	CHECK(l == NULL);
	CHECK_EQ_INT(diags.n_errors, 60);
	CHECK_EQ_INT(diags.n, CM_DIAGS_MAX);
	CHECK_EQ_INT(CM_DIAGS_MAX, 50);
	/* the first 50 are kept, in file order: lines 2..51 */
	for (i = 0; i < diags.n; i++)
		if (diags.v[i].where.line != (long)i + 2 || diags.v[i].severity != CM_ERROR || diags.v[i].count != 1)
			break;
	CHECK_EQ_INT(i, 50);
	unload(l);

	/* the same message on 60 rows (and one other among them) is one entry
	 * located at its first row, with the count and the first lines */
	len = (size_t)sprintf(buf, "id,budget\n");
	for (i = 0; i < 61; i++)
		len += (size_t)sprintf(buf + len, "o%zu,%s\n", i, i == 3 ? "-2" : "-1");
	CHECK_EQ_INT(load(&l, buf, len, ORGS("source,target\n"), 0), CM_EDATA);
	CHECK(l == NULL);
	CHECK_EQ_INT(diags.n_errors, 61);
	CHECK_EQ_INT(diags.n, 2);
	if (diags.n == 2) {
		const struct cm_diag *g = &diags.v[0];
		CHECK_EQ_INT(g->count, 60);
		CHECK_EQ_INT(g->where.line, 2);
		CHECK(g->lines[0] == 2 && g->lines[1] == 3 && g->lines[2] == 4 && g->lines[3] == 6 && g->lines[4] == 7);
		CHECK_EQ_INT(diags.v[1].count, 1);
		CHECK_EQ_INT(diags.v[1].where.line, 5);
	}
	unload(l);
}

/* An unknown org id gets what was probably meant, once per distinct id. */
static void test_unknown_org_hint(void)
{
	struct cm_landscape *l = NULL;
	const char *orgs = "id,name\nipu,Inter-Parliamentary Union\nunep,UN Environment\nab,A\nac,C\n";

	CHECK_EQ_INT(load(&l, orgs, strlen(orgs),
			  ORGS("source,target\nIPU,unep\nunepp,ab\nInter-Parliamentary Union,ab\nI P U,ab\n"
			       "ad,ab\nzzzzzz,ab\nIPU,ab\n"), 0), CM_EDATA);
	CHECK_EQ_INT(diags.n_errors, 7);
	CHECK_EQ_INT(diags.n, 6);
	if (diags.n == 6) {
		CHECK_EQ_INT(diags.v[0].count, 2);
		CHECK_STR(diags.v[0].hint, "did you mean 'ipu'?");
		CHECK_STR(diags.v[1].hint, "did you mean 'unep'?");
		CHECK_STR(diags.v[2].hint, "'Inter-Parliamentary Union' is the name of org 'ipu'; relationships use ids");
		CHECK_STR(diags.v[3].hint, "did you mean 'ipu'?");
		CHECK_STR(diags.v[4].hint, ""); /* 'ab' and 'ac' as near */
		CHECK_STR(diags.v[5].hint, "");
	}
	unload(l);
}


static int same_double(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

static int same_tie(const struct cm_tie *x, const struct cm_tie *y)
{
	return x->src == y->src && x->dst == y->dst && x->type == y->type && x->directed == y->directed &&
	       x->weight == y->weight && same_double(x->trust, y->trust) && same_double(x->amount, y->amount) &&
	       x->start == y->start && x->end == y->end && x->line == y->line;
}

/* Appends one random tie row, now and then with something to report. */
static size_t random_tie(char *b, const char *o, int norgs, int bad)
{
	static const char *const types[] = { "partnership", "Funding", "", "access", "conflict", "membership" };
	static const char *const dirs[] = { "", "", "true", "no", "1", "maybe" };
	int a = rand() % norgs, c = rand() % norgs;

	switch (bad ? rand() % 10 : -1) {
	case 0: return (size_t)sprintf(b, "%s%d,zz%d,partnership,1,,,,,\n", o, a, c);  /* unknown org */
	case 1: return (size_t)sprintf(b, "%s%d,%s%d,coalition,2,,,,,\n", o, a, o, a);     /* self-tie */
	case 2: return (size_t)sprintf(b, "%s%d,%s%d,funding,-1,,,,,\n", o, a, o, c);      /* bad weight */
	case 3: return (size_t)sprintf(b, "%s%d,%s%d,,1,,,,2020-02-30,\n", o, a, o, c);    /* bad date */
	case 4: return (size_t)sprintf(b, "%s%d,%s%d,,1,,,,2021,2020\n", o, a, o, c);      /* end before start */
	case 5: return (size_t)sprintf(b, "%s%d,\"%s%d\",,1,,,,,\n", o, a, o, c);          /* quoted: libcsv */
	case 6: return (size_t)sprintf(b, "%s%d,%s%d,,1,,,\n", o, a, o, c);                /* too few fields */
	case 7: return (size_t)sprintf(b, "\n");                                   /* blank line */
	case 8: return (size_t)sprintf(b, "%s1,%s2,partnership,1,,,,,\n", o, o);           /* a duplicate, often */
	case 9: return (size_t)sprintf(b, "%s%d,%s%d,,1,,2,,,\r\n", o, a, o, c);           /* trust above 1 */
	}
	return (size_t)sprintf(b, " %s%d , %s%d,%s,%d.%d,%s,0.%d,%s,%s,\n", o, a, o, c, types[rand() % 6], 1 + rand() % 3,
			       rand() % 10, dirs[rand() % 5], rand() % 10, rand() % 3 ? "" : "125",
			       rand() % 2 ? "" : "2019-05-01");
}

/* Loads the folder with or without the read-ahead thread. */
static int load_dir(struct cm_landscape **l, struct cm_diags *d, struct cm_error *e, int serial)
{
	cm_load_serial_only = serial;
	cm_diags_init(d);
	cm_error_clear(e);
	return cm_landscape_load(l, dir, NULL, d, e);
}

/* The read-ahead of relationships.csv must give what the serial loader
 * gives: the same ties, types, status, error and diagnostics in order,
 * for clean files and for files with every kind of problem. */
static void test_read_ahead(void)
{
	static char orgs[64 + 41 * 40], ties[64 + 400 * 100];
	int round;

	for (round = 0; round < 300; round++) {
		struct cm_landscape *a = NULL, *b = NULL;
		struct cm_diags da, db;
		struct cm_error ea, eb;
		int norgs = 2 + round % 40, nties = round % 7 == 0 ? 0 : rand() % 400, ra, rb, i;
		int bad = round % 3 == 0 ? 0 : 1 + rand() % 60; /* one bad row in `bad`, about */
		/* ids of up to 7 bytes are kept inline in the id table, longer ones not */
		const char *o = round % 4 == 1 ? "organisation-" : "o";
		size_t ol = 0, tl = 0, k;

		srand((unsigned)round);
		ol += (size_t)sprintf(orgs, "id,name\n");
		for (i = 0; i < norgs; i++)
			ol += (size_t)sprintf(orgs + ol, "%s%d,Org %d\n", o, i, i);
		if (round % 11 == 5)
			ol += (size_t)sprintf(orgs + ol, "%s1,again\n", o); /* duplicate org id */
		tl += (size_t)sprintf(ties, round % 13 == 4 ? "source,target,type,weight,directed,trust,amount,start,note\n" :
					     round % 17 == 3 ? "Source ,TARGET,type,weight,directed,trust,amount,start,type\n" :
					     "source,target,type,weight,directed,trust,amount,start,end\n");
		for (i = 0; i < nties; i++)
			tl += random_tie(ties + tl, o, norgs, bad && rand() % bad == 0);
		if (round % 9 == 0 && nties) { /* a clean file but for one repeated row */
			const char *first = strchr(ties, '\n') + 1;
			size_t n = (size_t)(strchr(first, '\n') + 1 - first);
			memmove(ties + tl, first, n);
			tl += n;
		}
		test_landscape(dir, sizeof(dir), orgs, ol, ties, tl);
		if (round % 5 == 2) { /* a coalmap.ini changing the types' roles */
			static const char ini[] = "[tie types]\nfunding = mutual\npartnership = directed, money\n";
			test_write(dir, "coalmap.ini", ini, sizeof(ini) - 1);
		}
		ra = load_dir(&a, &da, &ea, 0);
		rb = load_dir(&b, &db, &eb, 1);
		test_rmdir(dir);
		test_check(ra == rb && ea.line == eb.line && strcmp(ea.message, eb.message) == 0 &&
			   strcmp(ea.file, eb.file) == 0, __FILE__, __LINE__, "round %d: status %d / %d, %s / %s",
			   round, ra, rb, ea.message, eb.message);
		test_check(da.n == db.n && da.n_errors == db.n_errors && da.n_warnings == db.n_warnings,
			   __FILE__, __LINE__, "round %d: %zu / %zu diagnostics", round, da.n, db.n);
		for (k = 0; k < da.n && k < db.n; k++)
			test_check(da.v[k].severity == db.v[k].severity && da.v[k].where.line == db.v[k].where.line &&
				   strcmp(da.v[k].where.message, db.v[k].where.message) == 0 &&
				   strcmp(da.v[k].where.file, db.v[k].where.file) == 0,
				   __FILE__, __LINE__, "round %d: diagnostic %zu: %s / %s", round, k,
				   da.v[k].where.message, db.v[k].where.message);
		if (a && b) {
			test_check(a->nties == b->nties && a->ntie_types == b->ntie_types &&
				   a->tie_present == b->tie_present && a->ntie_attrs == b->ntie_attrs,
				   __FILE__, __LINE__, "round %d: %zu / %zu ties", round, a->nties, b->nties);
			for (k = 0; k < a->nties && k < b->nties; k++)
				test_check(same_tie(&a->ties[k], &b->ties[k]) && a->ties[k].line == b->ties[k].line,
					   __FILE__, __LINE__, "round %d: tie %zu", round, k);
			for (k = 0; k < a->ntie_types && k < b->ntie_types; k++) {
				CHECK_STR(a->tie_types[k], b->tie_types[k]);
				CHECK_EQ_INT(a->tie_roles[k], b->tie_roles[k]);
			}
		}
		cm_landscape_free(a);
		cm_landscape_free(b);
		cm_diags_release(&da);
		cm_diags_release(&db);
	}
	cm_load_serial_only = 0;
}

int main(void)
{
	test_basic();
	test_directions();
	test_dates();
	test_errors();
	test_warnings();
	test_ids_and_headers();
	test_files();
	test_attributes();
	test_many_errors();
	test_unknown_org_hint();
	test_read_ahead();
	return test_done();
}
