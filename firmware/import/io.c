/*
 * io: the system table is a set of thin adapters that drop the ctx argument; the two loops
 * here are the only places that deal with short transfers and EINTR, so no caller has to.
 */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int sys_openat(void *ctx, int dirfd, const char *name, int flags, mode_t mode)
{
    (void)ctx;
    return openat(dirfd, name, flags, mode);
}

static ssize_t sys_read(void *ctx, int fd, void *buf, size_t n)
{
    (void)ctx;
    return read(fd, buf, n);
}

static ssize_t sys_write(void *ctx, int fd, const void *buf, size_t n)
{
    (void)ctx;
    return write(fd, buf, n);
}

static int sys_fsync(void *ctx, int fd)
{
    (void)ctx;
    return fsync(fd);
}

static int sys_fstatvfs(void *ctx, int fd, struct statvfs *st)
{
    (void)ctx;
    return fstatvfs(fd, st);
}

static int sys_mkdirat(void *ctx, int dirfd, const char *name, mode_t mode)
{
    (void)ctx;
    return mkdirat(dirfd, name, mode);
}

static int sys_renameat(void *ctx, int olddirfd, const char *oldname, int newdirfd,
                        const char *newname)
{
    (void)ctx;
    return renameat(olddirfd, oldname, newdirfd, newname);
}

static int sys_linkat(void *ctx, int olddirfd, const char *oldname, int newdirfd,
                      const char *newname)
{
    (void)ctx;
    return linkat(olddirfd, oldname, newdirfd, newname, 0);
}

static int sys_unlinkat(void *ctx, int dirfd, const char *name, int flags)
{
    (void)ctx;
    return unlinkat(dirfd, name, flags);
}

VtIo io_system(void)
{
    VtIo io = {
        .ctx = NULL,
        .openat = sys_openat,
        .read = sys_read,
        .write = sys_write,
        .fsync = sys_fsync,
        .fstatvfs = sys_fstatvfs,
        .mkdirat = sys_mkdirat,
        .renameat = sys_renameat,
        .linkat = sys_linkat,
        .unlinkat = sys_unlinkat,
    };
    return io;
}

int io_write_all(const VtIo *io, int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = io->write(io->ctx, fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        if (w == 0) {
            errno = ENOSPC;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

ssize_t io_read_full(const VtIo *io, int fd, void *buf, size_t n)
{
    char *p = buf;
    size_t got = 0;
    while (got < n) {
        ssize_t r = io->read(io->ctx, fd, p + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}
