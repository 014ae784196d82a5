/* story.c - the explorer's story steps (`coalmap explore --story FILE`,
 * docs/explore.md): a Markdown file whose "## HEADING" lines start steps,
 * each with its paragraphs and a list ("- ORG") of the organizations to
 * show.  Orgs are named as on the command line (id or name); text that
 * names an anonymised org by its own name is refused, so that a story
 * cannot undo --anonymise. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "viz/viz.h"

#define STORY_MAX_STEPS 1000

void viz_story_release(struct viz_story *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		free(st->v[i].heading);
		free(st->v[i].text);
		free(st->v[i].orgs);
	}
	free(st->v);
	memset(st, 0, sizeof(*st));
}

/* s[0..n) trimmed of spaces and tabs at both ends. */
static const char *trim(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t'))
		s++, (*n)--;
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
		(*n)--;
	return s;
}

/* Appends line s[0..n) to *text: a space within a paragraph, a blank line
 * between two (gap set). */
static int add_text(char **text, const char *s, size_t n, int gap)
{
	size_t have = *text ? strlen(*text) : 0;
	char *t = realloc(*text, have + n + 3);

	if (!t)
		return CM_ENOMEM;
	*text = t;
	if (have)
		memcpy(t + have, gap ? "\n\n" : " ", gap ? 2 : 1), have += gap ? 2 : 1;
	memcpy(t + have, s, n);
	t[have + n] = 0;
	return CM_OK;
}

static int add_org(struct viz_story_step *sp, size_t org)
{
	size_t *v = realloc(sp->orgs, (sp->norgs + 1) * sizeof(*v));

	if (!v)
		return CM_ENOMEM;
	sp->orgs = v;
	sp->orgs[sp->norgs++] = org;
	return CM_OK;
}

/* CM_EDATA at file:line when s (a heading or a paragraph) names an
 * anonymised org. */
static int check_shared(const struct cm_landscape *l, const char *s, const char *file, long line,
			struct cm_error *err)
{
	size_t at, len;
	long i = cm_landscape_anonymised(l) ? cm_hidden_mention(l, s, &at, &len) : -1;

	if (i < 0)
		return CM_OK;
	return cm_error_set(err, CM_EDATA, file, line, 0,
			    "'%.*s' is an anonymised organization: write its pseudonym, %s, or leave it out",
			    (int)len, s + at, cm_landscape_org_name(l, (size_t)i));
}

/* One line of the story, lineno in file. */
static int story_line(const struct cm_landscape *l, struct viz_story *st, const char *s, size_t n, const char *file,
		      long lineno, int *gap, struct cm_error *err)
{
	struct viz_story_step *sp = st->n ? &st->v[st->n - 1] : NULL;
	char buf[1024];
	size_t org;
	int rc;

	s = trim(s, &n);
	if (!n) {
		*gap = 1;
		return CM_OK;
	}
	if (n >= sizeof(buf))
		return cm_error_set(err, CM_EDATA, file, lineno, 0, "a line of more than %zu bytes", sizeof(buf) - 1);
	memcpy(buf, s, n);
	buf[n] = 0;
	if (n >= 2 && buf[0] == '#' && buf[1] == ' ' && !st->n)
		return check_shared(l, buf, file, lineno, err); /* the story's title: for its author */
	if (n >= 2 && !strncmp(buf, "##", 2) && (n == 2 || buf[2] == ' ')) {
		struct viz_story_step *v;
		size_t hn = n - 2;
		const char *h = trim(buf + 2, &hn);
		if (st->n == STORY_MAX_STEPS)
			return cm_error_set(err, CM_EDATA, file, lineno, 0, "more than %d steps", STORY_MAX_STEPS);
		if (!hn)
			return cm_error_set(err, CM_EDATA, file, lineno, 0, "a step without a heading");
		if ((rc = check_shared(l, h, file, lineno, err)) < 0)
			return rc;
		if (!(v = realloc(st->v, (st->n + 1) * sizeof(*v))))
			return CM_ENOMEM;
		st->v = v;
		sp = &v[st->n++];
		memset(sp, 0, sizeof(*sp));
		*gap = 0;
		return (sp->heading = strndup(h, hn)) ? CM_OK : CM_ENOMEM;
	}
	if (!sp)
		return cm_error_set(err, CM_EDATA, file, lineno, 0,
				    "text before the first step: a line '## HEADING' starts each step");
	if (n >= 2 && (buf[0] == '-' || buf[0] == '*') && buf[1] == ' ') {
		size_t kn = n - 2;
		const char *k = trim(buf + 2, &kn);
		char key[1024], why[sizeof(err->message)];
		memcpy(key, k, kn);
		key[kn] = 0;
		if (cm_org_lookup(l, key, &org, err) < 0) {
			snprintf(why, sizeof(why), "%s", err->message);
			return cm_error_set(err, CM_EDATA, file, lineno, 0, "%s", why);
		}
		return add_org(sp, org);
	}
	if ((rc = check_shared(l, buf, file, lineno, err)) < 0)
		return rc;
	rc = add_text(&sp->text, buf, n, *gap);
	*gap = 0;
	return rc;
}

int viz_story_parse(const struct cm_landscape *l, const char *text, const char *file, struct viz_story *st,
		    struct cm_error *err)
{
	const char *s = text;
	long lineno = 1;
	int gap = 0, rc = CM_OK;

	memset(st, 0, sizeof(*st));
	while (*s && rc == CM_OK) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		rc = story_line(l, st, s, n, file, lineno++, &gap, err);
		s += n + (e != NULL);
	}
	if (rc == CM_OK && !st->n)
		rc = cm_error_set(err, CM_EDATA, file, 0, 0, "no step: a line '## HEADING' starts each step");
	if (rc == CM_ENOMEM)
		cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc < 0)
		viz_story_release(st);
	return rc;
}

#define STORY_MAX_BYTES (1 << 20)

int viz_story_read(const struct cm_landscape *l, const char *path, struct viz_story *st, struct cm_error *err)
{
	FILE *f = fopen(path, "rb");
	char *text;
	size_t n;
	int rc;

	memset(st, 0, sizeof(*st));
	if (!f)
		return cm_error_set(err, CM_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
	if (!(text = malloc(STORY_MAX_BYTES + 1))) {
		fclose(f);
		return cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	n = fread(text, 1, STORY_MAX_BYTES + 1, f);
	rc = ferror(f) ? cm_error_set(err, CM_ENOINPUT, path, 0, 0, "cannot read: %s", strerror(errno)) :
	     n > STORY_MAX_BYTES ? cm_error_set(err, CM_EDATA, path, 0, 0, "more than %d bytes: not a story",
						 STORY_MAX_BYTES) :
	     memchr(text, 0, n) ? cm_error_set(err, CM_EDATA, path, 0, 0, "a NUL byte: not a text file") : CM_OK;
	fclose(f);
	if (rc == CM_OK) {
		text[n] = 0;
		rc = viz_story_parse(l, text, path, st, err);
	}
	free(text);
	return rc;
}
