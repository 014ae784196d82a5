/* cmd-diff.c - coalmap diff: what changed between two landscapes, or in
 * one landscape between two days. */
#include "config.h"

#include <stddef.h>

#include "cli.h"

/* --at, given twice with one landscape. */
struct days {
	int32_t at[2];
	size_t n;
};

struct args {
	long top;
	const char *group_by;
	struct days days;
};

static const struct args defaults = { .top = 10 };

static int parse_at(const char *cmd, char *arg, void *value)
{
	struct days *d = value;

	if (d->n == 2)
		return cli_usage_error(cmd, "--at is given twice at most: --at DATE1 --at DATE2");
	if (cm_date_parse(arg, 0, 0, &d->at[d->n]) < 0)
		return cli_usage_error(cmd, "--at '%s' is not a date (YYYY-MM-DD)", arg);
	d->n++;
	return 0;
}

static const struct cli_option options[] = {
	{ .name = "at", .arg = "DATE", .kind = CLI_OPT_CUSTOM, .offset = offsetof(struct args, days),
	  .parse = parse_at,
	  .help = "give twice, with one LANDSCAPE: the two days compared (YYYY-MM-DD; the first is "
		  "'before')" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, top),
	  .min = 0, .max = 1000000000, .expect = "a whole number (0 = all)",
	  .help = "entries listed per list: orgs and ties gained, lost or changed, "
		  "orgs per position measure (default 10; 0 = all); a cut list ends with "
		  "a 'more' row saying how many it left out" },
	{ .name = "group-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, group_by),
	  .help = "also compare the groups of this column, org or computed (power report)" },
	{ .name = NULL },
};

/* Two landscapes, or one and two days. */
static int check(struct cli_ctx *cx, void *args)
{
	const struct args *a = args;

	if (cx->argc == 2 && a->days.n)
		return cli_usage_error("diff", "--at compares one landscape on two days; with two landscapes "
					       "leave it out");
	if (cx->argc == 1 && a->days.n != 2)
		return cli_usage_error("diff", "one landscape needs two days: --at DATE1 --at DATE2 (%s given)",
				       a->days.n ? "one" : "none");
	return 0;
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_diff_opts o = { NULL, 10 };
	struct cm_landscape *lb = NULL, *la = NULL;
	struct cm_analysis *ab = NULL, *aa = NULL;
	struct cm_filter fb, fa;
	struct cm_table *t = &cx->table;
	int rc;

	o.top = (size_t)a->top;
	o.group_by = a->group_by;
	fb = fa = c->filter;
	if (cx->argc == 1) {
		fb.has_at = fa.has_at = 1;
		fb.at = a->days.at[0];
		fa.at = a->days.at[1];
	}
	if ((rc = cli_load(cx->argv[0], &c->load, &lb)))
		goto out;
	if (cx->argc == 2 && (rc = cli_load(cx->argv[1], &c->load, &la)))
		goto out;
	{
		const struct cm_landscape *both[2] = { lb, la };
		if ((rc = cli_check_names(cx, both, la ? 2 : 1)))
			goto out;
	}
	if (cm_analysis_new(&ab, lb, &fb, &cx->err) < 0 || cm_analysis_new(&aa, la ? la : lb, &fa, &cx->err) < 0 ||
	    cm_diff(ab, aa, &o, t, &cx->err) < 0) {
		rc = cli_fail(&cx->err);
		goto out;
	}
	{
		const char *inputs[] = { cm_landscape_orgs_path(lb), cm_landscape_ties_path(lb),
					 la ? cm_landscape_orgs_path(la) : NULL, la ? cm_landscape_ties_path(la) : NULL,
					 NULL };
		cli_note_estimates(t, aa);
		rc = cli_emit(t, c, inputs);
	}
out:
	cm_analysis_free(ab);
	cm_analysis_free(aa);
	cm_landscape_free(lb);
	cm_landscape_free(la);
	return rc;
}

const struct cli_command cli_cmd_diff = {
	.name = "diff",
	.summary = "what changed: orgs and ties gained and lost, positions, network measures",
	.usage = "BEFORE AFTER [options]\nLANDSCAPE --at DATE1 --at DATE2 [options]",
	.description =
		"What changed: between two landscapes (organizations matched by id), or\n"
		"in one landscape between two days (ties that existed on DATE1 against\n"
		"those that existed on DATE2).  One row per finding:\n"
		"  summary             organizations and ties before and after, gained, lost\n"
		"  orgs_gained, orgs_lost\n"
		"                      organizations only after, or only before\n"
		"  orgs_changed        kept organizations whose name, type, country, region,\n"
		"                      issues, skills, budget, influence or stance changed\n"
		"  ties_gained, ties_lost\n"
		"                      ties only after, or only before; a tie is its two\n"
		"                      ends, its type and its direction ('a -- b (type)' for\n"
		"                      mutual ties, ends in id order; 'a -> b (type)')\n"
		"  ties_changed        kept ties whose weight, trust or amount changed\n"
		"  position            the orgs whose degree, normalized betweenness,\n"
		"                      PageRank, core/periphery coreness or community\n"
		"                      changed most (community: the\n"
		"                      share of its community co-members that changed,\n"
		"                      a Jaccard distance from 0 to 1)\n"
		"  communities, network, centralization, inequality, money_and_position,\n"
		"  funding, core_periphery (and with --group-by: groups, access)\n"
		"                      every network-wide figure of 'coalmap power', before,\n"
		"                      after and the change\n"
		"Columns: section, subject, measure, before, after, change, reading.\n"
		"With --at, orgs have no dates: every org is there on both days (an org\n"
		"with no tie on a day is an isolate, as 'coalmap power --at' counts it).\n"
		"Exact definitions: docs/diff.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_COMMON | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 2,
	.operands = "BEFORE AFTER, or LANDSCAPE --at DATE1 --at DATE2",
	.check = check,
	.run = run,
};
