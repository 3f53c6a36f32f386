/*
 * abspointer: absolute pointing devices that are not touchscreens, read by the kiosk itself.
 *
 * Many single-touch USB touch controllers (in their "mouse" mode) and QEMU's USB tablet report
 * an absolute position (EV_ABS ABS_X/ABS_Y over a device range such as 0..32767) with a mouse
 * button (BTN_LEFT) instead of BTN_TOUCH. SDL 2.26's evdev code (src/core/linux/SDL_evdev.c,
 * SDL_EVDEV_Poll) passes that raw position to SDL_SendMouseMotion without scaling it to the
 * screen, and SDL clamps it to the window: every tap lands in the bottom-right corner and no
 * swipe moves. So on the backends where the kiosk reads the input devices itself (wait.h), such
 * a device's events are translated here, with the device's own range, into normalised pointer
 * presses, moves and releases; the caller then ignores SDL's mouse events. Touchscreens
 * (BTN_TOUCH or multitouch) are left to SDL, which handles them correctly.
 */
#ifndef VT_ABSPOINTER_H
#define VT_ABSPOINTER_H

typedef enum { VT_ABS_DOWN, VT_ABS_MOVE, VT_ABS_UP } VtAbsKind;

typedef struct {
    VtAbsKind kind;
    float x, y; /* 0..1 across the device's range */
    int device; /* which device (for the pointer id) */
} VtAbsEvent;

typedef struct {
    int min[2], max[2]; /* ABS_X, ABS_Y ranges */
    int pos[2];         /* the position reported so far */
    int down, was_down, moved;
} VtAbsDevice;

/* Returns 1 and fills d when the evdev descriptor fd is an absolute pointer that is not a
 * touchscreen (see above), 0 for any other device or when it cannot be queried. */
int abspointer_probe(int fd, VtAbsDevice *d);

/* Reads what fd has pending (non-blocking) and appends at most max - *n events to out at *n,
 * one per completed report (SYN_REPORT) that pressed, moved while pressed, or released.
 * Returns 0, or -1 when the device is gone (read error other than EAGAIN). */
int abspointer_read(int fd, VtAbsDevice *d, int device, VtAbsEvent *out, int *n, int max);

#endif
