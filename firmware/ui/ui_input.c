/*
 * ui_input: pointer gestures, keys and time.
 *
 * A touch first goes through the gesture recogniser; the controller maps its output to the
 * screen: PRESS finds the hit target under the finger for feedback (and stops momentum, in
 * which case that touch activates nothing: a visitor stopping a scroll did not mean to tap),
 * PAN moves the scroller along the page's axis, SWIPE turns the page in the reader, TAP
 * activates. Keys give the same actions without a touch screen: Tab/Shift+Tab walk a focus
 * ring through every target, Enter activates, Escape goes back, arrows scroll or turn pages.
 */
#include "ui_private.h"

#include "screens.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Which layer and hit is under a screen point: chrome first, then the fixed controls over the
 * page, then the page. */
static const VtHit *hit_at(VtUi *ui, int x, int y, int *layer)
{
    VtRect page = ui_place(ui, VT_LAYER_PAGE).clip; /* the bars are all that is not the page */
    *layer = !ui->attract && !rect_contains(page, x, y) ? VT_LAYER_CHROME : VT_LAYER_PAGE;
    if (*layer == VT_LAYER_PAGE && !ui->attract) {
        VtPlace c = ui_place(ui, VT_LAYER_CONTROLS);
        const VtHit *h = page_hit_at(&ui->controls, x - c.dx, y - c.dy);
        if (h) {
            *layer = VT_LAYER_CONTROLS;
            return h;
        }
    }
    VtPlace p = ui_place(ui, *layer);
    return page_hit_at(*layer == VT_LAYER_CHROME ? &ui->chrome : &ui->page, x - p.dx, y - p.dy);
}

static void on_press(VtUi *ui, const VtGest *g)
{
    if (ui->attract) { /* the first touch opens the slide's story in the half's language */
        gesture_suppress_tap(&ui->gesture);
        int layer;
        const VtHit *h = hit_at(ui, (int)g->x, (int)g->y, &layer);
        ui_activate(ui, h ? h->action : VT_ACT_EXPLORE, h ? h->arg : 0, h ? h->arg2 : 0);
        return;
    }
    ui->press_stopped = scroll_is_moving(&ui->scroll);
    if (ui->press_stopped)
        gesture_suppress_tap(&ui->gesture);
    scroll_stop(&ui->scroll);
    int layer;
    const VtHit *h = hit_at(ui, (int)g->x, (int)g->y, &layer);
    if (h && !ui->press_stopped) {
        ui->pressed_layer = layer;
        ui->pressed = h->r;
        ui->dirty = 1;
    }
}

static void on_tap(VtUi *ui, const VtGest *g)
{
    int layer;
    const VtHit *h = hit_at(ui, (int)g->x, (int)g->y, &layer);
    if (h)
        ui_activate(ui, h->action, h->arg, h->arg2);
}

/* Turns the reader's page on a horizontal swipe: finger to the left shows the next unit. */
static void on_swipe(VtUi *ui, const VtGest *g)
{
    VtView v = ui_view(ui);
    if (v.screen != VT_SCR_READER || fabsf(g->vx) <= fabsf(g->vy))
        return;
    assert(v.doc >= 0 && v.doc < ui->content->ndocs);
    int next = screen_reader_step(&ui->content->docs[v.doc], v.item, g->vx < 0 ? +1 : -1);
    if (next >= 0)
        ui_activate(ui, g->vx < 0 ? VT_ACT_NEXT : VT_ACT_PREV, v.doc, next);
}

/* The hidden staff gesture: the Home button (top left) held still for VT_UI_STAFF_HOLD_MS,
 * twice within VT_UI_STAFF_WINDOW_MS. The first hold is an ordinary press of Home when it lifts
 * (a visitor pressing slowly goes home, as with a tap); the second opens the PIN pad and does
 * nothing else. Two holds that long, so close, are not made by accident. */
static void on_long_press(VtUi *ui, const VtGest *g)
{
    int layer;
    const VtHit *h = hit_at(ui, (int)g->x, (int)g->y, &layer);
    if (ui->attract || layer != VT_LAYER_CHROME || !h || h->action != VT_ACT_HOME)
        return;
    if (ui->corner_press && ui->now - ui->corner_press < VT_UI_STAFF_WINDOW_MS) {
        ui->corner_press = 0;
        ui->swallowed = 1; /* the lift must not press what the pad put under the finger */
        ui_open_pin(ui);
    } else {
        ui->corner_press = ui->now;
    }
}

static void on_gesture(VtUi *ui, const VtGest *g)
{
    if (ui->swallowed) { /* it dismissed the idle warning or opened the PIN pad: nothing else */
        ui->swallowed = g->kind != VT_GEST_RELEASE;
        return;
    }
    switch (g->kind) {
    case VT_GEST_PRESS: on_press(ui, g); break;
    case VT_GEST_RELEASE:
        if (ui->pressed_layer >= 0)
            ui->dirty = 1;
        ui->pressed_layer = -1;
        scroll_release(&ui->scroll, 0, ui->now); /* a tap that caught a bounce lets go */
        break;
    case VT_GEST_TAP: on_tap(ui, g); break;
    case VT_GEST_PAN:
        if (ui->pressed_layer >= 0)
            ui->dirty = 1;
        ui->pressed_layer = -1; /* a drag is not a press */
        scroll_drag(&ui->scroll, ui->horizontal ? g->dx : g->dy);
        ui->dirty = 1;
        break;
    case VT_GEST_PAN_END:
        scroll_release(&ui->scroll, ui->horizontal ? g->vx : g->vy, ui->now);
        ui->dirty = 1;
        break;
    case VT_GEST_SWIPE: on_swipe(ui, g); break;
    case VT_GEST_LONG_PRESS: on_long_press(ui, g); break;
    default: break;
    }
}

void ui_pointer(VtUi *ui, const VtPtrEvent *ev)
{
    VtGest out[VT_GEST_MAX_OUT];
    ui->now = ev->t_ms > ui->now ? ev->t_ms : ui->now;
    int n = gesture_feed(&ui->gesture, ev, out, VT_GEST_MAX_OUT);
    if (n == 0)
        return; /* a stray event (a second finger, a lift with no touch) is not a visitor */
    idle_touch(&ui->idle, ui->now);
    if (ui->warn_secs >= 0) { /* a touch anywhere keeps the visit, and only that */
        ui->warn_secs = -1;
        ui->dirty = 1;
        ui->swallowed = out[0].kind == VT_GEST_PRESS;
        gesture_suppress_tap(&ui->gesture);
    }
    for (int i = 0; i < n; i++)
        on_gesture(ui, &out[i]);
}

int ui_focus_count(const VtUi *ui)
{
    return ui->attract ? ui->page.nhits : ui->chrome.nhits + ui->page.nhits + ui->controls.nhits;
}

const VtHit *ui_focus_hit(const VtUi *ui, int i, int *layer)
{
    assert(i >= 0 && i < ui_focus_count(ui));
    int nc = ui->attract ? 0 : ui->chrome.nhits, np = ui->page.nhits;
    *layer = i < nc ? VT_LAYER_CHROME : i < nc + np ? VT_LAYER_PAGE : VT_LAYER_CONTROLS;
    return i < nc        ? &ui->chrome.hits[i]
           : i < nc + np ? &ui->page.hits[i - nc]
                         : &ui->controls.hits[i - nc - np];
}

/* Scrolls so the focused page target is in view, a margin clear of the edge it was beyond. */
static void reveal_focus(VtUi *ui)
{
    int layer;
    const VtHit *h = ui_focus_hit(ui, ui->focus, &layer);
    if (layer != VT_LAYER_PAGE)
        return; /* the top bar and the controls do not move */
    VtPlace p = ui_place(ui, VT_LAYER_PAGE);
    VtRect r = place_rect(p, h->r);
    int a = ui->horizontal ? r.x : r.y, len = ui->horizontal ? r.w : r.h;
    int start = ui->horizontal ? p.clip.x : p.clip.y, view = ui->horizontal ? p.clip.w : p.clip.h;
    int margin = ui->theme.margin, move = 0;
    if (a < start)
        move = a - start - margin;
    else if (a + len > start + view)
        move = a + len - (start + view) + margin;
    scroll_jump(&ui->scroll, scroll_offset(&ui->scroll) + move);
}

static void scroll_by(VtUi *ui, int delta)
{
    int want = scroll_offset(&ui->scroll) + delta;
    if (want < 0)
        want = 0;
    if (want > scroll_max(&ui->scroll))
        want = scroll_max(&ui->scroll);
    scroll_jump(&ui->scroll, want);
}

static void key_turn(VtUi *ui, int dir)
{
    VtView v = ui_view(ui);
    if (v.screen == VT_SCR_READER) {
        assert(v.doc >= 0 && v.doc < ui->content->ndocs);
        int next = screen_reader_step(&ui->content->docs[v.doc], v.item, dir);
        if (next >= 0)
            ui_activate(ui, dir > 0 ? VT_ACT_NEXT : VT_ACT_PREV, v.doc, next);
    } else if (ui->horizontal) {
        scroll_by(ui, dir * ui->theme.w / 3);
    }
}

void ui_key(VtUi *ui, VtKey key, uint64_t now_ms)
{
    ui->now = now_ms > ui->now ? now_ms : ui->now;
    idle_touch(&ui->idle, ui->now);
    int warned = ui->warn_secs >= 0;
    ui->warn_secs = -1;
    ui->dirty = 1;
    if (warned) /* as a touch: the key keeps the visit and does nothing else */
        return;
    if (ui->attract) {
        ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
        return;
    }
    const VtTheme *t = &ui->theme;
    int n = ui_focus_count(ui), layer;
    switch (key) {
    case VT_KEY_TAB:
    case VT_KEY_BACKTAB:
        if (n) {
            int step = key == VT_KEY_TAB ? 1 : n - 1;
            ui->focus = ui->focus < 0 ? (key == VT_KEY_TAB ? 0 : n - 1) : (ui->focus + step) % n;
            reveal_focus(ui);
        }
        break;
    case VT_KEY_ENTER:
        if (ui->focus >= 0 && ui->focus < n) {
            const VtHit *h = ui_focus_hit(ui, ui->focus, &layer);
            ui_activate(ui, h->action, h->arg, h->arg2);
        }
        break;
    case VT_KEY_ESCAPE: ui_activate(ui, VT_ACT_BACK, 0, 0); break;
    case VT_KEY_HOME: ui_activate(ui, VT_ACT_HOME, 0, 0); break;
    case VT_KEY_LANG: ui_activate(ui, VT_ACT_LANG, 0, 0); break;
    case VT_KEY_UP: scroll_by(ui, -t->body_line * 2); break;
    case VT_KEY_DOWN: scroll_by(ui, t->body_line * 2); break;
    case VT_KEY_PAGE_UP: scroll_by(ui, -ui_place(ui, VT_LAYER_PAGE).clip.h * 9 / 10); break;
    case VT_KEY_PAGE_DOWN: scroll_by(ui, ui_place(ui, VT_LAYER_PAGE).clip.h * 9 / 10); break;
    case VT_KEY_LEFT: key_turn(ui, -1); break;
    case VT_KEY_RIGHT: key_turn(ui, +1); break;
    default: break;
    }
}

void ui_wake(VtUi *ui, uint64_t now_ms)
{
    ui->now = now_ms > ui->now ? now_ms : ui->now;
    if (ui->attract)
        ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    idle_touch(&ui->idle, ui->now);
}

void ui_keep_alive(VtUi *ui, int on, uint64_t now_ms)
{
    ui->now = now_ms > ui->now ? now_ms : ui->now;
    if (ui->attract)
        return;
    idle_hold(&ui->idle, on != 0, ui->now);
    if (on && ui->warn_secs >= 0) {
        ui->warn_secs = -1;
        ui->dirty = 1;
    }
}

void ui_toast(VtUi *ui, const char *msg, uint32_t ms)
{
    snprintf(ui->toast, sizeof ui->toast, "%s", msg);
    ui->toast_until = ui->now + ms;
    ui->dirty = 1;
}

/* A hook told phrase by phrase (a 7" panel): once a phrase is built its end is known, and the
 * slide is held until then; at its end the next phrase comes, the last one ends the slide.
 * Returns 1 when a new phrase is due. */
static int tick_phrase(VtUi *ui)
{
    VtAttractReveal *r = &ui->reveal;
    if (!ui->attractor.running || r->nphrases < 2 || !ui->page_valid)
        return 0;
    if (!r->phrase_end) {
        r->phrase_end = ui->now + r->phrase_ms;
        attract_hold(&ui->attractor, r->phrase_end);
    }
    if (ui->now < r->phrase_end || r->phrase + 1 >= r->nphrases)
        return 0;
    r->phrase++;
    r->phrase_end = 0;
    attract_hold(&ui->attractor, ui->now + ui->attractor.dwell_ms); /* until it is built */
    return 1;
}

static void tick_attract(VtUi *ui)
{
    uint64_t dl;
    size_t before = ui->attractor.index;
    int was_running = ui->attractor.running;
    int phrase = tick_phrase(ui);
    size_t slide = attract_next(&ui->attractor, &ui->idle, ui->now, &dl);
    if (!was_running || slide != before)
        ui->reveal.phrase = 0, ui->reveal.phrase_end = 0;
    ui->attract_deadline = dl;
    if (phrase || !was_running || slide != before) {
        ui->page_valid = 0;
        ui->fade_start = ui->now;
        ui->dirty = 1;
    }
    if (ui->fade_start) {
        if (ui->now >= ui->fade_start + ui->cfg.fade_ms)
            ui->fade_start = 0;
        ui->dirty = 1;
    }
}

void ui_tick(VtUi *ui, uint64_t now_ms)
{
    VtGest out[VT_GEST_MAX_OUT];
    ui->now = now_ms > ui->now ? now_ms : ui->now;
    int n = gesture_tick(&ui->gesture, ui->now, out, VT_GEST_MAX_OUT);
    for (int i = 0; i < n; i++)
        on_gesture(ui, &out[i]);
    if (scroll_is_moving(&ui->scroll)) {
        scroll_step(&ui->scroll, ui->now);
        ui->dirty = 1;
    }
    if (ui_speaking(ui) && !ui->attract)
        idle_touch(&ui->idle, ui->now); /* no time-out while a reading is heard */
    uint32_t secs = 0;
    VtIdleState st = idle_state(&ui->idle, ui->now, &secs);
    if (st == VT_IDLE_EXPIRED && !ui->attract)
        ui_enter_attract(ui);
    else if (st != VT_IDLE_EXPIRED && ui->attract) /* input arrived: the visit has begun */
        ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    int warn = (st == VT_IDLE_WARNING && !ui->attract) ? (int)secs : -1;
    if (warn != ui->warn_secs) {
        ui->warn_secs = warn;
        ui->dirty = 1;
    }
    if (ui->attract)
        tick_attract(ui);
    if (ui->toast[0] && ui->now >= ui->toast_until) {
        ui->toast[0] = '\0';
        ui->dirty = 1;
    }
}

/* The ui's parts say "nothing due" with 0 (gesture_deadline, idle_deadline): add nothing then. */
static void add(VtDeadline *d, uint64_t at)
{
    if (at)
        deadline_at(d, at);
}

void ui_deadline(const VtUi *ui, VtDeadline *d)
{
    add(d, gesture_deadline(&ui->gesture));
    if (scroll_is_moving(&ui->scroll) || ui->fade_start)
        deadline_at(d, ui->now + 16); /* animate at about 60 Hz */
    if (!ui->attract)
        add(d, idle_deadline(&ui->idle, ui->now));
    else if (!ui->attractor.running)
        deadline_at(d, ui->now); /* start the attract session on the next tick */
    else
        add(d, ui->attract_deadline);
    if (ui->toast[0])
        add(d, ui->toast_until);
}
