/*
 * Unit tests of the ui controller and the screens, without a window, through ui.h alone (the
 * controller's state is private): navigation by simulated touches and keys with an injected clock,
 * the idle timer and attract loop, and layout rules checked on every screen at every target
 * resolution (targets at least the theme's minimum, no text outside the screen, no two text runs
 * overlapping, contrast of the palette).
 */
#include "fixture.h"
#include "layout_check.h"
#include "screens.h"
#include "story.h"
#include "story_check.h"
#include "theme.h"
#include "ui.h"
#include "vt_test.h"

#include <stdio.h>
#include <string.h>

static VtContent C;
static VtMeasure M;
static uint64_t T; /* the test's clock, ms: the time of the last event given to the ui */

static VtUi *start(int w, int h)
{
    T = FIXTURE_T0;
    return fixture_ui(&C, &M, w, h, NULL);
}

static void tap(VtUi *ui, float x, float y) { fixture_tap(ui, x, y, &T, 60); }

/* Taps the centre of the nth target with this action (the top bar first, then the page);
 * returns 0 when there is none on the screen (the test must scroll first). */
static int tap_action(VtUi *ui, VtAction a, int nth)
{
    return fixture_tap_action(ui, a, nth, &T, 60);
}

static VtView view(const VtUi *ui) { return ui_view(ui); }

static void boots_into_attract_and_touch_explores(void)
{
    VtUi *ui = start(1280, 800);
    ui_tick(ui, 1000);
    fixture_frame(ui);
    CHECK_INT(ui_screen(ui), VT_SCR_ATTRACT);
    CHECK(tap_action(ui, VT_ACT_POSTER, 1)); /* the poster's Dutch quote: its story in Dutch */
    CHECK_INT(ui_screen(ui), VT_SCR_DOC);
    CHECK_INT(ui_lang(ui), VT_LANG_NL);
    ui_activate(ui, VT_ACT_BACK, 0, 0);
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE); /* and the timeline under it */
    ui_free(ui);
}

/* Where the timeline opens (today), as a first visit lays it out. */
static int timeline_open_offset(void)
{
    VtUi *ui = start(1280, 800);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    fixture_frame(ui);
    int open = ui_scroll_offset(ui);
    ui_free(ui);
    return open;
}

/* Bug: a screen opened before the timeline was ever laid out (from the attract loop: a poster's
 * story, the script's `go`) saved the timeline's place as 0, so Back landed at the arc's start
 * (2003) instead of today. */
static void back_to_an_unseen_timeline_lands_at_today(void)
{
    int open = timeline_open_offset();
    CHECK(open > 0);
    VtUi *ui = start(1280, 800);
    fixture_frame(ui); /* the attract loop's first frame */
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    ui_activate(ui, VT_ACT_OPEN_DOC, 1, 0); /* before the timeline's first frame */
    fixture_frame(ui);
    ui_activate(ui, VT_ACT_BACK, 0, 0);
    fixture_frame(ui);
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE);
    CHECK_INT(ui_scroll_offset(ui), open);
    ui_enter_attract(ui); /* a poster's story, straight from the attract loop */
    ui_tick(ui, T += 1000);
    fixture_frame(ui);
    CHECK(tap_action(ui, VT_ACT_POSTER, 1));
    CHECK_INT(ui_screen(ui), VT_SCR_DOC);
    ui_activate(ui, VT_ACT_BACK, 0, 0);
    fixture_frame(ui);
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE);
    CHECK_INT(ui_scroll_offset(ui), open);
    ui_resize(ui, 1280, 800); /* unchanged: nothing moves */
    ui_enter_attract(ui);     /* a new size while the attract loop shows keeps "today" too */
    fixture_frame(ui);
    ui_resize(ui, 800, 1280);
    ui_resize(ui, 1280, 800);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    fixture_frame(ui);
    CHECK_INT(ui_scroll_offset(ui), open);
    ui_free(ui);
}

static void timeline_card_opens_reader_and_back_returns(void)
{
    VtUi *ui = start(1280, 800);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    fixture_frame(ui);
    /* the "antwoord" event cites the joint answer: the reader opens on question 2 */
    ui_activate(ui, VT_ACT_OPEN_EVENT, 2, 0);
    fixture_frame(ui);
    CHECK_INT(ui_screen(ui), VT_SCR_READER);
    CHECK_INT(C.docs[0].items[view(ui).item].number, 2);
    CHECK(tap_action(ui, VT_ACT_BACK, 0));
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE);
    ui_free(ui);
}

static void reader_swipes_between_questions(void)
{
    VtUi *ui = start(1280, 800);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    ui_activate(ui, VT_ACT_OPEN_ITEM, 0, 0);
    fixture_frame(ui);
    CHECK_INT(view(ui).item, 0);
    /* a fast flick to the left: next question (item 2, question 2) */
    uint64_t t = T;
    VtPtrEvent ev = {VT_PTR_DOWN, 1, 900, 500, t};
    ui_pointer(ui, &ev);
    for (int i = 1; i <= 6; i++) {
        ev = (VtPtrEvent){VT_PTR_MOVE, 1, 900.0f - 80.0f * (float)i, 500, t + 16u * (uint64_t)i};
        ui_pointer(ui, &ev);
    }
    ev.type = VT_PTR_UP;
    ui_pointer(ui, &ev);
    fixture_frame(ui);
    CHECK_INT(view(ui).item, 2);
    /* the joint answer's label names both questions */
    CHECK(ui_find_text(ui, "vragen 2 en 3"));
    CHECK(!ui_find_text(ui, "vragen 7 en 8"));
    ui_free(ui);
}

static void drag_does_not_tap(void)
{
    VtUi *ui = start(1280, 800);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    ui_activate(ui, VT_ACT_OPEN_DOC, 0, 0);
    fixture_frame(ui);
    uint64_t t = T;
    /* start on a card, drag up slowly, stop, lift: a scroll, not a tap */
    VtPtrEvent ev = {VT_PTR_DOWN, 1, 640, 700, t};
    ui_pointer(ui, &ev);
    for (int i = 1; i <= 10; i++) {
        ev = (VtPtrEvent){VT_PTR_MOVE, 1, 640, 700.0f - 20.0f * (float)i, t + 16u * (uint64_t)i};
        ui_pointer(ui, &ev);
    }
    ev = (VtPtrEvent){VT_PTR_UP, 1, 640, 500, t + 400};
    ui_pointer(ui, &ev);
    fixture_frame(ui);
    CHECK_INT(ui_screen(ui), VT_SCR_DOC);
    CHECK(ui_scroll_offset(ui) > 0);
    ui_free(ui);
}

static void language_switch_and_idle_return(void)
{
    VtUi *ui = start(1280, 800);
    tap(ui, 100, 100);
    CHECK(tap_action(ui, VT_ACT_LANG, 0));
    CHECK_INT(ui_lang(ui), VT_LANG_EN);
    /* idle: a warning 20 s before the 90 s timeout, then the attract loop in Dutch */
    uint64_t t0 = T;
    ui_tick(ui, t0 + 69000);
    CHECK_INT(ui_idle_warning(ui), -1);
    ui_tick(ui, t0 + 71000);
    CHECK(ui_idle_warning(ui) > 0 && ui_idle_warning(ui) <= 20);
    VtFrame f = fixture_frame(ui); /* the countdown is a layer over the page and the top bar */
    CHECK(f.nlayers >= 3 && f.layers[2].page->nboxes > 0);
    ui_tick(ui, t0 + 90001);
    CHECK_INT(ui_screen(ui), VT_SCR_ATTRACT);
    CHECK_INT(ui_lang(ui), VT_LANG_NL);
    ui_free(ui);
}

static void attract_alternates_and_sleeps(void)
{
    VtUi *ui = start(800, 480);
    ui_tick(ui, 1000);
    fixture_frame(ui);
    VtDeadline dl = deadline_none();
    ui_deadline(ui, &dl);
    CHECK(dl.at > 1000 && dl.at != UINT64_MAX);
    /* after the fade, nothing happens until the next slide: no redraw wanted */
    ui_tick(ui, 2000);
    fixture_frame(ui);
    ui_tick(ui, 3000);
    CHECK_INT(ui_needs_draw(ui), 0);
    unsigned long builds = ui_builds(ui);
    ui_tick(ui, 1000 + 12000 + 1);
    fixture_frame(ui);
    CHECK_INT(ui_builds(ui), builds + 1);
    ui_free(ui);
}

static void keyboard_reaches_every_target(void)
{
    VtUi *ui = start(1280, 800);
    ui_key(ui, VT_KEY_ENTER, 2000); /* wakes from attract */
    fixture_frame(ui);
    ui_key(ui, VT_KEY_TAB, 2100);
    VtFrame f = fixture_frame(ui);
    /* the first target is Home in the top bar */
    float x, y;
    CHECK(ui_hit_center(ui, VT_ACT_HOME, 0, &x, &y) == 0);
    CHECK(rect_contains(f.focus, (int)x, (int)y));
    /* Tab on through the top bar to the first timeline card (scrolled into view) and open it */
    for (int i = 0; i < 10 && !rect_contains(f.layers[0].clip, f.focus.x, f.focus.y); i++) {
        ui_key(ui, VT_KEY_TAB, 2200);
        f = fixture_frame(ui);
    }
    CHECK(f.focus.w > 0 && rect_contains(f.layers[0].clip, f.focus.x, f.focus.y));
    ui_key(ui, VT_KEY_ENTER, 2300);
    fixture_frame(ui);
    CHECK(ui_screen(ui) == VT_SCR_READER || ui_screen(ui) == VT_SCR_DOC);
    ui_key(ui, VT_KEY_ESCAPE, 2400);
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE);
    ui_free(ui);
}

static int same_rect(VtRect a, VtRect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

static int same_color(VtColor a, VtColor b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* Counts the fills of colour c in the frame's last layer (the marks) inside rectangle r. */
static int marks_in(const VtFrame *f, VtColor c, VtRect r)
{
    const VtPage *p = f->layers[f->nlayers - 1].page;
    int n = 0;
    for (int i = 0; i < p->nboxes; i++) {
        const VtBox *b = &p->boxes[i];
        VtRect in = b->r;
        n += b->kind == VT_BOX_FILL && same_color(b->color, c) && in.x >= r.x && in.y >= r.y &&
             in.x + in.w <= r.x + r.w && in.y + in.h <= r.y + r.h;
    }
    return n;
}

/* Issue 10, item 4: the ui decides how touch feedback, the scroll indicator and the focus ring
 * look; they reach the renderer as boxes in the last layer, in the theme's colours and sizes. */
static void marks_are_boxes_in_theme_colours(void)
{
    VtUi *ui = start(1280, 800);
    VtTheme t;
    theme_init(&t, 1280, 800, 0);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    ui_activate(ui, VT_ACT_OPEN_DOC, 0, 0);
    fixture_frame(ui); /* Tab walks the targets as laid out */
    ui_key(ui, VT_KEY_TAB, 2000);
    VtFrame f = fixture_frame(ui);
    CHECK(f.focus.w > 0 && f.thumb.w > 0 && f.pressed.w == 0);
    /* the ring: four bands of focus_px just outside the focused target, and the thumb */
    int k = t.focus_px;
    VtRect around = {f.focus.x - k, f.focus.y - k, f.focus.w + 2 * k, f.focus.h + 2 * k};
    CHECK_INT(marks_in(&f, VT_FOCUS, around), 4);
    CHECK_INT(marks_in(&f, VT_FOCUS, f.focus), 0);
    CHECK_INT(marks_in(&f, VT_THUMB, f.thumb), 1);
    CHECK(k >= 3);
    /* a finger on the About button: a wash over exactly that target, until it lifts */
    float x, y;
    CHECK(ui_hit_center(ui, VT_ACT_ABOUT, 0, &x, &y) == 0);
    VtPtrEvent d = {VT_PTR_DOWN, 1, x, y, 3000}, u = {VT_PTR_UP, 1, x + 200, y, 3500};
    ui_pointer(ui, &d);
    f = fixture_frame(ui);
    CHECK(f.pressed.w > 0 && rect_contains(f.pressed, (int)x, (int)y));
    CHECK_INT(marks_in(&f, VT_PRESS_WASH, f.pressed), 1);
    const VtPage *marks = f.layers[f.nlayers - 1].page;
    int washes = 0;
    for (int i = 0; i < marks->nboxes; i++)
        washes += same_color(marks->boxes[i].color, VT_PRESS_WASH) &&
                  same_rect(marks->boxes[i].r, f.pressed);
    CHECK_INT(washes, 1);
    ui_pointer(ui, &u);
    f = fixture_frame(ui);
    CHECK_INT(f.pressed.w, 0);
    CHECK_INT(marks_in(&f, VT_PRESS_WASH, (VtRect){0, 0, 1280, 800}), 0);
    ui_free(ui);
}

static void every_screen_lays_out_cleanly(void)
{
    static const int sizes[][2] = {
        {800, 480}, {1280, 800}, {1920, 1080}, {1080, 1920}, {3840, 2160}};
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        CHECK_INT(layout_check_all(&C, &M, sizes[s][0], sizes[s][1], fixture_today()), 0);
}

static void targets_meet_nine_millimetres(void)
{
    VtTheme t;
    theme_init(&t, 800, 480, 5.3f); /* the Raspberry Pi 7" screen */
    CHECK(t.target >= 48);          /* 9 mm at 5.3 px/mm */
    CHECK(t.body_px >= 22);         /* 4.2 mm */
}

static void palette_contrast_is_aaa(void)
{
    CHECK(theme_contrast(VT_TEXT, VT_BG) >= 7.0);
    CHECK(theme_contrast(VT_TEXT, VT_SURFACE) >= 7.0);
    CHECK(theme_contrast(VT_MUTED, VT_BG) >= 7.0);
    CHECK(theme_contrast(VT_MUTED, VT_SURFACE) >= 7.0);
    CHECK(theme_contrast(VT_ACCENT, VT_BG) >= 7.0);
    CHECK(theme_contrast(VT_ON_ACCENT, VT_ACCENT) >= 7.0);
    CHECK(theme_contrast(VT_FUTURE, VT_SURFACE) >= 7.0);
    CHECK(theme_contrast(VT_ON_ACCENT, VT_WARN_BG) >= 7.0);
    CHECK(theme_contrast(VT_TEXT, VT_PRESSED) >= 7.0);
    /* a key sentence's band: the text on it, the Dutch original (muted) on it, its margin bar */
    CHECK(theme_contrast(VT_TEXT, VT_KEY_BG) >= 7.0);
    CHECK(theme_contrast(VT_MUTED, VT_KEY_BG) >= 7.0);
    CHECK(theme_contrast(VT_ACCENT, VT_KEY_BG) >= 7.0);
    for (int d = 0; d < VT_DOC_COLORS; d++) { /* each document's colour, used for text */
        CHECK(theme_contrast(theme_doc_color(d), VT_BG) >= 7.0);
        CHECK(theme_contrast(theme_doc_color(d), VT_SURFACE) >= 7.0);
    } /* also the "read in the source" line */
}

/* A curated document opens as a chapter (headline, context under the curator's tag, key
 * sentences above the facts), each key sentence opens the reader where it stands, and the
 * reader's bands cover exactly the quoted words, on every panel (story_check.h). */
static void documents_open_as_chapters(void)
{
    CHECK(C.docs[0].headline.s[VT_LANG_NL] != NULL); /* the check is not vacuous */
    static const int sizes[][2] = {{800, 480}, {720, 1280}, {1280, 720}, {1920, 1080}};
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        CHECK_INT(story_check_all(&C, &M, sizes[s][0], sizes[s][1], fixture_today()), 0);
}

/* Tapping a key sentence on the overview opens the reader at its item: a joint answer's at the
 * first question it answers, where the sentence is marked. */
static void key_sentence_tap_opens_reader(void)
{
    VtUi *ui = start(800, 480);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    ui_activate(ui, VT_ACT_OPEN_DOC, 0, 0);
    for (int k = 0; k < 20 && !tap_action(ui, VT_ACT_OPEN_ITEM, 0); k++)
        ui_key(ui, VT_KEY_DOWN, T += 100); /* scroll until the first key sentence is in view */
    CHECK_INT(ui_screen(ui), VT_SCR_READER);
    CHECK_INT(view(ui).item, story_reader_item(&C.docs[0], &C.docs[0].highlights[0][0]));
    CHECK_INT(C.docs[0].items[view(ui).item].number, 2);
    CHECK(ui_find_text(ui, "regels"));
    ui_free(ui);
}

static void today_separates_past_and_future(void)
{
    VtTheme t;
    theme_init(&t, 1280, 800, 0);
    VtBuild b = {&C, &t, &M, VT_LANG_NL, fixture_today()};
    VtPage p = {0}, ctl = {0};
    VtTimelineInfo tl;
    screen_timeline_build(&p, &ctl, &b, 700, &tl);
    int today_x = -1;
    for (int i = 0; i < p.nboxes; i++) /* today's label, beside its line */
        if (p.boxes[i].text && !strcmp(p.boxes[i].text, "Vandaag"))
            today_x = p.boxes[i].r.x;
    int x2025 = -1, x2028 = -1;
    for (int i = 0; i < p.nhits; i++) {
        if (p.hits[i].arg == 2)
            x2025 = p.hits[i].r.x;
        if (p.hits[i].arg == 3)
            x2028 = p.hits[i].r.x;
    }
    CHECK(x2025 >= 0 && x2025 < today_x);
    CHECK(today_x < x2028);
    page_free(&p);
    page_free(&ctl);
}

static void today_moves_at_midnight(void)
{
    VtUi *ui = start(1280, 800);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    fixture_frame(ui);
    unsigned long builds = ui_builds(ui);
    ui_set_today(ui, fixture_today()); /* the same day: nothing to do */
    fixture_frame(ui);
    CHECK_INT(ui_builds(ui), builds);
    ui_set_today(ui, fixture_today() + 1);
    CHECK(ui_needs_draw(ui));
    fixture_frame(ui);
    CHECK_INT(ui_builds(ui), builds + 1);
    ui_free(ui);
}

static void dates_show_their_precision(void)
{
    char s[64];
    CHECK_STR(date_format("2025-07-11", VT_LANG_NL, s, sizeof s), "11 juli 2025");
    CHECK_STR(date_format("2026-04", VT_LANG_EN, s, sizeof s), "April 2026");
    CHECK_STR(date_format("2028", VT_LANG_EN, s, sizeof s), "2028");
    CHECK_STR(date_format(NULL, VT_LANG_NL, s, sizeof s), "onbekend");
    CHECK_STR(date_format("2025-13-01", VT_LANG_EN, s, sizeof s), "unknown");
    CHECK_STR(date_from_days(date_days("2026-11-23"), s, sizeof s), "2026-11-23");
}

/* Issue 11, item 2: the scroll indicator of a long timeline opened at today computed
 * (track - size) * off / max in int and overflowed (UBSan: signed integer overflow) once the
 * page was wider than about a million pixels. The thumb must stay on the track. */
static void long_timeline_thumb_stays_on_track(void)
{
    VtContent big;
    VtFrame f;
    VtUi *ui = fixture_long_timeline(&big, &M, 6000, &f);
    VtTheme t; /* the theme the ui lays out with: no measured density */
    theme_init(&t, 1920, 1080, 0);
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE); /* it scrolls along x */
    /* the product that overflowed: the track (most of the width) times the offset */
    CHECK((long long)ui_scroll_offset(ui) * (t.w / 2) > 2147483647LL);
    CHECK(f.thumb.w > 0);
    CHECK(f.thumb.x >= t.unit && f.thumb.x + f.thumb.w <= t.w - t.unit);
    /* opened near today, at the right end: the thumb is in the right half */
    CHECK(f.thumb.x > t.w / 2);
    ui_free(ui);
    content_free(&big);
}

/* Issue 12: a joint answer is described in the kiosk's words, not with a heading that source
 * 003 does not have; a document without an answer in the sources does not claim one will come. */
static void labels_describe_what_the_sources_show(void)
{
    VtTheme t;
    theme_init(&t, 1280, 800, 0);
    char s[160];
    VtBuild nl = {&C, &t, &M, VT_LANG_NL, fixture_today()}, en = nl;
    en.lang = VT_LANG_EN;
    const VtDoc *d = &C.docs[0];
    build_item_label(&nl, &d->items[4], s, sizeof s);
    CHECK_STR(s, "Antwoord (vragen 2 en 3 samen beantwoord)");
    build_item_label(&en, &d->items[4], s, sizeof s);
    CHECK_STR(s, "Answer (questions 2 and 3 answered together)");
    build_item_label(&nl, &d->items[1], s, sizeof s);
    CHECK_STR(s, "Antwoord");
    build_item_label(&en, &d->items[0], s, sizeof s);
    CHECK_STR(s, "Question 1");
    CHECK_STR(str_get(S_STATUS_AWAITING, VT_LANG_NL), "Geen antwoord in de bronnen");
    CHECK_STR(str_get(S_STATUS_AWAITING, VT_LANG_EN), "No answer in the sources");
    CHECK_STR(str_get(S_NOT_ANSWERED, VT_LANG_EN), "no answer in the sources");
}

/* Issue 13 (look): a QR code opens the footnote's link, not the url as the source gives it
 * (one source's url has no scheme, another a stray ')'); the shown url stays verbatim. */
static void qr_codes_open_the_link(void)
{
    VtUi *ui = start(1280, 800);
    tap(ui, 600, 400); /* out of the attract loop */
    CHECK(tap_action(ui, VT_ACT_ABOUT, 0));
    CHECK_INT(view(ui).screen, VT_SCR_ABOUT);
    const VtFootnote *fn = &C.docs[0].items[0].notes[0];
    VtFrame f = fixture_frame(ui);
    int qrs = 0, wrong = 0;
    for (int l = 0; l < f.nlayers; l++) {
        for (int i = 0; i < f.layers[l].page->nboxes; i++) {
            const VtBox *b = &f.layers[l].page->boxes[i];
            if (b->kind == VT_BOX_QR) {
                qrs++;
                wrong += strcmp(b->text, fn->link) != 0;
            }
        }
    }
    CHECK(qrs >= 1);
    CHECK_INT(wrong, 0);
    ui_free(ui);
}

int main(void)
{
    fixture_content(&C);
    M = fixture_measure();
    RUN(boots_into_attract_and_touch_explores);
    RUN(back_to_an_unseen_timeline_lands_at_today);
    RUN(timeline_card_opens_reader_and_back_returns);
    RUN(reader_swipes_between_questions);
    RUN(drag_does_not_tap);
    RUN(language_switch_and_idle_return);
    RUN(attract_alternates_and_sleeps);
    RUN(keyboard_reaches_every_target);
    RUN(marks_are_boxes_in_theme_colours);
    RUN(every_screen_lays_out_cleanly);
    RUN(targets_meet_nine_millimetres);
    RUN(palette_contrast_is_aaa);
    RUN(documents_open_as_chapters);
    RUN(key_sentence_tap_opens_reader);
    RUN(today_separates_past_and_future);
    RUN(dates_show_their_precision);
    RUN(today_moves_at_midnight);
    RUN(long_timeline_thumb_stays_on_track);
    RUN(labels_describe_what_the_sources_show);
    RUN(qr_codes_open_the_link);
    content_free(&C);
    return vt_test_finish();
}
