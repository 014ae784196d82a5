/* names.c - what a user types for an organization, a tie type, an org
 * type, a region or a stance, checked against the landscape: an unknown
 * name is a usage error that lists what exists and suggests the nearest
 * ("did you mean"), the same way for every command. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "schema.h"

/* Edit distance between a and b without case (optimal string alignment:
 * insert, delete, substitute, swap two neighbours), or max + 1 when it is
 * more than max.  Names are short; longer ones are not compared. */
static unsigned distance(const char *a, const char *b, unsigned max)
{
	enum { LONGEST = 64 };
	unsigned row[3][LONGEST + 1], best;
	size_t n = strlen(a), m = strlen(b), i, j;

	if (n > LONGEST || m > LONGEST || (n > m ? n - m : m - n) > max)
		return max + 1;
	for (j = 0; j <= m; j++)
		row[0][j] = (unsigned)j;
	for (i = 1; i <= n; i++) {
		unsigned *cur = row[i % 3], *prev = row[(i - 1) % 3], *prev2 = row[(i + 1) % 3];
		cur[0] = (unsigned)i;
		best = cur[0];
		for (j = 1; j <= m; j++) {
			int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
			unsigned d = prev[j - 1] + (ca != cb);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		if (best > max)
			return max + 1;
	}
	return row[n % 3][m];
}

void cm_near_init(struct cm_near *x, const char *word)
{
	memset(x, 0, sizeof(*x));
	x->word = word;
	x->d = strlen(word) <= 4 ? 2 : 3; /* one more than allowed */
}

void cm_near_offer(struct cm_near *x, const char *cand, size_t org)
{
	unsigned d;

	if (!*cand || !strcmp(cand, x->word))
		return;
	d = distance(x->word, cand, x->d);
	if (d < x->d) {
		x->d = d;
		x->best = cand;
		x->best_org = org;
		x->tie = 0;
	} else if (d == x->d && x->best && (org != x->best_org || strcasecmp(cand, x->best))) {
		x->tie = 1;
	}
}

/* Appends printf output to buf[0..size) at *at, truncating. */
static void add(char *buf, size_t size, size_t *at, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*at >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *at, size - *at, fmt, ap);
	va_end(ap);
	*at = n < 0 ? size : *at + (size_t)n;
}

/* ---- organizations */

int cm_org_lookup(const struct cm_landscape *l, const char *key, size_t *index, struct cm_error *err)
{
	const char *p = l->pool.buf;
	long i = cm_org_find(l, key);
	size_t j, named = 0, first = 0, second = 0, contains = 0, hit[3] = { 0 }, nocase = 0, which = 0;
	struct cm_near x;
	char msg[480];
	size_t at = 0;

	if (i >= 0 || (i = cm_hidden_find_name(l, key)) >= 0) { /* an anonymised org by its own name */
		*index = (size_t)i;
		return CM_OK;
	}
	cm_near_init(&x, key);
	for (j = 0; j < l->norgs; j++) {
		const char *id = p + l->orgs[j].id, *name = p + l->orgs[j].name;
		if (!strcmp(name, key)) {
			if (!named++)
				first = j;
			else if (named == 2)
				second = j;
			continue;
		}
		if (!strcasecmp(name, key) || !strcasecmp(id, key))
			nocase++, which = j;
		cm_near_offer(&x, id, j);
		cm_near_offer(&x, name, j);
		if (*key && strcasestr(name, key) && contains++ < 3)
			hit[contains - 1] = j;
	}
	if (named == 1 || (!named && nocase == 1)) { /* "Peter Thiel" for PETER THIEL */
		*index = named ? first : which;
		return CM_OK;
	}
	if (named > 1)
		return cm_error_set(err, CM_EUSAGE, l->orgs_path, 0, 0,
				    "'%.80s' is the name of %zu organizations (ids '%.60s', '%.60s'%s); give the id",
				    key, named, p + l->orgs[first].id, p + l->orgs[second].id, named > 2 ? ", ..." : "");
	add(msg, sizeof(msg), &at, "no organization '%.80s' (neither an id nor a name)", key);
	if (x.best && !x.tie) {
		const char *id = p + l->orgs[x.best_org].id;
		add(msg, sizeof(msg), &at, "; did you mean '%.80s'", x.best);
		if (strcmp(id, x.best))
			add(msg, sizeof(msg), &at, " (id '%.80s')", id);
		add(msg, sizeof(msg), &at, "?");
	} else if (contains && contains <= 3) {
		add(msg, sizeof(msg), &at, "; names containing it:");
		for (j = 0; j < contains; j++)
			add(msg, sizeof(msg), &at, "%s '%.60s' (id '%.60s')", j ? "," : "", p + l->orgs[hit[j]].name,
			    p + l->orgs[hit[j]].id);
		add(msg, sizeof(msg), &at, ".");
	}
	return cm_error_set(err, CM_EUSAGE, l->orgs_path, 0, 0, "%s", msg);
}

/* ---- tie types, org types, regions, stances */

/* The distinct values of kind in l, added to s. */
static int values_of(const struct cm_landscape *l, enum cm_name_kind kind, struct cm_strset *s)
{
	const char *p = l->pool.buf;
	size_t i;

	if (kind == CM_NAME_TIE_TYPE) {
		for (i = 0; i < l->ntie_types; i++)
			if (cm_strset_add(s, l->tie_types[i], strlen(l->tie_types[i])) < 0)
				return CM_ENOMEM;
		return CM_OK;
	}
	if (kind == CM_NAME_STANCE) { /* the vocabulary, present or not */
		for (i = 1; i < 4; i++)
			if (cm_strset_add(s, cm_stance_words[i], strlen(cm_stance_words[i])) < 0)
				return CM_ENOMEM;
		return CM_OK;
	}
	for (i = 0; i < l->norgs; i++) {
		const char *v = p + (kind == CM_NAME_ORG_TYPE ? l->orgs[i].type : l->orgs[i].region);
		if (*v && cm_strset_add(s, v, strlen(v)) < 0)
			return CM_ENOMEM;
	}
	return CM_OK;
}

static const char *const kind_words[][2] = {
	[CM_NAME_TIE_TYPE] = { "tie", "type" },
	[CM_NAME_ORG_TYPE] = { "organization", "type" },
	[CM_NAME_REGION] = { "organization", "region" },
	[CM_NAME_STANCE] = { "organization", "stance" },
};

/* The usage error for name, unknown among the values in s. */
static int unknown(const struct cm_strset *s, enum cm_name_kind kind, const char *option, const char *name,
		   const char *file, struct cm_error *err)
{
	struct cm_near x;
	char msg[480];
	size_t at = 0, i, shown;

	cm_near_init(&x, name);
	for (i = 0; i < s->n; i++)
		cm_near_offer(&x, cm_strset_get(s, i), 0);
	add(msg, sizeof(msg), &at, "%s: no %s has %s '%.80s'", option, kind_words[kind][0], kind_words[kind][1],
	    name);
	if (x.best && !x.tie)
		add(msg, sizeof(msg), &at, "; did you mean '%.80s'?", x.best);
	if (!s->n) {
		add(msg, sizeof(msg), &at, " (no %s has a %s)", kind_words[kind][0], kind_words[kind][1]);
		return cm_error_set(err, CM_EUSAGE, file, 0, 0, "%s", msg);
	}
	add(msg, sizeof(msg), &at, "%s The %ss present:", x.best && !x.tie ? "" : ".", kind_words[kind][1]);
	for (i = 0; i < s->n && at + 40 < sizeof(msg); i++)
		add(msg, sizeof(msg), &at, "%s %.60s", i ? "," : "", cm_strset_get(s, i));
	shown = i;
	if (shown < s->n)
		add(msg, sizeof(msg), &at, " and %zu more", s->n - shown);
	return cm_error_set(err, CM_EUSAGE, file, 0, 0, "%s", msg);
}

int cm_names_check(const struct cm_landscape *const *ls, size_t nls, enum cm_name_kind kind, const char *option,
		   const char *const *names, size_t n, struct cm_error *err)
{
	struct cm_strset s;
	size_t i, k;
	int rc = CM_OK;

	if (!n || !nls)
		return CM_OK;
	cm_strset_init(&s);
	for (k = 0; k < nls; k++)
		if (ls[k] && values_of(ls[k], kind, &s) < 0) {
			cm_strset_release(&s);
			return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
		}
	for (i = 0; i < n && rc == CM_OK; i++) {
		for (k = 0; k < s.n && strcasecmp(names[i], cm_strset_get(&s, k)); k++)
			;
		if (k == s.n)
			rc = unknown(&s, kind, option, names[i],
				     kind == CM_NAME_TIE_TYPE ? ls[0]->ties_path : ls[0]->orgs_path, err);
	}
	cm_strset_release(&s);
	return rc;
}
