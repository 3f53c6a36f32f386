/*
 * qr: libqrencode gives a module matrix; we paint it into a small surface and let the renderer
 * scale it with nearest-neighbour sampling so the modules stay crisp at any size.
 */
#include "qr.h"

#include "log.h"

#include <qrencode.h>

SDL_Texture *qr_make_texture(SDL_Renderer *r, const char *data)
{
    QRcode *q = QRcode_encodeString(data, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q) {
        log_warn("qr", "cannot encode %s", data);
        return NULL;
    }
    int quiet = 4, n = q->width + 2 * quiet;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, n, n, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Texture *t = NULL;
    if (s) {
        SDL_FillRect(s, NULL, 0xFFFFFFFFu);
        Uint32 *px = s->pixels;
        int stride = s->pitch / 4;
        for (int y = 0; y < q->width; y++)
            for (int x = 0; x < q->width; x++)
                if (q->data[y * q->width + x] & 1)
                    px[(y + quiet) * stride + x + quiet] = 0xFF000000u;
        SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "nearest");
        t = SDL_CreateTextureFromSurface(r, s);
        SDL_FreeSurface(s);
    }
    QRcode_free(q);
    return t;
}
