/* report.c - tables of findings (section, subject, measure, value,
 * reading): the shape of the power report and the landscape gaps. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

int cm_report_init(struct cm_report *r, struct cm_table *t)
{
	static const struct { const char *name; enum cm_kind kind; } cols[] = {
		{ "section", CM_TEXT }, { "subject", CM_TEXT }, { "measure", CM_TEXT },
		{ "value", CM_REAL }, { "reading", CM_TEXT },
	};
	size_t i;

	r->t = t;
	r->nomem = 0;
	cm_table_release(t);
	cm_table_init(t, 0);
	for (i = 0; i < sizeof(cols) / sizeof(*cols); i++)
		if (cm_table_add_column(t, cols[i].name, cols[i].kind) < 0)
			return CM_ENOMEM;
	return CM_OK;
}

void cm_report_add(struct cm_report *r, const char *section, const char *subject, const char *measure,
		   double value, const char *fmt, ...)
{
	char reading[600];
	va_list ap;
	long row;

	if (r->nomem)
		return;
	va_start(ap, fmt);
	vsnprintf(reading, sizeof(reading), fmt, ap);
	va_end(ap);
	row = cm_table_add_row(r->t);
	if (row < 0 || cm_table_set_text(r->t, 0, (size_t)row, section) < 0 ||
	    cm_table_set_text(r->t, 1, (size_t)row, subject) < 0 ||
	    cm_table_set_text(r->t, 2, (size_t)row, measure) < 0 ||
	    cm_table_set_text(r->t, 4, (size_t)row, reading) < 0) {
		r->nomem = 1;
		return;
	}
	cm_table_set_real(r->t, 3, (size_t)row, value);
}
