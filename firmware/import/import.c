/*
 * import: a VtInstall holds everything one install has opened, so each step is a short function
 * that either fills the next field or sets a reason, and one cleanup (install_end) closes what
 * is open. Signature checks that need only the .minisig (key id, global signature, version)
 * run before the pack is copied, so a wrong stick costs no 64 MiB copy; the pack signature is
 * checked on the staged copy, which is what gets installed.
 */
#include "import.h"

#include "log.h"
#include "minisign.h"
#include "pack_check.h"
#include "pack_db.h"
#include "pack_schema.h"
#include "packinfo.h"
#include "stick.h"
#include "store.h"
#include "store_sig.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define COMMENT_PREFIX "vitrine-pack version "

typedef struct {
    const VtImportConfig *cfg;
    VtImportResult *res;
    VtStore store;
    VtStaging staging;
    int rootfd, packfd;
    struct stat packst;
    VtMinisignSig sig;
    const VtMinisignKey *key;
    int64_t installed;
    const char *sigtext; /* the .minisig as read from the stick, kept in the store's sig/ */
    size_t siglen;
    uint8_t hash[VT_MINISIGN_HASH_BYTES]; /* of the staged pack */
} VtInstall;

static VtReason set_result(VtImportResult *res, VtReason r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static VtReason set_result(VtImportResult *res, VtReason r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(res->detail, sizeof res->detail, fmt, ap);
    va_end(ap);
    res->reason = r;
    return r;
}

/* Parses "vitrine-pack version N" (the whole comment). Returns N, 0 when malformed, -1 when N
 * is above VT_PACK_VERSION_MAX (the kiosk could not show it as itself). */
static int64_t comment_version(const char *c)
{
    size_t plen = strlen(COMMENT_PREFIX);
    if (strncmp(c, COMMENT_PREFIX, plen) != 0)
        return 0;
    const char *d = c + plen;
    size_t n = strspn(d, "0123456789");
    if (n == 0 || n > 18 || d[n] != '\0' || d[0] == '0')
        return 0;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (d[i] - '0');
    return v > VT_PACK_VERSION_MAX ? -1 : v;
}

static int64_t installed_version(VtStore *store)
{
    if (!store_has(store, VT_STORE_CURRENT))
        return 0;
    char *path = store_path(store, VT_STORE_CURRENT);
    char err[256];
    int64_t v = 0;
    if (packinfo_version(path, &v, err, sizeof err) != 0) {
        log_warn("import", "installed pack unreadable (%s); accepting any version", err);
        v = 0;
    }
    free(path);
    return v;
}

static VtReason open_stick(VtInstall *in, const char *mountpoint, char *sigtext, size_t *siglen)
{
    const VtIo *io = in->cfg->io;
    char err[256];
    VtReason why = VT_REASON_OK;
    struct stat sigst;
    in->rootfd = stick_open_root(mountpoint, err, sizeof err);
    if (in->rootfd < 0)
        return set_result(in->res, VT_REASON_READ_FAILED, "%s", err);
    in->packfd = stick_open(io, in->rootfd, VT_STICK_PACK_NAME, &in->packst, &why, err, sizeof err);
    if (in->packfd < 0)
        return set_result(in->res, why, "%s: %s", VT_STICK_PACK_NAME, err);
    int sigfd = stick_open(io, in->rootfd, VT_STICK_SIG_NAME, &sigst, &why, err, sizeof err);
    if (sigfd < 0)
        return set_result(in->res, why == VT_REASON_NO_PACK ? VT_REASON_NO_SIGNATURE : why,
                          "%s: %s", VT_STICK_SIG_NAME, err);
    ssize_t n =
        stick_read_small(io, sigfd, &sigst, sigtext, VT_MINISIGN_FILE_MAX, &why, err, sizeof err);
    close(sigfd);
    if (n < 0)
        return set_result(in->res, why == VT_REASON_TOO_LARGE ? VT_REASON_SIG_MALFORMED : why,
                          "%s: %s", VT_STICK_SIG_NAME, err);
    *siglen = (size_t)n;
    return VT_REASON_OK;
}

static VtReason check_signature_file(VtInstall *in, const char *text, size_t len)
{
    char err[256], hex[17];
    int rc = minisign_parse_sig(text, len, &in->sig, err, sizeof err);
    if (rc != 0)
        return set_result(in->res,
                          rc == VT_MINISIGN_LEGACY ? VT_REASON_SIG_LEGACY : VT_REASON_SIG_MALFORMED,
                          "signature file: %s", err);
    minisign_key_id_hex(in->sig.key_id, hex);
    in->key = keyring_find(in->cfg->keys, in->sig.key_id);
    if (!in->key)
        return set_result(in->res, VT_REASON_SIG_UNKNOWN_KEY, "key id %s is not trusted", hex);
    if (minisign_verify_comment(&in->sig, in->key) != 0)
        return set_result(in->res, VT_REASON_COMMENT_INVALID,
                          "global signature (key %s) does not verify", hex);
    in->res->version = comment_version(in->sig.trusted_comment);
    if (in->res->version < 0) {
        in->res->version = 0;
        return set_result(in->res, VT_REASON_VERSION_FORMAT,
                          "signed version is above the largest a kiosk reads (%d)",
                          VT_PACK_VERSION_MAX);
    }
    if (in->res->version == 0)
        return set_result(in->res, VT_REASON_VERSION_FORMAT,
                          "trusted comment is not \"" COMMENT_PREFIX "N\"");
    log_info("import", "signature file accepted: key %s, version %" PRId64, hex, in->res->version);
    return VT_REASON_OK;
}

static VtReason check_version_and_space(VtInstall *in)
{
    char err[256];
    in->installed = installed_version(&in->store);
    if (in->res->version <= in->installed) {
        snprintf(in->res->message, sizeof in->res->message,
                 "Update refused: version %" PRId64
                 " is not newer than the installed version %" PRId64,
                 in->res->version, in->installed);
        return set_result(in->res, VT_REASON_NOT_NEWER, "version %" PRId64 " <= installed %" PRId64,
                          in->res->version, in->installed);
    }
    uint64_t size = (uint64_t)in->packst.st_size;
    uint64_t max = in->cfg->max_size ? in->cfg->max_size : VT_IMPORT_DEFAULT_MAX_SIZE;
    if (size > max)
        return set_result(in->res, VT_REASON_TOO_LARGE, "%" PRIu64 " bytes > limit %" PRIu64, size,
                          max);
    uint64_t free_bytes = 0;
    if (store_free_space(&in->store, &free_bytes, err, sizeof err) != 0)
        return set_result(in->res, VT_REASON_STORE_FAILED, "%s", err);
    if (free_bytes < size || free_bytes - size < VT_STORE_SPACE_MARGIN)
        return set_result(in->res, VT_REASON_NO_SPACE,
                          "%" PRIu64 " bytes free, need %" PRIu64 " + %d", free_bytes, size,
                          VT_STORE_SPACE_MARGIN);
    return VT_REASON_OK;
}

static VtReason copy_pack(VtInstall *in)
{
    char err[256];
    VtReason why = VT_REASON_OK;
    if (store_stage(&in->store, &in->staging, err, sizeof err) != 0)
        return set_result(in->res, VT_REASON_STORE_FAILED, "%s", err);
    if (stick_copy(in->cfg->io, in->packfd, &in->packst, in->staging.fd, &why, err, sizeof err) !=
        0)
        return set_result(in->res, why, "copy: %s", err);
    close(in->packfd);
    in->packfd = -1;
    if (store_stage_sync(&in->store, &in->staging, err, sizeof err) != 0)
        return set_result(in->res, VT_REASON_STORE_FAILED, "%s", err);
    log_info("import", "copied %jd bytes into the store", (intmax_t)in->packst.st_size);
    return VT_REASON_OK;
}

static VtReason check_staged(VtInstall *in)
{
    char err[256];
    if (minisign_hash_fd(in->cfg->io, in->staging.fd, in->hash) != 0)
        return set_result(in->res, VT_REASON_STORE_FAILED, "reading the staged copy failed");
    if (minisign_verify_hash(&in->sig, in->key, in->hash) != 0)
        return set_result(in->res, VT_REASON_SIG_INVALID, "pack signature does not verify");
    if (pack_check_path(in->staging.pack_path, err, sizeof err) != 0) {
        long schema = pack_db_schema_version(in->staging.pack_path);
        return set_result(in->res,
                          schema >= 0 && schema != VT_PACK_SCHEMA_VERSION ? VT_REASON_PACK_SCHEMA
                                                                          : VT_REASON_PACK_INVALID,
                          "pack check: %s", err);
    }
    int64_t v = 0;
    if (packinfo_version(in->staging.pack_path, &v, err, sizeof err) != 0)
        return set_result(in->res, VT_REASON_PACK_INVALID, "pack version: %s", err);
    if (v != in->res->version)
        return set_result(in->res, VT_REASON_VERSION_MISMATCH,
                          "signed version %" PRId64 ", pack.version %" PRId64, in->res->version, v);
    return VT_REASON_OK;
}

static VtReason commit(VtInstall *in)
{
    char err[256] = "";
    int placed = 0;
    /* The signature goes in first: whichever pack is current after a crash has its own. */
    if (store_sig_put(&in->store, &in->staging, in->hash, in->sigtext, in->siglen, &placed, err,
                      sizeof err) != 0) {
        if (placed)
            store_sig_undo(&in->store, in->hash);
        return set_result(in->res, VT_REASON_STORE_FAILED, "keeping the signature: %s", err);
    }
    int rc = store_commit(&in->store, &in->staging, err, sizeof err);
    if (rc < 0) {
        if (placed)
            store_sig_undo(&in->store, in->hash);
        return set_result(in->res, VT_REASON_STORE_FAILED, "%s", err);
    }
    if (rc > 0)
        log_warn("import", "%s", err);
    store_sig_prune(&in->store);
    snprintf(in->res->message, sizeof in->res->message, "Content updated to version %" PRId64,
             in->res->version);
    return set_result(in->res, VT_REASON_OK, "installed version %" PRId64 " over %" PRId64,
                      in->res->version, in->installed);
}

static VtReason install_steps(VtInstall *in, const char *mountpoint)
{
    char sigtext[VT_MINISIGN_FILE_MAX];
    size_t siglen = 0;
    VtReason r = VT_REASON_OK;
    if (in->cfg->keys_error) {
        snprintf(in->res->message, sizeof in->res->message,
                 "Update failed: a trusted key file cannot be used: %.150s", in->cfg->keys_error);
        return set_result(in->res, VT_REASON_NO_KEYS, "%s", in->cfg->keys_error);
    }
    if (in->cfg->keys->count == 0)
        return set_result(in->res, VT_REASON_NO_KEYS, "no public keys loaded");
    if ((r = open_stick(in, mountpoint, sigtext, &siglen)) != VT_REASON_OK ||
        (r = check_signature_file(in, sigtext, siglen)) != VT_REASON_OK ||
        (r = check_version_and_space(in)) != VT_REASON_OK || (r = copy_pack(in)) != VT_REASON_OK ||
        (r = check_staged(in)) != VT_REASON_OK)
        return r;
    in->sigtext = sigtext;
    in->siglen = siglen;
    return commit(in);
}

/* Completes the staff sentence, logs the result and records it in the status file. */
static void finish(const VtImportConfig *cfg, VtStore *store, VtImportResult *res)
{
    char err[256];
    if (res->message[0] == '\0')
        snprintf(res->message, sizeof res->message, "%s", reason_text(res->reason));
    if (res->reason == VT_REASON_OK)
        log_info("import", "%s (%s)", res->message, res->detail);
    else
        log_error("import", "%s [%s] (%s)", res->message, reason_token(res->reason), res->detail);
    if (!store || store->dirfd < 0)
        return;
    VtStoreStatus st = {.time = cfg->now, .reason = res->reason, .version = res->version};
    snprintf(st.message, sizeof st.message, "%s", res->message);
    if (store_status_write(store, &st, err, sizeof err) != 0)
        log_warn("import", "could not record the result: %s", err);
}

static VtReason open_store(const VtImportConfig *cfg, VtStore *store, VtImportResult *res)
{
    char err[256];
    int rc = store_open(store, cfg->store_dir, cfg->io, err, sizeof err);
    if (rc == VT_STORE_BUSY)
        return set_result(res, VT_REASON_BUSY, "%s", err);
    if (rc != 0)
        return set_result(res, VT_REASON_STORE_FAILED, "%s", err);
    return VT_REASON_OK;
}

VtReason import_install(const VtImportConfig *cfg, const char *mountpoint, VtImportResult *res)
{
    VtInstall in = {.cfg = cfg, .res = res, .rootfd = -1, .packfd = -1};
    in.staging = (VtStaging){.dirfd = -1, .fd = -1};
    memset(res, 0, sizeof *res);
    log_info("import", "importing from %s into %s", mountpoint, cfg->store_dir);
    if (open_store(cfg, &in.store, res) == VT_REASON_OK)
        install_steps(&in, mountpoint);
    if (in.packfd >= 0)
        close(in.packfd);
    if (in.rootfd >= 0)
        close(in.rootfd);
    if (in.store.dirfd >= 0)
        store_unstage(&in.store, &in.staging);
    finish(cfg, &in.store, res);
    store_close(&in.store);
    return res->reason;
}

static VtReason rollback_steps(VtStore *store, VtImportResult *res)
{
    char err[256];
    if (!store_has(store, VT_STORE_PREVIOUS)) {
        snprintf(res->message, sizeof res->message, "%s", reason_text(VT_REASON_NO_PREVIOUS));
        return set_result(res, VT_REASON_NO_PREVIOUS, "no %s", VT_STORE_PREVIOUS);
    }
    char *prev = store_path(store, VT_STORE_PREVIOUS);
    int bad = pack_check_path(prev, err, sizeof err) != 0 ||
              packinfo_version(prev, &res->version, err, sizeof err) != 0;
    free(prev);
    if (bad) {
        snprintf(res->message, sizeof res->message,
                 "Rollback refused: the previous content is damaged");
        return set_result(res, VT_REASON_PACK_INVALID, "previous pack: %s", err);
    }
    int rc = store_rollback(store, err, sizeof err);
    if (rc < 0) {
        snprintf(res->message, sizeof res->message,
                 "Rollback failed: the kiosk could not store the content");
        return set_result(res, VT_REASON_STORE_FAILED, "%s", err);
    }
    if (rc > 0)
        log_warn("import", "%s", err);
    snprintf(res->message, sizeof res->message, "Content rolled back to version %" PRId64,
             res->version);
    return set_result(res, VT_REASON_OK, "rolled back");
}

VtReason import_rollback(const VtImportConfig *cfg, VtImportResult *res)
{
    VtStore store = {.dirfd = -1};
    memset(res, 0, sizeof *res);
    log_info("import", "rolling back in %s", cfg->store_dir);
    if (open_store(cfg, &store, res) == VT_REASON_OK)
        rollback_steps(&store, res);
    finish(cfg, &store, res);
    store_close(&store);
    return res->reason;
}
