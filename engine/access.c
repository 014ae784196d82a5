/* access.c - a landscape's columns and ties by index, for clients of the
 * public API (viz/, bindings) that may not see struct cm_landscape. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* The known text columns of organizations.csv (schema.c), in schema
 * order, come first; then the extra columns in file order.  text[k] is
 * the schema index of the k-th known text column; found once. */
static int text[CM_ORG_NCOLS];
static size_t ntext_cols;
static pthread_once_t text_once = PTHREAD_ONCE_INIT;

static void find_text_cols(void)
{
	size_t c;

	for (c = 0; c < CM_ORG_NCOLS; c++)
		if (cm_value_kind(cm_org_cols[c].value) == CM_TEXT)
			text[ntext_cols++] = (int)c;
}

/* The schema index of known text column k, or -1 past the last. */
static int text_col(size_t k)
{
	pthread_once(&text_once, find_text_cols);
	return k < ntext_cols ? text[k] : -1;
}

static size_t ntext(void)
{
	pthread_once(&text_once, find_text_cols);
	return ntext_cols;
}

size_t cm_attr_count(const struct cm_landscape *l)
{
	return ntext() + l->norg_attrs;
}

int cm_attr_find(const struct cm_landscape *l, const char *name)
{
	int c = cm_schema_find(&cm_schemas[CM_ORGS_FILE], name, strlen(name), 0);
	size_t k;

	for (k = 0; c >= 0 && k < ntext(); k++)
		if (text_col(k) == c)
			return (int)k;
	for (k = 0; k < l->norg_attrs; k++)
		if (!strcasecmp(name, l->org_attrs[k].name))
			return (int)(ntext() + k);
	return -1;
}

const char *cm_attr_name(const struct cm_landscape *l, size_t attr)
{
	int c = text_col(attr);

	return c >= 0 ? cm_org_cols[c].name : l->org_attrs[attr - ntext()].name;
}

int cm_attr_numeric(const struct cm_landscape *l, size_t attr)
{
	return text_col(attr) < 0 && l->org_attrs[attr - ntext()].numeric;
}

const char *cm_attr_value(const struct cm_landscape *l, size_t attr, size_t i)
{
	int c = text_col(attr);

	if (c >= 0) /* no text column is a date: no buffer needed */
		return cm_cell_text(l, &cm_org_cols[c], &l->orgs[i], NULL, 0);
	return l->pool.buf + l->org_attrs[attr - ntext()].val[i];
}

double cm_attr_number(const struct cm_landscape *l, size_t attr, size_t i)
{
	const char *s = cm_attr_value(l, attr, i), *hint;
	double v;

	return *s && cm_parse_number(s, &v, &hint) == 0 ? v : NAN;
}

double cm_landscape_org_budget(const struct cm_landscape *l, size_t i) { return l->orgs[i].budget; }
double cm_landscape_org_influence(const struct cm_landscape *l, size_t i) { return l->orgs[i].influence; }

size_t cm_tie_type_count(const struct cm_landscape *l) { return l->ntie_types; }
const char *cm_tie_type_name(const struct cm_landscape *l, size_t type) { return l->tie_types[type]; }

int cm_tie_type_conflict(const struct cm_landscape *l, size_t type)
{
	return (l->tie_roles[type] & CM_ROLE_CONFLICT) != 0;
}

size_t cm_tie_source(const struct cm_landscape *l, size_t tie) { return l->ties[tie].src; }
size_t cm_tie_target(const struct cm_landscape *l, size_t tie) { return l->ties[tie].dst; }
size_t cm_tie_type(const struct cm_landscape *l, size_t tie) { return l->ties[tie].type; }
int cm_tie_directed(const struct cm_landscape *l, size_t tie) { return l->ties[tie].directed; }
double cm_tie_weight(const struct cm_landscape *l, size_t tie) { return l->ties[tie].weight; }
double cm_tie_trust(const struct cm_landscape *l, size_t tie) { return l->ties[tie].trust; }
double cm_tie_amount(const struct cm_landscape *l, size_t tie) { return l->ties[tie].amount; }
int32_t cm_tie_start(const struct cm_landscape *l, size_t tie) { return l->ties[tie].start; }
int32_t cm_tie_end(const struct cm_landscape *l, size_t tie) { return l->ties[tie].end; }

int cm_tie_kept(const struct cm_landscape *l, const struct cm_filter *f, size_t tie)
{
	return cm_filter_keeps(l, f, &l->ties[tie]);
}

void cm_progress_set(const char *stage)
{
	cm_progress(stage);
}

/* The measures a column name can stand for: computed per org, not a
 * label (id, name, type are text columns) nor a brokerage role. */
static int column_metric(int m)
{
	return m >= 0 && !(cm_metric_info((enum cm_metric)m)->flags & (CM_MF_LABEL | CM_MF_GROUPED));
}

int cm_column_find(const struct cm_landscape *l, const char *name, struct cm_colref *r)
{
	int m;

	memset(r, 0, sizeof(*r));
	if (!strcasecmp(name, "community")) { /* computed, even over a column of that name */
		r->kind = CM_COL_METRIC;
		r->index = CM_M_COMMUNITY;
	} else if (!strcasecmp(name, "budget"))
		r->kind = CM_COL_BUDGET;
	else if (!strcasecmp(name, "influence"))
		r->kind = CM_COL_INFLUENCE;
	else if ((r->index = cm_attr_find(l, name)) >= 0)
		r->kind = CM_COL_ATTR;
	else if (column_metric(m = cm_metric_find(name))) {
		r->kind = CM_COL_METRIC;
		r->index = m;
	} else
		return -1;
	return 0;
}

/* Appends s to buf (size n, at w): ", " between names, "..." when full. */
static size_t list_add(char *buf, size_t n, size_t w, const char *s)
{
	int k = snprintf(buf + w, n - w, "%s%s", w ? ", " : "", s);

	if (k < 0 || (size_t)k >= n - w) {
		if (n >= 4)
			memcpy(buf + n - 4, "...", 4);
		return n - 1;
	}
	return w + (size_t)k;
}

size_t cm_column_names(const struct cm_landscape *l, char *buf, size_t n)
{
	size_t w = 0, k;
	int m;

	if (!n)
		return 0;
	buf[0] = '\0';
	for (k = 0; k < cm_attr_count(l) && w + 1 < n; k++)
		w = list_add(buf, n, w, cm_attr_name(l, k));
	w = list_add(buf, n, w, "budget");
	w = list_add(buf, n, w, "influence");
	for (m = 0; m < CM_METRIC_N && w + 1 < n; m++)
		if (column_metric(m) && !(cm_metric_info((enum cm_metric)m)->flags & (CM_MF_SAMPLED | CM_MF_BOUNDED)))
			w = list_add(buf, n, w, cm_metric_info((enum cm_metric)m)->name);
	return w;
}
