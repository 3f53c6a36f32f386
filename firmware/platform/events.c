/*
 * events: SDL's start-up and the translation of its events. Finger coordinates are normalised
 * by SDL to the window; they are scaled to window pixels and then un-rotated by the renderer.
 * On KMSDRM (the device) the display and the input path are checked before SDL starts
 * (kms.h), and the loop sleeps in poll() where SDL cannot block (wait.h).
 */
#include "events.h"

#include "kms.h"
#include "wait.h"

#include <poll.h>
#include <stdio.h>
#include <string.h>

struct VtEvents {
    int native;         /* the video backend can block in SDL_WaitEventTimeout */
    VtWait wait;        /* otherwise we sleep in poll() (wait.c) */
    Uint32 watch_event; /* native: the SDL event the watch thread pushes */
    SDL_sem *rearm;     /* native: lets the watch thread look again */
    int watch_ready;    /* poll: the watched fd was readable */
    unsigned long wakeups;
};

/* The watch thread (native waits only): SDL's wait cannot include our descriptor, so a thread
 * polls it and pushes one event, then waits to be re-armed. It shares only the semaphore. */
typedef struct {
    int fd;
    Uint32 type;
    SDL_sem *rearm;
} WatchArgs;

static int watch_thread(void *arg)
{
    WatchArgs a = *(WatchArgs *)arg;
    SDL_free(arg);
    for (;;) {
        struct pollfd p = {a.fd, POLLIN, 0};
        if (poll(&p, 1, -1) < 0)
            continue;
        SDL_Event e;
        SDL_zero(e);
        e.type = a.type;
        SDL_PushEvent(&e);
        SDL_SemWait(a.rearm);
    }
    return 0;
}

int events_watch_fd(VtEvents *ev, int fd)
{
    if (!ev->native) {
        ev->wait.extra = fd;
        return 0;
    }
    ev->watch_event = SDL_RegisterEvents(1);
    ev->rearm = SDL_CreateSemaphore(0);
    WatchArgs *a = SDL_malloc(sizeof *a);
    if (!ev->rearm || !a || ev->watch_event == (Uint32)-1) {
        SDL_free(a);
        return -1;
    }
    *a = (WatchArgs){fd, ev->watch_event, ev->rearm};
    SDL_Thread *t = SDL_CreateThread(watch_thread, "vitrine-watch", a);
    if (!t)
        return -1;
    SDL_DetachThread(t);
    return 0;
}

void events_watch_rearm(VtEvents *ev)
{
    if (ev->rearm)
        SDL_SemPost(ev->rearm);
}

unsigned long events_wakeups(const VtEvents *ev) { return ev->wakeups; }

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
    ev->watch_event = (Uint32)-1;
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
    SDL_free(ev); /* the watch thread, if any, still owns its semaphore: the process ends */
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
    if (ev->native && e->type == ev->watch_event) {
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
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return 0;
        return pointer(r, in, e->type == SDL_MOUSEBUTTONDOWN ? VT_PTR_DOWN : VT_PTR_UP, -1,
                       (float)e->button.x, (float)e->button.y, e->button.timestamp);
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
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

/* Sleeps the poll() way (see wait.h); returns 1 when SDL has events queued now. */
static int poll_wait(VtEvents *ev, int timeout_ms)
{
    SDL_PumpEvents();
    if (SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0)
        return 1;
    uint64_t end = timeout_ms < 0 ? 0 : events_now() + (uint64_t)timeout_ms;
    for (;;) {
        int left = timeout_ms < 0 ? -1 : (int)(end > events_now() ? end - events_now() : 0);
        ev->watch_ready |= wait_poll(&ev->wait, left);
        ev->wakeups++;
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
    return n;
}
