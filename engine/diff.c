/* diff.c - what changed between two landscapes, or one landscape on two
 * days: orgs and ties gained and lost, changed ties and orgs, the orgs
 * whose position moved most, and every network-level measure of the power
 * report before and after.  docs/diff.md defines each row. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "stakeholders.h"

#define REL_EQ 1e-9 /* values this close (relative) count as unchanged */

static int same(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return fabs(a - b) <= REL_EQ * fmax(fabs(a), fabs(b)) + 1e-12;
}

/* ---------------------------------------------------------------- */
/* the output table                                                   */

enum { D_SECTION, D_SUBJECT, D_MEASURE, D_BEFORE, D_AFTER, D_CHANGE, D_READING, D_NCOLS };

static int out_init(struct cm_findings *o, struct cm_table *t)
{
	static const char *const values[] = { "before", "after", "change" };

	return cm_findings_init_values(o, t, values, 3);
}

/* Adds one row; NaN leaves a cell empty.  After a failure, nothing. */
static void add(struct cm_findings *o, const char *section, const char *subject, const char *measure, double before,
		double after, double change, const char *fmt, ...) __attribute__((format(printf, 8, 9)));

static void add(struct cm_findings *o, const char *section, const char *subject, const char *measure, double before,
		double after, double change, const char *fmt, ...)
{
	const double v[3] = { before, after, change };
	va_list ap;

	va_start(ap, fmt);
	cm_findings_vadd(o, section, subject, measure, v, fmt, ap);
	va_end(ap);
}

/* A number for a reading: whole numbers whole, others to 4 digits. */
static const char *num(double v, char *buf, size_t n, int sign)
{
	if (fabs(v) < 1e15 && v == floor(v))
		snprintf(buf, n, sign ? "%+.0f" : "%.0f", v);
	else
		snprintf(buf, n, sign ? "%+.4g" : "%.4g", v);
	return buf;
}

/* "up from 0.12 to 0.15", "down ...", "unchanged at ...", "undefined
 * before, 3 after" ... */
static void movement(double b, double a, char *buf, size_t n)
{
	char x[40], y[40], z[40];

	if (isnan(b) && isnan(a))
		snprintf(buf, n, "undefined before and after");
	else if (isnan(b))
		snprintf(buf, n, "undefined before, %s after", num(a, y, sizeof(y), 0));
	else if (isnan(a))
		snprintf(buf, n, "%s before, undefined after", num(b, x, sizeof(x), 0));
	else if (same(a, b))
		snprintf(buf, n, "unchanged at %s", num(a, y, sizeof(y), 0));
	else
		snprintf(buf, n, "%s from %s to %s (%s)", a > b ? "up" : "down", num(b, x, sizeof(x), 0),
			 num(a, y, sizeof(y), 0), num(a - b, z, sizeof(z), 1));
}

/* ---------------------------------------------------------------- */
/* orgs matched by id                                                 */

static const struct cm_landscape *sort_l;

static int id_cmp(const void *x, const void *y)
{
	return strcmp(cm_landscape_org_id(sort_l, *(const size_t *)x), cm_landscape_org_id(sort_l, *(const size_t *)y));
}

/* Indices of l's orgs sorted by id; NULL when out of memory. */
static size_t *sorted_ids(const struct cm_landscape *l)
{
	size_t *v = malloc((l->norgs + 1) * sizeof(*v)), i;

	if (!v)
		return NULL;
	for (i = 0; i < l->norgs; i++)
		v[i] = i;
	sort_l = l;
	qsort(v, l->norgs, sizeof(*v), id_cmp);
	return v;
}

/* Index of the org with this id in l, or -1.  O(log n). */
static long find_id(const struct cm_landscape *l, const size_t *sorted, const char *id)
{
	size_t lo = 0, hi = l->norgs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(cm_landscape_org_id(l, sorted[mid]), id);
		if (c == 0)
			return (long)sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ---------------------------------------------------------------- */
/* ties by identity: endpoints' ids (in id order when mutual), type,    */
/* direction; ties sharing one merged                                 */

struct tkey {
	const char *s, *d, *type; /* borrowed from the landscape */
	int directed;
	uint32_t si, di;          /* org indices of s and d */
	double weight;            /* summed */
	double trust;             /* mean of the non-empty, NaN when none */
	size_t ntrust;
	double amount;            /* summed over the non-empty, NaN when none */
	size_t n;                 /* rows merged */
};

static int tkey_cmp(const void *x, const void *y)
{
	const struct tkey *p = x, *q = y;
	int c;

	if ((c = strcmp(p->s, q->s)) || (c = strcmp(p->d, q->d)) || (c = strcmp(p->type, q->type)))
		return c;
	return p->directed - q->directed;
}

/* The kept ties of l, sorted by key and merged.  Caller frees *out. */
static int tie_keys(const struct cm_landscape *l, const struct cm_filter *f, struct tkey **out, size_t *n)
{
	struct tkey *v = malloc((l->nties + 1) * sizeof(*v));
	size_t i, k = 0, w = 0;

	*out = NULL;
	*n = 0;
	if (!v)
		return CM_ENOMEM;
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		const char *a = cm_landscape_org_id(l, t->src), *b = cm_landscape_org_id(l, t->dst);
		struct tkey *e;
		int swap;
		if (!cm_filter_keeps(l, f, t))
			continue;
		swap = !t->directed && strcmp(a, b) > 0;
		e = &v[k++];
		e->s = swap ? b : a;
		e->d = swap ? a : b;
		e->si = swap ? t->dst : t->src;
		e->di = swap ? t->src : t->dst;
		e->type = l->tie_types[t->type];
		e->directed = t->directed != 0;
		e->weight = t->weight;
		e->trust = isnan(t->trust) ? 0 : t->trust;
		e->ntrust = !isnan(t->trust);
		e->amount = t->amount;
		e->n = 1;
	}
	qsort(v, k, sizeof(*v), tkey_cmp);
	for (i = 0; i < k; i++) {
		if (w && !tkey_cmp(&v[w - 1], &v[i])) {
			struct tkey *p = &v[w - 1];
			p->weight += v[i].weight;
			p->trust += v[i].trust;
			p->ntrust += v[i].ntrust;
			if (!isnan(v[i].amount))
				p->amount = isnan(p->amount) ? v[i].amount : p->amount + v[i].amount;
			p->n++;
		} else
			v[w++] = v[i];
	}
	for (i = 0; i < w; i++)
		v[i].trust = v[i].ntrust ? v[i].trust / (double)v[i].ntrust : NAN;
	*out = v;
	*n = w;
	return CM_OK;
}

static void tie_subject(const struct tkey *t, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s %s (%s)", t->s, t->directed ? "->" : "--", t->d, t->type);
}

/* ---------------------------------------------------------------- */
/* the comparison                                                     */

struct side {
	struct cm_analysis *a;
	const struct cm_landscape *l;
	const struct cm_filter *f;
	struct cm_table m;     /* per-org metrics */
	struct cm_table power; /* the power report */
	size_t *sorted;
	struct tkey *ties;
	size_t nties;
	long *other;           /* org -> the same org on the other side, or -1 */
	size_t *iattr;         /* the stance columns (cm_stake_issues) */
	signed char *iss;      /* iss[i * niss + k]: org i's sign on issue k */
	size_t niss;
	long *imatch;          /* issue k -> the same stance:ISSUE column on the other side, or -1 */
	double communities, modularity, active;
};

struct ctx {
	struct side s[2];
	const struct cm_diff_opts *o;
	int same_landscape;
	double mean_change;    /* mean Jaccard distance of community co-members */
	struct cm_findings out;
	struct cm_error *err;
};

static double cell(const struct cm_table *t, int col, size_t row)
{
	const struct cm_column *c;

	if (col < 0)
		return NAN;
	c = &t->cols[col];
	return c->null[row] ? NAN : c->kind == CM_INT ? (double)c->ints[row] : c->kind == CM_REAL ? c->reals[row] : NAN;
}

/* Communities, the modularity of the metrics' partition (weighted, as
 * the Louvain method that found it) and orgs with a partner. */
static int community_figures(struct side *s, struct cm_error *err)
{
	const struct cm_graphs *g = &s->a->g;
	igraph_vector_int_t memb;
	igraph_real_t q = NAN;
	int comm = cm_table_col(&s->m, CM_M_COMMUNITY), deg = cm_table_col(&s->m, CM_M_DEGREE), rc;
	size_t i, n = s->l->norgs;
	double k = 0;

	s->active = 0;
	for (i = 0; i < n; i++) {
		double c = cell(&s->m, comm, i);
		if (c > k)
			k = c;
		if (cell(&s->m, deg, i) > 0)
			s->active++;
	}
	s->communities = (double)k;
	s->modularity = NAN;
	if (n == 0)
		return CM_OK;
	if ((rc = cm_analysis_graphs(s->a, err)) < 0)
		return rc;
	if (igraph_vector_int_init(&memb, (igraph_integer_t)n))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++)
		VECTOR(memb)[i] = (igraph_integer_t)cell(&s->m, comm, i) - 1;
	rc = CM_OK;
	if (igraph_ecount(&g->collab) > 0) {
		igraph_error_t e = igraph_modularity(&g->collab, &memb, &g->collab_w, 1.0, IGRAPH_UNDIRECTED, &q);
		if (e)
			rc = cm_ig_fail(e, err, "modularity");
		else
			s->modularity = q;
	}
	igraph_vector_int_destroy(&memb);
	return rc;
}

static const char *org_name(const struct side *s, size_t i)
{
	return cm_landscape_org_name(s->l, i);
}

static void summary(struct ctx *x, const size_t *gained, const size_t *lost, const size_t *changed)
{
	struct side *b = &x->s[0], *a = &x->s[1];
	double nb = (double)b->l->norgs, na = (double)a->l->norgs;
	char mv[160];

	movement(nb, na, mv, sizeof(mv));
	add(&x->out, "summary", "", "organizations", nb, na, na - nb, "organizations: %s", mv);
	movement(b->active, a->active, mv, sizeof(mv));
	add(&x->out, "summary", "", "organizations_with_ties", b->active, a->active, a->active - b->active,
	    "organizations with at least one partner: %s", mv);
	add(&x->out, "summary", "", "organizations_gained", NAN, NAN, (double)gained[0],
	    "%zu organization%s joined", gained[0], gained[0] == 1 ? "" : "s");
	add(&x->out, "summary", "", "organizations_lost", NAN, NAN, (double)lost[0],
	    "%zu organization%s left", lost[0], lost[0] == 1 ? "" : "s");
	if (!x->same_landscape)
		add(&x->out, "summary", "", "organizations_changed", NAN, NAN, (double)changed[0],
		    "%zu organization%s kept with changed details", changed[0], changed[0] == 1 ? "" : "s");
	movement((double)b->nties, (double)a->nties, mv, sizeof(mv));
	add(&x->out, "summary", "", "ties", (double)b->nties, (double)a->nties, (double)a->nties - (double)b->nties,
	    "ties (same ends, type and direction count once): %s", mv);
	add(&x->out, "summary", "", "ties_gained", NAN, NAN, (double)gained[1], "%zu new tie%s", gained[1],
	    gained[1] == 1 ? "" : "s");
	add(&x->out, "summary", "", "ties_lost", NAN, NAN, (double)lost[1], "%zu tie%s ended", lost[1],
	    lost[1] == 1 ? "" : "s");
	add(&x->out, "summary", "", "ties_changed", NAN, NAN, (double)changed[1],
	    "%zu tie%s kept with a changed weight, trust or amount", changed[1], changed[1] == 1 ? "" : "s");
}

/* --top N (0 = all): the entries each list shows. */
static size_t top_of(const struct ctx *x)
{
	return x->o ? x->o->top : 10;
}

/* Whether the list's next entry is shown, counting it in *count. */
static int listed(const struct ctx *x, size_t *count)
{
	size_t top = top_of(x);

	++*count;
	return top == 0 || *count <= top;
}

/* Closes a list that --top cut with a row saying how many it left out. */
static void more_row(struct ctx *x, const char *section, size_t count, const char *what)
{
	size_t top = top_of(x);

	if (top && count > top)
		add(&x->out, section, "", "more", NAN, NAN, (double)(count - top),
		    "\xE2\x80\xA6 and %zu more %s (--top 0 lists all)", count - top, what);
}

/* Orgs only on one side (pass 0: gained, in the after file's order;
 * 1: lost, in the before file's order). */
static void org_ends(struct ctx *x, int pass, size_t *count)
{
	struct side *s = &x->s[pass == 0 ? 1 : 0];
	int deg = cm_table_col(&s->m, CM_M_DEGREE);
	const char *type;
	size_t i;

	for (i = 0; i < s->l->norgs; i++) {
		double d;
		if (s->other[i] >= 0 || !listed(x, count))
			continue;
		d = cell(&s->m, deg, i);
		type = *cm_landscape_org_type(s->l, i) ? cm_landscape_org_type(s->l, i) : "no type";
		if (pass == 0)
			add(&x->out, "orgs_gained", cm_landscape_org_id(s->l, i), "organization", NAN, d, NAN,
			    "%s (%s) joined with %.0f partner%s", org_name(s, i), type, d, d == 1 ? "" : "s");
		else
			add(&x->out, "orgs_lost", cm_landscape_org_id(s->l, i), "organization", d, NAN, NAN,
			    "%s (%s) left; it had %.0f partner%s", org_name(s, i), type, d, d == 1 ? "" : "s");
	}
	more_row(x, pass == 0 ? "orgs_gained" : "orgs_lost", *count,
		 pass == 0 ? "organizations that joined" : "organizations that left");
}

static const char *const detail_names[] = { "name", "type", "country", "region", "issues", "skills" };

/* The details of kept org i (before side) that changed: bit k for
 * detail_names[k], then bits 6, 7, 8 for budget, influence and stance. */
static unsigned org_changes(const struct ctx *x, size_t i, const char **vb, const char **va)
{
	const struct side *b = &x->s[0], *a = &x->s[1];
	const struct cm_org *ob = &b->l->orgs[i], *oa = &a->l->orgs[b->other[i]];
	const size_t offb[6] = { ob->name, ob->type, ob->country, ob->region, ob->issues, ob->skills };
	const size_t offa[6] = { oa->name, oa->type, oa->country, oa->region, oa->issues, oa->skills };
	unsigned mask = 0, k;

	for (k = 0; k < 6; k++) {
		vb[k] = cm_strpool_get(&b->l->pool, offb[k]);
		va[k] = cm_strpool_get(&a->l->pool, offa[k]);
		mask |= (unsigned)(strcmp(vb[k], va[k]) != 0) << k;
	}
	mask |= (unsigned)!same(ob->budget, oa->budget) << 6;
	mask |= (unsigned)!same(ob->influence, oa->influence) << 7;
	mask |= (unsigned)(ob->stance != oa->stance) << 8;
	return mask;
}

/* Matches the stance:ISSUE columns of the two sides by name (without
 * case); the stance column is the "stance" detail, matched by none. */
static int match_issues(struct ctx *x, struct cm_error *err)
{
	size_t k, j, p;
	int rc;

	for (p = 0; p < 2; p++)
		if ((rc = cm_stake_issues(x->s[p].l, &x->s[p].iattr, &x->s[p].iss, &x->s[p].niss, err)) < 0)
			return rc;
	for (p = 0; p < 2; p++) {
		struct side *s = &x->s[p], *t = &x->s[1 - p];
		if (!(s->imatch = malloc((s->niss + 1) * sizeof(*s->imatch))))
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		for (k = 0; k < s->niss; k++) {
			const char *nm = cm_attr_name(s->l, s->iattr[k]);
			s->imatch[k] = -1;
			for (j = 0; j < t->niss && strncasecmp(nm, "stance:", 7) == 0; j++)
				if (!strcasecmp(nm, cm_attr_name(t->l, t->iattr[j])))
					s->imatch[k] = (long)j;
		}
	}
	return CM_OK;
}

/* The stance:ISSUE columns on which kept org i (before side) changed
 * stance, a column on one side only being unknown on the other; with emit,
 * one row each ("stance:climate": support became oppose). */
static size_t issue_changes(struct ctx *x, size_t i, int emit)
{
	static const char *const word[] = { "neutral", "support", "(none)", "oppose" }; /* sign & 3 */
	const struct side *b = &x->s[0], *a = &x->s[1];
	size_t j = (size_t)b->other[i], k, changed = 0, p;

	for (p = 0; p < 2; p++) {
		const struct side *s = &x->s[p], *t = &x->s[1 - p];
		size_t own = p == 0 ? i : j, theirs = p == 0 ? j : i;
		for (k = 0; k < s->niss; k++) {
			const char *nm = cm_attr_name(s->l, s->iattr[k]);
			signed char vs, vt;
			if (strncasecmp(nm, "stance:", 7) || (p == 1 && s->imatch[k] >= 0))
				continue; /* the stance column; a pair already seen */
			vs = s->iss[own * s->niss + k];
			vt = s->imatch[k] >= 0 ? t->iss[theirs * t->niss + (size_t)s->imatch[k]] : STAKE_UNKNOWN;
			if (vs == vt)
				continue;
			changed++;
			if (emit)
				add(&x->out, "orgs_changed", cm_landscape_org_id(b->l, i), nm, NAN, NAN, NAN,
				    "%s: stance on %s %s became %s", org_name(a, j), nm + 7,
				    word[(p == 0 ? vs : vt) & 3], word[(p == 0 ? vt : vs) & 3]);
		}
	}
	return changed;
}

/* Kept orgs whose details changed, in the before file's order: one row
 * per detail, --top orgs at most. */
static void org_details(struct ctx *x, size_t *count)
{
	static const char *const st[] = { "(none)", "support", "neutral", "oppose" };
	struct side *b = &x->s[0], *a = &x->s[1];
	size_t i;

	for (i = 0; i < b->l->norgs && !x->same_landscape; i++) {
		const char *id = cm_landscape_org_id(b->l, i), *vb[6], *va[6], *name;
		const struct cm_org *ob = &b->l->orgs[i], *oa;
		unsigned mask, k;
		if (b->other[i] < 0 || !((mask = org_changes(x, i, vb, va)) | issue_changes(x, i, 0)) ||
		    !listed(x, count))
			continue;
		oa = &a->l->orgs[b->other[i]];
		name = org_name(a, (size_t)b->other[i]);
		for (k = 0; k < 6; k++)
			if (mask & 1u << k)
				add(&x->out, "orgs_changed", id, detail_names[k], NAN, NAN, NAN, "%s: %s '%s' became '%s'",
				    name, detail_names[k], vb[k], va[k]);
		if (mask & 1u << 6)
			add(&x->out, "orgs_changed", id, "budget", ob->budget, oa->budget, oa->budget - ob->budget,
			    "%s: budget %.6g became %.6g", name, ob->budget, oa->budget);
		if (mask & 1u << 7)
			add(&x->out, "orgs_changed", id, "influence", ob->influence, oa->influence,
			    oa->influence - ob->influence, "%s: influence %.6g became %.6g", name, ob->influence,
			    oa->influence);
		if (mask & 1u << 8)
			add(&x->out, "orgs_changed", id, "stance", NAN, NAN, NAN, "%s: stance %s became %s", name,
			    st[ob->stance & 3], st[oa->stance & 3]);
		issue_changes(x, i, 1);
	}
	more_row(x, "orgs_changed", *count, "organizations with changed details");
}

/* Whether a kept tie's weight, trust or amount changed. */
static int tie_changed(const struct tkey *tb, const struct tkey *ta)
{
	return !same(tb->weight, ta->weight) || !same(tb->trust, ta->trust) || !same(tb->amount, ta->amount);
}

/* A kept tie's rows: one for each of weight, trust and amount that changed. */
static void tie_change_rows(struct ctx *x, const struct tkey *tb, const struct tkey *ta)
{
	char subj[1024];

	tie_subject(ta, subj, sizeof(subj));
	if (!same(tb->weight, ta->weight))
		add(&x->out, "ties_changed", subj, "weight", tb->weight, ta->weight, ta->weight - tb->weight,
		    "weight %.4g became %.4g", tb->weight, ta->weight);
	if (!same(tb->trust, ta->trust))
		add(&x->out, "ties_changed", subj, "trust", tb->trust, ta->trust, ta->trust - tb->trust,
		    "trust %.4g became %.4g", tb->trust, ta->trust);
	if (!same(tb->amount, ta->amount))
		add(&x->out, "ties_changed", subj, "amount", tb->amount, ta->amount, ta->amount - tb->amount,
		    "amount %.6g became %.6g", tb->amount, ta->amount);
}

/* Ties gained, lost and changed (pass 0, 1, 2), in key order, --top
 * ties at most. */
static void tie_rows(struct ctx *x, int pass, size_t *count)
{
	static const char *const section[] = { "ties_gained", "ties_lost", "ties_changed" };
	static const char *const what[] = { "gained ties", "lost ties", "ties with a changed weight, trust or amount" };
	struct side *b = &x->s[0], *a = &x->s[1];
	size_t i = 0, j = 0;
	char subj[1024];

	while (i < b->nties || j < a->nties) {
		int c = i == b->nties ? 1 : j == a->nties ? -1 : tkey_cmp(&b->ties[i], &a->ties[j]);
		if (c > 0) { /* only after: gained */
			const struct tkey *t = &a->ties[j++];
			if (pass != 0 || !listed(x, count))
				continue;
			tie_subject(t, subj, sizeof(subj));
			add(&x->out, "ties_gained", subj, "tie", NAN, t->weight, NAN, "new %s tie: %s %s %s (weight %.4g)",
			    t->type, org_name(a, t->si), t->directed ? "->" : "and", org_name(a, t->di), t->weight);
		} else if (c < 0) { /* only before: lost */
			const struct tkey *t = &b->ties[i++];
			if (pass != 1 || !listed(x, count))
				continue;
			tie_subject(t, subj, sizeof(subj));
			add(&x->out, "ties_lost", subj, "tie", t->weight, NAN, NAN, "%s tie ended: %s %s %s (weight %.4g)",
			    t->type, org_name(b, t->si), t->directed ? "->" : "and", org_name(b, t->di), t->weight);
		} else {
			const struct tkey *tb = &b->ties[i++], *ta = &a->ties[j++];
			if (pass == 2 && tie_changed(tb, ta) && listed(x, count))
				tie_change_rows(x, tb, ta);
		}
	}
	more_row(x, section[pass], *count, what[pass]);
}

/* ---- position: the orgs on both sides whose figures moved most */

struct moved {
	size_t i;      /* org on the before side */
	double b, a, change, key;
};

static int moved_cmp(const void *x, const void *y)
{
	const struct moved *p = x, *q = y;

	if (p->key != q->key)
		return p->key > q->key ? -1 : 1;
	return (p->i > q->i) - (p->i < q->i);
}

static uint64_t pair_key(double ca, double cb)
{
	return ((uint64_t)(uint32_t)ca << 32) | (uint32_t)cb;
}

static int u64_cmp(const void *x, const void *y)
{
	uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;

	return (p > q) - (p < q);
}

/* Number of entries of sorted v[0..n) equal to k. */
static size_t count_of(const uint64_t *v, size_t n, uint64_t k)
{
	size_t lo = 0, hi = n, first;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] <= k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - first;
}

static int position_rows(struct ctx *x)
{
	static const enum cm_metric ms[] = { CM_M_DEGREE, CM_M_BETWEENNESS_NORM, CM_M_PAGERANK, CM_M_CP_CORENESS };
	struct side *b = &x->s[0], *a = &x->s[1];
	size_t n = b->l->norgs, nc = 0, i, k, top = top_of(x);
	struct moved *mv = malloc((n + 1) * sizeof(*mv));
	uint64_t *pairs = malloc((n + 1) * sizeof(*pairs));
	double *size_b = NULL, *size_a = NULL, sum = 0;
	size_t nlabels_b = b->l->norgs + 2, nlabels_a = a->l->norgs + 2;
	int cb = cm_table_col(&b->m, CM_M_COMMUNITY), ca = cm_table_col(&a->m, CM_M_COMMUNITY);
	char mvbuf[160];

	size_b = calloc(nlabels_b, sizeof(*size_b));
	size_a = calloc(nlabels_a, sizeof(*size_a));
	if (!mv || !pairs || !size_b || !size_a) {
		free(mv);
		free(pairs);
		free(size_b);
		free(size_a);
		return CM_ENOMEM;
	}
	for (k = 0; k < sizeof(ms) / sizeof(*ms); k++) {
		int colb = cm_table_col(&b->m, ms[k]), cola = cm_table_col(&a->m, ms[k]);
		nc = 0;
		for (i = 0; i < n; i++) {
			double vb, va;
			if (b->other[i] < 0)
				continue;
			vb = cell(&b->m, colb, i);
			va = cell(&a->m, cola, (size_t)b->other[i]);
			if (same(vb, va))
				continue;
			mv[nc++] = (struct moved){ i, vb, va, va - vb, fabs(va - vb) };
		}
		qsort(mv, nc, sizeof(*mv), moved_cmp);
		for (i = 0; i < nc && (top == 0 || i < top); i++) {
			movement(mv[i].b, mv[i].a, mvbuf, sizeof(mvbuf));
			add(&x->out, "position", cm_landscape_org_id(b->l, mv[i].i), cm_metric_info(ms[k])->name, mv[i].b, mv[i].a,
			    mv[i].change, "%s: %s %s", org_name(a, (size_t)b->other[mv[i].i]), cm_metric_info(ms[k])->label, mvbuf);
		}
	}

	/* community: Jaccard distance between the org's co-members before and
	 * after, both counted among the orgs on both sides */
	nc = 0;
	for (i = 0; i < n; i++) {
		double lb, la;
		if (b->other[i] < 0)
			continue;
		lb = cell(&b->m, cb, i);
		la = cell(&a->m, ca, (size_t)b->other[i]);
		size_b[(size_t)lb]++;
		size_a[(size_t)la]++;
		pairs[nc++] = pair_key(lb, la);
	}
	qsort(pairs, nc, sizeof(*pairs), u64_cmp);
	{
		size_t common = nc, kept = 0;
		nc = 0;
		for (i = 0; i < n; i++) {
			double lb, la, both, before, after, uni, jd;
			if (b->other[i] < 0)
				continue;
			lb = cell(&b->m, cb, i);
			la = cell(&a->m, ca, (size_t)b->other[i]);
			both = (double)count_of(pairs, common, pair_key(lb, la)) - 1;
			before = size_b[(size_t)lb] - 1;
			after = size_a[(size_t)la] - 1;
			uni = before + after - both;
			jd = uni > 0 ? 1.0 - both / uni : 0;
			sum += jd;
			kept++;
			if (jd > 0)
				mv[nc++] = (struct moved){ i, before, after, jd, jd };
		}
		x->mean_change = kept ? sum / (double)kept : NAN;
	}
	qsort(mv, nc, sizeof(*mv), moved_cmp);
	for (i = 0; i < nc && (top == 0 || i < top); i++) {
		double before = mv[i].b, after = mv[i].a, jd = mv[i].change;
		add(&x->out, "position", cm_landscape_org_id(b->l, mv[i].i), "community", before, after, jd,
		    "%s: %.0f %% of its community co-members changed (%.0f before, %.0f after)",
		    org_name(a, (size_t)b->other[mv[i].i]), 100.0 * jd, before, after);
	}
	free(mv);
	free(pairs);
	free(size_b);
	free(size_a);
	return x->out.nomem ? CM_ENOMEM : CM_OK;
}

/* ---- network-level measures: the power report's figures */

/* Rows of a power report ordered by (section, subject, measure, row), so
 * that the after side's figure for a key is found in O(log R) even with
 * thousands of groups. */
static const struct cm_table *keyed_rows;

static int key_cmp3(const struct cm_table *p, size_t r, const char *sec, const char *subj, const char *meas)
{
	int c;

	if ((c = strcmp(cm_table_text(p, 0, r), sec)) || (c = strcmp(cm_table_text(p, 1, r), subj)))
		return c;
	return strcmp(cm_table_text(p, 2, r), meas);
}

static int row_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	int c = key_cmp3(keyed_rows, a, cm_table_text(keyed_rows, 0, b), cm_table_text(keyed_rows, 1, b),
			 cm_table_text(keyed_rows, 2, b));

	return c ? c : (a > b) - (a < b);
}

/* The first row of p not yet used with this key, or -1 (order: sorted rows). */
static long find_row(const struct cm_table *p, const size_t *order, const char *sec, const char *subj,
		     const char *meas, const unsigned char *used)
{
	size_t lo = 0, hi = p->nrows;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (key_cmp3(p, order[mid], sec, subj, meas) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < p->nrows && !key_cmp3(p, order[lo], sec, subj, meas); lo++)
		if (!used[order[lo]])
			return (long)order[lo];
	return -1;
}

static void network_row(struct ctx *x, const char *sec, const char *subj, const char *meas, double vb, double va)
{
	char mv[160];

	movement(vb, va, mv, sizeof(mv));
	add(&x->out, sec, subj, meas, vb, va, isnan(vb) || isnan(va) ? NAN : va - vb, "%s%s%s: %s", subj,
	    *subj ? " " : "", meas, mv);
}

static int network_rows(struct ctx *x)
{
	const struct cm_table *pb = &x->s[0].power, *pa = &x->s[1].power;
	unsigned char *used = calloc(pa->nrows + 1, 1);
	size_t *order = malloc((pa->nrows + 1) * sizeof(*order));
	int groups = x->o && x->o->group_by;
	size_t r;
	int communities_done = 0;

	if (!used || !order) {
		free(used);
		free(order);
		return CM_ENOMEM;
	}
	for (r = 0; r < pa->nrows; r++)
		order[r] = r;
	keyed_rows = pa;
	qsort(order, pa->nrows, sizeof(*order), row_cmp);
	for (r = 0; r < pb->nrows; r++) {
		const char *sec = cm_table_text(pb, 0, r), *subj = cm_table_text(pb, 1, r), *meas = cm_table_text(pb, 2, r);
		long q;
		if (!cm_power_figure_row(pb, r, groups))
			continue;
		if (!communities_done && strcmp(sec, "network")) {
			network_row(x, "communities", "", "communities", x->s[0].communities, x->s[1].communities);
			network_row(x, "communities", "", "modularity", x->s[0].modularity, x->s[1].modularity);
			if (isnan(x->mean_change))
				add(&x->out, "communities", "", "mean_community_change", NAN, NAN, NAN,
				    "undefined: no organization on both sides");
			else
				add(&x->out, "communities", "", "mean_community_change", NAN, NAN, x->mean_change,
				    "on average %.0f %% of an organization's community co-members changed",
				    100.0 * x->mean_change);
			communities_done = 1;
		}
		q = find_row(pa, order, sec, subj, meas, used);
		if (q >= 0)
			used[q] = 1;
		network_row(x, sec, subj, meas, cell(pb, 3, r), q >= 0 ? cell(pa, 3, (size_t)q) : NAN);
	}
	/* figures only after (a group that appeared, an estimate note) */
	for (r = 0; r < pa->nrows; r++)
		if (!used[r] && cm_power_figure_row(pa, r, groups))
			network_row(x, cm_table_text(pa, 0, r), cm_table_text(pa, 1, r), cm_table_text(pa, 2, r), NAN, cell(pa, 3, r));
	free(used);
	free(order);
	return x->out.nomem ? CM_ENOMEM : CM_OK;
}

int cm_diff(struct cm_analysis *before, struct cm_analysis *after, const struct cm_diff_opts *o,
	    struct cm_table *out, struct cm_error *err)
{
	struct ctx x;
	struct cm_power_opts po = { .key_players = 0 }; /* no permutation tests: diff compares values */
	size_t gained[2] = { 0, 0 }, lost[2] = { 0, 0 }, changed[2] = { 0, 0 }, i, k;
	struct cm_table body;
	int rc, body_init = 0;

	memset(&x, 0, sizeof(x));
	x.o = o;
	x.err = err;
	x.same_landscape = before->l == after->l;
	x.s[0].a = before;
	x.s[0].l = before->l;
	x.s[0].f = &before->f;
	x.s[1].a = after;
	x.s[1].l = after->l;
	x.s[1].f = &after->f;
	po.group_by = o ? o->group_by : NULL;
	for (k = 0; k < 2; k++) {
		cm_table_init(&x.s[k].m, 0);
		cm_table_init(&x.s[k].power, 0);
	}
	for (k = 0; k < 2; k++) {
		struct side *s = &x.s[k];
		if ((rc = cm_power(s->a, &po, &s->power, err)) < 0 || (rc = cm_metrics(s->a, &s->m, err)) < 0 ||
		    (rc = community_figures(s, err)) < 0)
			goto out;
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		if (!(s->sorted = sorted_ids(s->l)) || !(s->other = malloc((s->l->norgs + 1) * sizeof(*s->other))) ||
		    tie_keys(s->l, s->f, &s->ties, &s->nties) < 0)
			goto out;
	}
	for (k = 0; k < 2; k++) {
		struct side *s = &x.s[k], *t = &x.s[1 - k];
		for (i = 0; i < s->l->norgs; i++)
			s->other[i] = find_id(t->l, t->sorted, cm_landscape_org_id(s->l, i));
	}

	if (!x.same_landscape && (rc = match_issues(&x, err)) < 0)
		goto out;

	/* the details first (to count them), then the summary above them */
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	cm_table_init(&body, 0);
	body_init = 1;
	if (out_init(&x.out, &body) < 0)
		goto out;
	org_ends(&x, 0, &gained[0]);
	org_ends(&x, 1, &lost[0]);
	org_details(&x, &changed[0]);
	tie_rows(&x, 0, &gained[1]);
	tie_rows(&x, 1, &lost[1]);
	tie_rows(&x, 2, &changed[1]);
	if (position_rows(&x) < 0 || network_rows(&x) < 0 || x.out.nomem)
		goto out;
	if (out_init(&x.out, out) < 0)
		goto out;
	summary(&x, gained, lost, changed);
	for (i = 0; i < body.nrows && !x.out.nomem; i++) {
		long row = cm_table_add_row(out);
		if (row < 0)
			goto out;
		for (k = 0; k < D_NCOLS; k++) {
			const struct cm_column *c = &body.cols[k];
			if (c->kind == CM_TEXT) {
				if (cm_table_set_text(out, k, (size_t)row, c->null[i] ? "" : c->text[i]) < 0)
					goto out;
			} else
				cm_table_set_real(out, k, (size_t)row, c->null[i] ? NAN : c->reals[i]);
		}
	}
	if (x.out.nomem)
		goto out;
	cm_error_clear(err);
	rc = CM_OK;
out:
	if (body_init)
		cm_table_release(&body);
	for (k = 0; k < 2; k++) {
		cm_table_release(&x.s[k].m);
		cm_table_release(&x.s[k].power);
		free(x.s[k].sorted);
		free(x.s[k].ties);
		free(x.s[k].other);
		free(x.s[k].iattr);
		free(x.s[k].iss);
		free(x.s[k].imatch);
	}
	return rc;
}
