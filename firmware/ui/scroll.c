/*
 * scroll: the motion is a chain of closed-form phases, each described by its start time,
 * offset and velocity (x0, v0 at t0):
 *
 *   momentum  x(t) = x0 + v0 T (1 - e^(-t/T))   v(t) = v0 e^(-t/T)
 *   spring    x(t) = b + (A + B t) e^(-t/S)      A = x0 - b, B = v0 + A/S   (critically damped)
 *
 * Momentum ends where |v| falls to the rest velocity, t = T ln(|v0|/v_rest), or earlier where
 * it reaches an end, t = -T ln(1 - (edge - x0)/(v0 T)); the spring then takes over from that
 * end with the velocity momentum had there, overshoots and comes back. A spring started beyond
 * an end with a strong inward velocity crosses the end at t = -A/B and hands over to momentum
 * again. Each hand-over time comes from these formulas, not from the frame that noticed it.
 *
 * The defaults:
 * - momentum time constant 325 ms: iOS's "normal" rate (0.998 per ms) is a time constant of
 *   about 500 ms, which on a large upright kiosk screen feels floaty and carries a reader past
 *   the paragraph they aimed at. With 325 ms (the value commonly used for iOS-like kinetic
 *   scrolling on the web) a flick glides v x 325 ms: a brisk 2000 px/s flick carries the
 *   content 650 px, some 60% of a 1080p screen's height, and rests after 1.7 s.
 * - rest below 10 px/s: slower than a pixel every six frames at 60 Hz, so stopping there is
 *   invisible, and the glide ends after a definite time instead of crawling sub-pixel.
 * - spring 70 ms: a 100 px overshoot is back within half a pixel in about half a second, the
 *   feel of iOS's bounce; a flick into an end at 3000 px/s overshoots about 77 px.
 * - rubber band 0.55 of the viewport: iOS's constant; the content moves at most a viewport
 *   past an end however far the finger goes.
 */
#include "scroll.h"

#include <math.h>
#include <string.h>

/* Bounded hand-overs per step; each loses energy, so a real chain is two or three long. */
#define MAX_PHASES_PER_STEP 8

void scroll_config_default(VtScrollConfig *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->time_constant_ms = 325.0f;
    cfg->rest_velocity_px_s = 10.0f;
    cfg->spring_ms = 70.0f;
    cfg->rubber_band = 0.55f;
}

void scroll_init(VtScroll *s, const VtScrollConfig *cfg, int content_len, int viewport_len)
{
    VtScrollConfig def;
    scroll_config_default(&def);
    memset(s, 0, sizeof *s);
    s->cfg = *cfg;
    /* Zero or negative would divide by zero or glide forever. */
    if (!(s->cfg.time_constant_ms > 0))
        s->cfg.time_constant_ms = def.time_constant_ms;
    if (!(s->cfg.rest_velocity_px_s > 0))
        s->cfg.rest_velocity_px_s = def.rest_velocity_px_s;
    if (!(s->cfg.spring_ms > 0))
        s->cfg.spring_ms = def.spring_ms;
    scroll_set_content(s, content_len, viewport_len);
}

int scroll_max(const VtScroll *s)
{
    return s->content_len > s->viewport_len ? s->content_len - s->viewport_len : 0;
}

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* Rubber band: a finger overshoot x moves the content (1 - 1/(x c/d + 1)) d, which follows the
 * finger at first and approaches d (the viewport) however far the finger goes. */
static double rubber(const VtScroll *s, double x)
{
    double c = s->cfg.rubber_band, d = s->viewport_len > 0 ? s->viewport_len : 1;
    return c > 0 ? (1.0 - 1.0 / (x * c / d + 1.0)) * d : 0;
}

/* The inverse, to pick up content caught beyond an end where the finger would have put it. */
static double unrubber(const VtScroll *s, double y)
{
    double c = s->cfg.rubber_band, d = s->viewport_len > 0 ? s->viewport_len : 1;
    y = clampd(y, 0, 0.999 * d);
    return c > 0 ? (y / c) / (1.0 - y / d) : 0;
}

static double band(const VtScroll *s, double raw)
{
    double m = scroll_max(s);
    if (raw < 0)
        return -rubber(s, -raw);
    return raw > m ? m + rubber(s, raw - m) : raw;
}

static double unband(const VtScroll *s, double offset)
{
    double m = scroll_max(s);
    if (offset < 0)
        return -unrubber(s, -offset);
    return offset > m ? m + unrubber(s, offset - m) : offset;
}

static void rest_at(VtScroll *s, double x)
{
    s->phase = VT_SCROLL_REST;
    s->offset = clampd(round(x), 0, scroll_max(s));
}

static double momentum_x(const VtScroll *s, double t)
{
    return s->x0 - s->v0 * s->cfg.time_constant_ms * expm1(-t / s->cfg.time_constant_ms);
}

static void start_momentum(VtScroll *s, double x, double v, double t0)
{
    double tau = s->cfg.time_constant_ms, v_rest = s->cfg.rest_velocity_px_s / 1000.0;
    s->phase = VT_SCROLL_MOMENTUM;
    s->t0 = t0;
    s->offset = s->x0 = x;
    s->v0 = v;
    s->t_end = tau * log(fabs(v) / v_rest);
    s->end_hits = false;
    double edge = v > 0 ? scroll_max(s) : 0;
    double frac = (edge - x) / (v * tau); /* share of the whole glide needed to reach the edge */
    if (frac < 1) {
        double t_hit = -tau * log1p(-frac);
        if (t_hit < s->t_end) {
            s->t_end = t_hit;
            s->end_hits = true;
        }
    }
}

static void start_motion(VtScroll *s, double x, double v, double t0);

static void start_spring(VtScroll *s, double x, double v, double t0, double bound)
{
    double a = x - bound, b = v + a / s->cfg.spring_ms;
    s->phase = VT_SCROLL_SPRING;
    s->t0 = t0;
    s->offset = s->x0 = x;
    s->v0 = v;
    s->bound = bound;
    s->t_end = (a != 0 && a * b < 0) ? -a / b : -1;
}

/* Momentum within bounds, a spring beyond them, or rest when too slow to move. */
static void start_motion(VtScroll *s, double x, double v, double t0)
{
    double m = scroll_max(s);
    if (x < 0 || x > m)
        start_spring(s, x, v, t0, x < 0 ? 0 : m);
    else if (fabs(v) * 1000.0 <= s->cfg.rest_velocity_px_s)
        rest_at(s, x);
    else
        start_momentum(s, x, v, t0);
}

/* Each step_* advances its phase to time t after t0; true when it handed over to another
 * phase, which then has to be advanced too. */
static bool step_momentum(VtScroll *s, double t)
{
    if (t < s->t_end) {
        s->offset = momentum_x(s, t);
        return false;
    }
    double v = s->v0 * exp(-s->t_end / s->cfg.time_constant_ms);
    if (!s->end_hits) {
        rest_at(s, momentum_x(s, s->t_end));
        return false;
    }
    double edge = v > 0 ? scroll_max(s) : 0;
    start_spring(s, edge, v, s->t0 + s->t_end, edge);
    return true;
}

static bool step_spring(VtScroll *s, double t)
{
    double ts = s->cfg.spring_ms, a = s->x0 - s->bound, b = s->v0 + a / ts;
    if (s->t_end >= 0 && t >= s->t_end) {
        start_motion(s, s->bound, b * exp(-s->t_end / ts), s->t0 + s->t_end);
        return s->phase != VT_SCROLL_REST;
    }
    double e = exp(-t / ts), y = (a + b * t) * e, v = (b - (a + b * t) / ts) * e;
    if (fabs(y) < 0.5 && fabs(v) * 1000.0 < s->cfg.rest_velocity_px_s)
        rest_at(s, s->bound);
    else
        s->offset = s->bound + y;
    return false;
}

bool scroll_step(VtScroll *s, uint64_t now_ms)
{
    bool again = true;
    for (int i = 0; again && i < MAX_PHASES_PER_STEP; i++) {
        double t = (double)now_ms - s->t0;
        t = t > 0 ? t : 0;
        if (s->phase == VT_SCROLL_MOMENTUM)
            again = step_momentum(s, t);
        else if (s->phase == VT_SCROLL_SPRING)
            again = step_spring(s, t);
        else
            again = false;
    }
    return scroll_is_moving(s);
}

void scroll_set_content(VtScroll *s, int content_len, int viewport_len)
{
    s->content_len = content_len > 0 ? content_len : 0;
    s->viewport_len = viewport_len > 0 ? viewport_len : 0;
    if (s->phase == VT_SCROLL_HELD)
        s->offset = s->raw = clampd(s->offset, 0, scroll_max(s));
    else
        rest_at(s, s->offset);
}

void scroll_jump(VtScroll *s, int offset)
{
    s->offset = clampd(offset, 0, scroll_max(s));
    if (s->phase == VT_SCROLL_HELD)
        s->raw = s->offset;
    else
        s->phase = VT_SCROLL_REST;
}

void scroll_stop(VtScroll *s)
{
    s->phase = VT_SCROLL_HELD;
    s->raw = unband(s, s->offset);
}

void scroll_drag(VtScroll *s, float delta)
{
    if (s->phase != VT_SCROLL_HELD)
        scroll_stop(s);
    if (isfinite(delta))
        s->raw -= delta;
    s->offset = band(s, s->raw);
}

void scroll_release(VtScroll *s, float velocity_px_s, uint64_t now_ms)
{
    if (s->phase != VT_SCROLL_HELD)
        return;
    double v = isfinite(velocity_px_s) ? -velocity_px_s / 1000.0 : 0;
    start_motion(s, s->offset, v, (double)now_ms);
}

bool scroll_is_moving(const VtScroll *s)
{
    return s->phase == VT_SCROLL_MOMENTUM || s->phase == VT_SCROLL_SPRING;
}

int scroll_offset(const VtScroll *s) { return (int)lround(s->offset); }
