/*
 * The layout rules (tests/unit/layout_check.h) with the real font and the real content pack:
 * every screen at every target resolution, both languages, measured by the same glyph code
 * the kiosk draws with, and the faces and characters the screens rely on. Runs under SDL's dummy
 * video driver with the software renderer.
 *   test_layout_font PACK FONT_DIR
 */
#include "content.h"
#include "fixture.h"
#include "glyphs.h"
#include "layout_check.h"
#include "utf8.h"
#include "story_check.h"
#include "vt_test.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The exhibit's five panels at their physical sizes, and the 7" mounted in portrait. */
typedef struct {
    int w, h, w_mm, h_mm;
} Panel;
static const Panel PANELS[] = {{800, 480, 154, 86},    {720, 1280, 88, 155},   {1280, 720, 155, 88},
                               {1920, 1080, 344, 194}, {3840, 2160, 597, 336}, {480, 800, 86, 154}};
#define NPANELS (sizeof PANELS / sizeof *PANELS)

static const char *pack, *fonts;
static SDL_Renderer *ren; /* one hidden window's software renderer, shared by the tests */

static void real_content_fits_every_resolution(void)
{
    char err[256];
    VtGlyphs *g = glyphs_new(ren, fonts, 1024, err, sizeof err);
    CHECK(g != NULL);
    VtContent c;
    int loaded = content_load(&c, pack, err, sizeof err);
    if (loaded != 0)
        fprintf(stderr, "%s\n", err);
    CHECK_INT(loaded, 0);
    if (g && loaded == 0) {
        VtMeasure m = glyphs_measure(g);
        static const int sizes[][2] = {{800, 480},   {1280, 800},  {1920, 1080},
                                       {1080, 1920}, {3840, 2160}, {480, 800}};
        long today = date_days("2026-11-23");
        for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
            CHECK_INT(layout_check_all(&c, &m, sizes[i][0], sizes[i][1], today), 0);
        /* every real document opens as a chapter, its key sentences marked in the reader */
        int curated = 0;
        for (int d = 0; d < c.ndocs; d++)
            curated += c.docs[d].headline.s[VT_LANG_NL] && c.docs[d].nhighlights[VT_HIGHLIGHT_KEY];
        CHECK_INT(curated, c.ndocs);
        static const int story_sizes[][2] = {{800, 480}, {720, 1280}, {1920, 1080}};
        for (size_t i = 0; i < sizeof story_sizes / sizeof *story_sizes; i++) {
            CHECK_INT(layout_check_all(&c, &m, story_sizes[i][0], story_sizes[i][1], today), 0);
            CHECK_INT(story_check_all(&c, &m, story_sizes[i][0], story_sizes[i][1], today), 0);
        }
        content_free(&c);
    }
    glyphs_free(g);
}

/* Noto Sans's cap height (of an "H") as a fraction of the font size, measured. */
static float cap_ratio(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/NotoSans-Regular.ttf", fonts);
    TTF_Font *f = TTF_OpenFont(path, 512);
    int maxy = 0;
    if (!f || TTF_GlyphMetrics32(f, 'H', NULL, NULL, NULL, &maxy, NULL) != 0)
        maxy = 0;
    if (f)
        TTF_CloseFont(f);
    return maxy / 512.0f;
}

/* Issue 13 item 1 and issue 14 item 2: on the five panels of the exhibit, at their physical
 * sizes, every screen at every text step keeps the rules in millimetres (layout_check.h). */
static void every_panel_keeps_the_millimetre_rules(void)
{
    const Panel *panels = PANELS;
    char err[256];
    VtGlyphs *g = glyphs_new(ren, fonts, 1024, err, sizeof err);
    VtContent c;
    CHECK(g != NULL);
    CHECK_INT(content_load(&c, pack, err, sizeof err), 0);
    float cap = cap_ratio();
    CHECK(cap > 0.70f && cap < 0.73f); /* the theme's VT_CAP_RATIO is Noto Sans's */
    if (!g || cap <= 0)
        return;
    VtMeasure m = glyphs_measure(g);
    for (size_t i = 0; i < NPANELS; i++) {
        char why[160];
        float d =
            theme_ppmm(panels[i].w, panels[i].h, panels[i].w_mm, panels[i].h_mm, why, sizeof why);
        CHECK(d > 0);
        for (int s = 0; s < VT_TEXT_STEPS; s++) {
            VtMmRules mm = {(float)panels[i].w / panels[i].w_mm,
                            (float)panels[i].h / panels[i].h_mm,
                            cap,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0};
            VtTheme t;
            theme_init_scaled(&t, panels[i].w, panels[i].h, d, VT_TEXT_STEP_PCT[s]);
            CHECK_INT(layout_check_theme(&c, &m, &t, &mm, date_days("2026-11-23")), 0);
            /* the report: what a visitor gets on this panel, in millimetres */
            printf("%4dx%-4d %3d%%: reading text cap %.2f-%.2f mm, smallest text %.2f mm, "
                   "targets >= %.1f mm, >= %.1f mm apart, column %.0f characters\n",
                   panels[i].w, panels[i].h, t.scale_pct, (double)mm.body_min, (double)mm.body_max,
                   (double)mm.text_min, (double)mm.target_min, (double)mm.gap_min,
                   (double)mm.col_chars);
            if (t.cols == 2)
                printf("          two columns (Dutch | English): the narrower holds %.0f "
                       "characters, gutter %.1f mm\n",
                       (double)mm.col2_chars, (double)mm.gutter_mm);
        }
    }
    content_free(&c);
    glyphs_free(g);
}

/* The real font's glyphs (checked: NULL when they cannot be had). */
static VtGlyphs *open_glyphs(void)
{
    char err[256];
    VtGlyphs *g = glyphs_new(ren, fonts, 1024, err, sizeof err);
    CHECK(g != NULL);
    return g;
}

/* The real font (its measurer in *m) and pack; returns the glyphs (NULL, checked, when they
 * cannot be had). */
static VtGlyphs *open_real(VtContent *c, VtMeasure *m)
{
    char err[256];
    VtGlyphs *g = open_glyphs();
    int loaded = content_load(c, pack, err, sizeof err);
    CHECK_INT(loaded, 0);
    if (g && loaded != 0)
        glyphs_free(g);
    if (!g && loaded == 0)
        content_free(c);
    if (g && loaded == 0)
        *m = glyphs_measure(g);
    return loaded == 0 ? g : NULL;
}

/* Issue 13's review: on the portrait 7" (88x155 mm) the top bar took three rows (A+ wrapped
 * under the others, then the title). At normal text it takes two: the buttons on the first (in
 * English "Nederlands" leaves no room for A+, which starts the second), the title on the second
 * (beside A+); 10 mm targets at least 3 mm apart (every_panel_keeps_the_millimetre_rules checks
 * every text step for overlaps and cut-off text). */
static void portrait_top_bar_takes_two_rows(void)
{
    char err[256];
    VtContent c;
    VtMeasure m;
    VtGlyphs *g = open_real(&c, &m);
    if (!g)
        return;
    VtTheme t;
    theme_init(&t, 720, 1280, theme_ppmm(720, 1280, 88, 155, err, sizeof err));
    for (int l = 0; l < VT_LANG_COUNT; l++) {
        VtBuild b = {&c, &t, &m, (VtLang)l, date_days("2026-11-23")};
        VtPage p = {0};
        const char *title = c.docs[0].title.s[l];
        int h = screen_chrome_build(&p, &b, title, 1, NULL, 0);
        int rows = 0, ys[2] = {-1, -1}, title_y = -1;
        for (int i = 0; i < p.nhits; i++) {
            int y = p.hits[i].r.y, k = 0;
            while (k < rows && k < 2 && ys[k] != y)
                k++;
            if (k == rows && rows++ < 2)
                ys[k] = y;
        }
        for (int i = 0; i < p.nboxes; i++)
            if (p.boxes[i].kind == VT_BOX_TEXT && strstr(title, p.boxes[i].text) == title)
                title_y = p.boxes[i].r.y; /* the title's first line */
        int second = t.target > 2 * t.small_line ? t.target : 2 * t.small_line;
        CHECK(p.nhits >= 5 && rows <= 2);
        CHECK(title_y > ys[0] + t.target); /* the title under the first row */
        CHECK(h <= 2 * t.bar_pad + t.target + t.target_gap + second);
        VtMmRules mm = {720 / 88.0f, 1280 / 155.0f, VT_CAP_RATIO, 0, 0, 0, 0, 0, 0};
        CHECK_INT(layout_check_page(&p, &t, &m, 0, &mm, "720x1280 bar"), 0);
        page_free(&p);
    }
    content_free(&c);
    glyphs_free(g);
}

/* Issue 13's review: on the 7" landscape panels the timeline's band (hint, axis, two rows of
 * year chips) left the cards a third of the screen. Compact there, it leaves them at least half
 * the screen's height at normal text (the larger steps are reported), with the hint and the first,
 * today's and the last chip still in it (its targets and gaps:
 * every_panel_keeps_the_millimetre_rules). On the 27" with room to spare its cards are set
 * larger and carry the source's words for each event; on the 7" they do not. */
static void timeline_is_set_for_the_panel(void)
{
    static const struct {
        int w, h, w_mm, h_mm;
    } panels[] = {
        {800, 480, 154, 86}, {1280, 720, 155, 88}, {1920, 1080, 0, 0}, {3840, 2160, 597, 336}};
    char err[256];
    VtContent c;
    VtMeasure m;
    VtGlyphs *g = open_real(&c, &m);
    if (!g)
        return;
    for (size_t i = 0; i < sizeof panels / sizeof *panels; i++)
        for (int s = 0; s < VT_TEXT_STEPS; s++) {
            VtTheme t;
            float d = panels[i].w_mm ? theme_ppmm(panels[i].w, panels[i].h, panels[i].w_mm,
                                                  panels[i].h_mm, err, sizeof err)
                                     : 0; /* unknown: sized as a 7" */
            theme_init_scaled(&t, panels[i].w, panels[i].h, d, VT_TEXT_STEP_PCT[s]);
            VtBuild b = {&c, &t, &m, VT_LANG_NL, date_days("2026-11-23")};
            VtPage p = {0}, ctl = {0};
            VtTimelineInfo tl;
            int view = t.h - t.bar_h;
            screen_timeline_build(&p, &ctl, &b, view, &tl);
            int hint = 0, today = 0, years = 0;
            for (int k = 0; k < ctl.nboxes; k++)
                hint |= ctl.boxes[k].kind == VT_BOX_TEXT && strstr(ctl.boxes[k].text, "Tik op");
            for (int k = 0; k < ctl.nhits; k++) {
                today |= ctl.hits[k].action == VT_ACT_YEAR && ctl.hits[k].arg == 0;
                years += ctl.hits[k].action == VT_ACT_YEAR &&
                         (ctl.hits[k].arg == 2003 || ctl.hits[k].arg == 2028);
            }
            printf("%dx%d %d%%: the timeline's band %.1f mm, the cards %.1f of %.1f mm\n", t.w, t.h,
                   t.scale_pct, (double)(tl.band_h / t.ppmm), (double)((view - tl.band_h) / t.ppmm),
                   (double)(t.h / t.ppmm));
            CHECK(s > 0 || view - tl.band_h >= t.h / 2); /* larger text: what fits */
            CHECK(hint && today && years == 2);
            /* with room to spare (the 27"), dates and titles at 7 mm caps and the source's words
             * that state each event; on the 7" neither */
            int quotes = 0, big = 0;
            for (int k = 0; k < p.nboxes; k++) {
                const VtBox *x = &p.boxes[k];
                quotes += x->kind == VT_BOX_TEXT && x->style == VT_FONT_QUOTE &&
                          !strncmp(x->text, "\u201c", 3);
                big += x->kind == VT_BOX_TEXT && x->px == t.poster_small_px;
            }
            if (s == 0)
                CHECK(panels[i].w == 3840 ? quotes > 0 && big > 0 : quotes == 0);
            page_free(&p);
            page_free(&ctl);
        }
    content_free(&c);
    glyphs_free(g);
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* Issue 13's review, item 1: the poster is read from 2-3 m, cap height >= 12 mm where the
 * panel allows. The real hooks on the five panels at their sizes, every step and phrase: the
 * large quote's cap height is reported; on the landscape panels (on the 7" ones the whole hook
 * was about 5 mm) the quotes are 12 mm high but for a phrase whose one long word allows less. */
static void poster_is_readable_from_three_metres(void)
{
    const Panel *panels = PANELS;
    char err[256];
    VtContent c;
    VtMeasure m;
    VtGlyphs *g = open_real(&c, &m);
    if (!g)
        return;
    for (size_t i = 0; i < NPANELS; i++) {
        VtTheme t;
        float ppmm = (float)panels[i].h / panels[i].h_mm;
        theme_init(
            &t, panels[i].w, panels[i].h,
            theme_ppmm(panels[i].w, panels[i].h, panels[i].w_mm, panels[i].h_mm, err, sizeof err));
        VtBuild b = {&c, &t, &m, VT_LANG_NL, date_days("2026-11-23")};
        float caps[512];
        int steps = 0, ncaps = 0;
        for (int k = 0; k < screen_attract_count(&c); k++) {
            VtAttractReveal r = {0};
            int n = 1;
            for (r.phrase = 0; r.phrase < n && ncaps < 512; r.phrase++) {
                VtPage p = {0};
                screen_attract_build(&p, &b, k, &r);
                n = r.nphrases;
                int px = 0;
                for (int x = 0; x < p.nboxes; x++)
                    if (p.boxes[x].kind == VT_BOX_TEXT && p.boxes[x].px > px)
                        px = p.boxes[x].px;
                caps[ncaps++] = px * VT_CAP_RATIO / ppmm;
                page_free(&p);
            }
            steps++;
        }
        qsort(caps, (size_t)ncaps, sizeof *caps, cmp_float);
        float med = caps[ncaps / 2];
        printf("%4dx%-4d poster: quote cap height %.1f-%.1f mm (median %.1f), %d pages for %d "
               "steps\n",
               panels[i].w, panels[i].h, (double)caps[0], (double)caps[ncaps - 1], (double)med,
               ncaps, steps);
        if (panels[i].w > panels[i].h) /* 12 mm but for a phrase with a word that long */
            CHECK(med >= 11.5f);
        CHECK(caps[0] >= 3.5f);
    }
    content_free(&c);
    glyphs_free(g);
}

/* A code point Noto Sans lacks is drawn as the replacement character, never skipped. */
static void missing_glyph_falls_back_visibly(void)
{
    VtGlyphs *g = open_glyphs();
    if (g) {
        VtMeasure m = glyphs_measure(g);
        int missing = m.width(m.ctx, VT_FONT_REGULAR, 24, "\xe2\x8b\xaf", 3); /* U+22EF */
        int fffd = m.width(m.ctx, VT_FONT_REGULAR, 24, "\xef\xbf\xbd", 3);
        CHECK(fffd > 0);
        CHECK_INT(missing, fffd);
        glyphs_run(g,
                   "a\xe2\x8b\xaf\xf0\x9f\x98\x80"
                   "b",
                   VT_FONT_REGULAR, 24, 0, 0, 36, (VtColor){0, 0, 0, 255});
        glyphs_flush(g);
        CHECK(glyphs_stats(g)->glyph_renders >= 3); /* a, the replacement, b */
    }
    glyphs_free(g);
}

/* Measuring and drawing walk text the same way: kerning, missing glyphs and spaces advance the
 * pen by exactly what the layout measured (they were two walks once, and disagreed). */
static void drawing_advances_exactly_what_was_measured(void)
{
    VtGlyphs *g = open_glyphs();
    if (g) {
        VtMeasure m = glyphs_measure(g);
        static const char *const runs[] = {"AVATAR Wa To", "a\xe2\x8b\xaf b\x01 \xf0\x9f\x98\x80",
                                           "Vragen van het lid Van Houwelingen (FvD)"};
        for (size_t i = 0; i < sizeof runs / sizeof *runs; i++)
            for (int px = 14; px <= 96; px += 41) {
                int w = m.width(m.ctx, VT_FONT_BOLD, px, runs[i], strlen(runs[i]));
                CHECK_INT(glyphs_run(g, runs[i], VT_FONT_BOLD, px, 10, 0, px * 2,
                                     (VtColor){0, 0, 0, 255}),
                          10 + w);
            }
        glyphs_flush(g);
    }
    glyphs_free(g);
}

/* Quotes have their own face (Noto Serif italic, assets/fonts): it is loaded, and it is not the
 * sans italic standing in for it. */
static void quotes_have_their_own_face(void)
{
    VtGlyphs *g = open_glyphs();
    if (g) {
        VtMeasure m = glyphs_measure(g);
        const char *q = "Er is geen Rijksbrede overeenkomst met Palantir.";
        int serif = m.width(m.ctx, VT_FONT_QUOTE, 40, q, strlen(q));
        CHECK(serif > 0);
        CHECK(serif != m.width(m.ctx, VT_FONT_ITALIC, 40, q, strlen(q)));
        CHECK(serif != m.width(m.ctx, VT_FONT_REGULAR, 40, q, strlen(q)));
    }
    glyphs_free(g);
}

/* Only the three faces every screen uses are read at start; bold italic and the quote face when
 * first measured (or drawn), once. */
static void rare_faces_are_read_on_first_use(void)
{
    VtGlyphs *g = open_glyphs();
    if (g) {
        VtMeasure m = glyphs_measure(g);
        CHECK_INT((int)glyphs_stats(g)->faces_read, 3);
        m.width(m.ctx, VT_FONT_BOLD, 24, "Tijdlijn", 8);
        m.width(m.ctx, VT_FONT_ITALIC, 24, "Tijdlijn", 8);
        CHECK_INT((int)glyphs_stats(g)->faces_read, 3);
        m.width(m.ctx, VT_FONT_QUOTE, 24, "Tijdlijn", 8);
        CHECK_INT((int)glyphs_stats(g)->faces_read, 4);
        m.width(m.ctx, VT_FONT_BOLD_ITALIC, 24, "Tijdlijn", 8);
        m.width(m.ctx, VT_FONT_QUOTE, 32, "Tijdlijn", 8);
        CHECK_INT((int)glyphs_stats(g)->faces_read, 5);
    }
    glyphs_free(g);
}

/* Width of s in style, measured with the fonts of dir. */
static int width_in(const char *dir, VtFontStyle style, const char *s)
{
    char err[256];
    VtGlyphs *g = glyphs_new(ren, dir, 1024, err, sizeof err);
    CHECK(g != NULL);
    if (!g)
        return -1;
    VtMeasure m = glyphs_measure(g);
    int w = m.width(m.ctx, style, 32, s, strlen(s));
    glyphs_free(g);
    return w;
}

/* A font directory with only the files named (links to the real ones). */
static void font_dir_with(char *dir, const char *const *files, int n)
{
    strcpy(dir, "/tmp/vt-fonts-XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    for (int i = 0; i < n; i++) {
        char from[1024], to[1024];
        snprintf(from, sizeof from, "%s/%s", fonts, files[i]);
        snprintf(to, sizeof to, "%s/%s", dir, files[i]);
        CHECK_INT(symlink(from, to), 0);
    }
}

static void font_dir_remove(const char *dir, const char *const *files, int n)
{
    for (int i = 0; i < n; i++) {
        char to[1024];
        snprintf(to, sizeof to, "%s/%s", dir, files[i]);
        unlink(to);
    }
    rmdir(dir);
}

/* A missing face stands in as before it was read on first use: the quote face as the italic,
 * bold italic as bold, and without those as regular. */
static void missing_rare_faces_stand_in(void)
{
    static const char *const three[] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                                        "NotoSans-Italic.ttf"};
    const char *s = "Er is geen Rijksbrede overeenkomst met Palantir.";
    char dir[64], one[64];
    font_dir_with(dir, three, 3);
    CHECK_INT(width_in(dir, VT_FONT_QUOTE, s), width_in(fonts, VT_FONT_ITALIC, s));
    CHECK_INT(width_in(dir, VT_FONT_BOLD_ITALIC, s), width_in(fonts, VT_FONT_BOLD, s));
    font_dir_remove(dir, three, 3);
    font_dir_with(one, three, 1);
    CHECK_INT(width_in(one, VT_FONT_QUOTE, s), width_in(fonts, VT_FONT_REGULAR, s));
    CHECK_INT(width_in(one, VT_FONT_BOLD_ITALIC, s), width_in(fonts, VT_FONT_REGULAR, s));
    font_dir_remove(one, three, 1);
}

/* Without the kiosk's own fonts a system font stands in, so the exhibit stays up. */
static void missing_font_dir_uses_a_system_font(void)
{
    char err[256] = "";
    VtGlyphs *g = glyphs_new(ren, "/nonexistent", 1024, err, sizeof err);
    CHECK(g != NULL);
    if (g) {
        VtMeasure m = glyphs_measure(g);
        CHECK(m.width(m.ctx, VT_FONT_BOLD, 24, "Tijdlijn", 8) > 0);
    }
    glyphs_free(g);
}

/* Issue 13, bug 13: emphasis inside bold text (a question) has a bold italic face of its own; it
 * fell back to the light regular italic. */
static void bold_italic_is_a_face_of_its_own(void)
{
    VtGlyphs *g = open_glyphs();
    if (g) {
        VtMeasure m = glyphs_measure(g);
        const char *s = "Vanwege de vertrouwelijkheid";
        int bi = m.width(m.ctx, VT_FONT_BOLD_ITALIC, 32, s, strlen(s));
        CHECK(bi != m.width(m.ctx, VT_FONT_BOLD, 32, s, strlen(s)));
        CHECK(bi != m.width(m.ctx, VT_FONT_ITALIC, 32, s, strlen(s)));
    }
    glyphs_free(g);
}

/* Every code point of every text run of p is in the font of its style. */
static int all_in_font(VtGlyphs *g, const VtPage *p)
{
    int missing = 0;
    for (int i = 0; i < p->nboxes; i++) {
        const VtBox *b = &p->boxes[i];
        for (size_t k = 0, n = b->kind == VT_BOX_TEXT ? strlen(b->text) : 0; k < n;) {
            uint32_t cp;
            k += utf8_decode(b->text + k, n - k, &cp);
            if (!glyphs_has(g, b->style, cp)) {
                fprintf(stderr, "U+%04X of \"%s\" is not in the font\n", (unsigned)cp, b->text);
                missing++;
            }
        }
    }
    return missing;
}

/* Issue 13, bug 3: every character the staff PIN pad shows is drawn from the font, not as the
 * replacement character (its dots were U+25CF, which Noto Sans lacks). */
static void pin_pad_characters_are_in_the_font(void)
{
    VtGlyphs *g = open_glyphs();
    if (g) {
        VtContent c;
        fixture_content(&c);
        VtMeasure m = glyphs_measure(g);
        VtTheme t;
        theme_init(&t, 800, 480, 0);
        for (int l = 0; l < VT_LANG_COUNT; l++) {
            VtBuild b = {&c, &t, &m, (VtLang)l, fixture_today()};
            VtPage p = {0};
            screen_pin_build(&p, &b, 4, str_get(S_STAFF_WRONG, (VtLang)l));
            CHECK_INT(all_in_font(g, &p), 0);
            page_free(&p);
        }
        content_free(&c);
    }
    glyphs_free(g);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: test_layout_font PACK FONT_DIR\n", stderr);
        return 2;
    }
    pack = argv[1];
    fonts = argv[2];
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "SDL: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("t", 0, 0, 320, 240, SDL_WINDOW_HIDDEN);
    ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!ren) {
        fprintf(stderr, "SDL: %s\n", SDL_GetError());
        return 1;
    }
    RUN(real_content_fits_every_resolution);
    RUN(every_panel_keeps_the_millimetre_rules);
    RUN(portrait_top_bar_takes_two_rows);
    RUN(timeline_is_set_for_the_panel);
    RUN(poster_is_readable_from_three_metres);
    RUN(missing_glyph_falls_back_visibly);
    RUN(drawing_advances_exactly_what_was_measured);
    RUN(missing_font_dir_uses_a_system_font);
    RUN(bold_italic_is_a_face_of_its_own);
    RUN(pin_pad_characters_are_in_the_font);
    RUN(quotes_have_their_own_face);
    RUN(rare_faces_are_read_on_first_use);
    RUN(missing_rare_faces_stand_in);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return vt_test_finish();
}
