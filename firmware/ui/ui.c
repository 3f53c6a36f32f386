/*
 * ui: the controller's life and navigation: the view stack, what each action does, the PIN pad
 * and the text size.
 *
 * Actions only change the state and mark pages invalid (relayout); ui_frame.c lays them out
 * lazily, so a burst of events (a language switch during a scroll) costs one build. The
 * scroller is re-targeted on every build and its offset restored from the view stack, so Back
 * returns to where the visitor was reading. Input handling lives in ui_input.c, the read-only
 * queries in ui_query.c; this file is what input asks for.
 */
#include "ui_private.h"

#include "screens.h"

#include <assert.h>
#include <stdint.h>
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

static VtView *top(VtUi *ui) { return &ui->stack[ui_top_index(ui)]; }

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
    return ui->attract ? VT_SCR_ATTRACT : ui->stack[ui_top_index(ui)].screen;
}

VtView ui_view(const VtUi *ui)
{
    return ui->attract ? (VtView){VT_SCR_ATTRACT, 0, 0, 0} : ui->stack[ui_top_index(ui)];
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

/* The place in the text being read (page_anchor), for a language switch to keep: the paragraph
 * that starts in the upper third of the view, else the one running through its top. 0 at the
 * page's start and on the timeline (its pixels are the same in both languages). */
static int reading_place(const VtUi *ui)
{
    int off = scroll_offset(&ui->scroll);
    if (ui->horizontal || off <= 0 || !ui->page_valid)
        return 0;
    return page_anchor_at(&ui->page, off + ui_viewport_h(ui) / 3);
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
        int view = ui->horizontal ? ui->theme.w : ui_viewport_h(ui);
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
