/*
 * pack_check: the file-wide rules, driven by two tables (every text column with its kind, every
 * nl/en column pair) so that a column added to the schema is one line here, and the order of
 * the checks: SQLite's own integrity and foreign keys first (later queries rely on them), then
 * translations (so an empty English text is reported as a missing translation, not as an empty
 * text), then the form of every text, then the document structure (pack_check_doc.c), then the
 * curated layer (pack_check_curated.c).
 */
#include "pack_check.h"

#include "log.h"
#include "pack_check_parts.h"
#include "pack_db.h"
#include "pack_schema.h"
#include "pack_text.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int pack_check_fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
        for (char *p = err; *p; p++) {
            if ((unsigned char)*p < 0x20)
                *p = '?';
        }
    }
    return -1;
}

const char *pack_check_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* How a row is named in a reason, per table. */
#define LABEL_ITEM                                                                                 \
    "'document ' || doc_id || ', ' || CASE WHEN kind = 'answer' THEN 'answer (item ' || seq "      \
    "|| ')' ELSE kind || ' ' || number END"

#define LABEL_HIGHLIGHT "'document ' || doc_id || ', ' || kind || ' ' || seq"

typedef enum { PLAIN, PROSE, URL, LINK } VtTextKind;

static const struct {
    const char *table, *label, *column;
    VtTextKind kind;
} text_columns[] = {
    {"pack", "'pack'", "built", PLAIN},
    {"pack", "'pack'", "title_nl", PROSE},
    {"pack", "'pack'", "title_en", PROSE},
    {"pack", "'pack'", "subtitle_nl", PROSE},
    {"pack", "'pack'", "subtitle_en", PROSE},
    {"document", "'document ' || id", "id", PLAIN},
    {"document", "'document ' || id", "kind", PLAIN},
    {"document", "'document ' || id", "status", PLAIN},
    {"document", "'document ' || id", "source_file", PLAIN},
    {"document", "'document ' || id", "title_nl", PROSE},
    {"document", "'document ' || id", "title_en", PROSE},
    {"document", "'document ' || id", "submitted", PLAIN},
    {"document", "'document ' || id", "answered", PLAIN},
    {"document", "'document ' || id", "addressee_nl", PROSE},
    {"document", "'document ' || id", "addressee_en", PROSE},
    {"document", "'document ' || id", "summary_nl", PROSE},
    {"document", "'document ' || id", "summary_en", PROSE},
    {"reference", "'document ' || doc_id || ', reference ' || seq", "ref", PLAIN},
    {"person", "'document ' || doc_id || ', ' || role || ' ' || seq", "role", PLAIN},
    {"person", "'document ' || doc_id || ', ' || role || ' ' || seq", "name", PLAIN},
    {"person", "'document ' || doc_id || ', ' || role || ' ' || seq", "party", PLAIN},
    {"person", "'document ' || doc_id || ', ' || role || ' ' || seq", "function_nl", PROSE},
    {"person", "'document ' || doc_id || ', ' || role || ' ' || seq", "function_en", PROSE},
    {"item", LABEL_ITEM, "kind", PLAIN},
    {"item", LABEL_ITEM, "heading_nl", PROSE},
    {"item", LABEL_ITEM, "heading_en", PROSE},
    {"item", LABEL_ITEM, "body_nl", PROSE},
    {"item", LABEL_ITEM, "body_en", PROSE},
    {"footnote", "'document ' || doc_id || ', footnote ' || number", "body_nl", PROSE},
    {"footnote", "'document ' || doc_id || ', footnote ' || number", "body_en", PROSE},
    {"footnote", "'document ' || doc_id || ', footnote ' || number", "url", URL},
    {"footnote", "'document ' || doc_id || ', footnote ' || number", "link", LINK},
    {"event", "'event ' || id", "id", PLAIN},
    {"event", "'event ' || id", "date", PLAIN},
    {"event", "'event ' || id", "precision", PLAIN},
    {"event", "'event ' || id", "kind", PLAIN},
    {"event", "'event ' || id", "title_nl", PROSE},
    {"event", "'event ' || id", "title_en", PROSE},
    {"event", "'event ' || id", "body_nl", PROSE},
    {"event", "'event ' || id", "body_en", PROSE},
    {"event", "'event ' || id", "doc_id", PLAIN},
    {"event", "'event ' || id", "quote", PROSE},
    {"curated", "'document ' || doc_id", "headline_nl", PROSE},
    {"curated", "'document ' || doc_id", "headline_en", PROSE},
    {"curated", "'document ' || doc_id", "context_nl", PROSE},
    {"curated", "'document ' || doc_id", "context_en", PROSE},
    {"highlight", LABEL_HIGHLIGHT, "kind", PLAIN},
    {"highlight", LABEL_HIGHLIGHT, "quote_nl", PROSE},
    {"highlight", LABEL_HIGHLIGHT, "quote_en", PROSE},
    {"highlight", LABEL_HIGHLIGHT, "attribution_nl", PROSE},
    {"highlight", LABEL_HIGHLIGHT, "attribution_en", PROSE},
    {"confidential", "'document ' || doc_id || ', confidential ' || item_seq", "doc_id", PLAIN},
    {"confidential", "'document ' || doc_id || ', confidential ' || item_seq", "quote", PROSE},
    {"about", "'about ' || id", "id", PLAIN},
    {"about", "'about ' || id", "heading_nl", PROSE},
    {"about", "'about ' || id", "heading_en", PROSE},
    {"about", "'about ' || id", "body_nl", PROSE},
    {"about", "'about ' || id", "body_en", PROSE},
};

static const struct {
    const char *table, *label, *nl, *en;
} text_pairs[] = {
    {"pack", "'pack'", "title_nl", "title_en"},
    {"pack", "'pack'", "subtitle_nl", "subtitle_en"},
    {"document", "'document ' || id", "title_nl", "title_en"},
    {"document", "'document ' || id", "addressee_nl", "addressee_en"},
    {"document", "'document ' || id", "summary_nl", "summary_en"},
    {"person", "'document ' || doc_id || ', ' || role || ' ' || seq", "function_nl", "function_en"},
    {"item", LABEL_ITEM, "heading_nl", "heading_en"},
    {"item", LABEL_ITEM, "body_nl", "body_en"},
    {"footnote", "'document ' || doc_id || ', footnote ' || number", "body_nl", "body_en"},
    {"event", "'event ' || id", "title_nl", "title_en"},
    {"event", "'event ' || id", "body_nl", "body_en"},
    {"curated", "'document ' || doc_id", "headline_nl", "headline_en"},
    {"curated", "'document ' || doc_id", "context_nl", "context_en"},
    {"highlight", LABEL_HIGHLIGHT, "quote_nl", "quote_en"},
    {"highlight", LABEL_HIGHLIGHT, "attribution_nl", "attribution_en"},
    {"about", "'about ' || id", "heading_nl", "heading_en"},
    {"about", "'about ' || id", "body_nl", "body_en"},
};

/* Runs sql (a query returning one text) and fails with fmt around its first row, if any. */
static int fail_on_row(sqlite3 *db, const char *sql, const char *fmt, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db));
        return -1;
    }
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        char what[300];
        snprintf(what, sizeof what, "%s", pack_check_col(st, 0));
        pack_check_fail(err, errlen, fmt, what);
    } else if (rc != SQLITE_DONE) {
        pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int check_sqlite(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && strcmp(pack_check_col(st, 0), "ok") == 0)
        rc = 0;
    else
        pack_check_fail(err, errlen, "pack fails its integrity check: %s",
                        st && sqlite3_data_count(st) ? pack_check_col(st, 0) : sqlite3_errmsg(db));
    sqlite3_finalize(st);
    if (rc != 0)
        return -1;
    return fail_on_row(db,
                       "SELECT \"table\" || ' row ' || rowid || ' refers to a missing ' || parent"
                       " FROM pragma_foreign_key_check",
                       "dangling reference: %s", err, errlen);
}

/* Row rules that mirror the schema's CHECK constraints. SQLite does not re-evaluate CHECK
 * constraints in PRAGMA integrity_check on a read-only connection (observed with 3.40), and a
 * crafted file can hold rows that violate them, so each one the readers rely on is asked here.
 * Each query returns the offending row's description, which fills the %s. */
static const struct {
    const char *sql, *fmt;
} row_rules[] = {
    {"SELECT count(*) || ' rows' FROM pack HAVING count(*) <> 1",
     "table pack must hold exactly one row, not %s"},
    {"SELECT quote(id) FROM pack WHERE id IS NOT 1", "the pack row has id %s instead of 1"},
    {"SELECT quote(version) FROM pack WHERE typeof(version) <> 'integer' OR version <= 0",
     "pack version must be a whole number above 0, not %s"},
    {"SELECT quote(version) FROM pack WHERE version > " VT_PACK_VERSION_MAX_TEXT,
     "pack version %s is above the largest version a kiosk reads (" VT_PACK_VERSION_MAX_TEXT ")"},
    {"SELECT quote(built) FROM pack WHERE built IS NOT NULL AND typeof(built) <> 'text'",
     "pack build date %s is not a date"},
    {"SELECT id FROM document WHERE seq <= 0", "document %s has an order (seq) below 1"},
    {"SELECT doc_id FROM reference WHERE seq <= 0", "document %s has a reference order below 1"},
    {"SELECT doc_id || ', ' || quote(role) || ' ' || seq FROM person WHERE role NOT IN "
     "('asker', 'answerer', 'author') OR seq <= 0",
     "document %s: not a valid person"},
    {"SELECT doc_id || ', footnote ' || number FROM footnote WHERE number <= 0",
     "document %s: footnote numbers start at 1"},
    {"SELECT doc_id || ', footnote ' || number FROM footnote WHERE (url IS NULL) <> (link IS NULL)",
     "document %s: a footnote has a link exactly when it has a url"},
    {"SELECT id || ' has kind ' || quote(kind) FROM event WHERE kind NOT IN "
     "('event', 'submitted', 'answered', 'memo')",
     "event %s"},
    {"SELECT quote(id) FROM about WHERE typeof(id) <> 'text' OR id = '' OR length(id) > 64 "
     "OR id GLOB '*[^a-z0-9-]*'",
     "about text id %s is not a valid id"},
};

/* The build date is a real calendar day, by the same pack_text_date() the builder checks
 * --date with (a pattern would pass 2026-19-39, which the kiosk then ignores). */
static int check_built(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc =
        sqlite3_prepare_v2(db, "SELECT built FROM pack WHERE built IS NOT NULL", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW &&
        pack_text_date(pack_check_col(st, 0)) != VT_DATE_DAY) {
        pack_check_fail(err, errlen, "pack build date '%.32s' is not a date",
                        pack_check_col(st, 0));
        rc = SQLITE_ERROR;
    } else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    } else {
        pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? 0 : -1;
}

static int check_rows(sqlite3 *db, char *err, size_t errlen)
{
    for (size_t i = 0; i < sizeof row_rules / sizeof row_rules[0]; i++) {
        if (fail_on_row(db, row_rules[i].sql, row_rules[i].fmt, err, errlen) != 0)
            return -1;
    }
    return check_built(db, err, errlen);
}

/* Fails when a row has text in column `have` but none in `want` (NULL or blank). */
static int check_pair(sqlite3 *db, const char *label, const char *table, const char *have,
                      const char *want, const char *what, char *err, size_t errlen)
{
    char sql[600], fmt[100];
    snprintf(sql, sizeof sql,
             "SELECT %s FROM %s WHERE %s IS NOT NULL AND (%s IS NULL OR trim(%s) = '')", label,
             table, have, want, want);
    snprintf(fmt, sizeof fmt, "%%s %s (%s)", what, want);
    return fail_on_row(db, sql, fmt, err, errlen);
}

static int check_pairs(sqlite3 *db, char *err, size_t errlen)
{
    for (size_t i = 0; i < sizeof text_pairs / sizeof text_pairs[0]; i++) {
        const char *label = text_pairs[i].label, *table = text_pairs[i].table;
        if (check_pair(db, label, table, text_pairs[i].nl, text_pairs[i].en,
                       "has no English translation", err, errlen) != 0 ||
            check_pair(db, label, table, text_pairs[i].en, text_pairs[i].nl,
                       "has English text but no Dutch", err, errlen) != 0)
            return -1;
    }
    return 0;
}

/* The form of one value: text or NULL, no NUL bytes, valid UTF-8, no artifacts. Sets
 * *artifact when the problem is an extraction artifact. */
static const char *value_problem(sqlite3_stmt *st, VtTextKind kind, int *artifact)
{
    int type = sqlite3_column_type(st, 1);
    if (type == SQLITE_NULL)
        return NULL;
    if (type != SQLITE_TEXT)
        return "is not text";
    const char *s = pack_check_col(st, 1);
    size_t len = (size_t)sqlite3_column_bytes(st, 1);
    if (strlen(s) != len)
        return "contains a NUL byte";
    if (utf8_invalid_at(s, len) != (size_t)-1)
        return "is not valid UTF-8";
    const char *why =
        kind == LINK ? pack_text_link_problem(s) : pack_text_problem(s, kind == PROSE);
    if (!why && kind != URL && kind != LINK)
        *artifact = (why = pack_text_artifact(s)) != NULL;
    return why;
}

static int check_column(sqlite3 *db, size_t i, char *err, size_t errlen)
{
    char sql[400];
    snprintf(sql, sizeof sql, "SELECT %s, %s FROM %s", text_columns[i].label,
             text_columns[i].column, text_columns[i].table);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int artifact = 0;
        const char *why = value_problem(st, text_columns[i].kind, &artifact);
        if (why) {
            pack_check_fail(err, errlen, "%.200s, %s: %s%s", pack_check_col(st, 0),
                            text_columns[i].column, artifact ? "extraction artifact " : "", why);
            sqlite3_finalize(st);
            return -1;
        }
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_DONE)
        pack_check_fail(err, errlen, "pack is corrupt: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int check_texts(sqlite3 *db, char *err, size_t errlen)
{
    for (size_t i = 0; i < sizeof text_columns / sizeof text_columns[0]; i++) {
        if (check_column(db, i, err, errlen) != 0)
            return -1;
    }
    return 0;
}

/* Counts SQLite's work in units of VT_CHECK_STEP virtual machine steps; never interrupts. */
#define VT_CHECK_STEP 100
static int count_steps(void *ctx)
{
    ((VtPackCheckWork *)ctx)->vm_steps += VT_CHECK_STEP;
    return 0;
}

int pack_check_db(sqlite3 *db, char *err, size_t errlen)
{
    return pack_check_db_work(db, err, errlen, NULL);
}

int pack_check_db_work(sqlite3 *db, char *err, size_t errlen, VtPackCheckWork *work)
{
    if (work)
        sqlite3_progress_handler(db, VT_CHECK_STEP, count_steps, work);
    /* One read transaction: every check sees the same snapshot, and the file is locked once
     * instead of once per statement. A caller that reads the pack afterwards (content_load)
     * holds its own around both, and then the checks run inside it. */
    int own = sqlite3_get_autocommit(db);
    if (own && sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return pack_check_fail(err, errlen, "cannot read pack: %s", sqlite3_errmsg(db));
    int rc = 0;
    if (check_sqlite(db, err, errlen) != 0 || check_rows(db, err, errlen) != 0 ||
        check_pairs(db, err, errlen) != 0 || check_texts(db, err, errlen) != 0 ||
        pack_check_documents(db, err, errlen) != 0 || pack_check_items(db, err, errlen) != 0 ||
        pack_check_covers(db, err, errlen) != 0 || pack_check_footnotes(db, err, errlen) != 0 ||
        pack_check_confidential(db, err, errlen) != 0 ||
        pack_check_events(db, work ? &work->text_bytes : NULL, err, errlen) != 0 ||
        pack_check_curated(db, work ? &work->text_bytes : NULL, err, errlen) != 0)
        rc = -1;
    if (own)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    if (work)
        sqlite3_progress_handler(db, 0, NULL, NULL);
    return rc;
}

int pack_check_path(const char *path, char *err, size_t errlen)
{
    sqlite3 *db = pack_db_open(path, err, errlen);
    if (!db)
        return -1;
    int rc = pack_check_db(db, err, errlen);
    if (rc != 0)
        log_debug("content", "%s: %s", path, err && errlen ? err : "invalid");
    sqlite3_close(db);
    return rc;
}
