/*
 * Signature vectors for the minisign parser and verifier, made by the real `minisign` binary
 * (keys with -G, prehashed and legacy signatures with -S): a valid signature verifies; every
 * single-bit flip anywhere past the untrusted comment makes it fail; every truncation fails
 * (except dropping the final newline, which minisign allows too); extra lines, stray CRs,
 * control bytes, long lines and bad or non-canonical base64 are refused; CRLF files verify.
 */
#include "buf.h"
#include "import_fixture.h"
#include "minisign.h"
#include "vt_test.h"

#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct {
    char *dir, *data, *sig_text, *pub_text, *pub2_text;
    size_t sig_len, pub_len, pub2_len;
    uint8_t hash[VT_MINISIGN_HASH_BYTES];
} VtFix;

static VtFix fx;

/* 0: parses and both signatures verify with key k; otherwise which step failed. */
static int verify_text(const char *text, size_t len, const VtMinisignKey *k)
{
    VtMinisignSig sig;
    char err[128];
    int rc = minisign_parse_sig(text, len, &sig, err, sizeof err);
    if (rc != 0)
        return rc;
    if (memcmp(sig.key_id, k->key_id, sizeof sig.key_id) != 0)
        return 3;
    if (minisign_verify_comment(&sig, k) != 0)
        return 4;
    return minisign_verify_hash(&sig, k, fx.hash) != 0 ? 5 : 0;
}

static VtMinisignKey key1(void)
{
    VtMinisignKey k;
    char err[128];
    if (minisign_parse_pubkey(fx.pub_text, fx.pub_len, &k, err, sizeof err) != 0)
        abort();
    return k;
}

static void valid_signature_verifies(void)
{
    VtMinisignKey k = key1();
    VtMinisignSig sig;
    char err[128] = "";
    CHECK_INT(minisign_parse_sig(fx.sig_text, fx.sig_len, &sig, err, sizeof err), 0);
    CHECK_STR(sig.trusted_comment, "vitrine-pack version 3");
    CHECK_INT(sig.trusted_len, strlen("vitrine-pack version 3"));
    CHECK_INT(verify_text(fx.sig_text, fx.sig_len, &k), 0);
    /* minisign writes the id with %llX: no leading zeros, so compare the numbers */
    char hex[17];
    minisign_key_id_hex(k.key_id, hex);
    const char *prefix = "untrusted comment: minisign public key ";
    CHECK(strncmp(fx.pub_text, prefix, strlen(prefix)) == 0);
    CHECK(strtoull(fx.pub_text + strlen(prefix), NULL, 16) == strtoull(hex, NULL, 16));
}

static void other_key_does_not_verify(void)
{
    VtMinisignKey k2;
    char err[128];
    CHECK_INT(minisign_parse_pubkey(fx.pub2_text, fx.pub2_len, &k2, err, sizeof err), 0);
    CHECK_INT(verify_text(fx.sig_text, fx.sig_len, &k2), 3);
    VtMinisignSig sig;
    minisign_parse_sig(fx.sig_text, fx.sig_len, &sig, err, sizeof err);
    CHECK(minisign_verify_comment(&sig, &k2) != 0);
    CHECK(minisign_verify_hash(&sig, &k2, fx.hash) != 0);
}

static void every_bit_flip_fails(void)
{
    VtMinisignKey k = key1();
    const char *nl = memchr(fx.sig_text, '\n', fx.sig_len);
    size_t first = (size_t)(nl - fx.sig_text), passed = 0, tried = 0;
    char *copy = malloc(fx.sig_len);
    for (size_t i = first; i < fx.sig_len; i++) {
        for (int bit = 0; bit < 8; bit++) {
            memcpy(copy, fx.sig_text, fx.sig_len);
            copy[i] ^= (char)(1 << bit);
            tried++;
            if (verify_text(copy, fx.sig_len, &k) == 0) {
                fprintf(stderr, "flip at %zu bit %d still verifies\n", i, bit);
                passed++;
            }
        }
    }
    free(copy);
    CHECK(tried > 1500);
    CHECK_INT(passed, 0);
}

static void pack_bit_flip_fails(void)
{
    VtMinisignKey k = key1();
    uint8_t saved[VT_MINISIGN_HASH_BYTES];
    memcpy(saved, fx.hash, sizeof saved);
    size_t len = 0;
    char *data = fx_read_file(fx.data, &len);
    for (size_t i = 0; i < len; i += 97) {
        data[i] ^= 4;
        crypto_generichash((unsigned char *)fx.hash, sizeof fx.hash, (unsigned char *)data, len,
                           NULL, 0);
        CHECK_INT(verify_text(fx.sig_text, fx.sig_len, &k), 5);
        data[i] ^= 4;
    }
    memcpy(fx.hash, saved, sizeof saved);
    free(data);
}

static void every_truncation_fails(void)
{
    VtMinisignKey k = key1();
    VtMinisignSig sig;
    char err[128];
    for (size_t n = 0; n + 1 < fx.sig_len; n++)
        CHECK(minisign_parse_sig(fx.sig_text, n, &sig, err, sizeof err) != 0);
    /* Without the final newline: accepted, like minisign. */
    CHECK_INT(verify_text(fx.sig_text, fx.sig_len - 1, &k), 0);
}

static int parse_variant(const char *text)
{
    VtMinisignSig sig;
    char err[128];
    return minisign_parse_sig(text, strlen(text), &sig, err, sizeof err);
}

static void extra_lines_refused(void)
{
    const char *tails[] = {"\n", "x\n", "\n\n", "untrusted comment: again\n", " ", "\r\n"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        VtBuf b = {0};
        buf_append(&b, fx.sig_text, fx.sig_len);
        buf_puts(&b, tails[i]);
        CHECK_INT(parse_variant(buf_str(&b)), VT_MINISIGN_MALFORMED);
        buf_free(&b);
    }
}

/* Replaces every "\n" by sep. */
static char *with_line_ends(const char *text, const char *sep)
{
    VtBuf b = {0};
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            buf_puts(&b, sep);
        else
            buf_append(&b, p, 1);
    }
    return buf_take(&b);
}

static void crlf_accepted_stray_cr_refused(void)
{
    VtMinisignKey k = key1();
    char *crlf = with_line_ends(fx.sig_text, "\r\n");
    CHECK_INT(verify_text(crlf, strlen(crlf), &k), 0);
    free(crlf);
    char *crcrlf = with_line_ends(fx.sig_text, "\r\r\n");
    CHECK_INT(parse_variant(crcrlf), VT_MINISIGN_MALFORMED);
    free(crcrlf);
    char *cr = with_line_ends(fx.sig_text, "\r");
    CHECK_INT(parse_variant(cr), VT_MINISIGN_MALFORMED);
    free(cr);
    char *pub = with_line_ends(fx.pub_text, "\r\n");
    VtMinisignKey k2;
    char err[128];
    CHECK_INT(minisign_parse_pubkey(pub, strlen(pub), &k2, err, sizeof err), 0);
    CHECK(memcmp(&k2, &k, sizeof k) == 0);
    free(pub);
}

/* The signature text with line `line` (0-based) replaced. */
static char *replace_line(const char *text, int line, const char *with)
{
    VtBuf b = {0};
    int cur = 0;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (cur == line)
            buf_puts(&b, with);
        else
            buf_append(&b, p, n);
        if (nl)
            buf_puts(&b, "\n");
        p += n + (nl ? 1 : 0);
        cur++;
    }
    return buf_take(&b);
}

static char *line_of(const char *text, int line)
{
    const char *p = text;
    for (int i = 0; i < line; i++)
        p = strchr(p, '\n') + 1;
    return xstrndup(p, strcspn(p, "\n"));
}

/* The base64 digit whose value differs from c's in the lowest bit only: for the last digit
 * before one '=', that bit is padding, so the bytes decode the same but the text is not the
 * canonical spelling. */
static char b64_low_bit_flipped(char c)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *at = strchr(digits, c);
    return at ? digits[(at - digits) ^ 1] : c;
}

static void bad_base64_refused(void)
{
    char *sigline = line_of(fx.sig_text, 1), *global = line_of(fx.sig_text, 3);
    const size_t n = strlen(sigline);
    char *variants[8];
    int count = 0;
    variants[count++] = xstrndup(sigline, n - 1); /* padding missing */
    variants[count] = xstrdup(sigline);
    variants[count++][5] = '!'; /* not in the alphabet */
    variants[count] = xstrdup(sigline);
    variants[count++][5] = '-'; /* URL-safe alphabet */
    VtBuf sp = {0};
    buf_append(&sp, sigline, 10);
    buf_puts(&sp, " ");
    buf_puts(&sp, sigline + 10);
    variants[count++] = buf_take(&sp); /* whitespace inside */
    variants[count] = xstrdup(sigline);
    variants[count++][n - 2] = b64_low_bit_flipped(sigline[n - 2]); /* not canonical */
    for (int i = 0; i < count; i++) {
        char *t = replace_line(fx.sig_text, 1, variants[i]);
        CHECK_INT(parse_variant(t), VT_MINISIGN_MALFORMED);
        free(t);
        free(variants[i]);
    }
    char *g = xstrndup(global, strlen(global) - 2); /* global signature, padding missing */
    char *t = replace_line(fx.sig_text, 3, g);
    CHECK_INT(parse_variant(t), VT_MINISIGN_MALFORMED);
    free(t);
    free(g);
    free(sigline);
    free(global);
}

static void huge_and_odd_lines_refused(void)
{
    VtBuf big = {0};
    buf_puts(&big, "untrusted comment: ");
    for (int i = 0; i < VT_MINISIGN_COMMENT_MAX; i++)
        buf_puts(&big, "x");
    char *ok = replace_line(fx.sig_text, 0, buf_str(&big));
    CHECK_INT(parse_variant(ok), 0); /* exactly the longest comment */
    buf_puts(&big, "x");
    char *t = replace_line(fx.sig_text, 0, buf_str(&big));
    CHECK_INT(parse_variant(t), VT_MINISIGN_MALFORMED);
    for (int i = 0; i < 100000; i++)
        buf_puts(&big, "y");
    char *huge = replace_line(fx.sig_text, 0, buf_str(&big));
    CHECK_INT(parse_variant(huge), VT_MINISIGN_MALFORMED);
    const char *odd[] = {"untrusted comment:",        "untrusted comment x",
                         "Untrusted comment: x",      "",
                         "untrusted comment: bell\a", "untrusted comment: del\x7f"};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        char *v = replace_line(fx.sig_text, 0, odd[i]);
        CHECK_INT(parse_variant(v), VT_MINISIGN_MALFORMED);
        free(v);
    }
    char *tab = replace_line(fx.sig_text, 0, "untrusted comment: tab\there");
    CHECK_INT(parse_variant(tab), 0); /* minisign's default trusted comment has tabs */
    free(tab);
    char *notc = replace_line(fx.sig_text, 2, "trusted comment:vitrine-pack version 3");
    CHECK_INT(parse_variant(notc), VT_MINISIGN_MALFORMED);
    CHECK_INT(parse_variant(""), VT_MINISIGN_MALFORMED);
    VtMinisignSig sig;
    char err[64];
    CHECK_INT(minisign_parse_sig("untrusted comment: a\0b\n", 23, &sig, err, sizeof err),
              VT_MINISIGN_MALFORMED);
    free(notc);
    free(huge);
    free(t);
    free(ok);
    buf_free(&big);
}

static void long_trusted_comment_refused(void)
{
    VtBuf c = {0}, sig = {0};
    buf_puts(&c, "vitrine-pack version 3 ");
    for (int i = 0; i < 2000; i++)
        buf_puts(&c, "z");
    buf_printf(&sig, "%s/long.minisig", fx.dir);
    CHECK_INT(fx_sign(fx.dir, "k1", fx.data, sig.data, c.data, 0), 0);
    size_t len = 0;
    char *text = fx_read_file(sig.data, &len);
    VtMinisignSig s;
    char err[128];
    CHECK_INT(minisign_parse_sig(text, len, &s, err, sizeof err), VT_MINISIGN_MALFORMED);
    free(text);
    buf_free(&c);
    buf_free(&sig);
}

static void legacy_signature_recognised(void)
{
    VtBuf sig = {0};
    buf_printf(&sig, "%s/legacy.minisig", fx.dir);
    CHECK_INT(fx_sign(fx.dir, "k1", fx.data, sig.data, "vitrine-pack version 3", 1), 0);
    size_t len = 0;
    char *text = fx_read_file(sig.data, &len);
    VtMinisignSig s;
    char err[128] = "";
    CHECK_INT(minisign_parse_sig(text, len, &s, err, sizeof err), VT_MINISIGN_LEGACY);
    CHECK(strstr(err, "legacy") != NULL);
    free(text);
    buf_free(&sig);
}

static void pubkey_format_enforced(void)
{
    VtMinisignKey k;
    char err[128];
    CHECK_INT(minisign_parse_pubkey(fx.pub_text, fx.pub_len - 1, &k, err, sizeof err), 0);
    VtBuf extra = {0};
    buf_append(&extra, fx.pub_text, fx.pub_len);
    buf_puts(&extra, "more\n");
    CHECK_INT(minisign_parse_pubkey(extra.data, extra.len, &k, err, sizeof err),
              VT_MINISIGN_MALFORMED);
    CHECK_INT(minisign_parse_pubkey(fx.sig_text, fx.sig_len, &k, err, sizeof err),
              VT_MINISIGN_MALFORMED);
    /* "ED" is a signature algorithm, never a key algorithm. */
    char *b64 = line_of(fx.pub_text, 1);
    uint8_t blob[42];
    size_t got = 0;
    sodium_base642bin(blob, sizeof blob, b64, strlen(b64), NULL, &got, NULL,
                      sodium_base64_VARIANT_ORIGINAL);
    blob[1] = 'D';
    char again[64];
    sodium_bin2base64(again, sizeof again, blob, sizeof blob, sodium_base64_VARIANT_ORIGINAL);
    char *t = replace_line(fx.pub_text, 1, again);
    CHECK_INT(minisign_parse_pubkey(t, strlen(t), &k, err, sizeof err), VT_MINISIGN_MALFORMED);
    for (size_t n = 0; n + 1 < fx.pub_len; n++)
        CHECK(minisign_parse_pubkey(fx.pub_text, n, &k, err, sizeof err) != 0);
    free(t);
    free(b64);
    buf_free(&extra);
}

static int setup(void)
{
    fx.dir = fx_tmpdir();
    if (!fx.dir || fx_keygen(fx.dir, "k1") || fx_keygen(fx.dir, "k2"))
        return -1;
    fx.data = fx_join(fx.dir, "data.bin");
    VtBuf content = {0};
    for (int i = 0; i < 3000; i++)
        buf_printf(&content, "line %d of the signed file\n", i);
    char *sig = fx_join(fx.dir, "data.minisig"), *pub = fx_join(fx.dir, "k1.pub");
    char *pub2 = fx_join(fx.dir, "k2.pub");
    int rc = fx_write_file(fx.data, content.data, content.len) ||
             fx_sign(fx.dir, "k1", fx.data, sig, "vitrine-pack version 3", 0);
    crypto_generichash(fx.hash, sizeof fx.hash, (unsigned char *)content.data, content.len, NULL,
                       0);
    fx.sig_text = fx_read_file(sig, &fx.sig_len);
    fx.pub_text = fx_read_file(pub, &fx.pub_len);
    fx.pub2_text = fx_read_file(pub2, &fx.pub2_len);
    free(sig);
    free(pub);
    free(pub2);
    buf_free(&content);
    return rc || !fx.sig_text || !fx.pub_text || !fx.pub2_text ? -1 : 0;
}

int main(void)
{
    if (sodium_init() < 0 || setup() != 0) {
        fprintf(stderr, "setup failed (is minisign installed?)\n");
        return 1;
    }
    RUN(valid_signature_verifies);
    RUN(other_key_does_not_verify);
    RUN(every_bit_flip_fails);
    RUN(pack_bit_flip_fails);
    RUN(every_truncation_fails);
    RUN(extra_lines_refused);
    RUN(crlf_accepted_stray_cr_refused);
    RUN(bad_base64_refused);
    RUN(huge_and_odd_lines_refused);
    RUN(long_trusted_comment_refused);
    RUN(legacy_signature_recognised);
    RUN(pubkey_format_enforced);
    fx_rm_rf(fx.dir);
    free(fx.dir);
    free(fx.data);
    free(fx.sig_text);
    free(fx.pub_text);
    free(fx.pub2_text);
    return vt_test_finish();
}
