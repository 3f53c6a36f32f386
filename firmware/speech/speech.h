/*
 * speech: reading an item aloud, as plain C with no audio device of its own.
 *
 * Where the samples come from is an interface, VtSpeechSource: "the reading of this item in
 * this language", delivered as mono signed 16-bit samples at VT_SPEECH_RATE into a sink, with
 * the text positions of the sentences as they start. The synthesizer (synth.h, espeak-ng) is one
 * source. A curator's recording carried in the pack would be another: its has() answers for the
 * items (key) and languages it holds, its read() decodes the stored samples into the sink and
 * reports the sentence table stored beside them (byte offsets into the item's text and the
 * sample where each starts). The player asks its sources in order and uses the first whose has()
 * says yes, so a recording put before the synthesizer replaces it for the items it covers only.
 *
 * The player (VtSpeech) runs the chosen source on one worker thread of its own (created by
 * speech_new, joined by speech_free), so synthesis never blocks the main loop. The worker writes
 * into a ring of a few seconds; the audio device's callback (platform/audio.c) drains it with
 * speech_pull(), and the ring being full holds the worker back, so memory does not grow with the
 * length of an answer. The main loop asks speech_status() which sentence is being heard: the
 * sentence marks carry the sample at which they start, compared with the samples played.
 */
#ifndef VT_SPEECH_H
#define VT_SPEECH_H

#include "content.h"

#include <stddef.h>
#include <stdint.h>

#define VT_SPEECH_RATE 22050 /* samples per second, mono, signed 16-bit */

/* Where a source delivers a reading. Both callbacks run on the thread calling read(). */
typedef struct {
    void *ctx;
    /* n samples; returns nonzero when the reading must stop (read() then returns 1 soon). */
    int (*samples)(void *ctx, const int16_t *s, size_t n);
    /* A sentence of the text, bytes [start, end), starts at sample `at` of this reading. end may
     * grow: the same start reported again with a larger end as more of it is known. */
    void (*sentence)(void *ctx, size_t start, size_t end, uint64_t at);
} VtSpeechSink;

typedef struct VtSpeechSource VtSpeechSource;
struct VtSpeechSource {
    const char *name; /* for the log: "espeak-ng", "recording" */
    void *ctx;
    /* 1 when this source has a reading of item `key` (the ui's, e.g. "doc 3 item 7"; may be
     * NULL) in lang; NULL means it reads anything. */
    int (*has)(void *ctx, const char *key, VtLang lang);
    /* Reads text (UTF-8) in lang into sink, on the calling thread, until the end or until the
     * sink says stop. Returns 0 at the end, 1 when stopped, -1 on failure with a reason in why. */
    int (*read)(void *ctx, const char *key, const char *text, VtLang lang, const VtSpeechSink *sink,
                char *why, size_t whylen);
    void (*free)(void *ctx); /* frees ctx and the source itself */
};

typedef struct VtSpeech VtSpeech;

/* A player over n sources (asked in order; ownership passes to the player, which frees them)
 * with its worker thread started. Returns NULL (and frees the sources) when the thread cannot be
 * started, with the reason in why. */
VtSpeech *speech_new(VtSpeechSource **sources, int n, char *why, size_t whylen);

/* Stops any reading, joins the worker and frees the sources; NULL does nothing. */
void speech_free(VtSpeech *sp);

/* Starts reading text (copied) in lang, stopping what was being read. key names the item for the
 * sources' has() (copied; may be NULL). Returns 0, or -1 when no source has the item. */
int speech_start(VtSpeech *sp, const char *key, const char *text, VtLang lang);

/* Stops the reading now: what is left in the ring is dropped. Cannot fail. */
void speech_stop(VtSpeech *sp);

/* Volume 0..100 (clamped), applied as the samples are pulled. */
void speech_set_volume(VtSpeech *sp, int volume);

/* The audio device's side: fills out with n samples, silence where nothing is ready. Returns
 * the number of samples of the reading it gave (the rest of out is silence). Never blocks long:
 * safe to call from an audio callback. */
size_t speech_pull(VtSpeech *sp, int16_t *out, size_t n);

/* What the main loop shows: 1 while a reading is under way (being made or still to be heard),
 * 0 when it has ended or was stopped. *start, *end (may be NULL) receive the byte range of the
 * sentence being heard, both 0 before the first. */
int speech_status(VtSpeech *sp, size_t *start, size_t *end);

#endif
