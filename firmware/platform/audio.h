/*
 * audio: the kiosk's speaker or headphone jack, as SDL's audio device, playing what the speech
 * player (speech.h) has ready. The device is opened once at start-up at the player's format
 * (VT_SPEECH_RATE, mono, signed 16-bit) and paused whenever nothing is being read, so a silent
 * kiosk has no audio thread waking it. SDL's "dummy" driver (no sound card, and the tests) counts
 * as no device: read-aloud is then hidden, as it is where no device opens. The device is opened
 * before the player exists (audio_attach() joins them), so a kiosk without sound never starts
 * the synthesizer (espeak-ng's start costs about 2.5 MiB).
 */
#ifndef VT_AUDIO_H
#define VT_AUDIO_H

#include "speech.h"

typedef struct VtAudio VtAudio;

/* The default output device, paused, playing silence until audio_attach(). Returns NULL with
 * the reason in why when there is no usable device. Free with audio_close(). */
VtAudio *audio_open(char *why, size_t whylen);

/* Drains the device from sp from now on (borrowed: it must outlive the VtAudio, or be detached
 * with NULL first). a NULL does nothing. */
void audio_attach(VtAudio *a, VtSpeech *sp);

/* Runs (on = 1) or pauses (0) the device; cheap when unchanged. NULL does nothing. */
void audio_play(VtAudio *a, int on);

/* Stops and closes the device (the callback has returned when this does); NULL does nothing. */
void audio_close(VtAudio *a);

#endif
