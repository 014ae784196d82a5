/* csv_reader.c - unit tests of cm_csv_read (engine/csv_reader.c): physical
 * line numbers, delimiters, BOM, quoting, and every structural or encoding
 * error of ROBUSTNESS.md "the battery". */
#include "config.h"

#include "internal.h"
#include "test.h"

#define MAXREC 64

struct rec {
	long line;
	size_t index, n;
	char **f;     /* copies, NUL-terminated */
	size_t *len;
};

struct coll {
	struct rec r[MAXREC];
	size_t n;     /* records delivered (may exceed MAXREC) */
	int stop_at;  /* return CM_EDATA when this index arrives (0 = never) */
	size_t wrong_lines; /* records not on want_line(index) */
	long last_line;
};

static char dir[4096];
static long (*want_line)(size_t index); /* when set, lines are checked */

static int collect(void *ctx, const struct cm_csv_row *row)
{
	struct coll *c = ctx;
	struct rec *r;
	size_t i;

	if (c->stop_at && row->index == (size_t)c->stop_at)
		return CM_EDATA;
	if (want_line && want_line(row->index) != row->line)
		c->wrong_lines++;
	c->last_line = row->line;
	if (c->n++ >= MAXREC)
		return CM_OK;
	r = &c->r[c->n - 1];
	r->line = row->line;
	r->index = row->index;
	r->n = row->n;
	r->f = calloc(row->n + 1, sizeof(*r->f));
	r->len = calloc(row->n + 1, sizeof(*r->len));
	if (!r->f || !r->len)
		abort();
	for (i = 0; i < row->n; i++) {
		r->len[i] = row->lens[i];
		r->f[i] = malloc(row->lens[i] + 1);
		if (!r->f[i])
			abort();
		memcpy(r->f[i], row->fields[i], row->lens[i] + 1);
	}
	return CM_OK;
}

static void coll_free(struct coll *c)
{
	size_t i, j;

	for (i = 0; i < c->n && i < MAXREC; i++) {
		for (j = 0; j < c->r[i].n; j++)
			free(c->r[i].f[j]);
		free(c->r[i].f);
		free(c->r[i].len);
	}
	memset(c, 0, sizeof(*c));
}

/* Writes data to t.csv and reads it; rows go to c, problems to d. */
static int read_csv(const char *data, size_t len, struct coll *c, struct cm_diags *d)
{
	char path[4200];
	struct cm_error err;

	memset(c, 0, sizeof(*c));
	cm_diags_init(d);
	cm_error_clear(&err);
	test_write(dir, "t.csv", data, len);
	snprintf(path, sizeof(path), "%s/t.csv", dir);
	return cm_csv_read(path, "t.csv", collect, c, d, &err);
}

static void done(struct coll *c, struct cm_diags *d)
{
	coll_free(c);
	cm_diags_release(d);
}

/* Index of the first error diag at line (and col when col > 0) whose
 * message contains sub, or -1. */
static int find_error(const struct cm_diags *d, long line, long col, const char *sub)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct cm_diag *g = &d->v[i];
		if (g->severity == CM_ERROR && g->where.line == line &&
		    (col <= 0 || g->where.col == col) && strstr(g->where.message, sub) &&
		    strcmp(g->where.file, "t.csv") == 0 && g->where.code == CM_EDATA)
			return (int)i;
	}
	return -1;
}

#define CHECK_ERROR(d, ln, cl, sub) \
	test_check(find_error(d, ln, cl, sub) >= 0, __FILE__, __LINE__, \
		   "error at line %ld col %ld containing '%s' (first diag: %ld:%ld: %s)", \
		   (long)(ln), (long)(cl), sub, (d)->n ? (d)->v[0].where.line : 0L, \
		   (d)->n ? (d)->v[0].where.col : 0L, (d)->n ? (d)->v[0].where.message : "none")

/* Reads data, which must go through without a diagnostic and give nrec
 * records (the header one of them); c and d are kept for more checks. */
static void read_clean(const char *file, int line, const char *data, size_t len, size_t nrec,
		       struct coll *c, struct cm_diags *d)
{
	int rc = read_csv(data, len, c, d);

	test_check(rc == CM_OK, file, line, "read_csv == CM_OK (%d vs %d)", rc, CM_OK);
	test_check(d->n == 0, file, line, "d.n == 0 (%zu diagnostics, first %ld:%ld: %s)", d->n,
		   d->n ? d->v[0].where.line : 0L, d->n ? d->v[0].where.col : 0L,
		   d->n ? d->v[0].where.message : "none");
	test_check(c->n == nrec, file, line, "c.n == %zu (%zu)", nrec, c->n);
}

/* READ_CLEAN(data, len, nrec, c, d), where TL(s) may stand for data, len */
#define READ_CLEAN(...) read_clean(__FILE__, __LINE__, __VA_ARGS__)

static void test_basic(void)
{
	struct coll c;
	struct cm_diags d;

	CHECK_EQ_INT(read_csv(TL("id,name\na,Alpha\nb,Beta\n"), &c, &d), CM_OK);
	CHECK_EQ_INT(d.n, 0);
	CHECK_EQ_INT(d.n_errors, 0);
	CHECK_EQ_INT(c.n, 3);
	CHECK_EQ_INT(c.r[0].index, 0);
	CHECK_EQ_INT(c.r[0].line, 1);
	CHECK_EQ_INT(c.r[0].n, 2);
	CHECK_STR(c.r[0].f[0], "id");
	CHECK_STR(c.r[0].f[1], "name");
	CHECK_EQ_INT(c.r[1].index, 1);
	CHECK_EQ_INT(c.r[1].line, 2);
	CHECK_STR(c.r[1].f[1], "Alpha");
	CHECK_EQ_INT(c.r[1].len[1], 5);
	CHECK_EQ_INT(c.r[2].index, 2);
	CHECK_EQ_INT(c.r[2].line, 3);
	CHECK_STR(c.r[2].f[0], "b");
	done(&c, &d);

	/* an empty file: read to the end, no rows */
	CHECK_EQ_INT(read_csv("", 0, &c, &d), CM_OK);
	CHECK_EQ_INT(c.n, 0);
	CHECK_EQ_INT(d.n_errors, 0);
	done(&c, &d);

	/* a missing file */
	{
		char path[4200];
		struct cm_error err;
		memset(&c, 0, sizeof(c));
		cm_diags_init(&d);
		cm_error_clear(&err);
		snprintf(path, sizeof(path), "%s/missing.csv", dir);
		CHECK_EQ_INT(cm_csv_read(path, "missing.csv", collect, &c, &d, &err), CM_ENOINPUT);
		CHECK_EQ_INT(err.code, CM_ENOINPUT);
		CHECK_EQ_INT(c.n, 0);
		done(&c, &d);
	}

	/* a negative status from the callback stops the read and is returned */
	memset(&c, 0, sizeof(c));
	c.stop_at = 2;
	cm_diags_init(&d);
	{
		char path[4200];
		test_write(dir, "t.csv", TL("a\n1\n2\n3\n4\n"));
		snprintf(path, sizeof(path), "%s/t.csv", dir);
		CHECK_EQ_INT(cm_csv_read(path, "t.csv", collect, &c, &d, NULL), CM_EDATA);
		CHECK_EQ_INT(c.n, 2); /* header and row 1 only */
	}
	done(&c, &d);
}

/* Record index i >= 1 of the long file is data row i - 1; every row
 * whose number is a multiple of 7 spans two lines. */
static long long_file_line(size_t index)
{
	size_t i;

	if (index == 0)
		return 1;
	i = index - 1;
	return (long)(2 + i + (i + 6) / 7);
}

static void test_lines(void)
{
	struct coll c;
	struct cm_diags d;

	/* blank lines are skipped but counted */
	READ_CLEAN(TL("a,b\n\n1,2\n\n\n3,4\n\n"), 3, &c, &d);
	CHECK_EQ_INT(c.r[1].line, 3);
	CHECK_EQ_INT(c.r[2].line, 6);
	CHECK_STR(c.r[2].f[1], "4");
	done(&c, &d);

	/* a quoted field spanning lines: the record starts on line 2, the next on line 5 */
	READ_CLEAN(TL("a,b\n\"x\ny\n\",2\n3,4\n"), 3, &c, &d);
	CHECK_EQ_INT(c.r[1].line, 2);
	CHECK_STR(c.r[1].f[0], "x\ny\n");
	CHECK_STR(c.r[1].f[1], "2");
	CHECK_EQ_INT(c.r[2].line, 5);
	done(&c, &d);

	/* CRLF: no CR left in the last field */
	READ_CLEAN(TL("a,b\r\n1,2\r\n\r\n3,4\r\n"), 3, &c, &d);
	CHECK_STR(c.r[0].f[1], "b");
	CHECK_EQ_INT(c.r[1].line, 2);
	CHECK_STR(c.r[1].f[1], "2");
	CHECK_EQ_INT(c.r[2].line, 4);
	done(&c, &d);

	/* a quoted CRLF inside a field is one line break */
	CHECK_EQ_INT(read_csv(TL("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n"), &c, &d), CM_OK);
	CHECK_EQ_INT(c.n, 3);
	CHECK_STR(c.r[1].f[0], "x\r\ny");
	CHECK_EQ_INT(c.r[2].line, 4);
	done(&c, &d);

	/* a lone CR inside a quoted field is a line break too */
	READ_CLEAN(TL("a,b\r\"x\ry\",2\r3,4\r"), 3, &c, &d);
	CHECK_STR(c.r[1].f[0], "x\ry");
	CHECK_EQ_INT(c.r[2].line, 4);
	done(&c, &d);

	/* lone CR */
	READ_CLEAN(TL("a,b\r1,2\r3,4\r"), 3, &c, &d);
	CHECK_EQ_INT(c.r[1].line, 2);
	CHECK_EQ_INT(c.r[2].line, 3);
	CHECK_STR(c.r[2].f[1], "4");
	done(&c, &d);

	/* mixed line ends; CR LF counts once, LF CR twice */
	READ_CLEAN(TL("a,b\r\n1,2\n3,4\r5,6\n\r7,8\r\n"), 5, &c, &d);
	CHECK_EQ_INT(c.r[1].line, 2);
	CHECK_EQ_INT(c.r[2].line, 3);
	CHECK_EQ_INT(c.r[3].line, 4);
	CHECK_EQ_INT(c.r[4].line, 6);
	CHECK_STR(c.r[4].f[0], "7");
	CHECK_STR(c.r[4].f[1], "8");
	done(&c, &d);

	/* no final newline */
	READ_CLEAN(TL("a,b\n1,2\n3,4"), 3, &c, &d);
	CHECK_EQ_INT(c.r[2].line, 3);
	CHECK_STR(c.r[2].f[1], "4");
	done(&c, &d);

	/* no final newline after a quoted field */
	READ_CLEAN(TL("a,b\n1,\"2\""), 2, &c, &d);
	CHECK_STR(c.r[1].f[1], "2");
	done(&c, &d);

	/* header only, no newline */
	CHECK_EQ_INT(read_csv(TL("a,b"), &c, &d), CM_OK);
	CHECK_EQ_INT(c.n, 1);
	CHECK_EQ_INT(c.r[0].n, 2);
	done(&c, &d);

	/* a long file crosses the reader's 64 KiB chunks: lines stay exact */
	{
		size_t n = 20000, i, len = 0;
		char *buf = malloc(n * 16 + 16);
		if (!buf)
			abort();
		len += (size_t)sprintf(buf, "k,v\n");
		for (i = 0; i < n; i++)
			len += (size_t)sprintf(buf + len, i % 7 ? "%zu,x\r\n" : "\"%zu\n\",y\n", i);
		want_line = long_file_line;
		READ_CLEAN(buf, len, n + 1, &c, &d);
		CHECK_EQ_INT(c.wrong_lines, 0);
		/* last row 19999: 2 + 19999 + 2857 quoted rows before it */
		CHECK_EQ_INT(c.last_line, 2 + 19999 + 2857);
		want_line = NULL;
		done(&c, &d);
		free(buf);
	}
}

static void test_delimiters(void)
{
	struct coll c;
	struct cm_diags d;

	READ_CLEAN(TL("a;b;c\n1;2,5;3\n"), 2, &c, &d);
	CHECK_EQ_INT(c.r[0].n, 3);
	CHECK_STR(c.r[1].f[1], "2,5");
	done(&c, &d);

	READ_CLEAN(TL("a\tb\n1\t2;3,4\n"), 2, &c, &d);
	CHECK_EQ_INT(c.r[0].n, 2);
	CHECK_STR(c.r[1].f[1], "2;3,4");
	done(&c, &d);

	CHECK_EQ_INT(read_csv(TL("a,b\n1;2,3\n"), &c, &d), CM_OK);
	CHECK_EQ_INT(d.n, 0);
	CHECK_EQ_INT(c.r[1].n, 2);
	CHECK_STR(c.r[1].f[0], "1;2");
	done(&c, &d);

	/* delimiters inside quotes on the header do not count */
	CHECK_EQ_INT(read_csv(TL("\"x,y,z\";b\n1;2\n"), &c, &d), CM_OK);
	CHECK_EQ_INT(d.n, 0);
	CHECK_EQ_INT(c.r[0].n, 2);
	CHECK_STR(c.r[0].f[0], "x,y,z");
	done(&c, &d);
}

static void test_bom_and_quotes(void)
{
	struct coll c;
	struct cm_diags d;

	READ_CLEAN(TL("\xEF\xBB\xBFid,name\nb,\xC3\xA9t\xC3\xA9\n"), 2, &c, &d);
	CHECK_STR(c.r[0].f[0], "id");
	CHECK_EQ_INT(c.r[0].len[0], 2);
	CHECK_STR(c.r[1].f[1], "\xC3\xA9t\xC3\xA9");
	done(&c, &d);

	/* a BOM with a semicolon header */
	CHECK_EQ_INT(read_csv(TL("\xEF\xBB\xBF\"id\";name\n1;2\n"), &c, &d), CM_OK);
	CHECK_EQ_INT(d.n, 0);
	CHECK_EQ_INT(c.r[0].n, 2);
	CHECK_STR(c.r[0].f[0], "id");
	done(&c, &d);

	READ_CLEAN(TL("a,b,c\n\"he said \"\"hi\"\"\",\"x,y\",\"\"\n"), 2, &c, &d);
	CHECK_STR(c.r[1].f[0], "he said \"hi\"");
	CHECK_STR(c.r[1].f[1], "x,y");
	CHECK_STR(c.r[1].f[2], "");
	CHECK_EQ_INT(c.r[1].len[2], 0);
	done(&c, &d);

	/* 2-, 3- and 4-byte UTF-8, up to U+10FFFF, are valid */
	READ_CLEAN(TL("a,b\n\xC2\xA9\xE2\x82\xAC,\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\n"), 2, &c, &d);
	done(&c, &d);
}

/* A file with an error in it: it is read to the end (CM_OK) and one error
 * is at line:col (col 0: any column) with msg in its message.  When set,
 * also: errors, the number of errors; nrec, the number of records
 * delivered; line1 and field1, the line and the first field of record 1. */
struct bad_file {
	const char *data;
	size_t len;
	long line, col;
	const char *msg;
	size_t errors;      /* 0: not checked */
	size_t nrec;        /* 0: not checked */
	long line1;         /* 0: not checked */
	const char *field1; /* NULL: not checked */
};

static void check_bad_files(const struct bad_file *k, size_t n)
{
	struct coll c;
	struct cm_diags d;
	size_t i;

	for (i = 0; i < n; i++, k++) {
		int failed = test_nfailed;

		CHECK_EQ_INT(read_csv(k->data, k->len, &c, &d), CM_OK);
		if (k->errors)
			CHECK_EQ_INT(d.n_errors, k->errors);
		CHECK_ERROR(&d, k->line, k->col, k->msg);
		if (k->nrec)
			CHECK_EQ_INT(c.n, k->nrec);
		if (k->line1)
			CHECK_EQ_INT(c.r[1].line, k->line1);
		if (k->field1)
			CHECK_STR(c.r[1].f[0], k->field1);
		if (test_nfailed > failed)
			fprintf(stderr, "  (in bad file %zu of its table: %s)\n", i, k->msg);
		done(&c, &d);
	}
}

#define CHECK_BAD_FILES(k) check_bad_files(k, sizeof(k) / sizeof(*(k)))

static void test_quote_errors(void)
{
	static const struct bad_file files[] = {
		/* ... also when the quote opens after a quoted field spanning lines */
		{ TL("a,b\n\"x\ny\",2\n3,4\n\"never\n5,6\n"), .line = 5, .msg = "quote", .nrec = 3 },
		/* ... and when it opens in a field that is not the first of its line */
		{ TL("a,b\n\"x\ny\",\"open\n\n3,4\n"), .line = 3, .msg = "quote" },
		/* "a"x: text after the closing quote; the next row is still read */
		{ TL("a,b\n\"a\"x,2\n3,4\n"), .line = 2, .col = 4, .msg = "quote", .errors = 1, .nrec = 2,
		  .line1 = 3, .field1 = "3" },
		/* ab"c: a quote inside an unquoted field */
		{ TL("a,b\n1,ab\"c\n3,4\n"), .line = 2, .col = 5, .msg = "quote", .errors = 1, .nrec = 2,
		  .line1 = 3 },
		/* a stray quote after a multi-line record keeps physical lines */
		{ TL("a,b\n\"p\nq\",1\nab\"c,2\n"), .line = 4, .col = 3, .msg = "quote" },
	};
	struct coll c;
	struct cm_diags d;

	/* unterminated quote: named at the line where it opened */
	CHECK_EQ_INT(read_csv(TL("a,b\n1,2\n3,\"open\n4,5\n6,7\n"), &c, &d), CM_OK);
	CHECK(d.n_errors >= 1);
	CHECK_ERROR(&d, 3, 0, "quote");
	CHECK_EQ_INT(c.n, 2);
	done(&c, &d);

	CHECK_BAD_FILES(files);
}

static void test_field_count(void)
{
	static const struct bad_file files[] = {
		/* blank lines then a bad row */
		{ TL("a,b\n\n\n\n1,2,3\n"), .line = 5, .msg = "expected 2 fields, got 3" },
		/* a bad row after a quoted field with newlines */
		{ TL("a,b\n\"x\n\ny\",1\n1\n"), .line = 5, .msg = "expected 2 fields, got 1" },
		/* a bad row whose own quoted field spans lines is cited at its start */
		{ TL("a,b\n1,\"x\ny\",3\n"), .line = 2, .msg = "expected 2 fields, got 3" },
		/* CRLF file, bad last row without newline */
		{ TL("a,b\r\n1,2\r\n\r\n3"), .line = 4, .msg = "expected 2 fields, got 1" },
	};
	struct coll c;
	struct cm_diags d;

	CHECK_EQ_INT(read_csv(TL("a,b,c,d\n1,2,3\n1,2,3,4\n1,2,3,4,5\n"), &c, &d), CM_OK);
	CHECK_EQ_INT(d.n_errors, 2);
	CHECK_ERROR(&d, 2, 0, "expected 4 fields, got 3");
	CHECK_ERROR(&d, 4, 0, "expected 4 fields, got 5");
	CHECK_EQ_INT(c.n, 2); /* the bad rows are not delivered */
	CHECK_EQ_INT(c.r[1].line, 3);
	done(&c, &d);

	CHECK_BAD_FILES(files);
}

static void test_encoding_errors(void)
{
	static const struct bad_file files[] = {
		/* Latin-1 e-acute at byte 6 of line 2: the bad row is skipped, the next read */
		{ TL("a,b\n1,caf\xE9\n3,4\n"), .line = 2, .col = 6, .msg = "invalid UTF-8", .errors = 1,
		  .nrec = 2, .line1 = 3 },
		/* cp1252 curly quote in the header */
		{ TL("a,\x93" "b\x94\n1,2\n"), .line = 1, .col = 3, .msg = "invalid UTF-8" },
		/* overlong '/' */
		{ TL("a,b\n1,\xC0\xAF\n"), .line = 2, .col = 3, .msg = "invalid UTF-8", .nrec = 1 },
		/* overlong 3-byte form of U+002F */
		{ TL("a,b\n1,\xE0\x80\xAF\n"), .line = 2, .col = 3, .msg = "invalid UTF-8" },
		/* UTF-16 surrogate encoded in UTF-8 */
		{ TL("a,b\n1,x\xED\xA0\x80\n"), .line = 2, .col = 4, .msg = "invalid UTF-8", .nrec = 1 },
		/* beyond U+10FFFF */
		{ TL("a,b\n1,\xF4\x90\x80\x80\n"), .line = 2, .col = 3, .msg = "invalid UTF-8" },
		/* a truncated sequence at the end of a line */
		{ TL("a,b\n1,\xC3\n"), .line = 2, .col = 3, .msg = "invalid UTF-8" },
		/* invalid UTF-8 inside a quoted field on its second line */
		{ TL("a,b\n1,\"x\ny\xFF\"\n3,4\n"), .line = 3, .col = 2, .msg = "invalid UTF-8", .nrec = 2,
		  .line1 = 4 },
		/* NUL byte inside a field: an error, never a truncated value */
		{ TL("a,b\n1,x\0y\n3,4\n"), .line = 2, .col = 4, .msg = "NUL", .errors = 1, .nrec = 2,
		  .field1 = "3" },
	};
	struct coll c;
	struct cm_diags d;

	CHECK_BAD_FILES(files);

	/* UTF-16 with a BOM (little and big endian): a hint to save as CSV UTF-8 */
	CHECK_EQ_INT(read_csv(TL("\xFF\xFEi\0d\0\n\0a\0\n\0"), &c, &d), CM_OK);
	CHECK(d.n_errors >= 1);
	CHECK_ERROR(&d, 1, 0, "UTF-16");
	CHECK_ERROR(&d, 1, 0, "CSV UTF-8");
	CHECK_EQ_INT(c.n, 0);
	done(&c, &d);

	CHECK_EQ_INT(read_csv(TL("\xFE\xFF\0i\0d\0\n\0a\0\n"), &c, &d), CM_OK);
	CHECK_ERROR(&d, 1, 0, "UTF-8");
	CHECK_EQ_INT(c.n, 0);
	done(&c, &d);

	/* UTF-16 without a BOM */
	CHECK_EQ_INT(read_csv(TL("i\0d\0\n\0a\0\n\0"), &c, &d), CM_OK);
	CHECK(d.n_errors >= 1);
	CHECK_EQ_INT(c.n, 0);
	done(&c, &d);
}

static void test_sizes(void)
{
	struct coll c;
	struct cm_diags d;
	size_t big = CM_FIELD_MAX, i, len;
	char *buf = malloc(2 * big + 16 * 10002);

	if (!buf)
		abort();

	/* a field of exactly 1 MiB is accepted */
	len = (size_t)sprintf(buf, "a,b\n1,");
	memset(buf + len, 'x', big);
	len += big;
	len += (size_t)sprintf(buf + len, "\n3,4\n");
	CHECK_EQ_INT(read_csv(buf, len, &c, &d), CM_OK);
	CHECK_EQ_INT(d.n_errors, 0);
	CHECK_EQ_INT(c.n, 3);
	CHECK_EQ_INT(c.r[1].len[1], big);
	CHECK_EQ_INT(c.r[2].line, 3);
	done(&c, &d);

	/* ... also when quoted */
	len = (size_t)sprintf(buf, "a,b\n1,\"");
	memset(buf + len, 'y', big);
	len += big;
	len += (size_t)sprintf(buf + len, "\"\n3,4\n");
	CHECK_EQ_INT(read_csv(buf, len, &c, &d), CM_OK);
	CHECK_EQ_INT(d.n_errors, 0);
	CHECK_EQ_INT(c.n, 3);
	CHECK_EQ_INT(c.r[1].len[1], big);
	done(&c, &d);

	/* one byte more: an error at the record's line, no crash; the file goes on */
	len = (size_t)sprintf(buf, "a,b\n1,2\n1,");
	memset(buf + len, 'x', big + 1);
	len += big + 1;
	len += (size_t)sprintf(buf + len, "\n3,4\n");
	CHECK_EQ_INT(read_csv(buf, len, &c, &d), CM_OK);
	CHECK_EQ_INT(d.n_errors, 1);
	CHECK_ERROR(&d, 3, 0, "1 MiB");
	CHECK_EQ_INT(c.n, 3);
	CHECK_EQ_INT(c.r[2].line, 4);
	done(&c, &d);

	/* a quoted field just over 1 MiB spanning lines: cited where the record starts */
	len = (size_t)sprintf(buf, "a,b\n1,\"");
	for (i = 0; i < big + 100; i++)
		buf[len++] = i % 1000 == 999 ? '\n' : 'z';
	len += (size_t)sprintf(buf + len, "\"\n3,4\n");
	CHECK_EQ_INT(read_csv(buf, len, &c, &d), CM_OK);
	CHECK_EQ_INT(d.n_errors, 1);
	CHECK_ERROR(&d, 2, 0, "1 MiB");
	CHECK_EQ_INT(c.n, 2);
	CHECK_EQ_INT(c.r[1].line, 2 + (long)((big + 100) / 1000) + 1);
	done(&c, &d);

	/* a quoted field of 1.5 MiB: an error at the record's line, bounded memory */
	len = (size_t)sprintf(buf, "a,b\n1,\"");
	for (i = 0; i < big + big / 2; i++)
		buf[len++] = i % 1000 == 999 ? '\n' : 'z';
	len += (size_t)sprintf(buf + len, "\"\n");
	CHECK_EQ_INT(read_csv(buf, len, &c, &d), CM_OK);
	CHECK_ERROR(&d, 2, 0, "1 MiB");
	/* the rest of the quoted field is not a series of records: no
	 * "expected 2 fields" at lines inside it, no stray quote at its end */
	CHECK_EQ_INT(d.n_errors, 1);
	CHECK_EQ_INT(c.n, 1);
	done(&c, &d);

	/* exactly 10000 columns are accepted */
	len = 0;
	for (i = 0; i < CM_COLUMNS_MAX; i++)
		len += (size_t)sprintf(buf + len, i ? ",c%zu" : "c%zu", i);
	buf[len++] = '\n';
	CHECK_EQ_INT(read_csv(buf, len, &c, &d), CM_OK);
	CHECK_EQ_INT(d.n_errors, 0);
	CHECK_EQ_INT(c.n, 1);
	CHECK_EQ_INT(c.r[0].n, CM_COLUMNS_MAX);
	done(&c, &d);

	/* 10001 columns are an error */
	len = 0;
	for (i = 0; i < CM_COLUMNS_MAX + 1; i++)
		len += (size_t)sprintf(buf + len, i ? ",c%zu" : "c%zu", i);
	buf[len++] = '\n';
	len += (size_t)sprintf(buf + len, "1\n");
	CHECK_EQ_INT(read_csv(buf, len, &c, &d), CM_OK);
	CHECK(d.n_errors >= 1);
	CHECK_ERROR(&d, 1, 0, "10000");
	done(&c, &d);

	/* and in a data row too */
	len = (size_t)sprintf(buf, "a,b\n");
	for (i = 0; i < CM_COLUMNS_MAX + 1; i++)
		len += (size_t)sprintf(buf + len, i ? ",%zu" : "%zu", i);
	len += (size_t)sprintf(buf + len, "\n1,2\n");
	CHECK_EQ_INT(read_csv(buf, len, &c, &d), CM_OK);
	CHECK(d.n_errors >= 1);
	CHECK(find_error(&d, 2, 0, "") >= 0);
	CHECK_EQ_INT(c.n, 2);
	CHECK_EQ_INT(c.r[1].line, 3);
	done(&c, &d);

	free(buf);
}

/* The quote-free shortcut of engine/csv_reader.c against libcsv: random
 * files over an alphabet of delimiters, quotes, blanks, line ends, UTF-8
 * (valid and not) and NUL give the same records, lines and diagnostics
 * with the shortcut on and off. */
static uint64_t rnd_state = 12345;

static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((rnd_state >> 33) % n);
}

static int same_reading(const struct coll *a, const struct cm_diags *da, int ra, const struct coll *b,
			const struct cm_diags *db, int rb)
{
	size_t i, j;

	if (ra != rb || a->n != b->n || da->n != db->n || da->n_errors != db->n_errors)
		return 0;
	for (i = 0; i < a->n && i < MAXREC; i++) {
		if (a->r[i].line != b->r[i].line || a->r[i].index != b->r[i].index || a->r[i].n != b->r[i].n)
			return 0;
		for (j = 0; j < a->r[i].n; j++)
			if (a->r[i].len[j] != b->r[i].len[j] || memcmp(a->r[i].f[j], b->r[i].f[j], a->r[i].len[j]))
				return 0;
	}
	for (i = 0; i < da->n; i++)
		if (da->v[i].where.line != db->v[i].where.line || da->v[i].where.col != db->v[i].where.col ||
		    strcmp(da->v[i].where.message, db->v[i].where.message))
			return 0;
	return 1;
}

static void test_shortcut(void)
{
	static const char *const atoms[] = { "a", "bc", " ", "\t", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r",
					     "\xc3\xa9", "\xff", "x y", "\n\n", "1.5" };
	char data[400];
	int k, bad = 0;

	for (k = 0; k < 3000; k++) {
		struct coll a, b;
		struct cm_diags da, db;
		size_t len = 0;
		int ra, rb, parts = 1 + (int)rnd(40);
		/* a header most files agree with, then random lines */
		if (rnd(2))
			len = (size_t)snprintf(data, sizeof(data), "%s", rnd(2) ? "h1,h2,h3\n" : "h1;h2\n");
		while (parts-- > 0) {
			const char *t = atoms[rnd(sizeof(atoms) / sizeof(*atoms))];
			size_t n = strlen(t);
			if (len + n + 1 >= sizeof(data))
				break;
			memcpy(data + len, t, n);
			len += n;
		}
		if (rnd(20) == 0 && len + 1 < sizeof(data))
			data[len++] = '\0';
		cm_csv_libcsv_only = 0;
		ra = read_csv(data, len, &a, &da);
		cm_csv_libcsv_only = 1;
		rb = read_csv(data, len, &b, &db);
		cm_csv_libcsv_only = 0;
		if (!same_reading(&a, &da, ra, &b, &db, rb) && bad++ < 3)
			test_check(0, __FILE__, __LINE__, "shortcut and libcsv differ on case %d (%zu bytes)", k, len);
		done(&a, &da);
		done(&b, &db);
	}
	test_check(bad == 0, __FILE__, __LINE__, "%d random files read differently", bad);
}

int main(void)
{
	test_mkdir(dir, sizeof(dir));
	test_basic();
	test_lines();
	test_delimiters();
	test_bom_and_quotes();
	test_quote_errors();
	test_field_count();
	test_encoding_errors();
	test_sizes();
	test_shortcut();
	test_rmdir(dir);
	return test_done();
}
