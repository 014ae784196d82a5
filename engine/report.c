/* report.c - cm_report_build: the report's parts, from the context.
 *
 * A report is a struct cm_doc: a heading, a short reading and a table per
 * part, each table chosen columns of what the other commands compute, under
 * plain names; the map is the caller's (viz), set with cm_report_set_map. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "stakeholders.h"

#define ROUTES_TOP 12
#define SECTION_TOP 12 /* rows per section of the power and gaps findings */

static char *vformat(const char *fmt, va_list ap)
{
	char *s = NULL;

	if (vasprintf(&s, fmt, ap) < 0)
		return NULL;
	return s;
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* ---- tables for readers: chosen columns under plain names */

#define PICK_MAX 12 /* columns a picked table shows at most */

struct pick {
	const char *from;  /* column of the source table */
	const char *as;    /* heading in the report; NULL: the measure's short label */
	int yes;           /* a 0/1 column shown as "yes" or blank */
};

/* "money_and_position" -> "Money and position". */
static char *pretty(const char *s)
{
	char *p, *out = strdup(s);

	if (!out)
		return NULL;
	for (p = out; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
	return out;
}

/* Copies cell (r, s) of src to (d, t) of dst as the pick says. */
static int copy_cell(const struct cm_table *src, size_t s, size_t r, struct cm_table *dst, size_t t, size_t d,
		     const struct pick *pk)
{
	const struct cm_column *c = &src->cols[s];
	char *v;
	int bad;

	if (c->null[r])
		return 0;
	if (pk->yes)
		return c->kind == CM_INT && c->ints[r] ? cm_table_set_text(dst, t, d, "yes") : 0;
	if (c->kind == CM_INT) {
		cm_table_set_int(dst, t, d, c->ints[r]);
		return 0;
	}
	if (c->kind == CM_REAL) {
		cm_table_set_real(dst, t, d, c->reals[r]);
		return 0;
	}
	if (strcmp(pk->from, "section"))
		return cm_table_set_text(dst, t, d, c->text[r]);
	if (!(v = pretty(c->text[r])))
		return -1;
	bad = cm_table_set_text(dst, t, d, v);
	free(v);
	return bad;
}

/* Copies the first rows (0 = all) of the picked columns of src into dst
 * (caller-initialised); columns missing from src are left out.  When src
 * has a "section" column, its values are made readable and each section
 * keeps at most per_section rows (0 = all), then a row in its last column
 * saying how many more `more` lists.  Returns 0 or -1 (memory). */
static int pick(const struct cm_table *src, const struct pick *cols, size_t ncols, size_t rows,
		size_t per_section, const char *more, struct cm_table *dst)
{
	size_t n = rows && rows < src->nrows ? rows : src->nrows, j, r, in = 0, skipped = 0;
	int from[PICK_MAX], sec = cm_table_find(src, "section");
	const struct pick *used[PICK_MAX];
	size_t nused = 0;

	cm_table_release(dst);
	cm_table_init(dst, 0);
	for (j = 0; j < ncols && nused < PICK_MAX; j++) {
		int s = cm_table_find(src, cols[j].from);
		if (s < 0)
			continue;
		const char *as = cols[j].as ? cols[j].as : cm_metric_info(cm_metric_find(cols[j].from))->short_label;
		if (cm_table_add_column(dst, as, cols[j].yes ? CM_TEXT : src->cols[s].kind) < 0)
			return -1;
		from[nused] = s;
		used[nused++] = &cols[j];
	}
	if (sec < 0 || src->cols[sec].kind != CM_TEXT || nused < 2 || from[0] != sec)
		per_section = 0; /* cut only when the section comes first */
	for (r = 0; r <= n; r++) {
		long d;
		if (per_section && r > 0 && (r == n || strcmp(src->cols[sec].text[r], src->cols[sec].text[r - 1]))) {
			if (skipped) { /* close the section with a count */
				char *msg = format("\xE2\x80\xA6 and %zu more (%s)", skipped, more);
				int bad = !msg || (d = cm_table_add_row(dst)) < 0 ||
					  cm_table_set_text(dst, 0, (size_t)d, dst->cols[0].text[d - 1]) < 0 ||
					  cm_table_set_text(dst, nused - 1, (size_t)d, msg) < 0;
				free(msg);
				if (bad)
					return -1;
			}
			in = skipped = 0;
		}
		if (r == n)
			break;
		if (per_section && ++in > per_section) {
			skipped++;
			continue;
		}
		if ((d = cm_table_add_row(dst)) < 0)
			return -1;
		for (j = 0; j < nused; j++)
			if (copy_cell(src, (size_t)from[j], r, dst, j, (size_t)d, used[j]) < 0)
				return -1;
	}
	return 0;
}

static const char *sum_value(const struct cm_table *t, const char *item, char *buf, size_t n)
{
	size_t r;
	int ic = cm_table_find(t, "item"), vc = cm_table_find(t, "value");

	snprintf(buf, n, "?");
	for (r = 0; ic >= 0 && vc >= 0 && r < t->nrows; r++)
		if (!t->cols[ic].null[r] && strcmp(t->cols[ic].text[r], item) == 0 && !t->cols[vc].null[r])
			snprintf(buf, n, "%lld", t->cols[vc].ints[r]);
	return buf;
}

/* ---- findings without data: one line saying why, not one per measure */

/* Sections that have no data when one measure is 0: the whole section is
 * left out, for the reason given. */
static const struct {
	const char *section, *measure, *why;
} no_data[] = {
	{ "funding", "funders", "no funding recorded" },
};

#define UNDEFINED "undefined: "
#define LEFT_OUT "left out: "
#define PARTLY "partly "

/* The reason when row r of a findings table says its section has no
 * data (a no_data row), else NULL. */
static const char *no_data_row(const struct cm_table *t, size_t r, int sec, int mea, int val)
{
	size_t k;

	if (mea < 0 || t->cols[val].null[r] || t->cols[val].reals[r] != 0)
		return NULL;
	for (k = 0; k < sizeof(no_data) / sizeof(*no_data); k++)
		if (!strcmp(cm_table_text(t, sec, r), no_data[k].section) && !strcmp(cm_table_text(t, mea, r), no_data[k].measure))
			return no_data[k].why;
	return NULL;
}

/* Appends row (section, subject, reading) to dst (3 text columns). */
static int add_finding(struct cm_table *dst, const char *section, const char *subject, const char *reading)
{
	long d = cm_table_add_row(dst);

	return d < 0 || cm_table_set_text(dst, 0, (size_t)d, section) < 0 ||
	       cm_table_set_text(dst, 1, (size_t)d, subject) < 0 || cm_table_set_text(dst, 2, (size_t)d, reading) < 0 ?
		       -1 : 0;
}

/* Rows [a, b) of findings table t, one section, into dst: a section whose
 * values are all undefined, or that a no_data row says has no data, becomes
 * one row "left out: REASONS"; otherwise its undefined rows become one
 * row "partly left out: REASONS" at its start (seen even when the section is cut short).
 * Reasons are said once each. */
static int readable_section(const struct cm_table *t, size_t a, size_t b, int sec, int sub, int mea, int val,
			    int rea, struct cm_table *dst)
{
	struct cm_nameset why = { 0 };
	size_t r, k, len = 0, nundef = 0;
	const char *whole = NULL;
	char *line = NULL;
	int bad = 0;

	for (r = a; r < b; r++) {
		const char *reading = cm_table_text(t, rea, r);
		if (!whole)
			whole = no_data_row(t, r, sec, mea, val);
		if (!t->cols[val].null[r])
			continue;
		nundef++;
		if (!strncmp(reading, UNDEFINED, strlen(UNDEFINED)))
			reading += strlen(UNDEFINED);
		cm_nameset_add(reading, strlen(reading), &why);
	}
	if (whole) { /* the no-data reason alone says why */
		cm_nameset_release(&why);
		cm_nameset_add(whole, strlen(whole), &why);
	}
	for (k = 0; k < why.n; k++)
		len += strlen(why.v[k]) + 2;
	if (why.nomem || !(line = malloc(len + sizeof(PARTLY LEFT_OUT)))) {
		cm_nameset_release(&why);
		return -1;
	}
	strcpy(line, whole || nundef == b - a ? LEFT_OUT : PARTLY LEFT_OUT);
	for (k = 0; k < why.n; k++)
		strcat(strcat(line, k ? "; " : ""), why.v[k]);
	if (why.n)
		bad = add_finding(dst, cm_table_text(t, sec, a), "", line) < 0;
	for (r = a; r < b && !whole && nundef < b - a && !bad; r++) {
		if (t->cols[val].null[r])
			continue;
		/* a ranked org's robustness (power --missing) ends its own finding */
		if (mea >= 0 && strstr(cm_table_text(t, mea, r), "_kept:") && dst->nrows &&
		    !strcmp(cm_table_text(dst, 1, dst->nrows - 1), cm_table_text(t, sub, r))) {
			const char *share = strrchr(cm_table_text(t, mea, r), ':') + 1;
			char pc[16], *both;
			cm_rank_percent(pc, sizeof(pc), t->cols[val].reals[r]);
			both = format("%s (still listed in %s of resamples with %g %% of the ties missing)",
				      cm_table_text(dst, 2, dst->nrows - 1), pc, 100 * strtod(share, NULL));
			bad = !both || cm_table_set_text(dst, 2, dst->nrows - 1, both) < 0;
			free(both);
			continue;
		}
		bad = add_finding(dst, cm_table_text(t, sec, r), cm_table_text(t, sub, r), cm_table_text(t, rea, r)) < 0;
	}
	free(line);
	cm_nameset_release(&why);
	return bad ? -1 : 0;
}

/* dst (section, subject, reading) from findings table t, section by
 * section as readable_section says.  0, or -1 (memory). */
static int readable_findings(const struct cm_table *t, struct cm_table *dst)
{
	int sec = cm_table_find(t, "section"), sub = cm_table_find(t, "subject"), mea = cm_table_find(t, "measure"),
	    val = cm_table_find(t, "value"), rea = cm_table_find(t, "reading");
	size_t a, b;

	cm_table_release(dst);
	cm_table_init(dst, 0);
	if (cm_table_add_column(dst, "section", CM_TEXT) < 0 || cm_table_add_column(dst, "subject", CM_TEXT) < 0 ||
	    cm_table_add_column(dst, "reading", CM_TEXT) < 0)
		return -1;
	if (sec < 0 || sub < 0 || val < 0 || rea < 0 || t->cols[val].kind != CM_REAL)
		return -1;
	for (a = 0; a < t->nrows; a = b) {
		for (b = a + 1; b < t->nrows && !strcmp(cm_table_text(t, sec, b), cm_table_text(t, sec, a)); b++)
			;
		if (readable_section(t, a, b, sec, sub, mea, val, rea, dst) < 0)
			return -1;
	}
	return 0;
}

/* Adds a part and fills its table with the picked columns of t. */
static struct cm_doc_part *add_picked(struct cm_doc *d, const char *anchor, const char *heading, const char *intro,
				      const struct cm_table *t, const struct pick *cols, size_t ncols, size_t rows,
				      size_t per_section, const char *more)
{
	struct cm_doc_part *p = cm_doc_add(d, anchor, heading, intro);

	if (!p || pick(t, cols, ncols, rows, per_section, more, &p->table) < 0)
		return NULL;
	return p;
}

/* The lede: sizes, parts and isolates in words ("all in one connected
 * network", "every organization has at least one tie"). */
static char *lede(const char *n, const char *ties, const char *edges, const char *comps, const char *largest,
		  const char *isolates, const struct cm_filter *f)
{
	int one = !strcmp(n, "1");
	char *parts = !strcmp(comps, "1") ? strdup(one ? "" : ", all in one connected network") :
		      format(", in %s separate parts; the largest holds %s organization%s", comps, largest,
			     strcmp(largest, "1") ? "s" : "");
	char *iso = !strcmp(isolates, "0") ? strdup(one ? "" : " Every organization has at least one tie.") :
		    !strcmp(isolates, "1") ? strdup(one ? "" : " One organization has no tie at all.") :
		    format(" %s organizations have no tie at all.", isolates);
	char *s = NULL;

	if (parts && iso)
		s = !strcmp(n, "0") ? strdup("The landscape records no organizations.") :
		    format("%s organization%s and %s tie%s between them (%s collaboration link%s once conflicts are "
			   "set aside and parallel ties merged)%s.%s%s%s",
			   n, one ? "" : "s", ties, strcmp(ties, "1") ? "s" : "", edges, strcmp(edges, "1") ? "s" : "",
			   parts, iso, f->has_at ? " Ties as they stood on the --at date." : "",
			   f->types ? " Only the tie types chosen with --types." : "");
	free(parts);
	free(iso);
	return s;
}

/* Title and lede, from the landscape's summary. */
static int summary(struct cm_analysis *a, const struct cm_report_opts *o, const char *for_name, struct cm_doc *d,
		   struct cm_table *t, struct cm_error *err)
{
	const struct cm_filter *f = &a->f;
	char n[32], ties[32], edges[32], comps[32], largest[32], isolates[32];
	int rc;

	if ((rc = cm_check(a, t, err)) < 0)
		return rc;
	d->title = o->title ? strdup(o->title) :
		   for_name ? format("%s: partners and power, for %s", o->name, for_name) :
			      format("%s: the coalition landscape", o->name);
	sum_value(t, "organizations", n, sizeof(n));
	sum_value(t, "ties", ties, sizeof(ties));
	sum_value(t, "collaboration edges", edges, sizeof(edges));
	sum_value(t, "components", comps, sizeof(comps));
	sum_value(t, "largest component", largest, sizeof(largest));
	sum_value(t, "isolates", isolates, sizeof(isolates));
	d->lede = lede(n, ties, edges, comps, largest, isolates, f);
	return d->title && d->lede ? CM_OK : CM_ENOMEM;
}

/* With o->missing: column "kept_in_top" of the metrics table t (sorted
 * by betweenness) says for each of its first `top` rows in how many
 * resamples lacking that share of the ties the org still ranks in the top
 * `top` by betweenness ("87 %"). */
static int kept_in_top(struct cm_analysis *a, const struct cm_report_opts *o, size_t top, struct cm_table *t,
		       struct cm_error *err)
{
	struct cm_rank_opts ro;
	struct cm_table rt;
	size_t r, i;
	int rc, col, rid = -1, rin = -1, tid = cm_table_col(t, CM_M_ID);

	memset(&ro, 0, sizeof(ro));
	ro.by = CM_M_BETWEENNESS;
	ro.shares = &o->missing;
	ro.nshares = 1;
	ro.resamples = o->resamples ? o->resamples : CM_RANK_RESAMPLES;
	ro.top = top;
	ro.seed = CM_RANK_SEED;
	cm_table_init(&rt, 0);
	if ((rc = cm_rank_robustness(a, &ro, &rt, err)) < 0)
		goto out;
	rc = CM_ENOMEM;
	if ((col = cm_table_add_column(t, "kept_in_top", CM_TEXT)) < 0 || tid < 0 ||
	    (rid = cm_table_find(&rt, "id")) < 0 || (rin = cm_table_find(&rt, "in_top")) < 0)
		goto out;
	for (r = 0; r < rt.nrows; r++) {
		char pc[16];
		if (rt.cols[rin].null[r])
			continue;
		cm_rank_percent(pc, sizeof(pc), rt.cols[rin].reals[r]);
		for (i = 0; i < t->nrows && i < top; i++)
			if (!strcmp(cm_table_text(t, (size_t)tid, i), cm_table_text(&rt, (size_t)rid, r)) &&
			    cm_table_set_text(t, (size_t)col, i, pc) < 0)
				goto out;
	}
	rc = CM_OK;
out:
	cm_table_release(&rt);
	return rc;
}

/* The map's place, and the key organizations by brokerage. */
static int key_orgs(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d, struct cm_table *t,
		    struct cm_error *err)
{
	struct pick cols[] = {
		{ "name", NULL, 0 }, { "type", NULL, 0 }, { "degree", NULL, 0 }, { "betweenness_norm", NULL, 0 },
		{ "harmonic", NULL, 0 }, { "pagerank", NULL, 0 }, { "community", NULL, 0 }, { "articulation", NULL, 1 },
		{ "kept_in_top", NULL, 0 },
	};
	struct cm_doc_part *p;
	size_t k = cm_path_samples(a->l, &a->f), top = o->top ? o->top : CM_REPORT_KEY_ORGS;
	char kept[64];
	int rc, col;

	if (!(p = cm_doc_add(d, "map", "The map",
			     "Each shape is an organization, its colour the organization's type and its size the "
			     "number of partners; line styles tell tie types apart, as the legend shows.")))
		return CM_ENOMEM;
	p->figure = CM_FIGURE_MAP + 1;
	if ((rc = cm_metrics(a, t, err)) < 0)
		return rc;
	if ((col = cm_table_col(t, CM_M_BETWEENNESS)) >= 0 && cm_table_sort(t, (size_t)col, 1) < 0)
		return CM_ENOMEM;
	snprintf(kept, sizeof(kept), "Kept in top %zu", top);
	cols[8].as = kept;
	if (o->missing > 0 && (rc = kept_in_top(a, o, top, t, err)) < 0)
		return rc;
	if (!(p = add_picked(d, "key-organizations", "Key organizations",
			     "The organizations that hold the network together, by brokerage: how often an "
			     "organization lies on the shortest chains between others (betweenness, 0 to 1). Reach "
			     "is harmonic closeness (how near it is to everyone); a single point of failure is an "
			     "organization whose departure splits the network.",
			     t, cols, sizeof(cols) / sizeof(*cols), top, 0, NULL)))
		return CM_ENOMEM;
	if (a->bc.b && !(p->note = format("Brokerage is estimated from %zu shortest chains between organizations "
					  "taken at random: every organization's value is within %g of the exact one "
					  "with probability at least %g %%%s.", a->bc.samples, a->f.epsilon,
					  100 * (1 - a->bc.delta),
					  k ? "; reach is estimated from a sample of starting points" : "")))
		return CM_ENOMEM;
	if (!a->bc.b && k &&
	    !(p->note = format("Brokerage and reach are estimated from %zu of the %zu organizations taken at "
			       "random as starting points ('coalmap metrics --exact' computes them exactly).",
			       k, cm_landscape_norgs(a->l))))
		return CM_ENOMEM;
	if (o->missing > 0) { /* after the note on estimates, if any */
		char *both = format("%s%s%s: the share of %zu copies of the network, each missing %g %% of the ties "
				    "at random, in which the organization still ranks in the top %zu by brokerage; high "
				    "shares mean the ranking would hold if some ties went unreported.",
				    p->note ? p->note : "", p->note ? " " : "", kept,
				    o->resamples ? o->resamples : (size_t)CM_RANK_RESAMPLES, 100 * o->missing, top);
		if (!both)
			return CM_ENOMEM;
		free(p->note);
		p->note = both;
	}
	return CM_OK;
}

static const struct pick finding_cols[] = {
	{ "section", "section", 0 }, { "subject", "about", 0 }, { "reading", "finding", 0 },
};

/* A part of findings table t (power, gaps), made readable. */
static int findings_part(struct cm_doc *d, const char *anchor, const char *heading, const char *intro,
			 const struct cm_table *t, const char *more)
{
	struct cm_table rt;
	int rc = CM_ENOMEM;

	cm_table_init(&rt, 0);
	if (readable_findings(t, &rt) == 0 && add_picked(d, anchor, heading, intro, &rt, finding_cols, 3, 0, SECTION_TOP, more))
		rc = CM_OK;
	cm_table_release(&rt);
	return rc;
}

/* The rows of a trend table the report shows: (section, measure), a
 * measure of NULL for every row of the section (the orgs that rose and
 * fell most), and the heading each section gets. */
static const struct {
	const char *section, *measure, *heading;
} trend_rows[] = {
	{ "network", "density", "Network" },
	{ "network", "components", "Network" },
	{ "centralization", "degree", "Centralization" },
	{ "centralization", "betweenness", "Centralization" },
	{ "inequality", "gini_degree", "Inequality" },
	{ "inequality", "gini_betweenness", "Inequality" },
	{ "rising", NULL, "Rose most" },
	{ "falling", NULL, "Fell most" },
};

/* The part's table (section, subject, reading) from trend table t. */
static int trend_findings(const struct cm_table *t, struct cm_table *dst)
{
	int sec = cm_table_find(t, "section"), sub = cm_table_find(t, "subject"), mea = cm_table_find(t, "measure"),
	    rea = cm_table_find(t, "reading");
	size_t k, r;
	long row;

	cm_table_init(dst, 0);
	if (sec < 0 || sub < 0 || mea < 0 || rea < 0 || cm_table_add_column(dst, "section", CM_TEXT) < 0 ||
	    cm_table_add_column(dst, "subject", CM_TEXT) < 0 || cm_table_add_column(dst, "reading", CM_TEXT) < 0)
		return -1;
	for (k = 0; k < sizeof(trend_rows) / sizeof(*trend_rows); k++)
		for (r = 0; r < t->nrows; r++) {
			const char *reading = cm_table_text(t, rea, r);
			if (strcmp(cm_table_text(t, sec, r), trend_rows[k].section) ||
			    (trend_rows[k].measure && strcmp(cm_table_text(t, mea, r), trend_rows[k].measure)) ||
			    !*reading)
				continue;
			if ((row = cm_table_add_row(dst)) < 0 ||
			    cm_table_set_text(dst, 0, (size_t)row, trend_rows[k].heading) < 0 ||
			    cm_table_set_text(dst, 1, (size_t)row, cm_table_text(t, sub, r)) < 0 ||
			    cm_table_set_text(dst, 2, (size_t)row, reading) < 0)
				return -1;
		}
	return 0;
}

#define TREND_YEARS_MAX 400 /* years of dates looked at for waves */

/* Change over time, when ties carry dates and no --at pins one day: the
 * network's figures on 31 December of the years the dates span that some
 * tie spans too (at most CM_REPORT_TREND_WAVES, evenly spaced, the first
 * and the last kept), a
 * context of its own under the report's filter on each of those days
 * (cm_trend: one cm_power each, so left out above CM_REPORT_TREND_ORGS
 * orgs, where 'coalmap trend --at' does it on request). */
static int trend_part(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d, struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	struct cm_analysis *w[CM_REPORT_TREND_WAVES] = { 0 };
	char names[CM_REPORT_TREND_WAVES][16], day[32];
	const char *np[CM_REPORT_TREND_WAVES];
	int32_t lo = INT32_MAX, hi = INT32_MIN;
	long y0, y1, y, years[TREND_YEARS_MAX];
	size_t ny;
	struct cm_trend_opts to;
	struct cm_filter f;
	struct cm_table t, rt;
	struct cm_doc_part *p;
	size_t i, n;
	int rc = CM_OK;

	if (a->f.has_at || a->drop || a->n > CM_REPORT_TREND_ORGS)
		return CM_OK;
	for (i = 0; i < l->nties; i++) {
		if (l->ties[i].start != CM_DAY_MIN) {
			lo = l->ties[i].start < lo ? l->ties[i].start : lo;
			hi = l->ties[i].start > hi ? l->ties[i].start : hi;
		}
		if (l->ties[i].end != CM_DAY_MAX) {
			lo = l->ties[i].end < lo ? l->ties[i].end : lo;
			hi = l->ties[i].end > hi ? l->ties[i].end : hi;
		}
	}
	if (lo > hi)
		return CM_OK;
	cm_date_format(lo, day, sizeof(day));
	y0 = atol(day);
	cm_date_format(hi, day, sizeof(day));
	y1 = atol(day);
	/* the years whose 31 December some tie spans: a wave without ties
	 * (a landscape of ties from November to January) would read as
	 * everything falling to nothing */
	for (y = y0, ny = 0; y <= y1 && ny < TREND_YEARS_MAX; y++) {
		int32_t end;
		snprintf(day, sizeof(day), "%ld-12-31", y);
		if (cm_date_parse(day, 0, 0, &end) < 0)
			continue;
		for (i = 0; i < l->nties && !(l->ties[i].start <= end && end <= l->ties[i].end); i++)
			;
		if (i < l->nties)
			years[ny++] = y;
	}
	if (ny < 2)
		return CM_OK; /* one wave: nothing to follow */
	n = ny < CM_REPORT_TREND_WAVES ? ny : CM_REPORT_TREND_WAVES;
	for (i = 0; i < n && rc == CM_OK; i++) {
		y = years[lround((double)i * (double)(ny - 1) / (double)(n - 1))];
		snprintf(names[i], sizeof(names[i]), "%ld", y);
		snprintf(day, sizeof(day), "%ld-12-31", y);
		np[i] = names[i];
		f = a->f;
		f.has_at = 1;
		cm_date_parse(day, 0, 0, &f.at);
		rc = cm_analysis_new(&w[i], l, &f, err);
	}
	memset(&to, 0, sizeof(to));
	to.group_by = o->group_by;
	to.by = -1;
	to.top = 3;
	cm_table_init(&t, 0);
	cm_table_init(&rt, 0);
	if (rc == CM_OK && (rc = cm_trend(w, np, n, &to, &t, err)) == CM_OK) {
		rc = CM_ENOMEM;
		if (trend_findings(&t, &rt) == 0 &&
		    (p = add_picked(d, "trend", "Change over time",
				    "How the network changed: its figures on 31 December of the years its ties' dates "
				    "span, and the organizations whose brokerage rank rose or fell most.",
				    &rt, finding_cols, 3, 0, SECTION_TOP,
				    "'coalmap trend --at' follows every figure on the days you choose"))) {
			/* viz draws the lines from the table kept with the figure */
			p->figure = CM_FIGURE_TREND + 1;
			cm_table_release(&d->fig[CM_FIGURE_TREND].data);
			d->fig[CM_FIGURE_TREND].data = t;
			cm_table_init(&t, 0);
			rc = CM_OK;
		}
	}
	cm_table_release(&t);
	cm_table_release(&rt);
	for (i = 0; i < n; i++)
		cm_analysis_free(w[i]);
	return rc;
}

/* The power briefing and the landscape's gaps. */
static int power_and_gaps(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d,
			  struct cm_table *t, struct cm_error *err)
{
	struct cm_power_opts po;
	struct cm_gaps_opts go;
	int rc;

	memset(&po, 0, sizeof(po));
	po.group_by = o->group_by;
	po.targets = o->targets.v;
	po.ntargets = o->targets.n;
	po.key_players = o->key_players;
	po.permutations = CM_POWER_PERMUTATIONS; /* p-values in the readings */
	po.seed = CM_POWER_SEED;
	po.missing = &o->missing; /* how far the key players and gatekeepers hold */
	po.nmissing = o->missing > 0;
	po.resamples = o->resamples;
	if ((rc = cm_power(a, &po, t, err)) < 0 ||
	    (rc = findings_part(d, "power", "Who holds the power",
				"How centralized and unequal the network is, whether money buys position, who reaches "
				"decision-makers and who stands in the way, and who depends on whom for funding. A "
				"reading that needs data the landscape lacks is left out, with one line saying why; "
				"the terms are explained at the end.",
				t, "'coalmap power' lists them all")) < 0)
		return rc;
	/* its figure: the Lorenz curves and the degree distribution (viz
	 * draws them from the curves kept with the figure) */
	cm_table_release(&d->fig[CM_FIGURE_CURVES].data);
	cm_table_init(&d->fig[CM_FIGURE_CURVES].data, 0);
	if ((rc = cm_inequality_curves(a, &d->fig[CM_FIGURE_CURVES].data, err)) < 0)
		return rc;
	if (d->fig[CM_FIGURE_CURVES].data.nrows)
		d->parts[d->nparts - 1].figure = CM_FIGURE_CURVES + 1;
	cm_gaps_opts_init(&go);
	go.group_by = o->group_by;
	go.targets = o->targets;
	if ((rc = cm_gaps(a, &go, t, err)) < 0)
		return rc;
	return findings_part(d, "gaps", "Gaps in the landscape",
			     "Organizations left out, groups cut off from every decision-maker, communities with few or "
			     "no ties between them (structural holes worth bridging), single points of failure, and the "
			     "types, regions, skills and issues the landscape has few or none of.",
			     t, "'coalmap gaps' lists them all");
}

/* The stakeholder rows of grid table g (cm_stakeholders, most influential
 * first) into dst (section, subject, reading): the count of each quadrant,
 * then the champions, persuadables and blockers, each section cut later. */
static int stake_rows(const struct cm_table *g, struct cm_table *dst)
{
	static const struct {
		const char *quadrant, *section, *what;
	} q[] = {
		{ "champion", "champions", "influential and aligned" },
		{ "persuadable", "persuadables", "influential, neutral or of unknown stance" },
		{ "blocker", "blockers", "influential and opposed" },
		{ "low_priority", NULL, "less influential, whatever their stance" },
	};
	int nm = cm_table_find(g, "name"), qu = cm_table_find(g, "quadrant"), inf = cm_table_find(g, "influence"),
	    al = cm_table_find(g, "alignment"), ic = cm_table_find(g, "issues_compared");
	size_t k, r, count;
	char buf[160], subj[32];

	if (nm < 0 || qu < 0 || inf < 0 || al < 0 || ic < 0 || g->cols[ic].kind != CM_INT)
		return -1; /* not a cm_stakeholders table */
	for (k = 0; k < sizeof(q) / sizeof(*q); k++) {
		for (r = count = 0; r < g->nrows; r++)
			count += !strcmp(cm_table_text(g, qu, r), q[k].quadrant);
		snprintf(subj, sizeof(subj), "%s", q[k].section ? q[k].section : "low priority");
		snprintf(buf, sizeof(buf), "%zu organization%s: %s", count, count == 1 ? "" : "s", q[k].what);
		if (add_finding(dst, "quadrants", subj, buf) < 0)
			return -1;
	}
	for (k = 0; k < 3; k++)
		for (r = 0; r < g->nrows; r++) {
			const struct cm_column *a = &g->cols[al], *i = &g->cols[inf];
			if (strcmp(cm_table_text(g, qu, r), q[k].quadrant))
				continue;
			if (a->null[r])
				snprintf(buf, sizeof(buf), "influence %.2f; alignment unknown", i->reals[r]);
			else
				snprintf(buf, sizeof(buf), "influence %.2f; alignment %.2f over %lld issue%s", i->reals[r],
					 a->reals[r], g->cols[ic].ints[r], g->cols[ic].ints[r] == 1 ? "" : "s");
			if (add_finding(dst, q[k].section, cm_table_text(g, nm, r), buf) < 0)
				return -1;
		}
	return 0;
}

/* Stakeholders, when some org has a stance: the quadrants of the
 * influence x alignment grid (alignment with the --for org, else stance
 * itself) and the most influential of three of them. */
static int stakeholders(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d,
			struct cm_table *t, struct cm_error *err)
{
	struct cm_stake_opts so;
	struct cm_doc_part *p;
	struct cm_table rt;
	size_t *attr = NULL, niss = 0;
	signed char *s = NULL;
	int rc;

	if ((rc = cm_stake_issues(a->l, &attr, &s, &niss, err)) < 0)
		return rc;
	free(attr);
	free(s);
	if (!niss)
		return CM_OK;
	memset(&so, 0, sizeof(so));
	so.focus.v = o->for_org ? &o->for_org : NULL;
	so.focus.n = o->for_org != NULL;
	so.targets = o->targets;
	if ((rc = cm_stakeholders(a, &so, t, err)) < 0)
		return rc;
	cm_table_init(&rt, 0);
	rc = CM_ENOMEM;
	if (cm_table_add_column(&rt, "section", CM_TEXT) >= 0 && cm_table_add_column(&rt, "subject", CM_TEXT) >= 0 &&
	    cm_table_add_column(&rt, "reading", CM_TEXT) >= 0 && stake_rows(t, &rt) == 0 &&
	    (p = add_picked(d, "stakeholders", "Stakeholders: influence and stance",
			    o->for_org ? "Who can sway the outcome, and whether they agree with the organization this report is "
					 "for: influence (network position, with stated influence when given) against "
					 "alignment (agreement on the issues both take a stance on, -1 to 1)."
				       : "Who can sway the outcome, and where they stand: influence (network position, with "
					 "stated influence when given) against alignment (the organization's stance, -1 "
					 "oppose to 1 support, averaged over the issues).",
			    &rt, finding_cols, 3, 0, CM_REPORT_STAKEHOLDERS, "'coalmap stakeholders' lists them all"))) {
		p->figure = CM_FIGURE_GRID + 1;
		/* the grid's picture draws this table (viz, cm_map_report) */
		cm_table_release(&d->fig[CM_FIGURE_GRID].data);
		d->fig[CM_FIGURE_GRID].data = *t;
		cm_table_init(t, 0);
		rc = CM_OK;
	}
	cm_table_release(&rt);
	return rc;
}

/* A part headed "<what> for <name>" holding the picked columns of t, with
 * a note when t is empty.  CM_ENOMEM or CM_OK. */
static int for_part(struct cm_doc *d, const char *anchor, const char *what, const char *for_name, const char *intro,
		    const struct cm_table *t, const struct pick *cols, size_t ncols, const char *empty)
{
	char *heading = format("%s for %s", what, for_name);
	struct cm_doc_part *p = heading ? add_picked(d, anchor, heading, intro, t, cols, ncols, 0, 0, NULL) : NULL;

	free(heading);
	if (!p || (!t->nrows && !(p->note = strdup(empty))))
		return CM_ENOMEM;
	return CM_OK;
}

/* Adds text (lines, each a sentence) to the note of d's last part, as one
 * paragraph of sentences that start with a capital. */
static int part_note(struct cm_doc *d, const char *text)
{
	struct cm_doc_part *p = &d->parts[d->nparts - 1];
	char *s = p->note ? format("%s %s", p->note, text) : strdup(text), *c;
	int start = 1;

	if (!s)
		return CM_ENOMEM;
	for (c = s; *c; c++) {
		if (*c == '\n')
			*c = ' ', start = 1;
		else if (start && *c != ' ')
			*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c), start = 0;
	}
	free(p->note);
	p->note = s;
	return CM_OK;
}

/* Partners for one org, and its routes to decision-makers. */
static int for_org(struct cm_analysis *a, const struct cm_report_opts *o, const char *for_name, struct cm_doc *d,
		   struct cm_table *t, struct cm_error *err)
{
	static const struct pick partner_cols[] = {
		{ "role", "role", 0 }, { "rank", "rank", 0 }, { "name", "organization", 0 }, { "type", "type", 0 },
		{ "score", "score", 0 }, { "why", "why", 0 }, { "risk", "risk", 0 },
	};
	char limits[1024];
	static const struct pick route_cols[] = {
		{ "name", "decision-maker", 0 }, { "type", "type", 0 }, { "length", "steps", 0 },
		{ "trust", "trust", 0 }, { "path", "route", 0 },
	};
	struct cm_gaps_opts go;
	int rc;

	cm_gaps_opts_init(&go);
	go.group_by = o->group_by;
	go.targets = o->targets;
	go.for_org = o->for_org;
	go.top = o->top ? o->top : CM_REPORT_PARTNERS;
	go.role = CM_PARTNER_ALL;
	if ((rc = cm_recommend(a, &go, t, err)) < 0 ||
	    (rc = cm_recommend_limits(a, &go, limits, sizeof(limits), err)) < 0 ||
	    (rc = for_part(d, "partners", "Recommended partners", for_name,
			   "Organizations not yet tied to it, by the role they could play: strategic partners "
			   "share the goal (an issue or the stance) and are close in the network; implementing "
			   "partners bring skills its side lacks; distribution partners reach organizations it "
			   "does not; access partners have a direct tie to a decision-maker. Risks are flagged, "
			   "not hidden.",
			   t, partner_cols, sizeof(partner_cols) / sizeof(*partner_cols),
			   "No organization is left to recommend.")) < 0)
		return rc;
	if (limits[0] && (rc = part_note(d, limits)) < 0)
		return rc;
	if ((rc = cm_routes(a, o->for_org, &o->targets, ROUTES_TOP, t, err)) < 0)
		return rc;
	return for_part(d, "routes", "Routes to decision-makers", for_name,
			"For each decision-maker, the shortest chain of ties that could carry an introduction, the "
			"most trusted first (trust multiplies along the chain). Blank "
			"rows: no chain at all.",
			t, route_cols, sizeof(route_cols) / sizeof(*route_cols),
			"The landscape has no decision-makers of these types.");
}

/* ---- the terms the report uses, explained in it */

/* A term is explained when the part `anchor` is in the report and, when
 * `section` is set, that part's table has a row of that section (whose
 * reading holds `needle`, when set). */
static const struct term {
	const char *anchor, *section, *needle, *term, *meaning;
} terms[] = {
	{ "map", NULL, NULL, "collaboration links",
	  "ties of every kind except conflicts, two organizations' ties to each other counted once" },
	{ "key-organizations", NULL, NULL, "partners", "the organizations it has a tie with (degree)" },
	{ "key-organizations", NULL, NULL, "brokerage",
	  "how often it lies on the shortest chains of ties between two others: 0 never, 1 on every chain "
	  "(betweenness centrality, normalized)" },
	{ "key-organizations", NULL, NULL, "reach",
	  "how near it is to everyone: the sum of 1 / steps to each other organization (harmonic closeness)" },
	{ "key-organizations", NULL, NULL, "PageRank",
	  "the share of attention that would settle on it by following ties at random, ties from well-tied "
	  "organizations counting more; all values add up to 1" },
	{ "key-organizations", NULL, NULL, "community",
	  "a group of organizations with more ties among themselves than to the rest, numbered from the largest" },
	{ "key-organizations", NULL, NULL, "single point of failure",
	  "an organization whose departure would split its part of the network in two" },
	{ "power", NULL, NULL, "decision-maker", NULL }, /* meaning from the options: decision_maker_term() */
	{ "power", "Centralization", NULL, "centralization",
	  "how far the network is from everyone equal (0) towards a star around one organization (1)" },
	{ "power", "Inequality", NULL, "Gini",
	  "how unequally something is shared: 0 when every organization has as much, 1 when one has it all" },
	{ "power", "Money and position", NULL, "money and position",
	  "whether organizations with larger budgets rank higher on a measure of position: the rank "
	  "correlation (Spearman) from -1 to 1, near 0 when unrelated" },
	{ "power", "Key players", NULL, "key players",
	  "the organizations whose removal would cut the most pairs apart, and those that together reach the "
	  "most others within two steps" },
	{ "power", "Groups", NULL, "E-I index",
	  "a group's ties to other groups minus its ties within, over all its ties: -1 closed in, +1 only outward" },
	{ "power", "Access", NULL, "direct access",
	  "a tie that carries the organization to a decision-maker: an access, information, membership or "
	  "working tie (funding, distribution and conflict do not)" },
	{ "power", "Gatekeepers", NULL, "gatekeeper",
	  "an organization of another group on the shortest routes of a group's members to decision-makers; "
	  "each member's route counts 1, shared equally among its shortest routes" },
	{ "power", "*", " of resamples with ", "resamples",
	  "copies of the network that each lack the same share of the ties, left out at random, to see how far a "
	  "list of organizations would hold if some ties went unreported (Borgatti, Carley and Krackhardt 2006)" },
	{ "power", "*", "; p ", "p",
	  "the share of 1,000 random shuffles of the groups (or budgets) among the organizations that give a "
	  "figure as far out, counted on both sides: below 0.05 it is unlikely to be chance" },
	{ "power", "Funding", NULL, "Herfindahl",
	  "how concentrated giving is: the sum of each funder's squared share of all money, 1 for a single funder" },
	{ "gaps", "Holes", NULL, "structural hole",
	  "two communities with at most one tie between them; whoever ties them together links groups that "
	  "hardly talk" },
	{ "gaps", "Coverage", "thin: ", "thin", "fewer than 5 % and fewer than three organizations have it" },
	{ "gaps", "Coverage", "absent: ", "absent",
	  "no organization has it; listed only for the types and skills of a vocabulary the landscape's own "
	  "data uses" },
	{ "stakeholders", NULL, NULL, "influence",
	  "from 0 to 1: the mean of its percentile ranks of PageRank and of brokerage and of direct access to a "
	  "decision-maker (1 or 0), averaged with the rank of its stated influence when the data give one" },
	{ "stakeholders", NULL, NULL, "alignment",
	  "from -1 to 1: the mean, over the issues where both it and the reference (the report's organization, "
	  "else support) take a stance, of +1 for the same, -1 for the opposite, 0 for neutral" },
	{ "stakeholders", NULL, NULL, "champion, persuadable, blocker",
	  "an influential organization (influence above the median) that is aligned (alignment above 0), "
	  "neutral or of unknown alignment, or opposed (below 0); the others are low priority" },
	{ "partners", NULL, NULL, "role",
	  "strategic: shares an issue or the stance, and is close in the network; implementing: brings skills "
	  "its side lacks; distribution: reaches organizations it does not; access: has a direct tie to a "
	  "decision-maker" },
	{ "partners", NULL, NULL, "score",
	  "from 0 to 1, ranking within a role: strategic, half closeness (partners in common) and half fit "
	  "(shared issues and stance); implementing, half the new skills and half closeness; distribution, half "
	  "new reach and half influence; access, half closeness and half influence" },
	{ "partners", NULL, NULL, "risk",
	  "opposes: opposes the goal; unknown_stance: its stance is not recorded; conflict: a conflict tie with "
	  "it or one of its partners; single_funder: depends on one funder; dominant: three times its partners "
	  "or more; redundant: works only with its partners; no_introduction: no chain of ties leads there" },
	{ "routes", NULL, NULL, "trust",
	  "the product of the trust recorded on each tie of the route, from 0 to 1; a tie without one counts 0.5 "
	  "when other ties have one, and the trust is left empty when no tie has one" },
};

/* The part with this anchor, or NULL. */
static const struct cm_doc_part *find_part(const struct cm_doc *d, const char *anchor)
{
	size_t i;

	for (i = 0; i < d->nparts; i++)
		if (!strcmp(d->parts[i].anchor, anchor))
			return &d->parts[i];
	return NULL;
}

/* 1 if the report shows term k: its part is there and, for a section's
 * term, a row of that section (any section for "*") is more than a "left
 * out" line. */
static int term_used(const struct cm_doc *d, size_t k)
{
	const struct cm_doc_part *p = find_part(d, terms[k].anchor);
	const struct cm_table *t = p ? &p->table : NULL;
	size_t r;

	if (!p || !terms[k].section)
		return p != NULL;
	for (r = 0; t->ncols >= 2 && r < t->nrows; r++)
		if ((!strcmp(terms[k].section, "*") || !strcmp(cm_table_text(t, 0, r), terms[k].section)) &&
		    strncmp(cm_table_text(t, t->ncols - 1, r), LEFT_OUT, strlen(LEFT_OUT)) &&
		    (!terms[k].needle || strstr(cm_table_text(t, t->ncols - 1, r), terms[k].needle)))
			return 1;
	return 0;
}

/* "an organization whose type is decision_maker or government" (or the
 * types of --targets, or of coalmap.ini). */
static char *decision_maker_term(const struct cm_landscape *l, const struct cm_strlist *targets)
{
	char *s = strdup("an organization whose type is"), *t;
	const char *const *v;
	size_t k, n = cm_decision_maker_types_of(l, targets, &v);

	if (!n) {
		free(s);
		return strdup("an organization of a type listed as decision-makers (none is)");
	}
	for (k = 0; s && k < n; k++) {
		t = format("%s%s %s", s, k == 0 ? "" : k + 1 == n ? " or" : ",", v[k]);
		free(s);
		s = t;
	}
	return s;
}

/* The last part of a path. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

/* The last part: the terms the report uses, one row each. */
static int glossary(const struct cm_landscape *l, struct cm_doc *d, const struct cm_report_opts *o)
{
	struct cm_doc_part *p;
	size_t k;

	if (!(p = cm_doc_add(d, "terms", "Terms used", "What the words and figures of this report mean.")) ||
	    cm_table_add_column(&p->table, "term", CM_TEXT) < 0 || cm_table_add_column(&p->table, "meaning", CM_TEXT) < 0)
		return CM_ENOMEM;
	for (k = 0; k < sizeof(terms) / sizeof(*terms); k++) {
		char *dm;
		long r;
		int bad;
		if (!term_used(d, k))
			continue;
		dm = terms[k].meaning ? NULL : decision_maker_term(l, &o->targets);
		r = cm_table_add_row(&p->table);
		bad = r < 0 || (!terms[k].meaning && !dm) || cm_table_set_text(&p->table, 0, (size_t)r, terms[k].term) < 0 ||
		      cm_table_set_text(&p->table, 1, (size_t)r, dm ? dm : terms[k].meaning) < 0;
		free(dm);
		if (bad)
			return CM_ENOMEM;
	}
	return CM_OK;
}

int cm_report_build(struct cm_analysis *a, const struct cm_report_opts *o, struct cm_doc *d, struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	const char *for_name = NULL;
	struct cm_table t;
	int rc;

	cm_doc_release(d);
	if (o->for_org) {
		size_t i;
		if ((rc = cm_org_lookup(l, o->for_org, &i, err)) < 0)
			return rc;
		for_name = cm_landscape_org_name(l, i);
	}
	cm_table_init(&t, 0);
	if ((rc = summary(a, o, for_name, d, &t, err)) == CM_OK && (rc = key_orgs(a, o, d, &t, err)) == CM_OK &&
	    (rc = power_and_gaps(a, o, d, &t, err)) == CM_OK && (rc = trend_part(a, o, d, err)) == CM_OK &&
	    (rc = stakeholders(a, o, d, &t, err)) == CM_OK &&
	    (!o->for_org || (rc = for_org(a, o, for_name, d, &t, err)) == CM_OK)) {
		/* shared (docs/sharing.md): the files' names, not where they live */
		int shared = cm_landscape_anonymised(l) > 0;
		const char *op = shared ? base_name(l->orgs_path) : l->orgs_path;
		const char *tp = shared ? base_name(l->ties_path) : l->ties_path;
		d->footer = strcmp(l->orgs_path, l->ties_path)
				    ? format("Made by coalmap %s from %s and %s.", PACKAGE_VERSION, op, tp)
				    : format("Made by coalmap %s from %s.", PACKAGE_VERSION, op);
		rc = d->footer ? glossary(l, d, o) : CM_ENOMEM;
	}
	cm_table_release(&t);
	if (rc == CM_ENOMEM)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc == CM_OK)
		cm_error_clear(err);
	return rc;
}

int cm_report_set_map(struct cm_doc *d, char *svg, size_t len, size_t orgs, int aggregated, int labels_limited,
		      int suggested)
{
	struct cm_doc_figure *g = &d->fig[CM_FIGURE_MAP];

	free(g->svg);
	free(g->caption);
	g->svg = svg;
	g->len = len;
	g->caption = format("%zu organizations drawn%s%s%s.", orgs,
			    aggregated ? " as their communities (too many to draw one by one)" : "",
			    labels_limited ? "; labels name the top brokers" : "",
			    suggested ? "; heavy dashed lines lead to the recommended partners" : "");
	return g->caption ? CM_OK : CM_ENOMEM;
}

/* Puts figure id's svg (taken over) and caption (malloc'd, taken over;
 * NULL: out of memory) in d when d shows that figure; otherwise frees
 * both.  0 or CM_ENOMEM. */
static int set_figure(struct cm_doc *d, enum cm_doc_figure_id id, char *svg, size_t len, char *caption)
{
	struct cm_doc_figure *g = &d->fig[id];

	if (!cm_doc_has_figure(d, id)) {
		free(svg);
		free(caption);
		return CM_OK;
	}
	free(g->svg);
	free(g->caption);
	g->svg = svg;
	g->len = len;
	g->caption = caption;
	return caption ? CM_OK : CM_ENOMEM;
}

int cm_report_set_curves(struct cm_doc *d, char *svg, size_t len)
{
	return set_figure(d, CM_FIGURE_CURVES, svg, len,
			  strdup("Lorenz curves: the further a curve bows below the diagonal of equal shares, the more "
				 "unequal the measure (the Gini index is twice the tinted area); and how many "
				 "organizations have each number of partners."));
}

int cm_report_set_trend(struct cm_doc *d, char *svg, size_t len)
{
	return set_figure(d, CM_FIGURE_TREND, svg, len,
			  strdup("The network's figures at the end of each year: the ties that existed on 31 December, "
				 "wave by wave."));
}

int cm_report_set_grid(struct cm_doc *d, char *svg, size_t len, size_t orgs, size_t labelled)
{
	return set_figure(d, CM_FIGURE_GRID, svg, len,
			  format("%zu organizations placed by influence (up) and alignment (across); the %zu most "
				 "influential named.", orgs, labelled));
}
