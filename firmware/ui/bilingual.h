/*
 * bilingual: Dutch and English side by side where two reading columns fit (the theme's
 * cols == 2: the 15.6" and 27" landscape panels at their physical sizes; portrait and the 7"
 * panels keep one column). The reader and the document screen then set the Dutch original in
 * the left column and the English translation in the right, paragraph by paragraph aligned:
 * each pair of paragraphs starts at the same height, so a reader can cross over. Each column is
 * the theme's reading column (about 55 characters, 45-60), the gutter between them the theme's.
 *
 * The columns never move. The language button switches the chrome's language and which column
 * is emphasised: the head over the visitor's column is in the accent colour on an accent rule,
 * the other's muted on a thin rule; read aloud reads the emphasised column (VtPage.lang_col),
 * and its mark lands there. The place kept across a switch is therefore the same pixel. The
 * English stays marked as the unofficial translation and the curator's texts as the curator's,
 * each column in its own language.
 *
 * A column is laid out by the screens' own code, given a VtBuild whose theme's col_x / col_w
 * are that column's and whose lang is its language (bilingual_column). A pair is laid out in
 * two scratch pages and appended one after the other, so each column's runs stay together in
 * page order: a key sentence (story.h) is found across a column's paragraphs, and read aloud
 * reads a column from top to bottom.
 */
#ifndef VT_BILINGUAL_H
#define VT_BILINGUAL_H

#include "build.h"

/* 1 when b's theme has room for two columns (then the reader and the document screen use them). */
int bilingual_on(const VtBuild *b);

/* The build for language l's column: *th a copy of b's theme with col_x / col_w of that column,
 * *out b in language l, beside set. Both are the caller's; returns out. */
const VtBuild *bilingual_column(const VtBuild *b, VtLang l, VtTheme *th, VtBuild *out);

/* The build across both columns and the gutter (the letterhead, rules), in b's language, where
 * there are two columns; else b itself. Returns out or b. */
const VtBuild *bilingual_spread(const VtBuild *b, VtTheme *th, VtBuild *out);

/* The heads over the two columns, the visitor's (b->lang) emphasised, at y; records the columns
 * in p->lang_col. Returns the height. */
int bilingual_heads(VtPage *p, const VtBuild *b, int y);

/* Lays out one column's part at y: with p it adds to p and may make a panel h high (h is at
 * least what it measured); returns its height. ctx is the caller's. */
typedef int (*VtColumnFn)(VtPage *p, const VtBuild *col, int y, int h, void *ctx);

/* fn in both columns (or b's one), their tops at y, each given the taller height. Returns that
 * height. */
int bilingual_pair(VtPage *p, const VtBuild *b, int y, VtColumnFn fn, void *ctx);

/* fn in both columns where there are two (bilingual_pair), else once in b's column. Returns the
 * height. */
int bilingual_each(VtPage *p, const VtBuild *b, int y, VtColumnFn fn, void *ctx);

/* A card across both columns (or b's one), a target of action a (arg, arg2): background bg, a
 * frame, an edge on the left in edge (alpha 0: none), fn's part in each column inside it.
 * Returns its height and the space to the next card. */
int bilingual_card(VtPage *p, const VtBuild *b, int y, VtColumnFn fn, void *ctx, VtColor bg,
                   VtColor edge, VtAction a, int arg, int arg2);

/* A source text in both columns (body size, style; in one column as build_source_text does),
 * paragraph pairs aligned when both languages
 * have the same number of paragraphs, else the two texts aligned at their tops. Pair k is the
 * page's place anchor + k (0: none). With d, the key sentences of d's item `item` are marked in
 * each column (story_mark). Returns the height. */
int bilingual_source(VtPage *p, const VtBuild *b, const VtText *t, int y, VtFontStyle style,
                     int anchor, const VtDoc *d, int item);

#endif
