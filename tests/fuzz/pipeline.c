/* pipeline.c - libFuzzer target for the whole pipeline on small inputs.
 * Byte 0 picks options (bit 0 weighted paths, bit 1 map as SVG instead of
 * DOT, bit 2 aggregate map by community, bit 3 highlight the first org's
 * gaps on the map, bit 4 a --types filter of "funding", bit 5 an --at
 * date); the rest is split at the first 0xFF byte (never valid UTF-8) into
 * organizations.csv and relationships.csv, written to a private folder and
 * loaded; a landscape that loads goes through metrics, power (3 key
 * players), landscape gaps, gaps --for the first org, path from the first
 * org to the last, and a map.  Every step must return CM_OK or a clean
 * error (a known status with a message), never crash, leak or hang.
 * Inputs are capped at 4 KiB and 60 orgs so each run takes milliseconds. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coalmap.h"
#include "viz/map.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void put(const char *name, const uint8_t *p, size_t n)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		abort();
	if (n && fwrite(p, 1, n, f) != n)
		abort();
	if (fclose(f))
		abort();
}

/* A step's status is OK, or an error with a message and no crash;
 * out-of-memory or internal errors on inputs this small are bugs. */
static void step(const char *what, int rc, const struct cm_error *e)
{
	if (rc == CM_OK)
		return;
	if ((rc != CM_EUSAGE && rc != CM_EDATA) || e->code != rc || !e->message[0]) {
		fprintf(stderr, "pipeline fuzzer: %s returned %d (%s): %s\n", what, rc, cm_status_str(rc),
			e->message);
		abort();
	}
}

/* Every cell is empty, a string, an integer or a finite number. */
static void table_ok(const char *what, const struct cm_table *t)
{
	size_t c, r;

	for (c = 0; c < t->ncols; c++) {
		const struct cm_column *col = &t->cols[c];

		if (!col->name || (t->nrows && !col->null))
			abort();
		for (r = 0; r < t->nrows; r++) {
			if (col->kind == CM_TEXT && col->text[r])
				(void)strlen(col->text[r]);
			if (col->kind == CM_REAL && !col->null[r] && !isfinite(col->reals[r])) {
				fprintf(stderr, "pipeline fuzzer: %s: column %s row %zu is %g\n", what, col->name, r,
					col->reals[r]);
				abort();
			}
		}
	}
}

/* One input through the whole pipeline, in the order a report runs it;
 * kept as one function so that a crash's stack names the step. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const funding[] = { "funding" };
	const uint8_t *sep;
	size_t n1;
	unsigned opt;
	struct cm_landscape *l = NULL;
	struct cm_analysis *a = NULL;
	struct cm_diags d;
	struct cm_error e;
	struct cm_table t;
	struct cm_filter f = { 0 };
	struct cm_power_opts po = { NULL, NULL, 0, 3 };
	struct cm_gaps_opts go;
	struct cm_map_opts mo;
	struct cm_map_info info;
	char *map = NULL;
	size_t maplen = 0, norgs;
	int rc;

	if (size < 1 || size > 4096)
		return 0;
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/coalmap-fuzz-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		cm_init();
	}
	opt = data[0];
	data++, size--;
	sep = memchr(data, 0xFF, size);
	n1 = sep ? (size_t)(sep - data) : size;
	put("organizations.csv", data, n1);
	put("relationships.csv", sep ? sep + 1 : data + size, sep ? size - n1 - 1 : 0);
	cm_diags_init(&d);
	cm_error_clear(&e);
	rc = cm_landscape_load(&l, dir, NULL, &d, &e);
	if (rc != CM_OK) {
		if ((rc != CM_EDATA && rc != CM_ENOINPUT) || l)
			abort();
		goto out;
	}
	norgs = cm_landscape_norgs(l);
	if (norgs > 60 || cm_landscape_nties(l) > 300)
		goto out;

	f.threads = 1;
	f.weighted = opt & 1;
	if (opt & 16)
		f.types = funding, f.ntypes = 1;
	if (opt & 32)
		f.has_at = 1, f.at = 19000; /* 2022-01-08 */

	/* one context for every analysis, as the report has */
	if (cm_analysis_new(&a, l, &f, &e) < 0)
		goto out;
	cm_table_init(&t, 0);
	rc = cm_metrics(a, &t, &e);
	step("metrics", rc, &e);
	if (rc == CM_OK && t.nrows != norgs)
		abort();
	table_ok("metrics", &t);
	cm_table_release(&t);

	cm_table_init(&t, 0);
	step("power", cm_power(a, &po, &t, &e), &e);
	table_ok("power", &t);
	cm_table_release(&t);

	cm_gaps_opts_init(&go);
	go.top = 10;
	cm_table_init(&t, 0);
	step("gaps", cm_gaps(a, &go, &t, &e), &e);
	table_ok("gaps", &t);
	cm_table_release(&t);

	go.for_org = cm_landscape_org_id(l, 0);
	cm_table_init(&t, 0);
	step("gaps --for", cm_recommend(a, &go, &t, &e), &e);
	table_ok("gaps --for", &t);
	cm_table_release(&t);

	cm_table_init(&t, 0);
	step("path", cm_path(a, cm_landscape_org_id(l, 0), cm_landscape_org_id(l, norgs - 1), 3, &t, &e),
	     &e);
	table_ok("path", &t);
	cm_table_release(&t);

	memset(&mo, 0, sizeof(mo));
	mo.format = opt & 2 ? "svg" : "dot";
	mo.name = "fuzz";
	if (opt & 4)
		mo.aggregate = "community";
	else if (opt & 8)
		mo.highlight_gaps = cm_landscape_org_id(l, 0);
	rc = cm_map_render(a, &mo, &map, &maplen, &info, &e);
	step("map", rc, &e);
	if (rc == CM_OK && (!map || !maplen))
		abort();
	free(map);
out:
	cm_analysis_free(a);
	cm_landscape_free(l);
	cm_diags_release(&d);
	return 0;
}
