/*
 * redact: the redaction motif where an answer invokes confidentiality (VtItem.confidential, the
 * answer's own words that do so, checked verbatim by the builder). It echoes the attract
 * poster's redaction bar without ever covering a word: a black tag with the word
 * "Vertrouwelijk" / "Confidential" in white (17:1) above the answer, beside it "Beroep op
 * vertrouwelijkheid (samensteller)" in the muted colour, since which words invoke
 * confidentiality is the curator's reading; and in the reader a thick black bar in the margin
 * beside exactly the lines of those words (found in the laid-out runs as story.c finds key
 * sentences, span.h). The words themselves are not touched.
 *
 * The English reader shows the translation and the Dutch original under it. The Dutch words are
 * the mark's; the English ones are marked too where the curator gave them: the translation of a
 * key sentence of the same answer whose Dutch is exactly the confidentiality sentence.
 */
#ifndef VT_REDACT_H
#define VT_REDACT_H

#include "build.h"

/* The answer of the unit at item of d that invokes confidentiality: item itself (an answer),
 * or the answer covering it (a question). -1 when there is none. */
int redact_answer(const VtDoc *d, int item);

/* The words of answer `answer` of d that invoke confidentiality, in lang (see above); NULL
 * when there are none in that language. Borrowed from the content. */
const char *redact_quote(const VtDoc *d, int answer, VtLang lang);

/* The tag at (x, y) within w: the black bar with "Vertrouwelijk" in white, the curator's note
 * beside it (under it where it does not fit). With p NULL only measured. Returns its height. */
int redact_tag(VtPage *p, const VtBuild *b, int x, int y, int w);

/* The black bar in the margin beside the lines of answer `answer`'s confidentiality words in
 * the runs [box0, p->nboxes) just laid out for it, in either language. Returns how many
 * quotes were marked (0 when the answer invokes none or its words are not in the runs). */
int redact_mark(VtPage *p, const VtBuild *b, const VtDoc *d, int answer, int box0);

/* The margin bar beside the lines from page y top to bottom (wider than, and over, the key
 * sentences' bar: story_bar). */
VtRect redact_bar(const VtTheme *t, int top, int bottom);

#endif
