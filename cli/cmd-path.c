/* cmd-path.c - coalmap path: who can introduce FROM to TO. */
#include "config.h"

#include <stddef.h>

#include "cli.h"

struct args {
	long k;
};

static const struct args defaults = { .k = 3 };

static const struct cli_option options[] = {
	{ .letter = 'k', .arg = "K", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, k),
	  .min = 1, .max = 1000, .help = "number of chains (default 3)" },
	{ .name = "via-types", .kind = CLI_OPT_COMMON, .alias = "types",
	  .help = "use only ties of these types (same as --types)" },
	{ .name = NULL },
};

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_table *t = &cx->table;

	size_t known, pairs;

	if (cm_path(cx->analysis, cx->argv[1], cx->argv[2], (size_t)a->k, t, &cx->err) < 0 ||
	    cm_path_trust(cx->analysis, &known, &pairs, &cx->err) < 0)
		return cli_fail(&cx->err);
	cli_progress_end();
	if (t->nrows == 0)
		fprintf(stderr, "%s: no chain of ties connects '%s' and '%s'%s\n", cli_progname, cx->argv[1],
			cx->argv[2], c->filter.types || c->filter.has_at ? " with these ties" : "");
	else if (known == 0)
		fprintf(stderr, "%s: note: no tie%s has a trust value: trust is unknown, and chains are "
			"ranked by length, then weight\n", cli_progname, c->filter.types || c->filter.has_at ?
			" kept" : "");
	else if (known < pairs)
		fprintf(stderr, "%s: note: %zu of the %zu pairs of partners have no trust value; each counts "
			"0.5 in the trust of a chain through it\n", cli_progname, pairs - known, pairs);
	return cli_finish(t, c, cx->analysis);
}

const struct cli_command cli_cmd_path = {
	.name = "path",
	.summary = "who can introduce us: shortest, most trusted chains of ties",
	.usage = "LANDSCAPE FROM TO [-k K] [options]",
	.description =
		"The K shortest introduction chains from organization FROM to TO (ids or names),\n"
		"shortest first, then the most trusted (product of tie trust), then the\n"
		"strongest (sum of weights).  When no tie has a trust value, trust is\n"
		"unknown (left empty) and chains are ranked by length, then weight;\n"
		"when only some have one, a pair of partners without one counts 0.5.\n"
		"Either case is said once, in a note on standard error.\n"
		"Exact definitions: docs/gaps.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 3, .nargs_max = 3, .operands = "LANDSCAPE and its arguments",
	.run = run,
};
