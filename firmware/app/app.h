/*
 * app: the one context the kiosk has, owned by main() and passed down. It ties the pieces
 * together (content, ui, renderer, clock) and runs the main loop: sleep until input or the ui's
 * next deadline, feed what arrived to the ui, draw only when the ui says something changed.
 */
#ifndef VT_APP_H
#define VT_APP_H

#include "cli.h"
#include "config.h"
#include "content.h"
#include "render.h"
#include "schedule.h"
#include "store_watch.h"
#include "ui.h"

#include <stdint.h>

typedef struct {
    VtCli cli;
    VtConfig cfg;            /* the config file, with the command line's overrides applied */
    VtStoreWatch watch;      /* the pack store, when the shown pack lives there */
    VtScreenClock screen;    /* opening hours and wake-by-touch */
    int screen_on;           /* what the screen shows now: 1 the exhibit, 0 dark */
    uint64_t watchdog_us;    /* systemd's ping interval, 0 when not supervised */
    uint64_t next_ping;      /* ms, when the watchdog is due next */
    struct VtEvents *events; /* input and sleeping (platform/events.h) */
    VtRender *render;
    VtContent *content; /* on the heap: the ui borrows it, and a reload must not move it */
    VtUi *ui;
    char pack_path[1024];
    char pack_trust[320]; /* for staff: "verified: key ...", "unverified: ...", "installed default"
                           */
    char pack_refused[640]; /* for staff: why a newer store pack is not shown, or "" */
    char font_dir[1024];
    uint64_t t0;                     /* clock at start */
    int64_t first_frame_us;          /* wall time from process start to the first frame, -1 none */
    int status_screen;               /* what the last STATUS= line said: screen + 1, 0 dark */
    const VtContent *status_content; /* ... and for which pack (NULL: none sent yet) */
    int running;
    int escapes; /* Escape presses in a row (desktop quit) */
    uint64_t last_escape;
    struct VtSpeech *speech; /* read aloud (app_speech.h), NULL when unavailable */
    struct VtAudio *audio;
    unsigned speech_gen; /* the ui's reading the player was last told of */
    int speech_tried;    /* read-aloud was opened, or found unavailable */
} VtApp;

/* Opens the window and loads the pack. Returns 0, or -1 after printing a clear reason (no
 * pack, a broken pack, no font, no display). */
int app_open(VtApp *app, const VtCli *cli);

/* Runs until quit; returns the process exit code. */
int app_run(VtApp *app);

/* Draws a frame now (ui_frame + render + present). */
void app_draw(VtApp *app);

/* Today, as days since 1970-01-01, for the timeline's marker: the clock, or --today, or the
 * pack's build date when the clock is behind it. */
long app_today(const VtApp *app);

/* Prints the --stats JSON to stdout. */
void app_print_stats(const VtApp *app);

void app_close(VtApp *app);

#endif
