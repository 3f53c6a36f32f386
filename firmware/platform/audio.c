/*
 * audio: SDL's audio callback runs on SDL's audio thread and only copies from the player's
 * ring (speech_pull never waits for synthesis), so a late synthesizer is heard as a short
 * silence, never as a stalled callback. Where ALSA is the driver and the machine has no sound
 * card (a development machine, a VM), the device is not opened at all: alsa-lib would print a
 * screenful of "cannot find card '0'" ... "Unknown PCM default" on stderr before failing.
 */
#include "audio.h"

#include "buf.h"

#include <SDL.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct VtAudio {
    SDL_AudioDeviceID dev;
    VtSpeech *sp;
    int playing;
};

static void fill(void *ctx, Uint8 *stream, int len)
{
    VtAudio *a = ctx;
    if (a->sp)
        speech_pull(a->sp, (int16_t *)stream, (size_t)len / sizeof(int16_t));
    else
        memset(stream, 0, (size_t)len);
}

/* Whether ALSA has a playback device to open: a card's PCM playback node, /dev/snd/pcmC*D*p.
 * Returns 1 when there is one, or when the folder cannot be read (then ALSA is asked). */
static int alsa_has_playback(void)
{
    DIR *d = opendir("/dev/snd");
    if (!d)
        return errno != ENOENT;
    int found = 0;
    for (struct dirent *e; !found && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        found = !strncmp(e->d_name, "pcmC", 4) && e->d_name[n - 1] == 'p';
    }
    closedir(d);
    return found;
}

VtAudio *audio_open(char *why, size_t whylen)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(why, whylen, "no audio: %s", SDL_GetError());
        return NULL;
    }
    const char *driver = SDL_GetCurrentAudioDriver();
    if (!driver || !strcmp(driver, "dummy")) {
        snprintf(why, whylen, "no audio device (SDL audio driver %s)", driver ? driver : "none");
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return NULL;
    }
    if (!strcmp(driver, "alsa") && !alsa_has_playback()) {
        snprintf(why, whylen, "no audio device (alsa): no sound card (no /dev/snd/pcmC*D*p)");
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return NULL;
    }
    VtAudio *a = xcalloc(1, sizeof *a);
    SDL_AudioSpec want = {0}, have;
    want.freq = VT_SPEECH_RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024; /* 46 ms: the mark follows the voice closely enough */
    want.callback = fill;
    want.userdata = a;
    a->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (!a->dev) {
        snprintf(why, whylen, "no audio device (%s): %s", driver, SDL_GetError());
        free(a);
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return NULL;
    }
    return a;
}

void audio_attach(VtAudio *a, VtSpeech *sp)
{
    if (!a)
        return;
    SDL_LockAudioDevice(a->dev); /* the callback reads a->sp on SDL's audio thread */
    a->sp = sp;
    SDL_UnlockAudioDevice(a->dev);
}

void audio_play(VtAudio *a, int on)
{
    if (!a || a->playing == on)
        return;
    a->playing = on;
    SDL_PauseAudioDevice(a->dev, !on);
}

void audio_close(VtAudio *a)
{
    if (!a)
        return;
    SDL_CloseAudioDevice(a->dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(a);
}
