/* internal.h - engine-private types shared between engine/ files. */
#ifndef CM_INTERNAL_H
#define CM_INTERNAL_H

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "coalmap.h"
#include "strmap.h"
#include "schema.h"

#define CM_FIELD_MAX (1u << 20)  /* longest accepted field, bytes */
#define CM_COLUMNS_MAX 10000     /* most columns in a file */
#define CM_DAY_MIN INT32_MIN     /* open start */
#define CM_DAY_MAX INT32_MAX     /* open end */

/* Appends a diagnostic; returns 0 or CM_ENOMEM. */
int cm_diags_add(struct cm_diags *d, enum cm_severity sev, enum cm_status code,
		 const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* A problem in the data being loaded, at file:line: a warning counts as
 * an error under opts->strict.  Returns the severity recorded (CM_WARNING
 * or CM_ERROR), or CM_ENOMEM. */
int cm_diags_vdata(struct cm_diags *d, const struct cm_load_opts *opts, enum cm_severity sev,
		   const char *file, long line, const char *fmt, va_list ap);
/* A reader's problem in the data (cm_diags_vdata), kept score of: *bad = 1
 * when it is recorded as an error, *nomem = 1 when it cannot be recorded
 * (the reader then fails with CM_ENOMEM). */
void cm_diags_problem(struct cm_diags *d, const struct cm_load_opts *opts, enum cm_severity sev,
		      const char *file, long line, int *bad, int *nomem, const char *fmt, va_list ap)
	__attribute__((format(printf, 8, 0)));

/* The nearest candidate offered so far (names.c): within two edits
 * without case (one for words of up to four letters), a difference of
 * case only counting as nearest; tie says another is as near. */
struct cm_near {
	const char *word;
	const char *best;
	size_t best_org;     /* for orgs: whose id or name best is */
	unsigned d;
	int tie;             /* another candidate is as near */
};

void cm_near_init(struct cm_near *x, const char *word);
/* Offers cand, the id or name of org (0 when not an org). */
void cm_near_offer(struct cm_near *x, const char *cand, size_t org);

/* Day number day (days since 1970-01-01, cm_date_parse's) as YYYY-MM-DD
 * in buf (proleptic Gregorian; util.c). */
void cm_date_format(long day, char *buf, size_t n);

/* Drops the white space (isspace) around s[0..*n). */
static inline void cm_trim(const char **s, size_t *n)
{
	while (*n && isspace((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* The offset of the first invalid UTF-8 sequence (overlong, surrogate,
 * beyond U+10FFFF, cut short) or NUL in s[0..n), or n when there is none;
 * *nul says whether the culprit is a NUL. */
size_t cm_utf8_check(const unsigned char *s, size_t n, int *nul);
/* dir/name in a new string (no second '/' when dir ends with one); NULL
 * on ENOMEM. */
char *cm_path_join(const char *dir, const char *name);

/* ---- arena: strings copied into blocks that are freed together (a
 * table's or rows' text cells).  *a starts NULL. */
/* A copy of s[0..n), NUL-terminated, in the arena; NULL on ENOMEM. */
char *cm_arena_copy(struct cm_arena **a, const char *s, size_t n);
/* Frees every block; *a is NULL again. */
void cm_arena_free(struct cm_arena **a);

/* ---- string pool: many short strings in one buffer, addressed by offset.
 * Offset 0 is always the empty string. */
struct cm_strpool {
	char *buf;
	size_t len, cap;
};

int cm_strpool_init(struct cm_strpool *p);
void cm_strpool_release(struct cm_strpool *p);
/* Appends s (n bytes, no NUL inside) and returns its offset in *off. */
int cm_strpool_add(struct cm_strpool *p, const char *s, size_t n, size_t *off);
static inline const char *cm_strpool_get(const struct cm_strpool *p, size_t off)
{
	return p->buf + off;
}

/* FNV-1a over n bytes, continuing from h (start with CM_HASH_INIT). */
#define CM_HASH_INIT 14695981039346656037ull
uint64_t cm_hash_bytes(const void *s, size_t n, uint64_t h);

/* Sorts n keys ascending (insertion sort for short runs, else qsort). */
void cm_sort_u64(uint64_t *k, size_t n);

/* ---- the CSV reader (engine/csv_reader.c, the libcsv bridge).
 * Calls row_fn for the header (index 0) and then for every record with the
 * header's field count.  Field count, encoding and quoting problems are
 * reported to diags and the offending row is skipped. */
struct cm_csv_row {
	const char *const *fields; /* NUL-terminated, valid UTF-8 */
	const size_t *lens;
	size_t n;
	long line;                 /* physical line where the record starts */
	size_t index;              /* 0 = header */
};

typedef int (*cm_csv_row_fn)(void *ctx, const struct cm_csv_row *row);

/* Returns CM_OK when the file was read to its end (diags may still hold
 * errors), CM_ENOINPUT when it cannot be opened, CM_ENOMEM, or whatever
 * negative status row_fn returned to stop early. */
int cm_csv_read(const char *path, const char *display, cm_csv_row_fn row_fn,
		void *ctx, struct cm_diags *diags, struct cm_error *err);
/* Tests only: 1 sends every line through libcsv (no quote-free shortcut). */
extern int cm_csv_libcsv_only;

/* Tests only: 1 loads relationships.csv without the read-ahead thread
 * (engine/landscape.c), the serial way it falls back to. */
extern int cm_load_serial_only;

/* ---- the landscape, as loaded; engine/schema.c says which column fills
 * which field */

struct cm_org {
	size_t id, name, type, country, region, issues, skills; /* pool offsets */
	double budget, influence;                               /* NaN = empty */
	int stance;
	long line;
};

struct cm_tie {
	uint32_t src, dst;
	uint32_t type;      /* index into landscape->tie_types */
	int directed;       /* resolved: column or the type's default */
	double weight;
	double trust, amount; /* NaN = empty */
	int32_t start, end; /* day numbers, CM_DAY_MIN/MAX when open */
	long line;
};

/* An extra column kept as an attribute: values as pool offsets. */
struct cm_attr {
	char *name;
	int numeric; /* every non-empty value is a finite number */
	size_t *val;
};

/* What sharing hid (engine/share.c): the anonymised orgs and their own
 * ids and names (pool offsets), for what the user types. */
struct cm_hidden {
	size_t *org, *id, *name;
	size_t n;
};

struct cm_landscape {
	char *orgs_path, *ties_path;
	struct cm_strpool pool;
	struct cm_org *orgs;
	size_t norgs;
	struct cm_tie *ties;
	size_t nties;
	char **tie_types;                  /* lower case */
	unsigned *tie_roles;               /* per tie type: CM_ROLE_* */
	size_t ntie_types;
	struct cm_attr *org_attrs, *tie_attrs;
	size_t norg_attrs, ntie_attrs;
	unsigned org_present, tie_present; /* bit k: known column k was in the header */
	struct cm_strmap ids;              /* org id -> index, keyed into pool */
	struct cm_schema_file *schema;     /* its coalmap.ini, or NULL */
	struct cm_hidden hidden;           /* anonymised orgs (cm_share_apply) */
};

/* The last step of loading (engine/share.c): anonymises, drops and
 * scrubs what opts->share and the schema file's [sharing] ask for.
 * CM_EUSAGE for a column or value that does not exist, CM_EDATA for a key
 * made for another landscape. */
int cm_share_apply(struct cm_landscape *l, const struct cm_load_opts *opts, struct cm_error *err);
/* The anonymised org whose own name is name, or -1. */
long cm_hidden_find_name(const struct cm_landscape *l, const char *name);

/* ';'-separated lists (engine/lists.c): 1 if list holds item, without
 * case; fn called for every non-empty item. */
int cm_list_has(const char *list, const char *item);
void cm_list_each(const char *list, void (*fn)(const char *item, size_t n, void *ctx), void *ctx);
/* 1 if s is one of l, without case. */
int cm_strlist_has(const struct cm_strlist *l, const char *s);

/* A small set of names compared without case (an ego's skills, regions,
 * groups): linear, for the few an org and its partners have.  Zero it to
 * start; nomem is set when an add fails. */
struct cm_nameset {
	char **v;
	size_t n, cap;
	int nomem;
};
int cm_nameset_has(const struct cm_nameset *s, const char *x, size_t n);
/* Adds x[0..n) unless empty or present (a cm_list_each callback). */
void cm_nameset_add(const char *x, size_t n, void *set);
void cm_nameset_release(struct cm_nameset *s);

/* 1 if the tie passes the filter. */
int cm_filter_keeps(const struct cm_landscape *l, const struct cm_filter *f,
		    const struct cm_tie *t);

/* Groups of organizations by a column (engine/groups.c): group_of[i]
 * is org i's group, names[g] the group's value ("" allowed), in order of
 * first appearance; the members of group g are member[start[g] ..
 * start[g+1]), in org order.  Caller frees with cm_groups_release.
 * O(n), values hashed. */
struct cm_groups {
	uint32_t *group_of;
	const char **names;     /* into values */
	size_t n;
	size_t *start, *member;
	struct cm_strset values;
};
/* Groups by any column cm_column_find resolves: a text column, budget,
 * influence, or a measure computed in a (community, coreness...; a whole
 * number is its group's name).  CM_EUSAGE, naming the columns there are,
 * when there is no such column. */
int cm_groups_of(struct cm_analysis *a, const char *name, struct cm_groups *g, struct cm_error *err);
/* The same, by a text column only (no analysis at hand). */
int cm_groups_build(const struct cm_landscape *l, const char *attr, struct cm_groups *g,
		    struct cm_error *err);
void cm_groups_release(struct cm_groups *g);

/* target[i] = 1 when org i is a decision-maker: its type is one of
 * cm_decision_maker_types_of (without case).  target holds norgs entries. */
void cm_mark_targets(const struct cm_landscape *l, const struct cm_strlist *targets, unsigned char *target);
/* The org types that are decision-makers: --targets' (targets, may be
 * NULL), else coalmap.ini's, else the built-in ones; their count. */
size_t cm_decision_maker_types_of(const struct cm_landscape *l, const struct cm_strlist *targets,
				  const char *const **v);
/* access[i] = 1 when org i has a kept tie to a target whose type gives
 * access (CM_ROLE_ACCESS: access, information, membership, the working
 * ties and types not in the schema) as its source, or either end of a
 * mutual one; drop (or NULL) marks ties left out (a resample's). */
void cm_mark_direct_access(const struct cm_landscape *l, const struct cm_filter *f, const unsigned char *drop,
			   const unsigned char *target, unsigned char *access);

/* Money per funding tie, as docs/power.md defines it: one record per
 * direction money flows (engine/funding.c).  Caller frees *out. */
struct cm_gift {
	uint32_t from, to;
	double money;
};
int cm_funding_gifts(const struct cm_landscape *l, const struct cm_filter *f,
		     struct cm_gift **out, size_t *n);
/* Per organization: money received, distinct funders, Herfindahl index of
 * its funders' shares (NaN when it has no funder or receives 0). */
int cm_funding_per_org(const struct cm_landscape *l, const struct cm_filter *f,
		       double *in, long long *funders, double *hhi);

/* Findings tables (engine/findings.c): columns section, subject, measure,
 * the value columns (NaN = empty; one named "value" unless the caller
 * names several, as diff's before, after and change), reading.  A failed
 * add sets nomem and later adds do nothing; check nomem at the end.
 * cm_findings_add fills the first value column and leaves the others empty. */
struct cm_findings {
	struct cm_table *t;
	size_t nvalues;
	int nomem;
};
int cm_findings_init(struct cm_findings *r, struct cm_table *t);
int cm_findings_init_values(struct cm_findings *r, struct cm_table *t, const char *const *names, size_t n);
void cm_findings_add(struct cm_findings *r, const char *section, const char *subject, const char *measure,
		   double value, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Adds a row with r->nvalues values (values NULL: all empty). */
void cm_findings_vadd(struct cm_findings *r, const char *section, const char *subject, const char *measure,
		    const double *values, const char *fmt, va_list ap);

/* Whether row r of a power report is a network-level figure (diff and
 * trend follow them): the whole network's, and with groups each group's
 * and its access (engine/trend.c). */
int cm_power_figure_row(const struct cm_table *p, size_t r, int groups);

/* Statistics (engine/stats.c).  Gini and top-10 % share of k values, NaN
 * when they sum to 0; Spearman's rank correlation (average ranks for
 * ties), NaN under three pairs or without variation; Freeman
 * centralization sum(max - c_i) / tmax, NaN under three values.  nomem is
 * set when a working copy cannot be made. */
double cm_gini(const double *v, size_t k, int *nomem);
double cm_top10_share(const double *v, size_t k, int *nomem);
double cm_spearman(const double *x, const double *y, size_t k, int *nomem);
double cm_freeman(const double *c, size_t n, double tmax);
/* out[i] = the 1-based rank of v[i] among v[0 .. k), tied values (equal but
 * for rounding) sharing their mean rank.  0 or CM_ENOMEM. */
int cm_ranks(const double *v, size_t k, double *out);
/* 1 if a and b are equal but for rounding (relative 1e-9). */
int cm_same_value(double a, double b);
/* Text cell (col, r) of t, "" when empty (a text column). */
const char *cm_table_text(const struct cm_table *t, size_t col, size_t r);
/* Runs fn on each of the n jobs (jobs + k * size) at once: the calling
 * thread runs job 0, a thread of its own each other, and the calling
 * thread also any job whose thread cannot start; returns when all have
 * returned.  For work whose every share depends on its index alone (the
 * permutation tests, QAP), so that the result does not depend on which
 * threads started. */
void cm_run_jobs(void *jobs, size_t n, size_t size, void *(*fn)(void *));
/* Sorts v[0 .. k) in ascending order. */
void cm_sort_doubles(double *v, size_t k);
/* The q-quantile of the sorted s[0 .. k), k > 0, interpolated linearly
 * between order statistics (Hyndman and Fan's type 7, R's and NumPy's
 * default). */
double cm_quantile(const double *s, size_t k, double q);

/* 1 once the time limit of cm_set_time_limit has passed (any thread). */
int cm_time_up(void);
/* The stage cm_progress_get reports (NULL: none), with its fraction done
 * unknown, or read from *counter (atomically) out of total.  The counter
 * must outlive the stage: clear it before freeing it. */
void cm_progress(const char *stage);
void cm_progress_count(const char *stage, const size_t *counter, size_t total);
/* The same for a stage that runs others (resamples): until it is called
 * with NULL, the stages within it do not show. */
void cm_progress_hold(const char *stage, const size_t *counter, size_t total);

/* Strict number parsing: returns 0 and *v, or -1; *hint gets a static
 * explanation for common mistakes (decimal comma, hex), or NULL. */
int cm_parse_number(const char *s, double *v, const char **hint);
/* The number s[0..n) (blanks around it allowed; at most 63 characters) as
 * cm_parse_number takes it: 0, or -1 with *hint (when hint) as it says. */
int cm_read_number(const char *s, size_t n, double *v, const char **hint);
/* Makes the array *v (of elements of size bytes, *cap of them) hold at
 * least n, doubling its capacity: CM_OK or CM_ENOMEM (*v kept). */
int cm_grow(void *v, size_t *cap, size_t n, size_t size);

/* ---- rows of strings from an importer (GraphML, GML, Kumu: engine/rows.c),
 * loaded by cm_landscape_load_rows with the CSV loader's own checks. */
enum cm_decl { CM_DECL_ANY, CM_DECL_TEXT, CM_DECL_NUMBER }; /* a column's declared type */

struct cm_row {
	long line;     /* where the record starts in the source file */
	size_t n;      /* cells held; later columns are empty */
	char **cell;   /* owned, NULL = empty */
};

struct cm_rows {
	char *file;    /* shown in messages (owned) */
	long header_line;
	char **names;  /* column names (owned) */
	int *decl;     /* enum cm_decl per column */
	long *where;   /* line that declared each column (0 = unknown) */
	size_t ncols;
	struct cm_row *rows;
	size_t nrows, cap;
	struct cm_arena *text; /* the cells' text */
};

int cm_rows_init(struct cm_rows *r, const char *file);
void cm_rows_release(struct cm_rows *r);
/* Index of the column called name (exact match), or -1. */
long cm_rows_find(const struct cm_rows *r, const char *name);
/* Index of the column called name, added (with decl) if missing; -1 on ENOMEM. */
long cm_rows_column(struct cm_rows *r, const char *name, int decl, long line);
/* Appends a column even if one has that name (a CSV header as it is). */
long cm_rows_append_column(struct cm_rows *r, const char *name, int decl, long line);
/* Adds the columns every importer fills, as text declared on line: the
 * required ones first (an org's id in orgs; source, target in ties: their
 * column indices are CM_ORG_ID, CM_TIE_SOURCE, CM_TIE_TARGET), then the
 * ties' directed, whose index goes to *dir_col.  0 or CM_ENOMEM. */
int cm_rows_add_keys(struct cm_rows *orgs, struct cm_rows *ties, long line, long *dir_col);
/* Appends an empty row; returns its index or -1 on ENOMEM. */
long cm_rows_add(struct cm_rows *r, long line);
/* Sets a cell to a copy of s (n bytes); replaces any value.  0 or CM_ENOMEM. */
int cm_rows_set(struct cm_rows *r, size_t row, size_t col, const char *s, size_t n);
/* The cell's value, or NULL when empty. */
const char *cm_rows_get(const struct cm_rows *r, size_t row, size_t col);

/* Reads a CSV file into r: its header as column names (trimmed, as they
 * are), then one row per record.  r->file is the name messages cite.
 * CM_OK (diags may hold CSV errors), CM_ENOINPUT, CM_ENOMEM (err set). */
int cm_rows_read_csv(struct cm_rows *r, const char *path, struct cm_diags *diags, struct cm_error *err);
/* Sets the file messages cite.  0 or CM_ENOMEM. */
int cm_rows_rename(struct cm_rows *r, const char *file);

/* ---- a landscape's own schema, coalmap.ini (engine/schema_file.c,
 * docs/schema.md) */
extern const char cm_schema_file_name[];   /* "coalmap.ini" */
struct cm_type_rule {
	char *name;       /* lower case */
	unsigned roles;   /* CM_ROLE_* */
	long line;
};
struct cm_rename {
	char *header;     /* as written */
	char *column;     /* a known column's name */
};
struct cm_stance_word {
	char *word;
	int stance; /* CM_STANCE_SUPPORT, _NEUTRAL or _OPPOSE */
};
struct cm_schema_file {
	char *path;
	struct cm_type_rule *types;
	size_t ntypes;
	char **dm;        /* org types that are decision-makers ... */
	size_t ndm;
	int dm_set;       /* ... when the file lists them */
	struct cm_rename *renames;
	size_t nrenames;
	struct cm_stance_word *stances; /* [stance]: the data's own words */
	size_t nstances;
	double scale_lo, scale_hi;      /* [stance] scale: numbers read as stances */
	int scale_set;
	char list_sep;                  /* [organizations] list separator, 0: ';' */
	char **sensitive;               /* [sharing] sensitive: columns never written */
	size_t nsensitive;
	char **anonymise;               /* [sharing] anonymise: the default filters */
	size_t nanonymise;
};
/* The schema a source reads: opts->schema ("" for none), else
 * coalmap.ini in the folder `where`, or beside the file `where`, when
 * there is one; NULL when none (*nomem set on ENOMEM).  Caller frees. */
char *cm_schema_file_path(const char *where, const struct cm_load_opts *opts, int *nomem);
/* Reads path into sf (release it even on failure): CM_OK, CM_EDATA after
 * adding its errors (file:line) to diags, CM_ENOINPUT or CM_ENOMEM with
 * err set. */
int cm_schema_file_read(struct cm_schema_file *sf, const char *path, struct cm_diags *diags,
			struct cm_error *err);
void cm_schema_file_release(struct cm_schema_file *sf);
/* 1 and *roles when sf (may be NULL) describes tie type (lower case). */
int cm_schema_file_roles(const struct cm_schema_file *sf, const char *type, unsigned *roles);
/* The stance s[0..n) says (sf may be NULL): a built-in word, one of
 * sf's [stance] words, or a number on its scale (-2..2 by default; above
 * the middle supports, below opposes); CM_STANCE_NONE when empty; -1 when
 * none of these, -2 for a number off the scale. */
int cm_schema_file_stance(const struct cm_schema_file *sf, const char *s, size_t n);
/* stances.csv in dir, when there is one (stances.c): each row (org,
 * issue, stance) a cell of the org column stance:ISSUE, added to l; its
 * problems (an unknown org, no stance, an issue organizations.csv has as a
 * column too, a second stance on one issue) go to diags at their line.
 * ids: the org ids being loaded.  CM_OK, CM_ENOMEM, or cm_csv_read's. */
struct cm_strmap;
int cm_stances_load(struct cm_landscape *l, const struct cm_strmap *ids, const char *dir, struct cm_diags *diags,
		    struct cm_error *err);
/* The known column that header[0..n) is renamed to, or NULL. */
const char *cm_schema_file_rename(const struct cm_schema_file *sf, const char *header, size_t n);

/* ---- readers (engine/read.c holds their table): each fills the rows of
 * one source, and cm_landscape_open loads them with every check. */
struct cm_read {
	const char *path;               /* the file or folder the user gave */
	const struct cm_load_opts *opts;
	struct cm_rows *orgs, *ties;    /* initialised with file = path; the
					 * reader fills them (cm_rows_add_keys,
					 * or headers of its own that the
					 * loader's synonyms match) */
	struct cm_diags *diags;
	struct cm_error *err;
};
/* What a reader's sniffer sees: the path, whether it is a folder, and the
 * file's first bytes (up to 4 KiB; none for a folder), a UTF-8 BOM and
 * leading blanks skipped. */
struct cm_peek {
	const char *path;
	int is_dir;
	const char *ext;        /* after the last '.', or "" */
	const char *head;       /* the first bytes, NUL-terminated (binary
				 * content may hold NULs before n) */
	size_t n;
};
/* A sniffer's answer: how sure it is that the source is its format; the
 * first reader in the table sure by content wins, else the first by name. */
enum cm_sniff { CM_NOT_MINE, CM_BY_NAME, CM_BY_CONTENT };
/* 1 when the file is XML whose first element, after the prolog, comments
 * and a DOCTYPE, is root (read.c). */
int cm_xml_root_is(const struct cm_peek *p, const char *root);
/* A reader returns CM_OK, CM_EDATA after adding its errors to diags, or
 * another negative status with err set (CM_ENOINPUT, CM_ENOMEM). */
typedef int (*cm_read_fn)(struct cm_read *rd);
int cm_read_csv_edges(struct cm_read *rd);  /* read.c: an edge list alone */
int cm_read_kumu_csv(struct cm_read *rd);   /* kumu.c: Kumu's two CSV files (a folder) */
int cm_kumu_has_files(const char *dir);     /* kumu.c: 1 when dir holds them */
int cm_read_graphml(struct cm_read *rd);    /* graphml.c */
int cm_read_gml(struct cm_read *rd);        /* gml.c */
int cm_read_gexf(struct cm_read *rd);       /* read_gexf.c */
int cm_sniff_gexf(const struct cm_peek *p); /* read_gexf.c */
int cm_read_kumu_json(struct cm_read *rd);  /* read_kumu_json.c: Kumu's JSON project export */
int cm_sniff_kumu_json(const struct cm_peek *p);
int cm_read_matrix(struct cm_read *rd);     /* read_matrix.c: an adjacency matrix CSV (or a folder of them) */
int cm_sniff_matrix(const struct cm_peek *p);
/* The matrix files of dir (every *.csv a matrix, no organizations.csv or
 * relationships.csv), sorted, in *out (if out; free each and the array);
 * how many, 0 when dir is not such a folder, -1 on ENOMEM. */
int cm_matrix_folder(const char *dir, char ***out);
int cm_read_pajek(struct cm_read *rd);      /* read_pajek.c: Pajek .net */
int cm_sniff_pajek(const struct cm_peek *p);
int cm_read_dl(struct cm_read *rd);         /* read_dl.c: UCINET DL */
/* A whole file in memory, NUL-terminated, its size in *len (util.c);
 * the caller frees it.  NULL with *rc: CM_ENOINPUT (cannot open or read
 * it) or CM_ENOMEM, err set; CM_EDATA after an error in diags: the file
 * is larger than max bytes, or, when text, it holds a NUL byte. */
char *cm_slurp(struct cm_read *rd, size_t max, int text, size_t *len, int *rc);
int cm_sniff_dl(const struct cm_peek *p);
/* Ties one at a time, for the matrix, Pajek and DL readers (read_matrix.c):
 * source, target, directed and weight columns; a value > 0 is the weight,
 * a zero or negative one goes to column value_col (the tie keeps weight 1);
 * a self-tie is left out.  Counts both for one note each. */
struct cm_tie_sink {
	struct cm_rows *ties;
	const char *value_col;
	long line, dir, weight, type, value; /* column indices, -1 = none yet */
	size_t loops, nonpos;
	long loop_line, nonpos_line;
};
/* Adds the key columns to orgs and ties (declared on line).  0 or CM_ENOMEM. */
int cm_tie_sink_init(struct cm_tie_sink *k, struct cm_rows *orgs, struct cm_rows *ties, const char *value_col,
		     long line);
/* One tie src -> dst (mutual when !directed) of type (NULL: none), from line. */
int cm_tie_sink_add(struct cm_tie_sink *k, long line, const char *src, const char *dst, int directed, double value,
		    const char *type);
/* The notes on left-out self-ties and moved values, citing file. */
void cm_tie_sink_notes(const struct cm_tie_sink *k, struct cm_diags *diags, const char *file);
/* A square matrix v (n x n, row-major; names[i] names row and column i;
 * line[i] is row i's line) as ties: each non-zero cell i -> j a directed
 * tie, or, when v is symmetric, each non-zero pair i < j one mutual tie. */
int cm_matrix_ties(struct cm_tie_sink *k, size_t n, const char *const *names, const double *v, const long *line,
		   const char *type);
int cm_read_xlsx(struct cm_read *rd);       /* read_xlsx.c: an Excel workbook */
int cm_sniff_xlsx(const struct cm_peek *p); /* read_xlsx.c */
/* An edge list alone (read.c): rd->ties filled, its header naming the two
 * ends (synonyms too); gives rd->orgs an id column holding every end, in
 * order of first appearance.  CM_OK, CM_EDATA (no ends), CM_ENOMEM. */
int cm_edges_alone(struct cm_read *rd);
/* The columns of header h naming a tie's source and target, and an org's
 * id (when id), as the loader will read them: names trimmed, synonyms and
 * the renames of coalmap.ini's [columns] (read.c); -1 for none.  CM_OK or
 * CM_ENOMEM. */
int cm_tie_ends(const struct cm_read *rd, const struct cm_rows *h, long *src, long *dst, long *id);
/* Kumu's elements and connections, with Kumu's own headers, renamed to
 * a landscape's (kumu.c; docs/convert.md): the xlsx and JSON readers
 * share it.  Sets *bad after adding errors to diags.  0 or CM_ENOMEM. */
int cm_kumu_map(struct cm_rows *elements, struct cm_rows *connections, struct cm_diags *diags, int *bad);
/* Copies src into dst[0..cap) with ASCII letters in lower case (kumu.c:
 * Kumu's field names and directions compare without case); returns the
 * length copied, shorter than strlen(src) when src did not fit.  cap > 0. */
size_t cm_kumu_lower(char *dst, size_t cap, const char *src);
/* The summary a failed read ends with: err gets CM_EDATA, "N errors in
 * WHAT", at the first error's file and line.  Returns CM_EDATA. */
int cm_read_failed(struct cm_diags *diags, size_t errors_before, const char *path, const char *what,
		   struct cm_error *err);

/* The libxml2 glue of the XML readers and writers (engine/xml.c).
 * cm_xml_quiet silences libxml2's global error output (call before any
 * parser or writer).  cm_xml_on_error is an xmlStructuredErrorFunc whose
 * ctx is a struct cm_xml_err: it keeps the first error.  cm_xml_refused
 * returns why a node of that xmlReaderTypes type is refused (a DOCTYPE,
 * whose *line it finds in path when path is not NULL, or an entity
 * reference), or NULL. */
struct _xmlError;
struct cm_xml_err {
	char msg[400];
	long line;
	int failed;
};
void cm_xml_quiet(void);
/* An XML document read as a stream (graphml.c, read_gexf.c): the reader,
 * where messages go, and whether anything went wrong (nomem: out of
 * memory; bad: an error was reported). */
struct cm_xml_in {
	struct _xmlTextReader *r;
	const char *path;
	struct cm_diags *diags;
	const struct cm_load_opts *opts;
	int nomem, bad;
};
/* The line of the node the reader is on. */
long cm_xml_line(struct cm_xml_in *x);
/* A message at line of x->path; an error sets x->bad. */
void cm_xml_problem(struct cm_xml_in *x, enum cm_severity sev, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A copy of the current element's attribute name, or NULL (absent, or
 * x->nomem set). */
char *cm_xml_attr_copy(struct cm_xml_in *x, const char *name);
/* A copy of the text inside the current element (NULL with x->nomem). */
char *cm_xml_content(struct cm_xml_in *x);
void cm_xml_on_error(void *ctx, struct _xmlError *e);
const char *cm_xml_refused(const char *path, int node_type, long *line);
#define CM_XML_NO_DOCTYPE "a <!DOCTYPE> is not accepted (its entities could expand without bound); remove it"
/* s, or a copy without the characters XML 1.0 cannot hold (*tmp owns it;
 * *stripped counted once per value changed, NULL allowed); NULL on
 * ENOMEM. */
const char *cm_xml_safe(const char *s, char **tmp, size_t *stripped);
/* The XML type of an exported column (GraphML's attr.type, GEXF's type):
 * long, double, boolean (text all true/false) or string. */
const char *cm_xml_attr_type(const struct cm_column *c, size_t nrows);
/* An XML document being written (cm_xml_out_open .. cm_xml_out_close,
 * which returns CM_OK, CM_ENOMEM or CM_EOUTPUT): indented by two spaces,
 * every attribute's text made safe (cm_xml_safe, counted in *stripped);
 * failures are remembered, so writing goes on without checks. */
struct _xmlTextWriter;
struct cm_xml_out {
	struct _xmlTextWriter *w;
	size_t *stripped;
	int failed, nomem;
};
int cm_xml_out_open(struct cm_xml_out *o, FILE *f, size_t *stripped, struct cm_error *err);
int cm_xml_out_close(struct cm_xml_out *o, FILE *f, struct cm_error *err);
void cm_xml_check(struct cm_xml_out *o, int rc);
void cm_xml_start(struct cm_xml_out *o, const char *element);
void cm_xml_end(struct cm_xml_out *o);
void cm_xml_attr(struct cm_xml_out *o, const char *name, const char *value);
void cm_xml_text(struct cm_xml_out *o, const char *s);
/* Row r of column c as text (numbers in buf, n >= 32 bytes; text made
 * safe, *tmp owning a copy), or NULL when empty (or ENOMEM: o->nomem). */
const char *cm_xml_cell(struct cm_xml_out *o, const struct cm_column *c, size_t r, char *buf, size_t n,
			char **tmp);

/* Loads a landscape from an importer's rows: orgs must have a column `id`,
 * ties `source` and `target`; every rule of cm_landscape_load applies and
 * messages cite orgs->file / ties->file and the rows' lines.  Columns
 * declared CM_DECL_NUMBER must hold numbers; CM_DECL_TEXT columns stay text
 * even when their values look like numbers. */
int cm_landscape_load_rows(struct cm_landscape **out, const struct cm_rows *orgs,
			   const struct cm_rows *ties, const struct cm_load_opts *opts,
			   struct cm_diags *diags, struct cm_error *err);
/* 1 when orgs and ties start with the required columns of their files, as
 * cm_landscape_export makes them (the GraphML and GML writers' input). */
int cm_export_is_landscape(const struct cm_table *orgs, const struct cm_table *ties);
/* The text of known column c in row (an org of l, or a tie of l): a text
 * or list as stored, a stance word, true or false, a date as YYYY-MM-DD
 * in buf (n bytes, at least 16; only dates use it), an org's id, a tie
 * type; "" when empty, NULL for a number column.  Borrowed from l or buf
 * (engine/export.c). */
const char *cm_cell_text(const struct cm_landscape *l, const struct cm_column_info *c, const void *row,
			 char *buf, size_t n);

#endif
