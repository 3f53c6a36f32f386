/*
 * events: SDL's event queue turned into the ui's vocabulary, and the one place the process
 * sleeps. events_wait() blocks until input arrives or the timeout passes, so an idle kiosk is a
 * sleeping process. Touch and mouse both become VtPtrEvents in
 * logical (rotated) coordinates; mouse events SDL synthesises from touches are dropped so one
 * finger is never two pointers.
 */
#ifndef VT_EVENTS_H
#define VT_EVENTS_H

#include "render.h"

#include <stdint.h>

typedef enum {
    VT_IN_POINTER,
    VT_IN_KEY,
    VT_IN_QUIT,
    VT_IN_RESIZE,
    VT_IN_EXPOSE,
    VT_IN_WATCH
} VtInputKind;

typedef struct {
    VtInputKind kind;
    VtPtrEvent ptr;
    VtKey key;
} VtInput;

typedef struct VtEvents VtEvents;

/* SDL_Init with the kiosk's hints, and the wait strategy for the video driver (see events.c).
 * Returns the event source, or NULL with a reason in err. */
VtEvents *events_new(char *err, size_t errlen);
void events_free(VtEvents *ev);

/* The name of SDL's video driver when it shows nothing ("offscreen" or "dummy": what SDL falls
 * back to on a machine without a display), a static string; NULL when it shows a screen. */
const char *events_headless(const VtEvents *ev);

/* Milliseconds since start, monotonic. */
uint64_t events_now(void);

/* Waits up to timeout_ms (< 0: forever) for input, then drains what is queued into out (at most
 * max). Returns the number of inputs written. */
int events_wait(VtEvents *ev, VtRender *r, int timeout_ms, VtInput *out, int max);

/* Wakes events_wait() with VT_IN_WATCH when fd becomes readable. After a wake the caller drains
 * fd and calls events_watch_rearm(). One fd at a time. Returns 0, or -1 on failure. */
int events_watch_fd(VtEvents *ev, int fd);
void events_watch_rearm(VtEvents *ev);

/* How many times the process woke up in events_wait() (the benchmarks' idle measure). */
unsigned long events_wakeups(const VtEvents *ev);

#endif
