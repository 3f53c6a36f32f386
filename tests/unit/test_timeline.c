/*
 * The timeline as the exhibit's spine (issue 13, item 4 and bug 5; issue 14, item 4), through
 * ui.h with the fixture's content and measurer, without a window:
 *   - on entry the whole arc is on the screen: the first and the last event's year;
 *   - the hint is on the screen where the timeline opens (it sat at the far left);
 *   - the arrow buttons, the year chips and Home move the cards with single taps;
 *   - a long page (the document overview) has visible scroll buttons that move it;
 *   - in portrait the cards run down the screen, full width, and fill it;
 *   - the overview's marks and the visible span cost what the screen shows.
 */
#include "fixture.h"
#include "ui.h"
#include "vt_test.h"

#include <string.h>

static VtMeasure M;
static uint64_t T;

static VtUi *open_timeline(VtContent *c, int w, int h)
{
    T = FIXTURE_T0;
    VtUi *ui = fixture_ui(c, &M, w, h, NULL);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    return ui;
}

/* Taps the centre of the nth target doing a; 0 when it is not on the screen. */
static int tap_action(VtUi *ui, VtAction a, int nth)
{
    return fixture_tap_action(ui, a, nth, &T, 1000);
}

/* The screen rectangle of the first text run containing s, in any layer, clipped to its
 * layer; w = 0 when none is visible. */
static VtRect visible_text(const VtFrame *f, const char *s)
{
    for (int l = 0; l < f->nlayers; l++) {
        const VtLayer *ly = &f->layers[l];
        for (int i = 0; i < ly->page->nboxes; i++) {
            const VtBox *b = &ly->page->boxes[i];
            if (b->kind != VT_BOX_TEXT || !strstr(b->text, s))
                continue;
            VtRect r = {b->r.x + ly->dx, b->r.y + ly->dy, b->r.w > 0 ? b->r.w : 1, b->r.h};
            if (rect_contains(ly->clip, r.x, r.y) &&
                rect_contains(ly->clip, r.x + r.w - 1, r.y + r.h - 1))
                return r;
        }
    }
    return (VtRect){0, 0, 0, 0};
}

static void whole_arc_and_hint_on_entry(void)
{
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {720, 1280}, {3840, 2160}};
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        VtContent c;
        fixture_content(&c);
        fixture_add_events(&c, 200, 2005); /* a long row: it opens far from its start */
        VtUi *ui = open_timeline(&c, sizes[s][0], sizes[s][1]);
        VtFrame f = fixture_frame(ui);
        CHECK(ui_scroll_offset(ui) > 0);
        CHECK(visible_text(&f, "2005").w > 0);            /* the first event's year */
        CHECK(visible_text(&f, "2028").w > 0);            /* the last one's, the target */
        CHECK(visible_text(&f, "Tik op een jaar").w > 0); /* the hint, where the view opens */
        ui_free(ui);
        content_free(&c);
    }
}

static void buttons_move_the_timeline(void)
{
    VtContent c;
    fixture_content(&c);
    fixture_add_events(&c, 40, 2005);
    VtUi *ui = open_timeline(&c, 1280, 720);
    fixture_frame(ui);
    int open = ui_scroll_offset(ui);
    CHECK(open > 0);
    CHECK(tap_action(ui, VT_ACT_SCROLL, 0)); /* back: towards the past */
    int back = ui_scroll_offset(ui);
    CHECK(back < open);
    CHECK(tap_action(ui, VT_ACT_SCROLL, 1)); /* on */
    CHECK(ui_scroll_offset(ui) > back);
    CHECK(tap_action(ui, VT_ACT_YEAR, 0)); /* the first chip: 2005, the start */
    CHECK_INT(ui_scroll_offset(ui), 0);
    CHECK(tap_action(ui, VT_ACT_YEAR, 1)); /* 2011: the fixture's first own event */
    int y2011 = ui_scroll_offset(ui);
    CHECK(y2011 > 0);
    CHECK(tap_action(ui, VT_ACT_HOME, 0)); /* "Tijdlijn" on the timeline: back to today */
    CHECK_INT(ui_scroll_offset(ui), open);
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE);
    ui_free(ui);
    content_free(&c);
}

static void long_pages_have_scroll_buttons(void)
{
    VtContent c;
    fixture_content(&c);
    VtUi *ui = open_timeline(&c, 800, 480);
    ui_activate(ui, VT_ACT_OPEN_DOC, 0, 0); /* taller than the 7" screen */
    fixture_frame(ui);
    CHECK_INT(ui_scroll_offset(ui), 0);
    CHECK(tap_action(ui, VT_ACT_SCROLL, 1));
    int down = ui_scroll_offset(ui);
    CHECK(down > 0);
    CHECK(tap_action(ui, VT_ACT_SCROLL, 0));
    CHECK(ui_scroll_offset(ui) < down);
    CHECK_INT(ui_screen(ui), VT_SCR_DOC); /* the buttons opened nothing */
    ui_free(ui);
    content_free(&c);
}

static void portrait_runs_down_and_fills(void)
{
    VtContent c;
    fixture_content(&c);
    fixture_add_events(&c, 30, 2005);
    VtUi *ui = open_timeline(&c, 720, 1280);
    VtFrame f = fixture_frame(ui);
    const VtLayer *page = &f.layers[0];
    int n = 0, lowest = 0, x0 = -1, prev_y = -1, down = 1;
    for (int i = 0; i < page->page->nhits; i++) {
        VtRect r = page->page->hits[i].r;
        if (page->page->hits[i].action != VT_ACT_OPEN_EVENT)
            continue;
        down &= r.y > prev_y && (x0 < 0 || r.x == x0);
        prev_y = r.y;
        x0 = r.x;
        CHECK(r.w >= 720 * 2 / 3); /* full width but for the margins and the arrows */
        int top = r.y + page->dy, bottom = top + r.h;
        if (bottom > page->clip.y && top < page->clip.y + page->clip.h) {
            n++;
            lowest = bottom > lowest ? bottom : lowest;
        }
    }
    for (int i = 0; i < page->page->nboxes; i++) { /* today's "read on at home" code */
        VtRect r = page->page->boxes[i].r;
        int bottom = r.y + page->dy + r.h;
        if (page->page->boxes[i].kind == VT_BOX_QR && bottom <= page->clip.y + page->clip.h)
            lowest = bottom > lowest ? bottom : lowest;
    }
    CHECK(down);
    CHECK(n >= 2);
    CHECK(lowest >= 1280 - 1280 / 5); /* cards (and today's QR code) down to the bottom */
    int open = ui_scroll_offset(ui);
    CHECK(open > 0);
    CHECK(tap_action(ui, VT_ACT_SCROLL, 0)); /* up, towards the past */
    CHECK(ui_scroll_offset(ui) < open);
    ui_free(ui);
    content_free(&c);
}

/* Issue 11 kept: the overview and the visible span cost the same with 200 or 20,000 events. */
static void overview_costs_what_the_screen_shows(void)
{
    int boxes[2];
    for (int k = 0; k < 2; k++) {
        VtContent c;
        VtFrame f;
        VtUi *ui = fixture_long_timeline(&c, &M, k ? 20000 : 200, &f);
        boxes[k] = f.layers[2].page->nboxes + f.layers[f.nlayers - 1].page->nboxes;
        ui_free(ui);
        content_free(&c);
    }
    CHECK_INT(boxes[1], boxes[0]);
}

int main(void)
{
    M = fixture_measure();
    RUN(whole_arc_and_hint_on_entry);
    RUN(buttons_move_the_timeline);
    RUN(long_pages_have_scroll_buttons);
    RUN(portrait_runs_down_and_fills);
    RUN(overview_costs_what_the_screen_shows);
    return vt_test_finish();
}
