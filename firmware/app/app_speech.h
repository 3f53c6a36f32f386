/*
 * app_speech: read-aloud wired into the kiosk. Just after the first frame it opens the synthesizer,
 * the player and the audio device, once; when any is missing (read_aloud = off, no espeak-ng data,
 * no sound device) it logs the reason once and the ui never shows the control. Each turn of the
 * main loop it hands the ui's wish (read this, or silence) to the player and the player's progress
 * (which sentence is heard, or that the reading ended) back to the ui, runs the audio device only
 * while something is being read, and asks the loop to wake often enough for the mark to keep up.
 */
#ifndef VT_APP_SPEECH_H
#define VT_APP_SPEECH_H

#include "app.h"

/* One turn of the loop at now. The first turn after the first frame opens read-aloud if the
 * config allows it and the machine can (logged once either way; without it the kiosk runs
 * silent and the ui never shows the control). Then: syncs the ui and the player, and adds a
 * wake-up to next while a reading is heard. Cannot fail. */
void app_speech_sync(VtApp *app, uint64_t now, VtDeadline *next);

/* Stops, closes the device and joins the player's thread. Safe when never opened. */
void app_speech_close(VtApp *app);

#endif
