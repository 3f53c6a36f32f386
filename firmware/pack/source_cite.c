/*
 * source_cite: what a citation ("answer 2 3", "footnote 4") names in a document, shared by the
 * timeline's events and the curated layer's keys and hooks so that both cite with the same
 * words. "footnote N" resolves to the item that references footnote N, and the text is then the
 * footnote's own; "answer N" names the answer covering question N (also a joint one).
 */
#include "source_rules.h"

#include <stdio.h>
#include <string.h>

static int is_kind_word(const char *kind)
{
    return strcmp(kind, "footnote") == 0 || strcmp(kind, "question") == 0 ||
           strcmp(kind, "answer") == 0 || strcmp(kind, "point") == 0 || strcmp(kind, "text") == 0;
}

/* The footnote numbered a among its notes, or NULL. */
static const VtSrcFootnote *find_note(const VtSrcItem *it, int a)
{
    for (size_t j = 0; j < it->nnotes; j++) {
        if (it->notes[j].number == a)
            return &it->notes[j];
    }
    return NULL;
}

/* Whether it is the item kind/a/b names (n: how many of kind, a, b were read). */
static int names_item(const VtSrcItem *it, const char *kind, int n, int a, int b)
{
    if (strcmp(kind, source_kind_name(it->kind)) != 0)
        return 0;
    if (it->kind != VT_SRC_ANSWER)
        return n == 2 && it->number == a;
    int has_a = 0, has_b = n < 3;
    for (size_t j = 0; j < it->ncovers; j++)
        has_a |= it->covers[j] == a, has_b |= it->covers[j] == b;
    return has_a && has_b;
}

int source_resolve_item(const VtSrcDoc *d, const char *item, int allow_document, int *seq,
                        int *footnote, const VtSrcText **text)
{
    *footnote = 0;
    if (allow_document && strcmp(item, "document") == 0) {
        *seq = 0, *text = &d->title;
        return 0;
    }
    char kind[16], extra;
    int a = 0, b = 0, n = sscanf(item, "%15s %d %d %c", kind, &a, &b, &extra);
    if (n < 2 || n > 3 || a <= 0 || !is_kind_word(kind))
        return 1;
    for (size_t i = 0; i < d->nitems; i++) {
        const VtSrcItem *it = &d->items[i];
        const VtSrcFootnote *fn = strcmp(kind, "footnote") == 0 && n == 2 ? find_note(it, a) : NULL;
        if (fn || names_item(it, kind, n, a, b)) {
            *seq = (int)i + 1;
            *text = fn ? &fn->body : &it->body;
            *footnote = fn ? a : 0;
            return 0;
        }
    }
    return -1;
}
