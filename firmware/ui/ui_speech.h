/*
 * ui_speech: the ui's side of read-aloud (the "Lees voor / Read aloud" control, what is read,
 * the mark under the sentence being heard), private to the ui: ui_private.h embeds its state,
 * ui.c, ui_frame.c and ui_marks.c call these. The public commands and queries are in ui.h.
 *
 * The ui does no audio: it says what it wants read (ui_speech_wanted, with a generation number
 * that changes at every start and stop), the app reads it with the speech player and reports
 * back which sentence is heard (ui_speech_progress). What is read is what the page shows as
 * reading text, taken from its laid-out boxes (body-size text, and the labels just above such
 * text), so every reading screen, present and future, is read as it is drawn, in the language
 * it is drawn in, and the mark is drawn from the same boxes.
 */
#ifndef VT_UI_SPEECH_H
#define VT_UI_SPEECH_H

#include "buf.h"
#include "page.h"
#include "span.h"
#include "ui.h"

#include <stddef.h>

typedef struct {
    int available;     /* the app can read aloud (device, voices, the config allows it) */
    int staff_off;     /* staff turned it off on the staff screen (until a restart) */
    int on;            /* a reading the visitor asked for has not ended */
    unsigned gen;      /* bumped at every start and stop */
    VtSpan text;       /* what is read, made from the page's boxes, with its (box, offset) map */
    size_t start, end; /* the sentence heard, bytes of text; start == end: none yet */
    VtRect last;       /* the first line of the mark last drawn, in page coordinates */
} VtUiSpeech;

/* The control's label for the top bar of the screen shown, or NULL where there is none (not a
 * reading screen, or read-aloud unavailable). A static string. */
const char *ui_speech_label(const VtUi *ui);

/* The staff screen's button: "turn read-aloud off" or "on", NULL when there is none. */
const char *ui_speech_staff_label(const VtUi *ui);

/* The control was pressed: starts reading the page, or stops. */
void ui_speech_toggle(VtUi *ui);

/* Stops the reading (navigation, language, idle return, new content); cheap when silent. */
void ui_speech_stop(VtUi *ui);

/* Adds the mark under the sentence heard to the marks page and sets f->spoken. */
void ui_speech_mark(VtUi *ui, VtFrame *f);

void ui_speech_free(VtUi *ui);

#endif
