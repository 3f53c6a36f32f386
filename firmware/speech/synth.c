/*
 * synth: espeak-ng in synchronous mode: espeak_Synth() runs on the caller's thread and hands
 * every chunk of samples (about 50 ms) with its events to a callback. The callback passes the
 * samples to the sink (which blocks while the player's ring is full, and says when to stop) and
 * turns espeak's sentence and word events into sentence marks: a sentence starts at its
 * SENTENCE event's text position and ends, as far as known, after its last WORD so far.
 * espeak counts text positions in characters from 1; the marks are byte offsets from 0.
 */
#include "synth.h"

#include "buf.h"
#include "log.h"

#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define VT_SYNTH_WPM                                                                               \
    160 /* words per minute: a little slower than espeak's 175, for reading along */

/* One reading: what the callback needs, reached through espeak's user_data. */
typedef struct {
    const char *text;
    size_t len;
    const VtSpeechSink *sink;
    int stopped;
    size_t pos_chars, pos_bytes; /* a cursor for character -> byte positions */
    size_t sent_start, sent_end;
    uint64_t sent_at;
    int in_sentence;
} Reading;

/* The byte offset of character position chars (from 0), walking on from the last one asked. */
static size_t byte_at(Reading *r, size_t chars)
{
    if (chars < r->pos_chars)
        r->pos_chars = r->pos_bytes = 0;
    while (r->pos_chars < chars && r->pos_bytes < r->len) {
        r->pos_bytes++;
        while (r->pos_bytes < r->len && ((unsigned char)r->text[r->pos_bytes] & 0xC0) == 0x80)
            r->pos_bytes++;
        r->pos_chars++;
    }
    return r->pos_bytes;
}

static void on_event(Reading *r, const espeak_EVENT *e)
{
    uint64_t at = (uint64_t)e->audio_position * VT_SPEECH_RATE / 1000;
    if (e->type == espeakEVENT_SENTENCE && e->text_position > 0) {
        r->sent_start = r->sent_end = byte_at(r, (size_t)e->text_position - 1);
        r->sent_at = at;
        r->in_sentence = 1;
    } else if (e->type == espeakEVENT_WORD && e->length > 0 && r->in_sentence &&
               e->text_position > 0) {
        size_t end = byte_at(r, (size_t)(e->text_position - 1 + e->length));
        while (end < r->len && !strchr(" \t\r\n", r->text[end]))
            end++; /* the word's punctuation: "zin." is marked with its full stop */
        if (end > r->sent_end) {
            r->sent_end = end;
            r->sink->sentence(r->sink->ctx, r->sent_start, r->sent_end, r->sent_at);
        }
    }
}

static int on_synth(short *wav, int n, espeak_EVENT *events)
{
    Reading *r = events ? events->user_data : NULL;
    if (!r)
        return 1;
    for (espeak_EVENT *e = events; e->type != espeakEVENT_LIST_TERMINATED; e++)
        on_event(r, e);
    if (wav && n > 0 && r->sink->samples(r->sink->ctx, (const int16_t *)wav, (size_t)n))
        r->stopped = 1;
    return r->stopped;
}

static int synth_read(void *ctx, const char *key, const char *text, VtLang lang,
                      const VtSpeechSink *sink, char *why, size_t whylen)
{
    (void)ctx;
    (void)key;
    const char *voice = lang == VT_LANG_EN ? "en" : "nl";
    if (espeak_SetVoiceByName(voice) != EE_OK) {
        snprintf(why, whylen, "espeak-ng has no voice %s", voice);
        return -1;
    }
    espeak_SetParameter(espeakRATE, VT_SYNTH_WPM, 0);
    Reading r = {.text = text, .len = strlen(text), .sink = sink};
    espeak_ERROR err = espeak_Synth(text, r.len + 1, 0, POS_CHARACTER, 0,
                                    espeakCHARS_UTF8 | espeakENDPAUSE, NULL, &r);
    if (err != EE_OK) {
        snprintf(why, whylen, "espeak_Synth failed (%d)", (int)err);
        return -1;
    }
    return r.stopped;
}

static void synth_free(void *ctx)
{
    espeak_Terminate();
    free(ctx);
}

/* espeak-ng falls back to its default place when a named one lacks data: check it ourselves. */
static int has_data(const char *dir)
{
    static const char *const need[] = {"phontab", "nl_dict", "en_dict"};
    for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, need[i]);
        if (access(path, R_OK) != 0)
            return 0;
    }
    return 1;
}

VtSpeechSource *synth_new(const char *data_dir, char *why, size_t whylen)
{
    if (data_dir && !has_data(data_dir)) {
        snprintf(why, whylen, "espeak-ng-data is missing or incomplete in %s", data_dir);
        return NULL;
    }
    /* espeak-ng prints to stderr and, without this option, exits on missing data. */
    int rate =
        espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, data_dir, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        snprintf(why, whylen, "espeak-ng cannot start (no espeak-ng-data in %s)",
                 data_dir ? data_dir : "its default place");
        return NULL;
    }
    if (rate != VT_SPEECH_RATE || espeak_SetVoiceByName("nl") != EE_OK ||
        espeak_SetVoiceByName("en") != EE_OK) {
        snprintf(why, whylen, "espeak-ng lacks the nl or en voice (or runs at %d Hz)", rate);
        espeak_Terminate();
        return NULL;
    }
    espeak_SetSynthCallback(on_synth);
    log_info("speech", "espeak-ng started"); /* e2e_speech_none: never without a device */
    VtSpeechSource *s = xcalloc(1, sizeof *s);
    *s = (VtSpeechSource){"espeak-ng", s, NULL, synth_read, synth_free};
    return s;
}
