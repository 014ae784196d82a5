/* keyplayers.c - Borgatti's key players, greedy: the k orgs whose removal
 * fragments the network most (KPP-Neg) and the k that reach the most
 * others within two steps (KPP-Pos) (docs/power.md). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "power.h"

/* The rows of KPP-Neg's step (0-based): org v chosen, F after removing
 * the first step + 1 (NaN when fewer than two orgs remain).  When even the
 * best removal leaves the rest in one piece (F = 0), the reading says so
 * and that v was chosen by partners (the tie-break), not by what its
 * removal does.  With --missing, its robustness rows follow its place
 * (cm_power_robust_say). */
/* prev: the fragmentation with the first step orgs removed (step > 0). */
static void kpp_neg_say(struct power *x, size_t v, size_t step, double F, double prev)
{
	const char *id = org_id(x, v), *name = org_name(x, v);

	if (isnan(F))
		cm_findings_add(&x->r, "key_players", id, "kpp_neg_rank", (double)(step + 1),
		    "removing %s%s leaves fewer than two organizations; it is listed for having the most partners",
		    name, step ? " next" : "");
	else if (step && F > 0 && cm_same_value(F, prev))
		cm_findings_add(&x->r, "key_players", id, "kpp_neg_rank", (double)(step + 1),
		    "removing any one more organization fragments the rest no further; %s is listed next for "
		    "having the most partners", name);
	else if (F == 0)
		cm_findings_add(&x->r, "key_players", id, "kpp_neg_rank", (double)(step + 1),
		    "removing any %s organization leaves the %s in one piece; %s is listed %sfor having the most partners",
		    step ? "one more" : "single", step ? "rest" : "network", name, step ? "next " : "");
	else
		cm_findings_add(&x->r, "key_players", id, "kpp_neg_rank", (double)(step + 1),
		    "removing %s%s would fragment the network most", name, step ? " next" : "");
	cm_power_robust_say(x, "key_players", "kpp_neg_kept", "key player by removal", "key players by removal",
			    POWER_LIST_KPP_NEG, step, v);
	if (isnan(F))
		cm_findings_add(&x->r, "key_players", id, "kpp_neg_fragmentation", NAN,
		    "undefined: fewer than two organizations would remain");
	else if (F == 0)
		cm_findings_add(&x->r, "key_players", id, "kpp_neg_fragmentation", F,
		    "with the first %zu removed, every remaining organization can still reach every other", step + 1);
	else
		cm_findings_add(&x->r, "key_players", id, "kpp_neg_fragmentation", F,
		    "with the first %zu removed, %.0f %% of pairs of organizations could no longer reach each other",
		    step + 1, pct(F));
}

/* A resample's run: v is j-th on list l of k. */
static void quiet_list(struct power *x, size_t l, size_t v, size_t j, size_t k)
{
	struct power_lists *q = x->quiet;

	q->sc[l * x->n + v] = (double)(k - j);
	q->top[l * q->kmax + j] = v;
	q->k[l] = j + 1;
}

int cm_power_kpp_neg(struct power *x, size_t k)
{
	size_t n = x->n, step, i;
	double prevF = 0;
	unsigned char *removed = calloc(n + 1, 1);
	double *after = malloc((n + 1) * sizeof(*after));
	size_t present = n; /* orgs not missing (a resample's, x->gone) */
	int rc = CM_ENOMEM;

	if (!removed || !after)
		goto out;
	for (i = 0; i < n; i++)
		if (x->gone && x->gone[i]) {
			removed[i] = 1;
			present--;
		}
	for (step = 0; step < k && step < present; step++) {
		double r = (double)(present - step - 1), best = -HUGE_VAL, bestF;
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
			if ((F > best && !cm_same_value(F, best)) || (cm_same_value(F, best) && deg > bdeg)) {
				best = F;
				bi = i;
				bdeg = deg;
			}
		}
		removed[bi] = 1;
		bestF = r >= 2 ? best : NAN;
		if (x->quiet)
			quiet_list(x, POWER_LIST_KPP_NEG, bi, step, k);
		else
			kpp_neg_say(x, bi, step, bestF, prevF);
		prevF = bestF;
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
int cm_power_kpp_pos(struct power *x, size_t k)
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
		if (x->gone && x->gone[i])
			state[i] = 1; /* missing: neither reached nor a candidate */
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
				if (state[i] != 2 && (!x->gone || !x->gone[i]) && (best == n || bound[i] > bound[best]))
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
		if (x->quiet) {
			quiet_list(x, POWER_LIST_KPP_POS, best, step, k);
			continue;
		}
		/* a gain of 0 means no org is left unreached (an unreached org
		 * would gain at least itself) */
		if (bound[best] == 0)
			cm_findings_add(&x->r, "key_players", org_id(x, best), "kpp_pos_rank", (double)(step + 1),
			    "every organization is already within two steps of the first %zu; %s adds no one and is "
			    "listed by file order", step, org_name(x, best));
		else
			cm_findings_add(&x->r, "key_players", org_id(x, best), "kpp_pos_rank", (double)(step + 1),
			    step ? "%s adds the most organizations not yet within two steps" :
				   "%s reaches the most organizations within two steps", org_name(x, best));
		cm_power_robust_say(x, "key_players", "kpp_pos_kept", "key player by reach", "key players by reach",
				    POWER_LIST_KPP_POS, step, best);
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

