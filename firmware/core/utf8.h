/*
 * utf8: strict UTF-8 validation and decoding (RFC 3629: no overlongs, no surrogates, nothing
 * above U+10FFFF). Everything that enters the kiosk as text passes through here once, so the
 * layout and the font code can trust their input.
 */
#ifndef VT_UTF8_H
#define VT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Returns (size_t)-1 when s[0..len) is valid UTF-8, else the byte offset of the first invalid byte.
 */
size_t utf8_invalid_at(const char *s, size_t len);

/* Decodes one code point at s (at most len bytes) into *cp and returns its length in bytes
 * (1..4). On an invalid sequence stores U+FFFD and returns 1, so a caller always advances. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (at least 4 bytes); returns the byte count, 0 for an invalid cp. */
size_t utf8_encode(uint32_t cp, char *out);

#endif
