/* failmalloc.c - an LD_PRELOAD shim that makes one allocation fail, for the
 * allocation-failure tests (tests/fault/run.sh, docs/robustness.md).
 *
 * Environment:
 *   COALMAP_FAIL_AT=N      the Nth counted allocation returns NULL (0 or
 *                          unset: none fails, the shim only counts)
 *   COALMAP_FAIL_REPORT=F  at exit, write the number of counted
 *                          allocations and whether one was failed to F
 *   COALMAP_FAIL_THREADS=1 count the allocations of every thread but the
 *                          main one instead (worker threads: path
 *                          searches, permutations, the loader's
 *                          read-ahead), in whatever order they come
 *
 * Counted: malloc, calloc, realloc (with a size) and, through them,
 * strdup and everything else in the C library that allocates, once the
 * program's main has started, in a program whose name ends in "coalmap"
 * (so libtool's wrapper shell is left alone), on the main thread only
 * (run coalmap with --threads 1; Pango starts a thread of its own to
 * load fontconfig, whose allocations would make the count vary).  Not counted, and never
 * failed: allocations made inside the Graphviz calls coalmap makes
 * (gvContext, gvLayout, gvRenderData, agopen, agnode, agedge, agattr,
 * agsafeset, agclose, gvFreeLayout, gvFreeRenderData): Graphviz 2.42 does
 * not survive a failed allocation (it dereferences NULL or exits), so
 * those calls are outside what coalmap can promise.  Likewise libgomp
 * (omp_set_num_threads, GOMP_parallel: it exits on a failed allocation)
 * and igraph_get_k_shortest_paths (igraph 0.10.2 reads freed memory after
 * a failed allocation inside it; see below), and cairo's drawing calls
 * (see below).
 *
 * The real allocator is found with dlsym(RTLD_NEXT): the C library's, or
 * AddressSanitizer's in a sanitizer build (run with
 * ASAN_OPTIONS=verify_asan_link_order=0), so leak checking still works. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);

static int armed;           /* main has started in coalmap */
static pthread_t main_thread; /* only its allocations count */
static __thread int inside; /* in a Graphviz call: neither count nor fail */
static unsigned long fail_at, count, failed;
static int trace; /* COALMAP_FAIL_TRACE=1: each counted allocation's caller on stderr */
static int threads_mode; /* COALMAP_FAIL_THREADS=1: the other threads' allocations count */

/* dlsym may allocate before the real functions are known. */
static char boot[4096];
static size_t boot_used;

static void *boot_alloc(size_t n)
{
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (boot_used + n > sizeof(boot))
		return NULL;
	p = boot + boot_used;
	boot_used += n;
	return p;
}

static int is_boot(const void *p)
{
	return (const char *)p >= boot && (const char *)p < boot + sizeof(boot);
}

static void resolve(void)
{
	static int busy;

	if (real_malloc || busy)
		return;
	busy = 1;
	real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
	real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	busy = 0;
}

/* 1 if this allocation is the one to fail. */
static int fail_now(void *ra)
{
	unsigned long n;

	if (!armed || inside || pthread_equal(pthread_self(), main_thread) != !threads_mode)
		return 0;
	n = __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED);
	if (trace) {
		Dl_info di;
		char buf[256];
		int k;

		if (dladdr(ra, &di) && di.dli_fname)
			k = snprintf(buf, sizeof(buf), "%lu %s %s+%#lx\n", n, di.dli_fname,
				     di.dli_sname ? di.dli_sname : "?", (unsigned long)((char *)ra - (char *)di.dli_fbase));
		else
			k = snprintf(buf, sizeof(buf), "%lu %p\n", n, ra);
		if (k > 0 && write(2, buf, (size_t)k) < 0)
			trace = 0;
	}
	if (fail_at && n == fail_at) {
		failed = 1;
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *malloc(size_t n)
{
	resolve();
	if (!real_malloc)
		return boot_alloc(n);
	if (fail_now(__builtin_return_address(0)))
		return NULL;
	return real_malloc(n);
}

void *calloc(size_t k, size_t n)
{
	resolve();
	if (!real_calloc)
		return boot_alloc(k * n); /* zeroed: static storage */
	if (fail_now(__builtin_return_address(0)))
		return NULL;
	return real_calloc(k, n);
}

void *realloc(void *p, size_t n)
{
	resolve();
	if (is_boot(p)) {
		void *q = malloc(n);
		if (q)
			memcpy(q, p, n < sizeof(boot) - (size_t)((char *)p - boot) ? n : sizeof(boot) - (size_t)((char *)p - boot));
		return q;
	}
	if (n && fail_now(__builtin_return_address(0)))
		return NULL;
	return real_realloc(p, n);
}

void free(void *p)
{
	if (!p || is_boot(p))
		return;
	resolve();
	real_free(p);
}

static void report(void)
{
	const char *file = getenv("COALMAP_FAIL_REPORT");
	FILE *f;

	armed = 0;
	if (!file || !(f = fopen(file, "w")))
		return;
	fprintf(f, "%lu %lu\n", count, failed);
	fclose(f);
}

/* main runs through here: arm the counter for coalmap only. */
typedef int main_fn(int, char **, char **);
static main_fn *real_main;

static int wrapped_main(int argc, char **argv, char **envp)
{
	const char *at = getenv("COALMAP_FAIL_AT");
	size_t n = strlen(argv[0]);

	if (n >= 7 && !strcmp(argv[0] + n - 7, "coalmap")) {
		fail_at = at ? strtoul(at, NULL, 10) : 0;
		trace = getenv("COALMAP_FAIL_TRACE") != NULL;
		threads_mode = getenv("COALMAP_FAIL_THREADS") && !strcmp(getenv("COALMAP_FAIL_THREADS"), "1");
		atexit(report);
		main_thread = pthread_self();
		armed = 1;
	}
	return real_main(argc, argv, envp);
}

int __libc_start_main(main_fn *main, int argc, char **argv, void (*init)(void), void (*fini)(void),
		      void (*rtld_fini)(void), void *stack_end);

int __libc_start_main(main_fn *main, int argc, char **argv, void (*init)(void), void (*fini)(void),
		      void (*rtld_fini)(void), void *stack_end)
{
	int (*next)(main_fn *, int, char **, void (*)(void), void (*)(void), void (*)(void), void *) =
		(int (*)(main_fn *, int, char **, void (*)(void), void (*)(void), void (*)(void), void *))dlsym(
			RTLD_NEXT, "__libc_start_main");

	real_main = main;
	return next(wrapped_main, argc, argv, init, fini, rtld_fini, stack_end);
}

/* Graphviz calls: allocations inside are neither counted nor failed. */
#define PASS(ret, name, params, args)                                       \
	ret name params                                                       \
	{                                                                     \
		static ret(*next) params;                                     \
		ret r_;                                                        \
		if (!next)                                                    \
			*(void **)&next = dlsym(RTLD_NEXT, #name);            \
		inside++;                                                     \
		r_ = next args;                                               \
		inside--;                                                     \
		return r_;                                                    \
	}

PASS(GVC_t *, gvContext, (void), ())
/* libgomp, which igraph uses, exits on a failed allocation (gomp_malloc) */
void omp_set_num_threads(int n);
void omp_set_num_threads(int n)
{
	static void (*next)(int);

	if (!next)
		*(void **)&next = dlsym(RTLD_NEXT, "omp_set_num_threads");
	inside++;
	next(n);
	inside--;
}

/* igraph 0.10.2's lazy incidence lists (Dijkstra inside the k shortest
 * paths) catch a failed igraph_incident and then destroy a list the error
 * handler has already freed */
int igraph_get_k_shortest_paths(const void *g, const void *w, void *vp, void *ep, long k, long from,
				long to, int mode);
PASS(int, igraph_get_k_shortest_paths,
     (const void *g, const void *w, void *vp, void *ep, long k, long from, long to, int mode),
     (g, w, vp, ep, k, from, to, mode))

void GOMP_parallel(void (*fn)(void *), void *data, unsigned nthreads, unsigned flags);
void GOMP_parallel(void (*fn)(void *), void *data, unsigned nthreads, unsigned flags)
{
	static void (*next)(void (*)(void *), void *, unsigned, unsigned);

	if (!next)
		*(void **)&next = dlsym(RTLD_NEXT, "GOMP_parallel");
	inside++;
	next(fn, data, nthreads, flags);
	inside--;
}
PASS(int, gvLayout, (GVC_t * g, graph_t *gr, const char *e), (g, gr, e))
PASS(int, gvFreeLayout, (GVC_t * g, graph_t *gr), (g, gr))
PASS(int, gvRenderData, (GVC_t * g, graph_t *gr, const char *f, char **r, unsigned int *n), (g, gr, f, r, n))
PASS(Agraph_t *, agopen, (char *name, Agdesc_t desc, Agdisc_t *disc), (name, desc, disc))
PASS(int, agclose, (Agraph_t * g), (g))
PASS(Agnode_t *, agnode, (Agraph_t * g, char *name, int create), (g, name, create))
PASS(Agedge_t *, agedge, (Agraph_t * g, Agnode_t *t, Agnode_t *h, char *name, int create), (g, t, h, name, create))
PASS(Agsym_t *, agattr, (Agraph_t * g, int kind, char *name, char *value), (g, kind, name, value))
PASS(int, agsafeset, (void *obj, char *name, char *value, char *def), (obj, name, value, def))

/* cairo's drawing calls (the charts, viz/chart.c): cairo 1.16 does not
 * survive every failed allocation either.  Its text goes through
 * fontconfig, which dereferences NULL after one (FcConfigSubstituteWithPat,
 * fontconfig 2.14); the SVG surface's finish crashes after one; a fill or
 * paint may absorb one and draw something else, with no error status;
 * creating an SVG surface leaks after one.
 * Outside what coalmap can promise; a failure in the calls that build the
 * context and its paths puts the context in error, which coalmap checks.
 * Opaque pointers: the shim does not need cairo's header. */
#define PASS_VOID(name, params, args)                                      \
	void name params;                                                     \
	void name params                                                      \
	{                                                                     \
		static void(*next) params;                                    \
		if (!next)                                                    \
			*(void **)&next = dlsym(RTLD_NEXT, #name);            \
		inside++;                                                     \
		next args;                                                    \
		inside--;                                                     \
	}
PASS_VOID(cairo_text_extents, (void *cr, const char *s, void *e), (cr, s, e))
PASS_VOID(cairo_show_text, (void *cr, const char *s), (cr, s))
PASS_VOID(cairo_paint, (void *cr), (cr))
PASS_VOID(cairo_fill, (void *cr), (cr))
PASS_VOID(cairo_stroke, (void *cr), (cr))
PASS_VOID(cairo_surface_finish, (void *sf), (sf))
/* cairo 1.16 leaks what it allocated before a failed allocation inside
 * the SVG surface's creation (LeakSanitizer, the chart scenarios) */
void *cairo_svg_surface_create_for_stream(void *write, void *closure, double w, double h);
PASS(void *, cairo_svg_surface_create_for_stream, (void *write, void *closure, double w, double h),
     (write, closure, w, h))
void *cairo_pdf_surface_create_for_stream(void *write, void *closure, double w, double h);
PASS(void *, cairo_pdf_surface_create_for_stream, (void *write, void *closure, double w, double h),
     (write, closure, w, h))
int cairo_surface_write_to_png_stream(void *sf, void *write, void *closure);
PASS(int, cairo_surface_write_to_png_stream, (void *sf, void *write, void *closure), (sf, write, closure))

void gvFreeRenderData(char *data)
{
	static void (*next)(char *);

	if (!next)
		*(void **)&next = dlsym(RTLD_NEXT, "gvFreeRenderData");
	inside++;
	next(data);
	inside--;
}
