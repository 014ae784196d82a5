/* cmd-qap.c - coalmap qap: does one tie network go with others (QAP)? */
#include "config.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"

struct args {
	const char *y;
	struct cli_list x;
	unsigned long long permutations, seed;
};

static const struct args defaults = { .permutations = CM_QAP_PERMUTATIONS, .seed = 1 };

static const struct cli_option options[] = {
	{ .name = "y", .arg = "TERM", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, y),
	  .help = "the network to explain: a tie type (TYPE, TYPE:weight, TYPE:amount) or a dyadic "
		  "term (same:ATTR, diff:ATTR)" },
	{ .name = "x", .arg = "TERM", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, x),
	  .expect = "a comma-separated list of terms",
	  .help = "a network or dyadic term that may explain it; give it again (or a comma-separated list) "
		  "for a regression on several, at most " CLI_STR(CM_QAP_MAX_TERMS) },
	{ .name = "permutations", .arg = "N", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, permutations),
	  .max = 10000000, .help = "random relabellings for the p-values (default "
		  CLI_STR(CM_QAP_PERMUTATIONS) "; 0: the estimates only)" },
	{ .name = "seed", .arg = "S", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, seed),
	  .max = (double)ULLONG_MAX, .help = "random seed (default 1): the same seed gives the same output, "
		  "whatever --threads" },
	{ .name = "threads", .kind = CLI_OPT_COMMON,
	  .help = "threads for the permutations (default: all cores)" },
	{ .name = NULL },
};

static int check(struct cli_ctx *cx, void *args)
{
	const struct args *a = args;

	if (!a->y)
		return cli_usage_error(cx->cmd->name, "--y TERM is required: the network to explain");
	if (!a->x.n)
		return cli_usage_error(cx->cmd->name, "--x TERM is required: what may explain --y");
	return 0;
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	struct cm_qap_opts o = { 0 };
	char notes[512];

	o.y = a->y;
	o.x = (const char *const *)a->x.v;
	o.nx = a->x.n;
	o.permutations = (size_t)a->permutations;
	o.seed = (uint64_t)a->seed;
	o.notes = notes;
	o.notes_size = sizeof(notes);
	if (cm_qap(cx->analysis, &o, &cx->table, &cx->err) < 0)
		return cli_fail(&cx->err);
	cli_progress_end();
	if (*notes && !cx->common.quiet)
		fprintf(stderr, "%s: note: %s\n", cli_progname, notes);
	return cli_finish(&cx->table, &cx->common, cx->analysis);
}

const struct cli_command cli_cmd_qap = {
	.name = "qap",
	.summary = "does one tie network go with others? graph correlation and regression QAP",
	.usage = "LANDSCAPE --y TERM --x TERM [--x TERM]... [--permutations N] [--seed S] [options]",
	.description =
		"Quadratic assignment procedure: whether the ties of --y go with those of\n"
		"--x more than chance would have it.  Each term is an org-by-org matrix:\n"
		"  TYPE              1 where a tie of that type goes from i to j (an\n"
		"                    undirected tie both ways), else 0\n"
		"  TYPE:weight       the sum of their weights (TYPE:amount: amounts)\n"
		"  same:ATTR         1 when i and j have the same value of column ATTR\n"
		"  diff:ATTR         |ATTR of i - ATTR of j| for budget, influence or a\n"
		"                    numeric column (orgs without a value are left out)\n"
		"Every ordered pair of distinct orgs is a cell.  With one --x: the graph\n"
		"correlation r and its QAP test (as sna's gcor and qaptest).  With several:\n"
		"a regression of --y on an intercept and the --x terms (as sna's netlm),\n"
		"each t-value tested by double semi-partialling (Dekker).  p_ge and p_le are\n"
		"the shares of permutations at least and at most as large as observed,\n"
		"p_two_sided as large in absolute value; null_mean, null_low and null_high\n"
		"the permutations' mean and 95 % interval.  A constant term gives empty\n"
		"figures and a note why.  At most " CLI_STR(CM_QAP_MAX_ORGS) " organizations.\n"
		"Exact definitions and a worked example: docs/qap.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.check = check,
	.run = run,
};
