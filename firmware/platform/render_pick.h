/*
 * render_pick: chooses an SDL renderer that really draws.
 *
 * SDL picks its first working renderer by its own order, and "working" means only that the
 * context was created. On the device that is not enough: on KMSDRM SDL 2.26 tries its desktop
 * `opengl` renderer first, and under Mesa on KMS that renderer can come up and still put nothing
 * but the clear colour on the screen. So the kiosk names the order itself (on KMSDRM:
 * opengles2, then opengl, then software; elsewhere SDL's own choice, then software) and accepts
 * a renderer only after a probe: it draws a textured, vertex-coloured quad the way the glyph
 * batch does (SDL_RenderGeometry) and a filled rectangle, reads both back with
 * SDL_RenderReadPixels, and moves on to the next candidate when a pixel is not what was drawn.
 * The probe never presents, so nothing of it reaches the screen.
 *
 * SDL_RENDER_DRIVER (or the hint of the same name) names a single renderer and is honoured
 * first, as SDL would; the software renderer stays the last resort everywhere.
 */
#ifndef VT_RENDER_PICK_H
#define VT_RENDER_PICK_H

#include <SDL.h>
#include <stddef.h>

/* Creates and probes renderers for win in order, logging each refusal with its reason.
 * software = 1 asks for SDL's software renderer only. Returns the first renderer that drew
 * correctly (owned by the caller: SDL_DestroyRenderer), or NULL with the last reason in err.
 * gpu (may be NULL) receives the GL implementation's name ("V3D 4.2", "softpipe", "llvmpipe
 * (LLVM 15.0.6, 256 bits)") for a GL renderer, "" otherwise. */
SDL_Renderer *render_pick(SDL_Window *win, int software, char *gpu, size_t gpulen, char *err,
                          size_t errlen);

/* Draws the probe on ren and reads it back: returns 0 when both shapes came back as drawn,
 * -1 with what came back in err. Leaves the back buffer dirty (the next frame clears it). */
int render_pick_probe(SDL_Renderer *ren, char *err, size_t errlen);

#endif
