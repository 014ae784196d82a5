/* read_dl.c - a UCINET DL file as a landscape.  docs/bring-your-data.md,
 * "UCINET", says it for users:
 *   DL N=n [NM=m] FORMAT=fullmatrix|lowerhalf|upperhalf|edgelist1|nodelist1
 *   DIAGONAL PRESENT|ABSENT; LABELS: (or ROW/COLUMN LABELS:) a list, or
 *   LABELS EMBEDDED in the data; MATRIX LABELS: one tie type per matrix;
 *   DATA: the matrices (NM of them; an edge or node list's separated by !)
 * Every format makes an n x n matrix per relation, turned into ties by
 * the rule of a CSV matrix (cm_matrix_ties): symmetric -> one mutual tie
 * per pair, else a directed tie row -> column per non-zero cell.  An edge
 * or node list keeps its cells as a list (list_ties applies the same
 * rule), so a large N with few ties needs no n x n matrix.  Org id = the
 * label (else the vertex number). */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "strmap.h"

#define DL_MAX_CELLS 50000000L /* n * n * nm: 400 MB of values at most (a matrix format) */

int cm_sniff_dl(const struct cm_peek *p)
{
	const char *s = p->head;

	if (p->is_dir)
		return CM_NOT_MINE;
	if (!strncasecmp(s, "dl", 2) && (!s[2] || strchr(" \t\r\n,", s[2])))
		return CM_BY_CONTENT;
	return !strcasecmp(p->ext, "dl") ? CM_BY_NAME : CM_NOT_MINE;
}

struct tok {
	char *s;
	long line;
};

enum fmt { F_FULL, F_LOWER, F_UPPER, F_EDGES, F_NODES };

/* A cell of an edge or node list: matrix m, row a, column b; seq orders
 * the cells as read (the last of a cell wins). */
struct cell {
	long m, a, b;
	size_t seq;
	double x;
};

struct dl {
	const char *file;
	struct cm_diags *diags;
	struct tok *t;
	size_t nt, at;
	long n, nm;
	enum fmt fmt;
	int diagonal, embedded, bad, nomem;
	char *buf;                    /* the tokens' text */
	struct tok *labels, *mlabels; /* n and nm of them, or NULL */
	long nlabels, nmlabels;
	long mlabels_line;            /* where MATRIX LABELS: is */
	double *v;                    /* nm matrices of n x n (a matrix format) */
	struct cell *cells;           /* an edge or node list's (else NULL) */
	size_t ncells, cells_cap;
	long *line;                   /* nm x n: each row's line */
};

static void perr(struct dl *d, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void perr(struct dl *d, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_diags_problem(d->diags, NULL, CM_ERROR, d->file, line, &d->bad, &d->nomem, fmt, ap);
	va_end(ap);
}

/* Splits s into tokens, copied NUL-terminated into d->buf: blanks,
 * commas and '=' separate; ':' and '!' are tokens of their own; "quoted"
 * labels keep their blanks. */
static int tokenize(struct dl *d, const char *s, size_t len)
{
	size_t cap = 0;
	long line = 1;
	char *w;

	if (!(w = d->buf = malloc(2 * len + 2)))
		return CM_ENOMEM;
	while (*s) {
		size_t n;
		if (*s == '\n' || strchr(" \t\r,=", *s)) {
			line += *s++ == '\n';
			continue;
		}
		if (d->nt == cap) {
			struct tok *t = realloc(d->t, (cap = cap ? 2 * cap : 1024) * sizeof(*t));
			if (!t)
				return CM_ENOMEM;
			d->t = t;
		}
		if (*s == '"') {
			n = strcspn(++s, "\"\n");
			memcpy(w, s, n);
			s += n + (s[n] == '"');
		} else {
			n = *s == ':' || *s == '!' ? 1 : strcspn(s, " \t\r\n,=:!\"");
			memcpy(w, s, n);
			s += n;
		}
		w[n] = '\0';
		d->t[d->nt++] = (struct tok){ w, line };
		w += n + 1;
	}
	return CM_OK;
}

static const char *peek(const struct dl *d, size_t k)
{
	return d->at + k < d->nt ? d->t[d->at + k].s : "";
}

static int is(const struct dl *d, size_t k, const char *w)
{
	return !strcasecmp(peek(d, k), w);
}

static long cur_line(const struct dl *d)
{
	return d->at < d->nt ? d->t[d->at].line : d->nt ? d->t[d->nt - 1].line : 0;
}

static long count_after(struct dl *d, const char *what)
{
	char *end;
	long v;

	d->at++;
	v = strtol(peek(d, 0), &end, 10);
	if (!*peek(d, 0) || *end || v < 1 || v > 1000000) {
		perr(d, cur_line(d), "%s needs a whole number from 1 to 1000000, not '%.40s'", what, peek(d, 0));
		return 0;
	}
	d->at++;
	return v;
}

/* 1 at a header keyword that a list of labels of unknown length ends at. */
static int header_word(const struct dl *d)
{
	static const char *const w[] = { "n", "nm", "nr", "nc", "format", "diagonal" };
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (is(d, 0, w[i]))
			return 1;
	return 0;
}

/* A list of labels: n of them (when n), up to the next "WORD:", "WORD
 * LABELS:", "LABELS EMBEDDED" or (n unknown) header keyword; how many in
 * *count. */
static struct tok *label_list(struct dl *d, long n, const char *what, long *count)
{
	size_t start = d->at;
	long k = 0;

	while (d->at < d->nt && (!n || k < n) && strcmp(peek(d, 0), ":") && strcmp(peek(d, 1), ":") &&
	       !(is(d, 1, "labels") && is(d, 2, ":")) && !(is(d, 0, "labels") && is(d, 1, "embedded")) &&
	       (n || !header_word(d))) {
		d->at++;
		k++;
	}
	if (n && k != n) {
		perr(d, start < d->nt ? d->t[start].line : cur_line(d), "%ld %s where %s=%ld", k, what,
		     strstr(what, "matrix") ? "NM" : "N", n);
		return NULL;
	}
	*count = k;
	return &d->t[start];
}

static void header_format(struct dl *d)
{
	static const struct { const char *w; enum fmt f; } f[] = {
		{ "fullmatrix", F_FULL }, { "fm", F_FULL },	   { "lowerhalf", F_LOWER }, { "lh", F_LOWER },
		{ "upperhalf", F_UPPER }, { "uh", F_UPPER },	   { "edgelist1", F_EDGES }, { "el1", F_EDGES },
		{ "edgelist", F_EDGES },  { "nodelist1", F_NODES }, { "nl1", F_NODES },	     { "nodelist", F_NODES },
	};
	size_t i;

	d->at++;
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (is(d, 0, f[i].w)) {
			d->fmt = f[i].f;
			d->at++;
			return;
		}
	perr(d, cur_line(d), "format '%.40s' is not read (fullmatrix, lowerhalf, upperhalf, edgelist1, nodelist1)",
	     peek(d, 0));
}

/* The header, up to DATA:.  Errors end it. */
static void header(struct dl *d)
{
	d->at = 1; /* past DL */
	d->diagonal = 1;
	while (d->at < d->nt && !d->bad) {
		if (is(d, 0, "data") && is(d, 1, ":")) {
			d->at += 2;
			return;
		}
		if (is(d, 0, "n"))
			d->n = count_after(d, "N");
		else if (is(d, 0, "nm"))
			d->nm = count_after(d, "NM");
		else if (is(d, 0, "nr") || is(d, 0, "nc"))
			perr(d, cur_line(d), "two-mode data (NR, NC) is not read: coalmap needs one set of organizations");
		else if (is(d, 0, "format"))
			header_format(d);
		else if (is(d, 0, "diagonal")) {
			d->diagonal = !is(d, 1, "absent");
			d->at += 2;
		} else if ((is(d, 0, "row") || is(d, 0, "column") || is(d, 0, "col") || is(d, 0, "labels"))) {
			int row = !is(d, 0, "column") && !is(d, 0, "col");
			d->at += is(d, 0, "labels") ? 1 : 2;
			if (is(d, 0, "embedded")) {
				d->embedded = 1;
				d->at += 1 + is(d, 1, ":");
			} else if (is(d, 0, ":")) {
				struct tok *l;
				long k = 0;
				d->at++;
				l = label_list(d, d->n, "labels", &k);
				if (l && (row || !d->labels)) {
					d->labels = l;
					d->nlabels = k;
				}
			} else
				perr(d, cur_line(d), "LABELS needs ':' (a list follows) or EMBEDDED");
		} else if (is(d, 0, "matrix") && is(d, 1, "labels") && is(d, 2, ":")) {
			d->mlabels_line = cur_line(d);
			d->at += 3;
			/* NM may come later: then as many as there are, checked in data() */
			d->mlabels = label_list(d, d->nm, "matrix labels", &d->nmlabels);
		} else if (is(d, 0, "embedded")) {
			d->embedded = 1;
			d->at++;
		} else
			perr(d, cur_line(d), "'%.40s' is not a DL keyword coalmap reads", peek(d, 0));
	}
	if (!d->bad)
		perr(d, cur_line(d), "no DATA: line");
}

/* The vertex a data token names: a label (labels embedded) or a number;
 * -1 after an error, -2 on ENOMEM. */
static long vertex(struct dl *d, struct cm_strset *names, const struct tok *t)
{
	char *end;
	long k;

	if (d->embedded) {
		long at = cm_strset_add(names, t->s, strlen(t->s));
		if (at >= 0 && names->n > (size_t)d->n) {
			perr(d, t->line, "label '%.60s' makes more than N=%ld vertices", t->s, d->n);
			return -1;
		}
		return at < 0 ? -2 : at;
	}
	k = strtol(t->s, &end, 10);
	if (!*t->s || *end || k < 1 || k > d->n) {
		perr(d, t->line, "vertex '%.40s' is not a number from 1 to N=%ld", t->s, d->n);
		return -1;
	}
	return k - 1;
}

static int value_of(struct dl *d, const struct tok *t, double *v)
{
	const char *hint;

	if (cm_read_number(t->s, strlen(t->s), v, &hint) < 0) {
		perr(d, t->line, "'%.40s' is not a number%s%s", t->s, hint ? "; " : "", hint ? hint : "");
		return -1;
	}
	return 0;
}

/* The values of row i of a matrix: which columns it holds. */
static void row_span(const struct dl *d, long i, long *from, long *to)
{
	*from = d->fmt == F_UPPER ? i : 0;
	*to = d->fmt == F_LOWER ? i : d->n - 1;
}

/* One matrix (full or half) from the tokens at d->at. */
static int read_matrix(struct dl *d, struct cm_strset *names, double *v, long *line)
{
	long i, j = 0, from = 0, to = -1, *col = NULL, prev = 0;

	if (!(col = malloc((size_t)d->n * sizeof(*col))))
		return CM_ENOMEM;
	for (j = 0; j < d->n && !d->bad; j++) /* embedded: the columns' labels first */
		if ((col[j] = d->embedded ? (d->at < d->nt ? vertex(d, names, &d->t[d->at++]) : -1) : j) == -2) {
			free(col);
			return CM_ENOMEM;
		}
	for (i = 0; i < d->n && !d->bad; i++) {
		long r = i;
		if (d->at >= d->nt)
			break;
		if (i && d->t[d->at].line == prev)
			perr(d, prev, "row %ld starts in the middle of a line: a row holds N=%ld values", i + 1, d->n);
		if (d->embedded && (r = vertex(d, names, &d->t[d->at++])) < 0) {
			free(col);
			return r == -2 ? CM_ENOMEM : CM_OK;
		}
		line[r] = d->t[d->at < d->nt ? d->at : d->nt - 1].line;
		row_span(d, i, &from, &to);
		for (j = from; j <= to && !d->bad; j++) {
			double x;
			if (j == i && !d->diagonal)
				continue;
			if (d->at >= d->nt)
				break;
			prev = d->t[d->at].line;
			if (value_of(d, &d->t[d->at++], &x) == 0) {
				v[r * d->n + col[j]] = x;
				if (d->fmt != F_FULL)
					v[col[j] * d->n + r] = x;
			}
		}
	}
	if (!d->bad && (i < d->n || j <= to))
		perr(d, cur_line(d), "the data end before N=%ld rows", d->n);
	free(col);
	return CM_OK;
}

/* Records cell (m, a, b) = x. */
static int add_cell(struct dl *d, long m, long a, long b, double x)
{
	if (cm_grow(&d->cells, &d->cells_cap, d->ncells + 1, sizeof(*d->cells)) < 0)
		return CM_ENOMEM;
	d->cells[d->ncells] = (struct cell){ m, a, b, d->ncells, x };
	d->ncells++;
	return CM_OK;
}

/* Edge or node list m (to a '!' or the end) from d->at into d->cells. */
static int read_list(struct dl *d, struct cm_strset *names, long m, long *line)
{
	while (d->at < d->nt && !d->bad && strcmp(peek(d, 0), "!")) {
		long ln = d->t[d->at].line, a = vertex(d, names, &d->t[d->at++]), b;
		size_t k = 1;
		if (a == -2)
			return CM_ENOMEM;
		for (; a >= 0 && d->at < d->nt && d->t[d->at].line == ln && !d->bad; k++) {
			const struct tok *t = &d->t[d->at++];
			if (d->fmt == F_EDGES && k == 2) {
				value_of(d, t, &d->cells[d->ncells - 1].x); /* the edge's value */
				continue;
			}
			if (d->fmt == F_EDGES && k > 2) {
				perr(d, ln, "an edge list's line holds two vertices and a value at most");
				break;
			}
			if ((b = vertex(d, names, t)) == -2 || (b >= 0 && add_cell(d, m, a, b, 1) < 0))
				return CM_ENOMEM;
		}
		if (a >= 0 && !line[a])
			line[a] = ln;
	}
	return CM_OK;
}

/* Orders cells by matrix, row and column. */
static int cell_pos_cmp(const struct cell *p, long m, long a, long b)
{
	if (p->m != m)
		return p->m < m ? -1 : 1;
	if (p->a != a)
		return p->a < a ? -1 : 1;
	return p->b < b ? -1 : p->b > b;
}

/* ... then as read. */
static int cell_cmp(const void *x, const void *y)
{
	const struct cell *p = x, *q = y;
	int c = cell_pos_cmp(p, q->m, q->a, q->b);

	return c ? c : p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* Sorts the cells by matrix, row and column and keeps each cell's last
 * value, non-zero: the matrix the list makes, row by row. */
static void cells_settle(struct dl *d)
{
	size_t i, w = 0;

	if (d->ncells) /* cells is NULL when there are none */
		qsort(d->cells, d->ncells, sizeof(*d->cells), cell_cmp);
	for (i = 0; i < d->ncells; i++) {
		const struct cell *c = &d->cells[i];
		if (i + 1 < d->ncells && !cell_pos_cmp(c + 1, c->m, c->a, c->b))
			continue; /* a later value for the cell */
		if (c->x != 0)
			d->cells[w++] = *c;
	}
	d->ncells = w;
}

/* The value of cell (m, a, b) among the settled cells c[0..n), or 0. */
static double cell_value(const struct cell *c, size_t n, long m, long a, long b)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cell_pos_cmp(&c[mid], m, a, b) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && !cell_pos_cmp(&c[lo], m, a, b) ? c[lo].x : 0;
}

/* cm_matrix_ties' rule on the settled cells c[0..n) of one list: when
 * every cell equals its mirror, one mutual tie per pair (row <= column),
 * else a directed tie per cell; in row-major order. */
static int list_ties(struct cm_tie_sink *k, const struct cell *c, size_t n, char *const *id, const long *line,
		     const char *type)
{
	size_t i;
	int sym = 1;

	for (i = 0; i < n && sym; i++)
		sym = c[i].a == c[i].b || cell_value(c, n, c[i].m, c[i].b, c[i].a) == c[i].x;
	for (i = 0; i < n; i++)
		if ((!sym || c[i].a <= c[i].b) &&
		    cm_tie_sink_add(k, line[c[i].a], id[c[i].a], id[c[i].b], !sym, c[i].x, type) < 0)
			return CM_ENOMEM;
	return CM_OK;
}

static int data(struct dl *d, struct cm_strset *names)
{
	long m;
	int rc = CM_OK, list = d->fmt == F_EDGES || d->fmt == F_NODES;

	if (!d->n && d->labels)
		d->n = d->nlabels;
	if (!d->n) {
		perr(d, cur_line(d), "no N= (the number of vertices)");
		return CM_OK;
	}
	if (!d->nm)
		d->nm = 1;
	if (d->mlabels && d->nmlabels != d->nm) {
		perr(d, d->nmlabels ? d->mlabels[0].line : d->mlabels_line, "%ld matrix labels where NM=%ld",
		     d->nmlabels, d->nm);
		return CM_OK;
	}
	if ((double)d->n * (double)d->nm * (list ? 1 : (double)d->n) > DL_MAX_CELLS) {
		perr(d, d->t[0].line, "N=%ld and NM=%ld make more cells than coalmap reads (%ld)", d->n, d->nm,
		     DL_MAX_CELLS);
		return CM_OK;
	}
	if ((!list && !(d->v = calloc((size_t)(d->n * d->n * d->nm), sizeof(*d->v)))) ||
	    !(d->line = calloc((size_t)(d->n * d->nm), sizeof(*d->line))))
		return CM_ENOMEM;
	for (m = 0; m < d->nm && rc == CM_OK && !d->bad; m++) {
		long *line = d->line + m * d->n;
		while (is(d, 0, "!"))
			d->at++;
		rc = list ? read_list(d, names, m, line) : read_matrix(d, names, d->v + m * d->n * d->n, line);
	}
	while (is(d, 0, "!"))
		d->at++;
	if (list)
		cells_settle(d);
	if (rc == CM_OK && !d->bad && d->at < d->nt)
		perr(d, d->t[d->at].line, "more data than N=%ld and NM=%ld hold, from '%.40s' on", d->n, d->nm,
		     peek(d, 0));
	return rc;
}

/* The organizations, in vertex order: a label, else the number. */
static int orgs_and_ties(struct dl *d, struct cm_strset *names, struct cm_rows *orgs, struct cm_rows *ties)
{
	struct cm_tie_sink k;
	char **id = calloc((size_t)d->n, sizeof(*id)), *num = malloc((size_t)d->n * 12);
	long i, m, w = 0;
	size_t from = 0, to = 0; /* matrix m's cells (a list) */
	int rc = CM_ENOMEM;

	if (!id || !num || cm_tie_sink_init(&k, orgs, ties, "dl_value", 1) < 0)
		goto out;
	for (i = 0; i < d->n; i++) {
		long r;
		if ((size_t)i < names->n)
			id[i] = (char *)cm_strset_get(names, (size_t)i);
		else {
			id[i] = num + w;
			w += sprintf(num + w, "%ld", i + 1) + 1;
		}
		if ((r = cm_rows_add(orgs, d->labels && i < d->nlabels ? d->labels[i].line : 1)) < 0 ||
		    cm_rows_set(orgs, (size_t)r, CM_ORG_ID, id[i], strlen(id[i])) < 0)
			goto out;
	}
	for (m = 0; m < d->nm; m++) {
		char type[32];
		const char *t = d->mlabels ? d->mlabels[m].s : NULL;
		char *end;
		if (t && strtol(t, &end, 10) == m + 1 && !*end)
			t = NULL; /* sna's write.dl numbers the matrices: no name */
		if (!t && d->nm > 1) {
			snprintf(type, sizeof(type), "relation_%ld", m + 1);
			t = type;
		}
		for (from = to; to < d->ncells && d->cells[to].m == m; to++)
			;
		if (d->v ? cm_matrix_ties(&k, (size_t)d->n, (const char *const *)id, d->v + m * d->n * d->n,
					  d->line + m * d->n, t) < 0
			 : list_ties(&k, d->cells + from, to - from, id, d->line + m * d->n, t) < 0)
			goto out;
	}
	cm_tie_sink_notes(&k, d->diags, d->file);
	rc = CM_OK;
out:
	free(id);
	free(num);
	return rc;
}

int cm_read_dl(struct cm_read *rd)
{
	struct dl d;
	struct cm_strset names;
	size_t len;
	int rc;
	char *buf = cm_slurp(rd, SIZE_MAX, 1, &len, &rc);
	long i;

	if (!buf)
		return rc;
	memset(&d, 0, sizeof(d));
	cm_strset_init(&names);
	d.file = rd->path;
	d.diags = rd->diags;
	rc = tokenize(&d, buf, len);
	if (rc == CM_OK && (!d.nt || strcasecmp(d.t[0].s, "dl")))
		perr(&d, d.nt ? d.t[0].line : 1, "not a DL file: its first word is not DL");
	if (rc == CM_OK && !d.bad)
		header(&d);
	for (i = 0; rc == CM_OK && !d.bad && d.labels && !d.embedded && i < d.nlabels; i++) {
		size_t before = names.n;
		if (cm_strset_add(&names, d.labels[i].s, strlen(d.labels[i].s)) < 0)
			rc = CM_ENOMEM;
		else if (names.n == before)
			perr(&d, d.labels[i].line, "label '%.60s' given twice", d.labels[i].s);
	}
	if (rc == CM_OK && !d.bad)
		rc = data(&d, &names);
	if (rc == CM_OK && !d.bad)
		rc = orgs_and_ties(&d, &names, rd->orgs, rd->ties);
	cm_strset_release(&names);
	free(d.t);
	free(d.buf);
	free(d.v);
	free(d.cells);
	free(d.line);
	free(buf);
	if (rc < 0 || d.nomem)
		return cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return d.bad ? CM_EDATA : CM_OK;
}
