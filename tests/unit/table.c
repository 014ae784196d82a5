/* table.c - unit tests of struct cm_table (engine/table.c): columns,
 * rows, cells, empty cells, sorting, truncation, lookup. */
#include "config.h"

#include <limits.h>
#include <stdint.h>

#include "coalmap.h"
#include "test.h"

/* The text column as one string, rows joined by ',' ("-" for empty). */
static const char *order(const struct cm_table *t, size_t col)
{
	static char buf[256];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < t->nrows && n < sizeof(buf) - 40; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? "," : "",
				      t->cols[col].null[i] ? "-" : t->cols[col].text[i]);
	return buf;
}

static void test_build(void)
{
	struct cm_table t;
	char src[8];
	int cn, cr, ci;
	long r;

	cm_table_init(&t, 0);
	CHECK_EQ_INT(t.nrows, 0);
	CHECK_EQ_INT(t.ncols, 0);
	CHECK(t.title == NULL);
	cn = cm_table_add_column(&t, "name", CM_TEXT);
	cr = cm_table_add_column(&t, "score", CM_REAL);
	ci = cm_table_add_column(&t, "n", CM_INT);
	CHECK_EQ_INT(cn, 0);
	CHECK_EQ_INT(cr, 1);
	CHECK_EQ_INT(ci, 2);
	CHECK_EQ_INT(t.ncols, 3);
	CHECK_STR(t.cols[1].name, "score");
	CHECK_EQ_INT(t.cols[1].kind, CM_REAL);
	CHECK_EQ_INT(t.cols[2].kind, CM_INT);

	CHECK_EQ_INT(cm_table_find(&t, "name"), 0);
	CHECK_EQ_INT(cm_table_find(&t, "score"), 1);
	CHECK_EQ_INT(cm_table_find(&t, "n"), 2);
	CHECK_EQ_INT(cm_table_find(&t, "nope"), -1);
	CHECK_EQ_INT(cm_table_find(&t, ""), -1);

	r = cm_table_add_row(&t);
	CHECK_EQ_INT(r, 0);
	r = cm_table_add_row(&t);
	CHECK_EQ_INT(r, 1);
	CHECK_EQ_INT(t.nrows, 2);
	/* new cells are empty */
	CHECK(t.cols[0].null[1] && t.cols[1].null[1] && t.cols[2].null[1]);
	CHECK(t.cols[0].text[1] == NULL);

	strcpy(src, "alpha");
	CHECK_EQ_INT(cm_table_set_text(&t, 0, 0, src), 0);
	src[0] = 'X'; /* the table holds its own copy */
	CHECK_STR(t.cols[0].text[0], "alpha");
	CHECK(!t.cols[0].null[0]);
	CHECK_EQ_INT(cm_table_set_text(&t, 0, 0, "beta"), 0); /* overwrite */
	CHECK_STR(t.cols[0].text[0], "beta");
	CHECK_EQ_INT(cm_table_set_text(&t, 0, 1, ""), 0);
	CHECK(t.cols[0].null[1]);
	CHECK_EQ_INT(cm_table_set_text(&t, 0, 0, NULL), 0);
	CHECK(t.cols[0].null[0]);
	CHECK_EQ_INT(cm_table_set_text(&t, 0, 0, "gamma"), 0);
	CHECK(!t.cols[0].null[0]);

	cm_table_set_real(&t, 1, 0, 2.5);
	CHECK(!t.cols[1].null[0]);
	CHECK_NEAR(t.cols[1].reals[0], 2.5, 0);
	cm_table_set_real(&t, 1, 1, -0.0);
	CHECK(!t.cols[1].null[1]);
	cm_table_set_real(&t, 1, 1, NAN);
	CHECK(t.cols[1].null[1]);
	cm_table_set_real(&t, 1, 0, INFINITY);
	CHECK(t.cols[1].null[0]);
	cm_table_set_real(&t, 1, 0, -INFINITY);
	CHECK(t.cols[1].null[0]);
	cm_table_set_real(&t, 1, 0, -7);
	CHECK(!t.cols[1].null[0]);
	CHECK_NEAR(t.cols[1].reals[0], -7, 0);

	cm_table_set_int(&t, 2, 1, -42);
	CHECK(!t.cols[2].null[1]);
	CHECK_EQ_INT(t.cols[2].ints[1], -42);
	cm_table_set_int(&t, 2, 0, 0);
	CHECK(!t.cols[2].null[0]);
	cm_table_set_int(&t, 2, 0, 1LL << 40);
	CHECK_EQ_INT(t.cols[2].ints[0], 1LL << 40);

	/* a column added later has a cell per existing row, all empty */
	cn = cm_table_add_column(&t, "late", CM_TEXT);
	CHECK_EQ_INT(cn, 3);
	CHECK(t.cols[3].null[0] && t.cols[3].null[1]);
	CHECK_EQ_INT(cm_table_set_text(&t, 3, 1, "z"), 0);
	CHECK_STR(t.cols[3].text[1], "z");
	cm_table_release(&t);
	CHECK_EQ_INT(t.nrows, 0);
	CHECK_EQ_INT(t.ncols, 0);

	/* init with rows */
	cm_table_init(&t, 3);
	CHECK_EQ_INT(t.nrows, 3);
	cn = cm_table_add_column(&t, "x", CM_INT);
	CHECK_EQ_INT(cn, 0);
	CHECK(t.cols[0].null[0] && t.cols[0].null[2]);
	cm_table_set_int(&t, 0, 2, 5);
	CHECK_EQ_INT(t.cols[0].ints[2], 5);
	cm_table_release(&t);

	/* release of a table with a title */
	cm_table_init(&t, 0);
	t.title = strdup("title");
	cm_table_add_column(&t, "a", CM_REAL);
	cm_table_release(&t);
	CHECK(t.title == NULL);
}

/* rows: (id, real score, int n, text tag) */
static void fill(struct cm_table *t)
{
	static const struct { const char *id; double score; int has_n; long long n; const char *tag; } rows[] = {
		{ "r0", 3, 1, 2, "pear" },
		{ "r1", NAN, 0, 0, NULL },
		{ "r2", 5, 1, -1, "apple" },
		{ "r3", 3, 1, 2, "fig" },
		{ "r4", -1, 1, 7, "apple" },
		{ "r5", 3, 0, 0, "Zebra" },
		{ "r6", NAN, 1, 2, "" },
	};
	size_t i;

	cm_table_init(t, 0);
	cm_table_add_column(t, "id", CM_TEXT);
	cm_table_add_column(t, "score", CM_REAL);
	cm_table_add_column(t, "n", CM_INT);
	cm_table_add_column(t, "tag", CM_TEXT);
	for (i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		long r = cm_table_add_row(t);
		cm_table_set_text(t, 0, (size_t)r, rows[i].id);
		cm_table_set_real(t, 1, (size_t)r, rows[i].score);
		if (rows[i].has_n)
			cm_table_set_int(t, 2, (size_t)r, rows[i].n);
		cm_table_set_text(t, 3, (size_t)r, rows[i].tag);
	}
}

static void test_sort(void)
{
	struct cm_table t;
	size_t i;

	/* reals descending; the three 3s keep their order (r0, r3, r5); empty last */
	fill(&t);
	CHECK_EQ_INT(cm_table_sort(&t, 1, 1), 0);
	CHECK_STR(order(&t, 0), "r2,r0,r3,r5,r4,r1,r6");
	/* every column moved with its row */
	CHECK_NEAR(t.cols[1].reals[0], 5, 0);
	CHECK_EQ_INT(t.cols[2].ints[0], -1);
	CHECK_STR(t.cols[3].text[0], "apple");
	CHECK(t.cols[2].null[3]); /* r5 has no n */
	CHECK(t.cols[1].null[5] && t.cols[1].null[6]);
	CHECK_STR(order(&t, 3), "apple,pear,fig,Zebra,apple,-,-");
	cm_table_release(&t);

	/* ints descending, ties stable, empty last */
	fill(&t);
	CHECK_EQ_INT(cm_table_sort(&t, 2, 1), 0);
	CHECK_STR(order(&t, 0), "r4,r0,r3,r6,r2,r1,r5");
	cm_table_release(&t);

	/* ascending numbers: still empty last */
	fill(&t);
	CHECK_EQ_INT(cm_table_sort(&t, 1, 0), 0);
	CHECK_STR(order(&t, 0), "r4,r0,r3,r5,r2,r1,r6");
	cm_table_release(&t);

	/* text ascending (byte order: 'Z' < 'a'), ties stable, empty last */
	fill(&t);
	CHECK_EQ_INT(cm_table_sort(&t, 3, 0), 0);
	CHECK_STR(order(&t, 0), "r5,r2,r4,r3,r0,r1,r6");
	CHECK_NEAR(t.cols[1].reals[1], 5, 0);
	CHECK_NEAR(t.cols[1].reals[2], -1, 0);
	cm_table_release(&t);

	/* sorting twice by the same column changes nothing */
	fill(&t);
	cm_table_sort(&t, 1, 1);
	cm_table_sort(&t, 1, 1);
	CHECK_STR(order(&t, 0), "r2,r0,r3,r5,r4,r1,r6");
	/* stability over a previous order: by tag, then by score */
	cm_table_sort(&t, 3, 0);
	cm_table_sort(&t, 1, 1);
	CHECK_STR(order(&t, 0), "r2,r5,r3,r0,r4,r1,r6");
	cm_table_release(&t);

	/* a large table with many ties: stable */
	cm_table_init(&t, 0);
	cm_table_add_column(&t, "k", CM_INT);
	cm_table_add_column(&t, "seq", CM_INT);
	for (i = 0; i < 1000; i++) {
		long r = cm_table_add_row(&t);
		cm_table_set_int(&t, 0, (size_t)r, (long long)(i * 7919 % 5));
		cm_table_set_int(&t, 1, (size_t)r, (long long)i);
	}
	CHECK_EQ_INT(cm_table_sort(&t, 0, 1), 0);
	{
		size_t bad = 0;
		for (i = 1; i < t.nrows; i++)
			if (t.cols[0].ints[i - 1] < t.cols[0].ints[i] ||
			    (t.cols[0].ints[i - 1] == t.cols[0].ints[i] && t.cols[1].ints[i - 1] > t.cols[1].ints[i]))
				bad++;
		CHECK_EQ_INT(bad, 0);
		CHECK_EQ_INT(t.cols[0].ints[0], 4);
	}
	cm_table_release(&t);

	/* an empty table sorts */
	cm_table_init(&t, 0);
	cm_table_add_column(&t, "x", CM_REAL);
	CHECK_EQ_INT(cm_table_sort(&t, 0, 1), 0);
	CHECK_EQ_INT(t.nrows, 0);
	cm_table_release(&t);
}

static void test_truncate(void)
{
	struct cm_table t;
	long r;

	fill(&t);
	cm_table_sort(&t, 1, 1);
	cm_table_truncate(&t, 3);
	CHECK_EQ_INT(t.nrows, 3);
	CHECK_STR(order(&t, 0), "r2,r0,r3");
	CHECK_STR(t.cols[3].text[2], "fig");
	cm_table_truncate(&t, 10); /* more than there are: no change */
	CHECK_EQ_INT(t.nrows, 3);
	CHECK_STR(order(&t, 0), "r2,r0,r3");
	/* rows can be added again after truncation; they start empty */
	r = cm_table_add_row(&t);
	CHECK_EQ_INT(r, 3);
	CHECK(t.cols[0].null[3] && t.cols[0].text[3] == NULL);
	CHECK(t.cols[1].null[3]);
	CHECK(t.cols[2].null[3]);
	cm_table_set_text(&t, 0, 3, "new");
	CHECK_STR(order(&t, 0), "r2,r0,r3,new");
	cm_table_truncate(&t, 0);
	CHECK_EQ_INT(t.nrows, 0);
	CHECK_EQ_INT(t.ncols, 4);
	cm_table_release(&t);
}

/* cm_format_g must print exactly what snprintf's %.*g prints: every
 * magnitude, both signs, rounding boundaries (x.5 at the last digit),
 * powers of ten and their neighbours, and a million random bit patterns. */
static void format_one(double v, int digits, long *bad)
{
	char want[64], got[64];

	snprintf(want, sizeof(want), "%.*g", digits, v);
	cm_format_g(v, digits, got, sizeof(got));
	if (strcmp(want, got) && (*bad)++ < 10)
		test_check(0, __FILE__, __LINE__, "%.17g at %d digits: snprintf %s, cm_format_g %s", v, digits,
			   want, got);
}

static void test_format_g(void)
{
	static const double special[] = { 0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.0001, 0.00001, 1e-5, 9.9999e-5,
		123456789012.0, 999999999999.0, 999999999999.5, 9999999999995.0, 1e12, 1e11, 0.30000000000000004,
		1.0000000000005, 2.5, 1e-300, 1e300, 5e-324, 1.7976931348623157e308 };
	uint64_t st = 12345;
	long bad = 0, i;
	int d, e, j;

	for (d = 1; d <= 17; d++)
		for (j = 0; j < (int)(sizeof(special) / sizeof(special[0])); j++) {
			format_one(special[j], d, &bad);
			format_one(-special[j], d, &bad);
		}
	format_one(INFINITY, 12, &bad);
	format_one(-INFINITY, 12, &bad);
	format_one(NAN, 12, &bad);
	/* halfway cases and their neighbours at the last kept digit */
	for (e = -12; e <= 15; e++)
		for (i = 1; i < 2000; i++) {
			double v = ((double)i * 1000000000.0 + 500000000.0) * pow(10, e - 20);
			format_one(v, 12, &bad);
			format_one(nextafter(v, 0), 12, &bad);
			format_one(nextafter(v, 1e300), 12, &bad);
			format_one(pow(10, e) * (double)i, 12, &bad);
			format_one(nextafter(pow(10, e), 0) * (double)i, 4, &bad);
		}
	/* random doubles over the whole range, and typical metric values */
	for (i = 0; i < 1000000; i++) {
		uint64_t z = (st += 0x9E3779B97F4A7C15ull), bits;
		double v;
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
		bits = z ^ (z >> 31);
		memcpy(&v, &bits, sizeof(v));
		format_one(v, (int)(i % 15) + 1, &bad);
		format_one((double)(bits >> 11) / 9007199254740992.0 * pow(10, (int)(i % 13) - 6), 12, &bad);
	}
	test_check(bad == 0, __FILE__, __LINE__, "%ld numbers printed differently from snprintf", bad);
	{
		static const long long ints[] = { 0, 1, -1, 9, 10, -10, 123456789, LLONG_MAX, LLONG_MIN,
			LLONG_MIN + 1, 1000000000000000000LL };
		char want[32], got[32];
		size_t q;
		for (q = 0; q < sizeof(ints) / sizeof(ints[0]); q++) {
			snprintf(want, sizeof(want), "%lld", ints[q]);
			CHECK_STR(cm_format_int(ints[q], got, sizeof(got)), want);
		}
	}
}

int main(void)
{
	test_format_g();
	test_build();
	test_sort();
	test_truncate();
	return test_done();
}
