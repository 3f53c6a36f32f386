/*
 * source_lex: a line-at-a-time state machine with one piece of state, the block field being
 * filled (if any). Comment lines are invisible everywhere, even inside a block, so a curator can
 * annotate a passage without ending it. A line is checked for UTF-8 before anything else reads
 * it, so every later layer works on valid text.
 */
#include "source_lex.h"

#include "buf.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    VtSrcFile *out;
    const char *file;
    VtDiag *diag;
    VtBuf block;      /* the paragraphs of the open block */
    VtSrcField *open; /* the field the block belongs to, or NULL */
    int para_break;   /* a blank line was seen inside the block */
    int skipping;     /* after a header without a name, until the next header */
} VtLexer;

static VtSrcSection *current_section(VtLexer *lx, int line)
{
    VtSrcFile *f = lx->out;
    if (f->nsections == 0) {
        f->sections = xcalloc(1, sizeof *f->sections);
        f->sections[0] = (VtSrcSection){.name = xstrdup(""), .arg = xstrdup(""), .line = line};
        f->nsections = 1;
    }
    return &f->sections[f->nsections - 1];
}

static void close_block(VtLexer *lx)
{
    if (lx->open) {
        free(lx->open->value);
        lx->open->value = buf_take(&lx->block);
    }
    lx->open = NULL;
    lx->para_break = 0;
    buf_clear(&lx->block);
}

static char *trimmed(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return xstrndup(s, len);
}

static void section_line(VtLexer *lx, const char *s, size_t len, int line)
{
    char *inner = trimmed(s, len);
    size_t n = strlen(inner);
    if (n < 2 || inner[n - 1] != ']') {
        diag_error(lx->diag, lx->file, line, "a section header must end with ']'");
        free(inner);
        return;
    }
    inner[n - 1] = '\0';
    char *body = trimmed(inner + 1, n - 2), *space = strchr(body, ' ');
    VtSrcSection sec = {.line = line};
    sec.name = space ? xstrndup(body, (size_t)(space - body)) : xstrdup(body);
    sec.arg = space ? trimmed(space, strlen(space)) : xstrdup("");
    free(body);
    free(inner);
    lx->skipping = sec.name[0] == '\0';
    if (lx->skipping) {
        /* Reported once; the section is not kept, because an empty name is how the parsers
         * recognise the fields before the first header, and its lines are dropped (not
         * attached to the section above) so they cause no follow-up errors. */
        diag_error(lx->diag, lx->file, line, "empty section header");
        free(sec.name);
        free(sec.arg);
        return;
    }
    VtSrcFile *f = lx->out;
    f->sections = xrealloc(f->sections, sizeof *f->sections * (f->nsections + 1));
    f->sections[f->nsections++] = sec;
}

static int valid_key(const char *k)
{
    return k[0] != '\0' && strspn(k, "abcdefghijklmnopqrstuvwxyz0123456789._-") == strlen(k);
}

static void field_line(VtLexer *lx, const char *s, size_t len, int line)
{
    const char *colon = memchr(s, ':', len);
    char *key = colon ? trimmed(s, (size_t)(colon - s)) : NULL;
    if (!key || !valid_key(key)) {
        diag_error(lx->diag, lx->file, line,
                   "expected 'key: value', a [section], an indented text or a # comment");
        free(key);
        return;
    }
    VtSrcSection *sec = current_section(lx, line);
    sec->fields = xrealloc(sec->fields, sizeof *sec->fields * (sec->nfields + 1));
    VtSrcField *f = &sec->fields[sec->nfields++];
    *f = (VtSrcField){.key = key, .line = line};
    f->value = trimmed(colon + 1, len - (size_t)(colon + 1 - s));
    if (f->value[0] == '\0')
        lx->open = f; /* an empty value opens a block */
}

static void indented_line(VtLexer *lx, const char *s, size_t len, int line)
{
    if (memchr(s, '\t', strspn(s, " \t")) != NULL) /* reported, then read as text anyway */
        diag_error(lx->diag, lx->file, line, "indent with spaces, not tabs");
    if (!lx->open) {
        diag_error(lx->diag, lx->file, line,
                   "indented text without a field: write 'key:' alone on the line above");
        return;
    }
    char *t = trimmed(s, len);
    if (lx->block.len)
        buf_puts(&lx->block, lx->para_break ? "\n\n" : " ");
    buf_puts(&lx->block, t);
    lx->para_break = 0;
    free(t);
}

/* Reports the first invalid byte (or NUL) of the line and replaces every one with '?', so the
 * line is still read and one bad byte does not cause a cascade of follow-up errors. */
static void check_utf8(VtLexer *lx, char *s, size_t len, int line)
{
    int reported = 0;
    for (size_t at = 0; at < len;) {
        size_t bad = utf8_invalid_at(s + at, len - at);
        const char *nul = memchr(s + at, '\0', len - at);
        if (nul && (bad == (size_t)-1 || (size_t)(nul - s) < at + bad))
            bad = (size_t)(nul - s) - at;
        if (bad == (size_t)-1)
            return;
        if (!reported++)
            diag_error(lx->diag, lx->file, line, "invalid UTF-8 (byte %zu of the line)",
                       at + bad + 1);
        s[at + bad] = '?';
        at += bad + 1;
    }
}

/* Handles one line without its newline; returns nothing, reports problems. */
static void lex_line(VtLexer *lx, char *s, size_t len, int line)
{
    if (len && s[len - 1] == '\r')
        len--;
    check_utf8(lx, s, len, line);
    if (len && s[0] == '#')
        return;
    size_t lead = strspn(s, " \t");
    if (lead >= len) { /* blank */
        if (lx->open && lx->block.len)
            lx->para_break = 1;
        return;
    }
    if (lead > 0 && lx->skipping)
        return;
    if (lead > 0) {
        s[len] = '\0';
        indented_line(lx, s, len, line);
        return;
    }
    close_block(lx);
    if (s[0] == '[')
        section_line(lx, s, len, line);
    else if (!lx->skipping)
        field_line(lx, s, len, line);
}

void source_lex(VtSrcFile *out, const char *text, size_t len, const char *file, VtDiag *diag)
{
    VtLexer lx = {.out = out, .file = file, .diag = diag};
    memset(out, 0, sizeof *out);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) /* a BOM some editors write */
        text += 3, len -= 3;
    int line = 1;
    for (size_t start = 0; start < len; line++) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        char *copy = xstrndup(text + start, end - start); /* NUL-terminated and writable */
        lex_line(&lx, copy, end - start, line);
        free(copy);
        start = end + 1;
    }
    close_block(&lx);
    buf_free(&lx.block);
}

void source_lex_free(VtSrcFile *f)
{
    for (size_t i = 0; i < f->nsections; i++) {
        VtSrcSection *s = &f->sections[i];
        for (size_t j = 0; j < s->nfields; j++) {
            free(s->fields[j].key);
            free(s->fields[j].value);
        }
        free(s->fields);
        free(s->name);
        free(s->arg);
    }
    free(f->sections);
    memset(f, 0, sizeof *f);
}

const VtSrcField *source_field(const VtSrcSection *s, const char *key)
{
    for (size_t i = 0; i < s->nfields; i++) {
        if (strcmp(s->fields[i].key, key) == 0)
            return &s->fields[i];
    }
    return NULL;
}
