/*
 * events: translation of SDL events. Finger coordinates are normalised by SDL to the window;
 * they are scaled to window pixels and then un-rotated by the renderer. Escape pressed three
 * times within two seconds quits (a desktop convenience; on the device the service restarts
 * the kiosk, and the keyboard is normally absent).
 */
#include "events.h"

#include <poll.h>
#include <stdio.h>

/* The watch thread: poll the fd, push one wake event, wait to be re-armed. It holds no state
 * the main thread touches except the semaphore, and lives until the process ends. */
static Uint32 watch_event = (Uint32)-1;
static SDL_sem *watch_rearm;

static int watch_thread(void *arg)
{
    int fd = (int)(intptr_t)arg;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, -1) < 0)
            continue;
        SDL_Event e;
        SDL_zero(e);
        e.type = watch_event;
        SDL_PushEvent(&e);
        SDL_SemWait(watch_rearm);
    }
    return 0;
}

int events_watch_fd(int fd)
{
    if (watch_event == (Uint32)-1)
        watch_event = SDL_RegisterEvents(1);
    watch_rearm = SDL_CreateSemaphore(0);
    SDL_Thread *t =
        watch_rearm ? SDL_CreateThread(watch_thread, "vitrine-watch", (void *)(intptr_t)fd) : NULL;
    if (!t)
        return -1;
    SDL_DetachThread(t);
    return 0;
}

void events_watch_rearm(void)
{
    if (watch_rearm)
        SDL_SemPost(watch_rearm);
}

int events_init(char *err, size_t errlen)
{
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(err, errlen, "cannot start SDL video (%s): %s",
                 SDL_getenv("SDL_VIDEODRIVER") ? SDL_getenv("SDL_VIDEODRIVER") : "auto",
                 SDL_GetError());
        return -1;
    }
    return 0;
}

void events_quit(void) { SDL_Quit(); }

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

static int translate(VtRender *r, const SDL_Event *e, VtInput *in)
{
    int ww, wh;
    render_window_size(r, &ww, &wh);
    if (e->type == watch_event) {
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

int events_wait(VtRender *r, int timeout_ms, VtInput *out, int max)
{
    SDL_Event e;
    int n = 0;
    if (!SDL_WaitEventTimeout(&e, timeout_ms < 0 ? -1 : timeout_ms))
        return 0;
    do {
        if (translate(r, &e, &out[n]))
            n++;
    } while (n < max && SDL_PollEvent(&e));
    return n;
}
