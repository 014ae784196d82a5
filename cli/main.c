/* main.c - coalmap: argv to a command of the table (by name or unique
 * prefix), 'coalmap help COMMAND' and --version. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

const char *cli_progname = "coalmap";

static void usage(FILE *f)
{
	size_t i;
	int w = 10;

	for (i = 0; cli_commands[i]; i++) /* the names in one column */
		if ((int)strlen(cli_commands[i]->name) > w)
			w = (int)strlen(cli_commands[i]->name);
	fprintf(f, "usage: coalmap COMMAND [options]\n\n"
		   "coalmap maps coalitions: it reads a landscape (a folder with\n"
		   "organizations.csv and relationships.csv) and answers who holds the\n"
		   "network together, who is missing, and who can reach decision-makers.\n\n"
		   "commands:\n");
	for (i = 0; cli_commands[i]; i++)
		fprintf(f, "  %-*s %s\n", w, cli_commands[i]->name, cli_commands[i]->summary);
	fprintf(f, "\nAn organization (ORG, FROM, TO) is given by its id or its name; a name\n"
		   "in another case is taken when only one organization has it.  A tie\n"
		   "type, org type, region or org that the landscape lacks is an error\n"
		   "that lists what it has and suggests the nearest.\n"
		   "\n'coalmap COMMAND --help' describes a command's options.\n"
		   "'coalmap help COMMAND' does the same.\n");
}

/* Finds a command by name or unique prefix; NULL if none or ambiguous. */
static const struct cli_command *find(const char *name, int *ambiguous)
{
	const struct cli_command *hit = NULL;
	size_t i, n = strlen(name);

	*ambiguous = 0;
	for (i = 0; cli_commands[i]; i++) {
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
		if (n && strncmp(cli_commands[i]->name, name, n) == 0) {
			if (hit)
				*ambiguous = 1;
			hit = cli_commands[i];
		}
	}
	return *ambiguous ? NULL : hit;
}

/* coalmap help [COMMAND]; --man and --options (hidden) print the man page
 * and every command's long options, for make update-man and the tests. */
static int help(int argc, char **argv)
{
	const struct cli_command *c;
	int ambiguous;

	if (argc < 3) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[2], "--man")) {
		cli_man_page(stdout);
		return 0;
	}
	if (!strcmp(argv[2], "--options")) {
		cli_options_list(stdout);
		return 0;
	}
	c = find(argv[2], &ambiguous);
	if (!c)
		return cli_usage_error(NULL, "%s command '%s'", ambiguous ? "ambiguous" : "unknown", argv[2]);
	cli_command_help(c, stdout);
	return 0;
}

int main(int argc, char **argv)
{
	const struct cli_command *c;
	int rc;
	int ambiguous;

	cm_init();
	if (argc < 2) {
		usage(stderr);
		return 64;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("coalmap %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "help"))
		return help(argc, argv);
	c = find(argv[1], &ambiguous);
	if (!c)
		return cli_usage_error(NULL, "%s command '%s'; see 'coalmap --help'",
				       ambiguous ? "ambiguous" : "unknown", argv[1]);
	rc = cli_command_run(c, argc - 1, argv + 1);
	cli_progress_end();
	return rc;
}
