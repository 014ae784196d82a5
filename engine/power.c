/* power.c - the power report: network-level measures, centralization,
 * inequality, money and position, funding concentration; the groups
 * (power_access.c) and key players (keyplayers.c) in between.  Every
 * figure is defined in docs/power.md. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "power.h"

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

/* ---------------------------------------------------------------- */
/* sections                                                           */

/* The values of measure m (computed by then: see cm_power). */
static void column(const struct power *x, enum cm_metric m, double *out)
{
	memcpy(out, x->a->v[m], x->n * sizeof(*out));
}

/* Components of the collaboration graph; the average distance and the
 * diameter of the largest come from the metrics' path searches (every
 * source, or the sampled ones: then they are estimates, the diameter a
 * lower bound). */
static void largest_component(struct power *x, igraph_integer_t *ncomp, igraph_integer_t *largest,
			      double *apl, double *diam)
{
	const struct cm_analysis *a = x->a;
	size_t best = 0, i;
	double sum = 0, pairs = 0, far = 0;

	*apl = *diam = NAN;
	*ncomp = (igraph_integer_t)a->ncomp;
	*largest = 0;
	for (i = 0; i < a->ncomp; i++)
		if ((igraph_integer_t)a->comp_size[i] > *largest) {
			*largest = (igraph_integer_t)a->comp_size[i];
			best = i;
		}
	for (i = 0; i < x->n; i++)
		if (a->comp[i] == best && x->paths->searched[i]) {
			sum += x->paths->dist_sum[i];
			pairs += (double)x->paths->reached[i];
			if (x->paths->ecc[i] > far)
				far = x->paths->ecc[i];
		}
	if (*largest >= 2 && pairs > 0) {
		*apl = sum / pairs;
		*diam = far;
	}
}

static int network_section(struct power *x)
{
	double n = (double)x->n, m = (double)igraph_ecount(&x->g->collab), apl, diam, tr, ac, rec = NAN;
	igraph_integer_t ncomp = 0, largest = 0;
	igraph_error_t e;

	largest_component(x, &ncomp, &largest, &apl, &diam);
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

static const char *level(double c)
{
	return c >= 0.5 ? "highly centralized" : c >= 0.25 ? "moderately centralized" : "decentralized";
}

static int centralization_section(struct power *x, double *buf)
{
	static const enum cm_metric cs[] = { CM_M_DEGREE, CM_M_BETWEENNESS, CM_M_HARMONIC, CM_M_EIGENVECTOR };
	double n = (double)x->n;
	double tmax[4] = { (n - 1) * (n - 2), (n - 1) * (n - 1) * (n - 2) / 2, (n - 1) * (n - 2) / 2, n - 2 };
	size_t k;

	for (k = 0; k < 4; k++) {
		double c;
		const struct cm_metric_info *mi = cm_metric_info(cs[k]);
		column(x, cs[k], buf);
		c = cm_freeman(buf, x->n, tmax[k]);
		if (isnan(c))
			cm_findings_add(&x->r, "centralization", "", mi->name, NAN, "undefined: fewer than three organizations");
		else
			cm_findings_add(&x->r, "centralization", "", mi->name, c, "%s on %s: %.2f (0 = all equal, 1 = a star)",
			    level(c), mi->label, c);
	}
	return CM_OK;
}

static void inequality_of(struct power *x, const char *name, const char *what, const double *v, size_t k)
{
	char measure[64];
	double g = cm_gini(v, k, &x->r.nomem), t = cm_top10_share(v, k, &x->r.nomem);

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

static int inequality_section(struct power *x, double *buf, double *budget)
{
	static const enum cm_metric cs[] = { CM_M_DEGREE, CM_M_BETWEENNESS };
	size_t k, i, nb;

	for (k = 0; k < 2; k++) {
		column(x, cs[k], buf);
		inequality_of(x, cm_metric_info(cs[k])->name, cm_metric_info(cs[k])->label, buf, x->n);
	}
	for (i = 0; i < x->n; i++)
		buf[i] = budget[i];
	nb = compact(buf, budget, x->n);
	inequality_of(x, "budget", "budget", buf, nb);
	column(x, CM_M_FUNDING_IN, buf);
	inequality_of(x, "funding_in", cm_metric_info(CM_M_FUNDING_IN)->label, buf, x->n);
	return CM_OK;
}

const enum cm_metric cm_money_metrics[MONEY_METRICS] = { CM_M_DEGREE, CM_M_BETWEENNESS, CM_M_HARMONIC,
							 CM_M_EIGENVECTOR, CM_M_PAGERANK };

static int money_section(struct power *x, double *buf, double *budget)
{
	const enum cm_metric *cs = cm_money_metrics;
	double *b = malloc((x->n + 1) * sizeof(*b));
	size_t k, i, nb;

	if (!b)
		return CM_ENOMEM;
	for (i = 0; i < x->n; i++)
		b[i] = budget[i];
	nb = compact(b, budget, x->n);
	for (k = 0; k < MONEY_METRICS; k++) {
		char measure[64];
		double rho;
		column(x, cs[k], buf);
		compact(buf, budget, x->n);
		snprintf(measure, sizeof(measure), "spearman_budget_%s", cm_metric_info(cs[k])->name);
		if (cs[k] == CM_M_EIGENVECTOR && x->a->eigen_failed) {
			cm_findings_add(&x->r, "money_and_position", "", measure, NAN,
			    "undefined: eigenvector centrality does not converge on this network");
			continue;
		}
		rho = cm_spearman(b, buf, nb, &x->r.nomem);
		if (isnan(rho))
			cm_findings_add(&x->r, "money_and_position", "", measure, NAN,
			    "undefined: fewer than three budgets, or no variation");
		else
			cm_power_add(x, "money_and_position", "", measure, rho, &x->tests.spearman[k],
			    "%s: budget and %s rank together at %.2f",
			    fabs(rho) >= 0.5 ? (rho > 0 ? "money tracks position" : "money runs against position") :
			    fabs(rho) >= 0.2 ? "money and position are loosely related" : "money does not buy position",
			    cm_metric_info(cs[k])->label, rho);
	}
	free(b);
	return CM_OK;
}

/* ---- funding */

static int funding_section(struct power *x)
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
	qsort(items, nf, sizeof(*items), cm_flow_cmp);
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
		qsort(items, nf, sizeof(*items), cm_flow_cmp);
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

/* ---- the key players' and gatekeepers' robustness (--missing) ---- */

void cm_power_robust_say(struct power *x, const char *section, const char *prefix, const char *one,
			 const char *many, size_t l, size_t j, size_t v)
{
	const struct cm_rank_lists *L = x->rob;
	size_t si, S, k, obs;

	if (!L || l >= L->nlists || j >= L->k[l] || L->top[l * L->kmax + j] != v)
		return;
	S = x->ro->nshares;
	k = L->k[l];
	obs = L->obs[l * L->kmax + j];
	for (si = 0; si < S; si++) {
		const struct cm_rank_cell *c = &L->cell[(l * L->kmax + j) * S + si];
		double s = x->ro->shares[si];
		char measure[400], ps[48], pk[16], pt[16], range[64];
		snprintf(measure, sizeof(measure), "%s:%g", prefix, s);
		snprintf(ps, sizeof(ps), "%g %% of %s", 100 * s, x->ro->orgs ? "orgs" : "ties");
		if (!c->held) {
			cm_findings_add(&x->r, section, org_id(x, v), measure, NAN,
			    "missing from every resample with %s missing", ps);
			continue;
		}
		cm_rank_percent(pt, sizeof(pt), c->in_top);
		cm_rank_percent(pk, sizeof(pk), c->keeps);
		if (c->low > k)
			snprintf(range, sizeof(range), "off the list");
		else if (c->high > k)
			snprintf(range, sizeof(range), "from %u to off the list", c->low);
		else if (c->low == c->high)
			snprintf(range, sizeof(range), "%u", c->low);
		else
			snprintf(range, sizeof(range), "%u to %u", c->low, c->high);
		if (k > 1)
			cm_findings_add(&x->r, section, org_id(x, v), measure, c->in_top,
			    "among the %zu %s in %s of resamples with %s missing; place %zu%s in %s; 95 %% of places %s", k,
			    many, pt, ps, obs, obs > 1 ? " or better" : "", pk, range);
		else
			cm_findings_add(&x->r, section, org_id(x, v), measure, c->in_top,
			    "as the %s in %s of resamples with %s missing; place 1 in %s; 95 %% of places %s", one, pt, ps,
			    pk, range);
	}
}

/* A run of the lists under --missing: what it reads (the options, the
 * groups or NULL), the resamples' options, the lists' figures, and its
 * memory: the observed lists' scores (sc) and, in buf, the observed lists
 * (top, k) and a resample's (not kept). */
struct power_rob {
	const struct cm_power_opts *o;
	const struct cm_groups *gr;
	size_t nlists, kmax;
	struct cm_rank_opts ro;
	struct cm_rank_lists L;
	double *sc;
	size_t *buf, *top, *k;
};

static void rob_release(struct power_rob *p)
{
	cm_rank_lists_release(&p->L);
	free(p->sc);
	free(p->buf);
}

/* The key players and gatekeepers of context c scored into q (a quiet
 * power run); gone the orgs missing (NULL: none). */
static int lists_of(struct cm_analysis *c, const unsigned char *gone, const struct power_rob *p,
		    struct power_lists *q, struct cm_error *err)
{
	struct power y;
	size_t i;
	int rc;

	if ((rc = cm_analysis_graphs(c, err)) < 0)
		return rc;
	memset(&y, 0, sizeof(y));
	y.a = c;
	y.l = c->l;
	y.f = &c->f;
	y.o = p->o;
	y.g = &c->g;
	y.c = &c->c;
	y.n = c->n;
	y.err = err;
	y.quiet = q;
	y.gone = gone;
	for (i = 0; i < p->nlists * c->n; i++)
		q->sc[i] = NAN;
	for (i = 0; i < p->nlists; i++)
		q->k[i] = 0;
	if ((p->o->key_players && (cm_power_kpp_neg(&y, p->o->key_players) < 0 ||
				   cm_power_kpp_pos(&y, p->o->key_players) < 0)) ||
	    (p->gr && cm_power_access(&y, p->gr, 1) < 0))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return CM_OK;
}

/* A resample's lists (cm_rank_lists's score). */
static int score_lists(struct cm_analysis *c, const unsigned char *gone, void *arg, double *sc, struct cm_error *err)
{
	struct power_rob *p = arg;
	struct power_lists q = { sc, p->top, p->k, p->kmax };

	return lists_of(c, gone, p, &q, err);
}

/* The most lists times orgs a run scores (8 bytes each, per resample). */
#define ROBUST_CELLS ((size_t)1 << 25)

/* Runs the resamples of x->o's --missing into p (released by the caller
 * with rob_release, also on error) and points x->rob at its figures. */
static int robustness(struct power *x, const struct cm_groups *gr, struct power_rob *p)
{
	const struct cm_power_opts *o = x->o;
	struct cm_rank_opts *ro = &p->ro;
	struct power_lists q;
	int rc;

	ro->shares = o->missing;
	ro->nshares = o->nmissing;
	ro->resamples = o->resamples ? o->resamples : CM_RANK_RESAMPLES;
	ro->orgs = o->missing_orgs;
	ro->seed = o->seed;
	if ((rc = cm_rank_check(ro, x->err)) < 0)
		return rc;
	p->o = o;
	p->gr = gr;
	p->nlists = POWER_LIST_GATEKEEPERS + (gr ? gr->n : 0);
	p->kmax = o->key_players > GATEKEEPERS_LISTED ? o->key_players : GATEKEEPERS_LISTED;
	if (p->nlists > ROBUST_CELLS / (x->n + 1))
		return cm_error_set(x->err, CM_EUSAGE, NULL, 0, 0,
				    "--missing: %zu groups of %zu organizations are too many to rank their gatekeepers "
				    "(at most %zu groups times organizations); group by a coarser column",
				    p->nlists - POWER_LIST_GATEKEEPERS, x->n, ROBUST_CELLS);
	p->buf = malloc((2 * p->nlists * (p->kmax + 1) + 1) * sizeof(*p->buf));
	p->sc = malloc((p->nlists * x->n + 1) * sizeof(*p->sc));
	if (!p->buf || !p->sc)
		return cm_error_set(x->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	q = (struct power_lists){ p->sc, p->buf, p->buf + p->nlists * p->kmax, p->kmax };
	p->top = q.k + p->nlists;
	p->k = p->top + p->nlists * p->kmax;
	if ((rc = lists_of(x->a, NULL, p, &q, x->err)) < 0)
		return rc;
	p->L.nlists = p->nlists;
	p->L.kmax = p->kmax;
	p->L.k = q.k;
	p->L.top = q.top;
	p->L.nan_beyond = 1;
	p->L.score = score_lists;
	p->L.arg = p;
	p->L.observed = p->sc;
	if ((rc = cm_rank_lists_run(x->a, ro, &p->L, x->err)) < 0)
		return rc;
	x->rob = &p->L;
	x->ro = ro;
	return CM_OK;
}

/* The measures the report is built on. */
#define POWER_KERNELS (CM_K_DEGREE | CM_K_PATHS | CM_K_EIGEN | CM_K_PAGERANK | CM_K_FUNDING | CM_K_COMPONENTS)

int cm_power(struct cm_analysis *a, const struct cm_power_opts *o, struct cm_table *out, struct cm_error *err)
{
	static const char *const tested[] = { "value", "p_value", "null_mean", "null_low", "null_high" };
	struct power x;
	struct cm_groups gr;
	struct power_rob rob;
	double *buf = NULL, *budget = NULL;
	size_t i;
	int rc, have_groups = 0;

	memset(&x, 0, sizeof(x));
	memset(&rob, 0, sizeof(rob));
	memset(&gr, 0, sizeof(gr));
	x.a = a;
	x.l = a->l;
	x.f = &a->f;
	x.o = o;
	x.n = a->n;
	x.err = err;
	if ((o && o->permutations ? cm_findings_init_values(&x.r, out, tested, 5) : cm_findings_init(&x.r, out)) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (o && o->group_by) {
		if ((rc = cm_groups_of(a, o->group_by, &gr, err)) < 0)
			return rc;
		have_groups = 1;
	}
	if ((rc = cm_analysis_need(a, POWER_KERNELS, err)) < 0)
		goto out;
	x.g = &a->g;
	x.c = &a->c;
	x.paths = &a->paths;
	if ((rc = cm_power_tests_run(&x, have_groups ? &gr : NULL)) < 0)
		goto out;
	if (o && o->nmissing && (o->key_players || have_groups) &&
	    (rc = robustness(&x, have_groups ? &gr : NULL, &rob)) < 0)
		goto out;
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
	if (have_groups && (cm_power_groups(&x, &gr) < 0 || cm_power_access(&x, &gr, 0) < 0 ||
			    cm_power_access(&x, &gr, 1) < 0))
		goto out;
	if (o && o->key_players && (cm_power_kpp_neg(&x, o->key_players) < 0 || cm_power_kpp_pos(&x, o->key_players) < 0))
		goto out;
	if (funding_section(&x) < 0 || x.r.nomem)
		goto out;
	if ((rc = cm_power_core_periphery(&x)) < 0)
		goto out;
	cm_error_clear(err);
	rc = CM_OK;
out:
	free(buf);
	free(budget);
	rob_release(&rob);
	cm_power_tests_release(&x.tests);
	if (have_groups)
		cm_groups_release(&gr);
	return rc;
}
