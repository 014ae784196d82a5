/* strmap.c - the engine's one hash table (strmap.h): growth, and sets of strings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

uint64_t cm_strmap_hash(const char *s, size_t n)
{
	return cm_hash_mix(cm_hash_bytes(s, n, CM_HASH_INIT));
}

/* Zeroed memory for a large table, on huge pages where the system allows
 * it (fewer TLB misses on random probes).  Release with free. */
static void *table_alloc(size_t bytes)
{
	void *p;

	if (bytes < ((size_t)4 << 20))
		return calloc(1, bytes);
	if (posix_memalign(&p, (size_t)2 << 20, bytes) != 0)
		return NULL;
#ifdef MADV_HUGEPAGE
	madvise(p, bytes, MADV_HUGEPAGE);
#endif
	memset(p, 0, bytes);
	return p;
}

int cm_strmap_grow(struct cm_strmap *m)
{
	size_t cap = m->cap ? 2 * m->cap : 1024, i;
	struct cm_strmap_slot *slots = cap <= ((size_t)1 << 32) ? table_alloc(cap * sizeof(*slots)) : NULL;

	if (!slots)
		return CM_ENOMEM;
	for (i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->slots[i].idx)
			continue;
		j = m->slots[i].h32 & (cap - 1);
		while (slots[j].idx)
			j = (j + 1) & (cap - 1);
		slots[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return CM_OK;
}

void cm_strmap_release(struct cm_strmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

void cm_strset_init(struct cm_strset *s)
{
	memset(s, 0, sizeof(*s));
}

void cm_strset_release(struct cm_strset *s)
{
	cm_strmap_release(&s->map);
	free(s->buf);
	free(s->off);
	memset(s, 0, sizeof(*s));
}

long cm_strset_add(struct cm_strset *s, const char *str, size_t n)
{
	size_t found;

	if (!s->map.cap && cm_strmap_grow(&s->map) < 0)
		return -1;
	found = cm_strmap_find(&s->map, s->buf ? s->buf : "", str, n);
	if (found != (size_t)-1)
		return (long)found;
	if (s->n == s->ocap) {
		size_t nc = s->ocap ? 2 * s->ocap : 16;
		size_t *o = realloc(s->off, nc * sizeof(*o));
		if (!o)
			return -1;
		s->off = o;
		s->ocap = nc;
	}
	if (s->len + n + 1 > s->cap) {
		size_t nc = s->cap ? 2 * s->cap : 256;
		char *b;
		while (nc < s->len + n + 1)
			nc *= 2;
		if (!(b = realloc(s->buf, nc)))
			return -1;
		s->buf = b;
		s->cap = nc;
	}
	memcpy(s->buf + s->len, str, n);
	s->buf[s->len + n] = '\0';
	s->off[s->n] = s->len;
	/* every string is new here, so equality is never asked */
	if (cm_strmap_put(&s->map, cm_strmap_hash(str, n), s->n, cm_strmap_key(str, n, s->len), NULL, NULL) ==
	    (size_t)-2)
		return -1;
	s->len += n + 1;
	return (long)s->n++;
}
