/* cmd-stakeholders.c - coalmap stakeholders: influence x alignment, and the
 * camps of the signed network. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "cli.h"

struct args {
	struct cli_list focus;
	struct cli_list targets;
	int camps;
	long top;
};

static const struct args defaults = { .top = 20 };

static const struct cli_option options[] = {
	{ .name = "for", .arg = "ORG,ORG", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, focus),
	  .help = "measure alignment with ORG (an id or a name), or with a coalition of several taken as one: "
		  "their stance on each issue, the sign of the members' sum" },
	{ .name = "targets", .arg = "T,T", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, targets),
	  .names = CM_NAME_ORG_TYPE, .expect = "a comma-separated list of org types",
	  .help = "org types that are decision-makers, for access (default decision_maker,government, or "
		  "coalmap.ini's)" },
	{ .name = "camps", .kind = CLI_OPT_FLAG, .offset = offsetof(struct args, camps),
	  .help = "report the signed network instead: triangle balance, frustration index, the two camps, "
		  "swing actors and bridging ties" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, top), .min = 0,
	  .max = 1000000, .help = "with --camps: list N swing actors and N bridging ties (default 20; 0 for all)" },
	{ .name = NULL },
};

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	struct cm_stake_opts o;
	char notes[1024];
	int rc;

	memset(&o, 0, sizeof(o));
	o.focus.v = (const char *const *)a->focus.v;
	o.focus.n = a->focus.n;
	o.targets.v = (const char *const *)a->targets.v;
	o.targets.n = a->targets.n;
	o.top = (size_t)a->top;
	o.notes = notes;
	o.notes_size = sizeof(notes);
	rc = a->camps ? cm_stake_camps(cx->analysis, &o, &cx->table, &cx->err) :
			cm_stakeholders(cx->analysis, &o, &cx->table, &cx->err);
	if (rc < 0)
		return cli_fail(&cx->err);
	cli_progress_end();
	if (*notes)
		fprintf(stderr, "%s: note: %s\n", cli_progname, notes);
	return cli_finish(&cx->table, &cx->common, cx->landscape);
}

const struct cli_command cli_cmd_stakeholders = {
	.name = "stakeholders",
	.summary = "who matters and where they stand: influence x alignment, camps, swing actors",
	.usage = "LANDSCAPE [--for ORG,ORG] [--camps] [options]",
	.description =
		"One row per organization, most influential first:\n"
		"  stated_influence    the influence column, as given\n"
		"  network_influence   mean of the percentile ranks of PageRank and\n"
		"                      betweenness and of direct access (1 or 0) to a\n"
		"                      decision-maker\n"
		"  influence           network influence, averaged with the percentile\n"
		"                      rank of the stated influence when there is one\n"
		"  alignment           -1..1: agreement with the --for orgs over the issues\n"
		"                      both take a stance on (the stance column and every\n"
		"                      stance:ISSUE column); without --for, the mean stance.\n"
		"                      Empty when unknown: unknown is never neutral\n"
		"  quadrant            above the median influence: champion (alignment > 0),\n"
		"                      persuadable (0 or unknown), blocker (< 0); below it:\n"
		"                      low_priority; the --for orgs: focus\n"
		"  camp                1 or 2: the side of the signed network (conflict ties\n"
		"                      negative) the org is on; empty without conflict ties\n"
		"With --camps, the signed network instead: triangle balance, the\n"
		"frustration index (exact for components up to " CLI_STR(CM_STAKE_EXACT_MAX) " organizations, else\n"
		"a local search's upper bound, as the output says), the camps, swing\n"
		"actors and the ties that bridge the camps.\n"
		"Exact definitions: docs/stakeholders.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.run = run,
};
