/*
 * test_bilingual: Dutch and English side by side where two columns fit (bilingual.h, issue 13
 * item 1): which panels get them, what the language button does to them (nothing moves, the
 * emphasis changes), that switching language keeps the place (bug 9) in two columns too, and that
 * the English is marked as the unofficial translation. The layout rules in millimetres are in
 * layout_check.c (run here through test_size and with the real font in test_layout_font).
 */
#include "bilingual.h"
#include "fixture.h"
#include "screens.h"
#include "ui.h"
#include "vt_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static VtContent C;
static VtMeasure M;

/* Two columns on the 15.6" and 27" landscape panels at normal text, on none of the 7" panels,
 * never in portrait; at the largest text step the 15.6" goes back to one. */
static void two_columns_where_they_fit(void)
{
    static const struct {
        int w, h, w_mm, h_mm, pct, cols;
    } cases[] = {{800, 480, 154, 86, 100, 1},    {720, 1280, 88, 155, 100, 1},
                 {1280, 720, 155, 88, 100, 1},   {1920, 1080, 344, 194, 100, 2},
                 {3840, 2160, 597, 336, 100, 2}, {1080, 1920, 194, 344, 100, 1},
                 {2160, 3840, 336, 597, 100, 1}, {1920, 1080, 344, 194, 125, 1},
                 {3840, 2160, 597, 336, 150, 2}, {3840, 2160, 597, 336, 200, 1},
                 {1920, 1080, 0, 0, 100, 1}}; /* size unknown: taken for a 7" */
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char why[160];
        VtTheme t;
        float d = theme_ppmm(cases[i].w, cases[i].h, cases[i].w_mm, cases[i].h_mm, why, sizeof why);
        theme_init_scaled(&t, cases[i].w, cases[i].h, d, cases[i].pct);
        if (t.cols != cases[i].cols)
            fprintf(stderr, "%dx%d at %d%%: %d columns\n", cases[i].w, cases[i].h, cases[i].pct,
                    t.cols);
        CHECK_INT(t.cols, cases[i].cols);
    }
}

static void theme_1920(VtTheme *t) { theme_init(t, 1920, 1080, 1920.0f / 344.0f); }

static int same_rect(VtRect a, VtRect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

/* The language button moves nothing: the reader in Dutch and in English is the same page but
 * for the emphasis (the heads' colours and rules), the visitor's column emphasised. */
static void language_moves_nothing_but_the_emphasis(void)
{
    VtTheme t;
    theme_1920(&t);
    VtPage p[2] = {{0}, {0}};
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        VtBuild b = {&C, &t, &M, (VtLang)l, fixture_today(), 0};
        screen_reader_build(&p[l], &b, 0, 3);
    }
    CHECK_INT(p[0].nboxes, p[1].nboxes);
    CHECK_INT(p[0].height, p[1].height);
    int differ = 0;
    for (int i = 0; i < p[0].nboxes && i < p[1].nboxes; i++) {
        const VtBox *a = &p[0].boxes[i], *b = &p[1].boxes[i];
        CHECK(a->kind == b->kind);
        CHECK(a->kind != VT_BOX_TEXT || !strcmp(a->text, b->text));
        differ += !same_rect(a->r, b->r) || memcmp(&a->color, &b->color, sizeof a->color);
    }
    CHECK_INT(differ, 4); /* two heads' colours, two rules' colours and thickness */
    /* the visitor's head in the accent colour, the other muted */
    for (int l = 0; l < VT_LANG_COUNT; l++)
        for (int i = 0; i < p[l].nboxes; i++) {
            const VtBox *x = &p[l].boxes[i];
            for (int h = 0; h < VT_LANG_COUNT; h++)
                if (x->kind == VT_BOX_TEXT && !strcmp(x->text, str_get(S_COLUMN_HEAD, (VtLang)h)))
                    CHECK(!memcmp(&x->color, h == l ? &VT_ACCENT : &VT_MUTED, sizeof x->color));
        }
    page_free(&p[0]);
    page_free(&p[1]);
}

/* The number of text runs of p that are exactly s, and the x of the last. */
static int runs(const VtPage *p, const char *s, int *x)
{
    int n = 0;
    for (int i = 0; i < p->nboxes; i++)
        if (p->boxes[i].kind == VT_BOX_TEXT && !strcmp(p->boxes[i].text, s))
            n++, *x = p->boxes[i].r.x;
    return n;
}

/* The English stands in the right column under its "Unofficial translation" tag, once per text,
 * without the Dutch original under it (that is the left column); the curator's texts are marked
 * in both columns. */
static void english_marked_and_not_repeated(void)
{
    VtTheme t;
    theme_1920(&t);
    VtBuild b = {&C, &t, &M, VT_LANG_EN, fixture_today(), 0};
    VtPage p = {0};
    int x = 0;
    screen_reader_build(&p, &b, 0, 3); /* question 3 and its joint answer */
    CHECK_INT(runs(&p, str_get(S_UNOFFICIAL, VT_LANG_EN), &x), 2);
    CHECK(x > t.w / 2);
    CHECK_INT(runs(&p, str_get(S_ORIGINAL_NL, VT_LANG_EN), &x), 0);
    CHECK_INT(runs(&p, "Derde vraag?", &x), 1);
    CHECK(x < t.w / 2);
    page_clear(&p);
    screen_doc_build(&p, &b, 0);
    if (C.docs[0].headline.s[VT_LANG_NL]) {
        CHECK_INT(runs(&p, str_get(S_CURATOR_TEXT, VT_LANG_NL), &x), 1);
        CHECK(x < t.w / 2);
        CHECK_INT(runs(&p, str_get(S_CURATOR_TEXT, VT_LANG_EN), &x), 1);
        CHECK(x > t.w / 2);
    }
    page_free(&p);
}

/* Bug 9 in two columns: switching language keeps the place. An answer whose English paragraphs
 * are three times as long as the Dutch, each word naming its paragraph (a4 in Dutch is b4 in
 * English): scrolled into it, the same pair is read on both sides, and stays after a switch. */
static void language_switch_keeps_the_place(void)
{
    VtContent c;
    fixture_content(&c);
    fixture_paired_answer(&c);
    VtUiConfig cfg;
    ui_config_default(&cfg);
    cfg.ppmm = 1920.0f / 344.0f;
    VtUi *ui = ui_new(&c, &M, 1920, 1080, &cfg, 1000, fixture_today());
    ui_wake(ui, 1000);
    ui_activate(ui, VT_ACT_OPEN_ITEM, 0, 2);
    VtFrame f;
    ui_frame(ui, &f);
    for (int k = 0; k < 6; k++)
        ui_key(ui, VT_KEY_PAGE_DOWN, 2000);
    ui_frame(ui, &f);
    int off = ui_scroll_offset(ui);
    const char *nl_run = fixture_reading_run(&f, 0, 1920 / 2),
               *en_run = fixture_reading_run(&f, 1920 / 2, 1920);
    CHECK(off > 0);
    CHECK(nl_run[0] == 'a' && en_run[0] == 'b' && nl_run[1] == en_run[1]); /* one pair */
    char word[4];
    snprintf(word, sizeof word, "%.2s", nl_run);
    ui_activate(ui, VT_ACT_LANG, 0, 0);
    ui_frame(ui, &f);
    CHECK_INT(ui_scroll_offset(ui), off); /* nothing moved */
    CHECK(!strncmp(fixture_reading_run(&f, 0, 1920 / 2), word, 2));
    CHECK(fixture_reading_run(&f, 1920 / 2, 1920)[1] == word[1]);
    ui_free(ui);
    content_free(&c);
}

int main(void)
{
    fixture_content(&C);
    M = fixture_measure();
    RUN(two_columns_where_they_fit);
    RUN(language_moves_nothing_but_the_emphasis);
    RUN(english_marked_and_not_repeated);
    RUN(language_switch_keeps_the_place);
    content_free(&C);
    return vt_test_finish();
}
