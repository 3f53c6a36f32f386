/*
 * pack_text: byte-level scanners. The artifact list is the catalogue of what the five source
 * extractions are known to carry (see content/sources/README.md): fixed needles for letterhead
 * and conversion debris, plus three small patterns that need digits ("Pagina 2 van 1", a
 * "Datum" header line directly followed by a date, footnote text syntax "[2: ..."). The needles
 * are specific enough that none occurs in a clean sentence of the sources.
 */
#include "pack_text.h"

#include "buf.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* Reads exactly n digits at s; returns the number or -1. */
static int read_digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

VtDatePrecision pack_text_date(const char *s)
{
    if (!s)
        return VT_DATE_BAD;
    size_t len = strlen(s);
    int year = read_digits(s, 4);
    if (year < 1000 || (len != 4 && len != 7 && len != 10))
        return VT_DATE_BAD;
    if (len == 4)
        return VT_DATE_YEAR;
    int month = s[4] == '-' ? read_digits(s + 5, 2) : -1;
    if (month < 1 || month > 12)
        return VT_DATE_BAD;
    if (len == 7)
        return VT_DATE_MONTH;
    int day = s[7] == '-' ? read_digits(s + 8, 2) : -1;
    if (day < 1 || day > days_in_month(year, month))
        return VT_DATE_BAD;
    return VT_DATE_DAY;
}

const char *pack_text_precision_name(VtDatePrecision p)
{
    switch (p) {
    case VT_DATE_YEAR: return "year";
    case VT_DATE_MONTH: return "month";
    case VT_DATE_DAY: return "day";
    default: return NULL;
    }
}

static const struct {
    const char *needle;
    const char *what;
} artifact_needles[] = {
    {"[bookmark", "[bookmark ...]"},
    {"[footnoteRef", "[footnoteRef:N]"},
    {"[image:", "[image: ]"},
    {"Retouradres", "letterhead 'Retouradres'"},
    {"Onze referentie", "letterhead 'Onze referentie'"},
    {"onze referentie", "letterhead 'onze referentie'"},
    {"Bij beantwoording, datum", "letterhead 'Bij beantwoording, datum, ...'"},
    {"Postbus 20", "letterhead 'Postbus'"},
    {"Turfmarkt 147", "letterhead address"},
    {"MPC 58 B", "letterhead address"},
    {"www.rijksoverheid.nl/jenv", "letterhead 'www.rijksoverheid.nl/jenv'"},
    {"www.defensie.nl", "letterhead 'www.defensie.nl'"},
    {"Portefeuille Politieorganisatie", "letterhead 'Portefeuille Politieorganisatie'"},
    {"TER BESLISSING", "memo header 'TER BESLISSING'"},
    {"Opgesteld door", "memo header 'Opgesteld door'"},
    {"Aantal bijlagen", "memo header 'Aantal bijlagen'"},
    {"Afgestemd met", "memo header 'Afgestemd met'"},
    {"In afschrift aan", "memo header 'In afschrift aan'"},
    {"@mindef.nl", "memo header '@mindef.nl'"},
    {"**", "markdown '**'"},
    {"<http", "markdown '<http...>'"},
    {"\xC2\xB9", "superscript footnote digit"},     /* ¹ */
    {"\xC2\xB2", "superscript footnote digit"},     /* ² */
    {"\xC2\xB3", "superscript footnote digit"},     /* ³ */
    {"\xE2\x81\xB0", "superscript footnote digit"}, /* ⁰ */
    {"\xE2\x81\xB4", "superscript footnote digit"}, /* ⁴ ... ⁹ share the prefix below */
    {"\xE2\x81\xB5", "superscript footnote digit"},
    {"\xE2\x81\xB6", "superscript footnote digit"},
    {"\xE2\x81\xB7", "superscript footnote digit"},
    {"\xE2\x81\xB8", "superscript footnote digit"},
    {"\xE2\x81\xB9", "superscript footnote digit"},
};

/* "Pagina 2 van 1": a page counter of the PDF extraction. */
static int has_page_counter(const char *s)
{
    for (const char *p = strstr(s, "Pagina "); p; p = strstr(p + 1, "Pagina ")) {
        const char *q = p + 7;
        if (!is_digit(*q))
            continue;
        while (is_digit(*q))
            q++;
        if (strncmp(q, " van", 4) == 0)
            return 1;
    }
    return 0;
}

/* "Datum 5 juni 2026": a repeated page header left in the middle of a text. */
static int has_date_header(const char *s)
{
    for (const char *p = strstr(s, "Datum"); p; p = strstr(p + 1, "Datum")) {
        const char *q = p + 5;
        if (!is_space(*q))
            continue;
        while (is_space(*q))
            q++;
        if (is_digit(*q))
            return 1;
    }
    return 0;
}

/* "[2: text]" / "[2:  text]": the footnote text syntax of the Word extraction. */
static int has_footnote_text(const char *s)
{
    for (const char *p = strchr(s, '['); p; p = strchr(p + 1, '[')) {
        const char *q = p + 1;
        if (!is_digit(*q))
            continue;
        while (is_digit(*q))
            q++;
        if (*q == ':')
            return 1;
    }
    return 0;
}

/* A markdown heading ("# Nota", "## Kernpunten") at the start of a paragraph. */
static int has_heading_mark(const char *s)
{
    for (const char *p = s; p; p = strstr(p, "\n\n")) {
        while (*p == '\n')
            p++;
        if (*p == '#')
            return 1;
    }
    return 0;
}

const char *pack_text_artifact(const char *s)
{
    for (size_t i = 0; i < sizeof artifact_needles / sizeof artifact_needles[0]; i++) {
        if (strstr(s, artifact_needles[i].needle))
            return artifact_needles[i].what;
    }
    if (has_page_counter(s))
        return "page header 'Pagina N van M'";
    if (has_date_header(s))
        return "page header 'Datum' followed by a date";
    if (has_footnote_text(s))
        return "footnote text syntax '[N: ...]'";
    if (has_heading_mark(s))
        return "markdown heading '#'";
    return NULL;
}

/* Length of a well-formed marker "[^N]" (N of 1 to 4 digits) at s, 0 when there is none. */
static size_t marker_len(const char *s)
{
    if (s[0] != '[' || s[1] != '^')
        return 0;
    size_t n = 2;
    while (n < 6 && is_digit(s[n]))
        n++;
    return (n > 2 && s[n] == ']') ? n + 1 : 0;
}

/* Checks one paragraph s[0..len) of prose: emphasis balanced, markers well-formed. */
static const char *paragraph_problem(const char *s, size_t len)
{
    size_t stars = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '*')
            stars++;
        if (s[i] == '[' && s[i + 1] == '^' && marker_len(s + i) == 0)
            return "malformed footnote marker (write [^N])";
    }
    if (stars % 2)
        return "unbalanced * (emphasis)";
    return NULL;
}

/* Control characters and paragraph breaks; with prose, every paragraph is checked too. */
static const char *layout_problem(const char *s, int prose)
{
    const char *para = s;
    for (const char *p = s;; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\0' || (prose && c == '\n')) {
            if (prose) {
                const char *why = paragraph_problem(para, (size_t)(p - para));
                if (why)
                    return why;
            }
            if (c == '\0')
                return NULL;
            if (p[1] != '\n' || p[2] == '\n' || p[2] == '\0' || p == s)
                return "paragraphs must be separated by exactly one empty line";
            if (p[-1] == ' ' || p[2] == ' ')
                return "space around a paragraph break";
            p++;
            para = p + 1;
        } else if (c < 0x20 || c == 0x7F) {
            return "control character";
        }
    }
}

const char *pack_text_problem(const char *s, int prose)
{
    size_t len = strlen(s);
    if (len == 0)
        return "empty text";
    if (utf8_invalid_at(s, len) != (size_t)-1)
        return "invalid UTF-8";
    if (s[0] == ' ' || s[len - 1] == ' ')
        return "leading or trailing space";
    return layout_problem(s, prose);
}

const char *pack_text_link_problem(const char *s)
{
    const char *host = NULL;
    if (strncmp(s, "https://", 8) == 0)
        host = s + 8;
    else if (strncmp(s, "http://", 7) == 0)
        host = s + 7;
    if (!host)
        return "no http:// or https:// scheme";
    if (*host == '\0' || *host == '/' || *host == '.')
        return "no host after the scheme";
    int depth = 0;
    for (const char *p = s; *p; p++) {
        if ((unsigned char)*p <= ' ')
            return "white space or a control character";
        depth += (*p == '(') - (*p == ')');
        if (depth < 0)
            return "a ')' without its '('";
    }
    return depth ? "a '(' without its ')'" : NULL;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int pack_text_markers(const char *s, int *out, int max)
{
    int n = 0;
    for (const char *p = strstr(s, "[^"); p; p = strstr(p + 1, "[^")) {
        size_t len = marker_len(p);
        if (len == 0)
            continue;
        int v = atoi(p + 2), seen = 0;
        for (int i = 0; i < n; i++)
            seen |= out[i] == v;
        if (seen)
            continue;
        if (n == max)
            return -1;
        out[n++] = v;
    }
    qsort(out, (size_t)n, sizeof *out, cmp_int);
    return n;
}

char *pack_text_plain(const char *s)
{
    VtBuf b = {0};
    int pending_space = 0;
    for (const char *p = s; *p;) {
        size_t m = marker_len(p);
        if (m) {
            p += m;
        } else if (*p == '*') {
            p++;
        } else if (is_space(*p)) {
            pending_space = 1;
            p++;
        } else {
            if (pending_space && b.len)
                buf_append(&b, " ", 1);
            pending_space = 0;
            size_t run = strcspn(p, " \n\t\r*[");
            run = run ? run : 1; /* a '[' that does not start a marker */
            buf_append(&b, p, run);
            p += run;
        }
    }
    return buf_take(&b);
}

int pack_text_contains(const char *text, const char *quote)
{
    char *t = pack_text_plain(text), *q = pack_text_plain(quote);
    int found = q[0] != '\0' && strstr(t, q) != NULL;
    free(t);
    free(q);
    return found;
}

int pack_text_words(const char *s)
{
    if (!s)
        return 0;
    char *plain = pack_text_plain(s);
    int n = 0;
    for (const char *p = plain; *p; p++)
        n += (p == plain || p[-1] == ' ') && *p != ' ';
    free(plain);
    return n;
}

int pack_text_is_id(const char *s)
{
    size_t len = strlen(s);
    if (len == 0 || len > 64)
        return 0;
    return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == len;
}
