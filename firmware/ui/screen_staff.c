/*
 * screen_staff: the staff screens, reached by a hidden gesture and a PIN (see ui_input.c).
 * The PIN pad is a 3x4 grid of large keys; digits typed are shown as dots. The staff screen
 * lists what the app reports (pack, last import, free space, uptime, recent log) as plain
 * lines, with two buttons: roll back to the previous pack, and return to the exhibit. The
 * screens are always in the staff language of the moment and need no content.
 */
#include "screens.h"

#include <stdio.h>
#include <string.h>

void screen_pin_build(VtPage *p, const VtBuild *b, int digits, const char *message)
{
    const VtTheme *t = b->th;
    VtLang l = b->lang;
    int key = t->target * 3 / 2, gap = t->target_gap;
    int grid_w = 3 * key + 2 * gap;
    int x0 = (t->w - grid_w) / 2, y = t->margin;
    y += build_text(p, b, str_get(S_STAFF_PIN, l), t->margin, y, t->w - 2 * t->margin, VT_FONT_BOLD,
                    t->head_px, t->head_line, VT_TEXT);
    char dots[64] = "";
    for (int i = 0; i < digits && i < 12; i++)
        strcat(dots, "● ");
    y += build_text(p, b, digits ? dots : " ", t->margin, y, t->w - 2 * t->margin, VT_FONT_BOLD,
                    t->head_px, t->head_line, VT_ACCENT);
    if (message && message[0])
        y += build_text(p, b, message, t->margin, y, t->w - 2 * t->margin, VT_FONT_BOLD, t->body_px,
                        t->body_line, VT_FUTURE);
    y += t->unit;
    static const char *const labels[12] = {"1", "2", "3", "4", "5", "6",
                                           "7", "8", "9", "",  "0", ""};
    static const int args[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 11};
    for (int i = 0; i < 12; i++) {
        int kx = x0 + (i % 3) * (key + gap), ky = y + (i / 3) * (key + gap);
        const char *label = labels[i];
        if (args[i] == 10)
            label = str_get(S_STAFF_DELETE, l);
        if (args[i] == 11)
            label = str_get(S_STAFF_OK, l);
        build_button(p, b, label, kx, ky, key, VT_ACT_PIN_DIGIT, args[i], 0, args[i] == 11);
    }
    page_extend(p, (VtRect){0, 0, t->w, y + 4 * (key + gap) + t->margin});
}

void screen_staff_build(VtPage *p, const VtBuild *b, const char *info, const char *speech)
{
    const VtTheme *t = b->th;
    VtLang l = b->lang;
    int y = t->margin;
    y += build_text(p, b, str_get(S_STAFF_TITLE, l), t->col_x, y, t->col_w, VT_FONT_BOLD,
                    t->head_px, t->head_line, VT_TEXT) +
         t->unit;
    int bw = (t->col_w - t->target_gap) / 2;
    build_button(p, b, str_get(S_STAFF_ROLLBACK, l), t->col_x, y, bw, VT_ACT_STAFF_ROLLBACK, 0, 0,
                 0);
    build_button(p, b, str_get(S_STAFF_CLOSE, l), t->col_x + t->col_w - bw, y, bw,
                 VT_ACT_STAFF_CLOSE, 0, 0, 1);
    y += t->target + t->gap;
    if (speech) { /* read aloud on or off, until the kiosk restarts */
        build_button(p, b, speech, t->col_x, y, bw, VT_ACT_STAFF_SPEECH, 0, 0, 0);
        y += t->target + t->gap;
    }
    y += build_text(p, b, info ? info : "", t->col_x, y, t->col_w, VT_FONT_REGULAR, t->small_px,
                    t->small_line, VT_TEXT);
    page_extend(p, (VtRect){0, 0, t->w, y + t->margin});
}
