/*
 * synth: the speech source that synthesizes, with espeak-ng (Debian's libespeak-ng and
 * espeak-ng-data, voices "nl" and "en"), so every item can be read aloud with no recording.
 * Dutch text is read with the Dutch voice and English with the English one.
 *
 * espeak-ng keeps its state in the library, so there is at most one synth per process, and
 * read() must run on one thread at a time (the player's worker does).
 */
#ifndef VT_SYNTH_H
#define VT_SYNTH_H

#include "speech.h"

/* The synthesizer as a speech source (ownership to the caller, who gives it to speech_new or
 * calls its free()). data_dir is espeak-ng's data (NULL: the library's default,
 * /usr/lib/<triplet>/espeak-ng-data on Debian). Returns NULL with the reason in why when
 * espeak-ng cannot start or lacks the nl or en voice. */
VtSpeechSource *synth_new(const char *data_dir, char *why, size_t whylen);

#endif
