/*
 * screen_about: what the exhibit is, the curator's introductions (marked as the curator's),
 * then every source: its title (a card that opens the document), reference numbers, and a QR code
 * for each URL the document cites (the source files' names, hashes, are on the staff screen), so a
 * visitor can read on at home. No URL is invented: only footnote URLs from the pack are encoded,
 * exactly as the source gives them.
 */
#include "screens.h"

#include <stdio.h>
#include <string.h>

/* The source's title as a card that opens the document's overview. Returns its height. */
static int source_title(VtPage *p, const VtBuild *b, int doc, int y)
{
    const VtTheme *t = b->th;
    char title[1024];
    snprintf(title, sizeof title, "%s \u203a", text_get(&b->c->docs[doc].title, b->lang));
    int pad = 2 * t->unit, w = t->col_w - 2 * pad;
    VtTextStyle st = {VT_FONT_BOLD, t->body_px, t->body_line, 0, VT_ACCENT, 0};
    int h = wrap_height(b->m, title, w, &st) + 2 * pad;
    VtRect r = {t->col_x, y, t->col_w, h > t->target ? h : t->target};
    page_fill(p, r, VT_SURFACE);
    page_frame(p, r, VT_ACCENT);
    wrap_text(p, b->m, title, r.x + pad, y + (r.h - h) / 2 + pad, w, &st);
    page_hit(p, r, VT_ACT_OPEN_DOC, doc, 0);
    return r.h + t->unit;
}

static int source_entry(VtPage *p, const VtBuild *b, int doc, int y)
{
    const VtTheme *t = b->th;
    const VtDoc *d = &b->c->docs[doc];
    VtLang l = b->lang;
    char line[512];
    page_anchor(p, VT_ANCHOR(doc), y);
    y += source_title(p, b, doc, y);
    size_t o = (size_t)snprintf(line, sizeof line, "%s: ", str_get(S_REFERENCES, l));
    for (int i = 0; i < d->nrefs && o < sizeof line; i++)
        o += (size_t)snprintf(line + o, sizeof line - o, "%s%s", i ? ", " : "", d->refs[i]);
    if (!d->nrefs)
        snprintf(line + o, sizeof line - o, "%s", str_get(S_UNKNOWN, l));
    y += build_text(p, b, line, t->col_x, y, t->col_w, VT_FONT_REGULAR, t->small_px, t->small_line,
                    VT_MUTED);
    int qr = t->target * 3;
    for (int i = 0; i < d->nitems; i++) {
        for (int k = 0; k < d->items[i].nnotes; k++) {
            const VtFootnote *fn = &d->items[i].notes[k];
            if (!fn->url)
                continue;
            y += t->gap; /* a QR code keeps 3 mm from the text around it */
            page_fill(p, (VtRect){t->col_x, y, qr, qr}, VT_SURFACE);
            page_qr(p, (VtRect){t->col_x, y, qr, qr}, fn->link);
            int tx = t->col_x + qr + t->gap, tw = t->col_w - qr - t->gap;
            int ty = y;
            ty += build_label(p, b, str_get(S_SCAN, l), tx, ty, tw);
            ty += build_text(p, b, text_get(&fn->body, l), tx, ty, tw, VT_FONT_REGULAR, t->small_px,
                             t->small_line, VT_TEXT);
            if (!strstr(text_get(&fn->body, l), fn->url)) /* a note that is only the URL */
                ty += build_text(p, b, fn->url, tx, ty, tw, VT_FONT_REGULAR, t->small_px,
                                 t->small_line, VT_ACCENT);
            y = (ty > y + qr ? ty : y + qr) + t->gap;
        }
    }
    return y + t->gap;
}

void screen_about_build(VtPage *p, const VtBuild *b)
{
    const VtTheme *t = b->th;
    const VtContent *c = b->c;
    VtLang l = b->lang;
    int y = t->margin;
    y += build_text(p, b, text_get(&c->title, l), t->col_x, y, t->col_w, VT_FONT_BOLD, t->title_px,
                    t->title_line, VT_TEXT);
    if (c->subtitle.s[0])
        y += build_text(p, b, text_get(&c->subtitle, l), t->col_x, y, t->col_w, VT_FONT_REGULAR,
                        t->head_px, t->head_line, VT_MUTED);
    y += t->gap;
    for (int i = 0; i < c->nabout; i++) {
        page_anchor(p, i + 1, y); /* an introduction */
        y += build_text(p, b, text_get(&c->about[i].heading, l), t->col_x, y, t->col_w,
                        VT_FONT_BOLD, t->head_px, t->head_line, VT_TEXT) +
             t->unit;
        y += build_curator_text(p, b, S_CURATOR_TEXT, &c->about[i].body, t->col_x, y, t->col_w, 0);
        y += t->gap;
    }
    y += build_text(p, b, str_get(S_SOURCES, l), t->col_x, y, t->col_w, VT_FONT_BOLD, t->head_px,
                    t->head_line, VT_TEXT) +
         t->unit;
    for (int i = 0; i < c->ndocs; i++)
        y = source_entry(p, b, i, y);
    char ver[128];
    snprintf(ver, sizeof ver, "Vitrine %s · pack %d%s%s", VITRINE_VERSION, c->version,
             c->built ? " · " : "", c->built ? c->built : "");
    y += build_text(p, b, ver, t->col_x, y, t->col_w, VT_FONT_REGULAR, t->small_px, t->small_line,
                    VT_MUTED);
    page_extend(p, (VtRect){0, 0, t->w, y + t->margin});
}
