/* stances.c - the long table of stances: stances.csv beside
 * organizations.csv, one row per org and issue (org, issue, stance), read
 * into the stance:ISSUE columns it stands for (docs/stakeholders.md). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"
#include "schema.h"
#include "strmap.h"

#define PREFIX "stance:"

struct sctx {
	struct cm_landscape *l;
	const struct cm_strmap *ids;
	struct cm_diags *diags;
	const char *path;
	long col[3];        /* field of org, issue and stance; -1 when missing */
	size_t first_new;   /* org_attrs from here on come from stances.csv */
	int nomem;
};

static void problem(struct sctx *x, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(struct sctx *x, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (cm_diags_add(x->diags, CM_ERROR, CM_EDATA, x->path, line, 0, "%s", msg) < 0)
		x->nomem = 1;
}

static int header(struct sctx *x, const struct cm_csv_row *row)
{
	static const char *const names[3] = { "org", "issue", "stance" };
	size_t i, k;

	for (k = 0; k < 3; k++) {
		x->col[k] = -1;
		for (i = 0; i < row->n; i++) {
			const char *s = row->fields[i];
			size_t n = row->lens[i];
			cm_trim(&s, &n);
			if (n == strlen(names[k]) && !strncasecmp(s, names[k], n))
				x->col[k] = (long)i;
		}
	}
	if (x->col[0] < 0 || x->col[1] < 0 || x->col[2] < 0)
		problem(x, row->line, "the header needs the columns org, issue and stance");
	return CM_OK;
}

/* The org attribute "stance:ISSUE" (without case), added when new; -1
 * (with a problem) when organizations.csv has it too, -2 out of memory. */
static long issue_attr(struct sctx *x, const char *issue, size_t n, long line)
{
	struct cm_landscape *l = x->l;
	struct cm_attr *v;
	size_t a, i, len = strlen(PREFIX) + n;
	char *name = malloc(len + 1);

	if (!name)
		return -2;
	snprintf(name, len + 1, "%s%.*s", PREFIX, (int)n, issue);
	for (a = 0; a < l->norg_attrs && strcasecmp(l->org_attrs[a].name, name); a++)
		;
	if (a < x->first_new) {
		problem(x, line, "issue '%.60s' is also a column of organizations.csv (%s): give it in one place",
			name + strlen(PREFIX), l->org_attrs[a].name);
		free(name);
		return -1;
	}
	if (a < l->norg_attrs) {
		free(name);
		return (long)a;
	}
	if (!(v = realloc(l->org_attrs, (l->norg_attrs + 1) * sizeof(*v)))) {
		free(name);
		return -2;
	}
	l->org_attrs = v;
	v[a].name = name;
	v[a].numeric = 0;
	if (!(v[a].val = malloc((l->norgs + 1) * sizeof(*v[a].val)))) {
		free(name);
		return -2;
	}
	for (i = 0; i < l->norgs; i++)
		v[a].val[i] = 0; /* offset 0 of the pool is "" */
	l->norg_attrs++;
	return (long)a;
}

static int row_fn(void *ctx, const struct cm_csv_row *row)
{
	struct sctx *x = ctx;
	const char *f[3];
	size_t n[3], k, org, off;
	long a;
	int st;

	if (row->index == 0)
		return header(x, row);
	if (x->col[0] < 0 || x->col[1] < 0 || x->col[2] < 0)
		return CM_OK;
	for (k = 0; k < 3; k++) {
		f[k] = row->fields[x->col[k]];
		n[k] = row->lens[x->col[k]];
		cm_trim(&f[k], &n[k]);
	}
	if ((org = cm_strmap_find(x->ids, x->l->pool.buf, f[0], n[0])) == (size_t)-1) {
		problem(x, row->line, "org '%.60s' is not an organization of organizations.csv", f[0]);
		return CM_OK;
	}
	if (!n[1]) {
		problem(x, row->line, "the issue is empty");
		return CM_OK;
	}
	st = cm_schema_file_stance(x->l->schema, f[2], n[2]);
	if (st <= CM_STANCE_NONE) {
		problem(x, row->line, "stance '%.40s' is %s (coalmap.ini's [stance]: docs/schema.md)", f[2],
			st == CM_STANCE_NONE ? "empty: give one or leave the row out" : st == -2 ?
			"off the stance scale" : "not support, neutral or oppose, nor a number on the stance scale");
		return CM_OK;
	}
	if ((a = issue_attr(x, f[1], n[1], row->line)) == -2)
		return CM_ENOMEM;
	if (a < 0)
		return CM_OK;
	if (x->l->org_attrs[a].val[org]) {
		problem(x, row->line, "a second stance of '%.60s' on '%.60s'", f[0], f[1]);
		return CM_OK;
	}
	if (cm_strpool_add(&x->l->pool, f[2], n[2], &off) < 0)
		return CM_ENOMEM;
	x->l->org_attrs[a].val[org] = off;
	return x->nomem ? CM_ENOMEM : CM_OK;
}

int cm_stances_load(struct cm_landscape *l, const struct cm_strmap *ids, const char *dir, struct cm_diags *diags,
		    struct cm_error *err)
{
	struct sctx x;
	struct stat st;
	char *path = cm_path_join(dir, "stances.csv");
	int rc;

	if (!path)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (stat(path, &st) < 0) {
		free(path);
		return CM_OK; /* no long table */
	}
	memset(&x, 0, sizeof(x));
	x.l = l;
	x.ids = ids;
	x.diags = diags;
	x.path = path;
	x.first_new = l->norg_attrs;
	rc = cm_csv_read(path, path, row_fn, &x, diags, err);
	if (rc == CM_ENOMEM || x.nomem)
		rc = cm_error_set(err, CM_ENOMEM, path, 0, 0, "out of memory");
	free(path);
	return rc;
}
