/* cli.h - the coalmap program: the command table, its options, and what
 * the commands share. */
#ifndef CLI_H
#define CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "engine/coalmap.h"

extern const char *cli_progname;

enum cli_format { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_MD, FMT_HTML };

#define CLI_STR_(x) #x
#define CLI_STR(x) CLI_STR_(x) /* a number #defined in a header, as text for help */

/* ---- the command table (commands.c) and one option parser (options.c) */

/* The items of comma-separated arguments (owned copies), in order; an
 * option given again adds to them. */
struct cli_list {
	char **v;
	size_t n;
};

/* What an option's argument is: how the parser reads it and what it
 * stores at the option's offset. */
enum cli_kind {
	CLI_OPT_FLAG,     /* no argument; int set to 1 */
	CLI_OPT_STRING,   /* const char *: the argument (the last one given) */
	CLI_OPT_LIST,     /* struct cli_list: comma-separated items, at least one */
	CLI_OPT_LONG,     /* long: a whole number (strtol) from min to max */
	CLI_OPT_UNSIGNED, /* unsigned long long: a whole number, no sign (strtoull), min to max */
	CLI_OPT_DOUBLE,   /* double: a number (strtod) from min to max; whole with CLI_WHOLE */
	CLI_OPT_DATE,     /* int32_t: a day, YYYY-MM-DD */
	CLI_OPT_ENUM,     /* int: the value of the choice named */
	CLI_OPT_CUSTOM,   /* whatever parse stores; release frees it */
	CLI_OPT_COMMON,   /* the common option called alias (or name), with this help */
};

#define CLI_WHOLE 0x1 /* CLI_OPT_DOUBLE: only whole numbers */

/* One value of an enum option; hidden ones are accepted but not listed. */
struct cli_choice {
	const char *name;
	int value;
	int hidden;
};

/* One option of a command: its names, what it takes, where its value goes
 * and what --help, the man page and usage errors say of it.  A table ends
 * with an entry that has neither name nor letter. */
struct cli_option {
	const char *name;     /* long name without "--", or NULL for a short option only */
	int letter;           /* short option, or 0 */
	const char *arg;      /* its argument in help ("N", "A,B"); NULL: it takes none */
	const char *help;     /* what it does: one paragraph, wrapped when printed */
	enum cli_kind kind;
	size_t offset;        /* of its value in the command's args (common options: in struct cli_common) */
	double min, max;      /* numbers: the range accepted */
	unsigned flags;       /* CLI_WHOLE */
	const char *expect;   /* usage errors: what the argument must be ("a number of rows"); for an
			       * enum, what it names ("layout"); NULL: said from the kind and range */
	const char *alias;    /* another long name; CLI_OPT_COMMON: the common option it stands
			       * for when its own name differs */
	const struct cli_choice *choices;                       /* CLI_OPT_ENUM; ends at a NULL name */
	int (*parse)(const char *cmd, char *arg, void *value); /* CLI_OPT_CUSTOM: 0, or an exit
								* status after a usage error */
	void (*release)(void *value);                          /* CLI_OPT_CUSTOM: frees what parse kept */
	enum cm_name_kind names; /* CLI_OPT_LIST of names the landscape must have (cli_check_names) */
};

/* The options of the analysis commands (CLI_COMMON), kept in struct
 * cli_common.  A command's own option of the same name takes the place of
 * one; a CLI_OPT_COMMON entry only changes what help says of it. */
extern const struct cli_option cli_common_options[];
/* The sharing options (CLI_SHARE), kept in struct cli_common too. */
extern const struct cli_option cli_share_options[];
/* The names --format takes. */
extern const struct cli_choice cli_format_choices[];

/* What the common options leave for the command. */
struct cli_common {
	struct cm_filter filter;
	struct cli_list types;   /* owned storage behind filter.types */
	unsigned long long threads, samples, certify, sample_seed;
	double time_limit;
	struct cm_load_opts load;
	int format;              /* enum cli_format */
	int format_set;          /* --format given (or a command's check chose) */
	const char *output;      /* -o FILE, or NULL for stdout */
	int quiet;
	int no_cache;            /* --no-cache */
	/* the sharing options (CLI_SHARE; docs/sharing.md) */
	struct cli_list anonymise, anonymise_drop, drop;
	int include_sensitive;
	const char *key;         /* --key FILE */
	int key_new;             /* FILE did not exist */
	struct cm_share share;   /* what load.share points to */
};

#define CLI_COMMON 0x1    /* takes the common options */
#define CLI_LANDSCAPE 0x3 /* ... and its first operand is a landscape, loaded before run */
#define CLI_SHARE 0x4     /* takes the sharing options (its output may be passed on) */

struct cli_ctx;

/* One command.  cli_command_run fills a zeroed args_size struct (a copy
 * of *defaults when given) and struct cli_common at the options' offsets,
 * checks the number of operands, calls check, settles the format and
 * starts the progress display (CLI_COMMON), loads the landscape
 * (CLI_LANDSCAPE) and calls run, whose return is the exit status. */
struct cli_command {
	const char *name;
	const char *summary;      /* its line in 'coalmap --help' */
	const char *usage;        /* after "usage: coalmap NAME "; a newline starts another form */
	const char *description;  /* --help and the man page: lines of text; indented lines (lists)
				   * are kept as they are */
	const struct cli_option *options;
	size_t args_size;
	const void *defaults;     /* NULL: every value zero */
	unsigned flags;           /* CLI_COMMON, CLI_LANDSCAPE */
	int nargs_min, nargs_max; /* operands */
	const char *operands;     /* what they must be, for the usage error */
	int (*check)(struct cli_ctx *cx, void *args); /* usage checks on the whole command line,
							 * before anything is loaded; may be NULL */
	int (*run)(struct cli_ctx *cx, const void *args);
};

/* One run of a command, as the parser leaves it. */
struct cli_ctx {
	const struct cli_command *cmd;
	int argc;                       /* the operands, options taken out */
	char **argv;
	struct cli_common common;       /* CLI_COMMON */
	struct cm_landscape *landscape; /* CLI_LANDSCAPE: argv[0], freed by the parser */
	struct cm_analysis *analysis;   /* CLI_LANDSCAPE: its analysis context under the filter */
	struct cm_table table;          /* the result, for a command that makes one table */
	struct cm_error err;            /* what failed */
	struct cli_slot *slots;         /* the parser's: every option taken, and how often given */
	size_t nslots;
	void *args;                     /* the command's own option values */
};

/* The commands, in the order 'coalmap --help' lists them; NULL-terminated. */
extern const struct cli_command *const cli_commands[];

/* Parses argv (argv[0]: the command's name as typed), then checks, loads
 * and runs cmd.  Returns the exit status. */
int cli_command_run(const struct cli_command *cmd, int argc, char **argv);
/* 0, or 64 after saying which name given to an option that names tie
 * types, org types, regions or stances (struct cli_option's names) none of
 * ls[0..nls) has.  The parser calls it for a CLI_LANDSCAPE command. */
int cli_check_names(struct cli_ctx *cx, const struct cm_landscape *const *ls, size_t nls);
/* How many times the option with this long name was given. */
unsigned cli_given(const struct cli_ctx *cx, const char *name);
/* cmd's --help. */
void cli_command_help(const struct cli_command *cmd, FILE *f);
/* Every long option of every command, "COMMAND --NAME" a line (tests/cli/help.sh). */
void cli_options_list(FILE *f);
/* The man page: the prose of man.c around the COMMANDS and COMMON
 * OPTIONS that cli_man_commands prints from the table. */
void cli_man_page(FILE *f);
void cli_man_commands(FILE *f);
/* The usage error for operands cx's command does not take; returns 64. */
int cli_usage_operands(const struct cli_ctx *cx);
/* Finds the choice called name: 0 and its value, or -1. */
int cli_choice_find(const struct cli_choice *c, const char *name, int *value);
/* The name of the choice with this value, or NULL. */
const char *cli_choice_name(const struct cli_choice *c, int value);
/* Adds the non-empty items of a comma-separated list to l; returns 0, -1
 * when l is still empty, or -2 when memory ran out. */
int cli_list_split(struct cli_list *l, const char *arg);
void cli_list_release(struct cli_list *l);

extern const struct cli_command cli_cmd_check, cli_cmd_metrics, cli_cmd_power, cli_cmd_gaps,
	cli_cmd_path, cli_cmd_diff, cli_cmd_map, cli_cmd_report, cli_cmd_convert, cli_cmd_init, cli_cmd_generate,
	cli_cmd_stakeholders, cli_cmd_explore, cli_cmd_qap, cli_cmd_trend;

/* ---- shared by the commands */

/* Settles the format from -o's extension when --format was not given, and
 * turns on the progress display when stderr is a terminal. */
void cli_common_finish(struct cli_common *c);
/* Clears the progress line, if one is shown. */
void cli_progress_end(void);

/* Prints a usage error and returns 64. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints err (with location) and returns its exit status. */
int cli_fail(const struct cm_error *err);
/* Prints a loader's diagnostics to stderr, one line per distinct message
 * (its rows counted, the first listed), then how many were not kept. */
void cli_print_diags(const struct cm_diags *d);
/* Loads a landscape (any source cm_landscape_open reads), printing every
 * diagnostic to stderr.  Returns 0 or the exit status to use. */
int cli_load(const char *dir, const struct cm_load_opts *opts, struct cm_landscape **l);
/* The sharing options into c->share and c->load.share, reading --key's
 * file when there is one.  0 or an exit status. */
int cli_share_start(struct cli_common *c);
/* After a command succeeded: writes --key's file when it is new or gained
 * pseudonyms (readable by its owner only); frees the key.  Returns rc or
 * an exit status. */
int cli_share_finish(struct cli_common *c, int rc);
/* cli_load, its verdict on data errors ending in then ("nothing written"). */
int cli_load_then(const char *dir, const struct cm_load_opts *opts, struct cm_landscape **l, const char *then);

/* Output file written atomically: a temporary name in the same folder,
 * renamed over the target on commit. */
struct cli_out {
	FILE *f;
	char *tmp;
	const char *path;
	int direct;   /* a device or pipe written in place */
	int private;  /* commit leaves it readable by its owner only */
};

/* Opens path (NULL or "-" = stdout).  Refuses a path that is one of the
 * inputs (NULL-terminated list), also through links.  Returns 0 or an
 * exit status after printing the error. */
int cli_out_open(struct cli_out *o, const char *path, const char *const *inputs);
/* Flushes and renames into place; returns 0 or an exit status. */
int cli_out_commit(struct cli_out *o);
/* Drops the temporary file. */
void cli_out_abort(struct cli_out *o);
/* --missing's list of shares into shares[] (at most CLI_MAX_SHARES, each
 * from 0 to below 1).  Returns 0 or exit status 64 after saying why. */
#define CLI_MAX_SHARES 20
int cli_missing_shares(const char *cmd, const struct cli_list *missing, double *shares);
/* A chart's format ("png", "svg", "pdf") from FILE's extension, or NULL. */
const char *cli_chart_format(const char *path);
/* data[0..len) to path (NULL or "-": stdout), whole or not at all, never
 * over one of inputs.  Returns 0 or an exit status after saying why. */
int cli_write_bytes(const char *path, const void *data, size_t len, const char *const *inputs);

/* Writes a table in a format.  Returns 0 or -1 on a write error. */
int cli_write_table(const struct cm_table *t, enum cli_format fmt, FILE *f);
/* The end: says when figures are estimates, then writes t where the
 * options say, never over the landscape's own files.  Returns an exit status. */
int cli_finish(const struct cm_table *t, const struct cli_common *c, const struct cm_analysis *a);

/* Keeps a's computed measures in .coalmap-cache beside the landscape at
 * path unless --no-cache (docs/cache.md).  Returns 0 or an exit status. */
int cli_cache(const struct cli_common *c, const char *path, struct cm_analysis *a);
/* Tells on stderr when a table's path metrics are estimates, and what a
 * bound on betweenness (--epsilon) promises. */
void cli_note_estimates(const struct cm_table *t, const struct cm_analysis *a);
/* Writes t to c->output (or stdout) in c->format; returns an exit status. */
int cli_emit(const struct cm_table *t, const struct cli_common *c, const char *const *inputs);
/* t as cli_emit, and data[0..len) to path (NULL: none) beside it: both or
 * neither, the file kept only once the table is out (a chart). */
int cli_emit_with_file(const struct cm_table *t, const struct cli_common *c, const char *const *inputs,
		       const char *path, const void *data, size_t len);

/* What a loader's message starts with: "warning: ", "note: " or "". */
const char *cli_severity_word(enum cm_severity s);
/* The default title of maps and reports: the landscape folder's name as
 * written ("eies-t1"), "." and ".." resolved (into buf). */
const char *cli_folder_title(const char *dir, char *buf, size_t n);

/* CSV whose numbers read back exactly (cli/output.c; convert's landscapes). */
int cli_write_csv_exact(const struct cm_table *t, FILE *f);

#endif
