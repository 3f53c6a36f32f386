/*
 * stick: one checked reader (read_checked) feeds either a memory buffer or the staging file
 * through a sink callback, so the small signature file and the large pack get exactly the same
 * change detection. Directory fds opened on the way down are closed before returning.
 */
#include "stick.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define STICK_CHUNK 65536
#define STICK_MAX_DEPTH 8

typedef int (*VtSink)(void *ctx, const char *data, size_t n);

static int set_why(VtReason *why, VtReason r, char *err, size_t errlen, const char *what, int e)
{
    *why = r;
    snprintf(err, errlen, "%s%s%s", what, e ? ": " : "", e ? strerror(e) : "");
    return -1;
}

int stick_name_ok(const char *relname)
{
    if (!relname || relname[0] == '\0' || relname[0] == '/')
        return 0;
    size_t depth = 0;
    const char *p = relname;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || n > 255 || (n == 1 && p[0] == '.') || (n == 2 && !memcmp(p, "..", 2)))
            return 0;
        if (++depth > STICK_MAX_DEPTH)
            return 0;
        p += n;
        if (*p == '/' && *++p == '\0')
            return 0;
    }
    return 1;
}

int stick_open_root(const char *mountpoint, char *err, size_t errlen)
{
    int fd = open(mountpoint, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        snprintf(err, errlen, "%s: %s", mountpoint, strerror(errno));
    return fd;
}

static VtReason reason_for_open_errno(int e)
{
    if (e == ENOENT)
        return VT_REASON_NO_PACK;
    if (e == ELOOP || e == ENOTDIR || e == ENXIO || e == ENODEV)
        return VT_REASON_NOT_REGULAR;
    return VT_REASON_READ_FAILED;
}

/* Walks all but the last component of relname; returns a directory fd (maybe rootfd itself,
 * then *owned is 0) and points *leaf at the last component. */
static int walk_dirs(const VtIo *io, int rootfd, const char *relname, const char **leaf, int *owned,
                     VtReason *why, char *err, size_t errlen)
{
    int dirfd = rootfd;
    char part[256];
    const char *p = relname;
    const char *slash;
    *owned = 0;
    while ((slash = strchr(p, '/')) != NULL) {
        size_t n = (size_t)(slash - p);
        memcpy(part, p, n);
        part[n] = '\0';
        int next = io->openat(io->ctx, dirfd, part,
                              O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
        int e = errno;
        if (*owned)
            close(dirfd);
        if (next < 0)
            return set_why(why, reason_for_open_errno(e), err, errlen, part, e);
        dirfd = next;
        *owned = 1;
        p = slash + 1;
    }
    *leaf = p;
    return dirfd;
}

static int open_leaf(const VtIo *io, int dirfd, const char *leaf, struct stat *st, VtReason *why,
                     char *err, size_t errlen)
{
    struct stat pre;
    if (fstatat(dirfd, leaf, &pre, AT_SYMLINK_NOFOLLOW) != 0)
        return set_why(why, reason_for_open_errno(errno), err, errlen, leaf, errno);
    if (!S_ISREG(pre.st_mode))
        return set_why(why, VT_REASON_NOT_REGULAR, err, errlen, "not a regular file", 0);
    int fd = io->openat(io->ctx, dirfd, leaf,
                        O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
    if (fd < 0)
        return set_why(why, reason_for_open_errno(errno), err, errlen, leaf, errno);
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || st->st_ino != pre.st_ino ||
        st->st_dev != pre.st_dev) {
        close(fd);
        return set_why(why, VT_REASON_CHANGED, err, errlen, "file replaced while opening", 0);
    }
    return fd;
}

int stick_open(const VtIo *io, int rootfd, const char *relname, struct stat *st, VtReason *why,
               char *err, size_t errlen)
{
    if (!stick_name_ok(relname))
        return set_why(why, VT_REASON_BAD_NAME, err, errlen, "unsafe name", 0);
    const char *leaf = NULL;
    int owned = 0;
    int dirfd = walk_dirs(io, rootfd, relname, &leaf, &owned, why, err, errlen);
    if (dirfd < 0)
        return -1;
    int fd = open_leaf(io, dirfd, leaf, st, why, err, errlen);
    if (owned)
        close(dirfd);
    return fd;
}

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_size == b->st_size && a->st_ino == b->st_ino && a->st_dev == b->st_dev &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
           a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Reads exactly st->st_size bytes into sink, then proves the file ended there and did not
 * change. A sink failure is reported with the errno the sink left. */
static int read_checked(const VtIo *io, int fd, const struct stat *st, VtSink sink, void *ctx,
                        VtReason *why, char *err, size_t errlen)
{
    static const size_t chunk = STICK_CHUNK;
    char buf[STICK_CHUNK];
    uint64_t left = (uint64_t)st->st_size;
    while (left > 0) {
        size_t want = left < chunk ? (size_t)left : chunk;
        ssize_t n = io_read_full(io, fd, buf, want);
        if (n < 0)
            return set_why(why, VT_REASON_READ_FAILED, err, errlen, "read", errno);
        if ((size_t)n < want)
            return set_why(why, VT_REASON_CHANGED, err, errlen, "file cut short while read", 0);
        if (sink(ctx, buf, (size_t)n) != 0) {
            int e = errno;
            VtReason r = (e == ENOSPC || e == EDQUOT) ? VT_REASON_NO_SPACE : VT_REASON_STORE_FAILED;
            return set_why(why, r, err, errlen, "write to the store", e);
        }
        left -= (uint64_t)n;
    }
    struct stat after;
    ssize_t extra = io_read_full(io, fd, buf, 1);
    if (extra != 0 || fstat(fd, &after) != 0 || !same_file(st, &after))
        return set_why(why, VT_REASON_CHANGED, err, errlen, "file changed while read", 0);
    return 0;
}

typedef struct {
    char *buf;
    size_t len;
} VtMemSink;

static int mem_sink(void *ctx, const char *data, size_t n)
{
    VtMemSink *m = ctx;
    memcpy(m->buf + m->len, data, n);
    m->len += n;
    return 0;
}

ssize_t stick_read_small(const VtIo *io, int fd, const struct stat *st, char *buf, size_t cap,
                         VtReason *why, char *err, size_t errlen)
{
    if (st->st_size < 0 || (uint64_t)st->st_size > (uint64_t)cap)
        return set_why(why, VT_REASON_TOO_LARGE, err, errlen, "file too large", 0);
    VtMemSink m = {buf, 0};
    if (read_checked(io, fd, st, mem_sink, &m, why, err, errlen) != 0)
        return -1;
    return (ssize_t)m.len;
}

typedef struct {
    const VtIo *io;
    int fd;
} VtFdSink;

static int fd_sink(void *ctx, const char *data, size_t n)
{
    VtFdSink *s = ctx;
    return io_write_all(s->io, s->fd, data, n);
}

int stick_copy(const VtIo *io, int fd, const struct stat *st, int outfd, VtReason *why, char *err,
               size_t errlen)
{
    VtFdSink s = {io, outfd};
    return read_checked(io, fd, st, fd_sink, &s, why, err, errlen);
}
