/*
 * source_model: the content of a content/ directory in memory, as the parser produces it and
 * the builder consumes it. It mirrors the source format, not the database: items keep their
 * footnotes, events keep the citation as written plus what it resolved to. Everything in it
 * has been validated by the parser (a model exists only when the sources had no errors), so the
 * builder only translates. All strings are owned by the model and freed by source_free().
 */
#ifndef VT_SOURCE_MODEL_H
#define VT_SOURCE_MODEL_H

#include "strmap.h"

#include <stddef.h>

/* A Dutch text with its English translation; both NULL when the field is absent. */
typedef struct {
    char *nl;
    char *en;
} VtSrcText;

typedef enum { VT_ROLE_ASKER, VT_ROLE_ANSWERER, VT_ROLE_AUTHOR } VtSrcRole;

typedef struct {
    VtSrcRole role;
    char *name;         /* NULL: unknown */
    char *party;        /* NULL: unknown or not given */
    VtSrcText function; /* both NULL when not given */
} VtSrcPerson;

typedef struct {
    int number; /* as the source numbers it */
    int line;
    VtSrcText body;
    char *url;  /* NULL unless given; exactly as the source gives it */
    char *link; /* the curator's address that opens, where url does not; NULL otherwise */
} VtSrcFootnote;

typedef enum { VT_SRC_TEXT, VT_SRC_QUESTION, VT_SRC_ANSWER, VT_SRC_POINT } VtSrcItemKind;

typedef struct {
    VtSrcItemKind kind;
    int number;  /* text/question/point number; 0 for answers */
    int *covers; /* answers: the questions covered, as written */
    size_t ncovers;
    int line;
    VtSrcText heading, body;
    VtSrcFootnote *notes; /* the [footnote N] sections that follow it */
    size_t nnotes;
    char *confidential; /* answers: the source's words invoking confidentiality, or NULL */
} VtSrcItem;

/* A [key N] or [hook N] of the curated layer. */
typedef struct {
    int kind; /* index into pack_highlight_kinds: 0 key, 1 hook */
    int number;
    int line;
    char *item;            /* the citation as written ("answer 2 3") */
    int item_seq;          /* resolved by the parser */
    int footnote;          /* the footnote quoted, 0: the item's body */
    VtSrcText quote;       /* nl from `quote`, en from `en` */
    VtSrcText attribution; /* the curator's; both NULL: composed by the kiosk */
} VtSrcHighlight;

typedef struct {
    char *file; /* as shown in messages */
    int line;
    char *id, *source, *kind, *status;
    VtSrcText title, addressee, summary;
    char *submitted, *answered; /* dates; NULL for unknown (and for none) */
    char **refs;
    size_t nrefs;
    VtSrcPerson *people;
    size_t npeople;
    VtSrcItem *items; /* in source order; an item's seq is its index + 1 */
    size_t nitems;
    int curated_line;            /* of [curated], 0 when the document has no curated layer */
    VtSrcText headline, context; /* the curator's */
    VtSrcHighlight *highlights;  /* keys and hooks, in file order */
    size_t nhighlights;
} VtSrcDoc;

typedef struct {
    int line;
    char *id, *date;
    VtSrcText title, body;
    char *doc, *item, *quote; /* as written */
    size_t doc_index;         /* resolved by the parser */
    int item_seq;             /* 0: the document as a whole */
} VtSrcEvent;

typedef struct {
    char *id;
    VtSrcText heading, body;
} VtSrcIntro;

typedef struct {
    long version;
    VtSrcText title, subtitle;
    VtSrcIntro *intros;
    size_t nintros;
    VtSrcDoc *docs;
    size_t ndocs;
    VtStrMap doc_ids; /* each document id with its first index in docs (keys borrowed) */
    VtSrcEvent *events;
    size_t nevents;
    char *timeline_file; /* as shown in messages */
} VtSource;

/* Frees everything the model owns and zeroes it; safe on a zeroed or partly filled model. */
void source_free(VtSource *src);

/* Frees what one document owns and zeroes it. */
void source_free_doc(VtSrcDoc *d);

/* The name of an item kind as the format writes it: "text", "question", "answer", "point". */
const char *source_kind_name(VtSrcItemKind kind);

#endif
