/* trend.c - waves over time: the power report's network-level figures in
 * each of several waves (landscapes, or one landscape on several days),
 * and the orgs whose rank rose or fell most from the first wave to the
 * last.  docs/trend.md defines each row. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

int cm_power_figure_row(const struct cm_table *p, size_t r, int groups)
{
	const char *sec = cm_table_text(p, 0, r), *subj = cm_table_text(p, 1, r);

	if (!strcmp(sec, "groups") || !strcmp(sec, "access"))
		return groups;
	if (!strcmp(sec, "core_periphery")) /* the fits, the core's size and densities; not the list's rest */
		return !*subj && strcmp(cm_table_text(p, 2, r), "core_members_not_listed");
	if (strcmp(sec, "network") && strcmp(sec, "centralization") && strcmp(sec, "inequality") &&
	    strcmp(sec, "money_and_position") && strcmp(sec, "funding"))
		return 0;
	return !*subj;
}

/* ---- the output table: section, subject, measure, one column per wave, change, reading */

static int out_init(struct cm_findings *o, struct cm_table *t, const char *const *names, size_t n)
{
	const char **cols = malloc((n + 1) * sizeof(*cols));
	int rc;

	if (!cols)
		return CM_ENOMEM;
	memcpy(cols, names, n * sizeof(*cols));
	cols[n] = "change";
	rc = cm_findings_init_values(o, t, cols, n + 1);
	free(cols);
	return rc;
}

/* Adds one row: v[0..n) per wave (NULL: all empty) and the change, last
 * minus first.  After a failure, nothing. */
static void add(struct cm_findings *o, const char *section, const char *subject, const char *measure,
		const double *v, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void add(struct cm_findings *o, const char *section, const char *subject, const char *measure,
		const double *v, const char *fmt, ...)
{
	size_t n = o->nvalues - 1, i;
	double *all = v ? malloc((n + 1) * sizeof(*all)) : NULL;
	va_list ap;

	if (v && !all) {
		o->nomem = 1;
		return;
	}
	for (i = 0; v && i < n; i++)
		all[i] = v[i];
	if (v)
		all[n] = v[n - 1] - v[0];
	va_start(ap, fmt);
	cm_findings_vadd(o, section, subject, measure, all, fmt, ap);
	va_end(ap);
	free(all);
}

/* A number for a reading: whole numbers whole, others to 4 digits. */
static const char *num(double v, char *buf, size_t n)
{
	if (fabs(v) < 1e15 && v == floor(v))
		snprintf(buf, n, "%.0f", v);
	else
		snprintf(buf, n, "%.4g", v);
	return buf;
}

/* "up from 0.031 (W1) to 0.052 (W4), highest 0.055 (W3)", "unchanged at
 * 3", "undefined in every wave" ... */
static void course(const double *v, const char *const *names, size_t n, char *buf, size_t len)
{
	size_t i, hi = n, lo = n, def = 0;
	char x[40], y[40], z[40];

	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		def++;
		if (hi == n || v[i] > v[hi])
			hi = i;
		if (lo == n || v[i] < v[lo])
			lo = i;
	}
	if (!def) {
		snprintf(buf, len, "undefined in every wave");
		return;
	}
	if (cm_same_value(v[hi], v[lo])) {
		snprintf(buf, len, "%s at %s%s", def == n ? "unchanged" : "the same where defined", num(v[hi], x, sizeof(x)),
			 def == n ? "" : " (undefined in some waves)");
		return;
	}
	if (isnan(v[0]) || isnan(v[n - 1]))
		snprintf(buf, len, "%s in %s, %s in %s", isnan(v[0]) ? "undefined" : num(v[0], x, sizeof(x)), names[0],
			 isnan(v[n - 1]) ? "undefined" : num(v[n - 1], y, sizeof(y)), names[n - 1]);
	else
		snprintf(buf, len, "%s from %s (%s) to %s (%s)",
			 cm_same_value(v[0], v[n - 1]) ? "back" : v[n - 1] > v[0] ? "up" : "down", num(v[0], x, sizeof(x)),
			 names[0], num(v[n - 1], y, sizeof(y)), names[n - 1]);
	if (hi != 0 && hi != n - 1)
		snprintf(buf + strlen(buf), len - strlen(buf), ", highest %s (%s)", num(v[hi], z, sizeof(z)), names[hi]);
	if (lo != 0 && lo != n - 1)
		snprintf(buf + strlen(buf), len - strlen(buf), ", lowest %s (%s)", num(v[lo], z, sizeof(z)), names[lo]);
}

/* ---- the figures: the power reports' rows matched by key across waves */

struct rec {
	const struct cm_table *t;
	size_t wave, row, occ; /* occ: earlier rows of this wave with the same key */
};

static int key_cmp(const struct rec *p, const struct rec *q)
{
	int c, k;

	for (k = 0; k < 3; k++)
		if ((c = strcmp(cm_table_text(p->t, (size_t)k, p->row), cm_table_text(q->t, (size_t)k, q->row))))
			return c;
	return 0;
}

static int by_key_wave(const void *x, const void *y)
{
	const struct rec *p = x, *q = y;
	int c = key_cmp(p, q);

	if (c)
		return c;
	if (p->wave != q->wave)
		return p->wave < q->wave ? -1 : 1;
	return (p->row > q->row) - (p->row < q->row);
}

static int by_key_occ(const void *x, const void *y)
{
	const struct rec *p = x, *q = y;
	int c = key_cmp(p, q);

	if (c)
		return c;
	if (p->occ != q->occ)
		return p->occ < q->occ ? -1 : 1;
	return (p->wave > q->wave) - (p->wave < q->wave);
}

/* One output row: recs [first, first + count), placed where it first appears. */
struct fig {
	size_t first, count, wave, row;
};

static int by_place(const void *x, const void *y)
{
	const struct fig *p = x, *q = y;

	if (p->wave != q->wave)
		return p->wave < q->wave ? -1 : 1;
	return (p->row > q->row) - (p->row < q->row);
}

/* Every figure row of the power reports, in the order they first appear. */
static int figure_rows(struct cm_findings *o, const struct cm_table *pw, const char *const *names, size_t n, int groups)
{
	struct rec *r = NULL;
	struct fig *f = NULL;
	double *v = malloc((n + 1) * sizeof(*v));
	size_t total = 0, nr = 0, nf = 0, w, i, j;
	char reading[400];
	int rc = CM_ENOMEM;

	for (w = 0; w < n; w++)
		total += pw[w].nrows;
	if (!v || !(r = malloc((total + 1) * sizeof(*r))) || !(f = malloc((total + 1) * sizeof(*f))))
		goto out;
	for (w = 0; w < n; w++)
		for (i = 0; i < pw[w].nrows; i++)
			if (cm_power_figure_row(&pw[w], i, groups))
				r[nr++] = (struct rec){ &pw[w], w, i, 0 };
	qsort(r, nr, sizeof(*r), by_key_wave);
	for (i = 1; i < nr; i++)
		if (!key_cmp(&r[i - 1], &r[i]) && r[i - 1].wave == r[i].wave)
			r[i].occ = r[i - 1].occ + 1;
	qsort(r, nr, sizeof(*r), by_key_occ);
	for (i = 0; i < nr; i = j) {
		for (j = i + 1; j < nr && !key_cmp(&r[i], &r[j]) && r[j].occ == r[i].occ; j++)
			;
		f[nf++] = (struct fig){ i, j - i, r[i].wave, r[i].row };
	}
	qsort(f, nf, sizeof(*f), by_place);
	for (i = 0; i < nf; i++) {
		const struct rec *e = &r[f[i].first];
		const char *sec = cm_table_text(e->t, 0, e->row), *subj = cm_table_text(e->t, 1, e->row);
		const char *meas = cm_table_text(e->t, 2, e->row);
		for (w = 0; w < n; w++)
			v[w] = NAN;
		for (j = 0; j < f[i].count; j++) {
			const struct cm_column *c = &e[j].t->cols[3];
			v[e[j].wave] = c->null[e[j].row] ? NAN : c->kind == CM_INT ? (double)c->ints[e[j].row] : c->reals[e[j].row];
		}
		course(v, names, n, reading, sizeof(reading));
		add(o, sec, subj, meas, v, "%s%s%s: %s", subj, *subj ? " " : "", meas, reading);
	}
	rc = o->nomem ? CM_ENOMEM : CM_OK;
out:
	free(v);
	free(r);
	free(f);
	return rc;
}

/* ---- position: ranks among the orgs present in every wave */

struct riser {
	size_t k;     /* index among the common orgs */
	double change; /* last rank minus first */
};

static int by_change(const void *x, const void *y)
{
	const struct riser *p = x, *q = y;
	double a = fabs(p->change), b = fabs(q->change);

	if (a != b)
		return a > b ? -1 : 1;
	return (p->k > q->k) - (p->k < q->k);
}

/* Ranks v[0..nc) (one value per org followed, NaN unranked) into
 * rank[0..nc): 1 = most central by the measure's direction, equal values
 * (but for rounding) sharing the mean of their places, as cm_ranks ranks.
 * scratch holds 2 nc + 1 doubles.  0 or CM_ENOMEM. */
static int rank_values(const double *v, size_t nc, int direction, double *scratch, double *rank)
{
	double *x = scratch, *r = scratch + nc;
	size_t k, m = 0;
	int rc;

	for (k = 0; k < nc; k++)
		if (!isnan(v[k]))
			x[m++] = direction < 0 ? v[k] : -v[k]; /* ascending ranks: the most central first */
	if ((rc = cm_ranks(x, m, r)) < 0)
		return rc;
	for (k = 0, m = 0; k < nc; k++)
		rank[k] = isnan(v[k]) ? NAN : r[m++];
	return CM_OK;
}

struct waves {
	struct cm_analysis *const *a;
	const char *const *names;
	size_t n;
	const struct cm_trend_opts *o;
	enum cm_metric by;
};

/* Orgs of wave 0 present in every wave: common[k] = wave 0's index, and
 * at[k * n + w] its index in wave w.  Also notes each wave that shares no
 * org with any other. */
static int common_orgs(const struct waves *x, struct cm_findings *o, long **at, size_t *nc)
{
	const struct cm_landscape *l0 = cm_analysis_landscape(x->a[0]);
	size_t n0 = cm_landscape_norgs(l0), i, w, v;
	long *p = malloc((n0 * x->n + 1) * sizeof(*p));

	*at = p;
	*nc = 0;
	if (!p)
		return CM_ENOMEM;
	for (i = 0; i < n0; i++) {
		const char *id = cm_landscape_org_id(l0, i);
		for (w = 0; w < x->n; w++)
			if ((p[*nc * x->n + w] = cm_org_find(cm_analysis_landscape(x->a[w]), id)) < 0)
				break;
		if (w == x->n)
			++*nc;
	}
	for (w = 0; w < x->n; w++) {
		const struct cm_landscape *lw = cm_analysis_landscape(x->a[w]);
		size_t shared = 0, nw = cm_landscape_norgs(lw);
		for (i = 0; i < nw && !shared; i++)
			for (v = 0; v < x->n && !shared; v++)
				shared = v != w && cm_org_find(cm_analysis_landscape(x->a[v]), cm_landscape_org_id(lw, i)) >= 0;
		if (!shared)
			add(o, "notes", "", "no_common_orgs", NULL,
			    "wave %s has no organization in common with the other waves: its orgs cannot be followed", x->names[w]);
	}
	return CM_OK;
}

static void riser_rows(struct cm_findings *o, const struct waves *x, const struct riser *m, size_t nm, const double *rank,
		       const long *at, size_t nc, int up)
{
	const char *mname = cm_metric_info(x->by)->name, *label = cm_metric_info(x->by)->label;
	const struct cm_landscape *ll = cm_analysis_landscape(x->a[x->n - 1]);
	size_t i, shown = 0, top = x->o ? x->o->top : 10;
	char meas[80];

	snprintf(meas, sizeof(meas), "%s_rank", mname);
	for (i = 0; i < nm && (top == 0 || shown < top); i++) {
		const double *r = &rank[m[i].k * x->n];
		if ((m[i].change < 0) != up)
			continue;
		shown++;
		add(o, up ? "rising" : "falling", cm_landscape_org_id(ll, (size_t)at[m[i].k * x->n + x->n - 1]), meas, r,
		    "%s %s %g place%s on %s: rank %g of %zu in %s, %g in %s",
		    cm_landscape_org_name(ll, (size_t)at[m[i].k * x->n + x->n - 1]), up ? "rose" : "fell", fabs(m[i].change),
		    fabs(m[i].change) == 1 ? "" : "s", label, r[0], nc, x->names[0], r[x->n - 1], x->names[x->n - 1]);
	}
}

/* The rising and falling rows, and the notes on orgs not followed. */
static int position_rows(struct cm_findings *o, const struct waves *x, struct cm_error *err)
{
	long *at = NULL;
	size_t nc = 0, k, w, nm = 0;
	double *rank = NULL, *s = NULL;
	struct riser *m = NULL;
	int rc;

	if ((rc = common_orgs(x, o, &at, &nc)) < 0)
		goto out;
	rc = CM_ENOMEM;
	if (!(rank = malloc((nc * x->n + 1) * sizeof(*rank))) || !(s = malloc((3 * nc + 1) * sizeof(*s))) ||
	    !(m = malloc((nc + 1) * sizeof(*m))))
		goto out;
	for (w = 0; w < x->n; w++) {
		const double *v;
		int tied;
		double *rw = malloc((nc + 1) * sizeof(*rw));
		if (!rw) {
			rc = CM_ENOMEM; /* an earlier wave's values left rc at CM_OK */
			goto out;
		}
		if ((rc = cm_analysis_values(x->a[w], x->by, &v, err)) < 0) {
			free(rw);
			goto out;
		}
		for (k = 0; k < nc; k++)
			s[k] = v[at[k * x->n + w]];
		if ((rc = rank_values(s, nc, cm_metric_info(x->by)->direction, s + nc, rw)) < 0) {
			free(rw);
			goto out;
		}
		tied = nc > 1;
		for (k = 0; k < nc; k++) {
			rank[k * x->n + w] = rw[k];
			tied &= rw[k] == rw[0];
		}
		if (tied)
			add(o, "notes", x->names[w], "ranks_tied", NULL,
			    "in %s every organization followed has the same %s: they all share rank %g there",
			    x->names[w], cm_metric_info(x->by)->name, rw[0]);
		free(rw);
	}
	for (k = 0; k < nc; k++) {
		double c = rank[k * x->n + x->n - 1] - rank[k * x->n];
		if (!isnan(c) && c != 0)
			m[nm++] = (struct riser){ k, c };
	}
	qsort(m, nm, sizeof(*m), by_change);
	if (nc == 0)
		add(o, "notes", "", "position", NULL,
		    "position changes undefined: no organization is in every wave");
	riser_rows(o, x, m, nm, rank, at, nc, 1);
	riser_rows(o, x, m, nm, rank, at, nc, 0);
	for (w = 0; w < x->n && nc; w++) {
		size_t nw = cm_landscape_norgs(cm_analysis_landscape(x->a[w]));
		if (nw > nc)
			add(o, "notes", x->names[w], "orgs_not_followed", NULL,
			    "%s: %zu of its %zu organizations %s missing from another wave, so left out of the ranks",
			    x->names[w], nw - nc, nw, nw - nc == 1 ? "is" : "are");
	}
	rc = o->nomem ? CM_ENOMEM : CM_OK;
out:
	if (rc == CM_ENOMEM)
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	free(at);
	free(rank);
	free(s);
	free(m);
	return rc;
}

int cm_trend(struct cm_analysis *const *waves, const char *const *names, size_t n, const struct cm_trend_opts *o,
	     struct cm_table *out, struct cm_error *err)
{
	struct cm_power_opts po = { .key_players = 0 }; /* no permutation tests: trend compares values */
	struct waves x = { waves, names, n, o, CM_M_BETWEENNESS_NORM };
	struct cm_table *pw = NULL;
	struct cm_findings tab;
	size_t w, done = 0;
	int rc;

	if (n < 2)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "trend needs two waves or more");
	if (o && o->by >= 0) {
		const struct cm_metric_info *mi = cm_metric_info((enum cm_metric)o->by);
		if (!mi || mi->direction == 0 || (mi->flags & (CM_MF_LABEL | CM_MF_CATEGORY | CM_MF_GROUPED)))
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "'%s' is not a position measure to rank by",
					    mi ? mi->name : "?");
		x.by = (enum cm_metric)o->by;
	}
	po.group_by = o ? o->group_by : NULL;
	if (!(pw = malloc(n * sizeof(*pw))))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (done = 0; done < n; done++) {
		cm_table_init(&pw[done], 0);
		if ((rc = cm_power(waves[done], &po, &pw[done], err)) < 0) {
			done++;
			goto out;
		}
	}
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (out_init(&tab, out, names, n) < 0 || figure_rows(&tab, pw, names, n, po.group_by != NULL) < 0)
		goto out;
	for (w = 0; w < n; w++) {
		const struct cm_filter *f = cm_analysis_filter(waves[w]);
		size_t i, ties = 1;
		for (i = 0; i < pw[w].nrows; i++)
			if (!strcmp(cm_table_text(&pw[w], 0, i), "network") && !strcmp(cm_table_text(&pw[w], 2, i), "ties"))
				ties = pw[w].cols[3].null[i] ? 1 : (size_t)pw[w].cols[3].reals[i];
		if (ties == 0 && f && f->has_at)
			add(&tab, "notes", names[w], "no_ties", NULL, "no tie existed on %s: every organization is an isolate",
			    names[w]);
		else if (ties == 0)
			add(&tab, "notes", names[w], "no_ties", NULL, "%s has no tie: every organization is an isolate",
			    names[w]);
	}
	if ((rc = position_rows(&tab, &x, err)) < 0)
		goto out;
	rc = tab.nomem ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
	if (rc == CM_OK)
		cm_error_clear(err);
out:
	for (w = 0; w < done; w++)
		cm_table_release(&pw[w]);
	free(pw);
	return rc;
}
