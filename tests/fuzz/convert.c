/* convert.c - libFuzzer target for the importers: the input is written as
 * a GML, GraphML, Pajek, UCINET DL and matrix CSV file, each loaded with
 * its reader; whatever loads is exported
 * and written back as GraphML and GML (to /dev/null), and the GML written
 * must load again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coalmap.h"

static char dir[64];
static const struct cm_load_opts as_gml = { .format = "gml" };
static const char *const formats[] = { "gml", "graphml", "pajek", "dl", "matrix" };

static void put(const char *path, const uint8_t *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		abort();
	fwrite(p, 1, n, f);
	fclose(f);
}

static void round_trip(struct cm_landscape *l, const char *gml)
{
	struct cm_table o, t;
	struct cm_landscape *back = NULL;
	FILE *f;

	cm_table_init(&o, 0);
	cm_table_init(&t, 0);
	if (cm_landscape_export(l, &o, &t, NULL) == CM_OK) {
		if ((f = fopen("/dev/null", "w"))) {
			cm_graphml_write(&o, &t, f, NULL, NULL);
			fclose(f);
		}
		if ((f = fopen(gml, "w"))) {
			int ok = cm_gml_write(&o, &t, f, NULL) == CM_OK;
			fclose(f);
			if (ok) {
				if (cm_landscape_open(&back, gml, &as_gml, NULL, NULL) != CM_OK ||
				    cm_landscape_norgs(back) != cm_landscape_norgs(l))
					abort(); /* coalmap's own GML must read back */
				cm_landscape_free(back);
			}
		}
	}
	cm_table_release(&o);
	cm_table_release(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[128], out[128];
	struct cm_landscape *l = NULL;
	size_t i;

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/coalmap-fuzz-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		cm_init();
	}
	snprintf(out, sizeof(out), "%s/out.gml", dir);
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		struct cm_load_opts as = { .format = formats[i] };
		snprintf(in, sizeof(in), "%s/in.%s", dir, formats[i]);
		put(in, data, size);
		l = NULL;
		if (cm_landscape_open(&l, in, &as, NULL, NULL) == CM_OK) {
			round_trip(l, out);
			cm_landscape_free(l);
		}
	}
	return 0;
}
