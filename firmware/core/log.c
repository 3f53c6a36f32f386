/*
 * log: formatting and a fixed ring of recent lines. The ring is static storage (a few KiB) so
 * logging never allocates and cannot fail; it is the one piece of process-wide state in the
 * project, because every module must be able to report without being handed a context.
 */
#include "log.h"

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

void log_write(VtLogLevel level, const char *tag, const char *fmt, ...)
{
    char msg[LINE_MAX_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);

    /* Truncation is fine here: the ring is for a glance on the staff screen. */
    int n = snprintf(ring[ring_next], LINE_MAX_LEN, "%.40s: ", tag);
    if (n > 0 && n < LINE_MAX_LEN)
        memcpy(ring[ring_next] + n, msg, strnlen(msg, (size_t)(LINE_MAX_LEN - n - 1)) + 1);
    ring[ring_next][LINE_MAX_LEN - 1] = '\0';
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
