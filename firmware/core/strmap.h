/*
 * strmap: a set of strings, each with the index it was added at, for finding the first holder
 * of an id in constant time (duplicate ids in a curator's sources, events per document in a
 * pack) where a scan of everything seen so far would make the whole job quadratic. Open
 * addressing with linear probing, FNV-1a hashes, grown at half full. Keys are borrowed: they
 * must outlive the map and not change.
 */
#ifndef VT_STRMAP_H
#define VT_STRMAP_H

#include <stddef.h>

typedef struct {
    struct VtStrSlot {
        const char *key; /* NULL: empty */
        size_t index;
    } * slots;
    size_t cap, n; /* cap is 0 or a power of two */
} VtStrMap;

/* Returns the index key was first added with; when it is not there yet, adds it with `index`
 * and returns `index`. Never fails (out of memory aborts). */
size_t strmap_add(VtStrMap *m, const char *key, size_t index);

/* Returns the index of key, or (size_t)-1 when absent. */
size_t strmap_find(const VtStrMap *m, const char *key);

/* Frees the table (not the keys); the map is empty and reusable afterwards. */
void strmap_free(VtStrMap *m);

#endif
