/*
 * packinfo: a single prepared statement; the type is checked so a text "7" cannot pass for 7.
 */
#include "packinfo.h"

#include "pack_db.h"
#include "pack_schema.h"

#include <sqlite3.h>
#include <stdio.h>

int packinfo_version(const char *path, int64_t *version, char *err, size_t errlen)
{
    sqlite3_stmt *q = NULL;
    int rc = -1;
    sqlite3 *db = pack_db_open(path, err, errlen);
    if (!db)
        return -1;
    if (sqlite3_prepare_v2(db, "SELECT version FROM pack WHERE id = 1", -1, &q, NULL) !=
        SQLITE_OK) {
        snprintf(err, errlen, "query: %s", sqlite3_errmsg(db));
        goto done;
    }
    if (sqlite3_step(q) != SQLITE_ROW || sqlite3_column_type(q, 0) != SQLITE_INTEGER ||
        sqlite3_column_int64(q, 0) <= 0) {
        snprintf(err, errlen, "no positive pack.version");
        goto done;
    }
    if (sqlite3_column_int64(q, 0) > VT_PACK_VERSION_MAX) {
        snprintf(err, errlen, "pack.version %lld is above the largest a kiosk reads (%d)",
                 (long long)sqlite3_column_int64(q, 0), VT_PACK_VERSION_MAX);
        goto done;
    }
    *version = sqlite3_column_int64(q, 0);
    rc = 0;
done:
    sqlite3_finalize(q);
    sqlite3_close(db);
    return rc;
}
