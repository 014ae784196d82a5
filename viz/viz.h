/* viz.h - private to viz/: the map being built (nodes, edges, styles,
 * texts, legend) and the drawing handed to the Graphviz bridge.
 *
 * A map is drawn in two passes.  Pass 1 (layout.c) lays out one box per
 * node that holds the node's shape with its label underneath, with overlap
 * removal, so no shape or label can overlap another.  Pass 2 (draw.c)
 * draws the shapes and the labels at the positions pass 1 found, adds the
 * title and the legend beside the map (legend.c), and routes the edges
 * (Graphviz's "nop2" engine: nothing moves).  Both passes describe a
 * struct viz_draw, which gv.c, the only file that sees Graphviz, builds
 * through cgraph.  Data-derived text only ever reaches Graphviz as a plain
 * `label` of a node with a synthetic name, escaped by text.c so that it is
 * drawn literally.  viz/ reads the landscape through coalmap.h only. */
#ifndef CM_VIZ_H
#define CM_VIZ_H

#include <stddef.h>
#include <stdint.h>

#include "coalmap.h"
#include "viz/map.h"

/* DejaVu Sans ships with Graphviz's dependencies (fontconfig-config pulls in
 * fonts-dejavu-core); the generic family is the fallback SVG viewers use. */
#define VIZ_FONT "DejaVu Sans,sans-serif"
#define VIZ_INK "#222222"
#define VIZ_MUTED "#555555"

/* Colour slots of the palette (style.c); the last is the grey "other". */
#define VIZ_NSLOTS 8
#define VIZ_OTHER VIZ_NSLOTS
/* The fill colour of slot s (modulo VIZ_NSLOTS): the line charts' series. */
const char *viz_slot_colour(unsigned s);
/* --color-by stance: a diverging set of its own after "other": support,
 * neutral, oppose, unknown (style.c). */
#define VIZ_STANCE (VIZ_OTHER + 1)
#define VIZ_NSTANCE 4

/* A partner coalmap gaps suggests: a heavy dashed line in a colour no tie
 * or palette entry has (style.c), and the room around the highlight_gaps
 * org's shape for its shaded disc, points. */
#define VIZ_SUGGEST_COLOR "#6A3D9A"
#define VIZ_HALO_PAD 9.0

/* Code points kept by a label at most (text.c). */
#define VIZ_TEXT_MAX 200

/* --diff-at: what a drawn tie did between the two days. */
enum { VIZ_DIFF_LOST = 1, VIZ_DIFF_GAINED = 2, VIZ_DIFF_KEPT = 3 };

/* The type of a line on an aggregate map. */
enum { VIZ_AGG_TIES, VIZ_AGG_CONFLICT };

/* ------------------------------------------------------------------ */
/* The drawing: Graphviz objects and attributes, replayed by gv.c       */
/* ------------------------------------------------------------------ */

/* Objects are numbered in the order they are made; object 0 is the graph.
 * A failed allocation sets nomem and makes every later call do nothing
 * (gv.c checks nomem once, before building the graph). */
enum viz_of { VIZ_OF_GRAPH, VIZ_OF_NODE, VIZ_OF_EDGE };

struct viz_op; /* one recorded step (gv.c) */

struct viz_draw {
	struct viz_op *op;
	size_t nop, opcap;
	char *pool;
	size_t poollen, poolcap;
	size_t nobj;         /* objects made, the graph included */
	int nomem;
	double *geom;        /* after viz_gv_layout: x, y, w, h of each node object, points */
	double bb[4];        /* after viz_gv_layout: the graph's bounding box LL.x, LL.y, UR.x, UR.y */
};

#define VIZ_GRAPH 0

void viz_draw_init(struct viz_draw *d);
void viz_draw_release(struct viz_draw *d);
size_t viz_draw_node(struct viz_draw *d);
size_t viz_draw_edge(struct viz_draw *d, size_t tail, size_t head);
void viz_draw_set(struct viz_draw *d, size_t obj, const char *name, const char *value);
/* value as "%.4f" */
void viz_draw_setf(struct viz_draw *d, size_t obj, const char *name, double value);
/* pos as "%.2f,%.2f" */
void viz_draw_pos(struct viz_draw *d, size_t node, double x, double y);
/* The default of an attribute for every object of kind `of`. */
void viz_draw_default(struct viz_draw *d, enum viz_of of, const char *name, const char *value);

/* gv.c, the Graphviz bridge.  Between viz_gv_begin and viz_gv_end
 * (always called, even when begin failed) Graphviz's messages are kept
 * for our error record instead of going to stderr. */
int viz_gv_begin(struct cm_error *err);
void viz_gv_end(void);
/* Lays d out with engine and fills d->geom and d->bb; a failure says
 * "<what> failed: <Graphviz's reason>". */
int viz_gv_layout(struct viz_draw *d, const char *engine, const char *what, struct cm_error *err);
/* Lays d out with nop2 (every node has its pos) and renders it in format
 * (svg, png, pdf or dot) into *data (malloc'd, NUL-terminated); a PDF is
 * dated 1 January 1970, so that the same map gives the same bytes. */
int viz_gv_render(const struct viz_draw *d, const char *format, char **data, size_t *len,
		  struct cm_error *err);

/* ------------------------------------------------------------------ */
/* Columns and categories (column.c)                                    */
/* ------------------------------------------------------------------ */

enum viz_colkind { VIZ_COL_ATTR, VIZ_COL_BUDGET, VIZ_COL_INFLUENCE, VIZ_COL_METRIC, VIZ_COL_COMMUNITY };

/* A column by which orgs are coloured, sized or grouped. */
struct viz_col {
	enum viz_colkind kind;
	int attr;            /* VIZ_COL_ATTR: cm_attr_find's index */
	int mcol;            /* VIZ_COL_METRIC, VIZ_COL_COMMUNITY: column of the metrics */
};

/* Distinct values with counts, hashed. */
struct viz_cat {
	char *name;
	size_t count;
	size_t first;        /* order of appearance */
	size_t rep;          /* org with the highest degree (for community names) */
	double rep_deg;
};

struct viz_cats {
	struct viz_cat *v;
	size_t n, cap;
	size_t *table;       /* open addressing: index + 1, 0 = free */
	size_t tsize;
};

/* ------------------------------------------------------------------ */
/* The map being built                                                  */
/* ------------------------------------------------------------------ */

/* A partner coalmap gaps suggests for the highlight_gaps org. */
struct viz_suggestion {
	size_t org;
	uint32_t a, b;       /* nodes of the highlight_gaps org and of the partner */
	double score;
};

struct viz_node {
	size_t org;          /* org index, or SIZE_MAX for a group */
	size_t members;
	size_t inside;       /* ties inside a group */
	const char *name;    /* text for the label (borrowed) */
	double value;        /* size-by value, NaN when missing */
	double rank, rank2;  /* label priority (betweenness, then degree), higher first */
	unsigned slot;       /* colour and shape */
	int ego;             /* the --ego or the highlight_gaps org: thick outline, always labelled */
	size_t suggested;    /* rank (from 1) of a suggested partner, else 0 */
	char *label;         /* escaped label, or NULL */
	int lines;
	double side;         /* width = height of the shape, points */
	double pad;          /* room around the shape for the highlight_gaps org's disc, points */
	double x, y, w, h;   /* pass-1 box: centre and size, points */
};

/* A line: nodes a -> b (a < b when undirected), a tie type (org maps) or
 * VIZ_AGG_TIES/VIZ_AGG_CONFLICT (aggregate maps), and the ties merged into it. */
struct viz_edge {
	uint32_t a, b;
	uint32_t type;
	int directed;
	double count;
	unsigned change;     /* diff: 1 on the first day, 2 on the second, 3 on both */
	int weak;            /* aggregate: a weaker link, drawn thin and light */
};

/* Group nodes' names and a community's best-connected member. */
struct viz_groups {
	char **names;        /* display name per node (owned) */
	const char **around; /* a community's best-connected member, or NULL */
	size_t n;
};

struct viz_map {
	struct cm_analysis *a;       /* the caller's context */
	struct cm_analysis *own;     /* one of the map's own, when its filter differs (or NULL) */
	const struct cm_landscape *l;
	const struct cm_filter *f;
	const struct cm_map_opts *o;
	struct cm_filter day[2]; /* diff: the filter on diff_from and on diff_to */
	struct cm_table metrics;
	int c_degree, c_btw, c_comm;
	struct viz_node *v;
	size_t nv;
	struct viz_edge *e;
	size_t ne;
	uint32_t *node_of;   /* org -> node, UINT32_MAX when not drawn */
	unsigned char *drawn;
	size_t ndrawn;
	size_t nties;        /* ties drawn, before merging */
	size_t lines_all;    /* lines before the CM_MAP_MAX_LINES cap, when it applied; else 0 */
	size_t lines_k;      /* then each org's lines to its lines_k best-connected partners were kept */
	size_t weak_links;   /* weaker links between groups, drawn thin and light */
	double weak_max;     /* ties on the strongest of them */
	size_t folded_orgs;  /* orgs in the groups too small to draw */
	size_t ngroups;      /* groups before folding */
	size_t folded;       /* groups folded into "other groups" */
	int aggregate;
	const char *agg_by;
	struct viz_cats *colors;
	size_t *color_of;    /* node -> category (ranked) */
	int by_stance;       /* --color-by stance: category r has slot cat_slot[r] */
	unsigned cat_slot[VIZ_NSTANCE];
	const char *color_by;
	const char *size_by;
	double vmax;
	size_t nmissing;
	double dmax, dmin;   /* shape diameters for the largest and smallest value, points */
	double label_fs;
	const char *ego_name;
	size_t ego_org;      /* SIZE_MAX without --ego */
	struct viz_groups *gx;
	struct viz_suggestion *sug; /* highlight_gaps: the suggested partners, best first */
	size_t nsug;
	size_t gaps_org;     /* the highlight_gaps org, SIZE_MAX without */
	const char *gaps_name;
	size_t sug_added;    /* suggested partners drawn only because they are suggested */
	int gaps_added;      /* the highlight_gaps org is drawn only because of it */
};

/* A tie style: told apart by line and arrowhead, not colour. */
struct viz_tie_style {
	const char *type;
	const char *style;
	double pen;
	const char *arrow;   /* head for directed ties */
	const char *color;
	const char *meaning;
};

/* One legend row of tie styles. */
struct viz_type_row {
	uint32_t type;       /* first type index of the row */
	const struct viz_tie_style *st;
	int directed;        /* the legend sample's direction */
	char names[256];     /* the types the row stands for */
	size_t count;
};

/* Style of each tie type drawn, and the rows in legend order. */
struct viz_styles {
	const struct viz_tie_style **of_type; /* per tie type index */
	struct viz_type_row *rows;
	size_t nrows;
};

/* A text outside the map (title, legend), measured before it is placed. */
struct viz_text {
	char *label;         /* escaped */
	double fs;
	double w, h;         /* measured, points */
	const char *color;
};

struct viz_texts {
	struct viz_text *v;
	size_t n, cap;
};

/* The title and the legend: indices into t, -1 when left out. */
struct viz_legend {
	struct viz_texts t;
	long title, subtitle;
	long color_head, size_head, tie_head, note;
	long *color_rows;    /* per shown category */
	size_t ncolor;
	unsigned *color_slot;
	long size_rows[3];
	double size_vals[3];
	size_t nsize;
	long *tie_rows;
	long missing_row;
	long agg_rows[3];
	double agg_counts[3];
	size_t nagg;
	long agg_conflict;
	long agg_weak;       /* the weaker links' row, or -1 */
	long sug_row;        /* the suggested-partner line, or -1 */
	long sug_note[2];    /* what the suggestions are, or -1 */
	long *sug_plates;    /* per suggestion the text on its line (measured with the legend) */
};

/* column.c */
int viz_col_resolve(const struct viz_map *m, const char *name, struct viz_col *r);
/* CM_EUSAGE: option's column name is unknown; names the columns there are. */
int viz_col_unknown(const struct viz_map *m, const char *option, const char *name, struct cm_error *err);
const char *viz_col_text(const struct viz_map *m, const struct viz_col *r, size_t i, char *buf, size_t n);
double viz_col_number(const struct viz_map *m, const struct viz_col *r, size_t i);
void viz_cats_release(struct viz_cats *c);
long viz_cats_add(struct viz_cats *c, const char *s, size_t weight);
int viz_cats_rank(struct viz_cats *c, size_t **rank);

/* select.c */
int viz_select_orgs(struct viz_map *m, struct cm_error *err);
int viz_suggest_partners(struct viz_map *m, struct cm_error *err);
size_t viz_ties_among_drawn(const struct viz_map *m);
int viz_build_org_nodes(struct viz_map *m);
int viz_build_group_nodes(struct viz_map *m, struct cm_error *err);
void viz_groups_free(struct viz_groups *gx);
int viz_collect_edges(struct viz_map *m);

/* style.c */
double viz_slot_side(unsigned slot, double area);
int viz_assign_colors(struct viz_map *m, struct cm_error *err);
unsigned viz_color_slot(const struct viz_map *m, size_t r);
int viz_assign_sizes(struct viz_map *m, struct cm_error *err);
int viz_assign_styles(const struct viz_map *m, struct viz_styles *s);
void viz_styles_release(struct viz_styles *s);
extern const struct viz_tie_style viz_conflict_style;
const struct viz_tie_style *viz_diff_style(unsigned change);
void viz_new_drawing(struct viz_draw *d);
void viz_style_tie(struct viz_draw *d, size_t e, const struct viz_tie_style *st, int directed, int conflict,
		   int crowd);
void viz_style_suggested(struct viz_draw *d, size_t e);
void viz_style_band(struct viz_draw *d, size_t e);
void viz_style_weak(struct viz_draw *d, size_t e, int conflict);
double viz_agg_pen(double c, double cmax);
size_t viz_shape_node(struct viz_draw *d, unsigned slot, double side, double x, double y);
size_t viz_point_node(struct viz_draw *d, double x, double y);

/* text.c */
void viz_human(double v, char *buf, size_t n);
const char *viz_num(size_t x, char *buf);
double viz_nice_below(double v);
double viz_round_below(double v);
void viz_civil(int32_t day, char *buf, size_t n);
int viz_assign_labels(struct viz_map *m, struct cm_map_info *info);
void viz_texts_release(struct viz_texts *t);
long viz_text_add(struct viz_texts *t, const char *raw, double fs, size_t max, size_t wrap, const char *color);
void viz_text_style(struct viz_draw *d, size_t node, const struct viz_text *t);
size_t viz_text_node(struct viz_draw *d, const struct viz_text *t, double left, double cy);
int viz_measure(struct viz_texts *t, struct cm_error *err);

/* layout.c */
int viz_choose_layout(const struct viz_map *m, const char **engine, struct cm_error *err);
int viz_layout(struct viz_map *m, const char *engine, double *bb, struct cm_error *err);
void viz_shape_centre(const struct viz_node *v, double *x, double *y);
void viz_place_plate(const struct viz_map *m, const struct viz_suggestion *sg, double w, double h,
		     const double *placed, size_t nplaced, double *out);

/* legend.c */
int viz_build_legend(const struct viz_map *m, const struct viz_styles *st, const struct cm_map_info *info,
		     struct viz_legend *lg);
void viz_legend_release(struct viz_legend *lg);
void viz_draw_legend(const struct viz_map *m, struct viz_draw *d, const struct viz_styles *st,
		     const struct viz_legend *lg, const double *bb);

/* grid.c: the stakeholders' grid, for drawing it elsewhere (coalmap
 * explore).  The quadrants (name as cm_stakeholders writes it, legend,
 * colour), in the legend's order. */
struct viz_grid_quad {
	const char *name, *legend, *color;
};
#define VIZ_GRID_NQUADS 5
extern const struct viz_grid_quad viz_grid_quads[VIZ_GRID_NQUADS];
/* The plot in points, y up: alignment -1..1 across [x0, x1], influence
 * 0..1 up [y0, y1], unknown alignment in a strip centred on xu; the
 * median line at line_y (NAN when not drawn). */
struct viz_grid_frame {
	double x0, x1, xu, y0, y1, line_y;
};
/* Where cm_map_grid_render puts the dot of each row of t (cm_stakeholders'
 * table): x[r], y[r], its quadrant q[r] (index into viz_grid_quads, -1
 * unknown), and the frame.  CM_EUSAGE for another table.  O(rows). */
int viz_grid_places(const struct cm_table *t, double *x, double *y, int *q, struct viz_grid_frame *f,
		    struct cm_error *err);

/* sha256.c: the SHA-256 digest of data; base64 of len bytes into out
 * (4 * ((len + 2) / 3) + 1 bytes). */
void viz_sha256(const void *data, size_t len, unsigned char out[32]);
void viz_base64(const unsigned char *in, size_t len, char *out);

/* explore-assets.c, generated from viz/explore/ by viz/embed.sh: the
 * page's template, style and script, NUL-terminated. */
extern const char viz_explore_html[], viz_explore_css[], viz_explore_js[];

/* draw.c */
int viz_draw_map(const struct viz_map *m, const double *bb, const struct viz_styles *st,
		 const struct viz_legend *lg, char **data, size_t *len, struct cm_error *err);

/* The explorer's story (viz/story.c): steps, each a heading, its text
 * (paragraphs apart by a blank line) and the orgs it shows. */
struct viz_story_step {
	char *heading, *text; /* text NULL: none */
	size_t *orgs, norgs;
};
struct viz_story {
	struct viz_story_step *v;
	size_t n;
};
/* Parses text, the story file named file (for messages), against l:
 * CM_EDATA at file:line for an unknown org, text before the first step,
 * a name of an anonymised org, no step at all. */
int viz_story_parse(const struct cm_landscape *l, const char *text, const char *file, struct viz_story *st,
		    struct cm_error *err);
void viz_story_release(struct viz_story *st);
/* The story in the file at path (at most 1 MiB of text): CM_ENOINPUT when
 * it cannot be read, else as viz_story_parse. */
int viz_story_read(const struct cm_landscape *l, const char *path, struct viz_story *st, struct cm_error *err);

#endif
