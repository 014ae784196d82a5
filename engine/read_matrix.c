/* read_matrix.c - an adjacency matrix as a CSV file (or a folder of them)
 * as a landscape, and the helpers the Pajek and UCINET DL readers share:
 * one tie row at a time (struct cm_tie_sink) and a square matrix of
 * values as ties (cm_matrix_ties).  docs/bring-your-data.md, "A survey
 * matrix", says it for users:
 *   - the first row names the columns (its first cell empty), the first
 *     column names the rows; the same names, in any order;
 *   - a cell is a number, empty or 0 for no tie; a positive value is the
 *     tie's weight, a negative one goes to the column <format>_value;
 *   - a symmetric matrix gives each pair one mutual tie, any other gives a
 *     directed tie row -> column for every non-zero cell;
 *   - the diagonal (self-ties) is left out, with a note;
 *   - the tie type is the file's base name (advice.csv: advice) unless
 *     that is a generic word (matrix, adjacency, ...).
 * A folder of such files is one landscape: one tie type per file, the
 * organizations their union. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"
#include "strmap.h"

/* ---------------------------------------------------------------- */
/* shared by the matrix, Pajek and DL readers                         */

int cm_tie_sink_init(struct cm_tie_sink *k, struct cm_rows *orgs, struct cm_rows *ties, const char *value_col,
		     long line)
{
	memset(k, 0, sizeof(*k));
	k->ties = ties;
	k->value_col = value_col;
	k->line = line;
	k->type = k->value = -1;
	if (cm_rows_add_keys(orgs, ties, line, &k->dir) < 0 ||
	    (k->weight = cm_rows_column(ties, cm_tie_cols[CM_TIE_WEIGHT].name, CM_DECL_NUMBER, line)) < 0)
		return CM_ENOMEM;
	return CM_OK;
}

static int set_text(struct cm_rows *r, size_t row, long col, const char *s)
{
	return cm_rows_set(r, row, (size_t)col, s, strlen(s));
}

/* A weight > 0 goes to weight; a zero or negative value (which a weight
 * cannot be) to the sink's value column, the tie keeping weight 1. */
int cm_tie_sink_add(struct cm_tie_sink *k, long line, const char *src, const char *dst, int directed, double value,
		    const char *type)
{
	char num[32];
	long r;

	if (!strcmp(src, dst)) {
		if (!k->loops++)
			k->loop_line = line;
		return CM_OK;
	}
	cm_format_real(value, num, sizeof(num));
	if (value <= 0 && k->value < 0 &&
	    (k->value = cm_rows_column(k->ties, k->value_col, CM_DECL_NUMBER, k->line)) < 0)
		return CM_ENOMEM;
	if (type && k->type < 0 &&
	    (k->type = cm_rows_column(k->ties, cm_tie_cols[CM_TIE_TYPE].name, CM_DECL_TEXT, k->line)) < 0)
		return CM_ENOMEM;
	if ((r = cm_rows_add(k->ties, line)) < 0 || set_text(k->ties, (size_t)r, CM_TIE_SOURCE, src) < 0 ||
	    set_text(k->ties, (size_t)r, CM_TIE_TARGET, dst) < 0 ||
	    set_text(k->ties, (size_t)r, k->dir, directed ? "true" : "false") < 0 ||
	    set_text(k->ties, (size_t)r, value > 0 ? k->weight : k->value, num) < 0 ||
	    (type && set_text(k->ties, (size_t)r, k->type, type) < 0))
		return CM_ENOMEM;
	if (value <= 0 && !k->nonpos++)
		k->nonpos_line = line;
	return CM_OK;
}

void cm_tie_sink_notes(const struct cm_tie_sink *k, struct cm_diags *diags, const char *file)
{
	if (k->loops)
		cm_diags_add(diags, CM_NOTE, CM_OK, file, k->loop_line, 0,
			     "%zu self-tie%s (an organization tied to itself) left out", k->loops,
			     k->loops == 1 ? "" : "s");
	if (k->nonpos)
		cm_diags_add(diags, CM_NOTE, CM_OK, file, k->nonpos_line, 0,
			     "%zu tie%s with a zero or negative value: kept with weight 1, the value in column %s",
			     k->nonpos, k->nonpos == 1 ? "" : "s", k->value_col);
}

int cm_matrix_ties(struct cm_tie_sink *k, size_t n, const char *const *names, const double *v, const long *line,
		   const char *type)
{
	size_t i, j;
	int sym = 1;

	for (i = 0; i < n && sym; i++)
		for (j = i + 1; j < n && sym; j++)
			sym = v[i * n + j] == v[j * n + i];
	for (i = 0; i < n; i++)
		for (j = sym ? i : 0; j < n; j++)
			if (v[i * n + j] != 0 &&
			    cm_tie_sink_add(k, line[i], names[i], names[j], !sym, v[i * n + j], type) < 0)
				return CM_ENOMEM;
	return CM_OK;
}

/* ---------------------------------------------------------------- */
/* the sniffer                                                        */

/* The next CSV field of s (delimiter d) into out (n bytes, cut); moves *s
 * past it and its delimiter.  Returns 1 when the line went on, 0 at its
 * end, -1 when the head ended inside the field. */
static int next_field(const char **s, char d, char *out, size_t n)
{
	const char *p = *s;
	size_t k = 0;
	int q = 0;

	if (*p == '"')
		q = 1, p++;
	for (; *p; p++) {
		if (q && *p == '"' && p[1] == '"')
			p++;
		else if (q && *p == '"') {
			q = 0;
			continue;
		} else if (!q && (*p == d || *p == '\n' || *p == '\r'))
			break;
		if (k + 1 < n)
			out[k++] = *p;
	}
	out[k] = '\0';
	if (!*p)
		return -1;
	*s = p + 1;
	if (*p == '\r' && **s == '\n')
		(*s)++;
	return *p == d;
}

/* 1 when the CSV text s has an empty first cell and a first row naming
 * the first column's names (of the rows it holds whole), 0 when not, -1
 * when s ends before a whole row. */
static int sniff_text(const char *s)
{
	char d = strchr(s, ';') && (!strchr(s, ',') || strchr(s, ';') < strchr(s, ',')) ? ';' : ',';
	char f[256];
	struct cm_strset head;
	size_t nrows = 0, known = 0;
	int rc;

	if (next_field(&s, d, f, sizeof(f)) != 1 || *f)
		return 0;
	cm_strset_init(&head);
	while ((rc = next_field(&s, d, f, sizeof(f))) >= 0)
		if (cm_strset_add(&head, f, strlen(f)) < 0 || !rc)
			break;
	while (rc == 0 && *s) {
		size_t before = head.n;
		if (next_field(&s, d, f, sizeof(f)) != 1 || cm_strset_add(&head, f, strlen(f)) < 0)
			break;
		while ((rc = next_field(&s, d, f, sizeof(f))) == 1)
			;
		if (rc < 0)
			break; /* a row cut short: not counted */
		known += head.n == before;
		nrows++;
	}
	cm_strset_release(&head);
	return !nrows ? -1 : known == nrows;
}

/* A CSV file whose first cell is empty and whose first row names the same
 * things as its first column.  When the first 4 KiB hold no whole row (a
 * long header), up to 1 MiB of the file is looked at. */
int cm_sniff_matrix(const struct cm_peek *p)
{
	int yes;

	if (p->is_dir)
		return cm_matrix_folder(p->path, NULL) > 0 ? CM_BY_CONTENT : CM_NOT_MINE;
	if ((yes = sniff_text(p->head)) < 0) {
		size_t cap = 1 << 20, k = 0;
		char *buf = malloc(cap + 1);
		FILE *f = buf ? fopen(p->path, "rb") : NULL;
		if (f) {
			k = fread(buf, 1, cap, f);
			fclose(f);
			buf[k] = '\0';
			yes = sniff_text(buf + (k >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0));
		}
		free(buf);
	}
	return yes > 0 ? CM_BY_CONTENT : CM_NOT_MINE;
}

/* ---------------------------------------------------------------- */
/* the reader                                                         */

/* The tie type a file's name gives: its base name without extension (and a
 * trailing .matrix, _matrix, -adjacency ...), or NULL when generic. */
static char *type_of(const char *path)
{
	static const char *const generic[] = { "matrix", "adjacency", "adj", "sociomatrix", "network", "graph",
					       "net", "data", "ties", "edges", "relationships", "links" };
	const char *b = strrchr(path, '/');
	char *t;
	size_t n, i;

	b = b ? b + 1 : path;
	n = strlen(b);
	if (strrchr(b, '.') && strrchr(b, '.') > b) /* advice.csv, advice.txt */
		n = (size_t)(strrchr(b, '.') - b);
	for (i = 0; i < 3; i++) { /* a suffix naming the kind: advice.matrix */
		size_t m = strlen(generic[i]);
		if (n > m + 1 && strchr("._- ", b[n - m - 1]) && !strncasecmp(b + n - m, generic[i], m))
			n -= m + 1;
	}
	for (i = 0; i < sizeof(generic) / sizeof(generic[0]); i++)
		if (strlen(generic[i]) == n && !strncasecmp(b, generic[i], n))
			return NULL;
	if (!n || !(t = strndup(b, n)))
		return NULL;
	return t;
}

struct matrix {
	size_t n;
	char **names;  /* column order, borrowed from the rows */
	double *v;
	long *line;
};

static void matrix_release(struct matrix *m)
{
	free(m->names);
	free(m->v);
	free(m->line);
}

/* Checks that m's rows and columns name the same organizations and fills
 * mat in column order.  Errors go to diags; returns CM_OK, CM_EDATA or
 * CM_ENOMEM. */
static int square(const struct cm_rows *m, struct matrix *mat, struct cm_diags *diags)
{
	size_t n = m->ncols ? m->ncols - 1 : 0, i, j, bad = 0;
	struct cm_strset cols;
	int rc = CM_ENOMEM;

	memset(mat, 0, sizeof(*mat));
	if (!m->ncols || *m->names[0]) {
		cm_diags_add(diags, CM_ERROR, CM_EDATA, m->file, m->header_line, 1,
			     "not an adjacency matrix: its first cell must be empty, the row names below it and "
			     "the column names beside it");
		return CM_EDATA;
	}
	if (m->nrows != n) {
		cm_diags_add(diags, CM_ERROR, CM_EDATA, m->file, m->header_line, 0,
			     "the matrix has %zu row%s and %zu column%s: an adjacency matrix is square", m->nrows,
			     m->nrows == 1 ? "" : "s", n, n == 1 ? "" : "s");
		return CM_EDATA;
	}
	cm_strset_init(&cols);
	mat->n = n;
	if (!(mat->names = calloc(n + 1, sizeof(*mat->names))) || !(mat->v = calloc(n * n + 1, sizeof(*mat->v))) ||
	    !(mat->line = calloc(n + 1, sizeof(*mat->line))))
		goto out;
	for (j = 0; j < n; j++) {
		if (cm_strset_add(&cols, m->names[j + 1], strlen(m->names[j + 1])) < 0)
			goto out;
		mat->names[j] = m->names[j + 1];
		if (cols.n != j + 1) {
			cm_diags_add(diags, CM_ERROR, CM_EDATA, m->file, m->header_line, (long)j + 2,
				     "column '%.60s' named twice", m->names[j + 1]);
			bad++;
			break;
		}
	}
	for (i = 0; i < n && !bad; i++) {
		const char *name = cm_rows_get(m, i, 0);
		size_t before = cols.n;
		long at = cm_strset_add(&cols, name ? name : "", name ? strlen(name) : 0);
		if (at < 0)
			goto out;
		if (cols.n != before || mat->line[at]) {
			cm_diags_add(diags, CM_ERROR, CM_EDATA, m->file, m->rows[i].line, 1,
				     cols.n != before ? "row '%.60s' has no column of that name: the first row and the "
							"first column must name the same organizations"
						      : "row '%.60s' named twice",
				     name ? name : "");
			bad++;
			break;
		}
		mat->line[at] = m->rows[i].line;
		for (j = 0; j < n; j++) {
			const char *c = cm_rows_get(m, i, j + 1);
			const char *hint;
			double x = 0;
			if (c && c[strspn(c, " \t")] && cm_read_number(c, strlen(c), &x, &hint) < 0) {
				cm_diags_add(diags, CM_ERROR, CM_EDATA, m->file, m->rows[i].line, (long)j + 2,
					     "cell (row '%.60s', column '%.60s') is not a number: '%.40s'%s%s", name,
					     mat->names[j], c, hint ? "; " : "", hint ? hint : "");
				bad++;
			}
			mat->v[(size_t)at * n + j] = x;
		}
	}
	rc = bad ? CM_EDATA : CM_OK;
out:
	cm_strset_release(&cols);
	return rc;
}

/* The ids of an organizations.csv beside the matrices, sorted (bsearch). */
struct known {
	const char **v;
	size_t n;
};

static int name_cmp(const void *a, const void *b);

/* One matrix file into k; its organizations, new ones, into orgs, or,
 * when known, each checked against known. */
static int read_one(const char *path, struct cm_rows *orgs, struct cm_strset *seen, const struct known *known,
		    struct cm_tie_sink *k, struct cm_diags *diags, struct cm_error *err)
{
	struct cm_rows m;
	struct matrix mat;
	size_t errors_before = diags->n_errors, j;
	char *type;
	int rc;

	memset(&mat, 0, sizeof(mat));
	if (cm_rows_init(&m, path) < 0)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	rc = cm_rows_read_csv(&m, path, diags, err);
	if (rc == CM_OK && diags->n_errors > errors_before)
		rc = CM_EDATA;
	if (rc == CM_OK)
		rc = square(&m, &mat, diags);
	type = rc == CM_OK ? type_of(path) : NULL;
	for (j = 0; rc == CM_OK && known && j < mat.n; j++)
		if (!bsearch(&mat.names[j], known->v, known->n, sizeof(*known->v), name_cmp)) {
			cm_diags_add(diags, CM_ERROR, CM_EDATA, path, m.header_line, (long)j + 2,
				     "'%.60s' is not an organization of organizations.csv", mat.names[j]);
			rc = CM_EDATA;
		}
	for (j = 0; rc == CM_OK && !known && j < mat.n; j++) {
		size_t before = seen->n;
		long r;
		if (cm_strset_add(seen, mat.names[j], strlen(mat.names[j])) < 0)
			rc = CM_ENOMEM;
		else if (seen->n > before && ((r = cm_rows_add(orgs, m.header_line)) < 0 ||
					      set_text(orgs, (size_t)r, CM_ORG_ID, mat.names[j]) < 0))
			rc = CM_ENOMEM;
	}
	if (rc == CM_OK)
		rc = cm_matrix_ties(k, mat.n, (const char *const *)mat.names, mat.v, mat.line, type);
	if (rc == CM_ENOMEM)
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	matrix_release(&mat);
	free(type);
	cm_rows_release(&m);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when the file at path sniffs as a matrix. */
static int file_is_matrix(const char *path)
{
	char buf[4096];
	struct cm_peek p;
	FILE *f = fopen(path, "rb");
	size_t k = 0;

	if (f) {
		k = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
	}
	buf[k] = '\0';
	memset(&p, 0, sizeof(p));
	p.path = path;
	p.ext = "csv";
	p.head = buf + (k >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0);
	p.n = k;
	return k && cm_sniff_matrix(&p) == CM_BY_CONTENT;
}

static void free_list(char **v, size_t n)
{
	while (n)
		free(v[--n]);
	free(v);
}

/* The matrix files of a folder that holds no relationships.csv and whose
 * every *.csv but organizations.csv is a matrix: their paths, sorted, in
 * *out (if out).  Returns how many (0: not such a folder), -1
 * on ENOMEM. */
int cm_matrix_folder(const char *dir, char ***out)
{
	DIR *d;
	struct dirent *e;
	char **v = NULL, **w;
	size_t n = 0, cap = 0, i;
	int nomem = 0;

	if (!(d = opendir(dir)))
		return 0;
	while (!nomem && (e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcasecmp(e->d_name + len - 4, ".csv") || e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			if (!(w = realloc(v, cap * sizeof(*v)))) {
				nomem = 1;
				break;
			}
			v = w;
		}
		if (!(v[n] = cm_path_join(dir, e->d_name)))
			nomem = 1;
		else
			n++;
	}
	closedir(d);
	for (i = 0; i < n && !nomem; i++) {
		const char *b = strrchr(v[i], '/') + 1;
		if (!strcasecmp(b, "organizations.csv")) {
			free(v[i]);
			v[i--] = v[--n]; /* not a matrix: the organizations */
		} else if (!strcasecmp(b, "relationships.csv") || !file_is_matrix(v[i]))
			break;
	}
	if (nomem || i < n || !out) {
		free_list(v, n);
		return nomem ? -1 : i < n ? 0 : (int)n;
	}
	qsort(v, n, sizeof(*v), name_cmp);
	*out = v;
	return (int)n;
}

/* The organizations.csv of dir, if any, into orgs, its ids into *known.
 * CM_OK (none: known->v NULL), CM_EDATA, or another negative status. */
static int read_orgs(const char *dir, struct cm_rows *orgs, struct known *known, struct cm_diags *diags,
		     struct cm_error *err)
{
	size_t errors_before = diags->n_errors, j, r;
	char *file = cm_path_join(dir, "organizations.csv");
	struct stat st;
	long id = -1;
	int rc = CM_OK;

	memset(known, 0, sizeof(*known));
	if (!file)
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (stat(file, &st) < 0)
		goto out;
	if (cm_rows_rename(orgs, file) < 0)
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	else if ((rc = cm_rows_read_csv(orgs, file, diags, err)) == CM_OK && diags->n_errors > errors_before)
		rc = CM_EDATA;
	for (j = 0; rc == CM_OK && j < orgs->ncols && id < 0; j++)
		if (cm_schema_find(&cm_schemas[CM_ORGS_FILE], orgs->names[j], strlen(orgs->names[j]), 1) == CM_ORG_ID)
			id = (long)j;
	if (rc == CM_OK && id < 0) {
		cm_diags_add(diags, CM_ERROR, CM_EDATA, file, orgs->header_line, 0, "no id column");
		rc = CM_EDATA;
	}
	if (rc == CM_OK && !(known->v = malloc((orgs->nrows + 1) * sizeof(*known->v))))
		rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (r = 0; rc == CM_OK && r < orgs->nrows; r++) {
		const char *v = cm_rows_get(orgs, r, (size_t)id);
		if (v)
			known->v[known->n++] = v;
	}
	if (known->v)
		qsort(known->v, known->n, sizeof(*known->v), name_cmp);
out:
	free(file);
	return rc;
}

int cm_read_matrix(struct cm_read *rd)
{
	struct cm_tie_sink k;
	struct cm_strset seen;
	struct cm_rows scratch;
	struct known known = { NULL, 0 };
	struct stat st;
	char **files = NULL, *one[1];
	int n = 1, i, rc = CM_OK;

	one[0] = (char *)rd->path;
	if (stat(rd->path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if ((n = cm_matrix_folder(rd->path, &files)) < 0)
			return cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		if (!n)
			return cm_error_set(rd->err, CM_ENOINPUT, rd->path, 0, 0,
					    "no matrix files (*.csv) in the folder, or it holds relationships.csv");
	}
	cm_strset_init(&seen);
	if (cm_rows_init(&scratch, rd->path) < 0)
		rc = cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	else if (files)
		rc = read_orgs(rd->path, rd->orgs, &known, rd->diags, rd->err);
	/* with an organizations.csv, its own header stays as it is */
	if (rc == CM_OK && cm_tie_sink_init(&k, known.v ? &scratch : rd->orgs, rd->ties, "matrix_value", 1) < 0)
		rc = cm_error_set(rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = rc == CM_OK ? 0 : n; i < n && (rc == CM_OK || rc == CM_EDATA); i++) {
		int r = read_one(files ? files[i] : one[0], rd->orgs, &seen, known.v ? &known : NULL, &k, rd->diags,
				 rd->err);
		if (r == CM_EDATA)
			rc = CM_EDATA; /* and the other files' errors too */
		else if (r < 0)
			rc = r;
	}
	if (rc == CM_OK && files)
		k.loop_line = k.nonpos_line = 0; /* lines of several files */
	if (rc == CM_OK)
		cm_tie_sink_notes(&k, rd->diags, rd->path);
	cm_strset_release(&seen);
	cm_rows_release(&scratch);
	free(known.v);
	if (files)
		free_list(files, (size_t)n);
	return rc;
}
