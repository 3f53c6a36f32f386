/*
 * app_speech: the player and the device are opened together and closed in reverse order (the
 * device's callback reads the player, so the device goes first). The ui names each reading by a
 * generation number: a new number means start (text) or stop (NULL), so a stop pressed, a page
 * left and a language switched all reach the player the same way.
 */
#include "app_speech.h"

#include "audio.h"
#include "log.h"
#include "synth.h"

#include <stdio.h>

#define VT_SPEECH_FOLLOW_MS 50 /* the mark moves within this of the voice */

/* Opens read-aloud if the config allows it and the machine can; enables the ui's control then.
 * Without it the kiosk runs silent (logged once). The device is tried first: espeak-ng (about
 * 2.5 MiB) is started only on a kiosk that can be heard. */
static void open_speech(VtApp *app)
{
    char why[256] = "";
    if (!app->cfg.read_aloud) {
        log_info("speech", "read aloud is off (read_aloud = off in the config)");
        return;
    }
    app->audio = audio_open(why, sizeof why);
    VtSpeechSource *synth = app->audio ? synth_new(NULL, why, sizeof why) : NULL;
    app->speech = synth ? speech_new(&synth, 1, why, sizeof why) : NULL;
    if (!app->speech) {
        log_warn("speech", "read aloud unavailable: %s", why);
        app_speech_close(app);
        return;
    }
    audio_attach(app->audio, app->speech);
    speech_set_volume(app->speech, app->cfg.volume);
    ui_speech_enable(app->ui, 1);
    log_info("speech", "read aloud ready (espeak-ng, volume %d%%)", app->cfg.volume);
}

void app_speech_sync(VtApp *app, uint64_t now, VtDeadline *next)
{
    if (!app->speech_tried) {
        if (app->first_frame_us < 0)
            return; /* espeak-ng's start (about 50 ms, 5 MB) does not delay the first frame */
        app->speech_tried = 1;
        open_speech(app);
    }
    if (!app->speech)
        return;
    VtLang lang;
    unsigned gen;
    char key[160];
    const char *text = ui_speech_wanted(app->ui, &lang, &gen, key, sizeof key);
    if (gen != app->speech_gen) {
        app->speech_gen = gen;
        if (!text)
            speech_stop(app->speech);
        else if (speech_start(app->speech, key, text, lang) != 0)
            log_warn("speech", "nothing can read %s", key);
    }
    int on = 0;
    if (text) {
        size_t start, end;
        on = speech_status(app->speech, &start, &end);
        ui_speech_progress(app->ui, gen, on, start, end);
    }
    audio_play(app->audio, on);
    if (on)
        deadline_in(next, now, VT_SPEECH_FOLLOW_MS);
}

void app_speech_close(VtApp *app)
{
    audio_close(app->audio);
    speech_free(app->speech);
    app->audio = NULL;
    app->speech = NULL;
}
