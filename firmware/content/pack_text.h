/*
 * pack_text: the rules every text of a pack obeys, in one place, so that the builder (which
 * reports them against the source files with line numbers) and the validator (which enforces
 * them on untrusted packs) cannot drift apart. Pure functions on NUL-terminated UTF-8 strings;
 * nothing here touches SQLite.
 *
 * Markup inside a text: paragraphs are separated by exactly "\n\n", `*x*` is emphasis, `[^N]`
 * marks a reference to footnote N. Extraction artifacts are the leftovers of the PDF and Word
 * conversions of the sources (letterheads, page headers, bookmarks, footnote syntax); a pack
 * holding one is rejected, because the kiosk would show it to visitors as if it were the source.
 */
#ifndef VT_PACK_TEXT_H
#define VT_PACK_TEXT_H

#include <stddef.h>

/* A date's precision; the value is the length of the written form. */
typedef enum {
    VT_DATE_BAD = 0,
    VT_DATE_YEAR = 4,  /* 2025 */
    VT_DATE_MONTH = 7, /* 2025-07 */
    VT_DATE_DAY = 10,  /* 2025-07-11 */
} VtDatePrecision;

/* Returns the precision of a well-formed date ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD' with a real
 * month and day), VT_DATE_BAD for anything else (NULL included). */
VtDatePrecision pack_text_date(const char *s);

/* Returns "year", "month" or "day" (static strings), NULL for VT_DATE_BAD. */
const char *pack_text_precision_name(VtDatePrecision p);

/* Returns a short description (static string) of the first extraction artifact in s, such as
 * "[bookmark ...]" or "page header 'Pagina N van M'", or NULL when s has none. */
const char *pack_text_artifact(const char *s);

/* Checks the form of a text: valid UTF-8, no control characters, no leading or trailing space.
 * With `prose` set it also allows paragraph breaks ("\n\n", nothing else) and requires balanced
 * `*` emphasis and well-formed `[^N]` markers in every paragraph. Returns NULL when the text is
 * fine, else a one-line reason (static string). */
const char *pack_text_problem(const char *s, int prose);

/* Checks that a footnote's link opens as written in a browser or from a QR code: an absolute
 * http(s) address with a host, no white space, balanced parentheses. Returns NULL when it does,
 * else a one-line reason (static string). A source's url that fails this is kept as the source
 * gives it; the curator adds `link:` with the address that opens (content/SCHEMA.md). */
const char *pack_text_link_problem(const char *s);

/* Stores the distinct footnote numbers referenced as [^N] in s into out[], ascending, and
 * returns how many there are; returns -1 when there are more than max. */
int pack_text_markers(const char *s, int *out, int max);

/* Returns s without [^N] markers and `*`, with every run of white space turned into one space
 * and no space at either end: the form in which quotes are compared with the texts they come
 * from. The caller frees the result; never NULL. */
char *pack_text_plain(const char *s);

/* Returns 1 when `quote` occurs in `text`, both compared in their pack_text_plain() form. */
int pack_text_contains(const char *text, const char *quote);

/* Returns the number of words of s (runs of characters between white space), counted on its
 * pack_text_plain() form so markers and emphasis do not count; 0 for NULL. */
int pack_text_words(const char *s);

/* Returns 1 when s is a valid id: 1 to 64 characters from a-z, 0-9 and '-'. */
int pack_text_is_id(const char *s);

#endif
