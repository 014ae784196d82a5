/* table.c - struct cm_table, the one result shape every analysis returns. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void cm_table_init(struct cm_table *t, size_t nrows)
{
	memset(t, 0, sizeof(*t));
	t->nrows = nrows;
}

static void column_free(struct cm_column *c)
{
	free(c->text);
	free(c->ints);
	free(c->reals);
	free(c->null);
	free(c->name);
}

void cm_table_release(struct cm_table *t)
{
	size_t j;

	for (j = 0; j < t->ncols; j++)
		column_free(&t->cols[j]);
	cm_arena_free(&t->text);
	free(t->cols);
	free(t->title);
	memset(t, 0, sizeof(*t));
}

static int column_alloc(struct cm_column *c, size_t n)
{
	size_t k = n ? n : 1;

	c->null = malloc(k);
	if (!c->null)
		return CM_ENOMEM;
	memset(c->null, 1, k);
	switch (c->kind) {
	case CM_TEXT: c->text = calloc(k, sizeof(*c->text)); return c->text ? CM_OK : CM_ENOMEM;
	case CM_INT: c->ints = calloc(k, sizeof(*c->ints)); return c->ints ? CM_OK : CM_ENOMEM;
	case CM_REAL: c->reals = calloc(k, sizeof(*c->reals)); return c->reals ? CM_OK : CM_ENOMEM;
	}
	return CM_EINTERNAL;
}

int cm_table_add_column(struct cm_table *t, const char *name, enum cm_kind kind)
{
	struct cm_column *cols = realloc(t->cols, (t->ncols + 1) * sizeof(*cols)), *c;

	if (!cols)
		return CM_ENOMEM;
	t->cols = cols;
	c = &cols[t->ncols];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->metric = -1;
	c->name = strdup(name);
	if (t->cap < t->nrows)
		t->cap = t->nrows;
	if (!c->name || column_alloc(c, t->cap) < 0) {
		column_free(c);
		return CM_ENOMEM;
	}
	return (int)t->ncols++;
}

/* Grows every column to hold cap rows (new cells empty). */
static int table_grow(struct cm_table *t, size_t cap)
{
	size_t j, i;

	for (j = 0; j < t->ncols; j++) {
		struct cm_column *c = &t->cols[j];
		unsigned char *nl = realloc(c->null, cap);
		if (!nl)
			return CM_ENOMEM;
		c->null = nl;
		memset(nl + t->cap, 1, cap - t->cap);
		if (c->kind == CM_TEXT) {
			char **v = realloc(c->text, cap * sizeof(*v));
			if (!v)
				return CM_ENOMEM;
			c->text = v;
			for (i = t->cap; i < cap; i++)
				v[i] = NULL;
		} else if (c->kind == CM_INT) {
			long long *v = realloc(c->ints, cap * sizeof(*v));
			if (!v)
				return CM_ENOMEM;
			c->ints = v;
			for (i = t->cap; i < cap; i++)
				v[i] = 0;
		} else {
			double *v = realloc(c->reals, cap * sizeof(*v));
			if (!v)
				return CM_ENOMEM;
			c->reals = v;
			for (i = t->cap; i < cap; i++)
				v[i] = NAN;
		}
	}
	return CM_OK;
}

long cm_table_add_row(struct cm_table *t)
{
	size_t j;

	if (t->cap < t->nrows)
		t->cap = t->nrows;
	if (t->nrows == t->cap) {
		size_t cap = t->cap < 8 ? 16 : 2 * t->cap;
		if (table_grow(t, cap) < 0)
			return CM_ENOMEM;
		t->cap = cap;
	}
	for (j = 0; j < t->ncols; j++) { /* a row left by cm_table_truncate */
		struct cm_column *c = &t->cols[j];
		c->null[t->nrows] = 1;
		if (c->kind == CM_TEXT)
			c->text[t->nrows] = NULL;
		else if (c->kind == CM_INT)
			c->ints[t->nrows] = 0;
		else
			c->reals[t->nrows] = NAN;
	}
	return (long)t->nrows++;
}

int cm_table_set_text(struct cm_table *t, size_t col, size_t row, const char *s)
{
	struct cm_column *c = &t->cols[col];
	char *d = NULL;

	if (s && *s && !(d = cm_arena_copy(&t->text, s, strlen(s))))
		return CM_ENOMEM;
	c->text[row] = d;
	c->null[row] = d == NULL;
	return CM_OK;
}

void cm_table_set_int(struct cm_table *t, size_t col, size_t row, long long v)
{
	t->cols[col].ints[row] = v;
	t->cols[col].null[row] = 0;
}

void cm_table_set_real(struct cm_table *t, size_t col, size_t row, double v)
{
	t->cols[col].reals[row] = v;
	t->cols[col].null[row] = !isfinite(v);
}

int cm_table_add_metric(struct cm_table *t, enum cm_metric m)
{
	const struct cm_metric_info *mi = cm_metric_info(m);
	int c;

	if (!mi || (c = cm_table_add_column(t, mi->name, mi->kind)) < 0)
		return -1;
	t->cols[c].metric = (int)m;
	return c;
}

int cm_table_col(const struct cm_table *t, enum cm_metric m)
{
	size_t j;

	for (j = 0; j < t->ncols; j++)
		if (t->cols[j].metric == (int)m)
			return (int)j;
	return -1;
}

int cm_table_find(const struct cm_table *t, const char *name)
{
	size_t j;

	for (j = 0; j < t->ncols; j++)
		if (strcmp(t->cols[j].name, name) == 0)
			return (int)j;
	return -1;
}

struct sortkey {
	const struct cm_column *c;
	int desc;
};

static int row_cmp(const void *x, const void *y, void *ctx)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	const struct sortkey *k = ctx;
	const struct cm_column *c = k->c;
	int r = 0;

	if (c->null[a] != c->null[b])
		return c->null[a] ? 1 : -1; /* empty cells last */
	if (!c->null[a]) {
		if (c->kind == CM_TEXT)
			r = strcmp(c->text[a], c->text[b]);
		else if (c->kind == CM_INT)
			r = (c->ints[a] > c->ints[b]) - (c->ints[a] < c->ints[b]);
		else
			r = (c->reals[a] > c->reals[b]) - (c->reals[a] < c->reals[b]);
		if (k->desc)
			r = -r;
	}
	return r ? r : (a > b) - (a < b);
}

int cm_table_sort(struct cm_table *t, size_t col, int descending)
{
	size_t *perm, i, j, n = t->nrows;
	void *tmp;

	perm = malloc((n ? n : 1) * sizeof(*perm));
	tmp = malloc((n ? n : 1) * sizeof(double) > (n ? n : 1) * sizeof(char *) ?
		     (n ? n : 1) * sizeof(double) : (n ? n : 1) * sizeof(char *));
	if (!perm || !tmp) {
		free(perm);
		free(tmp);
		return CM_ENOMEM;
	}
	for (i = 0; i < n; i++)
		perm[i] = i;
	struct sortkey key = { &t->cols[col], descending };
	qsort_r(perm, n, sizeof(*perm), row_cmp, &key);
	for (j = 0; j < t->ncols; j++) {
		struct cm_column *c = &t->cols[j];
		unsigned char *nl = malloc(n ? n : 1);
		if (!nl) {
			free(perm);
			free(tmp);
			return CM_ENOMEM;
		}
		for (i = 0; i < n; i++)
			nl[i] = c->null[perm[i]];
		free(c->null);
		c->null = nl;
		if (c->kind == CM_TEXT) {
			char **v = tmp;
			for (i = 0; i < n; i++)
				v[i] = c->text[perm[i]];
			memcpy(c->text, v, n * sizeof(*v));
		} else if (c->kind == CM_INT) {
			long long *v = tmp;
			for (i = 0; i < n; i++)
				v[i] = c->ints[perm[i]];
			memcpy(c->ints, v, n * sizeof(*v));
		} else {
			double *v = tmp;
			for (i = 0; i < n; i++)
				v[i] = c->reals[perm[i]];
			memcpy(c->reals, v, n * sizeof(*v));
		}
	}
	free(perm);
	free(tmp);
	return CM_OK;
}

void cm_table_truncate(struct cm_table *t, size_t n)
{
	size_t i, j;

	if (n >= t->nrows)
		return;
	for (j = 0; j < t->ncols; j++)
		if (t->cols[j].kind == CM_TEXT)
			for (i = n; i < t->nrows; i++)
				t->cols[j].text[i] = NULL;
	t->nrows = n;
}

const char *cm_table_text(const struct cm_table *t, size_t col, size_t r)
{
	return t->cols[col].null[r] ? "" : t->cols[col].text[r];
}
