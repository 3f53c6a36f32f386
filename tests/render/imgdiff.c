/*
 * imgdiff: compares two PNGs within a tolerance, for the reference-image tests.
 *
 *   imgdiff ACTUAL.png EXPECTED.png [MAX_CHANNEL_DELTA [MAX_DIFFERENT_PERCENT]]
 *
 * A pixel differs when any channel differs by more than MAX_CHANNEL_DELTA (default 24: glyph
 * edges may shift by a shade between FreeType builds). The images match when they have the same
 * size and at most MAX_DIFFERENT_PERCENT (default 0.02, about 400 pixels at 1920x1080) of the
 * pixels differ. Prints the figures either way; exit 0 on a match, 1 on a mismatch, 2 when an image
 * cannot be read. With IMGDIFF_OUT=path set, a mismatch also writes a diff image (differing pixels
 * in magenta).
 */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

static SDL_Surface *load(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        fprintf(stderr, "imgdiff: cannot read %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    return c;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: imgdiff ACTUAL.png EXPECTED.png [MAX_CHANNEL_DELTA [MAX_PERCENT]]\n", stderr);
        return 2;
    }
    int tol = argc > 3 ? atoi(argv[3]) : 24;
    double max_pct = argc > 4 ? atof(argv[4]) : 0.02;
    SDL_Surface *a = load(argv[1]), *b = load(argv[2]);
    if (!a || !b)
        return 2;
    if (a->w != b->w || a->h != b->h) {
        printf("imgdiff: size %dx%d differs from the reference's %dx%d\n", a->w, a->h, b->w, b->h);
        return 1;
    }
    long diff = 0;
    for (int y = 0; y < a->h; y++) {
        Uint32 *pa = (Uint32 *)((Uint8 *)a->pixels + y * a->pitch);
        Uint32 *pb = (Uint32 *)((Uint8 *)b->pixels + y * b->pitch);
        for (int x = 0; x < a->w; x++) {
            int bad = 0;
            for (int sh = 0; sh < 24; sh += 8) {
                int d = (int)((pa[x] >> sh) & 0xFF) - (int)((pb[x] >> sh) & 0xFF);
                if (abs(d) > tol)
                    bad = 1;
            }
            if (bad) {
                diff++;
                pa[x] = 0xFFFF00FFu;
            }
        }
    }
    double pct = 100.0 * (double)diff / ((double)a->w * a->h);
    int ok = pct <= max_pct;
    printf("imgdiff: %s vs %s: %ld pixels differ (%.3f%%, limit %.3f%%): %s\n", argv[1], argv[2],
           diff, pct, max_pct, ok ? "match" : "MISMATCH");
    if (!ok && getenv("IMGDIFF_OUT"))
        IMG_SavePNG(a, getenv("IMGDIFF_OUT"));
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    return ok ? 0 : 1;
}
