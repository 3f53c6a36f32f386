/*
 * The validator against broken and hostile packs. Each case starts from the valid fixture pack,
 * changes it with ordinary SQLite statements (as an attacker with the sqlite3 shell would, with
 * constraints switched off where needed), and expects pack_check_path() to reject it with a
 * precise reason. Then file-level damage (truncation, junk, symlinks) and many seeded random
 * bit flips and byte scribbles: the validator must never crash (this test also runs under
 * ASan/UBSan), and a damaged pack it still accepts must still open and read.
 *
 * usage: test_pack_reject FIXTURE_DIR
 */
#include "pack_check.h"
#include "pack_db.h"
#include "pack_fixture.h"
#include "vt_test.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define FLIP_SEEDS 1000

static char *valid; /* the fixture pack's bytes */
static size_t valid_len;

/* Separates steps that must run on separate connections (SQLite caches the schema). */
#define STEP "\n--step\n"

typedef struct {
    const char *name;
    const char *sql;    /* run on a copy of the valid pack, step by step */
    const char *expect; /* the reason; a trailing '*' means "starts with" */
} VtRejectCase;

static const VtRejectCase cases[] = {
    {"wrong application_id", "PRAGMA application_id = 1",
     "not a Vitrine content pack (application_id 0x00000001, expected 0x56545231)"},
    {"future user_version", "PRAGMA user_version = 3",
     "pack schema version 3 is newer than this kiosk supports (2)"},
    {"old user_version", "PRAGMA user_version = 1",
     "pack schema version 1 is not supported (this kiosk reads 2)"},
    {"confidentiality on a question", "INSERT INTO confidential VALUES ('alpha', 1, 'x')",
     "document alpha: confidentiality marked on item 1, which is not an answer"},
    {"confidentiality not in the answer's words",
     "INSERT INTO confidential VALUES ('alpha', 3, 'Dit staat er niet.')",
     "document alpha, answer (item 3): confidential quote not found in the answer"},
    {"trigger", "CREATE TRIGGER t AFTER INSERT ON pack BEGIN SELECT 1; END",
     "pack contains a trigger (t); packs have no triggers or views"},
    {"view", "CREATE VIEW v AS SELECT 1",
     "pack contains a view (v); packs have no triggers or views"},
    {"WAL mode", "PRAGMA journal_mode = WAL",
     "pack uses journal_mode=WAL; packs must use journal_mode=DELETE"},
    {"extra index", "CREATE INDEX i ON item(kind)", "pack contains an unexpected index (i)"},
    {"extra table", "CREATE TABLE x(a)", "pack contains an unexpected table (x)"},
    {"changed table",
     "DROP TABLE about; CREATE TABLE about (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
     "heading_nl TEXT, heading_en TEXT, body_nl TEXT, body_en TEXT)",
     "pack's table about differs from the schema"},
    {"dropped table", "DROP TABLE about",
     "pack lacks the index sqlite_autoindex_about_1 of the schema"},
    {"missing translation", "UPDATE document SET summary_en = '' WHERE id = 'alpha'",
     "document alpha has no English translation (summary_en)"},
    {"blank translation", "UPDATE about SET heading_en = '  '",
     "about one has no English translation (heading_en)"},
    /* Rows that break a CHECK constraint: SQLite does not re-check those on a read-only
     * connection, so these prove that pack_check does. */
    {"empty body against a CHECK",
     "PRAGMA ignore_check_constraints = ON; UPDATE item SET body_en = '' WHERE seq = 3",
     "document alpha, answer (item 3) has no English translation (body_en)"},
    {"heading without translation against a CHECK",
     "PRAGMA ignore_check_constraints = ON; UPDATE item SET heading_en = NULL WHERE seq = 1",
     "document alpha, text 1 has no English translation (heading_en)"},
    {"pack row id", "PRAGMA ignore_check_constraints = ON; UPDATE pack SET id = 2",
     "the pack row has id 2 instead of 1"},
    {"build date", "PRAGMA ignore_check_constraints = ON; UPDATE pack SET built = 'gisteren'",
     "pack build date 'gisteren' is not a date"},
    /* Issue 11, item 11: the pattern the validator used passed an impossible date. */
    {"impossible build date",
     "PRAGMA ignore_check_constraints = ON; UPDATE pack SET built = '2026-19-39'",
     "pack build date '2026-19-39' is not a date"},
    {"build date in no leap year",
     "PRAGMA ignore_check_constraints = ON; UPDATE pack SET built = '2025-02-29'",
     "pack build date '2025-02-29' is not a date"},
    {"link that does not open",
     "UPDATE footnote SET link = 'example.org/bericht' WHERE link IS NOT NULL",
     "document alpha, footnote 1, link: no http:// or https:// scheme"},
    {"link without url",
     "PRAGMA ignore_check_constraints = ON; UPDATE footnote SET url = NULL WHERE link IS NOT NULL",
     "document alpha, footnote 1: a footnote has a link exactly when it has a url"},
    {"person role",
     "PRAGMA ignore_check_constraints = ON; UPDATE person SET role = 'spy' WHERE doc_id = 'gamma'",
     "document gamma, 'spy' 1: not a valid person"},
    {"event kind",
     "PRAGMA ignore_check_constraints = ON; UPDATE event SET kind = 'rumour' WHERE id = "
     "'alpha/answered'",
     "event alpha/answered has kind 'rumour'"},
    {"document kind",
     "PRAGMA ignore_check_constraints = ON; UPDATE document SET kind = 'letter' WHERE id = 'gamma'",
     "document gamma: kind 'letter' with status 'awaiting'"},
    {"awaiting with an answer date",
     "PRAGMA ignore_check_constraints = ON; UPDATE document SET answered = '2026' WHERE id = "
     "'gamma'",
     "document gamma is awaiting an answer but has an answer date"},
    {"document seq",
     "PRAGMA ignore_check_constraints = ON; UPDATE document SET seq = -1 WHERE id = 'gamma'",
     "document gamma has an order (seq) below 1"},
    {"dangling footnote", "UPDATE footnote SET item_seq = 99 WHERE number = 1",
     "dangling reference: footnote row 1 refers to a missing item"},
    {"dangling event", "UPDATE event SET doc_id = 'omega' WHERE id = 'police-2018'",
     "dangling reference: event row 1 refers to a missing *"},
    {"dangling person", "UPDATE person SET doc_id = 'omega' WHERE doc_id = 'gamma'",
     "dangling reference: person row 5 refers to a missing document"},
    {"answer covers a missing question", "UPDATE answer_cover SET question = 9 WHERE question = 3",
     "document alpha: an answer covers question 9, which does not exist"},
    {"answer covering nothing", "DELETE FROM answer_cover WHERE answer_seq = 3",
     "document alpha: the answer at item 3 covers no question"},
    {"question numbering gap",
     "UPDATE item SET number = 5 WHERE doc_id = 'alpha' AND kind = 'question' AND number = 3",
     "document alpha: question 5 where question 3 was expected (numbering runs 1..n without gaps)"},
    {"item sequence gap", "UPDATE item SET seq = 11 WHERE doc_id = 'gamma'",
     "document gamma: item 11 follows item 0"},
    {"artifact: bookmark",
     "UPDATE item SET body_nl = body_nl || ' [bookmark: _Hlk1]' WHERE seq = 3 AND doc_id = 'alpha'",
     "document alpha, answer (item 3), body_nl: extraction artifact [bookmark ...]"},
    {"artifact: page counter",
     "UPDATE document SET title_nl = title_nl || ' Pagina 2 van 1' WHERE id = 'beta'",
     "document beta, title_nl: extraction artifact page header 'Pagina N van M'"},
    {"artifact: image", "UPDATE footnote SET body_en = '[image: ] ' || body_en WHERE number = 2",
     "document alpha, footnote 2, body_en: extraction artifact [image: ]"},
    {"artifact: letterhead",
     "UPDATE event SET body_nl = '> Retouradres Postbus 20301 2500 EH Den Haag' WHERE id = "
     "'police-2018'",
     "event police-2018, body_nl: extraction artifact letterhead 'Retouradres'"},
    {"artifact: page header date", "UPDATE about SET body_nl = body_nl || ' Datum 5 juni 2026'",
     "about one, body_nl: extraction artifact page header 'Datum' followed by a date"},
    {"artifact: footnote reference",
     "UPDATE item SET body_en = body_en || '[footnoteRef:3]' WHERE doc_id = 'gamma'",
     "document gamma, question 1, body_en: extraction artifact [footnoteRef:N]"},
    {"invalid UTF-8", "UPDATE about SET body_en = CAST(X'C328' AS TEXT)",
     "about one, body_en: is not valid UTF-8"},
    {"NUL byte",
     "UPDATE reference SET ref = CAST(X'410042' AS TEXT) WHERE seq = 1 AND doc_id = 'beta'",
     "document beta, reference 1, ref: contains a NUL byte"},
    {"control character",
     "UPDATE item SET heading_en = 'Cover' || char(7) WHERE heading_en = 'Cover letter'",
     "document alpha, text 1, heading_en: control character"},
    {"paragraph break", "UPDATE item SET body_nl = 'a' || char(10) || 'b' WHERE doc_id = 'gamma'",
     "document gamma, question 1, body_nl: paragraphs must be separated by exactly one empty line"},
    {"marker without footnote",
     "UPDATE item SET body_nl = body_nl || ' [^7]', body_en = body_en || ' [^7]' WHERE doc_id = "
     "'alpha' AND seq = 3",
     "document alpha, answer (item 3): marker [^7] has no footnote of this item"},
    {"footnote on the wrong item", "UPDATE footnote SET item_seq = 3 WHERE number = 1",
     "document alpha, question 1: marker [^1] has no footnote of this item"},
    {"footnote never marked",
     "UPDATE item SET body_nl = replace(body_nl, '[^2]', '') WHERE seq = 6",
     "document alpha, answer (item 6): footnote 2 is not marked [^2] in the Dutch text"},
    {"English markers differ",
     "UPDATE item SET body_en = replace(body_en, '[^1]', '') WHERE seq = 2 AND doc_id = 'alpha'",
     "document alpha, question 1: the English text's footnote markers differ from the Dutch "
     "([^1])"},
    /* The curated layer (issue 12): a hand-edited pack cannot show a false quote. */
    {"hand-edited hook",
     "UPDATE highlight SET quote_nl = 'Nee.' WHERE doc_id = 'alpha' AND kind = 'hook' AND seq = 1",
     "document alpha, hook 1: quote_nl is not word for word in its source"},
    {"hand-edited key sentence, English",
     "UPDATE highlight SET quote_en = 'Since 2018.' WHERE kind = 'key'",
     "document alpha, key 1: quote_en is not word for word in the English"},
    {"highlight quoting another footnote",
     "UPDATE highlight SET footnote = 2 WHERE kind = 'hook' AND seq = 3",
     "document alpha, hook 3 cites footnote 2, which item 2 does not have"},
    {"hooks numbered with a gap", "UPDATE highlight SET seq = 5 WHERE kind = 'hook' AND seq = 3",
     "document alpha, hook 5: numbering must run 1..n (expected 3)"},
    {"unknown highlight kind",
     "PRAGMA ignore_check_constraints = ON; UPDATE highlight SET kind = 'teaser' WHERE kind = "
     "'key'",
     "document alpha, teaser 1: not a highlight kind"},
    {"too few hooks", "DELETE FROM highlight WHERE kind = 'hook' AND seq > 1",
     "document alpha has 1 of kind hook, not 2 to 3"},
    {"headline too long",
     "UPDATE curated SET headline_nl = headline_nl || ' en nog veel meer woorden'",
     "document alpha: headline_nl has 12 words, not 1 to 10"},
    {"hook without English attribution",
     "PRAGMA ignore_check_constraints = ON; UPDATE highlight SET attribution_en = NULL WHERE "
     "kind = 'hook' AND seq = 3",
     "document alpha, hook 3 has no English translation (attribution_en)"},
    {"quote not in the item", "UPDATE event SET quote = 'iets anders' WHERE id = 'target-2028'",
     "event target-2028: quote not found in item 2 of document beta"},
    {"event without a quote",
     "PRAGMA ignore_check_constraints = ON; UPDATE event SET quote = NULL WHERE id = 'target-2028'",
     "event target-2028 has no quote"},
    {"document event with a quote",
     "PRAGMA ignore_check_constraints = ON; UPDATE event SET quote = 'x' WHERE id = 'beta/memo'",
     "event beta/memo does not match document beta"},
    {"invalid event id", "UPDATE event SET id = 'Police 2018' WHERE id = 'police-2018'",
     "event id 'Police 2018' is not a valid id"},
    {"bad event date",
     "UPDATE event SET date = '2018-13' , precision = 'month' WHERE id = 'police-2018'",
     "event police-2018: '2018-13' is not a valid date"},
    {"precision does not match the date",
     "PRAGMA ignore_check_constraints = ON; UPDATE event SET precision = 'day' WHERE id = "
     "'police-2018'",
     "event police-2018: precision 'day' does not match date 2018"},
    {"bad document date", "UPDATE document SET submitted = '2025-02-30' WHERE id = 'alpha'",
     "document alpha: '2025-02-30' is not a valid date"},
    {"document event off its date",
     "UPDATE event SET date = '2025-07-12' WHERE id = 'alpha/submitted'",
     "event alpha/submitted does not match document alpha"},
    {"document event missing", "DELETE FROM event WHERE id = 'alpha/answered'",
     "document alpha has no answered event on the timeline"},
    {"invalid document id",
     "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = ON; PRAGMA defer_foreign_keys = "
     "ON; "
     "BEGIN; UPDATE document SET id = 'Gamma' WHERE id = 'gamma'; UPDATE item SET doc_id = 'Gamma' "
     "WHERE doc_id = 'gamma'; UPDATE person SET doc_id = 'Gamma' WHERE doc_id = 'gamma'; COMMIT",
     "document id 'Gamma' is not a valid id"},
    {"pack version 0", "PRAGMA ignore_check_constraints = ON; UPDATE pack SET version = 0",
     "pack version must be a whole number above 0, not 0"},
    /* Issue 11, item 8: the kiosk read the version as an int and showed 2^31 as negative. */
    {"pack version 2^31", "UPDATE pack SET version = 2147483648",
     "pack version 2147483648 is above the largest version a kiosk reads (2147483647)"},
    {"pack version 2^32 + 1", "UPDATE pack SET version = 4294967297",
     "pack version 4294967297 is above the largest version a kiosk reads (2147483647)"},
    {"NOT NULL forged through the schema",
     "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'title_nl  TEXT NOT "
     "NULL', "
     "'title_nl  TEXT') WHERE name = 'pack' " STEP "UPDATE pack SET title_nl = NULL" STEP
     "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'title_nl  TEXT,', "
     "'title_nl  TEXT NOT NULL,') WHERE name = 'pack'",
     "pack is corrupt: NULL value in pack.title_nl"},
    {"no pack row", "DELETE FROM pack", "table pack must hold exactly one row, not 0 rows"},
    {"source path", "UPDATE document SET source_file = '../../etc/passwd' WHERE id = 'beta'",
     "document beta: source '../../etc/passwd' is not a file name"},
};

/* Runs one step of a variant's SQL on its own connection. */
static int run_step(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    char *msg = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fprintf(stderr, "make_variant(%s): %s\n", sql, msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

/* Applies sql to a fresh copy of the valid pack at path; returns 0 or -1. */
static int make_variant(const char *path, const char *sql)
{
    fixture_remove(path);
    if (fixture_write(path, valid, valid_len) != 0)
        return -1;
    char *steps = strdup(sql);
    int rc = 0;
    for (char *step = steps; rc == 0 && step;) {
        char *next = strstr(step, STEP);
        if (next)
            *next = '\0', next += strlen(STEP);
        rc = run_step(path, step);
        step = next;
    }
    free(steps);
    return rc;
}

static int reason_matches(const char *got, const char *want)
{
    size_t n = strlen(want);
    if (n && want[n - 1] == '*')
        return strncmp(got, want, n - 1) == 0;
    return strcmp(got, want) == 0;
}

static void crafted_packs_are_rejected_with_a_reason(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[512] = "";
        int made = make_variant("bad.vpack", cases[i].sql);
        CHECK_INT(made, 0);
        int rc = pack_check_path("bad.vpack", err, sizeof err);
        if (made != 0 || rc != -1 || !reason_matches(err, cases[i].expect)) {
            fprintf(stderr, "case '%s': rc %d, reason \"%s\"\n  expected \"%s\"\n", cases[i].name,
                    rc, err, cases[i].expect);
            CHECK(0);
        }
    }
    fixture_remove("bad.vpack");
}

static void expect_reason(const char *path, const char *want)
{
    char err[512] = "";
    CHECK_INT(pack_check_path(path, err, sizeof err), -1);
    if (!reason_matches(err, want))
        fprintf(stderr, "%s: reason \"%s\", expected \"%s\"\n", path, err, want);
    CHECK(reason_matches(err, want));
}

static void damaged_files_are_rejected(void)
{
    CHECK_INT(fixture_write("half.vpack", valid, valid_len / 2), 0);
    expect_reason("half.vpack", "pack is truncated (*");
    CHECK_INT(fixture_write("short.vpack", valid, 50), 0);
    expect_reason("short.vpack", "pack is truncated (50 bytes)");
    CHECK_INT(fixture_write("empty.vpack", "", 0), 0);
    expect_reason("empty.vpack", "not an SQLite database");
    CHECK_INT(fixture_write("text.vpack", "version: 1\n", 11), 0);
    expect_reason("text.vpack", "not an SQLite database");
    char *padded = malloc(valid_len + 7);
    memcpy(padded, valid, valid_len);
    memset(padded + valid_len, 'x', 7);
    CHECK_INT(fixture_write("padded.vpack", padded, valid_len + 7), 0);
    free(padded);
    expect_reason("padded.vpack", "pack has 7 bytes after its last page");
    CHECK_INT(fixture_write("good.vpack", valid, valid_len), 0);
    CHECK_INT(symlink("good.vpack", "link.vpack"), 0);
    expect_reason("link.vpack", "cannot open pack: it is a symbolic link");
    expect_reason(".", "pack is not a regular file");
    expect_reason("nope.vpack", "cannot open pack: No such file or directory");
    CHECK_INT(pack_check_path("good.vpack", NULL, 0), 0); /* the valid one passes, errlen 0 */
}

/* xorshift64: a fixed sequence per seed, so every failure can be replayed. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Checks one damaged copy: rejected with a reason, or accepted and still readable. */
static int survives(const char *bytes, size_t len, uint64_t seed)
{
    char err[512] = "";
    if (fixture_write("flip.vpack", bytes, len) != 0)
        return 0;
    int rc = pack_check_path("flip.vpack", err, sizeof err);
    if (rc == -1)
        return err[0] != '\0'
                   ? 1
                   : (fprintf(stderr, "seed %llu: no reason\n", (unsigned long long)seed), 0);
    sqlite3 *db = pack_db_open("flip.vpack", err, sizeof err);
    sqlite3_stmt *st = NULL;
    int ok = db &&
             sqlite3_prepare_v2(db, "SELECT count(*) FROM item", -1, &st, NULL) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (!ok)
        fprintf(stderr, "seed %llu: accepted but unreadable: %s\n", (unsigned long long)seed, err);
    return ok ? 2 : 0;
}

static void random_damage_never_crashes(void)
{
    char *copy = malloc(valid_len);
    int rejected = 0, accepted = 0, broken = 0;
    for (uint64_t seed = 1; seed <= FLIP_SEEDS; seed++) {
        uint64_t s = seed * 0x9E3779B97F4A7C15ull;
        memcpy(copy, valid, valid_len);
        int scribble = seed % 4 == 0; /* every 4th: 8 random bytes instead of one bit */
        for (int k = 0; k < (scribble ? 8 : 1); k++) {
            size_t at = next_random(&s) % valid_len;
            if (scribble)
                copy[at] = (char)next_random(&s);
            else
                copy[at] ^= (char)(1u << (next_random(&s) % 8));
        }
        int r = survives(copy, valid_len, seed);
        rejected += r == 1, accepted += r == 2, broken += r == 0;
    }
    for (uint64_t seed = 1; seed <= 64; seed++) { /* truncation at random lengths */
        uint64_t s = seed * 0x2545F4914F6CDD1Dull;
        int r = survives(valid, next_random(&s) % valid_len, seed);
        rejected += r == 1, accepted += r == 2, broken += r == 0;
    }
    printf("random damage: %d rejected, %d accepted (unused space), %d broken\n", rejected,
           accepted, broken);
    CHECK_INT(broken, 0);
    CHECK(rejected > 0);
    free(copy);
    fixture_remove("flip.vpack");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FIXTURE_DIR\n", argv[0]);
        return 2;
    }
    char *fixture = realpath(argv[1], NULL);
    const char *tmp = fixture_tmpdir();
    if (!fixture || chdir(tmp) != 0 || fixture_build(fixture, "valid.vpack", "2026-07-01") != 0)
        return 2;
    valid = fixture_read("valid.vpack", &valid_len);
    RUN(crafted_packs_are_rejected_with_a_reason);
    RUN(damaged_files_are_rejected);
    RUN(random_damage_never_crashes);
    free(valid);
    free(fixture);
    fixture_remove(tmp);
    return vt_test_finish();
}
