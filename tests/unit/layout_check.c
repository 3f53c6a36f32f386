/* layout_check: see layout_check.h. */
#include "layout_check.h"

#include "takehome.h"

#include <stdio.h>
#include <string.h>

static int text_w(const VtMeasure *m, const VtBox *b)
{
    return m->width(m->ctx, b->style, b->px, b->text, strlen(b->text));
}

/* Every target is at least the theme's minimum at normal text size (larger text may make
 * targets larger, never smaller; the bar keeps its 150 % size at 200 %). */
static int check_targets(const VtPage *p, const VtTheme *t, const char *what)
{
    VtTheme base;
    theme_init(&base, t->w, t->h, t->ppmm_known ? t->ppmm : 0);
    int bad = 0;
    for (int i = 0; i < p->nhits; i++)
        if (p->hits[i].r.w < base.target || p->hits[i].r.h < base.target) {
            fprintf(stderr, "%s: target %d is %dx%d, below %d\n", what, i, p->hits[i].r.w,
                    p->hits[i].r.h, base.target);
            bad++;
        }
    return bad;
}

static int straddles(const VtPage *p, const VtTheme *t, VtRect tr)
{
    for (int h = 0; h < p->nhits; h++) {
        VtRect hr = p->hits[h].r;
        int inside = tr.x >= hr.x && tr.x + tr.w <= hr.x + hr.w && tr.y >= hr.y &&
                     tr.y + tr.h <= hr.y + hr.h;
        int whole_screen = hr.w >= t->w && hr.h >= t->h;
        if (rect_overlaps(tr, hr) && !inside && !whole_screen)
            return 1;
    }
    return 0;
}

/* The space between two targets along the axis they are side by side on, in mm; -1 when they
 * are neither side by side nor one above the other (diagonal neighbours), or overlap. */
static float target_gap_mm(VtRect a, VtRect b, const VtMmRules *mm)
{
    int xgap = b.x >= a.x + a.w ? b.x - (a.x + a.w) : a.x >= b.x + b.w ? a.x - (b.x + b.w) : -1;
    int ygap = b.y >= a.y + a.h ? b.y - (a.y + a.h) : a.y >= b.y + b.h ? a.y - (b.y + b.h) : -1;
    if (xgap >= 0 && ygap < 0)
        return xgap / mm->ppmm_x;
    if (ygap >= 0 && xgap < 0)
        return ygap / mm->ppmm_y;
    return -1;
}

static void keep_min(float *v, float x) { *v = *v == 0 || x < *v ? x : *v; }

static int check_mm(const VtPage *p, const VtTheme *t, VtMmRules *mm, const char *what)
{
    int bad = 0;
    float k = t->scale_pct / 100.0f;
    for (int i = 0; i < p->nboxes; i++) {
        const VtBox *b = &p->boxes[i];
        float cap = b->px * mm->cap_ratio / mm->ppmm_y;
        if (b->kind != VT_BOX_TEXT || !b->text[0])
            continue;
        keep_min(&mm->text_min, cap);
        if (b->px == t->body_px) {
            keep_min(&mm->body_min, cap);
            mm->body_max = cap > mm->body_max ? cap : mm->body_max;
        }
        if ((b->px == t->body_px && (cap < 3.5f * k || cap > 4.5f * k)) || cap < 2.8f) {
            fprintf(stderr, "%s: \"%.30s\" has a cap height of %.2f mm\n", what, b->text,
                    (double)cap);
            bad++;
        }
    }
    for (int i = 0; i < p->nhits; i++) {
        VtRect a = p->hits[i].r;
        if (a.w >= t->w && a.h >= t->h)
            continue; /* the whole screen (the attract loop) */
        keep_min(&mm->target_min, a.w / mm->ppmm_x);
        keep_min(&mm->target_min, a.h / mm->ppmm_y);
        if (a.w / mm->ppmm_x < 9.0f || a.h / mm->ppmm_y < 9.0f) {
            fprintf(stderr, "%s: target %d is %.1fx%.1f mm\n", what, i, (double)(a.w / mm->ppmm_x),
                    (double)(a.h / mm->ppmm_y));
            bad++;
        }
        for (int j = i + 1; j < p->nhits; j++) {
            float g = target_gap_mm(a, p->hits[j].r, mm);
            if (g >= 0)
                keep_min(&mm->gap_min, g);
            if (g >= 0 && g < 3.0f) {
                fprintf(stderr, "%s: targets %d and %d are %.1f mm apart\n", what, i, j, (double)g);
                bad++;
            }
        }
    }
    return bad;
}

/* The space between two rects: the larger of the gaps along x and y (negative: they overlap). */
static int rect_gap(VtRect a, VtRect b)
{
    int xg = b.x >= a.x + a.w ? b.x - (a.x + a.w) : a.x >= b.x + b.w ? a.x - (b.x + b.w) : -1;
    int yg = b.y >= a.y + a.h ? b.y - (a.y + a.h) : a.y >= b.y + b.h ? a.y - (b.y + b.h) : -1;
    return xg > yg ? xg : yg;
}

/* A QR code covers no text and no target: both keep the theme's target gap (3 mm) from it;
 * in millimetres, its edge leaves a module area of 20 mm or more (takehome.h). */
static int check_qr(const VtPage *p, const VtTheme *t, const VtMeasure *m, VtMmRules *mm,
                    const char *what)
{
    int bad = 0;
    for (int i = 0; i < p->nboxes; i++) {
        VtRect q = p->boxes[i].r;
        if (p->boxes[i].kind != VT_BOX_QR)
            continue;
        float min_mm = VT_TAKEHOME_MODULE_MM * 29.0f / 21.0f; /* the smallest code's zone */
        if (mm && (q.w / mm->ppmm_x < min_mm || q.h / mm->ppmm_y < min_mm)) {
            fprintf(stderr, "%s: a QR code is %.1f mm\n", what, (double)(q.w / mm->ppmm_x));
            bad++;
        }
        for (int k = 0; k < p->nboxes; k++) {
            const VtBox *b = &p->boxes[k];
            VtRect r = {b->r.x, b->r.y, b->kind == VT_BOX_TEXT ? text_w(m, b) : 0, b->r.h};
            if (b->kind == VT_BOX_TEXT && r.w && rect_gap(q, r) < t->target_gap) {
                fprintf(stderr, "%s: \"%s\" is %d px from a QR code\n", what, b->text,
                        rect_gap(q, r));
                bad++;
            }
        }
        for (int h = 0; h < p->nhits; h++)
            if (rect_gap(q, p->hits[h].r) < t->target_gap) {
                fprintf(stderr, "%s: target %d is %d px from a QR code\n", what, h,
                        rect_gap(q, p->hits[h].r));
                bad++;
            }
    }
    return bad;
}

int layout_check_page(const VtPage *p, const VtTheme *t, const VtMeasure *m, int horizontal,
                      VtMmRules *mm, const char *what)
{
    int bad = check_targets(p, t, what) + (mm ? check_mm(p, t, mm, what) : 0) +
              check_qr(p, t, m, mm, what);
    int right = horizontal ? p->width : t->w;
    for (int i = 0; i < p->nboxes; i++) {
        const VtBox *a = &p->boxes[i];
        if (a->kind != VT_BOX_TEXT)
            continue;
        int aw = text_w(m, a);
        VtRect ra = {a->r.x, a->r.y, aw, a->r.h};
        if (a->r.x < 0 || a->r.x + aw > right) {
            fprintf(stderr, "%s: \"%s\" runs outside (%d..%d of %d)\n", what, a->text, a->r.x,
                    a->r.x + aw, right);
            bad++;
        }
        if (aw && straddles(p, t, ra)) {
            fprintf(stderr, "%s: \"%s\" straddles a target's edge\n", what, a->text);
            bad++;
        }
        for (int k = i + 1; k < p->nboxes; k++) {
            const VtBox *b = &p->boxes[k];
            if (b->kind != VT_BOX_TEXT)
                continue;
            VtRect rb = {b->r.x, b->r.y, text_w(m, b), b->r.h};
            if (aw && rb.w && rect_overlaps(ra, rb)) {
                fprintf(stderr, "%s: \"%s\" overlaps \"%s\"\n", what, a->text, b->text);
                bad++;
            }
        }
    }
    return bad;
}

/* How many characters of body text a column w wide holds (an average Dutch and English mix). */
static float column_chars(const VtTheme *t, const VtMeasure *m, int w)
{
    static const char sample[] = "Welke organisatieonderdelen maken gebruik van de software "
                                 "van Palantir, en sinds wanneer? Which parts of government use";
    float adv = (float)m->width(m->ctx, VT_FONT_REGULAR, t->body_px, sample, strlen(sample)) /
                (float)(sizeof sample - 1);
    return w / adv;
}

/* The y of the first run whose text is s, -1 when there is none. */
static int run_y(const VtPage *p, const char *s)
{
    for (int i = 0; i < p->nboxes; i++)
        if (p->boxes[i].kind == VT_BOX_TEXT && !strcmp(p->boxes[i].text, s))
            return p->boxes[i].r.y;
    return -1;
}

/* Whether a run of p starts at height y inside column c. */
static int starts_at(const VtPage *p, VtRect c, int y)
{
    for (int i = 0; i < p->nboxes; i++) {
        const VtBox *b = &p->boxes[i];
        if (b->kind == VT_BOX_TEXT && b->text[0] && b->r.y == y && b->r.x >= c.x &&
            b->r.x < c.x + c.w)
            return 1;
    }
    return 0;
}

/* Dutch and English side by side (bilingual.h), below the columns' heads: both columns hold
 * 45-60 characters, the gutter is at least the theme's gap, no run leaves its column, and every
 * place (a paragraph pair, a label, a footnote) where text starts in one column has text
 * starting at the same height in the other. */
static int check_two(const VtPage *p, const VtTheme *t, const VtMeasure *m, VtMmRules *mm,
                     const char *what)
{
    VtRect c0 = p->lang_col[0], c1 = p->lang_col[1];
    int top = run_y(p, str_get(S_COLUMN_HEAD, VT_LANG_NL)), bad = 0;
    if (!c0.w || !c1.w || top < 0 || top != run_y(p, str_get(S_COLUMN_HEAD, VT_LANG_EN))) {
        fprintf(stderr, "%s: two columns fit, but the page has no pair of them\n", what);
        return 1;
    }
    int gutter = c1.x - (c0.x + c0.w);
    for (int l = 0; l < 2; l++) {
        float chars = column_chars(t, m, p->lang_col[l].w);
        if (mm && (mm->col2_chars == 0 || chars < mm->col2_chars))
            mm->col2_chars = chars;
        if (chars < 44.5f || chars > 60.5f) {
            fprintf(stderr, "%s: column %d holds %.0f characters\n", what, l, (double)chars);
            bad++;
        }
    }
    if (mm)
        mm->gutter_mm = gutter / mm->ppmm_x;
    if (gutter < t->gap || c0.w != c1.w || c0.x < t->margin || c1.x + c1.w + t->gap > t->scroll_x) {
        fprintf(stderr, "%s: the gutter is %d px (gap %d), columns %d+%d at %d and %d\n", what,
                gutter, t->gap, c0.w, c1.w, c0.x, c1.x);
        bad++;
    }
    for (int i = 0; i < p->nboxes; i++) {
        const VtBox *b = &p->boxes[i];
        if (b->kind != VT_BOX_TEXT || b->r.y < top)
            continue;
        int end = b->r.x + m->width(m->ctx, b->style, b->px, b->text, strlen(b->text));
        int in0 = b->r.x >= c0.x && end <= c0.x + c0.w, in1 = b->r.x >= c1.x && end <= c1.x + c1.w;
        if (!in0 && !in1) {
            fprintf(stderr, "%s: \"%s\" is in neither column (%d..%d)\n", what, b->text, b->r.x,
                    end);
            bad++;
        }
    }
    for (int a = 0; a < p->nanchors; a++) {
        int y = p->anchors[a].y;
        if (y >= top && starts_at(p, c0, y) != starts_at(p, c1, y)) {
            fprintf(stderr, "%s: place %d at %d starts in one column only\n", what,
                    p->anchors[a].key, y);
            bad++;
        }
    }
    return bad;
}

/* The right gutter (issue 13's review): where a page is longer than the screen, its scroll
 * buttons stand over it at the right edge while it moves, so no text run of any line may reach
 * into their column, nor closer to it than the theme's gap. Returns the violations. */
static int check_gutter(const VtPage *p, const VtBuild *b, const char *what)
{
    const VtTheme *t = b->th;
    int view = t->h - t->bar_h, bad = 0;
    if (p->height <= view)
        return 0;
    VtPage ctl = {0};
    controls_scroll_buttons(&ctl, b, (VtRect){0, 0, t->w, view});
    for (int i = 0; i < p->nboxes; i++) {
        const VtBox *a = &p->boxes[i];
        int aw = a->kind == VT_BOX_TEXT ? text_w(b->m, a) : 0;
        for (int h = 0; aw && h < ctl.nhits; h++) {
            VtRect c = ctl.hits[h].r;
            /* half a unit (0.5 mm) of slack: a line's words measured one by one (wrap.c)
             * and its runs measured whole differ by their kerning */
            if (a->r.x < c.x + c.w && a->r.x + aw + t->gap - t->unit / 2 > c.x) {
                fprintf(stderr, "%s: \"%.30s\" (%d..%d) runs under a scroll button at %d\n", what,
                        a->text, a->r.x, a->r.x + aw, c.x);
                bad++;
                break;
            }
        }
    }
    page_free(&ctl);
    return bad;
}

static int check_lang(const VtContent *c, const VtMeasure *m, const VtTheme *t, VtMmRules *mm,
                      VtLang lang, long today)
{
    char what[96];
    VtBuild b = {c, t, m, lang, today};
    VtPage p = {0}, ctl = {0};
    VtTimelineInfo tl;
    int bad = 0;
    snprintf(what, sizeof what, "%dx%d %d%% %s", t->w, t->h, t->scale_pct, lang ? "en" : "nl");
    screen_timeline_build(&p, &ctl, &b, t->h - t->bar_h, &tl);
    bad += layout_check_page(&p, t, m, tl.horizontal, mm, what);
    bad += layout_check_page(&ctl, t, m, 0, mm, what);
    page_free(&ctl);
    page_clear(&p);
    for (int d = 0; d < c->ndocs; d++) {
        screen_doc_build(&p, &b, d);
        bad += layout_check_page(&p, t, m, 0, mm, what) + check_gutter(&p, &b, what);
        bad += t->cols == 2 ? check_two(&p, t, m, mm, what) : 0;
        page_clear(&p);
        for (int i = 0; i < c->docs[d].nitems; i++) {
            if (c->docs[d].items[i].kind == VT_ITEM_ANSWER)
                continue;
            screen_reader_build(&p, &b, d, i);
            bad += layout_check_page(&p, t, m, 0, mm, what) + check_gutter(&p, &b, what);
            bad += t->cols == 2 ? check_two(&p, t, m, mm, what) : 0;
            page_clear(&p);
            screen_reader_nav(&p, &b, d, i, 0); /* the bottom bar, as the top bar below */
            bad += layout_check_page(&p, t, m, 0, mm, what);
            page_clear(&p);
        }
    }
    screen_about_build(&p, &b);
    bad += layout_check_page(&p, t, m, 0, mm, what) + check_gutter(&p, &b, what);
    page_clear(&p);
    for (int i = 0; t->scale_pct == 100 && i < screen_attract_count(c); i++) {
        screen_attract_build(&p, &b, i, NULL);
        /* The poster is tiled by its four regions (the whole screen is the target), which
         * abut on purpose: no gap rule between them; sizes and text are checked as anywhere. */
        bad += layout_check_page(&p, t, m, 0, NULL, what);
        for (int k = 0; k < p.nboxes; k++) { /* a hook is never cut (issue 13, bug 13) */
            const char *s = p.boxes[k].kind == VT_BOX_TEXT ? p.boxes[k].text : "";
            size_t n = strlen(s);
            if (n >= 3 && strcmp(s + n - 3, "\u2026") == 0) {
                fprintf(stderr, "%s: attract slide %d cut at \"%s\"\n", what, i, s);
                bad++;
            }
        }
        page_clear(&p);
    }
    screen_chrome_build(&p, &b, "Tweesporenbeleidsdocumentatieoverzichtsbladzijde en meer", 1,
                        str_get(S_READ_ALOUD, b.lang), 0); /* the longer label */
    bad += layout_check_page(&p, t, m, 0, mm, what);
    page_free(&p);
    return bad;
}

/* The reading column: 45-60 characters of body text, or all the width between the margins. */
static int check_column(const VtTheme *t, const VtMeasure *m, VtMmRules *mm)
{
    float chars = column_chars(t, m, t->col_w);
    int full = t->col_w >= t->w - 2 * t->margin ||
               t->col_w >= t->scroll_x - t->gap - t->margin; /* all but the right gutter */
    mm->col_chars = chars;
    if (chars > 60.5f || (chars < 44.5f && !full)) {
        fprintf(stderr, "%dx%d %d%%: the column holds %.0f characters\n", t->w, t->h, t->scale_pct,
                (double)chars);
        return 1;
    }
    return 0;
}

int layout_check_theme(const VtContent *c, const VtMeasure *m, const VtTheme *t, VtMmRules *mm,
                       long today)
{
    return (mm ? check_column(t, m, mm) : 0) + check_lang(c, m, t, mm, VT_LANG_NL, today) +
           check_lang(c, m, t, mm, VT_LANG_EN, today);
}

int layout_check_all(const VtContent *c, const VtMeasure *m, int w, int h, long today)
{
    VtTheme t;
    theme_init(&t, w, h, 0);
    return layout_check_theme(c, m, &t, NULL, today);
}
