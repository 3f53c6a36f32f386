/*
 * screen_chrome: the top bar present on every screen but the attract loop. Home and Back sit
 * where a thumb expects them (left), the language switch and About on the right, the screen's
 * title between them, clipped to one line. The language button names the other language in
 * that language ("English" / "Nederlands") so a visitor who cannot read the current one still
 * finds it.
 */
#include "screens.h"

#include <string.h>

void screen_chrome_build(VtPage *p, const VtBuild *b, const char *title, int can_go_back,
                         const char *speak)
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
    int tx = rx; /* the title ends before the right side's buttons */
    if (speak) { /* read aloud, left of About */
        int sw = build_width(b, speak, VT_FONT_BOLD, t->small_px) + 4 * t->unit;
        if (rx - pad - sw < x) { /* a narrow bar (portrait 7"): the short label */
            speak = str_get(S_READ_SHORT, l);
            sw = build_width(b, speak, VT_FONT_BOLD, t->small_px) + 4 * t->unit;
        }
        sw = sw < t->target ? t->target : sw;
        tx = rx - pad - sw;
        build_button(p, b, speak, tx, pad, sw, VT_ACT_SPEAK, 0, 0, 0);
    }
    build_button(p, b, str_get(S_ABOUT, l), rx, pad, aw, VT_ACT_ABOUT, 0, 0, 0);
    build_button(p, b, str_get(S_LANG_OTHER, l), lx, pad, lw, VT_ACT_LANG, 0, 0, 0);
    int tw = tx - x - pad;
    if (title && tw > t->body_px * 3)
        build_text_clamped(p, b, title, x + pad, (t->bar_h - t->body_line) / 2, tw, VT_FONT_BOLD,
                           t->body_px, t->body_line, VT_ON_ACCENT, 1);
}
