/*
 * _coalmap.c - the CPython bridge to libcoalmap and libcoalmap-viz, under
 * the pure-Python package coalmap (bindings/python/coalmap; docs/python.md).
 *
 * It binds the analysis context, not the commands: a Landscape holds a
 * struct cm_landscape, an Analysis a struct cm_analysis on it, and every
 * analysis hands back its struct cm_table through one converter
 * (table_to_py): numbers as bytes of int64 or float64 for numpy.frombuffer,
 * text as lists of str, so no Python object is made per org and number.
 *
 * Each engine call releases the GIL, holds the one engine lock (the
 * engine is not thread-safe) and turns Ctrl-C into cm_interrupt(): a
 * SIGINT handler of its own is installed for the call and the previous one
 * restored after, then KeyboardInterrupt is raised.  Engine failures
 * become the exception class the package registered for their status
 * (set_error_classes), with the engine's message and location.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pythread.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/coalmap.h"
#include "viz/map.h"

_Static_assert(sizeof(long long) == 8, "int columns are handed over as int64");

static PyThread_type_lock engine_lock;
static unsigned long main_thread; /* Python runs signal handlers there */
static double time_limit;         /* seconds per engine call; 0 = none */
static PyObject *error_classes; /* dict: status code -> exception class */

/* ---- errors */

/* Raises the class registered for err->code (Exception before
 * registration) with args (message, code, file, line, col, diags). */
static PyObject *raise_error(const struct cm_error *err, PyObject *diags)
{
	PyObject *cls = NULL, *key, *args;

	if (err->code == CM_ENOMEM)
		return PyErr_NoMemory();
	if (error_classes && (key = PyLong_FromLong(err->code))) {
		cls = PyDict_GetItemWithError(error_classes, key);
		Py_DECREF(key);
	}
	if (PyErr_Occurred())
		return NULL;
	args = Py_BuildValue("(siskkO)", err->message[0] ? err->message : cm_status_str(err->code),
			     (int)err->code, err->file, (unsigned long)(err->line > 0 ? err->line : 0),
			     (unsigned long)(err->col > 0 ? err->col : 0), diags ? diags : Py_None);
	if (args) {
		PyErr_SetObject(cls ? cls : PyExc_Exception, args);
		Py_DECREF(args);
	}
	return NULL;
}

static PyObject *usage_error(const char *msg)
{
	struct cm_error err;

	cm_error_clear(&err);
	cm_error_set(&err, CM_EUSAGE, NULL, 0, 0, "%s", msg);
	return raise_error(&err, NULL);
}

/* The loader's diagnostics: a list of (severity, file, line, col,
 * message, hint, count), severity "error", "warning" or "note". */
static PyObject *diags_to_py(const struct cm_diags *d)
{
	PyObject *list = PyList_New((Py_ssize_t)d->n);
	size_t i;

	for (i = 0; list && i < d->n; i++) {
		const struct cm_diag *g = &d->v[i];
		const char *sev = g->severity == CM_ERROR ? "error" : g->severity == CM_WARNING ? "warning" : "note";
		PyObject *item = Py_BuildValue("(ssllssn)", sev, g->where.file, g->where.line, g->where.col,
					       g->where.message, g->hint, (Py_ssize_t)g->count);
		if (!item) {
			Py_CLEAR(list);
			break;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	return list;
}

/* ---- engine calls: GIL released, engine lock held, Ctrl-C honoured */

struct guard {
	PyThreadState *ts;
	struct sigaction old;
	int handler;
};

static void on_sigint(int sig)
{
	(void)sig;
	cm_interrupt();
}

static void engine_enter(struct guard *g, struct cm_error *err)
{
	struct sigaction sa;

	cm_error_clear(err);
	g->ts = PyEval_SaveThread();
	PyThread_acquire_lock(engine_lock, WAIT_LOCK);
	cm_set_time_limit(time_limit); /* also clears an earlier interruption */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	/* Ctrl-C belongs to the main thread: a call on another leaves it to
	 * Python's handler */
	g->handler = PyThread_get_thread_ident() == main_thread && sigaction(SIGINT, &sa, &g->old) == 0;
}

/* rc, or -1 with KeyboardInterrupt (Ctrl-C came during the call) or the
 * engine's error raised. */
static int engine_leave(struct guard *g, int rc, const struct cm_error *err)
{
	int interrupted;

	if (g->handler)
		sigaction(SIGINT, &g->old, NULL);
	interrupted = cm_interrupted();
	cm_set_time_limit(0);
	PyThread_release_lock(engine_lock);
	PyEval_RestoreThread(g->ts);
	if (interrupted) {
		PyErr_SetNone(PyExc_KeyboardInterrupt);
		return -1;
	}
	if (rc < 0) {
		raise_error(err, NULL);
		return -1;
	}
	return rc;
}

/* ---- the one converter: struct cm_table -> (title, [(name, kind, data, nulls, metric)]) */

/* kind "int": data a bytearray of int64; "real": of float64 (NaN when
 * empty), writable so that numpy.frombuffer makes arrays a user may
 * change, without another copy; "text": a list of str or None.  nulls: bytes (1 = empty) when
 * an int column has an empty cell, else None. */
static PyObject *column_to_py(const struct cm_table *t, const struct cm_column *c)
{
	PyObject *data = NULL, *nulls = Py_None, *out;
	size_t r, n = t->nrows;
	int any_null = 0;

	for (r = 0; r < n && !any_null; r++)
		any_null = c->null[r];
	if (c->kind == CM_INT)
		data = PyByteArray_FromStringAndSize((const char *)c->ints, (Py_ssize_t)(n * sizeof(long long)));
	else if (c->kind == CM_REAL)
		data = PyByteArray_FromStringAndSize((const char *)c->reals, (Py_ssize_t)(n * sizeof(double)));
	else if ((data = PyList_New((Py_ssize_t)n)))
		for (r = 0; r < n; r++) {
			PyObject *s = c->null[r] || !c->text[r] ? Py_NewRef(Py_None)
								: PyUnicode_DecodeUTF8(c->text[r], (Py_ssize_t)strlen(c->text[r]),
										       "replace");
			if (!s) {
				Py_CLEAR(data);
				break;
			}
			PyList_SET_ITEM(data, (Py_ssize_t)r, s);
		}
	if (!data)
		return NULL;
	if (c->kind == CM_INT && any_null && !(nulls = PyBytes_FromStringAndSize((const char *)c->null, (Py_ssize_t)n))) {
		Py_DECREF(data);
		return NULL;
	}
	if (nulls == Py_None)
		Py_INCREF(nulls);
	out = Py_BuildValue("(ssNNi)", c->name, c->kind == CM_INT ? "int" : c->kind == CM_REAL ? "real" : "text",
			    data, nulls, c->metric);
	return out;
}

static PyObject *table_to_py(const struct cm_table *t)
{
	PyObject *cols = PyList_New((Py_ssize_t)t->ncols);
	size_t j;

	for (j = 0; cols && j < t->ncols; j++) {
		PyObject *c = column_to_py(t, &t->cols[j]);
		if (!c) {
			Py_CLEAR(cols);
			break;
		}
		PyList_SET_ITEM(cols, (Py_ssize_t)j, c);
	}
	return cols ? Py_BuildValue("(zN)", t->title, cols) : NULL;
}

/* Converts, then releases t. */
static PyObject *table_result(struct cm_table *t)
{
	PyObject *r = table_to_py(t);

	cm_table_release(t);
	return r;
}

/* ---- lists of str in, as const char *const * borrowed from the objects */

struct strs {
	PyObject *fast;
	const char **v;
	size_t n;
};

static void strs_release(struct strs *s)
{
	Py_CLEAR(s->fast);
	PyMem_Free(s->v);
	memset(s, 0, sizeof(*s));
}

/* o: None, a str (one item) or a sequence of str.  0 or -1 (raised). */
static int strs_from(PyObject *o, struct strs *s, const char *what)
{
	Py_ssize_t i, n;

	memset(s, 0, sizeof(*s));
	if (!o || o == Py_None)
		return 0;
	if (PyUnicode_Check(o))
		s->fast = PyTuple_Pack(1, o);
	else
		s->fast = PySequence_Fast(o, what);
	if (!s->fast)
		return -1;
	n = PySequence_Fast_GET_SIZE(s->fast);
	if (!(s->v = PyMem_Calloc((size_t)n + 1, sizeof(*s->v)))) {
		strs_release(s);
		PyErr_NoMemory();
		return -1;
	}
	for (i = 0; i < n; i++) {
		PyObject *item = PySequence_Fast_GET_ITEM(s->fast, i);
		if (!PyUnicode_Check(item) || !(s->v[i] = PyUnicode_AsUTF8(item))) {
			if (!PyErr_Occurred())
				PyErr_Format(PyExc_TypeError, "%s: a list of str, not one holding %.80s", what,
					     Py_TYPE(item)->tp_name);
			strs_release(s);
			return -1;
		}
	}
	s->n = (size_t)n;
	return 0;
}

static struct cm_strlist strlist(const struct strs *s)
{
	return (struct cm_strlist){ s->v, s->n };
}

/* ---- Landscape */

typedef struct {
	PyObject_HEAD
	struct cm_landscape *l;
} LandscapeObject;

static void landscape_dealloc(LandscapeObject *self)
{
	cm_landscape_free(self->l);
	Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject LandscapeType;

/* The sharing options of open() (docs/sharing.md), as the CLI's. */
struct share {
	struct strs anon, anon_drop, drop;
	struct cm_share cs;
	int key_new; /* the key file is not there yet */
};

static void share_release(struct share *s)
{
	strs_release(&s->anon);
	strs_release(&s->anon_drop);
	strs_release(&s->drop);
	cm_pseudonyms_free(s->cs.key);
	memset(s, 0, sizeof(*s));
}

/* Fills s from the options and reads the key file when there is one.  0,
 * or -1 (raised; s released). */
static int share_setup(struct share *s, PyObject *anon, PyObject *anon_drop, PyObject *drop, int sensitive,
		       const char *key)
{
	struct cm_diags d;
	struct cm_error err;
	PyObject *dl;

	memset(s, 0, sizeof(*s));
	if (strs_from(anon, &s->anon, "anonymise") < 0 || strs_from(anon_drop, &s->anon_drop, "anonymise_drop") < 0 ||
	    strs_from(drop, &s->drop, "drop_columns") < 0) {
		share_release(s);
		return -1;
	}
	s->cs.anonymise = s->anon.v;
	s->cs.nanonymise = s->anon.n;
	s->cs.anonymise_drop = s->anon_drop.v;
	s->cs.nanonymise_drop = s->anon_drop.n;
	s->cs.drop = s->drop.v;
	s->cs.ndrop = s->drop.n;
	s->cs.include_sensitive = sensitive;
	if (!(s->cs.key = cm_pseudonyms_new())) {
		share_release(s);
		PyErr_NoMemory();
		return -1;
	}
	s->key_new = key && access(key, F_OK) != 0;
	if (!key || s->key_new)
		return 0;
	cm_diags_init(&d);
	cm_error_clear(&err);
	if (cm_pseudonyms_read(s->cs.key, key, &d, &err) < 0) {
		if ((dl = diags_to_py(&d))) {
			raise_error(&err, dl);
			Py_DECREF(dl);
		}
		cm_diags_release(&d);
		share_release(s);
		return -1;
	}
	cm_diags_release(&d);
	return 0;
}

/* The key as the CLI writes it (exact CSV) when it is new or gained
 * pseudonyms, else None. */
static PyObject *share_key(const struct share *s)
{
	struct cm_table t;
	struct cm_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	PyObject *r;
	int rc;

	if (!s->key_new && !cm_pseudonyms_changed(s->cs.key))
		Py_RETURN_NONE;
	cm_error_clear(&err);
	if (cm_pseudonyms_table(s->cs.key, &t, &err) < 0)
		return raise_error(&err, NULL);
	if (!(f = open_memstream(&buf, &len))) {
		cm_table_release(&t);
		return PyErr_NoMemory();
	}
	rc = cm_write_csv_exact(&t, f, &err);
	if (fclose(f) != 0 && rc >= 0)
		rc = cm_error_set(&err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	cm_table_release(&t);
	r = rc < 0 ? raise_error(&err, NULL) : PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
	free(buf);
	return r;
}

/* open(path, format=None, sheet=None, schema=None, strict=False,
 * anonymise=None, anonymise_drop=None, drop_columns=None,
 * include_sensitive=False, key=None) -> (Landscape, diags, key): key the
 * pseudonym key's new content for the file key (None: unchanged or no
 * file); a failure raises with the diags in its args. */
static PyObject *py_open(PyObject *mod, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "path", "format", "sheet", "schema", "strict", "anonymise", "anonymise_drop",
				  "drop_columns", "include_sensitive", "key", NULL };
	struct cm_load_opts o;
	struct cm_diags d;
	struct cm_error err;
	struct cm_landscape *l = NULL;
	struct share sh;
	struct guard g;
	PyObject *path, *diags, *res = NULL, *anon = Py_None, *anon_drop = Py_None, *drop = Py_None;
	const char *key = NULL;
	int rc, sensitive = 0;

	(void)mod;
	memset(&o, 0, sizeof(o));
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|zzzpOOOpz", kwlist, PyUnicode_FSConverter, &path, &o.format,
					 &o.sheet, &o.schema, &o.strict, &anon, &anon_drop, &drop, &sensitive, &key))
		return NULL;
	if (share_setup(&sh, anon, anon_drop, drop, sensitive, key) < 0) {
		Py_DECREF(path);
		return NULL;
	}
	o.share = &sh.cs;
	cm_diags_init(&d);
	engine_enter(&g, &err);
	rc = cm_landscape_open(&l, PyBytes_AS_STRING(path), &o, &d, &err);
	/* errors are raised below, with the diagnostics */
	if (engine_leave(&g, 0, &err) < 0)
		goto out;
	if (!(diags = diags_to_py(&d)))
		goto out;
	if (rc < 0)
		raise_error(&err, diags);
	else {
		LandscapeObject *lo = PyObject_New(LandscapeObject, &LandscapeType);
		PyObject *k = lo && key ? share_key(&sh) : Py_NewRef(Py_None);
		if (lo) {
			lo->l = l;
			l = NULL;
		}
		if (lo && k)
			res = Py_BuildValue("(OON)", lo, diags, k);
		else
			Py_XDECREF(k);
		Py_XDECREF(lo);
	}
	Py_DECREF(diags);
out:
	cm_landscape_free(l);
	cm_diags_release(&d);
	share_release(&sh);
	Py_DECREF(path);
	return res;
}

static PyObject *landscape_size(LandscapeObject *self, PyObject *unused)
{
	(void)unused;
	return Py_BuildValue("(nn)", (Py_ssize_t)cm_landscape_norgs(self->l), (Py_ssize_t)cm_landscape_nties(self->l));
}

static PyObject *landscape_paths(LandscapeObject *self, PyObject *unused)
{
	(void)unused;
	return Py_BuildValue("(ss)", cm_landscape_orgs_path(self->l), cm_landscape_ties_path(self->l));
}

/* export() -> (orgs table, ties table), as cm_landscape_export. */
static PyObject *landscape_export(LandscapeObject *self, PyObject *unused)
{
	struct cm_table orgs, ties;
	struct cm_error err;
	struct guard g;
	PyObject *a, *b;
	int rc;

	(void)unused;
	cm_table_init(&orgs, 0);
	cm_table_init(&ties, 0);
	engine_enter(&g, &err);
	rc = cm_landscape_export(self->l, &orgs, &ties, &err);
	if (engine_leave(&g, rc, &err) < 0) {
		cm_table_release(&orgs);
		cm_table_release(&ties);
		return NULL;
	}
	a = table_result(&orgs);
	b = table_result(&ties);
	if (!a || !b) {
		Py_XDECREF(a);
		Py_XDECREF(b);
		return NULL;
	}
	return Py_BuildValue("(NN)", a, b);
}

static PyMethodDef landscape_methods[] = {
	{ "size", (PyCFunction)landscape_size, METH_NOARGS, "(orgs, ties)" },
	{ "paths", (PyCFunction)landscape_paths, METH_NOARGS, "(organizations file, relationships file)" },
	{ "export", (PyCFunction)landscape_export, METH_NOARGS, "(orgs table, ties table)" },
	{ NULL, NULL, 0, NULL },
};

static PyTypeObject LandscapeType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "coalmap._coalmap.Landscape",
	.tp_basicsize = sizeof(LandscapeObject),
	.tp_dealloc = (destructor)landscape_dealloc,
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "A loaded landscape (made by open()).",
	.tp_methods = landscape_methods,
};

/* ---- Analysis: one context per landscape and filter */

typedef struct {
	PyObject_HEAD
	struct cm_analysis *a;
	PyObject *landscape; /* keeps the landscape alive */
} AnalysisObject;

static void analysis_dealloc(AnalysisObject *self)
{
	cm_analysis_free(self->a);
	Py_XDECREF(self->landscape);
	Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Sets up self as the context of analysis(); 0 or -1 (raised). */
static int analysis_setup(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "landscape", "types", "at", "weighted", "threads", "samples", "exact",
				  "epsilon", "delta", "certify", "sample_seed", NULL };
	struct cm_filter f;
	struct cm_error err;
	struct strs types;
	PyObject *lo, *ty = Py_None;
	const char *at = NULL;
	Py_ssize_t threads = 0, samples = 0, certify = 0;
	unsigned long long seed = 0;
	int rc;

	memset(&f, 0, sizeof(f));
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O!|OzpnnpddnK", kwlist, &LandscapeType, &lo, &ty, &at, &f.weighted,
					 &threads, &samples, &f.exact, &f.epsilon, &f.delta, &certify, &seed))
		return -1;
	if (threads < 0 || samples < 0 || certify < 0) {
		usage_error("threads, samples and certify are numbers >= 0");
		return -1;
	}
	if (f.epsilon < 0 || f.epsilon > 0.5 || f.delta < 0 || f.delta > 0.5 ||
	    ((f.delta > 0 || certify) && !(f.epsilon > 0)) || (f.epsilon > 0 && (f.weighted || f.exact))) {
		usage_error("epsilon and delta are between 0 and 0.5; delta and certify go with epsilon, which "
			    "goes with neither weighted nor exact");
		return -1;
	}
	f.certify = (size_t)certify;
	f.seed = (uint64_t)seed;
	if (at && cm_date_parse(at, 0, 0, &f.at) < 0) {
		char msg[300];
		snprintf(msg, sizeof(msg), "at='%.200s' is not a date (YYYY-MM-DD)", at);
		usage_error(msg);
		return -1;
	}
	f.has_at = at != NULL;
	f.threads = (size_t)threads;
	f.samples = (size_t)samples;
	if (strs_from(ty, &types, "types") < 0)
		return -1;
	f.types = types.n ? types.v : NULL;
	f.ntypes = types.n;
	if (types.n && cm_names_check((const struct cm_landscape *const *)&((LandscapeObject *)lo)->l, 1,
				      CM_NAME_TIE_TYPE, "types", types.v, types.n, &err) < 0) {
		strs_release(&types);
		raise_error(&err, NULL);
		return -1;
	}
	cm_error_clear(&err);
	cm_analysis_free(self->a);
	self->a = NULL;
	rc = cm_analysis_new(&self->a, ((LandscapeObject *)lo)->l, &f, &err); /* copies the filter */
	strs_release(&types);
	if (rc < 0) {
		raise_error(&err, NULL);
		return -1;
	}
	Py_XSETREF(self->landscape, Py_NewRef(lo));
	return 0;
}

/* metrics(group_by=None) */
static PyObject *analysis_metrics(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "group_by", NULL };
	const char *group_by = NULL;
	struct cm_table t;
	struct cm_error err;
	struct guard g;
	int rc;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "|z", kwlist, &group_by))
		return NULL;
	cm_table_init(&t, 0);
	engine_enter(&g, &err);
	rc = cm_metrics(self->a, &t, &err);
	if (rc >= 0 && group_by)
		rc = cm_brokerage(self->a, group_by, &t, &err);
	if (engine_leave(&g, rc, &err) < 0) {
		cm_table_release(&t);
		return NULL;
	}
	return table_result(&t);
}

#define MAX_SHARES 20

/* Shares of missing data: a number or a sequence of at most MAX_SHARES
 * (None: none), each checked by the engine.  0 or -1 (raised). */
static int shares_from(PyObject *o, double *v, size_t *n)
{
	PyObject *fast;
	Py_ssize_t i, k;

	*n = 0;
	if (!o || o == Py_None)
		return 0;
	if (PyNumber_Check(o) && !PySequence_Check(o)) {
		v[0] = PyFloat_AsDouble(o);
		*n = 1;
		return PyErr_Occurred() ? -1 : 0;
	}
	if (!(fast = PySequence_Fast(o, "missing: a share or a list of shares")))
		return -1;
	k = PySequence_Fast_GET_SIZE(fast);
	if (k > MAX_SHARES) {
		Py_DECREF(fast);
		usage_error("missing: at most 20 shares");
		return -1;
	}
	for (i = 0; i < k; i++) {
		v[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast, i));
		if (PyErr_Occurred()) {
			Py_DECREF(fast);
			return -1;
		}
	}
	Py_DECREF(fast);
	*n = (size_t)k;
	return 0;
}

/* power(group_by=None, targets=None, key_players=5, permutations=1000,
 * seed=1, missing=None, resamples=100, missing_orgs=False): as `coalmap
 * power` runs it */
static PyObject *analysis_power(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "group_by", "targets", "key_players", "permutations", "seed", "missing",
				  "resamples", "missing_orgs", NULL };
	struct cm_power_opts o;
	PyObject *targets = Py_None, *missing = Py_None;
	Py_ssize_t kp = 5, perms = CM_POWER_PERMUTATIONS, resamples = CM_RANK_RESAMPLES;
	unsigned long long seed = CM_POWER_SEED;
	double shares[MAX_SHARES];
	int orgs = 0;
	struct strs ts;
	struct cm_table t;
	struct cm_error err;
	struct guard g;
	int rc;

	memset(&o, 0, sizeof(o));
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|zOnnKOnp", kwlist, &o.group_by, &targets, &kp, &perms, &seed,
					 &missing, &resamples, &orgs))
		return NULL;
	if (shares_from(missing, shares, &o.nmissing) < 0)
		return NULL;
	if (resamples < 1 || resamples > 100000)
		return usage_error("resamples is a number from 1 to 100000");
	if (o.nmissing && !kp && !o.group_by)
		return usage_error("missing ranks the key players and the gatekeepers: it needs key_players above 0 "
				   "or group_by");
	o.missing = shares;
	o.resamples = (size_t)resamples;
	o.missing_orgs = orgs;
	if (kp < 0 || kp > 1000)
		return usage_error("key_players is a number from 0 to 1000");
	if (perms < 0 || perms > 100000)
		return usage_error("permutations is a number from 0 (no tests) to 100000");
	o.permutations = (size_t)perms;
	o.seed = seed;
	if (strs_from(targets, &ts, "targets") < 0)
		return NULL;
	o.targets = ts.n ? ts.v : NULL;
	o.ntargets = ts.n;
	o.key_players = (size_t)kp;
	cm_table_init(&t, 0);
	engine_enter(&g, &err);
	rc = cm_power(self->a, &o, &t, &err);
	rc = engine_leave(&g, rc, &err);
	strs_release(&ts);
	if (rc < 0) {
		cm_table_release(&t);
		return NULL;
	}
	return table_result(&t);
}

/* robustness(missing, by="betweenness", top=10, resamples=100,
 * orgs=False, seed=1): cm_rank_robustness, as `coalmap metrics
 * --missing` */
static PyObject *analysis_robustness(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "missing", "by", "top", "resamples", "orgs", "seed", NULL };
	struct cm_rank_opts o;
	PyObject *missing;
	const char *by = "betweenness";
	Py_ssize_t top = CM_RANK_TOP, resamples = CM_RANK_RESAMPLES;
	unsigned long long seed = CM_RANK_SEED;
	double shares[MAX_SHARES];
	int orgs = 0, m, rc;
	struct cm_table t;
	struct cm_error err;
	struct guard g;

	memset(&o, 0, sizeof(o));
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|znnpK", kwlist, &missing, &by, &top, &resamples, &orgs, &seed))
		return NULL;
	if (shares_from(missing, shares, &o.nshares) < 0)
		return NULL;
	if ((m = cm_metric_find(by ? by : "betweenness")) < 0)
		return usage_error("by: no measure of that name");
	if (top < 1 || resamples < 1 || resamples > 1000000)
		return usage_error("top is a number from 1, resamples from 1 to 1000000");
	o.by = (enum cm_metric)m;
	o.shares = shares;
	o.resamples = (size_t)resamples;
	o.top = (size_t)top;
	o.orgs = orgs;
	o.seed = seed;
	cm_table_init(&t, 0);
	engine_enter(&g, &err);
	rc = cm_rank_robustness(self->a, &o, &t, &err);
	if (engine_leave(&g, rc, &err) < 0) {
		cm_table_release(&t);
		return NULL;
	}
	return table_result(&t);
}

/* The string lists of gaps' options, in kwlist order after the scalars. */
enum { G_TARGETS, G_TYPE, G_REGION, G_EXCLUDE, G_SKILLS, G_TYPES, G_REGIONS, G_NLISTS };

/* gaps(for_org=None, for_group=None, group_by=None, role=None, top=10,
 * include_targets=False, weights=None (dict), targets, type, region,
 * exclude_stance, need_skills, need_types, need_regions)
 * -> (table, limits): cm_recommend with for_org or for_group (limits: its
 * sentences), else cm_gaps (limits ""). */
static PyObject *analysis_gaps(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "for_org", "for_group", "group_by", "role", "top", "include_targets", "weights",
				  "targets", "type", "region", "exclude_stance", "need_skills", "need_types",
				  "need_regions", NULL };
	struct cm_gaps_opts o;
	const char *role = NULL;
	Py_ssize_t top = 10;
	PyObject *weights = Py_None, *lists[G_NLISTS] = { 0 }, *res = NULL;
	struct strs s[G_NLISTS];
	struct cm_table t;
	struct cm_error err;
	struct guard g;
	char limits[1024] = "";
	int rc = 0, k;

	cm_gaps_opts_init(&o);
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|zzzznpOOOOOOOO", kwlist, &o.for_org, &o.for_group, &o.group_by,
					 &role, &top, &o.include_targets, &weights, &lists[0], &lists[1], &lists[2],
					 &lists[3], &lists[4], &lists[5], &lists[6]))
		return NULL;
	memset(s, 0, sizeof(s));
	if (top < 0)
		return usage_error("top is a number of rows >= 0");
	if (role && (k = cm_partner_role_of(role)) < 0) {
		char msg[400];
		snprintf(msg, sizeof(msg), "role='%.100s' is not a partner role: strategic, implementing, "
			 "distribution, access, balanced or all", role);
		return usage_error(msg);
	} else if (role)
		o.role = (enum cm_partner_role)k;
	else if (weights != Py_None)
		o.role = CM_PARTNER_BALANCED;
	if (role && weights != Py_None && o.role != CM_PARTNER_BALANCED)
		return usage_error("weights weigh the balanced score; they do not go with another role");
	for (k = 0; weights != Py_None && k < CM_GAP_NCOMPONENTS; k++) {
		PyObject *w = PyMapping_Check(weights) ? PyMapping_GetItemString(weights, cm_gaps_component_name(k))
						       : NULL;
		if (!w && !PyMapping_Check(weights))
			return usage_error("weights is a dict of component name -> weight");
		if (!w) {
			PyErr_Clear();
			continue;
		}
		o.weights[k] = PyFloat_AsDouble(w);
		Py_DECREF(w);
		if (PyErr_Occurred())
			return NULL;
		if (!(o.weights[k] >= 0) || o.weights[k] > 1e6)
			return usage_error("weights are numbers from 0 to 1e6");
	}
	for (k = 0; k < G_NLISTS; k++)
		if (strs_from(lists[k], &s[k], kwlist[7 + k]) < 0)
			goto out;
	o.targets = strlist(&s[G_TARGETS]);
	o.type = strlist(&s[G_TYPE]);
	o.region = strlist(&s[G_REGION]);
	o.exclude_stance = strlist(&s[G_EXCLUDE]);
	o.need_skills = strlist(&s[G_SKILLS]);
	o.need_types = strlist(&s[G_TYPES]);
	o.need_regions = strlist(&s[G_REGIONS]);
	o.top = (size_t)top;
	cm_table_init(&t, 0);
	engine_enter(&g, &err);
	if (o.for_org || o.for_group) {
		rc = cm_recommend(self->a, &o, &t, &err);
		if (rc >= 0)
			rc = cm_recommend_limits(self->a, &o, limits, sizeof(limits), &err);
	} else
		rc = cm_gaps(self->a, &o, &t, &err);
	if (engine_leave(&g, rc, &err) < 0)
		cm_table_release(&t);
	else if ((res = table_result(&t)))
		res = Py_BuildValue("(Ns)", res, limits);
out:
	for (k = 0; k < G_NLISTS; k++)
		strs_release(&s[k]);
	return res;
}

/* path(from, to, k=3) -> (table, trust known, pairs) */
static PyObject *analysis_path(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "source", "target", "k", NULL };
	const char *from, *to;
	Py_ssize_t k = 3;
	size_t known = 0, pairs = 0;
	struct cm_table t;
	struct cm_error err;
	struct guard g;
	PyObject *res;
	int rc;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "ss|n", kwlist, &from, &to, &k))
		return NULL;
	if (k < 1 || k > 1000)
		return usage_error("k is a number of chains from 1 to 1000");
	cm_table_init(&t, 0);
	engine_enter(&g, &err);
	rc = cm_path(self->a, from, to, (size_t)k, &t, &err);
	if (rc >= 0)
		rc = cm_path_trust(self->a, &known, &pairs, &err);
	if (engine_leave(&g, rc, &err) < 0) {
		cm_table_release(&t);
		return NULL;
	}
	res = table_result(&t);
	return res ? Py_BuildValue("(Nnn)", res, (Py_ssize_t)known, (Py_ssize_t)pairs) : NULL;
}

/* stakeholders(focus=None, targets=None, camps=False, top=20) -> (table, notes) */
static PyObject *analysis_stakeholders(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "focus", "targets", "camps", "top", NULL };
	struct cm_stake_opts o;
	PyObject *focus = Py_None, *targets = Py_None, *res = NULL;
	struct strs fs, ts;
	Py_ssize_t top = 20;
	int camps = 0, rc;
	char notes[1024] = "";
	struct cm_table t;
	struct cm_error err;
	struct guard g;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "|OOpn", kwlist, &focus, &targets, &camps, &top))
		return NULL;
	if (top < 0)
		return usage_error("top is a number >= 0");
	if (strs_from(focus, &fs, "for_") < 0)
		return NULL;
	if (strs_from(targets, &ts, "targets") < 0) {
		strs_release(&fs);
		return NULL;
	}
	memset(&o, 0, sizeof(o));
	o.focus = strlist(&fs);
	o.targets = strlist(&ts);
	o.top = (size_t)top;
	o.notes = notes;
	o.notes_size = sizeof(notes);
	cm_table_init(&t, 0);
	engine_enter(&g, &err);
	rc = camps ? cm_stake_camps(self->a, &o, &t, &err) : cm_stakeholders(self->a, &o, &t, &err);
	if (engine_leave(&g, rc, &err) < 0)
		cm_table_release(&t);
	else if ((res = table_result(&t)))
		res = Py_BuildValue("(Ns)", res, notes);
	strs_release(&fs);
	strs_release(&ts);
	return res;
}

/* An engine call that takes the context alone and fills a table. */
static PyObject *table_call(AnalysisObject *self, int (*fn)(struct cm_analysis *, struct cm_table *, struct cm_error *))
{
	struct cm_table t;
	struct cm_error err;
	struct guard g;
	int rc;

	cm_table_init(&t, 0);
	engine_enter(&g, &err);
	rc = fn(self->a, &t, &err);
	if (engine_leave(&g, rc, &err) < 0) {
		cm_table_release(&t);
		return NULL;
	}
	return table_result(&t);
}

static PyObject *analysis_check(AnalysisObject *self, PyObject *unused)
{
	(void)unused;
	return table_call(self, cm_check);
}

/* inequality_curves(): the Lorenz curves and the degree distribution */
static PyObject *analysis_curves(AnalysisObject *self, PyObject *unused)
{
	(void)unused;
	return table_call(self, cm_inequality_curves);
}

static PyTypeObject AnalysisType;

/* diff(after, group_by=None, top=10): self is before. */
static PyObject *analysis_diff(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "after", "group_by", "top", NULL };
	struct cm_diff_opts o = { NULL, 10 };
	AnalysisObject *after;
	Py_ssize_t top = 10;
	struct cm_table t;
	struct cm_error err;
	struct guard g;
	int rc;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "O!|zn", kwlist, &AnalysisType, &after, &o.group_by, &top))
		return NULL;
	if (top < 0)
		return usage_error("top is a number >= 0 (0 = all)");
	o.top = (size_t)top;
	cm_table_init(&t, 0);
	engine_enter(&g, &err);
	rc = cm_diff(self->a, after->a, &o, &t, &err);
	if (engine_leave(&g, rc, &err) < 0) {
		cm_table_release(&t);
		return NULL;
	}
	return table_result(&t);
}

/* Labels: "auto", "all", "none" or a number of top orgs. */
static int map_labels(PyObject *o, struct cm_map_opts *mo)
{
	if (!o || o == Py_None)
		return 0;
	if (PyLong_Check(o)) {
		long n = PyLong_AsLong(o);
		if (n < 1 || n > 100000) {
			usage_error("labels is 'auto', 'all', 'none' or a number of orgs >= 1");
			return -1;
		}
		mo->labels = CM_MAP_LABELS_TOP_N;
		mo->labels_top = (size_t)n;
		return 0;
	}
	if (PyUnicode_Check(o) && !PyUnicode_CompareWithASCIIString(o, "all"))
		mo->labels = CM_MAP_LABELS_ALL;
	else if (PyUnicode_Check(o) && !PyUnicode_CompareWithASCIIString(o, "none"))
		mo->labels = CM_MAP_LABELS_NONE;
	else if (!PyUnicode_Check(o) || PyUnicode_CompareWithASCIIString(o, "auto")) {
		usage_error("labels is 'auto', 'all', 'none' or a number of orgs >= 1");
		return -1;
	}
	return 0;
}

/* where: a list of (attr, value) pairs into w (n of them). */
static int map_where(PyObject *o, struct cm_map_where **w, size_t *n)
{
	PyObject *fast;
	Py_ssize_t i, len;

	*w = NULL;
	*n = 0;
	if (!o || o == Py_None)
		return 0;
	if (!(fast = PySequence_Fast(o, "where: a list of (column, value) pairs")))
		return -1;
	len = PySequence_Fast_GET_SIZE(fast);
	if (!(*w = PyMem_Calloc((size_t)len + 1, sizeof(**w)))) {
		Py_DECREF(fast);
		PyErr_NoMemory();
		return -1;
	}
	for (i = 0; i < len; i++)
		if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(fast, i), "ss;where: a list of (column, value) pairs",
				      &(*w)[i].attr, &(*w)[i].value)) {
			Py_DECREF(fast);
			PyMem_Free(*w);
			*w = NULL;
			return -1;
		}
	*n = (size_t)len;
	Py_DECREF(fast); /* the strings stay alive in o, which the caller holds */
	return 0;
}

/* map(format="svg", layout, color_by, size_by, labels, title, no_legend,
 * ego, radius, aggregate, where, dpi, name, highlight_gaps, gaps_top)
 * -> (bytes, orgs drawn, aggregated, labels_limited, suggested) */
static PyObject *analysis_map(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "format", "layout", "color_by", "size_by", "labels", "title", "no_legend", "ego",
				  "radius", "aggregate", "where", "dpi", "name", "highlight_gaps", "gaps_top", NULL };
	struct cm_map_opts mo;
	struct cm_map_info info;
	PyObject *labels = Py_None, *where = Py_None, *res = NULL;
	Py_ssize_t radius = 0, gaps_top = 0;
	char *data = NULL;
	size_t len = 0;
	struct cm_error err;
	struct guard g;
	int rc;

	memset(&mo, 0, sizeof(mo));
	memset(&info, 0, sizeof(info));
	mo.format = "svg";
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|zzzzOzpznzOdzzn", kwlist, &mo.format, &mo.layout, &mo.color_by,
					 &mo.size_by, &labels, &mo.title, &mo.no_legend, &mo.ego, &radius,
					 &mo.aggregate, &where, &mo.dpi, &mo.name, &mo.highlight_gaps, &gaps_top))
		return NULL;
	if (radius < 0 || gaps_top < 0 || gaps_top > CM_MAP_GAPS_MAX || (mo.dpi && (mo.dpi < 36 || mo.dpi > 600)))
		return usage_error("radius >= 0, gaps_top from 1 to 10, dpi from 36 to 600");
	mo.radius = (size_t)radius;
	mo.gaps_top = (size_t)gaps_top;
	if (map_labels(labels, &mo) < 0 || map_where(where, (struct cm_map_where **)&mo.where, &mo.nwhere) < 0)
		return NULL;
	engine_enter(&g, &err);
	rc = cm_map_render(self->a, &mo, &data, &len, &info, &err);
	if (engine_leave(&g, rc, &err) >= 0)
		res = Py_BuildValue("(y#nNNn)", data, (Py_ssize_t)len, (Py_ssize_t)info.orgs,
				    PyBool_FromLong(info.auto_aggregate), PyBool_FromLong(info.labels_limited),
				    (Py_ssize_t)info.suggested);
	free(data);
	PyMem_Free((void *)mo.where);
	return res;
}

/* The report's map on its own context, as coalmap report draws it: with
 * the partners of for_org marked, or without when the map is too large
 * to draw org by org.  rc as the engine's. */
/* report(format="html", for_org, group_by, targets, key_players=5, top=0,
 * title, name, path) -> (document bytes, [(file, SVG bytes), ...]): the
 * figures drawn as `coalmap report` draws them (viz's cm_map_report); with
 * path (a Markdown report's), the files beside it that the document links
 * them to (cm_doc_name_figures) and the caller writes. */
static PyObject *analysis_report(AnalysisObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "format", "for_org", "group_by", "targets", "key_players", "top", "title", "name",
				  "path", "missing", "resamples", NULL };
	struct cm_report_opts o;
	const char *format = "html", *path = NULL;
	PyObject *targets = Py_None, *res = NULL, *files;
	Py_ssize_t kp = 5, top = 0, resamples = CM_RANK_RESAMPLES;
	struct strs ts;
	struct cm_doc d;
	struct cm_error err;
	struct guard g;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = NULL;
	int rc, k;

	memset(&o, 0, sizeof(o));
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|zzzOnnzzzdn", kwlist, &format, &o.for_org, &o.group_by, &targets,
					 &kp, &top, &o.title, &o.name, &path, &o.missing, &resamples))
		return NULL;
	if (!(o.missing >= 0 && o.missing < 1) || resamples < 1 || resamples > 100000)
		return usage_error("missing is a share from 0 (none) to below 1, resamples a number from 1 to 100000");
	o.resamples = (size_t)resamples;
	if (strcmp(format, "html") && strcmp(format, "md"))
		return usage_error("a report is html or md");
	if (kp < 0 || kp > 1000 || top < 0 || top > 1000)
		return usage_error("key_players is a number from 0 to 1000, top from 1 to 1000");
	if (strs_from(targets, &ts, "targets") < 0)
		return NULL;
	o.targets = strlist(&ts);
	o.key_players = (size_t)kp;
	o.top = (size_t)top;
	cm_doc_init(&d);
	engine_enter(&g, &err);
	rc = cm_report_build(self->a, &o, &d, &err);
	if (rc >= 0)
		rc = cm_map_report(self->a, &o, &d, &err);
	if (rc >= 0 && path && cm_doc_name_figures(&d, path) < 0)
		rc = cm_error_set(&err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc >= 0 && !(f = open_memstream(&buf, &len)))
		rc = cm_error_set(&err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc >= 0)
		rc = cm_write_doc(cm_writer_find(format), &d, f, &err);
	if (f && fclose(f) != 0 && rc >= 0)
		rc = cm_error_set(&err, CM_ENOMEM, NULL, 0, 0, "out of memory");
	if (engine_leave(&g, rc, &err) >= 0 && (files = PyList_New(0))) {
		for (k = 0; files && k < CM_DOC_FIGURES; k++) {
			PyObject *item;
			if (!d.fig[k].file)
				continue;
			item = Py_BuildValue("(sy#)", d.fig[k].file, d.fig[k].svg, (Py_ssize_t)d.fig[k].len);
			if (!item || PyList_Append(files, item) < 0)
				Py_CLEAR(files);
			Py_XDECREF(item);
		}
		res = files ? Py_BuildValue("(y#N)", buf, (Py_ssize_t)len, files) : NULL;
	}
	free(buf);
	cm_doc_release(&d);
	strs_release(&ts);
	return res;
}

/* analysis(landscape, types=None, at=None, weighted=False, threads=0,
 * samples=0, exact=False): a new context (the only way to make one, so
 * that no Analysis is ever without its context). */
static PyObject *py_analysis(PyObject *mod, PyObject *args, PyObject *kw)
{
	AnalysisObject *self = PyObject_New(AnalysisObject, &AnalysisType);

	(void)mod;
	if (!self)
		return NULL;
	self->a = NULL;
	self->landscape = NULL;
	if (analysis_setup(self, args, kw) < 0) {
		Py_DECREF(self);
		return NULL;
	}
	return (PyObject *)self;
}

static PyObject *analysis_sampled(AnalysisObject *self, PyObject *unused)
{
	(void)unused;
	return PyBool_FromLong(cm_analysis_sampled(self->a));
}

/* bound(): what bounded betweenness promised (after metrics), or None. */
static PyObject *analysis_bound(AnalysisObject *self, PyObject *unused)
{
	struct cm_bound_info b;
	PyObject *ranks;
	size_t i;

	(void)unused;
	if (cm_analysis_bound(self->a, &b) < 0)
		Py_RETURN_NONE;
	if (!(ranks = PyList_New(0)))
		return NULL;
	for (i = 0; i < b.top_k; i++) {
		PyObject *k;
		if (!b.certain[i])
			continue;
		if (!(k = PyLong_FromSize_t(i + 1)) || PyList_Append(ranks, k) < 0) {
			Py_XDECREF(k);
			Py_DECREF(ranks);
			return NULL;
		}
		Py_DECREF(k);
	}
	return Py_BuildValue("{s:d,s:d,s:n,s:n,s:O,s:n,s:N}", "epsilon", b.epsilon, "delta", b.delta, "samples",
			     (Py_ssize_t)b.samples, "cap", (Py_ssize_t)b.cap, "capped", b.capped ? Py_True : Py_False,
			     "top_k", (Py_ssize_t)b.top_k, "certain_ranks", ranks);
}

static PyMethodDef analysis_methods[] = {
	{ "metrics", (PyCFunction)(void (*)(void))analysis_metrics, METH_VARARGS | METH_KEYWORDS, "cm_metrics" },
	{ "power", (PyCFunction)(void (*)(void))analysis_power, METH_VARARGS | METH_KEYWORDS, "cm_power" },
	{ "robustness", (PyCFunction)(void (*)(void))analysis_robustness, METH_VARARGS | METH_KEYWORDS,
	  "cm_rank_robustness" },
	{ "inequality_curves", (PyCFunction)analysis_curves, METH_NOARGS, "cm_inequality_curves" },
	{ "gaps", (PyCFunction)(void (*)(void))analysis_gaps, METH_VARARGS | METH_KEYWORDS, "cm_gaps, cm_recommend" },
	{ "path", (PyCFunction)(void (*)(void))analysis_path, METH_VARARGS | METH_KEYWORDS, "cm_path" },
	{ "stakeholders", (PyCFunction)(void (*)(void))analysis_stakeholders, METH_VARARGS | METH_KEYWORDS,
	  "cm_stakeholders, cm_stake_camps" },
	{ "check", (PyCFunction)analysis_check, METH_NOARGS, "cm_check" },
	{ "diff", (PyCFunction)(void (*)(void))analysis_diff, METH_VARARGS | METH_KEYWORDS, "cm_diff" },
	{ "map", (PyCFunction)(void (*)(void))analysis_map, METH_VARARGS | METH_KEYWORDS, "cm_map_render" },
	{ "report", (PyCFunction)(void (*)(void))analysis_report, METH_VARARGS | METH_KEYWORDS, "cm_report_build" },
	{ "sampled", (PyCFunction)analysis_sampled, METH_NOARGS, "cm_analysis_sampled" },
	{ "bound", (PyCFunction)analysis_bound, METH_NOARGS, "cm_analysis_bound" },
	{ NULL, NULL, 0, NULL },
};

static PyTypeObject AnalysisType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "coalmap._coalmap.Analysis",
	.tp_basicsize = sizeof(AnalysisObject),
	.tp_dealloc = (destructor)analysis_dealloc,
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "One analysis context (made by analysis()): each measure is computed once.",
	.tp_methods = analysis_methods,
};

/* ---- the metric registry */

static PyObject *info_to_py(const struct cm_metric_info *mi)
{
	return Py_BuildValue("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:i,s:O,s:O,s:O}", "name", mi->name, "label", mi->label,
			     "short_label", mi->short_label, "definition", mi->definition, "unit", mi->unit,
			     "reference", mi->reference,
			     "kind", mi->kind == CM_INT ? "int" : mi->kind == CM_REAL ? "real" : "text",
			     "direction", (int)mi->direction, "label_column", mi->flags & CM_MF_LABEL ? Py_True : Py_False,
			     "sampled_only", mi->flags & (CM_MF_SAMPLED | CM_MF_BOUNDED) ? Py_True : Py_False,
			     "grouped_only", mi->flags & CM_MF_GROUPED ? Py_True : Py_False);
}

/* metric_info(name=None): one entry's dict, or the list of every entry. */
static PyObject *py_metric_info(PyObject *mod, PyObject *args)
{
	const char *name = NULL;
	PyObject *list;
	int m;

	(void)mod;
	if (!PyArg_ParseTuple(args, "|z", &name))
		return NULL;
	if (name) {
		if ((m = cm_metric_find(name)) < 0)
			return Py_NewRef(Py_None);
		return info_to_py(cm_metric_info((enum cm_metric)m));
	}
	if (!(list = PyList_New(CM_METRIC_N)))
		return NULL;
	for (m = 0; m < CM_METRIC_N; m++) {
		PyObject *d = info_to_py(cm_metric_info((enum cm_metric)m));
		if (!d) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, m, d);
	}
	return list;
}

/* set_time_limit(seconds): each later engine call stops with
 * TimeLimitError after this long (0: never), as the CLI's --time-limit. */
static PyObject *py_set_time_limit(PyObject *mod, PyObject *arg)
{
	double s = PyFloat_AsDouble(arg);

	(void)mod;
	if (s == -1 && PyErr_Occurred())
		return NULL;
	if (!(s >= 0) || s > 1e9)
		return usage_error("time_limit is a number of seconds >= 0 (0: none)");
	time_limit = s;
	Py_RETURN_NONE;
}

static PyObject *py_set_error_classes(PyObject *mod, PyObject *dict)
{
	(void)mod;
	if (!PyDict_Check(dict)) {
		PyErr_SetString(PyExc_TypeError, "a dict of status -> exception class");
		return NULL;
	}
	Py_XSETREF(error_classes, Py_NewRef(dict));
	Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
	{ "open", (PyCFunction)(void (*)(void))py_open, METH_VARARGS | METH_KEYWORDS,
	  "open(path, format=None, sheet=None, schema=None, strict=False, anonymise=None, anonymise_drop=None, "
	  "drop_columns=None, include_sensitive=False, key=None) -> (Landscape, diagnostics, new key or None)" },
	{ "analysis", (PyCFunction)(void (*)(void))py_analysis, METH_VARARGS | METH_KEYWORDS,
	  "analysis(landscape, types=None, at=None, weighted=False, threads=0, samples=0, exact=False)" },
	{ "metric_info", py_metric_info, METH_VARARGS, "metric_info(name=None): the registry's entries" },
	{ "set_error_classes", py_set_error_classes, METH_O, "the exception class of each status" },
	{ "set_time_limit", py_set_time_limit, METH_O, "set_time_limit(seconds): per engine call; 0 = none" },
	{ NULL, NULL, 0, NULL },
};

static struct PyModuleDef module = {
	PyModuleDef_HEAD_INIT, "_coalmap", "The CPython bridge to libcoalmap.", -1, module_methods,
	NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__coalmap(void);
PyMODINIT_FUNC PyInit__coalmap(void)
{
	PyObject *m;

	if (PyType_Ready(&LandscapeType) < 0 || PyType_Ready(&AnalysisType) < 0)
		return NULL;
	if (!engine_lock && !(engine_lock = PyThread_allocate_lock()))
		return PyErr_NoMemory();
	cm_init();
	main_thread = PyThread_get_thread_ident();
	if (!(m = PyModule_Create(&module)))
		return NULL;
	if (PyModule_AddObjectRef(m, "Landscape", (PyObject *)&LandscapeType) < 0 ||
	    PyModule_AddObjectRef(m, "Analysis", (PyObject *)&AnalysisType) < 0 ||
	    PyModule_AddIntConstant(m, "EUSAGE", CM_EUSAGE) < 0 || PyModule_AddIntConstant(m, "EDATA", CM_EDATA) < 0 ||
	    PyModule_AddIntConstant(m, "ENOINPUT", CM_ENOINPUT) < 0 ||
	    PyModule_AddIntConstant(m, "ENOMEM", CM_ENOMEM) < 0 ||
	    PyModule_AddIntConstant(m, "EINTERNAL", CM_EINTERNAL) < 0 ||
	    PyModule_AddIntConstant(m, "EOUTPUT", CM_EOUTPUT) < 0 ||
	    PyModule_AddIntConstant(m, "ETIMEOUT", CM_ETIMEOUT) < 0) {
		Py_DECREF(m);
		return NULL;
	}
	return m;
}
