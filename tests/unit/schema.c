/* schema.c - unit tests of the landscape schema (engine/schema.c): the
 * column tables, the header matcher (with synonyms added in a test copy
 * of the tables), the tie types' roles, and the fields the loader fills. */
#include "config.h"

#include <math.h>

#include "internal.h"
#include "test.h"

#define N_(a) (sizeof(a) / sizeof(*(a)))

/* The tables say what SPEC.md "Data format" says, in its order. */
static void test_tables(void)
{
	static const char *const orgs[] = { "id", "name", "type", "country", "region", "issues", "skills",
		"budget", "influence", "stance" };
	static const char *const ties[] = { "source", "target", "type", "weight", "directed", "trust", "amount",
		"start", "end" };
	const struct cm_schema *o = &cm_schemas[CM_ORGS_FILE], *t = &cm_schemas[CM_TIES_FILE];
	size_t f, k, j, i;

	CHECK_EQ_INT(o->ncols, N_(orgs));
	CHECK_EQ_INT(t->ncols, N_(ties));
	CHECK(o->col == cm_org_cols && t->col == cm_tie_cols);
	CHECK_STR(o->file, "organizations.csv");
	CHECK_STR(t->file, "relationships.csv");
	for (k = 0; k < N_(orgs) && k < o->ncols; k++)
		CHECK_STR(o->col[k].name, orgs[k]);
	for (k = 0; k < N_(ties) && k < t->ncols; k++)
		CHECK_STR(t->col[k].name, ties[k]);

	for (f = 0; f < 2; f++) {
		const struct cm_schema *s = &cm_schemas[f];
		CHECK(s->ncols <= CM_KNOWN_MAX && s->ncols <= 32); /* one present bit each */
		for (k = 0; k < s->ncols; k++) {
			const struct cm_column_info *c = &s->col[k];
			/* required exactly for the leading keys, which are always written */
			CHECK_EQ_INT(!!(c->flags & CM_COL_REQUIRED), k < s->nkeys);
			if (k < s->nkeys)
				CHECK(c->flags & CM_COL_ALWAYS);
			for (i = 0; c->name[i]; i++)
				CHECK(c->name[i] < 'A' || c->name[i] > 'Z');
			/* only numbers have a range or a default */
			if (c->value != CM_VAL_NUMBER) {
				CHECK(isnan(c->dflt));
				CHECK(!(c->flags & CM_COL_MIN_OPEN));
			}
			CHECK(c->value == CM_VAL_DATE || !(c->flags & CM_COL_PERIOD_END));
			CHECK(c->synonyms[CM_SYNONYMS_MAX] == NULL);
			/* a name or synonym means one column: no synonym is a
			 * column's name or another synonym */
			for (j = 0; j < CM_SYNONYMS_MAX && c->synonyms[j]; j++) {
				CHECK_EQ_INT(cm_schema_find(s, c->synonyms[j], strlen(c->synonyms[j]), 0), -1);
				CHECK_EQ_INT(cm_schema_find(s, c->synonyms[j], strlen(c->synonyms[j]), 1), (long)k);
			}
			CHECK_EQ_INT(cm_schema_find(s, c->name, strlen(c->name), 1), (long)k);
		}
	}
	CHECK_EQ_INT(o->nkeys, 1);
	CHECK_EQ_INT(t->nkeys, 2);

	/* values, ranges and defaults */
	CHECK_EQ_INT(cm_org_cols[CM_ORG_ID].value, CM_VAL_TEXT);
	CHECK_EQ_INT(cm_org_cols[CM_ORG_ISSUES].value, CM_VAL_LIST);
	CHECK_EQ_INT(cm_org_cols[CM_ORG_SKILLS].value, CM_VAL_LIST);
	CHECK_EQ_INT(cm_org_cols[CM_ORG_STANCE].value, CM_VAL_STANCE);
	CHECK_EQ_INT(cm_tie_cols[CM_TIE_SOURCE].value, CM_VAL_ORG);
	CHECK_EQ_INT(cm_tie_cols[CM_TIE_TYPE].value, CM_VAL_TIE_TYPE);
	CHECK_EQ_INT(cm_tie_cols[CM_TIE_DIRECTED].value, CM_VAL_BOOL);
	CHECK_EQ_INT(cm_tie_cols[CM_TIE_START].value, CM_VAL_DATE);
	CHECK(!(cm_tie_cols[CM_TIE_START].flags & CM_COL_PERIOD_END));
	CHECK(cm_tie_cols[CM_TIE_END].flags & CM_COL_PERIOD_END);
	CHECK(cm_tie_cols[CM_TIE_WEIGHT].flags & CM_COL_MIN_OPEN);
	CHECK_NEAR(cm_tie_cols[CM_TIE_WEIGHT].dflt, 1, 0);
	CHECK_NEAR(cm_tie_cols[CM_TIE_TRUST].max, 1, 0);
	CHECK(isinf(cm_org_cols[CM_ORG_BUDGET].max) && cm_org_cols[CM_ORG_BUDGET].min == 0);
	CHECK(isnan(cm_org_cols[CM_ORG_BUDGET].dflt));
	CHECK_EQ_INT(cm_value_kind(CM_VAL_NUMBER), CM_REAL);
	CHECK_EQ_INT(cm_value_kind(CM_VAL_STANCE), CM_TEXT);

	CHECK_STR(cm_stance_words[CM_STANCE_NONE], "");
	CHECK_STR(cm_stance_words[CM_STANCE_SUPPORT], "support");
	CHECK_STR(cm_stance_words[CM_STANCE_NEUTRAL], "neutral");
	CHECK_STR(cm_stance_words[CM_STANCE_OPPOSE], "oppose");
}

static void test_find(void)
{
	const struct cm_schema *o = &cm_schemas[CM_ORGS_FILE];

	CHECK_EQ_INT(cm_schema_find(o, TL("budget"), 0), CM_ORG_BUDGET);
	CHECK_EQ_INT(cm_schema_find(o, TL("BUDGET"), 1), CM_ORG_BUDGET);
	CHECK_EQ_INT(cm_schema_find(o, TL("budg"), 0), -1);
	CHECK_EQ_INT(cm_schema_find(o, TL("budgets"), 0), -1);
	CHECK_EQ_INT(cm_schema_find(o, "idx", 2, 0), CM_ORG_ID); /* a length, not a C string */
	CHECK_EQ_INT(cm_schema_find(o, TL(""), 1), -1);
	CHECK_EQ_INT(cm_schema_find(&cm_schemas[CM_TIES_FILE], TL("Type"), 0), CM_TIE_TYPE);
}

/* Runs the matcher on a header given as one string of ','-separated names. */
static void match(const struct cm_schema *s, const char *header, long *known, int *col, size_t *n)
{
	static char buf[256];
	static const char *names[16];
	static size_t lens[16];
	char *p = buf;

	snprintf(buf, sizeof(buf), "%s", header);
	*n = 0;
	for (;;) {
		char *c = strchr(p, ',');
		names[*n] = p;
		lens[*n] = c ? (size_t)(c - p) : strlen(p);
		(*n)++;
		if (!c)
			break;
		p = c + 1;
	}
	cm_schema_match(s, names, lens, *n, known, col);
}

static void test_match(void)
{
	const struct cm_schema *o = &cm_schemas[CM_ORGS_FILE], *t = &cm_schemas[CM_TIES_FILE];
	long known[CM_KNOWN_MAX];
	int col[16];
	size_t n, k;

	match(o, " Name ,ID,notes,,budget", known, col, &n);
	CHECK_EQ_INT(n, 5);
	CHECK_EQ_INT(known[CM_ORG_ID], 1);
	CHECK_EQ_INT(known[CM_ORG_NAME], 0);
	CHECK_EQ_INT(known[CM_ORG_BUDGET], 4);
	CHECK_EQ_INT(known[CM_ORG_STANCE], -1);
	CHECK_EQ_INT(col[0], CM_ORG_NAME);
	CHECK_EQ_INT(col[1], CM_ORG_ID);
	CHECK_EQ_INT(col[2], -1); /* an extra column */
	CHECK_EQ_INT(col[3], -1); /* an unnamed one */
	CHECK_EQ_INT(col[4], CM_ORG_BUDGET);

	/* a repeated name: the first fills the column, the second names it too */
	match(t, "source,target,Source", known, col, &n);
	CHECK_EQ_INT(known[CM_TIE_SOURCE], 0);
	CHECK_EQ_INT(col[2], CM_TIE_SOURCE);

	/* the documented synonyms (README): From/To are the ends, a space, '_'
	 * or '-' where the synonym has a space; label is no tie column */
	match(t, "From,TO,label,Start_Date", known, col, &n);
	CHECK_EQ_INT(known[CM_TIE_SOURCE], 0);
	CHECK_EQ_INT(known[CM_TIE_TARGET], 1);
	CHECK_EQ_INT(col[2], -1);
	CHECK_EQ_INT(known[CM_TIE_START], 3);
	for (k = 0; k < t->ncols; k++)
		if (k != CM_TIE_SOURCE && k != CM_TIE_TARGET && k != CM_TIE_START)
			CHECK_EQ_INT(known[k], -1);
}

/* A test build of the schema: the real tables with synonyms added, as a
 * later issue will add them.  The matcher must take them. */
static struct cm_column_info syn_orgs[CM_ORG_NCOLS], syn_ties[CM_TIE_NCOLS];

static void test_synonyms(void)
{
	struct cm_schema o = cm_schemas[CM_ORGS_FILE], t = cm_schemas[CM_TIES_FILE];
	long known[CM_KNOWN_MAX];
	int col[16];
	size_t n;

	memcpy(syn_orgs, cm_org_cols, sizeof(syn_orgs));
	memcpy(syn_ties, cm_tie_cols, sizeof(syn_ties));
	syn_orgs[CM_ORG_NAME].synonyms[0] = "label";
	syn_orgs[CM_ORG_NAME].synonyms[1] = "organisation";
	syn_ties[CM_TIE_SOURCE].synonyms[0] = "from";
	syn_ties[CM_TIE_TARGET].synonyms[0] = "to";
	o.col = syn_orgs;
	t.col = syn_ties;

	CHECK_EQ_INT(cm_schema_find(&t, TL("From"), 1), CM_TIE_SOURCE);
	CHECK_EQ_INT(cm_schema_find(&t, TL("From"), 0), -1);

	match(&t, " From ,TO,weight", known, col, &n);
	CHECK_EQ_INT(known[CM_TIE_SOURCE], 0);
	CHECK_EQ_INT(known[CM_TIE_TARGET], 1);
	CHECK_EQ_INT(known[CM_TIE_WEIGHT], 2);
	CHECK_EQ_INT(col[0], CM_TIE_SOURCE);
	CHECK_EQ_INT(col[1], CM_TIE_TARGET);

	/* a canonical name wins wherever it stands; the synonym stays extra */
	match(&t, "from,to,target,source", known, col, &n);
	CHECK_EQ_INT(known[CM_TIE_SOURCE], 3);
	CHECK_EQ_INT(known[CM_TIE_TARGET], 2);
	CHECK_EQ_INT(col[0], -1);
	CHECK_EQ_INT(col[1], -1);

	/* two synonyms of one column: the first fills it */
	match(&o, "id,organisation,label", known, col, &n);
	CHECK_EQ_INT(known[CM_ORG_NAME], 1);
	CHECK_EQ_INT(col[1], CM_ORG_NAME);
	CHECK_EQ_INT(col[2], -1);
	match(&o, "id,label,name", known, col, &n);
	CHECK_EQ_INT(known[CM_ORG_NAME], 2);
	CHECK_EQ_INT(col[1], -1);

	/* the real tables are unchanged by the copy */
	CHECK(cm_tie_cols[CM_TIE_SOURCE].synonyms[0] && !strcmp(cm_tie_cols[CM_TIE_SOURCE].synonyms[0], "from"));
}

static void test_roles(void)
{
	static const char *const directed[] = { "funding", "information", "membership", "access", "distribution" };
	static const char *const mutual[] = { "partnership", "coalition", "collaboration", "conflict" };
	size_t i, ndefault = 0;

	for (i = 0; i < N_(directed); i++)
		CHECK(cm_tie_type_roles(directed[i]) & CM_ROLE_DIRECTED);
	for (i = 0; i < N_(mutual); i++)
		CHECK(!(cm_tie_type_roles(mutual[i]) & CM_ROLE_DIRECTED));
	for (i = 0; i < cm_tie_type_table_n; i++) {
		const struct cm_tie_type_info *t = &cm_tie_type_table[i];
		ndefault += (t->roles & CM_ROLE_DEFAULT) != 0;
		CHECK_EQ_INT(cm_tie_type_roles(t->name), t->roles);
		CHECK_EQ_INT(cm_tie_type_is_conflict(t->name), !!(t->roles & CM_ROLE_CONFLICT));
	}
	CHECK_EQ_INT(cm_tie_type_table_n, N_(directed) + N_(mutual));
	CHECK_EQ_INT(ndefault, 1);
	CHECK_STR(cm_tie_type_default(), "partnership");
	CHECK_EQ_INT(cm_tie_type_roles("conflict"), CM_ROLE_CONFLICT);
	CHECK_EQ_INT(cm_tie_type_roles("access"), CM_ROLE_DIRECTED | CM_ROLE_ACCESS);
	CHECK_EQ_INT(cm_tie_type_roles("funding"), CM_ROLE_DIRECTED | CM_ROLE_MONEY);
	CHECK_EQ_INT(cm_tie_type_roles("alliance"), CM_ROLES_OTHER);
	CHECK_EQ_INT(cm_tie_type_roles("information"), CM_ROLE_DIRECTED | CM_ROLE_ACCESS);
	CHECK_EQ_INT(cm_tie_type_roles("Funding"), CM_ROLES_OTHER); /* types are stored lower case */
	CHECK(cm_tie_type_is_conflict("conflict"));
	CHECK(!cm_tie_type_is_conflict("partnership"));
	CHECK(!cm_tie_type_is_conflict("conflicts"));
	CHECK_STR(cm_decision_maker_types[0], "decision_maker");
	CHECK_STR(cm_decision_maker_types[1], "government");
	CHECK(cm_decision_maker_types[2] == NULL);
}

/* The loader fills the fields the schema names; cm_cell_text reads them back. */
static void test_fields(void)
{
	char dir[4096], buf[32];
	struct cm_landscape *l = NULL;
	struct cm_load_opts opts = { 0 };
	unsigned char target[3], access[3];
	size_t k;

	test_landscape(dir, sizeof(dir), TL("id,name,type,stance,issues,budget\n"
					    "a,,GOVERNMENT,Support, x ; y ,5\nb,Bee,ngo,,,\nc,,decision_maker,oppose,,\n"),
		       TL("source,target,type,directed,start,end,trust\nb,a,Access,,2019,2020-02-29,0.5\n"
			  "c,b,,yes,,,\na,c,conflict,,,,\n"));
	CHECK_EQ_INT(cm_landscape_load(&l, dir, &opts, NULL, NULL), CM_OK);
	if (l) {
		const struct cm_tie *t = &l->ties[0];
		CHECK_STR(cm_cell_text(l, &cm_org_cols[CM_ORG_NAME], &l->orgs[0], buf, sizeof(buf)), "a");
		CHECK_STR(cm_cell_text(l, &cm_org_cols[CM_ORG_TYPE], &l->orgs[0], buf, sizeof(buf)), "GOVERNMENT");
		CHECK_STR(cm_cell_text(l, &cm_org_cols[CM_ORG_STANCE], &l->orgs[0], buf, sizeof(buf)), "support");
		CHECK_STR(cm_cell_text(l, &cm_org_cols[CM_ORG_ISSUES], &l->orgs[0], buf, sizeof(buf)), "x;y");
		CHECK_STR(cm_cell_text(l, &cm_org_cols[CM_ORG_STANCE], &l->orgs[1], buf, sizeof(buf)), "");
		CHECK(cm_cell_text(l, &cm_org_cols[CM_ORG_BUDGET], &l->orgs[0], buf, sizeof(buf)) == NULL);
		CHECK_NEAR(*(const double *)cm_field(&cm_org_cols[CM_ORG_BUDGET], &l->orgs[0]), 5, 0);
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_SOURCE], t, buf, sizeof(buf)), "b");
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_TARGET], t, buf, sizeof(buf)), "a");
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_TYPE], t, buf, sizeof(buf)), "access");
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_DIRECTED], t, buf, sizeof(buf)), "true");
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_START], t, buf, sizeof(buf)), "2019-01-01");
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_END], t, buf, sizeof(buf)), "2020-02-29");
		CHECK_NEAR(*(const double *)cm_field(&cm_tie_cols[CM_TIE_WEIGHT], t), 1, 0);
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_TYPE], &l->ties[1], buf, sizeof(buf)), "partnership");
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_START], &l->ties[1], buf, sizeof(buf)), "");
		CHECK_STR(cm_cell_text(l, &cm_tie_cols[CM_TIE_END], &l->ties[1], buf, sizeof(buf)), "");
		/* roles, per type as loaded */
		for (k = 0; k < l->ntie_types; k++)
			CHECK_EQ_INT(l->tie_roles[k], cm_tie_type_roles(l->tie_types[k]));
		CHECK(l->tie_roles[l->ties[0].type] & CM_ROLE_ACCESS);
		CHECK(l->tie_roles[l->ties[2].type] & CM_ROLE_CONFLICT);
		CHECK_EQ_INT(l->ties[2].directed, 0);
		/* decision-makers by default, without case; access ties to them */
		cm_mark_targets(l, NULL, target);
		CHECK(target[0] && !target[1] && target[2]);
		cm_mark_direct_access(l, NULL, NULL, target, access);
		CHECK(!access[0] && access[1] && !access[2]);
		CHECK_STR(cm_attr_value(l, (size_t)cm_attr_find(l, "Stance"), 0), "support");
		CHECK(cm_attr_find(l, "budget") < 0); /* a number, not text */
	}
	cm_landscape_free(l);
	test_rmdir(dir);
}

int main(void)
{
	test_tables();
	test_find();
	test_match();
	test_synonyms();
	test_roles();
	test_fields();
	return test_done();
}
