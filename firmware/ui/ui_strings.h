/*
 * ui_strings: every fixed word the kiosk shows, in Dutch and English, in one table so a
 * translation can be reviewed in one place and no screen hard-codes a language.
 */
#ifndef VT_UI_STRINGS_H
#define VT_UI_STRINGS_H

#include "content.h"

typedef enum {
    S_HOME,
    S_BACK,
    S_ABOUT,
    S_LANG_OTHER,
    S_TOUCH,
    S_TIMELINE_HINT,
    S_TIMELINE_HINT_SHORT, /* the compact band's (a 7" landscape) */
    S_TODAY,
    S_TARGET,
    S_KIND_QUESTIONS,
    S_KIND_MEMO,
    S_STATUS_ANSWERED,
    S_STATUS_AWAITING,
    S_STATUS_MEMO,
    S_SUBMITTED,
    S_ANSWERED,
    S_DATED,
    S_ASKED_BY,
    S_ADDRESSED_TO,
    S_ANSWERED_BY,
    S_AUTHOR,
    S_REFERENCES,
    S_SOURCE_FILE,
    S_UNKNOWN,
    S_NOT_ANSWERED,
    S_CURATOR_SUMMARY,
    S_CURATOR_TEXT,
    S_UNOFFICIAL,
    S_CURATOR_MARK,
    S_ORIGINAL_NL,
    S_QUESTION,
    S_ANSWER,
    S_ANSWER_JOINT,
    S_ANSWER_JOINT_END,
    S_POINT,
    S_OF,
    S_FOOTNOTES,
    S_NO_ANSWER_IN_SOURCE,
    S_QUESTIONS,
    S_KEY_POINTS,
    S_PASSAGES,
    S_IDLE_WARN,
    S_SOURCES,
    S_SCAN,
    S_FROM_SOURCE,
    S_OPEN_DOC,
    S_NEXT,
    S_PREV,
    S_OVERVIEW,
    S_NEXT_DOC,
    S_TO_TIMELINE,
    S_PARTY_UNKNOWN,
    S_EVENT_IN_DOC,
    S_STAFF_PIN,
    S_STAFF_DELETE,
    S_STAFF_OK,
    S_STAFF_TITLE,
    S_STAFF_ROLLBACK,
    S_STAFF_CLOSE,
    S_STAFF_WRONG,
    S_STAFF_LOCKED,
    S_UPDATED,
    S_READ_ALOUD,
    S_READ_STOP,
    S_READ_SHORT,
    S_STAFF_SPEECH_OFF,
    S_STAFF_SPEECH_ON,
    S_BADGE_CONFIDENTIAL,
    S_KEY_SENTENCES, /* the doc screen's chapter (story): quotes, the source, its facts */
    S_READ_IN_SOURCE,
    S_FULL_SOURCE,
    S_DOC_FACTS,
    S_ANSWER_TO,
    S_TAKE_HOME,    /* the label of a screen's QR code (takehome.c) */
    S_CONFIDENTIAL, /* the redaction motif's tag (redact.c) */
    S_COLUMN_HEAD,  /* over a column of two (bilingual.h), in that column's language */
    S_COUNT
} VtStr;

/* Returns the string for id in lang; never NULL. */
const char *str_get(VtStr id, VtLang lang);

#endif
