/*
 * events: SDL's start-up and the translation of its events. Finger coordinates are normalised
 * by SDL to the window; they are scaled to window pixels and then un-rotated by the renderer.
 * On KMSDRM (the device) the display and the input path are checked before SDL starts
 * (kms.h), and the loop sleeps in poll() where SDL cannot block (wait.h).
 */
#include "events.h"

#include "kms.h"
#include "log.h"
#include "wait.h"

#include <SDL.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

/* The watch thread (native waits only): SDL's wait cannot include our descriptor, so a thread
 * polls it and pushes one event, then waits to be re-armed. It shares the semaphore and a stop
 * descriptor with the main thread, which wakes and joins it in events_free(). */
typedef struct {
    int fd;         /* the watched descriptor (not ours) */
    int stop;       /* eventfd: readable when the thread must end */
    Uint32 type;    /* the SDL event it pushes */
    SDL_sem *rearm; /* posted by events_watch_rearm() and at shutdown */
    SDL_Thread *thread;
} VtWatch;

#define VT_ABS_POINTER_ID 9000 /* pointer ids of absolute pointers: 9000 + device index */

struct VtEvents {
    int native;      /* the video backend can block in SDL_WaitEventTimeout */
    VtWait wait;     /* otherwise we sleep in poll() (wait.c) */
    VtWatch watch;   /* native: the thread that watches a descriptor for us */
    int watch_ready; /* poll: the watched fd was readable */
    unsigned long wakeups;
};

static int watch_thread(void *arg)
{
    VtWatch *w = arg;
    for (;;) {
        struct pollfd p[2] = {{w->fd, POLLIN, 0}, {w->stop, POLLIN, 0}};
        if (poll(p, 2, -1) < 0)
            continue;
        if (p[1].revents)
            return 0;
        SDL_Event e;
        SDL_zero(e);
        e.type = w->type;
        SDL_PushEvent(&e);
        SDL_SemWait(w->rearm);
    }
}

int events_watch_fd(VtEvents *ev, int fd)
{
    if (!ev->native) {
        ev->wait.extra = fd;
        return 0;
    }
    VtWatch *w = &ev->watch;
    if (w->thread)
        return -1; /* one descriptor at a time */
    w->fd = fd;
    w->type = SDL_RegisterEvents(1);
    w->rearm = SDL_CreateSemaphore(0);
    w->stop = eventfd(0, EFD_CLOEXEC);
    if (!w->rearm || w->stop < 0 || w->type == (Uint32)-1)
        return -1;
    w->thread = SDL_CreateThread(watch_thread, "vitrine-watch", w);
    return w->thread ? 0 : -1;
}

/* Ends the watch thread and waits for it, so it never outlives what it polls. */
static void watch_stop(VtWatch *w)
{
    if (w->thread) {
        uint64_t one = 1;
        if (write(w->stop, &one, sizeof one) != sizeof one)
            abort(); /* an eventfd write of 1 cannot fail */
        SDL_SemPost(w->rearm);
        SDL_WaitThread(w->thread, NULL);
        log_info("events", "the watch thread has ended");
    }
    if (w->stop >= 0)
        close(w->stop);
    if (w->rearm)
        SDL_DestroySemaphore(w->rearm);
    *w = (VtWatch){.fd = -1, .stop = -1, .type = (Uint32)-1};
}

void events_watch_rearm(VtEvents *ev)
{
    if (ev->watch.rearm)
        SDL_SemPost(ev->watch.rearm);
}

unsigned long events_wakeups(const VtEvents *ev) { return ev->wakeups; }

const char *events_headless(const VtEvents *ev)
{
    (void)ev; /* SDL's state, asked through the event source that started it */
    const char *drv = SDL_GetCurrentVideoDriver();
    return drv && (!strcmp(drv, "offscreen") || !strcmp(drv, "dummy")) ? drv : NULL;
}

VtEvents *events_new(char *err, size_t errlen)
{
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    const char *want = SDL_getenv("SDL_VIDEODRIVER");
    if (want && !SDL_strcasecmp(want, "kmsdrm")) {
        kms_wait_card(SDL_getenv("VITRINE_DRI_DIR"), VT_KMS_WAIT_MS);
        kms_check_input();
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(err, errlen, "cannot start SDL video (%s): %s",
                 SDL_getenv("SDL_VIDEODRIVER") ? SDL_getenv("SDL_VIDEODRIVER") : "auto",
                 SDL_GetError());
        return NULL;
    }
    VtEvents *ev = SDL_calloc(1, sizeof *ev);
    if (!ev) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    const char *drv = SDL_GetCurrentVideoDriver();
    ev->native = drv && (!strcmp(drv, "x11") || !strcmp(drv, "wayland"));
    ev->watch = (VtWatch){.fd = -1, .stop = -1, .type = (Uint32)-1};
    ev->wait.extra = -1;
    ev->wait.hotplug = -1;
    if (!ev->native)
        wait_open(&ev->wait, SDL_getenv("VITRINE_INPUT_DIR"));
    return ev;
}

void events_free(VtEvents *ev)
{
    if (ev && !ev->native)
        wait_close(&ev->wait);
    if (ev)
        watch_stop(&ev->watch);
    SDL_free(ev);
    SDL_Quit();
}

uint64_t events_now(void) { return SDL_GetTicks64(); }

static VtKey map_key(const SDL_KeyboardEvent *k)
{
    switch (k->keysym.sym) {
    case SDLK_UP: return VT_KEY_UP;
    case SDLK_DOWN: return VT_KEY_DOWN;
    case SDLK_LEFT: return VT_KEY_LEFT;
    case SDLK_RIGHT: return VT_KEY_RIGHT;
    case SDLK_PAGEUP: return VT_KEY_PAGE_UP;
    case SDLK_PAGEDOWN: return VT_KEY_PAGE_DOWN;
    case SDLK_SPACE: return VT_KEY_PAGE_DOWN;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return VT_KEY_ENTER;
    case SDLK_ESCAPE:
    case SDLK_BACKSPACE: return VT_KEY_ESCAPE;
    case SDLK_TAB: return (k->keysym.mod & KMOD_SHIFT) ? VT_KEY_BACKTAB : VT_KEY_TAB;
    case SDLK_HOME: return VT_KEY_HOME;
    case SDLK_l: return VT_KEY_LANG;
    default: return VT_KEY_NONE;
    }
}

/* SDL's mouse events from an absolute pointer are wrong (abspointer.h); while the kiosk reads
 * such a device itself, SDL's mouse events are ignored. */
static int ignore_mouse(const VtEvents *ev) { return !ev->native && ev->wait.nabs > 0; }

static int pointer(VtRender *r, VtInput *in, VtPtrType type, long id, float wx, float wy,
                   uint32_t t)
{
    float lx, ly;
    render_unrotate(r, wx, wy, &lx, &ly);
    in->kind = VT_IN_POINTER;
    in->ptr = (VtPtrEvent){type, id, lx, ly, t};
    return 1;
}

static int translate(VtEvents *ev, VtRender *r, const SDL_Event *e, VtInput *in)
{
    int ww, wh;
    render_window_size(r, &ww, &wh);
    if (ev->native && e->type == ev->watch.type) {
        in->kind = VT_IN_WATCH;
        return 1;
    }
    switch (e->type) {
    case SDL_QUIT: in->kind = VT_IN_QUIT; return 1;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            in->kind = VT_IN_RESIZE;
            return 1;
        }
        if (e->window.event == SDL_WINDOWEVENT_EXPOSED) {
            in->kind = VT_IN_EXPOSE;
            return 1;
        }
        return 0;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        VtPtrType t = e->type == SDL_FINGERDOWN ? VT_PTR_DOWN
                      : e->type == SDL_FINGERUP ? VT_PTR_UP
                                                : VT_PTR_MOVE;
        return pointer(r, in, t, (long)e->tfinger.fingerId, e->tfinger.x * (float)ww,
                       e->tfinger.y * (float)wh, e->tfinger.timestamp);
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT ||
            ignore_mouse(ev))
            return 0;
        return pointer(r, in, e->type == SDL_MOUSEBUTTONDOWN ? VT_PTR_DOWN : VT_PTR_UP, -1,
                       (float)e->button.x, (float)e->button.y, e->button.timestamp);
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK) ||
            ignore_mouse(ev))
            return 0;
        return pointer(r, in, VT_PTR_MOVE, -1, (float)e->motion.x, (float)e->motion.y,
                       e->motion.timestamp);
    case SDL_MOUSEWHEEL:
        in->kind = VT_IN_KEY;
        in->key = e->wheel.y > 0 ? VT_KEY_UP : VT_KEY_DOWN;
        return 1;
    case SDL_KEYDOWN:
        in->kind = VT_IN_KEY;
        in->key = map_key(&e->key);
        return in->key != VT_KEY_NONE;
    default: return 0;
    }
}

/* The absolute pointers' events (abspointer.h) that wait_poll() translated, in window pixels. */
static int take_pointer(VtEvents *ev, VtRender *r, VtInput *out, int max)
{
    static const VtPtrType types[] = {VT_PTR_DOWN, VT_PTR_MOVE, VT_PTR_UP};
    int ww, wh, n = 0;
    render_window_size(r, &ww, &wh);
    for (; n < max && n < ev->wait.npointer; n++) {
        const VtAbsEvent *a = &ev->wait.pointer[n];
        pointer(r, &out[n], types[a->kind], VT_ABS_POINTER_ID + a->device, a->x * (float)ww,
                a->y * (float)wh, 0);
    }
    memmove(ev->wait.pointer, ev->wait.pointer + n,
            sizeof *ev->wait.pointer * (size_t)(ev->wait.npointer - n));
    ev->wait.npointer -= n;
    return n;
}

/* Sleeps the poll() way (see wait.h); returns 1 when SDL has events queued now. */
static int poll_wait(VtEvents *ev, int timeout_ms)
{
    SDL_PumpEvents();
    if (SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0) {
        /* Read our own devices too, without sleeping: an absolute pointer's events must not
         * wait behind SDL's (nor overflow the kernel's buffer while the loop is busy). */
        ev->watch_ready |= wait_poll(&ev->wait, 0) & VT_WAIT_EXTRA;
        return 1;
    }
    if (ev->wait.npointer)
        return 1;
    uint64_t end = timeout_ms < 0 ? 0 : events_now() + (uint64_t)timeout_ms;
    for (;;) {
        int left = timeout_ms < 0 ? -1 : (int)(end > events_now() ? end - events_now() : 0);
        int found = wait_poll(&ev->wait, left);
        ev->watch_ready |= found & VT_WAIT_EXTRA;
        ev->wakeups++;
        if (found & VT_WAIT_POINTER)
            return 1;
        SDL_PumpEvents();
        if (ev->watch_ready ||
            SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0)
            return 1;
        if (timeout_ms >= 0 && events_now() >= end)
            return 0;
    }
}

int events_wait(VtEvents *ev, VtRender *r, int timeout_ms, VtInput *out, int max)
{
    SDL_Event e;
    int n = 0;
    if (ev->native) {
        if (!SDL_WaitEventTimeout(&e, timeout_ms < 0 ? -1 : timeout_ms))
            return 0;
        ev->wakeups++;
        if (translate(ev, r, &e, &out[n]))
            n++;
    } else if (!poll_wait(ev, timeout_ms)) {
        return 0;
    }
    if (ev->watch_ready && n < max) {
        ev->watch_ready = 0;
        out[n++].kind = VT_IN_WATCH;
    }
    while (n < max && SDL_PollEvent(&e))
        if (translate(ev, r, &e, &out[n]))
            n++;
    return n + take_pointer(ev, r, out + n, max - n);
}
