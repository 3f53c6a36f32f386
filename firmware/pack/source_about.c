/*
 * source_about: the two small files, about.txt (the exhibit's title and the curator's
 * introductions, in the order written) and pack.txt (the pack version, fields without sections).
 */
#include "buf.h"
#include "pack_text.h"
#include "pack_schema.h"
#include "source_rules.h"
#include "strmap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const VtFieldRule exhibit_rules[] = {
    {"title.nl", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"title.en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"subtitle.nl", VT_FIELD_TEXT},
    {"subtitle.en", VT_FIELD_TEXT},
    {NULL, 0},
};

static const VtFieldRule intro_rules[] = {
    {"heading.nl", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"heading.en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"nl", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {"en", VT_FIELD_REQUIRED | VT_FIELD_TEXT},
    {NULL, 0},
};

static const VtFieldRule version_rules[] = {{"version", VT_FIELD_REQUIRED}, {NULL, 0}};

/* ids: every intro id so far, with its index in src->intros (keys borrowed from the intros). */
static void parse_intro(VtParse *p, const VtSrcSection *s, VtStrMap *ids)
{
    VtSource *src = p->src;
    if (!pack_text_is_id(s->arg)) {
        source_error(p, s->line,
                     "[intro] needs an id of 1 to 64 lower-case letters, digits and "
                     "dashes, e.g. [intro palantir]");
        return;
    }
    if (strmap_find(ids, s->arg) != (size_t)-1)
        source_error(p, s->line, "duplicate intro id '%s'", s->arg);
    char label[128];
    source_check_fields(p, s, source_label(s, label, sizeof label), intro_rules);
    src->intros = xrealloc(src->intros, sizeof *src->intros * (src->nintros + 1));
    VtSrcIntro *in = &src->intros[src->nintros++];
    in->id = xstrdup(s->arg);
    strmap_add(ids, in->id, src->nintros - 1);
    in->heading = source_text(s, "heading.nl", "heading.en");
    in->body = source_text(s, "nl", "en");
}

void source_parse_about(VtParse *p, const VtSrcFile *f)
{
    int exhibit_line = 0;
    VtStrMap ids = {0};
    for (size_t i = 0; i < p->src->nintros; i++)
        strmap_add(&ids, p->src->intros[i].id, i);
    for (size_t i = 0; i < f->nsections; i++) {
        const VtSrcSection *s = &f->sections[i];
        if (s->name[0] == '\0') {
            source_error(p, s->fields[0].line, "field '%s' comes before the first [section]",
                         s->fields[0].key);
        } else if (strcmp(s->name, "exhibit") == 0 && exhibit_line) {
            source_error(p, s->line, "second [exhibit] section (the first is on line %d)",
                         exhibit_line);
        } else if (strcmp(s->name, "exhibit") == 0) {
            exhibit_line = s->line;
            source_check_fields(p, s, "exhibit", exhibit_rules);
            p->src->title = source_text(s, "title.nl", "title.en");
            p->src->subtitle = source_text(s, "subtitle.nl", "subtitle.en");
        } else if (strcmp(s->name, "intro") == 0) {
            parse_intro(p, s, &ids);
        } else {
            source_error(p, s->line, "unknown section [%s]", s->name);
        }
    }
    strmap_free(&ids);
    if (!exhibit_line)
        source_error(p, 0, "no [exhibit] section");
}

void source_parse_version(VtParse *p, const VtSrcFile *f)
{
    const VtSrcSection *top = NULL;
    for (size_t i = 0; i < f->nsections; i++) {
        if (f->sections[i].name[0] == '\0')
            top = &f->sections[i];
        else
            source_error(p, f->sections[i].line, "unknown section [%s]", f->sections[i].name);
    }
    if (!top) {
        source_error(p, 0, "the file is missing the field 'version'");
        return;
    }
    source_check_fields(p, top, "the file", version_rules);
    const VtSrcField *v = source_field(top, "version");
    if (!v || !v->value[0])
        return;
    char *end = NULL;
    errno = 0;
    long n = strtol(v->value, &end, 10);
    if (errno || *end || n <= 0 || n > VT_PACK_VERSION_MAX || v->value[0] == '+')
        source_error(p, v->line, "version must be a whole number above 0, not '%s'", v->value);
    else
        p->src->version = n;
}
