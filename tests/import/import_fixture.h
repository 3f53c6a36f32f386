/*
 * import_fixture: what the importer's tests need around them, kept out of the test files so
 * each test reads as its scenario: scratch folders, small valid packs made with the SQLite API
 * from firmware/content/schema.sql, keys and signatures made by the real `minisign` binary,
 * fake sticks (a folder standing in for the mount point), and a hash of a whole folder tree so
 * "the store is byte-identical" is one string comparison.
 *
 * Everything returns 0 / a pointer on success and -1 / NULL on failure (after printing why);
 * returned strings are the caller's to free().
 */
#ifndef VT_IMPORT_FIXTURE_H
#define VT_IMPORT_FIXTURE_H

#include "io.h"
#include "keyring.h"

#include <stddef.h>
#include <stdint.h>

/* The common scene: a scratch folder with keys k1, k2 (trusted, in keys) and k3 (not), packs
 * v1 and v2 signed by k1 on the sticks "<dir>/v1-stick" and "<dir>/v2-stick", the system io,
 * and a counter for fresh store folders. */
typedef struct {
    char *dir;
    VtKeyring keys;
    VtIo io;
    int stores;
} FxWorld;

int fx_world_init(FxWorld *w);
/* A path for a store folder that does not exist yet. */
char *fx_world_store(FxWorld *w);
/* The store with v1 (and v2 when two) installed; aborts the test with a message on failure. */
char *fx_world_store_with(FxWorld *w, int two);
void fx_world_free(FxWorld *w);

/* Creates a fresh scratch folder (under $TMPDIR or /tmp). */
char *fx_tmpdir(void);

/* "a/b" joined; never NULL. */
char *fx_join(const char *a, const char *b);

/* Removes a tree (no symlinks followed). */
void fx_rm_rf(const char *path);

/* Writes a valid pack with pack.version = version at path. */
int fx_make_pack(const char *path, int64_t version);

/* Runs argv (argv[0] looked up in PATH) with stdout/stderr to /dev/null unless verbose;
 * returns its exit status, or -1 when it did not exit normally. */
int fx_run(const char *const argv[], int verbose);

/* Like fx_run, but stdout is collected into *out (caller frees; stderr is discarded). */
int fx_run_output(const char *const argv[], char **out);

/* minisign -G: dir/name.pub and dir/name.key, no password. */
int fx_keygen(const char *dir, const char *name);

/* minisign -S with key dir/name.key over file, writing sigpath, trusted comment as given;
 * legacy != 0 makes a legacy (non-prehashed) signature. */
int fx_sign(const char *dir, const char *name, const char *file, const char *sigpath,
            const char *comment, int legacy);

/* Makes stick/vitrine/ holding copies of pack (if not NULL) as content.vpack and sig (if not
 * NULL) as content.vpack.minisig. */
int fx_make_stick(const char *stick, const char *pack, const char *sig);

/* The usual scenario in one call: dir/name.vpack with pack.version = version, signed by
 * dir/key.key with the trusted comment (NULL: "vitrine-pack version <version>"), both put on a
 * new stick dir/name-stick. Returns the stick path. */
char *fx_pack_stick(const char *dir, const char *name, int64_t version, const char *comment,
                    const char *key);

int fx_copy_file(const char *src, const char *dst);
int fx_write_file(const char *path, const void *data, size_t len);
/* Reads a whole file (NUL-terminated for convenience); *len may be NULL. */
char *fx_read_file(const char *path, size_t *len);

/* A hex digest over every name, type, mode bits, size, content and link target below dir,
 * sorted. skip_status leaves out the store's "status" file. */
char *fx_hash_tree(const char *dir, int skip_status);

/* Returns 1 when a and b have the same bytes. */
int fx_same_file(const char *a, const char *b);

/* Returns 1 when dir has an entry starting with ".staging-" or ".status.tmp". */
int fx_has_leftovers(const char *dir);

#endif
