/* cmd-path.c - coalmap path: who can introduce FROM to TO. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
	printf("usage: coalmap path LANDSCAPE FROM TO [-k K] [options]\n\n"
	       "The K shortest introduction chains from organization FROM to TO (ids),\n"
	       "shortest first, then the most trusted (product of tie trust; a tie\n"
	       "without trust counts 0.5), then the strongest (sum of weights).\n"
	       "Exact definitions: docs/gaps.md.\n\n"
	       "options:\n"
	       "  -k K               number of chains (default 3)\n"
	       "  --via-types A,B    use only ties of these types (same as --types)\n" CLI_COMMON_HELP);
}

int cmd_path(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "via-types", required_argument, NULL, 'T' },
		CLI_COMMON_LONGOPTS, { NULL, 0, NULL, 0 }
	};
	struct cli_common c;
	struct cm_landscape *l = NULL;
	struct cm_table t;
	struct cm_error err;
	long k = 3;
	int opt, rc;

	cli_common_init(&c);
	cm_table_init(&t, 0);
	optind = 1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS "k:", longopts, NULL)) != -1) {
		if (opt == 'h') {
			help();
			rc = 0;
			goto out;
		}
		if (opt == 'k') {
			if (cli_parse_long(optarg, 1, 1000, &k) < 0) {
				rc = cli_usage_error("path", "-k needs a number from 1 to 1000, not '%s'", optarg);
				goto out;
			}
			continue;
		}
		if (cli_common_option(&c, opt, optarg) != 1) {
			rc = 64;
			goto out;
		}
	}
	if ((rc = cli_begin("path", argc, argv, 3, &c, &l)))
		goto out;
	cm_error_clear(&err);
	if (cm_path_compute(l, &c.filter, argv[optind + 1], argv[optind + 2], (size_t)k, &t, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (t.nrows == 0) {
		cli_progress_end();
		fprintf(stderr, "%s: no chain of ties connects '%s' and '%s'%s\n", cli_progname, argv[optind + 1],
			argv[optind + 2], c.filter.types || c.filter.has_at ? " with these ties" : "");
	}
	rc = cli_finish(&t, &c, l);
out:
	cm_table_release(&t);
	cm_landscape_free(l);
	cli_common_release(&c);
	return rc;
}
