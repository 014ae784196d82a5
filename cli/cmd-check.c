/* cmd-check.c - coalmap check: validate a landscape and summarise it. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("usage: coalmap check LANDSCAPE [options]\n\n"
	       "Reads LANDSCAPE/organizations.csv and LANDSCAPE/relationships.csv,\n"
	       "reports every problem as FILE:LINE: message, and summarises the\n"
	       "landscape: organizations by type, ties by type, connected components.\n"
	       "Exit status: 0 valid, 65 bad data, 66 missing files.\n\noptions:\n" CLI_COMMON_HELP);
}

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = { CLI_COMMON_LONGOPTS, { NULL, 0, NULL, 0 } };
	struct cli_common c;
	struct cm_landscape *l = NULL;
	struct cm_table t;
	struct cm_error err;
	int opt, rc;

	cli_common_init(&c);
	cm_table_init(&t, 0);
	optind = 1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		if (opt == 'h') {
			help();
			rc = 0;
			goto out;
		}
		if (cli_common_option(&c, opt, optarg) != 1) {
			rc = 64;
			goto out;
		}
	}
	if ((rc = cli_begin("check", argc, argv, 1, &c, &l)))
		goto out;
	cm_error_clear(&err);
	if (cm_check_summary(l, &c.filter, &t, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = cli_finish(&t, &c, l);
out:
	cm_table_release(&t);
	cm_landscape_free(l);
	cli_common_release(&c);
	return rc;
}
