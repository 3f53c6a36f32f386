/*
 * page: what a screen looks like, as plain data. A page is a list of boxes (filled rectangles,
 * text runs, QR codes, images) in page coordinates plus the hit targets a finger can activate.
 *
 * Screens build a page once per (screen, language, size); the platform layer only draws what it
 * is given, so everything a visitor sees can be asserted in unit tests without a window, and a
 * redraw or a scroll never lays anything out again. Text boxes are single runs of one style, so
 * the renderer can draw each in one call from its glyph atlas. All strings are owned by the page.
 */
#ifndef VT_PAGE_H
#define VT_PAGE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    int x, y, w, h;
} VtRect;
typedef struct {
    uint8_t r, g, b, a;
} VtColor;

typedef enum {
    VT_FONT_REGULAR,
    VT_FONT_BOLD,
    VT_FONT_ITALIC,
    VT_FONT_BOLD_ITALIC, /* emphasis inside bold text (a question) */
    VT_FONT_QUOTE,       /* the display face for quotes: a serif italic (assets/README.md) */
    VT_FONT_COUNT
} VtFontStyle;

typedef enum { VT_BOX_FILL, VT_BOX_FRAME, VT_BOX_TEXT, VT_BOX_QR } VtBoxKind;

typedef struct {
    VtBoxKind kind;
    VtRect r; /* TEXT: x is the pen start, y the top of the line box, w the run's advance width
               * (0 when unknown), h the line's height */
    VtColor color;
    VtFontStyle style;
    int px;     /* font size in pixels */
    char *text; /* TEXT: the run; QR: the data to encode */
} VtBox;

/* What a hit target does when tapped. arg/arg2 are indices whose meaning the action defines. */
typedef enum {
    VT_ACT_NONE,
    VT_ACT_HOME, /* to the timeline */
    VT_ACT_BACK,
    VT_ACT_LANG, /* toggle Dutch/English */
    VT_ACT_ABOUT,
    VT_ACT_OPEN_DOC,   /* arg: document index */
    VT_ACT_OPEN_ITEM,  /* arg: document index, arg2: item index */
    VT_ACT_OPEN_EVENT, /* arg: event index */
    VT_ACT_PREV,       /* previous question in the reader */
    VT_ACT_NEXT,
    VT_ACT_EXPLORE, /* leave the attract loop */
    VT_ACT_POSTER,  /* leave it into a story: arg document index, arg2 the language (VtLang) */
    VT_ACT_STAFF_ROLLBACK,
    VT_ACT_STAFF_CLOSE,
    VT_ACT_PIN_DIGIT,    /* arg: 0..9, 10 = delete */
    VT_ACT_TEXT_SIZE,    /* the next larger-text step (A+), from the largest back to normal */
    VT_ACT_SPEAK,        /* read the screen aloud, or stop */
    VT_ACT_STAFF_SPEECH, /* staff: read-aloud off, or on again */
    VT_ACT_OVERVIEW,     /* from the reader to document arg's overview (in place of the reader) */
    VT_ACT_SCROLL,       /* arg: -1 back, +1 on, by most of a screen (the visible scroll buttons) */
    VT_ACT_YEAR,         /* arg: a year of the timeline to move to, 0 for today */
} VtAction;

typedef struct {
    VtRect r;
    VtAction action;
    int arg, arg2;
} VtHit;

/* A place in a page's text that every language has (an item, a paragraph of it): key is the
 * screen's name for it (not 0), y its top. Switching language keeps the visitor's place by it. */
typedef struct {
    int key, y;
} VtAnchor;

typedef struct {
    VtBox *boxes;
    int nboxes, capboxes;
    VtHit *hits;
    int nhits, caphits;
    VtAnchor *anchors; /* in the order added, which is down the page */
    int nanchors, capanchors;
    int width, height; /* extent of the content, for scrolling */
    /* Two columns (bilingual.h): the x and width of the Dutch [0] and the English [1] column;
     * w 0 when the page has one column. Read aloud reads the one of the visitor's language. */
    VtRect lang_col[2];
} VtPage;

void page_clear(VtPage *p); /* empties, keeps memory */
void page_free(VtPage *p);

void page_fill(VtPage *p, VtRect r, VtColor c);
void page_frame(VtPage *p, VtRect r, VtColor c); /* 1-unit outline, drawn as thin fills */
/* A fill inserted as box number at (0..nboxes), so it is drawn under the boxes from there on;
 * the boxes after it move up by one. */
void page_fill_at(VtPage *p, int at, VtRect r, VtColor c);
/* Adds one text run at (x, y), w its advance width as measured (0: unknown), h the line's
 * height; copies len bytes of s. */
void page_text(VtPage *p, int x, int y, int w, int h, const char *s, size_t len, VtFontStyle style,
               int px, VtColor c);
void page_qr(VtPage *p, VtRect r, const char *data);
void page_hit(VtPage *p, VtRect r, VtAction a, int arg, int arg2);

/* Moves every box, hit and place of src to the end of dst (drawn over dst's), in their order,
 * and leaves src empty (its memory kept). */
void page_append(VtPage *dst, VtPage *src);

/* Marks the place key (not 0) at page y. */
void page_anchor(VtPage *p, int key, int y);

/* The key of the last place at or above y, 0 when there is none. */
int page_anchor_at(const VtPage *p, int y);

/* The y of the place key, -1 when the page has none. */
int page_anchor_y(const VtPage *p, int key);

/* Returns the topmost hit target containing (x,y) in page coordinates, or NULL. */
const VtHit *page_hit_at(const VtPage *p, int x, int y);

/* Grows width/height to include r. */
void page_extend(VtPage *p, VtRect r);

/* Moves every box, hit target and place by (dx, dy), the extent with them: a page built at the
 * origin, put where its size decides. */
void page_move(VtPage *p, int dx, int dy);

static inline int rect_contains(VtRect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static inline int rect_overlaps(VtRect a, VtRect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

#endif
