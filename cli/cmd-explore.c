/* cmd-explore.c - coalmap explore: the map as one offline HTML page to
 * search, filter and focus (viz/explore.c builds it). */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "viz/map.h"

struct args {
	const char *title, *story, *aggregate;
	int layout;
};

static const struct cli_choice layouts[] = {
	{ "neato", 1, 0 }, { "fdp", 2, 0 }, { "sfdp", 3, 0 }, { "dot", 4, 0 }, { "circo", 5, 0 }, { NULL, 0, 0 },
};

#define ARG(f) offsetof(struct args, f)

static const struct cli_option options[] = {
	{ .name = "output", .kind = CLI_OPT_COMMON, .help = "the page, .html (written whole or not at all)" },
	{ .name = "title", .arg = "TEXT", .kind = CLI_OPT_STRING, .offset = ARG(title),
	  .help = "title (default: the landscape folder's name, as written)" },
	{ .name = "layout", .arg = "ENGINE", .kind = CLI_OPT_ENUM, .offset = ARG(layout), .choices = layouts,
	  .help = "neato, fdp, sfdp, dot or circo, as for map (default: neato up to 150 orgs, sfdp above)" },
	{ .name = "aggregate", .arg = "COLUMN", .kind = CLI_OPT_STRING, .offset = ARG(aggregate),
	  .help = "draw groups, not orgs: one node per value of an org column, or 'community', "
		  "as for map (the default above the size limit: communities)" },
	{ .name = "story", .arg = "FILE", .kind = CLI_OPT_STRING, .offset = ARG(story),
	  .help = "steps to walk an audience through: a Markdown file whose '## HEADING' lines start "
		  "steps, each with its paragraphs and a list ('- ORG', an id or a name) of the "
		  "organizations it shows (docs/explore.md)" },
	{ .name = NULL },
};

static int check(struct cli_ctx *cx, void *args)
{
	(void)args;
	if (!cx->common.output)
		return cli_usage_error("explore", "needs -o FILE (.html)");
	return 0;
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	struct cm_map_explore_opts eo;
	struct cm_landscape *l = cx->landscape;
	const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
	struct cm_error err;
	char *data = NULL, namebuf[1024];
	size_t len = 0;
	int rc;

	memset(&eo, 0, sizeof(eo));
	eo.title = a->title;
	eo.layout = cli_choice_name(layouts, a->layout);
	eo.story = a->story;
	eo.aggregate = a->aggregate;
	eo.name = cli_folder_title(cx->argv[0], namebuf, sizeof(namebuf));
	cm_error_clear(&err);
	if (cm_map_explore(cx->analysis, &eo, &data, &len, &err) < 0)
		return cli_fail(&err);
	cli_progress_end();
	rc = cli_write_bytes(cx->common.output, data, len, inputs);
	free(data);
	return rc;
}

const struct cli_command cli_cmd_explore = {
	.name = "explore",
	.summary = "the map as one offline HTML page: search, filter, focus an org",
	.usage = "LANDSCAPE -o FILE.html [options]",
	.description =
		"Writes one self-contained HTML page that draws the landscape where 'coalmap\n"
		"map' puts it (the same Graphviz layout, sizes and colours) and lets you pan\n"
		"and zoom (mouse wheel and drag, + and - keys), find an organization by name\n"
		"or id, focus it (click or Enter) to see its partners highlighted and its\n"
		"attributes and metrics (those of 'coalmap metrics') in a side panel,\n"
		"hide org types and tie types, and save the view as PNG or SVG; with\n"
		"--story, walk through steps that each show some organizations and say\n"
		"why.  When some org has a stance, a View switch shows the stakeholders'\n"
		"grid instead (influence x alignment, as 'coalmap stakeholders' computes\n"
		"them).  The page makes no network request: its data, script and style\n"
		"are inside it, and its Content-Security-Policy allows nothing else.\n"
		"Names are shown as text, never as markup.  Above " CLI_STR(CM_MAP_MAX_ORGS) " orgs\n"
		"or " CLI_STR(CM_MAP_MAX_TIES) " ties (or with --aggregate) the page opens on the aggregated view:\n"
		"communities (or a column's values) as nodes; click one to see its members;\n"
		"the filters and the time slider count the groups again.\n"
		"Details: docs/explore.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.check = check,
	.run = run,
};
