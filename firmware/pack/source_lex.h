/*
 * source_lex: the layer of the content format that knows nothing of documents or events: it
 * turns a file's text into sections ([name arg]) holding fields (key: value), joining indented
 * blocks into paragraphs and dropping comments. Every field and section keeps its line number
 * so that later layers report "file:line: what is wrong".
 *
 * Fields that come before the first [section] are collected in a section with the empty name
 * (pack.txt consists of such fields only); the parser decides where that is allowed.
 */
#ifndef VT_SOURCE_LEX_H
#define VT_SOURCE_LEX_H

#include "source_diag.h"

#include <stddef.h>

typedef struct {
    char *key;   /* "nl", "title.en", ... */
    char *value; /* one line, or the block's paragraphs joined by "\n\n"; "" when empty */
    int line;    /* the line of "key:" */
} VtSrcField;

typedef struct {
    char *name; /* "question"; "" only for the fields before the first section (a header
                 * without a name is reported and not kept), and then nfields > 0 */
    char *arg;  /* "2 3", "police-2018"; "" when none */
    int line;
    VtSrcField *fields;
    size_t nfields;
} VtSrcSection;

typedef struct {
    VtSrcSection *sections;
    size_t nsections;
} VtSrcFile;

/* Splits text[0..len) into *out, reporting malformed lines (invalid UTF-8, a line that is
 * neither a section, a field, an indented text nor a comment) into diag under the name `file`.
 * Always fills *out with what it could read; the caller frees it with source_lex_free(). */
void source_lex(VtSrcFile *out, const char *text, size_t len, const char *file, VtDiag *diag);

void source_lex_free(VtSrcFile *f);

/* Returns the first field named key in s, or NULL. */
const VtSrcField *source_field(const VtSrcSection *s, const char *key);

#endif
