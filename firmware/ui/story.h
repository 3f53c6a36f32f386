/*
 * story: the curated layer inside the verbatim text. A document's key sentences (content.h,
 * VtHighlight) are words of one of its items (or of one of that item's footnotes) with the
 * markup left out; the reader lays that text out as runs, and story finds the quote's bytes in
 * those runs and marks them: a tinted band behind exactly the quoted words, line by line, and
 * a bar in the margin beside those lines, so the mark does not rely on colour alone. Finding is
 * done on the pack_text_plain() form the builder checked the quote in (no footnote markers, no
 * emphasis, white space as single spaces), so every quote the builder accepted is found.
 */
#ifndef VT_STORY_H
#define VT_STORY_H

#include "build.h"
#include "span.h"

/* Composes the text of the text runs [box0, box1) of p into sp (runs on one line that touch
 * are joined directly, others with a space) and looks for quote in it. Returns 1 and the
 * quote's byte range of sp->text in *start, *end when found, else 0. */
int story_find(const VtPage *p, int box0, int box1, const char *quote, VtSpan *sp, size_t *start,
               size_t *end);

/* Marks, in the runs [box0, p->nboxes) just laid out for item `item` of doc (its body when
 * footnote is 0, else that footnote's text), every key sentence of doc that quotes it, in
 * either language (the English reader shows the translation and the Dutch original). The
 * marks are inserted as fills at box0, under the text. Returns how many quotes were marked. */
int story_mark(VtPage *p, const VtBuild *b, const VtDoc *d, int item, int footnote, int box0);

/* The tinted band behind one run's quoted part (as span_rects gives it): the part widened a
 * little on both sides, the line's full height, so lines of a quote meet. */
VtRect story_band(const VtTheme *t, VtRect part);

/* The bar in the margin left of the column beside the lines from page y top to bottom. */
VtRect story_bar(const VtTheme *t, int top, int bottom);

/* The item the reader opens for highlight h: its item, or for an answer the first question it
 * covers (the reader shows answers under their questions). */
int story_reader_item(const VtDoc *d, const VtHighlight *h);

#endif
