/* cmd-stakeholders.c - coalmap stakeholders: influence x alignment, and the
 * camps of the signed network. */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "viz/map.h"

struct args {
	struct cli_list focus;
	struct cli_list targets;
	int camps;
	long top;
	const char *grid;
	const char *title;
	long labels;
	double dpi;
};

static const struct args defaults = { .top = 20 };

static const struct cli_option options[] = {
	{ .name = "for", .arg = "ORG,ORG", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, focus),
	  .help = "measure alignment with ORG (an id or a name), or with a coalition of several taken as one: "
		  "their stance on each issue, the sign of the members' sum" },
	{ .name = "targets", .arg = "T,T", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, targets),
	  .names = CM_NAME_ORG_TYPE, .expect = "a comma-separated list of org types",
	  .help = "org types that are decision-makers, for access (default decision_maker,government, or "
		  "coalmap.ini's)" },
	{ .name = "camps", .kind = CLI_OPT_FLAG, .offset = offsetof(struct args, camps),
	  .help = "report the signed network instead: triangle balance, frustration index, the two camps, "
		  "swing actors and bridging ties" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, top), .min = 0,
	  .max = 1000000, .help = "with --camps: list N swing actors and N bridging ties (default 20; 0 for all)" },
	{ .name = "grid", .arg = "FILE", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, grid),
	  .help = "also draw the grid, influence up and alignment across, a dot per org coloured by its "
		  "quadrant, as FILE: .svg, .png, .pdf or .dot, told from its extension" },
	{ .name = "title", .arg = "TEXT", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, title),
	  .help = "the grid's title (default: Stakeholders, and the landscape folder's name)" },
	{ .name = "labels", .arg = "N", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, labels), .min = 0,
	  .max = 1000, .help = "label the N most influential orgs on the grid (default: every org up to "
			       "40, else 30); a label with no free place is left out" },
	{ .name = "dpi", .arg = "N", .kind = CLI_OPT_DOUBLE, .offset = offsetof(struct args, dpi), .min = 36,
	  .max = 600, .help = "resolution of a PNG grid (default 96)" },
	{ .name = NULL },
};

/* The picture's format: FILE's extension, or NULL. */
static const char *grid_format(const char *path)
{
	static const char *const known[] = { "svg", "png", "pdf", "dot" };
	const char *dot = strrchr(path, '.');
	size_t k;

	for (k = 0; dot && !strchr(dot, '/') && k < sizeof(known) / sizeof(known[0]); k++)
		if (!strcasecmp(dot + 1, known[k]))
			return known[k];
	return NULL;
}

static int check(struct cli_ctx *cx, void *args)
{
	const struct args *a = args;

	if (a->grid && a->camps)
		return cli_usage_error(cx->cmd->name, "--grid draws the grid of influence and alignment; leave "
				       "--camps out");
	if (a->grid && !grid_format(a->grid))
		return cli_usage_error(cx->cmd->name, "--grid %s: the picture's format comes from its extension: "
				       ".svg, .png, .pdf or .dot", a->grid);
	if (!a->grid && (cli_given(cx, "title") || cli_given(cx, "labels") || cli_given(cx, "dpi")))
		return cli_usage_error(cx->cmd->name, "--title, --labels and --dpi are for --grid");
	return 0;
}

/* Draws the grid of t into *data (written with the table, both or
 * neither). */
static int draw_grid(struct cli_ctx *cx, const struct args *a, const struct cm_table *t, char **data, size_t *len)
{
	struct cm_map_grid_opts go;
	char title[300], name[256], xt[300];
	size_t i;

	memset(&go, 0, sizeof(go));
	go.format = grid_format(a->grid);
	snprintf(title, sizeof(title), "Stakeholders: %s", cli_folder_title(cx->argv[0], name, sizeof(name)));
	go.title = a->title ? a->title : title;
	snprintf(xt, sizeof(xt), "%s", a->focus.n ? "alignment with " : "alignment: mean stance");
	for (i = 0; i < a->focus.n; i++)
		snprintf(xt + strlen(xt), sizeof(xt) - strlen(xt), "%s%s", i ? ", " : "", a->focus.v[i]);
	go.x_title = xt;
	go.labels = (size_t)a->labels;
	go.dpi = a->dpi;
	if (cm_map_grid_render(t, &go, data, len, NULL, &cx->err) < 0)
		return cli_fail(&cx->err);
	return 0;
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cm_landscape *l = cx->landscape;
	const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
	struct cm_stake_opts o;
	char notes[1024], *grid = NULL;
	size_t len = 0;
	int rc;

	memset(&o, 0, sizeof(o));
	o.focus.v = (const char *const *)a->focus.v;
	o.focus.n = a->focus.n;
	o.targets.v = (const char *const *)a->targets.v;
	o.targets.n = a->targets.n;
	o.top = (size_t)a->top;
	o.notes = notes;
	o.notes_size = sizeof(notes);
	rc = a->camps ? cm_stake_camps(cx->analysis, &o, &cx->table, &cx->err) :
			cm_stakeholders(cx->analysis, &o, &cx->table, &cx->err);
	if (rc < 0)
		return cli_fail(&cx->err);
	cli_progress_end();
	if (*notes)
		fprintf(stderr, "%s: note: %s\n", cli_progname, notes);
	if (a->grid && (rc = draw_grid(cx, a, &cx->table, &grid, &len)) != 0)
		return rc;
	cli_note_estimates(&cx->table, cx->analysis);
	rc = cli_emit_with_file(&cx->table, &cx->common, inputs, a->grid, grid, len);
	free(grid);
	return rc;
}

const struct cli_command cli_cmd_stakeholders = {
	.name = "stakeholders",
	.summary = "who matters and where they stand: influence x alignment, camps, swing actors",
	.usage = "LANDSCAPE [--for ORG,ORG] [--camps | --grid FILE] [options]",
	.description =
		"One row per organization, most influential first:\n"
		"  stated_influence    the influence column, as given\n"
		"  network_influence   mean of the percentile ranks of PageRank and\n"
		"                      betweenness and of direct access (1 or 0) to a\n"
		"                      decision-maker\n"
		"  influence           network influence, averaged with the percentile\n"
		"                      rank of the stated influence when there is one\n"
		"  alignment           -1..1: agreement with the --for orgs over the issues\n"
		"                      both take a stance on (the stance column and every\n"
		"                      stance:ISSUE column, or the rows of a stances.csv\n"
		"                      with org, issue, stance); without --for, the mean stance.\n"
		"                      Empty when unknown: unknown is never neutral\n"
		"  quadrant            above the median influence: champion (alignment > 0),\n"
		"                      persuadable (0 or unknown), blocker (< 0); below it:\n"
		"                      low_priority; the --for orgs: focus\n"
		"  camp                1 or 2: the side of the signed network (conflict ties\n"
		"                      negative) the org is on; empty without conflict ties\n"
		"With --camps, the signed network instead: triangle balance, the\n"
		"frustration index (exact for components up to " CLI_STR(CM_STAKE_EXACT_MAX) " organizations, else\n"
		"a local search's upper bound, as the output says), the camps, swing\n"
		"actors (with --for: who on your side reaches each, by the best chain of\n"
		"ties as 'coalmap path' ranks them) and the ties that bridge the camps.\n"
		"With --grid FILE, also the grid as a picture (Graphviz, positions pinned):\n"
		"influence up, alignment across, unknown alignment in a strip of its own,\n"
		"the median and zero lines, the most influential orgs labelled.\n"
		"Exact definitions: docs/stakeholders.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.check = check,
	.run = run,
};
