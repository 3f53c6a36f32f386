/*
 * packinfo: the one fact the importer needs from inside a pack, its `pack.version` row.
 *
 * It is read only from files in the store (the staged copy or current.vpack), never from the
 * stick, and for a staged copy only after pack_check_path() accepted it. The pack is opened
 * with the content module's hardened pack_db_open() (read-only, defensive, schema checked),
 * and the value must be a positive integer.
 */
#ifndef VT_PACKINFO_H
#define VT_PACKINFO_H

#include <stddef.h>
#include <stdint.h>

/* Reads pack.version of the pack at path into *version. Returns 0, or -1 with a reason in err
 * (cannot open, no pack row, not a positive integer). */
int packinfo_version(const char *path, int64_t *version, char *err, size_t errlen);

#endif
