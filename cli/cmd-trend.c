/* cmd-trend.c - coalmap trend: network-level figures over waves (several
 * landscapes, or one landscape on several days), the orgs that rose or
 * fell most, and line charts of the figures. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "viz/map.h"

#define TREND_WAVES_MAX 1000

struct args {
	struct cli_list at;
	const char *group_by, *by, *chart;
	long top;
};

static const struct args defaults = { .top = 10 };

static const struct cli_option options[] = {
	{ .name = "at", .arg = "D1,D2,...", .kind = CLI_OPT_LIST, .offset = offsetof(struct args, at),
	  .expect = "a comma-separated list of dates",
	  .help = "with one LANDSCAPE: the days compared, in time order (YYYY-MM-DD; two or more), each "
		  "wave the ties that existed on that day" },
	{ .name = "group-by", .arg = "ATTR", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, group_by),
	  .help = "also follow the groups of this column, org or computed: E-I index and access shares per "
		  "group (power report)" },
	{ .name = "by", .arg = "MEASURE", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, by),
	  .help = "the per-org measure whose rank says who rose or fell (default betweenness_norm; any "
		  "measure of 'coalmap metrics' with a direction, e.g. degree, pagerank)" },
	{ .name = "top", .arg = "N", .kind = CLI_OPT_LONG, .offset = offsetof(struct args, top),
	  .min = 0, .max = 1000000000, .expect = "a whole number (0 = all)",
	  .help = "orgs listed rising and falling (default 10; 0 = all)" },
	{ .name = "chart", .arg = "FILE", .kind = CLI_OPT_STRING, .offset = offsetof(struct args, chart),
	  .help = "also draw line charts of density, degree and betweenness centralization, Gini of degree "
		  "(and with --group-by each group's direct access share and E-I index), one panel per "
		  "figure, to FILE (.png, .svg or .pdf)" },
	{ .name = NULL },
};

/* Several landscapes, or one and two days or more (distinct, in order). */
static int check(struct cli_ctx *cx, void *args)
{
	const struct args *a = args;
	int32_t prev = 0, d;
	size_t i;

	if (a->chart && !cli_chart_format(a->chart))
		return cli_usage_error("trend", "cannot tell the chart's format of '%s': use .png, .svg or .pdf",
				       a->chart);
	if (cx->argc >= 2 && a->at.n)
		return cli_usage_error("trend", "--at follows one landscape over days; with several landscapes "
						"leave it out");
	if (cx->argc > TREND_WAVES_MAX)
		return cli_usage_error("trend", "at most %d waves", TREND_WAVES_MAX);
	if ((cx->argc == 1 && a->at.n < 2) || a->at.n > TREND_WAVES_MAX)
		return cli_usage_error("trend", "trend needs two waves or more: several landscapes, or one "
						"landscape and --at D1,D2,... (%zu date%s given)",
				       a->at.n, a->at.n == 1 ? "" : "s");
	for (i = 0; i < a->at.n; i++) {
		if (cm_date_parse(a->at.v[i], 0, 0, &d) < 0)
			return cli_usage_error("trend", "--at '%s' is not a date (YYYY-MM-DD)", a->at.v[i]);
		if (i && d == prev)
			return cli_usage_error("trend", "--at gives the day %s twice", a->at.v[i]);
		if (i && d < prev)
			return cli_usage_error("trend", "--at dates must be in time order: %s comes after %s",
					       a->at.v[i], a->at.v[i - 1]);
		prev = d;
	}
	if (a->by && cm_metric_find(a->by) < 0)
		return cli_usage_error("trend", "--by '%s' is not a measure of 'coalmap metrics'", a->by);
	return 0;
}

/* Wave names: the dates as given, or the folders' names, "NAME (wave K)"
 * for a name an earlier wave has.  names[w] points into bufs. */
static void wave_names(const struct cli_ctx *cx, const struct args *a, size_t n, char (*bufs)[256],
		       const char **names)
{
	size_t w, v;
	char folder[200];

	for (w = 0; w < n; w++) {
		names[w] = a->at.n ? a->at.v[w] : cli_folder_title(cx->argv[w], bufs[w], sizeof(bufs[w]));
		for (v = 0; v < w && !a->at.n; v++) {
			const char *fn = cli_folder_title(cx->argv[w], folder, sizeof(folder));
			if (!strcmp(names[v], fn)) {
				snprintf(bufs[w], sizeof(bufs[w]), "%s (wave %zu)", fn, w + 1);
				names[w] = bufs[w];
			}
		}
	}
}

/* The chart into *data, titled "FOLDER, D1 to Dn" or "W1 to Wn": drawn
 * before anything is written, so that a failure writes nothing. */
static int draw_chart(const struct cli_ctx *cx, const struct args *a, const char *const *names, size_t n,
		      char **data, size_t *len)
{
	struct cm_map_chart_opts co = { cli_chart_format(a->chart), NULL, 0, NULL };
	struct cm_error err;
	char title[600], folder[256];

	if (a->at.n)
		snprintf(title, sizeof(title), "%s, %s to %s", cli_folder_title(cx->argv[0], folder, sizeof(folder)),
			 names[0], names[n - 1]);
	else
		snprintf(title, sizeof(title), "%s to %s", names[0], names[n - 1]);
	co.title = title;
	cm_error_clear(&err);
	return cm_map_chart_render(&cx->table, &co, data, len, &err) < 0 ? cli_fail(&err) : 0;
}

/* The table's notes on stderr; 65 when no wave has a tie. */
static int say_notes(const struct cm_table *t, size_t n, int quiet)
{
	size_t r, empty = 0, reading = t->ncols - 1;

	cli_progress_end();
	for (r = 0; r < t->nrows; r++) {
		if (t->cols[0].null[r] || strcmp(t->cols[0].text[r], "notes"))
			continue;
		empty += !strcmp(t->cols[2].text[r], "no_ties");
		if (!quiet)
			fprintf(stderr, "%s: note: %s\n", cli_progname, t->cols[reading].text[r]);
	}
	if (empty < n)
		return 0;
	fprintf(stderr, "%s: trend: no wave has a tie: nothing to follow (nothing written)\n", cli_progname);
	return 65;
}

static int run(struct cli_ctx *cx, const void *args)
{
	const struct args *a = args;
	const struct cli_common *c = &cx->common;
	size_t n = a->at.n ? a->at.n : (size_t)cx->argc, nl = a->at.n ? 1 : n, w;
	struct cm_trend_opts o = { a->group_by, a->by ? cm_metric_find(a->by) : -1, (size_t)a->top };
	struct cm_landscape **l = calloc(nl + 1, sizeof(*l));
	struct cm_analysis **an = calloc(n + 1, sizeof(*an));
	const char **names = calloc(n + 1, sizeof(*names)), **inputs = calloc(2 * nl + 1, sizeof(*inputs));
	char(*bufs)[256] = calloc(n + 1, sizeof(*bufs)), *chart = NULL;
	size_t chart_len = 0;
	int rc;

	if (!l || !an || !names || !inputs || !bufs) {
		cm_error_set(&cx->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		rc = cli_fail(&cx->err);
		goto out;
	}
	for (w = 0; w < nl; w++) {
		if ((rc = cli_load(cx->argv[w], &c->load, &l[w])))
			goto out;
		inputs[2 * w] = cm_landscape_orgs_path(l[w]);
		inputs[2 * w + 1] = cm_landscape_ties_path(l[w]);
	}
	if ((rc = cli_check_names(cx, (const struct cm_landscape *const *)l, nl)))
		goto out;
	wave_names(cx, a, n, bufs, names);
	for (w = 0; w < n; w++) {
		struct cm_filter f = c->filter;
		if (a->at.n) {
			f.has_at = 1;
			cm_date_parse(a->at.v[w], 0, 0, &f.at);
		}
		if (cm_analysis_new(&an[w], l[a->at.n ? 0 : w], &f, &cx->err) < 0) {
			rc = cli_fail(&cx->err);
			goto out;
		}
	}
	if (cm_trend(an, names, n, &o, &cx->table, &cx->err) < 0) {
		rc = cli_fail(&cx->err);
		goto out;
	}
	if ((rc = say_notes(&cx->table, n, c->quiet)))
		goto out;
	if (a->chart && (rc = draw_chart(cx, a, names, n, &chart, &chart_len)))
		goto out;
	cli_note_estimates(&cx->table, an[n - 1]);
	rc = cli_emit_with_file(&cx->table, c, inputs, a->chart, chart, chart_len);
out:
	free(chart);
	for (w = 0; an && w < n; w++)
		cm_analysis_free(an[w]);
	for (w = 0; l && w < nl; w++)
		cm_landscape_free(l[w]);
	free(an);
	free(l);
	free(names);
	free(inputs);
	free(bufs);
	return rc;
}

const struct cli_command cli_cmd_trend = {
	.name = "trend",
	.summary = "waves over time: network figures per wave, who rose and fell, line charts",
	.usage = "W1 W2 [W3 ...] [options]\nLANDSCAPE --at D1,D2[,D3...] [options]",
	.description =
		"Follows a network through waves: several landscapes in time order (any\n"
		"format coalmap reads), or one landscape on several days (each wave the\n"
		"ties that existed on that day).  One row per figure, one column per wave\n"
		"(named by the folder or the date), then change (last minus first) and a\n"
		"reading:\n"
		"  network, centralization, inequality, money_and_position, funding,\n"
		"  core_periphery      every network-wide figure of 'coalmap power' in\n"
		"                      each wave (density, components, Freeman\n"
		"                      centralization, Gini, the core/periphery fit and\n"
		"                      the core's size ...); a figure a wave lacks is\n"
		"                      empty there\n"
		"  groups, access      with --group-by: each group's E-I index, tie share,\n"
		"                      access shares ... per wave\n"
		"  notes               a wave without ties, a wave sharing no organization\n"
		"                      with the others, organizations not in every wave\n"
		"  rising, falling     the organizations whose rank on --by (default\n"
		"                      normalized betweenness) rose or fell most from the\n"
		"                      first wave to the last; the wave columns hold the\n"
		"                      ranks (1 = most central)\n"
		"Ranks are taken among the organizations present in every wave (matched\n"
		"by id); an organization missing from any wave is left out of them, and a\n"
		"note says how many.  With --at, orgs have no dates: every org is in every\n"
		"wave (without a tie on a day it is an isolate).  No permutation tests:\n"
		"'coalmap power' on one wave gives its p-values.\n"
		"Exact definitions: docs/trend.md.\n",
	.options = options,
	.args_size = sizeof(struct args),
	.defaults = &defaults,
	.flags = CLI_COMMON | CLI_SHARE,
	.nargs_min = 1, .nargs_max = TREND_WAVES_MAX,
	.operands = "W1 W2 ..., or LANDSCAPE --at D1,D2,...",
	.check = check,
	.run = run,
};
