/*
 * fuzz_pack: the pack validator on arbitrary bytes. Each input is written to a private file
 * (SQLite reads packs from files, as the kiosk and the importer do) and checked with
 * pack_check_path(), the exact call the importer makes on a staged, untrusted pack. The
 * validator must return, with a reason for every rejection, and never crash, hang or leak.
 */
#include "pack_check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/vt-fuzz-pack-%ld.vpack", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    if (size)
        fwrite(data, 1, size, f);
    fclose(f);
    char err[512] = "";
    if (pack_check_path(path, err, sizeof err) != 0 && !err[0])
        abort(); /* a rejection must always say why */
    unlink(path);
    return 0;
}
