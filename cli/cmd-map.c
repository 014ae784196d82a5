/* cmd-map.c - coalmap map: the landscape drawn with Graphviz. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "viz/map.h"

static void help(void)
{
	printf("usage: coalmap map LANDSCAPE -o FILE [options]\n\n"
	       "Draws the landscape: one shape per organization, coloured by a column,\n"
	       "its area in proportion to a metric, with lines styled by tie type, the\n"
	       "names of the organizations, a title and a legend.  The format comes from\n"
	       "FILE's extension: .svg, .png, .pdf or .dot (Graphviz with positions).\n"
	       "Styling, palette and limits: docs/maps.md.\n\n"
	       "options:\n"
	       "  -o, --output FILE  the map (written whole or not at all)\n"
	       "  -f, --format FMT   svg, png, pdf or dot, whatever FILE's extension;\n"
	       "                     with -o - the map goes to standard output\n"
	       "  --color-by ATTR    colour by an org column (type, region, stance...), a\n"
	       "                     metrics column, or community (default: type, or\n"
	       "                     community when every org has the same type)\n"
	       "  --size-by METRIC   area by a metrics column (degree, betweenness,\n"
	       "                     pagerank...), budget, influence or a numeric column\n"
	       "                     (default: degree)\n"
	       "  --labels WHICH     all, none or top:N, the N top brokers (betweenness)\n"
	       "                     (default: all up to %d orgs, else top:%d)\n"
	       "  --title TEXT       title (default: the landscape folder's name)\n"
	       "  --no-legend        leave the legend out\n"
	       "  --ego ORG          draw ORG's neighbourhood (an id, or an exact name)\n"
	       "  --radius R         steps from ORG for --ego (default 1)\n"
	       "  --aggregate ATTR   one node per group of an org column, or per community;\n"
	       "                     for landscapes too large to draw org by org\n"
	       "  --where ATTR=VALUE only orgs whose ATTR is VALUE (or has VALUE in a\n"
	       "                     ;-separated list); repeat to require several\n"
	       "  --highlight-gaps ORG\n"
	       "                     add the partners 'coalmap gaps --for ORG' ranks\n"
	       "                     first as heavy dashed lines from ORG labelled with\n"
	       "                     their rank and score; they are drawn even when --ego\n"
	       "                     or --where leaves them out (not with --aggregate)\n"
	       "  --gaps-top N       how many suggested partners, 1 to %d (default %d)\n"
	       "  --diff-at D1,D2    what changed between two days (YYYY-MM-DD): every tie\n"
	       "                     of either day, gained ones bold, lost ones dashed,\n"
	       "                     unchanged ones thin grey; sizes and colours as on D2\n"
	       "                     (not with --at, --aggregate or --highlight-gaps)\n"
	       "  --layout ENGINE    neato, fdp, sfdp, dot or circo (default: neato up to\n"
	       "                     150 nodes, sfdp above)\n"
	       "  --dpi N            PNG resolution (default 96)\n"
	       "  --types A,B        use only ties of these types\n"
	       "  --at DATE          use only ties that existed on DATE (YYYY-MM-DD)\n"
	       "  --weighted, --threads N, --samples K, --exact\n"
	       "                     how betweenness is computed (see coalmap metrics --help)\n"
	       "  --strict           treat warnings in the data as errors\n"
	       "  -h, --help         show this help\n\n"
	       "Landscapes of more than %d orgs, or %d ties, are drawn as communities\n"
	       "(--aggregate community) unless --ego, --where, --types or --at select fewer.\n",
	       CM_MAP_LABEL_ALL_MAX, CM_MAP_LABELS_TOP, CM_MAP_GAPS_MAX, CM_MAP_GAPS_TOP, CM_MAP_MAX_ORGS,
	       CM_MAP_MAX_TIES);
}

static const char *extension(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	return dot && (!slash || dot > slash) ? dot + 1 : NULL;
}

static int known_format(const char *f)
{
	return f && (!strcmp(f, "svg") || !strcmp(f, "png") || !strcmp(f, "pdf") || !strcmp(f, "dot"));
}

/* The landscape folder's name as a title: education-coalition becomes
 * "Education coalition" (points into buf). */
static int parse_number(const char *s, double lo, double hi, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	return errno || end == s || *end || !(*v >= lo && *v <= hi) ? -1 : 0;
}

int cmd_map(int argc, char **argv)
{
	enum { O_COLOR = 1000, O_SIZE, O_LABELS, O_TITLE, O_NOLEGEND, O_EGO, O_RADIUS, O_AGG, O_WHERE,
	       O_LAYOUT, O_DPI, O_GAPS, O_GAPS_TOP, O_DIFF_AT };
	static const struct option longopts[] = {
		{ "color-by", required_argument, NULL, O_COLOR },
		{ "colour-by", required_argument, NULL, O_COLOR },
		{ "size-by", required_argument, NULL, O_SIZE },
		{ "labels", required_argument, NULL, O_LABELS },
		{ "title", required_argument, NULL, O_TITLE },
		{ "no-legend", no_argument, NULL, O_NOLEGEND },
		{ "ego", required_argument, NULL, O_EGO },
		{ "radius", required_argument, NULL, O_RADIUS },
		{ "aggregate", required_argument, NULL, O_AGG },
		{ "where", required_argument, NULL, O_WHERE },
		{ "layout", required_argument, NULL, O_LAYOUT },
		{ "dpi", required_argument, NULL, O_DPI },
		{ "highlight-gaps", required_argument, NULL, O_GAPS },
		{ "gaps-top", required_argument, NULL, O_GAPS_TOP },
		{ "diff-at", required_argument, NULL, O_DIFF_AT },
		CLI_COMMON_LONGOPTS, { NULL, 0, NULL, 0 }
	};
	struct cli_common c;
	struct cm_map_opts mo;
	struct cm_map_info info;
	struct cm_map_where *where = NULL;
	struct cm_landscape *l = NULL;
	struct cm_error err;
	struct cli_out out;
	const char *format = NULL;
	char *data = NULL, *eq, namebuf[1024];
	size_t len = 0;
	double x;
	int opt, rc, radius_set = 0, gaps_top_set = 0;

	cli_common_init(&c);
	memset(&mo, 0, sizeof(mo));
	optind = 1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			help();
			rc = 0;
			goto out;
		case 'f':
			if (!known_format(optarg)) {
				rc = cli_usage_error("map", "unknown map format '%s' (svg, png, pdf, dot)", optarg);
				goto out;
			}
			format = optarg;
			continue;
		case O_COLOR:
			mo.color_by = optarg;
			continue;
		case O_SIZE:
			mo.size_by = optarg;
			continue;
		case O_LABELS:
			if (!strcmp(optarg, "all"))
				mo.labels = CM_MAP_LABELS_ALL;
			else if (!strcmp(optarg, "none"))
				mo.labels = CM_MAP_LABELS_NONE;
			else if (!strncmp(optarg, "top:", 4) && parse_number(optarg + 4, 0, 1e9, &x) == 0 &&
				 x == (double)(size_t)x) {
				mo.labels = CM_MAP_LABELS_TOP_N;
				mo.labels_top = (size_t)x;
			} else {
				rc = cli_usage_error("map", "--labels needs all, none or top:N, not '%s'", optarg);
				goto out;
			}
			continue;
		case O_TITLE:
			mo.title = optarg;
			continue;
		case O_NOLEGEND:
			mo.no_legend = 1;
			continue;
		case O_EGO:
			mo.ego = optarg;
			continue;
		case O_RADIUS:
			if (parse_number(optarg, 1, 100, &x) < 0 || x != (double)(size_t)x) {
				rc = cli_usage_error("map", "--radius needs a whole number from 1 to 100, not '%s'", optarg);
				goto out;
			}
			mo.radius = (size_t)x;
			radius_set = 1;
			continue;
		case O_AGG:
			mo.aggregate = optarg;
			continue;
		case O_WHERE: {
			struct cm_map_where *w;
			if (!(eq = strchr(optarg, '=')) || eq == optarg) {
				rc = cli_usage_error("map", "--where needs ATTR=VALUE, not '%s'", optarg);
				goto out;
			}
			if (!(w = realloc(where, (mo.nwhere + 1) * sizeof(*w)))) {
				fprintf(stderr, "%s: out of memory\n", cli_progname);
				rc = 70;
				goto out;
			}
			where = w;
			*eq = '\0'; /* argv is ours to split */
			where[mo.nwhere].attr = optarg;
			where[mo.nwhere].value = eq + 1;
			mo.nwhere++;
			continue;
		}
		case O_LAYOUT:
			mo.layout = optarg;
			if (strcmp(optarg, "neato") && strcmp(optarg, "fdp") && strcmp(optarg, "sfdp") &&
			    strcmp(optarg, "dot") && strcmp(optarg, "circo")) {
				rc = cli_usage_error("map", "unknown layout '%s' (neato, fdp, sfdp, dot, circo)", optarg);
				goto out;
			}
			continue;
		case O_DPI:
			if (parse_number(optarg, 10, 1200, &x) < 0) {
				rc = cli_usage_error("map", "--dpi needs a number from 10 to 1200, not '%s'", optarg);
				goto out;
			}
			mo.dpi = x;
			continue;
		case O_GAPS:
			mo.highlight_gaps = optarg;
			continue;
		case O_GAPS_TOP:
			if (parse_number(optarg, 1, CM_MAP_GAPS_MAX, &x) < 0 || x != (double)(size_t)x) {
				rc = cli_usage_error("map", "--gaps-top needs a whole number from 1 to %d, not '%s'",
						     CM_MAP_GAPS_MAX, optarg);
				goto out;
			}
			mo.gaps_top = (size_t)x;
			gaps_top_set = 1;
			continue;
		case O_DIFF_AT: {
			char *comma = strchr(optarg, ',');
			if (comma)
				*comma = '\0'; /* argv is ours to split */
			if (!comma || strchr(comma + 1, ',') || cm_date_parse(optarg, 0, 0, &mo.diff_from) < 0 ||
			    cm_date_parse(comma + 1, 0, 0, &mo.diff_to) < 0) {
				if (comma)
					*comma = ',';
				rc = cli_usage_error("map", "--diff-at needs two dates, DATE1,DATE2 (YYYY-MM-DD), "
							    "not '%s'", optarg);
				goto out;
			}
			mo.diff = 1;
			continue;
		}
		}
		if (cli_common_option(&c, opt, optarg) != 1) {
			rc = 64;
			goto out;
		}
	}
	mo.where = where;
	if (optind + 1 != argc) {
		rc = cli_usage_error("map", "expected one LANDSCAPE folder; see 'coalmap map --help'");
		goto out;
	}
	if (!c.output) {
		rc = cli_usage_error("map", "needs -o FILE (.svg, .png, .pdf or .dot)");
		goto out;
	}
	if (!format) {
		format = strcmp(c.output, "-") ? extension(c.output) : NULL;
		if (!known_format(format)) {
			rc = cli_usage_error("map", "cannot tell the format of '%s': use .svg, .png, .pdf or .dot, "
						    "or --format", c.output);
			goto out;
		}
	}
	if (radius_set && !mo.ego) {
		rc = cli_usage_error("map", "--radius needs --ego ORG");
		goto out;
	}
	if (gaps_top_set && !mo.highlight_gaps) {
		rc = cli_usage_error("map", "--gaps-top needs --highlight-gaps ORG");
		goto out;
	}
	if (mo.highlight_gaps && mo.aggregate) {
		rc = cli_usage_error("map", "--highlight-gaps draws organizations one by one; it cannot be used "
					    "with --aggregate");
		goto out;
	}
	mo.format = format;
	mo.name = cli_folder_title(argv[optind], namebuf, sizeof(namebuf));
	if ((rc = cli_begin("map", argc, argv, 1, &c, &l)))
		goto out;
	cm_error_clear(&err);
	if (cm_map_render(l, &c.filter, &mo, &data, &len, &info, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	cli_progress_end();
	if (info.auto_aggregate == 1)
		fprintf(stderr,
			"%s: note: %zu orgs are more than a map can draw one by one (%d); drew their "
			"communities instead (--aggregate community); --ego or --where select fewer orgs\n",
			cli_progname, info.orgs, CM_MAP_MAX_ORGS);
	else if (info.auto_aggregate == 2)
		fprintf(stderr,
			"%s: note: %zu ties are more than a map can draw one by one (%d); drew the orgs' "
			"communities instead (--aggregate community); --types, --at, --ego or --where "
			"select fewer\n",
			cli_progname, info.ties, CM_MAP_MAX_TIES);
	if (info.folded_groups)
		fprintf(stderr, "%s: note: drew the %zu largest groups; the %zu smaller ones are left out\n",
			cli_progname, info.nodes, info.folded_groups);
	if (info.labels_limited)
		fprintf(stderr, "%s: note: labelled the %zu %s of %zu; --labels all labels every one\n",
			cli_progname, info.labelled,
			info.auto_aggregate || mo.aggregate ? "largest groups" : "top brokers (betweenness)",
			info.nodes);
	if (info.other_categories)
		fprintf(stderr, "%s: note: '%s' has %zu values; the %d largest have colours, the other %zu are grey\n",
			cli_progname, info.color_by, info.other_categories + 7, 7, info.other_categories);
	if (mo.highlight_gaps && info.suggested < (mo.gaps_top ? mo.gaps_top : CM_MAP_GAPS_TOP))
		fprintf(stderr, "%s: note: coalmap gaps suggests %s%zu partner%s for '%s'\n", cli_progname,
			info.suggested ? "only " : "", info.suggested, info.suggested == 1 ? "" : "s", mo.highlight_gaps);
	if (info.orgs == 0)
		fprintf(stderr, "%s: warning: no organization to draw; the map is empty\n", cli_progname);
	{
		const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
		if ((rc = cli_out_open(&out, c.output, inputs)))
			goto out;
	}
	if (fwrite(data, 1, len, out.f) != len) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, c.output, strerror(errno));
		cli_out_abort(&out);
		rc = 73;
		goto out;
	}
	rc = cli_out_commit(&out);
out:
	free(data);
	free(where);
	cm_landscape_free(l);
	cli_common_release(&c);
	return rc;
}
