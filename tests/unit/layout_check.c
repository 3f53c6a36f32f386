/* layout_check: see layout_check.h. */
#include "layout_check.h"

#include <stdio.h>
#include <string.h>

static int text_w(const VtMeasure *m, const VtBox *b)
{
    return m->width(m->ctx, b->style, b->px, b->text, strlen(b->text));
}

static int check_targets(const VtPage *p, const VtTheme *t, const char *what)
{
    int bad = 0;
    for (int i = 0; i < p->nhits; i++)
        if (p->hits[i].r.w < t->target || p->hits[i].r.h < t->target) {
            fprintf(stderr, "%s: target %d is %dx%d, below %d\n", what, i, p->hits[i].r.w,
                    p->hits[i].r.h, t->target);
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

int layout_check_page(const VtPage *p, const VtTheme *t, const VtMeasure *m, int horizontal,
                      const char *what)
{
    int bad = check_targets(p, t, what);
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

static int check_lang(const VtContent *c, const VtMeasure *m, const VtTheme *t, VtLang lang,
                      long today)
{
    char what[96];
    VtBuild b = {c, t, m, lang, today};
    VtPage p = {0}, ctl = {0};
    VtTimelineInfo tl;
    int bad = 0;
    snprintf(what, sizeof what, "%dx%d %s", t->w, t->h, lang ? "en" : "nl");
    screen_timeline_build(&p, &ctl, &b, t->h - t->bar_h, &tl);
    bad += layout_check_page(&p, t, m, tl.horizontal, what);
    bad += layout_check_page(&ctl, t, m, 0, what);
    page_free(&ctl);
    page_clear(&p);
    for (int d = 0; d < c->ndocs; d++) {
        screen_doc_build(&p, &b, d);
        bad += layout_check_page(&p, t, m, 0, what);
        page_clear(&p);
        for (int i = 0; i < c->docs[d].nitems; i++) {
            if (c->docs[d].items[i].kind == VT_ITEM_ANSWER)
                continue;
            screen_reader_build(&p, &b, d, i);
            bad += layout_check_page(&p, t, m, 0, what);
            page_clear(&p);
        }
    }
    screen_about_build(&p, &b);
    bad += layout_check_page(&p, t, m, 0, what);
    page_clear(&p);
    for (int i = 0; i < screen_attract_count(c); i++) {
        screen_attract_build(&p, &b, i);
        bad += layout_check_page(&p, t, m, 0, what);
        page_clear(&p);
    }
    screen_chrome_build(&p, &b, "Tweesporenbeleidsdocumentatieoverzichtsbladzijde en meer", 1);
    bad += layout_check_page(&p, t, m, 0, what);
    page_free(&p);
    return bad;
}

int layout_check_all(const VtContent *c, const VtMeasure *m, int w, int h, long today)
{
    VtTheme t;
    theme_init(&t, w, h, 0);
    return check_lang(c, m, &t, VT_LANG_NL, today) + check_lang(c, m, &t, VT_LANG_EN, today);
}
