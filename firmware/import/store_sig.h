/*
 * store_sig: the signatures of the installed packs, kept in the store so that the kiosk can
 * verify the pack it shows at every start and reload (bit rot on an SD card is caught, not
 * shown).
 *
 *   sig/<h>.minisig   the minisign signature a pack was installed with, where <h> is the 128
 *                     hex digits of the pack's BLAKE2b-512 hash (the hash minisign's prehashed
 *                     mode signs), so a pack finds its signature by its own content and a
 *                     flipped byte anywhere makes the lookup fail
 *   sig/<h>.legacy    an empty marker for a pack installed before signatures were kept: written
 *                     once, when sig/ is created, for the current and previous packs of that
 *                     moment; such a pack is shown "unverified", but bit rot after the upgrade
 *                     still changes its hash and is caught
 *
 * Content addressing keeps the store's invariant without a second commit point: the new
 * pack's signature is written (staged, fsync'ed, renamed into sig/, sig/ fsync'ed) before the
 * pack's commit rename, so whichever pack current.vpack is after a crash, its signature is
 * there; a signature is removed only after the commit, when neither current nor previous has
 * its hash (rollback swaps the two and loses nothing). A store without sig/ is a store from
 * before this change: its packs are shown unverified (logged), so an upgrade never blanks a
 * working kiosk.
 */
#ifndef VT_STORE_SIG_H
#define VT_STORE_SIG_H

#include "keyring.h"
#include "minisign.h"
#include "store.h"

#include <stddef.h>
#include <stdint.h>

#define VT_STORE_SIG_DIR "sig"
#define VT_STORE_SIG_NEW ".sig-new"

/* store_sig_verify results */
#define VT_STORE_SIG_VERIFIED 0
#define VT_STORE_SIG_UNVERIFIED 1 /* no sig/ (an old store), or a .legacy marker */
#define VT_STORE_SIG_REFUSED (-1)

/* Writes the 128 lower-case hex digits of hash and a NUL into out. Never fails. */
void store_sig_hex(const uint8_t hash[VT_MINISIGN_HASH_BYTES], char out[129]);

/* Step 1b of store.h's install, before the commit rename: makes sure sig/ exists (creating it
 * with .legacy markers for the packs already there), then writes text[0..len) as
 * sig/<hash>.minisig by way of the staging folder. *placed is set to 1 when this created that
 * file (store_sig_undo removes it then). Returns 0, or -1 with a reason in err. */
int store_sig_put(VtStore *s, VtStaging *st, const uint8_t hash[VT_MINISIGN_HASH_BYTES],
                  const char *text, size_t len, int *placed, char *err, size_t errlen);

/* Removes sig/<hash>.minisig after a commit that did not happen; best effort, logged. */
void store_sig_undo(VtStore *s, const uint8_t hash[VT_MINISIGN_HASH_BYTES]);

/* After a commit: removes every file in sig/ that belongs to neither current.vpack nor
 * previous.vpack; best effort, logged. */
void store_sig_prune(VtStore *s);

/* The kiosk's check of the pack at path, which lives in the store store_dir: hashes the file
 * and verifies sig/<hash>.minisig with the keys in kr. Returns VT_STORE_SIG_VERIFIED (key id
 * and version in why), VT_STORE_SIG_UNVERIFIED (why says why) or VT_STORE_SIG_REFUSED (the
 * reason in why: unreadable, no signature for this content, untrusted key, not valid).
 * Reads only; takes no lock. */
int store_sig_verify(const char *store_dir, const char *path, const VtKeyring *kr, char *why,
                     size_t whylen);

#endif
