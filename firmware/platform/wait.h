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

#define VT_WAIT_MAX_FDS 32

typedef struct {
    int input[VT_WAIT_MAX_FDS]; /* our own descriptors of /dev/input/event* */
    int ninput;
    int hotplug;     /* inotify on /dev/input, -1 when unavailable */
    int extra;       /* the caller's descriptor, -1 none */
    const char *dir; /* /dev/input, or a test's folder */
} VtWait;

/* Opens the input devices in dir (NULL: /dev/input). Never fails: what cannot be opened is
 * skipped (and logged once). */
void wait_open(VtWait *w, const char *dir);
void wait_close(VtWait *w);

/* Sleeps until an input device or the extra descriptor is readable, or timeout_ms passes
 * (< 0: the safety net). Drains the input descriptors it woke on. Returns 1 when the extra
 * descriptor is readable, else 0. */
int wait_poll(VtWait *w, int timeout_ms);

#endif
