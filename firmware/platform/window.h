/*
 * window: the kiosk's SDL window, and a fullscreen that holds with or without a window manager.
 *
 * SDL 2.26 leaves fullscreen on X11 to the window manager (_NET_WM_STATE_FULLSCREEN): on a bare
 * X server (a kiosk started from xinit, Xvfb) a window asked for fullscreen stays at its windowed
 * size in the middle of the screen, while SDL reports the display's size, so the layout is made
 * for a screen the window does not cover and taps land off by the difference. So a fullscreen
 * window is created at the display's position and size, borderless, with the fullscreen flag
 * for window managers that honour it; and where the windowing system can say how big the window
 * really is (X11), that is checked after creation and mended once if it differs.
 */
#ifndef VT_WINDOW_H
#define VT_WINDOW_H

#include "render.h"

#include <SDL.h>

/* Opens the window cfg asks for (fullscreen on display 0, or a resizable cfg->width x height
 * window in the middle of it). Returns NULL with SDL's reason in err. The caller owns the window
 * (SDL_DestroyWindow). */
SDL_Window *window_open(const VtRenderConfig *cfg, char *err, size_t errlen);

/* The window's real size and position as the windowing system has them, which can differ from
 * what SDL believes (see above). Returns 0, or -1 where the system cannot be asked (not X11). */
int window_real_rect(SDL_Window *win, SDL_Rect *out);

#endif
