/* rng.h - a small seeded random generator for engine threads
 * (engine-private): xoshiro256** (Blackman and Vigna 2018) seeded through
 * splitmix64 from (seed, stream, index), so that draw number index of a
 * stream is the same whichever thread makes it, and no global state (such
 * as igraph's RNG) is touched. */
#ifndef CM_RNG_H
#define CM_RNG_H

#include <stddef.h>
#include <stdint.h>

struct cm_rng {
	uint64_t s[4];
};

/* splitmix64: the next value of the sequence that *x walks. */
static inline uint64_t cm_splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* A generator for (seed, stream, index): each part is mixed in turn, so
 * neighbouring seeds, streams and indices give unrelated sequences. */
static inline void cm_rng_init(struct cm_rng *r, uint64_t seed, uint64_t stream, uint64_t index)
{
	uint64_t x = seed, k;

	x = cm_splitmix64(&x) ^ stream;
	x = cm_splitmix64(&x) ^ index;
	for (k = 0; k < 4; k++)
		r->s[k] = cm_splitmix64(&x);
}

static inline uint64_t cm_rng_rotl(uint64_t v, int k)
{
	return (v << k) | (v >> (64 - k));
}

static inline uint64_t cm_rng_next(struct cm_rng *r)
{
	uint64_t *s = r->s, out = cm_rng_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = cm_rng_rotl(s[3], 45);
	return out;
}

/* Uniform on 0 .. n-1 (n > 0), without modulo bias (Lemire 2019). */
static inline uint64_t cm_rng_below(struct cm_rng *r, uint64_t n)
{
	unsigned __int128 m = (unsigned __int128)cm_rng_next(r) * n;
	uint64_t low = (uint64_t)m;

	if (low < n) {
		uint64_t floor = -n % n;
		while (low < floor) {
			m = (unsigned __int128)cm_rng_next(r) * n;
			low = (uint64_t)m;
		}
	}
	return (uint64_t)(m >> 64);
}

/* Fisher-Yates: v[0 .. n) in uniformly random order. */
static inline void cm_rng_shuffle_u32(struct cm_rng *r, uint32_t *v, size_t n)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = (size_t)cm_rng_below(r, i);
		uint32_t t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

#endif
