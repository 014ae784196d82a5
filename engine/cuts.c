/* cuts.c - what removing one organization does to the collaboration graph:
 * one iterative depth-first search (Hopcroft-Tarjan) finds, for every
 * vertex, the pieces its removal separates.  Iterative, so long chains do
 * not overflow the stack. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "graph.h"

int cm_cut_vertices(const struct cm_csr *c, size_t n, const unsigned char *removed, double *after,
		    double *largest_piece, struct cm_dfs *dfs)
{
	igraph_integer_t *disc = malloc((n + 1) * sizeof(*disc)), *low = malloc((n + 1) * sizeof(*low)),
			 *sub = malloc((n + 1) * sizeof(*sub)), *parent = malloc((n + 1) * sizeof(*parent)),
			 *it = malloc((n + 1) * sizeof(*it)), *stack = malloc((n + 1) * sizeof(*stack)),
			 *comp = malloc((n + 1) * sizeof(*comp));
	double *sep = calloc(n + 1, sizeof(*sep)), *sepsize = calloc(n + 1, sizeof(*sepsize)),
	       *maxsep = calloc(n + 1, sizeof(*maxsep)), *csize = malloc((n + 1) * sizeof(*csize)), total = 0;
	igraph_integer_t time = 0, ncomp = 0;
	size_t r, i;
	int rc = CM_ENOMEM;

	if (!disc || !low || !sub || !parent || !it || !stack || !comp || !sep || !sepsize || !maxsep || !csize)
		goto out;
	for (i = 0; i < n; i++)
		disc[i] = -1;
	for (r = 0; r < n; r++) {
		igraph_integer_t sp = 0, root = (igraph_integer_t)r;
		if ((removed && removed[r]) || disc[r] >= 0)
			continue;
		stack[sp++] = root;
		parent[root] = -1;
		disc[root] = low[root] = time++;
		it[root] = c->start[root];
		sub[root] = 1;
		comp[root] = ncomp;
		while (sp) {
			igraph_integer_t v = stack[sp - 1];
			if (it[v] < c->start[v + 1]) {
				igraph_integer_t u = c->nbr[it[v]++];
				if (removed && removed[u])
					continue;
				if (disc[u] < 0) {
					parent[u] = v;
					disc[u] = low[u] = time++;
					it[u] = c->start[u];
					sub[u] = 1;
					comp[u] = ncomp;
					stack[sp++] = u;
				} else if (u != parent[v] && disc[u] < low[v]) {
					low[v] = disc[u];
				}
			} else {
				igraph_integer_t p = parent[v];
				sp--;
				if (p >= 0) {
					sub[p] += sub[v];
					if (low[v] < low[p])
						low[p] = low[v];
					if (low[v] >= disc[p]) { /* v's subtree separates from p */
						sep[p] += (double)sub[v] * (double)(sub[v] - 1);
						sepsize[p] += (double)sub[v];
						if ((double)sub[v] > maxsep[p])
							maxsep[p] = (double)sub[v];
					}
				}
			}
		}
		csize[ncomp++] = (double)sub[root];
		total += (double)sub[root] * (double)(sub[root] - 1);
	}
	for (i = 0; i < n; i++) {
		double s, rest;
		if (removed && removed[i])
			continue;
		s = csize[comp[i]];
		rest = s - 1 - sepsize[i];
		if (after)
			after[i] = total - s * (s - 1) + sep[i] + rest * (rest - 1);
		if (largest_piece)
			largest_piece[i] = rest > maxsep[i] ? rest : maxsep[i];
	}
	if (dfs) {
		dfs->parent = parent;
		dfs->sub = sub;
		dfs->low = low;
		dfs->disc = disc;
		dfs->comp = comp;
		dfs->comp_size = csize;
		parent = sub = low = disc = comp = NULL;
		csize = NULL;
	}
	rc = CM_OK;
out:
	free(disc);
	free(low);
	free(sub);
	free(parent);
	free(it);
	free(stack);
	free(comp);
	free(sep);
	free(sepsize);
	free(maxsep);
	free(csize);
	return rc;
}

void cm_dfs_release(struct cm_dfs *d)
{
	free(d->parent);
	free(d->sub);
	free(d->low);
	free(d->disc);
	free(d->comp);
	free(d->comp_size);
	memset(d, 0, sizeof(*d));
}

static size_t root(size_t *parent, size_t v)
{
	while (parent[v] != v) {
		parent[v] = parent[parent[v]];
		v = parent[v];
	}
	return v;
}

int cm_components(const struct cm_csr *c, size_t n, uint32_t *comp, size_t **sizes, size_t *ncomp)
{
	size_t *parent = malloc((n + 1) * sizeof(*parent)), *size = malloc((n + 1) * sizeof(*size)), v, k;
	igraph_integer_t e;

	*sizes = NULL;
	*ncomp = 0;
	if (!parent || !size) {
		free(parent);
		free(size);
		return CM_ENOMEM;
	}
	for (v = 0; v < n; v++) {
		parent[v] = v;
		size[v] = 1;
	}
	for (v = 0; v < n; v++)
		for (e = c->start[v]; e < c->start[v + 1]; e++) {
			size_t a = root(parent, v), b = root(parent, (size_t)c->nbr[e]);
			if (a == b)
				continue;
			if (size[a] < size[b]) {
				size_t t = a;
				a = b;
				b = t;
			}
			parent[b] = a;
			size[a] += size[b];
		}
	for (v = 0; v < n; v++)
		if (parent[v] == v)
			(*ncomp)++;
	if (!(*sizes = calloc(*ncomp + 1, sizeof(**sizes)))) {
		free(parent);
		free(size);
		return CM_ENOMEM;
	}
	/* numbered by their first org, as igraph numbers them */
	k = 0;
	for (v = 0; v < n; v++)
		comp[v] = UINT32_MAX;
	for (v = 0; v < n; v++) {
		size_t r = root(parent, v);
		if (comp[r] == UINT32_MAX)
			comp[r] = (uint32_t)k++;
		comp[v] = comp[r];
		(*sizes)[comp[v]]++;
	}
	free(parent);
	free(size);
	return CM_OK;
}
