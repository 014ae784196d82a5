/* stakeholders.c - who matters and where they stand (docs/stakeholders.md):
 * stance per issue, alignment with a focus, stated and network influence,
 * the quadrants of the influence x alignment grid; and the findings of
 * the signed network (signed.c) as camps, swing actors and bridges. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "schema.h"
#include "stakeholders.h"

#define ISSUE_PREFIX "stance:"

static void note(const struct cm_stake_opts *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(const struct cm_stake_opts *o, const char *fmt, ...)
{
	size_t len;
	va_list ap;

	if (!o->notes || !o->notes_size)
		return;
	len = strlen(o->notes);
	if (len + 1 >= o->notes_size)
		return;
	va_start(ap, fmt);
	vsnprintf(o->notes + len, o->notes_size - len, fmt, ap);
	va_end(ap);
}

static void stake_release(struct stake *x)
{
	free(x->issue_attr), free(x->s), free(x->fs), free(x->focus), free(x->access), free(x->high);
	free(x->pr), free(x->btw), free(x->network), free(x->stated), free(x->influence), free(x->align);
	free(x->compared);
	cm_stake_signed_release(&x->g);
}

/* ---- stances: the stance column and every stance:ISSUE column */

static signed char sign_of(int stance)
{
	return stance == CM_STANCE_SUPPORT ? 1 : stance == CM_STANCE_OPPOSE ? -1 :
	       stance == CM_STANCE_NEUTRAL ? 0 : STAKE_UNKNOWN;
}

/* Reads issue k (text column attr) into x->s; CM_EDATA at the first cell
 * that is no stance. */
static int read_issue(struct stake *x, size_t k, size_t attr, struct cm_error *err)
{
	const struct cm_landscape *l = x->l;
	const struct cm_schema_file *sf = l->schema;
	size_t i;

	for (i = 0; i < x->n; i++) {
		const char *v = cm_attr_value(l, attr, i);
		int st = attr == x->stance_attr ? l->orgs[i].stance : cm_schema_file_stance(sf, v, strlen(v));
		if (st < 0)
			return cm_error_set(err, CM_EDATA, l->orgs_path, l->orgs[i].line, 0,
					    "%s '%.40s' is %s (coalmap.ini's [stance]: docs/schema.md)",
					    cm_attr_name(l, attr), v, st == -2 ? "off the stance scale" :
					    "not support, neutral or oppose, nor a number on the stance scale");
		x->s[i * x->nissues + k] = sign_of(st);
	}
	return CM_OK;
}

/* 1 when text column attr holds stances on an issue and some org has one;
 * an issue column without any is noted. */
static int is_issue(struct stake *x, size_t attr)
{
	const struct cm_landscape *l = x->l;
	size_t i;

	if (attr != x->stance_attr && strncasecmp(cm_attr_name(l, attr), ISSUE_PREFIX, strlen(ISSUE_PREFIX)))
		return 0;
	for (i = 0; i < x->n; i++)
		if (*cm_attr_value(l, attr, i))
			return 1;
	if (attr != x->stance_attr)
		note(x->o, "Column %s has no stance in any row: it is left out. ", cm_attr_name(l, attr));
	return 0;
}

static int read_stances(struct stake *x, struct cm_error *err)
{
	size_t a, k = 0, na = cm_attr_count(x->l);
	int rc;

	x->stance_attr = (size_t)cm_attr_find(x->l, "stance");
	x->issue_attr = malloc((na ? na : 1) * sizeof(*x->issue_attr));
	if (!x->issue_attr)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (a = 0; a < na; a++)
		if (is_issue(x, a))
			x->issue_attr[x->nissues++] = a;
	if (!x->nissues)
		note(x->o, "No organization has a stance: every alignment is unknown. ");
	x->s = malloc(x->n * x->nissues > 0 ? x->n * x->nissues : 1);
	if (!x->s)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (k = 0; k < x->nissues; k++)
		if ((rc = read_issue(x, k, x->issue_attr[k], err)) < 0)
			return rc;
	return CM_OK;
}

/* ---- alignment: agreement with the focus across the issues both take a
 * stance on; without a focus, the focus supports every issue */

static int read_focus(struct stake *x, struct cm_error *err)
{
	const struct cm_strlist *f = &x->o->focus;
	size_t i, k, org;
	int rc;

	for (i = 0; i < f->n; i++) {
		if ((rc = cm_org_lookup(x->l, f->v[i], &org, err)) < 0)
			return rc;
		x->focus[org] = 1;
	}
	for (k = 0; k < x->nissues; k++) {
		int sum = 0, known = 0;
		for (i = 0; i < x->n; i++)
			if (x->focus[i] && x->s[i * x->nissues + k] != STAKE_UNKNOWN) {
				sum += x->s[i * x->nissues + k];
				known = 1;
			}
		x->fs[k] = !f->n ? 1 : !known ? STAKE_UNKNOWN : (signed char)((sum > 0) - (sum < 0));
	}
	return CM_OK;
}

static void align(struct stake *x)
{
	size_t i, k;

	for (i = 0; i < x->n; i++) {
		int sum = 0;
		size_t c = 0;
		for (k = 0; k < x->nissues; k++) {
			signed char a = x->s[i * x->nissues + k], b = x->fs[k];
			if (a == STAKE_UNKNOWN || b == STAKE_UNKNOWN)
				continue;
			sum += a * b;
			c++;
		}
		x->compared[i] = c;
		x->align[i] = c ? (double)sum / (double)c : NAN;
	}
}

/* ---- influence */

struct ranked {
	double v;
	size_t i;
};

static int by_value(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	return x->v < y->v ? -1 : x->v > y->v ? 1 : x->i < y->i ? -1 : x->i > y->i;
}

/* out[i] = the mid-rank percentile of v[i] among the values that are not
 * NaN: (orgs below + (orgs equal - 1) / 2) / (count - 1), 0.5 for a lone
 * value; NaN stays NaN.  Values equal but for rounding (cm_same_value) are
 * equal, so that symmetric orgs share a rank. */
static int percentiles(const double *v, size_t n, double *out)
{
	struct ranked *r = malloc((n ? n : 1) * sizeof(*r));
	size_t i, j, k = 0;

	if (!r)
		return CM_ENOMEM;
	for (i = 0; i < n; i++) {
		out[i] = NAN;
		if (!isnan(v[i]))
			r[k].v = v[i], r[k++].i = i;
	}
	qsort(r, k, sizeof(*r), by_value);
	for (i = 0; i < k; i = j) {
		size_t t;
		for (j = i; j < k && cm_same_value(r[j].v, r[i].v); j++)
			;
		for (t = i; t < j; t++) /* ranks i .. j-1 share their mean */
			out[r[t].i] = k > 1 ? (double)(i + j - 1) / 2 / (double)(k - 1) : 0.5;
	}
	free(r);
	return CM_OK;
}

static double median(const double *v, size_t n, int *nomem)
{
	double *c = malloc((n ? n : 1) * sizeof(*c)), m;

	if (!c) {
		*nomem = 1;
		return NAN;
	}
	memcpy(c, v, n * sizeof(*c));
	cm_sort_doubles(c, n);
	m = !n ? NAN : n % 2 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
	free(c);
	return m;
}

/* Network influence: the mean of the percentile ranks of PageRank and
 * betweenness and of direct access (1 for a decision-maker or an org with
 * a tie giving it access to one, else 0); influence: its mean with the
 * percentile rank of the stated influence, when the org states one; high:
 * influence above the median of every org's. */
static int influence(struct stake *x, struct cm_error *err)
{
	const struct cm_landscape *l = x->l;
	const double *pr, *btw;
	unsigned char *tgt = calloc(x->n ? x->n : 1, 1);
	double *raw = malloc((x->n ? x->n : 1) * sizeof(*raw)), mid;
	size_t i;
	int rc, nomem = 0;

	if (!tgt || !raw) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if ((rc = cm_analysis_values(x->a, CM_M_PAGERANK, &pr, err)) < 0 ||
	    (rc = cm_analysis_values(x->a, CM_M_BETWEENNESS, &btw, err)) < 0)
		goto out;
	cm_mark_targets(l, &x->o->targets, tgt);
	cm_mark_direct_access(l, cm_analysis_filter(x->a), NULL, tgt, x->access);
	for (i = 0; i < x->n; i++) {
		x->access[i] |= tgt[i];
		raw[i] = l->orgs[i].influence;
	}
	if (percentiles(pr, x->n, x->pr) < 0 || percentiles(btw, x->n, x->btw) < 0 ||
	    percentiles(raw, x->n, x->stated) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < x->n; i++) {
		x->network[i] = (x->pr[i] + x->btw[i] + x->access[i]) / 3;
		x->influence[i] = isnan(x->stated[i]) ? x->network[i] : (x->network[i] + x->stated[i]) / 2;
	}
	mid = median(x->influence, x->n, &nomem);
	for (i = 0; i < x->n; i++)
		x->high[i] = x->influence[i] > mid;
	rc = nomem ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
out:
	free(tgt), free(raw);
	return rc;
}

static int stake_build(struct stake *x, struct cm_analysis *a, const struct cm_stake_opts *o, struct cm_error *err)
{
	size_t n = cm_landscape_norgs(cm_analysis_landscape(a)), m = n ? n : 1;
	int rc;

	memset(x, 0, sizeof(*x));
	x->a = a;
	x->l = cm_analysis_landscape(a);
	x->o = o;
	x->n = n;
	if (o->notes && o->notes_size)
		o->notes[0] = 0;
	x->focus = calloc(m, 1), x->access = calloc(m, 1), x->high = calloc(m, 1);
	x->pr = malloc(m * sizeof(double)), x->btw = malloc(m * sizeof(double));
	x->network = malloc(m * sizeof(double)), x->stated = malloc(m * sizeof(double));
	x->influence = malloc(m * sizeof(double)), x->align = malloc(m * sizeof(double));
	x->compared = malloc(m * sizeof(size_t));
	if (!x->focus || !x->access || !x->high || !x->pr || !x->btw || !x->network || !x->stated ||
	    !x->influence || !x->align || !x->compared)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if ((rc = read_stances(x, err)) < 0)
		return rc;
	if (!(x->fs = malloc(x->nissues ? x->nissues : 1)))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if ((rc = read_focus(x, err)) < 0)
		return rc;
	align(x);
	if ((rc = influence(x, err)) < 0)
		return rc;
	return cm_stake_signed(x, err);
}

/* ---- the grid table */

static const char *quadrant(const struct stake *x, size_t i)
{
	if (x->focus[i])
		return "focus";
	if (!x->high[i])
		return "low_priority";
	if (isnan(x->align[i]) || x->align[i] == 0)
		return "persuadable";
	return x->align[i] > 0 ? "champion" : "blocker";
}

enum { G_ID, G_NAME, G_TYPE, G_STANCE, G_STATED, G_NETWORK, G_PR, G_BTW, G_ACCESS, G_INFLUENCE, G_ALIGN,
       G_COMPARED, G_QUADRANT, G_CAMP, G_N };

static int grid_columns(struct cm_table *t)
{
	static const struct { const char *name; enum cm_kind kind; } c[G_N] = {
		{ "id", CM_TEXT }, { "name", CM_TEXT }, { "type", CM_TEXT }, { "stance", CM_TEXT },
		{ "stated_influence", CM_REAL }, { "network_influence", CM_REAL }, { "pagerank_pct", CM_REAL },
		{ "betweenness_pct", CM_REAL }, { "access", CM_INT }, { "influence", CM_REAL },
		{ "alignment", CM_REAL }, { "issues_compared", CM_INT }, { "quadrant", CM_TEXT }, { "camp", CM_INT },
	};
	size_t k;

	for (k = 0; k < G_N; k++)
		if (cm_table_add_column(t, c[k].name, c[k].kind) < 0)
			return CM_ENOMEM;
	return CM_OK;
}

static int grid_table(const struct stake *x, struct cm_table *t, struct cm_error *err)
{
	const struct cm_landscape *l = x->l;
	size_t i;

	cm_table_release(t);
	cm_table_init(t, x->n);
	if (grid_columns(t) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < x->n; i++) {
		if (cm_table_set_text(t, G_ID, i, cm_landscape_org_id(l, i)) < 0 ||
		    cm_table_set_text(t, G_NAME, i, cm_landscape_org_name(l, i)) < 0 ||
		    cm_table_set_text(t, G_TYPE, i, cm_landscape_org_type(l, i)) < 0 ||
		    cm_table_set_text(t, G_STANCE, i, cm_attr_value(l, x->stance_attr, i)) < 0 ||
		    cm_table_set_text(t, G_QUADRANT, i, quadrant(x, i)) < 0)
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		cm_table_set_real(t, G_STATED, i, l->orgs[i].influence);
		cm_table_set_real(t, G_NETWORK, i, x->network[i]);
		cm_table_set_real(t, G_PR, i, x->pr[i]);
		cm_table_set_real(t, G_BTW, i, x->btw[i]);
		cm_table_set_int(t, G_ACCESS, i, x->access[i]);
		cm_table_set_real(t, G_INFLUENCE, i, x->influence[i]);
		cm_table_set_real(t, G_ALIGN, i, x->align[i]);
		cm_table_set_int(t, G_COMPARED, i, (long long)x->compared[i]);
		if (x->g.camp && x->g.camp[i])
			cm_table_set_int(t, G_CAMP, i, x->g.camp[i]);
	}
	return cm_table_sort(t, G_INFLUENCE, 1) < 0 ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
}


/* ---- the signed network's findings */

/* Orgs with mark set, most influential first (ties in file order): their
 * count into *k. */
static size_t *ranked_orgs(const struct stake *x, const unsigned char *mark, size_t *k)
{
	struct ranked *r = malloc((x->n ? x->n : 1) * sizeof(*r));
	size_t *v = malloc((x->n ? x->n : 1) * sizeof(*v)), i;

	*k = 0;
	if (!r || !v) {
		free(r), free(v);
		return NULL;
	}
	for (i = 0; i < x->n; i++)
		if (mark[i])
			r[*k].v = -x->influence[i], r[(*k)++].i = i;
	qsort(r, *k, sizeof(*r), by_value);
	for (i = 0; i < *k; i++)
		v[i] = r[i].i;
	free(r);
	return v;
}

static void camp_rows(const struct stake *x, struct cm_findings *r, unsigned char *mark)
{
	int camp;

	for (camp = 1; camp <= 2; camp++) {
		char names[600] = "", sub[16];
		size_t i, k, *v;
		for (i = 0; i < x->n; i++)
			mark[i] = x->g.camp[i] == camp;
		if (!(v = ranked_orgs(x, mark, &k))) {
			r->nomem = 1;
			return;
		}
		for (i = 0; i < k && i < 5; i++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s", i ? ", " : "",
				 cm_landscape_org_name(x->l, v[i]));
		snprintf(sub, sizeof(sub), "camp %d", camp);
		cm_findings_add(r, "camps", sub, "orgs", (double)k, "%zu organization%s%s%s%s", k, k == 1 ? "" : "s",
				k ? ", most influential first: " : "", names, k > 5 ? ", ..." : "");
		free(v);
	}
	cm_findings_add(r, "camps", "network", "error", (double)x->g.frustration,
			"%zu positive tie%s between the camps + %zu negative tie%s within them", x->g.pos_between,
			x->g.pos_between == 1 ? "" : "s", x->g.neg_within, x->g.neg_within == 1 ? "" : "s");
}

/* The side a --for focus stands on: its camp (the camp most focus orgs are
 * in), 0 when it has none.  src[] marks the orgs a swing actor is reached
 * from: the focus and the orgs of its camp aligned with it (alignment > 0),
 * swing actors (mark) left out. */
static int your_side(const struct stake *x, const unsigned char *mark, unsigned char *src)
{
	size_t i, in[3] = { 0, 0, 0 };
	int camp;

	for (i = 0; i < x->n; i++)
		if (x->focus[i])
			in[x->g.camp[i]]++;
	camp = in[1] >= in[2] ? (in[1] ? 1 : 0) : 2;
	for (i = 0; i < x->n; i++)
		src[i] = x->focus[i] ||
			 (camp && !mark[i] && x->g.camp[i] == camp && !isnan(x->align[i]) && x->align[i] > 0);
	return camp;
}

/* Who on the focus's side is best placed to reach each swing actor: the
 * best introduction chain from any of them (cm_intro_tree, ranked as
 * `coalmap path` ranks chains).  *dist NULL without a focus. */
struct reach {
	igraph_integer_t *dist, *pred;
	double *trust;
	int trust_known;
};

static int reach_build(const struct stake *x, const unsigned char *mark, struct reach *r, struct cm_error *err)
{
	size_t m = x->n ? x->n : 1;
	unsigned char *src;
	int rc;

	memset(r, 0, sizeof(*r));
	if (!x->o->focus.n)
		return CM_OK;
	src = malloc(m);
	r->dist = malloc(m * sizeof(*r->dist)), r->pred = malloc(m * sizeof(*r->pred));
	r->trust = malloc(m * sizeof(*r->trust));
	if (!src || !r->dist || !r->pred || !r->trust) {
		free(src);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	your_side(x, mark, src);
	rc = cm_intro_tree(x->a, src, r->dist, r->pred, r->trust, &r->trust_known, err);
	free(src);
	return rc;
}

/* Appends to buf how the focus's side reaches swing actor z. */
static void reach_text(const struct stake *x, const struct reach *r, size_t z, char *buf, size_t n)
{
	size_t at = strlen(buf);

	if (!r->dist)
		return;
	if (r->dist[z] < 0) {
		snprintf(buf + at, n - at, "; no chain of ties from your side reaches it");
		return;
	}
	snprintf(buf + at, n - at, "; reached from your side in %ld step%s: ", (long)r->dist[z],
		 r->dist[z] == 1 ? "" : "s");
	cm_chain_names(x->l, r->pred, r->dist[z], z, buf, n);
	at = strlen(buf);
	if (r->trust_known)
		snprintf(buf + at, n - at, " (trust %.2g)", r->trust[z]);
}

/* Influential orgs whose alignment is unknown or 0, or with positive ties
 * into both camps; with a focus, how its side reaches each. */
static int swing_rows(const struct stake *x, struct cm_findings *r, unsigned char *mark, struct cm_error *err)
{
	unsigned char *both = calloc(x->n ? x->n : 1, 1);
	struct reach rch = { 0 };
	size_t i, e, k = 0, *v = NULL;
	int rc = CM_ENOMEM;

	if (!both)
		goto out;
	for (i = 0; i < x->n; i++) {
		int side = 0;
		for (e = x->g.start[i]; e < x->g.start[i + 1]; e++)
			if (x->g.psign[x->g.pair[e]] > 0 && x->g.camp[x->g.nbr[e]])
				side |= 1 << (x->g.camp[x->g.nbr[e]] - 1);
		both[i] = side == 3;
		mark[i] = x->high[i] && !x->focus[i] && (both[i] || isnan(x->align[i]) || x->align[i] == 0);
	}
	if ((rc = reach_build(x, mark, &rch, err)) < 0)
		goto out;
	rc = CM_ENOMEM;
	if (!(v = ranked_orgs(x, mark, &k)))
		goto out;
	for (i = 0; i < k && (!x->o->top || i < x->o->top); i++) {
		size_t z = v[i];
		char why[600];
		snprintf(why, sizeof(why), "%s%s%s%s",
			 isnan(x->align[z]) ? "its stance is unknown" : x->align[z] == 0 ? "it is neutral" : "",
			 !isnan(x->align[z]) && x->align[z] != 0 ? "" : both[z] ? "; " : "",
			 both[z] ? "it has positive ties into both camps" : "",
			 x->g.camp[z] ? (x->g.camp[z] == 1 ? " (in camp 1)" : " (in camp 2)") : "");
		reach_text(x, &rch, z, why, sizeof(why));
		cm_findings_add(r, "swing", cm_landscape_org_name(x->l, z), "influence", x->influence[z], "%s", why);
	}
	if (i < k)
		cm_findings_add(r, "swing", "", "more", (double)(k - i), "%zu more swing actors (--top)", k - i);
	rc = r->nomem ? CM_ENOMEM : CM_OK;
out:
	if (rc == CM_ENOMEM)
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	free(v), free(both), free(rch.dist), free(rch.pred), free(rch.trust);
	return rc;
}

/* Positive ties between the camps, the most influential ends first. */
static void bridge_rows(const struct stake *x, struct cm_findings *r)
{
	struct ranked *b = malloc((x->g.npairs ? x->g.npairs : 1) * sizeof(*b));
	size_t p, k = 0, i;

	if (!b) {
		r->nomem = 1;
		return;
	}
	for (p = 0; p < x->g.npairs; p++) {
		uint32_t u = x->g.pu[p], v = x->g.pv[p];
		if (x->g.psign[p] > 0 && x->g.camp[u] != x->g.camp[v])
			b[k].v = -(x->influence[u] > x->influence[v] ? x->influence[u] : x->influence[v]), b[k++].i = p;
	}
	qsort(b, k, sizeof(*b), by_value);
	for (i = 0; i < k && (!x->o->top || i < x->o->top); i++) {
		uint32_t u = x->g.pu[b[i].i], v = x->g.pv[b[i].i];
		char sub[300];
		if (x->g.camp[u] == 2) {
			uint32_t t = u;
			u = v, v = t;
		}
		snprintf(sub, sizeof(sub), "%s - %s", cm_landscape_org_name(x->l, u), cm_landscape_org_name(x->l, v));
		cm_findings_add(r, "bridges", sub, "tie", NAN, "a positive tie from camp 1 (%s) to camp 2 (%s)",
				cm_landscape_org_id(x->l, u), cm_landscape_org_id(x->l, v));
	}
	if (i < k)
		cm_findings_add(r, "bridges", "", "more", (double)(k - i), "%zu more bridging ties (--top)", k - i);
	free(b);
}

static void balance_rows(const struct stake *x, struct cm_findings *r)
{
	const struct signed_net *g = &x->g;

	cm_findings_add(r, "signed", "network", "triangles", (double)g->triangles,
			"%zu triangle%s of tied organizations", g->triangles, g->triangles == 1 ? "" : "s");
	cm_findings_add(r, "signed", "network", "balanced_triangles", (double)g->balanced,
			"%zu with an even number of negative ties", g->balanced);
	if (g->triangles)
		cm_findings_add(r, "signed", "network", "balance", (double)g->balanced / (double)g->triangles,
				"share of triangles that are balanced (1 = every friend of a friend a friend, every "
				"enemy of an enemy a friend)");
	else
		cm_findings_add(r, "signed", "network", "balance", NAN, "no triangle: balance is undefined");
	if (!g->heuristic_comps || g->lower == g->frustration)
		cm_findings_add(r, "signed", "network", "frustration_index", (double)g->frustration,
				"exact: the fewest ties whose sign must flip to make the network balanced%s",
				g->heuristic_comps ? " (the local search met the lower bound)" : "");
	else
		cm_findings_add(r, "signed", "network", "frustration_index", (double)g->frustration,
				"upper bound: best of %d greedy starts with local moves on %zu component%s too large to "
				"enumerate (largest %zu organizations; exact up to %d); at least %zu", 16,
				g->heuristic_comps, g->heuristic_comps == 1 ? "" : "s", g->heuristic_largest,
				CM_STAKE_EXACT_MAX, g->lower);
	cm_findings_add(r, "signed", "network", "frustration_lower_bound", (double)g->lower,
			"%zu unbalanced triangle%s sharing no tie: each needs a flip of its own", g->lower,
			g->lower == 1 ? "" : "s");
	cm_findings_add(r, "signed", "network", "exact", g->heuristic_comps && g->lower < g->frustration ? 0 : 1,
			"%s", g->heuristic_comps && g->lower < g->frustration ?
			"0: the frustration index is a heuristic's upper bound" : "1: the frustration index is exact");
}

static int camps_table(const struct stake *x, struct cm_table *t, struct cm_error *err)
{
	const struct signed_net *g = &x->g;
	struct cm_findings r;
	unsigned char *mark;
	int rc;

	if (cm_findings_init(&r, t) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	cm_findings_add(&r, "signed", "network", "positive_pairs", (double)(g->npairs - g->nneg),
			"pairs of organizations tied, none of their ties a conflict");
	cm_findings_add(&r, "signed", "network", "negative_pairs", (double)g->nneg,
			"pairs of organizations with a conflict tie (negative)");
	if (!g->nneg) {
		cm_findings_add(&r, "signed", "network", "balance", 1,
				"no conflict ties: balance is trivially 1, the frustration index 0, and there are no camps");
		return r.nomem ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
	}
	balance_rows(x, &r);
	if (!(mark = calloc(x->n ? x->n : 1, 1)))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	camp_rows(x, &r, mark);
	if ((rc = swing_rows(x, &r, mark, err)) == CM_OK) {
		bridge_rows(x, &r);
		if (r.nomem)
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	free(mark);
	return rc;
}

/* Builds the analysis, then one of its tables. */
static int stake_table(struct cm_analysis *a, const struct cm_stake_opts *o, struct cm_table *out,
		       int (*table)(const struct stake *x, struct cm_table *t, struct cm_error *err),
		       struct cm_error *err)
{
	struct stake x;
	int rc = stake_build(&x, a, o, err);

	if (rc == CM_OK)
		rc = table(&x, out, err);
	stake_release(&x);
	return rc;
}

int cm_stakeholders(struct cm_analysis *a, const struct cm_stake_opts *o, struct cm_table *out, struct cm_error *err)
{
	return stake_table(a, o, out, grid_table, err);
}

int cm_stake_camps(struct cm_analysis *a, const struct cm_stake_opts *o, struct cm_table *out, struct cm_error *err)
{
	return stake_table(a, o, out, camps_table, err);
}

/* ---- the stances per issue, for coalmap diff */

int cm_stake_issues(const struct cm_landscape *l, size_t **attr, signed char **s, size_t *nissues,
		    struct cm_error *err)
{
	struct cm_stake_opts o;
	struct stake x;
	int rc;

	memset(&o, 0, sizeof(o));
	memset(&x, 0, sizeof(x));
	x.l = l;
	x.o = &o;
	x.n = l->norgs;
	if ((rc = read_stances(&x, err)) == CM_OK) {
		*attr = x.issue_attr, *s = x.s, *nissues = x.nissues;
		x.issue_attr = NULL, x.s = NULL;
	}
	stake_release(&x);
	return rc;
}

/* ---- one stance per org, for a map's colours */

int cm_org_stances(const struct cm_landscape *l, const char *column, signed char *out, struct cm_error *err)
{
	struct cm_stake_opts o;
	struct stake x;
	size_t i, k, k0 = 0, k1;
	int rc, attr = cm_attr_find(l, column);

	if (attr < 0 || (strcasecmp(column, "stance") && strncasecmp(column, ISSUE_PREFIX, strlen(ISSUE_PREFIX))))
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "no stance column '%s' in %s", column,
				    l->orgs_path);
	memset(&o, 0, sizeof(o));
	memset(&x, 0, sizeof(x));
	x.l = l;
	x.o = &o;
	x.n = l->norgs;
	if ((rc = read_stances(&x, err)) < 0)
		goto out;
	k1 = x.nissues; /* "stance": every issue; "stance:ISSUE": that one (none when it is empty) */
	if (strcasecmp(column, "stance"))
		for (k0 = 0; k0 < x.nissues && x.issue_attr[k0] != (size_t)attr; k0++)
			;
	if (strcasecmp(column, "stance"))
		k1 = k0 < x.nissues ? k0 + 1 : k0;
	for (i = 0; i < x.n; i++) {
		int sum = 0, known = 0;
		for (k = k0; k < k1; k++)
			if (x.s[i * x.nissues + k] != STAKE_UNKNOWN) {
				sum += x.s[i * x.nissues + k];
				known = 1;
			}
		out[i] = known ? (signed char)((sum > 0) - (sum < 0)) : CM_STANCE_UNKNOWN;
	}
out:
	stake_release(&x);
	return rc;
}
