/*
 * events: SDL's event queue turned into the ui's vocabulary, and the one place the process
 * sleeps. events_wait() blocks in SDL_WaitEventTimeout until input arrives or the timeout
 * passes, so an idle kiosk is a sleeping process. Touch and mouse both become VtPtrEvents in
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

/* SDL_Init with the kiosk's hints; returns 0, or -1 with a reason in err. */
int events_init(char *err, size_t errlen);
void events_quit(void);

/* Milliseconds since start, monotonic. */
uint64_t events_now(void);

/* Waits up to timeout_ms (< 0: forever) for input, then drains what is queued into out (at most
 * max). Returns the number of inputs written. */
int events_wait(VtRender *r, int timeout_ms, VtInput *out, int max);

/* Wakes events_wait() with VT_IN_WATCH when fd becomes readable (a helper thread polls it).
 * After a wake the caller drains fd and calls events_watch_rearm(). One fd at a time. Returns
 * 0, or -1 when the thread cannot start. */
int events_watch_fd(int fd);
void events_watch_rearm(void);

#endif
