/* read_kumu_json.c - Kumu's JSON project export as a landscape.  Its
 * elements and connections become rows with the headers of Kumu's own
 * spreadsheet export, then cm_kumu_map (kumu.c) maps them as it maps the
 * CSV export (docs/convert.md):
 *   element:    ID (the Label when no other element has it, else the
 *               element's _id), Label, Type ("element type"), Description,
 *               Tags (a list joined with '|'), every other attribute under
 *               its name in the project's attribute list; kumu_x, kumu_y:
 *               its position on the default map (else the first)
 *   connection: From, To (the ends' IDs), Direction, Type ("connection
 *               type"), every other attribute; kumu_reversed when Kumu
 *               marks one reversed
 * A list of scalars is joined with '|'; an attribute holding an object (or
 * a list of them) is skipped, with one note per field name.  The file is
 * hostile: bounded in size and nesting; a row's line is where its "_id" is
 * written. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "internal.h"

#define KJ_MAX_BYTES ((size_t)512 << 20) /* a project bigger than this is refused */
#define KJ_MAX_DEPTH 64           /* Kumu's own nesting is 5 deep */

struct kj {
	struct cm_read *rd;
	char *buf;               /* the file */
	size_t len;
	struct cm_strset where;  /* every "_id" value written in the file */
	long *line;              /* line[i]: where value i of `where` first is */
	struct cm_strset eids;   /* the elements' _ids, in row order */
	struct cm_strset noted;  /* fields already noted as skipped */
	struct cm_strset fields; /* the project's field names, lower-case */
	const char **spelled;    /* spelled[i]: field i as the project writes it */
	struct cm_strset heads[2]; /* the headers of orgs [0] and ties [1] met so far */
	long *col[2];            /* col[f][i]: the column of header i of heads[f] */
	size_t col_cap[2];
	char *cell;              /* a joined list */
	size_t cell_len, cell_cap;
	int bad;
	int nomem;               /* a diagnostic could not be recorded */
};

static int nomem(struct kj *k)
{
	return cm_error_set(k->rd->err, CM_ENOMEM, NULL, 0, 0, "out of memory");
}

static void data_error(struct kj *k, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void data_error(struct kj *k, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_diags_problem(k->rd->diags, k->rd->opts, CM_ERROR, k->rd->path, line, &k->bad, &k->nomem, fmt, ap);
	va_end(ap);
}

static long line_at(const struct kj *k, size_t off)
{
	long line = 1;
	const char *s = k->buf, *end = k->buf + (off < k->len ? off : k->len);

	while ((s = memchr(s, '\n', (size_t)(end - s)))) {
		line++;
		s++;
	}
	return line;
}

/* Records the line of every `"_id": "VALUE"` in the text, so rows can cite
 * where their element or connection is written. */
static int index_ids(struct kj *k)
{
	const char *s = k->buf, *end = k->buf + k->len, *q, *counted = k->buf;
	long line = 1;
	size_t cap = 0;

	for (; (q = memchr(s, '"', (size_t)(end - s))); s = q + 1) {
		for (; (counted = memchr(counted, '\n', (size_t)(q - counted))); counted++)
			line++;
		counted = q;
		if ((size_t)(end - q) < 6 || memcmp(q, "\"_id\"", 5))
			continue;
		const char *v = q + 5, *e;
		v += strspn(v, " \t\r\n");
		if (*v++ != ':')
			continue;
		v += strspn(v, " \t\r\n");
		if (*v++ != '"' || !(e = memchr(v, '"', (size_t)(end - v))))
			continue;
		size_t before = k->where.n;
		long i = cm_strset_add(&k->where, v, (size_t)(e - v));
		if (i < 0)
			return nomem(k);
		if (k->where.n > before) {
			if (k->where.n > cap) {
				long *nl = realloc(k->line, (cap = 2 * cap + 64) * sizeof(*nl));
				if (!nl)
					return nomem(k);
				k->line = nl;
			}
			k->line[i] = line;
		}
		q = e; /* the newlines skipped are counted from `counted` on */
	}
	return CM_OK;
}

static long line_of(const struct kj *k, json_object *o)
{
	json_object *id;
	size_t i;

	if (!json_object_object_get_ex(o, "_id", &id) || !json_object_is_type(id, json_type_string))
		return 0;
	i = cm_strmap_find(&k->where.map, k->where.buf, json_object_get_string(id),
			   (size_t)json_object_get_string_len(id));
	return i == CM_STRMAP_NONE ? 0 : k->line[i];
}

static int parse(struct kj *k, json_object **root)
{
	struct json_tokener *tok = json_tokener_new_ex(KJ_MAX_DEPTH);
	enum json_tokener_error je;
	size_t end;

	if (!tok)
		return nomem(k);
	*root = json_tokener_parse_ex(tok, k->buf, (int)k->len);
	je = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (!*root && je == json_tokener_continue)
		data_error(k, line_at(k, k->len), "the file ends inside a JSON value (cut short?)");
	else if (!*root && je == json_tokener_error_depth)
		data_error(k, line_at(k, end), "JSON nested deeper than %d levels", KJ_MAX_DEPTH);
	else if (!*root)
		data_error(k, line_at(k, end), "not valid JSON: %s", json_tokener_error_desc(je));
	else if ((end += strspn(k->buf + end, " \t\r\n")) < k->len)
		data_error(k, line_at(k, end), "text after the end of the JSON value");
	else if (!json_object_is_type(*root, json_type_object) ||
		 !json_object_object_get_ex(*root, "elements", NULL))
		data_error(k, 1, "not a Kumu project: no \"elements\" list at the top");
	if (!k->bad)
		return CM_OK;
	json_object_put(*root);
	*root = NULL;
	return CM_EDATA;
}

/* The header Kumu's spreadsheet gives attribute key (is_el: of an element). */
static const char *header_of(const struct kj *k, const char *key, int is_el, char *buf, size_t n)
{
	enum { BOTH, EL, CONN };
	static const struct {
		const char *key, *header;
		int of; /* BOTH, or only an element's (EL) or a connection's (CONN) */
	} fixed[] = { { "label", "Label", BOTH },		{ "description", "Description", BOTH },
		      { "tags", "Tags", BOTH },			{ "element type", "Type", EL },
		      { "connection type", "Type", CONN } };
	static const struct {
		const char *name;
		int of;
	} mine[] = { { "ID", EL },   { "kumu_x", EL },	  { "kumu_y", EL },	      { "From", CONN },
		     { "To", CONN }, { "Direction", CONN }, { "kumu_reversed", CONN } };
	int kind = is_el ? EL : CONN;
	char low[256];
	size_t i, f;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (!strcmp(key, fixed[i].key) && (fixed[i].of == BOTH || fixed[i].of == kind))
			return fixed[i].header;
	i = cm_kumu_lower(low, sizeof(low), key); /* the project's spelling: "2010 Population" */
	if (!key[i] && (f = cm_strmap_find(&k->fields.map, k->fields.buf, low, i)) != CM_STRMAP_NONE)
		key = k->spelled[f];
	for (i = 0; i < sizeof(mine) / sizeof(mine[0]); i++)
		if (mine[i].of == kind && !strcasecmp(key, mine[i].name)) { /* a field called like a column of ours */
			snprintf(buf, n, "kumu_attr_%s", key);
			return buf;
		}
	return key;
}

static int cell_add(struct kj *k, const char *s, size_t n)
{
	if (k->cell_len + n + 2 > k->cell_cap) {
		size_t cap = 2 * (k->cell_len + n + 2);
		char *v = realloc(k->cell, cap);
		if (!v)
			return nomem(k);
		k->cell = v;
		k->cell_cap = cap;
	}
	memcpy(k->cell + k->cell_len, s, n);
	k->cell_len += n;
	return CM_OK;
}

/* The text of a scalar into k->cell (appended); 1 when v is no scalar. */
static int scalar_text(struct kj *k, json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null:
		return CM_OK;
	case json_type_string:
		return cell_add(k, json_object_get_string(v), (size_t)json_object_get_string_len(v));
	case json_type_boolean:
	case json_type_int:
	case json_type_double: {
		const char *s = json_object_get_string(v); /* a number as written */
		return cell_add(k, s, strlen(s));
	}
	default:
		return 1;
	}
}

/* The column called h of r (orgs or ties), added when new (as decl);
 * -1 on ENOMEM.  A hash lookup: a wide export has thousands of columns. */
static long column_of(struct kj *k, struct cm_rows *r, const char *h, int decl)
{
	int f = r == k->rd->ties;
	size_t before = k->heads[f].n;
	long i = cm_strset_add(&k->heads[f], h, strlen(h));

	if (i < 0)
		return -1;
	if (k->heads[f].n == before)
		return k->col[f][i];
	if ((size_t)i == k->col_cap[f]) {
		size_t cap = k->col_cap[f] ? 2 * k->col_cap[f] : 64;
		long *v = realloc(k->col[f], cap * sizeof(*v));
		if (!v)
			return -1;
		k->col[f] = v;
		k->col_cap[f] = cap;
	}
	return k->col[f][i] = cm_rows_column(r, h, decl, 1);
}

/* Sets the cell of row under header h from v: a scalar, or a list of them
 * joined with '|'; an object is skipped with a note (once per header). */
static int put_value(struct kj *k, struct cm_rows *r, size_t row, const char *h, json_object *v)
{
	long col;
	int rc = CM_OK;

	k->cell_len = 0;
	if (json_object_is_type(v, json_type_array)) {
		size_t i, n = json_object_array_length(v);
		for (i = 0; i < n && rc == CM_OK; i++)
			if ((rc = i ? cell_add(k, "|", 1) : CM_OK) == CM_OK)
				rc = scalar_text(k, json_object_array_get_idx(v, i));
	} else
		rc = scalar_text(k, v);
	if (rc == 1) {
		size_t before = k->noted.n;
		if (cm_strset_add(&k->noted, h, strlen(h)) < 0)
			return nomem(k);
		if (k->noted.n > before &&
		    cm_diags_add(k->rd->diags, CM_NOTE, CM_OK, k->rd->path, r->rows[row].line, 0,
				 "field '%.60s' holds nested objects; coalmap skips it", h) < 0)
			return nomem(k);
		return CM_OK;
	}
	if (rc < 0)
		return rc;
	if ((col = column_of(k, r, h, CM_DECL_ANY)) < 0)
		return nomem(k);
	return k->cell_len ? cm_rows_set(r, row, (size_t)col, k->cell, k->cell_len) < 0 ? nomem(k) : CM_OK
			   : CM_OK;
}

static int put_attributes(struct kj *k, struct cm_rows *r, size_t row, json_object *o, int is_el)
{
	json_object *attrs;
	char buf[160];
	int rc = CM_OK;

	if (!json_object_object_get_ex(o, "attributes", &attrs) || !json_object_is_type(attrs, json_type_object))
		return CM_OK;
	json_object_object_foreach(attrs, key, v)
	{
		if (rc == CM_OK)
			rc = put_value(k, r, row, header_of(k, key, is_el, buf, sizeof(buf)), v);
	}
	return rc;
}

/* The string member name of o, or NULL. */
static const char *str_of(json_object *o, const char *name)
{
	json_object *v;

	return json_object_object_get_ex(o, name, &v) && json_object_is_type(v, json_type_string)
		       ? json_object_get_string(v)
		       : NULL;
}

static json_object *list_of(json_object *o, const char *name)
{
	json_object *v;

	return json_object_object_get_ex(o, name, &v) && json_object_is_type(v, json_type_array) ? v : NULL;
}

static int read_elements(struct kj *k, json_object *list)
{
	struct cm_rows *r = k->rd->orgs;
	size_t i, n = json_object_array_length(list);
	char what[48];
	int rc = CM_OK;

	r->header_line = 1;
	if (cm_rows_column(r, "ID", CM_DECL_TEXT, 1) < 0 || cm_rows_column(r, "Label", CM_DECL_TEXT, 1) < 0)
		return nomem(k);
	for (i = 0; i < n && rc == CM_OK; i++) {
		json_object *e = json_object_array_get_idx(list, i);
		const char *id = json_object_is_type(e, json_type_object) ? str_of(e, "_id") : NULL;
		long line = json_object_is_type(e, json_type_object) ? line_of(k, e) : 0, row;
		size_t before = k->eids.n;
		snprintf(what, sizeof(what), "elements[%zu]", i);
		if (!id || !*id) {
			data_error(k, line, "%s has no \"_id\"", what);
			continue;
		}
		if (cm_strset_add(&k->eids, id, strlen(id)) < 0)
			return nomem(k);
		if (k->eids.n == before) {
			data_error(k, line, "two elements have the _id '%.60s'", id);
			continue;
		}
		if ((row = cm_rows_add(r, line)) < 0 || cm_rows_set(r, (size_t)row, 0, id, strlen(id)) < 0)
			return nomem(k);
		rc = put_attributes(k, r, (size_t)row, e, 1);
	}
	return rc;
}

/* An element's ID is its Label when no other element has that label (and
 * no _id in the file is spelled like it), else its _id. */
static int choose_ids(struct kj *k)
{
	struct cm_rows *r = k->rd->orgs;
	struct cm_strset labels;
	size_t *count = NULL, i, shared = 0;
	const char *example = NULL;
	int rc = CM_OK;

	cm_strset_init(&labels);
	if (!(count = calloc(r->nrows + 1, sizeof(*count))))
		rc = nomem(k);
	for (i = 0; i < r->nrows && rc == CM_OK; i++) {
		const char *l = cm_rows_get(r, i, 1);
		long j = l ? cm_strset_add(&labels, l, strlen(l)) : -2;
		if (j == -1)
			rc = nomem(k);
		else if (j >= 0)
			count[j]++;
	}
	for (i = 0; i < r->nrows && rc == CM_OK; i++) {
		const char *l = cm_rows_get(r, i, 1);
		size_t j = l ? cm_strmap_find(&labels.map, labels.buf, l, strlen(l)) : CM_STRMAP_NONE;
		if (j == CM_STRMAP_NONE || count[j] > 1 ||
		    cm_strmap_find(&k->where.map, k->where.buf, l, strlen(l)) != CM_STRMAP_NONE) {
			shared++;
			example = example ? example : l;
			continue;
		}
		if (cm_rows_set(r, i, 0, l, strlen(l)) < 0)
			rc = nomem(k);
	}
	if (rc == CM_OK && shared &&
	    cm_diags_add(k->rd->diags, CM_NOTE, CM_OK, k->rd->path, 0, 0,
			 "%zu element%s without a label of %s own (e.g. '%.60s') go by Kumu's _id as "
			 "organization id; the others by their label",
			 shared, shared == 1 ? "" : "s", shared == 1 ? "its" : "their", example ? example : "") < 0)
		rc = nomem(k);
	free(count);
	cm_strset_release(&labels);
	return rc;
}

/* kumu_x, kumu_y: where the default map (else the first) draws each element. */
static int read_positions(struct kj *k, json_object *root)
{
	json_object *maps = list_of(root, "maps"), *map = NULL, *nodes;
	const char *def = str_of(root, "defaultMap");
	size_t i, n = maps ? json_object_array_length(maps) : 0;

	for (i = 0; i < n && !map; i++) {
		const char *id = str_of(json_object_array_get_idx(maps, i), "_id");
		if (def && id && !strcmp(def, id))
			map = json_object_array_get_idx(maps, i);
	}
	if (n && !map)
		map = json_object_array_get_idx(maps, 0);
	if (!map || !json_object_is_type(map, json_type_object) || !(nodes = list_of(map, "elements")))
		return CM_OK;
	n = json_object_array_length(nodes);
	for (i = 0; i < n; i++) {
		json_object *node = json_object_array_get_idx(nodes, i), *pos, *v;
		const char *el = json_object_is_type(node, json_type_object) ? str_of(node, "element") : NULL;
		size_t row = el ? cm_strmap_find(&k->eids.map, k->eids.buf, el, strlen(el)) : CM_STRMAP_NONE;
		if (row == CM_STRMAP_NONE || !json_object_object_get_ex(node, "position", &pos) ||
		    !json_object_is_type(pos, json_type_object))
			continue;
		for (int axis = 0; axis < 2; axis++)
			if (json_object_object_get_ex(pos, axis ? "y" : "x", &v) &&
			    (json_object_is_type(v, json_type_double) || json_object_is_type(v, json_type_int)) &&
			    put_value(k, k->rd->orgs, row, axis ? "kumu_y" : "kumu_x", v) < 0)
				return CM_ENOMEM;
	}
	return CM_OK;
}

/* Sets column h of tie row to the chosen ID of the element whose _id is end. */
static int put_end(struct kj *k, size_t row, const char *h, const char *end, const char *conn)
{
	struct cm_rows *t = k->rd->ties;
	size_t e = end ? cm_strmap_find(&k->eids.map, k->eids.buf, end, strlen(end)) : CM_STRMAP_NONE;
	const char *id = e == CM_STRMAP_NONE ? NULL : cm_rows_get(k->rd->orgs, e, 0);
	long col = column_of(k, t, h, CM_DECL_TEXT);

	if (col < 0)
		return nomem(k);
	if (!id) {
		char what[96];
		snprintf(what, sizeof(what), "connection '%.60s': \"%s\"", conn, h[0] == 'F' ? "from" : "to");
		if (end)
			data_error(k, t->rows[row].line, "%s names '%.60s', which is no element's _id", what, end);
		else
			data_error(k, t->rows[row].line, "%s is missing", what);
		return CM_OK;
	}
	return cm_rows_set(t, row, (size_t)col, id, strlen(id)) < 0 ? nomem(k) : CM_OK;
}

static int read_connections(struct kj *k, json_object *list)
{
	struct cm_rows *t = k->rd->ties;
	size_t i, n = list ? json_object_array_length(list) : 0, reversed = 0;
	int rc = CM_OK;

	t->header_line = 1;
	if (cm_rows_column(t, "From", CM_DECL_TEXT, 1) < 0 || cm_rows_column(t, "To", CM_DECL_TEXT, 1) < 0)
		return nomem(k);
	for (i = 0; i < n && rc == CM_OK; i++) {
		json_object *c = json_object_array_get_idx(list, i), *v;
		int is_obj = json_object_is_type(c, json_type_object);
		const char *id = is_obj ? str_of(c, "_id") : NULL, *d = is_obj ? str_of(c, "direction") : NULL;
		long row = cm_rows_add(t, is_obj ? line_of(k, c) : 0), col;
		char what[48];
		if (row < 0)
			return nomem(k);
		snprintf(what, sizeof(what), "connections[%zu]", i);
		if (!is_obj) {
			data_error(k, 0, "%s is not an object", what);
			continue;
		}
		if ((rc = put_end(k, (size_t)row, "From", str_of(c, "from"), id ? id : what)) < 0 ||
		    (rc = put_end(k, (size_t)row, "To", str_of(c, "to"), id ? id : what)) < 0)
			return rc;
		if (d && ((col = column_of(k, t, "Direction", CM_DECL_TEXT)) < 0 ||
			  cm_rows_set(t, (size_t)row, (size_t)col, d, strlen(d)) < 0))
			return nomem(k);
		if (json_object_object_get_ex(c, "reversed", &v) && json_object_get_boolean(v)) {
			col = column_of(k, t, "kumu_reversed", CM_DECL_ANY);
			reversed++;
			if (col < 0 || cm_rows_set(t, (size_t)row, (size_t)col, "true", 4) < 0)
				return nomem(k);
		}
		rc = put_attributes(k, t, (size_t)row, c, 0);
	}
	if (rc == CM_OK && reversed &&
	    cm_diags_add(k->rd->diags, CM_NOTE, CM_OK, k->rd->path, 0, 0,
			 "%zu connection%s marked reversed in Kumu: kept from \"from\" to \"to\", with "
			 "kumu_reversed = true", reversed, reversed == 1 ? " is" : "s are") < 0)
		rc = nomem(k);
	return rc;
}

/* The project's field list, for the names Kumu's spreadsheets give fields:
 * attributes keep "budget size", the list spells "Budget Size". */
static int index_fields(struct kj *k, json_object *attrs)
{
	size_t i, j, n = attrs ? json_object_array_length(attrs) : 0;
	char low[256];

	if (!(k->spelled = calloc(n + 1, sizeof(*k->spelled))))
		return nomem(k);
	for (i = 0; i < n; i++) {
		json_object *a = json_object_array_get_idx(attrs, i), *nm;
		const char *s;
		size_t before = k->fields.n;
		long f;
		if (!json_object_is_type(a, json_type_object) || !json_object_object_get_ex(a, "name", &nm) ||
		    !json_object_is_type(nm, json_type_string))
			continue;
		s = json_object_get_string(nm);
		j = cm_kumu_lower(low, sizeof(low), s);
		if (s[j])
			continue; /* too long to be looked up */
		if ((f = cm_strset_add(&k->fields, low, j)) < 0)
			return nomem(k);
		if (k->fields.n > before)
			k->spelled[f] = s;
	}
	return CM_OK;
}

static int read_project(struct kj *k, json_object *root)
{
	json_object *els = list_of(root, "elements"), *conns;
	int rc;

	if (!els || (json_object_object_get_ex(root, "connections", &conns) &&
		     !json_object_is_type(conns, json_type_null) && !list_of(root, "connections"))) {
		data_error(k, 1, "not a Kumu project: \"%s\" is not a list", els ? "connections" : "elements");
		return CM_OK;
	}
	if ((rc = index_fields(k, list_of(root, "attributes"))) < 0)
		return rc;
	if ((rc = index_ids(k)) < 0 || (rc = read_elements(k, els)) < 0)
		return rc;
	if (k->bad)
		return CM_OK;
	if ((rc = choose_ids(k)) < 0 || (rc = read_positions(k, root)) < 0 ||
	    (rc = read_connections(k, list_of(root, "connections"))) < 0)
		return rc;
	if (!k->bad && cm_kumu_map(k->rd->orgs, k->rd->ties, k->rd->diags, &k->bad) < 0)
		return nomem(k);
	return CM_OK;
}

int cm_read_kumu_json(struct cm_read *rd)
{
	struct kj k;
	json_object *root = NULL;
	int rc;

	memset(&k, 0, sizeof(k));
	k.rd = rd;
	cm_strset_init(&k.where);
	cm_strset_init(&k.eids);
	cm_strset_init(&k.noted);
	cm_strset_init(&k.fields);
	cm_strset_init(&k.heads[0]);
	cm_strset_init(&k.heads[1]);
	k.buf = cm_slurp(rd, KJ_MAX_BYTES, 0, &k.len, &rc);
	if (rc == CM_OK && (rc = parse(&k, &root)) == CM_OK)
		rc = read_project(&k, root);
	if (rc == CM_OK && k.nomem)
		rc = nomem(&k);
	else if (rc == CM_OK && k.bad)
		rc = CM_EDATA;
	json_object_put(root);
	free(k.buf);
	free(k.line);
	free(k.cell);
	cm_strset_release(&k.where);
	cm_strset_release(&k.eids);
	cm_strset_release(&k.noted);
	cm_strset_release(&k.fields);
	cm_strset_release(&k.heads[0]);
	cm_strset_release(&k.heads[1]);
	free(k.col[0]);
	free(k.col[1]);
	free(k.spelled);
	return rc;
}

/* A JSON object with "elements" or "connections" in its first 4 KiB. */
int cm_sniff_kumu_json(const struct cm_peek *p)
{
	if (p->is_dir)
		return CM_NOT_MINE;
	if (p->head[0] == '{' && (strstr(p->head, "\"elements\"") || strstr(p->head, "\"connections\"")))
		return CM_BY_CONTENT;
	return !strcasecmp(p->ext, "json") ? CM_BY_NAME : CM_NOT_MINE;
}
