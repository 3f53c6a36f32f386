/*
 * pack_db: the defensive open, in the order that exposes the least of SQLite to a hostile file.
 * The header is judged with plain read(2) first: SQLite would otherwise try to open -wal/-shm
 * files for a WAL-mode file, and our precise reasons ("schema version 2 is newer ...") are worth
 * more to staff than "file is not a database". Only then does SQLite parse anything, with every
 * hardening knob set before the first statement that reads the schema.
 *
 * The expected schema is obtained by executing the embedded schema.sql into a private in-memory
 * database and comparing sqlite_schema rows (type, name, table, SQL text): any extra index,
 * table, trigger or view, or any changed column or constraint, makes the pack foreign.
 *
 * Nothing is logged above debug level: the reason goes to the caller, who knows what the pack
 * was for (kiosk start, import, the pack tool) and logs or prints it in that context.
 */
#include "pack_db.h"

#include "log.h"
#include "pack_schema.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER_LEN 100

static void fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    for (char *p = err; *p; p++) { /* keep the reason on one line */
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    }
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Reads up to HEADER_LEN bytes of the file into hdr; returns the file size, or -1. */
static long long read_header(const char *path, unsigned char *hdr, size_t *got, char *err,
                             size_t errlen)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        fail(err, errlen, "cannot open pack: %s",
             errno == ELOOP ? "it is a symbolic link" : strerror(errno));
        return -1;
    }
    struct stat st;
    long long size = -1;
    if (fstat(fd, &st) != 0) {
        fail(err, errlen, "cannot open pack: %s", strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        fail(err, errlen, "pack is not a regular file");
    } else {
        ssize_t n = pread(fd, hdr, HEADER_LEN, 0);
        if (n < 0)
            fail(err, errlen, "cannot read pack: %s", strerror(errno));
        else
            *got = (size_t)n, size = (long long)st.st_size;
    }
    close(fd);
    return size;
}

/* Judges the header fields that decide whether SQLite may look at the file at all. */
static int check_identity(const unsigned char *h, char *err, size_t errlen)
{
    if (h[18] == 2 || h[19] == 2) {
        fail(err, errlen, "pack uses journal_mode=WAL; packs must use journal_mode=DELETE");
        return -1;
    }
    if (h[18] != 1 || h[19] != 1) {
        fail(err, errlen, "pack header is corrupt (file format %d.%d)", h[18], h[19]);
        return -1;
    }
    uint32_t app = be32(h + 68), version = be32(h + 60);
    if (app != VT_PACK_APPLICATION_ID) {
        fail(err, errlen, "not a Vitrine content pack (application_id 0x%08X, expected 0x%08X)",
             (unsigned)app, (unsigned)VT_PACK_APPLICATION_ID);
        return -1;
    }
    if (version > VT_PACK_SCHEMA_VERSION) {
        fail(err, errlen, "pack schema version %u is newer than this kiosk supports (%d)",
             (unsigned)version, VT_PACK_SCHEMA_VERSION);
        return -1;
    }
    if (version != VT_PACK_SCHEMA_VERSION) {
        fail(err, errlen, "pack schema version %u is not supported (this kiosk reads %d)",
             (unsigned)version, VT_PACK_SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

/* Page size and file size must agree with each other and with the header's page count. */
static int check_geometry(const unsigned char *h, long long size, char *err, size_t errlen)
{
    long page = (long)h[16] << 8 | h[17];
    if (page == 1)
        page = 65536;
    if (page < 512 || (page & (page - 1)) != 0) {
        fail(err, errlen, "pack header is corrupt (page size %ld)", page);
        return -1;
    }
    long long pages = be32(h + 28);
    int counted = pages != 0 && be32(h + 24) == be32(h + 92); /* as SQLite decides */
    if (counted && pages * page > size) {
        fail(err, errlen, "pack is truncated (%lld bytes, header says %lld)", size, pages * page);
        return -1;
    }
    if (counted && pages * page < size) {
        fail(err, errlen, "pack has %lld bytes after its last page", size - pages * page);
        return -1;
    }
    if (size % page != 0) {
        fail(err, errlen, "pack size %lld is not a whole number of %ld-byte pages", size, page);
        return -1;
    }
    return 0;
}

static int check_header(const char *path, char *err, size_t errlen)
{
    unsigned char h[HEADER_LEN] = {0};
    size_t got = 0;
    long long size = read_header(path, h, &got, err, errlen);
    if (size < 0)
        return -1;
    if (size > VT_PACK_MAX_BYTES) {
        fail(err, errlen, "pack is too large (%lld bytes, at most %ld)", size, VT_PACK_MAX_BYTES);
        return -1;
    }
    if (got == 0 || memcmp(h, "SQLite format 3", got < 16 ? got : 16) != 0) {
        fail(err, errlen, "not an SQLite database");
        return -1;
    }
    if (got < HEADER_LEN) {
        fail(err, errlen, "pack is truncated (%lld bytes)", size);
        return -1;
    }
    if (check_identity(h, err, errlen) != 0)
        return -1;
    return check_geometry(h, size, err, errlen);
}

long pack_db_schema_version(const char *path)
{
    unsigned char h[HEADER_LEN] = {0};
    size_t got = 0;
    if (read_header(path, h, &got, NULL, 0) < 0 || got < HEADER_LEN ||
        memcmp(h, "SQLite format 3", 16) != 0 || be32(h + 68) != VT_PACK_APPLICATION_ID)
        return -1;
    return (long)be32(h + 60);
}

/* Connection settings from sqlite.org/security.html, applied before anything reads the file. */
static int harden(sqlite3 *db)
{
    static const int off_configs[] = {
        SQLITE_DBCONFIG_TRUSTED_SCHEMA, SQLITE_DBCONFIG_ENABLE_TRIGGER,
        SQLITE_DBCONFIG_ENABLE_VIEW,    SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION,
        SQLITE_DBCONFIG_DQS_DML,        SQLITE_DBCONFIG_DQS_DDL};
    static const int limits[][2] = {
        {SQLITE_LIMIT_LENGTH, 1000000},
        {SQLITE_LIMIT_SQL_LENGTH, 100000},
        {SQLITE_LIMIT_COLUMN, 100},
        {SQLITE_LIMIT_EXPR_DEPTH, 100},
        {SQLITE_LIMIT_COMPOUND_SELECT, 8},
        {SQLITE_LIMIT_VDBE_OP, 25000},
        {SQLITE_LIMIT_FUNCTION_ARG, 8},
        {SQLITE_LIMIT_ATTACHED, 0},
        {SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100},
        {SQLITE_LIMIT_VARIABLE_NUMBER, 32},
        {SQLITE_LIMIT_TRIGGER_DEPTH, 1},
        {SQLITE_LIMIT_WORKER_THREADS, 0},
    };
    if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0) != SQLITE_OK)
        return -1;
    for (size_t i = 0; i < sizeof off_configs / sizeof off_configs[0]; i++) {
        if (sqlite3_db_config(db, off_configs[i], 0, (int *)0) != SQLITE_OK)
            return -1;
    }
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
        sqlite3_limit(db, limits[i][0], limits[i][1]);
    return sqlite3_exec(db,
                        "PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON;"
                        "PRAGMA mmap_size=0; PRAGMA query_only=ON;",
                        NULL, NULL, NULL) == SQLITE_OK
               ? 0
               : -1;
}

/* Runs a one-row, one-column query; copies the text into out. Returns 0, or -1. */
static int query_text(sqlite3 *db, const char *sql, char *out, size_t outlen)
{
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        snprintf(out, outlen, "%s", t ? (const char *)t : "");
        rc = 0;
    }
    sqlite3_finalize(st);
    return rc;
}

/* The pragmas the header already promised, asked of SQLite itself. */
static int check_pragmas(sqlite3 *db, char *err, size_t errlen)
{
    char v[200] = "";
    if (query_text(db, "PRAGMA quick_check(1)", v, sizeof v) != 0 || strcmp(v, "ok") != 0) {
        fail(err, errlen, "pack is corrupt: %s", v[0] ? v : sqlite3_errmsg(db));
        return -1;
    }
    if (query_text(db, "PRAGMA journal_mode", v, sizeof v) != 0 || strcmp(v, "delete") != 0) {
        fail(err, errlen, "pack journal_mode is %s; packs must use journal_mode=DELETE", v);
        return -1;
    }
    char app[32], ver[32];
    if (query_text(db, "PRAGMA application_id", app, sizeof app) != 0 ||
        query_text(db, "PRAGMA user_version", ver, sizeof ver) != 0 ||
        strtoll(app, NULL, 10) != VT_PACK_APPLICATION_ID ||
        strtoll(ver, NULL, 10) != VT_PACK_SCHEMA_VERSION) {
        fail(err, errlen, "pack identity changed while opening it");
        return -1;
    }
    return 0;
}

static const char schema_rows_sql[] =
    "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name";

/* Compares one row pair of the two ordered schema listings; see check_schema(). */
static int compare_row(sqlite3_stmt *got, sqlite3_stmt *want, char *err, size_t errlen)
{
    const char *gt = got ? (const char *)sqlite3_column_text(got, 0) : NULL;
    const char *gn = got ? (const char *)sqlite3_column_text(got, 1) : NULL;
    const char *wt = want ? (const char *)sqlite3_column_text(want, 0) : NULL;
    const char *wn = want ? (const char *)sqlite3_column_text(want, 1) : NULL;
    int order = !got ? 1 : !want ? -1 : strcmp(gt ? gt : "", wt);
    if (order == 0)
        order = strcmp(gn ? gn : "", wn);
    if (order < 0) {
        fail(err, errlen, "pack contains an unexpected %s (%s)", gt ? gt : "?", gn ? gn : "?");
        return -1;
    }
    if (order > 0) {
        fail(err, errlen, "pack lacks the %s %s of the schema", wt, wn);
        return -1;
    }
    for (int c = 2; c < 4; c++) {
        const char *g = (const char *)sqlite3_column_text(got, c);
        if (!g || strcmp(g, (const char *)sqlite3_column_text(want, c)) != 0) {
            fail(err, errlen, "pack's %s %s differs from the schema", wt, wn);
            return -1;
        }
    }
    return 0;
}

/* Walks both sqlite_schema listings in order, like a merge. */
static int compare_schemas(sqlite3 *db, sqlite3 *ref, char *err, size_t errlen)
{
    sqlite3_stmt *got = NULL, *want = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(db, schema_rows_sql, -1, &got, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(ref, schema_rows_sql, -1, &want, NULL) != SQLITE_OK) {
        fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db));
        goto done;
    }
    int g = sqlite3_step(got), w = sqlite3_step(want);
    while (g == SQLITE_ROW || w == SQLITE_ROW) {
        if (compare_row(g == SQLITE_ROW ? got : NULL, w == SQLITE_ROW ? want : NULL, err, errlen) !=
            0)
            goto done;
        g = sqlite3_step(got);
        w = sqlite3_step(want);
    }
    if (g != SQLITE_DONE || w != SQLITE_DONE) {
        fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db));
        goto done;
    }
    rc = 0;
done:
    sqlite3_finalize(got);
    sqlite3_finalize(want);
    return rc;
}

/* No triggers and no views (named first, for a clearer reason), then exactly schema.sql. */
static int check_schema(sqlite3 *db, char *err, size_t errlen)
{
    char name[128];
    if (query_text(db,
                   "SELECT type || ' (' || name || ')' FROM sqlite_schema "
                   "WHERE type IN ('trigger', 'view') ORDER BY type, name",
                   name, sizeof name) == 0) {
        fail(err, errlen, "pack contains a %s; packs have no triggers or views", name);
        return -1;
    }
    sqlite3 *ref = NULL;
    int rc = -1;
    if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) !=
            SQLITE_OK ||
        sqlite3_exec(ref, pack_schema_sql, NULL, NULL, NULL) != SQLITE_OK) {
        fail(err, errlen, "cannot load the built-in schema: %s", sqlite3_errmsg(ref));
    } else {
        rc = compare_schemas(db, ref, err, errlen);
    }
    sqlite3_close(ref);
    return rc;
}

sqlite3 *pack_db_open(const char *path, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    if (check_header(path, err, errlen) != 0)
        goto fail;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) !=
        SQLITE_OK) {
        fail(err, errlen, "cannot open pack: %s", db ? sqlite3_errmsg(db) : "out of memory");
        goto fail;
    }
    if (harden(db) != 0) {
        fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db));
        goto fail;
    }
    if (check_pragmas(db, err, errlen) != 0 || check_schema(db, err, errlen) != 0)
        goto fail;
    return db;
fail:
    log_debug("content", "%s: %s", path, err && errlen ? err : "rejected");
    sqlite3_close(db);
    return NULL;
}

int pack_db_rows_done(sqlite3_stmt *st, int rc, char *err, size_t errlen)
{
    sqlite3 *db = sqlite3_db_handle(st);
    if (rc != SQLITE_DONE && err && errlen)
        snprintf(err, errlen, "pack read failed mid-table: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}
