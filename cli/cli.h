/* cli.h - shared pieces of the coalmap command-line program. */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "engine/coalmap.h"

extern const char *cli_progname;

enum cli_format { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_MD, FMT_HTML };

/* Options most commands share; parsed by cli_common_option(). */
struct cli_common {
	struct cm_filter filter;
	char **types;            /* owned storage behind filter.types */
	struct cm_load_opts load;
	enum cli_format format;
	int format_set;
	const char *output;      /* -o FILE, or NULL for stdout */
	int quiet;
};

/* Long options every analysis command accepts (merge into getopt tables). */
#define CLI_COMMON_LONGOPTS                                   \
	{ "types", required_argument, NULL, 'T' },            \
	{ "at", required_argument, NULL, 'A' },               \
	{ "weighted", no_argument, NULL, 'W' },               \
	{ "threads", required_argument, NULL, 'J' },        \
	{ "samples", required_argument, NULL, 'K' },        \
	{ "exact", no_argument, NULL, 'E' },                \
	{ "time-limit", required_argument, NULL, 'L' },     \
	{ "quiet", no_argument, NULL, 'q' },                \
	{ "strict", no_argument, NULL, 'S' },                 \
	{ "format", required_argument, NULL, 'f' },           \
	{ "output", required_argument, NULL, 'o' },           \
	{ "help", no_argument, NULL, 'h' }

#define CLI_COMMON_SHORTOPTS "f:o:h"

#define CLI_COMMON_HELP \
	"  --types A,B        use only ties of these types\n" \
	"  --at DATE          use only ties that existed on DATE (YYYY-MM-DD)\n" \
	"  --weighted         path metrics use distance 1/weight\n" \
	"  --threads N        threads for path metrics (default: all cores)\n" \
	"  --samples K        estimate betweenness and harmonic closeness from K\n" \
	"                     sampled sources (default: exact up to 20,000 orgs,\n" \
	"                     1,000 sources above)\n" \
	"  --exact            never estimate\n" \
	"  --time-limit S     stop after S seconds with exit status 70, writing nothing\n" \
	"  --quiet            no progress display on a terminal\n" \
	"  --strict           treat warnings in the data as errors\n" \
	"  -f, --format FMT   table (default), csv, json, md or html\n" \
	"  -o, --output FILE  write to FILE (format from its extension) instead of stdout\n" \
	"  -h, --help         show this help\n"

void cli_common_init(struct cli_common *c);
void cli_common_release(struct cli_common *c);
/* Handles one getopt result; returns 1 if handled, 0 if not a common
 * option, or -1 after printing a usage error. */
int cli_common_option(struct cli_common *c, int opt, const char *arg);
/* Settles the format from -o's extension when --format was not given, and
 * turns on the progress display when stderr is a terminal. */
void cli_common_finish(struct cli_common *c);
/* Clears the progress line, if one is shown. */
void cli_progress_end(void);

/* Appends the non-empty items of a comma-separated list to *items (n
 * counts them); returns 0, or -1 if the list is empty or memory ran out. */
int cli_split_list(const char *arg, char ***items, size_t *n);

/* Reads a whole number from lo to hi into *v; returns 0, or -1 when s is
 * empty, not a number or out of range. */
int cli_parse_long(const char *s, long lo, long hi, long *v);

/* Prints a usage error and returns 64. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints err (with location) and returns its exit status. */
int cli_fail(const struct cm_error *err);
/* Loads a landscape, printing every diagnostic to stderr.  Returns 0 or
 * the exit status to use. */
int cli_load(const char *dir, const struct cli_common *c, struct cm_landscape **l);

/* Output file written atomically: a temporary name in the same folder,
 * renamed over the target on commit. */
struct cli_out {
	FILE *f;
	char *tmp;
	const char *path;
	int direct;   /* a device or pipe written in place */
};

/* Opens path (NULL or "-" = stdout).  Refuses a path that is one of the
 * inputs (NULL-terminated list), also through links.  Returns 0 or an
 * exit status after printing the error. */
int cli_out_open(struct cli_out *o, const char *path, const char *const *inputs);
/* Flushes and renames into place; returns 0 or an exit status. */
int cli_out_commit(struct cli_out *o);
/* Drops the temporary file. */
void cli_out_abort(struct cli_out *o);

/* Writes a table in a format.  Returns 0 or -1 on a write error. */
int cli_write_table(const struct cm_table *t, enum cli_format fmt, FILE *f);
/* The start of every analysis command once its options are read: exactly
 * nargs operands must remain (the LANDSCAPE folder first); settles the
 * common options and loads the landscape.  Returns 0 or an exit status. */
int cli_begin(const char *cmd, int argc, char **argv, int nargs, struct cli_common *c,
	      struct cm_landscape **l);
/* The end: says when figures are estimates, then writes t where the
 * options say, never over the landscape's own files.  Returns an exit status. */
int cli_finish(const struct cm_table *t, const struct cli_common *c, const struct cm_landscape *l);

/* Tells on stderr when a table's path metrics are estimates. */
void cli_note_estimates(const struct cm_table *t, const struct cm_landscape *l, const struct cm_filter *f);
/* Writes t to c->output (or stdout) in c->format; returns an exit status. */
int cli_emit(const struct cm_table *t, const struct cli_common *c, const char *const *inputs);

/* A display title made from a landscape folder's name (into buf). */
const char *cli_folder_title(const char *dir, char *buf, size_t n);

/* Commands */
int cmd_check(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
int cmd_generate(int argc, char **argv);
int cmd_power(int argc, char **argv);
int cmd_gaps(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_convert(int argc, char **argv);
/* CSV whose numbers read back exactly (cli/output.c; convert's landscapes). */
int cli_write_csv_exact(const struct cm_table *t, FILE *f);

#endif
