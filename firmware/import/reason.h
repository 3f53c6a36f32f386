/*
 * reason: why an import or rollback ended the way it did, as a code, a stable token for the
 * status file and the log, and a sentence in plain words for museum staff.
 *
 * Codes are grouped by what the staff should do: a refusal (the stick's pack is not acceptable;
 * exit code 1), a failure of the kiosk itself (storage, keys, another import running; exit code
 * 3) and "nothing to import" (a stick without vitrine/content.vpack; exit code 4). The texts name
 * the problem, not the mechanism: "Update refused: signature not valid", never an errno.
 */
#ifndef VT_REASON_H
#define VT_REASON_H

typedef enum {
    VT_REASON_OK = 0,
    VT_REASON_NO_PACK,          /* no vitrine/content.vpack on the stick */
    VT_REASON_NO_SIGNATURE,     /* no vitrine/content.vpack.minisig */
    VT_REASON_BAD_NAME,         /* a name with "..", an absolute name, a symlinked folder */
    VT_REASON_NOT_REGULAR,      /* symlink, FIFO, device or directory instead of a file */
    VT_REASON_TOO_LARGE,        /* above the size limit */
    VT_REASON_CHANGED,          /* the file changed (or was cut short) while it was read */
    VT_REASON_READ_FAILED,      /* the stick could not be read */
    VT_REASON_SIG_MALFORMED,    /* the .minisig file is not in minisign's format */
    VT_REASON_SIG_LEGACY,       /* an old non-prehashed ("Ed") signature */
    VT_REASON_SIG_UNKNOWN_KEY,  /* signed by a key that is not in the kiosk's key list */
    VT_REASON_COMMENT_INVALID,  /* the trusted comment's global signature does not verify */
    VT_REASON_SIG_INVALID,      /* the pack's signature does not verify */
    VT_REASON_VERSION_FORMAT,   /* trusted comment is not "vitrine-pack version N" */
    VT_REASON_VERSION_MISMATCH, /* signed version differs from the pack's pack.version */
    VT_REASON_NOT_NEWER,        /* signed version not above the installed one */
    VT_REASON_PACK_INVALID,     /* pack_check_path() refused the pack */
    VT_REASON_PACK_SCHEMA,      /* a pack of another schema version (another kiosk version) */
    VT_REASON_NO_PREVIOUS,      /* rollback without a previous pack */
    VT_REASON_NO_KEYS,          /* the kiosk has no trusted public keys */
    VT_REASON_NO_SPACE,         /* not enough free space in the store */
    VT_REASON_STORE_FAILED,     /* writing the store failed (EIO, ENOSPC mid-write, ...) */
    VT_REASON_BUSY,             /* another vitrine-import holds the store */
    VT_REASON_COUNT
} VtReason;

/* Returns a short stable token ("sig-invalid"); never NULL, "unknown" for bad codes. */
const char *reason_token(VtReason r);

/* Returns the staff sentence for r ("Update refused: signature not valid"); never NULL. The
 * two codes whose sentence carries numbers (OK, NOT_NEWER) are completed by import.c. */
const char *reason_text(VtReason r);

/* Returns the program's exit code for r: 0 ok, 1 refused, 3 kiosk-side failure, 4 no pack. */
int reason_exit_code(VtReason r);

#endif
