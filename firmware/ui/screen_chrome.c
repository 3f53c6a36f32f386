/*
 * screen_chrome: the navigation bar present on every screen but the attract loop, at the top
 * or, for seated visitors and low-mounted kiosks, at the bottom (config `controls`; the ui
 * places it). Home and Back sit where a thumb expects them (left), the larger-text control
 * (A+), About and the language switch on the right, the screen's title between them, clipped
 * to one line. The language button names the other language in that language ("English" /
 * "Nederlands") so a visitor who cannot read the current one still finds it.
 *
 * Neighbouring buttons are target_gap (>= 3 mm) apart; the outer ones sit close to the screen's
 * edges, where a finger finds them without aiming. Where they would not fit on one line with
 * their usual padding but do with half of it (a portrait 7" in Dutch), their padding halves;
 * otherwise they flow onto more rows and the title gets a row of its own under them, or shares
 * the second with the buttons there when they leave it room (the portrait 7" in English);
 * the bar is as high as its rows (the page's height), which the ui takes as the bar's height.
 * The title takes one line, or two smaller ones where one would show only a word or two.
 */
#include "screens.h"

#include <string.h>

#define CHROME_MAX 6

/* The title between the buttons, in a bar h high: one line of body text where it fits; where
 * it does not (a portrait screen, a long document title), two lines of small text, so it says
 * more than its first word; "…" ends what still does not fit. */
static void bar_title(VtPage *p, const VtBuild *b, const char *title, int x, int y0, int w, int h)
{
    const VtTheme *t = b->th;
    int px = t->body_px, line = t->body_line, lines = 1;
    if (build_width(b, title, VT_FONT_BOLD, t->body_px) > w && 2 * t->small_line <= h)
        px = t->small_px, line = t->small_line, lines = 2;
    VtTextStyle st = {VT_FONT_BOLD, px, line, 0, VT_ON_ACCENT, lines};
    int th = wrap_height(b->m, title, w, &st);
    wrap_text(p, b->m, title, x, y0 + (h - th) / 2, w, &st);
}

typedef struct {
    const char *label;
    VtAction action;
    int w;
} ChromeButton;

/* The A+ control's label: "A+" while text can grow, "A–" at the largest (back to normal). */
static const char *text_size_label(int scale_pct)
{
    return scale_pct >= VT_TEXT_STEP_PCT[VT_TEXT_STEPS - 1] ? "A\xe2\x80\x93" : "A+";
}

/* Places the buttons on rows: the left group from the top left, the right group from the top
 * right (the language button first, so it stays in the corner), each on the first row with
 * room. Fills at[] and returns the number of rows. */
static int place(const VtTheme *t, const ChromeButton *bs, int n, int left, int pad, VtRect *at)
{
    int lx[CHROME_MAX], rx[CHROME_MAX], rows = 1, edge = pad / 2 > 2 ? pad / 2 : 2;
    int last[2] = {0, 0}; /* a group's buttons keep their order: never on an earlier row */
    for (int r = 0; r < CHROME_MAX; r++)
        lx[r] = edge, rx[r] = t->w - edge;
    /* placing order: language, the left group, then the right group leftwards */
    int order[CHROME_MAX], k = 0;
    order[k++] = n - 1;
    for (int i = 0; i < left; i++)
        order[k++] = i;
    for (int i = n - 2; i >= left; i--)
        order[k++] = i;
    for (int j = 0; j < n; j++) {
        int i = order[j], is_left = i < left, r = last[is_left];
        while (r < CHROME_MAX - 1 && rx[r] - lx[r] < bs[i].w &&
               !(lx[r] == edge && rx[r] == t->w - edge))
            r++; /* no room on this row (an empty row takes any button) */
        last[is_left] = r;
        if (r + 1 > rows)
            rows = r + 1;
        int y = pad + r * (t->target + t->target_gap);
        if (is_left) {
            at[i] = (VtRect){lx[r], y, bs[i].w, t->target};
            lx[r] += bs[i].w + t->target_gap;
        } else {
            at[i] = (VtRect){rx[r] - bs[i].w, y, bs[i].w, t->target};
            rx[r] -= bs[i].w + t->target_gap;
        }
    }
    return rows;
}

/* The room a second row of buttons leaves between its left and right groups: its width,
 * its left edge in *x. */
static int second_row_room(const VtTheme *t, const VtRect *at, int n, int left, int pad, int *x)
{
    int row = at[n - 1].y + t->target + t->target_gap, lo = pad, hi = t->w - pad;
    for (int i = 0; i < n; i++) {
        if (at[i].y != row)
            continue;
        if (i < left && at[i].x + at[i].w + t->target_gap > lo)
            lo = at[i].x + at[i].w + t->target_gap;
        if (i >= left && at[i].x - t->target_gap < hi)
            hi = at[i].x - t->target_gap;
    }
    *x = lo;
    return hi - lo;
}

int screen_chrome_build(VtPage *p, const VtBuild *b0, const char *title, int can_go_back,
                        const char *speak, int y0)
{
    VtTheme bar;
    VtBuild bb;
    const VtBuild *b = build_bar(b0, &bar, &bb);
    const VtTheme *t = &bar;
    VtLang l = b->lang;
    int pad = t->bar_pad;
    ChromeButton bs[CHROME_MAX];
    int n = 0;
    bs[n++] = (ChromeButton){str_get(S_HOME, l), VT_ACT_HOME, 0};
    if (can_go_back)
        bs[n++] = (ChromeButton){str_get(S_BACK, l), VT_ACT_BACK, 0};
    int left = n;
    if (speak) /* read aloud, left of A+ */
        bs[n++] = (ChromeButton){speak, VT_ACT_SPEAK, 0};
    bs[n++] = (ChromeButton){text_size_label(b0->th->scale_pct), VT_ACT_TEXT_SIZE, 0};
    bs[n++] = (ChromeButton){str_get(S_ABOUT, l), VT_ACT_ABOUT, 0};
    bs[n++] = (ChromeButton){str_get(S_LANG_OTHER, l), VT_ACT_LANG, 0};
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum += (bs[i].w = build_button_w(b, bs[i].label, 0)) + t->target_gap;
    if (speak && sum > t->w) { /* a narrow bar (portrait 7"): the short label */
        bs[left].label = str_get(S_READ_SHORT, l);
        int w = build_button_w(b, bs[left].label, 0);
        sum -= bs[left].w - w;
        bs[left].w = w;
    }
    /* still not one row: less padding where that makes one (the portrait 7" in Dutch) */
    int tsum = 0, tight = sum - t->target_gap + pad > t->w;
    for (int i = 0; tight && i < n; i++)
        tsum += build_button_w(b, bs[i].label, 1) + t->target_gap;
    tight = tight && tsum - t->target_gap + pad <= t->w;
    for (int i = 0; tight && i < n; i++)
        bs[i].w = build_button_w(b, bs[i].label, 1);
    VtRect at[CHROME_MAX];
    int rows = place(t, bs, n, left, pad, at);
    int h = rows * t->target + (rows - 1) * t->target_gap + 2 * pad;
    int tx = at[left - 1].x + at[left - 1].w + t->target_gap;
    int tw = at[left].x - t->target_gap - tx;
    /* No room between the buttons (more than one row, a narrow portrait bar): the title gets a
     * row of its own under them, up to two small lines, rather than being cut to a word; on a
     * second row of buttons that leaves it room (a portrait 7" in English), beside them. */
    int title_row = title && (rows > 1 || tw <= t->body_px * 3) ? 2 * t->small_line + pad : 0;
    int beside = rows == 2 && title_row ? second_row_room(t, at, n, left, pad, &tx) : 0;
    if (beside >= t->body_px * 6) {
        title_row = 2 * t->small_line > t->target ? 2 * t->small_line - t->target : 0;
        tw = beside;
    }
    page_fill(p, (VtRect){0, y0, t->w, h + title_row}, VT_ACCENT);
    /* Added in one order on every screen and panel (Home, Back, Read aloud, A+, About, language),
     * so Tab walks the same way whether the buttons take one row or more. */
    for (int i = 0; i < n; i++)
        build_button(p, b, bs[i].label, at[i].x, y0 + at[i].y, tight ? VT_BUTTON_TIGHT : at[i].w,
                     bs[i].action, 0, 0, 0);
    if (beside >= t->body_px * 6)
        bar_title(p, b, title, tx, y0 + at[n - 1].y + t->target + t->target_gap, tw,
                  t->target + title_row);
    else if (title_row)
        bar_title(p, b, title, pad, y0 + h - pad / 2, t->w - 2 * pad, title_row);
    else if (title)
        bar_title(p, b, title, tx, y0, tw, h);
    return h + title_row;
}
