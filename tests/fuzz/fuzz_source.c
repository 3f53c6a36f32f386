/*
 * fuzz_source: the curator's source parser (firmware/pack/source_*.c) on arbitrary bytes, as
 * `vitrine-pack build` reads a content directory. The input is split at 0x1E (ASCII record
 * separator) into up to five files, parsed in the builder's order: pack.txt, about.txt,
 * documents/a.txt, documents/b.txt, timeline.txt; then the events are linked. A document's
 * `source:` names a primary source under VT_FUZZ_SOURCE_DIR/sources (the pack fixture), so quotes
 * can resolve. When the sources have no error, the builder writes a pack, which the validator must
 * accept. The parser must return with a file:line reason for every problem and never crash or hang.
 */
#include "pack_build.h"
#include "pack_check.h"
#include "source_parse.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef VT_FUZZ_SOURCE_DIR
#define VT_FUZZ_SOURCE_DIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const files[] = {"pack.txt", "about.txt", "documents/a.txt",
                                        "documents/b.txt", "timeline.txt"};
    VtSource src;
    VtDiag diag = {0};
    memset(&src, 0, sizeof src);
    const char *s = (const char *)data, *end = s + size;
    size_t errors = 0;
    for (size_t i = 0; i < sizeof files / sizeof *files && s <= end; i++) {
        const char *sep = memchr(s, 0x1E, (size_t)(end - s));
        const char *stop = sep ? sep : end;
        errors +=
            source_parse_text(&src, VT_FUZZ_SOURCE_DIR, files[i], s, (size_t)(stop - s), &diag);
        s = stop + 1;
    }
    if (errors == 0)
        errors += source_link_events(&src, &diag, NULL);
    if (errors != diag.n)
        abort(); /* every problem is reported as a line */
    for (size_t i = 0; i < diag.n; i++)
        if (!strchr(diag.lines[i], ':'))
            abort(); /* and names its file */
    if (errors == 0 && src.version > 0) {
        static char path[64];
        if (!path[0])
            snprintf(path, sizeof path, "/tmp/vt-fuzz-source-%ld.vpack", (long)getpid());
        char err[512] = "";
        if (pack_build(&src, path, NULL, err, sizeof err) == 0 &&
            pack_check_path(path, err, sizeof err) != 0)
            fprintf(stderr, "built pack fails its check: %s\n", err);
        unlink(path);
    }
    source_free(&src);
    diag_free(&diag);
    return 0;
}
