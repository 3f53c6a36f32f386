/*
 * ui: the kiosk's behaviour as a plain-C state machine, driven by pointer events, keys and an
 * injected clock, and read out as a VtFrame of pages to draw.
 *
 * Screens form a stack (timeline at the bottom, then a document, then the reader or About);
 * the attract loop sits outside the stack and takes over when the idle timer expires. The
 * controller owns the current page and rebuilds it only when the screen, the language, the
 * size or the content changes; everything else (scrolling, touch feedback, the idle warning)
 * changes offsets and overlays, never layout. ui_needs_draw() says a frame must be drawn;
 * ui_deadline() says when the controller next needs the clock, so the main loop can sleep until
 * then.
 *
 * The controller is opaque: callers send commands (input, time, content, navigation) and ask
 * queries (the screen, the view, the language, where a target is); only the ui's own files and
 * tests of its internals see the state, in ui_private.h.
 */
#ifndef VT_UI_H
#define VT_UI_H

#include "content.h"
#include "gesture.h"
#include "page.h"
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
    float ppmm;          /* physical density if known, else 0 (a 7" panel is assumed) */
    int text_pct;        /* text size a visit starts at: one of VT_TEXT_STEP_PCT (theme.h) */
    int controls_bottom; /* the navigation bar at the bottom (seated visitors), else the top */
    char staff_pin[16];  /* "" disables the staff screen */
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

/* Everything a frame shows is in its layers, drawn in order: the page, the top bar or the
 * fading slide, the idle countdown or a staff message, and the marks (touch feedback, scroll
 * indicator, focus ring). The rectangles say where the marks are, for tests and scripts; the
 * renderer draws only the layers. */
typedef struct {
    VtLayer layers[4];
    int nlayers;
    VtColor clear;
    VtRect pressed; /* screen rectangle under a finger (touch feedback), w == 0 for none */
    VtRect focus;   /* the target inside the keyboard focus ring, w == 0 for none */
    VtRect thumb;   /* scroll position indicator, w == 0 when everything fits */
    VtRect spoken;  /* the mark under the first line of the sentence read aloud, w == 0: none */
} VtFrame;

typedef struct VtUi VtUi; /* opaque: the state lives in ui_private.h */

/*
 * Lifetime. The ui borrows the content: it must stay where it is, unchanged, until ui_free() or
 * until ui_set_content() names another (so the app keeps its VtContent on the heap, where a
 * reload does not move it).
 */

/* Fills cfg with the defaults (90 s idle, 10 s warning, Dutch first, no staff PIN, density
 * unknown, normal text, controls at the top). */
void ui_config_default(VtUiConfig *cfg);

/* A controller on content c (borrowed), measuring text with m (copied), for a w x h screen,
 * starting in the attract loop. Cannot fail (out of memory aborts); free with ui_free(). */
VtUi *ui_new(const VtContent *c, const VtMeasure *m, int w, int h, const VtUiConfig *cfg,
             uint64_t now_ms, long today);

/* Frees the ui and its pages (not the content); NULL does nothing. */
void ui_free(VtUi *ui);

/* The app's staff hooks (copied); the ui calls them only while the staff screen is up. */
void ui_set_hooks(VtUi *ui, const VtUiHooks *hooks);

/*
 * Commands. None fails; each marks what must be laid out or drawn again.
 */

/* New content (borrowed, as in ui_new; the old one may be freed once this returns): back to the
 * timeline's start, everything rebuilt. */
void ui_set_content(VtUi *ui, const VtContent *c);
void ui_resize(VtUi *ui, int w, int h);

/* A new day (days since 1970-01-01): the timeline's "today" marker moves. */
void ui_set_today(VtUi *ui, long today);

void ui_pointer(VtUi *ui, const VtPtrEvent *ev);
void ui_key(VtUi *ui, VtKey key, uint64_t now_ms);

/* A visitor is here without touching anything (a script opening a screen directly): leaves the
 * attract loop and restarts the idle timer at now_ms. */
void ui_wake(VtUi *ui, uint64_t now_ms);

/* Advances time: momentum, idle timer, attract loop, fades, toasts. */
void ui_tick(VtUi *ui, uint64_t now_ms);

/* Leaves any screen for the attract loop, resetting language and navigation. */
void ui_enter_attract(VtUi *ui);

/* Navigation, as a tap on a target doing a (arg, arg2 as VtAction defines them) would: used by
 * input handling and by scripts and tests. Out-of-range arguments do nothing. */
void ui_activate(VtUi *ui, VtAction a, int arg, int arg2);

/* A short message for staff at the bottom of the screen for ms milliseconds (copied). */
void ui_toast(VtUi *ui, const char *msg, uint32_t ms);

/* What was drawn is lost (the window was exposed or resized, the screen came back on): the next
 * frame must be drawn, though nothing is laid out again. */
void ui_invalidate(VtUi *ui);

/*
 * Drawing and sleeping.
 */

/* 1 when something changed since the last ui_frame(), 0 when the screen is up to date. */
int ui_needs_draw(const VtUi *ui);

/* Rebuilds what is stale and fills f; f's pages belong to the ui and stay valid until the next
 * command or ui_frame(). Afterwards ui_needs_draw() is 0. */
void ui_frame(VtUi *ui, VtFrame *f);

/* Adds the next time ui_tick has work to d; adds nothing when nothing is scheduled. */
void ui_deadline(const VtUi *ui, VtDeadline *d);

/*
 * Read aloud (ui_speech.c). The ui does no audio: the app asks what to read, reads it, and
 * reports which sentence is heard.
 */

/* The app can read aloud (an audio device and the voices, and the config allows it): the
 * "Lees voor / Read aloud" control shows on reading screens. Off stops any reading. */
void ui_speech_enable(VtUi *ui, int on);

/* What the visitor wants read now: the text (owned by the ui, valid until the next command), or
 * NULL for silence. *lang gets its language, *gen a number that changes at every start and stop
 * (the app acts when it differs from the last it saw), key (keylen bytes) names the item for a
 * recorded reading ("doc 3 item 7", "about"). */
const char *ui_speech_wanted(const VtUi *ui, VtLang *lang, unsigned *gen, char *key, size_t keylen);

/* Where reading gen is: speaking 0 when it ended (the control offers to read again), and the
 * sentence heard, bytes [start, end) of the wanted text. Reports for another gen are ignored. */
void ui_speech_progress(VtUi *ui, unsigned gen, int speaking, size_t start, size_t end);

/* 1 while a reading is under way: the visit does not time out meanwhile. */
int ui_speaking(const VtUi *ui);

/*
 * Queries, for the app's status line and stats and the script harness. None changes the ui.
 */

VtScreen ui_screen(const VtUi *ui);

/* The view shown: in the attract loop {VT_SCR_ATTRACT, 0, 0, 0}. Its scroll is the offset saved
 * for coming back, not the live one (ui_scroll_offset). */
VtView ui_view(const VtUi *ui);

VtLang ui_lang(const VtUi *ui);

/* The scroller's offset now, in pixels along the page's axis. */
int ui_scroll_offset(const VtUi *ui);

/* Pages laid out since ui_new (the benchmarks' and scripts' "builds"). */
unsigned long ui_builds(const VtUi *ui);

/* The text size step now, in percent (100 = normal; the A+ control and idle return change it). */
int ui_text_pct(const VtUi *ui);

/* Seconds shown in the idle countdown, or -1 when it is not showing. */
int ui_idle_warning(const VtUi *ui);

/* The staff message on the screen now, "" when none; owned by the ui, valid until the next
 * command. Never NULL. */
const char *ui_toast_text(const VtUi *ui);

/* 1 when a text run of the page as last laid out by ui_frame() contains word, else 0. */
int ui_find_text(const VtUi *ui, const char *word);

/* The nth (from 0) target doing a, in focus order (the top bar, then the page as last laid out
 * by ui_frame()): returns 0 with its centre in screen pixels in *x, *y, or -1 when there is no
 * such target or its centre is scrolled out of view. */
int ui_hit_center(const VtUi *ui, VtAction a, int nth, float *x, float *y);

/* The screen's name in logs, scripts and systemd's status line ("attract", "timeline", ...);
 * a static string, never NULL ("?" for a value out of range). */
const char *ui_screen_name(VtScreen s);

#endif
