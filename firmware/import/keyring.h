/*
 * keyring: the public keys this kiosk trusts, a small fixed array of minisign keys.
 *
 * Keys live one per file as minisign writes them (`minisign -G` makes minisign.pub), by default
 * every *.pub in /etc/vitrine/keys, so rotating a key is adding the new file next to the old
 * one, re-signing, and later deleting the old file. A signature names its key by id and is
 * checked only against the key with that id; two files with the same id but different keys
 * are refused as ambiguous. Key files are written by the administrator, not read from a stick,
 * but are parsed with the same strict parser anyway.
 */
#ifndef VT_KEYRING_H
#define VT_KEYRING_H

#include "minisign.h"

#include <stddef.h>

#define VT_KEYRING_MAX 16
#define VT_KEYRING_DEFAULT_DIR "/etc/vitrine/keys"

typedef struct {
    VtMinisignKey keys[VT_KEYRING_MAX];
    size_t count;
} VtKeyring;

/* Adds the key in the minisign public key file at path. Returns 0 (also when the same key is
 * already there), or -1 with a reason in err: unreadable, malformed, a different key with the
 * same id, or the ring is full. */
int keyring_add_file(VtKeyring *kr, const char *path, char *err, size_t errlen);

/* Adds every "*.pub" file of dir (not hidden ones), in name order. A file that cannot be added
 * is logged and skipped, so one broken file does not lock out the others. Returns the number of
 * keys added, or -1 with a reason in err when dir cannot be read. */
int keyring_add_dir(VtKeyring *kr, const char *dir, char *err, size_t errlen);

/* Returns the key with this id (owned by kr), or NULL. */
const VtMinisignKey *keyring_find(const VtKeyring *kr,
                                  const uint8_t key_id[VT_MINISIGN_KEYID_BYTES]);

#endif
