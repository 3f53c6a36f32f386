/*
 * test_speech: reading aloud with no audio device: the samples are captured. A known Dutch and
 * a known English sentence give audible speech of a plausible length, with sentence marks at
 * the right byte offsets (also after multi-byte characters); the player, drained as an audio
 * callback would, plays it all, follows the sentences, stops at once, applies the volume, and
 * prefers a source that has the item (a curator's recording) over the synthesizer.
 */
#include "speech.h"
#include "synth.h"

#include "vt_test.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
    int16_t *s;
    size_t n, cap;
    size_t starts[16], ends[16];
    uint64_t at[16];
    int nsent;
    size_t stop_after; /* ask to stop once this many samples came (0: never) */
} Capture;

static int cap_samples(void *ctx, const int16_t *s, size_t n)
{
    Capture *c = ctx;
    if (c->n + n > c->cap) {
        c->cap = (c->n + n) * 2;
        c->s = realloc(c->s, c->cap * sizeof *c->s);
    }
    memcpy(c->s + c->n, s, n * sizeof *s);
    c->n += n;
    return c->stop_after && c->n >= c->stop_after;
}

static void cap_sentence(void *ctx, size_t start, size_t end, uint64_t at)
{
    Capture *c = ctx;
    if (c->nsent && c->starts[c->nsent - 1] == start) {
        c->ends[c->nsent - 1] = end;
        return;
    }
    if (c->nsent < 16) {
        c->starts[c->nsent] = start, c->ends[c->nsent] = end, c->at[c->nsent] = at;
        c->nsent++;
    }
}

static double rms(const int16_t *s, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (double)s[i] * s[i];
    return n ? sqrt(sum / (double)n) : 0;
}

static VtSpeechSource *synth;

static int capture(const char *text, VtLang lang, Capture *c)
{
    VtSpeechSink sink = {c, cap_samples, cap_sentence};
    char why[200] = "";
    int rc = synth->read(synth->ctx, NULL, text, lang, &sink, why, sizeof why);
    if (rc < 0)
        fprintf(stderr, "read: %s\n", why);
    return rc;
}

static const char *const NL = "Dit is de eerste zin. En dit is de tweede zin.";
static const char *const EN = "This is the first sentence. And this is the second one.";

static void check_reading(const char *text, VtLang lang, size_t second)
{
    Capture c = {0};
    CHECK_INT(capture(text, lang, &c), 0);
    double secs = (double)c.n / VT_SPEECH_RATE;
    /* Nine or ten words at about 160 a minute: between 2 and 8 seconds, and not silence. */
    CHECK(secs > 2.0 && secs < 8.0);
    CHECK(rms(c.s, c.n) > 500);
    CHECK_INT(c.nsent, 2);
    CHECK_INT(c.starts[0], 0);
    CHECK_INT(c.ends[0], second - 1); /* up to the full stop, not the space */
    CHECK_INT(c.starts[1], second);
    CHECK_INT(c.ends[1], strlen(text));
    CHECK(c.at[1] > c.at[0] && c.at[1] < c.n);
    free(c.s);
}

static void synth_dutch(void) { check_reading(NL, VT_LANG_NL, 22); }
static void synth_english(void) { check_reading(EN, VT_LANG_EN, 28); }

/* "Één" is five bytes and three characters: espeak counts characters, the marks bytes. */
static void synth_utf8_offsets(void)
{
    Capture c = {0};
    CHECK_INT(capture("Één vraag. Twee antwoorden.", VT_LANG_NL, &c), 0);
    CHECK_INT(c.nsent, 2);
    CHECK_INT(c.starts[1], 13);
    CHECK_INT(c.ends[1], strlen("Één vraag. Twee antwoorden."));
    free(c.s);
}

/* The two voices differ: the same letters read as Dutch and as English are not the same audio. */
static void synth_voice_follows_language(void)
{
    Capture a = {0}, b = {0};
    capture("Goede morgen, wat een mooie dag.", VT_LANG_NL, &a);
    capture("Goede morgen, wat een mooie dag.", VT_LANG_EN, &b);
    CHECK(a.n != b.n || memcmp(a.s, b.s, a.n * sizeof *a.s) != 0);
    free(a.s);
    free(b.s);
}

static void synth_stops_when_asked(void)
{
    Capture c = {.stop_after = 2000};
    CHECK_INT(capture(NL, VT_LANG_NL, &c), 1);
    CHECK(c.n < VT_SPEECH_RATE); /* well before the end */
    free(c.s);
}

/* A stand-in for a curator's recording in the pack: it has item "doc 1" only, as a tone. */
static int rec_has(void *ctx, const char *key, VtLang lang)
{
    (void)ctx;
    return key && !strcmp(key, "doc 1") && lang == VT_LANG_NL;
}

static int rec_read(void *ctx, const char *key, const char *text, VtLang lang,
                    const VtSpeechSink *sink, char *why, size_t whylen)
{
    (void)ctx, (void)key, (void)lang, (void)why, (void)whylen;
    int16_t tone[1000];
    for (int i = 0; i < 1000; i++)
        tone[i] = 1234;
    sink->sentence(sink->ctx, 0, strlen(text), 0);
    return sink->samples(sink->ctx, tone, 1000);
}

static void rec_free(void *ctx) { free(ctx); }

/* Drains the player as the audio callback would, until the reading ends (or limit samples). */
static size_t drain(VtSpeech *sp, int16_t *first, size_t limit, size_t *second_start)
{
    int16_t buf[512];
    size_t total = 0, s, e;
    *second_start = 0;
    for (int spins = 0; spins < 200000 && total < limit; spins++) {
        if (!speech_status(sp, &s, &e))
            break;
        if (s && !*second_start)
            *second_start = s;
        size_t k = speech_pull(sp, buf, 512);
        if (!total && k && first)
            *first = buf[0];
        total += k;
        if (!k)
            nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    return total;
}

static VtSpeech *player(void)
{
    char why[200];
    VtSpeechSource *rec = calloc(1, sizeof *rec);
    *rec = (VtSpeechSource){"recording", rec, rec_has, rec_read, rec_free};
    VtSpeechSource *src[2] = {rec, synth};
    VtSpeech *sp = speech_new(src, 2, why, sizeof why);
    synth = NULL; /* the player owns it now */
    return sp;
}

static void player_reads_follows_and_stops(VtSpeech *sp)
{
    Capture direct = {0};
    size_t second;
    CHECK_INT(speech_start(sp, "doc 2", NL, VT_LANG_NL), 0);
    size_t n = drain(sp, NULL, SIZE_MAX, &second);
    CHECK(n > 2 * VT_SPEECH_RATE);
    CHECK_INT(second, 22); /* the mark moved to the second sentence while it played */
    CHECK_INT(speech_status(sp, NULL, NULL), 0);
    (void)direct;

    /* Stopped halfway: nothing more comes out, and the status says so at once. */
    CHECK_INT(speech_start(sp, "doc 2", NL, VT_LANG_NL), 0);
    drain(sp, NULL, VT_SPEECH_RATE / 2, &second);
    speech_stop(sp);
    CHECK_INT(speech_status(sp, NULL, NULL), 0);
    int16_t buf[256];
    CHECK_INT(speech_pull(sp, buf, 256), 0);
    CHECK_INT(buf[0], 0);
    CHECK_INT(buf[255], 0);
}

static void player_volume_and_sources(VtSpeech *sp)
{
    size_t second;
    int16_t first = 0;
    /* The recording stand-in has doc 1 in Dutch: it is preferred, at the volume set. */
    speech_set_volume(sp, 50);
    CHECK_INT(speech_start(sp, "doc 1", "Een opname.", VT_LANG_NL), 0);
    CHECK_INT(drain(sp, &first, SIZE_MAX, &second), 1000);
    CHECK_INT(first, 617);
    /* In English it has none: the synthesizer reads it, silenced by volume 0. */
    speech_set_volume(sp, 0);
    CHECK_INT(speech_start(sp, "doc 1", "A recording.", VT_LANG_EN), 0);
    int16_t buf[512];
    size_t heard = 0, loud = 0;
    for (int spins = 0; spins < 100000 && speech_status(sp, NULL, NULL); spins++) {
        size_t k = speech_pull(sp, buf, 512);
        heard += k;
        for (size_t i = 0; i < k; i++)
            loud += buf[i] != 0;
        if (!k)
            nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    CHECK(heard > VT_SPEECH_RATE / 2);
    CHECK_INT(loud, 0);
}

static void player_all(void)
{
    VtSpeech *sp = player();
    CHECK(sp != NULL);
    if (!sp)
        return;
    player_reads_follows_and_stops(sp);
    player_volume_and_sources(sp);
    speech_free(sp);
}

static void synth_missing_data(void)
{
    /* Run last: espeak-ng's state is global, and this leaves it terminated. */
    char why[200] = "";
    VtSpeechSource *s = synth_new("/nonexistent/espeak-ng-data", why, sizeof why);
    CHECK(s == NULL);
    CHECK(strstr(why, "espeak-ng") != NULL);
    if (s)
        s->free(s->ctx);
}

int main(void)
{
    char why[200] = "";
    synth = synth_new(NULL, why, sizeof why);
    if (!synth) {
        fprintf(stderr, "no synthesizer: %s\n", why);
        return 1;
    }
    RUN(synth_dutch);
    RUN(synth_english);
    RUN(synth_utf8_offsets);
    RUN(synth_voice_follows_language);
    RUN(synth_stops_when_asked);
    RUN(player_all);
    RUN(synth_missing_data);
    return vt_test_finish();
}
