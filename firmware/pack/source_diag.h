/*
 * source_diag: the error list of a content build, printed like a compiler's: one
 * "file:line: what is wrong" per problem, in the order found. A build collects everything it
 * can find before it stops, so a curator fixes a whole file per round, but stops listing a file
 * after VT_DIAG_FILE_LIMIT errors (a wrong indentation can make every following line wrong).
 */
#ifndef VT_SOURCE_DIAG_H
#define VT_SOURCE_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define VT_DIAG_FILE_LIMIT 20

typedef struct {
    char **lines; /* "file:line: message", owned */
    size_t n;
    char *file;        /* the file the last error was about, owned */
    size_t file_count; /* errors recorded for that file */
    size_t total;      /* every error reported, listed or not */
} VtDiag;

/* Records "file:line: message" (line 0: "file: message"). After VT_DIAG_FILE_LIMIT errors for
 * one file, records one "too many errors" line and ignores the rest for that file. */
void diag_error(VtDiag *d, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* diag_error() with a va_list; formats nothing once the file's limit is reached. */
void diag_verror(VtDiag *d, const char *file, int line, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* Prints every recorded line, in order, to out. */
void diag_print(const VtDiag *d, FILE *out);

/* Frees the lines; the list is empty and reusable afterwards. */
void diag_free(VtDiag *d);

#endif
