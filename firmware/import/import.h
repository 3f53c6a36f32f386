/*
 * import: the two operations of vitrine-import, "install the pack on this stick" and "roll
 * back to the previous pack", with every check in the order that costs least first.
 *
 * Install, on a stick mounted at MOUNTPOINT:
 *   1. lock the store (store.h); refuse when the kiosk has no trusted keys;
 *   2. open vitrine/content.vpack and read vitrine/content.vpack.minisig safely (stick.h);
 *   3. parse the signature (minisign.h), find its key by id, verify the global signature over
 *      the trusted comment, and parse "vitrine-pack version N" from it (whole comment, N a
 *      decimal without sign or leading zero); refuse N not above the installed pack's version;
 *   4. check the size limit and the store's free space (statvfs), then copy the pack into the
 *      store's staging folder and fsync it (the stick is not read again after this);
 *   5. hash the staged copy with BLAKE2b-512 and verify the pack signature against it;
 *   6. validate the staged copy with pack_check_path() and require its pack.version == N;
 *   7. commit (rename over current.vpack, old current kept as previous.vpack).
 * Any refusal leaves the packs exactly as they were. Whatever happens after the store is
 * locked, the result is written to the store's status file (store_status.h) with cfg->now as
 * its time, and logged with its reason ("import" tag).
 */
#ifndef VT_IMPORT_H
#define VT_IMPORT_H

#include "io.h"
#include "keyring.h"
#include "reason.h"
#include "store_status.h"

#include <stdint.h>

#define VT_IMPORT_DEFAULT_MAX_SIZE (64ULL * 1024 * 1024)

typedef struct {
    const char *store_dir; /* VT_STORE_DEFAULT_DIR in the program */
    const VtKeyring *keys; /* borrowed */
    uint64_t max_size;     /* largest pack accepted, bytes; 0 means the default */
    const VtIo *io;        /* borrowed; io_system() in the program */
    int64_t now;           /* the time written to the status file */
    /* Why a key file the administrator named could not be loaded (one line), or NULL: an
     * install then refuses with VT_REASON_NO_KEYS and this reason, and records it, rather than
     * trust the other keys. Borrowed. */
    const char *keys_error;
} VtImportConfig;

typedef struct {
    VtReason reason;
    int64_t version;                     /* the pack version concerned, 0 when unknown */
    char message[VT_STATUS_MESSAGE_MAX]; /* the staff sentence, as in the status file */
    char detail[256];                    /* the technical reason, for the log */
} VtImportResult;

/* Installs the pack on the stick mounted at mountpoint. Returns res->reason: VT_REASON_OK when
 * the pack is now current (a warning after the commit point is logged but still OK), else why
 * nothing changed. Never fails without filling *res. */
VtReason import_install(const VtImportConfig *cfg, const char *mountpoint, VtImportResult *res);

/* Makes previous.vpack current (and current previous), after checking it with
 * pack_check_path(). Returns res->reason as import_install does; cfg->keys is not used. */
VtReason import_rollback(const VtImportConfig *cfg, VtImportResult *res);

#endif
