/*
 * standing: what the sources show of the answer behind a timeline event (answered, no answer
 * in the sources, confidentiality invoked, or a memo where nothing was asked), derived from the
 * pack alone so the timeline's badges can never say more than the sources do. A question's
 * standing is its answer's; an answer's is its own; a whole document, a passage (a cover
 * letter, a memo's text) or a point stands for the document: without answers when its status
 * says the sources hold none, confidential when any of its answers invokes confidentiality.
 * Confidentiality is what the curator marked on an answer with the source's own words
 * (`confidential:` in a document file, checked verbatim by the builder), never a guess from
 * a word in the text ("vertrouwelijke verwerking" in a German court's ruling is not one).
 */
#include "content.h"

static VtStanding answer_standing(const VtItem *answer)
{
    return answer->confidential ? VT_STANDING_CONFIDENTIAL : VT_STANDING_ANSWERED;
}

static VtStanding doc_standing(const VtDoc *d)
{
    if (d->status == VT_STATUS_MEMO)
        return VT_STANDING_MEMO;
    if (d->status == VT_STATUS_AWAITING)
        return VT_STANDING_NO_ANSWER;
    int answers = 0;
    for (int i = 0; i < d->nitems; i++) {
        if (d->items[i].kind != VT_ITEM_ANSWER)
            continue;
        answers++;
        if (d->items[i].confidential)
            return VT_STANDING_CONFIDENTIAL;
    }
    return answers ? VT_STANDING_ANSWERED : VT_STANDING_NO_ANSWER;
}

VtStanding content_event_standing(const VtContent *c, const VtEvent *e)
{
    if (e->doc < 0 || e->doc >= c->ndocs)
        return VT_STANDING_NO_ANSWER;
    const VtDoc *d = &c->docs[e->doc];
    if (d->status == VT_STATUS_MEMO)
        return VT_STANDING_MEMO;
    if (e->item < 0 || e->item >= d->nitems)
        return doc_standing(d);
    const VtItem *it = &d->items[e->item];
    if (it->kind == VT_ITEM_ANSWER)
        return answer_standing(it);
    if (it->kind == VT_ITEM_QUESTION) {
        int a = content_answer_for(d, it->number);
        return a >= 0 ? answer_standing(&d->items[a]) : VT_STANDING_NO_ANSWER;
    }
    return doc_standing(d);
}
