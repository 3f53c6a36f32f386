/*
 * pack_check: full content validation of a pack, the second half of reading untrusted input
 * (pack_db_open() establishes the file and schema; this establishes the content). A pack that
 * passes can be shown without further checks: every row is well-typed, every Dutch text has its
 * English translation, no text carries extraction artifacts or invalid UTF-8, numbering runs
 * 1..n, every answer covers existing questions, every footnote marker matches a footnote of its
 * item, every event's quote is found in the passage it cites, every date is well-formed.
 *
 * The builder runs the same checks on every pack it writes, so a pack that `vitrine-pack build`
 * produced always passes; the importer and the kiosk run them on every pack they receive.
 */
#ifndef VT_PACK_CHECK_H
#define VT_PACK_CHECK_H

#include <sqlite3.h>
#include <stddef.h>

/* Validates the content of an open pack (normally one from pack_db_open()). Returns 0 when it
 * is valid, -1 with a one-line reason in err (errlen bytes, may be 0) when it is not. Reads
 * only; the connection stays the caller's. */
int pack_check_db(sqlite3 *db, char *err, size_t errlen);

/* What a validation cost, in units that do not depend on the machine: SQLite virtual machine
 * steps (counted in hundreds) and bytes of cited text flattened for quote checks. */
typedef struct {
    unsigned long long vm_steps, text_bytes;
} VtPackCheckWork;

/* pack_check_db(), adding its cost to *work (not NULL). Uses, then clears, the connection's
 * progress handler. Returns as pack_check_db() does. */
int pack_check_db_work(sqlite3 *db, char *err, size_t errlen, VtPackCheckWork *work);

/* Opens the pack at path with pack_db_open() and validates it with pack_check_db(). Returns 0
 * when it is valid, -1 with a one-line reason in err otherwise. Leaves nothing open. */
int pack_check_path(const char *path, char *err, size_t errlen);

#endif
