/*
 * app_speech: read-aloud wired into the kiosk. At start-up it opens the synthesizer, the player
 * and the audio device, once; when any is missing (read_aloud = off, no espeak-ng data, no sound
 * device) it logs the reason once and the ui never shows the control. Each turn of the main loop
 * it hands the ui's wish (read this, or silence) to the player and the player's progress (which
 * sentence is heard, or that the reading ended) back to the ui, runs the audio device only while
 * something is being read, and asks the loop to wake often enough for the mark to keep up.
 */
#ifndef VT_APP_SPEECH_H
#define VT_APP_SPEECH_H

#include "app.h"

/* Opens read-aloud if the config allows it and the machine can; enables the ui's control then.
 * Cannot fail: without it the kiosk runs silent (logged once). */
void app_speech_open(VtApp *app);

/* One turn of the loop at now: syncs the ui and the player; adds a wake-up to next while a
 * reading is heard. */
void app_speech_sync(VtApp *app, uint64_t now, VtDeadline *next);

/* Stops, closes the device and joins the player's thread. Safe when never opened. */
void app_speech_close(VtApp *app);

#endif
