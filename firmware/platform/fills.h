/*
 * fills: the renderer's batch of filled rectangles. Fills are queued in the painter's order and
 * drawn one SDL_RenderFillRects per colour group: a fill joins the latest group of its colour
 * when it overlaps none of the fills queued in the groups after that one (so drawing it earlier
 * changes no pixel), else it opens a new group. A bar of buttons (a fill, a frame and a label
 * each) is then three calls, not one per rectangle. The caller keeps the order against other
 * primitives: it draws the batch before anything that must cover a queued fill.
 */
#ifndef VT_FILLS_H
#define VT_FILLS_H

#include <SDL.h>

typedef struct VtFills VtFills;

/* The pixels SDL's renderers fill for rc: an empty side still fills one pixel's width. */
SDL_Rect fills_touched(SDL_Rect rc);

/* An empty batch drawing on ren (borrowed); never NULL (out of memory aborts, as everywhere).
 * Free with fills_free(). */
VtFills *fills_new(SDL_Renderer *ren);
void fills_free(VtFills *f);

/* Queues rc in colour c (alpha below 255: blended, else the pixels replaced). With every group
 * taken (64) the batch is drawn first: a queued fill may always be drawn early. */
void fills_add(VtFills *f, SDL_Rect rc, SDL_Color c);

/* Draws everything queued and empties the batch. */
void fills_draw(VtFills *f);

/* SDL_RenderFillRects calls made so far. */
unsigned long fills_calls(const VtFills *f);

#endif
