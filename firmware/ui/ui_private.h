/*
 * ui_private: the controller's state, for the ui's own files (ui.c, ui_frame.c, ui_input.c,
 * ui_query.c, ui_marks.c, ui_speech.c) and for tests that check internals, which include it by
 * name and say why (in the spirit of LVGL's *_private.h). Everyone else holds an opaque VtUi *
 * and goes through ui.h, so the state can change shape without touching the app, the script
 * harness or the renderer.
 *
 * Invariants the code relies on (asserted where used): 1 <= depth <= VT_UI_STACK; the views on
 * the stack index documents and items of `content`; focus is -1 or an index into the focus
 * order; pressed_layer is -1 or a layer of the frame (VT_LAYER_PAGE, VT_LAYER_CHROME,
 * VT_LAYER_CONTROLS).
 */
#ifndef VT_UI_PRIVATE_H
#define VT_UI_PRIVATE_H

#include "ui.h"

#include "gesture.h"
#include "idle.h"
#include "screens.h"
#include "scroll.h"
#include "theme.h"
#include "ui_speech.h"

#include <assert.h>

#define VT_UI_STACK 16

/* The layers a point on the screen can belong to, numbered as in VtFrame.layers (the controls'
 * layer is in the frame only when it has boxes, after the chrome). */
enum { VT_LAYER_PAGE, VT_LAYER_CHROME, VT_LAYER_CONTROLS };

struct VtUi {
    const VtContent *content; /* borrowed: see ui_new() and ui_set_content() */
    VtMeasure measure;
    VtTheme theme;
    VtUiConfig cfg;
    VtLang lang;
    VtView stack[VT_UI_STACK];
    int depth;                               /* stack[depth-1] is shown unless attract */
    int attract;                             /* the attract loop is showing */
    VtPage page, chrome, overlay, prev_page; /* prev_page: the attract reveal's bars */
    VtPage marks;      /* touch feedback, scroll indicator, focus ring: rebuilt every frame */
    VtPage controls;   /* fixed over the page: scroll buttons, the timeline's band */
    VtTimelineInfo tl; /* the timeline as last laid out */
    int page_valid, chrome_valid;
    VtScroll scroll;
    int horizontal; /* the page scrolls along x (timeline) */
    int foot_h;     /* the bottom bar's height for the chrome as built (ui_foot_h) */
    int anchor;     /* the place in the text to open the next build at (page_anchor), 0 none */
    VtGesture gesture;
    VtIdle idle;
    VtAttract attractor;
    VtAttractReveal reveal;    /* the current slide's quote lines, for the redaction bar */
    uint64_t fade_start;       /* attract slide reveal start, 0 when none */
    uint64_t attract_deadline; /* next slide change, 0 none */
    int pressed_layer;         /* VT_LAYER_PAGE or VT_LAYER_CHROME, -1 none */
    VtRect pressed;            /* in that layer's coordinates */
    int press_stopped;         /* the press stopped a moving scroller: no activation */
    int swallowed;             /* the touch dismissed the idle warning: it does nothing else */
    int focus;                 /* index into the focus order, -1 none */
    int warn_secs;             /* seconds shown in the idle warning, -1 none */
    char toast[200];
    uint64_t toast_until;
    uint64_t now;
    long today; /* days since epoch of the injected wall clock */
    int dirty;
    unsigned long builds; /* page builds, for the stats */
    VtUiHooks hooks;
    char pin[16]; /* digits typed on the PIN pad */
    int pin_len, pin_tries;
    uint64_t pin_locked_until, corner_press;
    const char *pin_msg; /* a VtStr text shown on the pad, or NULL */
    VtUiSpeech speech;   /* read aloud (ui_speech.c) */
};

/* The index of the view on top of the stack (shown unless the attract loop is). */
static inline int ui_top_index(const VtUi *ui)
{
    assert(ui->depth >= 1 && ui->depth <= VT_UI_STACK);
    return ui->depth - 1;
}

/* Height of the bar fixed at the bottom of the screen (the reader's Previous / Overview / Next,
 * part of the chrome layer) for the chrome as last built, 0 on the other screens. */
static inline int ui_foot_h(const VtUi *ui) { return ui->foot_h; }

/* Where a layer sits on the screen: its page point (x, y) is drawn at (x + dx, y + dy), and
 * only inside clip. The page layer moves with the scroller between the top bar and the bottom
 * bar (the whole screen in the attract loop); the chrome is the top bar and the bottom bar,
 * fixed. The one place the page-to-screen
 * transform is written: drawing, hit testing, touch feedback, the focus ring and scrolling to
 * the focus all go through it. */
typedef struct {
    int dx, dy;
    VtRect clip;
} VtPlace;
VtPlace ui_place(const VtUi *ui, int layer);

/* The height of the page's view: the screen between the bars. */
static inline int ui_viewport_h(const VtUi *ui) { return ui_place(ui, VT_LAYER_PAGE).clip.h; }

/* A rectangle of a layer's page on the screen. */
static inline VtRect place_rect(VtPlace p, VtRect r)
{
    return (VtRect){r.x + p.dx, r.y + p.dy, r.w, r.h};
}

/* The focus order: the top bar's targets, the page's, then the controls', as they were added.
 * Returns the number of targets; ui_focus_hit returns target i (0 <= i < count, asserted) and its
 * layer. */
int ui_focus_count(const VtUi *ui);
const VtHit *ui_focus_hit(const VtUi *ui, int i, int *layer);

/* Fills f's pressed, thumb and focus and adds the layer that draws them (ui_marks.c). */
void ui_marks(VtUi *ui, VtFrame *f);

/* 1 while a staff message (ui_toast) is on the screen. */
static inline int ui_toast_shown(const VtUi *ui)
{
    return ui->toast[0] && ui->now < ui->toast_until;
}

/* The hidden staff gesture's target: the PIN pad (when a PIN is configured). */
void ui_open_pin(VtUi *ui);

/* One key of the PIN pad (0-9, 10 delete, 11 confirm). */
void ui_pin_key(VtUi *ui, int key);

#endif
