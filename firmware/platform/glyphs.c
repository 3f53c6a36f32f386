/*
 * glyphs: fonts in memory, an open-addressing table of glyphs, a shelf-packed atlas.
 *
 * Fonts: each style's file is read once, the three every screen uses (regular, bold, italic) at
 * start and the others (bold italic, the quote face) when first asked for, so a screen without
 * a quote does not pay for the serif's half megabyte; a TTF_Font per (style, size) is opened
 * from that memory on first use (sizes are few: the theme uses four). The glyph table maps
 * (style, size, code point) to its advance and, once rasterised, its place in the atlas. The
 * atlas packs glyphs on shelves; when it is full it is cleared and refilled on demand, which
 * costs one frame of re-rasterising but never fails. When every font slot is taken (a visitor
 * walked through the larger-text steps: each step brings its own sizes), fonts, table and atlas
 * are all dropped and refilled on demand the same way, rather than measuring with a wrong size.
 */
#include "glyphs.h"

#include "buf.h"
#include "log.h"
#include "utf8.h"

#include <SDL_ttf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIZES 16
#define TABLE_SIZE 8192 /* power of two; a screen uses a few hundred glyphs */

typedef struct {
    uint32_t key; /* font slot << 21 | code point; 0 = empty */
    int advance;
    int minx;   /* left bearing: where the rasterised box starts relative to the pen */
    int placed; /* has an atlas rectangle */
    SDL_Rect src;
} Glyph;

typedef struct {
    int style, px;
    TTF_Font *font;
} FontSlot;

struct VtGlyphs {
    SDL_Renderer *r;
    char font_dir[1024];
    void *data[VT_FONT_COUNT];
    size_t size[VT_FONT_COUNT];
    int tried[VT_FONT_COUNT]; /* the style's file was looked for (data NULL: missing) */
    FontSlot slots[MAX_SIZES * VT_FONT_COUNT];
    int nslots;
    Glyph *table;
    SDL_Texture *atlas;
    int atlas_size, shelf_x, shelf_y, shelf_h;
    SDL_Vertex *verts;
    int *idx;
    int nverts, cap;
    SDL_Rect *runs; /* the extent of each run's queued quads, for glyphs_queued_over() */
    int nruns, runs_cap;
    int run_x0, run_y0, run_x1, run_y1; /* the extent of the run being queued */
    VtGlyphStats stats;
};

static const char *const font_files[VT_FONT_COUNT] = {
    "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf",
    "NotoSerif-Italic.ttf"};

static void *read_file(const char *path, size_t *len);

/* The style drawn for a missing one: bold italic as bold, the quote face as the italic. */
static VtFontStyle stand_in(VtFontStyle s)
{
    return s == VT_FONT_BOLD_ITALIC ? VT_FONT_BOLD
           : s == VT_FONT_QUOTE     ? VT_FONT_ITALIC
                                    : VT_FONT_REGULAR;
}

/* Reads style's file the first time it is asked for (regular's fallback is glyphs_new's). */
static void face_load(VtGlyphs *g, VtFontStyle s)
{
    if (g->tried[s])
        return;
    g->tried[s] = 1;
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", g->font_dir, font_files[s]);
    g->data[s] = read_file(path, &g->size[s]);
    if (g->data[s])
        g->stats.faces_read++;
    else if (s != VT_FONT_REGULAR)
        log_warn("font", "%s is missing; using the %s style instead", path,
                 s == VT_FONT_BOLD_ITALIC ? "bold"
                 : s == VT_FONT_QUOTE     ? "italic"
                                          : "regular");
}

/* The style drawn for style: itself, or when its file is missing its stand-in's (bold italic
 * as bold, the quote face as the italic), and the others (and those) as regular. */
static VtFontStyle present_style(VtGlyphs *g, VtFontStyle style)
{
    face_load(g, style);
    if (!g->data[style] && style != VT_FONT_REGULAR) {
        style = stand_in(style);
        face_load(g, style);
    }
    return g->data[style] ? style : VT_FONT_REGULAR;
}

static void *read_file(const char *path, size_t *len)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw)
        return NULL;
    Sint64 n = SDL_RWsize(rw);
    void *p = NULL;
    if (n > 0 && n < 64 * 1024 * 1024) {
        p = xmalloc((size_t)n);
        if (SDL_RWread(rw, p, 1, (size_t)n) != (size_t)n) {
            free(p);
            p = NULL;
        }
        *len = (size_t)n;
    }
    SDL_RWclose(rw);
    return p;
}

/* The kiosk's own font is missing (a damaged install): a system font with full Latin keeps
 * the exhibit readable rather than down. Returns NULL when none of them is there either. */
static void *read_fallback(const char *missing, size_t *len)
{
    static const char *const system_fonts[] = {
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    };
    for (size_t i = 0; i < sizeof system_fonts / sizeof *system_fonts; i++) {
        void *p = read_file(system_fonts[i], len);
        if (p) {
            log_error("font", "%s is missing or unreadable: using %s", missing, system_fonts[i]);
            return p;
        }
    }
    return NULL;
}

static int atlas_create(VtGlyphs *g)
{
    g->atlas = SDL_CreateTexture(g->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                 g->atlas_size, g->atlas_size);
    if (!g->atlas)
        return -1;
    SDL_SetTextureBlendMode(g->atlas, SDL_BLENDMODE_BLEND);
    g->stats.texture_creates++;
    g->shelf_x = g->shelf_y = g->shelf_h = 0;
    return 0;
}

VtGlyphs *glyphs_new(SDL_Renderer *r, const char *font_dir, int atlas_size, char *err,
                     size_t errlen)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "cannot start SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    VtGlyphs *g = xcalloc(1, sizeof *g);
    g->r = r;
    g->atlas_size = atlas_size;
    snprintf(g->font_dir, sizeof g->font_dir, "%s", font_dir);
    face_load(g, VT_FONT_REGULAR);
    if (!g->data[VT_FONT_REGULAR]) {
        char path[1100];
        snprintf(path, sizeof path, "%s/%s", font_dir, font_files[VT_FONT_REGULAR]);
        g->data[VT_FONT_REGULAR] = read_fallback(path, &g->size[VT_FONT_REGULAR]);
        if (!g->data[VT_FONT_REGULAR]) {
            snprintf(err, errlen, "font %s is missing or unreadable, and no system font either",
                     path);
            glyphs_free(g);
            return NULL;
        }
    }
    face_load(g, VT_FONT_BOLD); /* every screen uses these two: read now, not mid-frame */
    face_load(g, VT_FONT_ITALIC);
    g->table = xcalloc(TABLE_SIZE, sizeof *g->table);
    if (atlas_create(g) != 0) {
        snprintf(err, errlen, "cannot create the glyph atlas: %s", SDL_GetError());
        glyphs_free(g);
        return NULL;
    }
    return g;
}

void glyphs_free(VtGlyphs *g)
{
    if (!g)
        return;
    for (int i = 0; i < g->nslots; i++)
        TTF_CloseFont(g->slots[i].font);
    for (int s = 0; s < VT_FONT_COUNT; s++)
        free(g->data[s]);
    if (g->atlas)
        SDL_DestroyTexture(g->atlas);
    free(g->table);
    free(g->verts);
    free(g->idx);
    free(g->runs);
    free(g);
}

/* Returns the slot index for (style, px), opening the font on first use; -1 on failure. */
static void atlas_reset(VtGlyphs *g);

/* Every slot is taken: closes every size and forgets every glyph (they come back on demand). */
static void fonts_reset(VtGlyphs *g)
{
    atlas_reset(g);
    for (int i = 0; i < g->nslots; i++)
        TTF_CloseFont(g->slots[i].font);
    g->nslots = 0;
    memset(g->table, 0, sizeof *g->table * TABLE_SIZE);
    log_info("font", "every font size slot in use: sizes closed, reopened on demand");
}

static int slot_for(VtGlyphs *g, VtFontStyle style, int px)
{
    style = present_style(g, style);
    for (int i = 0; i < g->nslots; i++)
        if (g->slots[i].style == (int)style && g->slots[i].px == px)
            return i;
    if (g->nslots == MAX_SIZES * VT_FONT_COUNT)
        fonts_reset(g);
    SDL_RWops *rw = SDL_RWFromConstMem(g->data[style], (int)g->size[style]);
    TTF_Font *f = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!f) {
        log_error("font", "cannot open size %d: %s", px, TTF_GetError());
        return g->nslots ? 0 : -1;
    }
    TTF_SetFontKerning(f, 1);
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    g->slots[g->nslots] = (FontSlot){(int)style, px, f};
    return g->nslots++;
}

static Glyph *lookup(VtGlyphs *g, int slot, uint32_t cp)
{
    uint32_t key = ((uint32_t)(slot + 1) << 21) | cp;
    uint32_t h = (key * 2654435761u) & (TABLE_SIZE - 1);
    for (int probe = 0; probe < TABLE_SIZE; probe++) {
        Glyph *e = &g->table[(h + (uint32_t)probe) & (TABLE_SIZE - 1)];
        if (e->key == key)
            return e;
        if (e->key == 0) {
            TTF_Font *f = g->slots[slot].font;
            int minx, maxx, miny, maxy, adv;
            if (TTF_GlyphMetrics32(f, cp, &minx, &maxx, &miny, &maxy, &adv) != 0)
                return NULL;
            *e = (Glyph){key, adv, minx < 0 ? minx : 0, 0, {0, 0, 0, 0}};
            return e;
        }
    }
    return NULL; /* table full: cannot happen with the content's few hundred glyphs */
}

/* The code point actually drawn for cp in font f: itself, or a visible replacement. */
static uint32_t drawable(TTF_Font *f, uint32_t cp)
{
    if (TTF_GlyphIsProvided32(f, cp))
        return cp;
    return TTF_GlyphIsProvided32(f, 0xFFFD) ? 0xFFFD : '?';
}

/* One walk over a run of text, shared by measuring and drawing so the two can never disagree:
 * UTF-8 decoding, the replacement of glyphs the font lacks, kerning and advances live here. */
typedef struct {
    VtGlyphs *g;
    TTF_Font *f;
    int slot, px;
    const char *s;
    size_t len, i;
    uint32_t prev;
    int pen; /* where the next glyph starts */
} GlyphWalk;

static void walk_begin(GlyphWalk *w, VtGlyphs *g, int slot, int px, const char *s, size_t len,
                       int x)
{
    *w = (GlyphWalk){g, g->slots[slot].font, slot, px, s, len, 0, 0, x};
}

/* Steps to the next glyph: returns 0 at the end, else 1 with the code point drawn in *cp, its
 * cache entry in *e (NULL when the font gives no metrics: it still advances half an em) and
 * the pen position where it starts in *x. */
static int walk_next(GlyphWalk *w, uint32_t *cp, Glyph **e, int *x)
{
    if (w->i >= w->len)
        return 0;
    w->i += utf8_decode(w->s + w->i, w->len - w->i, cp);
    *cp = drawable(w->f, *cp);
    *e = lookup(w->g, w->slot, *cp);
    if (w->prev)
        w->pen += TTF_GetFontKerningSizeGlyphs32(w->f, w->prev, *cp);
    w->prev = *cp;
    *x = w->pen;
    w->pen += *e ? (*e)->advance : w->px / 2;
    return 1;
}

int glyphs_has(VtGlyphs *g, VtFontStyle style, uint32_t cp)
{
    int slot = slot_for(g, style, 24);
    return slot >= 0 && TTF_GlyphIsProvided32(g->slots[slot].font, cp);
}

static int measure_width(void *ctx, VtFontStyle style, int px, const char *s, size_t len)
{
    VtGlyphs *g = ctx;
    int slot = slot_for(g, style, px);
    if (slot < 0)
        return (int)len * px / 2;
    GlyphWalk w;
    walk_begin(&w, g, slot, px, s, len, 0);
    uint32_t cp;
    Glyph *e;
    int x;
    while (walk_next(&w, &cp, &e, &x))
        ;
    return w.pen;
}

VtMeasure glyphs_measure(VtGlyphs *g) { return (VtMeasure){g, measure_width}; }

const VtGlyphStats *glyphs_stats(const VtGlyphs *g) { return &g->stats; }

/* Rasterises e into the atlas; returns 0, or -1 when the atlas is full. */
static int place(VtGlyphs *g, Glyph *e, TTF_Font *f, uint32_t cp)
{
    SDL_Surface *s = TTF_RenderGlyph32_Blended(f, cp, (SDL_Color){255, 255, 255, 255});
    if (!s)
        return 0; /* nothing to draw (e.g. a space); leave unplaced with an empty rect */
    g->stats.glyph_renders++;
    if (g->shelf_x + s->w > g->atlas_size) {
        g->shelf_x = 0;
        g->shelf_y += g->shelf_h + 1;
        g->shelf_h = 0;
    }
    if (g->shelf_y + s->h > g->atlas_size || s->w > g->atlas_size) {
        SDL_FreeSurface(s);
        return -1;
    }
    SDL_Surface *conv = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    if (!conv)
        return 0;
    e->src = (SDL_Rect){g->shelf_x, g->shelf_y, conv->w, conv->h};
    SDL_UpdateTexture(g->atlas, &e->src, conv->pixels, conv->pitch);
    g->stats.texture_uploads++;
    SDL_FreeSurface(conv);
    g->shelf_x += e->src.w + 1;
    if (e->src.h > g->shelf_h)
        g->shelf_h = e->src.h;
    e->placed = 1;
    return 0;
}

/* Forgets every atlas placement (the atlas is full); glyphs are re-rasterised on demand. */
static void atlas_reset(VtGlyphs *g)
{
    glyphs_flush(g);
    for (int i = 0; i < TABLE_SIZE; i++)
        g->table[i].placed = 0;
    g->shelf_x = g->shelf_y = g->shelf_h = 0;
    log_info("font", "glyph atlas full: cleared");
}

static void quad(VtGlyphs *g, const SDL_Rect *src, float x, float y, SDL_Color c)
{
    if (g->nverts + 4 > g->cap) {
        g->cap = g->cap ? g->cap * 2 : 1024;
        g->verts = xrealloc(g->verts, sizeof *g->verts * (size_t)g->cap);
        g->idx = xrealloc(g->idx, sizeof *g->idx * (size_t)g->cap / 4 * 6);
    }
    float a = (float)g->atlas_size;
    float u0 = src->x / a, v0 = src->y / a, u1 = (src->x + src->w) / a, v1 = (src->y + src->h) / a;
    g->stats.quads++;
    int x0 = (int)x, y0 = (int)y, x1 = (int)x + src->w + 1, y1 = (int)y + src->h + 1;
    g->run_x0 = x0 < g->run_x0 ? x0 : g->run_x0;
    g->run_y0 = y0 < g->run_y0 ? y0 : g->run_y0;
    g->run_x1 = x1 > g->run_x1 ? x1 : g->run_x1;
    g->run_y1 = y1 > g->run_y1 ? y1 : g->run_y1;
    SDL_Vertex *v = &g->verts[g->nverts];
    v[0] = (SDL_Vertex){{x, y}, c, {u0, v0}};
    v[1] = (SDL_Vertex){{x + src->w, y}, c, {u1, v0}};
    v[2] = (SDL_Vertex){{x + src->w, y + src->h}, c, {u1, v1}};
    v[3] = (SDL_Vertex){{x, y + src->h}, c, {u0, v1}};
    int *ix = &g->idx[g->nverts / 4 * 6];
    int b = g->nverts;
    ix[0] = b;
    ix[1] = b + 1;
    ix[2] = b + 2;
    ix[3] = b;
    ix[4] = b + 2;
    ix[5] = b + 3;
    g->nverts += 4;
}

int glyphs_run(VtGlyphs *g, const char *s, VtFontStyle style, int px, int x, int y, int line_h,
               VtColor c)
{
    int slot = slot_for(g, style, px);
    if (slot < 0)
        return x;
    TTF_Font *f = g->slots[slot].font;
    int top = y + (line_h - TTF_FontHeight(f)) / 2;
    SDL_Color col = {c.r, c.g, c.b, c.a};
    GlyphWalk w;
    walk_begin(&w, g, slot, px, s, strlen(s), x);
    uint32_t cp;
    Glyph *e;
    int pen;
    g->run_x0 = g->run_y0 = INT_MAX;
    g->run_x1 = g->run_y1 = INT_MIN;
    while (walk_next(&w, &cp, &e, &pen)) {
        if (!e || cp == ' ')
            continue;
        if (!e->placed && place(g, e, f, cp) != 0) {
            atlas_reset(g);
            if (place(g, e, f, cp) != 0)
                continue;
        }
        if (e->placed)
            quad(g, &e->src, (float)(pen + e->minx), (float)top, col);
    }
    if (g->run_x1 > g->run_x0) { /* a flush inside the run only leaves this wider: harmless */
        if (g->nruns == g->runs_cap) {
            g->runs_cap = g->runs_cap ? g->runs_cap * 2 : 64;
            g->runs = xrealloc(g->runs, sizeof *g->runs * (size_t)g->runs_cap);
        }
        g->runs[g->nruns++] =
            (SDL_Rect){g->run_x0, g->run_y0, g->run_x1 - g->run_x0, g->run_y1 - g->run_y0};
    }
    return w.pen;
}

int glyphs_queued_over(const VtGlyphs *g, const SDL_Rect *r)
{
    for (int i = 0; i < g->nruns; i++)
        if (SDL_HasIntersection(&g->runs[i], r))
            return 1;
    return 0;
}

void glyphs_flush(VtGlyphs *g)
{
    if (!g->nverts)
        return;
    SDL_RenderGeometry(g->r, g->atlas, g->verts, g->nverts, g->idx, g->nverts / 4 * 6);
    g->stats.draw_calls++;
    g->nverts = 0;
    g->nruns = 0;
}
