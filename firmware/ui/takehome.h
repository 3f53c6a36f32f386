/*
 * takehome: the one "take this home" QR code a visitor screen offers, and the rule that picks
 * its address, in one place. The address is always a footnote link of the pack (the source's
 * URL, or the curator's `link:` mend where that URL does not open as given): never one built
 * from a reference or a title. Per screen the most relevant:
 *   - the reader: the first link in the footnotes of the unit it shows (a question's, then its
 *     answer's), else its document's;
 *   - a document: its first link, in the order of its items and their footnotes;
 *   - the timeline: the document of the latest event up to today (the timeline opens there);
 * and where that document cites no URL, no QR code at all (not a placeholder).
 *
 * The code is drawn 28 mm square including libqrencode's 4-module quiet zone (qr.c): even the
 * smallest code (21 modules, 29 with the zone) then has a module area of 20 mm or more, which a
 * phone reads at arm's length. Beside it (or under it, where the column is narrow) a short
 * bilingual label names what it opens: "Lees thuis verder: nrc.nl" / "Read on at home: nrc.nl",
 * the host taken from the link itself. Nothing of it is a target, and it keeps the theme's gap
 * (>= 3 mm) from the text beside it.
 */
#ifndef VT_TAKEHOME_H
#define VT_TAKEHOME_H

#include "build.h"

/* The QR code's edge, quiet zone included, in mm; the module area is at least
 * VT_TAKEHOME_MODULE_MM of it. */
#define VT_TAKEHOME_MM 28.0f
#define VT_TAKEHOME_MODULE_MM 20.0f

/* The link of document d: the first footnote link of its items in order, or NULL (borrowed). */
const char *takehome_doc_link(const VtDoc *d);

/* The link for the reader at item of d: the item's own footnotes, then (a question) its
 * answer's, else takehome_doc_link(d). NULL when the document cites none. Borrowed. */
const char *takehome_reader_link(const VtDoc *d, int item);

/* The document (index into c->docs) of the latest event on or before today (days since
 * 1970-01-01): the one the timeline's QR code is for. -1 when there is none. */
int takehome_timeline_doc(const VtContent *c, long today);

/* The host of link ("https://www.nrc.nl/nieuws/..." gives "nrc.nl") into out. Returns out. */
char *takehome_host(const char *link, char *out, size_t outlen);

/* The QR code's edge in px for theme t (VT_TAKEHOME_MM, at least 29 px: a pixel a module). */
int takehome_size(const VtTheme *t);

/* The width the block needs with its label under the code, its lines whole. */
int takehome_width(const VtBuild *b, const char *link);

/* The height the block for link takes at width w (the label beside the code when it fits, else
 * under it); 0 when link is NULL. */
int takehome_height(const VtBuild *b, const char *link, int w);

/* Lays out the block for link at (x, y) within w: the code and its bilingual label. Returns
 * its height, 0 (nothing laid out) when link is NULL. */
int takehome_build(VtPage *p, const VtBuild *b, const char *link, int x, int y, int w);

/* takehome_build at y in the screen's reading column; where Dutch and English stand side by
 * side (bilingual.h), in the left column with the Dutch label first, so that the language
 * button moves nothing. Returns its height, 0 when link is NULL. */
int takehome_place(VtPage *p, const VtBuild *b, const char *link, int y);

#endif
