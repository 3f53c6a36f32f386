/*
 * crash_io: each hook counts, maybe dies, then forwards. Reads and statvfs are not steps: they
 * change nothing on disk, so dying before them is the same as dying after the previous step.
 */
#include "crash_io.h"

#include <unistd.h>

static void step(VtCrashIo *c)
{
    if (++c->steps >= c->at)
        _exit(VT_CRASH_EXIT);
}

static int c_openat(void *ctx, int dirfd, const char *name, int flags, mode_t mode)
{
    VtCrashIo *c = ctx;
    return c->inner.openat(c->inner.ctx, dirfd, name, flags, mode);
}

static ssize_t c_read(void *ctx, int fd, void *buf, size_t n)
{
    VtCrashIo *c = ctx;
    return c->inner.read(c->inner.ctx, fd, buf, n);
}

static ssize_t c_write(void *ctx, int fd, const void *buf, size_t n)
{
    VtCrashIo *c = ctx;
    step(c);
    return c->inner.write(c->inner.ctx, fd, buf, n);
}

static int c_fsync(void *ctx, int fd)
{
    VtCrashIo *c = ctx;
    step(c);
    return c->inner.fsync(c->inner.ctx, fd);
}

static int c_fstatvfs(void *ctx, int fd, struct statvfs *st)
{
    VtCrashIo *c = ctx;
    return c->inner.fstatvfs(c->inner.ctx, fd, st);
}

static int c_mkdirat(void *ctx, int dirfd, const char *name, mode_t mode)
{
    VtCrashIo *c = ctx;
    step(c);
    return c->inner.mkdirat(c->inner.ctx, dirfd, name, mode);
}

static int c_renameat(void *ctx, int od, const char *on, int nd, const char *nn)
{
    VtCrashIo *c = ctx;
    step(c);
    return c->inner.renameat(c->inner.ctx, od, on, nd, nn);
}

static int c_linkat(void *ctx, int od, const char *on, int nd, const char *nn)
{
    VtCrashIo *c = ctx;
    step(c);
    return c->inner.linkat(c->inner.ctx, od, on, nd, nn);
}

static int c_unlinkat(void *ctx, int dirfd, const char *name, int flags)
{
    VtCrashIo *c = ctx;
    step(c);
    return c->inner.unlinkat(c->inner.ctx, dirfd, name, flags);
}

VtIo crash_io_wrap(VtCrashIo *c, const VtIo *inner, long at)
{
    c->inner = *inner;
    c->at = at;
    c->steps = 0;
    return (VtIo){
        .ctx = c,
        .openat = c_openat,
        .read = c_read,
        .write = c_write,
        .fsync = c_fsync,
        .fstatvfs = c_fstatvfs,
        .mkdirat = c_mkdirat,
        .renameat = c_renameat,
        .linkat = c_linkat,
        .unlinkat = c_unlinkat,
    };
}
