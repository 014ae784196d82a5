/* strmap.h - the engine's one hash table: strings (ids, group values,
 * categories) to dense indexes (engine-private).
 *
 * Open addressing with linear probing, power-of-two size, at most half
 * full.  A slot holds index + 1 (0 = empty), 32 bits of the hash and the
 * key: a string of up to 7 bytes itself (bytes, length in the top byte),
 * a longer one as its offset in a string pool with the top bit set.  So a
 * probe needs no other memory until the hashes agree, and short strings
 * none at all.  The hot lookups are inline: the loader resolves millions
 * of tie ends through them. */
#ifndef CM_STRMAP_H
#define CM_STRMAP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct cm_strpool;

struct cm_strmap_slot {
	uint32_t idx;  /* index + 1; 0 = empty */
	uint32_t h32;
	uint64_t key;  /* cm_strmap_key(); 0 for maps with their own equality */
};

struct cm_strmap {
	struct cm_strmap_slot *slots;
	size_t cap, n;
};

#define CM_STRMAP_LONG (1ull << 63)

/* FNV-1a's low bits are weak for short keys such as "o123", so mix them
 * (murmur3's finalizer) before use; the low 32 bits pick the slot and are
 * kept in it, to rehash and to skip most unequal keys without a lookup. */
static inline uint64_t cm_hash_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

/* The key of string s[0..n), stored in a pool at offset off when longer
 * than 7 bytes. */
static inline uint64_t cm_strmap_key(const char *s, size_t n, size_t off)
{
	uint64_t k = 0;

	if (n > 7)
		return (uint64_t)off | CM_STRMAP_LONG;
	memcpy(&k, s, n);
	return k | (uint64_t)n << 56;
}

/* The hash a map keeps for s[0..n). */
uint64_t cm_strmap_hash(const char *s, size_t n);

/* What a lookup answers when the string is not in the map. */
#define CM_STRMAP_NONE ((size_t)-1)

/* Doubles the table (or makes the first).  0 or CM_ENOMEM. */
int cm_strmap_grow(struct cm_strmap *m);
void cm_strmap_release(struct cm_strmap *m);

/* Looks up hash h with equality eq(ctx, index, idx); returns the index
 * found, or inserts idx (with key) and returns (size_t)-1; (size_t)-2 on
 * ENOMEM. */
static inline size_t cm_strmap_put(struct cm_strmap *m, uint64_t h, size_t idx, uint64_t key,
				   int (*eq)(const void *, size_t, size_t), const void *ctx)
{
	uint32_t h32 = (uint32_t)h;
	size_t j;

	if ((2 * (m->n + 1) > m->cap && cm_strmap_grow(m) < 0) || idx >= UINT32_MAX)
		return (size_t)-2;
	j = h32 & (m->cap - 1);
	while (m->slots[j].idx) {
		if (m->slots[j].h32 == h32 && eq(ctx, m->slots[j].idx - 1, idx))
			return m->slots[j].idx - 1;
		j = (j + 1) & (m->cap - 1);
	}
	m->slots[j].idx = (uint32_t)idx + 1;
	m->slots[j].h32 = h32;
	m->slots[j].key = key;
	m->n++;
	return (size_t)-1;
}

/* The index of the string key (cm_strmap_key; a long one in kpool) with
 * hash h32 in a map keyed into pool, or (size_t)-1. */
static inline size_t cm_strmap_find_key(const struct cm_strmap *m, const char *pool, uint32_t h32, uint64_t key,
					const char *kpool)
{
	size_t j;

	if (!m->cap)
		return (size_t)-1;
	j = h32 & (m->cap - 1);
	while (m->slots[j].idx) {
		const struct cm_strmap_slot *x = &m->slots[j];
		if (x->h32 == h32) {
			if (!(key & CM_STRMAP_LONG)) {
				if (x->key == key)
					return x->idx - 1;
			} else if (x->key & CM_STRMAP_LONG) {
				if (strcmp(pool + (x->key & ~CM_STRMAP_LONG), kpool + (key & ~CM_STRMAP_LONG)) == 0)
					return x->idx - 1;
			}
		}
		j = (j + 1) & (m->cap - 1);
	}
	return (size_t)-1;
}

/* The index of s[0..n) in a map keyed into pool, or (size_t)-1. */
static inline size_t cm_strmap_find(const struct cm_strmap *m, const char *pool, const char *s, size_t n)
{
	uint32_t h32 = (uint32_t)cm_strmap_hash(s, n);
	uint64_t key = cm_strmap_key(s, n, 0);
	size_t j;

	if (!m->cap)
		return (size_t)-1;
	j = h32 & (m->cap - 1);
	while (m->slots[j].idx) {
		const struct cm_strmap_slot *x = &m->slots[j];
		if (x->h32 == h32) {
			if (n <= 7) {
				if (x->key == key)
					return x->idx - 1;
			} else if (x->key & CM_STRMAP_LONG) {
				const char *k = pool + (x->key & ~CM_STRMAP_LONG);
				if (memcmp(k, s, n) == 0 && k[n] == '\0')
					return x->idx - 1;
			}
		}
		j = (j + 1) & (m->cap - 1);
	}
	return (size_t)-1;
}

/* A set of distinct strings numbered in order of first appearance, in a
 * pool of their own: group values, categories. */
struct cm_strset {
	struct cm_strmap map;
	char *buf;               /* the strings, NUL-terminated */
	size_t len, cap;
	size_t *off;             /* off[i]: string i in buf */
	size_t n, ocap;
};

void cm_strset_init(struct cm_strset *s);
void cm_strset_release(struct cm_strset *s);
/* The index of s[0..n), added when new; -1 on ENOMEM. */
long cm_strset_add(struct cm_strset *s, const char *str, size_t n);
static inline const char *cm_strset_get(const struct cm_strset *s, size_t i)
{
	return s->buf + s->off[i];
}

#endif
