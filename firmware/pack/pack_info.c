/*
 * pack_info: a handful of count queries on a defensively opened pack. It does not run the full
 * validation (that is `check`), so it can also describe a pack whose content is rejected.
 */
#include "pack_info.h"

#include "pack_db.h"

#include <sqlite3.h>
#include <string.h>

/* Prints "label: <first column of sql>" ("unknown" for NULL); returns 0 or -1. */
static int print_row(sqlite3 *db, FILE *out, const char *label, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int rc =
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW
            ? 0
            : -1;
    if (rc == 0) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        fprintf(out, "%s: %s\n", label, v ? (const char *)v : "unknown");
    }
    sqlite3_finalize(st);
    return rc;
}

int pack_info_print(const char *path, FILE *out, char *err, size_t errlen)
{
    static const char *const rows[][2] = {
        {"version", "SELECT version FROM pack"},
        {"built", "SELECT built FROM pack"},
        {"title", "SELECT title_nl || ' / ' || title_en FROM pack"},
        {"documents", "SELECT count(*) FROM document"},
        {"questions", "SELECT count(*) FROM item WHERE kind = 'question'"},
        {"answers", "SELECT count(*) FROM item WHERE kind = 'answer'"},
        {"points", "SELECT count(*) FROM item WHERE kind = 'point'"},
        {"texts", "SELECT count(*) FROM item WHERE kind = 'text'"},
        {"footnotes", "SELECT count(*) FROM footnote"},
        {"events",
         "SELECT count(*) || ' (' || coalesce(sum(kind = 'event'), 0) || ' from the timeline, ' || "
         "coalesce(sum(kind <> 'event'), 0) || ' document dates)' FROM event"},
        {"about texts", "SELECT count(*) FROM about"},
        {"languages", "SELECT 'nl (original), en (unofficial translation)'"},
    };
    sqlite3 *db = pack_db_open(path, err, errlen);
    if (!db)
        return -1;
    int rc = 0;
    fprintf(out, "pack: %s\n", path);
    for (size_t i = 0; rc == 0 && i < sizeof rows / sizeof rows[0]; i++) {
        rc = print_row(db, out, rows[i][0], rows[i][1]);
        if (rc != 0)
            snprintf(err, errlen, "cannot read %s: %s", rows[i][0], sqlite3_errmsg(db));
    }
    sqlite3_close(db);
    return rc;
}
