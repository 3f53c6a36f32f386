/*
 * screen_staff: the staff screens, reached by a hidden gesture and a PIN (see ui_input.c).
 * The PIN pad is a 3x4 grid of large keys that never moves; digits typed are shown as dots. The
 * staff screen lists what the app reports (pack, last import, free space, uptime, recent log) as
 * plain lines, then the source file of each document (its name is a hash, kept off the
 * visitors' screens), with two buttons: roll back to the previous pack, and return to the
 * exhibit. The screens are always in the staff language of the moment.
 */
#include "screens.h"

#include <stdio.h>
#include <string.h>

/* The dots for the digits typed: U+2022 BULLET, which Noto Sans has (U+25CF, the larger black
 * circle, it lacks: it showed as the replacement character). */
static void pin_dots(char *out, size_t len, int digits)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < digits && i < 12 && o + 5 < len; i++)
        o += (size_t)snprintf(out + o, len - o, "%s\u2022", i ? " " : "");
}

/* The keypad: 3x4 keys `key` pixels wide (a target high) at (x, y). */
static void pin_keys(VtPage *p, const VtBuild *b, int x, int y, int key, int gap)
{
    static const char *const labels[12] = {"1", "2", "3", "4", "5", "6",
                                           "7", "8", "9", "",  "0", ""};
    static const int args[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 11};
    for (int i = 0; i < 12; i++) {
        const char *label = labels[i];
        if (args[i] == 10)
            label = str_get(S_STAFF_DELETE, b->lang);
        if (args[i] == 11)
            label = str_get(S_STAFF_OK, b->lang);
        build_button(p, b, label, x + (i % 3) * (key + gap), y + (i / 3) * (b->th->target + gap),
                     key, VT_ACT_PIN_DIGIT, args[i], 0, args[i] == 11);
    }
}

/* Where everything goes depends only on the screen, never on the digits typed or the message,
 * so the keys stay where the finger expects them. Landscape: the words on the left, the keypad
 * on the right, in the middle of the screen below the top bar; portrait: the words above, with
 * room kept for a two-line message. */
void screen_pin_build(VtPage *p, const VtBuild *b, int digits, const char *message)
{
    const VtTheme *t = b->th;
    int gap = t->target_gap, view_h = t->h - t->bar_h, side = t->w > t->h;
    int key = t->target * 3 / 2, grid_w = 3 * key + 2 * gap, grid_h = 4 * t->target + 3 * gap;
    int tw = side ? t->w - grid_w - 3 * t->margin : t->w - 2 * t->margin;
    int y = t->margin;
    y += build_text(p, b, str_get(S_STAFF_PIN, b->lang), t->margin, y, tw, VT_FONT_BOLD, t->head_px,
                    t->head_line, VT_TEXT);
    char dots[64];
    pin_dots(dots, sizeof dots, digits);
    build_text(p, b, dots, t->margin, y, tw, VT_FONT_BOLD, t->head_px, t->head_line, VT_ACCENT);
    y += t->head_line;
    if (message && message[0])
        build_text(p, b, message, t->margin, y, tw, VT_FONT_BOLD, t->body_px, t->body_line,
                   VT_FUTURE);
    int kx = side ? t->w - t->margin - grid_w : (t->w - grid_w) / 2;
    int ky = side ? (view_h - grid_h) / 2 : y + 2 * t->body_line + t->unit;
    if (ky < t->margin)
        ky = t->margin;
    pin_keys(p, b, kx, ky, key, gap);
    page_extend(p, (VtRect){0, 0, t->w, ky + grid_h + t->margin});
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
    y += t->gap;
    y += build_label(p, b, str_get(S_SOURCE_FILE, l), t->col_x, y, t->col_w);
    for (int i = 0; i < b->c->ndocs; i++) { /* which file of content/sources/ each document is */
        char line[512];
        snprintf(line, sizeof line, "%s: %s", b->c->docs[i].source_file, b->c->docs[i].id);
        y += build_text(p, b, line, t->col_x, y, t->col_w, VT_FONT_REGULAR, t->small_px,
                        t->small_line, VT_TEXT);
    }
    page_extend(p, (VtRect){0, 0, t->w, y + t->margin});
}
