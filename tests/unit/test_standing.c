/*
 * The timeline's badges on the real pack (issue 13, item 4): what the sources show of the
 * answer behind each event, derived from the pack (content_event_standing). Known cases:
 *   - the police's 2018 acquisition cites answer 5, which says the contract's financial details
 *     are confidential: "confidentiality invoked";
 *   - the German court's 2023 ruling cites answer 10, which mentions a "vertrouwelijke
 *     verwerking" but invokes nothing: "answered" (no guessing from words in the text);
 *   - the 2011 purchase cites question 1, answered "Ja": "answered";
 *   - the NRC article cites Dassen's questions, which have no answer in the sources;
 *   - the 2028 target cites the memo: a memo, nothing was asked;
 *   - the date Van Houwelingen's questions were submitted stands for the whole document,
 *     whose answer 1 invokes confidentiality.
 *   test_standing PACK
 */
#include "content.h"
#include "vt_test.h"

#include <string.h>

static VtContent C;

static VtStanding standing_of(const char *id)
{
    for (int i = 0; i < C.nevents; i++)
        if (!strcmp(C.events[i].id, id))
            return content_event_standing(&C, &C.events[i]);
    fprintf(stderr, "no event %s in the pack\n", id);
    return (VtStanding)-1;
}

/* The standing of document doc's event of kind k (its submitted or answered date). */
static VtStanding doc_event(const char *doc, VtEventKind k)
{
    int d = content_find_doc(&C, doc);
    for (int i = 0; i < C.nevents; i++)
        if (C.events[i].doc == d && C.events[i].kind == k)
            return content_event_standing(&C, &C.events[i]);
    fprintf(stderr, "no such event of %s\n", doc);
    return (VtStanding)-1;
}

static void badges_of_known_documents(void)
{
    CHECK_INT(standing_of("police-2018"), VT_STANDING_CONFIDENTIAL);
    CHECK_INT(standing_of("german-court-2023"), VT_STANDING_ANSWERED);
    CHECK_INT(standing_of("purchase-2011"), VT_STANDING_ANSWERED);
    CHECK_INT(standing_of("nrc-article"), VT_STANDING_NO_ANSWER);
    CHECK_INT(standing_of("european-ai-dss-2028"), VT_STANDING_MEMO);
    CHECK_INT(doc_event("vanhouwelingen-2025", VT_EVENT_SUBMITTED), VT_STANDING_CONFIDENTIAL);
    CHECK_INT(doc_event("dassen-2026", VT_EVENT_SUBMITTED), VT_STANDING_NO_ANSWER);
    CHECK_INT(doc_event("tweesporen-2026", VT_EVENT_MEMO), VT_STANDING_MEMO);
    /* the marks are the source's words, in the answers they are on */
    int d = content_find_doc(&C, "vanvroonhoven-2025"), marked = 0;
    for (int i = 0; d >= 0 && i < C.docs[d].nitems; i++)
        if (C.docs[d].items[i].confidential) {
            marked++;
            CHECK(strstr(C.docs[d].items[i].body.s[VT_LANG_NL], "vertrouwelijk") != NULL);
        }
    CHECK_INT(marked, 1);
}

int main(int argc, char **argv)
{
    char err[256];
    if (argc != 2 || content_load(&C, argv[1], err, sizeof err) != 0) {
        fprintf(stderr, "usage: test_standing PACK (%s)\n", argc == 2 ? err : "");
        return 2;
    }
    RUN(badges_of_known_documents);
    content_free(&C);
    return vt_test_finish();
}
