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
	struct cm_landscape *l = cx->landscape;
	struct cm_table *t = &cx->table;

	if (cm_path(cx->analysis, cx->argv[1], cx->argv[2], (size_t)a->k, t, &cx->err) < 0)
		return cli_fail(&cx->err);
	if (t->nrows == 0) {
		cli_progress_end();
		fprintf(stderr, "%s: no chain of ties connects '%s' and '%s'%s\n", cli_progname, cx->argv[1],
			cx->argv[2], c->filter.types || c->filter.has_at ? " with these ties" : "");
	}
	return cli_finish(t, c, l);
}

const struct cli_command cli_cmd_path = {
	.name = "path",
	.summary = "who can introduce us: shortest, most trusted chains of ties",
	.usage = "LANDSCAPE FROM TO [-k K] [options]",
	.description =
		"The K shortest introduction chains from organization FROM to TO (ids or names),\n"
		"shortest first, then the most trusted (product of tie trust; a tie\n"
		"without trust counts 0.5), then the strongest (sum of weights).\n"
		"Exact definitions: docs/gaps.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE,
	.nargs_min = 3, .nargs_max = 3, .operands = "LANDSCAPE and its arguments",
	.run = run,
};
