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

int main(void)
{
    M = fixture_measure();
    RUN(wraps_at_spaces_within_width);
    RUN(breaks_long_url_preferring_slashes);
    RUN(emphasis_becomes_italic_runs);
    RUN(footnote_markers_become_superscripts);
    RUN(paragraphs_are_separated);
    RUN(clamps_with_ellipsis);
    RUN(height_matches_layout);
    return vt_test_finish();
}
