/*
 * pack_check_parts: the validator's pieces, shared between pack_check.c (file-wide rules: the
 * pack row, every text column, translations, references) and pack_check_doc.c (the structure
 * of documents, items, footnotes and events). Internal to firmware/content.
 *
 * Each part returns 0 when its rules hold, or -1 with a one-line reason in err.
 */
#ifndef VT_PACK_CHECK_PARTS_H
#define VT_PACK_CHECK_PARTS_H

#include <sqlite3.h>
#include <stddef.h>

/* Writes a one-line reason (control characters replaced) into err; returns -1 for chaining. */
int pack_check_fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Returns the text of column i, "" for NULL; owned by the statement. */
const char *pack_check_col(sqlite3_stmt *st, int i);

int pack_check_documents(sqlite3 *db, char *err, size_t errlen);
int pack_check_items(sqlite3 *db, char *err, size_t errlen);
int pack_check_covers(sqlite3 *db, char *err, size_t errlen);
int pack_check_footnotes(sqlite3 *db, char *err, size_t errlen);
int pack_check_confidential(sqlite3 *db, char *err, size_t errlen);
/* text_bytes, when not NULL, counts the bytes of cited text flattened (a work unit). */
int pack_check_events(sqlite3 *db, unsigned long long *text_bytes, char *err, size_t errlen);
/* The curated layer: word limits, counts and numbering of keys and hooks, and every quote
 * verbatim in the Dutch and English of what it cites. text_bytes as for events. */
int pack_check_curated(sqlite3 *db, unsigned long long *text_bytes, char *err, size_t errlen);

#endif
