/* cmd-metrics.c - coalmap metrics: per-organization metrics table. */
#include "config.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

struct args {
	const char *sort, *group_by;
	long top;
	/* --missing: how far to trust the ranking (cm_rank_robustness) */
	struct cli_list missing;
	double shares[CLI_MAX_SHARES];
	unsigned long long resamples, seed;
	const char *by;
	int missing_orgs;
};

static const struct args defaults = { .top = -1, .resamples = CM_RANK_RESAMPLES, .seed = CM_RANK_SEED };

static const struct cli_option options[] = {
	{ .name = "sort", .arg = "COL", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, sort),
	  .help = "order rows by COL (descending for numbers)" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, top),
	  .min = 0, .max = LONG_MAX, .expect = "a number of rows", .help = "keep the first N rows (with --missing: the observed top N, default 10)" },
	{ .name = "group-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, group_by),
	  .help = "add brokerage roles between groups of an org column or a computed one (community, "
		  "coreness, ...)" },
	{ .name = "missing", .arg = "S,S", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, missing),
	  .help = "instead of the table: how far the ranking holds with these shares (0 to below 1) of the "
		  "ties missing at random" },
	{ .name = "missing-orgs", .kind = CLI_OPT_FLAG, .offset = offsetof(struct args, missing_orgs),
	  .help = "with --missing: orgs (with their ties) go missing instead of ties" },
	{ .name = "resamples", .arg = "R", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, resamples),
	  /* every resample's rank of each top org is kept (4 bytes): at most a
	   * million of them, 40 MB per share at the default --top 10 */
	  .min = 1, .max = 1000000, .expect = "a number of resamples (1 to 1000000)",
	  .help = "with --missing: resamples per share (default 100)" },
	{ .name = "by", .arg = "MEASURE", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, by),
	  .help = "with --missing: the measure ranked (default betweenness)" },
	{ .name = "seed", .arg = "S", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, seed),
	  .max = (double)ULLONG_MAX, .help = "with --missing: the resamples' random seed (default 1)" },
	{ .name = NULL },
};

/* --missing's shares into a->shares; the options that go with it. */
static int check(struct cli_ctx *cx, void *args)
{
	static const char *const with[] = { "missing-orgs", "resamples", "by", "seed" };
	struct args *a = args;
	size_t i;
	int rc;

	if (!a->missing.n) {
		for (i = 0; i < sizeof(with) / sizeof(*with); i++)
			if (cli_given(cx, with[i]))
				return cli_usage_error(cx->cmd->name, "--%s goes with --missing", with[i]);
		return 0;
	}
	if (a->sort || a->group_by)
		return cli_usage_error(cx->cmd->name, "--missing ranks by --by; it takes neither --sort nor --group-by");
	if ((rc = cli_missing_shares(cx->cmd->name, &a->missing, a->shares)))
		return rc;
	if (a->by && cm_metric_find(a->by) < 0)
		return cli_usage_error(cx->cmd->name, "--by: no measure '%s'", a->by);
	return 0;
}

/* The ranking's robustness table (cm_rank_robustness). */
static int run_missing(struct cli_ctx *cx, const struct args *a)
{
	struct cm_rank_opts o = { 0 };
	int rc;

	o.by = a->by ? (enum cm_metric)cm_metric_find(a->by) : CM_M_BETWEENNESS;
	o.shares = a->shares;
	o.nshares = a->missing.n;
	o.resamples = (size_t)a->resamples;
	o.top = a->top >= 0 ? (size_t)a->top : CM_RANK_TOP;
	o.orgs = a->missing_orgs;
	o.seed = (uint64_t)a->seed;
	if ((rc = cm_rank_robustness(cx->analysis, &o, &cx->table, &cx->err)) < 0)
		return cli_fail(&cx->err);
	if (cm_analysis_sampled(cx->analysis) &&
	    (o.by == CM_M_BETWEENNESS || o.by == CM_M_BETWEENNESS_NORM || o.by == CM_M_HARMONIC)) {
		cli_progress_end();
		fprintf(stderr, "%s: note: %s is estimated from %zu sources in each resample; --exact computes it "
			"exactly\n", cli_progname, cm_metric_info(o.by)->name,
			cm_path_samples(cx->landscape, &cx->common.filter));
	}
	return cli_finish(&cx->table, &cx->common, cx->analysis);
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_table *t = &cx->table;

	if (a->missing.n)
		return run_missing(cx, a);

	if (cm_metrics(cx->analysis, t, &cx->err) < 0)
		return cli_fail(&cx->err);
	if (a->group_by && cm_brokerage(cx->analysis, a->group_by, t, &cx->err) < 0)
		return cli_fail(&cx->err);
	if (a->sort) {
		int col = cm_table_find(t, a->sort);
		if (col < 0)
			return cli_usage_error("metrics", "--sort: no column '%s'", a->sort);
		if (cm_table_sort(t, (size_t)col, t->cols[col].kind != CM_TEXT) < 0) {
			cli_usage_error("metrics", "out of memory");
			return 70;
		}
	}
	if (a->top >= 0)
		cm_table_truncate(t, (size_t)a->top);
	return cli_finish(t, c, cx->analysis);
}

const struct cli_command cli_cmd_metrics = {
	.name = "metrics",
	.summary = "per-organization centrality, brokerage and cohesion metrics",
	.usage = "LANDSCAPE [options]",
	.description =
		"One row per organization:\n"
		"  degree, strength        distinct partners; sum of tie weights\n"
		"  in_degree, out_degree   distinct senders/receivers of directed ties\n"
		"  betweenness(_norm)      how often it lies on shortest paths between others\n"
		"  harmonic                closeness: sum of 1/distance to every other org\n"
		"  eigenvector             tied to well-tied orgs (largest = 1)\n"
		"  pagerank                importance along the direction of ties\n"
		"  constraint              Burt: high = partners all know each other (no brokerage)\n"
		"  effective_size          Burt: non-redundant partners\n"
		"  clustering              share of its partners' pairs that are tied\n"
		"  coreness                k-core number (depth in the dense core)\n"
		"  reach2                  orgs within two steps\n"
		"  cp_coreness, cp_core    Borgatti-Everett core/periphery: continuous coreness\n"
		"                          (largest = 1) and 1 = in the core, 0 = periphery\n"
		"  community               community label (Louvain, deterministic)\n"
		"  articulation            1 if removing it splits the network\n"
		"  funding_in, funders     money received (amount, else weight) and from how many\n"
		"  funding_hhi             concentration of its funders (1 = a single funder)\n"
		"With --group-by ATTR, Gould-Fernandez brokerage roles on directed ties:\n"
		"  coordinator (A->A->A), itinerant (A->B->A), representative (A->A->B),\n"
		"  gatekeeper (A->B->B), liaison (A->B->C), and brokerage, their total\n"
		"Definitions follow NetworkX (see SPEC.md and 'man coalmap').\n"
		"With --missing S,S (shares such as 0.1,0.2,0.3), how far to trust the ranking\n"
		"by --by when data are missing (Borgatti, Carley & Krackhardt 2006): for each\n"
		"share, --resamples networks that each lack that share of the ties (or, with\n"
		"--missing-orgs, of the orgs and their ties), drawn at random from --seed (the\n"
		"same for every --threads), the measure recomputed on each.  One row per org of\n"
		"the observed --top K (default 10) and share:\n"
		"  rank                    observed rank (1 + orgs ranked strictly above)\n"
		"  missing, resamples      the share; the resamples that hold the org\n"
		"  keeps_rank              share of them ranking it at its rank or better\n"
		"  in_top                  share of them ranking it in the top K\n"
		"  rank_low, rank_high     95 % interval of its rank (2.5th, 97.5th percentile)\n"
		"  reading                 \"rank 1 in 97 % of resamples with 10 % of ties missing\"\n"
		"Cost: shares x resamples x the measure's (betweenness O(n*m) each, sampled above\n"
		"20,000 orgs): 10,000 orgs, one share, 100 resamples of exact betweenness take\n"
		"about 10 CPU minutes; --samples 200 about 15 CPU seconds (docs/statistics.md).\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.check = check,
	.run = run,
};
