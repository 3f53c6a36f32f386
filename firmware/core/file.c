/* file: stdio in 8 KiB chunks into a VtBuf. */
#include "file.h"

#include "buf.h"

#include <errno.h>
#include <stdio.h>

char *file_read(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    VtBuf b = {0};
    char chunk[8192];
    size_t n;
    errno = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && (!max || b.len <= max))
        buf_append(&b, chunk, n);
    int failed = ferror(f) || (max && b.len > max);
    int err = ferror(f) ? (errno ? errno : EIO) : EFBIG;
    fclose(f);
    if (failed) {
        buf_free(&b);
        errno = err;
        return NULL;
    }
    if (len)
        *len = b.len;
    return buf_take(&b);
}
