/*
 * buf: a growable byte string that is always NUL-terminated. Allocation failure is treated as
 * fatal (abort with a message): the kiosk cannot do anything sensible without memory, and
 * checking every append would bury the logic.
 */
#ifndef VT_BUF_H
#define VT_BUF_H

#include <stddef.h>

typedef struct {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
} VtBuf;

void buf_append(VtBuf *b, const char *s, size_t n);
void buf_puts(VtBuf *b, const char *s);
void buf_printf(VtBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer but keeps its memory. */
void buf_clear(VtBuf *b);
/* Frees the memory; the buffer is empty and reusable afterwards. */
void buf_free(VtBuf *b);
/* Returns the contents ("" when empty); owned by the buffer. */
const char *buf_str(const VtBuf *b);
/* Hands the memory to the caller (free() it) and empties the buffer; never NULL. */
char *buf_take(VtBuf *b);

/* Allocating helpers with the same abort-on-OOM policy. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
