/*
 * story_check: the rules of a document's chapter (issue 13, item 3), as a reusable check run on
 * the fixture with the fake measurer (test_ui) and on the real pack with the real font
 * (tests/render/test_layout_font.c):
 *   - a curated document's overview starts with its letterhead (its first reference), then shows
 *     the curator's headline and context under the
 *     curator's tag, then its key sentences, and its facts only below them;
 *   - each key sentence is on the overview, word for word, inside a target that opens the
 *     reader at its item (story_reader_item);
 *   - in that reader the key-sentence bands cover exactly the quoted parts of the runs: one band
 *     per part of every quote of the shown items, nothing more.
 */
#ifndef VT_STORY_CHECK_H
#define VT_STORY_CHECK_H

#include "content.h"
#include "wrap.h"

/* Checks every document of c at w x h in both languages; returns the number of violations,
 * each printed to stderr. */
int story_check_all(const VtContent *c, const VtMeasure *m, int w, int h, long today);

#endif
