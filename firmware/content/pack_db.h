/*
 * pack_db: opening a content pack as untrusted input. A pack arrives on a USB stick from
 * anywhere, so it is treated the way https://sqlite.org/security.html recommends for an
 * attacker-supplied database: its 100-byte header is read and judged before SQLite sees the
 * file (no WAL mode, so opening can never create -wal/-shm files next to it; our application_id
 * and schema version; a sane size), then SQLite opens it read-only, without following symlinks
 * or URIs, in defensive mode with an untrusted schema, cell size checks, no mmap, triggers and
 * views disabled and lowered limits, and the file must pass quick_check and carry exactly the
 * schema this program was built with (compared statement by statement with schema.sql).
 *
 * This establishes that the file is a well-formed pack of our schema. Whether its content obeys
 * the content rules is pack_check_db()'s job; a reader of untrusted packs calls both (see
 * pack_check_path()).
 */
#ifndef VT_PACK_DB_H
#define VT_PACK_DB_H

#include <sqlite3.h>
#include <stddef.h>

/* Opens the pack at `path` read-only and hardened as described above. Returns the connection,
 * which the caller closes with sqlite3_close(); on failure returns NULL and writes a one-line
 * reason into err (errlen bytes, may be 0), e.g. "pack schema version 2 is newer than this
 * kiosk supports (1)". */
sqlite3 *pack_db_open(const char *path, char *err, size_t errlen);

/* The schema version (PRAGMA user_version) a Vitrine pack's header at path names, whatever the
 * rest of the file holds: tells a pack built for another kiosk version apart from a damaged
 * one after pack_db_open() refused it. Returns the version, or -1 when the file has no readable
 * header with Vitrine's application_id. */
long pack_db_schema_version(const char *path);

/* Ends a read of rows: finalizes st and returns 0 when the last sqlite3_step() result, rc, was
 * SQLITE_DONE (every row was read); otherwise -1 with the reason in err. Every reader loops
 * `while ((rc = sqlite3_step(st)) == SQLITE_ROW)` and ends with this, so a read error in the
 * middle of a table fails the load instead of yielding truncated content. */
int pack_db_rows_done(sqlite3_stmt *st, int rc, char *err, size_t errlen);

#endif
