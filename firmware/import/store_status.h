/*
 * store_status: the result of the last import or rollback, kept as a small text file
 * "status" in the store so the staff screen (and `vitrine-import status`) can show it after
 * the importer has exited, and after a reboot.
 *
 * The file is a few "key=value" lines:
 *
 *   vitrine-import-status=1
 *   time=1767225600                 seconds since 1970, as injected by the caller
 *   result=ok                       a reason token (reason.h): ok, sig-invalid, not-newer, ...
 *   version=7                       the pack version concerned (0 when unknown)
 *   message=Content updated to version 7
 *
 * `message` is the sentence for museum staff, in plain words: "Content updated to version 7",
 * "Content rolled back to version 6", "Update refused: signature not valid", "Update refused:
 * version 3 is not newer than the installed version 7". It is always one line (control
 * characters are replaced by spaces when writing). The file is replaced atomically like the
 * packs: written to ".status.tmp" in the store, fsync'ed, renamed over "status", and the
 * directory fsync'ed, so a reader sees the old or the new result, never a torn one.
 */
#ifndef VT_STORE_STATUS_H
#define VT_STORE_STATUS_H

#include "reason.h"
#include "store.h"

#include <stddef.h>
#include <stdint.h>

#define VT_STORE_STATUS "status"
#define VT_STORE_STATUS_TMP ".status.tmp"
#define VT_STATUS_MESSAGE_MAX 256

typedef struct {
    int64_t time;
    VtReason reason;
    int64_t version;
    char message[VT_STATUS_MESSAGE_MAX];
} VtStoreStatus;

/* Replaces the store's status file with st. Returns 0, or -1 with a reason in err (the old
 * status file is then unchanged). */
int store_status_write(VtStore *s, const VtStoreStatus *st, char *err, size_t errlen);

/* Reads "<store_dir>/status" without taking the store lock (the kiosk may call it). Returns 0;
 * 1 when there is no status file yet (*out holds an empty status); -1 when it is unreadable or
 * malformed, with a reason in err. */
int store_status_read(const char *store_dir, VtStoreStatus *out, char *err, size_t errlen);

#endif
