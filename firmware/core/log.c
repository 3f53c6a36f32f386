/*
 * log: formatting and a fixed ring of recent lines. The ring is static storage (a few KiB) so
 * logging never allocates and cannot fail; it is the one piece of process-wide state in the
 * project, because every module must be able to report without being handed a context.
 * Every message is cleaned before it goes anywhere: control characters escaped, invalid UTF-8
 * replaced, so outside text in a message can neither split a journal line nor reach the staff
 * screen as bytes the font code would refuse.
 */
#include "log.h"

#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RING_LINES 32
#define LINE_MAX_LEN 200

static VtLogLevel max_level = VT_LOG_INFO;
static char ring[RING_LINES][LINE_MAX_LEN];
static size_t ring_next, ring_count;

void log_set_level(VtLogLevel level) { max_level = level; }

static const char *level_name(VtLogLevel level)
{
    switch (level) {
    case VT_LOG_ERROR: return "error";
    case VT_LOG_WARN: return "warning";
    case VT_LOG_INFO: return "info";
    default: return "debug";
    }
}

/* Copies raw into out (outlen bytes, NUL-terminated) as one clean line of valid UTF-8: a
 * control character becomes an escape ("\n", "\t", "\r", "\x1b"), an invalid byte U+FFFD.
 * Messages carry outside text (mount points, file names, reasons from a stick) and one line
 * must stay one line in the journal and valid text on the staff screen. Stops before a piece
 * that does not fit whole. */
static void clean(const char *raw, char *out, size_t outlen)
{
    size_t len = strlen(raw), o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)raw[i];
        char piece[8];
        size_t n;
        if (c < 0x20 || c == 0x7F) {
            n = (size_t)snprintf(piece, sizeof piece, "%s",
                                 c == '\n'   ? "\\n"
                                 : c == '\t' ? "\\t"
                                 : c == '\r' ? "\\r"
                                             : "");
            if (!n)
                n = (size_t)snprintf(piece, sizeof piece, "\\x%02x", c);
            i++;
        } else if (c < 0x80) {
            piece[0] = (char)c, n = 1, i++;
        } else {
            uint32_t cp;
            size_t step = utf8_decode(raw + i, len - i, &cp);
            if (cp == 0xFFFD && utf8_invalid_at(raw + i, step) != (size_t)-1)
                memcpy(piece, "\xEF\xBF\xBD", n = 3); /* the replacement character */
            else
                memcpy(piece, raw + i, n = step);
            i += step;
        }
        if (o + n >= outlen)
            break;
        memcpy(out + o, piece, n);
        o += n;
    }
    out[o] = '\0';
}

void log_write(VtLogLevel level, const char *tag, const char *fmt, ...)
{
    char raw[LINE_MAX_LEN], msg[LINE_MAX_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);

    /* Truncation is fine here: the ring is for a glance on the staff screen. The message is
     * cut (cleanly, between characters) to what fits in the ring after the tag. */
    int n = snprintf(ring[ring_next], LINE_MAX_LEN, "%.40s: ", tag);
    n = n > 0 && n < LINE_MAX_LEN ? n : 0;
    clean(raw, msg, (size_t)(LINE_MAX_LEN - n));
    memcpy(ring[ring_next] + n, msg, strlen(msg) + 1);
    ring_next = (ring_next + 1) % RING_LINES;
    if (ring_count < RING_LINES)
        ring_count++;

    if (level > max_level)
        return;
    /* JOURNAL_STREAM is set by systemd when stderr is connected to the journal. */
    if (getenv("JOURNAL_STREAM"))
        fprintf(stderr, "<%d>%s: %s\n", (int)level, tag, msg);
    else
        fprintf(stderr, "vitrine[%s] %s: %s\n", tag, level_name(level), msg);
}

int log_recent(size_t i, char *out, size_t outlen)
{
    if (i >= ring_count || outlen == 0)
        return -1;
    size_t idx = (ring_next + RING_LINES - 1 - i) % RING_LINES;
    snprintf(out, outlen, "%s", ring[idx]);
    return 0;
}
