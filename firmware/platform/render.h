/*
 * render: draws a VtFrame with an SDL renderer, and owns everything SDL about the screen:
 * the window, the renderer, the rotation, the glyph atlas and the QR code textures.
 *
 * Rotation (a screen mounted in portrait or upside down) is done once per frame: the ui draws
 * into a target texture of the logical size, which is copied rotated onto the window. At 0°
 * nothing extra is allocated. Touch coordinates are mapped back with render_unrotate() so
 * drawing and input always agree. Counters (frames, draw calls, texture creations and uploads,
 * glyph renders) are kept for `vitrine --stats` and the benchmarks.
 */
#ifndef VT_RENDER_H
#define VT_RENDER_H

#include "ui.h"

#include <stddef.h>

typedef struct {
    int width, height; /* window size when not fullscreen */
    int fullscreen;
    int rotate;   /* 0, 90, 180, 270 (clockwise) */
    int software; /* force the software renderer */
    int hidden;   /* no window shown (tests, benchmarks) */
    const char *font_dir;
} VtRenderConfig;

typedef struct {
    unsigned long frames;
    unsigned long draw_calls, draw_calls_max; /* total, and the most in one frame */
    unsigned long texture_creates;
    unsigned long texture_uploads;
    unsigned long glyph_renders;
    unsigned long glyph_quads; /* glyphs sent to the renderer, 4 vertices each */
} VtRenderStats;

typedef struct VtRender VtRender;

/* Opens the window and renderer and loads the fonts. Returns NULL with a reason in err. */
VtRender *render_new(const VtRenderConfig *cfg, char *err, size_t errlen);
void render_free(VtRender *r);

/* Writes which renderer draws ("opengles2 on V3D 4.2", "software") into out, for the log and
 * systemd's status line. */
void render_describe(const VtRender *r, char *out, size_t outlen);

/* Returns 1 when a CPU rasteriser draws (Mesa's softpipe or llvmpipe: a device without a GPU
 * driver), where one frame of a full screen can take seconds on a slow CPU; else 0. */
int render_cpu_raster(const VtRender *r);

/* The logical (rotated) size the ui lays out for. */
void render_size(const VtRender *r, int *w, int *h);

/* Re-reads the window size after a resize event; returns 1 when the logical size changed. */
int render_update_size(VtRender *r);

VtMeasure render_measure(VtRender *r);

/* Draws f; does not present. */
void render_frame(VtRender *r, const VtFrame *f);
void render_present(VtRender *r);

/* Shows a black screen (outside opening hours): one clear and present, then nothing. */
void render_blank(VtRender *r);

/* Saves what render_frame() drew as a PNG at path; returns 0, or -1 with a logged reason. */
int render_screenshot(VtRender *r, const char *path);

/* Maps a point in window pixels to logical coordinates. */
void render_unrotate(const VtRender *r, float px, float py, float *lx, float *ly);

/* Window size in pixels (before rotation), for normalised touch coordinates. */
void render_window_size(const VtRender *r, int *w, int *h);

VtRenderStats render_stats(const VtRender *r);

/* The physical size the display reports, with the pixel size it applies to (the display's,
 * before rotation): on KMSDRM the DRM connector's (kms_screen_mm), elsewhere SDL's DPI.
 * Returns 0 with all four filled (millimetres 0: none reported), or -1 when nothing could be
 * asked. *source names where it came from ("drm connector", "sdl dpi"). */
int render_screen_mm(const VtRender *r, int *w_mm, int *h_mm, int *w_px, int *h_px,
                     const char **source);

#endif
