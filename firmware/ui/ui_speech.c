/*
 * ui_speech: read-aloud in the ui. The text read is made from the page's text boxes in the
 * order they were laid out: reading text (body size, the text colour) and a bold label just
 * above it ("Vraag 3 van 12", a fact's name), which is read with a full stop after it. Runs of
 * one line are joined without a space when they touch (a word in two styles), lines and
 * boxes with a space. Footnote superscripts are replaced by as many spaces, so byte offsets in
 * the text and in the boxes stay the same and espeak does not read "superscript one". A map of
 * On a page of two columns (bilingual.h) it is the column of the language shown, so the
 * mark lands in that column. A map of
 * (box, offset) (span.h, shared with the reader's key-sentence marks) turns a sentence's byte range
 * back into the runs it covers; the mark is an underline measured under exactly its words, in the
 * marks layer, clipped to the page's place.
 *
 * A reading ends with the screen it was started on: any re-layout (navigation, language,
 * idle return, new content) calls ui_speech_stop, and the app hears of it through the
 * generation number. While one is under way the idle timer is kept at zero (ui_tick), so the
 * visit does not time out in the middle of a sentence.
 */
#include "ui_private.h"

#include "ui_strings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same_color(VtColor a, VtColor b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static int is_reading_screen(const VtUi *ui)
{
    VtScreen s = ui_screen(ui);
    return s == VT_SCR_DOC || s == VT_SCR_READER || s == VT_SCR_ABOUT;
}

const char *ui_speech_label(const VtUi *ui)
{
    if (!ui->speech.available || ui->speech.staff_off || !is_reading_screen(ui))
        return NULL;
    return str_get(ui->speech.on ? S_READ_STOP : S_READ_ALOUD, ui->lang);
}

const char *ui_speech_staff_label(const VtUi *ui)
{
    if (!ui->speech.available)
        return NULL;
    return str_get(ui->speech.staff_off ? S_STAFF_SPEECH_ON : S_STAFF_SPEECH_OFF, ui->lang);
}

/* On a page of two columns (bilingual.h) only the visitor's language's column is read. */
static int in_column(const VtUi *ui, const VtBox *b)
{
    VtRect c = ui->page.lang_col[ui->lang];
    return !c.w || (b->r.x >= c.x && b->r.x < c.x + c.w);
}

static int is_body(const VtUi *ui, const VtBox *b)
{
    return b->kind == VT_BOX_TEXT && b->px == ui->theme.body_px && same_color(b->color, VT_TEXT);
}

/* A bold label read before the text under it: the next text box, past a tag on a filled pill
 * ("Unofficial translation"), is reading text. */
static int is_label(const VtUi *ui, int i)
{
    const VtPage *p = &ui->page;
    const VtBox *b = &p->boxes[i];
    if (b->kind != VT_BOX_TEXT || b->px != ui->theme.small_px || b->style != VT_FONT_BOLD ||
        !same_color(b->color, VT_MUTED))
        return 0;
    for (int k = i + 1; k < p->nboxes; k++) {
        const VtBox *n = &p->boxes[k];
        if (n->kind != VT_BOX_TEXT || same_color(n->color, VT_ON_ACCENT) || !in_column(ui, n))
            continue;
        return is_body(ui, n);
    }
    return 0;
}

/* Appends s with footnote superscripts (U+00B2, U+00B3, U+00B9, U+2070..U+2079) as spaces. */
static void append_spoken(VtBuf *out, const char *s)
{
    for (size_t i = 0; s[i];) {
        size_t n = span_superscript_len(s + i);
        if (n) {
            buf_append(out, "   ", n);
            i += n;
        } else {
            buf_append(out, s + i, 1);
            i++;
        }
    }
}

/* The page's reading text into sp->text, and its map. */
static void compose(VtUi *ui)
{
    VtUiSpeech *sp = &ui->speech;
    span_clear(&sp->text);
    int prev = -1, prev_label = 0;
    for (int i = 0; i < ui->page.nboxes; i++) {
        const VtBox *b = &ui->page.boxes[i];
        if (!in_column(ui, b))
            continue;
        int label = is_label(ui, i);
        if (!label && !is_body(ui, b))
            continue;
        if (sp->text.text.len) {
            const VtBox *pb = prev >= 0 ? &ui->page.boxes[prev] : NULL;
            int touching = pb && !prev_label && pb->r.y == b->r.y && pb->r.x + pb->r.w == b->r.x;
            if (prev_label)
                buf_append(&sp->text.text, ". ", 2);
            else if (!touching)
                buf_append(&sp->text.text, " ", 1);
        }
        span_map(&sp->text, i);
        append_spoken(&sp->text.text, b->text);
        prev = i;
        prev_label = label;
    }
}

void ui_speech_toggle(VtUi *ui)
{
    VtUiSpeech *sp = &ui->speech;
    if (sp->on) {
        ui_speech_stop(ui);
        return;
    }
    if (!ui_speech_label(ui) || !ui->page_valid)
        return;
    compose(ui);
    if (!sp->text.text.len)
        return;
    sp->on = 1;
    sp->gen++;
    sp->start = sp->end = 0;
    ui->chrome_valid = 0; /* the control now says Stop */
    ui->dirty = 1;
}

void ui_speech_stop(VtUi *ui)
{
    VtUiSpeech *sp = &ui->speech;
    if (!sp->on)
        return;
    sp->on = 0;
    sp->gen++;
    sp->start = sp->end = 0;
    ui->chrome_valid = 0;
    ui->dirty = 1;
}

void ui_speech_enable(VtUi *ui, int on)
{
    on = !!on;
    if (ui->speech.available == on)
        return;
    if (!on)
        ui_speech_stop(ui);
    ui->speech.available = on;
    ui->chrome_valid = 0;
    ui->dirty = 1;
}

static void item_key(const VtUi *ui, char *key, size_t keylen)
{
    VtView v = ui_view(ui);
    if (v.screen == VT_SCR_ABOUT || v.doc < 0 || v.doc >= ui->content->ndocs) {
        snprintf(key, keylen, "about");
        return;
    }
    const VtDoc *d = &ui->content->docs[v.doc];
    if (v.screen == VT_SCR_DOC || v.item < 0 || v.item >= d->nitems) {
        snprintf(key, keylen, "%s", d->id);
        return;
    }
    const VtItem *it = &d->items[v.item];
    snprintf(key, keylen, "%s/%c%d", d->id, "tqap"[it->kind], it -> number);
}

const char *ui_speech_wanted(const VtUi *ui, VtLang *lang, unsigned *gen, char *key, size_t keylen)
{
    *gen = ui->speech.gen;
    *lang = ui->lang;
    if (keylen)
        key[0] = '\0';
    if (!ui->speech.on)
        return NULL;
    if (keylen)
        item_key(ui, key, keylen);
    return buf_str(&ui->speech.text.text);
}

int ui_speaking(const VtUi *ui) { return ui->speech.on; }

/* Scrolls so the sentence's first line is in view when it is not (the reading moves on past
 * the bottom of the screen), with a third of the view above it. */
static void follow(VtUi *ui, VtRect line)
{
    if (ui->horizontal || !line.w)
        return;
    VtPlace pl = ui_place(ui, VT_LAYER_PAGE);
    int top = line.y + pl.dy, bottom = top + line.h;
    if (top >= pl.clip.y && bottom <= pl.clip.y + pl.clip.h)
        return;
    int off = line.y - pl.clip.h / 3;
    off = off < 0 ? 0 : off > scroll_max(&ui->scroll) ? scroll_max(&ui->scroll) : off;
    scroll_jump(&ui->scroll, off);
}

typedef struct {
    const VtUi *ui;
    VtPage *marks;
    VtPlace pl;
    int th;
    VtRect first;
} Underline;

static void underline(void *ctx, VtRect part, int box)
{
    (void)box;
    Underline *u = ctx;
    VtRect r = {part.x, part.y + part.h - u->th, part.w, u->th};
    if (!u->first.w)
        u->first = r;
    if (u->marks) {
        VtRect s = place_rect(u->pl, r);
        if (s.y >= u->pl.clip.y && s.y + s.h <= u->pl.clip.y + u->pl.clip.h)
            page_fill(u->marks, s, VT_ACCENT);
    }
}

/* The underline under each run the sentence covers (span_rects), added to marks (may be NULL)
 * where the page's place shows it; returns the first, in page coordinates (w == 0: none). */
static VtRect first_line(const VtUi *ui, VtPage *marks, VtPlace pl)
{
    const VtUiSpeech *sp = &ui->speech;
    int th = ui->theme.focus_px > 2 ? ui->theme.focus_px : 2;
    Underline u = {ui, marks, pl, th, {0, 0, 0, 0}};
    span_rects(&sp->text, &ui->page, &ui->measure, sp->start, sp->end, underline, &u);
    return u.first;
}

void ui_speech_progress(VtUi *ui, unsigned gen, int speaking, size_t start, size_t end)
{
    VtUiSpeech *sp = &ui->speech;
    if (gen != sp->gen || !sp->on)
        return;
    if (!speaking) {
        ui_speech_stop(ui); /* the reading ended: the control offers it again */
        return;
    }
    if (end > sp->text.text.len)
        end = sp->text.text.len;
    if (start > end)
        start = end;
    if (start == sp->start && end == sp->end)
        return;
    int moved = start != sp->start;
    sp->start = start;
    sp->end = end;
    ui->dirty = 1;
    if (moved && ui->page_valid)
        follow(ui, first_line(ui, NULL, ui_place(ui, VT_LAYER_PAGE)));
}

void ui_speech_mark(VtUi *ui, VtFrame *f)
{
    const VtUiSpeech *sp = &ui->speech;
    f->spoken = (VtRect){0, 0, 0, 0};
    if (!sp->on || sp->start >= sp->end || ui->attract)
        return;
    VtPlace pl = ui_place(ui, VT_LAYER_PAGE);
    VtRect r = first_line(ui, &ui->marks, pl);
    if (r.w)
        f->spoken = place_rect(pl, r);
}

void ui_speech_free(VtUi *ui) { span_free(&ui->speech.text); }
