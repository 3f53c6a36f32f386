/*
 * Issue 13, item 5, on the real pack: one "take this home" QR code per visitor screen, its
 * address always a footnote link of the sources (takehome.h), and the redaction motif where an
 * answer invokes confidentiality (redact.h). Known from content/documents/:
 *   - dassen-2026 cites one URL, without a scheme (www.nrc.nl/...): the QR code encodes the
 *     curator's link (https://www.nrc.nl/...), and it is the latest event before today's;
 *   - vanvroonhoven-2025 cites politie.nl first (its url keeps a stray ')', the link does not)
 *     and tweakers.net in the footnote of question 10;
 *   - jagtenberg-2026 cites ftm.nl under question 1 and bbc.com under question 4;
 *   - vanhouwelingen-2025 and the memo cite no URL: no QR code on their screens;
 *   - vanhouwelingen-2025's answer 1 and vanvroonhoven-2025's answer 5 invoke confidentiality.
 * The screens are laid out with the fake measurer (fixture.h) at 1920x1080 as a 15.6" panel.
 *   test_takehome PACK
 */
#include "fixture.h"
#include "bilingual.h"
#include "redact.h"
#include "screens.h"
#include "story.h"
#include "takehome.h"
#include "vt_test.h"

#include <stdlib.h>
#include <string.h>

static VtContent C;
static VtMeasure M;

#define NRC "https://www.nrc.nl/nieuws/2026/06/17/frankrijk-wil-op-eigen-ai-benen-staan-en-"
#define POLITIE "https://www.politie.nl/wet-open-overheid/woo-verzoeken/"
#define TWEAKERS "https://tweakers.net/nieuws/206770/"
#define FTM "https://www.ftm.nl/artikelen/"
#define BBC "https://www.bbc.com/news/articles/c4gjkj7975po"

static const VtDoc *doc(const char *id)
{
    int d = content_find_doc(&C, id);
    if (d < 0) {
        fprintf(stderr, "no document %s in the pack\n", id);
        exit(1);
    }
    return &C.docs[d];
}

/* The index of the question numbered q in d. */
static int question(const VtDoc *d, int q)
{
    for (int i = 0; i < d->nitems; i++)
        if (d->items[i].kind == VT_ITEM_QUESTION && d->items[i].number == q)
            return i;
    return -1;
}

static int starts(const char *s, const char *prefix)
{
    return s && !strncmp(s, prefix, strlen(prefix));
}

/* Whether link is one of d's footnote links: never an address made up. */
static int cited(const VtDoc *d, const char *link)
{
    for (int i = 0; i < d->nitems; i++)
        for (int k = 0; k < d->items[i].nnotes; k++)
            if (d->items[i].notes[k].link && !strcmp(d->items[i].notes[k].link, link))
                return 1;
    return 0;
}

static void links_come_from_the_sources(void)
{
    CHECK(starts(takehome_doc_link(doc("dassen-2026")), NRC));
    CHECK(starts(takehome_doc_link(doc("vanvroonhoven-2025")), POLITIE));
    CHECK(strchr(takehome_doc_link(doc("vanvroonhoven-2025")), ')') == NULL);
    CHECK(starts(takehome_doc_link(doc("jagtenberg-2026")), FTM));
    CHECK(takehome_doc_link(doc("vanhouwelingen-2025")) == NULL);
    CHECK(takehome_doc_link(doc("tweesporen-2026")) == NULL);
    const VtDoc *v = doc("vanvroonhoven-2025"), *j = doc("jagtenberg-2026");
    CHECK(starts(takehome_reader_link(v, question(v, 10)), TWEAKERS)); /* its own footnote */
    CHECK(starts(takehome_reader_link(v, question(v, 6)), POLITIE));   /* the document's */
    CHECK(starts(takehome_reader_link(j, question(j, 4)), BBC));
    CHECK(starts(takehome_reader_link(j, question(j, 2)), FTM));
    int made_up = 0;
    for (int d = 0; d < C.ndocs; d++)
        for (int i = 0; i < C.docs[d].nitems; i++) {
            const char *l = takehome_reader_link(&C.docs[d], i);
            made_up += l && !cited(&C.docs[d], l);
        }
    CHECK_INT(made_up, 0);
    /* the timeline: the latest event up to today is Dassen's questions (24 June 2026) */
    CHECK_INT(takehome_timeline_doc(&C, date_days("2026-11-23")),
              content_find_doc(&C, "dassen-2026"));
    CHECK_INT(takehome_timeline_doc(&C, date_days("1990-01-01")), -1);
    char host[64];
    CHECK_STR(takehome_host(takehome_doc_link(doc("dassen-2026")), host, sizeof host), "nrc.nl");
    CHECK_STR(takehome_host(takehome_doc_link(v), host, sizeof host), "politie.nl");
    CHECK_STR(takehome_host("tweakers.net/x", host, sizeof host), "tweakers.net");
}

/* The QR codes on p: how many, and the data of the last. */
static int qrs(const VtPage *p, const char **data, VtRect *r)
{
    int n = 0;
    for (int i = 0; i < p->nboxes; i++)
        if (p->boxes[i].kind == VT_BOX_QR) {
            n++;
            *data = p->boxes[i].text;
            *r = p->boxes[i].r;
        }
    return n;
}

static void one_code_per_screen(void)
{
    VtTheme t;
    theme_init(&t, 1920, 1080, 1920 / 344.0f);
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        VtBuild b = {&C, &t, &M, (VtLang)l, date_days("2026-11-23")};
        VtPage p = {0}, ctl = {0};
        const char *data = NULL;
        VtRect r = {0};
        int dassen = content_find_doc(&C, "dassen-2026");
        screen_reader_build(&p, &b, dassen, question(&C.docs[dassen], 1));
        CHECK_INT(qrs(&p, &data, &r), 1);
        CHECK(starts(data, NRC));
        CHECK(r.w >= (int)(VT_TAKEHOME_MM * t.ppmm) && r.w == r.h); /* 28 mm */
        page_clear(&p);
        screen_doc_build(&p, &b, content_find_doc(&C, "vanvroonhoven-2025"));
        CHECK_INT(qrs(&p, &data, &r), 1);
        CHECK(starts(data, POLITIE));
        page_clear(&p);
        const VtDoc *h = doc("vanhouwelingen-2025");
        screen_doc_build(&p, &b, content_find_doc(&C, h->id));
        CHECK_INT(qrs(&p, &data, &r), 0); /* no URL in the source: no code, no placeholder */
        page_clear(&p);
        screen_reader_build(&p, &b, content_find_doc(&C, h->id), question(h, 1));
        CHECK_INT(qrs(&p, &data, &r), 0);
        page_clear(&p);
        VtTimelineInfo tl;
        screen_timeline_build(&p, &ctl, &b, 1080 - t.bar_h, &tl);
        CHECK_INT(qrs(&p, &data, &r), 1);
        CHECK(starts(data, NRC));
        CHECK(r.x >= tl.open && r.x + r.w <= tl.open + t.w); /* in view where it opens */
        CHECK_INT(qrs(&ctl, &data, &r), 0);
        page_free(&ctl);
        page_free(&p);
    }
}

static int same_color(VtColor a, VtColor b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

typedef struct {
    int top, bottom;
} Span;

static void lines(void *ctx, VtRect r, int box)
{
    (void)box;
    Span *s = ctx;
    s->top = s->top < 0 || r.y < s->top ? r.y : s->top;
    s->bottom = r.y + r.h > s->bottom ? r.y + r.h : s->bottom;
}

/* The theme of language l's column where b has two (bilingual.h); b's own otherwise. */
static const VtTheme *column(const VtBuild *b, VtLang l)
{
    static VtTheme th[VT_LANG_COUNT];
    VtBuild cb;
    if (!bilingual_on(b))
        return b->th;
    return bilingual_column(b, l, &th[l], &cb)->th;
}

static void redaction_marks_the_words_in(int wide);

/* The reader of a question whose answer invokes confidentiality: the tag (white on black), a
 * black bar in the margin beside exactly the lines of the confidentiality words in each
 * language shown, and those words still there, verbatim, on no black. */
/* In one column (the 7" landscape panel) the English reader shows the translation with the
 * original under it; in two (the 15.6" panel, bilingual.h) each language stands in its column,
 * whichever the visitor chose, and each column has its own margin bar. */
static void redaction_marks_the_words(void)
{
    CHECK(theme_contrast(VT_ON_ACCENT, VT_TEXT) >= 7.0);
    for (int wide = 0; wide < 2; wide++)
        redaction_marks_the_words_in(wide);
}

static void redaction_marks_the_words_in(int wide)
{
    VtTheme t;
    if (wide)
        theme_init(&t, 1920, 1080, 1920 / 344.0f);
    else
        theme_init(&t, 1280, 720, 1280 / 155.0f);
    const char *ids[] = {"vanhouwelingen-2025", "vanvroonhoven-2025"};
    const int qs[] = {1, 5};
    for (int k = 0; k < 2; k++)
        for (int l = 0; l < VT_LANG_COUNT; l++) {
            VtBuild b = {&C, &t, &M, (VtLang)l, date_days("2026-11-23")};
            CHECK_INT(bilingual_on(&b), wide);
            const VtDoc *d = doc(ids[k]);
            int item = question(d, qs[k]), ans = redact_answer(d, item);
            CHECK(ans >= 0);
            VtPage p = {0};
            screen_reader_build(&p, &b, content_find_doc(&C, d->id), item);
            int bars = 0, tag = 0, hidden = 0, words = 0;
            for (int i = 0; i < p.nboxes; i++) {
                const VtBox *x = &p.boxes[i];
                if (x->kind == VT_BOX_TEXT && !strcmp(x->text, str_get(S_CONFIDENTIAL, b.lang)))
                    tag += same_color(x->color, VT_ON_ACCENT);
                if (x->kind != VT_BOX_FILL || !same_color(x->color, VT_TEXT))
                    continue;
                bars += x->r.x + x->r.w <= column(&b, VT_LANG_NL)->col_x ||
                        (wide && x->r.x + x->r.w <= column(&b, VT_LANG_EN)->col_x &&
                         x->r.x >= column(&b, VT_LANG_NL)->col_x + column(&b, VT_LANG_NL)->col_w);
                for (int j = 0; j < p.nboxes; j++) /* no dark word on the black */
                    hidden += p.boxes[j].kind == VT_BOX_TEXT &&
                              !same_color(p.boxes[j].color, VT_ON_ACCENT) &&
                              rect_overlaps(x->r, p.boxes[j].r);
            }
            VtSpan sp = {0};
            for (int q = 0; q < VT_LANG_COUNT; q++) { /* Dutch always, English where given */
                const char *s = redact_quote(d, ans, (VtLang)q);
                size_t a, e;
                Span ls = {-1, 0};
                if (!s || !story_find(&p, 0, p.nboxes, s, &sp, &a, &e))
                    continue;
                words++;
                span_rects(&sp, &p, &M, a, e, lines, &ls);
                VtRect want = redact_bar(wide ? column(&b, (VtLang)q) : &t, ls.top, ls.bottom);
                int found = 0;
                for (int i = 0; i < p.nboxes; i++)
                    found += p.boxes[i].kind == VT_BOX_FILL && p.boxes[i].r.x == want.x &&
                             p.boxes[i].r.y == want.y && p.boxes[i].r.h == want.h &&
                             same_color(p.boxes[i].color, VT_TEXT);
                CHECK_INT(found, 1);
            }
            /* English (or two columns): the translation too */
            CHECK_INT(words, l == VT_LANG_NL && !wide ? 1 : 2);
            CHECK_INT(bars, words);
            CHECK_INT(tag, 1);
            CHECK_INT(hidden, 0);
            span_free(&sp);
            page_free(&p);
        }
    /* an answer without confidentiality has no tag and no bar */
    const VtDoc *d = doc("dassen-2026");
    CHECK_INT(redact_answer(d, question(d, 1)), -1);
}

/* The document's card for the question whose answer invokes confidentiality carries the tag,
 * and so does the key sentence that quotes those words (it opens the reader at the same
 * question); no other card does. */
static void redaction_on_the_document_card(void)
{
    VtTheme t;
    theme_init(&t, 1920, 1080, 1920 / 344.0f);
    VtBuild b = {&C, &t, &M, VT_LANG_NL, date_days("2026-11-23")};
    VtPage p = {0};
    int di = content_find_doc(&C, "vanvroonhoven-2025");
    const VtDoc *d = &C.docs[di];
    screen_doc_build(&p, &b, di);
    int tags = 0, on_q5 = 0;
    for (int i = 0; i < p.nboxes; i++) {
        const VtBox *x = &p.boxes[i];
        if (x->kind != VT_BOX_TEXT || strcmp(x->text, str_get(S_CONFIDENTIAL, VT_LANG_NL)))
            continue;
        tags++;
        const VtHit *h = page_hit_at(&p, x->r.x, x->r.y + 1);
        on_q5 += h && h->action == VT_ACT_OPEN_ITEM && h->arg2 == question(d, 5);
    }
    CHECK_INT(tags, 2);
    CHECK_INT(on_q5, 2);
    page_free(&p);
}

int main(int argc, char **argv)
{
    char err[256];
    if (argc < 2 || content_load(&C, argv[1], err, sizeof err) != 0) {
        fprintf(stderr, "usage: test_takehome PACK (%s)\n", argc < 2 ? "no pack" : err);
        return 1;
    }
    M = fixture_measure();
    RUN(links_come_from_the_sources);
    RUN(one_code_per_screen);
    RUN(redaction_marks_the_words);
    RUN(redaction_on_the_document_card);
    content_free(&C);
    return vt_test_finish();
}
