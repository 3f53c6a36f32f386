/*
 * content: the whole content pack as plain C structs, loaded once.
 *
 * A pack is small (the five sources, bilingual, are under 200 KiB of text), so the kiosk reads
 * every row into memory when it opens a pack and closes the database: screens then walk arrays
 * instead of issuing queries per frame, a pulled or replaced pack file cannot disturb what is on
 * screen, and a reload builds a complete new VtContent before the old one is dropped (the kiosk
 * keeps showing the last good content when a new pack fails). All strings are owned by the
 * VtContent and freed by content_free().
 */
#ifndef VT_CONTENT_H
#define VT_CONTENT_H

#include <stddef.h>

typedef enum { VT_LANG_NL = 0, VT_LANG_EN = 1, VT_LANG_COUNT } VtLang;

/* A text in both languages. nl is the original (or the curator's Dutch); en our translation.
 * Both NULL means "not given" (shown as unknown where that matters). */
typedef struct {
    char *s[VT_LANG_COUNT];
} VtText;

typedef enum { VT_ITEM_TEXT, VT_ITEM_QUESTION, VT_ITEM_ANSWER, VT_ITEM_POINT } VtItemKind;

typedef struct {
    int number; /* footnote number as the source numbers it */
    VtText body;
    char *url;  /* NULL unless the source gives one; exactly as given, for display */
    char *link; /* the address that opens (for QR codes): url or the curator's mend; NULL
                   exactly when url is */
} VtFootnote;

typedef struct {
    int seq;
    VtItemKind kind;
    int number;  /* question/point/text number; 0 for answers */
    int *covers; /* answers: the question numbers covered, ascending (as many as the pack has) */
    int ncovers;
    VtText heading;
    VtText body;
    VtFootnote *notes; /* the footnotes this item references */
    int nnotes;
    char *confidential; /* answers: the source's words invoking confidentiality, else NULL */
} VtItem;

typedef struct {
    char *name;
    char *party; /* NULL: unknown */
    VtText function;
} VtPerson;

typedef enum { VT_STATUS_ANSWERED, VT_STATUS_AWAITING, VT_STATUS_MEMO } VtStatus;

/* The curated layer's verbatim spans, in the order of pack_highlight_kinds: a key sentence the
 * story highlights, a hook the attract loop shows. */
typedef enum { VT_HIGHLIGHT_KEY, VT_HIGHLIGHT_HOOK, VT_HIGHLIGHT_KINDS } VtHighlightKind;

typedef struct {
    int item;     /* index into the document's items */
    int footnote; /* the number of the item's footnote quoted; 0: the item's body */
    VtText quote; /* words of the source (nl) and of our translation (en), markup left out */
    /* Who says it and when, to show with the quote. The curator's (curator_attribution) where
     * the document cannot tell; otherwise composed by the loader from what the document states
     * (content_attribution). Always set for hooks; both NULL for key sentences. */
    VtText attribution;
    int curator_attribution;
} VtHighlight;

typedef struct {
    char *id;
    int is_memo;
    VtStatus status;
    char *source_file;
    VtText title, addressee, summary;
    char *submitted; /* date text (YYYY[-MM[-DD]]) or NULL: unknown */
    char *answered;  /* NULL: unknown, or not answered when status is AWAITING */
    char **refs;
    int nrefs;
    VtPerson *askers, *answerers, *authors;
    int naskers, nanswerers, nauthors;
    VtItem *items;
    int nitems;
    VtText headline, context; /* the curator's; both NULL when the pack has no curated layer */
    VtHighlight *highlights[VT_HIGHLIGHT_KINDS]; /* [VT_HIGHLIGHT_KEY] key sentences, ... */
    int nhighlights[VT_HIGHLIGHT_KINDS];
} VtDoc;

typedef enum { VT_EVENT_EVENT, VT_EVENT_SUBMITTED, VT_EVENT_ANSWERED, VT_EVENT_MEMO } VtEventKind;
typedef enum { VT_PREC_YEAR, VT_PREC_MONTH, VT_PREC_DAY } VtPrecision;

typedef struct {
    char *id;
    char *date; /* YYYY, YYYY-MM or YYYY-MM-DD */
    VtPrecision precision;
    VtEventKind kind;
    VtText title, body; /* body: curator's description, may be empty */
    int doc;            /* index into VtContent.docs */
    int item;           /* index into that doc's items, -1 for the whole document */
    char *quote;        /* the source passage that states it, NULL for document dates */
} VtEvent;

typedef struct {
    char *id;
    VtText heading, body;
} VtAbout;

typedef struct {
    int version;
    char *built; /* NULL when the build date was not recorded */
    VtText title, subtitle;
    VtDoc *docs; /* in display order */
    int ndocs;
    VtEvent *events; /* sorted by date, then kind */
    int nevents;
    VtAbout *about;
    int nabout;
} VtContent;

/* Opens the pack at path defensively (pack_db_open), validates it (pack_check_db) and reads it
 * whole into *out. Returns 0, or -1 with a one-line reason in err (and *out left empty). */
int content_load(VtContent *out, const char *path, char *err, size_t errlen);

/* Frees everything content_load allocated; safe on a zeroed struct. */
void content_free(VtContent *c);

/* Returns the text in lang, else the other language, else "" — never NULL. */
const char *text_get(const VtText *t, VtLang lang);

/* Returns the index of the document with id, or -1. */
int content_find_doc(const VtContent *c, const char *id);

/* Returns the item index within doc of the answer covering question number q, or -1. */
int content_answer_for(const VtDoc *doc, int q);

/* Composes who says the quote of `item` of doc (an index into its items) and when, from what
 * the document states, into *out (the caller frees both strings): a question's askers with
 * party and the submission date ("Vraag van Dassen (Volt), 24 juni 2026"), an answer's
 * answerers with function and the answer date, a memo's author by function and its date;
 * an unknown date as "datum onbekend" / "date unknown". Never NULL. */
void content_attribution(const VtDoc *doc, int item, VtText *out);
/* What the sources show of the answer an event leads to, for the timeline's badge. */
typedef enum {
    VT_STANDING_ANSWERED,     /* answered, and no answer invokes confidentiality */
    VT_STANDING_NO_ANSWER,    /* the sources hold no answer to it */
    VT_STANDING_CONFIDENTIAL, /* the answer invokes confidentiality (VtItem.confidential) */
    VT_STANDING_MEMO,         /* an internal memo: nothing was asked */
} VtStanding;

/* The standing of event e of c: the answer to the question or answer it cites; for a whole
 * document, a passage or a point, the document's (confidential when any of its answers is).
 * Derived from the pack alone. Cannot fail. */
VtStanding content_event_standing(const VtContent *c, const VtEvent *e);

/* Returns the year (e.g. 2025) of a date text, or 0 for NULL/unparseable. */
int date_year(const char *date);

/* Formats a date for display in lang at its own precision: "11 juli 2025" / "11 July 2025",
 * "april 2026", "2028"; NULL gives the localised word for unknown. Returns out. */
char *date_format(const char *date, VtLang lang, char *out, size_t outlen);

/* Days since 1970-01-01 of the date's first day (month/year precision: first of the period),
 * for placing it on the time axis; 0 for NULL. */
long date_days(const char *date);

/* Writes the ISO date (YYYY-MM-DD) of a day count since 1970-01-01 into out; returns out. */
char *date_from_days(long days, char *out, size_t outlen);

#endif
