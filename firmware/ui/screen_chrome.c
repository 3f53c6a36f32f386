/*
 * screen_chrome: the top bar present on every screen but the attract loop. Home and Back sit
 * where a thumb expects them (left), the language switch and About on the right, the screen's
 * title between them: one line, or two smaller ones where one would show only a word or two.
 * The language button names the other language in that language ("English" / "Nederlands") so
 * a visitor who cannot read the current one still finds it.
 */
#include "screens.h"

#include <string.h>

/* The title between the buttons: one line of body text where it fits; where it does not (a
 * portrait screen, a long document title), two lines of small text, so it says more than its
 * first word; "…" ends what still does not fit. */
static void bar_title(VtPage *p, const VtBuild *b, const char *title, int x, int w)
{
    const VtTheme *t = b->th;
    int px = t->body_px, line = t->body_line, lines = 1;
    if (build_width(b, title, VT_FONT_BOLD, t->body_px) > w && 2 * t->small_line <= t->bar_h)
        px = t->small_px, line = t->small_line, lines = 2;
    VtTextStyle st = {VT_FONT_BOLD, px, line, 0, VT_ON_ACCENT, lines};
    int h = wrap_height(b->m, title, w, &st);
    wrap_text(p, b->m, title, x, (t->bar_h - h) / 2, w, &st);
}

void screen_chrome_build(VtPage *p, const VtBuild *b, const char *title, int can_go_back)
{
    const VtTheme *t = b->th;
    VtLang l = b->lang;
    int pad = (t->bar_h - t->target) / 2;
    page_fill(p, (VtRect){0, 0, t->w, t->bar_h}, VT_ACCENT);
    int x = pad;
    x += build_button(p, b, str_get(S_HOME, l), x, pad, 0, VT_ACT_HOME, 0, 0, 0) + pad;
    if (can_go_back)
        x += build_button(p, b, str_get(S_BACK, l), x, pad, 0, VT_ACT_BACK, 0, 0, 0) + pad;
    /* Right side, laid out right to left but added left to right so Tab follows the eye. */
    int lw = build_width(b, str_get(S_LANG_OTHER, l), VT_FONT_BOLD, t->small_px) + 4 * t->unit;
    int aw = build_width(b, str_get(S_ABOUT, l), VT_FONT_BOLD, t->small_px) + 4 * t->unit;
    lw = lw < t->target ? t->target : lw;
    aw = aw < t->target ? t->target : aw;
    int lx = t->w - pad - lw, rx = lx - pad - aw;
    build_button(p, b, str_get(S_ABOUT, l), rx, pad, aw, VT_ACT_ABOUT, 0, 0, 0);
    build_button(p, b, str_get(S_LANG_OTHER, l), lx, pad, lw, VT_ACT_LANG, 0, 0, 0);
    int tw = rx - x - pad;
    if (title && tw > t->body_px * 3)
        bar_title(p, b, title, x + pad, tw);
}
