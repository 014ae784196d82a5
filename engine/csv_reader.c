/* csv_reader.c - the libcsv bridge: streams a CSV file record by record
 * with physical line numbers, delimiter detection, BOM handling, UTF-8 and
 * NUL checks, and bounded field sizes.
 *
 * Speed: a line that starts a record and holds no quote character, no NUL
 * and only valid UTF-8 has nothing for a CSV parser to decide, so it is
 * split at the delimiter here, with libcsv's rules for unquoted fields
 * (spaces and tabs around a field dropped, except with tab as the
 * delimiter; a blank line is no record).  Every other line goes through
 * libcsv.  tests/unit/csv_reader.c checks that both give the same records
 * on random input (cm_csv_libcsv_only turns the shortcut off). */
#include "config.h"

#include <csv.h>
#include <stdint.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define CHUNK (1u << 20)
#define FAST_LINE_MAX 65536 /* longer lines go through libcsv */

int cm_csv_libcsv_only;
#define LINE_MAX_BYTES ((size_t)1 << 30)
#define ROW_NOT_BEGUN 0 /* libcsv's parser state between records */

struct reader {
	struct csv_parser p;
	unsigned char delim;
	const char *file;      /* name used in messages */
	struct cm_diags *diags;
	cm_csv_row_fn row_fn;
	void *ctx;
	int stop;              /* status returned by row_fn, or CM_ENOMEM */

	long line;             /* physical line being fed */
	long cand_line;        /* line where the next record would start */
	long rec_line;         /* line where the current record started */
	long quote_line;       /* line where the open quoted field began */
	int in_record;
	int rec_bad;           /* current record already reported */
	size_t nfields_cb;     /* fields seen in this record */

	/* current record: fields copied into one buffer */
	char *buf;
	size_t buf_len, buf_cap;
	size_t *offs, *lens;
	size_t nfields, fields_cap;
	const char **ptrs;
	size_t ptrs_cap;

	size_t header_n;       /* number of header fields, 0 before header */
	size_t index;          /* records delivered so far */
};

/* libcsv grows its field buffer through this; refusing past the cap bounds
 * memory for absurd fields (libcsv then reports CSV_ENOMEM). */
static void *capped_realloc(void *p, size_t n)
{
	if (n > CM_FIELD_MAX + 256)
		return NULL;
	return realloc(p, n);
}

static int is_space_none(unsigned char c)
{
	(void)c;
	return 0;
}

static void report(struct reader *r, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void report(struct reader *r, long line, long col, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (cm_diags_add(r->diags, CM_ERROR, CM_EDATA, r->file, line, col, "%s", msg) < 0)
		r->stop = CM_ENOMEM;
}

static void field_cb(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (!r->in_record) {
		r->in_record = 1;
		r->rec_line = r->cand_line;
	}
	r->nfields_cb++;
	if (r->rec_bad || r->stop)
		return;
	if (len > CM_FIELD_MAX) {
		report(r, r->rec_line, 0, "field %zu is longer than 1 MiB", r->nfields_cb);
		r->rec_bad = 1;
		return;
	}
	if (r->nfields_cb > CM_COLUMNS_MAX) {
		report(r, r->rec_line, 0, "more than %d fields", CM_COLUMNS_MAX);
		r->rec_bad = 1;
		return;
	}
	if (r->nfields == r->fields_cap) {
		size_t cap = r->fields_cap ? 2 * r->fields_cap : 16;
		size_t *o = realloc(r->offs, cap * sizeof(*o));
		size_t *l = o ? realloc(r->lens, cap * sizeof(*l)) : NULL;
		if (o)
			r->offs = o;
		if (l)
			r->lens = l;
		if (!o || !l) {
			r->stop = CM_ENOMEM;
			return;
		}
		r->fields_cap = cap;
	}
	if (r->buf_len + len + 1 > r->buf_cap) {
		size_t cap = r->buf_cap ? r->buf_cap : 256;
		char *b;
		while (r->buf_len + len + 1 > cap)
			cap *= 2;
		b = realloc(r->buf, cap);
		if (!b) {
			r->stop = CM_ENOMEM;
			return;
		}
		r->buf = b;
		r->buf_cap = cap;
	}
	if (len)
		memcpy(r->buf + r->buf_len, s, len);
	r->buf[r->buf_len + len] = '\0';
	r->offs[r->nfields] = r->buf_len;
	r->lens[r->nfields] = len;
	r->nfields++;
	r->buf_len += len + 1;
}

static void deliver(struct reader *r)
{
	struct cm_csv_row row;
	const char **ptrs;
	size_t i;
	int rc;

	if (r->nfields > r->ptrs_cap || !r->ptrs) {
		ptrs = realloc(r->ptrs, (r->nfields ? r->nfields : 1) * sizeof(*ptrs));
		if (!ptrs) {
			r->stop = CM_ENOMEM;
			return;
		}
		r->ptrs = ptrs;
		r->ptrs_cap = r->nfields;
	}
	ptrs = r->ptrs;
	for (i = 0; i < r->nfields; i++)
		ptrs[i] = r->buf + r->offs[i];
	row.fields = ptrs;
	row.lens = r->lens;
	row.n = r->nfields;
	row.line = r->rec_line;
	row.index = r->index++;
	rc = r->row_fn(r->ctx, &row);
	if (rc < 0)
		r->stop = rc;
}

static void record_cb(int c, void *data)
{
	struct reader *r = data;

	(void)c;
	if (!r->in_record)
		r->rec_line = r->cand_line;
	if (!r->rec_bad && !r->stop) {
		if (r->header_n == 0) {
			r->header_n = r->nfields;
			deliver(r);
		} else if (r->nfields != r->header_n) {
			report(r, r->rec_line, 0, "expected %zu fields, got %zu", r->header_n, r->nfields);
		} else {
			deliver(r);
		}
	}
	r->in_record = 0;
	r->rec_bad = 0;
	r->nfields = 0;
	r->nfields_cb = 0;
	r->buf_len = 0;
}

static int parser_start(struct reader *r)
{
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return CM_ENOMEM;
	csv_set_delim(&r->p, r->delim);
	csv_set_realloc_func(&r->p, capped_realloc);
	csv_set_blk_size(&r->p, 4096);
	if (r->delim == CSV_TAB)
		csv_set_space_func(&r->p, is_space_none);
	return CM_OK;
}

/* A libcsv failure: report it, drop the record, restart the parser at the
 * next line so later errors are found too. */
static void parse_failed(struct reader *r, long line, long col)
{
	int e = csv_error(&r->p);

	if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
		r->stop = CM_ENOMEM;
	else
		report(r, line, col, "stray quote: a quote must open a field and be followed by a delimiter or the end of the line");
	csv_free(&r->p);
	if (!r->stop && parser_start(r) < 0)
		r->stop = CM_ENOMEM;
	r->in_record = 0;
	r->rec_bad = 0;
	r->nfields = 0;
	r->nfields_cb = 0;
	r->buf_len = 0;
}

/* 1 when s[0..n) is plain ASCII without NUL (8 bytes at a time). */
static int plain_ascii(const unsigned char *s, size_t n)
{
	const uint64_t hi = 0x8080808080808080ull, lo = 0x0101010101010101ull;
	uint64_t acc = 0, zero = 0;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		acc |= x;
		zero |= (x - lo) & ~x & hi; /* some byte is 0 */
	}
	for (; i < n; i++) {
		acc |= s[i];
		zero |= s[i] == 0 ? hi : 0;
	}
	return !(acc & hi) && !zero;
}

static int is_blank(const struct reader *r, unsigned char c)
{
	return r->delim != CSV_TAB && (c == ' ' || c == '\t') && c != r->delim;
}

/* The shortcut for a quote-free line at a record start (see the top of
 * the file).  Returns 0 when the line must go to libcsv instead. */
static int fast_line(struct reader *r, const char *s, size_t n)
{
	size_t a, e, end;
	int nul;

	if (cm_csv_libcsv_only || n > FAST_LINE_MAX || r->p.pstate != ROW_NOT_BEGUN || r->in_record ||
	    memchr(s, '"', n))
		return 0;
	if (!plain_ascii((const unsigned char *)s, n) && cm_utf8_check((const unsigned char *)s, n, &nul) < n)
		return 0;
	end = n;
	while (end && (s[end - 1] == '\n' || s[end - 1] == '\r'))
		end--;
	for (a = 0; a < end && is_blank(r, (unsigned char)s[a]); a++)
		;
	r->cand_line = r->line;
	if (a == end)
		return 1; /* blank line: no record, as in libcsv */
	for (;;) {
		const char *d = memchr(s + a, r->delim, end - a);
		size_t b;
		e = d ? (size_t)(d - s) : end;
		for (b = e; b > a && is_blank(r, (unsigned char)s[b - 1]); b--)
			;
		field_cb((void *)(s + a), b - a, r);
		if (!d)
			break;
		for (a = e + 1; a < end && is_blank(r, (unsigned char)s[a]); a++)
			;
	}
	record_cb(end < n ? (unsigned char)s[end] : -1, r);
	return 1;
}

/* Feeds one physical line (with its terminator) to libcsv. */
static void feed_line(struct reader *r, const char *s, size_t n)
{
	size_t bad, done, off, before_fields;
	int nul, was_quoted;

	bad = cm_utf8_check((const unsigned char *)s, n, &nul);
	if (bad < n) {
		report(r, r->line, (long)bad + 1, "%s", nul ? "NUL byte in the data" :
		       "invalid UTF-8 (save the file as 'CSV UTF-8')");
		r->rec_bad = 1;
	}
	if (r->p.pstate == ROW_NOT_BEGUN && !r->in_record)
		r->cand_line = r->line;
	was_quoted = r->p.quoted && r->p.pstate != ROW_NOT_BEGUN;
	before_fields = r->nfields_cb;
	for (off = 0;;) {
		done = csv_parse(&r->p, s + off, n - off, field_cb, record_cb, r);
		off += done;
		if (csv_error(&r->p) == CSV_SUCCESS && off == n)
			break;
		if (csv_error(&r->p) == CSV_ENOMEM && r->p.entry_size >= CM_FIELD_MAX) {
			/* A field past the cap: report it once, drop what was
			 * buffered and read on in the same parser state, so a long
			 * quoted field does not turn into errors on every line. */
			if (!r->in_record) {
				r->in_record = 1;
				r->rec_line = r->cand_line;
			}
			if (!r->rec_bad)
				report(r, r->rec_line, 0, "field %zu is longer than 1 MiB", r->nfields_cb + 1);
			r->rec_bad = 1;
			r->p.entry_pos = 0;
			r->p.status = CSV_SUCCESS;
			continue;
		}
		parse_failed(r, r->line, (long)off + 1);
		return;
	}
	if (r->p.pstate != ROW_NOT_BEGUN) {
		if (!r->in_record) {
			r->in_record = 1;
			r->rec_line = r->cand_line;
		}
		if (r->p.quoted && (!was_quoted || r->nfields_cb != before_fields))
			r->quote_line = r->line;
		if (bad < n)
			r->rec_bad = 1;
	} else if (!r->in_record) {
		r->rec_bad = 0;
	}
}

/* Picks the delimiter used most outside quotes on the header line. */
static unsigned char detect_delim(const char *s, size_t n)
{
	size_t counts[3] = { 0, 0, 0 }, i;
	int q = 0;

	for (i = 0; i < n && (q || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == ',')
			counts[0]++;
		else if (!q && s[i] == ';')
			counts[1]++;
		else if (!q && s[i] == '\t')
			counts[2]++;
	}
	if (counts[1] > counts[0] && counts[1] >= counts[2])
		return ';';
	if (counts[2] > counts[0] && counts[2] > counts[1])
		return '\t';
	return ',';
}

/* The start of a file: refuses UTF-16, skips a UTF-8 byte order mark,
 * detects the delimiter and starts the parser.  Returns the bytes to
 * skip, or -1 when reading stops (reported, or r->stop set). */
static long start_file(struct reader *r, const char *buf, size_t len)
{
	size_t pos = 0;

	if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
			 ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
		report(r, 1, 1, "the file is UTF-16; save it as 'CSV UTF-8'");
		return -1;
	}
	if (len >= 2 && (buf[0] == '\0' || buf[1] == '\0')) {
		report(r, 1, 1, "NUL bytes: the file looks like UTF-16; save it as 'CSV UTF-8'");
		return -1;
	}
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	r->delim = detect_delim(buf + pos, len - pos);
	if (parser_start(r) < 0) {
		r->stop = CM_ENOMEM;
		return -1;
	}
	return (long)pos;
}

/* Feeds every complete line of buf[pos .. len) (any line ending: LF,
 * CRLF, CR); returns where the first incomplete one starts. */
static size_t feed_lines(struct reader *r, const char *buf, size_t pos, size_t len, int eof)
{
	while (pos < len && !r->stop) {
		const char *nl = memchr(buf + pos, '\n', len - pos), *cr;
		size_t e = nl ? (size_t)(nl - buf) : len;
		if ((cr = memchr(buf + pos, '\r', e - pos)))
			e = (size_t)(cr - buf);
		if (e == len && !eof)
			break;                /* incomplete line: read more */
		if (e < len && buf[e] == '\r') {
			if (e + 1 == len && !eof)
				break;        /* a CR at the edge may start CRLF */
			if (e + 1 < len && buf[e + 1] == '\n')
				e++;
		}
		if (e < len)
			e++;
		if (!fast_line(r, buf + pos, e - pos))
			feed_line(r, buf + pos, e - pos);
		r->line++;
		pos = e;
	}
	return pos;
}

int cm_csv_read(const char *path, const char *display, cm_csv_row_fn row_fn,
		void *ctx, struct cm_diags *diags, struct cm_error *err)
{
	struct reader r;
	FILE *f;
	char *buf = NULL;
	size_t cap = CHUNK, len = 0, pos, got;
	int eof = 0, first = 1, rc;

	memset(&r, 0, sizeof(r));
	r.file = display;
	r.diags = diags;
	r.row_fn = row_fn;
	r.ctx = ctx;
	r.line = 1;
	r.cand_line = 1;

	f = fopen(path, "rb");
	if (!f && errno == ENOMEM)
		return cm_error_set(err, CM_ENOMEM, display, 0, 0, "out of memory");
	if (!f)
		return cm_error_set(err, CM_ENOINPUT, display, 0, 0, "cannot open: %s", strerror(errno));
	buf = malloc(cap);
	if (!buf) {
		fclose(f);
		return cm_error_set(err, CM_ENOMEM, display, 0, 0, "out of memory");
	}

	while (!r.stop) {
		/* top up the buffer */
		if (!eof) {
			if (len == cap) {
				char *b;
				if (cap >= LINE_MAX_BYTES) {
					report(&r, r.line, 0, "line longer than %zu bytes", LINE_MAX_BYTES);
					break;
				}
				b = realloc(buf, cap * 2);
				if (!b) {
					r.stop = CM_ENOMEM;
					break;
				}
				buf = b;
				cap *= 2;
			}
			got = fread(buf + len, 1, cap - len, f);
			len += got;
			if (got == 0) {
				if (ferror(f)) {
					rc = cm_error_set(err, CM_ENOINPUT, display, 0, 0, "read error: %s", strerror(errno));
					goto out_rc;
				}
				eof = 1;
			}
		}
		pos = 0;
		if (first) {
			long skip;
			if (len < 3 && !eof)
				continue;
			if ((skip = start_file(&r, buf, len)) < 0)
				break;
			pos = (size_t)skip;
			first = 0;
		}
		pos = feed_lines(&r, buf, pos, len, eof);
		memmove(buf, buf + pos, len - pos);
		len -= pos;
		if (eof && len == 0)
			break;
	}
	if (!r.stop && !first) {
		if (csv_fini(&r.p, field_cb, record_cb, &r) != 0 && !r.stop)
			report(&r, r.quote_line ? r.quote_line : r.rec_line, 0,
			       "unterminated quoted field: the quote opened here is never closed");
	}
	if (!first)
		csv_free(&r.p);
	if (r.stop == CM_ENOMEM)
		rc = cm_error_set(err, CM_ENOMEM, display, 0, 0, "out of memory");
	else if (r.stop < 0)
		rc = r.stop;
	else
		rc = CM_OK;
out_rc:
	fclose(f);
	free(buf);
	free(r.buf);
	free(r.offs);
	free(r.lens);
	free(r.ptrs);
	return rc;
}
