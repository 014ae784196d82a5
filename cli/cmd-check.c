/* cmd-check.c - coalmap check: validate a landscape and summarise it. */
#include "config.h"

#include "cli.h"

static int run(struct cli_ctx *cx, const void *args)
{
	const struct cli_common *c = &cx->common;

	(void)args;
	if (cm_check(cx->analysis, &cx->table, &cx->err) < 0)
		return cli_fail(&cx->err);
	return cli_finish(&cx->table, c, cx->analysis);
}

const struct cli_command cli_cmd_check = {
	.name = "check",
	.summary = "validate a landscape and summarise it: orgs and ties by type, components",
	.usage = "LANDSCAPE [options]",
	.description =
		"Reads LANDSCAPE/organizations.csv and LANDSCAPE/relationships.csv,\n"
		"reports every problem as FILE:LINE: message, and summarises the\n"
		"landscape: organizations by type, ties by type, connected components.\n"
		"Exit status: 0 valid, 65 bad data, 66 missing files.\n",
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.run = run,
};
