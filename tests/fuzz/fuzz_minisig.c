/*
 * fuzz_minisig: the libFuzzer entry point for the minisign signature and public-key parsers,
 * the part of vitrine-import that reads bytes straight from an untrusted stick.
 *
 * Each input is parsed both as a signature file and as a public key file. Beyond "no crash,
 * no sanitizer report", it checks the parsers' promises: only the documented return codes; on
 * success a NUL-terminated trusted comment of the reported length with no NUL inside; and a
 * signature parsed under the corpus key's id goes through the global-signature check (so
 * corpus/minisig/valid.minisig exercises verification, and a mutated one must not verify
 * unless its signed bytes are untouched). The same function is linked into fuzz_replay, which
 * ctest runs over the corpus in every build.
 */
#include "minisign.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The public key of corpus/minisig/key.pub (its secret key was thrown away). */
static const VtMinisignKey corpus_key = {
    .key_id = {0xed, 0xea, 0x85, 0xb6, 0x3b, 0x4d, 0x32, 0x40},
    .pk = {0x41, 0xf2, 0xb5, 0xa7, 0x3b, 0x77, 0x6a, 0x0a, 0x40, 0xcd, 0x8b,
           0x5c, 0x96, 0xcb, 0x27, 0xcc, 0xd8, 0x67, 0xa6, 0x33, 0x28, 0x8a,
           0xea, 0x8b, 0x6a, 0xbf, 0x3f, 0x0f, 0x93, 0x19, 0xf3, 0xde},
};

static void check_sig(const char *text, size_t size)
{
    VtMinisignSig sig;
    char err[160];
    int rc = minisign_parse_sig(text, size, &sig, err, sizeof err);
    if (rc != 0 && rc != VT_MINISIGN_MALFORMED && rc != VT_MINISIGN_LEGACY)
        abort();
    if (rc != 0)
        return;
    if (sig.trusted_len > VT_MINISIGN_COMMENT_MAX || sig.trusted_comment[sig.trusted_len] ||
        strlen(sig.trusted_comment) != sig.trusted_len || size > VT_MINISIGN_FILE_MAX)
        abort();
    if (memcmp(sig.key_id, corpus_key.key_id, sizeof sig.key_id) == 0)
        (void)minisign_verify_comment(&sig, &corpus_key);
}

static void check_pubkey(const char *text, size_t size)
{
    VtMinisignKey key;
    char err[160];
    int rc = minisign_parse_pubkey(text, size, &key, err, sizeof err);
    if (rc != 0 && rc != VT_MINISIGN_MALFORMED)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_sig((const char *)data, size);
    check_pubkey((const char *)data, size);
    return 0;
}
