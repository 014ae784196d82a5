/* convert.c - libFuzzer target for the importers: the input is written as
 * a file of every text format a reader takes (GML, GraphML, GEXF, Kumu
 * JSON, Pajek, UCINET DL, a matrix CSV), each loaded with its reader;
 * whatever loads is exported and written back as GraphML (to /dev/null),
 * GML and GEXF, and the GML and GEXF written must load again with as many
 * orgs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coalmap.h"

static char dir[64];
static const struct cm_load_opts as_gml = { .format = "gml" }, as_gexf = { .format = "gexf" };
static const char *const formats[] = { "gml", "graphml", "gexf", "kumu-json", "pajek", "dl", "matrix" };

static void put(const char *path, const uint8_t *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		abort();
	fwrite(p, 1, n, f);
	fclose(f);
}

/* Writes the tables with write to path, which must load back as opts
 * says with l's orgs, unless the writer said it left characters out (XML
 * cannot hold control characters: an id made of them may come out empty
 * or equal to another). */
static void write_back(const struct cm_landscape *l, const struct cm_table *o, const struct cm_table *t,
		       const char *path, const struct cm_load_opts *opts,
		       int (*write)(const struct cm_table *, const struct cm_table *, FILE *, size_t *))
{
	struct cm_landscape *back = NULL;
	FILE *f = fopen(path, "w");
	size_t stripped = 0;
	int ok;

	if (!f)
		return;
	ok = write(o, t, f, &stripped) == CM_OK;
	fclose(f);
	if (!ok || stripped)
		return;
	if (cm_landscape_open(&back, path, opts, NULL, NULL) != CM_OK ||
	    cm_landscape_norgs(back) != cm_landscape_norgs(l))
		abort(); /* coalmap's own files must read back */
	cm_landscape_free(back);
}

static int gml_write(const struct cm_table *o, const struct cm_table *t, FILE *f, size_t *stripped)
{
	(void)stripped;
	return cm_gml_write(o, t, f, NULL);
}

static int gexf_write(const struct cm_table *o, const struct cm_table *t, FILE *f, size_t *stripped)
{
	return cm_gexf_write(o, t, f, stripped, NULL);
}

static void round_trip(struct cm_landscape *l, const char *gml, const char *gexf)
{
	struct cm_table o, t;
	FILE *f;

	cm_table_init(&o, 0);
	cm_table_init(&t, 0);
	if (cm_landscape_export(l, &o, &t, NULL) == CM_OK) {
		if ((f = fopen("/dev/null", "w"))) {
			cm_graphml_write(&o, &t, f, NULL, NULL);
			fclose(f);
		}
		write_back(l, &o, &t, gml, &as_gml, gml_write);
		write_back(l, &o, &t, gexf, &as_gexf, gexf_write);
	}
	cm_table_release(&o);
	cm_table_release(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[128], out[128], out_gexf[128];
	struct cm_landscape *l = NULL;
	size_t i;

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/coalmap-fuzz-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		cm_init();
	}
	snprintf(out, sizeof(out), "%s/out.gml", dir);
	snprintf(out_gexf, sizeof(out_gexf), "%s/out.gexf", dir);
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		struct cm_load_opts as = { .format = formats[i] };
		snprintf(in, sizeof(in), "%s/in.%s", dir, formats[i]);
		put(in, data, size);
		l = NULL;
		if (cm_landscape_open(&l, in, &as, NULL, NULL) == CM_OK) {
			round_trip(l, out, out_gexf);
			cm_landscape_free(l);
		}
	}
	return 0;
}
