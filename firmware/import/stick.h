/*
 * stick: reading files from a USB stick that may have been prepared by an attacker.
 *
 * A stick is mounted somewhere (udev/systemd picks the place); everything under it is
 * untrusted. Names are resolved one component at a time with openat(O_NOFOLLOW), so a symlink
 * anywhere in the path (pointing at /etc, at /dev, at another stick) is refused rather than
 * followed, and ".." or absolute names never get as far as a system call. Before a file is
 * opened it is lstat'ed and anything but a regular file (FIFO, device, socket, directory,
 * symlink) is refused without being opened; the open itself uses
 * O_NOFOLLOW|O_NONBLOCK|O_CLOEXEC|O_NOCTTY and is checked again with fstat (same inode, still
 * a regular file), so a swap between the two is caught too, and a FIFO can never block.
 *
 * Reads take exactly the size fstat reported, in a loop bounded by that size, and then check
 * that the file did not change meanwhile: a short read, a read past the old end, or a
 * different size, mtime, ctime or inode afterwards refuses the file (VT_REASON_CHANGED). The
 * caller then works only on the copy it got, never on the stick again.
 */
#ifndef VT_STICK_H
#define VT_STICK_H

#include "io.h"
#include "reason.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#define VT_STICK_PACK_NAME "vitrine/content.vpack"
#define VT_STICK_SIG_NAME "vitrine/content.vpack.minisig"

/* Returns 1 when relname is a safe relative name (components not empty, ".", ".."; not
 * absolute; at most 8 components of at most 255 bytes), else 0. */
int stick_name_ok(const char *relname);

/* Opens the directory the stick is mounted on (the one path that is followed: it comes from
 * the system, not the stick). Returns an fd the caller closes, or -1 with a reason in err. */
int stick_open_root(const char *mountpoint, char *err, size_t errlen);

/* Opens relname below rootfd as described above and fills *st. Returns an fd the caller
 * closes, or -1 with *why set: VT_REASON_NO_PACK when the file (or its folder) does not exist,
 * VT_REASON_BAD_NAME, VT_REASON_NOT_REGULAR, VT_REASON_CHANGED or VT_REASON_READ_FAILED; err
 * gets a one-line technical reason. */
int stick_open(const VtIo *io, int rootfd, const char *relname, struct stat *st, VtReason *why,
               char *err, size_t errlen);

/* Reads the whole file opened by stick_open (st as it filled it) into buf of cap bytes.
 * Returns the length, or -1 with *why: VT_REASON_TOO_LARGE (longer than cap),
 * VT_REASON_CHANGED or VT_REASON_READ_FAILED. */
ssize_t stick_read_small(const VtIo *io, int fd, const struct stat *st, char *buf, size_t cap,
                         VtReason *why, char *err, size_t errlen);

/* Copies the whole file opened by stick_open to outfd (through io->write). Returns 0, or -1
 * with *why: VT_REASON_CHANGED, VT_REASON_READ_FAILED, VT_REASON_NO_SPACE (ENOSPC/EDQUOT while
 * writing) or VT_REASON_STORE_FAILED (other write errors). Does not fsync outfd. */
int stick_copy(const VtIo *io, int fd, const struct stat *st, int outfd, VtReason *why, char *err,
               size_t errlen);

#endif
