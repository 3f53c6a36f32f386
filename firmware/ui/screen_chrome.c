/*
 * screen_chrome: the navigation bar present on every screen but the attract loop, at the top
 * or, for seated visitors and low-mounted kiosks, at the bottom (config `controls`; the ui
 * places it). Home and Back sit where a thumb expects them (left), the larger-text control
 * (A+), About and the language switch on the right, the screen's title between them, clipped
 * to one line. The language button names the other language in that language ("English" /
 * "Nederlands") so a visitor who cannot read the current one still finds it.
 *
 * Neighbouring buttons are target_gap (>= 3 mm) apart; the outer ones sit close to the screen's
 * edges, where a finger finds them without aiming. When they do not fit on one line (a
 * narrow portrait panel, the largest text) they flow onto more rows and the title is left out;
 * the bar is as high as its rows (the page's height), which the ui takes as the bar's height.
 */
#include "screens.h"

#include <string.h>

#define CHROME_MAX 6

typedef struct {
    const char *label;
    VtAction action;
    int w;
} ChromeButton;

static int button_w(const VtBuild *b, const char *label)
{
    const VtTheme *t = b->th;
    int w = build_width(b, label, VT_FONT_BOLD, t->small_px) + 4 * t->unit;
    return w < t->target ? t->target : w;
}

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

void screen_chrome_build(VtPage *p, const VtBuild *b0, const char *title, int can_go_back,
                         const char *speak)
{
    /* The bar's labels grow with the text up to the 150 % step, so it keeps to a row or two
     * and leaves the screen to the text; its targets stay the minimum or more. */
    VtTheme bar = *b0->th;
    if (bar.scale_pct > 150)
        theme_init_scaled(&bar, bar.w, bar.h, bar.ppmm_known ? bar.ppmm : 0, 150);
    VtBuild bb = *b0;
    bb.th = &bar;
    const VtBuild *b = &bb;
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
        sum += (bs[i].w = button_w(b, bs[i].label)) + t->target_gap;
    if (speak && sum > t->w) { /* a narrow bar (portrait 7"): the short label */
        bs[left].label = str_get(S_READ_SHORT, l);
        bs[left].w = button_w(b, bs[left].label);
    }
    VtRect at[CHROME_MAX];
    int rows = place(t, bs, n, left, pad, at);
    int h = rows * t->target + (rows - 1) * t->target_gap + 2 * pad;
    page_fill(p, (VtRect){0, 0, t->w, h}, VT_ACCENT);
    /* Added in one order on every screen and panel (Home, Back, Read aloud, A+, About, language),
     * so Tab walks the same way whether the buttons take one row or more. */
    for (int i = 0; i < n; i++)
        build_button(p, b, bs[i].label, at[i].x, at[i].y, at[i].w, bs[i].action, 0, 0, 0);
    int tx = at[left - 1].x + at[left - 1].w + t->target_gap;
    int tw = at[left].x - t->target_gap - tx;
    if (title && rows == 1 && tw > t->body_px * 3)
        build_text_clamped(p, b, title, tx, (h - t->body_line) / 2, tw, VT_FONT_BOLD, t->body_px,
                           t->body_line, VT_ON_ACCENT, 1);
}
