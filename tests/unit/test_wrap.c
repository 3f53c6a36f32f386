/* Unit tests of firmware/ui/wrap.c with a fixed-advance measurer (each code point px/2 wide). */
#include "fixture.h"
#include "page.h"
#include "vt_test.h"
#include "wrap.h"

#include <stdlib.h>

static VtMeasure M;
static const VtTextStyle ST = {VT_FONT_REGULAR, 20, 30, 10, {0, 0, 0, 255}, 0};

static int run_width(const VtBox *b)
{
    return M.width(NULL, b->style, b->px, b->text, strlen(b->text));
}

static void wraps_at_spaces_within_width(void)
{
    VtPage p = {0};
    /* 10 px per character, width 100: "aaaa bbbb cccc" -> "aaaa bbbb" (90) / "cccc" */
    int h = wrap_text(&p, &M, "aaaa bbbb cccc", 0, 0, 100, &ST);
    CHECK_INT(h, 60);
    CHECK_INT(p.nboxes, 2);
    CHECK_STR(p.boxes[0].text, "aaaa bbbb");
    CHECK_STR(p.boxes[1].text, "cccc");
    CHECK_INT(p.boxes[1].r.y, 30);
    page_free(&p);
}

static void breaks_long_url_preferring_slashes(void)
{
    VtPage p = {0};
    wrap_text(&p, &M, "zie https://www.example.org/een/lang/pad", 0, 0, 120, &ST);
    CHECK(p.nboxes >= 3);
    for (int i = 0; i < p.nboxes; i++)
        CHECK(p.boxes[i].r.x + run_width(&p.boxes[i]) <= 120);
    /* the first piece of the URL ends right after a slash or a dot */
    const char *piece = p.boxes[1].text;
    char last = piece[strlen(piece) - 1];
    CHECK(last == '/' || last == '.');
    page_free(&p);
}

static void emphasis_becomes_italic_runs(void)
{
    VtPage p = {0};
    wrap_text(&p, &M, "het *NRC*-artikel en meer", 0, 0, 1000, &ST);
    CHECK_INT(p.nboxes, 3);
    CHECK_STR(p.boxes[0].text, "het");
    CHECK_STR(p.boxes[1].text, "NRC");
    CHECK_INT(p.boxes[1].style, VT_FONT_ITALIC);
    CHECK_STR(p.boxes[2].text, "-artikel en meer");
    CHECK_INT(p.boxes[2].style, VT_FONT_REGULAR);
    /* "-artikel" follows "NRC" with no space: its x is right after the italic run */
    CHECK_INT(p.boxes[2].r.x, p.boxes[1].r.x + 30);
    page_free(&p);
}

/* In a quote set in the quote face (an italic), the source's emphasis stands upright. */
static void emphasis_in_a_quote_is_upright(void)
{
    VtPage p = {0};
    VtTextStyle st = ST;
    st.style = VT_FONT_QUOTE;
    wrap_text(&p, &M, "de *self fulfilling prophecy* dat", 0, 0, 1000, &st);
    CHECK_INT(p.nboxes, 3);
    CHECK_INT(p.boxes[0].style, VT_FONT_QUOTE);
    CHECK_INT(p.boxes[1].style, VT_FONT_REGULAR);
    CHECK_INT(p.boxes[2].style, VT_FONT_QUOTE);
    page_free(&p);
}

static void footnote_markers_become_superscripts(void)
{
    char *s = wrap_plain("vraag?[^12] en *nadruk*");
    CHECK_STR(s, "vraag?¹² en nadruk");
    free(s);
}

static void paragraphs_are_separated(void)
{
    VtPage p = {0};
    int h = wrap_text(&p, &M, "een\n\ntwee", 0, 0, 1000, &ST);
    CHECK_INT(h, 30 + 10 + 30);
    CHECK_INT(p.nboxes, 2);
    CHECK_INT(p.boxes[1].r.y, 40);
    page_free(&p);
}

static void clamps_with_ellipsis(void)
{
    VtTextStyle st = ST;
    st.max_lines = 2;
    VtPage p = {0};
    int h = wrap_text(&p, &M, "aaaa bbbb cccc dddd eeee ffff", 0, 0, 100, &st);
    CHECK_INT(h, 60);
    CHECK_INT(p.nboxes, 2);
    CHECK_STR(p.boxes[1].text, "cccc dddd…");
    page_free(&p);
}

static void height_matches_layout(void)
{
    const char *t = "Een langere tekst met *nadruk* en een voetnoot[^3] die over verschillende "
                    "regels loopt.\n\nEn een tweede alinea met https://example.org/pad/x.";
    VtPage p = {0};
    CHECK_INT(wrap_height(&M, t, 150, &ST), wrap_text(&p, &M, t, 0, 0, 150, &ST));
    page_free(&p);
}

/* A measurer that counts the code points it walks, around the fixture's fixed advance. */
static unsigned long walked;

static int counting_width(void *ctx, VtFontStyle style, int px, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        walked += ((unsigned char)s[i] & 0xC0) != 0x80;
    return M.width(ctx, style, px, s, len);
}

/* An unbroken word of n bytes ("ab...") with every code point two bytes wide in UTF-8 ("é"). */
static char *long_word(size_t n)
{
    char *w = malloc(n + 1);
    for (size_t i = 0; i + 1 < n; i += 2)
        memcpy(w + i, "\xc3\xa9", 2);
    w[n & ~(size_t)1] = '\0';
    return w;
}

/* Issue 11, item 1: a word without spaces was re-measured from its start for every line cut
 * (quadratic) and broken to its end even when three lines are shown. Now the measuring is
 * linear in what is laid out: a 1 MiB word in a three-line slide walks a few lines' worth of
 * code points, and laid out in full it walks each code point a small constant number of times. */
static void long_word_costs_what_is_laid_out(void)
{
    VtMeasure counting = {NULL, counting_width};
    VtTextStyle st = ST; /* 10 px per code point: 30 per line at width 300 */
    st.max_lines = 3;
    char *word = long_word((size_t)1 << 20);
    VtPage p = {0};
    walked = 0;
    int h = wrap_text(&p, &counting, word, 0, 0, 300, &st);
    CHECK_INT(h, 90);
    CHECK_INT(p.nboxes, 3);
    CHECK(walked < 1000); /* 3 lines of 30 code points, each walked a few times */
    for (int i = 0; i < p.nboxes; i++)
        CHECK(run_width(&p.boxes[i]) <= 300);
    page_free(&p);

    /* Laid out in full, the cost is linear: 64 KiB and 256 KiB cost the same per byte. */
    unsigned long per_cp[2];
    size_t sizes[2] = {(size_t)1 << 16, (size_t)1 << 18};
    for (int k = 0; k < 2; k++) {
        char *w = long_word(sizes[k]);
        walked = 0;
        int lines = wrap_height(&counting, w, 300, &ST) / ST.line_h;
        CHECK_INT(lines, (int)((sizes[k] / 2 + 29) / 30));
        per_cp[k] = walked / (sizes[k] / 2);
        free(w);
    }
    CHECK(per_cp[0] <= 8);
    CHECK_INT(per_cp[1], per_cp[0]);
    free(word);
}

/* A measurer that records the styles it is asked for. */
static unsigned styles_asked;

static int style_recording_width(void *ctx, VtFontStyle style, int px, const char *s, size_t len)
{
    styles_asked |= 1u << style;
    return M.width(ctx, style, px, s, len);
}

/* Only the styles in the text are measured (each measured style opens its font face, and the
 * rare ones, bold italic and the quote face, are read on first use): a plain line asks for its
 * own style, emphasis adds the italic. */
static void measures_only_the_styles_in_the_text(void)
{
    VtMeasure rec = {NULL, style_recording_width};
    styles_asked = 0;
    wrap_height(&rec, "aaaa bbbb cccc dddd eeee", 100, &ST);
    CHECK_INT((int)styles_asked, 1 << VT_FONT_REGULAR);
    styles_asked = 0;
    wrap_height(&rec, "aaaa *bbbb cccc* dddd", 100, &ST);
    CHECK_INT((int)styles_asked, (1 << VT_FONT_REGULAR) | (1 << VT_FONT_ITALIC));
}

int main(void)
{
    M = fixture_measure();
    RUN(wraps_at_spaces_within_width);
    RUN(breaks_long_url_preferring_slashes);
    RUN(emphasis_becomes_italic_runs);
    RUN(emphasis_in_a_quote_is_upright);
    RUN(footnote_markers_become_superscripts);
    RUN(paragraphs_are_separated);
    RUN(clamps_with_ellipsis);
    RUN(height_matches_layout);
    RUN(long_word_costs_what_is_laid_out);
    RUN(measures_only_the_styles_in_the_text);
    return vt_test_finish();
}
