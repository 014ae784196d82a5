/* lists.c - ';'-separated lists (issues, skills) and small sets of names. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* 1 if s is one of l (case-insensitive). */
int cm_strlist_has(const struct cm_strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcasecmp(l->v[i], s))
			return 1;
	return 0;
}

/* 1 if the ';'-separated list contains item (case-insensitive). */
int cm_list_has(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ';');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && !strncasecmp(p, item, n))
			return 1;
		p += k + (e != NULL);
	}
	return 0;
}

/* Calls fn for every item of a ';'-separated list. */
void cm_list_each(const char *list, void (*fn)(const char *item, size_t n, void *ctx), void *ctx)
{
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ';');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k)
			fn(p, k, ctx);
		p += k + (e != NULL);
	}
}

int cm_nameset_has(const struct cm_nameset *s, const char *x, size_t n)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strlen(s->v[i]) == n && !strncasecmp(s->v[i], x, n))
			return 1;
	return 0;
}

void cm_nameset_add(const char *x, size_t n, void *ctx)
{
	struct cm_nameset *s = ctx;

	if (!n || cm_nameset_has(s, x, n))
		return;
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		char **v = realloc(s->v, cap * sizeof(*v));
		if (!v) {
			s->nomem = 1;
			return;
		}
		s->v = v;
		s->cap = cap;
	}
	if (!(s->v[s->n] = strndup(x, n))) {
		s->nomem = 1;
		return;
	}
	s->n++;
}

void cm_nameset_release(struct cm_nameset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

