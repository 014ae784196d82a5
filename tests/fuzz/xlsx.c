/* xlsx.c - libFuzzer target for the Excel reader (engine/read_xlsx.c): the
 * input is the workbook itself, any zip or none, written to a private
 * folder as book.xlsx and loaded; the reader must refuse what it cannot
 * read, never crash, leak or hang.  Seeds: tests/fuzz/corpus/xlsx, made by
 * tests/fuzz/xlsx-corpus.py. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coalmap.h"

/* the xlsx reader whatever the bytes look like (a sniff would send most
 * mutations elsewhere) */
static const struct cm_load_opts as_xlsx = { .format = "xlsx" };

static char path[96];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cm_landscape *l = NULL;
	struct cm_diags d;
	FILE *f;

	if (!path[0]) {
		char dir[64];
		snprintf(dir, sizeof(dir), "/tmp/coalmap-fuzz-xlsx-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		snprintf(path, sizeof(path), "%s/book.xlsx", dir);
		cm_init();
	}
	if (!(f = fopen(path, "wb")))
		abort();
	if (fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	cm_diags_init(&d);
	if (cm_landscape_open(&l, path, &as_xlsx, &d, NULL) == CM_OK)
		cm_landscape_free(l);
	cm_diags_release(&d);
	return 0;
}
