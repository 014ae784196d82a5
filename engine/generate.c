/* generate.c - synthetic landscapes for tests and benchmarks: planted
 * communities, heavy-tailed (Pareto) activity, every attribute and tie type.
 * Uses its own generator (splitmix64) so output is identical everywhere. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "rng.h"

static uint64_t next(uint64_t *s)
{
	return cm_splitmix64(s);
}

/* Uniform in [0, 1). */
static double unif(uint64_t *s)
{
	return (double)(next(s) >> 11) * (1.0 / 9007199254740992.0);
}

static size_t pick(uint64_t *s, size_t n)
{
	return (size_t)(unif(s) * (double)n);
}

/* Index i in [lo, hi) with probability proportional to cum[i+1]-cum[i]. */
static size_t weighted(uint64_t *s, const double *cum, size_t lo, size_t hi)
{
	double x = cum[lo] + unif(s) * (cum[hi] - cum[lo]);

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (cum[mid] <= x)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static const char *const types[] = { "ngo", "ngo", "ngo", "grassroots", "grassroots", "ingo",
	"network", "donor", "government", "decision_maker", "un_agency", "media", "corporate",
	"academic" };
static const char *const regions[] = { "East Africa", "West Africa", "Southern Africa",
	"South Asia", "Southeast Asia", "Latin America", "Middle East", "Europe", "North America",
	"Pacific" };
static const char *const countries[] = { "KE", "NG", "ZA", "IN", "PH", "BR", "JO", "DE", "US", "FJ" };
static const char *const issues[] = { "education", "gender", "health", "climate", "disability",
	"finance", "teachers", "early_childhood" };
static const char *const skills[] = { "research", "media", "organizing", "legal", "funding",
	"policy_access", "training", "data" };
static const char *const stances[] = { "support", "support", "support", "neutral", "oppose" };
/* tie types with their share in percent */
static const struct { const char *name; int pct; } tie_types[] = {
	{ "partnership", 30 }, { "coalition", 10 }, { "collaboration", 10 }, { "information", 15 },
	{ "funding", 10 }, { "membership", 8 }, { "access", 7 }, { "distribution", 5 }, { "conflict", 5 },
};

#define N_(a) (sizeof(a) / sizeof(*(a)))

/* 1-3 distinct items from a list of 8, joined with ';'. */
static void list_of(uint64_t *s, const char *const *items, char *buf, size_t n)
{
	unsigned mask = 0;
	size_t k = 1 + pick(s, 3), i, used = 0;

	while (k--)
		mask |= 1u << pick(s, 8);
	buf[0] = '\0';
	for (i = 0; i < 8; i++)
		if (mask & (1u << i))
			used += (size_t)snprintf(buf + used, used < n ? n - used : 0, "%s%s",
						 used ? ";" : "", items[i]);
}

/* Open-addressing set of unordered pairs, to avoid repeated pairs. */
struct pairset {
	uint64_t *k;
	size_t cap;
};

static int pair_add(struct pairset *p, uint64_t key)
{
	size_t j = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & (p->cap - 1);

	while (p->k[j]) {
		if (p->k[j] == key)
			return 0;
		j = (j + 1) & (p->cap - 1);
	}
	p->k[j] = key;
	return 1;
}

/* Table columns: the known columns of the schema, then these. */
enum { O_FOUNDED = CM_ORG_NCOLS };

/* Adds the known columns of s to t, and returns 0 or CM_ENOMEM.  Whole
 * weights are generated, so they are written as such. */
static int known_columns(const struct cm_schema *s, struct cm_table *t)
{
	size_t k;

	for (k = 0; k < s->ncols; k++) {
		enum cm_kind kind = cm_value_kind(s->col[k].value);
		if (s == &cm_schemas[CM_TIES_FILE] && k == CM_TIE_WEIGHT)
			kind = CM_INT;
		if (cm_table_add_column(t, s->col[k].name, kind) < 0)
			return CM_ENOMEM;
	}
	return CM_OK;
}

/* Over 100 lines, kept whole: orgs and ties are drawn from one random
 * stream in one order, and any split that moved a draw would change
 * every generated landscape. */
int cm_generate(const struct cm_gen_opts *o, struct cm_table *orgs, struct cm_table *ties,
		struct cm_error *err)
{
	size_t n = o->orgs, m = o->ties, i, ncomm, *comm_start = NULL, *comm_of = NULL;
	double *cum = NULL, maxpairs;
	struct pairset ps = { NULL, 0 };
	uint64_t s = o->seed;
	char buf[256], idb[32];
	int rc = CM_ENOMEM;
	unsigned money = 0; /* bit t: ties of tie_types[t] carry an amount */

	if (n == 0)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0, "--orgs must be at least 1");
	maxpairs = (double)n * (double)(n - 1) / 2.0;
	if ((double)m > maxpairs * 0.5)
		return cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
				    "%zu ties do not fit among %zu orgs (at most %.0f)", m, n, floor(maxpairs * 0.5));
	for (i = 0; i < N_(tie_types); i++)
		if (cm_tie_type_roles(tie_types[i].name) & CM_ROLE_MONEY)
			money |= 1u << i;
	cm_table_init(orgs, n);
	cm_table_init(ties, m);
	if (known_columns(&cm_schemas[CM_ORGS_FILE], orgs) < 0 || cm_table_add_column(orgs, "founded", CM_INT) < 0 ||
	    known_columns(&cm_schemas[CM_TIES_FILE], ties) < 0)
		goto nomem;

	/* communities of about 40 orgs, contiguous ranges of ids */
	ncomm = n / 40 + 1;
	comm_start = malloc((ncomm + 1) * sizeof(*comm_start));
	comm_of = malloc(n * sizeof(*comm_of));
	cum = malloc((n + 1) * sizeof(*cum));
	for (ps.cap = 1024; ps.cap < 2 * m + 2; ps.cap *= 2)
		;
	ps.k = calloc(ps.cap, sizeof(*ps.k));
	if (!comm_start || !comm_of || !cum || !ps.k)
		goto nomem;
	for (i = 0; i <= ncomm; i++)
		comm_start[i] = i * n / ncomm;
	cum[0] = 0;
	for (i = 0; i < ncomm; i++) {
		size_t v;
		for (v = comm_start[i]; v < comm_start[i + 1]; v++)
			comm_of[v] = i;
	}
	for (i = 0; i < n; i++) {
		/* Pareto activity, alpha = 2.1: heavy-tailed degrees */
		double act = pow(1.0 - unif(&s), -1.0 / 2.1);
		const char *type = types[pick(&s, N_(types))];
		size_t reg = comm_of[i] % N_(regions);

		cum[i + 1] = cum[i] + act;
		snprintf(idb, sizeof(idb), "o%zu", i + 1);
		if (cm_table_set_text(orgs, CM_ORG_ID, i, idb) < 0)
			goto nomem;
		snprintf(buf, sizeof(buf), "Organization %zu", i + 1);
		if (cm_table_set_text(orgs, CM_ORG_NAME, i, buf) < 0 ||
		    cm_table_set_text(orgs, CM_ORG_TYPE, i, type) < 0 ||
		    cm_table_set_text(orgs, CM_ORG_COUNTRY, i, countries[reg]) < 0 ||
		    cm_table_set_text(orgs, CM_ORG_REGION, i, regions[reg]) < 0)
			goto nomem;
		list_of(&s, issues, buf, sizeof(buf));
		if (cm_table_set_text(orgs, CM_ORG_ISSUES, i, buf) < 0)
			goto nomem;
		list_of(&s, skills, buf, sizeof(buf));
		if (cm_table_set_text(orgs, CM_ORG_SKILLS, i, buf) < 0)
			goto nomem;
		cm_table_set_real(orgs, CM_ORG_BUDGET, i, floor(act * 50000.0));
		cm_table_set_real(orgs, CM_ORG_INFLUENCE, i, (double)(1 + pick(&s, 10)));
		if (cm_table_set_text(orgs, CM_ORG_STANCE, i, stances[pick(&s, N_(stances))]) < 0)
			goto nomem;
		cm_table_set_int(orgs, O_FOUNDED, i, 1950 + (long long)pick(&s, 74));
	}

	for (i = 0; i < m; i++) {
		size_t a, b, tries = 0, t;
		int pct, acc = 0;
		int32_t start, end;

		do {
			if (++tries > 1000) {
				rc = cm_error_set(err, CM_EUSAGE, NULL, 0, 0,
						  "could not place %zu ties among %zu orgs; ask for fewer ties", m, n);
				goto out;
			}
			a = weighted(&s, cum, 0, n);
			if (unif(&s) < 0.85) {
				size_t c = comm_of[a];
				b = weighted(&s, cum, comm_start[c], comm_start[c + 1]);
			} else {
				b = weighted(&s, cum, 0, n);
			}
		} while (a == b || !pair_add(&ps, a < b ? (uint64_t)a * n + b + 1 : (uint64_t)b * n + a + 1));

		pct = (int)pick(&s, 100);
		for (t = 0; t < N_(tie_types) - 1; t++) {
			acc += tie_types[t].pct;
			if (pct < acc)
				break;
		}
		snprintf(idb, sizeof(idb), "o%zu", a + 1);
		if (cm_table_set_text(ties, CM_TIE_SOURCE, i, idb) < 0)
			goto nomem;
		snprintf(idb, sizeof(idb), "o%zu", b + 1);
		if (cm_table_set_text(ties, CM_TIE_TARGET, i, idb) < 0 ||
		    cm_table_set_text(ties, CM_TIE_TYPE, i, tie_types[t].name) < 0)
			goto nomem;
		cm_table_set_int(ties, CM_TIE_WEIGHT, i, 1 + (long long)pick(&s, 5));
		if (unif(&s) < 0.02 &&
		    cm_table_set_text(ties, CM_TIE_DIRECTED, i, unif(&s) < 0.5 ? "true" : "false") < 0)
			goto nomem;
		cm_table_set_real(ties, CM_TIE_TRUST, i, floor(unif(&s) * 100.0) / 100.0);
		if (money >> t & 1)
			cm_table_set_real(ties, CM_TIE_AMOUNT, i, floor(pow(1.0 - unif(&s), -1.0 / 1.5) * 10000.0));
		/* ties start between 2010 and 2024; a third of them have ended */
		start = 14610 + (int32_t)pick(&s, 15 * 365);
		cm_date_format(start, buf, sizeof(buf));
		if (cm_table_set_text(ties, CM_TIE_START, i, buf) < 0)
			goto nomem;
		if (unif(&s) < 0.33) {
			end = start + 30 + (int32_t)pick(&s, 5 * 365);
			cm_date_format(end, buf, sizeof(buf));
			if (cm_table_set_text(ties, CM_TIE_END, i, buf) < 0)
				goto nomem;
		}
	}
	rc = CM_OK;
	goto out;
nomem:
	rc = cm_error_set(err, CM_ENOMEM, NULL, 0, 0, "out of memory");
out:
	if (rc < 0) {
		cm_table_release(orgs);
		cm_table_release(ties);
	}
	free(comm_start);
	free(comm_of);
	free(cum);
	free(ps.k);
	return rc;
}
