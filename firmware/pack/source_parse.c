/*
 * source_parse: the directory walk and the model's lifetime. Files are read in a fixed order
 * (pack.txt, about.txt, documents/ sorted by name, timeline.txt) so messages and the built pack
 * never depend on the order the file system lists them in; the timeline comes last because its
 * events cite the documents.
 */
#include "source_parse.h"

#include "pack_schema.h"

#include "buf.h"
#include "file.h"
#include "source_lex.h"
#include "source_rules.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES (8L * 1024 * 1024)

/* "dir" + "/" + rel, without doubling a trailing slash of dir. Caller frees. */
static char *join(const char *dir, const char *rel)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    VtBuf b = {0};
    buf_printf(&b, "%.*s/%s", (int)n, dir, rel);
    return buf_take(&b);
}

size_t source_parse_text(VtSource *src, const char *dir, const char *relpath, const char *text,
                         size_t len, VtDiag *diag)
{
    size_t before = diag->n;
    char *file = join(dir, relpath);
    VtParse p = {.dir = dir, .file = file, .diag = diag, .src = src};
    VtSrcFile f;
    source_lex(&f, text, len, file, diag);
    p.errors = diag->n - before; /* the lexer's, so a parser can tell the file is clean */
    if (strcmp(relpath, "pack.txt") == 0) {
        source_parse_version(&p, &f);
    } else if (strcmp(relpath, "about.txt") == 0) {
        source_parse_about(&p, &f);
    } else if (strcmp(relpath, "timeline.txt") == 0) {
        free(src->timeline_file);
        src->timeline_file = xstrdup(file);
        source_parse_timeline(&p, &f);
    } else {
        source_parse_document(&p, &f);
    }
    source_lex_free(&f);
    free(file);
    return diag->n - before;
}

static void parse_file(VtSource *src, const char *dir, const char *rel, int required, VtDiag *diag)
{
    char *path = join(dir, rel);
    size_t len = 0;
    struct stat st;
    /* Only regular files: opening a FIFO (or a device) named like a content file would block
     * the build forever, or read without end. */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        diag_error(diag, path, 0, "not a regular file");
        free(path);
        return;
    }
    char *text = file_read(path, (size_t)MAX_FILE_BYTES, &len);
    if (text)
        source_parse_text(src, dir, rel, text, len, diag);
    else if (required || errno != ENOENT)
        diag_error(diag, path, 0, "cannot read: %s", strerror(errno));
    free(text);
    free(path);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of documents/NAME.txt, sorted; returns how many, or -1 when the folder is missing. */
static long list_documents(const char *dir, char ***names)
{
    char *path = join(dir, "documents");
    DIR *d = opendir(path);
    int saved = errno;
    free(path);
    *names = NULL;
    if (!d) {
        errno = saved;
        return -1;
    }
    long n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        *names = xrealloc(*names, sizeof **names * (size_t)(n + 1));
        (*names)[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(*names, (size_t)n, sizeof **names, cmp_names);
    return n;
}

static void parse_documents(VtSource *src, const char *dir, VtDiag *diag)
{
    char **names;
    long n = list_documents(dir, &names);
    const char *why = n < 0 ? strerror(errno) : NULL;
    char *folder = join(dir, "documents");
    if (why)
        diag_error(diag, folder, 0, "cannot read: %s", why);
    else if (n == 0)
        diag_error(diag, folder, 0, "no document files (*.txt)");
    for (long i = 0; i < n; i++) {
        char rel[512];
        snprintf(rel, sizeof rel, "documents/%s", names[i]);
        parse_file(src, dir, rel, 1, diag);
        free(names[i]);
    }
    free(names);
    free(folder);
}

int source_parse_dir(VtSource *out, const char *dir, VtDiag *diag)
{
    size_t before = diag->n;
    memset(out, 0, sizeof *out);
    parse_file(out, dir, "pack.txt", 1, diag);
    parse_file(out, dir, "about.txt", 1, diag);
    parse_documents(out, dir, diag);
    parse_file(out, dir, "timeline.txt", 0, diag);
    if (diag->n == before)
        source_link_events(out, diag, NULL);
    if (diag->n == before)
        return 0;
    source_free(out);
    return -1;
}

const char *source_kind_name(VtSrcItemKind kind)
{
    return pack_item_kinds[kind]; /* VtSrcItemKind has the schema's order */
}

static void free_text(VtSrcText *t)
{
    free(t->nl);
    free(t->en);
}

void source_free_doc(VtSrcDoc *d)
{
    free(d->file), free(d->id), free(d->source), free(d->kind), free(d->status);
    free_text(&d->title), free_text(&d->addressee), free_text(&d->summary);
    free(d->submitted), free(d->answered);
    for (size_t i = 0; i < d->nrefs; i++)
        free(d->refs[i]);
    free(d->refs);
    for (size_t i = 0; i < d->npeople; i++) {
        free(d->people[i].name), free(d->people[i].party);
        free_text(&d->people[i].function);
    }
    free(d->people);
    for (size_t i = 0; i < d->nitems; i++) {
        VtSrcItem *it = &d->items[i];
        free(it->covers);
        free(it->confidential);
        free_text(&it->heading), free_text(&it->body);
        for (size_t j = 0; j < it->nnotes; j++) {
            free_text(&it->notes[j].body);
            free(it->notes[j].url);
            free(it->notes[j].link);
        }
        free(it->notes);
    }
    free(d->items);
    free_text(&d->headline), free_text(&d->context);
    for (size_t i = 0; i < d->nhighlights; i++) {
        VtSrcHighlight *h = &d->highlights[i];
        free(h->item);
        free_text(&h->quote), free_text(&h->attribution);
    }
    free(d->highlights);
    memset(d, 0, sizeof *d);
}

void source_free(VtSource *src)
{
    free_text(&src->title), free_text(&src->subtitle);
    for (size_t i = 0; i < src->nintros; i++) {
        free(src->intros[i].id);
        free_text(&src->intros[i].heading), free_text(&src->intros[i].body);
    }
    free(src->intros);
    for (size_t i = 0; i < src->ndocs; i++)
        source_free_doc(&src->docs[i]);
    free(src->docs);
    strmap_free(&src->doc_ids);
    for (size_t i = 0; i < src->nevents; i++) {
        VtSrcEvent *e = &src->events[i];
        free(e->id), free(e->date), free(e->doc), free(e->item), free(e->quote);
        free_text(&e->title), free_text(&e->body);
    }
    free(src->events);
    free(src->timeline_file);
    memset(src, 0, sizeof *src);
}
