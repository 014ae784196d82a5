/* write.h - what the writers share (engine-private). */
#ifndef CM_WRITE_H
#define CM_WRITE_H

#include <stdio.h>

#include "internal.h"

/* A numeric cell in buf with `digits` significant digits ("" when empty);
 * returns buf. */
const char *cm_cell_number(const struct cm_column *c, size_t r, char *buf, size_t n, int digits);
/* Characters that could start Markdown markup. */
int cm_md_special(unsigned char c);
/* Copies text for display: control characters become spaces, at most max
 * characters (UTF-8 aware) kept, with an ellipsis when cut; Markdown
 * markup escaped when md.  Returns the characters (display columns,
 * approximately). */
size_t cm_display_text(const char *s, char *out, size_t outsz, size_t max, int md);
/* Markdown text: markup escaped, control characters as spaces. */
void cm_md_text(const char *s, FILE *f);
/* HTML text for element content and attribute values (& < > " '),
 * control characters dropped. */
void cm_html_text(const char *s, FILE *f);
/* The start of a self-contained page (strict Content-Security-Policy, no
 * request leaves it, print styles) and its end; a <table> for t (a first
 * "section" column becomes heading rows). */
void cm_html_begin(const char *title, FILE *f);
void cm_html_end(FILE *f);
void cm_html_table(const struct cm_table *t, FILE *f);

/* The writers' entry points (write.c lists them by name). */
int cm_write_text_table(const struct cm_table *t, FILE *f, struct cm_error *err);
int cm_write_csv_table(const struct cm_table *t, FILE *f, struct cm_error *err);
int cm_write_json_table(const struct cm_table *t, FILE *f, struct cm_error *err);
int cm_write_md_table(const struct cm_table *t, FILE *f, struct cm_error *err);
int cm_write_md_doc(const struct cm_doc *d, FILE *f, struct cm_error *err);
int cm_write_html_table(const struct cm_table *t, FILE *f, struct cm_error *err);
int cm_write_html_doc(const struct cm_doc *d, FILE *f, struct cm_error *err);

/* CM_OK, or CM_EOUTPUT when f has an error (errno says which). */
int cm_write_status(FILE *f, struct cm_error *err);

#endif
