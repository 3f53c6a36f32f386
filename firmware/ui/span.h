/*
 * span: a text made of a page's runs, and the way back from a byte range of that text to the
 * runs and the parts of them it covers. Shared by what marks a sentence on a laid-out page:
 * the reader's key-sentence highlight (story.c) and read-aloud's mark under the sentence heard
 * (ui_speech.c). The caller composes the text:
 * before appending a run's text it records the run with span_map(), and it appends exactly as
 * many bytes as the run's text has (separators between runs are the caller's choice).
 */
#ifndef VT_SPAN_H
#define VT_SPAN_H

#include "buf.h"
#include "page.h"
#include "wrap.h"

#include <stddef.h>

typedef struct {
    VtBuf text; /* the composed text */
    int *map;   /* pairs (box index, byte offset of its text in text) */
    int nmap, capmap;
} VtSpan;

/* The byte length of the footnote superscript at s (U+00B2, U+00B3, U+00B9, U+2070..U+2079,
 * as wrap.c sets [^N]), else 0. s is NUL-terminated. */
size_t span_superscript_len(const char *s);

/* Empties s, keeps its memory. */
void span_clear(VtSpan *s);
void span_free(VtSpan *s);

/* Records that box's text starts at the current end of s->text. */
void span_map(VtSpan *s, int box);

/* Appends box's text to s (after sep when s is not empty) and records it. */
void span_add(VtSpan *s, const VtPage *p, int box, const char *sep);

/* The part of each mapped run that bytes [start, end) of s->text cover, as rectangles in page
 * coordinates (x from the measured start of the part, w its measured width, y and h the run's
 * line box), in the order of the runs; calls fn(ctx, rect, box) for each. Returns how many. */
int span_rects(const VtSpan *s, const VtPage *p, const VtMeasure *m, size_t start, size_t end,
               void (*fn)(void *ctx, VtRect r, int box), void *ctx);

#endif
