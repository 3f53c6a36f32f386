/*
 * source_parse: reads a content directory (pack.txt, about.txt, timeline.txt, documents/NAME.txt,
 * with the primary sources in sources/) into a VtSource, checking every rule of the format in
 * content/README.md that can be checked against the sources themselves: required fields,
 * translations, numbering, answers and footnotes, dates, ids, links and quotes of events,
 * extraction artifacts. Problems are collected, as "file:line: what is wrong" with the file named
 * as `dir` + "/" + its path in the directory, so the build reports all of them at once.
 */
#ifndef VT_SOURCE_PARSE_H
#define VT_SOURCE_PARSE_H

#include "source_diag.h"
#include "source_model.h"

/* Parses the content directory `dir` into *out. Returns 0 when the sources have no errors;
 * returns -1 when diag received at least one, and then *out is freed and zeroed. The caller
 * frees a successful model with source_free(). */
int source_parse_dir(VtSource *out, const char *dir, VtDiag *diag);

/* Parses one file's text, as source_parse_dir() does for the file at `dir`/`relpath` (the kind
 * of file follows from relpath: "pack.txt", "about.txt", "timeline.txt" or "documents/..."),
 * adding to *src. For tests; errors go to diag. Returns the number of errors reported. Event
 * links are resolved by source_link_events(). */
size_t source_parse_text(VtSource *src, const char *dir, const char *relpath, const char *text,
                         size_t len, VtDiag *diag);

/* Resolves every event's document and item against src's documents and checks its quote.
 * Returns the number of errors reported. text_bytes, when not NULL, receives the bytes of cited
 * text flattened for the quote checks (a work unit: each cited text once, however many events
 * quote it). */
size_t source_link_events(VtSource *src, VtDiag *diag, unsigned long long *text_bytes);

#endif
