/*
 * strmap: see strmap.h. The table is at most half full, so a probe sequence is short and
 * always reaches an empty slot.
 */
#include "strmap.h"

#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The slot holding key, or the empty slot where it would go. */
static struct VtStrSlot *probe(const VtStrMap *m, const char *key)
{
    size_t i = (size_t)hash(key) & (m->cap - 1);
    while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
        i = (i + 1) & (m->cap - 1);
    return &m->slots[i];
}

static void grow(VtStrMap *m)
{
    VtStrMap bigger = {xcalloc(m->cap ? m->cap * 2 : 64, sizeof *m->slots),
                       m->cap ? m->cap * 2 : 64, m->n};
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *probe(&bigger, m->slots[i].key) = m->slots[i];
    free(m->slots);
    *m = bigger;
}

size_t strmap_add(VtStrMap *m, const char *key, size_t index)
{
    if (2 * (m->n + 1) > m->cap)
        grow(m);
    struct VtStrSlot *s = probe(m, key);
    if (s->key)
        return s->index;
    *s = (struct VtStrSlot){key, index};
    m->n++;
    return index;
}

size_t strmap_find(const VtStrMap *m, const char *key)
{
    if (!m->cap)
        return (size_t)-1;
    const struct VtStrSlot *s = probe(m, key);
    return s->key ? s->index : (size_t)-1;
}

void strmap_free(VtStrMap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}
