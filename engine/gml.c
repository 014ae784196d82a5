/* gml.c - GML in and out, by hand: a small tokenizer and parser that read
 * what NetworkX's write_gml writes (and most other GML), and a writer that
 * NetworkX's read_gml reads (docs/convert.md). */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define GML_DEPTH_MAX 64
#define GML_LIST_START "_networkx_list_start" /* NetworkX's one-item list marker */

enum gkind { G_INT, G_REAL, G_STR, G_LIST };

struct gitem;

struct gval {
	enum gkind kind;
	char *text;           /* G_INT, G_REAL: the token; G_STR: unescaped */
	struct gitem *items;  /* G_LIST */
	size_t n, cap;
};

struct gitem {
	char *key;
	long line;
	struct gval v;
};

struct parser {
	const char *path;
	const char *s, *end;
	long line;
	char msg[480];
	long err_line;
	int failed, nomem;
	/* the top-level graph's items go to item_fn one by one and are freed,
	 * so memory stays proportional to the rows, not to the token tree */
	void (*item_fn)(void *ctx, const struct gitem *it);
	void *item_ctx;
	int stream;     /* the list parse_list is about to read is the graph's */
	int graphs;     /* graph keys seen at the top */
	long gline;     /* line of the first */
};

static void val_release(struct gval *v)
{
	size_t i;

	free(v->text);
	for (i = 0; i < v->n; i++) {
		free(v->items[i].key);
		val_release(&v->items[i].v);
	}
	free(v->items);
}

static void perr(struct parser *p, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void perr(struct parser *p, long line, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return;
	p->failed = 1;
	p->err_line = line;
	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof(p->msg), fmt, ap);
	va_end(ap);
}

static void skip_space(struct parser *p)
{
	while (p->s < p->end) {
		if (*p->s == '\n') {
			p->line++;
			p->s++;
		} else if (isspace((unsigned char)*p->s)) {
			p->s++;
		} else if (*p->s == '#') {
			while (p->s < p->end && *p->s != '\n')
				p->s++;
		} else {
			break;
		}
	}
}

/* Appends code point c as UTF-8. */
static char *put_utf8(char *w, unsigned long c)
{
	if (c < 0x80) {
		*w++ = (char)c;
	} else if (c < 0x800) {
		*w++ = (char)(0xC0 | (c >> 6));
		*w++ = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*w++ = (char)(0xE0 | (c >> 12));
		*w++ = (char)(0x80 | ((c >> 6) & 0x3F));
		*w++ = (char)(0x80 | (c & 0x3F));
	} else {
		*w++ = (char)(0xF0 | (c >> 18));
		*w++ = (char)(0x80 | ((c >> 12) & 0x3F));
		*w++ = (char)(0x80 | ((c >> 6) & 0x3F));
		*w++ = (char)(0x80 | (c & 0x3F));
	}
	return w;
}

static const struct { const char *name; unsigned long c; } entities[] = {
	{ "quot", '"' }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "apos", '\'' }, { "nbsp", 0xA0 },
};

/* Unescapes the string token s[0..n): character references (&#34;, &#x22;)
 * and the XML entities; other text is kept. */
static char *unescape(struct parser *p, const char *s, size_t n, long line)
{
	char *out = malloc(n + 1), *w = out;
	size_t i = 0, k;

	if (!out) {
		p->nomem = 1;
		return NULL;
	}
	while (i < n) {
		const char *semi = s[i] == '&' ? memchr(s + i, ';', n - i) : NULL;
		if (semi && semi - (s + i) <= 12) {
			size_t len = (size_t)(semi - (s + i)) + 1;
			unsigned long c = 0;
			int ok = 0;
			if (s[i + 1] == '#') {
				int hex = s[i + 2] == 'x' || s[i + 2] == 'X';
				size_t j = i + 2 + (size_t)hex;
				ok = j < i + len - 1;
				for (; j < i + len - 1; j++) {
					int d = hex ? isxdigit((unsigned char)s[j]) : isdigit((unsigned char)s[j]);
					if (!d) {
						ok = 0;
						break;
					}
					c = c * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)s[j]) ? s[j] - '0' :
										   tolower((unsigned char)s[j]) - 'a' + 10);
					if (c > 0x10FFFF)
						break;
				}
				if (ok && (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))) {
					perr(p, line, "character reference %.*s is not a character", (int)len, s + i);
					free(out);
					return NULL;
				}
			} else {
				for (k = 0; k < sizeof(entities) / sizeof(*entities); k++)
					if (strlen(entities[k].name) == len - 2 && !memcmp(entities[k].name, s + i + 1, len - 2)) {
						c = entities[k].c;
						ok = 1;
					}
			}
			if (ok) {
				w = put_utf8(w, c);
				i += len;
				continue;
			}
		}
		*w++ = s[i++];
	}
	*w = '\0';
	return out;
}

static int parse_list(struct parser *p, struct gval *list, int depth, int top);

/* Reads one value after a key. */
static int parse_value(struct parser *p, struct gval *v, int depth)
{
	const char *s;
	long line;

	skip_space(p);
	s = p->s;
	line = p->line;
	memset(v, 0, sizeof(*v));
	if (s >= p->end) {
		perr(p, line, "unexpected end of file: a value is missing");
		return -1;
	}
	if (*s == '[') {
		if (depth >= GML_DEPTH_MAX) {
			perr(p, line, "lists nested more than %d deep", GML_DEPTH_MAX);
			return -1;
		}
		p->s++;
		v->kind = G_LIST;
		return parse_list(p, v, depth + 1, 0);
	}
	if (*s == '"') {
		const char *q = s + 1;
		long start = line;
		int nul;
		while (q < p->end && *q != '"') {
			if (*q == '\n')
				p->line++;
			q++;
		}
		if (q >= p->end) {
			perr(p, start, "unterminated string");
			return -1;
		}
		if ((size_t)(q - s - 1) > CM_FIELD_MAX) {
			perr(p, start, "a string is longer than 1 MiB");
			return -1;
		}
		if (cm_utf8_check((const unsigned char *)s + 1, (size_t)(q - s - 1), &nul) < (size_t)(q - s - 1)) {
			perr(p, start, "invalid UTF-8 or a NUL byte in a string");
			return -1;
		}
		v->kind = G_STR;
		v->text = unescape(p, s + 1, (size_t)(q - s - 1), start);
		p->s = q + 1;
		return v->text ? 0 : -1;
	}
	{
		const char *q = s;
		int digits = 0, real = 0;
		if (*q == '+' || *q == '-')
			q++;
		if (p->end - q >= 3 && (!strncmp(q, "INF", 3) || !strncmp(q, "NAN", 3))) {
			q += 3;
			real = 1;
			digits = 1;
		} else {
			while (q < p->end && isdigit((unsigned char)*q))
				q++, digits++;
			if (q < p->end && *q == '.') {
				q++;
				real = 1;
				while (q < p->end && isdigit((unsigned char)*q))
					q++, digits++;
			}
			if (digits && q < p->end && (*q == 'e' || *q == 'E')) {
				const char *e = q + 1;
				if (e < p->end && (*e == '+' || *e == '-'))
					e++;
				if (e < p->end && isdigit((unsigned char)*e)) {
					while (e < p->end && isdigit((unsigned char)*e))
						e++;
					q = e;
					real = 1;
				}
			}
		}
		if (!digits || (q < p->end && !isspace((unsigned char)*q) && *q != ']' && *q != '#')) {
			perr(p, line, "expected a number, a \"string\" or a [ list ]");
			return -1;
		}
		v->kind = real ? G_REAL : G_INT;
		v->text = strndup(s, (size_t)(q - s));
		p->s = q;
		if (!v->text)
			p->nomem = 1;
		return v->text ? 0 : -1;
	}
}

/* Reads key-value pairs up to ']' (or the end of file at the top). */
static int parse_list(struct parser *p, struct gval *list, int depth, int top)
{
	int streaming = p->stream;

	p->stream = 0;
	for (;;) {
		const char *k;
		struct gitem *it;

		skip_space(p);
		if (p->s >= p->end) {
			if (top)
				return 0;
			perr(p, p->line, "unexpected end of file: a ']' is missing");
			return -1;
		}
		if (*p->s == ']') {
			if (top) {
				perr(p, p->line, "unexpected ']'");
				return -1;
			}
			p->s++;
			return 0;
		}
		k = p->s;
		if (!isalpha((unsigned char)*k)) {
			perr(p, p->line, "expected a key (letters, digits and _), not '%c'",
			     isprint((unsigned char)*k) ? *k : '?');
			return -1;
		}
		while (p->s < p->end && (isalnum((unsigned char)*p->s) || *p->s == '_'))
			p->s++;
		if (list->n == list->cap) {
			size_t cap = list->cap ? 2 * list->cap : 8;
			struct gitem *v = realloc(list->items, cap * sizeof(*v));
			if (!v) {
				p->nomem = 1;
				return -1;
			}
			list->items = v;
			list->cap = cap;
		}
		it = &list->items[list->n];
		memset(it, 0, sizeof(*it));
		it->line = p->line;
		if (!(it->key = strndup(k, (size_t)(p->s - k)))) {
			p->nomem = 1;
			return -1;
		}
		list->n++;
		if (top && !strcmp(it->key, "graph")) {
			if (p->graphs++) {
				perr(p, it->line, "more than one graph; coalmap reads one");
				return -1;
			}
			p->gline = it->line;
			p->stream = 1;
		}
		if (parse_value(p, &it->v, depth) < 0)
			return -1;
		if (p->stream && it->v.kind != G_LIST) {
			perr(p, it->line, "graph is not a [ list ]");
			return -1;
		}
		p->stream = 0;
		if (streaming) {
			p->item_fn(p->item_ctx, it);
			free(it->key);
			val_release(&it->v);
			list->n--;
		}
	}
}

/* ---------------------------------------------------------------- */
/* GML tree -> rows                                                   */

struct nodeid {
	char *gml;        /* the node's GML id, as text (owned) */
	size_t row;       /* its org row */
	long line;
};

static int nodeid_cmp(const void *a, const void *b)
{
	const struct nodeid *x = a, *y = b;
	int c = strcmp(x->gml, y->gml);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

struct builder {
	const char *path;
	struct cm_diags *diags;
	const struct cm_load_opts *opts;
	struct cm_rows *orgs, *ties;
	struct nodeid *ids;
	size_t nids, cap;
	long dir_col;
	int directed;     /* the graph's `directed` */
	int bad, nomem, warned_nested, warned_graph;
};

static void problem(struct builder *b, enum cm_severity sev, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void problem(struct builder *b, enum cm_severity sev, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_diags_problem(b->diags, b->opts, sev, b->path, line, &b->bad, &b->nomem, fmt, ap);
	va_end(ap);
}

static const struct gval *get(const struct gval *list, const char *key)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (!strcmp(list->items[i].key, key))
			return &list->items[i].v;
	return NULL;
}

/* GML's own keys, which no attribute may take: a node's id and label (the
 * org id), an edge's ends and key.  Not the schema's column names: an org's
 * id is written as the node's label. */
static const char *const gml_node_keys[] = { "id", "label" };
static const char *const gml_edge_keys[] = { "source", "target", "key" };
#define NKEYS(a) (sizeof(a) / sizeof(*(a)))

/* Copies the attributes of a node or edge into row r, skipping reserved keys. */
static void attrs_to_row(struct builder *b, struct cm_rows *rows, long r, const struct gval *list,
			 const char *const *reserved, size_t nreserved)
{
	size_t i, k;

	for (i = 0; i < list->n && !b->nomem; i++) {
		const struct gitem *it = &list->items[i];
		const char *old;
		long c;
		int decl;
		for (k = 0; k < nreserved; k++)
			if (!strcmp(it->key, reserved[k]))
				break;
		if (k < nreserved)
			continue;
		if (it->v.kind == G_LIST) {
			if (!b->warned_nested++)
				problem(b, CM_WARNING, it->line, "nested attribute '%s' (and any like it) is not kept", it->key);
			continue;
		}
		if (it->v.kind == G_STR && !strcmp(it->v.text, GML_LIST_START))
			continue;
		decl = it->v.kind == G_STR ? CM_DECL_TEXT : CM_DECL_NUMBER;
		if ((c = cm_rows_column(rows, it->key, decl, it->line)) < 0) {
			b->nomem = 1;
			return;
		}
		if (decl == CM_DECL_TEXT)
			rows->decl[c] = CM_DECL_TEXT;
		old = cm_rows_get(rows, (size_t)r, (size_t)c);
		if (old) {
			/* a repeated key is a list: items joined with ';' */
			size_t n1 = strlen(old), n2 = strlen(it->v.text);
			char *j = malloc(n1 + n2 + 2);
			if (!j) {
				b->nomem = 1;
				return;
			}
			memcpy(j, old, n1);
			j[n1] = ';';
			memcpy(j + n1 + 1, it->v.text, n2 + 1);
			rows->decl[c] = CM_DECL_TEXT;
			if (cm_rows_set(rows, (size_t)r, (size_t)c, j, n1 + n2 + 1) < 0)
				b->nomem = 1;
			free(j);
		} else if (cm_rows_set(rows, (size_t)r, (size_t)c, it->v.text, strlen(it->v.text)) < 0) {
			b->nomem = 1;
		}
	}
}

/* The org id of the node with GML id gml, or NULL. */
static const char *org_of(const struct builder *b, const char *gml)
{
	size_t lo = 0, hi = b->nids;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(b->ids[mid].gml, gml);
		if (c == 0)
			return cm_rows_get(b->orgs, b->ids[mid].row, CM_ORG_ID);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void set(struct builder *b, struct cm_rows *rows, long r, long c, const char *v)
{
	if (cm_rows_set(rows, (size_t)r, (size_t)c, v, strlen(v)) < 0)
		b->nomem = 1;
}

static void on_node(struct builder *b, const struct gitem *it)
{
	const struct gval *id = get(&it->v, "id"), *label = get(&it->v, "label");
	long r;

	if (!id || id->kind == G_LIST) {
		problem(b, CM_ERROR, it->line, "node without an id");
		return;
	}
	if (label && label->kind == G_LIST) {
		problem(b, CM_ERROR, it->line, "node label is a list");
		return;
	}
	if (b->nids == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 256;
		struct nodeid *v = realloc(b->ids, cap * sizeof(*v));
		if (!v) {
			b->nomem = 1;
			return;
		}
		b->ids = v;
		b->cap = cap;
	}
	if ((r = cm_rows_add(b->orgs, it->line)) < 0 || !(b->ids[b->nids].gml = strdup(id->text))) {
		b->nomem = 1;
		return;
	}
	b->ids[b->nids].row = (size_t)r;
	b->ids[b->nids].line = it->line;
	b->nids++;
	set(b, b->orgs, r, CM_ORG_ID, label ? label->text : id->text);
	attrs_to_row(b, b->orgs, r, &it->v, gml_node_keys, NKEYS(gml_node_keys));
}

/* Edges keep their ends' GML ids until every node is known (finish). */
static void on_edge(struct builder *b, const struct gitem *it)
{
	const struct gval *s = get(&it->v, "source"), *t = get(&it->v, "target");
	long r;

	if (!s || !t || s->kind == G_LIST || t->kind == G_LIST) {
		problem(b, CM_ERROR, it->line, "edge without a source or target");
		return;
	}
	if ((r = cm_rows_add(b->ties, it->line)) < 0) {
		b->nomem = 1;
		return;
	}
	set(b, b->ties, r, CM_TIE_SOURCE, s->text);
	set(b, b->ties, r, CM_TIE_TARGET, t->text);
	attrs_to_row(b, b->ties, r, &it->v, gml_edge_keys, NKEYS(gml_edge_keys));
}

static void on_item(void *ctx, const struct gitem *it)
{
	struct builder *b = ctx;

	if (b->nomem)
		return;
	if (it->v.kind != G_LIST && (!strcmp(it->key, "node") || !strcmp(it->key, "edge"))) {
		problem(b, CM_ERROR, it->line, "%s is not a [ list ]", it->key);
	} else if (!strcmp(it->key, "node")) {
		on_node(b, it);
	} else if (!strcmp(it->key, "edge")) {
		on_edge(b, it);
	} else if (!strcmp(it->key, "directed")) {
		b->directed = it->v.kind == G_INT && strcmp(it->v.text, "0") != 0;
	} else if (strcmp(it->key, "multigraph") && !b->warned_graph++) {
		problem(b, CM_WARNING, it->line, "graph attributes such as '%s' are not kept", it->key);
	}
}

/* Duplicate node ids; edges' ends from GML ids to org ids; directions. */
static void finish(struct builder *b)
{
	size_t i;

	qsort(b->ids, b->nids, sizeof(*b->ids), nodeid_cmp);
	for (i = 1; i < b->nids; i++)
		if (!strcmp(b->ids[i].gml, b->ids[i - 1].gml))
			problem(b, CM_ERROR, b->ids[i].line, "duplicate node id %.80s (first on line %ld)", b->ids[i].gml,
				b->ids[i - 1].line);
	for (i = 0; i < b->ties->nrows && !b->nomem; i++) {
		const char *so = org_of(b, cm_rows_get(b->ties, i, CM_TIE_SOURCE));
		const char *to = org_of(b, cm_rows_get(b->ties, i, CM_TIE_TARGET));
		if (!so || !to) {
			problem(b, CM_ERROR, b->ties->rows[i].line, "edge %s names an unknown node id %.80s",
				!so ? "source" : "target",
				cm_rows_get(b->ties, i, !so ? CM_TIE_SOURCE : CM_TIE_TARGET));
			continue;
		}
		set(b, b->ties, (long)i, CM_TIE_SOURCE, so);
		set(b, b->ties, (long)i, CM_TIE_TARGET, to);
		/* an edge's own `directed` wins over the graph's */
		if (!cm_rows_get(b->ties, i, (size_t)b->dir_col))
			set(b, b->ties, (long)i, b->dir_col, b->directed ? "true" : "false");
	}
	b->ties->decl[b->dir_col] = CM_DECL_TEXT;
}

int cm_read_gml(struct cm_read *c)
{
	struct parser p;
	struct builder b;
	struct gval top;
	struct cm_rows *orgs = c->orgs, *ties = c->ties;
	struct cm_diags *diags = c->diags;
	struct cm_error *err = c->err;
	const char *path = c->path;
	char *buf = NULL;
	size_t n = 0, i;
	int rc;

	memset(&top, 0, sizeof(top));
	top.kind = G_LIST;
	memset(&b, 0, sizeof(b));
	b.path = path;
	b.diags = diags;
	b.opts = c->opts;
	b.orgs = orgs;
	b.ties = ties;
	if (cm_rows_add_keys(orgs, ties, 1, &b.dir_col) < 0) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (!(buf = cm_slurp(c, SIZE_MAX, 0, &n, &rc)))
		goto out;
	memset(&p, 0, sizeof(p));
	p.path = path;
	p.s = buf;
	p.end = buf + n;
	p.line = 1;
	p.item_fn = on_item;
	p.item_ctx = &b;
	if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		p.s += 3;
	parse_list(&p, &top, 0, 1);
	if (p.nomem || b.nomem) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	orgs->header_line = ties->header_line = p.gline ? p.gline : 1;
	if (p.failed)
		problem(&b, CM_ERROR, p.err_line, "%s", p.msg);
	else if (!p.graphs)
		problem(&b, CM_ERROR, 1, "no graph [ ... ] in the file");
	else if (!b.bad)
		finish(&b);
	if (b.nomem) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	rc = b.bad ? CM_EDATA : CM_OK;
out:
	val_release(&top);
	free(buf);
	for (i = 0; i < b.nids; i++)
		free(b.ids[i].gml);
	free(b.ids);
	return rc;
}

/* ---------------------------------------------------------------- */
/* writing                                                            */

static int valid_key(const char *s)
{
	if (!isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)
		return 0;
	for (s++; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_') || (unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* A string as NetworkX writes it: printable ASCII except '"' and '&' as is,
 * everything else as a character reference (&#N;). */
static void put_string(const char *s, FILE *f)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	while (*p) {
		unsigned long c = *p;
		size_t len = 1, k;
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '&') {
			fputc((int)c, f);
			p++;
			continue;
		}
		if (c >= 0xF0)
			len = 4, c &= 0x07;
		else if (c >= 0xE0)
			len = 3, c &= 0x0F;
		else if (c >= 0xC0)
			len = 2, c &= 0x1F;
		for (k = 1; k < len && p[k]; k++)
			c = (c << 6) | (p[k] & 0x3F);
		fprintf(f, "&#%lu;", c);
		p += k;
	}
	fputc('"', f);
}

static void put_real(double v, FILE *f)
{
	char buf[64], *e;

	cm_format_real(v, buf, sizeof(buf));
	e = strpbrk(buf, "eE");
	if (!strchr(buf, '.')) {
		if (e) {
			char tail[32];
			snprintf(tail, sizeof(tail), "%s", e);
			snprintf(e, sizeof(buf) - (size_t)(e - buf), ".0%s", tail);
		} else {
			strcat(buf, ".0");
		}
	}
	fputs(buf, f);
}

static int check_names(const struct cm_table *t, const char *what, const char *const *reserved, size_t nres,
		       size_t skip, struct cm_error *err)
{
	size_t j, k;

	for (j = skip; j < t->ncols; j++) {
		if (!valid_key(t->cols[j].name))
			return cm_error_set(err, CM_EDATA, NULL, 0, 0,
					    "%s column '%.80s' cannot be a GML key (letters, digits and _, starting with a letter); rename it or write GraphML",
					    what, t->cols[j].name);
		for (k = 0; k < nres; k++)
			if (!strcmp(t->cols[j].name, reserved[k]))
				return cm_error_set(err, CM_EDATA, NULL, 0, 0,
						    "%s column '%s' is reserved in GML; rename it or write GraphML", what,
						    reserved[k]);
	}
	return CM_OK;
}

static void put_attrs(const struct cm_table *t, size_t r, size_t skip, FILE *f)
{
	size_t j;

	for (j = skip; j < t->ncols; j++) {
		const struct cm_column *c = &t->cols[j];
		if (c->null[r])
			continue;
		fprintf(f, "    %s ", c->name);
		if (c->kind == CM_INT)
			fprintf(f, "%lld", c->ints[r]);
		else if (c->kind == CM_REAL)
			put_real(c->reals[r], f);
		else if (!strcmp(c->name, cm_tie_cols[CM_TIE_DIRECTED].name) &&
			 (!strcmp(c->text[r], "true") || !strcmp(c->text[r], "false")))
			fputs(!strcmp(c->text[r], "true") ? "1" : "0", f);
		else
			put_string(c->text[r], f);
		fputc('\n', f);
	}
}

struct idx {
	const char *id;
	size_t i;
};

static int idx_cmp(const void *a, const void *b)
{
	return strcmp(((const struct idx *)a)->id, ((const struct idx *)b)->id);
}

static int pair_cmp(const void *a, const void *b)
{
	const size_t *x = a, *y = b;

	return x[0] != y[0] ? (x[0] > y[0]) - (x[0] < y[0]) : (x[1] > y[1]) - (x[1] < y[1]);
}

static long find_idx(const struct idx *v, size_t n, const char *id)
{
	struct idx key = { id, 0 };
	const struct idx *hit = bsearch(&key, v, n, sizeof(*v), idx_cmp);

	return hit ? (long)hit->i : -1;
}

int cm_gml_write(const struct cm_table *orgs, const struct cm_table *ties, FILE *f,
		 struct cm_error *err)
{
	struct idx *ix = NULL;
	size_t *pairs = NULL, r, norg_keys = cm_schemas[CM_ORGS_FILE].nkeys, ntie_keys = cm_schemas[CM_TIES_FILE].nkeys;
	int multi = 0, rc;

	if (!cm_export_is_landscape(orgs, ties))
		return cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "tables are not an exported landscape");
	if ((rc = check_names(orgs, "organizations", gml_node_keys, NKEYS(gml_node_keys), norg_keys, err)) < 0 ||
	    (rc = check_names(ties, "relationships", gml_edge_keys, NKEYS(gml_edge_keys), ntie_keys, err)) < 0)
		return rc;
	ix = malloc((orgs->nrows + 1) * sizeof(*ix));
	pairs = malloc((2 * ties->nrows + 2) * sizeof(*pairs));
	if (!ix || !pairs) {
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (r = 0; r < orgs->nrows; r++) {
		ix[r].id = orgs->cols[CM_ORG_ID].null[r] ? "" : orgs->cols[CM_ORG_ID].text[r];
		ix[r].i = r;
	}
	qsort(ix, orgs->nrows, sizeof(*ix), idx_cmp);
	for (r = 0; r < ties->nrows; r++) {
		const struct cm_column *sc = &ties->cols[CM_TIE_SOURCE], *tc = &ties->cols[CM_TIE_TARGET];
		long s = find_idx(ix, orgs->nrows, sc->null[r] ? "" : sc->text[r]);
		long t = find_idx(ix, orgs->nrows, tc->null[r] ? "" : tc->text[r]);
		if (s < 0 || t < 0) {
			rc = cm_error_set(err, CM_EINTERNAL, NULL, 0, 0, "a tie names an unknown org");
			goto out;
		}
		pairs[2 * r] = (size_t)s;
		pairs[2 * r + 1] = (size_t)t;
	}
	{
		size_t *sorted = malloc((2 * ties->nrows + 2) * sizeof(*sorted));
		if (!sorted) {
			rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		memcpy(sorted, pairs, 2 * ties->nrows * sizeof(*sorted));
		qsort(sorted, ties->nrows, 2 * sizeof(*sorted), pair_cmp);
		for (r = 1; r < ties->nrows && !multi; r++)
			multi = !pair_cmp(&sorted[2 * r], &sorted[2 * r - 2]);
		free(sorted);
	}
	fputs("graph [\n  directed 1\n", f);
	if (multi)
		fputs("  multigraph 1\n", f);
	for (r = 0; r < orgs->nrows; r++) {
		fprintf(f, "  node [\n    id %zu\n    label ", r);
		put_string(orgs->cols[CM_ORG_ID].null[r] ? "" : orgs->cols[CM_ORG_ID].text[r], f);
		fputc('\n', f);
		put_attrs(orgs, r, norg_keys, f);
		fputs("  ]\n", f);
	}
	for (r = 0; r < ties->nrows; r++) {
		fprintf(f, "  edge [\n    source %zu\n    target %zu\n", pairs[2 * r], pairs[2 * r + 1]);
		put_attrs(ties, r, ntie_keys, f);
		fputs("  ]\n", f);
	}
	fputs("]\n", f);
	rc = ferror(f) ? cm_error_set(err, CM_EOUTPUT, NULL, 0, 0, "write error") : CM_OK;
out:
	free(ix);
	free(pairs);
	return rc;
}
