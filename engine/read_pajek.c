/* read_pajek.c - a Pajek network (.net, the first network of a .paj) as a
 * landscape.  A hand parser rather than igraph_read_graph_pajek: igraph's
 * needs its attribute handler installed process-wide and drops the line
 * numbers that every message here cites.  docs/bring-your-data.md,
 * "Pajek", says the mapping:
 *   *Vertices N [M]   vertex lines: number label [x y [z]] [attributes];
 *                     id = the label when labels are unique (else the
 *                     vertex number, with a note), name = the label,
 *                     x, y -> pajek_x, pajek_y; two-mode: pajek_mode 1|2;
 *                     a vertex with no line goes by its number
 *   *Arcs, *Arcslist  directed ties; *Edges, *Edgeslist mutual ties
 *   :k "name"         after *Arcs or *Edges: the tie type
 *   a weight          the third number; > 0 -> weight, else pajek_value
 * Comments (%) and blank lines are skipped; sections other than these
 * (*Partition, *Vector, a second *Network) end the network, with a note. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "strmap.h"

#define PAJEK_MAX_VERTICES 10000000L

static int starts_ci(const char *s, const char *w)
{
	return !strncasecmp(s, w, strlen(w));
}

/* Skips blanks, comment lines (%) and a Creator-less prolog: 1 when s
 * starts with a Pajek section keyword. */
int cm_sniff_pajek(const struct cm_peek *p)
{
	static const char *const first[] = { "*vertices", "*network", "*arcs", "*edges" };
	const char *s = p->head;
	size_t i;

	if (p->is_dir)
		return CM_NOT_MINE;
	while (*s == '%') {
		if (!(s = strchr(s, '\n')))
			return CM_NOT_MINE;
		s += strspn(s, " \t\r\n");
	}
	for (i = 0; i < sizeof(first) / sizeof(first[0]); i++)
		if (starts_ci(s, first[i]))
			return CM_BY_CONTENT;
	return !strcasecmp(p->ext, "net") || !strcasecmp(p->ext, "paj") ? CM_BY_NAME : CM_NOT_MINE;
}

/* The next token of a line: "quoted" (without its quotes) or up to a
 * blank.  NUL-terminates it in place and moves *s past it; NULL at the
 * end of the line. */
static char *cm_token(char **s)
{
	char *p = *s + strspn(*s, " \t\r"), *t;

	if (!*p)
		return *s = p, NULL;
	if (*p == '"') {
		t = ++p;
		while (*p && *p != '"')
			p++;
	} else {
		t = p;
		p += strcspn(p, " \t\r");
	}
	if (*p)
		*p++ = '\0';
	*s = p;
	return t;
}

struct vertex {
	char *label;   /* in the buffer, or NULL */
	char *x, *y;
	long line;
};

struct pajek {
	const char *file;
	struct cm_diags *diags;
	long n, n1;            /* vertices; the first mode's (two-mode), else 0 */
	struct vertex *v;      /* [1..n] */
	char **id;             /* [1..n]: the organization each vertex is */
	char *num;             /* "1\0002\0..." the numbers as text */
	int bad, nomem;
};

static void perr(struct pajek *pj, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void perr(struct pajek *pj, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_diags_problem(pj->diags, NULL, CM_ERROR, pj->file, line, &pj->bad, &pj->nomem, fmt, ap);
	va_end(ap);
}

/* Vertex number t (1..n), or 0 after an error. */
static long vertex_no(struct pajek *pj, const char *t, long line)
{
	char *end;
	long k;

	errno = 0;
	k = t ? strtol(t, &end, 10) : 0;
	if (!t || *end || errno || k < 1 || k > pj->n) {
		if (pj->n)
			perr(pj, line, "vertex '%.40s' is not a number from 1 to %ld (*Vertices %ld)", t ? t : "",
			     pj->n, pj->n);
		else
			perr(pj, line, "a tie before *Vertices says how many vertices there are");
		return 0;
	}
	return k;
}

/* Allocates the vertices *Vertices announces: CM_OK (also after a second
 * *Vertices, an error), CM_EDATA when the count is not one (an error:
 * every line after it depends on it) or CM_ENOMEM. */
static int start_vertices(struct pajek *pj, char *rest, long line)
{
	char *a = cm_token(&rest), *b = cm_token(&rest), *end;
	long n, n1 = 0;
	size_t i, w = 0;

	n = a ? strtol(a, &end, 10) : -1;
	if (!a || *end || n < 0 || n > PAJEK_MAX_VERTICES || (b && ((n1 = strtol(b, &end, 10)), *end || n1 < 0 || n1 > n))) {
		perr(pj, line, "*Vertices needs the number of vertices (0 to %ld)%s", PAJEK_MAX_VERTICES,
		     b ? ", then that of the first mode" : "");
		return CM_EDATA;
	}
	if (pj->v) {
		perr(pj, line, "a second *Vertices");
		return CM_OK;
	}
	pj->n = n;
	pj->n1 = n1;
	if (!(pj->v = calloc((size_t)n + 1, sizeof(*pj->v))) || !(pj->id = calloc((size_t)n + 1, sizeof(*pj->id))) ||
	    !(pj->num = malloc(((size_t)n + 1) * 12)))
		return CM_ENOMEM;
	for (i = 1; i <= (size_t)n; i++) {
		pj->id[i] = pj->num + w;
		w += (size_t)sprintf(pj->num + w, "%zu", i) + 1;
	}
	return CM_OK;
}

static void vertex_line(struct pajek *pj, char *s, long line)
{
	long k = vertex_no(pj, cm_token(&s), line);
	struct vertex *v;
	char *x, *y;
	double d;

	if (!k)
		return;
	v = &pj->v[k];
	if (v->line) {
		perr(pj, line, "vertex %ld listed twice (first on line %ld)", k, v->line);
		return;
	}
	v->line = line;
	v->label = cm_token(&s);
	x = cm_token(&s);
	y = cm_token(&s);
	if (x && y && !cm_read_number(x, strlen(x), &d, NULL) && !cm_read_number(y, strlen(y), &d, NULL))
		v->x = x, v->y = y;
}

/* The organizations: id = label when labels are unique, else the number. */
static int add_orgs(struct pajek *pj, struct cm_rows *orgs, long header)
{
	struct cm_strset seen;
	long i, name, x = -1, y = -1, mode = -1, clash = 0;
	int rc = CM_ENOMEM;

	cm_strset_init(&seen);
	for (i = 1; i <= pj->n && !clash; i++) {
		const char *l = pj->v[i].label ? pj->v[i].label : pj->id[i];
		size_t before = seen.n;
		if (cm_strset_add(&seen, l, strlen(l)) < 0)
			goto out;
		if (seen.n == before)
			clash = i;
	}
	for (i = 1; i <= pj->n && !clash; i++)
		if (pj->v[i].label)
			pj->id[i] = pj->v[i].label;
	if (clash)
		cm_diags_add(pj->diags, CM_NOTE, CM_OK, pj->file, pj->v[clash].line, 0,
			     "vertex labels repeat ('%.60s'): organizations go by their vertex number, the "
			     "label as their name", pj->v[clash].label ? pj->v[clash].label : pj->id[clash]);
	if ((name = cm_rows_column(orgs, cm_org_cols[CM_ORG_NAME].name, CM_DECL_TEXT, header)) < 0)
		goto out;
	for (i = 1; i <= pj->n; i++) {
		const struct vertex *v = &pj->v[i];
		long r = cm_rows_add(orgs, v->line ? v->line : header);
		if (r < 0 || cm_rows_set(orgs, (size_t)r, CM_ORG_ID, pj->id[i], strlen(pj->id[i])) < 0 ||
		    (v->label && cm_rows_set(orgs, (size_t)r, (size_t)name, v->label, strlen(v->label)) < 0))
			goto out;
		if (v->x && x < 0 && ((x = cm_rows_column(orgs, "pajek_x", CM_DECL_NUMBER, header)) < 0 ||
				      (y = cm_rows_column(orgs, "pajek_y", CM_DECL_NUMBER, header)) < 0))
			goto out;
		if (v->x && (cm_rows_set(orgs, (size_t)r, (size_t)x, v->x, strlen(v->x)) < 0 ||
			     cm_rows_set(orgs, (size_t)r, (size_t)y, v->y, strlen(v->y)) < 0))
			goto out;
		if (pj->n1 && mode < 0 && (mode = cm_rows_column(orgs, "pajek_mode", CM_DECL_NUMBER, header)) < 0)
			goto out;
		if (pj->n1 && cm_rows_set(orgs, (size_t)r, (size_t)mode, i <= pj->n1 ? "1" : "2", 1) < 0)
			goto out;
	}
	rc = CM_OK;
out:
	cm_strset_release(&seen);
	return rc;
}

struct tie {
	long a, b, line;
	int directed;
	double w;      /* 1 when the line gives no value */
	char *type;
};

enum section { S_NONE, S_VERTICES, S_ARCS, S_EDGES, S_ARCSLIST, S_EDGESLIST, S_OTHER };

/* The section a '*' line opens; *type gets a relation's name (:k "name"). */
static enum section section_of(char *s, char **type)
{
	static const struct { const char *w; enum section s; } kw[] = {
		{ "*vertices", S_VERTICES }, { "*arcslist", S_ARCSLIST }, { "*edgeslist", S_EDGESLIST },
		{ "*arcs", S_ARCS },	     { "*edges", S_EDGES },
	};
	size_t i;

	*type = NULL;
	for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++) {
		size_t n = strlen(kw[i].w);
		if (!strncasecmp(s, kw[i].w, n) && (!s[n] || strchr(" \t\r:", s[n]))) {
			char *rest = s + n + strspn(s + n, " \t\r");
			if (*rest == ':' && kw[i].s != S_VERTICES && cm_token(&rest)) /* :k "name" */
				*type = cm_token(&rest);
			return kw[i].s;
		}
	}
	return S_OTHER;
}

/* Reads the lines of buf: vertices into pj, ties into *t (n of them). */
static int parse(struct pajek *pj, char *buf, struct tie **t, size_t *nt)
{
	enum section sec = S_NONE;
	char *s = buf, *type = NULL;
	size_t cap = 0;
	long line = 0;
	int networks = 0, rc;

	while (s && *s) {
		char *eol = strchr(s, '\n'), *tok, *rest;
		if (eol)
			*eol = '\0';
		line++;
		rest = s + strspn(s, " \t\r");
		s = eol ? eol + 1 : NULL;
		if (!*rest || *rest == '%')
			continue;
		if (*rest == '*') {
			if (!strncasecmp(rest, "*network", 8) && networks++ == 0)
				continue;
			sec = section_of(rest, &type);
			if (sec == S_VERTICES && (rc = start_vertices(pj, rest + 9, line)) < 0)
				return rc == CM_EDATA ? CM_OK : rc; /* that error, not one per line after it */
			if (sec == S_OTHER) {
				cm_diags_add(pj->diags, CM_NOTE, CM_OK, pj->file, line, 0,
					     "'%.40s' and what follows it not read: only the first network's "
					     "vertices, arcs and edges are", rest);
				break;
			}
			continue;
		}
		if (sec == S_VERTICES) {
			vertex_line(pj, rest, line);
			continue;
		}
		if (sec == S_NONE) {
			perr(pj, line, "a line before any *Vertices, *Arcs or *Edges");
			continue;
		}
		tok = cm_token(&rest);
		long a = vertex_no(pj, tok, line), b;
		while (a && (tok = cm_token(&rest))) {
			const char *hint;
			double w = 1;
			char *v;
			if (!(b = vertex_no(pj, tok, line)))
				break;
			if (sec == S_ARCS || sec == S_EDGES) {
				v = cm_token(&rest);
				if (v && cm_read_number(v, strlen(v), &w, &hint) < 0) {
					perr(pj, line, "the tie's value '%.40s' is not a number%s%s", v, hint ? "; " : "",
					     hint ? hint : "");
					break;
				}
			}
			if (*nt == cap) {
				struct tie *w2 = realloc(*t, (cap = cap ? 2 * cap : 256) * sizeof(**t));
				if (!w2)
					return CM_ENOMEM;
				*t = w2;
			}
			(*t)[(*nt)++] = (struct tie){ a, b, line, sec == S_ARCS || sec == S_ARCSLIST, w, type };
			if (sec == S_ARCS || sec == S_EDGES)
				break; /* one tie a line; what follows the value is ignored */
		}
	}
	return CM_OK;
}

int cm_read_pajek(struct cm_read *rd)
{
	struct pajek pj;
	struct cm_tie_sink k;
	struct tie *t = NULL;
	size_t nt = 0, i, len;
	int rc;
	char *buf = cm_slurp(rd, SIZE_MAX, 1, &len, &rc);

	if (!buf)
		return rc;
	memset(&pj, 0, sizeof(pj));
	pj.file = rd->path;
	pj.diags = rd->diags;
	rc = parse(&pj, buf, &t, &nt);
	if (rc == CM_OK && !pj.bad && !pj.v)
		perr(&pj, 0, "no *Vertices line: not a Pajek network");
	if (rc == CM_OK && !pj.bad)
		rc = cm_tie_sink_init(&k, rd->orgs, rd->ties, "pajek_value", 1);
	if (rc == CM_OK && !pj.bad)
		rc = add_orgs(&pj, rd->orgs, 1);
	for (i = 0; rc == CM_OK && !pj.bad && i < nt; i++)
		rc = cm_tie_sink_add(&k, t[i].line, pj.id[t[i].a], pj.id[t[i].b], t[i].directed, t[i].w, t[i].type);
	if (rc == CM_OK && !pj.bad)
		cm_tie_sink_notes(&k, rd->diags, rd->path);
	free(t);
	free(pj.v);
	free(pj.id);
	free(pj.num);
	free(buf);
	if (rc < 0 || pj.nomem)
		return cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	return pj.bad ? CM_EDATA : CM_OK;
}
