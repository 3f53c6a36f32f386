/*
 * file: reading a whole (small) file into memory, the one way the project does it: the content
 * source files, test fixtures. Bounded, so a huge or endless file (a FIFO, /dev/zero) cannot
 * exhaust memory.
 */
#ifndef VT_FILE_H
#define VT_FILE_H

#include <stddef.h>

/* Reads the file at path into a new NUL-terminated string and stores its length in *len (may
 * be NULL). At most max bytes are accepted (0: no limit); a longer file gives NULL with errno
 * EFBIG. Returns NULL with errno set when the file cannot be opened or read. The caller frees
 * the string. */
char *file_read(const char *path, size_t max, size_t *len);

#endif
