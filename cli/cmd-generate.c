/* cmd-generate.c - coalmap generate: write a synthetic landscape. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

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

struct args {
	unsigned long long orgs, ties, seed;
	const char *dir;
};

static const struct args defaults = { .orgs = 1000, .seed = 1 };

static const struct cli_option options[] = {
	{ .name = "orgs", .arg = "N", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, orgs),
	  .max = (double)ULLONG_MAX, .help = "number of organizations (default 1000)" },
	{ .name = "ties", .arg = "M", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, ties),
	  .max = (double)ULLONG_MAX, .help = "number of ties (default 3 per organization)" },
	{ .name = "seed", .arg = "S", .kind = CLI_OPT_UNSIGNED, .offset = offsetof(struct args, seed),
	  .max = (double)ULLONG_MAX, .help = "random seed (default 1)" },
	{ .name = "output", .letter = 'o', .arg = "DIR", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, dir),
	  .help = "folder to write (created if missing)" },
	{ .name = NULL },
};

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	struct cm_gen_opts g = { 1000, 0, 1 };
	struct cm_table orgs, ties;
	struct cm_error err;
	const char *dir = a->dir;
	int rc;

	g.orgs = (size_t)a->orgs;
	g.ties = (size_t)a->ties;
	g.seed = a->seed;
	if (!dir)
		return cli_usage_operands(cx);
	if (g.orgs > 100000000 || g.ties > 1000000000)
		return cli_usage_error("generate", "at most 100,000,000 orgs and 1,000,000,000 ties");
	if (!cli_given(cx, "ties"))
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

const struct cli_command cli_cmd_generate = {
	.name = "generate",
	.summary = "write a synthetic landscape for tests and benchmarks",
	.usage = "--orgs N --ties M [--seed S] -o DIR",
	.description =
		"Writes DIR/organizations.csv and DIR/relationships.csv: a synthetic\n"
		"landscape with regional communities, heavy-tailed numbers of ties,\n"
		"every attribute and every tie type.  The same seed gives the same files.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.nargs_min = 0, .nargs_max = 0, .operands = "-o DIR and no other arguments",
	.run = run,
};
