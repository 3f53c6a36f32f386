/* story_check: see story_check.h. */
#include "story_check.h"

#include "screens.h"
#include "story.h"

#include <stdio.h>
#include <string.h>

static int same_color(VtColor a, VtColor b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* The page y of the first run of text on p, -1 when it is not there. */
static int find_y(const VtPage *p, const char *text, VtSpan *sp)
{
    size_t s, e;
    if (!text || !story_find(p, 0, p->nboxes, text, sp, &s, &e))
        return -1;
    for (int k = 0; k + 1 < sp->nmap; k += 2)
        if ((size_t)sp->map[k + 1] + strlen(p->boxes[sp->map[k]].text) > s)
            return p->boxes[sp->map[k]].r.y;
    return -1;
}

static int label_y(const VtPage *p, const char *label)
{
    for (int i = 0; i < p->nboxes; i++)
        if (p->boxes[i].kind == VT_BOX_TEXT && !strcmp(p->boxes[i].text, label))
            return p->boxes[i].r.y;
    return -1;
}

typedef struct {
    VtRect r[64];
    int n;
} Parts;

static void add_part(void *ctx, VtRect r, int box)
{
    (void)box;
    Parts *ps = ctx;
    if (ps->n < 64)
        ps->r[ps->n++] = r;
}

/* The reader at item: each band is the band of a part of a quote of the doc, and every part
 * has its band. Returns violations. */
static int check_reader(const VtBuild *b, int doc, int item, const VtHighlight *tapped,
                        const char *what)
{
    const VtDoc *d = &b->c->docs[doc];
    VtPage p = {0};
    VtSpan sp = {0};
    Parts ps = {0};
    int bad = 0;
    screen_reader_build(&p, b, doc, item);
    size_t s, e;
    if (!story_find(&p, 0, p.nboxes, tapped->quote.s[b->lang], &sp, &s, &e)) {
        fprintf(stderr, "%s: reader lacks key sentence \"%s\"\n", what, tapped->quote.s[b->lang]);
        bad++;
    }
    for (int i = 0; i < d->nhighlights[VT_HIGHLIGHT_KEY]; i++)
        for (int l = 0; l < VT_LANG_COUNT; l++) {
            const char *q = d->highlights[VT_HIGHLIGHT_KEY][i].quote.s[l];
            if (q && story_find(&p, 0, p.nboxes, q, &sp, &s, &e))
                span_rects(&sp, &p, b->m, s, e, add_part, &ps);
        }
    int bands = 0, matched = 0;
    for (int i = 0; i < p.nboxes; i++) {
        const VtBox *x = &p.boxes[i];
        if (x->kind != VT_BOX_FILL || !same_color(x->color, VT_KEY_BG))
            continue;
        bands++;
        for (int k = 0; k < ps.n; k++) {
            VtRect r = story_band(b->th, ps.r[k]);
            if (r.x == x->r.x && r.y == x->r.y && r.w == x->r.w && r.h == x->r.h) {
                matched++;
                break;
            }
        }
    }
    if (bands != ps.n || matched != ps.n) {
        fprintf(stderr, "%s: reader item %d has %d bands, %d match, for %d quoted parts\n", what,
                item, bands, matched, ps.n);
        bad++;
    }
    span_free(&sp);
    page_free(&p);
    return bad;
}

static int check_doc(const VtBuild *b, int doc, const char *what)
{
    const VtDoc *d = &b->c->docs[doc];
    VtLang l = b->lang;
    VtPage p = {0};
    VtSpan sp = {0};
    int bad = 0;
    screen_doc_build(&p, b, doc);
    int tag = label_y(&p, str_get(S_CURATOR_TEXT, l)), head = find_y(&p, d->headline.s[l], &sp);
    int ctx = find_y(&p, d->context.s[l], &sp), facts = label_y(&p, str_get(S_DOC_FACTS, l));
    int ref = d->nrefs ? find_y(&p, d->refs[0], &sp) : 0; /* the letterhead's, above it all */
    if (tag < 0 || ref < 0 || ref >= tag || head <= tag || ctx <= head || facts <= ctx) {
        fprintf(stderr, "%s: doc %s: ref %d, tag %d, headline %d, context %d, facts %d\n", what,
                d->id, ref, tag, head, ctx, facts);
        bad++;
    }
    for (int i = 0; i < d->nhighlights[VT_HIGHLIGHT_KEY]; i++) {
        const VtHighlight *h = &d->highlights[VT_HIGHLIGHT_KEY][i];
        size_t s, e;
        Parts ps = {0};
        if (!story_find(&p, 0, p.nboxes, h->quote.s[l], &sp, &s, &e) ||
            !span_rects(&sp, &p, b->m, s, e, add_part, &ps)) {
            fprintf(stderr, "%s: doc %s lacks key sentence %d\n", what, d->id, i + 1);
            bad++;
            continue;
        }
        int want = story_reader_item(d, h), opens = 1;
        for (int k = 0; k < ps.n; k++) {
            const VtHit *hit = page_hit_at(&p, ps.r[k].x + ps.r[k].w / 2, ps.r[k].y + 1);
            opens &= hit && hit->action == VT_ACT_OPEN_ITEM && hit->arg == doc && hit->arg2 == want;
        }
        if (!opens || ps.r[0].y >= facts) {
            fprintf(stderr, "%s: doc %s key %d does not open item %d above the facts\n", what,
                    d->id, i + 1, want);
            bad++;
        }
        bad += check_reader(b, doc, want, h, what);
    }
    span_free(&sp);
    page_free(&p);
    return bad;
}

int story_check_all(const VtContent *c, const VtMeasure *m, int w, int h, long today)
{
    VtTheme t;
    theme_init(&t, w, h, 0);
    int bad = 0;
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        VtBuild b = {c, &t, m, (VtLang)l, today};
        char what[64];
        snprintf(what, sizeof what, "story %dx%d %s", w, h, l ? "en" : "nl");
        for (int d = 0; d < c->ndocs; d++)
            if (c->docs[d].headline.s[VT_LANG_NL])
                bad += check_doc(&b, d, what);
    }
    return bad;
}
