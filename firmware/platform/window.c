/*
 * window: see window.h. The X11 check asks the X server through the libX11 that SDL has already
 * loaded (SDL opens it at run time), found with dlopen(RTLD_NOLOAD): the kiosk does not link
 * libX11 itself, and on KMSDRM, where nothing loaded it, the check simply says "cannot ask".
 */
#include "window.h"

#include "log.h"

#include <SDL_syswm.h>
#include <dlfcn.h>
#include <stdio.h>

int window_real_rect(SDL_Window *win, SDL_Rect *out)
{
#if defined(SDL_VIDEO_DRIVER_X11)
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_X11)
        return -1;
    void *x11 = dlopen("libX11.so.6", RTLD_NOW | RTLD_NOLOAD);
    if (!x11)
        return -1;
    typedef Status (*GetAttrs)(Display *, Window, XWindowAttributes *);
    typedef Bool (*Translate)(Display *, Window, Window, int, int, int *, int *, Window *);
    GetAttrs get_attrs = (GetAttrs)dlsym(x11, "XGetWindowAttributes");
    Translate translate = (Translate)dlsym(x11, "XTranslateCoordinates");
    XWindowAttributes a;
    int x = 0, y = 0, rc = -1;
    Window child;
    if (get_attrs && translate && get_attrs(info.info.x11.display, info.info.x11.window, &a) &&
        translate(info.info.x11.display, info.info.x11.window, a.root, 0, 0, &x, &y, &child)) {
        *out = (SDL_Rect){x, y, a.width, a.height};
        rc = 0;
    }
    dlclose(x11);
    return rc;
#else
    (void)win;
    (void)out;
    return -1;
#endif
}

/* A fullscreen window that does not cover the display (no window manager acted on the
 * fullscreen flag, or one that moved it): placed over the display by hand, once. */
static void check_fullscreen(SDL_Window *win, SDL_Rect want)
{
    SDL_Rect real;
    if (window_real_rect(win, &real) != 0)
        return;
    if (real.x == want.x && real.y == want.y && real.w == want.w && real.h == want.h)
        return;
    log_warn("render",
             "the fullscreen window is %dx%d at (%d,%d), not the display's %dx%d: placing it",
             real.w, real.h, real.x, real.y, want.w, want.h);
    SDL_SetWindowFullscreen(win, 0);
    SDL_SetWindowBordered(win, SDL_FALSE);
    SDL_SetWindowPosition(win, want.x, want.y);
    SDL_SetWindowSize(win, want.w, want.h);
    SDL_PumpEvents();
    if (window_real_rect(win, &real) == 0 &&
        (real.x != want.x || real.y != want.y || real.w != want.w || real.h != want.h))
        log_error("render", "the window stays %dx%d at (%d,%d); the display is %dx%d", real.w,
                  real.h, real.x, real.y, want.w, want.h);
}

SDL_Window *window_open(const VtRenderConfig *cfg, char *err, size_t errlen)
{
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= cfg->hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
    SDL_Rect r = {SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, cfg->width, cfg->height};
    int full = cfg->fullscreen && SDL_GetDisplayBounds(0, &r) == 0;
    if (cfg->fullscreen && !full)
        log_warn("render", "cannot read the display's size (%s): a %dx%d fullscreen window",
                 SDL_GetError(), r.w, r.h);
    if (cfg->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    else
        flags |= SDL_WINDOW_RESIZABLE;
    SDL_Window *win = SDL_CreateWindow("Vitrine", r.x, r.y, r.w, r.h, flags);
    if (!win) {
        snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        return NULL;
    }
    if (full && !cfg->hidden)
        check_fullscreen(win, r);
    return win;
}
