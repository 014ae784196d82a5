/* gaps.c - who is missing: partner recommendations for one organization and
 * the gaps of the landscape as a whole (docs/gaps.md). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"

static const char *const known_types[] = { "ngo", "ingo", "grassroots", "network", "donor", "government",
	"decision_maker", "un_agency", "media", "corporate", "academic" };
static const char *const known_skills[] = { "research", "media", "organizing", "legal", "funding",
	"policy_access" };

#define N_(a) (sizeof(a) / sizeof(*(a)))

static const char *const comp_names[CM_GAP_NCOMPONENTS] = {
	"closeness", "fit", "complementarity", "reach", "constraint_drop", "influence", "access"
};

const char *cm_gaps_component_name(size_t k)
{
	return k < CM_GAP_NCOMPONENTS ? comp_names[k] : NULL;
}

/* ---------------------------------------------------------------- */
/* small helpers                                                      */

static int in_list(const struct cm_strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcasecmp(l->v[i], s))
			return 1;
	return 0;
}

/* 1 if the ';'-separated list contains item (case-insensitive). */
static int list_has(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ';');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && !strncasecmp(p, item, n))
			return 1;
		p += k + (e != NULL);
	}
	return 0;
}

/* Calls fn for every item of a ';'-separated list. */
static void list_each(const char *list, void (*fn)(const char *item, size_t n, void *ctx), void *ctx)
{
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ';');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k)
			fn(p, k, ctx);
		p += k + (e != NULL);
	}
}

/* A small set of strings (skills, regions, group values of one ego). */
struct strset {
	char **v;
	size_t n, cap;
	int nomem;
};

static int set_has(const struct strset *s, const char *x, size_t n)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strlen(s->v[i]) == n && !strncasecmp(s->v[i], x, n))
			return 1;
	return 0;
}

static void set_add(const char *x, size_t n, void *ctx)
{
	struct strset *s = ctx;

	if (!n || set_has(s, x, n))
		return;
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		char **v = realloc(s->v, cap * sizeof(*v));
		if (!v) {
			s->nomem = 1;
			return;
		}
		s->v = v;
		s->cap = cap;
	}
	if (!(s->v[s->n] = strndup(x, n))) {
		s->nomem = 1;
		return;
	}
	s->n++;
}

static void set_release(struct strset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

struct count_ctx {
	const struct strset *in;
	size_t total, hits;
	char first_new[3][64]; /* up to three items not in the set, for the explanation */
	size_t nnew;
};

static void count_new(const char *x, size_t n, void *ctx)
{
	struct count_ctx *c = ctx;

	c->total++;
	if (!set_has(c->in, x, n)) {
		c->hits++;
		if (c->nnew < 3) {
			snprintf(c->first_new[c->nnew], sizeof(c->first_new[0]), "%.*s", (int)(n < 60 ? n : 60), x);
			c->nnew++;
		}
	}
}

/* Jaccard index of two ';' lists (0 when both are empty). */
static double jaccard(const char *a, const char *b, size_t *shared)
{
	struct strset sa = { 0 }, sb = { 0 };
	size_t i, inter = 0, uni;
	double j;

	list_each(a, set_add, &sa);
	list_each(b, set_add, &sb);
	for (i = 0; i < sa.n; i++)
		inter += set_has(&sb, sa.v[i], strlen(sa.v[i]));
	uni = sa.n + sb.n - inter;
	j = uni ? (double)inter / (double)uni : 0;
	*shared = inter;
	set_release(&sa);
	set_release(&sb);
	return j;
}

/* ---------------------------------------------------------------- */
/* recommendations                                                    */

struct cand {
	size_t org;
	double comp[CM_GAP_NCOMPONENTS];
	double score, aa, drop;
	long new_reach, shared;
	size_t shared_issues;
	long reached_target; /* a decision-maker it would newly bring within reach, or -1 */
	long reached_best;   /* the best-connected org it would newly bring within reach */
	unsigned char opposes, single_funder;
	long conflict_with;  /* org in conflict with the candidate: ego or a partner, or -1 */
	char new_skills[3][64];
	size_t nnew_skills;
};

static int cand_cmp(const void *a, const void *b, void *ctx)
{
	const struct cand *x = a, *y = b;
	const struct cm_landscape *l = ctx;

	if (fabs(x->score - y->score) > 1e-12)
		return x->score > y->score ? -1 : 1;
	return strcmp(l->pool.buf + l->orgs[x->org].id, l->pool.buf + l->orgs[y->org].id);
}

static int passes_filters(const struct cm_landscape *l, const struct cm_gaps_opts *o, size_t c)
{
	const struct cm_org *g = &l->orgs[c];
	const char *p = l->pool.buf;
	static const char *const stance[] = { "", "support", "neutral", "oppose" };
	size_t k;
	int any;

	if (o->type.n && !in_list(&o->type, p + g->type))
		return 0;
	if (o->region.n && !in_list(&o->region, p + g->region))
		return 0;
	if (o->exclude_stance.n && in_list(&o->exclude_stance, stance[g->stance]))
		return 0;
	if (o->need_types.n && !in_list(&o->need_types, p + g->type))
		return 0;
	if (o->need_regions.n && !in_list(&o->need_regions, p + g->region))
		return 0;
	if (o->need_skills.n) {
		for (k = 0, any = 0; k < o->need_skills.n && !any; k++)
			any = list_has(p + g->skills, o->need_skills.v[k]);
		if (!any)
			return 0;
	}
	return 1;
}

/* Appends formatted text to a bounded buffer. */
static void say(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(char *buf, size_t n, const char *fmt, ...)
{
	size_t k = strlen(buf);
	va_list ap;

	if (k + 1 >= n)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + k, n - k, fmt, ap);
	va_end(ap);
}

static void explain(const struct cm_landscape *l, const struct cand *c, char *why, size_t n)
{
	const char *p = l->pool.buf;
	size_t k;

	why[0] = '\0';
	if (c->shared || c->shared_issues) {
		say(why, n, "shares");
		if (c->shared)
			say(why, n, " %ld partner%s", c->shared, c->shared == 1 ? "" : "s");
		if (c->shared && c->shared_issues)
			say(why, n, " and");
		if (c->shared_issues)
			say(why, n, " %zu issue%s", c->shared_issues, c->shared_issues == 1 ? "" : "s");
		say(why, n, "; ");
	}
	if (c->nnew_skills) {
		say(why, n, "brings ");
		for (k = 0; k < c->nnew_skills; k++)
			say(why, n, "%s%s", k ? (k + 1 == c->nnew_skills ? " and " : ", ") : "", c->new_skills[k]);
		say(why, n, " skill%s you lack; ", c->nnew_skills == 1 ? "" : "s");
	}
	if (c->new_reach > 0) {
		long show = c->reached_target >= 0 ? c->reached_target : c->reached_best;
		say(why, n, "reaches %ld new org%s", c->new_reach, c->new_reach == 1 ? "" : "s");
		if (show >= 0)
			say(why, n, ", including %s", p + l->orgs[show].name);
		say(why, n, "; ");
	}
	if (c->comp[CM_GAP_ACCESS] > 0)
		say(why, n, "has direct access to a decision-maker; ");
	if (c->opposes)
		say(why, n, "RISK: opposes the goal; ");
	if (c->conflict_with >= 0)
		say(why, n, "RISK: in conflict with %s; ", p + l->orgs[c->conflict_with].name);
	if (c->single_funder)
		say(why, n, "RISK: depends on a single funder; ");
	k = strlen(why);
	if (k >= 2 && why[k - 2] == ';')
		why[k - 2] = '\0';
	if (!why[0])
		snprintf(why, n, "no shared partners, issues or new reach");
}

enum rcol { R_RANK, R_ID, R_NAME, R_TYPE, R_SCORE, R_COMP0, R_NEWREACH = R_COMP0 + CM_GAP_NCOMPONENTS,
	    R_SHARED, R_RISK, R_WHY, R_N };

void cm_gaps_opts_init(struct cm_gaps_opts *o)
{
	size_t k;

	memset(o, 0, sizeof(*o));
	for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
		o->weights[k] = 1;
}

int cm_recommend(struct cm_analysis *an, const struct cm_gaps_opts *o, struct cm_table *out, struct cm_error *err)
{
	const struct cm_landscape *l = an->l;
	const struct cm_filter *f = &an->f;
	const struct cm_csr *c = &an->c;
	struct strset skills = { 0 }, regions = { 0 }, groups = { 0 };
	struct cm_groups gr;
	struct cand *cs = NULL;
	const double *eig, *funders;
	size_t n = l->norgs, ncand = 0, i, k;
	long x;
	double *aa = NULL, *a = NULL, sx, cold = 0, maxinfl = 0, wsum = 0;
	long *nbrpos = NULL, *shared = NULL;
	unsigned char *n2 = NULL, *access = NULL, *partner = NULL, *tgt = NULL;
	const char *group_by = o->group_by ? o->group_by : "type";
	int rc, have_groups = 0;
	char why[600];

	if (!o->for_org || (x = cm_org_find(l, o->for_org)) < 0)
		return cm_error_set(err, CM_EUSAGE, l->orgs_path, 0, 0, "no organization with id '%s'",
				    o->for_org ? o->for_org : "");
	if ((rc = cm_groups_build(l, group_by, &gr, err)) < 0)
		return rc;
	have_groups = 1;
	if ((rc = cm_analysis_need(an, CM_K_GRAPHS | CM_K_FUNDING | CM_K_EIGEN, err)) < 0)
		goto out;
	eig = an->v[CM_M_EIGENVECTOR];
	funders = an->v[CM_M_FUNDERS];
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	aa = calloc(n + 1, sizeof(*aa));
	a = calloc(n + 1, sizeof(*a));
	shared = calloc(n + 1, sizeof(*shared));
	nbrpos = malloc((n + 1) * sizeof(*nbrpos));
	n2 = calloc(n + 1, 1);
	access = calloc(n + 1, 1);
	tgt = calloc(n + 1, 1);
	partner = calloc(n + 1, 1);
	cs = malloc((n + 1) * sizeof(*cs));
	if (!aa || !a || !shared || !nbrpos || !n2 || !access || !tgt || !partner || !cs)
		goto out;
	for (i = 0; i < n; i++) {
		nbrpos[i] = -1;
		if (!isnan(l->orgs[i].influence) && l->orgs[i].influence > maxinfl)
			maxinfl = l->orgs[i].influence;
	}
	cm_mark_targets(l, &o->targets, tgt);
	cm_mark_direct_access(l, f, tgt, access);

	/* the ego: partners, two-step reach, what its partners bring */
	sx = c->strength[x];
	n2[x] = 1;
	list_each(l->pool.buf + l->orgs[x].skills, set_add, &skills);
	set_add(l->pool.buf + l->orgs[x].region, strlen(l->pool.buf + l->orgs[x].region), &regions);
	set_add(gr.names[gr.group_of[x]], strlen(gr.names[gr.group_of[x]]), &groups);
	for (k = (size_t)c->start[x]; k < (size_t)c->start[x + 1]; k++) {
		igraph_integer_t z = c->nbr[k], e;
		double az = 1.0 / log((double)(c->start[z + 1] - c->start[z]));
		partner[z] = 1;
		nbrpos[z] = (long)k;
		n2[z] = 1;
		list_each(l->pool.buf + l->orgs[z].skills, set_add, &skills);
		set_add(l->pool.buf + l->orgs[z].region, strlen(l->pool.buf + l->orgs[z].region), &regions);
		set_add(gr.names[gr.group_of[z]], strlen(gr.names[gr.group_of[z]]), &groups);
		for (e = c->start[z]; e < c->start[z + 1]; e++) {
			igraph_integer_t w = c->nbr[e];
			n2[w] = 1;
			if (w != x) {
				aa[w] += az;
				shared[w]++;
			}
		}
	}
	if (skills.nomem || regions.nomem || groups.nomem)
		goto out;
	/* Burt's constraint of the ego, term by term: a[j] = p_xj + sum_q p_xq p_qj */
	if (sx > 0) {
		for (k = (size_t)c->start[x]; k < (size_t)c->start[x + 1]; k++) {
			igraph_integer_t j = c->nbr[k], e;
			double aj = c->w[k] / sx;
			for (e = c->start[j]; e < c->start[j + 1]; e++) {
				igraph_integer_t q = c->nbr[e];
				if (q != x && nbrpos[q] >= 0)
					aj += (c->w[nbrpos[q]] / sx) * (c->w[e] / c->strength[q]);
			}
			a[j] = aj;
			cold += aj * aj;
		}
	}

	for (i = 0; i < n; i++) {
		struct cand *cd = &cs[ncand];
		struct count_ctx cc = { &skills, 0, 0, { "" }, 0 };
		igraph_integer_t e;
		const struct cm_org *og = &l->orgs[i];
		const char *p = l->pool.buf;
		double bestdeg = -1;
		size_t si;

		if ((long)i == x || partner[i] || (!o->include_targets && tgt[i]) ||
		    !passes_filters(l, o, i))
			continue;
		memset(cd, 0, sizeof(*cd));
		cd->org = i;
		cd->aa = aa[i];
		cd->shared = shared[i];
		cd->reached_target = cd->reached_best = -1;
		cd->conflict_with = -1;
		/* fit */
		cd->comp[CM_GAP_FIT] = 0.5 * jaccard(p + l->orgs[x].issues, p + og->issues, &si) +
				       0.5 * (og->stance && og->stance == l->orgs[x].stance);
		cd->shared_issues = si;
		/* complementarity */
		list_each(p + og->skills, count_new, &cc);
		cd->nnew_skills = cc.nnew;
		memcpy(cd->new_skills, cc.first_new, sizeof(cd->new_skills));
		cd->comp[CM_GAP_COMPLEMENTARITY] =
			((cc.total ? (double)cc.hits / (double)cc.total : 0) +
			 (*(p + og->region) && !set_has(&regions, p + og->region, strlen(p + og->region))) +
			 (*gr.names[gr.group_of[i]] &&
			  !set_has(&groups, gr.names[gr.group_of[i]], strlen(gr.names[gr.group_of[i]])))) / 3.0;
		/* new reach, and the ego's constraint with the tie added */
		cd->new_reach = !n2[i];
		{
			double sxp = sx + 1, scp = c->strength[i] + 1, r = sx / sxp, pxc = 1 / sxp, cnew, inc = pxc;
			cnew = r * r * cold;
			for (e = c->start[i]; e < c->start[i + 1]; e++) {
				igraph_integer_t j = c->nbr[e];
				if (!n2[j]) {
					cd->new_reach++;
					if (tgt[j] && cd->reached_target < 0)
						cd->reached_target = j;
					if ((double)(c->start[j + 1] - c->start[j]) > bestdeg) {
						bestdeg = (double)(c->start[j + 1] - c->start[j]);
						cd->reached_best = j;
					}
				}
				if (sx > 0 && nbrpos[j] >= 0) {
					double before = r * a[j], after = before + pxc * c->w[e] / scp;
					cnew += after * after - before * before;
					inc += (c->w[nbrpos[j]] / sxp) * (c->w[e] / c->strength[j]);
				}
			}
			cnew += inc * inc;
			cd->drop = sx > 0 ? fmax(0, cold - cnew) : 0;
		}
		/* influence and access */
		cd->comp[CM_GAP_INFLUENCE] = 0.5 * eig[i] +
					     0.5 * (maxinfl > 0 && !isnan(og->influence) ? og->influence / maxinfl : 0);
		cd->comp[CM_GAP_ACCESS] = access[i];
		/* risks */
		cd->opposes = og->stance == CM_STANCE_OPPOSE;
		cd->single_funder = funders[i] == 1;
		ncand++;
	}
	/* conflict ties between a candidate and the ego or one of its partners */
	{
		long *cpos = malloc((n + 1) * sizeof(*cpos));
		if (!cpos)
			goto out;
		for (i = 0; i < n; i++)
			cpos[i] = -1;
		for (i = 0; i < ncand; i++)
			cpos[cs[i].org] = (long)i;
		for (i = 0; i < l->nties; i++) {
			const struct cm_tie *t = &l->ties[i];
			if (!cm_tie_type_is_conflict(l->tie_types[t->type]) || !cm_filter_keeps(l, f, t))
				continue;
			if (cpos[t->src] >= 0 && ((long)t->dst == x || partner[t->dst]) && cs[cpos[t->src]].conflict_with < 0)
				cs[cpos[t->src]].conflict_with = t->dst;
			if (cpos[t->dst] >= 0 && ((long)t->src == x || partner[t->src]) && cs[cpos[t->dst]].conflict_with < 0)
				cs[cpos[t->dst]].conflict_with = t->src;
		}
		free(cpos);
	}
	/* normalise the relative components among the candidates, then score */
	{
		double maxaa = 0, maxreach = 0, maxdrop = 0;
		for (i = 0; i < ncand; i++) {
			maxaa = fmax(maxaa, cs[i].aa);
			maxreach = fmax(maxreach, (double)cs[i].new_reach);
			maxdrop = fmax(maxdrop, cs[i].drop);
		}
		for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
			wsum += o->weights[k];
		for (i = 0; i < ncand; i++) {
			struct cand *cd = &cs[i];
			cd->comp[CM_GAP_CLOSENESS] = maxaa > 0 ? cd->aa / maxaa : 0;
			cd->comp[CM_GAP_REACH] = maxreach > 0 ? (double)cd->new_reach / maxreach : 0;
			cd->comp[CM_GAP_CONSTRAINT] = maxdrop > 0 ? cd->drop / maxdrop : 0;
			cd->score = 0;
			for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
				cd->score += o->weights[k] * cd->comp[k];
			cd->score = wsum > 0 ? cd->score / wsum : 0;
		}
	}
	qsort_r(cs, ncand, sizeof(*cs), cand_cmp, (void *)l);
	if (o->top && ncand > o->top)
		ncand = o->top;

	cm_table_release(out);
	cm_table_init(out, ncand);
	{
		static const char *const names[] = { "rank", "id", "name", "type", "score" };
		static const enum cm_kind kinds[] = { CM_INT, CM_TEXT, CM_TEXT, CM_TEXT, CM_REAL };
		for (k = 0; k < N_(names); k++)
			if (cm_table_add_column(out, names[k], kinds[k]) < 0)
				goto out;
		for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
			if (cm_table_add_column(out, comp_names[k], CM_REAL) < 0)
				goto out;
		if (cm_table_add_column(out, "new_reach", CM_INT) < 0 ||
		    cm_table_add_column(out, "shared_partners", CM_INT) < 0 ||
		    cm_table_add_column(out, "risk", CM_TEXT) < 0 || cm_table_add_column(out, "why", CM_TEXT) < 0)
			goto out;
	}
	for (i = 0; i < ncand; i++) {
		const struct cand *cd = &cs[i];
		char risk[64] = "";
		if (cd->conflict_with >= 0)
			say(risk, sizeof(risk), "conflict");
		if (cd->opposes)
			say(risk, sizeof(risk), "%sopposes", risk[0] ? ";" : "");
		if (cd->single_funder)
			say(risk, sizeof(risk), "%ssingle_funder", risk[0] ? ";" : "");
		explain(l, cd, why, sizeof(why));
		cm_table_set_int(out, R_RANK, i, (long long)i + 1);
		if (cm_table_set_text(out, R_ID, i, cm_landscape_org_id(l, cd->org)) < 0 ||
		    cm_table_set_text(out, R_NAME, i, cm_landscape_org_name(l, cd->org)) < 0 ||
		    cm_table_set_text(out, R_TYPE, i, cm_landscape_org_type(l, cd->org)) < 0 ||
		    cm_table_set_text(out, R_RISK, i, risk) < 0 || cm_table_set_text(out, R_WHY, i, why) < 0)
			goto out;
		cm_table_set_real(out, R_SCORE, i, cd->score);
		for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
			cm_table_set_real(out, R_COMP0 + k, i, cd->comp[k]);
		cm_table_set_int(out, R_NEWREACH, i, cd->new_reach);
		cm_table_set_int(out, R_SHARED, i, cd->shared);
	}
	cm_error_clear(err);
	rc = CM_OK;
out:
	free(aa);
	free(a);
	free(shared);
	free(nbrpos);
	free(n2);
	free(access);
	free(tgt);
	free(partner);
	free(cs);
	set_release(&skills);
	set_release(&regions);
	set_release(&groups);
	if (have_groups)
		cm_groups_release(&gr);
	return rc;
}

int cm_gaps_recommend(const struct cm_landscape *l, const struct cm_filter *f, const struct cm_gaps_opts *o,
		      struct cm_table *out, struct cm_error *err)
{
	struct cm_analysis *a;
	int rc;

	if ((rc = cm_analysis_new(&a, l, f, err)) < 0)
		return rc;
	rc = cm_recommend(a, o, out, err);
	cm_analysis_free(a);
	return rc;
}

/* ---------------------------------------------------------------- */
/* landscape gaps                                                     */

#define HOLES_COMMUNITIES 12 /* the largest communities compared pairwise */
#define SINGLE_POINTS_LISTED 25 /* rows listed per kind of finding */

struct sized {
	double size;
	size_t id;
};

static int sized_cmp(const void *a, const void *b)
{
	const struct sized *x = a, *y = b;

	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static void isolates_and_unreached(struct cm_report *r, const struct cm_landscape *l, const struct cm_gaps_opts *o,
				   const struct cm_csr *c, const struct cm_dfs *d, size_t ncomp)
{
	size_t n = l->norgs, i, k;
	unsigned char *has_target = calloc(ncomp + 1, 1), *tgt = malloc(n + 1);
	size_t *first = malloc((ncomp + 1) * sizeof(*first)), nunreached = 0, niso = 0;

	if (!has_target || !tgt || !first) {
		r->nomem = 1;
		goto out;
	}
	for (k = 0; k < ncomp; k++)
		first[k] = n;
	cm_mark_targets(l, &o->targets, tgt);
	for (i = 0; i < n; i++) {
		size_t comp = (size_t)d->comp[i];
		if (first[comp] == n)
			first[comp] = i;
		if (tgt[i])
			has_target[comp] = 1;
	}
	for (i = 0; i < n; i++)
		niso += c->start[i] == c->start[i + 1];
	for (k = 0; k < ncomp; k++)
		nunreached += !has_target[k] && d->comp_size[k] >= 2;
	cm_report_add(r, "isolates", "", "count", (double)niso, "%zu organization%s without ties", niso,
		      niso == 1 ? "" : "s");
	for (i = 0, k = 0; i < n && k < SINGLE_POINTS_LISTED; i++)
		if (c->start[i] == c->start[i + 1] && ++k)
			cm_report_add(r, "isolates", cm_landscape_org_id(l, i), "isolate", 1,
				      "%s has no ties to anyone in the landscape", cm_landscape_org_name(l, i));
	cm_report_add(r, "unreached", "", "count", (double)nunreached,
		      "%zu group%s of organizations %s cut off from every decision-maker", nunreached,
		      nunreached == 1 ? "" : "s", nunreached == 1 ? "is" : "are");
	for (k = 0, i = 0; k < ncomp && i < SINGLE_POINTS_LISTED; k++) {
		double size = d->comp_size[k];
		if (has_target[k] || size < 2)
			continue;
		i++;
		cm_report_add(r, "unreached", cm_landscape_org_id(l, first[k]), "component_size", size,
			      "a group of %.0f organizations around %s has no path to any decision-maker", size,
			      cm_landscape_org_name(l, first[k]));
	}
out:
	free(has_target);
	free(tgt);
	free(first);
}

/* Pairs among the largest communities joined by at most one tie, with the
 * highest-betweenness member of each side as the best placed to bridge. */
static void holes(struct cm_report *r, const struct cm_landscape *l, const struct cm_csr *c, const double *comm,
		  const double *btw)
{
	size_t n = l->norgs, i, a, b, ncomm = 0, nlarge;
	struct sized *cs = NULL;
	long *slot = NULL, *best = NULL, *between = NULL;

	for (i = 0; i < n; i++)
		if ((size_t)comm[i] > ncomm)
			ncomm = (size_t)comm[i];
	cs = calloc(ncomm + 1, sizeof(*cs));
	slot = malloc((ncomm + 1) * sizeof(*slot));
	if (!cs || !slot) {
		r->nomem = 1;
		goto out;
	}
	for (a = 0; a < ncomm; a++) {
		cs[a].id = a + 1;
		slot[a] = -1;
	}
	for (i = 0; i < n; i++)
		cs[(size_t)comm[i] - 1].size++;
	qsort(cs, ncomm, sizeof(*cs), sized_cmp);
	for (nlarge = 0; nlarge < ncomm && nlarge < HOLES_COMMUNITIES && cs[nlarge].size >= 3; nlarge++)
		slot[cs[nlarge].id - 1] = (long)nlarge;
	best = malloc((nlarge + 1) * sizeof(*best));
	between = calloc(nlarge * nlarge + 1, sizeof(*between));
	if (!best || !between) {
		r->nomem = 1;
		goto out;
	}
	for (a = 0; a < nlarge; a++)
		best[a] = -1;
	for (i = 0; i < n; i++) {
		long s = slot[(size_t)comm[i] - 1];
		igraph_integer_t e;
		if (s < 0)
			continue;
		if (best[s] < 0 || btw[i] > btw[best[s]])
			best[s] = (long)i;
		for (e = c->start[i]; e < c->start[i + 1]; e++) {
			long t = slot[(size_t)comm[c->nbr[e]] - 1];
			if (t > s)
				between[(size_t)s * nlarge + (size_t)t]++;
		}
	}
	for (a = 0; a < nlarge; a++)
		for (b = a + 1; b < nlarge; b++) {
			long ties = between[a * nlarge + b];
			size_t ca = cs[a].id < cs[b].id ? cs[a].id : cs[b].id, cb = cs[a].id < cs[b].id ? cs[b].id : cs[a].id;
			long ba = cs[a].id < cs[b].id ? best[a] : best[b], bb = cs[a].id < cs[b].id ? best[b] : best[a];
			char subject[64], measure[80];
			if (ties > 1)
				continue;
			snprintf(subject, sizeof(subject), "%zu | %zu", ca, cb);
			cm_report_add(r, "holes", subject, "ties_between", (double)ties,
				      "communities %zu (%.0f orgs) and %zu (%.0f orgs) are joined by %s: a structural hole "
				      "worth bridging", ca, cs[a].id == ca ? cs[a].size : cs[b].size, cb,
				      cs[a].id == cb ? cs[a].size : cs[b].size, ties ? "a single tie" : "no tie");
			snprintf(measure, sizeof(measure), "best_bridge:%zu|%zu", ca, cb);
			cm_report_add(r, "holes", cm_landscape_org_id(l, (size_t)ba), measure, btw[ba],
				      "%s, the main broker of community %zu, is best placed to connect it",
				      cm_landscape_org_name(l, (size_t)ba), ca);
			cm_report_add(r, "holes", cm_landscape_org_id(l, (size_t)bb), measure, btw[bb],
				      "%s, the main broker of community %zu, is best placed to connect it",
				      cm_landscape_org_name(l, (size_t)bb), cb);
		}
out:
	free(cs);
	free(slot);
	free(best);
	free(between);
}

/* Articulation points and bridges, with what each would cut off. */
static void single_points(struct cm_report *r, const struct cm_landscape *l, const struct cm_dfs *d,
			  const double *largest)
{
	size_t n = l->norgs, i, na = 0, nb = 0, k;
	struct sized *ap = malloc((n + 1) * sizeof(*ap)), *br = malloc((n + 1) * sizeof(*br));

	if (!ap || !br) {
		r->nomem = 1;
		goto out;
	}
	for (i = 0; i < n; i++) {
		double s = d->comp_size[d->comp[i]], cut = s - 1 - largest[i];
		igraph_integer_t p = d->parent[i];
		if (cut >= 1)
			ap[na++] = (struct sized){ cut, i };
		/* the tree edge p - i is a bridge when nothing below i climbs above it */
		if (p >= 0 && d->low[i] > d->disc[p]) {
			double small = fmin((double)d->sub[i], s - (double)d->sub[i]);
			if (small >= 2)
				br[nb++] = (struct sized){ small, i };
		}
	}
	qsort(ap, na, sizeof(*ap), sized_cmp);
	qsort(br, nb, sizeof(*br), sized_cmp);
	cm_report_add(r, "single_points", "", "articulation_points", (double)na,
		      "%zu organization%s single point%s of failure: removing one splits the network", na,
		      na == 1 ? " is a" : "s are", na == 1 ? "" : "s");
	for (k = 0; k < na && k < SINGLE_POINTS_LISTED; k++)
		cm_report_add(r, "single_points", cm_landscape_org_id(l, ap[k].id), "cuts_off", ap[k].size,
			      "without %s, %.0f organization%s would be cut off from the rest",
			      cm_landscape_org_name(l, ap[k].id), ap[k].size, ap[k].size == 1 ? "" : "s");
	cm_report_add(r, "single_points", "", "bridges", (double)nb,
		      "%zu tie%s the only link between two groups of at least two organizations", nb,
		      nb == 1 ? " is" : "s are");
	for (k = 0; k < nb && k < SINGLE_POINTS_LISTED; k++) {
		size_t v = br[k].id, p = (size_t)d->parent[v];
		char subject[300];
		snprintf(subject, sizeof(subject), "%s | %s", cm_landscape_org_id(l, p < v ? p : v),
			 cm_landscape_org_id(l, p < v ? v : p));
		cm_report_add(r, "single_points", subject, "bridge_cuts_off", br[k].size,
			      "the tie between %s and %s is the only link for %.0f organizations",
			      cm_landscape_org_name(l, p), cm_landscape_org_name(l, v), br[k].size);
	}
out:
	free(ap);
	free(br);
}

struct tally {
	struct strset names;
	size_t *count;
	size_t cap;
	int nomem;
};

static void tally_add(struct tally *t, const char *x, size_t n)
{
	size_t i;

	if (t->nomem)
		return; /* names and counts may disagree after a failure */
	for (i = 0; i < t->names.n; i++)
		if (strlen(t->names.v[i]) == n && !strncasecmp(t->names.v[i], x, n)) {
			t->count[i]++;
			return;
		}
	set_add(x, n, &t->names);
	if (t->names.nomem) {
		t->nomem = 1;
		return;
	}
	if (t->names.n > t->cap) {
		size_t cap = t->names.cap;
		size_t *c = realloc(t->count, cap * sizeof(*c));
		if (!c) {
			t->nomem = 1;
			return;
		}
		t->count = c;
		t->cap = cap;
	}
	t->count[t->names.n - 1] = n ? 1 : 0;
}

static void tally_item(const char *x, size_t n, void *ctx)
{
	tally_add(ctx, x, n);
}

/* Shares of orgs having each value of one attribute; known values that no
 * org has are listed with 0. */
static void coverage_of(struct cm_report *r, const struct cm_landscape *l, const char *what,
			const char *(*value)(const struct cm_landscape *, size_t, const void *), const void *ctx,
			int is_list, const char *const *known, size_t nknown)
{
	struct tally t = { { 0 }, NULL, 0, 0 };
	size_t n = l->norgs, i, k;

	for (i = 0; i < n; i++) {
		const char *v = value(l, i, ctx);
		if (is_list)
			list_each(v, tally_item, &t);
		else if (*v)
			tally_add(&t, v, strlen(v));
	}
	for (k = 0; k < nknown; k++)
		if (!set_has(&t.names, known[k], strlen(known[k]))) {
			tally_add(&t, known[k], strlen(known[k]));
			if (!t.nomem)
				t.count[t.names.n - 1] = 0;
		}
	if (t.nomem) {
		r->nomem = 1;
		goto out;
	}
	/* most common first, then by name: insertion sort, lists are short */
	for (k = 1; k < t.names.n; k++) {
		size_t j2 = k, cnt = t.count[k];
		char *name = t.names.v[k];
		while (j2 > 0 && (t.count[j2 - 1] < cnt || (t.count[j2 - 1] == cnt && strcmp(t.names.v[j2 - 1], name) > 0))) {
			t.count[j2] = t.count[j2 - 1];
			t.names.v[j2] = t.names.v[j2 - 1];
			j2--;
		}
		t.count[j2] = cnt;
		t.names.v[j2] = name;
	}
	for (k = 0; k < t.names.n; k++) {
		char subject[300];
		double share = n ? (double)t.count[k] / (double)n : 0;
		snprintf(subject, sizeof(subject), "%s:%s", what, t.names.v[k]);
		if (t.count[k] == 0)
			cm_report_add(r, "coverage", subject, "share", 0, "absent: no organization has %s '%s'", what,
				      t.names.v[k]);
		else
			cm_report_add(r, "coverage", subject, "share", share, "%s%zu organization%s (%.0f %%) %s %s '%s'",
				      share < 0.05 && t.count[k] < 3 ? "thin: " : "", t.count[k],
				      t.count[k] == 1 ? "" : "s", 100 * share, t.count[k] == 1 ? "has" : "have", what,
				      t.names.v[k]);
	}
out:
	set_release(&t.names);
	free(t.count);
}

static const char *v_type(const struct cm_landscape *l, size_t i, const void *c)
{
	(void)c;
	return l->pool.buf + l->orgs[i].type;
}

static const char *v_region(const struct cm_landscape *l, size_t i, const void *c)
{
	(void)c;
	return l->pool.buf + l->orgs[i].region;
}

static const char *v_skills(const struct cm_landscape *l, size_t i, const void *c)
{
	(void)c;
	return l->pool.buf + l->orgs[i].skills;
}

static const char *v_issues(const struct cm_landscape *l, size_t i, const void *c)
{
	(void)c;
	return l->pool.buf + l->orgs[i].issues;
}

static const char *v_attr(const struct cm_landscape *l, size_t i, const void *c)
{
	return cm_org_attr(l, i, c);
}

int cm_gaps(struct cm_analysis *a, const struct cm_gaps_opts *o, struct cm_table *out, struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	const struct cm_filter *f = &a->f;
	const struct cm_csr *c = &a->c;
	struct cm_dfs d;
	struct cm_report r;
	double *largest = NULL;
	size_t ncomp = 0, i;
	int rc;

	memset(&d, 0, sizeof(d));
	if (o->group_by && l->norgs && !cm_org_attr(l, 0, o->group_by))
		return cm_error_set(err, CM_EUSAGE, l->orgs_path, 0, 0, "no column '%s' to group by", o->group_by);
	if (cm_report_init(&r, out) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if ((rc = cm_analysis_need(a, CM_K_GRAPHS | CM_K_COMMUNITY | CM_K_PATHS, err)) < 0)
		goto out;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	largest = malloc((l->norgs + 1) * sizeof(*largest));
	if (!largest || cm_cut_vertices(c, l->norgs, NULL, NULL, largest, &d) < 0)
		goto out;
	for (i = 0; i < l->norgs; i++)
		if ((size_t)d.comp[i] + 1 > ncomp)
			ncomp = (size_t)d.comp[i] + 1;
	isolates_and_unreached(&r, l, o, c, &d, ncomp);
	if (a->paths.sampled)
		cm_report_add(&r, "holes", "", "path_sources", (double)cm_path_samples(l, f),
			      "ESTIMATES: the brokers named below are ranked by betweenness estimated from %zu "
			      "sampled organizations (--exact for exact values)", cm_path_samples(l, f));
	holes(&r, l, c, a->v[CM_M_COMMUNITY], a->v[CM_M_BETWEENNESS]);
	single_points(&r, l, &d, largest);
	coverage_of(&r, l, "type", v_type, NULL, 0, known_types, N_(known_types));
	coverage_of(&r, l, "region", v_region, NULL, 0, NULL, 0);
	coverage_of(&r, l, "skill", v_skills, NULL, 1, known_skills, N_(known_skills));
	coverage_of(&r, l, "issue", v_issues, NULL, 1, NULL, 0);
	if (o->group_by)
		coverage_of(&r, l, o->group_by, v_attr, o->group_by, 0, NULL, 0);
	if (r.nomem)
		goto out;
	cm_error_clear(err);
	rc = CM_OK;
out:
	free(largest);
	cm_dfs_release(&d);
	return rc;
}

int cm_gaps_landscape(const struct cm_landscape *l, const struct cm_filter *f, const struct cm_gaps_opts *o,
		      struct cm_table *out, struct cm_error *err)
{
	struct cm_analysis *a;
	int rc;

	if ((rc = cm_analysis_new(&a, l, f, err)) < 0)
		return rc;
	rc = cm_gaps(a, o, out, err);
	cm_analysis_free(a);
	return rc;
}
