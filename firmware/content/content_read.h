/*
 * content_read: the loader's row helpers, shared by content.c (documents, events, about) and
 * content_curated.c (the curated layer). Internal to firmware/content.
 */
#ifndef VT_CONTENT_READ_H
#define VT_CONTENT_READ_H

#include "content.h"

#include <sqlite3.h>

/* A copy of column col, NULL for SQL NULL; the caller owns it. */
char *content_col_str(sqlite3_stmt *st, int col);
/* Columns col (Dutch) and col + 1 (English) into t, copied. */
void content_col_text(sqlite3_stmt *st, int col, VtText *t);
/* Frees both languages of t (not t itself). */
void content_text_free(VtText *t);
/* Prepares sql with one optional text parameter; returns NULL and fills err on failure. */
sqlite3_stmt *content_prepare(sqlite3 *db, const char *sql, const char *arg, char *err,
                              size_t errlen);

/* The index of d's item with seq, or -1. */
int content_find_item(const VtDoc *d, int seq);

/* Reads d's curated layer (none: headline and context stay NULL, no highlights) and composes
 * the hooks' attributions. Returns 0, or -1 with a reason in err. */
int content_read_curated(sqlite3 *db, VtDoc *d, char *err, size_t errlen);
/* Frees what content_read_curated() allocated in d. */
void content_curated_free(VtDoc *d);

#endif
