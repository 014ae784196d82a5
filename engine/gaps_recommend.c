/* gaps_recommend.c - partners one organization could add (docs/gaps.md). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"

static const char *const comp_names[CM_GAP_NCOMPONENTS] = {
	"closeness", "fit", "complementarity", "reach", "constraint_drop", "influence", "access"
};

const char *cm_gaps_component_name(size_t k)
{
	return k < CM_GAP_NCOMPONENTS ? comp_names[k] : NULL;
}

static const char *const role_names[] = { "strategic", "implementing", "distribution", "access", "balanced",
					   "all" };

const char *cm_partner_role_name(int role)
{
	return role >= 0 && role <= CM_PARTNER_ALL ? role_names[role] : NULL;
}

int cm_partner_role_of(const char *s)
{
	int k;

	for (k = 0; k <= CM_PARTNER_ALL; k++)
		if (!strcasecmp(s, role_names[k]))
			return k;
	return -1;
}

/* A candidate with at least this many times the ego's partners (and at
 * least DOMINANT_MIN of them) may dominate the partnership. */
#define DOMINANT_TIMES 3
#define DOMINANT_MIN 6

struct count_ctx {
	const struct cm_nameset *in;
	size_t total, hits;
	char first_new[3][64]; /* up to three items not in the set, for the explanation */
	size_t nnew;
};

static void count_new(const char *x, size_t n, void *ctx)
{
	struct count_ctx *c = ctx;

	c->total++;
	if (!cm_nameset_has(c->in, x, n)) {
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
	struct cm_nameset sa = { 0 }, sb = { 0 };
	size_t i, inter = 0, uni;
	double j;

	cm_list_each(a, cm_nameset_add, &sa);
	cm_list_each(b, cm_nameset_add, &sb);
	for (i = 0; i < sa.n; i++)
		inter += cm_nameset_has(&sb, sa.v[i], strlen(sa.v[i]));
	uni = sa.n + sb.n - inter;
	j = uni ? (double)inter / (double)uni : 0;
	*shared = inter;
	cm_nameset_release(&sa);
	cm_nameset_release(&sb);
	return j;
}

struct cand {
	size_t org;
	double comp[CM_GAP_NCOMPONENTS];
	double score, aa, drop;
	long new_reach, shared;
	size_t shared_issues;
	long reached_target; /* a decision-maker it would newly bring within reach, or -1 */
	long reached_best;   /* the best-connected org it would newly bring within reach */
	unsigned char opposes, single_funder, unknown_stance, dominant, same_stance, no_intro;
	unsigned char new_region, new_group, south; /* gaps of the focus's side it closes */
	long conflict_with;  /* org in conflict with the candidate: ego or a partner, or -1 */
	long skills_new;     /* its skills that neither the ego nor a partner has */
	long new_contacts;   /* its partners that are neither the ego nor a partner */
	long degree;         /* its partners in G */
	char new_skills[3][64];
	size_t nnew_skills;
};

/* A candidate's place in one role's list. */
struct ranked {
	const struct cand *c;
	double score;
};

struct rank_ctx {
	const struct cm_landscape *l;
	int by_degree; /* ties broken by partners (more first) before the id */
};

static int ranked_cmp(const void *a, const void *b, void *ctx)
{
	const struct ranked *x = a, *y = b;
	const struct rank_ctx *rc = ctx;
	const struct cm_landscape *l = rc->l;

	if (fabs(x->score - y->score) > 1e-12)
		return x->score > y->score ? -1 : 1;
	if (rc->by_degree && x->c->degree != y->c->degree)
		return x->c->degree > y->c->degree ? -1 : 1;
	return strcmp(l->pool.buf + l->orgs[x->c->org].id, l->pool.buf + l->orgs[y->c->org].id);
}

static int passes_filters(const struct cm_landscape *l, const struct cm_gaps_opts *o, size_t c)
{
	const struct cm_org *g = &l->orgs[c];
	const char *p = l->pool.buf;
	static const char *const stance[] = { "", "support", "neutral", "oppose" };
	size_t k;
	int any;

	if (o->type.n && !cm_strlist_has(&o->type, p + g->type))
		return 0;
	if (o->region.n && !cm_strlist_has(&o->region, p + g->region))
		return 0;
	if (o->exclude_stance.n && cm_strlist_has(&o->exclude_stance, stance[g->stance]))
		return 0;
	if (o->need_types.n && !cm_strlist_has(&o->need_types, p + g->type))
		return 0;
	if (o->need_regions.n && !cm_strlist_has(&o->need_regions, p + g->region))
		return 0;
	if (o->need_skills.n) {
		for (k = 0, any = 0; k < o->need_skills.n && !any; k++)
			any = cm_list_has(p + g->skills, o->need_skills.v[k]);
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

/* Appends "a, b and c". */
static void say_list(char *buf, size_t n, const char (*v)[64], size_t m)
{
	size_t k;

	for (k = 0; k < m; k++)
		say(buf, n, "%s%s", k ? (k + 1 == m ? " and " : ", ") : "", v[k]);
}

enum rcol { R_ROLE, R_RANK, R_ID, R_NAME, R_TYPE, R_SCORE, R_COMP0, R_NEWREACH = R_COMP0 + CM_GAP_NCOMPONENTS,
	    R_SHARED, R_RISK, R_WHY, R_N };

void cm_gaps_opts_init(struct cm_gaps_opts *o)
{
	size_t k;

	memset(o, 0, sizeof(*o));
	for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
		o->weights[k] = 1;
}

/* Who the recommendations are for: one org, or a coalition (several orgs,
 * or a group's members) taken as one. */
struct focus {
	unsigned char *in;  /* per org: a member */
	size_t n, first;    /* members; the first in file order */
	char *issues;       /* the members' issues, ';'-separated */
	int stance;         /* the stance every member with one has, or none */
	char name[160];     /* for messages */
};

static void focus_release(struct focus *fc)
{
	free(fc->in);
	free(fc->issues);
}

/* Adds org i to the focus. */
static void focus_add(struct focus *fc, size_t i)
{
	if (fc->in[i])
		return;
	fc->in[i] = 1;
	if (!fc->n++ || i < fc->first)
		fc->first = i;
}

/* The members of "ATTR=VALUE". */
static int focus_group(struct cm_analysis *an, const char *spec, struct focus *fc, struct cm_error *err)
{
	const char *eq = strchr(spec, '=');
	struct cm_groups g;
	char *attr;
	size_t i;
	int rc;

	if (!eq || eq == spec || !eq[1])
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--for-group takes ATTR=VALUE (e.g. coalition=EFA), "
							      "not '%s'", spec);
	if (!(attr = strndup(spec, (size_t)(eq - spec))))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	memset(&g, 0, sizeof(g));
	rc = cm_groups_of(an, attr, &g, err);
	free(attr);
	if (rc < 0)
		return rc;
	for (i = 0; i < an->l->norgs; i++)
		if (!strcmp(g.names[g.group_of[i]], eq + 1))
			focus_add(fc, i);
	if (!fc->n) { /* an empty group: say which values there are */
		char have[192] = "";
		for (i = 0; i < g.n && strlen(have) < 100; i++)
			if (g.names[i][0])
				say(have, sizeof(have), "%s'%.60s'", have[0] ? ", " : "", g.names[i]);
		if (i < g.n)
			say(have, sizeof(have), ", ...");
		cm_groups_release(&g);
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "no organization has %s, so there is no coalition "
				    "to recommend partners for (its values: %s)", spec, have[0] ? have : "none");
	}
	cm_groups_release(&g);
	snprintf(fc->name, sizeof(fc->name), "the %.100s group (%zu members)", spec, fc->n);
	return CM_OK;
}

/* The org named s, or each of the comma-separated orgs s names. */
static int focus_orgs(const struct cm_landscape *l, const char *s, struct focus *fc, struct cm_error *err)
{
	char *copy, *item, *save = NULL;
	size_t i;
	int rc = CM_OK;

	if ((rc = cm_org_lookup(l, s, &i, err)) == CM_OK || !strchr(s, ',')) {
		if (rc < 0)
			return rc;
		focus_add(fc, i);
		snprintf(fc->name, sizeof(fc->name), "%.150s", l->pool.buf + l->orgs[i].name);
		return CM_OK;
	}
	if (!(copy = strdup(s)))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	rc = CM_OK; /* not one org's name: the orgs its commas separate */
	for (item = strtok_r(copy, ",", &save); item && rc == CM_OK; item = strtok_r(NULL, ",", &save)) {
		const char *t = item;
		size_t n = strlen(item);
		cm_trim(&t, &n);
		item[(t - item) + (long)n] = '\0';
		if (n && (rc = cm_org_lookup(l, t, &i, err)) == CM_OK)
			focus_add(fc, i);
	}
	free(copy);
	if (rc == CM_OK && !fc->n)
		rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "which organization? ('%s' names none)", s);
	if (rc == CM_OK && fc->n == 1)
		snprintf(fc->name, sizeof(fc->name), "%.150s", l->pool.buf + l->orgs[fc->first].name);
	else if (rc == CM_OK)
		snprintf(fc->name, sizeof(fc->name), "the coalition of %zu", fc->n);
	return rc;
}

/* Resolves o's focus into fc (released by the caller, even on failure):
 * its members, their issues and common stance. */
static int focus_resolve(struct cm_analysis *an, const struct cm_gaps_opts *o, struct focus *fc,
			 struct cm_error *err)
{
	const struct cm_landscape *l = an->l;
	struct cm_nameset issues = { 0 };
	size_t i, len = 0;
	int rc, stance = -1;

	memset(fc, 0, sizeof(*fc));
	if (!(fc->in = calloc(l->norgs + 1, 1)))
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (o->for_group)
		rc = focus_group(an, o->for_group, fc, err);
	else if (o->for_org)
		rc = focus_orgs(l, o->for_org, fc, err);
	else
		rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "which organization? (no --for)");
	if (rc < 0)
		return rc;
	for (i = 0; i < l->norgs; i++) {
		if (!fc->in[i])
			continue;
		cm_list_each(l->pool.buf + l->orgs[i].issues, cm_nameset_add, &issues);
		if (l->orgs[i].stance != CM_STANCE_NONE)
			stance = stance < 0 || stance == (int)l->orgs[i].stance ? (int)l->orgs[i].stance : 0;
	}
	fc->stance = stance > 0 ? stance : CM_STANCE_NONE;
	for (i = 0; i < issues.n; i++)
		len += strlen(issues.v[i]) + 1;
	if (!issues.nomem && (fc->issues = malloc(len + 1))) {
		char *w = fc->issues;
		for (i = 0; i < issues.n; i++)
			w += sprintf(w, "%s%s", i ? ";" : "", issues.v[i]);
		*w = '\0';
	}
	rc = issues.nomem || !fc->issues ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory") : CM_OK;
	cm_nameset_release(&issues);
	return rc;
}

/* One recommendation run: the ego x, what it and its partners have, and
 * per org its standing towards x. */
struct rec {
	const struct cm_landscape *l;
	const struct cm_filter *f;
	const struct cm_gaps_opts *o;
	const struct cm_csr *c;
	struct cm_groups gr;
	struct cm_nameset skills, regions, groups; /* the ego's and its partners' */
	const double *eig, *funders;
	size_t n, ncand;
	const struct focus *fc;                /* the ego: one org or a coalition */
	long x, xdeg;                          /* x: the ego's one member, or -1 */
	int goal, any_stance;                  /* the ego has issues or a stance; some org a stance */
	int coalition;                         /* several members (or --for-group): the why names its gaps */
	int south_attr;                        /* the global_south column, or -1 */
	unsigned char south_gap, access_gap;   /* no member is Global-South; no member has access */
	double maxskills;                      /* the most new skills a candidate brings */
	igraph_integer_t *idist, *ipred;       /* introduction chains from the ego (cm_intro_tree) */
	double *itrust;
	int trust_known;
	double *aa, *a, sx, cold, maxinfl;     /* Adamic-Adar; constraint terms a[j], total */
	long *nbrpos, *shared;
	unsigned char *n2, *access, *partner, *tgt;
	struct cand *cs;
};

/* For a coalition: "closes the coalition's gaps: skills a and b, region R,
 * type T, a Global-South member, access to a decision-maker; " -- what
 * neither a member nor a partner has (skills, region, group), no member is
 * (Global South) or no member has (direct access). */
static void explain_gaps(const struct rec *r, const struct cand *c, char *why, size_t n)
{
	const struct cm_landscape *l = r->l;
	int access = r->access_gap && c->comp[CM_GAP_ACCESS] > 0, said = 0;

	if (!r->coalition || !(c->nnew_skills || c->new_region || c->new_group || c->south || access))
		return;
	say(why, n, "closes the coalition's gaps: ");
	if (c->nnew_skills) {
		say(why, n, "skill%s ", c->nnew_skills == 1 ? "" : "s");
		say_list(why, n, c->new_skills, c->nnew_skills);
		said = 1;
	}
	if (c->new_region)
		say(why, n, "%sregion %s", said++ ? ", " : "", l->pool.buf + l->orgs[c->org].region);
	if (c->new_group)
		say(why, n, "%s%s %s", said++ ? ", " : "", r->o->group_by ? r->o->group_by : "type",
		    r->gr.names[r->gr.group_of[c->org]]);
	if (c->south)
		say(why, n, "%sa Global-South member", said++ ? ", " : "");
	if (access)
		say(why, n, "%saccess to a decision-maker", said++ ? ", " : "");
	say(why, n, "; ");
}

static void explain(const struct rec *r, const struct cand *c, char *why, size_t n)
{
	const struct cm_landscape *l = r->l;
	const char *p = l->pool.buf;
	size_t k;

	why[0] = '\0';
	if (c->shared || c->shared_issues || c->same_stance) {
		int parts = (c->shared > 0) + (c->shared_issues > 0) + c->same_stance, said = 0;
		say(why, n, "shares");
		if (c->shared)
			say(why, n, " %ld partner%s", c->shared, c->shared == 1 ? "" : "s"), said++;
		if (c->shared_issues)
			say(why, n, "%s %zu issue%s", said ? (said + 1 == parts ? " and" : ",") : "", c->shared_issues,
			    c->shared_issues == 1 ? "" : "s"), said++;
		if (c->same_stance)
			say(why, n, "%s your stance", said ? " and" : "");
		say(why, n, "; ");
	}
	if (c->nnew_skills && !r->coalition) {
		say(why, n, "brings ");
		say_list(why, n, c->new_skills, c->nnew_skills);
		say(why, n, " skill%s you lack; ", c->nnew_skills == 1 ? "" : "s");
	}
	if (c->new_reach > 0) {
		long show = c->reached_target >= 0 ? c->reached_target : c->reached_best;
		say(why, n, "reaches %ld new org%s", c->new_reach, c->new_reach == 1 ? "" : "s");
		if (show >= 0)
			say(why, n, ", including %s", p + l->orgs[show].name);
		say(why, n, "; ");
	}
	explain_gaps(r, c, why, n);
	if (c->comp[CM_GAP_ACCESS] > 0 && !(r->coalition && r->access_gap))
		say(why, n, "has direct access to a decision-maker; ");
	if (c->opposes)
		say(why, n, "RISK: opposes the goal; ");
	if (c->unknown_stance)
		say(why, n, "RISK: its stance is unknown; ");
	if (c->conflict_with >= 0)
		say(why, n, "RISK: in conflict with %s; ", p + l->orgs[c->conflict_with].name);
	if (c->single_funder)
		say(why, n, "RISK: depends on a single funder; ");
	if (c->dominant)
		say(why, n, "RISK: may dominate (%ld partners against your %ld); ", c->degree, r->xdeg);
	if (c->degree > 0 && c->new_contacts == 0)
		say(why, n, "RISK: works only with your partners; ");
	k = strlen(why);
	if (k >= 2 && why[k - 2] == ';')
		why[k - 2] = '\0';
	if (!why[0])
		snprintf(why, n, "no shared partners, issues or new reach");
}

static void rec_release(struct rec *r)
{
	free(r->idist);
	free(r->ipred);
	free(r->itrust);
	free(r->aa);
	free(r->a);
	free(r->shared);
	free(r->nbrpos);
	free(r->n2);
	free(r->access);
	free(r->tgt);
	free(r->partner);
	free(r->cs);
	cm_nameset_release(&r->skills);
	cm_nameset_release(&r->regions);
	cm_nameset_release(&r->groups);
	cm_groups_release(&r->gr);
}

static int rec_alloc(struct rec *r)
{
	size_t n = r->n, i;

	r->aa = calloc(n + 1, sizeof(*r->aa));
	r->a = calloc(n + 1, sizeof(*r->a));
	r->shared = calloc(n + 1, sizeof(*r->shared));
	r->nbrpos = malloc((n + 1) * sizeof(*r->nbrpos));
	r->n2 = calloc(n + 1, 1);
	r->access = calloc(n + 1, 1);
	r->tgt = calloc(n + 1, 1);
	r->partner = calloc(n + 1, 1);
	r->cs = malloc((n + 1) * sizeof(*r->cs));
	r->idist = malloc((n + 1) * sizeof(*r->idist));
	r->ipred = malloc((n + 1) * sizeof(*r->ipred));
	r->itrust = malloc((n + 1) * sizeof(*r->itrust));
	if (!r->idist || !r->ipred || !r->itrust)
		return CM_ENOMEM;
	if (!r->aa || !r->a || !r->shared || !r->nbrpos || !r->n2 || !r->access || !r->tgt || !r->partner || !r->cs)
		return CM_ENOMEM;
	for (i = 0; i < n; i++) {
		r->nbrpos[i] = -1;
		if (!isnan(r->l->orgs[i].influence) && r->l->orgs[i].influence > r->maxinfl)
			r->maxinfl = r->l->orgs[i].influence;
		r->any_stance |= r->l->orgs[i].stance != CM_STANCE_NONE;
	}
	cm_mark_targets(r->l, &r->o->targets, r->tgt);
	cm_mark_direct_access(r->l, r->f, NULL, r->tgt, r->access);
	return CM_OK;
}

/* What org z brings to the ego's side: skills, region, group. */
static void rec_take(struct rec *r, size_t z)
{
	const struct cm_landscape *l = r->l;
	const char *region = l->pool.buf + l->orgs[z].region, *group = r->gr.names[r->gr.group_of[z]];

	cm_list_each(l->pool.buf + l->orgs[z].skills, cm_nameset_add, &r->skills);
	cm_nameset_add(region, strlen(region), &r->regions);
	cm_nameset_add(group, strlen(group), &r->groups);
}

/* Whether org i is marked Global South (global_south yes, true or 1). */
static int is_south(const struct rec *r, size_t i)
{
	const char *v;

	if (r->south_attr < 0)
		return 0;
	v = cm_attr_value(r->l, (size_t)r->south_attr, i);
	return !strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1");
}

/* The ego (its members taken as one): partners, two-step reach, shared
 * partners and Adamic-Adar; then, for one org, Burt's constraint of the
 * ego, term by term: a[j] = p_xj + sum_q p_xq p_qj. */
static int rec_ego(struct rec *r)
{
	const struct cm_csr *c = r->c;
	const unsigned char *in = r->fc->in;
	long x = r->x;
	size_t k, m;

	r->goal = *r->fc->issues || r->fc->stance != CM_STANCE_NONE;
	for (m = 0; m < r->n; m++) {
		if (!in[m])
			continue;
		r->n2[m] = 1;
		rec_take(r, m);
		for (k = (size_t)c->start[m]; k < (size_t)c->start[m + 1]; k++) {
			igraph_integer_t z = c->nbr[k];
			if (in[z] || r->partner[z])
				continue;
			r->partner[z] = 1;
			r->xdeg++;
			r->n2[z] = 1;
			rec_take(r, (size_t)z);
		}
	}
	for (m = 0; m < r->n; m++) {
		igraph_integer_t e;
		double az;
		if (!r->partner[m])
			continue;
		az = 1.0 / log((double)(c->start[m + 1] - c->start[m]));
		for (e = c->start[m]; e < c->start[m + 1]; e++) {
			igraph_integer_t w = c->nbr[e];
			r->n2[w] = 1;
			if (!in[w]) {
				r->aa[w] += az;
				r->shared[w]++;
			}
		}
	}
	if (r->skills.nomem || r->regions.nomem || r->groups.nomem)
		return CM_ENOMEM;
	r->coalition = r->fc->n > 1 || r->o->for_group;
	r->south_attr = cm_attr_find(r->l, "global_south");
	r->south_gap = r->south_attr >= 0;
	r->access_gap = 1;
	for (m = 0; m < r->n; m++)
		if (in[m]) {
			r->south_gap &= !is_south(r, m);
			r->access_gap &= !r->access[m];
		}
	if (x < 0 || (r->sx = c->strength[x]) <= 0)
		return CM_OK; /* a coalition has no constraint: its drop is 0 */
	for (k = (size_t)c->start[x]; k < (size_t)c->start[x + 1]; k++)
		r->nbrpos[c->nbr[k]] = (long)k;
	for (k = (size_t)c->start[x]; k < (size_t)c->start[x + 1]; k++) {
		igraph_integer_t j = c->nbr[k], e;
		double aj = c->w[k] / r->sx;
		for (e = c->start[j]; e < c->start[j + 1]; e++) {
			igraph_integer_t q = c->nbr[e];
			if (q != x && r->nbrpos[q] >= 0)
				aj += (c->w[r->nbrpos[q]] / r->sx) * (c->w[e] / c->strength[q]);
		}
		r->a[j] = aj;
		r->cold += aj * aj;
	}
	return CM_OK;
}

/* Candidate i's new reach and the drop in the ego's constraint were the
 * tie x-i added. */
static void rec_reach(const struct rec *r, size_t i, struct cand *cd)
{
	const struct cm_csr *c = r->c;
	double sx = r->sx, sxp = sx + 1, scp = c->strength[i] + 1, q = sx / sxp, pxc = 1 / sxp, cnew, inc = pxc;
	double bestdeg = -1;
	igraph_integer_t e;

	cd->new_reach = !r->n2[i];
	cnew = q * q * r->cold;
	for (e = c->start[i]; e < c->start[i + 1]; e++) {
		igraph_integer_t j = c->nbr[e];
		cd->new_contacts += !r->partner[j] && !r->fc->in[j];
		if (!r->n2[j]) {
			cd->new_reach++;
			if (r->tgt[j] && cd->reached_target < 0)
				cd->reached_target = j;
			if ((double)(c->start[j + 1] - c->start[j]) > bestdeg) {
				bestdeg = (double)(c->start[j + 1] - c->start[j]);
				cd->reached_best = j;
			}
		}
		if (sx > 0 && r->nbrpos[j] >= 0) {
			double before = q * r->a[j], after = before + pxc * c->w[e] / scp;
			cnew += after * after - before * before;
			inc += (c->w[r->nbrpos[j]] / sxp) * (c->w[e] / c->strength[j]);
		}
	}
	cnew += inc * inc;
	cd->drop = sx > 0 ? fmax(0, r->cold - cnew) : 0;
}

/* Org i as a candidate: its components that need no other candidate. */
static void rec_candidate(const struct rec *r, size_t i, struct cand *cd)
{
	const struct cm_landscape *l = r->l;
	const struct cm_org *og = &l->orgs[i];
	const char *p = l->pool.buf, *group = r->gr.names[r->gr.group_of[i]];
	struct count_ctx cc = { &r->skills, 0, 0, { "" }, 0 };
	size_t si;

	memset(cd, 0, sizeof(*cd));
	cd->org = i;
	cd->aa = r->aa[i];
	cd->shared = r->shared[i];
	cd->reached_target = cd->reached_best = -1;
	cd->conflict_with = -1;
	/* fit */
	cd->same_stance = og->stance && (int)og->stance == r->fc->stance;
	cd->comp[CM_GAP_FIT] = 0.5 * jaccard(r->fc->issues, p + og->issues, &si) + 0.5 * cd->same_stance;
	cd->shared_issues = si;
	/* complementarity */
	cm_list_each(p + og->skills, count_new, &cc);
	cd->skills_new = (long)cc.hits;
	cd->nnew_skills = cc.nnew;
	memcpy(cd->new_skills, cc.first_new, sizeof(cd->new_skills));
	cd->new_region = *(p + og->region) && !cm_nameset_has(&r->regions, p + og->region, strlen(p + og->region));
	cd->new_group = *group && !cm_nameset_has(&r->groups, group, strlen(group));
	cd->south = r->south_gap && is_south(r, i);
	cd->comp[CM_GAP_COMPLEMENTARITY] =
		((cc.total ? (double)cc.hits / (double)cc.total : 0) + cd->new_region + cd->new_group) / 3.0;
	rec_reach(r, i, cd);
	/* influence and access */
	/* eigenvector centrality is empty where it does not converge */
	cd->comp[CM_GAP_INFLUENCE] = 0.5 * (isnan(r->eig[i]) ? 0 : r->eig[i]) +
				     0.5 * (r->maxinfl > 0 && !isnan(og->influence) ? og->influence / r->maxinfl : 0);
	cd->comp[CM_GAP_ACCESS] = r->access[i];
	/* risks */
	cd->opposes = og->stance == CM_STANCE_OPPOSE;
	cd->unknown_stance = r->any_stance && og->stance == CM_STANCE_NONE;
	cd->single_funder = r->funders[i] == 1;
	cd->degree = (long)(r->c->start[i + 1] - r->c->start[i]);
	cd->no_intro = r->idist[i] < 0;
	cd->dominant = cd->degree >= DOMINANT_MIN && cd->degree >= DOMINANT_TIMES * (r->xdeg > 0 ? r->xdeg : 1);
}

/* Conflict ties between a candidate and the ego or one of its partners. */
static int rec_conflicts(struct rec *r)
{
	const struct cm_landscape *l = r->l;
	long *cpos = malloc((r->n + 1) * sizeof(*cpos));
	size_t i;

	if (!cpos)
		return CM_ENOMEM;
	for (i = 0; i < r->n; i++)
		cpos[i] = -1;
	for (i = 0; i < r->ncand; i++)
		cpos[r->cs[i].org] = (long)i;
	for (i = 0; i < l->nties; i++) {
		const struct cm_tie *t = &l->ties[i];
		if (!cm_tie_type_is_conflict(l->tie_types[t->type]) || !cm_filter_keeps(l, r->f, t))
			continue;
		if (cpos[t->src] >= 0 && (r->fc->in[t->dst] || r->partner[t->dst]) &&
		    r->cs[cpos[t->src]].conflict_with < 0)
			r->cs[cpos[t->src]].conflict_with = t->dst;
		if (cpos[t->dst] >= 0 && (r->fc->in[t->src] || r->partner[t->src]) &&
		    r->cs[cpos[t->dst]].conflict_with < 0)
			r->cs[cpos[t->dst]].conflict_with = t->src;
	}
	free(cpos);
	return CM_OK;
}

/* Normalises the relative components among the candidates, then scores. */
static void rec_score(struct rec *r)
{
	double maxaa = 0, maxreach = 0, maxdrop = 0, wsum = 0;
	size_t i, k;

	for (i = 0; i < r->ncand; i++) {
		maxaa = fmax(maxaa, r->cs[i].aa);
		maxreach = fmax(maxreach, (double)r->cs[i].new_reach);
		maxdrop = fmax(maxdrop, r->cs[i].drop);
		r->maxskills = fmax(r->maxskills, (double)r->cs[i].skills_new);
	}
	for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
		wsum += r->o->weights[k];
	for (i = 0; i < r->ncand; i++) {
		struct cand *cd = &r->cs[i];
		cd->comp[CM_GAP_CLOSENESS] = maxaa > 0 ? cd->aa / maxaa : 0;
		cd->comp[CM_GAP_REACH] = maxreach > 0 ? (double)cd->new_reach / maxreach : 0;
		cd->comp[CM_GAP_CONSTRAINT] = maxdrop > 0 ? cd->drop / maxdrop : 0;
		cd->score = 0;
		for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
			cd->score += r->o->weights[k] * cd->comp[k];
		cd->score = wsum > 0 ? cd->score / wsum : 0;
	}
}

/* Candidate cd's score in role (docs/gaps.md, Roles), or -1 when it does
 * not pass the role's gate. */
static double role_score(const struct rec *r, const struct cand *cd, int role)
{
	const double *k = cd->comp;

	switch (role) {
	case CM_PARTNER_STRATEGIC: /* shares the goal; near in the network */
		if (cd->opposes || (r->goal && k[CM_GAP_FIT] <= 0))
			return -1;
		return r->goal ? (k[CM_GAP_CLOSENESS] + k[CM_GAP_FIT]) / 2 : k[CM_GAP_CLOSENESS];
	case CM_PARTNER_IMPLEMENTING: /* brings skills the side lacks */
		if (cd->opposes || cd->skills_new <= 0)
			return -1;
		return ((double)cd->skills_new / r->maxskills + k[CM_GAP_CLOSENESS]) / 2;
	case CM_PARTNER_DISTRIBUTION: /* carries the message further */
		if (cd->opposes || cd->new_reach <= 0)
			return -1;
		return (k[CM_GAP_REACH] + k[CM_GAP_INFLUENCE]) / 2;
	case CM_PARTNER_ACCESS: /* gets you in front of a decision-maker */
		if (cd->opposes || k[CM_GAP_ACCESS] <= 0)
			return -1;
		return (k[CM_GAP_CLOSENESS] + k[CM_GAP_INFLUENCE]) / 2;
	}
	return cd->score;
}

/* One role's list, ranked: its candidates into v; returns how many. */
static size_t rank_role(const struct rec *r, int role, struct ranked *v)
{
	struct rank_ctx ctx = { r->l, role != CM_PARTNER_BALANCED };
	size_t i, m = 0;

	for (i = 0; i < r->ncand; i++) {
		double s = role_score(r, &r->cs[i], role);
		if (s >= 0) {
			v[m].c = &r->cs[i];
			v[m++].score = s;
		}
	}
	qsort_r(v, m, sizeof(*v), ranked_cmp, &ctx);
	return m;
}

/* The table: role, rank, id, name, type, score, components, reach, risk,
 * why. */
static int rec_table_init(struct cm_table *out, size_t rows)
{
	static const char *const names[] = { "role", "rank", "id", "name", "type", "score" };
	static const enum cm_kind kinds[] = { CM_TEXT, CM_INT, CM_TEXT, CM_TEXT, CM_TEXT, CM_REAL };
	size_t k;

	cm_table_release(out);
	cm_table_init(out, rows);
	for (k = 0; k < sizeof(names) / sizeof(*names); k++)
		if (cm_table_add_column(out, names[k], kinds[k]) < 0)
			return CM_ENOMEM;
	for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
		if (cm_table_add_column(out, comp_names[k], CM_REAL) < 0)
			return CM_ENOMEM;
	if (cm_table_add_column(out, "new_reach", CM_INT) < 0 || cm_table_add_column(out, "shared_partners", CM_INT) < 0 ||
	    cm_table_add_column(out, "risk", CM_TEXT) < 0 || cm_table_add_column(out, "why", CM_TEXT) < 0)
		return CM_ENOMEM;
	return CM_OK;
}

/* Appends the candidate's introduction chain to why: "; introduction:
 * A -> B -> C" (with its trust when ties have one), or the risk of none. */
static void intro(const struct rec *r, const struct cand *cd, char *why, size_t n)
{
	igraph_integer_t len = r->idist[cd->org];

	if (len < 0) {
		say(why, n, "; RISK: no chain of ties leads to it (no introduction)");
		return;
	}
	say(why, n, "; introduction: ");
	cm_chain_names(r->l, r->ipred, len, cd->org, why, n);
	if (r->trust_known)
		say(why, n, " (trust %.2g)", r->itrust[cd->org]);
}

/* Appends the rows of one role's ranked list v[0..m) from table row at. */
static int rec_rows(const struct rec *r, int role, const struct ranked *v, size_t m, size_t at, struct cm_table *out)
{
	const struct cm_landscape *l = r->l;
	char why[700];
	size_t j, i, k;

	for (j = 0, i = at; j < m; j++, i++) {
		const struct cand *cd = v[j].c;
		char risk[96] = "";
		if (cd->conflict_with >= 0)
			say(risk, sizeof(risk), "conflict");
		if (cd->opposes)
			say(risk, sizeof(risk), "%sopposes", risk[0] ? ";" : "");
		if (cd->unknown_stance)
			say(risk, sizeof(risk), "%sunknown_stance", risk[0] ? ";" : "");
		if (cd->single_funder)
			say(risk, sizeof(risk), "%ssingle_funder", risk[0] ? ";" : "");
		if (cd->dominant)
			say(risk, sizeof(risk), "%sdominant", risk[0] ? ";" : "");
		if (cd->degree > 0 && cd->new_contacts == 0)
			say(risk, sizeof(risk), "%sredundant", risk[0] ? ";" : "");
		if (cd->no_intro)
			say(risk, sizeof(risk), "%sno_introduction", risk[0] ? ";" : "");
		explain(r, cd, why, sizeof(why));
		intro(r, cd, why, sizeof(why));
		cm_table_set_int(out, R_RANK, i, (long long)j + 1);
		if (cm_table_set_text(out, R_ROLE, i, role_names[role]) < 0 ||
		    cm_table_set_text(out, R_ID, i, cm_landscape_org_id(l, cd->org)) < 0 ||
		    cm_table_set_text(out, R_NAME, i, cm_landscape_org_name(l, cd->org)) < 0 ||
		    cm_table_set_text(out, R_TYPE, i, cm_landscape_org_type(l, cd->org)) < 0 ||
		    cm_table_set_text(out, R_RISK, i, risk) < 0 || cm_table_set_text(out, R_WHY, i, why) < 0)
			return CM_ENOMEM;
		cm_table_set_real(out, R_SCORE, i, v[j].score);
		for (k = 0; k < CM_GAP_NCOMPONENTS; k++)
			cm_table_set_real(out, R_COMP0 + k, i, cd->comp[k]);
		cm_table_set_int(out, R_NEWREACH, i, cd->new_reach);
		cm_table_set_int(out, R_SHARED, i, cd->shared);
	}
	return CM_OK;
}

/* The table of every list o->role asks for, each cut to o->top. */
static int rec_lists(const struct rec *r, struct cm_table *out)
{
	int first = r->o->role == CM_PARTNER_ALL ? CM_PARTNER_STRATEGIC : (int)r->o->role;
	int last = r->o->role == CM_PARTNER_ALL ? CM_PARTNER_ACCESS : (int)r->o->role, role;
	struct ranked *v = malloc((r->ncand + 1) * (size_t)(last - first + 1) * sizeof(*v));
	size_t m[CM_PARTNER_ALL], rows = 0;

	if (!v)
		return CM_ENOMEM;
	for (role = first; role <= last; role++) {
		size_t k = (size_t)(role - first);
		m[k] = rank_role(r, role, v + k * (r->ncand + 1));
		if (r->o->top && m[k] > r->o->top)
			m[k] = r->o->top;
		rows += m[k];
	}
	if (rec_table_init(out, rows) < 0) {
		free(v);
		return CM_ENOMEM;
	}
	for (role = first, rows = 0; role <= last; role++) {
		size_t k = (size_t)(role - first);
		if (rec_rows(r, role, v + k * (r->ncand + 1), m[k], rows, out) < 0) {
			free(v);
			return CM_ENOMEM;
		}
		rows += m[k];
	}
	free(v);
	return CM_OK;
}

int cm_recommend(struct cm_analysis *an, const struct cm_gaps_opts *o, struct cm_table *out, struct cm_error *err)
{
	struct focus fc;
	struct rec r;
	size_t i;
	int rc;

	memset(&r, 0, sizeof(r));
	r.l = an->l;
	r.f = &an->f;
	r.o = o;
	r.c = &an->c;
	r.n = an->n;
	if ((rc = focus_resolve(an, o, &fc, err)) < 0) {
		focus_release(&fc);
		return rc;
	}
	r.fc = &fc;
	r.x = fc.n == 1 ? (long)fc.first : -1;
	if ((rc = cm_groups_of(an, o->group_by ? o->group_by : "type", &r.gr, err)) < 0) {
		focus_release(&fc);
		return rc;
	}
	if ((rc = cm_analysis_need(an, CM_K_GRAPHS | CM_K_FUNDING | CM_K_EIGEN, err)) < 0)
		goto out;
	r.eig = an->v[CM_M_EIGENVECTOR];
	r.funders = an->v[CM_M_FUNDERS];
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rec_alloc(&r) < 0 || rec_ego(&r) < 0)
		goto out;
	if ((rc = cm_intro_tree(an, fc.in, r.idist, r.ipred, r.itrust, &r.trust_known, err)) < 0)
		goto out;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < r.n; i++)
		if (!fc.in[i] && !r.partner[i] && (o->include_targets || !r.tgt[i]) && passes_filters(r.l, o, i))
			rec_candidate(&r, i, &r.cs[r.ncand++]);
	if (rec_conflicts(&r) < 0)
		goto out;
	rec_score(&r);
	if (rec_lists(&r, out) < 0)
		goto out;
	cm_error_clear(err);
	rc = CM_OK;
out:
	rec_release(&r);
	focus_release(&fc);
	return rc;
}

/* Whether the ties (after --types and --at) hold money. */
static int any_money(const struct cm_landscape *l, const struct cm_filter *f)
{
	size_t i;

	for (i = 0; i < l->nties; i++)
		if ((l->tie_roles[l->ties[i].type] & CM_ROLE_MONEY) && cm_filter_keeps(l, f, &l->ties[i]))
			return 1;
	return 0;
}

/* 1 when every skill some org lists is a member's of the focus (in) or
 * one of their partners' in G, 0 when not, CM_ENOMEM. */
static int skills_all_held(struct cm_analysis *an, const unsigned char *in)
{
	const struct cm_landscape *l = an->l;
	struct cm_nameset side = { 0 };
	struct count_ctx cc = { &side, 0, 0, { "" }, 0 };
	struct cm_error e;
	igraph_integer_t k;
	size_t i;

	if (cm_analysis_need(an, CM_K_GRAPHS, &e) < 0)
		return CM_ENOMEM;
	for (i = 0; i < l->norgs; i++) {
		if (!in[i])
			continue;
		cm_list_each(l->pool.buf + l->orgs[i].skills, cm_nameset_add, &side);
		for (k = an->c.start[i]; k < an->c.start[i + 1]; k++)
			cm_list_each(l->pool.buf + l->orgs[an->c.nbr[k]].skills, cm_nameset_add, &side);
	}
	for (i = 0; i < l->norgs && !side.nomem && !cc.hits; i++)
		cm_list_each(l->pool.buf + l->orgs[i].skills, count_new, &cc);
	i = side.nomem;
	cm_nameset_release(&side);
	return i ? CM_ENOMEM : !cc.hits;
}

/* What the landscape holds for the notes of cm_recommend_limits. */
struct limits {
	int skills, stance, issues; /* some org lists skills, has a stance, lists issues */
	size_t ntgt, nacc;          /* decision-makers; candidates with direct access */
};

static int limits_scan(struct cm_analysis *an, const struct cm_gaps_opts *o, const struct focus *fc,
		       struct limits *lm)
{
	const struct cm_landscape *l = an->l;
	const char *p = l->pool.buf;
	unsigned char *tgt = calloc(l->norgs + 1, 1), *acc = calloc(l->norgs + 1, 1);
	size_t i;

	memset(lm, 0, sizeof(*lm));
	if (!tgt || !acc) {
		free(tgt);
		free(acc);
		return CM_ENOMEM;
	}
	cm_mark_targets(l, &o->targets, tgt);
	cm_mark_direct_access(l, &an->f, NULL, tgt, acc);
	for (i = 0; i < l->norgs; i++) {
		igraph_integer_t k;
		if (fc->in[i]) /* its partners are no candidates */
			for (k = an->c.start[i]; k < an->c.start[i + 1]; k++)
				acc[an->c.nbr[k]] = 0;
	}
	for (i = 0; i < l->norgs; i++) {
		lm->skills |= p[l->orgs[i].skills] != '\0';
		lm->issues |= p[l->orgs[i].issues] != '\0';
		lm->stance |= l->orgs[i].stance != CM_STANCE_NONE;
		lm->ntgt += tgt[i];
		lm->nacc += !fc->in[i] && acc[i] && (o->include_targets || !tgt[i]);
	}
	free(tgt);
	free(acc);
	return CM_OK;
}

/* The notes of the balanced role: a component that is 0 for every
 * candidate for lack of a column, never a silent zero. */
static void limits_balanced(const struct cm_gaps_opts *o, const struct limits *lm, char *buf, size_t n)
{
	if (o->weights[CM_GAP_FIT] > 0 && !lm->issues && !lm->stance)
		say(buf, n, "balanced: fit is 0 for every candidate: no organization lists issues or a stance.\n");
	if (o->weights[CM_GAP_COMPLEMENTARITY] > 0 && !lm->skills)
		say(buf, n, "balanced: complementarity counts new regions and groups only: no organization lists "
			    "skills.\n");
	if (o->weights[CM_GAP_ACCESS] > 0 && !lm->ntgt)
		say(buf, n, "balanced: access is 0 for every candidate: the landscape has no decision-makers.\n");
}

int cm_recommend_limits(struct cm_analysis *an, const struct cm_gaps_opts *o, char *buf, size_t n,
			struct cm_error *err)
{
	int all = o->role == CM_PARTNER_ALL, rc;
	char risks[128] = "";
	struct limits lm;
	struct focus fc;
	size_t i;

	buf[0] = '\0';
	if ((rc = focus_resolve(an, o, &fc, err)) < 0 || (rc = cm_analysis_need(an, CM_K_GRAPHS, err)) < 0) {
		focus_release(&fc);
		return rc;
	}
	if (limits_scan(an, o, &fc, &lm) < 0) {
		focus_release(&fc);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if ((all || o->role == CM_PARTNER_STRATEGIC) && !lm.issues && !lm.stance)
		say(buf, n, "strategic: no organization lists issues or a stance, so strategic partners are ranked "
			    "on shared partners alone.\n");
	else if ((all || o->role == CM_PARTNER_STRATEGIC) && !*fc.issues && fc.stance == CM_STANCE_NONE)
		say(buf, n, "strategic: %s has no issues and no stance, so its strategic partners are ranked on "
			    "shared partners alone.\n", fc.name);
	if ((all || o->role == CM_PARTNER_IMPLEMENTING) && !lm.skills)
		say(buf, n, "implementing: no organization lists skills, so no implementing partner can be named.\n");
	else if ((all || o->role == CM_PARTNER_IMPLEMENTING) && (rc = skills_all_held(an, fc.in)) != 0) {
		if (rc < 0) {
			focus_release(&fc);
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		}
		say(buf, n, "implementing: every skill listed is held already by %s or a partner.\n", fc.name);
	}
	if ((all || o->role == CM_PARTNER_ACCESS) && !lm.ntgt)
		say(buf, n, "access: the landscape has no decision-makers (--targets, or coalmap.ini's decision "
			    "makers, name their types).\n");
	else if ((all || o->role == CM_PARTNER_ACCESS) && !lm.nacc)
		say(buf, n, "access: no candidate (an org not yet a partner) has direct access to a decision-maker.\n");
	if (o->role == CM_PARTNER_BALANCED)
		limits_balanced(o, &lm, buf, n);
	if ((fc.n > 1 || o->for_group) && cm_attr_find(an->l, "global_south") < 0)
		say(buf, n, "coalition gaps: no global_south column, so whether a candidate would be the coalition's "
			    "first Global-South member is not assessed.\n");
	if (!lm.stance)
		say(risks, sizeof(risks), "an opposing or unknown stance (no organization has a stance)");
	if (!any_money(an->l, &an->f))
		say(risks, sizeof(risks), "%sa single funder (no funding ties)", risks[0] ? ", " : "");
	if (risks[0])
		say(buf, n, "risks not assessed: %s.\n", risks);
	i = strlen(buf);
	if (i && buf[i - 1] == '\n')
		buf[i - 1] = '\0';
	focus_release(&fc);
	return CM_OK;
}
