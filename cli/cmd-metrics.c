/* cmd-metrics.c - coalmap metrics: per-organization metrics table. */
#include "config.h"

#include <limits.h>
#include <stddef.h>

#include "cli.h"

struct args {
	const char *sort, *group_by;
	long top;
};

static const struct args defaults = { .top = -1 };

static const struct cli_option options[] = {
	{ .name = "sort", .arg = "COL", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, sort),
	  .help = "order rows by COL (descending for numbers)" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, top),
	  .min = 0, .max = LONG_MAX, .expect = "a number of rows", .help = "keep the first N rows" },
	{ .name = "group-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, group_by),
	  .help = "add brokerage roles between groups of an org column or a computed one (community, "
		  "coreness, ...)" },
	{ .name = NULL },
};

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_landscape *l = cx->landscape;
	struct cm_table *t = &cx->table;

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
	return cli_finish(t, c, l);
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
		"Definitions follow NetworkX (see SPEC.md and 'man coalmap').\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.run = run,
};
