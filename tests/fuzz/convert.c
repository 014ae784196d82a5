/* convert.c - libFuzzer target for the importers: the input is written as
 * a GML file, a GraphML file and a Kumu JSON file, each loaded; whatever
 * loads is exported and written back as GraphML and GML (to /dev/null), and
 * the GML written must load again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coalmap.h"

static char dir[64];
static const struct cm_load_opts as_gml = { .format = "gml" }, as_graphml = { .format = "graphml" },
				 as_kumu_json = { .format = "kumu-json" };

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
	char gml[128], graphml[128], json[128], out[128];
	struct cm_landscape *l = NULL;

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/coalmap-fuzz-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		cm_init();
	}
	snprintf(gml, sizeof(gml), "%s/in.gml", dir);
	snprintf(graphml, sizeof(graphml), "%s/in.graphml", dir);
	snprintf(json, sizeof(json), "%s/in.json", dir);
	snprintf(out, sizeof(out), "%s/out.gml", dir);
	put(gml, data, size);
	put(graphml, data, size);
	put(json, data, size);
	if (cm_landscape_open(&l, gml, &as_gml, NULL, NULL) == CM_OK) {
		round_trip(l, out);
		cm_landscape_free(l);
	}
	l = NULL;
	if (cm_landscape_open(&l, graphml, &as_graphml, NULL, NULL) == CM_OK) {
		round_trip(l, out);
		cm_landscape_free(l);
	}
	l = NULL;
	if (cm_landscape_open(&l, json, &as_kumu_json, NULL, NULL) == CM_OK) {
		round_trip(l, out);
		cm_landscape_free(l);
	}
	return 0;
}
