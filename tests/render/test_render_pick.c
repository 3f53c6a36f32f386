/* The renderer choice's draw probe (firmware/platform/render_pick.c): it accepts a renderer that
 * draws, refuses one whose draws never reach the back buffer (simulated with an empty clip
 * rectangle: SDL_RenderClear ignores the clip, so only the clear colour comes back, as on the
 * device's failing `opengl` renderer), and render_pick() then falls back to the next candidate.
 * Runs on SDL's offscreen video driver with the software renderer. */
#include "render_pick.h"
#include "vt_test.h"

#include <SDL.h>

static SDL_Window *win;

static void probe_accepts_a_renderer_that_draws(void)
{
    SDL_Renderer *ren = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    char err[256] = "";
    CHECK(ren != NULL);
    CHECK_INT(render_pick_probe(ren, err, sizeof err), 0);
    SDL_DestroyRenderer(ren);
}

static void probe_refuses_a_renderer_that_only_clears(void)
{
    SDL_Renderer *ren = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    char err[256] = "";
    SDL_Rect nowhere = {200, 200, 1, 1};
    SDL_RenderSetClipRect(ren, &nowhere);
    CHECK_INT(render_pick_probe(ren, err, sizeof err), -1);
    CHECK(strstr(err, "read back #000000") != NULL);
    SDL_DestroyRenderer(ren);
}

static void pick_honours_software_and_names_no_gpu(void)
{
    char gpu[64] = "x", err[256] = "";
    SDL_Renderer *ren = render_pick(win, 1, gpu, sizeof gpu, err, sizeof err);
    CHECK(ren != NULL);
    SDL_RendererInfo info;
    CHECK_INT(ren ? SDL_GetRendererInfo(ren, &info) : -1, 0);
    CHECK_STR(ren ? info.name : NULL, "software");
    CHECK_STR(gpu, "");
    if (ren)
        SDL_DestroyRenderer(ren);
}

static void pick_skips_a_named_renderer_sdl_lacks(void)
{
    char err[256] = "";
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "no-such-renderer");
    SDL_Renderer *ren = render_pick(win, 0, NULL, 0, err, sizeof err);
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, NULL);
    CHECK(ren != NULL); /* the software renderer is the last resort */
    if (ren)
        SDL_DestroyRenderer(ren);
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    win = SDL_CreateWindow("t", 0, 0, 320, 240, SDL_WINDOW_HIDDEN);
    CHECK(win != NULL);
    RUN(probe_accepts_a_renderer_that_draws);
    RUN(probe_refuses_a_renderer_that_only_clears);
    RUN(pick_honours_software_and_names_no_gpu);
    RUN(pick_skips_a_named_renderer_sdl_lacks);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return vt_test_finish();
}
