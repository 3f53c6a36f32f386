/*
 * pack_build: writes a parsed content model (source_parse.h) as a content pack, the SQLite file
 * described by firmware/content/schema.sql.
 *
 * The output is deterministic: the same model and the same build date give a byte-identical
 * file (fixed page size, insertion in a fixed order, VACUUM at the end, no wall clock), so a
 * pack can be rebuilt and compared, and its signature reproduced. The file appears atomically:
 * it is written to a temporary file in the target directory, validated with pack_check_path()
 * like any pack a kiosk receives, and only then renamed over `out_path`.
 */
#ifndef VT_PACK_BUILD_H
#define VT_PACK_BUILD_H

#include "source_model.h"

#include <stddef.h>

/* Builds the pack for src at out_path; `built` is the build date (YYYY-MM-DD) to record, or
 * NULL for none. Returns 0, or -1 with a one-line reason in err, and then out_path is untouched
 * and no temporary file is left behind. */
int pack_build(const VtSource *src, const char *out_path, const char *built, char *err,
               size_t errlen);

/* Composes the bilingual title of the timeline event the builder adds for a document's own
 * date; `kind` is "submitted", "answered" or "memo". The caller frees both strings. */
VtSrcText pack_build_event_title(const VtSrcDoc *doc, const char *kind);

#endif
