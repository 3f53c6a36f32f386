/*
 * glyphs: text through one glyph atlas.
 *
 * Each (style, size, code point) is rasterised once by SDL2_ttf into a shared atlas texture; a
 * run of text is then drawn as textured quads with SDL_RenderGeometry, batched across runs until
 * something else must be drawn. A screen that has been shown once therefore draws, scrolls and
 * redraws without creating a texture or rendering a glyph, whatever its length, and memory
 * stays flat (one atlas) instead of growing with a texture per line. Widths for layout use the
 * same advances and kerning as drawing, so wrapped lines fit exactly. Code points the font
 * lacks are drawn as U+FFFD (or '?'), visibly, never skipped.
 */
#ifndef VT_GLYPHS_H
#define VT_GLYPHS_H

#include "page.h"
#include "wrap.h"

#include <SDL.h>

typedef struct VtGlyphs VtGlyphs;

typedef struct {
    unsigned long glyph_renders;   /* glyph rasterisations */
    unsigned long texture_creates; /* atlas (re)creations */
    unsigned long texture_uploads; /* sub-rectangle uploads into the atlas */
    unsigned long draw_calls;      /* SDL_RenderGeometry calls */
    unsigned long quads;           /* glyph quads queued (4 vertices each) */
    unsigned long faces_read;      /* font files read into memory (a style's, once) */
} VtGlyphStats;

/* Loads the styles from font_dir into memory: NotoSans-Regular/Bold/Italic.ttf now,
 * NotoSans-BoldItalic.ttf and the quote face NotoSerif-Italic.ttf when first measured or drawn.
 * A missing style falls back to Regular (Bold Italic to Bold, the quote face to Italic) with a
 * warning when it is first asked for, a missing Regular to a system font (Noto Sans or DejaVu
 * Sans from Debian) with an error logged; returns NULL with a reason in err only when there is
 * no usable font at all. The renderer is borrowed. */
VtGlyphs *glyphs_new(SDL_Renderer *r, const char *font_dir, int atlas_size, char *err,
                     size_t errlen);
void glyphs_free(VtGlyphs *g);

/* 1 when the font drawn for style has a glyph of its own for code point cp, 0 when it would draw
 * the replacement (or no font can be opened). */
int glyphs_has(VtGlyphs *g, VtFontStyle style, uint32_t cp);

/* A VtMeasure for the ui layer, valid while g lives. */
VtMeasure glyphs_measure(VtGlyphs *g);

/* Queues a run at pen position (x, y = top of the line box of height line_h), in colour c.
 * Drawn at the next glyphs_flush(). Returns the pen position after the run: x plus exactly
 * what the measure gives for s (both walk the text the same way), or x for an unknown size. */
int glyphs_run(VtGlyphs *g, const char *s, VtFontStyle style, int px, int x, int y, int line_h,
               VtColor c);

/* 1 when a glyph queued and not yet drawn may cover a pixel of r (by each run's extent), so
 * something drawn over r must wait for glyphs_flush(); 0 when r can be drawn first. */
int glyphs_queued_over(const VtGlyphs *g, const SDL_Rect *r);

/* Draws everything queued, in one call. */
void glyphs_flush(VtGlyphs *g);

const VtGlyphStats *glyphs_stats(const VtGlyphs *g);

#endif
