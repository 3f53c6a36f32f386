/*
 * log: one line per event on stderr, "vitrine[tag] level: message".
 *
 * On the device stderr goes to the journal (systemd captures it), so this module does no file
 * I/O of its own: the kiosk writes nothing to the SD card in normal operation. Each line carries
 * a syslog priority prefix ("<3>") when stderr is the journal, so journalctl can filter by level.
 * A small ring of the most recent lines is kept in memory for the staff screen.
 */
#ifndef VT_LOG_H
#define VT_LOG_H

#include <stddef.h>

typedef enum { VT_LOG_ERROR = 3, VT_LOG_WARN = 4, VT_LOG_INFO = 6, VT_LOG_DEBUG = 7 } VtLogLevel;

/* Sets the least important level still printed (default VT_LOG_INFO). */
void log_set_level(VtLogLevel level);

/* Prints one line; `tag` names the module ("pack", "import", ...). The message is cleaned
 * first: control characters become escapes ("\n", "\x1b"), invalid UTF-8 becomes U+FFFD.
 * Never fails. */
void log_write(VtLogLevel level, const char *tag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Copies the i-th most recent line (0 = newest) into out; returns 0, or -1 when there are fewer
 * than i+1 lines kept. */
int log_recent(size_t i, char *out, size_t outlen);

#define log_error(tag, ...) log_write(VT_LOG_ERROR, tag, __VA_ARGS__)
#define log_warn(tag, ...) log_write(VT_LOG_WARN, tag, __VA_ARGS__)
#define log_info(tag, ...) log_write(VT_LOG_INFO, tag, __VA_ARGS__)
#define log_debug(tag, ...) log_write(VT_LOG_DEBUG, tag, __VA_ARGS__)

#endif
