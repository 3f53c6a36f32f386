/* fixture: see fixture.h. Strings are heap copies so content_free() can free them. */
#include "fixture.h"

#include "buf.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static VtText T(const char *nl, const char *en)
{
    return (VtText){{nl ? xstrdup(nl) : NULL, en ? xstrdup(en) : NULL}};
}

static VtItem item(int seq, VtItemKind k, int number, const char *nl, const char *en)
{
    VtItem it;
    memset(&it, 0, sizeof it);
    it.seq = seq;
    it.kind = k;
    it.number = number;
    it.body = T(nl, en);
    return it;
}

static void doc_questions(VtDoc *d)
{
    memset(d, 0, sizeof *d);
    d->id = xstrdup("vragen-2025");
    d->status = VT_STATUS_ANSWERED;
    d->source_file = xstrdup("004_test.txt");
    d->title = T("Vragen over het gebruik van Palantir", "Questions about the use of Palantir");
    d->addressee = T("de minister", "the minister");
    d->summary = T("Samenvatting.", "Summary.");
    d->submitted = xstrdup("2025-08-06");
    d->answered = xstrdup("2025-09-23");
    d->refs = xcalloc(1, sizeof *d->refs);
    d->refs[0] = xstrdup("2025Z15031");
    d->nrefs = 1;
    d->askers = xcalloc(1, sizeof *d->askers);
    d->askers[0] = (VtPerson){xstrdup("Six Dijkstra"), xstrdup("NSC"), {{NULL, NULL}}};
    d->naskers = 1;
    d->nitems = 6;
    d->items = xcalloc(6, sizeof *d->items);
    d->items[0] = item(1, VT_ITEM_QUESTION, 1, "Heeft u kennis genomen van het *NRC*-artikel?[^1]",
                       "Are you aware of the *NRC* article?[^1]");
    d->items[0].nnotes = 1;
    d->items[0].notes = xcalloc(1, sizeof(VtFootnote));
    d->items[0].notes[0] = (VtFootnote){
        1, T("NRC, 17 juni 2026", "NRC, 17 June 2026"),
        /* as a source may give it (no scheme), and the curator's link that opens */
        xstrdup("www.example.org/een/heel/lang/pad/naar/een-artikel-met-een-lange-naam"),
        xstrdup("https://www.example.org/een/heel/lang/pad/naar/een-artikel-met-een-lange-naam")};
    d->items[1] = item(2, VT_ITEM_ANSWER, 0, "Ja.", "Yes.");
    d->items[1].covers = xcalloc(1, sizeof(int));
    d->items[1].covers[0] = 1;
    d->items[1].ncovers = 1;
    d->items[2] = item(3, VT_ITEM_QUESTION, 2, "Tweede vraag?", "Second question?");
    d->items[3] = item(4, VT_ITEM_QUESTION, 3, "Derde vraag?", "Third question?");
    d->items[4] = item(5, VT_ITEM_ANSWER, 0,
                       "Een gezamenlijk antwoord met een lange tekst die over meerdere regels "
                       "loopt.\n\nEen tweede alinea.",
                       "A joint answer with a long text that runs over several lines.\n\nA "
                       "second paragraph.");
    d->items[4].covers = xcalloc(2, sizeof(int));
    d->items[4].covers[0] = 2;
    d->items[4].covers[1] = 3;
    d->items[4].ncovers = 2;
    d->items[5] = item(6, VT_ITEM_QUESTION, 4, "Vierde vraag zonder antwoord?",
                       "Fourth question, unanswered?");
    /* The curated layer: a key sentence across a line break of a joint answer, and one whose
     * source has emphasis and a footnote marker (the quote leaves markup out). */
    d->headline = T("Een kop van de samensteller", "A curator's headline");
    d->context = T("Context van de samensteller over deze vragen.",
                   "The curator's context for these questions.");
    d->highlights[VT_HIGHLIGHT_KEY] = xcalloc(2, sizeof(VtHighlight));
    d->highlights[VT_HIGHLIGHT_KEY][0] =
        (VtHighlight){4,
                      0,
                      T("met een lange tekst die over meerdere regels loopt.",
                        "with a long text that runs over several lines."),
                      {{NULL, NULL}},
                      0};
    d->highlights[VT_HIGHLIGHT_KEY][1] = (VtHighlight){
        0,
        0,
        T("Heeft u kennis genomen van het NRC-artikel?", "Are you aware of the NRC article?"),
        {{NULL, NULL}},
        0};
    d->nhighlights[VT_HIGHLIGHT_KEY] = 2;
    d->nhighlights[VT_HIGHLIGHT_HOOK] = 2;
    VtHighlight *h = xcalloc(2, sizeof *h);
    h[0] = (VtHighlight){4, 0, T("Een gezamenlijk antwoord.", "A joint answer."),
                         T("Antwoord van X, 23 september 2025", "Answer from X, 23 September 2025"),
                         0};
    h[1] = (VtHighlight){
        5, 0,
        T("Vierde vraag zonder antwoord over de vertrouwelijkheid van de gegevens die de politie "
          "met de software verwerkt en over de vraag welke onderdelen van het ministerie er "
          "gebruik van maken of maakten?",
          "Fourth question without an answer about the confidentiality of the data that the "
          "police process with the software and about which units of the ministry make or made "
          "use of it?"),
        T("Krant, aangehaald", "Newspaper, cited"), 1};
    d->highlights[VT_HIGHLIGHT_HOOK] = h;
}

static void doc_memo(VtDoc *d)
{
    memset(d, 0, sizeof *d);
    d->id = xstrdup("nota-2026");
    d->is_memo = 1;
    d->status = VT_STATUS_MEMO;
    d->source_file = xstrdup("002_test.txt");
    d->title = T("Tweesporenbeleid", "Two-track policy");
    d->submitted = xstrdup("2026-06-23");
    d->nitems = 3;
    d->items = xcalloc(3, sizeof *d->items);
    d->items[0] = item(1, VT_ITEM_TEXT, 1, "Aanleiding van de nota.", "Occasion of the memo.");
    d->items[0].heading = T("Aanleiding", "Occasion");
    d->items[1] = item(2, VT_ITEM_POINT, 1, "Eerste kernpunt.", "First key point.");
    d->items[2] =
        item(3, VT_ITEM_POINT, 2, "Tweede kernpunt, medio 2028.", "Second key point, mid-2028.");
}

static VtEvent event(const char *id, const char *date, VtPrecision p, const char *nl, int doc,
                     int it)
{
    VtEvent e;
    memset(&e, 0, sizeof e);
    e.id = xstrdup(id);
    e.date = xstrdup(date);
    e.precision = p;
    e.title = T(nl, nl);
    e.doc = doc;
    e.item = it;
    return e;
}

void fixture_content(VtContent *c)
{
    memset(c, 0, sizeof *c);
    c->version = 3;
    c->title = T("Palantir en de overheid", "Palantir and the government");
    c->subtitle = T("Kamervragen", "Parliamentary questions");
    c->ndocs = 2;
    c->docs = xcalloc(2, sizeof *c->docs);
    doc_questions(&c->docs[0]);
    doc_memo(&c->docs[1]);
    c->nevents = 4;
    c->events = xcalloc(4, sizeof *c->events);
    c->events[0] = event("aankoop", "2011", VT_PREC_YEAR, "Aankoop", 0, 0);
    c->events[1] = event("vragen", "2025-08-06", VT_PREC_DAY, "Vragen ingezonden", 0, -1);
    c->events[2] = event("antwoord", "2025-09", VT_PREC_MONTH, "Antwoord", 0, 4);
    c->events[3] = event("doel", "2028", VT_PREC_YEAR, "Doel Europees systeem", 1, 2);
    c->nabout = 1;
    c->about = xcalloc(1, sizeof *c->about);
    c->about[0] = (VtAbout){xstrdup("palantir"), T("Wat is Palantir?", "What is Palantir?"),
                            T("Een bedrijf.", "A company.")};
}

void fixture_add_events(VtContent *c, int n, int year)
{
    VtEvent *ev = xcalloc((size_t)(c->nevents + n), sizeof *ev);
    for (int i = 0; i < n; i++) {
        char id[32], date[16], title[48];
        snprintf(id, sizeof id, "extra-%d", i);
        snprintf(date, sizeof date, "%04d-%02d-%02d", year, 1 + i % 12, 1 + i % 28);
        snprintf(title, sizeof title, "Extra gebeurtenis %d", i);
        ev[i] = event(id, date, VT_PREC_DAY, title, 0, -1);
    }
    memcpy(ev + n, c->events, sizeof *ev * (size_t)c->nevents);
    free(c->events);
    c->events = ev;
    c->nevents += n;
}

VtUi *fixture_ui(const VtContent *c, const VtMeasure *m, int w, int h, const VtUiConfig *cfg)
{
    VtUiConfig def;
    ui_config_default(&def);
    return ui_new(c, m, w, h, cfg ? cfg : &def, FIXTURE_T0, fixture_today());
}

VtFrame fixture_frame(VtUi *ui)
{
    VtFrame f;
    ui_frame(ui, &f);
    return f;
}

void fixture_tap(VtUi *ui, float x, float y, uint64_t *now, uint64_t step_ms)
{
    VtPtrEvent d = {VT_PTR_DOWN, 1, x, y, *now}, u = {VT_PTR_UP, 1, x, y, *now + 60};
    *now += step_ms;
    ui_pointer(ui, &d);
    ui_pointer(ui, &u);
    fixture_frame(ui);
}

int fixture_tap_action(VtUi *ui, VtAction a, int nth, uint64_t *now, uint64_t step_ms)
{
    float x, y;
    fixture_frame(ui);
    if (ui_hit_center(ui, a, nth, &x, &y) != 0)
        return 0;
    fixture_tap(ui, x, y, now, step_ms);
    return 1;
}

VtUi *fixture_long_timeline(VtContent *c, const VtMeasure *m, int n, VtFrame *f)
{
    fixture_content(c);
    fixture_add_events(c, n, 2005);
    VtUi *ui = fixture_ui(c, m, 1920, 1080, NULL);
    ui_activate(ui, VT_ACT_EXPLORE, 0, 0);
    ui_frame(ui, f);
    return ui;
}

void fixture_paired_answer(VtContent *c)
{
    VtItem *ans = &c->docs[0].items[4];
    char nl[4000] = "", en[12000] = "";
    for (int k = 0; k < 12; k++)
        for (int w = 0; w < 30; w++) {
            size_t n = strlen(nl), e = strlen(en);
            snprintf(nl + n, sizeof nl - n, "%sa%d", w ? " " : k ? "\n\n" : "", k);
            snprintf(en + e, sizeof en - e, "%sb%d b%d b%d", w ? " " : k ? "\n\n" : "", k, k, k);
        }
    free(ans->body.s[VT_LANG_NL]);
    free(ans->body.s[VT_LANG_EN]);
    ans->body.s[VT_LANG_NL] = xstrdup(nl);
    ans->body.s[VT_LANG_EN] = xstrdup(en);
}

const char *fixture_reading_run(const VtFrame *f, int x0, int x1)
{
    const VtLayer *l = &f->layers[0];
    const char *last = "";
    for (int i = 0; i < l->page->nboxes; i++) {
        const VtBox *b = &l->page->boxes[i];
        if (b->kind == VT_BOX_TEXT && b->r.x >= x0 && b->r.x < x1 &&
            b->r.y + l->dy <= l->clip.y + l->clip.h / 3)
            last = b->text;
    }
    return last;
}

static int fake_width(void *ctx, VtFontStyle style, int px, const char *s, size_t len)
{
    (void)ctx;
    (void)style;
    int n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        n++;
    }
    return n * px / 2;
}

VtMeasure fixture_measure(void) { return (VtMeasure){NULL, fake_width}; }

long fixture_today(void) { return date_days("2026-11-23"); }
