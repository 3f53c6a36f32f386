/*
 * ui: the kiosk's behaviour as a plain-C state machine, driven by pointer events, keys and an
 * injected clock, and read out as a VtFrame of pages to draw.
 *
 * Screens form a stack (timeline at the bottom, then a document, then the reader or About);
 * the attract loop sits outside the stack and takes over when the idle timer expires. The
 * controller owns the current page and rebuilds it only when the screen, the language, the
 * size or the content changes; everything else (scrolling, touch feedback, the idle warning)
 * changes offsets and overlays, never layout. `dirty` says a frame must be drawn; ui_deadline()
 * says when the controller next needs the clock, so the main loop can sleep until then.
 */
#ifndef VT_UI_H
#define VT_UI_H

#include "content.h"
#include "gesture.h"
#include "idle.h"
#include "page.h"
#include "scroll.h"
#include "theme.h"
#include "wrap.h"

#include "buf.h"
#include "deadline.h"

typedef enum {
    VT_SCR_ATTRACT,
    VT_SCR_TIMELINE,
    VT_SCR_DOC,
    VT_SCR_READER,
    VT_SCR_ABOUT,
    VT_SCR_PIN,
    VT_SCR_STAFF
} VtScreen;

typedef enum {
    VT_KEY_NONE,
    VT_KEY_UP,
    VT_KEY_DOWN,
    VT_KEY_LEFT,
    VT_KEY_RIGHT,
    VT_KEY_PAGE_UP,
    VT_KEY_PAGE_DOWN,
    VT_KEY_ENTER,
    VT_KEY_ESCAPE,
    VT_KEY_TAB,
    VT_KEY_BACKTAB,
    VT_KEY_HOME,
    VT_KEY_LANG
} VtKey;

typedef struct {
    VtScreen screen;
    int doc, item;
    int scroll; /* offset to restore when coming back */
} VtView;

typedef struct {
    uint32_t idle_timeout_ms; /* back to the attract loop after this much inactivity */
    uint32_t idle_warn_ms;    /* the visible countdown before it */
    uint32_t attract_dwell_ms;
    uint32_t fade_ms; /* attract cross-fade */
    VtLang default_lang;
    float ppmm;         /* physical density if known, else 0 */
    char staff_pin[16]; /* "" disables the staff screen */
} VtUiConfig;

/* What the staff screen needs from the app; the ui does no I/O of its own. */
typedef struct {
    void *ctx;
    /* Appends the staff report (pack, last import, free space, uptime, recent log). */
    void (*staff_info)(void *ctx, VtBuf *out);
    /* Rolls back to the previous pack; writes a staff sentence into msg. Returns 0 or -1. */
    int (*rollback)(void *ctx, char *msg, size_t msglen);
} VtUiHooks;

/* One layer: a page drawn at an offset, clipped to a rectangle, with an opacity. */
typedef struct {
    const VtPage *page;
    int dx, dy;
    VtRect clip;
    uint8_t alpha;
} VtLayer;

typedef struct {
    VtLayer layers[4]; /* page, chrome or the fading slide, overlay */
    int nlayers;
    VtColor clear;
    VtRect pressed; /* screen rectangle under a finger (touch feedback), w == 0 for none */
    VtRect focus;   /* keyboard focus ring, w == 0 for none */
    VtRect thumb;   /* scroll position indicator, w == 0 when everything fits */
} VtFrame;

#define VT_UI_STACK 16

typedef struct {
    const VtContent *content;
    VtMeasure measure;
    VtTheme theme;
    VtUiConfig cfg;
    VtLang lang;
    VtView stack[VT_UI_STACK];
    int depth;   /* stack[depth-1] is shown unless attract */
    int attract; /* the attract loop is showing */
    VtPage page, chrome, overlay, prev_page;
    int page_valid, chrome_valid;
    VtScroll scroll;
    int horizontal; /* the page scrolls along x (timeline) */
    VtGesture gesture;
    VtIdle idle;
    VtAttract attractor;
    uint64_t fade_start;       /* attract cross-fade start, 0 when none */
    uint64_t attract_deadline; /* next slide change, 0 none */
    int pressed_layer;         /* 0 page, 1 chrome, -1 none */
    VtRect pressed;            /* in that layer's coordinates */
    int press_stopped;         /* the press stopped a moving scroller: no activation */
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
} VtUi;

/* Prepares the controller on content (borrowed: it must outlive the ui or be replaced with
 * ui_set_content) for a w x h screen. Starts in the attract loop. Cannot fail. */
void ui_init(VtUi *ui, const VtContent *c, const VtMeasure *m, int w, int h, const VtUiConfig *cfg,
             uint64_t now_ms, long today);
void ui_free(VtUi *ui);
void ui_set_hooks(VtUi *ui, const VtUiHooks *hooks);
void ui_config_default(VtUiConfig *cfg);

/* New content (a pack was installed): back to the timeline's start, everything rebuilt. */
void ui_set_content(VtUi *ui, const VtContent *c);
void ui_resize(VtUi *ui, int w, int h);

/* A new day (days since 1970-01-01): the timeline's "today" marker moves. */
void ui_set_today(VtUi *ui, long today);

void ui_pointer(VtUi *ui, const VtPtrEvent *ev);
void ui_key(VtUi *ui, VtKey key, uint64_t now_ms);
/* Advances time: momentum, idle timer, attract loop, fades, toasts. */
void ui_tick(VtUi *ui, uint64_t now_ms);
/* Adds the next time ui_tick has work to d; adds nothing when nothing is scheduled. */
void ui_deadline(const VtUi *ui, VtDeadline *d);

/* Leaves any screen for the attract loop, resetting language and navigation. */
void ui_enter_attract(VtUi *ui);

/* A short message for staff at the bottom of the screen for ms milliseconds. */
void ui_toast(VtUi *ui, const char *msg, uint32_t ms);

/* Rebuilds what is stale and fills the frame; clears dirty. */
void ui_frame(VtUi *ui, VtFrame *f);

/* Navigation, used by input handling and by scripts/tests. */
void ui_activate(VtUi *ui, VtAction a, int arg, int arg2);
VtScreen ui_screen(const VtUi *ui);

/* The screen's name in logs, scripts and systemd's status line ("attract", "timeline", ...);
 * a static string, never NULL ("?" for a value out of range). */
const char *ui_screen_name(VtScreen s);

#endif
