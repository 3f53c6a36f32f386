/*
 * store: the steps of store.h, each a single VtIo call so a crash can be injected between any
 * two (VITRINE_CRASH_AT). Paths inside the store are always relative to the locked directory
 * fd, never rebuilt from strings, so a store path containing odd characters or a directory
 * renamed underneath cannot redirect a write; the one full path (pack_path) exists only for
 * pack_check_path(), which takes a path.
 */
#include "store.h"

#include "buf.h"
#include "log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define STAGED_PACK "content.vpack"
#define STAGED_OLD "old.vpack"

static int failf(char *err, size_t errlen, const char *what, int e)
{
    snprintf(err, errlen, "%s: %s", what, strerror(e));
    return -1;
}

/* Removes the regular files of one stale staging folder, then the folder. */
static void sweep_one(VtStore *s, const char *name)
{
    int fd = openat(s->dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        log_warn("import", "cannot clean %s: %s", name, strerror(errno));
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            s->io->unlinkat(s->io->ctx, dirfd(d), e->d_name, 0);
    }
    closedir(d);
    if (s->io->unlinkat(s->io->ctx, s->dirfd, name, AT_REMOVEDIR) == 0)
        log_info("import", "removed %s left by an interrupted run", name);
}

static void sweep_stale(VtStore *s)
{
    int fd = openat(s->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    size_t plen = strlen(VT_STORE_STAGING_PREFIX);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, VT_STORE_STAGING_PREFIX, plen) == 0)
            sweep_one(s, e->d_name);
    }
    closedir(d);
}

int store_open(VtStore *s, const char *dir, const VtIo *io, char *err, size_t errlen)
{
    s->io = io;
    s->dirfd = -1;
    s->path = xstrdup(dir);
    if (io->mkdirat(io->ctx, AT_FDCWD, dir, 0755) != 0 && errno != EEXIST)
        return failf(err, errlen, dir, errno);
    s->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (s->dirfd < 0)
        return failf(err, errlen, dir, errno);
    if (flock(s->dirfd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(s->dirfd);
        s->dirfd = -1;
        failf(err, errlen, "store is locked by another process", e);
        return e == EWOULDBLOCK ? VT_STORE_BUSY : -1;
    }
    sweep_stale(s);
    return 0;
}

void store_close(VtStore *s)
{
    if (s->dirfd >= 0)
        close(s->dirfd); /* also drops the flock */
    s->dirfd = -1;
    free(s->path);
    s->path = NULL;
}

char *store_path(const VtStore *s, const char *name)
{
    VtBuf b = {0};
    buf_printf(&b, "%s/%s", s->path, name);
    return buf_take(&b);
}

int store_has(const VtStore *s, const char *name)
{
    struct stat st;
    return fstatat(s->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

int store_free_space(const VtStore *s, uint64_t *bytes, char *err, size_t errlen)
{
    struct statvfs v;
    if (s->io->fstatvfs(s->io->ctx, s->dirfd, &v) != 0)
        return failf(err, errlen, "statvfs", errno);
    uint64_t total;
    if (__builtin_mul_overflow((uint64_t)v.f_bavail, (uint64_t)v.f_frsize, &total))
        total = UINT64_MAX;
    *bytes = total;
    return 0;
}

static int make_staging_dir(VtStore *s, VtStaging *st, char *err, size_t errlen)
{
    st->dirfd = st->fd = -1;
    st->pack_path = NULL;
    st->name[0] = '\0';
    for (int attempt = 0; attempt < 8; attempt++) {
        unsigned char r[6];
        if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
            return failf(err, errlen, "getrandom", errno);
        snprintf(st->name, sizeof st->name, "%s%02x%02x%02x%02x%02x%02x", VT_STORE_STAGING_PREFIX,
                 r[0], r[1], r[2], r[3], r[4], r[5]);
        if (s->io->mkdirat(s->io->ctx, s->dirfd, st->name, 0700) == 0)
            break;
        if (errno != EEXIST)
            return failf(err, errlen, "create staging folder", errno);
        st->name[0] = '\0';
    }
    if (st->name[0] == '\0')
        return failf(err, errlen, "create staging folder", EEXIST);
    st->dirfd = openat(s->dirfd, st->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (st->dirfd < 0)
        return failf(err, errlen, "open staging folder", errno);
    return 0;
}

int store_stage(VtStore *s, VtStaging *st, char *err, size_t errlen)
{
    if (make_staging_dir(s, st, err, errlen) != 0) {
        store_unstage(s, st);
        return -1;
    }
    st->fd = s->io->openat(s->io->ctx, st->dirfd, STAGED_PACK,
                           O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (st->fd < 0) {
        failf(err, errlen, "create staged pack", errno);
        store_unstage(s, st);
        return -1;
    }
    VtBuf b = {0};
    buf_printf(&b, "%s/%s/%s", s->path, st->name, STAGED_PACK);
    st->pack_path = buf_take(&b);
    return 0;
}

int store_stage_sync(VtStore *s, VtStaging *st, char *err, size_t errlen)
{
    if (s->io->fsync(s->io->ctx, st->fd) != 0)
        return failf(err, errlen, "fsync staged pack", errno);
    if (lseek(st->fd, 0, SEEK_SET) != 0)
        return failf(err, errlen, "rewind staged pack", errno);
    return 0;
}

static int sync_store(VtStore *s, char *err, size_t errlen, const char *what)
{
    if (s->io->fsync(s->io->ctx, s->dirfd) == 0)
        return 0;
    snprintf(err, errlen, "%s, but syncing the store failed: %s", what, strerror(errno));
    return 1;
}

/* Step 3 of store.h, shared by commit and rollback: old.vpack becomes previous.vpack. */
static int keep_old(VtStore *s, VtStaging *st, int had_old, char *err, size_t errlen)
{
    if (sync_store(s, err, errlen, "committed") != 0)
        return 1;
    if (!had_old)
        return 0;
    if (s->io->renameat(s->io->ctx, st->dirfd, STAGED_OLD, s->dirfd, VT_STORE_PREVIOUS) != 0) {
        snprintf(err, errlen, "committed, but keeping the previous pack failed: %s",
                 strerror(errno));
        return 1;
    }
    return sync_store(s, err, errlen, "committed");
}

/* Step 1 of store.h: hard-links current.vpack into the staging folder, if there is one. */
static int link_old(VtStore *s, VtStaging *st, int *had_old, char *err, size_t errlen)
{
    *had_old = store_has(s, VT_STORE_CURRENT);
    if (*had_old &&
        s->io->linkat(s->io->ctx, s->dirfd, VT_STORE_CURRENT, st->dirfd, STAGED_OLD) != 0)
        return failf(err, errlen, "link current pack", errno);
    return 0;
}

int store_commit(VtStore *s, VtStaging *st, char *err, size_t errlen)
{
    int had_old = 0;
    if (link_old(s, st, &had_old, err, errlen) != 0)
        return -1;
    if (s->io->renameat(s->io->ctx, st->dirfd, STAGED_PACK, s->dirfd, VT_STORE_CURRENT) != 0)
        return failf(err, errlen, "rename into place", errno);
    log_info("import", "new pack renamed to %s", VT_STORE_CURRENT);
    return keep_old(s, st, had_old, err, errlen);
}

void store_unstage(VtStore *s, VtStaging *st)
{
    if (st->fd >= 0)
        close(st->fd);
    st->fd = -1;
    if (st->dirfd >= 0) {
        static const char *const names[] = {STAGED_PACK, STAGED_OLD, "sig.minisig"};
        for (size_t i = 0; i < 3; i++) {
            if (s->io->unlinkat(s->io->ctx, st->dirfd, names[i], 0) != 0 && errno != ENOENT)
                log_warn("import", "cannot remove staged %s: %s", names[i], strerror(errno));
        }
        close(st->dirfd);
        st->dirfd = -1;
    }
    if (st->name[0] && s->io->unlinkat(s->io->ctx, s->dirfd, st->name, AT_REMOVEDIR) != 0)
        log_warn("import", "cannot remove %s: %s (removed on the next run)", st->name,
                 strerror(errno));
    st->name[0] = '\0';
    free(st->pack_path);
    st->pack_path = NULL;
}

int store_rollback(VtStore *s, char *err, size_t errlen)
{
    if (!store_has(s, VT_STORE_PREVIOUS)) {
        snprintf(err, errlen, "no %s in the store", VT_STORE_PREVIOUS);
        return VT_STORE_NO_PREVIOUS;
    }
    VtStaging st;
    int had_old = 0, rc = -1;
    if (make_staging_dir(s, &st, err, errlen) != 0 || link_old(s, &st, &had_old, err, errlen))
        goto done;
    if (s->io->renameat(s->io->ctx, s->dirfd, VT_STORE_PREVIOUS, s->dirfd, VT_STORE_CURRENT)) {
        failf(err, errlen, "rename previous pack into place", errno);
        goto done;
    }
    log_info("import", "%s renamed to %s", VT_STORE_PREVIOUS, VT_STORE_CURRENT);
    rc = keep_old(s, &st, had_old, err, errlen);
done:
    store_unstage(s, &st);
    return rc;
}
