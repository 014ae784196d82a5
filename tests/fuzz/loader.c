/* loader.c - libFuzzer target for the landscape loader: the input is split
 * at the first 0xFF byte into organizations.csv and relationships.csv (0xFF
 * is never valid UTF-8, so neither file can need it), written to a private
 * folder, loaded, and, when it loads, run through the metrics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coalmap.h"

static char dir[64];

static void put(const char *name, const uint8_t *p, size_t n)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(p, 1, n, f);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *sep = memchr(data, 0xFF, size);
	size_t n1 = sep ? (size_t)(sep - data) : size;
	struct cm_landscape *l = NULL;
	struct cm_diags d;
	struct cm_table t;

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/coalmap-fuzz-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		cm_init();
	}
	put("organizations.csv", data, n1);
	put("relationships.csv", sep ? sep + 1 : data + size, sep ? size - n1 - 1 : 0);
	cm_diags_init(&d);
	if (cm_landscape_load(&l, dir, NULL, &d, NULL) == CM_OK) {
		struct cm_analysis *a;
		cm_table_init(&t, 0);
		if (cm_landscape_norgs(l) <= 200 && cm_analysis_new(&a, l, NULL, NULL) == CM_OK) {
			cm_metrics(a, &t, NULL);
			cm_analysis_free(a);
		}
		cm_table_release(&t);
		cm_landscape_free(l);
	}
	cm_diags_release(&d);
	return 0;
}
