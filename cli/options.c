/* options.c - one option parser for every command, built from the tables
 * (struct cli_option), and --help printed from the same tables.
 *
 * getopt_long does the reading, so long options keep their unique
 * prefixes and getopt's own messages; the tables say what each option
 * stores, what it accepts and what help and usage errors say of it. */
#include "config.h"

#include <errno.h>
#include <float.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

const struct cli_choice cli_format_choices[] = {
	{ "table", FMT_TABLE, 0 }, { "csv", FMT_CSV, 0 }, { "json", FMT_JSON, 0 }, { "md", FMT_MD, 0 },
	{ "markdown", FMT_MD, 1 }, { "html", FMT_HTML, 0 }, { "htm", FMT_HTML, 1 }, { NULL, 0, 0 },
};

#define COMMON(f) offsetof(struct cli_common, f)

const struct cli_option cli_common_options[] = {
	{ .name = "types", .arg = "A,B", .kind = CLI_OPT_LIST, .offset = COMMON(types), .names = CM_NAME_TIE_TYPE,
	  .expect = "a comma-separated list of tie types", .help = "use only ties of these types" },
	{ .name = "at", .arg = "DATE", .kind = CLI_OPT_DATE, .offset = COMMON(filter.at),
	  .help = "use only ties that existed on DATE (YYYY-MM-DD)" },
	{ .name = "weighted", .kind = CLI_OPT_FLAG, .offset = COMMON(filter.weighted),
	  .help = "path metrics use distance 1/weight" },
	{ .name = "threads", .arg = "N", .kind = CLI_OPT_UNSIGNED, .offset = COMMON(threads),
	  .min = 1, .max = 1e9, .expect = "a positive whole number",
	  .help = "threads for path metrics and permutation tests (default: all cores)" },
	{ .name = "samples", .arg = "K", .kind = CLI_OPT_UNSIGNED, .offset = COMMON(samples),
	  .min = 1, .max = 1e9, .expect = "a positive whole number",
	  .help = "estimate betweenness and harmonic closeness from K sampled sources (default: exact "
		  "up to 20,000 orgs, 1,000 sources above)" },
	{ .name = "exact", .kind = CLI_OPT_FLAG, .offset = COMMON(filter.exact), .help = "never estimate" },
	{ .name = "sample-seed", .arg = "S", .kind = CLI_OPT_UNSIGNED, .offset = COMMON(sample_seed),
	  .min = 1, .max = (double)ULLONG_MAX, .expect = "a positive whole number",
	  .help = "random seed of sampled path metrics (default 1)" },
	{ .name = "epsilon", .arg = "E", .kind = CLI_OPT_DOUBLE, .offset = COMMON(filter.epsilon),
	  .min = 1e-6, .max = 0.5, .expect = "an error bound between 0.000001 and 0.5",
	  .help = "estimate betweenness from random shortest paths, within E of every org's betweenness_norm "
		  "(with probability 1 - D); adds betweenness_low and betweenness_high" },
	{ .name = "delta", .arg = "D", .kind = CLI_OPT_DOUBLE, .offset = COMMON(filter.delta),
	  .min = 1e-9, .max = 0.5, .expect = "a probability between 0.000000001 and 0.5",
	  .help = "with --epsilon: the chance the bound may fail (default 0.1)" },
	{ .name = "certify", .arg = "K", .kind = CLI_OPT_UNSIGNED, .offset = COMMON(certify),
	  .min = 1, .max = 1e6, .expect = "a number of orgs (1 to 1000000)",
	  .help = "with --epsilon: sample on until the rank of each of the top K by betweenness is certain, "
		  "where it can be" },
	/* more than 0: strtod flags every smaller positive number with ERANGE */
	{ .name = "time-limit", .arg = "S", .kind = CLI_OPT_DOUBLE, .offset = COMMON(time_limit),
	  .min = DBL_MIN, .max = 1e7, .expect = "a number of seconds",
	  .help = "stop after S seconds with exit status 70, writing nothing" },
	{ .name = "no-cache", .kind = CLI_OPT_FLAG, .offset = COMMON(no_cache),
	  .help = "neither read nor write the measures kept in .coalmap-cache beside the landscape" },
	{ .name = "quiet", .kind = CLI_OPT_FLAG, .offset = COMMON(quiet),
	  .help = "no progress display on a terminal" },
	{ .name = "strict", .kind = CLI_OPT_FLAG, .offset = COMMON(load.strict),
	  .help = "treat warnings in the data as errors" },
	{ .name = "from", .arg = "FMT", .kind = CLI_OPT_STRING, .offset = COMMON(load.format),
	  .help = "read LANDSCAPE as FMT (landscape, edges, kumu, kumu-json, graphml, gml, gexf, xlsx, pajek, "
		  "dl, matrix) instead of telling it from its content" },
	{ .name = "schema", .arg = "FILE", .kind = CLI_OPT_STRING, .offset = COMMON(load.schema),
	  .help = "read the landscape's schema from FILE (default: coalmap.ini beside the data, when there is "
		  "one; '' for none)" },
	{ .name = "sheet", .arg = "NAME", .kind = CLI_OPT_STRING, .offset = COMMON(load.sheet),
	  .help = "a workbook's sheet of ties (default: the one whose header names two ends)" },
	{ .name = "format", .letter = 'f', .arg = "FMT", .kind = CLI_OPT_ENUM, .offset = COMMON(format),
	  .choices = cli_format_choices, .help = "table (default), csv, json, md or html" },
	{ .name = "output", .letter = 'o', .arg = "FILE", .kind = CLI_OPT_STRING, .offset = COMMON(output),
	  .help = "write to FILE (format from its extension) instead of stdout" },
	{ .name = NULL },
};

/* --anonymise: each argument is one filter (its commas separate values). */
static int parse_filter(const char *cmd, char *arg, void *value)
{
	struct cli_list *l = value;
	char **v;

	if (!*arg)
		return cli_usage_error(cmd, "--anonymise needs all, none or ATTR=VALUE[,VALUE...]");
	if (!(v = realloc(l->v, (l->n + 1) * sizeof(*v))) || !(v[l->n] = strdup(arg))) {
		if (v)
			l->v = v;
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		return 70;
	}
	l->v = v;
	l->n++;
	return 0;
}

static void release_list(void *value)
{
	cli_list_release(value);
}

const struct cli_option cli_share_options[] = {
	{ .name = "anonymise", .alias = "anonymize", .arg = "WHERE", .kind = CLI_OPT_CUSTOM,
	  .offset = COMMON(anonymise), .parse = parse_filter, .release = release_list,
	  .help = "show these organizations under pseudonyms (Organisation 17) in every output: all, or "
		  "ATTR=VALUE[,VALUE...] as map --where (type=grassroots, id=a,b); given again, either; none "
		  "overrides coalmap.ini's default. Ties and every number stay as they are" },
	{ .name = "anonymise-drop", .arg = "A,B", .kind = CLI_OPT_LIST, .offset = COMMON(anonymise_drop),
	  .expect = "a comma-separated list of columns",
	  .help = "also empty these columns for the anonymised organizations (their other columns than type, "
		  "country, region, issues, skills, budget, influence and stance are emptied anyway)" },
	{ .name = "drop-columns", .arg = "A,B", .kind = CLI_OPT_LIST, .offset = COMMON(drop),
	  .expect = "a comma-separated list of columns",
	  .help = "these organization and tie columns never leave the program" },
	{ .name = "include-sensitive", .kind = CLI_OPT_FLAG, .offset = COMMON(include_sensitive),
	  .help = "write the columns coalmap.ini marks sensitive (by default they are dropped)" },
	{ .name = "key", .arg = "FILE", .kind = CLI_OPT_STRING, .offset = COMMON(key),
	  .help = "the pseudonym key (pseudonym,id,name; keep it private): reused when FILE exists, so that "
		  "shared files agree, written or extended when not" },
	{ .name = NULL },
};

/* Every command takes it; the parser answers it. */
static const struct cli_option help_option = {
	.name = "help", .letter = 'h', .kind = CLI_OPT_FLAG, .help = "show this help",
};

/* One option as a command takes it: the entry that says how it is read
 * (opt) and the one whose help is shown, which differ when a command
 * words a common option its own way. */
struct cli_slot {
	const char *name;               /* long name, or NULL */
	const char *alias;              /* a second long name, or NULL */
	int letter;
	const struct cli_option *opt;
	const struct cli_option *shown;
	int common;                     /* kept in struct cli_common */
	unsigned given;
};

#define MAX_SLOTS 64
#define HELP_COL_MAX 18  /* option names longer than this have their help on the next line */
#define WIDTH 79

static int is_end(const struct cli_option *o)
{
	return !o->name && !o->letter;
}

static const struct cli_option *find_option(const struct cli_option *t, const char *name)
{
	for (; t && !is_end(t); t++)
		if (t->name && name && !strcmp(t->name, name))
			return t;
	return NULL;
}

/* A common or sharing option by name. */
static const struct cli_option *find_common(const char *name)
{
	const struct cli_option *o = find_option(cli_common_options, name);

	return o ? o : find_option(cli_share_options, name);
}

static void add_slot(struct cli_slot *s, const struct cli_option *opt, const struct cli_option *shown,
		     int common)
{
	int renamed = shown->kind == CLI_OPT_COMMON && shown->alias; /* --via-types for --types */

	memset(s, 0, sizeof(*s));
	s->opt = opt;
	s->shown = shown;
	s->common = common;
	s->name = renamed ? shown->name : opt->name;
	s->letter = renamed ? shown->letter : opt->letter;
	s->alias = shown->kind != CLI_OPT_COMMON ? shown->alias : NULL;
}

/* The options cmd takes, in getopt's order: its own, then the common ones
 * (each in place of the common option it replaces or rewords), then
 * --help.  Returns how many, or 0 when they are more than MAX_SLOTS. */
static size_t build_slots(const struct cli_command *cmd, struct cli_slot *s)
{
	const struct cli_option *o, *c;
	size_t n = 0;

	for (o = cmd->options; o && !is_end(o); o++) {
		if ((cmd->flags & CLI_COMMON) && find_option(cli_common_options, o->name))
			continue; /* in the common option's place, below */
		c = o->kind == CLI_OPT_COMMON ? find_common(o->alias) : o;
		if (!c || n == MAX_SLOTS - 1)
			return 0;
		add_slot(&s[n++], c, o, o->kind == CLI_OPT_COMMON);
	}
	for (c = cli_common_options; (cmd->flags & CLI_COMMON) && !is_end(c); c++) {
		if (n == MAX_SLOTS - 1)
			return 0;
		o = find_option(cmd->options, c->name);
		if (!o || o->kind == CLI_OPT_COMMON)
			add_slot(&s[n++], c, o ? o : c, 1);
		else
			add_slot(&s[n++], o, o, 0);
	}
	for (c = cli_share_options; (cmd->flags & CLI_SHARE) && !is_end(c); c++) {
		if (n == MAX_SLOTS - 1)
			return 0;
		add_slot(&s[n++], c, c, 1);
	}
	add_slot(&s[n++], &help_option, &help_option, 1);
	return n;
}

/* ---- lists and choices */

int cli_list_split(struct cli_list *l, const char *arg)
{
	const char *p = arg;

	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len) {
			char **v = realloc(l->v, (l->n + 1) * sizeof(*v));
			if (!v)
				return -2;
			l->v = v;
			if (!(v[l->n] = strndup(p, len)))
				return -2;
			l->n++;
		}
		p += len + (e != NULL);
	}
	return l->n ? 0 : -1;
}

void cli_list_release(struct cli_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int cli_choice_find(const struct cli_choice *c, const char *name, int *value)
{
	for (; c->name; c++)
		if (!strcmp(c->name, name)) {
			*value = c->value;
			return 0;
		}
	return -1;
}

const char *cli_choice_name(const struct cli_choice *c, int value)
{
	for (; c->name; c++)
		if (c->value == value && !c->hidden)
			return c->name;
	return NULL;
}

/* ---- reading one option's argument */

/* "a number from 1 to 1000", from the kind and the range. */
static void expectation(const struct cli_option *o, char *buf, size_t n)
{
	int whole = o->kind != CLI_OPT_DOUBLE || (o->flags & CLI_WHOLE);
	double top = o->kind == CLI_OPT_LONG ? (double)LONG_MAX :
		     o->kind == CLI_OPT_UNSIGNED ? (double)ULLONG_MAX : DBL_MAX;

	if (o->expect)
		snprintf(buf, n, "%s", o->expect);
	else if (o->kind == CLI_OPT_LIST)
		snprintf(buf, n, "a comma-separated list");
	else if (o->max >= top && o->min == 0)
		snprintf(buf, n, "a %snumber", whole ? "whole " : "");
	else if (o->max >= top)
		snprintf(buf, n, "a %snumber of at least %.15g", whole ? "whole " : "", o->min);
	else
		snprintf(buf, n, "a %snumber from %.15g to %.15g", o->kind == CLI_OPT_DOUBLE && whole ? "whole " : "",
			 o->min, o->max);
}

/* The usage error for a bad argument of o; returns 64. */
static int bad_argument(const char *cmd, const struct cli_option *o, const char *arg)
{
	char what[200], name[64];
	const struct cli_choice *c;
	size_t len = 0;

	if (o->name)
		snprintf(name, sizeof(name), "--%s", o->name);
	else
		snprintf(name, sizeof(name), "-%c", o->letter);
	if (o->kind == CLI_OPT_DATE)
		return cli_usage_error(cmd, "%s '%s' is not a date (YYYY-MM-DD)", name, arg);
	if (o->kind == CLI_OPT_ENUM) {
		what[0] = '\0';
		for (c = o->choices; c->name; c++)
			if (!c->hidden)
				len += (size_t)snprintf(what + len, len < sizeof(what) ? sizeof(what) - len : 0,
							"%s%s", len ? ", " : "", c->name);
		return cli_usage_error(cmd, "unknown %s '%s' (%s)", o->expect ? o->expect : o->name, arg, what);
	}
	expectation(o, what, sizeof(what));
	if (o->kind == CLI_OPT_LIST)
		return cli_usage_error(cmd, "%s needs %s", name, what);
	return cli_usage_error(cmd, "%s needs %s, not '%s'", name, what, arg);
}

static int in_range(const struct cli_option *o, double x)
{
	return x >= o->min && x <= o->max;
}

/* Reads arg into value as o says; 0, or 64 after a usage error (cmd:
 * the command to name in it, NULL for a common option). */
static int store(const char *cmd, const struct cli_option *o, void *value, char *arg)
{
	char *end;
	int rc;

	errno = 0;
	switch (o->kind) {
	case CLI_OPT_FLAG:
		*(int *)value = 1;
		return 0;
	case CLI_OPT_STRING:
		*(const char **)value = arg;
		return 0;
	case CLI_OPT_LIST:
		if ((rc = cli_list_split(value, arg)) == -2) {
			fprintf(stderr, "%s: out of memory\n", cli_progname);
			return 70;
		}
		return rc < 0 ? bad_argument(cmd, o, arg) : 0;
	case CLI_OPT_LONG: {
		long x = strtol(arg, &end, 10);
		if (errno || end == arg || *end || !in_range(o, (double)x))
			return bad_argument(cmd, o, arg);
		*(long *)value = x;
		return 0;
	}
	case CLI_OPT_UNSIGNED: {
		unsigned long long x = strtoull(arg, &end, 10);
		if (errno || *end || !*arg || *arg == '-' || !in_range(o, (double)x))
			return bad_argument(cmd, o, arg);
		*(unsigned long long *)value = x;
		return 0;
	}
	case CLI_OPT_DOUBLE: {
		double x = strtod(arg, &end);
		if (errno || end == arg || *end || !in_range(o, x) ||
		    ((o->flags & CLI_WHOLE) && x != (double)(size_t)x))
			return bad_argument(cmd, o, arg);
		*(double *)value = x;
		return 0;
	}
	case CLI_OPT_DATE:
		return cm_date_parse(arg, 0, 0, value) < 0 ? bad_argument(cmd, o, arg) : 0;
	case CLI_OPT_ENUM:
		return cli_choice_find(o->choices, arg, value) < 0 ? bad_argument(cmd, o, arg) : 0;
	case CLI_OPT_CUSTOM:
		return o->parse(cmd, arg, value);
	case CLI_OPT_COMMON:
		break;
	}
	return cli_usage_error(cmd, "internal error: option '%s' of an unknown kind", o->name);
}

/* ---- the command line */

static void *value_of(struct cli_ctx *cx, const struct cli_slot *s, void *args)
{
	return (char *)(s->common ? (void *)&cx->common : args) + s->opt->offset;
}

/* Reads the options of argv into args and cx->common, leaving the
 * operands in cx.  Returns 0, 64 after a usage error, or -1 after
 * printing --help. */
static int parse(struct cli_ctx *cx, void *args, int argc, char **argv)
{
	struct option longs[2 * MAX_SLOTS + 1];
	char shorts[3 * MAX_SLOTS + 1];
	size_t i, nl = 0, ns = 0;
	int opt, rc;

	for (i = 0; i < cx->nslots; i++) {
		const struct cli_slot *s = &cx->slots[i];
		int has_arg = s->opt->arg ? required_argument : no_argument;
		if (s->name)
			longs[nl++] = (struct option){ s->name, has_arg, NULL, 256 + (int)i };
		if (s->alias)
			longs[nl++] = (struct option){ s->alias, has_arg, NULL, 256 + (int)i };
		if (s->letter) {
			shorts[ns++] = (char)s->letter;
			if (has_arg == required_argument)
				shorts[ns++] = ':';
		}
	}
	longs[nl] = (struct option){ NULL, 0, NULL, 0 };
	shorts[ns] = '\0';
	optind = 1;
	while ((opt = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		struct cli_slot *s = NULL;
		if (opt >= 256)
			s = &cx->slots[opt - 256];
		for (i = 0; !s && opt != '?' && opt != ':' && i < cx->nslots; i++)
			if (cx->slots[i].letter == opt)
				s = &cx->slots[i];
		if (!s)
			return 64; /* getopt said why */
		if (s->opt == &help_option) {
			cli_command_help(cx->cmd, stdout);
			return -1;
		}
		s->given++;
		if ((rc = store(s->common ? NULL : cx->cmd->name, s->opt, value_of(cx, s, args), optarg)))
			return rc;
	}
	cx->argc = argc - optind;
	cx->argv = argv + optind;
	return 0;
}

/* How often the common option `name` itself was given (not a command's
 * own option of that name). */
static unsigned common_given(const struct cli_ctx *cx, const char *name)
{
	size_t i;

	for (i = 0; i < cx->nslots; i++)
		if (cx->slots[i].common && !strcmp(cx->slots[i].opt->name, name))
			return cx->slots[i].given;
	return 0;
}

unsigned cli_given(const struct cli_ctx *cx, const char *name)
{
	size_t i;

	for (i = 0; i < cx->nslots; i++)
		if (cx->slots[i].name && !strcmp(cx->slots[i].name, name))
			return cx->slots[i].given;
	return 0;
}

int cli_check_names(struct cli_ctx *cx, const struct cm_landscape *const *ls, size_t nls)
{
	char option[64];
	size_t i;

	for (i = 0; i < cx->nslots; i++) {
		const struct cli_slot *s = &cx->slots[i];
		const struct cli_list *v;
		if (!s->opt->names || !s->given || s->opt->kind != CLI_OPT_LIST)
			continue;
		v = value_of(cx, s, cx->args);
		snprintf(option, sizeof(option), "--%s", s->name ? s->name : "");
		if (cm_names_check(ls, nls, s->opt->names, option, (const char *const *)v->v, v->n, &cx->err) < 0)
			return cli_fail(&cx->err);
	}
	return 0;
}

/* The cache folder beside the landscape at path (docs/cache.md): in it
 * when it is a folder, beside it when it is a file. */
int cli_cache(const struct cli_common *c, const char *path, struct cm_analysis *a)
{
	struct stat st;
	char *dir;
	const char *slash;
	int rc;

	if (c->no_cache)
		return 0;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		dir = malloc(strlen(path) + sizeof("/.coalmap-cache"));
		if (dir)
			sprintf(dir, "%s/.coalmap-cache", path);
	} else {
		slash = strrchr(path, '/');
		dir = malloc((slash ? (size_t)(slash - path) : 1) + sizeof("/.coalmap-cache"));
		if (dir)
			sprintf(dir, "%.*s/.coalmap-cache", slash ? (int)(slash - path) : 1, slash ? path : ".");
	}
	rc = dir ? cm_analysis_set_cache(a, dir) : CM_ENOMEM;
	free(dir);
	if (rc < 0) {
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		return 70;
	}
	return 0;
}

/* The common options as the engine takes them (64: a usage error). */
static int common_settle(struct cli_ctx *cx)
{
	struct cli_common *c = &cx->common;
	const char *name = cx->cmd->name;

	c->filter.types = c->types.n ? (const char *const *)c->types.v : NULL;
	c->filter.ntypes = c->types.n;
	c->filter.has_at = common_given(cx, "at") > 0;
	c->filter.threads = (size_t)c->threads;
	c->filter.samples = (size_t)c->samples;
	c->filter.certify = (size_t)c->certify;
	c->filter.seed = (uint64_t)c->sample_seed;
	c->format_set = common_given(cx, "format") > 0;
	if (common_given(cx, "time-limit"))
		cm_set_time_limit(c->time_limit);
	if (!common_given(cx, "epsilon") && (common_given(cx, "delta") || common_given(cx, "certify")))
		return cli_usage_error(name, "--%s works with --epsilon", common_given(cx, "delta") ? "delta" : "certify");
	if (common_given(cx, "epsilon") && (c->filter.weighted || c->filter.exact))
		return cli_usage_error(name, "--epsilon bounds unweighted estimates; it does not go with --%s",
				       c->filter.weighted ? "weighted" : "exact");
	return 0;
}

int cli_usage_operands(const struct cli_ctx *cx)
{
	return cli_usage_error(cx->cmd->name, "expected %s; see 'coalmap %s --help'", cx->cmd->operands,
			       cx->cmd->name);
}

/* Frees what the options kept: lists, and what custom options hold (once
 * each: --via-types and --types keep one list). */
static void release_values(struct cli_ctx *cx, void *args)
{
	size_t i, j;

	for (i = 0; i < cx->nslots; i++) {
		const struct cli_option *o = cx->slots[i].opt;
		for (j = 0; j < i && cx->slots[j].opt != o; j++)
			;
		if (j < i)
			continue;
		if (o->kind == CLI_OPT_LIST)
			cli_list_release(value_of(cx, &cx->slots[i], args));
		else if (o->kind == CLI_OPT_CUSTOM && o->release)
			o->release(value_of(cx, &cx->slots[i], args));
	}
}

int cli_command_run(const struct cli_command *cmd, int argc, char **argv)
{
	struct cli_slot slots[MAX_SLOTS];
	struct cli_ctx cx;
	void *args = calloc(1, cmd->args_size ? cmd->args_size : 1);
	int rc = 70;

	if (!args) {
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		return 70;
	}
	memset(&cx, 0, sizeof(cx));
	cx.cmd = cmd;
	cx.slots = slots;
	cx.args = args;
	cx.common.format = FMT_TABLE;
	cm_table_init(&cx.table, 0);
	cm_error_clear(&cx.err);
	if (cmd->defaults)
		memcpy(args, cmd->defaults, cmd->args_size);
	if (!(cx.nslots = build_slots(cmd, slots))) {
		fprintf(stderr, "%s: %s: internal error: a bad option table\n", cli_progname, cmd->name);
		goto out;
	}
	if ((rc = parse(&cx, args, argc, argv))) {
		rc = rc < 0 ? 0 : rc;
		goto out;
	}
	if ((cmd->flags & CLI_COMMON) && (rc = common_settle(&cx)))
		goto out;
	if (cx.argc < cmd->nargs_min || cx.argc > cmd->nargs_max) {
		rc = cli_usage_operands(&cx);
		goto out;
	}
	if (cmd->check && (rc = cmd->check(&cx, args)))
		goto out;
	if ((cmd->flags & CLI_SHARE) && (rc = cli_share_start(&cx.common)))
		goto out;
	if (cmd->flags & CLI_COMMON)
		cli_common_finish(&cx.common);
	if ((cmd->flags & CLI_LANDSCAPE) == CLI_LANDSCAPE &&
	    ((rc = cli_load(cx.argv[0], &cx.common.load, &cx.landscape)) ||
	     (rc = cli_check_names(&cx, (const struct cm_landscape *const *)&cx.landscape, 1)) ||
	     (cm_analysis_new(&cx.analysis, cx.landscape, &cx.common.filter, &cx.err) < 0 && (rc = cli_fail(&cx.err))) ||
	     (rc = cli_cache(&cx.common, cx.argv[0], cx.analysis))))
		goto out;
	rc = cmd->run(&cx, args);
out:
	rc = cli_share_finish(&cx.common, rc);
	cm_table_release(&cx.table);
	cm_analysis_free(cx.analysis);
	cm_landscape_free(cx.landscape);
	release_values(&cx, args);
	free(args);
	return rc;
}

/* ---- --help */

/* Writes text from column col on, breaking lines at spaces before WIDTH
 * and starting each new one at column col too. */
static void wrap(FILE *f, const char *text, size_t col)
{
	const char *p = text;
	size_t at = col;

	while (*p) {
		size_t word = strcspn(p, " ");
		if (at > col && at + 1 + word > WIDTH) {
			fprintf(f, "\n%*s", (int)col, "");
			at = col;
		} else if (at > col) {
			fputc(' ', f);
			at++;
		}
		fwrite(p, 1, word, f);
		at += word;
		p += word;
		p += strspn(p, " ");
	}
	fputc('\n', f);
}

/* "-f, --format FMT" into buf (n > 0); returns its length. */
static size_t option_names(const struct cli_slot *s, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	if (s->letter)
		len += (size_t)snprintf(buf, n, "-%c%s", s->letter, s->name ? ", " : "");
	if (s->name && len < n)
		len += (size_t)snprintf(buf + len, n - len, "--%s", s->name);
	if (s->opt->arg && len < n)
		len += (size_t)snprintf(buf + len, n - len, " %s", s->opt->arg);
	return len < n ? len : n - 1;
}

void cli_command_help(const struct cli_command *cmd, FILE *f)
{
	struct cli_slot slots[MAX_SLOTS];
	size_t n = build_slots(cmd, slots), i, col = 0;
	const char *u = cmd->usage, *nl;
	char names[128];

	for (i = 0; i < n; i++) {
		size_t w = option_names(&slots[i], names, sizeof(names));
		if (w <= HELP_COL_MAX && w > col)
			col = w;
	}
	col += 4;
	fprintf(f, "usage: ");
	for (;;) {
		nl = strchr(u, '\n');
		fprintf(f, "coalmap %s %.*s\n", cmd->name, nl ? (int)(nl - u) : (int)strlen(u), u);
		if (!nl)
			break;
		u = nl + 1;
		fprintf(f, "       ");
	}
	fprintf(f, "\n%s\noptions:\n", cmd->description);
	for (i = 0; i < n; i++) {
		const struct cli_slot *s = &slots[i];
		size_t w = option_names(s, names, sizeof(names));
		char *text = NULL;
		fprintf(f, "  %s", names);
		if (w + 4 > col)
			fprintf(f, "\n%*s", (int)col, "");
		else
			fprintf(f, "%*s", (int)(col - 2 - w), "");
		if (s->alias && asprintf(&text, "%s (also --%s)", s->shown->help, s->alias) < 0)
			text = NULL;
		wrap(f, text ? text : s->shown->help, col);
		free(text);
	}
}

void cli_options_list(FILE *f)
{
	struct cli_slot slots[MAX_SLOTS];
	size_t i, j, n;

	for (i = 0; cli_commands[i]; i++)
		for (n = build_slots(cli_commands[i], slots), j = 0; j < n; j++) {
			if (slots[j].name)
				fprintf(f, "%s --%s\n", cli_commands[i]->name, slots[j].name);
			if (slots[j].alias)
				fprintf(f, "%s --%s\n", cli_commands[i]->name, slots[j].alias);
		}
}

/* ---- the man page's COMMANDS and COMMON OPTIONS (the rest is man.c's) */

/* One line of text for roff: backslashes kept, the dashes of options
 * (words that start with one) and of arrows as minus signs, and a
 * leading dot or quote kept from being read as a request. */
static void roff_text(FILE *f, const char *s, size_t len)
{
	size_t i;
	int option = 0;

	if (len && (s[0] == '.' || s[0] == '\''))
		fputs("\\&", f);
	for (i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ')
			option = 0;
		else if (c == '-' && (i == 0 || strchr(" ('\"[", s[i - 1])))
			option = 1;
		if (c == '\\')
			fputs("\\e", f);
		else if (c == '-' && (option || (i + 1 < len && s[i + 1] == '>')))
			fputs("\\-", f);
		else
			fputc(c, f);
	}
	fputc('\n', f);
}

static void roff_string(FILE *f, const char *s)
{
	roff_text(f, s, strlen(s));
}

/* A description: its lines filled into paragraphs, a blank line between
 * paragraphs, indented lines (lists) kept as they are. */
static void roff_description(FILE *f, const char *d)
{
	int nofill = 0;

	while (*d) {
		const char *nl = strchr(d, '\n');
		size_t len = nl ? (size_t)(nl - d) : strlen(d);
		int list = len && d[0] == ' ';
		if (nofill != list)
			fputs(list ? ".nf\n" : ".fi\n", f);
		nofill = list;
		if (len)
			roff_text(f, d, len);
		else
			fputs(".PP\n", f);
		d += len + (nl != NULL);
	}
	if (nofill)
		fputs(".fi\n", f);
}

/* An option's name in bold, every dash a minus sign. */
static void roff_name(FILE *f, const char *dashes, const char *name)
{
	fprintf(f, "\\fB%s", dashes);
	for (; *name; name++)
		if (*name == '-')
			fputs("\\-", f);
		else
			fputc(*name, f);
	fputs("\\fR", f);
}

/* A .TP entry: the option's names in bold, its argument in italics,
 * then its help. */
static void roff_option(FILE *f, const struct cli_slot *s)
{
	char letter[2] = { (char)s->letter, '\0' };

	fputs(".TP\n", f);
	if (s->letter)
		roff_name(f, "\\-", letter);
	if (s->letter && s->name)
		fputs(", ", f);
	if (s->name)
		roff_name(f, "\\-\\-", s->name);
	if (s->alias) {
		fputs(", ", f);
		roff_name(f, "\\-\\-", s->alias);
	}
	if (s->opt->arg)
		fprintf(f, " \\fI%s\\fR", s->opt->arg);
	fputc('\n', f);
	roff_string(f, s->shown->help);
}

void cli_man_commands(FILE *f)
{
	struct cli_slot slots[MAX_SLOTS];
	size_t i, j, n, own;

	fputs(".SH COMMANDS\n", f);
	for (i = 0; cli_commands[i]; i++) {
		const struct cli_command *cmd = cli_commands[i];
		const char *u = cmd->usage, *nl;
		fprintf(f, ".SS %s\n.nf\n", cmd->name);
		do {
			nl = strchr(u, '\n');
			fprintf(f, "\\fBcoalmap %s\\fR ", cmd->name);
			roff_text(f, u, nl ? (size_t)(nl - u) : strlen(u));
			if (nl)
				u = nl + 1;
		} while (nl);
		fputs(".fi\n.PP\n", f);
		roff_description(f, cmd->description);
		for (own = 0, n = build_slots(cmd, slots), j = 0; j < n; j++)
			if (!slots[j].common || slots[j].shown->kind == CLI_OPT_COMMON) {
				roff_option(f, &slots[j]);
				own++;
			}
		if (cmd->flags & (CLI_COMMON | CLI_SHARE))
			fprintf(f, ".PP\nIt takes the %s%s.\n",
				(cmd->flags & CLI_COMMON) && (cmd->flags & CLI_SHARE) ? "common and the sharing options"
				: cmd->flags & CLI_COMMON ? "common options" : "sharing options",
				own ? " too" : "");
	}
	fputs(".SH COMMON OPTIONS\nThe analysis commands (", f);
	for (n = 0, i = 0; cli_commands[i]; i++)
		if (cli_commands[i]->flags & CLI_COMMON)
			fprintf(f, "%s\\fB%s\\fR", n++ ? ", " : "", cli_commands[i]->name);
	fputs(") take these options; every command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR.\n", f);
	for (i = 0; !is_end(&cli_common_options[i]); i++) {
		struct cli_slot s;
		add_slot(&s, &cli_common_options[i], &cli_common_options[i], 1);
		roff_option(f, &s);
	}
	add_slot(&slots[0], &help_option, &help_option, 1);
	roff_option(f, &slots[0]);
	fputs(".SH SHARING OPTIONS\nWhat may leave the program, for every command whose output may be passed on (", f);
	for (n = 0, i = 0; cli_commands[i]; i++)
		if (cli_commands[i]->flags & CLI_SHARE)
			fprintf(f, "%s\\fB%s\\fR", n++ ? ", " : "", cli_commands[i]->name);
	fputs("): the landscape is anonymised and its columns dropped as it is read, so every table, map, report "
	      "and export shows only what may be shared (docs/sharing.md).\n", f);
	for (i = 0; !is_end(&cli_share_options[i]); i++) {
		struct cli_slot s;
		add_slot(&s, &cli_share_options[i], &cli_share_options[i], 1);
		roff_option(f, &s);
	}
}
