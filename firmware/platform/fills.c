/*
 * fills: groups of one colour each, in drawing order; every queued rectangle remembers its
 * group. Joining a group is checked against the rectangles of the groups after it (a few dozen
 * a frame, so a linear scan). An opaque group replaces pixels (SDL_BLENDMODE_NONE): the same
 * pixels as blending at full alpha, but the software renderer then fills rows with memset-like
 * copies instead of blending every pixel (a steady reader frame: 26 M instructions of fills down
 * to under 1 M).
 */
#include "fills.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

#define MAX_GROUPS 64 /* a full table draws the batch and starts again */

typedef struct {
    SDL_Rect rc;
    int group;
} Fill;

struct VtFills {
    SDL_Renderer *ren;
    unsigned long calls;
    Fill *v;
    SDL_Rect *rects; /* one group's rectangles, gathered for SDL */
    int n, cap;
    SDL_Color groups[MAX_GROUPS];
    int ngroups;
};

VtFills *fills_new(SDL_Renderer *ren)
{
    VtFills *f = xcalloc(1, sizeof *f);
    f->ren = ren;
    return f;
}

void fills_free(VtFills *f)
{
    if (!f)
        return;
    free(f->v);
    free(f->rects);
    free(f);
}

SDL_Rect fills_touched(SDL_Rect rc)
{
    return (SDL_Rect){rc.x, rc.y, rc.w > 1 ? rc.w : 1, rc.h > 1 ? rc.h : 1};
}

/* The group rc in colour c can join, or -1 when a fill after the last group of c overlaps it
 * (compared by the pixels touched: SDL fills a rectangle of width 0 one pixel wide). */
static int group_for(const VtFills *f, SDL_Rect rc, SDL_Color c)
{
    rc = fills_touched(rc);
    for (int g = f->ngroups - 1; g >= 0; g--) {
        if (!memcmp(&f->groups[g], &c, sizeof c))
            return g;
        for (int i = 0; i < f->n; i++) {
            SDL_Rect other = fills_touched(f->v[i].rc);
            if (f->v[i].group == g && SDL_HasIntersection(&other, &rc))
                return -1;
        }
    }
    return -1;
}

void fills_add(VtFills *f, SDL_Rect rc, SDL_Color c)
{
    int g = group_for(f, rc, c);
    if (g < 0) {
        if (f->ngroups == MAX_GROUPS)
            fills_draw(f);
        g = f->ngroups++;
        f->groups[g] = c;
    }
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 64;
        f->v = xrealloc(f->v, sizeof *f->v * (size_t)f->cap);
        f->rects = xrealloc(f->rects, sizeof *f->rects * (size_t)f->cap);
    }
    f->v[f->n++] = (Fill){rc, g};
}

void fills_draw(VtFills *f)
{
    SDL_Renderer *ren = f->ren;
    for (int g = 0; g < f->ngroups; g++) {
        int n = 0;
        for (int i = 0; i < f->n; i++)
            if (f->v[i].group == g)
                f->rects[n++] = f->v[i].rc;
        SDL_Color c = f->groups[g];
        SDL_SetRenderDrawBlendMode(ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, c.a);
        SDL_RenderFillRects(ren, f->rects, n);
    }
    f->calls += (unsigned long)f->ngroups;
    f->n = f->ngroups = 0;
}

unsigned long fills_calls(const VtFills *f) { return f->calls; }
