/* schema.h - the landscape schema (engine/schema.c): the known columns of
 * organizations.csv and relationships.csv, the roles of tie types and the
 * default decision-makers.  Readers match headers against it, writers list
 * its columns, analyses ask it for roles: no other file spells a known
 * column's name or a tie type's role.  Included by internal.h. */
#ifndef CM_SCHEMA_H
#define CM_SCHEMA_H

#include <stddef.h>

#include "coalmap.h"

/* What a cell of a known column holds (SPEC.md "Data format"), and so the C
 * type of the field it fills. */
enum cm_value {
	CM_VAL_TEXT,     /* text; size_t, an offset in the landscape's pool */
	CM_VAL_LIST,     /* items separated by ';' (stored trimmed, empty items
			  * dropped); size_t, a pool offset */
	CM_VAL_NUMBER,   /* a finite number in [min, max]; double, NaN = empty */
	CM_VAL_STANCE,   /* a stance word (cm_stance_words); int, enum cm_stance */
	CM_VAL_BOOL,     /* true/yes/1 or false/no/0; int */
	CM_VAL_DATE,     /* YYYY-MM-DD or YYYY; int32_t, a day number
			  * (CM_DAY_MIN/MAX when open) */
	CM_VAL_ORG,      /* an org's id; uint32_t, the org's index */
	CM_VAL_TIE_TYPE  /* a tie type, stored lower case; uint32_t, an index
			  * into the landscape's tie_types */
};

/* Flags of a column. */
#define CM_COL_REQUIRED 1u   /* a file without it is refused; importers fill it
			      * (an org's id, a tie's ends) */
#define CM_COL_ALWAYS 2u     /* every row has a value (a default fills empty
			      * cells), so it is written even when the input
			      * lacked the column */
#define CM_COL_MIN_OPEN 4u   /* a number: min itself is refused (weight > 0) */
#define CM_COL_ORDINAL 16u   /* a number that also takes the words of cm_ordinal_words
			      * (Kumu's High/Medium/Low): see cm_ordinal_value */
#define CM_COL_PERIOD_END 8u /* a date: a bare year means 31 December, and an
			      * empty cell an open end */

#define CM_SYNONYMS_MAX 6

/* One known column.  Adding a header synonym is one string in synonyms. */
struct cm_column_info {
	const char *name;      /* the canonical header name, lower case */
	enum cm_value value;
	size_t offset;         /* the field it fills in struct cm_org or struct cm_tie */
	unsigned flags;        /* CM_COL_* */
	double min, max;       /* a number's accepted range */
	double dflt;           /* a number's value when its cell is empty; NaN: none */
	const char *synonyms[CM_SYNONYMS_MAX + 1]; /* other names for it in a
						    * header, NULL-terminated */
};

/* The known columns of one file, in the order writers put them; the
 * required ones (an org's id; a tie's source and target) come first. */
struct cm_schema {
	const char *file;                  /* "organizations.csv" */
	const struct cm_column_info *col;
	size_t ncols;
	size_t nkeys;                      /* how many are required */
};

enum cm_org_col {
	CM_ORG_ID, CM_ORG_NAME, CM_ORG_TYPE, CM_ORG_COUNTRY, CM_ORG_REGION, CM_ORG_ISSUES,
	CM_ORG_SKILLS, CM_ORG_BUDGET, CM_ORG_INFLUENCE, CM_ORG_STANCE, CM_ORG_NCOLS
};
enum cm_tie_col {
	CM_TIE_SOURCE, CM_TIE_TARGET, CM_TIE_TYPE, CM_TIE_WEIGHT, CM_TIE_DIRECTED, CM_TIE_TRUST,
	CM_TIE_AMOUNT, CM_TIE_START, CM_TIE_END, CM_TIE_NCOLS
};
#define CM_KNOWN_MAX ((int)CM_ORG_NCOLS > (int)CM_TIE_NCOLS ? (int)CM_ORG_NCOLS : (int)CM_TIE_NCOLS)

extern const struct cm_column_info cm_org_cols[CM_ORG_NCOLS];
extern const struct cm_column_info cm_tie_cols[CM_TIE_NCOLS];
/* [CM_ORGS_FILE] organizations.csv, [CM_TIES_FILE] relationships.csv */
enum { CM_ORGS_FILE, CM_TIES_FILE };
extern const struct cm_schema cm_schemas[2];

/* The field column c fills in row (a struct cm_org or struct cm_tie). */
static inline const void *cm_field(const struct cm_column_info *c, const void *row)
{
	return (const char *)row + c->offset;
}

/* The kind of a table column holding values v: numbers are CM_REAL,
 * everything else is text. */
static inline enum cm_kind cm_value_kind(enum cm_value v)
{
	return v == CM_VAL_NUMBER ? CM_REAL : CM_TEXT;
}

/* The index of the column of s called name[0..n) (ASCII case ignored), or
 * -1; with synonyms 1, its synonyms count too.  O(columns). */
int cm_schema_find(const struct cm_schema *s, const char *name, size_t n, int synonyms);

/* Matches a header: field i is names[i][0..lens[i]), spaces around it
 * ignored.  known[k] (s->ncols entries) gets the first field with column
 * k's canonical name, else the first with one of its synonyms, else -1;
 * col[i] (n entries) the column field i fills or repeats, or -1 for an
 * extra column.  A synonym never displaces a canonical name, nor an
 * earlier synonym: such a field stays an extra column (col -1), as it was
 * before the synonym was known.  O(n × columns). */
void cm_schema_match(const struct cm_schema *s, const char *const *names, const size_t *lens, size_t n,
		     long *known, int *col);

/* Stances, as written and stored. */
enum cm_stance { CM_STANCE_NONE, CM_STANCE_SUPPORT, CM_STANCE_NEUTRAL, CM_STANCE_OPPOSE };
/* The word of each enum cm_stance ("" for none). */
/* The five-point scale ordinal words are read on, without case ("very
 * low" also as very_low or very-low): level 1 to 5, or 0 for another word. */
int cm_ordinal_level(const char *s);
/* Level k's value in column c: k itself, or on a bounded column (trust,
 * 0 to 1) its place from min (level 1) to max (level 5). */
double cm_ordinal_value(const struct cm_column_info *c, int k);
extern const char *const cm_stance_words[4];

/* Roles of a tie type. */
#define CM_ROLE_DIRECTED 1u /* one-way unless its `directed` cell says not */
#define CM_ROLE_CONFLICT 2u /* negative: left out of the collaboration and tie graphs */
#define CM_ROLE_ACCESS 4u   /* such a tie from an org to a decision-maker (or
			     * a mutual one) gives the org direct access */
#define CM_ROLE_MONEY 8u    /* money flows source -> target; amount is the money */
#define CM_ROLE_DEFAULT 16u /* the type of a tie whose type cell is empty */

struct cm_tie_type_info {
	const char *name; /* lower case */
	unsigned roles;   /* CM_ROLE_* */
};

/* The roles of a type not in the table: a working tie (mutual unless its
 * `directed` cell says otherwise) that gives its source access
 * (docs/power.md, "access"). */
#define CM_ROLES_OTHER CM_ROLE_ACCESS

/* The tie types with a meaning (SPEC.md); any other type has
 * CM_ROLES_OTHER. */
extern const struct cm_tie_type_info cm_tie_type_table[];
extern const size_t cm_tie_type_table_n;
/* The roles of tie type name (lower case, as the loader stores types);
 * CM_ROLES_OTHER for a type not in the table.  O(table). */
unsigned cm_tie_type_roles(const char *name);
/* The type of a tie whose type cell is empty (static storage). */
const char *cm_tie_type_default(void);
/* 1 if tie type name has the CM_ROLE_CONFLICT role. */
int cm_tie_type_is_conflict(const char *name);

/* The org types that are decision-makers when --targets names none,
 * matched without case; NULL-terminated. */
extern const char *const cm_decision_maker_types[];

#endif
