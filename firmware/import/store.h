/*
 * store: the kiosk's pack store, a directory (default /var/lib/vitrine) that holds
 *
 *   current.vpack    the pack the kiosk shows; always present once anything was installed
 *   previous.vpack   the pack before it, kept for rollback
 *   status           the last import or rollback result (store_status.h)
 *   sig/             the installed packs' signatures, named by content hash (store_sig.h)
 *   .staging-XXXX/   a private folder for one import in progress, removed at its end
 *
 * Invariant: at every instant, also across a power cut, current.vpack is a complete pack that
 * passed verification: the old one or the new one, never neither and never half of one.
 * It holds because the only operation that changes current.vpack is rename(2) of a file that
 * is complete and fsync'ed, within one file system, followed by an fsync of the directory.
 *
 * Install (store_commit): the new pack is copied into .staging-XXXX/content.vpack and fsync'ed
 * (store_stage, store_stage_sync); the caller verifies exactly that file and keeps its
 * signature as sig/<hash>.minisig (store_sig_put, staged in the same folder). Then
 *   1. link current.vpack to .staging-XXXX/old.vpack   (nothing visible changes)
 *   2. rename .staging-XXXX/content.vpack to current.vpack, fsync the store   (commit point)
 *   3. rename .staging-XXXX/old.vpack to previous.vpack, fsync the store
 * A failure before the commit point leaves the store byte for byte as it was. A failure or a
 * crash after it leaves the new current.vpack and at worst the older previous.vpack. Rollback
 * is the same dance with previous.vpack in the role of the new pack, so it swaps the two and a
 * second rollback undoes the first (both keep their signatures). After a commit the caller
 * removes the signatures of packs no longer in the store (store_sig_prune).
 *
 * Only one process may change the store: store_open takes an exclusive flock on the directory
 * and, holding it, sweeps away staging folders left by a crashed run. The kiosk itself only
 * reads (and watches, store_watch.h) the store and takes no lock. Every write, fsync, rename,
 * link, unlink and mkdir goes through the caller's VtIo.
 */
#ifndef VT_STORE_H
#define VT_STORE_H

#include "io.h"

#include <stddef.h>
#include <stdint.h>

#define VT_STORE_DEFAULT_DIR "/var/lib/vitrine"
#define VT_STORE_CURRENT "current.vpack"
#define VT_STORE_PREVIOUS "previous.vpack"
#define VT_STORE_STAGING_PREFIX ".staging-"
#define VT_STORE_BUSY (-2)
#define VT_STORE_NO_PREVIOUS (-2)
/* Kept free beyond the pack itself, for the status file and the file system's own needs. */
#define VT_STORE_SPACE_MARGIN (1024 * 1024)

typedef struct {
    const VtIo *io; /* borrowed */
    int dirfd;
    char *path; /* owned */
} VtStore;

typedef struct {
    int dirfd;       /* the staging folder */
    int fd;          /* the staged pack, open read-write */
    char name[32];   /* ".staging-" and 12 hex digits */
    char *pack_path; /* full path of the staged pack, owned */
} VtStaging;

/* Opens (creating it, one level, if missing) and locks the store at dir, then removes stale
 * staging folders. io is borrowed and must outlive the store. Returns 0, VT_STORE_BUSY when
 * another process holds the lock, or -1; both failures write a reason into err. */
int store_open(VtStore *s, const char *dir, const VtIo *io, char *err, size_t errlen);

/* Releases the lock and frees the store; safe on a store whose open failed. */
void store_close(VtStore *s);

/* Returns "<store dir>/<name>", which the caller frees. Never NULL. */
char *store_path(const VtStore *s, const char *name);

/* Returns 1 when name is a regular file in the store, else 0. */
int store_has(const VtStore *s, const char *name);

/* Puts the store's free space (for an unprivileged writer) into *bytes. Returns 0, or -1. */
int store_free_space(const VtStore *s, uint64_t *bytes, char *err, size_t errlen);

/* Creates a staging folder with an empty content.vpack open for writing. Returns 0, or -1 with
 * a reason in err (nothing is left behind then). Undo with store_unstage. */
int store_stage(VtStore *s, VtStaging *st, char *err, size_t errlen);

/* Fsyncs the staged pack and rewinds it for reading. Returns 0, or -1 with a reason. */
int store_stage_sync(VtStore *s, VtStaging *st, char *err, size_t errlen);

/* Makes the staged (synced, verified) pack current and the old current previous. Returns 0;
 * 1 when the pack is committed but a later step failed (warning in err: previous.vpack not
 * updated, or the directory sync failed); -1 when nothing changed (reason in err). */
int store_commit(VtStore *s, VtStaging *st, char *err, size_t errlen);

/* Closes and removes the staging folder; best effort, logged. Safe after a failed stage. */
void store_unstage(VtStore *s, VtStaging *st);

/* Swaps current.vpack and previous.vpack. Returns 0; 1 committed with a warning in err;
 * VT_STORE_NO_PREVIOUS when there is no previous.vpack; -1 when nothing changed. */
int store_rollback(VtStore *s, char *err, size_t errlen);

#endif
