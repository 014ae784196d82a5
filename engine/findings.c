/* findings.c - tables of findings (section, subject, measure, values,
 * reading): the shape of the power report, the landscape gaps and diff. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

int cm_findings_init_values(struct cm_findings *r, struct cm_table *t, const char *const *names, size_t n)
{
	static const char *const head[] = { "section", "subject", "measure" };
	size_t i;

	r->t = t;
	r->nvalues = n;
	r->nomem = 0;
	cm_table_release(t);
	cm_table_init(t, 0);
	for (i = 0; i < 3; i++)
		if (cm_table_add_column(t, head[i], CM_TEXT) < 0)
			return CM_ENOMEM;
	for (i = 0; i < n; i++)
		if (cm_table_add_column(t, names[i], CM_REAL) < 0)
			return CM_ENOMEM;
	return cm_table_add_column(t, "reading", CM_TEXT) < 0 ? CM_ENOMEM : CM_OK;
}

int cm_findings_init(struct cm_findings *r, struct cm_table *t)
{
	static const char *const value[] = { "value" };

	return cm_findings_init_values(r, t, value, 1);
}

void cm_findings_vadd(struct cm_findings *r, const char *section, const char *subject, const char *measure,
		    const double *values, const char *fmt, va_list ap)
{
	char reading[700];
	size_t i;
	long row;

	if (r->nomem)
		return;
	vsnprintf(reading, sizeof(reading), fmt, ap);
	row = cm_table_add_row(r->t);
	if (row < 0 || cm_table_set_text(r->t, 0, (size_t)row, section) < 0 ||
	    cm_table_set_text(r->t, 1, (size_t)row, subject) < 0 ||
	    cm_table_set_text(r->t, 2, (size_t)row, measure) < 0 ||
	    cm_table_set_text(r->t, 3 + r->nvalues, (size_t)row, reading) < 0) {
		r->nomem = 1;
		return;
	}
	for (i = 0; i < r->nvalues; i++)
		cm_table_set_real(r->t, 3 + i, (size_t)row, values ? values[i] : NAN);
}

void cm_findings_add(struct cm_findings *r, const char *section, const char *subject, const char *measure,
		   double value, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_findings_vadd(r, section, subject, measure, NULL, fmt, ap);
	va_end(ap);
	if (!r->nomem && r->nvalues)
		cm_table_set_real(r->t, 3, r->t->nrows - 1, value);
}
