/*
 * reason: one table, indexed by code, so a new code cannot get a token without a sentence.
 */
#include "reason.h"

typedef struct {
    const char *token;
    const char *text;
    int exit_code;
} VtReasonInfo;

static const VtReasonInfo reasons[VT_REASON_COUNT] = {
    [VT_REASON_OK] = {"ok", "Content updated", 0},
    [VT_REASON_NO_PACK] = {"no-pack", "Update refused: no content pack on the stick", 4},
    [VT_REASON_NO_SIGNATURE] = {"no-signature", "Update refused: the content pack is not signed",
                                1},
    [VT_REASON_BAD_NAME] = {"bad-name", "Update refused: unsafe file name on the stick", 1},
    [VT_REASON_NOT_REGULAR] = {"not-regular",
                               "Update refused: the stick holds a link or special file "
                               "instead of a content pack",
                               1},
    [VT_REASON_TOO_LARGE] = {"too-large", "Update refused: the content pack is too large", 1},
    [VT_REASON_CHANGED] = {"changed", "Update refused: the content pack changed while it was read",
                           1},
    [VT_REASON_READ_FAILED] = {"read-failed", "Update refused: the stick could not be read", 1},
    [VT_REASON_SIG_MALFORMED] = {"sig-malformed", "Update refused: the signature file is damaged",
                                 1},
    [VT_REASON_SIG_LEGACY] = {"sig-legacy",
                              "Update refused: old-style signature, sign the pack again", 1},
    [VT_REASON_SIG_UNKNOWN_KEY] = {"sig-unknown-key",
                                   "Update refused: signed with a key this kiosk does not "
                                   "trust",
                                   1},
    [VT_REASON_COMMENT_INVALID] = {"comment-invalid", "Update refused: signature not valid", 1},
    [VT_REASON_SIG_INVALID] = {"sig-invalid", "Update refused: signature not valid", 1},
    [VT_REASON_VERSION_FORMAT] = {"version-format",
                                  "Update refused: the signature does not name a pack "
                                  "version",
                                  1},
    [VT_REASON_VERSION_MISMATCH] = {"version-mismatch",
                                    "Update refused: the signed version does not match the "
                                    "pack",
                                    1},
    [VT_REASON_NOT_NEWER] = {"not-newer", "Update refused: the pack is not newer", 1},
    [VT_REASON_PACK_INVALID] = {"pack-invalid", "Update refused: the content pack is damaged", 1},
    [VT_REASON_PACK_SCHEMA] = {"pack-schema",
                               "Update refused: the content pack was built for another version "
                               "of Vitrine (build it again)",
                               1},
    [VT_REASON_NO_PREVIOUS] = {"no-previous", "Rollback refused: there is no previous content", 1},
    [VT_REASON_NO_KEYS] = {"no-keys", "Update failed: no trusted keys are installed on this kiosk",
                           3},
    [VT_REASON_NO_SPACE] = {"no-space", "Update failed: not enough free space on the kiosk", 3},
    [VT_REASON_STORE_FAILED] = {"store-failed",
                                "Update failed: the kiosk could not store the content", 3},
    [VT_REASON_BUSY] = {"busy", "Update failed: another update is running", 3},
};

const char *reason_token(VtReason r)
{
    return (r >= 0 && r < VT_REASON_COUNT) ? reasons[r].token : "unknown";
}

const char *reason_text(VtReason r)
{
    return (r >= 0 && r < VT_REASON_COUNT) ? reasons[r].text : "Update failed";
}

int reason_exit_code(VtReason r)
{
    return (r >= 0 && r < VT_REASON_COUNT) ? reasons[r].exit_code : 3;
}
