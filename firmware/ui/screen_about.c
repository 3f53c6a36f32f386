/*
 * screen_about: what the exhibit is, the curator's introductions (marked as the curator's),
 * then every source: its title, reference numbers, source file, and a QR code for each URL the
 * document cites, so a visitor can read on at home. No URL is invented: only footnote URLs from
 * the pack are encoded, exactly as the source gives them.
 */
#include "screens.h"

#include <stdio.h>
#include <string.h>

static int source_entry(VtPage *p, const VtBuild *b, const VtDoc *d, int y)
{
    const VtTheme *t = b->th;
    VtLang l = b->lang;
    char line[512];
    y += build_text(p, b, text_get(&d->title, l), t->col_x, y, t->col_w, VT_FONT_BOLD, t->body_px,
                    t->body_line, VT_TEXT);
    size_t o = (size_t)snprintf(line, sizeof line, "%s: ", str_get(S_REFERENCES, l));
    for (int i = 0; i < d->nrefs && o < sizeof line; i++)
        o += (size_t)snprintf(line + o, sizeof line - o, "%s%s", i ? ", " : "", d->refs[i]);
    if (!d->nrefs)
        snprintf(line + o, sizeof line - o, "%s", str_get(S_UNKNOWN, l));
    y += build_text(p, b, line, t->col_x, y, t->col_w, VT_FONT_REGULAR, t->small_px, t->small_line,
                    VT_MUTED);
    snprintf(line, sizeof line, "%s: %s", str_get(S_SOURCE_FILE, l), d->source_file);
    y += build_text(p, b, line, t->col_x, y, t->col_w, VT_FONT_REGULAR, t->small_px, t->small_line,
                    VT_MUTED);
    int qr = t->target * 3;
    for (int i = 0; i < d->nitems; i++) {
        for (int k = 0; k < d->items[i].nnotes; k++) {
            const VtFootnote *fn = &d->items[i].notes[k];
            if (!fn->url)
                continue;
            y += t->unit;
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
            y = (ty > y + qr ? ty : y + qr) + t->unit;
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
        y += build_text(p, b, text_get(&c->about[i].heading, l), t->col_x, y, t->col_w,
                        VT_FONT_BOLD, t->head_px, t->head_line, VT_TEXT) +
             t->unit;
        y += build_curator_text(p, b, S_CURATOR_TEXT, &c->about[i].body, t->col_x, y, t->col_w);
        y += t->gap;
    }
    y += build_text(p, b, str_get(S_SOURCES, l), t->col_x, y, t->col_w, VT_FONT_BOLD, t->head_px,
                    t->head_line, VT_TEXT) +
         t->unit;
    for (int i = 0; i < c->ndocs; i++)
        y = source_entry(p, b, &c->docs[i], y);
    char ver[128];
    snprintf(ver, sizeof ver, "Vitrine %s · pack %d%s%s", VITRINE_VERSION, c->version,
             c->built ? " · " : "", c->built ? c->built : "");
    y += build_text(p, b, ver, t->col_x, y, t->col_w, VT_FONT_REGULAR, t->small_px, t->small_line,
                    VT_MUTED);
    page_extend(p, (VtRect){0, 0, t->w, y + t->margin});
}
