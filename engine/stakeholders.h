/* stakeholders.h - the stakeholder analysis shared by its two files
 * (engine-private): stakeholders.c (stance, alignment, influence, the
 * tables) and signed.c (the signed network: balance, frustration, camps). */
#ifndef CM_STAKEHOLDERS_H
#define CM_STAKEHOLDERS_H

#include "internal.h"

#define STAKE_UNKNOWN 2 /* a stance cell that is empty */

/* The signed network: pairs of orgs tied by kept ties, negative when one
 * of their ties is a conflict tie; adjacency nbr/sgn[start[v]..start[v+1]). */
struct signed_net {
	size_t npairs, nneg;
	uint32_t *pu, *pv;          /* pair k joins pu[k] < pv[k] */
	signed char *psign;         /* +1 or -1 */
	size_t *start;              /* n + 1 */
	uint32_t *nbr;
	size_t *pair;               /* the pair of each adjacency entry */
	size_t triangles, balanced;
	size_t lower;               /* unbalanced triangles sharing no pair: a lower bound */
	size_t frustration, pos_between, neg_within;
	size_t heuristic_comps;     /* components left to the local search */
	size_t heuristic_largest;
	unsigned char *side;        /* 0 or 1 within each component */
	int *camp;                  /* per org: 0 none, 1 or 2 */
};

struct stake {
	struct cm_analysis *a;
	const struct cm_landscape *l;
	const struct cm_stake_opts *o;
	size_t n, nissues;
	size_t stance_attr;         /* the text column stance */
	size_t *issue_attr;         /* the text column of each issue */
	signed char *s;             /* s[i * nissues + k]: +1, 0, -1 or STAKE_UNKNOWN */
	signed char *fs;            /* the focus's stance per issue (all +1 without one) */
	unsigned char *focus, *access, *high;
	double *pr, *btw, *network, *stated, *influence, *align;
	size_t *compared;
	struct signed_net g;
};

/* Builds the signed network of x's kept ties, its triangles and the
 * partition into two camps (signed.c).  x->align must be filled. */
int cm_stake_signed(struct stake *x, struct cm_error *err);
void cm_stake_signed_release(struct signed_net *g);

/* The stances of l per issue (the stance column, then every stance:ISSUE
 * column with a value, as cm_stakeholders reads them): (*attr)[k] the text
 * column of issue k, (*s)[i * *nissues + k] org i's sign (+1, 0, -1 or
 * STAKE_UNKNOWN).  CM_EDATA (file:line) at a cell that is no stance.  The
 * caller frees *attr and *s. */
int cm_stake_issues(const struct cm_landscape *l, size_t **attr, signed char **s, size_t *nissues,
		    struct cm_error *err);

#endif
