/*
 * ui_frame: what the controller shows, laid out and put together. A frame is layers of pages:
 * the page of the view on top (moving with the scroller), the chrome (the navigation bar, at
 * the top or the bottom, and the reader's Previous / Overview / Next bar above the bottom edge),
 * the controls fixed over the page, the attract reveal's bars, the overlay (the idle countdown
 * or a staff message) and the marks (ui_marks.c). Each page is laid out only when ui.c has
 * marked it invalid, the chrome first: its bars' heights are the page's viewport. ui_place() is
 * the one page-to-screen transform that drawing, hit testing, touch feedback and the focus ring
 * share.
 */
#include "ui_private.h"

#include "screens.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

static void build_page(VtUi *ui)
{
    VtBuild b = {ui->content, &ui->theme, &ui->measure, ui->lang, ui->today};
    const VtView *v = &ui->stack[ui_top_index(ui)];
    page_clear(&ui->page);
    page_clear(&ui->controls);
    ui->builds++;
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
        screen_timeline_build(&ui->page, &ui->controls, &b, ui_viewport_h(ui), &ui->tl);
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
    int view = ui->horizontal ? ui->theme.w : ui_viewport_h(ui);
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

/* The chrome, and the bottom bar's height (ui_foot_h) that the page's viewport leaves out: built
 * before the page (ui_frame), and again whenever the view on top changes (relayout). */
static void build_chrome(VtUi *ui)
{
    VtBuild b = {ui->content, &ui->theme, &ui->measure, ui->lang, ui->today};
    const VtView *v = &ui->stack[ui_top_index(ui)];
    const VtTheme *t = &ui->theme;
    page_clear(&ui->chrome);
    ui->chrome_valid = 1;
    ui->foot_h = 0;
    if (ui->attract)
        return;
    int bar = screen_chrome_build(&ui->chrome, &b, screen_title(ui, v), ui->depth > 1,
                                  ui_speech_label(ui), 0);
    if (ui->cfg.controls_bottom) /* to its place, now that its height is known */
        page_move(&ui->chrome, 0, t->h - bar);
    ui->theme.bar_h = bar; /* more rows where the buttons need them */
    if (v->screen != VT_SCR_READER)
        return;
    /* The reader's Previous / Overview / Next bar (one row or two): at the bottom, above the
     * controls there */
    ui->foot_h = screen_reader_nav(NULL, &b, v->doc, v->item, 0);
    screen_reader_nav(&ui->chrome, &b, v->doc, v->item,
                      t->h - ui->foot_h - (ui->cfg.controls_bottom ? bar : 0));
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
