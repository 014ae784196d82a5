/* test.h - a tiny unit-test helper: checks that count failures, and
 * temporary landscape folders written from exact bytes. */
#ifndef CM_TEST_H
#define CM_TEST_H

#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int test_nchecks, test_nfailed;

__attribute__((format(printf, 4, 5)))
static inline int test_check(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	test_nchecks++;
	if (ok)
		return 1;
	test_nfailed++;
	fprintf(stderr, "%s:%d: failed: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 0;
}

#define CHECK(c) test_check(!!(c), __FILE__, __LINE__, "%s", #c)
#define CHECK_EQ_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
	test_check(a_ == b_, __FILE__, __LINE__, "%s == %s (%lld vs %lld)", #a, #b, a_, b_); } while (0)
#define CHECK_NEAR(a, b, tol) do { double a_ = (a), b_ = (b); \
	test_check(fabs(a_ - b_) <= (tol), __FILE__, __LINE__, "%s ~ %s (%.12g vs %.12g)", #a, #b, a_, b_); } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
	test_check(a_ && b_ && strcmp(a_, b_) == 0, __FILE__, __LINE__, "%s == %s ('%s' vs '%s')", \
		   #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } while (0)

/* A string literal as (pointer, length), NUL bytes included. */
#define TL(s) (s), (sizeof(s) - 1)

/* Prints the summary; the exit status of the test program. */
static inline int test_done(void)
{
	printf("%d checks, %d failed\n", test_nchecks, test_nfailed);
	return test_nfailed ? 1 : 0;
}

/* Creates a fresh folder under $TMPDIR (or /tmp); dir gets its path. */
static inline void test_mkdir(char *dir, size_t n)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, n, "%s/cmtest.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror(dir);
		exit(2);
	}
}

/* Writes exactly len bytes to dir/name. */
static inline void test_write(const char *dir, const char *name, const char *data, size_t len)
{
	char path[4096];
	FILE *f;

	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path))
		exit(2);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

/* A landscape folder from two byte strings; a NULL string omits that file. */
static inline void test_landscape(char *dir, size_t n, const char *orgs, size_t olen,
				  const char *ties, size_t tlen)
{
	test_mkdir(dir, n);
	if (orgs)
		test_write(dir, "organizations.csv", orgs, olen);
	if (ties)
		test_write(dir, "relationships.csv", ties, tlen);
}

/* Removes the files in dir, then dir itself. */
static inline void test_rmdir(const char *dir)
{
	char path[4096];
	struct dirent *e;
	DIR *d = opendir(dir);

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) < (int)sizeof(path))
				unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(dir);
}

#endif
