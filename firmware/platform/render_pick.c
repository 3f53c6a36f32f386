/*
 * render_pick: the renderer order and the draw probe (see render_pick.h for why).
 *
 * The probe is two 16x16 squares side by side on a black clear: a white texture drawn through
 * SDL_RenderGeometry with an orange vertex colour (how every glyph is drawn), and a blue
 * SDL_RenderFillRect (how every box is drawn). Reading back the centre of each square checks
 * the whole path from SDL's command queue to the back buffer; a renderer that only clears, or
 * that drops textured geometry, fails it. A tolerance of a few levels allows for dithering.
 */
#include "render_pick.h"

#include "log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROBE_SIZE 16
#define PROBE_TOLERANCE 12
#define MAX_CANDIDATES 4

static const SDL_Color probe_geometry = {200, 120, 40, 255};
static const SDL_Color probe_fill = {40, 160, 220, 255};

static int near(int a, int b) { return abs(a - b) <= PROBE_TOLERANCE; }

/* Reads one pixel at (x, y) of the back buffer; returns 0, or -1 when SDL cannot. */
static int read_pixel(SDL_Renderer *ren, int x, int y, SDL_Color *c)
{
    Uint32 px = 0;
    SDL_Rect at = {x, y, 1, 1};
    if (SDL_RenderReadPixels(ren, &at, SDL_PIXELFORMAT_ARGB8888, &px, 4) != 0)
        return -1;
    c->r = (Uint8)(px >> 16);
    c->g = (Uint8)(px >> 8);
    c->b = (Uint8)px;
    c->a = 255;
    return 0;
}

static void draw_geometry_square(SDL_Renderer *ren, SDL_Texture *white)
{
    const float s = PROBE_SIZE;
    SDL_Vertex v[4] = {
        {{0, 0}, probe_geometry, {0, 0}},
        {{s, 0}, probe_geometry, {1, 0}},
        {{s, s}, probe_geometry, {1, 1}},
        {{0, s}, probe_geometry, {0, 1}},
    };
    static const int idx[6] = {0, 1, 2, 2, 3, 0};
    SDL_RenderGeometry(ren, white, v, 4, idx, 6);
}

static int check_pixel(SDL_Renderer *ren, int x, SDL_Color want, const char *what, char *err,
                       size_t errlen)
{
    SDL_Color got;
    if (read_pixel(ren, x, PROBE_SIZE / 2, &got) != 0) {
        snprintf(err, errlen, "cannot read pixels back: %s", SDL_GetError());
        return -1;
    }
    if (near(got.r, want.r) && near(got.g, want.g) && near(got.b, want.b))
        return 0;
    snprintf(err, errlen, "%s drawn as #%02x%02x%02x, read back #%02x%02x%02x", what, want.r,
             want.g, want.b, got.r, got.g, got.b);
    return -1;
}

int render_pick_probe(SDL_Renderer *ren, char *err, size_t errlen)
{
    Uint32 white[PROBE_SIZE * PROBE_SIZE];
    memset(white, 0xff, sizeof white);
    SDL_Texture *tex = SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                         PROBE_SIZE, PROBE_SIZE);
    if (!tex || SDL_UpdateTexture(tex, NULL, white, PROBE_SIZE * 4) != 0) {
        snprintf(err, errlen, "cannot create a texture: %s", SDL_GetError());
        if (tex)
            SDL_DestroyTexture(tex);
        return -1;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_SetRenderTarget(ren, NULL);
    SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
    SDL_RenderClear(ren);
    draw_geometry_square(ren, tex);
    SDL_SetRenderDrawColor(ren, probe_fill.r, probe_fill.g, probe_fill.b, 255);
    SDL_Rect fill = {PROBE_SIZE, 0, PROBE_SIZE, PROBE_SIZE};
    SDL_RenderFillRect(ren, &fill);
    int rc = check_pixel(ren, PROBE_SIZE / 2, probe_geometry, "a textured triangle", err, errlen);
    if (rc == 0)
        rc = check_pixel(ren, PROBE_SIZE * 3 / 2, probe_fill, "a filled rectangle", err, errlen);
    SDL_DestroyTexture(tex);
    SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
    SDL_RenderClear(ren);
    return rc;
}

static int driver_index(const char *name)
{
    int n = SDL_GetNumRenderDrivers();
    for (int i = 0; i < n; i++) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) == 0 && !strcmp(info.name, name))
            return i;
    }
    return -2;
}

/* The candidates in order; NULL stands for SDL's own choice. Returns how many. */
static int candidates(int software, const char **out)
{
    int n = 0;
    const char *named = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    const char *video = SDL_GetCurrentVideoDriver();
    if (!software && named && *named) {
        out[n++] = named;
    } else if (!software && video && !strcmp(video, "KMSDRM")) {
        out[n++] = "opengles2";
        out[n++] = "opengl";
    } else if (!software) {
        out[n++] = NULL;
    }
    out[n++] = "software";
    return n;
}

/* The GL implementation behind a GL renderer: its GL_RENDERER string. */
static void gl_name(SDL_Renderer *ren, char *gpu, size_t gpulen)
{
    SDL_RendererInfo info;
    gpu[0] = '\0';
    if (SDL_GetRendererInfo(ren, &info) != 0 || strncmp(info.name, "opengl", 6) != 0)
        return;
    typedef const unsigned char *(*GetString)(unsigned int);
    GetString get;
    void *sym = SDL_GL_GetProcAddress("glGetString");
    if (!sym)
        return;
    memcpy(&get, &sym, sizeof get);
    const unsigned char *s = get(0x1F01 /* GL_RENDERER */);
    if (s)
        snprintf(gpu, gpulen, "%s", (const char *)s);
}

static SDL_Renderer *create(SDL_Window *win, const char *name, char *err, size_t errlen)
{
    int soft = name && !strcmp(name, "software");
    Uint32 flags =
        SDL_RENDERER_TARGETTEXTURE | (soft ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_PRESENTVSYNC);
    int index = name ? driver_index(name) : -1;
    if (index == -2) {
        snprintf(err, errlen, "SDL has no renderer of that name");
        return NULL;
    }
    SDL_Renderer *ren = SDL_CreateRenderer(win, index, flags);
    if (!ren)
        snprintf(err, errlen, "%s", SDL_GetError());
    return ren;
}

SDL_Renderer *render_pick(SDL_Window *win, int software, char *gpu, size_t gpulen, char *err,
                          size_t errlen)
{
    const char *order[MAX_CANDIDATES];
    int n = candidates(software, order);
    char why[256] = "no renderer to try";
    char name[64];
    for (int i = 0; i < n; i++) {
        const char *label = order[i] ? order[i] : "SDL's default";
        SDL_Renderer *ren = create(win, order[i], why, sizeof why);
        if (ren && render_pick_probe(ren, why, sizeof why) == 0) {
            SDL_RendererInfo info;
            snprintf(name, sizeof name, "%s",
                     SDL_GetRendererInfo(ren, &info) == 0 ? info.name : label);
            if (gpu)
                gl_name(ren, gpu, gpulen);
            log_info("render", "renderer %s%s%s passed the draw probe", name,
                     gpu && gpu[0] ? " on " : "", gpu && gpu[0] ? gpu : "");
            return ren;
        }
        log_warn("render", "renderer %s not used: %s", label, why);
        if (ren)
            SDL_DestroyRenderer(ren);
    }
    snprintf(err, errlen, "no renderer draws on this display (last: %s)", why);
    return NULL;
}
