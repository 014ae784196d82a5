/* cache.c - the measures one command computed, kept for the next
 * (docs/cache.md): a file per analysis in a folder beside the landscape,
 * named by a key of everything the cached kernels read.
 *
 * The key is a 128-bit hash of the graphs the kernels run on (the
 * collaboration graph's compressed adjacency with its weights, the tie
 * graph's arcs with theirs), of the options that change how they are
 * computed (sampling, bounds, seed), and of the bytes of the library that
 * computes them: whatever the data's format, schema or filter, the same
 * graphs give the same key, and a change to any input or to coalmap itself
 * gives another.  A file is never stale, only unused; deleting the folder
 * loses nothing but time.  Only the kernels that read nothing but the
 * graphs are kept (paths, eigenvector, PageRank, triangles, constraint,
 * coreness, articulation points, communities, core/periphery); files are
 * written whole under a temporary name and renamed, so a reader never sees
 * half of one; a file that is short, damaged or from another key is
 * ignored.  The folder keeps the CACHE_KEEP most recent files. */
#include "config.h"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis.h"

#define CACHE_MAGIC "coalmap-cache-3\n"
#define CACHE_KEEP 8
/* the kernels that read nothing but the graphs and the path options */
#define CACHED (CM_K_PATHS | CM_K_EIGEN | CM_K_PAGERANK | CM_K_LOCAL | CM_K_CONSTRAINT | CM_K_CORE | \
		CM_K_CUTS | CM_K_COMMUNITY | CM_K_CP)

/* ---- the key: two 64-bit multiply-xorshift hashes with different seeds */

struct hash {
	uint64_t h[2];
};

static inline uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v * 0x9E3779B97F4A7C15ull;
	h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
	return h ^ (h >> 32);
}

static void hash_bytes(struct hash *k, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t a = k->h[0] ^ n, b = k->h[1] + n;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		a = mix(a, v);
		b = mix(b, v ^ 0xD6E8FEB86659FD93ull);
	}
	if (i < n) {
		uint64_t v = 0;
		memcpy(&v, s + i, n - i);
		a = mix(a, v);
		b = mix(b, v ^ 0xD6E8FEB86659FD93ull);
	}
	k->h[0] = a;
	k->h[1] = b;
}

/* The library's own bytes (the shared object, or the program it is linked
 * into): results computed by another build never match. */
static int hash_self(struct hash *k)
{
	static struct hash self;
	static int done;
	Dl_info di;
	FILE *f;
	char buf[1 << 16];
	size_t got;

	if (!done) {
		if (!dladdr((void *)cm_cache_load, &di) || !di.dli_fname || !(f = fopen(di.dli_fname, "rb")))
			return -1;
		while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
			hash_bytes(&self, buf, got);
		if (ferror(f)) {
			fclose(f);
			return -1;
		}
		fclose(f);
		done = 1;
	}
	hash_bytes(k, self.h, sizeof(self.h));
	return 0;
}

/* The key of a's file: computed once per context (an O(n + m) pass over
 * the graphs), then kept for the save after the load. */
static int key_of(struct cm_analysis *a, struct hash *k)
{
	const struct cm_filter *f = &a->f;
	size_t n = a->n, arcs = (size_t)a->c.start[n];
	igraph_integer_t m = igraph_ecount(&a->g.tie), e;
	uint64_t opt[8];

	if (a->cache_keyed) {
		memcpy(k->h, a->cache_key, sizeof(k->h));
		return 0;
	}
	memset(k, 0, sizeof(*k));
	k->h[1] = 0x5851F42D4C957F2Dull;
	hash_bytes(k, CACHE_MAGIC, strlen(CACHE_MAGIC));
	if (hash_self(k) < 0)
		return -1;
	opt[0] = n;
	opt[1] = cm_path_samples(a->l, f);
	opt[2] = (uint64_t)f->weighted;
	memcpy(&opt[3], &f->epsilon, 8);
	memcpy(&opt[4], &f->delta, 8);
	opt[5] = f->certify;
	opt[6] = f->seed ? f->seed : 1;
	opt[7] = arcs;
	hash_bytes(k, opt, sizeof(opt));
	hash_bytes(k, a->c.start, (n + 1) * sizeof(*a->c.start));
	hash_bytes(k, a->c.nbr, arcs * sizeof(*a->c.nbr));
	hash_bytes(k, a->c.w, arcs * sizeof(*a->c.w));
	for (e = 0; e < m; e++) {
		uint64_t arc[3] = { (uint64_t)IGRAPH_FROM(&a->g.tie, e), (uint64_t)IGRAPH_TO(&a->g.tie, e), 0 };
		memcpy(&arc[2], &VECTOR(a->g.tie_w)[e], 8);
		hash_bytes(k, arc, sizeof(arc));
	}
	memcpy(a->cache_key, k->h, sizeof(k->h));
	a->cache_keyed = 1;
	return 0;
}

static void file_of(const struct cm_analysis *a, const struct hash *k, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%016llx%016llx.cmcache", a->cache_dir, (unsigned long long)k->h[0],
		 (unsigned long long)k->h[1]);
}

/* ---- the file: the header, then each kept measure and the path extras */

struct head {
	char magic[16];
	uint64_t key[2];
	uint64_t n;
	uint32_t kernels;
	uint32_t measures;   /* how many (metric, values) records follow */
	/* paths */
	uint32_t sampled, eigen_failed, bounded, capped;
	uint64_t sources;
	/* the bound on betweenness */
	double eps, delta;
	uint64_t topk, certified, samples, cap;
};

static int put(FILE *f, const void *p, size_t size, size_t k)
{
	return !k || fwrite(p, size, k, f) == k ? 0 : -1;
}

static int get(FILE *f, void *p, size_t size, size_t k)
{
	return !k || fread(p, size, k, f) == k ? 0 : -1;
}

/* Which measures a kernel mask fills (the cached ones). */
static int kept(const struct cm_analysis *a, unsigned mask, int m)
{
	return (cm_metric_kernel((enum cm_metric)m) & mask) && a->v[m];
}

int cm_cache_load(struct cm_analysis *a, unsigned want)
{
	struct head h;
	struct hash k;
	char path[4096];
	FILE *f;
	size_t n = a->n, i;
	unsigned got;
	int rc = -1;
	double *v[CM_METRIC_N] = { 0 };
	struct cm_paths p = { 0 };
	struct cm_bc_bound bc = { 0 };
	char caveat[sizeof(a->cp_caveat)] = "";

	if (!a->cache_dir || a->drop || !(want & CACHED) || key_of(a, &k) < 0)
		return 0;
	file_of(a, &k, path, sizeof(path));
	if (!(f = fopen(path, "rb")))
		return 0;
	if (get(f, &h, sizeof(h), 1) < 0 || memcmp(h.magic, CACHE_MAGIC, 16) || h.key[0] != k.h[0] ||
	    h.key[1] != k.h[1] || h.n != n || (h.kernels & ~CACHED) || h.measures > CM_METRIC_N)
		goto out;
	for (i = 0; i < h.measures; i++) {
		uint32_t m;
		if (get(f, &m, sizeof(m), 1) < 0 || m >= CM_METRIC_N || v[m] || !(cm_metric_kernel(m) & h.kernels) ||
		    !(v[m] = malloc((n + 1) * sizeof(double))) || get(f, v[m], sizeof(double), n) < 0)
			goto out;
	}
	if (h.kernels & CM_K_PATHS) {
		p.sampled = (int)h.sampled;
		p.sources = h.sources;
		if (!(p.searched = malloc(n + 1)) || !(p.dist_sum = malloc((n + 1) * sizeof(double))) ||
		    !(p.ecc = malloc((n + 1) * sizeof(double))) || !(p.reached = malloc((n + 1) * sizeof(size_t))) ||
		    get(f, p.searched, 1, n) < 0 || get(f, p.dist_sum, sizeof(double), n) < 0 ||
		    get(f, p.ecc, sizeof(double), n) < 0 || get(f, p.reached, sizeof(size_t), n) < 0)
			goto out;
		if (h.bounded) {
			bc.eps = h.eps;
			bc.delta = h.delta;
			bc.topk = h.topk;
			bc.certified = h.certified;
			bc.samples = h.samples;
			bc.cap = h.cap;
			bc.capped = (int)h.capped;
			if (h.topk > n || !(bc.b = malloc((n + 1) * sizeof(double))) ||
			    !(bc.low = malloc((n + 1) * sizeof(double))) || !(bc.high = malloc((n + 1) * sizeof(double))) ||
			    !(bc.certain = malloc(h.topk + 1)) || get(f, bc.b, sizeof(double), n) < 0 ||
			    get(f, bc.low, sizeof(double), n) < 0 || get(f, bc.high, sizeof(double), n) < 0 ||
			    get(f, bc.certain, 1, h.topk) < 0)
				goto out;
		}
	}
	if ((h.kernels & CM_K_CP) && (get(f, caveat, 1, sizeof(caveat)) < 0 || caveat[sizeof(caveat) - 1]))
		goto out;
	if (fgetc(f) != EOF)
		goto out;
	/* take what was asked for and is not known yet */
	got = h.kernels & want & ~a->known;
	for (i = 0; i < CM_METRIC_N; i++)
		if (v[i] && (cm_metric_kernel((enum cm_metric)i) & got) && !a->v[i]) {
			a->v[i] = v[i];
			v[i] = NULL;
		}
	if (got & CM_K_PATHS) {
		a->paths = p;
		memset(&p, 0, sizeof(p));
		a->bc = bc;
		memset(&bc, 0, sizeof(bc));
	}
	if (got & CM_K_EIGEN)
		a->eigen_failed = (int)h.eigen_failed;
	if (got & CM_K_CP)
		memcpy(a->cp_caveat, caveat, sizeof(caveat));
	a->known |= got;
	a->cached |= got;
	rc = 0;
out:
	fclose(f);
	for (i = 0; i < CM_METRIC_N; i++)
		free(v[i]);
	cm_paths_release(&p);
	cm_bc_bound_release(&bc);
	return rc;
}

/* dir/name into buf[4096]; 0, or -1 when it does not fit. */
static int join(char *buf, const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);

	if (a + b + 2 > 4096)
		return -1;
	memcpy(buf, dir, a);
	buf[a] = '/';
	memcpy(buf + a + 1, name, b + 1);
	return 0;
}

/* Removes the oldest files of the folder beyond CACHE_KEEP. */
static void prune(const char *dir)
{
	struct old {
		char name[64];
		struct timespec t;
	} list[64];
	size_t k = 0, i, oldest;
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (!d)
		return;
	while ((e = readdir(d)) && k < sizeof(list) / sizeof(*list)) {
		struct stat st;
		size_t len = strlen(e->d_name);
		if (len < 9 || len >= sizeof(list[0].name) || strcmp(e->d_name + len - 8, ".cmcache"))
			continue;
		if (join(path, dir, e->d_name) < 0 || stat(path, &st) < 0)
			continue;
		memcpy(list[k].name, e->d_name, len + 1);
		list[k++].t = st.st_mtim;
	}
	closedir(d);
	while (k > CACHE_KEEP) {
		for (oldest = 0, i = 1; i < k; i++)
			if (list[i].t.tv_sec < list[oldest].t.tv_sec ||
			    (list[i].t.tv_sec == list[oldest].t.tv_sec && list[i].t.tv_nsec < list[oldest].t.tv_nsec))
				oldest = i;
		if (join(path, dir, list[oldest].name) == 0)
			unlink(path);
		list[oldest] = list[--k];
	}
}

void cm_cache_save(struct cm_analysis *a)
{
	struct head h;
	struct hash k;
	char path[4096], tmp[4200];
	unsigned mask = a->known & CACHED;
	size_t n = a->n, i;
	uint32_t m;
	FILE *f;
	int fd, ok;

	/* nothing new since the file was read, or written */
	if (!a->cache_dir || a->drop || !(mask & ~a->cached) || key_of(a, &k) < 0)
		return;
	if (mkdir(a->cache_dir, 0777) < 0 && errno != EEXIST)
		return;
	file_of(a, &k, path, sizeof(path));
	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0)
		return;
	if (!(f = fdopen(fd, "wb"))) {
		close(fd);
		unlink(tmp);
		return;
	}
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, CACHE_MAGIC, 16);
	h.key[0] = k.h[0];
	h.key[1] = k.h[1];
	h.n = n;
	h.kernels = mask;
	for (i = 0; i < CM_METRIC_N; i++)
		h.measures += (uint32_t)kept(a, mask, (int)i);
	h.sampled = (uint32_t)a->paths.sampled;
	h.sources = a->paths.sources;
	h.eigen_failed = (uint32_t)a->eigen_failed;
	h.bounded = a->bc.b != NULL;
	h.eps = a->bc.eps;
	h.delta = a->bc.delta;
	h.topk = a->bc.topk;
	h.certified = a->bc.certified;
	h.samples = a->bc.samples;
	h.cap = a->bc.cap;
	h.capped = (uint32_t)a->bc.capped;
	ok = put(f, &h, sizeof(h), 1) == 0;
	for (i = 0; ok && i < CM_METRIC_N; i++)
		if (kept(a, mask, (int)i)) {
			m = (uint32_t)i;
			ok = put(f, &m, sizeof(m), 1) == 0 && put(f, a->v[i], sizeof(double), n) == 0;
		}
	if (ok && (mask & CM_K_PATHS)) {
		ok = put(f, a->paths.searched, 1, n) == 0 && put(f, a->paths.dist_sum, sizeof(double), n) == 0 &&
		     put(f, a->paths.ecc, sizeof(double), n) == 0 && put(f, a->paths.reached, sizeof(size_t), n) == 0;
		if (ok && h.bounded)
			ok = put(f, a->bc.b, sizeof(double), n) == 0 && put(f, a->bc.low, sizeof(double), n) == 0 &&
			     put(f, a->bc.high, sizeof(double), n) == 0 && put(f, a->bc.certain, 1, a->bc.topk) == 0;
	}
	if (ok && (mask & CM_K_CP))
		ok = put(f, a->cp_caveat, 1, sizeof(a->cp_caveat)) == 0;
	ok &= fflush(f) == 0;
	ok &= fclose(f) == 0;
	if (!ok || rename(tmp, path) < 0) {
		unlink(tmp);
		return;
	}
	a->cached = mask;
	prune(a->cache_dir);
}
