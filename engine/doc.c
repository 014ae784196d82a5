/* doc.c - struct cm_doc: a title, headed parts holding tables and figures. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void cm_doc_init(struct cm_doc *d)
{
	memset(d, 0, sizeof(*d));
}

void cm_doc_release(struct cm_doc *d)
{
	size_t i;

	for (i = 0; i < d->nparts; i++) {
		struct cm_doc_part *p = &d->parts[i];
		free(p->anchor);
		free(p->heading);
		free(p->intro);
		free(p->note);
		cm_table_release(&p->table);
	}
	free(d->parts);
	free(d->title);
	free(d->lede);
	free(d->footer);
	for (i = 0; i < CM_DOC_FIGURES; i++) {
		free(d->fig[i].svg);
		free(d->fig[i].caption);
		free(d->fig[i].file);
		cm_table_release(&d->fig[i].data);
	}
	memset(d, 0, sizeof(*d));
}

struct cm_doc_part *cm_doc_add(struct cm_doc *d, const char *anchor, const char *heading, const char *intro)
{
	struct cm_doc_part *parts = realloc(d->parts, (d->nparts + 1) * sizeof(*parts)), *p;

	if (!parts)
		return NULL;
	d->parts = parts;
	p = &parts[d->nparts];
	memset(p, 0, sizeof(*p));
	cm_table_init(&p->table, 0);
	p->anchor = strdup(anchor);
	p->heading = strdup(heading);
	p->intro = intro ? strdup(intro) : NULL;
	if (!p->anchor || !p->heading || (intro && !p->intro)) {
		free(p->anchor);
		free(p->heading);
		free(p->intro);
		return NULL;
	}
	d->nparts++;
	return p;
}

int cm_doc_has_figure(const struct cm_doc *d, enum cm_doc_figure_id id)
{
	size_t i;

	for (i = 0; i < d->nparts; i++)
		if (d->parts[i].figure == (int)id + 1)
			return 1;
	return 0;
}

int cm_doc_name_figures(struct cm_doc *d, const char *path)
{
	static const char *const suffix[CM_DOC_FIGURES] = { "map", "stakeholders", "inequality", "trend" };
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
	int k;

	for (k = 0; k < CM_DOC_FIGURES; k++) {
		struct cm_doc_figure *g = &d->fig[k];
		size_t n = stem + strlen(suffix[k]) + sizeof("-.svg");
		if (!g->svg)
			continue;
		free(g->file);
		if (!(g->file = malloc(n)))
			return CM_ENOMEM;
		snprintf(g->file, n, "%.*s-%s.svg", (int)stem, path, suffix[k]);
	}
	return CM_OK;
}
