/*
 * pack_fixture: file helpers for the pack tests. Every test works on a private copy of a fixture
 * directory in a fresh temporary directory, edits it by exact text replacement (so each test
 * case reads as "change this into that, expect this error"), and removes it afterwards.
 */
#ifndef VT_PACK_FIXTURE_H
#define VT_PACK_FIXTURE_H

#include <stddef.h>

/* Creates a fresh temporary directory and returns its path (static storage); aborts on
 * failure, since no test can run without it. */
const char *fixture_tmpdir(void);

/* Copies the directory tree from -> to (regular files and directories). Returns 0 or -1. */
int fixture_copy(const char *from, const char *to);

/* Removes a directory tree or file; missing is fine. */
void fixture_remove(const char *path);

/* A pack test's start: argv[1] is the fixture folder; resolves it into *fixture (caller frees)
 * and moves into a fresh temporary folder, returned in *tmp (remove it with fixture_remove()).
 * Returns 0, or 2 (the exit code) after printing usage or a reason. */
int fixture_begin(int argc, char **argv, const char **fixture, const char **tmp);

/* Reads a whole file; returns it NUL-terminated (caller frees) and its size, or NULL. */
char *fixture_read(const char *path, size_t *len);

/* Writes data to path, replacing it. Returns 0 or -1. */
int fixture_write(const char *path, const void *data, size_t len);

/* Replaces the first occurrence of find in the file with replace. Returns 0, or -1 when the
 * file cannot be read or does not contain find (a broken test case). */
int fixture_edit(const char *path, const char *find, const char *replace);

/* Parses the content directory `dir` and builds it into the pack `out` (built date or NULL).
 * Returns 0, or -1 after printing the source errors or the build failure to stderr. */
int fixture_build(const char *dir, const char *out, const char *built);

#endif
