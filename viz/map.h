/*
 * map.h - libcoalmap-viz: landscape maps drawn with Graphviz, reading the
 * landscape through coalmap.h only (viz/gv.c is the libgvc and libcgraph
 * bridge).  docs/maps.md describes the styling.  Link with -lcoalmap-viz
 * and -lcoalmap.
 *
 * Like libcoalmap, cm_map_render never prints, exits or aborts: it returns
 * enum cm_status, fills an optional struct cm_error and hands back the
 * rendered bytes for the caller to write.  Not thread-safe (Graphviz keeps
 * global state).
 */
#ifndef CM_MAP_H
#define CM_MAP_H

#include <stddef.h>

#include "coalmap.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Orgs drawn one by one at most; above this (after --where and --ego) a
 * map without `aggregate` draws communities instead and says so in
 * cm_map_info.auto_aggregate. */
#define CM_MAP_MAX_ORGS 2000
/* Ties among the drawn orgs at most, for the same reason. */
#define CM_MAP_MAX_TIES 20000
/* Lines drawn at most on a map of orgs; above, each org keeps its lines
 * to its K best-connected partners, K as large as keeps them within this
 * (at least 1), so that a 19,000-tie SVG stays under 2 MB. */
#define CM_MAP_MAX_LINES 2500
/* Group nodes drawn at most on an aggregate map; smaller groups are
 * folded into one "other groups" node. */
#define CM_MAP_MAX_GROUPS 60
/* Every org is labelled up to this many orgs; above, the top
 * CM_MAP_LABELS_TOP by betweenness. */
#define CM_MAP_LABEL_ALL_MAX 80
#define CM_MAP_LABELS_TOP 30
/* Labels longer than this many characters are cut with an ellipsis. */
#define CM_MAP_LABEL_MAX 40
/* Suggested partners drawn for highlight_gaps: by default, and at most. */
#define CM_MAP_GAPS_TOP 3
#define CM_MAP_GAPS_MAX 10

enum cm_map_labels { CM_MAP_LABELS_AUTO, CM_MAP_LABELS_ALL, CM_MAP_LABELS_NONE, CM_MAP_LABELS_TOP_N };

/* Keep only orgs whose column attr equals value (or, for a list column
 * such as issues, has value among its `;`-separated items). */
struct cm_map_where {
	const char *attr;
	const char *value;
};

struct cm_map_opts {
	const char *format;      /* "svg", "png", "pdf" or "dot" */
	const char *layout;      /* neato, fdp, sfdp, dot, circo; NULL = by size */
	const char *color_by;    /* org column, metrics column or "community";
				    NULL = type when it has two values or more, else community */
	const char *size_by;     /* metrics column, budget, influence or a numeric
				    org column; NULL = degree */
	enum cm_map_labels labels;
	size_t labels_top;       /* N for CM_MAP_LABELS_TOP_N */
	const char *title;       /* NULL = the landscape folder's name */
	int no_legend;
	const char *ego;         /* org id (or exact name); NULL = whole landscape */
	size_t radius;           /* steps from ego (default 1 when 0) */
	const char *aggregate;   /* org column or "community": one node per group */
	const struct cm_map_where *where;
	size_t nwhere;
	double dpi;              /* PNG resolution; 0 = 96 */
	const char *name;        /* landscape name for the default title, or NULL */
	const char *highlight_gaps; /* org id: its top partners by cm_recommend
				       (default options, the map's filter) drawn as
				       extra dashed lines, ranked; NULL = none */
	size_t gaps_top;         /* how many, 1 to CM_MAP_GAPS_MAX; 0 = CM_MAP_GAPS_TOP */
	int diff;                /* draw the ties of two days (not with aggregate,
				    highlight_gaps or a filter's at): gained (on
				    diff_to only) bold solid, lost (diff_from only)
				    dashed, unchanged thin light grey; metrics, sizes
				    and colours as on diff_to */
	int32_t diff_from, diff_to; /* day numbers (cm_date_parse) */
};

/* What was drawn, for the caller's notes on stderr. */
struct cm_map_info {
	size_t orgs;             /* orgs in the map (members of groups when aggregated) */
	size_t nodes;            /* orgs or groups drawn */
	size_t edges;            /* lines drawn (merged ties) */
	size_t labelled;         /* nodes with a label */
	int labels_limited;      /* 1 when only the top nodes are labelled by default */
	size_t ties;             /* ties drawn (between groups and inside them when aggregated) */
	int auto_aggregate;      /* communities were drawn because there were more than
				    CM_MAP_MAX_ORGS orgs (1) or CM_MAP_MAX_TIES ties (2) */
	size_t folded_groups;    /* groups folded into "other groups" */
	const char *layout;      /* engine used (static string) */
	const char *color_by;    /* column used for colours (static or opts') */
	size_t other_categories; /* categories drawn grey as "other" */
	size_t suggested;        /* suggested-partner lines drawn (highlight_gaps) */
	size_t suggested_added;  /* orgs drawn only because they are suggested (or
				    are the highlight_gaps org) */
	size_t lines_all;        /* lines before CM_MAP_MAX_LINES applied, when it did; else 0 */
	size_t lines_per_org;    /* then the K of each org's lines kept */
};

/* Draws a map of the landscape of context a (under its filter) in
 * opts->format.  On success *data (malloc'd, freed by the caller with
 * free()) holds *len bytes and info (may be NULL) says what was drawn.
 * Metrics come from the context (cm_metrics), so a map drawn after other
 * analyses on it computes nothing again; with diff, from a context of the
 * map's own on the second day; an aggregated map that draws no path
 * metric, on a context that has none yet, estimates them from one source.
 * With highlight_gaps the suggestions come from cm_recommend on a, and
 * the org and its suggested partners are drawn whatever where and ego
 * select.  CM_EUSAGE for a bad option value (unknown column, org or
 * layout; highlight_gaps with aggregate or on a map too large to draw org
 * by org; the message for an unknown highlight_gaps org is
 * cm_recommend's), CM_EINTERNAL when Graphviz fails.  Time: the metrics
 * (and cm_recommend) when not known yet, plus the layout: about O(n^2)
 * for neato up to 150 orgs, sfdp about a second for CM_MAP_MAX_ORGS orgs. */
CM_API int cm_map_render(struct cm_analysis *a, const struct cm_map_opts *opts, char **data, size_t *len,
			 struct cm_map_info *info, struct cm_error *err);

/* The stakeholders' grid (docs/stakeholders.md): influence up, alignment
 * across (unknown alignment in a strip of its own), a dot per org coloured
 * by its quadrant, the median and zero lines, a legend. */
struct cm_map_grid_opts {
	const char *format;  /* "svg", "png", "pdf" or "dot" */
	const char *title;   /* NULL: "Stakeholders" */
	const char *x_title; /* NULL: "alignment" */
	size_t labels;       /* the N most influential labelled; 0: all up to
				CM_MAP_LABEL_ALL_MAX / 2 orgs, else CM_MAP_LABELS_TOP */
	double dpi;          /* PNG resolution; 0 = 96 */
};
/* Draws the grid of t, a table of cm_stakeholders (rows most influential
 * first) into *data (malloc'd, *len bytes); *labelled (may be NULL) gets
 * the labels placed (a label with no free spot is left out).  CM_EUSAGE
 * for another table or format, CM_EINTERNAL when Graphviz fails.  O(n)
 * plus O(labels^2) for their places. */
CM_API int cm_map_grid_render(const struct cm_table *t, const struct cm_map_grid_opts *o, char **data,
			      size_t *len, size_t *labelled, struct cm_error *err);

/* Charts drawn with cairo (viz/chart.c) of a trend table or of the
 * inequality curves (cm_inequality_curves: a Lorenz curve per measure,
 * the Gini and top-10 share written above it, and the degree distribution,
 * as bars up to degree 40, else on log-log axes).
 * Line charts of a trend table (cm_trend): one small panel per figure a
 * paper would show (density, degree and betweenness centralization, Gini
 * of degree; with groups each group's direct access share and E-I index,
 * one line per group), the waves along the x axis, the last value written
 * beside each line's last point.  Drawn with cairo (viz/chart.c). */
struct cm_map_chart_opts {
	const char *format; /* "png", "svg" or "pdf" */
	const char *title;  /* NULL: none */
	double dpi;         /* PNG resolution; 0 = 144 */
	const char *id_prefix; /* SVG: put before every id and reference to one, so
				* that two charts can share a page; NULL: none */
};
/* Draws t (a cm_trend or cm_inequality_curves table) into *data (malloc'd,
 * *len bytes).  CM_EUSAGE for another table, a format not listed, or a
 * table with none of the figures; CM_EINTERNAL when cairo fails.  O(rows x
 * waves), O(rows) for the curves. */
CM_API int cm_map_chart_render(const struct cm_table *t, const struct cm_map_chart_opts *o, char **data,
			       size_t *len, struct cm_error *err);

/* Draws the figures of report d (cm_report_build on a, with options o):
 * the map as `coalmap map` draws it, marking o->for_org's recommended
 * partners when the map is drawn org by org, the stakeholders' grid
 * (from the table d keeps with it) when d has that part, and the power
 * part's inequality curves; all SVG, set with cm_report_set_map,
 * cm_report_set_grid and cm_report_set_curves.  Errors as cm_map_render,
 * cm_map_grid_render and cm_map_chart_render. */
CM_API int cm_map_report(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d, struct cm_error *err);

/* Where cm_map_render would put each org, or each group on a map that
 * draws groups: the same selection, sizes, colours and Graphviz layout,
 * for drawing the map elsewhere (coalmap explore). */
struct cm_map_place {
	size_t org;              /* org index; SIZE_MAX for a group */
	double x, y;             /* centre of its shape, points, y up */
	double side;             /* width of its shape, points */
	unsigned slot;           /* colour slot: 0-7 the palette, 8 the grey "other" */
	size_t category;         /* index into cm_map_places.categories */
	char *name;              /* a group's name ("Community 3", a value); NULL for an org */
	size_t members, inside;  /* a group's orgs and the ties among them */
};
/* A line between two groups: the ties between them. */
struct cm_map_link {
	size_t a, b;             /* indexes into cm_map_places.v */
	double ties;
	int conflict, weak;      /* conflict ties; a weaker link, drawn thin and light */
};

struct cm_map_places {
	struct cm_map_place *v;  /* one per org drawn, in file order */
	size_t n;
	char **categories;       /* the colour column's values, most frequent first */
	size_t ncategories;
	const char *color_by;    /* the column the colours come from (static or opts') */
	const char *layout;      /* the engine used (static) */
	double bb[4];            /* LL.x, LL.y, UR.x, UR.y of the places with their labels */
	int aggregate;           /* 0 orgs; groups: 1 by opts->aggregate, 2 too many orgs,
				    3 too many ties (communities then) */
	const char *by;          /* groups: the column grouped by */
	size_t *group_of;        /* groups: per org, its place, SIZE_MAX when not drawn */
	struct cm_map_link *links; /* groups: the lines between them */
	size_t nlinks;
};

/* Fills *out (released with cm_map_places_release, also after a failure)
 * as cm_map_render lays the map out with opts (format is not used): the
 * places of its groups with opts->aggregate or above CM_MAP_MAX_ORGS orgs
 * or CM_MAP_MAX_TIES ties (after the filter, where and ego), else of its
 * orgs.  CM_EUSAGE as cm_map_render.  Time: cm_map_render's, less the
 * drawing. */
CM_API int cm_map_places(struct cm_analysis *a, const struct cm_map_opts *opts, struct cm_map_places *out,
			 struct cm_error *err);
CM_API void cm_map_places_release(struct cm_map_places *p);

/* coalmap explore (docs/explore.md): one self-contained HTML page that
 * draws the places of cm_map_places with a small canvas renderer, with
 * the orgs, their attributes and metrics (cm_metrics, with the registry's
 * labels) and the ties kept by the context's filter embedded as JSON.  A
 * Content-Security-Policy allows only the page's own script and style (by
 * their SHA-256 hashes) and no network request. */
struct cm_map_explore_opts {
	const char *title;       /* NULL = name, else "coalmap" */
	const char *name;        /* landscape name for the default title, or NULL */
	const char *layout;      /* as cm_map_opts.layout */
	const char *story;       /* a story file (docs/explore.md), or NULL */
	const char *aggregate;   /* as cm_map_opts.aggregate: the page draws groups */
};
/* The page into *data (malloc'd, NUL-terminated, *len bytes); above
 * CM_MAP_MAX_ORGS orgs or CM_MAP_MAX_TIES ties, or with aggregate, it
 * draws the groups of cm_map_places.  Errors as cm_map_places, and the story's (CM_ENOINPUT, CM_EDATA at its line). */
CM_API int cm_map_explore(struct cm_analysis *a, const struct cm_map_explore_opts *opts, char **data, size_t *len,
			  struct cm_error *err);

#ifdef __cplusplus
}
#endif
#endif
