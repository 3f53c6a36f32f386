/*
 * ui_strings: the table. Dutch first, English second; the English for the translation notice is
 * deliberately explicit ("unofficial translation") as the exhibit requires.
 */
#include "ui_strings.h"

static const char *const table[S_COUNT][VT_LANG_COUNT] = {
    [S_HOME] = {"Tijdlijn", "Timeline"},
    [S_BACK] = {"Terug", "Back"},
    [S_ABOUT] = {"Over", "About"},
    [S_LANG_OTHER] = {"English", "Nederlands"},
    [S_TOUCH] = {"Raak het scherm aan om te beginnen", "Touch the screen to explore"},
    [S_TIMELINE_HINT] = {"Tik op een jaar of een pijl, of veeg; tik op een gebeurtenis om de bron "
                         "te lezen",
                         "Tap a year or an arrow, or swipe; tap an event to read the source"},
    [S_TIMELINE_HINT_SHORT] = {"Tik op een jaar, pijl of gebeurtenis",
                               "Tap a year, arrow or event"},
    [S_TODAY] = {"Vandaag", "Today"},
    [S_TARGET] = {"Doel", "Target"},
    [S_KIND_QUESTIONS] = {"Schriftelijke Kamervragen", "Written parliamentary questions"},
    [S_KIND_MEMO] = {"Interne nota", "Internal memo"},
    [S_STATUS_ANSWERED] = {"Beantwoord", "Answered"},
    /* The sources contain no answer; whether one exists elsewhere they cannot say. */
    [S_STATUS_AWAITING] = {"Geen antwoord in de bronnen", "No answer in the sources"},
    [S_STATUS_MEMO] = {"Nota ter beslissing", "Memo for decision"},
    [S_SUBMITTED] = {"Ingezonden", "Submitted"},
    [S_ANSWERED] = {"Beantwoord", "Answered"},
    [S_DATED] = {"Datum", "Dated"},
    [S_ASKED_BY] = {"Gesteld door", "Asked by"},
    [S_ADDRESSED_TO] = {"Gericht aan", "Addressed to"},
    [S_ANSWERED_BY] = {"Beantwoord door", "Answered by"},
    [S_AUTHOR] = {"Van", "From"},
    [S_REFERENCES] = {"Kenmerken", "References"},
    [S_SOURCE_FILE] = {"Bronbestand", "Source file"},
    [S_UNKNOWN] = {"onbekend", "unknown"},
    [S_NOT_ANSWERED] = {"geen antwoord in de bronnen", "no answer in the sources"},
    [S_CURATOR_SUMMARY] = {"Samenvatting door de samensteller", "Curator's summary"},
    [S_CURATOR_TEXT] = {"Tekst van de samensteller", "Curator's text"},
    [S_UNOFFICIAL] = {"Onofficiële vertaling", "Unofficial translation"},
    [S_CURATOR_MARK] = {" (samensteller)", " (curator)"},
    [S_ORIGINAL_NL] = {"Oorspronkelijke tekst (Nederlands)", "Original text (Dutch)"},
    [S_QUESTION] = {"Vraag", "Question"},
    [S_ANSWER] = {"Antwoord", "Answer"},
    /* "Antwoord (vragen 2 en 3 samen beantwoord)": a description, not a heading (003 has none). */
    [S_ANSWER_JOINT] = {"vragen", "questions"},
    [S_ANSWER_JOINT_END] = {"samen beantwoord", "answered together"},
    [S_POINT] = {"Kernpunt", "Key point"},
    [S_OF] = {"van", "of"},
    [S_FOOTNOTES] = {"Voetnoten", "Footnotes"},
    [S_NO_ANSWER_IN_SOURCE] = {"In de bronnen staat (nog) geen antwoord op deze vraag.",
                               "The sources contain no answer to this question (yet)."},
    [S_QUESTIONS] = {"Vragen", "Questions"},
    [S_KEY_POINTS] = {"Kernpunten", "Key points"},
    [S_PASSAGES] = {"Tekst", "Text"},
    /* Shown in both languages at once: the visitor may read either. */
    [S_IDLE_WARN] =
        {"Leest u nog? Raak het scherm ergens aan om te blijven. Over %d s gaan we "
         "terug naar het begin.",
         "Still reading? Touch the screen anywhere to stay. Back to the start in %d s."},
    [S_SOURCES] = {"Bronnen", "Sources"},
    [S_SCAN] = {"Scan om de bron te openen", "Scan to open the source"},
    [S_FROM_SOURCE] = {"Uit de bron", "From the source"},
    [S_OPEN_DOC] = {"Document openen", "Open document"},
    [S_NEXT] = {"Volgende", "Next"},
    [S_PREV] = {"Vorige", "Previous"},
    [S_OVERVIEW] = {"Overzicht", "Overview"},
    [S_NEXT_DOC] = {"Volgende document", "Next document"},
    [S_TO_TIMELINE] = {"Naar de tijdlijn", "To the timeline"},
    [S_PARTY_UNKNOWN] = {"partij onbekend", "party unknown"},
    [S_EVENT_IN_DOC] = {"Vermeld in", "Mentioned in"},
    [S_STAFF_PIN] = {"Medewerkers: voer de pincode in", "Staff: enter the PIN"},
    [S_STAFF_DELETE] = {"Wis", "Delete"},
    [S_STAFF_OK] = {"OK", "OK"},
    [S_STAFF_TITLE] = {"Beheer", "Staff"},
    [S_STAFF_ROLLBACK] = {"Vorige inhoud terugzetten", "Roll back to the previous pack"},
    [S_STAFF_CLOSE] = {"Terug naar de tentoonstelling", "Back to the exhibit"},
    [S_STAFF_WRONG] = {"Onjuiste pincode", "Wrong PIN"},
    [S_STAFF_LOCKED] = {"Te veel pogingen; probeer het over een minuut opnieuw",
                        "Too many attempts; try again in a minute"},
    /* The timeline's badges (content_event_standing); "no answer" is S_STATUS_AWAITING. */
    [S_BADGE_CONFIDENTIAL] = {"Beroep op vertrouwelijkheid", "Confidentiality invoked"},
    [S_UPDATED] = {"Inhoud bijgewerkt naar versie %d", "Content updated to version %d"},
    [S_READ_ALOUD] = {"Lees voor", "Read aloud"},
    [S_READ_SHORT] = {"Luister", "Listen"},
    [S_STAFF_SPEECH_OFF] = {"Voorlezen uitzetten", "Turn read-aloud off"},
    [S_STAFF_SPEECH_ON] = {"Voorlezen aanzetten", "Turn read-aloud on"},
    [S_READ_STOP] = {"Stop", "Stop"}, /* short: it shares the top bar of a portrait 7" screen */
    [S_KEY_SENTENCES] = {"Kernzinnen, letterlijk uit de bron", "Key sentences, word for word"},
    [S_READ_IN_SOURCE] = {"Lees in de bron", "Read in the source"},
    [S_FULL_SOURCE] = {"De volledige bron", "The full source"},
    [S_DOC_FACTS] = {"Over dit document", "About this document"},
    [S_ANSWER_TO] = {"Antwoord op vraag", "Answer to question"},
    [S_TAKE_HOME] = {"Lees thuis verder", "Read on at home"},
    [S_CONFIDENTIAL] = {"Vertrouwelijk", "Confidential"},
    [S_COLUMN_HEAD] = {"Nederlands \u00b7 de oorspronkelijke tekst",
                       "English \u00b7 unofficial translation"},
};

const char *str_get(VtStr id, VtLang lang)
{
    if (id < 0 || id >= S_COUNT || !table[id][lang])
        return "?";
    return table[id][lang];
}
