/*
 * wait: sleeping until input, for video drivers whose SDL backend cannot.
 *
 * SDL 2.26 blocks in SDL_WaitEventTimeout only where the video backend implements a native
 * wait (X11, Wayland). Elsewhere, KMSDRM on the device included, it falls back to pumping
 * events every millisecond: a thousand wake-ups a second from an idle kiosk. This module sleeps
 * in poll() instead, on its own read-only descriptors of the input devices (/dev/input/event*,
 * each client of an evdev device gets every event, so SDL still receives them all), on an
 * inotify watch of /dev/input for devices plugged in later, and on one extra descriptor (the
 * pack store's watch). When poll() returns, the caller pumps SDL's events as usual. A safety
 * net bounds each sleep (1 s with input devices open, 100 ms without), so a device this module
 * cannot open only delays input, it never loses it.
 */
#ifndef VT_WAIT_H
#define VT_WAIT_H

#include "abspointer.h"

#define VT_WAIT_MAX_FDS 32
#define VT_WAIT_MAX_POINTER 64

/* What wait_poll() found, as bits. */
enum { VT_WAIT_EXTRA = 1, VT_WAIT_POINTER = 2 };

typedef struct {
    int input[VT_WAIT_MAX_FDS]; /* our own descriptors of /dev/input/event* */
    int ninput;
    VtAbsDevice abs[VT_WAIT_MAX_FDS]; /* for the absolute pointers among them (abspointer.h) */
    int is_abs[VT_WAIT_MAX_FDS];
    int nabs;                                /* how many absolute pointers are open */
    VtAbsEvent pointer[VT_WAIT_MAX_POINTER]; /* their presses and moves, not yet taken */
    int npointer;
    int hotplug;     /* inotify on /dev/input, -1 when unavailable */
    int extra;       /* the caller's descriptor, -1 none */
    const char *dir; /* /dev/input, or a test's folder */
} VtWait;

/* Opens the input devices in dir (NULL: /dev/input). Never fails: what cannot be opened is
 * skipped (and logged once). */
void wait_open(VtWait *w, const char *dir);
void wait_close(VtWait *w);

/* Sleeps until an input device or the extra descriptor is readable, or timeout_ms passes
 * (< 0: the safety net). Drains the input descriptors it woke on; an absolute pointer's
 * events are translated into w->pointer (the caller takes them and sets npointer to 0).
 * Returns VT_WAIT_EXTRA when the extra descriptor is readable, plus VT_WAIT_POINTER when
 * pointer events are waiting, else 0. */
int wait_poll(VtWait *w, int timeout_ms);

#endif
