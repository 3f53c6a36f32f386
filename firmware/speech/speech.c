/*
 * speech: the player. One mutex guards everything the three threads share (the main loop's
 * requests, the worker's ring writes and sentence marks, the audio callback's reads), held only
 * for copies, never while a source works. A generation number names the reading under way:
 * speech_start and speech_stop bump it, and a worker still writing for an older generation is
 * told to stop by its sink, so a stop is at most one synthesis chunk away from silence.
 * Positions are counted in samples from the start of a reading (written, played); the ring
 * index is the count modulo its size.
 */
#include "speech.h"

#include "buf.h"
#include "log.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VT_SPEECH_RING ((size_t)VT_SPEECH_RATE * 6) /* 6 s ahead: 258 KiB */

typedef struct {
    size_t start, end;
    uint64_t at;
} Mark;

struct VtSpeech {
    VtSpeechSource **src;
    int nsrc;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv; /* the worker waits here: a request, room in the ring, quit */
    int quit;
    unsigned gen;
    /* The request the worker has not taken yet (owned), and which source reads it. */
    char *text, *key;
    VtLang lang;
    int pending, source;
    int active; /* a reading of generation gen is under way */
    int made;   /* its source has finished */
    int16_t *ring;
    uint64_t written, played;
    Mark *marks;
    size_t nmarks, capmarks;
    int volume;
};

/* The sink's context: the player and the generation the worker reads for. */
typedef struct {
    VtSpeech *sp;
    unsigned gen;
} Job;

static int sink_samples(void *ctx, const int16_t *s, size_t n)
{
    Job *j = ctx;
    VtSpeech *sp = j->sp;
    pthread_mutex_lock(&sp->mu);
    while (n && !sp->quit && sp->gen == j->gen) {
        size_t room = VT_SPEECH_RING - (size_t)(sp->written - sp->played);
        if (!room) {
            pthread_cond_wait(&sp->cv, &sp->mu);
            continue;
        }
        size_t k = n < room ? n : room;
        for (size_t i = 0; i < k; i++)
            sp->ring[(sp->written + i) % VT_SPEECH_RING] = s[i];
        sp->written += k;
        s += k;
        n -= k;
    }
    int stop = sp->quit || sp->gen != j->gen;
    pthread_mutex_unlock(&sp->mu);
    return stop;
}

static void sink_sentence(void *ctx, size_t start, size_t end, uint64_t at)
{
    Job *j = ctx;
    VtSpeech *sp = j->sp;
    pthread_mutex_lock(&sp->mu);
    if (sp->gen == j->gen) {
        Mark *last = sp->nmarks ? &sp->marks[sp->nmarks - 1] : NULL;
        if (last && last->start == start) {
            if (end > last->end)
                last->end = end;
        } else {
            if (sp->nmarks == sp->capmarks) {
                sp->capmarks = sp->capmarks ? 2 * sp->capmarks : 32;
                sp->marks = xrealloc(sp->marks, sp->capmarks * sizeof *sp->marks);
            }
            sp->marks[sp->nmarks++] = (Mark){start, end, at};
        }
    }
    pthread_mutex_unlock(&sp->mu);
}

static void *worker(void *arg)
{
    VtSpeech *sp = arg;
    pthread_mutex_lock(&sp->mu);
    while (!sp->quit) {
        if (!sp->pending) {
            pthread_cond_wait(&sp->cv, &sp->mu);
            continue;
        }
        char *text = sp->text, *key = sp->key;
        VtLang lang = sp->lang;
        VtSpeechSource *src = sp->src[sp->source];
        Job job = {sp, sp->gen};
        sp->text = sp->key = NULL;
        sp->pending = 0;
        pthread_mutex_unlock(&sp->mu);
        char why[200] = "";
        VtSpeechSink sink = {&job, sink_samples, sink_sentence};
        if (src->read(src->ctx, key, text, lang, &sink, why, sizeof why) < 0)
            log_warn("speech", "%s could not read: %s", src->name, why);
        free(text);
        free(key);
        pthread_mutex_lock(&sp->mu);
        if (sp->gen == job.gen)
            sp->made = 1;
    }
    pthread_mutex_unlock(&sp->mu);
    return NULL;
}

static void free_sources(VtSpeechSource **sources, int n)
{
    for (int i = 0; i < n; i++)
        if (sources[i])
            sources[i]->free(sources[i]->ctx);
}

VtSpeech *speech_new(VtSpeechSource **sources, int n, char *why, size_t whylen)
{
    VtSpeech *sp = xcalloc(1, sizeof *sp);
    sp->src = xcalloc((size_t)n, sizeof *sp->src);
    memcpy(sp->src, sources, (size_t)n * sizeof *sp->src);
    sp->nsrc = n;
    sp->volume = 100;
    sp->ring = xcalloc(VT_SPEECH_RING, sizeof *sp->ring);
    pthread_mutex_init(&sp->mu, NULL);
    pthread_cond_init(&sp->cv, NULL);
    int rc = pthread_create(&sp->thread, NULL, worker, sp);
    if (rc != 0) {
        snprintf(why, whylen, "cannot start the speech thread: %s", strerror(rc));
        pthread_cond_destroy(&sp->cv);
        pthread_mutex_destroy(&sp->mu);
        free_sources(sp->src, n);
        free(sp->src);
        free(sp->ring);
        free(sp);
        return NULL;
    }
    return sp;
}

/* Drops the reading under way and any request not taken; the caller holds the lock. */
static void reset_locked(VtSpeech *sp)
{
    sp->gen++;
    free(sp->text);
    free(sp->key);
    sp->text = sp->key = NULL;
    sp->pending = sp->active = sp->made = 0;
    sp->written = sp->played = 0;
    sp->nmarks = 0;
    pthread_cond_broadcast(&sp->cv);
}

void speech_free(VtSpeech *sp)
{
    if (!sp)
        return;
    pthread_mutex_lock(&sp->mu);
    reset_locked(sp);
    sp->quit = 1;
    pthread_cond_broadcast(&sp->cv);
    pthread_mutex_unlock(&sp->mu);
    pthread_join(sp->thread, NULL);
    pthread_cond_destroy(&sp->cv);
    pthread_mutex_destroy(&sp->mu);
    free_sources(sp->src, sp->nsrc);
    free(sp->src);
    free(sp->ring);
    free(sp->marks);
    free(sp);
}

int speech_start(VtSpeech *sp, const char *key, const char *text, VtLang lang)
{
    int source = -1;
    for (int i = 0; i < sp->nsrc && source < 0; i++)
        if (!sp->src[i]->has || sp->src[i]->has(sp->src[i]->ctx, key, lang))
            source = i;
    pthread_mutex_lock(&sp->mu);
    reset_locked(sp);
    if (source >= 0) {
        sp->text = xstrdup(text);
        sp->key = key ? xstrdup(key) : NULL;
        sp->lang = lang;
        sp->source = source;
        sp->pending = sp->active = 1;
    }
    pthread_mutex_unlock(&sp->mu);
    return source >= 0 ? 0 : -1;
}

void speech_stop(VtSpeech *sp)
{
    pthread_mutex_lock(&sp->mu);
    reset_locked(sp);
    pthread_mutex_unlock(&sp->mu);
}

void speech_set_volume(VtSpeech *sp, int volume)
{
    pthread_mutex_lock(&sp->mu);
    sp->volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
    pthread_mutex_unlock(&sp->mu);
}

size_t speech_pull(VtSpeech *sp, int16_t *out, size_t n)
{
    pthread_mutex_lock(&sp->mu);
    size_t ready = (size_t)(sp->written - sp->played);
    size_t k = n < ready ? n : ready;
    for (size_t i = 0; i < k; i++)
        out[i] = (int16_t)(sp->ring[(sp->played + i) % VT_SPEECH_RING] * sp->volume / 100);
    sp->played += k;
    if (k)
        pthread_cond_broadcast(&sp->cv); /* room in the ring */
    pthread_mutex_unlock(&sp->mu);
    memset(out + k, 0, (n - k) * sizeof *out);
    return k;
}

int speech_status(VtSpeech *sp, size_t *start, size_t *end)
{
    pthread_mutex_lock(&sp->mu);
    if (sp->active && sp->made && sp->played >= sp->written)
        sp->active = 0; /* everything made has been heard */
    size_t s = 0, e = 0;
    for (size_t i = 0; sp->active && i < sp->nmarks && sp->marks[i].at <= sp->played; i++)
        s = sp->marks[i].start, e = sp->marks[i].end;
    int active = sp->active;
    pthread_mutex_unlock(&sp->mu);
    if (start)
        *start = s;
    if (end)
        *end = e;
    return active;
}
