/* cmd-generate.c - coalmap generate: write a synthetic landscape. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void help(void)
{
	printf("usage: coalmap generate --orgs N --ties M [--seed S] -o DIR\n\n"
	       "Writes DIR/organizations.csv and DIR/relationships.csv: a synthetic\n"
	       "landscape with regional communities, heavy-tailed numbers of ties,\n"
	       "every attribute and every tie type.  The same seed gives the same files.\n\n"
	       "options:\n"
	       "  --orgs N           number of organizations (default 1000)\n"
	       "  --ties M           number of ties (default 3 per organization)\n"
	       "  --seed S           random seed (default 1)\n"
	       "  -o, --output DIR   folder to write (created if missing)\n"
	       "  -h, --help         show this help\n");
}

static int parse_size(const char *s, unsigned long long *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno || *end || !*s || *s == '-' ? -1 : 0;
}

static int write_file(const char *dir, const char *name, const struct cm_table *t)
{
	struct cli_out o;
	char *path = malloc(strlen(dir) + strlen(name) + 2);
	int rc;

	if (!path)
		return 70;
	sprintf(path, "%s/%s", dir, name);
	rc = cli_out_open(&o, path, NULL);
	if (!rc) {
		if (cli_write_table(t, FMT_CSV, o.f) < 0) {
			fprintf(stderr, "%s: %s: write error\n", cli_progname, path);
			cli_out_abort(&o);
			rc = 73;
		} else {
			rc = cli_out_commit(&o);
		}
	}
	free(path);
	return rc;
}

int cmd_generate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "orgs", required_argument, NULL, 'n' },
		{ "ties", required_argument, NULL, 'm' },
		{ "seed", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cm_gen_opts g = { 1000, 0, 1 };
	struct cm_table orgs, ties;
	struct cm_error err;
	const char *dir = NULL;
	unsigned long long v;
	int opt, rc, ties_set = 0;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			help();
			return 0;
		case 'o':
			dir = optarg;
			break;
		case 'n':
		case 'm':
		case 's':
			if (parse_size(optarg, &v) < 0)
				return cli_usage_error("generate", "--%s needs a whole number, not '%s'",
						       opt == 'n' ? "orgs" : opt == 'm' ? "ties" : "seed", optarg);
			if (opt == 'n')
				g.orgs = (size_t)v;
			else if (opt == 'm') {
				g.ties = (size_t)v;
				ties_set = 1;
			} else
				g.seed = v;
			break;
		default:
			return 64;
		}
	}
	if (!dir || optind != argc)
		return cli_usage_error("generate", "expected -o DIR and no other arguments; see 'coalmap generate --help'");
	if (g.orgs > 100000000 || g.ties > 1000000000)
		return cli_usage_error("generate", "at most 100,000,000 orgs and 1,000,000,000 ties");
	if (!ties_set)
		g.ties = 3 * g.orgs;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "%s: %s: cannot create folder: %s\n", cli_progname, dir, strerror(errno));
		return 73;
	}
	cm_error_clear(&err);
	if (cm_generate(&g, &orgs, &ties, &err) < 0)
		return cli_fail(&err);
	rc = write_file(dir, "organizations.csv", &orgs);
	if (!rc)
		rc = write_file(dir, "relationships.csv", &ties);
	cm_table_release(&orgs);
	cm_table_release(&ties);
	return rc;
}
