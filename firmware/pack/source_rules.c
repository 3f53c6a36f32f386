/*
 * source_rules: the generic field check. It runs per section before the section is taken into
 * the model, so the per-file parsers can assume their required fields exist and that every text
 * is well-formed; they only check what is specific to their section (numbering, dates, ids).
 * The text rules themselves come from firmware/content/pack_text.c, the same code that
 * validates finished packs, so the builder never writes a pack the kiosk would reject.
 */
#include "source_rules.h"

#include "buf.h"
#include "pack_text.h"
#include "strmap.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void source_error(VtParse *p, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt); /* formatted only while the file is under its error limit */
    diag_verror(p->diag, p->file, line, fmt, ap);
    va_end(ap);
    p->errors++;
}

static const VtFieldRule *find_rule(const VtFieldRule *rules, const char *key)
{
    for (; rules->key; rules++) {
        if (strcmp(rules->key, key) == 0)
            return rules;
    }
    return NULL;
}

/* Writes the English partner of a Dutch key ("nl" -> "en", "title.nl" -> "title.en") into out;
 * returns 0 when key is not a Dutch key. */
static int english_key(const char *key, char *out, size_t outlen)
{
    size_t n = strlen(key);
    if (strcmp(key, "nl") != 0 && (n < 3 || strcmp(key + n - 3, ".nl") != 0))
        return 0;
    snprintf(out, outlen, "%.*sen", (int)(n - 2), key);
    return 1;
}

static int is_english_key(const char *key)
{
    size_t n = strlen(key);
    return strcmp(key, "en") == 0 || (n >= 3 && strcmp(key + n - 3, ".en") == 0);
}

static void check_value(VtParse *p, const VtSrcField *f, unsigned flags, const char *label)
{
    const char *why = pack_text_problem(f->value, (flags & VT_FIELD_TEXT) != 0);
    if (why) {
        source_error(p, f->line, "%s, %s: %s", label, f->key, why);
        return;
    }
    const char *artifact = (flags & VT_FIELD_URL) ? NULL : pack_text_artifact(f->value);
    if (artifact)
        source_error(p, f->line, "%s, %s: extraction artifact %s", label, f->key, artifact);
    else if (!(flags & VT_FIELD_MARKERS) && strstr(f->value, "[^"))
        source_error(p, f->line,
                     "%s, %s: footnote markers [^N] belong only in the nl: and en: "
                     "of a text, question, answer or point",
                     label, f->key);
}

/* keys: the keys of fields 0..i-1 with the index of their first field. */
static void check_field(VtParse *p, const VtSrcSection *s, size_t i, const char *label,
                        const VtFieldRule *rules, VtStrMap *keys)
{
    const VtSrcField *f = &s->fields[i];
    const VtFieldRule *rule = find_rule(rules, f->key);
    if (!rule) {
        source_error(p, f->line, "unknown field '%s' in %s", f->key, label);
        return;
    }
    size_t first = strmap_add(keys, f->key, i);
    if (!(rule->flags & VT_FIELD_REPEAT) && first != i) {
        source_error(p, f->line, "field '%s' given twice in %s (first on line %d)", f->key, label,
                     s->fields[first].line);
        return;
    }
    if (f->value[0] == '\0') {
        source_error(p, f->line, "field '%s' of %s is empty", f->key, label);
        return;
    }
    check_value(p, f, rule->flags, label);
}

/* Presence rules: required fields, and the Dutch/English pairs. */
static void check_presence(VtParse *p, const VtSrcSection *s, const char *label,
                           const VtFieldRule *rule)
{
    char en_key[64];
    if (is_english_key(rule->key))
        return; /* checked with its Dutch partner */
    const VtSrcField *f = source_field(s, rule->key);
    if (!english_key(rule->key, en_key, sizeof en_key)) {
        if (!f && (rule->flags & VT_FIELD_REQUIRED))
            source_error(p, s->line, "%s is missing the field '%s'", label, rule->key);
        return;
    }
    const VtSrcField *en = source_field(s, en_key);
    if (f && !en)
        source_error(p, f->line, "%s has no English text (%s:)", label, en_key);
    else if (!f && en)
        source_error(p, en->line, "%s has English text (%s:) but no Dutch (%s:)", label, en_key,
                     rule->key);
    else if (!f && (rule->flags & VT_FIELD_REQUIRED))
        source_error(p, s->line, "%s has no Dutch text (%s:)", label, rule->key);
}

size_t source_check_fields(VtParse *p, const VtSrcSection *s, const char *label,
                           const VtFieldRule *rules)
{
    size_t before = p->errors;
    VtStrMap keys = {0};
    for (size_t i = 0; i < s->nfields; i++)
        check_field(p, s, i, label, rules, &keys);
    strmap_free(&keys);
    for (const VtFieldRule *r = rules; r->key; r++)
        check_presence(p, s, label, r);
    return p->errors - before;
}

char *source_value(const VtSrcSection *s, const char *key)
{
    const VtSrcField *f = source_field(s, key);
    return f ? xstrdup(f->value) : NULL;
}

VtSrcText source_text(const VtSrcSection *s, const char *nl_key, const char *en_key)
{
    return (VtSrcText){source_value(s, nl_key), source_value(s, en_key)};
}

int source_number(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 4 || strspn(s, "0123456789") != n)
        return 0;
    return atoi(s);
}

char *source_label(const VtSrcSection *s, char *out, size_t outlen)
{
    if (s->name[0] == '\0')
        snprintf(out, outlen, "the file");
    else if (s->arg[0] == '\0')
        snprintf(out, outlen, "%s", s->name);
    else
        snprintf(out, outlen, "%s %s", s->name, s->arg);
    return out;
}
