/* cmd-metrics.c - coalmap metrics: per-organization metrics table. */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("usage: coalmap metrics LANDSCAPE [options]\n\n"
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
	       "  community               community label (Louvain, deterministic)\n"
	       "  articulation            1 if removing it splits the network\n"
	       "  funding_in, funders     money received (amount, else weight) and from how many\n"
	       "  funding_hhi             concentration of its funders (1 = a single funder)\n"
	       "With --group-by ATTR, Gould-Fernandez brokerage roles on directed ties:\n"
	       "  coordinator (A->A->A), itinerant (A->B->A), representative (A->A->B),\n"
	       "  gatekeeper (A->B->B), liaison (A->B->C), and brokerage, their total\n"
	       "Definitions follow NetworkX (see SPEC.md and 'man coalmap').\n\n"
	       "options:\n"
	       "  --sort COL         order rows by COL (descending for numbers)\n"
	       "  --top N            keep the first N rows\n"
	       "  --group-by ATTR    add brokerage roles between groups of this column\n" CLI_COMMON_HELP);
}

int cmd_metrics(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "sort", required_argument, NULL, 's' },
		{ "top", required_argument, NULL, 'n' },
		{ "group-by", required_argument, NULL, 'g' },
		CLI_COMMON_LONGOPTS, { NULL, 0, NULL, 0 }
	};
	struct cli_common c;
	struct cm_landscape *l = NULL;
	struct cm_table t;
	struct cm_error err;
	const char *sort = NULL, *group_by = NULL;
	long top = -1;
	int opt, rc, h;

	cli_common_init(&c);
	cm_table_init(&t, 0);
	optind = 1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		if (opt == 'h') {
			help();
			rc = 0;
			goto out;
		}
		if (opt == 'g') {
			group_by = optarg;
			continue;
		}
		if (opt == 's') {
			sort = optarg;
			continue;
		}
		if (opt == 'n') {
			if (cli_parse_long(optarg, 0, LONG_MAX, &top) < 0) {
				rc = cli_usage_error("metrics", "--top needs a number of rows, not '%s'", optarg);
				goto out;
			}
			continue;
		}
		if ((h = cli_common_option(&c, opt, optarg)) != 1) {
			rc = 64;
			goto out;
		}
	}
	if ((rc = cli_begin("metrics", argc, argv, 1, &c, &l)))
		goto out;
	cm_error_clear(&err);
	if (cm_metrics_compute(l, &c.filter, &t, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (group_by && cm_brokerage_add(l, &c.filter, group_by, &t, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (sort) {
		int col = cm_table_find(&t, sort);
		if (col < 0) {
			rc = cli_usage_error("metrics", "--sort: no column '%s'", sort);
			goto out;
		}
		if (cm_table_sort(&t, (size_t)col, t.cols[col].kind != CM_TEXT) < 0) {
			rc = cli_usage_error("metrics", "out of memory");
			rc = 70;
			goto out;
		}
	}
	if (top >= 0)
		cm_table_truncate(&t, (size_t)top);
	rc = cli_finish(&t, &c, l);
out:
	cm_table_release(&t);
	cm_landscape_free(l);
	cli_common_release(&c);
	return rc;
}
