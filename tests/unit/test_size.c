/*
 * Unit tests of sizing by the real screen (issue 13 item 1), the larger-text control (issue 14
 * item 2), the contrast of what can be touched (issue 14 item 5, issue 13 bug 12) and the
 * navigation bar at the bottom (issue 14 item 6), through ui.h and the theme, with the fixture
 * content and its fake measurer. The same rules with the real font on the five panels are in
 * tests/render/test_layout_font.c.
 */
#include "fixture.h"
#include "idle.h"
#include "layout_check.h"
#include "theme.h"
#include "ui.h"
#include "vt_test.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static VtContent C;
static VtMeasure M;
static uint64_t T;

static VtUi *start(int w, int h, float ppmm, int text_pct, int bottom)
{
    VtUiConfig cfg;
    ui_config_default(&cfg);
    cfg.ppmm = ppmm;
    cfg.text_pct = text_pct;
    cfg.controls_bottom = bottom;
    T = FIXTURE_T0;
    return fixture_ui(&C, &M, w, h, &cfg);
}

static void tap_action(VtUi *ui, VtAction a) { CHECK(fixture_tap_action(ui, a, 0, &T, 100)); }

static void implausible_sizes_are_refused(void)
{
    char why[160];
    CHECK(fabsf(theme_ppmm(800, 480, 154, 86, why, sizeof why) - 480 / 86.0f) < 0.01f);
    CHECK(fabsf(theme_ppmm(3840, 2160, 597, 336, why, sizeof why) - 3840 / 597.0f) < 0.01f);
    CHECK(theme_ppmm(1280, 800, 0, 0, why, sizeof why) == 0); /* a virtio GPU without EDID */
    CHECK(strstr(why, "no physical size") != NULL);
    CHECK(theme_ppmm(1920, 1080, 160, 90, why, sizeof why) == 0); /* a TV's "16:9" */
    CHECK(theme_ppmm(1920, 1080, 1600, 900, why, sizeof why) == 0);
    CHECK(theme_ppmm(1920, 1080, 194, 344, why, sizeof why) == 0);   /* the wrong shape */
    CHECK(theme_ppmm(1920, 1080, 3440, 1940, why, sizeof why) == 0); /* 0.56 px/mm */
    CHECK(strstr(why, "outside") != NULL);
}

/* Without a size the kiosk is sized as a 7" panel (short side 86 mm), as it always was. */
static void unknown_density_is_a_seven_inch_panel(void)
{
    VtTheme a, b;
    theme_init(&a, 1920, 1080, 0);
    theme_init(&b, 1920, 1080, 1080 / 86.0f);
    CHECK(!a.ppmm_known && fabsf(a.ppmm - 1080 / 86.0f) < 0.01f);
    CHECK_INT(a.body_px, b.body_px);
    CHECK_INT(a.target, b.target);
}

/* The poster size for 2-3 m: 12 mm cap height where the panel allows, less on a 7". */
static void poster_text_is_sized_for_three_metres(void)
{
    VtTheme t;
    theme_init(&t, 1920, 1080, 1920 / 344.0f);
    CHECK(t.poster_px * VT_CAP_RATIO / t.ppmm >= 11.9f);
    theme_init(&t, 800, 480, 480 / 86.0f);
    CHECK(t.poster_px > t.head_px && t.poster_px * 6.5f * 1.15f <= 480);
}

/* Swipes in millimetres per second of the real screen: 200 mm/s turns the reader's page on a
 * 15.6" panel (on the old 86 mm assumption it looked like 89 mm/s, below the 150 needed). */
static void swipe_speed_is_in_real_millimetres(void)
{
    float ppmm = 1920 / 344.0f;
    VtUi *ui = start(1920, 1080, ppmm, 100, 0);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    int q = -1;
    for (int i = 0; i < C.docs[0].nitems && q < 0; i++)
        q = C.docs[0].items[i].kind == VT_ITEM_QUESTION ? i : -1;
    ui_activate(ui, VT_ACT_OPEN_ITEM, 0, q);
    fixture_frame(ui);
    float x = 1500, step = 200.0f * ppmm / 100; /* 200 mm/s in 10 ms steps */
    VtPtrEvent e = {VT_PTR_DOWN, 1, x, 600, T};
    ui_pointer(ui, &e);
    for (int i = 1; i <= 20; i++) {
        e = (VtPtrEvent){VT_PTR_MOVE, 1, x - step * i, 600, T + 10 * (uint64_t)i};
        ui_pointer(ui, &e);
    }
    e = (VtPtrEvent){VT_PTR_UP, 1, x - step * 20, 600, T + 200};
    ui_pointer(ui, &e);
    CHECK(ui_view(ui).item != q);
    ui_free(ui);
}

/* The colour a point shows in a frame: the fills over it, layer by layer, at their alphas. */
static VtColor composite_at(const VtFrame *f, int x, int y)
{
    VtColor c = f->clear;
    for (int l = 0; l < f->nlayers; l++) {
        const VtLayer *L = &f->layers[l];
        if (!rect_contains(L->clip, x, y))
            continue;
        for (int i = 0; i < L->page->nboxes; i++) {
            const VtBox *b = &L->page->boxes[i];
            if (b->kind != VT_BOX_FILL || !rect_contains(b->r, x - L->dx, y - L->dy))
                continue;
            VtColor a = b->color;
            a.a = (uint8_t)(a.a * L->alpha / 255);
            c = theme_blend(a, c);
        }
    }
    return c;
}

/* Issue 13 bug 12: the invitation band stays the accent through a slide change, so its white
 * text keeps its contrast (it fell to 5.3:1 when the old slide's page faded over it). */
static void attract_band_does_not_lighten_in_fades(void)
{
    VtUi *ui = start(1280, 800, 0, 100, 0);
    ui_tick(ui, 1000);
    fixture_frame(ui);
    double worst = 21;
    for (uint64_t t = 1000 + VT_ATTRACT_DEFAULT_DWELL_MS; t < 2000 + VT_ATTRACT_DEFAULT_DWELL_MS;
         t += 50) {
        ui_tick(ui, t);
        VtFrame f = fixture_frame(ui);
        const VtPage *p = f.layers[0].page;
        for (int i = 0; i < p->nboxes; i++) {
            const VtBox *b = &p->boxes[i];
            if (b->kind != VT_BOX_FILL || b->r.w < 1280 || b->color.g != VT_ACCENT.g ||
                b->color.b != VT_ACCENT.b)
                continue; /* the full-width accent band */
            VtColor c = composite_at(&f, 640, b->r.y + b->r.h / 2);
            double r = theme_contrast(VT_ON_ACCENT, c);
            worst = r < worst ? r : worst;
        }
    }
    CHECK(worst >= 7.0);
    ui_free(ui);
}

/* WCAG 1.4.11: the boundary of every target (its frame, or its fill where it has none or the
 * frame is the colour around it, as a white button's on the accent bar) is 3:1 against what
 * surrounds it: the page for cards and buttons, the accent bar for the bar's. */
static int weak_boundaries(const VtPage *p, VtColor around)
{
    int weak = 0;
    for (int h = 0; h < p->nhits; h++) {
        VtRect r = p->hits[h].r;
        VtColor frame = around, fill = around;
        for (int i = 0; i < p->nboxes; i++) {
            const VtBox *b = &p->boxes[i];
            if (b->r.x == r.x && b->r.y == r.y && b->r.w == r.w && b->r.h == r.h) {
                frame = b->kind == VT_BOX_FRAME ? b->color : frame;
                fill = b->kind == VT_BOX_FILL ? b->color : fill;
            }
        }
        VtColor edge = theme_contrast(frame, around) > 1.01 ? frame : fill;
        if (theme_contrast(edge, around) < 3.0) {
            fprintf(stderr, "target %d: boundary %.1f:1\n", h, theme_contrast(edge, around));
            weak++;
        }
    }
    return weak;
}

static void target_boundaries_reach_three_to_one(void)
{
    CHECK(theme_contrast(VT_LINE, VT_BG) >= 3.0);
    CHECK(theme_contrast(VT_LINE, VT_SURFACE) >= 3.0);
    VtTheme t;
    theme_init(&t, 1280, 800, 0);
    VtPage p = {0};
    for (VtLang l = VT_LANG_NL; l <= VT_LANG_EN; l++) {
        VtBuild b = {&C, &t, &M, l, fixture_today()};
        for (int d = 0; d < C.ndocs; d++) {
            screen_doc_build(&p, &b, d);
            CHECK_INT(weak_boundaries(&p, VT_BG), 0);
            page_clear(&p);
        }
        VtPage ctl = {0};
        VtTimelineInfo tl;
        screen_timeline_build(&p, &ctl, &b, 700, &tl);
        CHECK_INT(weak_boundaries(&p, VT_BG), 0);
        CHECK_INT(weak_boundaries(&ctl, VT_BG), 0); /* the band's chips and arrows */
        page_clear(&p);
        page_free(&ctl);
        screen_chrome_build(&p, &b, "Titel", 1, NULL, 0);
        CHECK_INT(weak_boundaries(&p, VT_ACCENT), 0);
        page_clear(&p);
    }
    page_free(&p);
}

/* Issue 14 item 2: A+ walks 100, 125, 150, 200 % and back; the size stays for the visit and
 * returns to the configured one when the kiosk goes back to the attract loop. */
static void text_size_steps_and_resets_at_idle(void)
{
    VtUi *ui = start(800, 480, 480 / 86.0f, 130, 0);
    CHECK_INT(ui_text_pct(ui), 125); /* a configured 130 % is the 125 % step */
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    ui_activate(ui, VT_ACT_OPEN_DOC, 0, 0);
    static const int want[] = {150, 200, 100, 125, 150};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        tap_action(ui, VT_ACT_TEXT_SIZE);
        CHECK_INT(ui_text_pct(ui), want[i]);
        CHECK_INT(ui_screen(ui), VT_SCR_DOC); /* the same screen, laid out again */
    }
    ui_tick(ui, T + 200000);
    CHECK_INT(ui_screen(ui), VT_SCR_ATTRACT);
    CHECK_INT(ui_text_pct(ui), 125);
    ui_free(ui);
    /* every screen lays out cleanly at every step on the five panels */
    static const int panels[][4] = {{800, 480, 154, 86},
                                    {720, 1280, 88, 155},
                                    {1280, 720, 155, 88},
                                    {1920, 1080, 344, 194},
                                    {3840, 2160, 597, 336}};
    for (size_t i = 0; i < sizeof panels / sizeof *panels; i++)
        for (int s = 0; s < VT_TEXT_STEPS; s++) {
            char why[160];
            VtTheme t;
            theme_init_scaled(
                &t, panels[i][0], panels[i][1],
                theme_ppmm(panels[i][0], panels[i][1], panels[i][2], panels[i][3], why, sizeof why),
                VT_TEXT_STEP_PCT[s]);
            CHECK_INT(layout_check_theme(&C, &M, &t, NULL, fixture_today()), 0);
        }
}

/* Issue 14 item 6: with controls = bottom the bar's targets are in the lower part of the
 * screen, the page scrolls above them, and the idle warning sits above the bar. */
static void controls_at_the_bottom_are_within_reach(void)
{
    VtUi *ui = start(800, 480, 480 / 86.0f, 100, 1);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    ui_activate(ui, VT_ACT_OPEN_DOC, 0, 0);
    VtFrame f = fixture_frame(ui);
    const VtLayer *page = &f.layers[0];
    int bar_y = page->clip.y + page->clip.h; /* the bar: all below the page */
    CHECK(page->clip.y == 0 && bar_y >= 480 * 3 / 4 && bar_y < 480);
    static const VtAction acts[] = {VT_ACT_HOME, VT_ACT_BACK, VT_ACT_TEXT_SIZE, VT_ACT_ABOUT,
                                    VT_ACT_LANG};
    for (size_t i = 0; i < sizeof acts / sizeof *acts; i++) {
        float x, y;
        CHECK_INT(ui_hit_center(ui, acts[i], 0, &x, &y), 0);
        CHECK(y >= bar_y);
    }
    tap_action(ui, VT_ACT_HOME);
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE);
    ui_tick(ui, T + 85000); /* the idle warning: above the bar, not over it */
    f = fixture_frame(ui);
    CHECK(ui_idle_warning(ui) > 0);
    const VtPage *warn = f.layers[2].page;
    CHECK(warn->nboxes > 0 && warn->boxes[0].r.y + warn->boxes[0].r.h <= bar_y);
    ui_free(ui);
}

int main(void)
{
    fixture_content(&C);
    M = fixture_measure();
    RUN(implausible_sizes_are_refused);
    RUN(unknown_density_is_a_seven_inch_panel);
    RUN(poster_text_is_sized_for_three_metres);
    RUN(swipe_speed_is_in_real_millimetres);
    RUN(attract_band_does_not_lighten_in_fades);
    RUN(target_boundaries_reach_three_to_one);
    RUN(text_size_steps_and_resets_at_idle);
    RUN(controls_at_the_bottom_are_within_reach);
    content_free(&C);
    return vt_test_finish();
}
