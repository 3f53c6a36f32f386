/*
 * test_ui_speech: read-aloud in the ui, through ui.h alone, with the app's side played by the
 * test: the control shows only where the app can read aloud and only on reading screens; it
 * asks for the screen's text in the screen's language; the mark appears under the sentence
 * reported, moves with it, follows it down a long page, and goes when the reading stops:
 * at its end, on navigation, on a language change and at idle return. While it is heard the
 * visit does not time out. Where Dutch and English stand side by side, the column of the
 * language shown is read and marked.
 */
#include "fixture.h"
#include "ui.h"
#include "vt_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static VtContent C;
static VtMeasure M;
static uint64_t T;

static VtUi *reader(int w, int h)
{
    T = FIXTURE_T0;
    VtUi *ui = fixture_ui(&C, &M, w, h, NULL);
    ui_wake(ui, T);
    ui_activate(ui, VT_ACT_OPEN_ITEM, 0, 3); /* question 3, with the joint answer */
    return ui;
}

static int has_control(VtUi *ui)
{
    float x, y;
    fixture_frame(ui);
    return ui_hit_center(ui, VT_ACT_SPEAK, 0, &x, &y) == 0;
}

static void press_control(VtUi *ui)
{
    float x, y;
    fixture_frame(ui);
    if (ui_hit_center(ui, VT_ACT_SPEAK, 0, &x, &y) != 0)
        return;
    VtPtrEvent d = {VT_PTR_DOWN, 1, x, y, T}, u = {VT_PTR_UP, 1, x, y, T + 60};
    T += 60;
    ui_pointer(ui, &d);
    ui_pointer(ui, &u);
    ui_tick(ui, T);
}

/* The wanted text's byte range of `sentence`, reported as heard. */
static void hear(VtUi *ui, const char *sentence)
{
    VtLang lang;
    unsigned gen;
    char key[64];
    const char *text = ui_speech_wanted(ui, &lang, &gen, key, sizeof key);
    const char *at = text ? strstr(text, sentence) : NULL;
    CHECK(at != NULL);
    if (at)
        ui_speech_progress(ui, gen, 1, (size_t)(at - text), (size_t)(at - text) + strlen(sentence));
}

static const char *wanted(VtUi *ui, VtLang *lang)
{
    unsigned gen;
    char key[64];
    VtLang l;
    return ui_speech_wanted(ui, lang ? lang : &l, &gen, key, sizeof key);
}

static void hidden_without_device(void)
{
    VtUi *ui = reader(1280, 800);
    CHECK(!has_control(ui)); /* the app found no audio device: never enabled */
    press_control(ui);
    CHECK(wanted(ui, NULL) == NULL);
    ui_speech_enable(ui, 1);
    CHECK(has_control(ui));
    ui_activate(ui, VT_ACT_HOME, 0, 0); /* the timeline is not a reading screen */
    CHECK_INT(ui_screen(ui), VT_SCR_TIMELINE);
    CHECK(!has_control(ui));
    ui_activate(ui, VT_ACT_OPEN_DOC, 1, 0);
    CHECK(has_control(ui));
    ui_speech_enable(ui, 0); /* staff turned it off */
    CHECK(!has_control(ui));
    ui_free(ui);
}

static void reads_the_screen_and_marks_the_sentence(void)
{
    VtUi *ui = reader(1280, 800);
    ui_speech_enable(ui, 1);
    CHECK_INT(fixture_frame(ui).spoken.w, 0);
    press_control(ui);
    VtLang lang = VT_LANG_EN;
    const char *text = wanted(ui, &lang);
    CHECK(text != NULL);
    CHECK_INT(lang, VT_LANG_NL);
    /* The question's label, the question, the answer's label and the answer, as shown: the
     * markup is gone and the footnote numbers are not read. */
    CHECK(text && strstr(text, "Vraag 3 van 4. Derde vraag?"));
    CHECK(text && strstr(text, "Een gezamenlijk antwoord met een lange tekst die over meerdere"
                               " regels loopt."));
    CHECK(text && strstr(text, "Een tweede alinea."));
    CHECK(text && !strstr(text, "Tweede vraag")); /* another question: not on this screen */
    CHECK(fixture_frame(ui).spoken.w == 0);       /* nothing heard yet */
    hear(ui, "Derde vraag?");
    VtFrame f = fixture_frame(ui);
    CHECK(f.spoken.w > 0);
    VtRect first = f.spoken;
    int first_off = ui_scroll_offset(ui);
    /* Under exactly the words: the fake measure gives every code point the same advance. */
    hear(ui, "Derde");
    f = fixture_frame(ui);
    CHECK_INT(f.spoken.x, first.x);
    CHECK(abs(f.spoken.w * 12 - first.w * 5) <= 12); /* within a pixel of 5/12 */
    hear(ui, "Een tweede alinea.");
    f = fixture_frame(ui);
    /* the mark moved down to the paragraph (on the page: the page may scroll to follow it) */
    CHECK(f.spoken.w > 0 && f.spoken.y + ui_scroll_offset(ui) > first.y + first_off);
    ui_free(ui);
}

static void stops_on_navigation_language_and_idle(void)
{
    VtUi *ui = reader(1280, 800);
    ui_speech_enable(ui, 1);
    press_control(ui);
    hear(ui, "Derde vraag?");
    ui_activate(ui, VT_ACT_BACK, 0, 0);
    CHECK(wanted(ui, NULL) == NULL);
    CHECK_INT(fixture_frame(ui).spoken.w, 0);

    ui_activate(ui, VT_ACT_OPEN_ITEM, 0, 3);
    press_control(ui);
    CHECK(wanted(ui, NULL) != NULL);
    ui_activate(ui, VT_ACT_LANG, 0, 0);
    CHECK(wanted(ui, NULL) == NULL);
    press_control(ui); /* again, now in English, with the English voice */
    VtLang lang = VT_LANG_NL;
    const char *text = wanted(ui, &lang);
    CHECK_INT(lang, VT_LANG_EN);
    CHECK(text && strstr(text, "Third question?") && !strstr(text, "Derde vraag?"));

    ui_enter_attract(ui); /* idle return (also outside opening hours) */
    CHECK(wanted(ui, NULL) == NULL);
    CHECK_INT(fixture_frame(ui).spoken.w, 0);
    ui_free(ui);
}

static void no_time_out_while_heard_and_end_of_reading(void)
{
    VtUi *ui = reader(1280, 800);
    ui_speech_enable(ui, 1);
    press_control(ui);
    unsigned gen;
    char key[64];
    VtLang lang;
    ui_speech_wanted(ui, &lang, &gen, key, sizeof key);
    CHECK_STR(key, "vragen-2025/q3");
    for (uint64_t t = T; t < T + 300000; t += 5000) { /* five minutes of listening */
        ui_speech_progress(ui, gen, 1, 0, 5);
        ui_tick(ui, t);
        CHECK_INT(ui_idle_warning(ui), -1);
    }
    T += 300000;
    CHECK_INT(ui_screen(ui), VT_SCR_READER);
    ui_speech_progress(ui, gen + 1, 0, 0, 0); /* another reading's report: ignored */
    CHECK(ui_speaking(ui));
    ui_speech_progress(ui, gen, 0, 0, 0); /* the end */
    CHECK(!ui_speaking(ui));
    CHECK(wanted(ui, NULL) == NULL);
    CHECK(has_control(ui)); /* offered again */
    ui_tick(ui, T + 91000); /* and the visit times out as usual */
    CHECK_INT(ui_screen(ui), VT_SCR_ATTRACT);
    ui_free(ui);
}

/* On a small screen the answer's second paragraph is below the fold: when it is heard, the page
 * scrolls to it. */
static void mark_follows_down_the_page(void)
{
    VtUi *ui = reader(480, 800);
    ui_speech_enable(ui, 1);
    press_control(ui);
    int before = ui_scroll_offset(ui);
    hear(ui, "Een tweede alinea.");
    VtFrame f = fixture_frame(ui);
    CHECK(f.spoken.w > 0);
    CHECK(f.spoken.y >= 0 && f.spoken.y + f.spoken.h <= 800);
    CHECK(ui_scroll_offset(ui) >= before);
    ui_free(ui);
}

/* Two columns (a 15.6" panel at 1920x1080, 344x194 mm: bilingual.h): the column of the
 * language shown is read, the other not, and the mark lands in that column, at the same height
 * in both languages (the pair is aligned). */
static void reads_the_column_of_the_language_shown(void)
{
    VtUiConfig cfg;
    ui_config_default(&cfg);
    cfg.ppmm = 1920.0f / 344.0f;
    T = 1000;
    VtUi *ui = ui_new(&C, &M, 1920, 1080, &cfg, T, fixture_today());
    ui_wake(ui, T);
    ui_activate(ui, VT_ACT_OPEN_ITEM, 0, 3);
    ui_speech_enable(ui, 1);
    fixture_frame(ui);
    CHECK(ui_find_text(ui, "Derde vraag?") && ui_find_text(ui, "Third question?")); /* both */
    press_control(ui);
    VtLang lang = VT_LANG_EN;
    const char *text = wanted(ui, &lang);
    CHECK_INT(lang, VT_LANG_NL);
    CHECK(text && strstr(text, "Vraag 3 van 4. Derde vraag?"));
    CHECK(text && strstr(text, "Een tweede alinea."));
    CHECK(text && !strstr(text, "Third question?") && !strstr(text, "Question 3"));
    CHECK(text && !strstr(text, "Nederlands")); /* the column's head is not read */
    hear(ui, "Derde vraag?");
    VtRect nl = fixture_frame(ui).spoken;
    CHECK(nl.w > 0 && nl.x + nl.w <= 1920 / 2); /* in the left column */

    ui_activate(ui, VT_ACT_LANG, 0, 0); /* the chrome in English: the right column is read */
    press_control(ui);
    text = wanted(ui, &lang);
    CHECK_INT(lang, VT_LANG_EN);
    CHECK(text && strstr(text, "Question 3 of 4. Third question?"));
    CHECK(text && !strstr(text, "Derde vraag?") && !strstr(text, "Vraag 3"));
    CHECK(text && !strstr(text, "Unofficial translation. ")); /* the tag beside the label */
    hear(ui, "Third question?");
    VtRect en = fixture_frame(ui).spoken;
    CHECK(en.w > 0 && en.x >= 1920 / 2); /* in the right column */
    CHECK_INT(en.y, nl.y);               /* the question's pair starts at one height */
    ui_free(ui);
}

static void hold_home(VtUi *ui)
{
    float x = 20, y = 20;
    fixture_frame(ui);
    ui_hit_center(ui, VT_ACT_HOME, 0, &x, &y); /* wherever the theme puts it */
    int hold = VT_UI_STAFF_HOLD_MS + 100;
    VtPtrEvent d = {VT_PTR_DOWN, 1, x, y, T}, u = {VT_PTR_UP, 1, x, y, T + hold};
    ui_pointer(ui, &d);
    ui_tick(ui, T + hold);
    ui_pointer(ui, &u);
    T += hold + 100;
    ui_tick(ui, T);
}

/* Staff turn it off on the staff screen: the control goes from every reading screen. */
static void staff_turn_it_off(void)
{
    VtUiConfig cfg;
    ui_config_default(&cfg);
    snprintf(cfg.staff_pin, sizeof cfg.staff_pin, "1234");
    T = 1000;
    VtUi *ui = ui_new(&C, &M, 1280, 800, &cfg, T, fixture_today());
    ui_wake(ui, T);
    ui_speech_enable(ui, 1);
    hold_home(ui);
    hold_home(ui);
    CHECK_INT(ui_screen(ui), VT_SCR_PIN);
    for (int k = 1; k <= 4; k++)
        ui_activate(ui, VT_ACT_PIN_DIGIT, k, 0);
    ui_activate(ui, VT_ACT_PIN_DIGIT, 11, 0);
    CHECK_INT(ui_screen(ui), VT_SCR_STAFF);
    float x, y;
    fixture_frame(ui);
    CHECK(ui_find_text(ui, "uitzetten"));
    CHECK_INT(ui_hit_center(ui, VT_ACT_STAFF_SPEECH, 0, &x, &y), 0);
    ui_activate(ui, VT_ACT_STAFF_SPEECH, 0, 0);
    fixture_frame(ui);
    CHECK(ui_find_text(ui, "aanzetten"));
    ui_activate(ui, VT_ACT_STAFF_CLOSE, 0, 0);
    ui_activate(ui, VT_ACT_OPEN_ITEM, 0, 3);
    CHECK(!has_control(ui));
    ui_free(ui);
}

int main(void)
{
    fixture_content(&C);
    M = fixture_measure();
    RUN(hidden_without_device);
    RUN(reads_the_screen_and_marks_the_sentence);
    RUN(stops_on_navigation_language_and_idle);
    RUN(no_time_out_while_heard_and_end_of_reading);
    RUN(mark_follows_down_the_page);
    RUN(reads_the_column_of_the_language_shown);
    RUN(staff_turn_it_off);
    content_free(&C);
    return vt_test_finish();
}
