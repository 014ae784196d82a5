/* cmd-power.c - coalmap power: the power report. */
#include "config.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "viz/map.h"

struct args {
	const char *group_by, *chart;
	struct cli_list targets;
	long key_players;
	unsigned long long permutations, seed;
	/* --missing: how far the key players and gatekeepers hold */
	struct cli_list missing;
	double shares[CLI_MAX_SHARES];
	unsigned long long resamples;
	int missing_orgs;
};

static const struct args defaults = { .key_players = 5, .permutations = CM_POWER_PERMUTATIONS, .seed = CM_POWER_SEED,
				      .resamples = CM_RANK_RESAMPLES };

static const struct cli_option options[] = {
	{ .name = "group-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, group_by),
	  .help = "group organizations by an org column (region, type, ...) or a computed one (community, "
		  "coreness, articulation, ...)" },
	{ .name = "targets", .arg = "T,T", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, targets), .names = CM_NAME_ORG_TYPE,
	  .expect = "a comma-separated list of org types",
	  .help = "org types that are decision-makers (default decision_maker,government)" },
	{ .name = "key-players", .arg = "K", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, key_players),
	  .min = 0, .max = 1000, .help = "name K key players (default 5; 0 for none)" },
	{ .name = "permutations", .arg = "N", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, permutations),
	  .max = 100000, .help = "permutation tests with N draws (default 1000, at most 100000; 0 for none): p-values of the group "
		  "figures and of money against position" },
	{ .name = "seed", .arg = "S", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, seed),
	  .max = (double)ULLONG_MAX, .help = "the permutations' and resamples' random seed (default 1): the same seed, "
		  "the same figures" },
	{ .name = "missing", .arg = "S,S", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, missing),
	  .help = "how far the key players and gatekeepers hold with these shares (0 to below 1) of the ties "
		  "missing at random: a row per share after each listed org" },
	{ .name = "missing-orgs", .kind = CLI_OPT_FLAG, .offset = offsetof(struct args, missing_orgs),
	  .help = "with --missing: orgs (with their ties) go missing instead of ties" },
	{ .name = "resamples", .arg = "R", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, resamples),
	  .min = 1, .max = 100000, .expect = "a number of resamples (1 to 100000)",
	  .help = "with --missing: resamples per share (default 100)" },
	{ .name = "chart", .arg = "FILE", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, chart),
	  .help = "also draw the Lorenz curves of the inequality figures (the Gini and top-10 % share beside "
		  "each) and the degree distribution to FILE (.png, .svg or .pdf)" },
	{ .name = NULL },
};

static int check(struct cli_ctx *cx, void *args)
{
	struct args *a = args;
	int rc;

	if (!a->missing.n && (cli_given(cx, "missing-orgs") || cli_given(cx, "resamples")))
		return cli_usage_error("power", "--%s goes with --missing",
				       cli_given(cx, "missing-orgs") ? "missing-orgs" : "resamples");
	if (a->missing.n) {
		if ((rc = cli_missing_shares("power", &a->missing, a->shares)))
			return rc;
		if (!a->key_players && !a->group_by)
			return cli_usage_error("power", "--missing ranks the key players and the gatekeepers: it needs "
					       "--key-players K above 0 or --group-by");
	}
	if (a->chart && !cli_chart_format(a->chart))
		return cli_usage_error("power", "cannot tell the chart's format of '%s': use .png, .svg or .pdf",
				       a->chart);
	return 0;
}

/* The inequality curves' chart into *data, titled by the landscape: drawn
 * before anything is written, so that a failure writes nothing. */
static int draw_chart(struct cli_ctx *cx, const char *path, char **data, size_t *len)
{
	struct cm_map_chart_opts co = { cli_chart_format(path), NULL, 0, NULL };
	struct cm_table t;
	char title[300], folder[256];
	int rc = 0;

	snprintf(title, sizeof(title), "Inequality: %s", cli_folder_title(cx->argv[0], folder, sizeof(folder)));
	co.title = title;
	cm_table_init(&t, 0);
	if (cm_inequality_curves(cx->analysis, &t, &cx->err) < 0 ||
	    cm_map_chart_render(&t, &co, data, len, &cx->err) < 0)
		rc = cli_fail(&cx->err);
	cm_table_release(&t);
	return rc;
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_power_opts po = { .key_players = 5 };
	struct cm_landscape *l = cx->landscape;
	char *chart = NULL;
	size_t len = 0;
	int rc;

	po.group_by = a->group_by;
	po.targets = (const char *const *)a->targets.v;
	po.ntargets = a->targets.n;
	po.key_players = (size_t)a->key_players;
	po.permutations = (size_t)a->permutations;
	po.seed = (uint64_t)a->seed;
	po.missing = a->shares;
	po.nmissing = a->missing.n;
	po.resamples = (size_t)a->resamples;
	po.missing_orgs = a->missing_orgs;
	if (cm_power(cx->analysis, &po, &cx->table, &cx->err) < 0)
		return cli_fail(&cx->err);
	if (a->chart && (rc = draw_chart(cx, a->chart, &chart, &len)))
		return rc;
	{
		const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
		cli_note_estimates(&cx->table, cx->analysis);
		rc = cli_emit_with_file(&cx->table, c, inputs, a->chart, chart, len);
	}
	free(chart);
	return rc;
}

const struct cli_command cli_cmd_power = {
	.name = "power",
	.summary = "who holds the power: centralization, inequality, gatekeepers, key players, funding",
	.usage = "LANDSCAPE [options]",
	.description =
		"A short briefing on who holds the power in the landscape, each figure\n"
		"with a plain-language reading:\n"
		"  network             size, density, components, clustering, path lengths\n"
		"  centralization      Freeman centralization of degree, betweenness,\n"
		"                      harmonic closeness and eigenvector (0 = equal, 1 = star)\n"
		"  inequality          Gini and top-10 % share of partners, brokerage,\n"
		"                      budget and funding received\n"
		"  money_and_position  does budget rank with centrality? (Spearman)\n"
		"  groups, access,     with --group-by: ties within and between groups,\n"
		"  gatekeepers         who reaches decision-makers directly, who only\n"
		"                      through another group, and through whom\n"
		"  key_players         with --key-players K: the K orgs whose removal\n"
		"                      fragments the network most (KPP-Neg) and the K that\n"
		"                      reach the most others in two steps (KPP-Pos)\n"
		"  funding             concentration of giving, dominant donors, orgs that\n"
		"                      depend on a single funder\n"
		"The E-I indices, assortativity, direct access shares and money-position\n"
		"correlations are tested against chance: labels are permuted --permutations\n"
		"times (seeded, the same for every --threads), giving the columns p_value\n"
		"(two-sided), null_mean, null_low and null_high (the middle 95 % of the\n"
		"permuted values); a test that cannot be run says why in the reading.\n"
		"--missing S,S (shares such as 0.1,0.3) says how far the key players and\n"
		"the gatekeepers hold when data are missing: --resamples networks per share\n"
		"that each lack that share of the ties (or, with --missing-orgs, of the orgs),\n"
		"the lists drawn up again on each; after each listed org, a row per share\n"
		"(kpp_neg_kept:S, kpp_pos_kept:S, routes_kept:GROUP:S) with the share of\n"
		"resamples keeping it on its list, how often it keeps its place and the 95 %\n"
		"interval of its place.\n"
		"--chart FILE draws the inequality figures as Lorenz curves (the share of\n"
		"the total held by the share of orgs with least) beside the degree\n"
		"distribution, as the report shows them.\n"
		"Exact definitions: docs/power.md and docs/statistics.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.check = check,
	.run = run,
};
