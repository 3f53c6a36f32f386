/*
 * Issue 11, item 3: drawing a frame costs what is on screen. draw_layer treated every text run
 * as spanning the view, so each card left of it was drawn every frame (10,000 extra events: a
 * fling of 142 frames took 24 s and 110 MiB). Counted, not timed: the glyph quads and draw calls
 * of the timeline's first frame at today are the same with 200 and with 2,000 extra events off
 * screen to the left. Software renderer, SDL's dummy video driver.
 *   test_render_cull FONT_DIR
 */
#include "fixture.h"
#include "render.h"
#include "ui.h"
#include "vt_test.h"

#include <SDL.h>

#include <stdlib.h>

static const char *fonts;

/* Draws the timeline at today with n extra events; returns that frame's quads and draws. */
static void timeline_frame(VtRender *r, int n, unsigned long *quads, unsigned long *draws)
{
    VtContent c;
    VtMeasure m = render_measure(r);
    VtFrame f;
    VtUi *ui = fixture_long_timeline(&c, &m, n, &f);
    render_frame(r, &f); /* the first frame rasterises; count the second */
    VtRenderStats before = render_stats(r);
    render_frame(r, &f);
    VtRenderStats after = render_stats(r);
    *quads = after.glyph_quads - before.glyph_quads;
    *draws = after.draw_calls - before.draw_calls;
    CHECK(f.layers[0].page->width > 20 * 1920); /* most of the timeline is off screen */
    ui_free(ui);
    content_free(&c);
}

static void cards_off_screen_cost_nothing(void)
{
    char err[256];
    VtRenderConfig cfg = {1920, 1080, 0, 0, 1, 1, fonts};
    VtRender *r = render_new(&cfg, err, sizeof err);
    if (!r)
        fprintf(stderr, "%s\n", err);
    CHECK(r != NULL);
    if (!r)
        return;
    unsigned long q1, d1, q2, d2;
    timeline_frame(r, 200, &q1, &d1);
    timeline_frame(r, 2000, &q2, &d2);
    printf("glyph quads %lu and %lu, draw calls %lu and %lu\n", q1, q2, d1, d2);
    CHECK(q1 > 0);
    CHECK_INT(q2, q1);
    CHECK_INT(d2, d1);
    render_free(r);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_render_cull FONT_DIR\n");
        return 2;
    }
    fonts = argv[1];
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    RUN(cards_off_screen_cost_nothing);
    SDL_Quit();
    return vt_test_finish();
}
