/*
 * gesture: a small state machine per primary touch (idle -> pressed -> dragging) plus a ring of
 * recent samples for the release velocity.
 *
 * The defaults, for a public kiosk rather than a phone:
 * - slop 4 mm: phones use about 1.5-2 mm, but kiosk visitors press harder, roll the fingertip
 *   on an upright screen, wear gloves or are children; a tap misread as a tiny drag loses the
 *   activation, while a drag that starts 4 mm later costs nothing visible.
 * - long press 800 ms (phones: 400-500 ms): visitors rest a finger on the glass while reading,
 *   and that must not trigger anything. A long press is only reported: lifted where it went
 *   down, it is still a tap, because older visitors and children press slowly and firmly.
 * - swipe 150 mm/s: a slow reading drag moves at tens of mm/s, a deliberate flick at several
 *   hundred; 150 sits well clear of both.
 * - velocity clamp 1300 mm/s (Android's 8000 dp/s): one glitching sample cannot throw the
 *   content kilometres away.
 * - velocity window 80 ms: long enough to average out touch jitter and a single late sample,
 *   short enough that a finger which pauses before lifting has (near) zero velocity.
 *
 * The first PAN of a drag carries the whole movement since the finger went down, slop
 * included, so the content stays under the finger (direct manipulation) and the PAN deltas of
 * a touch add up exactly to the finger's displacement along the locked axis.
 */
#include "gesture.h"

#include <assert.h>
#include <math.h>
#include <string.h>

/* Collects gestures into the caller's array; drops (and asserts on) overflow. */
typedef struct {
    VtGest *out;
    int max, n;
} Emit;

static void emit(Emit *e, VtGestKind kind, float x, float y, float a, float b)
{
    assert(e->n < e->max && "gesture output array too small: use VT_GEST_MAX_OUT");
    if (e->n >= e->max)
        return;
    VtGest *o = &e->out[e->n++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->x = x;
    o->y = y;
    if (kind == VT_GEST_PAN) {
        o->dx = a;
        o->dy = b;
    } else if (kind == VT_GEST_PAN_END || kind == VT_GEST_SWIPE) {
        o->vx = a;
        o->vy = b;
    }
}

void gesture_config_default(VtGestureConfig *cfg, float px_per_mm)
{
    assert(px_per_mm > 0);
    memset(cfg, 0, sizeof *cfg);
    cfg->px_per_mm = px_per_mm > 0 && isfinite(px_per_mm) ? px_per_mm : VT_GEST_FALLBACK_PX_PER_MM;
    cfg->tap_slop_mm = 4.0f;
    cfg->long_press_ms = 800;
    cfg->swipe_min_velocity_mm_s = 150.0f;
    cfg->max_velocity_mm_s = 1300.0f;
    cfg->velocity_window_ms = 80;
    cfg->axis = VT_GEST_AXIS_DOMINANT;
}

void gesture_init(VtGesture *g, const VtGestureConfig *cfg)
{
    memset(g, 0, sizeof *g);
    g->cfg = *cfg;
}

static void sample_push(VtGesture *g)
{
    int i = (g->ring_head + g->ring_len) % VT_GEST_SAMPLES;
    if (g->ring_len == VT_GEST_SAMPLES)
        g->ring_head = (g->ring_head + 1) % VT_GEST_SAMPLES;
    else
        g->ring_len++;
    g->ring[i] = (VtGestSample){g->t, g->x, g->y};
}

/* The i-th kept sample, 0 = oldest. */
static const VtGestSample *sample_at(const VtGesture *g, int i)
{
    return &g->ring[(g->ring_head + i) % VT_GEST_SAMPLES];
}

/* Zeroes the component the drag is not locked to. */
static void lock_vec(const VtGesture *g, float *x, float *y)
{
    if (g->lock == VT_GEST_AXIS_X)
        *y = 0;
    else if (g->lock == VT_GEST_AXIS_Y)
        *x = 0;
}

/* Scales (vx,vy) down to the configured maximum speed. */
static void clamp_speed(const VtGesture *g, float *vx, float *vy)
{
    float lim = g->cfg.max_velocity_mm_s * g->cfg.px_per_mm;
    float speed = sqrtf(*vx * *vx + *vy * *vy);
    if (lim > 0 && speed > lim) {
        *vx *= lim / speed;
        *vy *= lim / speed;
    }
}

/* Average velocity (px/s) over the window ending at the newest sample. The position at the
 * window's start is interpolated between the samples around it, so a finger that rested for
 * the whole window (whether or not the driver kept sending events) gives exactly zero. */
static void release_velocity(const VtGesture *g, float *vx, float *vy)
{
    const VtGestSample *end = sample_at(g, g->ring_len - 1), *first = sample_at(g, 0);
    uint64_t win = g->cfg.velocity_window_ms;
    uint64_t from = end->t_ms > win ? end->t_ms - win : 0;
    float sx = first->x, sy = first->y, span = (float)(end->t_ms - first->t_ms);
    /* The touch is older than the window: interpolate between the newest sample at or before
     * `from` and its successor (which is after `from`, so the division is safe). */
    for (int i = g->ring_len - 2; first->t_ms < from && i >= 0; i--) {
        const VtGestSample *a = sample_at(g, i), *b = sample_at(g, i + 1);
        if (a->t_ms > from)
            continue;
        float f = (float)(from - a->t_ms) / (float)(b->t_ms - a->t_ms);
        sx = a->x + (b->x - a->x) * f;
        sy = a->y + (b->y - a->y) * f;
        span = (float)win;
        break;
    }
    *vx = *vy = 0;
    if (span > 0) {
        *vx = (end->x - sx) * 1000.0f / span;
        *vy = (end->y - sy) * 1000.0f / span;
    }
    lock_vec(g, vx, vy);
    clamp_speed(g, vx, vy);
}

static bool long_press_pending(const VtGesture *g)
{
    return g->active && !g->dragging && !g->long_fired && !g->suppressed &&
           g->cfg.long_press_ms > 0;
}

static void fire_long_press_if_due(VtGesture *g, uint64_t now, Emit *e)
{
    if (long_press_pending(g) && now >= gesture_deadline(g)) {
        g->long_fired = true;
        emit(e, VT_GEST_LONG_PRESS, g->x, g->y, 0, 0);
    }
}

static VtGestAxis resolve_lock(VtGestAxis axis, float dx, float dy)
{
    if (axis != VT_GEST_AXIS_DOMINANT)
        return axis;
    return fabsf(dx) > fabsf(dy) ? VT_GEST_AXIS_X : VT_GEST_AXIS_Y;
}

/* Records the new position; crossing the slop starts the drag, a drag emits PAN. */
static void move_to(VtGesture *g, float x, float y, uint64_t t, Emit *e)
{
    g->x = x;
    g->y = y;
    g->t = t > g->t ? t : g->t;
    sample_push(g);
    if (!g->dragging) {
        float dx = x - g->down_x, dy = y - g->down_y;
        float slop = g->cfg.tap_slop_mm * g->cfg.px_per_mm;
        if (dx * dx + dy * dy <= slop * slop)
            return;
        g->dragging = true;
        g->lock = resolve_lock(g->cfg.axis, dx, dy);
    }
    float dx = x - g->pan_x, dy = y - g->pan_y;
    g->pan_x = x;
    g->pan_y = y;
    lock_vec(g, &dx, &dy);
    if (dx != 0 || dy != 0)
        emit(e, VT_GEST_PAN, x, y, dx, dy);
}

static void begin(VtGesture *g, const VtPtrEvent *ev, Emit *e)
{
    g->active = true;
    g->dragging = g->long_fired = g->suppressed = false;
    g->id = ev->id;
    g->lock = VT_GEST_AXIS_FREE;
    g->down_x = g->pan_x = g->x = ev->x;
    g->down_y = g->pan_y = g->y = ev->y;
    g->down_t = g->t = ev->t_ms;
    g->ring_head = g->ring_len = 0;
    sample_push(g);
    emit(e, VT_GEST_PRESS, ev->x, ev->y, 0, 0);
}

/* Ends the touch. lifted: the finger came up normally (TAP or a velocity are possible);
 * otherwise it was cancelled and a drag ends with zero velocity so the content settles. */
static void finish(VtGesture *g, bool lifted, Emit *e)
{
    if (g->dragging) {
        float vx = 0, vy = 0;
        if (lifted)
            release_velocity(g, &vx, &vy);
        emit(e, VT_GEST_PAN_END, g->x, g->y, vx, vy);
        float min = g->cfg.swipe_min_velocity_mm_s * g->cfg.px_per_mm;
        if (lifted && vx * vx + vy * vy >= min * min)
            emit(e, VT_GEST_SWIPE, g->x, g->y, vx, vy);
    } else if (lifted && !g->suppressed) { /* however long it was held: a slow press is a tap */
        emit(e, VT_GEST_TAP, g->x, g->y, 0, 0);
    }
    emit(e, VT_GEST_RELEASE, g->x, g->y, 0, 0);
    g->active = false;
}

static void on_down(VtGesture *g, const VtPtrEvent *ev, bool finite, Emit *e)
{
    if (g->active && ev->id != g->id)
        return; /* a second finger */
    if (g->active)
        finish(g, false, e); /* the same finger again: the old touch was lost */
    if (finite)
        begin(g, ev, e);
}

int gesture_feed(VtGesture *g, const VtPtrEvent *ev, VtGest *out, int max)
{
    Emit e = {out, max, 0};
    bool finite = isfinite(ev->x) && isfinite(ev->y);
    if (ev->type == VT_PTR_DOWN) {
        on_down(g, ev, finite, &e);
        return e.n;
    }
    if (!g->active || (ev->type != VT_PTR_CANCEL && ev->id != g->id))
        return 0;
    if (ev->type == VT_PTR_CANCEL) {
        finish(g, false, &e);
        return e.n;
    }
    fire_long_press_if_due(g, ev->t_ms, &e);
    if (finite)
        move_to(g, ev->x, ev->y, ev->t_ms, &e);
    if (ev->type == VT_PTR_UP)
        finish(g, true, &e);
    return e.n;
}

int gesture_tick(VtGesture *g, uint64_t now_ms, VtGest *out, int max)
{
    Emit e = {out, max, 0};
    fire_long_press_if_due(g, now_ms, &e);
    return e.n;
}

uint64_t gesture_deadline(const VtGesture *g)
{
    return long_press_pending(g) ? g->down_t + g->cfg.long_press_ms : 0;
}

void gesture_suppress_tap(VtGesture *g)
{
    if (g->active)
        g->suppressed = true;
}
