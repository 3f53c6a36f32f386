/*
 * span: the (box, offset) map of a text composed from page runs. A run's part is measured with
 * the same measurer that laid it out, so a mark lies under exactly the glyphs of its bytes.
 */
#include "span.h"

#include <stdlib.h>
#include <string.h>

size_t span_superscript_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0xC2 && (u[1] == 0xB2 || u[1] == 0xB3 || u[1] == 0xB9))
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x81 && u[2] >= 0xB0 && u[2] <= 0xB9)
        return 3;
    return 0;
}

void span_clear(VtSpan *s)
{
    buf_clear(&s->text);
    s->nmap = 0;
}

void span_free(VtSpan *s)
{
    buf_free(&s->text);
    free(s->map);
    memset(s, 0, sizeof *s);
}

void span_map(VtSpan *s, int box)
{
    if (s->nmap + 2 > s->capmap) {
        s->capmap = s->capmap ? 2 * s->capmap : 64;
        s->map = xrealloc(s->map, (size_t)s->capmap * sizeof *s->map);
    }
    s->map[s->nmap++] = box;
    s->map[s->nmap++] = (int)s->text.len;
}

void span_add(VtSpan *s, const VtPage *p, int box, const char *sep)
{
    if (s->text.len && sep)
        buf_puts(&s->text, sep);
    span_map(s, box);
    buf_puts(&s->text, p->boxes[box].text);
}

int span_rects(const VtSpan *s, const VtPage *p, const VtMeasure *m, size_t start, size_t end,
               void (*fn)(void *ctx, VtRect r, int box), void *ctx)
{
    int n = 0;
    for (int k = 0; k + 1 < s->nmap; k += 2) {
        if (s->map[k] < 0 || s->map[k] >= p->nboxes)
            continue;
        const VtBox *b = &p->boxes[s->map[k]];
        size_t off = (size_t)s->map[k + 1], len = strlen(b->text);
        if (end <= off || start >= off + len)
            continue;
        size_t a = start > off ? start - off : 0;
        size_t z = end < off + len ? end - off : len;
        if (a >= z)
            continue;
        int x0 = b->r.x + (a ? m->width(m->ctx, b->style, b->px, b->text, a) : 0);
        int x1 = b->r.x + m->width(m->ctx, b->style, b->px, b->text, z);
        fn(ctx, (VtRect){x0, b->r.y, x1 - x0, b->r.h}, s->map[k]);
        n++;
    }
    return n;
}
