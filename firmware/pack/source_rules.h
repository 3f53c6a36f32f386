/*
 * source_rules: what the per-file parsers (source_doc.c, source_timeline.c, source_about.c)
 * share: a table-driven check of a section's fields, and helpers that take values out of a
 * section. Internal to firmware/pack.
 *
 * A section's rules are an array of VtFieldRule ending in {NULL, 0}. Texts come in pairs, "nl"
 * with "en" and "x.nl" with "x.en"; a pair is checked as one: the Dutch without the English is a
 * missing translation, whether or not the pair is required.
 */
#ifndef VT_SOURCE_RULES_H
#define VT_SOURCE_RULES_H

#include "source_diag.h"
#include "source_lex.h"
#include "source_model.h"

enum {
    VT_FIELD_REQUIRED = 1, /* must be present */
    VT_FIELD_REPEAT = 2,   /* may be given more than once */
    VT_FIELD_TEXT = 4,     /* human text: paragraphs, emphasis, no extraction artifacts */
    VT_FIELD_MARKERS = 8,  /* a text that may reference footnotes as [^N] */
    VT_FIELD_URL = 16,     /* kept exactly as the source gives it: no artifact check */
};

typedef struct {
    const char *key;
    unsigned flags;
} VtFieldRule;

/* What a per-file parser needs: where it is, where to report, what to fill. */
typedef struct {
    const char *dir;  /* the content directory as given */
    const char *file; /* the current file as shown in messages */
    VtDiag *diag;
    VtSource *src;
    size_t errors; /* reported so far by this parse */
} VtParse;

/* Reports "file:line: ..." and counts it. */
void source_error(VtParse *p, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Checks the fields of s against rules (unknown, repeated, empty, missing, untranslated, the
 * form of texts); `label` names the section in messages ("question 3"). Returns the number of
 * problems found. */
size_t source_check_fields(VtParse *p, const VtSrcSection *s, const char *label,
                           const VtFieldRule *rules);

/* Returns a copy of the value of key in s, or NULL when absent. */
char *source_value(const VtSrcSection *s, const char *key);

/* Returns copies of the pair (nl_key, en_key) of s; absent members are NULL. */
VtSrcText source_text(const VtSrcSection *s, const char *nl_key, const char *en_key);

/* Parses a positive number written in decimal ("3"); returns it, or 0 when s is not one. */
int source_number(const char *s);

/* Names a section in messages: "document", "question 3", "event police-2018". Static storage
 * per call is not used: the caller passes a buffer. Returns out. */
char *source_label(const VtSrcSection *s, char *out, size_t outlen);

/* Resolves a citation ("question 3", "answer 2 3", "point 1", "text 2", "footnote 4", and with
 * allow_document "document") in d: sets *seq (0 for the document), *footnote (the footnote
 * number, 0 when the citation is not a footnote) and *text (the cited Dutch and English).
 * Returns 0; 1 when the citation is malformed; -1 when it names nothing in d. */
int source_resolve_item(const VtSrcDoc *d, const char *item, int allow_document, int *seq,
                        int *footnote, const VtSrcText **text);

/* The curated layer of a document file (source_curated.c): takes a [curated], [key N] or
 * [hook N] section into d; returns 0 when s is none of these. */
int source_parse_curated(VtParse *p, VtSrcDoc *d, const VtSrcSection *s);
/* After the whole file: counts, numbering and, with cite set (the caller passes 0 when the
 * file's items already have errors, which would only echo here), citations and quotes. */
void source_check_curated(VtParse *p, VtSrcDoc *d, int cite);

/* Per-file parsers, called by source_parse_text() with p->file set. */
void source_parse_document(VtParse *p, const VtSrcFile *f);
void source_parse_timeline(VtParse *p, const VtSrcFile *f);
void source_parse_about(VtParse *p, const VtSrcFile *f);
void source_parse_version(VtParse *p, const VtSrcFile *f);

#endif
