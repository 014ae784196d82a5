/* read.c - where a landscape comes from: the reader table, telling a
 * source's format from its content, and cm_landscape_open, which loads
 * whatever a reader filled through the checks of the CSV loader.
 * Adding a format is a reader (engine/read_<format>.c) and one line in
 * readers[] (docs/bring-your-data.md lists them for users). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"

/* Whether DIR holds a regular file NAME.  The path is built on the stack:
 * a sniffer cannot report running out of memory, and a path longer than
 * PATH_MAX could not be opened anyway. */
static int has_file(const char *dir, const char *name)
{
	char path[PATH_MAX];
	size_t n = strlen(dir);
	struct stat st;
	int len = snprintf(path, sizeof(path), "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);

	return len > 0 && (size_t)len < sizeof(path) && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int starts_ci(const char *s, const char *word)
{
	return !strncasecmp(s, word, strlen(word));
}

static int sniff_landscape(const struct cm_peek *p)
{
	if (!p->is_dir || !has_file(p->path, "organizations.csv"))
		return CM_NOT_MINE;
	/* organizations.csv beside adjacency matrices, not relationships.csv */
	return has_file(p->path, "relationships.csv") || cm_matrix_folder(p->path, NULL) <= 0 ? CM_BY_CONTENT
											      : CM_NOT_MINE;
}

static int sniff_edges(const struct cm_peek *p)
{
	if (p->is_dir)
		return !has_file(p->path, "organizations.csv") && has_file(p->path, "relationships.csv") ? CM_BY_CONTENT
														: CM_NOT_MINE;
	if (!strcasecmp(p->ext, "csv") || !strcasecmp(p->ext, "txt"))
		return CM_BY_NAME;
	return CM_NOT_MINE;
}

static int sniff_kumu_csv(const struct cm_peek *p)
{
	return p->is_dir && cm_kumu_has_files(p->path) ? CM_BY_CONTENT : CM_NOT_MINE;
}

int cm_xml_root_is(const struct cm_peek *p, const char *root)
{
	const char *s = p->head;
	size_t n = strlen(root);

	while (*s == '<') {
		s++;
		if (*s == '?' || *s == '!') { /* the prolog, a comment, a DOCTYPE */
			if (!(s = strchr(s, '>')))
				return 0;
			s += 1 + strspn(s + 1, " \t\r\n");
			continue;
		}
		return !strncasecmp(s, root, n) && strchr(" \t\r\n>/", s[n]);
	}
	return 0;
}

static int sniff_graphml(const struct cm_peek *p)
{
	if (p->is_dir)
		return CM_NOT_MINE;
	if (cm_xml_root_is(p, "graphml"))
		return CM_BY_CONTENT;
	return !strcasecmp(p->ext, "graphml") ? CM_BY_NAME : CM_NOT_MINE;
}

static int sniff_gml(const struct cm_peek *p)
{
	const char *s = p->head;

	if (p->is_dir)
		return CM_NOT_MINE;
	/* comments and a Creator line may come before "graph [" */
	while (*s == '#' || starts_ci(s, "creator") || starts_ci(s, "version")) {
		s = strchr(s, '\n');
		if (!s)
			return CM_NOT_MINE;
		s += strspn(s, " \t\r\n");
	}
	if (starts_ci(s, "graph") && strchr(" \t\r\n[", s[5]))
		return CM_BY_CONTENT;
	return !strcasecmp(p->ext, "gml") ? CM_BY_NAME : CM_NOT_MINE;
}

static const struct cm_reader {
	const char *name;  /* the word --from takes */
	const char *what;  /* in messages: "N errors in WHAT" */
	int (*sniff)(const struct cm_peek *p); /* enum cm_sniff */
	cm_read_fn read;
} readers[] = {
	{ "landscape", "the landscape", sniff_landscape, NULL },
	{ "kumu", "the Kumu export", sniff_kumu_csv, cm_read_kumu_csv },
	{ "kumu-json", "the Kumu JSON export", cm_sniff_kumu_json, cm_read_kumu_json },
	{ "graphml", "the GraphML file", sniff_graphml, cm_read_graphml },
	{ "gml", "the GML file", sniff_gml, cm_read_gml },
	{ "gexf", "the GEXF file", cm_sniff_gexf, cm_read_gexf },
	{ "xlsx", "the Excel workbook", cm_sniff_xlsx, cm_read_xlsx },
	{ "pajek", "the Pajek file", cm_sniff_pajek, cm_read_pajek },
	{ "dl", "the UCINET DL file", cm_sniff_dl, cm_read_dl },
	{ "matrix", "the adjacency matrix", cm_sniff_matrix, cm_read_matrix },
	/* last: a CSV file by its name alone, when no content said otherwise */
	{ "edges", "the edge list", sniff_edges, cm_read_csv_edges },
};
#define NREADERS (sizeof(readers) / sizeof(readers[0]))

int cm_read_failed(struct cm_diags *diags, size_t errors_before, const char *path, const char *what,
		   struct cm_error *err)
{
	const struct cm_diag *first = NULL;
	size_t i, n = diags->n_errors - errors_before;

	for (i = 0; i < diags->n && !first; i++)
		if (diags->v[i].severity == CM_ERROR)
			first = &diags->v[i];
	return cm_error_set(err, CM_EDATA, first ? first->where.file : path, first ? first->where.line : 0, 0,
			    "%zu error%s in %s", n, n == 1 ? "" : "s", what);
}

/* ---------------------------------------------------------------- */
/* an edge list alone: the orgs are its ends                          */

/* Adds to orgs, in order of first appearance, every end of a tie that no
 * earlier row named.  The set's hash keeps it linear. */
static int ends_as_orgs(struct cm_rows *orgs, const struct cm_rows *ties, long src, long dst)
{
	struct cm_strset seen;
	size_t i;
	int rc = CM_OK;

	cm_strset_init(&seen);
	for (i = 0; rc == CM_OK && i < ties->nrows; i++) {
		long ends[2] = { src, dst };
		for (int k = 0; k < 2 && rc == CM_OK; k++) {
			const char *v = cm_rows_get(ties, i, (size_t)ends[k]);
			size_t len, before = seen.n;
			long r;
			if (!v)
				continue;
			len = strlen(v);
			if (cm_strset_add(&seen, v, len) < 0)
				rc = CM_ENOMEM;
			else if (seen.n > before &&
				 ((r = cm_rows_add(orgs, ties->rows[i].line)) < 0 ||
				  cm_rows_set(orgs, (size_t)r, CM_ORG_ID, v, len) < 0))
				rc = CM_ENOMEM;
		}
	}
	cm_strset_release(&seen);
	return rc;
}

/* The renames of the coalmap.ini the loader will read (its problems are
 * the loader's to report): an empty schema when there is none.  NULL on
 * ENOMEM. */
static struct cm_schema_file *schema_for(const struct cm_read *rd)
{
	struct cm_schema_file *sf = calloc(1, sizeof(*sf));
	struct cm_diags quiet;
	int nomem = 0, rc = CM_OK;
	char *path = sf ? cm_schema_file_path(rd->path, rd->opts, &nomem) : NULL;

	if (path) {
		cm_diags_init(&quiet);
		rc = cm_schema_file_read(sf, path, &quiet, NULL);
		cm_diags_release(&quiet);
		free(path);
	}
	if (sf && (nomem || rc == CM_ENOMEM)) {
		cm_schema_file_release(sf);
		free(sf);
		return NULL;
	}
	return sf;
}

int cm_read_csv_edges(struct cm_read *rd)
{
	size_t errors_before = rd->diags->n_errors;
	char *file = NULL;
	int rc;
	struct stat st;

	if (stat(rd->path, &st) == 0 && S_ISDIR(st.st_mode) && /* a folder: its relationships.csv */
	    !(file = cm_path_join(rd->path, "relationships.csv")))
		return cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (file && (cm_rows_rename(rd->orgs, file) < 0 || cm_rows_rename(rd->ties, file) < 0)) {
		free(file);
		return cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	rc = cm_rows_read_csv(rd->ties, file ? file : rd->path, rd->diags, rd->err);
	free(file);
	if (rc < 0)
		return rc;
	if (rd->diags->n_errors > errors_before)
		return CM_EDATA;
	return cm_edges_alone(rd);
}

int cm_tie_ends(const struct cm_read *rd, const struct cm_rows *h, long *src, long *dst, long *id)
{
	const struct cm_schema *ts = &cm_schemas[CM_TIES_FILE], *os = &cm_schemas[CM_ORGS_FILE];
	struct cm_schema_file *sf;
	size_t j;

	*src = *dst = -1;
	if (id)
		*id = -1;
	if (!(sf = schema_for(rd)))
		return CM_ENOMEM;
	for (j = 0; j < h->ncols; j++) {
		const char *name = h->names[j], *to;
		size_t n = strlen(name);
		long k;
		cm_trim(&name, &n);
		to = cm_schema_file_rename(sf, name, n);
		k = to ? cm_schema_find(ts, to, strlen(to), 0) : cm_schema_find(ts, name, n, 1);
		if (k == CM_TIE_SOURCE && *src < 0)
			*src = (long)j;
		else if (k == CM_TIE_TARGET && *dst < 0)
			*dst = (long)j;
		k = to ? cm_schema_find(os, to, strlen(to), 0) : cm_schema_find(os, name, n, 1);
		if (id && k == CM_ORG_ID && *id < 0)
			*id = (long)j;
	}
	cm_schema_file_release(sf);
	free(sf);
	return CM_OK;
}

int cm_edges_alone(struct cm_read *rd)
{
	long src, dst;

	if (cm_tie_ends(rd, rd->ties, &src, &dst, NULL) < 0)
		return cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (src < 0 || dst < 0) {
		cm_diags_add(rd->diags, CM_ERROR, CM_EDATA, rd->ties->file, rd->ties->header_line, 0,
			     "an edge list needs a header naming its two ends: source and target (or from "
			     "and to); this one has no %s column%s", src < 0 ? "source" : "target",
			     rd->ties->ncols && !*rd->ties->names[0]
				     ? " (an adjacency matrix? its first column must name the same "
				       "organizations as its first row; --from matrix says what differs)"
				     : "");
		return CM_EDATA;
	}
	rd->orgs->header_line = rd->ties->header_line;
	if (cm_rows_append_column(rd->orgs, cm_org_cols[CM_ORG_ID].name, CM_DECL_TEXT, rd->ties->header_line) < 0 ||
	    ends_as_orgs(rd->orgs, rd->ties, src, dst) < 0)
		return cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	cm_diags_add(rd->diags, CM_NOTE, CM_OK, rd->ties->file, 0, 0,
		     "an edge list alone: its %zu organization%s are the ends of its ties", rd->orgs->nrows,
		     rd->orgs->nrows == 1 ? "" : "s");
	return CM_OK;
}

/* ---------------------------------------------------------------- */
/* finding the reader                                                 */

static const struct cm_reader *reader_named(const char *name)
{
	size_t i;

	for (i = 0; i < NREADERS; i++)
		if (!strcasecmp(readers[i].name, name))
			return &readers[i];
	return NULL;
}

/* Reads the first bytes of path into buf (n bytes at most, NUL-terminated),
 * skipping a UTF-8 BOM and leading blanks; returns where they start, or
 * NULL when the file cannot be opened (errno says why). */
static const char *head_of(const char *path, char *buf, size_t n, size_t *got)
{
	FILE *f = fopen(path, "rb");
	size_t k;
	const char *s = buf;

	if (!f)
		return NULL;
	k = fread(buf, 1, n - 1, f);
	fclose(f);
	buf[k] = '\0';
	if (k >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		s += 3;
	s += strspn(s, " \t\r\n");
	*got = k - (size_t)(s - buf);
	return s;
}

static const char *ext_of(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	return dot && (!slash || dot > slash) ? dot + 1 : "";
}

/* The formats a user can name, for messages. */
static void format_list(char *buf, size_t n)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < NREADERS && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "", readers[i].name);
}

static int detect(const char *path, const struct cm_reader **out, struct cm_error *err)
{
	struct stat st;
	struct cm_peek p;
	char buf[4096];
	const struct cm_reader *by_name = NULL;
	size_t i;

	if (stat(path, &st) < 0)
		return cm_error_set(err, CM_ENOINPUT, path, 0, 0, "no such file or folder: %s", strerror(errno));
	memset(&p, 0, sizeof(p));
	p.path = path;
	p.is_dir = S_ISDIR(st.st_mode);
	p.ext = ext_of(path);
	p.head = p.is_dir ? "" : head_of(path, buf, sizeof(buf), &p.n);
	if (!p.head)
		return errno == ENOMEM ? cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory")
				       : cm_error_set(err, CM_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
	if (!p.is_dir && !p.n)
		return cm_error_set(err, CM_EDATA, path, 0, 0, "the file is empty");
	for (i = 0; i < NREADERS; i++) {
		int how = readers[i].sniff(&p);
		if (how == CM_BY_CONTENT) {
			*out = &readers[i];
			return CM_OK;
		}
		if (how == CM_BY_NAME && !by_name)
			by_name = &readers[i];
	}
	if (by_name) {
		*out = by_name;
		return CM_OK;
	}
	if (p.is_dir)
		return cm_error_set(err, CM_ENOINPUT, path, 0, 0,
				    "not a landscape: the folder holds neither organizations.csv nor "
				    "relationships.csv, nor a Kumu export (*elements*.csv and *connections*.csv)");
	format_list(buf, sizeof(buf));
	return cm_error_set(err, CM_EDATA, path, 0, 0,
			    "cannot tell the file's format from its content or name; name it with --from "
			    "(%s)", buf);
}

int cm_landscape_open(struct cm_landscape **out, const char *path, const struct cm_load_opts *opts,
		      struct cm_diags *diags, struct cm_error *err)
{
	const struct cm_reader *r = NULL;
	struct cm_rows orgs, ties;
	struct cm_read rd;
	struct cm_diags own;
	size_t errors_before;
	int rc;

	*out = NULL;
	if (opts && opts->format && *opts->format) {
		char list[256];
		if (!(r = reader_named(opts->format))) {
			format_list(list, sizeof(list));
			return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "unknown input format '%.40s'; formats: %s",
					    opts->format, list);
		}
	} else if ((rc = detect(path, &r, err)) < 0)
		return rc;
	if (!r->read)
		return cm_landscape_load(out, path, opts, diags, err);
	if (!diags) {
		cm_diags_init(&own);
		diags = &own;
	}
	errors_before = diags->n_errors;
	if (cm_rows_init(&orgs, path) < 0 || cm_rows_init(&ties, path) < 0) {
		cm_rows_release(&orgs);
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	rd.path = path;
	rd.opts = opts;
	rd.orgs = &orgs;
	rd.ties = &ties;
	rd.diags = diags;
	rd.err = err;
	cm_progress("loading");
	rc = r->read(&rd);
	if (rc == CM_EDATA || (rc == CM_OK && diags->n_errors > errors_before))
		rc = cm_read_failed(diags, errors_before, path, r->what, err);
	else if (rc == CM_OK)
		rc = cm_landscape_load_rows(out, &orgs, &ties, opts, diags, err);
	cm_progress(NULL);
	cm_rows_release(&orgs);
	cm_rows_release(&ties);
out:
	if (diags == &own)
		cm_diags_release(&own);
	return rc;
}
