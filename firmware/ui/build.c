/*
 * build: shared page-building helpers. Sizes come only from the theme so every screen scales
 * the same way.
 */
#include "build.h"

#include <stdio.h>
#include <string.h>

int build_text_clamped(VtPage *p, const VtBuild *b, const char *text, int x, int y, int w,
                       VtFontStyle style, int px, int line, VtColor c, int max_lines)
{
    VtTextStyle st = {style, px, line, line / 2, c, max_lines};
    return wrap_text(p, b->m, text, x, y, w, &st);
}

int build_text(VtPage *p, const VtBuild *b, const char *text, int x, int y, int w,
               VtFontStyle style, int px, int line, VtColor c)
{
    return build_text_clamped(p, b, text, x, y, w, style, px, line, c, 0);
}

const VtBuild *build_bar(const VtBuild *b, VtTheme *th, VtBuild *out)
{
    *th = *b->th;
    if (th->scale_pct > 150)
        theme_init_scaled(th, th->w, th->h, th->ppmm_known ? th->ppmm : 0, 150);
    *out = *b;
    out->th = th;
    return out;
}

int build_width(const VtBuild *b, const char *text, VtFontStyle style, int px)
{
    return b->m->width(b->m->ctx, style, px, text, strlen(text));
}

int build_label(VtPage *p, const VtBuild *b, const char *text, int x, int y, int w)
{
    const VtTheme *t = b->th;
    return build_text(p, b, text, x, y, w, VT_FONT_BOLD, t->small_px, t->small_line, VT_MUTED);
}

/* At most max_w wide: as with the largest text on a narrow panel. */
int build_tag(VtPage *p, const VtBuild *b, const char *text, int x, int y, int max_w, VtColor bg,
              VtColor fg)
{
    const VtTheme *t = b->th;
    int pad = t->unit;
    int w = build_width(b, text, VT_FONT_BOLD, t->small_px) + 2 * pad;
    w = w < max_w ? w : max_w;
    VtTextStyle st = {VT_FONT_BOLD, t->small_px, t->small_line, 0, fg, 0};
    int h = wrap_height(b->m, text, w - 2 * pad, &st);
    page_fill(p, (VtRect){x, y, w, h}, bg);
    wrap_text(p, b->m, text, x + pad, y, w - 2 * pad, &st);
    return h;
}

int build_source_text(VtPage *p, const VtBuild *b, const VtText *t, int x, int y, int w,
                      VtFontStyle style, int anchor)
{
    const VtTheme *th = b->th;
    int y0 = y;
    VtTextStyle st = {style, th->body_px, th->body_line, th->body_line / 2, VT_TEXT, 0, anchor};
    if (b->lang == VT_LANG_NL || !t->s[VT_LANG_EN])
        return wrap_text(p, b->m, text_get(t, VT_LANG_NL), x, y, w, &st);
    if (anchor)
        page_anchor(p, anchor, y); /* the tag above the translation's first paragraph */
    y += build_tag(p, b, str_get(S_UNOFFICIAL, VT_LANG_EN), x, y, w, VT_ACCENT, VT_ON_ACCENT);
    y += th->unit;
    y += wrap_text(p, b->m, t->s[VT_LANG_EN], x, y, w, &st);
    if (b->beside)
        return y - y0;
    y += th->gap;
    /* The original, indented behind a rule so it reads as the source it is. */
    int ind = 2 * th->unit;
    int top = y;
    y += build_label(p, b, str_get(S_ORIGINAL_NL, VT_LANG_EN), x + ind, y, w - ind);
    y += build_text(p, b, t->s[VT_LANG_NL], x + ind, y, w - ind, style, th->small_px,
                    th->small_line, VT_MUTED);
    page_fill(p, (VtRect){x, top, th->unit / 2 > 2 ? th->unit / 2 : 2, y - top}, VT_LINE);
    return y - y0;
}

int build_curator_text(VtPage *p, const VtBuild *b, VtStr tag, const VtText *t, int x, int y, int w,
                       int min_h)
{
    const VtTheme *th = b->th;
    int pad = 2 * th->unit;
    int y0 = y;
    VtPage tmp = {0};
    /* Measure first so the panel behind the text can be added before it. */
    int h = build_label(&tmp, b, str_get(tag, b->lang), 0, 0, w - 2 * pad) + th->unit +
            wrap_height(b->m, text_get(t, b->lang), w - 2 * pad,
                        &(VtTextStyle){VT_FONT_REGULAR, th->body_px, th->body_line,
                                       th->body_line / 2, VT_TEXT, 0});
    page_free(&tmp);
    int panel = h + 2 * pad > min_h ? h + 2 * pad : min_h;
    page_fill(p, (VtRect){x, y, w, panel}, VT_SURFACE);
    page_frame(p, (VtRect){x, y, w, panel}, VT_LINE);
    y += pad;
    y += build_label(p, b, str_get(tag, b->lang), x + pad, y, w - 2 * pad);
    y += th->unit;
    y += build_text(p, b, text_get(t, b->lang), x + pad, y, w - 2 * pad, VT_FONT_REGULAR,
                    th->body_px, th->body_line, VT_TEXT);
    return y + pad - y0 > panel ? y + pad - y0 : panel;
}

int build_button_w(const VtBuild *b, const char *label, int tight)
{
    const VtTheme *t = b->th;
    int w = build_width(b, label, VT_FONT_BOLD, t->small_px) + (tight ? 2 : 4) * t->unit;
    return w < t->target ? t->target : w;
}

int build_button(VtPage *p, const VtBuild *b, const char *label, int x, int y, int min_w,
                 VtAction a, int arg, int arg2, int filled)
{
    const VtTheme *t = b->th;
    int tw = build_width(b, label, VT_FONT_BOLD, t->small_px);
    int w = build_button_w(b, label, min_w == VT_BUTTON_TIGHT);
    if (w < min_w)
        w = min_w;
    VtRect r = {x, y, w, t->target};
    if (filled)
        page_fill(p, r, VT_ACCENT);
    else {
        page_fill(p, r, VT_SURFACE);
        page_frame(p, r, VT_ACCENT);
    }
    page_text(p, x + (w - tw) / 2, y + (t->target - t->small_line) / 2, tw, t->small_line, label,
              strlen(label), VT_FONT_BOLD, t->small_px, filled ? VT_ON_ACCENT : VT_ACCENT);
    page_hit(p, r, a, arg, arg2);
    return w;
}

void build_item_label(const VtBuild *b, const VtItem *it, char *out, size_t outlen)
{
    VtLang l = b->lang;
    switch (it->kind) {
    case VT_ITEM_QUESTION:
        snprintf(out, outlen, "%s %d", str_get(S_QUESTION, l), it->number);
        break;
    case VT_ITEM_POINT: snprintf(out, outlen, "%s %d", str_get(S_POINT, l), it->number); break;
    case VT_ITEM_ANSWER:
        if (it->ncovers > 1) { /* "Antwoord (vragen 2 en 3 samen beantwoord)" */
            int n =
                snprintf(out, outlen, "%s (%s ", str_get(S_ANSWER, l), str_get(S_ANSWER_JOINT, l));
            for (int k = 0; k < it->ncovers && n > 0 && (size_t)n < outlen; k++)
                n += snprintf(out + n, outlen - (size_t)n, "%s%d",
                              k == 0                 ? ""
                              : k == it->ncovers - 1 ? (l ? " and " : " en ")
                                                     : ", ",
                              it->covers[k]);
            if (n > 0 && (size_t)n < outlen)
                snprintf(out + n, outlen - (size_t)n, " %s)", str_get(S_ANSWER_JOINT_END, l));
        } else {
            snprintf(out, outlen, "%s", str_get(S_ANSWER, l));
        }
        break;
    default:
        snprintf(out, outlen, "%s",
                 text_get(&it->heading, l)[0] ? text_get(&it->heading, l) : str_get(S_PASSAGES, l));
        break;
    }
}
