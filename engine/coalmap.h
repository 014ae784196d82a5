/*
 * coalmap.h - libcoalmap, the coalmap engine.
 *
 * Data flows one way: CSV files -> struct cm_landscape -> analysis graphs
 * (igraph, private to the engine) -> analyses -> struct cm_table -> writers.
 *
 * The engine never prints, exits or aborts.  Every fallible function
 * returns enum cm_status (0 on success, negative on failure) and fills an
 * optional struct cm_error.  Not thread-safe: igraph 0.10 as shipped by
 * Debian is built without thread safety.
 */
#ifndef COALMAP_H
#define COALMAP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks the library's public functions: only these are exported (the
 * engine is built with -fvisibility=hidden). */
#if defined(__GNUC__) && defined(CM_BUILDING_LIBRARY)
#define CM_API __attribute__((visibility("default")))
#else
#define CM_API
#endif

/* ------------------------------------------------------------------ */
/* Status and errors                                                    */
/* ------------------------------------------------------------------ */

enum cm_status {
	CM_OK = 0,
	CM_EUSAGE = -1,    /* bad options: exit 64 */
	CM_EDATA = -2,     /* bad input data: exit 65 */
	CM_ENOINPUT = -3,  /* missing landscape folder or file: exit 66 */
	CM_ENOMEM = -4,    /* out of memory: exit 70 */
	CM_EINTERNAL = -5, /* a bug or a library failure: exit 70 */
	CM_EOUTPUT = -6,   /* output cannot be created: exit 73 */
	CM_ETIMEOUT = -7,  /* the time limit was reached: exit 70 */
};

/* One message with its location.  line/col are 0 when unknown. */
struct cm_error {
	enum cm_status code;
	char file[256];
	long line;
	long col;
	char message[512];
};

/* Clears err (NULL allowed). */
CM_API void cm_error_clear(struct cm_error *err);
/* Fills err (NULL allowed) and returns code. */
CM_API int cm_error_set(struct cm_error *err, enum cm_status code, const char *file,
		 long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Process exit status for a status (sysexits.h values; 0 for CM_OK). */
CM_API int cm_status_exit_code(enum cm_status code);
/* Static English name of a status ("bad data", ...). */
CM_API const char *cm_status_str(enum cm_status code);

/* Diagnostics gathered while loading: errors and warnings in file order. */
/* A note says how the data were read (a renamed column); never counted. */
enum cm_severity { CM_WARNING, CM_ERROR, CM_NOTE };

#define CM_DIAG_LINES 5 /* lines kept per grouped diagnostic */

/* One message, however many rows it occurs on: occurrences with the same
 * severity, file and text are one entry, located at the first. */
struct cm_diag {
	enum cm_severity severity;
	struct cm_error where; /* code, file, first line, col, message */
	char hint[256];        /* what was probably meant ("did you mean 'ipu'?"), or "" */
	size_t count;          /* occurrences */
	long lines[CM_DIAG_LINES]; /* the first min(count, CM_DIAG_LINES) lines */
	uint64_t hash;         /* of the message (engine-private) */
};

struct cm_diags {
	struct cm_diag *v;  /* the first CM_DIAGS_MAX distinct errors and warnings */
	size_t n, cap;
	size_t n_errors;    /* counts all occurrences, including those not kept */
	size_t n_warnings;
};

#define CM_DIAGS_MAX 50

CM_API void cm_diags_init(struct cm_diags *d);
CM_API void cm_diags_release(struct cm_diags *d);

/* ------------------------------------------------------------------ */
/* Library set-up                                                       */
/* ------------------------------------------------------------------ */

/* Installs the engine's igraph error and warning handlers and seeds
 * igraph's random number generator.  Call once before anything else. */
CM_API void cm_init(void);

/* Long analyses stop with CM_ETIMEOUT once `seconds` have passed from
 * this call (0 = no limit).  Process-wide, like igraph's interruption
 * handler it is built on. */
CM_API void cm_set_time_limit(double seconds);
/* Asks the running analysis to stop as at its time limit (CM_ETIMEOUT):
 * for a language binding's Ctrl-C.  Async-signal-safe and callable from
 * any thread; cm_set_time_limit clears the request. */
CM_API void cm_interrupt(void);
/* 1 when cm_interrupt was called since the last cm_set_time_limit. */
CM_API int cm_interrupted(void);

/* Progress of long analyses, for a display on a thread of the caller's:
 * the stage the engine is in (NULL: none) and the fraction of it done in
 * [0, 1], or -1 when that is not known.  Safe from any thread at any time;
 * the engine itself never prints. */
CM_API void cm_progress_get(const char **stage, double *done);

/* ------------------------------------------------------------------ */
/* Landscape: organizations and ties                                    */
/* ------------------------------------------------------------------ */

struct cm_landscape; /* opaque */

/* What may leave the program (docs/sharing.md): applied as the last step
 * of loading, so every output shows only this. */
struct cm_pseudonyms;
struct cm_table;
struct cm_share {
	const char *const *anonymise;      /* "all", "none" or ATTR=V1,V2: the orgs */
	size_t nanonymise;                 /* matching any are anonymised; 0: the
					    * schema file's [sharing] default */
	const char *const *anonymise_drop; /* columns also emptied for them */
	size_t nanonymise_drop;
	const char *const *drop;           /* columns dropped for every org and tie */
	size_t ndrop;
	int include_sensitive;             /* keep the schema file's sensitive columns */
	struct cm_pseudonyms *key;         /* reused and extended (cm_pseudonyms_new);
					    * NULL: numbered afresh */
};

struct cm_load_opts {
	int strict;          /* warnings become errors */
	const char *format;  /* cm_landscape_open: a reader's name ("graphml"); NULL
			      * or "": told from the path and the content */
	const char *sheet;   /* a workbook's sheet of ties; NULL: found by headers */
	const char *schema;  /* the landscape's schema file (docs/schema.md); NULL:
			      * coalmap.ini in the landscape folder, or beside the
			      * file, when there is one; "": none */
	const struct cm_share *share; /* NULL: the schema file's [sharing] only */
};

/* The pseudonym key (docs/sharing.md): pseudonym, the org's own id and
 * name.  A key read from a file is checked against each landscape it is
 * used with (CM_EDATA when it was made for another), reused for the orgs
 * it holds and extended for new ones. */
CM_API struct cm_pseudonyms *cm_pseudonyms_new(void);
CM_API void cm_pseudonyms_free(struct cm_pseudonyms *k);
/* Reads a key coalmap wrote (CSV pseudonym,id,name).  CM_ENOINPUT when
 * path cannot be opened, CM_EDATA (err at file:line) when it is not such
 * a key, CM_ENOMEM. */
CM_API int cm_pseudonyms_read(struct cm_pseudonyms *k, const char *path, struct cm_diags *diags,
			      struct cm_error *err);
/* 1 when loading added pseudonyms since the key was made or read. */
CM_API int cm_pseudonyms_changed(const struct cm_pseudonyms *k);
/* The key as a table (pseudonym, id, name), in the order given. */
CM_API int cm_pseudonyms_table(const struct cm_pseudonyms *k, struct cm_table *t, struct cm_error *err);

/* Loads DIR/organizations.csv and DIR/relationships.csv into *out (a new
 * landscape the caller frees with cm_landscape_free).  Every error and
 * warning goes to diags (caller-initialised, may be NULL); err receives
 * the overall failure.  On failure *out is NULL.  O(input size) time and
 * memory. */
CM_API int cm_landscape_load(struct cm_landscape **out, const char *dir,
		      const struct cm_load_opts *opts, struct cm_diags *diags,
		      struct cm_error *err);
/* Loads any source the readers know (docs/bring-your-data.md): a
 * landscape folder, a folder holding relationships.csv alone or Kumu's CSV
 * export, or a file (an edge list, GraphML, GML, ...) whose format is told
 * from its content, else its name; opts->format names it instead.  Same
 * rules as cm_landscape_load; messages cite the source's files and lines.
 * CM_EUSAGE for an unknown format name; CM_ENOINPUT for a path that is
 * missing or a folder of nothing known.  O(input size). */
CM_API int cm_landscape_open(struct cm_landscape **out, const char *path,
			     const struct cm_load_opts *opts, struct cm_diags *diags,
			     struct cm_error *err);
CM_API void cm_landscape_free(struct cm_landscape *l);
/* How many organizations loading anonymised (struct cm_share). */
CM_API size_t cm_landscape_anonymised(const struct cm_landscape *l);
/* An anonymised org that text names by its own id or name as a whole word
 * (without case from 4 letters), for text the user adds to an output: its
 * index, with the mention at text[*at..*at + *len), or -1.  O(hidden x
 * text). */
CM_API long cm_hidden_mention(const struct cm_landscape *l, const char *text, size_t *at, size_t *len);
/* Writes a schema file (coalmap.ini, docs/schema.md) for l on f: every
 * tie type with its direction and roles, the decision-makers, the column
 * renames, with guesses for what the data leave open marked GUESS.
 * CM_EOUTPUT on a write error. */
CM_API int cm_schema_file_write(const struct cm_landscape *l, FILE *f, struct cm_error *err);
/* A starting schema file for input (a landscape folder or an edge-list
 * file, CSV) whose data do not load: each file's header, with a GUESS for
 * each required column it lacks, and the other sections commented.  1
 * when it guessed a column, 0 when not, CM_ENOMEM or CM_EOUTPUT (err). */
CM_API int cm_schema_file_template(const char *input, FILE *f, struct cm_error *err);
/* Where the schema file of input (a landscape folder or file) is looked
 * for: coalmap.ini in the folder, or beside the file.  A new string
 * (NULL on ENOMEM). */
CM_API char *cm_schema_file_where(const char *input);

CM_API size_t cm_landscape_norgs(const struct cm_landscape *l);
CM_API size_t cm_landscape_nties(const struct cm_landscape *l);
/* Borrowed strings owned by the landscape; never NULL ("" when empty). */
CM_API const char *cm_landscape_org_id(const struct cm_landscape *l, size_t i);
CM_API const char *cm_landscape_org_name(const struct cm_landscape *l, size_t i);
CM_API const char *cm_landscape_org_type(const struct cm_landscape *l, size_t i);
/* Index of the org with this id, or -1.  O(1): a hash kept from loading. */
CM_API long cm_org_find(const struct cm_landscape *l, const char *id);
/* The org a user named: its id, else its exact name when one org has it
 * (every command that takes an org goes through this), or else the one
 * id or name equal to key without case.  CM_EUSAGE when
 * there is none, with the nearest id or name as "did you mean", or when
 * the name is several orgs'. */
CM_API int cm_org_lookup(const struct cm_landscape *l, const char *key, size_t *index, struct cm_error *err);
/* What a list of names given by the user (option, e.g. "--types") must
 * match, case ignored: a tie type or an org type or region present in at
 * least one of ls[0..nls), or a stance word. */
enum cm_name_kind { CM_NAME_NONE, CM_NAME_TIE_TYPE, CM_NAME_ORG_TYPE, CM_NAME_REGION, CM_NAME_STANCE };
/* CM_EUSAGE naming the first unknown name, the nearest known one ("did
 * you mean") and what is present. */
CM_API int cm_names_check(const struct cm_landscape *const *ls, size_t nls, enum cm_name_kind kind,
			  const char *option, const char *const *names, size_t n, struct cm_error *err);
/* Files the landscape was read from (borrowed). */
CM_API const char *cm_landscape_orgs_path(const struct cm_landscape *l);
CM_API const char *cm_landscape_ties_path(const struct cm_landscape *l);

/* ------------------------------------------------------------------ */
/* Dates                                                                */
/* ------------------------------------------------------------------ */

/* Parses YYYY-MM-DD (or a bare YYYY when allow_year, taken as its first
 * day, or its last when year_end) into a day number (days since
 * 1970-01-01).  Returns 0 on success, -1 if s is not a valid date. */
CM_API int cm_date_parse(const char *s, int allow_year, int year_end, int32_t *day);

/* ------------------------------------------------------------------ */
/* Analysis filter: which ties an analysis sees                         */
/* ------------------------------------------------------------------ */

struct cm_filter {
	const char *const *types; /* keep only these tie types; NULL = all */
	size_t ntypes;
	int has_at;               /* keep only ties that existed on day `at` */
	int32_t at;
	int weighted;             /* path metrics use distance 1/weight */
	/* how path metrics (betweenness, harmonic closeness) are computed */
	size_t threads;           /* 0 = all cores */
	size_t samples;           /* sampled sources; 0 = automatic (below) */
	int exact;                /* never sample */
	/* epsilon > 0: betweenness from random shortest paths, within epsilon
	 * of every org's exact betweenness_norm with probability at least
	 * 1 - delta (0: CM_BC_DELTA), sampling on until the rank of each of the
	 * top certify orgs is certain where it can (docs/statistics.md);
	 * unweighted only.  Harmonic closeness is computed as above. */
	double epsilon, delta;
	size_t certify;
	uint64_t seed;            /* of sampled path metrics; 0 = 1 */
};

#define CM_BC_DELTA 0.1

/* Landscapes with more orgs than this get betweenness and harmonic
 * closeness estimated from sampled sources unless exact is set: as many as
 * keep the searches to about CM_SAMPLE_BUDGET vertex and arc visits in all
 * (285 on 100,000 orgs with 300,000 ties), at most 1,000 and at least 100.
 * The standard errors reported with the estimates say what that costs. */
#define CM_EXACT_MAX_ORGS 20000
#define CM_DEFAULT_SAMPLES 1000
#define CM_MIN_SAMPLES 100
#define CM_SAMPLE_BUDGET 2e8

/* Sources the path metrics of l under f will search: 0 = all (exact), else
 * the sample size. */
CM_API size_t cm_path_samples(const struct cm_landscape *l, const struct cm_filter *f);

/* ------------------------------------------------------------------ */
/* Result tables: the one shape every analysis returns                  */
/* ------------------------------------------------------------------ */

enum cm_kind { CM_TEXT, CM_INT, CM_REAL };

/* ------------------------------------------------------------------ */
/* The metric registry: every per-organization measure, declared once   */
/* ------------------------------------------------------------------ */

/* Per-organization columns in the order `coalmap metrics` writes them.
 * Analyses, writers, legends and docs take names and labels from
 * cm_metric_info(), never from their own strings. */
enum cm_metric {
	CM_M_ID, CM_M_NAME, CM_M_TYPE,
	CM_M_DEGREE, CM_M_STRENGTH, CM_M_IN_DEGREE, CM_M_OUT_DEGREE,
	CM_M_BETWEENNESS, CM_M_BETWEENNESS_NORM, CM_M_HARMONIC, CM_M_EIGENVECTOR, CM_M_PAGERANK,
	CM_M_CONSTRAINT, CM_M_EFFECTIVE_SIZE, CM_M_CLUSTERING, CM_M_CORENESS, CM_M_REACH2,
	CM_M_CP_CORENESS, CM_M_CP_CORE,
	CM_M_COMMUNITY, CM_M_ARTICULATION, CM_M_FUNDING_IN, CM_M_FUNDERS, CM_M_FUNDING_HHI,
	CM_M_BETWEENNESS_SE, CM_M_HARMONIC_SE, /* only when path metrics are sampled */
	CM_M_BETWEENNESS_LOW, CM_M_BETWEENNESS_HIGH, /* only when betweenness is bounded (epsilon) */
	CM_M_COORDINATOR, CM_M_ITINERANT, CM_M_REPRESENTATIVE, CM_M_GATEKEEPER, CM_M_LIAISON,
	CM_M_BROKERAGE,                        /* only with --group-by */
	CM_METRIC_N
};

/* Flags of a metric. */
#define CM_MF_LABEL 1u     /* names the org (id, name, type), not a measure */
#define CM_MF_SAMPLED 2u   /* present only when path metrics are estimated */
#define CM_MF_GROUPED 4u   /* present only with a grouping (brokerage roles) */
#define CM_MF_CATEGORY 8u  /* a category (community, articulation), not a size */
#define CM_MF_BOUNDED 16u  /* present only when betweenness is bounded (cm_filter.epsilon) */

struct cm_metric_info {
	const char *name;        /* column name: "betweenness_norm" */
	const char *label;       /* for legends and sentences: "brokerage (normalized betweenness)" */
	const char *short_label; /* for table headings: "brokerage" */
	const char *definition;  /* one sentence */
	const char *unit;        /* "orgs", "ties", "share", "" ... */
	const char *reference;   /* the independent implementation it is checked against */
	enum cm_kind kind;
	signed char direction;   /* +1: higher is more central; -1: lower is; 0: neither */
	unsigned flags;          /* CM_MF_* */
};

/* The entry of m (static storage); NULL when m is out of range. */
CM_API const struct cm_metric_info *cm_metric_info(enum cm_metric m);
/* The metric whose column name is name (exact, case-insensitive), or -1.  O(CM_METRIC_N). */
CM_API int cm_metric_find(const char *name);

struct cm_column {
	char *name;
	enum cm_kind kind;
	int metric;           /* enum cm_metric the column holds, or -1 */
	char **text;          /* CM_TEXT: copies owned by the table, NULL = empty */
	long long *ints;      /* CM_INT */
	double *reals;        /* CM_REAL: NaN = empty */
	unsigned char *null;  /* 1 = empty cell (all kinds) */
};

struct cm_table {
	char *title;          /* owned, may be NULL */
	size_t nrows, ncols;
	struct cm_column *cols;
	size_t cap;           /* rows allocated in every column (>= nrows) */
	struct cm_arena *text; /* where the text cells live (engine/table.c) */
};

/* Initialises an empty table with nrows rows and no columns. */
CM_API void cm_table_init(struct cm_table *t, size_t nrows);
CM_API void cm_table_release(struct cm_table *t);
/* Adds a column of empty cells; returns its index, or -1 (CM_ENOMEM). */
CM_API int cm_table_add_column(struct cm_table *t, const char *name, enum cm_kind kind);
/* Setters.  Text is copied; a NaN or infinite real is stored as empty.
 * Return 0, or CM_ENOMEM. */
CM_API int cm_table_set_text(struct cm_table *t, size_t col, size_t row, const char *s);
CM_API void cm_table_set_int(struct cm_table *t, size_t col, size_t row, long long v);
CM_API void cm_table_set_real(struct cm_table *t, size_t col, size_t row, double v);
/* Appends an empty row; returns its index, or -1 (CM_ENOMEM). */
CM_API long cm_table_add_row(struct cm_table *t);
/* Adds a column for metric m, named and typed by the registry; returns
 * its index, or -1 (CM_ENOMEM). */
CM_API int cm_table_add_metric(struct cm_table *t, enum cm_metric m);
/* Column index by name, or -1. */
CM_API int cm_table_find(const struct cm_table *t, const char *name);
/* Index of the column holding metric m, or -1. */
CM_API int cm_table_col(const struct cm_table *t, enum cm_metric m);
/* Reorders rows by a column (descending for numbers, ascending for text),
 * ties broken by original order.  Returns 0 or CM_ENOMEM. */
CM_API int cm_table_sort(struct cm_table *t, size_t col, int descending);
/* Keeps the first n rows. */
CM_API void cm_table_truncate(struct cm_table *t, size_t n);

/* ------------------------------------------------------------------ */
/* Documents: headed parts holding tables and figures (the report)     */
/* ------------------------------------------------------------------ */

/* The document's figures, each drawn by the caller (viz) */
enum cm_doc_figure_id { CM_FIGURE_MAP, CM_FIGURE_GRID, CM_FIGURE_CURVES, CM_FIGURE_TREND, CM_DOC_FIGURES };

struct cm_doc_figure {
	char *svg;               /* SVG bytes (HTML inlines them), or NULL: not drawn */
	size_t len;
	char *caption;           /* NULL: none */
	char *file;              /* Markdown links here; NULL: says how to draw it */
	struct cm_table data;    /* what the figure draws, when the document has it
				    (the grid: the cm_stakeholders table; the curves:
				    cm_inequality_curves); else empty */
};

struct cm_doc_part {
	char *anchor;            /* HTML id */
	char *heading;
	char *intro;             /* NULL: none */
	int figure;              /* 0, or 1 + the cm_doc_figure_id shown first */
	struct cm_table table;   /* shown unless empty */
	char *note;              /* NULL: none; shown under the table */
};

struct cm_doc {
	char *title, *lede, *footer;
	struct cm_doc_part *parts;
	size_t nparts;
	struct cm_doc_figure fig[CM_DOC_FIGURES];
};

CM_API void cm_doc_init(struct cm_doc *d);
CM_API void cm_doc_release(struct cm_doc *d);
/* Appends a part with copies of the strings (intro may be NULL) and an
 * empty table; NULL when memory runs out. */
CM_API struct cm_doc_part *cm_doc_add(struct cm_doc *d, const char *anchor, const char *heading, const char *intro);

/* ------------------------------------------------------------------ */
/* Writers: every table (and document) in every format                  */
/* ------------------------------------------------------------------ */

struct cm_writer {
	const char *name; /* "table" (aligned, for a terminal), "csv", "json", "md", "html" */
	int (*table)(const struct cm_table *t, FILE *f, struct cm_error *err);
	int (*doc)(const struct cm_doc *d, FILE *f, struct cm_error *err); /* NULL: tables only */
};

/* The writer called name, or NULL. */
CM_API const struct cm_writer *cm_writer_find(const char *name);
/* Write t (or d) on f.  CM_EOUTPUT when f fails (errno tells why; EPIPE
 * when the reader went away), CM_ENOMEM; CM_EUSAGE for a document in a
 * format that has none.  O(size of the table). */
CM_API int cm_write_table(const struct cm_writer *w, const struct cm_table *t, FILE *f, struct cm_error *err);
CM_API int cm_write_doc(const struct cm_writer *w, const struct cm_doc *d, FILE *f, struct cm_error *err);
/* CSV whose numbers read back exactly (landscapes written by convert). */
CM_API int cm_write_csv_exact(const struct cm_table *t, FILE *f, struct cm_error *err);

/* ------------------------------------------------------------------ */
/* The analysis context: one per landscape and filter                   */
/* ------------------------------------------------------------------ */

/* Owns the graphs, the path searches and every per-org measure of a
 * landscape under a filter, each computed on first request and kept, so
 * that analyses run on the same context (metrics, power, gaps, the map,
 * the report) never compute a measure twice. */
struct cm_analysis; /* opaque */

/* A new context for l (borrowed: it must outlive the context) with ties
 * kept by f (copied; NULL = every tie).  Computes nothing yet.  The caller
 * frees it with cm_analysis_free.  O(1). */
CM_API int cm_analysis_new(struct cm_analysis **out, const struct cm_landscape *l, const struct cm_filter *f,
		    struct cm_error *err);
CM_API void cm_analysis_free(struct cm_analysis *a);
CM_API const struct cm_landscape *cm_analysis_landscape(const struct cm_analysis *a);
CM_API const struct cm_filter *cm_analysis_filter(const struct cm_analysis *a);
/* The values of per-org measure m, one per org in file order (NaN =
 * empty), owned by the context; computed on first request with the
 * measures its kernel shares.  CM_EUSAGE for a label or grouped measure,
 * or a standard error when path metrics are exact. */
CM_API int cm_analysis_values(struct cm_analysis *a, enum cm_metric m, const double **v, struct cm_error *err);
/* 1 when m's values are computed already (asking for them costs nothing). */
CM_API int cm_analysis_has(const struct cm_analysis *a, enum cm_metric m);
/* Keeps the measures a computes that read nothing but its graphs (path
 * metrics, eigenvector, PageRank, triangles, constraint, coreness,
 * articulation points, communities, core/periphery) in folder dir (made
 * when missing; NULL: no cache), and takes them from there when a file
 * holds them for exactly these graphs and options, computed by this very
 * build (docs/cache.md).  A folder that cannot be written only means no
 * cache.  CM_ENOMEM. */
CM_API int cm_analysis_set_cache(struct cm_analysis *a, const char *dir);
/* Why measure m, computed, is empty for every org, or NULL: eigenvector
 * centrality where ARPACK does not converge within its budget (the two
 * largest eigenvalues almost equal, as on a long chain; SPEC.md); and
 * likewise why the core/periphery coreness is an approximation (its
 * sweeps' budget ran out first, on very large networks). */
CM_API const char *cm_analysis_why_empty(const struct cm_analysis *a, enum cm_metric m);
/* 1 when betweenness and harmonic closeness are estimated from samples. */
CM_API int cm_analysis_sampled(const struct cm_analysis *a);
/* How betweenness was bounded (cm_filter.epsilon > 0), once the path
 * metrics are computed: the promise, the random shortest paths drawn and
 * the most the promise could need (capped: all of them were), and of the
 * top_k orgs by betweenness, how many have a certain rank (certain[i] for
 * rank i + 1, owned by the context).  CM_EUSAGE when betweenness is not
 * bounded or not computed yet. */
struct cm_bound_info {
	double epsilon, delta;
	size_t samples, cap;
	int capped;
	size_t top_k, certified;
	const unsigned char *certain;
};
CM_API int cm_analysis_bound(const struct cm_analysis *a, struct cm_bound_info *out);

/* ------------------------------------------------------------------ */
/* Analyses                                                             */
/* ------------------------------------------------------------------ */

/* The per-org metrics table of a (SPEC.md "Metrics"): one row per org, a
 * column per registry measure; sampled tables carry the columns
 * betweenness_se and harmonic_se (standard errors).  out is
 * caller-initialised and replaced.  Cost is dominated by betweenness and
 * harmonic closeness, O(n*m) exact, or O(samples*m) when sampled; once per
 * context. */
CM_API int cm_metrics(struct cm_analysis *a, struct cm_table *out, struct cm_error *err);

/* Adds the group column (unless the table has one of that name) and the
 * Gould-Fernandez brokerage role counts of docs/power.md (coordinator,
 * itinerant, representative, gatekeeper, liaison, brokerage) to a metrics
 * table whose rows are the orgs in file order.  CM_EUSAGE if the landscape
 * has no column group_by.  O(sum of indeg * outdeg) on the tie graph. */
CM_API int cm_brokerage(struct cm_analysis *a, const char *group_by, struct cm_table *metrics, struct cm_error *err);

/* The power report (docs/power.md): one row per figure with columns
 * section, subject, measure, value, reading; with permutations, also
 * p_value, null_mean, null_low, null_high before the reading
 * (docs/statistics.md).  out is caller-initialised.  Dominated by the
 * per-org metrics (O(n*m)), with key_players k O(k*(n + m)) for KPP-Neg,
 * with permutations N O(N*(n + m)) over the threads of the filter. */
struct cm_power_opts {
	const char *group_by;          /* org column for groups, or NULL */
	const char *const *targets;    /* decision-maker types; NULL = decision_maker, government */
	size_t ntargets;
	size_t key_players;            /* k for KPP-Neg and KPP-Pos; 0 = none */
	size_t permutations;           /* permutation tests' draws; 0 = no tests (CLI default below) */
	uint64_t seed;                 /* their seed, and the resamples': the same seed, the same figures */
	/* The robustness of the key players and gatekeepers when data are
	 * missing (docs/statistics.md, "Robustness of rankings"): nmissing
	 * shares (0: none), `resamples` each (0: CM_RANK_RESAMPLES) leaving out
	 * that share of the ties, or with missing_orgs of the orgs; each
	 * listed org gets a row per share after the row of its place
	 * (kpp_neg_kept:S, kpp_pos_kept:S, routes_kept:GROUP:S). */
	const double *missing;
	size_t nmissing, resamples;
	int missing_orgs;
};
#define CM_POWER_PERMUTATIONS 1000 /* coalmap power's and report's default */
#define CM_POWER_SEED 1            /* likewise */

CM_API int cm_power(struct cm_analysis *a, const struct cm_power_opts *o, struct cm_table *out, struct cm_error *err);

/* The curves behind cm_power's inequality figures, for charts
 * (cm_map_chart_render): a Lorenz curve for degree, betweenness, budget
 * (the orgs that have one) and funding received (x the share of orgs,
 * those with least first; y the share of the total they hold; 101 exact
 * points, or one per org below 100 orgs), then the degree distribution (x
 * a degree, y the number of orgs with it).  Fills out (caller-initialised)
 * with rows chart ("lorenz", "degree_distribution"), measure, label, x, y,
 * reading; label and reading on a curve's first row only (the reading:
 * "Gini 0.31; the top 10 % hold 28 %", "mean 6.9, median 5, most 34; 2
 * with none").  A measure with fewer than two values, a negative value or
 * no positive total has no curve.  O(n log n) once degree and betweenness
 * are computed. */
CM_API int cm_inequality_curves(struct cm_analysis *a, struct cm_table *out, struct cm_error *err);

/* How far to trust a ranking when data are missing (docs/statistics.md,
 * "Robustness of rankings"; Borgatti, Carley and Krackhardt 2006): for
 * each share s, `resamples` copies of the network that each leave out
 * round(s * m) of its m ties (or, with orgs, round(s * n) orgs and their
 * ties) drawn uniformly, resample r from a generator seeded with (seed,
 * s, r); the measure is recomputed on each by the context's kernels.
 * One row per org of the observed top `top` and share (a long table):
 * id, name, the measure, rank (1 + orgs ranked strictly above), missing,
 * resamples (those holding the org), keeps_rank and in_top (the shares of
 * them ranking it at its rank or better, in the top `top`), rank_low and
 * rank_high (2.5th and 97.5th percentiles, nearest rank), reading.  out is
 * caller-initialised.  Costs shares * resamples * the measure's kernel
 * (betweenness O(n * m), sampled above CM_EXACT_MAX_ORGS), one resample
 * after another.  CM_EUSAGE for a share outside [0, 1), no resamples, or a
 * measure without a direction. */
struct cm_rank_opts {
	enum cm_metric by;     /* the measure ranked (its registry direction says which end is first) */
	const double *shares;  /* shares missing, each in [0, 1) */
	size_t nshares;
	size_t resamples;      /* per share, > 0 */
	size_t top;            /* k: the observed top k are reported */
	int orgs;              /* 1: orgs go missing (with their ties), not ties */
	uint64_t seed;
};
#define CM_RANK_RESAMPLES 100 /* coalmap metrics --missing's defaults */
#define CM_RANK_TOP 10
#define CM_RANK_SEED 1

CM_API int cm_rank_robustness(struct cm_analysis *a, const struct cm_rank_opts *o, struct cm_table *out,
			      struct cm_error *err);

/* A list of strings the caller owns. */
struct cm_strlist {
	const char *const *v;
	size_t n;
};

/* Recommendation score components (docs/gaps.md), in column order. */
enum cm_gap_component {
	CM_GAP_CLOSENESS, CM_GAP_FIT, CM_GAP_COMPLEMENTARITY, CM_GAP_REACH, CM_GAP_CONSTRAINT,
	CM_GAP_INFLUENCE, CM_GAP_ACCESS, CM_GAP_NCOMPONENTS
};
/* Static name of a component ("closeness", ...), or NULL. */
CM_API const char *cm_gaps_component_name(size_t k);

/* The partner roles recommendations are made for (docs/gaps.md): each has
 * its own gate and score.  BALANCED is the weighted mean of the seven
 * components (`--weights`) with no gate; ALL is the four roles before it,
 * one ranked list each. */
enum cm_partner_role {
	CM_PARTNER_STRATEGIC, CM_PARTNER_IMPLEMENTING, CM_PARTNER_DISTRIBUTION, CM_PARTNER_ACCESS,
	CM_PARTNER_BALANCED, CM_PARTNER_ALL
};
/* Static name of a role ("strategic", ...), or NULL; and the role named s
 * (CM_PARTNER_ALL for "all"), or -1. */
CM_API const char *cm_partner_role_name(int role);
CM_API int cm_partner_role_of(const char *s);

struct cm_gaps_opts {
	const char *for_org;                     /* recommendations for this org (an id or a name), or
						  * for a coalition: several, separated by commas */
	const char *for_group;                   /* or for the members of a group: "ATTR=VALUE" */
	const char *group_by;                    /* complementarity groups; NULL = type */
	struct cm_strlist targets;               /* decision-maker types; empty = default */
	int include_targets;                     /* decision-makers may be candidates */
	enum cm_partner_role role;               /* default STRATEGIC */
	double weights[CM_GAP_NCOMPONENTS];      /* BALANCED's score weights */
	struct cm_strlist type, region, exclude_stance;         /* candidate filters */
	struct cm_strlist need_skills, need_types, need_regions;
	size_t top;                              /* rows kept; 0 = all */
};

/* Sets o to the defaults of `coalmap gaps`: every score component
 * weighted 1, no filters, every row. */
CM_API void cm_gaps_opts_init(struct cm_gaps_opts *o);

/* Ranks the partners o->for_org (or o->for_group's members, as one
 * coalition) could add in o->role (docs/gaps.md): one
 * row per candidate passing the role's gate, with role, rank (within the
 * role), id, name, type, score, the components, new_reach,
 * shared_partners, risk and a one-line why.  CM_EUSAGE for an unknown org.
 * O(n + m) after the graphs are built. */
CM_API int cm_recommend(struct cm_analysis *a, const struct cm_gaps_opts *o, struct cm_table *out, struct cm_error *err);

/* What the recommendations of o could not assess for lack of data (a
 * role's list empty or ranked on structure alone, a risk not assessed),
 * as sentences into buf[0..n); "" when nothing.  0, or CM_EUSAGE for an
 * unknown org (err set). */
CM_API int cm_recommend_limits(struct cm_analysis *a, const struct cm_gaps_opts *o, char *buf, size_t n,
			       struct cm_error *err);

/* Gaps of the whole landscape (docs/gaps.md): rows section, subject,
 * measure, value, reading.  Runs the metrics (communities, betweenness). */
CM_API int cm_gaps(struct cm_analysis *a, const struct cm_gaps_opts *o, struct cm_table *out, struct cm_error *err);

/* The k shortest introduction chains from one org to another (docs/gaps.md):
 * rows rank, length, trust, weight, ids, path (names).  CM_EUSAGE for an
 * unknown org; no rows when they are not connected; trust empty (NaN)
 * when no tie the chains may use has a trust (cm_path_trust). */
CM_API int cm_path(struct cm_analysis *a, const char *from, const char *to, size_t k, struct cm_table *out,
	    struct cm_error *err);

/* For cm_path's note: *pairs = the orgs linked by a tie that chains use
 * (kept by the filter, not conflict), *known = how many of them have a
 * trust.  With none, cm_path leaves trust empty and ranks chains by
 * length, then weight; with some, a pair without one counts 0.5. */
CM_API int cm_path_trust(struct cm_analysis *a, size_t *known, size_t *pairs, struct cm_error *err);

/* How org `from` reaches each decision-maker (types in targets; empty =
 * decision_maker and government): one row per decision-maker with id,
 * name, type, length, trust, ids and path (names) of its best chain as
 * cm_path ranks them (shortest, then most trusted, then heaviest;
 * among chains equal on all three, any one), nearest first; unreachable
 * ones last with empty length, trust and path.  top keeps the first rows
 * (0 = all).  CM_EUSAGE for an unknown org.  One search: O(n + m). */
CM_API int cm_routes(struct cm_analysis *a, const char *from, const struct cm_strlist *targets, size_t top,
	      struct cm_table *out, struct cm_error *err);

/* Stakeholders (docs/stakeholders.md): influence x alignment, and the
 * signed network of conflict ties. */
struct cm_stake_opts {
	struct cm_strlist focus;   /* orgs (ids or names) alignment is measured with,
				    * taken as one; empty: alignment is stance itself */
	struct cm_strlist targets; /* decision-maker types; empty = default */
	size_t top;                /* cm_stake_camps: swing actors and bridges listed; 0 = all */
	char *notes;               /* NULL, or filled with sentences on what the data
				    * leave out (an issue column without a stance) */
	size_t notes_size;
};
#define CM_STAKE_EXACT_MAX 24 /* largest signed component whose frustration is exact */
/* One row per org, most influential first: id, name, type, stance,
 * stated_influence, network_influence (mean of the percentile ranks of
 * PageRank and betweenness and of direct access to a decision-maker),
 * influence, alignment (-1..1, empty when unknown), issues_compared,
 * quadrant (focus, champion, persuadable, blocker, low_priority) and
 * camp (1, 2, or empty).  Stances come from the stance column and every
 * `stance:ISSUE` column; CM_EDATA (file:line) for a cell off the scale,
 * CM_EUSAGE for an unknown focus org.  O(n log n + m^1.5) after the
 * metrics. */
CM_API int cm_stakeholders(struct cm_analysis *a, const struct cm_stake_opts *o, struct cm_table *out,
			   struct cm_error *err);
/* The signed network (conflict ties negative, the others positive) as
 * findings: ties, triangle balance, frustration index (exact per component
 * up to CM_STAKE_EXACT_MAX orgs, else the best of 16 greedy starts with
 * local moves, an upper bound; the reading says which), the two camps and their error,
 * swing actors and bridging ties.  Without a negative tie, a stated empty
 * result.  Errors as cm_stakeholders. */
CM_API int cm_stake_camps(struct cm_analysis *a, const struct cm_stake_opts *o, struct cm_table *out,
			  struct cm_error *err);
/* Each org's stance from text column `column` for a map's colours:
 * "stance" gives the sign of the org's mean over every issue (the stance
 * column and each stance:ISSUE column, as cm_stakeholders' alignment
 * without a focus), "stance:ISSUE" its stance on that issue.  out[i] (one
 * per org) is 1 support, 0 neutral, -1 oppose, CM_STANCE_UNKNOWN when no
 * stance is known.  CM_EUSAGE for a column that is neither, CM_EDATA as
 * cm_stakeholders.  O(orgs x issues). */
#define CM_STANCE_UNKNOWN 2
CM_API int cm_org_stances(const struct cm_landscape *l, const char *column, signed char *out,
			  struct cm_error *err);

/* QAP (docs/qap.md): does one tie network go with others?  A term is a
 * dyadic matrix over the orgs: TYPE (1 where a tie of that type kept by
 * the filter goes from i to j; an undirected tie both ways), TYPE:weight
 * or TYPE:amount (their sum), same:ATTR (1 when both orgs have the same
 * non-empty value of a text column), diff:ATTR (|x_i - x_j| of budget,
 * influence or a numeric column; orgs without a value are left out, and
 * notes says how many).  Every ordered pair i != j is a cell (sna's
 * mode "digraph").  With one x: one row, the graph correlation r (as
 * sna::gcor) and its QAP test (as sna::qaptest): y, term, n, r, p_ge,
 * p_le, p_two_sided, null_mean, null_low, null_high, permutations, note.
 * With several: OLS of y on an intercept and the x's (as sna::netlm) with
 * Dekker's double semi-partialling test of each t-value (nullhyp
 * "qapspp"): a row for the intercept and one per x with y, term, n,
 * coefficient, t, p_two_sided, p_le, p_ge, null_mean, null_low, null_high
 * (of t), r2, adj_r2, permutations, note.  A constant term, or fewer
 * than 3 orgs, gives a row whose figures are empty and whose note says
 * why.  Permutation k of term s is drawn from (seed, s, k) alone, so the
 * output is the same for any number of threads (the filter's).
 * CM_EUSAGE for an unknown tie type or column (did you mean) or a type
 * the filter's types leave out, CM_EDATA
 * for collinear x's or more than CM_QAP_MAX_ORGS orgs, CM_ETIMEOUT.
 * Memory: (x's + 2) n x n doubles.  Time: per permutation and term,
 * O(n^2) for a dense matrix, O(ties) for a sparse one, times the terms. */
#define CM_QAP_MAX_ORGS 3000
#define CM_QAP_MAX_TERMS 16
#define CM_QAP_PERMUTATIONS 1000
struct cm_qap_opts {
	const char *y;              /* the dependent term */
	const char *const *x;       /* the independent terms */
	size_t nx;                  /* 1 to CM_QAP_MAX_TERMS */
	size_t permutations;        /* 0: the estimates only */
	uint64_t seed;
	char *notes;                /* NULL, or filled with what was left out */
	size_t notes_size;
};
CM_API int cm_qap(struct cm_analysis *a, const struct cm_qap_opts *o, struct cm_table *out, struct cm_error *err);

/* Landscape summary for `coalmap check`: rows (section, item, value).
 * out is caller-initialised.  O(n + m). */
CM_API int cm_check(struct cm_analysis *a, struct cm_table *out, struct cm_error *err);

/* The report (one file for people who do not run coalmap): title and
 * lede, the map's place, key organizations, the power briefing, the
 * landscape's gaps and, with for_org, its partners and routes to
 * decision-makers; each part a table of chosen columns under plain names.
 * d is caller-initialised and replaced.  The map is the caller's to draw
 * (viz: cm_map_render on the same context) and set with
 * cm_report_set_map.  CM_EUSAGE for an unknown for_org.  Cost: the
 * analyses it holds, each measure computed once in a. */
struct cm_report_opts {
	const char *for_org;         /* NULL: no partners or routes */
	const char *group_by;        /* NULL: no group comparisons */
	struct cm_strlist targets;   /* decision-maker types; empty = default */
	size_t key_players;          /* for the power briefing */
	size_t top;                  /* rows of key orgs and of partners per role; 0 = the defaults below */
	const char *title;           /* NULL: made from name */
	const char *name;            /* the landscape's name, for titles */
	/* How far the rankings hold (docs/statistics.md, "Robustness of
	 * rankings"): with missing > 0 (a share below 1), `resamples` copies
	 * (0: CM_RANK_RESAMPLES) each lacking that share of the ties; the key
	 * organizations gain a column, the key players and gatekeepers a
	 * sentence.  0: none. */
	double missing;
	size_t resamples;
};
#define CM_REPORT_KEY_ORGS 15
#define CM_REPORT_PARTNERS 3 /* per partner role */
#define CM_REPORT_STAKEHOLDERS 5 /* champions, persuadables and blockers listed */
/* Change over time (ties with dates): at most this many yearly waves, and
 * only up to this many orgs (each wave is a power briefing of its own) */
#define CM_REPORT_TREND_WAVES 6
#define CM_REPORT_TREND_ORGS 5000
CM_API int cm_report_build(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d, struct cm_error *err);
/* Puts the map in d: svg (malloc'd, taken over) and a caption from what
 * was drawn.  0 or CM_ENOMEM. */
CM_API int cm_report_set_map(struct cm_doc *d, char *svg, size_t len, size_t orgs, int aggregated, int labels_limited,
		      int suggested);
/* Puts the stakeholders' grid in d (svg malloc'd, taken over), when d has
 * the stakeholders part; otherwise frees svg.  0 or CM_ENOMEM. */
CM_API int cm_report_set_grid(struct cm_doc *d, char *svg, size_t len, size_t orgs, size_t labelled);
/* Puts the inequality curves' chart in d (svg malloc'd, taken over), when
 * d's power part shows them; otherwise frees svg.  0 or CM_ENOMEM. */
CM_API int cm_report_set_curves(struct cm_doc *d, char *svg, size_t len);
/* Puts the trend lines' chart in d (svg malloc'd, taken over), when d has
 * the part on change over time; otherwise frees svg.  0 or CM_ENOMEM. */
CM_API int cm_report_set_trend(struct cm_doc *d, char *svg, size_t len);
/* 1 when d has a part showing figure id (the report: the grid only when
 * some org has a stance). */
CM_API int cm_doc_has_figure(const struct cm_doc *d, enum cm_doc_figure_id id);
/* Names the files a Markdown document at path links its drawn figures to,
 * beside it: PATH-without-extension-map.svg, -stakeholders.svg,
 * -inequality.svg and -trend.svg (into each figure's file).  0 or
 * CM_ENOMEM. */
CM_API int cm_doc_name_figures(struct cm_doc *d, const char *path);

/* Synthetic landscapes */
struct cm_gen_opts {
	size_t orgs;
	size_t ties;
	uint64_t seed;
};

/* Fills orgs and ties (caller-initialised with cm_table_init(t, 0)) with
 * a landscape in the SPEC.md format: communities, heavy-tailed degrees,
 * every attribute and tie type.  Deterministic for a seed.  O(n + m). */
CM_API int cm_generate(const struct cm_gen_opts *o, struct cm_table *orgs,
		struct cm_table *ties, struct cm_error *err);

/* ------------------------------------------------------------------ */
/* Change: two landscapes, or one landscape on two days (docs/diff.md)  */
/* ------------------------------------------------------------------ */

struct cm_diff_opts {
	const char *group_by; /* also compare the power report's groups and access; NULL = no */
	size_t top;           /* entries per list (orgs and ties gained, lost, changed;
				 orgs per position measure); 0 = all */
};

/* Compares the landscape of context before with that of after (each under
 * its context's filter); they may be the same landscape with two `at`
 * days.  Orgs
 * are matched by id; a tie is identified by its endpoints' ids (in id
 * order when mutual), its type and its direction, ties sharing all four
 * being merged (weights and amounts summed, trust averaged).  Fills out
 * (caller-initialised) with rows section, subject, measure, before, after,
 * change, reading: summary, orgs_gained, orgs_lost, orgs_changed,
 * ties_gained, ties_lost, ties_changed, position, communities, then the
 * power report's network-wide sections.  Runs cm_metrics and cm_power
 * on each side: O(n*m) each, once per context. */
CM_API int cm_diff(struct cm_analysis *before, struct cm_analysis *after, const struct cm_diff_opts *o,
	    struct cm_table *out, struct cm_error *err);

/* ------------------------------------------------------------------ */
/* Waves over time: several landscapes, or one on several days          */
/* (docs/trend.md)                                                      */
/* ------------------------------------------------------------------ */

struct cm_trend_opts {
	const char *group_by; /* also follow the groups and access of this column; NULL = no */
	int by;               /* the per-org measure (enum cm_metric) ranked for rising and falling
			       * orgs; -1 = normalized betweenness */
	size_t top;           /* orgs listed rising and falling; 0 = all */
};

/* The waves waves[0..n) (n >= 2; each context under its own filter, in
 * time order; names[w] names wave w's column) followed through time.
 * Fills out (caller-initialised) with rows section, subject, measure, one
 * column per wave, change (last minus first), reading: every network-level
 * figure of cm_power in each wave (rows matched by section, subject and
 * measure; a figure missing from a wave is empty there), notes, then the
 * orgs present in every wave whose rank on o->by rose (rising) or fell
 * (falling) most from the first wave to the last; orgs missing from a wave
 * are left out of the ranks.  CM_EUSAGE when n < 2 or o->by is not a
 * position measure.  Runs cm_power on each context: O(n*m) each. */
CM_API int cm_trend(struct cm_analysis *const *waves, const char *const *names, size_t n,
		    const struct cm_trend_opts *o, struct cm_table *out, struct cm_error *err);

/* ------------------------------------------------------------------ */
/* Conversion: GraphML, GML, Kumu (docs/convert.md)                     */
/* ------------------------------------------------------------------ */

/* Exports l as two tables (caller-initialised with cm_table_init(t, 0)):
 * orgs with id, name, the other known columns the organizations file had
 * and every extra column; ties with source, target, type, weight, directed
 * ("true"/"false", resolved from the type's default), the other known
 * columns the relationships file had and every extra column.  Numbers
 * keep their type: known numeric columns are CM_REAL, extra columns whose
 * values are all numbers CM_INT (all whole, written without '.' or
 * exponent) or CM_REAL, everything else CM_TEXT.  Dates are YYYY-MM-DD.
 * Rows in file order.  O(size of the landscape). */
CM_API int cm_landscape_export(const struct cm_landscape *l, struct cm_table *orgs,
			struct cm_table *ties, struct cm_error *err);

/* Writers: the two tables of cm_landscape_export as GraphML or GML on f.
 * Text that XML 1.0 cannot hold (control characters other than tab, LF and
 * CR; U+FFFE, U+FFFF) is left out of GraphML and counted in *stripped
 * (NULL allowed).  GML needs column names made of letters, digits and '_'
 * starting with a letter (CM_EDATA otherwise).  CM_EOUTPUT on a write
 * error.  O(size of the tables). */
CM_API int cm_graphml_write(const struct cm_table *orgs, const struct cm_table *ties, FILE *f,
		     size_t *stripped, struct cm_error *err);
CM_API int cm_gml_write(const struct cm_table *orgs, const struct cm_table *ties, FILE *f,
		 struct cm_error *err);
/* GEXF 1.2 (the version NetworkX's read_gexf and Gephi read), text made
 * safe like GraphML's: name as each node's label, weight, direction
 * (type="directed"; an undirected tie "mutual" when some tie is directed,
 * else defaultedgetype="undirected"), start and end (mode="dynamic") and
 * label as each edge's own, viz_color, viz_x, viz_y, viz_size and
 * viz_thickness columns as viz elements, every other column an
 * attribute (long, double, boolean or string). */
CM_API int cm_gexf_write(const struct cm_table *orgs, const struct cm_table *ties, FILE *f,
		  size_t *stripped, struct cm_error *err);
/* The same tables as an Excel workbook at path (libxlsxwriter writes to a
 * file name: give it a temporary one and rename it after success).  Sheets
 * "organizations" and "relationships", or with kumu Kumu's "Elements" and
 * "Connections" (docs/convert.md).  CM_EDATA when Excel cannot hold the
 * data (a text over 32767 characters, too many rows), CM_EOUTPUT,
 * CM_ENOMEM.  O(size of the tables). */
CM_API int cm_xlsx_write(const struct cm_table *orgs, const struct cm_table *ties, const char *path,
			 int kumu, struct cm_error *err);
/* Formats v as the shortest decimal that reads back as v (at most 17
 * significant digits) into buf (at least 32 bytes); returns buf. */
CM_API char *cm_format_real(double v, char *buf, size_t n);
/* Exactly snprintf(buf, n, "%.*g", digits, v), about ten times faster
 * (n at least 32). */
CM_API char *cm_format_g(double v, int digits, char *buf, size_t n);
/* Exactly snprintf(buf, n, "%lld", v), without printf's overhead. */
CM_API char *cm_format_int(long long v, char *buf, size_t n);

/* ------------------------------------------------------------------ */
/* Access: a landscape's columns and ties by index (engine/access.c)    */
/* ------------------------------------------------------------------ */

/* For clients that read a landscape without its insides (viz/, a language
 * binding): a name becomes an index once, at the boundary (cm_attr_find,
 * cm_org_find), and every value is then an O(1) call by index.  Indices
 * run from 0 to the count - 1; an index out of range is undefined
 * behaviour, as for cm_landscape_org_id.  Strings are borrowed from the
 * landscape, never NULL, and live as long as it. */

/* Organization columns held as text: id, name, type, country, region,
 * issues, skills and stance (indices 0 to 7, always there, every value ""
 * when the file had no such column), then every extra column of the
 * organizations file in file order.  budget and influence are numbers:
 * cm_landscape_org_budget and cm_landscape_org_influence. */
CM_API size_t cm_attr_count(const struct cm_landscape *l);
/* Index of the text column called name (compared without case), or -1.
 * O(columns). */
CM_API int cm_attr_find(const struct cm_landscape *l, const char *name);
/* The column's name: lower case for the known columns, as the header
 * spelt it for extra ones. */
CM_API const char *cm_attr_name(const struct cm_landscape *l, size_t attr);
/* 1 when the column is an extra one whose every non-empty value is a
 * finite number (and no importer declared it text), else 0. */
CM_API int cm_attr_numeric(const struct cm_landscape *l, size_t attr);
/* Org i's value ("" when empty); a stance is "support", "neutral",
 * "oppose" or "". */
CM_API const char *cm_attr_value(const struct cm_landscape *l, size_t attr, size_t i);
/* Org i's value as a number, read as the loader reads numbers (no hex,
 * no decimal comma, nothing around it); NaN when empty or not a number.
 * O(length of the value). */
CM_API double cm_attr_number(const struct cm_landscape *l, size_t attr, size_t i);

/* A column orgs can be grouped (--group-by), coloured, sized or
 * aggregated by: the one resolver of those options, in this order:
 * community (computed, even when the file has a column of that name),
 * budget, influence, a text column (cm_attr_find), a per-org measure of
 * the registry (coreness, articulation, degree...; not a label nor a
 * brokerage role). */
enum cm_colkind { CM_COL_ATTR, CM_COL_BUDGET, CM_COL_INFLUENCE, CM_COL_METRIC };
struct cm_colref {
	enum cm_colkind kind;
	int index; /* CM_COL_ATTR: the text column; CM_COL_METRIC: the enum cm_metric */
};
/* Resolves name (compared without case) into r; 0, or -1 when no column
 * is called so.  O(columns). */
CM_API int cm_column_find(const struct cm_landscape *l, const char *name, struct cm_colref *r);
/* The names cm_column_find knows, ", "-separated, into buf (n bytes,
 * ending "..." when cut); sampled standard errors are left out.  Returns
 * the length written. */
CM_API size_t cm_column_names(const struct cm_landscape *l, char *buf, size_t n);

/* Org i's budget and influence; NaN when empty. */
CM_API double cm_landscape_org_budget(const struct cm_landscape *l, size_t i);
CM_API double cm_landscape_org_influence(const struct cm_landscape *l, size_t i);

/* Tie types in order of first appearance in the relationships (lower
 * case: types are compared without case). */
CM_API size_t cm_tie_type_count(const struct cm_landscape *l);
CM_API const char *cm_tie_type_name(const struct cm_landscape *l, size_t type);
/* 1 for the type conflict: never a collaboration, drawn and counted apart. */
CM_API int cm_tie_type_conflict(const struct cm_landscape *l, size_t type);

/* Ties in file order, as loaded: self-ties dropped and exact duplicates
 * merged (cm_landscape_nties of them).  Ends are org indices. */
CM_API size_t cm_tie_source(const struct cm_landscape *l, size_t tie);
CM_API size_t cm_tie_target(const struct cm_landscape *l, size_t tie);
/* Index of the tie's type (cm_tie_type_name). */
CM_API size_t cm_tie_type(const struct cm_landscape *l, size_t tie);
/* 1 when directed: the directed column, else the type's default. */
CM_API int cm_tie_directed(const struct cm_landscape *l, size_t tie);
CM_API double cm_tie_weight(const struct cm_landscape *l, size_t tie);
/* NaN when empty. */
CM_API double cm_tie_trust(const struct cm_landscape *l, size_t tie);
CM_API double cm_tie_amount(const struct cm_landscape *l, size_t tie);
/* First and last day (cm_date_parse's day numbers) the tie existed;
 * INT32_MIN and INT32_MAX when open. */
CM_API int32_t cm_tie_start(const struct cm_landscape *l, size_t tie);
CM_API int32_t cm_tie_end(const struct cm_landscape *l, size_t tie);
/* 1 when filter f (NULL: keeps every tie) keeps the tie: its type is
 * among f's types and it existed on f's day.  O(f->ntypes). */
CM_API int cm_tie_kept(const struct cm_landscape *l, const struct cm_filter *f, size_t tie);

/* Names the stage cm_progress_get reports (a static string; NULL: none),
 * its fraction done unknown, for a client library's own long step (the
 * map's layout).  Safe from any thread. */
CM_API void cm_progress_set(const char *stage);

#ifdef __cplusplus
}
#endif
#endif
