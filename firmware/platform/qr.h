/*
 * qr: a QR code texture for a URL, through libqrencode. One texture per distinct URL, made the
 * first time a screen shows it (About, a visitor screen's take-home code) and cached by render.c.
 */
#ifndef VT_QR_H
#define VT_QR_H

#include <SDL.h>

/* Encodes data (error correction level M) into a black-on-white texture with a 4-module quiet
 * zone, one pixel per module (scaled with nearest-neighbour when drawn). Returns NULL (logged)
 * when the data cannot be encoded. The caller owns the texture. */
SDL_Texture *qr_make_texture(SDL_Renderer *r, const char *data);

#endif
