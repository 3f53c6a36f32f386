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
    gc.long_press_ms = VT_UI_STAFF_HOLD_MS; /* the only long press the kiosk acts on */
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
    page_free(&ui->controls);
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

/* Remembers where the view on top is scrolled to, times num/den (a new text size), for its next
 * build. Only a page laid out for that view says so: before its first frame (a view just
 * pushed, the timeline under the attract loop) the view keeps its own, -1 for the timeline (at
 * today). */
static void keep_scroll(VtUi *ui, int num, int den)
{
    if (ui->page_valid && !ui->attract)
        top(ui)->scroll = (int)((long long)scroll_offset(&ui->scroll) * num / den);
}

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
    keep_scroll(ui, 1, 1);
    relayout(ui);
}

void ui_invalidate(VtUi *ui) { ui->dirty = 1; }

void ui_set_today(VtUi *ui, long today)
{
    if (today == ui->today)
        return;
    ui->today = today;
    if (ui_screen(ui) == VT_SCR_TIMELINE) {
        keep_scroll(ui, 1, 1);
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
    keep_scroll(ui, 1, 1);
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

/* Moves the timeline to a year's first card, or to where it opens (today) for year 0. */
static void timeline_move(VtUi *ui, int year)
{
    int to = ui->tl.open;
    for (int i = 0; year && i < ui->page.nhits; i++) {
        const VtHit *h = &ui->page.hits[i];
        if (h->action == VT_ACT_OPEN_EVENT && h->arg >= 0 && h->arg < ui->content->nevents &&
            date_year(ui->content->events[h->arg].date) == year) {
            to = (ui->tl.horizontal ? h->r.x : h->r.y) - ui->tl.first;
            break;
        }
    }
    scroll_jump(&ui->scroll, to);
    ui->dirty = 1;
}

/* Home: the timeline as it opens; on the timeline already, back to today on it. */
static void go_home(VtUi *ui)
{
    if (ui->depth == 1 && ui->page_valid && ui_screen(ui) == VT_SCR_TIMELINE) {
        timeline_move(ui, 0);
        return;
    }
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
    keep_scroll(ui, pct, old);
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
    /* idle since forever, as at boot: a hold (ui_keep_alive) ends with the visit */
    idle_init(&ui->idle, ui->cfg.idle_timeout_ms, ui->cfg.idle_warn_ms);
    relayout(ui);
}

static int viewport_h(const VtUi *ui);

/* The place in the text being read (page_anchor), for a language switch to keep: the paragraph
 * that starts in the upper third of the view, else the one running through its top. 0 at the
 * page's start and on the timeline (its pixels are the same in both languages). */
static int reading_place(const VtUi *ui)
{
    int off = scroll_offset(&ui->scroll);
    if (ui->horizontal || off <= 0 || !ui->page_valid)
        return 0;
    return page_anchor_at(&ui->page, off + viewport_h(ui) / 3);
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
        keep_scroll(ui, 1, 1);
        ui->anchor = reading_place(ui);
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
    case VT_ACT_OVERVIEW: /* back to the overview below, or the overview in the reader's place */
        if (arg >= 0 && arg < c->ndocs && ui->depth > 1 &&
            ui->stack[ui->depth - 2].screen == VT_SCR_DOC && ui->stack[ui->depth - 2].doc == arg) {
            ui->depth--;
            relayout(ui);
        } else if (arg >= 0 && arg < c->ndocs) {
            replace_top(ui, (VtView){VT_SCR_DOC, arg, 0, 0});
        }
        break;
    case VT_ACT_PREV:
    case VT_ACT_NEXT:
        if (arg >= 0 && arg < c->ndocs && arg2 >= 0 && arg2 < c->docs[arg].nitems)
            replace_top(ui, (VtView){VT_SCR_READER, arg, arg2, 0});
        break;
    case VT_ACT_PIN_DIGIT: ui_pin_key(ui, arg); break;
    case VT_ACT_TEXT_SIZE: next_text_step(ui); break;
    case VT_ACT_SCROLL: { /* most of a screen, so a line of context stays in view */
        int view = ui->horizontal ? ui->theme.w : viewport_h(ui);
        scroll_jump(&ui->scroll, scroll_offset(&ui->scroll) + (arg < 0 ? -1 : 1) * view * 4 / 5);
        ui->dirty = 1;
        break;
    }
    case VT_ACT_YEAR:
        if (ui_screen(ui) == VT_SCR_TIMELINE && ui->page_valid)
            timeline_move(ui, arg);
        break;
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
    case VT_ACT_POSTER: /* the story of the slide touched, in the language of the half touched */
        ui->attract = 0;
        ui->lang = arg2 == VT_LANG_EN ? VT_LANG_EN : VT_LANG_NL;
        ui->depth = 1;
        relayout(ui); /* first: the attract loop's scroll is not the timeline's */
        if (arg >= 0 && arg < c->ndocs)
            push(ui, (VtView){VT_SCR_DOC, arg, 0, 0});
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

/* The bottom bar's height for the view on top (measured: it has one row or two). */
static int foot_height(const VtUi *ui)
{
    const VtView *v = &ui->stack[top_index(ui)];
    if (ui->attract || v->screen != VT_SCR_READER)
        return 0;
    VtBuild b = {ui->content, &ui->theme, &ui->measure, ui->lang, ui->today};
    return screen_reader_nav(NULL, &b, v->doc, v->item, 0);
}

static int viewport_h(const VtUi *ui) { return ui_place(ui, VT_LAYER_PAGE).clip.h; }

static void build_page(VtUi *ui)
{
    VtBuild b = {ui->content, &ui->theme, &ui->measure, ui->lang, ui->today};
    const VtView *v = top(ui);
    page_clear(&ui->page);
    page_clear(&ui->controls);
    ui->builds++;
    ui->foot_h = foot_height(ui);
    int start = v->scroll;
    ui->horizontal = 0;
    VtTheme normal; /* the attract loop is for everyone: never at a visitor's text size */
    if (ui->attract) {
        theme_init(&normal, ui->theme.w, ui->theme.h, ui->cfg.ppmm);
        b.th = &normal;
        uint64_t dl;
        size_t slide = attract_next(&ui->attractor, &ui->idle, ui->now, &dl);
        screen_attract_build(&ui->page, &b, (int)slide, &ui->reveal);
        start = 0;
    } else if (v->screen == VT_SCR_TIMELINE) {
        screen_timeline_build(&ui->page, &ui->controls, &b, viewport_h(ui), &ui->tl);
        ui->horizontal = ui->tl.horizontal;
        if (start < 0) /* first view: the present near the far end, the past before it */
            start = ui->tl.open;
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
    if (ui->anchor && page_anchor_y(&ui->page, ui->anchor) >= 0) /* a language switch */
        start = page_anchor_y(&ui->page, ui->anchor);
    ui->anchor = 0;
    int content = ui->horizontal ? ui->page.width : ui->page.height;
    int view = ui->horizontal ? ui->theme.w : viewport_h(ui);
    if (!ui->attract && v->screen != VT_SCR_TIMELINE && content > view) /* no drag-only page */
        controls_scroll_buttons(&ui->controls, &b, (VtRect){0, 0, ui->theme.w, view});
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
        const VtTheme *t = &ui->theme;
        int bar = screen_chrome_build(&ui->chrome, &b, screen_title(ui, v), ui->depth > 1,
                                      ui_speech_label(ui), 0);
        if (ui->cfg.controls_bottom) { /* built again at its place, now that its height is known */
            page_clear(&ui->chrome);
            screen_chrome_build(&ui->chrome, &b, screen_title(ui, v), ui->depth > 1,
                                ui_speech_label(ui), t->h - bar);
        }
        ui->theme.bar_h = bar; /* more rows where the buttons need them */
        ui->foot_h = foot_height(ui);
        /* The reader's Previous / Overview / Next bar: at the bottom, above the controls there */
        if (v->screen == VT_SCR_READER)
            screen_reader_nav(&ui->chrome, &b, v->doc, v->item,
                              t->h - ui_foot_h(ui) - (ui->cfg.controls_bottom ? bar : 0));
    }
    ui->chrome_valid = 1;
}

/* The idle warning in the visitor's language, then in the other one (smaller): how to stay
 * must reach a visitor who reads either. */
static int warning_texts(const VtUi *ui, char *msg, size_t len, char *other, size_t olen)
{
    if (ui->warn_secs <= 0)
        return 0;
    snprintf(msg, len, str_get(S_IDLE_WARN, ui->lang), ui->warn_secs);
    snprintf(other, olen, str_get(S_IDLE_WARN, (VtLang)!ui->lang), ui->warn_secs);
    return 1;
}

static void build_overlay(VtUi *ui)
{
    const VtTheme *t = &ui->theme;
    VtBuild b = {ui->content, t, &ui->measure, ui->lang, ui->today};
    page_clear(&ui->overlay);
    char msg[300], other[300] = "";
    if (!warning_texts(ui, msg, sizeof msg, other, sizeof other)) {
        if (!ui_toast_shown(ui))
            return;
        snprintf(msg, sizeof msg, "%s", ui->toast);
    }
    int w = t->w - 2 * t->margin, tw = w - 4 * t->unit;
    VtTextStyle main = {VT_FONT_BOLD, t->body_px, t->body_line, 0, VT_ON_ACCENT, 0};
    VtTextStyle second = {VT_FONT_REGULAR, t->small_px, t->small_line, 0, VT_ON_ACCENT, 0};
    int h = wrap_height(&ui->measure, msg, tw, &main);
    int h2 = other[0] ? t->unit + wrap_height(&ui->measure, other, tw, &second) : 0;
    VtRect view = ui_place(ui, VT_LAYER_PAGE).clip; /* above the bars at the bottom */
    VtRect r = {t->margin, view.y + view.h - h - h2 - 4 * t->unit - t->margin, w,
                h + h2 + 4 * t->unit};
    page_fill(&ui->overlay, r, VT_WARN_BG);
    int y = r.y + 2 * t->unit;
    y += wrap_text(&ui->overlay, &ui->measure, msg, r.x + 2 * t->unit, y, tw, &main) + t->unit;
    if (other[0])
        build_text(&ui->overlay, &b, other, r.x + 2 * t->unit, y, tw, VT_FONT_REGULAR, t->small_px,
                   t->small_line, VT_ON_ACCENT);
}

VtPlace ui_place(const VtUi *ui, int layer)
{
    const VtTheme *t = &ui->theme;
    if (layer == VT_LAYER_CHROME) /* the navigation bar and the reader's bar: in place */
        return (VtPlace){0, 0, {0, 0, t->w, t->h}};
    int bar = ui->attract ? 0 : t->bar_h, bottom = ui->cfg.controls_bottom;
    int top = bottom ? 0 : bar, off = scroll_offset(&ui->scroll);
    VtRect view = {0, top, t->w, t->h - bar - ui_foot_h(ui)};
    if (layer == VT_LAYER_CONTROLS) /* fixed over the page's view */
        return (VtPlace){0, top, view};
    assert(layer == VT_LAYER_PAGE);
    return (VtPlace){ui->horizontal ? -off : 0, top - (ui->horizontal ? 0 : off), view};
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
    VtPlace page = ui_place(ui, VT_LAYER_PAGE), bar = ui_place(ui, VT_LAYER_CHROME);
    f->layers[f->nlayers++] = (VtLayer){&ui->page, page.dx, page.dy, page.clip, 255};
    if (!ui->attract)
        f->layers[f->nlayers++] = (VtLayer){&ui->chrome, bar.dx, bar.dy, bar.clip, 255};
    VtPlace ctl = ui_place(ui, VT_LAYER_CONTROLS);
    if (!ui->attract && ui->controls.nboxes)
        f->layers[f->nlayers++] = (VtLayer){&ui->controls, ctl.dx, ctl.dy, ctl.clip, 255};
    /* A new slide's motion: a redaction bar over each line of the Dutch quote lifts off to the
     * right (eased), line by line, revealing the words; one fill per line, and the old slide is
     * gone at once, so two dense slides never overlap. Added after the page and the chrome so
     * they stay layers 0 and 1 (VT_LAYER_PAGE, VT_LAYER_CHROME). */
    page_clear(&ui->prev_page);
    if (ui->attract && ui->fade_start && ui->now < ui->fade_start + ui->cfg.fade_ms) {
        for (int i = 0; i < ui->reveal.nlines; i++) {
            VtRect r = ui->reveal.lines[i];
            /* line i starts lifting a little after line i - 1 */
            int64_t span = ui->cfg.fade_ms, delay = span * i / (2 * (ui->reveal.nlines + 1));
            int64_t at = (int64_t)(ui->now - ui->fade_start) - delay;
            int64_t k = at <= 0 ? 0 : at * 1000 / (span - delay);
            k = k > 1000 ? 1000 : k;
            k = 1000 - (1000 - k) * (1000 - k) / 1000; /* ease out */
            int gone = (int)(r.w * k / 1000);
            page_fill(&ui->prev_page, (VtRect){r.x + gone, r.y, r.w - gone, r.h}, VT_TEXT);
        }
        f->layers[f->nlayers++] = (VtLayer){&ui->prev_page, 0, 0, (VtRect){0, 0, t->w, t->h}, 255};
    }
    if (ui->overlay.nboxes)
        f->layers[f->nlayers++] = (VtLayer){&ui->overlay, 0, 0, (VtRect){0, 0, t->w, t->h}, 255};
    ui_marks(ui, f);
    ui->dirty = 0;
}
