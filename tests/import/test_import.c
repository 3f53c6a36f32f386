/*
 * End-to-end tests of import_install() and import_rollback() on real files: a valid signed
 * pack installs (and the previous one is kept); key rotation works; every way a pack can be
 * unacceptable is refused with its exact reason and staff sentence, recorded in the status
 * file, and leaves the store's packs byte-identical (the whole store tree is hashed before and
 * after, only the status file left out); rollback swaps current and previous.
 */
#include "buf.h"
#include "import.h"
#include "import_fixture.h"
#include "pack_check.h"
#include "packinfo.h"
#include "store.h"
#include "vt_test.h"

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define NOW 1767225600

static FxWorld w;

static char *new_store(void) { return fx_world_store(&w); }

static VtReason install_with(const char *store, const char *stick, const VtKeyring *keys,
                             uint64_t max, const VtIo *io, VtImportResult *res)
{
    VtImportConfig cfg = {.store_dir = store, .keys = keys, .max_size = max, .io = io, .now = NOW};
    return import_install(&cfg, stick, res);
}

static VtReason install(const char *store, const char *stick, VtImportResult *res)
{
    return install_with(store, stick, &w.keys, 0, &w.io, res);
}

static char *stick_for(const char *name, int64_t version)
{
    return fx_pack_stick(w.dir, name, version, NULL, "k1");
}

static char *store_file(const char *store, const char *name) { return fx_join(store, name); }

/* A store with versions 1 (and 2 when two) installed. */
static char *store_with(int two) { return fx_world_store_with(&w, two); }

static void fixture_pack_is_valid(void)
{
    char *p = fx_join(w.dir, "v1.vpack");
    char err[256] = "";
    int64_t v = 0;
    CHECK_INT(pack_check_path(p, err, sizeof err), 0);
    if (err[0])
        fprintf(stderr, "pack_check_path: %s\n", err);
    CHECK_INT(packinfo_version(p, &v, err, sizeof err), 0);
    CHECK_INT(v, 1);
    free(p);
}

static void valid_pack_installs(void)
{
    char *store = new_store(), *stick = fx_join(w.dir, "v1-stick");
    VtImportResult res;
    CHECK_INT(install(store, stick, &res), VT_REASON_OK);
    CHECK_STR(res.message, "Content updated to version 1");
    char *cur = store_file(store, "current.vpack"), *p1 = fx_join(w.dir, "v1.vpack");
    char *prev = store_file(store, "previous.vpack");
    CHECK(fx_same_file(cur, p1));
    CHECK(access(prev, F_OK) != 0);
    CHECK(!fx_has_leftovers(store));
    VtStoreStatus st;
    char err[128];
    CHECK_INT(store_status_read(store, &st, err, sizeof err), 0);
    CHECK_INT(st.time, NOW);
    CHECK_INT(st.reason, VT_REASON_OK);
    CHECK_INT(st.version, 1);
    CHECK_STR(st.message, "Content updated to version 1");
    free(store), free(stick), free(cur), free(p1), free(prev);
}

static void newer_pack_keeps_previous(void)
{
    char *store = store_with(1);
    char *cur = store_file(store, "current.vpack"), *prev = store_file(store, "previous.vpack");
    char *p1 = fx_join(w.dir, "v1.vpack"), *p2 = fx_join(w.dir, "v2.vpack");
    CHECK(fx_same_file(cur, p2));
    CHECK(fx_same_file(prev, p1));
    CHECK(!fx_has_leftovers(store));
    free(store), free(cur), free(prev), free(p1), free(p2);
}

static void second_key_accepted(void)
{
    char *store = store_with(0);
    char *stick = fx_pack_stick(w.dir, "v2k2", 2, NULL, "k2");
    VtImportResult res;
    CHECK_INT(install(store, stick, &res), VT_REASON_OK);
    CHECK_STR(res.message, "Content updated to version 2");
    free(store), free(stick);
}

static void crlf_signature_accepted(void)
{
    char *store = store_with(0);
    char *stick = fx_pack_stick(w.dir, "v2crlf", 2, NULL, "k1");
    char *sig = fx_join(stick, "vitrine/content.vpack.minisig");
    char *text = fx_read_file(sig, NULL);
    VtBuf crlf = {0};
    for (char *p = text; *p; p++)
        buf_puts(&crlf, *p == '\n' ? "\r\n" : (char[2]){*p, 0});
    fx_write_file(sig, crlf.data, crlf.len);
    VtImportResult res;
    CHECK_INT(install(store, stick, &res), VT_REASON_OK);
    buf_free(&crlf);
    free(store), free(stick), free(sig), free(text);
}

/* Installs stick into a store holding version 1 and checks the refusal end to end. */
static void expect_refusal_with(const char *stick, const VtKeyring *keys, uint64_t max,
                                const VtIo *io, VtReason want, const char *message)
{
    char *store = store_with(0);
    char *before = fx_hash_tree(store, 1);
    VtImportResult res;
    CHECK_INT(install_with(store, stick, keys, max, io, &res), want);
    CHECK_STR(res.message, message);
    char *after = fx_hash_tree(store, 1);
    CHECK_STR(after, before);
    CHECK(!fx_has_leftovers(store));
    VtStoreStatus st;
    char err[128];
    CHECK_INT(store_status_read(store, &st, err, sizeof err), 0);
    CHECK_INT(st.reason, want);
    CHECK_STR(st.message, message);
    if (vt_test_checks_failed_)
        fprintf(stderr, "  (stick %s: %s)\n", stick, res.detail);
    free(store), free(before), free(after);
}

static void expect_refusal(const char *stick, VtReason want, const char *message)
{
    expect_refusal_with(stick, &w.keys, 0, &w.io, want, message);
}

/* Rewrites the stick's signature file with edit() applied to its text. */
static void edit_sig(const char *stick, void (*edit)(VtBuf *text))
{
    char *sig = fx_join(stick, "vitrine/content.vpack.minisig");
    size_t len = 0;
    char *text = fx_read_file(sig, &len);
    VtBuf b = {0};
    buf_append(&b, text, len);
    edit(&b);
    fx_write_file(sig, b.data, b.len);
    buf_free(&b);
    free(text);
    free(sig);
}

static char *line_start(VtBuf *b, int line)
{
    char *p = b->data;
    for (int i = 0; i < line; i++)
        p = strchr(p, '\n') + 1;
    return p;
}

/* Decodes base64 line `line`, flips bit `bit` of byte `byte`, encodes it back. */
static void flip_decoded(VtBuf *b, int line, size_t byte, int bit)
{
    char *p = line_start(b, line);
    size_t n = strcspn(p, "\n");
    uint8_t blob[128];
    size_t got = 0;
    sodium_base642bin(blob, sizeof blob, p, n, NULL, &got, NULL, sodium_base64_VARIANT_ORIGINAL);
    blob[byte] ^= (uint8_t)(1 << bit);
    char again[200];
    sodium_bin2base64(again, sizeof again, blob, got, sodium_base64_VARIANT_ORIGINAL);
    memcpy(p, again, n);
}

static void flip_sig_byte(VtBuf *b) { flip_decoded(b, 1, 40, 3); }
static void flip_key_id(VtBuf *b) { flip_decoded(b, 1, 4, 0); }
static void flip_global(VtBuf *b) { flip_decoded(b, 3, 10, 7); }
static void flip_comment(VtBuf *b) { line_start(b, 2)[strlen("trusted comment: v")] ^= 2; }
static void drop_last_line(VtBuf *b) { line_start(b, 3)[0] = '\0', b->len = strlen(b->data); }
static void add_line(VtBuf *b) { buf_puts(b, "trusted comment: more\n"); }
static void bad_base64(VtBuf *b) { line_start(b, 1)[7] = '*'; }

static void huge_line(VtBuf *b)
{
    VtBuf n = {0};
    buf_puts(&n, "untrusted comment: ");
    for (int i = 0; i < 5000; i++)
        buf_puts(&n, "h");
    buf_puts(&n, strchr(b->data, '\n'));
    buf_free(b);
    *b = n;
}

static void signature_refusals(void)
{
    static const struct {
        const char *name;
        void (*edit)(VtBuf *);
        VtReason want;
        const char *message;
    } cases[] = {
        {"sigbyte", flip_sig_byte, VT_REASON_COMMENT_INVALID,
         "Update refused: signature not valid"},
        {"keyid", flip_key_id, VT_REASON_SIG_UNKNOWN_KEY,
         "Update refused: signed with a key this kiosk does not trust"},
        {"global", flip_global, VT_REASON_COMMENT_INVALID, "Update refused: signature not valid"},
        {"comment", flip_comment, VT_REASON_COMMENT_INVALID, "Update refused: signature not valid"},
        {"truncated", drop_last_line, VT_REASON_SIG_MALFORMED,
         "Update refused: the signature file is damaged"},
        {"extra", add_line, VT_REASON_SIG_MALFORMED,
         "Update refused: the signature file is damaged"},
        {"huge", huge_line, VT_REASON_SIG_MALFORMED,
         "Update refused: the signature file is damaged"},
        {"base64", bad_base64, VT_REASON_SIG_MALFORMED,
         "Update refused: the signature file is damaged"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *stick = stick_for(cases[i].name, 2);
        edit_sig(stick, cases[i].edit);
        expect_refusal(stick, cases[i].want, cases[i].message);
        free(stick);
    }
}

static void pack_bit_flip_refused(void)
{
    char *stick = stick_for("packflip", 2);
    char *pack = fx_join(stick, "vitrine/content.vpack");
    size_t len = 0;
    char *data = fx_read_file(pack, &len);
    data[len / 2] ^= 0x10;
    fx_write_file(pack, data, len);
    expect_refusal(stick, VT_REASON_SIG_INVALID, "Update refused: signature not valid");
    free(stick), free(pack), free(data);
}

static void missing_files_refused(void)
{
    char *empty = fx_join(w.dir, "empty-stick");
    fx_make_stick(empty, NULL, NULL);
    expect_refusal(empty, VT_REASON_NO_PACK, "Update refused: no content pack on the stick");
    char *bare = fx_join(w.dir, "bare-stick");
    mkdir(bare, 0755);
    expect_refusal(bare, VT_REASON_NO_PACK, "Update refused: no content pack on the stick");
    char *unsigned_stick = fx_join(w.dir, "unsigned-stick"), *p2 = fx_join(w.dir, "v2.vpack");
    fx_make_stick(unsigned_stick, p2, NULL);
    expect_refusal(unsigned_stick, VT_REASON_NO_SIGNATURE,
                   "Update refused: the content pack is not signed");
    free(empty), free(bare), free(unsigned_stick), free(p2);
}

static void untrusted_and_legacy_refused(void)
{
    char *k3 = fx_pack_stick(w.dir, "v2k3", 2, NULL, "k3");
    expect_refusal(k3, VT_REASON_SIG_UNKNOWN_KEY,
                   "Update refused: signed with a key this kiosk does not trust");
    char *legacy = fx_join(w.dir, "legacy-stick"), *p2 = fx_join(w.dir, "v2.vpack");
    char *sig = fx_join(w.dir, "legacy.minisig");
    fx_sign(w.dir, "k1", p2, sig, "vitrine-pack version 2", 1);
    fx_make_stick(legacy, p2, sig);
    expect_refusal(legacy, VT_REASON_SIG_LEGACY,
                   "Update refused: old-style signature, sign the pack again");
    VtKeyring none = {0};
    char *good = fx_join(w.dir, "v2-stick");
    expect_refusal_with(good, &none, 0, &w.io, VT_REASON_NO_KEYS,
                        "Update failed: no trusted keys are installed on this kiosk");
    free(k3), free(legacy), free(p2), free(sig), free(good);
}

static void version_refusals(void)
{
    const char *bad[] = {"hello",
                         "vitrine-pack version 02",
                         "vitrine-pack version 2 beta",
                         "vitrine-pack version -2",
                         "vitrine-pack version ",
                         "Vitrine-pack version 2",
                         "vitrine-pack version 99999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char name[32];
        snprintf(name, sizeof name, "fmt%zu", i);
        char *stick = fx_pack_stick(w.dir, name, 2, bad[i], "k1");
        expect_refusal(stick, VT_REASON_VERSION_FORMAT,
                       "Update refused: the signature does not name a pack version");
        free(stick);
    }
    /* Issue 11, item 8: a signed 4294967297 installed, the kiosk showed 1 and refused every
     * later update as not newer. Versions above the kiosk's int are refused before copying. */
    const int64_t wide[] = {2147483648LL, 4294967297LL};
    for (size_t i = 0; i < sizeof wide / sizeof *wide; i++) {
        char name[32];
        snprintf(name, sizeof name, "wide%zu", i);
        char *stick = fx_pack_stick(w.dir, name, wide[i], NULL, "k1");
        expect_refusal(stick, VT_REASON_VERSION_FORMAT,
                       "Update refused: the signature does not name a pack version");
        free(stick);
    }
    char *mismatch = fx_pack_stick(w.dir, "mismatch", 3, "vitrine-pack version 5", "k1");
    expect_refusal(mismatch, VT_REASON_VERSION_MISMATCH,
                   "Update refused: the signed version does not match the pack");
    char *same = fx_join(w.dir, "v1-stick");
    expect_refusal(same, VT_REASON_NOT_NEWER,
                   "Update refused: version 1 is not newer than the installed version 1");
    char *store = store_with(1), *older = fx_join(w.dir, "v1-stick");
    VtImportResult res;
    CHECK_INT(install(store, older, &res), VT_REASON_NOT_NEWER);
    CHECK_STR(res.message, "Update refused: version 1 is not newer than the installed version 2");
    free(mismatch), free(same), free(store), free(older);
}

static void invalid_pack_refused(void)
{
    char *junk = fx_join(w.dir, "junk.vpack"), *sig = fx_join(w.dir, "junk.minisig");
    char *stick = fx_join(w.dir, "junk-stick");
    static const char not_a_pack[] = "SQLite format 3\0 but not really a pack";
    fx_write_file(junk, not_a_pack, sizeof not_a_pack);
    fx_sign(w.dir, "k1", junk, sig, "vitrine-pack version 7", 0);
    fx_make_stick(stick, junk, sig);
    expect_refusal(stick, VT_REASON_PACK_INVALID, "Update refused: the content pack is damaged");
    free(junk), free(sig), free(stick);
}

/* A signed stick with pack version 3 that says it has schema version `schema` (PRAGMA
 * user_version, as vitrine-pack of another kiosk version wrote it). */
static char *schema_stick(const char *name, int schema)
{
    char *stick = fx_pack_stick(w.dir, name, 3, NULL, "k1");
    char *pack = fx_join(stick, "vitrine/content.vpack");
    char *sig = fx_join(stick, "vitrine/content.vpack.minisig");
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", schema);
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(pack, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK_INT(fx_sign(w.dir, "k1", pack, sig, "vitrine-pack version 3", 0), 0);
    free(pack), free(sig);
    return stick;
}

/* A stick from before the kiosk's schema (an upgrade from a kiosk that wrote schema-1 packs) or
 * after it: properly signed, refused with what is wrong with it, not as damaged. */
static void other_schema_refused(void)
{
    const char *text = "Update refused: the content pack was built for another version of "
                       "Vitrine (build it again)";
    char *old = schema_stick("schema1", 1), *newer = schema_stick("schema3", 3);
    expect_refusal(old, VT_REASON_PACK_SCHEMA, text);
    expect_refusal(newer, VT_REASON_PACK_SCHEMA, text);
    free(old), free(newer);
}

static int tiny_statvfs(void *ctx, int fd, struct statvfs *st)
{
    (void)ctx;
    int rc = fstatvfs(fd, st);
    st->f_bavail = 16;
    st->f_frsize = 4096;
    return rc;
}

static void size_and_space_refused(void)
{
    char *stick = fx_join(w.dir, "v2-stick");
    expect_refusal_with(stick, &w.keys, 1000, &w.io, VT_REASON_TOO_LARGE,
                        "Update refused: the content pack is too large");
    VtIo io = io_system();
    io.fstatvfs = tiny_statvfs;
    expect_refusal_with(stick, &w.keys, 0, &io, VT_REASON_NO_SPACE,
                        "Update failed: not enough free space on the kiosk");
    free(stick);
}

static VtReason rollback(const char *store, VtImportResult *res)
{
    VtImportConfig cfg = {.store_dir = store, .keys = &w.keys, .io = &w.io, .now = NOW + 5};
    return import_rollback(&cfg, res);
}

static void rollback_swaps(void)
{
    char *store = store_with(1);
    char *cur = store_file(store, "current.vpack"), *prev = store_file(store, "previous.vpack");
    char *p1 = fx_join(w.dir, "v1.vpack"), *p2 = fx_join(w.dir, "v2.vpack");
    VtImportResult res;
    CHECK_INT(rollback(store, &res), VT_REASON_OK);
    CHECK_STR(res.message, "Content rolled back to version 1");
    CHECK(fx_same_file(cur, p1));
    CHECK(fx_same_file(prev, p2));
    CHECK(!fx_has_leftovers(store));
    VtStoreStatus st;
    char err[128];
    CHECK_INT(store_status_read(store, &st, err, sizeof err), 0);
    CHECK_INT(st.time, NOW + 5);
    CHECK_STR(st.message, "Content rolled back to version 1");
    CHECK_INT(rollback(store, &res), VT_REASON_OK);
    CHECK_STR(res.message, "Content rolled back to version 2");
    CHECK(fx_same_file(cur, p2));
    free(store), free(cur), free(prev), free(p1), free(p2);
}

static void rollback_without_previous_refused(void)
{
    char *store = store_with(0);
    char *before = fx_hash_tree(store, 1);
    VtImportResult res;
    CHECK_INT(rollback(store, &res), VT_REASON_NO_PREVIOUS);
    CHECK_STR(res.message, "Rollback refused: there is no previous content");
    char *after = fx_hash_tree(store, 1);
    CHECK_STR(after, before);
    char *prev = store_file(store, "previous.vpack");
    fx_write_file(prev, "damaged", 7);
    CHECK_INT(rollback(store, &res), VT_REASON_PACK_INVALID);
    CHECK_STR(res.message, "Rollback refused: the previous content is damaged");
    free(store), free(before), free(after), free(prev);
}

static void busy_store_untouched(void)
{
    char *store = store_with(0), *stick = fx_join(w.dir, "v2-stick");
    int fd = open(store, O_RDONLY | O_DIRECTORY);
    CHECK(flock(fd, LOCK_EX) == 0);
    char *before = fx_hash_tree(store, 0);
    VtImportResult res;
    CHECK_INT(install(store, stick, &res), VT_REASON_BUSY);
    CHECK_STR(res.message, "Update failed: another update is running");
    char *after = fx_hash_tree(store, 0);
    CHECK_STR(after, before);
    close(fd);
    free(store), free(stick), free(before), free(after);
}

static void stale_staging_swept(void)
{
    char *store = store_with(0), *stick = fx_join(w.dir, "v2-stick");
    char *stale = fx_join(store, ".staging-0123456789ab"), *f = fx_join(stale, "content.vpack");
    mkdir(stale, 0700);
    fx_write_file(f, "half", 4);
    CHECK(fx_has_leftovers(store));
    VtImportResult res;
    CHECK_INT(install(store, stick, &res), VT_REASON_OK);
    CHECK(!fx_has_leftovers(store));
    free(store), free(stick), free(stale), free(f);
}

int main(void)
{
    if (fx_world_init(&w) != 0) {
        fprintf(stderr, "setup failed\n");
        return 1;
    }
    RUN(fixture_pack_is_valid);
    RUN(valid_pack_installs);
    RUN(newer_pack_keeps_previous);
    RUN(second_key_accepted);
    RUN(crlf_signature_accepted);
    RUN(signature_refusals);
    RUN(pack_bit_flip_refused);
    RUN(missing_files_refused);
    RUN(untrusted_and_legacy_refused);
    RUN(version_refusals);
    RUN(invalid_pack_refused);
    RUN(other_schema_refused);
    RUN(size_and_space_refused);
    RUN(rollback_swaps);
    RUN(rollback_without_previous_refused);
    RUN(busy_store_untouched);
    RUN(stale_staging_swept);
    fx_world_free(&w);
    return vt_test_finish();
}
