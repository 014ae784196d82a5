/* explore.c - cm_map_explore: the page of coalmap explore.  The template
 * (viz/explore/, compiled in by viz/embed.sh) gets a Content-Security-
 * Policy with the SHA-256 hashes of its style and script, the title as
 * text, and the data as JSON inside <script type="application/json">,
 * escaped so that nothing in it can end that element or start markup. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "viz/viz.h"

/* A growing string; nomem set once an allocation fails. */
struct sbuf {
	char *p;
	size_t n, cap;
	int nomem;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->nomem)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;
		while (cap < b->n + n + 1)
			cap *= 2;
		if (!(p = realloc(b->p, cap))) {
			b->nomem = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void sb_puts(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_add(b, buf, n < 0 ? 0 : (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* A JSON string safe inside a <script> element: besides JSON's own
 * escapes, < > & become \u003c \u003e \u0026 (no "</script" nor "<!--"
 * can appear) and U+2028, U+2029 are escaped for older parsers. */
static void json_str(struct sbuf *b, const char *s)
{
	sb_add(b, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			sb_add(b, e, 2);
		} else if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&')
			sb_printf(b, "\\u%04x", c);
		else if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
			 ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9)) {
			sb_puts(b, (unsigned char)s[2] == 0xA8 ? "\\u2028" : "\\u2029");
			s += 2;
		} else
			sb_add(b, s, 1);
	}
	sb_add(b, "\"", 1);
}

static void json_num(struct sbuf *b, double v)
{
	char buf[64];

	if (v != v)
		sb_puts(b, "null");
	else
		sb_puts(b, cm_format_g(v, 12, buf, sizeof(buf)));
}

/* A metrics cell as coalmap metrics writes it (12 significant digits). */
static void json_cell(struct sbuf *b, const struct cm_column *c, size_t r)
{
	char buf[64];

	if (c->null[r])
		sb_puts(b, "null");
	else if (c->kind == CM_TEXT)
		json_str(b, c->text[r]);
	else if (c->kind == CM_INT)
		sb_puts(b, cm_format_int(c->ints[r], buf, sizeof(buf)));
	else
		json_num(b, c->reals[r]);
}

/* 1 for a metrics column shown as a measure (not id, name, type). */
static int is_measure(const struct cm_column *c)
{
	const struct cm_metric_info *mi = c->metric >= 0 ? cm_metric_info((enum cm_metric)c->metric) : NULL;

	return !mi || !(mi->flags & CM_MF_LABEL);
}

/* "metrics": the registry's entry of each measure column. */
static void json_metric_heads(struct sbuf *b, const struct cm_table *t)
{
	size_t j, k = 0;

	sb_puts(b, "\"metrics\":[");
	for (j = 0; j < t->ncols; j++) {
		const struct cm_column *c = &t->cols[j];
		const struct cm_metric_info *mi = c->metric >= 0 ? cm_metric_info((enum cm_metric)c->metric) : NULL;
		if (!is_measure(c))
			continue;
		sb_puts(b, k++ ? ",\n{\"name\":" : "\n{\"name\":");
		json_str(b, c->name);
		sb_puts(b, ",\"label\":");
		json_str(b, mi ? mi->label : c->name);
		sb_puts(b, ",\"short\":");
		json_str(b, mi ? mi->short_label : c->name);
		sb_puts(b, ",\"definition\":");
		json_str(b, mi ? mi->definition : "");
		sb_printf(b, ",\"category\":%s}", mi && (mi->flags & CM_MF_CATEGORY) ? "true" : "false");
	}
	sb_puts(b, "],\n");
}

/* Text columns other than id, name and type that some org fills. */
static size_t filled_attrs(const struct cm_landscape *l, size_t *attrs)
{
	size_t a, i, k = 0, n = cm_landscape_norgs(l);

	for (a = 3; a < cm_attr_count(l); a++)
		for (i = 0; i < n; i++)
			if (*cm_attr_value(l, a, i)) {
				attrs[k++] = a;
				break;
			}
	return k;
}

/* The stakeholders' grid (cm_stakeholders on the page's context), when
 * some org has a stance: each org's dot as cm_map_grid_render places it. */
struct stake {
	struct cm_table t;
	double *x, *y;
	int *q;
	long *row; /* per org: its row of t, or -1 */
	struct viz_grid_frame f;
	int c_infl, c_align;
};

/* 1 when some org fills the stance column or a stance:ISSUE column. */
static int has_stances(const struct cm_landscape *l)
{
	size_t a, i, n = cm_landscape_norgs(l);

	for (a = 3; a < cm_attr_count(l); a++) {
		const char *name = cm_attr_name(l, a);
		if (strcasecmp(name, "stance") && strncasecmp(name, "stance:", 7))
			continue;
		for (i = 0; i < n; i++)
			if (*cm_attr_value(l, a, i))
				return 1;
	}
	return 0;
}

static int stake_init(struct stake *sk, struct cm_analysis *a, struct cm_error *err)
{
	const struct cm_landscape *l = cm_analysis_landscape(a);
	struct cm_stake_opts so;
	size_t r, n = cm_landscape_norgs(l);
	int rc;

	memset(&so, 0, sizeof(so));
	if (!has_stances(l))
		return CM_OK;
	if ((rc = cm_stakeholders(a, &so, &sk->t, err)) < 0)
		return rc;
	sk->x = malloc((sk->t.nrows + 1) * sizeof(double));
	sk->y = malloc((sk->t.nrows + 1) * sizeof(double));
	sk->q = malloc((sk->t.nrows + 1) * sizeof(int));
	sk->row = malloc((n + 1) * sizeof(long));
	if (!sk->x || !sk->y || !sk->q || !sk->row)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if ((rc = viz_grid_places(&sk->t, sk->x, sk->y, sk->q, &sk->f, err)) < 0)
		return rc;
	sk->c_infl = cm_table_find(&sk->t, "influence");
	sk->c_align = cm_table_find(&sk->t, "alignment");
	for (r = 0; r < n; r++)
		sk->row[r] = -1;
	for (r = 0; r < sk->t.nrows; r++) {
		long i = cm_org_find(l, sk->t.cols[cm_table_find(&sk->t, "id")].text[r]);
		if (i >= 0)
			sk->row[i] = (long)r;
	}
	return CM_OK;
}

static void stake_release(struct stake *sk)
{
	cm_table_release(&sk->t);
	free(sk->x), free(sk->y), free(sk->q), free(sk->row);
}

/* "grid": the frame and the quadrants, or null. */
static void json_grid(struct sbuf *b, const struct stake *sk)
{
	size_t k;

	if (!sk->row) {
		sb_puts(b, ",\n\"grid\":null");
		return;
	}
	sb_printf(b, ",\n\"grid\":{\"x0\":%.2f,\"x1\":%.2f,\"xu\":%.2f,\"y0\":%.2f,\"y1\":%.2f,\"line\":", sk->f.x0,
		  sk->f.x1, sk->f.xu, sk->f.y0, sk->f.y1);
	json_num(b, sk->f.line_y);
	sb_puts(b, ",\"quadrants\":[");
	for (k = 0; k < VIZ_GRID_NQUADS; k++) {
		sb_puts(b, k ? ",{\"name\":" : "{\"name\":");
		json_str(b, viz_grid_quads[k].name);
		sb_puts(b, ",\"legend\":");
		json_str(b, viz_grid_quads[k].legend);
		sb_puts(b, ",\"colour\":");
		json_str(b, viz_grid_quads[k].color);
		sb_puts(b, "}");
	}
	sb_puts(b, "]}");
}

/* An org's dot on the grid: [x, y, quadrant, influence, alignment]. */
static void json_stake(struct sbuf *b, const struct stake *sk, size_t i)
{
	long r = sk->row ? sk->row[i] : -1;

	if (r < 0)
		return;
	sb_printf(b, ",\"g\":[%.2f,%.2f,%d,", sk->x[r], sk->y[r], sk->q[r]);
	json_num(b, sk->t.cols[sk->c_infl].null[r] ? NAN : sk->t.cols[sk->c_infl].reals[r]);
	sb_puts(b, ",");
	json_num(b, sk->t.cols[sk->c_align].null[r] ? NAN : sk->t.cols[sk->c_align].reals[r]);
	sb_puts(b, "]");
}

/* One org: id, name, type, place, colour, measures, attributes. */
static void json_org(struct sbuf *b, const struct cm_landscape *l, size_t i, const struct cm_map_place *p,
		     const struct cm_table *t, const size_t *attrs, size_t nattrs, const struct stake *sk,
		     const struct cm_map_places *gp)
{
	size_t j, k = 0;

	sb_puts(b, "{\"id\":");
	json_str(b, cm_landscape_org_id(l, i));
	sb_puts(b, ",\"name\":");
	json_str(b, cm_landscape_org_name(l, i));
	sb_puts(b, ",\"type\":");
	json_str(b, cm_landscape_org_type(l, i));
	if (p)
		sb_printf(b, ",\"x\":%.2f,\"y\":%.2f,\"side\":%.2f,\"slot\":%u,\"cat\":%zu", p->x, p->y, p->side,
			  p->slot, p->category);
	sb_puts(b, ",\"m\":[");
	for (j = 0; j < t->ncols; j++)
		if (is_measure(&t->cols[j])) {
			if (k++)
				sb_puts(b, ",");
			json_cell(b, &t->cols[j], i);
		}
	sb_puts(b, "],\"a\":[");
	for (j = 0; j < nattrs; j++) {
		if (j)
			sb_puts(b, ",");
		json_str(b, cm_attr_value(l, attrs[j], i));
	}
	sb_puts(b, "],\"budget\":");
	json_num(b, cm_landscape_org_budget(l, i));
	sb_puts(b, ",\"influence\":");
	json_num(b, cm_landscape_org_influence(l, i));
	json_stake(b, sk, i);
	if (gp && gp->group_of[i] != SIZE_MAX)
		sb_printf(b, ",\"grp\":%zu", gp->group_of[i]);
	sb_puts(b, "}");
}

/* The landscape's organizations, tie types and the ties the filter keeps. */
static int json_orgs_ties(struct sbuf *b, struct cm_analysis *a, const struct cm_map_places *pl,
			  const struct cm_table *t, const struct stake *sk)
{
	const struct cm_landscape *l = cm_analysis_landscape(a);
	const struct cm_filter *f = cm_analysis_filter(a);
	size_t i, k, n = cm_landscape_norgs(l), nattrs;
	size_t *attrs = malloc((cm_attr_count(l) + 1) * sizeof(*attrs));
	const struct cm_map_place **at = calloc(n + 1, sizeof(*at));

	if (!attrs || !at) {
		free(attrs);
		free(at);
		return CM_ENOMEM;
	}
	for (k = 0; k < pl->n && !pl->aggregate; k++)
		at[pl->v[k].org] = &pl->v[k];
	nattrs = filled_attrs(l, attrs);
	sb_puts(b, "\"attrs\":[");
	for (k = 0; k < nattrs; k++) {
		if (k)
			sb_puts(b, ",");
		json_str(b, cm_attr_name(l, attrs[k]));
	}
	sb_puts(b, "],\n\"orgs\":[");
	for (i = 0; i < n; i++) {
		sb_puts(b, i ? ",\n" : "\n");
		json_org(b, l, i, at[i], t, attrs, nattrs, sk, pl->aggregate ? pl : NULL);
	}
	sb_puts(b, "],\n\"tieTypes\":[");
	for (k = 0; k < cm_tie_type_count(l); k++) {
		sb_puts(b, k ? ",{\"name\":" : "{\"name\":");
		json_str(b, cm_tie_type_name(l, k));
		sb_printf(b, ",\"conflict\":%s}", cm_tie_type_conflict(l, k) ? "true" : "false");
	}
	sb_puts(b, "],\n\"ties\":[");
	for (i = 0, k = 0; i < cm_landscape_nties(l); i++)
		if (cm_tie_kept(l, f, i)) {
			sb_printf(b, "%s[%zu,%zu,%zu,%d,", k++ ? ",\n" : "\n", cm_tie_source(l, i), cm_tie_target(l, i),
				  cm_tie_type(l, i), cm_tie_directed(l, i));
			json_num(b, cm_tie_weight(l, i));
			/* first and last day (days since 1970-01-01), null when open */
			if (cm_tie_start(l, i) == INT32_MIN)
				sb_puts(b, ",null");
			else
				sb_printf(b, ",%ld", (long)cm_tie_start(l, i));
			if (cm_tie_end(l, i) == INT32_MAX)
				sb_puts(b, ",null]");
			else
				sb_printf(b, ",%ld]", (long)cm_tie_end(l, i));
		}
	sb_puts(b, "]");
	free(attrs);
	free(at);
	return CM_OK;
}

/* The story's steps: heading, text (or null), the orgs shown. */
static void json_story(struct sbuf *b, const struct viz_story *st)
{
	size_t i, k;

	sb_puts(b, ",\n\"story\":[");
	for (i = 0; i < st->n; i++) {
		const struct viz_story_step *sp = &st->v[i];
		sb_puts(b, i ? ",\n{\"heading\":" : "\n{\"heading\":");
		json_str(b, sp->heading);
		sb_puts(b, ",\"text\":");
		if (sp->text)
			json_str(b, sp->text);
		else
			sb_puts(b, "null");
		sb_puts(b, ",\"orgs\":[");
		for (k = 0; k < sp->norgs; k++)
			sb_printf(b, "%s%zu", k ? "," : "", sp->orgs[k]);
		sb_puts(b, "]}");
	}
	sb_puts(b, "]");
}

/* Partners and introductions precomputed for the panel: every org up to
 * ADVICE_ALL orgs, else the ADVICE_TOP of highest betweenness (the page
 * tells the others to run coalmap gaps --for ID); each gets its
 * ADVICE_PARTNERS best strategic partners (cm_recommend, as `gaps --for ID
 * --role strategic --top 3`) and its chains to its ADVICE_ROUTES nearest
 * decision-makers (cm_routes). */
#define ADVICE_ALL 300
#define ADVICE_TOP 100
#define ADVICE_PARTNERS 3
#define ADVICE_ROUTES 5

struct ranked {
	double v;
	size_t i;
};

static int by_value_desc(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;

	if (a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* The orgs advised, in file order: all, or the ADVICE_TOP by betweenness. */
static size_t advised(const struct cm_landscape *l, const struct cm_table *t, unsigned char *pick)
{
	size_t i, n = cm_landscape_norgs(l), k = 0;
	int c = cm_table_col(t, CM_M_BETWEENNESS);
	struct ranked *r;

	memset(pick, n <= ADVICE_ALL || c < 0, n);
	if (n <= ADVICE_ALL || c < 0 || !(r = malloc(n * sizeof(*r))))
		return n <= ADVICE_ALL || c < 0 ? n : 0;
	for (i = 0; i < n; i++) {
		r[i].v = t->cols[c].null[i] || isnan(t->cols[c].reals[i]) ? -1 : t->cols[c].reals[i];
		r[i].i = i;
	}
	qsort(r, n, sizeof(*r), by_value_desc);
	for (k = 0; k < ADVICE_TOP && k < n; k++)
		pick[r[k].i] = 1;
	free(r);
	return k;
}

/* Rows of t as JSON arrays: the org of column `id` (its index), then the
 * cells of the columns named in cols. */
static void json_rows(struct sbuf *b, const struct cm_landscape *l, const struct cm_table *t, const char *const *cols)
{
	size_t r, k;
	int cid = cm_table_find(t, "id");

	sb_puts(b, "[");
	for (r = 0; cid >= 0 && r < t->nrows; r++) {
		sb_printf(b, "%s[%ld", r ? "," : "", cm_org_find(l, t->cols[cid].text[r]));
		for (k = 0; cols[k]; k++) {
			int c = cm_table_find(t, cols[k]);
			sb_puts(b, ",");
			if (c < 0)
				sb_puts(b, "null");
			else
				json_cell(b, &t->cols[c], r);
		}
		sb_puts(b, "]");
	}
	sb_puts(b, "]");
}

/* "advice": {"all", "top", "orgs": {INDEX: {"partners", "routes"}}}. */
static int json_advice(struct sbuf *b, struct cm_analysis *a, const struct cm_table *mt, struct cm_error *err)
{
	static const char *const pcols[] = { "score", "why", NULL }, *const rcols[] = { "length", "trust", "path", NULL };
	const struct cm_landscape *l = cm_analysis_landscape(a);
	size_t i, k = 0, n = cm_landscape_norgs(l);
	unsigned char *pick = malloc(n + 1);
	struct cm_gaps_opts go;
	struct cm_table t;
	int rc = CM_OK;

	if (!pick)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	advised(l, mt, pick);
	cm_table_init(&t, 0);
	sb_printf(b, ",\n\"advice\":{\"all\":%d,\"top\":%d,\"orgs\":{", ADVICE_ALL, ADVICE_TOP);
	for (i = 0; i < n && rc == CM_OK; i++) {
		const char *id = cm_landscape_org_id(l, i);
		if (!pick[i] || strchr(id, ',')) /* a comma would make it a coalition */
			continue;
		cm_gaps_opts_init(&go);
		go.for_org = id;
		go.role = CM_PARTNER_STRATEGIC;
		go.top = ADVICE_PARTNERS;
		if ((rc = cm_recommend(a, &go, &t, err)) < 0)
			break;
		sb_printf(b, "%s\n\"%zu\":{\"partners\":", k++ ? "," : "", i);
		json_rows(b, l, &t, pcols);
		if ((rc = cm_routes(a, id, &go.targets, ADVICE_ROUTES, &t, err)) < 0)
			break;
		sb_puts(b, ",\"routes\":");
		json_rows(b, l, &t, rcols);
		sb_puts(b, "}");
	}
	sb_puts(b, "}}");
	cm_table_release(&t);
	free(pick);
	return rc;
}

/* "groups": the aggregated view's groups and the lines between them, or
 * null when the page draws orgs one by one. */
static void json_groups(struct sbuf *b, const struct cm_map_places *pl)
{
	size_t k;

	if (!pl->aggregate) {
		sb_puts(b, ",\n\"groups\":null");
		return;
	}
	sb_puts(b, ",\n\"groups\":{\"by\":");
	json_str(b, pl->by ? pl->by : "");
	sb_printf(b, ",\"why\":%d,\"maxOrgs\":%d,\"maxTies\":%d,\"v\":[", pl->aggregate, CM_MAP_MAX_ORGS, CM_MAP_MAX_TIES);
	for (k = 0; k < pl->n; k++) {
		const struct cm_map_place *p = &pl->v[k];
		sb_puts(b, k ? ",\n{\"name\":" : "\n{\"name\":");
		json_str(b, p->name ? p->name : "");
		sb_printf(b, ",\"members\":%zu,\"inside\":%zu,\"x\":%.2f,\"y\":%.2f,\"side\":%.2f,\"slot\":%u}",
			  p->members, p->inside, p->x, p->y, p->side, p->slot);
	}
	sb_puts(b, "],\n\"links\":[");
	for (k = 0; k < pl->nlinks; k++) {
		const struct cm_map_link *e = &pl->links[k];
		sb_printf(b, "%s[%zu,%zu,", k ? ",\n" : "\n", e->a, e->b);
		json_num(b, e->ties);
		sb_printf(b, ",%d,%d]", e->conflict, e->weak);
	}
	sb_puts(b, "]}");
}

/* The data the page draws, as one JSON object. */
static int page_data(struct sbuf *b, struct cm_analysis *a, const char *title, const struct cm_map_places *pl,
		     const struct cm_table *t, const struct viz_story *st, const struct stake *sk,
		     struct cm_error *err)
{
	size_t k;
	int rc;

	sb_puts(b, "{\"title\":");
	json_str(b, title);
	sb_puts(b, ",\"colorBy\":");
	json_str(b, pl->color_by ? pl->color_by : "");
	sb_printf(b, ",\"layout\":\"%s\",\"bb\":[%.2f,%.2f,%.2f,%.2f],\n\"categories\":[", pl->layout ? pl->layout : "",
		  pl->bb[0], pl->bb[1], pl->bb[2], pl->bb[3]);
	for (k = 0; k < pl->ncategories; k++) {
		if (k)
			sb_puts(b, ",");
		json_str(b, pl->categories[k]);
	}
	sb_puts(b, "],\n");
	json_metric_heads(b, t);
	if (json_orgs_ties(b, a, pl, t, sk) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	json_story(b, st);
	json_grid(b, sk);
	json_groups(b, pl);
	if ((rc = json_advice(b, a, t, err)) < 0)
		return rc;
	sb_puts(b, "}");
	return CM_OK;
}

/* Text for an HTML element's content: & < > escaped. */
static void html_text(struct sbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			sb_puts(b, "&amp;");
		else if (*s == '<')
			sb_puts(b, "&lt;");
		else if (*s == '>')
			sb_puts(b, "&gt;");
		else
			sb_add(b, s, 1);
	}
}

/* 'sha256-BASE64' of s. */
static void csp_hash(struct sbuf *b, const char *s)
{
	unsigned char d[32];
	char b64[48];

	viz_sha256(s, strlen(s), d);
	viz_base64(d, sizeof(d), b64);
	sb_printf(b, "'sha256-%s'", b64);
}

/* The template with its @NAME@ holes filled. */
static void fill(struct sbuf *b, const char *title, const struct sbuf *data)
{
	const char *s = viz_explore_html, *at;

	while ((at = strchr(s, '@'))) {
		const char *end = strchr(at + 1, '@');
		size_t n = end ? (size_t)(end - at - 1) : 0;
		sb_add(b, s, (size_t)(at - s));
		if (n == 3 && !strncmp(at + 1, "CSP", 3)) {
			sb_puts(b, "default-src 'none'; script-src ");
			csp_hash(b, viz_explore_js);
			sb_puts(b, "; style-src ");
			csp_hash(b, viz_explore_css);
			sb_puts(b, "; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'");
		} else if (n == 5 && !strncmp(at + 1, "TITLE", 5))
			html_text(b, title);
		else if (n == 5 && !strncmp(at + 1, "STYLE", 5))
			sb_puts(b, viz_explore_css);
		else if (n == 6 && !strncmp(at + 1, "SCRIPT", 6))
			sb_puts(b, viz_explore_js);
		else if (n == 4 && !strncmp(at + 1, "DATA", 4))
			sb_add(b, data->p ? data->p : "", data->n);
		else {
			sb_add(b, at, 1);
			s = at + 1;
			continue;
		}
		s = end + 1;
	}
	sb_puts(b, s);
}

int cm_map_explore(struct cm_analysis *a, const struct cm_map_explore_opts *o, char **data, size_t *len,
		   struct cm_error *err)
{
	struct cm_map_opts mo;
	struct cm_map_places pl;
	struct cm_table t;
	struct viz_story st = { 0 };
	struct stake sk;
	struct sbuf json = { 0 }, page = { 0 };
	const char *title = o->title ? o->title : o->name ? o->name : "coalmap";
	int rc;

	*data = NULL;
	*len = 0;
	memset(&mo, 0, sizeof(mo));
	mo.format = "svg";
	mo.layout = o->layout;
	mo.aggregate = o->aggregate;
	cm_table_init(&t, 0);
	memset(&pl, 0, sizeof(pl));
	memset(&sk, 0, sizeof(sk));
	cm_table_init(&sk.t, 0);
	if ((o->story && (rc = viz_story_read(cm_analysis_landscape(a), o->story, &st, err)) < 0) ||
	    (rc = cm_map_places(a, &mo, &pl, err)) < 0 || (rc = cm_metrics(a, &t, err)) < 0 ||
	    (rc = stake_init(&sk, a, err)) < 0)
		goto out;
	if ((rc = page_data(&json, a, title, &pl, &t, &st, &sk, err)) < 0)
		goto out;
	if (json.nomem || (fill(&page, title, &json), page.nomem)) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	*data = page.p;
	*len = page.n;
	page.p = NULL;
out:
	free(json.p);
	free(page.p);
	cm_table_release(&t);
	cm_map_places_release(&pl);
	viz_story_release(&st);
	stake_release(&sk);
	return rc;
}
