/* cmd-report.c - coalmap report: one file for people who do not run
 * coalmap, in HTML (self-contained, with the map inline) or Markdown.
 *
 * The report is a list of parts, each a heading, a short reading and a
 * result table from the analyses the other commands run; the two formats
 * only differ in how a part is written. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "viz/map.h"


static void help(void)
{
	printf("usage: coalmap report LANDSCAPE -o FILE.html|FILE.md [options]\n\n"
	       "Writes one report for people who do not run coalmap: a summary of the\n"
	       "landscape, the map, the key organizations, the power briefing and the\n"
	       "landscape's gaps; with --for, the partners to add and the routes to\n"
	       "decision-makers too.\n\n"
	       "HTML (.html) is one self-contained file: the map is drawn inline, nothing\n"
	       "is fetched from anywhere (a strict Content-Security-Policy says so), and\n"
	       "it prints cleanly on A4.  Markdown (.md) has the same content, with the map\n"
	       "written next to it as FILE-map.svg (not when writing to standard output).\n\n"
	       "options:\n"
	       "  -o, --output FILE  the report (written whole or not at all); the format\n"
	       "                     comes from the extension (.html, .htm or .md)\n"
	       "  -f, --format FMT   html (default) or md\n"
	       "  --for ORG          add recommended partners for ORG (as 'coalmap gaps\n"
	       "                     --for ORG') and its best route to every decision-maker\n"
	       "                     (as 'coalmap path'); the map marks the partners\n"
	       "  --group-by ATTR    compare groups of this column in the power briefing\n"
	       "                     and the recommendations (region, type, ...)\n"
	       "  --targets T,T      org types that are decision-makers\n"
	       "                     (default decision_maker,government)\n"
	       "  --key-players K    key players in the power briefing (default 5; 0 none)\n"
	       "  --top N            rows in the key-organizations and partners tables\n"
	       "                     (default %d and %d)\n"
	       "  --title TEXT       the report's title (default: from the folder's name)\n"
	       "  --types A,B        use only ties of these types\n"
	       "  --at DATE          use only ties that existed on DATE (YYYY-MM-DD)\n"
	       "  --weighted, --threads N, --samples K, --exact\n"
	       "                     how path metrics are computed (see coalmap metrics --help)\n"
	       "  --time-limit S     stop after S seconds with exit status 70, writing nothing\n"
	       "  --quiet            no progress display and no closing note\n"
	       "  --strict           treat warnings in the data as errors\n"
	       "  -h, --help         show this help\n",
	       CM_REPORT_KEY_ORGS, CM_REPORT_PARTNERS);
}

/* Draws the map into the report, on the report's own context. */
static int draw_map(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d)
{
	struct cm_map_opts mo;
	struct cm_map_info info;
	struct cm_error err;
	char *svg = NULL;
	size_t len = 0;

	memset(&mo, 0, sizeof(mo));
	mo.format = "svg";
	mo.name = o->name;
	mo.highlight_gaps = o->for_org;
	cm_error_clear(&err);
	if (cm_map_render(cm_analysis_landscape(a), cm_analysis_filter(a), &mo, &svg, &len, &info, &err) < 0) {
		if (err.code != CM_EUSAGE || !o->for_org)
			return cli_fail(&err);
		mo.highlight_gaps = NULL; /* too large to draw org by org: no partner lines */
		cm_error_clear(&err);
		if (cm_map_render(cm_analysis_landscape(a), cm_analysis_filter(a), &mo, &svg, &len, &info, &err) < 0)
			return cli_fail(&err);
	}
	if (cm_report_set_map(d, svg, len, info.orgs, info.auto_aggregate, info.labels_limited, info.suggested) < 0) {
		cm_error_set(&err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		return cli_fail(&err);
	}
	return 0;
}

/* FILE.md -> FILE-map.svg (malloc'd). */
static char *map_name(const char *output)
{
	const char *dot = strrchr(output, '.'), *slash = strrchr(output, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - output) : strlen(output);
	char *s = malloc(stem + sizeof("-map.svg"));

	if (s)
		sprintf(s, "%.*s-map.svg", (int)stem, output);
	return s;
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "for", required_argument, NULL, 'F' },
		{ "group-by", required_argument, NULL, 'g' },
		{ "targets", required_argument, NULL, 'G' },
		{ "key-players", required_argument, NULL, 'k' },
		{ "top", required_argument, NULL, 'n' },
		{ "title", required_argument, NULL, 't' },
		CLI_COMMON_LONGOPTS, { NULL, 0, NULL, 0 }
	};
	struct cli_common c;
	struct cm_doc r;
	struct cm_report_opts o;
	struct cm_analysis *a = NULL;
	struct cm_error err;
	struct cm_landscape *l = NULL;
	struct cli_out out, mapout;
	char **targets = NULL, *mapfile = NULL, namebuf[256];
	size_t i, ntargets = 0;
	long v;
	int opt, rc, open_out = 0, open_map = 0;

	cli_common_init(&c);
	cm_doc_init(&r);
	memset(&o, 0, sizeof(o));
	o.key_players = 5;
	optind = 1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			help();
			rc = 0;
			goto out;
		case 'F':
			o.for_org = optarg;
			continue;
		case 'g':
			o.group_by = optarg;
			continue;
		case 't':
			o.title = optarg;
			continue;
		case 'G':
			if (cli_split_list(optarg, &targets, &ntargets) < 0) {
				rc = cli_usage_error("report", "--targets needs a comma-separated list of org types");
				goto out;
			}
			o.targets.v = (const char *const *)targets;
			o.targets.n = ntargets;
			continue;
		case 'k':
		case 'n':
			if (cli_parse_long(optarg, opt == 'k' ? 0 : 1, 1000, &v) < 0) {
				rc = cli_usage_error("report", "--%s needs a number from %d to 1000, not '%s'",
						     opt == 'k' ? "key-players" : "top", opt == 'k' ? 0 : 1, optarg);
				goto out;
			}
			if (opt == 'k')
				o.key_players = (size_t)v;
			else
				o.top = (size_t)v;
			continue;
		}
		if (cli_common_option(&c, opt, optarg) != 1) {
			rc = 64;
			goto out;
		}
	}
	if (optind + 1 == argc)
		o.name = cli_folder_title(argv[optind], namebuf, sizeof(namebuf));
	if (!c.format_set && (!c.output || !strrchr(c.output, '.')))
		c.format = FMT_HTML, c.format_set = 1;
	if ((rc = cli_begin("report", argc, argv, 1, &c, &l)))
		goto out;
	if (c.format != FMT_HTML && c.format != FMT_MD) {
		rc = cli_usage_error("report", "a report is html or md; '%s' needs one of those extensions "
				     "(or --format html|md)", c.output ? c.output : "-");
		goto out;
	}
	cm_error_clear(&err);
	if (cm_analysis_new(&a, l, &c.filter, &err) < 0 || cm_report_build(a, &o, &r, &err) < 0) {
		cli_progress_end();
		rc = cli_fail(&err);
		goto out;
	}
	if ((rc = draw_map(a, &o, &r)))
		goto out;
	cli_progress_end();
	{
		const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
		int to_file = c.output && strcmp(c.output, "-") != 0;
		if (c.format == FMT_MD && to_file && r.figure) {
			if (!(mapfile = map_name(c.output))) {
				fprintf(stderr, "%s: out of memory\n", cli_progname);
				rc = 70;
				goto out;
			}
			if ((rc = cli_out_open(&mapout, mapfile, inputs)))
				goto out;
			open_map = 1;
			if (fwrite(r.figure, 1, r.figure_len, mapout.f) != r.figure_len) {
				fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, mapfile, strerror(errno));
				rc = 73;
				goto out;
			}
		}
		if ((rc = cli_out_open(&out, c.output, inputs)))
			goto out;
		open_out = 1;
	}
	r.figure_file = mapfile;
	mapfile = NULL;
	if (cm_write_doc(cm_writer_find(c.format == FMT_HTML ? "html" : "md"), &r, out.f, &err) < 0) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, c.output ? c.output : "standard output",
			strerror(errno));
		rc = 73;
		goto out;
	}
	/* the map first: a report never points at a map that is not there */
	if (open_map) {
		open_map = 0;
		if ((rc = cli_out_commit(&mapout)))
			goto out;
	}
	open_out = 0;
	if ((rc = cli_out_commit(&out)))
		goto out;
	if (!c.quiet && c.output && strcmp(c.output, "-") != 0) {
		char *abs = realpath(c.output, NULL);
		fprintf(stderr, "%s: wrote %s%s%s\n", cli_progname, abs ? abs : c.output,
			r.figure_file ? " and " : "", r.figure_file ? r.figure_file : "");
		free(abs);
	}
out:
	if (open_out)
		cli_out_abort(&out);
	if (open_map)
		cli_out_abort(&mapout);
	free(mapfile);
	for (i = 0; i < ntargets; i++)
		free(targets[i]);
	free(targets);
	cm_doc_release(&r);
	cm_analysis_free(a);
	cm_landscape_free(l);
	cli_common_release(&c);
	return rc;
}
