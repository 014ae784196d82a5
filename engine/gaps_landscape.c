/* gaps_landscape.c - the gaps of a landscape as a whole (docs/gaps.md):
 * isolates, structural holes, single points of failure, coverage. */
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

static void isolates_and_unreached(struct cm_findings *r, const struct cm_landscape *l, const struct cm_gaps_opts *o,
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
	cm_findings_add(r, "isolates", "", "count", (double)niso, "%zu organization%s without ties", niso,
		      niso == 1 ? "" : "s");
	for (i = 0, k = 0; i < n && k < SINGLE_POINTS_LISTED; i++)
		if (c->start[i] == c->start[i + 1] && ++k)
			cm_findings_add(r, "isolates", cm_landscape_org_id(l, i), "isolate", 1,
				      "%s has no ties to anyone in the landscape", cm_landscape_org_name(l, i));
	cm_findings_add(r, "unreached", "", "count", (double)nunreached,
		      "%zu group%s of organizations %s cut off from every decision-maker", nunreached,
		      nunreached == 1 ? "" : "s", nunreached == 1 ? "is" : "are");
	for (k = 0, i = 0; k < ncomp && i < SINGLE_POINTS_LISTED; k++) {
		double size = d->comp_size[k];
		if (has_target[k] || size < 2)
			continue;
		i++;
		cm_findings_add(r, "unreached", cm_landscape_org_id(l, first[k]), "component_size", size,
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
static void holes(struct cm_findings *r, const struct cm_landscape *l, const struct cm_csr *c, const double *comm,
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
			cm_findings_add(r, "holes", subject, "ties_between", (double)ties,
				      "communities %zu (%.0f orgs) and %zu (%.0f orgs) are joined by %s: a structural hole "
				      "worth bridging", ca, cs[a].id == ca ? cs[a].size : cs[b].size, cb,
				      cs[a].id == cb ? cs[a].size : cs[b].size, ties ? "a single tie" : "no tie");
			snprintf(measure, sizeof(measure), "best_bridge:%zu|%zu", ca, cb);
			cm_findings_add(r, "holes", cm_landscape_org_id(l, (size_t)ba), measure, btw[ba],
				      "%s, the main broker of community %zu, is best placed to connect it",
				      cm_landscape_org_name(l, (size_t)ba), ca);
			cm_findings_add(r, "holes", cm_landscape_org_id(l, (size_t)bb), measure, btw[bb],
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
static void single_points(struct cm_findings *r, const struct cm_landscape *l, const struct cm_dfs *d,
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
	cm_findings_add(r, "single_points", "", "articulation_points", (double)na,
		      "%zu organization%s single point%s of failure: removing one splits the network", na,
		      na == 1 ? " is a" : "s are", na == 1 ? "" : "s");
	for (k = 0; k < na && k < SINGLE_POINTS_LISTED; k++)
		cm_findings_add(r, "single_points", cm_landscape_org_id(l, ap[k].id), "cuts_off", ap[k].size,
			      "without %s, %.0f organization%s would be cut off from the rest",
			      cm_landscape_org_name(l, ap[k].id), ap[k].size, ap[k].size == 1 ? "" : "s");
	cm_findings_add(r, "single_points", "", "bridges", (double)nb,
		      "%zu tie%s the only link between two groups of at least two organizations", nb,
		      nb == 1 ? " is" : "s are");
	for (k = 0; k < nb && k < SINGLE_POINTS_LISTED; k++) {
		size_t v = br[k].id, p = (size_t)d->parent[v];
		char subject[300];
		snprintf(subject, sizeof(subject), "%s | %s", cm_landscape_org_id(l, p < v ? p : v),
			 cm_landscape_org_id(l, p < v ? v : p));
		cm_findings_add(r, "single_points", subject, "bridge_cuts_off", br[k].size,
			      "the tie between %s and %s is the only link for %.0f organizations",
			      cm_landscape_org_name(l, p), cm_landscape_org_name(l, v), br[k].size);
	}
out:
	free(ap);
	free(br);
}

struct tally {
	struct cm_nameset names;
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
	cm_nameset_add(x, n, &t->names);
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

/* 1 if x is one of the n words of known (without case). */
static int is_known(const char *x, const char *const *known, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!strcasecmp(x, known[k]))
			return 1;
	return 0;
}

/* Adds x with count 0 unless the tally has it. */
static void tally_absent(struct tally *t, const char *x)
{
	if (cm_nameset_has(&t->names, x, strlen(x)))
		return;
	tally_add(t, x, strlen(x));
	if (!t->nomem)
		t->count[t->names.n - 1] = 0;
}

/* Shares of orgs having each value of one attribute.  Values that no org
 * has are listed with 0 when the landscape speaks of them: the names of
 * `declared` (the decision-maker types of --targets) always, the built-in
 * words of `known` only when more than half of the values recorded (list
 * items for a list) are built-in ones, of at least two different words - data in its own vocabulary is not
 * judged against the advocacy words (docs/gaps.md). */
static void coverage_of(struct cm_findings *r, const struct cm_landscape *l, const char *what,
			const char *(*value)(const struct cm_landscape *, size_t, const void *), const void *ctx,
			int is_list, const char *const *known, size_t nknown, const struct cm_strlist *declared)
{
	struct tally t = { { 0 }, NULL, 0, 0 };
	size_t n = l->norgs, i, k, builtin = 0, recorded = 0, words = 0;

	for (i = 0; i < n; i++) {
		const char *v = value(l, i, ctx);
		if (is_list)
			cm_list_each(v, tally_item, &t);
		else if (*v)
			tally_add(&t, v, strlen(v));
	}
	for (k = 0; k < t.names.n && !t.nomem; k++) {
		recorded += t.count[k];
		if (is_known(t.names.v[k], known, nknown)) {
			builtin += t.count[k];
			words++;
		}
	}
	for (k = 0; declared && k < declared->n; k++)
		tally_absent(&t, declared->v[k]);
	/* one built-in word for everyone (EIES: 32 academics) is not a
	 * vocabulary: it takes two */
	for (k = 0; words >= 2 && 2 * builtin > recorded && k < nknown; k++)
		tally_absent(&t, known[k]);
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
			cm_findings_add(r, "coverage", subject, "share", 0, "absent: no organization has %s '%s'", what,
				      t.names.v[k]);
		else
			cm_findings_add(r, "coverage", subject, "share", share, "%s%zu organization%s (%.0f %%) %s %s '%s'",
				      share < 0.05 && t.count[k] < 3 ? "thin: " : "", t.count[k],
				      t.count[k] == 1 ? "" : "s", 100 * share, t.count[k] == 1 ? "has" : "have", what,
				      t.names.v[k]);
	}
out:
	cm_nameset_release(&t.names);
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

static const char *v_group(const struct cm_landscape *l, size_t i, const void *c)
{
	const struct cm_groups *g = c;

	(void)l;
	return g->names[g->group_of[i]];
}

int cm_gaps(struct cm_analysis *a, const struct cm_gaps_opts *o, struct cm_table *out, struct cm_error *err)
{
	const struct cm_landscape *l = a->l;
	const struct cm_filter *f = &a->f;
	const struct cm_csr *c = &a->c;
	struct cm_dfs d;
	struct cm_findings r;
	struct cm_groups gr;
	double *largest = NULL;
	size_t ncomp = 0, i;
	int rc;

	memset(&d, 0, sizeof(d));
	memset(&gr, 0, sizeof(gr));
	if (o->group_by && (rc = cm_groups_of(a, o->group_by, &gr, err)) < 0)
		return rc;
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (cm_findings_init(&r, out) < 0)
		goto out;
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
		cm_findings_add(&r, "holes", "", "path_sources", (double)cm_path_samples(l, f),
			      "ESTIMATES: the brokers named below are ranked by betweenness estimated from %zu "
			      "sampled organizations (--exact for exact values)", cm_path_samples(l, f));
	holes(&r, l, c, a->v[CM_M_COMMUNITY], a->v[CM_M_BETWEENNESS]);
	single_points(&r, l, &d, largest);
	coverage_of(&r, l, "type", v_type, NULL, 0, known_types, N_(known_types), &o->targets);
	coverage_of(&r, l, "region", v_region, NULL, 0, NULL, 0, NULL);
	coverage_of(&r, l, "skill", v_skills, NULL, 1, known_skills, N_(known_skills), NULL);
	coverage_of(&r, l, "issue", v_issues, NULL, 1, NULL, 0, NULL);
	if (o->group_by)
		coverage_of(&r, l, o->group_by, v_group, &gr, 0, NULL, 0, NULL);
	if (r.nomem)
		goto out;
	cm_error_clear(err);
	rc = CM_OK;
out:
	free(largest);
	cm_dfs_release(&d);
	cm_groups_release(&gr);
	return rc;
}
