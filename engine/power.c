/* power.c - the power report: network-level measures, inequality, access
 * to decision-makers and its gatekeepers, key players, funding
 * concentration.  Every figure is defined in docs/power.md. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"

#define GATEKEEPERS_LISTED 10 /* per group */
#define FUNDERS_LISTED 5


/* A sum of money for a reading: whole amounts with thousands separators
 * (30,348,000), others with six significant digits. */
static const char *amount_text(double v, char *buf, size_t n)
{
	char digits[32];
	size_t len, i, w = 0;

	if (!(fabs(v) < 1e15) || v != floor(v) || n < 32) {
		snprintf(buf, n, "%.6g", v);
		return buf;
	}
	snprintf(digits, sizeof(digits), "%.0f", fabs(v));
	len = strlen(digits);
	if (v < 0)
		buf[w++] = '-';
	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[w++] = ',';
		buf[w++] = digits[i];
	}
	buf[w] = '\0';
	return buf;
}

static double pct(double x)
{
	return 100.0 * x;
}

/* ---------------------------------------------------------------- */
/* statistics                                                         */

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Gini over k values (sorted copy): sum_i (2i - k - 1) x_i / (k * sum). */
static double gini(const double *v, size_t k, int *nomem)
{
	double *s, sum = 0, acc = 0;
	size_t i;

	if (k == 0)
		return NAN;
	if (!(s = malloc(k * sizeof(*s)))) {
		*nomem = 1;
		return NAN;
	}
	memcpy(s, v, k * sizeof(*s));
	qsort(s, k, sizeof(*s), dbl_cmp);
	for (i = 0; i < k; i++) {
		sum += s[i];
		acc += (2.0 * (double)(i + 1) - (double)k - 1.0) * s[i];
	}
	free(s);
	return sum > 0 ? acc / ((double)k * sum) : NAN;
}

/* Share of the total held by the ceil(k/10) largest values. */
static double top10_share(const double *v, size_t k, int *nomem)
{
	double *s, sum = 0, top = 0;
	size_t i, nt = (k + 9) / 10;

	if (k == 0)
		return NAN;
	if (!(s = malloc(k * sizeof(*s)))) {
		*nomem = 1;
		return NAN;
	}
	memcpy(s, v, k * sizeof(*s));
	qsort(s, k, sizeof(*s), dbl_cmp);
	for (i = 0; i < k; i++) {
		sum += s[i];
		if (i >= k - nt)
			top += s[i];
	}
	free(s);
	return sum > 0 ? top / sum : NAN;
}

struct ranked {
	double v;
	size_t i;
};

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	return (x->v > y->v) - (x->v < y->v);
}

/* 1 if a and b are equal but for rounding (relative 1e-9): centralities
 * computed along different paths differ in their last bits, and Spearman's
 * average ranks and the order of listed figures must not depend on that. */
static int same_value(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b)) + 1e-12;
}

/* Average ranks (1-based, ties share their mean rank). */
static int ranks(const double *v, size_t k, double *out)
{
	struct ranked *r = malloc((k ? k : 1) * sizeof(*r));
	size_t i, j, a;

	if (!r)
		return CM_ENOMEM;
	for (i = 0; i < k; i++)
		r[i] = (struct ranked){ v[i], i };
	qsort(r, k, sizeof(*r), ranked_cmp);
	for (i = 0; i < k; i = j) {
		for (j = i; j < k && same_value(r[j].v, r[i].v); j++)
			;
		for (a = i; a < j; a++)
			out[r[a].i] = (double)(i + j + 1) / 2.0;
	}
	free(r);
	return CM_OK;
}

/* Spearman's rho: Pearson correlation of average ranks. */
static double spearman(const double *x, const double *y, size_t k, int *nomem)
{
	double *rx, *ry, mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
	size_t i;

	if (k < 3)
		return NAN;
	rx = malloc(k * sizeof(*rx));
	ry = malloc(k * sizeof(*ry));
	if (!rx || !ry || ranks(x, k, rx) < 0 || ranks(y, k, ry) < 0) {
		free(rx);
		free(ry);
		*nomem = 1;
		return NAN;
	}
	for (i = 0; i < k; i++) {
		mx += rx[i];
		my += ry[i];
	}
	mx /= (double)k;
	my /= (double)k;
	for (i = 0; i < k; i++) {
		sxy += (rx[i] - mx) * (ry[i] - my);
		sxx += (rx[i] - mx) * (rx[i] - mx);
		syy += (ry[i] - my) * (ry[i] - my);
	}
	free(rx);
	free(ry);
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
}

/* ---------------------------------------------------------------- */
/* sections                                                           */

struct ctx {
	struct cm_analysis *a;
	const struct cm_landscape *l;
	const struct cm_filter *f;
	const struct cm_power_opts *o;
	const struct cm_graphs *g;
	const struct cm_csr *c;
	const struct cm_paths *paths; /* the path searches behind betweenness */
	size_t n;
	struct cm_findings r;
	struct cm_error *err;
};

/* The values of measure m (computed by then: see cm_power). */
static void column(const struct ctx *x, enum cm_metric m, double *out)
{
	memcpy(out, x->a->v[m], x->n * sizeof(*out));
}

static const char *org_name(const struct ctx *x, size_t i)
{
	return cm_landscape_org_name(x->l, i);
}

static const char *org_id(const struct ctx *x, size_t i)
{
	return cm_landscape_org_id(x->l, i);
}

/* Components of the collaboration graph; the average distance and the
 * diameter of the largest come from the metrics' path searches (every
 * source, or the sampled ones: then they are estimates, the diameter a
 * lower bound). */
static int largest_component(struct ctx *x, igraph_integer_t *ncomp, igraph_integer_t *largest,
			     double *apl, double *diam)
{
	igraph_vector_int_t memb, csize;
	igraph_integer_t best = 0, i;
	double sum = 0, pairs = 0, far = 0;
	int rc = CM_ENOMEM;

	*apl = *diam = NAN;
	if (igraph_vector_int_init(&memb, 0))
		return CM_ENOMEM;
	if (igraph_vector_int_init(&csize, 0)) {
		igraph_vector_int_destroy(&memb);
		return CM_ENOMEM;
	}
	if (igraph_connected_components(&x->g->collab, &memb, &csize, ncomp, IGRAPH_WEAK))
		goto out;
	*largest = 0;
	for (i = 0; i < *ncomp; i++)
		if (VECTOR(csize)[i] > *largest) {
			*largest = VECTOR(csize)[i];
			best = i;
		}
	for (i = 0; i < (igraph_integer_t)x->n; i++)
		if (VECTOR(memb)[i] == best && x->paths->searched[i]) {
			sum += x->paths->dist_sum[i];
			pairs += (double)x->paths->reached[i];
			if (x->paths->ecc[i] > far)
				far = x->paths->ecc[i];
		}
	if (*largest >= 2 && pairs > 0) {
		*apl = sum / pairs;
		*diam = far;
	}
	rc = CM_OK;
out:
	igraph_vector_int_destroy(&memb);
	igraph_vector_int_destroy(&csize);
	return rc;
}

static int network_section(struct ctx *x)
{
	double n = (double)x->n, m = (double)igraph_ecount(&x->g->collab), apl, diam, tr, ac, rec = NAN;
	igraph_integer_t ncomp = 0, largest = 0;
	igraph_error_t e;

	if (largest_component(x, &ncomp, &largest, &apl, &diam) < 0)
		return CM_ENOMEM;
	if ((e = igraph_transitivity_undirected(&x->g->collab, &tr, IGRAPH_TRANSITIVITY_ZERO)) ||
	    (e = igraph_transitivity_avglocal_undirected(&x->g->collab, &ac, IGRAPH_TRANSITIVITY_ZERO)) ||
	    (igraph_ecount(&x->g->tie) > 0 && (e = igraph_reciprocity(&x->g->tie, &rec, 1, IGRAPH_RECIPROCITY_DEFAULT))))
		return cm_ig_fail(e, x->err, "clustering"); /* never a silent 0 */
	cm_findings_add(&x->r, "network", "", "organizations", n, "%.0f organizations", n);
	if (x->paths->sampled) {
		size_t k = cm_path_samples(x->l, x->f);
		cm_findings_add(&x->r, "network", "", "path_sources", (double)k,
		    "ESTIMATES: betweenness and harmonic closeness, and the figures built on them, are estimated "
		    "from %zu sampled organizations (--exact for exact values)", k);
	}
	cm_findings_add(&x->r, "network", "", "ties", m, "%.0f collaboration ties (conflict excluded, parallel ties merged)", m);
	if (x->n >= 2)
		cm_findings_add(&x->r, "network", "", "density", 2 * m / (n * (n - 1)),
		    "%.1f %% of all possible pairs work together", pct(2 * m / (n * (n - 1))));
	else
		cm_findings_add(&x->r, "network", "", "density", NAN, "undefined: fewer than two organizations");
	cm_findings_add(&x->r, "network", "", "components", (double)ncomp,
	    ncomp == 1 ? "everyone is connected" : "the network falls into %.0f separate parts", (double)ncomp);
	cm_findings_add(&x->r, "network", "", "largest_component_share", (double)largest / n,
	    "the largest connected part holds %.0f %% of organizations", pct((double)largest / n));
	cm_findings_add(&x->r, "network", "", "transitivity", tr,
	    "%.0f %% of two-step chains close into triangles", pct(tr));
	cm_findings_add(&x->r, "network", "", "average_clustering", ac,
	    "on average %.0f %% of an organization's partners work with each other", pct(ac));
	if (isnan(rec))
		cm_findings_add(&x->r, "network", "", "reciprocity", NAN, "undefined: no ties");
	else
		cm_findings_add(&x->r, "network", "", "reciprocity", rec,
		    "%.0f %% of directed links are returned (mutual ties count both ways)", pct(rec));
	if (isnan(apl)) {
		cm_findings_add(&x->r, "network", "", "average_path_length", NAN, "undefined: no two organizations are connected");
		cm_findings_add(&x->r, "network", "", "diameter", NAN, "undefined: no two organizations are connected");
	} else {
		cm_findings_add(&x->r, "network", "", "average_path_length", apl,
		    "within the largest part, organizations are %.2f steps apart on average", apl);
		cm_findings_add(&x->r, "network", "", "diameter", diam, x->paths->sampled ?
		    "and at least %g steps apart at the farthest (a lower bound from the sample)" :
		    "and at most %g steps apart", diam);
	}
	return CM_OK;
}

/* Freeman centralization: sum (max - c_i) / tmax; NaN when n < 3. */
static double freeman(const double *c, size_t n, double tmax)
{
	double mx = -HUGE_VAL, s = 0;
	size_t i;

	if (n < 3)
		return NAN;
	for (i = 0; i < n; i++)
		if (c[i] > mx)
			mx = c[i];
	for (i = 0; i < n; i++)
		s += mx - c[i];
	return s / tmax;
}

static const char *level(double c)
{
	return c >= 0.5 ? "highly centralized" : c >= 0.25 ? "moderately centralized" : "decentralized";
}

static int centralization_section(struct ctx *x, double *buf)
{
	static const struct { enum cm_metric m; const char *col, *what; } cs[] = {
		{ CM_M_DEGREE, "degree", "partners" }, { CM_M_BETWEENNESS, "betweenness", "brokerage (betweenness)" },
		{ CM_M_HARMONIC, "harmonic", "reach (harmonic closeness)" },
		{ CM_M_EIGENVECTOR, "eigenvector", "well-connected partners (eigenvector)" },
	};
	double n = (double)x->n;
	double tmax[4] = { (n - 1) * (n - 2), (n - 1) * (n - 1) * (n - 2) / 2, (n - 1) * (n - 2) / 2, n - 2 };
	size_t k;

	for (k = 0; k < 4; k++) {
		double c;
		column(x, cs[k].m, buf);
		c = freeman(buf, x->n, tmax[k]);
		if (isnan(c))
			cm_findings_add(&x->r, "centralization", "", cs[k].col, NAN, "undefined: fewer than three organizations");
		else
			cm_findings_add(&x->r, "centralization", "", cs[k].col, c, "%s on %s: %.2f (0 = all equal, 1 = a star)",
			    level(c), cs[k].what, c);
	}
	return CM_OK;
}

static void inequality_of(struct ctx *x, const char *name, const char *what, const double *v, size_t k)
{
	char measure[64];
	double g = gini(v, k, &x->r.nomem), t = top10_share(v, k, &x->r.nomem);

	snprintf(measure, sizeof(measure), "gini_%s", name);
	if (isnan(g))
		cm_findings_add(&x->r, "inequality", "", measure, NAN, "undefined: no %s recorded", what);
	else
		cm_findings_add(&x->r, "inequality", "", measure, g, "Gini of %s: %.2f (0 = equal, 1 = one holds all)", what, g);
	snprintf(measure, sizeof(measure), "top10_share_%s", name);
	if (isnan(t))
		cm_findings_add(&x->r, "inequality", "", measure, NAN, "undefined: no %s recorded", what);
	else
		cm_findings_add(&x->r, "inequality", "", measure, t, "the top 10 %% of organizations hold %.0f %% of all %s",
		    pct(t), what);
}

/* Keeps the entries of v whose mask entry is finite; returns the count. */
static size_t compact(double *v, const double *mask, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (!isnan(mask[i]))
			v[k++] = v[i];
	return k;
}

static int inequality_section(struct ctx *x, double *buf, double *budget)
{
	static const struct { enum cm_metric m; const char *name, *what; } cs[] = {
		{ CM_M_DEGREE, "degree", "partnerships" }, { CM_M_BETWEENNESS, "betweenness", "brokerage (betweenness)" },
	};
	size_t k, i, nb;

	for (k = 0; k < 2; k++) {
		column(x, cs[k].m, buf);
		inequality_of(x, cs[k].name, cs[k].what, buf, x->n);
	}
	for (i = 0; i < x->n; i++)
		buf[i] = budget[i];
	nb = compact(buf, budget, x->n);
	inequality_of(x, "budget", "budget", buf, nb);
	column(x, CM_M_FUNDING_IN, buf);
	inequality_of(x, "funding_in", "funding received", buf, x->n);
	return CM_OK;
}

static int money_section(struct ctx *x, double *buf, double *budget)
{
	static const struct { enum cm_metric m; const char *col, *what; } cs[] = {
		{ CM_M_DEGREE, "degree", "partners" }, { CM_M_BETWEENNESS, "betweenness", "brokerage" },
		{ CM_M_HARMONIC, "harmonic", "reach" }, { CM_M_EIGENVECTOR, "eigenvector", "well-connected partners" },
		{ CM_M_PAGERANK, "pagerank", "PageRank" },
	};
	double *b = malloc((x->n + 1) * sizeof(*b));
	size_t k, i, nb;

	if (!b)
		return CM_ENOMEM;
	for (i = 0; i < x->n; i++)
		b[i] = budget[i];
	nb = compact(b, budget, x->n);
	for (k = 0; k < sizeof(cs) / sizeof(*cs); k++) {
		char measure[64];
		double rho;
		column(x, cs[k].m, buf);
		compact(buf, budget, x->n);
		rho = spearman(b, buf, nb, &x->r.nomem);
		snprintf(measure, sizeof(measure), "spearman_budget_%s", cs[k].col);
		if (isnan(rho))
			cm_findings_add(&x->r, "money_and_position", "", measure, NAN,
			    "undefined: fewer than three budgets, or no variation");
		else
			cm_findings_add(&x->r, "money_and_position", "", measure, rho, "%s: budget and %s rank together at %.2f",
			    fabs(rho) >= 0.5 ? (rho > 0 ? "money tracks position" : "money runs against position") :
			    fabs(rho) >= 0.2 ? "money and position are loosely related" : "money does not buy position",
			    cs[k].what, rho);
	}
	free(b);
	return CM_OK;
}

/* ---- groups, access and gatekeepers */

static int groups_section(struct ctx *x, const struct cm_groups *gr)
{
	long long *in = calloc(gr->n + 1, sizeof(*in)), *ex = calloc(gr->n + 1, sizeof(*ex)),
		  *size = calloc(gr->n + 1, sizeof(*size));
	igraph_vector_int_t types;
	double m = (double)igraph_ecount(&x->g->collab), assort = NAN, E = 0, I = 0;
	igraph_integer_t e;
	igraph_error_t ie;
	size_t g, i;

	if (!in || !ex || !size || igraph_vector_int_init(&types, (igraph_integer_t)x->n)) {
		free(in);
		free(ex);
		free(size);
		return CM_ENOMEM;
	}
	for (i = 0; i < x->n; i++) {
		size[gr->group_of[i]]++;
		VECTOR(types)[i] = gr->group_of[i];
	}
	for (e = 0; e < igraph_ecount(&x->g->collab); e++) {
		uint32_t a = gr->group_of[IGRAPH_FROM(&x->g->collab, e)], b = gr->group_of[IGRAPH_TO(&x->g->collab, e)];
		if (a == b) {
			in[a]++;
			I++;
		} else {
			ex[a]++;
			ex[b]++;
			E++;
		}
	}
	if (m > 0 && (ie = igraph_assortativity_nominal(&x->g->collab, &types, &assort, IGRAPH_UNDIRECTED, 1))) {
		igraph_vector_int_destroy(&types);
		free(in);
		free(ex);
		free(size);
		return cm_ig_fail(ie, x->err, "assortativity");
	}
	if (isnan(assort))
		cm_findings_add(&x->r, "groups", "", "assortativity", NAN, "undefined: no ties, or a single group");
	else
		cm_findings_add(&x->r, "groups", "", "assortativity", assort,
		    "%s (nominal assortativity %.2f: 1 = ties only within groups)",
		    assort >= 0.3 ? "organizations mostly work within their own group" :
		    assort <= -0.1 ? "organizations mostly work across groups" : "ties mix groups freely", assort);
	if (E + I > 0)
		cm_findings_add(&x->r, "groups", "", "network_ei_index", (E - I) / (E + I),
		    "E-I index %.2f: %.0f ties between groups, %.0f within (-1 = all within)", (E - I) / (E + I), E, I);
	else
		cm_findings_add(&x->r, "groups", "", "network_ei_index", NAN, "undefined: no ties");
	for (g = 0; g < gr->n; g++) {
		const char *s = gr->names[g];
		double tot = (double)(in[g] + ex[g]);
		cm_findings_add(&x->r, "groups", s, "size", (double)size[g], "%lld organizations", size[g]);
		cm_findings_add(&x->r, "groups", s, "tie_share", m > 0 ? tot / m : NAN,
		    m > 0 ? "involved in %.0f %% of all ties" : "undefined: no ties", pct(m > 0 ? tot / m : 0));
		cm_findings_add(&x->r, "groups", s, "internal_ties", (double)in[g], "%lld ties within the group", in[g]);
		cm_findings_add(&x->r, "groups", s, "external_ties", (double)ex[g], "%lld ties to other groups", ex[g]);
		if (tot > 0)
			cm_findings_add(&x->r, "groups", s, "ei_index", ((double)ex[g] - (double)in[g]) / tot,
			    "E-I index %.2f (-1 = closed in, +1 = only outward)", ((double)ex[g] - (double)in[g]) / tot);
		else
			cm_findings_add(&x->r, "groups", s, "ei_index", NAN, "undefined: the group has no ties");
	}
	igraph_vector_int_destroy(&types);
	free(in);
	free(ex);
	free(size);
	return CM_OK;
}

struct flow_item {
	double v;
	size_t org;
};

static int flow_cmp(const void *a, const void *b)
{
	const struct flow_item *x = a, *y = b;

	if (!same_value(x->v, y->v))
		return x->v > y->v ? -1 : 1;
	return (x->org > y->org) - (x->org < y->org);
}

/* Shortest routes to decision-makers, shared by every group: distance to
 * the nearest decision-maker (multi-source BFS on the collaboration
 * graph), order[] the reached orgs by distance (pos[] the inverse), the
 * number of shortest routes from each org, and each group's reached
 * members in that order (byd[gr->start[g] ..]). */
struct routes {
	size_t tail;
	int32_t *dist;
	size_t *order, *pos, *byd, *nbyd, *heap, *touched;
	unsigned char *direct, *ok, *tgt;
	double *paths, *flow;
	struct flow_item *items;
};

static void routes_release(struct routes *rt)
{
	free(rt->dist);
	free(rt->order);
	free(rt->pos);
	free(rt->byd);
	free(rt->nbyd);
	free(rt->heap);
	free(rt->touched);
	free(rt->direct);
	free(rt->ok);
	free(rt->tgt);
	free(rt->paths);
	free(rt->flow);
	free(rt->items);
}

static int routes_build(struct ctx *x, const struct cm_groups *gr, struct routes *rt)
{
	const struct cm_csr *c = x->c;
	size_t n = x->n, i, head = 0;
	struct cm_strlist targets = { x->o ? x->o->targets : NULL, x->o ? x->o->ntargets : 0 };

	memset(rt, 0, sizeof(*rt));
	rt->dist = malloc((n + 1) * sizeof(*rt->dist));
	rt->order = malloc((n + 1) * sizeof(*rt->order));
	rt->pos = malloc((n + 1) * sizeof(*rt->pos));
	rt->byd = malloc((n + 1) * sizeof(*rt->byd));
	rt->nbyd = calloc(gr->n + 1, sizeof(*rt->nbyd));
	rt->heap = malloc((n + 1) * sizeof(*rt->heap));
	rt->touched = malloc((n + 1) * sizeof(*rt->touched));
	rt->direct = calloc(n + 1, 1);
	rt->ok = calloc(n + 1, 1);
	rt->tgt = calloc(n + 1, 1);
	rt->paths = malloc((n + 1) * sizeof(*rt->paths));
	rt->flow = calloc(n + 1, sizeof(*rt->flow));
	rt->items = malloc((n + 1) * sizeof(*rt->items));
	if (!rt->dist || !rt->order || !rt->pos || !rt->byd || !rt->nbyd || !rt->heap || !rt->touched ||
	    !rt->direct || !rt->ok || !rt->tgt || !rt->paths || !rt->flow || !rt->items)
		return CM_ENOMEM;
	cm_mark_targets(x->l, &targets, rt->tgt);
	cm_mark_direct_access(x->l, x->f, rt->tgt, rt->direct);
	for (i = 0; i < n; i++) {
		rt->dist[i] = -1;
		if (rt->tgt[i]) {
			rt->dist[i] = 0;
			rt->order[rt->tail++] = i;
		}
	}
	while (head < rt->tail) {
		size_t v = rt->order[head++];
		igraph_integer_t k;
		for (k = c->start[v]; k < c->start[v + 1]; k++) {
			igraph_integer_t u = c->nbr[k];
			if (rt->dist[u] < 0) {
				rt->dist[u] = rt->dist[v] + 1;
				rt->order[rt->tail++] = (size_t)u;
			}
		}
	}
	for (i = 0; i < rt->tail; i++) {
		size_t v = rt->order[i], g = gr->group_of[v];
		igraph_integer_t k;
		rt->pos[v] = i;
		rt->byd[gr->start[g] + rt->nbyd[g]++] = v;
		if (rt->dist[v] == 0) {
			rt->paths[v] = 1;
			continue;
		}
		rt->paths[v] = 0;
		for (k = c->start[v]; k < c->start[v + 1]; k++)
			if (rt->dist[c->nbr[k]] == rt->dist[v] - 1)
				rt->paths[v] += rt->paths[c->nbr[k]];
	}
	return CM_OK;
}

/* A max-heap of orgs by position in the route order. */
static void heap_push(struct routes *rt, size_t *nh, size_t v)
{
	size_t i = (*nh)++;

	while (i > 0 && rt->pos[rt->heap[(i - 1) / 2]] < rt->pos[v]) {
		rt->heap[i] = rt->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	rt->heap[i] = v;
}

static size_t heap_pop(struct routes *rt, size_t *nh)
{
	size_t top = rt->heap[0], last = rt->heap[--*nh], i = 0;

	for (;;) {
		size_t k = 2 * i + 1;
		if (k >= *nh)
			break;
		if (k + 1 < *nh && rt->pos[rt->heap[k + 1]] > rt->pos[rt->heap[k]])
			k++;
		if (rt->pos[rt->heap[k]] <= rt->pos[last])
			break;
		rt->heap[i] = rt->heap[k];
		i = k;
	}
	rt->heap[i] = last;
	return top;
}

/* Pushes a unit from each mediated member of group g (flow[v] = 1 on
 * them, in the heap) along its shortest routes, farthest orgs first, and
 * lists the orgs of other groups it runs through.  Only the orgs on those
 * routes are visited; flow is zero again afterwards.  Returns the items. */
static size_t push_routes(const struct ctx *x, const struct cm_groups *gr, size_t g, struct routes *rt, size_t nh)
{
	const struct cm_csr *c = x->c;
	size_t nitems = 0, ntouched = 0, i;

	for (i = 0; i < nh; i++)
		rt->touched[ntouched++] = rt->heap[i];
	while (nh) {
		size_t v = heap_pop(rt, &nh);
		igraph_integer_t k;
		if (rt->dist[v] == 0)
			continue;
		for (k = c->start[v]; k < c->start[v + 1]; k++) {
			igraph_integer_t u = c->nbr[k];
			if (rt->dist[u] != rt->dist[v] - 1)
				continue;
			if (rt->flow[u] == 0) {
				heap_push(rt, &nh, (size_t)u);
				rt->touched[ntouched++] = (size_t)u;
			}
			rt->flow[u] += rt->flow[v] * rt->paths[u] / rt->paths[v];
		}
		if (gr->group_of[v] != g && !rt->tgt[v])
			rt->items[nitems++] = (struct flow_item){ rt->flow[v], v };
	}
	for (i = 0; i < ntouched; i++)
		rt->flow[rt->touched[i]] = 0;
	return nitems;
}

/* Access to decision-makers per group: direct ties, and whether each
 * member without one has a shortest route with only its own group's orgs
 * between it and the decision-maker (ok), else how its routes flow
 * through other groups' orgs (the gatekeepers).  O(n + m) for the routes,
 * then per group its members' ties and the routes of its mediated
 * members, so one group per org costs no more than a few groups. */
static int access_section(struct ctx *x, const struct cm_groups *gr, int gatekeepers)
{
	const struct cm_csr *c = x->c;
	struct routes rt;
	size_t i, g;
	int rc = CM_ENOMEM;

	if (routes_build(x, gr, &rt) < 0)
		goto out;
	for (g = 0; g < gr->n; g++) {
		const char *s = gr->names[g];
		size_t members = 0, nd = 0, without = 0, cut = 0, med = 0, nitems, shown, nh = 0;
		/* ok[v] for the group's reached members, nearest first */
		for (i = gr->start[g]; i < gr->start[g] + rt.nbyd[g]; i++) {
			size_t v = rt.byd[i];
			igraph_integer_t k;
			rt.ok[v] = 0;
			if (rt.dist[v] == 0)
				continue;
			for (k = c->start[v]; k < c->start[v + 1] && !rt.ok[v]; k++) {
				igraph_integer_t u = c->nbr[k];
				if (rt.dist[u] == rt.dist[v] - 1 && (rt.dist[u] == 0 || (gr->group_of[u] == g && rt.ok[u])))
					rt.ok[v] = 1;
			}
		}
		for (i = gr->start[g]; i < gr->start[g + 1]; i++) {
			size_t v = gr->member[i];
			if (rt.tgt[v])
				continue;
			members++;
			if (rt.direct[v]) {
				nd++;
				continue;
			}
			without++;
			if (rt.dist[v] < 0)
				cut++;
			else if (rt.dist[v] >= 2 && !rt.ok[v]) {
				med++;
				if (gatekeepers) {
					rt.flow[v] = 1;
					heap_push(&rt, &nh, v);
				}
			}
		}
		if (!gatekeepers) {
			cm_findings_add(&x->r, "access", s, "members", (double)members, "%zu members that are not decision-makers", members);
			if (members)
				cm_findings_add(&x->r, "access", s, "direct_access_share", (double)nd / (double)members,
				    "%zu of %zu (%.0f %%) have a direct access tie to a decision-maker", nd, members,
				    pct((double)nd / (double)members));
			else
				cm_findings_add(&x->r, "access", s, "direct_access_share", NAN, "undefined: no members");
			if (without) {
				cm_findings_add(&x->r, "access", s, "cut_off_share", (double)cut / (double)without,
				    "%zu of the %zu without direct access cannot reach any decision-maker", cut, without);
				cm_findings_add(&x->r, "access", s, "mediated_share", (double)med / (double)without,
				    "%zu of the %zu without direct access reach decision-makers only through other groups",
				    med, without);
			} else {
				cm_findings_add(&x->r, "access", s, "cut_off_share", NAN, "undefined: every member has direct access");
				cm_findings_add(&x->r, "access", s, "mediated_share", NAN, "undefined: every member has direct access");
			}
			continue;
		}
		nitems = push_routes(x, gr, g, &rt, nh);
		qsort(rt.items, nitems, sizeof(*rt.items), flow_cmp);
		shown = nitems < GATEKEEPERS_LISTED ? nitems : GATEKEEPERS_LISTED;
		for (i = 0; i < shown; i++) {
			char measure[300];
			snprintf(measure, sizeof(measure), "routes:%s", s);
			cm_findings_add(&x->r, "gatekeepers", org_id(x, rt.items[i].org), measure, rt.items[i].v,
			    "%s carries the routes of %.1f of %s's %zu mediated members to decision-makers",
			    org_name(x, rt.items[i].org), rt.items[i].v, *s ? s : "(none)", med);
		}
	}
	rc = CM_OK;
out:
	routes_release(&rt);
	return rc;
}

/* ---- key players */

static int kpp_neg(struct ctx *x, size_t k)
{
	size_t n = x->n, step, i;
	unsigned char *removed = calloc(n + 1, 1);
	double *after = malloc((n + 1) * sizeof(*after));
	int rc = CM_ENOMEM;

	if (!removed || !after)
		goto out;
	for (step = 0; step < k && step < n; step++) {
		double r = (double)(n - step - 1), best = -HUGE_VAL, bestF;
		size_t bi = 0;
		igraph_integer_t bdeg = -1;
		if (cm_cut_vertices(x->c, n, removed, after, NULL, NULL) < 0)
			goto out;
		for (i = 0; i < n; i++) {
			double F;
			igraph_integer_t deg = x->c->start[i + 1] - x->c->start[i];
			if (removed[i])
				continue;
			/* with fewer than two orgs left F is undefined: pick by degree */
			F = r >= 2 ? 1 - after[i] / (r * (r - 1)) : 0;
			if ((F > best && !same_value(F, best)) || (same_value(F, best) && deg > bdeg)) {
				best = F;
				bi = i;
				bdeg = deg;
			}
		}
		removed[bi] = 1;
		bestF = r >= 2 ? best : NAN;
		cm_findings_add(&x->r, "key_players", org_id(x, bi), "kpp_neg_rank", (double)(step + 1),
		    "removing %s%s would fragment the network most", org_name(x, bi), step ? " next" : "");
		if (isnan(bestF))
			cm_findings_add(&x->r, "key_players", org_id(x, bi), "kpp_neg_fragmentation", NAN,
			    "undefined: fewer than two organizations would remain");
		else
			cm_findings_add(&x->r, "key_players", org_id(x, bi), "kpp_neg_fragmentation", bestF,
			    "with the first %zu removed, %.0f %% of pairs of organizations could no longer reach each other",
			    step + 1, pct(bestF));
	}
	rc = CM_OK;
out:
	free(removed);
	free(after);
	return rc;
}

/* Orgs within two steps of v (v included) not reached yet. */
static long gain_of(const struct cm_csr *c, size_t v, const unsigned char *state, igraph_integer_t *mark,
		    igraph_integer_t stamp)
{
	igraph_integer_t a, b;
	long gain = state[v] == 0;

	mark[v] = stamp;
	for (a = c->start[v]; a < c->start[v + 1]; a++) {
		igraph_integer_t u = c->nbr[a];
		if (mark[u] != stamp) {
			mark[u] = stamp;
			gain += state[u] == 0;
		}
		for (b = c->start[u]; b < c->start[u + 1]; b++) {
			igraph_integer_t w = c->nbr[b];
			if (mark[w] != stamp) {
				mark[w] = stamp;
				gain += state[w] == 0;
			}
		}
	}
	return gain;
}

/* KPP-Pos by lazy greedy: reach is a coverage function, so a node's gain
 * never grows as the set grows and stale gains are upper bounds; the best
 * fresh gain wins, ties by file order. */
static int kpp_pos(struct ctx *x, size_t k)
{
	const struct cm_csr *c = x->c;
	size_t n = x->n, step, i;
	unsigned char *state = calloc(n + 1, 1); /* 0 unreached, 1 reached, 2 reached and in the set */
	long *bound = malloc((n + 1) * sizeof(*bound)), reach = 0;
	igraph_integer_t *mark = calloc(n + 1, sizeof(*mark)), stamp = 0;
	unsigned char *fresh = malloc(n + 1);
	int rc = CM_ENOMEM;

	if (!state || !bound || !mark || !fresh)
		goto out;
	for (i = 0; i < n; i++)
		bound[i] = gain_of(c, i, state, mark, ++stamp);
	for (step = 0; step < k && step < n; step++) {
		size_t best;
		igraph_integer_t a, b;
		memset(fresh, 0, n);
		for (;;) {
			/* candidate with the highest bound, first in file order */
			best = n;
			for (i = 0; i < n; i++)
				if (state[i] != 2 && (best == n || bound[i] > bound[best]))
					best = i;
			if (best == n || fresh[best])
				break;
			bound[best] = gain_of(c, best, state, mark, ++stamp);
			fresh[best] = 1;
		}
		if (best == n)
			break;
		reach += bound[best];
		state[best] = 2;
				for (a = c->start[best]; a < c->start[best + 1]; a++) {
			igraph_integer_t u = c->nbr[a];
			if (state[u] == 0)
				state[u] = 1;
			for (b = c->start[u]; b < c->start[u + 1]; b++)
				if (state[c->nbr[b]] == 0)
					state[c->nbr[b]] = 1;
		}
		cm_findings_add(&x->r, "key_players", org_id(x, best), "kpp_pos_rank", (double)(step + 1),
		    step ? "%s adds the most organizations not yet within two steps" :
			   "%s reaches the most organizations within two steps", org_name(x, best));
		cm_findings_add(&x->r, "key_players", org_id(x, best), "kpp_pos_reach", (double)reach,
		    "the first %zu and the organizations within two steps of them make %ld (%.0f %%)", step + 1, reach,
		    pct((double)reach / (double)n));
	}
	rc = CM_OK;
out:
	free(state);
	free(bound);
	free(mark);
	free(fresh);
	return rc;
}

/* ---- funding */

static int funding_section(struct ctx *x)
{
	struct cm_gift *gifts;
	size_t ng, i, nf = 0, j;
	double *given = calloc(x->n + 1, sizeof(*given)), total = 0, hhi = 0;
	long long *first = malloc((x->n + 1) * sizeof(*first));
	struct flow_item *items = malloc((x->n + 1) * sizeof(*items));
	const double *funders = x->a->v[CM_M_FUNDERS];
	int rc = CM_ENOMEM;

	if (!given || !first || !items || cm_funding_gifts(x->l, x->f, &gifts, &ng) < 0) {
		free(given);
		free(first);
		free(items);
		return CM_ENOMEM;
	}
	for (i = 0; i < x->n; i++)
		first[i] = -1;
	for (i = 0; i < ng; i++) {
		given[gifts[i].from] += gifts[i].money;
		total += gifts[i].money;
		if (first[gifts[i].to] < 0)
			first[gifts[i].to] = gifts[i].from;
	}
	for (i = 0; i < x->n; i++)
		if (given[i] > 0) {
			items[nf++] = (struct flow_item){ given[i], i };
			hhi += total > 0 ? (given[i] / total) * (given[i] / total) : 0;
		}
	/* a funder whose gifts are all 0 still gives: count distinct sources */
	{
		unsigned char *isf = calloc(x->n + 1, 1);
		size_t nfunders = 0;
		if (!isf)
			goto out;
		for (i = 0; i < ng; i++)
			if (!isf[gifts[i].from]) {
				isf[gifts[i].from] = 1;
				nfunders++;
			}
		free(isf);
		char buf[64];
		cm_findings_add(&x->r, "funding", "", "total", total, ng ? "%s given through %zu funding ties" : "no funding ties",
		    amount_text(total, buf, sizeof(buf)), ng);
		cm_findings_add(&x->r, "funding", "", "funders", (double)nfunders, "%zu organizations give money", nfunders);
	}
	if (total > 0)
		cm_findings_add(&x->r, "funding", "", "hhi", hhi,
		    "giving is %s (Herfindahl %.2f: 1 = a single funder)",
		    hhi >= 0.25 ? "highly concentrated" : hhi >= 0.15 ? "moderately concentrated" : "spread out", hhi);
	else
		cm_findings_add(&x->r, "funding", "", "hhi", NAN, "undefined: no money recorded");
	qsort(items, nf, sizeof(*items), flow_cmp);
	for (i = 0; i < nf && i < FUNDERS_LISTED && total > 0; i++)
		cm_findings_add(&x->r, "funding", org_id(x, items[i].org), "giving_share", items[i].v / total,
		    "%s gives %.0f %% of all money", org_name(x, items[i].org), pct(items[i].v / total));
	{
		size_t ndep = 0, *deps = calloc(x->n + 1, sizeof(*deps));
		if (!deps)
			goto out;
		for (j = 0; j < x->n; j++)
			if (funders[j] == 1) {
				ndep++;
				deps[first[j]]++;
			}
		cm_findings_add(&x->r, "funding", "", "single_funder_orgs", (double)ndep,
		    "%zu organizations depend on a single funder", ndep);
		nf = 0;
		for (j = 0; j < x->n; j++)
			if (deps[j])
				items[nf++] = (struct flow_item){ (double)deps[j], j };
		free(deps);
		qsort(items, nf, sizeof(*items), flow_cmp);
		for (i = 0; i < nf; i++)
			cm_findings_add(&x->r, "funding", org_id(x, items[i].org), "sole_funder_of", items[i].v,
			    "%s is the only funder of %.0f organizations", org_name(x, items[i].org), items[i].v);
	}
	for (j = 0; j < x->n; j++)
		if (funders[j] == 1)
			cm_findings_add(&x->r, "funding", org_id(x, j), "single_funder", 1, "%s depends on a single funder, %s",
			    org_name(x, j), org_name(x, (size_t)first[j]));
	rc = x->r.nomem ? CM_ENOMEM : CM_OK;
out:
	free(gifts);
	free(given);
	free(first);
	free(items);
	return rc;
}

/* The measures the report is built on. */
#define POWER_KERNELS (CM_K_DEGREE | CM_K_PATHS | CM_K_EIGEN | CM_K_PAGERANK | CM_K_FUNDING)

int cm_power(struct cm_analysis *a, const struct cm_power_opts *o, struct cm_table *out, struct cm_error *err)
{
	struct ctx x;
	struct cm_groups gr;
	double *buf = NULL, *budget = NULL;
	size_t i;
	int rc, have_groups = 0;

	memset(&x, 0, sizeof(x));
	memset(&gr, 0, sizeof(gr));
	x.a = a;
	x.l = a->l;
	x.f = &a->f;
	x.o = o;
	x.n = a->n;
	x.err = err;
	if (cm_findings_init(&x.r, out) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (o && o->group_by) {
		if ((rc = cm_groups_build(x.l, o->group_by, &gr, err)) < 0)
			return rc;
		have_groups = 1;
	}
	if ((rc = cm_analysis_need(a, POWER_KERNELS, err)) < 0)
		goto out;
	x.g = &a->g;
	x.c = &a->c;
	x.paths = &a->paths;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	buf = malloc((x.n + 1) * sizeof(*buf));
	budget = malloc((x.n + 1) * sizeof(*budget));
	if (!buf || !budget)
		goto out;
	for (i = 0; i < x.n; i++)
		budget[i] = x.l->orgs[i].budget;
	if (network_section(&x) < 0 || centralization_section(&x, buf) < 0 ||
	    inequality_section(&x, buf, budget) < 0 || money_section(&x, buf, budget) < 0)
		goto out;
	if (have_groups && (groups_section(&x, &gr) < 0 || access_section(&x, &gr, 0) < 0 ||
			    access_section(&x, &gr, 1) < 0))
		goto out;
	if (o && o->key_players && (kpp_neg(&x, o->key_players) < 0 || kpp_pos(&x, o->key_players) < 0))
		goto out;
	if (funding_section(&x) < 0 || x.r.nomem)
		goto out;
	cm_error_clear(err);
	rc = CM_OK;
out:
	free(buf);
	free(budget);
	if (have_groups)
		cm_groups_release(&gr);
	return rc;
}

int cm_power_compute(const struct cm_landscape *l, const struct cm_filter *f, const struct cm_power_opts *o,
		     struct cm_table *out, struct cm_error *err)
{
	struct cm_analysis *a;
	int rc;

	if ((rc = cm_analysis_new(&a, l, f, err)) < 0)
		return rc;
	rc = cm_power(a, o, out, err);
	cm_analysis_free(a);
	return rc;
}
