/*
 * minisign: parsing and verifying minisign signature and public-key files, with libsodium.
 *
 * The format is minisign's own. A public key file is two lines: "untrusted comment: ..." and
 * the base64 of "Ed" || key_id(8) || Ed25519 public key(32). A signature file is four lines:
 * "untrusted comment: ...", the base64 of "ED" || key_id(8) || signature(64), where the signature
 * is over the BLAKE2b-512 hash of the file (prehashed), "trusted comment: <text>", and the
 * base64 of a global signature(64) over signature(64) || <text>.
 *
 * The parser is strict, because its input comes from a stick anyone can write:
 *  - exactly 2 (key) or 4 (signature) lines; nothing after the last line, not even an empty
 *    line; the final newline may be missing (minisign itself tolerates that);
 *  - lines end in LF; one CR directly before the LF is dropped (a file that went through a
 *    Windows machine still verifies, as it does with minisign), any other CR is refused. The
 *    signed trusted comment is the text without CR and LF, so a CR can never change what is
 *    verified: a comment that was signed with a trailing CR simply fails to verify;
 *  - no control bytes (below 0x20, or 0x7F) or NUL inside a line, except TAB, which minisign
 *    itself puts in its default trusted comment ("timestamp:...<TAB>file:...");
 *  - comments of at most VT_MINISIGN_COMMENT_MAX bytes, files of at most VT_MINISIGN_FILE_MAX;
 *  - base64 in the standard alphabet with padding, exactly the expected length, canonical
 *    (re-encoding gives the same text, so no two spellings of one signature exist);
 *  - signatures with the legacy algorithm "Ed" (not prehashed) are recognised and refused.
 * None of the functions allocate; the structs are plain values.
 */
#ifndef VT_MINISIGN_H
#define VT_MINISIGN_H

#include "io.h"

#include <stddef.h>
#include <stdint.h>

#define VT_MINISIGN_KEYID_BYTES 8
#define VT_MINISIGN_PK_BYTES 32
#define VT_MINISIGN_SIG_BYTES 64
#define VT_MINISIGN_HASH_BYTES 64
#define VT_MINISIGN_COMMENT_MAX 1024
#define VT_MINISIGN_FILE_MAX 4096

/* Parse results: 0 is success. */
#define VT_MINISIGN_MALFORMED (-1)
#define VT_MINISIGN_LEGACY (-2)

typedef struct {
    uint8_t key_id[VT_MINISIGN_KEYID_BYTES];
    uint8_t pk[VT_MINISIGN_PK_BYTES];
} VtMinisignKey;

typedef struct {
    uint8_t key_id[VT_MINISIGN_KEYID_BYTES];
    uint8_t sig[VT_MINISIGN_SIG_BYTES];
    uint8_t global_sig[VT_MINISIGN_SIG_BYTES];
    char trusted_comment[VT_MINISIGN_COMMENT_MAX + 1]; /* NUL-terminated, without prefix */
    size_t trusted_len;
} VtMinisignSig;

/* Parses a signature file held in text[0..len) (need not be NUL-terminated). Returns 0,
 * VT_MINISIGN_LEGACY for a well-formed legacy ("Ed") signature, or VT_MINISIGN_MALFORMED; the
 * last two write a one-line reason into err. *out is fully written only on success. */
int minisign_parse_sig(const char *text, size_t len, VtMinisignSig *out, char *err, size_t errlen);

/* Parses a public key file held in text[0..len). Returns 0, or VT_MINISIGN_MALFORMED with a
 * reason in err. */
int minisign_parse_pubkey(const char *text, size_t len, VtMinisignKey *out, char *err,
                          size_t errlen);

/* Checks the global signature over sig->sig || trusted comment with key. Returns 0 when it
 * verifies, -1 otherwise (also when libsodium cannot start). Does not look at key ids. */
int minisign_verify_comment(const VtMinisignSig *sig, const VtMinisignKey *key);

/* Checks the file signature against the BLAKE2b-512 hash of the file. Returns 0 or -1. */
int minisign_verify_hash(const VtMinisignSig *sig, const VtMinisignKey *key,
                         const uint8_t hash[VT_MINISIGN_HASH_BYTES]);

/* Hashes fd from its current offset to end of file with BLAKE2b-512, reading through io.
 * Returns 0, or -1 with errno set by the failing read. */
int minisign_hash_fd(const VtIo *io, int fd, uint8_t hash[VT_MINISIGN_HASH_BYTES]);

/* Formats a key id the way minisign prints it (16 upper-case hex digits, the id read as a
 * little-endian number) into out. Never fails. */
void minisign_key_id_hex(const uint8_t id[VT_MINISIGN_KEYID_BYTES], char out[17]);

#endif
