/*
 * render: SDL window, renderer and frame drawing.
 *
 * Fills go through the fill batch (fills.h: a call per colour group) and text through the glyph
 * batch. The painter's order of the page is kept by what may overlap: a fill over text still
 * queued draws that text first, and a fill that covers none of it joins the fill batch, which is
 * always drawn before the queued text (a bar of buttons, each a fill, a frame and a label: three
 * fill calls and one text call). Boxes outside a layer's clip are skipped before any SDL call, so a
 * long page costs only what is visible.
 */
#include "render.h"

#include "buf.h"
#include "fills.h"
#include "glyphs.h"
#include "kms.h"
#include "log.h"
#include "qr.h"
#include "render_pick.h"
#include "window.h"

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QR_CACHE 32

struct VtRender {
    VtRenderConfig cfg;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *target; /* rotation only */
    VtGlyphs *glyphs;
    int win_w, win_h, w, h;
    struct {
        char *data;
        SDL_Texture *tex;
    } qr[QR_CACHE];
    int nqr;
    unsigned long own_creates, own_draws, frame_draws;
    VtFills *fills;
    VtRenderStats stats;
    char name[32]; /* the SDL renderer that passed the draw probe */
    char gpu[96];  /* its GL implementation, "" for a non-GL renderer */
};

static int rotated(const VtRender *r) { return r->cfg.rotate == 90 || r->cfg.rotate == 270; }

static int make_target(VtRender *r)
{
    if (r->target)
        SDL_DestroyTexture(r->target);
    r->target = NULL;
    if (!r->cfg.rotate)
        return 0;
    r->target =
        SDL_CreateTexture(r->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, r->w, r->h);
    r->own_creates++;
    return r->target ? 0 : -1;
}

int render_update_size(VtRender *r)
{
    int ow = r->w, oh = r->h;
    SDL_GetRendererOutputSize(r->ren, &r->win_w, &r->win_h);
    r->w = rotated(r) ? r->win_h : r->win_w;
    r->h = rotated(r) ? r->win_w : r->win_h;
    if (ow == r->w && oh == r->h)
        return 0;
    make_target(r);
    return 1;
}

VtRender *render_new(const VtRenderConfig *cfg, char *err, size_t errlen)
{
    VtRender *r = xcalloc(1, sizeof *r);
    r->cfg = *cfg;
    r->win = window_open(cfg, err, errlen);
    if (!r->win)
        goto fail;
    r->ren = render_pick(r->win, cfg->software, r->gpu, sizeof r->gpu, err, errlen);
    if (!r->ren)
        goto fail;
    SDL_RendererInfo info;
    snprintf(r->name, sizeof r->name, "%s",
             SDL_GetRendererInfo(r->ren, &info) == 0 ? info.name : "?");
    log_info("render", "renderer %s, video driver %s", r->name, SDL_GetCurrentVideoDriver());
    if (render_cpu_raster(r))
        log_warn("render", "no GPU driver: Mesa draws in software (%s); slower, still correct",
                 r->gpu);
    if (cfg->fullscreen)
        SDL_ShowCursor(SDL_DISABLE);
    render_update_size(r);
    make_target(r);
    int s = r->w > r->h ? r->w : r->h;
    r->fills = fills_new(r->ren);
    r->glyphs = glyphs_new(r->ren, cfg->font_dir, s > 2000 ? 2048 : 1024, err, errlen);
    if (!r->glyphs)
        goto fail;
    return r;
fail:
    render_free(r);
    return NULL;
}

void render_free(VtRender *r)
{
    if (!r)
        return;
    glyphs_free(r->glyphs);
    for (int i = 0; i < r->nqr; i++) {
        SDL_DestroyTexture(r->qr[i].tex);
        free(r->qr[i].data);
    }
    if (r->target)
        SDL_DestroyTexture(r->target);
    fills_free(r->fills);
    if (r->ren)
        SDL_DestroyRenderer(r->ren);
    if (r->win)
        SDL_DestroyWindow(r->win);
    free(r);
}

int render_cpu_raster(const VtRender *r)
{
    return strstr(r->gpu, "softpipe") || strstr(r->gpu, "llvmpipe") || strstr(r->gpu, "swrast");
}

void render_describe(const VtRender *r, char *out, size_t outlen)
{
    snprintf(out, outlen, "%s%s%s", r->name, r->gpu[0] ? " on " : "", r->gpu);
}

void render_size(const VtRender *r, int *w, int *h)
{
    *w = r->w;
    *h = r->h;
}

void render_window_size(const VtRender *r, int *w, int *h)
{
    *w = r->win_w;
    *h = r->win_h;
}

VtMeasure render_measure(VtRender *r) { return glyphs_measure(r->glyphs); }

void render_unrotate(const VtRender *r, float px, float py, float *lx, float *ly)
{
    float W = (float)r->win_w, H = (float)r->win_h;
    switch (r->cfg.rotate) {
    case 90:
        *lx = py;
        *ly = W - px;
        break;
    case 180:
        *lx = W - px;
        *ly = H - py;
        break;
    case 270:
        *lx = H - py;
        *ly = px;
        break;
    default:
        *lx = px;
        *ly = py;
        break;
    }
}

static SDL_Texture *qr_texture(VtRender *r, const char *data)
{
    for (int i = 0; i < r->nqr; i++)
        if (!strcmp(r->qr[i].data, data))
            return r->qr[i].tex;
    if (r->nqr == QR_CACHE)
        return NULL;
    SDL_Texture *t = qr_make_texture(r->ren, data);
    if (!t)
        return NULL;
    r->own_creates++;
    r->qr[r->nqr].data = xstrdup(data);
    r->qr[r->nqr].tex = t;
    r->nqr++;
    return t;
}

/* Draws everything batched, fills first (none of them covers the queued text). */
static void flush(VtRender *r)
{
    fills_draw(r->fills);
    glyphs_flush(r->glyphs);
}

static void fill(VtRender *r, SDL_Rect rc, VtColor c, uint8_t alpha)
{
    SDL_Rect touched = fills_touched(rc);
    if (glyphs_queued_over(r->glyphs, &touched))
        flush(r);
    fills_add(r->fills, rc, (SDL_Color){c.r, c.g, c.b, (uint8_t)(c.a * alpha / 255)});
}

static void draw_box(VtRender *r, const VtBox *b, int dx, int dy, uint8_t alpha)
{
    SDL_Rect rc = {b->r.x + dx, b->r.y + dy, b->r.w, b->r.h};
    switch (b->kind) {
    case VT_BOX_FILL: fill(r, rc, b->color, alpha); break;
    case VT_BOX_FRAME: {
        int t = r->h / 400 > 1 ? r->h / 400 : 1;
        fill(r, (SDL_Rect){rc.x, rc.y, rc.w, t}, b->color, alpha);
        fill(r, (SDL_Rect){rc.x, rc.y + rc.h - t, rc.w, t}, b->color, alpha);
        fill(r, (SDL_Rect){rc.x, rc.y, t, rc.h}, b->color, alpha);
        fill(r, (SDL_Rect){rc.x + rc.w - t, rc.y, t, rc.h}, b->color, alpha);
        break;
    }
    case VT_BOX_TEXT: {
        VtColor c = b->color;
        c.a = (uint8_t)(c.a * alpha / 255);
        glyphs_run(r->glyphs, b->text, b->style, b->px, rc.x, rc.y, rc.h, c);
        break;
    }
    case VT_BOX_QR: {
        SDL_Texture *t = qr_texture(r, b->text);
        if (t) {
            flush(r);
            SDL_SetTextureAlphaMod(t, alpha);
            SDL_RenderCopy(r->ren, t, NULL, &rc);
            r->frame_draws++;
        }
        break;
    }
    }
}

static void draw_layer(VtRender *r, const VtLayer *l)
{
    SDL_Rect clip = {l->clip.x, l->clip.y, l->clip.w, l->clip.h};
    flush(r);
    SDL_RenderSetClipRect(r->ren, &clip);
    VtRect view = {l->clip.x - l->dx, l->clip.y - l->dy, l->clip.w, l->clip.h};
    for (int i = 0; i < l->page->nboxes; i++) {
        const VtBox *b = &l->page->boxes[i];
        VtRect bb = b->r;
        /* A run is culled by its measured extent, widened by a line height on each side for
         * glyphs that overhang their advance (italics); so the cards left of the view cost
         * nothing per frame. A run of unknown width (0) is kept when its line is in view. */
        if (b->kind == VT_BOX_TEXT && b->r.w > 0)
            bb = (VtRect){b->r.x - b->r.h, b->r.y, b->r.w + 2 * b->r.h, b->r.h};
        else if (b->kind == VT_BOX_TEXT)
            bb = (VtRect){view.x, b->r.y, b->r.x > view.x + view.w ? 0 : view.w, b->r.h};
        if (rect_overlaps(bb, view))
            draw_box(r, b, l->dx, l->dy, l->alpha);
    }
    flush(r);
    SDL_RenderSetClipRect(r->ren, NULL);
}

void render_frame(VtRender *r, const VtFrame *f)
{
    const VtGlyphStats *gs = glyphs_stats(r->glyphs);
    unsigned long glyph_draws = gs->draw_calls, fill_draws = fills_calls(r->fills);
    r->frame_draws = 0;
    SDL_SetRenderTarget(r->ren, r->target);
    SDL_SetRenderDrawBlendMode(r->ren, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r->ren, f->clear.r, f->clear.g, f->clear.b, 255);
    SDL_RenderClear(r->ren);
    for (int i = 0; i < f->nlayers; i++) /* the marks too: the ui chose their looks */
        draw_layer(r, &f->layers[i]);
    if (r->target) {
        SDL_SetRenderTarget(r->ren, NULL);
        SDL_SetRenderDrawColor(r->ren, 0, 0, 0, 255);
        SDL_RenderClear(r->ren);
        SDL_Rect dst = {(r->win_w - r->w) / 2, (r->win_h - r->h) / 2, r->w, r->h};
        SDL_RenderCopyEx(r->ren, r->target, NULL, &dst, r->cfg.rotate, NULL, SDL_FLIP_NONE);
        r->frame_draws++;
    }
    unsigned long draws =
        r->frame_draws + (gs->draw_calls - glyph_draws) + (fills_calls(r->fills) - fill_draws);
    r->stats.frames++;
    r->stats.draw_calls += draws;
    if (draws > r->stats.draw_calls_max)
        r->stats.draw_calls_max = draws;
}

void render_present(VtRender *r) { SDL_RenderPresent(r->ren); }

void render_blank(VtRender *r)
{
    SDL_SetRenderTarget(r->ren, NULL);
    SDL_SetRenderDrawColor(r->ren, 0, 0, 0, 255);
    SDL_RenderClear(r->ren);
    SDL_RenderPresent(r->ren);
}

int render_screenshot(VtRender *r, const char *path)
{
    SDL_Surface *s =
        SDL_CreateRGBSurfaceWithFormat(0, r->win_w, r->win_h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return -1;
    int rc = SDL_RenderReadPixels(r->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    if (rc == 0)
        rc = IMG_SavePNG(s, path);
    if (rc != 0)
        log_error("render", "cannot save screenshot %s: %s", path, SDL_GetError());
    SDL_FreeSurface(s);
    return rc == 0 ? 0 : -1;
}

VtRenderStats render_stats(const VtRender *r)
{
    const VtGlyphStats *gs = glyphs_stats(r->glyphs);
    VtRenderStats s = r->stats;
    s.texture_creates = r->own_creates + gs->texture_creates;
    s.texture_uploads = gs->texture_uploads;
    s.glyph_renders = gs->glyph_renders;
    s.glyph_quads = gs->quads;
    return s;
}

int render_screen_mm(const VtRender *r, int *w_mm, int *h_mm, int *w_px, int *h_px,
                     const char **source)
{
    const char *drv = SDL_GetCurrentVideoDriver();
    if (drv && !strcmp(drv, "KMSDRM")) { /* SDL 2.26's KMSDRM reports no DPI */
        *source = "drm connector";
        return kms_screen_mm(NULL, w_mm, h_mm, w_px, h_px);
    }
    *source = "sdl dpi";
    int d = SDL_GetWindowDisplayIndex(r->win);
    SDL_DisplayMode m;
    float hd = 0, vd = 0;
    if (d < 0 || SDL_GetDesktopDisplayMode(d, &m) != 0 || SDL_GetDisplayDPI(d, NULL, &hd, &vd))
        return -1;
    *w_px = m.w;
    *h_px = m.h;
    *w_mm = hd > 0 ? (int)lroundf(m.w * 25.4f / hd) : 0;
    *h_mm = vd > 0 ? (int)lroundf(m.h * 25.4f / vd) : 0;
    return 0;
}
