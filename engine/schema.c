/* schema.c - the landscape schema: the known columns of organizations.csv
 * and relationships.csv (name, value, field, flags, range, synonyms), the
 * roles of tie types, the default decision-makers, and the header matcher
 * every reader uses. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* offsetof(S, f), refused at compile time unless field f has type T */
#define FIELD(S, f, T) (offsetof(S, f) + 0 * sizeof(char[_Generic(((S *)0)->f, T: 1, default: -1)]))
/* A column's value and the field of struct S it fills: the field must have
 * the C type schema.h gives the value. */
#define V_TEXT(S, f) CM_VAL_TEXT, FIELD(S, f, size_t)
#define V_LIST(S, f) CM_VAL_LIST, FIELD(S, f, size_t)
#define V_NUMBER(S, f) CM_VAL_NUMBER, FIELD(S, f, double)
#define V_STANCE(S, f) CM_VAL_STANCE, FIELD(S, f, int)
#define V_BOOL(S, f) CM_VAL_BOOL, FIELD(S, f, int)
#define V_DATE(S, f) CM_VAL_DATE, FIELD(S, f, int32_t)
#define V_ORG(S, f) CM_VAL_ORG, FIELD(S, f, uint32_t)
#define V_TIE_TYPE(S, f) CM_VAL_TIE_TYPE, FIELD(S, f, uint32_t)
#define O struct cm_org
#define T struct cm_tie
/* min, max and default of a column that is not a number */
#define NOT_A_NUMBER 0, 0, NAN

/* name, value, field, flags, min, max, default, synonyms */
const struct cm_column_info cm_org_cols[CM_ORG_NCOLS] = {
	[CM_ORG_ID] = { "id", V_TEXT(O, id), CM_COL_REQUIRED | CM_COL_ALWAYS, NOT_A_NUMBER, { "key", "identifier" } },
	/* an empty name is the id */
	[CM_ORG_NAME] = { "name", V_TEXT(O, name), CM_COL_ALWAYS, NOT_A_NUMBER,
			  { "label", "organisation", "organization", "organisation name", "organization name" } },
	[CM_ORG_TYPE] = { "type", V_TEXT(O, type), 0, NOT_A_NUMBER, { "kind", "category" } },
	[CM_ORG_COUNTRY] = { "country", V_TEXT(O, country), 0, NOT_A_NUMBER, { NULL } },
	[CM_ORG_REGION] = { "region", V_TEXT(O, region), 0, NOT_A_NUMBER, { NULL } },
	[CM_ORG_ISSUES] = { "issues", V_LIST(O, issues), 0, NOT_A_NUMBER, { NULL } },
	[CM_ORG_SKILLS] = { "skills", V_LIST(O, skills), 0, NOT_A_NUMBER, { NULL } },
	[CM_ORG_BUDGET] = { "budget", V_NUMBER(O, budget), 0, 0, HUGE_VAL, NAN, { NULL } },
	[CM_ORG_INFLUENCE] = { "influence", V_NUMBER(O, influence), CM_COL_ORDINAL, 0, HUGE_VAL, NAN, { NULL } },
	[CM_ORG_STANCE] = { "stance", V_STANCE(O, stance), 0, NOT_A_NUMBER, { NULL } },
};

const struct cm_column_info cm_tie_cols[CM_TIE_NCOLS] = {
	[CM_TIE_SOURCE] = { "source", V_ORG(T, src), CM_COL_REQUIRED | CM_COL_ALWAYS, NOT_A_NUMBER,
			    { "from", "source id", "organisation", "organization" } },
	[CM_TIE_TARGET] = { "target", V_ORG(T, dst), CM_COL_REQUIRED | CM_COL_ALWAYS, NOT_A_NUMBER,
			    { "to", "target id", "partner" } },
	/* an empty type is cm_tie_type_default() */
	[CM_TIE_TYPE] = { "type", V_TIE_TYPE(T, type), CM_COL_ALWAYS, NOT_A_NUMBER,
			  { "kind", "category", "relationship", "relation", "tie type" } },
	[CM_TIE_WEIGHT] = { "weight", V_NUMBER(T, weight), CM_COL_ALWAYS | CM_COL_MIN_OPEN | CM_COL_ORDINAL, 0, HUGE_VAL, 1,
			    { "value" } }, /* not Strength: Kumu's is signed */
	/* empty: the type's default (CM_ROLE_DIRECTED) */
	[CM_TIE_DIRECTED] = { "directed", V_BOOL(T, directed), CM_COL_ALWAYS, NOT_A_NUMBER, { NULL } },
	[CM_TIE_TRUST] = { "trust", V_NUMBER(T, trust), CM_COL_ORDINAL, 0, 1, NAN, { NULL } },
	[CM_TIE_AMOUNT] = { "amount", V_NUMBER(T, amount), 0, 0, HUGE_VAL, NAN, { NULL } },
	[CM_TIE_START] = { "start", V_DATE(T, start), 0, NOT_A_NUMBER, { "start date", "date", "year" } },
	[CM_TIE_END] = { "end", V_DATE(T, end), CM_COL_PERIOD_END, NOT_A_NUMBER, { "end date" } },
};
#undef O
#undef T

const struct cm_schema cm_schemas[2] = {
	[CM_ORGS_FILE] = { "organizations.csv", cm_org_cols, CM_ORG_NCOLS, 1 },
	[CM_TIES_FILE] = { "relationships.csv", cm_tie_cols, CM_TIE_NCOLS, 2 },
};

/* the landscape's org_present and tie_present hold a bit per known column */
_Static_assert(CM_KNOWN_MAX <= 32, "too many known columns for the present bits");

const char *const cm_stance_words[4] = {
	[CM_STANCE_NONE] = "", [CM_STANCE_SUPPORT] = "support", [CM_STANCE_NEUTRAL] = "neutral",
	[CM_STANCE_OPPOSE] = "oppose"
};

int cm_ordinal_level(const char *s)
{
	static const struct {
		const char *word;
		int level;
	} words[] = { { "very low", 1 }, { "low", 2 }, { "medium", 3 }, { "moderate", 3 },
		      { "high", 4 }, { "very high", 5 } };
	char w[16];
	size_t i, n = strlen(s);

	if (n >= sizeof(w))
		return 0;
	for (i = 0; i <= n; i++) /* very_high, Very-High: very high */
		w[i] = s[i] == '_' || s[i] == '-' ? ' ' : s[i];
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcasecmp(w, words[i].word))
			return words[i].level;
	return 0;
}

double cm_ordinal_value(const struct cm_column_info *c, int k)
{
	return c->max < HUGE_VAL ? c->min + (k - 1) * (c->max - c->min) / 4 : k;
}

/* SPEC.md "Tie types and their default direction"; docs/power.md for
 * access: working ties, information and membership carry the source to the
 * target; money and the spreading of content do not */
const struct cm_tie_type_info cm_tie_type_table[] = {
	{ "partnership", CM_ROLE_DEFAULT | CM_ROLE_ACCESS },
	{ "coalition", CM_ROLE_ACCESS },
	{ "collaboration", CM_ROLE_ACCESS },
	{ "funding", CM_ROLE_DIRECTED | CM_ROLE_MONEY },
	{ "information", CM_ROLE_DIRECTED | CM_ROLE_ACCESS },
	{ "membership", CM_ROLE_DIRECTED | CM_ROLE_ACCESS },
	{ "access", CM_ROLE_DIRECTED | CM_ROLE_ACCESS },
	{ "distribution", CM_ROLE_DIRECTED },
	{ "conflict", CM_ROLE_CONFLICT },
};
const size_t cm_tie_type_table_n = sizeof(cm_tie_type_table) / sizeof(*cm_tie_type_table);

const char *const cm_decision_maker_types[] = { "decision_maker", "government", NULL };

/* 1 when s[0..n) is word w, ASCII case ignored and a space, '_' or '-'
 * in s matching a space in w ("Start_Date" is "start date"). */
static int is_word(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n && w[i]; i++)
		if (w[i] == ' ' ? !(s[i] == ' ' || s[i] == '_' || s[i] == '-') :
				  tolower((unsigned char)s[i]) != w[i])
			return 0;
	return i == n && !w[i];
}

static int find_synonym(const struct cm_schema *s, const char *name, size_t n)
{
	size_t k, j;

	for (k = 0; k < s->ncols; k++)
		for (j = 0; j < CM_SYNONYMS_MAX && s->col[k].synonyms[j]; j++)
			if (is_word(name, n, s->col[k].synonyms[j]))
				return (int)k;
	return -1;
}

int cm_schema_find(const struct cm_schema *s, const char *name, size_t n, int synonyms)
{
	size_t k;

	for (k = 0; k < s->ncols; k++)
		if (is_word(name, n, s->col[k].name))
			return (int)k;
	return synonyms ? find_synonym(s, name, n) : -1;
}

void cm_schema_match(const struct cm_schema *s, const char *const *names, const size_t *lens, size_t n,
		     long *known, int *col)
{
	const char *f;
	size_t i, k, len;

	for (k = 0; k < s->ncols; k++)
		known[k] = -1;
	/* canonical names first, so that a synonym cannot take their place */
	for (i = 0; i < n; i++) {
		f = names[i];
		len = lens[i];
		cm_trim(&f, &len);
		col[i] = cm_schema_find(s, f, len, 0);
		if (col[i] >= 0 && known[col[i]] < 0)
			known[col[i]] = (long)i;
	}
	for (i = 0; i < n; i++) {
		int c;
		if (col[i] >= 0)
			continue;
		f = names[i];
		len = lens[i];
		cm_trim(&f, &len);
		c = find_synonym(s, f, len);
		if (c >= 0 && known[c] < 0) {
			known[c] = (long)i;
			col[i] = c;
		}
	}
}

unsigned cm_tie_type_roles(const char *name)
{
	size_t i;

	for (i = 0; i < cm_tie_type_table_n; i++)
		if (strcmp(name, cm_tie_type_table[i].name) == 0)
			return cm_tie_type_table[i].roles;
	return CM_ROLES_OTHER;
}

const char *cm_tie_type_default(void)
{
	size_t i;

	for (i = 0; i < cm_tie_type_table_n; i++)
		if (cm_tie_type_table[i].roles & CM_ROLE_DEFAULT)
			return cm_tie_type_table[i].name;
	return "";
}

int cm_tie_type_is_conflict(const char *name)
{
	size_t i;

	/* one string compared, not the table: analyses ask this for every tie */
	for (i = 0; i < cm_tie_type_table_n; i++)
		if ((cm_tie_type_table[i].roles & CM_ROLE_CONFLICT) && strcmp(name, cm_tie_type_table[i].name) == 0)
			return 1;
	return 0;
}
