/*
 * pack_vocab: the words of the pack schema's closed vocabularies, once. schema.sql lists the
 * same words in its CHECK constraints (tests/pack/test_pack_build.c compares the two), the C
 * enums in content.h are in the same order (highlight kinds with their limits too), and the source
 * parser, the builder, the loader and the script harness name kinds and statuses only through these
 * tables.
 */
#include "pack_schema.h"

#include <string.h>

const char *const pack_item_kinds[VT_PACK_ITEM_KINDS] = {"text", "question", "answer", "point"};
const char *const pack_doc_statuses[VT_PACK_DOC_STATUSES] = {"answered", "awaiting", "memo"};
const char *const pack_event_kinds[VT_PACK_EVENT_KINDS] = {"event", "submitted", "answered",
                                                           "memo"};
const char *const pack_precisions[VT_PACK_PRECISIONS] = {"year", "month", "day"};
const char *const pack_highlight_kinds[VT_PACK_HIGHLIGHT_KINDS] = {"key", "hook"};
/* Keys: 1 to 3 verbatim sentences the story highlights. Hooks: 2 or 3 verbatim quotes short
 * enough for the attract poster (issue 12: "at most about 30 words"). */
const VtPackHighlightRule pack_highlight_rules[VT_PACK_HIGHLIGHT_KINDS] = {{1, 3, 0}, {2, 3, 32}};

int pack_vocab_find(const char *const *words, int n, const char *word)
{
    for (int i = 0; word && i < n; i++)
        if (!strcmp(words[i], word))
            return i;
    return -1;
}
