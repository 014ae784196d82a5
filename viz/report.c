/* report.c - the report's figures (engine/report.c builds the document):
 * the map, drawn on the report's own analysis context, and the
 * stakeholders' grid and the inequality curves, from the tables the
 * report kept for them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "viz/map.h"

static int draw_map(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d, struct cm_error *err)
{
	struct cm_map_opts mo;
	struct cm_map_info info;
	char *svg = NULL;
	size_t len = 0;
	int rc;

	memset(&mo, 0, sizeof(mo));
	mo.format = "svg";
	mo.name = o->name;
	mo.highlight_gaps = o->for_org;
	if ((rc = cm_map_render(a, &mo, &svg, &len, &info, err)) < 0) {
		if (rc != CM_EUSAGE || !o->for_org)
			return rc;
		mo.highlight_gaps = NULL; /* too large to draw org by org: no partner lines */
		cm_error_clear(err);
		if ((rc = cm_map_render(a, &mo, &svg, &len, &info, err)) < 0)
			return rc;
	}
	if (cm_report_set_map(d, svg, len, info.orgs, info.auto_aggregate, info.labels_limited, info.suggested) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return CM_OK;
}

/* The grid of `coalmap stakeholders --for FOR --grid`, drawn from the
 * table the report's stakeholders part kept with the figure. */
static int draw_grid(const struct cm_report_opts *o, struct cm_doc *d, struct cm_error *err)
{
	const struct cm_table *t = &d->fig[CM_FIGURE_GRID].data;
	struct cm_map_grid_opts go;
	char title[300], xt[300], *svg = NULL;
	size_t len = 0, labelled = 0;
	int rc;

	memset(&go, 0, sizeof(go));
	go.format = "svg";
	snprintf(title, sizeof(title), "Stakeholders: %s", o->name ? o->name : "the landscape");
	go.title = title;
	snprintf(xt, sizeof(xt), "%s%s", o->for_org ? "alignment with " : "alignment: mean stance",
		 o->for_org ? o->for_org : "");
	go.x_title = xt;
	if ((rc = cm_map_grid_render(t, &go, &svg, &len, &labelled, err)) == CM_OK &&
	    cm_report_set_grid(d, svg, len, t->nrows, labelled) < 0)
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return rc;
}

/* The Lorenz curves and the degree distribution, from the curves the
 * report's power part kept with the figure. */
static int draw_curves(struct cm_doc *d, struct cm_error *err)
{
	struct cm_map_chart_opts co;
	char *svg = NULL;
	size_t len = 0;
	int rc;

	memset(&co, 0, sizeof(co));
	co.format = "svg";
	if ((rc = cm_map_chart_render(&d->fig[CM_FIGURE_CURVES].data, &co, &svg, &len, err)) == CM_OK &&
	    cm_report_set_curves(d, svg, len) < 0)
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return rc;
}

/* The trend lines, from the waves the report's part on change over time
 * kept with the figure, titled "FIRST to LAST". */
static int draw_trend(struct cm_doc *d, struct cm_error *err)
{
	const struct cm_table *t = &d->fig[CM_FIGURE_TREND].data;
	struct cm_map_chart_opts co;
	char *svg = NULL, title[128];
	size_t len = 0;
	int rc;

	memset(&co, 0, sizeof(co));
	co.format = "svg";
	co.id_prefix = "trend-"; /* the inequality curves' chart shares the page */
	if (t->ncols >= 6) {
		snprintf(title, sizeof(title), "End of %s to end of %s", t->cols[3].name, t->cols[t->ncols - 3].name);
		co.title = title;
	}
	if ((rc = cm_map_chart_render(t, &co, &svg, &len, err)) == CM_OK && cm_report_set_trend(d, svg, len) < 0)
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return rc;
}

int cm_map_report(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d, struct cm_error *err)
{
	int rc;

	if (cm_doc_has_figure(d, CM_FIGURE_MAP) && (rc = draw_map(a, o, d, err)) < 0)
		return rc;
	if (cm_doc_has_figure(d, CM_FIGURE_GRID) && (rc = draw_grid(o, d, err)) < 0)
		return rc;
	if (cm_doc_has_figure(d, CM_FIGURE_CURVES) && (rc = draw_curves(d, err)) < 0)
		return rc;
	if (cm_doc_has_figure(d, CM_FIGURE_TREND) && (rc = draw_trend(d, err)) < 0)
		return rc;
	return CM_OK;
}
