/* cmd-report.c - coalmap report: one file for people who do not run
 * coalmap, in HTML (self-contained, with the map inline) or Markdown.
 *
 * The report is a list of parts, each a heading, a short reading and a
 * result table from the analyses the other commands run; the two formats
 * only differ in how a part is written. */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "viz/map.h"

struct args {
	const char *for_org, *group_by, *title;
	struct cli_list targets;
	long key_players, top;
	double missing;
	unsigned long long resamples;
};

static const struct args defaults = { .key_players = 5, .resamples = CM_RANK_RESAMPLES };

#define ARG(f) offsetof(struct args, f)

static const struct cli_option options[] = {
	{ .name = "output", .kind = CLI_OPT_COMMON,
	  .help = "the report (written whole or not at all); the format comes from the extension "
		  "(.html, .htm or .md)" },
	{ .name = "format", .kind = CLI_OPT_COMMON, .help = "html (default) or md" },
	{ .name = "for", .arg = "ORG", .kind = CLI_OPT_STRING, .offset = ARG(for_org),
	  .help = "add recommended partners for ORG (as 'coalmap gaps --for ORG') and its best route to "
		  "every decision-maker (as 'coalmap path'); the map marks the partners" },
	{ .name = "group-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = ARG(group_by),
	  .help = "compare groups of this column in the power briefing and the recommendations (region, "
		  "type, ...)" },
	{ .name = "targets", .arg = "T,T", .kind = CLI_OPT_LIST, .offset = ARG(targets), .names = CM_NAME_ORG_TYPE,
	  .expect = "a comma-separated list of org types",
	  .help = "org types that are decision-makers (default decision_maker,government)" },
	{ .name = "key-players", .arg = "K", .kind = CLI_OPT_LONG, .offset = ARG(key_players),
	  .min = 0, .max = 1000, .help = "key players in the power briefing (default 5; 0 none)" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = ARG(top), .min = 1, .max = 1000,
	  .help = "rows in the key-organizations table, and partners per role (default " CLI_STR(CM_REPORT_KEY_ORGS)
		  " and " CLI_STR(CM_REPORT_PARTNERS) ")" },
	{ .name = "missing", .arg = "S", .kind = CLI_OPT_DOUBLE, .offset = ARG(missing), .min = 0, .max = 0.99,
	  .expect = "a share of the ties from 0 to 0.99 (0.1 is 10 %)",
	  .help = "say how far the rankings hold with this share of the ties missing at random: a column "
		  "for the key organizations, a sentence for each key player and gatekeeper (docs/statistics.md)" },
	{ .name = "resamples", .arg = "R", .kind = CLI_OPT_UNSIGNED, .offset = ARG(resamples),
	  .min = 1, .max = 100000, .expect = "a number of resamples (1 to 100000)",
	  .help = "with --missing: copies of the network drawn (default 100); each recomputes brokerage" },
	{ .name = "title", .arg = "TEXT", .kind = CLI_OPT_STRING, .offset = ARG(title),
	  .help = "the report's title (default: the landscape folder's name, as written)" },
	{ .name = "quiet", .kind = CLI_OPT_COMMON, .help = "no progress display and no closing note" },
	{ .name = NULL },
};

/* HTML unless --format or -o's extension says otherwise. */
static int check(struct cli_ctx *cx, void *args)
{
	struct cli_common *c = &cx->common;
	const struct args *a = args;

	if (cli_given(cx, "resamples") && !(a->missing > 0))
		return cli_usage_error("report", "--resamples goes with --missing");
	if (!c->format_set && (!c->output || !strrchr(c->output, '.')))
		c->format = FMT_HTML, c->format_set = 1;
	return 0;
}

/* Writes figure g beside the report, in the file cm_doc_name_figures
 * named (FILE-map.svg, FILE-stakeholders.svg, FILE-inequality.svg), when
 * the report has it. */
static int write_figure(const struct cm_doc_figure *g, const char *const *inputs, struct cli_out *fo, int *open)
{
	int rc;

	if (!g->svg)
		return 0;
	if ((rc = cli_out_open(fo, g->file, inputs)))
		return rc;
	*open = 1;
	if (fwrite(g->svg, 1, g->len, fo->f) != g->len) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, g->file, strerror(errno));
		return 73;
	}
	return 0;
}

/* Builds the report on one analysis context, draws its figures on the
 * same context, then writes it (and, in Markdown, its figures beside it):
 * the figures first, so that a report never points at one that is not
 * there. */
static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	struct cm_doc r;
	struct cm_report_opts o;
	struct cm_analysis *an = NULL;
	struct cm_error err;
	struct cm_landscape *l = cx->landscape;
	struct cli_out out, figout[CM_DOC_FIGURES];
	const char *inputs[] = { cm_landscape_orgs_path(l), cm_landscape_ties_path(l), NULL };
	char namebuf[256];
	int rc, k, open_out = 0, open_fig[CM_DOC_FIGURES] = { 0 };

	cm_doc_init(&r);
	memset(&o, 0, sizeof(o));
	o.for_org = a->for_org;
	o.group_by = a->group_by;
	o.title = a->title;
	o.targets.v = (const char *const *)a->targets.v;
	o.targets.n = a->targets.n;
	o.key_players = (size_t)a->key_players;
	o.top = (size_t)a->top;
	o.missing = a->missing;
	o.resamples = (size_t)a->resamples;
	o.name = cli_folder_title(cx->argv[0], namebuf, sizeof(namebuf));
	if (c->format != FMT_HTML && c->format != FMT_MD) {
		rc = cli_usage_error("report", "a report is html or md; '%s' needs one of those extensions "
				     "(or --format html|md)", c->output ? c->output : "-");
		goto out;
	}
	cm_error_clear(&err);
	if (cm_analysis_new(&an, l, &c->filter, &err) < 0 || cm_report_build(an, &o, &r, &err) < 0 ||
	    cm_map_report(an, &o, &r, &err) < 0) {
		cli_progress_end();
		rc = cli_fail(&err);
		goto out;
	}
	cli_progress_end();
	if (c->format == FMT_MD && c->output && strcmp(c->output, "-") != 0) {
		if (cm_doc_name_figures(&r, c->output) < 0) {
			fprintf(stderr, "%s: out of memory\n", cli_progname);
			rc = 70;
			goto out;
		}
		for (k = 0; k < CM_DOC_FIGURES; k++)
			if ((rc = write_figure(&r.fig[k], inputs, &figout[k], &open_fig[k])))
				goto out;
	}
	if ((rc = cli_out_open(&out, c->output, inputs)))
		goto out;
	open_out = 1;
	if (cm_write_doc(cm_writer_find(c->format == FMT_HTML ? "html" : "md"), &r, out.f, &err) < 0) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", cli_progname, c->output ? c->output : "standard output",
			strerror(errno));
		rc = 73;
		goto out;
	}
	for (k = 0; k < CM_DOC_FIGURES; k++)
		if (open_fig[k]) {
			open_fig[k] = 0;
			if ((rc = cli_out_commit(&figout[k])))
				goto out;
		}
	open_out = 0;
	if ((rc = cli_out_commit(&out)))
		goto out;
	if (!c->quiet && c->output && strcmp(c->output, "-") != 0) {
		char *abs = realpath(c->output, NULL);
		int nfig = 0, said = 0;

		fprintf(stderr, "%s: wrote %s", cli_progname, abs ? abs : c->output);
		for (k = 0; k < CM_DOC_FIGURES; k++)
			nfig += r.fig[k].file != NULL;
		for (k = 0; k < CM_DOC_FIGURES; k++) /* "A, B and C" */
			if (r.fig[k].file)
				fprintf(stderr, "%s%s", ++said == nfig ? " and " : ", ", r.fig[k].file);
		fputc('\n', stderr);
		free(abs);
	}
out:
	if (open_out)
		cli_out_abort(&out);
	for (k = 0; k < CM_DOC_FIGURES; k++)
		if (open_fig[k])
			cli_out_abort(&figout[k]);
	cm_doc_release(&r);
	cm_analysis_free(an);
	return rc;
}

const struct cli_command cli_cmd_report = {
	.name = "report",
	.summary = "one file to hand on: summary, map, key orgs, power, gaps, partners",
	.usage = "LANDSCAPE -o FILE.html|FILE.md [options]",
	.description =
		"Writes one report for people who do not run coalmap: a summary of the\n"
		"landscape, the map, the key organizations, the power briefing (with the\n"
		"Lorenz curves of its inequality figures and the degree distribution), the\n"
		"landscape's gaps and, when some organization has a stance, its\n"
		"stakeholders (the influence x alignment grid of 'coalmap stakeholders',\n"
		"its quadrants and the most influential champions, persuadables and\n"
		"blockers); with --for, alignment\n"
		"is with that organization, and the partners to add and the routes to\n"
		"decision-makers come too.  It explains the terms it uses at its end; a reading\n"
		"that needs data the landscape lacks (budgets, funding) is left out with\n"
		"one line saying why.\n"
		"\n"
		"HTML (.html) is one self-contained file: the figures are drawn\n"
		"inline, nothing is fetched from anywhere (a strict Content-Security-Policy\n"
		"says so), and it prints cleanly on A4.  Markdown (.md) has the same\n"
		"content, with the figures written next to it as FILE-map.svg,\n"
		"FILE-inequality.svg and FILE-stakeholders.svg (not when writing to\n"
		"standard output).\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_LANDSCAPE | CLI_SHARE,
	.nargs_min = 1, .nargs_max = 1, .operands = "one LANDSCAPE folder",
	.check = check,
	.run = run,
};
