/* main.c - coalmap: dispatches to one file per command. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

const char *cli_progname = "coalmap";

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
	const char *summary;
};

static const struct command commands[] = {
	{ "check", cmd_check, "LANDSCAPE [options]",
	  "validate a landscape and summarise it: orgs and ties by type, components" },
	{ "metrics", cmd_metrics, "LANDSCAPE [--sort COL] [--top N] [options]",
	  "per-organization centrality, brokerage and cohesion metrics" },
	{ "power", cmd_power, "LANDSCAPE [--group-by ATTR] [--targets T,T] [--key-players K] [options]",
	  "who holds the power: centralization, inequality, gatekeepers, key players, funding" },
	{ "gaps", cmd_gaps, "LANDSCAPE [--for ORG] [--top N] [--need skills=A,B] [options]",
	  "who are we missing: partner recommendations, or the landscape's gaps" },
	{ "path", cmd_path, "LANDSCAPE FROM TO [-k K] [options]",
	  "who can introduce us: shortest, most trusted chains of ties" },
	{ "diff", cmd_diff, "BEFORE AFTER | LANDSCAPE --at DATE1 --at DATE2 [--top N] [options]",
	  "what changed: orgs and ties gained and lost, positions, network measures" },
	{ "map", cmd_map, "LANDSCAPE -o FILE.svg|png|pdf|dot [--color-by ATTR] [--size-by METRIC] [options]",
	  "draw the landscape: a labelled map with a legend (Graphviz)" },
	{ "report", cmd_report, "LANDSCAPE -o FILE.html|FILE.md [--for ORG] [--group-by ATTR] [options]",
	  "one file to hand on: summary, map, key orgs, power, gaps, partners" },
	{ "convert", cmd_convert, "INPUT OUTPUT [--from FMT] [--to FMT] [--force]",
	  "convert between the CSV landscape, GraphML and GML; read Kumu's CSV export" },
	{ "generate", cmd_generate, "--orgs N --ties M [--seed S] -o DIR",
	  "write a synthetic landscape for tests and benchmarks" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(*commands))

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: coalmap COMMAND [options]\n\n"
		   "coalmap maps coalitions: it reads a landscape (a folder with\n"
		   "organizations.csv and relationships.csv) and answers who holds the\n"
		   "network together, who is missing, and who can reach decision-makers.\n\n"
		   "commands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'coalmap COMMAND --help' describes a command's options.\n"
		   "'coalmap help COMMAND' does the same.\n");
}

/* Finds a command by name or unique prefix; NULL if none or ambiguous. */
static const struct command *find(const char *name, int *ambiguous)
{
	const struct command *hit = NULL;
	size_t i, n = strlen(name);

	*ambiguous = 0;
	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
		if (n && strncmp(commands[i].name, name, n) == 0) {
			if (hit)
				*ambiguous = 1;
			hit = &commands[i];
		}
	}
	return *ambiguous ? NULL : hit;
}

int main(int argc, char **argv)
{
	const struct command *c;
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
	if (!strcmp(argv[1], "help")) {
		char *hargv[] = { argv[2], (char *)"--help", NULL };
		if (argc < 3) {
			usage(stdout);
			return 0;
		}
		c = find(argv[2], &ambiguous);
		if (!c)
			return cli_usage_error(NULL, "%s command '%s'", ambiguous ? "ambiguous" : "unknown", argv[2]);
		return c->run(2, hargv);
	}
	c = find(argv[1], &ambiguous);
	if (!c)
		return cli_usage_error(NULL, "%s command '%s'; see 'coalmap --help'",
				       ambiguous ? "ambiguous" : "unknown", argv[1]);
	rc = c->run(argc - 1, argv + 1);
	cli_progress_end();
	return rc;
}
