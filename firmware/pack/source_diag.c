/*
 * source_diag: a growable array of formatted lines. The per-file limit follows the file of the
 * previous error, which is enough because errors of one file are reported together (the parser
 * finishes a file before it starts the next).
 */
#include "source_diag.h"

#include "buf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void push(VtDiag *d, char *line)
{
    d->lines = xrealloc(d->lines, sizeof *d->lines * (d->n + 1));
    d->lines[d->n++] = line;
}

void diag_error(VtDiag *d, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_verror(d, file, line, fmt, ap);
    va_end(ap);
}

void diag_verror(VtDiag *d, const char *file, int line, const char *fmt, va_list ap)
{
    d->total++;
    if (!d->file || strcmp(d->file, file) != 0) {
        free(d->file);
        d->file = xstrdup(file);
        d->file_count = 0;
    }
    if (++d->file_count > VT_DIAG_FILE_LIMIT) {
        if (d->file_count == VT_DIAG_FILE_LIMIT + 1) {
            VtBuf b = {0};
            buf_printf(&b, "%s: too many errors, not listing more for this file", file);
            push(d, buf_take(&b));
        }
        return;
    }
    VtBuf b = {0};
    if (line > 0)
        buf_printf(&b, "%s:%d: ", file, line);
    else
        buf_printf(&b, "%s: ", file);
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    buf_puts(&b, msg);
    push(d, buf_take(&b));
}

void diag_print(const VtDiag *d, FILE *out)
{
    for (size_t i = 0; i < d->n; i++)
        fprintf(out, "%s\n", d->lines[i]);
}

void diag_free(VtDiag *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->lines[i]);
    free(d->lines);
    free(d->file);
    memset(d, 0, sizeof *d);
}
