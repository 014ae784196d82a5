/* cmd-power.c - coalmap power: the power report. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("usage: coalmap power LANDSCAPE [options]\n\n"
	       "A short briefing on who holds the power in the landscape, each figure\n"
	       "with a plain-language reading:\n"
	       "  network             size, density, components, clustering, path lengths\n"
	       "  centralization      Freeman centralization of degree, betweenness,\n"
	       "                      harmonic closeness and eigenvector (0 = equal, 1 = star)\n"
	       "  inequality          Gini and top-10 %% share of partners, brokerage,\n"
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
	       "Exact definitions: docs/power.md.\n\n"
	       "options:\n"
	       "  --group-by ATTR    group organizations by this column (region, type, ...)\n"
	       "  --targets T,T      org types that are decision-makers\n"
	       "                     (default decision_maker,government)\n"
	       "  --key-players K    name K key players (default 5; 0 for none)\n" CLI_COMMON_HELP);
}

int cmd_power(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "group-by", required_argument, NULL, 'g' },
		{ "targets", required_argument, NULL, 'G' },
		{ "key-players", required_argument, NULL, 'k' },
		CLI_COMMON_LONGOPTS, { NULL, 0, NULL, 0 }
	};
	struct cli_common c;
	struct cm_power_opts po = { NULL, NULL, 0, 5 };
	struct cm_landscape *l = NULL;
	struct cm_table t;
	struct cm_error err;
	char **targets = NULL;
	size_t i;
	long k;
	int opt, rc;

	cli_common_init(&c);
	cm_table_init(&t, 0);
	optind = 1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			help();
			rc = 0;
			goto out;
		case 'g':
			po.group_by = optarg;
			continue;
		case 'G':
			if (cli_split_list(optarg, &targets, &po.ntargets) < 0) {
				rc = cli_usage_error("power", "--targets needs a comma-separated list of org types");
				goto out;
			}
			po.targets = (const char *const *)targets;
			continue;
		case 'k':
			if (cli_parse_long(optarg, 0, 1000, &k) < 0) {
				rc = cli_usage_error("power", "--key-players needs a number from 0 to 1000, not '%s'", optarg);
				goto out;
			}
			po.key_players = (size_t)k;
			continue;
		}
		if (cli_common_option(&c, opt, optarg) != 1) {
			rc = 64;
			goto out;
		}
	}
	if ((rc = cli_begin("power", argc, argv, 1, &c, &l)))
		goto out;
	cm_error_clear(&err);
	if (cm_power_compute(l, &c.filter, &po, &t, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = cli_finish(&t, &c, l);
out:
	for (i = 0; i < po.ntargets; i++)
		free(targets[i]);
	free(targets);
	cm_table_release(&t);
	cm_landscape_free(l);
	cli_common_release(&c);
	return rc;
}
