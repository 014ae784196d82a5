/* cmd-init.c - coalmap init: write a landscape's schema file, coalmap.ini,
 * inferred from its data (docs/schema.md). */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

struct args {
	int force;
};

static const struct cli_option options[] = {
	{ .name = "force", .kind = CLI_OPT_FLAG, .offset = offsetof(struct args, force),
	  .help = "replace an existing schema file (its settings are kept, the guesses redone)" },
	{ .name = NULL },
};

/* Writes a starting file to out for data that do not load (their
 * errors printed): never over an existing file, whose settings could be
 * what the data need. */
static int write_start(struct cli_ctx *cx, const char *out)
{
	const char *inputs[] = { cx->argv[0], NULL };
	struct cli_out o;
	struct stat st;
	int rc;

	if (strcmp(out, "-") && stat(out, &st) == 0) {
		fprintf(stderr, "%s: nothing written: %s exists; fix what the errors above name there or in the "
				"data\n", cli_progname, out);
		return 65;
	}
	if ((rc = cli_out_open(&o, out, inputs)))
		return rc;
	if ((rc = cm_schema_file_template(cx->argv[0], o.f, &cx->err)) < 0) {
		cli_out_abort(&o);
		return cli_fail(&cx->err);
	}
	if ((rc = cli_out_commit(&o)))
		return rc;
	if (strcmp(out, "-"))
		fprintf(stderr, "%s: wrote %s as a start; check the lines marked GUESS, fix the errors above, "
				"then run 'coalmap init --force' to describe the tie types too\n", cli_progname, out);
	return 0;
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_landscape *l = NULL;
	char *path = c->output ? NULL : cm_schema_file_where(cx->argv[0]);
	const char *out = c->output ? c->output : path;
	struct cli_out o;
	struct stat st;
	int rc;

	if (!out) {
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		return 70;
	}
	if (strcmp(out, "-") && stat(out, &st) == 0 && !a->force) {
		fprintf(stderr, "%s: %s: exists; edit it, or use --force to write it again (its settings are "
				"kept)\n", cli_progname, out);
		free(path);
		return 73;
	}
	if ((rc = cli_load_then(cx->argv[0], &c->load, &l, "the data do not load yet")) == 65)
		rc = write_start(cx, out);
	else if (rc == 0) {
		const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
		if ((rc = cli_out_open(&o, out, inputs)) == 0) {
			if (cm_schema_file_write(l, o.f, &cx->err) < 0) {
				cli_out_abort(&o);
				rc = cli_fail(&cx->err);
			} else if ((rc = cli_out_commit(&o)) == 0 && strcmp(out, "-"))
				fprintf(stderr, "%s: wrote %s; check the lines marked GUESS\n", cli_progname, out);
		}
	}
	cm_landscape_free(l);
	free(path);
	return rc;
}

const struct cli_command cli_cmd_init = {
	.name = "init",
	.summary = "write the landscape's schema file, coalmap.ini, inferred from its data",
	.usage = "LANDSCAPE [-o FILE] [--force]",
	.description =
		"Writes coalmap.ini into the LANDSCAPE folder (or beside a landscape\n"
		"file; -o FILE elsewhere, '-' for standard output): what each tie type\n"
		"means (directed or mutual; access, money, conflict), which org types are\n"
		"decision-makers, and what the columns are called when the headers are\n"
		"not coalmap's own.  Every command reading the landscape then reads the\n"
		"file too, and says so in a note.  Types the data leave open are guessed\n"
		"from their names and directions, and the guesses are marked GUESS.\n"
		"When the data do not load (say, the relationships' columns are called\n"
		"Org and Partner), init prints the errors and writes a starting file\n"
		"instead: each file's columns, a GUESS for each column coalmap needs and\n"
		"cannot find, and the other settings commented; fix it, then run\n"
		"init --force.\n"
		"docs/schema.md explains every setting.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.flags = CLI_COMMON, /* loads the landscape itself: data that do not load get a starting file */
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE",
	.run = run,
};
