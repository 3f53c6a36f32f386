/*
 * The installed packs' signatures (store_sig.h): an import keeps the stick's .minisig as
 * sig/<hash>.minisig; the kiosk's check verifies an installed pack and refuses it after one
 * flipped byte anywhere (also inside a text cell) or with an untrusted key; signatures of packs
 * that left the store are removed, rollback keeps both; a store from before this change shows
 * its packs unverified and, at its next install, marks them legacy (bit rot is caught after
 * that, too).
 */
#include "buf.h"
#include "import.h"
#include "import_fixture.h"
#include "minisign.h"
#include "store_sig.h"
#include "vt_test.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static FxWorld w;

static char *sig_name(const char *pack, const char *ext)
{
    uint8_t hash[VT_MINISIGN_HASH_BYTES];
    char hex[129];
    int fd = open(pack, O_RDONLY);
    CHECK(fd >= 0 && minisign_hash_fd(&w.io, fd, hash) == 0);
    close(fd);
    store_sig_hex(hash, hex);
    VtBuf b = {0};
    buf_printf(&b, "sig/%s.%s", hex, ext);
    return buf_take(&b);
}

static int verify(const char *store, const char *name, char *why, size_t whylen)
{
    char *p = fx_join(store, name);
    int rc = store_sig_verify(store, p, &w.keys, why, whylen);
    free(p);
    return rc;
}

static int count_sigs(const char *store)
{
    char *d = fx_join(store, "sig");
    DIR *dir = opendir(d);
    int n = 0;
    struct dirent *e;
    while (dir && (e = readdir(dir)) != NULL)
        n += e->d_name[0] != '.';
    if (dir)
        closedir(dir);
    free(d);
    return n;
}

static VtReason install(const char *store, const char *stick)
{
    VtImportConfig cfg = {.store_dir = store, .keys = &w.keys, .io = &w.io, .now = 7};
    VtImportResult res;
    return import_install(&cfg, stick, &res);
}

static VtReason rollback(const char *store)
{
    VtImportConfig cfg = {.store_dir = store, .keys = &w.keys, .io = &w.io, .now = 8};
    VtImportResult res;
    return import_rollback(&cfg, &res);
}

static void import_keeps_signature(void)
{
    char *store = fx_world_store_with(&w, 0), *p1 = fx_join(w.dir, "v1.vpack");
    char *name = sig_name(p1, "minisig"), *kept = fx_join(store, name);
    char *stick_sig = fx_join(w.dir, "v1-stick/vitrine/content.vpack.minisig");
    CHECK(fx_same_file(kept, stick_sig));
    char why[300];
    CHECK_INT(verify(store, "current.vpack", why, sizeof why), VT_STORE_SIG_VERIFIED);
    CHECK(strstr(why, "vitrine-pack version 1") != NULL);
    CHECK_INT(count_sigs(store), 1);
    free(store), free(p1), free(name), free(kept), free(stick_sig);
}

/* Offset of the first occurrence of needle in the file, or -1. */
static long find_in(const char *path, const char *needle)
{
    size_t len = 0;
    char *data = fx_read_file(path, &len);
    long at = -1;
    for (size_t i = 0; data && i + strlen(needle) <= len && at < 0; i++)
        if (!memcmp(data + i, needle, strlen(needle)))
            at = (long)i;
    free(data);
    return at;
}

static void flip(const char *path, long at)
{
    size_t len = 0;
    char *data = fx_read_file(path, &len);
    data[at] ^= 0x20;
    fx_write_file(path, data, len);
    free(data);
}

static void flipped_byte_refused(void)
{
    char *store = fx_world_store_with(&w, 1), *cur = fx_join(store, "current.vpack");
    size_t len = 0;
    free(fx_read_file(cur, &len));
    long text = find_in(cur, "Is this a question about the test?");
    CHECK(text > 0);
    long at[] = {0, 17, 100, (long)len / 2, (long)len - 1, text + 8};
    char why[300];
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        flip(cur, at[i]);
        CHECK_INT(verify(store, "current.vpack", why, sizeof why), VT_STORE_SIG_REFUSED);
        CHECK(strstr(why, "no signature matches its content") != NULL);
        flip(cur, at[i]);
        CHECK_INT(verify(store, "current.vpack", why, sizeof why), VT_STORE_SIG_VERIFIED);
    }
    CHECK_INT(verify(store, "previous.vpack", why, sizeof why), VT_STORE_SIG_VERIFIED);
    VtKeyring none = {0};
    char *p = fx_join(store, "current.vpack");
    CHECK_INT(store_sig_verify(store, p, &none, why, sizeof why), VT_STORE_SIG_REFUSED);
    CHECK(strstr(why, "not trusted") != NULL);
    free(store), free(cur), free(p);
}

static void old_signatures_removed_rollback_keeps(void)
{
    char *store = fx_world_store_with(&w, 1), *stick = fx_pack_stick(w.dir, "v3", 3, NULL, "k1");
    char *p1 = fx_join(w.dir, "v1.vpack"), *n1 = sig_name(p1, "minisig"), *f1 = fx_join(store, n1);
    char why[300];
    CHECK_INT(count_sigs(store), 2);
    CHECK_INT(install(store, stick), VT_REASON_OK);
    CHECK_INT(count_sigs(store), 2); /* v3 and v2; v1 left the store */
    CHECK(access(f1, F_OK) != 0);
    for (int i = 0; i < 2; i++) {
        CHECK_INT(rollback(store), VT_REASON_OK);
        CHECK_INT(verify(store, "current.vpack", why, sizeof why), VT_STORE_SIG_VERIFIED);
        CHECK_INT(verify(store, "previous.vpack", why, sizeof why), VT_STORE_SIG_VERIFIED);
        CHECK_INT(count_sigs(store), 2);
    }
    free(store), free(stick), free(p1), free(n1), free(f1);
}

static void store_from_before_is_unverified_then_marked(void)
{
    char *store = fx_world_store_with(&w, 1), *sig = fx_join(store, "sig");
    char *stick = fx_pack_stick(w.dir, "v3", 3, NULL, "k1");
    fx_rm_rf(sig); /* as an older vitrine-import left it */
    char why[300];
    CHECK_INT(verify(store, "current.vpack", why, sizeof why), VT_STORE_SIG_UNVERIFIED);
    CHECK(strstr(why, "unverified") != NULL);
    CHECK_INT(install(store, stick), VT_REASON_OK);
    CHECK_INT(verify(store, "current.vpack", why, sizeof why), VT_STORE_SIG_VERIFIED);
    CHECK_INT(verify(store, "previous.vpack", why, sizeof why), VT_STORE_SIG_UNVERIFIED);
    CHECK(strstr(why, "installed before signatures were kept") != NULL);
    char *prev = fx_join(store, "previous.vpack");
    flip(prev, 300); /* rot after the upgrade is still caught */
    CHECK_INT(verify(store, "previous.vpack", why, sizeof why), VT_STORE_SIG_REFUSED);
    flip(prev, 300);
    CHECK_INT(rollback(store), VT_REASON_OK); /* the legacy pack can come back, unverified */
    CHECK_INT(verify(store, "current.vpack", why, sizeof why), VT_STORE_SIG_UNVERIFIED);
    CHECK_INT(verify(store, "previous.vpack", why, sizeof why), VT_STORE_SIG_VERIFIED);
    char *tmp = fx_join(store, ".sig-new");
    CHECK(access(tmp, F_OK) != 0);
    free(store), free(sig), free(stick), free(prev), free(tmp);
}

int main(void)
{
    if (fx_world_init(&w) != 0) {
        fprintf(stderr, "setup failed\n");
        return 1;
    }
    RUN(import_keeps_signature);
    RUN(flipped_byte_refused);
    RUN(old_signatures_removed_rollback_keeps);
    RUN(store_from_before_is_unverified_then_marked);
    fx_world_free(&w);
    return vt_test_finish();
}
