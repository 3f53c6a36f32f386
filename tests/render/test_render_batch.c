/*
 * The renderer batches fills (fills.h: one SDL_RenderFillRects per colour group) and lets a fill
 * go ahead of queued text only where it covers none of it. Checked by pixels read back: a fill
 * over text hides it, text over a fill shows, a fill is not moved before one it covers; and
 * counted: a bar of buttons (a fill, a frame and a label each) costs a draw call per colour and
 * one for all the labels, not one per rectangle. Software renderer, SDL's dummy video driver.
 *   test_render_batch FONT_DIR
 */
#include "render.h"
#include "theme.h"
#include "vt_test.h"

#include <SDL.h>
#include <SDL_image.h>

#include <stdio.h>
#include <string.h>

static const char *fonts;
static VtRender *r; /* a 320x240 software renderer, shared by the tests */
static const VtColor RED = {255, 0, 0, 255};

/* Draws page p once on r; returns the frame's draw calls. */
static unsigned long draw(VtPage *p)
{
    VtFrame f = {0};
    f.clear = VT_BG;
    f.layers[f.nlayers++] = (VtLayer){p, 0, 0, {0, 0, 320, 240}, 255};
    unsigned long before = render_stats(r).draw_calls;
    render_frame(r, &f);
    return render_stats(r).draw_calls - before;
}

/* Pixels in rc that are not pure red, read back from the frame drawn. */
static int not_red(SDL_Rect rc)
{
    const char *path = "/tmp/vt-render-batch.png";
    CHECK_INT(render_screenshot(r, path), 0);
    SDL_Surface *raw = IMG_Load(path),
                *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    remove(path);
    CHECK(s != NULL);
    int n = 0;
    for (int y = rc.y; s && y < rc.y + rc.h; y++)
        for (int x = rc.x; x < rc.x + rc.w; x++)
            n += ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] != 0xFFFF0000u;
    SDL_FreeSurface(s);
    SDL_FreeSurface(raw);
    return n;
}

static void fills_keep_the_painters_order(void)
{
    const char *t = "HHHH";
    VtPage p = {0};
    page_text(&p, 10, 10, 0, 60, t, strlen(t), VT_FONT_BOLD, 40, VT_TEXT);
    page_fill(&p, (VtRect){0, 0, 320, 80}, RED); /* over the text: hides it */
    draw(&p);
    CHECK_INT(not_red((SDL_Rect){0, 0, 320, 80}), 0);
    page_clear(&p);
    page_fill(&p, (VtRect){0, 0, 320, 80}, RED); /* under the text: shows it */
    page_text(&p, 10, 10, 0, 60, t, strlen(t), VT_FONT_BOLD, 40, VT_TEXT);
    page_fill(&p, (VtRect){0, 100, 320, 20}, VT_ACCENT); /* apart from the text: goes first */
    draw(&p);
    CHECK(not_red((SDL_Rect){0, 0, 320, 80}) > 100);
    /* a red fill over an accent one, not moved before it into the earlier red group: also when
     * it is 0 wide (SDL still fills one pixel's width; the timeline draws such a sliver) */
    page_clear(&p);
    page_fill(&p, (VtRect){0, 200, 10, 10}, RED);
    page_fill(&p, (VtRect){90, 120, 40, 40}, VT_ACCENT);
    page_fill(&p, (VtRect){100, 130, 0, 10}, RED);
    draw(&p);
    CHECK_INT(not_red((SDL_Rect){100, 130, 1, 10}), 0);
    page_free(&p);
}

static void a_bar_of_buttons_is_a_few_calls(void)
{
    VtPage p = {0};
    page_fill(&p, (VtRect){0, 0, 320, 60}, VT_SURFACE);
    for (int i = 0; i < 5; i++) {
        VtRect b = {4 + i * 62, 8, 56, 44};
        page_fill(&p, b, VT_BG);
        page_frame(&p, b, VT_LINE);
        page_text(&p, b.x + 6, b.y + 4, 0, 36, "Ok", 2, VT_FONT_BOLD, 20, VT_TEXT);
    }
    unsigned long calls = draw(&p);
    printf("a bar of 5 buttons: %lu draw calls (one per rectangle and label: 31)\n", calls);
    CHECK(calls <= 4); /* the bar's colour, the buttons' and their frames', the labels */
    page_free(&p);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_render_batch FONT_DIR\n");
        return 2;
    }
    fonts = argv[1];
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    char err[256];
    VtRenderConfig cfg = {320, 240, 0, 0, 1, 1, fonts};
    r = render_new(&cfg, err, sizeof err);
    if (!r)
        fprintf(stderr, "%s\n", err);
    CHECK(r != NULL);
    if (r) {
        RUN(fills_keep_the_painters_order);
        RUN(a_bar_of_buttons_is_a_few_calls);
    }
    render_free(r);
    SDL_Quit();
    return vt_test_finish();
}
