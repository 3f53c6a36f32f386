/*
 * minisign: the parser works on a (pointer, length) view of each line and never copies more
 * than the fixed-size fields of VtMinisignSig, so a hostile file can cost at most
 * VT_MINISIGN_FILE_MAX bytes of scanning. Structure is checked before content: first the exact
 * line count and byte rules, then prefixes, then base64, then the algorithm tag. Verification
 * is libsodium's crypto_sign_verify_detached() over either the 64-byte BLAKE2b hash (file
 * signature) or signature || comment (global signature), exactly as minisign does it.
 */
#include "minisign.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define UNTRUSTED_PREFIX "untrusted comment: "
#define TRUSTED_PREFIX "trusted comment: "
#define SIG_BLOB_BYTES (2 + VT_MINISIGN_KEYID_BYTES + VT_MINISIGN_SIG_BYTES)
#define KEY_BLOB_BYTES (2 + VT_MINISIGN_KEYID_BYTES + VT_MINISIGN_PK_BYTES)

typedef struct {
    const char *p;
    size_t len;
} VtLine;

static int fail(char *err, size_t errlen, int code, const char *msg, size_t line)
{
    if (err && errlen)
        snprintf(err, errlen, "%s (line %zu)", msg, line);
    return code;
}

static int line_clean(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return 0;
    }
    return 1;
}

/* Cuts text into exactly `want` lines, applying the byte rules of the header. */
static int split_lines(const char *text, size_t len, VtLine *lines, size_t want, char *err,
                       size_t errlen)
{
    if (len > VT_MINISIGN_FILE_MAX)
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "file too large", 0);
    size_t pos = 0;
    for (size_t i = 0; i < want; i++) {
        if (pos >= len)
            return fail(err, errlen, VT_MINISIGN_MALFORMED, "file ends early", i + 1);
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t n = end - pos;
        if (nl && n > 0 && text[end - 1] == '\r')
            n--;
        if (!line_clean(text + pos, n))
            return fail(err, errlen, VT_MINISIGN_MALFORMED, "control character", i + 1);
        lines[i] = (VtLine){text + pos, n};
        pos = nl ? end + 1 : len;
    }
    if (pos != len)
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "extra data after the last line", want);
    return 0;
}

/* Returns the text after prefix, or NULL when the line does not start with it or the rest is
 * longer than a comment may be. */
static const char *comment_text(const VtLine *l, const char *prefix, size_t *n)
{
    size_t plen = strlen(prefix);
    if (l->len < plen || memcmp(l->p, prefix, plen) != 0)
        return NULL;
    if (l->len - plen > VT_MINISIGN_COMMENT_MAX)
        return NULL;
    *n = l->len - plen;
    return l->p + plen;
}

/* Decodes l into exactly want bytes; refuses any other length and non-canonical spellings. */
static int b64_decode_exact(const VtLine *l, uint8_t *out, size_t want)
{
    char again[128];
    size_t enc = sodium_base64_ENCODED_LEN(want, sodium_base64_VARIANT_ORIGINAL);
    if (enc > sizeof again || l->len != enc - 1)
        return -1;
    size_t got = 0;
    const char *end = NULL;
    if (sodium_base642bin(out, want, l->p, l->len, NULL, &got, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return -1;
    if (got != want || end != l->p + l->len)
        return -1;
    sodium_bin2base64(again, sizeof again, out, want, sodium_base64_VARIANT_ORIGINAL);
    return memcmp(again, l->p, l->len) == 0 ? 0 : -1;
}

static int parse_sig_lines(const VtLine *lines, VtMinisignSig *out, uint8_t *blob, char *err,
                           size_t errlen)
{
    size_t n = 0;
    if (!comment_text(&lines[0], UNTRUSTED_PREFIX, &n))
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "no untrusted comment", 1);
    if (b64_decode_exact(&lines[1], blob, SIG_BLOB_BYTES) != 0)
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "bad signature encoding", 2);
    const char *tc = comment_text(&lines[2], TRUSTED_PREFIX, &n);
    if (!tc)
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "no trusted comment", 3);
    memcpy(out->trusted_comment, tc, n);
    out->trusted_comment[n] = '\0';
    out->trusted_len = n;
    if (b64_decode_exact(&lines[3], out->global_sig, VT_MINISIGN_SIG_BYTES) != 0)
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "bad global signature encoding", 4);
    return 0;
}

int minisign_parse_sig(const char *text, size_t len, VtMinisignSig *out, char *err, size_t errlen)
{
    VtLine lines[4];
    uint8_t blob[SIG_BLOB_BYTES];
    VtMinisignSig sig;
    memset(&sig, 0, sizeof sig);
    int rc = split_lines(text, len, lines, 4, err, errlen);
    if (rc == 0)
        rc = parse_sig_lines(lines, &sig, blob, err, errlen);
    if (rc != 0)
        return rc;
    if (blob[0] == 'E' && blob[1] == 'd')
        return fail(err, errlen, VT_MINISIGN_LEGACY, "legacy signature, not prehashed", 2);
    if (blob[0] != 'E' || blob[1] != 'D')
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "unknown signature algorithm", 2);
    memcpy(sig.key_id, blob + 2, VT_MINISIGN_KEYID_BYTES);
    memcpy(sig.sig, blob + 2 + VT_MINISIGN_KEYID_BYTES, VT_MINISIGN_SIG_BYTES);
    *out = sig;
    return 0;
}

int minisign_parse_pubkey(const char *text, size_t len, VtMinisignKey *out, char *err,
                          size_t errlen)
{
    VtLine lines[2];
    uint8_t blob[KEY_BLOB_BYTES];
    size_t n = 0;
    int rc = split_lines(text, len, lines, 2, err, errlen);
    if (rc != 0)
        return rc;
    if (!comment_text(&lines[0], UNTRUSTED_PREFIX, &n))
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "no untrusted comment", 1);
    if (b64_decode_exact(&lines[1], blob, KEY_BLOB_BYTES) != 0)
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "bad key encoding", 2);
    if (blob[0] != 'E' || blob[1] != 'd')
        return fail(err, errlen, VT_MINISIGN_MALFORMED, "unknown key algorithm", 2);
    memcpy(out->key_id, blob + 2, VT_MINISIGN_KEYID_BYTES);
    memcpy(out->pk, blob + 2 + VT_MINISIGN_KEYID_BYTES, VT_MINISIGN_PK_BYTES);
    return 0;
}

int minisign_verify_comment(const VtMinisignSig *sig, const VtMinisignKey *key)
{
    uint8_t msg[VT_MINISIGN_SIG_BYTES + VT_MINISIGN_COMMENT_MAX];
    if (sodium_init() < 0 || sig->trusted_len > VT_MINISIGN_COMMENT_MAX)
        return -1;
    memcpy(msg, sig->sig, VT_MINISIGN_SIG_BYTES);
    memcpy(msg + VT_MINISIGN_SIG_BYTES, sig->trusted_comment, sig->trusted_len);
    return crypto_sign_verify_detached(sig->global_sig, msg,
                                       VT_MINISIGN_SIG_BYTES + sig->trusted_len, key->pk) == 0
               ? 0
               : -1;
}

int minisign_verify_hash(const VtMinisignSig *sig, const VtMinisignKey *key,
                         const uint8_t hash[VT_MINISIGN_HASH_BYTES])
{
    if (sodium_init() < 0)
        return -1;
    return crypto_sign_verify_detached(sig->sig, hash, VT_MINISIGN_HASH_BYTES, key->pk) == 0 ? 0
                                                                                             : -1;
}

int minisign_hash_fd(const VtIo *io, int fd, uint8_t hash[VT_MINISIGN_HASH_BYTES])
{
    crypto_generichash_state st;
    unsigned char buf[16384];
    if (sodium_init() < 0) {
        errno = EINVAL;
        return -1;
    }
    crypto_generichash_init(&st, NULL, 0, VT_MINISIGN_HASH_BYTES);
    for (;;) {
        ssize_t n = io_read_full(io, fd, buf, sizeof buf);
        if (n < 0)
            return -1;
        crypto_generichash_update(&st, buf, (unsigned long long)n);
        if ((size_t)n < sizeof buf)
            break;
    }
    crypto_generichash_final(&st, hash, VT_MINISIGN_HASH_BYTES);
    return 0;
}

void minisign_key_id_hex(const uint8_t id[VT_MINISIGN_KEYID_BYTES], char out[17])
{
    static const char digits[] = "0123456789ABCDEF";
    for (size_t i = 0; i < VT_MINISIGN_KEYID_BYTES; i++) {
        uint8_t b = id[VT_MINISIGN_KEYID_BYTES - 1 - i];
        out[2 * i] = digits[b >> 4];
        out[2 * i + 1] = digits[b & 15];
    }
    out[16] = '\0';
}
