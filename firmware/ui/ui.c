/*
 * ui: navigation, page lifetime and the frame.
 *
 * Pages are rebuilt lazily in ui_frame() when marked invalid, so a burst of events (a language
 * switch during a scroll) costs one build. The scroller is re-targeted on every build and its
 * offset restored from the view stack, so Back returns to where the visitor was reading.
 * Input handling lives in ui_input.c and the read-only queries in ui_query.c; this file is
 * what input asks for, and ui_place(), the one page-to-screen transform that drawing, hit
 * testing, touch feedback and the focus ring share.
 */
#include "ui_private.h"

#include "screens.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_config_default(VtUiConfig *cfg)
{
    cfg->idle_timeout_ms = VT_IDLE_DEFAULT_TIMEOUT_MS;
    cfg->idle_warn_ms = VT_IDLE_DEFAULT_WARN_MS;
    cfg->attract_dwell_ms = VT_ATTRACT_DEFAULT_DWELL_MS;
    cfg->fade_ms = 600;
    cfg->default_lang = VT_LANG_NL;
    cfg->ppmm = 0;
    cfg->text_pct = 100;
    cfg->controls_bottom = 0;
}

/* Sizes for w x h at text step pct, and gestures in millimetres of the same density (the
 * theme's: measured, configured, or a 7" panel's). */
static void setup_theme(VtUi *ui, int w, int h, int pct)
{
    theme_init_scaled(&ui->theme, w, h, ui->cfg.ppmm, pct);
    VtGestureConfig gc;
    gesture_config_default(&gc, ui->theme.ppmm);
    gesture_init(&ui->gesture, &gc);
}

VtUi *ui_new(const VtContent *c, const VtMeasure *m, int w, int h, const VtUiConfig *cfg,
             uint64_t now_ms, long today)
{
    VtUi *ui = xcalloc(1, sizeof *ui);
    ui->content = c;
    ui->measure = *m;
    ui->cfg = *cfg;
    ui->cfg.staff_pin[sizeof ui->cfg.staff_pin - 1] = '\0';
    int step = 0; /* the configured text size, down to a step of the A+ control */
    while (step + 1 < VT_TEXT_STEPS && VT_TEXT_STEP_PCT[step + 1] <= cfg->text_pct)
        step++;
    ui->cfg.text_pct = VT_TEXT_STEP_PCT[step];
    ui->lang = cfg->default_lang;
    ui->now = now_ms;
    ui->today = today;
    setup_theme(ui, w, h, ui->cfg.text_pct);
    VtScrollConfig sc;
    scroll_config_default(&sc);
    scroll_init(&ui->scroll, &sc, 0, 0);
    idle_init(&ui->idle, cfg->idle_timeout_ms, cfg->idle_warn_ms);
    attract_init(&ui->attractor, (size_t)screen_attract_count(c), cfg->attract_dwell_ms);
    ui->stack[0] = (VtView){VT_SCR_TIMELINE, 0, 0, -1};
    ui->depth = 1;
    ui->attract = 1;
    ui->pressed_layer = -1;
    ui->focus = -1;
    ui->warn_secs = -1;
    ui->dirty = 1;
    return ui;
}

void ui_set_hooks(VtUi *ui, const VtUiHooks *hooks) { ui->hooks = *hooks; }

void ui_free(VtUi *ui)
{
    if (!ui)
        return;
    page_free(&ui->page);
    page_free(&ui->chrome);
    page_free(&ui->overlay);
    page_free(&ui->prev_page);
    page_free(&ui->marks);
    ui_speech_free(ui);
    free(ui);
}

static const char *const screen_names[] = {"attract", "timeline", "doc",  "reader",
                                           "about",   "pin",      "staff"};

const char *ui_screen_name(VtScreen s)
{
    return (unsigned)s < sizeof screen_names / sizeof *screen_names ? screen_names[s] : "?";
}

/* The view on top of the stack (shown unless the attract loop is). */
static int top_index(const VtUi *ui)
{
    assert(ui->depth >= 1 && ui->depth <= VT_UI_STACK);
    return ui->depth - 1;
}

static VtView *top(VtUi *ui) { return &ui->stack[top_index(ui)]; }

/* The screen, the language, the size or the content changed: lay out again before drawing. */
static void relayout(VtUi *ui)
{
    ui->page_valid = ui->chrome_valid = 0;
    ui->focus = -1;
    ui->pressed_layer = -1;
    ui->dirty = 1;
    ui_speech_stop(ui); /* a reading ends with the screen it read */
}

void ui_set_content(VtUi *ui, const VtContent *c)
{
    ui->content = c;
    attract_init(&ui->attractor, (size_t)screen_attract_count(c), ui->cfg.attract_dwell_ms);
    ui->stack[0] = (VtView){VT_SCR_TIMELINE, 0, 0, -1};
    ui->depth = 1;
    relayout(ui);
}

void ui_resize(VtUi *ui, int w, int h)
{
    if (w == ui->theme.w && h == ui->theme.h)
        return;
    setup_theme(ui, w, h, ui->theme.scale_pct);
    top(ui)->scroll = scroll_offset(&ui->scroll);
    relayout(ui);
}

void ui_invalidate(VtUi *ui) { ui->dirty = 1; }

void ui_set_today(VtUi *ui, long today)
{
    if (today == ui->today)
        return;
    ui->today = today;
    if (ui_screen(ui) == VT_SCR_TIMELINE) {
        top(ui)->scroll = scroll_offset(&ui->scroll);
        ui->page_valid = 0;
        ui->dirty = 1;
    }
}

VtScreen ui_screen(const VtUi *ui)
{
    return ui->attract ? VT_SCR_ATTRACT : ui->stack[top_index(ui)].screen;
}

VtView ui_view(const VtUi *ui)
{
    return ui->attract ? (VtView){VT_SCR_ATTRACT, 0, 0, 0} : ui->stack[top_index(ui)];
}

static void push(VtUi *ui, VtView v)
{
    top(ui)->scroll = scroll_offset(&ui->scroll);
    if (ui->depth == VT_UI_STACK) { /* keep the timeline, drop the oldest above it */
        memmove(&ui->stack[1], &ui->stack[2], sizeof ui->stack[0] * (VT_UI_STACK - 2));
        ui->depth--;
    }
    v.scroll = 0;
    assert(ui->depth < VT_UI_STACK);
    ui->stack[ui->depth++] = v;
    relayout(ui);
}

static void replace_top(VtUi *ui, VtView v)
{
    v.scroll = 0;
    *top(ui) = v;
    relayout(ui);
}

static void go_home(VtUi *ui)
{
    ui->stack[0].scroll = ui->depth == 1 ? scroll_offset(&ui->scroll) : ui->stack[0].scroll;
    ui->depth = 1;
    relayout(ui);
}

/* The reader unit that shows an item: an answer is read with its (first) question. */
static int unit_of(const VtDoc *d, int item)
{
    if (item < 0 || item >= d->nitems)
        return -1;
    const VtItem *it = &d->items[item];
    if (it->kind != VT_ITEM_ANSWER || !it->ncovers)
        return item;
    for (int i = 0; i < d->nitems; i++)
        if (d->items[i].kind == VT_ITEM_QUESTION && d->items[i].number == it->covers[0])
            return i;
    return item;
}

void ui_open_pin(VtUi *ui)
{
    if (!ui->cfg.staff_pin[0] || ui->attract)
        return;
    ui->pin_len = 0;
    ui->pin_msg = NULL;
    push(ui, (VtView){VT_SCR_PIN, 0, 0, 0});
}

/* A key of the PIN pad: 0-9 a digit, 10 delete, 11 confirm. Three wrong PINs lock the pad
 * for a minute, so guessing a 4-digit PIN takes days, not minutes. */
void ui_pin_key(VtUi *ui, int key)
{
    if (ui->now < ui->pin_locked_until) {
        ui->pin_msg = str_get(S_STAFF_LOCKED, ui->lang);
    } else if (key >= 0 && key <= 9 && ui->pin_len < (int)sizeof ui->pin - 1) {
        ui->pin[ui->pin_len++] = (char)('0' + key);
        ui->pin_msg = NULL;
    } else if (key == 10 && ui->pin_len > 0) {
        ui->pin_len--;
    } else if (key == 11) {
        ui->pin[ui->pin_len] = '\0';
        int ok = !strcmp(ui->pin, ui->cfg.staff_pin);
        ui->pin_len = 0;
        memset(ui->pin, 0, sizeof ui->pin);
        if (ok) {
            ui->pin_tries = 0;
            replace_top(ui, (VtView){VT_SCR_STAFF, 0, 0, 0});
            return;
        }
        if (++ui->pin_tries >= 3) {
            ui->pin_tries = 0;
            ui->pin_locked_until = ui->now + 60000;
            ui->pin_msg = str_get(S_STAFF_LOCKED, ui->lang);
        } else {
            ui->pin_msg = str_get(S_STAFF_WRONG, ui->lang);
        }
    }
    relayout(ui);
}

/* A new text size: laid out again, the reader kept at the same share of the page. */
static void set_text_pct(VtUi *ui, int pct)
{
    int old = ui->theme.scale_pct;
    if (pct == old)
        return;
    theme_init_scaled(&ui->theme, ui->theme.w, ui->theme.h, ui->cfg.ppmm, pct);
    top(ui)->scroll = (int)((long long)scroll_offset(&ui->scroll) * pct / old);
    relayout(ui);
}

/* The A+ control: the next step, after the largest back to normal. */
static void next_text_step(VtUi *ui)
{
    int i = 0;
    while (i < VT_TEXT_STEPS && VT_TEXT_STEP_PCT[i] <= ui->theme.scale_pct)
        i++;
    set_text_pct(ui, i < VT_TEXT_STEPS ? VT_TEXT_STEP_PCT[i] : VT_TEXT_STEP_PCT[0]);
}

void ui_enter_attract(VtUi *ui)
{
    if (ui->attract)
        return;
    set_text_pct(ui, ui->cfg.text_pct); /* the next visitor starts at the default size */
    ui->attract = 1;
    ui->lang = ui->cfg.default_lang;
    ui->depth = 1;
    ui->stack[0].scroll = -1; /* reopen the timeline at today */
    relayout(ui);
}

void ui_activate(VtUi *ui, VtAction a, int arg, int arg2)
{
    const VtContent *c = ui->content;
    switch (a) {
    case VT_ACT_HOME: go_home(ui); break;
    case VT_ACT_BACK:
        if (ui->depth > 1) {
            ui->depth--;
            relayout(ui);
        }
        break;
    case VT_ACT_LANG:
        ui->lang = ui->lang == VT_LANG_NL ? VT_LANG_EN : VT_LANG_NL;
        top(ui)->scroll = scroll_offset(&ui->scroll);
        relayout(ui);
        break;
    case VT_ACT_ABOUT:
        if (ui_screen(ui) != VT_SCR_ABOUT)
            push(ui, (VtView){VT_SCR_ABOUT, 0, 0, 0});
        break;
    case VT_ACT_OPEN_DOC:
        if (arg >= 0 && arg < c->ndocs)
            push(ui, (VtView){VT_SCR_DOC, arg, 0, 0});
        break;
    case VT_ACT_OPEN_ITEM:
        if (arg >= 0 && arg < c->ndocs && unit_of(&c->docs[arg], arg2) >= 0)
            push(ui, (VtView){VT_SCR_READER, arg, unit_of(&c->docs[arg], arg2), 0});
        break;
    case VT_ACT_OPEN_EVENT:
        if (arg >= 0 && arg < c->nevents) {
            const VtEvent *e = &c->events[arg];
            if (e->item >= 0)
                push(ui, (VtView){VT_SCR_READER, e->doc, unit_of(&c->docs[e->doc], e->item), 0});
            else
                push(ui, (VtView){VT_SCR_DOC, e->doc, 0, 0});
        }
        break;
    case VT_ACT_PREV:
    case VT_ACT_NEXT:
        if (arg >= 0 && arg < c->ndocs && arg2 >= 0 && arg2 < c->docs[arg].nitems)
            replace_top(ui, (VtView){VT_SCR_READER, arg, arg2, 0});
        break;
    case VT_ACT_PIN_DIGIT: ui_pin_key(ui, arg); break;
    case VT_ACT_TEXT_SIZE: next_text_step(ui); break;
    case VT_ACT_STAFF_ROLLBACK:
        if (ui->hooks.rollback) {
            char msg[200];
            ui->hooks.rollback(ui->hooks.ctx, msg, sizeof msg);
            ui_toast(ui, msg, 8000);
            relayout(ui); /* the report changed */
        }
        break;
    case VT_ACT_STAFF_CLOSE: go_home(ui); break;
    case VT_ACT_SPEAK: ui_speech_toggle(ui); break;
    case VT_ACT_STAFF_SPEECH:
        ui->speech.staff_off = !ui->speech.staff_off;
        relayout(ui);
        break;
    case VT_ACT_EXPLORE:
        ui->attract = 0;
        ui->lang = ui->cfg.default_lang;
        ui->depth = 1;
        relayout(ui);
        break;
    default: break;
    }
}

/* A view's document (the doc and reader screens): in range of the content, as every view that
 * ui_activate pushes is. */
static const VtDoc *view_doc(const VtUi *ui, const VtView *v)
{
    assert(v->doc >= 0 && v->doc < ui->content->ndocs);
    return &ui->content->docs[v->doc];
}

static const char *screen_title(const VtUi *ui, const VtView *v)
{
    switch (v->screen) {
    case VT_SCR_DOC:
    case VT_SCR_READER: return text_get(&view_doc(ui, v)->title, ui->lang);
    case VT_SCR_ABOUT: return text_get(&ui->content->title, ui->lang);
    case VT_SCR_PIN:
    case VT_SCR_STAFF: return str_get(S_STAFF_TITLE, ui->lang);
    default: return text_get(&ui->content->title, ui->lang);
    }
}

static int viewport_h(const VtUi *ui) { return ui_place(ui, VT_LAYER_PAGE).clip.h; }

static void build_page(VtUi *ui)
{
    VtBuild b = {ui->content, &ui->theme, &ui->measure, ui->lang, ui->today};
    const VtView *v = top(ui);
    page_clear(&ui->page);
    ui->builds++;
    int start = v->scroll;
    ui->horizontal = 0;
    VtTheme normal; /* the attract loop is for everyone: never at a visitor's text size */
    if (ui->attract) {
        theme_init(&normal, ui->theme.w, ui->theme.h, ui->cfg.ppmm);
        b.th = &normal;
        uint64_t dl;
        size_t slide = attract_next(&ui->attractor, &ui->idle, ui->now, &dl);
        b.lang = (slide % 2) ? VT_LANG_EN : VT_LANG_NL;
        screen_attract_build(&ui->page, &b, (int)slide);
        start = 0;
    } else if (v->screen == VT_SCR_TIMELINE) {
        int today_x;
        screen_timeline_build(&ui->page, &b, viewport_h(ui), &today_x);
        ui->horizontal = 1;
        if (start < 0) /* first view: the present near the right edge, the past to its left */
            start = today_x - ui->theme.w * 2 / 3;
    } else if (v->screen == VT_SCR_DOC) {
        view_doc(ui, v);
        screen_doc_build(&ui->page, &b, v->doc);
    } else if (v->screen == VT_SCR_READER) {
        assert(v->item >= 0 && v->item < view_doc(ui, v)->nitems);
        screen_reader_build(&ui->page, &b, v->doc, v->item);
    } else if (v->screen == VT_SCR_PIN) {
        screen_pin_build(&ui->page, &b, ui->pin_len, ui->pin_msg);
    } else if (v->screen == VT_SCR_STAFF) {
        VtBuf info = {0};
        if (ui->hooks.staff_info)
            ui->hooks.staff_info(ui->hooks.ctx, &info);
        screen_staff_build(&ui->page, &b, buf_str(&info), ui_speech_staff_label(ui));
        buf_free(&info);
    } else {
        screen_about_build(&ui->page, &b);
    }
    int content = ui->horizontal ? ui->page.width : ui->page.height;
    int view = ui->horizontal ? ui->theme.w : viewport_h(ui);
    scroll_set_content(&ui->scroll, content, view);
    if (start < 0)
        start = 0;
    if (start > scroll_max(&ui->scroll))
        start = scroll_max(&ui->scroll);
    scroll_jump(&ui->scroll, start);
    ui->page_valid = 1;
}

static void build_chrome(VtUi *ui)
{
    VtBuild b = {ui->content, &ui->theme, &ui->measure, ui->lang, ui->today};
    page_clear(&ui->chrome);
    if (!ui->attract) {
        const VtView *v = top(ui);
        screen_chrome_build(&ui->chrome, &b, screen_title(ui, v), ui->depth > 1,
                            ui_speech_label(ui));
        ui->theme.bar_h = ui->chrome.height; /* more rows where the buttons need them */
    }
    ui->chrome_valid = 1;
}

static void build_overlay(VtUi *ui)
{
    const VtTheme *t = &ui->theme;
    VtBuild b = {ui->content, t, &ui->measure, ui->lang, ui->today};
    page_clear(&ui->overlay);
    char msg[300];
    if (ui->warn_secs > 0) {
        snprintf(msg, sizeof msg, str_get(S_IDLE_WARN, ui->lang), ui->warn_secs);
    } else if (ui_toast_shown(ui)) {
        snprintf(msg, sizeof msg, "%s", ui->toast);
    } else {
        return;
    }
    int w = t->w - 2 * t->margin;
    int h = wrap_height(&ui->measure, msg, w - 4 * t->unit,
                        &(VtTextStyle){VT_FONT_BOLD, t->body_px, t->body_line, 0, VT_TEXT, 0});
    VtRect view = ui_place(ui, VT_LAYER_PAGE).clip; /* above a bar at the bottom */
    VtRect r = {t->margin, view.y + view.h - h - 4 * t->unit - t->margin, w, h + 4 * t->unit};
    page_fill(&ui->overlay, r, VT_WARN_BG);
    build_text(&ui->overlay, &b, msg, r.x + 2 * t->unit, r.y + 2 * t->unit, w - 4 * t->unit,
               VT_FONT_BOLD, t->body_px, t->body_line, VT_ON_ACCENT);
}

VtPlace ui_place(const VtUi *ui, int layer)
{
    const VtTheme *t = &ui->theme;
    int bottom = ui->cfg.controls_bottom, bar = ui->attract ? 0 : t->bar_h;
    if (layer == VT_LAYER_CHROME) {
        int y = bottom ? t->h - bar : 0;
        return (VtPlace){0, y, {0, y, t->w, bar}};
    }
    assert(layer == VT_LAYER_PAGE);
    int top = bottom ? 0 : bar, off = scroll_offset(&ui->scroll);
    return (VtPlace){
        ui->horizontal ? -off : 0, top - (ui->horizontal ? 0 : off), {0, top, t->w, t->h - bar}};
}

void ui_frame(VtUi *ui, VtFrame *f)
{
    const VtTheme *t = &ui->theme;
    if (!ui->chrome_valid) /* first: its height is the page's viewport */
        build_chrome(ui);
    if (!ui->page_valid)
        build_page(ui);
    build_overlay(ui);
    memset(f, 0, sizeof *f);
    f->clear = VT_BG;
    uint8_t alpha = 255;
    if (ui->fade_start && ui->now < ui->fade_start + ui->cfg.fade_ms)
        alpha = (uint8_t)(255 * (ui->now - ui->fade_start) / ui->cfg.fade_ms);
    /* A cross-fade: the new slide drawn whole, the old one over it, fading out (added last so
     * the page stays layer 0 and the chrome layer 1, as VT_LAYER_PAGE and VT_LAYER_CHROME). */
    int fade_out = ui->attract && alpha < 255 && ui->prev_page.nboxes;
    uint8_t old_alpha = (uint8_t)(255 - alpha);
    if (fade_out)
        alpha = 255;
    VtPlace page = ui_place(ui, VT_LAYER_PAGE), bar = ui_place(ui, VT_LAYER_CHROME);
    f->layers[f->nlayers++] = (VtLayer){&ui->page, page.dx, page.dy, page.clip, alpha};
    if (!ui->attract)
        f->layers[f->nlayers++] = (VtLayer){&ui->chrome, bar.dx, bar.dy, bar.clip, 255};
    if (fade_out)
        f->layers[f->nlayers++] =
            (VtLayer){&ui->prev_page, 0, 0, (VtRect){0, 0, t->w, t->h}, old_alpha};
    if (ui->overlay.nboxes)
        f->layers[f->nlayers++] = (VtLayer){&ui->overlay, 0, 0, (VtRect){0, 0, t->w, t->h}, 255};
    ui_marks(ui, f);
    ui->dirty = 0;
}
