/*
 * io: the store's and the stick reader's system calls, behind a table of function pointers.
 *
 * Everything vt_import writes, syncs, renames or reads goes through a VtIo that the caller passes
 * in, so tests can make the Nth write fail with ENOSPC or EIO, change a file while it is being
 * read, or stop the program at its Nth step (VITRINE_CRASH_AT, see crash_io.h) without any
 * process-wide switch. io_system() fills a table with the plain Linux calls. Each hook receives
 * the table's ctx pointer first; the system table ignores it. Calls that cannot usefully fail
 * in a test (open of directories, fstat, close) are made directly by the callers.
 */
#ifndef VT_IO_H
#define VT_IO_H

#include <stddef.h>
#include <sys/statvfs.h>
#include <sys/types.h>

typedef struct VtIo {
    void *ctx;
    int (*openat)(void *ctx, int dirfd, const char *name, int flags, mode_t mode);
    ssize_t (*read)(void *ctx, int fd, void *buf, size_t n);
    ssize_t (*write)(void *ctx, int fd, const void *buf, size_t n);
    int (*fsync)(void *ctx, int fd);
    int (*fstatvfs)(void *ctx, int fd, struct statvfs *st);
    int (*mkdirat)(void *ctx, int dirfd, const char *name, mode_t mode);
    int (*renameat)(void *ctx, int olddirfd, const char *oldname, int newdirfd,
                    const char *newname);
    int (*linkat)(void *ctx, int olddirfd, const char *oldname, int newdirfd, const char *newname);
    int (*unlinkat)(void *ctx, int dirfd, const char *name, int flags);
} VtIo;

/* Returns a table of the real system calls (ctx NULL). Never fails. */
VtIo io_system(void);

/* Writes all n bytes, retrying short writes and EINTR. Returns 0, or -1 with errno set (a write
 * that returns 0 counts as ENOSPC). */
int io_write_all(const VtIo *io, int fd, const void *buf, size_t n);

/* Reads until n bytes or end of file, retrying EINTR. Returns the byte count (less than n only
 * at end of file), or -1 with errno set. */
ssize_t io_read_full(const VtIo *io, int fd, void *buf, size_t n);

#endif
