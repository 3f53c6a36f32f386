/*
 * store_sig: see store_sig.h for the layout and why it keeps the store's invariant. Every
 * write, fsync, rename, mkdir and unlink goes through the store's VtIo, so the importer's
 * fault and crash tests reach each new step; the kiosk's check (store_sig_verify) only reads
 * and uses the plain system calls.
 */
#include "store_sig.h"

#include "log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STAGED_SIG "sig.minisig"
#define HEX_LEN (2 * VT_MINISIGN_HASH_BYTES)

static int failf(char *err, size_t errlen, const char *what, int e)
{
    snprintf(err, errlen, "%s: %s", what, strerror(e));
    return -1;
}

void store_sig_hex(const uint8_t hash[VT_MINISIGN_HASH_BYTES], char out[129])
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < VT_MINISIGN_HASH_BYTES; i++) {
        out[2 * i] = digits[hash[i] >> 4];
        out[2 * i + 1] = digits[hash[i] & 15];
    }
    out[HEX_LEN] = '\0';
}

/* The hex hash of the regular file name in dirfd, or -1 (missing, unreadable). */
static int hex_at(const VtStore *s, int dirfd, const char *name, char hex[129])
{
    uint8_t hash[VT_MINISIGN_HASH_BYTES];
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = minisign_hash_fd(s->io, fd, hash);
    close(fd);
    if (rc == 0)
        store_sig_hex(hash, hex);
    return rc;
}

/* Creates (or truncates) name in dirfd with text[0..len) and fsyncs it. */
static int write_synced(VtStore *s, int dirfd, const char *name, const char *text, size_t len,
                        char *err, size_t errlen)
{
    int fd = s->io->openat(s->io->ctx, dirfd, name,
                           O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return failf(err, errlen, name, errno);
    int rc = (len && io_write_all(s->io, fd, text, len) != 0) || s->io->fsync(s->io->ctx, fd);
    int e = errno;
    close(fd);
    return rc ? failf(err, errlen, name, e) : 0;
}

/* A store from before signatures were kept gets sig/ in one rename, already holding .legacy
 * markers for its packs: a crash never leaves a sig/ that lacks the current pack's entry. */
static int make_sig_dir(VtStore *s, char *err, size_t errlen)
{
    struct stat sb;
    if (fstatat(s->dirfd, VT_STORE_SIG_DIR, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(sb.st_mode))
        return 0;
    if (s->io->mkdirat(s->io->ctx, s->dirfd, VT_STORE_SIG_NEW, 0755) != 0 && errno != EEXIST)
        return failf(err, errlen, "create " VT_STORE_SIG_NEW, errno);
    int nd = openat(s->dirfd, VT_STORE_SIG_NEW, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (nd < 0)
        return failf(err, errlen, "open " VT_STORE_SIG_NEW, errno);
    static const char *const packs[] = {VT_STORE_CURRENT, VT_STORE_PREVIOUS};
    int rc = 0;
    for (size_t i = 0; i < 2 && rc == 0; i++) {
        char hex[129], name[160];
        if (!store_has(s, packs[i]) || hex_at(s, s->dirfd, packs[i], hex) != 0)
            continue;
        snprintf(name, sizeof name, "%s.legacy", hex);
        rc = write_synced(s, nd, name, "", 0, err, errlen);
        if (rc == 0)
            log_info("import", "%s was installed before signatures were kept: marked legacy",
                     packs[i]);
    }
    if (rc == 0 && s->io->fsync(s->io->ctx, nd) != 0)
        rc = failf(err, errlen, "fsync " VT_STORE_SIG_NEW, errno);
    close(nd);
    if (rc == 0 &&
        s->io->renameat(s->io->ctx, s->dirfd, VT_STORE_SIG_NEW, s->dirfd, VT_STORE_SIG_DIR) != 0)
        rc = failf(err, errlen, "rename " VT_STORE_SIG_NEW, errno);
    if (rc == 0 && s->io->fsync(s->io->ctx, s->dirfd) != 0)
        rc = failf(err, errlen, "fsync store", errno);
    return rc;
}

int store_sig_put(VtStore *s, VtStaging *st, const uint8_t hash[VT_MINISIGN_HASH_BYTES],
                  const char *text, size_t len, int *placed, char *err, size_t errlen)
{
    char hex[129], name[160];
    *placed = 0;
    store_sig_hex(hash, hex);
    snprintf(name, sizeof name, "%s.minisig", hex);
    if (make_sig_dir(s, err, errlen) != 0 ||
        write_synced(s, st->dirfd, STAGED_SIG, text, len, err, errlen) != 0)
        return -1;
    int sd = openat(s->dirfd, VT_STORE_SIG_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sd < 0)
        return failf(err, errlen, "open " VT_STORE_SIG_DIR, errno);
    struct stat sb;
    int existed = fstatat(sd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0;
    int rc = 0;
    if (s->io->renameat(s->io->ctx, st->dirfd, STAGED_SIG, sd, name) != 0)
        rc = failf(err, errlen, "rename signature into " VT_STORE_SIG_DIR, errno);
    else
        *placed = !existed;
    if (rc == 0 && s->io->fsync(s->io->ctx, sd) != 0)
        rc = failf(err, errlen, "fsync " VT_STORE_SIG_DIR, errno);
    close(sd);
    if (rc == 0)
        log_info("import", "signature kept as %s/%.16s....minisig", VT_STORE_SIG_DIR, hex);
    return rc;
}

void store_sig_undo(VtStore *s, const uint8_t hash[VT_MINISIGN_HASH_BYTES])
{
    char hex[129], name[200];
    store_sig_hex(hash, hex);
    snprintf(name, sizeof name, "%s/%s.minisig", VT_STORE_SIG_DIR, hex);
    if (s->io->unlinkat(s->io->ctx, s->dirfd, name, 0) != 0 && errno != ENOENT)
        log_warn("import",
                 "cannot remove the unused signature %s: %s (removed after the next "
                 "install)",
                 name, strerror(errno));
}

/* 1 when name is "<hex>.<anything>" for one of the two kept hashes. */
static int kept(const char *name, const char *a, const char *b)
{
    return (a[0] && !strncmp(name, a, HEX_LEN) && name[HEX_LEN] == '.') ||
           (b[0] && !strncmp(name, b, HEX_LEN) && name[HEX_LEN] == '.');
}

void store_sig_prune(VtStore *s)
{
    char cur[129] = "", prev[129] = "";
    if (hex_at(s, s->dirfd, VT_STORE_CURRENT, cur) != 0) {
        log_warn("import", "cannot hash %s: signatures not pruned", VT_STORE_CURRENT);
        return;
    }
    if (store_has(s, VT_STORE_PREVIOUS) && hex_at(s, s->dirfd, VT_STORE_PREVIOUS, prev) != 0) {
        log_warn("import", "cannot hash %s: signatures not pruned", VT_STORE_PREVIOUS);
        return;
    }
    int fd = openat(s->dirfd, VT_STORE_SIG_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || kept(e->d_name, cur, prev))
            continue;
        if (s->io->unlinkat(s->io->ctx, dirfd(d), e->d_name, 0) != 0)
            log_warn("import", "cannot remove %s/%s: %s", VT_STORE_SIG_DIR, e->d_name,
                     strerror(errno));
    }
    closedir(d);
}

static int refuse(char *why, size_t whylen, const char *fmt, const char *arg)
{
    snprintf(why, whylen, fmt, arg);
    return VT_STORE_SIG_REFUSED;
}

int store_sig_verify(const char *store_dir, const char *path, const VtKeyring *kr, char *why,
                     size_t whylen)
{
    uint8_t hash[VT_MINISIGN_HASH_BYTES];
    char hex[129], name[1400], text[VT_MINISIGN_FILE_MAX + 1], err[256], id[17];
    VtIo io = io_system();
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return refuse(why, whylen, "cannot read the pack: %s", strerror(errno));
    int rc = minisign_hash_fd(&io, fd, hash);
    int e = errno;
    close(fd);
    if (rc != 0)
        return refuse(why, whylen, "cannot read the pack: %s", strerror(e));
    store_sig_hex(hash, hex);
    struct stat sb;
    snprintf(name, sizeof name, "%s/%s", store_dir, VT_STORE_SIG_DIR);
    if (stat(name, &sb) != 0 && errno == ENOENT) {
        snprintf(why, whylen,
                 "unverified: the store keeps no signatures (installed before "
                 "they were kept)");
        return VT_STORE_SIG_UNVERIFIED;
    }
    snprintf(name, sizeof name, "%s/%s/%s.minisig", store_dir, VT_STORE_SIG_DIR, hex);
    fd = open(name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        e = errno;
        snprintf(name, sizeof name, "%s/%s/%s.legacy", store_dir, VT_STORE_SIG_DIR, hex);
        if (e == ENOENT && stat(name, &sb) == 0) {
            snprintf(why, whylen, "unverified: installed before signatures were kept");
            return VT_STORE_SIG_UNVERIFIED;
        }
        if (e == ENOENT)
            return refuse(why, whylen, "%s",
                          "no signature matches its content (damaged on disk, or not installed "
                          "by vitrine-import)");
        return refuse(why, whylen, "cannot read its signature: %s", strerror(e));
    }
    ssize_t n = io_read_full(&io, fd, text, sizeof text);
    close(fd);
    if (n < 0 || n > VT_MINISIGN_FILE_MAX)
        return refuse(why, whylen, "%s", "its signature file cannot be read or is too large");
    VtMinisignSig sig;
    if (minisign_parse_sig(text, (size_t)n, &sig, err, sizeof err) != 0)
        return refuse(why, whylen, "its signature file is damaged: %s", err);
    minisign_key_id_hex(sig.key_id, id);
    const VtMinisignKey *key = keyring_find(kr, sig.key_id);
    if (!key)
        return refuse(why, whylen, "signed with key %s, which is not trusted", id);
    if (minisign_verify_comment(&sig, key) != 0 || minisign_verify_hash(&sig, key, hash) != 0)
        return refuse(why, whylen, "its signature (key %s) does not verify", id);
    snprintf(why, whylen, "verified: key %s, %.200s", id, sig.trusted_comment);
    return VT_STORE_SIG_VERIFIED;
}
