/* cmd-map.c - coalmap map: the landscape drawn with Graphviz. */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "viz/map.h"

/* --labels */
struct labels {
	enum cm_map_labels mode;
	size_t top;
};

/* --where, each ATTR=VALUE split where it stands in argv */
struct wheres {
	struct cm_map_where *v;
	size_t n;
};

/* --diff-at D1,D2 */
struct diff_days {
	int on;
	int32_t from, to;
};

struct args {
	const char *color_by, *size_by, *title, *ego, *aggregate, *highlight_gaps;
	struct labels labels;
	struct wheres where;
	struct diff_days diff;
	int no_legend, layout, format;
	double radius, dpi, gaps_top;
};

enum { F_SVG = 1, F_PNG, F_PDF, F_DOT };
static const struct cli_choice formats[] = {
	{ "svg", F_SVG, 0 }, { "png", F_PNG, 0 }, { "pdf", F_PDF, 0 }, { "dot", F_DOT, 0 }, { NULL, 0, 0 },
};
static const struct cli_choice layouts[] = {
	{ "neato", 1, 0 }, { "fdp", 2, 0 }, { "sfdp", 3, 0 }, { "dot", 4, 0 }, { "circo", 5, 0 }, { NULL, 0, 0 },
};

static const char *extension(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	return dot && (!slash || dot > slash) ? dot + 1 : NULL;
}

static int parse_number(const char *s, double lo, double hi, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	return errno || end == s || *end || !(*v >= lo && *v <= hi) ? -1 : 0;
}

static int parse_labels(const char *cmd, char *arg, void *value)
{
	struct labels *lb = value;
	double x;

	if (!strcmp(arg, "all"))
		lb->mode = CM_MAP_LABELS_ALL;
	else if (!strcmp(arg, "none"))
		lb->mode = CM_MAP_LABELS_NONE;
	else if (!strncmp(arg, "top:", 4) && parse_number(arg + 4, 0, 1e9, &x) == 0 && x == (double)(size_t)x) {
		lb->mode = CM_MAP_LABELS_TOP_N;
		lb->top = (size_t)x;
	} else {
		return cli_usage_error(cmd, "--labels needs all, none or top:N, not '%s'", arg);
	}
	return 0;
}

static int parse_where(const char *cmd, char *arg, void *value)
{
	struct wheres *w = value;
	struct cm_map_where *v;
	char *eq = strchr(arg, '=');

	if (!eq || eq == arg)
		return cli_usage_error(cmd, "--where needs ATTR=VALUE, not '%s'", arg);
	if (!(v = realloc(w->v, (w->n + 1) * sizeof(*v)))) {
		fprintf(stderr, "%s: out of memory\n", cli_progname);
		return 70;
	}
	w->v = v;
	*eq = '\0'; /* argv is ours to split */
	w->v[w->n].attr = arg;
	w->v[w->n].value = eq + 1;
	w->n++;
	return 0;
}

static void release_where(void *value)
{
	free(((struct wheres *)value)->v);
}

static int parse_diff_at(const char *cmd, char *arg, void *value)
{
	struct diff_days *d = value;
	char *comma = strchr(arg, ',');

	if (comma)
		*comma = '\0'; /* argv is ours to split */
	if (!comma || strchr(comma + 1, ',') || cm_date_parse(arg, 0, 0, &d->from) < 0 ||
	    cm_date_parse(comma + 1, 0, 0, &d->to) < 0) {
		if (comma)
			*comma = ',';
		return cli_usage_error(cmd, "--diff-at needs two dates, DATE1,DATE2 (YYYY-MM-DD), not '%s'", arg);
	}
	d->on = 1;
	return 0;
}

#define ARG(f) offsetof(struct args, f)

static const struct cli_option options[] = {
	{ .name = "output", .kind = CLI_OPT_COMMON, .help = "the map (written whole or not at all)" },
	{ .name = "format", .letter = 'f', .arg = "FMT", .kind = CLI_OPT_ENUM, .offset = ARG(format),
	  .choices = formats, .expect = "map format",
	  .help = "svg, png, pdf or dot, whatever FILE's extension; with -o - the map goes to standard "
		  "output" },
	{ .name = "color-by", .alias = "colour-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = ARG(color_by),
	  .help = "colour by an org column (type, region...), a metrics column, or community "
		  "(default: type, or community when every org has the same type); stance or stance:ISSUE "
		  "on a diverging palette (support blue, neutral grey, oppose vermillion, unknown white)" },
	{ .name = "size-by", .arg = "METRIC", .kind = CLI_OPT_STRING, .offset = ARG(size_by),
	  .help = "area by a metrics column (degree, betweenness, pagerank...), budget, influence or a "
		  "numeric column (default: degree)" },
	{ .name = "labels", .arg = "WHICH", .kind = CLI_OPT_CUSTOM, .offset = ARG(labels), .parse = parse_labels,
	  .help = "all, none or top:N, the N top brokers (betweenness) (default: all up to "
		  CLI_STR(CM_MAP_LABEL_ALL_MAX) " orgs, else top:" CLI_STR(CM_MAP_LABELS_TOP) ")" },
	{ .name = "title", .arg = "TEXT", .kind = CLI_OPT_STRING, .offset = ARG(title),
	  .help = "title (default: the landscape folder's name, as written)" },
	{ .name = "no-legend", .kind = CLI_OPT_FLAG, .offset = ARG(no_legend), .help = "leave the legend out" },
	{ .name = "ego", .arg = "ORG", .kind = CLI_OPT_STRING, .offset = ARG(ego),
	  .help = "draw ORG's neighbourhood (an id or a name)" },
	{ .name = "radius", .arg = "R", .kind = CLI_OPT_DOUBLE, .flags = CLI_WHOLE, .offset = ARG(radius),
	  .min = 1, .max = 100, .help = "steps from ORG for --ego (default 1)" },
	{ .name = "aggregate", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = ARG(aggregate),
	  .help = "one node per group of an org column, or per community; for landscapes too large to "
		  "draw org by org" },
	{ .name = "where", .arg = "ATTR=VALUE", .kind = CLI_OPT_CUSTOM, .offset = ARG(where),
	  .parse = parse_where, .release = release_where,
	  .help = "only orgs whose ATTR is VALUE (or has VALUE in a ;-separated list); repeat to require "
		  "several" },
	{ .name = "layout", .arg = "ENGINE", .kind = CLI_OPT_ENUM, .offset = ARG(layout), .choices = layouts,
	  .help = "neato, fdp, sfdp, dot or circo (default: neato up to 150 nodes, sfdp above)" },
	{ .name = "dpi", .arg = "N", .kind = CLI_OPT_DOUBLE, .offset = ARG(dpi), .min = 10, .max = 1200,
	  .help = "PNG resolution (default 96)" },
	{ .name = "highlight-gaps", .arg = "ORG", .kind = CLI_OPT_STRING, .offset = ARG(highlight_gaps),
	  .help = "add the partners 'coalmap gaps --for ORG' ranks first as heavy dashed lines from ORG "
		  "labelled with their rank and score; they are drawn even when --ego or --where leaves "
		  "them out (not with --aggregate)" },
	{ .name = "gaps-top", .arg = "N", .kind = CLI_OPT_DOUBLE, .flags = CLI_WHOLE, .offset = ARG(gaps_top),
	  .min = 1, .max = CM_MAP_GAPS_MAX,
	  .help = "how many suggested partners, 1 to " CLI_STR(CM_MAP_GAPS_MAX) " (default "
		  CLI_STR(CM_MAP_GAPS_TOP) ")" },
	{ .name = "diff-at", .arg = "D1,D2", .kind = CLI_OPT_CUSTOM, .offset = ARG(diff), .parse = parse_diff_at,
	  .help = "what changed between two days (YYYY-MM-DD): every tie of either day, gained ones "
		  "bold, lost ones dashed, unchanged ones thin grey; sizes and colours as on D2 (not "
		  "with --at, --aggregate or --highlight-gaps)" },
	{ .name = NULL },
};

/* -o and its format, and options that need or exclude others. */
static int check(struct cli_ctx *cx, void *args)
{
	struct args *a = args;
	const char *output = cx->common.output;

	if (!output)
		return cli_usage_error("map", "needs -o FILE (.svg, .png, .pdf or .dot)");
	if (!a->format) {
		const char *ext = strcmp(output, "-") ? extension(output) : NULL;
		if (!ext || cli_choice_find(formats, ext, &a->format) < 0)
			return cli_usage_error("map", "cannot tell the format of '%s': use .svg, .png, .pdf or .dot, "
						      "or --format", output);
	}
	if (cli_given(cx, "radius") && !a->ego)
		return cli_usage_error("map", "--radius needs --ego ORG");
	if (cli_given(cx, "gaps-top") && !a->highlight_gaps)
		return cli_usage_error("map", "--gaps-top needs --highlight-gaps ORG");
	if (a->highlight_gaps && a->aggregate)
		return cli_usage_error("map", "--highlight-gaps draws organizations one by one; it cannot be used "
					      "with --aggregate");
	return 0;
}

/* The notes on what the map leaves out or draws otherwise. */
static void notes(const struct cm_map_opts *mo, const struct cm_map_info *info)
{
	cli_progress_end();
	if (info->auto_aggregate == 1)
		fprintf(stderr,
			"%s: note: %zu orgs are more than a map can draw one by one (%d); drew their "
			"communities instead (--aggregate community); --ego or --where select fewer orgs\n",
			cli_progname, info->orgs, CM_MAP_MAX_ORGS);
	else if (info->auto_aggregate == 2)
		fprintf(stderr,
			"%s: note: %zu ties are more than a map can draw one by one (%d); drew the orgs' "
			"communities instead (--aggregate community); --types, --at, --ego or --where "
			"select fewer\n",
			cli_progname, info->ties, CM_MAP_MAX_TIES);
	if (info->lines_all)
		fprintf(stderr,
			"%s: note: drew %zu of %zu lines (at most %d): each org's %zu to its best-connected "
			"partner%s (by degree); --types, --where or --ego select fewer\n",
			cli_progname, info->edges, info->lines_all, CM_MAP_MAX_LINES, info->lines_per_org,
			info->lines_per_org == 1 ? "" : "s");
	if (info->folded_groups)
		fprintf(stderr, "%s: note: drew the %zu largest groups; the %zu smaller ones are left out\n",
			cli_progname, info->nodes, info->folded_groups);
	if (info->labels_limited)
		fprintf(stderr, "%s: note: labelled the %zu %s of %zu; --labels all labels every one\n",
			cli_progname, info->labelled,
			info->auto_aggregate || mo->aggregate ? "largest groups" : "top brokers (betweenness)",
			info->nodes);
	if (info->other_categories)
		fprintf(stderr, "%s: note: '%s' has %zu values; the %d largest have colours, the other %zu are grey\n",
			cli_progname, info->color_by, info->other_categories + 7, 7, info->other_categories);
	if (mo->highlight_gaps && info->suggested < (mo->gaps_top ? mo->gaps_top : CM_MAP_GAPS_TOP))
		fprintf(stderr, "%s: note: coalmap gaps suggests %s%zu partner%s for '%s'\n", cli_progname,
			info->suggested ? "only " : "", info->suggested, info->suggested == 1 ? "" : "s",
			mo->highlight_gaps);
	if (info->orgs == 0)
		fprintf(stderr, "%s: warning: no organization to draw; the map is empty\n", cli_progname);
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_map_opts mo;
	struct cm_map_info info;
	struct cm_landscape *l = cx->landscape;
	struct cm_error err;
	char *data = NULL, namebuf[1024];
	size_t len = 0;
	int rc;

	memset(&mo, 0, sizeof(mo));
	mo.color_by = a->color_by;
	mo.size_by = a->size_by;
	mo.labels = a->labels.mode;
	mo.labels_top = a->labels.top;
	mo.title = a->title;
	mo.no_legend = a->no_legend;
	mo.ego = a->ego;
	mo.radius = (size_t)a->radius;
	mo.aggregate = a->aggregate;
	mo.where = a->where.v;
	mo.nwhere = a->where.n;
	mo.layout = cli_choice_name(layouts, a->layout);
	mo.dpi = a->dpi;
	mo.highlight_gaps = a->highlight_gaps;
	mo.gaps_top = (size_t)a->gaps_top;
	mo.diff = a->diff.on;
	mo.diff_from = a->diff.from;
	mo.diff_to = a->diff.to;
	mo.format = cli_choice_name(formats, a->format);
	mo.name = cli_folder_title(cx->argv[0], namebuf, sizeof(namebuf));
	cm_error_clear(&err);
	if (cm_map_render(cx->analysis, &mo, &data, &len, &info, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	notes(&mo, &info);
	{
		const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
		rc = cli_write_bytes(c->output, data, len, inputs);
	}
out:
	free(data);
	return rc;
}

const struct cli_command cli_cmd_map = {
	.name = "map",
	.summary = "draw the landscape: a labelled map with a legend (Graphviz)",
	.usage = "LANDSCAPE -o FILE [options]",
	.description =
		"Draws the landscape: one shape per organization, coloured by a column,\n"
		"its area in proportion to a metric, with lines styled by tie type, the\n"
		"names of the organizations, a title and a legend.  The format comes from\n"
		"FILE's extension: .svg, .png, .pdf or .dot (Graphviz with positions).\n"
		"Landscapes of more than " CLI_STR(CM_MAP_MAX_ORGS) " orgs, or " CLI_STR(CM_MAP_MAX_TIES)
		" ties, are drawn as communities\n"
		"(--aggregate community) unless --ego, --where, --types or --at select fewer.\n"
		"Above " CLI_STR(CM_MAP_MAX_LINES) " lines each org keeps its lines to its best-connected partners,\n"
		"as the subtitle says.\n"
		"Styling, palette and limits: docs/maps.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.check = check,
	.run = run,
};
